"""Service desks' knowledge records (HaloITSM's FAQ pages and the like), exported as HTML: how they are read,
and how a reader's question about one of their error codes is answered.

Such a record is a field table, a row per field ("Summary", "Details", "Cause", "Resolution"), under the
record's heading and over its attachments. Each test writes a short record of its own in that style and
reads it with the real indexer (or indexes it and asks the matcher); a guard beside each checks the
nearest shape that is read or answered as before.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from api.knowledge import KnowledgeBase
from api.matcher import match
from indexer.build import build_index
from indexer.steps import cell_steps
from tests.test_house_styles import read

DETAILS_RECORD = """\
<html><body>
<h2>Teams will not sign in on shared desks</h2>
<table class="halo-field-table">
<tr><td class="halo-field-label">Summary</td><td>Teams shows a blank window after sign-in on hot desks.</td></tr>
<tr><td class="halo-field-label">Details</td><td>Error dialog: "We couldn't connect you to Teams. Error code: 80080300"</td></tr>
<tr><td class="halo-field-label">Cause</td><td>A stale sign-in cache in the roaming profile.</td></tr>
<tr><td class="halo-field-label">Resolution</td><td><ol><li>Quit Teams.</li><li>Clear the Teams cache folder.</li></ol></td></tr>
</table></body></html>
"""


def test_a_details_row_is_read_as_symptoms_with_its_error_dialog(tmp_path: Path) -> None:
    """HaloITSM's Details row under its Summary: both say what the reader sees, and the dialog the Details
    quote is the error message, with its code."""
    (problem,) = read(tmp_path / "kb", "teams-hot-desk.html", DETAILS_RECORD).problems
    assert problem.title == "Teams will not sign in on shared desks"
    assert "blank window after sign-in" in problem.symptoms
    assert "Error dialog" in problem.symptoms
    assert problem.error_messages == ["We couldn't connect you to Teams. Error code: 80080300"]
    assert problem.error_codes == ["0x80080300"]
    assert problem.cause == "A stale sign-in cache in the roaming profile."
    assert [s.text for s in problem.steps] == ["Quit Teams.", "Clear the Teams cache folder."]


def test_a_record_whose_only_description_is_its_details_has_symptoms(tmp_path: Path) -> None:
    """A record with no Summary: its Details row alone is what the reader sees."""
    text = DETAILS_RECORD.replace(
        '<tr><td class="halo-field-label">Summary</td><td>Teams shows a blank window after sign-in on hot desks.</td></tr>\n',
        "",
    )
    (problem,) = read(tmp_path / "kb", "teams-details-only.html", text).problems
    assert "Error dialog" in problem.symptoms
    assert problem.error_codes == ["0x80080300"]


def test_a_record_rows_of_furniture_are_no_symptoms(tmp_path: Path) -> None:
    """Guard: the record's other fields (its category, its keywords) stay its text, not what is seen."""
    text = DETAILS_RECORD.replace(
        '<tr><td class="halo-field-label">Details</td>',
        '<tr><td class="halo-field-label">Category</td><td>Collaboration</td></tr>\n'
        '<tr><td class="halo-field-label">Keywords</td><td>teams, hot desk</td></tr>\n'
        '<tr><td class="halo-field-label">Details</td>',
    )
    (problem,) = read(tmp_path / "kb", "teams-furniture.html", text).problems
    assert "Collaboration" not in problem.symptoms
    assert "teams, hot desk" not in problem.symptoms
    assert "Collaboration" in problem.body


ATTACHED_RECORD = """\
<html><head><title>Knowledge Base - VPN drops every hour | Acme Service Portal</title></head><body>
<div class="halo-kb-header">
  <h2>VPN drops every hour</h2>
  <span class="halo-kb-id">FAQ ID: 2290</span>
</div>
<table class="halo-field-table">
<tr><td>Summary</td><td>The VPN client disconnects about once an hour while working from home.</td></tr>
<tr><td>Cause</td><td>The client renegotiates its keys with an expired certificate.</td></tr>
<tr><td>Resolution</td><td><ol><li>Open the VPN client.</li><li>Choose Renew certificate.</li></ol></td></tr>
</table>
<div class="halo-attachments">
  <h4>Attachments</h4>
  <ul><li><a href="/attachments/9120">renew-certificate.png</a> (112 KB)</li></ul>
</div>
</body></html>
"""


