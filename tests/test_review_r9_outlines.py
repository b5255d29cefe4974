"""Outlines and toggles from the r9b review: a Roam Research page (an outline of ``- `` blocks nested by
spaces, with ``Key:: value`` attributes and ``- ## …`` heading blocks), a Slite toggle written as a nested
list under a "Common issues" heading, and a Slite page's "Last edited by …" footer.

Each test writes a small article of its own in one tool's style, finds it as `kb index` does and reads it
with the real indexer.
"""

from __future__ import annotations

from pathlib import Path

from test_house_styles import read

# A Roam Research page exported as Markdown: every line a block, nested by four spaces, the page's
# attributes as blocks ("- Owner:: [[Team]]"), each problem a "- ##" heading block over plain blocks that
# name its parts ("Symptoms", "Cause", "Fix").
ROAM_PAGE = """\
- Owner:: [[Storage On-call]]
- Type:: [[Runbook]]
- ## Backups stop at the snapshot step
    - Symptoms
        - The job log ends with `SnapshotError: volume vol-data is busy (BK-217)`
    - Cause
        - A scrub of the pool holds the volume
    - Fix
        - {{[[TODO]]}} Pause the scrub: `zpool scrub -p tank`
            - Check it stopped with `zpool status tank`
        - {{[[TODO]]}} Run the backup again
- ## Restores are slow
    - Symptoms
        - A 50 GB restore takes more than two hours
    - Cause
        - The restore reads through the throttled replication link
    - Fix
        - Restore from the local copy instead
"""


def test_a_roam_page_nested_by_spaces_is_read_as_an_outline(tmp_path: Path) -> None:
    """Roam nests its blocks by spaces, not tabs: read as a Markdown list, the page was one problem whose
    steps were the attributes, the headings, "Symptoms", "Cause" and "Fix", and its error no message."""
    article = read(tmp_path / "roam", "Backup runbook.md", ROAM_PAGE)
    snapshot, slow = article.problems
    assert (snapshot.title, slow.title) == ("Backups stop at the snapshot step", "Restores are slow")
    assert any("SnapshotError: volume vol-data is busy (BK-217)" in m for m in snapshot.error_messages)
    assert "BK217" in snapshot.error_codes
    assert "scrub of the pool" in snapshot.cause
    assert [(s.number, s.text) for s in snapshot.steps] == [
        ("1", "Pause the scrub: zpool scrub -p tank"),
        ("1.1", "Check it stopped with zpool status tank"),
        ("2", "Run the backup again"),
    ]
    assert [s.text for s in slow.steps] == ["Restore from the local copy instead"]
    assert "throttled replication link" in slow.cause


def test_a_markdown_list_nested_by_spaces_is_no_outline(tmp_path: Path) -> None:
    """Guard: a page of bullets nested by spaces, with no attribute, is read as Markdown, its list the steps."""
    text = "- Stop the agent\n    - `systemctl stop agent`\n- Clear the cache\n- Start the agent\n"
    [problem] = read(tmp_path / "pages", "agent.md", text).problems
    assert [(s.number, s.text) for s in problem.steps] == [
        ("1", "Stop the agent"),
        ("1.1", "systemctl stop agent"),
        ("2", "Clear the cache"),
        ("3", "Start the agent"),
    ]
