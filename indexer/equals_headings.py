"""The heading that wikis writing "=" runs around a line's words (Trac, XWiki, Zim, Creole) make of a line.

Each of them writes a heading as its words between runs of "=" as long on both sides, but they count its
level differently (Trac and XWiki one "=" the top level, Zim six), so each reader maps the run's length;
Creole leaves the closing run optional.
"""

from __future__ import annotations

import re

# A heading: a run of one to six "=", its words, as long a run; Trac may add its anchor ("#upstream").
_HEADING = re.compile(r"^[ \t]*(={1,6})[ \t]*([^=\s](?:.*?[^=\s])?)[ \t]*(={1,6})(?:[ \t]+#[\w:.-]+)?[ \t]*$")
# Creole's: a closing run of any length or none, and no anchor ("= Error #42" is all words).
_OPEN_HEADING = re.compile(r"^[ \t]*(={1,6})[ \t]*([^=\s](?:.*?[^=\s])?)[ \t]*(=*)[ \t]*$")


def equals_heading(line: str, *, open_ended: bool = False) -> tuple[int, str] | None:
    """The length of the opening "=" run and the words of the heading ``line`` is; None where it is none
    (its runs differ in length, or it holds no words). Creole counts only the opening run: ``open_ended``,
    the closing run may be any length, or missing."""
    if "=" not in line or not line.lstrip().startswith("="):
        return None
    if open_ended:
        found = _OPEN_HEADING.match(line)
    elif (found := _HEADING.match(line)) is not None and len(found[1]) != len(found[3]):
        return None
    if found is None:
        return None
    return len(found[1]), found[2]
