"""How a section's text opens, before it says what to do.

An error section shows its error, a topic section may describe what happens, an answer may give
its cause first ("Why are jobs stuck?" answered with why, then what to do), and a short sentence
may lead in to the steps ("To fix it:"). These functions find where such an opening ends, so that
the reader (:mod:`indexer.markdown_article`) puts it in the problem's symptoms, cause or notes, not
in its steps.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from markdown_it.tree import SyntaxTreeNode

from indexer.errortext import comparable
from indexer.heading_text import CONDITION, answer_mark
from indexer.markup import PROCEDURE_TITLE, token_meta
from indexer.messages import (
    SENTENCE_END,
    Quote,
    announced_output,
    cell_failure,
    failure_shown,
    fence_output,
    is_error_lead,
    messages_in,
    reads_as_failure,
)
from indexer.roles import is_procedure_title, reads_as_cause, reads_as_instruction, says_what_is_missing
from indexer.sections import CODE, LISTS, Section, block_source, block_text, is_callout, line_of, tab_label
from indexer.threads import tells_origin

# A lead-in to steps is one short sentence ("To fix it:", "Try the following:").
MAX_LEAD_IN_CHARS = 80
# A note's lead-in that names what follows as what fixed it, in no instruction's words ("What fixed it:",
# "What worked for me:"), as a note app's author writes down a fix.
_WHAT_FIXED = re.compile(
    r"what (?:finally |eventually |actually )?(?:fixed|solved|resolved|worked|helped)"
    r"(?: (?:it|this|that|the (?:issue|problem|error)))?(?: for (?:me|us))?:",
    re.IGNORECASE,
)


def lead_in_paragraph(blocks: list[SyntaxTreeNode], preamble: list[SyntaxTreeNode]) -> SyntaxTreeNode | None:
    """The paragraph of ``preamble`` that leads in to the list of steps right after it ("To fix it:",
    "Try the following:"), or None: appended to the symptoms, it said what to do, not what went wrong."""
    told = [block for block in preamble if not is_callout(block)]
    last = told[-1] if told else None
    text = block_text(last) if last is not None and last.type == "paragraph" else ""
    # A topic's procedure's title over its steps leads in to them, whatever its words (see PROCEDURE_TITLE).
    if last is None or not (leads_in(text) or token_meta(last, PROCEDURE_TITLE)):
        return None
    position = next(i for i, block in enumerate(blocks) if block is last) + 1
    if position < len(blocks) and tab_label(blocks[position]) and blocks[position].meta.get("label"):
        # "To resolve:" over tabs: the first tab's label alone ("AWS CLI:") names its steps.
        position += 1
    following = blocks[position] if position < len(blocks) else None
    return last if following is not None and following.type in LISTS else None


def missing_before_fix(
    preamble: list[SyntaxTreeNode], lead_in: SyntaxTreeNode | None, quotes: list[Quote]
) -> list[SyntaxTreeNode]:
    """The paragraphs of an error section's ``preamble`` that say what something lacks ("The IAM role
    lacks `kms:Decrypt` on the key."), after the error it shows (its ``quotes``) and before a lead-in
    to the fix ("To resolve:"): the problem's cause, where they were its symptoms."""
    if lead_in is None:
        return []
    shown = max((q.block for q in quotes), default=-1)
    end = next(i for i, block in enumerate(preamble) if block is lead_in)
    return [
        block
        for block in preamble[shown + 1 : end]
        if block.type == "paragraph" and not is_callout(block) and says_what_is_missing(block_text(block))
    ]


