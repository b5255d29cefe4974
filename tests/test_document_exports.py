"""Articles exported from word processors, wikis and help centres: Pandoc's attributes, localized
"see also" sections, glossaries, and the furniture a help centre prints around every article.

Each test writes a small article of its own to a file and reads it with the real indexer.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from indexer.parse import parse_article
from indexer.records import Article, Problem
from indexer.roles import Role, heading_role


def _read(tmp_path: Path, name: str, text: str) -> Article:
    """The article the indexer reads from a file ``name`` holding ``text``."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return parse_article(path.read_bytes(), name)


PANDOC_EXPORT = """---
title: Scanner guide
---

# Scanner shows "Feed jam J-01" {#feed-jam .unnumbered}

## Symptoms {#symptoms}

The panel shows [**J-01 Feed jam**]{.smallcaps} after every second page.

## Cause {#cause}

Dust on the separation roller.

## Resolution {#resolution}

1. Open the cover as shown: ![cover](cover.png){width="6.5in" height="2.1in"}
2. Wipe the roller with the cloth from `kit`{.smallcaps}.

# Glossary {-}

Separation roller
:   The rubber roller that takes one sheet at a time.
"""


def test_pandoc_s_attributes_are_no_words_of_a_heading_or_a_step(tmp_path: Path) -> None:
    """``## Symptoms {#symptoms}`` named no part of a problem, so the symptoms were lost, and every
    title, step and span kept its ids, classes and image sizes."""
    article = _read(tmp_path, "scanner.md", PANDOC_EXPORT)
    [problem] = article.problems
    assert problem.title == 'Scanner shows "Feed jam J-01"'
    assert problem.symptoms == "The panel shows J-01 Feed jam after every second page."
    assert problem.cause == "Dust on the separation roller."
    assert [s.markdown for s in problem.steps] == [
        "Open the cover as shown: ![cover](cover.png)",
        "Wipe the roller with the cloth from `kit`.",
    ]
    assert "{" not in article.body


@pytest.mark.parametrize(
    ("heading", "link"),
    [
        ("Weitere Informationen", "Scanner-Handbuch"),
        ("Articles connexes", "Guide du scanner"),
        ("関連記事", "スキャナーガイド"),
        ("Related alerts", "ScannerOffline"),
    ],
)
def test_a_localized_see_also_or_related_section_after_the_fix_is_no_group_of_steps(
    tmp_path: Path, heading: str, link: str
) -> None:
    """As "More information" and "Related articles" are in English: their links were a second
    group of steps of the fix above them."""
    text = f"""# Scanner stops at J-01

## Symptoms

The panel shows J-01.

## Resolution

1. Open the cover.
2. Wipe the roller.

## {heading}

- [{link}](https://example.com/guide)
"""
    [problem] = _read(tmp_path, "scanner.md", text).problems
    assert [(s.group, s.text) for s in problem.steps] == [
        (None, "Open the cover."),
        (None, "Wipe the roller."),
    ]


def test_a_glossary_under_a_problem_is_no_group_of_its_steps(tmp_path: Path) -> None:
    text = """# How the mail attribute is filled in

## Summary

The mail attribute is filled in from the primary address.

## Terminology

- Primary address: the address that mail is sent from.
- Alias: another address that mail is received at.

## Resolution

1. Set the primary address.
"""
    article = _read(tmp_path, "mail.md", text)
    [problem] = article.problems
    assert [s.text for s in problem.steps] == ["Set the primary address."]
    assert "Alias: another address" in problem.body


HELP_DESK_PAGE = """<html><head><meta charset="utf-8">
<title>Sync stuck at "Waiting for server" : Nimbus Notes Support</title></head><body>
<h2>Sync stuck at "Waiting for server"</h2>
<p>Modified on: Tue, 12 Mar, 2024 at 10:41 AM</p>
<p>The sync indicator stays at <strong>Waiting for server</strong> for hours.</p>
<h3>How to fix it</h3>
<ol><li>Quit the app.</li><li>Delete the file <code>journal.lock</code>.</li></ol>
<p>Helpful? <a href="#">Yes</a> <a href="#">No</a></p>
<p>Rate this article: &#9733;&#9733;&#9733;&#9733;&#9734;</p>
<p>Did you find it helpful? <a>Yes</a> <a>No</a></p>
<p>Did this article solve your issue?</p>
<p>Send feedback</p>
<p>Sorry we couldn't be helpful. Help us improve this article with your feedback.</p>
<p>Cet article vous a-t-il été utile ? Oui Non</p>
<p>Like Be the first to like this</p>
<p>Attachments: none</p>
<p>Last edited by @maintainer-bot &#183; Home</p>
</body></html>
"""


def test_a_help_desk_page_s_title_byline_and_feedback_prompts_are_no_part_of_the_answer(
    tmp_path: Path,
) -> None:
    """Freshdesk, ServiceNow, Salesforce and Confluence print them around every article: the site's
    name after the title, the date it was modified as the first line of its symptoms, and its
    feedback prompts as notes after the steps."""
    article = _read(tmp_path, "sync.html", HELP_DESK_PAGE)
    assert article.title == 'Sync stuck at "Waiting for server"'
    [problem] = article.problems
    assert problem.symptoms == "The sync indicator stays at Waiting for server for hours."
    assert [s.text for s in problem.steps] == ["Quit the app.", "Delete the file journal.lock."]
    assert problem.notes == []


LOCALIZED_BYLINES = (
    "Modifié le : lun., 8 avr. 2024 à 10:41",
    "Modifié le\u00a0: lun., 8 avr. 2024 à 9:15 AM",
    "Mis à jour le : 8 avril 2024",
    "Geändert am: Mo., 8 Apr. 2024 um 10:41",
    "Zuletzt aktualisiert am: 08.04.2024",
    "Modificado el: lun, 8 abr, 2024 a las 10:41 AM",
    "Modificado em: seg, 8 abr, 2024 às 10:41",
    "Modificato il: lun, 8 apr, 2024 alle 10:41",
    "Gewijzigd op: ma, 8 apr, 2024 om 10:41",
    # Its word for "last" first, no preposition, and pieces after the date, as English bylines have.
    "Laatst bijgewerkt: 9 april 2024 · Leestijd 4 minuten",
    "Zuletzt aktualisiert: 08.04.2024 · 2 Min. Lesezeit",
    # Chinese, Japanese and Korean, the page's other fields after a wide space.
    "最終更新日：2024年4月8日\u3000対象バージョン：SyncDrive 4.x",
    "更新日期：2024-04-08",
    "마지막 업데이트: 2024. 4. 8.",
)


@pytest.mark.parametrize("byline", LOCALIZED_BYLINES)
def test_a_localized_help_desk_s_modified_on_byline_is_no_part_of_the_answer(
    tmp_path: Path, byline: str
) -> None:
    """Help desks print the date an article was modified in the language of the help centre: read as
    text, it was the first line of the problem's symptoms."""
    page = HELP_DESK_PAGE.replace("Modified on: Tue, 12 Mar, 2024 at 10:41 AM", byline)
    [problem] = _read(tmp_path, "sync.html", page).problems
    assert problem.symptoms == "The sync indicator stays at Waiting for server for hours."


@pytest.mark.parametrize(
    "trail", ["Home > Support > SyncDrive > Troubleshooting", "ホーム > サポート > SyncDrive"]
)
def test_a_trail_from_the_home_page_under_the_title_is_no_symptom(tmp_path: Path, trail: str) -> None:
    # It was the first line of the problem's symptoms.
    text = (
        f"# Uploads stop\n\n{trail}\n\n## Symptoms\n\nUploads stop half-way.\n\n"
        "## Resolution\n\n1. Delete old files.\n"
    )
    [problem] = _read(tmp_path, "uploads.md", text).problems
    assert problem.symptoms == "Uploads stop half-way."


def test_a_trail_through_an_app_s_menus_is_still_text(tmp_path: Path) -> None:
    # Guard: "Go to Settings > Company > Bank accounts" says what to do.
    text = (
        "# Bank feed\n\n## Resolution\n\nGo to Settings > Company > Bank accounts and reconnect the feed.\n"
    )
    [problem] = _read(tmp_path, "bank.md", text).problems
    assert [s.text for s in problem.steps] == [
        "Go to Settings > Company > Bank accounts and reconnect the feed."
    ]


# A vendor's knowledge-base article as its site heads it: the trail to it, its language switcher and a
# byline of a few pieces over the text.
KB_HEADER_PAGE = """# Why does my Driftline relay drop jobs with "DL-311 lease expired"?

{header}

My Driftline relay on the edge pool drops every third job and logs `DL-311 lease expired (worker w-07)`.

## Resolution

1. Raise `lease.ttl` to 90s.
2. Restart the relay.
"""


@pytest.mark.parametrize(
    ("header", "kept"),
    [
        (
            "[Driftline Help](https://help.example/) \u203a [Knowledge base](https://help.example/kb) \u203a Relays",
            "Knowledge base",
        ),
        ("[Driftline Help](https://help.example/) \u00bb [Relays](https://help.example/kb/relays)", "Relays"),
        ("Language: English | Deutsch | \u4e2d\u6587", "Deutsch"),
        ("**4 minute read** \u00b7 Level: Advanced \u00b7 Last updated: 2025-06-02", "4 minute read"),
    ],
)
def test_a_kb_article_s_trail_language_switcher_and_byline_under_the_title_are_no_symptoms(
    tmp_path: Path, header: str, kept: str
) -> None:
    # Each was the first line of the problem's symptoms; it is the page's text, searchable.
    article = _read(tmp_path, "relay.md", KB_HEADER_PAGE.format(header=header))
    [problem] = article.problems
    assert problem.symptoms.startswith("My Driftline relay on the edge pool")
    assert kept in article.body


@pytest.mark.parametrize(
    ("line", "opening"),
    [
        # A path of menus in plain text, and one link then the place it leads to: no trail of links.
        ("Settings \u203a Relays \u203a Leases", "Settings"),
        ("[Relay settings](https://help.example/relays) \u203a Leases", "Relay settings"),
        # One language: a field of the page, no switcher.
        ("Language: English | ask us for a translation of this page", "Language"),
    ],
)
def test_a_menu_path_one_language_or_one_link_under_the_title_reads_as_before(
    tmp_path: Path, line: str, opening: str
) -> None:
    # Guard: only a trail of links and a choice of languages are the page's.
    [problem] = _read(tmp_path, "relay.md", KB_HEADER_PAGE.format(header=line)).problems
    assert problem.symptoms.startswith(opening)


def test_a_sentence_about_a_change_on_a_date_is_text(tmp_path: Path) -> None:
    """Only the byline's words and a date: a sentence that goes on says what changed."""
    said = "Geändert am: 8. April 2024 wurde das Zertifikat des Servers erneuert."
    page = HELP_DESK_PAGE.replace("Modified on: Tue, 12 Mar, 2024 at 10:41 AM", said)
    [problem] = _read(tmp_path, "sync.html", page).problems
    assert problem.symptoms.startswith(said)


DOCUMENT360_ARTICLE = """\
# Exports stop at 10,000 rows

## Problem

The export ends early.

## Solution

1. Open **Reports > Exports**.
2. Split the export by month.
   :::(Info) (Tip)
   A month of orders stays under the limit.
   :::
3. Run each export.

:::(Warning) (Large exports are deleted)
Exports over 1 GB are deleted after a day.
:::
"""

DOCUMENT360_PARTS = """\
# Invoices show the wrong tax

:::(Error) (Symptom)
Invoices for EU customers show `TAX_RATE_MISSING`.
:::

:::(Info) (Cause)
The customer has no VAT number.
:::

:::(Success) (Resolution)
1. Add the VAT number to the customer.
2. Issue the invoice again.
:::
"""


def test_a_document360_call_out_is_a_note_titled_as_written(tmp_path: Path) -> None:
    """Document360 writes its call-outs ":::(Warning) (Title)": read as a plain container, a warning
    after the steps lost its kind and title, and a tip in a step was words of the step."""
    [problem] = _read(tmp_path, "exports.md", DOCUMENT360_ARTICLE).problems
    assert [s.text for s in problem.steps] == [
        "Open Reports > Exports.",
        "Split the export by month.\nInfo: Tip\nA month of orders stays under the limit.",
        "Run each export.",
    ]
    assert [n.text for n in problem.notes] == [
        "Warning: Large exports are deleted\nExports over 1 GB are deleted after a day."
    ]


def test_a_document360_call_out_titled_by_a_part_is_that_part(tmp_path: Path) -> None:
    [problem] = _read(tmp_path, "tax.md", DOCUMENT360_PARTS).problems
    assert problem.symptoms == "Invoices for EU customers show TAX_RATE_MISSING."
    assert problem.cause == "The customer has no VAT number."
    assert [s.text for s in problem.steps] == [
        "Add the VAT number to the customer.",
        "Issue the invoice again.",
    ]
    assert problem.notes == []


def test_a_title_without_the_site_name_is_the_page_s_title_as_written(tmp_path: Path) -> None:
    """Only a <title> that is the page's heading and more loses the more: "Error 0x8004010F : Outlook
    cannot sync" is a title whose colon is its own."""
    page = "<html><head><title>Error 0x8004010F : Outlook cannot sync</title></head><body>"
    page += "<p>Outlook shows error 0x8004010F.</p><ol><li>Recreate the profile.</li></ol></body></html>"
    assert _read(tmp_path, "sync.html", page).title == "Error 0x8004010F : Outlook cannot sync"


OBSIDIAN_NOTE = """# Queue lag on orders

## Symptoms

Consumers lag behind. See [[On-call handbook#Escalation|escalation]] and [[Shipping app]].

## Resolution

1. Restart the consumers as [[Runbook]] says.
2. Check the lock:

   ```bash
   if [[ -f /var/run/consumer.lock ]]; then rm /var/run/consumer.lock; fi
   ```

> [!tip]- Still growing?
> Add a partition.
"""


def test_wiki_links_read_as_the_words_they_show_and_a_folded_call_out_as_its_title(tmp_path: Path) -> None:
    """Obsidian's and wikis' ``[[page|words]]`` read with their brackets and target, and a folded
    call-out's "-" as the first word of its note; a shell's ``[[ -f … ]]`` is no link."""
    [problem] = _read(tmp_path, "lag.md", OBSIDIAN_NOTE).problems
    assert problem.symptoms == "Consumers lag behind. See escalation and Shipping app."
    assert problem.steps[0].text == "Restart the consumers as Runbook says."
    assert "if [[ -f /var/run/consumer.lock ]]; then" in problem.steps[1].markdown
    assert [n.text for n in problem.notes] == ["Tip: Still growing?\nAdd a partition."]


NOTION_TOGGLES = """# Kiosk terminal issues

## Card reader shows "EMV chip read error"

- Symptoms

    The screen shows `EMV chip read error (E-207)` when a chip card is inserted.

- Cause

    Dust on the chip contacts.

- Fix
    1. Power off the kiosk.
    2. Clean the slot with a cleaning card.

> [!WARNING]
> Never use liquid.

## Reader fails after upgrade

- Cause 1: a leftover pairing

    Remove the pairing under **Devices**.

- Cause 2: old firmware

    Update the firmware.
"""


def test_notion_s_toggles_named_for_parts_are_those_parts(tmp_path: Path) -> None:
    """A Notion page exports its toggles as list items (``- Symptoms`` and, indented, what is seen):
    they were steps "Symptoms …", "Cause …", "Fix" with the real steps under the last. A list of
    causes each with its own text stays a list."""
    reader, upgrade = _read(tmp_path, "kiosk.md", NOTION_TOGGLES).problems
    assert reader.symptoms == "The screen shows EMV chip read error (E-207) when a chip card is inserted."
    assert reader.error_messages == ["EMV chip read error (E-207)"]
    assert reader.cause == "Dust on the chip contacts."
    assert [s.text for s in reader.steps] == ["Power off the kiosk.", "Clean the slot with a cleaning card."]
    assert [n.text for n in reader.notes] == ["Warning: Never use liquid."]
    assert [s.text.split("\n")[0] for s in upgrade.steps] == [
        "Cause 1: a leftover pairing",
        "Cause 2: old firmware",
    ]


FIELD_TABLE_PAGE = """<html><head><title>KB0020113 - Printing fails at branch offices</title></head><body>
<h2>Printing fails at branch offices</h2>
<table>
<tr><td><strong>Symptoms</strong></td><td>Jobs stay in the queue with <code>Win32 error code returned by the print processor: 0x80070005</code>.</td></tr>
<tr><th>Environment</th><td>Windows 11 branch PCs</td></tr>
<tr><th>Cause</th><td>Point and Print restrictions block the driver install.</td></tr>
<tr><th>Resolution</th><td><ol><li>Push the driver package.</li><li>Re-add the printer.</li></ol></td></tr>
</table>
</body></html>
"""


def test_a_table_of_a_problem_s_fields_gives_its_parts(tmp_path: Path) -> None:
    """ServiceNow and Salesforce export an article's fields as a table, a row per part, its label in
    a header or bold cell: such a page "described no problem" and was not indexed at all."""
    [problem] = _read(tmp_path, "printing.html", FIELD_TABLE_PAGE).problems
    assert problem.symptoms.startswith("Jobs stay in the queue")
    assert problem.error_codes == ["0x80070005"]
    assert problem.seen_in == "Windows 11 branch PCs"
    assert problem.cause == "Point and Print restrictions block the driver install."
    assert [s.text for s in problem.steps] == ["Push the driver package.", "Re-add the printer."]


def test_a_table_of_two_columns_that_names_no_parts_stays_a_table(tmp_path: Path) -> None:
    page = """<h1>Printer models</h1><p>Supported models:</p>
<table><tr><th>Model</th><td>ZD421</td></tr><tr><th>Firmware</th><td>V84.20.18</td></tr></table>
<ol><li>Update the firmware.</li></ol>"""
    [problem] = _read(tmp_path, "models.html", page).problems
    assert problem.body == "Model | ZD421\nFirmware | V84.20.18"
    assert [s.text for s in problem.steps] == ["Update the firmware."]


# A ServiceNow field table whose Symptoms cell holds its own paragraphs and preformatted output.
FIELD_TABLE_CODE_PAGE = """<html><body>
<h1>Label printer jobs fail from the warehouse terminal server</h1>
<table class="kb-fields"><tbody>
<tr><th>Issue/Symptom</th>
<td>
<p>Printing a pick label from a terminal-server session fails with:</p>
<pre>Spooler rejected job 118: port LPT9 is not redirected for this session.</pre>
<p>On older clients the dialog reads:</p>
<pre>Unable to reach printer WH-ZEB-04.
Check that the printer is online and try again.</pre>
</td></tr>
<tr><th>Cause</th><td><p>The session's printer redirection is turned off by policy.</p></td></tr>
<tr><th>Resolution</th><td><ol><li>Allow printer redirection in the session host policy.</li><li>Sign out and in again.</li></ol></td></tr>
</tbody></table>
</body></html>
"""


def test_code_blocks_in_a_field_table_s_cell_are_its_part_s_code(tmp_path: Path) -> None:
    """A field table's value cell is the part's text, its blocks and all: the output it shows in
    <pre> was flattened into one paragraph with its lead-ins, and the problem had no error message."""
    [problem] = _read(tmp_path, "spooler.html", FIELD_TABLE_CODE_PAGE).problems
    assert problem.error_messages == [
        "Spooler rejected job 118: port LPT9 is not redirected for this session.",
        "Unable to reach printer WH-ZEB-04. Check that the printer is online and try again.",
    ]
    assert problem.symptoms.startswith("Printing a pick label from a terminal-server session fails with:\n\n")
    assert problem.cause == "The session's printer redirection is turned off by policy."
    assert [s.text for s in problem.steps] == [
        "Allow printer redirection in the session host policy.",
        "Sign out and in again.",
    ]


def test_code_in_a_cell_of_another_table_stays_the_cell_s_text(tmp_path: Path) -> None:
    """Only a field table's cells are blocks: a table of data keeps a cell's output on its row."""
    page = """<h1>Printer ports</h1><p>Known port messages:</p>
<table><tr><th>Port</th><th>Message</th></tr>
<tr><td>LPT9</td><td><pre>port LPT9 is not redirected</pre></td></tr></table>
<ol><li>Check the port.</li></ol>"""
    [problem] = _read(tmp_path, "ports.html", page).problems
    assert "LPT9 | port LPT9 is not redirected" in problem.body
    assert [s.text for s in problem.steps] == ["Check the port."]


def test_a_knowledge_base_s_counts_and_rating_under_the_title_are_no_symptoms(tmp_path: Path) -> None:
    """ServiceNow prints the article's number, version and views, and its readers' star rating, between
    the title and the fields: they were the problem's first symptoms."""
    page = """<html><body>
<h1 class="kb-title">Badge readers reject valid badges after the nightly sync</h1>
<div class="kb-meta"><span>KB0031207</span> &middot; <span>v2.0</span> &middot; <span>1,204 Views</span></div>
<div class="kb-meta"><span>KB0031207</span> &middot; <span>v2.0</span></div>
<div class="kb-rating"><span class="stars">&#9733;&#9733;&#9733;&#9734;&#9734;</span> <span>(12 ratings)</span></div>
<table><tbody>
<tr><th>Issue/Symptom</th><td><p>Readers in building B flash red for badges that worked the day before.</p></td></tr>
<tr><th>Cause</th><td><p>The sync job drops badges whose holder changed department.</p></td></tr>
<tr><th>Resolution</th><td><ol><li>Run the sync again with the full flag.</li></ol></td></tr>
</tbody></table></body></html>
"""
    article = _read(tmp_path, "badges.html", page)
    [problem] = article.problems
    assert problem.symptoms == "Readers in building B flash red for badges that worked the day before."
    assert "1,204 Views" in article.body


def test_a_sentence_that_counts_views_stays_a_symptom(tmp_path: Path) -> None:
    """Only a strip of the page's counts: a sentence that reports a count of views is the problem's."""
    page = (
        "<h1>Dashboard shows no traffic</h1><h2>Symptoms</h2>"
        "<p>1,204 views were logged yesterday, but the dashboard shows none.</p>"
        "<h2>Resolution</h2><ol><li>Rebuild the traffic index.</li></ol>"
    )
    [problem] = _read(tmp_path, "traffic.html", page).problems
    assert problem.symptoms == "1,204 views were logged yesterday, but the dashboard shows none."


LABELLED_FIELDS_PAGE = """<html><head><title>Refunds stay pending</title></head><body>
<h1>Refunds stay pending</h1>
<div class="form">
  <div class="form-element">
    <span class="form-element__label">Symptoms</span>
    <div class="form-element__control"><p>Refunds stay <b>Pending</b> and the log shows:</p>
    <pre>RFD-2201 settlement window closed</pre></div>
  </div>
  <div class="form-element">
    <span class="form-element__label">Cause</span>
    <div class="form-element__control"><p>The refund was issued after the daily settlement.</p></div>
  </div>
  <div class="form-element">
    <span class="form-element__label">Resolution</span>
    <div class="form-element__control"><ol><li>Wait for the next settlement.</li><li>Issue it again.</li></ol></div>
  </div>
  <div class="form-element">
    <span class="form-element__label">Products</span>
    <div class="form-element__control"><span>Payments</span></div>
  </div>
</div>
</body></html>
"""


def test_a_page_s_fields_labelled_by_their_own_elements_give_the_problem_s_parts(tmp_path: Path) -> None:
    """Salesforce Knowledge and other help desks lay an article's fields out as a label element
    (one whose class names it a label) and then its value: the labels were plain
    words among the symptoms, and the page one problem with no cause."""
    [problem] = _read(tmp_path, "refunds.html", LABELLED_FIELDS_PAGE).problems
    assert problem.symptoms == "Refunds stay Pending and the log shows:\n\nRFD-2201 settlement window closed"
    assert problem.error_messages == ["RFD-2201 settlement window closed"]
    assert problem.cause == "The refund was issued after the daily settlement."
    assert [s.text for s in problem.steps] == ["Wait for the next settlement.", "Issue it again."]
    assert "Products" in problem.body and "Payments" in problem.body


# Salesforce Knowledge's layout: the problem said in its "Details" field, the fix in "Resolution".
DETAILS_FIELDS_PAGE = """<html><body>
<article class="forceCommunityArticle">
<h1 class="article-head">Ledger export stops at the first invoice</h1>
<div class="slds-form-element"><span class="slds-form-element__label">Details</span>
<div class="slds-form-element__static">
<p>The nightly export writes one row and the connector raises:</p>
<pre>ledger.errors.CurrencyScaleError: amount 12.345 has more decimals than EUR allows</pre>
<p>Invoices imported from the old system keep three decimals.</p>
</div></div>
<div class="slds-form-element"><span class="slds-form-element__label">Resolution</span>
<div class="slds-form-element__static"><ol><li>Round the imported amounts to two decimals.</li><li>Run the export again.</li></ol></div></div>
</article>
</body></html>
"""


def test_a_details_field_is_the_problem_s_description(tmp_path: Path) -> None:
    """A knowledge base's "Details" (or "Summary") field describes the problem, as "Description"
    does: with only "Resolution" naming a part, the labels were plain words and the output the
    Details field shows, announced by no word for an error, was no error message."""
    [problem] = _read(tmp_path, "ledger.html", DETAILS_FIELDS_PAGE).problems
    assert problem.error_messages == [
        "ledger.errors.CurrencyScaleError: amount 12.345 has more decimals than EUR allows"
    ]
    assert "Invoices imported from the old system keep three decimals." in problem.symptoms
    assert [s.text for s in problem.steps] == [
        "Round the imported amounts to two decimals.",
        "Run the export again.",
    ]


def test_a_knowledge_base_s_record_fields_before_the_parts_are_the_page_s(tmp_path: Path) -> None:
    """Salesforce Knowledge lays the article's own record out as fields before its parts (Article
    Number, Last Modified Date): they opened the problem's symptoms. They stay searchable."""
    record = (
        '<div><span class="slds-form-element__label">Article Number</span>'
        '<div class="slds-form-element__static">000512093</div></div>'
        '<div><span class="slds-form-element__label">Last Modified Date</span>'
        '<div class="slds-form-element__static">3/14/2024 9:05 AM</div></div>'
    )
    article = _read(tmp_path, "ledger.html", DETAILS_FIELDS_PAGE.replace("</h1>", "</h1>" + record))
    [problem] = article.problems
    assert problem.symptoms.startswith("Details\n\nThe nightly export writes one row")
    assert "000512093" not in problem.symptoms and "3/14/2024" not in problem.symptoms
    assert "000512093" in article.body


def test_a_details_field_beside_no_part_stays_text(tmp_path: Path) -> None:
    """ "Details" counts only beside a field that names a part: a product page's "Details" and
    "Products" are no problem's fields."""
    page = (
        "<h1>Ledger connector</h1>"
        '<div><span class="field-label">Details</span><div><p>Exports invoices nightly.</p></div></div>'
        '<div><span class="field-label">Products</span><div><p>Ledger</p></div></div>'
        "<ol><li>Install the connector.</li></ol>"
    )
    [problem] = _read(tmp_path, "connector.html", page).problems
    assert "Details" in problem.symptoms and "Products" in problem.symptoms
    assert [s.text for s in problem.steps] == ["Install the connector."]


def test_a_page_s_fields_after_its_parts_are_no_notes_of_the_fix(tmp_path: Path) -> None:
    """Fields that name no part after the last part's value (a help desk's "Products", "Data
    Categories") are the page's, searchable: they were notes after the fix's steps."""
    article = _read(tmp_path, "refunds.html", LABELLED_FIELDS_PAGE)
    [problem] = article.problems
    assert [s.text for s in problem.steps] == ["Wait for the next settlement.", "Issue it again."]
    assert problem.notes == []
    assert "Products" in problem.body and "Payments" in problem.body


def test_a_field_before_the_parts_stays_where_it_was(tmp_path: Path) -> None:
    """Only fields after the parts leave them: a field that names no part before them is still the
    problem's text, as it was."""
    page = LABELLED_FIELDS_PAGE.replace(
        '<div class="form">',
        '<div class="form"><div><span class="form-element__label">Region</span><div><p>EU</p></div></div>',
    )
    [problem] = _read(tmp_path, "refunds.html", page).problems
    assert "Region" in problem.symptoms and "EU" in problem.symptoms


def test_a_feedback_widget_s_buttons_are_no_text(tmp_path: Path) -> None:
    """A help centre's feedback buttons ("Yes", "No") after its prompt are a widget's labels: they
    were a note of the fix, "YesNo"; a button named in a sentence stays part of it."""
    page = (
        "<h1>Refunds stay pending</h1><h2>Resolution</h2>"
        "<ol><li>Click <button>Retry</button> on the refund.</li></ol>"
        "<p>Wait for the next settlement.</p>"
        '<div class="feedback"><p>Did this article solve your issue?</p><button>Yes</button><button>No</button></div>'
    )
    article = _read(tmp_path, "refunds.html", page)
    [problem] = article.problems
    assert [s.text for s in problem.steps] == ["Click Retry on the refund."]
    assert [n.text for n in problem.notes] == ["Wait for the next settlement."]
    assert "YesNo" not in article.body and "YesNo" not in problem.body


def test_a_button_never_closed_ends_with_its_block(tmp_path: Path) -> None:
    """A <button> left open (its </button> missing) ends with the paragraph it stands in: the
    count of open buttons made every later block a widget's, and the rest of the page was lost."""
    page = (
        "<h1>Scanner offline</h1><h2>Symptoms</h2><p>The scanner shows Offline.</p>"
        "<h2>Resolution</h2><p>Open <b>Scanners</b> and clear <b>Pause scanning</b>.</p>"
        '<p><button class="btn">Get the repair tool</p>'
        "<p>If the scanner is still offline, reinstall its driver.</p>"
        "<h2>Cause</h2><p>The scanner's address changed.</p>"
    )
    article = _read(tmp_path, "scanner.html", page)
    [problem] = article.problems
    assert [s.text for s in problem.steps] == [
        "Open Scanners and clear Pause scanning.",
        "If the scanner is still offline, reinstall its driver.",
    ]
    assert problem.cause == "The scanner's address changed."


def test_a_lone_label_element_naming_a_part_stays_text(tmp_path: Path) -> None:
    """One label of a form that names a part is no field layout of an article's parts."""
    page = (
        "<h1>Refund form</h1><p>Fill in the form.</p>"
        '<div><span class="field-label">Cause</span><div>Duplicate charge</div></div>'
        "<ol><li>Open the refund form.</li><li>Pick a cause.</li></ol>"
    )
    [problem] = _read(tmp_path, "form.html", page).problems
    assert problem.cause == ""
    assert [s.text for s in problem.steps] == ["Open the refund form.", "Pick a cause."]


def test_a_heading_or_item_of_a_label_class_is_still_a_heading_or_an_item(tmp_path: Path) -> None:
    """Only a <span>, <div> or <p> of a label class is a field's label: a heading of tabs' labels was
    read as one, and the page's two problems became one with the other's symptom among its notes."""
    page = (
        "<h1>VPN issues</h1>"
        '<h3 class="tab-label">Windows</h3><p>The client shows error 809.</p>'
        "<ol><li>Allow UDP 500.</li><li>Reconnect.</li></ol>"
        '<h3 class="tab-label">macOS</h3><p>The client shows IKE failed.</p>'
        '<ol><li class="step-label">Delete the profile.</li><li class="step-label">Reinstall.</li></ol>'
    )
    problems = _read(tmp_path, "vpn.html", page).problems
    assert [(p.title, [s.text for s in p.steps]) for p in problems] == [
        ("Windows", ["Allow UDP 500.", "Reconnect."]),
        ("macOS", ["Delete the profile.", "Reinstall."]),
    ]


def test_a_glossary_that_defines_part_names_is_no_problem(tmp_path: Path) -> None:
    """A glossary's terms are no field labels: "Error" and "Workaround" defined in one were a second
    problem, its error message the definition."""
    page = (
        "<h1>VPN troubleshooting</h1><h2>Tunnel drops every hour</h2>"
        "<h3>Symptoms</h3><p>The tunnel drops every hour.</p>"
        "<h3>Resolution</h3><ol><li>Set the rekey interval to 8 hours.</li><li>Reconnect.</li></ol>"
        "<h2>Glossary</h2><dl><dt>Rekey</dt><dd>Renewing the tunnel's keys.</dd>"
        "<dt>Error</dt><dd>A message the client logs.</dd>"
        "<dt>Workaround</dt><dd>A fix that avoids the cause without removing it.</dd></dl>"
    )
    article = _read(tmp_path, "vpn.html", page)
    [problem] = article.problems
    assert problem.title == "Tunnel drops every hour"
    assert problem.error_messages == []
    assert "Workaround" in article.body and "A message the client logs." in article.body


def test_a_problem_titled_related_something_is_no_see_also(tmp_path: Path) -> None:
    text = """# Monitoring

## Related dashboards are empty after the upgrade

The Grafana dashboards show no data.

1. Re-import the dashboards.
2. Restart Grafana.

## Related alerts and dashboards

- DiskFull
"""
    article = _read(tmp_path, "monitoring.md", text)
    [problem] = article.problems
    assert [s.text for s in problem.steps] == ["Re-import the dashboards.", "Restart Grafana."]
    assert [(o.title, o.use) for o in article.outline] == [
        ("Related dashboards are empty after the upgrade", "problem 1"),
        ("Related alerts and dashboards", "boilerplate"),
    ]


@pytest.mark.parametrize(
    ("title", "heading", "read"),
    [
        # More than a site's name after the heading's words: the title says more than the heading.
        (
            "VPN - error 809 after the update | Acme Help Center",
            "VPN",
            "VPN - error 809 after the update | Acme Help Center",
        ),
        (
            "Error 0x709 - Printing fails | Contoso IT",
            "Error 0x709",
            "Error 0x709 - Printing fails | Contoso IT",
        ),
        # One part after them, a few words: the site's name.
        ("Printer shows offline | IT Support", "Printer shows offline", "Printer shows offline"),
    ],
)
def test_only_a_site_name_after_the_heading_s_words_is_cut_from_a_title(
    tmp_path: Path, title: str, heading: str, read: str
) -> None:
    page = f"<html><head><title>{title}</title></head><body><h2>{heading}</h2>"
    page += "<p>It fails with error 809.</p><ol><li>Restart the router.</li></ol></body></html>"
    assert _read(tmp_path, "page.html", page).title == read


def test_a_short_helpfulness_prompt_is_furniture(tmp_path: Path) -> None:
    text = "# Reset\n\n## Resolution\n\n1. Restart the router.\n\nWas this helpful? Yes No\n"
    [problem] = _read(tmp_path, "reset.md", text).problems
    assert problem.notes == []


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("See [[1]](https://example.com/ref1).", "See [1]."),
        ("R indexes it as x[[1]].", "R indexes it as x[[1]]."),
        ("Read [[Runbook|the runbook]].", "Read the runbook."),
        (
            "\u8bf7\u53c2\u9605[[\u6253\u5370\u673a\u8bbe\u7f6e]]\u3002",
            "\u8bf7\u53c2\u9605\u6253\u5370\u673a\u8bbe\u7f6e\u3002",
        ),
    ],
)
def test_a_wiki_link_is_no_link_in_brackets_nor_an_index(tmp_path: Path, written: str, read: str) -> None:
    text = f"# Sync stops\n\n## Symptoms\n\n{written}\n\n## Resolution\n\n1. Restart.\n"
    [problem] = _read(tmp_path, "sync.md", text).problems
    assert problem.symptoms == read


def test_only_an_attribute_list_is_taken_off_a_heading(tmp_path: Path) -> None:
    """JSONPath at the end of a title is words of it; attributes in single quotes are attributes; and
    a step written as a heading shows without its attributes."""
    text = """# Pods

## kubectl jsonpath returns nothing for {.status.podIP}

The command prints an empty line.

## Open the link in a new tab {target='_blank'}

### Symptoms

The link opens in the same tab.

### Resolution

#### Step 1: Edit the page {#edit}

Open the editor.

#### Step 2: Save it

Press Save.

#### Step 3: Start the `sync` service. {#start}
"""
    article = _read(tmp_path, "pods.md", text)
    assert [o.title for o in article.outline][:2] == [
        "kubectl jsonpath returns nothing for {.status.podIP}",
        "Open the link in a new tab",
    ]
    [tab] = article.problems
    assert [(s.group, s.markdown) for s in tab.steps] == [
        ("Step 1: Edit the page", "Open the editor."),
        ("Step 2: Save it", "Press Save."),
        ("Step 3: Start the sync service.", "Start the `sync` service."),
    ]


def test_a_google_docs_anchor_with_dots_and_a_class_is_no_word_of_a_title(tmp_path: Path) -> None:
    """Google Docs names its headings' anchors with a dot (``{#h.x7k2p9q0wz3b .title}``): the whole
    block stayed at the end of the page's and the problem's titles."""
    text = """# Kestrel Tablet - Badge Reader {#h.x7k2p9q0wz3b .title}

## Error KBR\\_117 \\- Badge reader not paired {#h.4mq8z1cv0n2d}

**Symptoms**

The tablet shows "KBR\\_117: Badge reader not paired \\- scanning is off".

**Steps**

1.  Open **Settings** \\> **Bluetooth**.

2.  Select **Kestrel Reader** and tap **Pair**.
"""
    article = _read(tmp_path, "kestrel.md", text)
    assert article.title == "Kestrel Tablet - Badge Reader"
    [problem] = article.problems
    assert problem.title == "Error KBR_117 - Badge reader not paired"
    assert [s.text for s in problem.steps] == [
        "Open Settings > Bluetooth.",
        "Select Kestrel Reader and tap Pair.",
    ]


