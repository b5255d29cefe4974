"""Markdown as a tree of heading sections, plus the text helpers the parsers share.

markdown-it gives a flat run of blocks; troubleshooting articles are organised
by their headings. :func:`parse_sections` regroups the blocks under the heading
they follow, keeping every block's source line so records can point back to it.
Navigation the author's tool generates (a ``{:toc}`` table of contents) is left out.
"""

from __future__ import annotations

import re
import textwrap
import weakref
from bisect import bisect_right
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import accumulate, pairwise, takewhile
from typing import Literal

from markdown_it.token import Token
from markdown_it.tree import SyntaxTreeNode, _NesterTokens

from indexer.callouts import (
    ADVICE_ELSEWHERE,
    ADVICE_WORDS,
    CALLOUT_LABEL,
    PLAIN_ADVICE,
    WHOLE_LABELS_ONLY,
    symbol_kind,
)
from indexer.column_names import CAUSE_HEADER, SYMPTOM_HEADER
from indexer.dates import AGE, DATE, ISO_TIME, RECORD_FIELD, ROUGH_AGE, WEEKDAY
from indexer.errortext import FAILURE_WORDS, error_codes
from indexer.heading_text import (
    CONDITION,
    MARKED_QUESTION,
    Quoted,
    answer_mark,
    conditioned_heading,
    heading_quoted_strings,
)
from indexer.html_blocks import html_as_markdown
from indexer.inline_text import inline_parts, inline_text, memo
from indexer.knitted import session_record
from indexer.markup import (
    ABBREVIATIONS,
    FOLD_TITLE,
    HTML_FILE,
    IN_TAB,
    MAX_HTML_CHARS,
    ONE_LINE_MARKDOWN,
    PROCEDURE_TITLE,
    QUOTE_MARKER,
    STEP_TITLE,
    TAB_LABEL,
    TEXT_FILE,
    UnclosedFence,
    alert_quote,
    clean_markdown,
    markdown_parser,
    pdf_page_line,
    strip_shortcodes,
    tags_alone,
    token_meta,
)
from indexer.page_links import (
    embeds_only,
    labelled_links,
    links_line,
    pager_line,
    tags_or_links_only,
    trail_line,
)
from indexer.posts import (
    answer_score,
    is_post_furniture,
    is_question_score,
    is_signed_page,
    listed_comments,
    opens_site_footer,
)
from indexer.roles import (
    CASE_WORDS,
    CASED_LETTER,
    CAUSE_WORDS,
    ERROR_WORDS,
    FEEDBACK_PROMPTS,
    FEEDBACK_QUESTION,
    FIX_WAY_WORDS,
    HELP_PROMPTS,
    KEYWORDS_WORDS,
    WHY_WORDS,
    Kind,
    Role,
    asks_if_fixed,
    heading_kind,
    heading_role,
    heads_answers,
    is_container_title,
    is_title_field,
    names_examples,
    names_hidden_output,
    names_only_the_page,
    names_page_field,
    names_reference_metadata,
    reads_as_instruction,
    sends_on,
)

# A pipe between two cells of a table row (an escaped one is part of a cell).
_CELL_SEPARATOR = re.compile(r"(?<!\\)\|")
# (A lettered sub-step's too: indexer.lettered reads "a." and "(a)" opening a step's lines as a list;
# only before a space, as it reads them, so that "E.g." opening an item's line keeps its "E.")
_LIST_MARKER = re.compile(r"^\s*(?:(?:[-*+]|\d{1,9}[.)])[ \t]?|(?:[a-zA-Z][.)]|\([a-zA-Z]\))[ \t])")
_LIST_TAGS_ONLY = re.compile(r"\s*(?:</?(?:ol|ul)\b[^<>]*>\s*)*", re.IGNORECASE)
# Levels of nested markup (emphasis, links, lists, quotes) an article may have. markdown-it nests
# emphasis as deep as it is written, and building the tree of a paragraph costs its depth times
# its length: 800 KB of "**" took 30 s and 3 GB before the stack ran out and the article was
# refused. Real articles nest under 20 levels (15 at most in the three corpora), and past about
# 195 the tree could not be built before either.
MAX_NESTING = 190
# Publishing-platform directives written inside a paragraph: an include, a video.
_DIRECTIVE_LINE = re.compile(r"^\s*\[!(?:INCLUDE|VIDEO)\b[^\n]*\]\s*$", re.IGNORECASE)
# An alert's marker; Obsidian folds one with "-" or "+" after it ("> [!tip]- Still growing?").
_CALLOUT_MARKER = re.compile(r"^\[![A-Za-z]+\][-+]?\s*")
# In the code of a fence never closed: a heading under the article's title, or another fence's line.
_SWALLOWED = re.compile(r"^ {0,3}(?:#{2,6}[ \t]|```|~~~)", re.MULTILINE)
# What stands before a fence's closing line inside quotes and list items: indentation and ">".
_CONTAINER_PREFIX = re.compile(r"^[ \t>]*")
# The same label ended by a full stop or "!", as Russian typography ends one ("Примечание. …",
# "Внимание! …"): already labelled, a box's text takes no second label.
_STOPPED_LABEL = re.compile(
    r"^(?:note|tip|important|warning|caution|hint|notice|attention|info|"
    + ADVICE_WORDS
    + "|"
    + "|".join(WHOLE_LABELS_ONLY)
    + r")[.!](?=\s)",
    re.IGNORECASE,
)
# Kinds a label names by another word: Confluence exports its info macro as "> **Info**".
_CALLOUT_SYNONYMS = {"info": "note", **ADVICE_ELSEWHERE}
LISTS = ("bullet_list", "ordered_list")
BOLD_QUESTION_LEVEL = 7
# A fold's title is at most a sentence; a longer <summary> is read as the text it is.
MAX_FOLD_TITLE = 200
# A paragraph that is one bold label ("**Cause**", "**Resolution:**") heads what follows, as in
# knowledge bases exported from help desks; below real headings and bold questions.
BOLD_LABEL_LEVEL = 8
MAX_LABEL_CHARS = 40
# A numbered alternative names what it is about, at any length: "Cause 2: An idle timeout on the
# load balancer closes the TCP connection".
MAX_ALTERNATIVE_CHARS = 160
_NUMBERED_ALTERNATIVE = re.compile(
    rf"({CAUSE_WORDS}|{FIX_WAY_WORDS}|{CASE_WORDS}|step)\s*(\d{{1,2}}|(?-i:[A-H]))\s*[:.)\-\u2013\u2014]",
    re.I,
)
# A bold line that numbers a problem ("**Problem 2: Import wizard shows …**"), as a Word document
# styled by hand and converted by Pandoc heads each problem: a heading, not a paragraph of the last.
_NUMBERED_PROBLEM = re.compile(r"(?:problem|issue)\s*\d{1,2}\s*[:.)\-\u2013\u2014]\s*\S", re.I)
# A bold label alone that numbers a problem's symptom ("**Symptom 1**", "**Symptom #2:**"), as a help
# desk's editor (ServiceDesk Plus's) opens each problem of a solution, its own Cause and Resolution
# labels after it: read as the one Symptoms part, the problems were merged, the second one's symptom a note.
_NUMBERED_LABEL = re.compile(r"(\w[\w ]{0,30}?)\s*#?\d{1,2}\s*:?")
# What may follow a bold label on its line: a colon, or an aside in brackets ("**Solution** (accepted
# answer by *jgreer*):", as a forum thread exported to Markdown marks the answer that solved it).
_LABEL_AFTERWORD = re.compile(r":?|\([^()\n]{1,80}\)\s*:?")
# The labels of a problem's parts that authors also write plain, not bold, then a colon. Before
# text on its line only the two that say what went wrong and why ("Cause: The fuser is
# overheating."), and a fix's label after them ("Resolution: Turn it off for 30 minutes."), or alone
# on its line ("Resolution:", then the steps): elsewhere "Resolution: 1920 x 1080" is a setting,
# and "Error:", "Description:" or "Issue:" open the lines of messages, event records and tickets.
_PLAIN_PART_LABEL = re.compile(r"(symptoms?|causes?)\s*:", re.I)
# A fix's label written plain before what to do ("Fix: re-run with `--force-handlers`."), as a README's
# troubleshooting entry writes it after what happens and why; before anything else ("Fix: crash on
# start", a changelog's line) it names what a release fixed.
_PLAIN_FIX_LABEL = re.compile(r"(fix|to fix (?:it|this))\s*:", re.I)
# A fix's label written plain, as a message catalogue writes each message's "Cause:" and "Action:".
_PLAIN_PART_OR_FIX_LABEL = re.compile(
    r"(symptoms?|causes?|resolution|solution|workaround|fix|(?:user |corrective )?action|mitigation|what to do|procedure)\s*:",
    re.I,
)
# A label that names a list of steps, alone on its line, whose words name the fix (see _steps_label):
# "Steps", "Steps to resolve the issue", "Resolution steps". Not a sentence that ends in them ("To
# resolve this issue, follow these steps:"), a lead-in of the steps read as it was.
_STEPS_LABEL_WORDS = re.compile(r"steps\b.*|\w+ steps", re.I)
# An AsciiDoc block title left in by a conversion to Markdown (".Cause", ".Procedure"): a dot right
# before a word, alone on its line. It names a part as a bold label does where its words name one.
# An Ubuntu SRU template's bracketed label ("[Impact]", "[Workaround]", "[Test Plan]") does the same.
_BLOCK_TITLE = re.compile(r"\.(\w[^\n]*)|\[(\w[^\[\]\n]*)\]")
# One of several ways to fix it, as a label: "**Option 2 – Use the metadata URL**", "*Method B*". It
# sits one level under a label it follows ("**Solution**", then "There are two ways:", then the
# options), as "#### Method 1" under "### Resolution"; written in italics too, as some editors export it.
FIX_ALTERNATIVE = re.compile(rf"({FIX_WAY_WORDS}|approach|alternative)\s*(\d{{1,2}}|(?-i:[A-H]))\b", re.I)
ALTERNATIVE_LABEL_LEVEL = BOLD_LABEL_LEVEL + 1
_MARKED_QUESTION = re.compile(MARKED_QUESTION, re.I)
# A FAQ's question is a sentence: a paragraph longer than this that opens like one is an answer.
MAX_QUESTION_CHARS = 200
CODE = ("fence", "code_block")
# What a bold label that opens a paragraph heads: nothing (""), a part of a problem that is its
# own paragraph ("**Cause:** …"), or a fix, which goes on with the blocks after it.
InlineLabel = Literal["", "part", "fix"]


class _Node(SyntaxTreeNode):
    """A syntax tree node that works out its type once, as it is built, and its call-out kind
    once asked.

    The readers ask a node's type about a thousand times per article, and the base
    class derives it from its tokens on every call; a parsed tree is never changed.
    """

    # A plain attribute in place of the base class's property: an instance's own value wins.
    type: str = "root"  # type: ignore[assignment]
    # Its call-out kind ("" for none), once asked (see callout_kind).
    callout: str | None = None
    # Whether it is a quote that a paragraph ending in a colon introduces (see _mark_introduced).
    introduced: bool = False

    # Its parent, weakly held (see the parent property).
    _up: weakref.ReferenceType[_Node] | None = None

    def __init__(self, tokens: Sequence[Token] = (), *, create_root: bool = True) -> None:
        super().__init__(tokens, create_root=create_root)
        self.type = SyntaxTreeNode.type.fget(self)  # type: ignore[attr-defined]

    def _set_children_from_tokens(self, tokens: Sequence[Token]) -> None:
        """The base class's tree of ``tokens`` under this node, built in one pass.

        The base class builds a container's node from a copy of the tokens inside it, which
        it copies again for each container inside, and so on down: a twentieth of a parse,
        its nodes' own values (type, token, container tokens, parent) the same as here. It
        raises ValueError where a closing token has no opening one or an opening one no
        closing one, and so does this.
        """
        cls = type(self)
        parents = [self]
        openings: list[Token] = []
        for token in tokens:
            if token.nesting == -1:
                if not openings:
                    raise ValueError("Invalid token nesting")
                parents.pop().nester_tokens = _NesterTokens(openings.pop(), token)
                continue
            node = cls.__new__(cls)
            node.token = node.nester_tokens = node._parent = None
            node._children = []
            node._up = weakref.ref(parents[-1])
            parents[-1]._children.append(node)
            if token.nesting == 1:
                node.type = token.type.removesuffix("_open")
                parents.append(node)
                openings.append(token)
                continue
            node.token = token
            node.type = token.type
            if token.children:
                node._set_children_from_tokens(token.children)
        if openings:
            raise ValueError(f"unclosed tokens starting {openings[0]}")

    @property  # type: ignore[override]
    def parent(self) -> _Node | None:
        """The node this one is a child of, while it is alive (the root's children: none once the
        root is let go; only the children's parents are ever asked for)."""
        return None if self._up is None else self._up()

    @parent.setter
    def parent(self, value: _Node | None) -> None:
        # A weak reference: with strong ones each node and its parent are a reference cycle, so a
        # parsed tree was freed only by a garbage collection that traversed all of it, after
        # every article (a tenth of a parse worker's time); now it is freed when let go.
        self._up = None if value is None else weakref.ref(value)


@dataclass
class Section:
    """A heading and everything under it up to the next heading of its level or above."""

    level: int
    title: str
    line: int
    blocks: list[SyntaxTreeNode] = field(default_factory=list)
    children: list[Section] = field(default_factory=list)
    # The line after the section's last line (its end), for outlines.
    end: int = 0
    # The heading's code spans and quoted strings: "Error: `connect: connection refused`".
    quoted: list[Quoted] = field(default_factory=list)
    # The heading is written as code: the name of a command, option or setting (see written_as_code).
    named: bool = False
    # No heading of the page's: one of several entries of labelled parts under one heading
    # ("**Issue:** … **Cause:** … **Fix:** …" again and again), each a problem of its own.
    entry: bool = False
    # A web reference page's Examples, beside its Specifications or Browser compatibility: illustrations
    # of what the page defines (an example response, a snippet), no fix of it (see _mark_illustrations).
    illustrates: bool = False

    def walk(self) -> list[Section]:
        """This section and all its descendants, in document order."""
        out = [self]
        for child in self.children:
            out.extend(child.walk())
        return out


@dataclass
class ParsedMarkdown:
    """A Markdown document as front matter text and a root section (level 0), and the paragraphs
    that only tag the page or link related pages (``metadata``): searchable, in no section."""

    front_matter: str
    root: Section
    metadata: list[SyntaxTreeNode] = field(default_factory=list)


def parse_sections(
    source: str,
    is_label: Callable[[str], bool] = lambda text: False,
    inline_label: Callable[[str], InlineLabel] = lambda text: "",
    *,
    mdx: bool = False,
    html: tuple[str, list[int]] | None = None,
    text_file: bool = False,
) -> ParsedMarkdown:
    """Parse ``source`` into front matter and a tree of heading sections.

    A paragraph that is one bold question heads a section, and so does one bold label for
    which ``is_label`` says yes (the parts of a problem: "**Cause**"). A paragraph that opens
    with a bold label ``inline_label`` names ("**Cause:** The proxy …") is that part's section.
    A ``<details>`` fold of code only, titled by words that name what it hides ("Full log", see
    ``names_hidden_output``), is shown where it stands rather than heading a section.
    With ``mdx`` (an MDX file), its ``import`` and ``export`` statements are left out. ``html``
    says that ``source`` is an HTML file, and gives the Markdown it stands for and the line of
    ``source`` each of its lines comes from: that Markdown is read, and lines are ``source``'s.
    ``text_file`` says that ``source`` is a text file's (or the Markdown it stands for), whose tags that
    nothing closes ("keys/<name>.asc") are its words.
    """
    env: dict[str, object] = {HTML_FILE: html} if html else {TEXT_FILE: True} if text_file else {}
    tokens = markdown_parser().parse(source, env)
    _require_shallow(tokens)
    if html is None:
        # An HTML page's fences are its <pre> blocks, each closed by the conversion.
        _require_closed_fences(tokens, source.split("\n"))
    tree = _Node(tokens)
    _mark_introduced(tree)
    reader = _SectionReader(tree.children, is_label, inline_label, mdx=mdx)
    for index, node in enumerate(tree.children):
        reader.read(index, node)
    total = source.count("\n") + 1
    _set_ends(reader.root, total + 1)
    _mark_illustrations(reader.root)
    return ParsedMarkdown(front_matter=reader.front_matter, root=reader.root, metadata=reader.metadata)


