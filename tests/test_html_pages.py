"""Pages exported from a help centre or a wiki as .html files: indexed, read, matched and bounded."""

from __future__ import annotations

from pathlib import Path

import pytest
from live import cpu_budget

from api.knowledge import KnowledgeBase
from api.matcher import match
from indexer.build import build_index
from indexer.errors import ArticleError
from indexer.html_blocks import html_as_markdown
from indexer.parse import MAX_ARTICLE_BYTES, parse_article

# As help centres export an article: a head with a title, scripts and styles, navigation around
# the article, and the HTML laid out with blank lines and indentation.
HELP_CENTRE_PAGE = """\
<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Printer shows Offline after a Windows update &ndash; Help Center</title>
  <style>body { font-family: sans-serif; }</style>
  <script>window.analytics = { page: "article" };</script>
</head>
<body>
  <nav><a href="/">Home</a> &gt; <a href="/printing">Printing</a></nav>
  <article>

    <h1>Printer shows Offline after a Windows update</h1>

    <h2>Symptoms</h2>
    <p>After the monthly update, the office printer shows as <strong>Offline</strong> and jobs stay
    in the queue. The event log shows:</p>

    <pre>The print spooler failed to load a plug-in module C:\\Windows\\System32\\spool\\DRIVERS\\x64\\3\\hpcpp.dll, error code 0x7e.</pre>

    <h2>Cause</h2>
    <p>The update replaced the driver's port monitor.</p>

    <h2>Resolution</h2>
    <ol>

      <li>Open <em>Devices and Printers</em>.</li>

      <li>Remove the printer, then run <code>printui /s /t2</code> and delete its driver package.</li>
      <li>Add the printer again with the vendor's current driver.</li>
    </ol>
  </article>
</body>
</html>
"""


def test_a_pretty_printed_help_centre_page_is_read_as_the_article_it_shows() -> None:
    article = parse_article(HELP_CENTRE_PAGE.encode(), "printing/printer-offline.html")
    assert (article.id, article.title, article.has_front_matter) == (
        "printing-printer-offline",
        "Printer shows Offline after a Windows update",
        False,
    )
    [problem] = article.problems
    assert problem.error_messages[0].startswith("The print spooler failed to load a plug-in module")
    assert problem.cause == "The update replaced the driver's port monitor."
    # Read as Markdown, the indented list after a blank line was a code block, not three steps.
    assert [(s.number, s.text, s.line) for s in problem.steps] == [
        ("1", "Open Devices and Printers.", 27),
        ("2", "Remove the printer, then run printui /s /t2 and delete its driver package.", 29),
        ("3", "Add the printer again with the vendor's current driver.", 30),
    ]
    # A step is shown as Markdown, not as the HTML it was written in.
    assert (
        problem.steps[1].markdown
        == "Remove the printer, then run `printui /s /t2` and delete its driver package."
    )
    assert "analytics" not in article.body and "font-family" not in article.body


def test_a_page_without_a_heading_is_titled_by_its_title_element() -> None:
    page = HELP_CENTRE_PAGE.replace("<h1>Printer shows Offline after a Windows update</h1>", "")
    article = parse_article(page.encode(), "printer-offline.htm")
    assert article.title == "Printer shows Offline after a Windows update – Help Center"


# A knowledge document as a Domino database publishes it: the parts are a table's rows, each labelled
# in bold in its first cell, and the device's status is named in a sentence, in four hexadecimal digits.
TERMINAL_DOCUMENT = """\
<html><head><title>Badge reader rejects every card after a firmware update</title></head>
<body>
<table width="100%" border="0">
<tr valign="top"><td width="20%"><b>Problem</b></td>
<td>After the reader's firmware is updated, every badge is refused and the reader's display
shows error code 0x0C3B. The door log stays empty.</td></tr>
<tr valign="top"><td><b>Cause</b></td>
<td>The update resets the reader's site key, so no card's key matches it.</td></tr>
<tr valign="top"><td><b>Resolving the problem</b></td>
<td>
1. Connect the reader to the enrolment station.<br>
2. Load the site key from the station's backup.<br>
3. Restart the reader.
</td></tr>
</table>
<p>Before the reader's next firmware update, export its configuration at address 0x0400 of its memory.</p>
</body></html>
"""


def test_a_short_hexadecimal_code_named_in_a_sentence_is_the_problem_s_code(tmp_path: Path) -> None:
    folder = tmp_path / "kb"
    folder.mkdir()
    (folder / "badge-reader.html").write_text(TERMINAL_DOCUMENT, encoding="utf-8")
    article = parse_article(TERMINAL_DOCUMENT.encode(), "badge-reader.html")
    # An address of the reader's memory is no code: no word calls it an error's.
    assert [p.error_codes for p in article.problems] == [["0x0C3B"]]
    build_index([folder], tmp_path / "index.db")
    kb = KnowledgeBase(tmp_path / "index.db")
    # Before: the code was no code, and the pasted code alone found nothing confidently.
    for asked in ("error code 0x0C3B", "0x0c3b", "Reader status 0x00000C3B"):
        best = match(kb, asked).matches[0]
        assert best.problem.id == "badge-reader#1", asked
        assert "error_code" in [e.field for e in best.evidence], asked


def test_html_pages_are_indexed_beside_markdown_and_answer_a_pasted_error(tmp_path: Path) -> None:
    folder = tmp_path / "kb"
    folder.mkdir()
    (folder / "printer-offline.html").write_text(HELP_CENTRE_PAGE, encoding="utf-8")
    (folder / "scanner.md").write_text(
        "# Scanner does not start\n\n## Symptoms\n\nThe scanner shows error E-401.\n\n"
        "## Resolution\n\n1. Restart the scanner.\n",
        encoding="utf-8",
    )
    report = build_index([folder], tmp_path / "index.db")
    assert (report.articles, report.warnings) == (2, [])
    result = match(
        KnowledgeBase(tmp_path / "index.db"),
        "The print spooler failed to load a plug-in module C:\\Windows\\System32\\spool\\DRIVERS\\x64\\3\\abc.dll, error code 0x7e.",
    )
    first = result.matches[0]
    assert first.problem.id == "printer-offline#1"
    assert "error_message" in [e.field for e in first.evidence]


@pytest.mark.parametrize(
    ("page", "error"),
    [
        # <b> becomes Markdown's "**": as many markers as an article may hold, and more.
        ("<p>" + "<b>x</b> " * 60_000 + "</p>", r"page\.html:1: \d+ emphasis and link markers"),
        # Each paragraph a line of Markdown: the line named is the file's.
        ("<!DOCTYPE html>\n" + "<p>a</p>\n" * 30_000, r"page\.html:20002: 30000 lines of text"),
        ("<div>" * (MAX_ARTICLE_BYTES // 6), r"page\.html:1: an HTML page with no text"),
        ("<!--" * (MAX_ARTICLE_BYTES // 5), r"page\.html:1: an HTML page with no text"),
    ],
    ids=["bold", "paragraphs", "tags", "comments"],
)
def test_a_hostile_page_is_refused_within_bounded_work(page: str, error: str) -> None:
    with cpu_budget(4.0), pytest.raises(ArticleError, match=error):
        parse_article(page.encode(), "page.html")


def test_a_page_is_read_in_the_character_encoding_it_declares() -> None:
    # An older help centre's export: windows-1252, as its <meta> says (and Latin-1 is read as
    # browsers read it, as windows-1252: its curly quote is 0x92).
    for declared in ("windows-1252", "ISO-8859-1"):
        page = (
            f'<html><head><meta http-equiv="Content-Type" content="text/html; charset={declared}"></head>\n'
            "<body><h1>Caf\u00e9 terminal won\u2019t print</h1>\n<h2>Resolution</h2><ol><li>Restart it.</li></ol></body></html>\n"
        ).encode("cp1252")
        assert parse_article(page, "cafe.html").title == "Caf\u00e9 terminal won\u2019t print"
    # Without a declaration, such bytes are no UTF-8: the line is named, as for any article.
    undeclared = "<html>\n<body><h1>Caf\u00e9</h1></body></html>\n".encode("cp1252")
    with pytest.raises(ArticleError, match=r"^cafe\.html:2: not UTF-8 text \(byte 0xe9\)"):
        parse_article(undeclared, "cafe.html")


@pytest.mark.parametrize(
    "declared", ["base64", "zlib", "rot13", "hex", "uu", "punycode", "undefined", "unicode_escape", "utf-7"]
)
def test_a_charset_that_names_a_codec_but_no_character_set_is_read_as_utf_8(declared: str) -> None:
    # Python knows these names, but not as character sets: `kb index` stopped with a traceback
    # ("'base64' is not a text encoding"), every folder with it, and a reindex answered 500.
    page = (
        f'<html><head><meta charset="{declared}"></head>\n'
        "<body><h1>Caf\u00e9 agent \\ud800 fails</h1>\n<h2>Resolution</h2><ol><li>Restart it.</li></ol></body></html>\n"
    ).encode()
    assert parse_article(page, "agent.html").title == "Caf\u00e9 agent \\ud800 fails"


def test_a_page_declared_ms932_is_read_as_shift_jis() -> None:
    # A WHATWG label of Shift_JIS, which Python reads as cp932.
    page = (
        '<html><head><meta charset="MS932"></head>\n'
        "<body><h1>\u540c\u671f\u30a8\u30e9\u30fc</h1>\n<h2>Resolution</h2><ol><li>Restart it.</li></ol></body></html>\n"
    ).encode("cp932")
    assert parse_article(page, "sync.html").title == "\u540c\u671f\u30a8\u30e9\u30fc"


def test_a_docs_site_heading_s_permalink_is_no_part_of_its_title(tmp_path: Path) -> None:
    # Sphinx and MkDocs put a "¶" link in every heading: titles ended in "¶", and "Symptoms¶" was no part.
    page = (
        '<h1>Worker stops with MemoryError<a class="headerlink" href="#w">¶</a></h1>'
        '<h2>Symptoms<a class="headerlink" href="#s">¶</a></h2><p>The worker log ends with:</p>'
        "<pre>MemoryError: Unable to allocate 3.2 GiB</pre>"
        '<h2>Resolution<a class="headerlink" href="#r">¶</a></h2><ol><li>Set chunk_size to 100000.</li>'
        '<li>See <a class="anchor-link" href="#r">the sizing guide</a>.</li></ol>'
    )
    (tmp_path / "worker.html").write_text(page, encoding="utf-8")
    article = parse_article((tmp_path / "worker.html").read_bytes(), "worker.html")
    [problem] = article.problems
    assert (article.title, problem.title) == (
        "Worker stops with MemoryError",
        "Worker stops with MemoryError",
    )
    assert problem.error_messages == ["MemoryError: Unable to allocate 3.2 GiB"]
    # A link is kept, whatever its class: only the symbol a heading ends with goes.
    assert [s.text for s in problem.steps] == ["Set chunk_size to 100000.", "See the sizing guide."]


def test_a_docusaurus_heading_s_hash_link_is_no_part_of_its_title(tmp_path: Path) -> None:
    """Docusaurus ends every heading with a hash-link whose text is a zero-width space: each title
    ended in it, invisible but copied with the title."""
    page = (
        '<html lang="en"><head><meta name="generator" content="Docusaurus v3.1.0"><title>Build agents | Forge Docs'
        '</title></head><body><main><article><div class="theme-doc-markdown markdown"><header><h1>Build agents</h1>'
        '</header><h2 class="anchor" id="agent-goes-offline">Agent goes offline during a build<a href="#agent-goes-'
        'offline" class="hash-link" aria-label="Direct link to Agent goes offline" title="Direct link">&#8203;</a></h2>'
        "<p>The build log ends with:</p><pre><code>agent lost: heartbeat timed out after 60s</code></pre>"
        '<h3 class="anchor" id="fix">Resolution<a href="#fix" class="hash-link" aria-label="Direct link to Resolution">'
        "&#8203;</a></h3><ol><li>Raise <code>heartbeat_timeout</code> to 180.</li><li>Restart the agent.</li></ol>"
        "</div></article></main></body></html>"
    )
    (tmp_path / "agents.html").write_text(page, encoding="utf-8")
    article = parse_article((tmp_path / "agents.html").read_bytes(), "agents.html")
    [problem] = article.problems
    assert problem.title == "Agent goes offline during a build"
    assert problem.error_messages == ["agent lost: heartbeat timed out after 60s"]
    assert [s.text for s in problem.steps] == ["Raise heartbeat_timeout to 180.", "Restart the agent."]


def test_a_zero_width_space_inside_a_heading_stays_where_it_joins_words(tmp_path: Path) -> None:
    """Guard: only the mark a heading ends with is its permalink; a zero-width space an editor left
    between two words is no link's."""
    page = "<h1>Sync\u200bService stops\u200b at night</h1><h2>Resolution</h2><ol><li>Restart it.</li></ol>"
    (tmp_path / "sync.html").write_text(page, encoding="utf-8")
    [problem] = parse_article((tmp_path / "sync.html").read_bytes(), "sync.html").problems
    assert problem.title == "Sync\u200bService stops\u200b at night"


@pytest.mark.parametrize("separator", ["", "\n"])
def test_a_part_labelled_in_a_page_s_paragraph_keeps_its_markdown(tmp_path: Path, separator: str) -> None:
    """A paragraph that opens with a part's label ("<b>Resolution:</b> …") is that part: its step was
    shown as the page's HTML source line (the whole page, written on one line), not as Markdown."""
    entry = "<h2>Sync fails: quota exceeded</h2><p><b>Cause:</b> The quota is spent.</p>"
    fix = "<p><b>Resolution:</b> Run <code>sync --purge</code>, then sign in again.</p>"
    page = separator.join(["<h1>Sync</h1>", entry, fix, entry.replace("quota", "disk"), fix])
    (tmp_path / "sync.html").write_text(page, encoding="utf-8")
    problems = parse_article((tmp_path / "sync.html").read_bytes(), "sync.html").problems
    assert [p.cause for p in problems] == ["The quota is spent.", "The disk is spent."]
    assert [[s.markdown for s in p.steps] for p in problems] == [
        ["Run `sync --purge`, then sign in again."],
        ["Run `sync --purge`, then sign in again."],
    ]


def test_a_sphinx_field_list_cause_is_the_cause_and_not_the_fix_after_it() -> None:
    """A Sphinx page's ``:Cause:`` field, then a lead-in and the steps, then a warning admonition: the
    label alone on its line headed a Cause part that took the lead-in and the warning, and named the
    group of the steps."""
    page = """<html><head><title>Exporter &#8212; Ops docs</title></head><body>
<section id="export-hangs">
<h1>Export hangs at 99%<a class="headerlink" href="#export-hangs">¶</a></h1>
<p>The exporter stops and logs:</p>
<div class="highlight"><pre>ERROR spool: cannot write chunk 412: No space left on device</pre></div>
<dl class="field-list simple">
<dt class="field-odd">Cause<span class="colon">:</span></dt>
<dd class="field-odd"><p>The spool folder is on the root volume, which is full.</p></dd>
</dl>
<p>To fix it:</p>
<ol class="arabic">
<li><p>Move the spool folder to the data volume.</p></li>
<li><p>Restart the exporter.</p></li>
</ol>
<div class="admonition warning"><p class="admonition-title">Warning</p>
<p>Moving the folder drops the chunks in flight.</p></div>
</section></body></html>
"""
    [problem] = parse_article(page.encode(), "exporter.html").problems
    assert problem.cause == "The spool folder is on the root volume, which is full."
    assert [(s.group, s.text) for s in problem.steps] == [
        (None, "Move the spool folder to the data volume."),
        (None, "Restart the exporter."),
    ]


def test_a_help_centre_pages_attachments_follow_button_and_comments_are_not_the_article() -> None:
    """A help centre's article page: a "Follow" link made a button, the list of attached files after the
    fix (one more step), and the comments section (text of the last problem)."""
    page = """<html><head><meta charset="utf-8"><title>Scanner saves blank pages – Support</title></head><body>
<article class="article"><header class="article-header"><h1>Scanner saves blank pages</h1>
<a class="article-subscribe" role="button" rel="nofollow">Follow</a></header>
<div class="article-body">
<h3>Issue</h3><p>Every page the scanner saves to the share is blank.</p>
<h3>Resolution</h3>
<ol><li>Open the scanner's web page.</li><li>Set the colour mode to Greyscale.</li></ol>
</div>
<div class="article-attachments"><ul class="attachments"><li><a href="/files/1/scan-profile.xml">scan-profile.xml</a> (4 KB)</li></ul></div>
<section class="article-comments"><h2>Comments</h2><p>1 comment</p>
<p>Same here on the 4th floor, the fix worked.</p></section>
</article></body></html>
"""
    article = parse_article(page.encode(), "scanner.html")
    [problem] = article.problems
    assert [s.text for s in problem.steps] == [
        "Open the scanner's web page.",
        "Set the colour mode to Greyscale.",
    ]
    assert problem.symptoms == "Every page the scanner saves to the share is blank."
    assert "scan-profile.xml (4 KB)" in article.body
    assert "4th floor" not in article.body + problem.symptoms


# A console maker's error-code page: the code in the title, what it means under a question, then how to fix it.
ERROR_CODE_PAGE = """\
<html><head><title>Error NW-4471-2 | Game Support</title></head><body><main>
<h1>Error NW-4471-2</h1>
<p><strong>Error code:</strong> NW-4471-2</p>
<p><strong>Message:</strong> "The connection to the server timed out."</p>
<h2>{question}</h2>
<p>The console could not reach the game servers in time. Busy home networks and DNS servers that answer slowly cause it.</p>
<h2>How to fix error NW-4471-2</h2>
<ol><li>Restart the router.</li><li>Set the console's DNS to automatic.</li><li>Try again.</li></ol>
<h2>What does the light bar colour mean?</h2>
<p>A blue light bar means the console is starting up.</p>
</main></body></html>
"""


@pytest.mark.parametrize("question", ["What does this mean?", "What does this error mean?", "What it means"])
def test_a_help_centre_s_question_what_the_error_means_is_its_cause(question: str, tmp_path: Path) -> None:
    """ "What does this mean?" under an error's page names nothing of its own, as "Why does this
    happen?" does not: what it says is the error's cause. It was a problem of its own whose one
    step was the explanation; a question with words of its own stays one."""
    problems = parse_article(ERROR_CODE_PAGE.format(question=question).encode(), "nw.html").problems
    assert [p.title for p in problems] == ["Error NW-4471-2", "What does the light bar colour mean?"]
    error = problems[0]
    assert error.cause.startswith("The console could not reach the game servers in time.")
    assert [s.text for s in error.steps] == [
        "Restart the router.",
        "Set the console's DNS to automatic.",
        "Try again.",
    ]


def test_a_sphinx_section_whose_heading_ends_in_comments_is_read_and_a_comments_block_is_not() -> None:
    """Sphinx gives a section its heading's anchor as its id: "Reviewers cannot see comments" is the section
    ``reviewers-cannot-see-comments``, a problem of the page, not its readers' comments; a blog's
    ``<div id="comments">`` under a heading of its own words stays out (guard)."""
    page = """<html><head><title>Wiki troubleshooting</title></head><body>
<section id="wiki-troubleshooting"><h1>Wiki troubleshooting</h1>
<section id="reviewers-cannot-see-comments">
<h2>Reviewers cannot see comments<a class="headerlink" href="#reviewers-cannot-see-comments">¶</a></h2>
<p>Opening the review tab shows <code>403 Forbidden: missing scope comments.read</code>.</p>
<ol class="arabic simple"><li><p>Sign out of the wiki.</p></li><li><p>Sign in again to grant the new scope.</p></li></ol>
</section></section>
<div id="comments" class="discussion"><h2 class="title">4 replies to this page</h2>
<p>Reloading fixed it for me, thanks.</p></div>
</body></html>
"""
    article = parse_article(page.encode(), "wiki.html")
    [problem] = article.problems
    assert problem.title == "Reviewers cannot see comments"
    assert [s.text for s in problem.steps] == [
        "Sign out of the wiki.",
        "Sign in again to grant the new scope.",
    ]
    assert "thanks" not in article.body + problem.symptoms


@pytest.mark.parametrize(
    "section",
    [
        # Sphinx's explicit label: a span with the label's anchor before the heading.
        '<section id="editor-drops-todo-comments"><span id="todo-label"></span>\n<h2>Editor drops TODO comments</h2>',
        # A heading that opens with code.
        '<section id="formatter-removes-todo-comments"><h2><code>fmt</code> removes TODO comments</h2>',
        # A page's own class that ends in "comments".
        '<div class="yaml-comments"><h2>Formatter removes TODO comments</h2>',
    ],
)
def test_a_section_of_the_article_named_for_comments_is_read(section: str) -> None:
    """Only a comments block's whole name ("comments", "article-comments", "comments-area") marks readers'
    comments: a section whose anchor or class merely ends in "comments" was left out, its problem and steps."""
    page = f"""<html><body><h1>Formatter troubleshooting</h1>
{section}
<p>Saving shows <code>fmt: refusing to drop TODO comments in strict mode</code>.</p>
<ol><li><p>Open the formatter settings.</p></li><li><p>Turn off strict mode.</p></li></ol>
</section></div></body></html>
"""
    [problem] = parse_article(page.encode(), "fmt.html").problems
    assert problem.title.endswith("removes TODO comments") or problem.title == "Editor drops TODO comments"
    assert "refusing to drop TODO comments" in problem.symptoms
    assert [s.text for s in problem.steps] == ["Open the formatter settings.", "Turn off strict mode."]


@pytest.mark.parametrize(
    "toggle",
    [
        # Bootstrap 3: a link made a button, in the panel's heading.
        '<h4 class="panel-title"><a role="button" data-toggle="collapse" href="#a{n}">{q}</a></h4>',
        # Bootstrap 5: a button, in the accordion's header.
        '<h2 class="accordion-header"><button class="accordion-button" data-bs-target="#a{n}">{q}</button></h2>',
    ],
    ids=["link-button", "button"],
)
def test_an_accordions_question_in_a_heading_made_a_button_titles_its_answer(toggle: str) -> None:
    """An accordion's toggle is a heading's words: each question titles its answer, where it was left
    out as a widget's and the first answer's sentence titled both answers."""
    questions = ["Why does the scanner skip the last page?", "How do I scan both sides?"]
    answers = [
        "<p>The feeder reads a page shorter than A5 as empty.</p><ol><li>Open the scan profile.</li>"
        "<li>Turn off Skip blank pages.</li></ol>",
        "<ol><li>Choose Duplex in the profile.</li></ol>",
    ]
    panels = "".join(
        f'<div class="panel">{toggle.format(n=n, q=q)}<div id="a{n}" class="collapse"><div class="body">{a}</div></div></div>'
        for n, (q, a) in enumerate(zip(questions, answers, strict=True))
    )
    page = f'<html><head><title>Scanner FAQ</title></head><body><h1>Scanner FAQ</h1><div class="accordion">{panels}</div></body></html>'
    problems = parse_article(page.encode(), "scanner-faq.html").problems
    assert [p.title for p in problems] == questions
    assert [[s.text for s in p.steps] for p in problems] == [
        ["Open the scan profile.", "Turn off Skip blank pages."],
        ["Choose Duplex in the profile."],
    ]


def test_a_field_lists_cause_of_two_paragraphs_is_the_cause_and_its_fix_stays_steps() -> None:
    """A Sphinx field list whose Cause field holds two paragraphs: both are the cause, where the second
    was read as a symptom; the Solution field's paragraphs stay its steps."""
    page = """<html><head><title>Mail</title></head><body><h1>Invoices are not e-mailed</h1>
<dl class="field-list">
<dt>Symptom:</dt><dd><p>Customers get no invoice after checkout.</p></dd>
<dt>Cause:</dt><dd><p>The mail relay rejects senders outside its allow list.</p>
<p>The shop's sender address changed with the last update.</p></dd>
<dt>Solution:</dt><dd><p>Add the new sender to the relay's allow list.</p><p>Resend the queued invoices.</p></dd>
</dl></body></html>
"""
    [problem] = parse_article(page.encode(), "mail.html").problems
    assert problem.cause == (
        "The mail relay rejects senders outside its allow list.\nThe shop's sender address changed with the last update."
    )
    assert problem.symptoms == "Customers get no invoice after checkout."
    assert [s.text for s in problem.steps] == [
        "Add the new sender to the relay's allow list.",
        "Resend the queued invoices.",
    ]


# A cloud CLI's troubleshooting page: a heading per error, the error as the CLI prints it, then a
# definition list whose terms, with no colon, are the labels of its cause and its solution.
CLI_CAUSE_SOLUTION_PAGE = """<html><head><title>Troubleshoot stratus CLI errors</title></head><body>
<h1>Troubleshoot stratus CLI errors</h1>
<h2>Bucket name already taken</h2>
<pre class="error">ERROR: (stratus.storage.buckets.create) HTTPError 409: The requested bucket name is not available.</pre>
<dl>
  <dt>Cause</dt>
  <dd>Bucket names are global, and another account owns this one.</dd>
  <dt>Solution</dt>
  <dd>Request a name from your organisation's naming service, then run the command again.</dd>
</dl>
<h2>Token refresh failed</h2>
<pre class="error">ERROR: stratus failed to refresh the access token: invalid_grant: Bad Request</pre>
<dl>
  <dt>Cause</dt>
  <dd>The stored credentials were revoked when your password changed.</dd>
  <dt>Solution</dt>
  <dd><ol><li>Run <code>stratus auth revoke --all</code>.</li><li>Run <code>stratus auth login</code> and sign in again.</li></ol></dd>
</dl>
</body></html>
"""


def test_a_definition_list_of_cause_and_solution_labels_is_the_problem_s_parts() -> None:
    """Terms that label a problem's parts without a colon ("Cause", "Solution") over what causes it and
    what to do: the labels were steps (or symptoms) and neither problem had a cause."""
    taken, token = parse_article(CLI_CAUSE_SOLUTION_PAGE.encode(), "stratus-cli.html").problems
    assert (taken.title, taken.cause) == (
        "Bucket name already taken",
        "Bucket names are global, and another account owns this one.",
    )
    assert [s.text for s in taken.steps] == [
        "Request a name from your organisation's naming service, then run the command again."
    ]
    assert (token.title, token.cause, token.symptoms) == (
        "Token refresh failed",
        "The stored credentials were revoked when your password changed.",
        "",
    )
    assert [s.text for s in token.steps] == [
        "Run stratus auth revoke --all.",
        "Run stratus auth login and sign in again.",
    ]


def test_a_glossary_of_part_names_after_problems_stays_its_paragraphs() -> None:
    """Guard: a glossary that defines the names of parts, its solution a definition rather than what to
    do, stays text."""
    page = CLI_CAUSE_SOLUTION_PAGE.replace(
        "</body>",
        "<h2>Glossary</h2><dl><dt>Cause</dt><dd>Why the CLI failed.</dd>"
        "<dt>Solution</dt><dd>A change that makes the command succeed.</dd></dl></body>",
    )
    article = parse_article(page.encode(), "stratus-cli.html")
    assert [p.title for p in article.problems] == ["Bucket name already taken", "Token refresh failed"]
    assert "A change that makes the command succeed." not in [
        s.text for p in article.problems for s in p.steps
    ]
    assert "A change that makes the command succeed." in article.body


# The same CLI's page with its errors filed under category headings, one error in each.
CLI_CATEGORY_PAGE = """<html><head><title>Troubleshoot stratus CLI errors</title></head><body>
<h1>Troubleshoot stratus CLI errors</h1>
<h2>Storage errors</h2>
<h3>Bucket name already taken</h3>
<pre class="error">ERROR: (stratus.storage.buckets.create) HTTPError 409: The requested bucket name is not available.</pre>
<dl><dt>Cause</dt><dd>Bucket names are global, and another account owns this one.</dd>
<dt>Solution</dt><dd>Request a name from your organisation's naming service, then run the command again.</dd></dl>
<h2>Authentication errors</h2>
<p>These errors come from the sign-in service.</p>
<h3>Token refresh failed</h3>
<pre class="error">ERROR: stratus failed to refresh the access token: invalid_grant: Bad Request</pre>
<dl><dt>Cause</dt><dd>The stored credentials were revoked when your password changed.</dd>
<dt>Solution</dt><dd><ol><li>Run <code>stratus auth revoke --all</code>.</li><li>Run <code>stratus auth login</code>.</li></ol></dd></dl>
</body></html>
"""


def test_a_category_heading_over_one_error_heading_is_no_problem() -> None:
    """A heading that files errors ("Storage errors") over a single error's heading: the error's heading
    is the problem and the CLI's output its message. The category was the problem, the error's
    heading a group of its steps and the output a step or a note."""
    taken, token = parse_article(CLI_CATEGORY_PAGE.encode(), "stratus-cli.html").problems
    assert (taken.title, taken.error_messages, taken.cause) == (
        "Bucket name already taken",
        ["(stratus.storage.buckets.create) HTTPError 409: The requested bucket name is not available."],
        "Bucket names are global, and another account owns this one.",
    )
    assert [(s.group, s.text) for s in taken.steps] == [
        (None, "Request a name from your organisation's naming service, then run the command again.")
    ]
    assert token.title == "Token refresh failed"
    assert token.error_messages == ["stratus failed to refresh the access token: invalid_grant: Bad Request"]
    assert [s.text for s in token.steps] == ["Run stratus auth revoke --all.", "Run stratus auth login."]
    assert not token.notes


def test_an_error_heading_over_one_sub_heading_of_its_fix_stays_the_problem() -> None:
    """Guard: an error's own heading (no category) over one sub-heading stays the problem."""
    page = (
        "<html><body><h1>Troubleshoot stratus CLI errors</h1>"
        "<h2>Token refresh failed</h2>"
        "<pre class='error'>ERROR: stratus failed to refresh the access token: invalid_grant</pre>"
        "<h3>On a shared workstation</h3><ol><li>Run <code>stratus auth login</code>.</li></ol>"
        "</body></html>"
    )
    [problem] = parse_article(page.encode(), "token.html").problems
    assert problem.title == "Token refresh failed"
    assert [(s.group, s.text) for s in problem.steps] == [
        ("On a shared workstation", "Run stratus auth login.")
    ]


def test_a_page_of_error_codes_as_a_definition_list_is_a_problem_per_code() -> None:
    """A lookup page of codes, each a term "code – meaning" over what it means and what to do (some
    only asking someone to act, "Ask the guest …"): a problem per code, its definition its fix, where
    the page was one problem, one entry's list its steps and the last entry its notes."""
    page = """<html><head><title>Locker codes</title></head><body><h1>Smart locker display codes</h1>
<p>When a locker cannot open, its display shows a code.</p>
<dl>
<dt>L12 – Door sensor fault</dt>
<dd>The door switch reports open. Ask the guest to push the door shut and scan again.</dd>
<dt>L30 – Parcel too large</dt>
<dd>The parcel does not fit the slot. Ask for a larger slot at the counter.</dd>
<dt>P07 – Hub offline</dt>
<dd>The locker cannot reach its hub.
<ol><li>Check the hub's power light.</li><li>Restart the locker bank.</li></ol></dd>
<dt>T44 – Token expired</dt>
<dd>The pickup token is older than seven days. Create a new token in the portal.</dd>
</dl></body></html>
"""
    problems = parse_article(page.encode(), "locker-codes.html").problems
    assert [p.title for p in problems] == [
        "L12 – Door sensor fault",
        "L30 – Parcel too large",
        "P07 – Hub offline",
        "T44 – Token expired",
    ]
    assert [s.text for s in problems[2].steps] == ["Check the hub's power light.", "Restart the locker bank."]
    assert [s.text for s in problems[3].steps] == [
        "The pickup token is older than seven days. Create a new token in the portal."
    ]
    assert all(not p.notes for p in problems)


def test_a_tab_lists_labels_name_its_panels_groups_and_are_no_steps() -> None:
    """A fix laid out as tabs (role="tablist" over role="tabpanel"s): each tab's label names its panel's
    steps, another way; the labels were the fix's first two steps, before the panels'."""
    page = """<html><head><title>Sync</title></head><body><h1>Planner sync stops with code PLN-2204</h1>
<h2>Resolution</h2>
<div class="tabset">
<div role="tablist"><button role="tab" aria-selected="true">Method A: Desktop client</button>
<button role="tab">Method B: Browser</button></div>
<div role="tabpanel"><ol><li>Quit the client.</li><li>Delete the sync journal.</li></ol></div>
<div role="tabpanel"><p>This resets the browser's copy only.</p><ol><li>Sign out.</li><li>Clear site data.</li></ol></div>
</div></body></html>
"""
    [problem] = parse_article(page.encode(), "planner.html").problems
    assert [(s.group, s.text) for s in problem.steps] == [
        ("Method A: Desktop client", "Quit the client."),
        ("Method A: Desktop client", "Delete the sync journal."),
        ("Method B: Browser", "Sign out."),
        ("Method B: Browser", "Clear site data."),
    ]


# MkDocs Material's content tabs (pymdownx.tabbed): the labels in a "tabbed-labels" block, one <label> per
# tab, over a "tabbed-block" panel each, with no ARIA roles.
MKDOCS_TABS_PAGE = """<!doctype html><html><head><meta name="generator" content="mkdocs-1.6.0, mkdocs-material-9.5.18">
<title>Print queue - Ops handbook</title></head><body><div class="md-content"><article class="md-content__inner md-typeset">
<h1 id="print-queue">Print queue<a class="headerlink" href="#print-queue">&para;</a></h1>
<h2 id="spooler">Spooler refuses jobs<a class="headerlink" href="#spooler">&para;</a></h2>
<div class="highlight"><pre><span></span><code>lp: Error - The printer or class does not exist.
</code></pre></div>
<p><strong>Fix:</strong></p>
<div class="tabbed-set tabbed-alternate" data-tabs="1:2"><input checked="checked" id="__tabbed_1_1" name="__tabbed_1" type="radio" /><input id="__tabbed_1_2" name="__tabbed_1" type="radio" /><div class="tabbed-labels"><label for="__tabbed_1_1">Linux</label><label for="__tabbed_1_2">macOS</label></div>
<div class="tabbed-content">
<div class="tabbed-block">
<ol><li>Run <code>lpstat -p</code> to list the queues.</li><li>Add the queue again with <code>lpadmin</code>.</li></ol>
</div>
<div class="tabbed-block">
<ol><li>Open Printers &amp; Scanners.</li><li>Remove the printer and add it again.</li></ol>
</div>
</div>
</div>
</article></div></body></html>
"""


def test_mkdocs_material_content_tabs_are_alternative_groups_of_steps() -> None:
    """Material's content tabs are alternatives, each tab's label naming its panel's steps, as a tab list
    with ARIA roles is read: the two panels were one list of four steps, and the labels run together
    ("Linuxmacos") a note before them."""
    [problem] = parse_article(MKDOCS_TABS_PAGE.encode(), "print-queue.html").problems
    assert [(s.group, s.text) for s in problem.steps] == [
        ("Linux", "Run lpstat -p to list the queues."),
        ("Linux", "Add the queue again with lpadmin."),
        ("macOS", "Open Printers & Scanners."),
        ("macOS", "Remove the printer and add it again."),
    ]
    assert not problem.notes


def test_a_label_outside_tabs_stays_text() -> None:
    # Guard: a form's <label> and a "tabbed-content" block with no tab labels above it are read as before.
    page = (
        "<html><body><h1>Print queue</h1><h2>Spooler refuses jobs</h2><h3>Fix</h3>"
        '<div class="tabbed-content"><ol><li>Restart CUPS.</li><li>Print a test page.</li></ol></div>'
        "</body></html>"
    )
    [problem] = parse_article(page.encode(), "q.html").problems
    assert [(s.group, s.text) for s in problem.steps] == [
        (None, "Restart CUPS."),
        (None, "Print a test page."),
    ]


# A wiki page exported as HTML, as Confluence writes it: its trail to the page in a list of its own id over
# the title, and its tree of child pages (the Page Tree or Children Display macro) under the last section.
WIKI_NAVIGATION_PAGE = """<html><head><title>Ops Wiki : Tollgate relay - known problems</title></head><body>
<div id="breadcrumb-section"><ol id="breadcrumbs">
<li class="first"><span><a href="index.html">Ops Wiki</a></span></li>
<li><span><a href="Relays_4410.html">Relays</a></span></li>
<li><span><a href="Runbooks_4420.html">Runbooks</a></span></li>
</ol></div>
<h1 id="title-heading">Tollgate relay - known problems</h1>
<div id="main-content" class="wiki-content group">
<h2 id="Tollgaterelay-Queuestalls">Relay queue stalls at night</h2>
<p><strong>Symptom</strong></p>
<pre>tollgate[88]: TG-5120 spool quota exceeded on /srv/tollgate/spool</pre>
<p><strong>Fix</strong></p>
<ol><li>Drain the relay.</li><li>Run <code>tgctl spool compact</code>.</li></ol>
<h2 id="Tollgaterelay-Childpages">Child pages</h2>
{tree}
</div></body></html>
"""


@pytest.mark.parametrize(
    "tree",
    [
        '<div class="plugin_pagetree"><ul class="plugin_pagetree_children_list">'
        '<li><a href="Relay-images_4431.html">Relay images</a></li>'
        '<li><a href="Relay-pools_4432.html">Relay pools</a></li></ul></div>',
        '<ul class="childpages-macro"><li><a href="Relay-images_4431.html">Relay images</a></li>'
        '<li><a href="Relay-pools_4432.html">Relay pools</a></li></ul>',
    ],
)
def test_a_wiki_page_s_breadcrumbs_and_page_tree_are_no_part_of_the_article(tree: str) -> None:
    """Confluence's trail to the page ("Ops Wiki", "Relays", "Runbooks") was a first problem whose steps were
    its links, and the tree of child pages another."""
    article = parse_article(WIKI_NAVIGATION_PAGE.replace("{tree}", tree).encode(), "relay.html")
    [problem] = article.problems
    assert problem.title == "Relay queue stalls at night"
    assert problem.error_messages == ["tollgate[88]: TG-5120 spool quota exceeded on /srv/tollgate/spool"]
    assert [s.text for s in problem.steps] == ["Drain the relay.", "Run tgctl spool compact."]
    assert "Runbooks" not in article.body and "Relay pools" not in article.body


def test_a_confluence_export_s_title_is_the_page_s_without_its_space_name() -> None:
    """Confluence writes its title heading "Space name : Page title": the article was titled with the
    space's name. Only the first " : " parts them, and only in that heading (guard: another page's heading
    keeps its words)."""
    page = WIKI_NAVIGATION_PAGE.replace("{tree}", "").replace(
        '<h1 id="title-heading">Tollgate relay - known problems</h1>',
        '<h1 id="title-heading" class="pagetitle"><span id="title-text">Ops Wiki : Tollgate relay : known problems'
        "</span></h1>",
    )
    assert parse_article(page.encode(), "relay.html").title == "Tollgate relay : known problems"
    other = page.replace('<h1 id="title-heading" class="pagetitle">', "<h1>")
    assert parse_article(other.encode(), "relay.html").title == "Ops Wiki : Tollgate relay : known problems"


# A page in Confluence's storage format (its XHTML as the editor's source view, a space export or the REST API
# gives it): each macro an <ac:structured-macro> whose settings are <ac:parameter> elements and whose text
# is in an <ac:plain-text-body> (a CDATA section) or an <ac:rich-text-body>.
CONFLUENCE_STORAGE_PAGE = """<h1>Badge printers at the front desk</h1>
<h2>Printing stops with a ribbon sensor fault</h2>
<h3>Symptoms</h3>
<p>After the kiosk wakes from sleep, every badge fails and the print queue shows:</p>
<ac:structured-macro ac:name="code" ac:schema-version="1" ac:macro-id="5c1e7a30-8d2b-4f51-9a77-0c1d3e2f4b6a">
  <ac:parameter ac:name="language">text</ac:parameter>
  <ac:parameter ac:name="linenumbers">false</ac:parameter>
  <ac:plain-text-body><![CDATA[BP-4471: ribbon sensor reports <no ribbon> & head lifted]]></ac:plain-text-body>
</ac:structured-macro>
<h3>Cause</h3>
<p>The sleep timer powers the ribbon sensor down, and the driver does not wake it again.</p>
<h3>Resolution</h3>
<ol>
  <li>Open the printer's web page and set <strong>Sensor power</strong> to <em>Always on</em>.</li>
  <li>Restart the spooler:
    <ac:structured-macro ac:name="code" ac:schema-version="1">
      <ac:parameter ac:name="language">powershell</ac:parameter>
      <ac:plain-text-body><![CDATA[Restart-Service -Name Spooler -Force]]></ac:plain-text-body>
    </ac:structured-macro>
  </li>
  <li>Print a test badge.</li>
</ol>
"""


def test_a_confluence_code_macro_s_body_is_its_code_and_its_parameters_no_text() -> None:
    """The CDATA body of a code macro was dropped, so the error a problem's Symptoms quote was lost, and its
    language parameter ("text") was left as the symptoms' last words: the body is the macro's code block
    (the error message, read literally), labelled by its language (a command in a fix stays a command)."""
    article = parse_article(CONFLUENCE_STORAGE_PAGE.encode(), "badge-printers.html")
    [problem] = article.problems
    assert problem.title == "Printing stops with a ribbon sensor fault"
    assert problem.error_messages == ["BP-4471: ribbon sensor reports <no ribbon> & head lifted"]
    assert problem.error_codes == ["BP4471"]
    assert "text" not in problem.symptoms.split() and "false" not in problem.symptoms.split()
    assert problem.cause.startswith("The sleep timer powers the ribbon sensor down")
    assert [(s.number, s.text) for s in problem.steps] == [
        ("1", "Open the printer's web page and set Sensor power to Always on."),
        ("2", "Restart the spooler:\nRestart-Service -Name Spooler -Force"),
        ("3", "Print a test badge."),
    ]
    assert "```powershell" in problem.steps[1].markdown


def test_a_confluence_link_with_no_words_of_its_own_shows_its_page_s_title() -> None:
    """A Confluence link to a page (<ac:link><ri:page ri:content-title="…"/></ac:link>) or a file
    (<ri:attachment ri:filename="…"/>) with no link body shows the page's title or the file's name: the
    note was "Related:" alone. A link's own words, rich or plain (CDATA), are its text still (guard), and
    an image of an attached file writes no name."""
    page = CONFLUENCE_STORAGE_PAGE.replace(
        "  <li>Print a test badge.</li>\n</ol>\n",
        """  <li>Print a test badge.</li>
</ol>
<ac:structured-macro ac:name="info" ac:schema-version="1">
  <ac:rich-text-body><p>Related: <ac:link><ri:page ri:content-title="Kiosk sleep &amp; power settings" ri:space-key="FD" /></ac:link>,
  the vendor's <ac:link><ri:attachment ri:filename="bp-400-manual.pdf" /></ac:link>,
  <ac:link><ri:page ri:content-title="Badge printer inventory" /><ac:plain-text-link-body><![CDATA[the printer list]]></ac:plain-text-link-body></ac:link>
  and <ac:link><ri:page ri:content-title="Front desk on-call" /><ac:link-body>who to <strong>call</strong></ac:link-body></ac:link>.</p>
  <p><ac:image><ri:attachment ri:filename="sensor-menu.png" /></ac:image></p></ac:rich-text-body>
</ac:structured-macro>
""",
    )
    [problem] = parse_article(page.encode(), "badge-printers.html").problems
    assert [s.text for s in problem.steps][-1] == "Print a test badge."
    assert [n.text for n in problem.notes] == [
        "Related: Kiosk sleep & power settings, the vendor's bp-400-manual.pdf, the printer list and who to call."
    ]


def test_a_cdata_section_outside_a_macro_ends_where_it_closes() -> None:
    """Guard: a CDATA section is text only as Confluence's macro body; elsewhere (a script's, an SVG's)
    its ">" no longer ends it early, which left the rest of it as the problem's cause."""
    page = """<html><body><h1>Kiosk badge errors</h1>
<h2>Printing stops with a ribbon sensor fault</h2>
<p>The queue shows <code>BP-4471: ribbon sensor fault</code>.</p>
<![CDATA[ if (a > b) { warn(); } ]]>
<ol><li>Set the sensor power to always on.</li><li>Print a test badge.</li></ol>
</body></html>"""
    [problem] = parse_article(page.encode(), "kiosk.html").problems
    assert problem.error_messages == ["BP-4471: ribbon sensor fault"]
    assert (problem.symptoms, problem.cause) == ("The queue shows BP-4471: ribbon sensor fault.", "")
    assert [s.text for s in problem.steps] == ["Set the sensor power to always on.", "Print a test badge."]


def test_a_section_anchored_breadcrumbs_and_a_list_of_another_id_stay_the_article_s() -> None:
    """Guard: a section whose id is its heading's anchor ("breadcrumbs") and a list of an id that names no
    trail hold the article."""
    page = """<html><body><h1>Site navigation problems</h1>
<section id="breadcrumbs"><h2>Breadcrumbs vanish after the theme update</h2>
<p>The header shows <code>NAV-207: trail template missing</code>.</p>
<ol id="breadcrumb-fix"><li>Reinstall the theme.</li><li>Clear the page cache.</li></ol></section>
</body></html>"""
    [problem] = parse_article(page.encode(), "nav.html").problems
    assert problem.error_messages == ["NAV-207: trail template missing"]
    assert [s.text for s in problem.steps] == ["Reinstall the theme.", "Clear the page cache."]


def test_a_docs_sites_sidebar_contents_and_cookie_banner_are_no_part_of_the_article() -> None:
    """A docs page saved with its furniture, each a block of a class that says what it is: the sidebar's
    tree of links was the first problem's steps, the cookie banner its symptoms, the page's own table of
    contents more steps."""
    page = """<html><head><title>Queue stalls | Ferrywell Docs</title></head><body>
<div class="site-cookie-banner"><p>This site stores cookies on your device.</p><button>OK</button></div>
<aside class="doc-sidebar--primary"><ul><li><a href="/start">Start</a></li><li><a href="/ops">Operations</a></li></ul></aside>
<div class="content-with-toc">
<h1>Queue stalls after failover</h1>
<div class="toc"><p>On this page</p><ul><li><a href="#fix">Fix</a></li></ul></div>
<p>Consumers stop with <code>FW-3310: partition lease held by another broker</code>.</p>
<ol><li>Stop the standby broker.</li><li>Release the lease with <code>fwctl lease drop</code>.</li></ol>
</div></body></html>
"""
    article = parse_article(page.encode(), "queue.html")
    [problem] = article.problems
    assert problem.title == "Queue stalls after failover"
    assert [s.text for s in problem.steps] == [
        "Stop the standby broker.",
        "Release the lease with fwctl lease drop.",
    ]
    assert "cookies" not in problem.symptoms and "cookies" not in article.body
    assert "Operations" not in article.body and "On this page" not in article.body


# A vendor's solution page saved by a reader without a subscription: a banner that offers one, over the
# sections. With the subscriber's content wrapped in a block of its own class, that is the article.
SUBSCRIBER_PAGE = """<html><body>
<h1>Backups to the tape library stall at 98 percent</h1>
<div class="{banner}">
<p>Subscriber exclusive content</p>
<p>A subscription gives you access to every solution, tool and update.</p>
<p><a href="/login">Log In</a> <a href="/plans">See subscription plans</a></p>
</div>
<div class="subscriber-only">
<h2>Issue</h2>
<p>Backup jobs stop at 98 percent and the job log shows <code>TL-5507: drive 2 did not unload</code>.</p>
<h2>Resolution</h2>
<ol><li>Update the library firmware to 4.12 or later.</li></ol>
</div>
</body></html>
"""


@pytest.mark.parametrize("banner", ["banner subscriber-only", "paywall", "subscription-prompt"])
def test_a_subscription_banner_is_no_part_of_the_article(banner: str) -> None:
    """The banner offered to a reader without a subscription, by classes that say it is one: it was the
    start of the problem's symptoms."""
    article = parse_article(SUBSCRIBER_PAGE.format(banner=banner).encode(), "tape.html")
    [problem] = article.problems
    assert problem.symptoms == (
        "Backup jobs stop at 98 percent and the job log shows TL-5507: drive 2 did not unload."
    )
    assert "Subscriber exclusive" not in article.body
    assert [s.text for s in problem.steps] == ["Update the library firmware to 4.12 or later."]


def _step_table_page(rows: str, after: str = "") -> str:
    """A help centre's solution page whose fix is a table of steps, ``rows`` its rows, ``after`` under it."""
    return f"""<html><head><title>Kiosk scanner : Solutions</title></head><body>
<h1>Kiosk badge scanner stays red</h1>
<div class="article-body">
<p><strong>Symptoms</strong></p>
<pre>KSC-0712: badge reader handshake timed out on COM4</pre>
<p><strong>Resolution</strong></p>
<table><tbody>
{rows}
</tbody></table>
</div>
{after}
</body></html>
"""


STEP_ROWS = """\
<tr><td><strong>Step</strong></td><td><strong>Action</strong></td><td><strong>Screenshot</strong></td></tr>
<tr><td>1</td><td>Unplug the reader's <strong>USB cable</strong>.</td><td><img src="/att/81" alt="cable"></td></tr>
<tr><td>2</td><td>Delete the port <code>COM4</code> in Device Manager.</td><td><img src="/att/82" alt="port"></td></tr>
<tr><td>3</td><td>Plug the reader in again.</td><td>&nbsp;</td></tr>
"""


def test_a_step_tables_bold_first_row_names_its_columns_and_each_step_is_its_action() -> None:
    """A rich-text editor writes a table's header as a first row of bold cells, with no <th>: read as a
    row of data, it was step 1 ("Step | Action | Screenshot") and every step its number joined to it."""
    [problem] = parse_article(_step_table_page(STEP_ROWS).encode(), "kiosk.html").problems
    assert [s.text for s in problem.steps] == [
        "Unplug the reader's USB cable.",
        "Delete the port COM4 in Device Manager.",
        "Plug the reader in again.",
    ]


def test_a_table_bold_in_every_row_keeps_its_first_row() -> None:
    # Guard: a table that is bold throughout has no row of names; its first row is a step as the others.
    rows = (
        "<tr><td><strong>Unplug the reader.</strong></td></tr>"
        "<tr><td><strong>Plug it in again.</strong></td></tr>"
    )
    [problem] = parse_article(_step_table_page(rows).encode(), "kiosk.html").problems
    assert [s.text for s in problem.steps] == ["Unplug the reader.", "Plug it in again."]


VOTE_WIDGET = """<div class="article-vote"><p>Did you find it helpful?</p>
<span class="vote-up">Yes</span> <span class="vote-down">No</span></div>"""


@pytest.mark.parametrize(
    ("fix", "steps"),
    [
        (f"<table><tbody>{STEP_ROWS}</tbody></table>", 3),
        ("<ol><li>Unplug the reader.</li><li>Plug it in again.</li></ol>", 2),
    ],
    ids=["table", "list"],
)
def test_a_feedback_widgets_answers_under_its_prompt_are_no_step_or_note(fix: str, steps: int) -> None:
    """The "Yes No" of a vote widget under "Did you find it helpful?" was one more step after a table of
    steps, and a note after a list of them."""
    page = _step_table_page("", VOTE_WIDGET).replace("<table><tbody>\n\n</tbody></table>", fix)
    [problem] = parse_article(page.encode(), "kiosk.html").problems
    assert len(problem.steps) == steps
    assert "Yes" not in problem.steps[-1].text
    assert problem.notes == []


def test_a_dutch_portals_feedback_prompt_and_its_answers_are_no_step_or_note() -> None:
    """TOPdesk's self-service portal asks "Heeft dit antwoord u geholpen?" under a knowledge item's answer,
    over "Ja" and "Nee": the prompt was one more step of the fix."""
    widget = '<div class="ki-feedback"><p>Heeft dit antwoord u geholpen?</p><button>Ja</button><button>Nee</button></div>'
    page = _step_table_page("", widget).replace(
        "<table><tbody>\n\n</tbody></table>", "<ol><li>Unplug the reader.</li><li>Plug it in again.</li></ol>"
    )
    [problem] = parse_article(page.encode(), "kiosk.html").problems
    assert [s.text for s in problem.steps] == ["Unplug the reader.", "Plug it in again."]
    assert problem.notes == []


def test_answer_words_under_the_articles_own_question_stay_its_text() -> None:
    # Guard: "Yes / No" under a question that is no feedback prompt is the article's, read as before.
    after = "<p>Does the reader beep twice?</p><p>Yes / No</p>"
    page = _step_table_page(STEP_ROWS, after)
    [problem] = parse_article(page.encode(), "kiosk.html").problems
    assert "Yes / No" in [s.text for s in problem.steps] + [n.text for n in problem.notes]


# A Citrix CTX article as its site prints it: the CTX number under the title, "Applicable Products",
# "Symptoms or Error", "Solution" and "Problem Cause".
CTX_ARTICLE = """<html><body>
<h1>StoreFront shows "Cannot complete your request" after an upgrade</h1>
<p><b>CTX588214</b></p>
<h2>Applicable Products</h2>
<ul>
<li>StoreFront</li>
<li>Citrix Virtual Apps and Desktops</li>
</ul>
<h2>Symptoms or Error</h2>
<p>After the upgrade, users who open the store in a browser see:</p>
<pre>Cannot complete your request. Event ID 28: An error occurred while contacting the authentication service at https://sf01.example.net/Citrix/Authentication.</pre>
<h2>Solution</h2>
<ol>
<li>On each StoreFront server, open <code>C:\\inetpub\\wwwroot\\Citrix\\Authentication\\web.config</code>.</li>
<li>Set the token validation URL to the server group's base URL.</li>
<li>Propagate the changes to the server group.</li>
</ol>
<h2>Problem Cause</h2>
<p>The upgrade keeps the token validation URL of the server it ran on.</p>
</body></html>
"""


# A sheet of error codes saved from a spreadsheet as a web page: a merged title row over the sheet,
# then the row that names the columns, in plain <td> cells as the spreadsheet always writes them.
SPREADSHEET_CODES_PAGE = """<html xmlns:x="urn:schemas-microsoft-com:office:excel">
<head><meta name=ProgId content=Excel.Sheet><meta name=Generator content="Microsoft Excel 16"></head>
<body>
<div id="Kiosk codes_1187" align=center x:publishsource="Excel">
<table border=0 cellpadding=0 cellspacing=0 width=960 style='border-collapse:collapse'>
 <tr height=24><td colspan=4 height=24 class=xl7011872>Self-service kiosk – fault codes – issue 3</td></tr>
 <tr height=20>
  <td height=20 class=xl7111872>Code</td>
  <td class=xl7111872>Display text</td>
  <td class=xl7111872>Meaning</td>
  <td class=xl7111872>What to do</td>
 </tr>
 <tr height=40>
  <td height=40 class=xl7211872>KS-104</td>
  <td class=xl7211872>Card reader not responding</td>
  <td class=xl7211872>The reader's USB link dropped after a power dip.</td>
  <td class=xl7211872>Unplug the reader for ten seconds and plug it back in.</td>
 </tr>
 <tr height=40>
  <td height=40 class=xl7211872>KS-230</td>
  <td class=xl7211872>Receipt paper low</td>
  <td class=xl7211872>The paper sensor sees less than a metre left.</td>
  <td class=xl7211872>Load a new roll, shiny side down.</td>
 </tr>
</table>
</div>
</body></html>
"""


def test_a_ctx_articles_parts_are_one_problem_and_its_products_are_where_it_is_seen() -> None:
    """The CTX parts "Applicable Products" before "Symptoms or Error" were read as a first fix, its
    products steps, and the symptoms a second problem with no steps, which the exact error then
    answered; "Problem Cause" was no cause."""
    [problem] = parse_article(CTX_ARTICLE.encode(), "ctx588214.html").problems
    assert problem.title == 'StoreFront shows "Cannot complete your request" after an upgrade'
    assert any(m.startswith("Cannot complete your request. Event ID 28:") for m in problem.error_messages)
    assert "StoreFront" in problem.seen_in and "Virtual Apps" in problem.seen_in
    assert problem.cause == "The upgrade keeps the token validation URL of the server it ran on."
    assert [(s.group, s.text) for s in problem.steps] == [
        (None, "On each StoreFront server, open C:\\inetpub\\wwwroot\\Citrix\\Authentication\\web.config."),
        (None, "Set the token validation URL to the server group's base URL."),
        (None, "Propagate the changes to the server group."),
    ]


def test_a_heading_that_says_what_an_error_causes_is_a_problem_not_a_cause() -> None:
    """Only the whole heading "Problem Cause" names the part: "Error causes …" says what fails."""
    page = """<html><body><h1>Print spooler troubleshooting</h1>
<h2>Error causes a restart loop</h2>
<pre>Spooler SubSystem App has stopped working (0xc0000005)</pre>
<ol><li>Delete the files in the spool folder.</li><li>Start the spooler.</li></ol>
<h2>Jobs stay queued or printing fails</h2>
<p>Jobs stay in the queue.</p>
<ol><li>Restart the print server.</li></ol>
</body></html>
"""
    problems = parse_article(page.encode(), "spooler.html").problems
    assert [p.title for p in problems] == [
        "Error causes a restart loop",
        "Jobs stay queued or printing fails",
    ]
    assert all(not p.cause for p in problems)


@pytest.mark.parametrize(
    ("cause", "expected"),
    [
        ("No cause information is available.", ""),
        ("N/A", ""),
        # Guard: a cause that says little still says something.
        (
            "No cause is known yet; the keyboard firmware is suspected.",
            "No cause is known yet; the keyboard firmware is suspected.",
        ),
    ],
)
def test_a_hardware_articles_placeholder_cause_is_no_cause(cause: str, expected: str) -> None:
    """A vendor's placeholder in its Cause section was answered as the cause of every problem."""
    page = f"""<html><body>
<h1>OptiPlex 7020: keyboard does not respond after sleep</h1>
<p>Article Number: 000184412</p>
<h2>Symptoms</h2>
<p>After the computer wakes from sleep, the USB keyboard does not respond until it is replugged.</p>
<h2>Cause</h2>
<p>{cause}</p>
<h2>Resolution</h2>
<ol><li>Update the BIOS to the latest version.</li><li>Turn off USB selective suspend.</li></ol>
</body></html>
"""
    [problem] = parse_article(page.encode(), "optiplex.html").problems
    assert problem.cause == expected
    assert [s.text for s in problem.steps] == [
        "Update the BIOS to the latest version.",
        "Turn off USB selective suspend.",
    ]


def test_a_spreadsheet_saved_as_a_web_page_is_a_problem_per_row_of_its_code_table() -> None:
    """A spreadsheet writes its header row in <td> cells and its title as a row of one merged cell:
    the first row that names a code and a fix column is the header, and each row a problem; read with
    no header, the sheet described no problem and was not indexed at all."""
    problems = parse_article(SPREADSHEET_CODES_PAGE.encode(), "kiosk-codes.htm").problems
    assert [p.title for p in problems] == ["KS-104", "KS-230"]
    assert problems[0].error_codes[0] == "KS-104"
    assert "Card reader not responding" in problems[0].error_messages
    assert problems[0].cause == "The reader's USB link dropped after a power dip."
    assert [s.text for s in problems[1].steps] == ["Load a new roll, shiny side down."]


def test_a_table_of_plain_cells_whose_rows_all_name_parts_has_no_header_row() -> None:
    """A legend of labels, each row naming parts ("Error code | Resolution", then "Error message |
    Workaround"), has no row that names the others' columns: its first row stays a row of it."""
    page = (
        "<table><tr><td>Error code</td><td>Resolution</td></tr>"
        "<tr><td>Error message</td><td>Workaround</td></tr><tr><td>Cause</td><td>Reason</td></tr></table>"
    )
    converted = html_as_markdown(page, page=True)
    assert converted is not None
    assert converted[0].splitlines()[:3] == ["|  |  |", "| --- | --- |", "| Error code | Resolution |"]


# A vendor's message reference: each entry a term "CODE: message" over its Cause and Action.
MESSAGE_REFERENCE_PAGE = """<html><body><h1>LNK-04000 to LNK-04099</h1>
<dl>
<dt class="msg" id="LNK-04012"><span class="msg">LNK-04012: RLY:no route</span></dt>
<dd class="msgexplan">
<p><span class="msgexplankw">Cause:</span> The relay has no route to the peer named in the request.</p>
<p><span class="msgactionkw">Action:</span> Add the peer to the relay's route table.</p>
</dd>
<dt class="msg" id="LNK-04020"><span class="msg">LNK-04020: Peer busy</span></dt>
<dd class="msgexplan">
<p><span class="msgexplankw">Cause:</span> The peer already serves as many sessions as it allows.</p>
<p><span class="msgactionkw">Action:</span> Retry later or raise the peer's session limit.</p>
</dd>
<dt class="msg" id="LNK-04031"><span class="msg">LNK-04031: peer closed the channel unexpectedly</span></dt>
<dd class="msgexplan">
<p><span class="msgexplankw">Cause:</span> The peer ended the session while a frame was in flight.</p>
<p><span class="msgactionkw">Action:</span> Check the peer's log for the reason it closed.</p>
</dd>
</dl></body></html>
"""


def test_a_message_reference_entry_s_short_message_after_its_code_is_its_error_message(
    tmp_path: Path,
) -> None:
    """An entry of a message reference states its cause: whatever follows its code is what the
    program prints, however short and however it is capitalised ("RLY:no route", "Peer busy"), not only where it says in words that something failed."""
    problems = parse_article(MESSAGE_REFERENCE_PAGE.encode(), "lnk-messages.html").problems
    assert [(p.title, p.error_messages, p.error_codes) for p in problems] == [
        ("LNK-04012: RLY:no route", ["RLY:no route"], ["LNK04012"]),
        ("LNK-04020: Peer busy", ["Peer busy"], ["LNK04020"]),
        (
            "LNK-04031: peer closed the channel unexpectedly",
            ["peer closed the channel unexpectedly"],
            ["LNK04031"],
        ),
    ]
    assert [p.cause for p in problems] == [
        "The relay has no route to the peer named in the request.",
        "The peer already serves as many sessions as it allows.",
        "The peer ended the session while a frame was in flight.",
    ]


def test_a_coded_heading_whose_section_states_no_cause_keeps_a_name_after_its_code() -> None:
    """Without a cause among its parts, a heading "CODE: Capitalised words" may be a record's
    name (a ticket, a guide): its words are no message unless they read as one."""
    page = """<html><body><h1>Printer guides</h1>
<h2>KB-2041: Label Printer Setup</h2>
<ol><li>Connect the printer.</li><li>Install the driver.</li></ol>
</body></html>
"""
    [problem] = parse_article(page.encode(), "guides.html").problems
    assert problem.error_messages == []


# A firewall vendor's knowledge base: the CLI output it quotes opens with the device's prompt,
# "user@hostname>", whose host name is written like a code (a model's letters and number).
FIREWALL_KB_PAGE = """<html><body>
<h1>Site-to-site tunnel stays down after the peer's certificate is renewed</h1>
<h3>Symptom</h3>
<p>The tunnel to the branch office does not come up. The system log shows:</p>
<pre>ops@FW-5250&gt; show log system subtype equal ike
2026/01/12 07:02:44 high ike tun-branch ike-auth-fail 0 IKE phase-1 negotiation failed: peer certificate not trusted.</pre>
<h3>Cause</h3>
<p>The renewed certificate was issued by an intermediate CA that the certificate profile does not hold.</p>
<h3>Resolution</h3>
<ol>
<li>Import the intermediate CA and add it to the certificate profile.</li>
<li>Commit, then check the tunnel:
<pre>ops@FW-5250# run show vpn ike-sa gateway branch</pre></li>
</ol>
</body></html>
"""


def test_a_device_prompt_s_host_name_is_no_error_code(tmp_path: Path) -> None:
    """The host in a CLI prompt ("ops@FW-5250>") names the device, the same in every article
    with output from it: as a code, a paste of another failure on that device was answered by
    this page's problem."""
    [problem] = parse_article(FIREWALL_KB_PAGE.encode(), "ike-cert.html").problems
    assert problem.error_codes == []
    assert problem.error_messages == [
        "2026/01/12 07:02:44 high ike tun-branch ike-auth-fail 0 IKE phase-1 negotiation failed: "
        "peer certificate not trusted."
    ]
    folder = tmp_path / "kb"
    folder.mkdir()
    (folder / "ike-cert.html").write_text(FIREWALL_KB_PAGE, encoding="utf-8")
    build_index([folder], tmp_path / "index.db")
    result = match(
        KnowledgeBase(tmp_path / "index.db"),
        "ops@FW-5250> request system software install version 11.1.2\nError: Failed to download file",
    )
    assert all(e.field != "error_code" for m in result.matches for e in m.evidence)


def test_a_kb_article_s_number_and_created_and_modified_dates_are_no_symptom() -> None:
    """A vendor knowledge base prints the article's number and its dates under the title, the dates
    written with digits ("Created On 11/03/25 10:12 AM - Last Modified 01/22/26 04:40 PM"): the
    page's byline, searchable, not the problem's first symptom."""
    page = FIREWALL_KB_PAGE.replace(
        "</h1>",
        '</h1>\n<div class="kb-meta"><span>4412</span> '
        "<span>Created On 11/03/25 10:12 AM - Last Modified 01/22/26 04:40 PM</span></div>",
    )
    article = parse_article(page.encode(), "ike-cert.html")
    [problem] = article.problems
    assert problem.symptoms.startswith("The tunnel to the branch office does not come up.")
    assert "Created On 11/03/25" in article.body


@pytest.mark.parametrize(
    "line",
    [
        # Guards: a sentence about a date, and dates in a table's cells, are the article's words.
        "The certificate was created on 11/03/25 and expired on 01/22/26, when the tunnel went down.",
    ],
)
def test_a_sentence_with_dates_in_digits_under_the_title_stays_a_symptom(line: str) -> None:
    page = FIREWALL_KB_PAGE.replace("</h1>", f"</h1>\n<p>{line}</p>")
    [problem] = parse_article(page.encode(), "ike-cert.html").problems
    assert problem.symptoms.startswith(line)


# A vendor's knowledge base heads an article with a strip of its fields: its kind, its dates, its
# number alone in bold and the page's buttons, each in a paragraph of its own.
VENDOR_KB_PAGE = """<html><body>
<h1>Session reliability fails with "Error 1030: Protocol driver error"</h1>
<div class="article-info">
<span>Article</span> | <span>Error</span> | <span>Created: 2025-11-04</span> | <span>Modified: 2026-01-20</span>
<p><b>HDX418207</b></p>
<p><a href="#">Download</a> <a href="#">Share</a></p>
</div>
<h2>Symptoms or Error</h2>
<p>Sessions drop after a minute of network loss and the client shows:</p>
<pre>Error 1030: Protocol driver error. The connection to the remote computer was lost.</pre>
<h2>Solution</h2>
<ol><li>Allow port 2598 on the gateway.</li><li>Restart the session.</li></ol>
</body></html>
"""


def test_a_kb_article_s_number_and_buttons_beside_its_byline_are_the_page_s() -> None:
    """The article's number beside its byline ("HDX418207") is the page's, no symptom and no code of
    its problem; so are the buttons ("Download", "Share"), links that lead nowhere."""
    article = parse_article(VENDOR_KB_PAGE.encode(), "hdx-1030.html")
    [problem] = article.problems
    assert problem.symptoms.startswith("Sessions drop after a minute")
    assert "HDX" not in problem.symptoms and "Download" not in problem.symptoms
    # Its code is the error's number its title gives ("Error 1030: …"), not the article's.
    assert problem.error_codes == ["1030"]
    assert "HDX418207" in article.body


def test_a_code_alone_under_a_title_with_no_byline_stays_the_page_s_error() -> None:
    """Guard: a code alone under the title, with no byline beside it, may be the error the page is
    about: it stays its problem's."""
    page = VENDOR_KB_PAGE.replace(
        "<span>Article</span> | <span>Error</span> | <span>Created: 2025-11-04</span> | "
        "<span>Modified: 2026-01-20</span>",
        "",
    ).replace("<b>HDX418207</b>", "<b>HDX-4182</b>")
    [problem] = parse_article(page.encode(), "hdx-1030.html").problems
    assert problem.error_codes == ["1030", "HDX4182"]


DOCK_PAGE = """<html><body>
<h1>WD22 dock: external monitors stay black</h1>
<h2>Symptoms</h2>
<p>The monitors on the dock show no picture and the dock's LED blinks.</p>
<h2>Resolution</h2>
<h3>LED blinks amber three times: no video signal</h3>
<ol>
<li>Unplug the dock's power for 30 seconds.</li>
<li>Connect one monitor only.</li>
</ol>
<h3>Dock firmware not supported – update required</h3>
<pre>Dock firmware not supported - update required
Press Enter to continue without the dock</pre>
<ol>
<li>Download the dock firmware updater.</li>
<li>Run it with the dock connected.</li>
</ol>
</body></html>
"""


def test_a_fix_under_a_heading_that_is_the_message_its_box_shows_is_a_problem_of_its_own() -> None:
    """A hardware article's Resolution gives each fault a sub-heading; the one named after the message
    the screen shows, quoted in a box under it, is that message's problem. Read as one more group of the
    article's fix, the message was a note and pasting it found nothing."""
    problems = parse_article(DOCK_PAGE.encode(), "dock.html").problems
    assert [p.title for p in problems] == [
        "WD22 dock: external monitors stay black",
        "Dock firmware not supported – update required",
    ]
    first, second = problems
    assert [s.text for s in first.steps] == [
        "Unplug the dock's power for 30 seconds.",
        "Connect one monitor only.",
    ]
    assert second.error_messages == [
        "Dock firmware not supported - update required Press Enter to continue without the dock"
    ]
    assert [s.text for s in second.steps] == [
        "Download the dock firmware updater.",
        "Run it with the dock connected.",
    ]
    assert first.notes == [] and second.notes == []


def test_a_fix_under_the_message_its_problem_already_quotes_stays_the_problems() -> None:
    """Where the Symptoms quote the message, its sub-heading under Resolution is the problem's own fix."""
    page = DOCK_PAGE.replace(
        "<p>The monitors on the dock show no picture and the dock's LED blinks.</p>",
        "<p>The laptop shows:</p><pre>Dock firmware not supported - update required</pre>",
    )
    (problem,) = parse_article(page.encode(), "dock.html").problems
    assert len(problem.steps) == 4


def _without_byline(page: str) -> str:
    """``page`` with no byline strip and no buttons under its title: the number alone is left there."""
    return page.replace(
        "<span>Article</span> | <span>Error</span> | <span>Created: 2025-11-04</span> | "
        "<span>Modified: 2026-01-20</span>",
        "",
    ).replace('<p><a href="#">Download</a> <a href="#">Share</a></p>', "")


def test_a_kb_article_s_long_number_alone_under_its_title_that_nothing_else_names_is_the_page_s() -> None:
    """A knowledge base's number alone under the title ("HDX418207", letters then six digits and more),
    with no byline beside it, that neither the title nor the page names again: the article's, no
    symptom and no code of its problem."""
    article = parse_article(_without_byline(VENDOR_KB_PAGE).encode(), "hdx-1030.html")
    [problem] = article.problems
    assert problem.error_codes == ["1030"]
    assert problem.symptoms.startswith("Sessions drop after a minute")
    assert "HDX418207" in article.body


def test_a_long_code_alone_under_a_title_that_the_page_s_error_names_stays_its_code() -> None:
    """Guard: the code the error shown also names is the problem's, however many its digits."""
    page = _without_byline(VENDOR_KB_PAGE).replace(
        "Error 1030: Protocol driver error.", "Error 1030: Protocol driver error (HDX418207)."
    )
    [problem] = parse_article(page.encode(), "hdx-1030.html").problems
    assert "HDX418207" in problem.error_codes


# A vendor's knowledge base boxes under the title which of its products' platforms an article is for.
SCOPED_KB_PAGE = """<html><body>
<h1>Clone over HTTPS fails with "HTTP 502" behind a load balancer</h1>
<div class="confluence-information-macro confluence-information-macro-information">
<p><strong>Platform Notice: Server and Data Center Only</strong> - This article only applies to the
self-managed editions of the product.</p>
</div>
<h2>Problem</h2>
<pre>fatal: unable to access 'https://git.example.org/scm/app.git/': The requested URL returned error: 502</pre>
<h2>Solution</h2>
<ol><li>Raise the load balancer's idle timeout to 300 seconds.</li><li>Retry the clone.</li></ol>
</body></html>
"""


def test_a_box_under_the_title_that_says_what_the_article_applies_to_is_the_page_s() -> None:
    """Which editions an article is for, boxed under its title, was a note shown before step 1 of
    every answer: it is the page's scope, searchable, no note of the fix."""
    article = parse_article(SCOPED_KB_PAGE.encode(), "clone-502.html")
    [problem] = article.problems
    assert problem.notes == []
    assert [s.text for s in problem.steps] == [
        "Raise the load balancer's idle timeout to 300 seconds.",
        "Retry the clone.",
    ]
    assert "only applies to the self-managed editions" in article.body


def test_a_box_under_the_title_that_warns_stays_a_note() -> None:
    """Guard: a box under the title that says something else ("Back up the repository first.") is advice."""
    page = SCOPED_KB_PAGE.replace(
        "<strong>Platform Notice: Server and Data Center Only</strong> - This article only applies to the\n"
        "self-managed editions of the product.",
        "<strong>Before you start:</strong> back up the repository's settings.",
    )
    [problem] = parse_article(page.encode(), "clone-502.html").problems
    assert [n.text for n in problem.notes] == ["Note: Before you start: back up the repository's settings."]


# A community site's technical tip: the article's fields in a table, a label cell then its value, the
# fix's steps numbered by hand in paragraphs of their own ("1) …"), a command in <pre> under one.
COMMUNITY_TIP = """<!DOCTYPE html>
<html><head><title>Technical Tip: Mail relay rejects the upload with 'Message size exceeds fixed limit (-552)'</title></head>
<body>
<h1>Technical Tip: Mail relay rejects the upload with 'Message size exceeds fixed limit (-552)'</h1>
<table>
<tr><td><strong>Description</strong></td><td>This article describes how to resolve the relay error 'Message size exceeds fixed limit (-552)'.</td></tr>
<tr><td><strong>Scope</strong></td><td>Mail relay 6.4.</td></tr>
<tr><td><strong>Solution</strong></td><td>
<p>This means the relay's size limit is smaller than the attachment after encoding.</p>
<p>To fix it:</p>
<p>1) Check the limit the relay applies:</p>
<pre>show system mail-relay limits</pre>
<p>2) Raise the limit to 40 MB in the relay's settings.</p>
<p>3) Send the message again.</p>
</td></tr>
</table>
</body></html>
"""


def test_a_tip_s_hand_numbered_paragraphs_in_a_table_cell_are_steps_each(tmp_path: Path) -> None:
    """The paragraphs of a part's cell were joined into one: the explanation and the steps "1) … 2) …
    3) …" were two steps cut at a code block. Each paragraph is its own now: the explanation before
    the lead-in to the steps is the cause, and each "N)" paragraph a step with the code under it."""
    path = tmp_path / "tip.html"
    path.write_text(COMMUNITY_TIP, encoding="utf-8")
    [problem] = parse_article(path.read_bytes(), "tip.html").problems
    assert [(s.number, s.text.split("\n")[0]) for s in problem.steps] == [
        ("1", "Check the limit the relay applies:"),
        ("2", "Raise the limit to 40 MB in the relay's settings."),
        ("3", "Send the message again."),
    ]
    assert "show system mail-relay limits" in problem.steps[0].markdown
    assert problem.cause == "This means the relay's size limit is smaller than the attachment after encoding."


def test_a_field_table_cell_of_one_paragraph_reads_as_before(tmp_path: Path) -> None:
    """Guard: a cell of a list without paragraphs is read as it was: its items the steps."""
    page = COMMUNITY_TIP.split("<tr><td><strong>Solution")[0] + (
        "<tr><td><strong>Solution</strong></td><td><ol><li>Raise the limit.</li><li>Send the message again.</li></ol></td></tr>"
        "</table></body></html>"
    )
    path = tmp_path / "tip.html"
    path.write_text(page, encoding="utf-8")
    [problem] = parse_article(path.read_bytes(), "tip.html").problems
    assert [s.text for s in problem.steps] == ["Raise the limit.", "Send the message again."]


# A help desk's saved solution page (ServiceDesk Plus's): the solution's record as label/value rows,
# then a one-column table whose "Contents" row heads the cell that holds the solution's rich text.
LAYOUT_TABLE_PAGE = """\
<html>
<head><title>Service Desk - Solutions</title></head>
<body>
<table class="details">
  <tr><td class="label">Title</td><td class="value">Outlook keeps asking for a password</td></tr>
  <tr><td class="label">Solution ID</td><td class="value">2291</td></tr>
  <tr><td class="label">Topic</td><td class="value">Email</td></tr>
</table>
<table class="content">
  <tr><td class="header">Contents</td></tr>
  <tr><td>
<p><b>Symptom</b></p>
<p>Every few minutes Outlook shows the error <code>Need password: Microsoft Outlook needs your password to connect</code>.</p>
<p><b>Cause</b></p>
<p>A stale credential is stored in Windows Credential Manager.</p>
<p><b>Resolution</b></p>
<ol>
<li>Close Outlook.</li>
<li>Open Credential Manager and remove every entry that names Outlook.</li>
<li>Start Outlook and sign in once.</li>
</ol>
  </td></tr>
</table>
</body>
</html>
"""


def test_a_one_column_layout_tables_rich_text_cell_is_read_as_the_article(tmp_path: Path) -> None:
    article = parse_article(LAYOUT_TABLE_PAGE.encode(), "solutions/outlook-password.html")
    [problem] = article.problems
    assert problem.error_messages == ["Need password: Microsoft Outlook needs your password to connect"]
    assert problem.cause == "A stale credential is stored in Windows Credential Manager."
    assert [(s.number, s.text) for s in problem.steps] == [
        ("1", "Close Outlook."),
        ("2", "Open Credential Manager and remove every entry that names Outlook."),
        ("3", "Start Outlook and sign in once."),
    ]
    # The record's rows are no steps.
    assert "2291" not in " ".join(s.text for s in problem.steps)


def test_a_one_column_table_of_plain_rows_stays_a_table() -> None:
    markdown, _ = html_as_markdown(
        "<table><tr><th>Supported printers</th></tr><tr><td><p>LaserJet 400</p></td></tr>"
        "<tr><td>OfficeJet 8000</td></tr></table>"
    ) or ("", [])
    assert "| Supported printers |" in markdown and "| LaserJet 400 |" in markdown


# A self-service portal's knowledge item (TOPdesk's): the portal's menu bar over the item, whose title
# (and the page's <title>) names the error code, its question and its answer's problems under headings.
PORTAL_MENU_PAGE = """\
<!DOCTYPE html>
<html lang="nl">
<head><meta charset="UTF-8"><title>KI 0517 - Scanner meldt foutcode E-204 - Selfservice</title></head>
<body>
<div id="portal-header">
  <ul class="portal-menu"><li><a href="/home">Home</a></li><li><a href="/new">Melding doen</a></li>{more}</ul>
</div>
<div class="knowledge-item">
  <h1>Scanner meldt foutcode E-204</h1>
  <h2>Vraag</h2>
  <p>Mijn scans komen niet aan in mijn netwerkmap. Wat moet ik doen?</p>
  <h2>Antwoord</h2>
  <h3>1. Het display toont "E-204" of "Verzenden mislukt: E-204-01"</h3>
  <p>Het wachtwoord van het scanaccount is verlopen.</p>
  <ol>
    <li>Open de beheerpagina van de scanner.</li>
    <li>Vul onder Adresboek het nieuwe wachtwoord van het scanaccount in.</li>
  </ol>
  <h3>2. De scan staat in de wachtrij: "Taak wacht op aanmelding"</h3>
  <p>Oorzaak: bij Scan-to-Me wordt de taak pas verstuurd als u zich bij het apparaat aanmeldt.</p>
  <ol>
    <li>Houd uw pas tegen de kaartlezer.</li>
    <li>Kies Mijn scans en verstuur de taak.</li>
  </ol>
</div>
</body>
</html>
"""


@pytest.mark.parametrize("more", ["", '<li class="active"><a href="/kb">Kennisbank</a></li>'])
def test_a_portals_menu_bar_is_no_problem_when_the_title_names_an_error_code(more: str) -> None:
    article = parse_article(PORTAL_MENU_PAGE.replace("{more}", more).encode(), "kb/ki-0517.html")
    assert article.title == "Scanner meldt foutcode E-204"
    steps = [s.text for p in article.problems for s in p.steps]
    assert not {"Home", "Melding doen", "Kennisbank"} & set(steps)
    # The answer's first problem keeps its own fix, and not the other problem's cause.
    [first] = [p for p in article.problems if any(s.text.startswith("Open de beheerpagina") for s in p.steps)]
    assert [s.text for s in first.steps] == [
        "Open de beheerpagina van de scanner.",
        "Vul onder Adresboek het nieuwe wachtwoord van het scanaccount in.",
    ]
    assert "Scan-to-Me" not in first.cause


def test_a_list_whose_class_only_mentions_a_menu_stays_the_articles_steps() -> None:
    page = PORTAL_MENU_PAGE.replace("{more}", "").replace(
        '<ul class="portal-menu">', '<ul class="portal-header-links" id="menu">'
    )
    page = page.replace("<ol>", '<ol class="menu-steps">', 1)
    article = parse_article(page.encode(), "kb/ki-0517.html")
    assert "Melding doen" in article.body + " ".join(s.text for p in article.problems for s in p.steps)
    assert "Open de beheerpagina van de scanner." in [s.text for p in article.problems for s in p.steps]


# A docs site's article page (Help Scout Docs'): the site's search banner, with a heading of its own,
# over the article's own title and its one problem.
SEARCH_BANNER_PAGE = """\
<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>Resolving upload errors in the Tidewater app - Tidewater Help</title></head>
<body>
<section id="docsSearch"><h1>How can we help?</h1>
<form action="/search" method="GET" id="searchBar"><input type="text" name="query" placeholder="Search"></form></section>
<section id="main-content">
  <article id="fullArticle">
    <h1 class="title">Resolving upload errors in the Tidewater app</h1>
    <h2 id="upload-rejected">"Upload rejected (UPL-413)" banner</h2>
    <p>The app shows <strong>Upload rejected (UPL-413): The photo is larger than 25 MB.</strong></p>
    <ol>
      <li>Open <strong>Settings</strong> &gt; <strong>Camera</strong>.</li>
      <li>Set <strong>Photo size</strong> to <strong>Large</strong> and take the photo again.</li>
    </ol>
  </article>
</section>
</body>
</html>
"""


def test_a_docs_sites_search_banner_heading_is_not_the_articles_title() -> None:
    article = parse_article(SEARCH_BANNER_PAGE.encode(), "help/upload-errors.html")
    assert article.title == "Resolving upload errors in the Tidewater app"
    [problem] = article.problems
    assert problem.title == '"Upload rejected (UPL-413)" banner'
    assert "Upload rejected (UPL-413): The photo is larger than 25 MB." in problem.error_messages
    assert [s.text for s in problem.steps] == [
        "Open Settings > Camera.",
        "Set Photo size to Large and take the photo again.",
    ]
    assert "How can we help" not in article.body


def test_a_section_anchored_for_a_heading_about_search_stays_the_articles() -> None:
    page = SEARCH_BANNER_PAGE.replace(
        '<section id="docsSearch"><h1>How can we help?</h1>', "<section>"
    ).replace(
        "<ol>",
        '<section id="site-search"><h3>Site search</h3><p>Search the app from the Photos tab.</p></section><ol>',
    )
    article = parse_article(page.encode(), "help/upload-errors.html")
    assert "Search the app from the Photos tab." in article.body + " ".join(
        p.symptoms + " ".join(n.text for n in p.notes) for p in article.problems
    )


# A help desk's solution with two problems, each opened by a numbered bold label ("Symptom 1",
# "Symptom 2", as ServiceDesk Plus's editor writes them), then its own Cause and Resolution labels.
NUMBERED_SYMPTOMS_PAGE = """\
<html>
<head><title>Service Desk - Solutions</title></head>
<body>
<h1>Shared mailbox errors in Outlook</h1>
<p><b>Symptom {first}</b></p>
<p>Outlook shows the error "Cannot expand the folder. The set of folders cannot be opened."</p>
<p><b>Cause</b></p>
<p>The user has no Full Access permission on the shared mailbox.</p>
<p><b>Resolution</b></p>
<p>1. Open the Exchange admin center.<br>
2. Grant the user Full Access on the mailbox.</p>
<p><b>Symptom {second}</b></p>
<p>Sent items of the shared mailbox land in the user's own Sent Items folder.</p>
<p><b>Cause</b></p>
<p>Copying sent items to the shared mailbox is turned off.</p>
<p><b>Resolution</b></p>
<p>1. Open Exchange Management Shell.<br>
2. Turn on MessageCopyForSentAsEnabled for the mailbox.</p>
</body>
</html>
"""


def test_numbered_bold_symptom_labels_open_a_problem_each() -> None:
    page = NUMBERED_SYMPTOMS_PAGE.format(first="1", second="2")
    article = parse_article(page.encode(), "solutions/shared-mailbox.html")
    assert article.title == "Shared mailbox errors in Outlook"
    first, second = article.problems
    assert first.error_messages == ["Cannot expand the folder. The set of folders cannot be opened."]
    assert first.cause == "The user has no Full Access permission on the shared mailbox."
    assert [s.text for s in first.steps] == [
        "Open the Exchange admin center.",
        "Grant the user Full Access on the mailbox.",
    ]
    assert "Sent Items folder" in second.title + second.symptoms
    assert second.cause == "Copying sent items to the shared mailbox is turned off."
    assert [s.text for s in second.steps] == [
        "Open Exchange Management Shell.",
        "Turn on MessageCopyForSentAsEnabled for the mailbox.",
    ]


def test_an_unnumbered_bold_symptom_label_stays_a_part_of_the_pages_problem() -> None:
    page = NUMBERED_SYMPTOMS_PAGE.format(first="", second="").split("<p><b>Symptom </b></p>\n<p>Sent")[0]
    article = parse_article((page + "</body></html>").encode(), "solutions/shared-mailbox.html")
    [problem] = article.problems
    assert problem.title == "Shared mailbox errors in Outlook"
    assert problem.cause == "The user has no Full Access permission on the shared mailbox."


# A help desk's knowledgebase article typed in its WYSIWYG editor (Kayako's): each problem opened by a
# bold line, its cause and its fix by italic labels at the start of a paragraph ("Reason:", "Solution:").
ITALIC_LABELS_PAGE = """\
<html>
<head><title>Label printer errors - Harbor Support Center</title></head>
<body>
<div class="kbarticletext">
<p><strong>Problem 1 – Labels print blank</strong></p>
<p>The print queue shows <code>PrinterError: Ribbon out (code 0x2A)</code> although a ribbon is loaded.</p>
<p><em>Reason:</em> the ribbon sensor was not calibrated after the roll was changed.</p>
<p><em>Solution:</em></p>
<ol>
<li>Hold the <strong>Feed</strong> button until the light flashes twice.</li>
<li>Print a test label from the driver's <strong>Tools</strong> tab.</li>
</ol>
<p><strong>Problem 2 – Labels are cut off on the left</strong></p>
<p>Every label misses its first 3 mm; the driver reports <code>Warning: Label offset out of range</code>.</p>
<p><em>Cause:</em> the label size in the driver is set to a different stock.</p>
<p><em>Fix:</em></p>
<ol>
<li>Open <strong>Printing Preferences</strong> and set the stock to 57 x 32 mm.</li>
<li>Set <strong>Left offset</strong> to 0 and print again.</li>
</ol>
</div>
</body>
</html>
"""


def test_italic_reason_and_solution_labels_are_the_cause_and_the_fix() -> None:
    article = parse_article(ITALIC_LABELS_PAGE.encode(), "kb/label-printer.html")
    first, second = article.problems
    assert first.title == "Labels print blank"
    assert first.cause == "the ribbon sensor was not calibrated after the roll was changed."
    assert "ribbon sensor" not in first.symptoms
    assert [s.text for s in first.steps] == [
        "Hold the Feed button until the light flashes twice.",
        "Print a test label from the driver's Tools tab.",
    ]
    assert second.title == "Labels are cut off on the left"
    assert second.cause == "the label size in the driver is set to a different stock."
    assert [s.text for s in second.steps] == [
        "Open Printing Preferences and set the stock to 57 x 32 mm.",
        "Set Left offset to 0 and print again.",
    ]


def test_an_italic_phrase_that_names_no_part_stays_the_paragraphs_text() -> None:
    page = ITALIC_LABELS_PAGE.replace("<em>Reason:</em> the ribbon", "<em>Important:</em> the ribbon")
    article = parse_article(page.encode(), "kb/label-printer.html")
    first = article.problems[0]
    assert first.cause == ""
    assert "ribbon sensor was not calibrated" in first.symptoms


# A help desk's knowledgebase page (Kayako's): no <h1>, the article's title in its box's label, which the
# <title> repeats before the site's name; under the article, its record (number, author) as a table, the
# vote prompt, the readers' comments in a box counted by its label, the form to post one and the footer.
ARTICLE_BOX_PAGE = """\
<!DOCTYPE html>
<html>
<head><title>Scanner saves blank pages to the network folder - Harbor Support Center</title></head>
<body>
<div class="boxcontainer">
  <div class="boxcontainerlabel">Scanner saves blank pages to the network folder</div>
  <div class="kbarticletext">
<p>Every scan arrives as an empty PDF and the panel shows <code>SMB Error: Access denied (0x21)</code>.</p>
<ol>
<li>Open the scanner's web page and go to <strong>Address Book</strong>.</li>
<li>Enter the service account's password again and save.</li>
</ol>
  </div>
  <div class="kbarticleinfo"><table class="kbinfotable"><tr><td class="kbinfotitle">Article ID:</td><td>388</td></tr><tr><td class="kbinfotitle">Author:</td><td>Mara Lindqvist</td></tr><tr><td class="kbinfotitle">Created On:</td><td>04 Mar 2024 10:12 AM</td></tr></table></div>
  <div class="kbrateit"><div class="kbrateittitle">Was this article helpful?</div><a href="#">Yes</a> <a href="#">No</a></div>
</div>
<div class="boxcontainer">
  <div class="boxcontainerlabel">Comments (2)</div>
  <div class="commentbox">
    <div class="commentname">Jonas Berg</div><div class="commentdate">Posted on 06 Mar 2024 09:15 AM</div>
    <div class="commenttext">Our password had expired too, this fixed it.</div>
  </div>
  <div class="commentbox">
    <div class="commentname">Ines Duarte</div><div class="commentdate">Posted on 07 Mar 2024 02:40 PM</div>
    <div class="commenttext">Does this also apply to the scan-to-email profile?</div>
  </div>
  <div class="postcomment"><div class="boxcontainerlabel">Post a Comment</div><form><textarea name="comment"></textarea></form></div>
</div>
<div id="bottomfooter">Help Desk Software by <a href="https://example.com">Example</a></div>
</body>
</html>
"""


def test_a_kb_article_box_s_label_titles_it_and_its_record_comments_and_footer_are_not_the_article() -> None:
    article = parse_article(ARTICLE_BOX_PAGE.encode(), "kb/scanner-blank-pages.html")
    assert article.title == "Scanner saves blank pages to the network folder"
    [problem] = article.problems
    assert problem.error_messages == ["SMB Error: Access denied (0x21)"]
    assert [s.text for s in problem.steps] == [
        "Open the scanner's web page and go to Address Book.",
        "Enter the service account's password again and save.",
    ]
    assert problem.notes == []
    shown = article.body + problem.symptoms
    for furniture in (
        "Mara Lindqvist",
        "Comments (2)",
        "this fixed it",
        "Post a Comment",
        "Help Desk Software",
    ):
        assert furniture not in shown


def test_a_table_of_settings_after_the_last_step_stays_with_it() -> None:
    page = ARTICLE_BOX_PAGE.replace("Article ID:", "Paper size:").replace("Author:", "Colour mode:")
    page = page.replace("Created On:", "File type:")
    article = parse_article(page.encode(), "kb/scanner-blank-pages.html")
    assert "Colour mode" in article.problems[0].steps[-1].text


def test_a_first_paragraph_that_is_not_the_title_element_s_stays_the_article_s() -> None:
    page = ARTICLE_BOX_PAGE.replace("<title>Scanner saves", "<title>Blank scans")
    article = parse_article(page.encode(), "kb/scanner-blank-pages.html")
    assert article.title == "Blank scans blank pages to the network folder - Harbor Support Center"


# A knowledge base's answer page (Zammad's, in German): under the answer, its tags as links to their
# listings, its attached files under a heading in the page's language, and when it was last updated.
TAGGED_ANSWER_PAGE = """\
<!DOCTYPE html>
<html lang="de-de">
<head><meta charset="utf-8"><title>Drucker: Auftrag bleibt hängen - Hilfe</title></head>
<body>
<main class="main main--article">
  <article class="article">
    <h1>Drucker: Auftrag bleibt hängen</h1>
    <div class="article-content">
      <h2>Auftrag bleibt in der Warteschlange</h2>
      <p>Die Warteschlange zeigt <code>Fehler – Drucken</code> und der Auftrag wird nicht gelöscht.</p>
      <p><strong>Ursache:</strong> Der Druckspooler hält die Datei des Auftrags noch offen.</p>
      <ol>
        <li>Starten Sie den Dienst <strong>Druckwarteschlange</strong> neu.</li>
        <li>Senden Sie den Auftrag erneut.</li>
      </ol>
    </div>
    <div class="article-tags"><span class="article-tags-title">Tags</span> <a class="tag" href="/help/de-de/tags/drucker">drucker</a> <a class="tag" href="/help/de-de/tags/spooler">spooler</a></div>
    <div class="article-attachments"><h3 class="attachments-title">{heading}</h3><a class="attachment" href="/help/de-de/attachments/9"><span class="attachment-name">warteschlange.png</span> <span class="attachment-size">52 KB</span></a></div>
    <div class="article-updated">Zuletzt aktualisiert am 11.04.2024</div>
  </article>
</main>
</body>
</html>
"""


@pytest.mark.parametrize("heading", ["Anhänge", "Pièces jointes", "Attachments"])
def test_an_answer_page_s_tags_and_attachments_are_not_its_problem_s(heading: str) -> None:
    article = parse_article(TAGGED_ANSWER_PAGE.format(heading=heading).encode(), "kb/drucker.html")
    [problem] = article.problems
    assert problem.title == "Auftrag bleibt in der Warteschlange"
    assert problem.cause == "Der Druckspooler hält die Datei des Auftrags noch offen."
    assert [s.text for s in problem.steps] == [
        "Starten Sie den Dienst Druckwarteschlange neu.",
        "Senden Sie den Auftrag erneut.",
    ]
    assert problem.notes == []
    assert "warteschlange.png" not in problem.symptoms
    assert "warteschlange.png" in article.body


def test_a_section_whose_class_names_tags_but_holds_the_article_stays_it() -> None:
    page = TAGGED_ANSWER_PAGE.format(heading="Anhänge").replace(
        '<div class="article-content">', '<div class="article-content has-tags">'
    )
    article = parse_article(page.encode(), "kb/drucker.html")
    assert len(article.problems[0].steps) == 2


# A German knowledge base's answer (Zammad's): the messages the app shows, quoted in code after "steht:",
# one in the page's language and one in English, as the app prints either.
GERMAN_INLINE_MESSAGES_PAGE = """\
<!DOCTYPE html>
<html lang="de-de">
<head><meta charset="utf-8"><title>Kalender: Termine fehlen - Hilfe</title></head>
<body>
<main class="main main--article">
  <article class="article">
    <h1>Kalender: Termine fehlen</h1>
    <div class="article-content">
      <h2>Freigegebener Kalender bleibt leer</h2>
      <p>In der Statuszeile steht: <code>{message}</code> oder <code>The calendar could not be loaded.</code></p>
      <p><strong>Ursache:</strong> Die Freigabe wurde für das alte Konto erteilt.</p>
      <ol>
        <li>Entfernen Sie den Kalender aus der Liste.</li>
        <li>Lassen Sie sich den Kalender erneut freigeben.</li>
      </ol>
    </div>
  </article>
</main>
</body>
</html>
"""


@pytest.mark.parametrize(
    "message",
    [
        "Abruf der Kalenderdaten ist fehlgeschlagen",
        "Die Freigabe ist ungültig oder abgelaufen",
        "Kalender wurde auf dem Server nicht gefunden",
    ],
)
def test_a_message_quoted_in_code_in_the_page_s_own_language_is_an_error_message(message: str) -> None:
    # Only the English one was taken: a sentence in code is a message by its failure words, and only
    # English ones were known, so a German message was no error message, and its paste no confident match.
    article = parse_article(GERMAN_INLINE_MESSAGES_PAGE.format(message=message).encode(), "kb/kalender.html")
    [problem] = article.problems
    assert problem.error_messages == [message, "The calendar could not be loaded."]
    assert problem.cause == "Die Freigabe wurde für das alte Konto erteilt."


def test_code_in_the_page_s_own_language_that_reports_no_failure_is_no_error_message() -> None:
    # Guard: what the status line shows when all is well, or a setting's name, says nothing failed.
    for shown in ("Alle Kalenderdaten wurden synchronisiert", "Kalender automatisch im Hintergrund abrufen"):
        page = GERMAN_INLINE_MESSAGES_PAGE.format(message=shown)
        [problem] = parse_article(page.encode(), "kb/kalender.html").problems
        assert problem.error_messages == ["The calendar could not be loaded."]


# A help centre's article (Intercom's): its sections unlabelled, and its closing line that sends the reader
# to the site's chat messenger.
MESSENGER_PAGE = """\
<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>Payouts paused | Ledgerly Help Center</title></head>
<body>
<div class="article intercom-force-break">
  <div class="article__meta"><h1 class="t__h1">Payouts paused</h1></div>
  <article dir="ltr">
    <h2 class="intercom-align-left"><b>Payouts paused after a failed transfer</b></h2>
    <p class="no-margin">Your dashboard shows status <code>payout_failed</code> and the banner <b>Payouts are paused</b>.</p>
    <p class="no-margin"></p>
    <p class="no-margin">We pause payouts when your bank returns a transfer, so that later ones do not fail too.</p>
    <p class="no-margin"></p>
    <ol>
      <li><p class="no-margin">Check the account number with your bank.</p></li>
      <li><p class="no-margin">Go to <b>Settings → Payouts</b> and click <b>Resume payouts</b>.</p></li>
    </ol>
    <p class="no-margin">{closing}</p>
  </article>
</div>
</body>
</html>
"""


@pytest.mark.parametrize(
    "closing",
    [
        "Still having trouble? Start a conversation with us using the chat bubble in the bottom right.",
        "Still need help? Chat with us from the messenger in the corner of this page.",
    ],
)
def test_a_closing_prompt_that_sends_the_reader_to_the_site_s_chat_is_no_note(closing: str) -> None:
    article = parse_article(MESSENGER_PAGE.format(closing=closing).encode(), "help/payouts.html")
    [problem] = article.problems
    assert [s.text for s in problem.steps] == [
        "Check the account number with your bank.",
        "Go to Settings → Payouts and click Resume payouts.",
    ]
    assert problem.notes == []


def test_a_closing_prompt_over_a_fix_of_its_own_stays_a_note() -> None:
    closing = "Still having trouble? Sign out of the dashboard and sign in again before you resume."
    article = parse_article(MESSENGER_PAGE.format(closing=closing).encode(), "help/payouts.html")
    assert [n.text for n in article.problems[0].notes] == [closing]


def test_an_unlabelled_paragraph_stating_the_service_s_rule_before_the_steps_is_the_cause() -> None:
    """A help centre's section with no labels (Intercom's): what is seen, then one paragraph that says
    which rule of the service did it ("We pause payouts when …"), then the steps: that is the cause."""
    article = parse_article(MESSENGER_PAGE.format(closing="").encode(), "help/payouts.html")
    [problem] = article.problems
    assert (
        problem.cause
        == "We pause payouts when your bank returns a transfer, so that later ones do not fail too."
    )
    assert "We pause payouts" not in problem.symptoms


@pytest.mark.parametrize(
    "second",
    [
        "The payouts page also shows a red banner at the top.",
        "We recommend pausing payouts when you change banks.",
    ],
)
def test_a_second_paragraph_that_states_no_rule_of_the_service_stays_a_symptom(second: str) -> None:
    page = MESSENGER_PAGE.format(closing="").replace(
        "We pause payouts when your bank returns a transfer, so that later ones do not fail too.", second
    )
    [problem] = parse_article(page.encode(), "help/payouts.html").problems
    assert problem.cause == ""
    assert second in problem.symptoms


# A knowledge base's feedback widget as the page is saved: the prompt, its buttons and the thank-you its
# script shows only after a vote, kept in the page with the `hidden` attribute.
HIDDEN_THANKS = """<div class="kb-feedback"><p>Was this article helpful?</p>
<button>Yes</button> <button>No</button>
<p class="kb-feedback-thanks" hidden>Thanks, your vote was recorded.</p></div>"""


def test_an_element_the_page_hides_is_no_note_of_the_fix() -> None:
    """A widget's hidden thank-you ("<p hidden>") was a note after the last step, shown with every answer."""
    [problem] = parse_article(_step_table_page(STEP_ROWS, HIDDEN_THANKS).encode(), "kiosk.html").problems
    assert [s.text for s in problem.steps][-1] == "Plug the reader in again."
    assert problem.notes == []


def test_a_word_hidden_in_a_class_or_a_value_hides_nothing() -> None:
    # Guard: only the attribute hides; a class that says "hidden" or a value that holds the word does not.
    after = '<p class="hidden-print" title="hidden">Keep the reader\'s receipt for the service desk.</p>'
    [problem] = parse_article(_step_table_page(STEP_ROWS, after).encode(), "kiosk.html").problems
    assert "Keep the reader's receipt for the service desk." in [n.text for n in problem.notes] + [
        s.text for s in problem.steps
    ]


# An email tool's knowledge base article: the bounce its reports show, quoted in a <pre> under a lead-in
# that says what the report's field reads.
BOUNCE_REASON_PAGE = """<html><head><title>Troubleshoot 421 4.7.0 deferrals</title></head><body>
<article class="kb-article"><h1>Troubleshoot 421 4.7.0 deferrals</h1>
<div class="kb-article-body">
<h2>421 4.7.0 deferrals from Gmail recipients</h2>
<p>{lead}</p>
<pre>421 4.7.0 [203.0.113.9] Our system has detected an unusual rate of unsolicited mail originating from your IP address. To protect our users from spam, mail sent from your IP address has been temporarily rate limited.</pre>
<p>This happens when a new sending domain sends to many recipients at once.</p>
<ol><li>Connect an email sending domain.</li><li>Send to your most engaged contacts first for two weeks.</li></ol>
</div></article></body></html>
"""


@pytest.mark.parametrize(
    "lead",
    [
        "The bounce reason reads:",
        "The error says:",
        "Example bounce reason:",
        "The Recipients tab shows this bounce reason:",
    ],
)
def test_text_in_a_pre_under_a_lead_in_that_says_what_a_reason_reads_is_the_error_message(lead: str) -> None:
    """A <pre> under "The bounce reason reads:" was dropped from the record: no error message, and no text
    of the problem's, so the pasted bounce matched nothing."""
    [problem] = parse_article(BOUNCE_REASON_PAGE.format(lead=lead).encode(), "deferrals.html").problems
    [message] = problem.error_messages
    assert message.startswith("421 4.7.0 [203.0.113.9] Our system has detected an unusual rate")
    assert problem.cause == "This happens when a new sending domain sends to many recipients at once."
    assert [s.text for s in problem.steps] == [
        "Connect an email sending domain.",
        "Send to your most engaged contacts first for two weeks.",
    ]


def test_a_command_under_a_lead_in_that_gives_a_reason_is_no_error_message() -> None:
    # Guard: a lead-in that gives a reason to run what follows announces a command, read as before.
    page = BOUNCE_REASON_PAGE.format(lead="For this reason, check the sending IP first:").replace(
        "421 4.7.0 [203.0.113.9] Our system has detected an unusual rate of unsolicited mail originating from "
        "your IP address. To protect our users from spam, mail sent from your IP address has been temporarily "
        "rate limited.",
        "dig +short TXT example.com",
    )
    [problem] = parse_article(page.encode(), "deferrals.html").problems
    assert problem.error_messages == []


# A help desk's solution saved from its web application (ServiceDesk Plus'): the <title> is the
# application's, and the solution's own title is a row of the label/value table over its text.
SOLUTION_FIELDS_PAGE = """<html><head><title>ManageEngine ServiceDesk Plus - Solutions</title></head><body>
<table class="solutiondetails">
<tr><td class="fontBlackBold">{label}</td><td class="fontBlack">Outlook asks for the password again and again</td></tr>
<tr><td class="fontBlackBold">Solution ID</td><td class="fontBlack">2045</td></tr>
<tr><td class="fontBlackBold">Topic</td><td class="fontBlack">Mail / Outlook</td></tr>
</table>
<div><p><b>Symptom</b></p><p>Outlook shows the Windows Security sign-in box every few minutes.</p>
<p><b>Resolution</b></p><ol><li>Open Credential Manager.</li><li>Remove the entries that start with MicrosoftOffice16.</li></ol>
</div></body></html>
"""


def test_a_solutions_title_row_titles_the_page_over_the_applications_title() -> None:
    """Every solution saved from the application was titled by its <title>, "ManageEngine ServiceDesk Plus
    - Solutions", as its problem was."""
    article = parse_article(SOLUTION_FIELDS_PAGE.format(label="Title").encode(), "solution-2045.html")
    assert article.title == "Outlook asks for the password again and again"
    [problem] = article.problems
    assert problem.title == "Outlook asks for the password again and again"
    assert [s.text for s in problem.steps] == [
        "Open Credential Manager.",
        "Remove the entries that start with MicrosoftOffice16.",
    ]


def test_a_table_without_a_title_row_leaves_the_page_its_title() -> None:
    # Guard: a table whose rows name no title leaves the <title> the page's title, as before.
    article = parse_article(SOLUTION_FIELDS_PAGE.format(label="Summary").encode(), "solution-2045.html")
    assert article.title == "ManageEngine ServiceDesk Plus - Solutions"


# A vendor's help page as its site publishes it: the title and the paragraph under it say what is seen
# and quote the error, a section per thing to check, then a section that answers another error its
# heading quotes, the page's closing prompt, its rating widget and its prompt to ask the community.
VENDOR_HELP_PAGE = """<!DOCTYPE html>
<html lang="en"><head><title>If you see "Sync failed" in Notebook Cloud - Support</title></head>
<body><main>
<h1>If you see "Sync failed" in Notebook Cloud on your tablet</h1>
<p>If you see "Sync failed. There was an error verifying your session" after you open a notebook, check your tablet's clock and your network.</p>
<h2>Check the date and time</h2>
<ol><li>Open Settings &gt; General &gt; Date &amp; Time.</li><li>Turn on Set Automatically.</li></ol>
<h2>Check your network connection</h2>
<ul><li>Open a web page to check that you're online.</li><li>Turn off any VPN and try again.</li></ul>
<h2>If you see "Notebook could not be opened"</h2>
<p>If you see "Notebook could not be opened" after you add a page, update the app and open the notebook again.</p>
<h2>If you still need help</h2>
<p>Check the service status page, or contact support.</p>
<div id="helpful-rating"><p>Helpful?</p><button>Yes</button><button>No</button>
<p>Character limit: 250</p><p>Please don't include any personal information in your comment.</p></div>
<div id="communities"><h2>Start a discussion in Notebook Cloud Communities</h2>
<p>Ask other users about this article</p><button>Submit my question to the community</button></div>
</main></body></html>
"""


def test_a_help_page_s_checks_under_the_error_its_title_and_lead_state_are_groups_of_its_fix(
    tmp_path: Path,
) -> None:
    """Each "Check …" section was a problem of its own with no error, the page's error answered by
    none; the rating widget's words were notes of the last fix and the prompt to ask the community a
    problem. The page's error is one problem, its checks groups of its fix; the section that quotes
    another error in its heading is a problem of its own; the closing prompt and widgets are the page's."""
    path = tmp_path / "sync.html"
    path.write_text(VENDOR_HELP_PAGE, encoding="utf-8")
    article = parse_article(path.read_bytes(), "sync.html")
    sync, notebook = article.problems
    assert sync.title == 'If you see "Sync failed" in Notebook Cloud on your tablet'
    assert "Sync failed. There was an error verifying your session" in sync.error_messages
    assert [(s.group, s.text) for s in sync.steps] == [
        ("Check the date and time", "Open Settings > General > Date & Time."),
        ("Check the date and time", "Turn on Set Automatically."),
        ("Check your network connection", "Open a web page to check that you're online."),
        ("Check your network connection", "Turn off any VPN and try again."),
    ]
    assert sync.notes == []
    assert notebook.title == 'If you see "Notebook could not be opened"'
    assert notebook.error_messages == ["Notebook could not be opened"]
    assert "Character limit" not in " ".join(n.text for p in article.problems for n in p.notes)
    assert "Check the service status page, or contact support." in article.body


def test_an_article_s_section_anchored_by_a_rating_word_stays_the_article_s(tmp_path: Path) -> None:
    """Guard: only a block whose whole class or id names a rating widget is one; an article's section
    anchored by its heading's words ("rating-is-not-saved") is the article's."""
    page = (
        "<html><body><h1>Player ratings</h1>"
        '<div id="rating-is-not-saved"><h2>Rating is not saved</h2>'
        "<p>The app shows <b>Rating failed: session expired</b>.</p>"
        "<ol><li>Sign out.</li><li>Sign in again and rate the song.</li></ol></div></body></html>"
    )
    path = tmp_path / "ratings.html"
    path.write_text(page, encoding="utf-8")
    [problem] = parse_article(path.read_bytes(), "ratings.html").problems
    assert [s.text for s in problem.steps] == ["Sign out.", "Sign in again and rate the song."]


# A vendor's support technote: an Introduction that says what the document covers, the Problem with the
# log it shows, a Solution that says what the error means before its steps.
TECHNOTE_PAGE = """<!DOCTYPE html>
<html lang="en"><head><title>Troubleshoot Router BGP Session Reset with "Hold Timer Expired"</title></head>
<body><main>
<h1>Troubleshoot Router BGP Session Reset with "Hold Timer Expired"</h1>
<h2>Introduction</h2>
<p>This document describes how to troubleshoot a BGP session that resets every few minutes because of a keepalive mismatch.</p>
<h2>Problem</h2>
<p>The log shows:</p>
<pre>%BGP-3-NOTIFICATION: sent to neighbor 192.0.2.9 4/0 (hold time expired) 0 bytes</pre>
<h2>Solution</h2>
<p>This error means the neighbor sent no keepalive within the negotiated hold time.</p>
<p>Complete these steps:</p>
<ol><li>Set the same timers on both peers.</li><li>Reset the session: <code>clear ip bgp 192.0.2.9 soft</code></li></ol>
</main></body></html>
"""


def test_a_technote_s_introduction_that_says_what_it_covers_is_no_cause(tmp_path: Path) -> None:
    """The Introduction's "This document describes how to troubleshoot … because of …" says what the page
    covers: taken for the cause, the Solution's "This error means …" was a note before the steps. That
    sentence is the cause, and the Introduction the page's description."""
    path = tmp_path / "bgp.html"
    path.write_text(TECHNOTE_PAGE, encoding="utf-8")
    [problem] = parse_article(path.read_bytes(), "bgp.html").problems
    assert problem.cause == "This error means the neighbor sent no keepalive within the negotiated hold time."
    assert [n.text for n in problem.notes] == ["Complete these steps:"]
    assert [s.text for s in problem.steps] == [
        "Set the same timers on both peers.",
        "Reset the session: clear ip bgp 192.0.2.9 soft",
    ]


def test_an_introduction_that_says_why_the_problem_happens_is_still_its_cause(tmp_path: Path) -> None:
    """Guard: an Introduction that explains the failure itself, not what the page covers, stays the cause
    where the Solution gives none."""
    page = TECHNOTE_PAGE.replace(
        "This document describes how to troubleshoot a BGP session that resets every few minutes because of a keepalive mismatch.",
        "The session resets every few minutes because the peers use different keepalive timers.",
    ).replace("<p>This error means the neighbor sent no keepalive within the negotiated hold time.</p>", "")
    path = tmp_path / "bgp.html"
    path.write_text(page, encoding="utf-8")
    [problem] = parse_article(path.read_bytes(), "bgp.html").problems
    assert (
        problem.cause
        == "The session resets every few minutes because the peers use different keepalive timers."
    )


BUG_TRACKER_PAGE = """<!DOCTYPE html>
<html lang="en">
<head><title>50213 – Calendar sync stops with "HTTP 412 Precondition Failed" after a recurring event is moved</title></head>
<body>
<div id="header"><ul class="links"><li><a href="./">Home</a></li><li><a href="new.cgi">New</a></li>
<li><a href="browse.cgi">Browse</a></li><li><a href="search.cgi">Search</a></li></ul></div>
<h1>Bug 50213 – Calendar sync stops with "HTTP 412 Precondition Failed" after a recurring event is moved</h1>
<p>Moving one occurrence of a recurring event and then syncing fails every time.</p>
<p>Workaround: delete the moved occurrence on the server and sync again.</p>
</body></html>
"""


def test_a_page_header_div_s_links_are_no_problem(tmp_path: Path) -> None:
    """A bug tracker's page opens with its header, a list of links to the site's pages in a
    ``<div id="header">``, as a footer closes it in ``<div id="footer">``: its links were a problem of their
    own, titled by the page's <title>, its steps "Home", "New", "Browse"."""
    article = parse_article(BUG_TRACKER_PAGE.encode(), "bug50213.html")
    [problem] = article.problems
    assert problem.title.startswith("Bug 50213 – Calendar sync stops")
    assert not any(s.text in ("Home", "New", "Browse", "Search") for s in problem.steps)


def test_a_header_element_that_holds_the_article_s_title_stays_the_article_s(tmp_path: Path) -> None:
    """An article's own ``<header>`` (its title and byline) is the article's, not the site's header."""
    page = BUG_TRACKER_PAGE.replace('<div id="header">', "<header>").replace("</ul></div>", "</ul></header>")
    page = page.replace("<h1>", "<header><h1>").replace("</h1>", "</h1></header>", 1)
    article = parse_article(page.encode(), "bug50213.html")
    assert any(p.title.startswith("Bug 50213 – Calendar sync stops") for p in article.problems)


COMMUNITY_POST_TIP = """<!DOCTYPE html>
<html>
<head><title>Technical Tip: Backup job fails with 'Snapshot quota exceeded (-4113)' - Storage Community</title></head>
<body>
<h1>Technical Tip: Backup job fails with 'Snapshot quota exceeded (-4113)'</h1>
<div class="message-author"><span>kwalsh_STOR</span> <span>Staff</span> <span>Created on 07-03-2024 09:15 AM</span></div>
<table>
<tr><td><strong>Description</strong></td><td>The nightly backup job stops and reports that the snapshot quota is exceeded.</td></tr>
<tr><td><strong>Solution</strong></td><td>
<p>1) Delete the snapshots older than 30 days.</p>
<p>2) Run the backup job again.</p>
</td></tr>
</table>
<div class="message-footer"><span>Labels: Backup, Snapshots</span> <span>Kudos: 12</span> <span>Views: 4,208</span></div>
</body></html>
"""


def test_a_community_post_s_byline_and_its_labels_and_counts_are_the_page_s(tmp_path: Path) -> None:
    """A community site's tip: its author, role and "Created on" date under the title, its labels, kudos
    and views under the post. They were the symptoms' first line and a note of the fix."""
    [problem] = parse_article(COMMUNITY_POST_TIP.encode(), "tip.html").problems
    assert "kwalsh_STOR" not in problem.symptoms and "Created on" not in problem.symptoms
    assert not any("Kudos" in n.text or "Views" in n.text for n in problem.notes)
    assert [s.text for s in problem.steps] == [
        "Delete the snapshots older than 30 days.",
        "Run the backup job again.",
    ]


def test_a_sentence_that_says_when_a_file_was_created_stays_a_symptom(tmp_path: Path) -> None:
    page = COMMUNITY_POST_TIP.replace(
        "The nightly backup job stops and reports that the snapshot quota is exceeded.",
        "The lock file backup.lck created on 07-03-2024 09:15 AM is never removed.",
    )
    [problem] = parse_article(page.encode(), "tip.html").problems
    assert "backup.lck created on 07-03-2024" in problem.symptoms


# A help centre's FAQ of accordions: each <details> a schema.org Question, its <summary> the question.
FAQ_ACCORDION_PAGE = """\
<html><head><title>Sync questions – Orbit Help</title></head>
<body><main>
<h1>Sync questions</h1>
<details itemscope itemprop="mainEntity" itemtype="https://schema.org/Question">
  <summary itemprop="name">Why does Orbit say "Upload quota exceeded (OB-413)"?</summary>
  <div itemprop="acceptedAnswer" itemscope itemtype="https://schema.org/Answer">
    <p>Your plan's monthly upload allowance is used up.</p>
    <ol><li>Open <strong>Settings › Plan</strong>.</li><li>Choose a larger plan or wait for the next month.</li></ol>
  </div>
</details>
<details itemscope itemprop="mainEntity" itemtype="https://schema.org/Question">
  <summary itemprop="name"><b>Why are files stuck at "Waiting for network"?</b></summary>
  <div itemprop="acceptedAnswer" itemscope itemtype="https://schema.org/Answer">
    <p>A proxy blocks the sync service's port.</p>
    <ol><li>Allow port 8443 in the proxy.</li><li>Restart Orbit.</li></ol>
  </div>
</details>
</main></body></html>
"""


def test_each_accordion_of_a_faq_page_is_a_problem_titled_by_its_summary() -> None:
    """Read as paragraphs, the summaries were remarks between the steps of one "Sync questions" problem,
    the later questions' codes lost."""
    article = parse_article(FAQ_ACCORDION_PAGE.encode(), "faq/sync.html")
    assert [p.title for p in article.problems] == [
        'Why does Orbit say "Upload quota exceeded (OB-413)"?',
        'Why are files stuck at "Waiting for network"?',
    ]
    first, second = article.problems
    assert first.error_codes == ["OB413"]
    assert first.cause == "Your plan's monthly upload allowance is used up."
    assert [s.text for s in first.steps] == [
        "Open Settings › Plan.",
        "Choose a larger plan or wait for the next month.",
    ]
    assert second.cause == "A proxy blocks the sync service's port."
    assert [s.text for s in second.steps] == ["Allow port 8443 in the proxy.", "Restart Orbit."]


def test_a_summary_in_an_articles_html_block_is_still_read_as_a_fold() -> None:
    """Only a whole page's summaries are written in bold: an article's <details> block is marked as a
    fold by the Markdown reader, which shows a fold of output where it stands, as a page's reader does."""
    assert html_as_markdown("<details><summary>Full log</summary><pre>E: disk full</pre></details>") == (
        "Full log\n\n```\nE: disk full\n```\n",
        [0, 0, 0, 0, 0],
    )
    page = html_as_markdown(
        "<details><summary>Full log</summary><pre>E: disk full</pre></details>", page=True
    )
    assert page is not None and page[0] == "```\nE: disk full\n```\n"
    page = html_as_markdown(
        "<details><summary>Why does the disk fill up?</summary><pre>E: disk full</pre></details>", page=True
    )
    assert page is not None and page[0].startswith("**Why does the disk fill up?**\n")


# A status page's incident as Atlassian Statuspage publishes it: its updates newest first, each a status
# word over what was said and when, then the components it touched and the site's footer.
STATUS_INCIDENT_PAGE = """\
<html><head><title>Ledgerly Status - Invoice exports failing</title></head><body>
<div class="page-title"><h1 class="incident-name impact-major">Invoice exports failing</h1>
<div class="subheader">Incident Report for <strong>Ledgerly</strong></div></div>
<div class="incident-updates-container">
<div class="update-row"><div class="update-title">Resolved</div>
<div class="update-body"><span class="whitespace-pre-wrap">Exports work again. Start any export that failed once more.</span>
<div class="update-timestamp">Posted <span>Mar 3, 2026 - 16:40 UTC</span></div></div></div>
<div class="update-row"><div class="update-title">Update</div>
<div class="update-body"><span class="whitespace-pre-wrap">A fix is being deployed to every region.</span>
<div class="update-timestamp">Posted <span>Mar 3, 2026 - 16:05 UTC</span></div></div></div>
<div class="update-row"><div class="update-title">Identified</div>
<div class="update-body"><span class="whitespace-pre-wrap">An expired certificate on the storage gateway broke uploads of finished exports.</span>
<div class="update-timestamp">Posted <span>Mar 3, 2026 - 15:30 UTC</span></div></div></div>
<div class="update-row"><div class="update-title">Investigating</div>
<div class="update-body"><span class="whitespace-pre-wrap">Invoice exports stop with "Export failed: storage unavailable (EXP-5031)".</span>
<div class="update-timestamp">Posted <span>Mar 3, 2026 - 15:02 UTC</span></div></div></div>
</div>
<div class="components-affected">This incident affected: Invoices.</div>
<div class="page-footer"><a href="/history">&larr; Current Status</a> Powered by <a>Atlassian Statuspage</a></div>
</body></html>
"""


def test_a_status_pages_updates_are_read_by_their_status_words() -> None:
    """Read as text, each status word, update and the footer was a step, and the error no message:
    Investigating tells what was seen, Identified the cause, Resolved the fix, and "Update" goes on
    with the part above it."""
    article = parse_article(STATUS_INCIDENT_PAGE.encode(), "status/exports.html")
    [problem] = article.problems
    assert problem.title == "Invoice exports failing"
    assert problem.cause == "An expired certificate on the storage gateway broke uploads of finished exports."
    assert "Export failed: storage unavailable (EXP-5031)" in problem.error_messages
    assert problem.error_codes == ["EXP5031"]
    assert [s.text for s in problem.steps] == [
        "Exports work again. Start any export that failed once more.",
        "A fix is being deployed to every region.",
    ]
    assert "Statuspage" not in problem.symptoms and "Statuspage" not in article.body
    assert not any(
        word in s.text for s in problem.steps for word in ("Resolved", "Identified", "Investigating")
    )
    assert "This incident affected" not in problem.symptoms


def test_a_status_word_outside_a_status_pages_update_title_stays_text() -> None:
    """Guard: "Resolved" in a paragraph of its own, not an update's title, is no part of a problem."""
    page = html_as_markdown(
        '<h1>Queue</h1><div class="state">Resolved</div><p>Close the ticket.</p>', page=True
    )
    assert page is not None and "Resolved" in page[0] and "**Resolution**" not in page[0]


# A monitoring handbook's page of one check, as Icinga and Nagios teams document them: what it checks,
# its command definition, and a table of its states, each with the line the plugin prints and what to do.
CHECK_STATES_PAGE = """\
<html><head><title>check_queue_depth — Ops Handbook</title></head><body><main>
<h1>check_queue_depth</h1>
<p>Checks how many messages wait in the billing queue.</p>
<h2>States</h2>
<table>
<thead><tr><th>State</th><th>Example output</th><th>What to do</th></tr></thead>
<tbody>
<tr><td>OK</td><td><code>QUEUE OK - 12 messages waiting</code></td><td>Nothing.</td></tr>
<tr><td>WARNING</td><td><code>QUEUE WARNING - 4800 messages waiting</code></td><td>Watch the consumers' lag.</td></tr>
<tr><td>CRITICAL</td><td><code>QUEUE CRITICAL - 25000 messages waiting</code></td><td>1. Scale the consumers to 6.<br>2. Page the billing team.</td></tr>
</tbody></table>
</main></body></html>
"""


def test_a_check_pages_state_table_is_a_problem_per_state_that_needs_doing() -> None:
    """Read as body text, no state was a problem and a pasted alert found no answer: each row's output is
    what the alert quotes, its "What to do" the fix; the OK row, with nothing to do, is none."""
    article = parse_article(CHECK_STATES_PAGE.encode(), "checks/queue-depth.html")
    assert [(p.title, p.error_messages) for p in article.problems] == [
        ("QUEUE WARNING - 4800 messages waiting", ["QUEUE WARNING - 4800 messages waiting"]),
        ("QUEUE CRITICAL - 25000 messages waiting", ["QUEUE CRITICAL - 25000 messages waiting"]),
    ]
    assert [s.text for s in article.problems[1].steps] == [
        "Scale the consumers to 6.",
        "Page the billing team.",
    ]


def test_an_output_column_without_a_fix_column_is_no_table_of_problems() -> None:
    """Guard: a reference's "Command | Output" table tells what commands print, with nothing to fix."""
    page = (
        "<html><body><h1>Queue commands</h1><table><tr><th>Command</th><th>Output</th></tr>"
        "<tr><td><code>qstat</code></td><td><code>12 waiting</code></td></tr>"
        "<tr><td><code>qpeek</code></td><td><code>next: invoice 4471</code></td></tr></table></body></html>"
    )
    article = parse_article(page.encode(), "queue-commands.html")
    assert [(p.title, p.error_messages) for p in article.problems] == [("Queue commands", [])]


# A question saved from AWS re:Post: the question, its asker's byline, the answers under a counted
# heading, each with its author's badge, byline and "N Helpful" count, and the site's related links.
REPOST_PAGE = """<html><head><title>Lambda times out connecting to RDS: "Task timed out after 15.02 seconds" | AWS re:Post</title></head>
<body><main>
<article class="question">
<h1>Lambda times out connecting to RDS: "Task timed out after 15.02 seconds"</h1>
<div class="question-body"><p>Since I moved the function into our VPC every invocation ends with:</p>
<pre>Task timed out after 15.02 seconds</pre></div>
<div class="author">cloud_nadia · <span>asked 3 months ago</span></div>
</article>
<section class="answers"><h2>1 Answer</h2>
<article class="answer accepted">
<div class="answer-body"><p>Add the function to the database's allowed sources:</p>
<ol><li>Open the database's security group and add an inbound rule for port 5432.</li>
<li>Set the rule's source to the function's security group.</li></ol></div>
<div class="author"><span class="badge">EXPERT</span> Henrik_S · answered 3 months ago</div>
<div class="votes">7 <span>Helpful</span></div>
</article></section>
<section class="related"><h3>Relevant content</h3><ul>
<li><a>How do I connect a Lambda function to an RDS instance?</a></li>
<li><a>Why does my Lambda function time out?</a></li></ul></section>
</main></body></html>
"""


def test_a_repost_question_s_related_links_bylines_and_counts_are_the_site_s() -> None:
    """The "Relevant content" links were a group of steps served in every answer, and the bylines
    ("EXPERT Henrik_S · answered 3 months ago") and "7 Helpful" count symptoms and notes."""
    [problem] = parse_article(REPOST_PAGE.encode(), "kb/lambda-rds.html").problems
    assert [s.text for s in problem.steps] == [
        "Open the database's security group and add an inbound rule for port 5432.",
        "Set the rule's source to the function's security group.",
    ]
    assert problem.symptoms == "Since I moved the function into our VPC every invocation ends with:"
    assert problem.error_messages[-1] == "Task timed out after 15.02 seconds"
    assert [n.text for n in problem.notes] == ["Add the function to the database's allowed sources:"]


def test_a_sentence_that_says_who_answered_is_still_a_symptom() -> None:
    """Guard: only a line that is a byline, a name then what they did and when, is the site's; a
    sentence that goes on after a middle dot stays the problem's text."""
    page = (
        "<h1>Build agent stops with error 137</h1><h2>Symptoms</h2>"
        "<p>Build 4471 · answered by the retry job 2 days ago, then killed again with exit code 137.</p>"
        "<h2>Resolution</h2><ol><li>Raise the agent's memory limit.</li></ol>"
    )
    [problem] = parse_article(page.encode(), "kb/agent-137.html").problems
    assert problem.symptoms.startswith("Build 4471 · answered by the retry job")


# A thread saved from old.reddit.com: the subreddit's sidebar with its name in an <h1>, the post with its
# score, tagline and bar of buttons, the comments each under a tagline ("level 1 user 30 points") and
# over a bar of their own, and the site's footer of links.
OLD_REDDIT_PAGE = """<html><head><title>Jellyfin transcoding fails: "ffmpeg exited with code 187" : r/jellyfin</title></head>
<body>
<div class="side"><div class="titlebox"><h1>r/jellyfin</h1><span class="subscribers">58,120 readers</span>
<p>The Free Software Media System.</p></div></div>
<div class="content" role="main">
<div class="thing link self"><div class="midcol"><div class="score unvoted">14</div></div>
<p class="title"><a class="title">Jellyfin transcoding fails: "ffmpeg exited with code 187"</a></p>
<p class="tagline">submitted 2 days ago by <a class="author">couch_potato_dev</a></p>
<div class="usertext-body"><div class="md"><p>Every movie that needs transcoding stops after a second. The log ends with:</p>
<pre><code>ERROR: failed to open VAAPI device /dev/dri/renderD128: Permission denied
</code></pre></div></div>
<ul class="flat-list buttons"><li><a>8 comments</a></li><li><a>share</a></li><li><a>save</a></li><li><a>hide</a></li><li><a>report</a></li></ul>
</div>
<div class="commentarea"><div class="sitetable nestedlisting">
<div class="thing comment">
<p class="tagline"><span class="level">level 1</span> <a class="author">vaapi_val</a> <span class="score">22 points</span></p>
<div class="usertext-body"><div class="md"><p>Code 187 is the hardware encoder failing to open. Check this:</p>
<ol><li>Add the jellyfin user to the <code>render</code> group.</li><li>Restart the jellyfin service.</li></ol></div></div>
<ul class="flat-list buttons"><li><a>permalink</a></li><li><a>embed</a></li><li><a>save</a></li><li><a>reply</a></li></ul>
</div></div></div></div>
<div class="footer"><ul><li><a>about</a></li><li><a>blog</a></li><li><a>help</a></li><li><a>apps</a></li></ul></div>
</body></html>
"""


def test_an_old_reddit_thread_s_sidebar_buttons_and_footer_are_the_site_s() -> None:
    """The subreddit's name in the sidebar's <h1> titled the article, and the bars of buttons under
    the post and the comment and the site's footer links were its first and last steps."""
    article = parse_article(OLD_REDDIT_PAGE.encode(), "kb/jellyfin-187.html")
    [problem] = article.problems
    assert problem.title == 'Jellyfin transcoding fails: "ffmpeg exited with code 187"'
    assert [s.text for s in problem.steps] == [
        "Add the jellyfin user to the render group.",
        "Restart the jellyfin service.",
    ]
    assert problem.error_messages == ["failed to open VAAPI device /dev/dri/renderD128: Permission denied"]
    assert not any(word in problem.symptoms for word in ("readers", "submitted", "Free Software"))
    assert not any("points" in n.text for n in problem.notes)


def test_a_list_of_buttons_is_told_by_its_class_alone() -> None:
    """Guard: a list whose class names its look ("flat-list") but not buttons stays the fix's steps."""
    page = (
        "<h1>Jellyfin transcoding fails</h1><h2>Symptoms</h2><p>Playback stops after a second.</p>"
        '<h2>Resolution</h2><ol class="flat-list"><li>Add the jellyfin user to the render group.</li>'
        "<li>Restart the jellyfin service.</li></ol>"
    )
    [problem] = parse_article(page.encode(), "kb/jellyfin.html").problems
    assert len(problem.steps) == 2


# A question saved from Microsoft Q&A: each post under a byline of its writer's name and reputation
# (then when, or who they are), the question's counters, the accepted answer's helpful count.
MS_QA_PAGE = """<html><head><title>Outlook cannot add a shared mailbox: error 0x80040600 - Microsoft Q&amp;A</title></head>
<body><main>
<div class="question">
<h1 class="title">Outlook cannot add a shared mailbox: error 0x80040600</h1>
<div class="metadata"><a class="profile">Lena Vogt</a> · 40 Reputation points · <time>2026-04-11T08:20:00Z</time></div>
<div class="content"><p>Adding the team's shared mailbox in Outlook fails with "Something unexpected went wrong (0x80040600)".</p></div>
<div class="votes">2 votes · <span>I have the same question (5)</span></div>
</div>
<section class="answers"><h2>1 answer</h2>
<div class="answer accepted">
<div class="metadata"><a class="profile">Marco-MSFT</a> · 18,450 Reputation points · Microsoft External Staff</div>
<div class="content">
<ol><li>Close Outlook and rename the mailbox's OST file.</li><li>Open Outlook and add the shared mailbox again.</li></ol>
</div>
<div class="votes">1 person found this answer helpful.</div>
</div></section>
</main></body></html>
"""


def test_a_microsoft_q_and_a_page_s_bylines_and_counters_are_the_site_s() -> None:
    """The bylines ("Marco-MSFT · 18,450 Reputation points · Microsoft External Staff"), the question's
    "2 votes · I have the same question (5)" and "1 person found this answer helpful." were the
    problem's symptoms and notes of its fix."""
    [problem] = parse_article(MS_QA_PAGE.encode(), "kb/shared-mailbox.html").problems
    assert problem.symptoms == (
        'Adding the team\'s shared mailbox in Outlook fails with "Something unexpected went wrong (0x80040600)".'
    )
    assert [s.text for s in problem.steps] == [
        "Close Outlook and rename the mailbox's OST file.",
        "Open Outlook and add the shared mailbox again.",
    ]
    assert problem.notes == []


# A question saved from a Stack Exchange site: the title's link and the site's "Ask Question" button over
# the question, each post's vote column (buttons, its count, the accepted answer's check mark) and its
# signature card (when, the user's name, reputation and badges), the answers' heading with the count the
# page hides for search engines (schema.org's answerCount), and the control that sorts the answers.
STACK_EXCHANGE_PAGE = """<!DOCTYPE html>
<html><head><title>nginx: [emerg] bind() to 0.0.0.0:80 failed (98: Address already in use) - Ask Ubuntu</title></head>
<body class="question-page">
<div id="question-header" class="d-flex sm:fd-column">
<h1 itemprop="name" class="fs-headline1"><a href="/questions/1500/nginx-bind-failed" class="question-hyperlink">nginx: [emerg] bind() to 0.0.0.0:80 failed (98: Address already in use)</a></h1>
<div class="ml12 aside-cta"><a href="/questions/ask" class="ws-nowrap s-btn s-btn__primary">Ask Question</a></div>
</div>
<div id="mainbar" role="main" aria-label="question and answers">
<div class="question js-question" id="question" itemprop="mainEntity" itemscope itemtype="https://schema.org/Question">
<div class="post-layout">
<div class="votecell post-layout--left">
<div class="js-voting-container d-flex jc-center fd-column ai-center gs4">
<button class="js-vote-up-btn s-btn s-btn__unset" aria-label="Up vote"><svg class="svg-icon"><path d="M1 12h16L9 4l-8 8Z"></path></svg></button>
<div class="js-vote-count flex--item fw-bold fs-subheading py4" itemprop="upvoteCount" data-value="31">31</div>
<button class="js-vote-down-btn s-btn s-btn__unset" aria-label="Down vote"><svg class="svg-icon"><path d="M1 6h16l-8 8-8-8Z"></path></svg></button>
</div>
</div>
<div class="postcell post-layout--right">
<div class="s-prose js-post-body" itemprop="text">
<p>After upgrading the server, nginx refuses to start:</p>
<pre><code>$ sudo systemctl restart nginx
Job for nginx.service failed because the control process exited with error code.
$ sudo nginx -t
nginx: [emerg] bind() to 0.0.0.0:80 failed (98: Address already in use)
</code></pre>
<p>The unit starts it with:</p>
<pre><code>/usr/sbin/nginx -g 'daemon on; master_process on;'
</code></pre>
<p>Port 80 is only set in <code>/etc/nginx/sites-enabled/default</code>. How do I find what is holding it?</p>
</div>
<div class="mt16 d-flex gs8 gsy fw-wrap jc-end ai-start pt4 mb16">
<div class="js-post-menu pt2 flex--item"><div class="d-flex gs8 s-anchors s-anchors__muted fw-wrap">
<div class="flex--item"><a href="/q/1500" rel="nofollow" class="js-share-link">Share</a></div>
<div class="flex--item"><a href="/posts/1500/edit" class="js-suggest-edit-post">Improve this question</a></div>
<div class="flex--item"><button type="button" class="s-btn s-btn__link js-follow-post">Follow</button></div>
</div></div>
<div class="post-signature owner flex--item">
<div class="user-info">
<div class="user-action-time">asked <span title="2022-09-02 07:14:21Z" class="relativetime">Sep 2, 2022 at 7:14</span></div>
<div class="user-gravatar32"><a href="/users/4410/marisol"><img src="https://i.sstatic.net/a.png" alt="marisol's user avatar" width="32" height="32"></a></div>
<div class="user-details" itemprop="author" itemscope itemtype="http://schema.org/Person"><a href="/users/4410/marisol">marisol</a><span class="d-none" itemprop="name">marisol</span>
<div class="-flair"><span class="reputation-score" title="reputation score " dir="ltr">1,208</span><span title="3 silver badges"><span class="badge2"></span><span class="badgecount">3</span></span></div>
</div>
</div>
</div>
</div>
</div>
</div>
</div>
<div id="answers">
<div id="answers-header">
<div class="answers-subheader d-flex ai-center mb8">
<div class="flex--item fl1"><h2 class="mb0" data-answercount="2">2 Answers <span style="display:none;" itemprop="answerCount">2</span></h2></div>
<div class="flex--item"><div class="d-flex g4 gsx ai-center sm:fd-column sm:ai-start">
<div class="d-flex fd-column lh-sm"><label class="flex--item fs-caption" for="answer-sort-dropdown-select-menu">Sorted by:</label></div>
<div class="flex--item s-select"><select id="answer-sort-dropdown-select-menu">
<option value="scoredesc" selected="selected">Highest score (default)</option>
<option value="modifieddesc">Date modified (newest first)</option>
<option value="createdasc">Date created (oldest first)</option>
</select></div>
</div></div>
</div>
</div>
<div id="answer-1502" class="answer js-answer accepted-answer js-accepted-answer" itemprop="acceptedAnswer" itemscope itemtype="https://schema.org/Answer">
<div class="post-layout">
<div class="votecell post-layout--left">
<div class="js-voting-container d-flex jc-center fd-column ai-center gs4">
<button class="js-vote-up-btn s-btn s-btn__unset" aria-label="Up vote"><svg class="svg-icon"><path d="M1 12h16L9 4l-8 8Z"></path></svg></button>
<div class="js-vote-count flex--item fw-bold fs-subheading py4" itemprop="upvoteCount" data-value="47">47</div>
<button class="js-vote-down-btn s-btn s-btn__unset" aria-label="Down vote"><svg class="svg-icon"><path d="M1 6h16l-8 8-8-8Z"></path></svg></button>
<div class="js-accepted-answer-indicator flex--item fc-green-400 py6" title="Loading when this answer was accepted…" role="note" aria-label="Accepted"><span class="v-visible-sr">Accepted</span><svg aria-hidden="true" class="svg-icon iconCheckmarkLg"><path d="m6 14 8 8L30 6v8L14 30l-8-8v-8Z"></path></svg></div>
</div>
</div>
<div class="answercell post-layout--right">
<div class="s-prose js-post-body" itemprop="text">
<p>The upgrade pulled in Apache, which started first and now listens on port 80.</p>
<ol>
<li>Find the process on the port: <code>sudo ss -ltnp 'sport = :80'</code>.</li>
<li>Stop and disable Apache: <code>sudo systemctl disable --now apache2</code>.</li>
<li>Start nginx again: <code>sudo systemctl start nginx</code>.</li>
</ol>
</div>
<div class="mt24"><div class="d-flex fw-wrap ai-start jc-end gs8 gsy">
<div class="js-post-menu pt2 flex--item"><div class="d-flex gs8 s-anchors s-anchors__muted fw-wrap">
<div class="flex--item"><a href="/a/1502" rel="nofollow" class="js-share-link">Share</a></div>
<div class="flex--item"><a href="/posts/1502/edit" class="js-suggest-edit-post">Improve this answer</a></div>
<div class="flex--item"><button type="button" class="s-btn s-btn__link js-follow-post">Follow</button></div>
</div></div>
<div class="post-signature flex--item fl0">
<div class="user-info">
<div class="user-action-time">answered <span title="2022-09-02 07:40:02Z" class="relativetime">Sep 2, 2022 at 7:40</span></div>
<div class="user-gravatar32"><a href="/users/2210/ohrstrom"><img src="https://i.sstatic.net/b.png" alt="ohrstrom's user avatar" width="32" height="32"></a></div>
<div class="user-details" itemprop="author" itemscope itemtype="http://schema.org/Person"><a href="/users/2210/ohrstrom">ohrstrom</a>
<div class="-flair"><span class="reputation-score" title="reputation score 58,402" dir="ltr">58.4k</span><span title="12 gold badges"><span class="badge1"></span><span class="badgecount">12</span></span></div>
</div>
</div>
</div>
</div></div>
</div>
</div>
</div>
<div id="answer-1519" class="answer js-answer" itemprop="suggestedAnswer" itemscope itemtype="https://schema.org/Answer">
<div class="post-layout">
<div class="votecell post-layout--left">
<div class="js-voting-container d-flex jc-center fd-column ai-center gs4">
<div class="js-vote-count flex--item fw-bold fs-subheading py4" itemprop="upvoteCount" data-value="6">6</div>
</div>
</div>
<div class="answercell post-layout--right">
<div class="s-prose js-post-body" itemprop="text">
<p>In my case it was a leftover nginx master process. <code>sudo pkill nginx</code> and then start the service.</p>
</div>
<div class="post-signature flex--item fl0"><div class="user-info"><div class="user-action-time">answered <span class="relativetime">Oct 11, 2022 at 18:03</span></div>
<div class="user-details"><a href="/users/7781/quietbyte">quietbyte</a><div class="-flair"><span class="reputation-score">214</span></div></div></div></div>
</div>
</div>
</div>
</div>
</div>
</body></html>
"""


def test_a_stack_exchange_question_page_is_one_problem_whose_question_is_no_fix() -> None:
    """The count the answers' heading hides for search engines ("2 Answers 2") made that heading a problem
    of its own, and the question, its shell session read as a fix, a problem whose steps were the "Ask
    Question" button, the vote count, the question's sentences and the asker's name and reputation."""
    [problem] = parse_article(STACK_EXCHANGE_PAGE.encode(), "kb/nginx-bind.html").problems
    assert problem.title == "nginx: [emerg] bind() to 0.0.0.0:80 failed (98: Address already in use)"
    assert problem.symptoms.startswith("After upgrading the server, nginx refuses to start:")
    assert problem.symptoms.endswith("How do I find what is holding it?")
    assert not any(furniture in problem.symptoms for furniture in ("Ask Question", "31", "marisol", "1,208"))
    assert any("nginx: [emerg] bind() to 0.0.0.0:80 failed (98: Address" in m for m in problem.error_messages)
    assert [s.text for s in problem.steps] == [
        "Find the process on the port: sudo ss -ltnp 'sport = :80'.",
        "Stop and disable Apache: sudo systemctl disable --now apache2.",
        "Start nginx again: sudo systemctl start nginx.",
    ]


def test_a_stack_exchange_answers_sort_control_and_other_answers_are_no_notes_of_the_fix() -> None:
    """The control that sorts the answers ("Sorted by:" over its drop-down's every choice) and the other
    answer ("In my case …") were notes of the accepted answer's steps."""
    article = parse_article(STACK_EXCHANGE_PAGE.encode(), "kb/nginx-bind.html")
    [problem] = article.problems
    assert problem.notes == []
    assert problem.cause == "The upgrade pulled in Apache, which started first and now listens on port 80."
    assert "In my case it was a leftover nginx master process." in article.body


def test_a_stack_exchange_page_in_another_language_heads_its_answers_too() -> None:
    # The heading that counts the answers was known by its English words only ("2 Answers"): on a Spanish
    # site's page ("2 respuestas") the other answer was a note of the accepted one's fix. The count the
    # heading holds for search engines (schema.org's answerCount) marks it in any language.
    page = STACK_EXCHANGE_PAGE.replace(
        '2 Answers <span style="display:none;"', '2 respuestas <span style="display:none;"'
    )
    article = parse_article(page.encode(), "kb/nginx-bind.html")
    [problem] = article.problems
    assert problem.notes == []
    assert "In my case it was a leftover nginx master process." in article.body


def test_a_faq_page_s_answers_marked_as_schema_org_answers_stay_their_questions_fixes() -> None:
    # Guard: a FAQ marks each question's answer as schema.org's acceptedAnswer too, under no heading
    # that counts answers: each answer stays its question's, with no heading of its own.
    page = (
        "<h1>Label printer FAQ</h1>"
        '<div itemscope itemprop="mainEntity" itemtype="https://schema.org/Question">'
        '<h2 itemprop="name">Why are labels printed blank?</h2>'
        '<div itemscope itemprop="acceptedAnswer" itemtype="https://schema.org/Answer"><div itemprop="text">'
        "<ol><li>Flip the label roll.</li><li>Print a test label.</li></ol></div></div></div>"
        '<div itemscope itemprop="mainEntity" itemtype="https://schema.org/Question">'
        '<h2 itemprop="name">Why does the printer beep three times?</h2>'
        '<div itemscope itemprop="acceptedAnswer" itemtype="https://schema.org/Answer"><div itemprop="text">'
        "<ol><li>Close the cover.</li><li>Press Feed.</li></ol></div></div></div>"
    )
    problems = parse_article(page.encode(), "kb/labels.html").problems
    assert [p.title for p in problems] == [
        "Why are labels printed blank?",
        "Why does the printer beep three times?",
    ]
    assert [[s.text for s in p.steps] for p in problems] == [
        ["Flip the label roll.", "Print a test label."],
        ["Close the cover.", "Press Feed."],
    ]


def test_a_hidden_fold_s_answer_without_microdata_stays_read() -> None:
    """Guard: what a page hides only until a reader opens it (an accordion's answer, display:none) is its
    text; only a hidden copy of a value for search engines (an element with an itemprop) is not."""
    page = (
        "<h1>Scanner questions</h1><h2>Why does the scanner say Offline?</h2>"
        '<div class="answer" style="display:none"><p>Its Wi-Fi sleep timer dropped the link.</p>'
        "<ol><li>Turn off Wi-Fi sleep.</li><li>Restart the scanner.</li></ol></div>"
    )
    [problem] = parse_article(page.encode(), "kb/scanner.html").problems
    assert [s.text for s in problem.steps] == ["Turn off Wi-Fi sleep.", "Restart the scanner."]


def test_a_link_styled_as_a_button_in_a_step_or_a_sentence_stays_its_text() -> None:
    """Guard: a link classed as a button is a widget only where its words stand alone in their block."""
    page = (
        "<h1>Repair tool</h1><h2>Symptoms</h2><p>Setup stops with error 0x80070643.</p>"
        '<h2>Resolution</h2><p>Get <a class="btn btn-primary" href="/dl">the repair tool</a> first.</p>'
        '<ol><li><a class="button" href="/dl">Download the repair tool</a></li><li>Run it as administrator.</li></ol>'
    )
    [problem] = parse_article(page.encode(), "kb/repair.html").problems
    assert [s.text for s in problem.steps] == ["Download the repair tool", "Run it as administrator."]
    assert [n.text for n in problem.notes] == ["Get the repair tool first."]


def test_a_sentence_about_reputation_points_is_still_a_symptom() -> None:
    """Guard: only a byline, a name then the reputation, is the site's; a sentence that goes on about
    points stays the problem's text."""
    page = (
        "<h1>Badge sync fails with error 0x2A</h1><h2>Symptoms</h2>"
        "<p>Forum sync · 120 reputation points were lost for every user after the sync failed, and so were their badges.</p>"
        "<h2>Resolution</h2><ol><li>Run the sync again.</li></ol>"
    )
    [problem] = parse_article(page.encode(), "kb/badge-sync.html").problems
    assert problem.symptoms.startswith("Forum sync · 120 reputation points were lost")


# A knowledge base that renders its call-outs as boxes of a kind's class ("infoBox", "warningBox"), the
# box's label in a bold line of its own over its text.
LABELLED_BOX_PAGE = """<html><head><title>Invoices do not sync | Docs</title></head><body>
<article class="article-content">
<h1>Invoices do not sync</h1>
<h2>Ledger rejects the batch</h2>
<p>The sync history shows:</p>
<pre><code>LedgerSync: batch rejected, period locked (code 7311)</code></pre>
<div class="{kind}Box"><p><b>{label}</b></p><p>Locked periods reopen only for users with the Controller role.</p></div>
<ol>
<li>Ask a controller to reopen the period.</li>
<li>Run the sync again from Settings &gt; Ledger.</li>
</ol>
</article></body></html>
"""


@pytest.mark.parametrize(("kind", "label"), [("info", "Info"), ("warning", "Warning"), ("tip", "Tip")])
def test_a_box_of_a_kinds_class_is_a_note_of_its_text_not_of_its_label(kind: str, label: str) -> None:
    """The box's bold label alone was the note ("Info") and its text a symptom, lost from the answer."""
    page = LABELLED_BOX_PAGE.format(kind=kind, label=label)
    [problem] = parse_article(page.encode(), "ledger.html").problems
    assert [n.text for n in problem.notes] == [
        f"{label}: Locked periods reopen only for users with the Controller role."
    ]
    assert "Controller" not in problem.symptoms
    assert [s.text for s in problem.steps] == [
        "Ask a controller to reopen the period.",
        "Run the sync again from Settings > Ledger.",
    ]


def test_a_box_titled_by_its_own_words_keeps_its_title() -> None:
    """A box whose bold line is a title of its own, not its kind's label, keeps it before its text."""
    page = LABELLED_BOX_PAGE.format(kind="warning", label="Month-end close")
    [problem] = parse_article(page.encode(), "ledger.html").problems
    assert [n.text for n in problem.notes] == [
        "Warning: Month-end close\nLocked periods reopen only for users with the Controller role."
    ]


def test_a_box_class_of_a_word_that_is_no_kind_is_no_call_out() -> None:
    """A "checkbox" or "textbox" class is a form's, not a call-out's."""
    page = LABELLED_BOX_PAGE.format(kind="check", label="Info")
    [problem] = parse_article(page.encode(), "ledger.html").problems
    assert not any(n.text.startswith("Note:") for n in problem.notes)


# A help centre's page of a mail service's errors, each in a fold titled by the reply the server sends.
MAIL_REPLIES_PAGE = """<html><head><title>Fix relay errors - Mail Admin Help</title></head><body>
<h1>Fix relay errors</h1>
<div class="zippy-container">
<h2 class="zippy">451 4.4.2 Timeout waiting for data from client</h2>
<div class="zippy-content">
<p>The scanner gets <code>451 4.4.2 Timeout waiting for data from client.</code> while it sends a large scan.</p>
<p>This usually happens when the upload link is slow and the scanner sends the attachment in one piece.</p>
<ol><li>Lower the scan resolution to 200 dpi.</li><li>Split large jobs into several emails.</li></ol>
</div></div>
<div class="zippy-container">
<h2 class="zippy">Messages are delayed</h2>
<div class="zippy-content">
<p>Mail from the copier arrives an hour late. The relay logs show no errors.</p>
<ol><li>Check the copier's clock.</li></ol>
</div></div>
</body></html>
"""


def test_a_mail_server_s_reply_is_the_error_message_and_its_codes_the_problem_s() -> None:
    """The reply quoted in a sentence and titling the fold was no error message, and had no codes."""
    first, second = parse_article(MAIL_REPLIES_PAGE.encode(), "relay.html").problems
    assert first.error_messages == ["451 4.4.2 Timeout waiting for data from client."]
    assert set(first.error_codes) >= {"451", "4.4.2"}
    assert second.error_messages == [] and second.error_codes == []


# A help desk's article page whose blocks are named by its components (BEM: "Block__element"): the title,
# a bar of the article's date, views and reading time, the content, and the readers' feedback under it.
COMPONENT_PAGE = """<html><head><title>Label printer feeds two labels : Help Desk</title></head><body>
<div class="KbArticle__title"><h1>Label printer feeds two labels</h1></div>
<div class="KbArticle__info"><span>Jan 14, 2026</span> <span>&bull;</span> <span>Views: 3,406</span>
<span>&bull;</span> <span>4 min read</span></div>
<div class="KbArticle__content">
<p><b>Symptom</b></p>
<p>Every print job feeds one blank label after the printed one.</p>
<p><b>Solution</b></p>
<p>1. Hold the feed button until the printer measures the labels.</p>
<p>2. Print a test label.</p>
</div>
<div class="KbArticle__feedback"><p>Was this article helpful?</p><span>&#128077; Yes</span>
<span>&#128078; No</span> <span>41 found this helpful</span></div>
</body></html>
"""


def test_a_help_desk_s_info_bar_and_feedback_block_are_no_symptom_nor_step() -> None:
    """The bar of the article's date, views and reading time was a symptom, and the feedback's "👍 Yes
    👎 No 41 found this helpful" the fix's last step."""
    [problem] = parse_article(COMPONENT_PAGE.encode(), "labels.html").problems
    assert problem.symptoms == "Every print job feeds one blank label after the printed one."
    assert [s.text for s in problem.steps] == [
        "Hold the feed button until the printer measures the labels.",
        "Print a test label.",
    ]
    assert not problem.notes


def test_a_sentence_that_counts_views_is_no_info_bar() -> None:
    """A symptom that counts views in words stays the symptom."""
    page = COMPONENT_PAGE.replace(
        "Every print job feeds one blank label after the printed one.",
        "The dashboard shows 3,406 views • then stops counting after the printer goes offline.",
    )
    [problem] = parse_article(page.encode(), "labels.html").problems
    assert "stops counting" in problem.symptoms


# A docs site's article page that ends with links to the articles before and after it in its category.
PAGER_PAGE = """<html><head><title>Export stalls | Docs</title></head><body>
<article class="article-content">
<h1>Export stalls</h1>
<h2>Export stays at 0%</h2>
<p>The export log shows:</p>
<pre><code>ExportError: worker pool exhausted (code 5120)</code></pre>
<ol><li>Open Settings &gt; Exports.</li><li>Cancel the stalled export and start it again.</li></ol>
</article>
<div class="{pager}"><a href="/a">Previous: Scheduling exports</a> <a href="/b">Next: Export formats</a></div>
</body></html>
"""


@pytest.mark.parametrize("pager", ["next-prev", "prev-next-area", "pagination-nav", "article__pager"])
def test_a_docs_page_s_links_to_the_previous_and_next_articles_are_no_note(pager: str) -> None:
    """ "Previous: … Next: …" was a note after the last problem's steps."""
    article = parse_article(PAGER_PAGE.format(pager=pager).encode(), "export.html")
    [problem] = article.problems
    assert not problem.notes
    assert [s.text for s in problem.steps] == [
        "Open Settings > Exports.",
        "Cancel the stalled export and start it again.",
    ]


# A chapter of a manual as DocBook's XSL stylesheets render it: a navigation table over and under the
# chapter, each section titled in its "titlepage", a procedure captioned "Procedure N.N. …" over its steps.
DOCBOOK_CHAPTER = """<html><head><title>Chapter 7. Mail Queue Problems</title>
<meta name="generator" content="DocBook XSL Stylesheets V1.79.2"></head><body>
<div class="navheader"><table width="100%" summary="Navigation header">
<tr><th colspan="3" align="center">Chapter 7. Mail Queue Problems</th></tr>
<tr><td align="left"><a accesskey="p" href="ch06.html">Prev</a> </td><th> </th>
<td align="right"> <a accesskey="n" href="ch08.html">Next</a></td></tr></table><hr></div>
<div class="chapter"><div class="titlepage"><h1 class="title">Chapter 7. Mail Queue Problems</h1></div>
<div class="section"><div class="titlepage"><h2 class="title">7.3. Deferred Mail Is Never Retried</h2></div>
<p>The mail log repeats:</p>
<pre class="screen">postqueue: fatal: Queue report unavailable - mail system is down</pre>
<div class="procedure"><p class="title"><b>Procedure 7.1. Restarting the Queue Manager</b></p>
<ol class="procedure" type="1">
<li class="step"><p>Check that the master process runs.</p></li>
<li class="step"><p>Start the mail system again.</p></li>
</ol></div>
</div></div>
<div class="navfooter"><hr><table width="100%" summary="Navigation footer">
<tr><td align="left"><a accesskey="p" href="ch06.html">Prev</a> </td><td> </td>
<td align="right"> <a accesskey="n" href="ch08.html">Next</a></td></tr>
<tr><td align="left" valign="top">Chapter 6. Relay Configuration </td>
<td align="center"><a accesskey="h" href="index.html">Home</a></td>
<td align="right" valign="top"> Chapter 8. Spam Filtering</td></tr></table></div>
</body></html>
"""


def test_a_docbook_page_s_navigation_footer_is_no_part_of_the_last_step() -> None:
    """DocBook's "navfooter" table (Prev, Home, Next and the chapters around) was glued onto the last step."""
    article = parse_article(DOCBOOK_CHAPTER.encode(), "ch07.html")
    [problem] = article.problems
    assert [s.text for s in problem.steps] == [
        "Check that the master process runs.",
        "Start the mail system again.",
    ]
    assert not any("Next" in n.text or "Home" in n.text for n in problem.notes)
    assert "Spam Filtering" not in problem.symptoms + problem.cause


def test_a_docbook_procedure_s_caption_is_no_cause() -> None:
    """ "Procedure 7.1. Restarting the Queue Manager", the caption DocBook sets over a procedure's steps,
    leads in to them as a procedure's title does: it was the problem's cause."""
    page = DOCBOOK_CHAPTER.replace(
        "Deferred Mail Is Never Retried", "Deferred Mail Cannot Be Delivered"
    ).replace("The mail log repeats:", "The mail log shows:")
    [problem] = parse_article(page.encode(), "ch07.html").problems
    assert problem.error_messages == ["postqueue: fatal: Queue report unavailable - mail system is down"]
    assert problem.cause == ""
    assert "Procedure" not in problem.symptoms
    assert [s.text for s in problem.steps] == [
        "Check that the master process runs.",
        "Start the mail system again.",
    ]


def test_a_numbered_sentence_about_a_procedure_is_still_a_cause() -> None:
    """Guard: only a caption's shape (its label, its number, a title with no sentence's punctuation) leads
    in to steps; a sentence that names a procedure still says why."""
    page = (
        DOCBOOK_CHAPTER.replace("Deferred Mail Is Never Retried", "Deferred Mail Cannot Be Delivered")
        .replace("The mail log repeats:", "The mail log shows:")
        .replace(
            '<p class="title"><b>Procedure 7.1. Restarting the Queue Manager</b></p>',
            "<p>The queue manager stopped because procedure 7.1 was skipped during the upgrade.</p>",
        )
    )
    [problem] = parse_article(page.encode(), "ch07.html").problems
    assert "skipped during the upgrade" in problem.cause


# A telecom vendor's alarm reference page: the alarm's parameters and attributes tabulated, common to
# many alarms, before its causes and its procedure.
ALARM_REFERENCE = """<html><body>
<h1>ALM-25880 Ethernet Link Fault</h1>
<h2>Description</h2>
<p>This alarm is reported when the Ethernet port cannot detect a carrier for 10 seconds.</p>
<h2>Parameters</h2>
<table><tr><th>Parameter Name</th><th>Parameter Description</th></tr>
<tr><td>Cabinet No.</td><td>Number of the cabinet where the faulty board is installed</td></tr>
<tr><td>Port No.</td><td>Number of the faulty port</td></tr></table>
<h2>Possible Causes</h2>
<ul><li>The network cable is loose or damaged.</li></ul>
<h2>Procedure</h2>
<ol><li>Reseat the network cable.</li><li>Replace the cable.</li></ol>
</body></html>
"""


def test_an_alarm_reference_s_parameters_table_holds_no_error_message() -> None:
    """The "Parameter Name | Parameter Description" table defines the alarm's fields, shared by many
    alarms: each of its cells was an error message of the alarm."""
    [problem] = parse_article(ALARM_REFERENCE.encode(), "alm-25880.html").problems
    assert problem.title == "ALM-25880 Ethernet Link Fault"
    assert not any("Port No." in m or "Number of the" in m for m in problem.error_messages)
    assert [s.text for s in problem.steps] == ["Reseat the network cable.", "Replace the cable."]


def test_a_table_of_names_and_descriptions_still_holds_messages() -> None:
    """Guard: a table headed "Name | Description" alone is read as before (its cells messages); only a
    table whose header says it defines parameters, fields or attributes gives none."""
    page = ALARM_REFERENCE.replace(
        "<tr><th>Parameter Name</th><th>Parameter Description</th></tr>",
        "<tr><th>Name</th><th>Description</th></tr>",
    )
    [problem] = parse_article(page.encode(), "alm-25880.html").problems
    assert any("Number of the faulty port" in m for m in problem.error_messages)


@pytest.mark.parametrize(
    ("header", "message"),
    [
        ("<tr><th>Field</th><th>Error message</th></tr>", "Port number must be between 1 and 48"),
        ("<tr><th>Error message</th><th>Parameters</th></tr>", "Port No."),
    ],
)
def test_a_table_of_fields_and_their_error_messages_still_holds_messages(header: str, message: str) -> None:
    """Guard: a table of a form's validation errors ("Field | Error message") names its messages, and so
    does a table of messages with their parameters after them: both were read as defining parameters."""
    page = ALARM_REFERENCE.replace(
        "<tr><th>Parameter Name</th><th>Parameter Description</th></tr>", header
    ).replace("Number of the faulty port", "Port number must be between 1 and 48")
    [problem] = parse_article(page.encode(), "alm-25880.html").problems
    assert message in problem.error_messages


def test_a_section_anchored_for_pagination_is_read() -> None:
    """A section of the article about pagination, by its id (a heading's anchor), stays the article's."""
    page = PAGER_PAGE.format(pager="x").replace(
        '<div class="x">',
        '<div id="pagination"><h2>Results stop after page 10</h2><p>Set page_size to 100.</p>',
    )
    article = parse_article(page.encode(), "export.html")
    assert (
        any(
            "page_size"
            in p.body + p.symptoms + " ".join(s.text for s in p.steps) + " ".join(n.text for n in p.notes)
            for p in article.problems
        )
        or "page_size" in article.body
    )


# A NAS vendor's knowledge-centre article: Details, then a Resolution whose first paragraph says why it fails.
RESOLUTION_EXPLAINED_PAGE = """<html><head><title>Why does my backup task stop? - Knowledge Center</title></head><body>
<h1>Why does my backup task stop?</h1>
<div class="section"><h2>Details</h2>
<p>The backup task stops at 40% and the log shows <code>Backup task was cancelled. (Error code: 4107)</code>.</p></div>
<div class="section"><h2>Resolution</h2>
<p>{explanation}</p>
<ol><li>Sign in again to the cloud account in the task's settings.</li><li>Run the backup task again.</li></ol>
</div></body></html>
"""


def test_a_resolution_that_opens_by_saying_why_it_fails_gives_the_cause() -> None:
    """The explanation that opens the Resolution (no Cause heading) was a note before the steps."""
    explanation = "The cloud account's sign-in has expired, so the task can no longer upload."
    page = RESOLUTION_EXPLAINED_PAGE.format(explanation=explanation)
    [problem] = parse_article(page.encode(), "backup.html").problems
    assert problem.cause == explanation
    assert not problem.notes
    assert [s.text for s in problem.steps] == [
        "Sign in again to the cloud account in the task's settings.",
        "Run the backup task again.",
    ]


def test_a_resolution_that_opens_with_a_remark_keeps_it_a_note() -> None:
    """A remark before the steps that says no why stays a note."""
    remark = "The steps below take about five minutes."
    page = RESOLUTION_EXPLAINED_PAGE.format(explanation=remark)
    [problem] = parse_article(page.encode(), "backup.html").problems
    assert problem.cause == ""
    assert [n.text for n in problem.notes] == [remark]


# A consumer electronics maker's FAQ page: the answer, then the site's block of ways to reach support.
CONTACT_BLOCK_PAGE = """<html><head><title>What does the LE code mean on my washer? | Maker US</title></head><body>
<div class="faq-content">
<h1>What does the LE code mean on my washer?</h1>
<p>The <b>LE</b> code means the motor is locked or overloaded.</p>
<ol><li>Take some laundry out of the drum.</li><li>Turn the washer off for ten minutes, then start it again.</li></ol>
</div>
<div class="support-channels"><h3>{heading}</h3><ul><li>Chat with us</li><li>Call 1-800-555-0199</li><li>Email us</li></ul></div>
</body></html>
"""


@pytest.mark.parametrize("heading", ["Contact Maker Support", "Contact support", "Contact Customer Care"])
def test_a_vendor_s_contact_support_block_is_no_problem(heading: str) -> None:
    """ "Contact … Support" over "Chat with us", "Call …", "Email us" was a second problem with those steps."""
    article = parse_article(CONTACT_BLOCK_PAGE.format(heading=heading).encode(), "washer.html")
    [problem] = article.problems
    assert [s.text for s in problem.steps] == [
        "Take some laundry out of the drum.",
        "Turn the washer off for ten minutes, then start it again.",
    ]


def test_a_problem_about_contacting_support_stays_a_problem() -> None:
    """A heading that names a failure to reach support is a problem, not the site's contact block."""
    page = CONTACT_BLOCK_PAGE.format(heading="Contact support form shows error 403")
    assert len(parse_article(page.encode(), "washer.html").problems) == 2


# A consumer electronics maker's FAQ: what the code means, then "Try these steps" as bold numbered titles,
# each over what to do (a paragraph, or a list of sub-steps).
BOLD_TITLED_STEPS_PAGE = """<html><head><title>What does the 4C code mean on my washer? | Maker US</title></head><body>
<div class="faq-content">
<h1>What does the 4C code mean on my washer?</h1>
<p>The <b>4C</b> code means the washer is not getting enough water.</p>
<div class="accordion"><button class="accordion-title">Try these steps</button>
<div class="accordion-panel">
<p><b>1. Check the water supply</b></p>
<p>Make sure both taps behind the washer are fully open.</p>
<p><b>2. Check the hoses</b></p>
<ul><li>Turn the taps off.</li><li>Straighten any kinked hose.</li></ul>
<p><b>3. Clean the inlet filter</b></p>
<p>Unscrew the hose and rinse the mesh filter under running water.</p>
</div></div></div>
</body></html>
"""


def test_bold_numbered_titles_over_their_text_are_the_steps() -> None:
    """The bold titles and the first step's text were symptoms, and only the second's bullets steps."""
    [problem] = parse_article(BOLD_TITLED_STEPS_PAGE.encode(), "washer.html").problems
    assert problem.symptoms == "The 4C code means the washer is not getting enough water."
    assert [(s.number, s.text) for s in problem.steps] == [
        ("1", "Check the water supply\nMake sure both taps behind the washer are fully open."),
        ("2", "Check the hoses"),
        ("2.1", "Turn the taps off."),
        ("2.2", "Straighten any kinked hose."),
        ("3", "Clean the inlet filter\nUnscrew the hose and rinse the mesh filter under running water."),
    ]


def test_bold_numbered_lines_out_of_order_are_no_steps() -> None:
    """Bold lines numbered out of turn (a list of years, a ranking from 3) are not a procedure."""
    page = BOLD_TITLED_STEPS_PAGE.replace("<b>1. Check", "<b>7. Check")
    [problem] = parse_article(page.encode(), "washer.html").problems
    assert not any(s.text.startswith("Check the water supply") for s in problem.steps)


def test_a_faq_s_last_update_date_line_is_no_symptom() -> None:
    """A consumer FAQ's "Last Update date : Sep 22. 2025" under its title was its first symptom."""
    page = BOLD_TITLED_STEPS_PAGE.replace(
        "<p>The <b>4C</b>", '<p class="date">Last Update date : Sep 22. 2025</p>\n<p>The <b>4C</b>'
    )
    [problem] = parse_article(page.encode(), "washer.html").problems
    assert problem.symptoms == "The 4C code means the washer is not getting enough water."


# Docusaurus renders <Tabs> as a "tablist" of labels over a "tabpanel" each; every panel but the selected
# one carries the `hidden` attribute, and a panel of commands follows the step that asks for them.
DOCUSAURUS_TABS_PAGE = """<!doctype html><html lang="en"><head><meta name="generator" content="Docusaurus v3.4.0">
<title>Agent errors | Relaybox Docs</title></head><body><div id="__docusaurus"><main><article>
<div class="theme-doc-markdown markdown"><header><h1>Agent errors</h1></header>
<h2 id="agent-offline">Agent stays offline after an upgrade</h2>
<pre><code>agent: handshake rejected: certificate signed by unknown authority</code></pre>
<ol><li>Download the new CA bundle from <strong>Admin → Certificates</strong>.</li><li>Install it:</li></ol>
<div class="tabs-container"><ul role="tablist" aria-orientation="horizontal" class="tabs">
<li role="tab" tabindex="0" aria-selected="true" class="tabs__item tabs__item--active">macOS</li>
<li role="tab" tabindex="-1" aria-selected="false" class="tabs__item">Windows</li></ul>
<div class="margin-top--md"><div role="tabpanel" class="tabItem_x1"><pre><code>sudo relaybox-agent trust ./ca.pem</code></pre></div>
<div role="tabpanel" class="tabItem_x1" hidden=""><pre><code>relaybox-agent.exe trust .\\ca.pem</code></pre></div></div></div>
<p class="feedback" hidden>Thanks for letting us know!</p>
</div></article></main></div></body></html>
"""


def test_docusaurus_tabs_of_commands_are_each_a_way_to_do_the_step_hidden_ones_too() -> None:
    """Every tab panel is read, the hidden ones too (the page hides all but the selected tab), each its
    label and its command together after the step that asks for them, as Markdown tabs of code are: the
    Windows command was lost, and the macOS one and its label two notes after the steps."""
    [problem] = parse_article(DOCUSAURUS_TABS_PAGE.encode(), "agent.html").problems
    assert problem.error_messages == ["agent: handshake rejected: certificate signed by unknown authority"]
    assert [s.text for s in problem.steps] == [
        "Download the new CA bundle from Admin → Certificates.",
        "Install it:",
        "macOS:\nsudo relaybox-agent trust ./ca.pem",
        "Windows:\nrelaybox-agent.exe trust .\\ca.pem",
    ]
    # Guard: an element hidden outside a tab set (a widget's answer to a vote) stays unread.
    assert not problem.notes


ROUTER_CODES_PAGE = """<html><head><title>Edge Router Error Codes | Platform Docs</title></head><body>
<h1>Edge Router Error Codes</h1>
<p>When a request fails at the edge, the router answers with an error page and logs a line with the
error's code.</p>
<h2 id="r17">R17 - Upstream connection failed</h2>
<p>An app process that closes the connection before it sends a full response causes this error.</p>
<pre>2025-11-03T08:12:44.118203+00:00 cloudrun[edge]: at=error code=R17 desc="Upstream connection failed" method=POST path="/checkout" status=502</pre>
<p>Look for the process restarting in the app's log at that time, and fix what made it exit.</p>
<h2 id="r21">R21 - Request queue timeout</h2>
<p>Too many requests waiting for a free process will cause this error.</p>
<pre>2025-11-03T08:14:02.550114+00:00 cloudrun[edge]: at=error code=R21 desc="Request queue timeout" method=GET path="/search" status=503</pre>
<p>Add processes, or make the slow requests faster.</p>
</body></html>
"""


def test_a_router_log_line_s_code_field_is_the_problem_s_code(tmp_path: Path) -> None:
    """An error-codes page heads each section with its code ("R17 - Upstream connection failed") and
    quotes the router's log line, whose ``code=R17`` field names it: a letter and two digits was no
    code anywhere, so typing the code found nothing."""
    problems = parse_article(ROUTER_CODES_PAGE.encode(), "edge-codes.html").problems
    assert [(p.title, p.error_codes) for p in problems] == [
        ("R17 - Upstream connection failed", ["R17"]),
        ("R21 - Request queue timeout", ["R21"]),
    ]
    (tmp_path / "kb").mkdir()
    (tmp_path / "kb" / "edge-codes.html").write_text(ROUTER_CODES_PAGE, encoding="utf-8")
    build_index([tmp_path / "kb"], tmp_path / "index.db")
    best = match(KnowledgeBase(tmp_path / "index.db"), "R21").matches[0]
    assert best.problem.id == "edge-codes#2"


# An error dictionary's page, as messaging and telephony APIs publish one per code: a key/value table
# of the error's fields, then its Description, Possible causes and Possible solutions.
ERROR_DICTIONARY_PAGE = """<html><head><title>Error 21408 | Voice API Docs</title></head><body>
<main>
<h1>Error 21408</h1>
<table class="error-meta">
<tr><th>ERROR</th><td>21408</td></tr>
<tr><th>Message</th><td>Permission to dial this region is not enabled</td></tr>
<tr><th>Log Level</th><td>ERROR</td></tr>
</table>
<h2>Description</h2>
<p>The call was rejected before it was placed.</p>
<h3>Possible causes</h3>
<ul><li>Outbound calls to the destination's country are turned off for the account.</li>
<li>The number is a premium-rate number, which is blocked by default.</li></ul>
<h3>Possible solutions</h3>
<ul><li>Turn on the destination country in the console's geographic permissions.</li>
<li>Ask support to allow premium-rate numbers for the account.</li></ul>
</main>
</body></html>
"""


def test_an_error_dictionary_s_possible_causes_are_the_cause_not_steps(tmp_path: Path) -> None:
    """ "Possible solutions" named no fix, so under the Description both lists were read as steps, the
    causes first: the causes are the problem's cause, the solutions its steps."""
    [problem] = parse_article(ERROR_DICTIONARY_PAGE.encode(), "21408.html").problems
    assert [s.text for s in problem.steps] == [
        "Turn on the destination country in the console's geographic permissions.",
        "Ask support to allow premium-rate numbers for the account.",
    ]
    assert "premium-rate number, which is blocked by default" in problem.cause


def test_an_error_dictionary_s_message_field_is_the_error_message(tmp_path: Path) -> None:
    """The table's Message field is the error's message as the API returns it: it was no message."""
    [problem] = parse_article(ERROR_DICTIONARY_PAGE.encode(), "21408.html").problems
    assert problem.error_messages == ["Permission to dial this region is not enabled"]
    assert problem.error_codes == ["21408"]


def test_a_router_log_line_after_the_fix_is_the_error_message_not_a_step(tmp_path: Path) -> None:
    """An error-codes section that explains and fixes first and shows the router's log line last
    (``at=error code=R30 …``) had that line glued to its last step, and no error message at all."""
    page = (
        "<html><body><h1>Edge Router Error Codes</h1>\n"
        '<h2 id="r30">R30 - No processes running</h2>\n'
        "<p>This usually means the app was scaled down to zero processes. Scale it up again:</p>\n"
        "<pre>$ cloudrun scale web=1</pre>\n"
        "<p>Then check the state of the processes with <code>cloudrun ps</code>.</p>\n"
        '<pre>2025-11-03T09:01:17.204411+00:00 cloudrun[edge]: at=error code=R30 desc="No processes running" '
        'method=GET path="/" status=503</pre>\n'
        "</body></html>\n"
    )
    [problem] = parse_article(page.encode(), "edge-codes.html").problems
    assert problem.error_messages == [
        'cloudrun[edge]: at=error code=R30 desc="No processes running" method=GET path="/" status=503'
    ]
    assert problem.error_codes == ["R30"]
    assert problem.steps[-1].text == "Then check the state of the processes with cloudrun ps."


def test_a_log_line_of_routine_level_after_a_fix_stays_its_output(tmp_path: Path) -> None:
    """Guard: the line a fix's check prints at a routine level (``at=info``) is what the step shows."""
    page = (
        "<html><body><h1>Edge Router Error Codes</h1>\n"
        '<h2 id="r30">R30 - No processes running</h2>\n'
        "<p>Scale the app up again, then send a request and look at the router's line:</p>\n"
        '<pre>2025-11-03T09:03:40.118841+00:00 cloudrun[edge]: at=info method=GET path="/" status=200</pre>\n'
        "</body></html>\n"
    )
    [problem] = parse_article(page.encode(), "edge-codes.html").problems
    assert problem.error_messages == []


# A RoboHelp topic: each problem a heading, its cause a bold label, then a procedure titled "To …" (the
# ProcedureHeading style) over its steps, whatever the verb.
ROBOHELP_TOPIC = """\
<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">
<html>
<head>
<meta name="generator" content="Adobe RoboHelp 2022">
<title>Scanner problems</title>
</head>
<body>
<h1>Scanner problems</h1>
<h2>Scan to folder fails with error 0x80070035</h2>
<p>The panel shows <b>Network path not found</b> when a scan is sent to the shared folder.</p>
<p><b>Cause:</b> SMB 1.0 is disabled on the file server.</p>
<p class="ProcedureHeading">To fix the scan destination</p>
<ol>
<li class="p-ProcedureStep"><p>Update the scanner's firmware.</p></li>
<li class="p-ProcedureStep"><p>Set the SMB version to 3 in the scan profile.</p></li>
</ol>
<h2>Scanned pages come out blank</h2>
<p>Every page of a scan is white, although the preview shows the document.</p>
<p><b>Cause:</b> The document glass is dirty and calibration failed.</p>
<p class="ProcedureHeading">To recalibrate the scanner</p>
<ol>
<li class="p-ProcedureStep"><p>Clean the glass with a dry cloth.</p></li>
<li class="p-ProcedureStep"><p>Run <b>Calibrate</b> from the maintenance menu.</p></li>
</ol>
</body>
</html>
"""


def test_a_procedure_titled_to_do_anything_after_a_labelled_cause_is_its_fix() -> None:
    """A "To …" procedure heading whose verb was not a fixing one ("To recalibrate the scanner") left the
    whole problem, its cause and its steps, as searchable body: only "To fix …" made it a problem."""
    article = parse_article(ROBOHELP_TOPIC.encode(), "scanner.htm")
    assert [p.title for p in article.problems] == [
        "Scan to folder fails with error 0x80070035",
        "Scanned pages come out blank",
    ]
    second = article.problems[1]
    assert second.cause == "The document glass is dirty and calibration failed."
    assert [s.text for s in second.steps] == [
        "Clean the glass with a dry cloth.",
        "Run Calibrate from the maintenance menu.",
    ]
    assert [n.text for n in second.notes] == ["To recalibrate the scanner"]


@pytest.mark.parametrize(
    "lead", ["To find the affected tiles:", "To see which tiles are affected, sort the cache by date."]
)
def test_a_lead_in_after_a_labelled_cause_that_only_finds_things_is_still_no_fix(lead: str) -> None:
    """Guard: a lead-in ending in ":" or a sentence that opens "To …" is no procedure's title: over a
    list after a labelled cause, a check of what is affected, not the fix."""
    text = (
        "<h1>Map known issues</h1><h2>Tiles fail to render</h2><p>Parts of the map are grey.</p>"
        f"<p><b>Cause:</b> The tile cache is corrupt.</p><p>{lead}</p>"
        "<ol><li>Open the cache folder.</li><li>Sort the files by size.</li></ol>"
        "<p><b>Status:</b> Fixed in release 7.3.</p>"
        "<h2>Labels overlap</h2><p>Street names are drawn over each other.</p>"
        "<p><b>Cause:</b> The label engine ignores the zoom level.</p><p><b>Workaround:</b> Zoom in one level.</p>"
    )
    article = parse_article(text.encode(), "tiles.html")
    assert "Sort the files by size." not in [s.text for p in article.problems for s in p.steps]


def test_a_paragraph_in_a_help_authoring_tool_s_code_style_is_code() -> None:
    """RoboHelp writes a quoted message in its "Code" paragraph style, not in <pre>: read as prose, the
    error was a symptom's words and the problem had no error message."""
    text = (
        '<html><head><meta name="generator" content="Adobe RoboHelp 2022"><title>Scanner is offline</title></head>'
        "<body><h1>Scanner is offline</h1><p>The scan utility displays:</p>"
        '<p class="Code">Cannot communicate with the scanner (error 0x8007274C). Check the connection.</p>'
        '<p class="ProcedureHeading">To reconnect the scanner</p><ol>'
        '<li class="p-ProcedureStep"><p>Restart the scanner.</p></li>'
        '<li class="p-ProcedureStep"><p>Add it again in the scan utility.</p></li></ol></body></html>'
    )
    [problem] = parse_article(text.encode(), "scanner-offline.htm").problems
    assert problem.error_messages == [
        "Cannot communicate with the scanner (error 0x8007274C). Check the connection."
    ]
    assert problem.symptoms == "The scan utility displays:"
    assert [s.text for s in problem.steps] == ["Restart the scanner.", "Add it again in the scan utility."]


def test_a_procedure_s_title_over_the_steps_is_their_lead_in_not_a_symptom() -> None:
    """RoboHelp's procedure heading ("To fix the scanner connection error") over the steps of a page with no
    parts was the problem's symptom."""
    text = (
        "<html><body>\n<h1>Scanner is offline</h1>\n<p>The scan utility shows the scanner as offline.</p>\n"
        '<p class="ProcedureHeading">To fix the scanner connection error</p>\n'
        "<ol>\n<li>Restart the scanner.</li>\n<li>Add it again in the scan utility.</li>\n</ol>\n</body></html>"
    )
    [problem] = parse_article(text.encode(), "scanner.htm").problems
    assert problem.symptoms == "The scan utility shows the scanner as offline."
    assert [(n.text, n.after) for n in problem.notes] == [("To fix the scanner connection error", False)]


def test_a_paragraph_in_a_code_style_that_is_prose_stays_prose() -> None:
    """Guard: a paragraph so styled that reads as a sentence and reports no failure is the page's text,
    as one in a fixed-width font is."""
    text = (
        "<html><body><h1>Scanner is offline</h1>"
        '<p class="CodeExample">The scanner reconnects by itself after a restart.</p>'
        "<ol><li>Restart the scanner.</li></ol></body></html>"
    )
    [problem] = parse_article(text.encode(), "scanner.htm").problems
    assert problem.error_messages == []


# A MadCap Flare HTML5 topic: one drop-down per problem, its hotspot the problem's title, and the link to
# the topic in its navigation frame that Flare adds at the top.
FLARE_TOPIC = """\
<!DOCTYPE html>
<html xmlns:MadCap="http://www.madcapsoftware.com/Schemas/MadCap.xsd" data-mc-target-type="WebHelp2">
<head><title>Badge reader problems</title></head>
<body>
<p class="MCWebHelpFramesetLink MCWebHelpFramesetLinkTop"><a href="../Default.htm#Badges.htm">Open topic with navigation</a></p>
<h1>Badge reader problems</h1>
<div class="MCDropDown MCDropDown_Closed dropDown">
<span class="MCDropDownHead dropDownHead"><a class="MCDropDownHotSpot dropDownHotspot MCDropDownHotSpot_" href="#">Reader shows error BR-2107</a></span>
<div class="MCDropDownBody dropDownBody">
<p><b>Symptom</b></p>
<p>The reader beeps twice and shows:</p>
<pre>BR-2107: Card not enrolled</pre>
<p><b>Resolution</b></p>
<ol><li>Enroll the card in the access console.</li><li>Present the card again.</li></ol>
</div>
</div>
<div class="MCDropDown MCDropDown_Closed dropDown">
<span class="MCDropDownHead dropDownHead"><a class="MCDropDownHotSpot dropDownHotspot MCDropDownHotSpot_" href="#">Door does not unlock after a green light</a></span>
<div class="MCDropDownBody dropDownBody">
<p><b>Symptom</b></p>
<p>The reader accepts the card but the door stays locked.</p>
<p><b>Resolution</b></p>
<ol><li>Check the strike's power supply.</li><li>Replace the door strike.</li></ol>
</div>
</div>
</body>
</html>
"""


def test_a_flare_drop_down_s_hotspot_titles_its_problem() -> None:
    """A drop-down's hotspot text was a paragraph: each problem was titled by its first sentence, and
    the next drop-down's title was a note of the problem before."""
    article = parse_article(FLARE_TOPIC.encode(), "badges.htm")
    assert [p.title for p in article.problems] == [
        "Reader shows error BR-2107",
        "Door does not unlock after a green light",
    ]
    first, second = article.problems
    assert first.error_messages == ["BR-2107: Card not enrolled"]
    assert [s.text for s in first.steps] == [
        "Enroll the card in the access console.",
        "Present the card again.",
    ]
    assert first.notes == [] and second.notes == []
    assert second.symptoms == "The reader accepts the card but the door stays locked."


def test_flare_s_link_to_the_topic_with_navigation_is_the_page_s_chrome() -> None:
    """ "Open topic with navigation" was a note of the last problem, shown in its answers."""
    article = parse_article(FLARE_TOPIC.encode(), "badges.htm")
    assert "Open topic with navigation" not in " ".join(
        [
            article.body,
            *(n.text for p in article.problems for n in p.notes),
            *(p.body for p in article.problems),
        ]
    )


def test_a_flare_drop_down_inside_a_step_stays_the_step_s() -> None:
    """Guard: a drop-down in a list item (a step's optional detail) heads nothing: its words stay the step's."""
    text = (
        "<html><body>\n<h1>Badge reader is offline</h1>\n<p>The console shows the reader as offline.</p>\n"
        "<ol>\n<li><p>Restart the reader.</p>\n"
        '<div class="MCDropDown"><span class="MCDropDownHead"><a class="MCDropDownHotSpot" href="#">Where is the '
        'switch?</a></span><div class="MCDropDownBody"><p>Behind the cover plate.</p></div></div></li>\n'
        "<li>Check the console again.</li>\n</ol>\n</body></html>"
    )
    [problem] = parse_article(text.encode(), "reader.htm").problems
    assert problem.title == "Badge reader is offline"
    assert len(problem.steps) == 2
    assert "Where is the switch?" in problem.steps[0].text


# A Blogger post saved from the browser: the post's body in "post-body entry-content", then the template's
# footer (author and time, share buttons, labels), the links to the feeds and the pager to other posts.
BLOGGER_POST = """\
<html><head><title>Home Lab Notes: Plex says "Server unavailable" after a router swap</title></head>
<body>
<div class='blog-posts hfeed'><div class='post-outer'><div class='post hentry'>
<h3 class='post-title entry-title'>Plex says "Server unavailable" after a router swap</h3>
<div class='post-header'><div class='post-header-line-1'></div></div>
<div class='post-body entry-content' id='post-body-4412'>
<p>After the new router went in, every client shows:</p>
<p><i>Server unavailable: the server is offline or not reachable (status 0x1F4)</i></p>
<ol><li>Give the server a fixed address in the router's DHCP table.</li>
<li>Forward port 32400 to that address.</li>
<li>Turn on Remote Access again in the server settings.</li></ol>
</div>
<div class='post-footer'>
<div class='post-footer-line post-footer-line-1'><span class='post-author vcard'>Posted by <span class='fn'>Tomasz</span></span>
<span class='post-timestamp'>at <a class='timestamp-link' href='#'><abbr class='published'>9:05 PM</abbr></a></span>
<span class='post-comment-link'>No comments:</span></div>
<div class='post-share-buttons goog-inline-block'><a class='share-button sb-email' href='#'><span class='share-button-link-text'>Email This</span></a>
<a class='share-button sb-blog' href='#'><span class='share-button-link-text'>BlogThis!</span></a></div>
<div class='post-footer-line post-footer-line-2'><span class='post-labels'>Labels: <a href='#' rel='tag'>networking</a>, <a href='#' rel='tag'>plex</a></span></div>
</div></div></div></div>
<div class='blog-pager' id='blog-pager'><a class='blog-pager-newer-link' href='#'>Newer Post</a> <a class='home-link' href='#'>Home</a></div>
<div class='post-feeds'><div class='feed-links'>Subscribe to: <a class='feed-link' href='#'>Post Comments (Atom)</a></div></div>
</body></html>
"""


def test_a_blogger_post_s_footer_feeds_and_pager_are_the_template_s() -> None:
    """The footer's "Posted by … at …", "Email This", "Labels: …" and "Subscribe to: Post Comments (Atom)"
    were the post's steps, shown in a high answer."""
    article = parse_article(BLOGGER_POST.encode(), "plex.html")
    [problem] = article.problems
    assert (
        "Server unavailable: the server is offline or not reachable (status 0x1F4)" in problem.error_messages
    )
    assert [s.text for s in problem.steps] == [
        "Give the server a fixed address in the router's DHCP table.",
        "Forward port 32400 to that address.",
        "Turn on Remote Access again in the server settings.",
    ]
    assert not problem.notes
    everything = " ".join([article.body, problem.body, problem.symptoms])
    for furniture in ("Posted by", "Email This", "Labels:", "Newer Post", "Subscribe to"):
        assert furniture not in everything


def test_a_section_of_the_post_about_its_footer_stays_the_post_s() -> None:
    """Guard: a class that only begins like the template's ("post-footer-fix", a section's own) is the post's."""
    page = BLOGGER_POST.replace(
        "<ol><li>Give",
        "<div class='post-footer-fix'><p>Check the cable first.</p></div><ol><li>Give",
    )
    [problem] = parse_article(page.encode(), "plex.html").problems
    assert "Check the cable first." in " ".join(
        [problem.symptoms, problem.body, *(n.text for n in problem.notes)]
    )


# A post as a WordPress theme renders it: the article, then Jetpack's share block inside its content, and
# the theme's sidebar of widgets after it.
WORDPRESS_THEME_POST = """\
<html><head><title>Samba share asks for a password again &#8211; Admin Scratchpad</title></head>
<body class="post-template-default single single-post">
<div id="page" class="site"><div id="content" class="site-content">
<div id="primary" class="content-area"><main id="main" class="site-main">
<article id="post-311" class="post-311 post type-post status-publish">
<header class="entry-header"><h1 class="entry-title">Samba share asks for a password again</h1></header>
<div class="entry-content">
<p><code>smbclient //files/team</code> fails with:</p>
<pre>session setup failed: NT_STATUS_LOGON_FAILURE</pre>
<ol>
<li>Set <code>ntlm auth = ntlmv2-only</code> in <code>smb.conf</code>.</li>
<li>Restart smbd and map the share again.</li>
</ol>
<div class="sharedaddy sd-sharing-enabled"><div class="robots-nocontent sd-block sd-social sd-social-icon-text sd-sharing">
<h3 class="sd-title">Share this:</h3><div class="sd-content"><ul>
<li class="share-twitter"><a class="share-twitter sd-button" href="#"><span>Twitter</span></a></li>
<li class="share-linkedin"><a class="share-linkedin sd-button" href="#"><span>LinkedIn</span></a></li>
</ul></div></div></div>
</div>
</article>
</main></div>
<aside id="secondary" class="widget-area" role="complementary">
<section id="search-2" class="widget widget_search"><form role="search"><label>Search for:</label></form></section>
<section id="recent-posts-2" class="widget widget_recent_entries"><h2 class="widget-title">Recent Posts</h2>
<ul><li><a href="#">NFS mount hangs: server not responding</a></li><li><a href="#">rsync: connection unexpectedly closed</a></li></ul></section>
<section id="archives-2" class="widget widget_archive"><h2 class="widget-title">Archives</h2><ul><li><a href="#">May 2024</a></li></ul></section>
</aside>
</div></div>
</body></html>
"""


def test_a_wordpress_post_s_share_block_is_no_group_of_steps() -> None:
    """Jetpack's "Share this:" block in the post's content was a group of steps, "Twitter", "LinkedIn"."""
    [problem] = parse_article(WORDPRESS_THEME_POST.encode(), "samba.html").problems
    assert problem.error_messages == ["session setup failed: NT_STATUS_LOGON_FAILURE"]
    assert [(s.group, s.text) for s in problem.steps] == [
        (None, "Set ntlm auth = ntlmv2-only in smb.conf."),
        (None, "Restart smbd and map the share again."),
    ]
    assert not any(word in n.text for n in problem.notes for word in ("Share", "Twitter"))


def test_a_wordpress_theme_s_sidebar_widgets_are_no_problems() -> None:
    """The sidebar's "Recent Posts" and "Archives" widgets were problems whose steps were other posts' titles."""
    article = parse_article(WORDPRESS_THEME_POST.encode(), "samba.html")
    assert [p.title for p in article.problems] == ["Samba share asks for a password again"]
    assert "NFS mount hangs" not in article.body


def test_a_section_about_sharing_or_widgets_stays_the_article_s() -> None:
    """Guard: a block of the article named for what it is about ("sharing-permissions", a builder's
    "elementor-widget-text-editor") is read."""
    page = WORDPRESS_THEME_POST.replace(
        "<ol>\n",
        '<div class="sharing-permissions"><p>Check the share permissions first.</p></div>'
        '<div class="elementor-widget-text-editor"><p>Look at the client log too.</p></div>\n<ol>\n',
    )
    [problem] = parse_article(page.encode(), "samba.html").problems
    text = " ".join([problem.symptoms, problem.body, *(n.text for n in problem.notes)])
    assert "Check the share permissions first." in text and "Look at the client log too." in text


# Blogger's compose editor writes a post's lines as text and <br /> in one <div>, a blank line as two of them.
BLOGGER_LINES_POST = """\
<html><head><title>Home Lab Notes: Plex says "Server unavailable" after a router swap</title></head>
<body><div class='post hentry'>
<h3 class='post-title entry-title'>Plex says "Server unavailable" after a router swap</h3>
<div class='post-body entry-content'>
<div dir="ltr">After the new router went in, every client shows:<br /><br />
<span style="color: red;"><i>Server unavailable: the server is offline or not reachable (status 0x1F4)</i></span><br /><br />
<b>Fix:</b><br />
Step 1: Give the server a fixed address in the router's DHCP table.<br />
Step 2: Forward port 32400 to that address.<br />
Step 3: Turn on Remote Access again in the server settings.<br /></div>
</div></div></body></html>
"""


def test_a_blank_line_of_two_line_breaks_parts_a_blog_post_s_paragraphs() -> None:
    """One paragraph of the whole body, "Step 1: …" was lost and Steps 2 and 3 were one step."""
    [problem] = parse_article(BLOGGER_LINES_POST.encode(), "plex.html").problems
    assert (
        "Server unavailable: the server is offline or not reachable (status 0x1F4)" in problem.error_messages
    )
    assert [s.text for s in problem.steps] == [
        "Give the server a fixed address in the router's DHCP table.",
        "Forward port 32400 to that address.",
        "Turn on Remote Access again in the server settings.",
    ]


def test_one_line_break_keeps_a_paragraph_s_lines_together() -> None:
    """Guard: lines parted by one <br> stay one block, and a blank line inside a list item stays the item's."""
    page = (
        "<html><body><h1>Backup job fails with VSS error</h1>\n"
        "<p>The job log shows:<br>VSS snapshot failed: 0x8004230F<br>on every run since Monday.</p>\n"
        "<ol><li>Restart the Volume Shadow Copy service.<br><br>It may take a minute.</li>"
        "<li>Run the job again.</li></ol></body></html>"
    )
    [problem] = parse_article(page.encode(), "vss.html").problems
    assert problem.symptoms.startswith("The job log shows:")
    assert "on every run since Monday." in problem.symptoms
    assert len(problem.steps) == 2
    assert "It may take a minute." in problem.steps[0].text


# A Blogger post whose author heads each problem with a line in bold and a larger font, as the editor's
# "Heading" button is seldom used: no <h2>, only <b><span style="font-size: large;">…</span></b><br />.
BLOGGER_BOLD_HEADINGS_POST = """\
<html><head><title>Home Lab Notes: Two Plex errors after a router swap</title></head>
<body><div class='post hentry'>
<h3 class='post-title entry-title'>Two Plex errors after a router swap</h3>
<div class='post-body entry-content'>
<div dir="ltr">
<b><span style="font-size: large;">1. Clients say the server is unavailable</span></b><br /><br />
<i>Server unavailable: the server is offline or not reachable (status 0x1F4)</i><br /><br />
<b>Cause:</b> The server got a new address from the router.<br /><br />
<ol><li>Give the server a fixed address in the router's DHCP table.</li><li>Sign in to the server again.</li></ol>
<span style="font-size: x-large;"><b>2. Remote access shows "Not available outside your network"</b></span><br /><br />
<i>Remote access failed: port 32400 is not reachable (status 0x1F7)</i><br /><br />
<b>Cause:</b> The new router does not forward the port.<br /><br />
<ol><li>Forward port 32400 to the server.</li><li>Turn on Remote Access again.</li></ol>
</div></div></div></body></html>
"""


def test_a_blog_post_s_bold_lines_in_a_larger_font_head_its_problems() -> None:
    """Read as bold text, the second heading and its message were a note of the first problem's steps."""
    first, second = parse_article(BLOGGER_BOLD_HEADINGS_POST.encode(), "plex.html").problems
    assert first.title == "Clients say the server is unavailable"
    assert "Server unavailable: the server is offline or not reachable (status 0x1F4)" in first.symptoms
    assert first.cause == "The server got a new address from the router."
    assert [s.text for s in first.steps] == [
        "Give the server a fixed address in the router's DHCP table.",
        "Sign in to the server again.",
    ]
    assert not first.notes
    assert second.title == 'Remote access shows "Not available outside your network"'
    assert "Remote access failed: port 32400 is not reachable (status 0x1F7)" in second.symptoms
    assert second.cause == "The new router does not forward the port."
    assert [s.text for s in second.steps] == [
        "Forward port 32400 to the server.",
        "Turn on Remote Access again.",
    ]


def test_a_bold_line_in_the_body_s_font_or_in_a_sentence_heads_nothing() -> None:
    """Guard: a bold line in the text's own size, or a larger bold run inside a sentence, is no heading."""
    page = BLOGGER_BOLD_HEADINGS_POST.replace(
        '<span style="font-size: x-large;"><b>2. Remote access shows "Not available outside your network"</b></span>',
        "<b>Remote access shows this too:</b>",
    ).replace(
        "<b>Cause:</b> The server got",
        'Check that the <b><span style="font-size: large;">server</span></b> is on.<br /><br /><b>Cause:</b> The server got',
    )
    converted = html_as_markdown(page, page=True)
    assert converted is not None
    headings = [line for line in converted[0].splitlines() if line.startswith("#")]
    assert headings == [
        "### Two Plex errors after a router swap",
        "#### 1\\. Clients say the server is unavailable",
    ]


def test_a_block_editor_post_s_small_print_sign_off_after_a_separator_is_no_note() -> None:
    """ "Filed under Printing. Found this useful? Share it with your team!" after a wp:separator was a note
    of the last fix, shown in its answer."""
    page = (
        '<!-- wp:heading -->\n<h2 class="wp-block-heading">Receipt printer prints blank pages</h2>\n'
        "<!-- /wp:heading -->\n\n<!-- wp:paragraph -->\n<p>The till shows <code>PRN-E07: paper feed fault</code>"
        " and every receipt comes out blank.</p>\n<!-- /wp:paragraph -->\n\n"
        '<!-- wp:list {"ordered":true} -->\n<ol><!-- wp:list-item -->\n<li>Turn the paper roll over.</li>\n'
        "<!-- /wp:list-item -->\n\n<!-- wp:list-item -->\n<li>Print a test receipt.</li>\n<!-- /wp:list-item -->"
        "</ol>\n<!-- /wp:list -->\n\n<!-- wp:separator -->\n"
        '<hr class="wp-block-separator has-alpha-channel-opacity"/>\n<!-- /wp:separator -->\n\n'
        '<!-- wp:paragraph {"fontSize":"small"} -->\n<p class="has-small-font-size">Filed under Printing. '
        "Found this useful? Share it with your team!</p>\n<!-- /wp:paragraph -->\n"
    )
    [problem] = parse_article(page.encode(), "receipts.html").problems
    assert [s.text for s in problem.steps] == ["Turn the paper roll over.", "Print a test receipt."]
    assert problem.notes == []


def test_a_paragraph_after_a_separator_that_says_what_to_do_stays_the_fix_s() -> None:
    """Guard: after an <hr>, a further step of the fix is still the fix's."""
    page = (
        "<html><body><h2>Receipt printer prints blank pages</h2><p>Every receipt comes out blank.</p>"
        "<ol><li>Turn the paper roll over.</li><li>Print a test receipt.</li></ol><hr>"
        "<p>If it is still blank, replace the thermal head.</p></body></html>"
    )
    [problem] = parse_article(page.encode(), "receipts.html").problems
    said = [n.text for n in problem.notes] + [s.text for s in problem.steps]
    assert any("replace the thermal head" in text for text in said)


@pytest.mark.parametrize(
    "header",
    [
        "<div class='header-outer'><div class='Header widget' id='Header1'><div class='header-inner'>"
        "<h1 class='title'><a href='/'>Home Lab Notes</a></h1><p class='description'>Self-hosting, the hard way</p>"
        "</div></div></div>",
        '<header id="masthead" class="site-header"><div class="site-branding"><h1 class="site-title">'
        '<a href="/">Home Lab Notes</a></h1><p class="site-description">Self-hosting, the hard way</p></div></header>',
    ],
)
def test_a_blog_s_header_with_its_name_does_not_title_the_post(header: str) -> None:
    """Blogger's header widget (the blog's name in an <h1>) titled every post "Home Lab Notes"."""
    page = BLOGGER_POST.replace("<body>\n", f"<body>\n{header}\n")
    article = parse_article(page.encode(), "plex.html")
    assert article.title == 'Plex says "Server unavailable" after a router swap'
    assert "Self-hosting, the hard way" not in article.body


def test_a_page_header_around_the_article_s_title_is_the_article_s() -> None:
    """Guard: a theme's "page-header" wraps the article's own title, which titles it."""
    page = (
        '<html><body><div class="page-header"><h1>Plex says "Server unavailable"</h1></div>'
        "<p>Every client shows the server as offline.</p><ol><li>Restart the server.</li>"
        "<li>Sign in again.</li></ol></body></html>"
    )
    assert parse_article(page.encode(), "plex.html").title == 'Plex says "Server unavailable"'


def test_a_number_before_the_heading_in_the_title_is_no_site_name() -> None:
    """Guard: an error's or a record's number before the heading's words is the title's, not a site's name."""
    page = (
        "<html><head><title>KB0012: Printer offline</title></head><body><h3>Printer offline</h3>"
        "<p>The queue shows the printer as offline.</p><ol><li>Restart the spooler.</li><li>Print again.</li></ol>"
        "</body></html>"
    )
    assert parse_article(page.encode(), "printer.html").title == "KB0012: Printer offline"


# A newsletter post saved from Substack: each <h2> is one way the mail goes wrong, what is seen, then the
# steps, one of them introduced by a lead-in line of its own ("What to do:") as an author talks.
SUBSTACK_POST = """<html><head><title>When the backups stop - The Storage Letter</title></head>
<body><div class="single-post"><div class="post">
<div class="post-header"><h1 class="post-title">When the backups stop</h1></div>
<div class="available-content"><div class="body markup" dir="auto">
<h2 class="header-anchor-post">The loud one: rsync exits with code 23</h2>
<p>The nightly job fails and its log ends with:</p>
<pre><code>rsync error: some files/attrs were not transferred (see previous errors) (code 23)</code></pre>
<p>What to do:</p>
<ol><li><p>Find the files it names as "Permission denied".</p></li><li><p>Give the backup user read access to them.</p></li></ol>
<h2 class="header-anchor-post">The quiet one: the job reports success but copies nothing</h2>
<p>The log says the job finished, but the newest file on the backup disk is a week old.</p>
<ol><li><p>Check that the source path still points at the mounted volume.</p></li><li><p>Remount the volume and run the job by hand.</p></li></ol>
</div></div></div></div></body></html>
"""


def test_a_lead_in_line_before_one_section_s_steps_leaves_its_sibling_sections_problems() -> None:
    """ "What to do:" alone before one section's list framed that section as a problem's parts, and the
    sibling section of what is seen and steps, written just as it is, became body: that problem was lost."""
    article = parse_article(SUBSTACK_POST.encode(), "backups.html")
    assert [p.title for p in article.problems] == [
        "The loud one: rsync exits with code 23",
        "The quiet one: the job reports success but copies nothing",
    ]
    loud, quiet = article.problems
    assert loud.error_messages == [
        "rsync error: some files/attrs were not transferred (see previous errors) (code 23)"
    ]
    assert [s.text for s in loud.steps] == [
        'Find the files it names as "Permission denied".',
        "Give the backup user read access to them.",
    ]
    assert quiet.symptoms.startswith("The log says the job finished")
    assert [s.text for s in quiet.steps] == [
        "Check that the source path still points at the mounted volume.",
        "Remount the volume and run the job by hand.",
    ]


def test_a_section_of_steps_beside_a_problem_with_a_labelled_cause_stays_body() -> None:
    """Guard: a lead-in line beside a part its section labels ("Cause:") still frames a problem, and a
    section of steps alone beside it is no answer of its own, searchable only."""
    page = (
        "<html><head><title>Backup problems</title></head><body><h1>Backup problems</h1>\n"
        "<h2>rsync exits with code 23</h2>\n<p>The nightly job fails.</p>\n"
        "<p><strong>Cause:</strong> the backup user cannot read some files.</p>\n<p>What to do:</p>\n"
        "<ol><li>Give the backup user read access.</li></ol>\n"
        "<h2>The job asks for a password</h2>\n"
        "<ol><li>Open the job's log folder.</li><li>Zip the newest file.</li></ol>\n</body></html>"
    )
    article = parse_article(page.encode(), "backup.html")
    assert [p.title for p in article.problems] == ["rsync exits with code 23"]
    assert article.problems[0].cause == "the backup user cannot read some files."
    assert "Zip the newest file." in article.body


# A post saved from a newsletter platform, the platform's sign-up box written into its body or after it:
# Substack's subscription widget (its caption, an email field, a button), Ghost's call to sign up after
# the post (its heading, an email field, "Subscribe").
SIGN_UP_PAGE = """<html><head><title>Tape library stops at 98% - The Storage Letter</title></head>
<body><main><article class="post">
<h1 class="post-title">Tape library stops at 98%</h1>
<section class="gh-content">
<h2>Drive 2 does not unload</h2>
<p>Backup jobs stop at 98 percent and the job log shows <code>TL-5507: drive 2 did not unload</code>.</p>
<ol><li><p>Update the library firmware to 4.12 or later.</p></li><li><p>Run the job again.</p></li></ol>
{inside}
</section></article>
{after}
</main></body></html>
"""
SUBSTACK_WIDGET = (
    '<div class="subscription-widget-wrap-editor" data-attrs="{}"><div class="subscription-widget show-subscribe">'
    '<div class="preamble"><p class="cta-caption">Thanks for reading The Storage Letter! Subscribe for free to '
    'receive new posts.</p></div><form class="subscription-widget-subscribe"><input type="email" '
    'placeholder="Type your email…"><input type="submit" value="Subscribe"></form></div></div>'
)
GHOST_FOOTER_CTA = (
    '<section class="footer-cta outer"><div class="inner"><h2 class="footer-cta-title">Sign up for more like '
    'this.</h2><a class="footer-cta-button" href="#/portal" data-portal><div class="footer-cta-input">Enter your '
    "email</div><span>Subscribe</span></a></div></section>"
)


@pytest.mark.parametrize(("inside", "after"), [(SUBSTACK_WIDGET, ""), ("", GHOST_FOOTER_CTA)])
def test_a_newsletter_s_sign_up_box_is_no_part_of_the_post(inside: str, after: str) -> None:
    """Substack's subscription widget in the body was a note of the fix ("Thanks for reading …"), and
    Ghost's call to sign up after the post a problem of its own, its email field and button the steps."""
    article = parse_article(
        SIGN_UP_PAGE.replace("{inside}", inside).replace("{after}", after).encode(), "tape.html"
    )
    [problem] = article.problems
    assert problem.title == "Drive 2 does not unload"
    assert [s.text for s in problem.steps] == [
        "Update the library firmware to 4.12 or later.",
        "Run the job again.",
    ]
    assert problem.notes == []
    for furniture in ("Thanks for reading", "Sign up for more", "Enter your email", "Subscribe"):
        assert furniture not in article.body


def test_a_post_s_own_section_about_subscriptions_stays_the_post_s() -> None:
    """Guard: a section the post writes about a subscription ("subscription-renewal", its heading's anchor)
    is the post's: only a sign-up box's classes make it the platform's."""
    inside = (
        '<div class="subscription-renewal"><h2>Renewal fails with error 402</h2><p>The renewal page shows '
        "<code>402 Payment Required</code>.</p><ol><li>Update the card on file.</li></ol></div>"
    )
    article = parse_article(
        SIGN_UP_PAGE.replace("{inside}", inside).replace("{after}", "").encode(), "tape.html"
    )
    assert [p.title for p in article.problems] == ["Drive 2 does not unload", "Renewal fails with error 402"]


# A story saved from Medium: its title and subtitle, the bar of its byline, read time and claps that
# Medium marks for read-aloud tools to skip, the story, then after it the tags, the claps, the author's
# card, the readers' responses and more stories by the author.
MEDIUM_STORY = """<html><head><title>When Nginx says 413 | by Ana Lima | Medium</title></head>
<body><div id="root"><article><section>
<h1 class="pw-post-title">When Nginx says 413</h1>
<h2 class="pw-subtitle-paragraph">Uploads over one megabyte failed, and the app was not to blame</h2>
<div class="speechify-ignore"><div><a href="/@ana">Ana Lima</a><span>·</span><button>Follow</button></div>
<div><span data-testid="storyReadTime">4 min read</span><span>·</span><span>Nov 3, 2026</span></div>
<div><p class="pw-multi-vote-count"><button>870</button></p><p class="pw-responses-count">9</p></div></div>
<h2>413 Request Entity Too Large</h2>
<p>Uploading a file over 1 MB returns an error page:</p>
<pre><span>413 Request Entity Too Large</span></pre>
<ol><li>Set client_max_body_size 20M; in the server block.</li><li>Reload Nginx with nginx -s reload.</li></ol>
</section></article>
<div><a href="/tag/nginx">Nginx</a><a href="/tag/devops">DevOps</a></div>
<div><span>870</span><span>9</span></div>
<div><h2><a href="/@ana">Written by Ana Lima</a></h2><span>1.1K Followers</span><button>Follow</button></div>
<div><h2>Responses (9)</h2><div class="pw-response"><a>Omar T</a>
<p>Same 413 Request Entity Too Large behind a load balancer, raised its limit too.</p><button>Reply</button></div></div>
<div><h2>More from Ana Lima</h2><a href="/pg-locks">Postgres deadlock detected on a busy table</a></div>
</div></body></html>
"""


def test_a_medium_story_s_byline_bar_and_subtitle_heading_are_no_problem() -> None:
    """The subtitle heading and the byline bar under it were a problem whose steps were the author, the read
    time and the claps."""
    story = MEDIUM_STORY[: MEDIUM_STORY.index("</article>")] + "</article></div></body></html>"
    article = parse_article(story.encode(), "nginx-413.html")
    [problem] = article.problems
    assert problem.title == "When Nginx says 413"
    assert problem.error_messages == ["413 Request Entity Too Large"]
    assert problem.symptoms == "Uploading a file over 1 MB returns an error page:"
    assert [s.text for s in problem.steps] == [
        "Set client_max_body_size 20M; in the server block.",
        "Reload Nginx with nginx -s reload.",
    ]
    assert problem.notes == []
    assert "4 min read" not in article.body and "870" not in article.body
    assert "Uploads over one megabyte failed" in article.body


def test_what_follows_a_medium_story_is_no_part_of_it() -> None:
    """The author's card, the responses and "More from …" after the story were problems of their own, a
    reader's response ranked above the story's fix, and the tags and counts notes of the fix."""
    article = parse_article(MEDIUM_STORY.encode(), "nginx-413.html")
    [problem] = article.problems
    assert [s.text for s in problem.steps] == [
        "Set client_max_body_size 20M; in the server block.",
        "Reload Nginx with nginx -s reload.",
    ]
    assert problem.notes == []
    text = " ".join([article.body, *(p.body for p in article.problems)])
    for furniture in ("Written by", "Responses (9)", "load balancer", "More from", "deadlock", "DevOps"):
        assert furniture not in text


def test_a_page_of_several_articles_is_read_past_the_first() -> None:
    """Guard: a page of several <article> elements (a thread's posts) is read whole: only a page's one
    story ends the page's own text."""
    page = (
        "<html><body><h1>Printer jams on tray 2</h1>\n<article><p>Tray 2 jams on every job.</p></article>\n"
        "<article><h2>Answer</h2><ol><li>Clean the tray 2 pickup roller.</li><li>Print a test page.</li></ol>"
        "</article>\n</body></html>"
    )
    [problem] = parse_article(page.encode(), "jam.html").problems
    assert [s.text for s in problem.steps] == ["Clean the tray 2 pickup roller.", "Print a test page."]


# A Ghost post: its editor's call-out cards, each an icon in a block of its own, then the text.
GHOST_CARDS = """<html><head><title>Label printer</title><meta name="generator" content="Ghost 5.74"></head>
<body class="post-template"><main id="site-main"><article class="article post">
<header class="article-header gh-canvas"><h1 class="article-title">Label printer notes</h1></header>
<section class="gh-content gh-canvas">
<h2 id="e-402">Label printer shows E-402</h2>
<p>The display shows <strong>"E-402 Head open"</strong> although the head is closed.</p>
<div class="kg-card kg-callout-card kg-callout-card-red"><div class="kg-callout-emoji">⚠️</div><div class="kg-callout-text">Never touch the print head right after printing: it is hot.</div></div>
<div class="kg-card kg-callout-card kg-callout-card-yellow"><div class="kg-callout-emoji">💡</div><div class="kg-callout-text">Cause: the head sensor is dirty and reads the head as open.</div></div>
<ol><li>Clean the head sensor with an alcohol swab.</li><li>Close the head firmly until it clicks.</li></ol>
</section></article></main></body></html>
"""


def test_a_ghost_call_out_card_is_of_the_kind_its_icon_says_and_states_the_part_it_is_labelled() -> None:
    """A red card with ⚠️ was read as the cause (or as symptoms): it is a warning, a note of the fix. A
    card whose text opens with "Cause:" states the cause (guard), without its icon."""
    [problem] = parse_article(GHOST_CARDS.encode(), "label.html").problems
    assert problem.cause == "the head sensor is dirty and reads the head as open."
    assert "hot" not in problem.symptoms and "hot" not in problem.cause
    assert [n.text for n in problem.notes] == [
        "Warning: Never touch the print head right after printing: it is hot."
    ]
    assert [s.text for s in problem.steps] == [
        "Clean the head sensor with an alcohol swab.",
        "Close the head firmly until it clicks.",
    ]


# A Substack post with a footnote: its mark after a sentence, and the footnote at the post's end.
FOOTNOTED_POST = """<html><head><title>Tape library stops at 98% - The Storage Letter</title></head>
<body><div class="single-post"><div class="post">
<div class="post-header"><h1 class="post-title">Tape library stops at 98%</h1></div>
<div class="available-content"><div class="body markup" dir="auto">
<h2 class="header-anchor-post">TL-5507: drive 2 did not unload</h2>
<pre><code>TL-5507: drive 2 did not unload</code></pre>
<p>The drive's firmware is older than the library's and misses the unload command.<a class="footnote-anchor" id="footnote-anchor-1" href="#footnote-1">1</a></p>
<ol><li><p>Update the drive firmware.</p></li><li><p>Run the job again.</p></li></ol>
<div class="footnote"><a id="footnote-1" href="#footnote-anchor-1" class="footnote-number">1</a><div class="footnote-content"><p>The library's web page lists both versions under Firmware.</p></div></div>
</div></div></div></div></body></html>
"""


def test_a_footnote_s_marks_are_no_words_of_the_text_or_its_notes() -> None:
    """The mark was glued to the cause ("… unload command.1") and its number at the footnote stood as a
    note of its own; the footnote's text stays a note."""
    [problem] = parse_article(FOOTNOTED_POST.encode(), "tape.html").problems
    assert problem.cause == "The drive's firmware is older than the library's and misses the unload command."
    assert [n.text for n in problem.notes] == ["The library's web page lists both versions under Firmware."]
    assert [s.text for s in problem.steps] == ["Update the drive firmware.", "Run the job again."]


def test_a_link_to_a_footnotes_section_stays_the_text_s() -> None:
    """Guard: a link the text writes about footnotes, with no footnote mark's class, keeps its words."""
    page = FOOTNOTED_POST.replace(
        '<a class="footnote-anchor" id="footnote-anchor-1" href="#footnote-1">1</a>',
        ' See <a class="footnotes-guide" href="/guide">the footnote guide</a>.',
    )
    [problem] = parse_article(page.encode(), "tape.html").problems
    assert "the footnote guide" in problem.cause


# A Ghost post: a section headed by the error, a call-out card stating its cause, the steps, then a toggle
# card whose heading asks whether it still fails and whose content is one more thing to try.
GHOST_CAUSE_THEN_TOGGLE = """<html><head><title>Scanner notes</title><meta name="generator" content="Ghost 5.80"></head>
<body class="post-template"><main id="site-main"><article class="article post">
<header class="article-header gh-canvas"><h1 class="article-title">Document scanner notes</h1></header>
<section class="gh-content gh-canvas">
<h2 id="scan-to-folder">Scan to folder fails with "Cannot connect to server"</h2>
<p>The panel shows <code>Cannot connect to server</code> after the scan finishes.</p>
<div class="kg-card kg-callout-card kg-callout-card-yellow"><div class="kg-callout-emoji">💡</div><div class="kg-callout-text">Cause: the file server no longer accepts SMB1, which the scanner uses by default.</div></div>
<ol><li>Open the scanner's web page and set the SMB version to 3.</li><li>Save and scan a test page.</li></ol>
<div class="kg-card kg-toggle-card" data-kg-toggle-state="close"><div class="kg-toggle-heading"><h4 class="kg-toggle-heading-text">Same error after the change? Check the share path</h4><button class="kg-toggle-card-icon" aria-label="Expand toggle to read content"><svg viewBox="0 0 24 24"><path d="M23.25,7.311"></path></svg></button></div><div class="kg-toggle-content"><p>Enter the path as <code>\\\\files01\\scans</code> and not as a mapped drive letter.</p></div></div>
</section></article></main></body></html>
"""


def test_a_toggle_card_asking_after_the_steps_goes_on_with_the_problem_whose_cause_a_card_states() -> None:
    """With the "Cause:" card, the toggle was a problem of its own: like the same section without the card,
    it is one more group of steps of the problem it sits in."""
    [problem] = parse_article(GHOST_CAUSE_THEN_TOGGLE.encode(), "scanner.html").problems
    assert problem.title == 'Scan to folder fails with "Cannot connect to server"'
    assert problem.cause == "the file server no longer accepts SMB1, which the scanner uses by default."
    assert [(s.group, s.text) for s in problem.steps] == [
        (None, "Open the scanner's web page and set the SMB version to 3."),
        (None, "Save and scan a test page."),
        (
            "Same error after the change? Check the share path",
            "Enter the path as \\\\files01\\scans and not as a mapped drive letter.",
        ),
    ]


def test_a_question_under_a_section_that_names_no_error_stays_a_problem_of_its_own() -> None:
    """Guard: under a heading that is no problem's (a topic over a "Cause:" card), a question heading
    still asks a problem of its own."""
    page = GHOST_CAUSE_THEN_TOGGLE.replace(
        'Scan to folder fails with "Cannot connect to server"', "Scanning to a network folder"
    ).replace("<p>The panel shows <code>Cannot connect to server</code> after the scan finishes.</p>", "")
    titles = [p.title for p in parse_article(page.encode(), "scanner.html").problems]
    assert "Same error after the change? Check the share path" in titles


# A Blogger post that quotes each error on a line of its own in italics (red, as the screen shows it),
# with the number the system gives the message, under the bold line in a larger font that heads it.
BLOGGER_ITALIC_ERRORS_POST = """\
<html><head><title>Warehouse Notes: Two goods receipt errors</title></head>
<body><div class='post hentry'>
<h3 class='post-title entry-title'>Two goods receipt errors</h3>
<div class='post-body entry-content'>
<div dir="ltr">
<b><span style="font-size: large;">Error 1: Storage bin is blocked</span></b><br /><br />
<span style="color: red;"><i>Storage bin 02-014-A is blocked for putaway (Message no. WM217)</i></span><br /><br />
<b>Reason:</b> A stock count left the bin blocked.<br /><br />
<ol><li>Finish or cancel the count on the bin.</li><li>Remove the putaway block in the bin's master data.</li></ol>
<b><span style="font-size: large;">Error 2: Posting period closed</span></b><br /><br />
<span style="color: red;"><i>Posting only possible in periods 2026/11 and 2026/10 (Message no. M7053)</i></span><br /><br />
<b>Reason:</b> The material period was not moved on at month end.<br /><br />
<ol><li>Move the material period on.</li><li>Post the receipt again.</li></ol>
</div></div></div></body></html>
"""


def test_a_line_wholly_in_italics_that_reports_a_failure_under_a_problem_is_its_error_message() -> None:
    """The italic line quoting the error was only what is seen: the heading's words were the message."""
    first, second = parse_article(BLOGGER_ITALIC_ERRORS_POST.encode(), "receipts.html").problems
    assert first.title == "Error 1: Storage bin is blocked"
    assert "Storage bin 02-014-A is blocked for putaway (Message no. WM217)" in first.error_messages
    assert first.cause == "A stock count left the bin blocked."
    assert [s.text for s in first.steps] == [
        "Finish or cancel the count on the bin.",
        "Remove the putaway block in the bin's master data.",
    ]
    assert second.title == "Error 2: Posting period closed"
    assert "Posting only possible in periods 2026/11 and 2026/10 (Message no. M7053)" in second.error_messages
    assert second.cause == "The material period was not moved on at month end."
    assert [s.text for s in second.steps] == ["Move the material period on.", "Post the receipt again."]


def test_an_italic_sentence_of_the_author_s_is_no_error_message() -> None:
    """Guard: a line in italics that the author writes as a sentence (an update, an aside) is no message."""
    page = BLOGGER_ITALIC_ERRORS_POST.replace(
        "<i>Storage bin 02-014-A is blocked for putaway (Message no. WM217)</i>",
        "<i>Update: this failed again for two readers after the upgrade, so I added the second step.</i>",
    )
    first, _ = parse_article(page.encode(), "receipts.html").problems
    assert not [m for m in first.error_messages if "Update" in m]


OWNERS_MANUAL_SECTION = """<html><body>
<div class="running-head">Model LX Dishwasher Owner's Guide · Chapter 7</div>
<h2>Troubleshooting</h2>
<h3>Dishes come out wet</h3>
<p><b>Symptom:</b> The display shows "Drying failed. Check rinse aid." at the end of the cycle.</p>
<ul><li>Refill the rinse aid dispenser.</li><li>Select the Extra Dry option.</li></ul>
<p><b>NOTE:</b> Plastic items hold water and may stay wet.</p>
<h3>Door will not latch</h3>
<p><b>Symptom:</b> "Door is not closed" message appears and the cycle does not start.</p>
<ul><li>Push the lower rack fully in.</li></ul>
</body></html>
"""


def test_an_owners_manual_entry_with_a_symptom_lead_in_over_remedies_is_a_problem_each() -> None:
    """An owner's manual's troubleshooting section: an H3 per problem, a bold "Symptom:" lead-in and a
    bulleted list of remedies. The label named its paragraph only, the remedies were left to the heading,
    and every entry was merged into one problem of the whole page, titled by its file name."""
    article = parse_article(OWNERS_MANUAL_SECTION.encode(), "manual/troubleshooting.html")
    wet, latch = article.problems
    assert (wet.title, latch.title) == ("Dishes come out wet", "Door will not latch")
    assert wet.error_messages == ["Drying failed. Check rinse aid."]
    assert [s.text for s in wet.steps] == ["Refill the rinse aid dispenser.", "Select the Extra Dry option."]
    assert latch.error_messages == ["Door is not closed"]
    assert [s.text for s in latch.steps] == ["Push the lower rack fully in."]
    assert "Owner's Guide" not in wet.symptoms


def test_a_symptom_label_over_a_labelled_fix_is_still_read_as_its_part() -> None:
    # Guard: a "Symptom:" paragraph followed by a labelled solution keeps both labels as parts.
    page = (
        "<html><body><h2>Dishes come out wet</h2>"
        '<p><b>Symptom:</b> The display shows "Rinse aid low".</p>'
        "<p><b>Solution:</b></p><ol><li>Refill the rinse aid dispenser.</li></ol></body></html>"
    )
    [problem] = parse_article(page.encode(), "wet.html").problems
    assert problem.symptoms == 'The display shows "Rinse aid low".'
    assert [s.text for s in problem.steps] == ["Refill the rinse aid dispenser."]


def test_a_delivery_status_heading_that_quotes_the_log_is_a_problem() -> None:
    # "Status: …" was read as where a known issue stands, so the sections the page is about were its
    # body and its one problem the reference section after them.
    page = (
        "<html><head><title>Fix failed deliveries</title></head><body><article>"
        "<h1>Fix failed deliveries</h1>"
        '<h2>Status: Rejected – "certificate has expired or is not yet valid"</h2>'
        "<p>The receiving server presents an expired certificate.</p>"
        "<ol><li>Renew the server's certificate.</li><li>Click <b>Redeliver</b>.</li></ol>"
        '<h2>Status: Dropped – "no response from the endpoint within 10 seconds"</h2>'
        "<ol><li>Allow our egress addresses in your firewall.</li></ol>"
        "<h2>Redelivery</h2><p>Dropped deliveries are sent again 5 times over a day.</p>"
        "</article></body></html>"
    )
    problems = parse_article(page.encode(), "deliveries.html").problems
    assert [(p.error_messages, [s.text for s in p.steps]) for p in problems[:2]] == [
        (
            ["certificate has expired or is not yet valid"],
            ["Renew the server's certificate.", "Click Redeliver."],
        ),
        (
            ["no response from the endpoint within 10 seconds"],
            ["Allow our egress addresses in your firewall."],
        ),
    ]
    # Guard: a known issue's "Status" part stays where it stands, no problem of its own.
    issue = (
        "# Export hangs\n\n## Symptoms\n\nThe export never ends.\n\n## Workaround\n\n1. Export in smaller ranges.\n\n"
        "## Status: fixed in 4.2\n\nThe fix ships in 4.2.\n"
    )
    assert [p.title for p in parse_article(issue.encode(), "export.md").problems] == ["Export hangs"]


SPHINX_EXCEPTIONS = """\
<html><head><title>Errors — ferrykit 2.1 documentation</title></head><body>
<div class="related" role="navigation"><ul><li><a href="index.html">ferrykit 2.1 documentation</a> &#187;</li>
<li>Errors</li></ul></div>
<div class="body" role="main"><section id="errors"><h1>Errors<a class="headerlink" href="#errors">¶</a></h1>
<p>Every error ferrykit raises derives from <code>FerryError</code>.</p>
<dl class="py exception"><dt class="sig sig-object py" id="ferrykit.errors.LeaseExpired">
<em class="property">exception </em><span class="sig-prename">ferrykit.errors.</span><span class="sig-name">LeaseExpired</span>(lease_id)</dt>
<dd><p>Raised when a worker renews a lease after it ran out: <code>ferrykit.errors.LeaseExpired: lease 41 expired 3s ago</code>.</p>
<ol><li>Shorten the job so that it ends within the lease.</li><li>Raise <code>lease_seconds</code>.</li></ol></dd></dl>
<dl class="py exception"><dt class="sig sig-object py" id="ferrykit.errors.QueueSealed">
<em class="property">exception </em><span class="sig-prename">ferrykit.errors.</span><span class="sig-name">QueueSealed</span>(queue)</dt>
<dd><p>Raised when a producer writes to a queue that was sealed: <code>ferrykit.errors.QueueSealed: queue 'billing' is sealed</code>.</p>
<ol><li>Write to the queue's successor.</li></ol></dd></dl>
</section></div></body></html>
"""


def test_a_sphinx_exception_entry_is_a_problem_of_its_own() -> None:
    # The entries were one problem, their steps merged and the second signature a note after them;
    # the breadcrumb over the page was a problem of its own.
    problems = parse_article(SPHINX_EXCEPTIONS.encode(), "errors.html").problems
    assert [(p.title, [s.text for s in p.steps]) for p in problems] == [
        (
            "exception ferrykit.errors.LeaseExpired(lease_id)",
            ["Shorten the job so that it ends within the lease.", "Raise lease_seconds."],
        ),
        ("exception ferrykit.errors.QueueSealed(queue)", ["Write to the queue's successor."]),
    ]
    assert "ferrykit.errors.QueueSealed: queue 'billing' is sealed" in problems[1].error_messages


def test_a_related_bar_is_page_furniture() -> None:
    # Sphinx's classic theme puts its trail in <div class="related">, a help centre its related articles:
    # the trail was a problem of its own, its links steps, and the related articles a step of the last one.
    page = SPHINX_EXCEPTIONS.replace(' role="navigation"', "").replace(
        "</section>",
        '</section><div class="related">Related articles: Leases explained · Sealing a queue</div>',
    )
    problems = parse_article(page.encode(), "errors.html").problems
    assert [p.title for p in problems] == [
        "exception ferrykit.errors.LeaseExpired(lease_id)",
        "exception ferrykit.errors.QueueSealed(queue)",
    ]
    assert not any("Related articles" in s.text for p in problems for s in p.steps)
    assert not any("Related articles" in n.text for p in problems for n in p.notes)
    # Guard: a section whose class names what it relates to ("related-work") stays the article's.
    essay = (
        "<html><body><h1>Lease tuning</h1><h2>Leases expire early</h2><ol><li>Raise the lease.</li></ol>"
        '<div class="related-work"><h2>Queue stalls</h2><ol><li>Restart the broker.</li></ol></div></body></html>'
    )
    assert [p.title for p in parse_article(essay.encode(), "tuning.html").problems] == [
        "Leases expire early",
        "Queue stalls",
    ]


JAVADOC_EXCEPTION = """\
<html><head><title>QuotaBreachedException (Harbor SDK)</title></head><body><main>
<h1 class="title">Class QuotaBreachedException</h1>
<section class="class-description">
<div class="block">Thrown when a tenant writes past its quota:
<code>io.harbor.sdk.QuotaBreachedException: tenant 'acme' exceeded 50 GiB (HRB-2210)</code>.
<p>To recover:</p><ol><li>Delete old snapshots.</li><li>Ask for a larger quota.</li></ol></div>
<dl class="notes"><dt>Since:</dt><dd>2.3</dd><dt>See Also:</dt><dd><a href="#">Serialized Form</a></dd></dl>
</section>
<section class="constructor-summary"><h2>Constructor Summary</h2><code>QuotaBreachedException(String tenant)</code></section>
<section class="method-summary"><h2>Methods inherited from class java.lang.Throwable</h2>
<code>getCause, getMessage, printStackTrace</code></section>
</main></body></html>
"""


def test_javadoc_s_tag_list_and_member_summaries_are_no_part_of_the_problem() -> None:
    # The tag list was notes after the steps ("Since:", "2.3") and the inherited methods a problem.
    [problem] = parse_article(JAVADOC_EXCEPTION.encode(), "quota.html").problems
    assert [s.text for s in problem.steps] == ["Delete old snapshots.", "Ask for a larger quota."]
    assert problem.notes == []
    # Guard: a help page's own <dl> of notes stays read.
    page = (
        "<html><body><h1>Sync fails</h1><p>The sync stops with <code>error: disk full</code>.</p>"
        "<ol><li>Free some disk space.</li></ol>"
        '<div class="notes"><p>Note: the sync resumes by itself.</p></div></body></html>'
    )
    [problem] = parse_article(page.encode(), "sync.html").problems
    assert any("resumes by itself" in n.text for n in problem.notes)


def test_an_api_documenter_s_example_request_and_response_are_no_steps() -> None:
    # The example's JSON body was a group of steps named "Example Response", the request's curl another.
    page = (
        "<html><head><title>Parcelly API</title></head><body><h1>Parcelly Public API</h1>"
        '<h3>403 Forbidden: "Key lacks the shipments:write scope"</h3>'
        "<p>Returned when the key was created read-only.</p>"
        "<ol><li>Create a key with the shipments:write scope.</li><li>Send the request again.</li></ol>"
        "<h4>Example Request</h4><pre>curl --location 'https://api.parcelly.example/v2/shipments' -X POST</pre>"
        "<h4>Example Response</h4>"
        '<pre>{"error": "insufficient_scope", "message": "Key lacks the shipments:write scope"}</pre>'
        "</body></html>"
    )
    [problem] = parse_article(page.encode(), "api.html").problems
    assert [s.text for s in problem.steps] == [
        "Create a key with the shipments:write scope.",
        "Send the request again.",
    ]
    assert problem.title == '403 Forbidden: "Key lacks the shipments:write scope"'
    assert any('"insufficient_scope"' in m for m in problem.error_messages)


# A Windows HTML Help (.chm) topic: its index keywords in the head, a heading per problem, each part
# labelled by a paragraph of bold text alone ("Why this happens", "To fix this problem"), and the
# Related Topics pop-up control at the foot.
HTML_HELP_TOPIC = """\
<html>
<head>
<meta name="MS-HAID" content="ts_sync_errors">
<title>Troubleshooting: Calendar sync problems</title>
<xml><MSHelp:Keyword Index="K" Term="calendar, sync errors"/></xml>
</head>
<body>
<h1>Calendar sync problems</h1>
<h2>Sync stops with error CS-1042</h2>
<p>The sync stops halfway and this message appears:</p>
<p class="msg">Error CS-1042: The calendar store 'Team Rota' is locked by another session.</p>
<p><b>Why this happens</b></p>
<p>A second copy of the planner is still running on this computer.</p>
<p><b>To fix this problem</b></p>
<ol>
<li>Close every window of the planner.</li>
<li>In Task Manager, end any remaining planner process.</li>
<li>Start the sync again.</li>
</ol>
<h2>Appointments appear twice after a sync</h2>
<p>After the sync finishes, the log says "Duplicate appointment keys were found (CS-2210)".</p>
<p><b>Why this happens</b></p>
<p>The calendar was imported from a backup while sync was on.</p>
<p><b>To work around this problem</b></p>
<ol>
<li>Turn sync off for the calendar.</li>
<li>Remove the imported copy.</li>
</ol>
<h4>Related Topics</h4>
<object id="hhctrl" type="application/x-oleobject" classid="clsid:adb880a6-d8ff-11cf-9377-00aa003b7a11">
<param name="Command" value="Related Topics, MENU">
<param name="Item1" value="Set up calendar sync;sync_setup.htm">
</object>
</body>
</html>
"""


def test_a_help_topic_s_bold_labels_to_fix_this_problem_head_each_problem_s_fix(tmp_path: Path) -> None:
    """A help topic labels its fix "To fix this problem" (or "To work around this problem") in a paragraph
    of bold text alone. Unread, the label was the cause's text, the two problems were one, and a pasted
    error of the second was answered with the first one's steps."""
    article = parse_article(HTML_HELP_TOPIC.encode(), "ts_sync_errors.htm")
    assert [p.title for p in article.problems] == [
        "Sync stops with error CS-1042",
        "Appointments appear twice after a sync",
    ]
    locked, duplicates = article.problems
    assert locked.error_messages == [
        "Error CS-1042: The calendar store 'Team Rota' is locked by another session."
    ]
    assert locked.cause == "A second copy of the planner is still running on this computer."
    assert [s.text for s in locked.steps] == [
        "Close every window of the planner.",
        "In Task Manager, end any remaining planner process.",
        "Start the sync again.",
    ]
    assert duplicates.error_messages == ["Duplicate appointment keys were found (CS-2210)"]
    assert duplicates.cause == "The calendar was imported from a backup while sync was on."
    assert [s.text for s in duplicates.steps] == [
        "Turn sync off for the calendar.",
        "Remove the imported copy.",
    ]
    folder = tmp_path / "kb"
    folder.mkdir()
    (folder / "ts_sync_errors.htm").write_text(HTML_HELP_TOPIC, encoding="utf-8")
    build_index([folder], tmp_path / "index.db")
    first = match(
        KnowledgeBase(tmp_path / "index.db"), "Duplicate appointment keys were found (CS-2210)"
    ).matches[0]
    assert first.problem.id == "ts-sync-errors#2"
    assert first.steps[0].text == "Turn sync off for the calendar."


def test_a_heading_that_says_what_it_fixes_is_still_a_problem_of_its_own() -> None:
    """Guard: "To fix this problem" names the part; a heading that names what it fixes ("To fix a printer
    that shows Offline") is a problem of its own, its list the steps."""
    text = (
        "<h1>Printer help</h1><h2>To fix a printer that shows Offline</h2>"
        "<ol><li>Open the print queue.</li><li>Cancel all jobs.</li></ol>"
        "<h2>To fix pages that print blank</h2><p>Every page is white.</p><ol><li>Replace the toner.</li></ol>"
    )
    problems = parse_article(text.encode(), "printing.htm").problems
    assert [p.title for p in problems] == [
        "To fix a printer that shows Offline",
        "To fix pages that print blank",
    ]
    assert [[s.text for s in p.steps] for p in problems] == [
        ["Open the print queue.", "Cancel all jobs."],
        ["Replace the toner."],
    ]


# A message as Mailman's pipermail archives it: the subject with the list's tag in an <h1>, the writer and
# date under it, the archive's links to the previous and next messages, the message in a <pre> between
# its comments (a reply under the question it quotes), and the link to the list's page after it.
PIPERMAIL_MESSAGE = """<HTML>
 <HEAD>
   <TITLE> [nut-upsuser] Driver not connected after moving the UPS to USB
   </TITLE>
 </HEAD>
 <BODY BGCOLOR="#ffffff">
   <H1>[nut-upsuser] Driver not connected after moving the UPS to USB</H1>
    <B>Ines Brandt</B>
    <A HREF="mailto:nut-upsuser%40lists.example.net">ines at example.org
       </A><BR>
    <I>Tue Apr  8 09:14:03 UTC 2025</I>
    <P><UL>
        <LI>Previous message (by thread): <A HREF="013310.html">[nut-upsuser] Battery runtime too low
</A></li>
        <LI>Next message (by thread): <A HREF="013312.html">[nut-upsuser] upsmon shuts down too early
</A></li>
         <LI> <B>Messages sorted by:</B>
              <a href="date.html#13311">[ date ]</a>
              <a href="thread.html#13311">[ thread ]</a>
             </LI>
       </UL>
    <HR>
<!--beginarticle-->
<PRE>On 07.04.25 22:40, Tom Weller wrote:
&gt;<i> since I moved the UPS from serial to USB, upsc prints
</I>&gt;<i>
</I>&gt;<i>   Error: Driver not connected
</I>
The udev rule for the UPS is missing, so the driver cannot open the USB device.

1. Install the nut-server package's udev rules.
2. Run &quot;udevadm trigger&quot; and replug the UPS.
3. Restart nut-driver.

Ines

--
Ines Brandt | Facilities IT
</PRE>
<!--endarticle-->
    <HR>
<a href="https://lists.example.net/mailman/listinfo/nut-upsuser">More information about the nut-upsuser
mailing list</a><br>
</body></html>
"""


RUSSIAN_NOTE_PAGE = """\
<!DOCTYPE html>
<html lang="ru"><head><meta charset="utf-8"><title>Принтер этикеток</title></head>
<body>
<h1>Печать этикеток останавливается после первой</h1>
<h3>Симптомы</h3>
<pre>LBL-3307: label spooler halted unexpectedly</pre>
<h3>Решение</h3>
<ol>
  <li>Откройте свойства принтера.</li>
  <li>Заново выберите порт USB001.</li>
</ol>
<div class="note"><b>{label}</b> Очередь очищается после перезапуска.</div>
</body></html>
"""


DASHBOARD_HELP = """<html><head><title>Storage cluster dashboard - help</title></head>
<body>
<h1>Storage cluster dashboard</h1>
<p>This dashboard shows the health of the object storage cluster, one row per site.</p>
<h2>Panels</h2>
<h3>Disk usage</h3>
<p>Used capacity of each storage node, as a share of its raw capacity.</p>
<table><tr><th>Colour</th><th>Threshold</th></tr><tr><td>Amber</td><td>&gt; 75%</td></tr>
<tr><td>Red</td><td>&gt; 90%</td></tr></table>
<h3>Replication lag</h3>
<p>Seconds between a write at one site and its copy at the other. No thresholds.</p>
<h2>When a panel is red</h2>
<h3>Disk usage is red on one node</h3>
<p>The node's log shows <code>ENOSPC: no space left on device, write '/data/objects/3f/9a'</code>.</p>
<ol><li>Start the rebalancer for that node.</li><li>Add a disk if usage stays above 90%.</li></ol>
<h3>Replication lag keeps growing</h3>
<p>The replicator logs <code>replication stalled: peer site-b returned 503</code>.</p>
<ol><li>Check the link between the sites.</li><li>Restart the replicator on site B.</li></ol>
</body></html>
"""


def test_a_pipermail_message_is_the_question_it_quotes_and_the_reply_s_fix(tmp_path: Path) -> None:
    # The archive's previous and next links were the steps, the writer and date the symptoms, the list's
    # tag stood in the title, and the reply's fix was text inside a step.
    path = tmp_path / "nut-usb.html"
    path.write_text(PIPERMAIL_MESSAGE, encoding="utf-8")
    article = parse_article(path.read_bytes(), "nut-usb.html")
    (problem,) = article.problems
    assert article.title == problem.title == "Driver not connected after moving the UPS to USB"
    assert [s.text for s in problem.steps] == [
        "Install the nut-server package's udev rules.",
        'Run "udevadm trigger" and replug the UPS.',
        "Restart nut-driver.",
    ]
    assert problem.cause == "The udev rule for the UPS is missing, so the driver cannot open the USB device."
    assert problem.error_messages == ["Driver not connected"]
    said = " ".join([problem.symptoms, problem.cause, *(n.text for n in problem.notes)])
    for furniture in ("Previous message", "Ines Brandt", "Tue Apr", "More information", "Facilities IT"):
        assert furniture not in said


def test_a_page_titled_with_a_bracketed_tag_and_no_archived_message_keeps_its_title(tmp_path: Path) -> None:
    # Guard: outside a list's archive, a bracketed tag before a heading's words is the page's (a ticket's).
    page = PIPERMAIL_MESSAGE.replace("<!--beginarticle-->", "").replace("<!--endarticle-->", "")
    path = tmp_path / "nut-usb.html"
    path.write_text(page, encoding="utf-8")
    assert parse_article(path.read_bytes(), "nut-usb.html").title.startswith("[nut-upsuser]")


def test_a_quoted_line_indented_under_a_finished_sentence_is_no_output(tmp_path: Path) -> None:
    # Guard: only a quoted sentence that ends in ":" or runs on into it shows the indented line under it.
    page = PIPERMAIL_MESSAGE.replace("upsc prints", "upsc prints this.").replace(
        "Error: Driver not connected", "I checked the cable twice"
    )
    path = tmp_path / "nut-usb.html"
    path.write_text(page, encoding="utf-8")
    (problem,) = parse_article(path.read_bytes(), "nut-usb.html").problems
    assert problem.error_messages == []
    assert "I checked the cable twice" in problem.symptoms


def test_a_dashboard_help_page_s_panel_descriptions_are_no_problems(tmp_path: Path) -> None:
    """A dashboard's help describes each panel (what it shows, its thresholds) before what to do when
    one is red: each panel was a problem whose "step" was its description and threshold table, and
    a question about a red panel was answered with it at medium."""
    problems = parse_article(DASHBOARD_HELP.encode(), "storage-dashboard.html").problems
    assert [(p.title, [s.text for s in p.steps]) for p in problems] == [
        (
            "Disk usage is red on one node",
            ["Start the rebalancer for that node.", "Add a disk if usage stays above 90%."],
        ),
        (
            "Replication lag keeps growing",
            ["Check the link between the sites.", "Restart the replicator on site B."],
        ),
    ]
    assert (
        "Used capacity of each storage node"
        in parse_article(DASHBOARD_HELP.encode(), "storage-dashboard.html").body
    )


def test_a_section_that_says_panels_fail_is_still_a_problem(tmp_path: Path) -> None:
    """Guard: only a heading that names the panels alone is their reference."""
    page = (
        "<html><body><h1>Dashboard help</h1><h2>Panels show no data</h2>"
        "<p>Every panel says <code>datasource not found</code>.</p>"
        "<ol><li>Select the data source again.</li></ol>"
        "<h2>Panels load slowly</h2><p>Panels take a minute to draw.</p>"
        "<ol><li>Shorten the time range.</li></ol></body></html>"
    )
    problems = parse_article(page.encode(), "help.html").problems
    assert [p.title for p in problems] == ["Panels show no data", "Panels load slowly"]


@pytest.mark.parametrize("label", ["Примечание.", "Внимание!", "Note."])
def test_a_note_box_whose_label_ends_in_a_full_stop_gets_no_second_label(label: str) -> None:
    # "<b>Примечание.</b> …" in a note box, as Russian typography ends a label, was shown as
    # "Note: Примечание. …": the box's own label and the kind's again.
    page = RUSSIAN_NOTE_PAGE.replace("{label}", label)
    [problem] = parse_article(page.encode(), "labels.html").problems
    assert problem.error_messages == ["LBL-3307: label spooler halted unexpectedly"]
    assert [n.text for n in problem.notes] == [f"{label} Очередь очищается после перезапуска."]


def test_a_note_box_that_opens_with_a_sentence_still_gets_its_label() -> None:
    # Guard: a box whose first word is no advice label is labelled by its kind.
    page = RUSSIAN_NOTE_PAGE.replace("<b>{label}</b> ", "")
    [problem] = parse_article(page.encode(), "labels.html").problems
    assert [n.text for n in problem.notes] == ["Note: Очередь очищается после перезапуска."]


ORDINAL_TITLES_PAGE = """\
<html lang="{lang}"><head><meta charset="utf-8"><title>{page}</title></head>
<body>
<h1>{page}</h1>
<h2>{first}</h2>
<h3>{symptoms}</h3>
<pre>LBL-3307: label spooler halted unexpectedly</pre>
<h3>{fix}</h3>
<ol><li>Open the printer's properties.</li><li>Select port USB001 again.</li></ol>
<h2>{second}</h2>
<h3>{symptoms}</h3>
<pre>LBL-4410: ribbon sensor not detected</pre>
<h3>{fix}</h3>
<ol><li>Take the ribbon out.</li><li>Load it ink side to the label.</li></ol>
</body></html>
"""


@pytest.mark.parametrize(
    ("lang", "headings", "titles"),
    [
        (
            "ar",
            (
                "طابعة الملصقات",
                "المشكلة الأولى: الطباعة تتوقف",
                "المشكلة الثانية: ملصقات فارغة",
                "الأعراض",
                "الحل",
            ),
            ["الطباعة تتوقف", "ملصقات فارغة"],
        ),
        (
            "ar",
            ("طابعة الملصقات", "المشكلة ١: الطباعة تتوقف", "مشكلة 2: ملصقات فارغة", "الأعراض", "الحل"),
            ["الطباعة تتوقف", "ملصقات فارغة"],
        ),
        (
            "zh-Hant-TW",
            ("標籤印表機", "問題一：列印中斷", "問題二：標籤空白", "問題描述", "解決方法"),
            ["列印中斷", "標籤空白"],
        ),
        (
            "zh-CN",
            ("标签打印机", "问题 1：打印中断", "状况二：标签空白", "问题描述", "解决方法"),
            ["打印中断", "标签空白"],
        ),
    ],
    ids=["arabic-ordinal-words", "arabic-digits", "chinese-traditional", "chinese-simplified"],
)
def test_a_problem_s_ordinal_in_arabic_or_chinese_is_left_out_of_its_title(
    lang: str, headings: tuple[str, str, str, str, str], titles: list[str]
) -> None:
    # "المشكلة الأولى: …" ("The first problem: …") and "問題一：…" stayed in the titles, as "Problem 1:"
    # does not.
    page, first, second, symptoms, fix = headings
    html = ORDINAL_TITLES_PAGE.format(
        lang=lang, page=page, first=first, second=second, symptoms=symptoms, fix=fix
    )
    problems = parse_article(html.encode(), "labels.html").problems
    assert [p.title for p in problems] == titles
    assert [p.error_messages for p in problems] == [
        ["LBL-3307: label spooler halted unexpectedly"],
        ["LBL-4410: ribbon sensor not detected"],
    ]


def test_a_title_that_only_opens_with_the_word_for_a_problem_keeps_it() -> None:
    # Guard: "問題排除：…" (troubleshooting) and "المشكلة الحقيقية: …" (the real problem) number nothing.
    html = ORDINAL_TITLES_PAGE.format(
        lang="zh-Hant-TW",
        page="標籤印表機",
        first="問題排除：列印中斷",
        second="المشكلة الحقيقية: ملصقات فارغة",
        symptoms="問題描述",
        fix="解決方法",
    )
    problems = parse_article(html.encode(), "labels.html").problems
    assert [p.title for p in problems] == ["問題排除：列印中斷", "المشكلة الحقيقية: ملصقات فارغة"]


@pytest.mark.parametrize(
    "block",
    [
        '<div class="contact">Nie znalazłeś odpowiedzi? <a href="/k">Napisz</a> lub zadzwoń: +48 12 555 01 23</div>',
        '<div class="hotline">Tổng đài hỗ trợ: 1900 5550 · Email: hotro@innhan.example</div>',
        '<section id="support-contact">Need more help? Call +1 555 0100 (Mon–Fri 8–17).</section>',
    ],
    ids=["polish-contact", "vietnamese-hotline", "english-support-contact"],
)
def test_a_help_centre_s_support_contact_block_by_its_class_is_no_note(block: str) -> None:
    # A help centre's support contact block after the article (no rule, no <footer>) was a note of the
    # last fix, its phone number shown in the answer.
    page = RUSSIAN_NOTE_PAGE.replace(
        '<div class="note"><b>{label}</b> Очередь очищается после перезапуска.</div>', block
    )
    [problem] = parse_article(page.encode(), "labels.html").problems
    assert len(problem.steps) == 2
    assert problem.notes == []


def test_a_block_whose_class_only_opens_with_contact_stays_the_article_s() -> None:
    # Guard: the whole class only; "contact-admin" is the article's own advice.
    block = '<div class="contact-admin">Если ошибка повторяется, обратитесь к администратору.</div>'
    page = RUSSIAN_NOTE_PAGE.replace(
        '<div class="note"><b>{label}</b> Очередь очищается после перезапуска.</div>', block
    )
    [problem] = parse_article(page.encode(), "labels.html").problems
    assert [n.text for n in problem.notes] == ["Если ошибка повторяется, обратитесь к администратору."]


# A Technical Information Document (Novell, Micro Focus, OpenText support) as its site prints it: the
# pointer to the disclaimer under the title, then Environment, Situation, Resolution, Cause, and the
# Disclaimer itself at the end.
TID_PAGE = """<html><body>
<h1>Print jobs from a mapped queue stay in "Held" after moving the printer agent</h1>
<p>This document (7019388) is provided subject to the disclaimer at the end of this document.</p>
<h2>Environment</h2>
<p>Open Enterprise Server 2023 (OES 2023) iPrint</p>
<h2>Situation</h2>
<p>After the printer agent was moved to another print manager, jobs sent from workstations stay held.</p>
<pre>iPrint error 0x3a8 Printer is not accepting jobs</pre>
<h2>Resolution</h2>
<ol><li>Delete the printer from each workstation.</li><li>Install the printer again from the iPrint page.</li></ol>
<h2>Cause</h2>
<p>Workstations still send jobs to the old print manager's address.</p>
<h2>Disclaimer</h2>
<p>This Support Knowledgebase provides a valuable tool for customers. Materials are provided "AS IS".</p>
</body></html>
"""


# A Quarto website's page: the navbar in its own header, the article in <main> inside Quarto's layout
# wrapper, whose classes say how the page is laid out ("page-navbar": the page has a navbar), the table
# of contents in the margin, and a code cell folded under Quarto's "Code" summary between two parts of
# one numbered list (the list resumes with start="3").
QUARTO_PAGE = """\
<!DOCTYPE html>
<html lang="en"><head>
<meta name="generator" content="quarto-1.5.57">
<title>Build farm handbook - Agent troubleshooting</title>
</head>
<body class="nav-fixed">
<div id="quarto-search-results"></div>
<header id="quarto-header" class="headroom fixed-top">
<nav class="navbar navbar-expand-lg" data-bs-theme="dark"><div class="navbar-container container-fluid">
<a class="navbar-brand" href="./index.html"><span class="navbar-title">Build farm handbook</span></a>
<ul class="navbar-nav"><li class="nav-item"><a class="nav-link" href="./agents.html">Agents</a></li></ul>
</div></nav>
</header>
<div id="quarto-content" class="quarto-container page-columns page-rows-contents page-layout-article page-navbar">
<div id="quarto-margin-sidebar" class="sidebar margin-sidebar">
<nav id="TOC" role="doc-toc"><h2 id="toc-title">On this page</h2>
<ul><li><a href="#disk-full">Builds fail with No space left on device</a></li></ul></nav>
</div>
<main class="content" id="quarto-document-content">
<header id="title-block-header" class="quarto-title-block default">
<div class="quarto-title"><h1 class="title">Agent troubleshooting</h1></div>
</header>
<section id="disk-full" class="level2">
<h2 class="anchored" data-anchor-id="disk-full">Builds fail with No space left on device</h2>
<p>The checkout step stops with:</p>
<pre><code>fatal: write error: No space left on device</code></pre>
<ol type="1">
<li>Prune the build cache with <code>buildctl prune --keep-duration 48h</code>.</li>
<li>Check what is left:</li>
</ol>
<details class="code-fold">
<summary>Code</summary>
<div class="sourceCode" id="cb1"><pre class="sourceCode bash code-with-copy"><code class="sourceCode bash"><span id="cb1-1"><span class="fu">df</span> <span class="at">-h</span> /var/lib/buildkit</span></code></pre></div>
</details>
<ol start="3" type="1">
<li>If the volume is still over 90% full, ask the platform team to grow it.</li>
</ol>
</section>
</main>
</div>
</body></html>
"""


def test_a_tid_s_situation_is_its_symptoms_and_its_disclaimer_pointer_none() -> None:
    """A TID names what is seen "Situation": it was the page's text, and the sentence under the title that
    points to the disclaimer was the problem's only symptom."""
    [problem] = parse_article(TID_PAGE.encode(), "7019388.html").problems
    assert problem.symptoms.startswith("After the printer agent was moved to another print manager")
    assert "disclaimer" not in problem.symptoms
    assert problem.error_messages == ["iPrint error 0x3a8 Printer is not accepting jobs"]
    assert problem.cause == "Workstations still send jobs to the old print manager's address."
    assert problem.seen_in == "Open Enterprise Server 2023 (OES 2023) iPrint"
    assert [s.text for s in problem.steps] == [
        "Delete the printer from each workstation.",
        "Install the printer again from the iPrint page.",
    ]


def test_a_sentence_under_the_title_about_the_problem_stays_its_symptoms() -> None:
    """Guard: only a sentence that says the document is subject to its disclaimer is the page's; one that
    says what is seen (naming a document) stays the problem's symptoms."""
    page = TID_PAGE.replace(
        "This document (7019388) is provided subject to the disclaimer at the end of this document.",
        "Printing a document from a mapped queue leaves it held.",
    ).replace("<h2>Situation</h2>", "<h2>Details</h2>")
    [problem] = parse_article(page.encode(), "7019388.html").problems
    assert problem.symptoms.startswith("Printing a document from a mapped queue leaves it held.")


def test_a_tid_s_additional_information_is_the_problem_s_text() -> None:
    """A TID's Additional Information says more about the problem ("If the jobs stay held, …"): it was
    boilerplate, kept out of the problem."""
    page = TID_PAGE.replace(
        "<h2>Disclaimer</h2>",
        "<h2>Additional Information</h2>\n<p>If the jobs stay held after reinstalling, restart the iPrint "
        "client service on the workstation.</p>\n<h2>Disclaimer</h2>",
    )
    [problem] = parse_article(page.encode(), "7019388.html").problems
    assert "restart the iPrint client service" in problem.body


def test_additional_information_of_links_only_stays_boilerplate() -> None:
    """Guard: an Additional Information of links to read elsewhere is no text of the problem."""
    page = TID_PAGE.replace(
        "<h2>Disclaimer</h2>",
        '<h2>Additional Information</h2>\n<ul><li><a href="https://example.com/iprint">iPrint administration '
        'guide</a></li><li><a href="https://example.com/oes">OES release notes</a></li></ul>\n<h2>Disclaimer</h2>',
    )
    [problem] = parse_article(page.encode(), "7019388.html").problems
    assert "administration guide" not in problem.body


def test_additional_information_of_links_under_a_lead_in_stays_boilerplate() -> None:
    """Guard: the sentence that announces the links ("see the following articles:") says nothing more."""
    page = TID_PAGE.replace(
        "<h2>Disclaimer</h2>",
        "<h2>Additional Information</h2>\n<p>For more details, see the following articles:</p>\n"
        '<ul><li><a href="https://example.com/iprint">iPrint administration guide</a></li>'
        '<li><a href="https://example.com/oes">OES release notes</a></li></ul>\n<h2>Disclaimer</h2>',
    )
    [problem] = parse_article(page.encode(), "7019388.html").problems
    assert "administration guide" not in problem.body
    assert "see the following articles" not in problem.body


# A vendor's customer advisory: its document number and version over the title, a NOTICE under it that
# the document may change, then DESCRIPTION, SCOPE, RESOLUTION and its revision history.
ADVISORY_PAGE = """<html><body>
<p>Document ID: c07812345</p>
<p>Version: 2</p>
<h1>Advisory: Storage Controllers May Report "POST Error 1785-Drive Array Not Configured" After Cache Module Replacement</h1>
<p><b>NOTICE:</b> The information in this document, including products and software versions, is current as of
the release date. This document is subject to change without notice.</p>
<h2>DESCRIPTION</h2>
<p>After the cache module is replaced, the server shows during boot:</p>
<pre>1785-Drive Array Not Configured</pre>
<h2>RESOLUTION</h2>
<ol><li>Enter the controller's configuration utility.</li><li>Import the foreign configuration.</li></ol>
</body></html>
"""


def test_an_advisory_s_notice_that_it_may_change_is_no_note() -> None:
    """The NOTICE under an advisory's title, that the document may change, was a note before the steps of
    every answer."""
    [problem] = parse_article(ADVISORY_PAGE.encode(), "c07812345.html").problems
    assert "1785-Drive Array Not Configured" in problem.error_messages
    assert not any("subject to change" in n.text for n in problem.notes)
    assert "subject to change" not in problem.symptoms
    assert [s.text for s in problem.steps] == [
        "Enter the controller's configuration utility.",
        "Import the foreign configuration.",
    ]


def test_a_notice_under_the_title_about_the_problem_stays_a_note() -> None:
    """Guard: a notice under the title that says something of the problem stays the note it is."""
    page = ADVISORY_PAGE.replace(
        "This document is subject to change without notice.",
        "Do not power off the server while the array rebuilds.",
    )
    [problem] = parse_article(page.encode(), "c07812345.html").problems
    assert any("Do not power off the server" in n.text for n in problem.notes)


# An SAP Note as the support portal prints it: its number and title, the Component/Version/Released On
# header, the page's action links parted by bars, then Symptom, Other Terms, Reason and Prerequisites and
# Solution.
SAP_NOTE_PAGE = """<html><body>
<h1>3198842 - Output of purchase orders fails with "Device type ZPDF1 not supported"</h1>
<table><tr><td>Component:</td><td>BC-CCM-PRN (Print and Output Management), Version: 3, Released On: 02.09.2024</td></tr></table>
<p><a href="#">Favorite</a> | <a href="#">Download PDF</a> | <a href="#">Subscribe</a></p>
<h3>Symptom</h3>
<p>Printing a purchase order from ME9F ends in the spool request with:</p>
<pre>Device type ZPDF1 not supported</pre>
<h3>Reason and Prerequisites</h3>
<p>The device type was copied from SAPWIN without its character set.</p>
<h3>Solution</h3>
<ol><li>Open the device type in SPAD.</li><li>Assign a character set and save.</li></ol>
</body></html>
"""


def test_an_sap_note_s_action_links_under_its_title_are_no_symptoms() -> None:
    """The Note's links parted by bars ("Favorite | Download PDF | Subscribe") were its first symptom."""
    [problem] = parse_article(SAP_NOTE_PAGE.encode(), "3198842.html").problems
    assert problem.symptoms.startswith("Printing a purchase order from ME9F")
    assert "Favorite" not in problem.symptoms
    assert problem.error_messages == ["Device type ZPDF1 not supported"]


def test_a_sentence_with_links_under_the_title_stays_the_problem_s_opening() -> None:
    """Guard: only a line of links alone, parted by bars, is the page's; a sentence that links stays."""
    page = SAP_NOTE_PAGE.replace(
        '<p><a href="#">Favorite</a> | <a href="#">Download PDF</a> | <a href="#">Subscribe</a></p>',
        '<p>Spool requests of <a href="#">purchase orders</a> stop with an error | see below.</p>',
    ).replace("<h3>Symptom</h3>", "<h3>Details</h3>")
    [problem] = parse_article(page.encode(), "3198842.html").problems
    assert problem.symptoms.startswith("Spool requests of purchase orders stop")


# A Red Hat Customer Portal solution: its status, when it was updated (a machine-readable time stamp) and
# its language under the title, then Environment, Issue, Resolution and Root Cause.
SOLUTION_PAGE = """<html><body>
<h1>Image pulls fail with "x509: certificate signed by unknown authority" from the internal registry</h1>
<div class="solution-meta"><span class="status">Solution In Progress</span> - Updated <time>2025-01-14T16:02:51+00:00</time> - <a href="#">English</a></div>
<h2>Environment</h2>
<ul><li>Red Hat OpenShift Container Platform 4.15</li></ul>
<h2>Issue</h2>
<ul><li>Builds that pull from the internal registry fail.</li></ul>
<h2>Resolution</h2>
<ol><li>Add the registry's CA to the cluster's trusted bundle.</li><li>Restart the builds.</li></ol>
<h2>Root Cause</h2>
<p>The registry's certificate was reissued by a new CA.</p>
</body></html>
"""


def test_a_solution_s_status_line_with_a_time_stamp_is_no_symptom() -> None:
    """The status line under a solution's title, its date a time stamp, was read into its Issue."""
    [problem] = parse_article(SOLUTION_PAGE.encode(), "solution.html").problems
    assert problem.symptoms == "- Builds that pull from the internal registry fail."
    assert problem.cause == "The registry's certificate was reissued by a new CA."


def test_a_sentence_under_the_title_that_names_an_update_time_stays_the_problem_s() -> None:
    """Guard: only a byline's status line is the page's; a sentence naming when something updated stays."""
    page = SOLUTION_PAGE.replace(
        '<div class="solution-meta"><span class="status">Solution In Progress</span> - Updated '
        '<time>2025-01-14T16:02:51+00:00</time> - <a href="#">English</a></div>',
        "<p>Cluster updated 2025-01-14T16:02:51Z; since then image pulls fail.</p>",
    )
    [problem] = parse_article(page.encode(), "solution.html").problems
    assert problem.symptoms.startswith("Cluster updated 2025-01-14T16:02:51Z")


def test_a_quarto_page_s_layout_wrapper_around_main_is_no_navbar() -> None:
    # Its wrapper's "page-navbar" class named it a navbar: the whole page was dropped as having no text.
    article = parse_article(QUARTO_PAGE.encode(), "agents/troubleshooting.html")
    assert article.title == "Agent troubleshooting"
    [problem] = article.problems
    assert problem.title == "Builds fail with No space left on device"
    assert [m for m in problem.error_messages if "No space left on device" in m]
    assert "Build farm handbook" not in " ".join(s.text for s in problem.steps)
    # Guard: a navbar by its class, with no <main> in it, is still the site's.
    page = (
        "<html><body><div class='page-navbar'><h2>Handbook</h2><ul><li>Agents</li><li>Runners</li></ul></div>"
        "<h1>Agent troubleshooting</h1><h2>Agent is offline</h2><p>The agent shows <code>offline</code>.</p>"
        "<ol><li>Restart the agent service.</li></ol></body></html>"
    )
    [problem] = parse_article(page.encode(), "agents.html").problems
    assert problem.title == "Agent is offline"
    assert [s.text for s in problem.steps] == ["Restart the agent service."]
    # Guard: only a wrapper skipped as furniture is read for the <main> in it, and only that <main>: a
    # hidden one's copy and the furniture after </main> were read too.
    page = (
        "<html><body><h1>Agent troubleshooting</h1><div hidden><main><p>Old copy of the page.</p></main></div>"
        "<div class='page-navbar'><main><h2>Agent is offline</h2><ol><li>Restart the agent service.</li></ol>"
        "</main><div><p>Handbook links</p></div></div></body></html>"
    )
    markdown = (html_as_markdown(page, page=True) or ("",))[0]
    assert "Restart the agent service." in markdown
    assert "Old copy" not in markdown
    assert "Handbook links" not in markdown


# A Stoplight Elements page of an API's errors: the sidebar first (the project's name in an <h4> over
# its table of contents and "powered by Stoplight"), then the article's Markdown, an <h1> over a section
# per status, each showing the problem+json body the API returns and what to do; under the article, the
# pager to the pages beside it and when the page was last changed.
STOPLIGHT_ERRORS = """\
<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Error reference | Tollgate Payments API</title></head>
<body>
<div id="root"><div class="sl-elements sl-antialiased" data-theme="light">
<div class="sl-flex sl-overflow-y-auto sl-flex-col sl-sticky sl-inset-y-0 sl-pt-8 sl-bg-canvas-100 sl-border-r">
  <div class="sl-flex sl-items-center sl-mb-5 sl-ml-4"><h4 class="sl-text-paragraph sl-font-semibold">Tollgate Payments API</h4></div>
  <div class="sl-flex-grow sl-flex-shrink sl-overflow-y-auto">
    <div class="ElementsTableOfContentsItem sl-block"><div class="sl-flex sl-items-center"><div class="sl-flex-1 sl-truncate" title="Getting started">Getting started</div></div></div>
    <div class="ElementsTableOfContentsItem sl-block"><div class="sl-flex sl-items-center"><div class="sl-flex-1 sl-truncate" title="Error reference">Error reference</div></div></div>
  </div>
  <div class="sl-flex sl-items-center sl-px-4 sl-py-3 sl-border-t"><a href="https://stoplight.io/">powered by&nbsp;<strong>Stoplight</strong></a></div>
</div>
<div class="sl-overflow-y-auto sl-flex-1 sl-w-full sl-px-24 sl-bg-canvas"><div class="sl-py-16">
<div class="sl-markdown-viewer sl-prose sl-text-base sl-mb-10">
<h1>Error reference</h1>
<h2 id="card-expired">402 Card expired</h2>
<pre class="language-json"><code class="language-json">{
  "type": "https://api.tollgate.example/problems/card-expired",
  "title": "The card on file has expired",
  "status": 402
}</code></pre>
<ol>
<li>Ask the customer for a new card.</li>
<li>Send the charge again with the same <code>Idempotency-Key</code>.</li>
</ol>
<h2 id="already-captured">409 Charge already captured</h2>
<pre class="language-json"><code class="language-json">{
  "type": "https://api.tollgate.example/problems/already-captured",
  "title": "This charge was captured before",
  "status": 409
}</code></pre>
<ol>
<li>Look the charge up by its <code>Idempotency-Key</code> instead of capturing it again.</li>
</ol>
</div>
</div></div>
</div></div>
</body>
</html>
"""


def test_a_stoplight_sidebar_s_project_name_is_no_section_over_the_article() -> None:
    # The sidebar's <h4> was a problem whose steps were its links, and under it the article's <h1> was one
    # problem whose status sections were demoted to groups of its steps.
    article = parse_article(STOPLIGHT_ERRORS.encode(), "errors.html")
    assert [p.title for p in article.problems] == ["402 Card expired", "409 Charge already captured"]
    first, second = article.problems
    assert any("The card on file has expired" in m for m in first.error_messages)
    assert [s.text for s in first.steps] == [
        "Ask the customer for a new card.",
        "Send the charge again with the same Idempotency-Key.",
    ]
    assert [s.text for s in second.steps] == [
        "Look the charge up by its Idempotency-Key instead of capturing it again."
    ]
    assert not any("Stoplight" in s.text for p in article.problems for s in p.steps)
    # Guard: a heading with the site's name that follows the page's title is a section of the page.
    page = (
        "<html><head><title>Offline sync | Fieldbook</title></head><body><h1>Offline sync</h1>"
        "<h2>Sync stops at 90%</h2><p>The app shows <code>sync failed: quota exceeded</code>.</p>"
        "<ol><li>Free some space.</li></ol>"
        "<h2>Fieldbook</h2><p>The desktop app shows <code>sync failed: token expired</code>.</p>"
        "<ol><li>Sign in again.</li></ol></body></html>"
    )
    problems = parse_article(page.encode(), "sync.html").problems
    assert [p.title for p in problems] == ["Sync stops at 90%", "Fieldbook"]


def test_a_problem_json_body_over_a_fix_in_prose_is_the_error_not_step_one() -> None:
    # With a list under it, the body was the error; with a paragraph, it was step 1 of the fix.
    fix = "Look the charge up by its <code>Idempotency-Key</code> instead of capturing it again."
    page = STOPLIGHT_ERRORS.replace(f"<ol>\n<li>{fix}</li>\n</ol>", f"<p>{fix}</p>")
    second = parse_article(page.encode(), "errors.html").problems[1]
    assert any("This charge was captured before" in m for m in second.error_messages)
    assert [s.text for s in second.steps] == [
        "Look the charge up by its Idempotency-Key instead of capturing it again."
    ]
    # Guard: a body that reports no error (the client's settings to change) stays the fix's.
    page = (
        "<html><body><h1>Client settings</h1><h2>Tune the uploader</h2>"
        '<pre><code class="language-json">{"chunk_size_mb": 64, "parallel": 4}</code></pre>'
        "<p>Set these in <code>client.json</code> and restart the uploader.</p></body></html>"
    )
    [problem] = parse_article(page.encode(), "client.html").problems
    assert problem.error_messages == []
    assert problem.steps[0].text.startswith('{"chunk_size_mb": 64')


def test_a_pasted_problem_json_body_matches_the_body_an_article_quotes(tmp_path: Path) -> None:
    # The stored body was compared as written, keys, URL and braces and all, with a paste the query side
    # reduces to its text fields: the exact body a client received was no better than "medium".
    folder = tmp_path / "kb"
    folder.mkdir()
    (folder / "errors.html").write_text(STOPLIGHT_ERRORS, encoding="utf-8")
    build_index([folder], tmp_path / "index.db")
    kb = KnowledgeBase(tmp_path / "index.db")
    exact = (
        '{"type":"https://api.tollgate.example/problems/already-captured",'
        '"title":"This charge was captured before","status":409}'
    )
    received = (
        '{\n  "type": "https://api.tollgate.example/problems/already-captured",\n'
        '  "title": "This charge was captured before",\n  "status": 409,\n'
        '  "detail": "Charge ch_8812 was already captured.",\n  "instance": "/charges/ch_8812/capture"\n}'
    )
    for pasted in (exact, received):
        best = match(kb, pasted).matches[0]
        assert best.problem.id == "errors#2", pasted
        assert best.confidence == "high", pasted
    # Guard: the other status's body, pasted, is still that status's problem.
    other = '{"type":"https://api.tollgate.example/problems/card-expired","title":"The card on file has expired","status":402}'
    assert match(kb, other).matches[0].problem.id == "errors#1"


def test_a_quarto_code_fold_is_the_step_s_code_and_the_list_goes_on_after_it() -> None:
    # The fold's "Code" summary headed an error-codes part: the command and step 3 were its codes.
    [problem] = parse_article(QUARTO_PAGE.encode(), "agents/troubleshooting.html").problems
    assert [(s.number, s.text) for s in problem.steps] == [
        ("1", "Prune the build cache with buildctl prune --keep-duration 48h."),
        ("2", "Check what is left:\ndf -h /var/lib/buildkit"),
        ("3", "If the volume is still over 90% full, ask the platform team to grow it."),
    ]
    assert problem.error_codes == []
    # Guard: a fold whose summary asks a question still heads its answer, code and all.
    page = (
        "<html><body><h1>Build agents FAQ</h1><details><summary>How do I see what fills the disk?</summary>"
        "<pre><code>du -sh /var/lib/buildkit/*</code></pre></details>"
        "<details><summary>Why is the agent offline after a reboot?</summary>"
        "<p>Its service is not enabled.</p><ol><li>Enable the agent service.</li></ol></details></body></html>"
    )
    problems = parse_article(page.encode(), "faq.html").problems
    assert [p.title for p in problems] == [
        "How do I see what fills the disk?",
        "Why is the agent offline after a reboot?",
    ]


def test_a_docs_page_s_pager_of_arrowed_links_is_no_step() -> None:
    # Stoplight's pager under the article ("← Getting started", "Webhooks →") was the last step.
    page = STOPLIGHT_ERRORS.replace(
        "</div>\n</div></div>\n</div></div>",
        '</div>\n<div class="sl-flex sl-justify-between sl-mt-16 sl-border-t">'
        '<a href="getting-started">← Getting started</a><a href="webhooks">Webhooks →</a></div>\n'
        '<div class="sl-text-muted sl-text-sm sl-mt-8">Last updated 2025-02-11 · '
        '<a href="https://git.example/edit/errors.md">Edit this page</a></div>\n</div></div>\n</div></div>',
    )
    last = parse_article(page.encode(), "errors.html").problems[-1]
    assert [s.text for s in last.steps] == [
        "Look the charge up by its Idempotency-Key instead of capturing it again."
    ]
    assert not any("Webhooks" in n.text for n in last.notes)
    # Guard: a step that is a link with an arrow in its words, among words of its own, stays a step.
    page = (
        "<html><body><h1>Exports</h1><h2>Export stops at 99%</h2><p>The export shows <code>error: lock held</code>.</p>"
        "<ol><li>Open <a href='/settings'>Settings → Exports</a> and cancel the stuck export.</li></ol></body></html>"
    )
    [problem] = parse_article(page.encode(), "exports.html").problems
    assert [s.text for s in problem.steps] == ["Open Settings → Exports and cancel the stuck export."]


def test_a_pager_parted_by_an_escaped_bar_is_no_note() -> None:
    # A web page's pager read as Markdown writes its bar escaped ("\\|"): the pager became a note.
    page = (
        "# Shipments\n\n## Label creation fails\n\nThe API returns `error: address invalid`.\n\n"
        "1. Check the postcode.\n\n[← Overview](a.html) \\| [Create shipment →](b.html)\n"
    )
    [problem] = parse_article(page.encode(), "shipments.md").problems
    assert [s.text for s in problem.steps] == ["Check the postcode."]
    assert not problem.notes


# Postman's published documentation of a collection: per request, its method and name, its URL and
# description, then its parts under small labels (AUTHORIZATION, HEADERS, Body and its mode), and each
# saved example under an "Example" label, its name picked in a drop-down, then the "Response" label,
# its status and the body returned, and the example's notes.
POSTMAN_DOCS = """\
<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>Ledgerline Invoicing API</title></head>
<body>
<main class="pm-doc-content">
<h1>Ledgerline Invoicing API</h1>
<section id="req-finalize" class="pm-doc-request">
  <h3><span class="method post">POST</span> Finalize invoice</h3>
  <div class="pm-doc-url"><code>{{base_url}}/v2/invoices/:id/finalize</code></div>
  <p>Locks the invoice and assigns its number.</p>
  <div class="pm-doc-auth"><h6>AUTHORIZATION <span class="muted">Bearer Token</span></h6><p>Token: {{api_token}}</p></div>
  <div class="pm-doc-body"><h6>Body <span class="muted">raw (json)</span></h6>
<pre><code>{ "send_email": true }</code></pre></div>
  <div class="pm-doc-example">
    <div class="pm-doc-example__header"><h6>Example</h6><select><option selected>409 – invoice already final</option></select></div>
    <div class="pm-doc-example__response"><h6>Response</h6><span class="status">409 Conflict</span> <span class="muted">json</span></div>
<pre><code>{
  "error": {
    "code": "LL_INVOICE_FINAL",
    "message": "Invoice inv_5521 was finalized on 2025-03-02 and cannot change"
  }
}</code></pre>
    <div class="pm-doc-example__notes"><p>Issue a credit note for the invoice instead of finalizing it again.</p></div>
  </div>
</section>
</main>
</body>
</html>
"""


def test_a_postman_saved_example_is_one_error_case_under_its_name() -> None:
    # Each label was a problem ("Body raw (json)", "Example", "Response"), the example's name a step and
    # its error response a step of the "Response" problem.
    problems = parse_article(POSTMAN_DOCS.encode(), "ledgerline.html").problems
    [case] = [p for p in problems if p.title == "409 – invoice already final"]
    assert any("cannot change" in m for m in case.error_messages)
    assert [s.text for s in case.steps] == [
        "Issue a credit note for the invoice instead of finalizing it again."
    ]
    assert "409 Conflict json" in case.symptoms
    titles = [p.title for p in problems]
    assert not any(t.startswith(("Body", "AUTHORIZATION", "Response", "Example")) for t in titles)
    # Guard: a heading that says more than a label ("Response times out") stays a problem of its own.
    page = (
        "<html><body><h1>Gateway</h1><h6>Response times out</h6><p>Calls end with <code>504 upstream timeout</code>.</p>"
        "<ol><li>Raise the upstream timeout.</li></ol></body></html>"
    )
    [problem] = parse_article(page.encode(), "gateway.html").problems
    assert problem.title == "Response times out"
    page = page.replace("Response times out", "Authorization fails with 401")
    [problem] = parse_article(page.encode(), "gateway.html").problems
    assert problem.title == "Authorization fails with 401"
    # Guard: a saved example of a call that succeeded shows no error.
    page = POSTMAN_DOCS.replace("409 – invoice already final", "200 – finalized").replace(
        '"error": {', '"invoice": {'
    )
    [case] = [
        p for p in parse_article(page.encode(), "ledgerline.html").problems if p.title == "200 – finalized"
    ]
    assert case.error_messages == []
    # Guard: an "Example" label over a sentence stays a line of text, and the sentence no heading.
    page = (
        "<html><body><h1>Exports</h1><h2>Export stops at 99%</h2><p>The export shows <code>error: lock held</code>.</p>"
        "<h6>Example</h6><p>The nightly export of the ledger stopped at 99% on Monday.</p>"
        "<ol><li>Release the lock.</li></ol></body></html>"
    )
    [problem] = parse_article(page.encode(), "exports.html").problems
    assert problem.title == "Export stops at 99%"
    assert [s.text for s in problem.steps] == ["Release the lock."]


def test_an_example_label_names_no_example_but_a_drop_down_s_and_is_never_lost() -> None:
    # On a page with no example picker, the short line under "Example" was a heading and the label was
    # gone; so it was under a code block, and at the page's end.
    def markdown(body: str) -> str:
        return (html_as_markdown(f"<html><body><h1>Printing</h1>{body}</body></html>", page=True) or ("",))[0]

    assert markdown("<h5>Example</h5><p>lpstat shows paused</p>") == (
        "# Printing\n\nExample\n\nlpstat shows paused\n"
    )
    assert markdown("<h5>Example</h5><pre>lpstat -p</pre><p>Another line here</p>") == (
        "# Printing\n\nExample\n\n```\nlpstat -p\n```\n\nAnother line here\n"
    )
    assert markdown("<h5>Example</h5>") == "# Printing\n\nExample\n"
    # The label's own words, as the page writes them.
    assert markdown("<h6>EXAMPLE</h6><p>The nightly export stopped.</p>") == (
        "# Printing\n\nEXAMPLE\n\nThe nightly export stopped.\n"
    )


def test_a_drop_down_shows_its_chosen_option_only_unless_a_label_names_it_a_form_s_control() -> None:
    """A picker's chosen option is what the page shows of it (the saved example a docs page shows), its
    other choices no text; a drop-down that a ``<label for>`` names is a form's control, none of it text."""
    picker = (
        "<html><body><h1>Refunds API</h1><h2>Refund fails</h2>"
        "<p>Example: <select><option>200 – refunded</option><option selected>402 – card declined</option>"
        "<option>404 – no such charge</option></select></p>"
        "<p>Calls end with <code>card_declined</code>.</p><ol><li>Ask the customer for another card.</li></ol>"
        "</body></html>"
    )
    [problem] = parse_article(picker.encode(), "refunds.html").problems
    shown = problem.symptoms + " ".join(n.text for n in problem.notes)
    assert "402 – card declined" in shown
    assert "200 – refunded" not in shown and "404 – no such charge" not in shown
    # "aria-selected" is another attribute: an option so marked false is not the one shown.
    aria = picker.replace("<option>200", '<option aria-selected="false">200')
    [problem] = parse_article(aria.encode(), "refunds.html").problems
    assert "200 – refunded" not in problem.symptoms + " ".join(n.text for n in problem.notes)
    hidden = picker.replace("<select>", "<select hidden>")
    [problem] = parse_article(hidden.encode(), "refunds.html").problems
    assert "402 – card declined" not in problem.symptoms + " ".join(n.text for n in problem.notes)
    labelled = picker.replace("<select>", '<label for="pick">Example:</label><select id="pick">')
    [problem] = parse_article(labelled.encode(), "refunds.html").problems
    assert "402 – card declined" not in problem.symptoms + " ".join(n.text for n in problem.notes)


RUSTDOC_ENUM = """\
<html><head><meta name="generator" content="rustdoc"><title>FetchError in mirrorkit - Rust</title></head>
<body class="rustdoc enum"><main><section id="main-content" class="content">
<div class="main-heading"><h1>Enum mirrorkit::FetchError</h1></div>
<h2 id="variants" class="variants section-header">Variants</h2>
<section id="variant.Stale" class="variant"><h3 class="code-header">Stale(u64)</h3></section>
<div class="docblock"><p>The mirror lags behind. Logged as <code>fetch failed: mirror index is stale by 3 generations</code>.</p>
<ol><li>Run the resync job.</li><li>Check the upstream feed.</li></ol></div>
<h2 id="trait-implementations" class="section-header">Trait Implementations</h2>
<div id="trait-implementations-list"><details class="toggle implementors-toggle" open><summary>
<section id="impl-Error-for-FetchError" class="impl"><h3 class="code-header">impl Error for FetchError</h3></section>
</summary><div class="impl-items"><details class="toggle method-toggle" open><summary>
<section id="method.description" class="method trait-impl"><h4 class="code-header">fn description(&amp;self) -&gt; &amp;str</h4>
</section></summary><div class="docblock">Deprecated; use the Display impl. <a href="#">Read more</a></div></details>
</div></details></div>
<h2 id="synthetic-implementations" class="section-header">Auto Trait Implementations</h2>
<div id="synthetic-implementations-list"><section id="impl-Send-for-FetchError" class="impl">
<h3 class="code-header">impl Send for FetchError</h3></section></div>
<h2 id="blanket-implementations" class="section-header">Blanket Implementations</h2>
<div id="blanket-implementations-list"><details class="toggle implementors-toggle"><summary>
<section id="impl-Into-for-T" class="impl"><h3 class="code-header">impl&lt;T, U&gt; Into&lt;U&gt; for T</h3></section>
</summary><div class="impl-items"><details class="toggle method-toggle"><summary>
<section id="method.into" class="method trait-impl"><h4 class="code-header">fn into(self) -&gt; U</h4></section>
</summary><div class="docblock"><p>Calls U::from(self). <a href="#">Read more</a></p></div></details></div></details></div>
</section></main></body></html>
"""


def test_rustdoc_s_trait_implementations_are_no_problems() -> None:
    # A trait method's doc copied from std ("… Read more") was a problem of its own, its text a step.
    [problem] = parse_article(RUSTDOC_ENUM.encode(), "fetch.html").problems
    assert problem.error_messages == ["fetch failed: mirror index is stale by 3 generations"]
    assert [s.text for s in problem.steps] == ["Run the resync job.", "Check the upstream feed."]
    # Guard: a help page's own section about implementations stays read.
    page = (
        "<html><body><h1>Plugin fails to load</h1>"
        '<div class="impl"><p>The host logs <code>plugin ABI mismatch</code>.</p>'
        "<ol><li>Rebuild the plugin.</li></ol></div></body></html>"
    )
    [problem] = parse_article(page.encode(), "plugin.html").problems
    assert [s.text for s in problem.steps] == ["Rebuild the plugin."]


TYPEDOC_CLASS = """\
<html class="default" lang="en"><head><title>BlobStore | @tidepool/sdk - v2.1.0</title></head><body>
<header class="tsd-page-toolbar"><div class="tsd-toolbar-contents container"><div class="table-cell" id="tsd-search">
<ul class="results"><li class="state loading">Preparing search index...</li>
<li class="state failure">The search index is not available</li></ul>
<a href="../index.html" class="title">@tidepool/sdk - v2.1.0</a></div></div></header>
<div class="container container-main"><div class="col-content"><div class="tsd-page-title">
<ul class="tsd-breadcrumb"><li><a href="../modules.html">@tidepool/sdk</a></li></ul><h1>Class BlobStore</h1></div>
<section class="tsd-panel tsd-comment"><div class="tsd-comment tsd-typography">
<p>Stores blobs. An upload that stops with <code>TP-5002: checksum mismatch</code> was cut short.</p>
<ol><li>Upload the blob again.</li><li>Check the proxy's body limit.</li></ol></div></section>
<section class="tsd-panel tsd-hierarchy"><h4>Hierarchy</h4><ul class="tsd-hierarchy"><li><span class="target">BlobStore</span></li></ul></section>
<section class="tsd-panel-group tsd-index-group"><section class="tsd-panel tsd-index-panel"><details class="tsd-index-content" open>
<summary class="tsd-index-summary"><h5 class="tsd-index-heading">Index</h5></summary>
<section class="tsd-index-section"><h3 class="tsd-index-heading">Constructors</h3><div class="tsd-index-list">
<a href="#constructor" class="tsd-index-link"><span>constructor</span></a></div></section>
<section class="tsd-index-section"><h3 class="tsd-index-heading">Methods</h3><div class="tsd-index-list">
<a href="#put" class="tsd-index-link"><span>put</span></a></div></section></details></section></section>
<aside class="tsd-sources"><ul><li>Defined in src/blob.ts:12</li></ul></aside>
</div></div><footer><p class="tsd-generator">Generated using <a href="https://typedoc.org/">TypeDoc</a></p></footer></body></html>
"""


def test_typedoc_s_toolbar_hierarchy_and_member_index_are_no_problems() -> None:
    # The search widget's states were a problem's steps, "Hierarchy" and the index's "Methods" problems.
    [problem] = parse_article(TYPEDOC_CLASS.encode(), "blob.html").problems
    assert problem.error_messages == ["TP-5002: checksum mismatch"]
    assert [s.text for s in problem.steps] == ["Upload the blob again.", "Check the proxy's body limit."]
    assert problem.notes == []


def test_rustdoc_s_example_code_in_an_errors_section_is_no_error_message() -> None:
    # The example ("match store.open() { … Err(e) => … }") was the error message of an "Errors" problem.
    page = (
        '<html><head><meta name="generator" content="rustdoc"><title>OpenError - Rust</title></head>'
        '<body class="rustdoc enum"><main><h1>Enum ledgerd::OpenError</h1>'
        '<div class="docblock"><p>Errors returned by <code>Store::open</code>.</p>'
        '<h2 id="errors"><a class="doc-anchor" href="#errors">§</a>Errors</h2><p>Match on the variant, not the text.</p>'
        '<div class="example-wrap"><pre class="rust rust-example-rendered"><code>match store.open() {\n'
        "    Err(e) =&gt; return Err(e.into()),\n    Ok(s) =&gt; s,\n}</code></pre></div></div>"
        '<h2 id="variants">Variants</h2><section id="variant.Locked" class="variant">'
        '<h3 class="code-header">Locked</h3></section><div class="docblock">'
        "<p>Another process holds the store. Logged as <code>ledger error: store is locked by pid 4411</code>.</p>"
        "<ol><li>Stop the other process.</li><li>Open the store again.</li></ol></div></main></body></html>"
    )
    problems = parse_article(page.encode(), "open.html").problems
    assert not any("Err(e" in message for p in problems for message in p.error_messages)
    [locked] = [p for p in problems if p.title == "Locked"]
    assert locked.error_messages == ["ledger error: store is locked by pid 4411"]
    # The permalink rustdoc opens a heading with is no part of its title.
    assert not any("§" in p.title for p in problems)


def test_a_zero_width_permalink_opening_a_heading_is_no_part_of_its_title() -> None:
    """A hash-link of a zero-width space opening a heading, as one ending it (Docusaurus'), is a permalink:
    the heading was "[\u200b](#errors)Errors"."""
    page = '<h2 id="errors"><a href="#errors">\u200b</a>Errors</h2><p>Match on the variant.</p>'
    assert html_as_markdown(page, page=True)[0].startswith("## Errors\n")


def test_a_go_declaration_on_a_package_page_is_no_error_message() -> None:
    # "func Dial(…) (*Conn, error)" was the error message of a problem titled by the function.
    page = (
        "<html><head><title>relay package - Go Packages</title></head><body>"
        '<main class="go-Main"><h1 class="UnitHeader-titleHeading">relay</h1>'
        '<div class="Documentation"><h3 id="pkg-functions">Functions</h3>'
        '<div class="Documentation-function"><h4 id="Dial" data-kind="function">func Dial</h4>'
        '<div class="Documentation-declaration"><pre>func Dial(addr <a href="/builtin#string">string</a>) '
        '(*<a href="#Conn">Conn</a>, <a href="/builtin#error">error</a>)</pre></div>'
        "<p>Dial connects to a relay. It returns ErrRefused if the relay rejects the token.</p>"
        "</div></div></main></body></html>"
    )
    problems = parse_article(page.encode(), "relay.html").problems
    assert not any("func Dial" in message for p in problems for message in p.error_messages)
    # Guard: output a page shows in a <pre> of no language stays the error message.
    page = (
        "<html><body><h1>Relay refuses the token</h1><p>The client stops with:</p>"
        "<pre>relay: dial tcp 10.0.0.4:7000: token refused (error)</pre>"
        "<ol><li>Issue a new token.</li></ol></body></html>"
    )
    [problem] = parse_article(page.encode(), "refused.html").problems
    assert problem.error_messages == ["relay: dial tcp 10.0.0.4:7000: token refused (error)"]


GO_SENTINELS = """\
<html><head><title>relay package - Go Packages</title></head><body><main class="go-Main">
<h1 class="UnitHeader-titleHeading">relay</h1><div class="Documentation">
<h3 id="pkg-overview">Overview</h3><p>Package relay forwards frames to a relay server.</p>
<h3 id="pkg-variables">Variables</h3><section class="Documentation-variables">
<div class="Documentation-declaration"><pre>var (
	<span class="comment">// ErrRefused is returned when the relay rejects the session token.
	// Issue a new token with relayctl token rotate.</span>
	<span id="ErrRefused" data-kind="variable">ErrRefused</span> = <a href="/errors">errors</a>.<a href="/errors#New">New</a>("relay: session token refused")

	<span class="comment">// ErrFrameTooLarge is returned when a frame exceeds the negotiated size.
	// Lower max_frame in the client configuration.</span>
	<span id="ErrFrameTooLarge" data-kind="variable">ErrFrameTooLarge</span> = <a href="/errors">errors</a>.<a href="/errors#New">New</a>("relay: frame exceeds 64 KiB")
)</pre></div></section></div></main></body></html>
"""


def test_each_sentinel_error_of_a_go_package_page_is_an_error_of_its_own() -> None:
    # The "var ( … errors.New(…) … )" block was one step of the whole page, no error message of it.
    problems = parse_article(GO_SENTINELS.encode(), "relay.html").problems
    by_message = {m: p for p in problems for m in p.error_messages}
    refused = by_message["relay: session token refused"]
    too_large = by_message["relay: frame exceeds 64 KiB"]
    assert refused is not too_large
    assert "ErrRefused" in refused.error_codes
    assert "Issue a new token with relayctl token rotate." in refused.symptoms + refused.cause + " ".join(
        s.text for s in refused.steps
    )


JAVADOC_MEMBER_DETAILS = """\
<html><head><!-- Generated by javadoc (21) --><title>LedgerLockedException (Tally SDK)</title></head><body><main>
<h1 class="title">Class LedgerLockedException</h1>
<section class="class-description">
<div class="block">Thrown when another writer holds the ledger's lock.
<pre>io.tally.LedgerLockedException: ledger 'eu-2024' is locked by writer 7 (TLY-0409)</pre>
<h2>Recovery</h2>
<ol><li>Wait for the other writer's batch to end.</li><li>Retry the write.</li></ol></div>
</section>
<section class="details"><ul class="details-list">
<li><section class="constructor-details"><h2>Constructor Details</h2>
<ul class="member-list"><li><section class="detail"><h3>LedgerLockedException</h3>
<div class="member-signature">public LedgerLockedException(String ledger, int writer)</div>
<div class="block">Creates the exception for a ledger and the writer holding it.</div></section></li></ul>
</section></li>
<li><section class="method-details"><h2>Method Details</h2>
<ul class="member-list"><li><section class="detail"><h3>getWriter</h3>
<div class="member-signature">public int getWriter()</div>
<div class="block">The writer that holds the lock.</div></section></li></ul>
</section></li>
</ul></section>
</main></body></html>
"""


def test_javadoc_s_member_details_are_no_steps_of_the_class_description() -> None:
    # "Constructor Details" and its entries were steps 3 and 3.1 after the class's own two.
    [problem] = parse_article(JAVADOC_MEMBER_DETAILS.encode(), "locked.html").problems
    assert [s.text for s in problem.steps] == [
        "Wait for the other writer's batch to end.",
        "Retry the write.",
    ]
    assert problem.error_messages == [
        "io.tally.LedgerLockedException: ledger 'eu-2024' is locked by writer 7 (TLY-0409)"
    ]
    # Guard: a help page's own section classed "details" (a fold of more steps) stays read.
    page = (
        "<html><body><h1>Sync fails</h1><p>The sync stops with <code>error: disk full</code>.</p>"
        '<ol><li>Free some disk space.</li></ol><section class="details"><ol start="2">'
        "<li>Restart the sync.</li></ol></section></body></html>"
    )
    [problem] = parse_article(page.encode(), "sync.html").problems
    assert [s.text for s in problem.steps] == ["Free some disk space.", "Restart the sync."]


JAVADOC_DECLARATION = """\
<html><head><!-- Generated by javadoc (21) --><title>SnapshotCorruptException (Tally SDK)</title></head><body>
<main><h1 class="title">Class SnapshotCorruptException</h1>
<div class="inheritance" title="Inheritance Tree">java.lang.Object
<div class="inheritance">java.lang.Throwable
<div class="inheritance">io.tally.SnapshotCorruptException</div></div></div>
<section class="class-description"><hr>
<div class="type-signature"><span class="modifiers">public class </span>
<span class="element-name">SnapshotCorruptException</span> <span class="extends-implements">extends Exception</span></div>
<div class="block">Thrown when a snapshot's checksum does not match its pages.
<pre>io.tally.SnapshotCorruptException: snapshot 118 failed its checksum (TLY-0712)</pre>
<h2>Recovery</h2><ol><li>Restore the snapshot before it.</li></ol></div>
</section></main></body></html>
"""


def test_javadoc_s_inheritance_tree_and_declaration_are_no_symptoms() -> None:
    # The tree's classes and "public class … extends Exception" were the first symptoms.
    [problem] = parse_article(JAVADOC_DECLARATION.encode(), "corrupt.html").problems
    assert problem.symptoms == "Thrown when a snapshot's checksum does not match its pages."
    assert problem.error_messages == [
        "io.tally.SnapshotCorruptException: snapshot 118 failed its checksum (TLY-0712)"
    ]
    assert [s.text for s in problem.steps] == ["Restore the snapshot before it."]
    # Guard: a help page's own block classed by another kind of signature stays its text.
    page = (
        "<html><body><h1>Mail is rejected</h1>"
        '<div class="email-signature"><p>The server answers <code>550 5.7.1 relaying denied</code>.</p></div>'
        "<ol><li>Authenticate before sending.</li></ol></body></html>"
    )
    [problem] = parse_article(page.encode(), "mail.html").problems
    assert problem.error_messages == ["550 5.7.1 relaying denied"]


HADDOCK_SHOWN_EXCEPTION = """\
<html><head><title>Data.Queue.Broker.Error</title></head><body>
<div id="package-header"><span class="caption">broker-client-1.4.0: Queue broker client</span></div>
<div id="content"><div id="module-header"><p class="caption">Data.Queue.Broker.Error</p></div>
<div id="interface"><a href="#g:1" id="g:1"><h1>Troubleshooting</h1></a><div class="doc">
<p><em>Publishing stalls.</em> If the exception is</p><pre>broker: PublishTimeout "orders" 30000</pre>
<p>the broker has paused the channel because its memory alarm is set:</p>
<ol><li>Lower the publisher's rate.</li><li>Ask the broker's operator to raise its memory limit.</li></ol>
</div></div></div></body></html>
"""


def test_an_error_shown_inside_a_sentence_that_names_it_is_the_error_message() -> None:
    # Haddock docs show the exception as the object of "If the exception is"; the shown line was lost.
    [problem] = parse_article(HADDOCK_SHOWN_EXCEPTION.encode(), "broker.html").problems
    assert problem.error_messages == ['broker: PublishTimeout "orders" 30000']
    assert [s.text for s in problem.steps] == [
        "Lower the publisher's rate.",
        "Ask the broker's operator to raise its memory limit.",
    ]
    # Guard: a sentence that ends before its code (a full stop) does not make a command its message.
    page = (
        "<html><body><h1>Publishing stalls</h1><p>The error is gone once the alarm clears.</p>"
        "<pre>broker-ctl alarms --clear</pre><ol><li>Lower the rate.</li></ol></body></html>"
    )
    [problem] = parse_article(page.encode(), "stall.html").problems
    assert problem.error_messages == []


DOXYGEN_ERROR_ENUM = """\
<html><head><meta name="generator" content="Doxygen 1.10.0"/><title>libspool: spool_err.h File Reference</title>
</head><body><div class="contents">
<h2 class="groupheader">Enumeration Type Documentation</h2>
<h2 class="memtitle"><span class="permalink"><a href="#e1">&#9670;&#160;</a></span>spool_err_t</h2>
<div class="memitem"><div class="memproto"><table class="memname"><tr><td class="memname">enum spool_err_t</td>
</tr></table></div><div class="memdoc"><p>Errors of the spooler. </p>
<table class="fieldtable"><tr><th colspan="2">Enumerator</th></tr>
<tr><td class="fieldname"><a id="e1a"></a>SPOOL_ERR_DISK_FULL&#160;</td><td class="fielddoc">
<p>The spool partition is full. </p><p>Logged as <code>spoold: cannot write job 88: no space left on device</code></p>
<ol><li>Purge finished jobs with <code>spoolctl purge</code>.</li><li>Grow the spool partition.</li></ol></td></tr>
<tr><td class="fieldname"><a id="e1b"></a>SPOOL_ERR_LOCKED&#160;</td><td class="fielddoc">
<p>Another spooler holds the queue lock. </p><p>Logged as <code>spoold: cannot lock queue: held by pid 4411</code></p>
<ol><li>Stop the other spooler.</li><li>Remove the stale lock file.</li></ol></td></tr>
</table></div></div></div></body></html>
"""


def test_doxygen_s_enumerators_are_a_problem_each() -> None:
    # The enumerator table was one step of one problem: no messages, its numbered fixes flattened.
    problems = parse_article(DOXYGEN_ERROR_ENUM.encode(), "spool_err.html").problems
    by_title = {p.title: p for p in problems}
    assert {"SPOOL_ERR_DISK_FULL", "SPOOL_ERR_LOCKED"} <= set(by_title)
    full, locked = by_title["SPOOL_ERR_DISK_FULL"], by_title["SPOOL_ERR_LOCKED"]
    assert full.error_messages == ["spoold: cannot write job 88: no space left on device"]
    assert [s.text for s in full.steps] == [
        "Purge finished jobs with spoolctl purge.",
        "Grow the spool partition.",
    ]
    assert locked.error_messages == ["spoold: cannot lock queue: held by pid 4411"]
    assert [s.text for s in locked.steps] == ["Stop the other spooler.", "Remove the stale lock file."]
    # Guard: a help page's own two-column table stays a table.
    page = (
        "<html><body><h1>Spool errors</h1><table><tr><th>Code</th><th>Fix</th></tr>"
        "<tr><td>SPOOL-12</td><td>Purge finished jobs.</td></tr></table></body></html>"
    )
    assert "| SPOOL-12 | Purge finished jobs. |" in (html_as_markdown(page) or ("",))[0]


HADDOCK_CONSTRUCTORS = """\
<html><head><title>Data.Queue.Broker.Error</title></head><body><div id="content">
<div id="module-header"><p class="caption">Data.Queue.Broker.Error</p></div><div id="interface">
<a href="#g:1" id="g:1"><h1>Exception type</h1></a><div class="top">
<p class="src"><span class="keyword">data</span> <a id="t:BrokerError" class="def">BrokerError</a>
<a href="#t:BrokerError" class="selflink">#</a></p>
<div class="doc"><p>Errors raised while publishing.</p></div>
<div class="subs constructors"><p class="caption">Constructors</p><table>
<tr><td class="src"><a id="v:AccessRefused" class="def">AccessRefused</a> !Text</td><td class="doc">
<p>The broker refused the credentials. Shown as:</p><pre>broker: AccessRefused "ACCESS_REFUSED - Login was refused"</pre>
<ol><li>Check the user's password.</li><li>Grant the user access to the virtual host.</li></ol></td></tr>
<tr><td class="src"><a id="v:ChannelTimeout" class="def">ChannelTimeout</a></td><td class="doc">
<p>The broker did not open the channel in time.</p><ol><li>Raise the channel timeout.</li></ol></td></tr>
</table></div></div></div></div></body></html>
"""


def test_haddock_s_constructors_of_an_exception_type_are_a_problem_each() -> None:
    # The constructors' table was one step of a problem titled "Exception type"; the shown error was lost.
    problems = parse_article(HADDOCK_CONSTRUCTORS.encode(), "broker.html").problems
    by_title = {p.title.split()[0]: p for p in problems}
    refused, timeout = by_title["AccessRefused"], by_title["ChannelTimeout"]
    assert refused.error_messages == ['broker: AccessRefused "ACCESS_REFUSED - Login was refused"']
    assert [s.text for s in refused.steps] == [
        "Check the user's password.",
        "Grant the user access to the virtual host.",
    ]
    assert [s.text for s in timeout.steps] == ["Raise the channel timeout."]
    # Guard: a block of constructors with no table (a type with none documented) names no table after
    # it ends, a heading or not between them: the next table was read as variants, its rows headings.
    page = (
        '<html><body><h1>Broker errors</h1><div class="subs constructors"></div><p>The broker logs:</p>'
        '<table><tr><td>AccessRefused</td><td class="doc">Check the password.</td></tr></table></body></html>'
    )
    markdown = (html_as_markdown(page) or ("",))[0]
    assert "## AccessRefused" not in markdown
    assert "| AccessRefused | Check the password. |" in markdown


DOXYGEN_NAV_PATH = """\
<html><head><meta name="generator" content="Doxygen 1.10.0"/><title>libspool: spool_err.h File Reference</title>
</head><body><div id="top"><div id="nav-path" class="navpath"><ul>
<li class="navelem"><a class="el" href="dir_1.html">src</a></li><li class="navelem"><a class="el" href="dir_2.html">spool</a></li>
</ul></div></div>
<div class="contents"><h1>Spool errors</h1><p>The spooler stops with <code>spoold: cannot write job 88: no space left on device</code>.</p>
<ol><li>Purge finished jobs.</li><li>Grow the spool partition.</li></ol></div></body></html>
"""


def test_doxygen_s_nav_path_is_page_furniture() -> None:
    # The directories of the file's path ("src", "spool") were the problem's first steps.
    [problem] = parse_article(DOXYGEN_NAV_PATH.encode(), "spool_err.html").problems
    assert [s.text for s in problem.steps] == ["Purge finished jobs.", "Grow the spool partition."]
    # Guard: a help page's block classed by a path it explains (a file's path) stays its text.
    page = (
        "<html><body><h1>Spool errors</h1><p>The spooler stops.</p>"
        '<div class="file-path"><ol><li>Purge finished jobs.</li></ol></div></body></html>'
    )
    [problem] = parse_article(page.encode(), "spool.html").problems
    assert [s.text for s in problem.steps] == ["Purge finished jobs."]


YARD_SOURCE_LISTING = """\
<html><head><title>Class: Spool::Queue &mdash; Documentation by YARD 0.9.36</title></head><body>
<div id="content"><h1>Class: Spool::Queue</h1><div class="method_details first">
<h3 class="signature first" id="drain!-instance_method">#<strong>drain!</strong> &#x21d2; <tt>void</tt></h3>
<div class="docstring"><div class="discussion"><h3>Troubleshooting</h3>
<p>If the job prints <code>Spool::DrainTimeout: queue did not drain within 120s</code>:</p>
<ol><li>Stop new submissions.</li><li>Raise the drain timeout and re-run.</li></ol></div></div>
<table class="source_code"><tr><td><pre class="lines">17
18</pre></td><td><pre class="code"><span class="info file"># File 'lib/spool/queue.rb', line 17</span>
def drain!; wait_empty(120); end</pre></td></tr></table>
</div></div></body></html>
"""


def test_yard_s_source_listing_is_no_text_of_the_last_step() -> None:
    # The line numbers and the method's source were glued onto the last step.
    [problem] = parse_article(YARD_SOURCE_LISTING.encode(), "Queue.html").problems
    assert [s.text for s in problem.steps] == ["Stop new submissions.", "Raise the drain timeout and re-run."]
    # Guard: a help page's own table of a source's fields stays read.
    page = (
        "<html><body><h1>Import fails</h1><p>The import stops.</p><ol><li>Check the source.</li></ol>"
        '<table class="source_code_fields"><tr><th>Field</th><th>Meaning</th></tr>'
        "<tr><td>origin</td><td>Where the row came from.</td></tr></table></body></html>"
    )
    assert "| origin | Where the row came from. |" in (html_as_markdown(page) or ("",))[0]


YARD_BOLD_LEAD_INS = """\
<html><head><title>Class: Spool::Queue &mdash; Documentation by YARD 0.9.36</title></head><body>
<div id="content"><h1>Class: Spool::Queue</h1><div id="instance_method_details" class="method_details_list">
<h2>Instance Method Details</h2><div class="method_details first">
<h3 class="signature first" id="drain!-instance_method">#<strong>drain!</strong></h3><div class="docstring">
<div class="discussion"><p>Drain the queue.</p><h3 id="label-Troubleshooting">Troubleshooting</h3>
<p><strong>Draining never ends.</strong> The worker logs</p>
<pre class="code ruby"><code class="ruby">Spool::DrainTimeout: queue "print" did not drain within 120s</code></pre>
<p>Stop new submissions with <code>spoolctl pause print</code>, then drain again.</p>
<p><strong>Draining is refused.</strong> The worker logs</p>
<pre class="code ruby"><code class="ruby">Spool::DrainRefused: queue "print" is locked by pid 4411</code></pre>
<p>Stop the other worker and drain again.</p>
</div></div></div></div></div></body></html>
"""


def test_yard_s_bold_lead_ins_under_a_heading_are_a_problem_each() -> None:
    # Both failures were one problem titled "Instance Method Details: Troubleshooting", every paragraph
    # a step and neither logged error a message.
    problems = parse_article(YARD_BOLD_LEAD_INS.encode(), "Queue.html").problems
    by_title = {p.title: p for p in problems}
    never, refused = by_title["Draining never ends."], by_title["Draining is refused."]
    assert never.error_messages == ['Spool::DrainTimeout: queue "print" did not drain within 120s']
    assert [s.text for s in never.steps] == [
        "Stop new submissions with spoolctl pause print, then drain again."
    ]
    assert refused.error_messages == ['Spool::DrainRefused: queue "print" is locked by pid 4411']
    assert [s.text for s in refused.steps] == ["Stop the other worker and drain again."]
    # Guard: outside a generator's docstring, a help page's bold opening stays its paragraph's words.
    page = (
        "<html><body><h1>Draining never ends</h1><p><strong>Important.</strong> Back up the queue first.</p>"
        "<ol><li>Stop new submissions.</li></ol></body></html>"
    )
    [problem] = parse_article(page.encode(), "drain.html").problems
    assert problem.title == "Draining never ends"
    # Guard: a command under a sentence that ends in "prints" is no message where it reads as no failure.
    page = (
        "<html><body><h1>Draining never ends</h1><p>Check what the queue holds. The status command prints</p>"
        "<pre>spoolctl status print</pre><p>Stop new submissions.</p></body></html>"
    )
    [problem] = parse_article(page.encode(), "drain.html").problems
    assert problem.error_messages == []


def test_a_bold_lead_in_heads_a_case_only_in_a_docstring_and_in_any_script() -> None:
    # After the docstring's end, the page's footer's bold opening was a heading; so was a call-out's
    # label in it ("Please note:"); a Chinese lead-in, its stop "。" and no space in it, was none.
    docstring = (
        '<html><body><h1>Class: Spool::Queue</h1><div class="docstring"><h3>Troubleshooting</h3>'
        "<p><strong>Please note:</strong> keep a backup of the queue.</p>"
        "<p><strong>Root cause:</strong> a stale lock file.</p>"
        "<p><strong>部署超时。</strong>任务日志显示超时。</p><p><strong>Draining never ends.</strong> The worker logs</p>"
        "</div><div class='footer-notes'><p><strong>Last updated by admin.</strong> Reviewed yearly.</p></div>"
        "</body></html>"
    )
    markdown = (html_as_markdown(docstring, page=True) or ("",))[0]
    assert "#### 部署超时。" in markdown
    assert "#### Draining never ends." in markdown
    assert "**Please note:** keep a backup of the queue." in markdown
    assert "**Root cause:** a stale lock file." in markdown
    assert "**Last updated by admin.** Reviewed yearly." in markdown


DOXYGEN_FUNCTION_DOCS = """\
<html><head><meta name="generator" content="Doxygen 1.10.0"/><title>libspool: spool_err.h File Reference</title>
</head><body><div class="contents">
<h2 class="groupheader">Enumeration Type Documentation</h2>
<h2 class="memtitle"><span class="permalink"><a href="#e1">&#9670;&#160;</a></span>spool_err_t</h2>
<div class="memitem"><div class="memdoc"><p>Errors of the spooler. </p>
<table class="fieldtable"><tr><th colspan="2">Enumerator</th></tr>
<tr><td class="fieldname">SPOOL_ERR_DISK_FULL&#160;</td><td class="fielddoc">
<p>Logged as <code>spoold: cannot write job 88: no space left on device</code></p>
<ol><li>Purge finished jobs.</li><li>Grow the spool partition.</li></ol></td></tr>
</table></div></div>
<h2 class="groupheader">Function Documentation</h2>
<h2 class="memtitle"><span class="permalink"><a href="#f1">&#9670;&#160;</a></span>spool_strerror()</h2>
<div class="memitem"><div class="memproto"><table class="memname"><tr><td class="memname">const char * spool_strerror</td>
<td>(</td><td class="paramtype">spool_err_t&#160;</td><td class="paramname"><em>err</em></td><td>)</td></tr></table></div>
<div class="memdoc"><p>Text for an error. </p><dl class="params"><dt>Parameters</dt><dd><table class="params">
<tr><td class="paramname">err</td><td>A value any spool_* call returned.</td></tr></table></dd></dl>
<dl class="section return"><dt>Returns</dt><dd>A static string. </dd></dl></div></div>
</div></body></html>
"""


def test_doxygen_s_function_documentation_is_no_problem() -> None:
    # The function's entry was a problem whose steps were its description, parameters and return value.
    problems = parse_article(DOXYGEN_FUNCTION_DOCS.encode(), "spool_err.html").problems
    assert [p.title for p in problems] == ["SPOOL_ERR_DISK_FULL"]
    assert [s.text for s in problems[0].steps] == ["Purge finished jobs.", "Grow the spool partition."]
    # Guard: a help page's own "Function Documentation" section stays read.
    page = (
        "<html><body><h1>Spool errors</h1><h2>Function Documentation</h2>"
        '<div class="memitem"><p>The spooler stops.</p><ol><li>Purge finished jobs.</li></ol></div></body></html>'
    )
    assert "Purge finished jobs." in (html_as_markdown(page) or ("",))[0]


def test_doxygen_s_function_documentation_in_another_language_is_no_problem() -> None:
    # Doxygen words its groups in the page's language (OUTPUT_LANGUAGE): a German page's "Dokumentation
    # der Funktionen" was no group of reference, and each function a problem. The anchor Doxygen sets
    # before a group's heading names its members' kind in any language.
    page = (
        DOXYGEN_FUNCTION_DOCS.replace("Enumeration Type Documentation", "Dokumentation der Aufzählungstypen")
        .replace(
            '<h2 class="groupheader">Dokumentation der',
            '<a name="doc-enum-members" id="doc-enum-members"></a>\n<h2 class="groupheader">Dokumentation der',
        )
        .replace(
            '<h2 class="groupheader">Function Documentation</h2>',
            '<a name="doc-func-members" id="doc-func-members"></a>\n'
            '<h2 class="groupheader">Dokumentation der Funktionen</h2>',
        )
    )
    problems = parse_article(page.encode(), "spool_err.html").problems
    assert [p.title for p in problems] == ["SPOOL_ERR_DISK_FULL"]


# A chapter of an EPUB book (its XHTML): a "Troubleshooting" chapter of numbered sections, a sidebar boxed
# in one of them, and footnote reference marks that link to the notes at the chapter's end.
EPUB_CHAPTER = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" lang="en">
<head><title>Chapter 7. When the cluster misbehaves</title></head>
<body epub:type="bodymatter">
<section epub:type="chapter" id="ch07">
<h1>When the cluster misbehaves</h1>
<section id="ch07-1">
<h2>7.1 “not enough replicas”</h2>
<pre class="programlisting">ERROR: write rejected: not enough replicas (2 of 3 required)</pre>
<p>A rolling restart took two brokers down at once, below the quorum of 3.<a href="#fn7-1" epub:type="noteref" role="doc-noteref" id="fnref7-1"><sup>1</sup></a></p>
<ol class="procedure">
<li><p>Bring the stopped broker back.</p></li>
<li><p>Restart the others one at a time.</p></li>
</ol>
<aside epub:type="sidebar" class="sidebar">
<h3 class="sidebar-title">Why not lower the quorum?</h3>
<p>You can set it to 2, but a single broker failure then loses acknowledged writes.</p>
</aside>
</section>
<section id="ch07-2">
<h2>7.2 Consumers stuck at one offset</h2>
<pre class="programlisting">WARN consumer group billing: partition 4 lag 120000 and not moving</pre>
<ol class="procedure">
<li><p>Skip the poisoned record with the reset tool.</p></li>
</ol>
</section>
</section>
</body></html>
"""


def test_an_epub_sidebar_is_a_note_of_its_section_s_problem() -> None:
    """A book's boxed sidebar (``<aside epub:type="sidebar">``) is the author's aside in its section: its
    class was read as a docs site's navigation and the box dropped, its words nowhere."""
    first, second = parse_article(EPUB_CHAPTER.encode(), "ch07.xhtml.html").problems
    assert [s.text for s in first.steps] == [
        "Bring the stopped broker back.",
        "Restart the others one at a time.",
    ]
    notes = " ".join(n.text for n in first.notes)
    assert "Why not lower the quorum?" in notes
    assert "a single broker failure then loses acknowledged writes" in notes
    assert second.notes == []


def test_an_epub_noteref_mark_is_no_word_of_its_sentence() -> None:
    """An EPUB footnote's reference mark (``epub:type="noteref"``) was glued to the number before it:
    "the quorum of 3.1"."""
    first, _ = parse_article(EPUB_CHAPTER.encode(), "ch07.xhtml.html").problems
    assert first.cause == "A rolling restart took two brokers down at once, below the quorum of 3."


def test_a_noteref_mark_among_other_aria_roles_is_no_word_of_its_sentence() -> None:
    """A footnote's reference mark whose ARIA roles are several ("link doc-noteref") is a mark as one of
    ``role="doc-noteref"`` alone is: its number was glued to the sentence ("… quorum of 3.[1](#fn1)")."""
    page = '<p>Below the quorum of 3.<a href="#fn1" role="link doc-noteref"><sup>1</sup></a></p>'
    assert html_as_markdown(page)[0] == "Below the quorum of 3.\n"


def test_a_docs_site_s_sidebar_stays_furniture() -> None:
    """Guard: a sidebar of navigation by its class alone, no book's sidebar, is still no text of the page."""
    page = EPUB_CHAPTER.replace('<aside epub:type="sidebar" class="sidebar">', '<aside class="sidebar">')
    first, _ = parse_article(page.encode(), "ch07.xhtml.html").problems
    assert "quorum" not in " ".join(n.text for n in first.notes)


# An issue tracker's issue page saved as HTML (Bitbucket's): the issue's description with its fix, then its
# comments section, a comment with its author, date and action links, and an automatic status change.
TRACKER_ISSUE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>edge-proxy / Issues / #88 — Bitbucket</title></head>
<body><main>
<h1 id="issue-title">Health checks fail with "upstream connect error or disconnect/reset before headers"</h1>
<article class="issue-description"><div class="markup">
<h2>What happens</h2>
<pre><code>upstream connect error or disconnect/reset before headers. reset reason: connection termination</code></pre>
<h2>Fix</h2>
<ol>
<li>Raise the upstream idle timeout above the load balancer's.</li>
<li>Roll the proxy pods.</li>
</ol>
</div></article>
<section class="issue-comments">
<h3>Comments (2)</h3>
<div class="comment"><div class="comment-author">Lea Moreau <time>2025-09-12</time></div><div class="comment-body"><p>Rolled out to staging first.</p></div><div class="comment-actions"><a href="#">Reply</a> <a href="#">Edit</a></div></div>
<div class="comment change"><div class="comment-author">Omar Said</div><div class="comment-body"><ul class="changes"><li>changed <strong>status</strong> to <em>resolved</em></li></ul></div></div>
</section>
</main></body></html>
"""


def test_an_issue_page_s_comments_are_no_group_of_steps() -> None:
    """An issue tracker's comments section ("issue-comments") was a group of steps, "Comments (2)", its
    status change a step and the comment's author and links notes."""
    [problem] = parse_article(TRACKER_ISSUE.encode(), "issue.html").problems
    assert [s.text for s in problem.steps] == [
        "Raise the upstream idle timeout above the load balancer's.",
        "Roll the proxy pods.",
    ]
    assert all(s.group != "Comments (2)" for s in problem.steps)
    assert problem.notes == []


def test_an_issue_page_s_section_named_for_comments_in_its_text_stays() -> None:
    """Guard: a section of the description whose id names comments (a heading's anchor) stays the article's."""
    page = TRACKER_ISSUE.replace(
        "</div></article>",
        '<section id="issue-comments-syntax"><h2>Note</h2><p>Comments in the config need a space after #.</p></section></div></article>',
    )
    converted = html_as_markdown(page, page=True)
    assert converted is not None
    assert "Comments in the config need a space after #." in converted[0]
    # The tracker's section is known by its class: an id "issue-comments" is the anchor of a heading so worded.
    page = TRACKER_ISSUE.replace(
        "</div></article>",
        '<section id="issue-comments"><h2>Issue: comments</h2><ol><li>Clear the cache.</li></ol></section></div></article>',
    )
    converted = html_as_markdown(page, page=True)
    assert converted is not None
    assert "Clear the cache." in converted[0]


def test_an_issue_page_s_properties_panel_is_no_symptom() -> None:
    """The issue's panel of properties beside its description ("issue-meta": Assignee, Priority, Status)
    was the first lines of the symptoms."""
    page = TRACKER_ISSUE.replace(
        '<article class="issue-description">',
        '<div class="issue-meta"><dl><dt>Assignee</dt><dd>Omar Said</dd><dt>Priority</dt><dd>major</dd>'
        '<dt>Status</dt><dd>resolved</dd></dl></div>\n<article class="issue-description">',
    )
    [problem] = parse_article(page.encode(), "issue.html").problems
    assert (
        problem.symptoms
        == "upstream connect error or disconnect/reset before headers. reset reason: connection termination"
    )


def test_a_meta_class_of_the_issue_s_own_text_stays() -> None:
    """Guard: a block of the description whose class only mentions meta ("issue-metadata-example") is text."""
    page = TRACKER_ISSUE.replace(
        "<h2>Fix</h2>",
        '<div class="issue-metadata-example"><p>The proxy logs the reset reason.</p></div>\n<h2>Fix</h2>',
    )
    [problem] = parse_article(page.encode(), "issue.html").problems
    assert "The proxy logs the reset reason." in problem.symptoms


# A Slab post exported as HTML: the post, then after a rule its footer of related posts, its comment and
# view counts and the export's stamp.
SLAB_POST = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Grafana: panels show "No data"</title></head>
<body>
<h1>Grafana: panels show "No data"</h1>
<h2>Data source times out</h2>
<pre><code>Post "http://prometheus:9090/api/v1/query_range": context deadline exceeded (Client.Timeout exceeded while awaiting headers)</code></pre>
<ol>
<li>Raise the data source's timeout to 60 seconds.</li>
<li>Shorten the dashboard's default time range.</li>
</ol>
<hr>
<p><em>Related posts: Prometheus: high cardinality · Loki: slow queries</em></p>
<p><em>5 comments · 22 views this week</em></p>
<p><em>Exported from Slab on Feb 3, 2026</em></p>
</body></html>
"""


def test_a_slab_post_s_footer_counts_and_export_stamp_are_no_notes() -> None:
    """The footer's counts ("5 comments · 22 views this week") and export stamp ("Exported from Slab on
    Feb 3, 2026") were notes after the last problem's steps."""
    article = parse_article(SLAB_POST.encode(), "grafana.html")
    [problem] = article.problems
    assert problem.notes == []
    assert "Exported from Slab" in article.body


@pytest.mark.parametrize("day", ["Feb 3. 2026", "2026-02-03T09:14Z"])
def test_an_export_stamp_s_date_is_spelled_as_a_byline_s(day: str) -> None:
    """The export stamp's date, in any spelling a byline's date is read in (one DATE of indexer.dates):
    the stamp wrote it out a second time, narrower, and these were notes."""
    page = SLAB_POST.replace("Exported from Slab on Feb 3, 2026", f"Exported from Slab on {day}")
    [problem] = parse_article(page.encode(), "grafana.html").problems
    assert problem.notes == []


def test_a_sentence_about_exporting_after_a_rule_stays_a_note() -> None:
    """Guard: a sentence after the rule that says what to do with an export is the author's note."""
    page = SLAB_POST.replace(
        "<p><em>Exported from Slab on Feb 3, 2026</em></p>",
        "<p>Dashboards exported from the old server on Feb 3, 2026 need their data source renamed first.</p>",
    ).replace("<p><em>5 comments · 22 views this week</em></p>\n", "")
    [problem] = parse_article(page.encode(), "grafana.html").problems
    assert any("need their data source renamed" in n.text for n in problem.notes)


HELPDOCS_ARTICLE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Can't sync the Tallyroute driver app | Tallyroute Help</title></head>
<body class="hd-article-page">
<article class="hd-article" id="hd-article">
<h1 class="hd-article-title">Can't sync the Tallyroute driver app</h1>
<div class="hd-article-body">
<h2 id="upload-blocked-w2210">"Upload blocked (W2210)"</h2>
<p>Proof-of-delivery photos stay in the outbox and the app shows
<strong>Upload blocked (W2210). Free up space and try again.</strong></p>
<ol>
<li>Open <strong>Settings &gt; Storage</strong> and clear the photo cache.</li>
<li>Tap <strong>Sync now</strong>.</li>
</ol>
<h2 id="route-locked-e3105">"Route locked (E3105)"</h2>
<p>The day's route will not open and the app shows <strong>Route locked (E3105).</strong></p>
<ol>
<li>Ask your dispatcher to release the route.</li>
<li>Pull down on the route list to refresh it.</li>
</ol>
<h2 id="older-phones">Older phones</h2>
<p>The app runs on the Zebra handheld (TC520) and newer models.</p>
</div>
</article>
</body></html>
"""


def test_a_help_centre_s_app_code_in_brackets_after_its_message_is_the_problem_s_code(tmp_path: Path) -> None:
    # The code the app shows after its message was no code: typed alone, it found nothing.
    article = parse_article(HELPDOCS_ARTICLE.encode(), "sync.html")
    upload, route = article.problems[:2]
    assert upload.error_codes == ["W2210"]
    assert upload.error_messages == ["Upload blocked (W2210). Free up space and try again."]
    assert [s.text for s in upload.steps] == [
        "Open Settings > Storage and clear the photo cache.",
        "Tap Sync now.",
    ]
    assert route.error_codes == ["E3105"]
    # Guard: a model in brackets in a sentence that reports no error is no code.
    assert not any("TC520" in code for p in article.problems for code in p.error_codes)
    folder = tmp_path / "kb"
    folder.mkdir()
    (folder / "sync.html").write_text(HELPDOCS_ARTICLE, encoding="utf-8")
    build_index([folder], tmp_path / "index.db")
    kb = KnowledgeBase(tmp_path / "index.db")
    for asked, expected in (("E3105", "sync#2"), ("error W2210", "sync#1")):
        best = match(kb, asked).matches[0]
        assert best.problem.id == expected, asked
        assert "error_code" in [e.field for e in best.evidence], asked


SHAREPOINT_WIKI = """<html><head><meta name="GENERATOR" content="Microsoft SharePoint">
<title>VPN Client Issues - Service Desk Wiki</title></head>
<body>
<div id="s4-titlerow"><h1 id="pageTitle" class="ms-core-pageTitle">VPN Client Issues</h1></div>
{nav}
<div id="contentBox"><div class="ms-wikicontent ms-rtestate-field">
<h2 class="ms-rteElement-H2">Client stuck on Connecting</h2>
<p><strong>Symptom:</strong> the tray icon stays amber and the log shows <code>IKE negotiation timed out</code>.</p>
<p><strong>Cause:</strong> the hotel network blocks UDP 500.</p>
<table class="ms-rteTable-default"><tbody>
<tr class="ms-rteTableHeaderRow-default"><th>Step</th><th>What to do</th></tr>
<tr class="ms-rteTableOddRow-default"><td>1</td><td>Open the client's settings.</td></tr>
<tr class="ms-rteTableEvenRow-default"><td>2</td><td>Switch the protocol to SSL.</td></tr>
</tbody></table>
<h2 class="ms-rteElement-H2">Certificate prompt at every start</h2>
<p><strong>Symptom:</strong> the client asks to pick a certificate each time it starts.</p>
<p><strong>Cause:</strong> two machine certificates match the profile.</p>
<table class="ms-rteTable-default"><tbody>
<tr class="ms-rteTableHeaderRow-default"><th>Step</th><th>What to do</th></tr>
<tr class="ms-rteTableOddRow-default"><td>1</td><td>Delete the expired certificate in certlm.msc.</td></tr>
<tr class="ms-rteTableEvenRow-default"><td>2</td><td>Restart the client.</td></tr>
</tbody></table>
</div></div>
</body></html>
"""


def test_a_sharepoint_wiki_page_s_step_tables_are_each_problem_s_fix() -> None:
    """A SharePoint wiki page writes each procedure as a rich-text table ("Step | What to do", ms-rteTable):
    after a labelled Symptom and Cause, the table was the section's text, not its fix, and the page's
    problems were merged into one of the whole article, their causes one."""
    page = SHAREPOINT_WIKI.format(nav="")
    connecting, prompt = parse_article(page.encode(), "vpn.html").problems
    assert (connecting.title, prompt.title) == (
        "Client stuck on Connecting",
        "Certificate prompt at every start",
    )
    assert connecting.cause == "the hotel network blocks UDP 500."
    assert "IKE negotiation timed out" in connecting.error_messages
    assert [s.text for s in connecting.steps] == [
        "Open the client's settings.",
        "Switch the protocol to SSL.",
    ]
    assert prompt.cause == "two machine certificates match the profile."
    assert [s.text for s in prompt.steps] == [
        "Delete the expired certificate in certlm.msc.",
        "Restart the client.",
    ]


SHAREPOINT_CHROME = """<div id="s4-ribbonrow"><div class="ms-cui-ribbonTopBars"><span class="ms-cui-tt-span">Browse</span>
<span class="ms-cui-tt-span">Page</span></div></div>
<div class="ms-breadcrumb-top"><div class="ms-core-listMenu-horizontalBox"><ul>
<li><a href="/sites/sd/SitePages/Home.aspx">Service Desk</a></li><li><a href="/sites/sd/Lists/Tickets">Tickets</a></li>
</ul></div></div>
<div id="sideNavBox" class="ms-dialogHidden ms-forceWrap ms-noList"><div class="ms-core-listMenu-verticalBox"><ul>
<li><a href="/sites/sd/wiki/Home.aspx">Home</a></li>
<li><a href="/sites/sd/wiki/How%20To%20Use%20This%20Library.aspx">How To Use This Library</a></li>
<li><span class="ms-core-listMenu-item">Recent</span></li></ul></div></div>"""


def test_a_sharepoint_page_s_navigation_and_ribbon_are_no_part_of_the_article() -> None:
    """A SharePoint page saved as HTML keeps its master page's chrome around the wiki's rich-text field: the
    ribbon's tabs, the top link bar and the Quick Launch (its menus, ms-core-listMenu-verticalBox and
    -horizontalBox). Read as the page's, the Quick Launch's links were the steps of one problem of the whole
    page, and the page's own problems were lost."""
    page = SHAREPOINT_WIKI.format(nav=SHAREPOINT_CHROME)
    article = parse_article(page.encode(), "vpn.html")
    assert [p.title for p in article.problems] == [
        "Client stuck on Connecting",
        "Certificate prompt at every start",
    ]
    said = " ".join([*(s.text for p in article.problems for s in p.steps), article.body])
    for chrome in ("How To Use This Library", "Recent", "Tickets", "Browse"):
        assert chrome not in said


def test_a_sharepoint_page_s_web_part_keeps_its_rich_text_lists() -> None:
    """Guard: the web part that holds the rich-text field (ms-webpart-chrome) and the editor's own styles
    (ms-rteElement-…) are the article's: its list of steps stays the fix."""
    body = (
        '<div class="ms-webpart-chrome ms-webpart-chrome-fullWidth"><div class="ms-wikicontent ms-rtestate-field">'
        '<h2 class="ms-rteElement-H2">Client stuck on Connecting</h2>'
        "<p><strong>Cause:</strong> the hotel network blocks UDP 500.</p>"
        '<ol class="ms-rteElement-P"><li>Open the client\'s settings.</li><li>Switch the protocol to SSL.</li></ol>'
        "</div></div>"
    )
    page = f"<html><head><title>VPN - Wiki</title></head><body>{SHAREPOINT_CHROME}{body}</body></html>"
    [problem] = parse_article(page.encode(), "vpn.html").problems
    assert [s.text for s in problem.steps] == ["Open the client's settings.", "Switch the protocol to SSL."]


@pytest.mark.parametrize(
    "shown",
    [
        'the log shows <span class="ms-rteStyle-Code">IKE negotiation timed out</span>.</p>',
        'the log shows:</p>\n<div class="ms-rteStyle-Code">IKE negotiation timed out</div>',
    ],
    ids=["span", "block"],
)
def test_sharepoint_s_code_style_sets_the_error_the_page_shows(shown: str) -> None:
    """SharePoint's rich-text editor has no code element: its Code style (ms-rteStyle-Code, set in the site's
    stylesheet, not on the element) marks a message as code. Read as prose, the message the Symptom quotes
    was no error message of the problem, and a paste of it found no message to agree with."""
    page = SHAREPOINT_WIKI.format(nav="").replace(
        "the tray icon stays amber and the log shows <code>IKE negotiation timed out</code>.</p>", shown
    )
    connecting = parse_article(page.encode(), "vpn.html").problems[0]
    assert "IKE negotiation timed out" in connecting.error_messages


def test_a_span_of_another_style_stays_prose() -> None:
    """Guard: the editor's other styles (ms-rteStyle-Emphasis) set no code."""
    page = SHAREPOINT_WIKI.format(nav="").replace(
        "the tray icon stays amber and the log shows <code>IKE negotiation timed out</code>.</p>",
        'the tray icon stays <span class="ms-rteStyle-Emphasis">amber</span>.</p>',
    )
    connecting = parse_article(page.encode(), "vpn.html").problems[0]
    assert connecting.error_messages == []


def test_a_sharepoint_symptom_that_shows_its_message_in_the_code_style_keeps_its_steps() -> None:
    """A section that labels only its Symptom, announces the message ("… fails to start with:"), shows it in
    a block of the Code style and then its table of steps: the label kept the message and the table as what
    is seen, the section had no fix, and the problem was lost to one of the whole page."""
    second = (
        '<h2 class="ms-rteElement-H2">Client cannot start without its certificate</h2>\n'
        "<p><strong>Symptom:</strong> the client fails to start with:</p>\n"
        '<div class="ms-rteStyle-Code">Cannot find a certificate that matches the profile (0x80092004).</div>\n'
    )
    start = SHAREPOINT_WIKI.index('<h2 class="ms-rteElement-H2">Certificate')
    end = SHAREPOINT_WIKI.index("<table", start)
    page = (SHAREPOINT_WIKI[:start] + second + SHAREPOINT_WIKI[end:]).format(nav="")
    connecting, prompt = parse_article(page.encode(), "vpn.html").problems
    assert prompt.title == "Client cannot start without its certificate"
    assert prompt.error_messages == ["Cannot find a certificate that matches the profile (0x80092004)."]
    assert [s.text for s in prompt.steps] == [
        "Delete the expired certificate in certlm.msc.",
        "Restart the client.",
    ]
    assert connecting.cause == "the hotel network blocks UDP 500."
