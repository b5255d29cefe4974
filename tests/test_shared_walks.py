"""Fence walks shared by several readers (html_blocks.fenced_lines): where a reader's own walk read a line
of code as the page's text, the shared one reads it as markdown-it does."""

from indexer.html_article import _has_title_heading
from indexer.html_blocks import _case_fields, fenced_lines
from indexer.markup import markdown_parser

# A block of code that shows a fence with a language (the page's text writing a README's snippet), then a
# script's comment: CommonMark closes a fence only on its marks alone, so both are code.
SHOWN_FENCE = "```\nFrom the README:\n```bash\n# allow NAT-T through the firewall\n```\n"


def test_a_fence_with_a_language_inside_code_does_not_close_it() -> None:
    assert [token.type for token in markdown_parser().parse(SHOWN_FENCE)] == ["fence"]
    # The comment was taken for the page's own title heading, and a form's Title field no longer titled it.
    assert not _has_title_heading(SHOWN_FENCE)
    assert _has_title_heading(SHOWN_FENCE + "\n# GlobalConnect VPN will not connect\n")


# A known error's page whose code block shows the template of such a page: fields that tell scenarios apart.
TEMPLATE = """## Problem

**Scenario 1:** the agent stops

**Scenario 2:** the agent never starts

## Workaround

**Scenario 1:** restart it

**Scenario 2:** reinstall it"""


def test_fields_in_a_block_of_code_tell_no_cases_apart() -> None:
    page = f"# Known error KE-1042\n\nThe template:\n\n```\n{TEMPLATE}\n```\n"
    assert {token.type for token in markdown_parser().parse(page)} == {
        "heading_open",
        "heading_close",
        "inline",
        "paragraph_open",
        "paragraph_close",
        "fence",
    }
    # The walk of a field began outside any block, wherever its label stood: the template's fields were the
    # page's, its scenarios its problems.
    assert _case_fields(page.split("\n")) is None
    # So in a longer fence whose code shows a shorter one, which no longer ended the block.
    assert _case_fields(f"# Known error KE-1042\n\n````\n```\n{TEMPLATE}\n```\n````\n".split("\n")) is None
    # Outside the block, the same fields do tell them apart.
    assert _case_fields(f"# Known error KE-1042\n\n{TEMPLATE}\n".split("\n")) is not None


# A chat-style guide writes a command inline between three backquotes on its own line ("```brew doctor```"):
# CommonMark reads a code span, as a fence's info string cannot hold a backquote, and the lines after it are
# the page's text.
ONE_LINE_FENCE = "Run this first:\n\n```brew doctor```\n\n# Homebrew cannot find the compiler\n\nText."


def test_a_line_fenced_on_both_sides_is_a_code_span_not_a_fence() -> None:
    assert "fence" not in {token.type for token in markdown_parser().parse(ONE_LINE_FENCE)}
    assert fenced_lines(ONE_LINE_FENCE.split("\n")) == [False] * 7
    # It opened a fence that held the rest of the page: the title heading after it was a comment in code.
    assert _has_title_heading(ONE_LINE_FENCE)


def test_a_fence_ends_with_the_list_item_or_quote_it_is_in() -> None:
    """Guard: a fence in a quote or a list item, closed or not, is code; the text after its container is not."""
    page = "> ```\n> # not a heading\n\n# Title\n\n- Run:\n  ```\n  # a comment\n  ```\n- Next\n"
    fenced = fenced_lines(page.split("\n"))
    assert [n for n, code in enumerate(fenced) if code] == [0, 1, 6, 7, 8]
