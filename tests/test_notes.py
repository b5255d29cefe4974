"""A fix's lead-ins and remarks around its steps: read as notes, stored, and shown with the steps."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from fastapi.testclient import TestClient

from api.cli import cli
from api.http import create_app
from api.knowledge import KnowledgeBase
from api.matcher import match
from api.settings import Settings
from indexer.build import build_index
from indexer.markdown_article import MAX_NOTES
from indexer.parse import parse_article

SPOOLER = """\
---
id: spooler
title: Print jobs stay in the queue
---
# Print jobs stay in the queue

## Symptoms

Jobs stay in the queue with the status "Error - Printing".

## Resolution

Before you start, sign in as a local administrator: the service cannot be restarted otherwise.

1. Open Services.
2. Restart the Print Spooler service.

If the jobs are still stuck after ten minutes, delete the files in the PRINTERS spool folder.
"""

METHODS = """\
---
id: methods
title: Sync stops with error 0x8004010F
---
# Sync stops with error 0x8004010F

## Resolution

### Method 1: Recreate the profile

Close Outlook first.

1. Open Mail in Control Panel.
2. Add a new profile.

### Method 2: Repair the data file

1. Run the Inbox Repair tool.
2. Open Outlook again.

If the error comes back, contact your administrator.
"""


def _notes(text: str) -> list[tuple[str, str | None, bool]]:
    problem = parse_article(text.encode(), "article.md").problems[0]
    return [(n.text, n.group, n.after) for n in problem.notes]


def test_a_lead_in_and_a_remark_are_notes_before_and_after_the_steps() -> None:
    problem = parse_article(SPOOLER.encode(), "spooler.md").problems[0]
    assert [s.text for s in problem.steps] == ["Open Services.", "Restart the Print Spooler service."]
    assert [(n.text[:20], n.after, n.line) for n in problem.notes] == [
        ("Before you start, si", False, 13),
        ("If the jobs are stil", True, 18),
    ]
    # Still searchable as before.
    assert "PRINTERS spool folder" in problem.body


def test_notes_stand_with_the_group_of_their_steps() -> None:
    assert _notes(METHODS) == [
        ("Close Outlook first.", "Method 1: Recreate the profile", False),
        ("If the error comes back, contact your administrator.", "Method 2: Repair the data file", True),
    ]


def test_a_fix_whose_steps_are_in_sub_sections_keeps_its_own_lead_in() -> None:
    text = (
        "# Broken\n\n## Resolution\n\nBack up the profile first.\n\n### Step 1\n\n1. Open it.\n2. Close it.\n"
    )
    assert _notes(text) == [("Back up the profile first.", None, False)]


def test_a_remark_between_two_lists_stays_between_them_and_a_call_out_above_prose_is_before() -> None:
    text = (
        "# Volume\n\n## Resolution\n\n1. Scale down.\n2. Detach.\n\nIf you have a backup, restore it and stop here.\n\n"
        "1. Expand the volume.\n"
    )
    problem = parse_article(text.encode(), "v.md").problems[0]
    assert [(n.line, n.after) for n in problem.notes] == [(8, True)]
    assert [s.line for s in problem.steps] == [5, 6, 10]
    callout = (
        "# Build\n\n## Resolution\n\n> [!IMPORTANT]\n> No build may be running.\n\nDelete the cache folder.\n"
    )
    assert [(n.text[:9], n.after) for n in parse_article(callout.encode(), "b.md").problems[0].notes] == [
        ("Important", False)
    ]


def test_a_call_out_between_steps_whose_numbering_goes_on_is_a_note_where_it_stands() -> None:
    # Written at the list's level after step 2's sub-steps, it was glued to the text of step 2.3.
    text = (
        "# VPN\n\n## Resolution\n\n1. Check the gateway.\n2. Switch to TCP:\n   1. Open **Settings**.\n"
        "   2. Click **Save**.\n\n> [!WARNING]\n> TCP fallback is slower.\n\n3. Reconnect.\n"
    )
    problem = parse_article(text.encode(), "vpn.md").problems[0]
    assert [(s.number, s.text) for s in problem.steps] == [
        ("1", "Check the gateway."),
        ("2", "Switch to TCP:"),
        ("2.1", "Open Settings."),
        ("2.2", "Click Save."),
        ("3", "Reconnect."),
    ]
    assert [(n.text, n.line, n.after) for n in problem.notes] == [
        ("Warning: TCP fallback is slower.", 10, True)
    ]


def test_a_call_out_right_before_the_steps_of_an_error_section_is_a_note_before_them() -> None:
    # Under an error heading with no Resolution heading, the warning between the error and the
    # steps was body text only: no front end showed it with the steps it warns about.
    text = (
        "# Webhooks\n\n## Signature verification fails\n\nEvery event is rejected with `invalid signature`.\n\n"
        ":::danger Never disable verification\nUnsigned payloads let anyone trigger your automations.\n:::\n\n"
        "1. Compute the HMAC over the raw body.\n2. Rotate the secret.\n"
    )
    problem = parse_article(text.encode(), "w.md").problems[0]
    assert problem.symptoms == "Every event is rejected with invalid signature."
    assert [(n.text, n.line, n.after) for n in problem.notes] == [
        (
            "Danger: Never disable verification\nUnsigned payloads let anyone trigger your automations.",
            7,
            False,
        )
    ]


def test_a_table_of_contents_is_no_note_and_a_step_s_footnote_is_one() -> None:
    text = (
        "# Pip\n\n## Resolution\n\n- [One](#one)\n- [Two](#two)\n\n1. Upgrade pip.[^1]\n\n"
        "Then try again.\n\n[^1]: Since version 9.\n"
    )
    assert _notes(text) == [("Then try again.", None, True), ("Since version 9.", None, True)]


def test_a_problem_keeps_at_most_max_notes() -> None:
    remarks = "".join(f"Remark {n}.\n\n" for n in range(MAX_NOTES + 5))
    notes = (
        parse_article(f"# Many\n\n## Resolution\n\n1. Do it.\n\n{remarks}".encode(), "m.md").problems[0].notes
    )
    assert [n.text for n in notes] == [f"Remark {n}." for n in range(MAX_NOTES)]


def _index(tmp_path: Path, *articles: str) -> tuple[Path, Path]:
    folder = tmp_path / "kb"
    folder.mkdir()
    for n, text in enumerate(articles):
        (folder / f"a{n}.md").write_text(text, encoding="utf-8")
    db = tmp_path / "kb.db"
    build_index([folder], db)
    return folder, db


def _shown(db: Path, some_id: str, fmt: str) -> str:
    """What `kb show SOME_ID --format FMT` prints from the index at ``db``."""
    return CliRunner().invoke(cli, ["show", some_id, "--db", str(db), "--format", fmt]).stdout


def test_answers_carry_the_notes_over_http_in_json_and_markdown(tmp_path: Path) -> None:
    folder, db = _index(tmp_path, SPOOLER, METHODS)
    with TestClient(create_app(Settings(db=db, articles=[folder]))) as client:
        found = client.post("/v1/match", json={"text": 'print jobs stuck "Error - Printing"'}).json()
        best = found["matches"][0]
        assert best["problem"]["id"] == "spooler#1"
        assert [(n["after"], n["line"], n["group"]) for n in best["notes"]] == [
            (False, 13, None),
            (True, 18, None),
        ]
        detail = client.get("/v1/problems/methods%231").json()
        assert [n["group"] for n in detail["notes"]] == [
            "Method 1: Recreate the profile",
            "Method 2: Repair the data file",
        ]
        markdown = client.get("/v1/problems/methods%231", headers={"Accept": "text/markdown"}).text
    # Each note in its group: the lead-in under its heading before the list, the remark after the
    # last step with a blank line between (else Markdown reads it as part of that step).
    method_1 = markdown.index("**Method 1: Recreate the profile**")
    assert (
        method_1 < markdown.index("Close Outlook first.") < markdown.index("1. Open Mail in Control Panel.")
    )
    assert "2. Open Outlook again.\n\nIf the error comes back, contact your administrator." in markdown
    assert markdown.count("**Method 1: Recreate the profile**") == 1


def test_the_cli_shows_notes_in_every_format(tmp_path: Path) -> None:
    _, db = _index(tmp_path, SPOOLER)
    runner = CliRunner()
    query = 'print jobs stuck "Error - Printing"'
    text = runner.invoke(cli, ["match", query, "--db", str(db), "--format", "text"]).stdout
    lines = [line.strip() for line in text.splitlines()]
    first = lines.index(
        "note: Before you start, sign in as a local administrator: the service cannot be restarted otherwise."
    )
    assert lines[first + 1] == "1. Open Services."
    assert lines[first + 3].startswith("note: If the jobs are still stuck")
    markdown = runner.invoke(cli, ["match", query, "--db", str(db), "--format", "md"]).stdout
    assert "### Steps\n\nBefore you start" in markdown
    assert "2. Restart the Print Spooler service.\n\nIf the jobs are still stuck" in markdown
    result = match(KnowledgeBase(db), query)
    assert [n.after for n in result.matches[0].notes] == [False, True]


def test_kb_inspect_lists_each_note_with_its_line_and_side(tmp_path: Path) -> None:
    article = tmp_path / "methods.md"
    article.write_text(METHODS, encoding="utf-8")
    shown = CliRunner().invoke(cli, ["inspect", str(article)]).stdout
    assert "- note, before Method 1: Recreate the profile (line 11): Close Outlook first." in shown
    assert "- note, after Method 2: Repair the data file (line 21): If the error comes back" in shown


def test_markdown_shows_each_note_once_where_it_stands(tmp_path: Path) -> None:
    volume = (
        "---\nid: volume\ntitle: Volume expansion is stuck\n---\n# Volume expansion is stuck\n\n## Resolution\n\n"
        "To check the backup:\n\n1. Open the backups.\n2. Find the newest.\n\n"
        "If there is one, restore it and stop here.\n\n1. Detach the volume.\n2. Expand it.\n\n"
        "To check the backup:\n\n1. Open the backup store.\n\nIf it is empty, ask for help.\n"
    )
    _, db = _index(tmp_path, volume)
    shown = _shown(db, "volume#1", "md")
    assert (
        "2. Find the newest.\n\nIf there is one, restore it and stop here.\n\n3. Detach the volume." in shown
    )
    assert shown.count("If it is empty, ask for help.") == 1
    assert shown.rstrip().endswith("1. Open the backup store.\n\nIf it is empty, ask for help.")
    text = _shown(db, "volume#1", "text")
    assert text.count("note: If it is empty") == 1


def test_a_problem_with_a_remark_and_no_steps_shows_the_remark_and_says_it_has_no_steps(
    tmp_path: Path,
) -> None:
    relay = (
        "---\nid: relay\ntitle: Relay errors\n---\n# Relay errors\n\n## Error: `relay timed out`\n\n"
        "```text\nError: relay timed out while waiting for the door controller\n```\n\n"
        "> [!NOTE]\n> This error was reported once, on the forum.\n\n## Error: `relay refused`\n\n"
        "```text\nError: relay refused the badge\n```\n\n1. Restart the relay.\n"
    )
    _, db = _index(tmp_path, relay)
    shown = _shown(db, "relay#1", "md")
    assert shown.rstrip().endswith(
        "## Steps\n\n> [!NOTE]\n> This error was reported once, on the forum.\n\n"
        "_This article gives no steps for this problem._"
    )
    fixed = _shown(db, "relay#2", "md")
    assert "1. Restart the relay." in fixed
    assert "no steps" not in fixed


# A fix whose remarks are footnotes, each problem's own, their texts gathered at the page's end, and a
# link whose address is defined below the text ("[admin guide][guide]").
FOOTNOTED = """\
# Sync client troubleshooting