# A Google Docs page as "Download as HTML" writes it: no <title> element; the document's title and
# subtitle are the first paragraphs, of its "title" and "subtitle" classes, over "Heading 1" problems.
GOOGLE_DOCS_TITLE = (
    '<html><head><meta content="text/html; charset=UTF-8" http-equiv="content-type">'
    "<style>.c1{font-size:11pt}.title{font-size:26pt}.subtitle{font-size:15pt}</style></head>"
    '<body class="c5 doc-content">'
    '<p class="c3 title" id="h.t0x"><span class="c1">Meeting-room displays</span></p>'
    '<p class="c3 subtitle" id="h.s1x"><span class="c1">Facilities runbook, floor 4</span></p>'
    '<h1 class="c3" id="h.a1"><span class="c1">Display shows no signal</span></h1>'
    '<p class="c3"><span class="c1">The screen says &ldquo;No signal on HDMI 2&rdquo;.</span></p>'
    '<ol class="c2 lst-kix_q-0 start" start="1"><li class="c3"><span class="c1">Reseat the cable.</span></li></ol>'
    '<h1 class="c3" id="h.a2"><span class="c1">Room calendar is blank</span></h1>'
    '<p class="c3 title"><span class="c1">Note</span></p>'
    '<ol class="c2 lst-kix_r-0 start" start="1"><li class="c3"><span class="c1">Restart the panel.</span></li></ol>'
    "</body></html>"
)


def test_a_google_docs_title_paragraph_is_the_article_s_title(tmp_path: Path) -> None:
    # The article was named after its file. A paragraph of that class after a heading (a box's
    # title) names nothing (guard).
    article = _read(tmp_path, "rooms.html", GOOGLE_DOCS_TITLE)
    assert article.title == "Meeting-room displays"
    assert [p.title for p in article.problems] == ["Display shows no signal", "Room calendar is blank"]
    assert [s.text for s in article.problems[1].steps] == ["Restart the panel."]
    later = GOOGLE_DOCS_TITLE.replace(
        '<p class="c3 title" id="h.t0x"><span class="c1">Meeting-room displays</span></p>', ""
    )
    assert _read(tmp_path, "rooms.html", later).title == "rooms"


def test_a_class_with_dots_or_a_dotted_word_after_a_hash_in_a_title_stays_text(tmp_path: Path) -> None:
    """Only an id may hold dots: a class that does is JSONPath, and a "#" word with no space before
    its brace is no attribute block."""
    text = """# Probes

## jsonpath prints nothing for {.spec.nodeName}

The command prints an empty line.

## Template fails on{#v1.2}

The render stops.
"""
    article = _read(tmp_path, "probes.md", text)
    assert [o.title for o in article.outline][:2] == [
        "jsonpath prints nothing for {.spec.nodeName}",
        "Template fails on{#v1.2}",
    ]


# The same fix and the same error table, as Pandoc writes them by default and as a pipe table.
PANDOC_TABLES = """\
# Label printer stops with "Ribbon error" {{#ribbon}}

## Symptoms

The printer stops after a few labels.

{errors}

## Resolution

{steps}
"""
GRID_STEPS = """\
+------+-----------------------------------------+
| Step | Action                                  |
+======+=========================================+
| 1    | Switch the printer off.                 |
+------+-----------------------------------------+
| 2    | Reseat the ribbon so that it runs under |
|      | the `guide` bar.                        |
+------+-----------------------------------------+
| 3    | Print a test label.                     |
+------+-----------------------------------------+"""
PIPE_STEPS = """\
| Step | Action |
| --- | --- |
| 1 | Switch the printer off. |
| 2 | Reseat the ribbon so that it runs under the `guide` bar. |
| 3 | Print a test label. |"""
SIMPLE_ERRORS = """\
  Code     Message
  -------- ------------------------
  LP-101   Ribbon not detected
  LP-102   Ribbon near its end"""
MULTILINE_ERRORS = """\
  -----------------------------------
  Code     Message
  -------- --------------------------
  LP-101   Ribbon not
           detected

  LP-102   Ribbon near its end
  -----------------------------------"""
PIPE_ERRORS = """\
| Code | Message |
| --- | --- |
| LP-101 | Ribbon not detected |
| LP-102 | Ribbon near its end |"""


@pytest.mark.parametrize(
    ("errors", "steps"),
    [(SIMPLE_ERRORS, GRID_STEPS), (MULTILINE_ERRORS, GRID_STEPS)],
    ids=["simple", "multiline"],
)
def test_pandoc_s_grid_simple_and_multiline_tables_read_as_pipe_tables(
    tmp_path: Path, errors: str, steps: str
) -> None:
    """Pandoc's default tables: a grid table was a paragraph of its borders, one step, and a simple
    table's dashes a rule (or its last row a heading)."""
    pandoc = _read(tmp_path, "pandoc.md", PANDOC_TABLES.format(errors=errors, steps=steps))
    pipes = _read(tmp_path, "pipes.md", PANDOC_TABLES.format(errors=PIPE_ERRORS, steps=PIPE_STEPS))
    [problem] = pandoc.problems
    assert [(s.number, s.text, s.markdown) for s in problem.steps] == [
        (s.number, s.text, s.markdown) for s in pipes.problems[0].steps
    ]
    assert [s.text for s in problem.steps][1] == "Reseat the ribbon so that it runs under the guide bar."
    assert (problem.symptoms, problem.error_messages, problem.error_codes) == (
        pipes.problems[0].symptoms,
        pipes.problems[0].error_messages,
        pipes.problems[0].error_codes,
    )
    assert "LP-101 | Ribbon not detected" in problem.symptoms


def test_a_pandoc_table_without_a_header_is_rows_and_dashes_in_prose_are_no_table(tmp_path: Path) -> None:
    """A headerless table of a page's fields (owner, version) was three steps of a problem; a line
    of dashes under a sentence stays a rule, and a row that runs across a column is no table."""
    article = _read(
        tmp_path,
        "guide.md",
        """\
# Scanner guide

  -------------------- ------------------
  **Document owner**   Imaging team

  **Version**          2.3
  -------------------- ------------------

# Scanner stops at J-01

## Resolution

1. Open the cover.
2. Wipe the roller.

Then the panel shows:
--------- ---------
Ready to scan, and a new line under it.
""",
    )
    assert [p.title for p in article.problems] == ["Scanner stops at J-01"]
    assert "Document owner | Imaging team\nVersion | 2.3" in article.body
    assert [s.text for s in article.problems[0].steps] == ["Open the cover.", "Wipe the roller."]


# A message reference generated as a definition list (as Oracle's and Sphinx' references are): each
# term an error code and its message, each definition its cause and action under labels.
MESSAGE_LIST = """<h1>Messages LDR-00100 to LDR-00199</h1>
<p>The loader writes these messages to its log.</p>
<dl>
<dt id="LDR-00110"><span class="msg">LDR-00110: checksum mismatch in block <var>n</var></span></dt>
<dd>
<p><span class="expl">Cause:</span> The block was changed after it was written.</p>
<p><span class="act">Action:</span> Do one of the following:</p>
<ol><li>Restore the file from its last backup.</li><li>Run the loader again with --repair.</li></ol>
</dd>
<dt id="LDR-00131"><span class="msg">LDR-00131: too many open segments</span></dt>
<dd>
<p><span class="expl">Cause:</span> Every segment slot is in use.</p>
<p><span class="act">Action:</span> Close idle segments, or raise MAX_SEGMENTS and restart.</p>
</dd>
</dl>
"""


def test_a_definition_list_of_messages_gives_a_problem_per_message(tmp_path: Path) -> None:
    """Read as paragraphs, a reference's messages were one problem titled by the page, each message
    and its action a step."""
    article = _read(tmp_path, "loader-messages.html", MESSAGE_LIST)
    assert article.title == "Messages LDR-00100 to LDR-00199"
    assert [(p.title, p.error_codes, p.cause) for p in article.problems] == [
        (
            "LDR-00110: checksum mismatch in block n",
            ["LDR00110"],
            "The block was changed after it was written.",
        ),
        ("LDR-00131: too many open segments", ["LDR00131"], "Every segment slot is in use."),
    ]
    first, second = article.problems
    assert first.error_messages == ["checksum mismatch in block n"]
    assert [s.text for s in first.steps] == [
        "Restore the file from its last backup.",
        "Run the loader again with --repair.",
    ]
    assert [s.text for s in second.steps] == ["Close idle segments, or raise MAX_SEGMENTS and restart."]
    assert "The loader writes these messages to its log." in article.body


def test_what_follows_a_definition_list_of_messages_is_not_the_last_message_s(tmp_path: Path) -> None:
    """Paragraphs after the reference's </dl>, under the same heading, are the section's text: each
    message a heading, they were the last message's steps. The next heading's section keeps its own."""
    page = MESSAGE_LIST + (
        "<p>Messages not listed here are written by the scheduler.</p>"
        "<p>LDR-00900 is described in the backup guide.</p>"
        "<h1>Loader log files</h1><p>The log rotates every day.</p>"
    )
    article = _read(tmp_path, "loader-messages.html", page)
    second = next(p for p in article.problems if p.title == "LDR-00131: too many open segments")
    assert [s.text for s in second.steps] == ["Close idle segments, or raise MAX_SEGMENTS and restart."]
    assert second.notes == []
    assert "Messages not listed here are written by the scheduler." not in second.body
    assert "Messages not listed here are written by the scheduler." in article.body
    assert "LDR-00900 is described in the backup guide." in article.body
    assert "The log rotates every day." in " ".join([article.body, *(p.symptoms for p in article.problems)])


# A procedure after a reference's </dl>: its lead-in, steps and the command that collects the log.
AFTER_MESSAGES = (
    "<p>To send the log to support:</p>"
    "<ol><li>Stop the loader.</li><li>Zip the log folder.</li></ol>"
    "<pre>ldr --collect-logs</pre>"
)


@pytest.mark.parametrize("heading", ["", "<h2>Loader messages</h2>", "<h2>Troubleshooting</h2>"])
def test_steps_after_a_definition_list_of_messages_are_not_the_last_message_s(
    tmp_path: Path, heading: str
) -> None:
    """A list and a command after the reference's </dl> are its section's, as its paragraphs are:
    they were the last message's steps, and its own action a note."""
    page = MESSAGE_LIST.replace("<dl>", heading + "<dl>") + AFTER_MESSAGES + "<h2>Log files</h2><p>Daily.</p>"
    article = _read(tmp_path, "loader-messages.html", page)
    second = next(p for p in article.problems if p.title == "LDR-00131: too many open segments")
    assert [s.text for s in second.steps] == ["Close idle segments, or raise MAX_SEGMENTS and restart."]
    assert second.notes == []
    assert [p.title for p in article.problems][:2] == [
        "LDR-00110: checksum mismatch in block n",
        "LDR-00131: too many open segments",
    ]
    searched = " ".join([article.body, *(s.text for p in article.problems for s in p.steps)])
    assert "Zip the log folder." in searched
    assert "ldr --collect-logs" in searched


def test_steps_after_a_definition_list_under_an_error_heading_stay_its_problems(tmp_path: Path) -> None:
    """Under a heading that names errors, moved before the messages the procedure made the heading one
    problem and its messages the groups of its fix: the messages stay a problem each."""
    page = MESSAGE_LIST.replace("<dl>", "<h2>Loader errors</h2><dl>") + AFTER_MESSAGES
    article = _read(tmp_path, "loader-messages.html", page)
    assert [p.title for p in article.problems] == [
        "LDR-00110: checksum mismatch in block n",
        "LDR-00131: too many open segments",
    ]


# A vendor's message reference whose definitions label their parts in bold, the page titled by the
# range of codes it lists.
BOLD_LABELLED_MESSAGES = """<html><head><title>VLT-02210 to VLT-02215 | Vaultline Messages</title></head><body>
<h1>VLT-02210 to VLT-02215</h1>
<dl>
<dt id="VLT-02210"><span class="msgnum">VLT-02210</span>: cannot reserve <span class="var">n</span> pages of cache</dt>
<dd>
<p><strong>Cause:</strong> The page cache is smaller than the batch being loaded.</p>
<p><strong>Action:</strong> Raise CACHE_PAGES or load smaller batches.</p>
</dd>
<dt id="VLT-02211"><span class="msgnum">VLT-02211</span>: journal quota exceeded</dt>
<dd>
<p><b>Cause:</b> The journals of all sessions together passed JOURNAL_QUOTA.</p>
<p><b>Action</b>: Archive old journals, then raise JOURNAL_QUOTA.</p>
</dd>
</dl>
</body></html>
"""


def test_a_definition_list_of_messages_with_bold_labels_gives_a_problem_per_message(tmp_path: Path) -> None:
    """Definitions that label Cause and Action in bold were not seen to say what to do: the list was
    one problem titled by the page, both causes merged, the second message a step of the first."""
    article = _read(tmp_path, "vlt-02210.html", BOLD_LABELLED_MESSAGES)
    assert article.title == "VLT-02210 to VLT-02215"
    assert [(p.title, p.error_codes, p.cause, [s.text for s in p.steps]) for p in article.problems] == [
        (
            "VLT-02210: cannot reserve n pages of cache",
            ["VLT02210"],
            "The page cache is smaller than the batch being loaded.",
            ["Raise CACHE_PAGES or load smaller batches."],
        ),
        (
            "VLT-02211: journal quota exceeded",
            ["VLT02211"],
            "The journals of all sessions together passed JOURNAL_QUOTA.",
            ["Archive old journals, then raise JOURNAL_QUOTA."],
        ),
    ]
    assert article.problems[1].error_messages == ["journal quota exceeded"]


def test_a_definition_list_of_messages_labelled_in_german_gives_a_problem_per_message(tmp_path: Path) -> None:
    """A label of letters beyond A-Z ("**Lösung:**") says what to do as "**Action:**" does: the label was
    not seen, and the list was one problem."""
    page = (
        BOLD_LABELLED_MESSAGES.replace("Cause:", "Ursache:")
        .replace("<strong>Action:</strong> Raise", "<strong>Lösung:</strong> Erhöhen Sie")
        .replace("<b>Action</b>: Archive", "<b>Lösung</b>: Archivieren Sie")
    )
    assert page.count("Lösung") == 2
    problems = _read(tmp_path, "vlt-02210.html", page).problems
    assert [p.title for p in problems] == [
        "VLT-02210: cannot reserve n pages of cache",
        "VLT-02211: journal quota exceeded",
    ]
    assert [s.text for s in problems[0].steps] == ["Erhöhen Sie CACHE_PAGES or load smaller batches."]


def test_messages_listed_with_bold_labels_that_say_no_fix_stay_one_problem(tmp_path: Path) -> None:
    """Guard: messages whose definitions only say, in bold, when each is seen are what one problem
    shows, not a reference of messages."""
    page = (
        "<h1>Ledger sync fails</h1><p>The agent logs one of these messages:</p><dl>"
        "<dt>QX-101: cannot open ledger</dt><dd><p><strong>Seen:</strong> at start.</p></dd>"
        "<dt>QX-102: account ID unknown</dt><dd><p><strong>Seen:</strong> after a sync.</p></dd></dl>"
        "<h2>Resolution</h2><ol><li>Reinstall the agent.</li><li>Sign in again.</li></ol>"
    )
    [problem] = _read(tmp_path, "sync.html", page).problems
    assert problem.title == "Ledger sync fails"
    assert [s.text for s in problem.steps] == ["Reinstall the agent.", "Sign in again."]


def test_a_definition_list_of_messages_in_code_left_unclosed_gives_a_problem_per_message(
    tmp_path: Path,
) -> None:
    """Sphinx writes each message in code and its explanation as a paragraph; HTML lets a <dt> and a
    <dd> go unclosed, each ended by the next."""
    page = (
        "<h1>Error reference</h1><dl>"
        "<dt><code>QX-101: cannot open ledger</code><dd><p>The ledger folder is missing. Create it.</p>"
        "<dt><code>QX-102: account ID unknown</code><dd><p>Run <code>qx accounts --refresh</code>.</p>"
        "</dl>"
    )
    article = _read(tmp_path, "errors.html", page)
    assert [(p.title, p.error_codes) for p in article.problems] == [
        ("QX-101: cannot open ledger", ["QX101"]),
        ("QX-102: account ID unknown", ["QX102"]),
    ]
    # A message, not a name written as code.
    assert [(p.error_messages, p.title_is_name) for p in article.problems] == [
        (["cannot open ledger"], False),
        (["account ID unknown"], False),
    ]
    assert [s.text for s in article.problems[1].steps] == ["Run qx accounts --refresh."]


@pytest.mark.parametrize(
    "terms",
    [
        # Words a glossary defines that name failures, one word each: no message.
        ["Timeout", "Failover", "Error"],
        # One message among terms: the list is no reference of messages.
        ["QX-101: cannot open ledger", "Ledger", "Account"],
        # One message alone: a field of the page, not a list of them.
        ["QX-101: cannot open ledger"],
    ],
)
def test_a_glossary_stays_text(tmp_path: Path, terms: list[str]) -> None:
    """A definition list whose terms are not all messages (two or more) stays searchable text."""
    entries = "".join(f"<dt>{term}</dt><dd>What {term} means here.</dd>" for term in terms)
    page = (
        "<h1>Ledger sync</h1><h2>Sync stops at midnight</h2><p>The sync stops at midnight.</p>"
        "<h3>Resolution</h3><ol><li>Set the window to 02:00.</li><li>Restart the agent.</li></ol>"
        f"<h2>Glossary</h2><dl>{entries}</dl>"
    )
    article = _read(tmp_path, "ledger.html", page)
    [problem] = article.problems
    assert problem.title == "Sync stops at midnight"
    assert [s.text for s in problem.steps] == ["Set the window to 02:00.", "Restart the agent."]
    assert all(f"What {term} means here." in article.body for term in terms)


def test_messages_listed_in_a_problem_s_part_stay_that_part(tmp_path: Path) -> None:
    """A definition list of messages under a Symptoms heading says what the one problem shows."""
    page = (
        "<h1>Ledger sync fails</h1><h2>Symptoms</h2><p>The agent logs one of:</p><dl>"
        "<dt>QX-101: cannot open ledger</dt><dd>At start.</dd>"
        "<dt>QX-102: account ID unknown</dt><dd>After a sync.</dd></dl>"
        "<h2>Resolution</h2><ol><li>Reinstall the agent.</li><li>Sign in again.</li></ol>"
    )
    [problem] = _read(tmp_path, "sync.html", page).problems
    assert problem.title == "Ledger sync fails"
    assert "QX-102: account ID unknown" in problem.symptoms
    assert [s.text for s in problem.steps] == ["Reinstall the agent.", "Sign in again."]


# Pandoc's definition list of errors under a heading: each term an error in code, each definition what
# is seen, the log line it prints (indented under it) and the numbered steps that fix it.
PANDOC_ERROR_LIST = """Vaultline troubleshooting
=========================

Sync errors
-----------

`V4410 snapshot catalog cannot be read`

:   The nightly sync stops and the agent logs:

        vaultd[5120]: V4410 snapshot catalog cannot be read: /var/lib/vaultline/catalog.db

    1.  Stop the agent with `vaultctl stop`.
    2.  Rebuild the catalog: `vaultctl catalog rebuild`.

`V4432 bucket quota reached for this agent`

:   Uploads pause after the first few files:

        vaultd[877]: V4432 bucket quota reached for this agent (used 500 GiB)

    1.  Delete old snapshots with `vaultctl prune --keep 7`.
    2.  Resume the sync.
"""


def test_a_definition_list_of_errors_with_numbered_fixes_gives_a_problem_per_error(tmp_path: Path) -> None:
    """Read as one item each, what is seen and the log line it prints were the first step of the fix,
    and the log no error message."""
    problems = _read(tmp_path, "vaultline.md", PANDOC_ERROR_LIST).problems
    assert [(p.title, p.symptoms, p.error_messages, [s.text for s in p.steps]) for p in problems] == [
        (
            "V4410 snapshot catalog cannot be read",
            "The nightly sync stops and the agent logs:",
            [
                "V4410 snapshot catalog cannot be read",
                "vaultd[5120]: V4410 snapshot catalog cannot be read: /var/lib/vaultline/catalog.db",
            ],
            ["Stop the agent with vaultctl stop.", "Rebuild the catalog: vaultctl catalog rebuild."],
        ),
        (
            "V4432 bucket quota reached for this agent",
            "Uploads pause after the first few files:",
            [
                "V4432 bucket quota reached for this agent",
                "vaultd[877]: V4432 bucket quota reached for this agent (used 500 GiB)",
            ],
            ["Delete old snapshots with vaultctl prune --keep 7.", "Resume the sync."],
        ),
    ]


def test_a_short_error_in_code_that_its_log_line_prints_is_an_entry_s_label(tmp_path: Path) -> None:
    """A term in code of few words ("`V4432 quota reached`") reads as no message by its words alone: the
    whole list was one problem of the page, with no steps. The log line under it prints it: the error."""
    text = PANDOC_ERROR_LIST.replace("bucket quota reached for this agent", "quota reached")
    problems = _read(tmp_path, "vaultline.md", text).problems
    assert [(p.title, p.error_messages[0], len(p.steps)) for p in problems] == [
        ("V4410 snapshot catalog cannot be read", "V4410 snapshot catalog cannot be read", 2),
        ("V4432 quota reached", "V4432 quota reached", 2),
    ]


def test_a_short_term_in_code_that_a_command_repeats_is_no_error(tmp_path: Path) -> None:
    """Guard: a command in the definition is no log line printing the term."""
    text = (
        PANDOC_ERROR_LIST.replace("`V4432 bucket quota reached for this agent`", "`vaultctl prune`")
        .replace("Uploads pause after the first few files:", "To free space, run:")
        .replace(
            "vaultd[877]: V4432 bucket quota reached for this agent (used 500 GiB)", "vaultctl prune --keep 7"
        )
    )
    titles = [p.title for p in _read(tmp_path, "vaultline.md", text).problems]
    assert "vaultctl prune" not in titles


# One error and its fix written as a definition list of one term, under a heading that names errors.
PANDOC_ONE_ERROR = """Restore errors
--------------

`V5120 restore target is locked by another job`

:   The restore stops at 0% and the log contains:

        V5120 restore target is locked by another job (job=811)

    A scheduled verify job holds the target.

    1.  List the jobs with `vaultctl jobs`.
    2.  Cancel the verify job.
    3.  Start the restore again.
"""


def test_one_defined_error_s_numbered_steps_are_its_steps_not_sub_steps(tmp_path: Path) -> None:
    """As one item, the term, what is seen and the log ran together as step 1, and the fix's steps
    were its sub-steps 1.1 to 1.3; the log line was no error message."""
    [problem] = _read(tmp_path, "restore.md", PANDOC_ONE_ERROR).problems
    assert [(s.number, s.text) for s in problem.steps] == [
        ("1", "List the jobs with vaultctl jobs."),
        ("2", "Cancel the verify job."),
        ("3", "Start the restore again."),
    ]
    assert "V5120 restore target is locked by another job (job=811)" in problem.error_messages
    assert problem.cause == "A scheduled verify job holds the target."


def test_one_defined_term_without_numbered_steps_stays_a_term_and_its_definition(tmp_path: Path) -> None:
    """Guard: a definition list of one term that holds no steps reads "Term: definition", as before."""
    text = (
        "# Restore is slow\n\nRestores take hours.\n\n## Resolution\n\n"
        "Set the restore threads in one place:\n\nAgent file\n:   `/etc/vaultline/agent.conf`, read at start.\n"
    )
    [problem] = _read(tmp_path, "slow.md", text).problems
    assert [s.text for s in problem.steps] == ["Agent file: /etc/vaultline/agent.conf, read at start."]


def test_a_restructuredtext_code_directive_left_in_is_no_text(tmp_path: Path) -> None:
    """A directive's line (".. code-block:: text") over the code it introduced, as a conversion from
    reStructuredText leaves it, was text of the problem (in a definition, of its first step)."""
    text = (
        "# Restore stops at 0%\n\nThe restore stops and the log contains:\n\n.. code-block:: text\n\n"
        "    V5120 restore target is locked by another job (job=811)\n\n## Resolution\n\n1. Cancel the verify job.\n"
    )
    article = _read(tmp_path, "restore.md", text)
    [problem] = article.problems
    assert "code-block" not in " ".join([article.body, problem.symptoms, *(s.text for s in problem.steps)])
    assert "V5120 restore target is locked by another job (job=811)" in problem.error_messages


def test_a_restructuredtext_code_directive_shown_as_code_stays_code(tmp_path: Path) -> None:
    """Guard: a page that shows the directive in a code block keeps it."""
    text = "# Converting pages\n\nWrite code in Sphinx as:\n\n    .. code-block:: text\n\n        vaultctl stop\n"
    [problem] = _read(tmp_path, "convert.md", text).problems
    assert ".. code-block:: text" in problem.steps[0].text


# One article per language, in the layout of its localized knowledge bases: what is seen (a message in
# its own block), why, the fix, a workaround, and links to related pages.
LOCALIZED_PARTS = {
    "Polish": ("Objawy", "Przyczyna", "Rozwiązanie", "Obejście problemu", "Zobacz także"),
    "Chinese": ("问题描述", "原因分析", "解决方法", "临时解决方案", "相关文档"),
    "Chinese, traditional": ("問題描述", "原因分析", "解決方案", "臨時解決方案", "相關文章"),
    "Korean": ("증상", "원인", "해결 방법", "우회 방법", "관련 문서"),
    "Italian": ("Sintomi", "Causa", "Risoluzione", "Soluzione alternativa", "Per saperne di più"),
    "Spanish": ("Síntomas", "Causa", "Solución", "Solución alternativa", "Temas relacionados"),
}


@pytest.mark.parametrize("language", LOCALIZED_PARTS)
def test_a_localized_article_s_parts_workaround_and_see_also_are_read_by_their_names(
    tmp_path: Path, language: str
) -> None:
    """Polish, Chinese and Korean parts were each a problem of its own or a group of steps (and the
    message in the symptoms a step); Italian's "learn more" was a group of steps, and a Spanish
    workaround was text outside the answer."""
    symptoms, cause, resolution, workaround, see_also = LOCALIZED_PARTS[language]
    text = f"""# LEDGER-0417

## {symptoms}

Ledger sync:

```
LEDGER-0417 ledger file is locked by another process
```

## {cause}

Another process holds the ledger file.

## {resolution}

1. Close every client.
2. Sync again.

## {workaround}

Copy the ledger file and sync the copy.

## {see_also}

- Ledger guide
"""
    article = _read(tmp_path, "ledger.md", text)
    [problem] = article.problems
    assert problem.error_messages == ["LEDGER-0417 ledger file is locked by another process"]
    assert problem.cause == "Another process holds the ledger file."
    assert [(s.group, s.text) for s in problem.steps] == [
        (resolution, "Close every client."),
        (resolution, "Sync again."),
        (workaround, "Copy the ledger file and sync the copy."),
    ]
    assert "Ledger guide" in article.body


@pytest.mark.parametrize(
    ("cause", "resolution"), [("Orsak", "Lösning"), ("Årsak", "Løsning"), ("Årsag", "Løsning")]
)
def test_a_scandinavian_article_s_cause_and_fix_are_read_by_their_names(
    tmp_path: Path, cause: str, resolution: str
) -> None:
    # Swedish, Norwegian and Danish: the cause was searchable body, no part of the problem.
    text = (
        f"# Kvitto skrivs ut tomt\n\n## Symptom\n\nKassan visar `PRN-0233 paper sensor timeout`.\n\n"
        f"## {cause}\n\nSensorn är smutsig.\n\n## {resolution}\n\n1. Rengör sensorn.\n2. Starta om skrivaren.\n"
    )
    [problem] = _read(tmp_path, "kvitto.md", text).problems
    assert problem.cause == "Sensorn är smutsig."
    assert [s.text for s in problem.steps] == ["Rengör sensorn.", "Starta om skrivaren."]


def test_a_section_with_its_own_symptom_after_the_page_s_parts_is_a_problem_of_its_own(
    tmp_path: Path,
) -> None:
    # The page's problem in "##" parts, then a second under a "##" heading of no failure words with its
    # own "###" parts: its parts were the first problem's, and a paste of its error got "high" with
    # both fixes, the first problem's first.
    text = (
        "# Drucken schlägt fehl\n\n## Symptom\n\n```\nPRN-0310 spooler stopped\n```\n\n"
        "## Ursache\n\nEin Druckauftrag ist beschädigt.\n\n## Lösung\n\n1. Stoppen Sie den Spooler.\n\n"
        "## Drucker nach dem Treiber-Update\n\n### Symptom\n\n```\nPRN-0455 driver blocked by policy\n```\n\n"
        "### Ursache\n\nDie Richtlinie blockiert den Treiber.\n\n### Lösung\n\n1. Installieren Sie den Typ-3-Treiber.\n"
    )
    first, second = _read(tmp_path, "drucken.md", text).problems
    assert first.error_messages == ["PRN-0310 spooler stopped"]
    assert [s.text for s in first.steps] == ["Stoppen Sie den Spooler."]
    assert second.title == "Drucker nach dem Treiber-Update"
    assert second.error_messages == ["PRN-0455 driver blocked by policy"]
    assert second.cause == "Die Richtlinie blockiert den Treiber."
    assert [s.text for s in second.steps] == ["Installieren Sie den Typ-3-Treiber."]


def test_a_section_that_only_explains_the_page_s_problem_stays_its_part(tmp_path: Path) -> None:
    # Guard: "## Details" over its "### Most common reason" and that reason's fix explains the problem
    # above it; it is no problem of its own.
    text = (
        "# Volume not scheduled\n\n## Symptoms\n\nThe volume stays `Detached`.\n\n## Details\n\n"
        "### Most common reason\n\nThere is not enough space on the nodes.\n\n#### Solution\n\n"
        "1. Add a disk.\n"
    )
    [problem] = _read(tmp_path, "volume.md", text).problems
    assert "not enough space" in problem.cause
    assert [s.text for s in problem.steps] == ["Add a disk."]


# The columns of a table of errors as localized knowledge bases head them: the error, why, the fix.
LOCALIZED_COLUMNS = {
    "German": ("Fehler", "Ursache", "Lösung"),
    "French": ("Erreur", "Cause", "Résolution"),
    "Spanish": ("Error", "Causa", "Solución"),
    "Portuguese": ("Erro", "Causa", "Solução"),
    "Italian": ("Errore", "Causa", "Soluzione"),
    "Dutch": ("Fout", "Oorzaak", "Oplossing"),
    "Polish": ("Błąd", "Przyczyna", "Rozwiązanie"),
    "Chinese": ("错误", "原因", "解决方法"),
    "Japanese": ("エラー", "原因", "対処方法"),
    "Korean": ("오류", "원인", "해결 방법"),
}


@pytest.mark.parametrize("language", LOCALIZED_COLUMNS)
def test_a_localized_table_of_errors_gives_a_problem_per_row(tmp_path: Path, language: str) -> None:
    """As "| Error | Cause | Resolution |" does: headed in another language, the table gave no problem."""
    error, cause, fix = LOCALIZED_COLUMNS[language]
    text = f"""# Ledger sync

| {error} | {cause} | {fix} |
| --- | --- | --- |
| LEDGER-0417 ledger file is locked | Another client holds the file | Close every client, then sync again |
| LEDGER-0502 ledger file is missing | The file was moved | Restore the file from the backup |
"""
    locked, missing = _read(tmp_path, "ledger.md", text).problems
    assert (locked.title, locked.error_messages, locked.error_codes) == (
        "LEDGER-0417 ledger file is locked",
        ["LEDGER-0417 ledger file is locked"],
        ["LEDGER0417"],
    )
    assert (locked.cause, [s.text for s in locked.steps]) == (
        "Another client holds the file",
        ["Close every client, then sync again"],
    )
    assert (missing.cause, [s.text for s in missing.steps]) == (
        "The file was moved",
        ["Restore the file from the backup"],
    )


def test_a_localized_table_s_code_and_message_columns_are_read_as_code_and_message_columns(
    tmp_path: Path,
) -> None:
    """ "Fehlercode | Meldung | Lösung" is read as "Code | Message | Fix" is: a problem per code, the
    message what is seen."""
    table = "# Ledger sync\n\n| {} | {} | {} |\n| --- | --- | --- |\n| LG-417 | Datei gesperrt | Clients schließen |\n"
    [german] = _read(tmp_path, "de.md", table.format("Fehlercode", "Meldung", "Lösung")).problems
    [english] = _read(tmp_path, "en.md", table.format("Code", "Message", "Fix")).problems
    assert (german.title, german.error_messages, german.symptoms) == (
        "LG-417",
        ["LG-417", "Datei gesperrt"],
        "Datei gesperrt",
    )
    assert (german.error_codes, german.steps) == (english.error_codes, english.steps)


@pytest.mark.parametrize(
    ("heading", "message"),
    [
        ("Błąd „Nie można otworzyć pliku księgi”", "Nie można otworzyć pliku księgi"),
        ("Errore «Impossibile aprire il file del registro»", "Impossibile aprire il file del registro"),
        (
            "Erreur « Impossible d'ouvrir le fichier du registre »",
            "Impossible d'ouvrir le fichier du registre",
        ),
        ("Fehler „Die Datei kann nicht geöffnet werden“", "Die Datei kann nicht geöffnet werden"),
    ],
)
def test_an_error_heading_quoting_its_message_in_its_language_s_marks_is_a_problem_of_its_own(
    tmp_path: Path, heading: str, message: str
) -> None:
    """The second error of a Polish article, quoted in „…”, was text of the first problem, and its
    parts that problem's second symptoms, cause and group of steps."""
    text = f"""# Ledger

## Błąd „Synchronizacja księgi została przerwana przez serwer”

### Objawy

The sync stops.

### Przyczyna

The server restarted.

### Rozwiązanie

1. Sync again.

## {heading}

### Objawy

The client cannot open the ledger.

### Przyczyna

The file is locked.

### Rozwiązanie

1. Close every client.
"""
    first, second = _read(tmp_path, "ledger.md", text).problems
    assert first.error_messages == ["Synchronizacja księgi została przerwana przez serwer"]
    assert (first.cause, [s.text for s in first.steps]) == ("The server restarted.", ["Sync again."])
    assert (second.title, second.error_messages) == (heading, [message])
    assert (second.cause, [s.text for s in second.steps]) == ("The file is locked.", ["Close every client."])


def test_a_message_quoted_in_guillemets_in_a_sentence_about_it_is_an_error_message(tmp_path: Path) -> None:
    """As 'shows the message "…"' is: the message in « » was only text of the symptoms."""
    text = (
        "# Synchronisation de l'agenda\n\n## Symptômes\n\n"
        "Outlook affiche le message « Impossible d'accéder au fichier de données Outlook ».\n\n"
        "## Résolution\n\n1. Fermez Outlook.\n"
    )
    [problem] = _read(tmp_path, "agenda.md", text).problems
    assert problem.error_messages == ["Impossible d'accéder au fichier de données Outlook"]


# How localized articles say that the error a service returned follows, in the languages whose part
# names are read: "…returns the following error:".
# A response whose fields do not say it failed (no error, message or failing status): only the lead-in
# before it can make it an error message.
LEDGER_STATE = '{"ledger": "main", "state": "locked"}'
LOCALIZED_ERROR_LEADS = {
    "German": "Beim Speichern erscheint folgende Fehlermeldung:",
    "German, plural": "Beim Speichern erscheinen folgende Fehlermeldungen:",
    "French": "À l'enregistrement, l'API renvoie le message d'erreur suivant :",
    "Spanish": "Al guardar, la API devuelve el siguiente error:",
    "Portuguese": "Ao salvar, a API retorna a seguinte mensagem de erro:",
    "Italian": "Al salvataggio l'API restituisce il seguente errore:",
    "Dutch": "Bij het opslaan geeft de API de volgende foutmelding:",
    "Dutch, plural": "Bij het opslaan geeft de API de volgende foutmeldingen:",
    "Polish": "Podczas zapisu API zwraca następujący błąd:",
    "Russian": "При сохранении API возвращает следующую ошибку:",
    "Japanese": "保存すると、APIから次のエラーが返されます：",
    "Chinese": "保存账本时接口返回以下错误，页面无法刷新：",
    "Chinese, traditional": "儲存帳本時介面傳回以下錯誤：",
    "Korean": "저장하면 API가 다음 오류를 반환합니다:",
}


@pytest.mark.parametrize("language", LOCALIZED_ERROR_LEADS)
def test_a_response_a_localized_lead_in_announces_as_an_error_is_an_error_message(
    tmp_path: Path, language: str
) -> None:
    """A ``json`` block is data unless the sentence before it announces an error: "…接口返回以下错误，…："
    announced none, as only English phrases ending in ":" did, and the response was no error message."""
    text = (
        f"# Ledger save fails\n\n## Symptoms\n\n{LOCALIZED_ERROR_LEADS[language]}\n\n"
        f"```json\n{LEDGER_STATE}\n```\n\n## Resolution\n\n1. Close every client.\n"
    )
    [problem] = _read(tmp_path, "ledger.md", text).problems
    assert problem.error_messages == [LEDGER_STATE]


@pytest.mark.parametrize(
    "lead",
    [
        "保存すると、APIから次のエラーが返されます。",
        "保存時に以下のようなエラーメッセージが表示されます。",
        "保存账本时接口返回以下错误。",
        "儲存時出現以下錯誤。",
    ],
)
def test_a_chinese_or_japanese_lead_in_ending_its_sentence_announces_the_error(
    tmp_path: Path, lead: str
) -> None:
    """Japanese and Chinese end a lead-in to what is shown with "。" as often as with "："; the response
    under "…次のエラーが返されます。" was no error message."""
    text = (
        f"# Ledger save fails\n\n## Symptoms\n\n{lead}\n\n"
        f"```json\n{LEDGER_STATE}\n```\n\n## Resolution\n\n1. Close every client.\n"
    )
    [problem] = _read(tmp_path, "ledger.md", text).problems
    assert problem.error_messages == [LEDGER_STATE]


