"""ITSM knowledge records as their tools print and export them (review r11a): a print view headed by the
record's number over a form of fields whose Title field titles it, and whose trailing form of record
fields (Related CIs, Keywords, Last Modified) follows the last step; a known-error record's metadata line
and its Error field, a lead-in sentence over the message, with the codes it names.

Each test writes a small article of its own in the style, finds it as `kb index` does and reads it
with the real indexer.
"""

from __future__ import annotations

import time
from pathlib import Path

from test_house_styles import read

from api.knowledge import KnowledgeBase
from api.matcher import match
from indexer.build import build_index
from indexer.sections import _bar_segments

# An ITSM tool's print view of a knowledge record: headed by its number, its title a field of the form.
PRINTED_RECORD_PAGE = """\
<html><head><title>Print - Knowledge - KB-7310</title></head><body>
<h1>Knowledge - KB-7310</h1>
<table class="print-form">
  <tr><td class="lbl">Knowledge ID:</td><td>KB-7310</td><td class="lbl">Status:</td><td>Published</td></tr>
  <tr><td class="lbl">Owner Team:</td><td>Workplace Services</td><td class="lbl">Review Date:</td><td>14/05/2026</td></tr>
  <tr><td class="lbl">Title:</td><td colspan="3">Docking station monitors stay black after firmware update</td></tr>
</table>
<h3>Symptom</h3>
<p>After the dock firmware update, external monitors on the dock stay black.</p>
<h3>Cause</h3>
<p>The update reset the dock's DisplayPort mode to MST off.</p>
<h3>Resolution</h3>
<ol><li>Open the dock manager from the system tray.</li><li>Turn on MST mode and reconnect the laptop.</li></ol>
</body></html>
"""


def test_a_printed_record_is_titled_by_its_title_field_not_its_number(tmp_path: Path) -> None:
    """The print view's heading, "Knowledge - KB-7310", names the record by its number: the form's Title
    field titles the article and its problem."""
    article = read(tmp_path, "KB-7310.html", PRINTED_RECORD_PAGE)
    title = "Docking station monitors stay black after firmware update"
    assert article.title == title
    [problem] = article.problems
    assert problem.title == title
    assert problem.cause.startswith("The update reset")
    assert [s.text for s in problem.steps] == [
        "Open the dock manager from the system tray.",
        "Turn on MST mode and reconnect the laptop.",
    ]


def test_a_title_heading_that_is_no_number_keeps_the_page_its_heading(tmp_path: Path) -> None:
    """A heading that is the record's own title, not its number, stays the title even where the form's
    Title field words it otherwise."""
    page = PRINTED_RECORD_PAGE.replace(
        "<h1>Knowledge - KB-7310</h1>", "<h1>External monitors black on the dock</h1>"
    )
    article = read(tmp_path, "KB-7310.html", page)
    assert article.title == "External monitors black on the dock"
    assert [p.title for p in article.problems] == ["External monitors black on the dock"]


# A known-error record (BMC Helix's template): its Error field a lead-in sentence over the message in a <pre>,
# and a sentence that quotes a second form of it in code spans.
KNOWN_ERROR_PAGE = """\
<html><body>
<h1>Remote desktop gateway sign-in fails with "Kerberos ticket rejected"</h1>
<h3>Error</h3>
<p>The Remote Desktop client shows the following after users pick the HQ gateway in the connection list:</p>
<pre>Kerberos ticket rejected
KRB5(auth): K4470219: Server principal not found in database</pre>
<p>On some clients the event log records <code>GWERR_KRBAUTH (-7)</code> under the source <code>TSGateway</code>.</p>
<h3>Root Cause</h3>
<p>The gateway's service principal name was removed when the server was renamed.</p>
<h3>Resolution</h3>
<ol><li>Register the SPN again with <code>setspn -S</code>.</li><li>Restart the Remote Desktop Gateway service.</li></ol>
</body></html>
"""