class _SectionReader:
    """Reads a page's top-level blocks, in order, into a tree of sections (see :func:`parse_sections`).

    ``stack`` holds the sections open at the block being read, the page's root first: a heading,
    a bold question or a bold label opens a section on it, and every other block goes into the
    innermost one.
    """

    def __init__(
        self,
        blocks: Sequence[SyntaxTreeNode],
        is_label: Callable[[str], bool],
        inline_label: Callable[[str], InlineLabel],
        *,
        mdx: bool,
    ) -> None:
        self.blocks = blocks
        self.is_label = is_label
        self.inline_label = inline_label
        self.mdx = mdx
        self.root = Section(level=0, title="", line=1)
        self.stack = [self.root]
        self.front_matter = ""
        self.metadata: list[SyntaxTreeNode] = []
        # The sections that a <details> fold opened, by id: its closing tag closes them.
        self.folds: dict[int, SyntaxTreeNode] = {}
        self.related = _related_links(blocks)
        self.widget = _widget_answers(blocks)
        self.comments = listed_comments(blocks)
        # Where the page's closing run of tags and links to related notes begins (see _about_the_page).
        self.trailing = len(blocks)
        while self.trailing and _about_the_page(blocks[self.trailing - 1]):
            self.trailing -= 1
        self.footer = _page_footer_lines(blocks, self.related) | session_record(blocks)
        # Where the page's headings stand: fields under the title before the last describe the page.
        self.headings = [at for at, block in enumerate(blocks) if block.type == "heading"]
        self.last_heading = self.headings[-1] if self.headings else -1
        # Whether a run between headings has a block that heads a branch, by the run's start
        # (see _sibling_branch).
        self.branched: dict[int, bool] = {}
        # A question's tags stand under its title or on a site's page whose posts are signed; under a
        # section of another page, bold or coded words in a row are what the section lists.
        self.signed = is_signed_page(blocks)
        self.cover = _cover_title(blocks, is_label)
        # Where a question-and-answer site's footer begins (see opens_site_footer): none, the page's length.
        self.site_footer = next(
            (at for at, block in enumerate(blocks) if opens_site_footer(block)), len(blocks)
        )

    def read(self, index: int, node: SyntaxTreeNode) -> None:
        """Read ``node``, the page's block at ``index``, into the section it opens or belongs to."""
        if id(node) in self.related:
            return
        self._close_fold(node)
        if node.type == "front_matter":
            self.front_matter = node.content
            return
        if node.type == "footnote_block":
            node = _placed_footnotes(self.root, node)
            if not node.children:
                return
        if (
            _is_esm(node, mdx=self.mdx)
            or _is_page_furniture(node)
            or id(node) in self.widget
            or _is_cell_prompt(node)
        ):
            return
        if index >= self.site_footer or self._is_metadata(index, node):
            self.metadata.append(node)
            return
        if (
            self._opens_section(index, node)
            or self._opens_toggled_parts(node)
            or self._opens_listed_issues(node)
        ):
            return
        if node.type == "kramdown_ial":
            # "* Table of contents\n{:toc}": the list before it is generated navigation.
            blocks = self.stack[-1].blocks
            if "toc" in node.content.lower() and blocks and blocks[-1].type in LISTS:
                blocks.pop()
            return
        self.stack[-1].blocks.append(node)

    def _close_fold(self, node: SyntaxTreeNode) -> None:
        """At a fold's closing tag, what follows is its parent section's again."""
        stack = self.stack
        if (
            node.type != "html_block"
            or "</details>" not in node.content.lower()
            or id(stack[-1]) not in self.folds
        ):
            return
        fold = stack.pop()
        # The part a fold right after a bold label's part closed when it opened ("**Solution:**", its
        # steps, then the fold): an aside of it, and what follows the fold is that part's again. Read as
        # the problem's, a "::: warning" after the fold was a note before the steps, and the fold asking
        # "Why is polling slow?" was no aside of the steps, which were the part's, not the problem's.
        before = stack[-1].children[-2] if len(stack[-1].children) > 1 else None
        part = before if before is not None and before.level >= BOLD_LABEL_LEVEL else None
        if _folds_output(fold):
            # A fold of output only ("Full log", "Show output") hides what the page shows where
            # it stands: an error's log, not a section of its own, whose code was a step.
            # The problem's, not the part's: after a fix's steps, its log was one more line of the last.
            stack[-1].children.remove(fold)
            stack[-1].blocks.extend(fold.blocks)
            if part is not None:
                stack.append(part)
        elif _folds_aside(fold, (part := _still_open(part, stack[-1])) or stack[-1]):
            # A question folded after the section's steps, answered in prose ("Why does the client say
            # Active?"), as GitLab and GitHub pages fold an explanation, or more detail on them folded
            # under a title ("Retry schedule"): an aside of the problem above, no problem of its own
            # whose explanation was a step, nor a section whose text was only searchable.
            stack[-1].children.remove(fold)
            if part is not None:
                stack.append(part)
            stack[-1].blocks.extend([self.folds.pop(id(fold)), *fold.blocks])

    def _own_number(self, node: SyntaxTreeNode) -> bool:
        """Whether ``node`` is a paragraph of the article's own number alone among the first blocks
        under its title (see _OWN_NUMBER) that nothing else on the page names: an error's code alone
        there is named again by what the page says of the error, the title or its message."""
        if node.type != "paragraph" or len(self.stack[-1].blocks) > _STRIP_BLOCKS:
            return False
        number = block_text(node).strip()
        if not _OWN_NUMBER.fullmatch(number):
            return False
        return not any(number in block_text(block) for block in self.blocks if block is not node)

    def _embeds_fix(self, index: int) -> bool:
        """Whether the embed at ``index`` is all its section holds, under a heading: a part that reuses
        another note's procedure ("#### Fix", then only "![[devops.ci.cache-basics#shrink-the-cache]]").
        As page metadata, the problem had no fix and was lost, the page's one problem answering with its
        symptom as the step; as the part's text, it points to the fix."""
        after = self.blocks[index + 1] if index + 1 < len(self.blocks) else None
        return (
            self.stack[-1].level > 1
            and not self.stack[-1].blocks
            and (after is None or after.type == "heading")
        )

    def _is_metadata(self, index: int, node: SyntaxTreeNode) -> bool:
        """Whether ``node`` is about the page or the post (searchable, in no section), not part of what it says."""
        # Its byline and its abbreviations' definitions ("*[CA]: Certificate Authority") wherever
        # they stand, and "#kafka #oncall", "Related: [[Consumer tuning]]" under the page's title or
        # at its end: about the page. Between a section's paragraphs, a line of tags is what a step
        # says to use. A docs site's pager to the pages beside it is the site's wherever it stands: after
        # the article, it was its last step or a note of it.
        if (
            _is_page_furniture(node, _BYLINE)
            or token_meta(node, ABBREVIATIONS)
            or ((self.stack[-1].level <= 1 or index >= self.trailing) and _about_the_page(node))
            # Another note embedded ("![[devops.ci.runner-basics#escalation]]"), wherever it stands but
            # alone in its part (see _embeds_fix).
            or (
                node.type == "paragraph"
                and bool(node.children)
                and embeds_only(node.children[0].content)
                and not self._embeds_fix(index)
            )
            or (node.type == "paragraph" and bool(node.children) and pager_line(node.children[0].content))
            or (self.stack[-1].level <= 1 and _navigation(node))
            or (self.stack[-1].level <= 1 and _beside_byline(self.blocks, index))
            or (self.stack[-1].level == 1 and self._own_number(node))
            or (self.stack[-1].level == 1 and _states_scope(node))
            or (self.stack[-1].level <= 1 and index < self.last_heading and _field_list(node))
            or (
                self.stack[-1].level <= 1
                and (_record_bar(node) or _blameless_disclaimer(node) or _legal_notice(node))
            )
            or (index == len(self.blocks) - 1 and self.blocks[index - 1].type == "hr" and _page_footer(node))
            or (index == len(self.blocks) - 1 and _classification_marking(node))
            or id(node) in self.footer
        ):
            return True
        # The question's score under the title of a page whose posts are signed: the site's.
        if self.signed and self.stack[-1].level <= 1 and is_question_score(node):
            return True
        # A post's signature, or a comment under it: the site's, not what the post says.
        return id(node) in self.comments or is_post_furniture(
            node, tags=self.signed or self.stack[-1].level <= 1, signed=self.signed
        )

    def _opens_section(self, index: int, node: SyntaxTreeNode) -> bool:
        """Open the section(s) ``node`` heads, if it heads any: a heading, a bold question or
        label, or a paragraph of labelled parts ("**Cause:** …")."""
        stack = self.stack
        if index == self.cover:
            _open(stack, Section(level=1, title=inline_text(node).strip(), line=line_of(node)), 1)
            return True
        # The block's own shape first: most are no score, and each open section's title is asked only then.
        if (answer := answer_score(node)) and any(heads_answers(open_.title) for open_ in stack):
            # Under "## 3 Answers", a score alone in bold opens each answer ("**218** ✔ Accepted answer"),
            # as a heading over it does on other exports: read on, its steps went on the accepted one's.
            _open(stack, Section(level=BOLD_QUESTION_LEVEL, title=answer, line=line_of(node)))
            return True
        following = self.blocks[index + 1] if index + 1 < len(self.blocks) else None
        asked = _marked_question(node, following)
        question = (
            _bold_question(node)
            or _fold_title(node)
            or asked[0]
            or _numbered_problem(node)
            or _numbered_symptom(node, following)
            or _numbered_message(node, following)
        )
        if not question and following is not None:
            after_rule = index > 0 and self.blocks[index - 1].type == "hr"
            after = self.blocks[index + 2] if index + 2 < len(self.blocks) else None
            question = _bold_error_title(
                node, following, self.inline_label, after_rule=after_rule, after=after
            )
            question = question or self._sibling_branch(index, node, following)
        if not question and stack[-1].level == BOLD_QUESTION_LEVEL and id(stack[-1]) not in self.folds:
            question = _bold_entry(node, stack[-1], self.is_label)
        label = (
            ""
            if question
            else _bold_label(node, self.is_label, self.inline_label)
            or _steps_label(node, stack[-1], self.blocks[index + 1 :])
            or (_procedure_title(node) if _holds_no_steps(stack[-1]) else "")
        )
        if not (question or label or node.type == "heading"):
            # Under a label opened before in this section ("Symptom: …", "Cause: …"), a fix's plain label too.
            after_parts = any(child.level >= BOLD_LABEL_LEVEL for child in stack[-1].children)
            runs = _labelled_runs(node, self.inline_label, fixes=after_parts)
            if _symptom_lead_in(stack[-1], runs, self.blocks[index + 1 : index + 4], self.inline_label):
                return False
            if runs:
                _open_labelled_runs(stack, runs, self.inline_label)
            return bool(runs)
        # A bold line that asks a question heads its answer, as in a FAQ without headings;
        # it sits below every real heading, so the next one ends it. A bold label sits below both.
        level = (
            int(node.tag[1:])
            if node.type == "heading"
            else BOLD_QUESTION_LEVEL
            if question
            else ALTERNATIVE_LABEL_LEVEL
            if FIX_ALTERNATIVE.match(label)
            else BOLD_LABEL_LEVEL
        )
        section = Section(
            level=level,
            title=question or label or inline_text(node),
            line=line_of(node),
            quoted=quoted_parts(node),
            named=node.type == "heading" and written_as_code(node),
        )
        _open(stack, section, level if node.type == "heading" else 0)
        if asked[1] is not None:
            section.blocks.append(asked[1])
        elif question and not asked[0] and not _bold_question(node):
            self.folds[id(section)] = node
        return True

    def _sibling_branch(self, index: int, node: SyntaxTreeNode, following: SyntaxTreeNode) -> str:
        """The title of a bold line that opens on a condition on what it quotes, over code (see
        _bold_error_title), where another such line between the same headings heads its branch: '**If you
        see "ETIMEDOUT"**' beside '**If you see "EACCES: permission denied"**', each over its command. A
        bare code reads as no failure by itself, so the first branch's group took the second's line and
        command as its step; else ""."""
        text = _conditioned_over_code(node, following)
        if not text or heading_role(text) is not Role.TOPIC:
            return ""
        # The run's heading lines are found once for all its bare lines: asked anew for each, a catalogue
        # of 800 bare '**If you see "E0001"**' entries over their commands took a minute to read.
        after = bisect_right(self.headings, index)
        start = self.headings[after - 1] + 1 if after else 0
        if start not in self.branched:
            end = self.headings[after] if after < len(self.headings) else len(self.blocks)
            self.branched[start] = any(
                _conditioned_over_code(block, below)
                and _bold_error_title(block, below, self.inline_label, after_rule=False)
                for block, below in pairwise(self.blocks[start:end])
            )
        return text if self.branched[start] else ""

    def _opens_toggled_parts(self, node: SyntaxTreeNode) -> bool:
        """Open a part per item of ``node``, if it is a list of toggled parts (:func:`_toggled_parts`)."""
        toggles = _toggled_parts(node, self.is_label)
        if not toggles:
            return False
        for title, item in toggles:
            part = Section(level=BOLD_LABEL_LEVEL, title=title, line=line_of(item))
            _open(self.stack, part).blocks.extend(item.children[1:])
        # What follows the list is its section's again, but for a remark after the fix's steps.
        if self.inline_label(toggles[-1][0]) != "fix":
            self.stack.pop()
        return True

    def _opens_listed_issues(self, node: SyntaxTreeNode) -> bool:
        """Open a problem per item of ``node``, if it is a list of issues under a heading that promises
        several (:func:`_listed_issues`); one issue alone only where its title names a failure and its
        nested list is a list of its parts (:meth:`_listed_parts`)."""
        if not is_container_title(self.stack[-1].title):
            return False
        issues = _listed_issues(node)
        # One toggle alone under such a heading ("## Common issues", then "- **"Authentication failed
        # (error 691)"** when connecting" over "- Cause: …" and "- Fix:") is an issue where it holds its
        # parts; a bold item over a list, alone, is as often a step over its sub-steps. And where its title
        # names a failure: "**Gather the reader's details before you open a ticket**" over "- Symptoms: …",
        # "- Cause: …", "- Steps tried: …", a ticket's checklist, had its items read as a problem's parts.
        if not issues or (
            len(issues) == 1
            and not (
                heading_kind(issues[0][0]) is Kind.ERROR
                and any(self._listed_parts(block) for block in issues[0][1].children)
            )
        ):
            return False
        for title, item in issues:
            issue = _open(self.stack, Section(level=BOLD_QUESTION_LEVEL, title=title, line=line_of(item)))
            for block in item.children:
                if not self._opens_listed_parts(block):
                    self.stack[-1].blocks.append(block)
        # What follows the list is the heading's again: the last issue and any part open in it end.
        while self.stack.pop() is not issue:
            pass
        return True

    def _opens_listed_parts(self, node: SyntaxTreeNode) -> bool:
        """Open a part per item of ``node``, if it is an issue's list of its parts (:meth:`_listed_parts`);
        an item that names no part is a paragraph of the part before it."""
        parts = self._listed_parts(node)
        for label, item, runs in parts:
            if label:
                _open(self.stack, Section(level=BOLD_LABEL_LEVEL, title=label, line=line_of(item)))
                self.stack[-1].blocks.extend(item.children[1:])
            elif runs:
                _open_labelled_runs(self.stack, runs, self.inline_label)
                self.stack[-1].blocks.extend(item.children[1:])
            else:
                self.stack[-1].blocks.append(item.children[0])
        return bool(parts)

    def _listed_parts(
        self, node: SyntaxTreeNode
    ) -> list[tuple[str, SyntaxTreeNode, list[tuple[str, SyntaxTreeNode]]]]:
        """The items of an issue's list of its parts, as Slite writes a toggle, each with the part it names
        and holds ("- Fix:" over the steps, see :func:`_toggled_part`) or the labelled runs of its one line
        ("- Cause: the password expired"), the first item a part and two at least; an item of one line
        that is neither ("- 💡 Tip: …") is a remark of the part before it. [] for any other block. Read as
        a list, "Cause: …" and "Fix:" were steps 1 and 2, the steps under "Fix:" 2.1 and 2.2."""
        if node.type != "bullet_list":
            return []
        parts: list[tuple[str, SyntaxTreeNode, list[tuple[str, SyntaxTreeNode]]]] = []
        for item in node.children:
            if not item.children or item.children[0].type != "paragraph":
                return []
            label = _toggled_part(item, self.is_label)
            alone = len(item.children) == 1
            # A labelled line over blocks of its own ("- Fix: reset the password …, then:" over the steps)
            # opens its part as a line alone does; read as a list, its steps were steps 1.2.1 and 1.2.2.
            runs = [] if label else _labelled_runs(item.children[0], self.inline_label, fixes=True)
            if not (label or runs or (alone and parts)):
                return []
            parts.append((label, item, runs))
        # Two parts at least: a lone "- Workaround: …" under a release's known issue is its one step.
        return parts if sum(bool(label or runs) for label, _, runs in parts) > 1 else []


def _cover_title(blocks: Sequence[SyntaxTreeNode], is_label: Callable[[str], bool]) -> int | None:
    """The index of the bold line that titles a page of no heading, the last of those it opens with
    ("**ACME SUITE**" over "**How-to Guide: …**", a Word document's cover converted by Pandoc, whose
    headings are bold lines too); None when another block opens it, or it is a part's label, a
    question or a call-out. Read as a paragraph, the page was titled by its file's name."""
    if any(b.type == "heading" for b in blocks):
        return None
    opening = list(takewhile(lambda b: bold_run(b) is not None and not _numbered_problem(b), blocks))
    if not opening or len(opening) == len(blocks):
        return None
    text = inline_text(opening[-1]).strip()
    plain = not (is_label(text) or _bold_question(opening[-1]) or _bold_callout_label(opening[-1]))
    return len(opening) - 1 if plain and len(text) <= MAX_QUESTION_CHARS and "\n" not in text else None


def _about_the_page(node: SyntaxTreeNode) -> bool:
    """A paragraph of tags or links to related notes only (:func:`tags_or_links_only`)."""
    return node.type == "paragraph" and bool(node.children) and tags_or_links_only(node.children[0].content)


def _links_line(node: SyntaxTreeNode) -> str | None:
    """What a paragraph, or a quote of one, that is a line of links only (:func:`links_line`) says
    after its last link; None for any other block."""
    if node.type == "blockquote" and len(node.children) == 1:
        node = node.children[0]
    if node.type != "paragraph" or not node.children:
        return None
    return links_line(node.children[0].content)


def _navigation(node: SyntaxTreeNode) -> bool:
    """A line of links to the site's other pages, quoted or not ("> Back to [README](../README.md) ·
    [Installation](install.md)"), as a project's docs open each page, its trail to the page ("[Home](/) ›
    [Support](/support) › Billing", :func:`trail_line`) or its language switcher (see _LANGUAGE_PICKER):
    read under the title, it was a note of the fix or the symptoms' first line."""
    if _links_line(node) == "":
        return True
    if node.type != "paragraph" or not node.children:
        return False
    return trail_line(node.children[0].content) or bool(_LANGUAGE_PICKER.fullmatch(block_text(node)))


# What a vendor's knowledge base prints in its byline's strip under the title, each in a paragraph of its
# own: the article's number alone ("**CTX692441**") and the page's buttons, links that lead nowhere
# ("[Download](#) [Share](#)"). Read as the problem's first symptoms, the number was its error code. Alone
# under a title, such a number may be the error the page is about: only beside the byline.
_ARTICLE_NUMBER = re.compile(r"[A-Z]{2,8}-?\d{3,9}")
_BUTTONS = re.compile(r"(?:\[[^\[\]\n]{1,30}\]\(#\)[ \t]*){1,4}")
# How near the byline they stand, in blocks.
_STRIP_BLOCKS = 2
# A knowledge base's own number as it may stand alone under the title with no byline beside it: letters,
# then six digits or more with nothing between ("CTX692441", "KB5034441"). An error's code there is
# written shorter or parted ("HDX-4182"), and it stays the problem's.
_OWN_NUMBER = re.compile(r"[A-Z]{2,8}\d{6,9}")


def _beside_byline(blocks: Sequence[SyntaxTreeNode], index: int) -> bool:
    """Whether ``blocks[index]`` is a paragraph of an article's number alone or of buttons only (see
    _ARTICLE_NUMBER) within a block or two of the page's byline."""
    node = blocks[index]
    if node.type != "paragraph" or not node.children:
        return False
    if not (
        _ARTICLE_NUMBER.fullmatch(block_text(node).strip())
        or _BUTTONS.fullmatch(node.children[0].content.strip())
    ):
        return False
    near = blocks[max(0, index - _STRIP_BLOCKS) : index + _STRIP_BLOCKS + 1]
    return any(block is not node and _is_page_furniture(block, _BYLINE) for block in near)


# A help centre's switch between the page's translations under its title, a label then the languages
# parted by bars or middle dots ("Language: English | Español | 日本語"): two at least, each a few words,
# where a page's field names one ("Language: English").
_LANGUAGE_PICKER = re.compile(
    r"(?:languages?|idioma|sprache|langue|lingua|język|язык|言語|语言|語言|언어)[ \t]?[:\uff1a]"
    r"[^|\u00b7\n]{1,30}+(?:[|\u00b7][^|\u00b7\n]{1,30}+)++",
    re.IGNORECASE,
)


def _field_list(node: SyntaxTreeNode) -> bool:
    """A bulleted list of the page's fields, each item a bold label and a short value ("**File:**
    `rules/redis.rules.yaml`", "**Group:** `redis.rules`"), as a generated reference page describes its
    source under its title: about the page. Over the page's sections, it is no problem whose steps its
    items were; on a page of no section, such a list is what to set."""
    if node.type != "bullet_list" or not node.children:
        return False
    for item in node.children:
        first = item.children[0] if item.children else None
        if first is None or first.type != "paragraph" or not first.children:
            return False
        if not first.children[0].content.startswith(("**", "__")) or not _footer_line(block_text(item)):
            return False
    return True


# Between the fields of a bar of them on one line: a middle dot, a bullet or a bar, spaced.
_BAR_SEPARATOR = re.compile(r"[ \t]+[\u00b7\u2022|][ \t]+")
# What the labels of a record's fields may name: no part of a problem ("Incident", "Severity", "Status").
_RECORD_LABEL_ROLES = frozenset({Role.TOPIC, Role.INFO, Role.BOILERPLATE})


def _record_bar(node: SyntaxTreeNode) -> bool:
    """A line of bold-labelled fields under the title, two or more parted by middle dots or bars
    ("**Incident:** INC-3107 · **Severity:** SEV-1 · **Status:** Resolved", a postmortem's record of the
    incident), none of whose labels names a part of a problem: about the page. Read as the problem's
    opening, the bar was its symptoms and the incident's number its error code."""
    if node.type != "paragraph" or not node.children:
        return False
    inline = [n for n in node.children[0].children if n.type != "text" or n.content]
    # Its first field's bold label is the cheap test.
    if not inline or inline[0].type != "strong":
        return False
    labels = [inline_text(n).strip().rstrip(":").strip() for n in inline if n.type == "strong"]
    pieces = _BAR_SEPARATOR.split(block_text(node))
    return (
        len(labels) == len(pieces) > 1
        and all(
            piece.startswith(label) and piece[len(label) :].lstrip().startswith(":")
            for label, piece in zip(labels, pieces, strict=True)
        )
        and all(heading_role(label) in _RECORD_LABEL_ROLES for label in labels)
    )


# A postmortem template's disclaimer, quoted under the title: the review is blameless.
_BLAMELESS = re.compile(r"\bblameless\b", re.IGNORECASE)
# Longer than that, a quote says more than the template's disclaimer.
MAX_DISCLAIMER_CHARS = 300


def _blameless_disclaimer(node: SyntaxTreeNode) -> bool:
    """A short quote under the title that says the postmortem is blameless ("This is a blameless postmortem.
    We focus on systems and processes, not people."): the template's, on every postmortem written from it,
    about the page. Read in the problem's opening, the quote was its error message."""
    if node.type != "blockquote":
        return False
    text = block_text(node)
    return len(text) <= MAX_DISCLAIMER_CHARS and bool(_BLAMELESS.search(text))


# A vendor's legal notice under the title, about the page itself: the terms it is published under ("This
# document (7019388) is provided subject to the disclaimer at the end of this document.", as a TID opens),
# or that it may change (an advisory's "NOTICE: … This document is subject to change without notice.").
_UNDER_DISCLAIMER = re.compile(
    r"\b(?:this|the) (?:document|article|page|information|content)\b[^.]{0,40}? (?:is|are) "
    r"(?:provided |published |made available )?subject to (?:change without (?:prior )?notice|"
    r"(?:the|a|its|our) (?:[\w-]+ ){0,2}(?:disclaimer|terms of use|legal notice))",
    re.IGNORECASE,
)


