"""What a section is, by its heading and its blocks.

A *frame* holds the parts of one problem; an error heading may group problems of its own; inside a
problem a section's role is its own, its parent's, or what its content says; a fix section's blocks
are read as lists or as prose. These questions are asked of each section by the reader
(:mod:`indexer.markdown_article`); they depend on the section alone.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache
from itertools import takewhile

from markdown_it.tree import SyntaxTreeNode

from indexer.dates import (
    ACTIVITY_PARTICIPLE_DE,
    ACTIVITY_VERB,
    AGE_DE,
    CLOCK,
    DATE,
    DATE_DE,
    MONTH,
    ROUGH_AGE,
)
from indexer.errortext import error_codes
from indexer.heading_text import Quoted
from indexer.markup import without_heading_attributes
from indexer.messages import cell_failure, messages_in, reads_as_failure, shown_quotations
from indexer.roles import (
    FRAMING_ROLES,
    PROBLEM_PART_ROLES,
    Kind,
    Role,
    answer_post,
    asks_if_fixed,
    asks_what_it_means,
    fixed_message,
    heading_kind,
    heading_number,
    heading_role,
    is_answer_field,
    is_case_alternative,
    is_cause_alternative,
    is_diagnosis,
    is_introduction,
    is_mitigation,
    is_procedure_title,
    is_strong_resolution,
    is_triage,
    message_like,
    names_additional_information,
    names_bare_steps,
    names_environment,
    names_error_category,
    names_escalation,
    names_indicators,
    names_questions,
    names_related_items,
    normalise_heading,
    reads_as_instruction,
    sends_on,
    without_number,
)
from indexer.sections import (
    BOLD_LABEL_LEVEL,
    CODE,
    LISTS,
    Section,
    block_text,
    has_links,
    in_tab,
    is_navigation,
    is_step_table,
    line_of,
)
from indexer.steps import Mode, has_steps, stepped_paragraphs, unwrapped

# One problem has a few parts, and a few topics between them ("Understanding CORS", "Examples"):
# in the shared corpora's frames at most 10. A section with more topic sections under it than
# this is a reference whose sections each answer their own question, such as a manual page
# with a DESCRIPTION heading followed by 130 command sections, even when one of them reads
# as a problem's part.
MAX_FRAME_TOPICS = 24


_ERROR_TITLE_PREFIX = re.compile(r"^\s*(?:error|exception|fatal)\s*+\d*+\s*+[:#-]\s*", re.I)
# A message after its code, as a reference heads each of its messages ("QRY-00104: deadlock
# detected while waiting for resource"): the code, a colon, the message.
_CODE_THEN_MESSAGE = re.compile(r"([^\s:]{2,40})[ \t]*:[ \t]+(\S.*)")
# A record's number of a year ("CVE-2024-3094: xz backdoor", "INC-2024-0042: checkout down"): an
# advisory or an incident titled by what it is about, not a message after its code.
_DATED_RECORD = re.compile(r"[A-Za-z]{2,8}[ _-]?(?:19|20)\d\d[-:]\d{1,7}")
# An entry of a card's or a task's activity log, as a board exports it: who did what, then when ("Priya
# Nair moved this card from Drafts to Runbooks · Mar 12, 2024", "Tom Becker commented on this card 3 days
# ago"). A member's name is a word or a few, the action a board's verb in the past, the date or age last.
# Not a write-up's list of what was done, in the past tense with the time of day ("The on-call engineer
# updated the TLS certificate on the load balancer at 14:05"): no name opens with an article or a
# pronoun, and a time of day dates an entry only with its day ("Mar 12 at 10:04", "Yesterday at 9:14 PM").
# Read as a log, those actions were boilerplate and the write-up's fix had no steps. A board in German
# says the same with "hat" (or "ist") and a participle last, and dates it in German ("Priya Nair hat diese
# Karte von *Entwürfe* nach *Runbooks* verschoben · 12. März 2024", "… kommentiert · vor 3 Tagen"): read
# in English words only, that log was a problem of its own whose steps were its entries. The participle
# is the last word before the date: with a gap on either side of it, every participle on a long line
# made the rule scan the rest of the line for a date (a 50 kB item of "verschoben " took 32 s to read).
# No name opens with a German article or pronoun either: "Der Bereitschaftsdienst hat … entfernt – 14.
# März 2024" is a write-up's step, which the English words alone let be read as a log.
_ACTIVITY_ENTRY = re.compile(
    r"(?!(?:the|a|an|our|my|their|this|that|we|i|they|he|she|it|someone"
    r"|der|die|das|dem|den|ein|eine|einer|wir|ich|man|unser|unsere|er|sie|es|jemand)\s)"
    rf"@?[\w.'-]+(?: [\w.'-]+){{0,3}} (?:{ACTIVITY_VERB}\b[^\n]*?[\s\u00b7,|\u2013\u2014-]"
    rf"|(?:hat|ist) [^\n]*? {ACTIVITY_PARTICIPLE_DE}[ \t\u00b7,|\u2013\u2014-]{{1,5}})"
    rf"(?:{DATE}|{ROUGH_AGE}|(?!\d){CLOCK}|{MONTH}\.? \d{{1,2}}|{DATE_DE}|{AGE_DE})\s*$",
    re.IGNORECASE,
)


def introduces_its_table(section: Section) -> bool:
    """Whether a section's own text only leads in to its tables: a sentence at most, no step,
    and no error code in its heading that the tables do not have ("## Error 1603: Fatal error
    during installation" is a problem of its own, whatever the table under it lists)."""
    tables = [b for b in section.blocks if b.type == "table"]
    rest = [b for b in section.blocks if b.type != "table"]
    if not tables or len(rest) > 1 or (rest and rest[0].type != "paragraph"):
        return False
    listed = set(error_codes(" ".join(block_text(t) for t in tables)))
    return set(error_codes(section.title)) <= listed


def section_kind(section: Section) -> Kind:
    """The :func:`heading_kind` of ``section``'s heading: the reader asks it of each section
    several times, so it is worked out once per heading (see _heading_kind)."""
    return _heading_kind(section.title, tuple(section.quoted))


@lru_cache(maxsize=4096)
def _heading_kind(title: str, quoted: tuple[Quoted, ...]) -> Kind:
    return heading_kind(title, list(quoted))


def is_frame(section: Section, sibling_fixes: Mapping[str, frozenset[str]] | None = None) -> bool:
    """Whether ``section``'s sub-sections are the parts of one problem.

    They are when one of them says what went wrong or how to fix it, when they are
    alternatives (Method 1, Case 2), or when they are the numbered steps of one
    procedure ("1. Identify the replica", "2. Get the volume size"). They are not when
    more than MAX_FRAME_TOPICS sections under it head topics of their own: that is a
    reference page, even if one of its headings reads as a part (a manual page's DESCRIPTION).
    ``sibling_fixes``: the weaker names of a fix that frame the sections beside it, each with the
    names of those sections' sub-sections (:func:`fixes_framing`).
    """
    if _is_manual_page(section) or answers_cases(section) or any(map(answers_cases, section.children)):
        # An Answer's cases are problems of their own, numbered or not, and frame no Question over them.
        return False
    numbered = [c for c in section.children if not c.children]
    numbers = [heading_number(c.title) for c in numbered]
    if len(numbers) >= 2 and numbers[:2] == [1, 2] and not _numbered_problems(numbered):
        return True
    shows_error: bool | None = None
    for child in section.children:
        role = heading_role(child.title)
        if asks_what_it_means(child.title) and not _has_meaning_to_explain(section):
            continue
        if _weak_fix(child) and shows_error is None:
            # A weaker name of a fix ("Steps") frames a section whose own text shows what failed: a
            # runbook's alert, its log line, then "### Steps"; or one written as the sections beside
            # it that it frames are (an API reference's codes, each with its "What to do").
            shows_error = _written_as_framed(section, child, sibling_fixes or {}) or bool(
                messages_in(section.blocks)
            )
        if (
            role in FRAMING_ROLES
            or (role is Role.RESOLUTION and (is_strong_resolution(child.title) or shows_error))
            or (section_kind(child) is Kind.ALTERNATIVE and not states_own_case(child))
        ):
            return _topic_sections(section) <= MAX_FRAME_TOPICS
    return False


def states_own_case(section: Section) -> bool:
    """Whether a case a page tells apart ("Scenario B: …", "Case 2") shows in its own text the failure it is
    seen by (an on-call runbook's signs and log line) and its own steps: one of the problems an alert
    may mean, not one of the ways to fix a problem its page states. Read as alternatives, every case's
    log was one problem's, answered by the first case's steps."""
    return (
        not section.children
        and is_case_alternative(section.title)
        and is_procedural(section.blocks)
        and any(reads_as_failure(q.text) for q in messages_in(section.blocks))
    )


# A manual page's title: its name and section ("SNAPCTL(8)", "brew(1) -- The Package Manager").
_MANUAL_PAGE_TITLE = re.compile(r"[\w.:+-]+\(\d[a-z]{0,3}\)(?:\s|$)")


def _is_manual_page(section: Section) -> bool:
    """Whether ``section`` is a manual page, titled by its name and section over its NAME or SYNOPSIS:
    its DESCRIPTION, OPTIONS and EXIT STATUS describe a command, no problem (its DIAGNOSTICS are
    problems of their own). Read as a problem's parts, the options and exit statuses were its steps."""
    return bool(_MANUAL_PAGE_TITLE.match(section.title)) and any(
        normalise_heading(c.title) in ("name", "synopsis") for c in section.children
    )


def _numbered_problems(sections: list[Section]) -> bool:
    """Whether numbered sections are problems in turn, not the steps of one procedure: each names an
    error, a failure or what a program shows, or asks a question, or opens by running a notebook's
    cell that fails (:func:`cell_failure`), and none says what to do ("1. KeyError: 'region_code' when
    loading", '2. Printer shows "E-40 toner low"'; not "1. Fix the permissions error"). Read as one
    procedure, a pasted error got another problem's fix."""
    for section in sections:
        said = without_number(section.title)
        names_problem = (
            section_kind(section) in (Kind.ERROR, Kind.QUESTION)
            or reads_as_failure(said)
            or bool(shown_quotations(said))
            or bool(cell_failure(section.blocks))
        )
        if not names_problem or reads_as_instruction(said):
            return False
    return True


def _has_meaning_to_explain(section: Section) -> bool:
    """Whether a "What does this mean?" under ``section`` explains something: an error, or a problem that
    a part beside it fixes. Over a status's description alone ("Pending", a glossary's entry), it frames
    nothing."""
    return section_kind(section) is Kind.ERROR or any(
        heading_role(c.title) is Role.RESOLUTION for c in section.children
    )


def _weak_fix(section: Section) -> bool:
    """A heading that names a fix, but as how-to pages name their steps too ("Steps", "What to do")."""
    return heading_role(section.title) is Role.RESOLUTION and not is_strong_resolution(section.title)


def fixed_under_lead_in(section: Section) -> bool:
    """Whether ``section``'s only parts are lines of its text that introduce its steps by naming a fix
    ("Fix:", "What to do:"), no heading of the page's: what comes before them is all the section says
    of the problem, the error shown and why it fails."""
    return bool(section.children) and all(
        child.level >= BOLD_LABEL_LEVEL
        and not child.children
        and heading_role(child.title) is Role.RESOLUTION
        for child in section.children
    )


def framed_by_lead_in(section: Section) -> bool:
    """Whether ``section`` is framed only by lines of its text that introduce its steps with a weaker
    name of a fix ("What to do:"; see fixed_under_lead_in): a blog post's author talks so in one
    section and not in the next, which is written as a problem just the same."""
    return fixed_under_lead_in(section) and all(map(_weak_fix, section.children))


def _written_as_framed(section: Section, fix: Section, sibling_fixes: Mapping[str, frozenset[str]]) -> bool:
    """Whether ``fix``, a weaker name of a fix under ``section``, frames the sections beside it, and
    ``section``'s sub-sections are all named as theirs are: written as they are. A routine's section
    ("Weekly maintenance" over "Steps", "Examples", "Escalation") beside alerts that show their log line
    over "Steps" is not, and was framed as a problem by their "Steps"."""
    named = sibling_fixes.get(normalise_heading(fix.title))
    return named is not None and all(normalise_heading(c.title) in named for c in section.children)


def fixes_framing(sections: list[Section]) -> dict[str, frozenset[str]]:
    """The weaker names of a fix (normalised) that frame most of the ``sections`` they head a
    sub-section of, two at least, by what those show failed, each with the names of the sub-sections
    of the sections it so frames: a reference of sections written alike (a code, what it means, the
    response returned, "What to do") frames by them the one that shows no response too, which was
    searchable body with its fix a problem of its own."""
    framed: dict[str, int] = {}
    headed: dict[str, int] = {}
    named: dict[str, set[str]] = {}
    for section in sections:
        names = {normalise_heading(c.title) for c in section.children if _weak_fix(c)}
        shows_error = bool(names) and bool(messages_in(section.blocks))
        for name in names:
            headed[name] = headed.get(name, 0) + 1
            framed[name] = framed.get(name, 0) + shows_error
            if shows_error:
                named.setdefault(name, set()).update(normalise_heading(c.title) for c in section.children)
    return {
        name: frozenset(named[name])
        for name, count in framed.items()
        if count >= 2 and 2 * count >= headed[name]
    }


def groups_problems(section: Section) -> bool:
    """Whether an error heading ("Upload errors", "Sign-in failures") heads a group of errors, each
    a heading of its own ("`AccessDenied`" then its fix, or a heading over its own Issue and
    Resolution), rather than one error and its parts. Its own text, if any, introduces them. It files
    even one, where it shows no error of its own and has no text of its own ("Credential errors" over
    "### Error: unable to authenticate") or names a kind of errors (a CLI reference's "Quota errors"
    over "Quota exceeded for CPUS"): read as the problem, the one error's heading was a group of its
    steps and its output a step. (Over sections of its fix too, "Resolution Too Deep Errors" names one
    error.)"""
    if is_procedural(section.blocks):
        return False
    # Beside one that names its error, a sub-section that says what goes wrong in its own text and
    # fixes it in a part of its own is another problem: Mintlify's "Webhook errors" over an accordion
    # per error, "Deliveries fail with '…'" and "The same event arrives twice" (each a paragraph then
    # "**Fix:** …"), was one problem whose accordions were groups of steps.
    named = any(heads_own_problem(c) for c in section.children)
    own = sum(
        1
        for c in section.children
        if heads_own_problem(c) or states_own_problem(c) or (named and _describes_and_fixes(c))
    )
    return own >= 2 or (
        own == len(section.children) == 1
        and (not section.blocks or names_error_category(section.title))
        and not messages_in(section.blocks)
    )


def _describes_and_fixes(section: Section) -> bool:
    """Whether a plain sub-section says what goes wrong in text of its own and then fixes it in a part
    a fix's name heads ("The same event arrives twice", a paragraph, then "**Fix:** …")."""
    return (
        bool(section.blocks)
        and heading_role(section.title) is Role.TOPIC
        and section_kind(section) is not Kind.ALTERNATIVE
        and heading_number(section.title) is None
        and any(is_strong_resolution(c.title) for c in section.children)
    )


def states_own_problem(section: Section) -> bool:
    """Whether a plain sub-section says what goes wrong in parts of its own (its Issue, Symptoms or
    Cause, then its Resolution), as a troubleshooting page writes each error under "Runtime errors":
    a problem of its own, whatever its heading's words ("Workers are running out of disk space")."""
    return (
        heading_role(section.title) is Role.TOPIC
        and section_kind(section) is not Kind.ALTERNATIVE
        and any(heading_role(c.title) in FRAMING_ROLES for c in section.children)
    )


def heads_own_problem(section: Section) -> bool:
    """Whether a sub-section's heading names an error or asks a question (no part of a problem's):
    a problem of its own."""
    if heading_role(section.title) is not Role.TOPIC:
        return False
    return section_kind(section) in (Kind.ERROR, Kind.QUESTION)


def _topic_sections(section: Section) -> int:
    """How many sections under ``section`` (at any depth) head a topic of their own rather than a
    part of a problem (Cause, Resolution, Method 2, Step 3)."""
    return sum(
        1
        for s in section.walk()[1:]
        if heading_role(s.title) is Role.TOPIC
        and section_kind(s) is not Kind.ALTERNATIVE
        and heading_number(s.title) is None
    )


def section_role(section: Section) -> Role:
    """A section's role by its heading (:func:`heading_role`), but a closing prompt that asks whether the
    fix worked ("Still stuck?") over numbered steps or commands of its own heads them, a topic as any
    question does: it is boilerplate where it only sends the reader on, a bulleted list of links to
    support as well. Read as boilerplate, a further fix (a factory reset) was left out of every problem.
    A runbook's Triage over a numbered list is a fix's first group of steps. A name of what is seen over
    sub-sections that are problems of their own (:func:`groups_problems`) is their container."""
    if section.illustrates:
        return Role.BOILERPLATE
    role = heading_role(section.title)
    if (
        role is Role.INFO
        and is_triage(section.title)
        and any(b.type == "ordered_list" for b in section.blocks)
    ):
        # A runbook's Triage numbered ("1. Acknowledge the page. 2. Check the dashboard.") is the
        # first of its groups of steps, before Mitigation; its checks written as bullets or
        # questions ("Is the consumer running?") stay how to confirm the alert.
        return Role.RESOLUTION
    if (
        role is Role.BOILERPLATE
        and names_additional_information(section.title)
        and any(not has_links(b) and not _leads_in(b) for b in section.blocks)
    ):
        # Its text, not links to read elsewhere: more about the problem ("If the error persists, run
        # …"), as "More information" is. Read as boilerplate, it was left out of the problem. A sentence
        # that only announces the links ("see the following articles:") says nothing more.
        return Role.INFO
    if role is Role.TOPIC and names_related_items(section.title) and _links_only(section.blocks):
        # A help desk portal's "Related Items" field, a list of links to its other articles: read as the last
        # problem's body, their titles were its words. Over a paragraph or steps it names what fails (a
        # storefront's "Related items" carousel), a problem of its own.
        return Role.BOILERPLATE
    if role is Role.BOILERPLATE and asks_if_fixed(section.title):
        told = [b for b in section.blocks if b.type != "bullet_list" or _further_fixes(b)]
        return Role.TOPIC if is_procedural(told) else role
    if role is Role.TOPIC and _logs_activity(section):
        # A card's activity log under its own heading ("Activity", "History"): who moved or added the card
        # when, no fix. Read as the fix of the card's problem, its lines were the steps of the answer.
        return Role.BOILERPLATE
    if role is Role.RESOLUTION and answers_cases(section):
        return Role.CONTAINER
    if role is Role.SYMPTOMS and groups_parted_problems(section):
        return Role.CONTAINER
    return role


def _logs_activity(section: Section) -> bool:
    """Whether a section's text is an activity log only: lists, and every item of them an entry that
    says who did what and when (:data:`_ACTIVITY_ENTRY`). A section whose heading says "Activity" over
    what to do ("Open the account's Activity tab.") holds steps."""
    said = [b for b in section.blocks if block_text(b)]
    items = [item for b in said if b.type in LISTS for item in b.children]
    return (
        bool(items)
        and all(b.type in LISTS for b in said)
        and all(_ACTIVITY_ENTRY.match(block_text(item)) for item in items)
    )


def _links_only(blocks: list[SyntaxTreeNode]) -> bool:
    """Whether a section's ``blocks`` are lists only, each item of them one paragraph that links elsewhere."""
    return bool(blocks) and all(
        b.type in LISTS
        and all(
            len(item.children) == 1 and item.children[0].type == "paragraph" and has_links(item)
            for item in b.children
        )
        for b in blocks
    )


def _leads_in(block: SyntaxTreeNode) -> bool:
    """Whether ``block`` is a paragraph that announces what follows it, ending in a colon."""
    return block.type == "paragraph" and block_text(block).rstrip().endswith(":")


def runbook_checks(parts: list[Section]) -> list[Section]:
    """Of an alert runbook's parts (Meaning, Impact, Diagnosis, Mitigation), the Diagnosis, Triage or
    Investigation before its Mitigation that lists checks to run: what the one on call does first,
    the first group of the fix's steps. A support article's Diagnostic Steps beside its Resolution
    confirm the problem instead, and so do checks written as questions ("Is the consumer running?")."""
    fixes = [n for n, part in enumerate(parts) if is_mitigation(part.title)]
    if not fixes:
        return []
    return [
        part
        for part in parts[: fixes[0]]
        if heading_role(part.title) is Role.INFO
        and is_diagnosis(part.title)
        and any(b.type in LISTS for b in part.blocks)
        and not any("?" in block_text(b) for b in part.blocks if b.type in LISTS)
    ]


def groups_parted_problems(section: Section) -> bool:
    """Whether a name of what is seen ("Problems", as a POD manual's "=head1 PROBLEMS" writes it) heads
    sub-sections that each say what goes wrong in parts of their own: a problem each, not the symptoms
    of one. Read as symptoms, every problem under it was merged into one."""
    return (
        heading_role(section.title) is Role.SYMPTOMS
        and len(section.children) >= 2
        and sum(1 for c in section.children if states_own_problem(c)) >= 2
        and not is_procedural(section.blocks)
    )


def answers_cases(section: Section) -> bool:
    """Whether ``section`` is a knowledge item's Answer field that covers several cases, a heading and a
    fix each (TOPdesk's "Antwoord" over "1. The display shows …", "2. Your job is held …"): each case is
    a problem with its own cause, the item's Question what they are about. Read as one fix, under the
    Question as its symptoms, the last case's cause was every case's."""
    return (
        len(section.children) >= 2
        and is_answer_field(section.title)
        and all(is_procedural(child.blocks) for child in section.children)
    )


# Where a sentence's clauses part: an item may open on a condition ("If … is open, set … to …").
_CLAUSE_BREAK = re.compile(r"[.,;:!?]\s+")


def _further_fixes(block: SyntaxTreeNode) -> bool:
    """Whether a bulleted list under a closing prompt ("Still not working?") gives more fixes: each item
    says what to do in one of its clauses ("Sign out and sign back in.", "If it is open on your computer,
    set … to …"), and one at least links nowhere and sends the reader to no support. A help centre
    writes its further fixes as bullets as often as its links to support; read as those, its fixes
    were lost."""
    if block.type != "bullet_list" or not block.children:
        return False
    texts = [block_text(item) for item in block.children]
    if not all(any(map(reads_as_instruction, _CLAUSE_BREAK.split(text))) for text in texts):
        return False
    return any(
        not sends_on(text) and not any(node.type == "link" for node in item.walk())
        for item, text in zip(block.children, texts, strict=True)
    )


def introduced_fixes(root: Section) -> int:
    """How many of a page's sections, from its first, fix the error that its own text under its title
    shows: a help page states the problem and its message first, then a section per device or per way
    to fix it ("## On Android", "## Check your network connection"), each of steps or a list, none with
    an error of its own; after them only sections that each head another problem by the error their
    heading quotes ('## If you see "Storage is full"'). Read as a how-to's topics, each section was a
    problem with no error, and the page's error answered none of them. 0 for any other page."""
    if not root.children or is_procedural(root.blocks) or not messages_in(root.blocks):
        return 0
    told = [c for c in root.children if section_role(c) is not Role.BOILERPLATE]
    fixes = sum(1 for _ in takewhile(_fixes_stated_problem, told))
    if not fixes or not all(heading_messages(c) for c in told[fixes:]):
        return 0
    return root.children.index(told[fixes - 1]) + 1


def _fixes_stated_problem(section: Section) -> bool:
    """Whether a section under a page that states its problem is only a way to fix it: no sub-sections,
    no part's name, no error of its own (a heading may name a failure in general words, "Known
    conflicts", but quotes no message or code), and steps or a list ("Still not working?" with its own)."""
    kind = section_kind(section)
    return (
        not section.children
        and section_role(section) is Role.TOPIC
        and (kind in (Kind.PLAIN, Kind.ERROR) or asks_if_fixed(section.title))
        and not heading_messages(section)
        and not error_codes(section.title)
        and not messages_in(section.blocks)
        and is_procedural(section.blocks)
    )


def role_in_problem(section: Section, inherited: Role | None) -> Role:
    """A section's role inside a problem: its own, else its parent's, else by its content."""
    if section_kind(section) is Kind.ALTERNATIVE:
        if is_cause_alternative(section.title) and (
            not is_procedural(section.blocks) or not section.children
        ):
            return Role.CAUSE
        return Role.RESOLUTION
    role = section_role(section)
    if inherited is Role.SYMPTOMS and role is Role.RESOLUTION and names_bare_steps(section.title):
        # My Oracle Support's "STEPS" under its SYMPTOMS say how the failure was reached, as "Steps to
        # reproduce" does: read as the fix, they came first in the answer, before its SOLUTION.
        return Role.INFO
    if role is Role.BOILERPLATE and inherited is None and names_environment(section.title):
        # "Affected versions" among a problem's parts: where it is seen (a page's own versions are
        # boilerplate, and so are they on a page of no problem).
        return Role.SEEN_IN
    if (
        role is Role.INFO
        and inherited is None
        and names_escalation(section.title)
        and is_procedural(section.blocks)
    ):
        # A runbook's "Escalation" after its Mitigation that lists what to do next ("After 20 minutes, page
        # the database on-call."): more steps of its fix, as a part of no name of its own that lists steps
        # is. Only beside the problems (an SOP's closing section, in prose) is it no more than their text.
        return Role.RESOLUTION
    if inherited in PROBLEM_PART_ROLES - {Role.RESOLUTION} and is_introduction(section.title):
        # A part's "Background" (a form's Cause panel whose body opens with "<h3>Background</h3>"): more of
        # that part, in no words of its own. Read as more about the problem, the problem had no cause. Not
        # under a Resolution: its "Overview" before the "Steps" introduces the fix, and read as more of it,
        # its sentence was a group of steps of its own.
        return inherited
    if role in PROBLEM_PART_ROLES or role in (Role.BOILERPLATE, Role.INFO):
        # Before the numbering: "## 1. Symptoms", "## 2. Cause" number the parts they name.
        return role
    if heading_number(section.title) is not None and inherited is None and not section.children:
        return Role.RESOLUTION
    if (
        role is Role.CONTAINER
        and inherited is None
        and not section.children
        and names_questions(section.title)
    ):
        # "FAQ" after a problem's fix, its questions and answers a list: more about the problem
        # (searchable), not more steps of its fix. ("Troubleshooting" after it stays steps.)
        return Role.INFO
    if inherited is None and names_environment(section.title):
        return Role.SEEN_IN
    if inherited is None and names_indicators(section.title):
        return Role.SYMPTOMS
    if inherited is not None:
        return inherited
    # "Environment correction": a section of commands or steps is part of the fix.
    if is_procedural(section.blocks):
        return Role.RESOLUTION
    return Role.TOPIC


def fix_after_cause(section: Section) -> list[SyntaxTreeNode]:
    """A frame's own blocks that are its fix: those after a part that states the cause in one
    labelled paragraph ("**Cause:** the token expired.", its steps right under it), up to the next
    part, when they tell the reader what to do and no part of the frame is a fix; [] otherwise.

    A labelled paragraph names itself only, so what follows it stood in the frame's own text, which
    describes the problem: the fix was lost and the frame had no steps.
    """
    roles = [role_in_problem(child, None) for child in section.children]
    if Role.RESOLUTION in roles:
        return []
    causes = [child for child, role in zip(section.children, roles, strict=True) if role is Role.CAUSE]
    if not causes:
        return []
    after = causes[-1].line
    if causes[-1].blocks and all(line_of(b) == after for b in section.blocks):
        # The frame's blocks all on the cause's line, as DocBook writes a whole section on one line: by
        # line, the procedure after "**Cause.** …" stood nowhere after it, and the problem lost its steps,
        # then itself. Its place in the Markdown the page was converted to tells.
        placed = _place(causes[-1].blocks[0])
        later = [_place(c.blocks[0]) for c in section.children if c.blocks and _place(c.blocks[0]) > placed]
        blocks = [b for b in section.blocks if placed < _place(b) and not any(_place(b) > p for p in later)]
    else:
        following = min((child.line for child in section.children if child.line > after), default=section.end)
        blocks = [
            b for b in section.blocks if after < line_of(b) and (not following or line_of(b) < following)
        ]
    # A procedure written as a table ("Step | What to do", a rich-text editor's usual form) is as much a
    # fix as a list is: taken for the frame's text, its problem had no steps and the page's problems were
    # merged into one of the whole article. So is one written as "Step N:" paragraphs (Google Docs'
    # "**Step 1:** Open Admin > Pending uploads.", with no list under any of them): taken for the frame's
    # text, the problem was left out of the answers.
    fixes = is_procedural(blocks) or any(is_step_table(b) for b in blocks) or bool(stepped_paragraphs(blocks))
    return blocks if fixes and _opens_fix(blocks) else []


def _place(block: SyntaxTreeNode) -> tuple[int, int]:
    """Where a block stands: its line, then, on a page converted from HTML, its line in the Markdown it
    was converted to (0 elsewhere)."""
    converted = block.meta.get("kb_converted") if block.meta else None
    return line_of(block), converted[1][0] if converted else 0


def _opens_fix(blocks: list[SyntaxTreeNode]) -> bool:
    """Whether what follows a labelled cause opens as a fix does: with its steps or commands, a tab's,
    a paragraph that says what to do ("To fix it:", "Sign in again, then …"), or a procedure's title
    over its list ("To bring the printer online"). A lead-in that says something else ("**Steps to
    reproduce:**", "To find the affected tiles:") heads a list that shows the problem, not its fix."""
    at, first = next(((i, b) for i, b in enumerate(blocks) if block_text(b)), (0, None))
    if first is None or first.type != "paragraph" or in_tab(first):
        return True
    text = block_text(first)
    if reads_as_instruction(text):
        return True
    following = blocks[at + 1] if at + 1 < len(blocks) else None
    return following is not None and following.type in LISTS and is_procedure_title(text)


def resolution_mode(section: Section) -> Mode:
    """How a fix section's own blocks are read: as prose only when nothing under it has a list.

    An intro paragraph before "Method 1" / "Method 2" sub-sections is a lead-in, not a step.
    """
    return (
        Mode.LISTS
        if any(b.type in LISTS for s in section.walk() for b in unwrapped(s.blocks))
        else Mode.PROSE
    )


def is_procedural(blocks: list[SyntaxTreeNode]) -> bool:
    """Blocks that tell the reader what to do: a list of steps or a command to run (not the
    error a section shows in a code block: "The sync log has:" then the failed upload)."""
    shown: set[int] | None = None
    for index, block in enumerate(blocks):
        if block.type in LISTS and not is_navigation(block):
            return True
        if block.type in CODE:
            if shown is None:
                shown = {q.block for q in messages_in(blocks)}
            if index not in shown or not reads_as_failure(block_text(block)):
                return True
    return False


def heading_messages(section: Section) -> list[str]:
    """The error text an error heading quotes: the message it says to fix, its code spans or quotes,
    else the words after "Error:" or after an error code ("QRY-00104: deadlock detected …")."""
    fixed = fixed_message(section.title)
    if fixed:
        return [fixed]
    quoted = [q.text for q in section.quoted if message_like(q)]
    if quoted:
        return quoted
    stripped = _ERROR_TITLE_PREFIX.sub("", section.title)
    if stripped != section.title and stripped:
        return [stripped]
    coded = _CODE_THEN_MESSAGE.fullmatch(section.title.strip())
    if coded and error_codes(coded.group(1), named=False) and not _DATED_RECORD.fullmatch(coded.group(1)):
        # What a ticket or a decision record is titled by, what to do, is no message: "JIRA-1234: fix
        # login redirect", "ADR-0007: Use PostgreSQL for the event store". A message reads as one, or
        # is written as programs print theirs, in lower case ("TW-102: station ID unknown").
        said = coded.group(2)
        if (
            not reads_as_instruction(said)
            and (said[:1].islower() or message_like(Quoted(said, code=False)) or _states_cause(section))
            and not _shows_coded_message(section, coded.group(1))
        ):
            return [said]
    return []


def _shows_coded_message(section: Section, code: str) -> bool:
    """Whether a section's own blocks show a message that opens with ``code``, its heading's: the words
    after the code in the heading then name the error ("AADSTS50011: reply URL mismatch" over the
    "AADSTS50011: The redirect URI … does not match …" a code block shows), and were a message of their own."""
    # Anywhere in the message, as a whole code: the app's words or a log line's time may come before it
    # ("Sign-in failed. AADSTS50105: …"), and "E21" is not shown by "E2105: …".
    shown = re.compile(rf"(?<![\w-]){re.escape(code)}(?![\w-])")
    return any(shown.search(q.text) for q in messages_in(section.blocks))


def _states_cause(section: Section) -> bool:
    """Whether a section's own parts give a cause, as a message reference's entry does (its Cause and
    Action): what its heading says after the code is then the message a program prints, however short
    ("Peer busy"), not a record's or a guide's name."""
    return any(section_role(child) is Role.CAUSE for child in section.children)


def fallback_roles(root: Section) -> list[tuple[Section, Role]]:
    """Every section with its heading's role; a plain sub-heading takes its parent's ("Heavy load"
    under "Root cause" is a cause)."""
    out: list[tuple[Section, Role]] = []
    _roles_below(root, Role.TOPIC, None, out)
    return out


def _roles_below(section: Section, own: Role, parent: Role | None, out: list[tuple[Section, Role]]) -> None:
    """Add ``section`` (whose heading's role is ``own``) and the sections below it to ``out`` (see
    fallback_roles). Not a recursive closure: see resolutions_with_steps."""
    role = parent if own is Role.TOPIC and parent is not None else own
    out.append((section, role))
    for child in section.children:
        _roles_below(child, section_role(child), role if role is not Role.TOPIC else None, out)


def resolutions_with_steps(section: Section, parent: Role | None, found: list[Section]) -> None:
    """Add to ``found`` ``section`` and the sections below it that are resolutions with steps,
    but not below boilerplate (see ``_Reader._named_groups`` in :mod:`indexer.markdown_article`).

    A module function rather than a recursive closure over ``found``: the closure is a
    reference cycle, and ``found`` held the article's sections and through them its whole
    syntax tree, which only the garbage collector then freed.
    """
    role = role_in_problem(section, parent)
    if role is Role.RESOLUTION and has_steps(unwrapped(section.blocks), mode=resolution_mode(section)):
        found.append(section)
    if role is not Role.BOILERPLATE:
        others = other_answers(section.children)
        for child in section.children:
            if child not in others:
                resolutions_with_steps(child, role if role is not Role.TOPIC else None, found)


def other_answers(sections: list[Section]) -> list[Section]:
    """Of a question's answer posts ("Accepted answer · 812 votes", "Answer · 97 votes"), all but the
    one that answers it: the accepted one, or else the first. The others say what worked for someone
    else ("In my case the server listened on 5433"): searchable, but no part of its fix or cause."""
    posts = [s for s in sections if answer_post(s.title)]
    chosen = next((s for s in posts if answer_post(s.title) == "accepted"), posts[0] if posts else None)
    return [s for s in posts if s is not chosen]


def is_one_of_causes(section: Section) -> bool:
    """A numbered cause with no sub-sections ("Root Cause 2: DNS"): it may hold its own fix."""
    return (
        not section.children
        and section_kind(section) is Kind.ALTERNATIVE
        and is_cause_alternative(section.title)
    )


# A heading that numbers a step of a fix ("Step 3: Start the service"), and the step it says.
_STEP_HEADING = re.compile(r"step\s*\d{1,3}\s*[:.)\u2013\u2014-]\s*(?P<said>\S.*)", re.IGNORECASE)


def heading_source(line: str) -> str:
    """A heading's or bold line's Markdown without its marks ("#### ", "**") and attributes
    (``{#start}``): its inline code stays."""
    marked = re.sub(r"^\s*#{1,6}\s+|\s+#+\s*$", "", line).strip()
    return without_heading_attributes(marked).strip("*_").strip()


def step_heading(title: str) -> str:
    """The step a heading that numbers one says ("Start the service." of "Step 3: Start the
    service."); "" for any other heading."""
    found = _STEP_HEADING.fullmatch(title.strip())
    return found["said"] if found else ""


def heading_words(title: str) -> str:
    """The words of a sub-heading beyond its role: all of a topic's, those after "Cause 2:"."""
    if heading_role(title) is Role.TOPIC:
        return title
    return title.split(":", 1)[1].strip() if ":" in title else ""