def test_an_error_field_s_own_sentences_are_symptoms_and_its_codes_are_read(tmp_path: Path) -> None:
    """The lead-in over the message and the sentence that quotes a code span say what is seen; the message
    is the <pre> and the quoted span, and the message's own code and the error constant are its codes."""
    article = read(tmp_path, "KBA00044120.html", KNOWN_ERROR_PAGE)
    [problem] = article.problems
    assert problem.error_messages == [
        "Kerberos ticket rejected KRB5(auth): K4470219: Server principal not found in database",
        "GWERR_KRBAUTH (-7)",
    ]
    assert problem.symptoms.startswith("The Remote Desktop client shows the following after users pick")
    assert "event log records GWERR_KRBAUTH (-7)" in problem.symptoms
    assert problem.error_codes == ["K4470219", "GWERR_KRBAUTH"]


def test_a_pasted_message_code_or_error_constant_finds_its_known_error(tmp_path: Path) -> None:
    """The message's own code and the error constant, pasted alone, answer with the record."""
    read(tmp_path / "kb", "KBA00044120.html", KNOWN_ERROR_PAGE)
    read(tmp_path / "kb", "vpn.html", PRINTED_RECORD_PAGE)
    build_index([tmp_path / "kb"], tmp_path / "index.db")
    for pasted in ("K4470219", "GWERR_KRBAUTH"):
        best = match(KnowledgeBase(tmp_path / "index.db"), pasted).matches[0]
        assert best.problem.title.startswith("Remote desktop gateway sign-in fails"), pasted
        assert best.confidence == "high", pasted


def test_an_error_field_s_message_that_quotes_a_path_stays_one_message(tmp_path: Path) -> None:
    """A paragraph that is the message itself, a path in a code span among its words that report the
    failure, stays the message, no symptom."""
    page = KNOWN_ERROR_PAGE.replace(
        "<p>On some clients the event log records <code>GWERR_KRBAUTH (-7)</code> under the source "
        "<code>TSGateway</code>.</p>",
        "<p>Cannot open <code>C:\\ProgramData\\gateway.cfg</code>: the file is locked by another process.</p>",
    )
    [problem] = read(tmp_path, "KBA00044120.html", page).problems
    message = "Cannot open C:\\ProgramData\\gateway.cfg: the file is locked by another process."
    assert message in problem.error_messages
    assert "locked" not in problem.symptoms


# A knowledge article's header: its record's fields, each label and value a span of its own, on one line.
RECORD_HEADER_PAGE = """\
<html><body>
<h1>Badge printer prints blank cards after ribbon change</h1>
<div class="ka-meta"><span>Article ID:</span> <span>KBA00052214</span> <span>Version:</span> <span>3</span>
<span>Template:</span> <span>Known Error</span> <span>Status:</span> <span>Published</span></div>
<h3>Error</h3>
<pre>Print failed: ribbon not detected (RBN-04)</pre>
<h3>Root Cause</h3>
<p>The new ribbon's RFID tag is not read until the printer is power-cycled.</p>
<h3>Resolution</h3>
<ol><li>Switch the printer off and on.</li><li>Print a test card.</li></ol>
</body></html>
"""


def test_a_record_header_of_fields_on_one_line_is_no_symptom(tmp_path: Path) -> None:
    """The header's "Article ID: … Version: … Template: … Status: …" line is the record's fields, not what is
    seen: the problem is its Error field's message."""
    [problem] = read(tmp_path, "KBA00052214.html", RECORD_HEADER_PAGE).problems
    assert "KBA00052214" not in problem.symptoms
    assert "Template" not in problem.symptoms
    assert problem.error_messages == ["Print failed: ribbon not detected (RBN-04)"]
    assert [s.text for s in problem.steps] == ["Switch the printer off and on.", "Print a test card."]


