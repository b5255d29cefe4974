"""Pandoc's tables, read as the GFM pipe tables markdown-it already reads.

Pandoc writes a table as a pipe table only when told to; by default (a Word document converted
with ``pandoc -t markdown``) it writes one of three layouts CommonMark does not know:

* a grid table, its cells boxed by ``+----+----+`` borders and ``|`` walls, its header ended by
  ``+====+====+``, a cell's text wrapped onto as many lines as it needs;
* a simple table: a header line, a line of dashes under each column (``-------- -------``), a row
  a line, to a blank line (or, without a header, rows between two such lines of dashes);
* a multiline table: rows of wrapped lines, a blank line between them, between two lines of
  dashes (a full one above its header, if it has one).

Read as CommonMark, a grid table was a paragraph of its borders, and a simple table's line of
dashes a rule or a heading's underline. :func:`grid_table` and :func:`dashed_table` are block
rules that read each layout by its lines alone and write it as a pipe table, parsed as one: its
tokens keep that Markdown in ``meta["kb_converted"]``, as an HTML table's do, so that a row's
cells, as a step shows them, are its Markdown. Each line is looked at a bounded number of times:
a rule that fails stops at the next line of dashes, which is where the next try begins.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Iterator
from itertools import pairwise

from markdown_it.rules_block import StateBlock
from markdown_it.token import Token

from indexer.block_tokens import push_parsed
from indexer.html_blocks import ITEM_OPENING, MAX_TABLE_COLUMNS

_BARE_PIPE = re.compile(r"(?<!\\)\|")
_DASHES = re.compile(r"-+")
# What a header line may not open with: a heading, a quote, a list item, a fence, a tag, a table row.
_NO_HEADER = re.compile(r"(?:#|>|<|\||```|~~~|(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$))")
# A column's name in a header line: words set apart from the next name by two spaces or more.
_HEADER_NAME = re.compile(r"\S+(?: \S+)*")
# The shortest run of dashes under a column: "- - -" is a rule, not three columns.
MIN_DASHES = 2

Cells = list[list[str]]


def grid_table(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    """A Pandoc grid table at ``start``, as a pipe table: its rows between ``+---+`` borders,
    the row above a ``+===+`` border its header."""
    if silent or _indented(state, start) or not _may_start(state, start, "+"):
        return False
    border = _raw(state, start).strip()
    if not _is_border(border) or border.count("+") - 1 > MAX_TABLE_COLUMNS:
        return False
    walls = [at for at, mark in enumerate(border) if mark == "+"]
    if any(b - a < 2 for a, b in pairwise(walls)):
        return False
    width = len(walls) - 1
    rows: list[tuple[int, Cells]] = []
    header: tuple[int, Cells] | None = None
    row: tuple[int, Cells] | None = None
    line = start + 1
    while line < end and not state.isEmpty(line) and state.sCount[line] >= state.blkIndent:
        text = _raw(state, line).strip()
        if _is_border(text) and len(text) == len(border):
            if row is None:
                return False
            if "=" in text and header is None and not rows:
                header = row
            else:
                rows.append(row)
            row = None
        elif text.startswith("|") and text.endswith("|") and len(text) > 1:
            row = row or (line, [[] for _ in range(width)])
            for cells, cell in zip(row[1], _grid_cells(text, walls, width), strict=True):
                cells.append(cell)
        else:
            break
        line += 1
    if row is not None or (not rows and header is None):
        # A row left open: no table, or not all of one.
        return False
    _write(state, start, line, header, rows)
    return True


def dashed_table(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    """A Pandoc simple or multiline table at ``start``, as a pipe table."""
    if silent or _indented(state, start) or start + 1 >= end:
        return False
    if _may_start(state, start, "-"):
        return _headless_or_multiline(state, start, end)
    if not _may_start(state, start + 1, "-") or _NO_HEADER.match(_raw(state, start).lstrip()):
        return False
    # A simple table: a header line, the dashes under its columns, a row a line to a blank line.
    columns = _columns(_raw(state, start + 1))
    if columns is not None and len(columns) == 1 and not _indented(state, start + 1):
        return _ruled_table(state, start, end)
    if columns is None or len(columns) < 2 or _indented(state, start + 1):
        return False
    rows: list[int] = []
    stop = start + 2
    while stop < end and not state.isEmpty(stop) and state.sCount[stop] >= state.blkIndent:
        stop += 1
        if _columns(_raw(state, stop - 1)) is not None:
            # Its closing line of dashes.
            break
        rows.append(stop - 1)
    if not rows or not all(_fits(_raw(state, n), columns) for n in [start, *rows]):
        return False
    header = (start, [[cell] for cell in _cut(_raw(state, start), columns)])
    _write(
        state, start, stop, header, [(n, [[cell] for cell in _cut(_raw(state, n), columns)]) for n in rows]
    )
    return True


def _headless_or_multiline(state: StateBlock, start: int, end: int) -> bool:
    """A table that opens with a line of dashes: a full one over a multiline table's header lines
    and the dashes under its columns, or those dashes themselves over a table without a header;
    its rows (a line each, or lines up to a blank one) end at the next line of dashes."""
    opening = _columns(_raw(state, start))
    if opening is None:
        return False
    if len(opening) == 1 and _boxed_text(state, start, end):
        return True
    header_lines: list[int] = []
    under = start
    if len(opening) == 1:
        # A multiline table's header: the lines between its full line of dashes and its columns'.
        under = start + 1
        while under < end and not state.isEmpty(under) and _columns(_raw(state, under)) is None:
            header_lines.append(under)
            under += 1
        if not header_lines or under >= end or state.isEmpty(under):
            return False
    columns = _columns(_raw(state, under))
    if columns is None or len(columns) < 2 or _indented(state, under):
        return False
    blocks: list[list[int]] = [[]]
    line, closed = under + 1, False
    while line < end and (state.isEmpty(line) or state.sCount[line] >= state.blkIndent):
        if state.isEmpty(line):
            blocks.append([])
        elif _columns(_raw(state, line)) is not None:
            closed = True
            break
        else:
            blocks[-1].append(line)
        line += 1
    blocks = [block for block in blocks if block]
    if not closed or state.isEmpty(line - 1) or not blocks:
        # No closing line of dashes right after a row: no table.
        return False
    if not all(_fits(_raw(state, n), columns) for n in [*header_lines, *(n for b in blocks for n in b)]):
        return False
    # Rows a line each, unless blank lines part them (or it has header lines): a multiline table.
    multiline = bool(header_lines) or len(blocks) > 1
    rows = [
        (block[0], _stacked(state, block, columns))
        for block in (blocks if multiline else [[n] for n in blocks[0]])
    ]
    header = (header_lines[0], _stacked(state, header_lines, columns)) if header_lines else None
    _write(state, start, line + 1, header, rows)
    return True


def _ruled_table(state: StateBlock, start: int, end: int) -> bool:
    """A table as text extracted from a PDF writes it: a header line of column names set apart by
    wide spaces, a full line of dashes under it, rows in the header's columns to another full line of
    dashes. A row starts where its first column has text (a code, a name); the lines under it with
    that column blank go on its cells, as a PDF wraps a cell's text."""
    header_text = _raw(state, start)
    columns = [word.start() for word in _HEADER_NAME.finditer(header_text)]
    if len(columns) < 2 or len(columns) > MAX_TABLE_COLUMNS or columns[0] != 0:
        return False
    rows: list[tuple[int, Cells]] = []
    line = start + 2
    while line < end:
        text = _raw(state, line)
        if state.isEmpty(line):
            line += 1
            continue
        outside = state.sCount[line] < state.blkIndent
        if outside or _columns(text) is not None or not _fits(text, columns):
            break
        cut = _cut(text, columns)
        if cut[0].strip():
            rows.append((line, [[cell] for cell in cut]))
        elif not rows:
            return False
        else:
            for cells, cell in zip(rows[-1][1], cut, strict=True):
                cells.append(cell)
        line += 1
    if not rows or line >= end or _columns(_raw(state, line)) != [0]:
        # No closing line of dashes right after its rows: no table.
        return False
    _write(state, start, line + 1, (start, [[cell] for cell in _cut(header_text, columns)]), rows)
    return True


