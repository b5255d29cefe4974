"""Details of help-centre and exported pages that were misread: the furniture a portal sets around the
article (Freshdesk's "powered by" line, Help Scout's "Still need help?" box, Zoho Desk's tags box), a
SharePoint code snippet's language label, a Help Scout section's unlabelled cause paragraph, the indented
levels of a Word filtered page's lists, and a bulleted list of alternatives under a problem.

Each test writes a small article of its own in the style and reads it with the real indexer, with a guard
for the nearest shape that must read as before.
"""

from __future__ import annotations

from pathlib import Path

from test_house_styles import read

# A Freshdesk solution article as the portal serves it: the vote box, the footer's links and, outside the
# footer, the help desk's "powered by" line in a block classed "copyright".
FRESHDESK_PAGE = """\
<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Card reader troubleshooting : Parcelo Support</title></head>
<body>
<section class="main content fc-article-show">
<h2 class="heading">Card reader troubleshooting</h2>
<article class="article-body" id="article-body">
<h3><strong>Reader not paired (CR-12)</strong></h3>
<p>The till shows <code>Card reader not paired (CR-12)</code>.</p>
<ol><li>Hold the reader's power button for ten seconds.</li><li>Pair it again under <b>Settings &gt; Devices</b>.</li></ol>
<p>If the reader still does not pair, send us its serial number.</p>
</article>
<div class="article-vote"><p>Did you find it helpful? <span>Yes</span> <span>No</span></p></div>
</section>
<footer class="footer rounded-6"><nav class="footer-links"><a href="/support/home">Home</a></nav></footer>
<div class="copyright"><a href="https://freshdesk.com/helpdesk-software">Help Desk Software</a> powered by Freshdesk</div>
</body></html>
"""


def test_a_help_desk_s_copyright_block_is_no_note(tmp_path: Path) -> None:
    [problem] = read(tmp_path / "kb", "card-reader.html", FRESHDESK_PAGE).problems
    assert problem.title == "Reader not paired (CR-12)"
    assert [s.text for s in problem.steps] == [
        "Hold the reader's power button for ten seconds.",
        "Pair it again under Settings > Devices.",
    ]
    # Before: "Help Desk Software powered by Freshdesk" was a second note after the steps.
    assert [n.text for n in problem.notes] == [
        "If the reader still does not pair, send us its serial number."
    ]


def test_an_article_s_paragraph_about_copyright_stays_the_article_s(tmp_path: Path) -> None:
    page = FRESHDESK_PAGE.replace(
        "<p>If the reader still does not pair, send us its serial number.</p>",
        '<p class="copyright-note">Copyright notices on receipts are set under <b>Settings &gt; Receipts</b>.</p>',
    )
    page = page.split('<div class="copyright">')[0] + "</body></html>\n"
    [problem] = read(tmp_path / "kb", "card-reader.html", page).problems
    assert [n.text for n in problem.notes] == [
        "Copyright notices on receipts are set under Settings > Receipts."
    ]


# A Help Scout Docs article as the site serves it: after the article, the box that opens the contact form
# ("Still need help? Contact Us", its link written twice for two screen sizes) and the date, classed
# "articleFoot", and the related articles.
HELP_SCOUT_PAGE = """\
<html><head><title>Calendar sync problems - Rotaly Help Center</title></head>
<body>
<section id="main-content">
<article id="fullArticle">
<h1 class="title">Calendar sync problems</h1>
<h2>CAL-207: Calendar access revoked</h2>
<p>The sync log shows <code>CAL-207 Access to the calendar was revoked</code>.</p>
<ol><li>Open <strong>Integrations</strong>.</li><li>Connect the calendar again.</li></ol>
<div class="callout-yellow"><p>Shifts added while the calendar was disconnected are synced on the next run.</p></div>
</article>
<div class="articleFoot"><p class="help">Still need help? <a href="#" class="contactUs">Contact Us</a> \
<a href="#" class="contactUs">Contact Us</a></p><time class="lu" datetime="2024-05-02">Last updated on May 2, 2024</time></div>
<section class="related"><h3>Related Articles</h3><ul><li><a href="/article/12-sync">How sync works</a></li></ul></section>
</section>
</body></html>
"""


