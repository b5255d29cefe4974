"""A Creole 1.0 wiki page saved as .txt, read as the Markdown its markup stands for.

Creole, the markup many wiki engines share, writes a heading as a run of "=" before its words (one the
top level; a closing run is optional and its length does not count), numbered items as ``#`` at the
line's start (``##`` one deeper) and bullets as ``*`` (``**`` one deeper), ``{{{`` and ``}}}`` on lines
of their own around preformatted text, ``**bold**``, ``//italic//``, ``{{{code}}}`` and (an addition most
engines take) ``##monospace##`` inline, ``[[target|words]]`` links, ``{{image|words}}`` images, ``\\\\``
line breaks and ``<<Macro>>`` placeholders. Trac writes "=" headings and ``{{{`` blocks too, but indents
its items, so read as Trac's a Creole page's ``#`` items were Markdown headings and its fix was lost.
Each construct is rewritten as the Markdown that says the same, line for line, so that every line keeps
its number.
"""

from __future__ import annotations

import re

from indexer.equals_headings import equals_heading
from indexer.trac_text import header_end
from indexer.wiki_inline import double_hash_code, link_words, slash_italics, triple_brace_code

# A list item: its marks ("#" numbered, "*" a bullet, as many as its depth) and its text. A bullet's
# marks are followed by a space: "**bold**" opening a line is no item.
_ITEM = re.compile(r"^(?:(#+)[ \t]*|(\*+)[ \t]+)([^\s#*].*)$")
# The marks that tell a Creole page from the other wikis that write "=" headings: an item numbered by
# "#" at the line's start (Trac and XWiki number theirs "1."), beside a "{{{" line or a "**bold**" span
# (MediaWiki writes neither).
_BLOCK_LINE = re.compile(r"^\{\{\{[ \t]*$", re.MULTILINE)
_BLOCK_OPEN = re.compile(r"\{\{\{(?:#!\S*)?[ \t]*$")
_BOLD = re.compile(r"\*\*[^*\s](?:[^*\n]*[^*\s])?\*\*")
# A placeholder macro alone on its line ("<<TableOfContents>>", "<<Include(Footer)>>"): page furniture.
_MACRO = re.compile(r"^[ \t]*<<[A-Za-z][\w-]*(?:\([^)\n]*\))?>>[ \t]*$")
# Inline markup: a link or an image with its words, a forced line break. A link's text stops at the
# next bracket: a line of unclosed ones is read in linear time.
_LINK = re.compile(r"\[\[([^|\[\]]+)(?:\|([^\[\]]+))?\]\]")
_IMAGE = re.compile(r"\{\{([^|{}]+)(?:\|([^{}]+))?\}\}")
_WEB = re.compile(r"(?:https?|ftp)://", re.IGNORECASE)
# Markdown's width of an item's mark: the text under it is indented past it.
_NUMBER_MARK = "1. "
_BULLET_MARK = "- "


def creole_markdown(text: str) -> str | None:
    """The Markdown that a Creole page's ``text`` stands for, line for line; None where it is no Creole
    page: no line is a "=" heading, no ``#`` item opens a line outside its blocks, or the page holds
    neither a ``{{{`` line nor a ``**bold**`` span."""
    if "=" not in text or "#" not in text or not (_BLOCK_LINE.search(text) or _BOLD.search(text)):
        return None
    lines = text.split("\n")
    if not any(equals_heading(line) for line in lines) or not _has_numbered_item(lines):
        return None
    return "\n".join(_rewrite(lines))


def _has_numbered_item(lines: list[str]) -> bool:
    """Whether a ``#`` item opens one of ``lines`` outside a ``{{{`` block (where a shell's comment may;
    Trac's may open with its processor, ``{{{#!sh``), or under a MoinMoin page's header ("#format wiki")."""
    block = False
    for line in lines[header_end(lines) :]:
        if block:
            block = line.strip() != "}}}"
        elif line.startswith("{{{") and _BLOCK_OPEN.match(line):
            block = True
        elif line.startswith("#") and (item := _ITEM.match(line)) and item[1]:
            return True
    return False


def _rewrite(lines: list[str]) -> list[str]:
    """``lines`` rewritten as Markdown, a heading's level its opening run of "="."""
    out: list[str] = []
    # The text column of each open list level: a deeper item, a block or a line going on with an item
    # is indented to it.
    columns: list[int] = []
    block: str | None = None  # the open block's indentation
    follows_item = False  # whether the line before was an item's, or went on with one
    for line in lines:
        stripped = line.strip()
        if block is not None:
            if stripped == "}}}":
                out.append(f"{block}```")
                block = None
            else:
                out.append(f"{block}{line}" if stripped else "")
            continue
        if stripped == "{{{":
            # A block under an item is the item's, as its author meant it.
            block = " " * (columns[-1] if columns else 0)
            out.append(f"{block}```")
            follows_item = False
            continue
        item = _ITEM.match(line) if line[:1] in "#*" else None
        if item is not None:
            depth = len(item[1] or item[2])
            columns = columns[: depth - 1]
            indent = columns[-1] if columns else 0
            mark = _NUMBER_MARK if item[1] else _BULLET_MARK
            columns.append(indent + len(mark))
            out.append(f"{' ' * indent}{mark}{_inline(item[3])}")
            follows_item = True
        elif heading := equals_heading(line, open_ended=True):
            out.append(f"{'#' * heading[0]} {_inline(heading[1])}")
            columns, follows_item = [], False
        elif not stripped or _MACRO.match(line):
            out.append("")
            follows_item = False
        elif follows_item and columns:
            out.append(" " * columns[-1] + _inline(stripped))
        else:
            columns = []
            out.append("---" if stripped == "----" else _inline(stripped))
    return out


def _link(found: re.Match[str]) -> str:
    """A link's words; a link to the web with its target, as Markdown writes it."""
    return link_words((found[2] or "").strip(), found[1].strip(), web=_WEB)


def _inline(text: str) -> str:
    """``text`` with Creole's inline markup as Markdown's: code spans, italics, links' and images' words."""
    if "{{{" in text:
        text = triple_brace_code(text)
    if "##" in text:
        text = double_hash_code(text)
    if "//" in text:
        text = slash_italics(text)
    if "[[" in text:
        text = _LINK.sub(_link, text)
    if "{{" in text:
        text = _IMAGE.sub(lambda m: (m[2] or "").strip(), text)
    if "\\\\" in text:
        text = text.replace("\\\\", " ")
    return text
