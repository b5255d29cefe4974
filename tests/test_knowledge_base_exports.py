"""Articles exported from service-desk knowledge bases (ServiceNow KB, Salesforce Knowledge): how a
page of several error codes and a page of fields in rich text are read into problems.

Each test writes a small article of its own in one knowledge base's style, finds it as `kb index`
does and reads it with the real indexer.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from test_house_styles import read

# A ServiceNow KB article about two codes, one bold label per code under its Resolution.
CODES_IN_TITLE = """\
<html><head><title>KB0020117 - Label printer: error 4012 or 4077</title></head><body>
<h1 class="kb-title">Label printer: error 4012 or 4077</h1>
<div class="kb-article-content">
<p><strong>Resolution</strong></p>
<p><strong>Error 4012</strong></p>
<ol><li>Open the printer's web page and sign in as admin.</li><li>Set the media type to Direct thermal.</li></ol>
<p><strong>Error 4077</strong></p>
<ol><li>Replace the ribbon.</li><li>Print a test label.</li></ol>
</div></body></html>
"""


def test_a_code_in_the_article_title_is_not_every_per_code_problem_s(tmp_path: Path) -> None:
    """The title's "error 4012 or 4077" names both; the section headed "Error 4077" is 4077's alone."""
    article = read(tmp_path / "kb", "KB0020117.html", CODES_IN_TITLE)
    assert [(p.title.rsplit(": ", 1)[-1], p.error_codes) for p in article.problems] == [
        ("Error 4012", ["4012"]),
        ("Error 4077", ["4077"]),
    ]
    assert [s.text for s in article.problems[1].steps] == ["Replace the ribbon.", "Print a test label."]


@pytest.mark.parametrize(
    "page",
    [
        "# Label printer fails with error 4012 or 4077\n\n"
        "## Error 4012\n\n1. Set the media type to Direct thermal.\n\n"
        "## Error 4077\n\n1. Replace the ribbon.\n",
        "# Etikettendrucker meldet Fehler 4012 oder 4077\n\n"
        "## Fehler 4012\n\n1. Stellen Sie den Medientyp auf Thermodirekt.\n\n"
        "## Fehler 4077\n\n1. Ersetzen Sie das Farbband.\n",
    ],
    ids=["English", "German"],
)
def test_a_code_in_a_markdown_title_is_not_every_per_code_section_s(tmp_path: Path, page: str) -> None:
    """The same shape in Markdown, in any language: "## Error 4077" under "# … error 4012 or 4077"."""
    article = read(tmp_path / "kb", "label-printer.md", page)
    assert [p.error_codes for p in article.problems] == [["4012"], ["4077"]]


def test_a_generic_section_under_a_coded_title_keeps_the_title_s_code(tmp_path: Path) -> None:
    """Guard: a section named by no code of its own ("Method 2") is still the title's error's."""
    page = (
        "# Label printer shows error 4012\n\n"
        "## Method 1\n\n1. Set the media type to Direct thermal.\n\n"
        "## Method 2\n\n1. Update the printer's firmware.\n"
    )
    article = read(tmp_path / "kb", "label-4012.md", page)
    assert article.problems
    assert all("4012" in p.error_codes for p in article.problems)


def _salesforce_page(title: str, fields: list[tuple[str, str]]) -> str:
    """A Salesforce Knowledge article page: its title, then each field's label over its rich text."""
    shown = "".join(
        '<div class="slds-form-element"><span class="test-id__field-label">'
        f"{label}</span>"
        '<div class="slds-form-element__control"><span class="uiOutputRichTextArea forceOutputRichText">'
        f"{value}</span></div></div>\n"
        for label, value in fields
    )
    return (
        f"<html><head><title>{title}</title></head><body>\n"
        f'<h1 class="slds-page-header__title article-head">{title}</h1>\n{shown}</body></html>\n'
    )


def test_a_lettered_line_under_a_numbered_line_of_rich_text_is_its_sub_step(tmp_path: Path) -> None:
    """Salesforce's rich text has no nested lists: "2. …<br>&nbsp;&nbsp;a. …<br>3. …" nests the lettered line."""
    page = _salesforce_page(
        "Kiosk scanner beeps but enters nothing",
        [
            ("Symptoms", "The scanner beeps on every barcode, but no text reaches the order screen."),
            ("Cause", "The scanner was reset to its factory keyboard layout."),
            (
                "Resolution",
                "1. Open Settings &gt; Devices on the kiosk.<br>2. Select the scanner and choose Keyboard "
                "mode.<br>&nbsp;&nbsp;&nbsp;a. If Keyboard mode is greyed out, unplug the scanner and plug it in "
                "again.<br>&nbsp;&nbsp;&nbsp;b. Wait for the second beep.<br>3. Scan a test barcode.",
            ),
        ],
    )
    [problem] = read(tmp_path / "kb", "kiosk-scanner.html", page).problems
    assert [(s.number, s.text) for s in problem.steps] == [
        ("1", "Open Settings > Devices on the kiosk."),
        ("2", "Select the scanner and choose Keyboard mode."),
        ("2.1", "If Keyboard mode is greyed out, unplug the scanner and plug it in again."),
        ("2.2", "Wait for the second beep."),
        ("3", "Scan a test barcode."),
    ]


