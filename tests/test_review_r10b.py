"""What review r10b found in house styles of team wikis and note apps: a ClickUp doc's toggle that folds
a fallback fix after a problem's steps, and its checklist lines that log who verified a step; a Zettlr or
Typora note whose problem is a plain "Symptom:" line, an unlabelled cause and numbered steps, whose cause
is a footnote, and whose steps a plain "Steps:" line leads in.

Each test writes a small article of its own in the style and reads it with the real indexer, with a guard
for the nearest shape that must read as before.
"""

from __future__ import annotations

from pathlib import Path

from test_house_styles import read

from api.knowledge import KnowledgeBase
from api.matcher import match
from indexer.build import build_index
from indexer.records import Problem


def _steps(problem: Problem) -> list[tuple[str | None, str, str]]:
    """The steps of ``problem`` as (group, number, text)."""
    return [(step.group, step.number, step.text) for step in problem.steps]


# A ClickUp doc: each problem a "###" heading with bold Symptom and Cause labels, then the steps, and a
# toggle (a <details> fold) that holds what to do when they did not help.
CLICKUP_TOGGLE = """\
# Printer runbook

### Jobs stay queued on the label printer

**Symptom:** the spooler log shows `LP-ERR-0311: Spool handoff timed out`.

**Cause:** the print server still points at the printer's old address.

1. Open the printer's port settings.
2. Enter the address printed on the configuration label.

<details>
<summary>Still failing?</summary>

- Remove the printer and add it again by its host name.
</details>

### Labels print blank

**Symptom:** the panel shows `LP-ERR-0420: Head temperature low`.

1. Turn the darkness setting up to 20.
"""


def test_a_toggle_that_asks_if_the_fix_worked_is_a_group_of_the_problem_above(tmp_path: Path) -> None:
    # Before: "Still failing?" was a problem of its own, with the fallback as its one step, and the
    # problem it closes (its error's code and its fix) was body text.
    article = read(tmp_path / "docs", "printer.md", CLICKUP_TOGGLE)
    assert [p.title for p in article.problems] == [
        "Jobs stay queued on the label printer",
        "Labels print blank",
    ]
    first = article.problems[0]
    assert first.error_codes == ["LPERR0311"]
    assert first.cause.startswith("the print server still points")
    assert _steps(first) == [
        (None, "1", "Open the printer's port settings."),
        (None, "2", "Enter the address printed on the configuration label."),
        ("Still failing?", "1", "Remove the printer and add it again by its host name."),
    ]
    build_index([tmp_path / "docs"], tmp_path / "index.db")
    best = match(KnowledgeBase(tmp_path / "index.db"), "LP-ERR-0311: Spool handoff timed out").matches[0]
    assert (best.problem.id, best.confidence) == ("printer#1", "high")


def test_a_toggle_titled_by_another_question_still_heads_its_answer(tmp_path: Path) -> None:
    # Guard: a question folded after a list, answered by steps of its own, is a FAQ's entry, as before.
    text = CLICKUP_TOGGLE.replace("Still failing?", "How do I print a test label?")
    article = read(tmp_path / "docs", "printer.md", text)
    assert "How do I print a test label?" in [p.title for p in article.problems]


# A Zettlr or Typora note: each problem a "##" heading, a plain "Symptom:" line, why it happens in a plain
# paragraph of its own, then the numbered steps.
ZETTEL_PLAIN = """\
# Mail relay notes

## Relay refuses outgoing mail

Symptom: the queue log repeats `451 4.3.0 Temporary lookup failure`.

The relay looks recipients up in a directory it can no longer reach since the VLAN change.

1. Stop the relay service.
2. Point the lookup at the directory's new address.
3. Start the relay service and flush the queue.

## Mail is delivered late

Symptom: messages arrive an hour after they were sent.

1. Lower the queue run interval to five minutes.
"""