def test_a_help_centre_s_article_foot_is_no_note(tmp_path: Path) -> None:
    [problem] = read(tmp_path / "kb", "calendar-sync.html", HELP_SCOUT_PAGE).problems
    assert problem.error_codes == ["CAL207"]
    assert [s.text for s in problem.steps] == ["Open Integrations.", "Connect the calendar again."]
    # Before: "Still need help? Contact Us Contact Us" was a second note after the steps.
    assert [n.text for n in problem.notes] == [
        "Shifts added while the calendar was disconnected are synced on the next run."
    ]


def test_an_article_s_own_block_named_after_a_footnote_stays_the_article_s(tmp_path: Path) -> None:
    page = HELP_SCOUT_PAGE.replace('class="callout-yellow"', 'class="article-footnote"')
    page = page.split('<div class="articleFoot">')[0] + "</section>\n</body></html>\n"
    [problem] = read(tmp_path / "kb", "calendar-sync.html", page).problems
    assert [n.text for n in problem.notes] == [
        "Shifts added while the calendar was disconnected are synced on the next run."
    ]


# A Zoho Desk knowledge-base article: its blocks named in BEM's "Block__element" form after the page's
# component ("KbDetailLtContainer__…"), the tags box among them under the article.
ZOHO_PAGE = """\
<html><head><title>Invoice emails not delivered | Tallybook Help Center</title></head><body>
<div class="KbDetailLtContainer__kbDetail">
<h1 class="KbDetailLtContainer__articleTitle">Invoice emails not delivered</h1>
<div class="KbDetailLtContainer__articleContent" id="articleContent">
<div><span style="font-size: 18px;"><b>Problem 1: Invoice bounced (MAIL-550)</b></span><br></div>
<div>The activity log shows <span style="font-family: monospace;">MAIL-550 Recipient address rejected.</span><br></div>
<ol><li>Check the customer's email address.</li><li>Send the invoice again.</li></ol>
</div>
<div class="KbDetailLtContainer__articleFeedback"><div>Was this article helpful?</div><button>Yes</button><button>No</button></div>
<div class="KbDetailLtContainer__tags"><span>Tags</span><a href="/portal/en/kb/tag/invoices">invoices</a>\
<a href="/portal/en/kb/tag/email">email</a></div>
</div></body></html>
"""


def test_a_tags_box_named_after_a_long_component_is_no_note(tmp_path: Path) -> None:
    [problem] = read(tmp_path / "kb", "invoice-email.html", ZOHO_PAGE).problems
    assert problem.title == "Invoice bounced (MAIL-550)"
    assert [s.text for s in problem.steps] == [
        "Check the customer's email address.",
        "Send the invoice again.",
    ]
    # Before: "Tagsinvoicesemail" was a note after the steps.
    assert problem.notes == []


def test_an_article_s_block_that_only_names_tags_stays_the_article_s(tmp_path: Path) -> None:
    page = ZOHO_PAGE.replace(
        "</ol>\n</div>",
        '</ol>\n<div class="KbDetailLtContainer__tagsHint">Tags on an invoice are not sent to the customer.</div>\n</div>',
    )
    page = page.split('<div class="KbDetailLtContainer__tags">')[0] + "</div></body></html>\n"
    [problem] = read(tmp_path / "kb", "invoice-email.html", page).problems
    assert [n.text for n in problem.notes] == ["Tags on an invoice are not sent to the customer."]