def _legal_notice(node: SyntaxTreeNode) -> bool:
    """A short paragraph or call-out under the title that says the page is subject to its disclaimer or
    to change (see _UNDER_DISCLAIMER): the site's, on every page it publishes, about the page. Read in
    the problem's opening, it was its symptoms, or a note before the steps of every answer."""
    if node.type != "paragraph" and not is_callout(node):
        return False
    text = block_text(node)
    return (
        len(text) <= MAX_DISCLAIMER_CHARS
        and "subject to" in text.lower()
        and bool(_UNDER_DISCLAIMER.search(text))
    )


# What a box under the title says when it tells which products, platforms or versions the article is for
# ("Platform Notice: Data Center Only - This article only applies to …", "This page applies to …").
_SCOPE = re.compile(
    r"\b(?:this|the) (?:article|page|document|content|information|solution) (?:only )?appl(?:ies|y) (?:only )?to\b",
    re.IGNORECASE,
)
# Only a box's opening says what it is for.
MAX_SCOPE_OPENING = 300


def _states_scope(node: SyntaxTreeNode) -> bool:
    """Whether ``node`` is a call-out that says what the article applies to (see _SCOPE): under the title,
    the page's scope, searchable; read as a note before the steps, every answer opened with it."""
    return is_callout(node) and bool(_SCOPE.search(block_text(node)[:MAX_SCOPE_OPENING]))


def _page_footer(node: SyntaxTreeNode) -> bool:
    """A line of links that ends in the page's date ("[Auth](auth.md) · [Quotas](quotas.md) · Last
    updated 2024-03-02"), as a docs site closes each page after a rule: the page's, not a step of its
    last entry. Without the date, the links are that entry's see-also note."""
    tail = _links_line(node)
    return tail is not None and bool(_BYLINE.match(tail))


# A document's classification marking, its footer, that Pandoc leaves after a Word document's last
# fix: "Acme Confidential -- Internal Use Only", "CONFIDENTIAL", "For internal use only". A name of
# capitalised words before it only: "Mark the file Confidential" says what to do.
_CLASSIFICATION = re.compile(
    r"(?:[A-Z][\w&.-]*\s+){0,3}(?i:strictly\s+)?(?i:confidential)\b[^.\n]{0,60}"
    r"|(?i:(?:for\s+)?internal\s+use\s+only)\b[^.\n]{0,60}"
)


def _classification_marking(node: SyntaxTreeNode) -> bool:
    """Whether ``node`` is a paragraph of a document's classification marking alone (see _CLASSIFICATION)."""
    return node.type == "paragraph" and bool(_CLASSIFICATION.fullmatch(block_text(node).strip()))


# A few short lines after the page's last rule, about the page (who owns it, when it was reviewed, its
# tags, what it applies to, its feedback prompt and related pages), as docs sites and help centres
# close every page: read as the last problem's notes or steps, they were shown in its answer.
MAX_FOOTER_BLOCKS = 5
# A field among them: a label of a few words, the first not in lower case, and its value up to the
# next piece, opening the line or after a piece or a sentence of a few words ("Page owner: @ops" in
# "Questions? Ask in #eng-ci. Page owner: @ops", "Last reviewed: 2024-06-03 by Hardware Support").
_FOOTER_FIELD = re.compile(
    r"(?:^|[\u00b7|]\s*|[.?!]\s+)(?P<label>[^\W\d_][\w'’.-]*(?: [\w'’.-]+){0,3})\s?[:：]\s+(?P<value>[^\u00b7|\n]+)"
)
MAX_FOOTER_LEAD_WORDS = 5
_SENTENCE_END = (".", "!", "?", "。", "！", "？")


def _page_footer_lines(blocks: Sequence[SyntaxTreeNode], related: set[int]) -> set[int]:
    """The ids of the blocks after the page's last rule when they are its footer: each a line about the
    page (:func:`_footer_line`), or related pages, one at least about the page itself. Related pages
    alone there ("See also: [Quotas](quotas.md)") are the last entry's, and a list, a heading, code or
    a sentence among them makes them the article's."""
    signed = len(blocks)
    while signed and _signature(block_text(blocks[signed - 1])):
        signed -= 1
    if signed < len(blocks):
        # A generator's signature needs no rule over it to close the page (Swimm's <SwmMeta> footer,
        # "Powered by Swimm", right under the last note): it was a note of the last fix. The signatures
        # are stripped in a loop, the rest read once: one call a signature ran out of stack on a long page.
        return {id(block) for block in blocks[signed:]} | _page_footer_lines(blocks[:signed], related)
    rules = [at for at, block in enumerate(blocks) if block.type == "hr"]
    tail = blocks[rules[-1] + 1 :] if rules else []
    # A site's wrapper tags around its footer (<div class="page-footer"> … </div>) say nothing.
    said = [block for block in tail if not (block.type == "html_block" and tags_alone(block.content))]
    if not said or len(said) > MAX_FOOTER_BLOCKS:
        return set()
    # Nor does HTML whose text the reader drops as the site's chrome (a feedback widget's "👍 17 people
    # found this helpful"): kept as a block that says nothing, it made the footer more of the article.
    # Within the budget the reader reads HTML in: a larger block is read as saying something.
    said = [
        block
        for block in said
        if not (
            block.type == "html_block"
            and len(block.content) <= MAX_HTML_CHARS
            and html_as_markdown(block.content) is None
        )
    ]
    if not said:
        return set()
    kinds = [_footer_kind(block, related) for block in said]
    if "" in kinds or "page" not in kinds:
        return set()
    return {id(block) for block in tail}


def _footer_kind(block: SyntaxTreeNode, related: set[int]) -> Literal["", "links", "page"]:
    """What a block after the page's last rule is in a footer: related pages ("links"), a line about the
    page ("page": its feedback prompt, its byline, a field), or none of it ("")."""
    if id(block) in related:
        return "links"
    if is_post_furniture(block, tags=False, signed=False):
        # Readers' reactions and comments under the page ("👍 42 people found this useful").
        return "page"
    if block.type != "paragraph" or not block.children:
        return ""
    if _is_page_furniture(block) or _is_page_furniture(block, _BYLINE):
        return "page"
    markdown = block.children[0].content
    if _about_the_page(block) or _links_line(block) is not None or labelled_links(markdown):
        return "links"
    text = block_text(block)
    if "\n" in text:
        # A footer's short lines in one paragraph, each alone the page's: a support line over the feedback
        # prompt ("KasaPro d.o.o. | Podrška: podrska@… | +385 1 …" then "Je li vam ovaj članak pomogao? DA /
        # NE") was the last fix's note. One line of anything else (advice, "If it persists, reset …") keeps
        # the paragraph the fix's.
        lines = text.split("\n")
        return (
            "page"
            if len(lines) <= MAX_FOOTER_PARAGRAPH_LINES
            and all(_PAGE_FURNITURE.match(line) or _page_line(line) for line in lines)
            else ""
        )
    return "page" if _page_line(text) else ""


# The most lines a footer's paragraph of its short lines holds (a support line, a prompt, a copyright).
MAX_FOOTER_PARAGRAPH_LINES = 4


def _page_line(text: str) -> bool:
    """Whether ``text`` is one short line of a footer's kinds below (see _footer_kind): a field, a prompt
    that sends to support, a support contact, a sign-off, contact links or a generator's signature."""
    if "\n" in text or len(text) > _FURNITURE_CHARS:
        # Each of the kinds below is one short line.
        return False
    return (
        _footer_line(text)
        or _support_prompt(text)
        or _support_contact(text)
        or _sign_off(text)
        or _contact_links(text)
        or _generator_line(text)
        or _page_actions(text)
    )


# A vendor's contact links under every page, a few short pieces parted by bars or middle dots, one that
# contacts someone and one that names support ("Contact Us | Open a Support Case | (Requires a Service
# Contract)"): read as the last entry's step, it was served in its answer.
_CONTACT_PIECE = re.compile(r"contact\b", re.IGNORECASE)
_LINK_SEPARATOR = re.compile(r"\s[|\u00b7]\s")
MAX_CONTACT_PIECE_WORDS = 6


def _contact_links(text: str) -> bool:
    """Whether a footer's short line ``text`` (see _footer_kind) is a page's contact links (see
    _CONTACT_PIECE), no sentence among them."""
    if not ("|" in text or "\u00b7" in text):
        return False
    pieces = [piece.strip() for piece in _LINK_SEPARATOR.split(text)]
    return (
        len(pieces) > 1
        and all(
            len(piece.split()) <= MAX_CONTACT_PIECE_WORDS and not piece.endswith(_SENTENCE_END)
            for piece in pieces
        )
        and any(_CONTACT_PIECE.match(piece) for piece in pieces)
        and sends_on(text)
    )


# A knowledge base's links that act on the page itself, as an export sets them on its footer's line
# ("Edit article", "History", "Print", "Watch this page"), parted by bars or middle dots; its page history
# by other names ("View history", "Revisions") and its comments' count ("Comments (2)"), and the same
# links in the languages whose footers are read ("Bearbeiten · Verlauf", "Modifier · Historique"): in
# English only, they were the last problem's note. Kept apart from _PAGE_FURNITURE's "Edit this page",
# which takes any lead anywhere in the article: a bare "Print" or "History" there would take a tip's
# menu path ("choose File | Print"); here the lead must be a field of the page's (see _page_actions).
_PAGE_ACTION = re.compile(
    r"(?:edit|print|share|watch|subscribe|export)(?: (?:this )?(?:article|page))?"
    r"|(?:view |page |article )?(?:history|revisions)|permalink|comments(?: \(\d+\))?"
    r"|bearbeiten|verlauf|versionen|drucken|teilen|modifier|historique|imprimer|partager"
    r"|editar|historial|imprimir|compartir",
    re.IGNORECASE,
)


def _page_actions(text: str) -> bool:
    """Whether a footer's short line ``text`` (see _footer_kind) is links that act on the page (see
    _PAGE_ACTION), perhaps after one field of the page's, whatever its value: YouTrack's knowledge base ends
    an exported article with "Related: BINF-1893, BINF-1902 · Edit article · History", the related issues'
    keys no field's value (they are codes, see _field_value), and the line was the last problem's note."""
    pieces = [piece.strip() for piece in _LINK_SEPARATOR.split(text)]
    others = [piece for piece in pieces if not _PAGE_ACTION.fullmatch(piece)]
    if len(others) == len(pieces) or len(others) > 1:
        return False
    field = _FOOTER_FIELD.fullmatch(others[0]) if others else None
    return not others or (field is not None and _footer_label(field["label"]))


# A sentence's end inside a line: a prompt's one sentence has none before its last.
_INNER_SENTENCE_END = re.compile(r"[.!?](?=\s)")
# A footer's call to write in: a prompt that asks whether the reader has a question (or feedback), over
# a sentence that sends it to an address ("Have a question for next month's interview? Send it to …").
_CALL_TO_WRITE_IN = re.compile(
    r"(?:(?:have|got)\s+(?:a|any)\s+)?(?:questions?|feedback|suggestions?)\b", re.I
)
_ADDRESS = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# A support line's other contact details: a phone number (seven digits or more in groups, a date's
# none) and opening hours ("Mo–Fr 8–17 Uhr", "09:00~18:00").
_PHONE = re.compile(r"(?<![\w.:/-])\+?\(?\d{1,5}\)?(?:[ .-]\(?\d{1,5}\)?){1,5}(?![\w:/-])")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}|\d{1,2}\.\d{1,2}\.\d{2,4}")
_HOURS = re.compile(r"(?<!\d)\d{1,2}(?:[:.]\d{2})?\s?[-\u2013~]\s?\d{1,2}(?:[:.]\d{2})?(?!\d)")
MIN_PHONE_DIGITS = 7
# A host's address has a phone number's digits and dots: "Contact support at 192.168.100.200" is a fix's step.
_IP_ADDRESS = re.compile(r"\d{1,3}(?:\.\d{1,3}){3}")
_DOTTED_NUMBER = re.compile(r"\d+(?:\.\d+)+")
# A footer's one sentence that sends further questions on, with no prompt before it ("For further
# questions, contact the IT Service Desk, …", "Bei weiteren Fragen wenden Sie sich an …"), in the
# languages whose help centres' prompts are read too.
_FURTHER_QUESTIONS = re.compile(
    r"(?:for|with|if\s+you\s+have)\s+(?:any\s+)?(?:(?:further|other|more|additional)\s+)?questions\b"
    r"|bei\s+(?:weiteren\s+)?fragen\b|(?:falls|wenn)\s+sie\s+(?:noch\s+)?(?:weitere\s+)?fragen\s+haben\b"
    r"|pour\s+toute\s+(?:autre\s+)?question\b|si\s+vous\s+avez\s+(?:d'autres|des)\s+questions\b"
    r"|si\s+tienes?\s+(?:más|otras|alguna)\s+preguntas?\b|para\s+(?:más|otras)\s+(?:preguntas|consultas)\b"
    r"|em\s+caso\s+de\s+dúvidas?\b|se\s+tiver\s+(?:mais|outras)\s+(?:dúvidas|perguntas)\b"
    r"|per\s+(?:ulteriori|altre|qualsiasi)\s+domand[ae]\b|bij\s+(?:verdere|andere)\s+vragen\b",
    re.IGNORECASE,
)


# A closing call to action under a post, as blogs and doc tools sign off: a prompt that asks whether the
# reader has questions or liked the page ("🙋 Questions?", "Found this useful?", "Enjoyed this post?"), after
# a few words at most (a post's "Filed under Databases."), over one sentence that sends the reader to
# someone by their handle or channel ("Ping @laura in #email-infra") or asks to share, clap, follow or
# subscribe. Read as the last problem's note, it was shown in its answer.
_SIGN_OFF_PROMPT = re.compile(
    r"(?:(?:have|got)\s+(?:a|any)\s+)?questions|(?:found|find)\s+(?:this|it)\s+(?:useful|helpful|valuable)"
    r"|(?:enjoyed|liked?)\s+this\s+(?:post|article|story|tutorial|guide|page)",
    re.IGNORECASE,
)
_SIGN_OFF_ACTION = re.compile(
    r"\b(?:share|clap|follow|subscribe|like|bookmark|recommend)\b|(?<![\w@#])[@#][A-Za-z][\w.-]{1,40}",
    re.IGNORECASE,
)
MAX_SIGN_OFF_LEAD_WORDS = 4


def _sign_off(text: str) -> bool:
    """Whether a footer's short line ``text`` (see _footer_kind) is a closing call to action (see
    _SIGN_OFF_PROMPT): its prompt, after a few words at most, and one sentence that sends the reader to
    someone or asks to share the page. A prompt over advice ("Questions about the paper? Use 80 mm
    rolls.") is no sign-off."""
    lead, asked, sentence = text.partition("?")
    if not asked:
        return False
    found = _SIGN_OFF_PROMPT.search(lead)
    if found is None or lead[found.end() :].strip():
        return False
    before = [word for word in lead[: found.start()].split() if any(c.isalnum() for c in word)]
    return (
        len(before) <= MAX_SIGN_OFF_LEAD_WORDS
        and not _INNER_SENTENCE_END.search(sentence.strip())
        and bool(_SIGN_OFF_ACTION.search(sentence))
    )


def _support_prompt(text: str) -> bool:
    """Whether a footer's short line ``text`` (see _footer_kind) is a closing prompt and one sentence
    that sends the reader to support ("Still stuck? Open a case at support.… and attach the log."), as a
    page's footer asks it of every page: read as the last step, it was one; so is a call to write in, a
    question sent to an address ("Got a question? Send it to news@…"), and one sentence that sends
    further questions to support ("For further questions, contact the IT Service Desk."), or to support
    at its address in any language ("Kontakt IT-support på it-hjaelp@example.dk, hvis fejlen
    fortsætter."), as a prompt's sentence may send the reader to an address alone ("Masih perlukan
    bantuan? Hubungi kami di …@…") or a phone number ("Ainda precisa de ajuda? … ligue 4004-0000."). A prompt over a fix of its own ("Still stuck? Restart the agent.")
    is a step."""
    one_sentence = not _INNER_SENTENCE_END.search(text.strip())
    if sends_on(text) and one_sentence and (_FURTHER_QUESTIONS.match(text) or _ADDRESS.search(text)):
        return True
    prompt, asked, sentence = text.partition("?")
    writes_in = bool(_CALL_TO_WRITE_IN.match(prompt.strip())) and bool(_ADDRESS.search(sentence))
    return (
        bool(asked)
        and (
            (
                heading_role(prompt) is Role.BOILERPLATE
                and (sends_on(sentence) or _ADDRESS.search(sentence) or _names_phone(sentence, dotted=False))
            )
            or writes_in
        )
        and not _INNER_SENTENCE_END.search(sentence.strip())
    )


# The line a documentation generator signs the pages it writes with, which a rule sets apart at the end
# ("Autogenerated from chart metadata using helm-docs v1.14.2", "Generated by Doxygen 1.9.8", "Built with
# MkDocs"): the verb, what it was made from at most, then the tool.
_GENERATOR_LINE = re.compile(
    r"(?:auto-?generated|generated|built|powered|rendered)(?:\s+(?:from|on)\s+[^.?!\n]{1,60}?)?"
    r"\s+(?:by|using|with)\s+[^?!\n]{1,80}",
    re.IGNORECASE,
)


def _generator_line(text: str) -> bool:
    """Whether a footer's short line ``text`` (see _footer_kind) is a generator's signature (see
    _GENERATOR_LINE), one sentence at most."""
    return bool(_GENERATOR_LINE.fullmatch(text.strip())) and not _INNER_SENTENCE_END.search(text.strip())


# A signature with no rule over it is short and signs alone: a tool and its version or link, no clause after it
# ("Powered by Swimm", "Generated by Doxygen 1.9.8"). A last sentence that opens the same way and goes on to say
# something ("Powered by Azure OpenAI, the assistant stops answering once its daily quota is used up", a cause)
# is the article's.
MAX_SIGNATURE_WORDS = 8


def _signature(text: str) -> bool:
    """Whether a page's last block ``text``, with no rule over it, is a generator's signature: a generator's
    line (see _generator_line) of at most MAX_SIGNATURE_WORDS words and no clause after a comma or semicolon."""
    return (
        _generator_line(text) and len(text.split()) <= MAX_SIGNATURE_WORDS and not re.search(r"[,;]\s", text)
    )


def _support_contact(text: str) -> bool:
    """Whether a footer's short line ``text`` (see _footer_kind) is a help centre's support contact: a
    place it sends to ("Servicedesk", "destek", "고객센터") with an address or a phone number, or two of an
    address, a phone number and opening hours ("Tel. 0711 123-4567 · Mo–Fr 8–17 Uhr"), in any language.
    After the page's last rule, with a prompt or none, it is on every page: no note of the last fix."""
    phone = _names_phone(text)
    address = bool(_ADDRESS.search(text))
    details = phone + address + bool(_HOURS.search(text))
    return details >= 2 or ((phone or address) and sends_on(text))


def _names_phone(text: str, *, dotted: bool = True) -> bool:
    """Whether ``text`` holds a phone number: a run of digits apart by spaces, dashes or dots, long enough
    to dial, no date and no IP address; with ``dotted`` False, not one of digits and dots alone, which a
    version is written as too ("10.0.19045.3803")."""
    return any(
        sum(c.isdigit() for c in found.group()) >= MIN_PHONE_DIGITS
        and not _DATE.fullmatch(found.group())
        and not _IP_ADDRESS.fullmatch(found.group())
        and (dotted or not _DOTTED_NUMBER.fullmatch(found.group()))
        for found in _PHONE.finditer(text)
    )


def _footer_line(text: str) -> bool:
    """Whether ``text`` is one short line of a page's footer: a field about the page, perhaps after a
    prompt or an owner's few words ("Owned by the DB team · Questions: #db-help"), and no sentence."""
    if "\n" in text or len(text) > _FURNITURE_CHARS or text.endswith(_SENTENCE_END):
        return False
    for found in _FOOTER_FIELD.finditer(text):
        lead = [word for word in text[: found.start("label")].split() if any(c.isalnum() for c in word)]
        if len(lead) > MAX_FOOTER_LEAD_WORDS:
            return False
        if _footer_label(found["label"]) and _field_value(found["value"].strip()):
            return True
    return False


def _footer_label(label: str) -> bool:
    """Whether a footer's label names a field ("Last reviewed", "Page owner", "Applies to"), not a part of
    a problem, advice, an error, one of several fixes ("Option B") or what to do ("Then run")."""
    return (
        not label[0].islower()
        and heading_role(label) in (Role.TOPIC, Role.BOILERPLATE)
        and heading_kind(label) is Kind.PLAIN
        and not _NOT_A_FIELD.search(label)
        and not CALLOUT_LABEL.match(f"{label}:")
        and not reads_as_instruction(label)
    )