def test_a_plain_symptom_line_over_an_unlabelled_cause_and_steps_is_the_heading_s_problem(
    tmp_path: Path,
) -> None:
    # Before: the "Symptom:" label was opened as a part of its own, and the heading's problem, its
    # message, cause and steps were body text; the note was one problem of the whole page.
    article = read(tmp_path / "docs", "relay.md", ZETTEL_PLAIN)
    assert [p.title for p in article.problems] == ["Relay refuses outgoing mail", "Mail is delivered late"]
    first = article.problems[0]
    assert "the queue log repeats" in first.symptoms
    assert first.error_codes == ["4.3.0", "451"]
    assert first.cause.startswith("The relay looks recipients up")
    assert [s.text for s in first.steps] == [
        "Stop the relay service.",
        "Point the lookup at the directory's new address.",
        "Start the relay service and flush the queue.",
    ]


def test_a_plain_symptom_line_over_a_labelled_cause_keeps_its_parts(tmp_path: Path) -> None:
    # Guard: a "Cause:" labelled in its own paragraph is that part, as before.
    text = ZETTEL_PLAIN.replace("The relay looks recipients up", "**Cause:** the relay looks recipients up")
    first = read(tmp_path / "docs", "relay.md", text).problems[0]
    assert first.title == "Relay refuses outgoing mail"
    assert first.cause.startswith("the relay looks recipients up")
    assert len(first.steps) == 3


# A ClickUp doc's procedure with the team's checklist of who verified a step, written between the steps.
CLICKUP_VERIFIED = """\
# Laptop runbook

## Docking station loses the external display

**Symptom:** the event log shows `DOCK-ERR-0042: DisplayPort link training failed`.

1. Update the dock firmware to 2.31.
- [x] Verified on the 14-inch model by @Priya Natarajan (Sep 12, 2026)
- [ ] Verify on the 16-inch model
2. Reconnect the dock and wait for the display to wake.
"""


def test_a_checklist_of_who_verified_a_step_is_a_note_not_sub_steps(tmp_path: Path) -> None:
    # Before: the two check lines were sub-steps 1.1 and 1.2 for the reader to do.
    problem = read(tmp_path / "docs", "dock.md", CLICKUP_VERIFIED).problems[0]
    assert [(s.number, s.text) for s in problem.steps] == [
        ("1", "Update the dock firmware to 2.31."),
        ("2", "Reconnect the dock and wait for the display to wake."),
    ]
    assert [n.line for n in problem.notes] == [8]
    assert "Verified on the 14-inch model by @Priya Natarajan" in problem.notes[0].text


def test_a_checklist_between_numbered_steps_that_is_the_procedure_stays_sub_steps(tmp_path: Path) -> None:
    # Guard: check boxes of things to do under a step are its sub-steps, as before.
    text = CLICKUP_VERIFIED.replace(
        "- [x] Verified on the 14-inch model by @Priya Natarajan (Sep 12, 2026)\n- [ ] Verify on the 16-inch model",
        "- [ ] Unplug the dock's power for ten seconds\n- [ ] Plug the power back in",
    )
    problem = read(tmp_path / "docs", "dock.md", text).problems[0]
    assert [(s.number, s.text) for s in problem.steps] == [
        ("1", "Update the dock firmware to 2.31."),
        ("1.1", "Unplug the dock's power for ten seconds"),
        ("1.2", "Plug the power back in"),
        ("2", "Reconnect the dock and wait for the display to wake."),
    ]


# A Zettlr note that says why in a footnote of the sentence that explains the failure.
ZETTEL_FOOTNOTE = """\
# Certificate notes

## Renewal fails with "challenge not reachable"

The renewal job ends with `ACME-4031: challenge not reachable on port 80`.

The load balancer drops plain HTTP.[^lb]

1. Allow port 80 on the load balancer for the challenge path.
2. Run the renewal again.

[^lb]: Cause: the HTTP listener was removed when the site moved to HTTPS only.
"""


def test_a_footnote_that_gives_the_cause_is_part_of_the_cause(tmp_path: Path) -> None:
    # Before: the footnote was a note after the steps, and the cause only its first half.
    problem = read(tmp_path / "docs", "renewal.md", ZETTEL_FOOTNOTE).problems[0]
    assert problem.cause == (
        "The load balancer drops plain HTTP.\n\nThe HTTP listener was removed when the site moved to HTTPS only."
    )
    # Reread F #10: the cause lists the footnote's line too, as each field lists the lines it came from.
    assert problem.origins["cause"] == [7, 12]
    assert problem.notes == []
    assert [s.number for s in problem.steps] == ["1", "2"]


