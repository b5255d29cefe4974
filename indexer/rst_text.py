"""A reStructuredText page saved as .txt, read as the Markdown its markup stands for.

Sphinx and docutils pages copied out as text keep their markup: a title between two lines of one
punctuation character, section headings underlined so, ``#.`` items that docutils numbers, ``::``
and directives (``.. code-block:: bash``, ``.. note::``, ``.. contents::``) over indented blocks, a
field list of the page's fields (``:Author: …``). A text file with no part labelled is read as the
Markdown it also is (:mod:`indexer.parse`), and read so, the title kept its overline, the ``#.``
items ran into one paragraph, a directive's line was a step and the command under it what is seen.
Each of them is rewritten as the Markdown that says the same (a MyST fence for a directive, whose
name the Markdown reader knows as a call-out, code or page furniture), line for line, so that every
line keeps its number: a closing fence stands on the blank line after its block.
"""

from __future__ import annotations

import re
from itertools import islice

from indexer.markup import CODE_DIRECTIVES

# A directive: its indentation, name and arguments (".. code-block:: bash", ".. |logo| image:: …").
_DIRECTIVE = re.compile(r"^([ \t]*)\.\.[ \t]+(?:\|[^|]+\|[ \t]+)?([A-Za-z][\w:+.-]*)::(?:[ \t]+(.*))?$")
# Any other explicit markup: a comment, a link's target (".. _install:"), a footnote (".. [1] …").
_EXPLICIT = re.compile(r"^([ \t]*)\.\.(?:[ \t]+(.*))?$")
_FOOTNOTE = re.compile(r"\[([^\]\s]+)\][ \t]+(.*)")
# An auto-numbered list item ("#. Restart the workers."), numbered by docutils as "1." is.
_AUTO_ITEM = re.compile(r"^([ \t]*)#([.)])(?=[ \t])")
# A list item's mark, up to where its text begins: a literal block under it is indented past that.
_ITEM_MARK = re.compile(r"[ \t]*(?:[-*+\u2022]|#[.)]|\d{1,3}[.)])[ \t]+")
# A line of one punctuation character repeated: a heading's adornment, or alone, a transition.
_ADORNMENT = re.compile(r"([!-/:-@\[-`{-~])\1{2,}")
# The shortest adornment of a heading longer than it, and of a transition.
_SHORTEST_RULE = 4
# A field of the page's field list (":Author: Quarry maintainers", ":Last updated: 2024-01-30").
_FIELD = re.compile(r"^:([^:\s`][^:`]*):(?:[ \t]+(.*))?$")
# Inline markup: a role (":doc:`configuration`"), a link ("`Docs <https://…>`_"), a reference ("`Docs`_").
_ROLE = re.compile(r"(?<![\w`]):([\w+.-]+(?::[\w+.-]+)?):`([^`]+)`")
_LINK = re.compile(r"(?<![\w`])`([^`<>]+?)[ \t]*<([^<>`\s]+)>`__?(?!\w)")
_REFERENCE = re.compile(r"(?<![\w`])`([^`]+)`__?(?!\w)")
# The suffix of a file named as a reStructuredText page (a Sphinx project's source): it needs no mark to tell it.
RST_SUFFIXES = (".rst",)
# The most heading levels Markdown has.
_DEEPEST = 6
# The most directives nested in one another whose bodies are read as theirs: a deeper one's body is kept
# as it stands, as a stack of hundreds (a line indented by each) would exhaust Python's.
MAX_NESTED_DIRECTIVES = 32


def rst_markdown(text: str, *, named: bool = False) -> str | None:
    """The Markdown that a reStructuredText page's ``text`` stands for, line for line; None where it has
    none of the markup that only reStructuredText writes (a directive, a ``#.`` item, a ``::`` block).
    A page ``named`` as reStructuredText (see RST_SUFFIXES) is one whatever its lines are."""
    lines = text.split("\n")
    if not named and not any(_is_rst_only(lines, index) for index in range(len(lines))):
        return None
    return "\n".join(_Rewrite(lines, top=True).lines())


def _is_rst_only(lines: list[str], index: int) -> bool:
    """Whether line ``index`` is markup that only reStructuredText writes."""
    line = lines[index]
    return bool(_DIRECTIVE.match(line) or _AUTO_ITEM.match(line)) or _literal_marker(lines, index)


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())


