"""Blocks of a section → ordered resolution steps, as a reader would follow them.

Three ways authors write a fix, one reader for each:

* ``LISTS``: numbered or bulleted lists are the steps; a paragraph before the first
  list introduces them, a paragraph ending in ":" after some steps starts a new group
  ("To verify the issuer URL:"), other paragraphs between and after lists are remarks,
  except where the numbering goes on across them ("2." … a paragraph, a bulleted list … "3."):
  there they are the step's before them, its text and its sub-steps;
* ``PROSE``: no list at all, so every paragraph is a step (most documentation is
  written this way);
* ``ANSWER``: an answer to a question, where paragraphs and list items alike are steps.

In every mode a code block, table or call-out belongs to the step before it
("Install them with:" and the command are one step); a code block with no step
before it is a step of its own; a call-out with none is not a step. In ``LISTS`` mode
what follows the last list is not the last step's: a call-out there, and every block
after a remark, is a note (unless indented under the step, or announced by a step
ending in ":").
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import Enum

from markdown_it.tree import SyntaxTreeNode

from indexer.dates import DATE, DATE_DE
from indexer.errortext import FAILURE_WORDS
from indexer.inline_text import inline_parts, inline_text
from indexer.labelled_items import without_label
from indexer.markup import FOLD_TITLE, token_meta
from indexer.messages import announces_causes, cell_with_output, last_sentence, pairs_problems_with_fixes
from indexer.page_links import labelled_links
from indexer.records import Note, Step
from indexer.roles import (
    STEP_WORDS,
    names_fixing_release,
    names_workaround,
    reads_as_cause,
    reads_as_instruction,
    says_the_fix,
)
from indexer.sections import (
    CODE,
    FIX_ALTERNATIVE,
    LISTS,
    block_source,
    block_text,
    bold_run,
    cell_texts,
    in_tab,
    is_callout,
    is_navigation,
    is_step_table,
    line_of,
    list_start,
    markdown_text,
    row_sources,
    source_slice,
    tab_label,
    tab_label_alone,
    table_rows,
)

# A table cell that only numbers its row ("1", "2.", "Step 3"): the step's number, not its text.
_ROW_NUMBER = re.compile(rf"(?:(?:{STEP_WORDS})\s*)?(\d{{1,3}})[.):]?", re.IGNORECASE)
# A paragraph that numbers itself as the step after a list's last ("Step 4: Check the portal."),
# in its text and in its Markdown source (where the label may be bold), in another language too
# ("चरण 4: …").
_NEXT_STEP = re.compile(rf"(?:{STEP_WORDS})\s+(\d{{1,3}})\s*[:.)\u2013\u2014-]\s+(?=\S)", re.IGNORECASE)
_NEXT_STEP_SOURCE = re.compile(
    rf"[*_]{{0,2}}(?:{STEP_WORDS})\s+\d{{1,3}}[*_]{{0,2}}\s*[:.)\u2013\u2014-][*_]{{0,2}}\s*", re.IGNORECASE
)
# A paragraph that is one bold line numbering a step by its title ("**2. Clean the door latch**"), as a
# consumer FAQ's "Try these steps" writes each step over what it says to do: its number, then the title.
_NUMBERED_TITLE = re.compile(r"(\d{1,3})[.)]\s+(?=\S)")
_NUMBERED_TITLE_SOURCE = re.compile(r"([*_]{2})\d{1,3}\\?[.)]\s*")
# A paragraph this long is an explanation, not a group heading, even if it ends in ':'.
MAX_GROUP_LEAD = 200
# How a bulleted item ends that offers the next item as another way out ("Finish the DNS steps and click
# Verify, or"): the items are one choice (see _StepReader._choices). "Or" in the languages whose help
# centres are read too ("…, oder", "…, ou", "…, o", Dutch "…, of", "…, или", "…、または"): in English only, a
# German choice was two steps to do one after the other.
_OFFERS_CHOICE = re.compile(r"(?:^|[\s,;、])(?:or|oder|ou|o|of|eller|или|または)$", re.IGNORECASE)
# The longest bold name of a case a bulleted item opens with (see _StepReader._case_labels).
MAX_CASE_LABEL = 60
# Bold labels that order steps, not cases: "**First:** … **Next:** … **Finally:** …" is one procedure.
_SEQUENCE_LABEL = re.compile(
    r"(?i:first(?:ly)?|second(?:ly)?|third(?:ly)?|then|next|after that|afterwards|finally|lastly|last|"
    r"step \w+|before you (?:begin|start))"
)
# One of several ways, named before its steps without a colon at the end: "Option A: merge the
# records (preferred).", "Method 2", "Workaround 1 - restart the agent".
# The names of alternatives a label has (FIX_ALTERNATIVE), then a mark that ends the name, or nothing.
_ALTERNATIVE_LEAD = re.compile(FIX_ALTERNATIVE.pattern + r"(?:\s*[:.)\u2013\u2014-]|$)", re.IGNORECASE)
# What follows a name a list item defines: "`on:` is the day", "`why` - the reason".
_DEFINITION = re.compile(r"\s*(:|[-\u2013\u2014]\s|(is|are|sets|means)\b)")
# A list named as a description ("Pros:", "Parameters:"), not as things to do.
# Pandoc's caption of the table above it: ": Table 5 Checks for LS-17", "Table: Ports to open".
_TABLE_CAPTION = re.compile(r"(?::|table:)[ \t]+\S", re.IGNORECASE)
# The caption a Word document sets under its picture, as Pandoc writes it: "Figure 2: Rolling back …".
_FIGURE_CAPTION = re.compile(r"(?:figure|fig\.)[ \t]*\d{1,3}[ \t]*[:.\u2013\u2014-][ \t]*\S", re.IGNORECASE)
# A note numbered in brackets, as a converted document writes its endnotes: "[1] Firmware updates …".
_ENDNOTE = re.compile(r"\[\d{1,3}\][ \t]+\S")
_DESCRIBED = re.compile(
    r"(pros|cons|advantages|disadvantages|benefits|drawbacks|limitations|trade-?offs|parameters|arguments|"
    r"fields|properties|attributes)\s*:",
    re.IGNORECASE,
)
# A lead-in that says its bulleted list holds conditions or criteria, not things to do: "Bottles
# are not used when:", "… if you are:", "Tier 2 configurations include:", "… must meet all of the
# following:", "… if at least one of the following are true:". The conditions follow the colon:
# "When the build passes:" leads steps.
_CONDITIONS_LEAD = re.compile(
    r"(?:\b(?:when|if you are|unless|in which|include|includes|including|(?:is|are) true)|"
    r"\bmust (?:meet|satisfy|have)\b.*|\bthe following (?:conditions|criteria|requirements|standards)\b.*)\s*:$",
    re.IGNORECASE,
)
# A lead-in whose last sentence says its bulleted list shows what comes of something, not things to
# do: "This will result in:", or what an example shows ("In this example, pip cannot install them,
# because:"). Not "for example:", which lists the things to do as often as what they give.
_EXAMPLES_LEAD = re.compile(
    r"\b(?:(?:will|would|should) result in|results in|resulting in)\s*:$", re.IGNORECASE
)
_EXAMPLE_EXPLAINED = re.compile(r"in (?:this|that|the (?:above|previous)) example\b", re.IGNORECASE)
# "Common fixes include:": what follows is what to do, whatever verbs its items start with.
_NAMES_FIXES = re.compile(
    r"\b(fix|fixes|solutions?|workarounds?|steps?|methods?|options?|actions?|resolutions?|remed(y|ies))\b",
    re.IGNORECASE,
)
# Only the end of a lead-in says what its list is.
_LEAD_TAIL = 100
# A check the reader may run besides the fix ("To check compliance first, you can run:", "Optionally,
# verify it with:"): offered, in a check's words, it is no step to follow. An offered alternative
# ("If you want to prefer one package, you can pin it:") stays one.
_OFFERED_CHECK = re.compile(
    r"^(?=.*\b(?:you|one) (?:can|may|could)\b|.*\boptional(?:ly)?\b)"
    r"(?=.*\b(?:check|verify|confirm|validate|test)(?:s|ing)?\b)",
    re.IGNORECASE | re.DOTALL,
)


# A sentence's end before the last: one sentence has none.
_INNER_SENTENCE_END = re.compile(r"[.!?]\s+\S")


class Mode(Enum):
    """How a section's blocks are read as steps."""

    LISTS = "lists"
    PROSE = "prose"
    ANSWER = "answer"


@dataclass
class StepRun:
    """What reading a section gave: its steps, and the blocks that were not steps."""

    steps: list[Step] = field(default_factory=list)
    # Blocks before the first step (lead-ins, descriptions) and call-outs with no step.
    preamble: list[SyntaxTreeNode] = field(default_factory=list)
    leftover: list[SyntaxTreeNode] = field(default_factory=list)
    # A list that a paragraph announces as causes ("…one of the following problems:"), with that paragraph.
    causes: list[SyntaxTreeNode] = field(default_factory=list)
    # A list of conditions before the steps ("Users see this prompt when:"), with its lead-in:
    # what the problem is, not a step.
    described: list[SyntaxTreeNode] = field(default_factory=list)
    # The ids of the blocks that follow a set of tabs: left over, remarks on all of them, not on the
    # last tab's steps.
    after_tabs: set[int] = field(default_factory=set)
    # What a paragraph says before the steps it numbers inline ("You need admin rights. (1) Open …"):
    # a lead-in, though the block is a step's.
    lead_notes: list[Note] = field(default_factory=list)


