"""A Perl POD page (Plain Old Documentation) saved as .txt, read as the Markdown its markup stands for.

POD is read paragraph by paragraph. A paragraph opened by a command at the line's start is markup:
``=head1`` … ``=head4`` headings (the NAME section's paragraph names the page), ``=over`` … ``=back``
around a list whose ``=item`` entries are numbered (``=item 1.``), bullets (``=item *``) or labels
(``=item Cause``), and ``=pod``, ``=cut``, ``=encoding``, ``=begin`` … ``=end`` and ``=for`` no text. A
paragraph opened by a space is verbatim (a command, what a program printed); any other is prose, whose
formatting codes (``C<code>``, ``B<bold>``, ``I<italic>``, ``L<words|target>``, ``E<gt>``, also written
``C<< … >>`` so that the code may hold a ">") keep their text. Read as plain text, every command was a
step of one problem titled "=pod". Each construct is rewritten as the Markdown that says the same, line
for line, so that every line keeps its number: a verbatim paragraph's fences stand on the blank lines
around it, an item's mark on its first paragraph's line.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from itertools import islice

# A heading command, which every POD page that documents anything holds.
_HEADING = re.compile(r"^=head[1-4](?:[ \t]|$)", re.MULTILINE)
# Any of POD's own commands at a line's start: a page needs a second beside a heading to be told as POD.
_COMMAND_LINE = re.compile(r"^=(?:head[1-4]|pod|cut|over|item|back|encoding|begin|end|for)\b", re.MULTILINE)
# A command paragraph's name and its text.
_COMMAND = re.compile(r"=([a-z]+[1-4]?)(?:[ \t]+(.*))?", re.DOTALL)
# The commands that head a section, by level ("=heading" and "=head5" are none of POD's).
_HEADING_COMMANDS = frozenset(f"head{level}" for level in range(1, 5))
# An item's mark: a number ("1.", "2") or a bullet ("*", "-", or none), then its text, if any.
_NUMBER_ITEM = re.compile(r"\d+\.?(?:[ \t]+(.*))?$", re.DOTALL)
_BULLET_ITEM = re.compile(r"(?:[*\u2022-](?:[ \t]+(.*))?)?$", re.DOTALL)
# A formatting code's opening ("C<", or "C<< " for one that may hold a ">"), a closing of such a code
# (" >>"), and a single ">". Codes are capitals no word runs into ("Vec<T>" is no code), but for an escape
# ("org E<gt>" written "orgE<gt>").
_CODE_TOKEN = re.compile(r"((?<!\w)[BCFILSXZ]|E)(?:(<<+)\s|<)|\s(>>+)(?!>)|>")
# The most formatting codes open within one another that are read as codes: deeper ones stay as written,
# so that a paragraph of thousands of nested openings is read in linear time.
MAX_NESTED_CODES = 8
# The most "=over" lists nested in one another whose items are indented under their parent's.
MAX_NESTED_LISTS = 16
_ENTITIES = {"lt": "<", "gt": ">", "verbar": "|", "sol": "/"}
_MARKDOWN_NUMBER = "1. "
_MARKDOWN_BULLET = "- "


def pod_markdown(text: str) -> str | None:
    """The Markdown that a POD page's ``text`` stands for, line for line; None where it is no POD page:
    no ``=head`` command opens a line, or no second POD command (``=pod``, ``=over``, ``=item``, ``=cut``,
    another heading) stands beside it."""
    if "=head" not in text or _HEADING.search(text) is None:
        return None
    if len(list(islice(_COMMAND_LINE.finditer(text), 2))) < 2:
        return None
    return "\n".join(_Rewrite(text.split("\n")).lines())


@dataclass
class _List:
    """An ``=over`` list: the column its items' marks stand at, and where the open item's text begins."""

    column: int
    inner: int


class _Rewrite:
    """A POD page's lines rewritten as Markdown, paragraph by paragraph."""

    def __init__(self, lines: list[str]) -> None:
        self.source = lines
        self.out = [""] * len(lines)
        self.lists: list[_List] = []
        # The mark of an item whose text is the next paragraph ("=item 1." alone), and the line it stands on.
        self.pending: tuple[str, int] | None = None
        self.in_name = False
        self.skipping: str | None = None  # the format of an open "=begin" block, whose text is no page's

    def lines(self) -> list[str]:
        """The rewritten lines."""
        paragraphs = _paragraphs(self.source)
        at = 0
        while at < len(paragraphs):
            start, end = paragraphs[at]
            first = self.source[start]
            if self.skipping is not None:
                if first.startswith("=end"):
                    self.skipping = None
            elif first.startswith("="):
                self._command(start, end)
            elif first[:1] in " \t":
                # Verbatim paragraphs apart only by blank lines are one block, its blank lines kept.
                last = at
                while last + 1 < len(paragraphs) and self.source[paragraphs[last + 1][0]][:1] in " \t":
                    last += 1
                self._verbatim(start, paragraphs[last][1])
                at = last
            else:
                self._prose(start, end)
            at += 1
        return self.out

    def _column(self) -> int:
        return self.lists[-1].inner if self.lists else 0

    def _command(self, start: int, end: int) -> None:
        found = _COMMAND.fullmatch("\n".join(self.source[start:end]))
        if found is None:
            self._prose(start, end)
            return
        name, words = found[1], " ".join((found[2] or "").split())
        if name in _HEADING_COMMANDS:
            self.lists, self.pending = [], None
            self.in_name = words.upper() == "NAME"
            if not self.in_name:
                # One level under the page's title, which the NAME section gives.
                self.out[start] = f"{'#' * (int(name[4]) + 1)} {_inline(words)}"
        elif name == "over":
            # Past MAX_NESTED_LISTS a list stands at its parent's column: lines indented by each of
            # thousands of levels would cost time and memory quadratic in the page's length.
            column = self._column() if len(self.lists) < MAX_NESTED_LISTS else self.lists[-1].column
            self.lists.append(_List(column, column))
        elif name == "back":
            if self.lists:
                self.lists.pop()
            self.pending = None
        elif name == "item":
            self._item(start, words)
        elif name == "begin":
            self.skipping = words
        # "=pod", "=cut", "=encoding", "=for" and other commands hold no text of the page.

    def _item(self, start: int, words: str) -> None:
        if not self.lists:
            self.lists.append(_List(0, 0))
        level = self.lists[-1]
        number, bullet = _NUMBER_ITEM.match(words), _BULLET_ITEM.match(words)
        found = number or bullet
        if found is None:
            # A label ("=item Cause", an entry of a list of messages): the text under it is not indented.
            level.inner = level.column
            self.out[start] = f"{' ' * level.column}**{_inline(words)}**"
            self.pending = None
            return
        mark = _MARKDOWN_NUMBER if number else _MARKDOWN_BULLET
        level.inner = level.column + len(mark)
        rest = found[1]
        if rest:
            self.out[start] = f"{' ' * level.column}{mark}{_inline(rest)}"
            self.pending = None
        else:
            self.pending = (f"{' ' * level.column}{mark}", start)

    def _prose(self, start: int, end: int) -> None:
        lines = _inline("\n".join(line.strip() for line in self.source[start:end])).split("\n")
        if self.in_name:
            # The NAME section's paragraph ("Module::Name - what it is") names the page.
            self.out[start] = f"# {' '.join(lines)}"
            self.in_name = False
            return
        indent = " " * self._column()
        for offset, line in enumerate(lines):
            self.out[start + offset] = f"{indent}{line}"
        if self.pending is not None:
            self.out[start] = f"{self.pending[0]}{lines[0]}"
            self.pending = None

    def _verbatim(self, start: int, end: int) -> None:
        if self.pending is not None:
            # An item whose first paragraph is verbatim: its mark stands alone on the item's line.
            self.out[self.pending[1]] = self.pending[0].rstrip()
            self.pending = None
        indent = " " * self._column()
        body = self.source[start:end]
        margin = min(len(line) - len(line.lstrip()) for line in body if line.strip())
        for offset, line in enumerate(body):
            self.out[start + offset] = f"{indent}{line[margin:]}" if line.strip() else ""
        fence = f"{indent}```"
        if start > 0:
            self.out[start - 1] = fence
        else:
            self.out[start] = f"{fence}\n{self.out[start]}"
        if end < len(self.out):
            self.out[end] = fence
        else:
            self.out.append(fence)