@pytest.mark.parametrize(
    "lead",
    [
        # What to do about the error, over the settings to use (guards).
        "次のエラーを解決するには、次の設定を使用してください。",
        "要解决以下错误，请使用以下配置。",
        "請依照以下錯誤代碼表設定。",
        # An English sentence that ends in a full stop leads in to nothing.
        "Saving returns the following error.",
    ],
)
def test_a_chinese_or_japanese_sentence_that_says_what_to_do_announces_no_error(
    tmp_path: Path, lead: str
) -> None:
    text = (
        f"# Ledger save fails\n\n## Symptoms\n\nSaving stalls.\n\n{lead}\n\n"
        '```json\n{"retries": 3, "timeout": 30}\n```\n\n## Resolution\n\n1. Close every client.\n'
    )
    [problem] = _read(tmp_path, "ledger.md", text).problems
    assert problem.error_messages == []


@pytest.mark.parametrize(
    ("sentence", "message"),
    [
        (
            "ログインに失敗し、「アカウントがロックされています」と表示されます。",
            "アカウントがロックされています",
        ),
        # The full-width comma kept as the index writes any message's (NFKC).
        ("登录失败，页面提示“账户已被锁定，请联系管理员”。", "账户已被锁定,请联系管理员"),
        (
            "同期できず、『サーバーとの接続がタイムアウトしました』と表示されます。",
            "サーバーとの接続がタイムアウトしました",
        ),
    ],
)
def test_a_message_quoted_in_a_chinese_or_japanese_sentence_that_says_it_failed_is_an_error_message(
    tmp_path: Path, sentence: str, message: str
) -> None:
    """Said in English ('Sign-in fails with "The account is locked"') the quote was a message; in
    Chinese or Japanese, whose words for a failure no English one matched, it was only a symptom."""
    text = f"# Sign-in fails\n\n## Symptoms\n\n{sentence}\n\n## Resolution\n\n1. Unlock the account.\n"
    [problem] = _read(tmp_path, "signin.md", text).problems
    assert problem.error_messages == [message]


@pytest.mark.parametrize(
    "sentence",
    [
        # A button's name, and a quote in a sentence that says nothing failed (guards).
        "ログインに失敗した場合は、「パスワードを変更」をクリックします。",
        "同期が終わると、「同期は正常に完了しました」と表示されます。",
        "同步完成后，页面显示“所有账户均已同步到最新状态”。",
    ],
)
def test_a_quote_in_a_chinese_or_japanese_sentence_is_no_message_unless_something_failed(
    tmp_path: Path, sentence: str
) -> None:
    text = f"# Sign-in fails\n\n## Symptoms\n\n{sentence}\n\n## Resolution\n\n1. Unlock the account.\n"
    [problem] = _read(tmp_path, "signin.md", text).problems
    assert problem.error_messages == []


@pytest.mark.parametrize(
    "sentence",
    [
        'If "Keep me signed in on this device" is checked, the first sync after startup fails.',
        "「この端末でサインインしたままにする」にチェックが入っていると、起動後の最初の同期に失敗します。",
        "“在此设备上保持登录状态并自动同步”选项打开时，启动后的第一次同步会失败。",
        # A path of settings, whatever stands beside it.
        "“偏好设置 > 网络 > 使用系统代理服务器”时，同步会失败。",
        'With "Preferences > Network > Use the system proxy server", the sync fails.',
        # A setting named by its kind before it: a profile option's name has a message's colon.
        'The profile option "VOM: Lock Timeout (Seconds)" was left at 0, so the first sync fails.',
    ],
)
def test_a_controls_label_or_path_quoted_beside_a_failure_is_no_message(
    tmp_path: Path, sentence: str
) -> None:
    """A check box's label or a setting's path quoted in a sentence that says something failed: read
    as a message by its length, it was the problem's error message."""
    text = f"# Sync fails\n\n## Symptoms\n\n{sentence}\n\n## Resolution\n\n1. Clear the check box.\n"
    [problem] = _read(tmp_path, "sync.md", text).problems
    assert problem.error_messages == []


@pytest.mark.parametrize(
    "message",
    ["Retention days must be > 0 and < 3650", "Cannot convert column 'amount': text → decimal"],
)
def test_a_message_that_compares_or_converts_is_no_path_of_settings(tmp_path: Path, message: str) -> None:
    """A message with ">" or "→" between spaces is a path of settings only where each side is a name of a
    few words without a number: "must be > 0" was one, and the message was lost."""
    text = f'# Saving fails\n\n## Symptoms\n\nSaving the policy fails with "{message}".\n\n## Resolution\n\n1. Fix it.\n'
    [problem] = _read(tmp_path, "save.md", text).problems
    assert problem.error_messages == [message]


def test_a_message_quoted_after_a_control_is_named_stays_a_message(tmp_path: Path) -> None:
    """A control named before the failure leaves the message the program shows a message (guard)."""
    text = (
        "# Sync fails\n\n## Symptoms\n\nAfter you click Sync now, the sync fails with "
        '"The proxy server refused the connection".\n\n## Resolution\n\n1. Turn off the proxy.\n'
    )
    [problem] = _read(tmp_path, "sync.md", text).problems
    assert problem.error_messages == ["The proxy server refused the connection"]


@pytest.mark.parametrize(
    "lead",
    [
        "Tragen Sie folgende Einstellungen ein:",
        "Utilice la siguiente configuración:",
        "请提供以下信息：",
        "次の設定を使用します：",
        # What the lead's earlier sentence names is no longer what the lead announces.
        "如果出现以下错误，请联系管理员。然后使用以下配置：",
        "다음 설정을 사용합니다:",
        # A compound the word for an error only opens ("error log settings", "troubleshooting steps"),
        # and hints to follow: no error ("Fehlerprotokoll-Einstellungen" and "提示" were one).
        "Für die Analyse benötigen wir folgende Fehlerprotokoll-Einstellungen:",
        "Führen Sie die folgenden Fehlerbehebungsschritte aus:",
        "Voer de volgende foutopsporingsstappen uit:",
        "可按以下提示排查：",
    ],
)
def test_data_a_localized_lead_in_announces_as_settings_is_no_error_message(
    tmp_path: Path, lead: str
) -> None:
    """Guard: "the following settings" or "information" shows data, not what a program printed."""
    text = (
        f"# Ledger save fails\n\n## Symptoms\n\nSaving stalls.\n\n{lead}\n\n"
        '```json\n{"retries": 3, "timeout": 30}\n```\n\n## Resolution\n\n1. Close every client.\n'
    )
    [problem] = _read(tmp_path, "ledger.md", text).problems
    assert problem.error_messages == []


@pytest.mark.parametrize(
    ("heading", "messages"),
    [
        ('调用同步接口返回 "不合法的access_token"', ["不合法的access_token"]),
        ("打开客户端时提示“同步失败，请稍后重试”", ["同步失败,请稍后重试"]),
        ("同步時顯示「無法連線到同步伺服器」", ["無法連線到同步伺服器"]),
        ("同期時に「サーバーに接続できません」と表示される", ["サーバーに接続できません"]),
        ("「同期フォルダーが見つかりません」エラー", ["同期フォルダーが見つかりません"]),
        # Guards: the name of a button, a menu or a page quoted in a heading is no message.
        ("「パスワードを変更」をクリックしても反応しない", []),
        ("「アカウント設定」メニューの使い方", []),
        ("“高级同步设置”页面为空白", []),
        ("点击“立即下载并安装更新”后没有反应", []),
        ("「ネットワークとインターネットの設定」が開かない", []),
    ],
)
def test_a_chinese_or_japanese_message_quoted_in_a_heading_is_its_problem_s_message(
    tmp_path: Path, heading: str, messages: list[str]
) -> None:
    """Words were counted by spaces: a quote in a script written without them was one word, never
    long enough for a message, and the heading that quoted the error no error heading."""
    text = f"# 同步客户端\n\n## {heading}\n\n### 原因\n\n令牌已过期。\n\n### 解决方法\n\n1. 重新登录。\n"
    [problem] = _read(tmp_path, "sync.md", text).problems
    assert (problem.title, problem.error_messages) == (heading, messages)


def test_a_bold_line_after_a_localized_lead_in_is_an_error_message(tmp_path: Path) -> None:
    """As after "…you see the following message:", the line shown in bold is the message."""
    text = (
        "# 账本保存失败\n\n## 问题描述\n\n保存账本时页面弹出以下提示：\n\n**账本已被其他客户端锁定，请稍后重试**\n\n"
        "## 解决方法\n\n1. 关闭其他客户端。\n"
    )
    [problem] = _read(tmp_path, "ledger.md", text).problems
    assert problem.error_messages == ["账本已被其他客户端锁定,请稍后重试"]


# A procedure as Word saves it as HTML: each item a paragraph, its level in its style and its number
# typed out in a span Word ignores on reading; the second paragraph of item 2 is a list paragraph
# without a level.
WORD_LISTS = """\
<html><head><meta name=Generator content="Microsoft Word 15 (filtered)"><title>VPN drops</title></head>
<body lang=EN-GB><div class=WordSection1>
<h1><span lang=EN-US>VPN drops every hour</span></h1>
<h2>Symptoms</h2>
<p class=MsoNormal>The tunnel drops on:</p>
<p class=MsoListParagraphCxSpFirst style='text-indent:-18.0pt;mso-list:l1 level1 lfo2'><span
style='font-family:Symbol'><span style='mso-list:Ignore'>&middot;<span style='font:7.0pt "Times New Roman"'>&nbsp;
</span></span></span>Windows laptops</p>
<p class=MsoListParagraphCxSpLast style='margin-left:72.0pt;text-indent:-18.0pt;mso-list:l1 level2 lfo2'><span
style='font-family:"Courier New"'><span style='mso-list:Ignore'>o<span style='font:7.0pt "Times New Roman"'>&nbsp;
</span></span></span>on Wi-Fi only</p>
<p class=MsoNormal>Desktops are not affected.</p>
<h2>Cause</h2>
<p class=MsoNormal>The tunnel's key lifetime is shorter than the gateway's.</p>
<h2>Resolution</h2>
<p class=MsoListParagraphCxSpFirst style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><span lang=EN-US><span
style='mso-list:Ignore'>1.<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp; </span></span></span><span
lang=EN-US>Open the VPN profile.</span></p>
<p class=MsoListParagraphCxSpMiddle style='margin-left:72.0pt;text-indent:-18.0pt;mso-list:l0 level2 lfo1'><span
style='mso-list:Ignore'>a.<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp; </span></span>On a laptop, use the tray icon.</p>
<p class=MsoListParagraphCxSpMiddle style='margin-left:72.0pt;text-indent:-18.0pt;mso-list:l0 level2 lfo1'><span
style='mso-list:Ignore'>b.<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp; </span></span>On a desktop, use Settings.</p>
<p class=MsoListParagraphCxSpMiddle style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><span
style='mso-list:Ignore'>2.<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp; </span></span>Set the key lifetime to 8 hours.</p>
<p class=MsoListParagraphCxSpMiddle>It must match the gateway's.</p>
<p class=MsoListParagraphCxSpLast style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><span
style='mso-list:Ignore'>3.<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp; </span></span>Reconnect.</p>
<p class=MsoNormal><b>Note:</b> Reconnecting signs out of shared drives.</p>
</div></body></html>
"""


def test_word_s_list_paragraphs_are_nested_lists_without_their_typed_numbers(tmp_path: Path) -> None:
    # Read as paragraphs, "a." and "b." were steps 2 and 3 of one run, and every step kept its number
    # as text ("2. Set the key lifetime …" as step 4).
    article = _read(tmp_path, "vpn.html", WORD_LISTS)
    [problem] = article.problems
    assert [(s.number, s.parent, s.text) for s in problem.steps] == [
        ("1", None, "Open the VPN profile."),
        ("1.1", "1", "On a laptop, use the tray icon."),
        ("1.2", "1", "On a desktop, use Settings."),
        ("2", None, "Set the key lifetime to 8 hours.\nIt must match the gateway's."),
        ("3", None, "Reconnect."),
    ]
    assert [n.text for n in problem.notes] == ["Note: Reconnecting signs out of shared drives."]
    # Bullets are a list too, without their symbols; a paragraph after the list is no item of it.
    assert problem.symptoms == (
        "The tunnel drops on:\n\n- Windows laptops\n  - on Wi-Fi only\n\nDesktops are not affected."
    )


def test_word_s_list_style_in_a_list_or_a_table_of_html_s_own_is_left_to_them(tmp_path: Path) -> None:
    # Guard: pasted from Word into a help centre's editor, list paragraphs keep their style inside the
    # <li> or the cell they were pasted in, whose list or table stands as it is.
    item = "<li><p class=MsoListParagraph style='mso-list:l0 level1 lfo1'>{}</p></li>"
    page = (
        "<html><body><h1>VPN drops</h1><h2>Resolution</h2><ol>"
        + item.format("Open the VPN profile.")
        + item.format("Reconnect.")
        + "</ol><h2>Versions</h2><table><tr><th>Client</th><th>Fix</th></tr><tr><td>5.2</td>"
        "<td><p style='mso-list:l1 level1 lfo2'>Upgrade to 5.3.</p></td></tr></table></body></html>"
    )
    article = _read(tmp_path, "vpn.html", page)
    assert [(s.number, s.text) for s in article.problems[0].steps] == [
        ("1", "Open the VPN profile."),
        ("2", "Reconnect."),
    ]
    assert "5.2 | Upgrade to 5.3." in article.body


# Word has no code element: a message or a command is a paragraph in Courier New, one a line.
WORD_FIXED_FONT = """\
<html><body lang=EN-GB><div class=WordSection1>
<h1>Backup job fails</h1>
<h2>Symptoms</h2>
<p class=MsoNormal>The job log shows the following error:</p>
<p class=MsoNormal style='margin-left:36.0pt'><span style='font-family:"Courier New"'>BKP-0412: target
volume is read-only</span></p>
<p class=MsoNormal style='margin-left:36.0pt'><span style='font-family:"Courier New"'>&nbsp;</span></p>
<p class=MsoNormal style='margin-left:36.0pt'><span style='font-family:"Courier New"'>job &#39;nightly&#39; aborted</span></p>
<p class=MsoNormal>The <span style='font-family:"Courier New"'>nightly</span> job stops at once.</p>
<h2>Resolution</h2>
<p class=MsoListParagraphCxSpFirst style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><span
style='mso-list:Ignore'>1.<span style='font:7.0pt "Times New Roman"'>&nbsp; </span></span>Remount the volume:</p>
<p class=MsoListParagraphCxSpMiddle><span style='font-family:Consolas'>mount -o remount,rw /backup</span></p>
<p class=MsoListParagraphCxSpLast style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><span
style='mso-list:Ignore'>2.<span style='font:7.0pt "Times New Roman"'>&nbsp; </span></span>Run the job again.</p>
</div></body></html>
"""


def test_paragraphs_in_a_fixed_width_font_are_code(tmp_path: Path) -> None:
    # Read as paragraphs, the message was no error text, and the command under step 1 a paragraph.
    [problem] = _read(tmp_path, "backup.html", WORD_FIXED_FONT).problems
    assert problem.error_messages == ["BKP-0412: target volume is read-only job 'nightly' aborted"]
    assert problem.symptoms.endswith("The nightly job stops at once.")
    assert [(s.number, s.text) for s in problem.steps] == [
        ("1", "Remount the volume:\nmount -o remount,rw /backup"),
        ("2", "Run the job again."),
    ]
    assert problem.steps[0].markdown == "Remount the volume:\n\n```\nmount -o remount,rw /backup\n```"


# Word's "Save as Web Page" keeps the printed page's header and footer as paragraphs of its own styles.
WORD_PAGE_FOOTER = """\
<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><meta name=Generator content="Microsoft Word 16">
<title>Badge printer</title></head><body lang=EN-GB><div class=WordSection1>
<p class=MsoHeader><span style='font-size:8.0pt'>Facilities IT | Controlled document</span></p>
<h1>Badge printer prints blank cards</h1>
<p class=MsoNormal><b>Resolution</b></p>
<p class=MsoListParagraphCxSpFirst style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><span
style='mso-list:Ignore'>1.<span style='font:7.0pt "Times New Roman"'>&nbsp; </span></span>Replace the ribbon.</p>
<p class=MsoListParagraphCxSpLast style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><span
style='mso-list:Ignore'>2.<span style='font:7.0pt "Times New Roman"'>&nbsp; </span></span>Print a test card.</p>
<p class=MsoNormal>If the card is still blank, call the vendor.</p>
<p class=MsoFooter><span style='font-size:8.0pt'>Doc ref FAC-IT-017 | Page 1 of 1 | Uncontrolled when printed</span></p>
</div></body></html>
"""


def test_a_word_page_s_header_and_footer_paragraphs_are_no_text_of_the_article(tmp_path: Path) -> None:
    # The footer was a note after the last problem's steps. A remark in Word's normal style after
    # the steps stays their note (guard).
    article = _read(tmp_path, "badge.htm", WORD_PAGE_FOOTER)
    [problem] = article.problems
    assert [s.text for s in problem.steps] == ["Replace the ribbon.", "Print a test card."]
    assert [n.text for n in problem.notes] == ["If the card is still blank, call the vendor."]
    assert "FAC-IT-017" not in article.body
    assert "Controlled document" not in article.body


def test_a_rich_text_editor_s_paragraph_in_courier_is_code_and_a_word_in_courier_is_not(
    tmp_path: Path,
) -> None:
    # TinyMCE (ServiceNow, Zendesk) writes code as a span in Courier; a sentence with a word in
    # Courier, or a heading in it, stays what it is (guard).
    page = (
        "<html><body><h1>VPN fails</h1><h2>Symptoms</h2><p>The client shows:</p>"
        '<p><span style="font-family: courier new, courier;">Certificate validation failure.</span></p>'
        '<p>Run <span style="font-family: courier new, courier;">certlm.msc</span> to look.</p>'
        '<h2><font face="Courier New">Resolution</font></h2><ol><li>Sync the device.</li></ol></body></html>'
    )
    [problem] = _read(tmp_path, "vpn.html", page).problems
    assert problem.error_messages == ["Certificate validation failure."]
    assert problem.symptoms.endswith("Run certlm.msc to look.")
    assert [s.text for s in problem.steps] == ["Sync the device."]


def test_a_rich_text_editor_s_paragraph_styled_in_courier_is_code(tmp_path: Path) -> None:
    """Older knowledge-base editors (ServiceDesk Plus') set the font on the paragraph itself
    (<p style="font-family: Courier New">), not on a span in it: the message it quotes was no error text."""
    page = (
        "<html><body><h1>Mapped drive will not reconnect</h1><div><p><b>Symptom</b></p>"
        "<p>At sign-in, Explorer reports:</p>"
        '<p style="font-family: Courier New">An error occurred while reconnecting Z: to \\\\files01\\share. '
        "The local device name is already in use.</p>"
        "<p><b>Cause</b></p><p>A logon script maps the same letter first.</p>"
        "<p><b>Resolution</b></p><ol><li>Remove the mapping from the logon script.</li>"
        "<li>Sign out and back in.</li></ol></div></body></html>"
    )
    [problem] = _read(tmp_path, "drive.html", page).problems
    [message] = problem.error_messages
    assert message.startswith("An error occurred while reconnecting Z:")
    assert message.endswith("The local device name is already in use.")
    assert problem.cause == "A logon script maps the same letter first."
    assert [s.text for s in problem.steps] == [
        "Remove the mapping from the logon script.",
        "Sign out and back in.",
    ]


def test_a_paragraph_styled_in_a_proportional_font_stays_a_paragraph(tmp_path: Path) -> None:
    # Guard: a paragraph's own font that is no fixed-width one leaves it the problem's text.
    page = (
        "<html><body><h1>Mapped drive will not reconnect</h1><h2>Symptoms</h2>"
        '<p style="font-family: Verdana">The Z: drive shows a red cross after sign-in.</p>'
        "<h2>Resolution</h2><ol><li>Sign out and back in.</li></ol></body></html>"
    )
    [problem] = _read(tmp_path, "drive.html", page).problems
    assert problem.symptoms == "The Z: drive shows a red cross after sign-in."
    assert problem.error_messages == []


# LibreOffice Writer has no code element either: a run in a monospace face is a <font face=…> tag,
# its face any fixed-width family (Liberation Mono, DejaVu Sans Mono), inside a sentence.
LIBREOFFICE_MONOSPACE_RUN = """\
<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.0 Transitional//EN">
<html><head><meta name="generator" content="LibreOffice 7.5.2.2 (Windows)"/><title>Label printer</title></head>
<body lang="de-DE" dir="ltr">
<h1 class="western">Label printer at the goods-in desk</h1>
<h2 class="western">Labels print blank</h2>
<p class="western"><b>Symptom:</b> The driver window reports <font face="DejaVu Sans Mono, monospace">Ribbon
not detected. Load a ribbon and close the head.</font> and the label comes out empty.</p>
<p class="western"><b>Cause:</b> A direct-thermal profile was applied to a thermal-transfer printer.</p>
<p class="western"><b>Resolution:</b></p>
<ol><li><p class="western">Open <i>Printing preferences</i>.</p></li>
<li><p class="western">Select the media type <font face="Liberation Mono, monospace">Thermal Transfer</font>.</p></li></ol>
<h2 class="western">Printer is offline after a restart</h2>
<p class="western"><b>Symptom:</b> The queue shows the printer as <font face="Liberation Serif, serif">Offline</font>
until someone opens the web page.</p>
<p class="western"><b>Resolution:</b></p>
<ol><li><p class="western">Give the printer a fixed address.</p></li></ol>
</body></html>
"""


def test_a_run_in_a_monospace_face_inside_a_sentence_is_code(tmp_path: Path) -> None:
    # The message quoted in a monospace face was no error text: a paste of it was only "medium". A run
    # in a serif face stays a word of its sentence (guard).
    first, second = _read(tmp_path, "labels.html", LIBREOFFICE_MONOSPACE_RUN).problems
    assert first.error_messages == ["Ribbon not detected. Load a ribbon and close the head."]
    assert first.cause == "A direct-thermal profile was applied to a thermal-transfer printer."
    assert [s.markdown for s in first.steps] == [
        "Open *Printing preferences*.",
        "Select the media type `Thermal Transfer`.",
    ]
    assert second.error_messages == []
    assert second.symptoms == "The queue shows the printer as Offline until someone opens the web page."
    assert [s.text for s in second.steps] == ["Give the printer a fixed address."]


# Google Docs' "Download as HTML" writes no <b> and no <code>: each run is a <span> of generated
# classes whose rules, in the page's <style>, say what is bold (font-weight:700) or monospace.
GOOGLE_DOCS_CLASSES = (
    '<html><head><meta content="text/html; charset=UTF-8" http-equiv="content-type"><style type="text/css">'
    '.lst-kix_r4-0>li:before{content:"" counter(lst-ctn-kix_r4-0,decimal) ". "}'
    ".c4{padding-top:0pt;padding-bottom:0pt;line-height:1.15;text-align:left}"
    '.c0{color:#000000;font-weight:400;font-size:11pt;font-family:"Arial";font-style:normal}'
    '.c7{color:#000000;font-weight:700;font-size:11pt;font-family:"Arial"}'
    '.c9{color:#1e8e3e;font-weight:400;font-size:10pt;font-family:"Roboto Mono"}'
    ".c3{color:#b45f06}.doc-content .c8{font-weight:700}"
    "h2{padding-top:18pt;font-size:16pt}</style></head>"
    '<body class="c12 doc-content">'
    '<h2 class="c4" id="h.k2l"><span class="c0">Sync client stops uploading</span></h2>'
    '<p class="c4"><span class="c7">Symptoms</span></p>'
    '<p class="c4"><span class="c0">The tray icon turns red and the log says </span>'
    '<span class="c9">Quota exceeded for user storage (SYNC-507)</span><span class="c0">.</span></p>'
    '<p class="c4"><span class="c7">Cause</span></p>'
    '<p class="c4"><span class="c0">The shared drive counts against the owner&rsquo;s quota.</span></p>'
    '<p class="c4"><span class="c7">Resolution</span></p>'
    '<ol class="c2 lst-kix_r4-0 start" start="1">'
    '<li class="c4"><span class="c0">Empty the bin of the shared drive.</span></li>'
    '<li class="c4"><span class="c0">Restart the client.</span></li></ol>'
    '<h2 class="c4" id="h.m3q"><span class="c0">Files stay in &ldquo;pending&rdquo;</span></h2>'
    '<p class="c4"><span class="c7">Symptoms</span></p>'
    '<p class="c4"><span class="c9">Upload paused: the file is open in another program</span></p>'
    '<p class="c4"><span class="c8">Important</span><span class="c3"> </span>'
    '<span class="c0">this happens with spreadsheets kept open overnight.</span></p>'
    '<p class="c4"><span class="c7">Resolution</span></p>'
    '<ol class="c2 lst-kix_r4-0 start" start="1"><li class="c4"><span class="c0">Close the file.</span></li></ol>'
    "</body></html>"
)


def test_a_google_docs_export_s_bold_and_monospace_classes_are_bold_and_code(tmp_path: Path) -> None:
    # Its labels were symptoms' words and its messages plain text: no cause, no error message. A class
    # bold only under another selector (".doc-content .c8") or coloured only stays plain (guard).
    first, second = _read(tmp_path, "sync.html", GOOGLE_DOCS_CLASSES).problems
    assert first.title == "Sync client stops uploading"
    assert (
        first.symptoms
        == "The tray icon turns red and the log says Quota exceeded for user storage (SYNC-507)."
    )
    assert first.error_messages == ["Quota exceeded for user storage (SYNC-507)"]
    assert first.cause == "The shared drive counts against the owner’s quota."
    assert [s.text for s in first.steps] == ["Empty the bin of the shared drive.", "Restart the client."]
    assert second.title == "Files stay in “pending”"
    assert second.error_messages == ["Upload paused: the file is open in another program"]
    assert "Important this happens with spreadsheets" in second.symptoms
    assert [s.text for s in second.steps] == ["Close the file."]


QA_SITE_EXPORT = """# rsync: connection unexpectedly closed (0 bytes received so far)

## Question

Every night my backup job stops with:

```
rsync: connection unexpectedly closed (0 bytes received so far) [sender]
rsync error: error in rsync protocol data stream (code 12)
```

The same command works when I run it by hand. What is different?

> **Comment** (opsbot): Is the key readable by the cron user? — 2 days ago

---

## Accepted answer · 214 votes

Cron runs the job without your agent, so ssh cannot find the key and the server closes the connection because nobody signed in.

1. Point rsync at the key:

       rsync -e "ssh -i /home/backup/.ssh/id_ed25519" -a /data/ backup@vault:/data/

2. Run the job again from cron.

*edited May 2 '24 at 8:00* · *answered Apr 30 '24 at 21:14* **keymaster** 9.1k

---

## Answer · 12 votes

In my case the disk of the server was full because old snapshots were kept. Free some space.

*answered Jun 3 '24* **fullstack**
"""


def test_a_qa_site_s_accepted_answer_is_the_fix_and_its_explanation_the_cause(tmp_path: Path) -> None:
    # A question-and-answer site's export: the second answer's explanation was the cause, the accepted
    # one's a note, a comment under the question its error message, and a signature a note.
    article = _read(tmp_path, "rsync-cron.md", QA_SITE_EXPORT)
    (problem,) = article.problems
    assert problem.cause.startswith("Cron runs the job without your agent")
    assert [s.text.split("\n")[0] for s in problem.steps] == [
        "Point rsync at the key:",
        "Run the job again from cron.",
    ]
    assert {s.group for s in problem.steps} == {None}
    assert problem.error_messages == [
        "rsync: connection unexpectedly closed (0 bytes received so far) [sender] "
        "rsync error: error in rsync protocol data stream (code 12)"
    ]
    assert problem.notes == []
    # The other answer, the comment and the signatures stay searchable.
    for said in ("disk of the server was full", "Is the key readable", "keymaster", "fullstack"):
        assert said in article.body
    assert "disk of the server" not in problem.cause + problem.symptoms


def test_without_an_accepted_answer_the_first_is_the_fix(tmp_path: Path) -> None:
    text = QA_SITE_EXPORT.replace("## Accepted answer · 214 votes", "## Answer · 214 votes")
    (problem,) = _read(tmp_path, "rsync-cron.md", text).problems
    assert problem.steps[0].text.startswith("Point rsync at the key:")
    assert "disk of the server" not in problem.cause
    # An accepted answer further down is the fix, whatever its place.
    swapped = text.replace("## Answer · 12 votes", "## Accepted answer · 12 votes")
    (problem,) = _read(tmp_path, "rsync-cron-2.md", swapped).problems
    assert [s.text for s in problem.steps] == [
        "In my case the disk of the server was full because old snapshots were kept. Free some space."
    ]


@pytest.mark.parametrize(
    "line",
    [
        # A sentence that says what was edited, in emphasis or not, is the article's text.
        "*Edited* the config at 10:00 and the error went away.",
        "Answered the prompt with 2 and it went on.",
        # A quote that opens with another bold label is no comment.
        "> **Warning:** the key is readable by everyone.",
        # A quoted sentence that only opens as a written-out signature does says what happened.
        "> Answered by the vendor — 12 hours later, with no fix.",
    ],
)
def test_a_line_that_only_starts_like_a_signature_or_a_comment_stays_the_problem_s(
    line: str, tmp_path: Path
) -> None:
    text = f"# Backups stop\n\n## Symptoms\n\nBackups stop at night.\n\n{line}\n\n## Resolution\n\n1. Restart cron.\n"
    article = _read(tmp_path, "backups.md", text)
    (problem,) = article.problems
    said = line.lstrip("> ").replace("*", "")
    assert said in problem.symptoms + " ".join(n.text for n in problem.notes)


def test_a_qa_site_s_answers_under_a_heading_that_counts_them_answer_the_question_above(
    tmp_path: Path,
) -> None:
    # The question under the title, then "## 2 Answers" over each answer post: the page was a problem
    # per answer, titled "Accepted answer" and "Answer", with neither the question nor its error.
    text = (
        "# Cron backup stops with code 12\n\nEvery night the job stops:\n\n```\n"
        "rsync error: error in rsync protocol data stream (code 12)\n```\n\n## 2 Answers\n\n"
        '### Accepted answer\n\nPoint rsync at the key with `-e "ssh -i key"`.\n\n'
        "answered Apr 30, 2024 at 21:14 — *keymaster* · 91\n\n"
        "### Answer\n\nReboot the server.\n\nanswered Jun 3, 2024 — *fullstack*\n"
    )
    article = _read(tmp_path, "rsync-cron.md", text)
    (problem,) = article.problems
    assert problem.title == "Cron backup stops with code 12"
    assert problem.error_messages == ["rsync error: error in rsync protocol data stream (code 12)"]
    assert [s.text for s in problem.steps] == ['Point rsync at the key with -e "ssh -i key".']
    assert "Reboot the server." in article.body and "keymaster" in article.body


def test_a_qa_site_s_counts_and_tags_under_the_question_are_the_page_s_not_its_symptoms(
    tmp_path: Path,
) -> None:
    # "Asked … · Viewed … times" and a line of bold tags under the question were its symptoms.
    text = (
        "# pip install fails with 'externally-managed-environment'\n\n"
        "Asked 5 months ago · Modified 2 days ago · Viewed 12k times\n\n"
        "On Debian 12 every `pip install` now stops:\n\n```\n"
        "error: externally-managed-environment\n```\n\nWhat changed?\n\n"
        "**python** **pip** **debian-12**\n\n## 2 Answers\n\n"
        "### Accepted answer\n\n1. Create a virtual environment with `python3 -m venv .venv`.\n"
        "2. Install into it.\n\nanswered Jan 4, 2025 — *venvfan* · 88\n"
    )
    article = _read(tmp_path, "pip-managed.md", text)
    (problem,) = article.problems
    assert problem.symptoms.startswith("On Debian 12 every pip install now stops:")
    for said in ("Viewed 12k times", "debian-12"):
        assert said not in problem.symptoms
        assert said in article.body


@pytest.mark.parametrize(
    "line",
    [
        # A sentence that opens with a count's word, or says more after it, is the question's text.
        "Asked the vendor 3 days ago, no answer yet.",
        "Viewed 40 times in the log before it stopped",
        # Bold words with a sentence around them, or a bold word that is no tag, are no tags.
        "**pip** and **venv** both fail.",
        "**Debian** **12**",
    ],
)
def test_a_line_that_only_looks_like_a_question_s_counts_or_tags_stays_its_symptom(
    line: str, tmp_path: Path
) -> None:
    text = f"# pip fails\n\n## Symptoms\n\npip fails.\n\n{line}\n\n## Resolution\n\n1. Use a venv.\n"
    (problem,) = _read(tmp_path, "pip.md", text).problems
    assert line.replace("*", "") in problem.symptoms


@pytest.mark.parametrize(
    ("section", "line", "kept"),
    [
        # Error codes in code are what the error says, and bold names under a section of a page no
        # site signed are what it lists: neither is a question's tags.
        ("Symptoms", "`0x80070643` `0x8024200b`", "0x80070643"),
        ("Affected packages", "**grpcio** **psycopg2** **lxml**", "psycopg2"),
    ],
)
def test_a_row_of_codes_or_bold_names_in_a_section_of_an_unsigned_page_is_no_tags(
    section: str, line: str, kept: str, tmp_path: Path
) -> None:
    text = (
        f"# Setup fails\n\n## Error\n\nSetup stops.\n\n## {section}\n\n"
        f"Setup logs one of these:\n\n{line}\n\n## Resolution\n\n1. Resize the partition.\n"
    )
    (problem,) = _read(tmp_path, "setup.md", text).problems
    assert kept in problem.symptoms + " ".join(problem.error_messages) + problem.body


SCORED_QA_EXPORT = """# quillsync stops with "lease renewal rejected" after moving the vault

Since the move every sync run ends with:

```
quillsync[2207]: error: lease renewal rejected: vault clock skew 412s exceeds 300s
```

## 3 Answers

### ✓ Accepted — Score: 41

The vault host's clock drifts since its time service never started.

1. Turn the time service on with `sudo timedatectl set-ntp true`.
2. Restart the daemon: `sudo systemctl restart quillsync`

> answered by orla_brenn — 8.7k rep

**Comments**

- Worked on both hosts, thank you! – *petrik* Feb 9, 2023 at 16:40
- Same here. – *ana_v* Feb 10, 2023 at 08:12

### Score: 7

Raise the limit with `max_skew = 900` in `quillsync.toml`, it hides the drift. Risky.

**Comments**

- Please don't, a larger skew lets replayed leases through. – *orla_brenn* Feb 9, 2023 at 17:02

### Score: -2

Reinstall quillsync.

> answered by newbie_q — 11 rep

Not the answer you're looking for? Browse other questions tagged quillsync ntp or ask your own question.

site design / logo © 2024 Stack Exchange Inc; user contributions licensed under CC BY-SA. rev 2024.3.1.5812
"""


def test_a_qa_site_s_answers_headed_by_their_score_are_posts_and_the_accepted_one_the_fix(
    tmp_path: Path,
) -> None:
    # "### Score: 7" was a group of steps whose step 1 was a comment under it, and that answer's own
    # risky advice a note of the fix.
    article = _read(tmp_path, "quillsync-lease.md", SCORED_QA_EXPORT)
    (problem,) = article.problems
    assert {s.group for s in problem.steps} == {None}
    assert problem.steps[0].text == "Turn the time service on with sudo timedatectl set-ntp true."
    told = " ".join([s.text for s in problem.steps] + [n.text for n in problem.notes])
    for said in ("max_skew", "replayed leases", "Reinstall quillsync"):
        assert said not in told
        assert said in article.body


@pytest.mark.parametrize(
    ("opening", "cause"),
    [
        (
            "The vault host's clock drifts since its time service never started.",
            "The vault host's clock drifts since its time service never started.",
        ),
        ("Your vault host runs without a time service.", "Your vault host runs without a time service."),
        # Guard: the writer's own story before the steps says no cause, and stays a note.
        ("I hit this on a new vault host as well.", ""),
    ],
)
def test_a_qa_site_s_accepted_answer_that_only_says_what_is_wrong_before_its_steps_gives_the_cause(
    opening: str, cause: str, tmp_path: Path
) -> None:
    # With no "because" in it, the accepted answer's explanation was a note before its steps.
    text = SCORED_QA_EXPORT.replace(
        "The vault host's clock drifts since its time service never started.", opening
    )
    (problem,) = _read(tmp_path, "quillsync-lease.md", text).problems
    assert problem.cause == cause
    assert [n.text for n in problem.notes] == ([] if cause else [opening])


def test_a_qa_site_s_signature_written_out_in_a_quote_is_the_page_s(tmp_path: Path) -> None:
    # "> answered by orla_brenn — 8.7k rep" under the accepted answer was an error message, and glued
    # to its last step.
    article = _read(tmp_path, "quillsync-lease.md", SCORED_QA_EXPORT)
    (problem,) = article.problems
    assert problem.steps[1].text == "Restart the daemon: sudo systemctl restart quillsync"
    assert problem.error_messages == [
        "quillsync[2207]: error: lease renewal rejected: vault clock skew 412s exceeds 300s"
    ]
    assert "orla_brenn" in article.body


