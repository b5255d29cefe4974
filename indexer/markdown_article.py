"""A Markdown article → the problems it answers, their steps, and its searchable body.

The article's headings and blocks decide its shape, never its file name or house
style. Each section is read by what its heading says (:mod:`indexer.roles`):

* a *frame*: a section whose sub-sections are parts of one problem (Symptoms, Cause,
  Resolution, Method 2 …, with any other sections between them) is one problem,
  titled by its heading (the article's title at the top);
* an *error* or a *question* heading ("Error: `x509: …`", "Why isn't my root
  certificate in tls.crt?", "Volume is stuck in Attaching") is a problem of its own;
* under a *container* (Troubleshooting, Common issues, FAQ — or an article titled so)
  every section is a problem;
* boilerplate (Applicable versions, Related information, See also …) never is;
* a table pairing errors with resolutions gives one problem per row.

When nothing of that kind is in an article (a how-to or reference page), each of
its sections with content is a problem; with no sections, the whole article is.
Once an article has troubleshooting structure, its other sections (the how-to part
of a page with a Troubleshooting section) are only searchable body text.

Every block ends up somewhere: in a problem's fields, or in the article's body.

This module walks the sections (``_Reader``); the questions it asks of them have modules of their
own: what a section is (:mod:`indexer.section_shapes`), how its text opens before it says what to
do (:mod:`indexer.openings`), lists of labelled items (:mod:`indexer.labelled_items`) and runs of
labelled entries (:mod:`indexer.entries`).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from itertools import pairwise
from typing import Literal

from markdown_it.tree import SyntaxTreeNode

from indexer.column_names import column_holds
from indexer.dates import CLOCK
from indexer.entries import pair_cases, split_entries
from indexer.error_responses import field_codes, response_codes
from indexer.errortext import (
    FAILURE_WORDS,
    bracketed_code,
    bracketed_number,
    canonical_code,
    clean,
    code_key,
    comparable,
    device_code_titled,
    error_codes,
    exit_codes,
    http_statuses,
    is_letter_code,
    labelled_numbers,
    log_entries,
    message_number,
    reports_failure,
    snake_codes_named,
)
from indexer.heading_text import (
    SECTION_NUMBER,
    Quoted,
    conditioned_heading,
    quotations,
    quoted_strings,
    quoted_words,
    title_of,
)
from indexer.inline_text import inline_parts, inline_text
from indexer.labelled_items import (
    LABEL_SEPARATORS,
    fix_label,
    labelled_lists,
    part_label_opening,
    shown_before_steps,
    without_empty_first_step,
    without_label,
)
from indexer.markup import heading_id
from indexer.messages import (
    MAX_MESSAGE_CHARS,
    SENTENCE_END,
    Quote,
    alert_rule,
    announced_output,
    cell_failure,
    cell_messages,
    describes_listed,
    event_messages,
    fence_output,
    field_part,
    field_rows,
    indicated_lines,
    is_error_lead,
    is_server_error,
    last_sentence,
    listed_messages,
    lists_error_codes,
    logged_failures,
    messages_in,
    nested_quotes,
    pairs_problems_with_fixes,
    printed_failure,
    quoted_messages,
    reads_as_failure,
    setup_cells,
    shown_quotations,
    table_codes,
)
from indexer.openings import (
    answer_cause,
    answer_explanation,
    checked_output,
    code_spans,
    conditioned_error,
    cut_opening,
    described_error,
    described_topic,
    explained_after_shown,
    explained_before_code,
    fix_starts,
    fixed_as_above,
    introduction_text,
    lead_in_paragraph,
    leads_in,
    meaning_before_fix,
    message_under_its_name,
    missing_before_fix,
    other_error_case,
    says_more_than_shown,
    says_what_is_seen,
    shown_error,
    shown_output,
    told_after_shown,
    without_answer_label,
)
from indexer.records import Note, OutlineEntry, Problem, Step
from indexer.roles import (
    MAX_INSTRUCTION_CHARS,
    MEANS_NOT_WHAT_TO_DO,
    PROBLEM_PART_ROLES,
    PROBLEM_WORDS,
    THIS_OPENING,
    Kind,
    Role,
    alert_name,
    answer_post,
    asks_if_fixed,
    asks_why,
    describes_the_page,
    heading_kind,
    heading_role,
    is_container_title,
    is_diagnosis,
    is_generic_title,
    is_introduction,
    is_reproduction,
    is_short_description,
    is_summary,
    is_verification,
    lists_messages,
    message_like,
    names_bug_report_part,
    names_environment,
    names_failure,
    names_indicators,
    names_reference_metadata,
    names_requirements,
    names_status,
    names_workaround,
    normalise_heading,
    reads_as_cause,
    reads_as_instruction,
    says_no_cause,
    says_nothing,
)
from indexer.section_shapes import (
    fallback_roles,
    fix_after_cause,
    fixed_under_lead_in,
    fixes_framing,
    framed_by_lead_in,
    groups_parted_problems,
    groups_problems,
    heading_messages,
    heading_source,
    heading_words,
    heads_own_problem,
    introduced_fixes,
    introduces_its_table,
    is_frame,
    is_one_of_causes,
    is_procedural,
    other_answers,
    resolution_mode,
    resolutions_with_steps,
    role_in_problem,
    runbook_checks,
    section_kind,
    section_role,
    states_own_problem,
    step_heading,
)
from indexer.sections import (
    CODE,
    LISTS,
    Section,
    block_source,
    block_text,
    cell_texts,
    cut_at_word,
    described_text,
    footnote_marks,
    is_callout,
    is_email_header,
    line_of,
    page_field_blocks,
    row_sources,
    source_slice,
    table_rows,
)
from indexer.steps import (
    Mode,
    StepRun,
    cell_steps,
    mode_for,
    notes_of,
    read_steps,
    stepped_paragraphs,
    unwrapped,
)
from indexer.threads import (
    Post,
    activity_comments,
    answering_post,
    answering_reply,
    asked_and_replies,
    explains_why,
    is_greeting,
    is_quick_actions,
    issue_activity,
    issue_replies,
    letter_close,
    letter_furniture,
    mail_ending,
    quoted_mails,
    quotes_a_post,
    reply_quote,
    says_why,
    thread_items,
    thread_posts,
    without_github_number,
    without_solved_mark,
)

# A line of a quoted plain-text message indented after its "> " marks, as a mail sets off pasted output.
_QUOTED_INDENTED = re.compile(r"(?:>[ \t]?)+[ \t]{2,}\S")
# A message's words and codes as written, hyphens kept ("E-204", "LL-SYNC-409"): what a code is looked for among.
_CODE_WORDS = re.compile(r"[\w-]+")
# The outline number a document prints before a section's heading that a title's label (see _TITLE_LABEL)
# leaves, as a version's could be one: "2.1 ", "3.2) ", an appendix's "B.1 ". Its full stop is no sentence's
# end before the code the heading closes with (a Word SOP's "2.1 Scanner cannot log in: “Device not
# registered” (E1017)" was read as no code, where its unnumbered heading was).
_OUTLINE_NUMBER = re.compile(r"^(?:\d{1,2}|[A-Z])(?:\.\d{1,2})+\)?[ \t]+(?=\S)")
# A fix has a few lead-ins and remarks around its steps: in the shared corpora 16 at most but for
# one reference page's section, whose 331 definitions would make an 850-line answer. Past these the
# rest is only searchable body.
MAX_NOTES = 20
# A problem states its errors at its top, a few at most: a section that quotes none of its first
# ones answers another error (see _Draft.known_messages).
MAX_KNOWN_MESSAGES = 20
# An article's lead is kept to the length of a front matter description, a sentence or two: a
# Background section can run for pages, and every problem of the article carries its lead.
MAX_ARTICLE_LEAD_CHARS = 400
# The same bound for each section a problem sits in (Problem.context).
MAX_SECTION_CONTEXT_CHARS = 400

Lines = list[tuple[str, int]]
# A section's blocks, or a run of them.
Blocks = list[SyntaxTreeNode]
Origin = Literal["frame", "container", "table", "heading", "topic", "article"]


# What a section's use is when its steps are read as body beside an article's framed problems.
STEPS_AS_BODY = "body: steps beside framed problems"


@dataclass
class _Draft:
    """A problem while it is being assembled from sections."""

    title: str
    line: int
    # Where the problem came from: "frame", "container" or "table" (troubleshooting structure,
    # which makes the article's plain topic sections mere body text: a problem's parts, a
    # container's entries, the rows of an error table), "heading" (an error or a question),
    # "topic" (a section of a how-to page) or "article" (the whole article, when nothing else is).
    origin: Origin
    whole_article: bool = False
    title_is_name: bool = False
    # Framed only by a lead-in line before its steps (see framed_by_lead_in): no frame of the page's.
    lead_in: bool = False
    # Its own heading where the title is that heading prefixed with the section it sits in ("VPN: error
    # 691 or 809: Error 809", see _Reader.visit); "" where the title is its own.
    own_title: str = ""
    # A row of a table of error codes with no fix (see lists_error_codes): a reference's entry, which
    # answers "what is this code" with no step, as an error section that documents no fix does.
    listed: bool = False
    # Has a Cause part among its sections (see _Reader._frame), read before or after its fix.
    cause_part: bool = False
    symptoms: Lines = field(default_factory=list)
    messages: Lines = field(default_factory=list)
    codes: list[str] = field(default_factory=list)
    seen_in: Lines = field(default_factory=list)
    cause: Lines = field(default_factory=list)
    steps: list[Step] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    body: list[str] = field(default_factory=list)
    # What a problem's "Summary" part says (also in its body): its symptoms when no part states them.
    summary: list[tuple[str, int, str]] = field(default_factory=list)
    # What a problem's "Short description" part says (also in its body): its cause when no part states one.
    explanation: list[tuple[str, int, str]] = field(default_factory=list)
    context: str = ""
    # The groups of the steps taken (a section's steps reach its problem through take_run): whether
    # a group's name is taken is asked for each fix section, and reading all the steps each time
    # costs the square of their number in a problem of thousands of "Method N" sections.
    groups: set[str | None] = field(default_factory=set)
    # Its first messages reduced for comparison (see known_messages), each reduced once.
    compared: list[str] = field(default_factory=list)

    def known_messages(self) -> list[str]:
        """The problem's first MAX_KNOWN_MESSAGES messages reduced by errortext.comparable: what it
        states at its top. Each sub-section that may answer another error is compared with them, and
        comparing with all of a problem's thousands of messages would cost their product."""
        wanted = min(len(self.messages), MAX_KNOWN_MESSAGES)
        self.compared.extend(comparable(text) for text, _ in self.messages[len(self.compared) : wanted])
        return self.compared

    def take_run(self, run: StepRun, lines: list[str]) -> None:
        """Add a step reader's result: its steps, the causes it listed, and the rest as notes
        beside the steps and as body text (so that it is still searched)."""
        self.steps.extend(run.steps)
        self.groups.update(step.group for step in run.steps)
        self.cause.extend((described_text(b), line_of(b)) for b in run.causes)
        if not self.cause and (stated := _stated_cause(run.preamble)) is not None:
            # "Root cause: the IDs are sent in a header …" before a fix's steps (an issue tracker's
            # comment): the cause where no part states one, not a note on the steps.
            block, text = stated
            run.preamble.remove(block)
            self.cause.append((text, line_of(block)))
        self.symptoms.extend((described_text(b), line_of(b)) for b in run.described)
        self.notes.extend(notes_of(run, lines))
        self.body.extend(block_text(b) for b in [*run.preamble, *run.leftover])

    def code_title(self) -> str:
        """The title its codes are read from: a title prefixed with the section it sits in is read by its
        own heading where that names one ("Error 809" under a page titled "VPN: error 691 or 809" is
        809's problem, not 691's too, as the sibling "Error 691" is 691's alone), in any language the
        labels are read in."""
        return self.own_title if self.own_title and _names_code(self.own_title) else self.title

    def title_codes(self) -> list[str]:
        """The codes and error numbers its title (see code_title) and its heading's code spans name."""
        title = self.code_title()
        return [
            *self.codes,
            *error_codes(title),
            *labelled_numbers(title, statuses=False),
            *http_statuses(title),
        ]

    def to_problem(self, ordinal: int) -> Problem:
        # By the message without its last full stop: the same message found twice, as a code span
        # and as the sentence it ends ("an error page: `Audience restriction failed`."), is one,
        # written as the code span has it.
        found: dict[str, tuple[str, int]] = {}
        # A quoted log excerpt is unwrapped as a pasted one is (times, levels, stack frames).
        for text, line in ((entry, line) for block, line in self.messages for entry in log_entries(block)):
            cleaned = clean(text)[:MAX_MESSAGE_CHARS]
            # Output without a letter ("10", a count a command printed) says nothing of an error.
            if not any(ch.isalpha() for ch in cleaned):
                continue
            key = cleaned.rstrip(".")
            if key not in found:
                found[key] = (cleaned, line)
            elif len(cleaned) < len(found[key][0]):
                found[key] = (cleaned, found[key][1])
        messages = dict(found.values())
        # An issue tracker's or Atlassian's knowledge base states the problem under "Summary"
        # and has no Symptoms part, and AWS's says why it happens under "Short description"; elsewhere
        # a summary beside the symptoms, or a description beside the cause, is only searched.
        stated = self._stated(self.symptoms, self.summary)
        explained = self._stated(self.cause, self.explanation)
        if explained and all(says_no_cause(t) for t, _ in explained):
            # A placeholder stays searchable, as every block is, but answers with no cause.
            self.body.extend(t for t, _ in explained)
            explained = []
        symptoms = [t for t, _ in stated if t]
        coded = self.code_title()
        quoted_by = [_quoted_values(m) for m in messages]
        read = [
            _without_record_values(_without_quoted_values(m, q))
            for m, q in zip(messages, quoted_by, strict=True)
        ]
        code_text = "\n".join([coded, *read, *self.codes])
        # The title and each message read alone as well: a heading that is a bare code ("E3001") marks it
        # as one, where the message quoted under it ("HOST UNREACHABLE") does not, and so does a display's
        # message that opens with its code ("E-217 TERMINAL NOT ACTIVATED").
        alone = [coded, *read]
        codes = _one_spelling_each(
            [*self.codes, *error_codes(code_text), *(c for text in alone for c in error_codes(text))]
        )
        alerted = alert_name(self.title)
        if alerted and alerted not in codes:
            codes.append(alerted)
        # A number the title or a message labels as an error's ("Error 21610 – …", "Fehlercode 2101")
        # is the code its author identifies the problem by; not again where it is a code's number
        # (the 50105 of "error code 50105 (AADSTS50105)"). An HTTP status only where the title names it
        # ("## 504 Gateway Timeout"): a log's "Status [500 Internal Server Error]" is that of any failure.
        # A message's own number joined to its text ("1798-Smart Storage …") names it so too, and one in
        # brackets labelled "Code" after its words ("… is unavailable (Code 3003)").
        numbers = [
            *http_statuses(coded),
            *exit_codes(coded),
            *labelled_numbers(code_text, statuses=False),
            *(number for m in messages if (number := message_number(m))),
            *(number for m in messages if (number := bracketed_number(m))),
        ]
        codes += [n for n in dict.fromkeys(numbers) if not any(code_key(c).endswith(n) for c in codes)]
        # An app's code in brackets after the words of the message it shows ("Session expired (E1042)."),
        # and in a title that quotes that message, as a help centre heads its section.
        shown = [*messages, *quoted_strings(self.title)]
        codes += [c for c in dict.fromkeys(map(bracketed_code, shown)) if c and c not in codes]
        # A title that closes with the code in brackets names the problem by it where a message of the
        # problem quotes that code too, as a help centre titles a scenario ("Reader not paired (E-204)",
        # "Scanner cannot log in (E1017)") over what the app shows ("E-204 Reader not paired"): alone, a
        # title's "(A-100)" is as likely a model's, and a code before words in lower case is read as one
        # ("A-100 GPU not detected").
        titled = bracketed_code(_OUTLINE_NUMBER.sub("", without_title_label(coded), count=1))
        if (
            titled
            and titled not in codes
            and any(titled in map(canonical_code, _CODE_WORDS.findall(m)) for m in messages)
        ):
            codes.append(titled)
        # The code a quoted error body names its error by ("code": "card_declined"), as a client logs it,
        # alone or after its status line ("HTTP/2 403 {…}").
        codes += [
            c for m in messages if m.startswith(("{", "HTTP/")) for c in response_codes(m) if c not in codes
        ]
        # A set to look them up in: an error-code reference section lists thousands.
        known = set(codes)
        # Without the records they name too: a Symptoms part quotes the message that names one. And without
        # the values the messages quote: a help centre's Symptom shows its message ('E-2104: Printer
        # "ZD420-Dock3" is offline'), whose printer's name gave the problem the code ZD420, and a query
        # naming the printer's model was answered high with it. Only where quoted as the message quotes them:
        # a symptom that names the value unquoted names the real code ("the console shows status BKP-4012"
        # over 'Job failed: status "BKP-4012"'), which was lost.
        quoted = set().union(*quoted_by)
        codes += [
            c
            for c in error_codes(
                _without_model_numbers(_without_record_values(_without_quoted("\n".join(symptoms), quoted))),
                named=False,
            )
            if c not in known
        ]
        codes += [c for c in field_codes("\n".join(symptoms)) if c not in codes]
        codes += [c for c in _stated_codes([*symptoms, *messages]) if c not in codes]
        for n, step in enumerate(self.steps, start=1):
            step.ordinal = n
        return Problem(
            ordinal=ordinal,
            title=without_title_label(self.title),
            line=self.line,
            symptoms="\n\n".join(symptoms),
            error_messages=list(messages),
            error_codes=codes,
            seen_in="\n\n".join(t for t, _ in self.seen_in if t),
            cause="\n\n".join(t for t, _ in explained if t),
            steps=self.steps,
            notes=self.notes[:MAX_NOTES],
            body="\n\n".join(b for b in self.body if b),
            context=self.context,
            whole_article=self.whole_article,
            title_is_name=self.title_is_name,
            origins={
                "title": [self.line],
                "symptoms": [line for t, line in stated if t],
                "error_messages": list(messages.values()),
                "cause": [line for t, line in explained if t],
                "seen_in": [line for t, line in self.seen_in if t],
            },
        )

    def _stated(self, own: Lines, fallback: list[tuple[str, int, str]]) -> Lines:
        """A part's own lines, or else what a part that stands for it says (a Summary for the
        symptoms), then no longer in the body as well."""
        if own or not fallback:
            return own
        promoted = {written for _, _, written in fallback}
        self.body = [b for b in self.body if b not in promoted]
        return [(text, line) for text, line, _ in fallback]