# A SharePoint modern page: rich-text web parts and, between them, a code snippet web part, whose title
# bar shows the language its code is set in ("JSON").
SHAREPOINT_PAGE = """\
<!DOCTYPE html>
<html><head><title>Teams meeting room problems</title></head>
<body>
<div data-automation-id="pageHeader"><div data-automation-id="TitleTextId">\
<span role="heading" aria-level="1">Teams meeting room problems</span></div></div>
<div class="CanvasZone"><div class="CanvasSection">
 <div class="ControlZone"><div data-sp-feature-tag="Rich Text Editor"><div data-automation-id="textBox" class="cke_editable">
  <h2>Room console does not sign in</h2>
  <p>The console shows a sign-in loop. The calendar service answers:</p>
 </div></div></div>
 <div class="ControlZone"><div data-sp-feature-tag="Code Snippet" class="ms-CodeSnippet">
  <div class="codeSnippetTitle">JSON</div>
  <pre class="language-json"><code>{"error": {"code": "ErrorRoomNotLicensed", "message": "The room account has no Teams Rooms licence."}}</code></pre>
 </div></div>
 <div class="ControlZone"><div data-sp-feature-tag="Rich Text Editor"><div data-automation-id="textBox" class="cke_editable">
  <ol><li>Reset the room account's password.</li><li>Sign in on the console again.</li></ol>
 </div></div></div>
</div></div>
</body></html>
"""


def test_a_code_snippet_s_language_title_is_no_text(tmp_path: Path) -> None:
    [problem] = read(tmp_path / "kb", "room-console.html", SHAREPOINT_PAGE).problems
    assert problem.title == "Room console does not sign in"
    # Before: the title bar's "JSON" was a paragraph of the symptoms, over the code.
    assert problem.symptoms == "The console shows a sign-in loop. The calendar service answers:"
    assert problem.error_codes == ["ErrorRoomNotLicensed"]
    assert [s.text for s in problem.steps] == [
        "Reset the room account's password.",
        "Sign in on the console again.",
    ]


def test_a_word_over_code_in_another_language_stays_text(tmp_path: Path) -> None:
    page = SHAREPOINT_PAGE.replace(">JSON</div>", ">Response</div>")
    [problem] = read(tmp_path / "kb", "room-console.html", page).problems
    assert problem.symptoms.endswith("answers:\n\nResponse")


# A procedure Word saved as "Web Page, Filtered": the list paragraphs keep their class and indents but not
# Word's list style; each number or bullet is typed out before a spacer span set in 7-point Times New Roman,
# and a level's indent is its left margin (half an inch a level, the first List Paragraph's own).
WORD_FILTERED_PAGE = """\
<html>
<head>
<meta http-equiv=Content-Type content="text/html; charset=windows-1252">
<meta name=Generator content="Microsoft Word 15 (filtered)">
<title>Label printer troubleshooting</title>
</head>
<body lang=EN-GB>
<div class=WordSection1>
<p class=MsoTitle>Label printer troubleshooting</p>
<h2>Labels print blank (LP-31)</h2>
<p class=MsoNormal><b>Symptom:</b> the printer's panel shows <span style='font-family:"Courier New"'>LP-31 Ribbon \
not detected.</span></p>
<p class=MsoNormal><b>Resolution:</b></p>
<p class=MsoListParagraphCxSpFirst style='text-indent:-.25in'>1.<span
style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp; </span>Open the printer's lid.</p>
<p class=MsoListParagraphCxSpMiddle style='text-indent:-.25in'>2.<span
style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp; </span>Check the ribbon:</p>
<p class=MsoListParagraphCxSpMiddle style='margin-left:1.0in;text-indent:-.25in'><span
style='font-family:Symbol'>&middot;<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp; </span></span>The \
ink side faces the labels.</p>
<p class=MsoListParagraphCxSpMiddle style='margin-left:1.0in;text-indent:-.25in'><span
style='font-family:Symbol'>&middot;<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp; </span></span>The \
ribbon is not creased.</p>
<p class=MsoListParagraphCxSpLast style='text-indent:-.25in'><span lang=EN-US>3.<span
style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp; </span>Close the lid and print a test label.</span></p>
<h2>Labels are cut short (LP-44)</h2>
<p class=MsoNormal><b>Symptom:</b> the panel shows <span style='font-family:"Courier New"'>LP-44 Gap not found.</span></p>
<p class=MsoNormal><b>Resolution:</b></p>
<p class=MsoListParagraphCxSpFirst style='text-indent:-.25in'>1.<span
style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp; </span>Calibrate the gap sensor.</p>
<p class=MsoListParagraphCxSpLast style='text-indent:-.25in'>2.<span
style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp; </span>Print a test label.</p>
</div>
</body>
</html>
"""


