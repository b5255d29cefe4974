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