def test_a_first_sentence_with_a_capitalised_label_in_it_stays_the_symptoms(tmp_path: Path) -> None:
    """A sentence under the title that quotes a panel's status line ("Ribbon: Missing Status: Idle") is what is
    seen, no fields."""
    page = RECORD_HEADER_PAGE.replace(
        RECORD_HEADER_PAGE[
            RECORD_HEADER_PAGE.index('<div class="ka-meta">') : RECORD_HEADER_PAGE.index("<h3>Error")
        ],
        "<p>The printer panel reads Ribbon: Missing Status: Idle after every ribbon change.</p>\n",
    )
    [problem] = read(tmp_path, "KBA00052214.html", page).problems
    assert problem.symptoms.startswith("The printer panel reads Ribbon: Missing Status: Idle")


# The print view's record form after the article's parts: what it concerns, how it is found, who changed it.
TRAILING_FORM_PAGE = """\
<html><body>
<h1>Teams meeting audio drops after headset firmware update</h1>
<h3>Symptom</h3>
<p>Meeting audio cuts out every few minutes on the updated headsets.</p>
<h3>Cause</h3>
<p>The firmware turned on the headset's power saving for the USB dongle.</p>
<h3>Resolution</h3>
<ol><li>Open the headset companion app.</li><li>Turn off USB power saving.</li></ol>
<table class="print-form">
  <tr><td class="lbl">Related CIs:</td><td>Jabra Evolve2 65; Microsoft Teams</td></tr>
  <tr><td class="lbl">Category:</td><td>Hardware &gt; Audio</td></tr>
  <tr><td class="lbl">Keywords:</td><td>headset, audio drop, firmware</td></tr>
  <tr><td class="lbl">Created By:</td><td>mlindqvist on 03/03/2026 10:15</td></tr>
  <tr><td class="lbl">Last Modified:</td><td>05/03/2026 08:02</td></tr>
</table>
<div class="print-footer">Page 1 of 1</div>
</body></html>
"""


def test_a_record_form_after_the_steps_is_no_part_of_the_last_step(tmp_path: Path) -> None:
    """The trailing Related CIs / Category / Keywords / Created By / Last Modified form is the record's: the
    last step is its own words, and the keywords stay searchable."""
    article = read(tmp_path, "KB-5260.html", TRAILING_FORM_PAGE)
    [problem] = article.problems
    assert [s.text for s in problem.steps] == [
        "Open the headset companion app.",
        "Turn off USB power saving.",
    ]
    assert not problem.notes
    assert "audio drop" in article.body


def test_a_table_of_settings_after_the_steps_stays_the_last_step_s(tmp_path: Path) -> None:
    """Guard: a table of labelled values that are no record's fields ("Server:", "Port:") after the steps is
    what the last step enters."""
    page = TRAILING_FORM_PAGE.replace("<li>Turn off USB power saving.</li>", "<li>Enter these settings:</li>")
    start, end = page.index('<table class="print-form">'), page.index("</table>")
    page = (
        page[:start]
        + "<table><tr><td>Server:</td><td>audio.corp.example</td></tr><tr><td>Port:</td><td>5061</td></tr></table>"
        + page[end + len("</table>") :]
    )
    [problem] = read(tmp_path, "KB-5260.html", page).problems
    assert problem.steps[-1].text.startswith("Enter these settings:")
    assert "audio.corp.example" in problem.steps[-1].text


# A help centre's article: numbered problem headings, bold Cause and Steps labels, a screenshot and its
# caption in italics after the steps.
CAPTIONED_STEPS_PAGE = """\
<html><body>
<h1>Fixing Conference Room Display Problems</h1>
<h2>1. The wall display shows "No signal"</h2>
<p>You connect your laptop to the table cable but the wall display stays blank.</p>
<p><b>Cause:</b> The display is set to the wrong HDMI input.</p>
<p><b>Steps:</b></p>
<ol><li>Press <b>Input</b> on the room remote.</li><li>Choose <b>HDMI 2</b>.</li></ol>
<p><img src="/images/remote-input.png" alt="Room remote"></p>
<p class="pp-caption"><i>Figure 1: The Input button on the room remote</i></p>
<h2>2. No sound from the room speakers</h2>
<p>The video is on the wall display but the sound stays on the laptop.</p>
<p><b>Cause:</b> The laptop still sends sound to its own speakers.</p>
<p><b>Steps:</b></p>
<ol><li>Click the speaker icon in the taskbar.</li><li>Pick <b>Room Audio</b>.</li></ol>
</body></html>
"""


