"""Sub-steps lettered as text (``a. Open the folder.``, ``b) Delete it.``, ``(c) Restart.``), read as
the nested ordered list they stand for.

CommonMark numbers lists only with digits: a step's lettered sub-steps, as authors type them and as
Pandoc writes a Word document's (its ``fancy_lists``), were lines of the step's paragraph, or
paragraphs after it, and the step with all its sub-steps one step. :func:`lettered_lists` turns them
into an ordered list inside that step, as if numbered 1, 2, 3, so that they are its sub-steps as a
nested list's items are.

Only a run is a list: its letters consecutive from ``a`` (or ``A``), written alike, two at least,
each at the start of a line, after what the step says first; "a. k. a. …" or a lone letter opening
a line stays text. A block under a lettered line (a command, indented deeper than its letter) is
its sub-step's.

Chinese and Japanese help centres type a fix's numbers and bullets the same way, in their own script:
steps numbered in full-width digits ("１．", "２．"), their sub-steps under them ("（１）", "（２）"),
and bullets of a glyph ("●", "・"). CommonMark reads none of them as a list either: a run of them is
read as letters are, a bulleted run as a bulleted list.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from markdown_it.rules_core import StateCore
from markdown_it.token import Token

from indexer.block_tokens import paragraph_tokens

# A lettered line: its indentation, its letter in one of three ways, and its text; not an
# abbreviation of single letters ("e. g.", "i. e."), whatever letter the run has reached.
_LETTERED = re.compile(
    r"[ \t]*(?:\((?P<paren>[a-zA-Z])\)|(?P<letter>(?i:viii|vii|iii|xii|ii|iv|vi|ix|xi)|[a-zA-Z])(?P<mark>[.)]))"
    r"[ \t]+(?=\S)(?![a-zA-Z]\.(?:\s|$))"
)
# Sub-steps numbered in Roman numerals ("i.", "ii.", "iii."), as Word and legal-style documents number
# the level under letters or digits: a run of them from "i" on, as a lettered run from "a".
_ROMAN = ("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii")
# The letters and numbers a run begins with.
_FIRST = ("a", "A", "i", "I", "１")
# Chinese and Japanese numbers and bullets: a full-width number and its full stop or enumeration comma
# ("１．", "２、"), in full-width brackets ("（１）"), or a bullet's glyph; the text may follow at once.
_BULLETS = frozenset("●•・◆○")
_WIDE = re.compile(
    r"[ \t\u3000]*(?:（(?P<paren>[０-９]{1,2})）|(?P<number>[０-９]{1,2})(?P<mark>[．、])|(?P<bullet>[●•・◆○]))"
    r"[ \t\u3000]*(?=\S)"
)
# How markdown-it marks the lists they stand for.
_MARKUP = {"．": ".", "、": ".", "（）": ")"}


def _wide_number(number: int) -> str:
    """``number`` in full-width digits (2 → "２")."""
    return "".join(chr(ord(digit) + 0xFEE0) for digit in str(number))


@dataclass
class _Item:
    """One lettered sub-step: its letter, its line (0-based) and how far in it stands, its paragraph's
    lines (without its letter) and the blocks under it."""

    letter: str
    line: int
    indent: int
    text: list[str]
    hidden: bool
    blocks: list[Token] = field(default_factory=list)


def _letter(text: str) -> tuple[str, str] | None:
    """The letter a line opens with and how it is written ("a." → ("a", "."), "(B)" → ("B", "()"),
    "（１）" → ("１", "（）"), "● " → ("●", "●")), and None for a line that opens with none."""
    found = _LETTERED.match(text)
    if found is None:
        return _wide(text)
    if found.group("paren"):
        return found.group("paren"), "()"
    return found.group("letter"), found.group("mark")


def _wide(text: str) -> tuple[str, str] | None:
    """The full-width number or the bullet a line opens with, as :func:`_letter` gives a letter."""
    found = _WIDE.match(text)
    if found is None:
        return None
    if found.group("paren"):
        return found.group("paren"), "（）"
    if found.group("bullet"):
        return found.group("bullet"), found.group("bullet")
    return found.group("number"), found.group("mark")


def _text_start(text: str) -> int:
    """Where a line's text starts after the letter, number or bullet it opens with."""
    found = _LETTERED.match(text) or _WIDE.match(text)
    assert found is not None  # it opens with one
    return found.end()