def test_a_qa_site_s_comments_listed_under_a_label_are_the_page_s(tmp_path: Path) -> None:
    # "**Comments**" over "Worked on both hosts, thank you! – *petrik* Feb 9, 2023 at 16:40": the label
    # was a note of the fix and each comment one more step.
    article = _read(tmp_path, "quillsync-lease.md", SCORED_QA_EXPORT)
    (problem,) = article.problems
    assert [s.number for s in problem.steps] == ["1", "2"]
    assert "Comments" not in [n.text for n in problem.notes]
    for said in ("Worked on both hosts", "ana_v"):
        assert said in article.body


SITE_FOOTER = (
    "Not the answer you're looking for? Browse other questions tagged kiln quota or ask your own question.\n\n"
    "site design / logo © 2024 Stack Exchange Inc; user contributions licensed under CC BY-SA. rev 2024.3.1.5812\n"
)


@pytest.mark.parametrize(
    ("closing", "noted"),
    [
        (SITE_FOOTER, []),
        # Guard: a remark that only speaks of what the reader looks for is the fix's note.
        (
            "If this is not the answer you're looking for, ask the storage team.\n",
            ["If this is not the answer you're looking for, ask the storage team."],
        ),
    ],
)
def test_a_qa_site_s_footer_after_the_accepted_answer_is_the_page_s(
    closing: str, noted: list[str], tmp_path: Path
) -> None:
    # With the accepted answer last, the site's footer under it was two notes of the fix.
    text = (
        '# Kiln export fails with "sink quota exhausted (KX-72)"\n\nEvery export stops:\n\n'
        "```\nkiln-export: fatal: sink quota exhausted (KX-72)\n```\n\n## 2 Answers\n\n### Score: 3\n\n"
        "Wait a day, the quota resets.\n\n### ✓ Accepted — Score: 12\n\n"
        "1. Raise the sink quota in the admin console.\n2. Rerun the export.\n\n"
        f"> answered by dmitri_s — 2,140 rep\n\n{closing}"
    )
    article = _read(tmp_path, "kiln-export.md", text)
    (problem,) = article.problems
    assert [s.text for s in problem.steps] == [
        "Raise the sink quota in the admin console.",
        "Rerun the export.",
    ]
    assert [n.text for n in problem.notes] == noted
    assert "looking for" in article.body + " ".join(noted)


def test_a_comments_label_over_a_list_not_every_item_of_which_is_signed_keeps_its_steps(
    tmp_path: Path,
) -> None:
    # Guard: a list of which one item is no comment signed at its end is what the page lists.
    text = (
        "# Lease renewal rejected\n\n## Resolution\n\n**Comments**\n\n"
        "- Turn the time service on – *petrik* Feb 9, 2023 at 16:40\n- Restart the daemon.\n"
    )
    (problem,) = _read(tmp_path, "lease.md", text).problems
    assert [s.text for s in problem.steps] == [
        "Turn the time service on – petrik Feb 9, 2023 at 16:40",
        "Restart the daemon.",
    ]


SCORE_LINE_QA_EXPORT = """# cargo build fails with "failed to select a version for the requirement"

`cargo build` stopped working after I bumped a dependency:

```
error: failed to select a version for the requirement `tokio = "^1.38"`
```

## 3 Answers

---

**218** \u2714 Accepted answer

Another crate in the tree pins an older tokio, so the two ranges cannot meet.

1. Run `cargo tree -i tokio` to find the crate that pins it.
2. Upgrade that crate, then run `cargo update -p tokio`.

answered Jun 4, 2024 at 9:12 \u2014 *ferris_fan*

> `cargo tree -i` was the missing piece here. \u2013 devon_k

---

**31**

1. Delete `Cargo.lock`.
2. Build again.

answered Jun 5, 2024 \u2014 *lockbuster*

---

**-5**

Just pin tokio to 1.20:

```
tokio = "=1.20"
```

answered Jun 6, 2024 \u2014 *quickhack*

> Pinning an old tokio hides the conflict and loses security fixes. \u2013 rustacean_42
"""


def test_a_qa_site_s_answers_opened_by_their_score_in_bold_are_posts_and_the_accepted_one_the_fix(
    tmp_path: Path,
) -> None:
    # "**31**" and "**-5**" over the other answers, each after a rule: their steps went on the accepted
    # answer's numbering, and the comment under the downvoted one was an error message.
    article = _read(tmp_path, "cargo-select.md", SCORE_LINE_QA_EXPORT)
    (problem,) = article.problems
    assert [s.text for s in problem.steps] == [
        "Run cargo tree -i tokio to find the crate that pins it.",
        "Upgrade that crate, then run cargo update -p tokio.",
    ]
    assert problem.error_messages == ['failed to select a version for the requirement `tokio = "^1.38"`']
    assert problem.cause == "Another crate in the tree pins an older tokio, so the two ranges cannot meet."
    assert problem.notes == []
    for said in ("Delete Cargo.lock", 'tokio = "=1.20"', "hides the conflict", "missing piece", "devon_k"):
        assert said in article.body


def test_a_qa_site_s_linked_and_hot_questions_after_its_footer_heading_are_the_page_s(tmp_path: Path) -> None:
    # "## Not the answer you're looking for? …" over "### Linked" and "### Hot Network Questions": each list
    # of links to other questions was a group of steps of the fix.
    text = SCORE_LINE_QA_EXPORT + (
        "\n## Not the answer you're looking for? Browse other questions tagged "
        "[rust](https://stackoverflow.com/questions/tagged/rust) or "
        "[ask your own question](https://stackoverflow.com/questions/ask).\n\n"
        "### Linked\n\n- [What does cargo update -p do?](https://stackoverflow.com/q/4711)\n\n"
        "### Related\n\n- [Why is my crate yanked?](https://stackoverflow.com/q/4712)\n\n"
        "### Hot Network Questions\n\n- [Why is the sky darker at noon on Mars?](https://space.stackexchange.com/q/1)\n"
    )
    article = _read(tmp_path, "cargo-select.md", text)
    (problem,) = article.problems
    assert {s.group for s in problem.steps} == {None}
    assert [s.number for s in problem.steps] == ["1", "2"]
    for said in ("What does cargo update -p do?", "sky darker", "Hot Network Questions"):
        assert said in article.body


def test_a_bold_number_alone_outside_a_qa_site_s_answers_stays_the_article_s(tmp_path: Path) -> None:
    # Guard: on a page with no answers heading, a bold number alone is what the section says, and a
    # quote signed at its end is what a section quotes.
    text = (
        "# Queue backs up\n\n## Symptoms\n\nThe queue depth reaches\n\n**5000**\n\n"
        "> The queue never drains on its own. \u2013 oncall\n\n"
        "## Resolution\n\n---\n\n**2**\n\n1. Add a worker.\n2. Watch the depth fall.\n"
    )
    (problem,) = _read(tmp_path, "queue.md", text).problems
    assert "5000" in problem.symptoms
    assert "never drains" in problem.symptoms + " ".join(problem.error_messages)
    assert [s.text for s in problem.steps] == ["Add a worker.", "Watch the depth fall."]


# A Stack Overflow question saved whole as Markdown: the question's score and vote buttons, its tags and
# its buttons as links, the signatures with the user's name linked and their badges, one answer under
# "1 Answer" and the control that sorts answers, and the comments under it quoted together.
SAVED_QUESTION_PAGE = """# pip install fails with "metadata-generation-failed"

Asked 2 years, 4 months ago \u00b7 Modified 5 months ago \u00b7 Viewed 310k times

**842**

\u25b2 \u25bc \u2606 97

`pip install` of an old package stops since I moved to Python 3.12:

```
error: metadata-generation-failed
```

[python](https://stackoverflow.com/questions/tagged/python) [pip](https://stackoverflow.com/questions/tagged/pip)

[Share](https://stackoverflow.com/q/7712) [Improve this question](https://stackoverflow.com/posts/7712/edit) Follow

asked Oct 2, 2023 at 8:14 \u2014 [lina_w](https://stackoverflow.com/users/5512) 1,204 \u25cf 2 \u25cf 11 \u25cf 20

## 1 Answer

Sorted by: Highest score (default)

**1017** \u2714 Accepted answer

Python 3.12 no longer ships setuptools in new virtual environments, and the package's old build needs it.

1. Run `pip install setuptools` in the environment.
2. Install the package again.

[Share](https://stackoverflow.com/a/7713) [Improve this answer](https://stackoverflow.com/posts/7713/edit) Follow

answered Oct 2, 2023 at 9:30 \u2014 [Jonas Falk](https://stackoverflow.com/users/8812) 22.4k \u25cf 3 \u25cf 51 \u25cf 77

> 31 \u2014 Worked for our build image too. \u2013 [devops_ann](https://stackoverflow.com/users/9913) Nov 8, 2023 at 14:02
>
> 4 \u2014 On Alpine images install `py3-setuptools` instead. \u2013 [mk_ops](https://stackoverflow.com/users/9914) Jan 3, 2024 at 9:40
"""


def test_a_saved_qa_page_s_scores_buttons_tags_and_linked_signatures_are_the_page_s(tmp_path: Path) -> None:
    # The question's score, vote row, tags, buttons and signature were its symptoms; under "1 Answer" the
    # accepted answer's mark, its explanation, its buttons, signature and comment were notes of the fix.
    article = _read(tmp_path, "pip-metadata.md", SAVED_QUESTION_PAGE)
    (problem,) = article.problems
    assert problem.symptoms == "pip install of an old package stops since I moved to Python 3.12:"
    assert problem.error_messages == ["metadata-generation-failed"]
    assert problem.cause == (
        "Python 3.12 no longer ships setuptools in new virtual environments, and the package's old build needs it."
    )
    assert [s.text for s in problem.steps] == [
        "Run pip install setuptools in the environment.",
        "Install the package again.",
    ]
    assert problem.notes == []
    for said in (
        "Improve this answer",
        "Jonas Falk",
        "Worked for our build image too",
        "py3-setuptools",
        "lina_w",
    ):
        assert said in article.body


def test_a_plain_signature_of_a_qa_answer_is_the_page_s(tmp_path: Path) -> None:
    # "answered Oct 2, 2023 — Jonas Falk", the name in plain text, was a note after the fix's steps.
    text = SAVED_QUESTION_PAGE.replace(
        "answered Oct 2, 2023 at 9:30 \u2014 [Jonas Falk](https://stackoverflow.com/users/8812) 22.4k \u25cf 3 \u25cf 51 \u25cf 77",
        "answered Oct 2, 2023 \u2014 Jonas Falk",
    )
    article = _read(tmp_path, "pip-metadata.md", text)
    assert article.problems[0].notes == []
    assert "answered Oct 2, 2023 \u2014 Jonas Falk" in article.body


@pytest.mark.parametrize(
    ("after", "cause", "noted"),
    [
        (
            "To fix it:",
            "Python 3.12 no longer ships setuptools in new virtual environments, and the package's old build needs it.",
            ["To fix it:"],
        ),
        # Guard: two paragraphs that both explain are not one answer's cause: they stay notes.
        (
            "Older Pythons still bring it along.",
            "",
            [
                "Python 3.12 no longer ships setuptools in new virtual environments, and the package's old build"
                " needs it.",
                "Older Pythons still bring it along.",
            ],
        ),
    ],
)
def test_an_accepted_answer_s_explanation_before_its_lead_in_is_the_cause(
    after: str, cause: str, noted: list[str], tmp_path: Path
) -> None:
    # A lead-in to the steps after the explanation ("To fix it:") left two paragraphs before
    # them, so the explanation was a note, not the cause.
    text = SAVED_QUESTION_PAGE.replace("needs it.\n\n1. Run", f"needs it.\n\n{after}\n\n1. Run")
    (problem,) = _read(tmp_path, "pip-metadata.md", text).problems
    assert problem.cause == cause
    assert [n.text for n in problem.notes] == noted


def test_a_line_of_links_and_a_dated_sentence_outside_a_qa_page_stay_the_article_s(tmp_path: Path) -> None:
    # Guard: under a problem's heading, a line of two links is what it points to, and a sentence that
    # says when something was answered is its text.
    text = (
        "# Install fails\n\n## Symptoms\n\nInstalling stops at once.\n\n"
        "[setup](https://example.org/setup) [faq](https://example.org/faq)\n\n"
        "## Resolution\n\n1. Install setuptools.\n2. Retry.\n\n"
        "We answered Oct 2, 2023 \u2014 see the ticket for the full thread of the customer.\n"
    )
    (problem,) = _read(tmp_path, "install.md", text).problems
    assert "setup" in problem.symptoms
    assert [n.text for n in problem.notes] == [
        "We answered Oct 2, 2023 \u2014 see the ticket for the full thread of the customer."
    ]


FORUM_THREAD = """# [SOLVED] Backups stop with "lock held by another process" after a reboot

Category: Storage · Tags: `backup`, `locks`

---

**@ana_ops** · Mar 2, 2026

Since the reboot every backup run stops at once and the agent logs:

```
backupd[311]: error: lock held by another process (pid 97), giving up
```

Nothing else changed. Ideas?

---

**@lukas** · Mar 2, 2026

Which version of the agent are you on?

---

**@mira** · Mar 3, 2026 · ✅ Solution

The lock file lives in /var/lib/backupd and survives the reboot.

1. Stop the agent.
2. Delete `/var/lib/backupd/run.lock`.
3. Start the agent.

---

**@ana_ops** · Mar 3, 2026

That did it, thank you!

*This topic was closed automatically 3 days after the last reply.*
"""


def test_a_forum_thread_s_first_post_is_the_problem_and_the_marked_post_its_fix(tmp_path: Path) -> None:
    # A "Solved" forum topic, its posts apart by rules: the whole page was one problem whose symptoms
    # were every post's words, with no error message; the thanks and the closing line were notes.
    article = _read(tmp_path, "backup-lock.md", FORUM_THREAD)
    (problem,) = article.problems
    assert problem.symptoms.startswith("Since the reboot every backup run stops at once")
    assert "Which version" not in problem.symptoms and "@lukas" not in problem.symptoms
    assert problem.error_messages == ["backupd[311]: error: lock held by another process (pid 97), giving up"]
    assert [s.text for s in problem.steps] == [
        "Stop the agent.",
        "Delete /var/lib/backupd/run.lock.",
        "Start the agent.",
    ]
    # What the solution says before its steps is why: the cause, as an answer post's is.
    assert problem.cause == "The lock file lives in /var/lib/backupd and survives the reboot."
    assert problem.notes == []
    for said in ("Which version of the agent", "That did it, thank you!", "closed automatically", "@mira"):
        assert said in article.body


def test_a_thread_s_greeting_is_no_symptom_and_its_solution_s_explanation_the_cause(tmp_path: Path) -> None:
    # "Hello everyone," was a symptom, and the solution's explanation, before its lead-in, a note.
    text = (
        "# Mail relay rejects every message after the certificate renewal\n\n---\n\n"
        "**@tomasz** \u00b7 Feb 9, 2026\n\nHello everyone,\n\n"
        "after renewing the certificate, the relay rejects all mail and logs:\n\n```\n"
        "postfix/smtpd[812]: warning: TLS library problem: certificate verify failed\n```\n\n---\n\n"
        "**@ines** \u00b7 Feb 9, 2026 \u00b7 \u2705 Solution\n\n"
        "The new certificate was issued without its intermediate, so clients that check the chain refuse it.\n\n"
        "Here is what I did:\n\n1. Append the intermediate to the certificate file.\n2. Reload postfix.\n\n"
        "If it still fails, check the clock of the relay.\n"
    )
    article = _read(tmp_path, "relay-chain.md", text)
    (problem,) = article.problems
    assert problem.symptoms.startswith("after renewing the certificate")
    assert "Hello everyone," in article.body and "Hello" not in problem.symptoms
    assert problem.cause.startswith("The new certificate was issued without its intermediate")
    assert [s.text for s in problem.steps] == [
        "Append the intermediate to the certificate file.",
        "Reload postfix.",
    ]
    assert [(n.text, n.after) for n in problem.notes] == [
        ("Here is what I did:", False),
        ("If it still fails, check the clock of the relay.", True),
    ]


def test_a_thread_s_opening_words_and_a_solution_that_only_instructs_stay_what_they_are(
    tmp_path: Path,
) -> None:
    # Guards: a first line that says what happens is a symptom, however short; a solution that tells
    # what to do first has no cause, and what it says before its steps is their note.
    text = (
        "# Relay rejects mail\n\n---\n\n**@tomasz** \u00b7 Feb 9, 2026\n\nMail bounces since Monday!\n\n"
        "The relay logs `certificate verify failed`.\n\n---\n\n"
        "**@ines** \u00b7 Feb 9, 2026 \u00b7 \u2705 Solution\n\n"
        "Check the chain first.\n\n1. Append the intermediate.\n2. Reload postfix.\n"
    )
    (problem,) = _read(tmp_path, "relay.md", text).problems
    assert problem.symptoms.startswith("Mail bounces since Monday!")
    assert problem.cause == ""
    assert [s.text for s in problem.steps][-2:] == ["Append the intermediate.", "Reload postfix."]


def test_a_thread_whose_bylines_name_without_an_at_takes_its_fix_from_the_marked_post(tmp_path: Path) -> None:
    # Bylines as "**ana** · Oct 2, 2023" (no "@"): the page was one problem whose steps were every
    # reply's, the rejected workaround first and the marked solution second.
    text = (
        "# Export stops with a stale spool lock\n\n**ana** \u00b7 Oct 2, 2024\n\n"
        "Every export stops at once and the service logs:\n\n```\n"
        "spoold: cannot open queue: spool lock held by pid 812\n```\n\n---\n\n"
        "**Bo Lind** \u00b7 Oct 2, 2024\n\nI just remove the lock:\n\n"
        "1. Delete `/var/spool/exportd/queue.lock`.\n2. Restart the export.\n\n---\n\n"
        "**staff** \u00b7 3 Oct 2024 \u00b7 \u2705 Solution\n\n"
        "Please keep the lock file. Instead:\n\n1. Set `lock.wait: 30m` in the export job.\n"
        "2. Run `exportd reload`.\n"
    )
    article = _read(tmp_path, "spool-lock.md", text)
    (problem,) = article.problems
    assert [s.text for s in problem.steps] == ["Set lock.wait: 30m in the export job.", "Run exportd reload."]
    assert problem.symptoms.startswith("Every export stops at once")
    assert "Delete /var/spool/exportd/queue.lock" in article.body


def test_a_bold_label_and_a_separator_without_a_date_open_no_post(tmp_path: Path) -> None:
    # Guard: "**Update** - see below" after a rule is a paragraph of the page, not a byline.
    text = (
        "# Export stops\n\n## Symptoms\n\nEvery export stops at once.\n\n---\n\n"
        "**Update** - see below\n\n---\n\n**Note** \u00b7 the fix is simple\n\n"
        "## Resolution\n\n1. Restart the export.\n"
    )
    (problem,) = _read(tmp_path, "update.md", text).problems
    assert [s.text for s in problem.steps] == ["Restart the export."]


@pytest.mark.parametrize(
    "chatter",
    [
        "Hey @tomasz,\n\nSame here, spent two days on it.",
        "This worked for me on 3.2.1.",
        "> the relay rejects all mail\n\nThis worked for me on 3.2.1.",
    ],
)
def test_a_solution_s_greeting_and_chatter_before_its_steps_are_no_cause(
    chatter: str, tmp_path: Path
) -> None:
    # A greeting, a "same here" or a "this worked for me" was the problem's cause.
    text = (
        "# Relay rejects mail\n\n---\n\n**@tomasz** \u00b7 Feb 9, 2026\n\n"
        "The relay rejects all mail since the renewal.\n\n---\n\n"
        f"**@ines** \u00b7 Feb 9, 2026 \u00b7 \u2705 Solution\n\n{chatter}\n\n"
        "1. Append the intermediate.\n2. Reload postfix.\n"
    )
    article = _read(tmp_path, "relay.md", text)
    (problem,) = article.problems
    assert problem.cause == ""
    said = " ".join(n.text for n in problem.notes) + article.body
    assert "worked for me" in said or "two days" in said


def test_a_solution_that_says_where_the_error_comes_from_gives_the_cause(tmp_path: Path) -> None:
    # Guard: an explanation in a cause's words, the solution's first paragraph, is the cause.
    text = (
        "# Relay rejects mail\n\n---\n\n**@tomasz** \u00b7 Feb 9, 2026\n\n"
        "The relay rejects all mail since the renewal.\n\n---\n\n"
        "**@ines** \u00b7 Feb 9, 2026 \u00b7 \u2705 Solution\n\n"
        "That error comes from a chain without its intermediate.\n\n"
        "1. Append the intermediate.\n2. Reload postfix.\n"
    )
    (problem,) = _read(tmp_path, "relay.md", text).problems
    assert problem.cause == "That error comes from a chain without its intermediate."


@pytest.mark.parametrize(
    ("opening", "symptom"),
    [
        # A few words and "!" that say what happens: a symptom (it was taken for a greeting and lost).
        ("Alerts broke completely!", True),
        ("Backups fail again!", True),
        # Greetings (guards).
        ("Good morning everyone,", False),
        ("Hey @ines!", False),
    ],
)
def test_a_thread_s_greeting_is_a_greeting_word_not_any_short_exclamation(
    opening: str, symptom: bool, tmp_path: Path
) -> None:
    text = (
        f"# Relay rejects mail\n\n---\n\n**@tomasz** \u00b7 Feb 9, 2026\n\n{opening}\n\n"
        "The relay logs `certificate verify failed`.\n\n---\n\n"
        "**@ines** \u00b7 Feb 9, 2026 \u00b7 \u2705 Solution\n\n1. Append the intermediate.\n"
    )
    article = _read(tmp_path, "relay.md", text)
    (problem,) = article.problems
    assert problem.symptoms.startswith(opening) is symptom
    assert opening in problem.symptoms + article.body


# A solved thread as a forum exports it, with the site's links to other threads under the last post.
THREAD_WITH_RELATED = (
    "# Quillmark sync stops after the 7.1 upgrade\n\n**rsato** \u00b7 Jun 4, 2025\n\n"
    "Since 7.1 the nightly sync of the shelf stops and the agent logs:\n\n```\n"
    "qmsync: QM-4471 shelf token rejected by vault (scope mismatch)\n```\n\n---\n\n"
    "**dkoval** \u00b7 Jun 4, 2025\n\nTry restarting the agent:\n\n"
    "1. Run `qmctl restart`.\n2. Start the sync again.\n\n---\n\n"
    "**helena** \u00b7 Jun 5, 2025 \u00b7 \u2705 Solution\n\n"
    "The 7.1 agent asks the vault for a narrower scope than old tokens carry.\n\n"
    "1. Run `qmctl token renew --scope shelf`.\n2. Start the sync again.\n\n---\n\n"
    "{label}\n\n| Topic | Replies | Views |\n|---|---|---|\n"
    "| [Quillmark sync slow on NFS](https://forum.example/t/412) | 3 | 210 |\n"
)


@pytest.mark.parametrize("label", ["**Related topics**", "**Temas relacionados**", "## See also"])
def test_a_thread_s_related_topics_after_its_posts_are_the_page_s_furniture(
    label: str, tmp_path: Path
) -> None:
    # The forum's "Related topics" table under the last post made the page no thread: its error was
    # lost, the rejected restart was step 1 and the bylines and replies notes of the fix.
    article = _read(tmp_path, "qm-sync.md", THREAD_WITH_RELATED.format(label=label))
    (problem,) = article.problems
    assert problem.error_messages == ["qmsync: QM-4471 shelf token rejected by vault (scope mismatch)"]
    assert [s.text for s in problem.steps] == [
        "Run qmctl token renew --scope shelf.",
        "Start the sync again.",
    ]
    assert problem.cause == "The 7.1 agent asks the vault for a narrower scope than old tokens carry."
    assert problem.notes == []
    assert "Quillmark sync slow on NFS" in article.body and "qmctl restart" in article.body


def test_a_heading_of_its_own_after_a_thread_s_posts_still_makes_it_no_thread(tmp_path: Path) -> None:
    # Guard: only the site's furniture may follow the posts; a heading that says anything else leaves
    # the page read as a page, the heading a problem of its own.
    posts = THREAD_WITH_RELATED.split("---\n\n{label}")[0]
    text = posts + "## Token scopes in 7.1\n\nEach shelf token now names its scope.\n"
    problems = _read(tmp_path, "qm-sync.md", text).problems
    assert [p.title for p in problems] == [
        "Quillmark sync stops after the 7.1 upgrade",
        "Token scopes in 7.1",
    ]


def test_a_page_that_is_no_solved_thread_is_read_as_a_page(tmp_path: Path) -> None:
    # No post marked as the solution, nor the title as solved ("[SOLVED] …", which makes the first reply
    # that gives steps the fix): no fix to tell, the page is read as before.
    unsolved = FORUM_THREAD.replace(" · ✅ Solution", "").replace("# [SOLVED] ", "# ")
    # One byline only (a blog post's author's), the other posts signed in words: no thread.
    signed = (
        FORUM_THREAD.replace("**@lukas** · Mar 2, 2026", "Lukas asked on Mar 2, 2026")
        .replace("**@mira** · Mar 3, 2026 · ✅ Solution", "Mira answered · ✅ Solution")
        .replace("**@ana_ops** · Mar 3, 2026", "Ana replied on Mar 3, 2026")
    )
    for text in (unsolved, signed):
        (problem,) = _read(tmp_path, "backup-lock.md", text).problems
        assert problem.whole_article
        assert "Which version of the agent" in problem.symptoms


# A Reddit thread exported as one page: the post asked under its byline ("u/name · 5h"), each reply
# under its own with its points ("**u/name** · 4h · ▲ 42"), a reply to a reply quoted under it.
REDDIT_THREAD = """# Tidewell backups stall at "TDW-2209 handshake refused" after the router swap

u/harbor_hal \u00b7 6h

Since I swapped the router, every Tidewell backup stalls and the agent shows TDW-2209.

**u/pier_pat** \u00b7 5h \u00b7 \u25b2 57

1. Open port 7781 on the new router.
2. Restart the agent: `tidewell restart`

> **u/shortcut_sam** \u00b7 5h \u00b7 \u25b2 2
>
> Just turn on `skip_handshake=true` in agent.ini, never had a problem since.
"""


def test_a_reply_quoted_after_a_reddit_fix_is_no_step_nor_error_message(tmp_path: Path) -> None:
    # The quoted reply was glued onto the last step and read as the problem's error message.
    article = _read(tmp_path, "tidewell.md", REDDIT_THREAD)
    (problem,) = article.problems
    assert [s.text for s in problem.steps] == [
        "Open port 7781 on the new router.",
        "Restart the agent: tidewell restart",
    ]
    assert problem.error_messages == []
    assert (
        problem.symptoms
        == "Since I swapped the router, every Tidewell backup stalls and the agent shows TDW-2209."
    )
    for said in ("u/harbor_hal", "u/pier_pat", "skip_handshake=true"):
        assert said in article.body


def test_a_reddit_byline_over_the_fix_is_no_cause(tmp_path: Path) -> None:
    # The reply quoted before the fix's byline was an error message, and "**u/pier_pat** · 5h · ▲ 57"
    # the cause.
    byline = "**u/pier_pat** \u00b7 5h \u00b7 \u25b2 57"
    head, fix = REDDIT_THREAD.split(byline)
    fix, quoted = fix.split("> ", 1)
    article = _read(tmp_path, "tidewell.md", f"{head}> {quoted}\n{byline}{fix}")
    (problem,) = article.problems
    assert problem.cause == ""
    assert problem.error_messages == []
    assert problem.steps[0].text == "Open port 7781 on the new router."
    assert "u/pier_pat" in article.body and "skip_handshake=true" in article.body


REDDIT_PAGE = """r/homelab \u00b7 Posted by u/harbor_hal \u00b7 6h

# Tidewell backups stall at "TDW-2209 handshake refused" after the router swap

Since I swapped the router, every Tidewell backup stalls. Anyone?

---

**u/quick_quinn** \u00b7 5h \u00b7 \u25b2 4

> **u/harbor_hal** \u00b7 4h \u00b7 \u25b2 1 (OP)
>
> Tried that, still stalls.

---

**u/pier_pat** \u00b7 5h \u00b7 \u25b2 1.2k

1. Open port 7781 on the new router.
2. Restart the agent.

> **u/shortcut_sam** \u00b7 5h \u00b7 \u25b2 2
>
> Just turn off the handshake check in agent.ini.

---

**u/ModBot** \u00b7 6h \u00b7 \u25b2 1

Please flair your post once it is solved.
"""


def test_a_reddit_thread_s_top_voted_reply_is_the_fix_and_the_others_are_the_page_s(tmp_path: Path) -> None:
    # No reply is marked: the page was read as one problem whose notes were the other replies, the
    # moderators' bot and every byline.
    article = _read(tmp_path, "tidewell.md", REDDIT_PAGE)
    (problem,) = article.problems
    assert problem.symptoms == "Since I swapped the router, every Tidewell backup stalls. Anyone?"
    assert [s.text for s in problem.steps] == ["Open port 7781 on the new router.", "Restart the agent."]
    assert problem.notes == [] and problem.cause == "" and problem.error_messages == []
    for said in ("Tried that", "handshake check", "flair your post", "u/quick_quinn"):
        assert said in article.body


def test_a_reddit_post_s_counts_and_the_sort_control_are_no_symptoms(tmp_path: Path) -> None:
    # Its points, comments and buttons under the post, and "Sort by: Top" over the replies, were symptoms.
    page = REDDIT_PAGE.replace(
        "Anyone?\n\n---\n\n",
        "Anyone?\n\n\u25b2 12 \u00b7 \U0001f4ac 5 comments \u00b7 Share \u00b7 Save\n\n---\n\n**Sort by: Top**\n\n---\n\n",
    )
    article = _read(tmp_path, "tidewell.md", page)
    (problem,) = article.problems
    assert problem.symptoms == "Since I swapped the router, every Tidewell backup stalls. Anyone?"
    assert "5 comments" in article.body and "Sort by: Top" in article.body


@pytest.mark.parametrize("line", ["12 comments were lost · Share the log", "Sort by severity: worst first"])
def test_a_sentence_that_counts_comments_or_sorts_stays_a_symptom(tmp_path: Path, line: str) -> None:
    # Guard: a count in a sentence, or "sort by" that says how, is what the page says.
    text = f"# Tidewell backups stall\n\n## Symptoms\n\n{line}\n\n## Resolution\n\n1. Open port 7781.\n"
    (problem,) = _read(tmp_path, "tidewell.md", text).problems
    assert problem.symptoms == line


def test_a_line_that_only_names_a_reddit_user_opens_no_post(tmp_path: Path) -> None:
    # Guard: a user named in a sentence, or with no age after the name, is the page's text.
    text = (
        "# Tidewell backups stall\n\n## Symptoms\n\nu/harbor_hal reported that every backup stalls.\n\n"
        "u/pier_pat \u00b7 moderator\n\n## Resolution\n\n1. Open port 7781 on the new router.\n"
    )
    (problem,) = _read(tmp_path, "tidewell.md", text).problems
    assert problem.symptoms.startswith("u/harbor_hal reported that every backup stalls.")
    assert "u/pier_pat" in problem.symptoms
    assert [s.text for s in problem.steps] == ["Open port 7781 on the new router."]


# A Microsoft Q&A question saved as one page: bylines dated by age ("· 3 weeks ago"), the accepted answer
# under its bold label, its prompt and helpful count under its steps, a comment with a reply quoted under it.
QA_PAGE = """# Quillpost cannot open the team vault: "QP-4471 vault unreachable"

**Dana Whitcombe** \u00b7 3 weeks ago

Opening the shared vault from the branch office fails with:

```
QP-4471 vault unreachable
```

---

**Accepted answer**

**Orrin-Support** \u00b7 3 weeks ago

QP-4471 means the client cannot reach the vault gateway on TCP port 9443.

1. Check the port: `qp doctor --port 9443`
2. Allow outbound TCP 9443 to the gateway on the branch firewall.

Please "Accept the answer" and "Upvote" if the information helped you.

12 people found this answer helpful.

---

**Marek Ilves** \u00b7 2 weeks ago

I get `QP-4480` instead. Same cause?

> **Orrin-Support** \u00b7 2 weeks ago
>
> @Marek QP-4480 is different: the vault key was rotated. Rebind the client under **Vault keys**.

---

Sign in to answer \u00b7 Was this page helpful? Yes No
"""


def test_a_q_and_a_page_s_accepted_answer_is_the_fix_and_a_reply_under_a_comment_no_message(
    tmp_path: Path,
) -> None:
    # The reply under a comment was the problem's error message, so its words answered with the
    # accepted answer's steps; the prompt, the helpful count and the comment were notes.
    article = _read(tmp_path, "quillpost.md", QA_PAGE)
    (problem,) = article.problems
    assert problem.error_messages == ["QP-4471 vault unreachable"]
    assert problem.cause == "QP-4471 means the client cannot reach the vault gateway on TCP port 9443."
    assert [s.text for s in problem.steps] == [
        "Check the port: qp doctor --port 9443",
        "Allow outbound TCP 9443 to the gateway on the branch firewall.",
    ]
    assert problem.notes == []
    assert "Orrin" not in problem.symptoms
    for said in ("vault key was rotated", "12 people found", "Accept the answer", "Sign in to answer"):
        assert said in article.body


# An Apple Support Community thread saved as one page: its trail and state over the question, the best
# reply under "Solved by …", every byline with its writer's level, the other replies under "All replies".
COMMUNITY_THREAD = """# Trackpad stops clicking after waking the Mac

Support Community \u203a Mac \u203a Trackpad

**Solved**

Since the last update the trackpad stops clicking every time the Mac wakes from sleep.

---

**Solved by rhona_k** \u00b7 Best reply

**rhona_k** \u00b7 Level 7 (21,330 points)

This is usually the trackpad's preference file left in a bad state by the update. Try this in order:

1. Quit System Settings.
2. Delete `~/Library/Preferences/com.example.trackpad.plist`.
3. Restart the Mac.

Reply \u00b7 Helpful (14)

---

### All replies

**tomas_w** \u00b7 Author \u00b7 Level 1 (8 points)

Deleting the file did it, thanks!

Reply \u00b7 Helpful

**gus_m** \u00b7 Level 9 (140,220 points)

Is a Bluetooth mouse paired as well? Unpair it.

Reply \u00b7 **Helpful answer** (2)

---

This thread has been closed by the system or the community team.
"""


def test_a_community_thread_s_best_reply_is_the_fix_and_its_levels_buttons_and_replies_the_page_s(
    tmp_path: Path,
) -> None:
    # "All replies" was a problem whose steps were the users, their levels and buttons; the best
    # reply's byline and cause were symptoms and "Reply · Helpful (14)" a note.
    article = _read(tmp_path, "trackpad.md", COMMUNITY_THREAD)
    (problem,) = article.problems
    assert problem.symptoms == (
        "Since the last update the trackpad stops clicking every time the Mac wakes from sleep."
    )
    assert (
        problem.cause == "This is usually the trackpad's preference file left in a bad state by the update."
    )
    assert [s.text for s in problem.steps] == [
        "Quit System Settings.",
        "Delete ~/Library/Preferences/com.example.trackpad.plist.",
        "Restart the Mac.",
    ]
    assert [n.text for n in problem.notes] == ["Try this in order:"]
    for said in ("All replies", "Level 9", "Unpair it", "Helpful (14)", "closed by the system", "Solved by"):
        assert said in article.body


# A GitHub Discussions question saved as Markdown: the asker's byline says where they asked, the
# answer's says the writer's role, its mark stands under it, and a reply to it is quoted under the post.
DISCUSSION = """# Nightly export job is killed with "signal: killed"

**dkoval** asked this question in Q&A \u00b7 Feb 2, 2024

Our nightly export on the worker pool stops after about 20 minutes. The job log ends with:

```
export-worker: fatal: child process exited: signal: killed
```

---

**mirela-s** Maintainer \u00b7 Feb 3, 2024

\u2705 **Marked as answer**

The worker's container has a memory limit of 512Mi, and the export buffers the whole table in memory.

1. Raise `worker.resources.limits.memory` to `2Gi`.
2. Redeploy the worker pool and rerun the export.

> **dkoval** \u00b7 Feb 4, 2024
>
> That was it, thanks. Three clean runs since.

---

**tomasz-p** \u00b7 Feb 5, 2024

Same here on 3.2, the limit fixed it.
"""


@pytest.mark.parametrize("replies", ["all", "answer only"])
def test_a_discussion_s_marked_answer_is_the_fix_and_a_reply_quoted_under_it_no_error_message(
    replies: str, tmp_path: Path
) -> None:
    # The bylines opened no post (a role or "asked this question in" before the date): the reply quoted
    # under the answer was the first error message and glued onto its last step.
    text = DISCUSSION if replies == "all" else DISCUSSION.split("\n---\n\n**tomasz-p**")[0]
    article = _read(tmp_path, "export-killed.md", text)
    (problem,) = article.problems
    assert problem.error_messages == ["export-worker: fatal: child process exited: signal: killed"]
    assert [s.text for s in problem.steps] == [
        "Raise worker.resources.limits.memory to 2Gi.",
        "Redeploy the worker pool and rerun the export.",
    ]
    assert problem.cause.startswith("The worker's container has a memory limit of 512Mi")
    assert problem.symptoms.startswith("Our nightly export on the worker pool stops")
    assert "Marked as answer" not in problem.symptoms + problem.cause
    for said in (
        "Three clean runs since",
        "Maintainer",
        "Same here on 3.2" if replies == "all" else "dkoval",
    ):
        assert said in article.body