def notes_of(run: StepRun, lines: list[str]) -> list[Note]:
    """The lead-ins and remarks of ``run`` (its preamble and leftover blocks) as notes, by where
    they stand among its steps: after the last step above them, in its group, or else before the
    first step, in its group. A run with no steps gives notes too (a fix's lead-in above the
    sub-sections that hold its steps). A hand-made table of contents is left out (it is where to
    read, not what to do), and so is a block with no line (a footnote, gathered at the end)."""
    # Steps are in the order of their lines: the last one above a block is found by bisection
    # (an article of thousands of steps and remarks would otherwise cost the product of the two).
    step_lines = [step.line for step in run.steps]
    first_group = run.steps[0].group if run.steps else None
    notes = []
    blocks = [*run.preamble, *run.leftover]
    labelled: set[int] = set()
    for index, block in enumerate(blocks):
        text, line = block_text(block), line_of(block)
        if not text or not line or is_navigation(block) or id(block) in labelled:
            continue
        markdown = block_source(block, lines)
        following = blocks[index + 1] if index + 1 < len(blocks) else None
        if (
            tab_label_alone(block)
            and following is not None
            and in_tab(following)
            and not tab_label(following)
        ):
            # A tab's label over its code ("Node.js:", then the snippet) says whose code it is: one note.
            labelled.add(id(following))
            text = f"{text} {block_text(following)}"
            markdown = f"{markdown}\n\n{block_source(following, lines)}"
        # A lead-in is before the first step even on its line: a page converted from HTML gives each
        # block its element's line, and DocBook writes a procedure, its title and its steps, on one
        # (its title was a note after the steps).
        above = (bisect_left if index < len(run.preamble) else bisect_right)(step_lines, line) - 1
        # A remark after a set of tabs is on all of them: no group's.
        above_group = run.steps[above].group if above >= 0 else first_group
        group = None if id(block) in run.after_tabs else above_group
        notes.append(Note(markdown, text, line, group, above >= 0))
    return sorted([*notes, *run.lead_notes], key=lambda note: note.line)


def unwrapped(blocks: list[SyntaxTreeNode]) -> list[SyntaxTreeNode]:
    """``blocks`` with each call-out or quote that holds a list replaced by what it holds, when
    nothing outside one is a step (no list, no code, no paragraph but a lead-in ending in ":"):
    a fix written whole in a "> [!IMPORTANT]" box, or quoted, is still its steps (it was read as
    an error message, or as no step at all). Beside steps, such a box is a remark on them."""
    if not any(_holds_a_list(b) for b in blocks):
        return blocks
    for block in blocks:
        if _holds_a_list(block) or block.type in ("heading", "html_block") or not block_text(block):
            continue
        if block.type != "paragraph" or not block_text(block).endswith(":"):
            return blocks
    out: list[SyntaxTreeNode] = []
    for block in blocks:
        out.extend(block.children if _holds_a_list(block) else [block])
    return out


def _holds_a_list(block: SyntaxTreeNode) -> bool:
    return (block.type == "blockquote" or is_callout(block)) and any(
        c.type in LISTS and not is_navigation(c) for c in block.children
    )


def mode_for(blocks: list[SyntaxTreeNode]) -> Mode:
    """LISTS when the blocks hold a list of steps, else PROSE (a question's answer is read as ANSWER)."""
    return Mode.LISTS if any(_may_hold_steps(blocks, i) for i in range(len(blocks))) else Mode.PROSE


def _may_hold_steps(blocks: list[SyntaxTreeNode], index: int) -> bool:
    """Whether the block at ``index`` is a list that can be steps: no table of contents, no description."""
    block = blocks[index]
    return block.type in LISTS and not is_navigation(block) and not _described(blocks, index)


# The most words a toggle's name has: a label ("Escalation contacts"), not a sentence.
MAX_TOGGLE_NAME_WORDS = 6


def _is_toggle(item: SyntaxTreeNode) -> bool:
    """Whether a list item is a toggle as Notion exports one: a short name, no sentence and no
    instruction, over paragraphs indented under it."""
    children = item.children
    if len(children) < 2 or any(child.type != "paragraph" for child in children):
        return False
    name = block_text(children[0])
    return (
        "\n" not in name
        and len(name.split()) <= MAX_TOGGLE_NAME_WORDS
        and not name.endswith((".", ":", "?", "!"))
        and not reads_as_instruction(name)
    )


def _only_image(block: SyntaxTreeNode) -> bool:
    """Whether ``block`` is a paragraph of one picture and nothing else (``![](media/image4.png)``)."""
    parts = inline_parts(block, spacing=False)
    return len(parts) == 1 and parts[0].type == "image"


def _only_emphasis(block: SyntaxTreeNode) -> bool:
    """Whether ``block`` is a paragraph wholly in italics (``*Figure 2: …*``)."""
    parts = inline_parts(block, spacing=False)
    return len(parts) == 1 and parts[0].type == "em"


def _described(blocks: list[SyntaxTreeNode], index: int) -> bool:
    """Whether the list at ``index`` describes rather than instructs: it follows a label that names
    it so ("Cons:"), or each item defines a name in code ("`on:` is the day it starts")."""
    before = blocks[index - 1] if index > 0 else None
    if before is not None and before.type == "paragraph" and _DESCRIBED.fullmatch(block_text(before)):
        return True
    items = blocks[index].children
    return blocks[index].type == "bullet_list" and len(items) >= 2 and all(_defines(item) for item in items)


def _conditions(lead: SyntaxTreeNode | None, bullets: SyntaxTreeNode | None) -> bool:
    """Whether ``bullets`` are the conditions or criteria that the paragraph ``lead`` introduces
    ("Usually, pip is automatically installed if you are:" then "- working in a virtual
    environment"): the lead-in says so (:data:`_CONDITIONS_LEAD`) without telling what to do, and
    no item instructs or holds a command. Read as steps, each condition was numbered as a thing to do."""
    if lead is None or bullets is None or not _lead_and_bullets(lead, bullets):
        return False
    return bool(_CONDITIONS_LEAD.search(block_text(lead)[-_LEAD_TAIL:])) and _tells_nothing_to_do(
        lead, bullets
    )


def _examples(lead: SyntaxTreeNode | None, bullets: SyntaxTreeNode | None) -> bool:
    """Whether ``bullets`` show what comes of what the steps did, as the paragraph ``lead`` says
    ("This will result in:" then the versions installed; "In this example, pip cannot install them,
    because:"), no item instructing or holding a command. Read as steps, each outcome was numbered
    as a thing to do: they are read as a list of conditions is, one step with their lead-in, or
    before the steps the problem's description."""
    if lead is None or bullets is None or not _lead_and_bullets(lead, bullets):
        return False
    last = last_sentence(block_text(lead))
    shows = _EXAMPLES_LEAD.search(last) or (last.endswith(":") and _EXAMPLE_EXPLAINED.match(last))
    return bool(shows) and _tells_nothing_to_do(lead, bullets)


def _lead_and_bullets(lead: SyntaxTreeNode, bullets: SyntaxTreeNode) -> bool:
    """A paragraph and the bulleted list right after it, neither a call-out nor links to read."""
    if lead.type != "paragraph" or bullets.type != "bullet_list":
        return False
    return not (is_navigation(bullets) or is_callout(lead))


def _tells_nothing_to_do(lead: SyntaxTreeNode, bullets: SyntaxTreeNode) -> bool:
    """Neither the lead-in nor an item instructs or names fixes, and no item holds a command."""
    text = block_text(lead)
    if reads_as_instruction(text) or _NAMES_FIXES.search(text):
        return False
    return not any(
        reads_as_instruction(block_text(item)) or any(node.type in CODE for node in item.walk())
        for item in bullets.children
    )


def _last_step_list(blocks: list[SyntaxTreeNode]) -> int:
    """The index of the last list of steps in ``blocks`` (-1 when none): a list that is no table
    of contents, no description and no list of conditions."""
    for index in range(len(blocks) - 1, -1, -1):
        if _is_step_list(blocks, index):
            return index
    return -1


def _is_step_list(blocks: list[SyntaxTreeNode], index: int) -> bool:
    """Whether the block at ``index`` is a list of steps: no table of contents, no description and
    no list of conditions."""
    return _may_hold_steps(blocks, index) and not _conditions(
        blocks[index - 1] if index else None, blocks[index]
    )


def _defines(item: SyntaxTreeNode) -> bool:
    parts = inline_parts(item.children[0]) if item.children else []
    if len(parts) < 2 or parts[0].type != "code_inline" or parts[1].type != "text":
        return False
    return parts[0].content.endswith(":") or bool(_DEFINITION.match(parts[1].content))


def read_steps(
    blocks: list[SyntaxTreeNode],
    lines: list[str],
    *,
    mode: Mode,
    group: str | None = None,
    listed_causes: bool = True,
    table_steps: bool = False,
) -> StepRun:
    """The steps ``blocks`` give in ``mode``, numbered from 1 within each group.

    With ``listed_causes``, a list that a paragraph announces as causes ("…it indicates
    one of the following problems:") is kept apart from the steps. Under a Resolution
    heading it is not: there "the error is due to one of the following issues:" lists
    checks to make. With ``table_steps`` (a fix section), a table before any step lists the
    steps, a row each; without it, only a table written as a procedure does (:func:`is_step_table`).
    """
    return _StepReader(blocks, lines, mode, group, listed_causes, table_steps).read()