def test_an_attachments_block_leaves_the_record_one_problem_of_its_fields(tmp_path: Path) -> None:
    """A record's Attachments block, boilerplate under its heading, does not make the heading a section
    of sub-sections: the field table is still the problem's symptoms, cause and steps."""
    (problem,) = read(tmp_path / "kb", "vpn-drops.html", ATTACHED_RECORD).problems
    assert problem.title == "VPN drops every hour"
    assert not problem.whole_article
    assert problem.symptoms == "The VPN client disconnects about once an hour while working from home."
    assert problem.cause == "The client renegotiates its keys with an expired certificate."
    assert [s.text for s in problem.steps] == ["Open the VPN client.", "Choose Renew certificate."]


def test_a_page_with_only_related_links_under_its_title_is_read_as_before(tmp_path: Path) -> None:
    """Guard: the page's own text over a "Related articles" sub-section stays the whole page's problem,
    its first paragraph what is seen."""
    text = """\
<html><body>
<h1>Label printer shows offline</h1>
<p>The label printer shows "Offline" in the queue after the laptop wakes from sleep.</p>
<p>Turn the printer off and on again, then print a test label.</p>
<h2>Related articles</h2>
<ul><li><a href="/kb/drivers">Label printer drivers</a></li></ul>
</body></html>
"""
    (problem,) = read(tmp_path / "kb", "label-offline.html", text).problems
    assert problem.whole_article
    assert "wakes from sleep" in problem.symptoms
    assert problem.steps[-1].text == "Turn the printer off and on again, then print a test label."


TWO_PROCEDURES = """\
<html><body><h2>Shared mailbox does not update</h2>
<table class="halo-field-table">
<tr><td>Summary</td><td>The shared mailbox shows old mail, or Outlook says "Cannot expand the folder".</td></tr>
<tr><td>Cause</td><td>A full offline cache, or a removed mailbox permission.</td></tr>
<tr><td>Resolution</td><td>
<p><b>Shared mailbox shows old mail:</b></p>
<ol><li>Right-click the mailbox and choose Properties.</li><li>Click Clear Offline Items.</li></ol>
<p><b>Cannot expand the folder:</b></p>
<ol><li>Ask the mailbox owner to grant Full Access again.</li><li>Restart Outlook.</li><li>Wait an hour for the mailbox to appear.</li></ol>
</td></tr>
</table></body></html>
"""


def test_a_resolution_cell_of_two_labelled_procedures_is_two_groups_of_steps(tmp_path: Path) -> None:
    """A Resolution field that gives one procedure per case, each under a bold label over its own numbered
    list: each label a group of steps, numbered from 1 as written."""
    (problem,) = read(tmp_path / "kb", "shared-mailbox.html", TWO_PROCEDURES).problems
    assert [(s.group, s.number, s.text) for s in problem.steps] == [
        ("Shared mailbox shows old mail", "1", "Right-click the mailbox and choose Properties."),
        ("Shared mailbox shows old mail", "2", "Click Clear Offline Items."),
        ("Cannot expand the folder", "1", "Ask the mailbox owner to grant Full Access again."),
        ("Cannot expand the folder", "2", "Restart Outlook."),
        ("Cannot expand the folder", "3", "Wait an hour for the mailbox to appear."),
    ]


def test_a_markdown_fix_cell_of_two_labelled_procedures_is_two_groups_of_steps(tmp_path: Path) -> None:
    """The same shape in a Markdown table's fix cell, its lines parted by <br>."""
    text = """\
# Printing from the thin client fails

| Field | Value |
| --- | --- |
| Symptoms | Jobs stay in the queue. |
| Resolution | **Windows:**<br>1. Open Devices and Printers.<br>2. Remove the printer.<br>**macOS:**<br>1. Open Printers & Scanners.<br>2. Reset the printing system. |
"""
    (problem,) = read(tmp_path / "kb", "thin-client.md", text).problems
    assert [(s.group, s.number) for s in problem.steps] == [
        ("Windows", "1"),
        ("Windows", "2"),
        ("macOS", "1"),
        ("macOS", "2"),
    ]