def _paragraphs(lines: list[str]) -> list[tuple[int, int]]:
    """The (first, past the last) line of each run of lines that are not blank."""
    runs: list[tuple[int, int]] = []
    start: int | None = None
    for index, line in enumerate(lines):
        if line.strip():
            if start is None:
                start = index
        elif start is not None:
            runs.append((start, index))
            start = None
    if start is not None:
        runs.append((start, len(lines)))
    return runs


def _inline(text: str) -> str:
    """``text`` with POD's formatting codes as Markdown's, their text kept; its lines as many as before."""
    if "<" not in text:
        return text
    out: list[str] = []
    # Each open code: its letter, the number of ">" that close it, and where it stands in ``out``.
    opened: list[tuple[str, int, int]] = []
    last = 0
    for token in _CODE_TOKEN.finditer(text):
        out.append(text[last : token.start()])
        last = token.end()
        if token[1]:
            if len(opened) < MAX_NESTED_CODES:
                opened.append((token[1], len(token[2]) if token[2] else 1, len(out)))
            out.append(token[0])
        elif opened and opened[-1][1] == (len(token[3]) if token[3] else 1):
            code, _, at = opened.pop()
            content = "".join(out[at + 1 :])
            del out[at:]
            out.append(_formatted(code, content))
        else:
            out.append(token[0])
    out.append(text[last:])
    return "".join(out)


def _formatted(code: str, content: str) -> str:
    """The Markdown for formatting ``code`` around ``content``, its line breaks kept."""
    words = content.strip()
    if code in "CF":
        return f"`` {words} ``" if "`" in words else f"`{words}`"
    if code == "B":
        return f"**{words}**" if words else ""
    if code == "I":
        return f"*{words}*" if words else ""
    if code == "L":
        return words.split("|", 1)[0].strip() if "|" in words else words.replace('"', "")
    if code == "E":
        return _entity(words)
    if code == "S":
        return content
    # X<index entry> and Z<> are no text.
    return "\n" * content.count("\n")


def _entity(name: str) -> str:
    """The character an ``E<…>`` escape names: a name POD gives (``lt``, ``gt``), HTML's, or a number."""
    if name in _ENTITIES:
        return _ENTITIES[name]
    try:
        return chr(int(name, 0)) if name[:1].isdigit() else html.unescape(f"&{name};")
    except (ValueError, OverflowError):
        return name
