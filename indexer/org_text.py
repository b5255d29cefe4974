"""An Emacs org-mode file saved as .txt, read as the Markdown its markup stands for.

Org writes the page's title as ``#+TITLE:``, its headings as ``*`` marks at a line's start (one a level,
perhaps a TODO keyword before the words and ``:tags:`` after them), a heading's properties and history
in drawers (``:PROPERTIES:`` … ``:END:``) and planning lines (``CLOSED: [date]``), comments as ``# `` lines,
code and output in ``#+BEGIN_SRC``/``#+BEGIN_EXAMPLE`` blocks, and ``=verbatim=`` and ``~code~`` inline.
Read as Markdown, a comment was the page's title and each heading a step of one problem. Each of them
is rewritten as the Markdown that says the same, line for line, so that every line keeps its number.
"""

from __future__ import annotations

import re

# A heading: its marks, a TODO keyword, a priority ("[#A]"), its words, its tags (":backup:ops:").
_HEADING = re.compile(
    r"^(\*+)[ \t]+(?:(?:TODO|DONE)(?:[ \t]+|$))?(?:\[#[A-Z0-9]\][ \t]*)?(.*?)(?:[ \t]+:[\w@#%:]+:)?[ \t]*$"
)
# A keyword line ("#+TITLE: …", "#+STARTUP: overview") and a block's opening and closing lines.
_KEYWORD = re.compile(r"^[ \t]*#\+([A-Za-z_]+):[ \t]*(.*)$")
_BLOCK_OPEN = re.compile(r"^([ \t]*)#\+begin_(\w+)(?:[ \t]+([\w+#-]+))?.*$", re.IGNORECASE)
_BLOCK_CLOSE = re.compile(r"^[ \t]*#\+end_(\w+)[ \t]*$", re.IGNORECASE)
# A comment line, a drawer's opening and end, and a planning line: none is text.
_COMMENT = re.compile(r"^[ \t]*#(?:[ \t]|$)")
_DRAWER = re.compile(r"^[ \t]*:[A-Za-z_]+:[ \t]*$")
_DRAWER_END = re.compile(r"^[ \t]*:END:[ \t]*$", re.IGNORECASE)
_PLANNING = re.compile(r"^[ \t]*(?:CLOSED|SCHEDULED|DEADLINE):[ \t]")
# The page's keywords that are its fields; the others ("STARTUP", "OPTIONS") only set Emacs up.
_FIELDS = {"author": "Author", "date": "Date", "filetags": "Tags"}
# Blocks of code or output; a special block of another name ("#+BEGIN_NOTE") is a call-out.
_CODE_BLOCKS = frozenset({"src", "example"})
# Inline markup: verbatim and code, strong words, a link ("[[https://…][Docs]]", "[[file:x.org]]").
_VERBATIM = re.compile(r"(?<![\w=~])(?:=(?!\s)([^=\n]*?[^\s=])=|~(?!\s)([^~\n]*?[^\s~])~)(?![\w=~])")
_STRONG = re.compile(r"(?<![\w*])\*(?![\s*])([^*\n]+?)(?<![\s*])\*(?![\w*])")
_LINK = re.compile(r"\[\[([^\[\]]+)\](?:\[([^\[\]]+)\])?\]")
# The most heading levels Markdown has: the title is the first, an org heading one deeper than its marks.
_DEEPEST = 6


def org_markdown(text: str) -> str | None:
    """The Markdown that an org-mode file's ``text`` stands for, line for line; None where it is no org file:
    no ``#+`` keyword or block line beside a ``*`` heading."""
    if "#+" not in text:
        return None
    lines = text.split("\n")
    has_keyword = any(_KEYWORD.match(line) or _BLOCK_OPEN.match(line) for line in lines if "#+" in line)
    if not has_keyword or not any(line.startswith("*") and _HEADING.match(line) for line in lines):
        return None
    return "\n".join(_rewrite(lines))


def _rewrite(lines: list[str]) -> list[str]:
    """``lines`` rewritten as Markdown."""
    out: list[str] = []
    block: tuple[str, str] | None = None  # the open block's name and indentation
    drawer = False
    for line in lines:
        if block is not None:
            name, indent = block
            if (closing := _BLOCK_CLOSE.match(line)) and closing[1].lower() == name:
                out.append(f"{indent}```" if name in _CODE_BLOCKS else "")
                block = None
            elif name in _CODE_BLOCKS:
                out.append(line)
            else:
                out.append(f"{indent}> {_inline(line.strip())}".rstrip())
            continue
        if drawer:
            drawer = not _DRAWER_END.match(line)
            out.append("")
            continue
        if line.startswith("*") and (heading := _HEADING.match(line)):
            out.append(f"{'#' * min(len(heading[1]) + 1, _DEEPEST)} {_inline(heading[2])}")
        elif opening := _BLOCK_OPEN.match(line):
            name, indent = opening[2].lower(), opening[1]
            block = (name, indent)
            if name in _CODE_BLOCKS:
                out.append(f"{indent}```{opening[3] or ''}" if name == "src" else f"{indent}```")
            else:
                out.append(f"{indent}> [!{name.upper()}]")
        elif keyword := _KEYWORD.match(line):
            label = keyword[1].lower()
            if label == "title":
                out.append(f"# {_inline(keyword[2])}")
            else:
                out.append(f"{_FIELDS[label]}: {keyword[2]}" if label in _FIELDS else "")
        elif _DRAWER.match(line) and not _DRAWER_END.match(line):
            drawer = True
            out.append("")
        elif _COMMENT.match(line) or _PLANNING.match(line):
            out.append("")
        else:
            out.append(_inline(line))
    return out


def _inline(text: str) -> str:
    """``text`` with org's inline markup as Markdown's: code spans, strong words, links."""
    if "=" in text or "~" in text:
        text = _VERBATIM.sub(lambda m: f"`{m[1] or m[2]}`", text)
    if "*" in text:
        text = _STRONG.sub(r"**\1**", text)
    if "[[" in text:
        text = _LINK.sub(lambda m: f"[{m[2]}]({m[1]})" if m[2] else m[1], text)
    return text