def _names_code(title: str) -> bool:
    """Whether a heading names an error's code or number of its own ("Error 809", "E-217", "HTTP 401")."""
    return bool(error_codes(title) or labelled_numbers(title, statuses=False) or http_statuses(title))


def _unique(items: list[str]) -> list[str]:
    return list(dict.fromkeys(items))


def _one_spelling_each(codes: list[str]) -> list[str]:
    """Each of ``codes`` once, as first written: a table's cell gives "E-330" as its author wrote it,
    and reading the same cell for codes gives "E330", the one code again."""
    first: dict[str, str] = {}
    for code in codes:
        first.setdefault(code_key(code), code)
    return list(first.values())


def _preamble_as_cause(draft: _Draft, run: StepRun, says_why: Callable[[SyntaxTreeNode], bool]) -> None:
    """Move the paragraphs before a fix's steps that ``says_why`` from its preamble to the cause."""
    explained = [b for b in run.preamble if says_why(b)]
    draft.cause.extend((described_text(b), line_of(b)) for b in explained)
    run.preamble = [b for b in run.preamble if b not in explained]


def _bold_cause_label(block: SyntaxTreeNode) -> bool:
    """Whether a paragraph opens with a bold label that names or asks the cause ("**Why?** …", "**Root
    cause:** …"), as a blog post leads in to why it fails."""
    parts = inline_parts(block)
    if not parts or parts[0].type != "strong":
        return False
    return heading_role(inline_text(parts[0]).strip().rstrip(":：").strip()) is Role.CAUSE


# A paragraph that opens by saying when the error just shown happens or what it means ("This happens on
# macOS, where the default open-file limit …", "It usually occurs after …, because …", "This error means
# …"), as a wiki's entry explains its error block before "**Fix**". "Happens" and "occurs" say why only
# with a why clause in the sentence ("when two agents share …", "where …", "because …"): "This happens every
# night at 02:00, while the backup job runs, and only on the Windows clients." says when and where the
# error is seen, what is seen. So does a "when" after a time of day or a frequency ("every night at 01:30,
# when the export job runs": the time it names), a "since" before a point in time ("since the upgrade to
# 4.2", "since last week") and an "even if" ("even if no job is scheduled"): read as why clauses, each made
# what is seen the cause. (English words, as a wiki writes them.) A point in time is a version or a year
# ("since version 7.3", "since 7.3", "since 2023", not "since 2 services share …"), a day, a month, a change
# ("since the 7.3 upgrade", "since we upgraded to 7.3"); a "when" is the time's only right after it and a
# comma, and only a time word makes "every"/"each" a frequency: "on every node when its clock drifts" and
# "daily when the two jobs overlap" say why. "Even when" is "even if".
_SINCE_A_TIME = (
    r"since (?:v\d|version|\d+\.\d|\d{4}\b|yesterday|today|last|then|(?:we|they|you|i) \w+ed\b"
    r"|(?:mon|tues|wednes|thurs|fri|satur|sun)day|january|february|march|april|may|june|july|august"
    r"|september|october|november|december"
    r"|the (?:last |latest |recent |[\w.]*\d[\w.]* )?"
    r"(?:upgrade|update|migration|release|rollout|patch|reboot|restart|outage))"
)
_A_TIME = (
    rf"(?:{CLOCK}|\b(?:every|each) (?:\d+ )?(?:second|minute|hour|night|day|morning|evening|afternoon"
    r"|week|weekend|month|year)s?|\b(?:night|dai|hour|week|month)ly)"
)
_TELLS_WHEN_IT_HAPPENS = re.compile(
    rf"{THIS_OPENING} (?:{MEANS_NOT_WHAT_TO_DO}|indicates"
    rf"|(?:happens|occurs)(?=[^.!?\n]{{0,200}}?\b(?:because|(?!{_SINCE_A_TIME})since|where|(?<!even )if|due to)\b"
    rf"|(?:(?!{_A_TIME},[ \t]*when)[^.!?\n]){{0,200}}?\b(?<!even )when(?:ever)?\b))\b",
    re.IGNORECASE,
)


def _says_why_shown(block: SyntaxTreeNode) -> bool:
    """Whether a paragraph right under the error shown says why it fails: by a bold label that names or
    asks the cause (:func:`_bold_cause_label`), in a cause's words (:func:`roles.reads_as_cause`), or by
    opening on when the error happens or what it means (:data:`_TELLS_WHEN_IT_HAPPENS`)."""
    text = block_text(block)
    return _bold_cause_label(block) or reads_as_cause(text) or bool(_TELLS_WHEN_IT_HAPPENS.match(text))


def _says_cause(block: SyntaxTreeNode) -> bool:
    """Whether a paragraph is worded as a cause (:func:`roles.reads_as_cause`)."""
    return block.type == "paragraph" and reads_as_cause(block_text(block))


def _text_as_meaning(draft: _Draft) -> None:
    """An entry under a heading that lists what a program prints (a man page's DIAGNOSTICS, "E102:
    upstream signature verification failed" over "The upstream index is not signed by a trusted key."
    and the steps): the message is what is seen, and the text under it says what the message means, its
    cause where it states none. Read as under any error heading, it was the problem's symptoms and the
    entry had no cause. Not text that says what the user sees (a wiki's "## Diagnostics" over "Chrome
    shows a full-page warning …"): moved unread, it was the cause, and no symptom of the entry's. That the
    program prints, returns or reports the error says when it raises it ("pkgsync prints this error when the
    index is not signed"): read as what is seen, the entry had no cause."""
    if not draft.cause and not any(says_what_is_seen(text, output=False) for text, _ in draft.symptoms):
        draft.cause, draft.symptoms = draft.symptoms, []


def _explanation_before_lead_in(
    draft: _Draft, run: StepRun, lines: list[str], *, about_problem: bool = False
) -> None:
    """A reply's paragraph before its steps that explains, then leads in to them in its last sentence
    ("2.0 rewrites the metadata branch, so … To repair a vault:", as a maintainer answers an issue):
    what it says before the lead-in is the cause, and the lead-in alone a note before the steps.
    ``about_problem``: not where it explains the fix itself (see _ABOUT_THE_FIX)."""
    for block in run.preamble:
        if block.type != "paragraph" or is_callout(block):
            continue
        text = block_text(block)
        lead = last_sentence(text)
        said = text[: len(text) - len(lead)].strip()
        if not lead.endswith(":") or not said or reads_as_instruction(said) or not says_why(said):
            continue
        if about_problem and _ABOUT_THE_FIX.search(said):
            continue
        run.preamble.remove(block)
        draft.cause.append((said, line_of(block)))
        written = last_sentence(block_source(block, lines))
        run.lead_notes.append(Note(written, lead, line_of(block), run.steps[0].group))
        return


# A fix's opening that says why about the fix itself, not the problem: what it needs ("This procedure needs
# administrator rights because it changes the network adapter settings."), how long it takes ("The rebuild can
# take several hours because …") or when it takes effect ("Because drive maps are applied only at sign-in, the
# change takes effect after …"). Each became the problem's cause.
_ABOUT_THE_FIX = re.compile(
    r"\b(?:this|these)[ \t]+(?:procedure|steps?|fix|workaround|process|method|solution|change)s?\b"
    r"|\btakes?[ \t]+effect\b"
    r"|\b(?:needs?|requires?)[ \t]+(?:\w+[ \t]+){0,2}?(?:rights|privileges|permissions|access)\b"
    r"|\b(?:can|may|might|will|could)[ \t]+take[ \t]+(?:\w+[ \t]+){0,2}?(?:seconds|minutes|hours|days)\b",
    re.IGNORECASE,
)


def _only_scope(paragraph: str) -> bool:
    """Whether a paragraph says what the page covers ("This document describes how to troubleshoot … because
    of …", as a technote's Introduction opens) and no sentence after that one says why it fails."""
    first, *rest = SENTENCE_END.split(paragraph, maxsplit=1)
    return describes_the_page(first) and not (rest and reads_as_cause(rest[0]))


# Where the fix begins in the Markdown of a paragraph that tells another error's case (see
# _other_error_problem): after "instead" that follows the error's last characters.
_QUOTE_TAIL_CHARS = 12
_INSTEAD_SOURCE = re.compile(r"\binstead\b[;:,.]?\s*", re.IGNORECASE)
# A remedy a sentence states rather than tells: a restart, reboot or reinstall it names ("Restarting the agent
# usually clears it.", "A reboot clears it in most cases."), what clears or fixes it, the release it is fixed in
# ("This is fixed in 4.3."), or who can fix it ("Support can reset the lock for you."). Before an error's one
# paragraph's first instruction, it is the fix's first step, not what is seen.
_STATES_REMEDY = re.compile(
    r"\b(?:restart(?:ing|s)?|reboot(?:ing|s)?|reinstall(?:ing|s)?"
    r"|(?:clears?|fix(?:es)?|resolves?|solves?|cures?)[ \t]+(?:it|this|the[ \t]+(?:error|problem|issue))"
    r"|(?:fixed|resolved|solved)[ \t]+in|can[ \t]+(?:reset|fix|clear|repair|resolve|remove|unlock|restore))\b",
    re.IGNORECASE,
)


# The most words a line over an error response says when it only labels it ("Response", "413 Payload Too Large").
MAX_RESPONSE_LABEL_WORDS = 6


def _response_labels(blocks: list[SyntaxTreeNode]) -> int:
    """How many ``blocks`` are short lines that say nothing to do, when they are all that stands over an
    error response a section opens with: its labels and status, as an API documenter prints a saved
    example ("Response", "413 Payload Too Large"), what the example shows, not the fix's first steps."""
    if not blocks:
        return 0
    for block in blocks:
        if block.type != "paragraph":
            return 0
        text = block_text(block)
        if len(text.split()) > MAX_RESPONSE_LABEL_WORDS or reads_as_instruction(text):
            return 0
    return len(blocks)


def _announcing_only(blocks: list[SyntaxTreeNode]) -> set[int]:
    """The paragraphs among ``blocks`` that only lead in to the error output under them ("You will see
    something like:"): what the answer shows, not why it fails."""
    leads = {quote.block - 1 for quote in announced_output(blocks)}
    return {index for index in leads if last_sentence(block_text(blocks[index])) == block_text(blocks[index])}


def _explains(block: SyntaxTreeNode) -> bool:
    """Whether a paragraph before a fix's steps says why (:func:`explains_why`), rather than leading in
    to them ("What fixed it:") or telling what to do: neither a call-out, nor a lead-in, nor an
    instruction."""
    if block.type != "paragraph" or is_callout(block):
        return False
    text = block_text(block)
    return not text.endswith(":") and not reads_as_instruction(text) and explains_why(block)


@dataclass
class ReadArticle:
    """What the extractor made of an article."""

    problems: list[Problem]
    body: str
    outline: list[OutlineEntry]
    # See Article.lead.
    lead: str = ""
    # The page's fields under its title, (label, value) each ("Product", "TillPoint POS").
    fields: list[tuple[str, str]] = field(default_factory=list)
    # The article's title as read: the one it was read with, but a GitHub discussion's or issue's without
    # the number after it.
    title: str = ""


def read_markdown(
    root: Section, title: str, lines: list[str], *, preface: list[SyntaxTreeNode] | None = None
) -> ReadArticle:
    """Extract the problems, searchable body and outline of an article whose heading tree is ``root``.

    ``preface`` are blocks in no section: before the article's title heading (a call-out above the
    ``# Title``), or the page's tags and links to related pages: searchable body text.
    """
    reader = _Reader(title, lines)
    reader.body.extend(block_text(b) for b in preface or [])
    # "_Original KB number:_ 4096172" under the title: fields of the page, searchable, but not the
    # problem's symptoms (61 answers of one knowledge base opened with the number).
    fields = page_field_blocks(root.blocks)
    # A mail kept as an article opens with its header: the letter, its greeting first, follows it.
    opening = next(
        (
            at + 1
            for at, block in enumerate(root.blocks)
            if is_email_header({label.lower() for label, _ in fields.get(id(block), [])})
        ),
        0,
    )
    if opening < len(root.blocks) and is_greeting(root.blocks[opening]) and root.children:
        # A letter whose problems are sections of it (an e-mail answer that numbers the messages it
        # answers, '1) "Send failed: …"'): its closing, and what follows it (a signature, the mail it
        # quotes), stand in the last of them. They are the letter's, as where it has no sections: read
        # as that problem's, they were its notes, and the quoted mail's error was its message.
        last = root
        while last.children:
            last = last.children[-1]
        close = letter_close(last.blocks)
        if close is not None:
            root = replace(root, blocks=[*root.blocks, *last.blocks[close:]])
            del last.blocks[close:]
    furniture = letter_furniture(root.blocks[opening:]) | quoted_mails(root.blocks)
    if fields:
        reader.body.extend(block_text(b) for b in root.blocks if id(b) in fields)
        root = replace(root, blocks=[b for b in root.blocks if id(b) not in fields])
    # A letter's greeting, closing and what frames them (an email, a help desk's canned reply), and the
    # earlier mails it quotes: the page's.
    if furniture:
        reader.body.extend(block_text(b) for b in root.blocks if id(b) in furniture)
        root = replace(root, blocks=[b for b in root.blocks if id(b) not in furniture])
    for section in root.walk():
        pair_cases(section)
        split_entries(section)
    reader.parted = _troubleshooting_page(root, title)
    reader.visit(root, in_container=is_container_title(title), is_root=True)
    reader.event_sections(root)
    reader.code_tables(root)
    reader.pointing_rows()
    read = reader.finish(root)
    read.fields = [pair for found in fields.values() for pair in found]
    return read


# The parts that say what went wrong, not why.
_WHAT_WENT_WRONG = {Role.SYMPTOMS, Role.ERRORS}


# A value a message quotes, a word alone in quotes: "Vehicle 'VH-88213' not found" names an example's
# vehicle, which looks like a code and is none.
_QUOTED_VALUE = re.compile(r"""(?:['"\u2018\u201c])[^\s'"\u2019\u201d]{1,60}['"\u2019\u201d]""")


def _without_quoted_values(message: str, values: set[str]) -> str:
    """``message`` without the values it quotes (``values``, its :func:`_quoted_values`), and without those
    of them written like a code where it names them unquoted too: no codes of the problem's. A log line
    over a stack trace names the record that failed ("Invoice INV-2026-0041871 rejected") that the root
    cause quotes ("Duplicate entry 'INV-2026-0041871'"): one record, an occurrence's value."""
    return _without_values(_QUOTED_VALUE.sub(" ", message), values)


def _quoted_values(message: str) -> set[str]:
    """The values ``message`` quotes, each a word alone in quotes (see _QUOTED_VALUE)."""
    return {found.group(0)[1:-1] for found in _QUOTED_VALUE.finditer(message)}


def _without_quoted(text: str, values: set[str]) -> str:
    """``text`` without those of ``values`` it quotes (see _QUOTED_VALUE); where it names them unquoted,
    they stay."""
    return _QUOTED_VALUE.sub(lambda found: " " if found.group(0)[1:-1] in values else found.group(0), text)


def _without_values(text: str, values: set[str]) -> str:
    """``text`` without those of ``values`` written like a code, wherever it names them."""
    for value in values:
        if error_codes(value, named=False):
            text = re.sub(rf"(?<![\w-]){re.escape(value)}(?![\w-])", " ", text)
    return text


# A value a message names by the kind of record it is, right after that word: "Conflict: record INS-20431
# changed on server" names the record that conflicted, one occurrence's, which looks like a code and is
# none (a paste of the record's ID answered high with that problem). Words for one record of a team's
# data, as an app's messages name them; not words that also lead into a sentence ("In this case ORA-12514
# is returned", "each item", "the entry"), which took the error's own code away. In English, and in the
# languages whose messages name them so too ("Datensatz INS-20431 wurde … geändert", "la commande
# CMD-55120"): German, French, Spanish, Portuguese, Italian, Dutch (not French "client", which English
# writes for a program: "returned to the client ORA-12514"). A word inflected ("des Datensatzes LS-88120",
# "beim Kunden KD-20431", "orders"), or with a "number" abbreviation before the value ("Auftrag Nr. …", "la
# commande n° …", "el pedido núm. …", "order no. …"): only the dictionary form right before it was known, and
# the record's number was the problem's code again.
_RECORD_VALUE = re.compile(
    r"\b(?i:record|order|invoice|receipt|ticket|job|batch|shipment|transaction|booking|"
    r"reservation|claim|inspection|work order|purchase order|asset|customer|employee|patient|"
    r"datensatz|auftrag|bestellung|rechnung|beleg|vorgang|buchung|lieferung|sendung|kunde|mitarbeiter|"
    r"enregistrement|commande|facture|reçu|réservation|livraison|employé|"
    r"registro|registo|pedido|factura|fatura|recibo|reserva|envío|envio|transacción|transação|cliente|"
    r"empleado|funcionário|paciente|ordine|fattura|ricevuta|prenotazione|spedizione|transazione|"
    r"dipendente|paziente|bestelling|factuur|boeking|reservering|zending|transactie|klant|medewerker)"
    r"(?i:e?s|e?n|e)?[ \t]+(?i:(?:nr|no|n[°º]|núm|num)\.?[ \t]*)?"
    r"#?([A-Z]{2,8}+[_-]?\d{3,10}+(?:-\d{1,10})?)(?![\w-])"
)


def _without_record_values(message: str) -> str:
    """``message`` without the values it names by their kind of record ("record INS-20431"): no codes of
    the problem's; the message's own code ("SE-409 Conflict: …") stays."""
    return _RECORD_VALUE.sub(" ", message)


# What a message says is not so, as a failure is worded where no word for one is: "User not assigned to this
# application", "You don't have access to this workspace", its apostrophe typographic as Notion, Confluence and
# Word write it ("don’t"); in the languages of localized help centres too, as _LOCALIZED_FAILURE reads their
# failures ("Benutzer ist dieser Anwendung nicht zugewiesen", "Vous n’avez pas accès", "não tem acesso",
# "non hai accesso", "geen toegang").
_NEGATED = re.compile(
    r"\b(?:not|no|never|cannot|nicht|keine?[mnrs]?|nie|pas|jamais|não|non|nunca|niet|geen|nooit)\b|n['’]t\b",
    re.IGNORECASE,
)


