"""HTML written in a Markdown article is read as the Markdown it stands for: its words are
searchable, its lists are steps, and what a reader never sees (comments, scripts) is not."""

from __future__ import annotations

from pathlib import Path

import pytest
from live import cpu_budget
from markdown_it import MarkdownIt

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
    # Text, not a list nor a heading; the paragraph that numbers itself as step 1 is that step.
    assert [(s.number, s.text) for s in problem.steps] == [
        ("1", "Restart the agent."),
        ("2", "# not a heading"),
        ("3", "- not an item"),
    ]


def test_lines_numbered_by_hand_in_one_html_paragraph_are_steps() -> None:
    # ServiceNow's editor writes steps as "<p>1) …<br>2) …</p>": they were one step, "1\\) … 2\\) …".
    article = (
        "# Reset mail not received\n\n## Resolution\n\n"
        "<p>1) Release the message from quarantine.<br>2) Allow the sender.<br>3) Ask for a new link.</p>\n"
        "<p>1) Only one line numbered<br>and another that is not.</p>\n"
    )
    [problem] = parse_article(article.encode(), "mail.md").problems
    assert [(s.number, s.text) for s in problem.steps] == [
        ("1", "Release the message from quarantine."),
        ("2", "Allow the sender."),
        ("3", "Ask for a new link."),
    ]
    # Lines that are not all numbered one after another stay a paragraph, its "1)" text: a remark.
    assert [n.text for n in problem.notes] == ["1) Only one line numbered\nand another that is not."]


def test_a_quoted_message_in_an_html_page_is_its_error_message(tmp_path: Path) -> None:
    # Zendesk exports what a terminal shows as a <blockquote>: written as a plain paragraph, it was
    # no error message, and its exact paste was answered "low".
    page = (
        "<h1>Card reader declines chip cards</h1><h2>Symptoms</h2>"
        "<p>The terminal beeps twice and shows:</p><blockquote><p>E-CHIP-07 CARD READ ERROR - PLEASE SWIPE</p>"
        "</blockquote><p>Swiping works.</p><h2>Resolution</h2><ol><li>Clean the chip slot.</li></ol>"
    )
    [problem] = parse_article(page.encode(), "360012347.html").problems
    assert problem.error_messages == ["E-CHIP-07 CARD READ ERROR - PLEASE SWIPE"]
    assert problem.symptoms.endswith("Swiping works.")
    assert [s.text for s in problem.steps] == ["Clean the chip slot."]


def test_a_list_whose_item_starts_with_a_list_keeps_its_nesting() -> None:
    article = "# Agent stops\n\n## Resolution\n\n<ol><li><ul><li>a</li><li>b</li></ul></li><li>c</li></ol>\n"
    [problem] = parse_article(article.encode(), "agent.md").problems
    assert [(s.number, s.text) for s in problem.steps] == [("1", ""), ("1.1", "a"), ("1.2", "b"), ("2", "c")]


def test_html_with_no_text_stays_out() -> None:
    assert html_as_markdown('<img src="diagram.png" alt="Diagram">') is None
    assert html_as_markdown("<!-- reviewed -->\n<br>") is None


def test_a_pages_navigation_and_footer_stay_out_however_nested() -> None:
    page = (
        '<nav><ul><li><a href="/">Home</a></li><li><nav>Printing</nav> menu</li></ul></nav>\n'
        "<p>The printer is offline.</p>\n"
        '<div id="footer" role="contentinfo"><div><p>Document generated by the wiki</p></div>'
        '<div id="logo">Wiki</div></div>\n'
        "<footer><p>Was this helpful?</p></footer><p>Restart the spooler.</p>"
    )
    assert html_as_markdown(page) == ("The printer is offline.\n\nRestart the spooler.\n", [1, 1, 3])


def test_links_keep_their_address_and_scripts_in_links_do_not() -> None:
    markdown, _ = html_as_markdown(
        '<p>See <a href="https://help.example.com/a?b=1&amp;c=2">the guide</a> or '
        '<a href="javascript:alert(1)">this</a>.</p>'
    ) or ("", [])
    assert markdown == "See [the guide](https://help.example.com/a?b=1&c=2) or this.\n"


RESOLUTION = "# Agent stops\n\n## Resolution\n\n"


