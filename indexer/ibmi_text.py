"""IBM i message descriptions as the Display Message Description command shows them (``DSPMSGD``), saved
as .txt, read as the Markdown their layout stands for.

A message description is a record of fields, each a label, dot leaders and a colon, then its value
(``Message ID . . . . :   CPF9801``); a field's text wraps onto lines indented under its value, and a
Recovery lists what to do by ``--`` or by numbers. Each ``Message ID`` opens a record: ``Message`` is the
error's text (``&1``, ``&2`` stand for its values), ``Cause`` its cause, ``Recovery`` its fix, and the
fields of one word (``Message file``, ``Library``, ``Severity``) the message's attributes. The screen adds
its title (``Display Message Description   System: PRODSYS1``), its menu (``Select one of the
following:`` over numbered options), ``Bottom`` or ``More...``, ``Press Enter to continue.`` and its
function keys (``F3=Exit   F12=Cancel``). Read as plain text, the records were one problem whose steps
were the fields. Each line is rewritten as the Markdown that says the same, line for line, so that every
line keeps its number: a record's ``Message ID`` is a heading titled by its code and its message, each
field of text its bold label and its text (the lines it wraps onto joined to it, as those of each item of
a list), and the attributes and the screen's lines blank lines.
"""

from __future__ import annotations

import re

# A field: its label (words apart by single spaces), dot leaders, a colon, then its value.
_FIELD = re.compile(
    r"^(?P<indent>[ \t]*)(?P<label>[A-Za-z](?:[\w/()-]| (?=[\w(]))*)[ \t]*(?:\.[ \t]*){2,}:[ \t]*(?P<value>.*)$"
)
# An IBM i message identifier: three letters or digits, the first a letter, then four hexadecimal digits.
_MESSAGE_ID = re.compile(r"[A-Z][A-Z0-9]{2}[0-9A-F]{4}")
# The screen's title, its system's name at the right ("Display Message Description   System: PRODSYS1").
_SCREEN_TITLE = re.compile(r"^[ \t]*Display(?: [\w-]+)+[ \t]{2,}System:[ \t]+\S+[ \t]*$")
# The screen's menu: its prompt, then its numbered options (and "..." where the copy cut them).
_MENU_PROMPT = re.compile(r"^[ \t]*Select one of the following:[ \t]*$")
_MENU_OPTION = re.compile(r"^[ \t]+(?:\d{1,2}\.[ \t]+\S.*|\.\.\.)[ \t]*$")
# The screen's foot: where the list ends or goes on, the prompt, and its function keys ("F3=Exit").
_KEY = r"F\d{1,2}=\S+(?: \S+)*"
_SCREEN_FOOT = re.compile(
    rf"[ \t]*(?:Bottom|More\.\.\.|Press Enter to continue\.|{_KEY}(?:[ \t]{{2,}}{_KEY})*)[ \t]*"
)
# The fields that say something of the message, however short: the others of one word are its attributes.
_TEXT_FIELDS = frozenset({"Message", "Cause", "Recovery", "Technical description"})
# A Recovery's item: "--" or a number, then its text.
_ITEM = re.compile(r"^[ \t]*(?:--|(\d{1,2})\.)[ \t]+(\S.*)$")


def message_description_markdown(text: str) -> str | None:
    """The Markdown that IBM i message descriptions ``text`` stand for, line for line; None where it is
    none: no ``Message ID`` field holds a message identifier, or no ``Message`` field gives its text."""
    if "Message ID" not in text or ". :" not in text:
        return None
    lines = text.split("\n")
    fields = [_field(line) for line in lines]
    if not any(
        field and field["label"] == "Message ID" and _MESSAGE_ID.fullmatch(field["value"].strip())
        for field in fields
    ) or not any(field and field["label"] == "Message" for field in fields):
        return None
    return "\n".join(_rewrite(lines, fields))


def _field(line: str) -> re.Match[str] | None:
    """The field ``line`` is, if it is one: a label and a value apart by dot leaders."""
    return _FIELD.match(line) if "." in line and ":" in line else None


def indent_of(line: str) -> int:
    """How many spaces or tabs ``line`` opens with, each counted as one column."""
    return len(line) - len(line.lstrip(" \t"))


def _rewrite(lines: list[str], fields: list[re.Match[str] | None]) -> list[str]:
    """``lines`` rewritten as Markdown, ``fields`` the field each line is (None for other lines)."""
    out = [""] * len(lines)
    index = 0
    while index < len(lines):
        line, field = lines[index], fields[index]
        if field is None:
            if _MENU_PROMPT.match(line):
                index += 1
                while index < len(lines) and _MENU_OPTION.match(lines[index]):
                    index += 1
                continue
            if not (_SCREEN_TITLE.match(line) or _SCREEN_FOOT.fullmatch(line)):
                out[index] = line.strip()
            index += 1
            continue
        end = _continued(lines, fields, index, indent_of(line))
        label, value = field["label"], field["value"].strip()
        if label == "Message ID" and _MESSAGE_ID.fullmatch(value):
            out[index] = f"## {value}" + (
                f": {message}" if (message := _message(lines, fields, index)) else ""
            )
        elif end > index + 1 or " " in value or label in _TEXT_FIELDS:
            # A field of text: what it says, after its label; its items a list. The screen wraps them at its
            # width, so a wrapped line goes on the line it wraps (a step read as one line, not as two).
            # Each line's wrapped lines are joined to it once: joining each as it came copied the whole
            # text so far, the square of a long field's size.
            parts = {index: [f"**{label}:** {value}"]}
            line_of = index
            for number in range(index + 1, end):
                if mark := _ITEM.match(lines[number]):
                    parts[number] = [f"{mark[1] or ''}{'. ' if mark[1] else '- '}{mark[2]}"]
                    line_of = number
                else:
                    parts[line_of].append(lines[number].strip())
            for number, texts in parts.items():
                out[number] = " ".join(texts)
        # Else an attribute of one word ("Severity . . : 40"): about the message, no part of it.
        index = end
    return out


def _continued(lines: list[str], fields: list[re.Match[str] | None], index: int, indent: int) -> int:
    """The line past the field on line ``index`` (its label at ``indent``) and the lines its text wraps
    onto: each indented past its label, up to a blank line or another field."""
    end = index + 1
    while end < len(lines) and lines[end].strip() and fields[end] is None and indent_of(lines[end]) > indent:
        end += 1
    return end


def _message(lines: list[str], fields: list[re.Match[str] | None], index: int) -> str:
    """The text of the ``Message`` field of the record whose ``Message ID`` is on line ``index``, its
    wrapped lines joined; "" where the record gives none before the next one."""
    for number in range(index + 1, len(lines)):
        field = fields[number]
        if field is None:
            continue
        if field["label"] == "Message ID":
            return ""
        if field["label"] == "Message":
            end = _continued(lines, fields, number, indent_of(lines[number]))
            return " ".join([field["value"].strip(), *(lines[n].strip() for n in range(number + 1, end))])
    return ""
