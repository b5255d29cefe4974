"""The heading that wikis writing "=" runs around a line's words (Trac, XWiki, Zim, Creole) make of a line.

Each of them writes a heading as its words between runs of "=" as long on both sides, but they count its
level differently (Trac and XWiki one "=" the top level, Zim six), so each reader maps the run's length; Creole leaves the closing run optional.
"""

from __future__ import annotations

import re

# A heading: a run of one to six "=", its words, a closing run; Trac may add its anchor ("#upstream").
_HEADING = re.compile(r"^[ \t]*(={1,6})[ \t]*([^=\s](?:.*?[^=\s])?)[ \t]*(={0,6})(?:[ \t]+#[\w:.-]+)?[ \t]*$")


def equals_heading(line: str, *, open_ended: bool = False) -> tuple[int, str] | None:
    """The length of the opening "=" run and the words of the heading ``line`` is; None where it is none
    (its runs differ in length, or it holds no words). Creole counts only the opening run: ``open_ended``,
    the closing run may be any length, or missing."""
    if "=" not in line or not line.lstrip().startswith("="):
        return None
    found = _HEADING.match(line)
    if found is None or (len(found[1]) != len(found[3]) and not open_ended):
        return None
    return len(found[1]), found[2]
