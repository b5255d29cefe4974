"""What was left of the tenth round of reviews (R10a, R10b) after its fixes.

Each test is a short article in the house style a reviewer reported and what a reader needs of it (or
the paste that missed it), and a guard for the nearest shape that reads as before: a number a pasted
screen labels "Code" alone.
"""

from __future__ import annotations

from pathlib import Path

from api.knowledge import KnowledgeBase
from api.matcher import match
from indexer.build import build_index
from tests.test_house_styles import read

SCAN_APP_ERRORS = """\
# Scan Station errors

## Upload to the archive fails

The scan finishes, then Scan Station reports "Archive upload was refused (Code 4127)".

1. Sign out of Scan Station and sign in again.
2. Retry the upload from the Outbox.

## Scans come out blank

Every page of the PDF is white although the originals are printed.

1. Clean the glass of the scanner.
"""


def test_a_number_a_paste_labels_code_alone_is_the_code_the_article_quotes(tmp_path: Path) -> None:
    # Before: "Code 4127", as the screen shows it, was no code (low, no evidence), where "error 4127" was.
    article = read(tmp_path / "kb", "scan-station.md", SCAN_APP_ERRORS)
    assert article.problems[0].error_codes == ["4127"]
    build_index([tmp_path / "kb"], tmp_path / "kb.db")
    kb = KnowledgeBase(tmp_path / "kb.db")
    for pasted in ("Code 4127", "(Code 4127)", "Code: 4127"):
        answer = match(kb, pasted)
        assert (answer.matches[0].problem.title, answer.matches[0].confidence) == (
            "Upload to the archive fails",
            "high",
        ), pasted
    # A word before the label says whose code it is: a voucher's is none of the app's.
    voucher = match(kb, "the discount code 4127 is not accepted")
    assert not (voucher.matches and voucher.matches[0].confidence == "high")


HELP_DESK_FAQ = """\
<html><head><title>IT Help Desk - FAQ 418</title></head><body>
<div class="faqQuestion"><span class="fieldLabel">Question:</span>
<p>The badge printer does not print, or stops with a ribbon error.</p></div>
<div class="faqAnswer"><span class="fieldLabel">Answer:</span>
<p><u>Printer shows as offline</u></p>
<p>Badge Studio reports "Printer is not responding (Code 2208)" when you print a badge.</p>
<ol><li>Check that the USB cable is seated at both ends.</li><li>Restart Badge Studio.</li></ol>
<p><u>Ribbon error after a new ribbon was loaded</u></p>
<p>The print head stops and Badge Studio reports "Ribbon not detected (Code 2310)".</p>
<ol><li>Open the lid and reseat the ribbon cartridge.</li><li>Run Calibrate Ribbon from the printer menu.</li></ol>
</div></body></html>
"""


def test_each_underlined_line_over_a_quoted_message_and_steps_heads_an_issue_of_the_answer(
    tmp_path: Path,
) -> None:
    # Before: one problem titled by the page, the ribbon issue's steps numbered on after the first
    # issue's, its line and its message notes, its code none.
    article = read(tmp_path / "kb", "faq-418.html", HELP_DESK_FAQ)
    assert [
        (p.title, p.error_messages, p.error_codes, [s.text for s in p.steps]) for p in article.problems
    ] == [
        (
            "Printer shows as offline",
            ["Printer is not responding (Code 2208)"],
            ["2208"],
            ["Check that the USB cable is seated at both ends.", "Restart Badge Studio."],
        ),
        (
            "Ribbon error after a new ribbon was loaded",
            ["Ribbon not detected (Code 2310)"],
            ["2310"],
            ["Open the lid and reseat the ribbon cartridge.", "Run Calibrate Ribbon from the printer menu."],
        ),
    ]
    assert not any(p.notes for p in article.problems)


SETUP_BY_SYSTEM = """\
# Install the badge printer driver

The printer needs its driver before Badge Studio can find it.

**On Windows**

Open "Devices and Printers" and remove any old Badge printer first.

1. Run the installer from the vendor's site.
2. Restart the computer.

**On macOS**

Open "Printers & Scanners" and remove the old printer.

1. Open the package and follow the installer.
2. Add the printer again.
"""


def test_a_bold_line_over_a_paragraph_quoting_a_control_and_steps_heads_no_problem(tmp_path: Path) -> None:
    # What the paragraph quotes names a window, no error: the lines name no issue of their own.
    article = read(tmp_path / "kb", "badge-driver.md", SETUP_BY_SYSTEM)
    (problem,) = article.problems
    assert problem.title == "Install the badge printer driver"
    assert [s.text for s in problem.steps] == [
        "Run the installer from the vendor's site.",
        "Restart the computer.",
        "Open the package and follow the installer.",
        "Add the printer again.",
    ]


