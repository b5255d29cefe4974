"""The names publishing tools give call-outs: advice for the reader, never quoted error text.

Shared by the Markdown reader's directives (:mod:`indexer.markup`) and the HTML reader's classes
(:mod:`indexer.html_blocks`), so that a warning is a warning however it was written.
"""

from __future__ import annotations

# Directive names that are advice for the reader: call-outs, whatever the tool calls them.
CALLOUT_NAMES = frozenset(
    """note tip hint important warning caution attention danger error info notice alert seealso
    admonition versionadded versionchanged deprecated todo""".split()
)
# The kinds among them: the others name a call-out of some kind ("admonition", "alert") or a note.
CALLOUT_KINDS = frozenset("note tip hint important warning caution attention danger error info".split())