def test_word_filtered_list_paragraphs_are_nested_by_their_indent_without_typed_markers(
    tmp_path: Path,
) -> None:
    blank, _ = read(tmp_path / "kb", "label-printer.htm", WORD_FILTERED_PAGE).problems
    assert blank.title == "Labels print blank (LP-31)"
    # Before: the bullets were steps 3 and 4 of one run ("· The ink side …"), and "3. Close the lid …" step 5.
    assert [(s.number, s.parent, s.text) for s in blank.steps] == [
        ("1", None, "Open the printer's lid."),
        ("2", None, "Check the ribbon:"),
        ("2.1", "2", "The ink side faces the labels."),
        ("2.2", "2", "The ribbon is not creased."),
        ("3", None, "Close the lid and print a test label."),
    ]
    assert blank.error_codes == ["LP31"]


def test_word_filtered_list_paragraphs_at_one_indent_read_as_before(tmp_path: Path) -> None:
    _, cut = read(tmp_path / "kb", "label-printer.htm", WORD_FILTERED_PAGE).problems
    assert [(s.number, s.parent, s.text) for s in cut.steps] == [
        ("1", None, "Calibrate the gap sensor."),
        ("2", None, "Print a test label."),
    ]


# A Help Scout Docs article: a section per import error, each with the message, a paragraph on why it
# happens (no label) and the fix.
HELP_SCOUT_ERRORS = """\
<html><head><title>Roster import errors - Rotaly Help Center</title></head><body>
<article id="fullArticle">
<h1 class="title">Roster import errors</h1>
<h2 id="ros-08">ROS-08: Start date is in the past</h2>
<p>Rows fail with <code>ROS-08 Start date 2023-12-31 is before today</code>.</p>
<p>Shifts can only be imported from today on. This usually happens when last month's file is imported again.</p>
<ol><li>Remove the past rows.</li><li>Import the file again.</li></ol>
<h2 id="ros-12">ROS-12: Employee ID is not unique</h2>
<p>Rows fail with <code>ROS-12 Duplicate employee ID: E-1042</code>.</p>
<p>The same employee ID appears more than once in the file, or it belongs to an archived employee. Archived \
employees keep their IDs.</p>
<ol><li>Remove the duplicate rows.</li><li>Restore the archived employee, then import again.</li></ol>
</article></body></html>
"""


def test_a_paragraph_on_how_often_an_id_appears_is_the_cause(tmp_path: Path) -> None:
    past, duplicate = read(tmp_path / "kb", "roster-errors.html", HELP_SCOUT_ERRORS).problems
    assert past.cause.startswith("Shifts can only be imported from today on.")
    assert duplicate.title == "ROS-12: Employee ID is not unique"
    assert duplicate.error_messages[-1] == "ROS-12 Duplicate employee ID: E-1042"
    # Before: "appears" read as what the screen shows, and the paragraph was a symptom.
    assert duplicate.cause == (
        "The same employee ID appears more than once in the file, or it belongs to an archived employee. "
        "Archived employees keep their IDs."
    )
    assert [s.text for s in duplicate.steps] == [
        "Remove the duplicate rows.",
        "Restore the archived employee, then import again.",
    ]


def test_a_paragraph_on_what_appears_after_the_message_stays_a_symptom(tmp_path: Path) -> None:
    page = HELP_SCOUT_ERRORS.replace(
        "<p>The same employee ID appears more than once in the file, or it belongs to an archived employee. "
        "Archived employees keep their IDs.</p>",
        "<p>A red banner appears over the roster, and the import stops at the first such row.</p>",
    )
    _, duplicate = read(tmp_path / "kb", "roster-errors.html", page).problems
    assert duplicate.cause == ""
    assert "A red banner appears over the roster" in duplicate.symptoms