class _StepReader:
    """One walk over a section's blocks (see :func:`read_steps`): each block is read by the first
    of its methods that takes it, in the order of :meth:`_read`; what none takes is left over."""

    def __init__(
        self,
        blocks: list[SyntaxTreeNode],
        lines: list[str],
        mode: Mode,
        group: str | None,
        listed_causes: bool,
        table_steps: bool,
    ) -> None:
        self.blocks, self.lines, self.mode = blocks, lines, mode
        self.listed_causes, self.table_steps = listed_causes, table_steps
        self.run = StepRun()
        # The group of the steps being read, and the number of the last step in it.
        self.group = group
        self.counter = 0
        # The code blocks, quotes and tables that follow each step (by its index), added to it once at
        # the end: adding each to the step's strings copied them again (86,000 code blocks, 2.3 s).
        self.attached: dict[int, tuple[list[str], list[str]]] = {}
        self.seen_list = False
        # A remark after the lists: what follows it is the remark's, not the last step's.
        self.after_remark = False
        self.around = _lists_around(blocks) if mode is Mode.LISTS else []
        # Read as lists for the lists of the sections under them (a Workaround's), the blocks hold none.
        self.steps_below = mode is Mode.LISTS and not _holds_lists(blocks)
        # The lead-in of the first list ("On Windows:"), which names its steps when later ones are named too.
        self.lead: SyntaxTreeNode | None = None
        self.first_group = group
        # Lead-ins of a list of conditions, each read with its list as one step (by block index).
        self.condition_leads: set[int] = set()
        # The lists read as the causes a lead-in announced (by id): a list right after one is not.
        self.cause_lists: set[int] = set()
        # Where the last list of steps is, once a list of conditions asks (see _conditions).
        self.last_steps: int | None = None
        # Where the procedure table is that the paragraphs before the first step lead to (-1: none).
        self.table_lead: int | None = None
        self.after_tabs = _after_tabs(blocks)
        # Tabs read as groups (see _tabs_as_groups), under the group the section's steps had before them.
        self.tabs_as_groups = mode is not Mode.LISTS and _tabs_as_groups(blocks)
        self.outer_group = group
        # A runbook's paragraphs "Step 1: …", "Step 2: …" (by block index, each with its number), when
        # they number a procedure from 1: what lies between two of them is more of the step before.
        self.stepped = stepped_paragraphs(blocks)

    def read(self) -> StepRun:
        """Read every block; then name the first group after its lead-in where later groups are named,
        and add to each step what was attached to it."""
        run = self.run
        for index, block in enumerate(self.blocks):
            text = block_text(block)
            if text:
                self._read(index, block, text)
        if self.lead is not None and self.group != self.first_group:
            # "On Windows:" … "On macOS:": the first label names a group as the second does.
            run.preamble.remove(self.lead)
            named = block_text(self.lead).rstrip(":").strip()
            for step in run.steps:
                if step.group != self.first_group:
                    break
                step.group = named
        run.after_tabs = self.after_tabs
        for index, (markdown, texts) in self.attached.items():
            step = run.steps[index]
            step.markdown = "\n\n".join([step.markdown, *markdown])
            step.text = "\n".join([step.text, *texts])
        return run

    def _read(self, index: int, block: SyntaxTreeNode, text: str) -> None:
        """Read one block with text."""
        if self.tabs_as_groups and (label := tab_label(block)):
            # Tabs under a group's own heading ("Default paths") are named under it.
            self.group, self.counter = f"{self.outer_group}: {label}" if self.outer_group else label, 0
            if block.meta.get("label"):
                return  # the label alone ("Linux:"): it names the group; what follows is the step
            text = text.removeprefix(f"{label}: ")  # the label the tab's text was given names its group
        if (
            self._stepped_procedure(index, block, text)
            or self._after_conditions_lead(index, block, text)
            or self._more_causes(index, block)
            or self._describes(index, block, text)
            or self._continues_a_step(index, block, text)
            or self._toggle_after_steps(index, block)
        ):
            return
        lead_item = _leads_in(self.blocks, index)
        if block.type in LISTS and not is_navigation(block) and not lead_item:
            self._list_of_steps(block, index)
        elif self._next_numbered(index, block, text):
            return
        elif (block.type == "paragraph" or lead_item) and not is_callout(block):
            self._paragraph(index, block, text)
        elif self._step_table(block):
            return
        elif is_callout(block) and id(block) in self.after_tabs and self.run.steps:
            # "!!! note" after the last tab is said of every tab, not of the last one's last step.
            self.run.leftover.append(block)
            self.after_remark = True
        elif is_callout(block) or block.type in ("blockquote", "table", *CODE):
            self._boxed(index, block, text)
        else:
            self.run.leftover.append(block)

    def _stepped_procedure(self, index: int, block: SyntaxTreeNode, text: str) -> bool:
        """A block of a procedure written as paragraphs "Step 1: …", "Step 2: …": each such paragraph
        is its step; before the first, a lead-in; a list between two of them is the sub-steps of the
        step before it ("Step 1: Pause the consumers:" then "- Open the dashboard."), and any other
        block more of that step ("Wait until the queue is empty."), as the numbers after it say.
        Read otherwise, the list's items were steps 1 and 2, and a remark one more step that
        pushed "Step 3" to number 4."""
        stepped = self.stepped
        # The last of bold titles has the one block under it as its text, as each title before it has.
        last = max(stepped, default=-1)
        titled = last >= 0 and _numbered_title(self.blocks[last])
        # A list right under the last step that leads to it ("Step 2: If the profile is missing, import
        # it:" over "- Download …") is its sub-steps, as one between two steps is: read as the fix's own
        # list, its items were steps 3 and 4.
        led = index == last + 1 and block.type in LISTS and block_text(self.blocks[last]).endswith(":")
        if not stepped or (index > last + titled and not led):
            return False
        run = self.run
        number = stepped.get(index)
        if number is not None:
            found = _step_number(block, text)
            assert found is not None  # stepped_paragraphs found it so
            self.counter = number
            self._self_numbered_step(block, text, found)
            self.seen_list = True
        elif index < min(stepped):
            run.preamble.append(block)
        elif block.type in LISTS:
            self._sub_steps(block)
        else:
            _attach(self.attached, _top_step(run.steps), block, text, self.lines)
        return True

    def _self_numbered_step(self, block: SyntaxTreeNode, text: str, found: re.Match[str]) -> None:
        """Step ``self.counter``: a paragraph that gives its own number (``found``, "Step 4: Check the
        portal."), without it."""
        source = block_source(block, self.lines)
        if _numbered_title(block):
            # The title stays bold, as written: "**Clean the door latch**".
            source = _NUMBERED_TITLE_SOURCE.sub(r"\1", source, count=1)
        else:
            source = _NEXT_STEP_SOURCE.sub("", source, count=1)
        self.run.steps.append(
            Step(0, str(self.counter), source, text[found.end() :], line_of(block), self.group)
        )
        self.after_remark = False

    def _sub_steps(self, block: SyntaxTreeNode) -> None:
        """The items of list ``block`` as sub-steps of the last step, numbered on from those it has."""
        run, number, group = self.run, str(self.counter), self.group
        sub = sum(1 for step in run.steps if step.parent == number and step.group == group)
        for item in block.children:
            sub += 1
            run.steps.extend(_item_steps(item, f"{number}.{sub}", group, number, 1, self.lines))

    def _after_conditions_lead(self, index: int, block: SyntaxTreeNode, text: str) -> bool:
        """The block after a lead-in of conditions: more of what the problem is, or of that step."""
        if index - 1 not in self.condition_leads:
            return False
        run = self.run
        if run.described and run.described[-1] is self.blocks[index - 1]:
            run.described.append(block)
        else:
            _attach(self.attached, len(run.steps) - 1, block, text, self.lines)
        return True

    def _more_causes(self, index: int, block: SyntaxTreeNode) -> bool:
        """The list a lead-in announced as causes (a paragraph, or a bullet of one item): the one
        right after it, not a list after that one (the steps that follow the causes, numbered where
        the causes were bulleted)."""
        causes = self.run.causes
        if (
            block.type in LISTS
            and causes
            and causes[-1] is self.blocks[index - 1]
            and id(causes[-1]) not in self.cause_lists
        ):
            causes.append(block)
            self.cause_lists.add(id(block))
            return True
        return False

    def _describes(self, index: int, block: SyntaxTreeNode, text: str) -> bool:
        """A list or paragraph that describes the problem rather than fixing it, a table's caption
        (Pandoc's ": Table 5 Checks for LS-17" under it) or a picture's ("Figure 2: …" under it), or a
        note under a rule that closes the text ("[2] On Citrix servers set the variable system-wide.", a
        Word document's endnote): left over; a caption set apart in italics after the steps, the last step's."""
        if self.run.steps and _only_emphasis(block) and _FIGURE_CAPTION.match(text):
            # A help centre's caption set apart in italics under its screenshot after the steps ("*Figure 2:
            # Selecting PrintPass-Secure in the print dialog*", ProProfs'), whose picture a page's reader
            # keeps no text of: the step's it illustrates, as a caption inside a step is. Left over, it was
            # shown as a note, advice on the steps.
            _attach(self.attached, len(self.run.steps) - 1, block, text, self.lines)
            return True
        above = self.blocks[index - 1] if index > 0 else None
        caption = above is not None and (
            (above.type == "table" and bool(_TABLE_CAPTION.match(text)))
            or (_only_image(above) and bool(_FIGURE_CAPTION.match(text)))
        )
        endnote = bool(_ENDNOTE.match(text)) and any(b.type == "hr" for b in self.blocks[:index])
        if (block.type in LISTS and _described(self.blocks, index)) or (
            block.type == "paragraph" and (_DESCRIBED.fullmatch(text) or caption or endnote)
        ):
            self.run.leftover.append(block)
            return True
        return False

    def _continues_a_step(self, index: int, block: SyntaxTreeNode, text: str) -> bool:
        """Between "2. Add this line:" and "3. Save the file.", the line to add: written without
        indenting it, it ended the list, and the author's numbering goes on. It is the step's: a
        paragraph, a code block as always, a bulleted list its sub-steps."""
        run = self.run
        if not (self.mode is Mode.LISTS and run.steps and _continued(*self.around[index])):
            return False
        self.after_remark = False
        if block.type == "bullet_list" and _logs_verification(block):
            # "- [x] Verified on Windows 11 by @Sam Lee (Oct 3, 2026)", "- [ ] Verify on macOS 15"
            # between "1." and "2.", as a ClickUp doc keeps who tried a step: a note where it stands,
            # not sub-steps 1.1 and 1.2 for the reader to do.
            self.run.leftover.append(block)
            return True
        if block.type == "bullet_list":
            self._sub_steps(block)
            return True
        if block.type == "paragraph":
            _attach(self.attached, _top_step(run.steps), block, text, self.lines)
            return True
        return False

    def _toggle_after_steps(self, index: int, block: SyntaxTreeNode) -> bool:
        """A bulleted list right after the numbered steps whose every item is a toggle, as Notion exports
        one: a name that tells nothing to do over indented paragraphs ("- Escalation contacts" over who to
        call). What a reader opens when needed, a note after the steps; read as one more step, its name
        and paragraphs ran together. So is a checklist that logs who verified the last step (see
        _logs_verification): it was steps 3 and 4 for the reader to do."""
        if not (
            block.type == "bullet_list"
            and self.run.steps
            and index > 0
            and self.blocks[index - 1].type == "ordered_list"
            and (all(_is_toggle(item) for item in block.children) or _logs_verification(block))
        ):
            return False
        self.run.leftover.append(block)
        self.after_remark = True
        return True

    def _list_of_steps(self, block: SyntaxTreeNode, index: int) -> None:
        """A list: a step per item; or, a bulleted list of cases, a group per item (see _case_labels)."""
        if labels := self._case_labels(block, index):
            self.seen_list, self.after_remark = True, False
            for item, label in zip(block.children, labels, strict=True):
                group = f"{self.outer_group}: {label}" if self.outer_group else label
                steps = _item_steps(item, "1", group, None, 0, self.lines)
                steps[0].markdown = without_label(steps[0].markdown, label)
                steps[0].text = steps[0].text.removeprefix(f"{label}:").lstrip()
                self.run.steps.extend(steps)
            return
        if block.type == "ordered_list" and self.counter == 0:
            # "Steps 1 to 4 are in the installation guide." then "5. Stop the service.": the
            # author's numbers, which the text around the steps refers to.
            self.counter = list_start(block) - 1
        self.seen_list, self.after_remark = True, False
        # A choice's items are one step (see _choices), each other item a step of its own; an item struck
        # out is a note whether or not the list offers a choice.
        for choice in self._choices(block) or [[item] for item in block.children]:
            if len(choice) == 1 and (struck := _struck_out(choice[0])) is not None:
                self.run.lead_notes.append(
                    Note(*struck, line_of(choice[0]), self.group, bool(self.run.steps))
                )
                continue
            self.counter += 1
            if len(choice) == 1:
                self.run.steps.extend(
                    _item_steps(choice[0], str(self.counter), self.group, None, 0, self.lines)
                )
                continue
            # Each item read as a step is (its checklist box left out), then the choice's items together;
            # _choices holds no item with a list, so each is one step.
            steps = [
                _item_steps(item, str(self.counter), self.group, None, 0, self.lines)[0] for item in choice
            ]
            steps[0].text = " ".join(step.text for step in steps)
            steps[0].markdown = "\n".join(f"- {step.markdown}" for step in steps)
            self.run.steps.append(steps[0])

    def _choices(self, block: SyntaxTreeNode) -> list[list[SyntaxTreeNode]]:
        """A bulleted list of the fix that offers a choice, as its steps: each run of items that end by
        offering the next (see _OFFERS_CHOICE) is one step with the item after it, each other item a step;
        none if no item offers one or an item holds a list. A help centre writes "- Finish the DNS steps and
        click Verify, or" over "- use the default sender until verification passes.", alone or after the
        steps before it ("- Open Settings > Email."): read as a step per item, the ways out were steps to do
        one after the other."""
        items = block.children
        if (
            block.type != "bullet_list"
            or any(child.type in LISTS for item in items for child in item.children)
            or not any(_OFFERS_CHOICE.search(block_text(item)) for item in items[:-1])
        ):
            return []
        choices: list[list[SyntaxTreeNode]] = []
        offered = False
        for item in items:
            if offered:
                choices[-1].append(item)
            else:
                choices.append([item])
            offered = bool(_OFFERS_CHOICE.search(block_text(item)))
        return choices

    def _case_labels(self, block: SyntaxTreeNode, index: int) -> list[str]:
        """The cases a bulleted list of the fix's alone sets apart, an item each, by the bold label each
        item opens with, its case's name and a colon, before what to do in that case ("**Private
        channel:** type `/invite @app` in the channel.", "**Archived channel:** choose it again."): one
        or the other, no steps in a row, which they were read as (1, 2). Not when steps come before or
        another list after, nor a label that says what to do ("**Restart the agent:** …"), nor settings
        and their values ("**Port:** 587"); else []."""
        if (
            self.mode is not Mode.LISTS
            or block.type != "bullet_list"
            or len(block.children) < 2
            or self.run.steps
            or any(b.type in LISTS for b in self.blocks[index + 1 :])
        ):
            return []
        labels: list[str] = []
        for item in block.children:
            parts = (
                inline_parts(item.children[0])
                if item.children and item.children[0].type == "paragraph"
                else []
            )
            shown = inline_text(parts[0]) if len(parts) >= 2 and parts[0].type == "strong" else ""
            label = shown.removesuffix(":").strip()
            told = parts[1].content if shown and parts[1].type == "text" else ""
            if (
                not shown.endswith(":")
                or not reads_as_instruction(told.strip())
                or not label
                or len(label) > MAX_CASE_LABEL
                or reads_as_instruction(label)
                or _ROW_NUMBER.fullmatch(label)
                or _SEQUENCE_LABEL.fullmatch(label)
            ):
                return []
            labels.append(label)
        return labels if len(set(labels)) == len(labels) else []

    def _next_numbered(self, index: int, block: SyntaxTreeNode, text: str) -> bool:
        """After steps 1 to 3, "Step 4: Check the portal." goes on with them, as its number says;
        read as a remark, the fix shown lacked its last step."""
        numbered = _NEXT_STEP.match(text) if block.type == "paragraph" and self.seen_list else None
        # Not one that ends in ":" before a list: "Step 2: Clear the cache:" names the steps under it.
        blocks = self.blocks
        leads = text.endswith(":") and index + 1 < len(blocks) and blocks[index + 1].type in LISTS
        if not numbered or int(numbered.group(1)) != self.counter + 1 or leads:
            return False
        self.counter += 1
        self._self_numbered_step(block, text, numbered)
        return True

    def _closes_answer(self, index: int, text: str) -> bool:
        """Whether the paragraph at ``index`` is one sentence right after the answer's numbered list, the
        answer's last words, that tells nothing to do (see _paragraph)."""
        blocks = self.blocks
        return (
            index > 0
            and blocks[index - 1].type == "ordered_list"
            and bool(self.run.steps)
            and "\n" not in text
            and text.endswith(".")
            and not _INNER_SENTENCE_END.search(text)
            and not reads_as_instruction(text)
            and not any(block_text(b) for b in blocks[index + 1 :])
        )

    def _paragraph(self, index: int, block: SyntaxTreeNode, text: str) -> None:
        """A paragraph (or a list item's lead-in): causes announced, conditions, a group's name, a
        step, a lead-in or a remark."""
        run, blocks, mode, lines = self.run, self.blocks, self.mode, self.lines
        if mode is Mode.ANSWER and self._closes_answer(index, text):
            # "Mail normally flows again within an hour." after an answer's numbered fix, its last
            # words: what follows the fix, a note after its steps as a Resolution's is. Elsewhere an
            # answer's paragraphs are its steps.
            run.leftover.append(block)
            self.after_remark = True
            return
        following = blocks[index + 1] if index + 1 < len(blocks) else None
        before_list = following is not None and _may_hold_steps(blocks, index + 1)
        conditions = _conditions(block, following)
        if (
            self.listed_causes
            and before_list
            and (announces_causes(text) or (conditions and reads_as_cause(text)))
        ):
            # "This happens when:" and its conditions: why it happens, not what to do.
            run.causes.append(block)
            return
        if conditions or _examples(block, following):
            self.condition_leads.add(index)
            if mode is Mode.LISTS and not run.steps:
                if self.last_steps is None:
                    # Found once: asked at every list of conditions, it cost the square of their number.
                    self.last_steps = _last_step_list(blocks)
                if self.last_steps > index + 1:
                    # "Users see this prompt when:" and the conditions, then the fix: the problem.
                    run.described.append(block)
                    return
            # "Bottles are not used when:" and its conditions: one step, what the author says.
            self.counter += 1
            run.steps.append(_block_step(block, text, self.counter, lines, self.group))
            self.seen_list, self.after_remark = True, False
            return
        if mode is Mode.LISTS and before_list and not run.steps and names_workaround(text):
            self._fix_before_workaround()
        if (
            _names_group(text, block, following)
            and len(text) <= MAX_GROUP_LEAD
            and before_list
            and run.steps
            and run.steps[-1].group == self.group
        ):
            # "To verify the issuer URL:" after some steps names the steps that follow.
            self.group, self.counter = text.rstrip(":").strip(), 0
            return
        if (
            mode is Mode.LISTS
            and text.endswith(":")
            and _shows_code(following)
            and (self.seen_list or (reads_as_instruction(text) and not _shows_failure(following)))
            and not (self.seen_list and _OFFERED_CHECK.search(text))
        ):
            # "If the retry fails too, roll back first:" then a command: one more step. Before
            # the lists too when it instructs ("Add a `deprecate!` call:" then the call): the
            # section's first step, not a description of what it is about; but "Run `kubectl
            # get nodes` and check the output:" then the error it prints shows the problem. After
            # the steps, a command offered ("To check it first, you can run:") is a remark.
            self.counter += 1
            run.steps.append(_block_step(block, text, self.counter, lines, self.group))
            self.after_remark = False
            return
        if self.steps_below and names_fixing_release(text):
            # "It is resolved in ESXi 8.0 Update 2b." above a Workaround's steps: the release is
            # the fix, a step of its own; as the sub-sections' lead-in, it was a note.
            self.counter += 1
            run.steps.append(_block_step(block, text, self.counter, lines, self.group))
            return
        if mode is Mode.LISTS:
            # Before the lists: a lead-in; after them: a remark ("For more information, see …").
            (run.leftover if self.seen_list else run.preamble).append(block)
            self.after_remark = self.seen_list
            if (
                not run.steps
                and before_list
                and _names_group(text, block, following)
                and len(text) <= MAX_GROUP_LEAD
            ):
                self.lead = block
            return
        if (
            run.steps
            and block.children
            and labelled_links(block.children[0].content, related=blocks[index - 1].type != "hr")
        ):
            # "See also: [spoold.conf(5)](…), [Reporting bugs](…)" set apart by a rule after a fix
            # written as sentences points elsewhere, as it does after a numbered list: a remark on the
            # steps, not one more. So does a line of related pages with no rule, after a question's
            # answer too ("*Related:* [Deploy checklist](…)", as a Q&A wiki ends one): it was the last step.
            run.leftover.append(block)
            self.after_remark = True
            return
        if not run.steps:
            if self.table_lead is None:
                # Found once, at the first paragraph: asked at each, it cost the square of their number.
                self.table_lead = _procedure_after(blocks, index)
            if index < self.table_lead:
                # "Follow these steps:" then "| Step | Action |": the table numbers its steps from 1,
                # so what comes before it introduces them. As step 1, it took the table as its own.
                run.preamble.append(block)
                return
        numbered_steps = _self_numbered(
            block, text, self.counter, lines, self.group
        ) or self._inline_numbered(block, text)
        self.counter += len(numbered_steps) or 1
        run.steps.extend(numbered_steps or [_block_step(block, text, self.counter, lines, self.group)])

    def _fix_before_workaround(self) -> None:
        """Make steps of the paragraphs before the first step that say what fixes the problem, at a
        workaround's lead-in over a list ("Implement the attached correction instructions." then "As a
        workaround:", as a vendor's note writes its solution): the fix, apart from the workaround's
        group that the lead-in names. As lead-ins, the fix was a note and the workaround the only steps."""
        run = self.run
        for block in list(run.preamble):
            text = block_text(block)
            if block.type == "paragraph" and not text.endswith(":") and says_the_fix(text):
                run.preamble.remove(block)
                self.counter += 1
                run.steps.append(_block_step(block, text, self.counter, self.lines, self.group))

    def _inline_numbered(self, block: SyntaxTreeNode, text: str) -> list[Step]:
        """The steps a paragraph numbers inline, "(1) Open … (2) Save …", numbered on from the group's
        last, each without its number, and what it says before them as a lead-in; [] for any other
        paragraph. Read whole, a fix of four steps was one."""
        in_text = _inline_steps(text)
        if len(in_text) < 2:
            # Most paragraphs: their Markdown is not asked for.
            return []
        source = block_source(block, self.lines)
        in_source = _inline_steps(source)
        if len(in_source) != len(in_text):
            return []
        lead, lead_source = text[: in_text[0][0]].strip(), source[: in_source[0][0]].strip()
        line = line_of(block)
        if lead:
            self.run.lead_notes.append(Note(lead_source, lead, line, self.group, bool(self.run.steps)))
        return [
            Step(
                0,
                str(self.counter + n),
                source[s_start:s_end].strip(),
                text[t_start:t_end].strip(),
                line,
                self.group,
            )
            for n, ((_, t_start, t_end), (_, s_start, s_end)) in enumerate(
                zip(in_text, in_source, strict=True), 1
            )
        ]

    def _step_table(self, block: SyntaxTreeNode) -> bool:
        """A fix that opens with a table ("Step | Action") lists its steps in it, a row each; so
        does a procedure written as a table under any heading (without, its article was refused)."""
        run = self.run
        if not (
            block.type == "table"
            and (self.table_steps or is_step_table(block))
            and self.mode is not Mode.LISTS
            and not run.steps
        ):
            return False
        for row_step in _row_steps(block, self.lines, self.group):
            self.counter += 1
            row_step.number = str(self.counter)
            run.steps.append(row_step)
        return bool(run.steps)

    def _boxed(self, index: int, block: SyntaxTreeNode, text: str) -> None:
        """A call-out, quote, table or code block: a note, or more of the step before it."""
        run, mode = self.run, self.mode
        # The first block of a tab (a command) starts its group, not the step of the tab before.
        starts_group = self.tabs_as_groups and bool(run.steps) and run.steps[-1].group != self.group
        if self.after_remark:
            run.leftover.append(block)
        elif is_callout(block) and mode is Mode.LISTS and run.steps and _continued(*self.around[index]):
            # A call-out between "2." and "3.", written at their list's level: a note where it
            # stands among the steps (front ends place it by its line), not more text of the
            # last sub-step of step 2.
            run.leftover.append(block)
        elif (
            block.type == "table"
            and mode is Mode.LISTS
            and self.seen_list
            and pairs_problems_with_fixes(block)
        ):
            # "| Error | Resolution |" after the list: a problem of its own per row (see the
            # reader's tables), beside the steps, not more text of the last one.
            run.leftover.append(block)
        elif (
            is_callout(block)
            and run.steps
            and all(is_callout(b) or not block_text(b) for b in self.blocks[index:])
        ):
            # A call-out after the last step, with no step after it ("Warning: keep the old
            # certificate"), is said of the fix, a note after its steps, not more of its last step.
            run.leftover.append(block)
            self.after_remark = True
        elif is_callout(block) and mode is Mode.LISTS and self.seen_list:
            # "**Note:** …" after the list, not inside its last item: said of the steps, a note
            # after them, not more text of the last step. A last step that ends in ":" still
            # takes the command after the note ("2. Restart it with this command:").
            run.leftover.append(block)
            self.after_remark = not (run.steps and run.steps[-1].text.rstrip().endswith(":"))
        elif (
            mode is Mode.LISTS
            and self.seen_list
            and run.steps
            and _cell_with_output(self.blocks, index)
            and not run.steps[-1].text.rstrip().endswith(":")
        ):
            # A notebook's code cell and its output after the list (nbconvert's fence, then its
            # output as an indented block) shows something ("the file has 4182 columns"): said of
            # the fix, after its steps, not the command of its last step, glued onto sub-step 2.2.
            run.leftover.append(block)
            self.after_remark = True
        elif run.steps and not (starts_group and block.type in CODE):
            _attach(self.attached, len(run.steps) - 1, block, text, self.lines)
        elif block.type in CODE and mode is not Mode.LISTS:
            self.counter += 1
            run.steps.append(_block_step(block, text, self.counter, self.lines, self.group))
        elif mode is Mode.LISTS and not self.seen_list:
            run.preamble.append(block)
        else:
            run.leftover.append(block)


