"""Block tokens that the indexer's own rules write into markdown-it's token stream."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from markdown_it.rules_block import StateBlock
from markdown_it.token import Token


def paragraph_tokens(
    content: str, span: list[int], level: int, *, meta: dict[str, Any] | None = None, hidden: bool = False
) -> list[Token]:
    """A paragraph saying ``content``, read from the lines ``span`` (0-based, the end excluded), at
    nesting ``level``, as markdown-it's paragraph rule writes one: written before the inline rule
    runs, which parses its inline content as any paragraph's."""
    return [
        Token("paragraph_open", "p", 1, map=span, level=level, hidden=hidden, block=True, meta=meta or {}),
        Token("inline", "", 0, map=span, level=level + 1, content=content, block=True),
        Token("paragraph_close", "p", -1, level=level, hidden=hidden, block=True),
    ]


def push_parsed(state: StateBlock, markdown: str, place: Callable[[Token, list[int]], None]) -> list[Token]:
    """Parse ``markdown``, which a block rule wrote for the lines it read, as blocks nested where the rule
    stands, and push its tokens; ``place`` gives each token that has a map (its lines of ``markdown``,
    passed) the lines of the source it stands for. The tokens pushed."""
    inner: list[Token] = []
    state.md.block.parse(markdown, state.md, state.env, inner)
    for token in inner:
        token.level += state.level
        if token.map:
            place(token, token.map)
    state.tokens.extend(inner)
    return inner
