"""Troubleshooting lists whose items each open with a label of their own.

"**Formula not found**: check its folder", "`Error: EACCES`: run …", "Error 0x8004de40: …": each
item (or paragraph, one after another) is a problem titled by its label, whose text is its fix. A
known-issues list may label the fix inside the item as well ("**Workaround:** run …").
"""

from __future__ import annotations

import re

from markdown_it.tree import SyntaxTreeNode

from indexer.errortext import error_codes
from indexer.heading_text import Quoted
from indexer.inline_text import inline_parts, inline_text
from indexer.markup import DEFINED_TERM
from indexer.messages import messages_in, reads_as_failure
from indexer.records import Step
from indexer.roles import Role, heading_role, is_strong_resolution, message_like
from indexer.sections import CODE, LISTS, Section, is_callout, line_of

# "**Formula not found**: check its folder" — a bold label, then a colon or a dash, then the fix.
# The label opens the item's first line, after its list mark (a step's Markdown is the item's lines).
_LIST_MARK = r"\s*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)?"


_LABEL_OPENER = re.compile(_LIST_MARK + r"(\*\*|__|`++)")


_PLAIN_LABEL_OPENER = re.compile(_LIST_MARK)


_LABEL_SEPARATOR = re.compile(r"\s*(?:[:\u2013\u2014\u2192-]|=>)?\s*")


# What may part a label from what to do: a colon, a dash, or a cheat sheet's arrow ("→", "=>").
LABEL_SEPARATORS = " :-\u2013\u2014\u2192=>"


MAX_BOLD_LABEL = 120


MAX_CODE_LABEL = 400
# What a known issue's "**Issue:**" states, up to its "**Workaround:**": a sentence, often with the
# error it shows ("… the browser console reports `Uncaught TypeError: …`"). Labelled as the issue, it
# is one however long; cut at a bold label's length, the page's issues were one problem's steps.
MAX_ISSUE_STATEMENT = 400


# A plain label that names an error by its code: "Error 0x8004de40", "AADSTS50105".
MAX_CODE_LABEL_PLAIN = 40


def without_label(markdown: str, label: str) -> str:
    """A step's Markdown without the bold or code label it opens with, or its plain ``label``
    ("Error 0x8004de40: …", a definition list's term), nor the colon or dash after it.

    A bold or code label closes with the marker it opens with, on its first line: found with one
    search, as a pattern with a back-reference took the cube of a long run of backticks (32 KB, 115 s).
    """
    opener = _LABEL_OPENER.match(markdown)
    if opener is None:
        mark = _PLAIN_LABEL_OPENER.match(markdown)
        start = mark.end() if mark else 0
        if not markdown.startswith(label, start):
            return markdown
        after = start + len(label)
    else:
        line_end = markdown.find("\n", opener.end())
        close = markdown.find(opener.group(1), opener.end() + 1, len(markdown) if line_end < 0 else line_end)
        if close < 0:
            return markdown
        after = close + len(opener.group(1))
    separator = _LABEL_SEPARATOR.match(markdown, after)
    return markdown[separator.end() if separator else after :]


# A plain label of a fix that opens a line of a list item: "Workaround: quit the client first."; in any
# script, before a full-width colon as Chinese and Japanese write one ("症状：…").
_PLAIN_FIX_LABEL = re.compile(r"([^\W\d_](?:[^\W\d_]| ){1,30}?)[ \t]*[:：]")


def fix_label(parts: list[SyntaxTreeNode]) -> tuple[int, str] | None:
    """Where, among a list item's first paragraph's ``parts``, a label of its fix stands after the
    label the item opens with, and the label as written; None when there is none.

    A known-issues list says the issue in a bold sentence, what is seen, then the fix under a
    label of its own: "**Agent fails to start.** The log shows `…`. **Workaround:** run …", or on
    a line of its own: "Workaround: run …".
    """
    for n, part in enumerate(parts[2:], start=2):
        if part.type == "strong" and is_strong_resolution(inline_text(part)):
            return n, inline_text(part)
        if part.type == "text" and parts[n - 1].type in ("softbreak", "hardbreak"):
            label = _PLAIN_FIX_LABEL.match(part.content)
            if label and is_strong_resolution(label.group(1)):
                return n, label.group(0)
    return None


