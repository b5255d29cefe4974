"""Runs of labelled entries under one heading (known issues, KCS articles), a problem each."""

from __future__ import annotations

import re

from markdown_it.tree import SyntaxTreeNode

from indexer.inline_text import inline_text
from indexer.messages import SENTENCE_END
from indexer.roles import CASE_WORDS, PROBLEM_PART_ROLES, Role, heading_role, is_generic_title
from indexer.sections import (
    BOLD_LABEL_LEVEL,
    BOLD_QUESTION_LEVEL,
    Section,
    block_text,
    bold_run,
    cut_at_word,
    is_callout,
    line_of,
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


# A bold line alone that labels one of the cases a page tells apart, by its number or letter and perhaps
# what it is ("**Scenario 1 – Signature verification fails**", "**Case B:**"), and one that answers it in
# the fix ("**For Scenario 1:**"), as Salesforce Knowledge's authors pair the parts of a "Details" field
# with those of its "Resolution".
_CASE_LABEL = re.compile(
    rf"(?:{CASE_WORDS})[ \t]*(\d{{1,2}}|[A-H])\b[ \t]*(?:[:.)\-\u2013\u2014][ \t]*([^\n]*))?", re.I
)
_CASE_ANSWER = re.compile(rf"(?:for|in)[ \t]+(?:{CASE_WORDS})[ \t]*(\d{{1,2}}|[A-H])\b[ \t]*:?", re.I)
# The longest case label read: a title, no paragraph.
MAX_CASE_LABEL_CHARS = 160


def pair_cases(section: Section) -> None:
    """Give each case a section tells apart its own problem, when its description labels two cases or
    more ("**Scenario 1 – …**", "**Scenario 2 – …**") and its fix answers each of them, in the same
    order, under a label of its own ("**For Scenario 1:**" over its steps): each case is titled by its
    label, its description's text is what is seen, and its group of the fix its steps. Read as one
    problem, an error of the second case was answered by the first case's steps. The description is
    the section's own text or the part right before the fix; its text before the first case stays
    there; a fix with text before its first answer, or that answers other
    cases, is left as it is."""
    fixes = [
        c
        for c in section.children
        if c.level == BOLD_LABEL_LEVEL and heading_role(c.title) is Role.RESOLUTION
    ]
    if len(fixes) != 1 or not fixes[0].blocks:
        return
    fix = fixes[0]
    answers = _case_runs(fix.blocks, _CASE_ANSWER)
    if len(answers) < 2 or answers[0][1] != 0:
        return
    at = section.children.index(fix)
    # The description is the section's own text, or the part right before the fix (a "**Symptoms**" label's).
    cases = [case for case, _, _ in answers]
    holder = next(
        (
            h
            for h in (section.children[at - 1 : at] if at else []) + [section]
            if [case for case, _, _ in _case_runs(h.blocks, _CASE_LABEL)] == cases
        ),
        None,
    )
    if holder is None:
        return
    described = _case_runs(holder.blocks, _CASE_LABEL)
    made = []
    for (_, start, stop), (_, answer, answered) in zip(described, answers, strict=True):
        label = holder.blocks[start]
        # Titled by what the case is, where its label says it ("Signature verification fails").
        said = block_text(label).strip()
        named = _CASE_LABEL.fullmatch(said)
        title = (named[2] if named else "") or said
        fixed = fix.blocks[answer + 1 : answered]
        made.append(
            Section(
                level=BOLD_QUESTION_LEVEL,
                title=title,
                line=line_of(label),
                blocks=holder.blocks[start + 1 : stop],
                children=[
                    Section(
                        level=BOLD_LABEL_LEVEL,
                        title=fix.title,
                        line=line_of(fix.blocks[answer]),
                        blocks=fixed,
                        end=fix.end,
                    )
                ],
                end=fix.end,
                entry=True,
            )
        )
    holder.blocks = holder.blocks[: described[0][1]]
    section.children[at : at + 1] = made


def _case_runs(blocks: list[SyntaxTreeNode], label: re.Pattern[str]) -> list[tuple[str, int, int]]:
    """Each case ``label`` names among ``blocks`` in bold lines alone: its number or letter (upper-cased),
    the index of its label and the end of the blocks up to the next one."""
    at = [
        (found[1].upper(), i)
        for i, block in enumerate(blocks)
        if block.type == "paragraph"
        and (run := bold_run(block)) is not None
        and len(said := inline_text(run).strip()) <= MAX_CASE_LABEL_CHARS
        and (found := label.fullmatch(said)) is not None
    ]
    if not at:
        return []
    ends = [i for _, i in at[1:]] + [len(blocks)]
    return [(case, start, stop) for (case, start), stop in zip(at, ends, strict=True)]
