"""Review r10a's service-desk forms and help-centre pages: a knowledge article written as a form of
fields (Title, Summary, Cause, Resolution, Keywords), a FAQ's answer parted by underlined sub-heads,
and a help centre's cause sentences that open "This means …" or "This happens with …".

Each test writes a small article of its own in the style, finds it as `kb index` does and reads it
with the real indexer.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from test_house_styles import read

from api.knowledge import KnowledgeBase
from api.matcher import match
from indexer.build import build_index

# A help centre's page: under each problem's heading what is seen, then a sentence that says why.
SAYS_WHY_PAGE = """\
<html><head><title>Calendar sync problems</title></head><body>
<h1>Calendar sync problems</h1>
<h2>Meetings show up an hour late</h2>
<p>Every invite from the booking page lands one hour after the chosen slot.</p>
<p>This happens with calendars that still use a fixed UTC offset instead of a time zone.</p>
<ol><li>Open Settings, then Calendars.</li><li>Pick a named time zone.</li></ol>
<h2>New bookings stop appearing</h2>
<p>The booking page shows free slots that are already taken.</p>
<p>This means the calendar connection expired after a password change.</p>
<ol><li>Click Reconnect.</li><li>Sign in with the new password.</li></ol>
</body></html>
"""


def test_a_sentence_opening_this_means_or_this_happens_with_is_the_cause(tmp_path: Path) -> None:
    """A sentence opening "This happens with …" or "This means …" says why, as "This happens because …" does."""
    article = read(tmp_path, "calendar-sync.html", SAYS_WHY_PAGE)
    late, stopped = article.problems
    assert late.title == "Meetings show up an hour late"
    assert late.symptoms == "Every invite from the booking page lands one hour after the chosen slot."
    assert (
        late.cause == "This happens with calendars that still use a fixed UTC offset instead of a time zone."
    )
    assert stopped.symptoms == "The booking page shows free slots that are already taken."
    assert stopped.cause == "This means the calendar connection expired after a password change."
    assert [s.text for s in stopped.steps] == ["Click Reconnect.", "Sign in with the new password."]


@pytest.mark.parametrize(
    ("scope", "to_do"),
    [
        (
            "This happens with every booking made from the mobile app.",
            "This means that you have to book those slots by hand until the connection is renewed.",
        ),
        (
            "This happens with all invites sent on a weekend.",
            "This means customers must pick a slot from the email link for now.",
        ),
    ],
)
def test_a_this_means_you_sentence_and_what_happens_with_something_stay_what_is_seen(
    tmp_path: Path, scope: str, to_do: str
) -> None:
    """Guard: "This means (that) you …" or "… customers must" tells the reader what to do, and "This happens
    with every …" says how often it is seen: neither is a cause."""
    page = SAYS_WHY_PAGE.replace(
        "This happens with calendars that still use a fixed UTC offset instead of a time zone.", scope
    ).replace("This means the calendar connection expired after a password change.", to_do)
    article = read(tmp_path, "calendar-sync.html", page)
    late, stopped = article.problems
    assert not late.cause and scope in late.symptoms
    assert not stopped.cause and to_do in stopped.symptoms


def test_an_error_s_this_usually_means_sentence_is_the_cause(tmp_path: Path) -> None:
    """ "This error usually means …" and "This typically means …" say why as "This means …" does."""
    page = SAYS_WHY_PAGE.replace(
        "This happens with calendars that still use a fixed UTC offset instead of a time zone.",
        "This typically means the calendar still uses a fixed UTC offset instead of a time zone.",
    ).replace(
        "This means the calendar connection expired after a password change.",
        "This error usually means the calendar connection expired after a password change.",
    )
    late, stopped = read(tmp_path, "calendar-sync.html", page).problems
    assert late.cause.startswith("This typically means the calendar still uses")
    assert stopped.cause.startswith("This error usually means the calendar connection expired")
    assert stopped.symptoms == "The booking page shows free slots that are already taken."