def shown_before_steps(blocks: list[SyntaxTreeNode]) -> bool:
    """Whether an entry's ``blocks`` show output (a log line, in code) after its opening and then give
    its fix as numbered steps, the opening labelling no fix of its own ("Workaround:" says where that
    fix starts): what comes before the steps is what is seen, as under a heading."""
    steps = next((n for n, block in enumerate(blocks) if n and block.type == "ordered_list"), 0)
    return any(block.type in CODE for block in blocks[1:steps]) and fix_label(inline_parts(blocks[0])) is None


def without_empty_first_step(steps: list[Step]) -> None:
    """Drop an item's first step once its fix label has left it empty ("Workaround:" and then a
    list): the steps after it move up a number. Left as they are when it has steps nested in it."""
    gone = steps[0]
    if any(step.parent == gone.number for step in steps):
        return
    steps.pop(0)
    for step in steps:
        if step.group == gone.group:
            step.number = _one_up(step.number)
            step.parent = _one_up(step.parent) if step.parent else None


def _one_up(number: str) -> str:
    """A step's number with its top-level part one less ("3.1" → "2.1")."""
    head, dot, rest = number.partition(".")
    return f"{int(head) - 1}{dot}{rest}" if head.isdigit() and int(head) > 1 else number


# An entry of a troubleshooting list: the item (or paragraph) it is, the blocks it holds, and
# its label with whether the label is code (:func:`_item_label`).
LabelledEntry = tuple[SyntaxTreeNode, list[SyntaxTreeNode], tuple[str, bool]]


def labelled_lists(section: Section, *, least: int = 2) -> list[list[LabelledEntry]]:
    """The entries of a section that each open with a label of their own (:func:`_item_label`), in
    runs of ``least`` or more: the items of a list, or paragraphs one after another, as a Troubleshooting
    section writes them without a list ("**Printing blank pages**: update the firmware.")."""
    found: list[list[LabelledEntry]] = []
    paragraphs: list[LabelledEntry] = []
    for block in [*section.blocks, None]:
        if block is not None and block.type == "paragraph" and not is_callout(block):
            label = _item_label(block)
            if label[0]:
                paragraphs.append((block, [block], label))
                continue
        elif block is not None and block.type in LISTS:
            items = [
                (item, list(item.children), _item_label(_first(item), item.children))
                for item in block.children
            ]
            if paragraphs and not all(label for _, _, (label, _) in items):
                # "**Spooler stops**: an older driver is installed. Do this:" and its steps.
                paragraphs[-1][1].append(block)
                continue
            found.append(items)
        elif block is not None and paragraphs and (block.type in CODE or is_callout(block)):
            paragraphs[-1][1].append(block)
            continue
        found.append(paragraphs)
        paragraphs = []
    return sorted(
        (
            entries
            for entries in found
            if len(entries) >= least
            and all(label for _, _, (label, _) in entries)
            and len({label for _, _, (label, _) in entries}) == len(entries)
        ),
        key=lambda entries: line_of(entries[0][0]),
    )


def _first(item: SyntaxTreeNode) -> SyntaxTreeNode | None:
    return item.children[0] if item.children else None


