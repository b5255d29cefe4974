"""Where an article's error message begins and ends, and what around it is no part of it.

A log block quoted under a problem holds the line that failed and the routine lines around it; an
explanation written right under the error is why it happened, not more of what is seen. Each test
writes a small article of its own and reads it with the real indexer (and answers from its index
where the finding was a wrong answer).
"""

from __future__ import annotations

from pathlib import Path

from test_house_styles import read

from api.knowledge import KnowledgeBase
from api.matcher import match
from indexer.build import build_index
from indexer.errortext import only_statuses

REPLICA_ANSWER = """\
# Streaming replica falls behind and stops

## Replica stops: requested WAL segment was removed

The standby's log shows:

```
FATAL:  could not receive data from WAL stream: ERROR:  requested WAL segment 000000010000000B0000007E has already been removed
```

### Resolution

1. Set `restore_command = 'pgbackrest --stanza=main archive-get %f "%p"'` on the standby.
2. Restart the standby so it replays the missing segments from the archive.

## Archive fetch fails after the restart

Once restarted, the standby logs:

```
2024-03-18 09:12:44.120 UTC [2281] LOG:  restored log file "000000010000000B0000007D" from archive
2024-03-18 09:12:44.316 UTC [2281] ERROR:  archive-get: unable to find 000000010000000B0000007E in the archive
```

### Resolution

1. Stop the standby and move its data directory aside.
2. Clone it again with `pg_basebackup -R -X stream`.
"""


def test_a_routine_log_line_above_the_failure_is_no_part_of_its_message(tmp_path: Path) -> None:
    """PostgreSQL logs at LOG and NOTICE what goes as it should ("restored log file … from archive"): in
    a block whose other line is logged at a failure's level, the message is that line alone."""
    article = read(tmp_path / "kb", "replica.md", REPLICA_ANSWER)
    first, second = article.problems
    assert second.title == "Archive fetch fails after the restart"
    assert second.error_messages == ["archive-get: unable to find 000000010000000B0000007E in the archive"]
    assert [s.text for s in second.steps] == [
        "Stop the standby and move its data directory aside.",
        "Clone it again with pg_basebackup -R -X stream.",
    ]
    assert first.error_messages == [
        "could not receive data from WAL stream: ERROR: requested WAL segment 000000010000000B0000007E "
        "has already been removed"
    ]
    build_index([tmp_path / "kb"], tmp_path / "index.db")
    kb = KnowledgeBase(tmp_path / "index.db")
    # The line a healthy recovery prints is no error this article answers with confidence.
    healthy = match(kb, 'LOG:  restored log file "00000001000000120000004A" from archive')
    assert all(m.confidence != "high" for m in healthy.matches)
    # The failure pasted with the routine line over it still finds its problem.
    pasted = (
        '2024-05-02 11:40:09.500 UTC [913] LOG:  restored log file "00000001000000120000004A" from archive\n'
        "2024-05-02 11:40:09.701 UTC [913] ERROR:  archive-get: unable to find 00000001000000120000004B in "
        "the archive"
    )
    best = match(kb, pasted).matches[0]
    assert (best.problem.title, best.confidence) == ("Archive fetch fails after the restart", "high")


def test_a_block_of_routine_log_lines_alone_stays_the_message(tmp_path: Path) -> None:
    """PostgreSQL logs some trouble at LOG too ("invalid record length …"): where no line of the block is
    logged at a failure's level, each line is kept."""
    text = """\
# Standby stops replaying

## Replay stops at an invalid record

The standby's log ends with:

```
LOG:  invalid record length at 0/3000060: wanted 24, got 0
LOG:  waiting for WAL to become available at 0/3000078
```

### Resolution

1. Check the primary's disk for errors.
"""
    [problem] = read(tmp_path / "kb", "replay.md", text).problems
    assert problem.error_messages == [
        "LOG: invalid record length at 0/3000060: wanted 24, got 0 LOG: waiting for WAL to become available at "
        "0/3000078"
    ]


