"""A Trac wiki page saved as .txt, read as the Markdown its markup stands for.

Trac writes a heading between equal runs of "=" (one the page's title, two a section; an ``#anchor`` may
follow), list items indented by at least a space (`` 1.``, ``a.``, ``i.`` numbered, ``*`` or ``-`` a
bullet; deeper indentation a deeper level), ``{{{`` and ``}}}`` around a block of code on lines of their
own (its first line may name a processor, ``#!sh``), ``{{{code}}}`` inline, ``'''bold'''`` and
``''italic''``, ``||`` tables (``||=`` a header cell), ``[[PageOutline]]``-style macros and a ``----``
rule. Read as Markdown, the headings were text, so the page was one problem holding the others' parts,
the items (indented by a space, which Markdown reads as a paragraph's) ran into one step, and a block's
braces and processor were its text. Each construct is rewritten as the Markdown that says the same, line
for line, so that lines keep their numbers: only a table's header row, under which Markdown wants a rule,
adds a line. A MoinMoin page, written in the same marks, is read so too; the processing instructions
and "##" comments that open it ("#format wiki", "## page was renamed from …") are no text: read as
Markdown, a comment was a heading over the page's "= Title =".
"""

from __future__ import annotations

import re

from indexer.equals_headings import equals_heading
from indexer.wiki_inline import slash_italics, triple_brace_code

# A list item: its indentation (a space at least), its mark, its text.
_ITEM = re.compile(r"^([ \t]+)(\*|-|\d+\.|[a-zA-Z]\.|[ivxIVX]+\.)[ \t]+(\S.*)$")
# A block's opening, perhaps with its first line's text or its processor ("{{{#!sh"), and its closing.
_BLOCK_OPEN = re.compile(r"^([ \t]*)\{\{\{(.*)$")
_BLOCK_CLOSE = re.compile(r"^[ \t]*\}\}\}[ \t]*$")
# A processor's name, on a block's first line: the language its code is in ("#!sh", "#!python").
_PROCESSOR = re.compile(r"^[ \t]*#!([\w+#.-]+)")
# A macro alone on its line that draws the page's furniture ("[[PageOutline]]", "[[TOC(depth=2)]]").
_MACRO = re.compile(r"^[ \t]*\[\[(?:PageOutline|TOC|TitleIndex|RecentChanges|BR)(?:\([^)\n]*\))?\]\][ \t]*$")
# The marks only a Trac page writes beside its headings: a block's braces alone on a line, a furniture
# macro, a table's header cell, an item indented by one space (DokuWiki indents by two).
_PAGE_MARK = re.compile(
    r"^(?:\{\{\{(?:#!\w+)?[ \t]*$|[ \t]*\[\[(?:PageOutline|TOC|TitleIndex)\b|\|\|=|"
    r" (?:\*|-|\d+\.|[a-zA-Z]\.)[ \t]+\S)",
    re.MULTILINE,
)
# The page's footer under its last rule, as Trac draws it under every page ("Last modified by …", "See
# TracWiki for help …"): no text of the page's last problem.
_FOOTER = re.compile(
    r"^[ \t]*(?:''|//)?[ \t]*(?:last modified\b|(?:note:[ \t]*)?see tracwiki\b)", re.IGNORECASE
)
# The categories a MoinMoin page lists under its last rule, each a link to its "Category…" page
# ("CategoryMail CategoryPostfix"): the wiki's filing, no text of the page's last problem.
_CATEGORIES = re.compile(r"^[ \t]*Category[A-Z]\w*(?:[ \t]+Category[A-Z]\w*)*[ \t]*$")
# A line of a MoinMoin page's header: a processing instruction ("#format wiki", "#language en") or a comment
# ("## page was renamed from …", which the wiki writes itself).
_HEADER_LINE = re.compile(r"##|#(?:format|language|pragma|acl|redirect|refresh|deprecated)\b", re.IGNORECASE)
# A table's row: cells between "||".
_ROW = re.compile(r"^[ \t]*\|\|(.*)\|\|[ \t]*$")
# Inline markup: bold, italics, links with their words, a WikiWord's escape (code and "//" italics as other
# wikis write them: indexer.wiki_inline). A link's text stops at the next bracket: a line of unclosed ones
# is read in linear time.
_BOLD = re.compile(r"'''(.+?)'''")
_ITALIC = re.compile(r"''(.+?)''")
_WEB_LINK = re.compile(r"\[((?:https?|ftp)://[^\s\[\]]+)[ \t]+([^\[\]]+)\]")
_WIKI_LINK = re.compile(r"\[(?:wiki|ticket|source|milestone|report):[^\s\[\]]+[ \t]+([^\[\]]+)\]")
_DOUBLE_LINK = re.compile(r"\[\[([^|\[\]]+)(?:\|([^\[\]]+))?\]\]")
_ESCAPE = re.compile(r"!(?=[A-Z][a-z]+[A-Z])")