_CONDITION_OPENING = re.compile(r"(?:if|when|unless|whenever|in case)\b", re.IGNORECASE)
# What a paragraph says a program shows rather than why: "You may also see …", "the console shows …".
# Not how often a thing occurs ("the same SKU appears twice in the file", "appears more than once"): why
# an import fails, as a help centre explains it under the message, which was read as a symptom.
_TELLS_WHAT_SHOWS = re.compile(
    r"\b(?:you (?:may |might |will |can |could )?(?:also )?(?:see|get|receive|notice|find)|shows?|showing|pops? up|"
    r"appears?(?! (?:twice|more than once|(?:several|multiple|many|two|three|\d+) times)\b)"
    r"|displays?|(?:is|are) (?:shown|displayed))\b",
    re.IGNORECASE,
)
# What a paragraph says a program outputs ("the server returns …", "pkgsync prints this error when …"): what
# is seen in an opening, but in a list of a program's errors (a man page's DIAGNOSTICS) when the error is raised,
# and why. Apart from _TELLS_WHAT_SHOWS so that such a list can leave it out (see says_what_is_seen).
_TELLS_WHAT_IS_OUTPUT = re.compile(r"\b(?:reports?|returns?|prints?|(?:is|are) logged)\b", re.IGNORECASE)


def explained_after_shown(
    preamble: list[SyntaxTreeNode], lead_in: SyntaxTreeNode | None, quotes: list[Quote]
) -> list[SyntaxTreeNode]:
    """The one paragraph of a problem's ``preamble`` right after the error it shows (its ``quotes``)
    and right before its steps (but for a lead-in or call-outs), when it says neither what to do nor
    what is seen ("The outbound proxy requires authentication.", between the log line and "1. Add the
    proxy"): why it fails, the problem's cause where no part states one. Read as what is seen, the
    answer had no cause to show. A paragraph with more checks after it is more of the diagnosis."""
    if not quotes:
        return []
    after = preamble[max(q.block for q in quotes) + 1 :]
    if not after or any(b is not lead_in and not is_callout(b) for b in after[1:]):
        return []
    block = after[0]
    return [block] if block is not lead_in and _only_explains(block) else []


def explained_before_code(after_shown: list[SyntaxTreeNode]) -> bool:
    """Whether the paragraph right after the error a section shows only explains (see
    :func:`explained_after_shown`), and a lead-in to code follows it ("Since 3.0 the two options are
    mutually exclusive." then "Delete one of them:" over the diff, as a provider's docs write a fix):
    the code is the fix and the paragraph why it fails, not step 1 of a fix written in prose."""
    if len(after_shown) < 3 or not _only_explains(after_shown[0]):
        return False
    lead, code = after_shown[1:3]
    return lead.type == "paragraph" and leads_in(block_text(lead)) and code.type in CODE


# The writer speaking of themself or thanking: an answer's story ("I had the same problem"), no cause.
_WRITER = re.compile(r"\b(?:i|i'm|i've|i'd|me|my|we|our|thanks?)\b", re.IGNORECASE)


def answer_explanation(preamble: list[SyntaxTreeNode]) -> list[SyntaxTreeNode]:
    """The one paragraph a question-and-answer site's answer says before its steps, when it only
    explains (see :func:`explained_after_shown`; "Your `tls_ca_file` points to an outdated bundle."):
    it stands right between the error the question shows and the fix, the cause. Not the writer's own
    story ("I had this too."), nor one of several paragraphs; a lead-in to the steps after it ("Fix it
    in this order:") only introduces them."""
    told = [block for block in preamble if not is_callout(block)]
    if len(told) == 2 and told[1].type == "paragraph" and leads_in(block_text(told[1])):
        told = told[:1]
    if len(told) != 1 or not _only_explains(told[0]) or _WRITER.search(block_text(told[0])):
        return []
    return told


# A sentence that says what the error just shown means ("This means the user is in no mapped group."),
# as a vendor's tip opens its solution before "To fix it:".
_TELLS_MEANING = re.compile(r"(?:this|that|it)\b[^.!?\n]{0,30}?\b(?:means|indicates)\b", re.IGNORECASE)


def meaning_before_fix(preamble: list[SyntaxTreeNode]) -> list[SyntaxTreeNode]:
    """The one paragraph a fix says before its steps (and a lead-in to them) when it says what the
    error means (:data:`_TELLS_MEANING`; see :func:`answer_explanation`), or why it happens, as a vendor's
    knowledge centre opens a Resolution that no Cause heading precedes ("The destination volume has run
    out of free space, so …", :func:`indexer.threads.tells_origin`): the cause, not a note."""
    told = answer_explanation(preamble)
    if not told:
        return []
    text = block_text(told[0])
    return told if _TELLS_MEANING.match(text) or tells_origin(text) else []


