"""An XWiki page in its 2.x syntax saved as .txt, read as the Markdown its markup stands for.

XWiki writes a heading between equal runs of "=" (one the page's title), list items as marks at the line's
start (``*`` a bullet, ``1.`` numbered, one more mark a level deeper: ``**``, ``11.``), macros as
``{{name params}}`` … ``{{/name}}`` (``{{code}}`` a block of code, ``{{error}}``/``{{warning}}``/``{{info}}``
boxes, ``{{toc/}}`` alone), ``{{{verbatim}}}``, ``**bold**``, ``//italic//`` and ``##monospace##``,
``[[words>>target]]`` links and ``|=`` tables. Read as Markdown, the headings were text (unless a macro made
the page a MediaWiki page's), a macro's lines and a link's target were its words, and a message in a
``{{code}}`` block was no message. Each construct is rewritten as the Markdown that says the same, line for
line, so that lines keep their numbers: only a table's header row, under which Markdown wants a rule, and a
macro opened and closed on a line of its own add lines.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from indexer.equals_headings import equals_heading
from indexer.fixed_text import is_prose
from indexer.jira_text import item_markdown
from indexer.wiki_inline import double_hash_code, link_words, slash_italics, triple_brace_code

# A macro's opening line ("{{code language="none"}}"), its name and parameters, perhaps its content and
# closing on the same line; and a macro's closing line.
_MACRO_OPEN = re.compile(r"^[ \t]*\{\{([a-zA-Z][\w-]*)((?:[ \t][^{}]*)?)\}\}(.*)$")
_MACRO_CLOSE = re.compile(r"^(.*?)\{\{/([a-zA-Z][\w-]*)\}\}[ \t]*$")
_CLOSING_NAME = re.compile(r"\{\{/([a-zA-Z][\w-]*)\}\}")
# A macro that stands alone ("{{toc/}}", "{{include reference="…"/}}"): the page's furniture.
_MACRO_ALONE = re.compile(r"^[ \t]*\{\{[a-zA-Z][\w-]*(?:[ \t][^{}]*)?/\}\}[ \t]*$")
# Macros whose content is verbatim: code, and the text a box shows as an error.
_CODE_MACROS = frozenset({"code", "noformat"})
# The boxes of advice, as Markdown's alerts name them.
_BOXES = {"info": "NOTE", "warning": "WARNING", "success": "TIP", "error": "CAUTION"}
_LANGUAGE = re.compile(r"""\blanguage[ \t]*=[ \t]*["']?([\w+#.-]+)""")
# A verbatim block's braces alone on a line.
_VERBATIM_OPEN = re.compile(r"^[ \t]*\{\{\{[ \t]*$")
_VERBATIM_CLOSE = re.compile(r"^[ \t]*\}\}\}[ \t]*$")
# A list item: its marks ("*", "1.", "**", "11.", "1*."), then its text.
_ITEM = re.compile(r"^[ \t]*(\*+|[1*]*1\.|[1*]+\*\.)[ \t]+(\S.*)$")
# A table's row: header cells after "|=", others after "|".
_ROW = re.compile(r"^[ \t]*\|")
# The marks only an XWiki page writes beside its headings: a macro's closing or standing alone, a link to a
# target after ">>".
_PAGE_MARK = re.compile(r"\{\{/[a-zA-Z][\w-]*\}\}|\{\{[a-zA-Z][\w-]*(?:[ \t][^{}\n]*)?/\}\}|\[\[[^\[\]\n]*>>")
# Inline markup: a macro within a line, links, parameters (verbatim, monospace and italics as other wikis
# write them: indexer.wiki_inline). A macro's text stops at the next opening: a line of unclosed ones is
# read in linear time.
_INLINE_MACRO = re.compile(r"\{\{([a-zA-Z][\w-]*)(?:[ \t][^{}]*)?\}\}((?:[^{]|\{(?!\{))*?)\{\{/\1\}\}")
_LINK = re.compile(r"\[\[(?:([^\[\]]*?)>>)?([^\[\]]*)\]\]")
_PARAMETERS = re.compile(r"\(%[^%\n]*%\)")
_WEB = re.compile(r"^(?:https?|ftp|mailto):")


def xwiki_markdown(text: str) -> str | None:
    """The Markdown that an XWiki 2.x page's ``text`` stands for, line for line; None where it is no XWiki
    page: no line is a "=" heading, or nothing else on the page is XWiki's own (a ``{{/macro}}`` closing, a
    ``{{macro/}}`` alone, a ``[[words>>target]]`` link)."""
    if "=" not in text or _PAGE_MARK.search(text) is None:
        return None
    lines = text.split("\n")
    if not any(equals_heading(line) for line in lines):
        return None
    return "\n".join(_Rewrite(lines).lines())


