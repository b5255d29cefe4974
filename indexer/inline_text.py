"""The text of a paragraph's inline content as the reader sees it, and its inline parts.

Kept apart from :mod:`indexer.sections`, which walks the Markdown tree, so that the modules
the walk imports (:mod:`indexer.posts`, which tells a post's signature from its text) read a paragraph's
words the same way without importing the walk.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TypeVar

from markdown_it.tree import SyntaxTreeNode

from indexer.markup import strip_shortcodes

_T = TypeVar("_T")


def memo(node: SyntaxTreeNode, key: str, compute: Callable[[SyntaxTreeNode], _T]) -> _T:
    """``compute(node)``, worked out once and kept on ``node`` under ``key``: a parsed tree never changes,
    and the extractor reads the same node many times (its text, its parts)."""
    known = node.__dict__
    if key not in known:
        known[key] = compute(node)
    value: _T = known[key]
    return value


def inline_text(node: SyntaxTreeNode) -> str:
    """Plain text of a node's inline content: markup, links' targets and images dropped."""
    return memo(node, "_kb_inline", _inline_text)


# Roles that cite a numbered standard, read as the reader sees them: {pep}`517` is "PEP 517".
_NUMBERED_STANDARDS = frozenset({"pep", "rfc"})
_RAISED = re.compile(r"<su[pb]\b", re.I)
# A line break written as HTML, as tables and help-centre exports do: "again.<br>For iOS" is not
# the word "again.For". A space, not a line: in a table's cell, a new line would end its row.
_LINE_BREAK = re.compile(r"<br\s*/?>", re.I)
# A tag that opens or closes a block (a list's item, a paragraph) inside a line, as a table's cell
# writes a list: "<li>Delete the profile.</li><li>Download a fresh copy" is not "profile.Download".
_BLOCK_TAG = re.compile(r"</?(?:li|ol|ul|p|div|dd|dt|dl|h[1-6]|blockquote|pre|tr|td|th)\b", re.I)
# A run of spaces or tabs in a text, read as one space.
_SPACES = re.compile(r"[ \t]+")


def _inline_text(node: SyntaxTreeNode) -> str:
    parts: list[str] = []
    _shown_texts(node, parts)
    text = "".join(parts)
    return (_SPACES.sub(" ", text) if "  " in text or "\t" in text else text).strip()


def _shown_texts(n: SyntaxTreeNode, parts: list[str]) -> None:
    # A module function, not a closure over ``parts``: a recursive closure is a reference cycle,
    # left for the garbage collector, for each of an article's dozens of headings and paragraphs.
    kind = n.type
    if kind == "text":
        parts.append(n.content)
        return
    if kind == "code_inline":
        parts.append(strip_shortcodes(n.content))
    elif kind == "myst_role":
        # {ref}`shown text <target>`: the reader sees the text; a bare {pep}`668` "PEP 668".
        content = n.content
        shown = content.split("<", 1)[0].strip() if content.endswith(">") else content
        name = str((n.meta or {}).get("name", "")).lower()
        prefix = f"{name.upper()} " if name in _NUMBERED_STANDARDS else " " if name in ("sup", "sub") else ""
        parts.append(prefix + (shown or content))
    elif kind == "html_inline" and (
        _RAISED.match(n.content) or _LINE_BREAK.match(n.content) or _BLOCK_TAG.match(n.content)
    ):
        # A footnote mark: "hardware<sup>2</sup>" is not the word "hardware2". A line break, a block.
        parts.append(" ")
    elif kind in ("softbreak", "hardbreak"):
        parts.append("\n")
    elif kind in ("image", "html_inline", "shortcode", "kramdown_ial", "footnote_ref"):
        return
    for child in n.children:
        _shown_texts(child, parts)


def inline_parts(block: SyntaxTreeNode, *, spacing: bool = True) -> list[SyntaxTreeNode]:
    """The inline nodes of a paragraph ([] for any other block), in order; with ``spacing`` False,
    but for line breaks and text of spaces only, as a line's words are read apart from its layout.

    markdown-it leaves an empty text token where an opening ``**`` or a code span's
    backtick was: without them, the first part is what the reader sees first.
    """
    if block.type != "paragraph" or not block.children:
        return []
    # A paragraph is asked again and again (whether it signs a post, counts its votes, tags it, opens
    # with a label …): its parts are picked out once for each ``spacing``, and each caller is given a
    # list of its own.
    if spacing:
        return list(memo(block, "_kb_parts", _spaced_parts))
    return list(memo(block, "_kb_words", _word_parts))


def _spaced_parts(block: SyntaxTreeNode) -> tuple[SyntaxTreeNode, ...]:
    return tuple(n for n in block.children[0].children if n.type != "text" or n.content)


def _word_parts(block: SyntaxTreeNode) -> tuple[SyntaxTreeNode, ...]:
    return tuple(
        n
        for n in block.children[0].children
        if n.type not in ("softbreak", "hardbreak") and (n.type != "text" or n.content.strip())
    )
