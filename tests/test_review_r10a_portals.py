"""What review r10a found around help-desk portals' articles: a help centre's search header ("How can we
help?" over the search field) before the article, a FAQ page's search box, feedback prompt and footer in
classes its product names in camelCase, a chat widget under the article, a knowledge base export's footer
of related entries and page actions after its last rule, and a portal's "Related Items" field.

Each test writes a small article of its own in the style and reads it with the real indexer, with a guard
for the nearest shape that must read as before.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from test_house_styles import read

# A Crisp-like help centre's page: the site's header, its heading a question to the reader over the search
# field, and a category card before the article; the article's own problems are its <h2>s.
SEARCH_HEADER_PAGE = """\
<html><head><title>Label printing fails | Shipwise Help Center</title></head><body>
<header class="hc-top">
  <h2 class="hc-top-title">How can we help?</h2>
  <form class="hc-search" action="/search"><input type="search" name="q" placeholder="Search the help center"></form>
</header>
<div class="hc-category-card"><a href="/en/category/labels/"><span>Labels</span> <span>9 articles</span></a></div>
<article>
  <h1>Label printing fails</h1>
  <h2>"403 Forbidden: carrier account suspended"</h2>
  <p>Labels stay in the queue. The carrier suspended the account after a failed payment.</p>
  <ol><li>Open Carriers.</li><li>Update the card on file.</li></ol>
  <h2>Labels print blank</h2>
  <p>The printer feeds an empty label.</p>
  <ol><li>Switch the printer to direct thermal mode.</li></ol>
