"""An HTML definition list (``<dl>``) that is a reference of messages → a heading per message.

A message reference generated as a definition list (Oracle's, a Sphinx project's error reference)
writes each message as a term, an error code and its text ("QRY-00104: deadlock detected …"), and
what it means and what to do as its definition, often under "Cause:" and "Action:" labels. Read
as paragraphs, the whole list was one problem titled by the page, each message and its action a
step. Written as a heading per message, with its definition's labels in bold, it is read as the
plain-text catalogues and the error headings of a Markdown article are: a problem per message.

A glossary stays text: only a list of two terms or more, each an error (it names an error code,
or reads as a message), and each definition saying what to do (under "Action:" or "Solution:", as
an instruction, or as a list of steps), is a reference of messages. A list of the messages one
problem shows ("the log shows one of these messages:", each with when it is seen) is no reference:
split into a problem per message, the page's own problem was lost.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from indexer.errortext import error_codes
from indexer.heading_text import Quoted
from indexer.roles import (
    PROBLEM_PART_ROLES,
    Role,
    heading_role,
    message_like,
    reads_as_instruction,
)

# The fewest terms of a reference: one message alone in a list is a field of its page.
MIN_MESSAGES = 2
# A line of a definition that opens with a part's label in plain text ("Cause: The block …",
# "Action:" alone over a list), and what follows it.
_PLAIN_LABEL = re.compile(r"([^\W\d_](?:[^\W\d_]| ){0,29}):(?:[ \t]+(\S.*))?")
# The same label in bold, as a vendor's reference prints it ("**Action:** Raise …", "**Action**: …").
_BOLD_LABEL = re.compile(r"\*\*([^\W\d_](?:[^\W\d_]| ){0,29})(?::\*\*|\*\*:)(?:[ \t]+(\S.*))?")
# A term written as one code span, as Sphinx writes a message: "`QX-101: cannot open ledger`".
_CODE_SPAN = re.compile(r"(`+) ?([^`].*?) ?\1")
# A line of Markdown that opens a list's item, and where one sentence ends and the next begins.
_LIST_ITEM = re.compile(r"\s*(?:[-*+]|\d{1,9}[.)])\s")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
# A backslash the Markdown writer put before a character that would read as markup.
_ESCAPE = re.compile(r"\\(.)")


@dataclass
class DefinitionList:
    """A ``<dl>`` being read: the heading level its terms take, and the lines of the Markdown written
    for each of its terms and definitions (``range`` of line indexes, in order)."""

    level: int
    # Whether the heading it sits under names errors itself ("Loader errors"; see roles.heading_names_errors).
    under_errors: bool = False
    # An API generator's entry for an exception (Sphinx autodoc's ``<dl class="py exception">``): its
    # term, the class's signature, heads what the definition says of that exception.
    entries: bool = False
    terms: list[range] = field(default_factory=list)
    definitions: list[range] = field(default_factory=list)
    # The term or definition open ("dt", "dd" or ""), and the first line written for it.
    open_tag: str = ""
    open_at: int = 0
    # The line after the last one written for the list, once its </dl> is read.
    end: int = 0

    def open(self, tag: str, at: int) -> None:
        """A ``<dt>`` or ``<dd>`` begins at line ``at``; one left open ends there (HTML lets each
        go unclosed)."""
        self.close(at)
        self.open_tag, self.open_at = tag, at

    def close(self, at: int) -> None:
        """The term or definition open ends before line ``at``."""
        if self.open_tag:
            (self.terms if self.open_tag == "dt" else self.definitions).append(range(self.open_at, at))
        self.open_tag = ""


def is_message_reference(terms: list[str], definitions: list[list[str]]) -> bool:
    """Whether a definition list's terms (each the one line of Markdown written for it) are the
    messages of a reference: two or more, every one an error, and every definition (its lines of
    Markdown) saying what to do about it."""
    return (
        len(terms) >= MIN_MESSAGES
        and all(_is_message(term) for term in terms)
        and all(says_what_to_do(lines) for lines in definitions)
    )


def says_what_to_do(lines: list[str]) -> bool:
    """A definition with a fix: a part label that names one ("Action:", "**Solution:**"), a sentence that
    instructs ("Create it or fix the setting."), or a list of steps."""
    for line in lines:
        said = line.strip()
        labelled = _PLAIN_LABEL.fullmatch(said) or _BOLD_LABEL.fullmatch(said)
        if labelled is not None and heading_role(labelled.group(1)) is Role.RESOLUTION:
            return True
        if _LIST_ITEM.match(line) or any(reads_as_instruction(s) for s in _SENTENCE_END.split(said)):
            return True
    return False


def _is_message(term: str) -> bool:
    """A term that names an error code ("QRY-00104: …", "0x80070005") or reads as a message
    ("cannot open ledger"), not a word a glossary defines ("Timeout")."""
    text, code = term_words(term)
    return bool(error_codes(text, named=False)) or message_like(Quoted(text, code=code))


def term_words(term: str) -> tuple[str, bool]:
    """The words of a term's line of Markdown, and whether it is one code span (as Sphinx writes a
    message: "`QX-101: cannot open ledger`")."""
    code = _CODE_SPAN.fullmatch(term)
    return (code.group(2), True) if code else (_ESCAPE.sub(r"\1", term), False)


def bold_part_label(line: str) -> str:
    """``line`` of a message's definition with the part label it opens with in bold ("**Cause:**
    The block …", "**Action:**"), as a help desk's export labels a part; else ``line`` as it is."""
    found = _PLAIN_LABEL.fullmatch(line)
    if found is None or heading_role(found.group(1)) not in PROBLEM_PART_ROLES:
        return line
    label = found.group(1).strip()
    return f"**{label}:** {found.group(2)}" if found.group(2) else f"**{label}**"