def test_a_footnote_with_a_caveat_stays_a_note(tmp_path: Path) -> None:
    # Guard: a footnote that is a remark, not why, is still a note.
    text = ZETTEL_FOOTNOTE.replace(
        "Cause: the HTTP listener was removed", "Caveat: on the old balancer the listener was removed"
    )
    problem = read(tmp_path / "docs", "renewal.md", text).problems[0]
    assert problem.cause == "The load balancer drops plain HTTP."
    assert [n.text for n in problem.notes] == [
        "Caveat: on the old balancer the listener was removed when the site moved to HTTPS only."
    ]


# A Zettlr note: its front matter's id and title, and a heading that repeats the id before the title.
ZETTEL_ID_HEADING = """\
---
id: 202611020915
title: Scanner share failures
---

# 202611020915 Scanner share failures

## Scans do not reach the share

Symptom: the scanner panel shows `SMB-0x0005 access denied`.

1. Give the scanner account write access to the share.
"""


def test_a_note_s_heading_that_repeats_its_id_is_titled_without_it(tmp_path: Path) -> None:
    # Before: the article (and its problem) was titled "202611020915 Scanner share failures".
    article = read(tmp_path / "docs", "scanner.md", ZETTEL_ID_HEADING)
    assert (article.id, article.title) == ("202611020915", "Scanner share failures")
    assert "202611020915" not in article.problems[0].title


def test_a_heading_that_opens_with_another_number_keeps_it(tmp_path: Path) -> None:
    # Guard: a number that is not the note's own id is a word of its title.
    text = ZETTEL_ID_HEADING.replace("# 202611020915 Scanner", "# 2026 Scanner")
    assert read(tmp_path / "docs", "scanner.md", text).title == "2026 Scanner share failures"


# A Zettlr note that shows the failure in a fence and leads in its fix with a plain "Steps:" line.
ZETTEL_STEPS = """\
# Build notes

## Nightly build stops

The nightly build ends with:

```
error: linker `cc` not found (BLD-2207)
```

Steps:

1. Install the build-essential package.
2. Start the build again.
"""


def test_a_plain_steps_line_leads_in_the_fix_not_the_symptoms(tmp_path: Path) -> None:
    # Before: "Steps:" was one more line of the symptoms.
    problem = read(tmp_path / "docs", "build.md", ZETTEL_STEPS).problems[0]
    assert "Steps" not in problem.symptoms
    assert problem.error_codes == ["BLD2207"]
    assert [s.text for s in problem.steps] == [
        "Install the build-essential package.",
        "Start the build again.",
    ]


def test_a_steps_count_is_no_label(tmp_path: Path) -> None:
    # Guard: "Steps: 3 of 5" says how far something got, no label over the fix.
    text = ZETTEL_STEPS.replace("Steps:\n", "Steps: 3 of 5 finished before it stopped.\n")
    article = read(tmp_path / "docs", "build.md", text)
    assert "Steps" not in [entry.title for entry in article.outline]
    assert _steps(article.problems[0]) == [
        (None, "1", "Install the build-essential package."),
        (None, "2", "Start the build again."),
    ]


# An Archbee page: its hints name their kind in a type attribute.
ARCHBEE_HINT = """\
# Webhooks

## Deliveries fail with 410

The delivery log shows `WH-410 Endpoint gone`.

1. Register the endpoint's new address.

:::hint{type="danger"}
Deleting the endpoint drops every queued delivery.
:::
"""


def test_a_hint_s_type_attribute_gives_its_kind(tmp_path: Path) -> None:
    # Before: the danger hint was a plain note ("Note: Deleting …").
    problem = read(tmp_path / "docs", "webhooks.md", ARCHBEE_HINT).problems[0]
    assert [n.text for n in problem.notes] == ["Danger: Deleting the endpoint drops every queued delivery."]


def test_a_hint_with_no_type_is_a_note(tmp_path: Path) -> None:
    # Guard: a hint that names no kind is a note, as before.
    text = ARCHBEE_HINT.replace(':::hint{type="danger"}', ":::hint")
    problem = read(tmp_path / "docs", "webhooks.md", text).problems[0]
    assert [n.text for n in problem.notes] == ["Note: Deleting the endpoint drops every queued delivery."]