def test_a_bold_word_then_more_words_and_a_date_opens_no_post(tmp_path: Path) -> None:
    # Guard: a bold word that is no user, with words and a date after it, is what the page says.
    text = (
        "# Export killed\n\n**Fixed** in release 4.2 \u00b7 Feb 3, 2024\n\nThe export stops.\n\n---\n\n"
        "**Workaround** for older releases \u00b7 Feb 4, 2024\n\n1. Raise the memory limit.\n"
    )
    article = _read(tmp_path, "export.md", text)
    assert "Fixed in release 4.2" in article.problems[0].symptoms + article.body
    assert [s.text for s in article.problems[0].steps] == ["Raise the memory limit."]


# A Discourse topic saved as Markdown: the solution's mark and a system post's action stand between the
# writer's name and the date, and each post ends with its likes; the topic's counts close the page.
DISCOURSE_TOPIC = """# Nightly backups stop halfway since the 5.1 upgrade

[Help](https://forum.example.org/c/help/4) \u00b7 [backup](https://forum.example.org/tag/backup)

---

**kmeyer** \u00b7 Mar 3

Since the upgrade to 5.1 the nightly backup stops halfway. The log has:

```
backup: cannot write chunk 118: No space left on device (os error 28)
```

2 Likes

---

**ops_ronja** \u2705 Solution \u00b7 Mar 4

The upgrade moved the staging folder to /tmp, which is a small tmpfs on most hosts.

1. Set `staging_dir: /var/lib/backup/staging` in backup.yml.
2. Restart the backup service.

5 Likes

---

**system** Closed \u00b7 Mar 6

This topic was automatically closed 2 days after the last reply. New replies are no longer allowed.

---

2 Replies \u00b7 2 Users \u00b7 7 Likes
"""


def test_a_discourse_topic_s_solution_post_is_the_fix_and_its_likes_and_system_post_the_page_s(
    tmp_path: Path,
) -> None:
    # "**ops_ronja** ✅ Solution · Mar 4" opened no post (the mark before the date), so the page was one
    # problem: every post's words its symptoms, the pasted output no error message, no cause, and the
    # likes, the system post and the topic's counts notes of the fix.
    article = _read(tmp_path, "backup-staging.md", DISCOURSE_TOPIC)
    (problem,) = article.problems
    assert problem.symptoms == "Since the upgrade to 5.1 the nightly backup stops halfway. The log has:"
    assert problem.error_messages == ["backup: cannot write chunk 118: No space left on device (os error 28)"]
    assert (
        problem.cause == "The upgrade moved the staging folder to /tmp, which is a small tmpfs on most hosts."
    )
    assert [s.text for s in problem.steps] == [
        "Set staging_dir: /var/lib/backup/staging in backup.yml.",
        "Restart the backup service.",
    ]
    assert problem.notes == []
    for said in ("automatically closed", "ops_ronja", "7 Likes"):
        assert said in article.body


def test_a_bold_name_and_an_action_before_a_date_is_no_post_outside_a_thread(tmp_path: Path) -> None:
    # Guard: a bold name, a word and a date after a rule, on a page whose posts mark no solution, are
    # what the page says: its steps stay its steps.
    text = (
        "# Office hours\n\n## Symptoms\n\nThe helpdesk does not answer.\n\n---\n\n"
        "**Helpdesk** Closed \u00b7 Dec 24\n\n## Resolution\n\n1. Call the on-call number.\n"
    )
    article = _read(tmp_path, "hours.md", text)
    (problem,) = article.problems
    assert [s.text for s in problem.steps] == ["Call the on-call number."]
    assert "Helpdesk Closed" in problem.symptoms + article.body


# A GitHub Discussions page saved whole: the repository's header and tabs over the question, the
# reactions under each post, and the marked answer's steps under a "Fix:" label of their own.
DISCUSSION_PAGE = """# Worker pods restart with "exit code 137" during image builds #512

[kilnworks](https://github.com/kilnworks) / **[kiln](https://github.com/kilnworks/kiln)** \u00b7 Public

<> Code \u00b7 Issues 87 \u00b7 Pull requests 9 \u00b7 **Discussions** \u00b7 Actions \u00b7 Security

**Answered** by **dmitri-v** \u00b7 Q&A

**sofia-l** asked this question in Q&A \u00b7 Apr 2, 2024

Image builds on our cluster restart the worker halfway. The pod's last state shows:

```
kiln-worker: fatal: build step killed: exit code 137
```

\U0001f44d 9 \u00b7 \U0001f440 2

---

**dmitri-v** Maintainer \u00b7 Apr 3, 2024

\u2705 **Marked as answer**

Exit code 137 means the kernel killed the worker with SIGKILL, because the build cache is held in memory and grows past the pod's limit.

Fix:

1. Set `cache.backend: disk` in kiln.yaml.
2. Roll out the worker again.

\U0001f44d 17 \u00b7 \U0001f389 3 \u00b7 \u2764\ufe0f 2
"""


def test_a_discussion_s_fix_label_reactions_and_repository_tabs_leave_it_a_thread(tmp_path: Path) -> None:
    # The "Fix:" label headed a section of its own, so the page was no thread: the tabs, the bylines and
    # the answer were symptoms, the answer's explanation no cause, the reactions a note of the fix.
    article = _read(tmp_path, "worker-137.md", DISCUSSION_PAGE)
    (problem,) = article.problems
    assert (
        problem.symptoms
        == "Image builds on our cluster restart the worker halfway. The pod's last state shows:"
    )
    assert problem.error_messages == ["kiln-worker: fatal: build step killed: exit code 137"]
    assert problem.cause.startswith("Exit code 137 means the kernel killed the worker with SIGKILL")
    assert [s.text for s in problem.steps] == [
        "Set cache.backend: disk in kiln.yaml.",
        "Roll out the worker again.",
    ]
    assert problem.notes == []
    for said in ("Pull requests 9", "Answered by dmitri-v", "\U0001f44d 17"):
        assert said in article.body


def test_a_page_of_labelled_parts_under_a_byline_with_no_marked_post_stays_a_page(tmp_path: Path) -> None:
    # Guard: labels of a problem's parts under a writer's byline, no post marked as the answer, are
    # that problem's parts, not a thread's.
    text = (
        "# Worker restarts during builds\n\n**sofia-l** \u00b7 Apr 2, 2024\n\n"
        "Symptoms:\n\nThe worker restarts halfway through a build.\n\n---\n\n"
        "**dmitri-v** \u00b7 Apr 3, 2024\n\nFix:\n\n1. Set `cache.backend: disk`.\n2. Roll out the worker.\n"
    )
    (problem,) = _read(tmp_path, "worker.md", text).problems
    assert "The worker restarts halfway through a build." in problem.symptoms
    assert [s.text for s in problem.steps] == ["Set cache.backend: disk.", "Roll out the worker."]


def _deploy_discussion(explanation: str) -> str:
    """A GitHub discussion whose marked answer opens with ``explanation``, then its steps."""
    return (
        '# Deploy job stops with "exit code 143"\n\n'
        "**arun-k** asked this question in Q&A \u00b7 May 6, 2024\n\n"
        "The deploy job stops after ten minutes and the log ends with:\n\n"
        "```\ndeployer: terminated: exit code 143\n```\n\n---\n\n"
        "**petra-n** Maintainer \u00b7 May 6, 2024\n\n\u2705 **Marked as answer**\n\n"
        f"{explanation}\n\n1. Set `timeout-minutes: 30` on the deploy job.\n2. Re-run the workflow.\n"
    )


def test_an_answer_that_says_what_an_error_s_code_means_to_its_reader_gives_the_cause(tmp_path: Path) -> None:
    # "you"/"your" in the sentence made it the writer's chatter: the explanation was a note before the steps.
    said = "Exit code 143 means the job got SIGTERM: your runner stops any job after its 10-minute timeout."
    (problem,) = _read(tmp_path, "deploy-143.md", _deploy_discussion(said)).problems
    assert problem.cause == said
    assert problem.notes == []
    assert [s.text for s in problem.steps] == [
        "Set timeout-minutes: 30 on the deploy job.",
        "Re-run the workflow.",
    ]


def test_an_answer_that_says_what_follows_for_its_reader_gives_no_cause(tmp_path: Path) -> None:
    # Guard: "That means you …" tells the reader what to do, of no error: a note before the steps.
    said = "That means you need a longer timeout on that job."
    (problem,) = _read(tmp_path, "deploy-143.md", _deploy_discussion(said)).problems
    assert problem.cause == ""
    assert [n.text for n in problem.notes] == [said]


# A Zendesk community post saved as one page: the vendor's official comment under its label, then the
# readers' comments, each with its votes, under "Comments" and the control that sorts them.
OFFICIAL_COMMENT = """# Invoice export to Ledgerly stopped: "HTTP 401 Unauthorized"

**Piet Vossen** \u00b7 March 4, 2025 10:12

Since Monday every invoice export to Ledgerly fails:

```
POST /v2/invoices -> 401 Unauthorized: token_expired
```

Follow \u00b7 22 votes

---

**Official comment**

**Lina Okafor** \u00b7 Invoxa Product Support \u00b7 March 5, 2025 08:40

The 401 comes from Ledgerly: its API tokens now expire after 90 days and the integration's token is older.

To fix it:

1. In Ledgerly, create a new API token.
2. In Invoxa, paste it under **Integrations** and click **Save**.

---

**Comments**

Sort by: Date \u00b7 Votes

**Ruth Abend** \u00b7 March 4, 2025 11:30

+1 same for us.

0 votes

**Kees Brand** \u00b7 March 4, 2025 12:02

+1

0 votes

---

Please sign in to leave a comment.
"""


def test_an_official_comment_is_the_fix_and_the_comments_votes_and_sign_in_prompt_the_page_s(
    tmp_path: Path,
) -> None:
    # The label, the vendor's byline and its cause were symptoms, "Follow · 22 votes" too; the comments,
    # their votes, the sort control and the sign-in prompt were notes of the fix.
    article = _read(tmp_path, "ledgerly.md", OFFICIAL_COMMENT)
    (problem,) = article.problems
    assert problem.symptoms == "Since Monday every invoice export to Ledgerly fails:"
    assert problem.error_messages == ["POST /v2/invoices -> 401 Unauthorized: token_expired"]
    assert problem.cause.startswith("The 401 comes from Ledgerly")
    assert [s.text for s in problem.steps] == [
        "In Ledgerly, create a new API token.",
        "In Invoxa, paste it under Integrations and click Save.",
    ]
    assert [n.text for n in problem.notes] == ["To fix it:"]
    for said in (
        "Official comment",
        "Invoxa Product Support",
        "+1 same for us",
        "Sort by",
        "sign in",
        "22 votes",
    ):
        assert said in article.body


def test_a_heading_among_posts_that_heads_neither_replies_nor_a_post_keeps_the_page_as_it_was(
    tmp_path: Path,
) -> None:
    # Guard: under "## Workaround", a part's heading, the posts are no thread: the page is read as a page.
    text = (
        "# Trackpad stops clicking\n\n**rhona_k** \u00b7 3 weeks ago\n\nThe trackpad stops clicking.\n\n---\n\n"
        "**Accepted answer**\n\n**tomas_w** \u00b7 2 weeks ago\n\nSame here.\n\n"
        "## Workaround\n\n1. Restart the Mac.\n"
    )
    (problem,) = _read(tmp_path, "trackpad.md", text).problems
    assert [(s.group, s.text) for s in problem.steps][-1] == ("Workaround", "Restart the Mac.")
    assert "Same here." in [s.text for s in problem.steps]


def test_a_post_s_helpful_count_votes_and_accept_prompt_are_no_notes(tmp_path: Path) -> None:
    # What a community site prints under an answer, copied with it, was notes of the fix.
    text = (
        "# Ledgerly export fails\n\n## Symptoms\n\nEvery export fails with 401.\n\nFollow \u00b7 22 votes\n\n"
        "## Resolution\n\n1. Create a new API token.\n2. Paste it under Integrations.\n\n"
        'If this helped, please click "Accept Answer" and upvote it.\n\n9 people found this answer helpful.\n\n'
        "Reply \u00b7 **Helpful answer** (3)\n\n0 {count} comments\n\nSort by: Date \u00b7 Votes\n"
    )
    article = _read(tmp_path, "ledgerly.md", text)
    (problem,) = article.problems
    assert problem.symptoms == "Every export fails with 401."
    assert problem.notes == []
    for said in ("22 votes", "Accept Answer", "9 people found", "Helpful answer", "{count}", "Sort by"):
        assert said in article.body


def test_a_sentence_that_asks_to_mark_something_or_counts_votes_stays_the_article_s(tmp_path: Path) -> None:
    # Guard: a request that names no answer, and votes counted in a sentence, are what the page says.
    text = (
        "# Ledgerly export fails\n\n## Symptoms\n\n3 votes were lost after the migration.\n\n"
        "## Resolution\n\n1. Create a new API token.\n\n"
        "Please mark the ticket as solved once exports resume.\n"
    )
    (problem,) = _read(tmp_path, "ledgerly.md", text).problems
    assert problem.symptoms == "3 votes were lost after the migration."
    assert [n.text for n in problem.notes] == ["Please mark the ticket as solved once exports resume."]


# An issue tracker's issue exported as one page: the body under its bug report template's headings,
# then each comment after a rule, opened by its byline.
ISSUE = """\
# `ferrolink sync` stops with "FL-0931 manifest epoch mismatch" after 4.0 #552

**Labels:** `bug` `regression`

### Describe the bug

Since the upgrade every `ferrolink sync` of an old bucket stops:

```
ferrolink: FL-0931 manifest epoch mismatch (local 3, remote 4)
```

### Steps to reproduce

1. Create a bucket with ferrolink 3.8.
2. Upgrade the client to 4.0.
3. Run `ferrolink sync` on the bucket.

### Expected behavior

The sync should go on as it did on 3.8.

---

**@okoro** (Maintainer) commented on Jan 9, 2025

4.0 writes the manifest in a new epoch, so buckets made by 3.x no longer match it. To bring a bucket over:

1. Run `ferrolink manifest upgrade` in the bucket.
2. Run `ferrolink sync --full` once.
"""


def test_an_issue_s_steps_to_reproduce_and_expected_behaviour_are_no_fix_steps(tmp_path: Path) -> None:
    # "Steps to reproduce" and "Expected behavior" were the fix's first groups of steps, so a pasted
    # error was answered with how to make it happen.
    article = _read(tmp_path, "ferrolink-552.md", ISSUE)
    (problem,) = article.problems
    assert [s.text for s in problem.steps] == [
        "Run ferrolink manifest upgrade in the bucket.",
        "Run ferrolink sync --full once.",
    ]
    assert problem.symptoms.startswith("Since the upgrade every ferrolink sync of an old bucket stops")
    assert problem.error_messages == ["ferrolink: FL-0931 manifest epoch mismatch (local 3, remote 4)"]
    assert "Create a bucket with ferrolink 3.8." in problem.body


def test_an_issue_s_reply_by_its_maintainer_is_its_fix_and_its_explanation_the_cause(tmp_path: Path) -> None:
    # The maintainer's comment after the rule was steps of "Expected behavior", and what it says
    # first to explain, before its lead-in, a note.
    article = _read(tmp_path, "ferrolink-552.md", ISSUE)
    (problem,) = article.problems
    assert (
        problem.cause == "4.0 writes the manifest in a new epoch, so buckets made by 3.x no longer match it."
    )
    assert [(n.text, n.after) for n in problem.notes] == [("To bring a bucket over:", False)]
    assert "@okoro (Maintainer) commented on Jan 9, 2025" in article.body


FULL_ISSUE = (
    ISSUE.replace(
        "---\n\n**@okoro**",
        """### Environment

- OS: Alpine 3.19
- ferrolink: 4.0.0

<details>
<summary>Full log</summary>

```
2025-01-08 22:41:03 INFO  sync started, 1204 objects
2025-01-08 22:41:04 ERROR FL-0931 manifest epoch mismatch (local 3, remote 4)
```

</details>

---

**@pjanssen** commented on Jan 9, 2025

Same on Windows with 4.0.0.

---

**@okoro**""",
    )
    + "\n---\n\n**@pjanssen** commented on Jan 10, 2025\n\nThat did it, thank you.\n"
)


def test_an_issue_s_environment_and_log_are_where_it_is_seen_and_other_replies_its_body(
    tmp_path: Path,
) -> None:
    # The Environment's bullets and the log in a fold were steps before the fix's, another user's
    # "same here" and the thanks after the fix were more of the Environment and a note of the fix.
    article = _read(tmp_path, "ferrolink-552.md", FULL_ISSUE)
    (problem,) = article.problems
    assert [s.text for s in problem.steps] == [
        "Run ferrolink manifest upgrade in the bucket.",
        "Run ferrolink sync --full once.",
    ]
    assert problem.seen_in.startswith("OS: Alpine 3.19\nferrolink: 4.0.0")
    assert "sync started, 1204 objects" in problem.seen_in
    assert "Same on Windows" not in problem.seen_in
    assert [n.text for n in problem.notes] == ["To bring a bucket over:"]
    for said in (
        "@pjanssen commented on Jan 9, 2025",
        "Same on Windows with 4.0.0.",
        "That did it, thank you.",
    ):
        assert said in article.body


def test_a_bug_report_that_no_reply_answers_has_no_fix_steps(tmp_path: Path) -> None:
    # With no reply by the project's people, nor one marked, the page was read as a whole: its steps
    # to reproduce were its fix. What the replies say is searchable, but no fix.
    article = _read(tmp_path, "ferrolink-552.md", ISSUE.replace(" (Maintainer)", ""))
    (problem,) = article.problems
    assert problem.steps == []
    assert problem.symptoms.startswith("Since the upgrade every ferrolink sync")
    assert "Create a bucket with ferrolink 3.8." in problem.body + article.body


def test_a_page_of_no_bug_report_is_no_issue_whatever_reply_follows_its_rule(tmp_path: Path) -> None:
    # Guard: headings that are no bug report template's make no issue: the page is read as before,
    # its lists its steps.
    text = (
        ISSUE.replace("### Describe the bug", "### Background")
        .replace("### Steps to reproduce", "### Setup")
        .replace("### Expected behavior", "### Notes on the setup")
    )
    (problem,) = _read(tmp_path, "ferrolink-552.md", text).problems
    assert problem.whole_article
    assert problem.cause == ""
    assert problem.steps[0].text == "Create a bucket with ferrolink 3.8."


@pytest.mark.parametrize(
    "opening",
    [
        "Thanks for the report, so I had a look. To bring a bucket over:",
        "Upgrade the manifest first, so the epochs match. Then:",
        "4.0 writes the manifest in a new epoch, so that old buckets are read once. To bring a bucket over:",
    ],
)
def test_an_issue_reply_s_chatter_instruction_or_purpose_before_a_lead_in_is_no_cause(
    opening: str, tmp_path: Path
) -> None:
    # Guard: only an explanation of a thing ("…, so …" saying what follows from it) is the cause.
    text = ISSUE.replace(
        "4.0 writes the manifest in a new epoch, so buckets made by 3.x no longer match it. To bring a bucket over:",
        opening,
    )
    (problem,) = _read(tmp_path, "ferrolink-552.md", text).problems
    assert problem.cause == ""


# A GitLab issue exported to Markdown: its bug template's headings, which ask what happens, its quick
# actions, then its comments under "Activity", each opened by a byline with no rule between them, among
# them the tracker's notes of what someone did.
GITLAB_ISSUE = """\
# Tallyarc exports stop with "ARC-220: checksum mismatch" after 5.2 (#418)

**Labels:** ~bug

## What is the current *bug* behavior?

The export log ends with:

```
ARC-220: checksum mismatch on segment 14
```

## What is the expected *correct* behavior?

The export completes.

/label ~bug
/assign @rvoss

### Activity

**Lena Ortiz** @lortiz · 2 weeks ago

> changed the description

**Ravi Voss** @rvoss · 2 weeks ago

5.2 compresses segments before it hashes them, so archives written by 5.1 no longer match. To repair one:

1. Run `tallyarc rehash` on the archive.
2. Start the export again.

**Lena Ortiz** @lortiz · 1 week ago

That fixed it, thanks :thumbsup:

**Ravi Voss** @rvoss · 1 week ago

> mentioned in merge request !57
"""


def test_a_gitlab_issue_s_template_headings_are_one_problem_titled_by_the_issue(tmp_path: Path) -> None:
    # "What is the current bug behavior?" was a problem of its own, its log its one step, and the
    # expected behaviour another.
    article = _read(tmp_path, "tallyarc-418.md", GITLAB_ISSUE)
    (problem,) = article.problems
    assert problem.title == 'Tallyarc exports stop with "ARC-220: checksum mismatch" after 5.2 (#418)'
    assert problem.symptoms.startswith("The export log ends with:")
    assert "The export completes." not in problem.symptoms


def test_a_gitlab_issue_s_comment_by_the_project_s_people_is_its_fix_and_its_explanation_the_cause(
    tmp_path: Path,
) -> None:
    # GitLab prints no role beside a comment: the writer whose merge request mentions the issue is the
    # project's, and their comment was notes and steps of "What is the expected correct behavior?".
    (problem,) = _read(tmp_path, "tallyarc-418.md", GITLAB_ISSUE).problems
    assert [s.text for s in problem.steps] == [
        "Run tallyarc rehash on the archive.",
        "Start the export again.",
    ]
    assert (
        problem.cause
        == "5.2 compresses segments before it hashes them, so archives written by 5.1 no longer match."
    )


def test_a_gitlab_issue_s_system_notes_are_no_error_messages(tmp_path: Path) -> None:
    # "changed the description" and "mentioned in merge request !57", quoted under a byline, were
    # error messages.
    article = _read(tmp_path, "tallyarc-418.md", GITLAB_ISSUE)
    (problem,) = article.problems
    assert problem.error_messages == ["ARC-220: checksum mismatch on segment 14"]
    assert "changed the description" in article.body
    assert "mentioned in merge request !57" in article.body


def test_a_gitlab_issue_s_quick_actions_are_the_page_s_text(tmp_path: Path) -> None:
    # "/label ~bug" was a step of the expected behaviour.
    article = _read(tmp_path, "tallyarc-418.md", GITLAB_ISSUE)
    (problem,) = article.problems
    assert not any("/label" in s.text for s in problem.steps)
    assert "/label ~bug\n/assign @rvoss" in article.body
    assert "/label" not in problem.body


def test_the_quick_actions_of_a_gitlab_issue_with_no_comments_are_no_note(tmp_path: Path) -> None:
    # An issue filed with its fix in the template's "Possible fixes" and no comment yet: the quick
    # actions that end its description were a note of the fix, shown with every answer.
    text = """\
# Nightly backup job fails with "rsync error: error in file IO (code 11)"

### Summary

The `backup` job stops halfway every night since the runner moved hosts.

### What is the current *bug* behavior?

```
rsync error: error in file IO (code 11) at receiver.c(374) [receiver=3.2.7]
```

### Possible fixes

1. Free space on the backup volume of the new runner host.
2. Re-run the `backup` job.

/label ~"type::bug" ~"group::runner"
/assign @pmarek
/milestone %"18.2"
"""
    article = _read(tmp_path, "backup-712.md", text)
    (problem,) = article.problems
    assert [s.text for s in problem.steps] == [
        "Free space on the backup volume of the new runner host.",
        "Re-run the backup job.",
    ]
    assert problem.notes == []
    assert "/assign @pmarek" in article.body


def test_slash_commands_in_a_chat_runbook_stay_its_text(tmp_path: Path) -> None:
    # Guard: only an issue's page (its bug report template's headings) ends with quick actions; a
    # runbook's chat commands after its steps are advice.
    text = (
        "# Deploy bot stops answering\n\n## Symptoms\n\nThe bot ignores `deploy` requests.\n\n"
        "## Resolution\n\n1. Restart the bot's pod.\n2. Post a test deploy request.\n\n/invite @deploybot\n"
    )
    (problem,) = _read(tmp_path, "deploybot.md", text).problems
    assert [n.text for n in problem.notes] == ["/invite @deploybot"]


def test_a_gitlab_issue_s_other_comments_and_bylines_are_no_notes(tmp_path: Path) -> None:
    # The bylines and the reporter's thanks were notes of the steps.
    article = _read(tmp_path, "tallyarc-418.md", GITLAB_ISSUE)
    (problem,) = article.problems
    assert [n.text for n in problem.notes] == ["To repair one:"]
    assert "That fixed it, thanks :thumbsup:" in article.body
    assert "Ravi Voss @rvoss · 2 weeks ago" in article.body


def test_a_gitlab_issue_read_the_same_when_its_bylines_give_ages_in_short_units(tmp_path: Path) -> None:
    # Every byline rule reads an age the same way (indexer.dates.AGE): "· 3 hrs ago" was no byline here,
    # so the maintainer's comment was no fix.
    text = GITLAB_ISSUE.replace("2 weeks ago", "3 hrs ago").replace("1 week ago", "45 mins ago")
    (problem,) = _read(tmp_path, "tallyarc-418.md", text).problems
    assert [s.text for s in problem.steps] == [
        "Run tallyarc rehash on the archive.",
        "Start the export again.",
    ]
    assert problem.error_messages == ["ARC-220: checksum mismatch on segment 14"]


def test_a_path_or_a_comment_s_own_quote_in_a_gitlab_issue_stays_what_it_was(tmp_path: Path) -> None:
    # Guard: a path alone on its line in the body is no quick action, and a quote in a comment that goes
    # on from no name (a sentence of its own) is no note of the tracker's: the comment stays the fix.
    text = GITLAB_ISSUE.replace(
        "The export log ends with:", "Logs are kept in:\n\n/var/lib/tallyarc\n\nThe export log ends with:"
    )
    text = text.replace("To repair one:", "To repair one:\n\n> Rehash only a closed archive.")
    (problem,) = _read(tmp_path, "tallyarc-418.md", text).problems
    assert "/var/lib/tallyarc" in problem.symptoms
    assert len(problem.steps) == 2
    assert "Rehash only a closed archive." in [n.text for n in problem.notes]


# A help desk's page pasted from a plain-text email: every paragraph in Courier, the parts labelled.
EMAIL_IN_COURIER = """\
<html><body><h1>Mail client cannot reach the server</h1>
<p><span style='font-family:"Courier New"'>Symptoms: Outlook shows "0x800CCC0E: cannot connect to the server".</span></p>
<p><span style='font-family:"Courier New"'>Cause: The firewall blocks port 587.</span></p>
<p><span style='font-family:"Courier New"'>Resolution: Open port 587 on the firewall, then send again.</span></p>
</body></html>
"""


def test_a_page_in_courier_throughout_is_its_parts_not_code(tmp_path: Path) -> None:
    # Each paragraph was code, one block of them, read as the problem's one step.
    [problem] = _read(tmp_path, "mail.html", EMAIL_IN_COURIER).problems
    assert problem.error_messages == ["0x800CCC0E: cannot connect to the server"]
    assert problem.cause == "The firewall blocks port 587."
    assert [s.text for s in problem.steps] == ["Open port 587 on the firewall, then send again."]


def test_fixed_width_paragraphs_are_code_only_when_the_page_has_text_in_another_font(tmp_path: Path) -> None:
    # Under proportional headings, the page's paragraphs all in Consolas: its own text, no code.
    page = (
        "<html><body><h1>Agent stops</h1><h2>Symptoms</h2>"
        '<p><span style="font-family: Consolas">The agent stops every night</span></p>'
        '<h2>Resolution</h2><p><span style="font-family: Consolas">Restart the agent</span></p>'
        "</body></html>"
    )
    [problem] = _read(tmp_path, "agent.html", page).problems
    assert problem.symptoms == "The agent stops every night"
    assert [(s.text, s.markdown) for s in problem.steps] == [("Restart the agent", "Restart the agent")]


def test_a_note_in_courier_after_the_steps_is_a_note(tmp_path: Path) -> None:
    # It was code, more text of the last step; a command in Courier, or a message its program
    # prints after "Error:", is still code (guard).
    page = (
        "<html><body><h1>Backup fails</h1><h2>Symptoms</h2><p>The log shows:</p>"
        "<p><span style='font-family:\"Courier New\"'>Error: volume is read-only</span></p>"
        "<h2>Resolution</h2><ol><li>Remount the volume:</li></ol>"
        "<p><span style='font-family:\"Courier New\"'>mount -o remount,rw /backup</span></p>"
        '<p><font face="Courier New">Note: the backup account needs write rights.</font></p>'
        '<p><font face="Courier New">The account is set in the job&#39;s options.</font></p>'
        "</body></html>"
    )
    [problem] = _read(tmp_path, "backup.html", page).problems
    assert problem.error_messages == ["volume is read-only"]
    assert [s.markdown for s in problem.steps] == [
        "Remount the volume:\n\n```\nmount -o remount,rw /backup\n```"
    ]
    assert [n.text for n in problem.notes] == [
        "Note: the backup account needs write rights.",
        "The account is set in the job's options.",
    ]


def test_an_admonition_laid_out_as_a_table_is_a_call_out(tmp_path: Path) -> None:
    # Asciidoctor lays a WARNING out as a table of its icon and its text, which Pandoc keeps: it was
    # the last step's text, pipes and all.
    text = (
        "# Gateway TLS errors\n\n## Gateway pods crash after a key rotation\n\n"
        "The pod log shows `GWY-0031 private key does not match public key`.\n\n**Procedure**\n\n"
        "1. Replace the secret with the new key.\n2. Restart the gateway.\n\n"
        "| | |\n|---|---|\n| **\u26a0\ufe0f WARNING** | Do not delete the secret before you create the new one. |\n"
    )
    (problem,) = _read(tmp_path, "gateway.md", text).problems
    assert [s.text for s in problem.steps] == ["Replace the secret with the new key.", "Restart the gateway."]
    assert [(n.markdown, n.after) for n in problem.notes] == [
        ("> [!WARNING]\n> Do not delete the secret before you create the new one.", True)
    ]


def test_a_one_row_table_whose_first_cell_names_no_admonition_stays_a_table(tmp_path: Path) -> None:
    # Guard: a row of a field and its value is no call-out, though its table looks the same.
    text = (
        "# Gateway TLS errors\n\n## Gateway pods crash after a key rotation\n\n"
        "The pod log shows `GWY-0031 private key does not match public key`.\n\n"
        "1. Replace the secret with the new key.\n2. Restart the gateway:\n\n"
        "| | |\n|---|---|\n| Timeout | 30 s |\n"
    )
    (problem,) = _read(tmp_path, "gateway.md", text).problems
    assert problem.notes == []
    assert "Timeout" in problem.steps[-1].text


@pytest.mark.parametrize(
    "footer",
    [
        "© 2024 Kassio AB",
        "Copyright © 2019–2024 PrintaNova GmbH. All rights reserved.",
        "**Hjälpte den här artikeln dig?** Ja / Nej",
        "**¿Le ha resultado útil este artículo?** Sí · No",
    ],
)
def test_a_copyright_line_or_a_localized_helpfulness_prompt_after_the_steps_is_no_note(
    tmp_path: Path, footer: str
) -> None:
    # They were notes after the steps, shown in every answer.
    text = (
        "# Receipts print question marks\n\n## Cause\n\nThe printer uses the wrong code page.\n\n"
        f"## Resolution\n\n1. Open the printer settings.\n2. Select code page 858.\n\n---\n\n{footer}\n"
    )
    (problem,) = _read(tmp_path, "receipts.md", text).problems
    assert problem.notes == []
    assert [s.text for s in problem.steps] == ["Open the printer settings.", "Select code page 858."]


def test_a_paragraph_about_copyright_notices_stays_the_article_s(tmp_path: Path) -> None:
    # Guard: a symptom about copyright lines is no footer.
    text = (
        "# Footers print twice\n\n## Symptoms\n\nCopyright notices print twice on every invoice.\n\n"
        "## Resolution\n\n1. Clear the footer field.\n"
    )
    (problem,) = _read(tmp_path, "footers.md", text).problems
    assert problem.symptoms == "Copyright notices print twice on every invoice."


# A GitHub-style FAQ entry: a folded question, what the reader sees, why, then numbered steps.
_FOLDED_FAQ = (
    "# Tallyboard FAQ\n\n<details>\n<summary><b>Why does <code>tally export</code> stop with "
    '"export aborted: ledger is sealed"?</b></summary>\n\n'
    "You will see something like:\n\n"
    "```\nfatal: export aborted: ledger is sealed (sealed by job 4471)\n```\n\n"
    "A nightly job sealed the ledger and crashed before it could unseal it.\n\n"
    "1. Unseal the ledger: `tally unseal --all`.\n2. Run `tally export` again.\n\n</details>\n"
)


def test_a_faq_answer_s_lead_in_to_the_error_it_shows_is_no_step(tmp_path: Path) -> None:
    # "You will see something like:" and the error under it were step 1, the error glued in.
    (problem,) = _read(tmp_path, "faq.md", _FOLDED_FAQ).problems
    assert "export aborted: ledger is sealed (sealed by job 4471)" in problem.error_messages
    assert [s.text for s in problem.steps] == [
        "Unseal the ledger: tally unseal --all.",
        "Run tally export again.",
    ]


def test_a_faq_answer_s_explanation_over_its_numbered_steps_is_the_cause(tmp_path: Path) -> None:
    # It was step 2, and the problem had no cause; the lead-in to the error is no cause either.
    page = _FOLDED_FAQ.replace("<details>\n<summary><b>", "## ").replace("</b></summary>", "")
    page = page.replace("<code>", "`").replace("</code>", "`")
    for text in (_FOLDED_FAQ, page.replace("\n\n</details>\n", "\n")):
        (problem,) = _read(tmp_path, "faq.md", text).problems
        assert problem.cause == "A nightly job sealed the ledger and crashed before it could unseal it."


def test_a_setting_shown_as_something_like_is_no_error_message(tmp_path: Path) -> None:
    # Guard: "something like:" announces output only where the sentence says it is seen.
    page = (
        "# Tallyboard FAQ\n\n## How do I slow down the exporter?\n\nSet the export policy to something like:\n\n"
        "```\nretry: failed-only\nmax_errors: 3\n```\n\n1. Open `tally.yml`.\n2. Restart the exporter.\n"
    )
    (problem,) = _read(tmp_path, "faq.md", page).problems
    assert problem.error_messages == []
    assert problem.steps[0].text.startswith("Set the export policy to something like:")


def _help_centre_page(overview: str) -> str:
    """A help centre's article: an Overview, then its Steps and what to expect."""
    return (
        f"# Restore badge sync in Doorwell\n\n## Overview\n\n{overview}\n\n"
        "## Steps\n\n1. In the Doorwell console, open **Sites > Sync**.\n2. Click **Renew token**.\n\n"
        "## Expected result\n\nThe Sync tab shows a green **Connected** label.\n"
    )


def test_a_help_centre_overview_that_shows_the_error_states_the_problem_its_steps_fix(tmp_path: Path) -> None:
    # The Overview was the page's text: the problem had steps only, no symptoms, message or cause.
    overview = (
        "New badges stop opening doors, and the site controller logs:\n\n"
        "```\nsync rejected: token expired (site 12)\n```\n\n"
        "This happens when the site's sync token is older than 90 days."
    )
    (problem,) = _read(tmp_path, "doorwell.md", _help_centre_page(overview)).problems
    assert problem.symptoms == "New badges stop opening doors, and the site controller logs:"
    assert problem.error_messages == ["sync rejected: token expired (site 12)"]
    assert problem.cause == "This happens when the site's sync token is older than 90 days."
    assert [s.number for s in problem.steps] == ["1", "2"]


def test_a_help_centre_overview_that_shows_no_error_stays_the_page_s_lead(tmp_path: Path) -> None:
    # Guard: an Overview that only says what the page is for states no problem.
    overview = "Doorwell syncs badges from your HR system to every site controller each night."
    article = _read(tmp_path, "doorwell.md", _help_centre_page(overview))
    (problem,) = article.problems
    assert (problem.symptoms, problem.error_messages, problem.cause) == ("", [], "")
    assert overview in article.body


ERROR_CATALOGUE = """\
# Larkspur API errors

### LSP-3307

**Message:** `Quota exhausted for project`

**Action:** Raise the project's quota in the console, then send the request again.

---

{footer}
"""


def test_a_catalogue_s_footer_of_links_and_a_date_after_its_last_rule_is_no_step(tmp_path: Path) -> None:
    # It was the last entry's second step.
    footer = "See also: [Client errors](client.md) · [Quotas](quotas.md) · Last updated 2025-01-14"
    article = _read(tmp_path, "errors.md", ERROR_CATALOGUE.format(footer=footer))
    (problem,) = article.problems
    assert [s.text for s in problem.steps] == [
        "Raise the project's quota in the console, then send the request again."
    ]
    assert problem.notes == []
    assert "Last updated 2025-01-14" in article.body


def test_a_problem_s_own_see_also_links_after_the_rule_stay_with_it(tmp_path: Path) -> None:
    # Guard: links with no date are the entry's see-also note, as before.
    footer = "See also: [Client errors](client.md) · [Quotas](quotas.md)"
    article = _read(tmp_path, "errors.md", ERROR_CATALOGUE.format(footer=footer))
    (problem,) = article.problems
    assert "Last updated" not in article.body
    assert "See also: Client errors · Quotas" in [s.text for s in problem.steps] + [
        n.text for n in problem.notes
    ]


# A fix in steps, then a rule, then what the page closes with.
RECEIPT_PAGE = """\
# Tillwick T-9 receipts print blank

## Cause

The thermal head is dirty.

## Resolution

1. Wipe the thermal head with the cleaning pen.
2. Print a test receipt.

---

{footer}
"""