# MDX reads a top-level block that opens with "import" or "export" as JavaScript (the page's
# components and metadata), never as text: "import Tabs from '@theme/Tabs';".
_ESM = re.compile(r"(?:import|export)\s")
# Docusaurus reads a page named .md as MDX too, and its pages import the components they use
# (Tabs, TabItem, Admonition). In a page named .md only a paragraph of import statements alone is
# taken for code: prose may open with "import the root certificate …", never with
# "import X from '…'".
_IMPORT_STATEMENT = re.compile(
    r"""import\s+(?:(?:[\w$]+|\*\s*as\s+[\w$]+|\{[^{}]*\})(?:\s*,\s*(?:\{[^{}]*\}|\*\s*as\s+[\w$]+))?\s+from\s+)?"""
    r"""(["'])[^"'\n]+\1\s*;?"""
)


def _is_esm(node: SyntaxTreeNode, *, mdx: bool) -> bool:
    """Whether ``node`` is JavaScript of an MDX page (its components and metadata), not text."""
    if node.type != "paragraph" or not node.children:
        return False
    content = node.children[0].content
    if mdx:
        return bool(_ESM.match(content))
    return content.startswith("import") and all(
        _IMPORT_STATEMENT.fullmatch(line.strip()) for line in content.split("\n")
    )


# A notebook's cell prompt alone on its line, as nbconvert writes one over a cell's code ("In [3]:",
# "In [ ]:") or its output ("Out[3]:"): where the cell stands, not text. Read as text, the prompt
# opened each cell's step ("In [2]: …").
_CELL_PROMPT = re.compile(r"(?:In|Out)\s?\[\s*\d*\s*\]:")


def _is_cell_prompt(node: SyntaxTreeNode) -> bool:
    """Whether ``node`` is a paragraph of a notebook cell's prompt alone ("In [3]:", "Out[3]:")."""
    return node.type == "paragraph" and bool(_CELL_PROMPT.fullmatch(block_text(node).strip()))


# What follows a byline's date: pieces of a few words each ("· 2 min read", "- English"), parted by
# middle dots, or by dashes or bars with a space after them. Each piece is taken whole (an atomic group):
# one that could end anywhere among its spaces was tried at every split of every piece: 2.6 s for a
# paragraph of 16 of them and twice as long for each more.
_BYLINE_TAIL = (
    r"(?>\s*(?:\u00b7|[-\u2013\u2014|](?=\s))(?:[^\u00b7\u2013\u2014|\n-]|[-\u2013\u2014|](?!\s)){1,30})*\s*$"
)
# What a help centre prints around every article, and exports with it: its feedback prompt and its
# "ask us" line. Read as a remark or a step of the fix above it, it was shown in the answer.
_PAGE_FURNITURE = re.compile(
    r"(?:was this (?:(?:article|page|answer|information|content|documentation|document)(?: \w+)? )?helpful\b"
    rf"|{FEEDBACK_QUESTION}\b"
    r"|did you find (?:it|this|this (?:article|page|answer)) helpful\b|helpful\?(?:\s+\S+){0,3}\s*$"
    r"|rate this (?:article|page|answer)\b|(?:send|give|leave|submit) (?:us )?(?:your )?feedback\.?\s*$"
    r"|sorry,? we couldn['’]?t be helpful\b|like\s+be the first to like this\b" + rf"|(?:{FEEDBACK_PROMPTS})"
    # The same prompt in the languages of localized help centres.
    # A page's attachments when it has none.
    r"|attachments?\s?:\s*(?:none|\(none\)|-)?\s*$"
    r"|\d+ (?:out )?of \d+ (?:people |users |readers )?found this (?:helpful|useful)\b|\d+ av \d+ tyckte att (?:detta|den här artikeln|artikeln) var till hjälp\b"
    # The count of its verdicts in Dutch, Bulgarian and Finnish ("8 van de 10 mensen vonden dit nuttig").
    r"|\d+ van de \d+ (?:mensen|personen|gebruikers|lezers) vonden (?:dit|dit artikel|deze informatie) nuttig\b"
    r"|\d+ от \d+ (?:души|потребители|читатели) (?:намериха|смятат) (?:това|статията) за полезн[оа]\b"
    r"|\d+ käyttäjää \d+:st[äa] piti (?:tätä|tästä|artikkelia) hyödyllisenä\b"
    # And in Persian, whose help centres count in their own digits ("۴۲ نفر از ۵۰ نفر …", which \d reads).
    r"|\d+ نفر از \d+ نفر (?:این (?:مقاله|صفحه|پاسخ) را|آن را) (?:مفید|سودمند) (?:دانستند|دانسته‌اند)"
    r"|(?:have|got) (?:more|any other|other) questions\?"
    r"|still have questions\?"
    # Its feedback and contact prompts: "Did this answer your question?", "Still need help? Contact Us",
    # "Can't find what you're looking for? Submit a ticket" (a button's few words after a prompt; a
    # sentence after one says where to go, "Still need help? Go to the community forum …"), and
    # reaction buttons ("😞😐😃").
    r"|(?:(?:still )?need (?:more |further )?help|can['’]?t find what you['’]?re looking for"
    rf"|{HELP_PROMPTS})\?(?:\s+\S+){{0,3}}\s*$"
    r"|[^\w\s]{1,12}\s*$"
    # Where the page stands and what it holds, above the article: "Breadcrumbs: IT > Network > VPN",
    # "On this page:" (over a list of links to its sections). A trail without its label is left: it
    # reads as "Go to Settings > Company > Bank accounts".
    r"|breadcrumbs?:[^\n]*$"
    # A trail from the site's home page, without its label: "Home > Support > SyncDrive", "ホーム > サポート >
    # …" (one that opens with a place in an app, "Go to Settings > Company", says what to do).
    r"|(?:home|start|startseite|accueil|inicio|início|главная|strona główna|ホーム|首页|首頁|홈)"
    r"(?:\s*[>›»]\s*[^>›»\n]{1,60}){2,}$"
    # A docs site's footer, its link to the page's source among a few short pieces apart by dots or bars:
    # "Runbook maintained by the DB team · Edit this page", "Edit on GitHub", "Improve this page", "Page
    # generated from … · Edit this page on GitLab · Questions? #sre-help".
    r"|(?:[^\n]{0,80}?[\u00b7|]\s*)?(?:edit this page|edit on github|improve this page|suggest (?:an )?edits?)"
    r"(?: on [\w.-]{1,30})?(?:\s*[\u00b7|][^\n\u00b7|]{1,60}){0,3}\s*$"
    # Its copyright line: "© 2024 Kassio AB", "Copyright © 2019–2024 PrintaNova GmbH".
    # In Chinese and Japanese, its words for "copyright" may open it: "版权所有 © 2024 …"; in Turkish,
    # Indonesian and Vietnamese, "Telif hakkı", "Hak cipta", "Bản quyền".
    r"|(?:(?:copyright|版[权權]所有|著作[权權権](?:所有)?|telif hakkı|hak cipta|bản quyền)\s*)?(?:©|\(c\))\s*(?:\d{4}\s*[-\u2013]\s*)?\d{4}\b[^\n]*$"
    r"|copyright\s+\d{4}\b[^\n]*$"
    # A site's copyright line names no year as often as one: "Copyright © Hanbit Bank. All rights reserved.",
    # the word and the sign together, or the sign then its holder and "All rights reserved" in the page's
    # language ("Alle Rechte vorbehalten", "Tous droits réservés", "Visos teisės saugomos").
    r"|(?:copyright|版[权權]所有|著作[权權権](?:所有)?|telif hakkı|hak cipta|bản quyền)\s*(?:©|\(c\))[^\n]*$"
    r"|(?:©|\(c\))[^\n]{1,80}?(?:all rights reserved|alle rechte vorbehalten|tous droits réservés"
    r"|todos los derechos reservados|tutti i diritti riservati|wszelkie prawa zastrzeżone|все права защищены"
    r"|visos teisės saugomos|모든 권리 보유|tüm hakları saklıdır|hak cipta dilindungi)\.?\s*$"
    r"|(?:on this page|in this (?:article|page)|table of contents|contents):?\s*$"
    # A document's closing mark, as a Word document often ends and pandoc exports it: "*End of
    # document*", "--- End of Article ---", "[End of document]", "*Fin du document*", "Ende des Dokuments".
    # Read after the fix, it was its last note.
    r"|[-=*_\[(\s]*(?:end of (?:the )?(?:document|article|page)|ende des (?:dokuments|artikels)"
    r"|fin (?:du|de l'|del|de la) ?(?:document[oa]?|article|artículo|página|page)|fine del documento"
    r"|fim do (?:documento|artigo)|einde van (?:het )?(?:document|artikel)|koniec dokumentu|конец документа"
    r")[-=*_\].)\s]*$)",
    re.IGNORECASE,
)
# How many people a Launchpad bug affects, as it prints it under the bug's title (see _BYLINE).
_AFFECTS = r"this bug affects (?:you(?: and \d{1,9} other (?:people|person))?|\d{1,9} (?:people|person))"
# A capital letter, past ASCII too ("Łukasz"), in a pattern that ignores case: a name's or a tool's first.
_CAPITAL = r"(?-i:[^\W\d_a-zß-öø-ÿ])"
# Its byline: who wrote or changed the page, and when. Searchable, as the page's other fields are, but
# no part of a problem: read as the symptoms' first line, it opened the answer.
_BYLINE = re.compile(
    # "Updated 3 months ago", "Jane Agent · Updated March 4, 2024 · 2 min read", "Updated
    # February 12, 2024 10:22"; a wiki's "Created by Priya Raman, last modified by Tom Okafor on Mar 04, 2024".
    # A date may name its weekday and put the day first ("Modified on: Tue, 12 Mar, 2024 at 10:41 AM"),
    # and dashes or bars may part its pieces ("Solution Verified - Updated January 9 2026 at 4:12 AM - English").
    # A few pieces apart by middle dots may stand before it ("6 minute read · Content level: Intermediate ·
    # Last updated: 2024-02-19", as AWS's Knowledge Center heads an article), or the article's number and
    # when it was created ("7214 Created On 10/02/25 18:44 PM - Last Modified …").
    r"(?:(?:(?:[^\u00b7\n]{1,40}\u00b7\s*){0,2}[^\u00b7\n]{1,40}(?:\u00b7|\s[-\u2013\u2014|])\s*"
    r"|created by [^,\n]{1,60}, )?(?:last )?"
    # Or "Last Update date : Sep 22. 2025", as a consumer electronics maker's FAQ heads its answer.
    r"(?:updated|modified|edited|posted|published|update date)"
    r"(?: by [^\n]{1,60}?)?(?: on)?\s?:? (?:" + AGE + rf"|(?:{WEEKDAY} )?"
    # An ISO date may go on with its time and offset, as a page's <time> prints it ("Solution Verified -
    # Updated 2024-05-02T09:14:33+00:00 - English").
    rf"(?:{DATE}"
    # In digits, as a vendor's knowledge base stamps an article ("Last Modified 02/19/26 09:02 AM").
    r"|\d{1,2}/\d{1,2}/(?:\d{4}|\d{2}))"
    r"(?:,? (?:at )?\d{1,2}:\d{2}(?::\d{2})?(?: ?[ap]m)?(?: utc| gmt)?)?)"
    + _BYLINE_TAIL
    # The same byline as localized help desks print it ("Modifié le : lun., 8 avr. 2024 à 10:41",
    # "Geändert am: 08.04.2024"): its words, a date, perhaps its time, and pieces after it as in English
    # ("Laatst bijgewerkt: 3 maart 2025 · Leestijd 3 minuten", its word for "last" first, no preposition),
    # after the article's number as in English ("Artykuł nr KB-2291 · Ostatnia aktualizacja: 5 marca 2024").
    + r"|(?:[^\u00b7\n]{1,40}(?:\u00b7|\s[-\u2013\u2014|])\s*)?(?:zuletzt |laatst |ostatnia |последнее )?"
    r"(?:modifié|mis à jour|geändert|aktualisiert|modificado|actualizado|atualizado|modificato|aggiornato|gewijzigd"
    r"|bijgewerkt|aktualizacja|zaktualizowano|обновлено|обновление|изменено)"
    r"(?: (?:le|am|el|em|il|op))?\s?:\s?(?:[^\W\d_]{2,10}\.?,? )?"
    r"(?:\d{1,2}\.? [^\W\d_]{3,10}\.?,? \d{4}|\d{1,2}[./]\d{1,2}[./]\d{4}|\d{4}-\d{2}-\d{2})"
    r"(?:,? (?:[^\W\d_]{1,5} ){0,2}\d{1,2}[:h]\d{2}(?::\d{2})?(?: ?[ap]m)?)?"
    + _BYLINE_TAIL
    # The stamp an export tool puts on the page, when and by whom, its version last: "Generated at Tue Mar 19
    # 09:12:44 UTC 2024 by … using Jira 9.4.8#…", as Jira's printable and text exports end an issue.
    + r"|generated (?:at|on) [^\n]{1,80}? using [^\W\d_][\w .-]{0,30}? v?\d+(?:\.\d+)+\b[^\n]*$"
    # A doc tool's stamp under a page it exports, its author then the tool ("Created by Dana Ortiz in
    # ClickUp", as ClickUp closes a doc under its rule): read as a note of the last problem, it was shown in
    # its answer. A name of a few capitalised words or a handle, a tool's one capitalised name, perhaps the
    # day ("… in ClickUp on Oct 3, 2026").
    + rf"|created by (?:@[\w.-]{{1,40}}|{_CAPITAL}[\w'-]{{0,30}})"
    rf"(?: {_CAPITAL}[\w'-]{{0,30}}\.?){{0,2}} (?:in|with) {_CAPITAL}[\w.-]{{1,30}}(?: on {DATE})?"
    + _BYLINE_TAIL
    # A wiki's stamp on an exported page, the tool then the day ("Exported from Slab on Nov 28, 2025").
    + rf"|exported from [^\n]{{1,40}}? on {DATE}"
    + _BYLINE_TAIL
    # A generator's stamp, when then which tool: "Generated 2026-03-01T06:00:12Z by rulesdoc · 12 rules".
    + rf"|generated (?:on |at )?\d{{4}}-\d{{2}}-\d{{2}}{ISO_TIME} by [\w.-]{{1,40}}"
    + r"(?: v?\d+(?:\.\d+)+)?"
    + _BYLINE_TAIL
    # A community post's byline, its spans run together: its author and role, then when the post was created
    # or edited ("jdoe_ops Staff Created on 02-12-2024 03:41 AM"); and the counts under the post, after its
    # labels perhaps ("Labels: FortiGate, SSL-VPN Kudos: 37 Views: 18,442").
    + r"|(?:[\w.@-]{1,40}\s){1,3}(?:created|edited|posted) on \d{1,2}[-/.]\d{1,2}[-/.]\d{4}"
    r"(?: \d{1,2}:\d{2}(?: ?[ap]m)?)?"
    + _BYLINE_TAIL
    + r"|(?:labels?:[^\n]{1,80}?\s)?(?:(?:kudos|likes|views|replies):\s?\d[\d,.]*[km]?\s*){1,4}$"
    # A wiki's footer: "Last edited by @maintainer-bot · Home"; or by a person's name of a few capitalised
    # words or initials, as Slite closes a page under its rule ("Last edited by Priya N. · Warehouse Ops"),
    # which, read as a note of the last problem, was shown in its answer.
    # A name's capital may be past ASCII ("Łukasz Żak"), a particle may come before it ("María de la Cruz"),
    # and the footer may be in the page's language ("Zuletzt bearbeitet von …"): each was a note.
    + r"|(?:last (?:edited|modified|updated) by|zuletzt (?:bearbeitet|geändert) von|dernière modification par"
    r"|modifié par|editado por|modificado por|modificato da|bewerkt door) "
    r"@?[\w.-]{1,40}(?: (?:(?:de|da|del|della|di|du|la|le|van|von|der|den|dos|das|ter) ){0,2}"
    rf"{_CAPITAL}[\w'-]{{0,30}}\.?){{0,2}}"
    + _BYLINE_TAIL
    # Redmine's record under an issue's subject, who added it and when, and when it was last updated, each
    # as its age in words ("Added by Jan Novak about 1 year ago. Updated 10 months ago.").
    + rf"|added by [^\n]{{1,60}}? {ROUGH_AGE}\.?(?: updated {ROUGH_AGE}\.?)?\s*$"
    # Launchpad's record under a bug's title, who reported it and when, and how many people it affects
    # ("Bug #2051127 reported by Daniel Kruger on 2024-01-25", "This bug affects 23 people", "This bug
    # affects you and 4 other people"), on one line or each alone.
    + rf"|(?:(?:bug #\d{{1,9}} )?reported by [^\n]{{1,60}}? on \d{{4}}-\d{{2}}-\d{{2}}(?:\s+{_AFFECTS})?|{_AFFECTS})\s*$"
    # A knowledge base's strip of the article's counts: its views, after its number and version perhaps
    # ("KB0012874 · v4.0 · 2,318 Views", as ServiceNow prints it), or its number and version alone, and
    # its readers' star rating ("★★★★☆ (37 ratings)"). A sentence that counts views goes on in words, no
    # piece of a strip.
    # Or over a span of time, as a team wiki counts a post's readers ("3 comments · 14 views this week", Slab's).
    + r"|(?:[^\u00b7\n]{1,40}\u00b7\s*){0,3}\d[\d,.]*[km]?\s+views?(?: (?:this|last|per) (?:week|month|year)|today)?"
    + _BYLINE_TAIL
    # Or parted by bullets, its views labelled ("Mar 3, 2026 • Views: 1,120 • 2 min read", as Zoho Desk
    # prints it over the article): its pieces a few words each, the views one of them.
    + r"|(?:[^\u00b7\u2022\n]{1,40}[\u00b7\u2022]\s*){0,3}views?:\s?\d[\d,.]*[km]?"
    + r"(?>\s*[\u00b7\u2022](?:[^\u00b7\u2022\n]){1,30})*\s*$"
    + r"|[a-z]{2,8}-?\d{3,9}\s*\u00b7\s*v(?:ersion)?\s?\d+(?:\.\d+)*"
    + _BYLINE_TAIL
    # The fields of its article record, one a line, as a Salesforce Knowledge page is read (indexer.html_blocks):
    # "Article Number: 000384712", "Data Categories: Product: Payments > Webhooks". Its value ends in no
    # sentence's stop: "Data Categories: set Region to Global first." says what to do.
    + rf"|(?:{RECORD_FIELD}|{KEYWORDS_WORDS}):[ \t][^\n]{{1,120}}(?<![.!?])$"
    + r"|[\u2605\u2606]{3,10}(?:\s*\(?\d[\d,.]*\s+(?:ratings?|votes?|reviews?)\)?)?\s*$"
    # Chinese, Japanese and Korean help centres' "last updated" and its date ("最終更新日：2024年4月8日",
    # "更新日期：2024-04-08", "마지막 업데이트: 2024. 4. 8."), and the page's other fields after it on
    # its line, set apart by a wide space rather than a dot.
    + r"|(?:最終|最后|最後)?(?:更新|修改|変更)(?:日時?|日期|时间|時間)\s*[:：]\s*\d{4}\s*[年/.-]\s*\d{1,2}\s*[月/.-]"
    r"\s*\d{1,2}\s*日?(?:[\s\u3000][^\n]{0,80})?$"
    r"|(?:마지막 )?(?:업데이트|수정)(?: 날짜| 일자)?\s*:\s*\d{4}\s*[./-]\s*\d{1,2}\s*[./-]\s*\d{1,2}\.?(?:\s[^\n]{0,80})?$"
    + r")",
    re.IGNORECASE,
)
# Longer than that, a paragraph says more than the prompt.
_FURNITURE_CHARS = 160


# Where a help centre's chat messenger is, as its closing prompt points to it ("Start a conversation with
# us using the chat bubble", "Chat with us from the messenger"): on every page, no place the article names.
_SITE_CHAT = re.compile(
    r"\b(?:(?:start|open) a (?:new )?(?:conversation|chat)|chat with us|message us"
    r"|(?:chat|messenger) (?:bubble|icon|button|widget|window)|the messenger)\b",
    re.IGNORECASE,
)