# A ClickUp doc exported to Markdown: the export's stamp under the page's last rule.
CLICKUP_FOOTER = """\
# Wi-Fi runbook

### Laptops cannot join the guest network

**Symptom:** the client shows `WLAN-ERR-17: Portal handshake failed`.

1. Renew the captive portal's certificate.

> ⚠️ Guests may see a certificate prompt once. Tell them to accept it.

---
Created by Maya Lindqvist in ClickUp
"""


def test_a_doc_tool_s_created_by_stamp_is_no_note(tmp_path: Path) -> None:
    # Before: "Created by … in ClickUp" was a note of the last problem, shown in its answer.
    problem = read(tmp_path / "docs", "wifi.md", CLICKUP_FOOTER).problems[0]
    assert [n.text for n in problem.notes] == [
        "⚠️ Guests may see a certificate prompt once. Tell them to accept it."
    ]


def test_a_sentence_about_what_created_a_file_stays_a_note(tmp_path: Path) -> None:
    # Guard: a remark on what made a file is no stamp of the page.
    text = CLICKUP_FOOTER.replace(
        "---\nCreated by Maya Lindqvist in ClickUp\n",
        "Created by the portal in the logs folder, the renewal report lists each failed client.\n",
    )
    notes = [n.text for n in read(tmp_path / "docs", "wifi.md", text).problems[0].notes]
    assert "Created by the portal in the logs folder, the renewal report lists each failed client." in notes


# An Archbee page: a set of tabs after the steps, each "::tab{title=…}" to "::".
ARCHBEE_TABS = """\
# Webhooks

## Signature check fails

Your server logs `SIG-401 Invalid signature header`.

1. Verify the signature on the raw request body.

:::tabs
::tab{title="Python"}
Read `request.get_data()` before parsing the JSON.
::
:::
"""


def test_archbee_tabs_are_labelled_without_their_markup(tmp_path: Path) -> None:
    # Before: the note was '::tab{title="Python"} Read request.get_data() before parsing the JSON. ::'.
    problem = read(tmp_path / "docs", "signature.md", ARCHBEE_TABS).problems[0]
    assert [s.text for s in problem.steps] == ["Verify the signature on the raw request body."]
    assert [n.text for n in problem.notes] == ["Python: Read request.get_data() before parsing the JSON."]


def test_a_line_of_two_colons_outside_a_tab_stays_text(tmp_path: Path) -> None:
    # Guard: two colons with no tab opened before them are the text they are.
    text = ARCHBEE_TABS.replace(':::tabs\n::tab{title="Python"}\n', "").replace("::\n:::\n", "::\n")
    notes = [n.text for n in read(tmp_path / "docs", "signature.md", text).problems[0].notes]
    assert notes == ["Read request.get_data() before parsing the JSON.\n::"]


# Reread F #1: a docs page whose front matter id is the error code or the product its title opens with.
DOCS_CODE_ID = """\
---
id: ORA-00942
---
# ORA-00942 table or view does not exist

The query fails because the table is missing or you lack the privilege on it.

1. Check that the table exists in the schema you query.
2. Ask the table's owner to grant SELECT on it.
"""


def test_a_front_matter_id_that_is_the_title_s_error_code_stays_in_the_title(tmp_path: Path) -> None:
    # Before: the title was "table or view does not exist", the code was lost and a paste of it found nothing.
    article = read(tmp_path / "docs", "ora-00942.md", DOCS_CODE_ID)
    assert article.title == "ORA-00942 table or view does not exist"
    assert article.problems[0].error_codes == ["ORA00942"]
    build_index([tmp_path / "docs"], tmp_path / "index.db")
    best = match(KnowledgeBase(tmp_path / "index.db"), "ORA-00942").matches[0]
    assert (best.problem.id, best.confidence) == ("ORA-00942#1", "high")


