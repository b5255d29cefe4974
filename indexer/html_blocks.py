"""An HTML block of a Markdown article → the Markdown it stands for.

Markdown passes raw HTML through untouched, and articles exported from HTML editors (a
help centre, a wiki) or folded into ``<details>`` keep whole paragraphs and numbered lists
that way: left as HTML, their words are not searchable and their steps are no steps. So an
HTML block's paragraphs, headings, lists, preformatted text and tables are written as
Markdown, with bold, italic, code and links kept, and read like the rest of the article.
Its text stays text: whatever in it Markdown (or the publishing markup we read) would take
for syntax is escaped.

The tags are found by one linear scan (:data:`_TAG`, and ``str.find`` for comments), not by
``html.parser``, which takes the square of its input on some malformed text in the Python
versions we support (64 KB of ``<!--`` took 2.4 s, 256 KB 46 s) and raises on some.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from urllib.parse import quote

# An opening or closing tag. Attribute values stop at "<" as well as at their quote, so an
# unclosed tag or quote ends at the next "<" instead of being looked for to the end of the text.
_TAG = re.compile(r"""<(/?)([A-Za-z][A-Za-z0-9-]{0,30})((?:[^<>"']|"[^"<]*"|'[^'<]*')*)(/?)>""")
# Where a tag, a comment or a declaration may begin.
_OPENING = re.compile(r"<(?=[A-Za-z/!?])")
_HREF = re.compile(r"""\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""", re.I)
_START = re.compile(r"""\bstart\s*=\s*["']?(\d{1,6})""", re.I)
_SPACES = re.compile(r"\s+")
# Text that Markdown would read as markup anywhere in a line: escaped ("<" only where a tag could begin).
_MARKUP = re.compile(r"[\\`*_\[\]|&]|<(?=[A-Za-z/!?])")
# The beginning of a line that Markdown or publishing markup (MyST's "%" comments and "(x)="
# targets, Liquid, Kramdown, ":::" containers) would read as a block: a list number, or any
# ASCII punctuation, which a backslash escapes; but for the marks this module writes itself
# ("**", "`", "[" of bold, code and links), which text never begins with unescaped.
_LEADING = re.compile(r"^(\d{1,9})([.)])|^([!-)+-/:-@\]^{-~])")
_BACKTICKS = re.compile(r"`+")
_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*):")
_LINK_SCHEMES = frozenset(("http", "https", "mailto", "ftp"))
# Blocks: their text is a paragraph of its own.
_BLOCKS = frozenset(
    """p div section article main aside header footer nav details summary figure figcaption
    blockquote address dl dt dd fieldset form center hgroup""".split()
)
_HEADINGS = {f"h{level}": level for level in range(1, 7)}
# What a reader never sees; the first ones hold raw text, skipped to their closing tag unread.
_RAW_TEXT = frozenset(("script", "style", "textarea", "title", "xmp"))
_SKIPPED = _RAW_TEXT | {"template", "noscript", "svg", "math"}
_INLINE_MARKS = {"b": "**", "strong": "**", "i": "*", "em": "*"}
_CODE_TAGS = frozenset(("code", "kbd", "samp", "tt"))
_LIST_TAGS = frozenset(("ol", "ul", "li"))
_TABLE_PARTS = frozenset("table thead tbody tfoot tr td th caption".split())
_VOID = frozenset("area base br col embed hr img input link meta source track wbr".split())
_BARE_PIPE = re.compile(r"(?<!\\)\|")
# Deeper lists are written at this depth, deeper bold or italic is not marked: Markdown's own
# nesting limits are not reached, and no text is joined more than this many times.
MAX_LIST_DEPTH = 8
MAX_MARKS = 8
# A table of more cells than this (rows times its widest row) is written a row per paragraph:
# markdown-it fills every row out to the widest, so a few wide rows among many short ones
# would cost the square of the HTML's size.
MAX_TABLE_CELLS = 20_000
# The widest table markdown-it reads as one (indexer.markup reads a wider one as a paragraph:
# it fills every row out to the header's width, each cell a token and a tree node).
MAX_TABLE_COLUMNS = 64


@dataclass
class _List:
    ordered: bool
    number: int
    # Where its markers are written, and where the text of its current item is.
    indent: str = ""
    content: str = ""


@dataclass
class _Row:
    line: int
    cells: list[str] = field(default_factory=list)
    # Whether every cell is a header cell (<th>).
    header: bool = True


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
    """Tags and text in document order → Markdown paragraphs, headings, lists, tables and fences."""

    def __init__(self) -> None:
        self.out = _Writer()
        self.text: list[str] = []
        self.has_text = False
        self.text_line = 0
        # The line of the element the text being gathered belongs to (a <li>, a <p>).
        self.block_line: int | None = None
        self.lists: list[_List] = []
        # The marker of the list item whose content comes next.
        self.marker = ""
        self.link: tuple[str, int] | None = None
        self.marks: list[tuple[str, int]] = []
        self.code: list[str] | None = None
        # The last code span written (the very string in ``text``) and its code.
        self.code_span: tuple[str, str] | None = None
        self.pre: list[str] | None = None
        self.pre_line = 0
        self.skipping = ""
        self.heading = 0
        self.after_list = False
        self.rows: list[_Row] | None = None
        self.cell_open = False
        # Tables inside the table being read: their cells are text of its cell.
        self.inner_tables = 0

    # --- text -------------------------------------------------------------------------------

    def data(self, raw: str, line: int) -> None:
        if self.skipping:
            return
        text = html.unescape(raw)
        if self.pre is not None:
            self.pre.append(text)
        elif self.code is not None:
            self.code.append(text)
        elif text.strip() or self.text:
            if not self.has_text and text.strip():
                self.has_text = True
                # The element's line, else the text's own (the chunk may begin with line ends).
                leading = text[: len(text) - len(text.lstrip())].count("\n")
                self.text_line = self.block_line if self.block_line is not None else line + leading
            self.text.append(_MARKUP.sub(r"\\\g<0>", _SPACES.sub(" ", text)))

    # --- tags -------------------------------------------------------------------------------

    def start(self, tag: str, attributes: str, line: int) -> None:
        if self.skipping:
            return
        if tag in _SKIPPED:
            self.skipping = tag
        elif self.pre is not None:
            if tag == "br":
                self.pre.append("\n")
        elif tag in _TABLE_PARTS or (self.rows is not None and _starts_block(tag)):
            self._table_start(tag, line)
        elif tag == "pre":
            self.flush()
            self._open_item(line)
            self.pre, self.pre_line = [], line
        elif tag in _CODE_TAGS:
            self.code = self.code if self.code is not None else []
        elif tag in _INLINE_MARKS:
            if self.code is None and len(self.marks) < MAX_MARKS:
                self.marks.append((tag, len(self.text)))
        elif tag == "a":
            # One link at a time (HTML has no links in links): each text is then joined once.
            if self.link is None and self.code is None:
                found = _HREF.search(attributes)
                href = next((g for g in found.groups() if g is not None), "") if found else ""
                self.link = (html.unescape(href), len(self.text))
        elif tag == "br":
            self.text.append("\n")
        elif tag in ("ol", "ul"):
            self._list_start(tag, attributes, line)
        elif tag == "li":
            self.flush()
            if not self.lists:
                self.lists.append(_List(ordered=False, number=1))
            current = self.lists[-1]
            self.marker = f"{current.number}. " if current.ordered else "- "
            current.number += 1
            current.content = current.indent + " " * len(self.marker)
            self.block_line = line
        elif tag in _HEADINGS:
            self.flush()
            self.heading, self.block_line = _HEADINGS[tag], line
        elif tag in _BLOCKS or tag == "hr":
            self.flush()
            self.block_line = line

    def end(self, tag: str) -> None:
        if self.skipping:
            self.skipping = "" if tag == self.skipping else self.skipping
        elif self.pre is not None:
            if tag == "pre":
                self.write_pre()
        elif tag in _TABLE_PARTS or (self.rows is not None and _starts_block(tag)):
            self._table_end(tag)
        elif tag in _CODE_TAGS and self.code is not None:
            self._write_code()
        elif tag in _INLINE_MARKS:
            self._close_mark(tag)
        elif tag == "a" and self.link is not None:
            href, at = self.link
            self.link = None
            words, target = "".join(self.text[at:]).strip(), _link_target(href)
            if words and target:
                self.text[at:] = [f"[{words}]({target})"]
        elif tag in ("ol", "ul"):
            self.flush()
            if self.lists:
                self.lists.pop()
            self.after_list = not self.lists
        elif tag == "li" or tag in _HEADINGS or tag in _BLOCKS:
            self.flush()

    def _write_code(self) -> None:
        """Close the code being read as a code span; one right after another joins it, as a
        browser shows them ("`a``b`" would be one span holding backticks)."""
        code = "".join(self.code or [])
        self.code = None
        # The same string object, not an equal one: the span is still the last thing written.
        if self.code_span is not None and self.text and self.text[-1] is self.code_span[0]:
            self.text.pop()
            code = self.code_span[1] + code
        span = _code_span(code)
        self.text.append(span)
        self.code_span = (span, code)

    def _close_mark(self, tag: str) -> None:
        """Bold or italic around the text since its tag, spaces outside it (Markdown wants none inside)."""
        for i in range(len(self.marks) - 1, -1, -1):
            if self.marks[i][0] == tag:
                at = self.marks[i][1]
                del self.marks[i:]
                inner = "".join(self.text[at:])
                words = inner.strip()
                if words:
                    lead, trail = inner[: len(inner) - len(inner.lstrip())], inner[len(inner.rstrip()) :]
                    mark = _INLINE_MARKS[tag]
                    self.text[at:] = [f"{lead}{mark}{words}{mark}{trail}"]
                return

    def _list_start(self, tag: str, attributes: str, line: int) -> None:
        self.flush()
        if not self.lists and self.after_list:
            # Two lists in a row would read as one: an empty comment keeps them apart.
            self.out.add("<!-- -->\n", line)
        self._open_item(line)
        first = _START.search(attributes) if tag == "ol" else None
        parent = self.lists[-1] if self.lists else None
        if parent is None:
            indent = ""
        elif len(self.lists) >= MAX_LIST_DEPTH:
            indent = parent.indent  # written beside its parent's items
        else:
            indent = parent.content
        self.lists.append(_List(tag == "ol", int(first.group(1)) if first else 1, indent, indent))

    def _open_item(self, line: int) -> None:
        """Write the marker of an item whose content begins with a block (a list, a table, code)."""
        if self.marker and self.lists:
            self.out.add(self.lists[-1].indent + self.marker.rstrip(), line)
            self.marker = ""

    # --- tables -----------------------------------------------------------------------------

    def _table_start(self, tag: str, line: int) -> None:
        if self.rows is None:
            # A table, or its rows or cells without one (a blank line split the HTML block).
            self.flush()
            self._open_item(line)
            self.rows, self.inner_tables = [], 0
            if tag == "table":
                return
        elif tag == "table":
            self.inner_tables += 1
        if self.inner_tables or tag not in ("tr", "td", "th"):
            # A block in a cell is more text of its cell: a table row is one line.
            self.text.append(" ")
            return
        self._end_cell()
        if tag == "tr" or not self.rows:
            self.rows.append(_Row(line))
        if tag in ("td", "th"):
            self.cell_open = True
            self.rows[-1].header = self.rows[-1].header and tag == "th"

    def _table_end(self, tag: str) -> None:
        if tag == "table" and self.inner_tables:
            self.inner_tables -= 1
        elif tag == "table":
            self._end_cell()
            self.write_table()
        elif self.inner_tables or tag not in ("tr", "td", "th"):
            self.text.append(" ")
        else:
            self._end_cell()

    def _end_cell(self) -> None:
        """Close the open cell, if any; text between cells is no cell's."""
        # A pipe in a code span would end the cell: GFM tables want it escaped there too.
        text = _BARE_PIPE.sub(r"\\|", _SPACES.sub(" ", self._take_text()).strip())
        if self.cell_open and self.rows:
            self.rows[-1].cells.append(text)
        self.cell_open = False

    def write_table(self) -> None:
        """The table read so far as a Markdown table: its header row if it has one (all <th>),
        else an empty header, so that no row is taken for the columns' names."""
        rows = [row for row in self.rows or [] if any(row.cells)]
        self.rows = None
        if not rows:
            return
        width = max(len(row.cells) for row in rows)
        indent = self.lists[-1].content if self.lists else ""
        if width > MAX_TABLE_COLUMNS or width * len(rows) > MAX_TABLE_CELLS:
            for row in rows:
                self.out.add(indent + _escaped_lead(" | ".join(c for c in row.cells if c)), row.line)
                self.out.add("", row.line)
        else:
            header = rows.pop(0) if rows[0].header else _Row(rows[0].line, [""] * width)
            for i, row in enumerate([header, *rows]):
                self.out.add(
                    indent + "| " + " | ".join(row.cells + [""] * (width - len(row.cells))) + " |", row.line
                )
                if i == 0:
                    self.out.add(indent + "|" + " --- |" * width, row.line)
            self.out.add("", header.line)
        self.after_list = False

    # --- blocks -----------------------------------------------------------------------------

    def flush(self) -> None:
        """Write the text gathered so far as one block: a paragraph, a heading or a list item's text."""
        text = self._take_text()
        block_line, self.block_line = self.block_line, None
        lines = [_escaped_lead(line.strip()) for line in text.split("\n") if line.strip()]
        if not lines:
            self.block_line = block_line if self.marker else None
            return
        current = self.lists[-1] if self.lists else None
        if current is None and self.heading:
            heading = " ".join(lines)
            # A closing "#" would be taken for the heading's closing sequence.
            lines = ["#" * self.heading + " " + (heading[:-1] + "\\#" if heading.endswith("#") else heading)]
        if current is None:
            first = rest = ""
        elif self.marker:
            first, rest = current.indent + self.marker, current.content
        else:
            first = rest = current.content
        self.out.add(first + lines[0], self.text_line)
        for line in lines[1:]:
            self.out.add(rest + line, self.text_line)
        self.out.add("", self.text_line)
        self.marker, self.heading, self.after_list = "", 0, False

    def _take_text(self) -> str:
        """The text gathered for the block or cell being closed (its code closed too), and a
        fresh start for the next one."""
        if self.code is not None:
            self._write_code()
        text = "".join(self.text)
        self.text, self.link, self.marks, self.has_text = [], None, [], False
        return text

    def write_pre(self) -> None:
        body = "".join(self.pre or []).strip("\n")
        self.pre = None
        # Longer than any run of backticks in it: nothing inside can close it.
        fence = "`" * max(3, _longest_backticks(body) + 1)
        indent = self.lists[-1].content if self.lists else ""
        for line in (fence, *body.split("\n"), fence, ""):
            self.out.add(indent + line if line else line, self.pre_line)
        self.after_list = False

    def finish(self) -> None:
        """Close what the HTML left open."""
        if self.pre is not None:
            self.write_pre()
        if self.rows is not None:
            self._end_cell()
            self.write_table()
        self.flush()


def _starts_block(tag: str) -> bool:
    return tag == "br" or tag == "pre" or tag in _BLOCKS or tag in _LIST_TAGS or tag in _HEADINGS


def _escaped_lead(line: str) -> str:
    """``line`` with its beginning escaped where it would be read as a block's markup."""
    if line.startswith("\\"):
        return line
    found = _LEADING.match(line)
    if found is None:
        return line
    if found.group(1):
        return f"{found.group(1)}\\{line[found.end(1) :]}"
    return "\\" + line


def _longest_backticks(text: str) -> int:
    return max((len(run) for run in _BACKTICKS.findall(text)), default=0)


def _code_span(code: str) -> str:
    code = _SPACES.sub(" ", code).strip()
    if not code:
        return ""
    ticks = "`" * (_longest_backticks(code) + 1)
    return f"{ticks} {code} {ticks}" if len(ticks) > 1 else f"`{code}`"


def _link_target(href: str) -> str | None:
    """``href`` as a Markdown link's destination; None for no address, or one that is no web or
    mail address (``javascript:``, ``data:``), also when written to hide it."""
    href = href.strip()
    if not href or any(ord(ch) < 32 or ch == "\\" for ch in href):
        return None
    scheme = _SCHEME.match(href)
    if scheme is None and ":" in href.split("/", 1)[0]:
        return None  # "java script:x", ":x": a scheme that does not read as one
    if scheme is not None and scheme.group(1).lower() not in _LINK_SCHEMES:
        return None
    return quote(href, safe="/:?#[]@!$&'*+,;=%~.-_")


def html_as_markdown(block: str) -> tuple[str, list[int]] | None:
    """The Markdown that HTML ``block`` stands for, and for each of its lines the line of
    ``block`` it comes from (0-based); None when it holds no text (a comment, an image)."""
    converter = _Converter()
    lowered: str | None = None
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
            # "-->" may close it at once ("<!-->"), as in browsers.
            closing = block.find("-->", opening + 2)
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
            end = tag.end()
            if tag.group(1):
                converter.end(name)
            elif name not in _VOID:
                converter.start(name, tag.group(3), line)
                if tag.group(4):
                    converter.end(name)
                elif name in _RAW_TEXT and converter.skipping == name:
                    # Its text is not HTML ("<!--" in a script): skipped to its closing tag.
                    lowered = lowered if lowered is not None else block.lower()
                    closing = lowered.find("</" + name, end)
                    end = len(block) if closing < 0 else closing
            elif name in ("br", "hr"):
                converter.start(name, "", line)
        line += block.count("\n", opening, end)
        position = end
    converter.finish()
    lines, origins = converter.out.lines, converter.out.origins
    while lines and not lines[-1].strip():
        lines.pop()
        origins.pop()
    if not any(line.strip() and line.strip() != "<!-- -->" for line in lines):
        return None
    return "\n".join(lines) + "\n", origins
