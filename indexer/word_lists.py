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
# Word's class for any of its paragraphs ("MsoNormal", "MsoListParagraphCxSpFirst").
_WORD_CLASS = re.compile(r"""\bclass\s*=\s*["']?Mso""", re.I)
# How "Web Page, Filtered" writes a list item without Word's list style: the paragraph opens with its typed
# number or bullet, in spans or none, then the spacer span Word sets in 7-point Times New Roman
# (``1.<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp; </span>Read …``).
_FILTERED_MARKER = re.compile(
    r"""((?:\s*<span\b[^>]*>)*)\s*[^<>\s][^<>]{0,15}(</span>)?\s*<span\b[^>]*\bfont\s*:\s*7\.0pt""", re.I
)
# The most characters of the paragraph's HTML that marker and spacer are looked for in.
FILTERED_MARKER_PEEK = 400
# A paragraph's left margin as Word writes it ("margin-left:1.0in", "72.0pt", "2.54cm"), in points per unit;
# Word indents each level of a list by half an inch more, the first by List Paragraph's own half inch.
_LEFT_MARGIN = re.compile(
    r"(?<![\w-])margin-left\s*:\s*(\d{1,4}(?:\.\d{1,4})?|\.\d{1,4})(in|pt|cm|mm|px)\b", re.I
)
_POINTS = {"in": 72.0, "pt": 1.0, "cm": 72 / 2.54, "mm": 72 / 25.4, "px": 0.75}
_LEVEL_INDENT = 36.0
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


def filtered_item(attributes: str, opening: str) -> tuple[int, int] | None:
    """The level of the list item a Word paragraph with ``attributes`` is when "Web Page, Filtered" wrote
    it without its list style (see _FILTERED_MARKER), its HTML opening with ``opening``, by its left margin
    (1 at List Paragraph's own), and how many spans are open where its typed number's spacer opens; else None."""
    if "mso-list" in attributes.lower() or not _WORD_CLASS.search(attributes):
        return None
    found = _FILTERED_MARKER.match(opening)
    if found is None:
        return None
    spans = found.group(1).count("<") - bool(found.group(2))
    margin = _LEFT_MARGIN.search(attributes)
    points = float(margin.group(1)) * _POINTS[margin.group(2).lower()] if margin else _LEVEL_INDENT
    return max(1, round(points / _LEVEL_INDENT)), spans
