"""The user's article, in both its forms: kb/jumpcloud-m365.md and the raw flat-text seed.

The expectations are written from the article itself (four problems, each instruction in
the author's order) and /work/shared/seed/README.md.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from api.knowledge import KnowledgeBase
from indexer.build import build_index
from indexer.errortext import clean
from indexer.parse import parse_article
from indexer.records import Article

REPO = Path(__file__).resolve().parent.parent
KB_ARTICLE = REPO / "kb" / "jumpcloud-m365.md"
SEED_NAME = "000_b26c20c24b74ba9d.txt"
SEED_ID = "000-b26c20c24b74ba9d"

STEP_1 = "Step 1: Verify the User's Email Address"
STEP_2 = "Step 2: Verify the Domain in Microsoft 365"
STEP_3 = "Step 3: Update the Email Address (if required)"
MORE = "Additional Troubleshooting"
RENAME = "Correct the Group Name"
REAUTHORIZE = "Reauthorize the Affected Users"

# (group, step text) of each problem, in order.
EXPECTED_STEPS: list[list[tuple[str | None, str]]] = [
    [
        (None, "Set the user's email domain as a default domain under the Microsoft 365 integration."),
        (None, "Remove and re-add the user to the JumpCloud group that is synced with Microsoft 365."),
    ],
    [
        (
            STEP_1,
            "Confirm that the Email Address (e.g., username@domain.com) is configured with a valid, "
            "verified domain.",
        ),
        (
            STEP_1,
            "Note that Microsoft will reject the sync if the domain associated with the email "
            "address is not verified in your organization.",
        ),
        (STEP_2, "Open the Microsoft 365 Admin Center."),
        (STEP_2, "Navigate to Settings > Domains."),
        (STEP_2, "Check if the domain you're using for the email address is listed and marked as verified."),
        (
            STEP_2,
            "If the domain is not verified, follow the on-screen instructions to add and verify the "
            "domain in Microsoft 365.",
        ),
        (STEP_3, "In the JumpCloud Admin Console, locate the user with the sync error."),
        (STEP_3, "Edit the user's email address to use a verified domain in your organization."),
        (STEP_3, "Re-attempt the sync after saving changes."),
        (MORE, "Ensure there are no formatting issues with the email address."),
        (MORE, "Check for conflicts with other users in Microsoft 365 that may be causing the error."),
    ],
    [
        (RENAME, "Log in to the JumpCloud Admin Portal."),
        (RENAME, "Go to Identity Management > User Groups and select the group experiencing the sync issue."),
        (
            RENAME,
            "Go to Details tab > Group Configuration, in the Name field, remove the extra space from the name.",
        ),
        (RENAME, "Click Save Group."),
        (REAUTHORIZE, "On the User Groups page, select the corrected group."),
        (REAUTHORIZE, "Select the Users tab."),
        (
            REAUTHORIZE,
            "Clear the checkboxes for the affected Users to remove them from the group, then click Save Group.",
        ),
        (
            REAUTHORIZE,
            "Select the checkboxes for the same Users to re-add them to the group, then click Save Group.",
        ),
    ],
    [(None, "Remove the forbidden character and try to sync again.")],
]
UPN_MESSAGE = (
    "The domain portion of the userPrincipalName property is invalid. "
    "You must use one of the verified domain names in your organization."
)
GROUP_MESSAGE = "Invalid value specified for property 'mailNickname' of resource 'Group'."
USER_MESSAGE = "Invalid value specified for property 'mailNickname' of resource 'User'."


def steps_of(article: Article) -> list[list[tuple[str | None, str]]]:
    """(group, text) of every step of every problem, in order."""
    return [[(s.group, s.text) for s in p.steps] for p in article.problems]


@pytest.fixture(scope="module")
def kb_article() -> Article:
    """kb/jumpcloud-m365.md, parsed."""
    return parse_article(KB_ARTICLE.read_bytes(), KB_ARTICLE.name)


@pytest.fixture(scope="module")
def seed_article(seed_dir: Path) -> Article:
    """The raw flat-text seed, parsed."""
    path = seed_dir / SEED_NAME
    return parse_article(path.read_bytes(), path.name)


def test_kb_article_metadata(kb_article: Article) -> None:
    assert kb_article.id == "jumpcloud-m365"
    assert kb_article.title == "Troubleshooting JumpCloud sync to Microsoft 365 (M365)"
    assert kb_article.product == "JumpCloud Microsoft 365 integration"
    assert "jumpcloud" in kb_article.tags


def test_kb_article_has_the_four_problems_in_order(kb_article: Article) -> None:
    assert [(p.ordinal, p.title, p.line) for p in kb_article.problems] == [
        (1, "New users are not synced to Microsoft 365", 10),
        (2, "Sync error: the user's UPN domain is not verified in Microsoft 365", 21),
        (3, "Sync fails because a user group name has an extra space or forbidden characters", 66),
        (4, "Sync fails because mailNickname contains spaces or forbidden characters", 104),
    ]
    assert not any(p.whole_article for p in kb_article.problems)


def test_kb_article_steps_in_order_with_groups(kb_article: Article) -> None:
    assert steps_of(kb_article) == EXPECTED_STEPS


def test_kb_article_with_bold_part_labels_reads_as_with_part_headings(kb_article: Article) -> None:
    # Help-centre exports write "**Resolution**" where the article has "### Resolution". The
    # "#### Step 1" headings after it were its siblings, and the fix's lead-ins ("For
    # synchronization to succeed, …", "To resolve this error, follow these steps:") steps 1 and 2.
    text = KB_ARTICLE.read_text(encoding="utf-8")
    bold = re.sub(r"^### (.+)$", r"**\1**", text, flags=re.M)
    assert bold.count("**Resolution**") == 4 and "\n### " not in bold
    labelled = parse_article(bold.encode(), KB_ARTICLE.name)
    assert steps_of(labelled) == EXPECTED_STEPS
    assert [p.notes for p in labelled.problems] == [p.notes for p in kb_article.problems]


def test_kb_article_step_numbers_restart_per_group(kb_article: Article) -> None:
    problem = kb_article.problems[1]
    assert [s.number for s in problem.steps] == ["1", "2", "1", "2", "3", "4", "1", "2", "3", "1", "2"]
    assert [s.ordinal for s in problem.steps] == list(range(1, 12))


def test_kb_article_step_lines(kb_article: Article) -> None:
    lines = KB_ARTICLE.read_text(encoding="utf-8").split("\n")
    steps = kb_article.problems[1].steps
    assert steps[2].line == 46
    assert lines[steps[2].line - 1] == "1. Open the Microsoft 365 Admin Center."
    last = kb_article.problems[3].steps[0]
    assert lines[last.line - 1] == "1. Remove the forbidden character and try to sync again."


def test_kb_article_error_messages_and_codes(kb_article: Article) -> None:
    p1, p2, p3, p4 = kb_article.problems
    assert p1.error_messages == []
    assert p2.error_messages == [UPN_MESSAGE]
    assert p3.error_messages == [GROUP_MESSAGE]
    assert p4.error_messages == [USER_MESSAGE]
    assert "Request_BadRequest" in p3.error_codes
    assert "Request_BadRequest" in p4.error_codes


def test_kb_article_cause_and_seen_in(kb_article: Article) -> None:
    p3, p4 = kb_article.problems[2:]
    assert p3.seen_in == "Directory sync, DI logs, or Jumpdesk."
    assert p3.cause.startswith("This issue occurs when a JumpCloud User Group has an incompatible naming")
    assert p4.seen_in == "The Microsoft 365 API."
    assert p4.cause.startswith("The Microsoft 365 API validation does not accept")
    assert kb_article.problems[0].symptoms.startswith("Newly created users in JumpCloud are not being synced")


def test_seed_text_has_the_same_four_problems(seed_article: Article) -> None:
    assert seed_article.id == SEED_ID
    assert len(seed_article.problems) == 4
    assert [p.line for p in seed_article.problems] == [1, 7, 27, 39]
    # The export keeps typographic apostrophes; apart from them, steps and groups are the
    # kb article's, in the same order.
    normalised = [[(clean(g) if g else g, clean(t)) for g, t in p] for p in steps_of(seed_article)]
    assert normalised == EXPECTED_STEPS


def test_seed_text_wrapped_and_run_on_bullets(seed_article: Article) -> None:
    """Line 11-12: a bullet wrapped onto the next line, with the next bullet run onto it."""
    first, second = seed_article.problems[1].steps[:2]
    assert first.text == (
        "Confirm that the Email Address (e.g., username@domain.com) is configured with a valid, verified domain."
    )
    assert (first.line, second.line) == (11, 12)
    assert second.text.startswith("Note that Microsoft will reject the sync")


def test_seed_text_symptoms_cause_and_seen_in(seed_article: Article) -> None:
    p1, p2, p3, p4 = seed_article.problems
    assert p1.title == "Newly created users in JumpCloud are not being synced to Microsoft 365 as expected"
    assert "userPrincipalName (UPN)" in p2.symptoms
    assert p3.seen_in == "directory sync, DI logs, or in Jumpdesk"
    assert p3.cause.startswith("This issue occurs when a JumpCloud User Group has an incompatible naming")
    assert p4.seen_in == "the API"
    assert p4.cause.startswith("The Microsoft 365 API validation does not accept")


def test_indexing_a_folder_with_only_the_seed(seed_dir: Path, tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    shutil.copy(seed_dir / SEED_NAME, folder / SEED_NAME)
    db_path = tmp_path / "seed.db"
    report = build_index([folder], db_path)
    assert report.warnings == []
    assert (report.articles, report.problems, report.steps) == (1, 4, 22)
    article = KnowledgeBase(db_path).article(SEED_ID)
    assert [p.ordinal for p in article.problems] == [1, 2, 3, 4]
    normalised = [[(clean(g) if g else g, clean(t)) for g, t in p] for p in steps_of(article)]
    assert normalised == EXPECTED_STEPS