def test_a_screenshot_s_caption_after_the_steps_is_no_note(tmp_path: Path) -> None:
    """The italic "Figure 1: …" caption under the screenshot after the steps is the last step's, as a
    caption inside a step is: no note, no step of its own."""
    first, second = read(tmp_path, "room-display.html", CAPTIONED_STEPS_PAGE).problems
    assert first.title == 'The wall display shows "No signal"'
    assert not first.notes
    assert [s.text.splitlines()[0] for s in first.steps] == [
        "Press Input on the room remote.",
        "Choose HDMI 2.",
    ]
    assert "Figure 1: The Input button on the room remote" in first.steps[-1].text
    assert [s.text for s in second.steps] == ["Click the speaker icon in the taskbar.", "Pick Room Audio."]


def test_an_italic_remark_after_the_steps_stays_a_note(tmp_path: Path) -> None:
    """Guard: a remark in italics after the steps that is no caption stays a note after them."""
    page = CAPTIONED_STEPS_PAGE.replace(
        "<i>Figure 1: The Input button on the room remote</i>",
        "<i>If the display still shows No signal, call the AV desk.</i>",
    )
    [first, _] = read(tmp_path, "room-display.html", page).problems
    assert [n.text for n in first.notes] == ["If the display still shows No signal, call the AV desk."]
    assert [s.text for s in first.steps] == ["Press Input on the room remote.", "Choose HDMI 2."]


# A service portal's FAQ page: no h1, the article's title an h2 in the portal's header, its <title> the
# portal's section, the title and the portal's name.
PORTAL_FAQ_PAGE = """\
<html><head><title>Knowledge Base - Scanner saves blank pages | Service Portal</title></head><body>
<div class="kb-header">
  <h2>Scanner saves blank pages</h2>
  <span class="kb-id">FAQ ID: 2291</span>
</div>
<table class="field-table">
<tr><td>Summary</td><td>Every scanned page is saved as a blank PDF page.</td></tr>
<tr><td>Cause</td><td>The scan profile is set to skip blank pages with too high a threshold.</td></tr>
<tr><td>Resolution</td><td><ol><li>Open the scan profile.</li><li>Lower the blank page threshold.</li></ol></td></tr>
</table>
</body></html>
"""


def test_a_portal_s_section_and_name_around_the_title_are_no_words_of_it(tmp_path: Path) -> None:
    """The <title> "Knowledge Base - … | Service Portal": the article is titled by the words between, its
    heading's."""
    article = read(tmp_path, "faq-2291.html", PORTAL_FAQ_PAGE)
    assert article.title == "Scanner saves blank pages"
    assert [p.title for p in article.problems] == ["Scanner saves blank pages"]


def test_a_portal_s_shorter_title_between_its_section_and_name_gives_the_heading(tmp_path: Path) -> None:
    """The portal's <title> gives the opening of a longer heading between its section and its name: the
    heading titles the article."""
    heading = "Scanner saves blank pages / PDF shows no content"
    page = PORTAL_FAQ_PAGE.replace("<h2>Scanner saves blank pages</h2>", f"<h2>{heading}</h2>")
    article = read(tmp_path, "faq-2291.html", page)
    assert article.title == heading


def test_a_title_that_says_more_than_its_heading_before_it_is_kept_whole(tmp_path: Path) -> None:
    """Guard: words with a number before the heading ("Error 0x709 - …") say more than a section's name."""
    page = PORTAL_FAQ_PAGE.replace("Knowledge Base - Scanner", "Error 0x709 - Scanner")
    article = read(tmp_path, "faq-2291.html", page)
    assert article.title == "Error 0x709 - Scanner saves blank pages | Service Portal"