def _after_tabs(blocks: list[SyntaxTreeNode]) -> set[int]:
    """The ids of the blocks that come right after a set of tabs, past blocks without text between:
    Docusaurus closes its tabs with a ``</Tabs>`` of its own after the last ``</TabItem>``."""
    after: set[int] = set()
    last: SyntaxTreeNode | None = None
    for block in blocks:
        if last is not None and in_tab(last) and not in_tab(block):
            after.add(id(block))
        if in_tab(block) or block_text(block):
            last = block
    return after


def _tabs_as_groups(blocks: list[SyntaxTreeNode]) -> bool:
    """Whether the tabs among ``blocks`` (read as prose) are read as groups, a tab each: each tab of
    a set is an alternative ("Linux", "Windows"), numbered from 1; read on as steps, the same command
    for three systems was three steps in a row. Only where no step can follow them (nothing but
    call-outs after the first tab, outside the tabs): a step after a group would read as its own."""
    first = next((i for i, block in enumerate(blocks) if in_tab(block)), None)
    if first is None:
        return False
    after = blocks[first:]
    if not all(in_tab(b) or is_callout(b) or not block_text(b) for b in after):
        return False
    # Each tab opens with a paragraph or a command: one that holds only a table or a quote has no step.
    for i, block in enumerate(after):
        if block.meta.get("label"):
            following = after[i + 1] if i + 1 < len(after) else None
            if following is None or (following.type != "paragraph" and following.type not in CODE):
                return False
    return True