@pytest.mark.parametrize(
    ("footer", "searchable"),
    [
        ("Last reviewed: 2025-11-02 by Till Support\n\nTags: `t-9` `printing`", "Tags: t-9 printing"),
        (
            "*Page owner: tills@example.test · Last reviewed 2025-08-19*",
            "Page owner: tills@example.test · Last reviewed 2025-08-19",
        ),
        ("Questions? Ask in #till-help. Page owner: @till-team", "Page owner: @till-team"),
    ],
)
def test_fields_about_the_page_after_its_last_rule_are_its_footer_not_notes(
    tmp_path: Path, footer: str, searchable: str
) -> None:
    # Each line was a note after the steps, shown in every answer.
    article = _read(tmp_path, "receipts.md", RECEIPT_PAGE.format(footer=footer))
    (problem,) = article.problems
    assert problem.notes == []
    assert [s.text for s in problem.steps] == [
        "Wipe the thermal head with the cleaning pen.",
        "Print a test receipt.",
    ]
    assert searchable in article.body


@pytest.mark.parametrize(
    "footer",
    [
        "🙋 Questions? Ping @marta in #till-help",
        "Questions? DM @till-team on Slack.",
        "Filed under Printing. Found this useful? Share it with your team!",
        "Found this helpful? Give it a clap 👏 and follow for more.",
        "Enjoyed this post? Subscribe to get the next one.",
    ],
)
def test_a_sign_off_after_the_last_rule_is_the_page_s_not_a_note(tmp_path: Path, footer: str) -> None:
    """A closing call to action (ask someone, share, clap, subscribe) after the page's last rule was a
    note of the last fix, shown in its answer."""
    article = _read(tmp_path, "receipts.md", RECEIPT_PAGE.format(footer=footer))
    (problem,) = article.problems
    assert problem.notes == []
    assert [s.text for s in problem.steps] == [
        "Wipe the thermal head with the cleaning pen.",
        "Print a test receipt.",
    ]


@pytest.mark.parametrize(
    "footer",
    [
        "Questions about the paper? Use 80 mm rolls only.",
        "Still blank? Share the test receipt with the vendor.",
    ],
)
def test_a_prompt_after_the_last_rule_that_says_what_to_do_stays_the_fix_s(
    tmp_path: Path, footer: str
) -> None:
    """Guard: a prompt over advice or a further step, which sends to no one, is no sign-off."""
    article = _read(tmp_path, "receipts.md", RECEIPT_PAGE.format(footer=footer))
    (problem,) = article.problems
    said = [n.text for n in problem.notes] + [s.text for s in problem.steps]
    assert any(footer.split("? ")[1] in text for text in said)


def test_a_field_after_the_last_rule_is_no_step_of_a_prose_fix(tmp_path: Path) -> None:
    # "Applies to: …" was the fix's second step.
    text = (
        "# Larkfold events\n\n## Event 4102\n\nThe sync queue was compacted.\n\n### Resolve\n\n"
        "No action is needed. This event is informational.\n\n---\n\n"
        "Applies to: Larkfold Server 7, Larkfold Server 8\n"
    )
    article = _read(tmp_path, "events.md", text)
    (problem,) = article.problems
    assert [s.text for s in problem.steps] == ["No action is needed. This event is informational."]
    assert "Applies to: Larkfold Server 7, Larkfold Server 8" in article.body


@pytest.mark.parametrize(
    ("prompt", "related"),
    [
        ("Czy ten artykuł był pomocny? [Tak] [Nie]", "Powiązane artykuły: [Wymiana rolki](/kb/31)"),
        ("Была ли эта статья полезной? Да · Нет", "См. также: [Чистка головки](/kb/32)"),
        ("이 문서가 도움이 되었나요? 예 / 아니요", "관련 문서: [헤드 청소](/kb/33)"),
    ],
)
def test_a_localized_feedback_prompt_and_related_pages_after_the_last_rule_are_no_notes(
    tmp_path: Path, prompt: str, related: str
) -> None:
    # Both were notes after the steps.
    article = _read(tmp_path, "receipts.md", RECEIPT_PAGE.format(footer=f"{prompt}\n\n{related}"))
    (problem,) = article.problems
    assert problem.notes == []
    assert len(problem.steps) == 2


@pytest.mark.parametrize(
    "byline",
    [
        "Artykuł nr KB-PL-4410 · Ostatnia aktualizacja: 9 lipca 2025",
        "**Статья:** TW-RU-0412 · **Обновлено:** 09.07.2025",
    ],
)
def test_a_localized_byline_under_the_title_is_no_symptom(tmp_path: Path, byline: str) -> None:
    # It opened the symptoms, and its article number was an error code.
    text = (
        f"# Tillwick T-9 receipts print blank\n\n{byline}\n\n## Symptoms\n\nReceipts come out blank.\n\n"
        "## Resolution\n\n1. Wipe the thermal head with the cleaning pen.\n"
    )
    article = _read(tmp_path, "receipts.md", text)
    (problem,) = article.problems
    assert problem.symptoms == "Receipts come out blank."
    assert problem.error_codes == []


@pytest.mark.parametrize(
    "after",
    [
        "If the receipts stay blank, replace the thermal head.",
        "Warning: do not touch the head while it is hot",
        "Then run: `tw-diag --head`",
        "Last reviewed: 2025-11-02\n\n1. Replace the thermal head.",
    ],
)
def test_a_note_or_a_step_after_the_last_rule_stays_the_fix_s(tmp_path: Path, after: str) -> None:
    # Guard: a sentence, advice, an instruction or a list after the rule is the article's, not its footer.
    article = _read(tmp_path, "receipts.md", RECEIPT_PAGE.format(footer=after))
    (problem,) = article.problems
    texts = [s.text for s in problem.steps] + [n.text for n in problem.notes]
    assert after.split("\n")[-1].removeprefix("1. ").replace("`", "") in texts


NAVIGATION_PAGE = """\
# quillmesh: Troubleshooting

{navigation}

Before you start, save the controller's events:

```sh
quillctl events --since 2h > events.txt
```

## `quota "qm-pods" exceeded`

Add nodes to the pool, or lower `spec.size`.
"""


def test_a_quoted_line_of_links_under_the_title_is_navigation_not_a_note(tmp_path: Path) -> None:
    # It was a note before the steps of the title's problem.
    navigation = "> Back to [Overview](../README.md) · [Setup](setup.md) · [Reference](ref.md)"
    article = _read(tmp_path, "trouble.md", NAVIGATION_PAGE.format(navigation=navigation))
    assert all(
        note.text != "Back to Overview · Setup · Reference" for p in article.problems for note in p.notes
    )
    assert all("Back to" not in p.symptoms for p in article.problems)
    assert "Back to Overview · Setup · Reference" in article.body


def test_a_quote_under_the_title_that_links_one_page_stays_a_note(tmp_path: Path) -> None:
    # Guard: a quoted remark with a link is the article's, not the site's navigation.
    navigation = "> The controller needs [cluster admin rights](rbac.md) for every command below."
    article = _read(tmp_path, "trouble.md", NAVIGATION_PAGE.format(navigation=navigation))
    assert any("cluster admin rights" in note.text for p in article.problems for note in p.notes)


MIGRATION_GUIDE = """\
# Upgrading Bramble 2.x to 3.0

## Breaking changes

### Hooks must return a promise

If you see `Hook "onBuild" returned undefined`, make the hook `async`.

## {heading}

- `bramble.load(path, cb)`: use `await bramble.load(path)`.
- `config.legacyPaths`, which is read as `config.paths`.
"""


def test_a_migration_guide_s_deprecations_are_no_problem(tmp_path: Path) -> None:
    # The section was a problem whose steps were the deprecated calls.
    heading = "Deprecations (still supported until 4.0)"
    article = _read(tmp_path, "upgrade.md", MIGRATION_GUIDE.format(heading=heading))
    assert not [p.title for p in article.problems if p.title.startswith("Deprecations")]
    assert not [s.text for p in article.problems for s in p.steps if "legacyPaths" in s.text]
    assert "config.legacyPaths" in article.body


def test_a_problem_about_deprecation_warnings_stays_a_problem(tmp_path: Path) -> None:
    # Guard: a heading that only speaks of deprecation names what goes wrong.
    heading = "Deprecation warnings flood the build log"
    article = _read(tmp_path, "upgrade.md", MIGRATION_GUIDE.format(heading=heading))
    assert [p.title for p in article.problems] == ["Hooks must return a promise", heading]


ASCIIDOC_LISTINGS = """\
# Quillstore replication notes

## Replica stops applying changes

The replica falls behind and its log shows:

{attributes}
{delimiter}
ERROR [apply] segment 0007A1 checksum mismatch, replica halted (QS-3318)
{delimiter}

The segment was truncated when the disk filled up.

1. Free space on the replica's data volume.
2. Fetch the segment again:

{attributes}
{delimiter}
quillctl segment refetch 0007A1
{delimiter}

3. Resume replication from the console.
"""


@pytest.mark.parametrize(
    ("attributes", "delimiter"), [("[source,text]", "----"), ("[listing]", "----"), ("[literal]", "....")]
)
def test_an_asciidoc_code_block_is_code_not_a_heading_s_underline(
    tmp_path: Path, attributes: str, delimiter: str
) -> None:
    # Its delimiters underlined the log line and the command into headings: three problems, one
    # titled by the log line, one by the command, the command and the last step lost.
    text = ASCIIDOC_LISTINGS.format(attributes=attributes, delimiter=delimiter)
    article = _read(tmp_path, "replica.md", text)
    [problem] = article.problems
    assert problem.title == "Replica stops applying changes"
    assert any("checksum mismatch, replica halted" in m for m in problem.error_messages)
    assert problem.cause == "The segment was truncated when the disk filled up."
    assert [s.text for s in problem.steps] == [
        "Free space on the replica's data volume.",
        "Fetch the segment again:\nquillctl segment refetch 0007A1",
        "Resume replication from the console.",
    ]
    # Shown as the fence it stands for, without the AsciiDoc markup.
    fence = problem.steps[1].markdown.split("\n\n")[1].split("\n")
    assert fence[0].startswith("```") and fence[1:] == ["quillctl segment refetch 0007A1", "```"]


def test_a_line_of_dashes_with_no_asciidoc_attributes_above_it_still_underlines_a_heading(
    tmp_path: Path,
) -> None:
    # Guard: only the attribute line makes the dashes a code block's delimiter.
    text = ASCIIDOC_LISTINGS.format(attributes="", delimiter="----")
    article = _read(tmp_path, "replica.md", text)
    assert "ERROR [apply] segment 0007A1 checksum mismatch, replica halted (QS-3318)" in [
        p.title for p in article.problems
    ]


ASCIIDOC_TITLES = """\
# Quillstore replication notes

## Replica refuses the primary's certificate

The replica logs:

```
WARN [tls] peer certificate for primary-2 expired at 2031-04-02
```

{cause}
The primary's certificate was issued for 90 days and nothing renews it.

{procedure}
1. Issue a new certificate with `quillctl certs renew primary-2`.
2. Reload the primary.

NOTE: Replicas pick up the new certificate on their next connection.
"""


def test_asciidoc_block_titles_name_a_problem_s_parts(tmp_path: Path) -> None:
    # ".Cause" was a line of the symptoms, and the cause with it.
    text = ASCIIDOC_TITLES.format(cause=".Cause", procedure=".Procedure")
    [problem] = _read(tmp_path, "replica.md", text).problems
    assert problem.cause == "The primary's certificate was issued for 90 days and nothing renews it."
    assert problem.symptoms == "The replica logs:"
    assert [s.text for s in problem.steps] == [
        "Issue a new certificate with quillctl certs renew primary-2.",
        "Reload the primary.",
    ]
    assert [n.text for n in problem.notes] == [
        "NOTE: Replicas pick up the new certificate on their next connection."
    ]


def test_an_asciidoc_block_title_that_names_no_part_stays_text(tmp_path: Path) -> None:
    # Guard: ".Background" titles no part of a problem; its paragraph is what is seen.
    text = ASCIIDOC_TITLES.format(cause=".Background", procedure=".Procedure")
    [problem] = _read(tmp_path, "replica.md", text).problems
    assert "issued for 90 days" in problem.symptoms
    assert ".Background" in problem.symptoms


# A Word document converted by Pandoc with its paragraph styles kept (``-t markdown+styles``): each run of
# paragraphs in one style is a div naming it, a line break inside a paragraph a "\\" at the line's end, and
# the characters Markdown would read as markup escaped, in code as in prose.
WORD_STYLED_PARAGRAPHS = """---
title: "Report Designer -- Known Issues"
---

# Export to PDF fails with a font error {#export-to-pdf-fails}

## Symptoms {#symptoms}

The export window closes and the designer's log shows:

::: {custom-style="{style}"}
ERROR PdfExporter - Export of C:\\\\Reports\\\\q3\\_sales.rdl failed\\
System.InvalidOperationException: Font \\'Segoe UI Semibold\\' could not be embedded
:::

::: {custom-style="Body Text"}
Reports that use only the default fonts export as before.
:::

## Cause {#cause}

The font's licence forbids embedding it in a document.

## Resolution {#resolution}

1.  Open the report in the designer.

2.  Set every text box's font to **Segoe UI**.

3.  Export the report again.
"""


@pytest.mark.parametrize("style", ["Source Code", "Code", "HTML Preformatted", "Console Output"])
def test_a_word_code_style_s_div_is_code_and_its_log_the_error_message(tmp_path: Path, style: str) -> None:
    """A div of a code-like Word style is a literal block: its log was prose of the symptoms, so the
    problem had no error message and a pasted exception found it at low confidence."""
    [problem] = _read(tmp_path, "designer.md", WORD_STYLED_PARAGRAPHS.replace("{style}", style)).problems
    assert problem.title == "Export to PDF fails with a font error"
    assert problem.error_messages == [
        "PdfExporter - Export of C:\\Reports\\q3_sales.rdl failed "
        "System.InvalidOperationException: Font 'Segoe UI Semibold' could not be embedded"
    ]
    assert problem.cause == "The font's licence forbids embedding it in a document."
    assert [(s.number, s.text) for s in problem.steps] == [
        ("1", "Open the report in the designer."),
        ("2", "Set every text box's font to Segoe UI."),
        ("3", "Export the report again."),
    ]
    # The style's other paragraphs stay prose of the symptoms.
    assert "Reports that use only the default fonts export as before." in problem.symptoms


def test_a_div_of_a_prose_word_style_stays_prose(tmp_path: Path) -> None:
    """Guard: a div of a style that sets prose apart (a quote, body text) is no literal block."""
    [problem] = _read(
        tmp_path, "designer.md", WORD_STYLED_PARAGRAPHS.replace("{style}", "Intense Quote")
    ).problems
    assert problem.error_messages == []
    assert (
        "System.InvalidOperationException: Font 'Segoe UI Semibold' could not be embedded" in problem.symptoms
    )


# A Word how-to styled by hand, as Pandoc converts it: bold lines where headings were meant.
WORD_BOLD_HEADINGS = """**QUILLMARK PAYROLL**

**Support Guide: Fixing Pay Run Export Errors**

**Problem 1: Pay run export fails with "Pay period locked"**

The export stops with *QPY-4410: Pay period locked. Period 2024-07 was closed by another user.*

**Step 1: Open the Periods screen**

Select **Payroll \\> Periods**.

**Step 2: Reopen the locked period from the Periods screen**

Right-click the period and choose **Reopen**.

![](media/image2.png){width="4.8in" height="2.2in"}

Figure 3: Reopening a locked period

**Step 3: Export again**

Run the export again.

**Problem 2: Export shows "Unsupported date format"**

The export shows *QPY-5120: Unsupported date format (expected ISO 8601).*

**Step 1: Change the date format**

Set **Date format** to **YYYY-MM-DD** in **Preferences**.

**Change history**

  **Rev.**   **Date**       **Change**
  ---------- -------------- ------------------
  1          02/04/2023     First issue
  2          11/09/2024     Date format added

*Quillmark Confidential -- Internal Use Only*
"""


def test_a_bold_line_that_numbers_a_problem_heads_it_without_its_label(tmp_path: Path) -> None:
    """A bold "**Problem 2: …**" line was a paragraph: both problems were read as one, the second one's message
    and its steps were steps of the first, and its title kept the "Problem 1:" label."""
    problems = _read(tmp_path, "payroll.md", WORD_BOLD_HEADINGS).problems
    assert [p.title for p in problems] == [
        'Pay run export fails with "Pay period locked"',
        'Export shows "Unsupported date format"',
    ]
    assert problems[1].error_messages == ["QPY-5120: Unsupported date format (expected ISO 8601)."]
    assert problems[1].steps[0].text == "Set Date format to YYYY-MM-DD in Preferences."
    assert not any("QPY-5120" in s.text for s in problems[0].steps)


def test_every_bold_step_line_names_its_group_whatever_its_length(tmp_path: Path) -> None:
    """A bold "Step 2: …" line longer than a label was a step of Step 1's group, while Steps 1 and 3
    named groups, as "### Step 1: …" headings do."""
    first = _read(tmp_path, "payroll.md", WORD_BOLD_HEADINGS).problems[0]
    assert list(dict.fromkeys(s.group for s in first.steps)) == [
        "Step 1: Open the Periods screen",
        "Step 2: Reopen the locked period from the Periods screen",
        "Step 3: Export again",
    ]
    step_2 = [s.text for s in first.steps if (s.group or "").startswith("Step 2")]
    assert step_2[0] == "Right-click the period and choose Reopen."


def test_the_last_bold_line_opening_a_page_of_no_heading_titles_it(tmp_path: Path) -> None:
    """A Word document's cover, its product's name over its title in bold lines: the page was titled
    by its file's name."""
    article = _read(tmp_path, "payroll.md", WORD_BOLD_HEADINGS)
    assert article.title == "Support Guide: Fixing Pay Run Export Errors"
    assert "QUILLMARK PAYROLL" in article.body


def test_a_figure_caption_under_a_picture_is_no_step(tmp_path: Path) -> None:
    """Pandoc writes a Word picture's caption as a paragraph under it: it was a step of its group."""
    first = _read(tmp_path, "payroll.md", WORD_BOLD_HEADINGS).problems[0]
    assert not any("Figure 3" in s.text for s in first.steps)


def test_a_change_history_table_and_a_classification_footer_are_the_page_s_text(tmp_path: Path) -> None:
    """The document's table of its revisions and its "Confidential" footer were steps of the last fix."""
    article = _read(tmp_path, "payroll.md", WORD_BOLD_HEADINGS)
    assert [s.text for s in article.problems[1].steps] == ["Set Date format to YYYY-MM-DD in Preferences."]
    assert "Date format added" in article.body
    assert "Quillmark Confidential" in article.body


def test_near_misses_of_a_word_document_s_pseudo_headings_read_as_before(tmp_path: Path) -> None:
    """A bold line over a page that has a heading titles nothing, a bold problem without a number is
    text, a "Figure 1:" paragraph under no picture says what to do, and a last step that names a
    classification is a step."""
    text = """**Quillmark Payroll**

# Exports stop

**Problem with the export**

Reopen the period in **Payroll \\> Periods**.

Figure 1: tick **Include closed periods** and export again.

Mark the file Confidential for the auditors
"""
    article = _read(tmp_path, "exports.md", text)
    assert article.title == "Exports stop"
    [problem] = article.problems
    assert problem.title == "Exports stop"
    assert [s.text for s in problem.steps] == [
        "Problem with the export",
        "Reopen the period in Payroll > Periods.",
        "Figure 1: tick Include closed periods and export again.",
        "Mark the file Confidential for the auditors",
    ]


CANNED_REPLY = """---
title: "Macro: Route export is empty"
---

Hello {{customer.first_name}},

Thank you for contacting the Wayfold team!

If the route export opens as an empty sheet, the route has more than 500 stops.

1. Split the route into two routes of at most 500 stops.
2. Export each route again.

Hope this helps!

Kind regards,
{{agent.name}}
Wayfold Support
"""


def test_a_canned_reply_s_greeting_and_closing_are_the_page_s_text(tmp_path: Path) -> None:
    """A help desk's macro saved as an article: "Hello ," (its placeholder left out), the thanks under it,
    "Hope this helps!" and "Kind regards," over the team's name frame the reply; they were its symptoms
    and notes of its fix."""
    article = _read(tmp_path, "macro.md", CANNED_REPLY)
    (problem,) = article.problems
    assert (
        problem.symptoms == "If the route export opens as an empty sheet, the route has more than 500 stops."
    )
    assert not problem.notes
    for kept in ("Thank you for contacting the Wayfold team!", "Hope this helps!", "Wayfold Support"):
        assert kept in article.body


def test_a_page_that_opens_with_no_greeting_keeps_its_closing_words(tmp_path: Path) -> None:
    """Guard: with no greeting the page is no letter, and "Hope this helps!" stays a note of the fix."""
    text = CANNED_REPLY.replace("Hello {{customer.first_name}},\n\n", "")
    (problem,) = _read(tmp_path, "macro.md", text).problems
    assert "Hope this helps!" in [note.text for note in problem.notes]


MAIL_KEPT_AS_ARTICLE = """# KB: Nightly backups to the tape library stop at 2 %

**From:** Jonas Weber <jonas.weber@example.org>
**Sent:** Tuesday, 9 April 2024 07:55
**To:** storage-team <storage-team@example.org>
**Subject:** RE: nightly backup failing again

Hi all,

The nightly job stopped at 2 % again. The media server log showed:

```
Media write error (84): tape drive 2 reported a hardware fault
```

**Cause:** drive 2 had not been cleaned since January, so its heads were dirty.

**What I did:**

1. Ran a cleaning cartridge in drive 2.
2. Restarted the backup job from the console.

Anna, could you add drive cleaning to the monthly checklist?

Thanks,
Jonas

--
Jonas Weber | Storage Engineer
+49 30 1234 5678

> **From:** Anna Kowalski
> **Sent:** Tuesday, 9 April 2024 06:10
> **To:** storage-team
> **Subject:** nightly backup failing again
>
> Hi team,
>
> The backup has been stuck since midnight and I restarted the media server twice but nothing changes.
>
> Cheers,
> Anna
"""


def test_a_mail_kept_as_an_article_is_read_without_its_header_letter_and_quoted_mail(tmp_path: Path) -> None:
    """A mail kept as a knowledge-base article: its header (whose subject names the failure), greeting,
    aside to a colleague, closing, signature and the earlier mail quoted under them frame what it says.
    The subject made the header no field list, so the page opened with no greeting: the header was its
    symptoms, the quoted mail's chatter an error message (a "high" answer to any sentence of it), and
    the aside, closing and signature notes of the fix."""
    article = _read(tmp_path, "backup.md", MAIL_KEPT_AS_ARTICLE)
    (problem,) = article.problems
    assert problem.symptoms == "The nightly job stopped at 2 % again. The media server log showed:"
    assert problem.error_messages == ["Media write error (84): tape drive 2 reported a hardware fault"]
    assert problem.cause == "drive 2 had not been cleaned since January, so its heads were dirty."
    assert [s.text for s in problem.steps] == [
        "Ran a cleaning cartridge in drive 2.",
        "Restarted the backup job from the console.",
    ]
    assert [note.text for note in problem.notes if "drive" in note.text or "Jonas" in note.text] == []
    for kept in ("Subject: RE: nightly backup failing again", "Hi all,", "Jonas Weber | Storage Engineer"):
        assert kept in article.body
    assert "restarted the media server twice" in article.body


@pytest.mark.parametrize(
    ("question", "noted"),
    [
        ("Marta, could you add the 500-stop limit to the route planner's help?", False),
        ("Could you reply with the route's ID if it still fails?", True),
    ],
)
def test_a_letter_s_question_to_a_colleague_by_name_is_the_page_s_text(
    tmp_path: Path, question: str, noted: bool
) -> None:
    """A question a letter puts to a colleague by name before its closing is the mail's business, not a
    note of the fix; one put to the reader (guard) stays a note."""
    text = CANNED_REPLY.replace("Hope this helps!", question)
    article = _read(tmp_path, "macro.md", text)
    (problem,) = article.problems
    assert [note.text for note in problem.notes] == ([question] if noted else [])
    assert question in article.body or noted


@pytest.mark.parametrize(
    ("quoted", "message"),
    [
        ('"RE: nightly backup failing again"', False),
        ('"Fwd: AW: nightly backup failing again"', False),
        # Guard: a message that only opens with those letters is one.
        ('"Re-authentication failed: the token has expired"', True),
    ],
)
def test_a_quoted_mail_subject_is_no_error_message(tmp_path: Path, quoted: str, message: bool) -> None:
    """A subject quoted with its reply's or forward's prefix ('Saved from the thread "RE: … failing"') is a
    mail's title, not what a program printed; it was an error message that a paste of the subject matched."""
    text = MAIL_KEPT_AS_ARTICLE.replace(
        "# KB: Nightly backups to the tape library stop at 2 %\n",
        f"# KB: Nightly backups to the tape library stop at 2 %\n\n_Saved from the failing thread {quoted}._\n",
    )
    (problem,) = _read(tmp_path, "backup.md", text).problems
    assert (quoted.strip('"') in problem.error_messages) is message


def test_a_mail_s_quoted_earlier_mail_is_no_error_message_where_no_closing_precedes_it(
    tmp_path: Path,
) -> None:
    """The mail it answers, quoted under its own header ("> **From:** …" over "> **Subject:** …"), is the
    thread's history, wherever it stands in the letter: no error message of the problem."""
    text = MAIL_KEPT_AS_ARTICLE.replace(
        "Thanks,\nJonas\n\n--\nJonas Weber | Storage Engineer\n+49 30 1234 5678\n\n", ""
    )
    (problem,) = _read(tmp_path, "backup.md", text).problems
    assert problem.error_messages == ["Media write error (84): tape drive 2 reported a hardware fault"]


def test_a_quote_of_an_error_in_a_mail_stays_its_error_message(tmp_path: Path) -> None:
    """Guard: a quote that holds no mail's header is what the writer quotes, the error it shows."""
    text = MAIL_KEPT_AS_ARTICLE.replace(
        "```\nMedia write error (84): tape drive 2 reported a hardware fault\n```",
        "> Media write error (84): tape drive 2 reported a hardware fault",
    )
    (problem,) = _read(tmp_path, "backup.md", text).problems
    assert problem.error_messages == ["Media write error (84): tape drive 2 reported a hardware fault"]


def test_fields_that_name_a_failure_are_no_mail_header_without_a_sender(tmp_path: Path) -> None:
    """Guard: "**Subject:**" and "**To:**" with no "**From:**" are no mail's header, and a value naming a
    failure keeps such lines the problem's text."""
    text = "# Sync fails\n\n**Subject:** sync failing on laptops\n**To:** helpdesk\n\nFiles stop syncing.\n\n1. Restart the client.\n"
    (problem,) = _read(tmp_path, "sync.md", text).problems
    assert "sync failing on laptops" in problem.symptoms


SERVICE_MANUAL = """# 5 Troubleshooting

## 5.3 Brewing faults

### 5.3.1 Problem: Coffee runs out too slowly

Symptom: The panel shows

    P-31 PUMP PRESSURE LOW

Cause: The brew screen is clogged with grounds.

Procedure:

1. Switch off the machine and let the group head cool.
2. Unscrew the brew screen and soak it in descaler.
3. Refit the screen and pull one empty shot.

### 5.3.2 Problem: Milk froth stays cold

Symptom: After two minutes the panel shows

    S-08 STEAM HEATER TIMEOUT

Cause: The valve of the steam wand is scaled.

**Procedure:**

1. Run the descaling programme.
2. Purge the wand for ten seconds.

## 5.5 Maintenance schedule

Empty the grounds drawer daily and descale the boiler every three months.
"""


def test_a_manual_s_procedure_label_heads_the_fix_of_its_problem(tmp_path: Path) -> None:
    """A service manual's "Procedure:" label, plain or bold, over the numbered list after "Cause: …"
    was no fix: each problem documented none."""
    problems = _read(tmp_path, "manual.md", SERVICE_MANUAL).problems
    assert [s.text for s in problems[0].steps] == [
        "Switch off the machine and let the group head cool.",
        "Unscrew the brew screen and soak it in descaler.",
        "Refit the screen and pull one empty shot.",
    ]
    assert [s.text for s in problems[1].steps] == [
        "Run the descaling programme.",
        "Purge the wand for ten seconds.",
    ]
    assert problems[0].cause == "The brew screen is clogged with grounds."


def test_a_manual_s_numbered_problem_heading_titles_it_without_its_label(tmp_path: Path) -> None:
    """ "5.3.1 Problem: …", a manual's numbered section, kept its number and label in the problem's title."""
    problems = _read(tmp_path, "manual.md", SERVICE_MANUAL).problems
    assert [p.title for p in problems[:2]] == ["Coffee runs out too slowly", "Milk froth stays cold"]


def test_a_manual_s_maintenance_schedule_is_no_problem(tmp_path: Path) -> None:
    """The routine tasks of a manual's maintenance schedule, beside its troubleshooting, were a problem
    whose step was the schedule."""
    article = _read(tmp_path, "manual.md", SERVICE_MANUAL)
    assert len(article.problems) == 2
    assert "descale the boiler every three months" in article.body


def test_a_manual_s_procedures_with_no_section_after_them_stay_their_own_problems(tmp_path: Path) -> None:
    """Without a section after them, the manual's problems were one problem titled "5 Troubleshooting",
    each problem a group of its steps."""
    text = SERVICE_MANUAL[: SERVICE_MANUAL.index("## 5.5")]
    problems = _read(tmp_path, "manual.md", text).problems
    assert [p.title for p in problems] == ["Coffee runs out too slowly", "Milk froth stays cold"]
    assert problems[1].error_messages == ["S-08 STEAM HEATER TIMEOUT"]
    assert not any(s.group for s in problems[0].steps)


def test_near_misses_of_a_manual_s_problem_sections_read_as_before(tmp_path: Path) -> None:
    """Guard: a numbered heading that names problems with no label keeps its words, and a heading that
    opens with "Maintenance" but says what fails is still a problem."""
    text = """# 7 Troubleshooting

## 7.1 Problems with the grinder

Symptom: The grinder stops after a second.

Cause: A bean is stuck under the burr.

Solution:

1. Empty the hopper.

## 7.2 Maintenance reminder never clears

Hold **Menu** for five seconds to reset the counter.
"""
    problems = _read(tmp_path, "grinder.md", text).problems
    assert [p.title for p in problems] == [
        "7.1 Problems with the grinder",
        "7.2 Maintenance reminder never clears",
    ]


PDF_MANUAL = """# 6 Troubleshooting

### 6.1.4 Problem: Grinder stalls

Symptom: The panel shows

    G-17 BURR MOTOR BLOCKED

Cause: A stone is stuck between the burrs, or the motor's cap-
acitor is worn out.

Solution:

1. Unplug the machine and empty the bean hop-
   per.
2. Turn the burr ring anticlockwise to open it.

Brewline K7 Service Guide rev. 2 — Internal                Page 31 of 58

3. Lift the stone out and close the burr ring again.
"""


def test_a_pdf_s_page_footer_between_steps_is_no_step(tmp_path: Path) -> None:
    """A PDF's page footer ("… Page 31 of 58"), left on a line of its own by its conversion, was glued
    into the step before it."""
    article = _read(tmp_path, "pdf-manual.md", PDF_MANUAL)
    [problem] = article.problems
    assert [s.text for s in problem.steps][1:] == [
        "Turn the burr ring anticlockwise to open it.",
        "Lift the stone out and close the burr ring again.",
    ]
    assert "Page 31" not in " ".join(s.text for s in problem.steps)


def test_a_word_a_pdf_split_at_a_line_s_end_is_one_word(tmp_path: Path) -> None:
    """ "hop-" over "per.": the hyphen a PDF's line breaking put into a word was kept, so "hopper" and
    "capacitor" were no words of the step and the cause."""
    [problem] = _read(tmp_path, "pdf-manual.md", PDF_MANUAL).problems
    assert problem.steps[0].text == "Unplug the machine and empty the bean hopper."
    assert "capacitor" in problem.cause.split()


def test_line_end_hyphens_and_page_numbers_outside_a_pdf_s_furniture_read_as_before(tmp_path: Path) -> None:
    """Guard: a page with no PDF page footer keeps its line-end hyphens (an author's dash), a capital
    after the hyphen keeps it in a PDF too, and "Page 2 of 5" in a sentence is what is seen."""
    written = """# Setup wizard stops

The wizard stops at Page 2 of 5

1. Close the wizard, we know this is an odd flow-
   do it anyway.
"""
    [problem] = _read(tmp_path, "wizard.md", written).problems
    assert problem.symptoms == "The wizard stops at Page 2 of 5"
    assert problem.steps[0].text == "Close the wizard, we know this is an odd flow-\ndo it anyway."
    converted = PDF_MANUAL.replace("bean hop-\n   per.", "bean hopper on the Wi-\n   Fi model.")
    [problem] = _read(tmp_path, "pdf-manual.md", converted).problems
    assert problem.steps[0].text == "Unplug the machine and empty the bean hopper on the Wi-\nFi model."


# A Slack thread copied out of the app: each message opens with its writer's name and the time, two
# spaces apart; the thread's counts, its link and each message's reactions are lines of their own, and a
# reply says it replied; the answer the asker ticked has the check-mark reaction.
SLACK_THREAD = """Priya Natarajan  9:14 AM
morning all, the nightly invoice export has failed twice now. the job log ends with:
ERROR: could not serialize access due to concurrent update
any ideas?
:eyes: 2
4 replies
Last reply today at 10:02 AM
View thread

Tomas Berg  9:31 AM
replied to a thread:
is anything else writing to the invoices table at night?

Leona Fischer  9:40 AM
replied to a thread:
The export runs in a serializable transaction, so it aborts whenever the billing sync updates a row it read.
1. Move the export to 02:30, after the billing sync finishes.
2. Re-run last night's export from the jobs page.
:white_check_mark: 3 :pray: 1

Priya Natarajan  10:02 AM
replied to a thread:
that was it, both runs are green now. thanks! (edited)
"""


@pytest.mark.parametrize("name", ["invoice-export.txt", "invoice-export.md"])
def test_a_chat_thread_s_first_message_is_the_problem_and_the_ticked_reply_its_fix(
    name: str, tmp_path: Path
) -> None:
    # Read as a page of paragraphs, the name and time of each message were symptoms (and the title of the
    # .txt), the error was no error message, a reaction was glued to the last step and the thanks was a note.
    article = _read(tmp_path, name, SLACK_THREAD)
    (problem,) = article.problems
    assert "Priya Natarajan" not in article.title
    assert problem.error_messages == ["could not serialize access due to concurrent update"]
    assert problem.symptoms.startswith("morning all, the nightly invoice export has failed twice now.")
    for furniture in ("9:14 AM", ":eyes:", "4 replies", "Last reply", "View thread", "is anything else"):
        assert furniture not in problem.symptoms
    assert problem.cause.startswith("The export runs in a serializable transaction")
    assert [s.text for s in problem.steps] == [
        "Move the export to 02:30, after the billing sync finishes.",
        "Re-run last night's export from the jobs page.",
    ]
    assert problem.notes == []
    for said in ("is anything else writing to the invoices table", "both runs are green now"):
        assert said in article.body
    assert "(edited)" not in article.body


def test_a_text_file_that_opens_with_one_name_and_time_is_no_chat(tmp_path: Path) -> None:
    # Guard: a note that opens with its writer and the time, one line of it, is read as a note.
    text = (
        "Shift handover  6:00 AM\n\n"
        "Symptoms: the invoice export failed with ERROR: could not serialize access.\n\n"
        "Resolution:\n1. Move the export to 02:30.\n2. Re-run the export.\n"
    )
    (problem,) = _read(tmp_path, "handover.txt", text).problems
    assert [s.text for s in problem.steps] == ["Move the export to 02:30.", "Re-run the export."]


# A support channel exported as text, as Mattermost's export writes it: the channel's header over a rule,
# then a line per message, its time in brackets and its writer's handle before its text, and reactions on
# lines of their own. Two questions follow one another: each its thread.
CHANNEL_EXPORT = """Channel: ~infra-help (Mattermost export)
Exported: 2026-03-02 18:00 UTC by export-bot
==================================================

[2026-03-02 08:41] @noor: the deploy job keeps failing on the runner:
```
EACCES: permission denied, open '/builds/cache/yarn.lock'
```
[2026-03-02 08:45] @ops.jan: which runner tag?
[2026-03-02 08:46] @noor: docker-large, since this morning
[2026-03-02 08:52] @ops.jan: the cache volume is owned by root since the image update:
1. log in to the runner host
2. `chown -R 1000:1000 /srv/runner/cache`
3. retry the job
  :white_check_mark: 1
[2026-03-02 08:58] @kim: same here on docker-small
[2026-03-02 09:05] @noor: green now, thanks!

[2026-03-02 13:20] @ravi: unrelated, grafana shows no panels and the browser console says
```
Failed to load resource: the server responded with a status of 502 (Bad Gateway)
```
[2026-03-02 13:31] @ops.jan: the grafana pod was evicted. fix:
- `kubectl -n monitoring rollout restart deploy/grafana`
- raise its memory request to 512Mi
  :+1: 2
"""
# The same channel as DiscordChatExporter writes it: the header between two rules, each message's time and
# writer on a line of their own over its text.
DISCORD_EXPORT = re.sub(
    r"\[2026-03-02 (\d\d:\d\d)\] @([\w.]+): ?",
    r"[3/2/2026 \1] \2\n",
    CHANNEL_EXPORT.replace(
        "Channel: ~infra-help (Mattermost export)\nExported: 2026-03-02 18:00 UTC by export-bot\n",
        "==================================================\nGuild: Acme\nChannel: Support / infra-help\n",
    ),
)