def test_a_resolution_cell_of_one_list_and_a_closing_line_is_read_as_before(tmp_path: Path) -> None:
    """Guard: one list under no label, with a closing line after it, is the cell's steps, in no group."""
    text = TWO_PROCEDURES.replace("<p><b>Shared mailbox shows old mail:</b></p>\n", "").replace(
        "<p><b>Cannot expand the folder:</b></p>\n"
        "<ol><li>Ask the mailbox owner to grant Full Access again.</li><li>Restart Outlook.</li>"
        "<li>Wait an hour for the mailbox to appear.</li></ol>",
        "<p><i>If it still shows old mail, log a ticket.</i></p>",
    )
    (problem,) = read(tmp_path / "kb", "shared-mailbox-one.html", text).problems
    assert [(s.group, s.number) for s in problem.steps] == [(None, "1"), (None, "2")]
    assert problem.steps[-1].text == "Click Clear Offline Items. If it still shows old mail, log a ticket."


NESTED_STEP = """\
<html><body><h2>Scanner saves blank pages</h2>
<table class="halo-field-table">
<tr><td>Summary</td><td>Scan to folder saves every page blank.</td></tr>
<tr><td>Cause</td><td>The scan profile was reset to a brightness of 100 after a firmware update.</td></tr>
<tr><td>Resolution</td><td>
<ol><li>Open the scanner's web page.</li><li>Edit the Scan to Folder profile.
<ul><li>If the profile is locked, ask the site administrator to unlock it.</li><li>Keep its other settings.</li></ul>
</li><li>Set Brightness to 50 and save.</li></ol>
</td></tr>
</table></body></html>
"""


def test_a_list_nested_in_a_step_of_a_resolution_cell_is_its_sub_steps(tmp_path: Path) -> None:
    """A bulleted list inside a numbered item of a Resolution field: sub-steps 2.1 and 2.2 of step 2, as the
    same nesting outside a table is read."""
    (problem,) = read(tmp_path / "kb", "scanner-blank.html", NESTED_STEP).problems
    assert [(s.number, s.parent, s.text) for s in problem.steps] == [
        ("1", None, "Open the scanner's web page."),
        ("2", None, "Edit the Scan to Folder profile."),
        ("2.1", "2", "If the profile is locked, ask the site administrator to unlock it."),
        ("2.2", "2", "Keep its other settings."),
        ("3", None, "Set Brightness to 50 and save."),
    ]


def test_a_markdown_fix_cell_numbers_sub_steps_under_their_step(tmp_path: Path) -> None:
    """A Markdown table's fix cell that numbers a sub-step under its step ("2.1. …") on a line of its own."""
    text = """\
# Scanner saves blank pages

| Field | Value |
| --- | --- |
| Symptoms | Scan to folder saves every page blank. |
| Resolution | 1. Open the scanner's web page.<br>2. Edit the Scan to Folder profile.<br>2.1. If the profile is locked, ask the site administrator.<br>3. Set Brightness to 50. |
"""
    (problem,) = read(tmp_path / "kb", "scanner-blank.md", text).problems
    assert [(s.number, s.parent) for s in problem.steps] == [
        ("1", None),
        ("2", None),
        ("2.1", "2"),
        ("3", None),
    ]


def test_a_fix_cell_line_numbered_under_no_step_above_it_is_read_as_before(tmp_path: Path) -> None:
    """Guard: a line numbered "4.1." after step 2 is under no step of the cell, so no sub-step: the cell's
    lines number no steps in order, and it stays one step, as before."""
    text = """\
# Scanner saves blank pages

| Field | Value |
| --- | --- |
| Symptoms | Scan to folder saves every page blank. |
| Resolution | 1. Open the scanner's web page.<br>2. Edit the Scan to Folder profile.<br>4.1. Firmware only. |
"""
    (problem,) = read(tmp_path / "kb", "scanner-orphan.md", text).problems
    assert [s.number for s in problem.steps] == ["1"]
    assert "4.1. Firmware only." in problem.steps[0].markdown