def _attach(
    attached: dict[int, tuple[list[str], list[str]]],
    index: int,
    block: SyntaxTreeNode,
    text: str,
    lines: list[str],
) -> None:
    """Add ``block`` (its Markdown and its ``text``) to the step at ``index``: ``attached`` keeps it
    until read_steps joins each step's additions to it once."""
    markdown, texts = attached.setdefault(index, ([], []))
    markdown.append(block_source(block, lines))
    texts.append(text)


# The number a paragraph gives the step it is, at the start of one of its lines ("Step 2: Set the
# period end.", "Step 3 - Export.", "3. Export again." as help centres' editors export a numbered
# list), in its text and in its Markdown source, where it may be bold, and its "." escaped so as not
# to be read as a list. Without "Step", only "." or ")" ends it: "2 - 3 minutes later" is no step 2.
_OWN_NUMBER = re.compile(
    rf"(?:^|(?<=\n))\s*(?:(?:{STEP_WORDS})\s+(?P<step>\d{{1,3}})\s*[:.)\u2013\u2014-]|(?P<plain>\d{{1,3}})[.)])\s+(?=\S)",
    re.IGNORECASE,
)
_OWN_NUMBER_SOURCE = re.compile(
    rf"(?P<bold>[*_]{{0,2}})(?:(?:{STEP_WORDS})\s+(?P<step>\d{{1,3}})(?P<mid>[*_]{{0,2}})\s*[:.)\u2013\u2014-]"
    r"|(?P<plain>\d{1,3})\\?[.)])"
    r"(?P<shut>[*_]{0,2})\s*",
    re.IGNORECASE,
)
# What ends a line within a paragraph: a hard break, two spaces or a backslash.
# (Spaces only from the first of their run: tried from each of them, a long run cost its square.)
_HARD_BREAK = re.compile(r"(?:(?<!\s)\s{2,}|\\)$")