def test_a_front_matter_id_that_is_the_product_stays_in_the_title(tmp_path: Path) -> None:
    text = DOCS_CODE_ID.replace("id: ORA-00942", "id: helm").replace(
        "# ORA-00942 table or view does not exist",
        '# helm upgrade fails with "another operation is in progress"',
    )
    assert (
        read(tmp_path / "docs", "helm.md", text).title
        == 'helm upgrade fails with "another operation is in progress"'
    )


def test_an_id_before_the_front_matter_s_own_title_is_dropped(tmp_path: Path) -> None:
    # Guard: an id that is no time stamp, before the very title the front matter gives, is still no word of it.
    text = DOCS_CODE_ID.replace("id: ORA-00942", "id: kb-118\ntitle: Table or view does not exist").replace(
        "# ORA-00942 table", "# kb-118 Table"
    )
    assert read(tmp_path / "docs", "kb-118.md", text).title == "Table or view does not exist"


# Reread F #2: the plain "Symptom:" note whose cause opens with code, whose steps are bullets, or whose
# steps a "To fix it:" line leads in.
ZETTEL_PLAIN_VARIED = """\
# Mail relay notes

## Relay refuses outgoing mail

Symptom: the queue log repeats `451 4.3.0 Temporary lookup failure`.

`relayd` looks recipients up in a directory it can no longer reach since the VLAN change.

To fix it:

- Stop the relay service.
- Point the lookup at the directory's new address.
- Start the relay service and flush the queue.

## Mail is delivered late

Symptom: messages arrive an hour after they were sent.

1. Lower the queue run interval to five minutes.
"""


def test_a_plain_symptom_line_over_a_cause_opening_with_code_a_lead_in_and_bullets(tmp_path: Path) -> None:
    # Before: the page was one problem "Mail relay notes", and the 451 message was in none.
    article = read(tmp_path / "docs", "relay.md", ZETTEL_PLAIN_VARIED)
    assert [p.title for p in article.problems] == ["Relay refuses outgoing mail", "Mail is delivered late"]
    first = article.problems[0]
    assert first.error_codes == ["4.3.0", "451"]
    assert first.cause.startswith("relayd looks recipients up")
    assert [s.text for s in first.steps] == [
        "Stop the relay service.",
        "Point the lookup at the directory's new address.",
        "Start the relay service and flush the queue.",
    ]
    build_index([tmp_path / "docs"], tmp_path / "index.db")
    best = match(KnowledgeBase(tmp_path / "index.db"), "451 4.3.0 Temporary lookup failure").matches[0]
    assert best.problem.id == "relay#1"
    assert best.confidence == "high"


def test_a_plain_symptom_line_over_a_cause_opening_with_emphasis_and_numbered_steps(tmp_path: Path) -> None:
    text = ZETTEL_PLAIN.replace("The relay looks", "*The relay* looks")
    first = read(tmp_path / "docs", "relay.md", text).problems[0]
    assert first.title == "Relay refuses outgoing mail"
    assert first.cause.startswith("The relay looks recipients up")
    assert len(first.steps) == 3


def test_a_plain_symptom_line_over_a_list_another_lead_in_announces_is_no_fix(tmp_path: Path) -> None:
    # Guard: a line that leads in no fix ("Affected versions:") keeps its list out of the steps, as before.
    text = ZETTEL_PLAIN_VARIED.replace("To fix it:", "Affected versions:").replace(
        "- Stop the relay service.\n- Point the lookup at the directory's new address.\n"
        "- Start the relay service and flush the queue.",
        "- 3.1\n- 3.2",
    )
    steps = [s.text for p in read(tmp_path / "docs", "relay.md", text).problems for s in p.steps]
    assert "3.1" not in steps


# Reread F #3: the "Still failing?" fold with a command after its steps, or titled in German.
CLICKUP_TOGGLE_COMMAND = CLICKUP_TOGGLE.replace(
    "- Remove the printer and add it again by its host name.\n",
    "1. Remove the printer.\n2. Add it again by its host name:\n\n```\nlpadmin -p label -v ipp://lp-7.example/ipp\n```\n",
)


