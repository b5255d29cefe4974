"""Knowledge cards, SOPs and converted notes: how their articles are read (review R8a).

Each test writes a short article of its own in one team's style (a help desk's knowledge card with
bold labels for its parts, a knowledge base export whose messages name records and codes of their own,
a Word SOP with its Purpose and Escalation sections, Org-mode notes converted by pandoc) and reads it
with the real indexer, or answers from an index of it; with a guard for the nearest shape that must
not change.
"""

from __future__ import annotations

from pathlib import Path

from test_house_styles import read

from api.knowledge import KnowledgeBase
from api.matcher import match
from indexer.build import build_index

# A help desk's knowledge card (Guru): one heading per problem, its cause under a bold "Why:" and its
# fix under a bold label that says whose steps they are.
PRINTER_CARD = """\
# Badge printer problems

## Printer shows "Ribbon out"

The printer panel shows `Error 1201: Ribbon out or not detected`.

**Why:** The ribbon core is not seated on the left spindle.

**Agent steps:**
1. Open the printer cover.
2. Push the ribbon core onto the spindle until it clicks.

## Badges print blank

Badges come out with no photo and no name.

**Why:** The print head is dirty.

**Customer steps:**
1. Wipe the print head with a cleaning card.
2. Print a test badge.
"""


def test_a_card_s_steps_label_for_its_audience_is_each_problem_s_fix(tmp_path: Path) -> None:
    """ "**Agent steps:**" after "**Why:**" names the fix: read as the cause's text, every problem had
    no steps and the card became one problem of the whole article, answering any message with all."""
    article = read(tmp_path / "kb", "badge-printer.md", PRINTER_CARD)
    ribbon, blank = article.problems
    assert ribbon.title == 'Printer shows "Ribbon out"'
    assert ribbon.error_messages == ["Error 1201: Ribbon out or not detected"]
    assert ribbon.cause == "The ribbon core is not seated on the left spindle."
    assert [s.text for s in ribbon.steps] == [
        "Open the printer cover.",
        "Push the ribbon core onto the spindle until it clicks.",
    ]
    assert blank.title == "Badges print blank"
    assert blank.cause == "The print head is dirty."
    assert [s.text for s in blank.steps] == [
        "Wipe the print head with a cleaning card.",
        "Print a test badge.",
    ]
    build_index([tmp_path / "kb"], tmp_path / "index.db")
    best = match(KnowledgeBase(tmp_path / "index.db"), "Error 1201: Ribbon out or not detected").matches[0]
    assert best.problem.id == "badge-printer#1"
    assert (len(best.steps), best.problem.cause) == (2, "The ribbon core is not seated on the left spindle.")


def test_a_card_s_steps_to_reproduce_for_its_audience_are_still_no_fix(tmp_path: Path) -> None:
    """Guard: "**Customer steps to reproduce:**" says how the problem is made to happen, not its fix."""
    card = """\
# Badge printer problems

## Badges print blank

Badges come out with no photo and no name.

**Customer steps to reproduce:**
1. Load a blank badge.
2. Print any badge from the queue.

**Why:** The print head is dirty.

**Fix:**
1. Wipe the print head with a cleaning card.
2. Print a test badge.
"""
    [problem] = read(tmp_path / "kb", "badge-printer.md", card).problems
    assert problem.title == "Badges print blank"
    assert problem.cause == "The print head is dirty."
    assert [s.text for s in problem.steps] == [
        "Wipe the print head with a cleaning card.",
        "Print a test badge.",
    ]


# A knowledge base export (Document360) whose app's messages name the record they failed on.
SYNC_ERRORS = """\
# RouteBook sync errors

## Upload rejected (RB-412)

The sync log shows:

```
RB-412 Upload rejected: order WO-88310 was closed by the dispatcher
```

1. Open Menu > Sync > Rejected.
2. Move the notes to a new order.

## Photo too large (RB-415)

The sync log shows `RB-415 Photo exceeds 20 MB`.

1. Lower the camera resolution in Settings.
"""