def _own_number(found: re.Match[str]) -> int:
    return int(found.group("step") or found.group("plain"))


def stepped_paragraphs(blocks: list[SyntaxTreeNode]) -> dict[int, int]:
    """The paragraphs among ``blocks`` that open "Step N: …" (by index, each with N), when they
    number 1, 2, 3 … in order, two at least; {} otherwise. A paragraph numbering more than one step
    on its lines is left to :func:`_self_numbered`. Each over a numbered list of its own, they name
    groups of steps ("Step 2: Clear the cache:" then "1. Delete the cache folder."); where one at least
    is a step with nothing under it, they are the procedure, and a numbered list under one its sub-steps
    (Google Docs' "**Step 1:** Confirm …", "**Step 2:** Turn on fast roaming:" over "1. Open …",
    "**Step 3:** …": read as groups, steps 1 and 2 were notes and the list the fix's first steps)."""
    stepped: dict[int, int] = {}
    over_numbered = 0
    for index, block in enumerate(blocks):
        if block.type != "paragraph":
            continue
        found = _step_number(block, block_text(block))
        if found is None:
            continue
        numbers_more = _OWN_NUMBER.search(block_text(block), found.end())
        if int(found.group(1)) != len(stepped) + 1 or numbers_more:
            return {}
        over_numbered += index + 1 < len(blocks) and blocks[index + 1].type == "ordered_list"
        stepped[index] = len(stepped) + 1
    return stepped if len(stepped) >= 2 and over_numbered < len(stepped) else {}


def _step_number(block: SyntaxTreeNode, text: str) -> re.Match[str] | None:
    """Where paragraph ``block`` (its ``text``) numbers itself as a step, "Step 2: …" or one bold line
    "**2. Clean the latch**" (see _NUMBERED_TITLE), its first group the number; else None."""
    return _NEXT_STEP.match(text) or (_NUMBERED_TITLE.match(text) if bold_run(block) is not None else None)


def _numbered_title(block: SyntaxTreeNode) -> bool:
    """Whether paragraph ``block`` is one bold line that numbers a step by its title (see _NUMBERED_TITLE)."""
    return bold_run(block) is not None and _NUMBERED_TITLE.match(block_text(block)) is not None


def _self_numbered(
    block: SyntaxTreeNode, text: str, counter: int, lines: list[str], group: str | None
) -> list[Step]:
    """The steps of a paragraph that numbers them from ``counter`` + 1 at the start of its lines
    ("Step 1: Open …" and "Step 2: Set …" on lines of their own, a step's text wrapped onto more),
    each without its number; [] for any other. Read whole, three steps were one, and a step written
    "Step 2: Set …" showed "2. Step 2: Set …". A paragraph that numbers its steps "Step N" numbers
    them all so: a wrapped line that opens "2." is more of its step."""
    if block.type != "paragraph":
        return []
    sources: list[list[str]] = []
    stepped = False
    for source in block_source(block, lines).split("\n"):
        marked = _OWN_NUMBER_SOURCE.match(source)
        if (
            marked
            and (not sources or bool(marked.group("step")) == stepped)
            and _own_number(marked) == counter + 1 + len(sources)
        ):
            stepped = bool(marked.group("step"))
            # A line that opens bold and whose number does not close it ("**Step 1: Open it.**"):
            # the rest stays bold, as written.
            closed = marked.group("mid") or marked.group("shut")
            sources.append([("" if closed else marked.group("bold")) + source[marked.end() :]])
        elif sources:
            sources[-1].append(source)
        else:
            return []
    # The same numbers in the text, written the same way, each at the start of a line of it.
    said = [
        m for m in _OWN_NUMBER.finditer(text) if _own_number(m) > counter and bool(m.group("step")) == stepped
    ]
    if [_own_number(m) for m in said][: len(sources)] != list(range(counter + 1, counter + 1 + len(sources))):
        return []
    said = said[: len(sources)]
    steps = []
    line = line_of(block)
    for offset, (lines_of_step, mark) in enumerate(zip(sources, said, strict=True)):
        end = said[offset + 1].start() if offset + 1 < len(said) else len(text)
        markdown = "\n".join(_HARD_BREAK.sub("", written) for written in lines_of_step)
        text_of_step = text[mark.end() : end].strip()
        steps.append(Step(0, str(counter + 1 + offset), markdown, text_of_step, line, group))
        line += len(lines_of_step)
    return steps


def _in_turn(marks: Iterable[re.Match[str]], *, first: int) -> list[re.Match[str]]:
    """Of ``marks`` whose first group is a step's number, those that number ``first``, ``first`` + 1 …
    in turn (a number out of turn, "see step (4)" before "(2)", is text)."""
    found: list[re.Match[str]] = []
    for mark in marks:
        if int(mark.group(1)) == first + len(found):
            found.append(mark)
    return found


# A step numbered inside a paragraph, "(2) ", at its start or after the end of a sentence or a colon.
_INLINE_STEP = re.compile(r"(?:^|(?<=[.!?:;])\s+)\((\d{1,2})\)\s+(?=\S)")


def _inline_steps(text: str) -> list[tuple[int, int, int]]:
    """Where ``text`` numbers steps inline, "(1) … (2) …": per step, where its number starts, and
    where its text starts and ends."""
    if "(1)" not in text:
        # No first step, so no steps: most paragraphs, skipped without a search.
        return []
    found = _in_turn(_INLINE_STEP.finditer(text), first=1)
    ends = [mark.start() for mark in found[1:]] + [len(text)] if found else []
    return [(mark.start(), mark.end(), end) for mark, end in zip(found, ends, strict=True)]


def _block_step(block: SyntaxTreeNode, text: str, number: int, lines: list[str], group: str | None) -> Step:
    """Step ``number`` that is the whole of ``block`` (a paragraph, a lead-in to a command, a code block)."""
    return Step(0, str(number), block_source(block, lines), text, line_of(block), group)


def _lists_around(blocks: list[SyntaxTreeNode]) -> list[tuple[SyntaxTreeNode | None, SyntaxTreeNode | None]]:
    """For each block, the last numbered list before it and the first after it, within its section."""
    before: list[SyntaxTreeNode | None] = []
    last = None
    for block in blocks:
        last = None if block.type == "heading" else last
        before.append(last)
        last = block if block.type == "ordered_list" else last
    after: list[SyntaxTreeNode | None] = []
    following = None
    for block in reversed(blocks):
        following = None if block.type == "heading" else following
        after.append(following)
        following = block if block.type == "ordered_list" else following
    return list(zip(before, reversed(after), strict=True))


def _names_group(text: str, block: SyntaxTreeNode, following: SyntaxTreeNode | None) -> bool:
    """Whether a paragraph right before a list (``following``) names the steps in it: it ends in ":",
    it names one of several ways ("Option B: exclude the record."), it is a fold's title over the list it
    folds ("<summary>Still failing?</summary>" over "- Switch to TCP 443."), or it is a bold label and
    nothing else over numbered steps ("**Permanent fix**", "**Workaround (if the upgrade cannot be
    installed)**"; over bullets, "**Important considerations**" says what they are, not which way they go)."""
    if text.endswith(":") or _ALTERNATIVE_LEAD.match(text):
        return True
    if following is not None and following.type in LISTS and token_meta(block, FOLD_TITLE):
        # A fold's title over the list it folds ("<summary>Still failing?</summary>" then "- Switch to TCP
        # 443."): as a remark, the fold's steps ran on as the fix's own.
        return True
    return following is not None and following.type == "ordered_list" and bold_run(block) is not None


def _continued(before: SyntaxTreeNode | None, after: SyntaxTreeNode | None) -> bool:
    """Whether a block between the numbered lists ``before`` and ``after`` it lies inside one
    numbering that goes on across it (``after`` starts at the number past ``before``'s last
    item): it belongs to the step before it, as the numbers say."""
    if before is None or after is None:
        return False
    return list_start(after) == list_start(before) + len(before.children)