def _sends_to_chat(text: str) -> bool:
    """Whether ``text`` is a closing prompt ("Still having trouble?", boilerplate as a heading) and one
    sentence that sends the reader to the site's chat messenger (see _SITE_CHAT): read after the fix, it
    was a note of the last problem."""
    prompt, asked, sentence = text.partition("?")
    return (
        bool(asked)
        and heading_role(prompt) is Role.BOILERPLATE
        and not _INNER_SENTENCE_END.search(sentence.strip())
        and bool(_SITE_CHAT.search(sentence))
    )


def _is_page_furniture(node: SyntaxTreeNode, pattern: re.Pattern[str] = _PAGE_FURNITURE) -> bool:
    """Whether ``node`` is a paragraph of a help centre's page furniture ("Was this article helpful?
    Yes / No", "Have more questions? Submit a request", "Still having trouble? Start a conversation
    with us"), or a PDF's page header or footer (:func:`indexer.markup.pdf_page_line`), not of the
    article; with ``pattern`` _BYLINE, its byline."""
    if node.type != "paragraph":
        return False
    if pattern is _PAGE_FURNITURE and node.children and pdf_page_line(node.children[0].content):
        # Read from its Markdown: the wide space that sets the page's number apart is one in its text.
        return True
    text = block_text(node)
    if len(text) > _FURNITURE_CHARS:
        return False
    return bool(pattern.match(text)) or (pattern is _PAGE_FURNITURE and _sends_to_chat(text))


# A feedback widget's answer buttons, as a help centre exports them under its prompt: "Yes No", "Yes / No",
# "Tak Nie", "是　否".
_ANSWER = (
    r"(?:yes|no|ja|nein|oui|non|s[ií]|sim|não|tak|nie|да|нет|はい|いいえ|是|否|예|아니요|evet|hayır|ya|tidak|có|không"
    # Czech and Slovak, Hungarian, Croatian and Romanian, the Scandinavian languages, Finnish and Persian.
    # Lithuanian's, and Korean's "No" as it is often spelled ("아니오").
    r"|ano|áno|ne|igen|nem|da|nu|nej|nei|kyllä|ei|بله|خیر|taip|아니오"
    # Filipino, Swahili, Azerbaijani, Bengali, Tamil and Urdu.
    r"|oo|hindi|ndiyo|hapana|bəli|xeyr|হ্যাঁ|না|ஆம்|இல்லை|جی ہاں|ہاں|نہیں)"
)
# Possessive separators: a space that either \s* could take made a paragraph of answer words and one
# other word ("oo oo … oo x") fail in 2^n ways, and every paragraph is tried.
_WIDGET_ANSWERS = re.compile(rf"{_ANSWER}(?:\s*+[/|\u00b7]?+\s*+{_ANSWER})+", re.IGNORECASE)


def _widget_answers(blocks: Sequence[SyntaxTreeNode]) -> set[int]:
    """The ids of the paragraphs of a feedback widget's answers alone ("Yes No") right under its prompt
    ("Did you find it helpful?", page furniture): under a fix's steps they were one more step or a note."""
    return {
        id(answers)
        for prompt, answers in pairwise(blocks)
        # The answers first: a paragraph of them is rare, and the prompt is then asked alone (read()
        # asks every block whether it is furniture, once more, when it reads it).
        if answers.type == "paragraph"
        and _WIDGET_ANSWERS.fullmatch(block_text(answers).strip())
        and _is_page_furniture(prompt)
    }


# A paragraph that labels the list under it as reading elsewhere ("Related articles:"), not steps.
# With its colon, or alone without one, as a Confluence page's "Related articles" line stands.
_RELATED_LABEL = re.compile(
    r"(?:related|see also|further reading|additional resources)(?:\b[^:]{0,40}:|(?:\s+\w+){0,2}:?)",
    re.IGNORECASE,
)
# A list item longer than that says more than the title of an article to read.
_TITLE_CHARS = 120


def _related_links(blocks: Sequence[SyntaxTreeNode]) -> set[int]:
    """The ids of each "Related articles:" paragraph and the list of titles or links under it: a
    help centre's links to other articles, which were read as a group of steps named after it."""
    out: set[int] = set()
    for label, titles in pairwise(blocks):
        if (
            label.type == "paragraph"
            and titles.type in LISTS
            and _RELATED_LABEL.fullmatch(block_text(label))
            and all(_a_title(item) for item in titles.children)
        ):
            out.update((id(label), id(titles)))
    return out


def _a_title(item: SyntaxTreeNode) -> bool:
    """Whether a list item is one short line: a title or a link, and nothing more."""
    return (
        len(item.children) == 1
        and item.children[0].type == "paragraph"
        and "\n" not in (text := block_text(item.children[0]))
        and len(text) <= _TITLE_CHARS
    )


def _under_label(stack: list[Section], heading_level: int) -> bool:
    """Whether a heading of ``heading_level`` belongs under the bold label open on ``stack``.

    A label ("**Resolution**") stands for a heading one level under the heading it sits in: a
    deeper heading after it ("## Problem", "**Resolution**", "#### Step 1") is part of it, as
    under "### Resolution". It was its sibling, and the label's lead-ins were read as steps.
    """
    if not heading_level or len(stack) < 3 or stack[-1].level != BOLD_LABEL_LEVEL:
        return False
    parent = stack[-2].level
    return 1 <= parent <= 6 and heading_level > parent + 1


def _mark_illustrations(root: Section) -> None:
    """Mark the Examples of a web reference's page, a section beside its Specifications or Browser
    compatibility (MDN's shape): read as a fix, its example response was the one step of the status code
    the page defines, served at high. Without those sections, "Examples" is read as ever."""
    for section in root.walk():
        if any(names_reference_metadata(child.title) for child in section.children):
            for child in section.children:
                child.illustrates = child.illustrates or names_examples(child.title)


def _require_shallow(tokens: list[Token]) -> None:
    """RecursionError when markup nests deeper than MAX_NESTING levels, found in one pass over
    the tokens, before a tree is built from them."""
    for token in tokens:
        children = token.children or ()
        if token.level + len(children) <= MAX_NESTING:
            continue  # each child opens one level at most: too few to reach the limit
        depths = accumulate((child.nesting for child in children), initial=token.level)
        if any(depth > MAX_NESTING for depth in depths):
            raise RecursionError(f"markup nested deeper than {MAX_NESTING} levels")


def _require_closed_fences(tokens: list[Token], lines: list[str]) -> None:
    """:class:`UnclosedFence` at a fence of the article's top level that is never closed and takes
    into its code what reads as the article's own structure: a heading under its title ("## …")
    or a fence of its own kind. One that only runs to the end of the file is a last code block
    whose closing line is missing, read as the author meant; one in a list item or a quote ends
    with it (its step's Markdown is closed, see :func:`unclosed_fence`)."""
    for token in tokens:
        if token.level == 0 and unclosed_fence(token, lines) and _SWALLOWED.search(token.content):
            raise UnclosedFence(token.map[0] + 1, token.markup)  # type: ignore[index]


def unclosed_fence(token: Token | SyntaxTreeNode, lines: list[str]) -> bool:
    """Whether ``token`` is a fence whose last line (past the quote markers and indentation of the
    blocks it is in) does not close it: it runs to the end of its list item, quote or file."""
    # A fence an HTML block's <pre> became (meta "kb_html_lines") is closed by the conversion.
    if token.type != "fence" or not token.map or token.meta.get("kb_html_lines"):
        return False
    # In the lines it was read from: a fence out of an Obsidian call-out's quote has them unquoted.
    lines, span = _source(token, lines)
    start, end = span or token.map
    last = _CONTAINER_PREFIX.sub("", lines[end - 1], count=1).rstrip() if end - 1 < len(lines) else ""
    marker = token.markup
    return end - start < 2 or not last.startswith(marker) or bool(last.strip(marker[0]))


def _listed_issues(node: SyntaxTreeNode) -> list[tuple[str, SyntaxTreeNode]]:
    """The items of a bulleted list of issues, each with its title, or [] for any other block.

    A release's "Known issues" (a CHANGELOG's) lists them as bullets, each opening with a bold
    sentence that says what goes wrong, its message after it and its workaround in a list nested
    under it, each item with its own nested list. Read as one list, the issues were the steps of one
    problem titled by the heading, and their messages no messages.
    """
    if node.type != "bullet_list":
        return []
    issues: list[tuple[str, SyntaxTreeNode]] = []
    for item in node.children:
        lead = item.children[0] if item.children else None
        if lead is None or lead.type != "paragraph" or not any(c.type in LISTS for c in item.children[1:]):
            return []
        shown = _shown_parts(lead)
        title = inline_text(shown[0]).strip() if shown and shown[0].type == "strong" else ""
        if not title or len(title) > MAX_QUESTION_CHARS or "\n" in title:
            return []
        issues.append((title, item))
    return issues


def bold_run(node: SyntaxTreeNode) -> SyntaxTreeNode | None:
    """The bold run a paragraph is made of and nothing else ("**Permanent fix**"), or None."""
    parts = _shown_parts(node)
    return parts[0] if len(parts) == 1 and parts[0].type == "strong" else None


def _bold_question(node: SyntaxTreeNode) -> str:
    """The question of a paragraph that is one bold question ("**Can I pin a formula?**", or one
    a FAQ marks as such: "**Q: The runner says "No space left on device".**"), else ""."""
    run = bold_run(node)
    if run is None:
        return ""
    text = inline_text(run)
    asked = text.endswith("?") or bool(_MARKED_QUESTION.match(text))
    return text if asked and len(text) <= MAX_QUESTION_CHARS and "\n" not in text else ""


def _numbered_problem(node: SyntaxTreeNode) -> str:
    """The title of a paragraph that is one bold line numbering a problem ("**Problem 2: …**"), else ""."""
    run = bold_run(node)
    text = inline_text(run).strip() if run is not None else ""
    one_line = len(text) <= MAX_QUESTION_CHARS and "\n" not in text
    return text if one_line and _NUMBERED_PROBLEM.match(text) else ""


def _numbered_message(node: SyntaxTreeNode, following: SyntaxTreeNode | None) -> str:
    """The message of a list of one numbered item that is only a quoted error message, over the text
    that tells of it ('1) "Send failed: SMTP authentication error (E-0421)"', then why and the steps),
    as an e-mail answer numbers the problems it answers; else "". Read as a list, each message was a
    step of one problem's fix, and no message."""
    if node.type != "ordered_list" or len(node.children) != 1 or following is None:
        return ""
    item = node.children[0]
    if following.type not in ("paragraph", *LISTS) or [c.type for c in item.children] != ["paragraph"]:
        return ""
    text = inline_text(item.children[0]).strip()
    quoted = quoted_parts(item.children[0])
    whole = len(quoted) == 1 and not quoted[0].code and len(quoted[0].text) + 2 == len(text)
    failing = bool(FAILURE_WORDS.search(text.lower()) or error_codes(text))
    one_line = len(text) <= MAX_QUESTION_CHARS and "\n" not in text
    return text if whole and failing and one_line and heading_kind(text, quoted) is Kind.ERROR else ""


def _numbered_symptom(node: SyntaxTreeNode, following: SyntaxTreeNode | None) -> str:
    """The title of the problem a paragraph that is one bold label numbering a symptom opens (see
    _NUMBERED_LABEL): the one line of the paragraph under it, the symptom it names, else the label."""
    run = bold_run(node)
    found = _NUMBERED_LABEL.fullmatch(inline_text(run).strip()) if run is not None else None
    if found is None or heading_role(found.group(1)) is not Role.SYMPTOMS:
        return ""
    said = inline_text(following).strip() if following is not None and following.type == "paragraph" else ""
    return said if said and "\n" not in said and len(said) <= MAX_QUESTION_CHARS else found.group(0)


# A paragraph that opens with a condition ("If …", "When …").
_CONDITION_OPENING = re.compile(CONDITION, re.IGNORECASE)


def _bold_error_title(
    node: SyntaxTreeNode,
    following: SyntaxTreeNode,
    inline_label: Callable[[str], InlineLabel],
    *,
    after_rule: bool,
    after: SyntaxTreeNode | None = None,
) -> str:
    """The title of a paragraph that is one bold line naming an error ("**LPX-2003: posting period is
    closed**", '**Scan to email fails with "SMTP authentication error (535)"**'), right over its
    numbered steps or a paragraph that opens with a part's label ("Cause: …", "**Action:** …"), or
    ``after_rule`` (a ``---`` above it) over any text: it heads that entry, as a message catalogue or a
    page of entries apart by rules writes them; else "". Read as a paragraph, every entry after the
    first was more text of the first one's fix. Or one bold line over a paragraph that quotes the
    error's message, with the numbered steps ``after`` it (see below)."""
    run = bold_run(node)
    if run is None:
        return ""
    text = inline_text(run).strip()
    if not text or len(text) > MAX_QUESTION_CHARS or "\n" in text or text.endswith(":"):
        return ""
    # A line that names what the reader sees ("**Scanner not detected**"), over a paragraph that quotes the
    # error's message ('Capture Pro reports "No scanner found. (Code 5003)". Cause: …') and its numbered
    # steps, as a FAQ's answer heads each issue it answers with an underlined line: the message names the
    # error the line does not. Read as a paragraph, every issue after the first was notes of the first.
    if following.type == "paragraph" and after is not None and after.type == "ordered_list":
        said = [part for part in quoted_parts(following) if not part.code]
        # Not where the paragraph makes the message a condition of the fix, under a platform's or an action's
        # line ('**macOS**' over 'If macOS says "App can't be opened …", allow it:', '**Reinstall the
        # driver**' over 'If Capture Pro still reports …'): the fix's case, which was a problem of its own.
        if (
            said
            and heading_role(text) is Role.TOPIC
            and heading_kind(text, said) is Kind.ERROR
            and not _CONDITION_OPENING.match(block_text(following))
            and not reads_as_instruction(text)
        ):
            return text
    heads = (
        following.type == "ordered_list"
        or (after_rule and following.type in ("paragraph", "bullet_list"))
        or bool(_labelled_runs(following, inline_label, fixes=True))
        # A case of another error, right over the output that shows it ('**If the replica then logs "not
        # found in storage"**', as an answer sets off a branch of its fix): read as a paragraph, its error
        # was a note and its steps a second group of the first error's fix.
        or bool(_conditioned_over_code(node, following))
    )
    # "**Workaround (if the upgrade cannot be installed)**" names a part, however it says "cannot".
    named = heads and heading_role(text) is Role.TOPIC
    return text if named and heading_kind(text, quoted_parts(node)) is Kind.ERROR else ""


def _conditioned_over_code(node: SyntaxTreeNode, following: SyntaxTreeNode) -> str:
    """The text of a paragraph that is one bold line opening on a condition on what it quotes ('**If you
    see "ETIMEDOUT"**', see :func:`indexer.heading_text.conditioned_heading`) right over code: the output
    that shows that case, or the command that fixes it; else ""."""
    run = bold_run(node)
    text = inline_text(run).strip() if run is not None else ""
    one_line = len(text) <= MAX_QUESTION_CHARS and "\n" not in text
    if not (run is not None and one_line and following.type in CODE):
        return ""
    # The condition is read with its code spans in backticks, as written: inline_text drops them, and
    # '**If you see `EACCES: permission denied`**', the usual Markdown quoting, quoted nothing.
    written = "".join(
        f"`{part.content}`"
        if part.type == "code_inline"
        else inline_text(part)
        if part.children
        else part.content
        for part in run.children
    )
    return text if conditioned_heading(written) else ""


# A warning set in bold inside an answer ("**Do not restart the laptop while it encrypts.**").
_BOLD_ADVICE = re.compile(r"(do not|don't|never|always|make sure|be sure|remember|please)\b", re.IGNORECASE)


def _bold_entry(node: SyntaxTreeNode, question: Section, is_label: Callable[[str], bool]) -> str:
    """The title of a paragraph that is one bold sentence after the answer to a bold ``question``:
    the FAQ's next entry, written as what the reader sees ("**Teams stays on a blank screen.**")
    rather than asked, else "". Otherwise it was read as one more paragraph of that answer."""
    run = bold_run(node)
    if not question.blocks or run is None or _bold_callout_label(node):
        return ""
    text = inline_text(run).strip()
    sentence = text.endswith((".", "!")) and len(text.split()) >= 3 and not _BOLD_ADVICE.match(text)
    return text if sentence and len(text) <= 200 and "\n" not in text and not is_label(text) else ""


def _folds_output(fold: Section) -> bool:
    """Whether a ``<details>`` fold only hides code under a title that names what it hides (see
    ``names_hidden_output``)."""
    return (
        not fold.children
        and bool(fold.blocks)
        and all(b.type in CODE for b in fold.blocks)
        and names_hidden_output(fold.title)
    )


# A question that asks why, in the words a few languages open one with (roles.WHY_WORDS, which asks_why
# knows too: "Why does the client say …?", "Warum …?", "Pourquoi …?", "¿Por qué …?" after its inverted
# mark): it asks for an explanation, no fix.
_ASKS_WHY = re.compile(rf"^(?:{WHY_WORDS})\b", re.IGNORECASE)


def _still_open(part: Section | None, parent: Section) -> Section | None:
    """``part``, the bold label's part before a fold in ``parent``, when it was still open as the fold
    opened: None when ``parent``'s own blocks went on after it ("**Cause:** …" closed at its paragraph,
    then the section's steps, then "::: details Retry schedule", an aside of the section's steps)."""
    if part is None or (parent.blocks and line_of(parent.blocks[-1]) > part.line):
        return None
    return part


def _folds_aside(fold: Section, parent: Section) -> bool:
    """Whether a ``<details>`` fold asks why and answers in paragraphs only, after a list of its parent
    section's (the fix's steps): an explanation aside of that section. Another question ("Can I keep the
    lock file out of git?") heads its answer, and so does any before a list, as on a FAQ page of folds.
    So is a fold titled by no question ("Retry schedule") whose paragraphs tell nothing to do: more
    detail on the fix, as VitePress' ``::: details`` folds it. Read as a section of the problem, its text
    was only searchable, never shown with the fix. So is a fold that asks whether the fix worked ("Still
    failing?") over further steps, as a ClickUp doc folds its fallback after the steps: as a question of
    its own, it was the problem, and the section it closes, with its error's code and its fix, was lost."""
    title = fold.title.strip()
    # Its further steps: a list, with a lead-in over it ("Try the following:") or a command after it.
    further = (
        asks_if_fixed(title)
        and any(b.type in LISTS for b in fold.blocks)
        and all(b.type in (*LISTS, "paragraph", *CODE) for b in fold.blocks)
    )
    return (
        not fold.children
        and bool(fold.blocks)
        and (further or all(b.type == "paragraph" for b in fold.blocks))
        and any(b.type in LISTS for b in parent.blocks)
        and (
            further
            or (
                bool(_ASKS_WHY.match(title.lstrip("¿")))
                if title.endswith("?")
                else _folds_detail(fold, parent)
            )
        )
    )


def _folds_detail(fold: Section, parent: Section) -> bool:
    """Whether a fold titled by no question is more detail on ``parent``'s steps: they are steps (an
    ordered list, or any list of a fix part), its title names no error, and its paragraphs tell nothing
    to do. A known-errors page folds each error under its code or message after a checklist
    ("Before you look up an error, check that: - …", then "SYNC-0412: quota exceeded" and why): each
    fold is a problem of its own, which as notes of the checklist lost its code and its match."""
    title = fold.title.strip()
    steps = any(b.type == "ordered_list" for b in parent.blocks) or (
        heading_role(parent.title) is Role.RESOLUTION
    )
    return (
        steps
        and heading_kind(title) is not Kind.ERROR
        and not error_codes(title)
        and not any(reads_as_instruction(block_text(b)) for b in fold.blocks)
    )


def _fold_title(node: SyntaxTreeNode) -> str:
    """The title of a ``<details>`` fold, a paragraph its ``<summary>`` became: it heads the fold's
    content as a bold question heads its answer. "" for any other block."""
    return _marked_title(node, FOLD_TITLE)


def _procedure_title(node: SyntaxTreeNode) -> str:
    """The title of a topic's procedure, a paragraph its ``title`` became (see indexer.markup.PROCEDURE_TITLE):
    it heads the procedure's steps as a label does, after a part's label ("**Cause**", whose text took the
    steps as its own: a Writerside topic's two problems were one, of no steps). "" for any other block;
    elsewhere it is the lead-in over its steps (see indexer.openings.lead_in_paragraph)."""
    # A title, as a fold's is: longer than a part's label ("Renew the relay's certificate on every node").
    return _marked_title(node, PROCEDURE_TITLE)