PAYROLL_ERRORS = """\
<html><body>
<h1>Paystream payroll export errors</h1>
<h2>Export stops with "pay period is still open"</h2>
<h3>Problem</h3>
<pre>Export aborted: pay period 2026-11 is still open (PX-3104)</pre>
<h3>Cause</h3>
<p>A timesheet of the period was not approved before the export ran.</p>
<h3>Solution</h3>
<ol><li>Open Timesheets &gt; Pending.</li><li>Approve or reject each timesheet.</li><li>Run the export again.</li></ol>
<h2>Bank file rejected</h2>
<h3>Problem</h3>
<pre>PX-3190: Bank file rejected. The sort code of an employee account is not valid.</pre>
<h3>Cause</h3>
<p>An employee's bank details were typed with a space in the sort code.</p>
<h3>Solution</h3>
<ol><li>Open the employee's Bank details.</li><li>Retype the sort code without spaces.</li></ol>
<h2>Correction run will not export</h2>
<h3>Problem</h3>
<pre>Export aborted: correction run 2026-11b is still open (PX-3104)</pre>
<h3>Cause</h3>
<p>The correction run was saved as a draft.</p>
<h3>Solution</h3>
<ol><li>Open the correction run.</li><li>Click Finalise, then export again.</li></ol>
</body></html>
"""


def test_a_code_typed_with_a_word_or_two_around_it_is_answered_as_the_code_alone(tmp_path: Path) -> None:
    """A reader types the code with the word for an error: the code that one problem documents identifies it
    as surely as the code alone ("error LL-2107" was "low")."""
    folder = tmp_path / "kb"
    folder.mkdir()
    (folder / "paystream.html").write_text(PAYROLL_ERRORS, encoding="utf-8")
    build_index([folder], tmp_path / "kb.db")
    kb = KnowledgeBase(tmp_path / "kb.db")
    for asked, expected in (
        ("PX-3190", "paystream#2"),
        ("error PX-3190", "paystream#2"),
        ("Error code: PX-3190", "paystream#2"),
    ):
        first = match(kb, asked).matches[0]
        assert (first.problem.id, first.confidence) == (expected, "high"), asked


def test_a_code_is_no_sure_answer_with_words_around_it_that_do_not_name_its_problem(tmp_path: Path) -> None:
    """Guard: a code that two problems quote (PX-3104, a pay period's and a correction run's) does not say
    which, with a word or two around it or alone: neither is "high"."""
    folder = tmp_path / "kb"
    folder.mkdir()
    (folder / "paystream.html").write_text(PAYROLL_ERRORS, encoding="utf-8")
    build_index([folder], tmp_path / "kb.db")
    kb = KnowledgeBase(tmp_path / "kb.db")
    for asked in ("PX-3104", "error PX-3104"):
        assert "high" not in [m.confidence for m in match(kb, asked).matches[:2]], asked
    # Nor is a word beside the code that neither the problem's title nor its article's has, and that is no
    # word for an error: it says more than which error it is, which the problem may not say.
    first = match(kb, "PX-3190 resubmitted").matches[0]
    assert first.problem.id == "paystream#2"
    assert first.confidence != "high"


KNOWN_ISSUES = """\
# Ledgerline 8.2 known issues

| Description | Workaround |
|---|---|
| Solution panel is empty | Close the company file and open it again. |
| Posting fails with error LG5120 after upgrade | Rebuild the posting index from Tools. |
| Bank feed stops syncing overnight | Reconnect the bank feed. |
"""


def test_a_known_issues_table_headed_description_is_a_problem_per_row(tmp_path: Path) -> None:
    """A known-issues table headed "Description | Workaround" is no record of one problem's fields, though its
    header describes and a row's first words name a fix ("Solution panel …"): each row is its own problem."""
    for header in ("| Description | Workaround |", "| Details | Workaround |"):
        text = KNOWN_ISSUES.replace("| Description | Workaround |", header)
        problems = read(tmp_path / header.split()[1], "known-issues.md", text).problems
        assert [p.title for p in problems] == [
            "Solution panel is empty",
            "Posting fails with error LG5120 after upgrade",
            "Bank feed stops syncing overnight",
        ]
        assert problems[1].error_codes == ["LG5120"]


def test_a_fix_cell_padded_with_spaces_is_read_in_time_linear_in_its_length() -> None:
    """An export that pads a fix cell (100 kB of spaces between its two sentences) is read at once: the
    test for a bold label over each procedure once took the run's square, 51 s for 60,000 spaces."""
    cell = "Restart the print spooler." + " " * 100_000 + "Then print the page again."
    started = time.perf_counter()
    (step,) = cell_steps(cell, cell, 4)
    assert time.perf_counter() - started < 1.0
    assert step.text.startswith("Restart the print spooler.")


