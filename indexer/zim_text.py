"""A Zim desktop wiki's page file, read as the Markdown its markup stands for.

Zim saves a page as text under a header of its own (``Content-Type: text/x-zim-wiki``, ``Wiki-Format:``,
``Creation-Date:``), writes a heading between equal runs of "=" (six the page's title, fewer deeper),
``'''`` lines around a verbatim block and ``''verbatim''`` inline, checkboxes (``[ ]``, ``[*]`` done,
``[x]`` struck, ``[>]`` moved) and ``*`` or ``1.`` items, a tab a level deeper, and ``[[page|words]]``
links. Read as Markdown, the header was the page's title and the headings text: the page was one problem,
its verbatim messages its symptoms. Each construct is rewritten as the Markdown that says the same, line
for line, so that every line keeps its number: but a line of verbatim text right under another line stands
in a fence of its own, two lines more.
"""

from __future__ import annotations

import re

from indexer.equals_headings import equals_heading
from indexer.wiki_inline import slash_italics

# The header's first line, and any of its "Name: value" lines.
_CONTENT_TYPE = re.compile(r"^Content-Type:[ \t]*text/x-zim-wiki[ \t]*$", re.IGNORECASE)
_HEADER = re.compile(r"^[A-Z][\w-]*:[ \t]")
# A list item: its tabs (a level each), its mark (a checkbox, a bullet, a number or letter), its text.
_ITEM = re.compile(r"^(\t*)(\[[ *x>]\]|\*|\d+\.|[a-zA-Z]\.)[ \t]+(\S.*)$")
# A line that is verbatim text and nothing else: a message quoted on its own line, as a block is.
_VERBATIM_LINE = re.compile(r"^''([^'\n](?:.*[^'\n])?)''[ \t]*$")
# Inline markup: verbatim, a link with its words (italics as other wikis write them: indexer.wiki_inline).
_VERBATIM = re.compile(r"''(.+?)''")
_LINK = re.compile(r"\[\[([^|\[\]]+)(?:\|([^\[\]]+))?\]\]")
# The most "=" a heading has: the page's title, Markdown's first level.
_MOST = 6


def zim_markdown(text: str) -> str | None:
    """The Markdown that a Zim page's ``text`` stands for, line for line; None where it is no Zim page (its
    first line is no ``Content-Type: text/x-zim-wiki`` header's)."""
    if not text.startswith("Content-Type") or _CONTENT_TYPE.match(text.split("\n", 1)[0]) is None:
        return None
    return "\n".join(_rewrite(text.split("\n")))


def _rewrite(lines: list[str]) -> list[str]:
    """``lines`` rewritten as Markdown: the header blank, a heading's level counted down from six "="."""
    out: list[str] = []
    header = True
    verbatim = False
    for line in lines:
        if header:
            header = bool(_HEADER.match(line))
            if header:
                out.append("")
                continue
        if line.strip() == "'''":
            verbatim = not verbatim
            out.append("```")
        elif verbatim:
            out.append(line)
        elif heading := equals_heading(line):
            level = _MOST + 1 - heading[0]
            out.append(f"{'#' * level} {_inline(heading[1])}")
        elif (verbatim_line := _VERBATIM_LINE.match(line)) and "''" not in verbatim_line[1]:
            # An indented block where a blank line stands before it, which takes no line more than a fence.
            block = f"    {verbatim_line[1]}"
            out.append(block if not out or not out[-1].strip() else f"```\n{verbatim_line[1]}\n```")
        elif item := _ITEM.match(line):
            mark = "1. " if item[2][0].isalnum() else "- "
            out.append(f"{'   ' * len(item[1])}{mark}{_inline(item[3])}")
        else:
            out.append(_inline(line))
    return out


def _inline(text: str) -> str:
    """``text`` with Zim's inline markup as Markdown's: code spans, italics, links' words."""
    if "''" in text:
        text = _VERBATIM.sub(lambda m: f"`{m[1]}`", text)
    if "//" in text:
        text = slash_italics(text)
    if "[[" in text:
        text = _LINK.sub(lambda m: (m[2] or m[1]).strip(), text)
    return text
