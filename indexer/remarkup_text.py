"""A Phabricator page in Remarkup (a Maniphest task's, a Phriction wiki's) saved as .txt, read as the
Markdown its markup stands for.

Remarkup writes headings between runs of "=" (``= Description =``, ``== Symptoms ==``; the closing run may be
left out), numbered items as ``#`` (``##`` one level deeper) and bullets as ``-`` or ``*``, code in ```
blocks, ``##monospace##`` and ``//italic//`` inline, ``[[url | words]]`` links and ``NOTE:`` paragraphs. A
task saved from its page opens with its "T<number>: title" line over its status and fields, and ends with
its activity ("**name** added a comment.", "… changed the task status …", "… awarded a token."). Read as
Markdown, ``#`` items were headings and the "=" lines text (or a DokuWiki page's headings, five levels
deep): the task was one problem titled by its file's name, its number an error code and its symptoms its
steps. Each construct is rewritten as the Markdown that says the same, line for line, so that lines keep
their numbers: but the heading that opens the task's activity stands over its first line, a line more.
"""

from __future__ import annotations

import re

from indexer.dates import ACTIVITY_VERB
from indexer.jira_text import item_markdown
from indexer.wiki_inline import double_hash_code, slash_italics

# A heading: one to five "=", its words, perhaps a closing run of "=".
_HEADING = re.compile(r"^(={1,5})[ \t]*([^=\s](?:.*?[^=\s])?)[ \t]*(?:=+[ \t]*)?$")
# A page of an object's (a task's "T48213: …", a revision's "D1290: …", a paste's, a mock's, a poll's): its
# monogram and number, then its title.
_OBJECT_TITLE = re.compile(r"^[TDPMV]\d+:[ \t]+(\S.*)$")
# A list item: its indentation, its marks ("#" numbered, "-" or "*" a bullet; one more a level deeper), text.
_ITEM = re.compile(r"^([ \t]*)([#*-]{1,6})[ \t]+(\S.*)$")
# A fence, and its language as Remarkup writes it ("```lang=bash").
_FENCE = re.compile(r"^([ \t]*)```(?:lang=)?([\w+#.-]*)[ \t]*$")
# A note paragraph ("NOTE: …", "(WARNING) …").
_NOTE = re.compile(r"^(?:(NOTE|WARNING|IMPORTANT):|\((NOTE|WARNING|IMPORTANT)\))[ \t]+(.*)$")
# A line of the task's activity: who did what, then when ("**jchen** added a comment. Mar 3 2024, 11:40 AM").
_ACTIVITY = re.compile(rf"^\*\*[^*\n]+\*\*[ \t]+{ACTIVITY_VERB}\b.*\d{{4}}\b.*$")
# Inline markup: a link with its words ("[[https://… | Docs]]") (monospace and italics: indexer.wiki_inline).
_LINK = re.compile(r"\[\[[ \t]*([^|\[\]]+?)[ \t]*(?:\|[ \t]*([^\[\]]+?)[ \t]*)?\]\]")


def remarkup_markdown(text: str) -> str | None:
    """The Markdown that a Remarkup page's ``text`` stands for, line for line; None where it is no Remarkup
    page: no line is a "=" heading, or the page neither opens with an object's "T<number>: title" line nor
    holds both a ``#`` item and a ``` block, which Remarkup writes and DokuWiki does not."""
    if "=" not in text:
        return None
    lines = text.split("\n")
    first = next((at for at, line in enumerate(lines) if line.strip()), 0)
    titled = _OBJECT_TITLE.match(lines[first]) is not None
    if not titled and not (
        "```" in text and any(line.startswith("#") and _ITEM.match(line) for line in lines)
    ):
        return None
    if not any(line.startswith("=") and _HEADING.match(line) for line in lines):
        return None
    return "\n".join(_rewrite(lines, first if titled else None))


def _rewrite(lines: list[str], title: int | None) -> list[str]:
    """``lines`` rewritten as Markdown: the object's ``title`` line (its index) the page's title, each
    heading a level under it."""
    out: list[str] = []
    deeper = 0 if title is None else 1
    # The indentation and marks of each open list level.
    levels: list[tuple[int, str]] = []
    fenced = False
    note = False
    activity = False
    for index, line in enumerate(lines):
        stripped = line.strip()
        if fenced:
            fenced = not stripped.startswith("```")
            out.append(line)
            continue
        if fence := _FENCE.match(line):
            fenced = True
            out.append(f"{fence[1]}```{fence[2]}")
            continue
        if index == title:
            found = _OBJECT_TITLE.match(line)
            out.append(f"# {_inline(found[1]) if found else line}")
            continue
        if not stripped:
            note = False
            out.append("")
            continue
        if note:
            out.append(f"> {_inline(stripped)}")
            continue
        if line.startswith("**") and _ACTIVITY.match(line):
            # The task's activity, under a heading of its own as the other trackers' exports write it.
            out.append(f"{'' if activity else '## Comments' + chr(10)}{line}")
            activity = True
            continue
        if line.startswith("=") and (heading := _HEADING.match(line)):
            out.append(f"{'#' * min(len(heading[1]) + deeper, 6)} {_inline(heading[2])}")
            levels = []
            continue
        if found_note := _NOTE.match(stripped):
            note = True
            out.append(f"> [!{found_note[1] or found_note[2]}] {_inline(found_note[3])}")
            continue
        if item := _ITEM.match(line):
            depth = len(item[1].expandtabs(2))
            levels = [(d, m) for d, m in levels if d < depth or (d == depth and len(m) < len(item[2]))]
            levels.append((depth, item[2]))
            marks = "".join("#" if m[-1] == "#" else "*" for _, m in levels)
            out.append(item_markdown(marks, _inline(item[3]))[0])
            continue
        if not line[:1].isspace():
            levels = []
        out.append(_inline(line))
    return out


def _inline(text: str) -> str:
    """``text`` with Remarkup's inline markup as Markdown's: monospace, italics, links."""
    if "##" in text:
        text = double_hash_code(text)
    if "//" in text:
        text = slash_italics(text)
    if "[[" in text:
        text = _LINK.sub(lambda m: f"[{m[2]}]({m[1]})" if m[2] else m[1], text)
    return text
