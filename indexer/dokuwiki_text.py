"""A DokuWiki page saved as .txt, read as the Markdown its markup stands for.

DokuWiki writes a heading between runs of "=" (six the highest level, two the lowest), list items
indented by two spaces a level ("  *" a bullet, "  -" a numbered item), ``''monospace''``, ``<code>``
and ``<file>`` blocks (opened at the end of an item's line too), ``<note>`` boxes and ``~~NOTOC~~``
macros. Read as Markdown, the headings were text, so the page was one problem holding every other's
parts, a block's lines ran into the step above, and the macros were its title and notes. Each of them
is rewritten as the Markdown that says the same, line for line, so that lines keep their numbers: but
a block opened or closed on a line of text stands on a line of its own, a line more, so what follows
one is reported a line later.
"""

from __future__ import annotations

import re

from indexer.wiki_inline import slash_italics

# A heading: a line of text between runs of two to six "=" ("===== Problem: … =====").
_HEADING = re.compile(r"^[ \t]*(={2,6})[ \t]*([^=\s](?:.*[^=\s])?)[ \t]*(={2,6})[ \t]*$")
# A list item: its indentation (two spaces a level), its mark ("*" a bullet, "-" a numbered item), its text.
_ITEM = re.compile(r"^( {2,}|\t+)([*-])[ \t]+(.*)$")
# A macro alone on its line ("~~NOTOC~~", "~~DISCUSSION~~"), and the tag plugin's list ("{{tag>a b}}").
_MACRO = re.compile(r"^[ \t]*~~[A-Z_]+(?::[^~]*)?~~[ \t]*$")
_TAGS = re.compile(r"^[ \t]*\{\{tag>([^}]*)\}\}[ \t]*$")
# A block of code or of a file's text: its opening tag and language ("<code bash>", "<file ini app.conf>").
_BLOCK_OPEN = re.compile(r"<(code|file)(?:[ \t]+([\w+#.-]+))?[^>]*>")
_BLOCK_CLOSE = re.compile(r"</(code|file)>")
# A box ("<note>", "<note important>") and its end.
_NOTE_OPEN = re.compile(r"^[ \t]*<note(?:[ \t]+(\w+))?[ \t]*>")
_NOTE_CLOSE = re.compile(r"</note>[ \t]*$")
# The kinds of box the note plugin draws, as Markdown's alerts name them (a plain note is a note).
_NOTE_KINDS = {"important": "IMPORTANT", "warning": "WARNING", "tip": "TIP"}
# Inline markup: monospace, an image or media link ("{{shot.png|Alt}}") (italics: indexer.wiki_inline).
_MONOSPACE = re.compile(r"''((?:[^'\n]|'(?!'))+?)''")
_MEDIA = re.compile(r"\{\{[ \t]*([^|{}]+?)[ \t]*(?:\|([^{}]*))?\}\}")
# A link ("[[printing:drivers|Printer drivers]]", "[[printing:drivers]]", "[[https://…|the vendor's page]]"):
# a page's link reads as its words, or as its name where it has none.
_LINK = re.compile(r"\[\[([^|\[\]]++)(?:\|([^\[\]]*+))?\]\]")
_WEB_ADDRESS = re.compile(r"(?:https?|ftp)://", re.IGNORECASE)
# A DokuWiki page's marks that no plain note or other wiki writes beside its headings: an item indented
# under no text, a block, a box or a macro.
_PAGE_MARK = re.compile(r"^(?: {2,}[*-][ \t]|[ \t]*</?(?:code|file|note)\b|[ \t]*~~[A-Z_]+~~)", re.MULTILINE)
# The deepest heading DokuWiki writes (two "="), the highest level of Markdown's.
_FEWEST = 2
_MOST = 6


def dokuwiki_markdown(text: str) -> str | None:
    """The Markdown that a DokuWiki page's ``text`` stands for, line for line; None where it is no
    DokuWiki page: no line is a heading of its shape, or nothing else on the page is DokuWiki's (an
    indented item, a ``<code>`` block, a ``<note>`` box, a ``~~MACRO~~``)."""
    if "==" not in text or _PAGE_MARK.search(text) is None:
        return None
    lines = text.split("\n")
    if not any(_heading(line) for line in lines):
        return None
    return "\n".join(_rewrite(lines))