def _boxed_text(state: StateBlock, start: int, end: int) -> bool:
    """A table of one cell, as pandoc writes a Word document's box around a tip or a warning: its text
    between two like full lines of dashes, all indented as pandoc indents a table, a blank line (or the
    end) after them. Pushed as the blocks its text is: read as CommonMark, the first line was a rule and
    the text a heading underlined by the second ("Tip: If many users are affected, …" as a heading of
    the fix, whose tip was lost from the answer)."""
    rule = _raw(state, start).rstrip()
    indent = state.sCount[start] - state.blkIndent
    if indent < 1:
        return False
    line = start + 1
    while line < end and not state.isEmpty(line) and _columns(_raw(state, line)) is None:
        if state.sCount[line] - state.blkIndent < indent:
            return False
        line += 1
    if line == start + 1 or line >= end or _raw(state, line).rstrip() != rule:
        return False
    if line + 1 < end and not state.isEmpty(line + 1):
        # Rows under it: a table of one column whose header the two lines of dashes set apart.
        return False
    text = textwrap.dedent("\n".join(_raw(state, n) for n in range(start + 1, line)))

    def place(token: Token, span: list[int]) -> None:
        token.map = [start + 1 + span[0], start + 1 + span[1]]

    push_parsed(state, text, place)
    state.line = line + 1
    return True