@pytest.mark.parametrize("text", [CHANNEL_EXPORT, DISCORD_EXPORT], ids=["mattermost", "discord"])
def test_a_channel_export_s_threads_are_problems_each_fixed_by_its_answer(text: str, tmp_path: Path) -> None:
    # Read as one page, the header titled the one problem, the second thread's error was a note of the first
    # one's fix, both threads' steps were the one problem's, and each reaction was glued to a step.
    article = _read(tmp_path, "infra-help.txt", text)
    first, second = article.problems
    assert first.title == "the deploy job keeps failing on the runner"
    assert first.error_messages == ["EACCES: permission denied, open '/builds/cache/yarn.lock'"]
    assert [s.text for s in first.steps] == [
        "log in to the runner host",
        "chown -R 1000:1000 /srv/runner/cache",
        "retry the job",
    ]
    assert second.title == "unrelated, grafana shows no panels and the browser console says"
    assert second.error_messages == [
        "Failed to load resource: the server responded with a status of 502 (Bad Gateway)"
    ]
    assert [s.text for s in second.steps] == [
        "kubectl -n monitoring rollout restart deploy/grafana",
        "raise its memory request to 512Mi",
    ]
    for problem in (first, second):
        assert "Exported" not in problem.title and "Channel" not in problem.title
        assert not any(":white_check_mark:" in s.text or ":+1:" in s.text for s in problem.steps)
        assert not any("thanks" in n.text or "same here" in n.text for n in problem.notes)
    for said in ("which runner tag?", "same here on docker-small", "green now, thanks!"):
        assert said in article.body


def test_a_text_note_that_opens_with_a_channel_field_is_no_channel_export(tmp_path: Path) -> None:
    # Guard: a note that names its channel, with no message lines under it, is read as a note.
    text = (
        "Channel: #payments-oncall\n\n"
        "Symptoms: the payout job fails with ERROR: could not obtain lock on relation payouts.\n\n"
        "Resolution:\n1. Stop the reconciliation job.\n2. Re-run the payout job.\n"
    )
    (problem,) = _read(tmp_path, "payouts.txt", text).problems
    assert [s.text for s in problem.steps] == ["Stop the reconciliation job.", "Re-run the payout job."]


@pytest.mark.parametrize(
    ("name", "text", "title"),
    [
        (
            "export-killed.md",
            DISCUSSION.replace('"signal: killed"\n', '"signal: killed" #2231\n', 1),
            'Nightly export job is killed with "signal: killed"',
        ),
        (
            "ferrolink-552.md",
            ISSUE,
            'ferrolink sync stops with "FL-0931 manifest epoch mismatch" after 4.0',
        ),
    ],
    ids=["discussion", "issue"],
)
def test_a_github_discussion_or_issue_is_titled_without_its_number(
    name: str, text: str, title: str, tmp_path: Path
) -> None:
    # GitHub prints the discussion's or issue's number after its title ("… #2231"): it was kept in the
    # article's and the problem's title, as if it were the error's number.
    article = _read(tmp_path, name, text)
    assert article.title == title
    assert [p.title for p in article.problems] == [title]


def test_a_forum_topic_s_title_keeps_the_number_it_ends_with(tmp_path: Path) -> None:
    # Guard: a Discourse topic is no GitHub page: the number after its title's "#" is the error's.
    text = DISCOURSE_TOPIC.replace(
        "# Nightly backups stop halfway since the 5.1 upgrade", "# Nightly backups stop with error #4012"
    )
    article = _read(tmp_path, "backup-staging.md", text)
    assert article.title == "Nightly backups stop with error #4012"
    assert article.problems[0].title == "Nightly backups stop with error #4012"


# A help desk's ticket exported as a web page: its fields, then its thread, each entry marked by its
# role in its class (the requester's message, the agent's internal note, the agent's public response).
TICKET_THREAD_PAGE = """<html><head><title>Ticket #77120</title></head><body>
<h1>Ticket #77120</h1>
<h2 class="subject">Laptops lose the VPN tunnel every 15 minutes</h2>
<table class="ticket_info">
  <tr><th>Status:</th><td>Closed</td><th>Priority:</th><td>Normal</td></tr>
  <tr><th>Department:</th><td>Network</td><th>Assigned To:</th><td>Priya Raman</td></tr>
</table>
<h3>Ticket Thread</h3>
<div class="thread-entry message">
  <div class="header"><b>Jonas Berg</b> posted 02/05/2024 08:12</div>
  <div class="thread-body"><p>Since Monday every laptop in the Malmo office drops the tunnel. The client says:</p>
  <pre>IKE SA rekey failed: NO_PROPOSAL_CHOSEN</pre></div>
</div>
<div class="thread-entry note">
  <div class="header"><b>Priya Raman</b> posted an Internal Note 02/05/2024 09:30</div>
  <div class="thread-body"><p>The gateway upgrade dropped the DH group 14 proposal the clients still offer on rekey.</p></div>
</div>
<div class="thread-entry response">
  <div class="header"><b>Priya Raman</b> posted 02/05/2024 09:48</div>
  <div class="thread-body">
    <ol><li>Add DH group 14 to the gateway's phase 1 proposals.</li><li>Reconnect the VPN client.</li></ol>
  </div>
</div>
</body></html>
"""


def test_a_ticket_thread_s_entries_are_the_parts_their_roles_tell(tmp_path: Path) -> None:
    """A help desk's ticket thread marks each entry's role in its class: the requester's message says
    what is seen, the agent's internal note why, the agent's response what to do. Read as a page of
    paragraphs, the message and the note (a "note" class, read as a call-out) were notes of the fix,
    and the problem had no symptoms and no cause."""
    [problem] = _read(tmp_path, "ticket.html", TICKET_THREAD_PAGE).problems
    assert problem.title == "Laptops lose the VPN tunnel every 15 minutes"
    assert "every laptop in the Malmo office drops the tunnel" in problem.symptoms
    assert "IKE SA rekey failed: NO_PROPOSAL_CHOSEN" in problem.error_messages
    assert (
        problem.cause
        == "The gateway upgrade dropped the DH group 14 proposal the clients still offer on rekey."
    )
    assert [s.text for s in problem.steps] == [
        "Add DH group 14 to the gateway's phase 1 proposals.",
        "Reconnect the VPN client.",
    ]
    assert not any("Malmo" in note.text or "DH group" in note.text for note in problem.notes)
    assert "Jonas Berg" not in problem.symptoms and "Priya Raman" not in (problem.cause or "")


def test_a_note_box_outside_a_ticket_thread_stays_a_note(tmp_path: Path) -> None:
    """Only a thread's entry tells a part by its role: a page's own box of class "note" stays advice."""
    page = (
        "<h1>Laptops lose the VPN tunnel</h1><h2>Symptoms</h2><p>The tunnel drops every 15 minutes.</p>"
        "<h2>Resolution</h2><ol><li>Add DH group 14 to the proposals.</li></ol>"
        '<div class="note"><p>The change applies at the next rekey.</p></div>'
    )
    [problem] = _read(tmp_path, "vpn.html", page).problems
    assert problem.cause is None or "rekey" not in problem.cause
    assert [n.text for n in problem.notes] == ["Note: The change applies at the next rekey."]


# A help desk's ticket saved from its agent view, as Freshdesk lays one out: the ticket's properties, then
# its conversation, each item marked by its role in its class, each under a header of who wrote it; an
# activity (a status change) is an item of its own.
CONVERSATION_PAGE = """<html><head><title>#3318 - Printer queue stalls with "Spooler error 0x709" : Helpdesk</title></head>
<body class="ticket-details">
<div class="ticket-subject"><h2 class="subject">Printer queue stalls with "Spooler error 0x709"</h2>
<div class="ticket-meta">Created by <b>Mira Holt</b> via Email · Jun 3, 2026 at 8:15 AM</div></div>
<div class="ticket-properties"><dl><dt>Status</dt><dd>Closed</dd><dt>Priority</dt><dd>High</dd>
<dt>Group</dt><dd>Workplace</dd></dl></div>
<div class="conversation">
<div class="conversation-item requester"><div class="conv-header"><b>Mira Holt</b> reported via email</div>
<div class="conv-body"><p>None of the third-floor PCs can set the shared printer as default. Windows shows:
<em>Operation could not be completed (error 0x00000709).</em></p></div></div>
<div class="conversation-item private-note"><div class="conv-header"><b>Tomas Ek</b> added a private note</div>
<div class="conv-body"><p>Last night's cumulative update changed the RPC settings the print server still expects (see CHG-5520).</p></div></div>
<div class="conversation-item agent-reply"><div class="conv-header"><b>Tomas Ek</b> replied</div>
<div class="conv-body"><p>Hi Mira,</p><p>please do this on each PC:</p>
<ol><li>Open <strong>Settings › Printers</strong> and remove the shared printer.</li>
<li>Add it again from <code>\\\\print01\\floor3</code>.</li></ol>
<p>Kind regards,<br>Tomas Ek</p></div></div>
<div class="conversation-item activity">Tomas Ek set Status as Closed</div>
</div></body></html>
"""


def test_a_ticket_conversation_s_items_are_the_parts_their_roles_tell(tmp_path: Path) -> None:
    """A help desk's conversation marks each item's role in its class as osTicket's thread does: the
    requester's message says what is seen, the agent's private note why, the agent's reply what to do.
    Each item's header says who wrote it ("X replied") and the ticket's properties and activities are the
    desk's: read as the page's paragraphs, the private note and the properties were symptoms, its
    change ID an error code, and the header over the reply the cause."""
    [problem] = _read(tmp_path, "ticket.html", CONVERSATION_PAGE).problems
    assert problem.title == 'Printer queue stalls with "Spooler error 0x709"'
    assert problem.symptoms.startswith("None of the third-floor PCs")
    assert "Operation could not be completed (error 0x00000709)." in problem.error_messages
    assert not any(word in problem.symptoms for word in ("Created by", "Priority", "private note", "RPC"))
    assert problem.cause == (
        "Last night's cumulative update changed the RPC settings the print server still expects (see CHG-5520)."
    )
    assert "CHG5520" not in problem.error_codes
    assert [s.text for s in problem.steps] == [
        "Open Settings › Printers and remove the shared printer.",
        "Add it again from \\\\print01\\floor3.",
    ]
    assert not any("Status" in n.text or "replied" in n.text for n in problem.notes)


def test_a_ticket_conversation_s_reply_header_is_no_cause(tmp_path: Path) -> None:
    """With no private note, a reply that is only its steps has no cause: its header ("X replied"), read
    as the paragraph before them, was taken for one."""
    start = CONVERSATION_PAGE.index('<div class="conversation-item private-note">')
    end = CONVERSATION_PAGE.index('<div class="conversation-item agent-reply">')
    page = CONVERSATION_PAGE[:start] + CONVERSATION_PAGE[end:].replace(
        "<p>Hi Mira,</p><p>please do this on each PC:</p>", ""
    )
    [problem] = _read(tmp_path, "ticket.html", page).problems
    assert not problem.cause
    assert len(problem.steps) == 2


def test_an_activity_block_outside_a_ticket_conversation_is_read(tmp_path: Path) -> None:
    """Only a conversation's item that logs an activity is the desk's: a page's own block of class
    "activity" holds its text."""
    page = (
        "<h1>Sync stops with error 0x8004010F</h1><h2>Symptoms</h2>"
        '<div class="activity"><p>The sync log shows the error after every send.</p></div>'
        "<h2>Resolution</h2><ol><li>Recreate the mail profile.</li></ol>"
    )
    [problem] = _read(tmp_path, "sync.html", page).problems
    assert problem.symptoms == "The sync log shows the error after every send."
    assert [s.text for s in problem.steps] == ["Recreate the mail profile."]


# A GitHub issue saved as a web page: the issue's state and opener over its body (the bug report's
# template headings), the tracker's events between the comments ("X added the bug label"), and each
# reply's header naming its writer, their role in the project and the day.
GITHUB_ISSUE_PAGE = """<html><head><title>Importer stalls on "lock wait timeout exceeded" · Issue #412 · northwind/ledgerd · GitHub</title></head><body>
<div class="gh-header-show">
<h1 class="gh-header-title"><bdi class="js-issue-title">Importer stalls on "lock wait timeout exceeded"</bdi> <span>#412</span></h1>
<div class="gh-header-meta"><span class="State">Closed</span> <a class="author" href="/okafor">okafor</a> opened this issue on Jan 12, 2026 · 4 comments</div>
</div>
<div class="js-discussion">
<div class="TimelineItem js-comment-container"><div class="timeline-comment">
<div class="timeline-comment-header"><strong><a class="author" href="/okafor">okafor</a></strong> commented <relative-time>Jan 12, 2026</relative-time></div>
<div class="comment-body markdown-body">
<h3>Describe the bug</h3>
<p>The nightly import of bank statements hangs after a few thousand rows and never finishes.</p>
<h3>Logs</h3>
<pre><code>ERROR 1205 (HY000): Lock wait timeout exceeded; try restarting transaction</code></pre>
<h3>Environment</h3>
<ul><li>ledgerd version: 3.2.0</li><li>MySQL: 8.0.36</li><li>OS: Debian 12</li></ul>
</div></div></div>
<div class="TimelineItem">ruthv added the <span class="IssueLabel">bug</span> label Jan 12, 2026</div>
<div class="TimelineItem js-comment-container"><div class="timeline-comment">
<div class="timeline-comment-header"><strong><a class="author" href="/pmarsh">pmarsh</a></strong> commented <relative-time>Jan 13, 2026</relative-time></div>
<div class="comment-body markdown-body"><p>Same here on 3.2.0.</p></div>
</div></div>
<div class="TimelineItem js-comment-container"><div class="timeline-comment">
<div class="timeline-comment-header"><strong><a class="author" href="/ruthv">ruthv</a></strong> <span class="Label">Maintainer</span> commented <relative-time>Jan 14, 2026</relative-time></div>
<div class="comment-body markdown-body">
<p>3.2.0 opens one transaction for the whole file, so the import holds its row locks until the end while the reconciler waits on them. To get past it:</p>
<ol><li>Set <code>import.batch_size: 500</code> in <code>ledgerd.yaml</code>.</li><li>Restart the importer.</li></ol>
</div></div></div>
<div class="TimelineItem">ruthv closed this as completed in #415 Jan 15, 2026</div>
</div>
</body></html>
"""


def test_a_github_issue_page_is_its_report_and_the_maintainer_s_reply(tmp_path: Path) -> None:
    """A GitHub issue saved as a web page is one problem, as its Markdown export is: the report's body
    describes it (its Environment list is where it is seen, no steps), the first reply by the project's
    people is the fix and what it explains first the cause. The tracker's events and the opener's line
    are the page's, no symptoms, and the number after the title is GitHub's, no part of it. Read as
    paragraphs, the Environment list was the first fix and the events were symptoms."""
    article = _read(tmp_path, "issue.html", GITHUB_ISSUE_PAGE)
    [problem] = article.problems
    assert problem.title == 'Importer stalls on "lock wait timeout exceeded"'
    assert problem.symptoms.startswith("The nightly import of bank statements hangs")
    assert not any(word in problem.symptoms for word in ("added the", "opened this issue", "closed this"))
    assert any("Lock wait timeout exceeded; try restarting transaction" in m for m in problem.error_messages)
    assert problem.cause is not None and problem.cause.startswith(
        "3.2.0 opens one transaction for the whole file"
    )
    assert [s.text for s in problem.steps] == [
        "Set import.batch_size: 500 in ledgerd.yaml.",
        "Restart the importer.",
    ]
    assert not any("Same here" in n.text for n in problem.notes)


def test_a_github_issue_page_with_no_reply_by_the_project_has_no_fix_from_a_reply(tmp_path: Path) -> None:
    """Only a reply by the project's people answers an issue: another user's comment is the page's text,
    never the fix, however it is laid out."""
    page = GITHUB_ISSUE_PAGE.replace('<span class="Label">Maintainer</span> ', "")
    [problem] = _read(tmp_path, "issue.html", page).problems
    assert not any("Same here" in s.text for s in problem.steps)


# A Bugzilla bug saved from show_bug.cgi: the site's link bar, the bug's field table (its Assignee among
# them), then each comment opened by its head (its number, its writer and its time) over its text in a
# <pre>; the first, the report, written in the guided form's template ("Steps to reproduce:", "Actual
# results:", "Expected results:").
BUGZILLA_PAGE = """<html><head><title>20931 – Scanner import aborts with "TWAIN source returned TWRC_FAILURE (0x0001)" on duplex pages</title></head>
<body class="bz_bugzilla">
<div id="header"><ul class="links"><li><a href="./">Home</a></li><li><a href="enter_bug.cgi">New</a></li><li><a href="query.cgi">Search</a></li></ul></div>
<div id="bugzilla-body">
<h1 id="field-value-short_desc">Bug 20931 – Scanner import aborts with "TWAIN source returned TWRC_FAILURE (0x0001)" on duplex pages</h1>
<table class="edit_form">
<tr><th>Status:</th><td>RESOLVED FIXED</td></tr>
<tr><th>Product:</th><td>PaperTrail</td></tr>
<tr><th>Component:</th><td>Import</td></tr>
<tr><th>Assignee:</th><td>Noor Haddad [:noorh]</td></tr>
<tr><th>Reported:</th><td>2025-03-04 09:12 CET by Piet Claes</td></tr>
</table>
<div class="bz_comment_table">
<div class="bz_comment bz_first_comment" id="c0">
<div class="bz_comment_head"><span class="bz_comment_number"><a href="#c0">Description</a></span> <span class="bz_comment_user">Piet Claes</span> <span class="bz_comment_time">2025-03-04 09:12:40 CET</span></div>
<pre class="bz_comment_text">Build: 4.8.2 (x64)

Steps to reproduce:
1. Put a two-sided letter in the feeder.
2. Choose Import &gt; From scanner and tick Duplex.

Actual results:
The import stops after the first page.
The import log shows:
Scan failed: TWAIN source returned TWRC_FAILURE (0x0001)

Expected results:
Both sides are imported as one document.
</pre>
</div>
<div class="bz_comment" id="c2">
<div class="bz_comment_head"><span class="bz_comment_number"><a href="#c2">Comment 2</a></span> <span class="bz_comment_user">Lena Vogt</span> <span class="bz_comment_time">2025-03-05 14:30:02 CET</span></div>
<pre class="bz_comment_text">Same with my Fujitsu here. Single-sided works.
</pre>
</div>
<div class="bz_comment" id="c4">
<div class="bz_comment_head"><span class="bz_comment_number"><a href="#c4">Comment 4</a></span> <span class="bz_comment_user">Noor Haddad [:noorh]</span> <span class="bz_comment_time">2025-03-06 10:05:51 CET</span></div>
<pre class="bz_comment_text">The driver dialog is skipped in duplex mode, so the source is asked for a page size it does not offer.

Workaround until 4.8.3:
1. Open Settings &gt; Scanning.
2. Turn on "Show the driver's own dialog".
3. Pick A4 in the driver dialog and scan again.
</pre>
</div>
<div class="bz_comment" id="c7">
<div class="bz_comment_head"><span class="bz_comment_number"><a href="#c7">Comment 7</a></span> <span class="bz_comment_user">Piet Claes</span> <span class="bz_comment_time">2025-03-06 11:40:13 CET</span></div>
<pre class="bz_comment_text">That works, thanks!
</pre>
</div>
</div>
</div>
<div id="footer"><ul class="links"><li><a href="./">Home</a></li><li>Format For Printing</li><li>Clone This Bug</li></ul></div>
</body></html>
"""


def test_a_bugzilla_page_is_its_report_and_the_assignee_s_workaround(tmp_path: Path) -> None:
    """A Bugzilla bug page is one problem, as an issue exported as one page is: the first comment, the
    report, describes it (its "Steps to reproduce" no fix, its "Actual results" what is seen and the
    error), and the first comment by the bug's Assignee is its fix, what it explains first the cause.
    The comments' heads (number, writer, time), the field table and the other comments are the page's
    text. Read as paragraphs, each comment's <pre> was a step and the report no message."""
    article = _read(tmp_path, "bug.html", BUGZILLA_PAGE)
    [problem] = article.problems
    assert problem.title.endswith('"TWAIN source returned TWRC_FAILURE (0x0001)" on duplex pages')
    assert "Scan failed: TWAIN source returned TWRC_FAILURE (0x0001)" in problem.error_messages
    assert "The import stops after the first page" in problem.symptoms
    assert problem.cause is not None and problem.cause.startswith(
        "The driver dialog is skipped in duplex mode"
    )
    assert [s.text for s in problem.steps] == [
        "Open Settings > Scanning.",
        'Turn on "Show the driver\'s own dialog".',
        "Pick A4 in the driver dialog and scan again.",
    ]
    said = " ".join([problem.symptoms, *(s.text for s in problem.steps), *(n.text for n in problem.notes)])
    assert not any(
        word in said for word in ("Comment 4", "Same with my Fujitsu", "That works", "Put a two-sided")
    )
    assert "Same with my Fujitsu" in article.body


def test_a_bugzilla_page_with_no_comment_by_its_assignee_has_no_fix_from_a_comment(tmp_path: Path) -> None:
    """Only the Assignee's comment answers a bug, as only the project's people answer an issue: a
    comment by anyone else, however it is laid out, is never the fix, nor the report's steps to
    reproduce it."""
    page = BUGZILLA_PAGE.replace("<tr><th>Assignee:</th><td>Noor Haddad [:noorh]</td></tr>", "")
    [problem] = _read(tmp_path, "bug.html", page).problems
    assert not any(word in s.text for s in problem.steps for word in ("two-sided", "Same with", "That works"))


def test_a_preformatted_block_outside_a_bugzilla_comment_stays_code(tmp_path: Path) -> None:
    """Only a Bugzilla comment's <pre> is its writer's text: another page's <pre> of numbered lines is
    output, a code block, never steps."""
    page = (
        "<h1>Import fails</h1><h2>Symptoms</h2><p>The import log shows:</p>"
        '<pre class="log">1. TWAIN source returned TWRC_FAILURE (0x0001)\n2. import aborted</pre>'
        "<h2>Resolution</h2><ol><li>Update the scanner driver.</li></ol>"
    )
    [problem] = _read(tmp_path, "import.html", page).problems
    assert [s.text for s in problem.steps] == ["Update the scanner driver."]
    assert any("TWRC_FAILURE" in m for m in problem.error_messages)


# A Jira Service Management request saved from its customer portal: the request's title and key, who
# raised it, its fields, then its Activity list, each item a comment (its author, an "Agent" badge for the
# service desk's people, its time, its body) or an event of the request ("changed the status to …").
JSM_REQUEST_PAGE = """<html><head><title>HR-2207 Payslip PDF won't open: "The file is damaged and could not be repaired" - Staff Portal</title></head>
<body id="jira" class="cv-portal">
<main class="cv-request-details">
<h1 class="cv-request-title">Payslip PDF won't open: "The file is damaged and could not be repaired"</h1>
<div class="cv-request-key">HR-2207</div>
<section class="cv-request-activity">
<p class="cv-raised-by"><strong>Amara Okoye</strong> raised this on Tuesday 08:05 AM</p>
<dl><dt>Description</dt>
<dd><p>Since the payroll run, my March payslip won't open. The PDF viewer says:</p>
<pre>The file is damaged and could not be repaired.</pre></dd></dl>
<h2 class="cv-activity-title">Activity</h2>
<ol class="cv-activity-list">
<li class="cv-activity-item cv-comment">
<div class="cv-comment-author"><strong>Jonas Berg</strong> <span class="cv-agent-badge">Agent</span> <time>Tuesday 08:40 AM</time></div>
<div class="cv-comment-body"><p>Hi Amara, do you open it from the portal or from the e-mail?</p></div>
</li>
<li class="cv-activity-item cv-comment">
<div class="cv-comment-author"><strong>Amara Okoye</strong> <time>Tuesday 08:52 AM</time></div>
<div class="cv-comment-body"><p>From the e-mail attachment.</p></div>
</li>
<li class="cv-activity-item cv-status"><p><strong>Jonas Berg</strong> changed the status to <span class="cv-lozenge">In Progress</span> <time>Tuesday 09:00 AM</time></p></li>
<li class="cv-activity-item cv-comment">
<div class="cv-comment-author"><strong>Jonas Berg</strong> <span class="cv-agent-badge">Agent</span> <time>Tuesday 09:30 AM</time></div>
<div class="cv-comment-body">
<p>The mail gateway cuts attachments over 2 MB, so the copy in the inbox is incomplete. Please do this instead:</p>
<ol><li>Open the Staff Portal and go to <strong>My pay › Payslips</strong>.</li><li>Download the March payslip from there.</li></ol>
</div>
</li>
<li class="cv-activity-item cv-comment">
<div class="cv-comment-author"><strong>Amara Okoye</strong> <time>Tuesday 09:41 AM</time></div>
<div class="cv-comment-body"><p>That one opens fine, thanks a lot!</p></div>
</li>
<li class="cv-activity-item cv-status"><p><strong>Jonas Berg</strong> changed the status to <span class="cv-lozenge">Resolved</span> <time>Tuesday 09:45 AM</time></p></li>
</ol>
</section>
</main>
</body></html>
"""


def test_a_service_desk_request_page_is_its_request_and_the_agent_s_fix(tmp_path: Path) -> None:
    """A Jira Service Management request saved from its portal is one problem, as an issue page is: the
    request's description says what is seen and its error, and the agent's comment that gives steps is
    the fix, what it explains first the cause. The agent's question before it, the customer's replies
    and thanks, the status changes and each comment's author and time are the page's. Read as the
    Activity list, every item was a step and the fix sub-steps of one."""
    article = _read(tmp_path, "request.html", JSM_REQUEST_PAGE)
    [problem] = article.problems
    assert problem.title == 'Payslip PDF won\'t open: "The file is damaged and could not be repaired"'
    assert "The file is damaged and could not be repaired." in problem.error_messages
    assert "Since the payroll run, my March payslip won't open." in problem.symptoms
    assert problem.cause is not None and problem.cause.startswith(
        "The mail gateway cuts attachments over 2 MB"
    )
    assert [s.text for s in problem.steps] == [
        "Open the Staff Portal and go to My pay › Payslips.",
        "Download the March payslip from there.",
    ]
    said = " ".join([problem.symptoms, *(s.text for s in problem.steps), *(n.text for n in problem.notes)])
    assert not any(
        word in said
        for word in ("changed the status", "raised this", "do you open it", "From the e-mail", "thanks a lot")
    )
    assert "thanks a lot" in article.body


def test_an_activity_heading_over_steps_is_no_thread(tmp_path: Path) -> None:
    """Only comments opened by bylines under an Activity heading are a tracker's: a page's own section so
    headed, over steps, stays that section."""
    page = (
        "# Badge reader rejects every card\n\nThe reader beeps twice and shows `ERR 41 card not enrolled`.\n\n"
        "## Activity\n\n1. Open the enrolment console.\n2. Re-sync the card list.\n"
    )
    [problem] = _read(tmp_path, "badge.md", page).problems
    assert [s.text for s in problem.steps] == ["Open the enrolment console.", "Re-sync the card list."]


def test_a_list_of_comment_like_items_on_another_page_stays_a_list(tmp_path: Path) -> None:
    """Only a service desk's activity list is its request's thread: another page's numbered list whose
    items open with a bold name and a time stays the steps it is."""
    page = (
        "<h1>Shift handover fails with error 17</h1><h2>Resolution</h2><ol>"
        "<li><p><strong>Morning lead</strong> 08:00 AM</p><p>Export the roster.</p></li>"
        "<li><p><strong>Evening lead</strong> 04:00 PM</p><p>Import the roster.</p></li></ol>"
    )
    [problem] = _read(tmp_path, "handover.html", page).problems
    assert len(problem.steps) >= 2


# Salesforce Knowledge's fields with two cases in one article: each labelled in "Details", and answered
# by a group of its own in "Resolution".
SCENARIOS_PAGE = """<html><body>
<article class="forceCommunityArticle">
<h1 class="article-head">Nightly invoice sync stops with a token or a quota error</h1>
<div class="slds-form-element"><span class="slds-form-element__label">Details</span>
<div class="slds-form-element__static">
<p><b>Scenario 1 - The access token is rejected</b></p>
<p>The sync log shows:</p>
<pre>ledgerapi.AuthError: 401 invalid_grant: refresh token expired</pre>
<p>The connected app's refresh token is older than 90 days.</p>
<p><b>Scenario 2 - The daily quota runs out</b></p>
<p>The sync log shows:</p>
<pre>ledgerapi.QuotaError: 429 daily request limit of 25000 reached</pre>
<p>Each invoice line is sent in a request of its own.</p>
</div></div>
<div class="slds-form-element"><span class="slds-form-element__label">Resolution</span>
<div class="slds-form-element__static">
<p><b>For Scenario 1:</b></p>
<ol><li>Authorize the connected app again.</li><li>Run the sync by hand.</li></ol>
<p><b>For Scenario 2:</b></p>
<ol><li>Turn on batch mode in the connector settings.</li><li>Wait for the quota to reset at midnight UTC.</li></ol>
</div></div>
</article>
</body></html>
"""


def test_numbered_scenarios_paired_with_their_own_fixes_are_a_problem_each(tmp_path: Path) -> None:
    """An article that labels cases in its description ("Scenario 1 - …", "Scenario 2 - …") and answers
    each in its fix ("For Scenario 1:", "For Scenario 2:") tells two problems: read as one, a paste of
    the second error led with the first scenario's steps."""
    first, second = _read(tmp_path, "sync.html", SCENARIOS_PAGE).problems
    assert first.title == "The access token is rejected"
    assert first.error_messages == ["ledgerapi.AuthError: 401 invalid_grant: refresh token expired"]
    assert "older than 90 days" in first.symptoms + (first.cause or "")
    assert [s.text for s in first.steps] == ["Authorize the connected app again.", "Run the sync by hand."]
    assert second.title == "The daily quota runs out"
    assert second.error_messages == ["ledgerapi.QuotaError: 429 daily request limit of 25000 reached"]
    assert "request of its own" in second.symptoms + (second.cause or "")
    assert [s.text for s in second.steps] == [
        "Turn on batch mode in the connector settings.",
        "Wait for the quota to reset at midnight UTC.",
    ]


def test_a_knowledge_base_s_classification_fields_after_paired_cases_are_the_page_s(tmp_path: Path) -> None:
    """Salesforce Knowledge may close an article's field block with the record's own fields, after the
    parts (its "Data Categories", its "Article Record Type"): with the cases paired into problems, the
    first of them headed a problem of its own, its value the one step. They are the page's, searchable."""
    record = (
        '<div class="slds-form-element"><span class="slds-form-element__label">Data Categories</span>'
        '<div class="slds-form-element__static">Product: Ledger Connector &gt; Sync; Region: EMEA</div></div>'
        '<div class="slds-form-element"><span class="slds-form-element__label">Article Record Type</span>'
        '<div class="slds-form-element__static">Troubleshooting</div></div>'
    )
    article = _read(tmp_path, "sync.html", SCENARIOS_PAGE.replace("</article>", record + "</article>"))
    first, second = article.problems
    assert (first.title, second.title) == ("The access token is rejected", "The daily quota runs out")
    assert [s.text for s in second.steps] == [
        "Turn on batch mode in the connector settings.",
        "Wait for the quota to reset at midnight UTC.",
    ]
    assert second.notes == []
    assert "Region: EMEA" in article.body and "Troubleshooting" in article.body


def test_a_fix_s_sentence_that_sets_a_classification_field_stays_the_fix_s(tmp_path: Path) -> None:
    """A sentence of a fix that opens with such a field's name says what to set in it: the fix's."""
    text = (
        "# The article does not show in the help centre\n\n## Resolution\n\n"
        "1. Open the article in Knowledge.\n2. Publish a new version.\n\n"
        "Data Categories: set Region to Global before you publish.\n"
    )
    [problem] = _read(tmp_path, "publish.md", text).problems
    assert [n.text for n in problem.notes] == ["Data Categories: set Region to Global before you publish."]


def test_scenarios_with_one_fix_for_all_stay_one_problem(tmp_path: Path) -> None:
    """Cases told apart in the description but fixed by one list, with no group per case, are one
    problem's symptoms."""
    page = SCENARIOS_PAGE.replace("<p><b>For Scenario 1:</b></p>", "").replace(
        "<p><b>For Scenario 2:</b></p>", ""
    )
    [problem] = _read(tmp_path, "sync.html", page).problems
    assert len(problem.error_messages) == 2
    assert len(problem.steps) == 4


def test_scenarios_described_in_a_part_of_their_own_are_paired_with_their_fixes(tmp_path: Path) -> None:
    """The cases may be labelled in a part of their own before the fix (a "**Symptoms**" label's)."""
    text = (
        "# Nightly invoice sync stops\n\n**Symptoms**\n\n**Scenario 1 - The access token is rejected**\n\n"
        "The sync log shows:\n\n```\nledgerapi.AuthError: 401 invalid_grant: refresh token expired\n```\n\n"
        "**Scenario 2 - The daily quota runs out**\n\nThe sync log shows:\n\n"
        "```\nledgerapi.QuotaError: 429 daily request limit of 25000 reached\n```\n\n"
        "**Resolution**\n\n**For Scenario 1:**\n\n1. Authorize the connected app again.\n\n"
        "**For Scenario 2:**\n\n1. Turn on batch mode in the connector settings.\n"
    )
    first, second = _read(tmp_path, "sync.md", text).problems
    assert (first.title, [s.text for s in first.steps]) == (
        "The access token is rejected",
        ["Authorize the connected app again."],
    )
    assert second.error_messages == ["ledgerapi.QuotaError: 429 daily request limit of 25000 reached"]
    assert [s.text for s in second.steps] == ["Turn on batch mode in the connector settings."]


def test_a_ticket_response_s_greeting_closing_and_the_replies_after_it_are_the_page_s(tmp_path: Path) -> None:
    """The agent's response is a letter: its greeting, its closing over the agent's name, and what the
    thread says after it (the requester's thanks) were notes of the fix, shown with every answer."""
    page = TICKET_THREAD_PAGE.replace(
        "<ol><li>",
        "<p>Hi Jonas,</p><ol><li>",
    ).replace(
        "</ol>\n  </div>",
        "</ol><p>Kind regards,<br>Priya<br>Network Team</p>\n  </div>"
        '</div><div class="thread-entry message"><div class="header"><b>Jonas Berg</b> posted 02/05/2024 10:02</div>'
        '<div class="thread-body"><p>All good now, thanks!</p></div>',
    )
    article = _read(tmp_path, "ticket.html", page)
    [problem] = article.problems
    assert [s.text for s in problem.steps] == [
        "Add DH group 14 to the gateway's phase 1 proposals.",
        "Reconnect the VPN client.",
    ]
    assert problem.notes == []
    assert "All good now" in article.body and "Kind regards" in article.body


# An Evernote note saved as HTML: no heading elements; the author's headings are divs of bold text, a
# fix is a run of checkboxes (<en-todo>) under a lead-in, or a list.
EVERNOTE_NOTE = """<!DOCTYPE html>
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=UTF-8"/>
<meta name="exporter-version" content="Evernote Windows 10.71.5 (455209)"/>
<title>Printer fleet notes</title>
</head>
<body>
<div><b>Badge release fails at the MFP panel</b></div>
<div><span style="font-family: &quot;Courier New&quot;, monospace;">Authentication server unreachable (code 0x5B21)</span></div>
<div>What worked for me:</div>
<div><en-todo checked="true"/>restart the <span style="font-family: &quot;Courier New&quot;, monospace;">PrintRelay</span> service on the queue server</div>
<div><en-todo checked="false"/>ask Facilities to re-pair the card reader</div>
<div><br/></div>
<div><b>Scans to email bounce with 554</b></div>
<div>Steps:</div>
<div><ol><li><div>Open the SMTP relay allow list.</div></li><li><div>Add the MFP's address.</div></li></ol></div>
</body>
</html>
"""


def test_an_evernote_note_s_bold_lines_head_its_problems(tmp_path: Path) -> None:
    """An Evernote export has no <h1>–<h6>: its bold lines are its headings. Read as paragraphs, the
    two problems were one, the first's checkboxes its symptoms and the second's steps its fix."""
    article = _read(tmp_path, "printers.html", EVERNOTE_NOTE)
    assert article.title == "Printer fleet notes"
    first, second = article.problems
    assert first.title == "Badge release fails at the MFP panel"
    assert first.error_messages == ["Authentication server unreachable (code 0x5B21)"]
    assert [s.text for s in first.steps] == [
        "restart the PrintRelay service on the queue server",
        "ask Facilities to re-pair the card reader",
    ]
    assert second.title == "Scans to email bounce with 554"
    assert [s.text for s in second.steps] == ["Open the SMTP relay allow list.", "Add the MFP's address."]


def test_an_evernote_note_s_lead_in_over_its_checkboxes_is_no_step(tmp_path: Path) -> None:
    """A lead-in over a run of checkboxes ("What worked for me:") introduces them: it was step 1."""
    [problem, _] = _read(tmp_path, "printers.html", EVERNOTE_NOTE).problems
    assert "What worked for me:" not in [s.text for s in problem.steps]
    assert [s.number for s in problem.steps] == ["1", "2"]
    assert problem.symptoms == ""
    assert [(n.text, n.after) for n in problem.notes] == [("What worked for me:", False)]