MAIL_ERRORS = """\
<html><body>
<h1>Relay mail errors</h1>
<h2>Message loops between two relays</h2>
<h3>Problem</h3>
<pre>554 5.4.14 Hop count exceeded - possible mail loop</pre>
<h3>Cause</h3>
<p>Each relay forwards the domain's mail to the other.</p>
<h3>Solution</h3>
<ol><li>Open the relay's connector list.</li><li>Remove the connector that points back at the first relay.</li></ol>
</body></html>
"""


def test_a_code_typed_beside_words_that_say_more_than_its_error_is_no_sure_answer(tmp_path: Path) -> None:
    """Guard: only a word for an error (in a language the code's label is read in) beside a code of a code's
    shape is the code alone. A bare number ("error 554", SMTP's generic failure), a word most of the knowledge
    base's titles share ("export PX-3190"), the product's name, or a word that gives no term ("not PX-3190")
    say more, or other, than which error it is: none is "high"."""
    folder = tmp_path / "kb"
    folder.mkdir()
    (folder / "paystream.html").write_text(PAYROLL_ERRORS, encoding="utf-8")
    (folder / "relay.html").write_text(MAIL_ERRORS, encoding="utf-8")
    build_index([folder], tmp_path / "kb.db")
    kb = KnowledgeBase(tmp_path / "kb.db")
    for asked in ("error 554", "export PX-3190", "not PX-3190", "PX-3190 after", "paystream error PX-3190"):
        first = match(kb, asked).matches[0]
        assert first.confidence != "high", asked


def test_a_code_typed_after_another_language_s_word_for_an_error_is_the_code_alone(tmp_path: Path) -> None:
    """A reader types the code after the word for an error in the language of their screen ("Fehler PX-3190",
    "erreur PX-3190", "エラー PX-3190"), as "error PX-3190": the code one problem documents."""
    folder = tmp_path / "kb"
    folder.mkdir()
    (folder / "paystream.html").write_text(PAYROLL_ERRORS, encoding="utf-8")
    build_index([folder], tmp_path / "kb.db")
    kb = KnowledgeBase(tmp_path / "kb.db")
    for asked in ("Fehler PX-3190", "erreur PX-3190", "Fehlercode PX-3190", "エラー PX-3190"):
        first = match(kb, asked).matches[0]
        assert (first.problem.id, first.confidence) == ("paystream#2", "high"), asked


def test_text_after_a_list_nested_in_a_step_of_a_resolution_cell_stays_that_step_s(tmp_path: Path) -> None:
    """A numbered item whose text goes on after its nested list ("… then restart the computer." after the
    per-platform bullets) applies to the whole step: it is step 2's, bullets and all, not the last bullet's
    (as if only macOS's)."""
    text = NESTED_STEP.replace(
        "<li>Keep its other settings.</li></ul>\n</li>",
        "<li>Keep its other settings.</li></ul>\nThen save the profile and scan a test page.</li>",
    )
    (problem,) = read(tmp_path / "kb", "scanner-blank.html", text).problems
    assert [(s.number, s.parent) for s in problem.steps] == [("1", None), ("2", None), ("3", None)]
    second = problem.steps[1].text
    assert second.startswith("Edit the Scan to Folder profile.")
    assert second.endswith("Keep its other settings. Then save the profile and scan a test page.")


