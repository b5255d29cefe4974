"""Markdown as authors really write it: CommonMark plus the markup of their publishing tool.

Knowledge bases come out of Hugo, Jekyll, Sphinx/MyST, Docusaurus and Microsoft Learn,
and each adds syntax CommonMark does not know. Read as plain Markdown it leaks into
titles and steps (``{ref}`name <target>```, ``{:toc}``, ``{{< figure … >}}``) or, worse,
hides structure (a call-out read as a paragraph). :func:`markdown_parser` teaches
markdown-it-py that syntax, as tokens:

* MyST roles (``{ref}`text <target>```) become ``myst_role`` tokens whose text is shown;
* call-outs — ``> [!NOTE]``, ``:::{note}``, a MyST ```` ```{note} ```` fence, Hugo's
  ``{{< notice >}}``, MkDocs' ``!!! note`` — become one ``callout`` container, with the kind in ``meta``;
* tabs and other containers (``````{tab}``, ``::: zone``) are unwrapped: their content
  is the page's content;
* Hugo shortcodes, Kramdown attribute lists (``{:toc}``), Liquid tags, MyST targets
  and comments (``(label)=``, ``% …``) and one-line Microsoft Learn directives
  (``:::image …:::``) are markup and carry no text.

:func:`clean_markdown` applies the same vocabulary to a slice of source kept as a
step's Markdown, so what a reader sees never contains it either.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterable
from functools import lru_cache
from itertools import pairwise
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock, paragraph
from markdown_it.rules_core import StateCore
from markdown_it.rules_inline import StateInline
from markdown_it.token import Token
from mdit_py_plugins.admon import admon_plugin
from mdit_py_plugins.attrs import attrs_plugin
from mdit_py_plugins.deflist import deflist_plugin
from mdit_py_plugins.footnote import footnote_plugin
from mdit_py_plugins.front_matter import front_matter_plugin
from mdit_py_plugins.myst_blocks import myst_block_plugin
from mdit_py_plugins.myst_role import myst_role_plugin

from indexer.block_tokens import paragraph_tokens, push_parsed
from indexer.callouts import CALLOUT_KINDS, CALLOUT_NAMES, QUESTION_KINDS
from indexer.html_blocks import MAX_TABLE_COLUMNS, fenced_lines, html_as_markdown
from indexer.lettered import lettered_lists
from indexer.page_links import tags_or_links_only
from indexer.pandoc_tables import dashed_table, grid_table
from indexer.roles import (
    FRAMING_ROLES,
    PROBLEM_PART_ROLES,
    Kind,
    Role,
    heading_kind,
    heading_role,
    is_strong_resolution,
)

# Directives that only lay content out (tabs, folds, zones): their content is kept as is.
_TRANSPARENT_NAMES = frozenset(
    "tab tabs tab-set tab-item tabitem dropdown details card grid grid-item-card zone moniker only div".split()
)
# Directives that fold their content under a title: MyST's dropdown, VitePress' and VuePress'
# "::: details TITLE", dev.to's "{% details TITLE %}". The title heads what is folded, as a <details>
# block's <summary> does.
_FOLD_NAMES = frozenset(("dropdown", "details", "spoiler", "collapsible"))
# Divs whose tabs are the headings inside them (Quarto's "::: {.panel-tabset}").
_HEADED_TABSETS = frozenset(("panel-tabset",))
# Directives whose body is code, and what language to read it as.
_CODE_NAMES = {"code-block": "", "code": "", "sourcecode": "", "code-cell": ""}
CODE_DIRECTIVES = frozenset(_CODE_NAMES)
# Directives that render other files or navigation: no text of their own.
_DROPPED_NAMES = frozenset(
    "toctree contents include literalinclude image figure raw autosummary automodule autoclass".split()
)
MAX_NESTED_PARSE = 4

_MYST_FENCE = re.compile(r"^\{([\w:-]+)\}\s*(.*)$")
_CONTENT_TAB = re.compile(r'===[+!]?[ \t]+"([^"\n]{1,200})"')
_COLON_OPEN = re.compile(r"^(:{3,})\s*\{?([\w-]+)?\}?\s*(.*)$")
# Archbee's tab inside its ":::tabs": two colons, the tab, its attributes (::tab{title="Node.js"}), to a
# line "::". Left as text, the tab's markup was in its note and its label no label.
_TWO_COLON_TAB = re.compile(r"^(::)(tab|tab-item|tabitem)\{([^{}\n]*)\}$", re.IGNORECASE)
_SHORTCODE = re.compile(r"^\{\{([<%])\s*+(/?)\s*+([\w.-]++)([^{}]*?)[>%]\}\}$")
_IAL = re.compile(r"^\{:[^{}\n]*\}$")
_LIQUID = re.compile(r"^\{%[^{}\n]*%\}$")
# A reStructuredText code directive's line left in by a conversion to Markdown (".. code-block:: text"
# over the indented code it introduced): the code reads as code without it, and the line is markup.
_RST_CODE_DIRECTIVE = re.compile(r"^\.\.[ \t]+(?:" + "|".join(_CODE_NAMES) + r")::(?:[ \t]+[\w+#.-]+)?$")
# A snippet include (pymdownx.snippets, as MkDocs and Backstage TechDocs write it: '--8<-- "includes/escalation.md"')
# left in a page whose build did not resolve it: the other file's text is not in the page, and the line
# is markup. After a fix's steps it was a note of them, shown under the fix.
_SNIPPET_INCLUDE = re.compile(r"""^-+8<-+[ \t]+(?:"[^"\n]+"|'[^'\n]+')$""")
# Its block form: a mark alone on its line ("--8<--"), a file's path or URL a line, the mark again. After a
# fix's steps the block was a note of them too ("--8<-- includes/escalation.md … --8<--").
_SNIPPET_MARK = re.compile(r"^-+8<-+$")
_SNIPPET_PATH = re.compile(r"^[^\s\"']\S*$")
MAX_SNIPPET_FILES = 50
# An AsciiDoc listing or literal block left in by a conversion to Markdown: its attribute line
# ("[source,bash]", "[listing]", "[literal]", the language after "source,"), then a delimiter line
# ("----", "....") over the code, closed by the same delimiter. Read as CommonMark, the delimiters
# underlined the command or log line above them into a heading, and the problem split at each.
_ASCIIDOC_CODE_ATTRIBUTES = re.compile(r"\[(?:source(?:,[ \t]*([\w+#.-]*)[^\[\]\n]*)?|listing|literal)\]")
_ASCIIDOC_DELIMITER = re.compile(r"-{4,}|\.{4,}")
_BACKTICKS = re.compile(r"`+")
# A Liquid block tag (GitBook's {% hint style="warning" %} … {% endhint %}): its end, name and arguments.
# Markdoc writes the same tags, closing them with a slash ({% tab label="Linux" %} … {% /tab %}).
_LIQUID_TAG = re.compile(r"^\{%-?\s*+(end|/)?([\w-]++)([^{}%\n]*)-?%\}$")
# The Liquid blocks that hold Markdown (GitBook's hints, tabs and steppers, dev.to's folds: "{% details
# SUMMARY %}", "{% spoiler … %}", "{% collapsible … %}"); any other tag, {% raw %} among them, is a line of
# markup, as it was: a fold's was, and its summary was lost.
_LIQUID_CONTAINERS = frozenset("hint tabs tab stepper step details spoiler collapsible".split())
# Discourse's fold in its BBCode, each mark on a line of its own ('[details="Full agent log"]' …
# "[/details]"), as a post folds a long log: a fold as "{% details … %}" is. Read as text, both marks
# were lines of the question's symptoms.
_BBCODE_FOLD = re.compile(r"""^\[(/)?details(?:=(?:"([^"\n]{0,200})"|([^\]\n]{0,200})))?\]$""", re.IGNORECASE)
_ALERT = re.compile(r"^\s*\[!([A-Za-z]+)\]")
# An attribute block's content, as Pandoc, Kramdown, MkDocs (attr_list) and Djot write it: ids,
# classes and key=value pairs ("#saving .unnumbered", 'width="6.5in"'), and nothing else: "{y}" or
# a function body is no attribute block. An id may hold dots, as Google Docs' anchors do
# ("{#h.q8x2kd4mzt1a}"); a class may not, so JSONPath's "{.status.podIP}" stays text.
_ATTRIBUTE = r"""(?:#[\w:-]++(?:\.[\w:-]++)*+|\.[\w:-]++|[\w-]++=(?:"[^"\n]*+"|'[^'\n]*+'|[\w:.%-]++))"""
_ATTRIBUTES = rf"[ \t]*+{_ATTRIBUTE}(?:[ \t]++{_ATTRIBUTE})*+[ \t]*+"
# A wiki link's target and the words shown for it: no space inside its brackets, as a shell's
# "[[ -f x ]]" has.
MAX_WIKI_LINK = 300
# A wiki page's name as GitHub's wiki writes it in a link, its title's words joined by hyphens, no
# space: capitals somewhere and three words or a capitalised one after a hyphen ("macOS-Open-File-Limits",
# "Sync-Errors"), each with a letter, or a page file ("sync.md"); not a hyphenated word an alias may be
# ("on-call", "point-in-time"), an error code ("VPN-4012") or an identifier ("x86_64"), which an
# Obsidian alias shows.
_PAGE_FILE = re.compile(r"\S+\.md")
_SLUG_PART = re.compile(r"[^\W_]*[^\W\d_][^\W_]*")


def _is_page_slug(text: str) -> bool:
    """Whether ``text`` is a wiki page's name joined by hyphens, as GitHub's wiki links write it second."""
    if _PAGE_FILE.fullmatch(text):
        return True
    parts = text.split("-")
    return (
        len(parts) >= 2
        and all(_SLUG_PART.fullmatch(part) for part in parts)
        and any(c.isupper() for c in text)
        and (len(parts) >= 3 or any(part[0].isupper() for part in parts[1:]))
    )


# Not after a Latin letter or digit ("x[[1]]" indexes a list; Chinese text runs into the link it holds),
# nor before a link's target ("[[1]](…)" links to "[1]").
_WIKI_LINK = re.compile(
    rf"(?<![A-Za-z0-9_])\[\[(?!\s)([^\[\]|\n]{{1,{MAX_WIKI_LINK}}}?)(?<!\s)"
    rf"(?:\|(?!\s)([^\[\]\n]{{1,{MAX_WIKI_LINK}}}?)(?<!\s))?\]\](?![(\[])"
)
# A heading's attributes after its text (## Symptoms {#symptoms}), and Pandoc's {-} (unnumbered):
# matched from the heading's last "{" (see without_heading_attributes). Python-Markdown's attr_list (MkDocs)
# may open them with a colon ("## Invoice lag {: #invoices-late }"), which stayed in the title.
_HEADING_ATTRIBUTES = re.compile(r"\{(?:-|:?" + _ATTRIBUTES + r")\}[ \t]*+$")
# Docsify's anchor after a heading's text, with no braces (## Container restarts :id=crashloop), was
# read as words of the problem's title; a space before it, so "Key:id=5" stays the heading's text. The
# comment that hides the heading from Docsify's sidebar may follow it ("<!-- {docsify-ignore} -->").
# Matched from the heading's last ":id=" (see without_heading_attributes): searched for, a run of blanks
# before it was tried from each of its blanks, a heading of 500,000 spaces in minutes.
_DOCSIFY_HEADING_ID = re.compile(r":id=[\w-]++(?=[ \t]*+(?:<!--[^\n]*?-->[ \t]*+)?$)")
# The same tag without the comment, as Docsify documents it too ("## Node not ready {docsify-ignore}"),
# which is no attribute list of Pandoc's: it stayed in the problem's title. Matched from its "{".
_DOCSIFY_IGNORE = re.compile(r"\{docsify-ignore(?:-all)?+\}[ \t]*+$")
# In a step's Markdown source: the attributes after an image, a link or a code span, and a bracketed
# span's (whose brackets go with them).
_SOURCE_ATTRIBUTES = re.compile(
    r"(!?\[[^\[\]\n]*+\]\([^()\n]*+\)|`[^`\n]++`)\{"
    + _ATTRIBUTES
    + r"\}|\[([^\[\]\n]++)\]\{"
    + _ATTRIBUTES
    + r"\}"
)
# In a step's Markdown source: the same markup, for clean_markdown.
# The role's text is taken greedily and stripped by _role_source: a lazy text followed by
# \s* rescanned every run of spaces from each of its characters.
# Not after "$" or a backtick: `${pod_ip}` in a code span is a shell variable, no role.
_SOURCE_ROLE = re.compile(r"(?<![$`\\])\{([\w:-]+)\}`([^`<]{0,300})(?:<[^`>]{0,300}>)?`")
# Roles that name a place to go (a link's text): shown as words, not as code.
_LINK_ROLES = frozenset("ref doc term any numref pep pypi abbr external download".split())
# A MyST target's line ("(backup-schedule)="), its label.
_TARGET = r"^[ \t]*\(([^()\n]{1,200})\)=[ \t]*"
_SOURCE_TARGET = re.compile(_TARGET + r"$\n?", re.M)
# A MyST target right over a heading ("(backup-schedule)=" then "## Related: how backups are scheduled"),
# and a reference role that names one with no words of its own ({ref}`backup-schedule`).
_TARGET_HEADING = re.compile(_TARGET + r"\n(?:[ \t]*\n)*[ \t]{0,3}#{1,6}[ \t]+(.+)$", re.M)
_BARE_REF = re.compile(r"(?<![$`\\])\{ref\}`([^`<>\n]{1,200})`")
# (An escaped brace, "\{% raw %}", is text.)
_SOURCE_INLINE = re.compile(r"(?<!\\)(?:\{\{[<%][^{}\n]*[>%]\}\}|(?<![`\w$])\{:[^{}\n]*\}|\{%[^{}\n]*%\})")
# A MyST fence's opening line, with its directive's arguments and the option lines after it
# (":caption: blocking.sql", and the blank line that may end them).
_SOURCE_MYST_FENCE = re.compile(
    r"^([ \t]*(?:`{3,}|~{3,}))\{([\w:-]+)\}([^\n]*)$((?:\n[ \t]*:[\w-]+:(?:[ \t][^\n]*)?)+(?:\n[ \t]*(?=\n))?)?",
    re.MULTILINE,
)
# The HTML of one article read as Markdown (see _html_blocks): far more than any article
# writes, and a bound on the work a hostile one can ask for.
MAX_HTML_CHARS = 256 * 1024
# The ``env`` key of an HTML file's Markdown, when the text parsed is an HTML file (see _html_file).
HTML_FILE = "kb_html_file"
# The ``env`` key set when the text parsed is a plain-text file's (see _text_file_placeholders).
TEXT_FILE = "kb_text_file"
_DELIMITER_CHARACTERS = frozenset("|-: \t")
# The opening line of a call-out fence (```{warning} …), at any indentation.
_SOURCE_CALLOUT_OPENER = re.compile(
    r"([ \t]*)(`{3,}|~{3,})\{(" + "|".join(sorted(CALLOUT_NAMES)) + r")\}[^\n]*", re.IGNORECASE
)
# What a version directive says before its text, as Sphinx shows it: "New in version 19.0."
_VERSION_WORDS = {
    "versionadded": "New in version",
    "versionchanged": "Changed in version",
    "deprecated": "Deprecated since version",
}
# An admonition's first line (Python-Markdown, MkDocs): its indentation, kind and title.
_SOURCE_ADMONITION = re.compile(r'([ \t]*)(?:!!!|\?\?\?\+?)[ \t]+([\w-]+)(?:[ \t]+"([^"\n]*)")?[ \t]*')
_SOURCE_ALONE = re.compile(
    r"^[ \t]*(?::{3,}[^\n]*|\{\{[<%][^\n]*[>%]\}\}|\{:[^\n]*\}|\{%[^\n]*%\})[ \t]*$\n?", re.M
)

# A line that opens a tab in colons, labelled (':::tab{title="Node.js"}', '::tab{title="Node.js"}'), and a
# line of two colons alone, which closes Archbee's (see _TWO_COLON_TAB).
# The name whole ("tab" is no name of a MyST ":::{tab-item} Windows label printer") and the label an
# attribute in braces: a "label" among a tab-item's words made it "**-item} Windows label printer**".
# The label is looked for from the last "{" before it only, up to the next brace: tried from every "{" to
# the line's end, a line of 100,000 of them took minutes.
_SOURCE_TAB_OPENING = re.compile(
    r"^([ \t]*):{2,}[ \t]*\{?(tab-item|tabitem|tab)(?![\w-])\}?([^\n]*?\{[^{}\n]*\b(?:title|label)[ \t]*=[^\n]*)$",
    re.M | re.I,
)
_SOURCE_TWO_COLON_CLOSE = re.compile(r"^[ \t]*::[ \t]*$\n?", re.M)
# A highlight as Obsidian, Typora, Zettlr and Pandoc's "mark" extension write it: "==The archive has a
# gap==", no blank right inside its marks, no "=" right outside them (a "====" rule, "a == b" in prose).
# Left as written, the marks stayed in a cause's text and a step's Markdown. Opened where a word may start
# (a line's start, a blank, a bracket or emphasis): after a word, a closing bracket or a quote it is a
# comparison ('tostring(Status.errorCode)=="50126" or …', '"a"=="b"'), whose marks were lost in the text
# and made bold across the two in the Markdown.
_HIGHLIGHT = re.compile(r"(?<![^\s(\[*_])==(?![=\s])([^=`\n]{1,300}?)(?<![=\s])==(?![=\w])")
# A code span, kept as written, or a highlight. The span opens at a run of backticks' start and takes it
# whole: tried at each backtick of a long run, it cost the square of the run (1.6 s for 100 000).
_SPAN_OR_HIGHLIGHT = re.compile(rf"(?<!`)(`++)[^`\n]*?\1(?!`)|{_HIGHLIGHT.pattern}")
# A MyST role's opening: its name in braces, then the run of backticks its text is quoted by.
_ROLE_OPENING = re.compile(r"\{([a-zA-Z0-9_\-+:]+)\}(`+)")


