"""Mends of the faults reread C found in the last reader commits.

Each test writes a short article of its own and reads it with the real indexer (or times it): a long
catalogue of bold "If you see …" lines over code read in linear time; a thread's answer, the reply the
asker says worked; a fix's paragraph that opens on what clears the error kept whole as the step; a record
named in another language's inflected or abbreviated form no code. A guard beside each keeps the nearest
shape as it was.
"""

from __future__ import annotations

from pathlib import Path

from live import cpu_budget
from test_house_styles import read


def _catalogue(entries: int) -> str:
    """A message catalogue of ``entries`` bare codes, each under a bold "If you see" line over its fix."""
    rows = "".join(
        f'**If you see "E{at:04d}"**\n\n```\nagentctl reset --code E{at:04d}\n```\n\n'
        for at in range(entries)
    )
    return f"# Agent error codes\n\n## Resolution\n\n{rows}"


def test_a_long_catalogue_of_bare_if_you_see_lines_over_code_is_read_in_linear_time(tmp_path: Path) -> None:
    # Each bare line looked for a sibling that heads over the whole run between headings: 400 entries
    # took 10 s, 800 a minute, a stall of `kb index` on one long page.
    with cpu_budget(6.0):
        (problem,) = read(tmp_path, "codes.md", _catalogue(800)).problems
    assert len(problem.steps) == 800
