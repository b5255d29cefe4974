"""What the review's findings left after their first fixes: a problem's code that its title closes with and
its message quotes (a help centre's "Reader not paired (E-204)"), a message in single quotes in an
accordion's title, a DocBook chapter's number before the article's title, and a Romanian FAQ's answer
that explains before it numbers its fix.

Each test writes a small article of its own in the style and reads it with the real indexer, with a guard
for the nearest shape that must read as before.
"""

from __future__ import annotations

from pathlib import Path

from test_house_styles import read

from indexer.messages import is_error_lead

# A Salesforce Knowledge article's fields, each scenario labelled "Symptom N" in every field; the
# resolution's labels title the scenarios, with the code the till's display shows in brackets.
TILL_SCENARIOS = """\
<html><head><title>Cafe till: scale and drawer errors</title></head><body>
<h1 class="slds-page-header__title article-head">Cafe till: scale and drawer errors</h1>
<div class="slds-form-element"><span class="test-id__field-label">Symptoms</span><div class="slds-form-element__control"><span class="uiOutputRichTextArea forceOutputRichText"><b>Symptom 1:</b> The till shows "S-117 Scale not responding" when an item is weighed.<br><b>Symptom 2:</b> The cash drawer does not open at the end of a sale.</span></div></div>
<div class="slds-form-element"><span class="test-id__field-label">Cause</span><div class="slds-form-element__control"><span class="uiOutputRichTextArea forceOutputRichText"><b>Symptom 1:</b> The scale's USB cable was moved to another port.<br><b>Symptom 2:</b> The drawer's cable is plugged into the wrong printer port.</span></div></div>
<div class="slds-form-element"><span class="test-id__field-label">Resolution</span><div class="slds-form-element__control"><span class="uiOutputRichTextArea forceOutputRichText"><b>Symptom 1 - Scale not responding (S-117)</b><br>1. Plug the scale back into the port marked SCALE.<br>2. Restart the till.<br><br><b>Symptom 2 - Drawer does not open (D-220)</b><br>1. Plug the drawer cable into the DK port of the receipt printer.<br>2. Print a test receipt.</span></div></div>
</body></html>
"""


def test_a_code_a_title_closes_with_in_brackets_and_its_message_quotes_is_the_problem_s(
    tmp_path: Path,
) -> None:
    scale, drawer = read(tmp_path / "kb", "000512.html", TILL_SCENARIOS).problems
    # Before: the display's message "S-117 Scale not responding" was read, its code was not (a letter, a
    # hyphen and digits before words in lower case are read as a model's name, "A-100 GPU not detected").
    assert scale.title == "Scale not responding (S-117)"
    assert scale.error_messages == ["S-117 Scale not responding"]
    assert scale.error_codes == ["S117"]
    assert [s.text for s in scale.steps] == [
        "Plug the scale back into the port marked SCALE.",
        "Restart the till.",
    ]
    # The nearest shape: a code in brackets closing a title that no message of its problem quotes is as
    # likely a model's or a part's ("(D-220)" here): it stays no code.
    assert drawer.title == "Drawer does not open (D-220)"
    assert drawer.error_codes == []


# Mintlify's accordions under a heading of errors: a title is an attribute in double quotes, so the
# message it quotes is in single quotes.
WEBHOOK_ACCORDIONS = """\
---
title: "Troubleshooting callbacks"
---

## Callback errors

<AccordionGroup>
  <Accordion title="Callbacks fail with 'certificate verify failed: self-signed certificate in chain'">
    Your endpoint serves a certificate that your own authority signed, which Parcelbay does not trust.

    **Fix:** serve a certificate from a public authority, then click **Retry** on the failed callback.
  </Accordion>
  <Accordion title="The 'Retry' button is greyed out">
    A callback can be retried for seven days only.

    **Fix:** send the event again from **Events > Replay**.
  </Accordion>
  <Accordion title="Members' callbacks don't arrive after a 'Team' plan change">
    A plan change gives the workspace new signing keys.

    **Fix:** copy the new signing key into your handler.
  </Accordion>
</AccordionGroup>
"""


def test_a_message_in_single_quotes_in_an_accordion_title_is_the_problem_s_message(tmp_path: Path) -> None:
    failed, greyed, apostrophes = read(tmp_path / "docs", "callbacks.mdx", WEBHOOK_ACCORDIONS).problems
    # Before: only a message in double quotes was read from a title, and an attribute's title quotes in
    # single quotes; the pasted message found the problem by its words only.
    assert failed.title == "Callbacks fail with 'certificate verify failed: self-signed certificate in chain'"
    assert failed.error_messages == ["certificate verify failed: self-signed certificate in chain"]
    assert [s.text for s in failed.steps] == [
        "serve a certificate from a public authority, then click Retry on the failed callback."
    ]
    # The nearest shape: a button's name in single quotes is no message, nor is an apostrophe a quote.
    assert greyed.title == "The 'Retry' button is greyed out"
    assert greyed.error_messages == []
    assert apostrophes.error_messages == []