def _steps(html_text: str) -> list[tuple[str, int, str, str]]:
    [problem] = parse_article((RESOLUTION + html_text + "\n").encode(), "agent.md").problems
    return [(s.number, s.line, s.text, s.markdown) for s in problem.steps]


def test_markdown_syntax_after_a_line_break_is_text_too() -> None:
    body = "<p>Log in as root:<br># rm -rf /var/cache/agent<br>1. stop<br>% cmd<br>{% raw %}<br>Then restart.</p>"
    [(_, _, text, markdown)] = _steps(body)
    assert text == "Log in as root:\n# rm -rf /var/cache/agent\n1. stop\n% cmd\n{% raw %}\nThen restart."
    assert markdown.endswith("\\{% raw %}\nThen restart.")


def test_an_html_list_under_a_markdown_item_leaves_no_empty_list_in_its_step() -> None:
    body = (
        "1. Restart the spooler:\n   <ol>\n   <li>Open <b>Services</b>.</li>\n   </ol>\n2. Print a test page."
    )
    assert [(s[0], s[3]) for s in _steps(body)] == [
        ("1", "Restart the spooler:"),
        ("1.1", "Open **Services**."),
        ("2", "Print a test page."),
    ]
    # Only the list's own tags go: the rest of its HTML block stays in the step as written.
    body = (
        '1. Open the settings:\n   <div>\n   <img src="https://example.com/s.png" alt="Settings">\n'
        "   <ol>\n   <li>Open <b>Services</b>.</li>\n   </ol>\n   </div>\n2. Print."
    )
    assert (
        _steps(body)[0][3]
        == 'Open the settings:\n<div>\n<img src="https://example.com/s.png" alt="Settings">\n</div>'
    )


def test_a_table_without_a_header_row_keeps_every_row() -> None:
    body = "<table><tr><td>1</td><td>Stop the agent.</td></tr><tr><td>2</td><td>Clear the cache.</td></tr></table>"
    assert [s[2] for s in _steps(body)] == ["Stop the agent.", "Clear the cache."]


def test_a_table_left_open_or_split_by_a_blank_line_keeps_its_rows() -> None:
    assert [s[2] for s in _steps("<table><tr><td>Restart the agent.</td></tr>")] == ["Restart the agent."]
    split = (
        "<table><tr><th>Step</th><th>Do</th></tr>\n\n"
        "<tr><td>1</td><td>Restart the agent.</td></tr><tr><td>2</td><td>Check the log.</td></tr></table>"
    )
    assert [s[2] for s in _steps(split)] == ["Restart the agent.", "Check the log."]


def test_a_first_column_of_data_is_not_taken_for_step_numbers() -> None:
    table = "| Port | Direction |\n| --- | --- |\n| 443 | Outbound |\n| 80 | Inbound |"
    assert [s[2] for s in _steps(table)] == ["443 | Outbound", "80 | Inbound"]


def test_a_table_with_no_rows_leaves_the_steps_after_it_in_their_group() -> None:
    article = (
        "# Agent stops\n\n## Resolution\n\n### Method 1\n\n| Setting | Value |\n| --- | --- |\n\n"
        "Restart the agent.\n\n### Method 2\n\nReinstall the agent.\n"
    )
    [problem] = parse_article(article.encode(), "agent.md").problems
    assert [(s.group, s.text) for s in problem.steps] == [
        ("Method 1", "Restart the agent."),
        ("Method 2", "Reinstall the agent."),
    ]


def test_each_step_is_at_the_line_of_its_element_whatever_it_begins_with() -> None:
    body = "<ol>\n<li>Plain.</li>\n<li><b>Open</b> Settings.</li>\n<li>\n<code>agent --stop</code> first</li>\n</ol>"
    assert [(s[1], s[3]) for s in _steps(body)] == [
        (6, "Plain."),
        (7, "**Open** Settings."),
        (8, "`agent --stop` first"),
    ]


