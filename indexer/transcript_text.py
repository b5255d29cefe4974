"""A video's transcript saved as text, read as the Markdown its layout stands for.

YouTube's transcript panel, copied and saved, writes the video's title on the first line, its channel
and views under it, "Transcript", then what is said a line at a time, each under the time it is said at
("0:21", "1:02:15") alone on its line; a chapter's title stands over the first time of its chapter, with
no time of its own. Read as a flat text, the whole transcript was one problem named after the file, a
chapter one step with its times run into it. Each line is rewritten, line for line so that lines keep
their numbers: the title a heading, each chapter's title a heading under it, each time a blank line (so
that each spoken line is a paragraph of its own), and "Transcript" a blank line too.
"""

from __future__ import annotations

import re
from functools import reduce
from itertools import pairwise

# A time a line is said at, alone on its line: "0:21", "12:05", "1:02:15".
_TIME = re.compile(r"(\d{1,2}):([0-5]\d)(?::([0-5]\d))?")
# The panel's own heading over the lines, alone on its line.
_TRANSCRIPT = re.compile(r"transcript", re.IGNORECASE)
# The fewest times that make a text a transcript: fewer are a note's times of day.
_FEWEST_TIMES = 3


def transcript_markdown(text: str) -> str | None:
    """The Markdown that a video's transcript ``text`` stands for, line for line; None where it is no
    transcript: fewer than three times alone on their lines, times that go back, or from the first
    chapter or time on, any line but a time, the line said under it, or a chapter's title over a time."""
    lines = text.split("\n")
    times = [_seconds(line) for line in lines]
    said = [at for at, time in enumerate(times) if time is not None]
    seconds = [time for time in times if time is not None]
    if len(said) < _FEWEST_TIMES or any(earlier > later for earlier, later in pairwise(seconds)):
        return None
    chapters = _chapters(lines, times)
    start = min(said[0], chapters[0]) if chapters else said[0]
    spoken = {at + 1 for at in said}
    heads = set(chapters)
    if any(
        line.strip() and times[at] is None and at not in spoken and at not in heads
        for at, line in enumerate(lines[start:], start)
    ):
        return None
    return "\n".join(_rewrite(lines, times, start, heads))


def _seconds(line: str) -> int | None:
    """The second of the video that ``line`` gives as a time alone on it; None for any other line."""
    time = _TIME.fullmatch(line.strip())
    if time is None:
        return None
    return reduce(lambda total, part: total * 60 + int(part), filter(None, time.groups()), 0)


def _chapters(lines: list[str], times: list[int | None]) -> list[int]:
    """The lines that title a chapter: a line with text, no time and not said under one, whose next line
    with text is a time; but the panel's "Transcript" over the first time of a video with no chapters."""
    found: list[int] = []
    following: int | None = None  # the time on the next line with text, read from the end
    for at in range(len(lines) - 1, 0, -1):
        line = lines[at].strip()
        if not line:
            continue
        if (
            times[at] is None
            and following is not None
            and times[at - 1] is None
            and not _TRANSCRIPT.fullmatch(line)
        ):
            found.append(at)
        following = times[at]
    return found[::-1]


def _rewrite(lines: list[str], times: list[int | None], start: int, heads: set[int]) -> list[str]:
    """``lines`` as Markdown: the first line with text the title, each chapter a heading under it, each
    time and the panel's "Transcript" before ``start`` a blank line, every other line as it is."""
    out = list(lines)
    first = next(at for at, line in enumerate(lines) if line.strip())
    out[first] = f"# {lines[first].strip()}"
    for at in range(first + 1, len(lines)):
        line = lines[at].strip()
        if times[at] is not None or (at < start and _TRANSCRIPT.fullmatch(line)):
            out[at] = ""
        elif at in heads:
            out[at] = f"## {line}"
    return out