RENDER_PAGE = """\
# Troubleshooting map exports

```{contents}
:local:
```

## Export workers time out

Under load, export requests fail with `502 Bad Gateway` and the worker log shows:

```text
ERROR exporter: job 8812 exceeded export_timeout (60s) (MX-E-502)
```

**Cause:** large exports at full resolution take longer than `export_timeout`.

1. Set `export_timeout: 180` in `mapex.yaml`.
2. Restart the `mapex-worker` service.

## Upload to the archive fails with HTTP 413

The archive step fails:

```text
ERROR archiver: PUT https://store.example.org/maps/2024-02-09.zip -> 413 Request Entity Too Large [MX-A-117]
```

**Cause:** the archive is larger than the storage gateway accepts in one request.

1. Set `chunked_upload: true` in `mapex.yaml`.
2. Restart the `mapex-worker` service.
"""


def test_a_bare_http_status_answers_no_product_s_problem_with_confidence(tmp_path: Path) -> None:
    """Any web server prints "502 Bad Gateway" or "413 Request Entity Too Large": the status (its number or
    its phrase) says the failure is of that kind, not that it is this product's. Before: a status's number
    named the product's own code of the same digits (MX-E-502) and the status a title names was the
    problem's code, both "high" for a status pasted from another program."""
    timeouts, upload = read(tmp_path / "docs", "mapex.md", RENDER_PAGE).problems
    assert timeouts.error_messages == [
        "502 Bad Gateway",
        "exporter: job 8812 exceeded export_timeout (60s) (MX-E-502)",
    ]
    assert sorted(upload.error_codes) == ["413", "MXA117"]
    build_index([tmp_path / "docs"], tmp_path / "index.db")
    kb = KnowledgeBase(tmp_path / "index.db")
    for asked in (
        "nginx: 502 Bad Gateway on our storefront",
        "HTTP/1.1 502 Bad Gateway",
        "the proxy returned 413 Request Entity Too Large when uploading a photo to our app",
        "HTTP 413",
    ):
        assert all(m.confidence != "high" for m in match(kb, asked).matches), asked
    # The product's own line or code still identifies its problem.
    for asked, expected in (
        ("ERROR exporter: job 9120 exceeded export_timeout (60s) (MX-E-502)", timeouts.title),
        ("MX-E-502", timeouts.title),
        (
            "ERROR archiver: PUT https://store.example.org/maps/2024-03-01.zip -> 413 Request Entity Too Large "
            "[MX-A-117]",
            upload.title,
        ),
    ):
        best = match(kb, asked).matches[0]
        assert (best.problem.title, best.confidence) == (expected, "high"), asked


def test_a_number_labelled_as_the_error_s_code_still_names_the_product_s_code(tmp_path: Path) -> None:
    """Guard: only a status named as one ("502 Bad Gateway", "HTTP 413") is kept from the product's codes
    of the same digits; a number the paste labels as the error's code ("errorCode": 502) still names
    MX-E-502, and a status an HTTP-errors page heads a section with still finds that section first."""
    read(tmp_path / "docs", "mapex.md", RENDER_PAGE)
    read(
        tmp_path / "docs",
        "api-errors.md",
        "# Map API errors\n\n## 409 Conflict\n\nThe style was changed by another request.\n\n"
        "**How to fix it:**\n\n1. Fetch the style again and retry.\n",
    )
    build_index([tmp_path / "docs"], tmp_path / "index.db")
    kb = KnowledgeBase(tmp_path / "index.db")
    best = match(kb, '{"errorCode": 502, "message": "export job exceeded its time limit"}').matches[0]
    assert best.problem.title == "Export workers time out"
    assert ("error_code", "MXE502") in [(e.field, e.matched) for e in best.evidence]
    best = match(kb, "PUT /v1/styles/harbour returned HTTP/1.1 409 Conflict").matches[0]
    assert best.problem.title == "409 Conflict"
    assert ("error_code", "409") in [(e.field, e.matched) for e in best.evidence]


def test_a_status_line_alone_is_told_from_a_message_that_names_a_status() -> None:
    for text in (
        "413 Request Entity Too Large",
        "HTTP/1.1 504 Gateway Timeout",
        "HTTP 401",
        "http 413 payload too large",
    ):
        assert only_statuses(text), text
    for text in (
        "Upload failed: HTTP 412 Precondition Failed - store code has changed",
        "archiver: PUT https://store.example.org/a.zip -> 413 Request Entity Too Large [MX-A-117]",
        "500 users",
        "error 500",
    ):
        assert not only_statuses(text), text


