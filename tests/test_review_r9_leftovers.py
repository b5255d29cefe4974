"""What the review R9 rounds left misread: an English "compare" read as the Italian verb of appearing (a
lead over healthy output); a printer's name a help centre's message quotes read as the problem's code; a Roam
page's "Related::" links read into its last problem; a Q&A wiki's answer whose explanation was step 1 of
its fix; a known error's record fields, after its "Template: Known Error" line, read as its symptoms.

Each test writes a small article of its own in the house style, finds it as `kb index` does and reads it
with the real indexer, or indexes it and asks the matcher.
"""

from __future__ import annotations

from pathlib import Path

from test_house_styles import read

from api.knowledge import KnowledgeBase
from api.matcher import match
from indexer.build import build_index
from indexer.roles import asks_why

HEALTHY_OUTPUT_FIX = """\
# Sync agent troubleshooting

## Sync stops after the upgrade

The agent stops syncing after the upgrade to 4.2 and the tray icon turns grey.

### Resolution

Remove the old service with `syncctl service remove --legacy`, then run `syncctl doctor`. {lead}

```
service: running
last error: none
```

Restart the computer.
"""

HEALTHY_LINE_STEPS = """\
# Sync agent troubleshooting

## Sync stops after the upgrade

The agent stops syncing after the upgrade to 4.2 and the tray icon turns grey.

### Resolution

1. Remove the old service with `syncctl service remove --legacy`.
2. Run `syncctl doctor`. {lead}

   `service: running; last error: none`

3. Restart the computer.
"""


def test_output_an_english_fix_says_to_compare_with_is_no_message(tmp_path: Path) -> None:
    # CODE-1. Before: "compare", listed as the Italian verb of appearing, made "Compare it with:" a lead
    # announcing a printed failure, and the healthy output ("last error: none") the problem's message.
    for shape in (HEALTHY_OUTPUT_FIX, HEALTHY_LINE_STEPS):
        for lead in ("Compare it with:", "Then compare the output with this:"):
            [problem] = read(tmp_path / "kb", "sync.md", shape.format(lead=lead)).problems
            assert problem.title == "Sync stops after the upgrade"
            assert problem.error_messages == [], lead
            assert problem.steps[-1].text == "Restart the computer.", lead


ITALIAN_BANNER = """\
# Errori di stampa delle etichette

## La stampante risulta offline

Quando fai clic su **Stampa etichetta**, {lead}

```
Stampa non riuscita: la stampante non risponde (PRN-4410)
```

1. Stampa un'etichetta di configurazione e annota l'indirizzo IP.
2. Inserisci l'indirizzo in **Impostazioni → Stampanti**.
"""


def test_a_banner_an_italian_article_says_compare_over_is_still_the_message(tmp_path: Path) -> None:
    # Guard: the Italian verb ("compare un banner rosso:", "compare questo messaggio:") still announces what
    # comes into view, as "appare" does.
    for lead in ("compare un banner rosso:", "compare questo messaggio:", "appare un banner rosso:"):
        [problem] = read(tmp_path / "kb", "stampa.md", ITALIAN_BANNER.format(lead=lead)).problems
        assert problem.error_messages == ["Stampa non riuscita: la stampante non risponde (PRN-4410)"], lead
        assert problem.error_codes == ["PRN4410"], lead


def test_an_italian_compare_with_an_adverb_a_place_or_nothing_after_it_is_a_lead(tmp_path: Path) -> None:
    # Reread of baf41e8 §2. Before: "compare" was a lead only with an article right after it, but Italian
    # puts an adverb or a place there, or nothing, and the banner and its code were lost; a paste of the
    # banner found no confident match.
    leads = (
        "compare:",
        "nella barra di stato compare sempre questo errore:",
        "compare di nuovo il messaggio:",
        "compare nella barra di stato:",
        "compare a video il messaggio:",
        "compare anche questo errore:",
        "compaiono questi messaggi:",
    )
    for lead in leads:
        [problem] = read(tmp_path / "kb", "stampa.md", ITALIAN_BANNER.format(lead=lead)).problems
        assert problem.error_messages == ["Stampa non riuscita: la stampante non risponde (PRN-4410)"], lead
        assert problem.error_codes == ["PRN4410"], lead
        assert problem.steps[0].text.startswith("Stampa un'etichetta di configurazione"), lead
    build_index([tmp_path / "kb"], tmp_path / "kb.db")
    query = "Stampa non riuscita: la stampante non risponde (PRN-4410)"
    assert match(KnowledgeBase(tmp_path / "kb.db"), query).matches[0].confidence == "high"