def _only_explains(block: SyntaxTreeNode) -> bool:
    """A paragraph that says neither what to do (in any clause), nor what is seen or shown, nor opens
    on a condition, nor leads in to what follows."""
    if block.type != "paragraph" or is_callout(block):
        return False
    text = block_text(block)
    clauses = re.split(r"[.,;:!?]\s+", text)
    seen = says_what_is_seen(text)
    # "If you don't have `acl:write` yourself, …": a condition on the reader, not why it fails.
    conditional = _CONDITION_OPENING.match(text)
    return not (text.endswith(":") or seen or conditional or any(map(reads_as_instruction, clauses)))


def says_what_is_seen(text: str, *, output: bool = True) -> bool:
    """Whether a text says what a program shows ("the console shows …", "a dialog pops up") or what people
    see or go through ("Users see a spinner …"); with ``output``, also what a program prints, returns or
    reports, which under a list of its errors says when it raises one ("pkgsync prints this error when …")."""
    return bool(
        _TELLS_WHAT_SHOWS.search(text)
        or (output and _TELLS_WHAT_IS_OUTPUT.search(text))
        or _SAYS_WHAT_IS_SEEN.search(text)
    )


def leads_in(text: str) -> bool:
    """Whether a paragraph's ``text`` reads as a lead-in to steps: one short sentence that tells what
    to do and ends in ":" ("To fix it:", "Follow these steps:"), or a procedure's title ("To bring the
    printer online", see is_procedure_title). "The UPN matching process has these
    limitations:" describes the topic, and "In this case … To resolve this issue, follow these
    steps:" says its cause first."""
    return is_procedure_title(text) or (
        text.endswith(":")
        and len(text) <= MAX_LEAD_IN_CHARS
        and not SENTENCE_END.search(text)
        and (reads_as_instruction(text) or bool(_WHAT_FIXED.fullmatch(text)))
    )


def introduction_text(section: Section) -> list[str]:
    """What a section says of itself before any sub-section: its own paragraphs and lists,
    not its call-outs (an article's lead, or the context of the problems under it)."""
    return [block_text(b) for b in section.blocks if b.type in ("paragraph", *LISTS) and not is_callout(b)]


def shown_error(blocks: list[SyntaxTreeNode]) -> int:
    """How many leading blocks of an error section show the error, before it is explained and fixed.

    They run while no error has been shown, or while each paragraph introduces more
    output ("A very similar error message may appear when running helm install:").
    """
    quotes = {q.block for q in messages_in(blocks)}
    shown = 0
    seen_error = False
    for index, block in enumerate(blocks):
        if index in quotes:
            seen_error, shown = True, index + 1
            continue
        text = block_text(block)
        if block.type == "paragraph" and seen_error and not text.endswith(":"):
            break
    return shown


def shown_output(blocks: list[SyntaxTreeNode], heading: str = "", cell: str | None = None) -> int:
    """How many leading blocks of a section under a heading that names no error show the failure it
    is about: 2 for a paragraph that announces output ("When the cache is full, you will see:") and
    the output, or for a notebook's cell and the failure it printed (:func:`cell_failure`); 1 for output
    that reads as a failure with nothing before it (a wiki's section that opens with the error printed:
    "FATAL ERROR: Reached heap limit …"), or that opens with its section's ``heading`` (a manual's node
    titled by the message it then displays); else 0. ``cell``: the :func:`cell_failure` of ``blocks``, where
    the caller has it already."""
    if any(q.block == 1 for q in announced_output(blocks[:2])) or (
        cell_failure(blocks) if cell is None else cell
    ):
        return 2
    if not blocks:
        return 0
    # What the opening block printed, once: both of its tests read it.
    printed = fence_output(blocks[0])
    return 1 if failure_shown(blocks[0], printed) or _displays_heading(blocks[0], printed, heading) else 0


# A heading that reads as a program's message as GNU programs print one, the program's name before it
# ("bkp: repository is locked by another process"): a manual's node titled by what its display shows.
_PROGRAM_MESSAGE = re.compile(r"[a-z][\w.+-]{0,40}: \S")