def test_labelled_procedures_are_groups_whatever_their_label_s_colon_and_a_lead_line(tmp_path: Path) -> None:
    """The labels as teams write them: the colon outside the bold ("**Windows**:"), none (a bold line right
    over a "1." line), a full-width one ("**Windows：**"), and a line that leads into the procedures ("Follow
    the steps for what you see."), which is read on its own before them, in no group."""
    variants = {
        "outside": TWO_PROCEDURES.replace(":</b>", "</b>:"),
        "none": TWO_PROCEDURES.replace(":</b>", "</b>"),
        "full-width": TWO_PROCEDURES.replace(":</b>", "：</b>"),
    }
    for name, text in variants.items():
        (problem,) = read(tmp_path / name, "shared-mailbox.html", text).problems
        assert [(s.group, s.number) for s in problem.steps] == [
            ("Shared mailbox shows old mail", "1"),
            ("Shared mailbox shows old mail", "2"),
            ("Cannot expand the folder", "1"),
            ("Cannot expand the folder", "2"),
            ("Cannot expand the folder", "3"),
        ], name
    led = TWO_PROCEDURES.replace("<p><b>Shared", "<p>Follow the steps for what you see.</p>\n<p><b>Shared")
    (problem,) = read(tmp_path / "led", "shared-mailbox.html", led).problems
    assert [(s.group, s.text) for s in problem.steps[:2]] == [
        (None, "Follow the steps for what you see."),
        ("Shared mailbox shows old mail", "Right-click the mailbox and choose Properties."),
    ]
    assert [s.group for s in problem.steps].count("Cannot expand the folder") == 3


def test_a_fix_cell_of_one_bold_line_over_its_steps_is_read_as_before(tmp_path: Path) -> None:
    """Guard: one bold line over a cell's numbered steps (a warning, "**Back up first**") is no procedure of
    a set: the cell's steps, in no group."""
    text = """\
# Printing fails

| Field | Value |
| --- | --- |
| Symptoms | Jobs stay in the queue. |
| Resolution | **Back up the queue first**<br>1. Open Devices and Printers.<br>2. Remove the printer. |
"""
    (problem,) = read(tmp_path / "kb", "printing.md", text).problems
    assert [s.group for s in problem.steps] == [None] * len(problem.steps)


def test_a_description_row_labelled_in_another_language_is_read_as_symptoms(tmp_path: Path) -> None:
    """A German record's "Beschreibung" (or a Spanish one's "Descripción") quotes the error dialog, as
    "Details" does: its message and code are read."""
    for label in ("Beschreibung", "Descripción", "Описание"):
        text = DETAILS_RECORD.replace(">Details<", f">{label}<")
        (problem,) = read(tmp_path / "kb", "teams-hot-desk.html", text).problems
        assert problem.error_codes == ["0x80080300"], label
        assert "Error dialog" in problem.symptoms, label


AGENT_REQUIREMENTS = """\
# Monitoring agent setup

## Install the agent
The agent runs on Windows and Linux servers and reports to the console.
### Requirements
#### Windows
The agent needs .NET Framework 4.8. Without it the installer stops with "Error 0x80131700: .NET runtime not found".
#### Linux
The agent needs glibc 2.28 or later.
"""


@pytest.mark.xfail(
    strict=True,
    reason="known gap: 5c65358's rule (a Requirements sub-section is a problem only where it says what fails) "
    "leaves the Linux sub-section boilerplate, against 4fad733's reading of platform sub-sections as topics",
)
def test_a_requirements_sub_section_of_platforms_is_no_boilerplate_below_its_section(tmp_path: Path) -> None:
    """A Requirements sub-section with a sub-heading per platform is read as those platforms' topics, not as
    boilerplate: the section over it is no problem whose one step is its introduction."""
    problems = read(tmp_path / "kb", "agent.md", AGENT_REQUIREMENTS).problems
    assert [p.title for p in problems] == ["Windows", "Linux"]
    assert "runs on Windows and Linux servers" not in " ".join(s.text for p in problems for s in p.steps)


def test_a_cell_s_sub_step_under_an_earlier_step_not_the_one_above_is_read_as_before(tmp_path: Path) -> None:
    """Guard: "2.1." after step 3 is numbered under a step, but not the one above it: stored as step 3's
    neighbour and shown under step 2, the order read and the order shown differed. The cell's lines number
    no steps in order, and it stays one step, as before sub-steps were read."""
    text = """\
# Scanner saves blank pages

| Field | Value |
| --- | --- |
| Symptoms | Scan to folder saves every page blank. |
| Resolution | 1. Open the scanner's web page.<br>2. Edit the profile.<br>3. Set Brightness to 50.<br>2.1. If the profile is locked, ask the site administrator. |
"""
    (problem,) = read(tmp_path / "kb", "scanner-late.md", text).problems
    assert [s.number for s in problem.steps] == ["1"]
    assert "2.1. If the profile is locked" in problem.steps[0].markdown
