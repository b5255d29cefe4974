"""Documents written in an office suite and converted to Markdown: Google Docs' Markdown download and
pandoc's conversion of Word files, and a chat wiki's quoted messages (Outline).

Each test writes a small article of its own in the style of one converter, finds it as `kb index` does
and reads it with the real indexer.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from test_house_styles import read

from api.knowledge import KnowledgeBase
from api.matcher import match
from indexer.build import build_index

PANDOC_WORD_ARTICLE = """\
# []{#_Toc170112201 .anchor}Invoices export with the wrong currency

## []{#_Toc170112202 .anchor}Symptoms

Exported invoices show EUR although the ledger is kept in CHF.

## []{#_Toc170112203 .anchor}Resolution

1)  Open **Settings \\> Ledger**.

2)  Set *Export currency* to **Ledger currency**.

*End of document*
"""


def test_a_word_document_s_closing_mark_is_no_note_of_the_fix(tmp_path: Path) -> None:
    """A Word document's "*End of document*" under the last step, as pandoc exports it, was read as a
    note after the steps and shown in the answer."""
    article = read(tmp_path / "kb", "invoice-currency.md", PANDOC_WORD_ARTICLE)
    [problem] = article.problems
    assert problem.title == "Invoices export with the wrong currency"
    assert [s.text for s in problem.steps] == [
        "Open Settings > Ledger.",
        "Set Export currency to Ledger currency.",
    ]
    assert problem.notes == []


@pytest.mark.parametrize(
    "mark", ["*Fin du document*", "**Ende des Dokuments**", "[Fin del documento]", "--- Конец документа ---"]
)
def test_a_closing_mark_in_another_language_is_no_note_of_the_fix(tmp_path: Path, mark: str) -> None:
    # Only the English mark was the page's: "Fin du document" was the fix's last note.
    text = PANDOC_WORD_ARTICLE.replace("*End of document*", mark)
    [problem] = read(tmp_path / "kb", "invoice-currency.md", text).problems
    assert problem.notes == []


def test_a_remark_about_the_end_of_a_document_stays_a_note(tmp_path: Path) -> None:
    """Guard: only the mark alone on its line is furniture; a sentence that names the end of a
    document says something about the fix."""
    text = PANDOC_WORD_ARTICLE.replace(
        "*End of document*", "*End of document markers in the export template are removed by this change.*"
    )
    [problem] = read(tmp_path / "kb", "invoice-currency.md", text).problems
    assert [n.text for n in problem.notes] == [
        "End of document markers in the export template are removed by this change."
    ]


OUTLINE_PAGE = """\
# Printer enrolment problems

## Enrolment stops with "The profile could not be installed"

**What you see**\\
After the reboot, the printer's panel shows:

> Device Enrolment: The profile could not be installed. Error: The enrolment server refused the certificate (Code 4107)

**Why**\\
The printer's clock is a year behind, so the server's certificate is not yet valid.

**Fix**

1. Set the clock under **Settings > Date and time**.
2. Tap **Enrol again**.

:::tip
Turn on network time so the clock stays right.

:::

## Enrolment hangs on "Contacting server"

**What you see**\\
The panel shows *Contacting server* for more than ten minutes.

**Why**\\
The printer is on the guest network.

**Fix**

1. Join the printer to the office network.
"""


def test_a_code_in_brackets_closing_a_quoted_message_is_its_problem_s_code(tmp_path: Path) -> None:
    """Outline quotes what a device shows, its number in brackets labelled "Code" after the words
    ("… refused the certificate (Code 4107)"): the message was found, the code was not, and a query
    that gave the number ("enrolment error 4107") had no confident answer."""
    article = read(tmp_path / "kb", "printer-enrolment.md", OUTLINE_PAGE)
    refused, hangs = article.problems
    assert refused.error_messages == [
        "Device Enrolment: The profile could not be installed. Error: The enrolment server refused the "
        "certificate (Code 4107)"
    ]
    assert (refused.error_codes, hangs.error_codes) == (["4107"], [])
    build_index([tmp_path / "kb"], tmp_path / "index.db")
    best = match(KnowledgeBase(tmp_path / "index.db"), "printer enrolment error 4107").matches[0]
    assert (best.problem.id, best.confidence) == ("printer-enrolment#1", "high")


def test_an_exit_code_in_brackets_after_a_message_is_no_code_of_its_problem(tmp_path: Path) -> None:
    """Guard: a process's exit status in brackets ("(exit code 137)") is any failure's, no code the
    knowledge base names a problem by."""
    text = OUTLINE_PAGE.replace("(Code 4107)", "(exit code 137)")
    refused = read(tmp_path / "kb", "printer-enrolment.md", text).problems[0]
    assert refused.error_codes == []


PANDOC_TIP_BOX = """\
# []{#_Toc170113301 .anchor}Scanner driver fails after the Windows update

