"""A problem's causes, symptoms and error messages: which blocks they come from, and how Markdown shows them."""

from __future__ import annotations

from api.models import problem_detail
from api.render import to_markdown
from indexer.parse import parse_article
from indexer.records import Problem

ERROR_SECTION = """# Badge reader errors

## Error 12: The reader cannot reach the door controller

1. Check the network cable at the reader.
2. Restart the reader.

If the reader still shows the error, it indicates one of the following problems:

- The door controller is offline.
- The reader's certificate has expired.
"""

RESOLUTION = """# Badge reader shows a red light

## Symptoms

Every card is refused.

## Resolution

Most often, the error is due to one of the following issues:

1. Make sure that the reader is powered.
2. Make sure that the card is enrolled.
"""


def test_causes_listed_in_an_error_section_are_its_cause() -> None:
    (problem,) = parse_article(ERROR_SECTION.encode(), "errors.md").problems
    assert [s.text for s in problem.steps] == [
        "Check the network cable at the reader.",
        "Restart the reader.",
    ]
    assert "The door controller is offline." in problem.cause
    assert "The reader's certificate has expired." in problem.cause


def test_under_a_resolution_heading_the_list_is_checks_to_make() -> None:
    (problem,) = parse_article(RESOLUTION.encode(), "red-light.md").problems
    assert [s.text for s in problem.steps] == [
        "Make sure that the reader is powered.",
        "Make sure that the card is enrolled.",
    ]


def _read_and_shown(article: str, name: str) -> tuple[Problem, str]:
    """The one problem of ``article`` (a file named ``name``), and its Markdown."""
    parsed = parse_article(article.encode(), name)
    (problem,) = parsed.problems
    return problem, to_markdown(problem_detail(parsed, problem))


def test_listed_causes_and_symptoms_keep_their_items_and_show_as_lists() -> None:
    article = (
        "# Badge reader refuses cards\n\n## Symptoms\n\n- Every card is refused.\n- The light stays red.\n\n"
        "## Cause\n\nThis issue occurs for one of the following reasons:\n\n"
        "1. The door controller is offline.\n2. The reader's certificate has expired\n   after a year.\n\n"
        "## Resolution\n\n1. Restart the door controller.\n"
    )
    problem, shown = _read_and_shown(article, "badge.md")
    assert problem.symptoms == "- Every card is refused.\n- The light stays red."
    assert problem.cause == (
        "This issue occurs for one of the following reasons:\n\n"
        "1. The door controller is offline.\n2. The reader's certificate has expired\n   after a year."
    )
    assert "**Symptoms:**\n\n- Every card is refused.\n- The light stays red." in shown
    assert "**Cause:** This issue occurs for one of the following reasons:\n\n1. The door controller" in shown


def test_a_listed_cause_keeps_its_authors_numbers_and_its_nested_items() -> None:
    article = (
        "# Badge reader refuses cards\n\n## Symptoms\n\n0. The first door.\n1. The second door.\n\n"
        "## Cause\n\n- The controller is offline:\n  - its cable is loose;\n  - its fuse has blown.\n"
        "- The certificate has expired.\n\n## Resolution\n\n1. Restart the door controller.\n"
    )
    (problem,) = parse_article(article.encode(), "badge.md").problems
    assert problem.symptoms == "0. The first door.\n1. The second door."
    assert problem.cause == (
        "- The controller is offline:\n  - its cable is loose;\n  - its fuse has blown.\n"
        "- The certificate has expired."
    )


def test_markdown_quotes_the_messages_the_symptoms_do_not_and_says_how_many_it_leaves_out() -> None:
    messages = [f"Sync failed: relay {n} refused the batch." for n in range(1, 7)]
    article = (
        "# Relay sync fails\n\n## Symptoms\n\nYou receive this error message:\n\n"
        f"> {messages[0]}\n\n## More information\n\nThe logs also show these errors:\n\n"
        + "".join(f"```\n{m}\n```\n\n" for m in messages[1:])
        + "## Resolution\n\n1. Restart the relay.\n"
    )
    problem, shown = _read_and_shown(article, "relay.md")
    assert problem.error_messages == messages
    assert shown.count(messages[0]) == 1  # in the symptoms, not quoted again
    assert [m for m in messages[1:] if f"> {m}" in shown] == messages[1:4]
    assert "… and 2 more error messages (in the JSON answer)" in shown


def test_plain_text_fields_show_in_markdown_as_written() -> None:
    # "MSO_<nnnnnnnnnnn>" was read as an HTML tag by Markdown renderers and vanished; "***" of a
    # pasted nslookup turned into emphasis.
    article = (
        "# Sync wizard errors\n\n## Password reset fails\n\n### Symptoms\n\n"
        "The wizard cannot reset SERVERNAME\\\\MSO\\_\\<nnnnnnnnnnn\\> and prints:\n\n"
        "```text\n*** Can't find server name for address <IP Address>: Timed out\n```\n\n"
        "### Cause\n\nThe MSO\\_\\<nnnnnnnnnnn\\> account's password policy is too strict.\n\n"
        "### Resolution\n\n1. Relax the policy.\n"
    )
    problem, shown = _read_and_shown(article, "wizard.md")
    assert problem.cause == "The MSO_<nnnnnnnnnnn> account's password policy is too strict."
    assert "**Cause:** The MSO\\_\\<nnnnnnnnnnn> account's password policy is too strict." in shown
    assert "SERVERNAME\\\\MSO\\_\\<nnnnnnnnnnn>" in shown
    assert "\n\\*\\*\\* Can't find server name for address \\<IP Address>: Timed out" in shown
    # Rendered, the text reads as the article's plain text does.
    from markdown_it import MarkdownIt

    html = MarkdownIt("commonmark").render(shown)
    assert "MSO_&lt;nnnnnnnnnnn&gt; account" in html and "*** Can't find" in html


def test_the_settings_a_most_common_reason_lists_are_its_cause_and_not_the_first_steps() -> None:
    # Read as a fix, its list made "Soft anti-affinity: off" step 1: the setting that causes it.
    article = """# Volume is not scheduled

## Symptoms

Pods with the volume never start: `unable to attach volume: volume not scheduled`.

## Details

### Most common reason

The default installation has these settings:

1. `Soft anti-affinity: off`.
2. The default storage class keeps `3` replicas.

So three replicas need three nodes.

#### Solution

1. Set `Soft anti-affinity` to on.
2. Or add nodes to the cluster.
"""
    (problem,) = parse_article(article.encode(), "scheduling.md").problems
    assert [s.text for s in problem.steps] == [
        "Set Soft anti-affinity to on.",
        "Or add nodes to the cluster.",
    ]
    assert "Soft anti-affinity: off" in problem.cause
