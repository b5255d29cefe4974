"""A Vim help file (a plugin's ``doc/NAME.txt``), read as the Markdown its layout stands for.

A help file opens with its own tag and a line about it (``*tidepool.txt*	For Tidepool version 2.3``) and
ends with a modeline (`` vim:tw=78:ts=8:noet:ft=help:norl:``). A section opens under a rule of "=" with its
title and, at the right margin, the tags it is found by (``1. Sync fails at startup		*tp-sync-fails*``);
an entry of a list of messages opens with its tags alone and the ``>`` of the example that quotes it
(``*TP512*  >`` over the indented message, its explanation under it). A line that ends in ``>`` opens an
example (a command, a message), indented, to a line that opens with ``<`` or text at the left margin, and
``|:TidepoolSync|`` links to a tag. Read as plain text, the file was one problem whose steps were its
sections' titles and whose error messages were never read. Each line is rewritten as the Markdown that says
the same, line for line, so that every line before the first example keeps its number (an example's
opening fence is a line more, two where no ``<`` ends it, so each line after it stands that many lines further
down): a section is a heading, its tags no words, a heading in it (``Cause ~``) one a level under, and the table
of contents that links to them nothing; a message's entry a heading of its tags, its message code; an example a
fence, inside the list item it is written in; a link its tag as code; the file's own tag line, its rules and its
modeline nothing.
"""

from __future__ import annotations

import re

# The file's first line: its own tag, a help file's name ("*tidepool.txt*"), then what it is about.
_HEADER = re.compile(r"[ \t]*\*[^\s*|]+\.txt\*(?:[ \t].*)?")
# A word that is a tag, and one that is a link: a line that ends in tags, two spaces or a tab after its text,
# is a section's or an entry's title; one that ends in links so, a line of the table of contents ("2. Index is
# corrupt		|tp-index-corrupt|"), which the sections' own headings say.
_TAG_WORD = re.compile(r"\*[^\s*|\"]+\*")
_LINK_WORD = re.compile(r"\|[^\s|]+\|")
_SPACES = re.compile(r"([ \t]+)")
# How a sentence's text ends, or a lead-in's, before the links it sends to: a line that ends so, its links after
# two spaces ("The server address in your vimrc is wrong.  See the option's entry.  |g:tp_server|", "Also see:
# |tp-config|"), is text, no title of the table of contents; dropped as one, its sentence was lost.
_SAYS_ON = (".", "!", "?", ":", ",", ";")
# A tag anywhere in a line (where ":help" finds a topic): no words of it.
_TAG = re.compile(rf"(?<!\S){_TAG_WORD.pattern}(?!\S)")
# A section's number before its title ("1.", "2.3", "2.3."), which its heading does not need: a dot after its
# first number. A title that opens with a number of its own keeps it ("502 Bad Gateway from the registry",
# "5 GHz clients cannot join"): stripped, the title lost its code.
_SECTION_NUMBER = re.compile(r"^\d+\.(?:\d+\.?)*[ \t]+(?=\S)")
# A link to a tag ("|:TidepoolSync|"), as Vim's syntax reads one: no space nor bar in it.
_LINK = re.compile(r"(?<![\\|])\|([^\s|]+)\|(?!\|)")
# A heading inside a section, marked by the "~" that ends it (Vim's helpHeader, "Cause ~"): a part of the
# section's problem. Read as text, "Symptom ~", "Cause ~" and "Fix ~" and what they head were all symptoms.
_SUB_HEADING = re.compile(r"[ \t]*([^\s~].*?)[ \t]?~[ \t]*")
# A rule of "=" (between sections) or "-" (between a section's parts).
_RULE = re.compile(r"^[ \t]*(?:={10,}|-{10,})[ \t]*$")
# The modeline that makes Vim read the file as help.
_MODELINE = re.compile(r"^[ \t]*vim?:.*\b(?:ft|filetype)=help\b")
# The mark that ends a line opening an example (">", or ">vim" naming its language), and a list item's mark.
_EXAMPLE = re.compile(r"(?:^|[ \t])>\w*[ \t]*$")
_ITEM = re.compile(r"^[ \t]*(?:\d+[.)]|[-*•])[ \t]+")