def _displays_heading(block: SyntaxTreeNode, printed: str, heading: str) -> bool:
    """Whether code ``block``, which shows ``printed`` printed (its :func:`fence_output`), prints
    ``heading``'s words as its first line, where the heading reads as a
    message (a failure, or a program's message): the heading quotes what the program printed, and the
    block shows it printed. A heading that names a command ("docker compose up") over a block that shows
    it quotes no message."""
    if block.type not in CODE or not (_PROGRAM_MESSAGE.match(heading) or reads_as_failure(heading)):
        return False
    return bool(printed) and comparable(printed.split("\n", 1)[0]) == comparable(heading)


def answer_cause(blocks: list[SyntaxTreeNode], *, why: bool, question: str) -> tuple[int, int]:
    """How an answer opens with the cause before it says what to do: how many of its paragraphs are
    the cause, and how many sentences of the paragraph after them; (0, 0) when it does not.

    "Why are jobs stuck?" is answered with why ("The agent cannot reach the print server."), then
    what to do: all the answer says before its first instruction is the cause, when an instruction
    follows, in a sentence, a paragraph or a list's first item. Another question's answer gives
    its cause first only in words that say so ("This happens because …"). An answer that says
    nothing to do is all steps, as every answer was: the cause was step 1 of the fix. One that shows
    the error it is about ("La Stare apare mesajul:" and the message) and tells nothing to do before
    its numbered fix says why in those paragraphs, in whatever words ("Cauza cea mai frecventă este …").
    """
    # Paragraphs that say neither why in words that say so nor what to do, and whether the answer
    # showed its error before them.
    unsaid = 0
    shown = False
    # Where the fix starts, where a lead-in to its list opens it (see below).
    fix: int | None = None
    for index, block in enumerate(blocks):
        if block.type in LISTS:
            # A numbered list is the fix whatever verb its first item opens with ("Release the lock:
            # …"): a FAQ's answer explains, then numbers what to do.
            numbered = block.type == "ordered_list" and index > 0
            instructs = bool(block.children) and reads_as_instruction(block_text(block.children[0]))
            if unsaid and not (numbered and shown):
                return (0, 0)
            return (index if fix is None else fix, 0) if instructs or numbered else (0, 0)
        if index and announced_output(blocks[index - 1 : index + 1]):
            # "… You get this error when you push:" and the error: part of why, before what to do.
            shown = True
            continue
        if block.type != "paragraph" or is_callout(block):
            return (0, 0)
        text = block_text(block)
        opening = without_answer_label(text, question) if index == 0 else text
        sentences = _sentences(opening, code_spans(block))
        said = next((n for n, sentence in enumerate(sentences) if reads_as_instruction(sentence)), None)
        explained = sentences if said is None else sentences[:said]
        if not why and not all(reads_as_cause(sentence) for sentence in explained):
            # Read on to the numbered fix, where the answer has shown its error (a Romanian FAQ's answer
            # explained, showed the router's message and gave its cause, and all three were steps 1-3).
            if said is not None:
                return (0, 0)
            unsaid += 1
            continue
        if said is not None:
            over_list = index + 1 < len(blocks) and blocks[index + 1].type in LISTS
            if unsaid and not said and over_list and leads_in(text):
                # A lead-in to the list right after it ("To fix it:") tells nothing to do of its own: the list
                # decides, as where it is the next block. Read as the answer's first instruction, it made an
                # answer that explained, showed its log and explained more before it ("What does that mean?":
                # out of memory, the job's "Killed" lines, the usual culprit) all steps, the cause step 1.
                fix = index
                continue
            return (0, 0) if unsaid else (index, said)
    return (0, 0)


# An answer's mark (see answer_mark) in Markdown, bold or not: "A: ", "**A:** ", "**Answer**: ", "A2. ".
_ANSWER_LABEL_SOURCE = re.compile(
    r"([*_]{0,2})(?:a|answer|r(?=\s*:)|răspuns)(?:\s*\d{1,3})?\1?\s*[:.)]\s*\1?\s+", re.IGNORECASE
)