def test_output_an_english_fix_compares_against_or_with_is_no_message(tmp_path: Path) -> None:
    # Guard: the English imperative, whatever it compares, still announces no failure.
    for lead in ("Compare your output against:", "Compare them:", "Compare with this healthy result:"):
        [problem] = read(tmp_path / "kb", "sync.md", HEALTHY_OUTPUT_FIX.format(lead=lead)).problems
        assert problem.error_messages == [], lead
        assert problem.steps[-1].text == "Restart the computer.", lead


HELP_CENTRE_PRINTERS = """\
<html><body><h1>Shipping label problems</h1>
<h2>Label printer is offline (E-3107)</h2>
<p><strong>Symptom:</strong> When you click <em>Print</em>, a red banner appears:</p>
<pre>E-3107: Printer "TLP2844-Bay7" is offline or not responding</pre>
<p><strong>Resolution:</strong></p>
<ol><li>Turn the printer off and on.</li><li>Select the printer again under <b>Settings</b>.</li></ol>
<h2>Labels print blank</h2>
<p><strong>Symptom:</strong> The printer feeds blank labels. No error is shown.</p>
<p><strong>Resolution:</strong></p>
<ol><li>Turn the ribbon over.</li><li>Calibrate the printer.</li></ol>
</body></html>
"""


def test_a_printer_name_a_message_quotes_gives_its_problem_no_code(tmp_path: Path) -> None:
    # R9a §6. Before: the Symptom part, which shows the message, gave the offline problem the code TLP2844
    # from the printer's name the message quotes ("TLP2844-Bay7"), and a query naming the model was
    # answered high with that problem.
    article = read(tmp_path / "kb", "printers.html", HELP_CENTRE_PRINTERS)
    offline, blank = article.problems
    assert offline.title == "Label printer is offline (E-3107)"
    assert offline.error_messages == ['E-3107: Printer "TLP2844-Bay7" is offline or not responding']
    assert offline.error_codes == ["E3107"]
    assert [s.text for s in blank.steps] == ["Turn the ribbon over.", "Calibrate the printer."]
    build_index([tmp_path / "kb"], tmp_path / "kb.db")
    answer = match(KnowledgeBase(tmp_path / "kb.db"), "TLP2844")
    assert not (answer.matches and answer.matches[0].confidence == "high")
    assert match(KnowledgeBase(tmp_path / "kb.db"), "E-3107").matches[0].confidence == "high"


def test_a_code_a_symptom_quotes_outside_any_message_value_is_still_the_problem_s(tmp_path: Path) -> None:
    # Guard: only the values a message quotes are taken away; a code the symptom quotes as what the screen
    # shows, and one a message shows unquoted, stay the problem's.
    text = """\
# Scanner errors

## Scanner cannot log in

**Symptom:** The handheld shows "SC-4471" after you scan your badge.

**Resolution:**

1. Sign out of the handheld.
2. Scan your badge again.

## Upload stops

**Symptom:** The upload stops with `Upload failed: host "depot-02" refused the connection (UP-2203)`.

**Resolution:**

1. Connect the handheld to the depot Wi-Fi.
2. Upload again.
"""
    login, upload = read(tmp_path / "kb", "scanners.md", text).problems
    assert login.error_codes == ["SC4471"]
    assert upload.error_codes == ["UP2203"]


BACKUP_JOB = """\
# Backup agent troubleshooting

## Nightly backup job fails

### Symptoms

The nightly job fails and the console shows status BKP-4012 on the job card.{lead}

```
Job failed: status "BKP-4012" returned by the storage node
```

### Resolution

1. Restart the agent on the storage node.
2. Run the job again from the console.
"""