def _content_column(line: str) -> int:
    """Where the text of ``line`` begins, past a list item's mark: what is indented under it is its."""
    mark = _ITEM_MARK.match(line)
    return mark.end() if mark else _indent(line)


def _block_end(lines: list[str], index: int, column: int) -> int:
    """The line past the block indented under line ``index`` deeper than ``column``."""
    return next(
        (n for n in range(index + 1, len(lines)) if lines[n].strip() and _indent(lines[n]) <= column),
        len(lines),
    )


def _literal_marker(lines: list[str], index: int) -> bool:
    """Whether line ``index`` ends in "::" over a block indented under it (a literal block, its code)."""
    line = lines[index]
    if not line.rstrip().endswith("::") or _DIRECTIVE.match(line) or _EXPLICIT.match(line):
        return False
    below = next((n for n in range(index + 1, len(lines)) if lines[n].strip()), None)
    return below is not None and below > index + 1 and _indent(lines[below]) > _content_column(line)


def _text(line: str) -> str:
    """A line of text: a ``#.`` item numbered as "1." (Markdown numbers its items in turn), its inline markup Markdown's."""
    return _inline(_AUTO_ITEM.sub(r"\g<1>1\2", line))


def _inline(line: str) -> str:
    """``line`` with its roles as MyST's, its links as Markdown's, and its references as their words."""
    if "`" not in line:
        return line
    line = _ROLE.sub(r"{\1}`\2`", line)
    line = _LINK.sub(r"[\1](\2)", line)
    return _REFERENCE.sub(r"\1", line)