# A problem-solution record (BMC Helix's template): no cause field, so its Solution opens with why.
PROBLEM_SOLUTION_PAGE = """\
<html><body>
<h1>Label printers in the warehouse print half a label</h1>
<h3>Problem</h3>
<p>Shipping labels come out cut off after the first half. The print server logs:</p>
<pre>Print job 4471 failed. Error: 0x8007000E - Not enough memory resources are available.</pre>
<h3>Solution</h3>
<p>The new label template embeds a full-colour logo that exceeds the printers' buffer. Until Marketing
supplies a monochrome logo:</p>
<ol><li>Open the template in the label designer.</li><li>Replace the logo with the text "ACME".</li></ol>
</body></html>
"""


def test_a_solution_that_opens_with_why_gives_the_cause(tmp_path: Path) -> None:
    """The Solution's opening sentence says why, before its lead-in: the problem's cause, the lead-in a
    note before the steps."""
    [problem] = read(tmp_path, "KBA00029417.html", PROBLEM_SOLUTION_PAGE).problems
    assert (
        problem.cause == "The new label template embeds a full-colour logo that exceeds the printers' buffer."
    )
    assert [n.text for n in problem.notes] == ["Until Marketing supplies a monochrome logo:"]
    assert [s.text for s in problem.steps] == [
        "Open the template in the label designer.",
        'Replace the logo with the text "ACME".',
    ]


def test_a_solution_that_opens_with_a_fix_s_release_has_no_cause(tmp_path: Path) -> None:
    """Guard: an opening that says where the fix stands ("This is fixed in release 5.2.") is no cause: the
    paragraph stays a note before the steps."""
    page = PROBLEM_SOLUTION_PAGE.replace(
        "The new label template embeds a full-colour logo that exceeds the printers' buffer. Until Marketing\n"
        "supplies a monochrome logo:",
        "This is fixed in label designer release 5.2. Until you can upgrade:",
    )
    [problem] = read(tmp_path, "KBA00029417.html", page).problems
    assert not problem.cause
    assert [n.text for n in problem.notes] == [
        "This is fixed in label designer release 5.2. Until you can upgrade:"
    ]


def test_a_named_fix_that_opens_with_why_gives_no_cause(tmp_path: Path) -> None:
    """Guard: one of several named fixes ("Method 2: …") that opens with why that way helps gives the problem
    no cause: the paragraph stays a note of its steps."""
    page = PROBLEM_SOLUTION_PAGE.replace(
        "<h3>Solution</h3>",
        "<h3>Solution</h3>\n<h4>Method 1: Print from the web client</h4>\n<ol><li>Open the web client.</li>"
        "<li>Print the label again.</li></ol>\n<h4>Method 2: Replace the logo</h4>",
    )
    [problem] = read(tmp_path, "KBA00029417.html", page).problems
    assert not problem.cause
    assert any(n.text.startswith("The new label template embeds") for n in problem.notes)


# A known error whose Error field is the message itself, its account and folder in code spans, as authors
# often mark a message's variable parts.
QUOTA_MESSAGE_ARTICLE = """\
# Mail stays in the Outbox after the mailbox fills up

## Error

Your mailbox `akhan@example.org` has reached its storage quota and can no longer send mail.

## Resolution

1. Archive items older than a year to the online archive.
2. Empty the `Deleted Items` folder.
"""


def test_an_error_field_s_message_with_its_variable_parts_in_spans_stays_the_message(tmp_path: Path) -> None:
    """The Error field's one paragraph is the message, whatever it quotes in spans: it has no words of its
    own that say what is seen. The same message for another mailbox answers with it."""
    [problem] = read(tmp_path / "kb", "mailbox-quota.md", QUOTA_MESSAGE_ARTICLE).problems
    message = "Your mailbox akhan@example.org has reached its storage quota and can no longer send mail."
    assert problem.error_messages == [message]
    build_index([tmp_path / "kb"], tmp_path / "index.db")
    pasted = "Your mailbox lchen@example.org has reached its storage quota and can no longer send mail."
    best = match(KnowledgeBase(tmp_path / "index.db"), pasted).matches[0]
    assert best.problem.title == "Mail stays in the Outbox after the mailbox fills up"
    assert best.confidence == "high"


