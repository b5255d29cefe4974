"""What reread E found in this stop's reader commits, mended: a paragraph about who sees an error under a
heading that quotes it is no cause (in English or another language); the code closing a heading numbered
in any outline style ("3)", "3.2)", "B.1"); one bold instruction over a checklist of "Symptoms: …", "Cause: …"
items is no problem; a toggle's "Fix: …, then:" item over its steps is its fix; a Logseq page nested by two
spaces, with folded and run-on blocks, is an outline; a MyST {ref} inside fenced code stays as written, and
one to a heading with Markdown of its own shows none of it; a "Last edited by …" footer by any name, or in
the page's language, is no note.

Each test writes a small article of its own in the style and reads it with the real indexer, with a guard
for the nearest shape that must read as before.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from test_house_styles import read

# A product's troubleshooting page in Markdown: each error its own heading, quoted, a line on who sees it,
# then the steps.
QUOTED_ERROR_HEADINGS = """\
# Sync client

## "Sync failed: quota exceeded (SY-409)"

Staff on the late shift see this after the nightly restart.

1. Empty the recycle bin.
2. Sync again.

## "Sync failed: token expired (SY-401)"

Only the shared kiosks are affected.

1. Sign out of the client.
2. Sign in again.
"""


def test_who_sees_an_error_a_heading_quotes_is_no_cause(tmp_path: Path) -> None:
    quota, token = read(tmp_path / "kb", "sync-client.md", QUOTED_ERROR_HEADINGS).problems
    assert quota.cause == ""
    assert quota.symptoms == "Staff on the late shift see this after the nightly restart."
    assert [s.text for s in quota.steps] == ["Empty the recycle bin.", "Sync again."]
    assert token.cause == ""
    assert token.symptoms == "Only the shared kiosks are affected."
    assert [s.text for s in token.steps] == ["Sign out of the client.", "Sign in again."]


# A help desk's answer by e-mail in German, saved as text: the error numbered in quotes, a line on when it
# shows, the steps indented.
GERMAN_MAIL_ANSWER = """\
From: Service Desk <servicedesk@lagerhaus.example>
To: Kasse <kasse@lagerhaus.example>
Subject: AW: Kartenterminal lehnt Zahlungen ab

Hallo Frau Weber,

1) „Zahlung fehlgeschlagen: Terminal nicht bereit (KT-552)“

Das Terminal zeigt diese Meldung bei der ersten Zahlung am Morgen, danach klappt es wieder.

  1. Warten Sie nach dem Einschalten eine Minute.
  2. Wiederholen Sie die Zahlung.

Viele Grüße
Jonas
"""


def test_when_a_german_mail_says_an_error_shows_is_no_cause(tmp_path: Path) -> None:
    (problem,) = read(tmp_path / "kb", "kartenterminal.txt", GERMAN_MAIL_ANSWER).problems
    assert problem.cause == ""
    assert problem.symptoms.startswith("Das Terminal zeigt diese Meldung")
    assert [s.text for s in problem.steps] == [
        "Warten Sie nach dem Einschalten eine Minute.",
        "Wiederholen Sie die Zahlung.",
    ]


# The nearest shape that must read as before: the error shown in a block, then one paragraph of why, then
# the steps: that paragraph is the cause.
SHOWN_THEN_WHY = """\
# Build agent

## Uploads to the artifact store fail

```
ERROR upload: 407 Proxy Authentication Required
```

The outbound proxy requires authentication.

1. Add the proxy credentials to `agent.env`.
2. Restart the agent.
"""


def test_why_after_an_error_shown_in_a_block_is_still_its_cause(tmp_path: Path) -> None:
    (problem,) = read(tmp_path / "kb", "build-agent.md", SHOWN_THEN_WHY).problems
    assert problem.cause == "The outbound proxy requires authentication."


# A procedure saved from Word as Markdown whose outline numbers end in a bracket ("3)", "3.2)") or letter an
# appendix ("B.1"): each fault's heading closes with the code the device shows, a message quoting it below.
OUTLINE_NUMBERED_SOP = """\
# SOP-WH-014 Handheld scanner faults

## 3) Scanner will not dock: “Cradle not found” (H3107)

The scanner's screen shows `H3107 Cradle not found. Reseat the scanner.`

1. Lift the scanner out of the cradle.
2. Seat it again until it clicks.

## 3.2) Scanner drops Wi-Fi: “Roaming failed” (H3311)

The status bar shows `H3311 Roaming failed. Rejoining network.`

1. Open Settings > Wi-Fi on the scanner.
2. Forget the warehouse network and join it again.

## B.1 Battery will not charge: “Pack fault” (H4020)

The charging light blinks red and the screen shows `H4020 Pack fault. Replace battery.`

1. Swap in a charged battery pack.
2. Send the faulty pack to the depot.

## B.2 Trigger beeps twice (TR-20)

The trigger beeps twice after the scanner was dropped.