def test_what_is_seen_then_this_means_in_one_paragraph_stays_what_is_seen(tmp_path: Path) -> None:
    """A paragraph that says what is seen and then what it means is what is seen: read as the cause, the
    problem had no symptoms and the answer showed "cause:" over what the user sees."""
    text = (
        "# Card reader flashes amber\n\n"
        'The card reader flashes amber and the till shows "Tap again". This means the card was read only '
        "in part.\n\n"
        "1. Ask the customer to hold the card still for two seconds.\n2. Tap again.\n"
    )
    [problem] = read(tmp_path, "card-reader-amber.md", text).problems
    assert problem.symptoms.startswith("The card reader flashes amber")
    assert not problem.cause
    assert [s.text for s in problem.steps] == [
        "Ask the customer to hold the card still for two seconds.",
        "Tap again.",
    ]


# A service desk's knowledge article as its portal saves it: the portal's top bar, the form's name as a
# heading, then the article's fields in a table of label and value rows. The <title> is the portal's.
FORM_PAGE = """\
<html><head><title>Knowledge Article KA-0007731 - Service Desk Portal</title></head><body>
<div class="portal-bar"><span>Service Desk Portal</span> <span>Signed in as m.lindqvist</span></div>
<h2>Knowledge Article</h2>
<table class="form-fields">
<tr><th>Title</th><td>Shared mailbox missing from Outlook</td></tr>
<tr><th>Summary</th><td>The team mailbox no longer appears in the folder pane after a profile reset.</td></tr>
<tr><th>Cause</th><td>Automapping was turned off when access was granted again.</td></tr>
<tr><th>Resolution</th><td>
<ol><li>Open Account Settings and choose Change.</li><li>Add the mailbox under More Settings, Advanced.</li></ol>
<p><strong>Warning:</strong> Removing the profile deletes cached PST files.</p>
</td></tr>
<tr><th>Keywords</th><td>outlook, shared mailbox, automapping</td></tr>
</table></body></html>
"""


def test_a_form_s_title_field_titles_the_article_and_its_problem(tmp_path: Path) -> None:
    """The Title field's value, not the portal's <title> over every article, is the title; the top bar
    ("Signed in as …") is nothing that is seen."""
    article = read(tmp_path, "KA-0007731.html", FORM_PAGE)
    assert article.title == "Shared mailbox missing from Outlook"
    [problem] = article.problems
    assert problem.title == "Shared mailbox missing from Outlook"
    assert "Signed in" not in problem.symptoms
    assert problem.cause == "Automapping was turned off when access was granted again."
    assert [s.text for s in problem.steps] == [
        "Open Account Settings and choose Change.",
        "Add the mailbox under More Settings, Advanced.",
    ]


def test_a_form_without_its_heading_is_titled_by_its_title_field_not_the_label(tmp_path: Path) -> None:
    """Without the form's heading the label "Title" was the article's and the problem's title."""
    page = FORM_PAGE.replace("<h2>Knowledge Article</h2>\n", "")
    article = read(tmp_path, "KA-0007731.html", page)
    assert article.title == "Shared mailbox missing from Outlook"
    assert [p.title for p in article.problems] == ["Shared mailbox missing from Outlook"]


def test_a_form_without_a_title_field_is_titled_by_no_field_label(tmp_path: Path) -> None:
    """Guard: with no Title row, neither the form's heading nor a field's label titles the page or its
    problem (what does, the page's <title> for now, is not what this guards)."""
    page = FORM_PAGE.replace("<tr><th>Title</th><td>Shared mailbox missing from Outlook</td></tr>\n", "")
    article = read(tmp_path, "KA-0007731.html", page)
    labels = {"Knowledge Article", "Title", "Summary", "Cause", "Resolution", "Keywords"}
    assert article.title not in labels
    assert [p.title in labels for p in article.problems] == [False]


def test_a_warning_after_the_resolution_field_s_steps_is_a_note(tmp_path: Path) -> None:
    """Under the form's heading the Warning after the steps was dropped from the problem."""
    [problem] = read(tmp_path, "KA-0007731.html", FORM_PAGE).problems
    assert "Warning: Removing the profile deletes cached PST files." in [n.text for n in problem.notes]


