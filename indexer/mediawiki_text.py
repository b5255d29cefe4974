"""A MediaWiki page saved as .txt (its source, copied out of the edit box), read as the Markdown its
markup stands for.

MediaWiki writes a heading between equal runs of "=" (two a section, three a sub-section), list items
as a line of marks at the line's start, one a level ("#" numbered, "*" a bullet, "#:" text going on
under an item), ``'''bold'''`` and ``''italic''``, ``<pre>`` and ``<syntaxhighlight lang=…>`` blocks
and a line opened by a space preformatted, ``{{Note|…}}`` boxes and other templates, ``[[Page|words]]``
and ``[https://… words]`` links, ``{| … |}`` tables, ``__TOC__`` and ``[[Category:…]]``. Read as
Markdown, each "#" item was a heading and each a problem of its own, the page's headings were text,
and a block's code ran into the steps. Each construct is rewritten as the Markdown that says the same,
line for line, so that lines keep their numbers: but a block opened or closed on a line of text, a
table's header row (under which Markdown wants a rule), a paragraph right under a list item (which
MediaWiki ends the list with, and Markdown would run into the item) and the rule over the categories at the
page's foot each add a line, so what follows
one is reported a line later.

The PyPI ``mwparserfromhell`` package parses wikitext into a tree of nodes, but renders neither Markdown
nor HTML; the line-for-line rewrite needs only each line's own marks, as MediaWiki itself reads its
headings, lists and tables line by line.
"""

from __future__ import annotations

import re

from indexer.jira_text import item_markdown

# A heading: a line of text between equal runs of "=" ("== Printer offline ==", "=== Cause ===").
_HEADING = re.compile(r"^(={1,6})[ \t]*([^=\s](?:.*[^=\s])?)[ \t]*(={1,6})[ \t]*$")
# A list item: its marks ("#", "*", "#:", ";"), then its text; MediaWiki needs no space after them.
_ITEM = re.compile(r"^([#*:;]+)[ \t]*(.*)$")
# A magic word alone on its line ("__TOC__", "__NOTOC__").
_MAGIC = re.compile(r"^[ \t]*__[A-Z]+__[ \t]*$")
# A category's link ("[[Category:Printers]]", "[[Category:Printers|sort key]]").
_CATEGORY = re.compile(r"\[\[[ \t]*Category[ \t]*:([^|\[\]]+)(?:\|[^\[\]]*)?\]\]", re.IGNORECASE)
# A block of code or output, its opening tag and language ("<pre>", '<syntaxhighlight lang="bash">').
_BLOCK_OPEN = re.compile(r"^[ \t]*<(pre|syntaxhighlight|source)\b([^>]*)>", re.IGNORECASE)
_LANGUAGE = re.compile(r"""\blang[ \t]*=[ \t]*["']?([\w+#.-]+)""", re.IGNORECASE)
# A template ("{{Note|…}}", "{{Infobox service|owner=…}}"): its name, then its arguments.
_TEMPLATE_OPEN = re.compile(r"^[ \t]*\{\{[ \t]*([A-Za-z][\w -]*)(?:\||\}\}|$)")
# The templates that draw a box of advice, as Markdown's alerts name them.
_BOXES = {
    "note": "NOTE",
    "info": "NOTE",
    "tip": "TIP",
    "hint": "TIP",
    "important": "IMPORTANT",
    "warning": "WARNING",
    "caution": "CAUTION",
    "danger": "CAUTION",
}
# Templates that set their argument in a fixed-width font ("{{code|…}}", "{{kbd|Ctrl}}").
_CODE_TEMPLATES = frozenset({"code", "mono", "kbd", "key", "tt", "samp", "command", "cmd"})
# A template within a line, with no template inside it.
_INLINE_TEMPLATE = re.compile(r"\{\{([^{}|]+)((?:\|[^{}]*)?)\}\}")
# A table's rows: its opening, a row's start, its caption, header and data cells, its end.
_TABLE_OPEN = re.compile(r"^[ \t]*\{\|")
_TABLE_CLOSE = re.compile(r"^[ \t]*\|\}")
# Inline markup: bold and italics, links within the wiki and to the web, code and inline tags.
_BOLD_ITALIC = re.compile(r"'''''(.+?)'''''")
_BOLD = re.compile(r"'''(.+?)'''")
_ITALIC = re.compile(r"''(.+?)''")
_WIKI_LINK = re.compile(
    r"\[\[(?:[ \t]*:?(?:File|Image)[ \t]*:[^\[\]|]*\|(?:[^\[\]]*\|)?)?([^\[\]|]*)(?:\|([^\[\]]*))?\]\]"
)
_WEB_LINK = re.compile(r"(?<!\[)\[((?:https?|ftp)://[^\s\[\]]+)(?:[ \t]+([^\[\]]+))?\]")
# (A span's text stops at the next such tag: a line of unclosed ones is read in linear time.)
_CODE = re.compile(r"<(code|tt|kbd|samp)>((?:[^<]|<(?!/?(?:code|tt|kbd|samp)>))*)</\1>", re.IGNORECASE)
_NOWIKI = re.compile(r"<nowiki>((?:[^<]|<(?!/?nowiki>))*)</nowiki>", re.IGNORECASE)
_BREAK = re.compile(r"<br[ \t]*/?>", re.IGNORECASE)
# Where a page's footnotes are listed ("<references />"), and a footnote's reuse ('<ref name="a" />').
_REFERENCES = re.compile(r"^[ \t]*<references[ \t]*/>[ \t]*$", re.IGNORECASE)
_REFERENCE = re.compile(r"<ref\b[^>/]*/>", re.IGNORECASE)
# The marks that only a MediaWiki page writes beside its headings: bold between three apostrophes, a
# magic word, a category, a table, a block of code or a template opening a line (not a link to a page
# with its words, "[[page|words]]", which DokuWiki writes too).
_PAGE_MARK = re.compile(
    r"'''[^'\n]+'''|^__[A-Z]+__[ \t]*$|\[\[Category:|^\{\||^<(?:pre|syntaxhighlight|source)\b"
    r"|^\{\{[ \t]*[A-Za-z][\w -]*(?:\||\}\})",
    re.MULTILINE,
)
_FENCE = "```"
# The most lines a template spans (an infobox has a line per field); one left open is its line's text, as
# MediaWiki shows it, and is not searched for further than that.
MAX_TEMPLATE_LINES = 200
# The most templates nested in one another whose words are read: deeper ones are kept as they stand.
_NESTED_TEMPLATES = 4