def test_a_code_a_symptom_names_unquoted_stays_where_the_message_quotes_it(tmp_path: Path) -> None:
    # Reread of 07e4ca5 §1. Before: every occurrence of a value the message quotes was taken out of the
    # symptoms, also the symptom's own unquoted "status BKP-4012", so the job's real code was lost and a
    # paste of it found no confident match; so too with the message under a heading of its own.
    for lead in (" The agent log shows:", "\n\n### Error message"):
        text = BACKUP_JOB.format(lead=lead)
        [problem] = read(tmp_path / "kb", "backup.md", text).problems
        assert problem.title == "Nightly backup job fails"
        assert problem.error_messages == ['Job failed: status "BKP-4012" returned by the storage node']
        assert problem.error_codes == ["BKP4012"], lead
        assert [s.text for s in problem.steps] == [
            "Restart the agent on the storage node.",
            "Run the job again from the console.",
        ]
    build_index([tmp_path / "kb"], tmp_path / "kb.db")
    assert match(KnowledgeBase(tmp_path / "kb.db"), "BKP-4012").matches[0].confidence == "high"


# A Roam Research page: blocks nested by four spaces, the page's attributes as blocks, a "- ##" heading block
# per problem, and the pages it links to in an attribute block after the last problem.
ROAM_RUNBOOK = """\
- Type:: [[Runbook]]
- Owner:: [[Search On-call]]
- ## Index writes are rejected
    - Symptoms
        - Writers log `ClusterBlockException: index [orders] blocked by: [FORBIDDEN/12/index read-only / allow delete (api)]`
    - Cause
        - A data node passed the flood-stage disk watermark
    - Fix
        - {{[[TODO]]}} Free disk space on the node
        - {{[[TODO]]}} Clear the block: `PUT orders/_settings {"index.blocks.read_only_allow_delete": null}`
- ## Queries time out after a reindex
    - Symptoms
        - Searches take more than 30 s for ten minutes after the nightly reindex
    - Cause
        - The new index has no replicas yet
    - Fix
        - Wait for the replicas to be assigned
        - Run the reindex an hour earlier
- Related:: [[Disk watermarks]] [[Nightly reindex]]
- See the incident review of 2024-02 for why the watermark was lowered
"""


def test_a_roam_page_s_related_links_after_the_last_problem_are_no_steps_of_it(tmp_path: Path) -> None:
    # R9b §3. Before: "- Related:: [[…]]" became the heading "Related: Disk watermarks Nightly reindex", a
    # group of the last problem's steps, the block after it its step 1.
    writes, queries = read(tmp_path / "roam", "Search runbook.md", ROAM_RUNBOOK).problems
    assert (writes.title, queries.title) == ("Index writes are rejected", "Queries time out after a reindex")
    assert [(s.group, s.text) for s in queries.steps] == [
        (None, "Wait for the replicas to be assigned"),
        (None, "Run the reindex an hour earlier"),
    ]
    assert "The new index has no replicas yet" in queries.cause
    assert len(writes.steps) == 2


def test_a_logseq_part_property_keeps_its_value_beside_a_related_property(tmp_path: Path) -> None:
    # Guard: only a property whose key alone heads a page's links loses its value; one that names a part of
    # the problem ("cause:: …") keeps it in the problem.
    text = """\
title:: Print relay troubleshooting

- ## Jobs stay in "Spooling"
	- symptoms::
		- The relay log shows `spool write failed: quota exceeded (PR-3104)`
	- cause:: the spool volume is full
	- fix::
		- Empty the spool
		- Restart the relay
- Related:: [[Print relay install guide]]
"""
    [problem] = read(tmp_path / "pages", "print-relay.md", text).problems
    assert "the spool volume is full" in problem.body
    assert [s.text for s in problem.steps] == ["Empty the spool", "Restart the relay"]


