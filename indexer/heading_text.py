"""What a heading's text is made of, as the roles of headings read it.

Kept apart from :mod:`indexer.sections`, which walks the Markdown tree, so that the modules
that tell what a heading means (:mod:`indexer.roles`) and the ones that write Markdown for the
tree to be read from (:mod:`indexer.html_blocks`, :mod:`indexer.definition_lists`) can import
it without importing the walk that imports them.
"""

from __future__ import annotations

from dataclasses import dataclass

# A FAQ's question, marked as one whether or not it ends in "?".
MARKED_QUESTION = r"(q|question)\s*\d{0,3}\s*[:.)]\s*\S"


@dataclass(frozen=True)
class Quoted:
    """A code span or a double-quoted string inside a heading."""

    text: str
    code: bool
