"""ITSM knowledge records as their tools print and export them (review r11a): a print view headed by the
record's number over a form of fields whose Title field titles it, and whose trailing form of record
fields (Related CIs, Keywords, Last Modified) follows the last step; a known-error record's metadata line
and its Error field, a lead-in sentence over the message, with the codes it names.

Each test writes a small article of its own in the style, finds it as `kb index` does and reads it
with the real indexer.
"""

from __future__ import annotations

from pathlib import Path

from test_house_styles import read

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