def test_code_in_html_stays_code() -> None:
    body = (
        "<ol><li><pre>agent --stop<br>agent --start</pre></li>"
        "<li>Run <code>``&lt;img src=x onerror=alert(1)&gt;</code></li>"
        "<li><pre>~~~~\n&lt;script&gt;alert(1)&lt;/script&gt;\n```</pre></li></ol>"
    )
    steps = _steps(body)
    assert [s[2] for s in steps] == [
        "agent --stop\nagent --start",
        "Run ``<img src=x onerror=alert(1)>",
        "~~~~\n<script>alert(1)</script>\n```",
    ]
    # Each step's Markdown renders its code as code: no HTML of its own.
    for _, _, _, markdown in steps:
        tokens = MarkdownIt("commonmark").parse(markdown)
        assert not [t for t in tokens for t in [t, *(t.children or [])] if t.type.startswith("html")]


def test_code_right_after_code_is_one_span_as_a_browser_shows_it() -> None:
    assert _steps("<p><code>agent</code><code>ctl</code> stop, then <code>start</code></p>")[0][2:] == (
        "agentctl stop, then start",
        "`agentctl` stop, then `start`",
    )


def test_a_pre_s_language_is_read_from_the_code_in_it_and_in_any_case() -> None:
    # The most common highlighters' output (CommonMark, highlight.js, Prism) labels the <code> in a
    # <pre>, not the <pre>, and a class may be written in capitals: both fences had no language.
    page = (
        '<html><body><h1>Tunnels</h1><pre><code class="language-rust">let x = 1;</code></pre></body></html>'
    )
    assert "```rust\nlet x = 1;\n```" in html_as_markdown(page, page=True)[0]
    page = '<html><body><h1>Tunnels</h1><pre class="Language-Go">x := 1</pre></body></html>'
    assert "```go\nx := 1\n```" in html_as_markdown(page, page=True)[0]
    # Guard: a <code> that does not open the <pre> (a span of a highlighted line) labels nothing, and
    # the <pre>'s own label stands.
    page = (
        '<html><body><h1>Tunnels</h1><pre class="language-go">x := 1\n<code class="language-rust">y</code>'
        "</pre></body></html>"
    )
    assert "```go\n" in html_as_markdown(page, page=True)[0]
    page = '<html><body><h1>Tunnels</h1><pre>x := 1\n<code class="language-rust">y</code></pre></body></html>'
    assert "```\nx := 1" in html_as_markdown(page, page=True)[0]


def test_a_table_without_a_header_row_adds_no_empty_line_to_its_step() -> None:
    body = "<ol><li>Check the ports:<table><tr><td>443</td><td>Outbound</td></tr></table></li></ol>"
    assert _steps(body)[0][2] == "Check the ports:\n443 | Outbound"


def test_bold_keeps_its_spaces_outside() -> None:
    assert (
        _steps("<p><strong>First: </strong>Restart the agent.</p>")[0][3] == "**First:** Restart the agent."
    )


def test_only_web_and_mail_addresses_become_links() -> None:
    body = (
        '<p><a href="javascript\\:alert(1)">a</a> <a href="data:text/html,x">b</a> '
        '<a href="vbscript:x">c</a> <a href="mailto:help@example.com">d</a> <a href="/kb/page(1).html">e</a></p>'
    )
    assert _steps(body)[0][3] == "a b c [d](mailto:help@example.com) [e](/kb/page%281%29.html)"


def test_what_scripts_hold_is_skipped_whatever_it_looks_like() -> None:
    body = "<p>before</p><script>var a = '<!--'; var quimbly = 1;</script><p>after <!-->the script</p>"
    assert [s[2] for s in _steps(body)] == ["before", "after the script"]