def _marked_title(node: SyntaxTreeNode, key: str) -> str:
    """The one line of a paragraph markup marked with ``key`` as an element's title (a fold's summary, a
    procedure's title), if it is short enough to be one; "" for any other block."""
    if node.type != "paragraph" or not token_meta(node, key):
        return ""
    text = inline_text(node).strip()
    return text if len(text) <= MAX_FOLD_TITLE and "\n" not in text else ""


def _holds_no_steps(section: Section) -> bool:
    """Whether ``section`` is a part's bold label whose text cannot be steps ("**Cause**"): a procedure's
    title under it heads a part of its own. Under "**Symptoms**" a procedure is how to see the failure,
    under "**Environment**" how to check it, and under "**Workaround**" or "**Resolution**" its steps are
    the part's own: read as a new part, a symptom's error message after it was a note of its steps."""
    return section.level == BOLD_LABEL_LEVEL and heading_role(section.title) is Role.CAUSE


def _shown_parts(node: SyntaxTreeNode) -> list[SyntaxTreeNode]:
    """The inline parts of a paragraph that show something (no blank text); [] for any other block."""
    if node.type != "paragraph" or not node.children:
        return []
    return [n for n in node.children[0].children if n.type != "text" or n.content.strip()]


def _bold_label(
    node: SyntaxTreeNode, is_label: Callable[[str], bool], inline_label: Callable[[str], InlineLabel]
) -> str:
    """The label of a paragraph that is one short bold label ``is_label`` knows ("**Cause**",
    "**Cause:**", "**Cause**:"), a part's label written plain ("Resolution:"), or in italics with its
    colon ("*Solution:*") when ``inline_label`` names it a problem's part, else ""."""
    parts = _shown_parts(node)
    if (
        len(parts) == 1
        and parts[0].type == "text"
        and _PLAIN_PART_OR_FIX_LABEL.fullmatch(parts[0].content.strip())
    ):
        # "Resolution:" alone on its line, then the steps.
        text = parts[0].content.strip().rstrip(":").strip()
        return text if is_label(text) else ""
    if text := _block_title(parts):
        return text if len(text) <= MAX_LABEL_CHARS and is_label(text) else ""
    after = "".join(p.content if p.type == "text" else inline_text(p) for p in parts[1:]).strip()
    if not parts or parts[0].type not in ("strong", "em") or not _LABEL_AFTERWORD.fullmatch(after):
        return ""
    written = inline_text(parts[0]).strip()
    text = written.rstrip(":").strip()
    # Italics are emphasis but for an alternative's name, or a part's label with its colon, as a help
    # desk's editor writes them ("*Reason:*", "*Solution:*"): read as text, the cause was a symptom.
    colon = written.endswith(":") or after.startswith(":")
    if parts[0].type == "em" and not (FIX_ALTERNATIVE.match(text) or (colon and inline_label(text))):
        return ""
    most = MAX_ALTERNATIVE_CHARS if _NUMBERED_ALTERNATIVE.match(text) else MAX_LABEL_CHARS
    return text if 0 < len(text) <= most and is_label(text) else ""


def _steps_label(node: SyntaxTreeNode, section: Section, after: Sequence[SyntaxTreeNode]) -> str:
    """The label of a plain line alone that names the fix's steps ("Steps:", "Resolution steps:", "Steps
    to resolve the issue:": steps, in words heading_role reads as the resolution's) after what ``section``
    says is seen ("The nightly job ends with:", the error, then "Steps:" over the fix): read as text, it
    was one more line of the symptoms. First in its section, it is the steps' lead-in, as before; else
    "". A fix's lead-in with no "steps" in it ("To fix it:") is read as it was."""
    parts = _shown_parts(node)
    plain = len(parts) == 1 and parts[0].type == "text" and section.blocks
    label = _plain_fix_label(node) if plain else ""
    if not _STEPS_LABEL_WORDS.fullmatch(label):
        return ""
    # A bug note's "Steps:" over how to reproduce it, with its own "Fix:" after in the section: as the
    # resolution's label, the reproduction was read as the fix's first steps.
    for block in after:
        if block.type == "heading":
            break
        if _plain_fix_label(block):
            return ""
    return label


def _plain_fix_label(node: SyntaxTreeNode) -> str:
    """The words of a paragraph that is a label of the fix alone on its line ("Fix:", "Resolution steps:",
    "**Solution:**"), without its colon, else "". Alone only: "Steps: 3 of 5" is a count."""
    text = inline_text(node).strip() if node.type == "paragraph" else ""
    words = text[:-1].strip()
    fix = text.endswith(":") and "\n" not in text and heading_role(words) is Role.RESOLUTION
    return words if fix else ""


MAX_TOGGLE_WORDS = 4


def _toggled_parts(node: SyntaxTreeNode, is_label: Callable[[str], bool]) -> list[tuple[str, SyntaxTreeNode]]:
    """The items of a list that each name a part of a problem and hold it (``- Symptoms`` then,
    indented, what is seen; ``- Fix`` then the steps), as Notion exports its toggles, each with its
    label; [] for any other block. Read as a list, the parts were steps "Symptoms …", "Cause …"."""
    if node.type != "bullet_list" or len(node.children) < 2:
        return []
    toggles = [(_toggled_part(item, is_label), item) for item in node.children]
    return toggles if all(label for label, _ in toggles) else []


def _toggled_part(item: SyntaxTreeNode, is_label: Callable[[str], bool]) -> str:
    """The part a list item names and holds (``- Symptoms`` then, indented, what is seen), else ""."""
    label = item.children[0] if item.children else None
    text = inline_text(label).rstrip(":").strip() if label is not None and label.type == "paragraph" else ""
    # A part's name alone ("Symptoms", "Root cause"): "Cause 1: a leftover ID" and what it says
    # is an item of a list of causes, each with its own fix.
    words = len(text.split())
    if len(item.children) < 2 or not 0 < words <= MAX_TOGGLE_WORDS or ":" in text or not is_label(text):
        return ""
    return text


def _open(stack: list[Section], section: Section, heading_level: int = 0) -> Section:
    """Open ``section`` on ``stack``: close the sections at its level or deeper, except that a
    heading of ``heading_level`` may stay under an open bold label (:func:`_under_label`)."""
    while stack[-1].level >= section.level and not _under_label(stack, heading_level):
        stack.pop()
    stack[-1].children.append(section)
    stack.append(section)
    return section


def _symptom_lead_in(
    section: Section,
    runs: list[tuple[str, SyntaxTreeNode]],
    after: Sequence[SyntaxTreeNode],
    inline_label: Callable[[str], InlineLabel],
) -> bool:
    """Whether ``runs`` is a symptom's lead-in that opens a heading's text over a list ("### Phone will
    not pair", "**Symptom:** The screen shows …", then a bulleted list of remedies), as an owner's manual
    writes each entry: the heading is the problem, the paragraph what is seen and the list its fix.
    Opened as a part, the label named its paragraph only, and the list, left to the heading, was no fix
    of it: every entry was merged into one problem of the whole page. A procedure written as a table
    (:func:`is_step_table`, a wiki editor's "Step | What to do") is such a list of remedies too. So is a
    lead-in that announces what is shown ("**Symptom:** Outlook fails to start with:") over the message
    in a code block and then numbered steps (a bulleted list there may go on saying what is seen): the
    message is what is seen, the steps still the fix. So is one over a sentence with no label of its own
    and then steps, numbered or bulleted, perhaps after a fix's lead-in ("To fix it:"), as a Zettlr or
    Typora note writes a problem ("Symptom: the log repeats …", why it happens in plain words, the steps):
    opened as a part, the label took the heading's problem to body text, and the paragraph, the cause,
    with it."""
    if not (
        len(runs) == 1
        and 0 < section.level < BOLD_QUESTION_LEVEL
        and not section.blocks
        and not section.children
        and heading_role(runs[0][0]) is Role.SYMPTOMS
        and after
    ):
        return False
    following = after[0]
    if following.type in CODE and len(after) > 1 and inline_text(runs[0][1]).rstrip().endswith(":"):
        return after[1].type == "ordered_list" or is_step_table(after[1])
    # The steps after the sentence, numbered or bulleted, or after a fix's lead-in of theirs ("To fix it:").
    steps = after[1:2] if len(after) > 1 and after[1].type in LISTS else ()
    if len(after) > 2 and after[1].type == "paragraph" and after[2].type in LISTS:
        lead = inline_text(after[1]).strip()
        steps = after[2:3] if lead.endswith(":") and heading_role(lead.rstrip(":")) is Role.RESOLUTION else ()
    if following.type == "paragraph" and steps:
        # A sentence, not a label alone nor a lead-in of the steps ("Resolution:", "To fix it:"). It may
        # open with code, emphasis or a link ("`relayd` looks recipients up …"), not be one bold run.
        return (
            bool(_shown_parts(following))
            and bold_run(following) is None
            and not inline_text(following).rstrip().endswith(":")
            and not _labelled_runs(following, inline_label, fixes=True)
        )
    return following.type in LISTS or is_step_table(following)


def _open_labelled_runs(
    stack: list[Section], runs: list[tuple[str, SyntaxTreeNode]], inline_label: Callable[[str], InlineLabel]
) -> None:
    """Open a label section per run of a labelled paragraph, its text the run's paragraph.

    What follows the paragraph stays in the last label's part when that part is a fix (its
    commands and steps follow) or the paragraph ends in ":" ("**Error:** The agent logs:");
    otherwise the label names its own paragraph only ("**Cause:** The port is closed."), and
    the blocks after it are the text of the section it sits in.
    """
    for title, paragraph in runs:
        label = Section(level=BOLD_LABEL_LEVEL, title=title, line=line_of(paragraph))
        _open(stack, label).blocks.append(paragraph)
    title, paragraph = runs[-1]
    if inline_label(title) != "fix" and not inline_text(paragraph).rstrip().endswith(":"):
        stack.pop()


# Marks a paragraph cut from behind its opening bold label: its source lines still hold the label.
LABEL_CUT = "kb_label_cut"
# The bold (or italic) label a line of a paragraph opens with, in its Markdown: "**Cause:** …",
# "__Cause__: …", "*Reason:* …".
_OPENING_LABEL_MARKUP = re.compile(
    r"^\s*(?:(\*\*|__|\*|_)(.+?)\1\s*:?|" + _PLAIN_PART_OR_FIX_LABEL.pattern + r")\s*", re.I
)


def _labelled_runs(
    node: SyntaxTreeNode, inline_label: Callable[[str], InlineLabel], *, fixes: bool = False
) -> list[tuple[str, SyntaxTreeNode]]:
    """A paragraph whose first line opens with a bold part label and goes on ("**Cause:** The
    proxy drops idle connections."), cut into one paragraph per labelled line (and the unlabelled
    lines after it), each with its label; [] for any other block.

    Help desks and wikis write a problem's parts so ("**Symptom:** …", "**Cause:** …" in one
    paragraph each, or on the lines of one): the text is that part, as under a label of its own.
    """
    split = _paragraph_lines(node)
    if split is None:
        return []
    lines, sources, start = split
    runs: list[tuple[str, list[Token], list[str], int]] = []
    for index, (tokens, source) in enumerate(zip(lines, sources, strict=True)):
        opened = _opening_label(tokens, inline_label, fixes=fixes)
        alone = _label_alone(tokens, inline_label) if opened is None and index + 1 < len(lines) else None
        if opened is not None:
            title, rest = opened
            runs.append((title, rest, [_OPENING_LABEL_MARKUP.sub("", source, count=1)], index))
        elif alone is not None:
            # "**Cause**" on a line of its own, its text on the lines under it with no blank line between
            # (a KCS article's or a wiki's hard-wrapped labels): the text starts on the next line.
            runs.append((alone, [], [], index + 1))
        elif not runs:
            return []
        else:
            runs[-1][1].extend([Token("softbreak", "br", 0), *tokens] if runs[-1][1] else tokens)
            runs[-1][2].append(source)
    if any(not rest for _, rest, _, _ in runs):
        return []
    # A paragraph read from HTML keeps its Markdown (see indexer.markup._html_blocks): each cut's
    # lines are those of that Markdown, at the line of the paragraph's element.
    converted = node.meta.get("kb_converted") if node.meta else None
    if converted is None:
        return [(title, _paragraph(rest, text, start + first)) for title, rest, text, first in runs]
    markdown, (begun, _) = converted
    return [
        (title, _paragraph(rest, text, start, converted=(markdown, begun + first)))
        for title, rest, text, first in runs
    ]


def _paragraph_lines(node: SyntaxTreeNode) -> tuple[list[list[Token]], list[str], int] | None:
    """The inline tokens and the source of each line of a paragraph, and its first line (0-based);
    None for any other block."""
    if node.type != "paragraph" or not node.children or not node.map:
        return None
    inline = node.children[0].token
    if inline is None or not inline.children:
        return None
    lines: list[list[Token]] = [[]]
    for token in inline.children:
        if token.type in ("softbreak", "hardbreak"):
            lines.append([])
        else:
            lines[-1].append(token)
    sources = inline.content.split("\n")
    return (lines, sources, node.map[0]) if len(sources) == len(lines) else None


_QUESTION_LINE_TOKENS = frozenset(
    ("text", "code_inline", "em_open", "em_close", "strong_open", "strong_close")
)
# What a marked question's paragraph opens with: its mark, plain or emphasised ("**Q:** …").
_QUESTION_OPENS = frozenset("qQîÎ*_")


def _marked_question(
    node: SyntaxTreeNode, following: SyntaxTreeNode | None
) -> tuple[str, SyntaxTreeNode | None]:
    """The question of a paragraph that opens with a line a FAQ marks as one ("Q: How do I reset the
    admin password?", "**Q:** …", "Q1. …"), and the rest of the paragraph (its answer, "A: Hold …")
    as a paragraph of its own, or None when the question is alone; ("", None) for any other block.
    A marked line that asks nothing ("Q: VPN says "Authentication failed"") is a question where an
    "A:" answers it (or, under "Q2.", an "A2."), on the next line or opening the ``following`` block.

    Read as a paragraph, the question and its answer were one more paragraph of the entry before.
    """
    # Most paragraphs open otherwise: looked at first, before the paragraph is cut into lines.
    if node.type != "paragraph" or not node.children or node.children[0].content[:1] not in _QUESTION_OPENS:
        return "", None
    split = _paragraph_lines(node)
    if split is None:
        return "", None
    lines, sources, start = split
    first = lines[0]
    # Plain text, code and emphasis: "Q: Why does `make dev` fail?" was read as no question, and
    # lost, with its answer, in the entry before it.
    if not first or any(t.type not in _QUESTION_LINE_TOKENS for t in first):
        return "", None
    text = _line_text(first)
    if len(text) > MAX_QUESTION_CHARS:
        return "", None
    if not _MARKED_QUESTION.match(text):
        # "**Why is `retries` required to be null?**" on a line of its own, its answer on the lines under
        # it (as a README's FAQ writes one): it heads that answer, as a bold question in a paragraph of
        # its own does. Read as one paragraph, each question and answer was a step of a "FAQ" problem.
        if len(lines) == 1 or not text.endswith("?") or not _one_bold_run(first):
            return "", None
    elif not text.endswith("?"):
        answer = lines[1] if len(lines) > 1 else _first_line(following)
        if not answer_mark(_line_text(answer), text):
            return "", None
    if len(lines) == 1:
        return text, None
    rest = [token for tokens in lines[1:] for token in (Token("softbreak", "br", 0), *tokens)][1:]
    # Its answer's bold mark ("**A:** …") is no part's label: its Markdown keeps it, as its text does.
    return text, _paragraph(rest, sources[1:], start + 1, cut=False)


def _one_bold_run(tokens: list[Token]) -> bool:
    """Whether a paragraph's line is one bold run and nothing else ("**Can I …?**")."""
    shown = [t for t in tokens if t.type != "text" or t.content.strip()]
    opened = [t for t in shown if t.type == "strong_open"]
    return len(opened) == 1 and shown[0].type == "strong_open" and shown[-1].type == "strong_close"


def _line_text(tokens: list[Token]) -> str:
    """The words of a paragraph's line, without their markup ("**Q:** Why …" is "Q: Why …")."""
    return "".join(t.content for t in tokens if t.type in ("text", "code_inline")).strip()


def _first_line(node: SyntaxTreeNode | None) -> list[Token]:
    """The inline tokens of a paragraph's first line; [] for any other block or none."""
    split = _paragraph_lines(node) if node is not None else None
    return split[0][0] if split else []


def _opening_label(
    tokens: list[Token], inline_label: Callable[[str], InlineLabel], *, fixes: bool = False
) -> tuple[str, list[Token]] | None:
    """The part label a line's inline tokens open with in bold (or in italics, as a help desk's editor
    writes "*Reason:* …"), followed by ":" inside or after it and then more text, and the tokens after
    it; None when the line opens otherwise."""
    shown = [t for t in tokens if t.type != "text" or t.content.strip()]
    plain_label = _PLAIN_PART_OR_FIX_LABEL if fixes else _PLAIN_PART_LABEL
    plain = plain_label.match(shown[0].content.lstrip()) if shown and shown[0].type == "text" else None
    if plain is None and shown and shown[0].type == "text":
        told = _PLAIN_FIX_LABEL.match(shown[0].content.lstrip())
        said = "".join(t.content for t in shown if t.type in ("text", "code_inline")).lstrip()
        plain = told if told and reads_as_instruction(said[told.end() :].strip()) else None
    if plain is not None:
        # "Cause: The fuser is overheating.", a part's label written plain.
        first = shown[0].copy()
        first.content = shown[0].content.lstrip()[plain.end() :].lstrip()
        rest = [first, *shown[1:]] if first.content else shown[1:]
        label = plain.group(1)
        fits = bool(rest) and bool(inline_label(label))
        return (label, rest) if fits else None
    if len(shown) < 4 or shown[0].type not in ("strong_open", "em_open"):
        return None
    closing = shown[0].type.replace("_open", "_close")
    close = next((i for i, t in enumerate(shown) if t.type == closing), 0)
    inside = shown[1:close]
    if not close or any(t.type != "text" for t in inside):
        return None
    label = "".join(t.content for t in inside).strip()
    rest = shown[close + 1 :]
    if label.endswith(":"):
        label = label[:-1].strip()
    elif label.endswith(".") and not label.endswith(".."):
        # A run-in label ended by a full stop, as DocBook's stylesheets write a <formalpara>'s title
        # ("**Symptom.** …", then "**Cause.** …"): the part it names, where it names one (see below).
        # Read as text, the cause went on with the symptoms.
        label = label[:-1].strip()
    elif rest[0].type == "text" and rest[0].content.lstrip().startswith(":"):
        first = rest[0].copy()
        first.content = first.content.lstrip()[1:]
        rest = [first, *rest[1:]]
    else:
        return None
    if rest and rest[0].type == "text":
        first = rest[0].copy()
        first.content = first.content.lstrip()
        rest = [first, *rest[1:]]
    shows = any(t.type != "text" or t.content.strip() for t in rest)
    fits = 0 < len(label) <= MAX_LABEL_CHARS and bool(inline_label(label))
    return (label, rest) if shows and fits else None


def _block_title(shown: Sequence[Token | SyntaxTreeNode]) -> str:
    """The words of the AsciiDoc block title (".Cause") or bracketed label ("[Workaround]") that a line's
    shown parts are alone, or ""."""
    if len(shown) != 1 or shown[0].type != "text":
        return ""
    title = _BLOCK_TITLE.fullmatch(shown[0].content.strip())
    return (title.group(1) or title.group(2)).strip() if title else ""


def _label_alone(tokens: list[Token], inline_label: Callable[[str], InlineLabel]) -> str | None:
    """The part label a line is made of alone, in bold ("**Cause**", "**Resolution:**") or as an
    AsciiDoc block title (".Cause"), or None."""
    shown = [t for t in tokens if t.type != "text" or t.content.strip()]
    if label := _block_title(shown):
        return label if len(label) <= MAX_LABEL_CHARS and inline_label(label) else None
    if len(shown) != 3 or (shown[0].type, shown[1].type, shown[2].type) != (
        "strong_open",
        "text",
        "strong_close",
    ):
        return None
    label = shown[1].content.strip().removesuffix(":").strip()
    return label if 0 < len(label) <= MAX_LABEL_CHARS and inline_label(label) else None


