"""A Unix manual page's source (groff's man macros: ``.TH``, ``.SH``, ``.TP`` …) saved as .txt, read as the
Markdown its macros stand for.

A man page's source is lines of text and lines of requests, each opened by a control character (``.`` or
``'``) and a macro's name. The few that give a page its structure are read: ``.TH`` titles the page by its
name and section ("WGSYNC(8)"), ``.SH`` and ``.SS`` head its sections and subsections, ``.TP`` tags the
paragraph under it by its next line (an option, or under DIAGNOSTICS an error message: a definition list's
term, its paragraph the definition), ``.IP 1.`` numbers a step and ``.IP \\(bu`` a bullet, ``.RS``/``.RE``
keep them inside a tagged paragraph, ``.nf``/``.fi`` and ``.EX``/``.EE`` set off a display (code); ``.B``,
``.I`` and their alternating kin (``.BR``) are their words; font escapes (``\\fB``, ``\\fR``) are no text and
``\\-`` is a hyphen. Other requests (``.PP``, ``.br``, ``.sp``) and comments (``.\\"``) are no text. Read
as prose, the whole page was one step of raw macros. Each line is rewritten as the Markdown that says the
same, line for line, so that every line keeps its number (a rendered page is ``man_text.py``'s).
"""

from __future__ import annotations

import re

# The page's opening request, after comments: ".TH NAME SECTION …"; a comment's line ('.\" …', or a
# preprocessor's hint, "'\" t"); and a section's request.
_TITLE_REQUEST = re.compile(r"[.']TH[ \t]+\S")
_COMMENT = re.compile(r"[.'][ \t]*\\[\"#]|\\\"")
_SECTION_REQUEST = re.compile(r"^[.']SH(?:[ \t]|$)", re.MULTILINE)
# A request: its control character, its macro's name and its arguments. Every line opened by a control
# character is one (a text line that opens with a dot is written "\&." for that reason).
_REQUEST = re.compile(r"[.'][ \t]*(\S*)(?:[ \t]+(.*))?")
# An argument: a quoted one (its "" an escaped quote) or a word.
_ARGUMENT = re.compile(r'"((?:[^"]|"")*)"?|(\S+)')
# Font changes (\fB, \f(CW, \f[CR]), which are no text, and the escapes that stand for a character.
_FONT = re.compile(r"\\f(?:\(..|\[[^\]]{0,8}\]|.)")
_CHARACTERS = {
    r"\-": "-",
    r"\(em": "\u2014",
    r"\(en": "\u2013",
    r"\(bu": "\u2022",
    r"\(lq": '"',
    r"\(rq": '"',
    r"\(aq": "'",
    r"\e": "\\",
    r"\&": "",
    r"\c": "",
    r"\ ": " ",
    r"\~": " ",
    r"\|": "",
    r"\^": "",
}
_ESCAPE = re.compile("|".join(re.escape(name) for name in _CHARACTERS))
# How far into a file its .TH request is looked for, past the comments over it.
_TITLE_WITHIN = 4096
# The macros whose arguments are set in one font, or in two by turns (.BR: bold, then roman …).
_ONE_FONT = frozenset(("B", "I", "SM", "SB"))
_TWO_FONTS = frozenset(("BR", "RB", "BI", "IB", "IR", "RI"))
_DISPLAY_OPEN = frozenset(("nf", "EX"))
_DISPLAY_CLOSE = frozenset(("fi", "EE"))
_PARAGRAPH = frozenset(("PP", "LP", "P"))
# An .IP tag that numbers a step ("1.", "2)"), and one that marks a bullet.
_NUMBER = re.compile(r"\d{1,3}[.)]")
_BULLETS = frozenset(("\u2022", "*", "-", "o"))
# A definition's content, as Markdown's definition lists indent it.
_DEFINITION_INDENT = "    "


def roff_markdown(text: str) -> str | None:
    """The Markdown that a man page's source ``text`` stands for, line for line; None where it is none: its
    first line that is no comment is no ``.TH`` request, or no ``.SH`` request follows it."""
    if ".TH" not in text[:_TITLE_WITHIN] and "'TH" not in text[:_TITLE_WITHIN]:
        return None
    lines = text.split("\n")
    first = next((i for i, line in enumerate(lines) if line.strip() and not _COMMENT.match(line)), None)
    if first is None or not _TITLE_REQUEST.match(lines[first]) or not _SECTION_REQUEST.search(text):
        return None
    return "\n".join(_Rewrite(lines, first).lines())


def _arguments(words: str) -> list[str]:
    """A request's arguments, a quoted one's quotes taken off."""
    return [word or quoted.replace('""', '"') for quoted, word in _ARGUMENT.findall(words)]