# The end of a sentence in Markdown, its markup around the space too (". **Restart** the", "`x`. The").
_SOURCE_SENTENCE_END = re.compile(r"(?<=[.!?])[*_`]*\s+(?=[*_`\[]*[A-Z])")


_FIRST_WORD = re.compile(r"\W*(\w+)")


# A sentence's end mark; and a run of backticks, which opens or closes a code span in Markdown.
_SENTENCE_MARK = re.compile(r"[.!?]")
_BACKTICKS = re.compile(r"`+")


def code_spans(node: SyntaxTreeNode) -> list[str]:
    """The contents of the code spans in a block's text, in order."""
    spans: list[str] = []
    for child in node.children:
        if child.type == "code_inline":
            spans.append(child.content)
        else:
            spans.extend(code_spans(child))
    return spans


def _prose_only(text: str, codes: list[str]) -> str:
    """``text`` with the sentence marks inside its code spans (``codes``, in order) made inert, at the
    same length: "The user sees `Login failed. Check the password.` on the page." is one sentence,
    whose quoted message was cut into a cause and a step to follow."""
    pieces: list[str] = []
    at = 0
    for code in codes:
        start = text.find(code, at)
        if start >= 0:
            pieces += [text[at:start], _SENTENCE_MARK.sub("\x00", code)]
            at = start + len(code)
    return "".join([*pieces, text[at:]])


def _inert_code_spans(markdown: str) -> str:
    """``markdown`` with the sentence marks inside its code spans made inert, at the same length
    ("``a `b.` c``" too). A span opens at a run of backticks and closes at the next run of the same
    length, as CommonMark reads them, looked up by length: a pattern that tried every split of a long
    run took the cube of it (80 KB of growing runs, 32 s)."""
    runs = list(_BACKTICKS.finditer(markdown))
    by_length: dict[int, list[int]] = {}
    for n, run in enumerate(runs):
        by_length.setdefault(len(run.group()), []).append(n)
    pieces: list[str] = []
    at = n = 0
    while n < len(runs):
        opener = runs[n]
        same = by_length[len(opener.group())]
        following = bisect_right(same, n)
        if following == len(same):
            n += 1
            continue
        closer = runs[same[following]]
        pieces += [
            markdown[at : opener.end()],
            _SENTENCE_MARK.sub("\x00", markdown[opener.end() : closer.start()]),
        ]
        at, n = closer.start(), same[following] + 1
    return "".join([*pieces, markdown[at:]])


def _sentences(text: str, codes: list[str]) -> list[str]:
    """``text`` split into sentences, none of them cut inside a code span (see :func:`_prose_only`)."""
    pieces, start = [], 0
    for end in SENTENCE_END.finditer(_prose_only(text, codes)):
        pieces.append(text[start : end.start()])
        start = end.end()
    return [*pieces, text[start:]]


def without_answer_label(text: str, question: str) -> str:
    """An answer's first paragraph without the mark it may open with under ``question`` ("A:", or
    "A2." under "Q2. …")."""
    return text[answer_mark(text, question) :]


def cut_opening(
    paragraph: SyntaxTreeNode, sentences: int, *, question: str | None, lines: list[str]
) -> tuple[str, str, str] | None:
    """A paragraph cut after its first ``sentences`` sentences, and its answer's mark ("A:", "A2.")
    where it answers ``question``: the text cut off, and the text and Markdown left; None when
    nothing is cut, or when its Markdown cannot be cut at the same place (markup between the
    sentences), so it stays whole."""
    text, markdown = block_text(paragraph), block_source(paragraph, lines)
    mark = answer_mark(text, question) if question is not None else 0
    if mark:
        source_mark = _ANSWER_LABEL_SOURCE.match(markdown)
        if source_mark is None:
            return None
        text, markdown = text[mark:], markdown[source_mark.end() :]
    if not sentences:
        return ("", text, markdown) if mark else None
    ends = list(SENTENCE_END.finditer(_prose_only(text, code_spans(paragraph))))
    source_ends = list(_SOURCE_SENTENCE_END.finditer(_inert_code_spans(markdown)))
    if len(ends) != len(source_ends) or len(ends) < sentences:
        return None
    end, source_end = ends[sentences - 1], source_ends[sentences - 1]
    rest, source_rest = text[end.end() :], markdown[source_end.end() :]
    word, source_word = _FIRST_WORD.match(rest), _FIRST_WORD.match(source_rest)
    if word is None or source_word is None or word.group(1) != source_word.group(1):
        return None
    return text[: end.start()], rest, source_rest