def _leads_in(blocks: list[SyntaxTreeNode], index: int) -> bool:
    """Whether the block at ``index`` is a bulleted list of one item that ends in ":" right before a
    numbered list ("- If you see Blank in the ERROR column, … using these steps:" then "1. …"): the
    lead-in of those steps, written as a bullet. Read as a step, it took the number 1 of the steps
    it introduces, and "Repeat steps 1 and 2" pointed one step off."""
    block = blocks[index]
    following = blocks[index + 1] if index + 1 < len(blocks) else None
    return (
        block.type == "bullet_list"
        and len(block.children) == 1
        and not any(child.type in LISTS for child in block.children[0].children)
        and block_text(block).endswith(":")
        and following is not None
        and following.type == "ordered_list"
        and not is_navigation(following)
    )


def _top_step(steps: list[Step]) -> int:
    """The index of the last step that is no sub-step: what follows a list belongs to its last item."""
    return next(i for i in range(len(steps) - 1, -1, -1) if steps[i].parent is None)


def _cell_with_output(blocks: list[SyntaxTreeNode], index: int) -> bool:
    """Whether ``blocks[index]`` is a notebook's code cell shown with its output: a fence, and right
    after it an indented code block, as nbconvert's Markdown writes a cell's output
    (:func:`~indexer.messages.cell_with_output`)."""
    following = blocks[index + 1] if index + 1 < len(blocks) else None
    return following is not None and cell_with_output(blocks[index], following)


def _shows_code(block: SyntaxTreeNode | None) -> bool:
    return block is not None and block.type in CODE


def _shows_failure(block: SyntaxTreeNode | None) -> bool:
    """Whether a code block is what failed, not what to run: its text says it failed."""
    return block is not None and bool(FAILURE_WORDS.search(block_text(block).lower()))


def has_steps(blocks: list[SyntaxTreeNode], *, mode: Mode) -> bool:
    """Whether :func:`read_steps` finds any step in ``blocks`` (as a Resolution section reads
    them, ``listed_causes=False, table_steps=True``), without building the steps.

    The first step is an item of a list of steps (no table of contents, description or list of
    conditions, as for :func:`_last_step_list`), or (outside ``LISTS`` mode) a paragraph, a
    code block or a table's row: a group lead-in and anything attached to a step need a
    step before them. In ``LISTS`` mode over blocks of no list (the lists are in the sections
    under them), a paragraph that names the release that fixes the problem is a step.
    """
    steps_below: bool | None = None
    for index, block in enumerate(blocks):
        if not block_text(block):
            continue
        if block.type in LISTS:
            if block.children and _is_step_list(blocks, index):
                return True
        elif mode is not Mode.LISTS and (block.type in ("paragraph", *CODE) or _has_rows(block)):
            return True
        elif block.type == "paragraph" and names_fixing_release(block_text(block)):
            if steps_below is None:
                steps_below = not _holds_lists(blocks)
            if steps_below:
                return True
    return False


def _holds_lists(blocks: list[SyntaxTreeNode]) -> bool:
    """Whether any of ``blocks`` is a list."""
    return any(block.type in LISTS for block in blocks)


def _procedure_after(blocks: list[SyntaxTreeNode], index: int) -> int:
    """The index of the procedure table (:func:`is_step_table`) that the paragraphs from ``index``
    lead to, with nothing else between them but blocks without text; -1 when they lead to none."""
    for at in range(index, len(blocks)):
        block = blocks[at]
        if block.type == "table":
            return at if is_step_table(block) and _has_rows(block) else -1
        if block.type != "paragraph" and block_text(block):
            return -1
    return -1


def _has_rows(block: SyntaxTreeNode) -> bool:
    """A table with a row of text below its header."""
    return block.type == "table" and any(
        any(c.strip() for c in cell_texts(row)) for row in table_rows(block)[1:]
    )


# A procedure table's last column that states what a step should show ("Step | Action | Expected result"):
# each row's check, not more of what to do.
_EXPECTED_COLUMN = re.compile(
    r"(?:expected|desired)(?:\s+(?:results?|outcomes?|output|state|behaviou?r|values?))?|results?|outcomes?",
    re.IGNORECASE,
)


def _row_steps(table: SyntaxTreeNode, lines: list[str], group: str | None) -> list[Step]:
    """The body rows of ``table`` as steps (unnumbered): their cells' text, less a first column
    that numbers the rows 1, 2, 3 …; its header names the columns. A last column that states the
    expected result (see _EXPECTED_COLUMN), after another, is a line of each step under what it
    says to do, labelled by the column's name."""
    header, *body = table_rows(table)
    names = [name.strip() for name in cell_texts(header)]
    rows = [list(zip(cell_texts(row), row_sources(row, lines), strict=False)) for row in body]
    firsts = [_ROW_NUMBER.fullmatch(cells[0][0].strip()) if len(cells) > 1 else None for cells in rows]
    numbered = bool(rows) and all(
        found is not None and int(found.group(1)) == i for i, found in enumerate(firsts, 1)
    )
    first = 1 if numbered else 0
    checked = len(names) - first >= 2 and bool(_EXPECTED_COLUMN.fullmatch(names[-1]))
    steps = []
    for row, cells in zip(body, rows, strict=True):
        expected = ("", "")
        if checked and len(cells) == len(names) and any(text.strip() for text, _ in cells[first:-1]):
            *cells, expected = cells
        cells = [(text, source) for text, source in cells[first:] if text.strip()]
        if not cells:
            continue
        text = " | ".join(text for text, _ in cells)
        markdown = " | ".join(source for _, source in cells)
        if expected[0].strip():
            text += f"\n{names[-1]}: {expected[0]}"
            markdown += f"\n\n{names[-1]}: {expected[1]}"
        steps.append(Step(0, "", markdown, text, line_of(row), group))
    return steps


def cell_steps(text: str, source: str, line: int) -> list[Step]:
    """The steps of a table's fix cell: one per number when the cell numbers them 1, 2, 3 …,
    or per bullet, each on a line of its own (``<br>`` between them, as a Markdown table writes
    lines); one per item of an HTML list in it; else the cell is one step. ``text`` is the cell's
    plain text, ``source`` its Markdown. A cell of procedures, each labelled in bold over its own
    steps (see _CELL_GROUP_LABEL), is a group of steps per label."""
    labels = list(_CELL_GROUP_LABEL.finditer(source))
    if len(labels) > 1:
        # A line that leads into the procedures ("Follow the steps for what you see.") is read on its own,
        # in no group: required at the cell's start, a label after one left the whole cell one step.
        lead = source[: labels[0].start()].strip()
        steps = cell_steps(markdown_text(lead) or lead, lead, line) if lead else []
        for label, following in zip(labels, [*labels[1:], None], strict=True):
            part = source[label.end() : following.start() if following else len(source)]
            for step in cell_steps(markdown_text(part) or part, part, line):
                step.group = label.group(1).strip()
                steps.append(step)
        return steps
    numbers: list[str] = []
    listed = [item.strip() for item in _CELL_LIST_ITEM.findall(source)]
    if len(listed) > 1 and all(listed):
        # An HTML list in the cell ("<ol><li>Delete the profile.</li><li>Download …</li></ol>"): its items.
        markdowns = listed
    else:
        parts = [part.strip() for part in _CELL_LINE_BREAK.split(source)]
        if len(parts) == 1:
            parts = _numbered_in_line(source)
        numbered = _cell_numbers(parts) if len(parts) > 1 else None
        if numbered:
            markdowns = [part[start:] for part, (_, start) in zip(parts, numbered, strict=True)]
            numbers = [number for number, _ in numbered]
        elif _instructs_per_line(parts):
            markdowns = parts
        else:
            # Its Markdown is the cell's own, code spans and links kept, as a list item's step's is.
            return [Step(0, "1", source, text, line)]
    numbers = numbers or [str(n) for n in range(1, len(markdowns) + 1)]
    # Each step's text from its own Markdown: the cell's text, its lines joined, cannot be cut
    # where its numbers are ("Set the mode to 2. Then close it.").
    texts = [markdown_text(markdown) or markdown for markdown in markdowns]
    return [
        Step(0, n, m, t, line, parent=n.rpartition(".")[0] or None, depth=n.count("."))
        for n, m, t in zip(numbers, markdowns, texts, strict=True)
    ]


def _cell_numbers(parts: list[str]) -> list[tuple[str, int]] | None:
    """Of a cell's lines, each step's number and where its text starts after it, when they are steps
    numbered 1, 2, 3 … (or bulleted), each sub-step numbered under the step above it ("2.1. …", see
    _CELL_SUB_STEP_NUMBER); None for lines that are not."""
    numbers: list[tuple[str, int]] = []
    top = 0
    for part in parts:
        found = _CELL_STEP_NUMBER.match(part) or _CELL_BULLET.match(part)
        sub = _CELL_SUB_STEP_NUMBER.match(part) if found is None else None
        if found is not None and (found.lastindex is None or int(found.group(1)) == top + 1):
            top += 1
            numbers.append((str(top), found.end()))
        elif sub is not None and numbers and _under_line_above(sub.group(1), numbers[-1][0]):
            numbers.append((sub.group(1), sub.end()))
        else:
            return None
    return numbers


def _under_line_above(number: str, above: str) -> bool:
    """Whether a sub-step's ``number`` ("2.2") is under the step numbered ``above`` on the line before it, or
    under one of that step's parents ("2.1.1" over "2.2"). Under any earlier step, "2.1." after step 3 was
    stored after step 3 and shown under step 2."""
    parent = number.rpartition(".")[0]
    return above == parent or above.startswith(f"{parent}.")