@dataclass
class _Run:
    """The lettered sub-steps read so far, and how their letters are written (their case, their mark)."""

    items: list[_Item] = field(default_factory=list)
    capitals: bool = False
    mark: str = ""
    roman: bool = False
    wide: bool = False

    @property
    def bulleted(self) -> bool:
        """Whether the run is of bullets, each the same glyph, not of letters or numbers."""
        return self.mark in _BULLETS

    def next_letter(self, text: str) -> bool:
        """Whether ``text`` opens with the next letter (or Roman numeral, number, bullet) of the run."""
        return bool(self.items) and _letter(text) == self._expected()

    def _expected(self) -> tuple[str, str] | None:
        """The next letter of the run and its mark, as :func:`_letter` reads them; None past the last."""
        count = len(self.items)
        if self.bulleted:
            expected = self.mark
        elif self.wide:
            expected = _wide_number(count + 1)
        elif self.roman:
            if count >= len(_ROMAN):
                return None
            expected = _ROMAN[count].upper() if self.capitals else _ROMAN[count]
        else:
            expected = chr(ord("A" if self.capitals else "a") + count)
        return expected, self.mark

    def add(self, text: str, line: int, lines: list[str], hidden: bool, *, opens: bool) -> bool:
        """Add a line of a paragraph: a sub-step where it opens with the next letter (or with "a"
        where ``opens`` lets a run begin), else more text of the last one; False before any."""
        letter = _letter(text)
        if not self.items:
            if letter is None or not opens or not (letter[0] in _FIRST or letter[1] in _BULLETS):
                return False
            self.capitals, self.mark = letter[0].isupper(), letter[1]
            self.roman = letter[0] in "iI"
            self.wide = letter[0] == "１"
        elif letter is None or letter != self._expected():
            self.items[-1].text.append(text)
            return True
        self.items.append(_Item(letter[0], line, _indent(lines, line), [text[_text_start(text) :]], hidden))
        return True


def lettered_lists(state: StateCore) -> None:
    """Each run of lettered lines or paragraphs in an item of a numbered list (a step), and one that
    opens a paragraph outside any list (:func:`_opens_with_a`), as an ordered list there. A bullet's
    letters stay as written: in a list of symptoms, "a) a blank page, b) an error page" are no
    sub-steps, and numbered they would no longer be what "see (b)" names."""
    tokens = state.tokens
    if not any(token.type == "list_item_open" or _opens_with_a(tokens, i) for i, token in enumerate(tokens)):
        return
    lines: list[str] | None = None
    out: list[Token] = []
    # Whether each list open is numbered, innermost last.
    numbered: list[bool] = []
    index = 0
    while index < len(tokens):
        token = tokens[index]
        if token.type in ("ordered_list_open", "bullet_list_open"):
            numbered.append(token.type == "ordered_list_open")
        elif token.type in ("ordered_list_close", "bullet_list_close") and numbered:
            numbered.pop()
        in_step = bool(numbered) and numbered[-1] and _may_open_run(tokens, index)
        if in_step or (not numbered and _opens_with_a(tokens, index)):
            lines = lines if lines is not None else state.src.split("\n")
            converted = _run(tokens, index, lines)
            if converted is not None:
                new, index = converted
                out.extend(new)
                continue
        out.append(token)
        index += 1
    state.tokens = out


def _opens_with_a(tokens: list[Token], index: int) -> bool:
    """A paragraph outside any list that opens with "a." (or "A)", "(a)", "１．", a bullet "●") and
    letters more lines: a fix's steps lettered as text ("a. Check the vial." ⏎ "b. Rerun the control."),
    which read as a paragraph were one step."""
    if not _may_open_run(tokens, index):
        return False
    content = tokens[index + 1].content
    letter = _letter(content)
    return letter is not None and (letter[0] in ("a", "A", "１") or letter[1] in _BULLETS) and "\n" in content


def _may_open_run(tokens: list[Token], index: int) -> bool:
    """A paragraph of the article's own lines that may hold a line opening with a letter."""
    token = tokens[index]
    if token.type != "paragraph_open" or not token.map or (token.meta and "kb_converted" in token.meta):
        return False
    content = tokens[index + 1].content
    return _letter(content) is not None or "\n" in content


