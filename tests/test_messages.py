"""Which code blocks hold what a program printed: the reader's side of a session, never the prompt."""

from __future__ import annotations

import pytest
from markdown_it import MarkdownIt
from markdown_it.tree import SyntaxTreeNode

from indexer.messages import fence_output


def _fence(markdown: str) -> SyntaxTreeNode:
    return SyntaxTreeNode(MarkdownIt("commonmark").parse(markdown)).children[0]


@pytest.mark.parametrize(
    "prompt",
    [
        "$ ",
        "admin@build-01:~/src$ ",
        "root@node-7:/var/lib# ",
        "ops@laptop:~/> ",
        "node-3:/home/admin # ",
        "[root@node-3 ~]# ",
        "PS C:\\Users\\admin> ",
    ],
)
def test_a_session_keeps_the_output_and_drops_the_prompt_lines(prompt: str) -> None:
    block = _fence(f"```\n{prompt}tool sync --all\nsync failed: quota exceeded for tenant\n```\n")
    assert fence_output(block) == "sync failed: quota exceeded for tenant"


def test_output_that_names_an_address_is_not_a_prompt() -> None:
    text = "delivery to user@example.com: mailbox full\nsee http://status.example.com:/now # for details"
    assert fence_output(_fence(f"```\n{text}\n```\n")) == text
