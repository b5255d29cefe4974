"""A TiddlyWiki tiddler (a ``.tid`` file, or one saved as .txt), read as the Markdown its markup stands for.

A tiddler opens with its fields, one ``name: value`` a line up to the first blank line (``title:``,
``tags:``, ``created:``, ``modified:``, ``type: text/vnd.tiddlywiki``); its text writes headings as ``!``
marks (one a level), list items as ``#`` (numbered) and ``*`` marks at the line's start (one more a
level deeper), ``{{{`` and ``}}}`` around a block of code, ``<<<`` around a quote (a citation after the
closing one), ``''bold''``, ``//italic//``, ``[[words|target]]`` links and ``@@color:red;styled@@`` text.
Read as Markdown, the fields were the page's first step, each ``#`` item a heading and the headings text. Each construct is rewritten as
the Markdown that says the same, line for line, so that every line keeps its number.
"""

from __future__ import annotations

import re

from indexer.jira_text import item_markdown
from indexer.wiki_inline import slash_italics, triple_brace_code

# A field of the tiddler's header: its name and value.
_FIELD = re.compile(r"^([a-z][\w.-]*):[ \t]*(.*)$")
# The fields a tiddler has beside its title: one of them is needed to tell it from a note's "Title: …".
_TIDDLER_FIELDS = frozenset({"created", "modified", "tags", "type", "creator", "modifier", "revision"})
# Where the title and the tags stand among the header's lines.
_FIRST = {"title": 0, "tags": 1, "modified": 1}
# A tiddler's time stamp: its date's digits first ("20240402153010000").
_STAMP = re.compile(r"^(\d{4})(\d{2})(\d{2})\d*$")
# A heading: its marks (one a level), its words.
_HEADING = re.compile(r"^(!{1,6})[ \t]*(\S.*)$")
# A list item: its marks ("#" numbered, "*" a bullet, one more a level deeper), its text.
_ITEM = re.compile(r"^([#*]{1,8})[ \t]+(\S.*)$")
# A block of code's braces, or a fence, alone on a line; a quote's marks, perhaps its citation after them.
_CODE_OPEN = re.compile(r"^(?:\{\{\{|```)[ \t]*([\w+#.-]*)[ \t]*$")
_CODE_CLOSE = re.compile(r"^(?:\}\}\}|```)[ \t]*$")
_QUOTE = re.compile(r"^<<<[ \t]*(.*)$")
# A macro or a transclusion alone on its line ("<<toc>>", "{{Footer}}"): the wiki's furniture.
_FURNITURE = re.compile(r"^[ \t]*(?:<<[^<>\n]*>>|\{\{[^{}\n]*\}\})[ \t]*$")
# Inline markup: bold, links with their words (code and italics as other wikis write them: indexer.wiki_inline).
_BOLD = re.compile(r"''(.+?)''")
_LINK = re.compile(r"\[\[([^|\[\]]+)(?:\|[^\[\]]+)?\]\]")
# Styled text: "@@", its CSS ("color:red;", one "name:value;" or more) or its classes (".warning" and a
# space), its words up to the next "@@" (a code span, left as it is, first): its words were read with the marks
# and the CSS, "@@color:red;Diqqət: Aparat … bloklanır.@@" a note.
_STYLE = r"(?:[a-z][\w-]*:[^;@\n]+;)+|(?:\.[\w-]+)+"
# Possessive: a style never closed ("@@" and a long run of ".a") was given back one unit at a time,
# the text after it scanned again for each, a 100 kB line read in minutes.
_STYLED = re.compile(rf"(`[^`\n]*`)|@@(?:{_STYLE})?+[ \t]*+((?:[^@\n]|@(?!@))+)@@", re.IGNORECASE)
# The marks of a block of styled lines, alone on a line: "@@.warning" over the lines, "@@" under them.
_STYLED_BLOCK = re.compile(rf"^@@(?:{_STYLE})?[ \t]*$", re.IGNORECASE)
_DEEPEST = 6


def tiddlywiki_markdown(text: str) -> str | None:
    """The Markdown that a tiddler's ``text`` stands for, line for line; None where it is no tiddler: its first
    lines, up to a blank one, are not all fields, or they name no ``title`` beside a field only a tiddler has
    (``created``, ``modified``, ``tags``, ``type``)."""
    if "title:" not in text:
        return None
    lines = text.split("\n")
    end = next((at for at, line in enumerate(lines) if not line.strip()), len(lines))
    fields = [_FIELD.match(line) for line in lines[:end]]
    names = {found[1] for found in fields if found is not None}
    if not end or None in fields or "title" not in names or not names & _TIDDLER_FIELDS:
        return None
    # The title heads the page, its tags right under it as a page's fields are (a tiddler's fields are in the
    # order of their names), the fields that are no text after them.
    ordered = sorted(
        (found for found in fields if found is not None), key=lambda found: _FIRST.get(found[1], 2)
    )
    return "\n".join([_field(found) for found in ordered] + _rewrite(lines[end:]))


def _field(found: re.Match[str]) -> str:
    """A header's field as Markdown: its title the page's heading, its tags a "Tags:" line and when it was
    last changed a "Modified:" line (the page's fields), others nothing."""
    name, value = found[1], found[2].strip()
    if name == "title":
        return f"# {value}"
    if name == "tags":
        # Tags of more than a word are in brackets ("[[Office printers]] Copiers").
        tags = [a or b for a, b in re.findall(r"\[\[([^\]]+)\]\]|(\S+)", value)]
        return f"Tags: {', '.join(tags)}"
    if name == "modified" and (stamp := _STAMP.match(value)):
        return f"Modified: {stamp[1]}-{stamp[2]}-{stamp[3]}"
    return ""


def _rewrite(lines: list[str]) -> list[str]:
    """The tiddler's text ``lines`` rewritten as Markdown, a heading one level under the title."""
    out: list[str] = []
    code = False
    quote = False
    for line in lines:
        if code:
            code = not _CODE_CLOSE.match(line)
            out.append(line if code else "```")
            continue
        if opening := _CODE_OPEN.match(line):
            code = True
            out.append(f"```{opening[1]}")
        elif quoted := _QUOTE.match(line):
            # The closing marks may carry the quote's citation.
            if quote and quoted[1].strip():
                out.append(f"> — {_inline(quoted[1].strip())}")
            else:
                out.append("")
            quote = not quote
        elif quote:
            out.append(f"> {_inline(line)}".rstrip())
        elif line.startswith("!") and (heading := _HEADING.match(line)):
            out.append(f"{'#' * min(len(heading[1]) + 1, _DEEPEST)} {_inline(heading[2])}")
        elif item := _ITEM.match(line):
            out.append(item_markdown(item[1], _inline(item[2]))[0])
        elif _FURNITURE.match(line) or _STYLED_BLOCK.match(line):
            out.append("")
        else:
            out.append(_inline(line))
    return out


def _inline(text: str) -> str:
    """``text`` with TiddlyWiki's inline markup as Markdown's: code spans, bold, italics, links' words,
    styled text's words."""
    if "{{{" in text:
        text = triple_brace_code(text)
    if "''" in text:
        text = _BOLD.sub(r"**\1**", text)
    if "//" in text:
        text = slash_italics(text)
    if "[[" in text:
        text = _LINK.sub(lambda m: m[1].strip(), text)
    if "@@" in text:
        text = _STYLED.sub(lambda m: m[1] or m[2], text)
    return text
