"""Pages that structured-authoring tools and wikis publish as HTML: DITA-OT's troubleshooting topics
(their Condition, Cause and Remedy sections, message phrases and notes), DocBook's XSL output (run-in
part labels, numbered sections, procedures) and BookStack's pages (the columns and pager around the
page, its call-outs).

Each test writes a small article of its own in one tool's style, finds it as `kb index` does and reads
it with the real indexer.
"""

from __future__ import annotations

from pathlib import Path

from test_house_styles import read

# A DITA troubleshooting topic as DITA-OT's HTML5 output writes it: a <condition>, then a cause and a
# remedy in a troubleSolution; the message the condition quotes in a message phrase (<msgph>).
DITA_TOPIC = """\
<!DOCTYPE html>
<html lang="en-us"><head><meta charset="UTF-8"><meta name="generator" content="DITA-OT">
<title>Label printer skips every second label</title></head>
<body id="ts_label_skip"><main role="main"><article role="article" aria-labelledby="ariaid-title1">
<h1 class="title topictitle1" id="ariaid-title1">Label printer skips every second label</h1>
<div class="body troublebody">
<section class="section condition"><h2 class="title sectiontitle">Condition</h2>
<p class="p">The printer feeds a blank label after each printed one, and the status bar shows
<span class="ph msgph">LP-0417: Gap sensor not calibrated</span>.</p>
</section>
<div class="troubleSolution">
<section class="section cause"><h2 class="title sectiontitle">Cause</h2>
<p class="p">The label roll was changed to a size the sensor was not calibrated for.</p>
</section>
<section class="section remedy"><h2 class="title sectiontitle">Remedy</h2>
<ol class="ol steps"><li class="li step stepexpand"><span class="ph cmd">Hold the feed button until the light flashes twice.</span></li>
<li class="li step stepexpand"><span class="ph cmd">Release it and wait for the calibration to finish.</span></li></ol>
</section></div></div></article></main></body></html>
"""


def test_a_dita_condition_is_the_symptoms_and_its_message_phrase_the_error(tmp_path: Path) -> None:
    """DITA's <condition> is titled "Condition": it named no part, so what is seen was the problem's
    body, and the message its <msgph> quotes, with its code, was lost."""
    article = read(tmp_path / "kb", "label-skip.html", DITA_TOPIC)
    [problem] = article.problems
    assert problem.title == "Label printer skips every second label"
    assert problem.symptoms.startswith("The printer feeds a blank label after each printed one")
    assert problem.error_messages == ["LP-0417: Gap sensor not calibrated"]
    assert problem.error_codes == ["LP0417"]
    assert problem.cause == "The label roll was changed to a size the sensor was not calibrated for."
    assert [s.text for s in problem.steps] == [
        "Hold the feed button until the light flashes twice.",
        "Release it and wait for the calibration to finish.",
    ]


def test_a_phrase_of_another_dita_kind_stays_words_of_its_sentence(tmp_path: Path) -> None:
    # Guard: only a message phrase is the program's text; a command's or a UI control's phrase is prose.
    page = DITA_TOPIC.replace("ph msgph", "ph uicontrol")
    [problem] = read(tmp_path / "kb", "label-skip.html", page).problems
    assert problem.error_messages == []
    assert "the status bar shows LP-0417: Gap sensor not calibrated." in problem.symptoms