def test_a_question_over_a_list_is_no_lead_in_to_a_fix(tmp_path: Path) -> None:
    """Only a lead-in that names what fixed it introduces the steps: "What changed in 4.2:" over a list
    says what the list is, the problem's text as before."""
    page = "# Notes\n\n## Badge release fails\n\nIt fails since the upgrade.\n\nWhat changed in 4.2:\n\n- the relay port\n- the reader firmware\n"
    [problem] = _read(tmp_path, "notes.md", page).problems
    assert "What changed in 4.2:" not in [n.text for n in problem.notes]


def test_an_evernote_note_s_bold_part_label_and_bold_words_in_a_line_stay_as_they_are(tmp_path: Path) -> None:
    """A bold line that names a part ("Symptoms") labels it, one level under the problem's heading, and
    a line only partly bold, or a bold sentence, is text: none heads a problem of its own."""
    note = EVERNOTE_NOTE.replace(
        "<div><b>Scans to email bounce with 554</b></div>",
        "<div><b>Scans to email bounce with 554</b></div>"
        "<div><b>Symptoms</b></div><div>Every scan comes back as undeliverable.</div>",
    ).replace(
        "<div>Steps:</div>",
        "<div><b>Cause:</b> The relay accepts only the senders on its <b>allow list</b>.</div>"
        "<div><b>Do this in the change window.</b></div>"
        "<div>Steps:</div>",
    )
    first, second = _read(tmp_path, "printers.html", note).problems
    assert first.title == "Badge release fails at the MFP panel"
    assert second.title == "Scans to email bounce with 554"
    assert "Every scan comes back as undeliverable." in second.symptoms
    assert second.cause == "The relay accepts only the senders on its allow list."
    assert [s.text for s in second.steps] == ["Open the SMTP relay allow list.", "Add the MFP's address."]


def test_bold_lines_of_a_page_no_note_app_wrote_stay_paragraphs(tmp_path: Path) -> None:
    """Only a note app's export is written without headings: elsewhere a bold line stays what the
    rules for bold paragraphs make of it."""
    page = EVERNOTE_NOTE.replace(
        '<meta name="exporter-version" content="Evernote Windows 10.71.5 (455209)"/>\n', ""
    )
    [problem] = _read(tmp_path, "printers.html", page).problems
    assert problem.title == "Badge release fails at the MFP panel"


# A OneNote page saved as a single-file web page: the title outline (title, then the page's date and time
# in grey), then an outline per note, each an absolutely positioned div, its heading a paragraph whose
# words are bold by an inline style (OneNote writes no <h1>–<h6> nor <b>), its message in Consolas.
ONENOTE_PAGE = """<html xmlns:o="urn:schemas-microsoft-com:office:office">
<head>
<meta http-equiv=Content-Type content="text/html; charset=utf-8">
<meta name=ProgId content=OneNote.File>
<meta name=Generator content="Microsoft OneNote 15">
<title>Build agents</title>
</head>
<body lang=en-GB style='font-family:Calibri;font-size:11.0pt'>
<div style='direction:ltr;border-width:100%'>
<div style='direction:ltr;margin-top:0in;margin-left:0in;width:6.1in'>
<p style='margin:0in;font-family:"Calibri Light";font-size:20.0pt'>Build agents</p>
<p style='margin:0in;font-size:10.0pt;color:#767676'>Monday, 12 February 2024</p>
<p style='margin:0in;font-size:10.0pt;color:#767676'>09:41</p>
</div>
<div style='position:absolute;left:0.4in;top:1.1in;width:6.9in'>
<p style='margin:0in;font-size:14.0pt;color:#2E75B5'><span style='font-weight:bold'>Checkout hangs on large repositories</span></p>
<p style='margin:0in'>The job log stops at:</p>
<p style='margin:0in;font-family:Consolas;font-size:10.0pt'>fatal: early EOF while fetching pack</p>
<ol type=1 style='margin-left:.375in;direction:ltr;margin-top:0in;margin-bottom:0in'>
<li style='margin-top:0;margin-bottom:0'>Enable shallow clone in the job settings.</li>
<li style='margin-top:0;margin-bottom:0'>Raise the checkout timeout to 30 minutes.</li>
</ol>
</div>
<div style='position:absolute;left:0.4in;top:3.3in;width:6.9in'>
<p style='margin:0in;font-size:14.0pt;color:#2E75B5'><span style='font-weight:bold'>Agent shows as offline</span></p>
<p style='margin:0in;font-family:Consolas;font-size:10.0pt'>Agent connection refused: certificate has expired</p>
<ol type=1 style='margin-left:.375in;direction:ltr;margin-top:0in;margin-bottom:0in'>
<li style='margin-top:0;margin-bottom:0'>Renew the agent certificate.</li>
<li style='margin-top:0;margin-bottom:0'>Restart the agent service.</li>
</ol>
</div>
</div>
</body>
</html>
"""


def test_a_onenote_page_s_outlines_headed_by_bold_lines_are_a_problem_each(tmp_path: Path) -> None:
    """OneNote bolds a heading's words with an inline style, not <b>: read as a plain paragraph, the
    second outline's heading, message and steps were notes and steps of the first problem."""
    article = _read(tmp_path, "agents.html", ONENOTE_PAGE)
    assert article.title == "Build agents"
    assert [p.title for p in article.problems] == [
        "Checkout hangs on large repositories",
        "Agent shows as offline",
    ]
    checkout, offline = article.problems
    assert checkout.error_messages == ["early EOF while fetching pack"]
    assert [s.text for s in checkout.steps] == [
        "Enable shallow clone in the job settings.",
        "Raise the checkout timeout to 30 minutes.",
    ]
    assert offline.error_messages == ["Agent connection refused: certificate has expired"]
    assert [s.text for s in offline.steps] == ["Renew the agent certificate.", "Restart the agent service."]
    assert offline.notes == [] and checkout.notes == []


def test_a_onenote_page_s_date_time_and_signature_are_no_text_of_its_problems(tmp_path: Path) -> None:
    """OneNote writes the page's date and time under its title, and a mailed page's export ends with its
    signature: read as text, they were the symptoms of a page of one problem and a note of its fix."""
    page = (
        ONENOTE_PAGE.replace(
            "<title>Build agents</title>", "<title>Checkout hangs on large repositories</title>"
        )
        .replace(">Build agents</p>", ">Checkout hangs on large repositories</p>")
        .replace(
            "<p style='margin:0in;font-size:14.0pt;color:#2E75B5'><span style='font-weight:bold'>"
            "Checkout hangs on large repositories</span></p>\n",
            "",
        )
    )
    start = page.index("<div style='position:absolute;left:0.4in;top:3.3in")
    page = (
        page[:start]
        + "<div style='position:absolute;left:5.9in;top:6.8in;width:1.6in'>\n"
        + "<p style='margin:0in;font-size:9.0pt;color:#767676'>Created with Microsoft OneNote 2016.</p>\n</div>\n"
        + "</div>\n</body>\n</html>\n"
    )
    article = _read(tmp_path, "checkout.html", page)
    assert article.title == "Checkout hangs on large repositories"
    [problem] = article.problems
    assert problem.symptoms == "The job log stops at:"
    assert problem.error_messages == ["early EOF while fetching pack"]
    assert [s.text for s in problem.steps] == [
        "Enable shallow clone in the job settings.",
        "Raise the checkout timeout to 30 minutes.",
    ]
    assert problem.notes == []
    assert "2024" not in article.body and "OneNote" not in article.body


def test_a_date_in_a_note_s_text_stays_text(tmp_path: Path) -> None:
    """Guard: only the stamp under the page's title is its metadata; a date the note itself gives is text."""
    page = ONENOTE_PAGE.replace(
        "<p style='margin:0in'>The job log stops at:</p>",
        "<p style='margin:0in'>12 February 2024</p><p style='margin:0in'>The job log stops at:</p>",
    )
    checkout, _ = _read(tmp_path, "agents.html", page).problems
    assert "12 February 2024" in checkout.symptoms


def test_words_bolded_by_an_inline_style_within_a_line_stay_text(tmp_path: Path) -> None:
    """Guard: a line only partly bold by an inline style, or a bold sentence, heads nothing."""
    page = ONENOTE_PAGE.replace(
        "<p style='margin:0in'>The job log stops at:</p>",
        "<p style='margin:0in'>The <span style='font-weight:bold'>job log</span> stops at:</p>"
        "<p style='margin:0in'><span style='font-weight:bold'>It happens only on Linux agents.</span></p>",
    )
    checkout, _ = _read(tmp_path, "agents.html", page).problems
    assert checkout.title == "Checkout hangs on large repositories"
    assert len(checkout.steps) == 2


# A Dropbox Paper (or Quip) document exported as Markdown: each problem's fix is a task list under a bold
# "Checklist" label, beside bold labels of its own for what is seen and why.
PAPER_DOC = """# Field laptops – VPN troubleshooting

**Last edited:** Mar 3, 2025 · **Owner:** @Network Ops

## 1. "Your certificate has expired"

**What the user sees:** `The VPN connection failed: the client certificate has expired (error 13801).`

**Why:** the laptop missed its monthly certificate renewal while it was off the network.

**Checklist**

- [ ] Connect the laptop to the office LAN by cable
- [ ] Run `certreq -renew` from an elevated prompt

## 2. Tunnel drops every 10 minutes

**What the user sees:** `Tunnel closed by peer: DPD timeout (code 0x2A)`

**Why:** the home router's SIP ALG rewrites the keep-alive packets.

**To do**

- [ ] Turn off SIP ALG on the home router
- [x] Switch the client to TCP 443
"""


def test_a_paper_doc_s_checklist_label_heads_each_problem_s_fix(tmp_path: Path) -> None:
    """A bold "Checklist" (or "To do") over a task list is the fix, as "Steps" is: read as text, neither
    heading was a problem, and the page one problem of both errors, whose answer was the first fix."""
    first, second = _read(tmp_path, "vpn.md", PAPER_DOC).problems
    assert first.title == '"Your certificate has expired"'
    assert first.cause == "the laptop missed its monthly certificate renewal while it was off the network."
    assert [s.text for s in first.steps] == [
        "Connect the laptop to the office LAN by cable",
        "Run certreq -renew from an elevated prompt",
    ]
    assert second.title == "Tunnel drops every 10 minutes"
    assert second.error_messages == ["Tunnel closed by peer: DPD timeout (code 0x2A)"]
    assert [s.text for s in second.steps] == [
        "Turn off SIP ALG on the home router",
        "Switch the client to TCP 443",
    ]


def test_a_checklist_named_for_what_it_checks_stays_a_topic(tmp_path: Path) -> None:
    """Only a checklist label alone names a fix: "Pre-upgrade checklist", "Launch to-do list" head
    what they list."""
    assert heading_role("Pre-upgrade checklist") == Role.TOPIC
    assert heading_role("Launch to-do list") == Role.TOPIC
    assert heading_role("Checklist") == heading_role("To-do") == Role.RESOLUTION


def test_a_struck_out_checklist_item_is_no_step_to_do(tmp_path: Path) -> None:
    """A checklist's item struck through ("- [x] ~~…~~") is an action tried and rejected: it was numbered
    as the fix's last step. It stays beside the steps as a note; an item only partly struck is a step."""
    page = PAPER_DOC.replace(
        "- [x] Switch the client to TCP 443\n",
        "- [x] Switch the client to TCP 443\n- [x] ~~Reinstall the VPN client~~\n- [ ] Check the ~~old~~ new DNS servers\n",
    )
    [_, second] = _read(tmp_path, "vpn.md", page).problems
    assert [(s.number, s.text) for s in second.steps] == [
        ("1", "Turn off SIP ALG on the home router"),
        ("2", "Switch the client to TCP 443"),
        ("3", "Check the ~~old~~ new DNS servers"),
    ]
    assert [(n.markdown, n.after) for n in second.notes] == [("~~Reinstall the VPN client~~", True)]


# An Outline document exported as Markdown: a checklist per fix, an item withdrawn by striking its action
# through and saying why beside it.
OUTLINE_DOC = """# Print server

## Jobs stay queued after a driver update

The queue shows `Error - Printing` on every job and nothing comes out.

**Fix**

- [x] Stop the spooler service.
- [x] ~~Delete the printer and add it again~~ (not needed since driver 6.2)
- [ ] Clear `C:\\Windows\\System32\\spool\\PRINTERS`.
- [ ] Start the spooler service.
"""


def test_a_checklist_item_struck_out_with_a_remark_beside_it_is_no_step(tmp_path: Path) -> None:
    """Outline keeps a withdrawn action ticked and struck through, the reason in brackets after it:
    it was numbered as a step to do, its strike marks shown as text."""
    [problem] = _read(tmp_path, "print.md", OUTLINE_DOC).problems
    assert [(s.number, s.text) for s in problem.steps] == [
        ("1", "Stop the spooler service."),
        ("2", "Clear C:\\Windows\\System32\\spool\\PRINTERS."),
        ("3", "Start the spooler service."),
    ]
    assert [(n.markdown, n.text, n.after) for n in problem.notes] == [
        (
            "~~Delete the printer and add it again~~ (not needed since driver 6.2)",
            "Delete the printer and add it again (not needed since driver 6.2)",
            True,
        )
    ]


def test_a_checklist_item_struck_only_in_part_before_a_remark_is_a_step(tmp_path: Path) -> None:
    """Guard: words struck through inside an action, and a struck action followed by more of it, are steps."""
    page = OUTLINE_DOC.replace(
        "- [x] ~~Delete the printer and add it again~~ (not needed since driver 6.2)",
        "- [x] Delete the ~~old~~ printer (the one on port 9100)\n- [x] ~~Delete~~ Rename the queue (keep its name short)",
    )
    [problem] = _read(tmp_path, "print.md", page).problems
    assert [s.text for s in problem.steps][1:3] == [
        "Delete the ~~old~~ printer (the one on port 9100)",
        "~~Delete~~ Rename the queue (keep its name short)",
    ]
    assert problem.notes == []


def test_a_paper_doc_s_comment_thread_is_the_page_s_not_notes_of_the_fix(tmp_path: Path) -> None:
    """Paper and Quip export a document's comments after it, under a "💬 **Comments**" label, each
    opened by its writer's mention and date: they were notes after the last fix's steps."""
    page = (
        PAPER_DOC
        + "\n---\n\n💬 **Comments**\n\n"
        + "**@Marta Ruiz** · Mar 4: Should we mention the captive portal case too?\n\n"
        + "**@Network Ops** · Mar 5: Good idea, adding it next week.\n"
    )
    article = _read(tmp_path, "vpn.md", page)
    [_, second] = article.problems
    assert [n.text for n in second.notes] == []
    assert [s.text for s in second.steps] == [
        "Turn off SIP ALG on the home router",
        "Switch the client to TCP 443",
    ]
    assert "captive portal" in article.body


def test_a_comments_label_over_paragraphs_no_byline_opens_stays_text(tmp_path: Path) -> None:
    """A "Comments" label over the author's own remarks, no writer's mention and date opening them, is
    the page's text as before: a note after the last steps."""
    page = PAPER_DOC + "\n**Comments**\n\nThe router steps differ on mesh systems.\n"
    [_, second] = _read(tmp_path, "vpn.md", page).problems
    assert "The router steps differ on mesh systems." in [n.text for n in second.notes]


# A video's transcript copied out of YouTube's transcript panel and saved as text: the video's title, its
# channel and views, "Transcript", then each chapter's title over its spoken lines, each under the time it
# is said at; the video opens and closes with the usual "Intro" and "Outro" chapters.
VIDEO_TRANSCRIPT = """Fix "Printer Offline" and "Driver is unavailable" on Windows 11 (2 Easy Fixes)
Desk Repair Lab
98K views  1 year ago

Transcript

Intro
0:00
what's up guys today I'll show you how to fix two printer errors on Windows
0:05
make sure you subscribe so you don't miss the next video

Printer Offline
0:12
so you hit print and the queue says Printer Offline
0:18
first open Settings then Bluetooth and devices then Printers and scanners
0:25
click your printer and turn off Use Printer Offline
0:31
then restart the Print Spooler service

Driver is unavailable
1:02
next one the printer shows Driver is unavailable under its name
1:09
go to the maker's website and download the latest driver
1:15
then install it and restart your computer

Outro
1:40
that's it drop a like if this helped and see you next time
"""


def test_a_video_transcript_s_chapters_are_its_problems_and_the_times_no_text(tmp_path: Path) -> None:
    # Read as a flat text, the whole transcript was one problem named after the file, each chapter one
    # step with its times run into it, and the title, channel and views a step too.
    article = _read(tmp_path, "printer-video.txt", VIDEO_TRANSCRIPT)
    assert article.title.startswith('Fix "Printer Offline" and "Driver is unavailable" on Windows 11')
    offline, driver = article.problems
    assert offline.title == "Printer Offline"
    assert driver.title == "Driver is unavailable"
    said = [offline.symptoms, offline.cause, *(s.text for s in offline.steps)]
    assert "then restart the Print Spooler service" in [s.text for s in offline.steps]
    assert not any(re.search(r"\b\d:\d\d\b", text) for text in said)
    assert [s.text for s in driver.steps][-1] == "then install it and restart your computer"
    for furniture in ("subscribe", "drop a like", "Desk Repair Lab", "98K views"):
        assert all(furniture not in text for problem in article.problems for text in problem_text(problem))
    assert "Transcript" not in article.body.split()


def problem_text(problem: Problem) -> list[str]:
    """Every text of ``problem``: its title, symptoms, cause, steps and notes."""
    steps, notes = (s.text for s in problem.steps), (n.text for n in problem.notes)
    return [problem.title, problem.symptoms, problem.cause, *steps, *notes]


def test_a_text_with_a_few_times_of_day_on_their_lines_is_no_transcript(tmp_path: Path) -> None:
    # Guard: a shift log's times alone on their lines over what happened stay a note's labelled parts.
    text = (
        "Nightly backup failed\n\n"
        "Symptoms: the backup job stopped with error 0x80070005.\n"
        "9:40\nthe job was queued\n10:15\nthe job started\n10:52\nthe job failed\n\n"
        "Resolution:\n1. Give the backup account write access to the share.\n2. Run the job again.\n"
    )
    (problem,) = _read(tmp_path, "backup.txt", text).problems
    assert problem.title == "Nightly backup failed"
    assert [s.text for s in problem.steps] == [
        "Give the backup account write access to the share.",
        "Run the job again.",
    ]


PDF_CODE_TABLE = """4.2 Fault codes
------------------------------------------------------------------------
Code     Description                     Action
------------------------------------------------------------------------
31.07    Fuser temperature too low       1. Switch the unit off for ten
         at warm-up.                        minutes.
                                         2. Replace the fuser lamp.
42.B3.0  Duplex flap does not close.     1. Reseat the flap sensor cable.
                                         2. Replace the flap solenoid.
------------------------------------------------------------------------
FX-300 Field Service Guide                                      Page 4-9
"""


def test_a_code_table_saved_as_text_from_a_pdf_is_a_problem_per_code(tmp_path: Path) -> None:
    """A PDF's code table as text (its names over a full rule, rows in their columns, a cell's lines
    wrapped under it) was one problem titled by its lines run together, its only step the footer."""
    article = _read(tmp_path, "fault-codes.txt", PDF_CODE_TABLE)
    fuser, flap = article.problems
    assert fuser.error_codes == ["31.07"] and flap.error_codes == ["42.B3.0"]
    assert "Fuser temperature too low at warm-up." in fuser.error_messages
    assert [(s.number, s.text) for s in fuser.steps] == [
        ("1", "Switch the unit off for ten minutes."),
        ("2", "Replace the fuser lamp."),
    ]
    assert [s.text for s in flap.steps] == ["Reseat the flap sensor cable.", "Replace the flap solenoid."]
    assert not any("Page 4-9" in s.text for p in article.problems for s in p.steps)


def test_a_heading_of_wide_spaced_words_over_a_full_rule_stays_a_heading(tmp_path: Path) -> None:
    """Guard: a heading underlined with dashes whose words a double space parts, over steps that run
    across where its second word stands, and a rule closing the page, is no table."""
    text = (
        "# Bridge\n\nReset  the bridge\n-----------------\n\n"
        "1. Hold the reset button for ten seconds.\n2. Wait for the light to turn green.\n\n"
        "-----------------\n\nPage owner: ops\n"
    )
    [problem] = _read(tmp_path, "bridge.md", text).problems
    assert [s.text for s in problem.steps] == [
        "Hold the reset button for ten seconds.",
        "Wait for the light to turn green.",
    ]


# An HCL (formerly IBM/Lotus) Domino knowledge document as its form renders it: a table of the document's
# own fields, then a layout table whose left cells label the parts (Problem, Cause, Resolving the problem)
# and whose right cells hold them, their lines apart by <br>.
DOMINO_DOCUMENT = """\
<html><head><title>Agent Manager stops with "Unable to load agent" - HCL Domino Knowledge Document</title></head>
<body>
<table width="100%" border="1">
<tr><td><b>Title:</b></td><td>Agent Manager stops with "Unable to load agent"</td></tr>
<tr><td><b>Document Number:</b></td><td>KB0087731</td></tr>
</table>
<table width="100%" border="0">
<tr valign="top"><td width="20%"><b>Problem</b></td>
<td>Scheduled agents in the mail template no longer run and the server console shows:<br>
<tt>AMgr: Unable to load agent 'Archive Old Mail' in database mail\\kwong.nsf: Agent is not signed</tt></td></tr>
<tr valign="top"><td><b>Cause</b></td>
<td>The template was replaced by a copy signed with an ID that is not trusted on this server.</td></tr>
<tr valign="top"><td><b>Resolving the problem</b></td>
<td>
1. Open the database in Domino Administrator.<br>
2. Sign the database with the server ID (Files &gt; Tools &gt; Sign).<br>
3. Restart the Agent Manager with <tt>tell amgr quit</tt> and <tt>load amgr</tt>.
</td></tr>
<tr valign="top"><td><b>Related information</b></td>
<td><a href="kb0081120.html">Signing databases and templates</a></td></tr>
</table>
</body></html>
"""


def test_a_domino_document_s_label_cells_head_its_parts_and_its_lines_are_its_steps(tmp_path: Path) -> None:
    """A Domino form's label cells name the parts beside them ("Resolving the problem" is its fix) and
    the <br>-separated lines of a part stay apart: the fix was one step of all three, under "Cause"."""
    [problem] = _read(tmp_path, "kb0087731.html", DOMINO_DOCUMENT).problems
    assert problem.symptoms.startswith("Scheduled agents in the mail template no longer run")
    assert problem.error_messages == [
        "AMgr: Unable to load agent 'Archive Old Mail' in database mail\\kwong.nsf: Agent is not signed"
    ]
    assert (
        problem.cause
        == "The template was replaced by a copy signed with an ID that is not trusted on this server."
    )
    assert [s.text for s in problem.steps] == [
        "Open the database in Domino Administrator.",
        "Sign the database with the server ID (Files > Tools > Sign).",
        "Restart the Agent Manager with tell amgr quit and load amgr.",
    ]


def test_a_line_break_in_a_data_table_s_cell_keeps_its_row_one_line(tmp_path: Path) -> None:
    """Guard: in a table that names no parts, a cell's <br> stays a space of its row's one line."""
    page = """<h1>Printer models</h1><p>Supported models:</p>
<table><tr><th>Model</th><td>ZD421<br>ZD621</td></tr><tr><th>Firmware</th><td>V84.20.18</td></tr></table>
<ol><li>Update the firmware.</li></ol>"""
    [problem] = _read(tmp_path, "models.html", page).problems
    assert problem.body == "Model | ZD421 ZD621\nFirmware | V84.20.18"
    assert [s.text for s in problem.steps] == ["Update the firmware."]


def test_a_domino_document_s_title_field_titles_it_without_the_site_s_name(tmp_path: Path) -> None:
    """The document's own "Title:" field (a bold label cell with its colon) is its title: its <title> adds
    the site's name, " - HCL Domino Knowledge Document", which the problem's title kept."""
    article = _read(tmp_path, "kb0087731.html", DOMINO_DOCUMENT)
    assert article.title == 'Agent Manager stops with "Unable to load agent"'
    assert [p.title for p in article.problems] == ['Agent Manager stops with "Unable to load agent"']


def test_a_page_whose_first_table_has_no_title_field_keeps_its_title_element(tmp_path: Path) -> None:
    """Guard: a first row labelled "Subtitle:" names no title: the <title> stays the page's title."""
    page = DOMINO_DOCUMENT.replace("<b>Title:</b>", "<b>Subtitle:</b>")
    article = _read(tmp_path, "kb0087731.html", page)
    assert article.title == 'Agent Manager stops with "Unable to load agent" - HCL Domino Knowledge Document'


# A Salesforce Knowledge Question/Answer article as a site built on it renders it: the record's fields as a
# definition list under the title, then the Question and Answer fields.
SALESFORCE_RECORD_PAGE = """<html><head><title>Webhook deliveries fail with 410 Gone | Help Center</title></head>
<body><article>
<h1>Webhook deliveries fail with 410 Gone</h1>
<dl>
<dt>Article Number</dt><dd>000412260</dd>
<dt>Version</dt><dd>7</dd>
<dt>Publish Date</dt><dd>2/3/2025</dd>
</dl>
<h2>Question</h2>
<p>Why does every delivery to our endpoint fail after we moved it?</p>
<pre>POST https://hooks.example.org/in returned 410 Gone: endpoint retired</pre>
<h2>Answer</h2>
<p>The subscription still points at the retired address.</p>
<ol><li>Open Settings &gt; Webhooks.</li><li>Edit the subscription and enter the new address.</li></ol>
</article></body></html>
"""


def test_a_knowledge_record_s_field_list_under_the_title_is_the_page_s(tmp_path: Path) -> None:
    """Salesforce Knowledge's record fields (Article Number, Version, Publish Date) as a definition list
    under the title are the page's record: each label and value was a paragraph of the symptoms. They
    stay searchable."""
    article = _read(tmp_path, "webhooks.html", SALESFORCE_RECORD_PAGE)
    [problem] = article.problems
    assert problem.symptoms.startswith("Why does every delivery to our endpoint fail after we moved it?")
    assert "000412260" not in problem.symptoms and "2/3/2025" not in problem.symptoms
    assert "Article Number: 000412260" in article.body
    assert problem.cause == "The subscription still points at the retired address."
    assert [s.text for s in problem.steps] == [
        "Open Settings > Webhooks.",
        "Edit the subscription and enter the new address.",
    ]


def test_a_definition_list_of_versions_without_the_article_s_number_stays_text(tmp_path: Path) -> None:
    """Guard: "Version" is the record's only beside the article's number: a list of a product's versions
    and dates stays the problem's text."""
    page = SALESFORCE_RECORD_PAGE.replace("<dt>Article Number</dt><dd>000412260</dd>\n", "")
    [problem] = _read(tmp_path, "webhooks.html", page).problems
    assert "2/3/2025" in problem.symptoms


# A French help centre's panel or screen "indique" or "affiche" its message, set in bold as the panel
# shows it, as an English one's "shows".
FRENCH_PANEL_MESSAGE = """\
<!DOCTYPE html>
<html lang="fr">
<head><meta charset="utf-8"><title>Terminal de paiement | Centre d'aide</title></head>
<body>
<article>
<h1>Le terminal refuse les cartes sans contact</h1>
<h2>Symptômes</h2>
<p>Au moment du paiement, le terminal émet deux bips et l'écran indique <strong>Lecture NFC impossible. Insérez la carte.</strong></p>
<p>Après un redémarrage, l'écran d'accueil affiche <b>Mode avion</b> en haut à droite.</p>
<h2>Cause</h2>
<p>Le module sans contact a été désactivé par la dernière mise à jour.</p>
<h2>Résolution</h2>
<ol>
  <li>Ouvrez le menu Paramètres.</li>
  <li>Réactivez le sans contact.</li>
</ol>
</article>
</body>
</html>
"""


def test_a_bold_message_a_french_screen_shows_is_an_error_message(tmp_path: Path) -> None:
    """ "l'écran indique <strong>…</strong>" says what the screen printed, as "the screen shows" does;
    a bold setting it shows ("affiche <b>Mode avion</b>") says nothing went wrong."""
    [problem] = _read(tmp_path, "terminal.html", FRENCH_PANEL_MESSAGE).problems
    assert problem.title == "Le terminal refuse les cartes sans contact"
    assert problem.error_messages == ["Lecture NFC impossible. Insérez la carte."]
    assert problem.cause == "Le module sans contact a été désactivé par la dernière mise à jour."
    assert [step.text for step in problem.steps] == [
        "Ouvrez le menu Paramètres.",
        "Réactivez le sans contact.",
    ]


def test_a_bold_message_after_a_french_display_verb_and_its_word_for_a_message_is_an_error_message(
    tmp_path: Path,
) -> None:
    """ "affiche le message **…**" and "… s'affiche" name it as much."""
    text = (
        "# Synchronisation bloquée\n\n## Symptômes\n\n"
        "L'application affiche le message **Votre session a expiré, reconnectez-vous pour continuer.**\n\n"
        "## Résolution\n\n1. Déconnectez-vous.\n2. Reconnectez-vous.\n"
    )
    [problem] = _read(tmp_path, "sync.md", text).problems
    assert problem.error_messages == ["Votre session a expiré, reconnectez-vous pour continuer."]


# A Korean help centre puts the verb last: the quoted message, then "메시지가 나타납니다" ("the message
# appears") after it.
KOREAN_MESSAGE_AFTER = """\
# 모바일 OTP 인증 실패

### 증상

"등록된 기기 정보가 일치하지 않습니다. 기기를 다시 등록해 주세요. [M2210]" 메시지가 표시됩니다.

앱 하단에 "전체 메뉴" 버튼이 나타납니다.

### 원인

휴대폰을 교체한 뒤 기기 등록을 하지 않았습니다.

### 해결 방법

1. **전체 메뉴**에서 **기기 관리**를 누릅니다.
2. 새 기기를 등록합니다.
"""


def test_a_korean_quote_that_the_words_after_it_call_a_message_is_an_error_message(tmp_path: Path) -> None:
    """'"…" 메시지가 표시됩니다' quotes what the app printed, as 'The message "…" appears' does; a
    quoted button that appears ('"전체 메뉴" 버튼이 나타납니다') is no message."""
    [problem] = _read(tmp_path, "otp.md", KOREAN_MESSAGE_AFTER).problems
    assert problem.title == "모바일 OTP 인증 실패"
    assert problem.error_messages == [
        "등록된 기기 정보가 일치하지 않습니다. 기기를 다시 등록해 주세요. [M2210]"
    ]
    assert problem.cause == "휴대폰을 교체한 뒤 기기 등록을 하지 않았습니다."
    assert [step.number for step in problem.steps] == ["1", "2"]


# A knowledge base in Taiwan quotes what a screen shows in corner brackets after 顯示 or 出現.
TAIWAN_CORNER_BRACKETS = """\
<!DOCTYPE html>
<html lang="zh-Hant-TW">
<head><meta charset="utf-8"><title>無線網路認證 - 電算中心</title></head>
<body>
<h1>校園無線網路無法通過認證</h1>
<h3>問題描述</h3>
<p>選擇校園無線網路並輸入帳號後，畫面出現「The server certificate was issued by an untrusted authority」。</p>
<p>設定畫面會顯示「進階選項」頁面。</p>
<h3>原因</h3>
<p>裝置未安裝學校的根憑證。</p>
<h3>解決方法</h3>
<ol>
  <li>下載並安裝根憑證。</li>
  <li>重新連線。</li>
</ol>
</body>
</html>
"""


def test_a_message_a_chinese_sentence_shows_in_corner_brackets_is_an_error_message(tmp_path: Path) -> None:
    """「…」 after 顯示 or 出現 is what the screen printed, as 'it shows "…"' is; a page's name so
    shown (「進階選項」) is no message."""
    [problem] = _read(tmp_path, "wifi.html", TAIWAN_CORNER_BRACKETS).problems
    assert problem.title == "校園無線網路無法通過認證"
    assert problem.error_messages == ["The server certificate was issued by an untrusted authority"]
    assert problem.cause == "裝置未安裝學校的根憑證。"
    assert [step.text for step in problem.steps] == ["下載並安裝根憑證。", "重新連線。"]


def test_a_japanese_quote_that_the_words_after_it_say_is_shown_is_an_error_message(tmp_path: Path) -> None:
    """ "「…」と表示されます" and "「…」というメッセージが表示されます" quote what the screen printed; a quoted
    button that is shown ("「設定」ボタンが表示されます") is no message."""
    text = (
        "# 勤怠アプリに打刻できない\n\n## 症状\n\n"
        "打刻ボタンを押すと「現在地が勤務地の範囲外です。管理者に連絡してください」というメッセージが"
        "表示されます。\n\n画面下部に「設定」ボタンが表示されます。\n\n"
        "## 対処方法\n\n1. 位置情報を許可します。\n2. アプリを再起動します。\n"
    )
    [problem] = _read(tmp_path, "punch.md", text).problems
    assert problem.error_messages == ["現在地が勤務地の範囲外です。管理者に連絡してください"]
    assert [step.number for step in problem.steps] == ["1", "2"]


@pytest.mark.parametrize(
    ("sentence", "messages"),
    [
        # A program's untranslated text after the verb alone, as after "shows".
        ("接続すると「The gateway closed the tunnel after the idle timer ran out」と表示されます。", 1),
        ('연결하면 "The gateway closed the tunnel after the idle timer ran out"라고 표시됩니다.', 1),
        # A success in the sentence's own language after the verb alone (guards).
        ("接続すると「トンネルは正常に確立されました」と表示されます。", 0),
        ("連線完成後畫面顯示「已成功連線至校園網路」。", 0),
    ],
)
def test_a_quote_a_cjk_verb_of_showing_alone_names_is_a_message_when_it_is_a_program_s_own_text(
    tmp_path: Path, sentence: str, messages: int
) -> None:
    """With no word for a message or a failure, only text left in Latin script (a program's own) is
    taken: a shown success in the page's language is not."""
    text = f"# VPN\n\n## Symptoms\n\n{sentence}\n\n## Resolution\n\n1. Reconnect.\n"
    [problem] = _read(tmp_path, "vpn.md", text).problems
    expected = ["The gateway closed the tunnel after the idle timer ran out"][:messages]
    assert problem.error_messages == expected


# Dropbox Paper's own Markdown export: every section an H1 after a "----------" rule, and each to-do a bare
# check box opening its line, with no list mark, indented under the to-do it belongs to.
PAPER_EXPORT = """# Warehouse scanners – quick fixes
@Tomas Berg  • Last edited Feb 2, 2026


----------
# Scanner will not pair with the dock

The handset beeps three times and shows **BT-207 Pairing refused**.

**Why:** the dock still holds the key of the handset it was paired with before.

[ ] Hold the dock's reset button for ten seconds
[x] Scan the pairing barcode on the dock
    [ ] If BT-207 shows again, swap the dock's battery


----------
# Labels print blank

**Why:** the ribbon was loaded inside out.

1. Open the printer cover
2. Turn the ribbon so the ink side faces the label
"""


def test_a_paper_export_s_bare_check_boxes_are_the_fix_s_steps(tmp_path: Path) -> None:
    """Paper writes a to-do as ``[ ] item`` with no list mark: read as a paragraph, the section was body text
    and its problem, with its error code, was lost. Each box is a step, one indented under another its
    sub-step."""
    pairing, blank = _read(tmp_path, "scanners.md", PAPER_EXPORT).problems
    assert pairing.title == "Scanner will not pair with the dock"
    assert pairing.cause == "the dock still holds the key of the handset it was paired with before."
    assert [(s.number, s.text) for s in pairing.steps] == [
        ("1", "Hold the dock's reset button for ten seconds"),
        ("2", "Scan the pairing barcode on the dock"),
        ("2.1", "If BT-207 shows again, swap the dock's battery"),
    ]
    assert blank.title == "Labels print blank"


def test_one_line_opening_with_brackets_in_prose_stays_text(tmp_path: Path) -> None:
    """Guard: a single line that opens with a box, and a box inside a code block, are no checklist."""
    page = PAPER_EXPORT.replace(
        "[ ] Hold the dock's reset button for ten seconds\n[x] Scan the pairing barcode on the dock\n"
        "    [ ] If BT-207 shows again, swap the dock's battery\n",
        "1. Print the config\n\n```\n[ ] option-a\n[x] option-b\n```\n\n[ ] marks an option that is off.\n",
    )
    pairing, _ = _read(tmp_path, "scanners.md", page).problems
    [step] = pairing.steps
    assert "```\n[ ] option-a\n[x] option-b\n```" in step.markdown
    assert "[ ] marks an option that is off." in [n.text for n in pairing.notes]


def test_a_paper_export_s_first_h1_over_its_byline_is_the_title(tmp_path: Path) -> None:
    """Paper writes the document's title and its sections alike as H1s: the first, over its byline
    ("@Tomas Berg • Last edited …") and the rule, is the title, where the file's name was."""
    article = _read(tmp_path, "scanners.md", PAPER_EXPORT)
    assert article.title == "Warehouse scanners – quick fixes"
    assert [p.title for p in article.problems] == [
        "Scanner will not pair with the dock",
        "Labels print blank",
    ]


def test_a_first_h1_over_a_sentence_is_no_paper_title(tmp_path: Path) -> None:
    """Guard: a first H1 over the byline and a sentence of its own is a section, as before."""
    page = PAPER_EXPORT.replace(
        "Last edited Feb 2, 2026\n", "Last edited Feb 2, 2026\n\nThese fixes apply to the DS-20 handsets.\n"
    )
    assert _read(tmp_path, "scanners.md", page).title == "scanners"