def test_a_logseq_boilerplate_property_whose_value_is_no_links_keeps_its_value(tmp_path: Path) -> None:
    # Reread of aed34aa §3. Before: every property whose key reads as boilerplate ("applies-to::",
    # "additional-information::", "related-errors::") lost its value, written nowhere, so the versions, the
    # other error and the case it names were no longer searchable.
    text = """\
title:: GlobalProtect troubleshooting

- ## VPN drops after changing networks
\t- symptoms::
\t\t- The tray icon shows `Gateway disconnected (GP-3107)` a minute after the laptop joins another network
\t- applies-to:: GlobalProtect 6.2 on macOS 14 Sonoma
\t- fix::
\t\t- Quit GlobalProtect from the menu bar
\t\t- Open it again and connect
\t- additional-information:: The same happens after switching between Wi-Fi networks with a different DNS suffix.
- related-errors:: GP-1402 Portal unreachable
"""
    article = read(tmp_path / "pages", "globalprotect.md", text)
    [problem] = article.problems
    assert problem.title == "VPN drops after changing networks"
    assert problem.error_codes == ["GP3107"]
    assert [s.text for s in problem.steps] == [
        "Quit GlobalProtect from the menu bar",
        "Open it again and connect",
    ]
    searchable = "\n".join((article.body, problem.body, problem.symptoms))
    for value in (
        "GlobalProtect 6.2 on macOS 14 Sonoma",
        "with a different DNS suffix",
        "GP-1402 Portal unreachable",
    ):
        assert value in searchable, value


def test_a_roam_page_s_related_tags_after_the_last_problem_are_no_steps_of_it(tmp_path: Path) -> None:
    # Guard: a value of tags and links alone is still the page's links, no group of the last problem's steps.
    page = ROAM_RUNBOOK.replace(
        "[[Disk watermarks]] [[Nightly reindex]]", "#elasticsearch, #[[Disk watermarks]]"
    )
    _, queries = read(tmp_path / "roam", "Search runbook.md", page).problems
    assert [(s.group, s.text) for s in queries.steps] == [
        (None, "Wait for the replicas to be assigned"),
        (None, "Run the reindex an hour earlier"),
    ]


# A Q&A wiki's answer (Tettra) to a question that asks what to do: "A:" says what happened and shows the
# log, a paragraph says what usually causes it, then "To fix it:" over the numbered fix.
QA_MEANING_PAGE = """\
# Build pipeline questions

**Q: My test job stops with `exit code 143`. How do I get it to pass?**

A: The runner stopped the container because the job ran past its time limit. The job log ends with:

```
Terminated
ERROR: Job failed: execution took longer than 1h0m0s seconds
```

Most of the time this is the end-to-end suite waiting on a service that never started.

To fix it:

1. Add a health check to the service so the suite starts only when it is up.
2. Split the suite with `parallel: 3`.
"""


def test_an_answer_s_lead_in_to_its_numbered_fix_after_its_log_leaves_the_explanation_the_cause(
    tmp_path: Path,
) -> None:
    # R9a §8 (what was left). Before: "To fix it:" read as the answer's first instruction, so the answer
    # to a question that asks what to do was all steps: its explanation steps 1 and 2, ungrouped, no cause.
    [problem] = read(tmp_path / "kb", "pipeline-faq.md", QA_MEANING_PAGE).problems
    assert problem.cause.startswith(
        "The runner stopped the container because the job ran past its time limit."
    )
    assert "end-to-end suite waiting on a service" in problem.cause
    assert problem.error_messages == ["Terminated Job failed: execution took longer than 1h0m0s seconds"]
    assert [(s.group, s.text) for s in problem.steps] == [
        (None, "Add a health check to the service so the suite starts only when it is up."),
        (None, "Split the suite with parallel: 3."),
    ]
    assert [n.text for n in problem.notes] == ["To fix it:"]


def test_an_answer_that_shows_no_error_before_its_lead_in_stays_the_fix(tmp_path: Path) -> None:
    # Guard: an answer to a question that asks no "why", which shows no error before its fix, gives its cause
    # first only in words that say so; its opening, which explains without telling what to do, stays step 1,
    # as before. (Reread of 8cec9b0 §6: an opening that instructs ended the reading before the lead-in was
    # looked at, so the guard could not fail.)
    page = """\
# Build pipeline questions

**Q: The cache step takes ten minutes. What can I do?**

A: The cache key includes the commit hash, so every run misses.

To set it up:

1. Set `key: $CI_COMMIT_REF_SLUG` under `cache:`.
2. Run the pipeline again.
"""
    [problem] = read(tmp_path / "kb", "pipeline-faq.md", page).problems
    assert problem.cause == ""
    assert problem.steps[0].text == "The cache key includes the commit hash, so every run misses."


QA_WHATS_GOING_ON = """\
# Build pipeline questions

**Q: Tests pass locally but fail in CI with `ECONNREFUSED 127.0.0.1:6379`. {asks}**

A: Your tests expect Redis on localhost, but the job starts no Redis. Locally it probably runs in Docker.

Add the service to the job:

1. Add `redis:7` under `services:`.
2. Set `REDIS_URL` to `redis://redis:6379`.
"""


