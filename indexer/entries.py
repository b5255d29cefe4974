"""Runs of labelled entries under one heading (known issues, KCS articles), a problem each."""

from __future__ import annotations

from indexer.messages import SENTENCE_END
from indexer.roles import PROBLEM_PART_ROLES, Role, heading_role, is_generic_title
from indexer.sections import (
    BOLD_LABEL_LEVEL,
    BOLD_QUESTION_LEVEL,
    Section,
    block_text,
    cut_at_word,
    is_callout,
)


def split_entries(section: Section) -> None:
    """Give each entry of a run of labelled problems its own section (:attr:`Section.entry`).

    Help desks and KCS articles write one problem after another under one heading, each as bold
    labels ("**Issue:** … **Cause:** … **Fix:**" and its steps) or as headings that only name the
    parts ("### Problem", "### Solution"): a part that says what went wrong, after a fix, opens the
    next entry. Two entries or more, each with a fix, are a problem each, titled by what their first
    part says; the parts before the first entry and the sections after the last stay where they are.
    """
    entries: list[list[Section]] = []
    # Whether each entry has its fix, kept as it is read: asked again of the whole entry at each of
    # its parts, a run of thousands of "**Symptom:**" labels cost the square of their number.
    fixed: list[bool] = []
    first = last = 0
    for i, child in enumerate(section.children):
        named_part = is_generic_title(child.title) and heading_role(child.title) in PROBLEM_PART_ROLES
        part = child.level == BOLD_LABEL_LEVEL or named_part
        if not part or (entries and child.level != entries[0][0].level):
            if entries:
                break
            continue
        role = heading_role(child.title)
        if role in _OPENING_PARTS and (not entries or fixed[-1]):
            if not entries:
                first = i
            entries.append([child])
            fixed.append(False)
        elif entries:
            entries[-1].append(child)
            fixed[-1] = fixed[-1] or role is Role.RESOLUTION
        last = i + 1 if entries else last
    if len(entries) < 2 or not all(fixed):
        return
    made = [
        Section(
            level=BOLD_QUESTION_LEVEL,
            title=_entry_title(parts[0]) or section.title,
            line=parts[0].line,
            children=parts,
            end=parts[-1].end,
            entry=True,
        )
        for parts in entries
    ]
    section.children[first:last] = made


# The labels that open an entry: what went wrong.
_OPENING_PARTS = {Role.SYMPTOMS, Role.ERRORS}


# An entry's title is its first label's text, up to this many characters.
MAX_ENTRY_TITLE_CHARS = 120


def _entry_title(opening: Section) -> str:
    """What an entry's opening label says (its first sentence), as its title."""
    # Its first paragraph: a call-out above it ("Note: only on MySQL 8.") says nothing of what went wrong.
    said = next((b for b in opening.blocks if not is_callout(b)), None)
    text = block_text(said) if said is not None else ""
    sentence = SENTENCE_END.split(text, maxsplit=1)[0] if text else ""
    return cut_at_word(sentence.strip(), MAX_ENTRY_TITLE_CHARS)
