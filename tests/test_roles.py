"""What a heading's words say its section is: headings in the house styles of real knowledge bases."""

from __future__ import annotations

import pytest

from indexer.roles import Role, heading_role


@pytest.mark.parametrize(
    "heading",
    [
        "Applicable versions",
        "Applies to: all editions",
        "Related information",
        "Related articles",
        "Requirements",
        "Prerequisites",
        "See also",
        "Third-party information disclaimer",
        "Need more help?",
    ],
)
def test_navigation_and_version_headings_are_boilerplate(heading: str) -> None:
    assert heading_role(heading) is Role.BOILERPLATE


@pytest.mark.parametrize(
    "heading",
    [
        "Version detection failures",
        "Requirements for the main repository",
        "Third-party plugins fail to load",
        "References to deleted objects remain",
        "Contents of the cache are stale",
    ],
)
def test_a_heading_that_only_starts_like_boilerplate_is_a_topic_of_its_own(heading: str) -> None:
    assert heading_role(heading) is not Role.BOILERPLATE