ZETTEL_HIGHLIGHT = """\
# Backups

## Restore fails with "checksum mismatch"

The restore stops with `ERROR: checksum mismatch in segment 000000010000000A (PGV-3107)`.

==The copy on the backup host is damaged==.

1. Open ==Settings > Repository== and run a check of the repository.
2. Count the finished segments with `grep -c ==END== restore.log` before you restore again.
"""


def test_a_highlight_is_its_words_in_a_cause_and_bold_in_a_step_s_markdown(tmp_path: Path) -> None:
    # Before: the cause was "==The copy on the backup host is damaged==." and the step's Markdown kept
    # its marks.
    article = read(tmp_path / "kb", "restore.md", ZETTEL_HIGHLIGHT)
    (problem,) = article.problems
    assert problem.cause == "The copy on the backup host is damaged."
    assert [(s.text, s.markdown) for s in problem.steps] == [
        (
            "Open Settings > Repository and run a check of the repository.",
            "Open **Settings > Repository** and run a check of the repository.",
        ),
        # Marks in a code span are code: no highlight.
        (
            "Count the finished segments with grep -c ==END== restore.log before you restore again.",
            "Count the finished segments with `grep -c ==END== restore.log` before you restore again.",
        ),
    ]


ARCHBEE_TABS = """\
# Webhooks

## Deliveries are rejected with "Invalid signature"

Your endpoint logs `Invalid signature: expected t=...,v1=... header` for every delivery.

1. Verify the signature against the raw request body.

   :::tabs
   ::tab{title="Go"}
   Read `r.Body` with `io.ReadAll` before any decoder runs.
   ::
   ::tab{title="Ruby"}
   Use `request.raw_post` in the controller.
   ::
   :::
2. Send a test delivery from the dashboard.

:::tabs
::tab{title="PHP"}
Use `file_get_contents('php://input')` rather than `$_POST`.
::
:::
"""


def test_an_archbee_tab_s_label_is_in_its_markdown_as_in_its_text(tmp_path: Path) -> None:
    # Before: the note's text said "PHP: Use …" and its Markdown only "Use …"; a step's Markdown kept
    # the "::tab{title=…}" and "::" lines.
    article = read(tmp_path / "kb", "webhooks.md", ARCHBEE_TABS)
    (problem,) = article.problems
    first = problem.steps[0]
    assert "::" not in first.markdown
    assert "**Go**" in first.markdown and "**Ruby**" in first.markdown
    assert [(n.text, n.markdown) for n in problem.notes] == [
        (
            "PHP: Use file_get_contents('php://input') rather than $_POST.",
            "**PHP**\n\nUse `file_get_contents('php://input')` rather than `$_POST`.",
        )
    ]


FORM_CAUSES = """\
<html><head><title>Knowledge Article KA-0007310 - Service Portal</title></head><body>
<table class="cw-fields">
<tr><th>Title</th><td>Badge doors do not open for new starters</td></tr>
<tr><th>Cause</th><td>
<p><strong>1. Badge not enrolled:</strong> the reader shows "Badge not recognised (E-212)".</p>
<p><strong>2. Door controller offline:</strong> the option "Offline access" is turned off on the controller.</p>
</td></tr>
<tr><th>Resolution</th><td>
<p><strong>For cause 1 (badge)</strong></p>
<ol><li>Enrol the badge in the access portal.</li><li>Present the badge again.</li></ol>
<p><strong>For cause 2 (controller)</strong></p>
<ol><li>Restart the door controller.</li><li>Turn on Offline access.</li></ol>
</td></tr>
</table></body></html>
"""


def test_a_message_a_cause_field_says_a_device_shows_is_the_problem_s_message_and_code(
    tmp_path: Path,
) -> None:
    # Before: the first cause had no message and no code; a paste of "E-212" found nothing by its code.
    article = read(tmp_path / "kb", "ka-0007310.html", FORM_CAUSES)
    enrolled, offline = article.problems
    assert (enrolled.title, enrolled.error_messages, enrolled.error_codes) == (
        "Badge not enrolled",
        ["Badge not recognised (E-212)"],
        ["E212"],
    )
    # A setting's name in quotation marks is none.
    assert (offline.title, offline.error_messages, offline.error_codes) == ("Door controller offline", [], [])


