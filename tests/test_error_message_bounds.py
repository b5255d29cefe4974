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