def _instructs_per_line(parts: list[str]) -> bool:
    """Whether a cell's lines (``<br>`` between them) each tell the reader what to do: a matrix's
    fix cell writes its steps so, unnumbered ("Open the app<br>Clear its cache<br>Restart it"),
    where a line that explains ("Restart it.<br>This clears the cache.") goes on the step before."""
    return len(parts) > 1 and all(reads_as_instruction(markdown_text(part) or part) for part in parts)


_CELL_LINE_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)
# A bold label over a procedure's steps numbered from 1, in a fix cell that gives one procedure per case
# ("**Repeated password prompts:**<br>1. …<br>2. …<br>**Error 80090016:**<br>1. …", as a help desk's
# Resolution field pairs each symptom with its fix; an HTML cell's paragraph after a list runs on its last
# line). Read as numbered lines, the second label broke the numbering and the cell was one step. The colon
# inside the bold, outside it ("**Windows**:", as Markdown often writes one), full-width ("**Windows：**", as
# Chinese writes it) or none: a bold line right over a line numbered 1 labels the steps under it.
# The space before a label is matched only from where its run starts ((?<!\s)): tried from every
# position of the run, a cell padded with 60,000 spaces took 51 s to read, its time the run's square.
_CELL_GROUP_LABEL = re.compile(
    r"(?:^|(?<!\s)(?:\s*<br\s*/?>\s*|\s+))\*\*([^*<>]{1,80}?)(?:[:：]\*\*|\*\*[:：]?)\s*<br\s*/?>\s*(?=1[.)]\s)",
    re.IGNORECASE,
)
_CELL_STEP_NUMBER = re.compile(r"(\d{1,2})[.)]\s+(?=\S)")
# A sub-step's number under its step's, in a cell that numbers its steps on lines of their own ("2.1. If
# the folder is in use, sign out first.", as the HTML converter writes a list nested in a step's item):
# read as no number, the cell's lines were no numbered steps, and the cell one step.
_CELL_SUB_STEP_NUMBER = re.compile(r"(\d{1,2}(?:\.\d{1,2})+)\.\s+(?=\S)")
# A bulleted line of a cell ("• Delete the profile.<br>• Import it."): a step, in the order written.
_CELL_BULLET = re.compile(r"[•·▪‣◦*-]\s+(?=\S)")
# An item of an HTML list written in a cell, its Markdown inside the tags.
_CELL_LIST_ITEM = re.compile(
    r"<li\b[^>]*>(.*?)(?:</li\s*>|(?=<li\b)|(?=</[ou]l\s*>)|$)", re.IGNORECASE | re.DOTALL
)
# A step number inside a line, after the end of a sentence (or of its markup): "… icon. 2. Restart
# …"; "Set the mode to 2. Then …" numbers no step.
_STEP_NUMBER_IN_LINE = re.compile(r"(?<=[.!?:)*_`])[ \t]+(\d{1,2})[.)][ \t]+(?=\S)")
# A step number closed by a parenthesis inside a line that opened with "1)": a matrix's fix cell
# numbers its steps so without ending them ("1) Reseat the cable 2) Restart it"), and a number in
# a sentence is not written "2)".
_PAREN_STEP_NUMBER_IN_LINE = re.compile(r"[ \t]+(\d{1,2})\)[ \t]+(?=\S)")


def _numbered_in_line(source: str) -> list[str]:
    """A cell's steps numbered 1, 2, 3 … on its one line ("1. Check the icon. 2. Restart the
    router.", "1) Check the icon 2) Restart the router"), each from its number on; the cell whole
    when it numbers no two steps so."""
    opening = _CELL_STEP_NUMBER.match(source)
    if opening is None or opening.group(1) != "1":
        return [source]
    marks = _PAREN_STEP_NUMBER_IN_LINE if source[opening.end(1)] == ")" else _STEP_NUMBER_IN_LINE
    starts = [0, *(found.start(1) for found in _in_turn(marks.finditer(source), first=2))]
    if len(starts) < 2:
        return [source]
    return [source[a:b].strip() for a, b in zip(starts, [*starts[1:], len(source)], strict=True)]


# A task list's box at the start of an item's text and of its Markdown (which has no list mark).
_TASK_BOX = re.compile(r"^\[[ xX]\][ \t]+")


# A checklist's item struck through whole ("[x] ~~Reinstall the client~~"), its box no text of it, and
# the remark in brackets an author may leave beside it to say why ("(not needed since 2.401)", as
# Outline's checklists keep a withdrawn action).
_STRUCK_TASK = re.compile(r"\[[ xX]\][ \t]+(~~((?:(?!~~).)+)~~(?:[ \t]+(\([^()]+\)))?)")


# A checklist's item ticked as done by someone: a check's past participle, then who or when ("[x] Verified
# on Windows 11 by @Sam Lee", "[x] Tested on 4.2 — Sam Lee, Oct 3, 2026", "[x] Geprüft auf 4.2 von @sam"),
# in the languages the bylines are read in (sections._BYLINE). Who is an @handle, a date, or a name in
# capitals after "by": "[x] Checked the LED turns amber by holding the power button" is a step done.
_CHECKED = (
    r"(?:verified|tested|confirmed|checked|approved|reviewed|signed off|geprüft|getestet|bestätigt|verifiziert|"
    r"freigegeben|vérifié|testé|validé|confirmé|verificado|probado|comprobado|validado|confirmado|testado|"
    r"verificato|testato|confermato|geverifieerd|getest|gecontroleerd|bevestigd|zweryfikowano|przetestowano|"
    r"sprawdzono|potwierdzono|проверено|протестировано|подтверждено)"
)
_VERIFIED_TASK = re.compile(
    rf"\[[xX]\][ \t]+{_CHECKED}\b(?=.{{0,200}}?(?:@\w|{DATE}|{DATE_DE}"
    r"|\b(?:by|von|par|por|da|door|przez)[ \t]+(?-i:[A-Z][\w.'-]*(?:[ \t]+[A-Z][\w.'-]*)*)[ \t]*(?:\(|,|$|[ \t]on\b)))",
    re.IGNORECASE,
)
# The checks still to do in such a log: a check's verb and where it is to be done ("[ ] Verify on macOS 15",
# "[ ] Testen auf dem 16-Zoll-Modell"), not a step ("[ ] Unplug the dock's power").
_PENDING_CHECK = re.compile(
    r"\[ \][ \t]+(?:verify|test|check|confirm|validate|prüfen|testen|verifizieren|vérifier|tester|valider|"
    r"verificar|probar|comprobar|testar|verificare|testare|controllare|verifiëren|controleren|sprawdzić|"
    r"przetestować|zweryfikować|проверить|протестировать)[ \t]+(?:on|in|with|auf|mit|unter|sur|avec|sous|en|"
    r"con|em|su|op|met|onder|na|w|на|в)\b",
    re.IGNORECASE,
)


def _logs_verification(block: SyntaxTreeNode) -> bool:
    """Whether a bulleted list is a checklist, with no sub-items, that logs who verified the step above it
    (items ticked "Verified … by …", the others the checks still to do): the team's record, no steps."""
    items = [block_text(item.children[0]) for item in block.children if len(item.children) == 1]
    return (
        len(items) == len(block.children)
        and all(_VERIFIED_TASK.match(item) or _PENDING_CHECK.match(item) for item in items)
        and any(_VERIFIED_TASK.match(item) for item in items)
    )


def _struck_out(item: SyntaxTreeNode) -> tuple[str, str] | None:
    """The Markdown and the text (without its strike marks) of a checklist's item struck through
    whole, with no sub-steps: an action tried and rejected, as Dropbox Paper, Quip and Outline keep
    one ticked and struck out; None for any other item. Numbered as a step, it was given as one to do."""
    if len(item.children) != 1 or item.children[0].type != "paragraph":
        return None
    found = _STRUCK_TASK.fullmatch(block_text(item.children[0]))
    if found is None:
        return None
    return found.group(1), " ".join(part for part in (found.group(2), found.group(3)) if part)


def _item_steps(
    item: SyntaxTreeNode, number: str, group: str | None, parent: str | None, depth: int, lines: list[str]
) -> list[Step]:
    # A checklist indented under the step that logs who verified it ("- [x] Verified on Windows 11 by
    # @Sam Lee"): shown with the step as the author wrote it, no sub-steps 1.1 and 1.2 for the reader to do.
    logs = [c for c in item.children if c.type == "bullet_list" and _logs_verification(c)]
    nested = [c for c in item.children if c.type in LISTS and c not in logs]
    end = item.children.index(nested[-1]) + 1 if nested else len(item.children)
    # What the item says after its last sub-step ("And then confirm.", the command it runs) comes
    # after them: it goes with that sub-step, where a reader meets it, not into the item's text
    # before them. A lead-in between two lists of sub-steps stays the item's.
    after = [c for c in item.children[end:] if block_text(c) and c not in logs]
    text = "\n".join(t for t in (block_text(c) for c in item.children[:end] if c.type not in LISTS) if t)
    markdown = source_slice(lines, item, nested + after)
    if _TASK_BOX.match(text):
        # A checklist's item ("- [ ] Prune the images"), as runbooks write steps: the box is no text of it.
        text, markdown = _TASK_BOX.sub("", text, count=1), _TASK_BOX.sub("", markdown, count=1)
    out = [Step(0, number, markdown, text, line_of(item), group, parent, depth)]
    sub = 0
    for child_list in nested:
        for child in child_list.children:
            sub += 1
            out.extend(_item_steps(child, f"{number}.{sub}", group, number, depth + 1, lines))
    last = out[-1]
    for child in after:
        last.markdown = "\n\n".join(part for part in (last.markdown, block_source(child, lines)) if part)
        last.text = "\n".join(part for part in (last.text, block_text(child)) if part)
    return out
