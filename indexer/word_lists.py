"""Lists as Microsoft Word saves them as HTML: paragraphs, not ``<ol>`` and ``<li>``.

Word writes each item of a list as a paragraph of its own, its place in the list in its style
(``<p class=MsoListParagraphCxSpMiddle style='mso-list:l0 level2 lfo1'>``) and its number typed
out in a span the browser shows and Word ignores on reading
(``<span style='mso-list:Ignore'>a.<span>&nbsp;&nbsp;</span></span>``). These functions read that
markup; :mod:`indexer.html_blocks` writes the items as the nested lists they stand for.
"""

from __future__ import annotations

import re

# A paragraph's place in a Word list: the list's id and the item's level (1 at the left margin).
_LIST_STYLE = re.compile(r"mso-list\s*:\s*l\d{1,6}\s+level(\d{1,2})\b", re.I)
# The span that holds an item's typed number or bullet.
_MARKER_STYLE = re.compile(r"mso-list\s*:\s*ignore\b", re.I)
# Word's class for a list's paragraphs ("MsoListParagraph", "MsoListParagraphCxSpMiddle"): one
# without a level is a paragraph of the item above it, indented as the item's text is.
_LIST_CLASS = re.compile(r"""\bclass\s*=\s*["']?MsoListParagraph""", re.I)
# A typed number: "1.", "2)", "a.", "iv.", "(b)", "1.2." (a bullet is a symbol: "·", "o", "§").
_NUMBER = re.compile(r"\(?(?:\d{1,4}(?:\.\d{1,4}){0,5}|[a-z]|[ivxlcdm]{1,8})[.)]", re.I)


def list_level(attributes: str) -> int:
    """The level of the Word list item a paragraph with ``attributes`` is (1, 2, …), or 0."""
    if "mso-list" not in attributes.lower():
        return 0
    found = _LIST_STYLE.search(attributes)
    return int(found.group(1)) if found else 0


def is_marker(attributes: str) -> bool:
    """Whether a span with ``attributes`` holds a Word list item's typed number or bullet."""
    return "mso-list" in attributes.lower() and bool(_MARKER_STYLE.search(attributes))


def continues_item(attributes: str) -> bool:
    """Whether a paragraph with ``attributes`` and no level is Word's text of the item above it."""
    return bool(_LIST_CLASS.search(attributes)) and not list_level(attributes)


def is_numbered(marker: str) -> bool:
    """Whether an item's typed ``marker`` numbers it ("1.", "b)") rather than bullets it ("·")."""
    return bool(_NUMBER.fullmatch(marker.strip()))
