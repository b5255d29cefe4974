"""A Textile page (a Redmine or Textpattern wiki's) saved as .txt, read as the Markdown its markup stands for.

Textile opens a block with its kind: ``h2.`` a heading, ``bc.`` code, ``bq.`` a quote, ``p(class).`` a
paragraph (``bc..`` and ``bq..`` run on, over blank lines, to the next such block); its lists are lines
of ``#`` (numbered) and ``*`` marks, one a level, as Jira's markup (Textile's offspring) writes them;
``@code@``, ``*strong*`` and ``"words":link`` are inline, ``{{toc}}`` a wiki's macro. Read as Markdown,
each ``#`` item was a heading and the last of them the page's one problem, and ``bc.`` output was text.
Each construct is rewritten as the Markdown that says the same, line for line, so that lines keep their
numbers: a block's fence stands on the blank line before it and after it, and only a table's header
row, under which Markdown wants a rule, a code block on the page's first line or right after another
code block add a line.

The PyPI ``textile`` package renders a whole page, but as HTML whose lines are not the page's: every
problem, step and message would have been reported at a line of that HTML.
"""

from __future__ import annotations

import re

from indexer.jira_text import ITEM, item_markdown

# A block's opening: its kind, attributes ("(class)", "(#id)", "{style}", "[lang]", alignment), one dot or
# two (a block that runs on over blank lines), then its text.
_BLOCK = re.compile(
    r"^(h[1-6]|bc|bq|pre|p|fn\d+|notextile)((?:\([^()\n]*\)|\{[^{}\n]*\}|\[[^\[\]\n]*\]|[<>=])*)(\.\.?)(?:[ \t]+|$)(.*)$"
)
# A heading's opening, the mark no other text writes at a block's start: a page needs one.
_HEADING_OPENING = re.compile(
    r"^h[1-6](?:\([^()\n]*\)|\{[^{}\n]*\}|\[[^\[\]\n]*\]|[<>=])*\.[ \t]", re.MULTILINE
)
# The least blocks opened by a kind that a page holds: one heading and another.
_FEWEST_BLOCKS = 2
# A wiki's macro alone on its line ("{{>toc}}", "{{child_pages(depth=2)}}").
_MACRO = re.compile(r"^[ \t]*\{\{[^{}]*\}\}[ \t]*$")
# A table's header cells ("|_. Revision |_. Date |").
_HEADER_CELL = re.compile(r"\|_\.[ \t]*")
# Inline markup: code, strong words, a span's style ("%{color:gray}…%"), a link ('"Docs":https://…').
_CODE = re.compile(r"(?<![\w@])@(?!\s)([^@\n]+?)(?<!\s)@(?![\w@])")
_STRONG = re.compile(r"(?<![\w*])\*(?![\s*])([^*\n]+?)(?<![\s*])\*(?![\w*])")
_SPAN = re.compile(r"%(?:\{[^{}\n]*\}|\([^()\n]*\))([^%\n]*)%")
_LINK = re.compile(r'"([^"\n]+)":([^\s"<>]+?)(?=[.,;:!?)]?(?:\s|$))')
_FENCE = "```"
# A Redmine issue as its page prints it (and a copy of it saves): its tracker and number ("Bug #512") over
# its subject, who added it and when, its attributes in two columns ("Status:   Closed   Start date: …"),
# "Description" over the Textile body, and after it the "History" journal, each entry "#N Updated by …"
# over the attributes it changed as items ("Status changed from New to Resolved") and a comment. Read as a
# Textile page, the subject was no title, the attributes the symptoms, and the journal's entries and
# changes numbered and bulleted steps.
_TRACKER = re.compile(r"^[A-Z][\w-]{0,20}(?: [\w-]{1,20}){0,2} #\d{1,9}$")
_ATTRIBUTE_CELL = re.compile(r"[ \t]{2,}(?=[^\s:][^:\n]{0,30}:)")
_ATTRIBUTE_ROW = re.compile(r"^[^\s:][^:\n]{0,30}:")
_DESCRIPTION, _JOURNAL = "Description", "History"
_JOURNAL_ENTRY = re.compile(r"^#\d{1,6} Updated by ")


def textile_markdown(text: str) -> str | None:
    """The Markdown that a Textile page's ``text`` stands for, line for line; None where it is no Textile
    page: no block opens with an ``hN.`` heading, beside another block opened by its kind (``bc.``, ``bq.``,
    ``p.``, another heading)."""
    if _HEADING_OPENING.search(text) is None:
        return None
    lines = text.split("\n")
    opened = sum(1 for index in range(len(lines)) if _opening(lines, index))
    if opened < _FEWEST_BLOCKS:
        return None
    return "\n".join(_Rewrite(lines).lines())


def _opening(lines: list[str], index: int) -> re.Match[str] | None:
    """The block line ``index`` opens by naming its kind, where it opens one (the page's first line or
    one after a blank line)."""
    if index and lines[index - 1].strip():
        return None
    line = lines[index]
    return _BLOCK.match(line) if line[:1] in "hbpfn" else None