def test_one_lettered_line_under_a_numbered_line_of_rich_text_is_its_sub_step(tmp_path: Path) -> None:
    """A single lettered line is a sub-step too, where it stands in a run of numbered lines."""
    page = _salesforce_page(
        "Receipt printer feeds blank paper",
        [
            (
                "Resolution",
                "1. Open the printer cover.<br>2. Turn the roll so the paper feeds from the bottom.<br>"
                "&nbsp;&nbsp;&nbsp;a. If the roll is narrower than 58 mm, fit the spacer first.<br>"
                "3. Close the cover and press Feed.",
            )
        ],
    )
    [problem] = read(tmp_path / "kb", "blank-receipts.html", page).problems
    assert [(s.number, s.parent) for s in problem.steps] == [
        ("1", None),
        ("2", None),
        ("2.1", "2"),
        ("3", None),
    ]
    assert problem.steps[2].text == "If the roll is narrower than 58 mm, fit the spacer first."


def test_a_rich_text_line_that_only_opens_with_a_letter_stays_its_own_paragraph(tmp_path: Path) -> None:
    """Guard: lines of rich text that are no numbered run ("A. Ortiz approved …") are not made steps."""
    page = _salesforce_page(
        "Kiosk scanner beeps but enters nothing",
        [
            ("Symptoms", "The scanner beeps on every barcode.<br>a. k. a. the silent scan."),
            ("Resolution", "1. Open Settings &gt; Devices.<br>2. Choose Keyboard mode."),
        ],
    )
    [problem] = read(tmp_path / "kb", "kiosk-scanner.html", page).problems
    assert [(s.number, s.text) for s in problem.steps] == [
        ("1", "Open Settings > Devices."),
        ("2", "Choose Keyboard mode."),
    ]
    assert "a. k. a. the silent scan." in problem.symptoms


# A ServiceNow KB article whose Issue and Cause fields are tables keyed by error code, over a
# Resolution with one bold label per code.
CODE_TABLES = """\
<html><head><title>KB0020388 - Badge reader: door stays locked with error 301 or 318</title></head><body>
<h1 class="kb-title">Badge reader: door stays locked with error 301 or 318</h1>
<div class="kb-article-content">
<p><strong>Issue</strong></p>
<table border="1"><tbody>
<tr><th>Error code</th><th>Message on the reader</th></tr>
<tr><td>301</td><td>Credential format not supported by this reader.</td></tr>
<tr><td>318</td><td>Controller offline - access decision timed out.</td></tr>
</tbody></table>
<p><strong>Cause</strong></p>
<table border="1"><tbody>
<tr><th>Error code</th><th>Cause</th></tr>
<tr><td>301</td><td>The badge was issued in the old 26-bit format.</td></tr>
<tr><td>318</td><td>The door controller lost its network link.</td></tr>
</tbody></table>
<p><strong>Resolution</strong></p>
<p><strong>Error 301</strong></p>
<ol><li>Ask the security desk to reissue the badge.</li><li>Badge in again.</li></ol>
<p><strong>Error 318</strong></p>
<ol><li>Check the link light on the door controller.</li><li>Restart the controller from the console.</li></ol>
</div></body></html>
"""


def test_issue_and_cause_tables_keyed_by_code_belong_to_each_code_s_problem(tmp_path: Path) -> None:
    """Each row's message and cause go to the problem headed by its code, not to the page's body."""
    article = read(tmp_path / "kb", "KB0020388.html", CODE_TABLES)
    assert [
        (p.title.rsplit(": ", 1)[-1], p.error_codes, p.error_messages, p.cause) for p in article.problems
    ] == [
        (
            "Error 301",
            ["301"],
            ["Credential format not supported by this reader."],
            "The badge was issued in the old 26-bit format.",
        ),
        (
            "Error 318",
            ["318"],
            ["Controller offline - access decision timed out."],
            "The door controller lost its network link.",
        ),
    ]
    assert [s.text for s in article.problems[1].steps] == [
        "Check the link light on the door controller.",
        "Restart the controller from the console.",
    ]


def test_a_code_table_whose_codes_head_no_problem_stays_the_page_s_text(tmp_path: Path) -> None:
    """Guard: a table of codes that are not all the page's problems' (a reference beside one fix) is
    the page's text, and gives no problem another code's cause."""
    page = CODE_TABLES.replace("<tr><td>318</td><td>The door", "<tr><td>325</td><td>The door")
    article = read(tmp_path / "kb", "KB0020388.html", page)
    assert all(not p.cause for p in article.problems)
    assert "The badge was issued in the old 26-bit format." in article.body