1. Power-cycle the scanner.
"""


def test_a_code_closing_a_heading_numbered_in_any_outline_style_is_the_problem_s(tmp_path: Path) -> None:
    dock, roam, battery, trigger = read(tmp_path / "kb", "sop-wh-014.md", OUTLINE_NUMBERED_SOP).problems
    assert "H3107" in dock.error_codes
    assert "H3311" in roam.error_codes
    assert "H4020" in battery.error_codes
    assert [s.text for s in battery.steps] == [
        "Swap in a charged battery pack.",
        "Send the faulty pack to the depot.",
    ]
    # The nearest shape: a numbered heading closing with a model's name in brackets that no message quotes
    # ("TR-20") stays no code.
    assert trigger.error_codes == []


# A support team's page: under "Troubleshooting", one bold instruction over a checklist of what to write in
# a ticket, its items opening with the names of a problem's parts ("Symptoms: …", "Cause: …").
TICKET_CHECKLIST = """\
# Door access readers

## Troubleshooting

- **Gather the reader's details before you open a ticket**
  - Symptoms: what the badge holder saw, in their words.
  - Cause: leave empty if nobody knows yet.
  - Steps tried: list each one.
"""


def test_one_bold_instruction_over_a_ticket_checklist_is_no_problem(tmp_path: Path) -> None:
    (problem,) = read(tmp_path / "kb", "door-readers.md", TICKET_CHECKLIST).problems
    assert problem.cause == ""
    assert problem.symptoms == ""
    assert [(s.number, s.text) for s in problem.steps] == [
        ("1", "Gather the reader's details before you open a ticket"),
        ("1.1", "Symptoms: what the badge holder saw, in their words."),
        ("1.2", "Cause: leave empty if nobody knows yet."),
        ("1.3", "Steps tried: list each one."),
    ]


# The nearest shape that must read as before: one toggle under "Common issues" whose bold title names the
# failure, its parts nested under it.
ONE_FAILURE_TOGGLE = """\
# Badge printer

## Common issues

- **Card printer stops after the first card** since a ribbon change
  - Cause: the ribbon is threaded over the guide roller.
  - Fix:
    - Open the print head.
    - Thread the ribbon under the guide roller.
"""


def test_one_toggle_naming_a_failure_under_common_issues_is_still_a_problem(tmp_path: Path) -> None:
    (problem,) = read(tmp_path / "kb", "badge-printer.md", ONE_FAILURE_TOGGLE).problems
    assert problem.title == "Card printer stops after the first card"
    assert problem.cause.startswith("the ribbon is threaded over the guide roller")
    assert [s.text for s in problem.steps] == [
        "Open the print head.",
        "Thread the ribbon under the guide roller.",
    ]


# A wiki's "Common issues": one toggle whose Fix item says what to do first, then nests the rest of the
# steps under it ("- Fix: reset the password …, then:").
FIX_WITH_TEXT_TOGGLE = """\
# VPN client

## Common issues

- **"Authentication failed (error 691)"** when connecting
  - Cause: the password expired.
  - Fix: reset the password at id.example.com, then:
    - Quit the client.
    - Connect again.
"""


def test_a_toggle_s_fix_item_with_words_before_its_steps_is_its_fix(tmp_path: Path) -> None:
    (problem,) = read(tmp_path / "kb", "vpn-client.md", FIX_WITH_TEXT_TOGGLE).problems
    assert any("Authentication failed (error 691)" in m for m in problem.error_messages)
    assert "691" in problem.error_codes
    assert problem.cause.startswith("the password expired")
    assert [s.text for s in problem.steps][-2:] == ["Quit the client.", "Connect again."]


# The nearest shape that must read as before: a release's known issue whose one nested item is a labelled
# line over steps ("- Workaround: pin the agent, then:"): one part is no list of parts, its steps stay.
ONE_LABELLED_ITEM = """\
# Release 5.2

## Known issues

- **Agents fail to update on Windows Server 2016** after the upgrade
  - Workaround: pin the agent to 5.1, then:
    - Open the agent's policy.
    - Set the version to 5.1.
- **Reports show no data for March** in the cloud console
  - Fixed in 5.2.1.
"""


def test_a_known_issue_s_one_labelled_item_over_steps_still_reads_as_its_steps(tmp_path: Path) -> None:
    update, _ = read(tmp_path / "kb", "release-5-2.md", ONE_LABELLED_ITEM).problems
    assert update.title == "Agents fail to update on Windows Server 2016"
    assert [s.text for s in update.steps] == [
        "Workaround: pin the agent to 5.1, then:",
        "Open the agent's policy.",
        "Set the version to 5.1.",
    ]


# A Logseq page with its bullet indentation set to two spaces: a folded block's "collapsed:: true" under it,
# and a block whose text runs on to a second line, both indented two spaces past the block's bullet.
LOGSEQ_TWO_SPACES = """\
- owner:: [[Print On-call]]
- ## Labels print with a blank band
  collapsed:: true
  - Symptoms
    - The printer log shows `HeadError: dot line 212 open (PH-318)`
      after every twentieth label
  - Cause
    - A worn print head
  - Fix
    - Clean the head with an alcohol swab
    - Replace the head if the band stays