# A chapter of a DocBook manual as its XSL stylesheets write it: numbered sections, each problem's parts
# run-in labels ending in a full stop (a <formalpara>'s title), and a numbered <procedure> with its title.
DOCBOOK_SECTION = """\
<html><head><meta http-equiv="Content-Type" content="text/html; charset=UTF-8">
<title>4.2. Mail relay problems</title><meta name="generator" content="DocBook XSL Stylesheets V1.79.2"></head>
<body><div class="section"><div class="titlepage"><div><div>
<h2 class="title" style="clear: both"><a name="relay-problems"></a>4.2. Mail relay problems</h2></div></div></div>
<div class="section"><div class="titlepage"><div><div>
<h3 class="title"><a name="relay-queue"></a>4.2.1. Outbound queue keeps growing</h3></div></div></div>
<p><span class="bold"><strong>Symptom. </strong></span>The <code class="literal">deferred</code> queue grows by
hundreds of messages an hour and nothing reaches the smart host.</p>
<p><span class="bold"><strong>Cause. </strong></span>The smart host rejects the relay after its certificate was
renewed with a new issuer.</p>
<div class="procedure"><a name="proc-relay-queue"></a><p class="title"><b>Procedure 4.1. Trusting the new issuer</b></p>
<ol class="procedure" type="1"><li class="step"><p>Copy the issuer certificate to <code class="filename">/etc/relay/ca.d</code>.</p></li>
<li class="step"><p>Reload the relay.</p></li></ol></div>
</div>
<div class="section"><div class="titlepage"><div><div>
<h3 class="title"><a name="relay-dns"></a>4.2.2. Relay cannot resolve the smart host</h3></div></div></div>
<p><span class="bold"><strong>Symptom. </strong></span>Every delivery is deferred and the log shows:</p>
<pre class="screen">relay: warning: smarthost.example.net: Name or service not known</pre>
<p><span class="bold"><strong>Cause. </strong></span>The relay's resolver still points at the retired DNS server.</p>
<div class="procedure"><a name="proc-relay-dns"></a><p class="title"><b>Procedure 4.2. Pointing the relay at the new resolver</b></p>
<ol class="procedure" type="1"><li class="step"><p>Edit <code class="filename">/etc/resolv.conf</code>.</p></li></ol></div>
</div></div></body></html>
"""


def test_a_docbook_run_in_label_ended_by_a_full_stop_opens_its_part(tmp_path: Path) -> None:
    """ "**Cause.** …" right after "**Symptom.** …" (a formalpara's run-in title) went on with the
    symptoms: the problem had no cause, and its symptoms said why it happens."""
    first, second = read(tmp_path / "kb", "relay.html", DOCBOOK_SECTION).problems
    assert first.symptoms == (
        "The deferred queue grows by hundreds of messages an hour and nothing reaches the smart host."
    )
    assert (
        first.cause == "The smart host rejects the relay after its certificate was renewed with a new issuer."
    )
    assert [s.text for s in first.steps] == [
        "Copy the issuer certificate to /etc/relay/ca.d.",
        "Reload the relay.",
    ]
    assert second.cause == "The relay's resolver still points at the retired DNS server."
    assert second.error_messages == ["relay: warning: smarthost.example.net: Name or service not known"]


def test_a_bold_sentence_ended_by_a_full_stop_stays_text(tmp_path: Path) -> None:
    # Guard: only a part's name is a run-in label; a bold sentence opening a paragraph says what it says.
    page = DOCBOOK_SECTION.replace("<strong>Cause. </strong>", "<strong>Check the relay first. </strong>", 1)
    [first, _] = read(tmp_path / "kb", "relay.html", page).problems
    assert first.cause == ""
    assert "Check the relay first." in first.symptoms


def test_a_docbook_procedure_s_title_is_a_note_before_its_steps_and_titles_lose_their_numbers(
    tmp_path: Path,
) -> None:
    """DocBook writes a <procedure> on one line, its title and its steps: the title, which stands over
    the steps, was a note after them, as the line they share was read. And the section numbers its
    stylesheets print ("4.2.1.") were words of each problem's title."""
    one_line = DOCBOOK_SECTION.replace('</p>\n<ol class="procedure"', '</p><ol class="procedure"').replace(
        "</p></li>\n<li", "</p></li><li"
    )
    first, second = read(tmp_path / "kb", "relay.html", one_line).problems
    assert [first.title, second.title] == [
        "Outbound queue keeps growing",
        "Relay cannot resolve the smart host",
    ]
    [note] = second.notes
    assert (note.text, note.after) == ("Procedure 4.2. Pointing the relay at the new resolver", False)
    assert [s.text for s in second.steps] == ["Edit /etc/resolv.conf."]


def test_a_number_that_opens_a_title_without_a_section_s_full_stop_stays_in_it(tmp_path: Path) -> None:
    # Guard: a version or a size opening a title is no section number ("2.4 upgrade …", "1.5 GB …").
    page = DOCBOOK_SECTION.replace(
        "4.2.1. Outbound queue keeps growing", "2.4 upgrade leaves mail in the outbound queue"
    )
    [first, _] = read(tmp_path / "kb", "relay.html", page).problems
    assert first.title == "2.4 upgrade leaves mail in the outbound queue"


