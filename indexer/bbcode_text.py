"""A phpBB forum thread saved as text, read as the Markdown its BBCode and layout stand for.

A board's topic page copied out keeps its posts' BBCode (``[b]``, ``[i]``, ``[code]``, ``[quote="user"]``,
``[list=1]`` with ``[*]`` items, ``[url=…]``) and the board's own lines around them: its trail over the
topic ("Board index ‹ Hardware ‹ Printers"), the topic's title, its buttons and pages ("Post Reply",
"12 posts • Page 1 of 1"), each post's title ("Re: …") over its byline ("user » Tue Oct 08, 2024 7:42 pm"),
"Top" under each post, and the board's footer after the last ("Who is online", "Powered by phpBB").
Read as the Markdown it also is, the posts and the board's lines were one problem's steps, the marks
were words and the error in ``[code]`` no message. Each post is rewritten as a thread's (see
:mod:`indexer.threads`): its byline a byline after a rule, its BBCode Markdown, the board's lines no
text; line for line, so that lines keep their numbers (but a byline is a paragraph of its own, a line
more, and a block's fences may add one).
"""

from __future__ import annotations

import re

from indexer.dates import MONTH, WEEKDAY

# A post's byline: its writer's name (in bold or not), "»", and when it was posted, as phpBB prints it.
_BYLINE = re.compile(
    rf"(?:\[b\])?([^\[\]\n\u00bb]{{1,40}}?)(?:\[/b\])?[ \t]+\u00bb[ \t]+((?:{WEEKDAY}[ \t]+)?{MONTH}\.?[ \t]+\d.*)"
)
# The line phpBB prints under every post, a link back to the page's top.
_TOP = re.compile(r"^[ \t]*Top[ \t]*$")
# A post's own title over its byline, the topic's with a reply's "Re: " before it.
_REPLY_TITLE = re.compile(r"^[ \t]*(?:\[b\])?Re:[ \t].*$")
# The topic's buttons and its count of posts and pages, on the lines between its title and its first post.
_TOPIC_BAR = re.compile(r"\b(?:post reply|\d+ posts?\b|page \d+ of \d+)", re.IGNORECASE)
# A board's trail to the topic: places apart by "‹" or "»" ("Board index ‹ Hardware ‹ Printers").
_TRAIL = re.compile(r"[^\[\]\n\u2039\u00bb]{1,60}(?:[\u2039\u00bb][^\[\]\n\u2039\u00bb]{1,60}){1,12}")
# A list's opening and closing tags, and an item's mark.
_LIST_OPEN = re.compile(r"\[list(?:=([^\]\n]{0,10}))?\]", re.IGNORECASE)
_LIST_CLOSE = re.compile(r"\[/list\]", re.IGNORECASE)
_ITEM = re.compile(r"^[ \t]*\[\*\][ \t]*")
# Code, on its line with the text around it or alone ("[code]…[/code]", "[code=bash]").
_CODE_OPEN = re.compile(r"\[code(?:=[^\]\n]{0,40})?\]", re.IGNORECASE)
_CODE_CLOSE = re.compile(r"\[/code\]", re.IGNORECASE)
_INLINE_CODE = re.compile(r"\[code(?:=[^\]\n]{0,40})?\](.{0,2000}?)\[/code\]", re.IGNORECASE)
# A quote of an earlier post ('[quote="kevmcd"]…[/quote]', "[quote=kevmcd post_id=3]").
_QUOTE_OPEN = re.compile(r"\[quote(?:=(\"[^\"\]\n]{0,60}\"|[^\]\s]{0,60})[^\]\n]{0,60})?\]", re.IGNORECASE)
_QUOTE_CLOSE = re.compile(r"\[/quote\]", re.IGNORECASE)
# Inline marks: emphasis, links, and the marks that only style their words (colour, size, underline).
_BOLD = re.compile(r"\[b\](.{0,300}?)\[/b\]", re.IGNORECASE)
_ITALIC = re.compile(r"\[i\](.{0,300}?)\[/i\]", re.IGNORECASE)
_LINK = re.compile(r"\[url=([^\]\s]{1,2000})\](.{0,300}?)\[/url\]", re.IGNORECASE)
_BARE_LINK = re.compile(r"\[url\]([^\[\]\s]{0,2000})\[/url\]", re.IGNORECASE)
_STYLE = re.compile(r"\[/?(?:u|s|color|size|font|center|left|right)(?:=[^\]\n]{0,40})?\]", re.IGNORECASE)
# The fewest BBCode marks that, beside a byline, tell a board's page.
_MARK = re.compile(r"\[(?:/b|/code|/quote|/list|\*)\]", re.IGNORECASE)


