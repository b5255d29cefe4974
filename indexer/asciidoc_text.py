"""An AsciiDoc page (Asciidoctor's, an Antora site's), named .adoc or saved as .txt, read as the Markdown its
markup stands for.

AsciiDoc writes the page's title as ``= Title`` and its sections as ``==`` to ``======`` marks, the page's
metadata as ``:name: value`` attribute entries, ordered items as ``.`` (``..`` one level deeper) and
bullets as ``*`` (``**`` deeper), a block's title as ``.Title`` over it, a block's kind as ``[source,bash]``
or ``[NOTE]`` over its ``----`` or ``====`` delimiters, a lone ``+`` to join the block under it to the item
above, admonitions as ``NOTE:`` paragraphs, and links as ``xref:page.adoc[words]``. Read as Markdown, the
sections were text, so a problem ran into the next one's title, its items ran into one step with their
marks shown, and its see-also links were the last problem's steps. Each construct is rewritten as the
Markdown that says the same, line for line, so that every line keeps its number.

The PyPI ``asciidoc`` package renders a page only as HTML or DocBook, whose lines are not the page's: every
problem, step and message would have been reported at a line of that output.
"""

from __future__ import annotations

import re

from indexer.jira_text import item_markdown

# A section's title: one to six "=" (the page's title one), its words, perhaps the same marks closing it.
_HEADING = re.compile(r"^(={1,6})[ \t]+(\S.*?)(?:[ \t]+\1)?[ \t]*$")
# An attribute entry (":page-author: …", ":toc: macro"), metadata wherever it stands.
_ATTRIBUTE = re.compile(r"^:!?[\w][\w-]*!?:(?:[ \t].*)?$")
# A description list's term ("Symptoms::", "Priežastis:: Neįdiegta tvarkyklė."), its description under it
# or after it on its line: a label over what it says, as a bold label is in Markdown. Read as text, the
# term ran into the paragraph under it, and the parts of a problem labelled so were one text.
_TERM = re.compile(r"^([^\s:][^:]{0,59}?)::(?:[ \t]+(\S.*))?$")
# A block's attribute line ("[source,bash]", "[NOTE]", "[[anchor]]", "[discrete]").
_BLOCK_ATTRIBUTES = re.compile(r"^\[\[?[^\[\]]*\]\]?[ \t]*$")
# The attributes of a code block, and of an admonition block, and their first positional attribute.
_SOURCE = re.compile(r"^\[(?:source|listing|literal)(?:,[ \t]*([\w+#.-]+))?[^\]]*\]")
_ADMONITIONS = ("NOTE", "TIP", "IMPORTANT", "WARNING", "CAUTION")
_ADMONITION_BLOCK = re.compile(rf"^\[({'|'.join(_ADMONITIONS)})\]")
# An admonition paragraph ("NOTE: Reseeding takes …").
_ADMONITION = re.compile(rf"^({'|'.join(_ADMONITIONS)}):[ \t]+(.*)$")
# A delimited block's line: listing and literal blocks are code, a comment block is nothing, a quote block a
# quote, an example block an admonition's where its attributes name one; a sidebar, open or passthrough
# block holds text as it is.
_DELIMITER = re.compile(r"^(?:-{4,}|\.{4,}|={4,}|_{4,}|\*{4,}|/{4,}|\+{4,}|--)$")
_CODE_DELIMITERS = ("-", ".")
# A block macro alone on its line ("toc::[]", "include::partial$x.adoc[]", "image::shot.png[Alt]").
_BLOCK_MACRO = re.compile(r"^(\w+)::([^\[\s]*)\[([^\]]*)\][ \t]*$")
# A list item: its marks ("." ordered, "*" or "-" a bullet, one more mark a level deeper, "1." numbered) and text.
_ITEM = re.compile(r"^[ \t]*(\.{1,5}|\*{1,5}|-|\d+\.)[ \t]+(\S.*)$")
# A block's title (".Procedure", ".Example output"): a dot right before its first word.
_BLOCK_TITLE = re.compile(r"^\.[^.\s]")
# Callout marks at a line's end, in code ("--device <1>", "whoami # <2>", "// <3>") or in a list item's text, and
# a callout list's item that explains one ("<1> The link expires …", "<.> …"): Antora numbers the lines it
# explains so. The marks are no words of a command or a step, and the explanation is text.
# A run starts only after a non-blank character, and its runs of blanks are possessive: a line with a
# long run of spaces was tried from each of them, in cubic time (4,000 spaces took 19 s).
_CALLOUT_MARKS = re.compile(r"(?<![ \t])(?:[ \t]++(?:(?://|#|--|;;?)[ \t]*+)?<(?:\d{1,2}|\.)>)++[ \t]*+$")
_CALLOUT_ITEM = re.compile(r"^<(?:\d{1,2}|\.)>[ \t]+(\S.*)$")
# A comment line.
_COMMENT = re.compile(r"^//(?:[^/]|$)")
# Inline markup: a link with its words ("xref:setup.adoc[Setup]", "link:…[…]", "https://…[…]"), a
# cross-reference ("<<anchor,words>>"), a UI macro ("kbd:[Ctrl+C]", "btn:[Save]", "menu:File[Save]"),
# strong words ("*not*").
_LINK = re.compile(r"\b(?:xref:|link:)?((?:https?://|mailto:)?[^\s\[\]]+?)\[([^\]]*)\]")
_CROSS_REFERENCE = re.compile(r"<<([^<>,]+)(?:,[ \t]*([^<>]+))?>>")
_UI_MACRO = re.compile(r"\b(kbd|btn|menu):([^\s\[\]]*)\[([^\]]*)\]")
_STRONG = re.compile(r"(?<![\w*])\*(?![\s*])([^*\n]+?)(?<![\s*])\*(?![\w*])")
# An AsciiDoc page's marks that no plain note, Markdown page or other wiki writes beside a "=" heading: a
# block's attributes, an attribute entry, a block title, a "." item, a lone "+", a block macro.
_PAGE_MARK = re.compile(
    r"^(?:\[(?:source|listing|literal|NOTE|TIP|IMPORTANT|WARNING|CAUTION)\b[^\]\n]*\]|:[\w][\w-]*:(?:[ \t]|$)"
    r"|\.[^.\s]|\.{1,5}[ \t]+\S|\+$|\w+::\S*\[[^\]\n]*\]$)",
    re.MULTILINE,
)