class _Rewrite:
    """One walk over an XWiki page's lines, rewriting each construct in place as its Markdown."""

    def __init__(self, lines: list[str]) -> None:
        self.source = lines
        self.out = list(lines)
        # The text column of the last list item: a block right under it is indented to it.
        self.column = 0
        # The lines that close each macro, and a verbatim block, in order: found once, so that blocks left
        # open line after line are not each searched for to the page's end.
        self.closings: dict[str, list[int]] = {}
        self.verbatim_closings: list[int] = []
        for at, line in enumerate(lines):
            if "{{/" in line:
                for name in _CLOSING_NAME.findall(line):
                    self.closings.setdefault(name, []).append(at)
            if _VERBATIM_CLOSE.match(line):
                self.verbatim_closings.append(at)

    def lines(self) -> list[str]:
        """The rewritten lines."""
        index = 0
        table = False
        while index < len(self.source):
            line = self.source[index]
            row = bool(_ROW.match(line))
            if row:
                self.out[index] = _row(line, header=not table)
            table = row
            index = index + 1 if row else self._construct(index)
        return self.out

    def _construct(self, index: int) -> int:
        """Rewrite the construct line ``index`` opens; the line past it."""
        line = self.source[index]
        column, self.column = self.column, 0
        if heading := equals_heading(line):
            self.out[index] = f"{'#' * heading[0]} {_inline(heading[1])}"
        elif _MACRO_ALONE.match(line):
            self.out[index] = ""
        elif (opening := _MACRO_OPEN.match(line)) and f"{{{{/{opening[1]}}}}}" not in opening[3]:
            return self._macro(index, opening, column)
        elif _VERBATIM_OPEN.match(line):
            return self._verbatim(index, column)
        elif item := _ITEM.match(line):
            marks = item[1].rstrip(".").replace("1", "#")
            self.out[index], text_column = item_markdown(marks, _inline(item[2]))
            self.column = len(text_column)
        elif line.strip() == "----":
            self.out[index] = "---"
        else:
            self.out[index] = _inline(line)
        return index + 1

    def _close(self, index: int, name: str) -> int | None:
        """The line at or after ``index`` that closes the macro ``name``; None where none does."""
        return _next(self.closings.get(name, []), index)

    def _macro(self, index: int, opening: re.Match[str], column: int) -> int:
        """The macro ``opening`` opens on line ``index``: code a fence, a box of advice a call-out (an error
        box's message a fence), any other its content; the line past it."""
        name = opening[1].lower()
        end = self._close(index + 1, opening[1])
        if end is None:
            self.out[index] = ""
            return index + 1
        before = _MACRO_CLOSE.match(self.source[end])
        body = [opening[3], *self.source[index + 1 : end], before[1] if before else ""]
        indent = " " * column
        kind = _BOXES.get(name)
        words = " ".join(part.strip() for part in body if part.strip())
        if name in _CODE_MACROS or (name == "error" and words and not is_prose(words)):
            language = _LANGUAGE.search(opening[2])
            fence = f"{indent}```{language[1] if language and language[1] != 'none' else ''}"
            self._fence(index, end, body, fence, indent)
        elif kind is not None:
            said = [_inline(part.strip()) for part in body]
            self.out[index] = f"{indent}> [!{kind}] {said[0]}".rstrip()
            for offset, part in enumerate(said[1:], start=1):
                self.out[index + offset] = f"{indent}> {part}".rstrip()
        else:
            self.out[index] = _inline(opening[3])
            for at in range(index + 1, end):
                self.out[at] = _inline(self.source[at])
            self.out[end] = _inline(before[1]) if before else ""
        return end + 1

    def _verbatim(self, index: int, column: int) -> int:
        """The ``{{{`` block opened on line ``index`` as a fence; the line past its ``}}}``."""
        end = _next(self.verbatim_closings, index + 1)
        if end is None:
            self.out[index] = _inline(self.source[index])
            return index + 1
        indent = " " * column
        self._fence(index, end, ["", *self.source[index + 1 : end], ""], f"{indent}```", indent)
        return end + 1

    def _fence(self, index: int, end: int, body: list[str], fence: str, indent: str) -> None:
        """Lines ``index`` to ``end`` as a fence around ``body`` (their text, the first and last perhaps on the
        opening and closing lines)."""
        first, *middle, last = body
        self.out[index] = f"{fence}\n{indent}{first}" if first.strip() else fence
        for offset, part in enumerate(middle, start=1):
            self.out[index + offset] = f"{indent}{part}" if part.strip() else ""
        self.out[end] = f"{indent}{last}\n{indent}```" if last.strip() else f"{indent}```"


def _next(lines: list[int], index: int) -> int | None:
    """The first of the ordered line numbers ``lines`` at or after ``index``; None where none is."""
    at = bisect_left(lines, index)
    return lines[at] if at < len(lines) else None


def _row(line: str, *, header: bool) -> str:
    """A table's line as a pipe table's row; the first row a header, under the rule Markdown wants."""
    cells = [cell.strip() for cell in re.split(r"\|=?", line.strip())[1:]]
    texts = [_inline(cell).replace("|", "\\|") for cell in cells]
    row = f"| {' | '.join(texts)} |"
    return f"{row}\n|{' --- |' * len(texts)}" if header else row


def _link(found: re.Match[str]) -> str:
    """A link's words; a link to the web with its target, as Markdown writes it."""
    words, target = (found[1] or "").strip(), found[2].strip()
    if target.lower().startswith(("image:", "attach:")):
        return words
    return link_words(words, target, web=_WEB)


def _inline(text: str) -> str:
    """``text`` with XWiki's inline markup as Markdown's: code spans, italics, links' words."""
    if "{{" in text:
        text = triple_brace_code(text)
        text = _INLINE_MACRO.sub(lambda m: f"`{m[2]}`" if m[1].lower() in _CODE_MACROS else m[2], text)
    if "##" in text:
        text = double_hash_code(text)
    if "//" in text:
        text = slash_italics(text)
    if "[[" in text:
        text = _LINK.sub(_link, text)
    if "(%" in text:
        text = _PARAMETERS.sub("", text)
    return text