# A chunked DocBook book's page: the stylesheets number each section, the page's own ("5.2.") and its
# problems' ("5.2.1."), in the <title> and the headings alike.
DOCBOOK_SECTION = """\
<html><head><meta name="generator" content="DocBook XSL Stylesheets V1.79.1"><title>5.2. Printing problems</title></head><body>
<div class="section"><div class="titlepage"><div><div><h2 class="title" style="clear: both"><a name="ts-print"></a>5.2. Printing problems</h2></div></div></div>
<div class="section"><div class="titlepage"><div><div><h3 class="title"><a name="ts-spool"></a>5.2.1. Jobs stay in the spool queue</h3></div></div></div>
<p><span class="bold"><strong>Symptom. </strong></span>The queue shows every job as <code class="literal">held</code>.</p>
<p><span class="bold"><strong>Cause. </strong></span>The spooler lost its connection to the print server.</p>
<div class="procedure"><ol class="procedure" type="1"><li class="step"><p>Restart the spooler service.</p></li><li class="step"><p>Release the held jobs.</p></li></ol></div>
</div></div></body></html>
"""


def test_a_docbook_page_s_section_number_is_no_word_of_the_article_s_title(tmp_path: Path) -> None:
    article = read(tmp_path / "book", "ch05s02.html", DOCBOOK_SECTION)
    # Before: the problem's title lost its "5.2.1." (the earlier fix), the article's kept its "5.2.".
    assert article.title == "Printing problems"
    [spool] = article.problems
    assert spool.title == "Jobs stay in the spool queue"
    assert [s.text for s in spool.steps] == ["Restart the spooler service.", "Release the held jobs."]
    # The nearest shape: a version before a title, with no full stop after it, is a word of the title.
    versioned = read(
        tmp_path / "notes", "upgrade.md", "# 2.4 upgrade fails on replicas\n\nRun the upgrade again.\n"
    )
    assert versioned.title == "2.4 upgrade fails on replicas"


# A Romanian FAQ: "Î:" asks, "R:" answers; the answer says what goes wrong, shows the message the
# device prints and why, then numbers what to do.
MODEM_FAQ = """\
# Întrebări frecvente – modemul LX-7

**Î: Ledul „DSL” clipește portocaliu și nu pot naviga. Ce fac?**

R: Modemul nu se sincronizează cu centrala. În pagina *Diagnostic* apare mesajul:

    DSL: sincronizare eșuată (cod 32)

Cauza obișnuită este un filtru ADSL lipsă pe una dintre prizele de telefon.

1. Montați un filtru pe fiecare priză de telefon din casă.
2. Reporniți modemul.

**Î: Imprimanta Wi-Fi nu mai apare în rețea.**

R: Modemul i-a dat altă adresă IP după repornire.

1. Rezervați o adresă pentru imprimantă la **Rețea > DHCP**.
"""


def test_a_faq_answer_that_shows_its_error_and_says_why_before_its_numbered_fix(tmp_path: Path) -> None:
    dsl, printer = read(tmp_path / "faq", "modem-lx7.md", MODEM_FAQ).problems
    # Before: the answer's prose was step 1 and the sentence that gives the cause step 2, before the
    # numbered fix; the message shown under "apare mesajul:" was read already.
    assert dsl.title == "Ledul „DSL” clipește portocaliu și nu pot naviga. Ce fac?"
    assert dsl.error_messages == ["DSL: sincronizare eșuată (cod 32)"]
    assert "Cauza obișnuită este un filtru ADSL lipsă" in dsl.cause
    assert [s.text for s in dsl.steps] == [
        "Montați un filtru pe fiecare priză de telefon din casă.",
        "Reporniți modemul.",
    ]
    # The nearest shape: one paragraph that shows no error right before the numbered fix is what the
    # steps are for, a note before them, as it was.
    assert printer.cause == ""
    assert [s.text for s in printer.steps] == ["Rezervați o adresă pentru imprimantă la Rețea > DHCP."]
    assert [n.text for n in printer.notes] == ["Modemul i-a dat altă adresă IP după repornire."]


# The same FAQ's answer that gives the whole message a question quoted in part, under "the full
# message is:"; and the nearest shape, a lead-in to the whole command to run.
UPDATE_FAQ = """\
# Întrebări frecvente – modemul LX-7

**Î: La actualizare primesc „Fișier invalid”. Ce fac?**

R: Mesajul complet este:

    Eroare E-UP07: Fișier invalid sau semnătură necunoscută.

Modemul acceptă doar fișiere semnate de furnizor.

1. Descărcați fișierul doar din contul de client.
2. Reîncercați actualizarea.

**Q: The backup never finishes. What do I do?**

A: The full command is:

    lxctl backup --full --target /mnt/usb

1. Run it from the console.
2. Wait for the LED to turn green.
"""


def test_the_full_message_an_answer_gives_under_its_lead_in_is_an_error_message(tmp_path: Path) -> None:
    update, backup = read(tmp_path / "faq", "modem-update.md", UPDATE_FAQ).problems
    # Before: "Mesajul complet este:" (the full message is) announced nothing, and the message, the lead-in
    # and the answer's explanation were steps 1 and 2.
    assert "Eroare E-UP07: Fișier invalid sau semnătură necunoscută." in update.error_messages
    assert update.cause == "Modemul acceptă doar fișiere semnate de furnizor."
    assert [s.text for s in update.steps] == [
        "Descărcați fișierul doar din contul de client.",
        "Reîncercați actualizarea.",
    ]
    # In English too; the nearest shape, the full command, is no message.
    assert is_error_lead("The full error message is:")
    assert not is_error_lead("The full command is:")
    assert backup.error_messages == []