@lru_cache(maxsize=1)
def markdown_parser() -> MarkdownIt:
    """The one markdown-it configuration used for every article.

    Built once per process: building it costs about a tenth of parsing an article, and
    parsing keeps its state in each call's ``env``, never in the parser.
    """
    md = (
        MarkdownIt("commonmark")
        .enable("table")
        .use(front_matter_plugin)
        .use(footnote_plugin)
        .use(admon_plugin)
        .use(myst_role_plugin)
        .use(myst_block_plugin)
        .use(deflist_plugin)
        # Pandoc's and Djot's attributes after an image, a code span or a link
        # (![](shot.png){width="6.5in"}), and bracketed spans ([J-01 jam]{.smallcaps}).
        .use(attrs_plugin, spans=True)
    )
    md.block.ruler.before("front_matter", "kb_html_file", _html_file)
    md.block.ruler.before(
        "fence", "kb_directive", _directive_block, {"alt": ["paragraph", "reference", "blockquote", "list"]}
    )
    md.block.ruler.before(
        "fence",
        "kb_asciidoc_code",
        _asciidoc_code_block,
        {"alt": ["paragraph", "reference", "blockquote", "list"]},
    )
    md.block.ruler.before("table", "kb_wide_table", _wide_table_as_text)
    md.block.ruler.before("table", "kb_grid_table", grid_table)
    md.block.ruler.before("table", "kb_dashed_table", dashed_table)
    md.block.ruler.before(
        "fence", "kb_content_tab", _content_tab, {"alt": ["paragraph", "reference", "blockquote", "list"]}
    )
    md.block.ruler.before("html_block", "kb_component", _component_block, {"alt": ["paragraph"]})
    md.block.ruler.before("html_block", "kb_topic_container", _topic_container)
    md.block.ruler.before("paragraph", "kb_readme_block", _readme_block)
    md.block.ruler.before("paragraph", "kb_docsify_callout", _docsify_callout)
    md.block.ruler.before("paragraph", "kb_bare_todos", _bare_todos)
    md.block.ruler.before("paragraph", "kb_abbreviations", _abbreviations, {"alt": ["paragraph"]})
    md.inline.ruler.at("myst_role", _myst_role)
    md.inline.ruler.before("text", "kb_markup", _inline_markup)
    md.inline.ruler.before("link", "kb_wiki_link", _wiki_link)
    md.inline.ruler.before("emphasis", "kb_highlight", _highlight)
    md.core.ruler.after("block", "kb_nesting", _require_whole)
    md.core.ruler.after("kb_nesting", "kb_admonitions", _admonitions)
    md.core.ruler.after("kb_admonitions", "kb_myst_fences", _myst_fences)
    md.core.ruler.before("inline", "kb_html_blocks", _html_blocks)
    md.core.ruler.before("inline", "kb_learn_tabs", _learn_tabs)
    md.core.ruler.before("inline", "kb_wikijs_tabsets", _wikijs_tabsets)
    md.core.ruler.before("inline", "kb_wikijs_callouts", _wikijs_callouts)
    md.core.ruler.before("inline", "kb_heading_attributes", _heading_attributes)
    md.core.ruler.before("inline", "kb_definitions", _definitions_as_items)
    md.core.ruler.before("inline", "kb_toggled_problems", _toggled_problems)
    md.core.ruler.before("inline", "kb_part_callouts", _part_callouts_unwrapped)
    md.core.ruler.before("inline", "kb_lettered_lists", lettered_lists)
    md.core.ruler.before("inline", "kb_admonition_tables", _admonition_tables)
    md.core.ruler.push("kb_alerts", _alert_callouts)
    md.core.ruler.push("kb_class_callouts", _class_callouts)
    md.core.ruler.push("kb_pdf_hyphenation", _pdf_hyphenation)
    md.core.ruler.push("kb_org_heading_marks", _org_heading_marks)
    md.core.ruler.push("kb_text_file_placeholders", _text_file_placeholders)
    return md


class NestedTooDeep(Exception):
    """Lists and quotes nested past markdown-it's ``maxNesting``: it reads nothing deeper, nor
    anything after it in the enclosing blocks (the rest of the article, at the top), and says
    nothing of it."""

    def __init__(self, line: int, levels: int) -> None:
        super().__init__(
            f"lists and quotes nested more than {levels} levels deep (a list and its item count as two)"
        )
        #: The line (1-based, of the text parsed) of the deepest block read.
        self.line = line
        self.levels = levels


class UnclosedFence(Exception):
    """A code fence never closed that takes the rest of the article into its code. CommonMark
    reads all that follows it as code, to the end of the file: an author's typo that would take
    the sections after it, with their problems and steps, into one code block, and say nothing."""

    def __init__(self, line: int, marker: str) -> None:
        super().__init__(
            f"the code fence {marker} opened on this line is never closed: the headings and code after"
            f" it, to the end of the file, would be read as its code (close it with a line of {marker})"
        )
        #: The line (1-based) the fence opens on.
        self.line = line


def _require_whole(state: StateCore) -> None:
    """Raise :class:`NestedTooDeep` where the block parser stopped at its nesting limit: it opened a
    block at the last level it reads, whose content it then dropped. (HTML lists are converted
    at most MAX_LIST_DEPTH deep, within the limit.)"""
    limit = state.md.options.maxNesting
    for token in state.tokens:
        if token.nesting == 1 and token.level >= limit - 1 and token.block:
            raise NestedTooDeep((token.map[0] if token.map else 0) + 1, limit)


