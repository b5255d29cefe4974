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


def test_a_fix_with_no_steps_has_no_notes() -> None:
    assert _notes("# Broken\n\n## Resolution\n\n> [!NOTE]\n> Nothing to do yet.\n") == []


def _index(tmp_path: Path, *articles: str) -> tuple[Path, Path]:
    folder = tmp_path / "kb"
    folder.mkdir()
    for n, text in enumerate(articles):
        (folder / f"a{n}.md").write_text(text, encoding="utf-8")
    db = tmp_path / "kb.db"
    build_index([folder], db)
    return folder, db


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
        "first: Before you start, sign in as a local administrator: the service cannot be restarted otherwise."
    )
    assert lines[first + 1] == "1. Open Services."
    assert lines[first + 3].startswith("then: If the jobs are still stuck")
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