# A paragraph that says there is no fix for what it shows: "there is no workaround yet", "no fix is
# available", "a fix is not yet available".
_NO_FIX = re.compile(
    r"\bno (?:known |current |permanent )?(?:workarounds?|fix(?:es)?|solutions?|resolutions?)\b"
    r"|\b(?:workarounds?|fix(?:es)?|solutions?) (?:is|are) not (?:yet )?available\b",
    re.IGNORECASE,
)
# A sentence that only points elsewhere or says to wait, worded as an instruction but no fix:
# "Click here to learn more about limits.", "See the FAQ for details.", "Check back for updates."
_POINTS_ELSEWHERE = re.compile(
    r"\b(?:learn|read|find out) more\b|\bclick here\b|\bfor (?:more|further) (?:information|details|info)\b"
    r"|\bfor (?:details|updates)\b|^(?:please )?(?:check back|stay tuned|wait for (?:a|an|the) (?:fix|update|"
    r"patch|release))\b",
    re.IGNORECASE,
)


def told_after_shown(paragraph: SyntaxTreeNode) -> int:
    """How many sentences of a paragraph that shows an error ("If the build stops with `E42: …`,
    the cache is stale.") come before the first that tells what to do ("Delete the cache."), when
    one after the first does; else 0: a paragraph that only shows and explains has no fix in it,
    nor one that says there is none ("… there is no workaround yet."), whose sentences that point
    elsewhere or say to wait ("Check back for updates.") fix nothing."""
    text = block_text(paragraph)
    if _NO_FIX.search(text):
        return 0
    sentences = _sentences(text, code_spans(paragraph))
    return next(
        (
            n
            for n, sentence in enumerate(sentences[1:], 1)
            if reads_as_instruction(sentence) and not _POINTS_ELSEWHERE.search(sentence)
        ),
        0,
    )


def says_more_than_shown(paragraph: SyntaxTreeNode) -> bool:
    """Whether a paragraph that shows an error says more of it in a sentence after the first ("If the
    terminal shows `E4510`, the PIN was entered wrongly. The cardholder has to unlock it.")."""
    return len(_sentences(block_text(paragraph), code_spans(paragraph))) > 1


_CONDITION = re.compile(CONDITION, re.IGNORECASE)
# How far into its paragraph a condition may quote the error it is on: its one clause.
MAX_CONDITION_CHARS = 200


def conditioned_error(blocks: list[SyntaxTreeNode]) -> list[Quote]:
    """The error text of a section of one paragraph whose first clause is a condition on an error it
    quotes ("If the error says **Unable to import module 'handler'** instead, then …", "if you get
    `upstream timed out …` its not this, …"): what the paragraph quotes; [] for any other section.
    Such a section answers that error, whatever section it sits in."""
    if len(blocks) != 1 or blocks[0].type != "paragraph" or is_callout(blocks[0]):
        return []
    text = block_text(blocks[0])
    quotes = messages_in(blocks)
    if not quotes or not _CONDITION.match(text):
        return []
    opening = text[: MAX_CONDITION_CHARS + len(quotes[0].text)]
    at = opening.find(quotes[0].text)
    if at < 0 or at > MAX_CONDITION_CHARS or SENTENCE_END.search(text[:at]):
        return []
    return quotes


# "instead" right after a quoted error ("you will see `… (FB-STATE-11)` instead; stop the service, …"): the
# error is another than the one the fix above it is for.
_INSTEAD = re.compile(r"[`\"'\u201d\u2019*_]*\s*instead\b[;:,.]?\s*", re.IGNORECASE)


