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