# A BookStack page as the wiki serves it: the book's navigation in the left column, the page in the middle
# one, the pager to the previous and next pages under it, and the page's details and actions in the right
# column, each column and the pager marked as no part of a printout ("print-hidden").
BOOKSTACK_PAGE = """\
<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Scanners: troubleshooting | Ops Wiki</title></head>
<body class="tri-layout">
<div id="content" role="main" class="tri-layout-container">
<div class="tri-layout-left print-hidden" id="sidebar"><div class="tri-layout-left-contents">
<div id="tags" class="mb-xl"><h5>Tags</h5><div class="tag-item"><a href="/search?term=%5Bhardware%5D">hardware</a></div></div>
<nav id="book-tree" class="book-tree mb-xl" aria-label="Book Navigation"><h5>Book Navigation</h5>
<ul class="sidebar-page-list"><li><a href="/books/scanners/page/troubleshooting">Scanners: troubleshooting</a></li></ul></nav>
</div></div>
<div class="tri-layout-middle"><div class="tri-layout-middle-contents">
<main class="content-wrap card"><div class="page-content clearfix">
<h1 class="break-text" id="bkmrk-page-title">Scanners: troubleshooting</h1>
<div dir="auto">
<h2 id="bkmrk-scans-land">Scans never arrive in the shared folder</h2>
<p id="bkmrk-the-scanner">The scanner says <code>Sent</code>, but no file appears in <code>\\\\files\\scans</code>.</p>
<h4 id="bkmrk-why">Why it happens</h4>
<p id="bkmrk-the-account">The scanner's service account password expired.</p>
<h4 id="bkmrk-what">What to do</h4>
<ol id="bkmrk-open"><li>Open the scanner's web page and sign in as admin.</li><li>Enter the new password under <strong>Address Book &gt; Folders</strong>.</li></ol>
</div></div></main>
<div class="grid half collapse-xs items-center mb-m px-m no-row-gap fade-in-when-active print-hidden">
<div><a href="/books/scanners/page/toner" class="entity-list-item"><span class="text-muted">Previous</span><span class="text-limit-lines-2">Toner low warnings</span></a></div>
<div class="text-m-right"><a href="/books/scanners/page/locations" class="entity-list-item"><span class="text-muted">Next</span><span class="text-limit-lines-2">Scanner locations</span></a></div>
</div></div></div>
<div class="tri-layout-right print-hidden"><div class="tri-layout-right-contents">
<div id="page-details" class="entity-details mb-xl"><h5>Details</h5>
<div class="entity-meta"><div class="entity-meta-item"><span>Revision #4</span></div>
<div class="entity-meta-item"><span>Updated 2 days ago by Priya Nair</span></div></div></div>
<div class="actions mb-xl"><h5>Actions</h5><div class="icon-list text-link">
<a href="/books/scanners/page/troubleshooting/edit" class="icon-list-item"><span>Edit</span></a>
<a href="/books/scanners/page/troubleshooting/revisions" class="icon-list-item"><span>Revisions</span></a></div></div>
</div></div>
</div></body></html>
"""


def test_a_wiki_s_columns_and_pager_marked_not_for_print_are_no_part_of_the_article(tmp_path: Path) -> None:
    """BookStack's right column (the page's revision, author and actions) was a group of steps of the
    last problem, and its pager ("Previous", "Next") two notes of it."""
    article = read(tmp_path / "kb", "scanners.html", BOOKSTACK_PAGE)
    [problem] = article.problems
    assert problem.title == "Scans never arrive in the shared folder"
    assert problem.cause == "The scanner's service account password expired."
    assert [s.text for s in problem.steps] == [
        "Open the scanner's web page and sign in as admin.",
        "Enter the new password under Address Book > Folders.",
    ]
    assert {s.group for s in problem.steps} == {None}
    assert problem.notes == []
    for chrome in ("Revision #4", "Priya Nair", "Revisions", "Scanner locations", "Book Navigation"):
        assert chrome not in article.body


