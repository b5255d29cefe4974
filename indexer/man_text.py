"""A Unix manual page rendered as text (``man -P cat``, ``groff -Tutf8``) and saved as .txt, read as the
Markdown its layout stands for.

A rendered man page has no marks, only a layout: a running header (``NAME(1)  User Commands  NAME(1)``)
and footer (``name 2.4.1  March 2024  NAME(1)``), section headings in capitals at the left margin
(NAME, SYNOPSIS, TROUBLESHOOTING, SEE ALSO), subsection headings indented by three spaces, text by seven,
a tagged paragraph's tag at the text's margin and its text further in (``1.     Remove the lock:``,
``-v, --verbose`` over its text), and a display (a command, the output a program printed) indented past
the text it stands in. Read as prose, the page was one problem whose steps were its sections. Each line
is rewritten as the Markdown that says the same, line for line, so that every line keeps its number:
the NAME line titles the page, a display's fences stand on the blank lines around it.
"""

from __future__ import annotations

import re

from indexer.errortext import error_codes
from indexer.heading_text import Quoted
from indexer.roles import message_like

# The running header: the page's name and section, a centred title, the name and section again.
_HEADER = re.compile(r"^(\S+\(\w{1,8}\))[ \t]{2,}\S.*?[ \t]{2,}\1[ \t]*$")
# A section heading: capitals at the left margin ("EXIT STATUS", "SEE ALSO").
_SECTION = re.compile(r"^[A-Z][A-Z0-9 ,/&'-]{1,40}$")
# A subsection heading: a few words indented by three spaces, no sentence.
_SUBSECTION = re.compile(r"^ {2,4}(\S[^\n]{0,80}?)[ \t]*$")
# A tagged paragraph's tag and the text beside it, where the tag is short enough to leave room for it.
_TAGGED = re.compile(r"^(\S+(?: \S+)*?)(?:[ \t]{2,}(\S.*))?$")
# A tag that numbers a step ("1.", "2)").
_NUMBER = re.compile(r"\d{1,3}[.)]")
# Where a rendered page's text begins: its subsections' headings stand left of it, displays right of it.
_MARGIN = 7
# groff's hyphenation mark as -Tutf8 sets it (U+2010): a word it broke at a line's end, "reposi‐" over "tory".
_HYPHENATION = "\u2010"


def man_markdown(text: str) -> str | None:
    """The Markdown that a rendered manual page's ``text`` stands for, line for line; None where it is
    none: its first line is no running header, or no section heading follows it."""
    lines = text.split("\n")
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None or "(" not in lines[first] or not (header := _HEADER.match(lines[first])):
        return None
    if not any(_SECTION.fullmatch(line) for line in lines[first + 1 :]):
        return None
    _rejoin_hyphenated(lines)
    return "\n".join(_rewrite(lines, first, header[1]))


def _rejoin_hyphenated(lines: list[str]) -> None:
    """Join each word of ``lines`` that groff hyphenated at a line's end, in place: its first part (with
    what it is written to, "/run/mir‐") moves to open the next line ("rord.lock"), so each line keeps its
    number and its indentation. Read as set, the page said "reposi‐ tory" and "/run/mir‐ rord.lock". A
    part over a capital or a digit ("LTO‐" over "9") is a name's hyphen; a line of one word keeps it."""
    for index in range(len(lines) - 1):
        kept, _, broken = lines[index].rstrip().rpartition(" ")
        after = lines[index + 1]
        opens = after.lstrip(" ")
        if broken.endswith(_HYPHENATION) and broken[-2:-1].isalpha() and kept.strip() and opens[:1].islower():
            lines[index] = kept.rstrip()
            lines[index + 1] = after[: len(after) - len(opens)] + broken[:-1] + opens


def _indent(line: str) -> int:
    """How many spaces ``line`` is indented by."""
    return len(line) - len(line.lstrip(" "))


def _tags_next(lines: list[str], index: int) -> bool:
    """Whether line ``index``, at the text's margin, is a tag alone over its text ("-v, --verbose")."""
    return index + 1 < len(lines) and bool(lines[index + 1].strip()) and _indent(lines[index + 1]) > _MARGIN


def _names_error(tag: str) -> bool:
    """Whether a tag is a message the program prints ("E102: upstream signature verification failed",
    "labeld: cannot open /dev/usb/lp0"), not an option, a file or a variable the page describes. An
    option's tag ("-t, --timeout SECONDS") or a setting's ("timeout SECONDS") can read as a failure: a
    message without a code is one the program prefixes ("labeld: …")."""
    if tag.startswith(("-", "+")):
        return False
    return bool(error_codes(tag, named=False)) or (":" in tag and message_like(Quoted(tag, code=False)))


def _rewrite(lines: list[str], first: int, page: str) -> list[str]:
    """``lines`` rewritten as Markdown; line ``first`` is the running header of ``page`` ("NAME(1)")."""
    out = [""] * len(lines)
    # The tagged paragraph being read: its text's margin, and whether it numbers a step.
    tagged: tuple[int, bool] | None = None
    display = False
    # The lines of the NAME section, which title the page.
    naming: list[int] = []
    in_name = False
    # Whether a subsection heading is open in the section being read.
    subsection = False
    for index, line in enumerate(lines):
        if index <= first or not line.strip():
            if display and not line.strip():
                out[index], display = "```", False
            continue
        indent = _indent(line)
        words = line.strip()
        if display:
            out[index] = words
            continue
        if indent == 0 and _SECTION.fullmatch(line.rstrip()):
            in_name, tagged, subsection = words == "NAME", None, False
            if not in_name:
                out[index] = f"## {words}"
            continue
        if indent == 0 and words.endswith(page):
            # The running footer: the release and date the page documents, the page's byline.
            out[index] = re.sub(r"[ \t]{2,}", " \u00b7 ", words[: -len(page)].strip())
            continue
        if in_name:
            naming.append(index)
            continue
        if indent < _MARGIN - 2 and _SUBSECTION.fullmatch(line):
            out[index], tagged, subsection = f"### {words}", None, True
            continue
        if indent > _MARGIN and (tagged is None or indent > tagged[0]) and not lines[index - 1].strip():
            # A display: indented past the text it stands in, set apart by a blank line.
            out[index - 1], out[index], display = "```", words, True
            continue
        if indent > _MARGIN and tagged is not None:
            out[index] = f"   {words}" if tagged[1] else words
            continue
        found = _TAGGED.fullmatch(words)
        if indent == _MARGIN and found and found[2] and _NUMBER.fullmatch(found[1]):
            out[index], tagged = (
                f"{found[1]} {found[2]}",
                (indent + words.index(found[2], len(found[1])), True),
            )
        elif indent == _MARGIN and _tags_next(lines, index) and _names_error(words):
            # A message as the tag over what it means and what to do (a DIAGNOSTICS entry, "E102: upstream
            # signature verification failed" over its text): a heading, a level under the one it stands in.
            # Read as a tag, the entry's code alone titled it and its message and explanation were its step 1.
            out[index] = f"{'####' if subsection else '###'} {words}"
            tagged = (_indent(lines[index + 1]), False)
        elif indent == _MARGIN and _tags_next(lines, index):
            out[index], tagged = words, (_indent(lines[index + 1]), False)
        else:
            out[index], tagged = re.sub(r"[ \t]{2,}", " ", words), None
    if naming:
        out[first] = "# " + " ".join(lines[i].strip() for i in naming)
    if display:
        out.append("```")
    return out
