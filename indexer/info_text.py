"""A GNU Info manual's nodes as the info reader shows them (``info``, ``makeinfo --plaintext``), saved as
.txt, read as the Markdown their layout stands for.

Info text has few marks: each node opens with its navigation line (``File: x.info,  Node: Name,  Next: …,
Up: …``), a node that has sections lists them in a menu (``* Menu:`` over ``* Name::  description``
entries), headings are underlined with a run of one character as long as they are (``*`` a chapter, ``=``
a section, ``-`` a subsection, ``.`` a subsubsection) and numbered (``8.1 Signing fails``), examples are
indented five spaces, and code and messages are quoted ```like this'``. Read as plain text, the
navigation lines and the menu were steps and notes, the underlined headings text and the page titled by
its file's name. Each line is rewritten as the Markdown that says the same, line for line, so that every
line keeps its number: a navigation line, a menu and a heading's underline are blank lines.
"""

from __future__ import annotations

import re

# A node's navigation line, as the reader shows it at the node's top.
_NODE_LINE = re.compile(r"^File: [^,\s]+,[ \t]+Node: [^,\n]+")
# The line an Info file opens with ("This is tar.info, produced by makeinfo version 6.8 from tar.texi."), naming
# the program as it was run: makeinfo, texi2any (its name since Texinfo 5), an old "Makeinfo-1.55" that
# wrote "This is Info file …". The node separator under the preamble is no mark to find the first node by:
# it is a control character, a space by the time the text is read (see without_terminal_controls).
_PREAMBLE = re.compile(r"^This is (?:Info file )?\S+, produced by \S+")
# Info's node separator (a unit separator), which the reader shows as a control character or a line of its own.
_SEPARATOR = "\x1f"
# A heading's underline: a run of one of these characters, and the heading level each gives.
_UNDERLINE = re.compile(r"^([*=.-])\1+[ \t]*$")
_LEVELS = {"*": 1, "=": 2, "-": 3, ".": 4}
# The number a heading opens with ("8", "8.1", an appendix's "A.2").
_HEADING_NUMBER = re.compile(r"^(?:\d+(?:\.\d+)*|[A-Z](?:\.\d+)+)[ \t]+(?=\S)")
# A menu's opening line and its entries ("* Name::  what it is", "* Title: Node.  what it is").
_MENU = re.compile(r"^\* Menu:[ \t]*$")
_MENU_ENTRY = re.compile(r"^\* [^:\n]+:(?::|[ \t]+[^.\n]+\.)")
# A quotation ``like this'`` (Texinfo's @code, @samp, @file …), on one line or broken over two.
_QUOTED = re.compile(r"`([^`'\n]+(?:\n[^`'\n]+)?)'")
# A cross-reference to another node ("*Note Agent Options::", "*note Agent Options::").
_CROSS_REFERENCE = re.compile(r"\*[Nn]ote[ \t\n]+([^:*\n]+)::")


def info_markdown(text: str) -> str | None:
    """The Markdown that Info text ``text`` stands for, line for line; None where it is none: its first
    line (after an Info file's preamble, if it has one) is no node's navigation line."""
    if "Node: " not in text:
        return None
    lines = text.split("\n")
    first = next((at for at, line in enumerate(lines) if line.strip(_SEPARATOR + " \t")), None)
    if first is not None and _PREAMBLE.match(lines[first]):
        # The preamble (its own line, the copying notice, the directory entry) runs to the first
        # node: it describes the file, no node's text.
        first = next(
            (at for at in range(first, len(lines)) if _NODE_LINE.match(lines[at].lstrip(_SEPARATOR))), None
        )
        if first is not None:
            lines[:first] = [""] * first
    if first is None or not _NODE_LINE.match(lines[first].lstrip(_SEPARATOR)):
        return None
    out, headings = _rewrite(lines)
    # A file saved from one section's node has no chapter heading over it: its highest heading is the
    # page's, as the chapter's is in a whole chapter (a level-2 heading alone named a group of steps).
    # Its headings only: a line of text may open with "#" too ("#include"), at whatever level.
    top = min((len(out[at]) - len(out[at].lstrip("#")) for at in headings), default=1)
    if top > 1:
        for at in headings:
            out[at] = out[at][top - 1 :]
    return _CROSS_REFERENCE.sub(r"see \1", _QUOTED.sub(r"`\1`", "\n".join(out)))


def _rewrite(lines: list[str]) -> tuple[list[str], list[int]]:
    """The Markdown of Info text ``lines``, line for line, and where its headings are among them."""
    out: list[str] = []
    headings: list[int] = []
    in_menu = False
    index = 0
    while index < len(lines):
        line = lines[index].replace(_SEPARATOR, "")
        if _NODE_LINE.match(line):
            out.append("")
            in_menu = False
        elif _MENU.match(line):
            out.append("")
            in_menu = True
        elif in_menu and (not line.strip() or _MENU_ENTRY.match(line) or line[:1] in " \t"):
            # An entry, the lines its description wraps onto, and the blank lines between them.
            out.append("")
        elif index + 1 < len(lines) and (heading := _heading(line, lines[index + 1])):
            headings.append(len(out))
            out.extend((heading, ""))
            in_menu = False
            index += 2
            continue
        else:
            out.append(line)
            in_menu = False
        index += 1
    return out, headings


def _heading(line: str, below: str) -> str:
    """The Markdown heading that ``line`` is when ``below`` underlines it (as long as it, of one
    character), without its number; "" for any other line."""
    words = line.strip()
    underline = _UNDERLINE.match(below)
    if not words or underline is None or len(below.rstrip()) != len(line.rstrip()) or line[:1] in " \t":
        return ""
    return "#" * _LEVELS[underline.group(1)] + " " + _HEADING_NUMBER.sub("", words)