def test_a_record_named_in_an_error_message_is_no_code_of_the_problem(tmp_path: Path) -> None:
    """ "order WO-88310" names the record the upload failed on, one occurrence's: read as a code, a paste
    of that order's number was answered high with the upload problem."""
    article = read(tmp_path / "kb", "routebook-sync.md", SYNC_ERRORS)
    rejected, photo = article.problems
    assert rejected.error_messages == ["RB-412 Upload rejected: order WO-88310 was closed by the dispatcher"]
    assert rejected.error_codes == ["RB412"]
    assert photo.error_codes == ["RB415"]
    build_index([tmp_path / "kb"], tmp_path / "index.db")
    kb = KnowledgeBase(tmp_path / "index.db")
    assert match(kb, "WO-88310").no_confident_match
    assert match(kb, "RB-412").matches[0].problem.id == "routebook-sync#1"
    # The same under a Symptoms label, where the symptoms' text quotes the message too.
    labelled = SYNC_ERRORS.replace("The sync log shows:\n", "**Symptoms**\n\nThe sync log shows:\n", 1)
    assert read(tmp_path / "other", "routebook-sync.md", labelled).problems[0].error_codes == ["RB412"]


def test_a_code_after_other_words_of_a_message_is_still_its_code(tmp_path: Path) -> None:
    """Guard: a code the message gives after words that name no record ("failed with RB-412") is still
    the problem's."""
    article = read(
        tmp_path / "kb",
        "routebook-sync.md",
        SYNC_ERRORS.replace(
            "RB-412 Upload rejected: order WO-88310", "Upload of the order failed with RB-412:"
        ),
    )
    assert article.problems[0].error_codes == ["RB412"]


# A knowledge base that heads each error's section with the code its app shows, in brackets, and says
# in words which is the code of an error an API returns.
SIGN_IN_ERRORS = """\
# Timesheet app sign-in problems

## Sign-in screen comes back after signing in (TS-07)

The app shows `TS-07 Session expired. Please sign in again.` right after signing in.

1. Update the app to 3.4.1.
2. Sign out, then sign in again.

## Kiosk cannot sign in (K2041)

The kiosk shows `K2041 Kiosk not enrolled. Ask your manager.`

1. Enrol the kiosk in the admin portal.

## Photo upload fails

The error code in the upload log is `RequestTimeTooSkewed`.

1. Set the tablet's clock to update automatically.
"""


def test_codes_closing_a_heading_or_stated_as_the_error_code_are_the_problem_s(tmp_path: Path) -> None:
    """ "(TS-07)" and "(K2041)" closing a problem's heading, and a name the text says is the error code,
    are the codes the app shows: none was read, and pasted alone they got no answer."""
    article = read(tmp_path / "kb", "timesheet-sign-in.md", SIGN_IN_ERRORS)
    session, kiosk, upload = article.problems
    assert session.error_codes == ["TS07"]
    assert kiosk.error_codes == ["K2041"]
    assert upload.error_codes == ["RequestTimeTooSkewed"]
    build_index([tmp_path / "kb"], tmp_path / "index.db")
    kb = KnowledgeBase(tmp_path / "index.db")
    for asked, expected in [
        ("TS-07", "timesheet-sign-in#1"),
        ("K2041", "timesheet-sign-in#2"),
        ("RequestTimeTooSkewed", "timesheet-sign-in#3"),
    ]:
        best = match(kb, asked).matches[0]
        assert (best.problem.id, best.confidence) == (expected, "high"), asked


def test_a_standard_closing_a_heading_or_an_error_code_not_given_is_no_code(tmp_path: Path) -> None:
    """Guard: a standard's name in brackets ("(UTF-16)") names no error, a sentence about the error code
    that gives none names no code, and a setting's name in CamelCase is none."""
    text = (
        "# Import problems\n\n## Accents are garbled after import (UTF-16)\n\n"
        "No error code is shown; the import log is ImportLog.txt.\n\n"
        "1. Save the file as UTF-8.\n2. Set `ImportEncoding` to `utf-8`.\n"
    )
    [problem] = read(tmp_path / "kb", "import.md", text).problems
    assert problem.error_codes == []


# A standard operating procedure exported from Word: its purpose and scope, a section per fault with
# labelled parts, and whom to escalate to once the steps have failed.
LABEL_PRINTER_SOP = """\
# SOP-114 Label printer troubleshooting

## Purpose

This procedure tells shift leads how to clear label printer faults on the packing line.

## Scope

All Zebra label printers in the north warehouse.

## Labels print blank

**Symptom:** labels come out with nothing printed.

**Resolution:** replace the thermal ribbon.

## Printer offline (LP-E12)

**Symptom:** `LP-E12 Connection to print server lost.`

**Resolution:** reseat the network cable.

## Escalation

Call maintenance on extension 4410 only after the steps above have been tried.
"""