def _quoted_symptoms(blocks: list[SyntaxTreeNode]) -> Lines:
    """The quotations of a Symptoms part's paragraphs that read as failure messages, with their lines: what the
    part says the user sees, where no other sign marks a message ('A new user gets "User not assigned to this
    application"', 'Jobs stay pending with "This job is stuck because …"': no verb that says a program shows
    it, so an exact paste of it was answered medium). Not a control's label ('The "Sign in" button is
    missing', 'Clicking "Export all records" does nothing'), nor what a note says."""
    return [
        (said, line_of(paragraph))
        for block in blocks
        if not is_callout(block)
        for paragraph in block.walk()
        if paragraph.type == "paragraph"
        for said in quoted_messages(block_text(paragraph))
        if _quotes_failure(said)
    ]


def _quotes_failure(said: str) -> bool:
    """Whether a quotation reads as a failure message: failure words or a code, or a negation ("Card not
    recognised (E-104)")."""
    return reads_as_failure(said) or bool(_NEGATED.search(said))


# A clause that rules out what it quotes, another problem's message ("This is not the case where the client
# shows "Cannot reach the mail server", which a wrong server name causes", "unlike when the app shows …").
_RULED_OUT = re.compile(r"\b(?:unlike|rather than|instead of|as opposed to)\b", re.IGNORECASE)
# Where a clause of a sentence ends ("1. Badge not enrolled: the reader shows …").
_CLAUSE_BREAK = re.compile(r"[.;:!?]\s")


def _cause_shown_failures(text: str) -> list[str]:
    """The quotations a cause's ``text`` says a program shows, where they read as its failure: failure words,
    or a negation the app's code closes ("Card not recognised (E-104)"), in a clause that rules nothing out."""
    shown = set(shown_quotations(text))
    if not shown:
        return []
    # A clause that negates its showing verb says which message this is not: read as the problem's, the
    # other article's message found this one at medium. A negation alone is a status shown ('the account
    # page shows "Not signed in"'), no message, unless a code closes it as an app closes its messages.
    # The clauses' breaks, ruling-out words and negations are found once in the whole text: cut and searched
    # again before each quotation, a paragraph of many took the square of its length (15 s for 100,000
    # characters). No break, word nor negation holds a quotation's mark or a break's, so each is found as
    # in the clause alone.
    breaks = [found.end() for found in _CLAUSE_BREAK.finditer(text)]
    ruled = [found.span() for found in _RULED_OUT.finditer(text)]
    negated = [found.span() for found in _NEGATED.finditer(text)]
    return [
        said
        for q in quotations(text)
        if (said := quoted_words(q)) in shown
        and not _found_between(ruled, start := _clause_start(breaks, q.start()), q.start())
        and not _found_between(negated, start, q.start())
        and (
            reads_as_failure(said)
            or (_NEGATED.search(said) and (bracketed_code(said) or bracketed_number(said)))
        )
    ]


def _clause_start(breaks: list[int], at: int) -> int:
    """Where the clause ``at`` is in starts: the end of the last of ``breaks`` (clause breaks' ends, in order)
    at or before it, or the text's start."""
    before = bisect_right(breaks, at)
    return breaks[before - 1] if before else 0