def _run(tokens: list[Token], index: int, lines: list[str]) -> tuple[list[Token], int] | None:
    """The tokens of the paragraph at ``index`` and of the lettered run it opens, as a paragraph of
    what the step says first and an ordered list, and the index after them; None where it opens none."""
    opening = tokens[index]
    run = _Run()
    lead: list[str] = []
    # The step says something before its sub-steps: a line of this paragraph, or a block before it.
    said = tokens[index - 1].type != "list_item_open"
    for offset, text in enumerate(tokens[index + 1].content.split("\n")):
        line = opening.map[0] + offset  # type: ignore[index]
        if not run.add(text, line, lines, opening.hidden, opens=said or bool(lead)):
            lead.append(text)
    if not run.items:
        return None
    after = index + 3
    # The blocks after the paragraph: more lettered paragraphs, or blocks under the last letter.
    while after < len(tokens) and tokens[after].level == opening.level and tokens[after].nesting >= 0:
        block = tokens[after]
        end = _block_end(tokens, after)
        if block.type == "paragraph_open" and block.map and run.next_letter(tokens[after + 1].content):
            for offset, text in enumerate(tokens[after + 1].content.split("\n")):
                run.add(text, block.map[0] + offset, lines, block.hidden, opens=False)
        elif block.map and _indent(lines, block.map[0]) > run.items[-1].indent:
            run.items[-1].blocks.extend(tokens[after:end])
        else:
            break
        after = end
    if len(run.items) < 2:
        return None
    return _tokens(opening, lead, run, lines), after


def _tokens(opening: Token, lead: list[str], run: _Run, lines: list[str]) -> list[Token]:
    """The paragraph of ``lead`` (if any) and the ordered (or bulleted) list of ``run``, at ``opening``'s
    level."""
    level = opening.level
    out = _paragraph(lead, opening.map[0], level, opening.hidden) if lead else []  # type: ignore[index]
    ends = [item.line for item in run.items[1:]] + [_end(run.items[-1])]
    # "(a)" is marked as "a)" is: markdown-it's marks for an ordered list are "." and ")", for a
    # bulleted one "-", "*" and "+".
    mark = "-" if run.bulleted else _MARKUP.get(run.mark, run.mark[-1])
    kind, tag = ("bullet_list", "ul") if run.bulleted else ("ordered_list", "ol")
    span = [run.items[0].line, ends[-1]]
    out.append(Token(f"{kind}_open", tag, 1, map=span, level=level, markup=mark, block=True))
    for item, end in zip(run.items, ends, strict=True):
        out.append(
            Token(
                "list_item_open",
                "li",
                1,
                map=[item.line, end],
                level=level + 1,
                markup=mark,
                info=item.letter,
                block=True,
            )
        )
        out += _item_text(item, level + 2, lines, nests=run.wide or _roman_under(run, item, lines))
        for block in item.blocks:
            block.level += 2
        out += item.blocks
        out.append(Token("list_item_close", "li", -1, level=level + 1, markup=mark, block=True))
    out.append(Token(f"{kind}_close", tag, -1, level=level, markup=mark, block=True))
    return out


def _item_text(item: _Item, level: int, lines: list[str], *, nests: bool) -> list[Token]:
    """The paragraph of an item's text; where it ``nests`` a level of its own, with the lines under its
    first that number its sub-steps ("３．删除旧版驱动：" over "（１）…" and "（２）…", "b. Load the rack:"
    over "i. …" and "ii. …") as a list in it."""
    paragraph = _paragraph(item.text, item.line, level, item.hidden)
    nested = _run([Token("list_item_open", "li", 1), *paragraph], 1, lines) if nests else None
    return nested[0] if nested else paragraph


def _roman_under(run: _Run, item: _Item, lines: list[str]) -> bool:
    """Whether a lettered item's text holds a line indented deeper than its letter that opens with "i"
    in Roman numerals: the third level of an outline numbered "1." / "a." / "i.", as Word numbers one.
    (At the letter's own indentation such a line is no level under it.)"""
    if run.roman or run.wide or run.bulleted:
        return False
    return any(
        (found := _letter(text)) is not None
        and found[0] in ("i", "I")
        and _indent(lines, item.line + offset) > item.indent
        for offset, text in enumerate(item.text[1:], start=1)
    )


def _paragraph(text: list[str], line: int, level: int, hidden: bool) -> list[Token]:
    """A paragraph of the lines ``text`` from ``line`` on (a step's lead or a sub-step's text)."""
    return paragraph_tokens("\n".join(text).strip(), [line, line + len(text)], level, hidden=hidden)


def _end(item: _Item) -> int:
    """The line after the last sub-step: its paragraph's, or the last block's under it."""
    ends = [block.map[1] for block in item.blocks if block.map]
    return max([item.line + len(item.text), *ends])


def _block_end(tokens: list[Token], index: int) -> int:
    """The index after the block that opens at ``index``."""
    depth = 0
    for at in range(index, len(tokens)):
        depth += tokens[at].nesting
        if depth <= 0:
            return at + 1
    return len(tokens)


def _indent(lines: list[str], line: int) -> int:
    """How far a line's text stands in, inside its list items and quotes."""
    text = lines[line] if line < len(lines) else ""
    return len(text) - len(text.lstrip(" \t>"))