def _heading(line: str) -> re.Match[str] | None:
    """The heading ``line`` is, where its runs of "=" are as long on both sides."""
    found = _HEADING.match(line) if "==" in line else None
    return found if found and len(found[1]) == len(found[3]) else None


def _rewrite(lines: list[str]) -> list[str]:
    """``lines`` rewritten as Markdown, a heading's level counted down from six "=" (level 1)."""
    out: list[str] = []
    # The text column of each open list level: an item, or a block, under one is indented to it.
    columns: list[tuple[int, int]] = []
    code: str | None = None
    note = False
    for line in lines:
        if code is not None:
            closing = _BLOCK_CLOSE.search(line)
            if closing is None:
                out.append(f"{code}{line}" if line.strip() else "")
                continue
            before = line[: closing.start()]
            out.append(f"{code}{before}\n{code}```" if before.strip() else f"{code}```")
            code = None
            continue
        if heading := _heading(line):
            level = _MOST + 1 - min(max(len(heading[1]), _FEWEST), _MOST)
            out.append(f"{'#' * level} {_inline(heading[2])}")
            columns = []
            continue
        if _MACRO.match(line):
            out.append("")
            continue
        if tags := _TAGS.match(line):
            out.append(f"Tags: {', '.join(tags[1].split())}")
            continue
        if opening := _NOTE_OPEN.match(line):
            kind = _NOTE_KINDS.get((opening[1] or "").lower(), "NOTE")
            rest = line[opening.end() :]
            note = _NOTE_CLOSE.search(rest) is None
            rest = _NOTE_CLOSE.sub("", rest).strip()
            out.append(f"> [!{kind}] {_inline(rest)}".rstrip())
            continue
        if note:
            note = _NOTE_CLOSE.search(line) is None
            out.append(f"> {_inline(_NOTE_CLOSE.sub('', line).strip())}".rstrip())
            continue
        indent = ""
        if item := _ITEM.match(line):
            depth = len(item[1].expandtabs(2)) // 2
            columns = [(d, c) for d, c in columns if d < depth]
            indent = " " * (columns[-1][1] if columns else 0)
            mark = "1. " if item[2] == "-" else "- "
            columns.append((depth, len(indent) + len(mark)))
            line = f"{indent}{mark}{item[3]}"
            indent = " " * columns[-1][1]
        elif not line.strip():
            columns = []
        line, code = _block(line, indent)
        out.append(line)
    return out


def _block(line: str, indent: str) -> tuple[str, str | None]:
    """``line`` with a block it opens as a fence on a line of its own, indented by ``indent`` (the text
    column of the item it stands in), and that indentation while the block stays open (None after it)."""
    opening = _BLOCK_OPEN.search(line) if "<" in line else None
    if opening is None:
        return _inline(line), None
    before, after = line[: opening.start()], line[opening.end() :]
    fence = f"{indent}```{opening[2] or ''}"
    head = f"{_inline(before)}\n{fence}" if before.strip() else fence
    closing = _BLOCK_CLOSE.search(after)
    if closing is not None:
        if not before.strip():
            return f"{head}\n{indent}{after[: closing.start()]}\n{indent}```", None
        # A block within a line is code within it.
        return _inline(f"{before}`{after[: closing.start()]}`{after[closing.end() :]}"), None
    return (f"{head}\n{indent}{after}" if after.strip() else head), indent


def _inline(text: str) -> str:
    """``text`` with DokuWiki's inline markup as Markdown's: code spans, italics, an image's words, links."""
    if "''" in text:
        text = _MONOSPACE.sub(lambda m: f"`{m[1]}`", text)
    if "//" in text:
        text = slash_italics(text)
    if "{{" in text:
        text = _MEDIA.sub(lambda m: (m[2] or "").strip(), text)
    if "[[" in text:
        text = _LINK.sub(_link, text)
    return text


def _link(found: re.Match[str]) -> str:
    """A DokuWiki link as Markdown: a web address's as a link, another page's as its words (the page's name
    after its namespaces where it has none: "printing:drivers" reads "drivers")."""
    target, words = found[1].strip(), (found[2] or "").strip()
    if _WEB_ADDRESS.match(target):
        return f"[{words or target}]({target})"
    return words or target.rsplit(":", 1)[-1].split("#", 1)[0] or target
