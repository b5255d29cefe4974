"""An HTML block of a Markdown article → the Markdown it stands for.

Markdown passes raw HTML through untouched, and articles exported from HTML editors (a
help centre, a wiki) or folded into ``<details>`` keep whole paragraphs and numbered lists
that way: left as HTML, their words are not searchable and their steps are no steps. So an
HTML block's paragraphs, headings, lists, preformatted text and tables are written as
Markdown, with bold, italic, code and links kept, and read like the rest of the article.

The tags are found by one linear scan (:data:`_TAG`, and ``str.find`` for comments), not by
``html.parser``, which takes the square of its input on some malformed text in the Python
versions we support (64 KB of ``<!--`` took 2.4 s, 256 KB 46 s) and raises on some.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

# An opening or closing tag. Attribute values stop at "<" as well as at their quote, so an
# unclosed tag or quote ends at the next "<" instead of being looked for to the end of the text.
_TAG = re.compile(r"""<(/?)([A-Za-z][A-Za-z0-9-]{0,30})((?:[^<>"']|"[^"<]*"|'[^'<]*')*)(/?)>""")
# Where a tag, a comment or a declaration may begin.
_OPENING = re.compile(r"<(?=[A-Za-z/!?])")
_HREF = re.compile(r"""\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""", re.I)
_START = re.compile(r"""\bstart\s*=\s*["']?(\d{1,6})""", re.I)
_SPACES = re.compile(r"\s+")
# Characters that are Markdown syntax anywhere, and how a paragraph may begin that makes it a
# list, a heading, a quote or a rule.
_MARKUP = re.compile(r"([\\`*_\[\]<>|~])")
_LEADING = re.compile(r"^(\d{1,9})([.)])|^([-+=#])")
# Blocks: their text is a paragraph of its own.
_BLOCKS = frozenset(
    """p div section article main aside header footer nav details summary figure figcaption
    blockquote address dl dt dd fieldset form center hgroup caption""".split()
)
_HEADINGS = {f"h{level}": level for level in range(1, 7)}
_SKIPPED = frozenset(("script", "style", "template", "head", "title", "noscript", "svg", "math"))
_INLINE_MARKS = {"b": "**", "strong": "**", "i": "*", "em": "*"}
_CODE_TAGS = frozenset(("code", "kbd", "samp", "tt"))
_BARE_PIPE = re.compile(r"(?<!\\)\|")
_LIST_TAGS = frozenset(("ol", "ul", "li"))
_TABLE_PARTS = frozenset("table thead tbody tfoot tr td th".split())
_VOID = frozenset("area base br col embed hr img input link meta source track wbr".split())
# Deeper lists are written at this depth: Markdown's own nesting limit is not reached.
MAX_LIST_DEPTH = 8
# A link kept as a link: an address with no space or angle bracket in it, and no script.
_SAFE_HREF = re.compile(r"(?!\s*javascript:)[^\s<>]{1,2000}", re.I)


@dataclass
class _List:
    ordered: bool
    number: int
    # Where its markers are written, and where the text of its current item is.
    indent: str = ""
    content: str = ""


@dataclass
class _Writer:
    """Markdown lines, each with the line of the HTML block it came from."""

    lines: list[str] = field(default_factory=list)
    origins: list[int] = field(default_factory=list)

    def add(self, text: str, origin: int) -> None:
        for line in text.split("\n"):
            self.lines.append(line)
            self.origins.append(origin)


class _Converter:
    """Tags and text in document order → Markdown paragraphs, headings, lists and fences."""

    def __init__(self) -> None:
        self.out = _Writer()
        self.text: list[str] = []
        self.text_line = 0
        self.lists: list[_List] = []
        # The marker of the list item whose text comes next.
        self.marker = ""
        self.links: list[tuple[str, int]] = []
        self.code: list[str] | None = None
        self.pre: list[str] | None = None
        self.pre_line = 0
        self.skipping = ""
        self.heading = 0
        self.after_list = False
        # The rows of the table being read (each its cells and the line of its <tr>).
        self.rows: list[tuple[list[str], int]] | None = None
        self.cell_open = False

    def data(self, raw: str, line: int) -> None:
        if self.skipping:
            return
        text = html.unescape(raw)
        if self.pre is not None:
            self.pre.append(text)
        elif self.code is not None:
            self.code.append(text)
        elif text.strip() or self.text:
            if not self.text:
                # The text's own line: the chunk may begin with the ends of lines before it.
                self.text_line = line + text[: len(text) - len(text.lstrip())].count("\n")
            self.text.append(_MARKUP.sub(r"\\\1", _SPACES.sub(" ", text)))

    def start(self, tag: str, attributes: str, line: int) -> None:
        if self.skipping or (self.pre is not None and tag != "pre"):
            return
        if self.rows is not None and self._in_table(tag, line):
            return
        if tag in _SKIPPED:
            self.skipping = tag
        elif tag == "pre":
            self.flush()
            self.pre, self.pre_line = [], line
        elif tag in _CODE_TAGS:
            self.code = self.code if self.code is not None else []
        elif tag in _INLINE_MARKS:
            self.text.append(_INLINE_MARKS[tag])
        elif tag == "a" and not self.links:
            # One link at a time (HTML has no links in links): each text is then joined once.
            found = _HREF.search(attributes)
            href = next((g for g in found.groups() if g is not None), "") if found else ""
            self.links.append((html.unescape(href), len(self.text)))
        elif tag == "br":
            self.text.append("\n")
        elif tag in ("ol", "ul"):
            self.flush()
            if not self.lists and self.after_list:
                # Two lists in a row would read as one: an empty comment keeps them apart.
                self.out.add("<!-- -->\n", line)
            first = _START.search(attributes) if tag == "ol" else None
            parent = self.lists[-1] if self.lists else None
            if parent is not None and self.marker:
                # An item whose first content is this list: its marker alone on a line.
                self.out.add(parent.indent + self.marker.rstrip(), line)
                self.marker = ""
            if parent is None:
                indent = ""
            elif len(self.lists) >= MAX_LIST_DEPTH:
                indent = parent.indent  # written beside its parent's items
            else:
                indent = parent.content
            self.lists.append(_List(tag == "ol", int(first.group(1)) if first else 1, indent, indent))
        elif tag == "li":
            self.flush()
            if not self.lists:
                self.lists.append(_List(ordered=False, number=1))
            current = self.lists[-1]
            self.marker = f"{current.number}. " if current.ordered else "- "
            current.number += 1
            current.content = current.indent + " " * len(self.marker)
        elif tag in _HEADINGS:
            self.flush()
            self.heading = _HEADINGS[tag]
        elif tag == "table":
            self.flush()
            self.rows = []
        elif tag in _BLOCKS or tag == "hr":
            self.flush()

    def end(self, tag: str) -> None:
        if self.skipping:
            self.skipping = "" if tag == self.skipping else self.skipping
        elif self.rows is not None and tag in _TABLE_PARTS:
            self._end_cell()
            if tag == "table":
                self.write_table()
        elif self.rows is not None and (tag in _BLOCKS or tag in _LIST_TAGS or tag in _HEADINGS):
            self.text.append(" ")
        elif self.pre is not None:
            if tag == "pre":
                self.write_pre()
        elif tag in _CODE_TAGS and self.code is not None:
            self.text.append(_code_span("".join(self.code)))
            self.code = None
        elif tag in _INLINE_MARKS:
            self.text.append(_INLINE_MARKS[tag])
        elif tag == "a" and self.links:
            href, at = self.links.pop()
            words = "".join(self.text[at:]).strip()
            if words and _SAFE_HREF.fullmatch(href):
                self.text[at:] = [f"[{words}](<{href}>)"]
        elif tag in ("ol", "ul"):
            self.flush()
            if self.lists:
                self.lists.pop()
            self.after_list = not self.lists
        elif tag == "li" or tag in _HEADINGS or tag in _BLOCKS:
            self.flush()

    def flush(self) -> None:
        """Write the text gathered so far as one block: a paragraph, a heading or a list item's text."""
        if self.code is not None:
            self.text.append(_code_span("".join(self.code)))
            self.code = None
        text = "".join(self.text)
        self.text, self.links = [], []
        lines = [line.strip() for line in text.split("\n") if line.strip()]
        if not lines:
            return
        lines[0] = _LEADING.sub(_escaped_lead, lines[0])
        current = self.lists[-1] if self.lists else None
        if current is None:
            prefix = "#" * self.heading + " " if self.heading else ""
            lines = [prefix + " ".join(lines)] if prefix else lines
            first, rest = "", ""
        elif self.marker:
            first, rest = current.indent + self.marker, current.content
        else:
            first = rest = current.content
        self.out.add(first + lines[0], self.text_line)
        for line in lines[1:]:
            self.out.add(rest + line, self.text_line)
        self.out.add("", self.text_line)
        self.marker, self.heading, self.after_list = "", 0, False

    def _in_table(self, tag: str, line: int) -> bool:
        """Read a tag inside a table: its rows and cells; anything that would start a block of
        its own in a cell is a space there (a cell is one line of a Markdown table)."""
        rows = self.rows or []
        if tag in _TABLE_PARTS:
            self._end_cell()
        if tag == "tr" or (tag in ("td", "th") and not rows):
            rows.append(([], line))
            self.rows = rows
        if tag in ("td", "th"):
            self.cell_open = True
            return True
        if tag in _TABLE_PARTS:
            return True
        if tag == "br" or tag in _BLOCKS or tag in _LIST_TAGS or tag in _HEADINGS or tag == "pre":
            self.text.append(" ")
            return True
        return False

    def _end_cell(self) -> None:
        """Close the open cell, if any; text between cells is no cell's."""
        if self.code is not None:
            self.text.append(_code_span("".join(self.code)))
            self.code = None
        # A pipe in a code span would end the cell: GFM tables want it escaped there too.
        text = _BARE_PIPE.sub(r"\\|", _SPACES.sub(" ", "".join(self.text)).strip())
        self.text, self.links = [], []
        if self.cell_open and self.rows:
            self.rows[-1][0].append(text)
        self.cell_open = False

    def write_table(self) -> None:
        """The table read so far as a Markdown table, its first row the header."""
        rows = [(cells, line) for cells, line in self.rows or [] if any(cells)]
        self.rows = None
        if not rows:
            return
        width = max(len(cells) for cells, _ in rows)
        indent = self.lists[-1].content if self.lists else ""
        for i, (cells, line) in enumerate(rows):
            self.out.add(indent + "| " + " | ".join(cells + [""] * (width - len(cells))) + " |", line)
            if i == 0:
                self.out.add(indent + "|" + " --- |" * width, line)
        self.out.add("", rows[-1][1])
        self.after_list = False

    def write_pre(self) -> None:
        body = "".join(self.pre or []).strip("\n")
        self.pre = None
        fence = "~~~~" if "```" in body else "```"
        indent = self.lists[-1].content if self.lists else ""
        for line in (fence, *body.split("\n"), fence, ""):
            self.out.add(indent + line if line else line, self.pre_line)
        self.after_list = False


def _escaped_lead(found: re.Match[str]) -> str:
    return f"{found.group(1)}\\{found.group(2)}" if found.group(1) else f"\\{found.group(3)}"


def _code_span(code: str) -> str:
    code = _SPACES.sub(" ", code).strip()
    if not code:
        return ""
    ticks = "``" if "`" in code else "`"
    return f"{ticks} {code} {ticks}" if ticks == "``" else f"`{code}`"


def html_as_markdown(block: str) -> tuple[str, list[int]] | None:
    """The Markdown that HTML ``block`` stands for, and for each of its lines the line of
    ``block`` it comes from (0-based); None when it holds no text (a comment, an image)."""
    converter = _Converter()
    line, position = 0, 0
    while position < len(block):
        found = _OPENING.search(block, position)
        opening = found.start() if found else len(block)
        if opening > position:
            converter.data(block[position:opening], line)
            line += block.count("\n", position, opening)
        if found is None:
            break
        if block.startswith("<!--", opening):
            closing = block.find("-->", opening + 4)
            end = len(block) if closing < 0 else closing + 3
        elif block.startswith(("<!", "<?"), opening):
            # A declaration (<!DOCTYPE html>, <![CDATA[…]]>) or a processing instruction: no text.
            closing = block.find(">", opening + 2)
            end = len(block) if closing < 0 else closing + 1
        elif (tag := _TAG.match(block, opening)) is None:
            # A "<" that opens no tag is text ("a <b"), up to where the next one might.
            following = _OPENING.search(block, opening + 1)
            end = following.start() if following else len(block)
            converter.data(block[opening:end], line)
        else:
            name = tag.group(2).lower()
            if tag.group(1):
                converter.end(name)
            elif name not in _VOID:
                converter.start(name, tag.group(3), line)
                if tag.group(4):
                    converter.end(name)
            elif name in ("br", "hr"):
                converter.start(name, "", line)
            end = tag.end()
        line += block.count("\n", opening, end)
        position = end
    if converter.pre is not None:
        converter.write_pre()
    converter.flush()
    lines, origins = converter.out.lines, converter.out.origins
    while lines and not lines[-1].strip():
        lines.pop()
        origins.pop()
    if not any(line.strip() and line.strip() != "<!-- -->" for line in lines):
        return None
    return "\n".join(lines) + "\n", origins
