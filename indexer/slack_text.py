"""A Slack conversation copied out of the app, read as the Markdown thread it stands for.

Slack copies each message as its writer's name and the time, two spaces apart, on a line of their own
("Jane Doe  10:42 AM"), then its text; a message's reactions (":eyes: 2"), a thread's counts and link
("3 replies", "Last reply today at 11:05 AM", "View thread"), a reply's "replied to a thread:" and a
changed message's "(edited)" are lines and words of the app's. Read as a page of paragraphs, the first
message's name and time titled the page, every message was its symptoms, a reaction was glued to the
last step and the thanks after the fix was its note. Each byline is rewritten as the bold name and the
time that a thread's byline is (:mod:`indexer.threads`), in a paragraph of its own, a line more; a reply
with a check-mark reaction (the asker's tick) is marked as the thread's solution; the app's lines are
blank, so that the others keep their place after the bylines.
"""

from __future__ import annotations

import re

from indexer.dates import CLOCK
from indexer.messages import reads_as_failure
from indexer.posts import NAME

# A message's byline: the writer's name, two spaces or a tab, the time ("Jane Doe  10:42 AM").
_BYLINE = re.compile(rf"(?P<name>{NAME.pattern})(?:[ \t]{{2,}}|\t)(?P<when>{CLOCK})[ \t]*")
# A message's reactions, each an emoji's name between colons and its count (":white_check_mark: 3 :pray: 1").
REACTIONS = re.compile(r":[\w+'-]{1,40}:[ \t]+\d{1,4}(?:[ \t]+:[\w+'-]{1,40}:[ \t]+\d{1,4})*[ \t]*")
# The reactions that tick a reply as the one that worked.
_TICK = re.compile(r":(?:white_check_mark|heavy_check_mark|ballot_box_with_check):")
# The app's own lines around a thread: its counts and link, and what a reply says it is.
_APP_LINE = re.compile(
    r"\d{1,4}[ \t]+repl(?:y|ies)|last[ \t]+reply[ \t][^\n]*|view[ \t]+(?:thread|newer[ \t]+replies)"
    r"|replied[ \t]+to[ \t]+a[ \t]+thread:[^\n]*|also[ \t]+sent[ \t]+to[ \t]+the[ \t]+channel",
    re.IGNORECASE,
)
# A line that a chat's message numbers or bullets, a step of its own.
_LIST_ITEM = re.compile(r"(?:\d{1,3}[.)]|[-*\u2022])[ \t]")
# The mark the app adds after a message its writer changed.
_EDITED = re.compile(r"[ \t]*\(edited\)[ \t]*$")


def slack_markdown(text: str) -> str | None:
    """The Markdown thread that a Slack conversation ``text`` stands for (see the module's docstring);
    None where it is none: its first line is no message's byline, or no other byline follows it."""
    lines = text.split("\n")
    first = next((at for at, line in enumerate(lines) if line.strip()), 0)
    # The first line is the cheap test: a page that does not open with a byline is not read further.
    if not _BYLINE.fullmatch(lines[first].strip()):
        return None
    found = {
        at: byline for at in range(first, len(lines)) if (byline := _BYLINE.fullmatch(lines[at].strip()))
    }
    bylines = list(found)
    if len(bylines) < 2:
        return None
    ticked = {
        start
        for start, end in zip(bylines[1:], [*bylines[2:], len(lines)], strict=True)
        if any(map(ticks, lines[start:end]))
    }
    out: list[str] = []
    for at, line in enumerate(lines):
        said = line.strip()
        if _pasted_output(lines, at, found):
            out.append(f"```\n{said}\n```")
        elif (byline := found.get(at)) is not None:
            mark = " \u00b7 \u2705" if at in ticked else ""
            before = "\n" if out and out[-1].strip() else ""
            out.append(f"{before}**{byline['name']}** \u00b7 {byline['when']}{mark}\n")
        elif REACTIONS.fullmatch(said) or _APP_LINE.fullmatch(said):
            out.append("")
        else:
            out.append(_EDITED.sub("", line))
    return "\n".join(out)


def ticks(line: str) -> bool:
    """Whether a message's ``line`` is its reactions with a check mark among them: the asker's tick on
    the reply that worked."""
    return bool(REACTIONS.fullmatch(line.strip()) and _TICK.search(line))


def _pasted_output(lines: list[str], at: int, bylines: dict[int, re.Match[str]]) -> bool:
    """Whether ``lines[at]`` is a failure a message shows on a line of its own under the words that lead in
    to it ("the job log ends with:" over "ERROR: …"): what was printed, which a chat keeps on its line
    where Markdown would run it on into the sentence above."""
    said = lines[at].strip()
    above = lines[at - 1].strip() if at else ""
    return (
        above.endswith(":")
        and at - 1 not in bylines
        and not _LIST_ITEM.match(said)
        and reads_as_failure(said)
    )
