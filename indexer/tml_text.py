"""A Foswiki or TWiki topic saved as .txt (its TML source), read as the Markdown its markup stands for.

TML, the Foswiki and TWiki markup, writes a heading as a run of dashes and one "+" a level
(``---+ Title``, ``---++ Section``; ``!!`` after them keeps it out of the table of contents), list items
indented by three spaces (or a tab) a level (``   * bullet``, ``   1. numbered``, ``   a.`` and ``   i.``
too), ``*bold*``, ``_italic_``, ``__bold italic__``, ``=fixed=`` and ``==bold fixed==`` inline, ``<verbatim>``
and ``<pre>`` blocks, ``[[Target][words]]`` links, ``!WikiWord`` and ``<nop>`` to stop a word linking,
``%MACRO%`` variables (``%TOC%``, the topic's ``%META:…%`` lines, ``%X%`` the warning icon) and a
``-- Main.JanSmit - 14 Oct 2026`` signature. Read as plain text, the headings were text, so the topic was
one problem holding every other's symptoms as steps, and ``=Error 1053: …=`` was no error message. Each
construct is rewritten as the Markdown that says the same, line for line, so that every line keeps its
number: but a paragraph or a table right under a list (which TML ends the list with, and Markdown would run
into the item) and the rule under a table's header row each add a line, so what follows is reported later.
"""

from __future__ import annotations

import re

from indexer.wiki_inline import link_words

# A heading: three dashes or more, one "+" (or "#", numbered) a level, perhaps "!!", its words. Words
# that open with a dash, a "+" or a bar are a text table's border ("---+----+"), no heading. The blanks after
# the words are stripped afterwards: a lazy match before them was tried at each length (179 s on 100 kB).
_HEADING = re.compile(r"^-{3,}(\+{1,6}|#{1,6})(?:!!)?[ \t]*([^\s+\-|#].*)$")
# A list item: three spaces (or a tab) a level, its mark ("*" a bullet, "1." or "a." numbered), its text.
_ITEM = re.compile(r"^((?: {3}|\t)+)(\*|[0-9]+\.|[aAiI]\.)[ \t]+(\S.*)$")
# A variable alone on its line ("%TOC%", '%META:TOPICINFO{author="…"}%', "%INCLUDE{…}%"): no text.
_VARIABLE_LINE = re.compile(r"^[ \t]*%[A-Z][A-Z0-9_:]*(?:\{.*\})?%[ \t]*$")
# An icon variable opening a paragraph ("%X% *Warning:* …"), as Markdown's alerts name its kind.
_ICON = re.compile(r"^[ \t]*%([A-Z])%[ \t]*")
_ICON_KINDS = {"X": "WARNING", "T": "TIP", "H": "NOTE", "I": "NOTE"}
# The signature under a topic's text ("-- Main.JanSmit - 14 Oct 2026", "-- [[Main.JanSmit][Jan]] - …").
_SIGNATURE = re.compile(r"^[ \t]*--[ \t]+(?:\[\[)?(?:Main\.|%USERSIG\{)")
# A rule: three dashes or more alone. Markdown would underline the line above into a heading.
_RULE = re.compile(r"^-{3,}[ \t]*$")
# A block of code or output ("<verbatim>", '<pre class="bash">') and its end.
_BLOCK_OPEN = re.compile(r"^[ \t]*<(verbatim|pre)\b[^>]*>(.*)$")
_BLOCK_CLOSE = re.compile(r"</(?:verbatim|pre)>")
# The marks, beside a heading, that tell a TML topic from a text that uses dashes: a variable, an item
# indented by three spaces, a block, a link with its words. A variable's braces hold no brace, so that each is
# looked for only up to the next one ("%A{%A{…", braces never closed, took 5.6 s on 100 kB).
_TOPIC_MARK = re.compile(
    r"%[A-Z][A-Z0-9_:]*(?:\{[^\n{}]*\})?%|^(?: {3}|\t)+(?:\*|1\.)[ \t]|<verbatim>|\[\[[^\]\n]+\]\[", re.M
)
# A table's row ("| =E-201 paper jam= | Open tray 2. |"), and a header row of bold cells ("| *Error* | *Fix* |"),
# under which Markdown wants its rule. "%BR%" is a line break in a cell.
_TABLE_ROW = re.compile(r"^[ \t]*\|.*\|[ \t]*$")
_HEADER_ROW = re.compile(r"[ \t]*(?:\|[ \t]*\*[^*|\n]+\*[ \t]*)+\|[ \t]*")
_LINE_BREAK = "%BR%"
# Inline markup, as Foswiki's renderer finds it: a mark after a space or "(" (or at the line's start),
# words that neither open nor close with a space, the mark before a space or punctuation. A span's words
# are bounded, so a line of lone marks is read in linear time.
_EDGES = r"(?<![^\s(]){mark}(\S|\S[^\n]{{0,300}}?\S){mark}(?=$|[\s,.;:!?)])"
_FIXED = re.compile(_EDGES.format(mark="==") + "|" + _EDGES.format(mark="="))
_BOLD_ITALIC = re.compile(_EDGES.format(mark="__"))
_BOLD = re.compile(_EDGES.format(mark=r"\*"))
_ITALIC = re.compile(_EDGES.format(mark="_"))
# A link ("[[PrinterSetup][the setup page]]", "[[https://…][vendor]]", "[[PrinterSetup]]") and an escape.
_LINK = re.compile(r"\[\[([^\[\]\n]+)\](?:\[([^\[\]\n]*)\])?\]")
_WEB = re.compile(r"(?:https?|ftp)://", re.IGNORECASE)
_ESCAPE = re.compile(r"(?<!\S)!(?=[A-Za-z])|<nop>")
# Markdown's width of an item's mark: the text under it is indented past it.
_NUMBER_MARK = "1. "
_BULLET_MARK = "- "


