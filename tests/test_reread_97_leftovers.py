"""Shapes the re-reads of the last change sets (B, C, D) and the R8b review left misread: a sentence that
says when an error is seen, not why; a Resolution worded in the third person; a heading inside a portal
panel's body; activity logs in another language; a related-links line in another language; and a Logseq
page's cause and page properties.

Each test writes a small article of its own in one style, finds it as `kb index` does and reads it with
the real indexer; a guard beside each keeps the nearest shape read as before.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from test_house_styles import read

# A wiki's entry: the error block, a paragraph that says when it is seen, then **Fix**.
NIGHTLY_LOCK = """\
# Photo library sync

## Catalog is locked

```
catalog.db: database is locked (SQLITE_BUSY)
```

This happens {when}

**Fix**

- Move the thumbnail job to 04:00.
- Restart the library service.
"""


@pytest.mark.parametrize(
    "when",
    [
        "every night at 02:15, when the thumbnail job runs, and only on the studio Macs.",
        "since the upgrade to 7.3, on all studio Macs.",
        "on every studio Mac, even if no thumbnail job is scheduled.",
    ],
)
def test_a_sentence_that_says_when_an_error_is_seen_is_its_symptom(tmp_path: Path, when: str) -> None:
    # "when" after a time ("every night at 02:15, when …"), "since" before a point in time and "even if"
    # say when or where the error is seen, and why in no word: each was read as the cause.
    (problem,) = read(tmp_path, "catalog.md", NIGHTLY_LOCK.format(when=when)).problems
    assert problem.cause == ""
    assert problem.symptoms.startswith("This happens ")
    assert [s.text for s in problem.steps] == [
        "Move the thumbnail job to 04:00.",
        "Restart the library service.",
    ]


@pytest.mark.parametrize(
    "why",
    [
        "when two library services share one catalog folder.",
        "since the thumbnail job keeps the catalog open for writing.",
        "only if the thumbnail job runs during an import.",
    ],
)
def test_a_sentence_that_says_why_an_error_happens_stays_its_cause(tmp_path: Path, why: str) -> None:
    """Guard: "when", "since" and "if" that open a clause of why are the cause, as before."""
    (problem,) = read(tmp_path, "catalog.md", NIGHTLY_LOCK.format(when=why)).problems
    assert problem.cause == f"This happens {why}"
    assert problem.symptoms == ""


# A known-error record: the symptom, the Workaround's steps, then the Resolution field.
KNOWN_ERROR = """\
# KE-0412: Invoice import stops with "deadlock detected"

## Symptoms

The import job stops and logs `ERROR: deadlock detected (SQLSTATE 40P01)`.

## Workaround

1. Pause the invoice import.
2. Run `billingctl import --resume`.

## Resolution

{resolution}
"""


@pytest.mark.parametrize(
    "resolution",
    [
        "Sites on 8.1 should upgrade the billing service to 8.2, which fixes the problem for good.",
        "The permanent fix is to upgrade the billing service to 8.2.",
        "Upgrading the billing service to 8.2 resolves the issue.",
        "Hotfix BP-8817 must be installed on every billing node.",
    ],
)
def test_a_resolution_that_says_in_the_third_person_what_to_do_is_the_fix(
    tmp_path: Path, resolution: str
) -> None:
    # Worded in the third person, it was taken to say nothing to do: a note after the workaround's steps.
    (problem,) = read(tmp_path, "ke-0412.md", KNOWN_ERROR.format(resolution=resolution)).problems
    assert [(s.group, s.text) for s in problem.steps] == [
        ("Workaround", "Pause the invoice import."),
        ("Workaround", "Run billingctl import --resume."),
        ("Resolution", resolution),
    ]
    assert problem.notes == []


def test_a_resolution_that_says_where_the_fix_stands_is_still_notes(tmp_path: Path) -> None:
    """Guard: "Fixed in …" and "A fix should be released in …" say where the fix stands, as a Status does."""
    resolution = "Fixed in 8.2: imports retry a deadlocked batch.\n\nA backport should be released in 8.1.7."
    (problem,) = read(tmp_path, "ke-0412.md", KNOWN_ERROR.format(resolution=resolution)).problems
    assert [s.group for s in problem.steps] == ["Workaround", "Workaround"]
    assert [n.text for n in problem.notes] == [
        "Resolution: Fixed in 8.2: imports retry a deadlocked batch.",
        "A backport should be released in 8.1.7.",
    ]


# A service desk's knowledge article as its portal renders the record: each field a panel, its title a
# <div> over the panel's body; the Cause panel's body opens with a heading of its own.
PANELS_WITH_A_HEADING = """\
<html><head><title>Knowledge - KB0012044 - Service Portal</title></head>
<body>
<div class="sd-form">
  <div class="sd-panel"><div class="sd-panel-title">Title</div>
    <div class="sd-panel-body">Shared mailbox does not update on phones</div></div>
  <div class="sd-panel"><div class="sd-panel-title">Symptoms</div>
    <div class="sd-panel-body"><p>The phone shows "Cannot get mail. The connection to the server failed."</p></div></div>
  <div class="sd-panel"><div class="sd-panel-title">Cause</div>
    <div class="sd-panel-body"><h3>Background</h3>
    <p>The shared mailbox was moved to the new tenant, and phones keep the old server's address.</p></div></div>
  <div class="sd-panel"><div class="sd-panel-title">Environment</div>
    <div class="sd-panel-body"><p>iOS Mail and Android Gmail, Exchange Online</p></div></div>
  <div class="sd-panel"><div class="sd-panel-title">Resolution</div>
    <div class="sd-panel-body"><ol><li>Remove the mail account from the phone.</li>
    <li>Add it again with the new server address.</li></ol></div></div>
  <div class="sd-panel"><div class="sd-panel-title">Attachments</div>
    <div class="sd-panel-body"><i>No attachments</i></div></div>