FAQ_FIELDS = """\
<html><head><title>IT Help Desk - FAQ 512</title></head><body>
<table class="faqFields">
<tr><td class="fieldLabel">Category:</td><td>Hardware / Badge printers</td></tr>
</table>
<div class="faqQuestion"><span class="fieldLabel">Question:</span>
<p>Badge printer prints blank cards.</p></div>
<div class="faqAnswer"><span class="fieldLabel">Answer:</span>
<p>Badge Studio reports "Ribbon out of sync (Code 2314)" after each card.</p>
<ol><li>Reseat the ribbon cartridge.</li><li>Run Calibrate Ribbon.</li></ol>
</div></body></html>
"""


def test_a_faq_s_question_field_titles_the_page_and_its_problem(tmp_path: Path) -> None:
    # Before: the portal's <title> titled both, and the "Question:" and "Answer:" labels and the question
    # were the problem's symptoms.
    article = read(tmp_path / "kb", "faq-512.html", FAQ_FIELDS)
    (problem,) = article.problems
    assert (article.title, problem.title) == (
        "Badge printer prints blank cards.",
        "Badge printer prints blank cards.",
    )
    assert problem.symptoms == 'Badge Studio reports "Ribbon out of sync (Code 2314)" after each card.'
    assert [s.text for s in problem.steps] == ["Reseat the ribbon cartridge.", "Run Calibrate Ribbon."]


def test_a_page_s_own_title_heading_stays_its_title_over_a_question_field(tmp_path: Path) -> None:
    titled = FAQ_FIELDS.replace("<body>", "<body><h1>Blank badge cards</h1>")
    article = read(tmp_path / "kb", "faq-512.html", titled)
    assert article.title == "Blank badge cards"


ATOMIC_NOTE = """\
---
title: Mail relay notes
---

# Mail relay notes

## Mail is delivered an hour late

Symptom: messages reach their recipients an hour after they were sent.

1. Lower the queue run interval to five minutes.
2. Restart the relay.
"""


def test_a_one_problem_note_s_heading_over_a_plain_symptom_line_titles_its_problem(tmp_path: Path) -> None:
    # Before: the problem was titled by the page ("Mail relay notes") and its heading was its steps' group.
    article = read(tmp_path / "kb", "relay.md", ATOMIC_NOTE)
    (problem,) = article.problems
    assert problem.title == "Mail is delivered an hour late"
    assert "an hour after they were sent" in problem.symptoms
    assert [(s.group, s.text) for s in problem.steps] == [
        (None, "Lower the queue run interval to five minutes."),
        (None, "Restart the relay."),
    ]


def test_a_how_to_page_s_one_section_stays_the_page_s_problem(tmp_path: Path) -> None:
    # The nearest shape: a section that says no symptom by a label answers what the page is about.
    text = ATOMIC_NOTE.replace("Symptom: messages", "Messages")
    article = read(tmp_path / "kb", "relay.md", text)
    (problem,) = article.problems
    assert problem.title == "Mail relay notes"


GATEWAY_ERRORS = """\
# Web gateway errors

## 504 Gateway Timeout

The gateway waited too long for the upstream service and gave up.

1. Raise the upstream timeout to 120 seconds.
2. Check the upstream service's health page.
"""


def test_a_code_label_after_other_words_or_on_an_http_status_names_no_code_of_the_index(
    tmp_path: Path,
) -> None:
    # Before: "(code 4127)" after a printer's words was the scan app's code 4127 (medium), and "Code 504" or
    # "(code 504)" the HTTP status a title names (high).
    read(tmp_path / "kb", "scan-station.md", SCAN_APP_ERRORS)
    read(tmp_path / "kb", "gateway.md", GATEWAY_ERRORS)
    build_index([tmp_path / "kb"], tmp_path / "kb.db")
    kb = KnowledgeBase(tmp_path / "kb.db")
    for pasted in (
        "The label printer reported a paper jam (code 4127)",
        "Label printer: Paper out (code 4127)",
        "Code 504",
        "Upstream returned (code 504) after 3 retries",
    ):
        answer = match(kb, pasted)
        assert not (answer.matches and answer.matches[0].confidence in ("high", "medium")), pasted
    # The guard: the app's code pasted as its screen shows it, alone, is still its problem's.
    assert match(kb, "Code: 4127").matches[0].problem.title == "Upload to the archive fails"