def test_a_paragraph_of_the_page_marked_not_for_print_stays_its_text(tmp_path: Path) -> None:
    # Guard: a block of the page's own text hidden from a printout is still the page's.
    page = BOOKSTACK_PAGE.replace(
        "</ol>\n</div></div></main>",
        '</ol>\n<p class="print-hidden" id="bkmrk-tip">Scan a test page to check the folder.</p>\n</div></div></main>',
    )
    [problem] = read(tmp_path / "kb", "scanners.html", page).problems
    assert [n.text for n in problem.notes] == ["Scan a test page to check the folder."]


def test_a_wiki_s_call_out_paragraph_keeps_its_kind(tmp_path: Path) -> None:
    """BookStack writes a call-out as a paragraph of the class "callout" and its kind ("callout danger"):
    a paragraph was no call-out, so the warning was a plain note."""
    page = BOOKSTACK_PAGE.replace(
        "</ol>\n</div></div></main>",
        '</ol>\n<p class="callout danger" id="bkmrk-never">Never reset the admin password on the scanner.</p>\n'
        "</div></div></main>",
    )
    [problem] = read(tmp_path / "kb", "scanners.html", page).problems
    [note] = problem.notes
    assert (note.text, note.after) == ("Danger: Never reset the admin password on the scanner.", True)
    assert len(problem.steps) == 2


def test_a_call_out_paragraph_left_unclosed_ends_where_the_next_block_begins(tmp_path: Path) -> None:
    # Guard: a paragraph is closed by the next block, as a browser closes it: the call-out takes no more.
    page = BOOKSTACK_PAGE.replace(
        '<h4 id="bkmrk-why">',
        '<p class="callout info">Only the shared scanners send to this folder.\n<h4 id="bkmrk-why">',
    )
    [problem] = read(tmp_path / "kb", "scanners.html", page).problems
    assert problem.cause == "The scanner's service account password expired."
    assert problem.steps[0].text == "Open the scanner's web page and sign in as admin."
    assert "Why it happens" not in problem.symptoms
    said = [n.text for n in problem.notes]
    assert "Only the shared scanners send to this folder." in " ".join([problem.symptoms, *said])


DITA_NOTE = DITA_TOPIC.replace(
    "</ol>\n</section>",
    '</ol>\n<div class="note warning note_warning"><span class="note__title">Warning:</span> Do not open the cover'
    " while the printer calibrates.</div>\n</section>",
)


def test_a_dita_warning_note_is_a_warning(tmp_path: Path) -> None:
    """DITA-OT classes a <note type="warning"> "note warning": it was read as a plain note."""
    [problem] = read(tmp_path / "kb", "label-skip.html", DITA_NOTE).problems
    [note] = problem.notes
    assert note.markdown.startswith("> [!WARNING]")
    assert note.text == "Warning: Do not open the cover while the printer calibrates."


# A DITA troubleshooting topic with two troubleSolutions, each a cause and the remedy for it.
DITA_SOLUTIONS = """\
<html lang="en-us"><head><meta name="generator" content="DITA-OT"><title>Nightly export stops at 80%</title></head>
<body><main role="main"><article role="article" aria-labelledby="ariaid-title1">
<h1 class="title topictitle1" id="ariaid-title1">Nightly export stops at 80%</h1>
<div class="body troublebody">
<section class="section condition"><h2 class="title sectiontitle">Condition</h2>
<pre class="pre msgblock">EXP-5520: Export worker exceeded its time limit</pre>
</section>
<div class="troubleSolution">
<section class="section cause"><h2 class="title sectiontitle">Cause</h2>
<p class="p">The archive table has grown past the worker's batch size.</p></section>
<section class="section remedy"><h2 class="title sectiontitle">Remedy</h2>
<ol class="ol steps"><li class="li step"><span class="ph cmd">Raise <code>export.batch_rows</code> to 50000.</span></li>
<li class="li step"><span class="ph cmd">Run the export again.</span></li></ol></section>
</div>
<div class="troubleSolution">
<section class="section cause"><h2 class="title sectiontitle">Cause</h2>
<p class="p">The export volume is nearly full.</p></section>
<section class="section remedy"><h2 class="title sectiontitle">Remedy</h2>
<ol class="ol steps"><li class="li step"><span class="ph cmd">Delete exports older than 30 days.</span></li></ol></section>
</div>
</div></article></main></body></html>
"""