def test_an_sop_s_purpose_scope_and_escalation_are_no_problems(tmp_path: Path) -> None:
    """ "Purpose", "Scope" and "Escalation" frame the faults: under a title that names troubleshooting,
    each was a problem whose sentence was its step ("Call maintenance … only after the steps above")."""
    article = read(tmp_path / "kb", "sop-114.md", LABEL_PRINTER_SOP)
    assert [p.title for p in article.problems] == ["Labels print blank", "Printer offline (LP-E12)"]
    blank, offline = article.problems
    assert [s.text for s in blank.steps] == ["replace the thermal ribbon."]
    assert offline.error_messages == ["LP-E12 Connection to print server lost."]
    assert "extension 4410" in article.body
    assert "shift leads" in article.body


def test_a_problem_named_for_escalations_and_a_runbook_s_escalation_part_stay(tmp_path: Path) -> None:
    """Guard: a heading that says what fails with escalations is a problem, and a runbook's "Escalation"
    after its mitigation stays a part of its one problem."""
    sop = LABEL_PRINTER_SOP.replace("## Labels print blank", "## Escalation emails are not sent")
    titles = [p.title for p in read(tmp_path / "kb", "sop-114.md", sop).problems]
    assert "Escalation emails are not sent" in titles
    runbook = (
        "# Queue depth alert\n\n## Symptoms\n\nThe `QueueDepthHigh` alert fires.\n\n"
        "## Mitigation\n\n1. Scale the order workers to 6 replicas.\n2. Watch the queue drain.\n\n"
        "## Escalation\n\nIf the queue does not drain in 15 minutes, page the payments on-call.\n"
    )
    [problem] = read(tmp_path / "kb", "queue-depth.md", runbook).problems
    assert problem.title == "Queue depth alert"
    assert [s.text for s in problem.steps] == [
        "Scale the order workers to 6 replicas.",
        "Watch the queue drain.",
    ]
    assert "page the payments on-call" in problem.body


# Org-mode notes converted to Markdown by pandoc: each heading's TODO keyword and tags become spans.
ORG_NOTES = """\
---
title: Mail relay notes
---

# [TODO]{.todo .TODO} Outbound mail queues on the relay [[postfix]{.smallcaps}]{.tag tag-name="postfix"} {#queue}

## Symptoms

`mailq`{.verbatim} lists hundreds of messages deferred with `Connection timed out`{.verbatim}.

## Fix

1.  Open port 587 to the smarthost.
2.  Flush the queue with `postqueue -f`{.verbatim}.

# [DONE]{.done .DONE} Relay rejects the monitoring host [[postfix]{.smallcaps}]{.tag tag-name="postfix"} [[acl]{.smallcaps}]{.tag tag-name="acl"}

## Fix

1.  Add the monitoring host to `mynetworks`{.verbatim}.
"""


def test_org_keywords_and_tags_are_no_words_of_a_title(tmp_path: Path) -> None:
    """pandoc's spans for an Org heading's TODO/DONE keyword and its tags: the titles were "TODO Outbound
    mail queues on the relay postfix" and "DONE Relay rejects the monitoring host postfix acl"."""
    article = read(tmp_path / "kb", "mail-relay.md", ORG_NOTES)
    queue, rejects = article.problems
    assert queue.title == "Outbound mail queues on the relay"
    assert rejects.title == "Relay rejects the monitoring host"
    assert [s.text for s in queue.steps] == [
        "Open port 587 to the smarthost.",
        "Flush the queue with postqueue -f.",
    ]


def test_a_heading_s_other_spans_keep_their_words(tmp_path: Path) -> None:
    """Guard: a span of another class in a heading ("[J-01 jam]{.smallcaps}") is words of its title."""
    text = "# Label printer\n\n## Printer stops with [J-01 jam]{.smallcaps}\n\n1. Open the cover.\n2. Remove the label.\n"
    [problem] = read(tmp_path / "kb", "label-printer.md", text).problems
    assert problem.title == "Printer stops with J-01 jam"


def test_a_code_after_a_word_that_also_leads_into_a_sentence_stays_the_problem_s(tmp_path: Path) -> None:
    """Guard (reread): "case" names no record in "In this case ORA-12514 is returned", and a setting's
    value after "the error code appears only when" is no code."""
    text = (
        "# Database client errors\n\n## Listener refuses the service\n\n"
        "The client stops with `Connection failed: in this case ORA-12514 is returned by the listener`.\n\n"
        "The error code appears only when Mode is AutoDetect.\n\n"
        "1. Add the service name to the listener.\n2. Reload the listener.\n"
    )
    [problem] = read(tmp_path / "kb", "db.md", text).problems
    assert "ORA12514" in {code.replace("-", "") for code in problem.error_codes}
    assert "AutoDetect" not in problem.error_codes