CAUSE_RULES_OUT = """\
<html><head><title>Knowledge Article KA-0009921 - Service Portal</title></head><body>
<table class="cw-fields">
<tr><th>Title</th><td>Mail client cannot send mail</td></tr>
<tr><th>Cause</th><td>
<p>The outgoing server refuses the client's relay after a password change. This is not the case where the
client shows "Cannot reach the mail server", which a wrong server name causes (see KA-0009830).</p>
<p>The account page then shows "Not signed in" under Outgoing server.</p>
</td></tr>
<tr><th>Resolution</th><td>
<ol><li>Enter the new password in the account settings.</li><li>Send a test message.</li></ol>
</td></tr>
</table></body></html>
"""


def test_a_message_a_cause_rules_out_or_a_status_it_shows_is_no_message_of_the_problem(
    tmp_path: Path,
) -> None:
    # Before: the other article's "Cannot reach the mail server" and the status "Not signed in" were this
    # problem's messages, and a paste of the first found it at medium.
    article = read(tmp_path / "kb", "ka-0009921.html", CAUSE_RULES_OUT)
    (problem,) = article.problems
    assert (problem.title, problem.error_messages) == ("Mail client cannot send mail", [])


TONER_NOTE = """\
# Printer prints blank pages after toner change

## Windows 11

Symptom: pages come out blank after a new toner cartridge was fitted.

1. Remove the sealing tape from the new cartridge.
2. Print a cleaning page.
"""


def test_a_one_section_note_under_a_generic_heading_stays_titled_by_the_page(tmp_path: Path) -> None:
    # Before: the problem was titled "Windows 11", "Internal notes", and a how-to's section under a plain
    # "Description:" line "Windows".
    for heading in ("Windows 11", "Internal notes", "Article"):
        article = read(tmp_path / "kb", "toner.md", TONER_NOTE.replace("Windows 11", heading))
        assert [p.title for p in article.problems] == ["Printer prints blank pages after toner change"], (
            heading
        )
    how_to = """\
# Configure split tunnelling

## Windows

Description: the VPN client sends only office traffic through the tunnel.

1. Open the VPN client's settings.
2. Turn on Split tunnelling.
"""
    article = read(tmp_path / "kb", "split.md", how_to)
    assert [p.title for p in article.problems] == ["Configure split tunnelling"]


def test_a_one_section_note_s_symptom_under_a_full_width_colon_titles_its_problem(tmp_path: Path) -> None:
    # The guard, and a label written as Japanese writes it: the heading that says the problem titles it.
    text = ATOMIC_NOTE.replace("Symptom: messages", "症状：messages")
    article = read(tmp_path / "kb", "relay.md", text)
    assert [p.title for p in article.problems] == ["Mail is delivered an hour late"]


SIGN_IN_WORKBOOK = """\
# Sign-in failures

## Users cannot sign in after the password policy change

Sign-ins fail with AADSTS50126 or AADSTS50053 since the new policy was applied.

1. Filter where tostring(Status.errorCode)=="50126" or tostring(Status.errorCode)=="50053" in the workbook.
2. Check that the values match: the rule is "a"=="b" or "c"=="d" for each pair.
"""


def test_a_comparison_s_marks_after_a_bracket_or_a_quote_are_no_highlight(tmp_path: Path) -> None:
    # Before: the text read 'tostring(Status.errorCode)"50126"' and '"a""b"', the Markdown '**"50126" or …**'.
    article = read(tmp_path / "kb", "sign-in.md", SIGN_IN_WORKBOOK)
    (problem,) = article.problems
    assert [(s.text, s.markdown) for s in problem.steps] == [
        (
            'Filter where tostring(Status.errorCode)=="50126" or tostring(Status.errorCode)=="50053" in the workbook.',
            'Filter where tostring(Status.errorCode)=="50126" or tostring(Status.errorCode)=="50053" in the workbook.',
        ),
        (
            'Check that the values match: the rule is "a"=="b" or "c"=="d" for each pair.',
            'Check that the values match: the rule is "a"=="b" or "c"=="d" for each pair.',
        ),
    ]


FAQ_OF_THREE = """\
<html><head><title>VPN FAQ - IT Service Desk</title></head><body>
<div class="faqQuestion"><span class="fieldLabel">Question:</span>
<p>Why does the VPN disconnect every hour?</p></div>
<div class="faqAnswer"><span class="fieldLabel">Answer:</span>
<p>The session lifetime is one hour. Sign in again when the client asks.</p></div>
<div class="faqQuestion"><span class="fieldLabel">Question:</span>
<p>What does "Certificate validation failure" mean?</p></div>
<div class="faqAnswer"><span class="fieldLabel">Answer:</span>
<p>The client does not trust the gateway's certificate.</p>
<ol><li>Install the company root certificate.</li><li>Connect again.</li></ol></div>
<div class="faqQuestion"><span class="fieldLabel">Question:</span>
<p>Can I use the VPN on a phone?</p></div>
<div class="faqAnswer"><span class="fieldLabel">Answer:</span>
<p>Yes, with the mobile client from the app store.</p></div>
</body></html>
"""