# The suffixes of a file named as an AsciiDoc page (Asciidoctor's and Antora's): it needs no mark to tell it.
ASCIIDOC_SUFFIXES = (".adoc", ".asciidoc")


def asciidoc_markdown(text: str, *, named: bool = False) -> str | None:
    """The Markdown that an AsciiDoc page's ``text`` stands for, line for line; None where it is no AsciiDoc
    page: no line is a ``=`` heading, or nothing else on the page is AsciiDoc's (a ``[source]`` or ``[NOTE]``
    block, a ``:name:`` attribute, a ``.Title``, a ``.`` item, a ``+`` continuation, a ``toc::[]`` macro).
    A page ``named`` as AsciiDoc (see ASCIIDOC_SUFFIXES) is one whatever its lines are."""
    if named:
        return "\n".join(_Rewrite(text.split("\n")).lines())
    if not (text.startswith("=") or "\n=" in text) or _PAGE_MARK.search(text) is None:
        return None
    lines = text.split("\n")
    if not any(line.startswith("=") and _HEADING.match(line) for line in lines):
        return None
    return "\n".join(_Rewrite(lines).lines())


class _Rewrite:
    """One walk over an AsciiDoc page's lines, rewriting each in place as its Markdown."""

    def __init__(self, lines: list[str]) -> None:
        self.source = lines
        self.out: list[str] = []
        # The open delimited block: its delimiter, what it is ("code", "quote", "comment") and indentation.
        self.block: tuple[str, str, str] | None = None
        # The marks of each open list level, and the text column of the last item.
        self.marks: list[str] = []
        self.column = ""
        # The indentation of what stands under an item (its text's next lines, a block joined by "+"), and
        # the attributes and quote of the block about to open.
        self.indent = ""
        self.attributes = ""
        self.quote = False

    def lines(self) -> list[str]:
        """The rewritten lines."""
        for line in self.source:
            self.out.append(self._in_block(line, self.block) if self.block else self._line(line))
        return self.out

    def _in_block(self, line: str, block: tuple[str, str, str]) -> str:
        """A line of the open delimited ``block``, or its closing delimiter."""
        delimiter, kind, indent = block
        if line.rstrip() == delimiter:
            self.block = None
            return f"{indent}```" if kind == "code" else ""
        if kind == "code":
            return f"{indent}{_CALLOUT_MARKS.sub('', line)}" if line.strip() else ""
        if kind == "quote":
            return f"{indent}> {_inline(line.strip())}".rstrip()
        return ""

    def _line(self, line: str) -> str:
        """A line in no delimited block, as Markdown."""
        stripped = line.rstrip()
        if not stripped:
            self.indent = ""
            self.quote = False
            return ""
        if self.quote:
            return f"{self.indent}> {_inline(stripped.strip())}"
        if stripped == "+":
            self.indent = self.column if self.marks else ""
            return ""
        if _DELIMITER.match(stripped):
            return self._open(stripped)
        if stripped[0] == "[" and _BLOCK_ATTRIBUTES.match(stripped):
            self.attributes = stripped
            return ""
        if (stripped[0] == ":" and _ATTRIBUTE.match(stripped)) or _COMMENT.match(stripped):
            return ""
        if "::" in stripped and (macro := _BLOCK_MACRO.match(stripped)):
            return _inline(macro[3]) if macro[1] == "image" else ""
        if stripped[0] == "=" and (heading := _HEADING.match(stripped)):
            self.marks, self.indent = [], ""
            return f"{'#' * len(heading[1])} {_inline(heading[2])}"
        if "::" in stripped and not self.indent and (term := _TERM.match(stripped)):
            self.marks = []
            return f"**{_inline(term[1])}:** {_inline(term[2] or '')}".rstrip()
        if admonition := _ADMONITION.match(stripped):
            self.quote = True
            return f"{self.indent}> [!{admonition[1]}] {_inline(admonition[2])}"
        if stripped[0] == "<" and (explained := _CALLOUT_ITEM.match(stripped)):
            return f"{self.indent}{_inline(explained[1])}"
        stripped = _CALLOUT_MARKS.sub("", stripped)
        if not _BLOCK_TITLE.match(stripped) and (item := _ITEM.match(stripped)):
            return self._item(item[1], item[2])
        if not self.indent and line[0] not in " \t":
            # A paragraph of the page's own, not under an item, ends its list.
            self.marks = []
        return f"{self.indent}{_inline(stripped.strip() if self.indent else stripped)}"

    def _open(self, delimiter: str) -> str:
        """A delimited block's opening line, as the fence or quote it stands for (or nothing)."""
        attributes, self.attributes = self.attributes, ""
        indent = self.indent
        if delimiter[0] in _CODE_DELIMITERS and delimiter != "--":
            source = _SOURCE.match(attributes)
            self.block = (delimiter, "code", indent)
            return f"{indent}```{(source[1] or '') if source else ''}"
        if delimiter[0] == "/":
            self.block = (delimiter, "comment", indent)
        elif delimiter[0] == "_":
            self.block = (delimiter, "quote", indent)
        elif delimiter[0] == "=" and (admonition := _ADMONITION_BLOCK.match(attributes)):
            self.block = (delimiter, "quote", indent)
            return f"{indent}> [!{admonition[1]}]{self._block_title()}"
        return ""

    def _block_title(self) -> str:
        """The title (" Scripts") of the block about to open, from a ``.Scripts`` line right above it or
        above its attributes, that line left blank; "" where it has none. Left as it was, a titled
        ``[TIP]`` block was two notes, the first ".Scripts"."""
        for back in (1, 2):
            number = len(self.out) - back
            if number < 0 or not self.source[number].strip():
                return ""
            line = self.source[number].strip()
            if _BLOCK_TITLE.match(line):
                self.out[number] = ""
                return f" {_inline(line[1:])}"
        return ""

    def _item(self, mark: str, text: str) -> str:
        """A list item as Markdown's, nested under the open level of its marks or one deeper than the last."""
        kind = "1." if mark[0].isdigit() else mark
        if kind in self.marks:
            del self.marks[self.marks.index(kind) + 1 :]
        else:
            self.marks.append(kind)
        wiki = "".join("#" if m[0] in ".1" else "*" for m in self.marks)
        line, self.column = item_markdown(wiki, _inline(text))
        self.indent = self.column
        return line


def _inline(text: str) -> str:
    """``text`` with AsciiDoc's inline markup as Markdown's: links, cross-references, UI macros, strong words."""
    if "[" in text:
        if ":[" in text:
            text = _UI_MACRO.sub(lambda m: f"{m[2]} > {m[3]}" if m[1] == "menu" else m[3], text)
        text = _LINK.sub(_link, text)
    if "<<" in text:
        text = _CROSS_REFERENCE.sub(lambda m: (m[2] or m[1]).strip(), text)
    if "*" in text:
        text = _STRONG.sub(r"**\1**", text)
    return text


def _link(found: re.Match[str]) -> str:
    """A link macro as a Markdown link (its target where it shows no words); any other bracket as it is."""
    target, words = found[1], found[2].strip()
    if not (found[0].startswith(("xref:", "link:")) or "://" in target or target.startswith("mailto:")):
        return found[0]
    if not words and found[0].startswith("xref:"):
        # Antora shows the page's own title for an xref with no words ("xref:cli:service-accounts.adoc[]"):
        # its name, without its component, module and family ("cli:", "partial$") or ".adoc".
        return re.split(r"[:$/]", target.split("#")[0])[-1].removesuffix(".adoc") or target
    return f"[{words}]({target})" if words else target