def test_cases_labelled_alike_in_each_field_are_a_problem_each(tmp_path: Path) -> None:
    """Salesforce Knowledge: "Symptom 1:" / "Symptom 2:" lines in the Symptoms, Cause and Resolution fields
    are two problems, each with its own symptom, cause and steps, titled by the fix's label."""
    page = _salesforce_page(
        "Kiosk: scanner and login errors",
        [
            ("Summary", "The two problems kiosks report most often."),
            (
                "Symptoms",
                "<b>Symptom 1:</b> The scanner beeps but no text reaches the order screen.<br>"
                '<b>Symptom 2:</b> Sign-in stops with "KS-AUTH-112: Device certificate expired".',
            ),
            (
                "Cause",
                "<b>Symptom 1:</b> The scanner was reset to its factory keyboard layout.<br>"
                "<b>Symptom 2:</b> The kiosk was offline when its certificate was renewed.",
            ),
            (
                "Resolution",
                "<b>Symptom 1 - Scanner enters nothing</b><br>1. Open Settings &gt; Devices.<br>"
                "2. Choose Keyboard mode.<br>&nbsp;&nbsp;a. If it is greyed out, replug the scanner.<br><br>"
                "<b>Symptom 2 - Expired device certificate (KS-AUTH-112)</b><br>1. Connect the kiosk to "
                "the store network.<br>2. Open Settings &gt; Security and tap Renew certificate.",
            ),
        ],
    )
    article = read(tmp_path / "kb", "kiosk-errors.html", page)
    assert [(p.title, p.symptoms, p.cause) for p in article.problems] == [
        (
            "Scanner enters nothing",
            "The scanner beeps but no text reaches the order screen.",
            "The scanner was reset to its factory keyboard layout.",
        ),
        (
            "Expired device certificate (KS-AUTH-112)",
            'Sign-in stops with "KS-AUTH-112: Device certificate expired".',
            "The kiosk was offline when its certificate was renewed.",
        ),
    ]
    first, second = article.problems
    assert [(s.number, s.text) for s in first.steps] == [
        ("1", "Open Settings > Devices."),
        ("2", "Choose Keyboard mode."),
        ("2.1", "If it is greyed out, replug the scanner."),
    ]
    assert [s.text for s in second.steps] == [
        "Connect the kiosk to the store network.",
        "Open Settings > Security and tap Renew certificate.",
    ]
    assert "KSAUTH112" in second.error_codes and not any("KS" in c for c in first.error_codes)


def test_case_labels_in_one_field_only_stay_that_field_s_text(tmp_path: Path) -> None:
    """Guard: "Symptom 1:" lines in the Symptoms field alone, over one fix, are one problem's symptoms."""
    page = _salesforce_page(
        "Scanner enters nothing",
        [
            (
                "Symptoms",
                "<b>Symptom 1:</b> The scanner beeps.<br><b>Symptom 2:</b> No text reaches the order screen.",
            ),
            ("Resolution", "1. Open Settings &gt; Devices.<br>2. Choose Keyboard mode."),
        ],
    )
    [problem] = read(tmp_path / "kb", "scanner.html", page).problems
    assert problem.title == "Scanner enters nothing"
    assert "The scanner beeps." in problem.symptoms and "No text reaches" in problem.symptoms
    assert [s.text for s in problem.steps] == ["Open Settings > Devices.", "Choose Keyboard mode."]


def test_a_quotation_a_process_stops_with_is_its_error_message(tmp_path: Path) -> None:
    """'Sync stops with "…"' quotes what the program stopped with, as 'fails with "…"' does."""
    page = _salesforce_page(
        "End-of-day sync stops",
        [
            ("Symptoms", 'End-of-day sync stops with "KS-SYNC-409: Batch already exists on server".'),
            (
                "Resolution",
                "1. Open Reports &gt; Sync history.<br>2. Tap the failed sync and choose Mark as sent.",
            ),
        ],
    )
    [problem] = read(tmp_path / "kb", "sync-stops.html", page).problems
    assert problem.error_messages == ["KS-SYNC-409: Batch already exists on server"]


def test_a_quoted_control_a_wizard_stops_with_is_no_message(tmp_path: Path) -> None:
    """Guard: what a sentence says something stops with that reads as no message stays text."""
    page = _salesforce_page(
        "Setup wizard cannot finish",
        [
            ("Symptoms", 'The setup wizard stops with "Finish" greyed out.'),
            ("Resolution", "1. Close the wizard.<br>2. Run it again as an administrator."),
        ],
    )
    [problem] = read(tmp_path / "kb", "wizard.html", page).problems
    assert problem.error_messages == []