## []{#_Toc170113302 .anchor}Symptoms

> SCN-2210 Device not ready: the driver could not open the scanner.

## []{#_Toc170113303 .anchor}Resolution

1)  Unplug the scanner.

2)  Reinstall the driver from **Software Center**.

3)  Plug the scanner in again.

  -----------------------------------------------------------------------
  **Tip:** If a whole floor is affected, ask the desktop team to push the
  driver to every PC of the floor.
  -----------------------------------------------------------------------
"""


def test_a_word_box_of_one_cell_after_the_steps_is_a_note(tmp_path: Path) -> None:
    """pandoc writes a Word table of one cell (a box around a tip) as its text between two full lines
    of dashes: read as a rule and a heading underlined by the second, the tip was a heading of the fix
    and lost from the answer."""
    article = read(tmp_path / "kb", "scanner-driver.md", PANDOC_TIP_BOX)
    [problem] = article.problems
    assert [s.text for s in problem.steps] == [
        "Unplug the scanner.",
        "Reinstall the driver from Software Center.",
        "Plug the scanner in again.",
    ]
    assert [" ".join(n.text.split()) for n in problem.notes] == [
        "Tip: If a whole floor is affected, ask the desktop team to push the driver to every PC of the floor."
    ]
    assert problem.notes[0].after


HAND_WRITTEN_RULES = """\
# Label printer problems

Labels print blank
---

The printer feeds labels but prints nothing.

1. Replace the ribbon.

---
Labels print off-centre
---

The text is shifted to the left.

1. Run the label calibration.
"""


def test_a_rule_over_an_underlined_heading_written_by_hand_stays_a_heading(tmp_path: Path) -> None:
    """Guard: the same lines of dashes, not indented as pandoc indents a table, are a rule and a
    heading's underline, as CommonMark reads them."""
    article = read(tmp_path / "kb", "label-printer.md", HAND_WRITTEN_RULES)
    assert [p.title for p in article.problems] == ["Labels print blank", "Labels print off-centre"]
    assert [s.text for s in article.problems[1].steps] == ["Run the label calibration."]


GOOGLE_DOCS_GUIDE = """\
# **Till printers \\- troubleshooting**

Use this doc when a cashier reports a printer problem at the till. Work through the fix in order.

# **Problem 1: Receipts print blank**

**Symptoms:** The printer feeds paper but nothing is printed.

**Cause:** The thermal roll is loaded upside down.

1. Open the cover.
2. Turn the roll so that the paper comes off the bottom.

# **Problem 2: Printer shows as offline**

**Symptoms:** The till shows *Printer offline (P\\-204)*.

**Cause:** The USB cable is loose.

1. Reseat the USB cable.
2. Tap *Retry*.
"""


def test_a_google_doc_s_title_over_an_introduction_titles_the_article(tmp_path: Path) -> None:
    """Google Docs' Markdown heads the document's title and each problem with "#": with an introduction
    under the title, it was no page heading and the article was titled by its file name (and, taken as
    the title, the introduction under it was read as one more problem)."""
    article = read(tmp_path / "kb", "till_printer_guide.md", GOOGLE_DOCS_GUIDE)
    assert article.title == "Till printers - troubleshooting"
    assert [p.title for p in article.problems] == ["Receipts print blank", "Printer shows as offline"]
    assert [s.text for s in article.problems[0].steps] == [
        "Open the cover.",
        "Turn the roll so that the paper comes off the bottom.",
    ]
    assert "Use this doc when a cashier reports" in article.body