def test_a_form_s_summary_field_is_what_is_seen(tmp_path: Path) -> None:
    """The Summary field says what is seen; its label was a symptom's first line."""
    [problem] = read(tmp_path, "KA-0007731.html", FORM_PAGE).problems
    assert problem.symptoms == "The team mailbox no longer appears in the folder pane after a profile reset."


def test_a_details_field_after_the_cause_keeps_its_label(tmp_path: Path) -> None:
    """Guard: a Details row after another part is no opening of the problem: its label stays over its text
    in the part it follows, which is not what is seen."""
    summary = (
        "<tr><th>Summary</th><td>The team mailbox no longer appears in the folder pane after a profile reset."
        "</td></tr>\n"
    )
    cause = "<tr><th>Cause</th><td>Automapping was turned off when access was granted again.</td></tr>\n"
    page = FORM_PAGE.replace(summary, "").replace(cause, cause + summary.replace("Summary", "Details"))
    [problem] = read(tmp_path, "KA-0007731.html", page).problems
    assert not problem.symptoms
    assert problem.cause.startswith("Automapping was turned off")
    assert "Details\n\nThe team mailbox" in problem.cause


def test_a_form_s_keywords_field_is_the_page_s_not_a_note_of_the_fix(tmp_path: Path) -> None:
    """The Keywords field, after the Resolution, was two notes of the fix ("Keywords", "outlook, …")."""
    article = read(tmp_path, "KA-0007731.html", FORM_PAGE.replace("<h2>Knowledge Article</h2>\n", ""))
    [problem] = article.problems
    assert not any("outlook" in n.text or n.text == "Keywords" for n in problem.notes)
    assert "shared mailbox, automapping" in article.body


def test_a_sentence_after_a_keywords_label_stays_a_note_of_the_fix(tmp_path: Path) -> None:
    """Guard: "Keywords:" over a sentence that says what to do is the author's advice, no field."""
    text = (
        "# VPN drops every hour\n\nThe tunnel closes at each full hour.\n\n## Resolution\n\n"
        "1. Open the client.\n2. Set the rekey interval to 8 hours.\n\n"
        "Keywords: add the gateway's name to the search so that the log filter finds it.\n"
    )
    [problem] = read(tmp_path, "vpn-rekey.md", text).problems
    assert [n.text for n in problem.notes] == [
        "Keywords: add the gateway's name to the search so that the log filter finds it."
    ]


# The same form where the Cause field numbers two causes and the Resolution field gives each its steps.
TWO_CAUSES_PAGE = FORM_PAGE.replace(
    "<tr><th>Cause</th><td>Automapping was turned off when access was granted again.</td></tr>",
    "<tr><th>Cause</th><td>\n"
    "<p><strong>1. Automapping off:</strong> access was granted again without automapping.</p>\n"
    '<p><strong>2. Stale cache:</strong> the folder pane shows "Cannot expand the folder (0x8004010F)".</p>\n'
    "</td></tr>",
).replace(
    "<ol><li>Open Account Settings and choose Change.</li><li>Add the mailbox under More Settings, Advanced.</li></ol>",
    "<p><strong>For cause 1 (automapping)</strong></p>\n"
    "<ol><li>Open Account Settings and choose Change.</li><li>Add the mailbox under More Settings, Advanced.</li></ol>\n"
    "<p><strong>For cause 2 (cache)</strong></p>\n"
    "<ol><li>Close Outlook.</li><li>Rename the OST file and start Outlook again.</li></ol>",
)


def test_numbered_causes_each_with_its_fix_are_a_problem_each(tmp_path: Path) -> None:
    """ "**1. Automapping off:** …" in the Cause field and "**For cause 1 (automapping)**" over steps in the
    Resolution field: each cause is its own problem with its own steps. Read as one problem, a pasted error
    of the second cause was answered with the first cause's steps."""
    article = read(tmp_path, "KA-0007731.html", TWO_CAUSES_PAGE)
    assert article.title == "Shared mailbox missing from Outlook"
    assert [(p.title, p.cause, [s.text for s in p.steps]) for p in article.problems] == [
        (
            "Automapping off",
            "access was granted again without automapping.",
            ["Open Account Settings and choose Change.", "Add the mailbox under More Settings, Advanced."],
        ),
        (
            "Stale cache",
            'the folder pane shows "Cannot expand the folder (0x8004010F)".',
            ["Close Outlook.", "Rename the OST file and start Outlook again."],
        ),
    ]