def _stacked(state: StateBlock, lines: list[int], columns: list[int]) -> Cells:
    """Each column's text on ``lines``, a list of its lines per column."""
    cells: Cells = [[] for _ in columns]
    for line in lines:
        for column, text in zip(cells, _cut(_raw(state, line), columns), strict=True):
            column.append(text)
    return cells


def _write(
    state: StateBlock, start: int, stop: int, header: tuple[int, Cells] | None, rows: list[tuple[int, Cells]]
) -> None:
    """Push the tokens of the pipe table of ``header`` and ``rows`` (each its first line and its
    cells' lines), read from lines ``start`` to ``stop``; a table without a header has an empty one,
    so that no row is taken for the columns' names."""
    width = max(len(cells) for _, cells in [*([header] if header else []), *rows])
    head_line = header[0] if header else start
    markdown = [_row(header[1] if header else [[]] * width, width), "|" + " --- |" * width]
    origins = [head_line, head_line]
    for line, cells in rows:
        markdown.append(_row(cells, width))
        origins.append(line)

    def place(token: Token, span: list[int]) -> None:
        first, last = span
        token.meta = {**(token.meta or {}), "kb_converted": (markdown, (first, last))}
        token.map = [origins[first], origins[max(first, min(last, len(origins)) - 1)] + 1]

    inner = push_parsed(state, "\n".join(markdown), place)
    if inner:
        inner[0].map = [start, stop]
    state.line = stop


def _row(cells: Cells, width: int) -> str:
    texts = [_joined(lines) for lines in cells]
    return "| " + " | ".join(texts + [""] * (width - len(texts))) + " |"


def _joined(lines: list[str]) -> str:
    """A cell's lines as one line of a pipe table's cell: wrapped lines joined by a space, a new
    paragraph, list item or hard break on a line of its own (``<br>``, as a Markdown table writes one)."""
    out: list[str] = []
    broken = False
    for raw in lines:
        text = raw.strip()
        if not text:
            broken = bool(out)
            continue
        if out:
            out.append("<br>" if broken or ITEM_OPENING.match(text) else " ")
        broken = text.endswith("\\") and not text.endswith("\\\\")
        out.append(text[:-1].rstrip() if broken else text)
    return _BARE_PIPE.sub(r"\\|", "".join(out))


def _grid_cells(text: str, walls: list[int], width: int) -> Iterator[str]:
    """The cells of a grid table's line: between its walls, or where its border's "+" stand when a
    wall is missing or a cell holds a pipe of its own."""
    parts = _BARE_PIPE.split(text)[1:-1]
    if len(parts) == width:
        yield from parts
        return
    for left, right in pairwise(walls):
        yield text[left + 1 : right]


def _is_border(text: str) -> bool:
    """A grid table's border: "+", "-", "=" and ":" alone, from a "+" to a "+"."""
    return len(text) > 2 and text[0] == "+" and text[-1] == "+" and not text.strip("+-=:")


def _columns(text: str) -> list[int] | None:
    """Where each run of dashes of a line of dashes and spaces starts (its columns); None for any
    other line, or for more columns than a table may have."""
    if "-" not in text or text.strip(" -") or "\t" in text:
        return None
    starts: list[int] = []
    for run in _DASHES.finditer(text):
        if run.end() - run.start() < MIN_DASHES or len(starts) >= MAX_TABLE_COLUMNS:
            return None
        starts.append(run.start())
    return starts


def _fits(text: str, columns: list[int]) -> bool:
    """Whether a line's text stands in the columns: nothing runs across where one begins (prose does),
    and no tab makes where it stands unknown."""
    return "\t" not in text and all(at > len(text) or text[at - 1] == " " for at in columns[1:])


def _cut(text: str, columns: list[int]) -> list[str]:
    """A line's text in each column, from where one begins to where the next does."""
    bounds = [0, *columns[1:], max(len(text), columns[-1])]
    return [text[left:right] for left, right in pairwise(bounds)]


def _raw(state: StateBlock, line: int) -> str:
    """A line as written inside its container, its indentation kept: columns are where it stands."""
    return state.src[state.bMarks[line] : state.eMarks[line]]


def _indented(state: StateBlock, line: int) -> bool:
    """An indented code block's line, or one outside the block being read."""
    return state.sCount[line] - state.blkIndent >= 4 or state.sCount[line] < state.blkIndent


def _may_start(state: StateBlock, line: int, mark: str) -> bool:
    """Whether ``line``'s text starts with ``mark``: a look at one character spares cutting out the
    line, at every line a rule is tried on."""
    at = state.bMarks[line] + state.tShift[line]
    return at < state.eMarks[line] and state.src[at] == mark