class _Rewrite:
    """One walk over reStructuredText lines (a page's, ``top``, or the body, dedented, of a directive
    ``depth`` directives deep), rewriting each construct in place as its Markdown."""

    def __init__(self, lines: list[str], *, top: bool, depth: int = 0) -> None:
        self.source, self.top, self.depth = lines, top, depth
        self.out = list(lines)
        # The heading styles (character, overlined) in the order they first appear: their levels.
        self.styles: list[tuple[str, bool]] = []

    def lines(self) -> list[str]:
        """The rewritten lines (a closing fence with no blank line to stand on joins its block's last)."""
        index = 0
        while index < len(self.source):
            index = self._construct(index)
        return self.out

    def _construct(self, index: int) -> int:
        """Rewrite the construct that line ``index`` opens; the line past it."""
        line = self.source[index]
        if self.top and (past := self._heading(index)):
            return past
        if directive := _DIRECTIVE.match(line):
            return self._directive(index, directive)
        if explicit := _EXPLICIT.match(line):
            return self._explicit(index, explicit)
        if _literal_marker(self.source, index):
            return self._literal(index)
        field = _FIELD.match(line) if self.top else None
        if field:
            # The page's field list: its fields, as "Label: value" lines are.
            self.out[index] = f"{field.group(1)}: {field.group(2) or ''}".rstrip()
        else:
            self.out[index] = _text(line)
        return index + 1

    def _heading(self, index: int) -> int:
        """Rewrite a heading at line ``index`` (a title between two adornments, or a line over one) as an
        ATX heading, its level that of its style's first appearance, as docutils reads it; a transition
        as a rule. The line past it, or 0 where none is there."""
        lines = self.source
        rule = _ADORNMENT.fullmatch(lines[index].strip())
        below = lines[index + 1] if index + 1 < len(lines) else ""
        after = lines[index + 2].strip() if index + 2 < len(lines) else ""
        opens = index == 0 or not lines[index - 1].strip()
        if (
            rule
            and below.strip()
            and not _ADORNMENT.fullmatch(below.strip())
            and after == lines[index].strip()
        ):
            self._title(index + 1, (rule.group(1), True))
            self.out[index] = self.out[index + 2] = ""
            return index + 3
        if rule is None and opens and (underline := _underline(lines[index], below)):
            self._title(index, (underline, False))
            self.out[index + 1] = ""
            return index + 2
        if rule and opens and not below.strip() and len(rule.group(0)) >= _SHORTEST_RULE:
            # A transition; the page's first line it never is, where "---" would open front matter.
            self.out[index] = "---" if any(line.strip() for line in islice(self.out, index)) else ""
            return index + 1
        return 0

    def _title(self, index: int, style: tuple[str, bool]) -> None:
        """Line ``index`` as an ATX heading of the level of its adornment's ``style``."""
        if style not in self.styles:
            self.styles.append(style)
        level = min(self.styles.index(style) + 1, _DEEPEST)
        self.out[index] = f"{'#' * level} {_inline(self.source[index].strip())}"

    def _directive(self, index: int, directive: re.Match[str]) -> int:
        """Rewrite a directive and its indented body as a MyST fence of its name: its body read so too,
        but a code directive's, which is code."""
        indent, name, args = directive.group(1), directive.group(2), directive.group(3) or ""
        end = _block_end(self.source, index, len(indent))
        body = self._body(index + 1, end)
        if name.lower() not in CODE_DIRECTIVES and self.depth < MAX_NESTED_DIRECTIVES:
            body = _Rewrite(body, top=False, depth=self.depth + 1).lines()
        fence = _fence(body)
        self.out[index] = f"{indent}{fence}{{{name}}} {args}".rstrip()
        return self._place(index, end, body, indent, fence)

    def _literal(self, index: int) -> int:
        """Rewrite a "::" block: the line that introduces it ends in ":" (or in nothing, where the marker
        stood apart or alone), the block is a fence of code on the blank line above it."""
        line = self.source[index]
        stripped = line.rstrip()
        if stripped.strip() == "::":
            self.out[index] = ""
        else:
            self.out[index] = _text(stripped[:-3] if stripped.endswith(" ::") else stripped[:-1])
        indent = " " * _content_column(line)
        end = _block_end(self.source, index, len(indent))
        body = self._body(index + 2, end)
        fence = _fence(body)
        self.out[index + 1] = f"{indent}{fence}"
        return self._place(index + 1, end, body, indent, fence)

    def _explicit(self, index: int, explicit: re.Match[str]) -> int:
        """A comment or a link's target, and what is indented under it, is no text; a footnote is its
        words, as "[1] …"."""
        indent = explicit.group(1)
        end = _block_end(self.source, index, len(indent))
        footnote = _FOOTNOTE.fullmatch(explicit.group(2) or "")
        for number in range(index, end):
            self.out[number] = ""
        if footnote:
            self.out[index] = f"{indent}[{footnote.group(1)}] {_inline(footnote.group(2))}"
            self.out[index + 1 : end] = [_inline(line) for line in self.source[index + 1 : end]]
        return end

    def _body(self, start: int, end: int) -> list[str]:
        """Lines ``start`` to ``end`` dedented by their least indentation, without the blank lines after them."""
        body = self.source[start:end]
        while body and not body[-1].strip():
            body.pop()
        least = min((_indent(line) for line in body if line.strip()), default=0)
        return [line[least:] for line in body]

    def _place(self, opening: int, end: int, body: list[str], indent: str, fence: str) -> int:
        """Put ``body`` under the fence opened on line ``opening``, indented by ``indent``, and close it on
        the blank line after it (or, where there is none, on a line of its own added to its last)."""
        for offset, line in enumerate(body, start=opening + 1):
            self.out[offset] = "\n".join(
                f"{indent}{part}" if part.strip() else "" for part in line.split("\n")
            )
        closing = opening + 1 + len(body)
        if closing < end:
            self.out[closing] = f"{indent}{fence}"
        else:
            self.out[closing - 1] = f"{self.out[closing - 1]}\n{indent}{fence}"
        return end


def _underline(text: str, below: str) -> str:
    """The character of the adornment that ``below`` underlines ``text`` with as a heading ("" for none):
    neither indented, the adornment as long as the heading or long enough to be no stray punctuation."""
    rule = _ADORNMENT.fullmatch(below.strip()) if below[:1].strip() and text[:1].strip() else None
    if rule is None or len(rule.group(0)) < min(len(text.strip()), _SHORTEST_RULE):
        return ""
    return rule.group(1)


def _fence(body: list[str]) -> str:
    """A run of backticks longer than any that opens a line of ``body`` (a fence nested in it)."""
    runs = [len(part.strip()) - len(part.strip().lstrip("`")) for line in body for part in line.split("\n")]
    return "`" * max(3, max(runs, default=0) + 1)