def test_a_pasted_error_of_the_second_cause_is_answered_with_its_own_steps(tmp_path: Path) -> None:
    """The second cause's error, pasted, led with the first cause's steps when the causes were one problem."""
    read(tmp_path / "kb", "KA-0007731.html", TWO_CAUSES_PAGE)
    build_index([tmp_path / "kb"], tmp_path / "index.db")
    best = match(KnowledgeBase(tmp_path / "index.db"), "Cannot expand the folder (0x8004010F)").matches[0]
    assert best.problem.title == "Stale cache"
    assert [s.text for s in best.steps][:1] == ["Close Outlook."]


def test_numbered_causes_without_a_fix_each_stay_one_problem_s_cause(tmp_path: Path) -> None:
    """Guard: numbered causes over one list of steps that no cause labels are one problem's causes."""
    page = TWO_CAUSES_PAGE.replace("<p><strong>For cause 1 (automapping)</strong></p>\n", "").replace(
        "<p><strong>For cause 2 (cache)</strong></p>\n", ""
    )
    [problem] = read(tmp_path, "KA-0007731.html", page).problems
    assert problem.title == "Shared mailbox missing from Outlook"
    assert "Automapping off" in problem.cause and "Stale cache" in problem.cause
    assert len(problem.steps) == 4


# A portal's page of known errors: an <h2> per entry, its known-error ID, over a table of that entry's fields.
KNOWN_ERRORS_PAGE = """\
<html><head><title>Known errors - Helpdesk Portal</title></head><body>
<h1>Known errors: Printing</h1>
<p>Each entry below is one known error of the print service.</p>
<h2>KE-2031</h2>
<table>
<tr><th>Title</th><td>Badge printer skips every second label</td></tr>
<tr><th>Symptoms</th><td>Only every other visitor badge comes out of the lobby printer.</td></tr>
<tr><th>Resolution</th><td><ol><li>Calibrate the label sensor.</li><li>Print a test badge.</li></ol></td></tr>
</table>
<h2>KE-2032</h2>
<table>
<tr><th>Title</th><td>Secure print jobs expire too early</td></tr>
<tr><th>Symptoms</th><td>Jobs vanish from the release queue after ten minutes.</td></tr>
<tr><th>Resolution</th><td><ol><li>Raise the job retention to four hours.</li><li>Restart the print service.</li></ol></td></tr>
</table>
</body></html>
"""


def test_a_title_row_under_an_entry_s_own_heading_leaves_the_heading_and_its_code(tmp_path: Path) -> None:
    """A Title row in the table under each entry's heading ("KE-2031") is no page's title: written as the
    page's "#" heading, it took the entry's heading and its code from each problem, and the page's own h1
    from the article."""
    article = read(tmp_path, "known-errors.html", KNOWN_ERRORS_PAGE)
    assert article.title == "Known errors: Printing"
    assert [p.title for p in article.problems] == ["KE-2031", "KE-2032"]
    assert [p.error_codes for p in article.problems] == [["KE2031"], ["KE2032"]]
    assert [[s.text for s in p.steps] for p in article.problems] == [
        ["Calibrate the label sensor.", "Print a test badge."],
        ["Raise the job retention to four hours.", "Restart the print service."],
    ]


def test_a_pasted_known_error_id_is_answered_with_its_entry(tmp_path: Path) -> None:
    """A known error's ID, pasted, was no confident match once its heading was read as body."""
    read(tmp_path / "kb", "known-errors.html", KNOWN_ERRORS_PAGE)
    build_index([tmp_path / "kb"], tmp_path / "index.db")
    best = match(KnowledgeBase(tmp_path / "index.db"), "KE-2032").matches[0]
    assert best.problem.title == "KE-2032"
    assert best.confidence == "high"