def test_an_answer_to_what_is_going_on_or_what_it_means_opens_with_the_cause(tmp_path: Path) -> None:
    # R9a §8 (what was left). Before: "What's going on?" asked no "why", and an answer that shows no error
    # says why first only in words that say so: its explanation was step 1, the lead-in a group of steps.
    for asks in ("What's going on?", "What does that mean?"):
        page = QA_WHATS_GOING_ON.format(asks=asks)
        [problem] = read(tmp_path / "kb", "pipeline-faq.md", page).problems
        assert problem.cause.startswith("Your tests expect Redis on localhost"), asks
        assert [(s.group, s.text) for s in problem.steps] == [
            (None, "Add redis:7 under services:."),
            (None, "Set REDIS_URL to redis://redis:6379."),
        ], asks
        assert [n.text for n in problem.notes] == ["Add the service to the job:"], asks


def test_an_answer_to_what_this_error_means_in_other_words_or_languages_opens_with_the_cause(
    tmp_path: Path,
) -> None:
    # Reread of 41d0195 §4. Before: only "What's going on?" and "What does that mean?" asked why; with a noun
    # after "this", "here" after "going on", "Any idea" before "what", or in German or French, the
    # explanation was step 1 and the lead-in a group of steps.
    for asks in (
        "What does this error mean?",
        "What is going on here?",
        "Any idea what's going on?",
        "Was bedeutet das?",
        "Qu'est-ce que cela signifie ?",
        "Warum?",
    ):
        page = QA_WHATS_GOING_ON.format(asks=asks)
        [problem] = read(tmp_path / "kb", "pipeline-faq.md", page).problems
        assert problem.cause.startswith("Your tests expect Redis on localhost"), asks
        assert [s.text for s in problem.steps] == [
            "Add redis:7 under services:.",
            "Set REDIS_URL to redis://redis:6379.",
        ], asks
        assert [n.text for n in problem.notes] == ["Add the service to the job:"], asks


def test_an_answer_to_a_question_that_asks_how_or_what_a_command_does_keeps_its_opening_a_step(
    tmp_path: Path,
) -> None:
    # Guard: a question that asks what to do, or what a thing does, asks no why.
    for asks in ("How do I fix it?", "What does this setting do?", "Was soll ich tun?"):
        page = QA_WHATS_GOING_ON.format(asks=asks)
        [problem] = read(tmp_path / "kb", "pipeline-faq.md", page).problems
        assert problem.cause == "", asks
        assert problem.steps[0].text.startswith("Your tests expect Redis on localhost"), asks


def test_a_faq_label_alone_before_what_it_means_is_no_sentence_that_says_what_happens() -> None:
    # Reread of 41d0195 §7: the colon of a FAQ's "Q:" counted as the end of a sentence that says what
    # happens, so "Q: What does it mean?" asked why with nothing said before it.
    assert not asks_why("Q: What does it mean?")
    assert not asks_why("Q: What's going on?")
    # Guard: after a sentence, and a FAQ's "Q: Why …?", still ask why.
    assert asks_why("Q: Tests fail in CI. What's going on?")
    assert asks_why("Q: Why does the export stop at midnight?")
    assert asks_why("Coordinates are off by 100 metres: why?")


# A known-error article as BMC Helix renders it: under the title, the template's name, then the record's
# fields, each a label span and a value span in one block.
KNOWN_ERROR_PAGE = """\
<html><head><title>KBA00052214 - Timesheet import stops with ORA-28001 - BMC Helix Knowledge Management</title>
</head><body>
<h1 class="km-article-title">Timesheet import stops with ORA-28001</h1>
<div class="km-template">Template: Known Error</div>
<div class="km-article-meta">
  <div class="field"><span class="field-label">Article ID</span><span class="field-value">KBA00052214</span></div>
  <div class="field"><span class="field-label">Status</span><span class="field-value">Published</span></div>
  <div class="field"><span class="field-label">Version</span><span class="field-value">3</span></div>
</div>
<div class="km-field-block"><h3 class="km-field-label">Problem</h3>
  <div class="km-field-value"><p>The morning timesheet import stops at the first batch:</p>
  <pre>ERROR [ImportJob] Login failed: ORA-28001: the password has expired</pre></div></div>
<div class="km-field-block"><h3 class="km-field-label">Workaround</h3>
  <div class="km-field-value"><ol><li>Reset the IMPORT_SVC password.</li><li>Run the import again.</li></ol></div></div>
</body></html>
"""


