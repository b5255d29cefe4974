"""What knitr writes when it renders an R Markdown document to Markdown (``md_document``,
``github_document``).

Each chunk's source stands in a fence labelled ``r`` (source, never text a program printed: see
``COMMAND_FENCES`` in :mod:`indexer.messages`), and what the chunk printed right under it, indented, every
line after knitr's comment marker ``## `` (``## [1] TRUE``, ``## Error in f(x): …``). Read as any code block
of a problem's opening, the source and a value it printed were its error messages, and an error's text
kept the marker. A document that closes with the session its chunks ran in (``sessionInfo()`` and
the R version and platform it printed) records it for whoever reproduces them: read as the page's last
problem's, it was a command of its last step.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from markdown_it.tree import SyntaxTreeNode

# knitr's comment marker before each line a chunk printed (its ``comment = "##"`` option); a blank line of
# the output is the marker alone. knitr sets each piece of output apart by a blank line (a value, then a
# warning), and Markdown reads the indented pieces under one chunk as one code block.
_MARK = "##"
_MARKED = re.compile(r"##(?: (.*))?")
# A piece of output in which R reports a condition, error or warning ("Error: …", "Error in f(x) : …",
# "Warning in sum(x): …", "Warning message:" over its text, rlang's "! …" lines under "Error in `f()`:"); a
# value printed ("[1] NA") reports nothing.
_CONDITION = re.compile(r"(?:Error|Warning)(?: in\b|:| messages?:)")


def knitted_output(content: str) -> list[str] | None:
    """The lines a knitted chunk printed, without knitr's marker, when every line of the code block
    ``content`` but a blank one carries it (see _MARKED); None for any other code block."""
    if not content.startswith(_MARK):
        return None
    lines = []
    for line in map(str.strip, content.split("\n")):
        found = _MARKED.fullmatch(line)
        if line and found is None:
            return None
        lines.append((found.group(1) or "") if found else "")
    return lines


def printed_conditions(lines: list[str]) -> str:
    """The pieces of a chunk's output (see _MARK) in which R reports an error or a warning (see
    _CONDITION), the error text a reader sees and pastes; "" when it printed values only."""
    pieces = "\n".join(lines).split("\n\n")
    return "\n".join(piece.strip() for piece in pieces if _CONDITION.match(piece.strip()))


# A call that prints the R session a document ran in: base R's, and the packages' that print it richer
# (``sessioninfo::session_info()``, ``devtools::session_info()``, ``xfun::session_info()``).
_SESSION_INFO = re.compile(r"(?:[\w.]+::)?(?:sessionInfo|session_info)\([^()\n]*\)")


def session_record(blocks: Sequence[SyntaxTreeNode]) -> set[int]:
    """The ids of the blocks that close a knitted document with its session (see the module): a chunk,
    in a fence labelled ``r``, that only calls for it, and what it printed, to the document's end; an empty
    set for a page that does not end so."""
    start = len(blocks)
    while start and _is_output(blocks[start - 1]):
        start -= 1
    chunk = blocks[start - 1] if start else None
    # The printed session in knitr's marker is what says the page was knitted: a plain page's closing
    # ``sessionInfo()`` chunk, with nothing or unmarked text under it, is a command its last step gives.
    if (
        chunk is None
        or start == len(blocks)
        or any(knitted_output(block.content) is None for block in blocks[start:])
        or chunk.type != "fence"
        or chunk.info.strip().lower() != "r"
        or not _SESSION_INFO.fullmatch(chunk.content.strip())
    ):
        return set()
    return {id(block) for block in blocks[start - 1 :]}


def _is_output(block: SyntaxTreeNode) -> bool:
    """Whether ``block`` is code of no language, as knitr writes what a chunk printed."""
    return block.type == "code_block" or (block.type == "fence" and not block.info.strip())