# Each shape costs the square of its size to a naive reader: Python's html.parser (128 KB of "<!--", 8 s),
# the padding of uneven table rows (128 KB, 30 s and 3.4 GB), or the joining of nested marks.
# 128 KB of HTML reads in 0.01-0.9 s now (the uneven table costs most). The bound leaves room for
# this machine's speed varying about 2x, and still fails the naive readers' 8 s and 30 s.
HTML_SIZE = 128 * 1024
HTML_BOUND = 5.0
HOSTILE_HTML = {
    "comment never closed": "<div>" + "<!--" * (HTML_SIZE // 4),
    "tags and quotes never closed": "<div>" + "<a b='" * (HTML_SIZE // 6),
    "lists nested deep": "<ul>" * (HTML_SIZE // 4) + "<li>x",
    "a run of <": "<p>" + "<" * HTML_SIZE,
    "links in links": "<p>" + "<a href=x>y " * (HTML_SIZE // 12) + "</a>" * (HTML_SIZE // 12),
    "bold in bold": "<p>" + "<b>y " * (HTML_SIZE // 5) + "</b>" * (HTML_SIZE // 8),
    "table of uneven rows": "<table><tr><td>x"
    + "<td>" * (HTML_SIZE // 8)
    + "<tr><td>x" * (HTML_SIZE // 18)
    + "</table>",
    "script never closed": "<p>x</p><script>" + "<!--<p>" * (HTML_SIZE // 7),
    "call-outs nested deep": '<div class="note">' * (HTML_SIZE // 18) + "x",
}


@pytest.mark.parametrize("name", list(HOSTILE_HTML))
def test_hostile_html_is_read_in_linear_time(name: str) -> None:
    article = RESOLUTION + "1. Step one.\n\n" + HOSTILE_HTML[name] + "\n"
    with cpu_budget(HTML_BOUND):
        parse_article(article.encode(), "hostile.md")


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        # Sphinx: a title that only names the kind, which the marker says.
        (
            '<div class="admonition warning"><p class="admonition-title">Warning</p><p>Back up first.</p></div>',
            "> [!WARNING]\n> Back up first.\n",
        ),
        # Asciidoctor: the icon in one cell of a table, the text in the next.
        (
            '<div class="admonitionblock note"><table><tr><td class="icon"><div class="title">Note</div></td>'
            '<td class="content">Only on <code>v2</code>.</td></tr></table></div>',
            "> [!NOTE]\n> Only on `v2`.\n",
        ),
        # Bootstrap and Confluence, with elements of the same name inside.
        (
            '<div class="alert alert-info"><div><p>First</p></div><p>Second</p></div><p>After</p>',
            "> [!INFO]\n> First\n> \n> Second\n\nAfter\n",
        ),
        (
            '<div class="confluence-information-macro confluence-information-macro-tip"><p>Use the CSV.</p></div>',
            "> [!TIP]\n> Use the CSV.\n",
        ),
        # A title of its own stays; an "error" <div> alone is the message a page shows.
        (
            '<div class="admonition note"><p class="admonition-title">Back up first</p><p>Then go.</p></div>',
            "> [!NOTE]\n> Back up first\n> \n> Then go.\n",
        ),
        ('<div class="error">Error 500: server down</div>', "Error 500: server down\n"),
        # GitHub's rendering of its own alerts; a data attribute is no class.
        (
            '<div class="markdown-alert markdown-alert-warning"><p class="markdown-alert-title">Warning</p>'
            "<p>Careful.</p></div>",
            "> [!WARNING]\n> Careful.\n",
        ),
        ('<div data-class="note"><p>Plain.</p></div>', "Plain.\n"),
        # A paragraph is no call-out: one left unclosed took the rest of the page into its quote.
        ('<p class="note">Back up first.\n<p>Then go.</p>', "Back up first.\n\nThen go.\n"),
        # What it holds, however it is closed: a <div> inside its code, a quote left open inside it,
        # a heading after it when it is never closed; and nothing when it holds nothing here (its
        # Markdown follows the HTML block that opens it).
        (
            '<div class="warning"><pre><div>x</pre></div><p>After.</p>',
            "> [!WARNING]\n> ```\n> x\n> ```\n\nAfter.\n",
        ),
        (
            '<div class="note"><blockquote>Quoted<p>In.</p></div><p>After.</p>',
            "> [!NOTE]\n> > Quoted\n> > \n> > In.\n\nAfter.\n",
        ),
        ('<div class="note"><p>Open.</p><h2>Next</h2><p>x</p>', "> [!NOTE]\n> Open.\n\n## Next\n\nx\n"),
        # A heading that opens it is its title (Bootstrap's "alert-heading"), not the next section.
        (
            '<div class="alert alert-warning"><h4 class="alert-heading">Warning</h4><p>Data may be lost.</p></div>'
            '<ol start="3"><li>Scale up.</li></ol>',
            "> [!WARNING]\n> Data may be lost.\n\n3. Scale up.\n",
        ),
        (
            '<div class="note"><pre>x\n<h2>y</h2></pre><p>In.</p></div>',
            "> [!NOTE]\n> ```\n> x\n> y\n> ```\n> \n> In.\n",
        ),
        # Left open after its code only: the next heading still begins the next section.
        (
            '<div class="alert alert-danger"><pre>Failed</pre>\n<h2>Resolution</h2><p>x</p>',
            "> [!DANGER]\n> ```\n> Failed\n> ```\n\n## Resolution\n\nx\n",
        ),
    ],
)
def test_a_call_out_an_html_page_marks_by_its_class_is_a_call_out(html: str, expected: str) -> None:
    """Sphinx, Asciidoctor, Bootstrap and Confluence write call-outs as elements with a class: read
    as paragraphs, a warning was a symptom or a step, its "Warning" title a word of it, and
    Asciidoctor's a table row "Warning | Do not …"."""
    converted = html_as_markdown(html)
    assert converted is not None and converted[0] == expected


def test_a_page_footer_div_is_no_text_of_the_article() -> None:
    page = '<p>Restart the server.</p><div id="footer"><div id="footer-text">Version 4.2<br>Last updated</div></div>'
    converted = html_as_markdown(page)
    assert converted is not None and converted[0] == "Restart the server.\n"


def test_a_call_out_whose_text_labels_itself_is_labelled_once(tmp_path: Path) -> None:
    page = """<h1>Label printer prints blank labels</h1>
<h2>Resolution</h2>
<ol><li>Switch the print method to thermal transfer.</li></ol>
<div class="note"><p><strong>Note:</strong> Changing the print method resets the darkness.</p></div>
"""
    [problem] = parse_article(page.encode(), "labels.html").problems
    assert [n.text for n in problem.notes] == ["Note: Changing the print method resets the darkness."]


def test_a_call_out_inside_a_list_item_keeps_its_title() -> None:
    """In a list no quote is written: the title is the only word that says it is a warning."""
    item = '<ol><li>Quit the app.<div class="admonition warning"><p class="admonition-title">Warning</p>'
    item += "<p>Unsaved notes are lost.</p></div></li></ol>"
    converted = html_as_markdown(item)
    assert converted is not None and "Warning" in converted[0]


def test_an_html_block_that_only_opens_a_call_out_leaves_no_empty_one() -> None:
    assert html_as_markdown('<div class="warning" markdown="1">') is None


def test_a_definition_list_of_messages_is_a_heading_per_message_and_its_labels_bold() -> None:
    """A message is a heading one level under the heading before the list; a message in code is
    written plain, its code saying what it is."""
    block = (
        "<h2>Reference</h2>"
        "<dl><dt><code>QX-101: cannot open ledger</code></dt>"
        "<dd><p>Cause: The folder is missing.</p><p>Action:</p><ol><li>Create it.</li></ol></dd>"
        "<dt>QX-102: account ID unknown</dt><dd>Run <code>qx accounts</code>.</dd></dl>"
    )
    converted = html_as_markdown(block)
    assert converted is not None
    assert converted[0].split("\n") == [
        "## Reference",
        "",
        "### QX-101: cannot open ledger",
        "",
        "**Cause:** The folder is missing.",
        "",
        "**Action**",
        "",
        "1. Create it.",
        "",
        "### QX-102: account ID unknown",
        "",
        "Run `qx accounts`.",
        "",
    ]


@pytest.mark.parametrize(
    "block",
    [
        # A Markdown article's HTML block, under headings it does not see: they may be a problem's
        # Symptoms, where the messages are what the problem shows.
        "<dl><dt>QX-101: cannot open ledger</dt><dd>Create the folder.</dd>"
        "<dt>QX-102: account ID unknown</dt><dd>Run the import again.</dd></dl>",
        # The messages one problem shows, each with when it is seen: no fix of its own.
        "<h1>Nightly export fails</h1><p>The log shows one of these messages:</p>"
        "<dl><dt>EXP-0042: cannot open staging table</dt><dd>Seen on the first run after midnight.</dd>"
        "<dt>EXP-0043: lock wait timeout exceeded</dt><dd>Seen when a backup runs at the same time.</dd></dl>",
        # "Ask" as a market's noun, no request to ask someone: what each code means, no fix.
        "<h1>Quote feed codes</h1><dl><dt>Q41 – stale quote</dt><dd>Ask prices older than a minute are dropped.</dd>"
        "<dt>Q42 – quote rejected</dt><dd>Ask sizes above the desk limit are refused.</dd></dl>",
    ],
)
def test_a_definition_list_of_messages_without_a_heading_or_fixes_stays_paragraphs(block: str) -> None:
    converted = html_as_markdown(block)
    assert converted is not None
    assert not any(line.startswith("##") for line in converted[0].split("\n"))


def test_a_glossary_is_written_as_its_paragraphs() -> None:
    converted = html_as_markdown(
        "<dl><dt>Ledger</dt><dd>Cause: none.</dd><dt>Account</dt><dd>A user.</dd></dl>"
    )
    assert converted is not None
    assert converted[0] == "Ledger\n\nCause: none.\n\nAccount\n\nA user.\n"


def test_a_field_list_of_a_problems_parts_is_a_labelled_paragraph_each() -> None:
    """Sphinx writes ``:Cause:`` and ``:Solution:`` fields as a definition list whose terms end in a
    colon: each field is its part, labelled in bold, the first paragraph of its text on the label's line."""
    block = (
        "<h2>Export hangs at 99%</h2>"
        '<dl class="field-list simple"><dt class="field-odd">Cause<span class="colon">:</span></dt>'
        '<dd class="field-odd"><p>The spool folder is full.</p><p>It fills on busy days.</p></dd>'
        '<dt class="field-even">Solution<span class="colon">:</span></dt>'
        '<dd class="field-even"><ol><li>Empty the spool folder.</li></ol></dd></dl>'
    )
    converted = html_as_markdown(block)
    assert converted is not None
    assert [line for line in converted[0].split("\n") if line] == [
        "## Export hangs at 99%",
        "**Cause:** The spool folder is full.",
        "It fills on busy days.",
        "**Solution:**",
        "1. Empty the spool folder.",
    ]


@pytest.mark.parametrize(
    "glossary",
    [
        # A glossary's terms carry no colon, even where they are the names of parts it defines.
        "<dl><dt>Workaround</dt><dd>A way around a problem.</dd><dt>Cause</dt><dd>Why it happens.</dd></dl>",
        # Fields that name no part are the page's (a parameter's type, what a function returns).
        "<dl><dt>Returns:</dt><dd>The number of rows.</dd><dt>Cause:</dt><dd>The folder is full.</dd></dl>",
    ],
)
def test_a_glossary_or_other_fields_stay_paragraphs(glossary: str) -> None:
    converted = html_as_markdown("<h2>Terms</h2>" + glossary)
    assert converted is not None
    assert "**" not in converted[0]


def test_a_button_link_named_in_a_sentence_and_a_comment_styled_paragraph_stay_text() -> None:
    """Only a block of a button's words is a widget's, and only a block of a class named comments is the
    page's comments (guard)."""
    converted = html_as_markdown(
        '<p>Click <a role="button" href="/x">Follow</a> to get updates.</p>'
        '<p class="comment">Lines that open with # are skipped.</p>'
    )
    assert converted is not None
    assert converted[0] == "Click [Follow](/x) to get updates.\n\nLines that open with # are skipped.\n"


def test_a_list_of_attachments_is_headed_only_where_nothing_but_its_items_stand_under_it() -> None:
    """Its heading would make the page's what follows it up to the next heading: a fix written after
    the attachments stays the section's (guard)."""
    files = '<div class="attachments"><ul><li><a href="/f/a.log">a.log</a> (2 KB)</li></ul></div>'
    last = html_as_markdown("<h2>Resolution</h2><ol><li>Restart.</li></ol>" + files)
    between = html_as_markdown("<h2>Resolution</h2>" + files + "<ol><li>Restart.</li></ol>")
    assert last is not None and "## Attachments" in last[0]
    assert between is not None and "Attachments" not in between[0]


def test_a_fields_paragraphs_join_its_label_only_up_to_a_list() -> None:
    """A field's paragraphs after its first are its labelled paragraph's lines up to its first list:
    the list and what follows it stay where they are (guard)."""
    converted = html_as_markdown(
        '<h2>Sync stops</h2><dl class="field-list"><dt>Symptom:</dt><dd><p>Sync stops.</p></dd>'
        "<dt>Cause:</dt><dd><p>The token expired.</p><p>It lasts a day.</p><ul><li>On Windows.</li></ul>"
        "<p>Seen since 4.2.</p></dd></dl>"
    )
    assert converted is not None
    assert [line for line in converted[0].split("\n") if line] == [
        "## Sync stops",
        "**Symptom:** Sync stops.",
        "**Cause:** The token expired.",
        "It lasts a day.",
        "- On Windows.",
        "Seen since 4.2.",
    ]
    assert "**Cause:** The token expired.\nIt lasts a day.\n" in converted[0]


def test_a_tab_panels_heading_names_its_group_with_its_tabs_label() -> None:
    """A panel that opens with its own heading: the heading names it, its tab's label written once, before
    the heading's words where they do not hold it; a panel with no tab list before it is read as it was."""
    block = (
        "<h2>Fix</h2><ul role='tablist'><li role='tab'>Linux</li><li role='tab'>Option 2: macOS</li></ul>"
        "<div role='tabpanel'><h3>Clear the cache</h3><ol><li>Run it.</li></ol></div>"
        "<div role='tabpanel'><h3>Option 2: macOS</h3><ol><li>Open it.</li></ol></div>"
        "<h2>More</h2><div role='tabpanel'><ol><li>Close it.</li></ol></div>"
    )
    converted = html_as_markdown(block)
    assert converted is not None
    assert [line for line in converted[0].split("\n") if line] == [
        "## Fix",
        "### Linux: Clear the cache",
        "1. Run it.",
        "### Option 2: macOS",
        "1. Open it.",
        "## More",
        "1. Close it.",
    ]


def test_a_layout_that_has_a_sidebar_and_a_section_named_for_one_stay_read() -> None:
    """Only a block whose class names the furniture itself is left out: a layout's class that says the
    page has a sidebar, and a section whose id is its heading's anchor, hold the article."""
    block = (
        "<div class='layout-has-sidebar'><h2>Sidebar</h2><section id='sidebar'>"
        "<p>The reading pane hides the sidebar.</p></section><div class='sidebar-item'><p>Drag it back.</p></div></div>"
    )
    converted = html_as_markdown(block)
    assert converted is not None
    assert [line for line in converted[0].split("\n") if line] == [
        "## Sidebar",
        "The reading pane hides the sidebar.",
        "Drag it back.",
    ]


# A page built by MkDocs with the Material theme: the git-revision-date plugin's "Last update" and
# "Created" dates, in an aside at the end of the article.
MKDOCS_MATERIAL_PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="generator" content="mkdocs-1.6.0, mkdocs-material-9.5.20"><title>Kafka consumers - Ops Docs</title></head>
<body dir="ltr"><div class="md-content" data-md-component="content"><article class="md-content__inner md-typeset">
<h1 id="kafka-consumers">Kafka consumers</h1>
<h2 id="lag">Consumer lag keeps growing</h2>
<p>The group reports <code>Offset commit failed: REBALANCE_IN_PROGRESS</code> every few minutes.</p>
<p><strong>Fix:</strong></p>
<ol><li>Raise <code>max.poll.interval.ms</code> to 600000.</li><li>Restart the consumers one at a time.</li></ol>
<p>The lag drains within an hour.</p>
<aside class="md-source-file">
  <span class="md-source-file__fact"><span class="md-icon" title="Last update"></span>
  <span class="git-revision-date-localized-plugin git-revision-date-localized-plugin-date">March 3, 2025</span></span>
  <span class="md-source-file__fact"><span class="md-icon" title="Created"></span>
  <span class="git-revision-date-localized-plugin git-revision-date-localized-plugin-date">June 12, 2024</span></span>
</aside>
</article></div></body></html>
"""


def test_an_mkdocs_material_page_s_revision_dates_are_no_note_of_its_last_fix(tmp_path: Path) -> None:
    # "March 3, 2025" was a note after the steps, shown with every answer. The remark after the
    # steps stays their note (guard).
    article = parse_article(MKDOCS_MATERIAL_PAGE.encode(), "kafka.html")
    [problem] = article.problems
    assert [s.text for s in problem.steps] == [
        "Raise max.poll.interval.ms to 600000.",
        "Restart the consumers one at a time.",
    ]
    assert [n.text for n in problem.notes] == ["The lag drains within an hour."]
    assert "2025" not in article.body