def _wide_table_as_text(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    """A table of more than MAX_TABLE_COLUMNS columns, read as a paragraph of its text.

    markdown-it fills every row out to the header's width, up to 65,536 cells a table, and each
    cell costs a token and a tree node: a 6 KB table of 256 columns took 3.6 s to read, 150 KB of
    them over 5 minutes. No knowledge base writes such a table; its words stay searchable.
    """
    if silent or start + 1 >= end:
        return False
    delimiter = _line(state, start + 1)
    if delimiter.count("|") <= MAX_TABLE_COLUMNS or not set(delimiter) <= _DELIMITER_CHARACTERS:
        return False
    return bool(paragraph(state, start, end, silent))


# An abbreviation's definition, as Python-Markdown's and PHP Markdown Extra's abbr extensions read
# it (MkDocs Material shows it as a tooltip wherever the word stands): "*[CA]: Certificate Authority".
_ABBREVIATION = re.compile(r"\*\[[^\[\]\n]++\][ \t]?:[^\n]*+")
# Marks the paragraph of a run of them (meta): the page's, in no section (see indexer.sections).
ABBREVIATIONS = "kb_abbreviations"


def _abbreviations(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    """Lines of abbreviations' definitions, one after another: a paragraph of their own, marked
    ``meta[ABBREVIATIONS]``, even right under a paragraph or a step's text. Read as text, they went
    on the step above them, or were a step of their own."""
    if state.sCount[start] - state.blkIndent >= 4 or not _may_open(state, start, "*"):
        return False
    if not _ABBREVIATION.fullmatch(_line(state, start)):
        return False
    if silent:
        return True
    line = start + 1
    while (
        line < end
        and state.sCount[line] - state.blkIndent < 4
        and _ABBREVIATION.fullmatch(_line(state, line))
    ):
        line += 1
    text = "\n".join(_line(state, number) for number in range(start, line))
    state.tokens.extend(paragraph_tokens(text, [start, line], state.level, meta={ABBREVIATIONS: True}))
    state.line = line
    return True


def _myst_role(state: StateInline, silent: bool) -> bool:
    """A MyST role (``{name}`text```) read where it starts, as the plugin's rule reads it.

    The plugin's rule copies the rest of the paragraph at every position it is tried, twice: a
    paragraph of 1 MB of ``@`` took 25 s, and tried at braces only, 1 MB of ``{{< `` still took
    27 s. Matching in place keeps each try as cheap as the role it reads.
    """
    src = state.src
    opening = _ROLE_OPENING.match(src, state.pos) if src[state.pos] == "{" else None
    if opening is None:
        return False
    start = opening.end()
    # The plugin looks for the closing run from the second character of the content on, so a
    # role's text is never empty.
    close = src.find(opening.group(2), start + 1)
    if close < 0:
        return False
    if not silent:
        token = state.push("myst_role", "", 0)
        token.meta = {"name": opening.group(1)}
        token.content = src[start:close].replace("\n", " ")
    state.pos = close + len(opening.group(2))
    return True


def _line(state: StateBlock, line: int) -> str:
    return state.src[state.bMarks[line] + state.tShift[line] : state.eMarks[line]].rstrip()


def _may_open(state: StateBlock, line: int, marks: str) -> bool:
    """Whether ``line``'s text can start with one of ``marks``: its first character past the
    indent is one, or is whitespace that a rule's ``strip()`` skips (markdown-it's indent is
    spaces and tabs only). Each rule is tried on every line, most of them prose: a look at one
    character spares cutting the line out of the source for each."""
    start = state.bMarks[line] + state.tShift[line]
    if start >= state.eMarks[line]:
        return False
    first = state.src[start]
    return first in marks or first.isspace()


def _pairs(state: StateBlock) -> dict[int, int]:
    """Opening line → closing line of every paired directive of this source, found once.

    One pass with a stack keeps a document of unclosed openers linear: an opener
    without a closer is a one-line directive.
    """
    cache: dict[str, dict[int, int]] = state.env.setdefault("_kb_directive_pairs", {})
    if state.src in cache:
        return cache[state.src]
    pairs: dict[int, int] = {}
    colons: list[tuple[int, int]] = []
    shortcodes: list[tuple[int, str]] = []
    liquid: list[tuple[int, str]] = []
    folds: list[int] = []
    for number, raw in enumerate(state.src.split("\n")):
        text = raw.strip()
        if text.startswith("[") and (fold := _BBCODE_FOLD.match(text)):
            if not fold.group(1):
                folds.append(number)
            elif folds:
                pairs[folds.pop()] = number
            continue
        if text.startswith("{%"):
            tag = _LIQUID_TAG.match(text)
            if tag and tag.group(1):
                while liquid and liquid[-1][1] != tag.group(2):
                    liquid.pop()
                if liquid:
                    pairs[liquid.pop()[0]] = number
            elif tag and tag.group(2).lower() in _LIQUID_CONTAINERS:
                liquid.append((number, tag.group(2)))
            continue
        if text.startswith(":::"):
            run = len(text) - len(text.lstrip(":"))
            if text == ":" * run:
                while colons and colons[-1][1] > run:
                    colons.pop()
                if colons:
                    pairs[colons.pop()[0]] = number
            elif not text.endswith(":::"):
                colons.append((number, run))
        elif text == "::":
            if colons and colons[-1][1] == 2:
                pairs[colons.pop()[0]] = number
        elif text.startswith("::") and _TWO_COLON_TAB.match(text):
            colons.append((number, 2))
        elif text.startswith("{{"):
            found = _SHORTCODE.match(text)
            if found and found.group(2):
                name = found.group(3)
                while shortcodes and shortcodes[-1][1] != name:
                    shortcodes.pop()
                if shortcodes:
                    pairs[shortcodes.pop()[0]] = number
            elif found:
                shortcodes.append((number, found.group(3)))
    cache[state.src] = pairs
    return pairs


def _asciidoc_code_block(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    """An AsciiDoc delimited code block (see _ASCIIDOC_CODE_ATTRIBUTES) as a fence of its code.

    Only under its attribute line: a line of dashes alone is a rule or a heading's underline, as
    CommonMark reads it, and an unclosed delimiter is left to it too.
    """
    if state.sCount[start] - state.blkIndent >= 4 or start + 2 >= end or not _may_open(state, start, "["):
        return False
    attributes = _ASCIIDOC_CODE_ATTRIBUTES.fullmatch(_line(state, start))
    delimiter = _line(state, start + 1)
    if attributes is None or not _ASCIIDOC_DELIMITER.fullmatch(delimiter):
        return False
    close = _closing_line(state, delimiter, start + 2, end)
    if close is None:
        return False
    if silent:
        return True
    token = state.push("fence", "code", 0)
    # Its delimiter closes it (see indexer.sections.unclosed_fence), as "```" closes a fence.
    token.info, token.markup = attributes.group(1) or "", delimiter
    token.content = state.getLines(start + 2, close, state.sCount[start], True)
    token.map = [start, close + 1]
    state.line = close + 1
    return True


def _closing_line(state: StateBlock, delimiter: str, start: int, end: int) -> int | None:
    """The first line from ``start`` (before ``end``) that is ``delimiter`` alone, or None.

    Looked up among the source's lines of that text, indexed once: a scan to the end for each
    opening line of a source of unclosed ones took the square of their number.
    """
    cache: dict[str, dict[str, list[int]]] = state.env.setdefault("_kb_delimiter_lines", {})
    if state.src not in cache:
        index: dict[str, list[int]] = defaultdict(list)
        for number, raw in enumerate(state.src.split("\n")):
            if _ASCIIDOC_DELIMITER.fullmatch(text := raw.strip()):
                index[text].append(number)
        cache[state.src] = index
    candidates = cache[state.src].get(delimiter, [])
    after = bisect_right(candidates, start - 1)
    while after < len(candidates) and candidates[after] < end:
        if _line(state, candidates[after]) == delimiter:
            return candidates[after]
        after += 1
    return None


def _html_file(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    """A whole HTML file as one HTML block, read as the Markdown it stands for (``env[HTML_FILE]``:
    that Markdown, converted once, and the line of the file each of its lines comes from).

    Read as Markdown, an exported page's HTML ended at each blank line, and what followed an
    indented blank line was a code block: pretty-printed HTML, as help centres export it,
    became code. The Markdown is taken when it is read, so the block's own Markdown, parsed
    in turn by :func:`_html_blocks`, is read as Markdown.
    """
    if silent or start != 0 or HTML_FILE not in state.env:
        return False
    token = state.push("html_block", "", 0)
    token.map = [start, end]
    token.content = state.getLines(start, end, 0, True)
    token.meta = {HTML_FILE: state.env.pop(HTML_FILE)}
    state.line = end
    return True


def _snippet_block_end(state: StateBlock, start: int, end: int) -> int | None:
    """The line that closes a snippet include's block opened on ``start`` (:data:`_SNIPPET_MARK`), where
    each line between names a file, or None."""
    for line in range(start + 1, min(end, start + 2 + MAX_SNIPPET_FILES)):
        text = _line(state, line)
        if _SNIPPET_MARK.match(text):
            return line if line > start + 1 else None
        if not _SNIPPET_PATH.match(text):
            return None
    return None


def _directive_block(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    """Container directives (``:::{note}``, ``{{< notice >}}``), a Jekyll include of a note
    (``{% include note.html content="…" %}``) and markup-only lines (a snippet include, ``--8<-- "…"``)."""
    if state.sCount[start] - state.blkIndent >= 4 or not _may_open(state, start, ":{.[-"):
        return False
    text = _line(state, start)
    if not text or text[0] not in ":{.[-":
        return False
    name = args = ""
    boxed = False
    if text.startswith(":::") and (styled := _STYLED_DIV.match(text)) and _CODE_STYLE.search(styled.group(1)):
        return _styled_code(state, start, end, silent)
    if text.startswith("["):
        fold = _BBCODE_FOLD.match(text)
        if fold is None or fold.group(1):
            return False
        name, args = "details", fold.group(2) or fold.group(3) or ""
    elif text.startswith(":::"):
        boxed = bool(document360 := _DOCUMENT360_BOX.match(text))
        opened = document360 or _PANDOC_DIV.match(text) or _COLON_OPEN.match(text)
        if opened is None:
            return False
        name, args = (opened.group(2) or "").lower(), opened.group(3) or ""
    elif tab := _TWO_COLON_TAB.match(text):
        name, args = tab.group(2).lower(), tab.group(3)
    elif text.startswith("{{"):
        shortcode = _SHORTCODE.match(text)
        if shortcode is None:
            return False
        name, args = shortcode.group(3).lower(), shortcode.group(4).strip()
    elif text.startswith("{%") and (included := _included_callout(text)):
        if not silent:
            _push_one_line_callout(state, start, *included)
        return True
    elif (
        text.startswith("{%")
        and (tag := _LIQUID_TAG.match(text))
        and not tag.group(1)
        and tag.group(2).lower() in _LIQUID_CONTAINERS
    ):
        name, args = tag.group(2).lower(), tag.group(3).strip()
    elif _SNIPPET_MARK.match(text):
        closed = _snippet_block_end(state, start, end)
        if closed is None:
            return False
        if not silent:
            state.line = closed + 1
        return True
    elif not (
        _IAL.match(text)
        or _LIQUID.match(text)
        or _RST_CODE_DIRECTIVE.match(text)
        or _SNIPPET_INCLUDE.match(text)
    ):
        return False
    if silent:
        return True
    close = _pairs(state).get(start)
    if close is None or close >= end or name in _DROPPED_NAMES:
        if _IAL.match(text):
            token = state.push("kramdown_ial", "", 0)
            token.content, token.map, token.hidden = text, [start, start + 1], True
        state.line = (close + 1) if close is not None and close < end else start + 1
        return True
    # Document360's kinds besides those ("Success") are call-outs too: its box is one whatever it says.
    callout = _callout_kind(name, args) or ("note" if boxed else "")
    if callout and name == "admonition":
        callout = _class_kind(_line(state, line) for line in range(start + 1, close)) or callout
    if callout:
        token = state.push("callout_open", "aside", 1)
        token.meta, token.map = {"kind": callout}, [start, close + 1]
        if title := _callout_title(name, args) or _attribute_title(name, text):
            state.tokens.extend(_title_tokens(title, state.level))
    body = start + 1
    while body < close and _OPTION_LINE.match(_line(state, body)):
        body += 1
    if callout and (titled := _title_div(state, body, close)):
        # Pandoc's call-out div opens with a "title" div ("Note", or the author's title).
        title, body = titled
        if title.lower() not in (name, callout):
            state.tokens.extend(_title_tokens(title[:MAX_TAB_LABEL], state.level))
    first = len(state.tokens)
    old_max, state.lineMax = state.lineMax, close
    state.md.block.tokenize(state, body, close)
    state.lineMax = old_max
    if label := _tab_label(name, args):
        state.tokens[first:] = _tab(state.tokens[first:], label, start, state.level)
    elif name in _FOLD_NAMES and args.strip():
        state.tokens[first:first] = _fold_title_tokens(args, start, state.level)
        state.tokens.append(_fold_end_token(close, state.level))
    elif name == "step" and len(state.tokens) > first + 2 and state.tokens[first].type == "heading_open":
        # A GitBook stepper's step opens with its title as a heading: its content labelled by it, as
        # an MDX <Step title=…>'s is. Read as a section, each step was a problem or a group of its own.
        label = _step_title(state.tokens[first + 1])
        detailed = len(state.tokens) > first + 3
        state.tokens[first:] = _titled_step(state.tokens[first:], state.level)
        opening = state.tokens[first]
        if detailed and not (opening.meta or {}).get("label"):
            # The title joined the first paragraph: a step's Markdown shows it in bold above it.
            opening.meta = {**(opening.meta or {}), STEP_TITLE: label}
    elif name == "steps":
        state.tokens[first:] = _headed_steps(state, state.tokens[first:], close)
    elif name == "code-group":
        state.tokens[first:] = _code_group(state.tokens[first:], state.level)
    elif name in _HEADED_TABSETS:
        state.tokens[first:] = _heading_tabs(state.tokens[first:], state.level)
    elif callout and len(state.tokens) > first + 2 and state.tokens[first].type == "heading_open":
        # Quarto titles a call-out with a heading inside its div ("::: {.callout-note}" over "## Proxy
        # sites"): read as a section, the call-out was cut out of the problem it belongs to.
        title = _heading_label(state.tokens[first + 1])
        state.tokens[first : first + 3] = _title_tokens(title, state.level) if title else []
    if callout:
        state.push("callout_close", "aside", -1)
    state.line = close + 1
    return True


def _heading_label(inline: Token) -> str:
    """The words of a heading's ``inline`` token, as a tab's or a call-out's label."""
    return without_heading_attributes(inline.content).strip()[:MAX_TAB_LABEL]


def _heading_tabs(tokens: list[Token], level: int) -> list[Token]:
    """The content of a tabset div at ``level`` whose tabs are headings (Quarto's ``::: {.panel-tabset}``
    over ``## Linux`` and ``## Windows``): each heading of its highest level opens a tab labelled by its
    text, to the next such heading; what comes before the first stays as it is. Read as sections, the
    tabs' headings ended the problem whose fix they held, and that problem was lost."""
    headings = [
        index for index, token in enumerate(tokens) if token.type == "heading_open" and token.level == level
    ]
    top = min((tokens[index].tag for index in headings), default="")
    headings = [index for index in headings if tokens[index].tag == top]
    if not headings:
        return tokens
    out = tokens[: headings[0]]
    for head, following in zip(headings, [*headings[1:], len(tokens)], strict=True):
        label = _heading_label(tokens[head + 1])
        out += _tab(tokens[head + 3 : following], label, (tokens[head].map or [0])[0], level)
    return out


def _step_title(named: Token) -> str:
    """The title a step's heading (its inline token ``named``) gives it, as a label."""
    return named.content.strip()[:MAX_TAB_LABEL]


def _titled_step(tokens: list[Token], level: int) -> list[Token]:
    """A step's ``tokens`` at ``level``, which open with its title as a heading: its content labelled
    by the title ("Upload it: Go to …"), or, where nothing follows it ("### Sign in again"), the
    title alone as a paragraph that says it."""
    heading, named, closing = tokens[:3]
    if len(tokens) == 3:
        heading.type, heading.tag, closing.type, closing.tag = ("paragraph_open", "p", "paragraph_close", "p")
        return tokens
    return _labelled(tokens[3:], _step_title(named), (heading.map or [0])[0], level)


def _headed_steps(state: StateBlock, tokens: list[Token], close: int) -> list[Token]:
    """The content of a steps container (a Hugo theme's ``{{% steps %}}``, as Hextra writes one) up to
    its ``close`` line: each heading of its highest level opens a step, the text under it the step's
    detail, so the headings are an ordered list of steps; content with no heading stays as it is.

    The theme numbers those headings as steps: read as sections, each was a problem of its own, and
    the problem they fix kept its own text as steps."""
    level = state.level
    headings = [
        (index, token.map)
        for index, token in enumerate(tokens)
        if token.type == "heading_open" and token.level == level and token.map
    ]
    top = min((tokens[index].tag for index, _ in headings), default="")
    headings = [(index, lines) for index, lines in headings if tokens[index].tag == top]
    if not headings:
        return tokens
    # The Markdown the list stands for, as a step shows it: each heading's line an item's bold title.
    markdown = state.src.split("\n")
    # Each step ends where the next one's heading begins, in the tokens and in the lines.
    ends = [(index, lines[0]) for index, lines in headings[1:]] + [(len(tokens), close)]
    items: list[Token] = []
    for number, ((head, lines), (following, end)) in enumerate(zip(headings, ends, strict=True), start=1):
        markdown[lines[0]] = f"{number}. **{_step_title(tokens[head + 1])}**"
        # A setext heading's underline: no line of the item's Markdown.
        markdown[lines[0] + 1 : lines[1]] = [""] * (lines[1] - lines[0] - 1)
        step = tokens[head:following]
        for token in step:
            token.level += 2
        opening = Token(
            "list_item_open", "li", 1, map=[lines[0], end], level=level + 1, markup=".", block=True
        )
        opening.info, opening.meta = str(number), {"kb_converted": (markdown, (lines[0], end))}
        closing = Token("list_item_close", "li", -1, level=level + 1, markup=".", block=True)
        items += [opening, *_titled_step(step, level + 2), closing]
    listed = Token(
        "ordered_list_open", "ol", 1, map=[headings[0][1][0], close], level=level, markup=".", block=True
    )
    return [
        *tokens[: headings[0][0]],
        listed,
        *items,
        Token("ordered_list_close", "ol", -1, level=level, markup=".", block=True),
    ]


# Document360's call-out: its kind, then its title, each in parentheses (":::(Warning) (Back up first)").
_DOCUMENT360_BOX = re.compile(r"^(:{3,})\(([A-Za-z]++)\)[ \t]*+(?:\((.*)\))?[ \t]*+$")
# A Pandoc fenced div named by its class ("::: {.warning}", "::: {#id .note}"): the class is its name.
_PANDOC_DIV = re.compile(r"^(:{3,})\s*+\{[^{}.]*+\.([\w-]++)[^{}]*+\}\s*(.*)$")


# A Word paragraph style as Pandoc keeps it (``-t markdown+styles``): a div naming it, around a run of
# paragraphs in that style ("::: {custom-style="Source Code"}").
_STYLED_DIV = re.compile(r'^:{3,}\s*+\{[^{}]*?\bcustom-style="([^"{}]*+)"[^{}]*+\}\s*$')
# The styles that set code, a console's or a log's text in a fixed font (Word's own "HTML Preformatted",
# "Plain Text" and "Macro Text", a template's "Code", "Source Code", "Console", "Terminal", "Listing"): what
# the author pasted there is literal, as a fence's text is, not prose whose "\" ends break its lines.
_CODE_STYLE = re.compile(
    r"\b(?:code|console|terminal|shell|command|preformatted|verbatim|listing|log|plain text|macro text)\b",
    re.I,
)


def _styled_code(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    """A div of a code-like Word style (see _CODE_STYLE) as a fence of its text: each paragraph a line,
    and each of its line breaks (a "\\" at a line's end); a line Pandoc wrapped goes on. Pandoc escapes
    the characters Markdown would read as markup, in that style too: the text is read as inline Markdown,
    as the reader of the document saw it. Unclosed, the div is left to the other rules."""
    close = _pairs(state).get(start)
    if close is None or close >= end:
        return False
    if silent:
        return True
    paragraphs: list[list[str]] = [[]]
    for line in range(start + 1, close):
        if state.isEmpty(line):
            paragraphs.append([])
        else:
            paragraphs[-1].append(_line(state, line))
    lines = [_literal_text(state, "\n".join(paragraph)) for paragraph in paragraphs if paragraph]
    token = state.push("fence", "code", 0)
    token.info, token.markup = "", "```"
    token.content = "".join(f"{line}\n" for line in lines)
    token.map = [start, close + 1]
    # The Markdown it stands for, as a step or a note shows it: a fence of that text.
    fenced = ["```", *token.content.splitlines(), "```"]
    token.meta = {"kb_converted": (fenced, (0, len(fenced)))}
    state.line = close + 1
    return True


def _literal_text(state: StateBlock, paragraph: str) -> str:
    """The text a paragraph of Pandoc's Markdown shows, its escapes undone and its line breaks kept."""
    parts: list[str] = []
    for block in state.md.parseInline(paragraph, {}):
        for child in block.children or []:
            if child.type in ("text", "code_inline", "html_inline"):
                parts.append(child.content)
            elif child.type == "hardbreak":
                parts.append("\n")
            elif child.type == "softbreak":
                parts.append(" ")
    return "".join(parts)


def _title_div(state: StateBlock, line: int, close: int) -> tuple[str, int] | None:
    """The text of a Pandoc "title" div at ``line`` (``::: title``, then its lines, then ``:::``)
    and the line after it; None when none opens there."""
    while line < close and state.isEmpty(line):
        line += 1
    opened = line < close and (_PANDOC_DIV.match(_line(state, line)) or _COLON_OPEN.match(_line(state, line)))
    end = _pairs(state).get(line) if opened and (opened.group(2) or "").lower() == "title" else None
    if end is None or end >= close:
        return None
    text = " ".join(_line(state, n).strip() for n in range(line + 1, end) if not state.isEmpty(n))
    return text, end + 1


_TAB_NAMES = frozenset("tab tab-item tabitem".split())
# A tab's label is a word or two ("Linux", "Windows 11"); what a longer one says is cut here.
MAX_TAB_LABEL = 80
# The attributes that give a tab, a step or a fold its label (HashiCorp names its <Tab> by a heading).
_LABEL_ATTRIBUTES = r"\b(?:name|title|header|heading|label)\s*=\s*"
# An attribute's value ends at the quote it opened with: an apostrophe in title="Check the app's
# environment" is part of it (cut there, the step was titled "Check the app").
_QUOTED_VALUE = r"""(?P<quote>["'])(?P<value>(?:(?!(?P=quote))[^\n])+)(?P=quote)"""
_NAMED = re.compile(_LABEL_ATTRIBUTES + _QUOTED_VALUE)


# A VitePress code group's tab label, in brackets after a fence's language ("```sh [npm]").
_CODE_GROUP_LABEL = re.compile(r"[ \t]*\[([^\[\]\n]+)\][ \t]*$")


def _code_group(tokens: list[Token], level: int) -> list[Token]:
    """A VitePress ``::: code-group``'s ``tokens`` at ``level``: each fence a tab labelled as its info
    names it ("```sh [npm]"), "npm: npm install …". Left as fences, the group's alternatives (npm,
    pnpm, yarn) read as commands to run one after another, their labels shown nowhere."""
    out: list[Token] = []
    for token in tokens:
        found = (
            _CODE_GROUP_LABEL.search(token.info) if token.type == "fence" and token.level == level else None
        )
        if found is None or token.map is None:
            out.append(token)
            continue
        token.info = token.info[: found.start()]
        out.extend(_tab([token], found.group(1).strip()[:MAX_TAB_LABEL], token.map[0], level))
    return out


def _tab_label(name: str, args: str) -> str:
    """What a tab is labelled ("Linux", "Windows"): a reader of the flattened text needs it."""
    if name not in _TAB_NAMES:
        return ""
    named = _NAMED.search(args)
    label = named.group("value") if named else args
    return label.strip().strip("\"'").strip()[:MAX_TAB_LABEL]


def _content_tab(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    """An MkDocs content tab (``=== "Windows"`` and the lines indented below it): its content,
    labelled as other tabs are ("Windows: Open Settings")."""
    if state.sCount[start] - state.blkIndent >= 4 or not _may_open(state, start, "="):
        return False
    found = _CONTENT_TAB.fullmatch(_line(state, start).strip())
    if found is None:
        return False
    if silent:
        return True
    old_indent, old_max, old_parent = state.blkIndent, state.lineMax, state.parentType
    state.blkIndent = state.sCount[start] + 4
    # The tab ends at the first line written left of its content (two blank lines end it too).
    close, blank = start + 1, False
    while close < end:
        empty = state.isEmpty(close)
        if (empty and blank) or (not empty and state.sCount[close] < state.blkIndent):
            break
        blank = empty
        close += 1
    state.lineMax, state.parentType = close, "kb_content_tab"
    first = len(state.tokens)
    state.md.block.tokenize(state, start + 1, close)
    state.tokens[first:] = _tab(
        state.tokens[first:], found.group(1).strip()[:MAX_TAB_LABEL], start, state.level
    )
    state.blkIndent, state.lineMax, state.parentType = old_indent, old_max, old_parent
    state.line = close
    return True


# MDX components (Mintlify, Nextra, Starlight, Fumadocs, Docusaurus) that are call-outs: by their
# name (<Warning>), or by their type (<Callout type="warning">, <Aside type="caution">).
_CALLOUT_COMPONENTS = {"note", "tip", "info", "warning", "danger", "caution", "important", "check"}
# Mintlify's <Card title="Still not working?" href="/support">: a tile that links on, set beside the
# text as a call-out is, never a step of the fix it follows (read as HTML, its text was the last step).
_TILE_COMPONENTS = {"card"}
_TYPED_CALLOUT_COMPONENTS = {"callout", "aside", "admonition"}
# MDX components that label their content, as a tab does: a step's or a fold's title.
_LABELLED_COMPONENTS = {"step", "accordion", "expandable"}
# Those of them that fold their content away under their title.
_FOLD_COMPONENTS = {"accordion"}
# MDX components that only group those, or code blocks (Mintlify's <CodeGroup>): their own lines
# carry nothing. Read as HTML, a <CodeGroup> with a fence right under it took the fence as its text,
# its backticks and all.
_GROUP_COMPONENTS = {"steps", "accordiongroup", "cardgroup", "codegroup"}
# A component's name may be a member of another's, as Nextra names its tab (<Tabs.Tab>): read by its
# first name, the tab's tag was its set's line alone, its indented steps code and "</Tabs.Tab>" text.
_COMPONENT_OPEN = re.compile(r"<(/?[A-Z][\w]*(?:\.[A-Z]\w*)?)\b([^<>]*)>")
_COMPONENT_TYPE = re.compile(r"""\b(?:type|variant|kind)\s*=\s*["'{]*\s*["']?([\w-]+)""")
# Nextra's tab set names its tabs in order, the tabs themselves unnamed: <Tabs items={['Windows', 'macOS']}>.
_TAB_ITEMS = re.compile(r"\bitems\s*=\s*\{\s*\[([^\[\]]*)\]")
_ITEM = re.compile(r"""(["'`])((?:(?!\1)[^\n])+)\1""")
# A tab set's opening tag left open on its first line, its items wrapped onto the lines under it
# ("<Tabs", "  items={[", "    'Windows 10 and Windows 11',", …, ">"), and how many lines it may take.
_TABS_OPENING = re.compile(r"<Tabs(?:\s[^<>]*)?")
MAX_TAG_LINES = 20
# The env key of the labels a tab set's items give its unnamed tabs, in order, not yet taken.
_TAB_ITEMS_LEFT = "_kb_tab_items"
# How far below its opening line a component's closing line is looked for.
MAX_COMPONENT_LINES = 400


def _component_block(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    """An MDX call-out component (``<Warning>`` … ``</Warning>``, ``<Callout type="warning">``) as a
    call-out, and a step or fold component (``<Step title="Add sharp">``, ``<Accordion title=…>``)
    as its content labelled by its title, both read as the Markdown MDX reads inside them.

    Read as HTML, a component's lines were one paragraph: a warning became a step, and a row of
    ``<Step>`` components one step, their Markdown shown as written."""
    if state.sCount[start] - state.blkIndent >= 4 or not _may_open(state, start, "<"):
        return False
    text = _line(state, start).strip()
    found = _COMPONENT_OPEN.fullmatch(text)
    last = start
    if found is None and _TABS_OPENING.fullmatch(text):
        last, found = _wrapped_tag(state, start, end, text)
    if found is None:
        return _one_line_step(state, start, text, silent) or _one_line_callout(state, start, text, silent)
    if found.group(2).rstrip().endswith("/"):
        return False
    name, attributes = found.group(1), found.group(2)
    lowered = name.lower()
    if lowered == "steps" and (close := _closing_tag_line(state, start, end, "</Steps>")) is not None:
        if not silent:
            _mdx_steps(state, start, close)
        return True
    if lowered.lstrip("/") in _GROUP_COMPONENTS or lowered == "tabs":
        # Its line alone: read as HTML it would take the lines after it (its steps, its tabs) as its own.
        # (A tab set's closing tag stays an HTML block: it ends a tab whose own end is unknown.)
        if lowered == "tabs" and not silent:
            items = _TAB_ITEMS.search(attributes)
            state.env[_TAB_ITEMS_LEFT] = (
                [m.group(2).strip() for m in _ITEM.finditer(items.group(1))] if items else []
            )
        state.line = last + 1
        return True
    if name.startswith("/"):
        return False
    if lowered.rpartition(".")[2] in _TAB_NAMES:
        return _component_tab(state, start, end, name, attributes, silent)
    callout = _component_callout(name, attributes)
    label = ""
    if lowered in _LABELLED_COMPONENTS:
        named = _NAMED.search(attributes)
        label = named.group("value").strip() if named else ""
        if lowered not in _FOLD_COMPONENTS:
            # A fold's title is whole, as a <summary> is: it titles a problem, and cut to a tab's
            # label it ended mid-word ("… unable to get local issuer certif").
            label = label[:MAX_TAB_LABEL]
    if not callout and lowered not in _LABELLED_COMPONENTS:
        return False
    close = _closing_tag_line(state, start, end, f"</{name}>")
    if close is None:
        return False
    if silent:
        return True
    if callout:
        token = state.push("callout_open", "aside", 1)
        token.meta, token.map = {"kind": callout}, [start, close + 1]
        if title := _NAMED.search(attributes):
            state.tokens.extend(_title_tokens(title.group("value").strip()[:MAX_TAB_LABEL], state.level))
    first = _tokenize_content(state, start, close)
    if lowered in _FOLD_COMPONENTS and label:
        # A fold's title heads its content, as a dropdown's does: a page of them is a FAQ, or a
        # troubleshooting page of a problem each. Labelling its content, they were one problem.
        state.tokens[first:first] = _fold_title_tokens(label, start, state.level)
    else:
        state.tokens[first:] = _labelled(state.tokens[first:], label, start, state.level)
    if lowered == "step" and len(state.tokens) > first:
        # Where the step's lines are, its tags' own aside: <Steps> makes it an item (see _mdx_steps).
        state.tokens[first].meta = {**(state.tokens[first].meta or {}), _MDX_STEP: (start, close)}
    opening = state.tokens[first] if label and len(state.tokens) > first else None
    if opening is not None and opening.map and not (opening.meta or {}).get("label"):
        # The label joined the first paragraph: its source starts at the component's line, which
        # a step's Markdown shows as the label in bold (clean_markdown).
        opening.map = [start, opening.map[1]]
    if callout:
        state.push("callout_close", "aside", -1)
    state.line = close + 1
    return True


def _component_tab(state: StateBlock, start: int, end: int, name: str, attributes: str, silent: bool) -> bool:
    """An MDX tab (``<TabItem label="RHEL">`` … ``</TabItem>``, Docusaurus' and Starlight's) from its
    line ``start``: its content read as Markdown and labelled as other tabs are. Written with no blank
    line after its tag (as Starlight's are, in a step too), the set was one HTML block: both commands
    one line of the step, fences and all, and the labels lost."""
    close = _closing_tag_line(state, start, end, f"</{name}>")
    if close is None:
        return False
    if silent:
        return True
    named = _NAMED.search(attributes) or _TAB_VALUE.search(attributes)
    # A tab of no name of its own takes its set's next item (Nextra's <Tabs.Tab>): unlabelled, the
    # tabs' alternatives ("Windows 10", then "Windows 11") were one procedure.
    items = state.env.get(_TAB_ITEMS_LEFT) or [""]
    label = (named.group("value") if named else items.pop(0)).strip()[:MAX_TAB_LABEL]
    level = state.level
    first = _tokenize_content(state, start, close)
    state.tokens[first:] = _tab(state.tokens[first:], label, start, level)
    state.line = close + 1
    return True


def _wrapped_tag(state: StateBlock, start: int, end: int, text: str) -> tuple[int, re.Match[str] | None]:
    """The last line of a component's opening tag that ``text``, its first line, leaves open, and the tag
    read as one line, within MAX_TAG_LINES; ``start`` and None where no line closes it. A tab set whose
    items are wrapped (``<Tabs`` over ``items={[`` …) read by its first line alone named no tab, its
    alternatives ran on as one procedure and its items were text."""
    lines = [text]
    for line in range(start + 1, min(end, start + MAX_TAG_LINES)):
        lines.append(_line(state, line).strip())
        if lines[-1].endswith(">"):
            found = _COMPONENT_OPEN.fullmatch(" ".join(lines))
            return (line, found) if found is not None else (start, None)
    return start, None


# A Writerside topic's element that holds blocks (see indexer.html_blocks._TOPIC_ELEMENTS), opening a line.
_TOPIC_CONTAINER = re.compile(r"<(procedure|tabs|deflist|list)(?:\s[^<>]*)?>", re.I)


def _topic_container(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    """A topic's ``<procedure>`` (or ``<tabs>``, ``<deflist>``, ``<list>``) to its closing tag as one
    HTML block, blank lines and all. Writerside's usual layout sets its indented ``<step>``s a blank line
    apart: the blank line ended the HTML block and the indented rest was a code block, so the fix was
    one step holding the other steps' raw XML. Where the element closes on its own line only; without
    a blank line in it, it is the HTML block it was (as a one-line element is)."""
    if state.sCount[start] - state.blkIndent >= 4 or not _may_open(state, start, "<"):
        return False
    found = _TOPIC_CONTAINER.fullmatch(_line(state, start).strip())
    if found is None:
        return False
    close = _closing_tag_line(state, start, end, f"</{found.group(1)}>")
    if close is None or not any(state.isEmpty(n) for n in range(start + 1, close)):
        return False
    if not silent:
        token = state.push("html_block", "", 0)
        token.map = [start, close + 1]
        token.content = state.getLines(start, close + 1, state.blkIndent, True)
        state.line = close + 1
    return True


def _closing_tag_line(state: StateBlock, start: int, end: int, closing: str) -> int | None:
    """The line below ``start`` (and above ``end``) that is a component's ``closing`` tag alone, or None."""
    return next(
        (
            n
            for n in range(start + 1, min(end, start + MAX_COMPONENT_LINES))
            if _line(state, n).strip() == closing
        ),
        None,
    )


def _tokenize_content(state: StateBlock, start: int, close: int) -> int:
    """Read the lines between a component's opening tag (line ``start``) and its closing tag (line
    ``close``) as Markdown, however far they are indented, as MDX reads a component's content; the
    index of the first token they gave."""
    indents = [state.sCount[n] for n in range(start + 1, close) if not state.isEmpty(n)]
    old_indent, old_max = state.blkIndent, state.lineMax
    state.blkIndent, state.lineMax = min(indents, default=state.blkIndent), close
    first = len(state.tokens)
    state.md.block.tokenize(state, start + 1, close)
    state.blkIndent, state.lineMax = old_indent, old_max
    return first


# The meta key of the first token of an MDX <Step>'s content: its opening and closing tags' lines.
_MDX_STEP = "mdx_step"


def _mdx_steps(state: StateBlock, start: int, close: int) -> None:
    """An MDX ``<Steps>`` component from its line ``start`` to its closing tag's line ``close``: each
    ``<Step>`` in it (or, with none, each of its headings) an item of an ordered list, as the component
    numbers them. Read as paragraphs, the text before the component (why the error happens) was the
    first step, as it is never before a list."""
    level = state.level
    first = _tokenize_content(state, start, close)
    state.line = close + 1
    tokens = state.tokens[first:]
    heads = [n for n, token in enumerate(tokens) if token.level == level and _MDX_STEP in (token.meta or {})]
    if not heads:
        # Nextra's <Steps> numbers the headings in it ("### Reconnect the drive"), as a Hugo steps
        # container does: left as headings, each was a group of its own numbered 1, and the cause
        # before the component was a step.
        state.tokens[first:] = _headed_steps(state, tokens, close)
        return
    items: list[Token] = []
    for number, (head, following) in enumerate(pairwise([*heads, len(tokens)]), start=1):
        opened, closed = tokens[head].meta[_MDX_STEP]
        for token in tokens[head:following]:
            token.level += 2
        opening = Token(
            "list_item_open", "li", 1, map=[opened, closed], level=level + 1, markup=".", block=True
        )
        opening.info = str(number)
        items += [opening, *tokens[head:following]]
        items.append(Token("list_item_close", "li", -1, level=level + 1, markup=".", block=True))
    state.tokens[first:] = [
        *tokens[: heads[0]],
        Token("ordered_list_open", "ol", 1, map=[start, close + 1], level=level, markup=".", block=True),
        *items,
        Token("ordered_list_close", "ol", -1, level=level, markup=".", block=True),
    ]


# Readme.io's legacy blocks: "[block:code]", "[block:callout]" or "[block:parameters]" alone on its line, the
# block's JSON, "[/block]".
_README_BLOCK = re.compile(r"\[block:(code|callout|parameters)\]")
# A parameters block's cell: "h-1" in its header, "0-1" in its first row.
_README_CELL = re.compile(r"(h|\d{1,4})-(\d{1,3})")


def _readme_block(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    """A Readme.io code block as a fence of each code it holds (its ``codes``), its call-out as a
    call-out of its ``type``, titled by its ``title``, saying its ``body``, and its parameters block as
    the table it shows. Read as a paragraph, the code's JSON wrapper, escapes and all, was the error
    message, the call-out a note of JSON, and the table's JSON a symptom."""
    if state.sCount[start] - state.blkIndent >= 4 or not _may_open(state, start, "["):
        return False
    found = _README_BLOCK.fullmatch(_line(state, start).strip())
    close = _closing_tag_line(state, start, end, "[/block]") if found else None
    if found is None or close is None:
        return False
    try:
        block = json.loads(state.getLines(start + 1, close, 0, False))
    except ValueError:
        return False
    if not isinstance(block, dict):
        return False
    if found.group(1) == "parameters":
        table = _readme_table(block.get("data"))
        if not table:
            return False
        if not silent:

            def place(token: Token, _: list[int]) -> None:
                token.map = [start, close + 1]

            push_parsed(state, table, place)
    elif found.group(1) == "code":
        codes = block.get("codes")
        written = (
            [c for c in codes if isinstance(c, dict) and isinstance(c.get("code"), str)]
            if isinstance(codes, list)
            else []
        )
        if not written:
            return False
        if not silent:
            for code in written:
                token = state.push("fence", "code", 0)
                language = code.get("language")
                token.info = language if isinstance(language, str) else ""
                token.content, token.markup, token.map = (
                    code["code"].rstrip("\n") + "\n",
                    "```",
                    [start, close + 1],
                )
    else:
        body, title, kind = (block.get(key) for key in ("body", "title", "type"))
        if not isinstance(body, str) or not body.strip():
            return False
        if not silent:
            kind = kind.lower() if isinstance(kind, str) else ""
            token = state.push("callout_open", "aside", 1)
            token.meta = {"kind": kind if kind in CALLOUT_KINDS and kind != "info" else "note"}
            token.map = [start, close + 1]
            if isinstance(title, str) and title.strip():
                state.tokens.extend(_title_tokens(title.strip()[:MAX_TAB_LABEL], state.level))
            # No source lines of its own (they are JSON): the note shows its Markdown, kept here.
            state.push("paragraph_open", "p", 1).meta = {ONE_LINE_MARKDOWN: body.strip()}
            inline = state.push("inline", "", 0)
            inline.content, inline.children = body.strip(), []
            state.push("paragraph_close", "p", -1)
            state.push("callout_close", "aside", -1)
    state.line = close + 1
    return True


def _readme_table(data: object) -> str:
    """The pipe table a Readme.io parameters block's ``data`` stands for (its cells keyed "h-0", "0-0" …),
    or "" when it holds none."""
    if not isinstance(data, dict):
        return ""
    cells: dict[tuple[int, int], str] = {}
    for key, value in data.items():
        found = _README_CELL.fullmatch(str(key))
        if found and isinstance(value, str):
            row = -1 if found.group(1) == "h" else int(found.group(1))
            cells[row, int(found.group(2))] = " ".join(value.split()).replace("|", "\\|")
    if not cells:
        return ""
    rows = sorted({row for row, _ in cells})
    columns = min(max(column for _, column in cells) + 1, MAX_TABLE_COLUMNS)
    lines = [
        "| " + " | ".join(cells.get((row, column), "") for column in range(columns)) + " |" for row in rows
    ]
    if rows[0] != -1:
        lines.insert(0, "| " + " | ".join([""] * columns) + " |")
    lines.insert(1, "|" + " --- |" * columns)
    return "\n".join(lines) + "\n"


def _component_callout(name: str, attributes: str) -> str:
    """The call-out kind of an MDX component (``<Warning>``, ``<Callout type="tip">``), or ""."""
    lowered = name.lower()
    if lowered in _TILE_COMPONENTS:
        return "note"
    if lowered not in _CALLOUT_COMPONENTS | _TYPED_CALLOUT_COMPONENTS:
        return ""
    typed = _COMPONENT_TYPE.search(attributes) if lowered in _TYPED_CALLOUT_COMPONENTS else None
    kind = lowered if lowered in _CALLOUT_COMPONENTS else (typed.group(1).lower() if typed else "")
    kind = "note" if kind in ("check", "info", "") else kind
    return kind if kind in CALLOUT_NAMES else "note"


# A call-out component opened and closed on one line: ``<Note>Quota resets at midnight.</Note>``.
_ONE_LINE_COMPONENT = re.compile(r"<([A-Z]\w*+)\b([^<>]*+)>(\s*+\S.*)</\1>")


def _one_line_callout(state: StateBlock, start: int, text: str, silent: bool) -> bool:
    """A call-out component written on one line, as Mintlify and Starlight pages write short ones:
    read as HTML, its text was the problem's symptoms, and a warning lost its label."""
    # Its closing tag first, with no pattern: a line that opens a tag and never closes it would have
    # the pattern try every split of its text (40 minutes for 1 MB).
    found = _ONE_LINE_COMPONENT.fullmatch(text) if text.rstrip().endswith(">") and "</" in text else None
    kind = _component_callout(found.group(1), found.group(2)) if found else ""
    if not found or not kind:
        return False
    if not silent:
        _push_one_line_callout(state, start, kind, found.group(3).strip())
    return True


def _one_line_step(state: StateBlock, start: int, text: str, silent: bool) -> bool:
    """An MDX ``<Step>`` written on one line with its text (``<Step>Open **Contacts**.</Step>``), as
    ``<Steps>`` makes it an item (see _mdx_steps). Read as HTML, a row of them was one step whose
    Markdown was the tags as written."""
    found = _ONE_LINE_COMPONENT.fullmatch(text) if text.rstrip().endswith("</Step>") else None
    if found is None or found.group(1) != "Step":
        return False
    if not silent:
        meta = {_MDX_STEP: (start, start + 1)}
        state.tokens.extend(
            paragraph_tokens(found.group(3).strip(), [start, start + 1], state.level, meta=meta)
        )
        state.line = start + 1
    return True


def _push_one_line_callout(
    state: StateBlock, start: int, kind: str, markdown: str, end: int | None = None
) -> None:
    """A call-out of ``kind`` whose ``markdown`` stands on the one line ``start`` with its markup (or on
    the lines from ``start`` up to ``end``)."""
    end = start + 1 if end is None else end
    token = state.push("callout_open", "aside", 1)
    token.meta, token.map = {"kind": kind}, [start, end]
    # No source lines of its own (its line holds the tags): the note shows its Markdown, kept here.
    state.push("paragraph_open", "p", 1)
    inline = state.push("inline", "", 0)
    inline.content, inline.children = markdown, []
    state.tokens[-2].meta = {ONE_LINE_MARKDOWN: inline.content}
    state.push("paragraph_close", "p", -1)
    state.push("callout_close", "aside", -1)
    state.line = end


# Docsify's call-out paragraphs: "!> …" says something important, "?> …" gives a tip. Its marker and a
# space open the paragraph; without the space ("?>" closing a PHP block) it is text. The Terraform
# Registry's pages write a note "-> **Note:** …" and a warning "~> **Note:** …" ("!> **Warning:** …" a
# danger, read as Docsify's): an arrow opens a line of prose too, so those two only before a bold label.
_DOCSIFY_CALLOUT = re.compile(r"([!?])>[ \t]+(?=\S)|([-~])>[ \t]+(?=\*\*\w)")
_DOCSIFY_KINDS = {"!": "important", "?": "tip", "-": "note", "~": "warning"}


def _docsify_callout(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    """A Docsify or Terraform Registry call-out paragraph (``!> Do not …``, ``?> Run …``, ``-> **Note:**
    …``) as a call-out of its kind, the marker left out. Read as a paragraph, the marker was the first
    word of a note, or of a step."""
    if state.sCount[start] - state.blkIndent >= 4 or not _may_open(state, start, "!?-~"):
        return False
    text = _line(state, start).strip()
    found = _DOCSIFY_CALLOUT.match(text)
    if found is None:
        return False
    if silent:
        return True
    close = start + 1
    while close < end and not state.isEmpty(close):
        close += 1
    lines = [text[found.end() :], *(_line(state, n).strip() for n in range(start + 1, close))]
    _push_one_line_callout(
        state, start, _DOCSIFY_KINDS[found.group(1) or found.group(2)], "\n".join(lines), close
    )
    return True


# A to-do written as a bare check box opening its line, with no list mark ("[ ] Power-cycle the printer",
# "[x] …"), indented under the to-do it belongs to, as Dropbox Paper exports a document's to-dos. Read as a
# paragraph, a fix of them was text, and the problem it fixed was lost.
_BARE_TODO = re.compile(r"\[[ xX]\][ \t]+\S")


def _bare_todos(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    """A run of two lines or more, each a bare to-do (see _BARE_TODO), as the task list it stands for: each
    line an item, one indented deeper an item of the list under the one above it. One line alone is text."""
    if state.sCount[start] - state.blkIndent >= 4 or not _may_open(state, start, "["):
        return False
    close = start
    while close < end and _BARE_TODO.match(_line(state, close)):
        close += 1
    if close - start < 2:
        return False
    if silent:
        return True
    base = state.sCount[start]
    items = [
        " " * max(0, state.sCount[n] - base) + "- " + _line(state, n).strip() for n in range(start, close)
    ]

    def place(token: Token, span: list[int]) -> None:
        token.map = [span[0] + start, span[1] + start]

    push_parsed(state, "\n".join(items), place)
    state.line = close
    return True


# A Liquid include of an alert's template that passes the alert's text, as the Jekyll Documentation
# Theme writes its notes ({% include note.html content="…" %}, {% include callout.html content="…"
# type="warning" %}): the template's name, and its arguments. (Its text may hold a "%": "at 90%".)
_INCLUDE_TAG = re.compile(r"^\{%-?\s*+include\s++([\w-]++)\.html\b(.*?)-?%\}$")
_CONTENT_ARGUMENT = re.compile(r"""\bcontent\s*=\s*(?:"((?:[^"\\]|\\.)*+)"|'((?:[^'\\]|\\.)*+)')""")
_ESCAPED = re.compile(r"\\(.)")


def _included_callout(text: str) -> tuple[str, str] | None:
    """The kind and Markdown of the call-out a Liquid include line ``text`` stands for (see
    _INCLUDE_TAG), or None for any other line. Left as markup, the note's words were lost."""
    found = _INCLUDE_TAG.match(text)
    if found is None:
        return None
    name, arguments = found.group(1).lower(), found.group(2)
    content = _CONTENT_ARGUMENT.search(arguments)
    if content is None or not (name in CALLOUT_NAMES or name == "callout"):
        return None
    markdown = _ESCAPED.sub(r"\1", content.group(1) or content.group(2) or "").strip()
    if not markdown:
        return None
    # The theme's callout.html names its kind in an argument (type="warning"), as Docsy's alert does.
    others = arguments[: content.start()] + arguments[content.end() :]
    return _callout_kind("alert" if name == "callout" else name, others), markdown


# The title of a GitBook step that its first paragraph was labelled with (meta), shown above it.
STEP_TITLE = "kb_step_title"
# The Markdown of a one-line call-out component's paragraph (meta), which has no lines of its own.
ONE_LINE_MARKDOWN = "kb_one_line_markdown"

# Marks the blocks of a tab's content (meta): what follows the last tab is no part of it.
IN_TAB = "kb_in_tab"
# Marks the first block of a tab's content with the tab's label (meta): the tabs of a set are
# alternatives ("Linux", "Windows"), not steps to take one after the other.
TAB_LABEL = "kb_tab_label"


def _tab(tokens: list[Token], label: str, line: int, level: int) -> list[Token]:
    """``tokens``, the content of a tab labelled ``label`` at ``level`` (its ``line``): labelled
    (:func:`_labelled`), each block marked :data:`IN_TAB`, the first with :data:`TAB_LABEL`."""
    tokens = _in_tab(_labelled(tokens, label, line, level), level)
    if label and tokens:
        tokens[0].meta = {**(tokens[0].meta or {}), TAB_LABEL: label}
    return tokens


def _in_tab(tokens: list[Token], level: int) -> list[Token]:
    """``tokens``, the content of a tab at ``level``, with each of its blocks marked :data:`IN_TAB`."""
    for token in tokens:
        if token.level == level and token.nesting >= 0 and token.block:
            token.meta = {**(token.meta or {}), IN_TAB: True}
    return tokens


def _labelled(tokens: list[Token], label: str, line: int, level: int) -> list[Token]:
    """A tab's tokens with its label in front: "Linux: run the installer" when the tab opens with
    a paragraph, else a paragraph "Linux:" of its own (at the tab's line; its source is the label)."""
    if not label:
        return tokens
    if len(tokens) > 1 and tokens[0].type == "paragraph_open" and tokens[1].type == "inline":
        tokens[1].content = f"{label}: {tokens[1].content}"
        return tokens
    return [*_line_paragraph(f"{label}:", line, level, {"label": True}), *tokens]


def _line_paragraph(text: str, line: int, level: int, meta: dict[str, Any]) -> list[Token]:
    """A paragraph of ``text`` that markup stands for (a tab's label, a dropdown's title), at the
    ``line`` of that markup, its ``meta`` saying what it is."""
    return paragraph_tokens(text, [line, line + 1], level, meta=meta)


# MkDocs Material's kinds of admonition that report what went wrong, not advice ("tip", "warning").
_FAILURE_KINDS = frozenset("failure fail missing bug danger error example".split())
# Blocks of a fix, steps or commands: a question box after them in their section is a remark on them.
_FIX_BLOCKS = ("ordered_list_open", "bullet_list_open", "fence", "code_block")


def _admonitions(state: StateCore) -> None:
    """Python-Markdown and MkDocs admonitions (``!!! warning "Back up first"``, ``??? note``) are
    call-outs: their kind from the word after the marker, their title a paragraph of their own
    when the author wrote one (the plugin's "Note" for ``!!! note`` repeats the kind).

    One of a kind that asks (``??? question "Why does a restore take hours?"``), titled by a question,
    is that question and its answer, as a MyST dropdown is: its title heads its body. Read as a
    note, a FAQ of them had no steps. But after a fix's steps or commands in its section ("Did this solve
    your problem?" after them), it is a remark on them: a note, as a box of another kind is there;
    and one in a list's item (a step) stays an aside on it, a note. A folded box of a failure kind
    titled by an error is such an entry too (:func:`_folds_an_error`)."""
    if not any(token.type == "admonition_open" for token in state.tokens):
        return
    rewriter = _AdmonitionRewriter()
    for token in state.tokens:
        rewriter.read(token)
    state.tokens = rewriter.out


class _AdmonitionRewriter:
    """The token stream of :func:`_admonitions`, rewritten one token at a time."""

    def __init__(self) -> None:
        self.out: list[Token] = []
        # Whether the call-out open last had a title of the author's, shown as a bold paragraph.
        self.titled = False
        # For each admonition open around a token, whether it asks: its box is left out, so what is
        # in it is one level less deep.
        self.asking: list[bool] = []
        # Inside the tokens of an asking admonition's title, which the paragraph heading its body now says.
        self.in_title = False
        # Whether a fix's steps or commands stand in the page's own section (since its heading) before the token.
        self.listed = False
        # The list items open around a token: a question box in a step is an aside on it, as it was.
        self.items = 0

    def read(self, token: Token) -> None:
        """Rewrite ``token`` into :attr:`out` (or leave it out)."""
        if self.in_title:
            self.in_title = token.type != "admonition_title_close"
            return
        if token.level == 0 and token.type in ("heading_open", *_FIX_BLOCKS):
            self.listed = token.type in _FIX_BLOCKS
        self.items += (token.type == "list_item_open") - (token.type == "list_item_close")
        if token.type == "admonition_open":
            self._open(token)
            return
        token.level -= sum(self.asking)
        out = self.out
        if token.type == "admonition_close":
            if not self.asking.pop():
                out.append(Token("callout_close", "aside", -1, level=token.level))
        elif token.type in ("admonition_title_open", "admonition_title_close"):
            if self.titled:
                # No source lines: the call-out's Markdown is its body's, its title made bold there.
                kind = token.type.replace("admonition_title", "paragraph")
                out.append(Token(kind, "p", token.nesting, level=token.level, meta={"kb_title": True}))
        elif token.type == "inline" and out and out[-1].type == "callout_open":
            # The title's text, right after the call-out opens (no paragraph: the kind alone).
            return
        else:
            out.append(token)

    def _open(self, token: Token) -> None:
        """An admonition opens: as a question heading its answer, or as a call-out."""
        tag = str(token.meta.get("tag", "")).lower()
        # Titled by a question, or folded and titled by an error: "!!! question "Cause"" and
        # "??? failure "Error"" are parts, boxed (_part_callouts_unwrapped).
        asks = (
            not self.items
            and '"' in token.info
            and (_asks(tag, token.content) or _folds_an_error(tag, token))
            and not (token.level == 0 and self.listed)
        )
        level = token.level - sum(self.asking)
        if asks:
            line = token.map[0] if token.map else 0
            self.out.extend(_fold_title_tokens(token.content, line, level))
        else:
            kind = _callout_kind(tag, "") or "note"
            self.out.append(
                Token("callout_open", "aside", 1, map=token.map, meta={"kind": kind}, level=level)
            )
            self.titled = '"' in token.info
        self.asking.append(asks)
        self.in_title = asks


def _asks(tag: str, title: str) -> bool:
    """Whether an admonition of kind ``tag`` titled ``title`` asks a question: a FAQ's entry."""
    return tag in QUESTION_KINDS and title.rstrip().endswith(("?", "？"))


def _folds_an_error(tag: str, token: Token) -> bool:
    """Whether an admonition of kind ``tag`` is a folded box (``??? failure "`SYNC-0412: quota
    exceeded`"``) of a kind that reports a failure, titled by an error: MkDocs Material's known-errors
    pages fold each error and its fix, as a <details> fold does. Read as a call-out, a page of them was
    one problem with the first box's message and no steps, the others' errors lost."""
    title = token.content.strip()
    return (
        token.markup.startswith("?")
        and tag in _FAILURE_KINDS
        and heading_role(title) is Role.TOPIC
        and heading_kind(title) is Kind.ERROR
    )


def _part_callouts_unwrapped(state: StateCore) -> None:
    """A call-out titled by a part of a problem (``!!! success "Solution"``, ``:::caution Symptom``,
    ``!!! failure "Error"``, Obsidian's ``> [!bug] Symptom``) is that part, boxed: its title a bold label over its body, as the
    author would have written it without the box. Read as a call-out, its steps were a note, its
    error text no message, and a page of them no problem at all.

    Only a box that ends its section, or that only such boxes follow: a labelled part goes on to
    the next label, where the box ended its part ("Why" boxed between the symptoms and the steps).
    A box titled by no part after them (``> [!warning]``, ``!!! tip``), or the page's tags, stays
    aside, in the last part unboxed: a note of it.

    A box whose text opens with a label naming the error (``{% hint style="danger" %}`` over
    ``**Error:** `…```) frames that labelled part: its blocks, unboxed, wherever it stands before
    the steps. Read as a note, the problem had no error message.
    """

    def names_a_part(title: str) -> bool:
        # Only names that always head a part: "Option B" or "Steps" on a tip box is no fix of its own.
        role = heading_role(title)
        return role in FRAMING_ROLES or (role is Role.RESOLUTION and is_strong_resolution(title))

    tokens = state.tokens
    # The top-level blocks, as (first, last) token indexes.
    blocks: list[tuple[int, int]] = []
    index = 0
    while index < len(tokens):
        first, depth = index, int(tokens[index].nesting)
        while depth > 0:
            index += 1
            depth += tokens[index].nesting
        blocks.append((first, index))
        index += 1
    # Whether numbered steps come before each block in its section: a fix boxed after them is a
    # remark on them ("!!! tip "Solution"" after a Resolution's list), not a second fix. (A bulleted
    # list before a box is what the reader sees, as often as not.)
    listed_before: list[bool] = []
    listed = False
    for first, _ in blocks:
        kind = tokens[first].type
        listed = False if kind == "heading_open" else listed
        listed_before.append(listed)
        listed = listed or kind == "ordered_list_open"
    # The title of each box unwrapped, by its first token's index.
    titles: dict[int, str] = {}
    ends_its_section = True
    for (first, last), after_a_list in zip(reversed(blocks), reversed(listed_before), strict=True):
        opening = tokens[first]
        if opening.type == "heading_open":
            ends_its_section = True
            continue
        title = _box_title(tokens, first, last)
        part = bool(title) and names_a_part(title)
        before_the_steps = not after_a_list and not (opening.meta or {}).get(IN_TAB)
        if ends_its_section and part and before_the_steps:
            titles[first] = title
        elif ends_its_section and (part or not _stays_aside(tokens, first, last)):
            ends_its_section = False
        if not title and before_the_steps and _labels_the_error(tokens, first, last):
            # Its own label heads its text: unboxed as it is, with no title over it.
            titles[first] = ""
    if not titles:
        return
    # One pass over the tokens: unwrapping each box in place moved all the tokens after it, and a
    # page of thousands of boxes cost the square of its size.
    lines = state.src.split("\n")
    out: list[Token] = []
    for first, last in blocks:
        block = tokens[first : last + 1]
        if first not in titles:
            out.extend(block)
        elif block[0].type == "blockquote_open":
            out.extend(_alert_unwrapped(block, lines, titles[first]))
        elif not titles[first]:
            out.extend(_unboxed(block))
        else:
            out.extend(_callout_unwrapped(block, titles[first]))
    state.tokens = out


# A paragraph that is one bold line ("**Duplicate transactions after reconnecting**"): a toggle's title.
_BOLD_LINE = re.compile(r"\*\*([^*\n]++)\*\*[ \t]*+")


_BOLD_BULLET = re.compile(r"^[-*+][ \t]+\*\*", re.MULTILINE)


def _toggled_problems(state: StateCore) -> None:
    """A page's list whose every item is a toggle titled in bold over a problem's labelled parts
    (``- **Bank feed stops with "…"**``, then indented ``**Error**``, ``**Cause**: …``, ``**Fix**``
    and their blocks), as Notion exports a page of toggles, as a heading per item, one level under
    the heading before the list, over the item's blocks. Read as a list, the page was one problem
    whose steps were the toggles, their labels and errors run together in each."""
    tokens = state.tokens
    # A toggle's title is a bullet of bold text at a line's start: a page with none (nearly every page)
    # is not walked token by token.
    if not _BOLD_BULLET.search(state.src) or not any(
        token.type == "bullet_list_open" and token.level == 0 for token in tokens
    ):
        return
    out: list[Token] = []
    heading = 1
    index = 0
    while index < len(tokens):
        token = tokens[index]
        if token.type == "heading_open" and token.level == 0:
            heading = int(token.tag[1:])
        close = _closing(tokens, index) if token.type == "bullet_list_open" and token.level == 0 else index
        items = _items(tokens, index, close)
        titles = [_toggle_title(tokens, first, last) for first, last in items]
        if not items or not all(titles):
            out.append(token)
            index += 1
            continue
        for (first, last), title in zip(items, titles, strict=True):
            out.extend(_toggle_section(tokens[first : last + 1], title, min(heading + 1, 6)))
        index = close + 1
    state.tokens = out


def _closing(tokens: list[Token], index: int) -> int:
    """The index of the token that closes the one that opens at ``index``."""
    depth = 0
    for at in range(index, len(tokens)):
        depth += tokens[at].nesting
        if depth == 0:
            return at
    return len(tokens) - 1


def _items(tokens: list[Token], first: int, last: int) -> list[tuple[int, int]]:
    """The (opening, closing) indexes of the items of the list ``tokens[first : last + 1]``."""
    items: list[tuple[int, int]] = []
    at = first + 1
    while at < last and tokens[at].type == "list_item_open":
        items.append((at, _closing(tokens, at)))
        at = items[-1][1] + 1
    return items


def _toggle_title(tokens: list[Token], first: int, last: int) -> str:
    """The title of the list item ``tokens[first : last + 1]`` when it is a toggle over a problem's
    parts: a bold line that names no part (a toggle per part is one, :func:`sections._toggled_parts`),
    then blocks of which a paragraph opens with a part's bold label; "" for any other item."""
    if first + 4 >= last or tokens[first + 1].type != "paragraph_open":
        return ""
    titled = _BOLD_LINE.fullmatch(tokens[first + 2].content)
    if titled is None or heading_role(title := titled.group(1).strip()) is not Role.TOPIC:
        return ""
    level = tokens[first].level + 1
    labelled = (
        (found := _OPENING_LABEL.match(token.content)) is not None
        and heading_role(found.group(1)) in PROBLEM_PART_ROLES
        for before, token in pairwise(tokens[first + 4 : last])
        if before.type == "paragraph_open" and before.level == level
    )
    return title if any(labelled) else ""


def _toggle_section(tokens: list[Token], title: str, level: int) -> list[Token]:
    """A toggle's item (``tokens``, from its opening to its closing) as a heading of ``level`` titled
    ``title``, at its title's line, over its blocks out of the list."""
    line = (tokens[1].map or [0])[0]
    tag = f"h{level}"
    heading = [
        Token("heading_open", tag, 1, map=[line, line + 1], block=True, markup="#" * level),
        Token("inline", "", 0, map=[line, line + 1], level=1, content=title, block=True, children=[]),
        Token("heading_close", tag, -1, block=True, markup="#" * level),
    ]
    body = tokens[4:-1]
    for token in body:
        token.level -= 2
        token.hidden = False
    return [*heading, *body]


# A bold label a call-out's text opens with, its colon inside or after the bold, or alone on its line
# ("**Error:** `…`", "**Error message**: …", "**Error**" over a code block).
_OPENING_LABEL = re.compile(r"\*\*([^*\n]{1,40}?)[ \t]*+(?:[:：]\*\*|\*\*[ \t]*+(?:[:：]|\n|$))")


def _labels_the_error(tokens: list[Token], first: int, last: int) -> bool:
    """Whether the top-level block ``tokens[first : last + 1]`` is a call-out whose text opens with a
    bold label naming the error or its code ("**Error:** `…`", as GitBook's danger hints show one)."""
    opens = (
        first + 3 < last
        and tokens[first].type == "callout_open"
        and tokens[first + 1].type == "paragraph_open"
    )
    found = _OPENING_LABEL.match(tokens[first + 2].content) if opens else None
    return found is not None and heading_role(found.group(1)) in (Role.ERRORS, Role.CODES)


def _unboxed(tokens: list[Token]) -> list[Token]:
    """The blocks of a call-out (``tokens``, from its opening to its closing), out of its box."""
    for token in tokens[1:-1]:
        token.level -= 1
    return tokens[1:-1]


def _stays_aside(tokens: list[Token], first: int, last: int) -> bool:
    """Whether the top-level block ``tokens[first : last + 1]`` is read aside of the part it follows,
    a note or the page's metadata: a call-out (an admonition, a directive, a ``> [!warning]`` quote),
    a paragraph of tags or related links only, or the rule a note closes its text with over them. A
    quote, a list or a paragraph of text goes on with the part, which its box had ended."""
    opening = tokens[first]
    if opening.type in ("callout_open", "hr"):
        return True
    if first + 2 > last:
        return False
    if opening.type == "paragraph_open":
        return tags_or_links_only(tokens[first + 1].content)
    inline = tokens[first + 2]
    return (
        opening.type == "blockquote_open" and inline.type == "inline" and bool(_ALERT.match(inline.content))
    )


def _callout_unwrapped(tokens: list[Token], title: str) -> list[Token]:
    """A call-out titled by a part (``tokens``, from its opening to its closing, its title's
    paragraph first), as the part it boxes: its ``title`` a bold label at its first line, then its
    blocks."""
    line = (tokens[0].map or [0])[0]
    label, shown = tokens[1], tokens[2]
    label.map, label.meta = [line, line + 1], {"label": True}
    shown.map, shown.content = label.map, f"**{title}**"
    tokens[3].meta = {}
    return _unboxed(tokens)


# An Obsidian call-out's first line: its kind, its fold mark ("-" or "+") and its title.
_ALERT_TITLE = re.compile(r"[ \t]*+\[![A-Za-z]++\][-+]?[ \t]*+([^\n]*+)")
# A quote's marker at the start of a line, with the space after it.
QUOTE_MARKER = re.compile(r"^[ \t]{0,3}> ?")


def _box_title(tokens: list[Token], first: int, last: int) -> str:
    """The title of the call-out the top-level block ``tokens[first : last + 1]`` is: an admonition's
    or a directive's (``!!! success "Solution"``, ``:::caution Symptom``), or an Obsidian call-out's
    (``> [!bug] Symptom``); "" for any other block, or a call-out of no title."""
    if first + 3 >= last:
        return ""
    opening, paragraph, inline = tokens[first : first + 3]
    if opening.type == "callout_open" and (paragraph.meta or {}).get("kb_title"):
        return inline.content.strip()
    if opening.type != "blockquote_open" or paragraph.type != "paragraph_open":
        return ""
    found = _ALERT_TITLE.match(inline.content)
    return found.group(1).strip() if found else ""


def _alert_unwrapped(tokens: list[Token], lines: list[str], title: str) -> list[Token]:
    """An Obsidian call-out titled by a part (``tokens``, its quote's, of the article's ``lines``),
    as the part it boxes: its ``title`` a bold label at its first line, then its blocks out of the
    quote. Each block's source is the quote's lines without their markers, so that a step shows
    its Markdown, not the quote's."""
    opening, paragraph, inline = tokens[:3]
    start, end = opening.map or [0, 0]
    unquoted = [QUOTE_MARKER.sub("", line, count=1) for line in lines[start:end]]
    rest = inline.content.partition("\n")[2]
    label = _line_paragraph(f"**{title}**", start, opening.level, {"label": True})
    body = tokens[1:-1]
    if rest.strip():
        # The title's line opened the first paragraph: the paragraph goes on from the next line.
        inline.content = rest
        paragraph.map = inline.map = [start + 1, (paragraph.map or [0, start + 2])[1]]
    else:
        body = body[3:]
    _moved_out(body, 1, unquoted, start)
    return [*label, *body]


def _moved_out(blocks: list[Token], levels: int, unmarked: list[str], start: int) -> None:
    """Move ``blocks`` out of the box or list they stood in, ``levels`` levels up, each reading its source
    from ``unmarked`` (the box's lines from ``start`` on, without its markers) rather than the article's."""
    for token in blocks:
        token.level -= levels
        if token.map:
            span = (token.map[0] - start, token.map[1] - start)
            token.meta = {**(token.meta or {}), "kb_converted": (unmarked, span)}


# The meta key of a definition's first paragraph (see _definitions_as_items) that holds its term.
DEFINED_TERM = "kb_defined_term"


def _definitions_as_items(state: StateCore) -> None:
    """A definition list (Pandoc, PHP Markdown Extra, MyST: ``Term`` then ``:   definition``) as the
    list of ``Term: definition`` items it reads as: a man page's ``DIAGNOSTICS``, a CLI reference's
    messages, a glossary. Read as paragraphs, each term ran into its definition after a stray ":",
    and a list of messages and what to do about each was a row of steps with no error in them."""
    if not any(token.type == "dl_open" for token in state.tokens):
        return
    lines = state.src.split("\n")
    out: list[Token] = []
    tokens = state.tokens
    index = 0
    while index < len(tokens):
        token = tokens[index]
        index += 1
        if token.type == "dl_open" and (parts := _named_parts(tokens, index, lines)) is not None:
            # "Symptom", "Cause", "Solution" as a list's terms (a reStructuredText page through Pandoc):
            # each term is the label of the part its definition is, as a bold label alone on its line.
            out.extend(parts[0])
            index = parts[1]
        elif token.type == "dl_open" and (lone := _lone_definition(tokens, index, lines)) is not None:
            out.extend(lone[0])
            index = lone[1]
        elif token.type in ("dl_open", "dl_close"):
            kind = token.type.replace("dl", "bullet_list")
            out.append(
                Token(kind, "ul", token.nesting, map=token.map, level=token.level, markup="-", block=True)
            )
        elif token.type == "dt_open":
            term, index = tokens[index], index + 2  # its inline text, then dt_close
            body, index = _definitions(tokens, index)
            last = next((t.map[1] for t in reversed(body) if t.map), term.map[1] if term.map else 0)
            start = term.map[0] if term.map else 0
            out.append(
                Token("list_item_open", "li", 1, map=[start, last], level=token.level, markup="-", block=True)
            )
            if len(body) > 2 and body[0].type == "paragraph_open" and body[1].type == "inline":
                # The term and its definition's first paragraph: one paragraph, "Term: definition".
                body[0].map = [start, body[0].map[1] if body[0].map else start + 1]
                body[1].content = f"{term.content.rstrip()}: {body[1].content}"
                # Where the term ends, which the text cannot tell when the term has colons of its own
                # (a man page's DIAGNOSTICS: "tapectl: cannot open /dev/sg3: Permission denied").
                body[1].meta = {**(body[1].meta or {}), DEFINED_TERM: term.content.rstrip()}
                body[1].map = body[0].map
            else:
                body = [
                    Token(
                        "paragraph_open", "p", 1, map=[start, start + 1], level=token.level + 1, block=True
                    ),
                    Token(
                        "inline", "", 0, map=[start, start + 1], level=token.level + 2, content=term.content
                    ),
                    Token("paragraph_close", "p", -1, level=token.level + 1, block=True),
                    *body,
                ]
            out.extend(body)
            out.append(Token("list_item_close", "li", -1, level=token.level, markup="-", block=True))
        else:
            out.append(token)
    state.tokens = out


def _named_parts(tokens: list[Token], index: int, lines: list[str]) -> tuple[list[Token], int] | None:
    """The definition list that opens before ``index`` (in an article of ``lines``) as a bold label per
    term over the blocks of its definitions, at the list's level, when each of its terms (two at least)
    names a part of a problem; and the index after the list. None for any other list."""
    entries = _entries(tokens, index)
    if entries is None or len(entries[0]) < 2:
        return None
    if any(
        heading_role(term.content.strip().rstrip(":")) not in PROBLEM_PART_ROLES for term, _ in entries[0]
    ):
        return None
    return _unwrapped(entries[0], tokens[index - 1], lines, bold=True), entries[1]


def _lone_definition(tokens: list[Token], index: int, lines: list[str]) -> tuple[list[Token], int] | None:
    """The definition list that opens before ``index`` as its one term's paragraph over the blocks of
    its definition, when that definition holds numbered steps; and the index after the list. None
    for any other list. One error and its whole fix written as a definition list (Pandoc's "`E…`"
    then ":   The gateway …" and the steps) is no list of items: as one item, its fix's steps were
    sub-steps of a first step that ran its term, symptoms and log together."""
    entries = _entries(tokens, index)
    if entries is None or len(entries[0]) != 1:
        return None
    [(_, body)] = entries[0]
    if not any(token.type == "ordered_list_open" for token in body):
        return None
    return _unwrapped(entries[0], tokens[index - 1], lines, bold=False), entries[1]


def _entries(tokens: list[Token], index: int) -> tuple[list[tuple[Token, list[Token]]], int] | None:
    """The terms (each its inline token) and the blocks of their definitions of the definition list that
    opens before ``index``, and the index after the list; None when anything else stands in the list."""
    entries: list[tuple[Token, list[Token]]] = []
    while index < len(tokens) and tokens[index].type == "dt_open":
        term = tokens[index + 1]
        body, index = _definitions(tokens, index + 3)
        entries.append((term, body))
    if index >= len(tokens) or tokens[index].type != "dl_close":
        return None
    return entries, index + 1


def _unwrapped(
    entries: list[tuple[Token, list[Token]]], opening: Token, lines: list[str], *, bold: bool
) -> list[Token]:
    """A definition list's ``entries`` (its ``opening`` token's, in an article of ``lines``) as a
    paragraph per term (a bold label alone, with ``bold``) over the blocks of its definition, at the
    list's level. Each block's source is its lines without the definition's ": " and indentation, so
    that a step shows its Markdown ("Set `mirror_pushes: false`."), not the list's (":   1.  Set …")."""
    start, end = opening.map or [0, 0]
    unmarked = [_DEFINITION_MARKER.sub("", line, count=1) for line in lines[start:end]]
    out: list[Token] = []
    for term, body in entries:
        line = term.map[0] if term.map else start
        written = f"**{term.content.strip()}**" if bold else term.content.strip()
        out.extend(_line_paragraph(written, line, opening.level, {"label": True} if bold else {}))
        _moved_out(body, 2, unmarked, start)
        out.extend(body)
    return out


# What opens a definition's line: its ": " (Pandoc, PHP Markdown Extra) or its indentation.
_DEFINITION_MARKER = re.compile(r"^(?:[ \t]{0,3}[:~][ \t]{1,4}|[ \t]{1,4})")


def _definitions(tokens: list[Token], index: int) -> tuple[list[Token], int]:
    """The blocks of the definitions (``dd``) from ``index`` on, and the index after them."""
    body: list[Token] = []
    while index < len(tokens) and tokens[index].type == "dd_open":
        depth, index = 1, index + 1
        while index < len(tokens):
            depth += {"dd_open": 1, "dd_close": -1}.get(tokens[index].type, 0)
            if depth == 0:
                break
            body.append(tokens[index])
            index += 1
        index += 1
    return body, index


def _version_line(name: str, args: str) -> str:
    """The sentence a version directive opens with ("New in version 19.0."); "" for any other
    directive, or one that names no version. Its version is its argument, which no other part of
    the call-out repeats: without it the call-out read "Note:" and nothing."""
    words = _VERSION_WORDS.get(name.lower())
    version = args.split()[0] if args.split() else ""
    return f"{words} {version}." if words and version else ""


# The attribute of a call-out shortcode that names its kind: Docsy's color="warning", type="tip".
_KIND_ATTRIBUTE = re.compile(r"""\b(?:color|type|kind|style)\s*=\s*["']?([\w-]+)""")
# A directive's option line (MyST: ":class: tip", ":name: lock-note"): settings, not text.
_OPTION_LINE = re.compile(r"^\s*:[\w-]+:(?:\s.*)?$")
# A directive's class option, its classes after it (":class: warning", ":class: tip dropdown").
_CLASS_OPTION = re.compile(r"^\s*:class:\s+(.*)$")
# Directives whose argument is no title: a kind or parameters (Hugo's notice and alert, GitBook's
# hint), or a version (Sphinx's version directives say it in words of their own).
_UNTITLED = frozenset("notice alert hint versionadded versionchanged deprecated".split())


def _callout_title(name: str, args: str) -> str:
    """The title a call-out directive gives after its name (MyST's ``:::{admonition} Running in
    Kubernetes?``, Docusaurus' ``:::danger Never disable verification`` or ``:::tip[Faster]``), or ""
    when it gives none or only repeats its kind. Left out, the call-out read "Note:" and its body
    alone, and the title was lost."""
    title = args.strip()
    if title.startswith("[") and title.endswith("]"):
        title = title[1:-1].strip()
    if "=" in title and name not in _VERSION_WORDS:
        # Attributes (a shortcode's title="…" color="warning"): the title is the one named so.
        named = _NAMED.search(title)
        title = named.group("value").strip() if named else ""
    elif name in _UNTITLED or title.startswith("{"):
        return ""
    if not title:
        return ""
    return "" if title.lower() in (name, _callout_kind(name, args)) else title[:MAX_TAB_LABEL]


def _attribute_title(name: str, text: str) -> str:
    """The title a Pandoc div's attributes give its call-out (Quarto's ``::: {.callout-warning title="Before
    you reboot"}``), as :func:`_callout_title` reads one, or "" when they give none."""
    # The attributes inside the braces are no arguments after the div's name: read only from a heading
    # inside the div, the call-out read "Warning: Drain the node first." and its title was lost.
    named = _NAMED.search(text) if _PANDOC_DIV.match(text) else None
    return _callout_title(name, named.group(0)) if named else ""


def _title_tokens(title: str, level: int) -> list[Token]:
    """A call-out's title as a paragraph of no source lines (shown in bold above its body)."""
    return [
        Token("paragraph_open", "p", 1, level=level, block=True, meta={"kb_title": True}),
        Token("inline", "", 0, level=level + 1, content=title, block=True),
        Token("paragraph_close", "p", -1, level=level, block=True, meta={"kb_title": True}),
    ]


def _without_options(content: str) -> str:
    """A directive fence's body with its opening option lines blanked (their lines kept, so
    that what follows keeps its line numbers)."""
    lines = content.split("\n")
    index = 0
    while index < len(lines) and _OPTION_LINE.match(lines[index]):
        lines[index] = ""
        index += 1
    return "\n".join(lines) if index else content


def _class_kind(lines: Iterable[str]) -> str:
    """The call-out kind named by the ``:class:`` option among a directive's first ``lines`` (its option
    lines), or "". MyST's generic ``{admonition}`` takes a title as its argument and its kind from
    ``:class: warning``: read from its title's first word, a warning titled "Before you remove the lock"
    was a note."""
    for line in lines:
        if not _OPTION_LINE.match(line):
            break
        if found := _CLASS_OPTION.match(line):
            return next((word for word in found.group(1).lower().split() if word in CALLOUT_KINDS), "")
    return ""


def _callout_kind(name: str, args: str) -> str:
    """The call-out kind of a directive ("note", "warning" …), or "" for a plain container."""
    if name in ("notice", "alert", "admonition"):
        # Docsy's {{< alert color="warning" >}} and other themes' type= name the kind in an
        # attribute; Hugo's notice and MyST's admonition in their first word.
        typed = _KIND_ATTRIBUTE.search(args)
        word = typed.group(1).lower() if typed else args.split()[0].lower() if args.split() else "note"
        return word if word in CALLOUT_NAMES else "note"
    if name in ("versionadded", "versionchanged", "deprecated", "seealso", "todo"):
        return "note"
    if name == "hint":
        # GitBook: {% hint style="warning" %}; "info" keeps its kind as any call-out name does, "success"
        # (no call-out's name) is a note. Archbee names the kind in a type attribute (:::hint{type="danger"}),
        # which was a note.
        style = _KIND_ATTRIBUTE.search(args)
        return style.group(1).lower() if style and style.group(1).lower() in CALLOUT_NAMES else "note"
    if name.startswith("callout-") and name.removeprefix("callout-") in CALLOUT_NAMES:
        # Quarto's call-out divs: "::: {.callout-warning}".
        return name.removeprefix("callout-")
    return name if name in CALLOUT_NAMES else ""


def _inline_markup(state: StateInline, silent: bool) -> bool:
    """Inline shortcodes, attribute lists and Liquid tags: consumed, no text."""
    src, pos = state.src, state.pos
    if src[pos] != "{" or pos + 1 >= state.posMax or src[pos + 1] not in "{:%":
        return False
    closer = {"{": "}}", ":": "}", "%": "%}"}[src[pos + 1]]
    end = src.find(closer, pos + 2, pos + 400)
    if end < 0 or "\n" in src[pos:end]:
        return False
    if not silent:
        token = state.push("kramdown_ial" if src[pos + 1] == ":" else "shortcode", "", 0)
        token.content = src[pos : end + len(closer)]
    state.pos = end + len(closer)
    return True


def _wiki_link(state: StateInline, silent: bool) -> bool:
    """A wiki link (Obsidian, GitHub and GitLab wikis, Foam): ``[[On-call handbook|escalation]]``
    reads "escalation", ``[[Shipping app]]`` "Shipping app" (a step's Markdown keeps it as written:
    in its code, ``[["TERM", "app"]]`` is Ruby's). GitHub's wiki writes the words first and the page
    second (``[[macOS open-file limits|macOS-Open-File-Limits]]``): where the first is words apart and the
    second a page's name so joined, the first is shown."""
    found = _WIKI_LINK.match(state.src, state.pos, min(state.posMax, state.pos + 2 * MAX_WIKI_LINK + 5))
    if found is None:
        return False
    if not silent:
        first, second = found.group(1), found.group(2)
        words = first if second and " " in first and _is_page_slug(second) else second
        state.push("text", "", 0).content = words or first
    state.pos = found.end()
    return True


def _highlight(state: StateInline, silent: bool) -> bool:
    """A highlight (``==words==``, see _HIGHLIGHT): its words, read as the inline text they are, in a
    "mark" node."""
    if not state.src.startswith("==", state.pos):
        return False
    found = _HIGHLIGHT.match(state.src, state.pos, state.posMax)
    if found is None:
        return False
    if not silent:
        state.push("mark_open", "mark", 1).markup = "=="
        end = state.posMax
        state.pos, state.posMax = found.start(1), found.end(1)
        state.md.inline.tokenize(state)
        state.posMax = end
        state.push("mark_close", "mark", -1).markup = "=="
    state.pos = found.end()
    return True


def _myst_fences(state: StateCore) -> None:
    """MyST directives written as fences: call-outs and tabs hold Markdown, code directives code."""
    if state.env.get("_kb_depth", 0) >= MAX_NESTED_PARSE:
        return
    out: list[Token] = []
    for token in state.tokens:
        found = _MYST_FENCE.match(token.info.strip()) if token.type == "fence" else None
        if found is None:
            out.append(token)
            continue
        name, args = found.group(1).lower(), found.group(2).strip()
        if name in _DROPPED_NAMES:
            continue
        if name in _CODE_NAMES or not (name in CALLOUT_NAMES or name in _TRANSPARENT_NAMES):
            # A code directive, or one we do not know: its body is kept as code.
            token.info = _fence_language(name, args)
            # Its options (":caption: blocking.sql", ":linenos:") say how to show the code: not code.
            token.content = _without_options(token.content)
            out.append(token)
            continue
        out.extend(_nested(state, token, name, args))
    state.tokens = out


def _nested(state: StateCore, fence: Token, name: str, args: str) -> list[Token]:
    """The Markdown inside a directive fence as tokens, with line numbers of the outer file."""
    callout = _callout_kind(name, args)
    if callout and name == "admonition":
        callout = _class_kind(fence.content.split("\n")) or callout
    env = {**state.env, "_kb_depth": state.env.get("_kb_depth", 0) + 1, "_kb_directive_pairs": {}}
    try:
        inner = state.md.parse(_without_options(fence.content), env)
    except NestedTooDeep as exc:
        # Its lines counted from the fence's first content line, in the article's.
        raise NestedTooDeep(exc.line + (fence.map[0] + 1 if fence.map else 0), exc.levels) from None
    # Links the directive defines resolve where its text is parsed: in the outer document.
    state.env.setdefault("references", {}).update(env.get("references", {}))
    offset = (fence.map[0] + 1) if fence.map else 0
    for token in inner:
        if token.map:
            token.map = [token.map[0] + offset, token.map[1] + offset]
        token.level += fence.level + (1 if callout else 0)
        if token.type == "inline":
            # The outer parse's inline rule appends to an inline token's children: parsed here
            # too, a directive's every paragraph would read twice.
            token.children = None
    if fence.map and (label := _tab_label(name, args)):
        inner = _tab(inner, label, fence.map[0], fence.level)
    elif fence.map and name in _FOLD_NAMES and args.strip():
        inner = [
            *_fold_title_tokens(args, fence.map[0], fence.level),
            *inner,
            _fold_end_token(fence.map[1] - 1, fence.level),
        ]
    if not callout:
        return inner
    if title := _version_line(name, args) or _callout_title(name, args):
        # A title, as an admonition's: no lines of its own, shown in bold above the body's Markdown.
        inner = [*_title_tokens(title, fence.level + 1), *inner]
    opening = Token("callout_open", "aside", 1, map=fence.map, meta={"kind": callout}, level=fence.level)
    closing = Token("callout_close", "aside", -1, level=fence.level)
    return [opening, *inner, closing]


def _html_blocks(state: StateCore) -> None:
    """Each HTML block that holds text, as the blocks of the Markdown it stands for
    (:func:`indexer.html_blocks.html_as_markdown`), with the lines of the HTML they come from.

    Each block keeps that Markdown in ``meta["kb_converted"]`` (its lines, and its range in
    them): its source, as a step shows it, is the Markdown, not the HTML; and in
    ``meta["kb_html_lines"]`` the article's lines of the whole HTML block it comes from. At most
    MAX_HTML_CHARS of an article's HTML are read so; past them its blocks stay as they are.
    """
    if not any(token.type == "html_block" for token in state.tokens):
        return
    budget = MAX_HTML_CHARS
    out: list[Token] = []
    # Where each tab's content begins in ``out``, and its label, line and level; where tabs end.
    tabs: list[tuple[int, str, int, int]] = []
    ends: list[int] = []
    for token in state.tokens:
        if token.type == "html_block" and _closes_tab(token.content):
            ends.append(len(out))
        if token.type == "html_block" and token.map and (label := _component_tab_label(token.content)):
            tabs.append((len(out), label, token.map[0], token.level))
            continue
        converted = None
        if token.type == "html_block" and token.map and HTML_FILE in token.meta:
            # A whole HTML file, converted (and bounded) as an article's text is.
            converted = token.meta[HTML_FILE]
        elif token.type == "html_block" and token.map and len(token.content) <= budget:
            budget -= len(token.content)
            converted = html_as_markdown(token.content)
        if converted is None:
            out.append(token)
            continue
        markdown, origins = converted
        lines = markdown.split("\n")
        inner: list[Token] = []
        state.md.block.parse(markdown, state.md, state.env, inner)
        first = token.map[0]  # type: ignore[index]
        _mark_fold_title(token.content, inner)
        _mark_procedure_title(token.content, inner)
        for new in inner:
            new.level += token.level
            if new.map:
                start, end = new.map
                last = origins[max(start, min(end, len(origins)) - 1)]
                new.meta = {
                    **(new.meta or {}),
                    "kb_converted": (lines, (start, end)),
                    "kb_html_lines": (token.map[0], token.map[1]),  # type: ignore[index]
                }
                new.map = [first + origins[start], first + last + 1]
        out.extend(inner)
    # A tab ends where a tab ends or the next one begins: one sorted list of both, searched by
    # bisection (a page of thousands of tabs would otherwise cost the square of their number).
    bounds = sorted({*ends, *(start for start, *_ in tabs)})
    # Last first: labelling a tab inserts tokens, which would move the tabs after it.
    for start, label, line, level in reversed(tabs):
        after = bisect_right(bounds, start)
        closed = bounds[after] if after < len(bounds) else None
        if closed is None:
            # Its end is not a block of tags of its own ("</TabItem>" right after a line of text):
            # where its content ends is unknown, so it is only labelled.
            out[start:] = _labelled(out[start:], label, line, level)
        else:
            out[start:closed] = _tab(out[start:closed], label, line, level)
    state.tokens = out


# A Microsoft Learn (DocFX) tab's heading: a heading whose whole text links to "#tab/…" (its id, and
# with dependent tabs the tab it depends on): ``# [Azure CLI](#tab/azure-cli)``.
_LEARN_TAB = re.compile(r"\[([^\[\]\n]{1,200})\]\(#tab/[^()\s]*+\)")


def _learn_tab_label(tokens: list[Token], index: int) -> str:
    """The label of the Learn tab whose heading opens at ``tokens[index]``, or "" for any other token."""
    if tokens[index].type != "heading_open" or index + 1 >= len(tokens):
        return ""
    found = _LEARN_TAB.fullmatch(tokens[index + 1].content.strip())
    return found.group(1).strip()[:MAX_TAB_LABEL] if found else ""


def _learn_tabs(state: StateCore) -> None:
    """Microsoft Learn's tabs: headings that link to ``#tab/…``, one a tab, each tab running to the
    next such heading of its level, and the set to a ``---`` line (dropped: it is their markup) or to
    any other heading of its level or above. Each tab's content is labelled as other tabs are; read
    as headings, each tab was a problem of its own, with no symptoms, and the sections after the set
    were the last tab's."""
    tokens = state.tokens
    if not any(token.type == "inline" and "](#tab/" in token.content for token in tokens):
        return
    out: list[Token] = []
    # The tab being read: where its content begins in ``out``, its label, line, heading tag and level.
    tab: tuple[int, str, int, str, int] | None = None
    index = 0
    while index < len(tokens):
        token = tokens[index]
        label = _learn_tab_label(tokens, index)
        if tab is not None:
            start, named, line, tag, level = tab
            # A heading of its level or above: "h1" to "h6" sort as their levels do.
            ends = token.level < level or (
                token.level == level
                and (token.type == "hr" or (token.type == "heading_open" and token.tag <= tag))
            )
            if ends:
                out[start:] = _tab(out[start:], named, line, level)
                tab = None
                if token.type == "hr":
                    index += 1
                    continue
        if label and tab is None:
            # Its heading's three tokens stand for its label.
            tab = (len(out), label, (token.map or [0])[0], token.tag, token.level)
            index += 3
            continue
        out.append(token)
        index += 1
    if tab is not None:
        start, named, line, _, level = tab
        out[start:] = _tab(out[start:], named, line, level)
    state.tokens = out


def _tabset_heading(tokens: list[Token], index: int) -> bool:
    """Whether ``tokens[index]`` opens a Wiki.js tabset's heading: one classed ``{.tabset}``
    (``# Tabs {.tabset}``), its text replaced by the strip of its tabs."""
    if tokens[index].type != "heading_open" or index + 1 >= len(tokens):
        return False
    heading = tokens[index + 1].content
    if ".tabset" not in heading:
        return False
    brace = heading.rfind("{")
    found = _HEADING_ATTRIBUTES.match(heading, brace) if brace > 0 else None
    return found is not None and ".tabset" in found.group().replace("{", " ").replace("}", " ").split()


def _wikijs_tabsets(state: StateCore) -> None:
    """Wiki.js tabsets: a heading classed ``{.tabset}`` is no section but a strip of tabs where it
    stands, whatever its level; each heading one level below it is a tab, to the next such heading,
    and the set runs to a heading of the tabset's level or above. Each tab's content is labelled as
    other tabs are. Read as headings, a ``# Tabs {.tabset}`` under a problem's ``##`` section ended
    the problem, which lost its steps, and each tab was a problem titled by its label."""
    tokens = state.tokens
    if not any(token.type == "inline" and ".tabset" in token.content for token in tokens):
        return
    out: list[Token] = []
    # The set being read (its heading's tag and level), and its tab: where the tab's content begins
    # in ``out``, its label and line.
    tabset: tuple[str, int] | None = None
    tab: tuple[int, str, int] | None = None
    index = 0
    while index < len(tokens):
        token = tokens[index]
        if tabset is not None and token.type == "heading_open" and token.level == tabset[1]:
            tag, level = tabset
            # "h1" to "h6" sort as their levels do.
            if token.tag <= tag or token.tag == f"h{int(tag[1]) + 1}":
                if tab is not None:
                    out[tab[0] :] = _tab(out[tab[0] :], tab[1], tab[2], level)
                    tab = None
                if token.tag <= tag:
                    tabset = None
                else:
                    label = without_heading_attributes(tokens[index + 1].content).strip()
                    # Its heading's three tokens stand for its label.
                    tab = (len(out), label[:MAX_TAB_LABEL], (token.map or [0])[0])
                    index += 3
                    continue
        if _tabset_heading(tokens, index):
            tabset = (token.tag, token.level)
            index += 3
            continue
        out.append(token)
        index += 1
    if tabset is not None and tab is not None:
        out[tab[0] :] = _tab(out[tab[0] :], tab[1], tab[2], tabset[1])
    state.tokens = out


# A fold's title: what a <details> block's <summary> says ("`MemoryError` on a large extract").
_SUMMARY = re.compile(r"<summary\b[^>]*>", re.IGNORECASE)
FOLD_TITLE = "kb_fold_title"


def _fold_title_tokens(title: str, line: int, level: int) -> list[Token]:
    """The title of a MyST dropdown (``:::{dropdown} Why are files with colons not synced?``) as the
    paragraph a ``<summary>`` becomes, at the dropdown's ``line``: it heads the fold's content. Left
    out, a FAQ of dropdowns was one problem, its answers run together."""
    return _line_paragraph(title.strip(), line, level, {FOLD_TITLE: True, "label": True})


def _fold_end_token(line: int, level: int) -> Token:
    """The end of a directive's fold at its closing ``line``, as the ``</details>`` it renders: what
    follows is its parent section's again. Without it, VitePress' ``::: details Why is polling slow?``
    after a fix's steps held the ``::: warning`` under it, a problem of their own, and a ``::: details
    Full CI log`` kept the ``::: danger`` after it in a fold of output, where it was lost."""
    token = Token("html_block", "", 0, map=[line, line + 1], level=level)
    token.content = "</details>\n"
    return token


def _mark_fold_title(html: str, tokens: list[Token]) -> None:
    """Mark the paragraph a ``<summary>`` of ``html`` became (``meta[FOLD_TITLE]``): it titles its
    fold as a heading titles its section. Read as a paragraph, a README's Troubleshooting folds
    were one problem, each fold's title a remark between the steps of all of them."""
    found = _SUMMARY.search(html)
    before = html[: found.start()] if found else ""
    if found is None or (before.strip() and not _TAGS_ALONE.fullmatch(before)):
        return
    # Nothing is written before the summary: it is the first paragraph.
    if tokens and tokens[0].type == "paragraph_open":
        tokens[0].meta = {**(tokens[0].meta or {}), FOLD_TITLE: True}


# A topic's titled procedure opening an HTML block (Writerside's <procedure title="Clear a stale lock">),
# whose title the block's Markdown writes first (see indexer.html_blocks._TITLED_ELEMENTS).
PROCEDURE_TITLE = "kb_procedure_title"
_TITLED_PROCEDURE = re.compile(
    r"""\s*<procedure\b[^<>]*?(?<![\w:-])title\s*=\s*(?:"[^"<]*[^"<\s]|'[^'<]*[^'<\s])""", re.I
)


def _mark_procedure_title(html: str, tokens: list[Token]) -> None:
    """Mark the paragraph the title of a procedure that opens ``html`` became (``meta[PROCEDURE_TITLE]``):
    it names the steps under it, as a heading over them does. Read as a paragraph, it was one more line of
    what is seen, or of the cause over them, whose steps it took along."""
    if tokens and tokens[0].type == "paragraph_open" and _TITLED_PROCEDURE.match(html):
        tokens[0].meta = {**(tokens[0].meta or {}), PROCEDURE_TITLE: True}


# The tags of an HTML block of tags alone, and a tab component among them (Docusaurus' <TabItem>).
_TAGS_ALONE = re.compile(r"(?:\s*</?[A-Za-z][\w.:-]*\b[^<>]*>)+\s*")
_TAG = re.compile(r"<(/?)([A-Za-z][\w.:-]*)\b([^<>]*)>")
_TAB_VALUE = re.compile(r"\bvalue\s*=\s*" + _QUOTED_VALUE)


def tags_alone(html_block: str) -> bool:
    """Whether an HTML block is tags alone (``<div class="page-footer">``, ``</div>``), no text."""
    return "<" in html_block and bool(_TAGS_ALONE.fullmatch(html_block))


def _closes_tab(html_block: str) -> bool:
    """Whether an HTML block of tags alone closes a tab component (``</TabItem>``, ``</Tabs>``)."""
    if "</" not in html_block or not _TAGS_ALONE.fullmatch(html_block):
        return False
    return any(
        closing and name.lower() in _TAB_NAMES | {"tabs"} for closing, name, _ in _TAG.findall(html_block)
    )


def _component_tab_label(html_block: str) -> str:
    """The label of the tab an HTML block of tags alone opens last (``<Tabs>`` then
    ``<TabItem value="mac" label="macOS">``; Docusaurus labels a tab by its value when it has no
    label); "" for any other block. Read as HTML, the steps of a page's tabs ("macOS", then
    "Linux") were one procedure, both alternatives in a row."""
    if "<" not in html_block or not _TAGS_ALONE.fullmatch(html_block):
        return ""
    closing, name, attributes = _TAG.findall(html_block)[-1]
    if closing or name.lower() not in _TAB_NAMES:
        return ""
    named = _NAMED.search(attributes) or _TAB_VALUE.search(attributes)
    return named.group("value").strip()[:MAX_TAB_LABEL] if named else ""


def _heading_attributes(state: StateCore) -> None:
    """Every heading without the attributes written after its text (see without_heading_attributes)."""
    tokens = state.tokens
    for before, token in pairwise(tokens):
        if before.type == "heading_open" and token.type == "inline":
            token.content = without_heading_attributes(token.content)


# The classes pandoc gives an Org-mode heading's keyword and tags ("* TODO Replica lag :replication:"
# becomes "# [TODO]{.todo .TODO} Replica lag [[replication]{.smallcaps}]{.tag tag-name="replication"}"):
# where the task stands and how it is filed, no words of the problem's title, which was "TODO Replica lag
# replication".
_ORG_HEADING_MARKS = frozenset({"todo", "done", "tag"})


def _org_heading_marks(state: StateCore) -> None:
    """Every heading without the spans pandoc marks as an Org-mode keyword or tag (see _ORG_HEADING_MARKS)."""
    for before, token in pairwise(state.tokens):
        if (
            before.type != "heading_open"
            or token.type != "inline"
            or not any(map(_org_mark, token.children or []))
        ):
            continue
        kept: list[Token] = []
        depth = 0
        for child in token.children or []:
            if depth:
                depth += {"span_open": 1, "span_close": -1}.get(child.type, 0)
            elif _org_mark(child):
                depth = 1
            else:
                kept.append(child)
        # The words left, without the blanks the marks stood between.
        if kept and kept[0].type == "text":
            kept[0].content = kept[0].content.lstrip()
        if kept and kept[-1].type == "text":
            kept[-1].content = kept[-1].content.rstrip()
        token.children = kept


def _org_mark(token: Token) -> bool:
    """Whether ``token`` opens a span pandoc marks as an Org-mode heading's keyword or tag."""
    return token.type == "span_open" and bool(
        _ORG_HEADING_MARKS & set(str(token.attrs.get("class", "")).split())
    )


def without_heading_attributes(heading: str) -> str:
    """A heading's text without the attributes written after it (``## Symptoms {#symptoms}``): an id
    or a class is no word of its title, and "Symptoms {#symptoms}" named no part of a problem.
    JSONPath ("… for {.status.podIP}") is no attribute list: an attribute list's classes stand apart.
    Docsify's ``:id=`` (``## Uploads stall :id=uploads-stall``) is an id too."""
    return _heading_attributes_apart(heading)[0]


# An id among a heading's attributes: "#" at an attribute's start ("{#slow-checkout .tip}", "{.tip #slow-checkout}",
# attr_list's "{:#slow-checkout}"), with the dots _ATTRIBUTE lets an id hold: Google Docs' "{#h.q8x2kd4mzt1a}" gave "h".
_ID_ATTRIBUTE = re.compile(r"(?:(?<=[{ \t])|(?<=\{:))#([\w:-]+(?:\.[\w:-]+)*)")


def heading_id(heading: str) -> str:
    """The id a heading's text gives itself among its attributes (``## Slow checkout {#slow-checkout}``, as
    MkDocs' attr_list and Pandoc write it, or Docsify's ``:id=slow-checkout``), as
    without_heading_attributes reads them; "" for none."""
    attributes = _heading_attributes_apart(heading)[1]
    if attributes.startswith(":id="):
        return attributes.removeprefix(":id=")
    found = _ID_ATTRIBUTE.search(attributes)
    return found[1] if found else ""


def _heading_attributes_apart(heading: str) -> tuple[str, str]:
    """A heading's text without the attributes written after it, and those attributes ("{#symptoms .tip}",
    Docsify's ":id=symptoms"; "" for none): see without_heading_attributes."""
    tag = heading.rfind("{docsify-ignore")
    if _after_a_blank(heading, tag) and _DOCSIFY_IGNORE.match(heading, tag):
        heading = heading[:tag].rstrip(" \t")
    anchor = heading.rfind(":id=")
    if _after_a_blank(heading, anchor) and (docsify := _DOCSIFY_HEADING_ID.match(heading, anchor)):
        return heading[:anchor].rstrip(" \t") + heading[docsify.end() :], docsify[0]
    stripped = heading.rstrip()
    brace = stripped.rfind("{") if stripped.endswith("}") else -1
    if brace <= 0 or stripped[brace - 1] not in " \t" or not _HEADING_ATTRIBUTES.match(stripped, brace):
        return heading, ""
    return stripped[:brace].rstrip(), stripped[brace:]


def _after_a_blank(heading: str, at: int) -> bool:
    """Whether ``at`` (a find's result, -1 for none) is in ``heading`` after a blank, words before it."""
    return at > 0 and heading[at - 1] in " \t" and bool(heading[:at].strip())


def _alert_callouts(state: StateCore) -> None:
    """``> [!NOTE]`` block quotes (GitHub, Microsoft Learn) are call-outs, not quoted text."""
    for i, token in enumerate(state.tokens):
        if token.type != "blockquote_open" or i + 2 >= len(state.tokens):
            continue
        inline = state.tokens[i + 2]
        found = _ALERT.match(inline.content) if inline.type == "inline" else None
        if found is None:
            continue
        token.meta = {**(token.meta or {}), "callout": found.group(1).lower()}


# A Kramdown attribute line's classes ("{: .warning }"), and the call-out classes of Jekyll themes
# that are no directive name (just-the-docs' default "highlight" and "new"). "-title" marks a
# call-out whose first paragraph is its title ("{: .note-title }").
_IAL_CLASS = re.compile(r"\.([A-Za-z][\w-]*?)(?:-title)?(?=[\s}.])")
_CLASS_CALLOUTS = {"highlight": "note", "new": "note"}


def _class_callouts(state: StateCore) -> None:
    """A paragraph or quote after a Kramdown attribute line of a call-out class (``{: .note }``,
    ``{: .warning }``: just-the-docs' call-outs) is that call-out. Read as written, the warning's
    quote was taken for error text and the note's paragraph for a symptom or a step."""
    tokens = state.tokens
    out: list[Token] = []
    index = 0
    while index < len(tokens):
        token = tokens[index]
        out.append(token)
        index += 1
        if token.type != "kramdown_ial" or index >= len(tokens):
            continue
        names = (name.lower() for name in _IAL_CLASS.findall(token.content))
        kind = next(
            (_CLASS_CALLOUTS.get(n, n) for n in names if n in CALLOUT_NAMES or n in _CLASS_CALLOUTS), ""
        )
        following = tokens[index]
        if not kind or following.type not in ("paragraph_open", "blockquote_open"):
            continue
        if following.type == "blockquote_open":
            following.meta = {**(following.meta or {}), "callout": kind}
            continue
        # A paragraph is its opening, its inline text and its closing: wrapped, one level deeper.
        paragraph = tokens[index : index + 3]
        for part in paragraph:
            part.level += 1
        out.append(
            Token(
                "callout_open", "aside", 1, map=following.map, meta={"kind": kind}, level=following.level - 1
            )
        )
        out.extend(paragraph)
        out.append(Token("callout_close", "aside", -1, level=following.level - 1))
        index += 3
    state.tokens = out


# Wiki.js' call-out classes, on a line of their own right under a quote ("{.is-warning}"), and the
# kinds they show: the quote's last line, as markdown-it reads a line that follows a quote's paragraph.
_WIKIJS_CALLOUT = re.compile(r"\n[ \t]*\{[ \t]*\.is-(info|success|warning|danger)[ \t]*\}[ \t]*$")
_WIKIJS_KINDS = {"info": "info", "success": "tip", "warning": "warning", "danger": "danger"}


def _wikijs_callouts(state: StateCore) -> None:
    """A quote whose last line is a Wiki.js call-out class (``> Never purge the queue.`` then
    ``{.is-danger}``) is that call-out, without the class line. Read as a quote, its warning was
    taken for the problem's error text, or the last step's, the class shown with it."""
    tokens = state.tokens
    if not any(
        token.type == "inline" and "{" in token.content and ".is-" in token.content for token in tokens
    ):
        return
    opened: list[Token] = []
    for index, token in enumerate(tokens):
        if token.type == "blockquote_open":
            opened.append(token)
            continue
        if token.type != "blockquote_close" or not opened:
            continue
        opening = opened.pop()
        inline = tokens[index - 2]
        if tokens[index - 1].type != "paragraph_close" or inline.type != "inline":
            continue
        found = _WIKIJS_CALLOUT.search(inline.content)
        if found is None:
            continue
        inline.content = inline.content[: found.start()]
        opening.meta = {**(opening.meta or {}), "callout": _WIKIJS_KINDS[found.group(1)]}
        # The class line is no line of the quote's text, nor of the Markdown shown for it.
        for block in (tokens[index - 3], opening):
            if block.map:
                block.map = [block.map[0], block.map[1] - 1]


# An admonition's label cell as Asciidoctor's HTML, converted to Markdown, leaves it: the name of one
# of its five kinds, in bold or not, maybe after an icon ("**⚠️ WARNING**", "Note:").
_ADMONITION_LABEL = re.compile(r"[\W_]*(note|tip|important|caution|warning)[\W_]*", re.IGNORECASE)


def _admonition_tables(state: StateCore) -> None:
    """A table of one row of two cells, a call-out's kind then its text, is that call-out: Asciidoctor
    lays an admonition out as a table of its icon and its content, and Pandoc keeps the table. Read
    as a table, it was the text of the step before it, pipes and all."""
    tokens = state.tokens
    if not any(token.type == "table_open" for token in tokens):
        return
    out: list[Token] = []
    index = 0
    while index < len(tokens):
        token = tokens[index]
        admonition = _admonition_table(tokens, index) if token.type == "table_open" else None
        if admonition is None:
            out.append(token)
            index += 1
            continue
        index, kind, text = admonition
        level = token.level
        # The table's lines, but none of its paragraph's: its line of pipes is no call-out's Markdown
        # (see block_source).
        out.append(Token("callout_open", "aside", 1, map=token.map, meta={"kind": kind}, level=level))
        out.append(Token("paragraph_open", "p", 1, level=level + 1, block=True))
        out.append(Token("inline", "", 0, content=text, level=level + 2, children=[], block=True))
        out.append(Token("paragraph_close", "p", -1, level=level + 1, block=True))
        out.append(Token("callout_close", "aside", -1, level=level))
    state.tokens = out


def _admonition_table(tokens: list[Token], start: int) -> tuple[int, str, str] | None:
    """Of a table opening at ``start`` that :func:`_admonition_tables` reads as a call-out (two columns,
    no header text, one row whose first cell names an admonition's kind and whose second has text):
    the index past it, its kind and its text; else None."""
    cells: list[Token] = []
    for index in range(start + 1, len(tokens)):
        token = tokens[index]
        if token.type == "table_close":
            break
        if token.type == "inline":
            cells.append(token)
            if len(cells) > 4:
                return None
    else:
        return None
    if len(cells) != 4 or cells[0].content.strip() or cells[1].content.strip():
        return None
    kind = _ADMONITION_LABEL.fullmatch(cells[2].content.strip())
    text = cells[3].content.strip()
    if kind is None or not text:
        return None
    return index + 1, kind[1].lower(), text


# A PDF's page header or footer left on a line of its own by a conversion to Markdown: "Page 12 of 40"
# alone, or at either end of the line apart from the rest by a wide space or a spaced dash, bar or dot
# ("ACME Manual v3 — Confidential      Page 12 of 40"). In a sentence ("It stops at Page 2 of 5") it
# is what is seen.
_PAGE_NUMBER = r"(?:Page|PAGE)[ \t]+\d{1,4}[ \t]+(?:of|OF)[ \t]+\d{1,4}"
_PAGE_APART = r"(?:[ \t]{2,}|[ \t]+[\u00b7|\u2013\u2014-][ \t]+)"
_PDF_PAGE_LINE = re.compile(
    rf"[ \t]*(?:[^\n]{{1,120}}?{_PAGE_APART})?{_PAGE_NUMBER}(?:{_PAGE_APART}[^\n]{{1,120}}?)?[ \t]*"
)
_PAGE_NUMBER_ANYWHERE = re.compile(_PAGE_NUMBER)


def pdf_page_line(line: str) -> bool:
    """Whether ``line`` is a PDF's page header or footer (see _PDF_PAGE_LINE); its page number is looked
    for first, as a word in the text: nearly no line has one."""
    return ("Page" in line or "PAGE" in line) and _PDF_PAGE_LINE.fullmatch(line) is not None


def _has_pdf_page_line(source: str) -> bool:
    """Whether a line of ``source`` is a PDF's page header or footer: each page number's line is tried,
    not every line (a lazy match tried at every line's start took milliseconds a page)."""
    for found in _PAGE_NUMBER_ANYWHERE.finditer(source):
        start = source.rfind("\n", 0, found.start()) + 1
        end = source.find("\n", found.end())
        if _PDF_PAGE_LINE.fullmatch(source, start, len(source) if end < 0 else end):
            return True
    return False


# A word a PDF's line breaking split with a hyphen: a lower-case letter then the hyphen ending the line,
# and a lower-case letter opening the next ("running wa-" over "ter.").
_SPLIT_WORD_HEAD = re.compile(r"[a-z]-$")
_SPLIT_WORD_TAIL = re.compile(r"[a-z]\S*")


def _pdf_hyphenation(state: StateCore) -> None:
    """In a page converted from a PDF (its page headers or footers left in, see _PDF_PAGE_LINE), a word
    split by a hyphen at a line's end is one word again: the rest of it moves up to the line it opens
    ("wa-" over "ter." is "water." over nothing), so that the page's lines stay where they were. Read
    apart, "water" was no word of the text. A page written in Markdown keeps its line-end hyphens: an
    author's dash ("user flow-" over "do reach out") is no split word."""
    if not _has_pdf_page_line(state.src):
        return
    for token in state.tokens:
        children = token.children or []
        for head, brk, tail in zip(children, children[1:], children[2:], strict=False):
            if (
                head.type == "text"
                and brk.type == "softbreak"
                and tail.type == "text"
                and _SPLIT_WORD_HEAD.search(head.content)
                and (rest := _SPLIT_WORD_TAIL.match(tail.content))
            ):
                head.content = head.content[:-1] + rest.group()
                tail.content = tail.content[rest.end() :].lstrip()


# An inline tag: "</" for a closing one, its name, and "/>" where it closes itself.
_INLINE_TAG = re.compile(r"<(/?)([A-Za-z][\w-]*)\b[^<>]*?(/?)>", re.DOTALL)
# The tags written alone in a line of text that are HTML's all the same ("<br>", "<hr>").
_VOID_TAGS = frozenset({"br", "hr", "img", "wbr"})


def _text_file_placeholders(state: StateCore) -> None:
    """In a text file (``env[TEXT_FILE]``: a .txt note, a rendered man page), a tag that no closing tag
    pairs in its paragraph ("/etc/keys/<name>.asc", "lpstat -p <printer>") is a placeholder the author
    wrote, the text's own words: read as HTML, it was dropped ("/etc/keys/.asc"). A pair ("<kbd>Eject</kbd>")
    and a line break ("<br>") are still markup, as a note written in Markdown and saved as .txt has them."""
    if not state.env.get(TEXT_FILE):
        return
    for token in state.tokens:
        children = token.children or []
        tags = [
            (child, _INLINE_TAG.fullmatch(child.content)) for child in children if child.type == "html_inline"
        ]
        opened = {found[2].lower() for _, found in tags if found and not found[1]}
        closed = {found[2].lower() for _, found in tags if found and found[1]}
        for child, found in tags:
            if found is None or found[3] or found[2].lower() in _VOID_TAGS:
                continue
            # An opening tag is paired by a closing one of its name, a closing tag by an opening one.
            if found[2].lower() not in (opened if found[1] else closed):
                child.type = "text"


_SHORTCODE_ANYWHERE = re.compile(r"\{\{[<%][^{}\n]*[>%]\}\}")


def strip_shortcodes(text: str) -> str:
    """``text`` without Hugo shortcodes, which Hugo expands even inside code spans."""
    return _SHORTCODE_ANYWHERE.sub("", text) if "{{" in text else text


# The opening line of a labelled MDX component (<Step title="Add sharp">), in a step's source.
_SOURCE_COMPONENT_LABEL = re.compile(
    r"^([ \t]*)<(?:"
    + "|".join(_LABELLED_COMPONENTS)
    + r")\b[^<>\n]*?"
    + _LABEL_ATTRIBUTES
    + _QUOTED_VALUE
    + r"""[^<>\n]*>[ \t]*$""",
    re.IGNORECASE | re.MULTILINE,
)


# An MDX <Step> written on one line with its text, in a step's source (see _one_line_step): the text.
_SOURCE_ONE_LINE_STEP = re.compile(r"^([ \t]*)<Step\b[^<>\n]*>(.*?)</Step>[ \t]*$", re.MULTILINE)


# A tab component's tag alone on its line, in a step's source: an opening one's label (or value) is kept.
_SOURCE_TAB_TAG = re.compile(
    r"^([ \t]*)<(/?)(?:Tabs|TabItem|Tab)\b([^<>\n]*)>[ \t]*(?:\n|$)", re.IGNORECASE | re.MULTILINE
)


def _tab_tag_source(found: re.Match[str]) -> str:
    """A tab's opening tag as its label in bold, on its line; any other tab tag as nothing."""
    indent, closing, attributes = found.groups()
    named = None if closing else _NAMED.search(attributes) or _TAB_VALUE.search(attributes)
    return f"{indent}**{named.group('value').strip()}**\n" if named else ""


def with_ref_titles(text: str) -> str:
    """``text`` with each MyST {ref} role that names a target of its own over a heading, and has no words
    of its own, given that heading's title ({ref}`backup-schedule` → {ref}`Related: how backups are
    scheduled <backup-schedule>`), as Sphinx shows it; line for line. Read as it was, a step showed the
    target's label ("See backup-schedule.")."""
    if "{ref}`" not in text or ")=" not in text:
        return text
    titles = {
        found.group(1).strip(): title
        for found in _TARGET_HEADING.finditer(text)
        # A title that holds a role's marks ("`", "<") could not stand in one; one that holds emphasis or a
        # link ("Sizing **workers** for [long runs](https://…)") would show its Markdown raw in the role's words.
        if (title := without_heading_attributes(found.group(2)).strip().rstrip("#").strip())
        and not any(mark in title for mark in "`<>*[")
    }

    def titled(found: re.Match[str]) -> str:
        label = found.group(1).strip()
        return f"{{ref}}`{titles[label]} <{label}>`" if label in titles else found.group(0)

    if not titles:
        return text
    # Not in a fence: its code says what was written ("See {ref}`worker-sizing`." shown as MyST's syntax
    # in a step), and was rewritten to the heading's title.
    lines = text.split("\n")
    return "\n".join(
        line if fenced else _BARE_REF.sub(titled, line)
        for line, fenced in zip(lines, fenced_lines(lines), strict=True)
    )


def clean_markdown(source: str) -> str:
    """A step's Markdown source without the publishing tool's markup.

    Roles keep their text, MyST fences become plain fences (or lose their
    markers), shortcodes and attribute lists disappear, a step component's opening
    line is its title in bold, and so is a tab's label (its other tags are left out).
    """
    # Most steps hold none of this markup: each pattern is tried only on a text that holds what
    # any match of it must (most of them a "{").
    if "<" in source:
        source = _SOURCE_ONE_LINE_STEP.sub(r"\1\2", source)
        source = _SOURCE_COMPONENT_LABEL.sub(lambda m: f"{m.group(1)}**{m.group('value').strip()}**", source)
        source = _SOURCE_TAB_TAG.sub(_tab_tag_source, source)
    if ")=" in source:
        source = _SOURCE_TARGET.sub("", source)
    if "::" in source and _SOURCE_TAB_OPENING.search(source):
        source = _tab_openings_as_labels(source)
    if ":::" in source or "{" in source:
        source = _SOURCE_ALONE.sub("", source)
    if "{" in source:
        source = _SOURCE_ROLE.sub(_role_source, source)
        source = _SOURCE_INLINE.sub("", source)
        source = _SOURCE_ATTRIBUTES.sub(lambda m: m.group(1) or m.group(2), source)
        source = _callout_fences_as_quotes(source)
    if "==" in source:
        source = _highlights_as_bold(source)
    source = _admonitions_as_quotes(source)
    source = _content_tabs_as_labels(source)
    if "[" in source:
        source = _asciidoc_blocks_as_fences(source)
    if "{" in source:
        source = _SOURCE_MYST_FENCE.sub(
            lambda m: m.group(1) + _fence_language(m.group(2), m.group(3)), source
        )
    return source.strip()


def _tab_openings_as_labels(source: str) -> str:
    """``source`` with each line that opens a tab in colons (':::tab{title="Node.js"}', Archbee's
    '::tab{title="Node.js"}') as the tab's label in bold, and without the "::" lines that close the
    two-colon ones: left as written, a step's Markdown showed the directives and no label. Not in a fence,
    where a "::" line is a batch file's comment."""
    lines = source.split("\n")
    return "\n".join(
        line
        if fenced
        else _SOURCE_TAB_OPENING.sub(
            lambda m: f"{m.group(1)}**{_tab_label(m.group(2).lower(), m.group(3))}**", line
        )
        for line, fenced in zip(lines, fenced_lines(lines), strict=True)
        if fenced or not _SOURCE_TWO_COLON_CLOSE.fullmatch(line)
    )


def _highlights_as_bold(source: str) -> str:
    """``source`` with each highlight (see _HIGHLIGHT) in bold, as Markdown without the extension can show
    it; not in code, a span's or a fence's ("`a ==b== c`" is a comparison)."""
    lines = source.split("\n")
    return "\n".join(
        _SPAN_OR_HIGHLIGHT.sub(lambda m: m.group(0) if m.group(1) else f"**{m.group(2)}**", line)
        if not fenced and "==" in line
        else line
        for line, fenced in zip(lines, fenced_lines(lines), strict=True)
    )


def alert_quote(kind: str, body: str, indent: str = "") -> str:
    """A call-out as the ``> [!WARNING]`` quote every renderer here understands."""
    lines = [f"> [!{kind.upper()}]", *(f"> {line}".rstrip() for line in body.split("\n"))]
    return "\n".join(f"{indent}{line}" for line in lines)


def _asciidoc_blocks_as_fences(source: str) -> str:
    """Each AsciiDoc code block of ``source`` (see _ASCIIDOC_CODE_ATTRIBUTES) as a fence of its code,
    where it stood; closing lines found by a lookup, as in :func:`_callout_fences_as_quotes`."""
    lines = source.split("\n")
    closing: dict[str, list[int]] = defaultdict(list)
    for number, line in enumerate(lines):
        if _ASCIIDOC_DELIMITER.fullmatch(text := line.strip()):
            closing[text].append(number)
    if not closing:
        return source
    out: list[str] = []
    number = 0
    while number < len(lines):
        attributes = _ASCIIDOC_CODE_ATTRIBUTES.fullmatch(lines[number].strip())
        delimiter = lines[number + 1].strip() if number + 1 < len(lines) else ""
        candidates = closing.get(delimiter, []) if attributes else []
        after = bisect_right(candidates, number + 1)
        if not attributes or after == len(candidates):
            out.append(lines[number])
            number += 1
            continue
        end = candidates[after]
        indent = lines[number][: len(lines[number]) - len(lines[number].lstrip())]
        code = lines[number + 2 : end]
        # Longer than any run of backticks in the code, which would close it.
        fence = "`" * max([3, *(len(run) + 1 for line in code for run in _BACKTICKS.findall(line))])
        out += [f"{indent}{fence}{attributes.group(1) or ''}", *code, f"{indent}{fence}"]
        number = end + 1
    return "\n".join(out)


def _callout_fences_as_quotes(source: str) -> str:
    """Each whole call-out fence of ``source`` (its opening line, its body, the first line after it
    that is the same indentation and fence alone) as an alert quote, where it stood.

    Line by line, each closing line found by a lookup: a pattern that searched the rest of the
    source for each opening line without a closing one took the square of their number
    (160 KB of them, 38 s).
    """
    lines = source.split("\n")
    openers = {n: found for n, line in enumerate(lines) if (found := _SOURCE_CALLOUT_OPENER.fullmatch(line))}
    if not openers:
        return source
    closing: dict[str, list[int]] = defaultdict(list)
    for number, line in enumerate(lines):
        closing[line.rstrip(" \t")].append(number)
    out: list[str] = []
    number = 0
    while number < len(lines):
        opener = openers.get(number)
        candidates = closing.get(opener.group(1) + opener.group(2), []) if opener else []
        after = bisect_right(candidates, number)
        if opener is None or after == len(candidates):
            out.append(lines[number])
            number += 1
            continue
        end = candidates[after]
        indent, kind = opener.group(1), _callout_kind(opener.group(3).lower(), "")
        body = "\n".join(lines[number + 1 : end]).rstrip("\n").split("\n")
        body = [line[len(indent) :] if line.startswith(indent) else line.lstrip() for line in body]
        out.append(alert_quote(kind, "\n".join(body), indent))
        number = end + 1
    return "\n".join(out)


def _admonitions_as_quotes(source: str) -> str:
    """Each admonition of ``source`` (``!!! warning "Back up first"`` and the lines indented below
    it) as an alert quote where it stood, its title in bold. One pass over the lines."""
    if "!!!" not in source and "???" not in source:
        return source
    lines = source.split("\n")
    out: list[str] = []
    number = 0
    while number < len(lines):
        found = _SOURCE_ADMONITION.fullmatch(lines[number])
        if found is None:
            out.append(lines[number])
            number += 1
            continue
        indent, kind = found.group(1), _callout_kind(found.group(2).lower(), "") or "note"
        below, number = _indented_below(lines, number + 1, indent + "    ")
        # Blank lines after the body are the text's around it, not the body's. (Given back from
        # the title's own lines too, an admonition with a title and no body was read for ever.)
        while below and not below[-1].strip():
            below.pop()
            number -= 1
        title = [f"**{found.group(3)}**"] if found.group(3) else []
        body = [*title, "", *below] if title and below else title or below
        out.append(alert_quote(kind, "\n".join(body), indent))
    return "\n".join(out)


def _content_tabs_as_labels(source: str) -> str:
    """Each MkDocs content tab of ``source`` (``=== "Windows"`` and the lines indented below it) as
    its label in bold, then its content where the tab stood. One pass over the lines."""
    if "===" not in source:
        return source
    lines = source.split("\n")
    out: list[str] = []
    number = 0
    while number < len(lines):
        line = lines[number]
        found = _CONTENT_TAB.fullmatch(line.strip())
        number += 1
        if found is None:
            out.append(line)
            continue
        indent = line[: len(line) - len(line.lstrip())]
        out.append(f"{indent}**{found.group(1).strip()}**")
        below, number = _indented_below(lines, number, indent + "    ")
        out.extend(indent + text if text.strip() else "" for text in below)
    return "\n".join(out)


def _indented_below(lines: list[str], number: int, inner: str) -> tuple[list[str], int]:
    """The lines from ``number`` on that are indented by ``inner``, or blank, without that
    indentation (an admonition's or a tab's body), and the number of the line after them."""
    body: list[str] = []
    while number < len(lines) and (lines[number].startswith(inner) or not lines[number].strip()):
        body.append(lines[number][len(inner) :])
        number += 1
    return body, number


def _role_source(found: re.Match[str]) -> str:
    name, text = found.group(1).lower(), found.group(2).strip()
    if not text:
        return ""
    return text if name in _LINK_ROLES or name.startswith("external") else f"`{text}`"


def _fence_language(name: str, args: str) -> str:
    """The language a MyST fence's code is shown in: a code directive's own ("sql"), else console."""
    name = name.lower()
    if name in CALLOUT_NAMES or name in _TRANSPARENT_NAMES:
        return ""
    return args.split()[0] if name in _CODE_NAMES and args.split() else "console"


def token_meta(token: Any, key: str) -> Any:
    """``token.meta[key]`` or None, for tokens and tree nodes alike."""
    meta = getattr(token, "meta", None) or {}
    return meta.get(key)
