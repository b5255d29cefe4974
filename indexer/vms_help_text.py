"""An OpenVMS HELP library's source (a .HLP file, ``HELP`` text saved as .txt), read as the Markdown its
layout stands for.

HELP text has one mark: a topic opens with its level number at the left margin and its keyword (``1
BACKUP``, ``2 Qualifiers``, ``3 %BACKUP-F-OPENOUT``), and a qualifier's entry opens with its name there
(``/BLOCK_SIZE``). Everything else is indented: a topic's text by a few spaces, a display (a command's
format, the message a program printed) further in, and a field's text (``Explanation:  …``, ``User
Action:  …``) hangs beside its label, its wrapped lines and numbered items under the text's first column.
Read as plain text, the library was one problem whose steps were its topics. Each line is rewritten as the
Markdown that says the same, line for line, so that every line keeps its number: a topic is a heading of
its level, a qualifier's entry one under its topic, a display code, a field a paragraph that opens with its
label.
"""

from __future__ import annotations

import re

from indexer.ibmi_text import indent_of

# A topic's line: its level at the left margin, then its keyword (one word: "%BACKUP-F-OPENOUT", "Qualifiers").
_TOPIC = re.compile(r"^([1-9]) +(\S+)[ \t]*$")
# A qualifier's entry, at the left margin ("/BLOCK_SIZE", "/IGNORE").
_QUALIFIER = re.compile(r"^/[A-Za-z][A-Za-z0-9_]*[ \t]*$")
# A field's label and the text beside it ("Explanation:  BACKUP could not …", "User Action:  Do …").
_FIELD = re.compile(r"^([A-Z][A-Za-z]*(?: [A-Za-z]+){0,2}):([ \t]{2,})(\S.*)$")


# The text's opening, up to the end of its first line that is not blank, when that line is a level-1 topic:
# told before the text is split, as any .txt page no other reader took is offered to this one.
_OPENING = re.compile(r"((?:[^\S\n]*+\n)*+)1 +\S+[ \t]*(?:\n|\Z)")


def vms_help_markdown(text: str) -> str | None:
    """The Markdown that HELP text ``text`` stands for, line for line; None where it is none: its first
    line is no level-1 topic, no level-2 topic follows it, or a line at the left margin is no topic's nor
    a qualifier's."""
    opening = _OPENING.match(text)
    if opening is None:
        return None
    lines = text.split("\n")
    first = opening.group(1).count("\n")
    levels = 0
    for line in lines[first:]:
        if not line.strip() or line[:1] in " \t":
            continue
        topic = _TOPIC.match(line)
        if topic is None and not _QUALIFIER.match(line):
            return None
        levels += topic is not None and topic.group(1) == "2"
    return "\n".join(_rewrite(lines)) if levels else None


def _rewrite(lines: list[str]) -> list[str]:
    out: list[str] = []
    level = 1
    indents = [indent_of(line) for line in lines]
    margins = _margins(lines, indents)
    hanging = 0  # the column a field's text hangs at, while its lines go on under it
    for line, indent, margin in zip(lines, indents, margins, strict=True):
        if topic := _TOPIC.match(line):
            level, hanging = int(topic.group(1)), 0
            # Markdown's headings stop at six levels; deeper, "#######" opens a paragraph.
            out.append("#" * min(level, 6) + " " + topic.group(2))
        elif _QUALIFIER.match(line):
            hanging = 0
            out.append("#" * min(level + 1, 6) + " " + line.strip())
        elif not line.strip():
            out.append("")
        elif hanging and indent >= hanging:
            # A field's text wrapped under its first line, or an item of it: in the field's paragraph.
            out.append(line[hanging:])
        elif indent <= margin and (field := _FIELD.match(line.lstrip(" \t"))):
            hanging = indent + len(field.group(1)) + 1 + len(field.group(2))
            out.append(f"**{field.group(1)}:** {field.group(3)}")
        else:
            hanging = 0
            # Text at the topic's margin is a paragraph; further in, a display: code (four spaces in).
            out.append(line.lstrip(" \t") if indent <= margin else "    " + line.lstrip(" \t"))
    return out


def _margins(lines: list[str], indents: list[int]) -> list[int]:
    """For each line, the margin of its topic's (or qualifier's) text: the least indentation in it
    (``indents``: each line's)."""
    margins = [0] * len(lines)
    start = 0
    for end in [*(at for at, line in enumerate(lines) if line[:1] not in " \t" and line.strip()), len(lines)]:
        margin = min(
            (indents[at] for at in range(start, end) if indents[at] and lines[at].strip()), default=0
        )
        margins[start:end] = [margin] * (end - start)
        start = end
    return margins