# A help desk's article page: the fix, then its record as a table of label and value rows.
RECORD_AFTER_FIX_PAGE = """\
<html><head><title>Badge kiosk prints blank badges</title></head><body>
<h1>Badge kiosk prints blank badges</h1>
<p>The lobby kiosk feeds a badge but nothing is printed on it.</p>
<h2>Resolution</h2>
<ol><li>Open the printer's front cover.</li><li>Reseat the ribbon cartridge.</li></ol>
<table>
<tr><th>Article ID</th><td>KB0052210</td></tr>
<tr><th>Keywords</th><td>blank badge, ribbon, visitor kiosk, reception printer</td></tr>
</table>
</body></html>
"""


def test_a_record_table_with_keywords_after_the_fix_is_kept(tmp_path: Path) -> None:
    """The page's record ("Article ID", "Keywords") after the steps: with Keywords taken for a field of the
    record, the whole table was dropped and its words were nowhere in the index."""
    article = read(tmp_path, "KB0052210.html", RECORD_AFTER_FIX_PAGE)
    [problem] = article.problems
    assert problem.symptoms == "The lobby kiosk feeds a badge but nothing is printed on it."
    assert [s.text.splitlines()[0] for s in problem.steps] == [
        "Open the printer's front cover.",
        "Reseat the ribbon cartridge.",
    ]
    searchable = "\n".join([article.body, problem.body, *(s.text for s in problem.steps)])
    assert "reception printer" in searchable


def test_a_record_table_without_keywords_is_the_page_s(tmp_path: Path) -> None:
    """Guard: a table of the page's record alone ("Article ID", "Author", "Created On") is the page's,
    no part of the last step."""
    page = RECORD_AFTER_FIX_PAGE.replace(
        "<tr><th>Keywords</th><td>blank badge, ribbon, visitor kiosk, reception printer</td></tr>",
        "<tr><th>Author</th><td>J. Okafor</td></tr>",
    )
    [problem] = read(tmp_path, "KB0052210.html", page).problems
    assert [s.text for s in problem.steps] == [
        "Open the printer's front cover.",
        "Reseat the ribbon cartridge.",
    ]


@pytest.mark.parametrize("label", ["Causes", "Root Cause", "Possible causes"])
def test_numbered_causes_under_any_cause_label_are_a_problem_each(tmp_path: Path, label: str) -> None:
    """The Cause field labelled "Causes", "Root Cause" or "Possible causes": "**For cause 1 (…)**" names the
    same cases, as under "Cause". The causes were one problem, led by the first cause's steps."""
    page = TWO_CAUSES_PAGE.replace("<th>Cause</th>", f"<th>{label}</th>")
    article = read(tmp_path, "KA-0007731.html", page)
    assert [(p.title, [s.text for s in p.steps]) for p in article.problems] == [
        (
            "Automapping off",
            ["Open Account Settings and choose Change.", "Add the mailbox under More Settings, Advanced."],
        ),
        ("Stale cache", ["Close Outlook.", "Rename the OST file and start Outlook again."]),
    ]


def test_a_fix_for_cause_label_names_its_cause(tmp_path: Path) -> None:
    """ "**Fix for cause 1 (…)**" over a cause's steps names that cause, as "**For cause 1 (…)**" does."""
    page = TWO_CAUSES_PAGE.replace("<strong>For cause", "<strong>Fix for cause")
    assert [p.title for p in read(tmp_path, "KA-0007731.html", page).problems] == [
        "Automapping off",
        "Stale cache",
    ]


@pytest.mark.parametrize("label", ["Search terms", "Tags", "Key words", "Schlagwörter"])
def test_a_form_s_field_of_the_words_it_is_found_by_is_no_note(tmp_path: Path, label: str) -> None:
    """Any label for the words a page is found by, as a heading of them is read ("Tags", "Search terms",
    German "Schlagwörter"), is the page's as "Keywords" is: each was two notes of the fix."""
    page = FORM_PAGE.replace("<h2>Knowledge Article</h2>\n", "").replace(
        "<th>Keywords</th>", f"<th>{label}</th>"
    )
    article = read(tmp_path, "KA-0007731.html", page)
    [problem] = article.problems
    assert [n.text for n in problem.notes] == ["Warning: Removing the profile deletes cached PST files."]
    assert "shared mailbox, automapping" in article.body