def test_a_record_header_that_ends_in_a_summary_sentence_keeps_it_the_symptom(tmp_path: Path) -> None:
    """The opening line "Owner: … Status: … Summary: <a sentence>" ends in what is seen: a field whose value is
    a sentence is no page field, so the line stays the problem's symptoms."""
    article = """\
# Outlook closes on shared calendars

Owner: Messaging Team Status: Published Summary: Outlook closes without a message when a user opens a shared calendar.

## Resolution

1. Remove the shared calendar from the navigation pane.
2. Add it again from the address book.
"""
    [problem] = read(tmp_path, "outlook-shared-calendar.md", article).problems
    assert "Outlook closes without a message when a user opens a shared calendar." in problem.symptoms


def test_a_long_run_of_spaces_in_an_opening_line_is_split_in_linear_time() -> None:
    """A padded export's opening line (a label, then tens of thousands of spaces) is looked at once for a field
    label after each run of spaces, not once for each space in it."""
    line = "Product: VPN client" + " " * 50_000 + "x"
    started = time.perf_counter()
    assert _bar_segments(line) == [line]
    assert time.perf_counter() - started < 1.0


# A print incident's article: its Symptoms quote the incident's line, its number between colons.
PRINT_INCIDENT_ARTICLE = """\
# Print jobs stay in the queue after the driver update

## Symptoms

Incident: I4410827: Print jobs stay in the queue after the driver update.

## Resolution

1. Restart the Print Spooler service.
2. Reinstall the previous driver package.
"""


def test_a_record_s_number_between_colons_is_no_error_code(tmp_path: Path) -> None:
    """An incident's number between its label and the text ("Incident: I4410827: …") names the record, no
    error: the problem has no code, as a message's code after a component's label is one."""
    [problem] = read(tmp_path, "print-queue.md", PRINT_INCIDENT_ARTICLE).problems
    assert problem.error_codes == []
    page = PRINT_INCIDENT_ARTICLE.replace("Incident: I4410827:", "LPD-SRV(queue): Q4410827:")
    [problem] = read(tmp_path, "print-queue.md", page).problems
    assert problem.error_codes == ["Q4410827"]


def test_a_standard_stream_s_or_a_setting_s_constant_is_no_error_code(tmp_path: Path) -> None:
    """`STDERR_FILENO` names the standard error stream and `MAXERROR_COUNT` a setting, no error: the problem has
    no codes, as a component's error constant (`GWERR_KRBAUTH`) is one."""
    article = """\
# Worker logs go missing after log rotation

## Symptoms

The worker's log loses its lines once it redirects `STDERR_FILENO` to the rotated file, and raising
`MAXERROR_COUNT` does not help.

## Resolution

1. Set the worker's log to reopen on rotation.
2. Restart the worker.
"""
    [problem] = read(tmp_path, "worker-logs.md", article).problems
    assert problem.error_codes == []
    [problem] = read(
        tmp_path, "worker-logs.md", article.replace("`MAXERROR_COUNT`", "`GWERR_KRBAUTH`")
    ).problems
    assert problem.error_codes == ["GWERR_KRBAUTH"]


def test_a_solution_that_opens_with_why_the_fix_needs_rights_gives_no_cause(tmp_path: Path) -> None:
    """An opening that says why the fix needs what it needs ("… needs administrator rights because it changes
    …") is about the fix, not the problem: no cause, the paragraph a note before the steps."""
    page = PROBLEM_SOLUTION_PAGE.replace(
        "The new label template embeds a full-colour logo that exceeds the printers' buffer. Until Marketing\n"
        "supplies a monochrome logo:",
        "This procedure needs administrator rights because it changes the printer's driver settings. To "
        "change the template:",
    )
    [problem] = read(tmp_path, "KBA00029417.html", page).problems
    assert not problem.cause
    assert problem.notes[0].text.startswith("This procedure needs administrator rights")