def mediawiki_markdown(text: str) -> str | None:
    """The Markdown that a MediaWiki page's ``text`` stands for, line for line; None where it is no
    MediaWiki page: no line is a heading of its shape, or nothing else on the page is MediaWiki's own
    (``'''bold'''``, a ``__TOC__``, a ``[[Category:…]]``, a ``{|`` table, a ``<pre>`` or
    ``<syntaxhighlight>`` block, a ``{{Template|…}}``)."""
    if "==" not in text or _PAGE_MARK.search(text) is None:
        return None
    lines = text.split("\n")
    if not any(_heading(line) for line in lines):
        return None
    return "\n".join(_Rewrite(lines).lines())


def _heading(line: str) -> re.Match[str] | None:
    """The heading ``line`` is, where its runs of "=" are as long on both sides."""
    found = _HEADING.match(line) if line.startswith("=") else None
    return found if found and len(found[1]) == len(found[3]) else None


class _Rewrite:
    """One walk over a MediaWiki page's lines, rewriting each construct in place as its Markdown."""

    def __init__(self, lines: list[str]) -> None:
        self.source = lines
        self.out = list(lines)
        # Whether the line before is a list item (or goes on with one): a paragraph under it is no more of it.
        self.listed = False
        # Where the page's foot begins: its last lines, blank or categories' links, that MediaWiki shows in a
        # box of their own under the page, set apart by a rule as a footer is (no note of the last fix).
        self.foot = len(lines)
        while self.foot and (not lines[self.foot - 1].strip() or _only_categories(lines[self.foot - 1])):
            self.foot -= 1
        while self.foot < len(lines) and not lines[self.foot].strip():
            self.foot += 1

    def lines(self) -> list[str]:
        """The rewritten lines."""
        index = 0
        while index < len(self.source):
            index = self._construct(index)
        return self.out

    def _construct(self, index: int) -> int:
        """Rewrite the construct line ``index`` opens; the line past it."""
        line = self.source[index]
        listed, self.listed = self.listed, False
        if block := _BLOCK_OPEN.match(line):
            return self._code(index, block)
        if _TABLE_OPEN.match(line):
            return self._table(index)
        template = _TEMPLATE_OPEN.match(line) if line.lstrip().startswith("{{") else None
        if template is not None and (line.rstrip().endswith("}}") or "}}" not in line):
            # A template that is its line, or opens a block of lines: a box of advice, or the page's furniture.
            past = self._template(index, template[1])
            if past is not None:
                return past
        if heading := _heading(line):
            self.out[index] = f"{'#' * len(heading[1])} {_inline(heading[2])}"
        elif _MAGIC.match(line) or _REFERENCES.match(line):
            self.out[index] = ""
        elif _only_categories(line):
            self.out[index] = self._categories(index)
        elif item := _ITEM.match(line):
            self.out[index] = self._item(item[1], _inline(item[2]))
            self.listed = True
        elif line.startswith(" ") and line.strip():
            return self._preformatted(index, listed)
        elif line.strip():
            text = _inline(line)
            self.out[index] = f"\n{text}" if listed else text
        return index + 1

    def _categories(self, index: int) -> str:
        """The line of categories' links ``index`` as a "Categories:" line; at the page's foot, all of them on
        its first line, under a rule, and nothing on the others."""
        if index > self.foot:
            return ""
        lines = self.source[index:] if index == self.foot else [self.source[index]]
        names = ", ".join(name.strip() for line in lines for name in _CATEGORY.findall(line))
        return f"---\nCategories: {names}" if index == self.foot else f"Categories: {names}"

    def _item(self, marks: str, text: str) -> str:
        """A list item of ``marks`` as Markdown: "#" and "*" an item, "#:" text under the item above,
        ";" a term, a ":" alone an indented line (a reply, a definition), its text."""
        if marks[-1] in "#*":
            return item_markdown(marks, text)[0]
        items = marks[:-1].replace(":", "").replace(";", "")
        if marks[-1] == ";":
            text = f"**{text}**"
        if not items:
            return text
        return item_markdown(items, "")[1] + text

    def _code(self, index: int, block: re.Match[str]) -> int:
        """The block ``block`` opens on line ``index`` as a fence; the line past its closing tag."""
        kind = block[1].lower()
        language = _LANGUAGE.search(block[2])
        fence = f"{_FENCE}{language[1] if language else ''}"
        closing = re.compile(rf"</{kind}[ \t]*>", re.IGNORECASE)
        number, rest = index, self.source[index][block.end() :]
        body: list[str] = []
        while True:
            end = closing.search(rest)
            if end is not None:
                body.append(rest[: end.start()])
                break
            body.append(rest)
            number += 1
            if number >= len(self.source):
                break
            rest = self.source[number]
        # The block's lines each stand where they stood: the fences at its first and last line.
        first, *middle = body
        if not middle:
            self.out[index] = f"{fence}\n{first}\n{_FENCE}" if first.strip() else f"{fence}\n{_FENCE}"
            return index + 1
        *inner, last = middle
        self.out[index] = f"{fence}\n{first}" if first.strip() else fence
        self.out[index + 1 : index + 1 + len(inner)] = inner
        closed = index + 1 + len(inner)
        if closed < len(self.source):
            self.out[closed] = f"{last}\n{_FENCE}" if last.strip() else _FENCE
        else:
            self.out[-1] += f"\n{_FENCE}"
        return closed + 1

    def _preformatted(self, index: int, listed: bool) -> int:
        """Lines opened by a space, from line ``index``, as the fence MediaWiki draws them in; the line past them."""
        end = index
        while end < len(self.source) and self.source[end].startswith(" ") and self.source[end].strip():
            end += 1
        lead = "\n" if listed else ""
        self.out[index] = f"{lead}{_FENCE}\n{self.source[index][1:]}"
        for number in range(index + 1, end):
            self.out[number] = self.source[number][1:]
        self.out[end - 1] += f"\n{_FENCE}"
        return end

    def _template(self, index: int, name: str) -> int | None:
        """The template opened on line ``index``: a box of advice a call-out, its text quoted; any other
        (an infobox, a banner) the page's furniture, nothing. The line past it; None where it does not
        close within MAX_TEMPLATE_LINES, which MediaWiki shows as the text it is."""
        depth = 0
        for end in range(index, min(index + MAX_TEMPLATE_LINES, len(self.source))):
            depth += self.source[end].count("{{") - self.source[end].count("}}")
            if depth <= 0:
                break
        else:
            return None
        kind = _BOXES.get(name.strip().lower())
        for number in range(index, end + 1):
            self.out[number] = ""
        if kind is None:
            return end + 1
        text = "\n".join(self.source[index : end + 1]).strip()
        # The box's words: past its name, without its closing braces and a "1=" or "text=" argument's name.
        words = text[text.index("{{") + 2 : text.rindex("}}") if text.endswith("}}") else len(text)]
        words = words.split("|", 1)[1] if "|" in words else ""
        words = re.sub(r"^[ \t]*(?:1|text|content)[ \t]*=", "", words)
        said = [_inline(part.strip()) for part in words.split("\n")]
        self.out[index] = f"> [!{kind}] {said[0]}".rstrip()
        for offset, part in enumerate(said[1:], start=1):
            self.out[index + offset] = f"> {part}".rstrip()
        return end + 1

    def _table(self, index: int) -> int:
        """The table opened on line ``index`` as a pipe table, a row a line from its first (its first row
        the header Markdown wants); the line past it."""
        rows: list[list[str]] = [[]]
        caption = ""
        end = index + 1
        while end < len(self.source) and not _TABLE_CLOSE.match(self.source[end]):
            line = self.source[end].strip()
            if line.startswith("|+"):
                caption = f"**{_inline(line[2:].strip())}**"
            elif line.startswith("|-"):
                if rows[-1]:
                    rows.append([])
            elif line.startswith(("|", "!")):
                rows[-1].extend(_cells(line))
            elif line and rows[-1]:
                # A cell's text goes on over the lines under it.
                rows[-1][-1] += f" {_inline(line)}"
            end += 1
        rows = [row for row in rows if row]
        written = [caption] if caption else []
        for number, cells in enumerate(rows):
            written.append(f"| {' | '.join(cells)} |")
            if number == 0:
                written.append("|" + " --- |" * len(cells))
        closed = min(end, len(self.source) - 1)
        slots = closed - index + 1
        if len(written) > slots:
            written = [*written[: slots - 1], "\n".join(written[slots - 1 :])]
        self.out[index : closed + 1] = written + [""] * (slots - len(written))
        return closed + 1