WIKI_PAGE = """\
**Pages:** [[Home]] · [[Setup]] · **[[Troubleshooting]]**

# Troubleshooting

## Sync stops with "database is locked"

```
Error: TB-E207 state store: database is locked
```

This happens when two `tidebox` agents share one state directory, as a second login session on the same
account starts its own agent.

**Fix**

1. Stop the second agent: `tidebox agent stop --all`
2. Start one agent again: `tidebox agent start`

## Uploads are refused after a restore

```
Error: TB-E311 upload refused: object version is older than the stored one
```

It usually occurs after a machine is restored from a backup, because the restored files carry their old
version stamps.

**Fix**

1. Reset the version stamps: `tidebox stamps reset`
"""


def test_a_wiki_s_paragraph_saying_why_between_the_error_and_its_fix_label_is_the_cause(
    tmp_path: Path,
) -> None:
    """A GitHub wiki's entry: the error block, then an unlabelled paragraph that says why ("This happens
    when …", "It usually occurs after …, because …"), then **Fix**. Before: the paragraph was the
    problem's symptoms, and no cause was found."""
    locked, refused = read(tmp_path / "wiki", "Troubleshooting.md", WIKI_PAGE).problems
    assert locked.title == 'Sync stops with "database is locked"'
    assert locked.error_messages == ["TB-E207 state store: database is locked"]
    assert locked.cause.startswith("This happens when two tidebox agents share one state directory")
    assert locked.symptoms == ""
    assert [s.text for s in locked.steps] == [
        "Stop the second agent: tidebox agent stop --all",
        "Start one agent again: tidebox agent start",
    ]
    assert refused.cause.startswith("It usually occurs after a machine is restored from a backup")
    assert [s.text for s in refused.steps] == ["Reset the version stamps: tidebox stamps reset"]


def test_a_paragraph_that_only_describes_between_the_error_and_its_fix_label_stays_the_symptoms(
    tmp_path: Path,
) -> None:
    """Guard: a paragraph there that says what else is seen, or what state things are in, with no word of
    why, is still read as what is seen: such a sentence describes the problem as often as it explains it."""
    page = WIKI_PAGE.replace(
        "This happens when two `tidebox` agents share one state directory, as a second login session on the same\n"
        "account starts its own agent.",
        "The tray icon turns grey and no file is uploaded until the agent is restarted.",
    )
    locked = read(tmp_path / "wiki", "Troubleshooting.md", page).problems[0]
    assert locked.symptoms == "The tray icon turns grey and no file is uploaded until the agent is restarted."
    assert locked.cause == ""


def test_a_failure_postgresql_logs_at_log_level_stays_the_message(tmp_path: Path) -> None:
    """Guard (reread): PostgreSQL logs some failures at LOG ("could not bind …", "terminated by signal 9"):
    beside a FATAL line such a line is the error, not a routine line to leave out."""
    text = (
        "# Server start-up failures\n\n## Port already in use\n\nThe server log shows:\n\n```\n"
        '2024-05-02 08:00:01.100 UTC [911] LOG:  could not bind IPv4 address "0.0.0.0": Address already in use\n'
        "2024-05-02 08:00:01.101 UTC [911] FATAL:  could not create any TCP/IP sockets\n```\n\n"
        "1. Stop the other server on port 5432.\n\n## Backend killed\n\nThe server log shows:\n\n```\n"
        "2024-05-02 09:10:11.000 UTC [912] LOG:  server process (PID 4242) was terminated by signal 9: Killed\n"
        "2024-05-02 09:10:11.001 UTC [912] WARNING:  terminating connection because of crash of another process\n"
        "```\n\n1. Give the host more memory.\n"
    )
    bind, killed = read(tmp_path / "kb", "startup.md", text).problems
    assert any("could not bind IPv4 address" in m for m in bind.error_messages)
    assert any("terminated by signal 9" in m for m in killed.error_messages)
