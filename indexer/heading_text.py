"""What a heading's text is made of, as the roles of headings read it: its quoted parts (in any
language's quotation marks, which sentences are read for too), a FAQ question's marker and the mark
of its answer.

Kept apart from :mod:`indexer.sections`, which walks the Markdown tree, so that the modules
that tell what a heading means (:mod:`indexer.roles`) and the ones that write Markdown for the
tree to be read from (:mod:`indexer.html_blocks`, :mod:`indexer.definition_lists`) can import
it without importing the walk that imports them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

# A section's number of two levels or more, a full stop after its last ("7.1.", "3.2.4."), as a stylesheet
# or a numbered document prints it before a heading's words: no word of the title.
SECTION_NUMBER = r"\d{1,2}(?:\.\d{1,2}){1,5}\."
# A FAQ's question, marked as one whether or not it ends in "?"; in Romanian "Î:" (întrebare), which
# marks nothing else ("D:", "F:" and "P:" of other languages' FAQs mark drives and labels too).
MARKED_QUESTION = r"(q|question|î|întrebare)\s*\d{0,3}\s*[:.)]\s*\S"
# "A: The spooler stopped.": a FAQ's mark of its answer, as "Q:" marks its question; "R:" (răspuns,
# réponse, respuesta) too, read only under a marked question (see answer_mark).
ANSWER_MARK = r"(?:a|answer|r|răspuns)\s*:\s+"
# "A." or "A)" opening an answer, which marks it only under a question marked alike ("Q. …"): elsewhere
# it letters a step.
_LETTERED_ANSWER = re.compile(r"a\s*([.)])\s+", re.IGNORECASE)
_LETTERED_QUESTION = re.compile(r"q\s*([.)])", re.IGNORECASE)
# A numbered question's number ("Q2.", "Question 2:"), and an answer's mark: "A:", or a number after
# it ("A2.", "A2:", "Answer 2)"), which answers only the question of that number.
_QUESTION_NUMBER = re.compile(r"(?:q|question)\s*(\d{1,3})\s*[:.)]", re.IGNORECASE)
_ANSWER_MARKS = re.compile(rf"{ANSWER_MARK}|(?:a|answer)\s*(\d{{1,3}})\s*[:.)]\s+", re.IGNORECASE)
# The longest title a sentence gives a heading the author did not write (see title_of).
MAX_TITLE_CHARS = 120
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s")


@dataclass(frozen=True)
class Quoted:
    """A code span or a quoted string inside a heading."""

    text: str
    code: bool


# Text in quotation marks as each language writes them around a message: "…" and “…” (English,
# Chinese), „…” (Polish) and „…“ (German), «…» (French, Italian, Spanish), 「…」 and 『…』 (Japanese,
# Chinese in traditional characters). Each pair is its own alternative, so that a closing mark of one
# ("“" closes a German quote) never closes another's ("“" opens an English one).
_QUOTED_TEXT = re.compile(
    r"[\"\u201c]([^\"\u201c\u201d\n]{3,300})[\"\u201d]"
    r"|\u201e([^\"\u201c\u201d\u201e\n]{3,300})[\u201c\u201d]"
    r"|\u00ab([^\u00ab\u00bb\n]{3,300})\u00bb"
    r"|\u300c([^\u300c\u300d\n]{3,300})\u300d"
    r"|\u300e([^\u300e\u300f\n]{3,300})\u300f"
)


# A heading's text in single quotes too, straight or curly: a title that is itself an attribute in double
# quotes quotes so (Mintlify's <Accordion title="Deliveries fail with 'SSL certificate problem: …'">), as
# British English does. Opened and closed where no letter is next to the mark outside, so that an
# apostrophe ("users' files", "don't") opens and closes none; a message with one in it is not read so.
_HEADING_QUOTED_TEXT = re.compile(
    _QUOTED_TEXT.pattern
    + r"|(?<![\w'])'([^'\n]{3,300})'(?![\w'])|\u2018([^\u2018\u2019\n]{3,300})\u2019(?!\w)"
)


def heading_quoted_strings(text: str) -> Iterator[str]:
    """What a heading's ``text`` holds in quotation marks, single ones too (see _HEADING_QUOTED_TEXT), in
    order, each without its marks and outer spaces."""
    return (quoted_words(found) for found in _HEADING_QUOTED_TEXT.finditer(text))


def quoted_strings(text: str) -> Iterator[str]:
    """What ``text`` holds in quotation marks, in order, each without its marks and outer spaces."""
    return (quoted_words(found) for found in quotations(text))


def quotations(text: str) -> Iterator[re.Match[str]]:
    """Each quotation in ``text``, its marks included: its words are :func:`quoted_words`."""
    return _QUOTED_TEXT.finditer(text)


def quoted_words(found: re.Match[str]) -> str:
    """The words of a quotation :func:`quotations` found, without its marks and outer spaces."""
    # One alternative matches, and its group is the last one that took part.
    return found.group(found.lastindex or 0).strip()


def answer_mark(text: str, question: str) -> int:
    """The length of the FAQ answer's mark ``text`` opens with, under ``question``: "A:" or
    "Answer:", or a numbered one where ``question`` has that number ("A2." under "Q2. …"), or a
    lettered one under a question lettered alike ("A." under "Q. …"); 0 for none, and for a
    lettered step ("A. Open the tray", "A) Open the tray" under any other question)."""
    found = _ANSWER_MARKS.match(text)
    if found is None:
        return _lettered_answer_mark(text, question)
    if found.group(1) is None:
        return found.end()
    asked = _QUESTION_NUMBER.match(question)
    return found.end() if asked is not None and int(asked.group(1)) == int(found.group(1)) else 0


def _lettered_answer_mark(text: str, question: str) -> int:
    """The length of the "A." or "A)" ``text`` opens with, where ``question`` is marked with the same
    letter and stop ("Q. Why …?", as a FAQ saved as plain text marks its pairs); else 0."""
    found = _LETTERED_ANSWER.match(text)
    asked = _LETTERED_QUESTION.match(question)
    return found.end() if found is not None and asked is not None and asked.group(1) == found.group(1) else 0


def title_of(text: str) -> str:
    """The title ``text`` gives a heading that its author did not write (a case's, a group of steps'): its
    first sentence, cut at a word to at most MAX_TITLE_CHARS characters."""
    title = _SENTENCE_BREAK.split(text.strip(), maxsplit=1)[0]
    return title if len(title) <= MAX_TITLE_CHARS else title[:MAX_TITLE_CHARS].rsplit(" ", 1)[0]


# A condition a sentence or a heading opens with ("If you get …", "When the log shows …", "In case the error
# says …").
CONDITION = r"(?:if|when|in case)\b"
# A heading that makes its section's case an error it quotes ('If the replica then logs "could not restore
# file"', "When the job prints `E42: lock held`"): a condition, then the quotation.
_CONDITIONED_HEADING = re.compile(
    CONDITION + r"[^\"\u201c`\n]{1,80}[\"\u201c`]([^\"\u201d`\n]{3,200})[\"\u201d`]", re.IGNORECASE
)


def conditioned_heading(title: str) -> str:
    """What a heading that opens on a condition quotes (see _CONDITIONED_HEADING): the error its section
    answers; "" for any other heading."""
    found = _CONDITIONED_HEADING.match(title.strip())
    return found[1] if found else ""
