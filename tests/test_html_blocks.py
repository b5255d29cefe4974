"""HTML written in a Markdown article is read as the Markdown it stands for: its words are
searchable, its lists are steps, and what a reader never sees (comments, scripts) is not."""

from __future__ import annotations

from pathlib import Path

from api.knowledge import KnowledgeBase
from api.matcher import match
from indexer.build import build_index
from indexer.html_blocks import html_as_markdown
from indexer.parse import parse_article

# A help-centre export: Markdown headings, HTML paragraphs and lists; the error is quoted only
# inside a <details> block.
EXPORTED = """---
id: sync-agent
---
# Sync agent stops after the upgrade

## Symptoms

<details>
<summary>What the agent log shows</summary>
<p>The agent stops, and its log shows the following error:</p>
<pre>E_LEASE_LOST: lease on the sync journal was lost to another host</pre>
</details>

<!-- Internal: zorblax escalations go to tier 2. -->
<script>var trackingWord = "quimbly";</script>

## Resolution

<ol>
  <li>Stop the agent on every host but one.</li>
  <li>Clear the journal lease:
    <ol><li>open <b>Settings</b>,</li><li>select <i>Release lease</i>.</li></ol>
  </li>
  <li>Start the agent again.</li>
</ol>
"""


def _index(tmp_path: Path, text: str) -> KnowledgeBase:
    folder = tmp_path / "kb"
    folder.mkdir()
    (folder / "sync-agent.md").write_text(text, encoding="utf-8")
    report = build_index([folder], tmp_path / "kb.db")
    assert [str(w) for w in report.warnings] == []
    return KnowledgeBase(tmp_path / "kb.db")


def test_an_error_quoted_only_in_html_finds_its_steps(tmp_path: Path) -> None:
    kb = _index(tmp_path, EXPORTED)
    result = match(kb, "E_LEASE_LOST: lease on the sync journal was lost to another host")
    top = result.matches[0]
    assert top.problem.id == "sync-agent#1"
    assert top.confidence != "low"
    steps = [(s.number, s.text, [(c.number, c.markdown) for c in s.steps]) for s in top.steps]
    assert steps == [
        ("1", "Stop the agent on every host but one.", []),
        (
            "2",
            "Clear the journal lease:",
            [("2.1", "open **Settings**,"), ("2.2", "select *Release lease*.")],
        ),
        ("3", "Start the agent again.", []),
    ]
    assert [s.line for s in top.steps] == [20, 21, 24]  # the lines of their <li>


def test_comments_and_scripts_are_never_searchable(tmp_path: Path) -> None:
    kb = _index(tmp_path, EXPORTED)
    assert match(kb, "zorblax").matches == []
    assert match(kb, "quimbly").matches == []


def test_markdown_syntax_written_in_html_is_text() -> None:
    article = "# Agent stops\n\n## Resolution\n\n<p>1. Restart the agent.</p>\n<p># not a heading</p>\n<p>- not an item</p>\n"
    [problem] = parse_article(article.encode(), "agent.md").problems
    assert [s.text for s in problem.steps] == ["1. Restart the agent.", "# not a heading", "- not an item"]


def test_a_list_whose_item_starts_with_a_list_keeps_its_nesting() -> None:
    article = "# Agent stops\n\n## Resolution\n\n<ol><li><ul><li>a</li><li>b</li></ul></li><li>c</li></ol>\n"
    [problem] = parse_article(article.encode(), "agent.md").problems
    assert [(s.number, s.text) for s in problem.steps] == [("1", ""), ("1.1", "a"), ("1.2", "b"), ("2", "c")]


def test_html_with_no_text_stays_out() -> None:
    assert html_as_markdown('<img src="diagram.png" alt="Diagram">') is None
    assert html_as_markdown("<!-- reviewed -->\n<br>") is None


def test_links_keep_their_address_and_scripts_in_links_do_not() -> None:
    markdown, _ = html_as_markdown(
        '<p>See <a href="https://help.example.com/a?b=1&amp;c=2">the guide</a> or '
        '<a href="javascript:alert(1)">this</a>.</p>'
    ) or ("", [])
    assert markdown == "See [the guide](<https://help.example.com/a?b=1&c=2>) or this.\n"