def _cells(line: str) -> list[str]:
    """The cells of a table's line ("| a || b", "! Code !! Meaning"), each without its attributes."""
    separator = "!!" if line.startswith("!") else "||"
    cells = []
    for cell in line[1:].split(separator):
        # A cell's attributes before its text ('style="color: red" | text').
        attributes, bar, text = cell.partition("|")
        if bar and "=" in attributes and not any(mark in attributes for mark in "[]{}"):
            cell = text
        cells.append(_inline(cell.strip()).replace("|", "\\|"))
    return cells


def _only_categories(line: str) -> bool:
    """Whether ``line`` holds category links and nothing else."""
    return line.startswith("[[") and bool(_CATEGORY.search(line)) and not _CATEGORY.sub("", line).strip()


def _template_inline(found: re.Match[str]) -> str:
    """A template within a line: a fixed-width one's argument as code, any other's plain arguments as words."""
    name = found[1].strip().lower()
    arguments = [part.strip() for part in found[2].split("|")[1:] if "=" not in part]
    if name in _CODE_TEMPLATES and arguments:
        return f"`{' '.join(arguments)}`"
    return " ".join(arguments)


def _inline(text: str) -> str:
    """``text`` with MediaWiki's inline markup as Markdown's: bold, italics, code, links, templates' words."""
    if "<" in text:
        text = _NOWIKI.sub(r"\1", text)
        text = _CODE.sub(lambda m: f"`{m[2]}`", text)
        text = _BREAK.sub(" ", text)
        text = _REFERENCE.sub("", text)
    # Innermost templates first: a template's argument may be another ("{{Note|Run {{code|x}}.}}").
    for _ in range(_NESTED_TEMPLATES):
        if "{{" not in text:
            break
        text = _INLINE_TEMPLATE.sub(_template_inline, text)
    if "''" in text:
        text = _BOLD_ITALIC.sub(r"***\1***", text)
        text = _BOLD.sub(r"**\1**", text)
        text = _ITALIC.sub(r"*\1*", text)
    if "[[" in text:
        text = _WIKI_LINK.sub(lambda m: (m[2] or m[1]).strip(), text)
    if "[" in text:
        text = _WEB_LINK.sub(lambda m: f"[{m[2].strip()}]({m[1]})" if m[2] else f"<{m[1]}>", text)
    return text