</article>
</body></html>
"""


def test_a_help_centre_s_search_header_is_no_problem(tmp_path: Path) -> None:
    article = read(tmp_path / "kb", "labels.html", SEARCH_HEADER_PAGE)
    suspended, blank = article.problems
    assert article.title == "Label printing fails"
    assert suspended.title == '"403 Forbidden: carrier account suspended"'
    assert suspended.error_messages == ["403 Forbidden: carrier account suspended"]
    assert [step.text for step in suspended.steps] == ["Open Carriers.", "Update the card on file."]
    assert blank.title == "Labels print blank"
    assert [step.text for step in blank.steps] == ["Switch the printer to direct thermal mode."]
    assert "How can we help" not in " ".join(p.title for p in article.problems)


def test_a_page_header_without_a_search_field_stays_the_article_s(tmp_path: Path) -> None:
    # Guard: a <header> that holds the article's own title, and no search field, titles the page.
    page = SEARCH_HEADER_PAGE.replace(
        SEARCH_HEADER_PAGE[SEARCH_HEADER_PAGE.index("<header") : SEARCH_HEADER_PAGE.index("<article>")], ""
    ).replace(
        "<article>\n  <h1>Label printing fails</h1>",
        "<header><h1>Label printing fails</h1></header>\n<article>",
    )
    article = read(tmp_path / "kb", "labels.html", page)
    assert article.title == "Label printing fails"
    assert [p.title for p in article.problems] == [
        '"403 Forbidden: carrier account suspended"',
        "Labels print blank",
    ]


# A Web Help Desk FAQ page: its search box, feedback prompt and footer in classes the product writes in
# camelCase, its own prefix run into the component's name ("faqSearch", "faqHelpful", "whdFooter").
FAQ_PAGE = """\
<html><head><title>Web Help Desk - FAQ 118</title></head><body>
<div class="faqSearch">Search FAQs: <input type="text"> <button>Search</button></div>
<div class="faqQuestion"><span class="fieldLabel">Question:</span>
<p>Badge printer prints a blank card.</p></div>
<div class="faqAnswer"><span class="fieldLabel">Answer:</span>
<p>The printer shows "Ribbon not detected (Code 0412)".</p>
<ol><li>Open the lid and reseat the ribbon.</li><li>Run a cleaning card.</li></ol>
</div>
<div class="faqHelpful"><p>Was this FAQ helpful? <button>Yes</button> <button>No</button></p>
<p><a href="#">Create a Help Request</a> if this FAQ did not solve your problem.</p></div>
<div class="whdFooter">Acme Web Help Desk &copy; 2025</div>
</body></html>
"""


def test_a_faq_page_s_search_box_feedback_prompt_and_footer_are_no_text_of_it(tmp_path: Path) -> None:
    (problem,) = read(tmp_path / "kb", "faq-118.html", FAQ_PAGE).problems
    assert [step.text for step in problem.steps] == [
        "Open the lid and reseat the ribbon.",
        "Run a cleaning card.",
    ]
    assert problem.error_messages == ["Ribbon not detected (Code 0412)"]
    assert [note.text for note in problem.notes] == []
    assert "Search FAQs" not in problem.symptoms


def test_a_camel_cased_class_that_names_no_furniture_stays_text(tmp_path: Path) -> None:
    # Guard: a block the product classes in camelCase after what it holds of the article ("faqSearchTips":
    # how to search for the device) is the article's.
    page = FAQ_PAGE.replace(
        '<div class="faqHelpful">',
        '<div class="faqSearchTips"><p>If the printer is not listed, search for it by its serial number.</p></div>\n'
        '<div class="faqHelpful">',
    )
    (problem,) = read(tmp_path / "kb", "faq-118.html", page).problems
    assert [note.text for note in problem.notes] == [
        "If the printer is not listed, search for it by its serial number."
    ]


# A LiveAgent help centre: the article in <main>, and after it the chat widget's placeholder the script
# replaces with its button.
CHAT_WIDGET_PAGE = """\
<html><head><title>Invoices are not emailed - Ledgerly Help Center</title></head><body>
<main>
<article>
<h1>Invoices are not emailed</h1>
<h2>Error "SMTP relay refused" when sending an invoice</h2>
<p>A banner says <em>SMTP relay refused (LG-MAIL-550)</em>.</p>
<ol><li>Open Settings &gt; Email.</li><li>Enter the relay password again and click Save.</li></ol>
</article>
</main>
<div id="liveagent-chat-button" class="la-chat-placeholder"><p>Chat with us</p><p>Usually replies within an hour</p></div>
</body></html>
"""


def test_a_chat_widget_under_the_article_is_no_note(tmp_path: Path) -> None:
    (problem,) = read(tmp_path / "kb", "invoices.html", CHAT_WIDGET_PAGE).problems
    assert [step.text for step in problem.steps] == [
        "Open Settings > Email.",
        "Enter the relay password again and click Save.",
    ]
    assert [note.text for note in problem.notes] == []


def test_an_article_s_section_about_chat_stays_its_text(tmp_path: Path) -> None:
    # Guard: a block the article names after a chat ("chat-transcript", what the customer wrote) is its own.
    page = CHAT_WIDGET_PAGE.replace(
        "</article>",
        '<div class="chat-transcript"><p>If the relay still refuses, send us the log.</p></div>\n</article>',
    )
    (problem,) = read(tmp_path / "kb", "invoices.html", page).problems
    assert "If the relay still refuses, send us the log." in [note.text for note in problem.notes]


# A YouTrack knowledge base article exported as Markdown: each problem a <details> section, and after the
# last rule the export's footer, the related issues' keys and the page's links to edit it and see its history.
TRACKER_EXPORT = """\
# KB-A-117 Nightly builds fail on the ARM runners

**Project:** Build Infrastructure (BINF) · **Article ID:** KB-A-117

<details>
<summary><strong>Docker login fails with "unauthorized"</strong></summary>

**Symptom.** The login step prints `Error response from daemon: unauthorized: incorrect username or password`.

**Cause.** The registry token in the runner's config expired.

**Fix.**

1. Create a new registry token.
2. Update `REGISTRY_TOKEN` in the group's CI variables.

</details>