def tml_markdown(text: str) -> str | None:
    """The Markdown that a Foswiki or TWiki topic's ``text`` stands for, line for line; None where it is
    no topic: no line is a ``---+`` heading, or nothing else is TML's (a ``%VARIABLE%``, an item indented
    by three spaces, a ``<verbatim>`` block, a ``[[Target][words]]`` link)."""
    if "---" not in text or _TOPIC_MARK.search(text) is None:
        return None
    lines = text.split("\n")
    if not any(line.startswith("---") and _HEADING.match(line) for line in lines):
        return None
    return "\n".join(_rewrite(lines))


def _rewrite(lines: list[str]) -> list[str]:
    """``lines`` rewritten as Markdown, a heading's level its count of "+"."""
    out: list[str] = []
    # The text column of each open list level: a deeper item, a block or a line going on with an item
    # is indented to it.
    columns: list[int] = []
    block: str | None = None  # the open block's indentation
    in_table = False  # whether the line before was a table's row
    for line in lines:
        previous_row, in_table = in_table, bool(_TABLE_ROW.match(line))
        if block is not None:
            closing = _BLOCK_CLOSE.search(line)
            if closing is None:
                out.append(f"{block}{line}" if line.strip() else "")
                continue
            before = line[: closing.start()]
            out.append(f"{block}{before}\n{block}```" if before.strip() else f"{block}```")
            block = None
            continue
        stripped = line.strip()
        if opening := _BLOCK_OPEN.match(line):
            # A block under an item is the item's, as its author meant it.
            block = " " * (columns[-1] if columns else 0)
            rest = opening[2]
            if _BLOCK_CLOSE.search(rest):
                out.append(f"{block}{_code(_BLOCK_CLOSE.split(rest, 1)[0])}")
                block = None
            else:
                out.append(f"{block}```\n{block}{rest}" if rest.strip() else f"{block}```")
            continue
        if line.startswith("---") and (heading := _HEADING.match(line)):
            words = heading[2].rstrip(" \t")
            out.append(f"{'#' * len(heading[1])} {_inline(words)}")
            columns = []
        elif item := _ITEM.match(line):
            depth = len(item[1].expandtabs(3)) // 3
            columns = columns[: depth - 1]
            indent = columns[-1] if columns else 0
            mark = _BULLET_MARK if item[2] == "*" else _NUMBER_MARK
            columns.append(indent + len(mark))
            out.append(f"{' ' * indent}{mark}{_inline(item[3])}")
        elif not stripped or _VARIABLE_LINE.match(line) or _SIGNATURE.match(line):
            out.append("")
            columns = []
        elif _RULE.match(line):
            out.append("***")
            columns = []
        elif icon := _ICON.match(line):
            kind = _ICON_KINDS.get(icon[1])
            rest = _inline(line[icon.end() :])
            out.append(f"> [!{kind}] {rest}" if kind else rest)
            columns = []
        elif in_table:
            # A run of "|" lines is a table, as Foswiki and TWiki render it: read as a paragraph, an error table was
            # one step ("| **Error** | **Fix** | | `E-201 …` | …") and its rows no problems. A blank line before it
            # and the rule under its header row each add a line.
            row = _inline(stripped.replace(_LINE_BREAK, "<br>"))
            if not previous_row and _HEADER_ROW.fullmatch(stripped):
                row += "\n|" + " --- |" * (stripped.count("|") - 1)
            out.append(f"\n{row}" if columns else row)
            columns = []
        elif columns and line[:1] in (" ", "\t"):
            # A line going on with an item's text, indented as TML wraps it. An unindented line ends the list, as
            # Foswiki's and TWiki's renderers end it: read as more of the last item, a "*Cause:* …" line right
            # under a topic's steps was its last step's words, and the problem had no cause.
            out.append(" " * columns[-1] + _inline(stripped))
        else:
            # Indentation is no code in TML: left in, four spaces made a code block of a paragraph. Right under a
            # list, a blank line before it ends the list (Markdown would run it into the item).
            out.append(f"\n{_inline(stripped)}" if columns else _inline(stripped))
            columns = []
    return out


def _code(text: str) -> str:
    """``text`` as a Markdown code span, fenced by more backticks than it holds."""
    ticks = "`" * (max((len(run) for run in re.findall("`+", text)), default=0) + 1)
    padded = f" {text} " if "`" in text else text
    return f"{ticks}{padded}{ticks}"


def _inline(text: str) -> str:
    """``text`` with TML's inline markup as Markdown's: code spans, bold and italics, links' words, and no
    escapes. Fixed text is read first, and no mark inside it is another's."""
    parts = _FIXED.split(text) if "=" in text else [text]
    # split() gives the text between spans, then each span's two groups (one of them None).
    out: list[str] = []
    for index in range(0, len(parts), 3):
        out.append(_words(parts[index]))
        if index + 2 < len(parts):
            out.append(_code(parts[index + 1] or parts[index + 2]))
    return "".join(out)


def _words(text: str) -> str:
    """``text``, holding no fixed text, with TML's emphasis, links and escapes as Markdown's."""
    if "[[" in text:
        text = _LINK.sub(lambda m: link_words((m[2] or "").strip(), m[1].strip(), web=_WEB), text)
    if "__" in text:
        text = _BOLD_ITALIC.sub(r"***\1***", text)
    if "*" in text:
        text = _BOLD.sub(r"**\1**", text)
    if "_" in text:
        text = _ITALIC.sub(r"*\1*", text)
    if "!" in text or "<nop>" in text:
        text = _ESCAPE.sub("", text)
    return text