def test_a_record_s_fields_after_its_template_line_are_no_symptoms(tmp_path: Path) -> None:
    # R9a §9 (what was left). Before: the template's value "Known Error" read as a failure, so the run of
    # fields it opens was none, and "Template: Known Error", "Article ID: …", "Status: Published" and
    # "Version: 3" were the problem's symptoms.
    article = read(tmp_path / "kb", "kba00052214.html", KNOWN_ERROR_PAGE)
    [problem] = article.problems
    assert problem.symptoms.startswith("The morning timesheet import stops at the first batch:")
    assert "Known Error" not in problem.symptoms and "Published" not in problem.symptoms
    assert "Article ID: KBA00052214" in article.body
    assert problem.error_messages == ["Login failed: ORA-28001: the password has expired"]
    assert [s.text for s in problem.steps] == ["Reset the IMPORT_SVC password.", "Run the import again."]


def test_a_record_s_fields_after_its_template_line_in_another_language_or_label_are_no_symptoms(
    tmp_path: Path,
) -> None:
    # Reread of a3c398b §5. Before: only English "Template"/"Article type" labels named the page's kind, so a
    # German or French Helix page ("Vorlage: Bekannter Fehler", "Modèle : Erreur connue"), SharePoint's
    # "Content Type" and "Template Name" put the template line and every field after it into the symptoms.
    for template, article_id, status in (
        ("Vorlage: Bekannter Fehler", "Artikel-ID", "Status"),
        ("Modèle : Erreur connue", "ID de l'article", "Statut"),
        ("Plantilla: Error conocido", "ID del artículo", "Estado"),
        ("Template Name: Known Error", "Article ID", "Status"),
        ("Content Type: Known Error", "Article ID", "Status"),
        ("Article Record Type: Known Error", "Article ID", "Status"),
    ):
        page = (
            KNOWN_ERROR_PAGE.replace("Template: Known Error", template)
            .replace(">Article ID<", f">{article_id}<")
            .replace(">Status<", f">{status}<")
        )
        article = read(tmp_path / "kb", "kba00052214.html", page)
        [problem] = article.problems
        assert problem.symptoms.startswith("The morning timesheet import stops at the first batch:"), template
        assert "KBA00052214" not in problem.symptoms and "Published" not in problem.symptoms, template
        assert problem.error_messages == ["Login failed: ORA-28001: the password has expired"], template
        assert [s.text for s in problem.steps] == ["Reset the IMPORT_SVC password.", "Run the import again."]


def test_a_field_s_value_that_reports_a_failure_still_makes_the_lines_the_problem_s(tmp_path: Path) -> None:
    # Guard: only a field naming the page's kind may hold a failure's words; lines of the page's labels whose
    # value reports one ("Version: 21.3 stops with ORA-28001") stay what the problem says.
    page = """\
# Timesheet import

Product: Orbit Timesheets
Version: 21.3 stops with ORA-28001 at the first batch

## Resolution

1. Reset the IMPORT_SVC password.
"""
    [problem] = read(tmp_path / "kb", "import.md", page).problems
    assert "ORA28001" in problem.error_codes
    assert "Version: 21.3 stops with ORA-28001" in problem.symptoms + problem.body


def test_a_bare_type_field_whose_value_reports_a_failure_is_still_the_problem_s(tmp_path: Path) -> None:
    # Guard: a bare "Type"/"Tipo" label names no page's kind (a problem's own text may say "Type: connection
    # error"); its line stays what the problem says.
    for label in ("Type", "Tipo"):
        page = KNOWN_ERROR_PAGE.replace("Template: Known Error", f"{label}: Connection error to the database")
        [problem] = read(tmp_path / "kb", "kba00052214.html", page).problems
        assert f"{label}: Connection error to the database" in problem.symptoms, label
        assert problem.error_messages == ["Login failed: ORA-28001: the password has expired"], label