# An Intercom help-centre article: under one error, a bulleted list of the cases it has, each item a bold
# case and its own fix, one or the other; under the next, numbered steps.
INTERCOM_CASES = """\
<html><head><title>Webhook deliveries fail | Pollwise Help Center</title></head><body>
<div class="article intercom-force-break"><h1>Webhook deliveries fail</h1>
<article>
<div class="intercom-interblocks-heading"><h2 id="h_1">Deliveries fail with "410 Gone"</h2></div>
<div class="intercom-interblocks-paragraph"><p>The delivery log shows <code>410 Gone: endpoint removed</code>.</p></div>
<div class="intercom-interblocks-unordered-nested-list"><ul>
<li><div class="intercom-interblocks-paragraph"><p><b>Endpoint moved:</b> enter the new URL under \
<b>Settings &gt; Webhooks</b>.</p></div></li>
<li><div class="intercom-interblocks-paragraph"><p><b>Integration retired:</b> delete the webhook.</p></div></li>
</ul></div>
<div class="intercom-interblocks-heading"><h2 id="h_2">Deliveries time out</h2></div>
<div class="intercom-interblocks-paragraph"><p>The delivery log shows <code>timeout after 10s</code>.</p></div>
<div class="intercom-interblocks-ordered-nested-list"><ol>
<li><div class="intercom-interblocks-paragraph"><p>Answer with 200 first.</p></div></li>
<li><div class="intercom-interblocks-paragraph"><p>Process the event afterwards.</p></div></li>
</ol></div>
</article></div></body></html>
"""


def test_bulleted_cases_each_with_its_fix_are_groups_not_steps_in_a_row(tmp_path: Path) -> None:
    gone, timeout = read(tmp_path / "kb", "webhooks.html", INTERCOM_CASES).problems
    # Before: steps 1 "Endpoint moved: …" and 2 "Integration retired: …", one after the other.
    assert [(s.group, s.number, s.text) for s in gone.steps] == [
        ("Endpoint moved", "1", "enter the new URL under Settings > Webhooks."),
        ("Integration retired", "1", "delete the webhook."),
    ]
    assert [(s.group, s.number, s.text) for s in timeout.steps] == [
        (None, "1", "Answer with 200 first."),
        (None, "2", "Process the event afterwards."),
    ]


def test_bulleted_steps_labelled_by_what_to_do_stay_steps_in_a_row(tmp_path: Path) -> None:
    page = INTERCOM_CASES.replace(
        "<b>Endpoint moved:</b> enter", "<b>Update the endpoint:</b> enter"
    ).replace("<b>Integration retired:</b> delete", "<b>Send a test event:</b> click <b>Test</b> to")
    gone, _ = read(tmp_path / "kb", "webhooks.html", page).problems
    assert [(s.group, s.number) for s in gone.steps] == [(None, "1"), (None, "2")]
    assert gone.steps[0].text.startswith("Update the endpoint: enter the new URL")


def test_bulleted_settings_and_their_values_under_a_problem_stay_steps(tmp_path: Path) -> None:
    page = (
        "# Mail relay\n\n## Relay rejects the scanner (550 5.7.1)\n\n"
        "The scanner's log shows `550 5.7.1 Relaying denied`.\n\n"
        "- **Server:** relay.example.org\n- **Port:** 587\n"
    )
    [problem] = read(tmp_path / "kb", "relay.md", page).problems
    assert [(s.group, s.number, s.text) for s in problem.steps] == [
        (None, "1", "Server: relay.example.org"),
        (None, "2", "Port: 587"),
    ]


def test_bulleted_steps_labelled_by_their_order_stay_steps_in_a_row(tmp_path: Path) -> None:
    """Guard (reread): "**First:** … **Next:** … **Finally:** …" orders one procedure; no cases."""
    page = (
        "# Sync\n\n## Sync stops with SY-120\n\nThe client shows `SY-120 sync halted`.\n\n"
        "- **First:** quit the client.\n- **Next:** delete the cache folder.\n- **Finally:** start the client.\n"
    )
    [problem] = read(tmp_path / "kb", "sync.md", page).problems
    assert [(s.group, s.number) for s in problem.steps] == [(None, "1"), (None, "2"), (None, "3")]