RESET_PAGE = """\
<html><head><title>Sync client stops syncing - IT Service Desk</title></head><body>
<h2>Symptoms</h2>
<p>The sync client shows "Sync paused: sign-in required" and files stop updating.</p>
<h2>Resolution</h2>
<ol><li>Sign out of the sync client.</li><li>Sign in again with your work account.</li></ol>
<div class="faqQuestion"><span class="fieldLabel">Question:</span>
<p>Do I lose files when I reset the client?</p></div>
<div class="faqAnswer"><span class="fieldLabel">Answer:</span>
<p>No. Files already synced stay on the computer.</p></div>
</body></html>
"""


def test_a_question_field_titles_no_page_of_several_questions_nor_one_after_its_parts(tmp_path: Path) -> None:
    # Before: the FAQ of three was titled by its first question, and the reset page's question was a
    # heading mid-page, a second problem whose step was the answer's "No. Files already synced stay …".
    article = read(tmp_path / "kb", "vpn-faq.html", FAQ_OF_THREE)
    assert "Why does the VPN disconnect every hour?" not in [
        article.title,
        *(p.title for p in article.problems),
    ]
    article = read(tmp_path / "kb", "sync.html", RESET_PAGE)
    (problem,) = article.problems
    assert problem.title.startswith("Sync client stops syncing")
    assert [s.text for s in article.problems[0].steps] == [
        "Sign out of the sync client.",
        "Sign in again with your work account.",
    ]


VPN_SETUP = """\
# Set up the VPN client

## Install the client

**Windows**

Run the installer and accept "Allow this app to make changes to your device".

1. Open the installer from Downloads.
2. Follow the wizard.

**macOS**

If macOS says "App can't be opened because it is from an unidentified developer", allow it:

1. Open System Settings > Privacy & Security.
2. Click Open Anyway.
"""


def test_a_bold_platform_or_action_over_a_message_as_a_condition_heads_no_problem(tmp_path: Path) -> None:
    # Before: "macOS" was a second problem, the dialog its message, where "Windows" was a group of problem 1.
    article = read(tmp_path / "kb", "vpn-setup.md", VPN_SETUP)
    assert [p.title for p in article.problems] == ["Set up the VPN client"]
    escalation = """\
# Capture Pro scanning

## Scanner not detected

Capture Pro reports "No scanner found. (Code 5003)" when a scan starts.

1. Reconnect the USB cable.
2. Restart Capture Pro.

**Reinstall the driver**

If Capture Pro still reports "No scanner found. (Code 5003)", reinstall the driver:

1. Uninstall the scanner driver.
2. Install the latest driver from the vendor's site.
"""
    article = read(tmp_path / "kb", "capture.md", escalation)
    (problem,) = article.problems
    assert (problem.error_codes, len(problem.steps)) == (["5003"], 4)


MYST_TAB_ITEMS = """\
# Label printing

## Labels print blank

The label printer feeds blank labels after a driver update.

1. Reinstall the driver for your system.

   ::::{tab-set}
   :::{tab-item} Windows label printer
   Run the vendor's installer as an administrator.
   :::
   :::{tab-item} Linux
   Install the CUPS driver package.
   :::
   ::::
2. Print a test label.
"""

ARCHBEE_BATCH = """\
# Nightly export

## The export job stops at midnight

The scheduled export ends with "Export aborted: lock held".

1. Clear the stale lock before the job starts.

   :::tabs
   ::tab{title="Windows"}
   ```bat
   ::
   :: Remove the stale lock
   ::
   del C:\\export\\export.lock
   ```
   ::
   :::
2. Run the export again.
"""


def test_a_tab_item_s_words_are_no_attribute_and_a_batch_comment_stays_in_its_fence(tmp_path: Path) -> None:
    # Before: the MyST tab's Markdown read "**-item} Windows label printer**", and the batch file lost its
    # bare "::" comment lines.
    article = read(tmp_path / "kb", "labels.md", MYST_TAB_ITEMS)
    assert "-item}" not in article.problems[0].steps[0].markdown
    article = read(tmp_path / "kb", "export.md", ARCHBEE_BATCH)
    assert "```bat\n::\n:: Remove the stale lock\n::\ndel" in article.problems[0].steps[0].markdown