</div>
</body></html>
"""


def test_a_heading_inside_a_panel_s_body_leaves_the_panels_at_their_level(tmp_path: Path) -> None:
    # The Cause panel's "<h3>Background</h3>" ended the panels: Environment, Resolution and Attachments
    # nested under it, and the Environment panel's text was read as more of the cause.
    article = read(tmp_path / "kb", "kb0012044.html", PANELS_WITH_A_HEADING)
    [problem] = article.problems
    assert problem.title == "Shared mailbox does not update on phones"
    assert (
        problem.cause
        == "The shared mailbox was moved to the new tenant, and phones keep the old server's address."
    )
    assert problem.seen_in == "iOS Mail and Android Gmail, Exchange Online"
    assert [s.text for s in problem.steps] == [
        "Remove the mail account from the phone.",
        "Add it again with the new server address.",
    ]
    assert problem.notes == []


def test_a_heading_at_the_panels_level_still_ends_them(tmp_path: Path) -> None:
    """Guard: a heading at the panels' level between them heads what comes after, as before."""
    page = PANELS_WITH_A_HEADING.replace(
        '<div class="sd-panel"><div class="sd-panel-title">Symptoms</div>',
        '<h2>Phones after the tenant move</h2><div class="sd-panel"><div class="sd-panel-title">Symptoms</div>',
    )
    [problem] = read(tmp_path / "kb", "kb0012044.html", page).problems
    assert problem.title.endswith("Phones after the tenant move")
    assert [s.text for s in problem.steps][-1] == "Add it again with the new server address."


# A Markdown article whose Cause opens with a "Background" sub-heading, and one whose Cause is followed by
# an "Example" sub-heading of what a log shows.
CAUSE_WITH_BACKGROUND = """\
# Shared mailbox does not update on phones

## Symptoms

The phone shows "Cannot get mail. The connection to the server failed."

## Cause

### Background

The shared mailbox was moved to the new tenant, and phones keep the old server's address.

## Resolution

1. Remove the mail account from the phone.
2. Add it again with the new server address.
"""


def test_a_cause_s_background_sub_heading_is_its_cause(tmp_path: Path) -> None:
    [problem] = read(tmp_path, "mailbox.md", CAUSE_WITH_BACKGROUND).problems
    assert (
        problem.cause
        == "The shared mailbox was moved to the new tenant, and phones keep the old server's address."
    )


def test_a_background_heading_outside_a_cause_is_still_more_information(tmp_path: Path) -> None:
    """Guard: "Background" under the Symptoms says more about the problem, no cause."""
    text = CAUSE_WITH_BACKGROUND.replace("## Cause\n\n### Background", "### Background")
    [problem] = read(tmp_path, "mailbox.md", text).problems
    assert not problem.cause
