"""A Jira issue exported as text, read as the Markdown its wiki markup stands for.

Jira's text and printable exports keep the issue's wiki markup: ``h3.`` headings, ``#`` and ``##``
numbered items, ``*`` bullets, ``{code}`` and ``{noformat}`` blocks, ``{warning}``, ``{info}``, ``{note}``,
``{tip}``, ``{panel}`` and ``{quote}`` macros, ``{{monospace}}`` and ``[~user]`` mentions; the export opens
with "[KEY-123] Summary Created: … Updated: …" and ends with "Generated at … using Jira …". An issue's
description copied out of Jira (or a page of Confluence's older wiki markup, the same markup) has no such
first line: it is read as one where its headings and its macros say it is. Read as a text file's
labelled parts, the issue's "Resolution: Fixed" field was its fix and titled it; read as Markdown it also
is, a "#" item was a heading and a block's lines steps. Each of them is rewritten as the Markdown that
says the same, line for line, so that lines keep their numbers:
but a comment's byline, and the title's dates where no blank line follows the title, are paragraphs
of their own, each a line more, so what follows one is reported a line later.
"""

from __future__ import annotations

import re

# A heading ("h3. Steps to Reproduce").
_HEADING = re.compile(r"^h([1-6])\.[ \t]+(.*)$")
# A list item's marks, one per level ("#", "##", "*", "#*"), then its text (Jira's and Textile's markup).
ITEM = re.compile(r"^([#*]{1,6})[ \t]+(\S.*)$")
# A line that opens or closes a code block ("{code}", "{code:java}", "{code:title=Log|lang=sql}",
# "{noformat}"), alone on it.
_BLOCK_MARK = re.compile(r"^[ \t]*\{(code|noformat)(?::([^}]*))?\}[ \t]*$")
# A macro that sets its lines apart ("{warning}", "{info:title=Heads up}", "{panel:title=Before you
# start}", "{quote}"), opening its line; it closes where its mark ends a line.
_MACRO = re.compile(r"[ \t]*\{(warning|info|note|tip|panel|quote)(?::([^}]*))?\}")
# An admonition macro as Markdown's alerts name it (as indexer.dokuwiki_text and indexer.xwiki_text write
# their wikis' boxes).
_ALERT_KINDS = {"warning": "WARNING", "info": "NOTE", "note": "NOTE", "tip": "TIP"}
# A macro's title parameter ("title=Before you start").
_TITLE_PARAMETER = re.compile(r"(?:^|\|)title=([^|]+)")
# The same marks around code on one line ("{noformat}systemctl stop …{noformat}"), and monospace.
_INLINE_BLOCK = re.compile(r"\{(code|noformat)(?::[^}]*)?\}(.+?)\{\1\}")
_MONOSPACE = re.compile(r"\{\{(.+?)\}\}")
# A user's mention ("[~adevries]"): the handle, as other trackers write it.
_MENTION = re.compile(r"\[~([\w.@-]+)\]")
# A link with its words ("[release notes|https://…]").
_LINK = re.compile(r"\[([^|\]\[]+)\|((?:https?|ftp|mailto):[^\]\s]+)\]")
# The export's first line: the key and summary, then the dates Jira adds ("Created: 12/Mar/24").
_TITLE_LINE = re.compile(r"^(\[[A-Z][A-Z0-9_]+-\d+\][ \t]+.+?)[ \t]+(Created:[ \t].*)$")
# The export's own sections, each a label alone on its line: the description and its comments.
_SECTION = re.compile(r"^(Description|Comments|Attachments|Issue Links|Sub-Tasks)[ \t]*$")
# A comment's byline ("Comment by Tomasz Wrona [ 15/Mar/24 ]").
_COMMENT_BY = re.compile(r"^Comment by (.+?)[ \t]*\[[ \t]*([^\]]+?)[ \t]*\][ \t]*$")
# A code block's language, from "{code:java}" or "{code:title=…|lang=sql}".
_LANGUAGE = re.compile(r"(?:^|\|)(?:lang(?:uage)?=)?([A-Za-z][\w+#-]*)(?:\||$)")


def jira_markdown(text: str) -> str | None:
    """The Markdown that a Jira issue's text export ``text`` stands for, line for line; None where it is
    neither a Jira export (its first line an issue's key, summary and dates, over a line of the wiki markup
    only Jira writes: an ``hN.`` heading, a ``{code}`` or ``{noformat}`` block) nor a description in that
    markup (an ``hN.`` heading and a block or macro line: no other markup writes both)."""
    lines = text.split("\n")
    first = next((at for at, line in enumerate(lines) if line.strip()), 0)
    title = _TITLE_LINE.match(lines[first].strip())
    if title is not None:
        if not any(_HEADING.match(line) or _BLOCK_MARK.match(line) for line in lines):
            return None
    elif "{" not in text or not (
        any(_HEADING.match(line) for line in lines)
        and any(_BLOCK_MARK.match(line) or _MACRO.match(line) for line in lines)
    ):
        return None
    return "\n".join(_rewrite(lines, first, title))