---
*Related:* BINF-2210, BINF-2214 · [Edit article](#) · [History](#)
"""


def test_a_tracker_export_s_footer_of_related_issues_is_no_note(tmp_path: Path) -> None:
    article = read(tmp_path / "kb", "arm-runners.md", TRACKER_EXPORT)
    (problem,) = article.problems
    assert [step.text for step in problem.steps] == [
        "Create a new registry token.",
        "Update REGISTRY_TOKEN in the group's CI variables.",
    ]
    assert [note.text for note in problem.notes] == []
    assert "BINF-2210" in article.body


def test_related_issues_alone_under_the_last_rule_stay_the_last_problem_s_note(tmp_path: Path) -> None:
    # Guard: related entries alone after the last rule, no link that acts on the page, are the last
    # problem's see-also note, as before.
    article = read(
        tmp_path / "kb",
        "arm-runners.md",
        TRACKER_EXPORT.replace(" · [Edit article](#) · [History](#)", ""),
    )
    (problem,) = article.problems
    assert [note.text for note in problem.notes] == ["Related: BINF-2210, BINF-2214"]


# A SysAid article: its fields as headed blocks, each issue labelled in bold in every field, and after the
# Solution the field of links to related articles.
RELATED_ITEMS_PAGE = """\
<html><head><title>SysAid - Knowledge Base</title></head><body>
<div class="kb-article"><h1>Shared mailbox does not open</h1>
<div class="kb-field"><h3>Symptom</h3><div>
<p><b>Issue 1 &ndash; Mailbox not listed</b></p><pre>The set of folders cannot be opened. (error 0x8004010F)</pre>
<p><b>Issue 2 &ndash; Access denied</b></p><pre>You do not have permission to open this folder. (error 0x80070005)</pre>
</div></div>
<div class="kb-field"><h3>Solution</h3><div>
<p><b>Issue 1 &ndash; Mailbox not listed</b></p><ol><li>Remove the mailbox.</li><li>Add it again.</li></ol>
<p><b>Issue 2 &ndash; Access denied</b></p><ol><li>Ask the mailbox owner for Full Access.</li><li>Restart Outlook.</li></ol>
</div></div>
<div class="kb-field"><h3>Related Items</h3><ul><li><a href="#">Calendar invites arrive twice</a></li></ul></div>
</div></body></html>
"""


def test_a_portal_s_related_items_field_is_no_part_of_the_last_problem(tmp_path: Path) -> None:
    article = read(tmp_path / "kb", "shared-mailbox.html", RELATED_ITEMS_PAGE)
    listed, denied = article.problems
    assert [step.text for step in listed.steps] == ["Remove the mailbox.", "Add it again."]
    assert [step.text for step in denied.steps] == [
        "Ask the mailbox owner for Full Access.",
        "Restart Outlook.",
    ]
    assert "Calendar invites arrive twice" not in denied.body
    assert "Calendar invites arrive twice" in article.body


def test_a_heading_about_related_items_that_fail_is_a_problem(tmp_path: Path) -> None:
    # Guard: "Related items" that open a longer heading name what fails, a problem of its own.
    text = """\
# Storefront issues

## Related items are not shown

The product page shows no related items after the import.

1. Rebuild the recommendations index.

## Prices show in the wrong currency

1. Set the store's currency again.
"""
    related, _ = read(tmp_path / "kb", "storefront.md", text).problems
    assert related.title == "Related items are not shown"
    assert [step.text for step in related.steps] == ["Rebuild the recommendations index."]


# A help centre's fix offered as a choice: two bullets, the first ending in ", or", each a way out.
CHOICE_PAGE = """\
# Invoices are not emailed

## Error "Sender address not confirmed" when saving settings

A banner says *Sender address not confirmed (LG-MAIL-012)*.

- Open the confirmation email and click **Confirm**, or
- send from the default address until the address is confirmed.

## Invoices arrive in the spam folder

1. Add the SPF record the settings page shows.
2. Click **Check DNS**.
"""


def test_bullets_offered_as_a_choice_are_one_step(tmp_path: Path) -> None:
    unconfirmed, spam = read(tmp_path / "kb", "invoices.md", CHOICE_PAGE).problems
    assert [(step.number, step.text) for step in unconfirmed.steps] == [
        (
            "1",
            "Open the confirmation email and click Confirm, or"
            " send from the default address until the address is confirmed.",
        )
    ]
    assert [step.text for step in spam.steps] == [
        "Add the SPF record the settings page shows.",
        "Click Check DNS.",
    ]


def test_bullets_without_a_choice_between_them_stay_steps(tmp_path: Path) -> None:
    # Guard: bullets that are done one after the other ("or" inside an item, not ending it) stay a step each.
    page = CHOICE_PAGE.replace("click **Confirm**, or\n", "click **Confirm** or **Resend**.\n").replace(
        "- send from", "- Send from"
    )
    unconfirmed, _ = read(tmp_path / "kb", "invoices.md", page).problems
    assert [step.number for step in unconfirmed.steps] == ["1", "2"]


# A storefront app's article whose first problem is named after the widget that fails ("Related items"), over
# its symptom and steps.
WIDGETS_PAGE = """\
# Product page widgets are empty

## Related items

The Related items carousel on the product page is empty after a catalog import.

1. Open **Apps > Recommendations**.
2. Click **Rebuild index**.

## Recently bought together

The block shows "No data (REC-204)".

1. Turn on order tracking in **Settings**.
"""


def test_a_problem_named_after_a_related_items_widget_stays_a_problem(tmp_path: Path) -> None:
    carousel, bought = read(tmp_path / "kb", "widgets.md", WIDGETS_PAGE).problems
    assert carousel.title == "Related items"
    assert [step.text for step in carousel.steps] == ["Open Apps > Recommendations.", "Click Rebuild index."]
    assert bought.title == "Recently bought together"
    assert [step.text for step in bought.steps] == ["Turn on order tracking in Settings."]


def test_a_related_items_heading_over_links_only_is_no_problem(tmp_path: Path) -> None:
    # Guard: the same heading over nothing but links to other articles is the page's, as in a portal's field.
    page = WIDGETS_PAGE.replace(
        "## Recently bought together",
        "## Related items\n\n- [Carousel shows old products](/kb/carousel-stale)\n"
        "- [Import a catalog](/kb/import)\n\n## Recently bought together",
    ).replace("## Related items\n\nThe Related", "## Carousel is empty\n\nThe Related", 1)
    article = read(tmp_path / "kb", "widgets.md", page)
    assert [p.title for p in article.problems] == ["Carousel is empty", "Recently bought together"]
    assert "Import a catalog" not in " ".join(step.text for p in article.problems for step in p.steps)


# The site's logo as many help centres inline it in their header, an SVG of a few kilobytes.
_SVG_LOGO = (
    '<a class="hc-logo" href="/"><svg viewBox="0 0 240 48" aria-hidden="true"><path d="'
    + " ".join(f"M{n % 240} {n % 48}c1.5 0 2.7 1.2 2.7 2.7s-1.2 2.7-2.7 2.7z" for n in range(160))
    + '"/></svg></a>'
)


def test_a_search_header_with_an_inline_logo_is_no_problem(tmp_path: Path) -> None:
    page = SEARCH_HEADER_PAGE.replace('<header class="hc-top">', f'<header class="hc-top">\n  {_SVG_LOGO}')
    article = read(tmp_path / "kb", "labels.html", page)
    assert [p.title for p in article.problems] == [
        '"403 Forbidden: carrier account suspended"',
        "Labels print blank",
    ]
    assert [step.text for step in article.problems[1].steps] == ["Switch the printer to direct thermal mode."]


def test_a_search_header_whose_field_is_a_text_box_named_search_is_no_problem(tmp_path: Path) -> None:
    page = SEARCH_HEADER_PAGE.replace(
        '<input type="search" name="q" placeholder="Search the help center">',
        '<input type="text" name="q" aria-label="Search" autocomplete="off">',
    )
    article = read(tmp_path / "kb", "labels.html", page)
    assert [p.title for p in article.problems] == [
        '"403 Forbidden: carrier account suspended"',
        "Labels print blank",
    ]


def test_an_article_s_own_header_with_its_title_and_a_search_box_titles_it(tmp_path: Path) -> None:
    # The article's own <header>: its <h1> and byline, and a box to search its section.
    page = SEARCH_HEADER_PAGE.replace(
        SEARCH_HEADER_PAGE[SEARCH_HEADER_PAGE.index("<header") : SEARCH_HEADER_PAGE.index("<article>")], ""
    ).replace(
        "<article>\n  <h1>Label printing fails</h1>",
        '<article>\n<header class="article-header"><h1>Label printing fails</h1><p class="meta">Updated 3 days'
        ' ago</p>\n<form role="search"><input type="search" placeholder="Search this section"></form></header>',
    )
    article = read(tmp_path / "kb", "labels.html", page)
    assert article.title == "Label printing fails"
    assert [p.title for p in article.problems] == [
        '"403 Forbidden: carrier account suspended"',
        "Labels print blank",
    ]


def test_a_note_s_own_camel_cased_footer_stays_its_text(tmp_path: Path) -> None:
    # A CMS's note component after the steps, its parts classed in camelCase ("noteFooter"): the article's.
    page = FAQ_PAGE.replace(
        "</ol>\n</div>",
        '</ol>\n<div class="noteFooter"><p>If the ribbon is still not detected, replace the ribbon sensor'
        " (part P1058930-099).</p></div>\n</div>",
    )
    (problem,) = read(tmp_path / "kb", "faq-118.html", page).problems
    assert [note.text for note in problem.notes] == [
        "If the ribbon is still not detected, replace the ribbon sensor (part P1058930-099)."
    ]


@pytest.mark.parametrize(
    "footer",
    [
        "*Related:* BINF-2210, BINF-2214 · [Edit this article](#) · [View history](#)",
        "*Related:* BINF-2210, BINF-2214 · [Edit](#) · [Revisions](#)",
        "*Related:* BINF-2210, BINF-2214 · [Edit article](#) · [History](#) · [Comments (2)](#)",
        "*Verwandt:* BINF-2210, BINF-2214 · [Bearbeiten](#) · [Verlauf](#)",
        "*Liés :* BINF-2210, BINF-2214 · [Modifier](#) · [Historique](#)",
    ],
)
def test_a_tracker_export_s_footer_of_page_actions_in_other_words_is_no_note(
    tmp_path: Path, footer: str
) -> None:
    page = TRACKER_EXPORT.replace(
        "*Related:* BINF-2210, BINF-2214 · [Edit article](#) · [History](#)", footer
    )
    (problem,) = read(tmp_path / "kb", "arm-runners.md", page).problems
    assert [note.text for note in problem.notes] == []


def test_a_tip_that_names_a_menu_path_with_bars_stays_a_note(tmp_path: Path) -> None:
    # Guard: a tip after the last rule that names a menu path with bars ("File | Print") is no page action.
    page = TRACKER_EXPORT.replace(
        "*Related:* BINF-2210, BINF-2214 · [Edit article](#) · [History](#)",
        "Tip: to keep the build log, choose File | Print",
    )
    (problem,) = read(tmp_path / "kb", "arm-runners.md", page).problems
    assert [note.text for note in problem.notes] == ["Tip: to keep the build log, choose File | Print"]


def test_a_choice_offered_by_the_last_bullets_of_a_procedure_is_one_step(tmp_path: Path) -> None:
    page = CHOICE_PAGE.replace(
        "- Open the confirmation email and click **Confirm**, or\n",
        "- Open **Settings > Email**.\n- Click **Resend confirmation**, or\n",
    )
    unconfirmed, _ = read(tmp_path / "kb", "invoices.md", page).problems
    assert [(step.number, step.text) for step in unconfirmed.steps] == [
        ("1", "Open Settings > Email."),
        ("2", "Click Resend confirmation, or send from the default address until the address is confirmed."),
    ]


def test_a_choice_offered_in_german_is_one_step(tmp_path: Path) -> None:
    page = CHOICE_PAGE.replace(
        "- Open the confirmation email and click **Confirm**, or\n- send from the default address until the"
        " address is confirmed.",
        "- Öffnen Sie die Bestätigungs-E-Mail und klicken Sie auf **Bestätigen**, oder\n"
        "- senden Sie von der Standardadresse, bis sie bestätigt ist.",
    )
    unconfirmed, _ = read(tmp_path / "kb", "invoices.md", page).problems
    assert [step.number for step in unconfirmed.steps] == ["1"]


def test_a_choice_offered_as_checklist_items_is_one_step_without_the_boxes(tmp_path: Path) -> None:
    page = CHOICE_PAGE.replace("- Open the confirmation", "- [ ] Open the confirmation").replace(
        "- send from", "- [ ] send from"
    )
    unconfirmed, _ = read(tmp_path / "kb", "invoices.md", page).problems
    assert [step.text for step in unconfirmed.steps] == [
        "Open the confirmation email and click Confirm, or send from the default address until the address is"
        " confirmed."
    ]


@pytest.mark.parametrize(
    "names", ['class="chatbot-widget"', 'class="support-chat"', 'id="chat-widget-button"']
)
def test_a_chat_widget_by_other_names_is_no_note(tmp_path: Path, names: str) -> None:
    page = CHAT_WIDGET_PAGE.replace('id="liveagent-chat-button" class="la-chat-placeholder"', names)
    (problem,) = read(tmp_path / "kb", "invoices.html", page).problems
    assert [note.text for note in problem.notes] == []


def test_a_block_classed_chat_alone_stays_the_article_s(tmp_path: Path) -> None:
    # Guard: a block classed "chat" alone (a transcript of what was said) is the article's.
    page = CHAT_WIDGET_PAGE.replace(
        '<div id="liveagent-chat-button" class="la-chat-placeholder"><p>Chat with us</p><p>Usually replies within'
        " an hour</p></div>",
        "",
    ).replace(
        "</article>",
        '<div class="chat"><p>If the relay still refuses, send us the log.</p></div>\n</article>',
    )
    (problem,) = read(tmp_path / "kb", "invoices.html", page).problems
    assert "If the relay still refuses, send us the log." in [note.text for note in problem.notes]


def test_a_block_id_d_in_camel_case_after_what_it_holds_stays_text(tmp_path: Path) -> None:
    # Guard's twin by id: the id and the class read camel-cased names alike, "faqSearchTips" is the article's.
    page = FAQ_PAGE.replace(
        '<div class="faqHelpful">',
        '<div id="faqSearchTips"><p>If the printer is not listed, search for it by its serial number.</p></div>\n'
        '<div class="faqHelpful">',
    )
    (problem,) = read(tmp_path / "kb", "faq-118.html", page).problems
    assert [note.text for note in problem.notes] == [
        "If the printer is not listed, search for it by its serial number."
    ]


def test_a_search_box_id_d_in_camel_case_is_no_text(tmp_path: Path) -> None:
    # Guard: the search box by a camel-cased id, its part named after it ("faqSearchBox"), is the page's.
    page = FAQ_PAGE.replace('<div class="faqSearch">', '<div id="faqSearchBox">')
    (problem,) = read(tmp_path / "kb", "faq-118.html", page).problems
    assert "Search FAQs" not in problem.symptoms
    assert [step.text for step in problem.steps] == [
        "Open the lid and reseat the ribbon.",
        "Run a cleaning card.",
    ]