"""


def test_a_logseq_page_nested_by_two_spaces_keeps_its_folded_and_run_on_blocks(tmp_path: Path) -> None:
    (problem,) = read(tmp_path / "logseq", "Label printer.md", LOGSEQ_TWO_SPACES).problems
    assert problem.title == "Labels print with a blank band"
    assert any("HeadError: dot line 212 open (PH-318)" in m for m in problem.error_messages)
    assert "PH318" in problem.error_codes
    assert "worn print head" in problem.cause
    assert [s.text for s in problem.steps] == [
        "Clean the head with an alcohol swab",
        "Replace the head if the band stays",
    ]


def test_a_markdown_list_nested_by_two_spaces_with_a_wrapped_item_is_no_outline(tmp_path: Path) -> None:
    """Guard: bullets nested by two spaces, an item wrapped onto a second line, and no property: Markdown."""
    text = "- Stop the print relay\n  - `systemctl stop relay`\n    on each node\n- Clear the spool\n"
    (problem,) = read(tmp_path / "pages", "relay.md", text).problems
    assert [(s.number, " ".join(s.text.split())) for s in problem.steps] == [
        ("1", "Stop the print relay"),
        ("1.1", "systemctl stop relay on each node"),
        ("2", "Clear the spool"),
    ]


# A MyST page of a Sphinx site whose step shows, in a fence, how a page refers to a section: the code says
# what one writes, though the same page has the target "(worker-sizing)=" over a heading.
MYST_REF_IN_CODE = """\
# Writing the report handbook

## Links to sections break after a rename

The build warns `undefined label: 'worker sizing'`.

1. Give the section a target line, `(worker-sizing)=`, over its heading.
2. Refer to it by that target:

   ```md
   See {ref}`worker-sizing`.
   ```

3. Build again. See {ref}`worker-sizing`.

(worker-sizing)=
## Sizing report workers

Give each worker 2 GiB of memory per concurrent run.
"""


def test_a_myst_ref_inside_fenced_code_keeps_what_was_written(tmp_path: Path) -> None:
    problem = read(tmp_path / "kb", "handbook.md", MYST_REF_IN_CODE).problems[0]
    assert problem.steps[1].text.endswith("See {ref}`worker-sizing`.")
    # The nearest shape: the same reference in a step's text shows the heading's title, as Sphinx does.
    assert problem.steps[2].text == "Build again. See Sizing report workers."


# A MyST page whose target heading holds Markdown of its own (bold, a link), referred to by a bare {ref}.
MYST_REF_TO_MARKED_HEADING = """\
# Report scheduler troubleshooting

## Report run stops with "queue lease expired"

**Cause:** a worker paused for longer than the lease while writing its output.

1. Raise the lease to ten minutes in `scheduler.toml`.
2. Run the report again. See {ref}`worker-sizing`.

(worker-sizing)=
## Sizing **report workers** for [long runs](https://docs.example.com/long-runs)

Give each worker 2 GiB of memory per concurrent run.
"""


def test_a_myst_ref_to_a_heading_with_markup_shows_no_raw_markdown(tmp_path: Path) -> None:
    problem = read(tmp_path / "kb", "scheduler.md", MYST_REF_TO_MARKED_HEADING).problems[0]
    assert problem.steps[1].text.startswith("Run the report again. See ")
    assert not any(mark in problem.steps[1].text for mark in ("**", "](", "https://"))


# A wiki page closed by a rule and one line of who last edited it: a name with capitals beyond ASCII or
# with a particle, or the footer in the page's own language.
EDITED_FOOTER = """\
# Dock scanner will not pair

1. Scan the Unpair barcode on the dock's label.
2. Place the scanner in the new dock.

---

{footer}
"""


@pytest.mark.parametrize(
    "footer",
    [
        "Last edited by Łukasz Żak · Ops",
        "Last edited by María de la Cruz · Soporte",
        "Zuletzt bearbeitet von Jörg M. · Lager",
        "Dernière modification par Élodie R. · Entrepôt",
    ],
)
def test_a_footer_of_who_last_edited_a_page_by_any_name_is_no_note(tmp_path: Path, footer: str) -> None:
    (problem,) = read(tmp_path / "kb", "dock.md", EDITED_FOOTER.format(footer=footer)).problems
    assert problem.notes == []
    assert [s.text for s in problem.steps] == [
        "Scan the Unpair barcode on the dock's label.",
        "Place the scanner in the new dock.",
    ]


def test_a_closing_remark_on_who_keeps_the_page_current_stays_a_note(tmp_path: Path) -> None:
    """Guard: a sentence after the rule about who edits the page names no one: the page's remark."""
    footer = "Zuletzt bearbeitet von der Nachtschicht, Änderungen gelten ab Montag."
    (problem,) = read(tmp_path / "kb", "dock.md", EDITED_FOOTER.format(footer=footer)).problems
    assert [n.text for n in problem.notes] == [footer]
