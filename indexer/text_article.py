"""A flat-text article → problems, for exports that lost their headings.

The style: "Symptoms: …" starts a problem, "Resolution: …" its fix (each label may stand on a line
of its own, as "PROBLEM:", "CAUSE:", "SOLUTION:", there without its colon too, as "PROBLEM" or
"Root cause", but for the value a step ending in ':' introduces on the line under it, or name its
part twice, as "Issue/Symptoms:"; a "PROBLEM:" label's words that read as a heading, over a
description indented under it or under a "Symptoms:" label of its own, title the problem, and a number
before it, "1. PROBLEM: …", numbers the problem); lines that start with "- ", "1." or "1)", and
"Step 1 - …" lines, are steps, "a." lines sub-steps of the step above (the steps, with no numbered
step above them), and a line after a step that ends in ':' is that step's (the command it
introduces); a short line without final punctuation, or a "Step 1: …" heading, names a group of
steps, as a second fix label after steps does ("Workaround:"), but never one with no step: right
under such a name a short line is its step, and a name over nothing is the fix's text; a line
ending in ':' introduces the steps after it, but one that only names them a workaround ("As a
workaround:", or a "Workaround:" label) names their group, and the fix's lines before it that say
what to do are steps of their own (the fix). A line indented under a sentence of a fix written as
sentences that ends in ':', itself no sentence ("Reply to this message with:" over "DOWN"), is the
value that sentence asks for: one step with it. Each of a message entry's responses ("Operator
response", "System programmer response") is a fix of its own: the sentences of the one before the
next are its steps, the next a group; its other fields ("System action", "Module", "Routing code",
"Parent topic: …") are the page's text. A line after the steps that opens with an advice
label ("NOTE: …", or "Note:" alone over its text), or a device configuration's remark ("! …"), is a
note of the fix, and it and the lines
indented under the last step stay the fix's before the next problem. Text before a "Symptoms:"
label that is not a heading describes the problem, but a later paragraph of it that opens by
saying what the cause is ("Root cause was …", "This was caused by …") is the cause where no label
states one. With no "Symptoms:" label, a "Cause" label alone opens a problem titled by the heading
over it where the text between holds a line a log printed, set apart under a label alone
("Syslog:", then "%OSPF-5-ADJCHG: …") or under the device's command that shows it, its error message (see _resolution_runs_on for where the
fix before ends; a line indented under a sentence ending in ':' is no heading); "Environment:"
says where it is seen; "Other Terms" alone (a note's keywords) heads the page's text, no symptoms;
"Additional information:" and other boilerplate labels end it. A "Title:" (or a ticket's "Short
Description:") among the labels that open the page titles it, and a field's name may be several
capitalised words ("Visible In Public Knowledge Base:"); a fix's label over a category
("Resolution Code: Solved (Work Around)") and fields after the fix ("Closed: …") are the page's,
and so are a record's notes ("Work notes:", "Internal Notes: …"); an "Answer:" label's sentence
that says nothing to do, over the answer's steps, is the cause. The file's first line titles it
when it reads as a title, and rows of fields under it ("Version 3 | Published …",
"Doc: KB-0442    Owner: …") are the page's. A sentence of the fix wrapped onto the next line is
one step, at a fixed width even where the next line opens with a capital ("… contact the IBM" over
"Support Center."), unless that line says what to do of its own. An email's (a file with a "Subject:", "From:" and "To:", or a reply's marker) "Subject:" titles it;
its greeting and sign-off ("Hi team,", "Thanks," over a name, never over numbered or bulleted
lines), and the message a reply quotes after "-----Original Message-----", are the page's text. A
heading underlined with "=" or "-" (or framed by two such rules) is a heading, without its number; a "Cause:" label's text
wrapped onto lines indented under it, or right under it at a fixed width, is the cause.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from itertools import accumulate, pairwise

from indexer.callouts import PLAIN_ADVICE
from indexer.dates import DATE
from indexer.errortext import error_codes
from indexer.markdown_article import without_title_label
from indexer.messages import (
    REPLY_MARKER,
    announces_output,
    device_command,
    is_error_lead,
    quoted_messages,
    reads_as_failure,
)
from indexer.records import Note, Problem, Step
from indexer.roles import (
    Role,
    heading_role,
    names_entry_field,
    names_environment,
    names_keywords,
    names_status,
    names_workaround,
    reads_as_cause,
    reads_as_instruction,
    says_the_fix,
    states_cause,
    without_number,
)
from indexer.threads import name_lines

# A field's name of several capitalised words, longer than a part's label may be ("Visible In Public
# Knowledge Base:", as Salesforce Knowledge exports its fields): a label, where a sentence's words are not.
_TITLE_CASE_LABEL = r"[A-Z][a-z]+(?: [A-Z][a-z]+){1,6}"
# "Symptoms: …", and labels that name a part twice ("Issue/Symptoms:", as ServiceNow exports them); in
# any language's letters ("Rješenje:", as a Croatian export labels its fix: it was a line of the cause).
_LABEL = re.compile(rf"^\s*([^\W\d_](?:[^\W\d_]|[ /&]){{1,30}}|{_TITLE_CASE_LABEL}):\s*(.*)$")
# A problem's number before its label, as an export numbers its problems ("1. PROBLEM: Potpis nije
# valjan" over its "Simptom:", "Uzrok:" and "Rješenje:"): read as a step, each problem was one of the
# fix above.
_PROBLEM_NUMBER = re.compile(r"\d{1,3}[.)][ \t]+")
# The parts a label names when it stands alone on its line without its colon ("PROBLEM", "Cause"):
# those the reading below starts or ends a part at.
_PART_ROLES = (Role.SYMPTOMS, Role.CAUSE, Role.RESOLUTION)
_BARE_LABEL_ROLES = (*_PART_ROLES, Role.BOILERPLATE)
# A part's label that says when it applies, too long or worded for the label above ("Workaround if the
# driver can't be installed: connect to …"); a label only where its first words name a part.
_CONDITIONED_LABEL = re.compile(
    r"^([A-Za-z]{1,20}(?: [A-Za-z]{1,20})? (?:if|when|for|until|while)\b[^:]{1,60}):[ \t]*(.*)$", re.I
)
# An email's greeting or sign-off: a few words and a comma alone on a line ("Hi team,", "Thanks,").
# The most lines a signature under its "--" separator has (RFC 3676 asks for at most four).
SIGNATURE_LINES = 4
_SALUTATION = re.compile(r"[A-Za-z][\w'’]*(?: [\w'’]+){0,2},")
# The header lines that make a file an email, whose greeting and sign-off are read as such (a
# "Subject:"; "From:" and "To:"): elsewhere "On Windows Server," opens what goes on under it.
_SUBJECT_HEADER = re.compile(r"subject\s*:", re.I)
_FROM_HEADER = re.compile(r"from\s*:", re.I)
_TO_HEADER = re.compile(r"to\s*:", re.I)
# The labels of a page's title line; a ticket's "Short Description:" (ServiceNow's) is its title too.
_TITLE_LABEL = re.compile(r"(?:article |page |kb )?(?:title|subject)|short description", re.IGNORECASE)
# A row of "=" or "-" under a heading.
_UNDERLINE = re.compile(r"=+|-+")
_BULLET = re.compile(r"^\s*(?:[-*\u2022]|\d{1,3}[.)])\s+(.*)$")
# A step's mark and the spaces after it, up to where its text begins; a lettered step's too ("b) Set
# the MTU:"), whose commands a tech note indents under its text as under a numbered one's.
_STEP_MARK = re.compile(r"[ \t]*(?:[-*\u2022]|\d{1,3}[.)]|[a-z][.)])[ \t]+")
# "Step 1 - Open the portal.", "Step 2: Restart the terminal.": a numbered step written out.
_STEP_LINE = re.compile(r"^\s*step\s*\d{1,3}\s*([-\u2013\u2014:.)])\s*(\S.*)$", re.I)
_STEP_NUMBER = re.compile(r"step\s*(\d{1,3})\s*[-\u2013\u2014:.)]\s*\S", re.I)
# A row of a page's fields under its title ("Version 3.0 | Published 2024-02-11 | Author: J. Mendes"):
# short values side by side, no sentence.
_FIELD_ROW = re.compile(r"[^|]{1,60}(?:\s\|\s[^|]{1,60})+")
# What sets a row's fields apart when no bar does: a tab, or a run of spaces ("Document: KB-0442
# Owner: Service Desk"), where a sentence has one space; or a comma before the next label
# ("Component: FI-QX-PAY, Version: 4, Released On: 12.09.2023").
_FIELD_GAP = re.compile(r"\t+|  +|,\s+(?=[A-Z][A-Za-z ]{0,24}:\s)")
# A file's first line titles it when it reads as a title, however long a KB export's is
# ("KB0012345 - SecureLink VPN: Error 809 when connecting from home or hotel networks").
_TITLE_LINE_CHARS = 120
# A manual's numbered section ("4.2.3 Communication lost with …"), as a converted PDF prints its title: a
# heading however long a plain line read as one may be. Two levels or more, then a capital: a version
# opening a sentence ("2.4.1 firmware and later …") is none.
_SECTION_LINE = re.compile(r"\d{1,3}(?:\.\d{1,3})++[ \t]++[A-Z]")
# A numbered section's heading, as an RFC (or a note set like one) numbers its sections: "4.  Security
# Considerations", "3.2.  Grandmaster Change Storms"; its first number, the numbers under it, its words.
_SECTION_NUMBER = re.compile(r"(\d{1,2})\.(\d{1,2}(?:\.\d{1,2})*\.?)?[ \t]+([A-Z].*)")
# The count of a list's rows after its name ("LINKED INCIDENTS (3)", as a record's export heads its lists).
_COUNT = re.compile(r"[ \t]+\(\d{1,5}\)$")
# How a line that goes on with a message wrapped above it opens: a word in lower case, or a bracket.
_WRAPPED_ON = re.compile(r"[a-z(\[]")
# A lettered sub-step: "a. Open Settings", "b) Click Remove".
_SUB_BULLET = re.compile(r"^\s*[a-z][.)]\s+(.*)$")
# A bullet that a flat export ran onto the end of the previous one: "…domain. - Note that…"
_RUN_ON_BULLET = re.compile(r"(?<=[.!?])\s+-\s+(?=[A-Z])")
_SEEN_IN = re.compile(r"\berrors? (?:is |are )?(?:seen |shown |logged |reported )?in (.+?)\.?$", re.I)
_TITLE_CHARS = 90
# A message catalogue's entry line: a code, then the message ("GRS-01017: invalid credentials; logon
# denied", "SQL0911N The current transaction has been rolled back").
_CODE_ENTRY = re.compile(r"^(\S{2,40}?)(?:[ \t]*[:\u2013\u2014][ \t]+|[ \t]+-[ \t]+|[ \t]+)(\S.*)$")
# The fix's label of a question-and-answer export (Salesforce Knowledge's "Question:" and "Answer:").
_ANSWER_LABEL = re.compile(r"answer", re.IGNORECASE)
# The notes a ticket's or a knowledge record's agents keep beside it ("Work notes:", "Internal Notes:",
# "Close notes:", as ServiceNow and Salesforce export them): the page's text, never what is seen or done.
_RECORD_NOTES = re.compile(r"(?:work|internal|close|closing|private)\s+notes?", re.IGNORECASE)
# The words a sentence has and a record's category of its fix does not ("Turn the roll over", but
# "Configuration change (no product defect)", "Solved (Work Around)").
_SENTENCE_WORD = re.compile(r"\b(?:the|an?|your|its?|this|that|these|those|to|was|were|is|are)\b", re.I)
# A field's value that is only a date ("Sep 12, 2023", "12 March 2024", "2024-03-12", "12.03.2024"), an ISO
# one perhaps with its time: when a record was written or changed, a field of the page whatever its label
# ("Last Modified: …").
_DATED = re.compile(rf"(?:{DATE}|\d{{1,2}}[./]\d{{1,2}}[./]\d{{2,4}})[ \t]*")
# A line of a directory of who to reach and how ("Storage on-call: +1 555 0100", "Pager: oncall@…"): a
# short name, then a value that ends no sentence.
_DIRECTORY_LINE = re.compile(r"[^:.!?]{1,40}:[ \t]+\S[^!?]{0,100}(?<![.!?])")
# A field of the page under its title: a short label and a short value, no sentence.
_FIELD = re.compile(rf"(?:[A-Za-z][A-Za-z ]{{0,24}}|{_TITLE_CASE_LABEL}):\s*(?:[^.!?]|\.(?=\w)){{1,80}}")


@dataclass
class _Naming:
    """The line that named a fix's group ("On the server", "If it still fails, then:"), while no step
    or text stands in the group: a name over nothing is no name (see :func:`_unname`)."""

    line: int
    text: str
    # The group it follows, which its text falls back to.
    before: str | None
    # A lead-in ending in ":", whose next short line is the first thing it introduces.
    lead_in: bool = False


@dataclass
class _Draft:
    line: int
    # The heading line right above its "Symptoms:" label, if any: the problem's title.
    title: str = ""
    # Whether that title is what a "PROBLEM:" label says: its messages and codes are the problem's,
    # as they were when those words ran on into the symptoms.
    label_titled: bool = False
    symptoms: list[str] = field(default_factory=list)
    # Lines of the symptoms indented under a sentence that ends in ":", each with that sentence: what a
    # program or a device showed, one a line ("The terminal screen shows one of:" over two messages).
    shown: list[tuple[str, str]] = field(default_factory=list)
    shown_lead: str = ""
    # The line of the symptoms read last, and the lines of them a message shown was wrapped from: no
    # message alone, but its first line (see _Reader._wraps_shown).
    shown_at: int = 0
    cut_short: set[str] = field(default_factory=set)
    cause: list[str] = field(default_factory=list)
    lead: list[str] = field(default_factory=list)
    steps: list[Step] = field(default_factory=list)
    # Lines of the fix that are no step, with the group they stand in.
    loose: list[tuple[int, str, str | None]] = field(default_factory=list)
    # The lines the last of them wrapped onto, joined to it once (see _join_loose), and the number
    # of the line it ends on.
    loose_wrapped: list[str] = field(default_factory=list)
    loose_end: int = 0
    in_resolution: bool = False
    # Under a label on a line of its own, the part the lines after it belong to: the cause
    # ("CAUSE:"), where it is seen ("Environment:"), or none of the problem ("Additional
    # information:", whose lines are the page's), or the page's words to find it by ("Other Terms",
    # Role.INFO), whose lines are the page's while the problem goes on.
    under: Role | None = None
    environment: list[str] = field(default_factory=list)
    # The line a paragraph of the symptoms that says what the cause is ends on so far (see _explains).
    explained_end: int = 0
    group: str | None = None
    # The line that named ``group``, until a step or a line of text stands in it.
    naming: _Naming | None = None
    # How many steps each group has so far: a step's number, without counting them all again.
    counts: dict[str | None, int] = field(default_factory=dict)
    # The fix's notes after its steps ("NOTE: Step 5 requires …", or "Note:" then its text), as their
    # line and the lines they are wrapped onto, joined and placed among the steps once all are read
    # (see _notes); the line the last one ends on.
    notes: list[tuple[int, list[str]]] = field(default_factory=list)
    note_end: int = 0
    # The last line of what a step that ends in ":" shows on lines of its own (its command, its output).
    shown_end: int = 0
    # The line of the last lead-in read ("Reply to this message with:"), and the last line of the value
    # indented under it that made it a step (see _value_of_lead).
    lead_end: int = 0
    valued_end: int = 0
    # The last line with text read into the draft: a note goes on only from it.
    last_line: int = 0
    # The line a "Cause: …" label's text ends on so far (lines indented under it wrap it).
    cause_end: int = 0
    # Whether the fix letters its steps ("a) Open the lid.", "b) …"), so that "b)" is no sub-step of "a)".
    lettered: bool = False
    # Whether its last step was written out "Step 2. …": bullets indented under it are its branches.
    written: bool = False
    # Lines wrapped onto the last step so far, each after what sets it apart (a space, or a line break
    # before a line of what the step shows), joined to it once (see _join_wrapped): joining each as it
    # came copied the step again (960 KB of one step's lines, 7 s).
    wrapped: list[str] = field(default_factory=list)
    # The message a catalogue's entry opens with after its code, and the code (see _catalogue_entries).
    message: str = ""
    codes: list[str] = field(default_factory=list)


@dataclass
class TextArticle:
    """What a flat-text article holds: its problems, in order, and its title: its first line when
    that is a heading over several problems and is none of theirs (the guide's own title), else its
    first problem's."""

    problems: list[Problem]
    title: str
    # What no problem holds: the page's fields ("Owner: Messaging team") and headings that head
    # none of them. Searchable, as a Markdown article's body is.
    body: str = ""


def read_text_article(text: str) -> TextArticle:
    """Extract the problems of a flat-text article, and its title."""
    raw_lines, ruled = _without_underlines(text.replace("\r\n", "\n").split("\n"))
    furniture = _without_page_furniture(raw_lines)
    _rejoin_hyphenated(raw_lines)
    lines = [raw.strip() for raw in raw_lines]
    labels = _labels(lines)
    email = _is_email(lines)  # before a "Subject:" line is the title it gives (below)
    titled = _title_label(lines, labels, ruled)
    roles = _roles(labels)
    entries = _catalogue_entries(raw_lines, lines, roles)
    if any(entries):
        _join_indented(raw_lines, lines, entries)
        labels = _labels(lines)
        roles = _roles(labels)
    shown, under_step = _shown_lines(raw_lines), _under_steps(raw_lines)
    step_wrapped = _under_steps(raw_lines, aligned=True)
    indents = [len(raw) - len(raw.lstrip(" \t")) for raw in raw_lines]
    reader = _Reader(
        lines,
        labels,
        roles,
        entries,
        shown=shown,
        under_step=under_step,
        step_wrapped=step_wrapped,
        indents=indents,
        titled=titled,
        email=email,
        ruled=ruled,
    )
    reader.outside.extend(furniture)
    reader.read()
    return reader.article()


# The gap pdftotext -layout keeps between the parts of a line laid out across the page.
_LAYOUT_GAP = re.compile(r"[ \t]{3,}")
# A word a typesetter broke at a line's end, as pdftotext keeps it: "trans-" ending a line, its rest in
# lower case opening the next ("port."). Checked at the end only: a line's last characters, then its next
# line's first.
_BROKEN_WORD = re.compile(r"(?<![\w-])([A-Za-z]++)-[ \t]*$")
_WORD_REST = re.compile(r"([ \t]*)([a-z])")


# A page's footer as an RFC is printed, its author, its category and its page number in columns
# ("Halvorsen        Informational        [Page 2]").
_PAGE_FOOTER = re.compile(r"\S[ \t]{3,}\[Page \d{1,4}\]$")
# How far a title centred over the text is indented, at least.
_CENTRED = 5


def _without_page_furniture(raw_lines: list[str]) -> list[str]:
    """Blank what a paged plain-text document prints around its text, in place, and return it: each
    page's footer (see ``_PAGE_FOOTER``), the running header that opens the next page (the first line
    after a footer, laid out in columns) wherever it stands (the first page's first line too), and a
    memo's header block over its title centred under it (two lines or more at the top, each of two
    columns set apart by a wide gap: "Internal Note: OPS-0042        Network Team").
    Read as text, a page break in a fix ended it (its note after the break was lost), and the header
    titled the article."""
    texts = [raw.strip() for raw in raw_lines]
    footers = {index for index, text in enumerate(texts) if _PAGE_FOOTER.search(text)}
    headers = set()
    for index in footers:
        after = next((text for text in texts[index + 1 :] if text), "")
        if _LAYOUT_GAP.search(after) and not _PAGE_FOOTER.search(after):
            headers.add(after)
    furniture = [index for index, text in enumerate(texts) if index in footers or (text and text in headers)]
    top = next((index for index, text in enumerate(texts) if text and index not in furniture), len(texts))
    block = top
    while block < len(texts) and _LAYOUT_GAP.search(texts[block]):
        block += 1
    title = next((index for index in range(block, len(texts)) if texts[index]), len(texts))
    if (
        block - top >= 2
        and block < len(texts)
        and not texts[block]
        and title < len(texts)
        and raw_lines[title][:_CENTRED].isspace()
        and _looks_like_heading(texts[title])
    ):
        furniture.extend(range(top, block))
    removed = [texts[index] for index in sorted(furniture)]
    for index in furniture:
        raw_lines[index] = ""
    return removed


def _rejoin_hyphenated(raw_lines: list[str]) -> None:
    """Join each word of ``raw_lines`` broken with a hyphen at a line's end, in place: the word moves whole
    to the next line, so each line keeps its number and the line it was broken on keeps its other words.
    A part before a capital or a digit ("Wi-" over "Fi", "PG-" over "3000") is a name's or a code's."""
    for index in range(len(raw_lines) - 1):
        line = raw_lines[index]
        if not line.rstrip().endswith("-"):
            continue
        broken = _BROKEN_WORD.search(line)
        rest = _WORD_REST.match(raw_lines[index + 1])
        if broken is None or rest is None or not line[: broken.start()].strip():
            continue
        raw_lines[index] = line[: broken.start()].rstrip()
        after = raw_lines[index + 1]
        raw_lines[index + 1] = rest.group(1) + broken.group(1) + after[rest.end(1) :]


def _without_underlines(raw_lines: list[str]) -> tuple[list[str], str]:
    """``raw_lines`` with each heading underlined as a plain-text export writes it ("1. Labels print
    blank" over a row of "-" or "=" at least half its length) alone on its line, without its
    underline and its number: read as they stood, the underline titled the problem below and the
    heading was a step of the one above. And the first heading underlined with "=", the page's title
    (a level-1 heading, as Markdown reads one), or ""."""
    out = list(raw_lines)
    ruled = ""
    for index in range(1, len(out)):
        rule, heading = out[index].strip(), out[index - 1].strip()
        if (
            _UNDERLINE.fullmatch(rule)
            and heading
            and not _UNDERLINE.fullmatch(heading)
            and 2 * len(rule) >= len(heading)
        ):
            unnumbered = without_number(heading)
            if _looks_like_heading(unnumbered, longest=_TITLE_LINE_CHARS):
                out[index - 1], out[index] = unnumbered, ""
                ruled = ruled or (unnumbered if rule[0] == "=" else "")
                if index >= 2 and _UNDERLINE.fullmatch(over := out[index - 2].strip()) and over[0] == rule[0]:
                    # A heading framed by two rules, as a tech note sets its sections apart: the rule over
                    # it is the frame's, no line of the text before (which then ran on into the heading).
                    out[index - 2] = ""
    return out, ruled


def _title_label(lines: list[str], labels: list[re.Match[str] | None], ruled: str = "") -> str:
    """What a "Title: Database is locked" line says, among the lines of labels that open the page
    ("Article ID: KB-1042"; in paragraphs of their own too, as a ticket's export sets its "Short
    Description:" apart), as a KB export heads it: the title, whatever text comes between it and
    the first part; "" for none. The line becomes what it says, no label. (Further down, "Subject:
    Undeliverable: …" is what a problem says.) A heading ``ruled`` with "=" over the labels names
    the record's kind ("KNOWN ERROR RECORD", as an ITSM tool prints one), the labels under it its own."""
    for number, line in enumerate(lines):
        label = labels[number]
        if not line or (line == ruled and not label):
            continue
        if not label or heading_role(label.group(1)) in _PART_ROLES:
            # (A part's label, "Symptoms:", opens the article's text: no label of the page.)
            break
        if label.group(2) and _TITLE_LABEL.fullmatch(label.group(1).strip()):
            titled = lines[number] = label.group(2).strip()
            labels[number] = None
            return titled
    return ""


def _logged_lines(lines: list[str], roles: list[Role]) -> set[str]:
    """The lines a log printed: right under a label alone that names no part of a problem ("Syslog:",
    "Console log:") or under the device's command that shows its log ("R1# show logging"), each opens
    with its error code, as a log's lines do ("%OSPF-5-ADJCHG: …")."""
    found: set[str] = set()
    lead, lead_role = "", Role.TOPIC  # the line with text above, and the part its label names
    for line, role in zip(lines, roles, strict=True):
        if not line:
            continue
        label = _LABEL.fullmatch(lead)
        entry = _CODE_ENTRY.match(line)
        if (
            ((label and not label.group(2) and lead_role is Role.TOPIC) or device_command(lead))
            and entry
            and error_codes(entry.group(1), named=False)
        ):
            found.add(line)
        lead, lead_role = line, role
    return found


def _roles(labels: list[re.Match[str] | None]) -> list[Role]:
    """The part each line's label names (a line with none: a topic's)."""
    return [heading_role(label.group(1)) if label else Role.TOPIC for label in labels]


class _Reader:
    """One walk over a flat-text article's lines (see :func:`read_text_article`): each line is a
    problem's part label or a catalogue's entry (:meth:`_part`), a line of the last problem's part
    (:meth:`_in_problem`), or none of a problem's (:meth:`_outside`), in that order."""

    def __init__(
        self,
        lines: list[str],
        labels: list[re.Match[str] | None],
        roles: list[Role],
        entries: list[list[str]],
        *,
        shown: list[bool],
        under_step: list[bool],
        step_wrapped: list[bool],
        indents: list[int],
        titled: str,
        email: bool,
        ruled: str = "",
    ) -> None:
        self.lines, self.labels, self.roles, self.entries, self.titled = lines, labels, roles, entries, titled
        self.ruled = ruled
        # Each entry's message after its code, read once its wrapped lines are joined ("" on other lines).
        self.messages = [
            found.group(2).strip() if codes and (found := _CODE_ENTRY.match(line)) else ""
            for line, codes in zip(lines, entries, strict=True)
        ]
        self.logged = _logged_lines(lines, roles)
        self.shown, self.under_step, self.indents = shown, under_step, indents
        self.indented = [width > 0 for width in indents]
        self.runs_on, self.opens = _resolution_runs_on(lines, labels, roles, self.logged)
        _keep_with_steps(self.runs_on, lines, under_step, step_wrapped)
        self.fields = _fields(lines, labels, roles)
        self.first_line = next((line for line in lines if line), "")
        self.salutations = _salutations(lines) if email else [False] * len(lines)
        self.signature = _signature_start(lines, roles)
        self.procedure = _written_procedure(lines)
        self.directories = _directory_headings(lines)
        self.sections = _numbered_sections(lines, indents)
        self.in_step = _step_paragraphs(lines, indents)
        self.drafts: list[_Draft] = []
        # Text before a problem's "Symptoms:" label (its description), and the heading above it.
        self.pending: list[str] = []
        self.heading = ""
        # That text as far as it was read for a line a log printed, and the line found (see _logged_before).
        self.read_logged: tuple[list[str], int, str] = (self.pending, 0, "")
        # What no problem holds: the page's text.
        self.outside: list[str] = []

    def read(self) -> None:
        """Read every line with text into the problems' drafts or the page's text."""
        replied = False  # past the marker of a reply's quoted message
        drafts = self.drafts
        for number, (line, label, role) in enumerate(
            zip(self.lines, self.labels, self.roles, strict=True), start=1
        ):
            if not line:
                continue
            replied = replied or (bool(drafts) and bool(REPLY_MARKER.fullmatch(line)))
            if replied or self.salutations[number - 1] or (drafts and number >= self.signature):
                # The thread a reply quotes, an email's greeting and its sign-off, a signature: the
                # page's text.
                self.outside.append(line)
                continue
            if (
                drafts
                and drafts[-1].cause_end == number - 1
                and not label
                and (self.indented[number - 1] or _hard_wrapped(self.lines[number - 2], line))
            ):
                # "Cause:    Ribbon is installed inside-out, or the" then, indented under it, "printer
                # is set to …", or under it at a fixed width: the label's text wrapped, not a line of
                # what is seen.
                drafts[-1].cause.append(line)
                drafts[-1].cause_end = number
                continue
            closed = bool(drafts) and drafts[-1].under is Role.BOILERPLATE
            if not self._part(number, line, label, role, closed=closed):
                if closed and _looks_like_heading(line):
                    # What may head the next problem, as a heading does before its "Symptoms:" label.
                    self._heads(line)
                elif closed:
                    self.outside.append(line)
                elif not self._in_problem(number, line):
                    self._outside(number, line, label)
            if drafts:
                drafts[-1].last_line = number

    def _part(self, number: int, line: str, label: re.Match[str] | None, role: Role, *, closed: bool) -> bool:
        """Whether ``line`` opens a problem or one of its parts: a part's label ("Symptoms:",
        "Resolution:", "CAUSE", "Environment:", "Additional information:" after the steps) or a
        catalogue's entry; ``closed`` says that the last problem is over (past its boilerplate)."""
        drafts = self.drafts
        notes = label is not None and bool(_RECORD_NOTES.fullmatch(label.group(1)))
        if (
            label
            and role is Role.SYMPTOMS
            and drafts
            and not drafts[-1].in_resolution
            and not closed
            and not self.pending
        ):
            # "PROBLEM: …" then "SYMPTOMS: …" before any fix: two parts of one problem's description.
            drafts[-1].under = None
            if label.group(2):
                drafts[-1].symptoms.append(label.group(2))
        elif message := self.messages[number - 1]:
            # A catalogue's entry heads a problem as a "Symptoms:" label does.
            self.outside.extend(filter(None, [*self.pending, self.heading]))
            codes = self.entries[number - 1]
            drafts.append(_Draft(line=number, title=line, symptoms=[message], message=message, codes=codes))
            self.pending, self.heading = [], ""
        elif label and role is Role.SYMPTOMS:
            self._symptoms_label(number, label)
        elif (
            label
            and role is Role.CAUSE
            and (not drafts or drafts[-1].in_resolution)
            and self.heading
            and (logged := self._logged_before())
        ):
            # A tech note's "Cause" under its title, a line a log printed set apart under "Syslog:"
            # (or under the command that shows the log) and what else is seen: with no "Symptoms:"
            # label, that text describes it. It begins at its heading: the nearest line above with
            # the heading's words.
            begins = next((n for n in range(number - 1, 0, -1) if self.lines[n - 1] == self.heading), number)
            drafts.append(_Draft(line=begins, title=self.heading, symptoms=self.pending, message=logged))
            self.pending, self.heading = [], ""
            drafts[-1].under = None if label.group(2) else Role.CAUSE
            if label.group(2):
                drafts[-1].cause.append(label.group(2))
                drafts[-1].cause_end = number
        elif label and role is Role.RESOLUTION and drafts and self._names_category(number, line, label):
            # "Resolution: Configuration change (no product defect)", "Resolution Code: Solved (Work
            # Around)" over the next field: the record's category of its fix, as a ticket or knowledge
            # export lists it among its fields; the page's, no part (it named a group, or was a step).
            self.outside.append(line)
        elif label and role is Role.RESOLUTION and drafts and not closed:
            self._resolution_label(number, label)
        elif drafts and drafts[-1].in_resolution and self._fields_after_fix(number, label, role):
            # "Closed: 2024-05-13 11:47:02" over "Close notes: …" after a ticket's fix: the record's
            # fields, the page's, after the problem (the first named a group of steps, the next its step).
            drafts[-1].in_resolution, drafts[-1].under = False, Role.BOILERPLATE
            self.outside.append(line)
        elif label and role is Role.CAUSE and drafts and not closed:
            if drafts[-1].steps:
                # A cause told after the fix's steps (a bug record's "Further Problem Description:"
                # after its workaround) ends the fix: its text is no more of the last step.
                drafts[-1].in_resolution = False
            drafts[-1].under = None if label.group(2) else Role.CAUSE
            if label.group(2):
                drafts[-1].cause.append(label.group(2))
                drafts[-1].cause_end = number
        elif (
            label
            and drafts
            and not drafts[-1].in_resolution
            and ((not label.group(2) and names_keywords(line)) or notes)
        ):
            # "Other Terms" alone over a vendor note's list of the transactions, messages and programs
            # it is about: words to find the page by, up to the next part's label; no symptom. So is a
            # ticket's "Work notes:": what its agents wrote down, not what the user sees.
            drafts[-1].under = Role.INFO
            self.outside.append(line)
        elif (
            drafts
            and not closed
            and drafts[-1].message
            and names_entry_field(label.group(1) if label else line)
        ):
            # "Module", "Routing code", "Parent topic: …" in a message entry: where the message comes
            # from and how it is routed, the page's text; each named a group of steps, its value the step.
            # So is "System action", what the system did, which ran on into the cause. (A response after
            # it opens a fix again.)
            drafts[-1].in_resolution, drafts[-1].under = False, Role.INFO
            self.outside.append(line)
        elif label and drafts and not drafts[-1].in_resolution and names_environment(label.group(1)):
            # "Environment:" (the products and versions it happens on): where the problem is seen.
            drafts[-1].under = Role.SEEN_IN
            if label.group(2):
                drafts[-1].environment.append(label.group(2))
        elif label and drafts and self._ends_fix(line, label, role, notes=notes):
            # "Additional information:", "Related:" after the fix's steps: the page's, after the problem
            # (before them, "Applies to: …" is the problem's own text, as it was); so is what a label
            # alone of more about it heads there ("Further Problem Description:"), but a note's. A label
            # alone ends a fix written as a sentence too ("Implement the correction." then "Support
            # Packages & Patches" over the packages' names, which were a group of steps), and so do a
            # record's notes after it ("Internal Notes: Escalate …", which was a step).
            drafts[-1].in_resolution, drafts[-1].under = False, Role.BOILERPLATE
            self.outside.append(line)
        else:
            return False
        return True

    def _ends_fix(self, line: str, label: re.Match[str], role: Role, *, notes: bool) -> bool:
        """Whether a label ends the last problem's fix: boilerplate, a label alone of more about the
        problem (but an advice label), or a record's notes (``notes``); after the fix's steps, or after
        a fix written as text when the label stands alone or is the record's notes."""
        draft = self.drafts[-1]
        alone = not label.group(2)
        ends = (
            role is Role.BOILERPLATE
            or (role is Role.INFO and alone and not PLAIN_ADVICE.match(line))
            or notes
        )
        return ends and (
            bool(draft.steps) or ((alone or notes) and draft.in_resolution and bool(draft.loose))
        )

    def _next_labelled(self, number: int) -> bool:
        """Whether the line after line ``number`` opens with a label, in the same paragraph."""
        return number < len(self.lines) and self.labels[number] is not None

    def _names_category(self, number: int, line: str, label: re.Match[str]) -> bool:
        """Whether the fix's label on line ``number`` gives a category, not a fix: a short value on its
        line, with no sentence's words, that says nothing to do, right over another label."""
        value = label.group(2)
        return bool(
            value
            and _FIELD.fullmatch(line)
            and not _SENTENCE_WORD.search(value)
            and not says_the_fix(value)
            and self._next_labelled(number)
        )

    def _fields_after_fix(self, number: int, label: re.Match[str] | None, role: Role) -> bool:
        """Whether line ``number`` opens a paragraph of the record's fields after the last problem's fix:
        a field (see :func:`_fields`) that names no part and says nothing to do, after a blank line, right
        over another label ("Windows: Open Devices and Printers …" over "macOS: …" says what to do). Fields
        indented under a sentence that ends in ":" are what it introduces (the settings a runbook's "Step 2:
        … settings:" sets), the step's; a record's stand at the margin."""
        draft = self.drafts[-1]
        return (
            label is not None
            and role is Role.TOPIC
            and not self.shown[number - 1]
            and not reads_as_instruction(label.group(2))
            and self.fields[number - 1]
            and number > 1
            and not self.lines[number - 2]
            and self._next_labelled(number)
            and bool(draft.steps or draft.loose)
        )

    def _logged_before(self) -> str:
        """The first line a log printed (see :func:`_logged_lines`) in the text that describes the next
        problem; read on from where it was last read, as that text only grows until it is replaced
        (a cause's label on every line of a long article read it again and again)."""
        pending, start, found = self.read_logged
        if pending is not self.pending:
            start, found = 0, ""
        found = found or next((line for line in self.pending[start:] if line in self.logged), "")
        self.read_logged = (self.pending, len(self.pending), found)
        return found

    def _symptoms_label(self, number: int, label: re.Match[str]) -> None:
        """A "Symptoms:" label opens a problem, described by the text before it: a heading with
        nothing between it and the label names the problem ("Printer shows Offline", then "Symptoms:"),
        and so does the page's title label ("Subject: …"); another one with a description after it
        only led to that, and is the page's text. What the label says in capitals, as a README writes
        its headings ("PROBLEM: OUTBOUND MAIL DEFERRED"), titles the problem, and the text before it
        under a heading of its own ("OVERVIEW") is that heading's, the page's."""
        named = self.heading if self.heading == self.titled or not self.pending else ""
        said = label.group(2)
        capitals = _in_capitals(said)
        parts = bool(said) and not capitals and self._heads_parts(number, said)
        label_titles = bool(said) and (capitals or self._heads_indented(number, said) or parts)
        if parts:
            # Its description stands under a symptoms label of its own: the heading it replaces (the
            # page's title over the first problem) and the text before it (the page's introduction) are
            # the page's.
            self.outside.extend(filter(None, [self.heading, *self.pending]))
            self.pending = []
        if label_titles:
            named, said = said, ""
        if capitals and self.heading:
            self.outside.extend([self.heading, *self.pending])
            self.pending = []
        elif self.heading and not named:
            self.outside.append(self.heading)
        symptoms = [*self.pending, said] if said else [*self.pending]
        self.drafts.append(_Draft(line=number, title=named, symptoms=symptoms, label_titled=label_titles))
        self.pending, self.heading = [], ""

    def _heads_indented(self, number: int, said: str) -> bool:
        """Whether what a "PROBLEM:" label says on line ``number`` is the problem's title: a heading's
        words, with what describes it indented under the label (as a sysadmin's how-to sets its text
        apart under its ALL-CAPS labels); they ran on into the title as the first sentence."""
        below = next((n for n in range(number, len(self.lines)) if self.lines[n]), None)
        return (
            below is not None
            and not self.indented[number - 1]
            and self.indented[below]
            and _looks_like_heading(said)
        )

    def _heads_parts(self, number: int, said: str) -> bool:
        """Whether what a "PROBLEM:" label says on line ``number`` is the problem's title: a heading's
        words, with its description under a symptoms label of its own on the next line with text ("1.
        PROBLEM: Potpis nije valjan" over "Simptom:", as a plain-text export numbers its problems);
        they were read as the first words of the symptoms, and titled the problem with them."""
        below = next((n for n in range(number, len(self.lines)) if self.lines[n]), None)
        return below is not None and self.roles[below] is Role.SYMPTOMS and _looks_like_heading(said)

    def _resolution_label(self, number: int, label: re.Match[str]) -> None:
        """A "Resolution:" label opens the last problem's fix; after the steps of one,
        "Workaround:" is another way, a group of its own."""
        draft = self.drafts[-1]
        _unname(draft)
        if not draft.steps and names_workaround(f"{label.group(1)}:"):
            _fix_before_workaround(draft)
        elif draft.in_resolution and label.group(1).strip().lower().endswith(" response"):
            # A message reference's fix addressed to whoever acts on it ("Operator response", "System
            # programmer response", as IBM's message entries label each; the fix's labels that end so are
            # those, see heading_role): a fix of its own beside the entry's other responses.
            # The response before, written as sentences, is steps of its own: under the next one's
            # numbered steps its sentences read as lead-ins to them, and were left out.
            _text_as_steps(draft)
        if draft.steps:
            _join_wrapped(draft)
            draft.group = label.group(1).strip()
        draft.in_resolution, draft.under = True, None
        said = label.group(2)
        if said and self._explains_answer(number, label) and not draft.cause:
            # "Answer: The connector maps each rate to a code by name; …" over "1. …": a knowledge
            # article's answer says why before what to do; that is the cause (it was lost among the notes).
            draft.cause.append(said)
        elif said:
            _resolution_line(draft, said, number, labelled=True)

    def _explains_answer(self, number: int, label: re.Match[str]) -> bool:
        """Whether an "Answer:" label's text on line ``number`` explains rather than fixes: a sentence
        that says nothing to do, right over the answer's first step."""
        said = label.group(2)
        return (
            _ANSWER_LABEL.fullmatch(label.group(1).strip()) is not None
            and said.endswith(".")
            and not says_the_fix(said)
            and number < len(self.lines)
            and _is_step(self.lines[number])
        )

    def _in_problem(self, number: int, line: str) -> bool:
        """Whether ``line`` is of the last problem's part, and read into it: its fix (a line that runs
        on in it), its cause or environment under their labels, a paragraph of its description that
        says what the cause is (see :func:`_explains`), or the rest of its description."""
        if not self.drafts:
            return False
        draft = self.drafts[-1]
        if not draft.in_resolution and number - 1 == self.procedure and draft.under is None:
            # A flowchart's "Step 1. … ?" right under what is seen, no label over it: its fix begins.
            draft.in_resolution = True
        if draft.in_resolution and draft.steps and number - 1 in self.directories:
            # A section of the runbook after the fix, over who to reach and how ("ESCALATION" over
            # "Storage on-call: …"): the page's, as a record's fields after the fix are; its first line
            # named a group of steps, and the next was its step.
            draft.in_resolution, draft.under = False, Role.BOILERPLATE
            self.outside.append(line)
        elif (
            draft.in_resolution
            and number - 1 in self.sections
            and all(self.indented[step.line - 1] for step in draft.steps)
        ):
            # The document's next section ("4.  Security Considerations" after "3.2.  …", whose fix is
            # "Resolution: set priority1 … to 129." or steps indented under its label): the problem ends,
            # as it does at a heading. Read as a step, it and every section after it (the author's address
            # too) were the fix's steps, and the fix said in a sentence was lost.
            draft.in_resolution, draft.under = False, Role.BOILERPLATE
            self._heads(line)
        elif draft.in_resolution and _UNDERLINE.fullmatch(line) and not self.indented[number - 1]:
            # A rule of dashes at the margin, as a tech note closes a section with: a separator,
            # no step nor more of the last one.
            self.outside.append(line)
        elif draft.in_resolution and self.runs_on[number - 1]:
            _resolution_line(
                draft,
                line,
                number,
                under_step=self.under_step[number - 1],
                in_step=self.in_step[number - 1],
                indented=self.indented[number - 1],
                shown=self.shown[number - 1],
            )
        elif draft.under is Role.CAUSE:
            draft.cause.append(line)
        elif draft.under is Role.SEEN_IN:
            draft.environment.append(line)
        elif draft.under is Role.INFO:
            self.outside.append(line)
        elif not draft.in_resolution and _explains(draft, self.lines, number):
            draft.cause.append(line)
            draft.explained_end = number
        elif not draft.in_resolution:
            if self.shown[number - 1] and self._wraps_shown(draft, number, line):
                lead, said = draft.shown[-1]
                draft.shown[-1] = (lead, f"{said} {line}")
                draft.cut_short.add(said)
            elif self.shown[number - 1]:
                draft.shown.append((draft.shown_lead, line))
            else:
                draft.shown_lead = line
            draft.symptoms.append(line)
            draft.shown_at = number
        else:
            return False
        return True

    def _wraps_shown(self, draft: _Draft, number: int, line: str) -> bool:
        """Whether ``line`` (line ``number``) goes on with the message shown right above it, as a
        fixed-width export wraps a quoted message: at the same indentation, after a line that ends no
        sentence, opening as no message does (in lower case, or with a bracket)."""
        return (
            bool(draft.shown)
            and draft.shown_at == number - 1
            and self.indents[number - 1] == self.indents[number - 2]
            and not draft.shown[-1][1].endswith((".", "!", "?", ":", ";"))
            and _WRAPPED_ON.match(line) is not None
        )

    def _outside(self, number: int, line: str, label: re.Match[str] | None) -> None:
        """A line of no problem's part: the page's title (its first line, or what its title label
        says), its fields, a heading over what follows, or text that describes the next problem."""
        if line == self.first_line and _looks_like_heading(line, longest=_TITLE_LINE_CHARS):
            self.pending, self.heading = [], line
        elif number - 1 in self.opens:
            # The heading that ends the last problem's fix heads the next problem, however long.
            self._heads(line)
        elif line == self.titled and not self.drafts:
            self._heads(line)
        elif not self.drafts and not self.pending and _field_row(line):
            self.outside.append(line)
        elif self.fields[number - 1] and not self.drafts:
            # A field of the header block over the first problem, after a headline too long for a
            # heading as well: the page's, never the heading of what follows.
            self.outside.append(line)
        elif (
            label
            and self.heading
            and not self.pending
            and (self.fields[number - 1] or self.heading in (self.ruled, self.titled))
        ):
            # (Under a title underlined with "=", or given by the fields' "Title:", every "Document: …",
            # "Applies to: …", "Status: …" line is one.)
            # "Owner: Messaging team" under the title: a field of the page, not a heading over it.
            self.outside.append(line)
        elif (
            _looks_like_heading(line)
            or (_SECTION_LINE.match(line) and _looks_like_heading(line, _TITLE_LINE_CHARS))
        ) and not (line in self.logged or self.shown[number - 1] or device_command(line)):
            # (A line a log printed, or one a sentence shows, short as a heading may be, is what is seen;
            # a command after a device's prompt is what shows it.)
            self._heads(line)
        else:
            self.pending.append(line)

    def _heads(self, line: str) -> None:
        """``line`` heads what follows: the text and heading before it are the page's."""
        self.outside.extend(filter(None, [*self.pending, self.heading]))
        self.pending, self.heading = [], line

    def article(self) -> TextArticle:
        """The problems read, and the article's title: the file's first line over problems that have
        no heading of their own titles the guide, not its first problem."""
        drafts, first_line = self.drafts, self.first_line
        if len(drafts) > 1 and drafts[0].title == first_line and not any(d.title for d in drafts[1:]):
            drafts[0].title = ""
        where = _where(self.lines, self.labels, self.messages)
        problems = [_to_problem(d, n, where) for n, d in enumerate(drafts, start=1)]
        # A converted page's running header sets the manual's name and its kind apart by a wide gap
        # ("PowerGuard 3000 UPS        User Manual"): as a title, the gap is a space.
        named = _LAYOUT_GAP.sub(" ", first_line)
        # A first line in capitals that names the page's kind before a colon ("RUNBOOK: BATCH JOB FAILURES"),
        # or stands over numbered problems ("PROBLEM 1 - SPOOL OVERFLOW"), is a runbook's title, over a
        # problem that has a heading of its own as well as over several; not a marking alone ("INTERNAL
        # USE ONLY"); and where a "Title:" field titles the page, a line in capitals over it names the
        # record's kind.
        numbered = bool(drafts) and without_title_label(drafts[0].title) != drafts[0].title
        capitals = _in_capitals(named) and not self.titled and (":" in named or numbered)
        guide = _reads_as_title(named) or capitals
        headed = capitals and bool(drafts) and drafts[0].title not in ("", first_line)
        body = "\n".join(line for line in [*self.outside, *self.pending, self.heading] if line)
        if (len(problems) > 1 or headed) and guide and (drafts[0].title or problems[0].title) != first_line:
            return TextArticle(problems, named, body)
        return TextArticle(problems, problems[0].title if problems else "", body)


def first_line_title(text: str) -> str:
    """A flat-text file's first line with text, when it reads as a title; else ""."""
    first = next((line.strip() for line in text.split("\n") if line.strip()), "")
    return first if _reads_as_title(first) else ""


def _reads_as_title(line: str) -> bool:
    """Whether a file's first line reads as its title: short as a heading, no end punctuation, no label."""
    return _looks_like_heading(line) and not _LABEL.match(line)


def _labels(lines: list[str]) -> list[re.Match[str] | None]:
    """Each line's label (see :func:`_label`); but a part's name alone on its line right under a step
    that ends in ":" ("2. Open the page:" then "Recovery") is the value the step introduces."""
    return [
        None
        if number
        and _LABEL.match(line) is None
        and lines[number - 1].endswith(":")
        and _is_step(lines[number - 1])
        else _label(line)
        for number, line in enumerate(lines)
    ]


def _is_step(line: str) -> bool:
    """Whether ``line`` is a step: numbered, bulleted or written out ("Step 2: …")."""
    return bool(_BULLET.match(line) or _STEP_LINE.match(line) or _SUB_BULLET.match(line))


def _label(line: str) -> re.Match[str] | None:
    """The label ``line`` opens with ("Symptoms: …", or a part's that says when it applies:
    "Workaround if …: …"), or that it is when it is a part's name alone, capitalised, without its
    colon ("PROBLEM", "Root cause", as exports write headings in plain text; a list's count after
    it aside, "LINKED INCIDENTS (3)"), matched as though it had one; None for any other line."""
    found = _LABEL.match(line)
    numbered = _PROBLEM_NUMBER.match(line) if found is None else None
    if numbered is not None:
        after = _LABEL.match(line[numbered.end() :])
        return after if after is not None and heading_role(after.group(1)) is Role.SYMPTOMS else None
    if found is not None or not line[:1].isupper():
        return found
    conditioned = _CONDITIONED_LABEL.match(line)
    if conditioned is not None:
        return conditioned if heading_role(conditioned.group(1)) in _BARE_LABEL_ROLES else None
    bare = _LABEL.fullmatch(f"{_COUNT.sub('', line)}:")
    if bare is None:
        return None
    if heading_role(line) in _BARE_LABEL_ROLES or names_environment(line) or names_keywords(line):
        return bare
    return None


def _signature_start(lines: list[str], roles: list[Role]) -> int:
    """The number of the line that separates a signature at the end of ``lines`` from the rest ("--",
    a mail's "-- " stripped), or the number of lines past the last when there is none. What a
    signature says is who to ask or a team's name: at most SIGNATURE_LINES lines, no step and no
    label of a problem's part (``roles``: each line's). A separator over more, or over a problem,
    separates parts."""
    for index in range(len(lines) - 1, -1, -1):
        if lines[index] == "--":
            after = [
                (line, role)
                for line, role in zip(lines[index + 1 :], roles[index + 1 :], strict=True)
                if line
            ]
            if len(after) <= SIGNATURE_LINES and not any(
                role in _PART_ROLES or _is_step(line) for line, role in after
            ):
                return index + 1
            break
    return len(lines) + 1


def _is_email(lines: list[str]) -> bool:
    """Whether ``lines`` are an email's: a "Subject:" line, "From:" and "To:" lines, or a reply's
    marker over the message it quotes."""
    if any(_SUBJECT_HEADER.match(line) or REPLY_MARKER.fullmatch(line) for line in lines):
        return True
    return any(_FROM_HEADER.match(line) for line in lines) and any(_TO_HEADER.match(line) for line in lines)


def _salutations(lines: list[str]) -> list[bool]:
    """For each line, whether it is of an email's greeting or sign-off: a paragraph of a few words and
    a comma ("Hi team,", "Thanks,"), and under it, up to its end, no more than a few lines of a few
    words each that end no sentence (the writer's name, their team)."""
    found = [False] * len(lines)
    start = 0
    while start < len(lines):
        end = next((n for n in range(start, len(lines)) if not lines[n]), len(lines))
        paragraph = lines[start:end]
        if (
            paragraph
            and _SALUTATION.fullmatch(paragraph[0])
            and name_lines(paragraph[1:])
            # A numbered or bulleted line goes on from the words above it ("On Windows Server,").
            and not any(_BULLET.match(line) for line in paragraph[1:])
        ):
            found[start:end] = [True] * len(paragraph)
        start = end + 1
    return found


def _catalogue_entries(raw_lines: list[str], lines: list[str], roles: list[Role]) -> list[list[str]]:
    """For each line, the codes of the catalogue entry it opens, or []: a line that opens with an error
    code and goes on with its message (wrapped onto indented lines or not), right above a "Cause:"
    or "Action:" label (Oracle's and IBM's message references: "GRS-01017: invalid credentials; logon
    denied", "Cause: …", "Action: …"), and under no "Symptom:" label."""
    entries: list[list[str]] = [[] for _ in lines]
    following: Role | None = None  # the role of the next line with text, past a message's wrapped lines
    for index in range(len(lines) - 1, -1, -1):
        line = lines[index]
        if not line:
            continue
        if raw_lines[index][:1] in (" ", "\t") and roles[index] is Role.TOPIC and not _BULLET.match(line):
            continue
        found = _CODE_ENTRY.match(line) if following in (Role.CAUSE, Role.RESOLUTION) else None
        if found is not None and roles[index] is Role.TOPIC:
            entries[index] = error_codes(found.group(1), named=False)
        following = roles[index]
    # A line under a "Symptom:" label is what the problem shows, whatever label follows it: "The
    # console shows:", "%SYS-2-WATCHDOG: …", then "Workaround:" (a bug's record) is no catalogue.
    under = Role.TOPIC
    for index, role in enumerate(roles):
        if role is not Role.TOPIC:
            under = role
        elif under is Role.SYMPTOMS:
            entries[index] = []
    return entries


# An item of a catalogue's list this long or longer was wrapped where it ends, not cut short.
WRAPPED_ITEM_CHARS = 50
# What a command has and a sentence does not: an assignment, a pipe or a redirection, a variable,
# braces, an option ("--force", "/v", "-p").
_CODE_LIKE = re.compile(r"[=;|<>{}$`]|(?:^|\s)(?:--?|/)[A-Za-z]")
# A sentence's last word and its full stop ("by its handle."; "git add ." ends with no word).
_ENDS_A_SENTENCE = re.compile(r"[A-Za-z]{2,}[)\"']?[.!?]$")


def _wraps_onto(item: str, line: str) -> bool:
    """Whether ``line`` goes on with the list item ``item`` rather than being an item of its own
    (:func:`_runs_on`), and looks like no code either."""
    return item.startswith("- ") and not _CODE_LIKE.search(line) and _runs_on(item, line)


def _hard_wrapped(above: str, line: str) -> bool:
    """Whether ``line`` goes on with the sentence of the line ``above`` in a text wrapped at a fixed
    width: ``above`` ends no sentence, is as long as a wrapped line, and neither looks like code nor
    ``line`` like a step ("Cause: the remote-as … does not match the AS the" over "ISP actually uses.")."""
    return (
        len(above) >= WRAPPED_ITEM_CHARS
        and _continues_step(above)
        and not _CODE_LIKE.search(above)
        and not _CODE_LIKE.search(line)
        and not _is_step(line)
    )


def _runs_on(above: str, line: str) -> bool:
    """Whether ``line`` goes on with the sentence of the line ``above``: it opens in lower case after
    a line that has not ended and looks like no code, and it either ends a sentence or follows a line
    as long as a wrapped one ("Pull the old cartridge out" then "by its handle."; but "git add ." or
    "net start spooler" after a command is a command of its own)."""
    return (
        line[:1].islower()
        and not above.endswith((".", "!", "?", ":"))
        and not _CODE_LIKE.search(above)
        and (
            bool(_ENDS_A_SENTENCE.search(line))
            or (len(above) >= WRAPPED_ITEM_CHARS and not _CODE_LIKE.search(line))
        )
    )


def _join_indented(raw_lines: list[str], lines: list[str], entries: list[list[str]]) -> None:
    """Join each indented line of a catalogue entry to the line above it, as its text wrapped onto
    it ("Cause: The user name … or the account has" then, aligned under its text, "been locked …");
    the joined line is left empty, so that every line keeps its number. Below a sentence that ends
    in ":", each indented line is an item of what it introduces ("Restart the spooler from an
    elevated prompt:" then the commands), as a list's. A label ("Cause:") begins a line of its own,
    indented or not, where it is capitalised or the line above has ended its sentence ("… wrote the
    following" then "error: file locked" goes on with it)."""
    in_entry = introduced = False
    above = -1  # the line the next indented one continues
    for index, raw in enumerate(raw_lines):
        line = lines[index]
        label = _LABEL.match(line)
        part = (
            label is not None
            and heading_role(label.group(1)) is not Role.TOPIC
            and (line[:1].isupper() or above < 0 or lines[above].endswith((".", "!", "?", ":")))
        )
        indented = raw[:1] in (" ", "\t") and not _BULLET.match(line) and not part
        if not line:
            in_entry, introduced, above = False, False, -1
        elif entries[index]:
            in_entry, introduced, above = True, False, index
        elif in_entry and indented and introduced and not _wraps_onto(lines[above], line):
            lines[index] = f"- {line}"
            above = index
        elif in_entry and indented and above >= 0:
            lines[above] = f"{lines[above]} {line}"
            lines[index] = ""
            # An item wrapped onto this line stays an item of the list; a wrapped sentence may end
            # by introducing one.
            introduced = introduced or _introduces(lines[above])
        elif in_entry:
            above, introduced = index, _introduces(line)


def _label_alone(line: str) -> bool:
    """Whether ``line`` is a label with nothing after it ("Further Problem Description:")."""
    label = _LABEL.match(line)
    return label is not None and not label.group(2)


def _introduces(line: str) -> bool:
    """Whether ``line`` is a sentence that ends in ":", introducing what follows; not a label alone
    ("Cause:"), whose text follows it."""
    return line.endswith(":") and not _label_alone(line)


def _written_procedure(lines: list[str]) -> int:
    """The index of the line that opens a procedure written out "Step 1. …", "Step 2. …" (two
    steps at least, numbered in order), or -1."""
    numbers = [
        (index, int(found.group(1)))
        for index, line in enumerate(lines)
        if line[:4].lower() == "step" and (found := _STEP_NUMBER.match(line))
    ]
    starts = [index for (index, n), (_, after) in pairwise(numbers) if n == 1 and after == 2]
    return starts[0] if starts else -1


def _resolution_runs_on(
    lines: list[str], labels: list[re.Match[str] | None], roles: list[Role], logged: set[str]
) -> tuple[list[bool], set[int]]:
    """For each line, whether a resolution runs on through it: it does until text that leads to the
    next "Symptoms:" before any step, or until a heading alone in its paragraph over a line a log
    printed, then a "Cause" label alone before any step (a tech note's next problem, see
    :meth:`_Reader._part`). And the lines of such headings.

    Worked out for all lines in one pass from the end, as a line-by-line look ahead would read
    the rest of the article again for each line of a long resolution.
    """
    runs_on = [True] * (len(lines) + 1)
    splits: list[tuple[int, int]] = []
    cause = -1  # the next "Cause" label alone, while no step stands between it and the line read
    seen = False  # whether a line a log printed stands between that label and the line read
    for index in range(len(lines) - 1, -1, -1):
        line = lines[index]
        if _is_step(line) and roles[index] is not Role.SYMPTOMS:
            # (A numbered problem's label, "2. PROBLEM: …", is no step: see _label.)
            runs_on[index] = True
            cause = -1
        elif roles[index] is Role.SYMPTOMS:
            runs_on[index] = False
            cause = -1
        else:
            runs_on[index] = runs_on[index + 1]
            found = labels[index]
            if found and roles[index] is Role.CAUSE:
                cause, seen = index, False
            elif line in logged:
                seen = True
            elif cause >= 0 and seen and _alone(lines, index):
                splits.append((index, cause))
                cause = -1
    for heading, label in splits:
        runs_on[heading:label] = [False] * (label - heading)
    return runs_on, {heading for heading, _ in splits}


def _keep_with_steps(
    runs_on: list[bool], lines: list[str], under_step: list[bool], step_wrapped: list[bool]
) -> None:
    """Let the fix run on through what its last step holds before the text that leads to the next
    problem: the lines indented under the step's text (its command, as a sysadmin's how-to sets
    "mount /home" under "- Mount it again:"), or aligned with it where its sentence goes on there
    (``step_wrapped``, a hard-wrapped README's), and a line after them that opens with an advice label
    ("NOTE: users must log out …") with the lines of its paragraph. They led to the next problem,
    its title and symptoms."""
    held = noted = False  # whether the last line with text is the last step's; or its note's
    for index, line in enumerate(lines):
        if not line:
            continue
        note = held and _advises(line)
        wrapped = noted and bool(lines[index - 1]) and _label(line) is None and not _is_step(line)
        goes_on = step_wrapped[index] and bool(lines[index - 1]) and _continues_step(lines[index - 1])
        if runs_on[index]:
            held, noted = _is_step(line) or (held and (under_step[index] or goes_on)), False
        elif (held and (under_step[index] or goes_on)) or note or wrapped:
            runs_on[index] = True
            noted = note or wrapped
        else:
            held = noted = False


# A remark in a network device's configuration language ("! If the state is Idle (Admin) …"), which a
# tech note writes its own remarks in too.
_DEVICE_REMARK = re.compile(r"!\s+\S")


def _advises(line: str) -> bool:
    """Whether ``line`` opens with an advice label ("NOTE: …") or is a device configuration's remark:
    after a fix's steps, a note of it, never more of the last step."""
    return PLAIN_ADVICE.match(line) is not None or _DEVICE_REMARK.match(line) is not None


def _shown_lines(raw_lines: list[str]) -> list[bool]:
    """For each line, whether it is indented under a sentence that ends in ":" ("The neighbor never
    reaches FULL state:" then, indented, the command and what it prints): what that sentence shows."""
    found = [False] * len(raw_lines)
    introduced = False  # whether the last line with text that is not indented ends in ":"
    for number, raw in enumerate(raw_lines):
        text = raw.strip()
        if text and raw[:1] in (" ", "\t"):
            found[number] = introduced
        elif text:
            introduced = text.endswith(":")
    return found


def _under_steps(raw_lines: list[str], *, aligned: bool = False) -> list[bool]:
    """For each line, whether it is indented under a numbered or bulleted step's text, deeper than
    that text begins, with no line between them that is not ("1. Check the MTU:" then, under it,
    "show interface vlan 100" and what it prints); or, ``aligned``, right where that text begins (its
    sentence hard-wrapped, as a README wraps "2) Reload Postfix and confirm … in" onto "/var/log/…")."""
    found = [False] * len(raw_lines)
    column = -1  # where the text of the step above begins, while the lines under it are indented so
    for number, raw in enumerate(raw_lines):
        text = raw.expandtabs(4)
        stripped = text.lstrip()
        mark = _STEP_MARK.match(text)
        indent = len(text) - len(stripped)
        if stripped and mark is None and column >= 0 and (indent == column if aligned else column < indent):
            found[number] = True
        else:
            column = mark.end() if mark else -1
    return found


def _step_paragraphs(lines: list[str], indents: list[int]) -> list[bool]:
    """For each line, whether it is aligned with the text of the numbered or bulleted step above it,
    after a blank line or after what the step shows indented deeper, with no line less indented
    between them: a paragraph of that step, as an RFC sets a sentence about a command's output under
    its step ("1.  Check the timestamping mode:", the command, then 'The output MUST list …')."""
    found = [False] * len(lines)
    column = -1  # where the text of the step above begins, while no line is less indented
    for index, (line, indent) in enumerate(zip(lines, indents, strict=True)):
        if not line:
            continue
        mark = _STEP_MARK.match(line)
        if mark is None and 0 <= column <= indent:
            found[index] = indent == column
        else:
            column = indent + mark.end() if mark else -1
    return found


def _directory_headings(lines: list[str]) -> set[int]:
    """The indexes of the headings in capitals, alone after a blank line at the margin ("ESCALATION",
    "CONTACTS"), whose paragraph under them is all "who: how" lines (see ``_DIRECTORY_LINE``), as a
    runbook lists whom to call: no step, nor a line that says what to do."""
    found: set[int] = set()
    for index, line in enumerate(lines):
        if not (line.isupper() and _looks_like_heading(line) and (index == 0 or not lines[index - 1])):
            continue
        end = next((n for n in range(index + 1, len(lines)) if not lines[n]), len(lines))
        paragraph = lines[index + 1 : end]
        if paragraph and all(_directory_line(said) for said in paragraph):
            found.add(index)
    return found


def _numbered_sections(lines: list[str], indents: list[int]) -> set[int]:
    """The indexes of a numbered document's section headings at the margin (see ``_SECTION_NUMBER``),
    where it numbers its sections on two levels at least ("3.1.  Client Never Leaves LISTENING"): those
    of that numbering's top sections and the ones after them ("3.  Failure Modes", "4.  Security
    Considerations"), and the sub-sections'. A numbered line at the margin in an article without such
    sub-sections is a step."""
    found = [
        (index, section)
        for index, (line, indent) in enumerate(zip(lines, indents, strict=True))
        if indent == 0
        and (section := _SECTION_NUMBER.fullmatch(line))
        and _looks_like_heading(section.group(3))
    ]
    tops = {int(section.group(1)) for _, section in found if section.group(2)}
    return {index for index, section in found if {int(section.group(1)), int(section.group(1)) - 1} & tops}


def _directory_line(said: str) -> bool:
    """Whether a line ``said`` lists whom to reach ("Storage on-call: +1 555 0100"): no step, and its value
    says nothing to do ("Windows: restart the Print Spooler" is a step for one system)."""
    found = _DIRECTORY_LINE.fullmatch(said)
    return (
        found is not None and not _is_step(said) and not reads_as_instruction(said.split(":", 1)[1].strip())
    )


def _alone(lines: list[str], index: int) -> bool:
    """Whether line ``index`` is a heading alone in its paragraph: as long as a title's may be, it
    ends no sentence, between lines with no text."""
    return (
        bool(lines[index])
        and not (index and lines[index - 1])
        and not (index + 1 < len(lines) and lines[index + 1])
        and _looks_like_heading(lines[index], longest=_TITLE_LINE_CHARS)
    )


def _fields(lines: list[str], labels: list[re.Match[str] | None], roles: list[Role]) -> list[bool]:
    """For each line, whether it reads as a field of the page ("Owner: Messaging team"): a short label
    and value next to another such line, or one that does not head the "Symptoms:" label after it
    ("Outlook: cannot connect to Exchange" then "Symptoms:" names that problem)."""
    # (A bug's "Status: Fixed" beside its "Known Fixed Releases: …" is one too.)
    shaped = [
        label is not None
        and (role is Role.TOPIC or names_status(label.group(1)) or bool(_DATED.fullmatch(label.group(2))))
        and bool(_FIELD.fullmatch(line))
        for line, label, role in zip(lines, labels, roles, strict=True)
    ]
    # A record's header block may hold a flag with no value among its fields (a bug record's
    # "Description (partial)" between "Last Modified: …" and "Status: …"): a field too, never a heading.
    for index in range(1, len(lines) - 1):
        if (
            shaped[index - 1]
            and shaped[index + 1]
            and not labels[index]
            and _looks_like_heading(lines[index])
        ):
            shaped[index] = bool(lines[index])
    fields = []
    following = False  # whether the next line with text is a "Symptoms:" label
    for index in range(len(lines) - 1, -1, -1):
        beside = (index > 0 and shaped[index - 1]) or (index + 1 < len(lines) and shaped[index + 1])
        fields.append(shaped[index] and (beside or not following))
        if lines[index]:
            following = roles[index] is Role.SYMPTOMS
    return fields[::-1]


def _field_row(line: str) -> bool:
    """Whether ``line`` is a row of the page's fields: short values between bars, or two or more
    "Label: value" fields set apart by tabs or runs of spaces."""
    if _FIELD_ROW.fullmatch(line):
        return True
    cells = _FIELD_GAP.split(line)
    return len(cells) > 1 and all(_FIELD.fullmatch(cell) for cell in cells)


def _in_capitals(text: str) -> bool:
    """Whether ``text`` is a heading's words written in capitals, two words at least (one alone may
    be a code or an acronym)."""
    return (
        text.isupper()
        and len(re.findall(r"[A-Z]{2,}", text)) > 1
        and _looks_like_heading(text, longest=_TITLE_LINE_CHARS)
    )


def _looks_like_heading(line: str, longest: int = 60) -> bool:
    return len(line) <= longest and not line.endswith((".", ":", "!", "?", ",")) and not _BULLET.match(line)


def _resolution_line(
    draft: _Draft,
    line: str,
    number: int,
    *,
    labelled: bool = False,
    under_step: bool = False,
    in_step: bool = False,
    indented: bool = False,
    shown: bool = False,
) -> None:
    """Read a line of the draft's fix; ``labelled``, what a fix's label says on its line ("Workaround:
    connect to the guest network"), which begins a step or text of its own, never a group's name;
    ``under_step``, a line indented deeper than the text of the step above (see :func:`_under_steps`);
    ``in_step``, one aligned with that text, a paragraph of it (see :func:`_step_paragraphs`);
    ``indented``, a line indented at all; ``shown``, one indented under a sentence that ends in ":"."""
    bullet = _BULLET.match(line)
    sub = _SUB_BULLET.match(line)
    written = _STEP_LINE.match(line)
    if written and (written.group(1) != ":" or not _looks_like_heading(written.group(2))):
        # "Step 1 - Use the SecureLink client." ("Step 1: Check the network", a heading, names a group).
        draft.steps.append(_step(draft, written.group(2), number))
        draft.written = True
    elif bullet and indented and draft.written and draft.steps[-1].group == draft.group:
        # "- If no, go to step 3." indented under "Step 1. Is the link light on?": a branch of that
        # step, as a flowchart writes its answers; read alone, each answer was a step of its own.
        draft.steps.append(_sub_step(draft, bullet.group(1), number))
    elif indented and draft.written and not bullet and not sub:
        # The step's (or its branch's) text wrapped onto a line indented under it; under a step that
        # ends in ":", what it introduces (its settings, its command), a line of its own.
        draft.wrapped.append(f"\n{line}" if shown else f" {line}")
    elif bullet:
        for part in _RUN_ON_BULLET.split(bullet.group(1)):
            draft.steps.append(_step(draft, part, number))
        draft.lettered = False
    elif sub and draft.steps and draft.steps[-1].group == draft.group and not draft.lettered:
        # "a. Open Settings." under "2. Remove the old connection:": a sub-step of step 2.
        draft.steps.append(_sub_step(draft, sub.group(1), number))
    elif sub:
        # "a) Open the lid." with no numbered step above it: the fix letters its steps.
        draft.steps.append(_step(draft, sub.group(1), number))
        draft.lettered = True
    elif _continues_note(draft, line, number):
        draft.notes[-1][1].append(line)
        draft.note_end = number
    elif labelled:
        _fix_text(draft, line, number)
    elif draft.steps and not draft.wrapped and draft.steps[-1].text.rstrip().endswith(":"):
        # The command or value a step introduces ("Restart the service:" then "net start RasMan"),
        # on a line of its own: the step's, not a group's name.
        last = draft.steps[-1]
        last.text = last.markdown = f"{last.text}\n{line}"
        draft.shown_end = number
    elif shown and _value_of_lead(draft, line):
        # "Reply to this message with:" then, indented under it, "DOWN": the reply or operand that a fix
        # written as sentences asks for, which makes the sentence a step; it named a group, and the
        # sentence was a lead-in to nothing.
        _join_loose(draft)
        if draft.lead and draft.lead_end == draft.last_line:
            draft.loose.append((draft.lead_end, draft.lead.pop(), draft.group))
        at, said, group = draft.loose[-1]
        draft.loose[-1] = (at, f"{said}\n{line}", group)
        draft.valued_end = draft.loose_end = number
        draft.naming = None
    elif under_step and draft.steps and draft.shown_end == number - 1:
        # The next line of what such a step shows, indented under it as the first was: the command's
        # output, or its next command ("MTU 1500 bytes, BW …"), no group's name; on a line of its own.
        draft.wrapped.append(f"\n{line}")
        draft.shown_end = number
    elif draft.steps and _advises(line):
        # "NOTE: Step 5 requires a local administrator …" after the steps: a note of the fix, as a
        # call-out after a Markdown fix's steps is.
        draft.notes.append((number, [line]))
        draft.note_end = number
    elif draft.loose and draft.loose_end == number - 1 and _wraps_text(draft, line):
        # The fix's sentence wrapped onto this line ("… assign the ticket to the" then "queue.").
        draft.loose_wrapped.append(line)
        draft.loose_end = number
    elif in_step and draft.naming is None and draft.steps and draft.steps[-1].group == draft.group:
        # A paragraph of the step above, aligned with its text ('The output MUST list "hardware-transmit"
        # and' over '"hardware-receive".' under "1.  Check the timestamping mode:" and its command): read
        # as a short line, it named a group, its next line was lost and the steps after it were
        # numbered from 1 again. After a blank line under the command it shows, a line of its own.
        after_shown = draft.shown_end == draft.last_line < number - 1
        draft.wrapped.append(f"\n{line}" if draft.shown_end and after_shown else f" {line}")
    elif _looks_like_heading(line):
        _short_line(draft, line, number)
    elif (
        draft.naming is None
        and draft.steps
        and draft.steps[-1].group == draft.group
        and _continues_step(draft.wrapped[-1] if draft.wrapped else draft.steps[-1].text)
        and not _label_alone(line)
    ):
        # (Under a group's name, or a fix's label that opened a group, a line is the new group's, not
        # the end of the step above it; and a label alone, "Further Problem Description:", opens what
        # follows it.)
        first, *more = _RUN_ON_BULLET.split(line)
        draft.wrapped.append(f" {first.strip()}")
        for part in more:
            draft.steps.append(_step(draft, part, number))
    else:
        _fix_text(draft, line, number)


def _last_text(draft: _Draft) -> str:
    """The last line of the fix's text (it has one) as read so far: the last it wrapped onto, or that line."""
    return draft.loose_wrapped[-1] if draft.loose_wrapped else draft.loose[-1][1]


def _wraps_text(draft: _Draft, line: str) -> bool:
    """Whether ``line`` goes on with the sentence of the fix's last line of text: it opens in lower case
    (see :func:`_runs_on`), or that line is as long as a wrapped one and ends no sentence, as a manual
    wraps its prose at a fixed width wherever a word falls, a name's capital too ("… contact the IBM"
    then "Support Center."); but not a line that says what to do of its own."""
    above = _last_text(draft).rsplit("\n", 1)[-1]
    return _runs_on(above, line) or (_hard_wrapped(above, line) and not reads_as_instruction(line))


def _explains(draft: _Draft, lines: list[str], number: int) -> bool:
    """Whether line ``number``, among the draft's symptoms, is of a paragraph that says what the cause
    is ("Root cause was the driver …", "This was caused by …" after what is seen, as an email tells
    it): one that opens so, after the symptoms' first lines and where no part states the cause, and
    its lines to its end."""
    if draft.explained_end and draft.explained_end == number - 1:
        return True
    opens = number > 1 and not lines[number - 2]
    return opens and bool(draft.symptoms) and not draft.cause and states_cause(lines[number - 1])


def _continues_note(draft: _Draft, line: str, number: int) -> bool:
    """Whether ``line``, line ``number``, goes on with the draft's last note: it is the next line, or
    the first line with text after a note's label alone ("Note:"); not a short line with no end
    punctuation after a sentence the note ends ("Escalation" under "Take ownership of it first."),
    which heads what follows."""
    if not draft.notes or draft.note_end != draft.last_line:
        return False
    said = draft.notes[-1][1]
    if len(said) == 1 and PLAIN_ADVICE.fullmatch(said[0]):
        return True
    if _looks_like_heading(line) and said[-1].rstrip().endswith((".", "!", "?")):
        return False
    return draft.note_end == number - 1


def _notes(notes: list[tuple[int, str]], steps: list[Step]) -> list[Note]:
    """The fix's ``notes`` among its ``steps`` (in the order of their lines), each placed as a
    Markdown fix's remark is: after the last step above it, in its group."""
    lines = [step.line for step in steps]
    placed = []
    for line, text in notes:
        above = bisect_right(lines, line) - 1
        group = steps[above].group if above >= 0 else (steps[0].group if steps else None)
        placed.append(Note(text, text, line, group, above >= 0))
    return placed


def _fix_text(draft: _Draft, line: str, number: int) -> None:
    """Read a line of the draft's fix that is no step: a lead-in, the cause, or a line of text."""
    if line.endswith(":"):
        # A lead-in after steps of the current group opens a new group; before any, it only introduces,
        # but a workaround's after the fix's own words, which are then steps of their own.
        if not draft.counts.get(draft.group) and names_workaround(line):
            _fix_before_workaround(draft)
        if draft.counts.get(draft.group):
            _name_group(draft, line.rstrip(":").strip(), _Naming(number, line, draft.group, lead_in=True))
        else:
            draft.lead.append(line)
            draft.lead_end = number
    elif not draft.steps and reads_as_cause(line):
        draft.cause.append(line)
    else:
        _join_loose(draft)
        draft.loose.append((number, line, draft.group))
        draft.loose_end = number
        draft.naming = None


def _value_of_lead(draft: _Draft, line: str) -> bool:
    """Whether ``line``, indented under the fix's last line read, is the value that line asks for: right
    under a lead-in or a paragraph ending in ":" of a fix written as sentences (or under the value
    before it), a line that is no sentence, no step and says nothing to do ("DOWN", "INTERVAL=600"; but
    "Stop the job." is a step)."""
    last = draft.last_line
    written = not draft.counts.get(draft.group) and (
        (bool(draft.lead) and draft.lead_end == last)
        or (bool(draft.loose) and draft.loose_end == last and _last_text(draft).endswith(":"))
    )
    after = (draft.valued_end > 0 and draft.valued_end == last) or written
    return (
        after
        and not line.endswith((".", "!", "?", ":"))
        and not _is_step(line)
        and not reads_as_instruction(line)
    )


def _text_as_steps(draft: _Draft) -> None:
    """Make a step of each line of text of the draft's current group, where that group has no step: a
    fix written as sentences, as the group's steps are made of them once all is read (see _to_problem)."""
    _join_loose(draft)
    if draft.counts.get(draft.group):
        return
    kept = []
    for line, text, group in draft.loose:
        if group == draft.group:
            draft.steps.append(_step(draft, text, line))
        else:
            kept.append((line, text, group))
    draft.loose = kept


def _fix_before_workaround(draft: _Draft) -> None:
    """Make steps of the lines of the draft's current group that say what fixes the problem, before a
    workaround's lead-in or label and any step ("Implement the attached correction instructions." then
    "As a workaround:" over steps, as a vendor's note writes its solution): the fix, apart from the
    workaround's group. As text of a group with steps, they were left out of the steps."""
    _join_loose(draft)
    kept = []
    for line, text, group in draft.loose:
        if group == draft.group and says_the_fix(text):
            draft.steps.append(_step(draft, text, line))
        else:
            kept.append((line, text, group))
    draft.loose = kept


def _short_line(draft: _Draft, line: str, number: int) -> None:
    """A short line of a fix with no end punctuation ("On the server", "ESCALATION"): the name of
    the group of steps under it, but never of a group with no step. Right under a name that awaits
    its steps it is the first of them ("On the server" then "open Computer Management"), unless that
    name says what to do ("Restart the spooler" then "Clear the queue": a step each); right under
    another such line of the fix's text, it is the next line of that text. After steps of the group,
    one that says nothing to do names the next group ("On macOS" after "Uninstall Contoso VPN")."""
    naming = draft.naming
    if naming is not None and not naming.lead_in and reads_as_instruction(naming.text):
        _unname(draft)
    above = draft.loose[-1] if draft.loose and not draft.loose_wrapped else None
    if not reads_as_instruction(line) and _after_steps(draft, above):
        # "On macOS" after the steps under "On Windows", or "Linux" under a "macOS" with nothing
        # under it: the next group's name, not one more step of the group before.
        _name_group(draft, line, _Naming(number, line, draft.group))
    elif draft.naming is not None or (
        above is not None
        and draft.loose_end == number - 1
        and above[2] == draft.group
        and _looks_like_heading(above[1])
    ):
        _fix_text(draft, line, number)
    else:
        _name_group(draft, line, _Naming(number, line, draft.group))


def _after_steps(draft: _Draft, above: tuple[int, str, str | None] | None) -> bool:
    """Whether the group a new name would follow has steps: numbered ones, or the line of text above
    says what to do ("Uninstall Contoso VPN"). Under a name that awaits its steps, only numbered ones
    before it: their next group's steps are numbered too, so a line of text under the name is none of
    them, but where the steps are lines of text it is the first ("On macOS" then "Drag … to the Trash")."""
    if draft.naming is not None:
        return bool(draft.counts.get(draft.naming.before))
    return bool(draft.counts.get(draft.group)) or (
        above is not None and above[2] == draft.group and reads_as_instruction(above[1])
    )


def _name_group(draft: _Draft, name: str, naming: _Naming) -> None:
    """Open the group ``name``, named on a line of its own: a name before it that no step or text
    followed is text of the fix."""
    _unname(draft)
    _join_wrapped(draft)
    draft.group, draft.naming = name, naming


def _sign_off(draft: _Draft) -> int:
    """The line of a short line that ends a fix with nothing under it and says nothing to do ("IT
    Service Desk" under a fix written as sentences): a sign-off, the problem's text and no step; else 0."""
    naming = draft.naming
    if naming is None or naming.lead_in or reads_as_instruction(naming.text):
        return 0
    return naming.line


def _unname(draft: _Draft) -> None:
    """End the naming of the draft's current group: a name that no step or text stands under is
    no group's but a line of the fix's text, in the group before it (a step where that group has
    none, else the problem's text), so that it is never lost."""
    naming, draft.naming = draft.naming, None
    if naming is None:
        return
    _join_loose(draft)
    draft.group = naming.before
    draft.loose.append((naming.line, naming.text, naming.before))
    draft.loose_end = naming.line


def _sub_step(draft: _Draft, text: str, number: int) -> Step:
    """A lettered sub-step of the draft's last top-level step."""
    _join_wrapped(draft)
    draft.naming = None
    parent = next(step.number for step in reversed(draft.steps) if step.parent is None)
    count = sum(1 for step in draft.steps if step.parent == parent and step.group == draft.group) + 1
    text = text.strip()
    return Step(0, f"{parent}.{count}", text, text, number, draft.group, parent, 1)


def _continues_step(text: str) -> bool:
    """A step that does not end a sentence was wrapped onto the next line."""
    return not text.rstrip().endswith((".", "!", "?", ":"))


def _join_wrapped(draft: _Draft) -> None:
    """Join the lines wrapped onto the draft's last step to it."""
    if draft.wrapped:
        last = draft.steps[-1]
        last.text = last.markdown = last.text + "".join(draft.wrapped)
        draft.wrapped = []


def _join_loose(draft: _Draft) -> None:
    """Join the lines wrapped onto the draft's last line that is no step to it."""
    if draft.loose_wrapped:
        number, text, group = draft.loose[-1]
        draft.loose[-1] = (number, " ".join([text, *draft.loose_wrapped]), group)
        draft.loose_wrapped = []


def _step(draft: _Draft, text: str, number: int) -> Step:
    """A new step of ``draft`` (the last one's wrapped lines joined to it first)."""
    _join_wrapped(draft)
    draft.naming = None
    draft.written = False
    count = draft.counts[draft.group] = draft.counts.get(draft.group, 0) + 1
    text = text.strip()
    return Step(0, str(count), text, text, number, draft.group)


def _where(lines: list[str], labels: list[re.Match[str] | None], messages: list[str]) -> dict[str, list[int]]:
    """The numbers of the lines each text of the article stands on: whole lines, what follows a
    label ("Symptoms: …") and a catalogue entry's message after its code, as a problem's parts take them."""
    found: dict[str, list[int]] = {}
    for number, (line, label, message) in enumerate(zip(lines, labels, messages, strict=True), start=1):
        for text in (line, label.group(2) if label else "", message):
            if text:
                found.setdefault(text, []).append(number)
    return found


def _origins(
    draft: _Draft, title_line: int, messages: list[str], where: dict[str, list[int]]
) -> dict[str, list[int]]:
    """Where each field of ``draft``'s problem (titled on ``title_line``) came from, as source lines
    (see Problem.origins): the first line of its text at or after the problem's own; a message, the
    line of the part that has it."""

    def line_of(text: str) -> int:
        # Looked up, not scanned: an article of many equal lines ("x.") asked each of them for each.
        numbers = where.get(text, [])
        at = bisect_left(numbers, draft.line)
        return numbers[at] if at < len(numbers) else numbers[0] if numbers else 0

    parts = [(text, line_of(text)) for text in draft.symptoms]
    # Where each part begins in the symptoms' text, as the problem joins them: a message quoted across
    # two of their lines is at the line it begins on.
    starts = list(accumulate((len(text) + 1 for text in draft.symptoms[:-1]), initial=0))
    symptoms = " ".join(draft.symptoms)

    def message_line(message: str) -> int:
        found = symptoms.find(message)
        if found < 0 and draft.label_titled and message in draft.title:
            return title_line
        if found < 0:
            return line_of(message)
        return parts[bisect_right(starts, found) - 1][1]

    return {
        "title": [title_line],
        "symptoms": [line for _, line in parts],
        "error_messages": [message_line(message) for message in messages],
        "cause": [line_of(text) for text in draft.cause],
        "seen_in": [line_of(text) for text in draft.environment],
    }


def _title_line(draft: _Draft, where: dict[str, list[int]]) -> int:
    """The line of the problem's title: the heading right above its "Symptoms:" label, else that label's."""
    numbers = where.get(draft.title, [])
    at = bisect_right(numbers, draft.line)
    return numbers[at - 1] if at else draft.line


def _to_problem(draft: _Draft, ordinal: int, where: dict[str, list[int]]) -> Problem:
    _join_wrapped(draft)
    signed = _sign_off(draft)
    _unname(draft)
    _join_loose(draft)
    # A fix, or one of its groups, written as sentences with no bullets: each sentence is a step.
    written = [
        (line, text, group)
        for line, text, group in draft.loose
        if not draft.counts.get(group) and line != signed
    ]
    if draft.steps and any(group is None for _, _, group in written):
        # Lines before the first group of a fix that has steps lead to them.
        written = [item for item in written if item[2] is not None]
    numbers: dict[str | None, int] = {}
    for line, text, group in written:
        numbers[group] = numbers.get(group, 0) + 1
        draft.steps.append(Step(0, str(numbers[group]), text, text, line, group))
    steps = sorted(draft.steps, key=lambda step: step.line)
    for n, step in enumerate(steps, start=1):
        step.ordinal = n
    symptoms = " ".join(draft.symptoms).strip()
    said = f"{draft.title} {symptoms}" if draft.label_titled else symptoms
    seen = "; ".join(draft.environment) or next(
        (m.group(1) for s in draft.symptoms if (m := _SEEN_IN.search(s))), ""
    )
    taken = {line for line, _, _ in written}
    notes = [(line, " ".join(said)) for line, said in draft.notes]
    # The notes are searchable text too, as a Markdown problem's are.
    body = [*draft.lead, *(t for line, t, _ in draft.loose if line not in taken), *(t for _, t in notes)]
    # 'The VPN client shows: "Error 809: The network connection … is not responding."': the
    # message the symptoms quote, and one on a line of its own after "…fails with:".
    messages = list(
        dict.fromkeys(
            [
                *filter(None, [draft.message]),
                *(said for said in _announced_messages(draft.symptoms) if said not in draft.cut_short),
                *_shown_messages(draft.shown),
                *quoted_messages(said),
            ]
        )
    )
    title_line = _title_line(draft, where)
    return Problem(
        ordinal=ordinal,
        # "PROBLEM 1 - SPOOL OVERFLOW": the answer shows the title without its number, as a Markdown one's.
        title=without_title_label(draft.title) or _title(symptoms) or f"Problem {ordinal}",
        line=title_line,
        symptoms=symptoms,
        error_messages=messages,
        # Each message read alone too: a display's code opens its own ("E-217 TERMINAL NOT ACTIVATED"); and
        # the title, as a Markdown heading's is, which a manual's section names its alarm in ("(alarm E05)").
        error_codes=draft.codes
        or list(
            dict.fromkeys(
                code for text in [draft.title, said, *messages] for code in error_codes(text, named=False)
            )
        ),
        seen_in=seen,
        cause=" ".join(draft.cause),
        steps=steps,
        notes=_notes(notes, steps),
        body="\n".join(body),
        origins=_origins(draft, title_line, messages, where),
    )


def _announced_messages(lines: list[str]) -> list[str]:
    """The lines of ``lines`` that a line before them announces as what a program printed
    ("the connection fails with:", "The integration log shows:") and that report a failure."""
    return [
        line
        for lead, line in pairwise(lines)
        if lead.endswith(":") and (is_error_lead(lead) or announces_output(lead)) and reads_as_failure(line)
    ]


def _shown_messages(shown: list[tuple[str, str]]) -> list[str]:
    """The lines of ``shown`` (each indented line of the symptoms with the sentence it is shown under)
    that the sentence announces as an error, whatever their words ("Spool overflow: …" names no failure
    as such), or as what a program printed, where they report a failure (a table of healthy nodes under
    "kubectl get nodes shows:" is none): every one of them, where :func:`_announced_messages` takes the
    line right after the sentence."""
    return [
        line
        for lead, line in shown
        if is_error_lead(lead) or (announces_output(lead) and reads_as_failure(line))
    ]


def _title(symptoms: str) -> str:
    """The first sentence of the symptoms (without the list mark it may open with), cut at a word
    boundary."""
    bullet = _BULLET.match(symptoms)
    first = re.split(r"(?<=[.!?])\s", bullet.group(1) if bullet else symptoms, maxsplit=1)[0].rstrip(".")
    if len(first) <= _TITLE_CHARS:
        return first
    return first[:_TITLE_CHARS].rsplit(" ", 1)[0] + "…"