def test_a_solution_s_opening_gives_no_cause_where_a_cause_part_follows(tmp_path: Path) -> None:
    """A problem with a Cause part after its Solution has that cause alone: the Solution's opening ("The
    rebuild can take several hours because …") is a note."""
    page = PROBLEM_SOLUTION_PAGE.replace(
        "The new label template embeds a full-colour logo that exceeds the printers' buffer. Until Marketing\n"
        "supplies a monochrome logo:",
        "The printers drop whatever does not fit in their buffer. Until Marketing supplies a monochrome logo:",
    ).replace(
        "</ol>\n</body>",
        "</ol>\n<h3>Cause</h3>\n<p>The new label template embeds a full-colour logo.</p>\n</body>",
    )
    [problem] = read(tmp_path, "KBA00029417.html", page).problems
    assert problem.cause == "The new label template embeds a full-colour logo."


def test_a_heading_that_says_more_than_a_field_s_number_keeps_the_page_its_heading(tmp_path: Path) -> None:
    """A heading that holds a numbered field's value among words of its own ("Dock firmware 3.2 …" over
    "Version: | 3.2") names the problem, not the record: it stays the title."""
    heading = "Dock firmware 3.2 leaves external monitors black after sleep"
    page = PRINTED_RECORD_PAGE.replace("<h1>Knowledge - KB-7310</h1>", f"<h1>{heading}</h1>").replace(
        "<td>14/05/2026</td>", "<td>14/05/2026</td></tr>\n  <tr><td>Version:</td><td>3.2</td>"
    )
    article = read(tmp_path, "KB-7310.html", page)
    assert article.title == heading
    assert [p.title for p in article.problems] == [heading]


def test_a_table_of_a_version_and_its_date_in_a_step_stays_the_step_s(tmp_path: Path) -> None:
    """A step's table of the build to compare with ("Version | 7.4.2", "Last updated | 2024-03-11"), and a
    table of what a step enters after the steps ("Category:", "Created by:"), are no record's form: their
    values stay the step's, as a form with the record's related items and keywords is not."""
    page = TRAILING_FORM_PAGE.replace(
        "<li>Open the headset companion app.</li>",
        "<li>Under Help &gt; About, confirm that the installed build matches:<table><tr><td>Version</td>"
        "<td>7.4.2 (build 1180)</td></tr><tr><td>Last updated</td><td>2024-03-11</td></tr></table></li>",
    )
    [problem] = read(tmp_path, "KB-5260.html", page).problems
    assert "7.4.2 (build 1180)" in problem.steps[0].text
    assert "2024-03-11" in problem.steps[0].text
    page = TRAILING_FORM_PAGE.replace(
        "<li>Turn off USB power saving.</li>", "<li>Create a new audio profile with these settings:</li>"
    )
    start, end = page.index('<table class="print-form">'), page.index("</table>")
    page = (
        page[:start]
        + "<table><tr><td>Category:</td><td>Conference headsets</td></tr>"
        + "<tr><td>Created by:</td><td>svc-audio</td></tr></table>"
        + page[end + len("</table>") :]
    )
    [problem] = read(tmp_path, "KB-5260.html", page).problems
    assert "Conference headsets" in problem.steps[-1].text
    assert "svc-audio" in problem.steps[-1].text


def test_a_heading_that_names_an_error_s_number_keeps_the_page_its_heading(tmp_path: Path) -> None:
    """A heading that names an error by its number ("Error 1603" over "Error code: | 1603" and a Title field)
    names the problem by its error, no record by its number: it stays the title, and the problem keeps the
    code it names."""
    page = PRINTED_RECORD_PAGE.replace("<h1>Knowledge - KB-7310</h1>", "<h1>Error 1603</h1>").replace(
        "Knowledge ID:</td><td>KB-7310", "Error code:</td><td>1603"
    )
    article = read(tmp_path, "KB-7310.html", page)
    assert article.title == "Error 1603"
    [problem] = article.problems
    assert problem.title == "Error 1603"
    assert "1603" in problem.error_codes