# What is told after "instead" when it sends the reader back to the fix above ("…; follow the same steps
# above.", "…; the fix is as above."): the other error is the same problem's, with its steps.
_FIX_ABOVE = re.compile(
    r"\b(?:the[ \t]+same[ \t]+(?:steps|fix|procedure|instructions|solution|workaround)"
    r"|(?:steps|fix|procedure|instructions|solution|workaround)[ \t]+above|as[ \t]+above"
    r"|above[ \t]+(?:steps|fix|procedure|instructions|solution|workaround))\b",
    re.IGNORECASE,
)


# What goes on past a reference to the fix above, to a step of its own ("follow the steps above, then run
# `spoolctl repair --all`", "run the same command as above with `--force`").
_GOES_ON = re.compile(r"[,;]|\b(?:then|and|with|but|also|plus|after|before|except|instead)\b", re.IGNORECASE)
# The most words a sentence that only sends the reader back to the fix above says ("just follow the same
# steps above as well").
MAX_FIX_ABOVE_WORDS = 8


def fixed_as_above(told: str) -> bool:
    """Whether what a paragraph tells to do after another error's "instead" (see :func:`other_error_case`)
    is the fix above it again and nothing more ("follow the same steps above."), no fix of its own. Where
    it goes on to a step of its own ("follow the steps above, then run `spoolctl repair --all`."), read as
    the same problem's, the extra step was only a note, and a paste of the error got steps not enough."""
    return (
        bool(_FIX_ABOVE.search(told))
        and len(told.split()) <= MAX_FIX_ABOVE_WORDS
        and not _GOES_ON.search(told)
    )


def other_error_case(paragraph: SyntaxTreeNode) -> tuple[list[Quote], str]:
    """The error text of a paragraph that opens on a condition and says which other error shows then,
    "instead", and what to do about it after that ("If the agent was killed during the upgrade you will
    see `state store schema version 0 is not supported (FB-STATE-11)` instead; stop the service, delete
    `registry.db*` and start it again."), as a forum's answer adds the case after its steps; and what it
    says to do. ([], "") for any other block."""
    if paragraph.type != "paragraph" or is_callout(paragraph):
        return [], ""
    text = block_text(paragraph)
    quotes = messages_in([paragraph]) if _CONDITION.match(text) else []
    at = text.find(quotes[0].text) if quotes else -1
    instead = _INSTEAD.match(text, at + len(quotes[0].text)) if at >= 0 else None
    told = text[instead.end() :].strip() if instead else ""
    if not told or not reads_as_instruction(told):
        return [], ""
    return quotes, told


# Fewest words a heading needs to be read as the message under it: "Output" over output says nothing.
MIN_NAMED_MESSAGE_WORDS = 3


def message_under_its_name(title: str, blocks: list[SyntaxTreeNode]) -> list[Quote]:
    """The box that opens a section headed by its own first line ("Time-of-day not set – please run
    SETUP program" over the screen's text, as a hardware article's Resolution heads each fault by what
    the screen shows): that message, the section's problem; [] for any other section."""
    if not blocks or blocks[0].type not in CODE:
        return []
    named = comparable(title)
    shown = block_text(blocks[0])
    if len(named.split()) < MIN_NAMED_MESSAGE_WORDS or comparable(shown.split("\n", 1)[0]) != named:
        return []
    return [Quote(shown, line_of(blocks[0]), 0)]


def described_error(blocks: list[SyntaxTreeNode]) -> int:
    """How many leading paragraphs of an error section describe the error: all before the first
    that tells what to do, introduces something (ends in a colon) or is a call-out."""
    for index, block in enumerate(blocks):
        text = block_text(block)
        if block.type != "paragraph" or is_callout(block) or text.endswith(":") or reads_as_instruction(text):
            return index
    return len(blocks)


# Words that tell the reader what to do inside a sentence that opens otherwise: "If the PR modifies
# several casks, use …", "You can disable this by passing --no-upgrade".
_TELLS = re.compile(
    r"\byou (?:can|could|should|must|may|might|need to|have to|will need to)\b|^(?:if|when|once|after|before)\b[^,]{0,200},\s*(?=\w)",
    re.IGNORECASE,
)