def test_a_still_failing_fold_with_a_command_after_its_steps_is_a_group_of_the_problem_above(
    tmp_path: Path,
) -> None:
    # Before: "Still failing?" was the first problem, and LP-ERR-0311 and its fix were lost.
    article = read(tmp_path / "docs", "printer.md", CLICKUP_TOGGLE_COMMAND)
    assert [p.title for p in article.problems] == [
        "Jobs stay queued on the label printer",
        "Labels print blank",
    ]
    first = article.problems[0]
    assert first.error_codes == ["LPERR0311"]
    assert [(s.group, s.number, s.text) for s in first.steps][2:] == [
        ("Still failing?", "1", "Remove the printer."),
        ("Still failing?", "2", "Add it again by its host name:\nlpadmin -p label -v ipp://lp-7.example/ipp"),
    ]


def test_a_still_failing_fold_with_a_lead_in_keeps_the_problem_above(tmp_path: Path) -> None:
    text = CLICKUP_TOGGLE.replace("- Remove the printer", "Try the following:\n\n- Remove the printer")
    article = read(tmp_path / "docs", "printer.md", text)
    assert [p.title for p in article.problems] == [
        "Jobs stay queued on the label printer",
        "Labels print blank",
    ]
    first = article.problems[0]
    assert first.error_codes == ["LPERR0311"]
    assert [s.text for s in first.steps][-1] == "Remove the printer and add it again by its host name."
    build_index([tmp_path / "docs"], tmp_path / "index.db")
    best = match(KnowledgeBase(tmp_path / "index.db"), "LP-ERR-0311: Spool handoff timed out").matches[0]
    assert (best.problem.id, best.confidence) == ("printer#1", "high")


def test_a_still_failing_fold_in_german_is_a_group_of_the_problem_above(tmp_path: Path) -> None:
    text = CLICKUP_TOGGLE.replace("Still failing?", "Immer noch Fehler?")
    first = read(tmp_path / "docs", "printer.md", text).problems[0]
    assert first.title == "Jobs stay queued on the label printer"
    assert _steps(first)[-1] == (
        "Immer noch Fehler?",
        "1",
        "Remove the printer and add it again by its host name.",
    )


def test_a_fold_titled_by_a_german_problem_still_heads_its_answer(tmp_path: Path) -> None:
    # Guard: a fold whose title names a problem of its own, not whether the fix worked, is its entry.
    text = CLICKUP_TOGGLE_COMMAND.replace("Still failing?", "Wie drucke ich ein Testetikett?")
    assert "Wie drucke ich ein Testetikett?" in [
        p.title for p in read(tmp_path / "docs", "printer.md", text).problems
    ]


def test_a_resolution_steps_line_leads_in_the_fix_not_the_symptoms(tmp_path: Path) -> None:
    # Reread F #7: a label of the steps in heading_role's words, not only "Steps:", leads in the fix.
    problem = read(
        tmp_path / "docs", "build.md", ZETTEL_STEPS.replace("Steps:", "Resolution steps:")
    ).problems[0]
    assert "Resolution steps" not in problem.symptoms
    assert [s.text for s in problem.steps] == [
        "Install the build-essential package.",
        "Start the build again.",
    ]


# Reread F #4: a bug note whose "Steps:" reproduce the bug, its own "Fix:" after them.
BUG_NOTE = """# Editor notes

## Export to PDF crashes the editor

The editor closes without a message when a document with tables is exported.

Steps:

1. Open a document that has a table.
2. Choose File > Export > PDF.

Fix:

1. Update the editor to 4.2.1.
2. Export again.
"""


def test_steps_that_reproduce_a_bug_before_its_fix_label_are_no_steps_of_the_fix(tmp_path: Path) -> None:
    # Before: the fix was "Open a document that has a table.", "Choose File > Export > PDF.", then the fix.
    article = read(tmp_path / "docs", "editor.md", BUG_NOTE)
    assert [p.title for p in article.problems] == ["Export to PDF crashes the editor"]
    assert [s.text for s in article.problems[0].steps] == ["Update the editor to 4.2.1.", "Export again."]
    assert "Steps" not in [entry.title for entry in article.outline]


# Reread F #5 and #6: the verification log after the last step, in German or without "by"; and a to-do
# checklist whose ticked item says "by" as a means.
VERIFIED_LOG = "- [x] Verified on the 14-inch model by @Priya Natarajan (Sep 12, 2026)\n- [ ] Verify on the 16-inch model\n"