def _inline(text: str) -> str:
    """``text`` without its font escapes, each escape of a character that character."""
    if "\\" not in text:
        return text
    return _ESCAPE.sub(lambda found: _CHARACTERS[found[0]], _FONT.sub("", text))


class _Rewrite:
    """A man page's source lines rewritten as Markdown."""

    def __init__(self, lines: list[str], first: int) -> None:
        self.source = lines
        self.first = first
        self.out = [""] * len(lines)
        # The heading request (".SH" or ".SS") whose words are the next text line, as old pages write it.
        self.heading_next = ""
        # Whether the next text line is a .TP tag, whether a tagged paragraph (a definition) is open, and
        # whether its first line is still to come.
        self.tag_next = False
        self.definition = False
        self.definition_first = False
        # The mark of an .IP item whose text is the next line, and the indentation of the item's lines.
        self.item_mark = ""
        self.item_indent = ""
        self.indents = 0
        self.display = False

    def lines(self) -> list[str]:
        """The rewritten lines."""
        for index, line in enumerate(self.source):
            if index <= self.first or not line.strip():
                continue
            request = _REQUEST.fullmatch(line.strip()) if line[:1] in ".'" else None
            if request is None:
                self._text(index, _inline(line.split('\\"', 1)[0]).strip() if not self.display else line)
            else:
                self._request(index, request[1], request[2] or "")
        if self.display:
            self.out.append(self._indent() + "```")
        # Titled by its name and section ("WGSYNC(8)"), as Pandoc titles a man page: over its NAME and
        # SYNOPSIS, a manual page's title makes its DESCRIPTION, OPTIONS and EXIT STATUS the page's text, no
        # problem (indexer.section_shapes), while its DIAGNOSTICS are problems.
        named = [_inline(word) for word in _arguments(self.source[self.first][3:])]
        self.out[self.first] = f"# {named[0]}({named[1]})" if len(named) > 1 else f"# {named[0]}"
        return self.out

    def _indent(self) -> str:
        return _DEFINITION_INDENT if self.definition else ""

    def _request(self, index: int, name: str, words: str) -> None:
        if name in ("SH", "SS"):
            self.tag_next = self.definition = False
            self.item_mark, self.item_indent, self.indents = "", "", 0
            heading = " ".join(_inline(word) for word in _arguments(words))
            if heading:
                self._heading(index, name, heading)
            else:
                self.heading_next = name
        elif name == "TP":
            self.tag_next, self.definition, self.item_mark, self.item_indent = True, False, "", ""
        elif name == "IP":
            tag = _inline(_arguments(words)[0]) if words.strip() else ""
            self.item_mark = f"{tag} " if _NUMBER.fullmatch(tag) else "- " if tag in _BULLETS else ""
            self.item_indent = ""
        elif name in _PARAGRAPH and not self.indents:
            self.definition = self.tag_next = False
            self.item_mark = self.item_indent = ""
        elif name == "RS":
            self.indents += 1
        elif name == "RE":
            self.indents = max(0, self.indents - 1)
            self.item_mark = self.item_indent = ""
        elif name in _DISPLAY_OPEN and not self.display:
            self.out[index], self.display = self._indent() + "```", True
        elif name in _DISPLAY_CLOSE and self.display:
            self.out[index], self.display = self._indent() + "```", False
        elif name in _ONE_FONT or name in _TWO_FONTS:
            arguments = [_inline(word) for word in _arguments(words)]
            said = " ".join(arguments) if name in _ONE_FONT else "".join(arguments)
            # Bold marks a tag or a command in the text; a heading's or a display's words are plain.
            plain = self.display or self.heading_next
            self._text(index, f"**{said}**" if name == "B" and said and not plain else said)
        # Other requests (.br, .sp, .ad, .hy, .PD, .UR …) and comments hold no text of the page.

    def _heading(self, index: int, name: str, heading: str) -> None:
        self.out[index] = f"{'##' if name == 'SH' else '###'} {heading}"

    def _text(self, index: int, said: str) -> None:
        if not said.strip():
            return
        if self.heading_next:
            self._heading(index, self.heading_next, said)
            self.heading_next = ""
        elif self.display:
            self.out[index] = self._indent() + said
        elif self.tag_next:
            # A tagged paragraph's tag: the term its text defines.
            self.out[index], self.tag_next = said, False
            self.definition = self.definition_first = True
        elif self.item_mark:
            self.out[index] = f"{self._indent()}{self.item_mark}{said}"
            self.item_indent, self.item_mark = " " * len(self.item_mark), ""
        elif self.definition_first:
            self.out[index], self.definition_first = f":   {said}", False
        else:
            self.out[index] = f"{self._indent()}{self.item_indent}{said}"