def test_a_first_problem_heading_over_its_description_is_no_page_title(tmp_path: Path) -> None:
    """Guard: a first "#" heading that names one problem, not the page's, stays that problem's."""
    text = GOOGLE_DOCS_GUIDE.replace("**Till printers \\- troubleshooting**", "**Receipts come out short**")
    article = read(tmp_path / "kb", "till_printer_guide.md", text)
    assert article.title == "till_printer_guide"
    assert [p.title for p in article.problems] == ["Receipts print blank", "Printer shows as offline"]


GOOGLE_DOCS_STEPS = """\
# **Problem 1: Handheld shows "HH\\-NET\\-12 No connection"**

**Symptoms:** The handheld shows *HH\\-NET\\-12 No connection* after a restart.

**Cause:** The handheld joined the guest Wi\\-Fi.

**Step 1:** Check that the handheld is on **WH\\_STAFF**, not **WH\\_GUEST**.

**Step 2:** Forget the guest network:

1. Open Settings \\> Wi\\-Fi.\x20\x20
2. Tap **WH\\_GUEST** and then **Forget**.

**Step 3:** Restart the handheld.
"""


def test_step_paragraphs_with_a_numbered_list_under_one_are_the_steps_and_its_sub_steps(
    tmp_path: Path,
) -> None:
    """Google Docs writes a fix as "**Step N:**" paragraphs, a numbered list under one of them: read as
    the names of groups, steps 1 and 2 were notes before the steps and the list the first steps."""
    [problem] = read(tmp_path / "kb", "handheld-network.md", GOOGLE_DOCS_STEPS).problems
    assert [(s.number, s.parent, s.text) for s in problem.steps] == [
        ("1", None, "Check that the handheld is on WH_STAFF, not WH_GUEST."),
        ("2", None, "Forget the guest network:"),
        ("2.1", "2", "Open Settings > Wi-Fi."),
        ("2.2", "2", "Tap WH_GUEST and then Forget."),
        ("3", None, "Restart the handheld."),
    ]
    assert problem.notes == []


def test_step_paragraphs_each_over_a_numbered_list_name_its_group(tmp_path: Path) -> None:
    """Guard: where every "**Step N:**" paragraph is over a numbered list of its own, they name the
    groups of the steps under them, as before."""
    text = GOOGLE_DOCS_STEPS.replace(
        "**Step 1:** Check that the handheld is on **WH\\_STAFF**, not **WH\\_GUEST**.",
        "**Step 1:** Check the network:\n\n1. Open Settings \\> Wi\\-Fi and check for **WH\\_STAFF**.",
    ).replace("\n**Step 3:** Restart the handheld.\n", "")
    [problem] = read(tmp_path / "kb", "handheld-network.md", text).problems
    assert [(s.group, s.number) for s in problem.steps] == [
        ("Step 1: Check the network", "1"),
        ("Step 2: Forget the guest network", "1"),
        ("Step 2: Forget the guest network", "2"),
    ]


GOOGLE_DOCS_LAST_STEP = """\
# **Problem 2: Barcodes do not scan**

**Symptoms:** Pressing the trigger does nothing. No beam, no beep.

**Cause:** The scanning profile was reset after an OS update.

**Step 1:** Open the profile editor from the app drawer.

**Step 2:** If the profile **Floor\\_Prod** is missing, import it:

* Copy floor\\_prod.db from the shared drive.\x20\x20
* In the profile editor, tap the menu (⋮) \\> Import profile.
"""


