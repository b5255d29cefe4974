"""A plain-text file headed by lines between runs of "=" → the Markdown it is written in.

WordPress writes a plugin's readme.txt so: "=== Plugin Name ===" titles it, "== Frequently Asked
Questions ==" heads a section and "= Why does the test email fail? =" an entry of it, the text
between them in Markdown (lists, code spans). Such a file, one whose first line with text is a heading
so written, is read as the Markdown it stands for, each of those lines a "#" heading, the most "="
the highest: as flat text its headings were lines of text, and no problem was found under them.
"""

from __future__ import annotations

# The levels a Markdown heading has: a file with more kinds of "=" headings has its lowest at the last.
_LEVELS = 6
# A fence that opens or closes a code block, whose lines are no headings.
_FENCES = ("```", "~~~")


def equals_heading(line: str) -> tuple[int, str] | None:
    """The number of "=" around ``line`` and the words between them, when it is a heading so written
    ("== Installation ==": the same number on both sides, apart from the words by spaces); else None."""
    stripped = line.strip()
    marks = len(stripped) - len(stripped.lstrip("="))
    if not marks or len(stripped) - len(stripped.rstrip("=")) != marks or len(stripped) <= 2 * marks:
        return None
    inner = stripped[marks:-marks]
    words = inner.strip()
    if not words or inner[:1] not in (" ", "\t") or inner[-1:] not in (" ", "\t"):
        return None
    return marks, words


def as_markdown(text: str) -> str | None:
    """``text`` with its "=" headings written as Markdown's, line for line, when its first line with
    text is one (see the module's docstring); None for any other text."""
    lines = text.split("\n")
    first = next((line for line in lines if line.strip()), "")
    if equals_heading(first) is None:
        return None
    found: dict[int, tuple[int, str]] = {}
    fenced = False
    for number, line in enumerate(lines):
        if line.lstrip().startswith(_FENCES):
            fenced = not fenced
        elif not fenced and (heading := equals_heading(line)) is not None:
            found[number] = heading
    # The most "=" is the highest level, as the file's title has them.
    ranks = {marks: rank for rank, marks in enumerate(sorted({m for m, _ in found.values()}, reverse=True))}
    for number, (marks, words) in found.items():
        lines[number] = f"{'#' * min(ranks[marks] + 1, _LEVELS)} {words}"
    return "\n".join(lines)