def _found_between(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether the first of ``spans`` (matches' spans, in order) that starts at or after ``start`` ends by ``end``."""
    first = bisect_left(spans, (start, -1))
    return first < len(spans) and spans[first][1] <= end


# A label that says what a page or its problem is about, which heading_role reads as its symptoms' too
# ("Description:", "Issue:", "Problem statement:"): a how-to says what it sets up after it.
_DESCRIBING_LABEL = re.compile(r"descri|issue|problem|question|situation|statement|meaning")


# A device's model number after its maker's name, as a symptom says which device failed: "Labels come out of
# the Zebra ZD421 blank" names the printer, written as a code is and none (a query naming the model was
# answered high with that problem). Named as a thing is, after a determiner ("the Zebra ZD421", "our Dell
# R740"), the maker's name capitalised and in lower case after, not a word for an error ("the Error SCN4022
# banner"), nor a code the word after it calls one ("the Outlook ABC123 error") or names the screen of ("the
# Teams CAA20003 screen"); the model's letters joined to its digits, as models are written (an "Oracle
# ORA-12154" stays a code). And only where the sentence names it as a device: as the place something happens,
# after a preposition ("out of the Zebra ZD421", "on our Dell R740"), or called one by the word after it ("the
# Zebra ZD421 printer"). A vendor's code is named after "the" and its product too, as what appears or what a
# user gets ("The Ricoh SC542 appears on the panel", "Users get the Teams CAA20003"): those stay codes. In
# German too, whose prepositions and articles name the device so ("aus dem Zebra ZD421").
_MAKER_MODEL = (
    r"(?i:the|an?|our|your|their|my|this|that|each|every|its"
    r"|dem|der|den|des|die|das|einem|einer|einen|unserem|unserer|unseren)[ \t]++"
    r"(?!(?i:error|warning|code|fault|alarm|exception|status|message|event|alert)\b)"
    r"[A-Z][a-z]++(?:[A-Z][a-z]++)*+[ \t]++[A-Z]{1,4}+\d{2,6}+[A-Z]{0,2}(?![\w-])"
)
_MODEL_NUMBER = re.compile(
    rf"\b(?i:of|on|from|at|to|in|into|onto|behind|via|aus|auf|an|von|bei|hinter|zu)[ \t]++{_MAKER_MODEL}"
    r"(?![ \t]++(?i:error|code|message|warning|fault|alarm|exception|screen|banner|dialog|prompt|window|pop-?up)s?\b)"
    rf"|\b{_MAKER_MODEL}(?=[ \t]++(?i:printer|scanner|copier|server|router|switch|firewall|laptop|phone|tablet"
    r"|terminal|handheld|camera|controller|appliance|device)s?\b)"
)


def _without_model_numbers(symptoms: str) -> str:
    """``symptoms`` without the models they name after their makers ("the Zebra ZD421"): no codes of the
    problem's."""
    return _MODEL_NUMBER.sub(" ", symptoms)


# A sentence that says which word is the error's code ("The error code in the debug log is
# InvalidAccessKeyId.", "the error code was `QuotaExceeded`"): a name of an API's error, in CamelCase, which
# error_codes reads only where its words say it failed (an attribute's name is written so too). Not across
# a clause: in "The error code appears only when Mode is AutoDetect" the setting's value is no code.
_STATED_CODE = re.compile(
    r"\b(?i:error code)(?: (?!(?i:appears|shows|occurs|only|when|whenever|if|unless|while|and|but)\b)[\w-]+){0,5}?"
    r" (?i:is|was|reads)[ \t]*+:?[ \t]*+[\"'\u201c`]?"
    r"([A-Z][a-z0-9]++(?:[A-Z][a-z0-9]*+)++)(?![\w-])"
)


def _stated_codes(texts: list[str]) -> list[str]:
    """The codes ``texts`` say are the error's code in so many words ("The error code … is X")."""
    return list(dict.fromkeys(m.group(1) for text in texts for m in _STATED_CODE.finditer(text)))


class _Reader:
    """One pass over an article's sections, collecting problems and body text."""

    def __init__(self, title: str, lines: list[str]) -> None:
        self.title = title
        self.lines = lines
        self.drafts: list[_Draft] = []
        self.body: list[str] = []
        self.lead: list[str] = []
        # The introduction under the title that shows an error, and where its text starts in the body
        # (see _introduced_problem).
        self.introduction: tuple[Section, int] | None = None
        # What the sections being read say of the problems under them (Problem.context), outermost first.
        self.context: list[str] = []
        # A table row's problem by its title and codes, each as _row_name spells it (see _row_shown).
        self.table_rows: dict[str, _Draft] = {}
        # A table row's problem whose fix only points to a section of the page → that section's anchor
        # (see pointing_rows).
        self.pointing: dict[int, str] = {}
        # Section → (the draft it belongs to, or None, and how it was used), for the outline.
        self.uses: dict[int, tuple[_Draft | None, str]] = {}
        # A fix section → the cause it follows, which names its group of steps (see _fixes_by_cause).
        self.fix_causes: dict[int, str] = {}
        # Whether a section of the page is a part of a problem (Symptoms, Cause, Solution): a
        # troubleshooting article's, whose Prerequisites are its problems' and stay with them.
        self.parted = False

    # -- the walk -------------------------------------------------------------------------

    def visit(
        self,
        section: Section,
        *,
        in_container: bool,
        is_root: bool = False,
        top: bool = False,
        parent: str = "",
        sibling_fixes: Mapping[str, frozenset[str]] | None = None,
    ) -> None:
        """Read ``section`` and, unless a problem absorbs them, its sub-sections.

        ``parent`` is the title of the section it sits in: "Symptom 2" or "Common
        errors" says which part it is, not which problem, so it is titled with it.
        ``top``: the section sits right under the article's title.
        ``sibling_fixes``: the weaker names of a fix that frame the sections beside it, each with the
        names of their sub-sections (see is_frame).
        """
        if is_root and (self._thread(section) or (not section.children and self._reply(section))):
            return
        if is_root and section.children and self._issue(section):
            return
        role = Role.TOPIC if is_root else section_role(section)
        title = self.title if is_root else section.title
        if not is_root and parent and is_generic_title(section.title):
            title = f"{parent}: {section.title}"
        if role is Role.BOILERPLATE and self._required_topics(section):
            # A reference page's Requirements: its own text stays boilerplate; its sub-headings, the
            # platforms or cases it sets apart, are topics of their own, read by their own names. Read
            # with it, "Windows Subsystem for Linux 1: … you may experience issues running executables"
            # was in no problem, and a question about that failure found none. (On a page with
            # Symptoms, a Cause or a Solution, its Prerequisites are what its problems' fixes need.)
            self._own_blocks_to_body(section, "boilerplate")
            # Only a sub-section that says what fails there: a plain list of what the page needs
            # ("### Hardware" of "- 4 GB RAM", "### Supported operating systems") is no problem, and
            # read as one it answered "agent not working on Ubuntu 22.04" with the list as its steps.
            failing: list[Section] = []
            for child in section.children:
                if _says_what_fails(child):
                    failing.append(child)
                else:
                    self._to_body(child, "boilerplate")
            self._visit_children(
                replace(section, children=failing), title, container=in_container, is_root=False
            )
            return
        if role is Role.BOILERPLATE:
            self._to_body(section, "boilerplate")
            return
        if not is_root and (shown := self._row_shown(section)) is not None:
            self._samples(section, *shown)
            return
        if any(child.entry for child in section.children):
            # Its entries of labelled parts are a problem each, as under "Known issues".
            self._own_blocks_to_body(section, "body")
            self._tables(section)
            self._visit_children(section, title, container=True, is_root=is_root)
            return
        if is_frame(section, sibling_fixes):
            self._frame(section, title, container=in_container)
            return
        kind = Kind.PLAIN if is_root else section_kind(section)
        own = role is Role.TOPIC and kind in (Kind.ERROR, Kind.QUESTION)
        grouped = own and groups_problems(section)
        if own and not grouped:
            first = len(self.drafts)
            self._problem_section(section, title, kind, container=in_container)
            if kind is Kind.ERROR and lists_messages(parent) and len(self.drafts) > first:
                _text_as_meaning(self.drafts[first])
            return
        container = in_container or role is Role.CONTAINER or grouped
        if role is Role.INFO or (role is Role.CONTAINER and section.children) or grouped:
            # Descriptive or stray part sections: searchable, and their sub-sections may be problems.
            if top and is_introduction(section.title):
                # "Background: only a few nodes have SSDs, and replicas should stay on them" states
                # the situation the whole article answers, as a front matter description does.
                self.lead.extend(introduction_text(section))
                if self.introduction is None and messages_in(section.blocks):
                    self.introduction = (section, len(self.body))
            self._own_blocks_to_body(section, "body")
            self._tables(section)
            self._visit_children(section, title, container=container, is_root=is_root)
            return
        if not section.children:
            self._leaf(section, title, container=container, whole=is_root)
            return
        if is_root and (fixes := introduced_fixes(section)):
            self._introduced_fix(section, fixes)
            return
        # Sub-sections of boilerplate alone (a help desk's "Attachments" under its FAQ record's field table)
        # leave the section read as one without them, then go to the page's text: read as a section over
        # sub-sections, the record's table was one step of a problem of the whole page. Not under the page's
        # title, whose text over a "Related articles" is read as the whole page's problem.
        # A Requirements over a sub-heading per platform is those platforms' topics, no boilerplate: counted as
        # one, the section's introduction over it was read as a problem, its one step.
        boilerplate_below = not is_root and all(
            section_role(child) is Role.BOILERPLATE and not self._required_topics(child)
            for child in section.children
        )
        if (is_procedural(section.blocks) or boilerplate_below) and not (
            is_root and (setup_cells(section.blocks) or (in_container and _introduces(section)))
        ):
            before = len(self.drafts)
            self._leaf(section, title, container=container, whole=False)
            fix = self.drafts[-1] if len(self.drafts) > before else None
            for child in section.children:
                if (
                    fix is not None
                    and not child.children
                    and (is_verification(child.title) or asks_if_fixed(child.title))
                    and not messages_in(child.blocks)
                ):
                    # "## Verify" after a how-to's steps checks that they worked: a group of its fix;
                    # and "## Still not working?" over steps of its own (section_role) goes on with it.
                    self._part(fix, child, inherited=Role.RESOLUTION, named={id(child)}, parent=title)
                else:
                    self.visit(child, in_container=container, top=is_root, parent=title)
        else:
            self._own_blocks_to_body(section, "body")
            self._tables(section)
            self._visit_children(section, title, container=container, is_root=is_root)

    def _introduced_fix(self, root: Section, fixes: int) -> None:
        """A page whose text under its title states the problem and its error, over ``fixes`` sections
        that each fix it (see introduced_fixes): one problem, titled by the page, its text what is seen
        and its error the message, each section a group of steps named by its heading; the sections
        after them are read as any others are."""
        draft = self._new(self.title, root, origin="frame")
        draft.whole_article = fixes == len(root.children)
        self._read_intro(draft, root.blocks, cause_below=False)
        named = {id(child) for child in root.children[:fixes]}
        for child in root.children[:fixes]:
            self._part(draft, child, inherited=Role.RESOLUTION, named=named, parent=self.title)
        for child in root.children[fixes:]:
            self.visit(child, in_container=False, top=True, parent=self.title)

    def _visit_children(self, section: Section, title: str, *, container: bool, is_root: bool) -> None:
        """Read the sub-sections of ``section``, a section that is no problem: its title and its
        introduction say what their problems are about (the article's own are its title and lead)."""
        if not is_root:
            self.context.append(
                cut_at_word(" ".join([title, *introduction_text(section)]), MAX_SECTION_CONTEXT_CHARS)
            )
        sibling_fixes = fixes_framing(section.children)
        for child in section.children:
            self.visit(child, in_container=container, top=is_root, parent=title, sibling_fixes=sibling_fixes)
        if not is_root:
            self.context.pop()

    def event_sections(self, root: Section) -> None:
        """The Message of a Kubernetes events table's row (:func:`event_messages`) as the error
        message of the problem whose heading names its Reason ("### BackOff", "## Failed (image
        pull)"), where that problem quotes none: a page about ``kubectl describe`` shows the events
        once, then explains each under its Reason."""
        events: dict[str, list[tuple[str, int]]] = {}
        for section in root.walk():
            for block in section.blocks:
                for reason, found in event_messages(block).items():
                    events.setdefault(reason, []).extend(found)
        if not events:
            return
        for draft in self.drafts:
            named = _EVENT_REASON_TITLE.match(draft.title)
            if named is not None and not draft.messages:
                draft.messages.extend(events.get(named.group(1), []))

    def code_tables(self, root: Section) -> None:
        """The rows of a table keyed by error code that stands in no problem with steps, each given to
        the problem with steps its code heads: its message cells as that problem's error messages, its
        symptom and cause cells as its symptoms and cause. A ServiceNow article states each code's message
        and cause in its Issue and Cause fields as "| Error code | Message … |" and "| Error code | Cause |"
        tables, over a Resolution of one "Error 691" label per code: the tables were only the text of the
        page's frame, which has no steps, and each code's problem had no message nor cause. Only where
        every row's code heads exactly one such problem: a table of other codes stays as it is, and one
        that pairs errors with fixes is a problem per row (see _tables)."""
        owners: dict[str, list[_Draft]] = {}
        for draft in self.drafts:
            for key in dict.fromkeys(map(code_key, draft.title_codes())) if draft.steps else ():
                owners.setdefault(key, []).append(draft)
        if not owners:
            return
        for section in root.walk():
            owner = self.uses.get(id(section), (None, ""))[0]
            if owner is not None and owner.steps:
                continue
            for table in section.blocks:
                rows = table_rows(table) if table.type == "table" else []
                held = [column_holds(h) for h in cell_texts(rows[0])] if len(rows) > 1 else []
                if len(held) < 2 or held[0] != {"error"} or any("fix" in h for h in held):
                    continue
                keyed = [(cell_texts(row), line_of(row)) for row in rows[1:]]
                if not all(cells[0] and len(owners.get(code_key(cells[0]), [])) == 1 for cells, _ in keyed):
                    continue
                for cells, line in keyed:
                    draft = owners[code_key(cells[0])][0]
                    for holds, cell in zip(held[1:], cells[1:], strict=False):
                        if cell and "message" in holds:
                            draft.messages.append((cell, line))
                        elif cell and "symptom" in holds:
                            draft.symptoms.append((cell, line))
                        elif cell and "cause" in holds:
                            draft.cause.append((cell, line))

    def pointing_rows(self) -> None:
        """A table row whose fix only points to a section of the page ("See [High error rate](#high-error-rate)",
        as a runbook's table of alerts sends to the section that handles one) as that section's problem's: its
        codes that problem's, its other cells its text. Read as a problem of its own, the row answered its
        alert with the pointer as its one step, and the fix it points to came second. So is a row of a
        reference table whose codes a section of the page names and fixes (Phriction's "| 554 5.7.1 | Relay
        denied | See above |", or "| Add to `mynetworks` |" under the section of steps that says how): read
        as a problem of its own, it answered the code with "See above" before the section."""
        documented = [d for d in self.drafts if d.origin != "table" and d.steps and not d.whole_article]
        if not documented:
            return
        by_anchor = {
            anchor: d for d in documented for anchor in (_anchor(d.title), self._heading_id(d.line)) if anchor
        }
        rows = {id(d): _named_codes(d) for d in self.drafts if d.origin == "table"}
        named = [(d, _named_codes(d)) for d in documented] if rows else []
        # How many rows name each code: a section that names another row's code too is the one that holds
        # the table ("## Installer error codes" over it), not the one that documents this row's code.
        in_rows = Counter(code for codes in rows.values() for code in codes)
        kept: list[_Draft] = []
        for draft in self.drafts:
            target = by_anchor.get(self.pointing.get(id(draft), ""))
            if target is None and (codes := rows.get(id(draft))) and _fix_is_elsewhere(draft):
                target = next(
                    (d for d, its in named if codes <= its and all(in_rows[c] <= (c in codes) for c in its)),
                    None,
                )
            if target is None:
                kept.append(draft)
                continue
            target.codes.extend(c for c in draft.codes if c not in target.codes)
            target.body.extend([draft.title, *(t for t, _ in draft.cause), *draft.body])
        self.drafts = kept

    def _labels_its_symptom(self, draft: _Draft) -> bool:
        """Whether ``draft``, a section of its own heading, says what is seen after a plain symptom label
        ("Symptom: the full backup takes four times longer"), as a note of one problem writes it: the section
        is that problem, titled by its heading, as one with a bold "**Symptoms**" label is. Made the page's
        problem, it was titled by the page ("pgvault backup failures") and its heading was a step group."""
        # Only a heading that can title a problem: one of two words or fewer that names no failure is a
        # platform, a part or a kind of text ("Windows 11", "Internal notes", "Details"), which titled the
        # problem of a page that names it ("Printer prints blank pages after toner change").
        if draft.line == 0 or not draft.symptoms:
            return False
        if is_generic_title(draft.title) or (
            len(draft.title.split()) <= 2 and heading_kind(draft.title) is not Kind.ERROR
        ):
            return False
        line = draft.symptoms[0][1]
        opened = part_label_opening(self.lines[line - 1] if 0 < line <= len(self.lines) else "")
        if opened is None:
            return False
        # Said as what is seen ("Symptom:"), not what a page is about ("Description: the VPN client sends
        # only office traffic …" over a how-to's one section titled "Windows").
        label = normalise_heading(self.lines[line - 1][: opened[1]].rstrip(" \t:："))
        return opened[0] is Role.SYMPTOMS and not _DESCRIBING_LABEL.search(label)

    def _heading_id(self, line: int) -> str:
        """The id a heading on source ``line`` gives itself (see markup.heading_id), or "", spelled as _anchor spells
        a pointer's anchor: lower-cased only, Google Docs' "h.q8x2kd4mzt1a" was not the pointer's "hq8x2kd4mzt1a"."""
        source = self.lines[line - 1].lstrip() if 0 < line <= len(self.lines) else ""
        return _anchor(heading_id(source)) if source.startswith("#") else ""

    def finish(self, root: Section) -> ReadArticle:
        """The article's problems (signal ones if any), body and outline."""
        # A table's rows are troubleshooting structure when they name error codes (an error table,
        # known issues by ID): a settings table ("Field name | Action", its one-word names taken for
        # codes) is a how-to's, beside its procedures.
        structured = any(
            (
                (d.origin in ("frame", "container") and not d.lead_in)
                or (d.origin == "table" and any(map(error_codes, d.codes)))
            )
            and d.steps
            for d in self.drafts
        )
        # An error section that documents no fix still answers "what is this error". A section of its own
        # beside framed problems is their page's text, unless it quotes a message that reports a failure (not
        # a note set apart): then it is one more problem, its fix a sentence or a pointer to a sibling's.
        chosen = [
            d
            for d in self.drafts
            if (d.steps or d.listed or (d.messages and d.origin in ("heading", "container")))
            and not (
                structured
                and d.origin == "topic"
                and not any(reports_failure(text) for text, _ in d.messages)
            )
        ]
        if chosen and not any(d.steps or d.listed for d in chosen):
            chosen = []
        if not chosen:
            chosen = [self._whole_article(root)]
        elif (
            not structured
            and len(chosen) == 1
            and chosen[0].origin == "topic"
            and not self._labels_its_symptom(chosen[0])
        ):
            # A page without troubleshooting structure that has one section of content
            # answers one thing: that section is the whole article's problem.
            only = chosen[0]
            if only.line != root.line:
                for step in only.steps:
                    step.group = step.group or only.title
            only.title, only.line, only.whole_article, only.title_is_name = self.title, root.line, True, False
            self._introduced_problem(only)
        ordinal = {id(d): n for n, d in enumerate(chosen, start=1)}
        for draft in self.drafts:
            # By identity: comparing drafts field by field against every chosen one costs the
            # square of their number, which an article of thousands of questions makes minutes.
            if id(draft) not in ordinal:
                self.body.extend(_draft_text(draft))
        problems = [d.to_problem(n) for n, d in enumerate(chosen, start=1)]
        outline = []
        for section in root.walk()[1:]:
            owner, use = self.uses.get(id(section), (None, "body"))
            if owner is not None and id(owner) in ordinal:
                use = f"problem {ordinal[id(owner)]}" + (f": {use}" if use else "")
            elif owner is not None:
                # Steps of a section of their own, in an article whose problems are framed (Symptoms,
                # Resolution): searchable, but no answer. Said, so that an author sees why.
                use = STEPS_AS_BODY if structured and owner.origin == "topic" and owner.steps else "body"
            outline.append(OutlineEntry(section.line, section.level, section.title, use))
        return ReadArticle(
            problems=problems,
            body="\n\n".join(t for t in self.body if t),
            outline=outline,
            lead=cut_at_word(" ".join(self.lead), MAX_ARTICLE_LEAD_CHARS),
            title=self.title,
        )

    def _introduced_problem(self, only: _Draft) -> None:
        """A help centre's "Overview" that shows the error (what is seen, the message, "This happens
        when …") over the one section of steps states the problem those steps fix: its symptoms,
        message and cause where the steps' section gives none, no longer the page's text."""
        if self.introduction is None or only.symptoms or only.messages or only.cause:
            return
        intro, at = self.introduction
        self._details_part(only, intro, summary=True, explains=False)
        # Its text, after its title (see _own_blocks_to_body), is the problem's now.
        del self.body[at + 1 : at + 1 + len(intro.blocks)]
        self.uses[id(intro)] = (only, "symptoms")

    # -- shapes ---------------------------------------------------------------------------

    def _thread(self, root: Section) -> bool:
        """A forum thread whose posts, one after another, are the whole page, one of them marked as
        the solution (see :mod:`indexer.threads`): the first post is the problem, its paragraphs the
        symptoms and its output the error messages, and the marked post (on Reddit, the top-voted
        reply) is the fix; the bylines and the other posts are searchable body. False, and nothing
        read, for any other page. Headings under the title may only head its posts, as a community site
        prints them ("All replies", "**Accepted answer**"), or the site's after the posts ("Related
        topics"): their words are the page's."""
        found = thread_items(root)
        if found is None:
            return False
        items, furniture = found
        preface, posts, aside = thread_posts(items)
        asked, replies = asked_and_replies(preface, posts)
        title, solved = without_solved_mark(self.title)
        # Who asked, where a byline opens the post asked: what they say of a reply tells whether it worked.
        asker = posts[0].author if len(posts) > len(replies) else ""
        solution = answering_post(replies, solved=solved, asker=asker)
        if solution is None:
            return False
        self.title = without_github_number(title, posts)
        draft = self._new(self.title, root, origin="frame")
        if asked and is_greeting(asked[0]):
            self.body.append(block_text(asked[0]))
            asked = asked[1:]
        self._read_intro(draft, asked, cause_below=False)
        fix = Section(level=root.level + 1, title=block_text(solution.byline), line=line_of(solution.byline))
        fix.blocks = [b for b in solution.blocks if not quotes_a_post(b)]
        self._resolution_part(draft, fix, named=set(), parent=self.title, explains=True)
        self.body.extend(block_text(b) for b in solution.blocks if quotes_a_post(b))
        if asked is not preface:
            self.body.extend(block_text(b) for b in preface)
        self.body.extend(aside)
        # The post asked, where a byline opens it, is read as the problem: the posts before the replies.
        self._posts_to_body(posts, read=[*posts[: len(posts) - len(replies)], solution])
        for section in furniture:
            self._to_body(section, "boilerplate")
        return True

    def _posts_to_body(self, posts: list[Post], read: list[Post]) -> None:
        """A thread's bylines, the replies quoted under its posts, and the posts not ``read`` as its
        problem or fix: what the page says besides them, searchable."""
        for post in posts:
            self.body.append(block_text(post.byline))
            if not any(post is r for r in read):
                self.body.extend(block_text(b) for b in post.blocks)
            self.body.extend(block_text(b) for b in post.quoted + post.system)
            self.body.extend(post.aside)

    def _reply(self, root: Section) -> bool:
        """An email that answers the question it quotes ("On Mon, … wrote:" over "> " lines), as a mailing
        list's archive keeps it, when the reply on top gives steps and states no error itself: the quoted
        message is the problem (what is seen, its error; without its greeting and closing), the reply the
        fix, and what it says first to explain, the cause; the marker is the page's text. Read as one
        page, the quote was a note of the fix. False, and nothing read, for any other page."""
        at = reply_quote(root.blocks)
        if at is None:
            return False
        reply, marker, quote = root.blocks[:at], root.blocks[at], root.blocks[at + 1]
        after = root.blocks[at + 2 :]
        # A reply written under the quote, as a mailing list's archive keeps one: its greeting, closing and
        # signature, and the lines it quotes again between its own (each answered under it), are no fix.
        aside: set[int] = set()
        if not reply:
            reply, after = after, []
            aside = (
                letter_furniture(reply)
                | mail_ending(reply)
                | {id(b) for b in reply if b.type == "blockquote"}
            )
        said = [b for b in reply if id(b) not in aside]
        if not said or not any(b.type in LISTS for b in said) or messages_in(said):
            return False
        asked = list(quote.children)
        furniture = letter_furniture(asked)
        draft = self._new(self.title, root, origin="frame")
        self._read_intro(draft, [b for b in asked if id(b) not in furniture], cause_below=False)
        draft.messages.extend(self._indented_output(asked))
        fix = Section(level=root.level + 1, title="", line=line_of(said[0]))
        fix.blocks = said
        self._resolution_part(draft, fix, named=set(), parent=self.title, explains=True)
        self.body.append(block_text(marker))
        self.body.extend(block_text(b) for b in asked if id(b) in furniture)
        self.body.extend(block_text(b) for b in reply if id(b) in aside)
        self.body.extend(block_text(b) for b in after)
        return True

    def _indented_output(self, asked: list[SyntaxTreeNode]) -> list[tuple[str, int]]:
        """The failures a quoted plain-text message shows set off by indentation under the sentence
        that introduces them ("keeps logging this:" then ">   FATAL: …"): too little to be code, as
        Markdown reads it, but what was printed."""
        found = []
        for before, block in pairwise(asked):
            text = block_text(block)
            if (
                before.type == "paragraph"
                and block_text(before).endswith(":")
                and block.type == "paragraph"
                and block.map is not None
                and all(_QUOTED_INDENTED.match(self.lines[n]) for n in range(*block.map))
                and reads_as_failure(text)
            ):
                found.append((text, line_of(block)))
        return found

    def _issue(self, root: Section) -> bool:
        """An issue tracker's issue exported as one page: its body under a bug report's headings
        ("Describe the bug", "Steps to reproduce", "Expected behavior"), then its replies, each after a
        rule and opened by a byline (see :func:`indexer.threads.issue_replies`). The body describes the
        problem (what is seen, the error, how to make it happen, where): no fix, though it numbers
        steps; the reply that answers it is the fix, and what it says first to explain, the cause. The
        other replies and the bylines are searchable body. False, and nothing read but the issue's quick
        actions, for any other page."""
        sections = root.walk()
        # A service desk's request has no bug report's headings: its comments under their Activity
        # heading make it one, as its portal prints it.
        if not any(names_bug_report_part(s.title) for s in sections[1:]) and not activity_comments(
            sections[-1]
        ):
            return False
        for section in sections:
            # GitLab's quick actions ("/label ~bug") are the tracker's commands: the page's text, in an
            # issue with no reply too (read as parts, they were a note of its "Possible fixes").
            self.body.extend(block_text(b) for b in section.blocks if is_quick_actions(b))
            section.blocks = [b for b in section.blocks if not is_quick_actions(b)]
        last = sections[-1]
        kept, replies = issue_replies(last.blocks)
        if not replies and (replies := issue_activity(last.blocks)):
            kept = []
        answer = answering_reply(replies)
        if answer is None:
            return False
        self.title = without_github_number(self.title, replies)
        last.blocks = kept
        draft = self._new(self.title, root, origin="frame")
        self._read_intro(draft, root.blocks, cause_below=False)
        for child in root.children:
            self._issue_part(draft, child)
        fix = Section(level=root.level + 1, title=block_text(answer.byline), line=line_of(answer.byline))
        fix.blocks = answer.blocks
        self._resolution_part(draft, fix, named=set(), parent=self.title, explains=True)
        self._posts_to_body(replies, read=[answer])
        return True

    def _issue_part(self, draft: _Draft, section: Section) -> None:
        """A section of an issue's body, read by what its heading names; one that names no part
        ("Logs", "Additional context") describes too, whatever lists it holds, as its reporter's
        steps to reproduce do: only a heading that names a fix heads one."""
        named = heading_role(section.title) is not Role.TOPIC or names_environment(section.title)
        self._part(draft, section, inherited=None if named else Role.INFO, named=set(), parent=self.title)

    def _frame(self, section: Section, title: str, *, container: bool) -> None:
        """A section whose sub-sections are the parts of one problem."""
        # Under a heading that is itself the problem's (its error, or a question), a heading that asks
        # then says what to do, quoting no error of its own ("Still failing? Check the driver", a blog's
        # toggle card after the steps), asks after this fix: one more group of its steps, as under such a
        # heading with no parts (_problem_section).
        follow_ups = (
            {id(c) for c in section.children if "? " in c.title.strip() and not heading_messages(c)}
            if section_kind(section) in (Kind.ERROR, Kind.QUESTION)
            else set()
        )
        # An error or a question is a problem of its own, and so is each of a Troubleshooting, FAQ
        # or Diagnostics section's: a page's "Description" does not make them parts of one problem.
        # So is a section that says what goes wrong in parts of its own ("## Printer gone after the
        # update" over its own "### Symptom"), whatever its heading's words: its parts were this one's.
        # Not one that only explains this problem ("## Details" over "### Most common reason").
        separate = [
            c
            for c in section.children
            if (heading_role(c.title) is Role.CONTAINER and (c.children or labelled_lists(c)))
            or groups_parted_problems(c)
            or (heads_own_problem(c) and id(c) not in follow_ups)
            or (states_own_problem(c) and any(heading_role(g.title) in _WHAT_WENT_WRONG for g in c.children))
        ]
        stated = _stated_problem(section, separate)
        if stated is not None:
            separate.remove(stated)
        draft = self._new(
            title if stated is None else stated.title, section, origin="container" if container else "frame"
        )
        if stated is not None:
            draft.messages.extend((m, stated.line) for m in heading_messages(stated))
        draft.lead_in = framed_by_lead_in(section)
        causes = any(role_in_problem(child, None) is Role.CAUSE for child in section.children)
        draft.cause_part = causes
        fix = fix_after_cause(section)
        in_fix = {id(b) for b in fix}
        self._read_intro(
            draft,
            [b for b in section.blocks if id(b) not in in_fix],
            cause_below=causes,
            lead_in=fixed_under_lead_in(section),
        )
        others = other_answers(section.children)
        kept = [c for c in section.children if c not in separate and c not in others]
        checks = runbook_checks(kept)
        named = self._named_groups(kept, inherited=None, checks=checks)
        self.fix_causes.update(_fixes_by_cause(kept))
        for child in section.children:
            if child in separate:
                self.visit(child, in_container=True, parent=title)
            elif child in others:
                self._to_body(child, "body")
            elif child in checks:
                self.uses[id(child)] = (draft, Role.RESOLUTION.value)
                draft.body.append(heading_words(child.title))
                self._resolution_part(draft, child, named=named, parent=title)
            elif id(child) not in follow_ups:
                inherited = Role.SYMPTOMS if child is stated else None
                self._part(draft, child, inherited=inherited, named=named, parent=title)
        if fix:
            # "**Cause:** …" then the steps: they are the fix of the frame they stand in.
            steps = Section(level=section.level + 1, title="", line=line_of(fix[0]), blocks=fix)
            self._resolution_part(draft, steps, named=set(), parent=title)
        for child in section.children:
            if id(child) in follow_ups:
                self._part(draft, child, inherited=Role.RESOLUTION, named=named | {id(child)}, parent=title)
        if section_kind(section) is Kind.ERROR:
            # "## Error: `EACCES: permission denied`" over its Cause and Solution parts: the heading
            # quotes the error, as it does over a fix of its own; a part that quotes it in full says more.
            said = " ".join(m for m, _ in draft.messages).lower()
            quoted = [(m, section.line) for m in heading_messages(section) if m.lower() not in said]
            draft.messages[:0] = quoted
        self._tables(section)

    def _named_groups(
        self, sections: list[Section], inherited: Role | None, checks: Sequence[Section] = ()
    ) -> set[int]:
        """The resolution sections whose steps are a named group, with a runbook's ``checks`` read as
        steps (see runbook_checks): all of them when there are several."""
        found: list[Section] = [*checks]
        for section in sections:
            resolutions_with_steps(section, inherited, found)
        return {id(s) for s in found} if len(found) > 1 else set()

    def _part(
        self, draft: _Draft, section: Section, *, inherited: Role | None, named: set[int], parent: str
    ) -> None:
        """One sub-section of a problem, read by its own role or the one it inherits.

        ``parent`` is the title of the section it sits in, which tells two groups of
        steps with the same name apart ("Reason 1: Solution", "Reason 2: Solution").
        """
        if self._answers_other_error(draft, section):
            return
        role = role_in_problem(section, inherited)
        if role is Role.BOILERPLATE:
            self._to_body(section, "boilerplate")
            return
        self.uses[id(section)] = (draft, role.value if role is not Role.TOPIC else "body")
        # What a sub-heading names ("Root Cause 1: Blocked firewall port", "Diagnosis on the
        # node") is what a reader searches for: it stays searchable whatever its section becomes.
        draft.body.append(heading_words(section.title))
        if (
            role is Role.RESOLUTION
            and normalise_heading(section.title) == "resolution"
            and _after_workaround(draft)
            and _states_only(section)
        ):
            # A known-error record's "Resolution" field after its "Workaround" field's steps (BMC Helix's),
            # in sentences that do nothing ("Fixed in 21.4: the password can be read from a vault.", "No
            # further product change is planned."): where the fix stands, notes as a known issue's Status
            # is. Read as a fix in prose, each sentence was a numbered step after the workaround's. Only
            # under that field's name: a "Long term fix" after a workaround says what to upgrade to.
            draft.notes.extend(self._status_notes(draft, section))
            draft.body.extend(block_text(b) for b in section.blocks)
            return
        if role is Role.RESOLUTION:
            self._resolution_part(draft, section, named=named, parent=parent)
            return
        if role is Role.SYMPTOMS and (stepped := stepped_paragraphs(section.blocks)):
            # A flowchart's "Step 1. … ?" paragraphs right under what is seen, with no heading of
            # their own ("If no, go to step 3."): the procedure that resolves it, read as a fix's
            # steps; read as what is seen, the problem had no steps at all.
            first = min(stepped)
            fix = Section(section.level, "", line_of(section.blocks[first]), section.blocks[first:])
            section = replace(section, blocks=section.blocks[:first])
            self._resolution_part(draft, fix, named=named, parent=parent)
        blocks = section.blocks
        text_blocks = [b for b in blocks if not is_callout(b)]
        if role is Role.ERRORS:
            draft.messages.extend((q.text, q.line) for q in listed_messages(blocks))
            # The field's own sentences about its messages say what is seen (see describes_listed).
            draft.symptoms.extend(
                (described_text(b), line_of(b)) for n, b in enumerate(blocks) if describes_listed(blocks, n)
            )
            draft.body.extend(block_text(b) for b in blocks)
        elif role is Role.CODES:
            listed = [
                code
                for b in blocks
                for code in (table_codes(b) if b.type == "table" else block_text(b).splitlines())
            ]
            draft.codes.extend(_unique([clean(t) for t in listed if clean(t)]))
            draft.body.extend(block_text(b) for b in blocks)
        elif role is Role.SEEN_IN:
            draft.seen_in.extend((block_text(b), line_of(b)) for b in text_blocks)
        elif role is Role.CAUSE and is_one_of_causes(section):
            self._numbered_cause_part(draft, section)
        elif role is Role.CAUSE:
            # What a cause shows as evidence: lines logged at a failure's level, and the error a
            # sentence announces as one ("The pod may return the following error message:"), which a
            # reader pastes; not output a sentence only shows ("in the kubelet's log:"), failures and
            # routine lines together.
            announced = [
                q for q in announced_output(blocks) if is_error_lead(block_text(blocks[q.block - 1]))
            ]
            logged = logged_failures(blocks)
            shown = {q.line: q for q in [*logged, *announced]}
            draft.messages.extend((q.text, q.line) for q in sorted(shown.values(), key=lambda q: q.line))
            # And what a sentence of it quotes as a program shows it, where that reads as a failure ('the device
            # shows "Card not recognised (E-104)"', a form's Cause field over two causes): the message a reader
            # pastes. Read as the cause's words only, the problem had no message, and no code.
            draft.messages.extend(
                (said, line_of(b))
                for b in blocks
                if b.type == "paragraph"
                for said in _cause_shown_failures(block_text(b))
                if (said, line_of(b)) not in draft.messages
            )
            # A database server's error shown under an "Explanation" is the message the client gets,
            # and the sentence announcing it ("The client receives this message:") says no reason.
            example = {q.block for q in logged if is_server_error(q.text)}
            example |= {n - 1 for n in example if n and blocks[n - 1].type == "paragraph"}
            stated = (
                _after_cause_label(section.title) or ""
                if not section.children and (not blocks or blocks[0].type != "paragraph")
                else ""
            )
            # Not what a heading says after its label when the cause is not known yet ("### Cause: TBD"):
            # read as one, the answer's cause was "TBD".
            if stated and not says_no_cause(stated):
                # A heading that states the cause after its label, with nothing under it ("### Cause: the
                # spool volume is full", as a Logseq page's "cause:: …" property is read) or only a list
                # that says more (a block nested under that property): the cause is what it says first.
                # Read as a heading only, the problem had no cause, or only the nested block's words.
                draft.cause.append((stated, section.line))
            draft.cause.extend(
                (_cause_text(b), line_of(b))
                for n, b in enumerate(blocks)
                if n not in example and not is_callout(b)
            )
            self._callouts_as_notes(draft, blocks)
        elif role is Role.SYMPTOMS:
            draft.symptoms.extend((described_text(b), line_of(b)) for b in text_blocks)
            draft.codes.extend(c for c in _exceptions_named(text_blocks) if c not in draft.codes)
            quoted = indicated_lines(blocks) if names_indicators(section.title) else messages_in(blocks)
            draft.messages.extend((q.text, q.line) for q in quoted)
            if not quoted:
                draft.messages.extend(_quoted_symptoms(blocks))
            self._callouts_as_notes(draft, blocks)
        elif role is Role.INFO and names_status(section.title):
            # "Status: no fix yet, engineering is on it": shown with the steps (or in their place),
            # where the answer had only said that the article gives none.
            draft.notes.extend(self._status_notes(draft, section))
            draft.body.extend(block_text(b) for b in blocks)
        else:
            self._details_part(
                draft,
                section,
                summary=role is Role.INFO and is_summary(section.title),
                explains=role is Role.INFO and is_short_description(section.title),
            )
        draft.body.extend(block_text(b) for b in blocks if is_callout(b))
        for child in section.children:
            inherit = role if role is not Role.TOPIC else None
            self._part(draft, child, inherited=inherit, named=named, parent=section.title)

    def _answers_other_error(self, draft: _Draft, section: Section) -> bool:
        """Read a sub-section of ``draft`` as a problem of its own when it answers an error the problem
        does not quote: one paragraph that opens on it ("If the error says **…** instead, then …", as a
        knowledge base's Resolution gives a sub-heading to each cause; "if you get `…` its not this"
        under a note's own heading). Its error was the problem's, pasted it answered with the
        problem's fix; its fix is what the paragraph says to do after the error, or else all of it."""
        if (
            section.children
            or heading_role(section.title) is not Role.TOPIC
            or section_kind(section) is Kind.ALTERNATIVE
            or is_verification(section.title)
        ):
            return False
        named = message_under_its_name(section.title, section.blocks)
        quotes = conditioned_error(section.blocks) or named
        if not quotes:
            return False
        asked = comparable(quotes[0].text)
        if not asked or any(asked in known or known in asked for known in draft.known_messages() if known):
            return False
        # A heading that says what to do ("Check the handler name") names the fix, not the problem:
        # the problem is the error it answers, and the heading names its steps.
        fix_named = reads_as_instruction(section.title)
        own = self._new(quotes[0].text if fix_named else section.title, section, origin="container")
        own.messages.extend((q.text, q.line) for q in quotes)
        fix = None if named else self._fix_in_shown(section.blocks[0])
        run = read_steps([] if fix else section.blocks[len(named) :], self.lines, mode=Mode.PROSE)
        if fix is not None:
            own.body.append(fix[0])
            run.steps.append(fix[1])
        for step in run.steps if fix_named else []:
            step.group = section.title
        own.take_run(run, self.lines)
        return True

    def _resolution_part(
        self, draft: _Draft, section: Section, *, named: set[int], parent: str, explains: bool = False
    ) -> None:
        """A fix: its steps, a group of their own when it is named, and the fixes under it.

        ``explains``: the fix is a reply that says why before its steps (a forum's solution post),
        so what it says before them, but for a lead-in or an instruction, is the cause.
        """
        lines = self.lines
        blocks = unwrapped(section.blocks)
        # A fix written as a letter (a help desk's response in a ticket's thread): its greeting, its
        # closing and what follows it (a signature, the requester's thanks) are the page's, no notes.
        framing = letter_furniture(blocks)
        if framing:
            self.body.extend(block_text(b) for b in blocks if id(b) in framing)
            blocks = [b for b in blocks if id(b) not in framing]
        cases = self._other_error_cases(draft, blocks)
        # "… you will see `registry lock timeout after 30s` instead; follow the same steps above.": the
        # steps above fix that error too, so it is this problem's message and the sentence its note. As a
        # problem of its own, its one step was "follow the same steps above.".
        above = [fixed_as_above(sentence) for _, _, sentence in cases]
        for (_, quotes, _), same in zip(cases, above, strict=True):
            if same:
                draft.messages.extend((q.text, q.line) for q in quotes)
        cases = [c for c, same in zip(cases, above, strict=True) if not same]
        blocks = [b for b in blocks if not any(b is case for case, _, _ in cases)]
        # Commands, but for the output a paragraph announces ("you might see something like this:").
        draft.messages.extend((q.text, q.line) for q in nested_quotes(blocks, fences=False))
        draft.messages.extend((q.text, q.line) for q in announced_output(blocks))
        group = section.title if id(section) in named else None
        if id(section) in self.fix_causes:
            group = self.fix_causes[id(section)]
        elif group is not None and group in draft.groups:
            group = f"{parent}: {group}"
        run = read_steps(
            blocks,
            lines,
            mode=resolution_mode(section),
            group=group,
            listed_causes=False,
            table_steps=True,
        )
        if answer_post(section.title) and not draft.cause:
            # An answer that first says why ("`active (exited)` tells you nothing: the cluster is not
            # running, usually because it failed to start") gives the cause before its steps; so does
            # one that only says what is wrong ("Your `tls_ca_file` points to an outdated bundle.").
            _preamble_as_cause(draft, run, _says_cause)
            # So does one whose steps are under its own sub-headings ("Get the replica back", as an
            # answer's <h2>s are written under its heading): the paragraph over them was a note.
            if not draft.cause and (run.steps or section.children):
                explained = answer_explanation(run.preamble)
                _preamble_as_cause(draft, run, lambda block: block in explained)
            if not draft.cause and run.steps:
                # "The primary recycled the segment before the replica streamed it. Let the replica
                # fetch it from the archive:": why, then a lead-in to the steps, as a reply writes it.
                _explanation_before_lead_in(draft, run, lines)
        elif explains and run.steps and not draft.cause:
            # "The error comes from the ingester's window: …", then "What fixed it:" and the steps.
            _preamble_as_cause(draft, run, _explains)
            if not draft.cause:
                _explanation_before_lead_in(draft, run, lines)
        elif run.steps and not draft.cause:
            # "This means the user is in no mapped group.", then "To fix it:" and the steps.
            meaning = meaning_before_fix(run.preamble)
            _preamble_as_cause(draft, run, lambda block: block in meaning)
            if not draft.cause and not draft.cause_part and group is None:
                # A record's Solution field of a template with no cause field (BMC Helix's Problem Solution)
                # opens with why, then leads in to the steps: "The building B proxy PAC file no longer
                # bypasses the Microsoft 365 endpoints. Until Network fixes the PAC file:". The problem had
                # no cause, and the whole paragraph was a note before the steps. Not in one of several named
                # fixes ("Method 3: …"), whose opening says why that way is worth trying; not where the
                # problem has a Cause part, after the fix too (its cause, the fix's opening a second one
                # before it); not an opening about the fix itself (see _ABOUT_THE_FIX).
                _explanation_before_lead_in(draft, run, lines, about_problem=True)
        said = step_heading(section.title)
        if said and not run.steps and not section.children and any(draft.groups):
            # A step written as a heading, or a bold line, with nothing under it ("**Step 3: Start
            # the service.**" to end a fix), after steps named by headings of their own: the
            # heading says the step, which had been lost. (After steps of no name, where its
            # number could clash with theirs, it is still only searchable.)
            written = step_heading(heading_source(lines[section.line - 1])) or said
            run.steps.append(
                Step(
                    ordinal=0, number="1", markdown=written, text=said, line=section.line, group=section.title
                )
            )
        draft.take_run(run, lines)
        for block, quotes, told in cases:
            self._other_error_problem(section, block, quotes, told)
        others = other_answers(section.children)
        for child in section.children:
            if child in others:
                self._to_body(child, "body")
            elif (
                answer_post(section.title) and conditioned_heading(child.title) and messages_in(child.blocks)
            ):
                # An answer's case of another error under a heading of its own ('If the replica then
                # logs "could not restore file"', the error shown, then what to do): a problem of that
                # error, as it is where the page sets it beside the answer, not a group of this fix.
                self.visit(child, in_container=False, parent=section.title)
            else:
                self._part(draft, child, inherited=Role.RESOLUTION, named=named, parent=section.title)

    @staticmethod
    def _other_error_cases(
        draft: _Draft, blocks: list[SyntaxTreeNode]
    ) -> list[tuple[SyntaxTreeNode, list[Quote], str]]:
        """The paragraphs after a fix's steps that each tell the case of another error and what to do then
        (see :func:`indexer.openings.other_error_case`), each with its error text and what it says to do;
        not one whose error the problem quotes itself."""
        last = max((n for n, b in enumerate(blocks) if b.type in LISTS), default=len(blocks))
        known = [k for k in draft.known_messages() if k]
        cases = []
        for block in blocks[last + 1 :]:
            quotes, told = other_error_case(block)
            asked = comparable(quotes[0].text) if quotes else ""
            if asked and not any(asked in k or k in asked for k in known):
                cases.append((block, quotes, told))
        return cases

    def _other_error_problem(
        self, section: Section, block: SyntaxTreeNode, quotes: list[Quote], told: str
    ) -> None:
        """A problem of the error a paragraph after a fix's steps tells the case of ("If the agent was
        killed during the upgrade you will see `…(FB-STATE-11)` instead; stop the service, delete …"), as a
        forum's answer adds it: titled by that error, its step what the paragraph says to do. Read as a note
        of the fix, pasted it was answered with confidence by the first error's steps."""
        case = Section(level=section.level + 1, title=quotes[0].text, line=line_of(block))
        own = self._new(quotes[0].text, case, origin="container")
        own.messages.extend((q.text, q.line) for q in quotes)
        source = block_source(block, self.lines)
        at = source.find(quotes[0].text[-_QUOTE_TAIL_CHARS:])
        instead = _INSTEAD_SOURCE.search(source, at) if at >= 0 else None
        markdown = source[instead.end() :].strip() if instead else told
        own.steps.append(Step(ordinal=0, number="1", markdown=markdown, text=told, line=line_of(block)))
        own.body.append(block_text(block))

    def _numbered_cause_part(self, draft: _Draft, section: Section) -> None:
        """ "Root Cause 2: DNS" then what it is, then what to do about it: cause, then steps."""
        blocks = section.blocks
        fix = fix_starts(blocks)
        lead = blocks[fix] if fix + 1 < len(blocks) and blocks[fix + 1].type in LISTS else None
        if lead is not None and lead.type == "paragraph" and block_text(lead).endswith(":"):
            # "To resolve this issue, follow these steps:" leads the steps in; it is not one.
            draft.body.append(block_text(lead))
            fix += 1
        draft.messages.extend((q.text, q.line) for q in messages_in(blocks[:fix]))
        draft.cause.extend(
            (described_text(b), line_of(b)) for b in blocks[:fix] if not is_callout(b) and b.type not in CODE
        )
        draft.take_run(read_steps(blocks[fix:], self.lines, mode=Mode.PROSE, group=section.title), self.lines)

    def _details_part(self, draft: _Draft, section: Section, *, summary: bool, explains: bool) -> None:
        """Details, background, an overview: explanations, and the error or log line they quote
        ("you might see messages similar to the following:" then a fence); a Summary (``summary``)
        is also the problem's symptoms where no part states them, and a Short description
        (``explains``) its cause where none does, but for what it says to do."""
        # How to reproduce it shows what was run: its code is output only where a sentence says so.
        fences = not is_reproduction(section.title)
        quoted = messages_in(section.blocks, fences=fences)
        if is_diagnosis(section.title):
            # Its checks print what is as it should be too ("cgroup2fs", a package's version): only
            # what reads as a failure is error text.
            quoted = [q for q in quoted if reads_as_failure(q.text)]
        draft.messages.extend((q.text, q.line) for q in quoted)
        for block in section.blocks:
            if is_callout(block):
                continue
            text = block_text(block)
            if block.type == "paragraph" and reads_as_cause(text) and not _only_scope(text):
                draft.cause.append((text, line_of(block)))
            else:
                draft.body.append(text)
                if summary and block.type not in CODE:
                    draft.summary.append((described_text(block), line_of(block), text))
                elif explains and block.type not in CODE and not reads_as_instruction(text):
                    draft.explanation.append((described_text(block), line_of(block), text))

    def _status_notes(self, draft: _Draft, section: Section) -> list[Note]:
        """A "Status" section's blocks as notes of ``draft``: after the step above it, if any."""
        above = [step for step in draft.steps if step.line < section.line]
        group, after = (above[-1].group, True) if above else (None, False)
        notes = [
            Note(block_source(b, self.lines), block_text(b), line_of(b), group, after)
            for b in section.blocks
            if block_text(b)
        ]
        label = section.title.strip().rstrip(":")
        if (
            notes
            and section.blocks[0].type == "paragraph"
            and not notes[0].text.lower().startswith(label.lower())
        ):
            # Said under its label, as the author wrote it: "Fixed in 7.3.1." alone says not what is.
            notes[0].text, notes[0].markdown = (
                f"{label}: {notes[0].text}",
                f"**{label}:** {notes[0].markdown}",
            )
        return notes

    def _callouts_as_notes(self, draft: _Draft, blocks: list[SyntaxTreeNode]) -> None:
        """The call-outs of a problem's symptoms or cause ("Note: this happens only behind a captive
        portal"): no part of what it says went wrong, but what a reader of its fix should know,
        shown before the steps (they stay searchable body too)."""
        draft.notes.extend(
            Note(block_source(b, self.lines), block_text(b), line_of(b)) for b in blocks if is_callout(b)
        )

    def _problem_section(self, section: Section, title: str, kind: Kind, *, container: bool) -> None:
        """An error or question heading: the section is one problem, its sub-sections its parts.

        An error heading with no sub-sections over a list of the messages it covers, each with
        what to do ("Restore fails", then "`target directory not empty`: move the files aside"),
        is a container of them: one problem per message, as under Troubleshooting.
        """
        listed = labelled_lists(section) if kind is Kind.ERROR and not section.children else []
        if listed and all(quoted for entries in listed for _, _, (_, quoted) in entries):
            self._labelled_items(section)
            self._own_blocks_to_body(section, "body")
            return
        if not section.children and introduces_its_table(section):
            # "## Installer error codes" over a table of each code and its fix: the rows are the
            # problems. Read as one too, the heading held every code and no step, and outranked
            # the row of the code asked about.
            before = len(self.drafts)
            self._tables(section)
            if len(self.drafts) > before:
                self._own_blocks_to_body(section, "body")
                return
        draft = self._new(title, section, origin="container" if container else "heading")
        if kind is Kind.ERROR:
            draft.messages.extend((m, section.line) for m in heading_messages(section))
        elif kind is Kind.QUESTION:
            # 'Why does git push say "failed to push some refs"?': a question about an error quotes it.
            draft.messages.extend((q.text, section.line) for q in section.quoted if message_like(q))
        blocks = section.blocks
        if (fields := _field_table(section)) is not None:
            self._read_field_table(draft, *fields)
            blocks = [b for b in blocks if b is not fields[0]]
        self._read_own(draft, blocks, kind, fixed_below=bool(section.children))
        inherited = {
            id(child): None
            if heading_role(child.title) in PROBLEM_PART_ROLES and section_kind(child) is not Kind.ALTERNATIVE
            else Role.RESOLUTION
            for child in section.children
        }
        found: list[Section] = []
        for child in section.children:
            resolutions_with_steps(child, inherited[id(child)], found)
        named = {id(s) for c in section.children for s in c.walk()}
        if len(found) == 1 and heading_role(found[0].title) is Role.RESOLUTION:
            # The one fix, labelled as a fix ("**Answer:**"): no group of its own, as under a
            # Resolution heading; a name that says when its steps apply ("Using with FlexVolume") stays.
            named.discard(id(found[0]))
        for child in section.children:
            self._part(draft, child, inherited=inherited[id(child)], named=named, parent=title)
        self._tables(section)

    def _leaf(self, section: Section, title: str, *, container: bool, whole: bool) -> None:
        """A section with content and no troubleshooting heading: one of a container's problems, or a topic.

        A section whose table pairs errors with fixes is introduced by its prose, not
        answered by it: its rows are the problems.
        """
        before = len(self.drafts)
        if (fields := _field_table(section)) is not None:
            self._read_field_table(self._new(title, section, origin="table"), *fields)
            self._own_blocks_to_body(section, "body")
            return
        if entries := _printed_failures_with_fixes(section.blocks):
            self._printed_entries(entries)
            self._own_blocks_to_body(section, "body")
            return
        self._tables(section)
        if heading_role(section.title) is Role.CONTAINER or is_container_title(section.title):
            # "## Troubleshooting" then "- **Tap not updating**: untap and tap again" items; a
            # release's "Known issues in Agent 7.4" too.
            self._labelled_items(section)
        if len(self.drafts) > before:
            self._own_blocks_to_body(section, "body")
            return
        # A notebook's section that runs a cell, shows the error it printed and then the fix answers
        # that error, as a troubleshooting page's section does: the page's other cells (its setup) are
        # its text, no problem.
        failed = bool(cell_failure(section.blocks))
        # A section that defines an alerting rule (a doc generated from a rule file) is that alert's,
        # as a section headed by an error is that error's.
        fires = any(alert_rule(block) for block in section.blocks)
        origin: Origin = "heading" if fires else "container" if container or failed else "topic"
        draft = self._new(title, section, origin=origin)
        draft.whole_article = whole
        self._read_own(draft, section.blocks, Kind.ERROR if fires else Kind.PLAIN)

    def _labelled_items(self, section: Section) -> None:
        """A troubleshooting list of "**What goes wrong**: what to do" items: one problem per item.

        A label in code (`` `Failed to update account: 400 …`: the email is not valid``) is the
        error text itself, and so the problem's error message too.
        """
        printed = lists_messages(section.title)
        # Under a heading that lists what a program prints (a man page's DIAGNOSTICS), one labelled
        # entry is a message too; elsewhere a lone bold opening is a paragraph's emphasis.
        for entries in labelled_lists(section, least=1 if printed else 2):
            for item, blocks, (label, quoted) in entries:
                # A bold sentence's full stop ends the sentence, not the problem's title.
                title = label[:-1] if label.endswith(".") and not label.endswith("..") else label
                draft = _Draft(title=title, line=line_of(item), origin="container")
                self.drafts.append(draft)
                if quoted or printed:
                    draft.messages.append((label, line_of(item)))
                else:
                    # 'Upgrade fails with "Error 1603: Fatal error during installation".': the message
                    # it quotes, as a heading's.
                    draft.messages.extend((said, line_of(item)) for said in quoted_messages(label))
                if shown_before_steps(blocks):
                    self._entry_as_section(
                        draft, blocks, label, Kind.ERROR if quoted or printed else Kind.PLAIN
                    )
                    continue
                run = read_steps(blocks, self.lines, mode=Mode.PROSE)
                if run.steps:
                    first = run.steps[0]
                    first.text = (
                        first.text[len(label) :].lstrip(LABEL_SEPARATORS)
                        if first.text.startswith(label)
                        else first.text
                    )
                    first.markdown = without_label(first.markdown, label)
                    self._seen_before_fix(draft, blocks[0], item, first)
                    if not first.text.strip() and len(run.steps) > 1:
                        without_empty_first_step(run.steps)
                draft.take_run(run, self.lines)

    def _entry_as_section(self, draft: _Draft, blocks: list[SyntaxTreeNode], label: str, kind: Kind) -> None:
        """An entry that gives its fix as numbered steps of its own under what is seen and the output
        that shows it ("`V4410 …`: The nightly sync stops and the agent logs:", the log line, then
        "1. Stop the agent."), as a definition list's entry is written: read as a section under its
        label (of ``kind``) is, its opening without the label what is seen. Read as one item, the
        opening and the log were its first step, and the log no error message."""
        self._read_own(draft, blocks, kind)
        opening = line_of(blocks[0])
        seen = (
            (without_label(text, label).strip() if line == opening else text, line)
            for text, line in draft.symptoms
        )
        draft.symptoms = [(text, line) for text, line in seen if text]

    @staticmethod
    def _seen_before_fix(draft: _Draft, opening: SyntaxTreeNode, item: SyntaxTreeNode, first: Step) -> None:
        """Of an item that labels its fix ("… The log shows `FATAL: …`. **Workaround:** run …"), what
        comes before the fix's label is what is seen (symptoms, and the messages it quotes), and the
        item's first step starts after it."""
        parts = inline_parts(opening)
        labelled = fix_label(parts)
        if labelled is None:
            return
        at, label = labelled
        seen, found, fix = first.text.partition(label)
        _, marked, fix_markdown = first.markdown.partition(label)
        if not (found and marked and seen.strip()):
            return
        # Lines labelled as parts ("Issue: …", "Cause: …", as a known-issues list writes them): each
        # part what its label says, without the label; the rest what is seen.
        said: dict[Role, list[str]] = {Role.SYMPTOMS: [], Role.CAUSE: []}
        part = Role.SYMPTOMS
        for written in seen.split("\n"):
            opened = part_label_opening(written)
            if opened is not None and opened[0] in said:
                part, written = opened[0], written[opened[1] :]
            said[part].append(written.strip())
        for lines, into in ((said[Role.SYMPTOMS], draft.symptoms), (said[Role.CAUSE], draft.cause)):
            if text := "\n".join(filter(None, lines)):
                into.append((text, line_of(item)))
        draft.messages.extend(
            (part.content, line_of(item))
            for part in parts[1:at]
            if part.type == "code_inline" and message_like(Quoted(part.content, code=True))
        )
        first.text = fix.lstrip(LABEL_SEPARATORS)
        first.markdown = fix_markdown.lstrip("*_").lstrip(LABEL_SEPARATORS)

    def _read_own(
        self, draft: _Draft, blocks: list[SyntaxTreeNode], kind: Kind, *, fixed_below: bool = False
    ) -> None:
        """A problem section's own blocks: what shows the problem first, then what fixes it.

        ``fixed_below``: the section's sub-sections hold fixes, so its own blocks need not.
        """
        kept, runbooks = _alert_rules(draft, blocks)
        had = len(draft.steps)
        # Beside a rule, the section's prose says what the alert means; its fix is the runbook's.
        self._read_blocks(draft, kept, kind, fixed_below=fixed_below or len(kept) < len(blocks))
        if len(draft.steps) == had and not fixed_below:
            # The rule's link to where its fix is written: the one thing to do the section gives.
            draft.steps.extend(
                Step(
                    ordinal=0,
                    number=str(n),
                    markdown=f"runbook_url: <{url}>",
                    text=f"runbook_url: {url}",
                    line=line,
                )
                for n, (url, line) in enumerate(runbooks, start=1)
            )

    def _read_blocks(
        self, draft: _Draft, blocks: list[SyntaxTreeNode], kind: Kind, *, fixed_below: bool = False
    ) -> None:
        """:meth:`_read_own` once the alerting rules are taken out of ``blocks``."""
        lines = self.lines
        if kind is Kind.QUESTION:
            draft.messages.extend((q.text, q.line) for q in messages_in(blocks, fences=False, steps=True))
            # "Why does push fail?" and straight away what it printed: the error, before the answer.
            printed = fence_output(blocks[0]) if blocks and blocks[0].type in ("fence", "code_block") else ""
            if printed and FAILURE_WORDS.search(printed.lower()):
                draft.messages.append((printed, line_of(blocks[0])))
                blocks = blocks[1:]
            self._read_answer(draft, blocks)
            return
        # A quoted error inside a step ("you receive: > Windows cannot enable object…") is the
        # problem's error text too; a fence inside a step is a command, so only quotes count.
        draft.messages.extend((q.text, q.line) for q in nested_quotes(blocks, fences=False))
        mode = mode_for(blocks)
        if mode is Mode.PROSE:
            shown = shown_error(blocks) if kind is Kind.ERROR else shown_output(blocks, draft.title)
            quotes = messages_in(blocks[:shown])
            quoted = {q.block for q in quotes}
            draft.messages.extend((q.text, q.line) for q in quotes)
            # Counted, then cut once: cutting off one block at a time copied the rest for each.
            causes = 0
            for block in blocks[shown:] if shown else []:
                if block.type != "paragraph" or not reads_as_cause(block_text(block)):
                    break
                causes += 1
            if shown and not causes and not draft.cause and explained_before_code(blocks[shown:]):
                causes = 1
            rest = blocks[shown + causes :]
            # How many of the blocks left open the section over an error response, saying nothing to do.
            labelled = 0
            if logged := logged_failures(rest):
                # A log line of the failure after what explains or fixes it (an error-codes page's
                # example line at its section's end) is the error message, no text of a step.
                draft.messages.extend((q.text, q.line) for q in logged)
                taken = {q.block for q in logged}
                rest = [b for n, b in enumerate(rest) if n not in taken]
                if not shown and logged[0].text.startswith("{"):
                    labelled = _response_labels(rest[: logged[0].block])
            # "Sometimes the resolver gives up with a `ResolutionTooDeepError`. This occurs
            # when…" before what to do: the error described in prose, not a step.
            told = labelled or (
                0 if shown else described_error(rest) if kind is Kind.ERROR else described_topic(rest)
            )
            run = read_steps(rest[told:], lines, mode=Mode.PROSE)
            if told and not run.steps and not fixed_below:
                # Nothing after the prose tells what to do: the prose is the fix.
                told, run = 0, read_steps(rest, lines, mode=Mode.PROSE)
            # One paragraph under an error heading that says what is wrong, then what to do, as a man page's
            # DIAGNOSTICS entry does ("Another mirrord is running, or one crashed and left the lock file
            # behind. Delete /run/mirrord.lock if nothing is running."): what it says first is what is
            # seen (or why), its step the rest. Whole, the explanation was the step. Not where what it says
            # first is a remedy ("Restarting the agent usually clears it. Run `agentctl reset` if it comes
            # back."): cut, the restart was lost from the answer and "it comes back" referred to nothing.
            alone = kind is Kind.ERROR and not shown and not told and len(rest) == 1 and len(run.steps) == 1
            cut = self._fix_in_shown(rest[0]) if alone else None
            if cut is not None and not _STATES_REMEDY.search(cut[0]):
                said, step = cut
                (draft.cause if reads_as_cause(said) else draft.symptoms).append((said, line_of(rest[0])))
                run.steps = [step]
            # Nothing after what shows the error tells what to do, but its own last paragraph does.
            fix = (
                self._fix_in_shown(blocks[shown - 1]) if shown and not run.steps and not fixed_below else None
            )
            # An error's section that says what to do nowhere, but whose paragraph showing the error
            # goes on to explain it (a help centre's short "also" section: "If the terminal shows `…`,
            # the PIN was entered wrongly three times. …"): that paragraph is all it answers with.
            explains = (
                kind is Kind.ERROR
                and shown > 0
                and shown == len(blocks)
                and fix is None
                and not (run.steps or fixed_below or causes or draft.cause)
                and blocks[-1].type == "paragraph"
                and not is_callout(blocks[-1])
                and (shown - 1) in quoted
                and says_more_than_shown(blocks[-1])
            )
            for index, block in enumerate(blocks[:shown]):
                if index not in quoted and block.type == "paragraph":
                    draft.symptoms.append((block_text(block), line_of(block)))
                elif explains and index == shown - 1:
                    draft.cause.append((block_text(block), line_of(block)))
                elif fix is not None and index == shown - 1:
                    draft.body.append(fix[0])
                    run.steps.append(fix[1])
                else:
                    draft.body.append(block_text(block))
            draft.cause.extend((block_text(b), line_of(b)) for b in blocks[shown : shown + causes])
            for block in rest[:told]:
                text = block_text(block)
                (draft.cause if reads_as_cause(text) else draft.symptoms).append((text, line_of(block)))
            draft.take_run(run, lines)
            self._announced_failures(draft, blocks)
            return
        run = read_steps(blocks, lines, mode=mode)
        preamble = run.preamble
        # Under a heading that names no error, output that reads as a failure and opens the section,
        # before the steps, is what the section is about ("FATAL ERROR: Reached heap limit …").
        opens = kind is not Kind.ERROR and preamble[:1] == blocks[:1]
        # A notebook's cell that opens the section and the failure it printed: read once, for both tests below.
        cell = cell_failure(blocks) if opens else ""
        shown = shown_output(blocks, draft.title, cell) if opens else 0
        quotes = messages_in(preamble, fences=kind is Kind.ERROR or shown == 1)
        if shown == 2 and cell:
            # So is a notebook's (or a knitted R document's) cell that opens it and the failure the cell
            # printed under it, a warning too; read as the steps' preamble, the failure was lost.
            quotes = [*messages_in(preamble[:2]), *(q for q in quotes if q.block >= 2)]
        draft.messages.extend((q.text, q.line) for q in quotes)
        # Call-outs before the steps ("Danger: never disable verification", "Note: only on
        # PostgreSQL 12") are what a reader of the fix should know, as under a Resolution heading:
        # notes before the steps, not the problem's text; so is the lead-in right above the steps.
        lead_in = lead_in_paragraph(blocks, preamble)
        # "The role lacks `kms:Decrypt`." between the error and "To resolve:" says why it fails.
        missing = (
            missing_before_fix(preamble, lead_in, quotes) if kind is Kind.ERROR and not draft.cause else []
        )
        if not draft.cause and not missing:
            missing = explained_after_shown(preamble, lead_in, quotes)
        for block in preamble:
            text = block_text(block)
            if is_callout(block) or block is lead_in:
                continue
            if block.type == "paragraph" and (reads_as_cause(text) or block in missing):
                draft.cause.append((text, line_of(block)))
                draft.cause.extend(_cause_footnotes(block, run))
            elif block.type == "paragraph":
                draft.symptoms.append((text, line_of(block)))
            else:
                draft.body.append(text)
        run.preamble = [block for block in preamble if is_callout(block) or block is lead_in]
        draft.take_run(run, lines)
        self._announced_failures(draft, blocks)

    def _fix_in_shown(self, block: SyntaxTreeNode) -> tuple[str, Step] | None:
        """A paragraph that says something and then tells what to do ("If the upload stops with
        `HTTP 413`, the bundle is too big. Split it.", or an error entry's "Another agent is running. …
        Delete the lock file."): what it says before its instruction, which the caller files (as body
        where it shows the error, as symptoms or cause where it explains), and the fix's one step, the
        rest; None where it tells nothing to do after its first sentence."""
        said = told_after_shown(block) if block.type == "paragraph" and not is_callout(block) else 0
        opening = cut_opening(block, said, question=None, lines=self.lines) if said else None
        if opening is None:
            return None
        shown, text, markdown = opening
        return shown, Step(ordinal=0, number="1", markdown=markdown, text=text, line=line_of(block))

    @staticmethod
    def _announced_failures(draft: _Draft, blocks: list[SyntaxTreeNode]) -> None:
        """Output a step announces ("If `agent status` prints:" then what failed) is error text too;
        among steps, what a check prints when all is well is announced the same way, and is not."""
        draft.messages.extend((q.text, q.line) for q in announced_output(blocks, failures_only=True))

    def _read_answer(self, draft: _Draft, blocks: list[SyntaxTreeNode]) -> None:
        """The answer to a question: the cause it opens with (:func:`answer_cause`), then its steps,
        every paragraph and list item from its first instruction on. A FAQ's "A:" mark is neither."""
        told, said = answer_cause(blocks, why=asks_why(draft.title), question=draft.title)
        lead = 0 if said else self._answer_lead_in(draft, blocks, told)
        run = read_steps(blocks[told + lead :], self.lines, mode=Mode.ANSWER)
        announcing = _announcing_only(blocks[:told])
        for index, block in enumerate(blocks[:told]):
            text = without_answer_label(block_text(block), draft.title) if index == 0 else block_text(block)
            if block.type == "paragraph" and index not in announcing:
                draft.cause.append((text, line_of(block)))
            else:
                # The output the cause shows is the problem's error message (see _read_own), not its cause.
                draft.body.append(text)
        first = blocks[told] if told < len(blocks) and not lead else None
        opening = (
            cut_opening(first, said, question=draft.title if told == 0 else None, lines=self.lines)
            if first is not None
            else None
        )
        step = run.steps[0] if run.steps else None
        if opening is not None and first is not None and step is not None and step.line == line_of(first):
            cause, text, markdown = opening
            whole_text, whole_markdown = block_text(first), block_source(first, self.lines)
            # The step is the paragraph and what is attached to it (a command after it): only the
            # paragraph's opening is cut.
            if step.text.startswith(whole_text) and step.markdown.startswith(whole_markdown):
                step.text = text + step.text[len(whole_text) :]
                step.markdown = markdown + step.markdown[len(whole_markdown) :]
                if cause:
                    draft.cause.append((cause, line_of(first)))
        draft.take_run(run, self.lines)

    def _answer_lead_in(self, draft: _Draft, blocks: list[SyntaxTreeNode], told: int) -> int:
        """1 when the answer's first block after the cause it opens with (``told`` blocks) leads in
        to the list right after it ("A: Follow these steps:"), a note before the steps, without its
        answer's mark: read as step 1, it told the reader to follow the steps it was in; else 0."""
        if told + 1 >= len(blocks) or blocks[told + 1].type not in LISTS:
            return 0
        first = blocks[told]
        if first.type != "paragraph" or is_callout(first):
            return 0
        unmarked = cut_opening(first, 0, question=draft.title if told == 0 else None, lines=self.lines)
        _, text, markdown = unmarked or ("", block_text(first), block_source(first, self.lines))
        # Nor does one that tells nothing to do over a numbered fix ("The form was changed after you
        # downloaded the job." then "1. Tap Save draft."): what the steps are for, not step 1.
        explains = blocks[told + 1].type == "ordered_list" and not reads_as_instruction(text)
        if not (leads_in(text) or explains):
            return 0
        draft.notes.append(Note(markdown, text, line_of(first)))
        draft.body.append(text)
        return 1

    def _read_intro(
        self, draft: _Draft, blocks: list[SyntaxTreeNode], *, cause_below: bool, lead_in: bool = False
    ) -> None:
        """Text before a problem's first part heading describes the problem; but how to check it
        ("Run:" over the failure printed) is no symptom, and what the check finds is the cause
        where no part below (``cause_below``) states one; so is, where a lead-in line introduces the
        fix (``lead_in``, see fixed_under_lead_in), the one paragraph that explains the error shown and
        says why (:func:`_says_why_shown`: "**Why?** …", "This happens when …")."""
        quotes = messages_in(blocks)
        draft.messages.extend((q.text, q.line) for q in quotes)
        checks, found = checked_output(blocks)
        # The one paragraph between the error shown and the fix under a lead-in below ("**Why?** The token
        # is read-only." before "Fix:") says why it fails, as it does right before the steps; so does a
        # wiki's unlabelled "This happens on macOS, where …" between its error block and "**Fix**", which
        # was read as the symptoms. One that says why in no words ("Invoices … keep three decimals.")
        # describes the problem as often, and stays what is seen.
        explained = (
            {id(b) for b in explained_after_shown(blocks, None, quotes) if _says_why_shown(b)}
            if lead_in and not cause_below
            else set()
        )
        for index, block in enumerate(blocks):
            text = block_text(block)
            if index in checks:
                draft.body.append(text)
            elif (index in found or id(block) in explained) and not cause_below:
                draft.cause.append((text, line_of(block)))
            elif text and block.type == "paragraph" and not is_callout(block):
                draft.symptoms.append((text, line_of(block)))
            elif text:
                draft.body.append(text)
        self._callouts_as_notes(draft, blocks)

    def _tables(self, section: Section) -> None:
        """One problem per row of a table that pairs an error with its resolution, or that lists error
        codes and what each means (:func:`lists_error_codes`: a problem per code, with no step)."""
        for index, table in enumerate(section.blocks):
            if table.type != "table":
                continue
            fix: int | None
            if (paired := pairs_problems_with_fixes(table)) is not None:
                columns, named, fix = paired
            elif (coded := lists_error_codes(table)) is not None:
                (columns, named), fix = coded, None
            else:
                continue
            error = columns.error
            rows = table_rows(table)
            above: _Draft | None = None
            made = len(self.drafts)
            for row in rows[1:]:
                cells = cell_texts(row)
                if len(cells) <= max(fix or 0, named) or (
                    fix is not None and (not cells[fix] or says_nothing(cells[fix]))
                ):
                    # A row with nothing to do (a check's OK state, "Nothing.") is no problem.
                    continue
                line = line_of(row)
                if not cells[named]:
                    if above is not None and fix is not None:
                        # A chart's row with its problem cell left empty: one more cause of the
                        # problem above, and its own solution.
                        self._further_cause(above, row, cells, columns.cause, fix)
                    continue
                draft = _Draft(title=cells[named], line=line, origin="table", listed=fix is None)
                messages = [cells[i] for i in columns.messages if i < len(cells) and cells[i]]
                if error is not None:
                    if not re.search(r"\s", cells[error]):
                        # A one-word error name ("DirSyncAlreadyInstalled") is the row's code.
                        draft.codes.append(cells[error])
                    draft.messages = [(m, line) for m in [cells[error], *messages]]
                    draft.symptoms = [(m, line) for m in messages]
                else:
                    # 'Browser shows "Sign in to network"': what the reader sees quotes what was shown.
                    shown = _shown_in_cell(row, named, cells[named])
                    draft.messages = [(m, line) for m in [*messages, *shown]]
                    draft.symptoms = [(cells[named], line)]
                cause = columns.cause
                if cause is not None and cause < len(cells) and cells[cause]:
                    draft.cause = [(cells[cause], line)]
                # The row's other cells (a known issue's ID, the versions it affects) are searched as
                # its problem's: "VL-9017" finds the row it names, and its codes are the problem's.
                told = {named, fix, cause, error, *columns.messages}
                others = [cell for i, cell in enumerate(cells) if i not in told and cell]
                draft.body.extend(others)
                draft.codes.extend(code for cell in others for code in error_codes(cell))
                if fix is not None:
                    sources = row_sources(row, self.lines)
                    draft.steps = _row_steps(cells, sources, fix, line)
                    if fix < len(sources) and (pointer := _SECTION_POINTER.fullmatch(sources[fix])):
                        self.pointing[id(draft)] = _anchor(pointer[1])
                self.drafts.append(draft)
                above = draft
                for name in (draft.title, *draft.codes):
                    self.table_rows.setdefault(_row_name(name), draft)
            # Its notes follow it, or stand under a heading that only says they are notes ("**Notes**").
            notes = [
                b
                for child in section.children
                if heading_role(child.title) is Role.INFO
                for b in child.blocks
            ]
            self._coded_notes(self.drafts[made:], [*section.blocks[index + 1 :], *notes])

    def _coded_notes(self, drafts: list[_Draft], after: Blocks) -> None:
        """The items of the lists after a code table (its notes) that name a row's code, as notes on
        that row's problem: "For E12, if it recurs, call …" qualifies the row of E12."""
        by_code = {code: draft for draft in drafts for code in draft.codes}
        if not by_code:
            return
        for block in after:
            if block.type == "table":
                break
            if block.type not in LISTS:
                continue
            for item in block.children:
                text = block_text(item)
                markdown = source_slice(self.lines, item, [])
                # A code the note names is a word of its sentence ("For E12, …"), looked up as one: in
                # prose the error text's reading takes no code, and a pattern of every row's code
                # would cost the product of the rows and the notes.
                words = (word.rstrip(".-") for word in _NOTE_WORD.findall(text))
                for draft in {id(by_code[w]): by_code[w] for w in words if w in by_code}.values():
                    group = draft.steps[-1].group if draft.steps else None
                    draft.notes.append(Note(markdown, text, line_of(item), group, True))

    def _further_cause(
        self, draft: _Draft, row: SyntaxTreeNode, cells: list[str], cause: int | None, fix: int
    ) -> None:
        """A continuation ``row`` of the table row that gave ``draft``: its cause is one more of the
        problem's, and the steps of each cause are a group titled by it (the first row's too)."""
        line = line_of(row)
        said = cells[cause] if cause is not None and cause < len(cells) else ""
        first = draft.cause[0][0] if len(draft.cause) == 1 and not draft.groups else None
        if first is not None:
            draft.steps = [replace(step, group=first) for step in draft.steps]
            draft.groups.add(first)
        if said:
            draft.cause.append((said, line))
        steps = _row_steps(cells, row_sources(row, self.lines), fix, line)
        if said:
            steps = [replace(step, group=said) for step in steps]
            draft.groups.add(said)
        else:
            # With no cause of its own to group them, its steps go on after the problem's.
            after = sum(step.group is None for step in draft.steps)
            steps = [replace(step, number=str(int(step.number) + after)) for step in steps]
        draft.steps.extend(steps)

    def _row_shown(self, section: Section) -> tuple[_Draft, Blocks, Blocks] | None:
        """The problem of the table row whose error heads ``section``, when the section only shows
        sample responses of it, with them and what a rule sets apart after them (see
        :func:`_samples_only`); else None.

        An API reference's "Examples", a body per code under the code's heading, beside the table of
        codes and fixes: read as a problem, the code had a second one, with no fix of its own (or the
        page's footer for one), that outranked the row's for a pasted body.
        """
        row = self.table_rows.get(_row_name(section.title))
        samples = _samples_only(section.blocks) if row is not None and not section.children else None
        return (row, *samples) if row is not None and samples is not None else None

    def _samples(self, section: Section, row: _Draft, shown: Blocks, after: Blocks) -> None:
        """The sample responses ``shown`` under ``section`` as the error messages of its table
        ``row``'s problem; what a rule sets apart ``after`` them (the page's closing line) as the
        article's body."""
        row.messages.extend((q.text, q.line) for q in messages_in(shown))
        row.body.extend(block_text(b) for b in shown)
        self.uses[id(section)] = (row, Role.ERRORS.value)
        self.body.append(section.title)
        self.body.extend(block_text(b) for b in after)

    def _printed_entries(self, entries: list[tuple[SyntaxTreeNode, str, list[SyntaxTreeNode]]]) -> None:
        """A problem per failure a section prints and fixes in turn (:func:`_printed_failures_with_fixes`),
        titled by the line of its output that says what failed."""
        for block, printed, fix in entries:
            lines = [line.strip() for line in printed.splitlines() if line.strip()]
            title = next((line for line in lines if reads_as_failure(line)), lines[0])
            draft = _Draft(title=title[:MAX_MESSAGE_CHARS], line=line_of(block), origin="container")
            draft.messages.append((printed, line_of(block)))
            draft.take_run(read_steps(fix, self.lines, mode=Mode.PROSE), self.lines)
            self.drafts.append(draft)

    def _required_topics(self, section: Section) -> bool:
        """Whether ``section``, boilerplate by its role, is a reference page's Requirements over sub-headings
        that are topics of their own (the platforms or cases it sets apart; see visit)."""
        return bool(section.children) and not self.parted and names_requirements(section.title)

    def _read_field_table(
        self, draft: _Draft, table: SyntaxTreeNode, parts: dict[str, SyntaxTreeNode]
    ) -> None:
        """A problem's parts from the rows of a table that names them down its first column
        (:func:`field_rows`); the rows that name no part are searched, as its body."""
        # Every row that says what the reader sees, not the first alone: a help desk's Summary over its
        # Details, which quotes the error dialog, left the dialog's message and code unread.
        told = {id(row) for row in parts.values()}
        seen = [row for row in table_rows(table) if id(row) not in told and field_part(row) == "symptom"]
        for part, row in [*parts.items(), *(("symptom", row) for row in seen)]:
            text, line = cell_texts(row)[1], line_of(row)
            if not text:
                continue
            if part == "fix":
                draft.steps = cell_steps(text, row_sources(row, self.lines)[1], line)
            elif part == "cause":
                draft.cause.append((text, line))
            elif part == "error":
                draft.messages.append((text, line))
            else:
                draft.symptoms.append((text, line))
                draft.messages.extend((m, line) for m in _shown_in_cell(row, 1, text))
        told |= {id(row) for row in seen}
        draft.body.extend(" ".join(cell_texts(row)) for row in table_rows(table) if id(row) not in told)

    def _whole_article(self, root: Section) -> _Draft:
        """The fallback: the whole article is one problem, its lists (or else its paragraphs) the steps."""
        draft = _Draft(title=self.title, line=root.line, origin="article", whole_article=True)
        # Links and version notes are nobody's steps.
        read = [(s, r) for s, r in fallback_roles(root) if r is not Role.BOILERPLATE]
        sections = [s for s, _ in read]
        roles = [r for _, r in read]
        for section, role in read:
            draft.messages.extend((q.text, q.line) for q in messages_in(section.blocks))
            paragraphs = [(block_text(b), line_of(b)) for b in section.blocks if b.type == "paragraph"]
            if role is Role.CAUSE:
                draft.cause.extend(paragraphs)
            elif role in (Role.SYMPTOMS, Role.TOPIC):
                draft.symptoms.extend(p for p in paragraphs[:1] if p[0])
            elif role is Role.INFO and names_status(section.title):
                # A known issue with no fix yet: where it stands is what its answer can say.
                draft.notes.extend(self._status_notes(draft, section))
        passes = [
            # How a bug report makes the problem happen, and what it expected, are lists of no fix.
            [
                s
                for s in sections
                if any(b.type in LISTS for b in s.blocks) and not names_bug_report_part(s.title)
            ],
            [
                s
                for s, r in zip(sections, roles, strict=True)
                if r not in (Role.INFO, Role.SYMPTOMS, Role.CAUSE)
            ],
        ]
        # An article that names its symptoms or cause but no resolution lacks one (the indexer
        # warns); only an article without that structure has its descriptions read as steps.
        if any(names_reference_metadata(s.title) for s in root.walk()):
            # A web reference's page (its Specifications, its Browser compatibility) defines what it
            # names and fixes nothing: its definition, read as a step, was served as the fix.
            del passes[1:]
        elif not any(r in (Role.SYMPTOMS, Role.CAUSE) for r in roles):
            passes.append(sections)
        else:
            # Causes, each under a heading of its own and none with a fix ("High CPU load: … The
            # solution is to add nodes."): what each says is the nearest the article comes to steps.
            # A bare Cause section is not: that article lacks its resolution, and the indexer warns.
            passes.append(
                [
                    s
                    for s, r in zip(sections, roles, strict=True)
                    if r is Role.CAUSE and heading_role(s.title) is Role.TOPIC
                ]
            )
        for chosen in passes:
            for section in chosen:
                group = None if section is root else section.title
                run = read_steps(section.blocks, self.lines, mode=mode_for(section.blocks), group=group)
                draft.steps.extend(run.steps)
                # Each pass reads its sections again: what one read already gave is not given twice.
                for kept, blocks in (
                    (draft.cause, [b for b in run.causes if b.type in LISTS]),
                    (draft.symptoms, run.described),
                ):
                    given = set(kept)
                    kept.extend(p for b in blocks if (p := (described_text(b), line_of(b))) not in given)
            if draft.steps:
                break
        return draft

    # -- helpers --------------------------------------------------------------------------

    def _new(self, title: str, section: Section, *, origin: Origin) -> _Draft:
        draft = _Draft(
            title=title,
            line=section.line,
            origin=origin,
            title_is_name=section.named and title == section.title,
            context=" ".join(self.context),
            own_title=section.title if title.endswith(f": {section.title}") else "",
        )
        draft.codes.extend(device_code_titled(title))
        draft.codes.extend(q.text for q in section.quoted if q.code and is_letter_code(q.text))
        draft.codes.extend(snake_codes_named(title, [q.text for q in section.quoted if q.code]))
        self.drafts.append(draft)
        self.uses[id(section)] = (draft, "")
        return draft

    def _to_body(self, section: Section, use: str) -> None:
        for part in section.walk():
            self.uses[id(part)] = (None, use)
            self.body.append(part.title)
            self.body.extend(block_text(b) for b in part.blocks)

    def _own_blocks_to_body(self, section: Section, use: str) -> None:
        self.uses.setdefault(id(section), (None, use))
        self.body.append(section.title)
        self.body.extend(block_text(b) for b in section.blocks)


# A word of a note, as a code is written: letters, digits, dots and dashes ("E12", "13.A2.D1").
_NOTE_WORD = re.compile(r"\w[\w.-]*")
# An exception's class alone in a code span, as a runbook's Symptoms list says what the logs show
# ("`CommitFailedException` in the service logs"): the name a reader pastes, as a traceback's last line
# gives it. Elsewhere in symptoms a CamelCase name is as often a setting or an attribute.
_EXCEPTION_NAME = re.compile(r"[A-Z][A-Za-z0-9]*(?:Exception|Error)")


# Words that say a platform or case has trouble, beyond names_failure's ("you may experience issues
# running executables there", "known problems with WSL 1"), and a case set apart as unsupported.
_TROUBLE = re.compile(
    r"\b((known|experience|encounter|run into|cause[sd]?|have) (\w+ )?(issues|problems)|unsupported)\b"
)


def _says_what_fails(section: Section) -> bool:
    """Whether a sub-section of a page's Requirements says what fails in the case it sets apart
    ("### WSL 1": "… may crash or hang there"), by its heading or its own text, rather than only
    listing what is needed ("### Hardware": "- 4 GB RAM")."""
    text = " ".join([section.title, *(block_text(b) for b in section.blocks)])
    return names_failure(text) or bool(_TROUBLE.search(text.lower()))


def _troubleshooting_page(root: Section, title: str) -> bool:
    """Whether the page is a troubleshooting article, whose Prerequisites are what its problems' fixes
    need: a section is a part of a problem (Symptoms, Cause, Solution), the title names troubleshooting,
    or a heading outside its Requirements is an error message or a question (a page headed "## error:
    You must be logged in to the server (Unauthorized)" has no part headings)."""
    if is_container_title(title):
        return True
    # A Requirements' own sub-headings ("### WSL 1 crashes on start") are what the rule reads, not the page's.
    required = {id(s) for top in root.walk() if names_requirements(top.title) for s in top.walk()}
    return any(section_role(s) in PROBLEM_PART_ROLES for s in root.walk()) or any(
        id(s) not in required
        and section_role(s) is Role.TOPIC
        and section_kind(s) in (Kind.ERROR, Kind.QUESTION)
        for s in root.walk()
    )


def _introduces(root: Section) -> bool:
    """Whether the text under a page's title, a title that promises a set of problems ("Troubleshooting
    X"), introduces the sections of problems under it: prose (a trail to the guide's other pages, general
    advice) and the command to start from, but no list of steps. Read as a problem, it was the page's
    first, titled by the page, its trail a step."""
    return len(root.children) >= 2 and not any(b.type in LISTS for b in root.blocks)


def _exceptions_named(blocks: list[SyntaxTreeNode]) -> list[str]:
    """The exceptions' classes that code spans of a Symptoms part's ``blocks`` hold alone, in order."""
    return [
        span
        for block in blocks
        for span in code_spans(block)
        if _EXCEPTION_NAME.fullmatch(span) and error_codes(span) == [span]
    ]


# A heading that names an event's Reason: the word alone, or over a remark in parentheses or after a
# colon or dash ("Failed (image pull)"); not a sentence it opens ("Failed to pull").
_EVENT_REASON_TITLE = re.compile(r"([A-Z][A-Za-z]+)\s*(?:$|[(:]|[—–-]\s)")


def _alert_rules(
    draft: _Draft, blocks: list[SyntaxTreeNode]
) -> tuple[list[SyntaxTreeNode], list[tuple[str, int]]]:
    """``blocks`` without the alerting rules among them, which ``draft`` takes (the alert's name its
    code, the page Alertmanager sends its messages, the rule searchable body: a rule is what fires,
    nothing to do), and the rules' runbook links with their lines."""
    kept: list[SyntaxTreeNode] = []
    runbooks: list[tuple[str, int]] = []
    for block in blocks:
        if (rule := alert_rule(block)) is None:
            kept.append(block)
            continue
        draft.codes.append(rule.name)
        draft.messages.extend((message, line_of(block)) for message in rule.messages)
        draft.body.append(block_text(block))
        if rule.runbook:
            runbooks.append((rule.runbook, line_of(block)))
    return kept, runbooks


def _row_name(text: str) -> str:
    """A table row's error or title, or a heading, as compared: "`Quota_Exceeded`" is "quota_exceeded"."""
    return text.strip().strip("`").casefold()


def _samples_only(blocks: Blocks) -> tuple[Blocks, Blocks] | None:
    """The code blocks of a section that shows only sample error responses, and the paragraphs a
    rule sets apart after them (a page's closing "Need help? …"); None where it says anything else
    (its own fix, a list) or shows no error."""
    rule = next((i for i, b in enumerate(blocks) if b.type == "hr"), len(blocks))
    shown, after = blocks[:rule], blocks[rule + 1 :]
    if not shown or any(b.type not in CODE for b in shown) or any(b.type != "paragraph" for b in after):
        return None
    return (shown, after) if messages_in(shown) else None


def _stated_problem(section: Section, separate: list[Section]) -> Section | None:
    """The sub-section of a frame that states its problem, when its heading names an error and it
    opens the frame, before the parts that fix it ("## Restore fails at 40 %", what is seen, then
    "## Resolution" beside it): the one such sub-section, with no sub-sections or steps of its own.
    Read as a problem of its own, it had what it shows as its steps, and the fix beside it had no
    problem but the page."""
    named = [c for c in separate if section_kind(c) is Kind.ERROR]
    if len(named) != 1 or named[0] is not section.children[0]:
        return None
    stated = named[0]
    fixed = any(role_in_problem(c, None) is Role.RESOLUTION for c in section.children[1:])
    if stated.children or not fixed or any(b.type in LISTS for b in stated.blocks):
        return None
    return stated


def _printed_failures_with_fixes(
    blocks: list[SyntaxTreeNode],
) -> list[tuple[SyntaxTreeNode, str, list[SyntaxTreeNode]]]:
    """Of a section that shows two or more failures, each as its output (a ``$`` session or a log)
    followed by what fixes it ("Solution: Set `runtime: node20` …", and the commands it gives), as a
    CLI's "Common errors" page writes them under one heading: each failure's block, its output and its
    fix's blocks; [] for any other. The section must open with a failure: a how-to's commands are its
    steps.

    Read as one problem, the second failure was more text of the first one's fix, and no message."""
    entries: list[tuple[SyntaxTreeNode, str, list[SyntaxTreeNode]]] = []
    for block in blocks:
        if printed := printed_failure(block):
            entries.append((block, printed, []))
        elif not entries:
            return []
        else:
            entries[-1][2].append(block)
    if len(entries) < 2 or not all(fix for _, _, fix in entries):
        return []
    return entries


def _shown_in_cell(row: SyntaxTreeNode, column: int, text: str) -> list[str]:
    """The messages a cell that says what the reader sees (its ``text``, in ``column`` of ``row``)
    quotes or shows, once each."""
    return list(dict.fromkeys([*quoted_messages(text), *cell_messages(row.children[column])]))


def _field_table(section: Section) -> tuple[SyntaxTreeNode, dict[str, SyntaxTreeNode]] | None:
    """The first table of ``section``'s own that names its problem's parts down its first column,
    with the row of each part (:func:`field_rows`); None when it has none."""
    for table in (b for b in section.blocks if b.type == "table"):
        if (parts := field_rows(table)) is not None:
            return table, parts
    return None


# The label a FAQ or a page of one section per symptom opens a title with: "Q: Why …?", "Q3) …",
# "Symptom: Ingress returns 503", or numbers its problems: "Problem 2: Import wizard shows …" (in other
# languages too, "समस्या 2: …"), "Problem 1 – …", "Failure mode 3: …", a bare "4. …", or a manual's
# numbered section: "4.2.1 Problem: …", or one a stylesheet numbers, a full stop after its last number
# (DocBook's "7.1.3. Replica lag keeps growing"; not a version, "2.4 upgrade fails"). The answer shows
# the title without it. (Only the title shown: a
# numbered heading still reads as a procedure's step where the structure is decided.) Chinese and Japanese
# number sections in their own way, with no space after it: "一、", "（三）", "第4章", "5．", and their problems
# "問題一：…"; Arabic by ordinal words, "المشكلة الأولى: …".
_CJK_NUMBER = r"(?:[一二三四五六七八九十]{1,3}|[0-9０-９]{1,2})"
# Their word for a problem, or a case, before its number and a colon: "問題一：…", "问题 2：…", "狀況三：…".
_CJK_PROBLEM = r"(?:問題|问题|狀況|状况|情況|情况)"
# Arabic numbers its problems by ordinal words or by digits of either script: "المشكلة الأولى: …" (the
# first problem), "المشكلة ٢: …", "مشكلة 3: …".
_ARABIC_PROBLEM = r"(?:ال)?مشكلة"
_ARABIC_NUMBER = (
    r"(?:ال[أا]ولى|الثانية|الثالثة|الرابعة|الخامسة|السادسة|السابعة|الثامنة|التاسعة|العاشرة|[0-9٠-٩]{1,2})"
)
_TITLE_LABEL = re.compile(
    # A question's mark in other languages too: Romanian's "Î:" (Întrebare), Swahili's "Swali:",
    # Azerbaijani's "Sual:", Filipino's "Tanong:", Urdu's, Bengali's and Tamil's "سوال:", "প্রশ্ন:", "கேள்வி:".
    r"(?:(?:(?:q|question|î|întrebare|swali|sual|tanong|سوال|প্রশ্ন|கேள்வி)[ \t]*\d{0,3}[ \t]*[:.)]"
    rf"|(?:\d{{1,2}}(?:\.\d{{1,2}})*\.?[ \t]+)?(?:symptoms?|issue|problem|failure(?: mode)?|scenario|{PROBLEM_WORDS})"
    r"(?:[ \t]*(?:\d{1,2}[ \t]*)?:|[ \t]+\d{1,2}[ \t]+[-\u2013\u2014])"
    rf"|\d{{1,2}}[.)]|{SECTION_NUMBER})[ \t]+"
    rf"|(?:{_CJK_NUMBER}[、．]|（{_CJK_NUMBER}）|\([一二三四五六七八九十]{{1,3}}\)|第{_CJK_NUMBER}[章节節部篇]"
    rf"|{_CJK_PROBLEM}[ \t]?{_CJK_NUMBER}[ \t]?[：:])[ \t\u3000]*"
    rf"|{_ARABIC_PROBLEM}[ \t]+{_ARABIC_NUMBER}[ \t]?:[ \t]+)"
    r"(?=\S)",
    re.IGNORECASE,
)


def _after_workaround(draft: _Draft) -> bool:
    """Whether the last of ``draft``'s steps so far are a group named a workaround ("Workaround")."""
    group = draft.steps[-1].group if draft.steps else None
    return bool(group) and names_workaround(f"{group}:")


def _states_only(section: Section) -> bool:
    """Whether ``section`` is paragraphs only, no sub-section, none of which says what to do (see
    reads_as_instruction, _prescribes): it states, as a known issue's Status does."""
    return (
        bool(section.blocks)
        and not section.children
        and all(b.type == "paragraph" and not is_callout(b) for b in section.blocks)
        and not any(reads_as_instruction(block_text(b)) or _prescribes(block_text(b)) for b in section.blocks)
    )


# What a Resolution says someone is to do, in the third person, as a known-error record words its fix: a
# modal of duty before what to do ("Customers on 21.3 should upgrade the export service", "The permanent fix
# is to upgrade the agent"), or before it done ("Hotfix HF-2291 must be installed on every app server", but
# not "should be fixed in 22.1", where the fix stands), and what doing it does ("Upgrading the agent to 21.4
# resolves the issue"). Read as saying nothing to do, each such Resolution was a note after the workaround.
# A passive of what a vendor does with a fix says where it stands, not what to do ("A permanent fix should
# be delivered in 8.2", "… is to be included in the 8.2 release", "The root cause still needs to be
# investigated"; but "The fix must be applied on every node", "The issue must be escalated").
# And the "-ing" word is a gerund of doing, with no comma before what it does: not a preposition or a
# pronoun ("Starting with 8.2, the service removes …", "During the upgrade, …", "Nothing in 8.1 fixes …").
_DUTY = re.compile(r"\b(?:should|must|needs? to|ha(?:s|ve) to|(?:is|are) to)\s+", re.IGNORECASE)
_DUTY_DONE = re.compile(
    r"be\s+(?!(?:fixed|resolved|addressed|corrected|planned|released|shipped|delivered|included|provided|"
    r"investigated|scheduled|targeted|expected|published|backported|tracked)\b)[a-z]+(?:ed|en)\b",
    re.IGNORECASE,
)
_DOING_FIXES = re.compile(
    r"^(?!(?:during|according|pending|regarding|concerning|notwithstanding|[a-z]*thing)\b)[A-Za-z]+ing\b"
    r"(?:[^.!?,;\n]|\.(?=\d)){1,120}?\b(?:resolves|fixes|solves|corrects|removes|prevents)\b",
    re.IGNORECASE,
)


def _prescribes(paragraph: str) -> bool:
    """Whether a paragraph says what someone is to do in the third person (see _DUTY)."""
    opening = paragraph[:MAX_INSTRUCTION_CHARS]
    return bool(_DOING_FIXES.match(opening)) or any(
        reads_as_instruction(opening[duty.end() :]) or _DUTY_DONE.match(opening, duty.end())
        for duty in _DUTY.finditer(opening)
    )


def without_title_label(title: str) -> str:
    """A problem's title without the label it opens with (see _TITLE_LABEL)."""
    label = _TITLE_LABEL.match(title)
    return title[label.end() :] if label else title


# A table cell that only points to a section of the page: a link to its anchor, perhaps after a word or two and
# before a full stop or a colon ("See [High error rate](#high-error-rate).", "Go to [Latency](#latency)"), in any
# language ("Siehe [Latenz](#latenz)", "Voir [Latence](#latence)", "请参阅[延迟](#延迟)": "see" and "go to" alone
# left a German runbook's pointer a problem whose one step was "Siehe Latenz"). The anchor may hold dots, as a
# heading's id may (Google Docs' "#h.q8x2kd4mzt1a", see markup.heading_id).
_SECTION_POINTER = re.compile(r"(?:[^\W\d_]++[ \t]*+){0,2}\[[^\[\]\n]+\]\(#([\w-]+(?:\.[\w-]+)*)\)[.:!]?")


def _row_steps(cells: list[str], sources: list[str], fix: int, line: int) -> list[Step]:
    """The steps a table row's fix cell gives, read from its source (``sources``) where the row has one."""
    return cell_steps(cells[fix], sources[fix] if fix < len(sources) else cells[fix], line)


def _named_codes(draft: _Draft) -> set[str]:
    """The codes ``draft``'s title and its messages name, each as :func:`code_key` spells it."""
    return {
        code_key(c)
        for c in [*draft.title_codes(), *(c for text, _ in draft.messages for c in error_codes(text))]
    }


# A table row's whole fix that only sends the reader to the page's own steps ("See above", "As above", "Refer
# to the section below"): it says nothing of its own, so the section that names the row's code is its fix. A
# fix that says what to do ("Sign out and sign in again") is the row's own, though a section of the page quotes
# its code in passing ("… failed (cause: AUTH-401 token expired)"): folded into that section, the row's code
# was answered by the section's other steps.
_ELSEWHERE = re.compile(
    r"(?:(?:see|refer to|follow|as)[ \t]+)?(?:the[ \t]+)?"
    r"(?:(?:section|steps?|fix|solution|resolution|instructions?)[ \t]+)?(?:above|below)[.!]?",
    re.IGNORECASE,
)


def _fix_is_elsewhere(row: _Draft) -> bool:
    """Whether table row ``row``'s fix says nothing of its own: it has none, or it only points to the page's
    steps (see _ELSEWHERE)."""
    return not row.steps or (len(row.steps) == 1 and bool(_ELSEWHERE.fullmatch(row.steps[0].text.strip())))


def _anchor(title: str) -> str:
    """The anchor a docs site gives a heading of ``title`` (or a link's anchor, spelled so), as MkDocs and GitHub
    write it: its words in lower case, punctuation left out, a hyphen between words ("High error rate" is
    "high-error-rate"). A run of hyphens and blanks is one hyphen, as MkDocs writes it: GitHub's
    "high-error-rate---eu" for "High error rate - EU" is MkDocs' "high-error-rate-eu", and a pointer written for
    MkDocs was not found."""
    words = re.sub(r"[^\w\s-]", "", title.strip().lower())
    return re.sub(r"[-\s]+", "-", words).strip("-")


def _draft_text(draft: _Draft) -> list[str]:
    """Everything a draft holds, as text, for an article that does not keep it as a problem."""
    return [
        draft.title,
        *(t for t, _ in draft.symptoms),
        *(t for t, _ in draft.cause),
        *(s.text for s in draft.steps),
        *dict.fromkeys(s.group for s in draft.steps if s.group),
        *draft.body,
    ]


def _fixes_by_cause(sections: Sequence[Section]) -> dict[int, str]:
    """The fixes among a problem's ``sections`` that each follow a cause of their own, by id, each with
    the name of its group of steps, where every such fix has one name and there are two or more of them;
    else {}. A fix is named as one under its cause would be ("Possible Reason 2: Solution"), or, where
    the causes too have one name, by what its cause says first ("The export volume is nearly full.").

    Named by their own headings, the groups were "Solution" and "<the article's title>: Solution", and
    nothing said which cause each fixes: DITA's troubleshooting topic gives each cause its remedy (a
    troubleSolution, "Cause" then "Remedy", again for the next cause), and so do articles that number
    their causes, each with a "Solution" after it.
    """
    pairs = [
        (cause, fix)
        for cause, fix in pairwise(sections)
        if not cause.children
        and role_in_problem(cause, None) is Role.CAUSE
        and role_in_problem(fix, None) is Role.RESOLUTION
    ]
    if len(pairs) < 2 or len({fix.title for _, fix in pairs}) > 1:
        return {}
    if len({cause.title for cause, _ in pairs}) == len(pairs):
        return {id(fix): f"{cause.title}: {fix.title}" for cause, fix in pairs}
    said = {
        id(fix): title_of(block_text(cause.blocks[0]))
        for cause, fix in pairs
        if cause.blocks and cause.blocks[0].type == "paragraph"
    }
    # Only where each cause opens with what it is: "If the file is as below:" says nothing of it.
    if len(said) < len(pairs) or any(not text or text.endswith(":") for text in said.values()):
        return {}
    return said


def _cause_footnotes(block: SyntaxTreeNode, run: StepRun) -> Lines:
    """The footnotes that ``block``, a paragraph read as the problem's cause, marks and that say why too
    (labelled "Cause:", without their label, or worded as a cause), each with its own line, taken from
    ``run``'s remarks: a Zettlr or Typora note says why in a footnote ("The archive has a gap.[^gap]",
    "[^gap]: Cause: the volume filled up …"). Left a note after the steps, the cause was cut in two and
    its half shown as a remark on the fix; its line is the footnote's, as each field lists the lines it
    came from. Any other footnote ("Caveat: on version 12 …") stays one."""
    marks = set(footnote_marks(block))
    said: Lines = []
    for footnote in [b for b in run.leftover if b.type == "footnote" and b.meta.get("id") in marks]:
        if why := _footnote_why(block_text(footnote)):
            said.append((why, line_of(footnote)))
            run.leftover.remove(footnote)
    return said


def _footnote_why(written: str) -> str:
    """What a footnote's text ``written`` says of why, without its "Cause:" label ("Cause: the volume
    filled up" is "The volume filled up"), or "" when it gives no cause."""
    opened = part_label_opening(written)
    if opened is not None and opened[0] is Role.CAUSE:
        why = written[opened[1] :].strip()
        return why[:1].upper() + why[1:]
    return written if opened is None and reads_as_cause(written) else ""


def _cause_text(block: SyntaxTreeNode) -> str:
    """The text of a block of a problem's cause part; a footnote's that says why without its own "Cause:"
    label, as a footnote on an unlabelled cause is read (_cause_footnotes): "**Cause:** the balancer
    drops HTTP.[^lb]" gave "Cause: the HTTP listener was removed …" as its second paragraph."""
    text = described_text(block)
    return (_footnote_why(text) or text) if block.type == "footnote" else text


def _stated_cause(blocks: list[SyntaxTreeNode]) -> tuple[SyntaxTreeNode, str] | None:
    """The first of ``blocks`` that is a paragraph opening with a plain cause label ("Root cause: …"),
    with its text after the label; None when there is none."""
    for block in blocks:
        text = block_text(block) if block.type == "paragraph" else ""
        if text and (stated := _after_cause_label(text)):
            return block, stated
    return None


def _after_cause_label(text: str) -> str | None:
    """What ``text`` says after the plain cause label it opens with ("Root cause: the disk filled up" is
    "the disk filled up"), stripped; None when it opens with no cause label."""
    opened = part_label_opening(text)
    return text[opened[1] :].strip() if opened is not None and opened[0] is Role.CAUSE else None