def _item_label(
    opening: SyntaxTreeNode | None, blocks: list[SyntaxTreeNode] | None = None
) -> tuple[str, bool]:
    """The label a list item's first block (or a paragraph) opens with, bold or an error message in
    code, when it goes on to say what to do; and whether it is code. ("", False) for one without.
    ``blocks``: the item's blocks, the error messages of which may print a label in code."""
    parts = inline_parts(opening) if opening is not None else []
    defined = _defined_term(opening)
    plain = bool(parts) and parts[0].type == "text" and parts[0].content.startswith(defined)
    if defined and plain and reads_as_failure(defined) and len(defined) <= MAX_CODE_LABEL:
        # A plain definition list's term that a program prints, its definition what to do: a man page's
        # DIAGNOSTICS ("tapectl: cannot open /dev/sg3: Permission denied" then ":   The user is …"). A
        # term in code or bold is a label as such.
        return defined, False
    if parts and parts[0].type == "text":
        # "Error 0x8004de40: The client cannot connect …": an error code, plain, then what to do
        # (a definition list's term and its definition read so too).
        label, colon, rest = parts[0].content.partition(": ")
        if colon and rest.strip() and len(label) <= MAX_CODE_LABEL_PLAIN and error_codes(label):
            return label.strip(), False
    if len(parts) < 2 or parts[0].type not in ("strong", "code_inline"):
        return "", False
    if (stated := _issue_statement(parts)) is not None:
        return stated, False
    first = parts[0]
    if first.type == "strong":
        # "**`Error: EACCES …`**: run …": bold code is the code it holds, as plain code is.
        held = [c for c in first.children if c.type != "text" or c.content.strip()]
        if len(held) == 1 and held[0].type == "code_inline":
            first = held[0]
    quoted = first.type == "code_inline"
    shown = first.content if quoted else inline_text(first)
    label = shown.rstrip(":").strip()
    rest = parts[1].content if parts[1].type == "text" else ""
    opens = (
        shown.endswith(":")
        or rest.lstrip().startswith((":", "-", "\u2013", "\u2014", "\u2192", "=>"))
        or (shown.endswith((".", "?")) and fix_label(parts) is not None)
    )
    if quoted:
        said = message_like(Quoted(label, code=True)) or _printed(label, blocks or [])
        fits = said and len(label) <= MAX_CODE_LABEL
    else:
        fits = len(label) <= MAX_BOLD_LABEL and heading_role(label) is Role.TOPIC
    return (label, quoted) if opens and label and fits else ("", False)


def _printed(label: str, blocks: list[SyntaxTreeNode]) -> bool:
    """Whether an error message that an item's blocks after its first show holds ``label``: a label in
    code that its item's log line prints ("`V4432 quota reached`" over "…the agent logs:" and
    "vaultd[877]: V4432 quota reached for bucket …") is the error's message, however few its words."""
    return len(blocks) > 1 and any(q.block > 0 and label in q.text for q in messages_in(blocks))


def _issue_statement(parts: list[SyntaxTreeNode]) -> str | None:
    """What an item of a known-issues list states after the label that names the issue, up to the
    end of its line, where a label of its fix follows ("**Issue:** Export fails with `row limit
    exceeded`. ⏎ **Workaround:** export one week at a time."); None for any other item. The
    statement titles the item's problem, as a bold sentence would ("**Export fails.** … **Workaround:**")."""
    label = inline_text(parts[0]).rstrip(":").strip() if parts[0].type == "strong" else ""
    if not label or heading_role(label) is not Role.SYMPTOMS:
        return None
    fix = fix_label(parts)
    if fix is None:
        return None
    said: list[str] = []
    for part in parts[1 : fix[0]]:
        if part.type in ("softbreak", "hardbreak"):
            break
        said.append(part.content if part.type in ("text", "code_inline") else inline_text(part))
    statement = "".join(said).lstrip(LABEL_SEPARATORS).strip()
    return statement if 0 < len(statement) <= MAX_ISSUE_STATEMENT else None


def part_label_opening(text: str) -> tuple[Role, int] | None:
    """The part a line's plain label opens ``text`` with ("Cause: Android 14 revokes …"), and where its
    text starts; None when ``text`` opens with none."""
    found = _PLAIN_FIX_LABEL.match(text.lstrip())
    if found is None:
        return None
    role = heading_role(found.group(1))
    return (role, len(text) - len(text.lstrip()) + found.end()) if role is not Role.TOPIC else None


def _defined_term(opening: SyntaxTreeNode | None) -> str:
    """The term of a definition list's item (:data:`indexer.markup.DEFINED_TERM`), or ""."""
    inline = (
        opening.children[0]
        if opening is not None and opening.type == "paragraph" and opening.children
        else None
    )
    meta = inline.meta if inline is not None else None
    return str(meta.get(DEFINED_TERM, "")) if meta else ""