def _paragraph(
    children: list[Token],
    lines: list[str],
    line: int,
    converted: tuple[list[str], int] | None = None,
    *,
    cut: bool = True,
) -> SyntaxTreeNode:
    """A paragraph node of ``children`` (inline tokens), its source ``lines`` starting at 0-based ``line``;
    or, with ``converted``, read from HTML, at the line of its element, its ``lines`` being those of
    the Markdown written for it from the given line on. ``cut`` says that its first source line opens
    with the label it was cut from (see LABEL_CUT); lines after a question hold none to leave out."""
    text = "\n".join(lines)
    count = max(1, text.count("\n") + 1)
    span = [line, line + (1 if converted else count)]
    meta: dict[str, object] = {LABEL_CUT: True} if cut else {}
    if converted is not None:
        markdown, first = converted
        meta["kb_converted"] = (markdown, (first, first + count))
    opening = Token("paragraph_open", "p", 1, map=span, block=True, meta=meta)
    inline = Token("inline", "", 0, map=span, content=text, children=children, block=True)
    closing = Token("paragraph_close", "p", -1, block=True)
    return _Node([opening, inline, closing]).children[0]


def _set_ends(section: Section, end: int) -> None:
    section.end = end
    for i, child in enumerate(section.children):
        following = section.children[i + 1].line if i + 1 < len(section.children) else end
        _set_ends(child, following)


def line_of(node: SyntaxTreeNode) -> int:
    """1-based source line where ``node`` starts."""
    return node.map[0] + 1 if node.map else 0


def quoted_parts(node: SyntaxTreeNode) -> list[Quoted]:
    """The code spans and quoted strings of a heading, in order."""
    parts: list[Quoted] = []
    _quoted_parts(node, parts)
    return [p for p in parts if p.text]


def _quoted_parts(n: SyntaxTreeNode, parts: list[Quoted]) -> None:
    # Not a recursive closure: see indexer.inline_text._shown_texts.
    if n.type == "code_inline":
        parts.append(Quoted(strip_shortcodes(n.content).strip(), code=True))
    elif n.type == "text":
        parts.extend(Quoted(text, code=False) for text in heading_quoted_strings(n.content))
    for child in n.children:
        _quoted_parts(child, parts)


def written_as_code(node: SyntaxTreeNode) -> bool:
    """Whether a heading is written as code: the name of a command, option, file or setting, as
    reference pages head their entries (``### `link`, `ln` [*`options`*]``, ``#### `installer` *script*``).

    Every word is in a code span or an emphasised placeholder, and there is a code span;
    only brackets, commas and such are plain text.
    """
    found = [False, False]  # a code span, plain words
    _code_and_words(node, False, found)
    return found[0] and not found[1]


def _code_and_words(n: SyntaxTreeNode, emphasised: bool, found: list[bool]) -> None:
    # Not a recursive closure: see indexer.inline_text._shown_texts.
    if n.type == "code_inline":
        found[0] = True
    elif n.type == "text" and not emphasised and any(ch.isalnum() for ch in n.content):
        found[1] = True
    for child in n.children:
        _code_and_words(child, emphasised or n.type in ("em", "strong"), found)


def markdown_text(markdown: str) -> str:
    """The plain text of a Markdown fragment (a table cell's line), as :func:`block_text` reads it."""
    return "\n".join(block_text(block) for block in _Node(markdown_parser().parse(markdown)).children)


def block_text(node: SyntaxTreeNode) -> str:
    """Plain text of any block: paragraphs, lists, quotes, fences, tables and call-outs."""
    return memo(node, "_kb_text", _block_text)


def described_text(node: SyntaxTreeNode) -> str:
    """Plain text of a block that describes a problem (its symptoms, its cause): as
    :func:`block_text`, but a list's items keep their marks ("- ", "1. "), nested lists too,
    so that whoever shows the text can tell items from the lines of one wrapped paragraph."""
    if node.type not in LISTS:
        return block_text(node)
    start = list_start(node)
    lines: list[str] = []
    for n, item in enumerate(node.children):
        mark = f"{start + n}. " if node.type == "ordered_list" else "- "
        parts = (described_text(child) for child in item.children)
        first, *rest = "\n".join(part for part in parts if part).split("\n")
        lines += [mark + first, *(" " * len(mark) + line for line in rest)]
    return "\n".join(line for line in lines if line.strip())


def list_start(numbered: SyntaxTreeNode) -> int:
    """The number an ordered list starts at, as its author wrote it (0 and past 1 too)."""
    try:
        return int(numbered.attrs.get("start", 1))
    except (TypeError, ValueError):
        return 1


def _block_text(node: SyntaxTreeNode) -> str:
    if node.type in CODE:
        return node.content.strip()
    if node.type == "paragraph":
        lines = inline_text(node).split("\n")
        return "\n".join(line for line in lines if not _DIRECTIVE_LINE.match(line)).strip()
    if node.type in ("inline", "heading"):
        return inline_text(node)
    if node.type in (
        "html_block",
        "kramdown_ial",
        "hr",
        "myst_target",
        "myst_line_comment",
        "myst_block_break",
    ):
        return ""
    if node.type == "table":
        # An empty row (the blank header of a table written without one) says nothing.
        cells = [cell_texts(row) for row in table_rows(node)]
        rows = [" | ".join(row) for row in cells if any(c.strip() for c in row)]
        return "\n".join(rows)
    text = "\n".join(t for t in (block_text(c) for c in node.children) if t)
    kind = callout_kind(node)
    if kind and node.type == "blockquote":
        # A call-out's marker is markup; as plain text "> [!NOTE]" reads "Note:". A quote a class
        # made a call-out ("{: .warning }") has no marker, and reads so too.
        marker = _CALLOUT_MARKER.match(text)
        labelled = CALLOUT_LABEL.match(text) or _STOPPED_LABEL.match(text)
        marked = marker or not token_meta(node, "callout") or labelled
        if marker and (
            CALLOUT_LABEL.match(text[marker.end() :]) or _STOPPED_LABEL.match(text[marker.end() :])
        ):
            # "[!NOTE]" over "Note: …", as an HTML call-out whose text labels itself converts: one label.
            text = text[marker.end() :]
        elif marker and _names_kind(text[marker.end() :].partition("\n")[0], kind):
            # "[!INFO]" over a line of its own label alone, as a knowledge base's box prints it in bold
            # ("**Info**"): the kind's name once, then the box's text. A title of its own ("[!warning]
            # Error") stays the note's first line.
            text = kind.capitalize() + ": " + text[marker.end() :].partition("\n")[2]
        elif marked:
            text = _CALLOUT_MARKER.sub(kind.capitalize() + ": ", text, count=1)
        else:
            text = f"{kind.capitalize()}: {text}"
    elif kind and not CALLOUT_LABEL.match(text) and not _STOPPED_LABEL.match(text):
        text = f"{kind.capitalize()}: {text}"
    return text


def _names_kind(line: str, kind: str) -> bool:
    """Whether ``line`` is the label of a call-out of ``kind`` alone, no more words ("Info" of an
    info box, "Warning:" or "Achtung" of a warning)."""
    word = line.strip().rstrip(":：!").strip().lower()
    return word == kind or ADVICE_ELSEWHERE.get(word) == kind


def callout_kind(node: SyntaxTreeNode) -> str:
    """ "note", "warning" … for a call-out (advice, never quoted error text); "" otherwise.

    Call-outs are ``> [!NOTE]`` quotes, MyST/Hugo/colon directives, and quotes and
    paragraphs that open with a bold label ("> **Note:** …", "**Important:** …").
    """
    if not isinstance(node, _Node):
        return _callout_kind(node)
    if node.callout is None:
        # The readers ask it of each block several times (is_callout), and a tree never changes.
        node.callout = _callout_kind(node)
    return node.callout


def _callout_kind(node: SyntaxTreeNode) -> str:
    if node.type == "callout":
        return str(token_meta(node, "kind") or "note")
    if node.type == "paragraph":
        # "**Note:** The profile is cached …", as help desks write a call-out.
        return _bold_callout_label(node)
    if node.type != "blockquote":
        return ""
    marked = token_meta(node, "callout")
    if marked:
        return str(marked)
    first = node.children[0] if node.children else None
    text = block_text(first) if first is not None else ""
    if symbol := symbol_kind(text):
        return symbol
    bold = _bold_callout_label(first) if first is not None else ""
    if bold or first is None or first.type != "paragraph":
        return bold
    if _opens_with_bold_label(first):
        return "note"
    # One line: a quote of several, after "git prints:", is what a program printed ("Note: switching to
    # 'v1.0'. You are in 'detached HEAD' state. …"); and one that a paragraph ending in a colon
    # introduces ("…the program shows the message:"), in whatever language, is what it shows.
    one_line = "\n" not in text.strip() and len(node.children) == 1
    introduced = isinstance(node, _Node) and node.introduced
    advice = PLAIN_ADVICE.match(text) if one_line and not introduced else None
    if advice is None:
        return ""
    said = _CALLOUT_SYNONYMS.get(advice.group(1).lower(), advice.group(1).lower())
    return said if said in ("tip", "important") else "note"


def _mark_introduced(tree: _Node) -> None:
    """Mark each quote of ``tree`` that comes right after a paragraph ending in a colon ("…the program
    shows the message:"): while the tree is whole, as a top block's parent is let go with the tree."""
    parents: list[SyntaxTreeNode] = [tree]
    while parents:
        children = parents.pop().children
        for before, node in pairwise(children):
            if node.type == "blockquote" and isinstance(node, _Node) and before.type == "paragraph":
                node.introduced = block_text(before).rstrip().endswith((":", "："))
        # A quote is a block: the words inside a paragraph or a heading (most of the nodes) hold none.
        parents.extend(child for child in children if child.type != "inline")


def _opens_with_bold_label(paragraph: SyntaxTreeNode) -> bool:
    """Whether a quote's first paragraph opens with a bold label of a word or two and a colon, naming no
    error, part (in any language: "**Ursache:**") or field ("**Reminder:** …", "**Pastaba:** …"): a
    program prints no bold, so in any language the quote is the author's aside, not output it quotes;
    "**Error:** …" labels the message."""
    inline = inline_parts(paragraph)
    if not inline or inline[0].type != "strong":
        return False
    label = inline_text(inline[0]).strip()
    colon_after = len(inline) > 1 and inline[1].type == "text" and inline[1].content.startswith(_COLONS)
    if not (label.endswith(_COLONS) or colon_after):
        return False
    label = label.rstrip(":：").strip()
    return (
        0 < len(label.split()) <= 2
        and heading_role(label) is Role.TOPIC
        and heading_kind(label) is Kind.PLAIN
        and not _NOT_A_FIELD.search(label)
        and not _FIELD_LABEL.search(label)
    )


def _bold_callout_label(paragraph: SyntaxTreeNode) -> str:
    """The kind a paragraph's opening bold label names ("**Note:**", "**Important**"), or ""."""
    inline = inline_parts(paragraph)
    if inline and inline[0].type == "strong":
        label = CALLOUT_LABEL.match(inline_text(inline[0]) + ":")
        if label:
            kind = (label.group(1) or label.group(2)).lower()
            return _CALLOUT_SYNONYMS.get(kind, kind)
    return ""


# What a page's fields are about: the page itself ("Applies to", "Original KB number", "Last
# updated", "Product version", Notion's "Tags" and "Created", an email's "From", "To" and "Subject"),
# not what it says ("Summary:", "Step 1:", "Question:", "Mitigation:").
_FIELD_LABEL = re.compile(
    r"\b(applies|applies to|versions?|revision|document|products?|editions?|platforms?|kb|article|updated|reviewed|modified|"
    r"published|created|authors?|owners?|audience|category|components?|services?|releases?|sku|models?|tags|labels|"
    r"keywords|severity|priority|from|to|cc|date|sent|subject)\b",
    re.IGNORECASE,
)
# A label that names what went wrong is the problem's own text ("**Error:** 0x80070005"), not a field;
# in another language too, a word for an error opening a word ("**Fehlercode:**", "**产品错误：**").
_NOT_A_FIELD = re.compile(
    r"\b(errors?|exceptions?|fail\w*|messages?|status|codes?|symptoms?|warnings?|problems?|issues?|causes?|"
    rf"fix(es)?|resolutions?|solutions?|workarounds?|events?|hresult)\b|(?<![{CASED_LETTER}])(?:{ERROR_WORDS})",
    re.IGNORECASE,
)
MAX_FIELD_LABEL = 40
MAX_FIELD_VALUE = 240
# A field written without emphasis ("Product: TillPoint POS", as Notion exports a page's properties):
# a label of a few words, the first not in lower case (see _plain_label), then a colon: French puts a
# space before it ("Produit : …"), and Chinese, Japanese and Korean write a full-width one ("产品：…").
_PLAIN_LABEL = re.compile(r"([^\W\d_][\w'’-]*\.?(?: [\w'’-]+\.?){0,3})(?: ?:\s+|\s?：\s*)(\S.*)")
# What ends an emphasised label ("**Producto:**", "**製品：**").
_COLONS = (":", "：")


def _plain_label(text: str) -> re.Match[str] | None:
    """``text`` as a plain "Label: value" line, its label's first letter not in lower case (a
    capital, or a letter of a script without case: "产品：…"); None when it is not one."""
    found = _PLAIN_LABEL.fullmatch(text)
    return found if found and not found.group(1)[0].islower() else None


# A field that numbers the page itself ("Document No.: LG-HT-0417", "Article ID: KB-2291", as a Word
# document's header or a knowledge base's page gives it): its value is written like an error code, and
# is none.
_PAGE_NUMBER = re.compile(r"(?:document|doc|article|kb)[ \t]?(?:no\.?|nr\.?|number|id|#)?", re.IGNORECASE)


def _page_number(label: str) -> bool:
    """Whether a field's label names the page's own number (see _PAGE_NUMBER)."""
    return bool(_PAGE_NUMBER.fullmatch(label.strip()))


# A field that names the kind of article the page is, its template or type ("Template: Known Error", as BMC
# Helix heads a known error's fields; "Article Type: Error Reference"): its value names a kind of page, whatever
# word for a failure it holds. Read as a failure, it took the record's fields after it ("Article ID: …",
# "Status: Published") into the problem's symptoms. So too the template's or type's name as other tools
# label it ("Template Name", SharePoint's "Content Type", Salesforce's "Article Record Type") and as a
# page in another language does ("Plantilla: Error conocido", "Vorlage", "Modèle", "Tipo de artículo"),
# which took the fields into the symptoms again.
_PAGE_KIND = re.compile(
    r"(?:(?:article|page|kb|knowledge|record|document) )?template(?: name)?"
    r"|(?:article|page|kb|knowledge|record|document|content)(?: record)? type"
    r"|(?:artikel|dokument|inhalts)?vorlage|(?:artikel|dokument|inhalts)typ|artikeltype|inhoudstype|sjabloon"
    r"|mod[eè]le|plantilla|modelo|modello"
    r"|(?:mod[eè]le|plantilla|modelo|modello|type|tipo) (?:d['\u2019]|de l['\u2019]|de |di |del |do )"
    r"(?:article|artículo|artigo|articolo|contenu|contenido|conteúdo|contenuto)",
    re.IGNORECASE,
)


def _names_page(label: str) -> bool:
    """Whether a field's label names something about the page, in English or another language."""
    # Another language's words are many: a label longer than a field's is no field's, and not read.
    return bool(_FIELD_LABEL.search(label)) or (len(label) <= MAX_FIELD_LABEL and names_page_field(label))


# Of a page's properties a workflow status ("Status: Published") is one: a word, about the page.
_PAGE_STATUS = re.compile(r"(?i:status):\s+[A-Za-z-]+")


def page_fields(block: SyntaxTreeNode, *, bars: bool = False) -> list[tuple[str, str]]:
    """The (label, value) lines of ``block`` when it is a paragraph of fields about the page, not what
    the page says ("_Original KB number:_ 4096172", "**Applies to:** Windows Server 2019"; Notion's
    "Product: TillPoint POS" then "Tags: offline, sync"); [] when it is not.

    Each line opens with an emphasised label that ends in ":", names something about the page
    (:data:`_FIELD_LABEL`) and gives a short value. A label that names an error, a status or a
    symptom ("**Error:** 0x80070005"), or a value that holds an error code ("**Version:** 2.3,
    0x80070643 on update"), is the problem's own text: a paragraph with such a line is no list
    of fields. Labels without emphasis make one only when there are two or more lines (or, with
    ``bars``, fields of one line between bars), two of them naming something about the page (a lone
    "Product: X" may be a sentence of the article).
    """
    lines = _field_lines(block)
    if not lines:
        return []
    if lines[0][0].type not in ("em", "strong"):
        return _plain_fields(lines, bars=bars) or _email_header(lines)
    return _emphasised_fields(lines)


# A field of an email's header as a mail client or a list's archive saves it over the message: its name
# one word or words joined by hyphens ("Message-ID: <…>", "List-Unsubscribe: <…>"), which names no page's
# field and may name a message.
_HEADER_FIELD = re.compile(r"([A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*):[ \t]+(\S.*)")


def is_email_header(labels: set[str]) -> bool:
    """Whether a paragraph's field labels (in lower case) are an email's header: a "From" with a "To"
    or a "Subject"."""
    return "from" in labels and bool(labels & {"to", "subject"})


def _email_header(lines: list[list[SyntaxTreeNode]]) -> list[tuple[str, str]]:
    """The fields of a paragraph that is an email's header, every line one (:data:`_HEADER_FIELD`); else []."""
    found = [_HEADER_FIELD.fullmatch(_parts_text(line).strip()) for line in lines]
    fields = [(match.group(1), match.group(2)) for match in found if match]
    if len(fields) < len(lines) or not is_email_header({name.lower() for name, _ in fields}):
        return []
    return fields


def is_mail_header(block: SyntaxTreeNode) -> bool:
    """Whether ``block`` is a paragraph of an email's header (see :func:`is_email_header`), emphasised or not."""
    return is_email_header({name.lower() for name, _ in page_fields(block)})


def page_field_blocks(blocks: Sequence[SyntaxTreeNode]) -> dict[int, list[tuple[str, str]]]:
    """The paragraphs of ``blocks`` (those under a page's title) that are fields about the page
    (:func:`page_fields`), by id, with their (label, value) lines. One line of fields between bars
    ("Article Number: 000384512 | Article Record Type: Troubleshooting") counts only before anything
    else the page says: a flat page of known issues gives each its "Version: 2.2 | Component: sign-in"
    line, which says what its steps apply to."""
    found: dict[int, list[tuple[str, str]]] = {}
    opening = True
    # The opening's paragraphs of one plain "Label: value" line each ("Article ID: 318932", then
    # "Products: vSphere ESXi"): read together, as the lines of one paragraph are.
    lone: list[tuple[SyntaxTreeNode, list[SyntaxTreeNode]]] = []
    for block in blocks:
        if fields := page_fields(block, bars=opening):
            found[id(block)] = fields
        elif opening and (line := _lone_plain_line(block)):
            lone.append((block, line))
        elif block_text(block):
            opening = False
    fields = _plain_fields([line for _, line in lone], bars=False)
    if len(lone) == 1 and not fields:
        fields = _page_only_field(lone[0][1])
    if fields:
        found.update((id(block), [field]) for (block, _), field in zip(lone, fields, strict=True))
    return found


def _lone_plain_line(block: SyntaxTreeNode) -> list[SyntaxTreeNode]:
    """The inline parts of a paragraph of one plain "Label: value" line; [] for any other block."""
    lines = _field_lines(block)
    if len(lines) != 1 or lines[0][0].type in ("em", "strong"):
        return []
    return lines[0] if _plain_label(_parts_text(lines[0]).strip()) else []


# Labels that name nothing but the page: alone under its title, "Applies to: Kafka 3.x clients" is
# no sentence of the article, as a lone "Product: X" may be.
_PAGE_ONLY_LABEL = re.compile(r"applies to|(?:article|kb|document) (?:id|number)", re.IGNORECASE)


def _page_only_field(line: list[SyntaxTreeNode]) -> list[tuple[str, str]]:
    """A lone plain line's field when its label names nothing but the page; else []."""
    found = _plain_label(_parts_text(line).strip())
    if (
        not found
        or not (_PAGE_ONLY_LABEL.fullmatch(found.group(1)) or names_only_the_page(found.group(1)))
        or not _field_value(found.group(2).strip())
    ):
        return []
    return [(found.group(1), found.group(2).strip())]


def _field_lines(block: SyntaxTreeNode) -> list[list[SyntaxTreeNode]]:
    """The inline parts of a paragraph, line by line ([] for any other block)."""
    lines: list[list[SyntaxTreeNode]] = [[]]
    for part in inline_parts(block):
        if part.type in ("softbreak", "hardbreak"):
            lines.append([])
        else:
            lines[-1].append(part)
    return [line for line in lines if line]