class _Rewrite:
    """One walk over a Textile page's lines, rewriting each block in place as its Markdown."""

    def __init__(self, lines: list[str]) -> None:
        self.source = lines
        self.out = list(lines)

    def lines(self) -> list[str]:
        """The rewritten lines."""
        index = self._issue_header()
        journal = len(self.source)
        if index:
            journal = next((n for n in range(index, journal) if self.source[n] == _JOURNAL), journal)
        while index < journal:
            index = self._block(index)
        if journal < len(self.source):
            self._journal(journal)
        return self.out

    def _issue_header(self) -> int:
        """Rewrite a Redmine issue's header (see _TRACKER): its subject the page's title, and where its record
        follows, its attributes a line of fields each and "Description" a heading over the body; the line
        past it (0 where the page opens with none)."""
        if len(self.source) < 2 or not _TRACKER.match(self.source[0]) or not self.source[1].strip():
            return 0
        self.out[1] = f"# {_inline(self.source[1])}"
        # Its record, where the copy kept it, ends at "Description", before the body's first block.
        end = next(
            (
                n
                for n in range(2, len(self.source))
                if self.source[n] == _DESCRIPTION or _opening(self.source, n)
            ),
            0,
        )
        if not end or self.source[end] != _DESCRIPTION:
            return 2
        for number in range(2, end):
            if _ATTRIBUTE_ROW.match(self.source[number]):
                cells = _ATTRIBUTE_CELL.split(self.source[number].strip())
                self.out[number] = " | ".join(re.sub(r":[ \t]+", ": ", cell) for cell in cells)
        self.out[end] = f"## {_DESCRIPTION}"
        return end + 1

    def _journal(self, start: int) -> None:
        """Rewrite an issue's journal from its "History" line ``start`` on as a section of text: an entry's
        heading line and its changed attributes are a record, no numbered or bulleted steps."""
        self.out[start] = f"## {_JOURNAL}"
        for number in range(start + 1, len(self.source)):
            line = self.source[number]
            if _JOURNAL_ENTRY.match(line):
                self.out[number] = line
            elif item := ITEM.match(line):
                self.out[number] = _inline(item[2])
            else:
                self.out[number] = _inline(line)

    def _block(self, index: int) -> int:
        """Rewrite the block line ``index`` opens (or the line, where it opens none); the line past it."""
        opening = _opening(self.source, index)
        if opening is None:
            self.out[index] = self._line(self.source[index])
            return index + 1
        kind, runs_on, first = opening[1], opening[3] == "..", opening[4]
        end = self._end(index, runs_on=runs_on)
        if kind in ("bc", "pre"):
            self._code(index, end, first)
        elif kind == "bq":
            for number in range(index, end):
                line = first if number == index else self.source[number]
                self.out[number] = f"> {_inline(line)}".rstrip()
        elif kind.startswith("h"):
            self.out[index] = f"{'#' * int(kind[1])} {_inline(first)}"
            return index + 1
        else:
            note = f"[{kind[2:]}] " if kind.startswith("fn") else ""
            self.out[index] = note + _inline(first)
            return index + 1
        # The blank line that ends the block is its own: it may hold the block's closing fence.
        return min(end + 1, len(self.source))

    def _end(self, index: int, *, runs_on: bool) -> int:
        """The line past the block opened on line ``index``: its first blank line, or, for one that runs on,
        the blank line before the next block opened by its kind."""
        for number in range(index + 1, len(self.source)):
            if not self.source[number].strip():
                if not runs_on:
                    return number
            elif runs_on and _opening(self.source, number):
                return number - 1
        return len(self.source)

    def _code(self, index: int, end: int, first: str) -> None:
        """Lines ``index`` to ``end`` as a fence: opened on the blank line before them, closed on the one after."""
        self.out[index] = first
        if index:
            # Where a block closed on that line, as a code block right before this one does, both fences stand there.
            closed = self.out[index - 1]
            self.out[index - 1] = f"{closed}\n{_FENCE}" if closed else _FENCE
        else:
            self.out[index] = f"{_FENCE}\n{first}"
        last = end - 1
        while last > index and not self.source[last].strip():
            last -= 1
        self.out[index + 1 : end] = self.source[index + 1 : end]
        if end < len(self.source) and not self.source[end].strip() and last == end - 1:
            self.out[end] = _FENCE
        elif last + 1 < end:
            self.out[last + 1] = _FENCE
        else:
            self.out[last] += f"\n{_FENCE}"

    def _line(self, line: str) -> str:
        """A line in no block opened by its kind: a list item, a macro, a table's header row, or text."""
        if item := ITEM.match(line):
            return item_markdown(item[1], _inline(item[2]))[0]
        if _MACRO.match(line):
            return ""
        if line.startswith("|_."):
            header = _HEADER_CELL.sub("| ", _inline(line))
            rule = "|" + " --- |" * (header.count("|") - 1)
            return f"{header}\n{rule}"
        return _inline(line)


def _inline(text: str) -> str:
    """``text`` with Textile's inline markup as Markdown's: code spans, strong words, spans' words, links."""
    if "@" in text:
        text = _CODE.sub(lambda m: f"`{m[1]}`", text)
    if "*" in text:
        text = _STRONG.sub(r"**\1**", text)
    if "%" in text:
        text = _SPAN.sub(r"\1", text)
    if '":' in text:
        text = _LINK.sub(r"[\1](\2)", text)
    return text