def test_a_verification_log_after_the_last_step_is_a_note(tmp_path: Path) -> None:
    # Before: the two check lines were steps 3 and 4.
    text = CLICKUP_VERIFIED.replace(VERIFIED_LOG, "") + VERIFIED_LOG
    problem = read(tmp_path / "docs", "dock.md", text).problems[0]
    assert [s.number for s in problem.steps] == ["1", "2"]
    assert [n.line for n in problem.notes] == [9]


def test_a_verification_log_in_german_or_without_by_is_a_note(tmp_path: Path) -> None:
    # Before: both were sub-steps 1.1 and 1.2.
    german = CLICKUP_VERIFIED.replace(
        "Verified on the 14-inch model by", "Geprüft am 14-Zoll-Modell von"
    ).replace("Verify on the 16-inch model", "Prüfen auf dem 16-Zoll-Modell")
    dashed = CLICKUP_VERIFIED.replace(
        "by @Priya Natarajan (Sep 12, 2026)", "— @Priya Natarajan, Sep 12, 2026"
    )
    for name, text in (("de.md", german), ("dashed.md", dashed)):
        problem = read(tmp_path / name, name, text).problems[0]
        assert [s.number for s in problem.steps] == ["1", "2"], name
        assert [n.line for n in problem.notes] == [8], name


def test_a_to_do_checklist_with_a_step_done_by_some_means_stays_sub_steps(tmp_path: Path) -> None:
    # Before: "by holding" read as who verified it, and the whole checklist was a note.
    text = CLICKUP_VERIFIED.replace(
        VERIFIED_LOG,
        "- [ ] Unplug the dock's power for ten seconds\n- [x] Checked the LED turns amber by holding the power button\n",
    )
    problem = read(tmp_path / "docs", "dock.md", text).problems[0]
    assert [(s.number, s.text) for s in problem.steps] == [
        ("1", "Update the dock firmware to 2.31."),
        ("1.1", "Unplug the dock's power for ten seconds"),
        ("1.2", "Checked the LED turns amber by holding the power button"),
        ("2", "Reconnect the dock and wait for the display to wake."),
    ]
    assert problem.notes == []


def test_a_verification_log_indented_under_a_step_is_no_sub_steps(tmp_path: Path) -> None:
    # Before: the two check lines were sub-steps 1.1 and 1.2; now they are shown with step 1 as written.
    indented = "".join(f"   {line}\n" for line in VERIFIED_LOG.splitlines())
    text = CLICKUP_VERIFIED.replace(VERIFIED_LOG, "").replace("2.31.\n", f"2.31.\n{indented}")
    steps = read(tmp_path / "docs", "dock.md", text).problems[0].steps
    assert [(s.number, s.text) for s in steps] == [
        ("1", "Update the dock firmware to 2.31."),
        ("2", "Reconnect the dock and wait for the display to wake."),
    ]
    assert "Verified on the 14-inch model by @Priya Natarajan" in steps[0].markdown


def test_a_doc_tool_s_created_by_stamp_with_its_day_is_no_note(tmp_path: Path) -> None:
    # Reread F #9. Before: "Created by … in ClickUp on Oct 3, 2026" was a note of the last problem.
    text = CLICKUP_FOOTER.replace("in ClickUp\n", "in ClickUp on Oct 3, 2026\n")
    problem = read(tmp_path / "docs", "wifi.md", text).problems[0]
    assert [n.text for n in problem.notes] == [
        "⚠️ Guests may see a certificate prompt once. Tell them to accept it."
    ]


def test_a_footnote_on_a_labelled_cause_is_part_of_it_without_its_label(tmp_path: Path) -> None:
    # Reread F #10. Before: the cause's second paragraph kept the footnote's "Cause:" label.
    text = ZETTEL_FOOTNOTE.replace("The load balancer drops", "**Cause:** the load balancer drops")
    problem = read(tmp_path / "docs", "renewal.md", text).problems[0]
    assert problem.cause == (
        "the load balancer drops plain HTTP.\n\nThe HTTP listener was removed when the site moved to HTTPS only."
    )
    assert problem.origins["cause"] == [7, 12]
