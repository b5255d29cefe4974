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


# A Slite page: a "Common issues" heading over toggles, each a bullet opening in bold with what the user
# sees, its parts nested under it ("Cause: …", "Fix:" over a checklist, a "💡 Tip" after them).
SLITE_TOGGLE = """\
# Expense app – known issues

## Common issues

- **"Receipt upload failed (code 4132)"** when attaching a photo
    - Cause: the photo is larger than 10 MB.
    - Fix:
        - [ ] Lower the camera's resolution in the app settings.
        - [ ] Take the photo again and attach it.
    - 💡 Tip: a PDF scan of the receipt is accepted up to 25 MB.
"""


def test_a_slite_toggle_alone_under_common_issues_is_a_problem_with_its_parts(tmp_path: Path) -> None:
    """One toggle under "Common issues" was no problem (it took two), so its message and code were lost,
    and "Cause: …", "Fix:" and the tip were steps 1.1 to 1.3 of the heading's."""
    [problem] = read(tmp_path / "slite", "expense-app.md", SLITE_TOGGLE).problems
    assert "Receipt upload failed (code 4132)" in problem.title
    assert any("Receipt upload failed (code 4132)" in m for m in problem.error_messages)
    assert "4132" in problem.error_codes
    assert problem.cause.startswith("the photo is larger than 10 MB")
    assert [(s.number, s.text) for s in problem.steps] == [
        ("1", "Lower the camera's resolution in the app settings."),
        ("2", "Take the photo again and attach it."),
    ]
    assert [n.text for n in problem.notes] == ["💡 Tip: a PDF scan of the receipt is accepted up to 25 MB."]


def test_slite_toggles_under_common_issues_read_their_cause_and_fix_as_parts(tmp_path: Path) -> None:
    """With two toggles each was a problem, but its "Cause: …" and "Fix:" were still its steps 1 and 2."""
    text = SLITE_TOGGLE + (
        "- **Reports stay in Draft**\n"
        "    - Cause: an approver left the company.\n"
        "    - Fix:\n"
        "        - [ ] Ask finance to reassign the approver.\n"
    )
    upload, draft = read(tmp_path / "slite", "expense-app.md", text).problems
    assert draft.title == "Reports stay in Draft"
    assert draft.cause.startswith("an approver left the company")
    assert [s.text for s in draft.steps] == ["Ask finance to reassign the approver."]
    assert [s.text for s in upload.steps] == [
        "Lower the camera's resolution in the app settings.",
        "Take the photo again and attach it.",
    ]


def test_a_bold_step_alone_over_its_sub_steps_under_troubleshooting_stays_a_step(tmp_path: Path) -> None:
    """Guard: one bold item over a list that names no part, under a heading that promises problems, is a
    step with its sub-steps, as before."""
    text = (
        "# Expense app\n\n## Troubleshooting\n\n"
        "- **Sign out and in again**\n"
        "    - Open the profile menu and choose Sign out.\n"
        "    - Sign in with your work account.\n"
    )
    [problem] = read(tmp_path / "pages", "expense-app.md", text).problems
    assert [(s.number, s.text) for s in problem.steps] == [
        ("1", "Sign out and in again"),
        ("1.1", "Open the profile menu and choose Sign out."),
        ("1.2", "Sign in with your work account."),
    ]


# A Slite page closes with a rule and who last edited it, by name and team.
SLITE_FOOTER = """\
# Scanner troubleshooting

## Scanner beeps twice and does not read

The handheld scanner beeps twice on every barcode.

**Cause:** the scanner is still paired with another dock.

- Scan the **Unpair** barcode on the dock's label.
- Place the scanner in the new dock.

📌 Note: docks at the returns desk need a firmware update first.

---
Last edited by Tomás R. · Receiving
"""


def test_a_slite_footer_of_who_last_edited_the_page_is_no_note(tmp_path: Path) -> None:
    """ "Last edited by Tomás R. · Receiving" under the page's last rule was a note of the last problem,
    shown in its answer: only a one-word handle ("@maintainer-bot") was read as a byline."""
    [problem] = read(tmp_path / "slite", "scanner.md", SLITE_FOOTER).problems
    assert [s.text for s in problem.steps] == [
        "Scan the Unpair barcode on the dock's label.",
        "Place the scanner in the new dock.",
    ]
    assert [n.text for n in problem.notes] == [
        "📌 Note: docks at the returns desk need a firmware update first."
    ]


def test_a_closing_remark_that_says_what_updates_the_page_stays_a_note(tmp_path: Path) -> None:
    """Guard: after the rule, a sentence that opens "Last updated by" but names no one is the page's remark."""
    text = SLITE_FOOTER.replace(
        "Last edited by Tomás R. · Receiving",
        "Last updated by the nightly sync job, so a change can take a day.",
    )
    [problem] = read(tmp_path / "slite", "scanner.md", text).problems
    assert [n.text for n in problem.notes][
        -1
    ] == "Last updated by the nightly sync job, so a change can take a day."