## Error: "Quota exceeded" when uploading

The upload stops and the client shows `Quota exceeded (507)`.

### Resolution

1. Empty the recycle bin of the account[^bin].
2. Upload the file again.

## Error: "Token expired"

The client stops syncing and shows `Token expired (401)`.

### Resolution

1. Sign out of the client.
2. Sign in again with your account[^sso].

See the [admin guide][guide] for how long a token lasts.

[^bin]: Files in the recycle bin count towards the quota for 30 days.
[^sso]: With single sign-on, sign in through the company portal instead.

[guide]: https://example.com/admin/tokens
"""


def test_a_footnote_on_a_step_is_a_note_of_its_own_problem_and_no_mark_in_the_step() -> None:
    # Gathered at the page's end, every footnote was the last problem's text: the first problem's
    # remark was the second's, neither a note, and the step's Markdown showed the bare "[^bin]" mark.
    quota, token = parse_article(FOOTNOTED.encode(), "sync.md").problems
    assert [(n.text, n.after) for n in quota.notes] == [
        ("Files in the recycle bin count towards the quota for 30 days.", True)
    ]
    assert [s.text for s in quota.steps] == [
        "Empty the recycle bin of the account.",
        "Upload the file again.",
    ]
    assert quota.steps[0].markdown == "Empty the recycle bin of the account."
    assert [s.text for s in token.steps] == ["Sign out of the client.", "Sign in again with your account."]
    assert [n.text for n in token.notes] == [
        "See the admin guide for how long a token lasts.",
        "With single sign-on, sign in through the company portal instead.",
    ]
    assert "recycle bin" not in token.body
    assert (
        token.notes[0].markdown
        == "See the [admin guide](https://example.com/admin/tokens) for how long a token lasts."
    )


def test_a_footnote_no_step_marks_stays_the_page_s_text() -> None:
    # Guard: a footnote that nothing marks is no problem's note, and a bracket in code is no mark.
    text = (
        "# Grep stops\n\n## Resolution\n\n1. Run `grep '[^a-z]' log.txt`.\n2. Restart.\n\n"
        "[^old]: Written for version 2.\n"
    )
    (problem,) = parse_article(text.encode(), "grep.md").problems
    assert problem.notes == []
    assert problem.steps[0].markdown == "Run `grep '[^a-z]' log.txt`."
