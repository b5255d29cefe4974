"""Readings left over from the final reads (final2_a, final2_b): each with a guard for the nearest shape."""

from pathlib import Path

from tests.test_house_styles import read

# A checklist of the fix that offers a choice ("…, or" over the other way out) and keeps an action tried
# and rejected, ticked and struck through.
CHOICE_CHECKLIST = """# Outgoing mail is rejected after a domain change

Mail sent from the new domain bounces with `550 5.7.1 Sender address rejected`.

## Resolution

- [x] Open **Settings > Email**.
- [x] ~~Clear the browser cache~~
- [ ] Finish the DNS records and click **Verify**, or
- [ ] send from the default address until the domain is verified.
"""


def test_a_struck_checklist_item_in_a_list_offering_a_choice_is_no_step(tmp_path: Path) -> None:
    """An item struck through is an action tried and rejected, a note beside the steps, also in a list whose
    last items are one choice: it was numbered as step 2."""
    [problem] = read(tmp_path, "mail.md", CHOICE_CHECKLIST).problems
    assert [(s.number, s.text) for s in problem.steps] == [
        ("1", "Open Settings > Email."),
        (
            "2",
            "Finish the DNS records and click Verify, or send from the default address until the domain is "
            "verified.",
        ),
    ]
    assert [(n.markdown, n.after) for n in problem.notes] == [("~~Clear the browser cache~~", True)]


def test_an_item_struck_in_part_in_a_list_offering_a_choice_is_a_step(tmp_path: Path) -> None:
    """Guard: an action with only some words struck through is still a step, beside a choice."""
    page = CHOICE_CHECKLIST.replace("~~Clear the browser cache~~", "Clear the ~~browser~~ mail client cache")
    [problem] = read(tmp_path, "mail.md", page).problems
    assert [s.text for s in problem.steps][:2] == [
        "Open Settings > Email.",
        "Clear the ~~browser~~ mail client cache",
    ]
    assert len(problem.steps) == 3
    assert problem.notes == []
