"""Whether a paragraph an HTML editor wrote in a fixed-width font is prose, not code.

Word and rich-text editors (TinyMCE, as ServiceNow and Zendesk embed it) have no code element:
a command or a message is a paragraph in Courier or Consolas, set apart from the page's text
(see :mod:`indexer.html_blocks`). But a page pasted from a plain-text email is in Courier
throughout, and a note may be too: such a paragraph that opens with a part's label ("Cause: …",
"Note: …") or reads as a sentence that reports no failure is the page's prose.
"""

from __future__ import annotations

import re

from indexer.errortext import reports_failure
from indexer.roles import Role, heading_role

# A label of a few words and its colon, in any script ("Symptoms:", "Przyczyna:", "原因：").
_LABEL = re.compile(r"([^\W\d_][^\W_]{0,40}(?: [^\W\d_]{1,40}){0,3})\s*[:：]")
# The parts a label names that a program never prints before a message: "Error:" and "Message:"
# (Role.ERRORS) open what it prints, and "Warning:" names no part.
_PROSE_PARTS = frozenset((Role.SYMPTOMS, Role.SEEN_IN, Role.CAUSE, Role.RESOLUTION, Role.INFO))
# Words then a sentence's end after a word (or its closing bracket or quote): not "Loading...".
_SENTENCE = re.compile(r"[^\W\d_]+\s.*[^\W_][)\"'”’]?[.!?]", re.DOTALL)


def is_prose(text: str) -> bool:
    """Whether ``text``, a paragraph written wholly in a fixed-width font, is prose: it opens with a
    part's label, or it reads as a sentence ("The account needs admin rights.") and reports no
    failure, as a message does ("Certificate validation failure.")."""
    text = text.strip()
    label = _LABEL.match(text)
    if label is not None and heading_role(label.group(1)) in _PROSE_PARTS:
        return True
    return _SENTENCE.fullmatch(text) is not None and not reports_failure(text)