def test_bullets_under_the_last_step_paragraph_that_leads_to_them_are_its_sub_steps(tmp_path: Path) -> None:
    """Under "**Step 2:** …, import it:", the last step, the bullets were the fix's steps 3 and 4;
    under a step with another after it they were already its sub-steps."""
    [problem] = read(tmp_path / "kb", "barcodes.md", GOOGLE_DOCS_LAST_STEP).problems
    assert [(s.number, s.parent, s.text) for s in problem.steps] == [
        ("1", None, "Open the profile editor from the app drawer."),
        ("2", None, "If the profile Floor_Prod is missing, import it:"),
        ("2.1", "2", "Copy floor_prod.db from the shared drive."),
        ("2.2", "2", "In the profile editor, tap the menu (⋮) > Import profile."),
    ]


def test_a_list_after_the_last_step_paragraph_that_does_not_lead_to_it_goes_on_with_the_fix(
    tmp_path: Path,
) -> None:
    """Guard: after a last step that ends its sentence, a numbered list goes on with the fix."""
    head = GOOGLE_DOCS_LAST_STEP.split("**Step 2:**")[0]
    text = (
        head + "**Step 2:** Import the profile again.\n\n1. Restart the handheld.\n2. Scan a test barcode.\n"
    )
    [problem] = read(tmp_path / "kb", "barcodes.md", text).problems
    assert [(s.number, s.parent, s.text) for s in problem.steps] == [
        ("1", None, "Open the profile editor from the app drawer."),
        ("2", None, "Import the profile again."),
        ("3", None, "Restart the handheld."),
        ("4", None, "Scan a test barcode."),
    ]


GOOGLE_DOCS_STEP_PARAGRAPHS = """\
# **Till troubleshooting**

# **Problem 1: Card reader does not respond**

**Symptoms:** Tapping a card does nothing.

**Cause:** The reader lost its pairing.

**Step 1:** Open Settings \\> Devices.

**Step 2:** If the reader is missing, pair it:

* Hold the reader's button for five seconds.\x20\x20
* Tap **Pair** on the till.

# **Problem 2: End of day fails with error code 0x7C**

**Symptoms:** *Close day* fails with:

Close failed (0x7C): totals do not match \\- drawer D2

**Cause:** A refund was taken twice while the till was offline.

**Step 1:** Do **not** reopen the day.

**Step 2:** Open Admin \\> Refunds and tap the refund marked twice.

**Step 3:** Tap **Void** on the second one and close the day again.
"""


def test_a_problem_whose_fix_is_only_step_paragraphs_is_a_problem(tmp_path: Path) -> None:
    """Google Docs writes a fix as "**Step N:**" paragraphs after the labelled cause: with no list among
    them, they were taken for the frame's text and the problem, its message and code were no answer."""
    article = read(tmp_path / "kb", "till.md", GOOGLE_DOCS_STEP_PARAGRAPHS)
    reader, close = article.problems
    assert reader.title == "Card reader does not respond"
    assert [s.number for s in reader.steps] == ["1", "2", "2.1", "2.2"]
    assert close.title == "End of day fails with error code 0x7C"
    assert close.error_messages == ["Close failed (0x7C): totals do not match - drawer D2"]
    assert close.error_codes == ["0x7C"]
    assert close.cause == "A refund was taken twice while the till was offline."
    assert [s.text for s in close.steps] == [
        "Do not reopen the day.",
        "Open Admin > Refunds and tap the refund marked twice.",
        "Tap Void on the second one and close the day again.",
    ]
    build_index([tmp_path / "kb"], tmp_path / "index.db")
    asked = "Close failed (0x7C): totals do not match - drawer D2"
    best = match(KnowledgeBase(tmp_path / "index.db"), asked).matches[0]
    assert (best.problem.id, best.confidence) == ("till#2", "high")


def test_step_paragraphs_under_a_fix_label_are_read_as_before(tmp_path: Path) -> None:
    """Guard: under a labelled fix ("**Resolution:**"), "**Step N:**" paragraphs were already its steps."""
    text = GOOGLE_DOCS_STEP_PARAGRAPHS.replace(
        "**Step 1:** Do **not**", "**Resolution:**\n\n**Step 1:** Do **not**"
    )
    close = read(tmp_path / "kb", "till.md", text).problems[1]
    assert close.cause == "A refund was taken twice while the till was offline."
    assert [s.number for s in close.steps] == ["1", "2", "3"]