def trac_markdown(text: str) -> str | None:
    """The Markdown that a Trac wiki page's ``text`` stands for, line for line; None where it is no Trac
    page: no line is a "=" heading, or nothing else on the page is Trac's own (a ``{{{`` block's line, a
    ``[[PageOutline]]`` macro, a ``||=`` header cell, an item indented by one space)."""
    if "=" not in text or _PAGE_MARK.search(text) is None:
        return None
    lines = text.split("\n")
    if not any(equals_heading(line) for line in lines):
        return None
    return "\n".join(_rewrite(lines))


def header_end(lines: list[str]) -> int:
    """The index of the first of ``lines`` under a MoinMoin page's header (its processing instructions and
    comments, the lines that open it; see ``_HEADER_LINE``): 0 where it has none."""
    return next((at for at, line in enumerate(lines) if not _HEADER_LINE.match(line)), len(lines))


def _rewrite(lines: list[str]) -> list[str]:
    """``lines`` rewritten as Markdown, a heading's level its number of "="."""
    out: list[str] = []
    # The indentation and text column of each open list level: an item, or a block, under one is indented to it.
    columns: list[tuple[int, int]] = []
    block: str | None = None  # the open block's indentation
    first = False  # whether the line is the open block's first
    table = False
    rules = [at for at, line in enumerate(lines) if line.strip() == "----"]
    footer = len(lines)
    if rules and all(
        not line.strip() or _FOOTER.match(line) or _CATEGORIES.match(line) for line in lines[rules[-1] + 1 :]
    ):
        footer = rules[-1]
    # Read as Markdown, a "##" comment was a heading over the page's title.
    header = header_end(lines)
    for at, line in enumerate(lines):
        if at < header or at >= footer:
            out.append("")
            continue
        if block is not None:
            if _BLOCK_CLOSE.match(line):
                out.append(f"{block}```")
                block = None
            elif first and (processor := _PROCESSOR.match(line)):
                # The fence was written on the opening line: its language goes there.
                out[-1] = f"{out[-1]}{processor[1]}"
                out.append("")
            else:
                out.append(f"{block}{line}" if line.strip() else "")
            first = False
            continue
        row = _ROW.match(line) if "||" in line else None
        if row is None:
            table = False
        if heading := equals_heading(line):
            out.append(f"{'#' * heading[0]} {_inline(heading[1])}")
            columns = []
        elif _MACRO.match(line):
            out.append("")
        elif row is not None:
            out.append(_row(row[1], header=not table))
            table = True
        elif (opening := _BLOCK_OPEN.match(line)) and "}}}" not in line:
            block = " " * (columns[-1][1] if columns else 0)
            rest = opening[2]
            processor = _PROCESSOR.match(rest)
            if processor:
                out.append(f"{block}```{processor[1]}")
            else:
                out.append(f"{block}```\n{block}{rest}" if rest.strip() else f"{block}```")
                first = not rest.strip()
        elif item := _ITEM.match(line):
            width = len(item[1].expandtabs(4))
            columns = [(w, c) for w, c in columns if w < width]
            indent = " " * (columns[-1][1] if columns else 0)
            mark = "- " if item[2] in "*-" else "1. "
            columns.append((width, len(indent) + len(mark)))
            out.append(f"{indent}{mark}{_inline(item[3])}")
        elif not line.strip():
            out.append("")
        elif line[0] in " \t" and columns:
            # Text indented under an item goes on with it.
            out.append(" " * columns[-1][1] + _inline(line.strip()))
        else:
            columns = []
            out.append("---" if line.strip() == "----" else _inline(line.strip()))
    return out


def _row(cells: str, *, header: bool) -> str:
    """A table's row of ``cells`` (between its outer "||") as a pipe table's; the first row a header, under
    the rule Markdown wants."""
    texts = [_inline(cell.strip().strip("=").strip()).replace("|", "\\|") for cell in cells.split("||")]
    row = f"| {' | '.join(texts)} |"
    return f"{row}\n|{' --- |' * len(texts)}" if header else row


def _inline(text: str) -> str:
    """``text`` with Trac's inline markup as Markdown's: code spans, bold, italics, links' words."""
    if "{{{" in text:
        text = triple_brace_code(text)
    if "''" in text:
        text = _BOLD.sub(r"**\1**", text)
        text = _ITALIC.sub(r"*\1*", text)
    if "//" in text:
        text = slash_italics(text)
    if "[" in text:
        text = _WEB_LINK.sub(r"[\2](\1)", text)
        text = _WIKI_LINK.sub(r"\1", text)
        text = _DOUBLE_LINK.sub(lambda m: (m[2] or m[1]).strip(), text)
    if "!" in text:
        text = _ESCAPE.sub("", text)
    return text