def vim_help_markdown(text: str) -> str | None:
    """The Markdown that Vim help text ``text`` stands for; None where it is none (its first line that is not
    blank is no help file's tag line, ``*NAME.txt*``, or no later line is its modeline or a tagged title)."""
    lines = text.split("\n")
    first = next((at for at, line in enumerate(lines) if line.strip()), None)
    if first is None or not _HEADER.fullmatch(lines[first]):
        return None
    # A tag line alone is no help file: a plain note may open with a starred file name ("*hosts.txt* changes
    # are ignored after the VPN update", then "Symptom:" and "Cause:"), and read as help it lost its title and
    # cause. A help file also says so in its modeline or tags a section at the right margin.
    if not any(_MODELINE.match(line) or _ending(line, _TAG_WORD) for line in lines[first + 1 :]):
        return None
    out = [""] * (first + 1)
    headings: list[int] = []  # where each section's or entry's heading stands in ``out``
    example: str | None = None  # while in an example, the indentation of the fence it stands in
    opened = 0  # where the example's first line stands in ``out``
    for line in lines[first + 1 :]:
        if example is not None:
            if not line.strip() or line[:1] in " \t":
                out.append(line.expandtabs() if line.strip() else "")
                continue
            # "<" ends the example (the rest of its line is text); so does text at the left margin.
            _close_example(out, opened, example)
            example = None
            if line.startswith("<"):
                if not line[1:].strip():
                    continue
                line = line[1:]
        if mark := _EXAMPLE.search(line):
            example = " " * len(item[0]) if (item := _ITEM.match(line)) else ""
            out.append(_line(line[: mark.start()], opens_example=True) + "\n" + example + "```")
            opened = len(out)
        else:
            out.append(_line(line))
        if out[-1].startswith("## "):
            headings.append(len(out) - 1)
    if example is not None:
        _close_example(out, opened, example)
    # A file of one section is that section's page: its title the page's (under "##" alone, a title that
    # names no trouble, "Cache keeps growing", read as a label over the steps).
    if len(headings) == 1:
        out[headings[0]] = out[headings[0]][1:]
    return "\n".join(out)


def _close_example(out: list[str], opened: int, indent: str) -> None:
    """Close the example whose lines, as written (tabs expanded), stand in ``out`` from ``opened``: each at
    ``indent`` (the list item's it is in) less the indentation they all share, then its closing fence. Only the
    shared indentation is the help file's: stripped from each line, an example's YAML (``sync:`` over
    ``  server: …``) lost its nesting and was another document."""
    written = out[opened:]
    shared = min((len(text) - len(text.lstrip(" ")) for text in written if text), default=0)
    out[opened:] = [indent + text[shared:] if text else "" for text in written]
    out.append(indent + "```")


def _line(line: str, *, opens_example: bool = False) -> str:
    """One line of a help file's text, not in an example, as Markdown (``opens_example``: its ">" mark,
    left out, opened one)."""
    if (
        _RULE.match(line)
        or _MODELINE.match(line)
        or ((contents := _ending(line, _LINK_WORD)) and contents[0] and not contents[0].endswith(_SAYS_ON))
    ):
        return ""
    if tagged := _ending(line, _TAG_WORD):
        title = _SECTION_NUMBER.sub("", tagged[0])
        # A message's entry: its tags alone over the example that quotes it, the example's mark its last.
        if not title and opens_example:
            title = " ".join(tag.strip("*") for tag in tagged[1])
        return f"## {_inline(title)}" if title else ""
    if heading := _SUB_HEADING.fullmatch(line):
        return f"### {_inline(heading[1])}"
    return _inline(line.lstrip(" \t"))


def _ending(line: str, word: re.Pattern[str]) -> tuple[str, list[str]] | None:
    """The text of ``line`` and the words at its end that are each a ``word``, where there are any and two
    spaces or a tab part them from the text (or there is none); None where not. Word by word, not by one
    pattern, which would try the rest of the line from every word of a long one."""
    parts = _SPACES.split(line.rstrip(" \t"))  # words at even places, the spaces between them at odd ones
    at = len(parts) - 1
    while at >= 0 and word.fullmatch(parts[at]):
        at -= 2
    if at == len(parts) - 1:
        return None
    text = "".join(parts[: at + 1]).strip(" \t")
    if text and "\t" not in parts[at + 1] and len(parts[at + 1]) < 2:
        return None
    return text, parts[at + 2 :: 2]


def _inline(text: str) -> str:
    """``text`` with its tags left out and its links as code."""
    return _LINK.sub(lambda m: f"`{m[1]}`", _TAG.sub("", text)).strip()