def test_each_remedy_of_a_dita_topic_is_named_by_the_cause_it_fixes(tmp_path: Path) -> None:
    """Two troubleSolutions, each "Cause" then "Remedy": the causes ran together, the first remedy's
    steps were "Remedy" and the second's "<the article's title>: Remedy", nothing saying which cause
    each fixes."""
    [problem] = read(tmp_path / "kb", "export.html", DITA_SOLUTIONS).problems
    assert problem.error_codes == ["EXP5520"]
    assert [(s.group, s.number, s.text) for s in problem.steps] == [
        (
            "The archive table has grown past the worker's batch size.",
            "1",
            "Raise export.batch_rows to 50000.",
        ),
        ("The archive table has grown past the worker's batch size.", "2", "Run the export again."),
        ("The export volume is nearly full.", "1", "Delete exports older than 30 days."),
    ]


def test_fixes_of_their_own_names_after_one_cause_keep_their_names(tmp_path: Path) -> None:
    # Guard: one cause, then a workaround and a resolution: each group is named by its own heading.
    page = DITA_SOLUTIONS.replace(
        '</div>\n<div class="troubleSolution">\n<section class="section cause"><h2 class="title sectiontitle">Cause</h2>\n'
        '<p class="p">The export volume is nearly full.</p></section>',
        "",
    ).replace("Remedy</h2>", "Workaround</h2>", 1)
    [problem] = read(tmp_path / "kb", "export.html", page).problems
    assert problem.cause == "The archive table has grown past the worker's batch size."
    assert [s.group for s in problem.steps] == ["Workaround", "Workaround", "Remedy"]


NUMBERED_CAUSES = """\
# Nightly export stops at 80%

## Symptoms

The export log ends with `EXP-5520: Export worker exceeded its time limit`.

## Possible cause 1

The archive table has grown past the worker's batch size.

## Solution

1. Raise `export.batch_rows` to 50000.
2. Run the export again.

## Possible cause 2

The export volume is nearly full.

## Solution

1. Delete exports older than 30 days.
"""


def test_a_fix_after_each_numbered_cause_is_named_by_its_cause(tmp_path: Path) -> None:
    """The same shape in Markdown, each cause numbered in its heading: the second "Solution" was named
    "<the article's title>: Solution", as if it were the page's."""
    [problem] = read(tmp_path / "kb", "export.md", NUMBERED_CAUSES).problems
    assert [s.group for s in problem.steps] == [
        "Possible cause 1: Solution",
        "Possible cause 1: Solution",
        "Possible cause 2: Solution",
    ]


def test_a_fix_named_by_a_long_cause_is_named_by_its_first_sentence(tmp_path: Path) -> None:
    """Where every cause is headed alike, a fix's group is named by what its cause says first: a cause of
    one long paragraph named it whole, 230 characters over the steps."""
    long_cause = (
        "The export volume is nearly full. Old snapshots from the nightly job are never pruned, and the "
        "retention policy set in the admin console is ignored when the volume was created before 4.2."
    )
    page = (
        NUMBERED_CAUSES.replace("## Possible cause 1", "## Cause")
        .replace("## Possible cause 2", "## Cause")
        .replace("The export volume is nearly full.", long_cause)
    )
    [problem] = read(tmp_path / "kb", "export.md", page).problems
    assert [s.group for s in problem.steps][-1] == "The export volume is nearly full."


def test_a_docbook_page_written_on_one_line_keeps_each_problem_s_parts_and_steps(tmp_path: Path) -> None:
    """DocBook's stylesheets write a section on one line: every block had the line of the labelled cause,
    so the procedure stood nowhere after it, and the first problem lost its steps, then itself."""
    one_line = DOCBOOK_SECTION.replace("\n", " ")
    first, second = read(tmp_path / "kb", "relay.html", one_line).problems
    assert first.title == "Outbound queue keeps growing"
    assert (
        first.cause == "The smart host rejects the relay after its certificate was renewed with a new issuer."
    )
    assert [s.text for s in first.steps] == [
        "Copy the issuer certificate to /etc/relay/ca.d.",
        "Reload the relay.",
    ]
    assert second.cause == "The relay's resolver still points at the retired DNS server."
    assert [s.text for s in second.steps] == ["Edit /etc/resolv.conf."]