def _emphasised_fields(lines: list[list[SyntaxTreeNode]]) -> list[tuple[str, str]]:
    """The fields of a paragraph whose lines each open with an emphasised label (see
    :func:`page_fields`); else []."""
    fields = []
    # Values that may be the problem's own text (a failure's words): fields only in a mail's header.
    failing = False
    for label, *rest in lines:
        if label.type not in ("em", "strong"):
            # Among emphasised labels a plain one ("**Producto:** …" then "Última actualización: …")
            # is a field when it names something about the page.
            plain = _plain_label(_parts_text([label, *rest]).strip())
            if plain is None or not is_page_field(plain.group(1), plain.group(2).strip()):
                return []
            fields.append((plain.group(1), plain.group(2).strip()))
            continue
        name = inline_text(label)
        value = _parts_text(rest).strip()
        if not value and ":" in name.rstrip(":"):
            # The whole line in emphasis, label and value alike ("_Platform notice: Data Center
            # only._", as Atlassian's knowledge base marks what a page applies to).
            name, value = (part.strip() for part in name.split(":", 1))
            name += ":"
        if name.endswith(_COLONS):
            name = name[:-1].strip()
        elif value.startswith(_COLONS):
            value = value[1:].strip()
        else:
            return []
        if not is_page_field(name, value, failing_words=True):
            return []
        failing = failing or not _field_value(value)
        fields.append((name, value))
    # A mail's subject says what fails ("**Subject:** RE: nightly backup failing"), and is its header's all the same.
    if failing and not is_email_header({name.lower() for name, _ in fields}):
        return []
    return fields


def is_page_field(name: str, value: str, *, failing_words: bool = False) -> bool:
    """Whether a field labelled ``name`` with ``value`` can be one of the page's (see :func:`page_fields`):
    a short label that names something about the page and nothing that went wrong, and a short value;
    with ``failing_words``, one that may hold a failure's words (a mail's subject)."""
    if len(name) > MAX_FIELD_LABEL or not _names_page(name) or _NOT_A_FIELD.search(name):
        return False
    if len(value) > MAX_FIELD_VALUE or not value:
        return False
    return failing_words or _field_value(value)


def _plain_fields(lines: list[list[SyntaxTreeNode]], *, bars: bool) -> list[tuple[str, str]]:
    """The fields of a paragraph whose labels have no emphasis (see :func:`page_fields`)."""
    texts = [_parts_text(line).strip() for line in lines]
    if bars:
        texts = [segment for text in texts for segment in _bar_segments(text)]
    if len(texts) < 2:
        return []
    fields = []
    for text in texts:
        found = _plain_label(text)
        if not found:
            return []
        name, value = found.group(1), found.group(2).strip()
        if _NOT_A_FIELD.search(name) and not _PAGE_STATUS.fullmatch(text):
            return []
        if not (
            _field_value(value)
            or (
                (is_title_field(name) or _page_number(name) or _PAGE_KIND.fullmatch(name.strip()))
                and len(value) <= MAX_FIELD_VALUE
            )
        ):
            return []
        fields.append((name, value))
    # A workflow status names the page too, "Status: Published" over "Owner: …" (Notion's properties).
    if (
        sum(
            1
            for (name, _), text in zip(fields, texts, strict=True)
            if _names_page(name) or _PAGE_STATUS.fullmatch(text)
        )
        < 2
    ):
        return []
    return fields


# A help desk prints a page's properties on one line between bars ("Article Number: 000384512 |
# Article Record Type: Troubleshooting | Published"), its status a word alone; a vendor's note parts
# them by a comma before each label ("Component: FI-QX-PAY, Version: 4, Released On: 12.09.2023"), as a
# text export's row of fields is read (text_article._FIELD_GAP); a knowledge base's page sets each label and
# value in a span of its own, a space between them, before a label of one word ("Article ID: KBA00031742
# Version: 4 Template: Known Error Status: Published", BMC Helix's header): read as no fields, the line was
# the problem's symptoms. Each part must still be a field (see _plain_fields), so a sentence is none. A run of
# spaces is tried once, from its start and whole: tried from each of its spaces, a padded line of 100,000
# spaces took minutes.
_BAR = re.compile(r" \| |,\s+(?=[A-Z][A-Za-z ]{0,24}:\s)|(?<!\s)\s++(?=[A-Z][A-Za-z]{1,24}:\s)")


def _bar_segments(text: str) -> list[str]:
    """The fields of one line of them between bars (or commas), but for a word alone (a status); the
    line itself when fewer than two of its parts are labelled ("Tags: laptops | sync"), or when a part's
    value is a sentence (see :func:`_says_a_sentence`)."""
    parts = [part.strip() for part in _BAR.split(text)]
    labelled = [found for found in map(_plain_label, parts) if found]
    if len(labelled) < 2 or any(_says_a_sentence(found.group(2)) for found in labelled):
        return [text]
    return [part for part in parts if not part.isalpha()]


# A field's value of more words than this, or of a few words closed as a sentence, says something.
MAX_FIELD_VALUE_WORDS = 8


def _says_a_sentence(value: str) -> bool:
    """Whether a field's ``value`` is a sentence, no record's value: "Owner: IT Ops Status: Published Summary:
    Outlook closes without a message when a user opens a shared calendar." ends in what is seen. Read as one
    more field, the whole line was dropped as the page's fields and the problem had no symptoms."""
    words = len(value.split())
    return words > MAX_FIELD_VALUE_WORDS or (words >= 3 and value.endswith(_SENTENCE_END))


def _parts_text(parts: list[SyntaxTreeNode]) -> str:
    """The text of a line's inline parts, as written (a text part's spaces kept)."""
    return "".join(inline_text(part) if part.type != "text" else part.content for part in parts)


def _field_value(value: str) -> bool:
    """Whether ``value`` can be a field's: short, and no error (an error code, words of a failure)."""
    return (
        bool(value)
        and len(value) <= MAX_FIELD_VALUE
        and not error_codes(value, named=False)
        and not (FAILURE_WORDS.search(value.lower()))
    )


def in_tab(node: SyntaxTreeNode) -> bool:
    """Whether a block is part of a tab's content (MkDocs' ``=== "Linux"``, a MyST tab item)."""
    return bool(token_meta(node, IN_TAB))


def tab_label(node: SyntaxTreeNode) -> str:
    """The label of the tab whose content ``node`` opens ("Linux"), or "" for any other block."""
    return str(token_meta(node, TAB_LABEL) or "")


def tab_label_alone(node: SyntaxTreeNode) -> bool:
    """Whether ``node`` is a tab's label in a paragraph of its own ("Node.js:"), as a tab that opens with
    no paragraph (its code first) has it."""
    return bool(token_meta(node, "label")) and bool(tab_label(node))


def is_callout(node: SyntaxTreeNode) -> bool:
    """True for call-outs: advice, never quoted error text."""
    return bool(callout_kind(node))


def has_links(node: SyntaxTreeNode) -> bool:
    """Whether a block links anywhere: error text a program printed never does."""
    return any(n.type == "link" for n in _descendants(node))


def _descendants(node: SyntaxTreeNode) -> list[SyntaxTreeNode]:
    out: list[SyntaxTreeNode] = []
    stack = list(node.children)
    while stack:
        current = stack.pop()
        out.append(current)
        stack.extend(current.children)
    return out


def is_navigation(node: SyntaxTreeNode) -> bool:
    """A list whose every item is only a link to a place in the page: a hand-made table of contents."""
    if node.type not in LISTS or not node.children:
        return False
    for item in node.children:
        links = [n for n in _descendants(item) if n.type == "link"]
        if not links or not all(str(link.attrs.get("href", "")).startswith("#") for link in links):
            return False
        own = [c for c in item.children if c.type not in LISTS]
        if sum(len(block_text(c)) for c in own) > 120:
            return False
    return True


def table_rows(table: SyntaxTreeNode) -> list[SyntaxTreeNode]:
    """All rows of a table, header row first."""
    return [row for part in table.children for row in part.children]


def cell_texts(row: SyntaxTreeNode) -> list[str]:
    """The plain text of each cell of a table row."""
    return [inline_text(cell) for cell in row.children]


# A procedure written as a table: a first column that numbers the steps, and others that say what
# to do ("Action") or, under a column named for the steps, describe each step ("Description").
STEP_COLUMN = re.compile(r"steps?|#|no\.?|number", re.IGNORECASE)
_NAMED_STEP_COLUMN = re.compile(r"steps?", re.IGNORECASE)
_ACTION_COLUMN = re.compile(r"\b(?:actions?|what to do|instructions?|tasks?|checks?)\b", re.IGNORECASE)
# Columns of a table of problems, numbered or not ("# | Error | Resolution", "No. | Issue | Workaround").
_PROBLEM_COLUMN = re.compile(r"\b(?:errors?|codes?|messages?|exceptions?|hresult)\b", re.IGNORECASE)


def is_step_table(block: SyntaxTreeNode) -> bool:
    """Whether ``block`` is a procedure written as a table, a row per step: its first column numbers
    the steps ("Step", "#", "No.") and another says what to do ("# | Action", "# | Check | Expected");
    or its first column is named for the steps and none of the others names an error, a code, a
    message, a symptom or a cause ("Step | Description").

    "Description" also heads the message column of a table of errors ("Error | Description"), and
    a procedure's descriptions were read as messages and the procedure as no step. A bare number
    column says less: "# | Description | Status" or "No. | Port | Protocol" numbers items, not steps.
    """
    if block.type != "table":
        return False
    rows = table_rows(block)
    header = [h.strip() for h in cell_texts(rows[0])] if len(rows) > 1 else []
    if len(header) < 2 or not STEP_COLUMN.fullmatch(header[0]):
        return False
    others = header[1:]
    if any(_ACTION_COLUMN.search(h) for h in others):
        return True
    return bool(_NAMED_STEP_COLUMN.fullmatch(header[0])) and not any(
        _PROBLEM_COLUMN.search(h) or SYMPTOM_HEADER.fullmatch(h) or CAUSE_HEADER.fullmatch(h) for h in others
    )


def _source(node: Token | SyntaxTreeNode, lines: list[str]) -> tuple[list[str], tuple[int, int] | None]:
    """The lines ``node`` was read from and its range in them: the article's, or for a block of
    HTML read as Markdown (:func:`indexer.markup._html_blocks`), that Markdown's."""
    converted = node.meta.get("kb_converted") if node.meta else None
    if converted:
        return converted  # type: ignore[no-any-return]
    return lines, (node.map[0], node.map[1]) if node.map else None


def source_slice(lines: list[str], node: SyntaxTreeNode, exclude: list[SyntaxTreeNode]) -> str:
    """The Markdown source of a list item, without its marker and without ``exclude`` ranges."""
    source, span = _source(node, lines)
    if span is None:
        return ""
    start, end = span
    skipped: set[int] = set()
    for ex in exclude:
        # In the lines the item was read from: a list read from HTML inside a Markdown item
        # is excluded by the article's lines it came from, and so are the lines around it that
        # hold only its list's tags (its <ol> and </ol>), which would be left as an empty list.
        ex_span = _source(ex, lines)[1] if source is not lines else ex.map
        if ex_span:
            skipped.update(range(*ex_span))
        html_lines = ex.meta.get("kb_html_lines") if source is lines and ex.meta else None
        if html_lines and ex_span:
            skipped.update(_list_tag_lines(lines, ex_span, html_lines))
    lines = source
    kept = [lines[i] for i in range(start, min(end, len(lines))) if i not in skipped]
    if not kept:
        return ""
    # An item of a list written inside a quote (a fix in a "> [!IMPORTANT]" box): its lines
    # without the quote's markers.
    quotes = sum(1 for ancestor in _ancestors(node) if ancestor.type == "blockquote")
    for _ in range(quotes):
        kept = [QUOTE_MARKER.sub("", line, count=1) for line in kept]
    first = _LIST_MARKER.sub("", kept[0], count=1)
    rest = _dedent("\n".join(kept[1:]))
    text = "\n".join([first, rest]).strip() if rest.strip() else first.strip()
    last = node.children[-1] if node.children else None
    if last is not None and unclosed_fence(last, lines):
        # A fence the item ends before it is closed: CommonMark closes it there, but the step's
        # Markdown, shown among the next steps, would take them into its code.
        fence_lines, fence_span = _source(last, lines)
        opener = _CONTAINER_PREFIX.sub("", fence_lines[fence_span[0]], count=1)  # type: ignore[index]
        indent = next(
            (line[: len(line) - len(opener)] for line in text.split("\n") if line.endswith(opener)), ""
        )
        text = f"{text}\n{indent}{last.markup}"
    return clean_markdown(_shown_alone(text, node))


def _ancestors(node: SyntaxTreeNode) -> Iterator[SyntaxTreeNode]:
    parent = node.parent
    while parent is not None:
        yield parent
        parent = parent.parent


def row_sources(row: SyntaxTreeNode, lines: list[str]) -> list[str]:
    """The Markdown source of each cell of a table row, cleaned of publishing markup."""
    lines, span = _source(row, lines)
    if span is None or span[0] >= len(lines):
        return []
    inner = lines[span[0]].strip()
    inner = inner[1:] if inner.startswith("|") else inner
    inner = inner[:-1] if inner.endswith("|") and not inner.endswith("\\|") else inner
    # Out of its table a cell's pipes need no escape ("`a\\|b`" is "`a|b`").
    return [clean_markdown(cell.strip().replace("\\|", "|")) for cell in _CELL_SEPARATOR.split(inner)]


def _list_tag_lines(lines: list[str], span: Sequence[int], block: tuple[int, int]) -> list[int]:
    """The lines around ``span`` (a list read from the HTML ``block``) that hold only its list's
    own tags, its <ol> before and </ol> after: the rest of the block (an image, a paragraph) stays."""
    found: list[int] = []
    before = span[0] - 1
    while before >= block[0] and _LIST_TAGS_ONLY.fullmatch(lines[before]):
        found.append(before)
        before -= 1
    after = span[1]
    while after < min(block[1], len(lines)) and _LIST_TAGS_ONLY.fullmatch(lines[after]):
        found.append(after)
        after += 1
    return found


def _dedent(text: str) -> str:
    """``textwrap.dedent(text)``, at once for a text with no line that starts with a space or a tab.

    Most blocks are such text, and dedent's regular expressions over every block's lines cost
    a fiftieth of indexing an article.
    """
    if text[:1] not in (" ", "\t") and "\n " not in text and "\n\t" not in text:
        return text
    return textwrap.dedent(text)


# A link whose address a definition elsewhere on the page gives, its words then that definition's label
# ("[admin guide][guide]", "[admin guide][]"), or its words alone ("[admin guide]"); not an image's, nor
# the label of one before it.
_REFERENCE_LINK = re.compile(r"(?<![!\]\\])\[(?P<words>[^\[\]\n]{1,200})\](?:\[[^\[\]\n]{0,200}\]|(?![(:]))")
# The markup that a link's words may hold in the source but not in their text.
_LINK_WORDS = re.compile(r"[`*_\s]")


def _placed_footnotes(root: Section, gathered: SyntaxTreeNode) -> SyntaxTreeNode:
    """Each footnote of ``gathered`` (the page's footnotes, which markdown-it gathers at its end) placed
    right after the first block of ``root``'s sections that marks it, where it says what it says (a
    remark on a step is a note of that fix, not text of the page's last problem); ``gathered`` is left
    with the footnotes that nothing marks."""
    footnotes = {child.meta.get("id"): child for child in gathered.children if child.type == "footnote"}
    placed: set[int] = set()
    for section in root.walk():
        at = 0
        while at < len(section.blocks):
            marked = [
                footnotes[mark]
                for mark in footnote_marks(section.blocks[at])
                if mark in footnotes and id(footnotes[mark]) not in placed
            ]
            for footnote in marked:
                lined = [child.map for child in footnote.children if child.map]
                if lined and footnote.nester_tokens is not None:
                    # Its lines are where it is written, at the page's end: it has none of its own.
                    footnote.nester_tokens.opening.map = [lined[0][0], lined[-1][1]]
                placed.add(id(footnote))
            if marked:
                section.blocks[at + 1 : at + 1] = marked
            at += 1 + len(marked)
    gathered.children = [child for child in gathered.children if id(child) not in placed]
    return gathered


def footnote_marks(block: SyntaxTreeNode) -> list[object]:
    """The ids of the footnotes that ``block`` marks ("…the account[^bin]."), in order."""
    return [node.meta.get("id") for node in block.walk() if node.type == "footnote_ref"]


def block_source(block: SyntaxTreeNode, lines: list[str]) -> str:
    """The Markdown source of a whole block, cleaned of publishing markup.

    A call-out written as a directive (``:::{note}``, a MyST fence, a Hugo notice)
    becomes the ``> [!NOTE]`` form every renderer here understands.
    """
    if block.type == "callout":
        inner = [c for c in block.children if c.map]
        body = (
            clean_markdown(_dedent("\n".join(lines[inner[0].map[0] : inner[-1].map[1]])))  # type: ignore[index]
            if inner
            # No source lines of its own (a call-out written on one line with its tags): its Markdown.
            else "\n\n".join(
                text
                for child in block.children
                if (text := token_meta(child, ONE_LINE_MARKDOWN) or block_text(child))
            )
        )
        # An admonition's title ("!!! warning "Back up first"") has no lines of its own to show.
        titles = [f"**{block_text(c)}**" for c in block.children if c.meta.get("kb_title")]
        return alert_quote(callout_kind(block), "\n\n".join([*titles, body]) if inner else body)
    if not block.map or block.meta.get("label"):
        return block_text(block)
    unclosed = unclosed_fence(block, lines)  # never one of a block read from HTML (see there)
    lines, span = _source(block, lines)
    start, end = span or (0, 0)
    source = _dedent("\n".join(lines[start:end]))
    if block.type == "code_block" and "```" not in source:
        # An indented code block shown alone (nbconvert's output of a cell, "    4182"): dedented,
        # its Markdown read as a paragraph; fenced, it stays code.
        source = f"```\n{source}\n```"
    if unclosed:
        # A last code block whose closing line is missing: closed, or it takes what follows it
        # where its Markdown is shown into its code.
        source = f"{source}\n{source[: len(source) - len(source.lstrip())]}{block.markup}"
    if block.meta.get(LABEL_CUT):
        # The label heads the part this paragraph is in: its text goes on without it.
        source = _OPENING_LABEL_MARKUP.sub("", source, count=1)
    if title := block.meta.get(STEP_TITLE):
        # A GitBook step's title, a heading above this paragraph in the source: shown in bold.
        source = f"**{title}**\n\n{source}"
    elif label := tab_label(block):
        # A tab's label, on its opening line above this block (':::tab{title="Node.js"}'): shown in bold, as
        # an MkDocs tab's is in a step's Markdown. Its text says it ("Node.js: Use …"); its Markdown did not.
        source = f"**{label}**\n\n{source}"
    if block.type == "blockquote" and (kind := token_meta(block, "callout")) and "[!" not in source[:40]:
        # A quote a class made a call-out ("{: .warning }"): shown as one, as its text reads.
        source = alert_quote(kind, "\n".join(QUOTE_MARKER.sub("", line) for line in source.split("\n")))
    return clean_markdown(_shown_alone(source, block))


def _shown_alone(source: str, node: SyntaxTreeNode) -> str:
    """``source``, of ``node``, as it is shown alone: without the marks of the footnotes it refers to
    ("…the account[^bin]."), whose text is a note of its own (see _placed_footnotes), and with each link
    whose address a definition elsewhere on the page gives ("[admin guide][guide]") written with that
    address. Shown without the page, a mark or such a link is words in brackets; the same characters in
    code ("[^a-z]", "arr[i]") are left as they are."""
    if "]" not in source:
        return source
    # A footnote's mark holds "[^", and a link written by reference matches _REFERENCE_LINK: a text with
    # neither (most: their links give their address) is shown as it is, its nodes not walked.
    if "[^" in source:
        for label in {child.meta.get("label") for child in node.walk() if child.type == "footnote_ref"}:
            source = source.replace(f"[^{label}]", "")
    if not _REFERENCE_LINK.search(source):
        return source
    addresses = {
        _LINK_WORDS.sub("", inline_text(child)): child.attrs.get("href")
        for child in node.walk()
        if child.type == "link" and child.markup != "autolink"
    }

    def addressed(link: re.Match[str]) -> str:
        href = addresses.get(_LINK_WORDS.sub("", link["words"]))
        return f"[{link['words']}]({href})" if href else link[0]

    return _REFERENCE_LINK.sub(addressed, source) if addresses else source


def cut_at_word(text: str, limit: int) -> str:
    """``text`` up to ``limit`` characters, ending at a whole word (or cut, if its first word is longer)."""
    if len(text) <= limit:
        return text
    cut = text[:limit]
    if text[limit].isspace():
        return cut.rstrip()
    words = cut.rsplit(maxsplit=1)
    return words[0] if len(words) > 1 else cut
