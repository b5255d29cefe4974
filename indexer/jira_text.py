"""A Jira issue exported as text, read as the Markdown its wiki markup stands for.

Jira's text and printable exports keep the issue's wiki markup: ``h3.`` headings, ``#`` and ``##``
numbered items, ``*`` bullets, ``{code}`` and ``{noformat}`` blocks, ``{{monospace}}`` and ``[~user]``
mentions; the export opens with "[KEY-123] Summary Created: … Updated: …" and ends with "Generated at …
using Jira …". Read as a text file's labelled parts, the issue's "Resolution: Fixed" field was its fix
and titled it; read as Markdown it also is, a "#" item was a heading and a block's lines steps. Each of
them is rewritten as the Markdown that says the same, line for line, so that lines keep their numbers:
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
    no Jira export: its first line is no issue's key, summary and dates, or no line holds the wiki markup
    only Jira writes (an ``hN.`` heading, a ``{code}`` or ``{noformat}`` block)."""
    lines = text.split("\n")
    first = next((at for at, line in enumerate(lines) if line.strip()), 0)
    title = _TITLE_LINE.match(lines[first].strip())
    if title is None or not any(_HEADING.match(line) or _BLOCK_MARK.match(line) for line in lines):
        return None
    return "\n".join(_rewrite(lines, first, title))


def _rewrite(lines: list[str], first: int, title: re.Match[str]) -> list[str]:
    """``lines`` rewritten as Markdown: the ``title`` line ``first`` a heading (its dates on the line under
    it), each block a fence (indented under the item it stands in), each other line's markup Markdown's."""
    out = list(lines)
    out[first] = f"# {title.group(1)}"
    dates = first + 1
    if dates < len(out) and not out[dates].strip():
        out[dates] = title.group(2)
    else:
        out[first] += f"\n{title.group(2)}"
    index, indent = first + 1, ""
    while index < len(lines):
        line = lines[index]
        if mark := _BLOCK_MARK.match(line):
            index = _fence(lines, out, index, mark, indent)
            continue
        if index != dates or lines[index].strip():
            out[index], indent = _line(line, indent)
        index += 1
    return out


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