# A statement of what is or happens: "Files over 20 MB are opened in plain mode", "The driver is
# deprecated", "Homebrew does not provide …". Without one, an opening paragraph may instruct in words
# no pattern knows ("Return to the guide and complete the template.").
_SAYS_WHAT_IS = re.compile(
    r"\b(?:is|are|was|were|has|have|had|isn't|aren't|wasn't|weren't|hasn't|haven't|does not|do not|did not|"
    r"doesn't|don't|didn't|cannot|can't|won't|becomes?|stays?|remains?|appears?|seems?)\b",
    re.IGNORECASE,
)

# What people see or go through: "Users see a spinner …", "you get signed out", "customers
# experience timeouts" says what is seen, not what a check finds.
_SAYS_WHAT_IS_SEEN = re.compile(
    r"\b(?:users?|you|customers?|clients?|visitors?|people|everyone|they)(?:\s+\w+){0,2}?\s+"
    r"(?:see|sees|saw|seeing|get|gets|got|receive[sd]?|experienc(?:e[sd]?|ing)|notic(?:e[sd]?|ing)|"
    r"encounter(?:s|ed)?|observe[sd]?|hit|hits|run into|face|faces|faced)\b",
    re.IGNORECASE,
)


def described_topic(blocks: list[SyntaxTreeNode]) -> int:
    """1 when a section under a heading that names no error opens with a paragraph that says what
    happens or what is ("The autosave timer pauses while a dialog is open.") and then with one that
    tells what to do ("Close the dialog."): a description, not the fix's first step. A paragraph that ends in
    ":" introduces what follows, and one that tells what to do, even after a condition ("If it
    stalls, restart it.") or as advice ("you can …"), is a step; so is all prose that no
    instruction follows, as a reference page writes it."""
    if len(blocks) < 2 or any(b.type != "paragraph" or is_callout(b) for b in blocks[:2]):
        return 0
    follow = block_text(blocks[1])
    if not reads_as_instruction(follow) or follow.endswith(":"):
        # "Follow these steps:" leads a procedure in: what comes before it leads in too.
        return 0
    text = block_text(blocks[0])
    if (
        not _SAYS_WHAT_IS.search(text)
        or text.endswith(":")
        or any(
            _TELLS.search(sentence) or reads_as_instruction(sentence) for sentence in SENTENCE_END.split(text)
        )
    ):
        return 0
    return 1


def checked_output(blocks: list[SyntaxTreeNode]) -> tuple[set[int], set[int]]:
    """Of what a problem says before its parts: the paragraphs that tell how to check it ("Run:"
    right over the failure the command prints), and the paragraph right after such a check's output
    that says what is ("The storage class … does not exist."): what the check finds. Neither is what
    the reader sees; commands that print no failure (a reproduction's) are no check, and a paragraph
    that says what users see or go through ("Users see a spinner …") is what is seen."""
    shown = {q.block for q in messages_in(blocks)}
    checks: set[int] = set()
    found: set[int] = set()
    for index, block in enumerate(blocks):
        if block.type != "paragraph" or is_callout(block):
            continue
        text = block_text(block)
        instructs = reads_as_instruction(text)
        if instructs and text.endswith(":") and index + 1 in shown and blocks[index + 1].type in CODE:
            checks.add(index)
        elif (
            index - 2 in checks
            and not instructs
            and not text.endswith(":")
            and _SAYS_WHAT_IS.search(text)
            and not _SAYS_WHAT_IS_SEEN.search(text)
        ):
            found.add(index)
    return checks, found


def fix_starts(blocks: list[SyntaxTreeNode]) -> int:
    """Where a cause's own fix begins: its first instruction, or the lead-in of its first command."""
    for index, block in enumerate(blocks):
        if block.type == "paragraph" and reads_as_instruction(block_text(block)):
            return index
        if block.type in CODE:
            lead = block_text(blocks[index - 1]) if index > 0 else ""
            if is_error_lead(lead):
                continue  # "…may return the following error message:" shows the cause, not the fix
            return index - 1 if lead.endswith(":") else index
    return len(blocks)