def _rewrite(lines: list[str], first: int, title: re.Match[str] | None) -> list[str]:
    """``lines`` rewritten as Markdown: the ``title`` line ``first`` a heading (its dates on the line under
    it), each block a fence (indented under the item it stands in), the lines of an admonition or a quote
    macro quoted (an admonition's as an alert), each line's markup Markdown's."""
    out = list(lines)
    dates = -1
    if title is not None:
        out[first] = f"# {title.group(1)}"
        dates = first + 1
        if dates < len(out) and not out[dates].strip():
            out[dates] = title.group(2)
        else:
            out[first] += f"\n{title.group(2)}"
    index, indent = (first + 1 if title is not None else 0), ""
    inside: str | None = None  # the macro whose lines are read, till its closing mark
    while index < len(lines):
        line, head, opens = lines[index], "", False
        if "{" in line and inside is None and (macro := _MACRO.match(line)):
            inside, line, opens = macro[1], line[macro.end() :], True
            head = _macro_head(inside, macro[2] or "")
        closes = inside is not None and line.rstrip().endswith(f"{{{inside}}}")
        if closes:
            line = line.rstrip()[: -len(inside or "") - 2]
        at = index
        if mark := _BLOCK_MARK.match(line):
            index = _fence(lines, out, index, mark, indent)
        else:
            if index != dates or line.strip():
                out[index], indent = _line(line, indent)
            index += 1
        # A mark alone on its line is a blank one: the closing one ends the quote, and a quote's opening
        # one is none of it.
        if inside is not None and (head or line.strip() or not (closes or opens)):
            _quote(out, at, index, head, quoted=inside != "panel")
        if closes:
            inside, indent = None, ""
    return out


def _macro_head(kind: str, parameters: str) -> str:
    """What a macro's opening mark says: an admonition's kind as an alert's ("[!WARNING]"), a panel's
    title in bold, nothing for a quote."""
    if kind in _ALERT_KINDS:
        return f"[!{_ALERT_KINDS[kind]}]"
    titled = _TITLE_PARAMETER.search(parameters) if kind == "panel" else None
    return f"**{titled[1].strip()}**" if titled else ""


def _quote(out: list[str], start: int, end: int, head: str, *, quoted: bool) -> None:
    """Set the lines ``out[start:end]`` of a macro apart, ``head`` (its opening mark's words) before the
    first: quoted (an admonition's, a quote's) or as they are (a panel's)."""
    for number in range(start, end):
        text = out[number]
        if number == start and head:
            text = f"{head} {text}".rstrip() if quoted else f"{head}\n{text}".rstrip()
        if quoted:
            text = "\n".join(f"> {part}".rstrip() for part in text.split("\n"))
        out[number] = text


def _fence(lines: list[str], out: list[str], index: int, mark: re.Match[str], indent: str) -> int:
    """Rewrite the block that ``mark`` opens on line ``index`` as a fence, indented by ``indent`` (the text
    column of the item it stands under); the line past its closing mark (or the end, where none closes it)."""
    end = next(
        (
            n
            for n in range(index + 1, len(lines))
            if (close := _BLOCK_MARK.match(lines[n])) and close[1] == mark[1]
        ),
        len(lines),
    )
    language = _LANGUAGE.search(mark[2] or "") if mark[1] == "code" else None
    out[index] = f"{indent}```{language[1] if language else ''}"
    for number in range(index + 1, end):
        out[number] = f"{indent}{lines[number]}" if lines[number].strip() else ""
    if end < len(lines):
        out[end] = f"{indent}```"
    else:
        out[-1] += f"\n{indent}```"
    return end + 1


def _line(line: str, indent: str) -> tuple[str, str]:
    """A line of text as Markdown, and the text column of the list item it is or goes on (``indent``, the
    item's before it); "" after any other line, as a blank line or a paragraph ends a Jira list."""
    if heading := _HEADING.match(line):
        return f"{'#' * int(heading[1])} {_inline(heading[2])}", ""
    if _SECTION.match(line):
        return f"## {line.strip()}", ""
    if comment := _COMMENT_BY.match(line):
        # A byline, as other trackers print a comment's: the writer in bold, then the date, a paragraph of its
        # own (the comment's first line is right under it).
        return f"**{comment[1]}** \u00b7 {comment[2]}\n", ""
    if item := ITEM.match(line):
        return item_markdown(item[1], _inline(item[2]))
    if not line.strip():
        return "", ""
    return _inline(line), indent


def item_markdown(marks: str, text: str) -> tuple[str, str]:
    """A wiki list item (``marks`` one per level, "#" numbered, "*" a bullet, as Jira's and Textile's
    markup write them) of ``text`` as a Markdown item, and the text column of what goes on under it."""
    # Each level is indented under the text of the one above it: "1. " or "- ".
    nested = "".join("   " if mark == "#" else "  " for mark in marks[:-1])
    bullet = "1. " if marks[-1] == "#" else "- "
    return f"{nested}{bullet}{text}", nested + " " * len(bullet)


def _inline(text: str) -> str:
    """``text`` with Jira's inline markup as Markdown's: code spans, mentions as handles, links."""
    text = _INLINE_BLOCK.sub(lambda m: f"`{m[2]}`", text)
    text = _MONOSPACE.sub(lambda m: f"`{m[1]}`", text)
    text = _MENTION.sub(r"@\1", text)
    return _LINK.sub(r"[\1](\2)", text)