def bbcode_markdown(text: str) -> str | None:
    """The Markdown that a phpBB topic saved as text (``text``) stands for, line for line; None where it
    is none: no line is a post's byline ("user » date"), or no BBCode mark closes anywhere."""
    if "\u00bb" not in text:
        # No byline anywhere: most text files, turned away before they are split into lines.
        return None
    lines = text.split("\n")
    # Each byline's match by its line, found once: looked up in a list, every line cost a pass over the posts.
    bylines = {
        at: found
        for at, line in enumerate(lines)
        if "\u00bb" in line and (found := _BYLINE.fullmatch(line.strip())) is not None
    }
    if not bylines or not any(_MARK.search(line) for line in lines):
        return None
    tops = [at for at, line in enumerate(lines) if _TOP.match(line)]
    # After the last post's "Top", the board's footer: its sorting controls, who is online, its software.
    first, last = min(bylines), max(bylines)
    end = tops[-1] if tops and tops[-1] > last else len(lines)
    out = [""] * len(lines)
    _preface(lines[:first], out)
    for at in range(first, end):
        line = lines[at]
        if (byline := bylines.get(at)) is not None:
            # A rule, then the writer in bold and the date after a middle dot, as other forums export a post:
            # the rule on a line the board's words left empty, under another, where there is one.
            out[at] = f"**{byline[1].strip()}** \u00b7 {byline[2].strip()}\n"
            if at >= 2 and not out[at - 1] and not out[at - 2].strip():
                out[at - 1] = "---"
            else:
                out[at] = f"---\n\n{out[at]}"
        elif not (_TOP.match(line) or _REPLY_TITLE.match(line)):
            out[at] = line
    return "\n".join(_body(out, first))


def _preface(lines: list[str], out: list[str]) -> None:
    """Write the lines over the first post in ``out``: the topic's title (the first line that is no trail
    and no bar of buttons) as a heading; the trail and the bar are the board's."""
    for at, line in enumerate(lines):
        said = line.strip()
        if not said or _TRAIL.fullmatch(said) or _TOPIC_BAR.search(said):
            continue
        out[at] = f"# {_inline(said)}"
        return


def _body(out: list[str], start: int) -> list[str]:
    """The posts' lines from ``start`` on, their BBCode as Markdown: lists as items, code as fences or
    spans, quotes as quoted lines, inline marks as Markdown's."""
    depth: list[str] = []
    quoted = code = False
    fence_below = -1
    for at in range(start, len(out)):
        line = out[at]
        if at == fence_below:
            out[at] = "```"
            continue
        if code:
            closes = _CODE_CLOSE.search(line)
            if closes is None:
                continue
            out[at] = f"{line[: closes.start()]}\n```\n{line[closes.end() :]}".rstrip()
            code = False
            continue
        if alone := _INLINE_CODE.fullmatch(line.strip()):
            # A code box on its own line, as the board shows it: a block, its fences on the blank lines
            # around it where there are.
            if at > start and not out[at - 1].strip():
                out[at - 1], out[at] = "```", alone[1]
            else:
                out[at] = f"```\n{alone[1]}"
            if at + 1 < len(out) and not out[at + 1].strip():
                fence_below = at + 1
            else:
                out[at] += "\n```"
            continue
        line = _INLINE_CODE.sub(lambda m: f"`{m[1]}`", line)
        if opens := _CODE_OPEN.search(line):
            # A block: its lines as they are, in a fence.
            before, after = line[: opens.start()].rstrip(), line[opens.end() :]
            out[at] = f"{_inline(before)}\n```\n{after}".lstrip("\n")
            code = True
            continue
        if quote := _QUOTE_OPEN.search(line):
            # The board heads the quote with whom it quotes ("kevmcd wrote:"), as a mail's reply does.
            who = quote[1].strip("\"' ") if quote[1] else ""
            rest = line[: quote.start()] + line[quote.end() :]
            line = f"{who} wrote:\n> {rest}" if who else rest
            quoted = True
        closes_quote = _QUOTE_CLOSE.search(line)
        if closes_quote:
            line = line[: closes_quote.start()] + line[closes_quote.end() :]
        for opened in _LIST_OPEN.finditer(line):
            depth.append("1." if opened[1] else "-")
        closed = len(_LIST_CLOSE.findall(line))
        line = _LIST_CLOSE.sub("", _LIST_OPEN.sub("", line))
        if depth and (item := _ITEM.match(line)):
            nested = "   " * (len(depth) - 1)
            line = f"{nested}{depth[-1]} {line[item.end() :]}"
        if closed:
            del depth[-closed:]
        line = _inline(line)
        if quoted:
            # An earlier post's words, quoted under this one: no new words of its writer.
            line = f"> {line}" if line.strip() else ">"
        out[at] = line
        if quoted and closes_quote is not None and at + 1 < len(out) and out[at + 1].strip():
            # The reply goes on right under the quote: a paragraph of its own, not more of the quote.
            out[at] += "\n"
        quoted = quoted and closes_quote is None
    return out


def _inline(text: str) -> str:
    """``text`` with BBCode's inline marks as Markdown's: bold, italics, links; style marks no text."""
    text = _BOLD.sub(r"**\1**", text)
    text = _ITALIC.sub(r"*\1*", text)
    text = _LINK.sub(r"[\2](\1)", text)
    text = _BARE_LINK.sub(r"\1", text)
    return _STYLE.sub("", text)
