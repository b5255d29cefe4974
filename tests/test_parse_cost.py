"""Articles of a hostile but valid shape, under the size limit for one article, are read in seconds.

Each shape below once cost the reader the square of its size: the article's every line or
problem compared with all the ones before or after it, so that a few hundred kilobytes took
from 40 s to minutes and stalled `kb index`. Each test indexes one such article with the real
build_index into tmp_path and checks the problems and steps it gives, within a bound of CPU
time well above what it costs now (a few seconds, mostly Markdown parsing) and well below what
it cost then. The bound is no benchmark: what is tested is that indexing does not stall.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from live import cpu_budget
from markdown_it import MarkdownIt
from markdown_it.tree import SyntaxTreeNode

from api.knowledge import KnowledgeBase
from indexer import markdown_article, messages, openings
from indexer.bbcode_text import bbcode_markdown
from indexer.build import build_index
from indexer.creole_text import creole_markdown
from indexer.html_article import html_as_markdown
from indexer.ibmi_text import message_description_markdown
from indexer.markup import markdown_parser
from indexer.mediawiki_text import mediawiki_markdown
from indexer.parse import MAX_HEADINGS, MAX_PROBLEMS_PER_ARTICLE, MAX_STEPS_PER_PROBLEM, parse_article
from indexer.pod_text import pod_markdown
from indexer.posts import listed_comments
from indexer.roff_text import roff_markdown
from indexer.tiddlywiki_text import tiddlywiki_markdown
from indexer.trac_text import trac_markdown
from indexer.usenet_text import usenet_markdown
from indexer.vms_help_text import vms_help_markdown
from indexer.xwiki_text import xwiki_markdown
from indexer.zim_text import zim_markdown

pytestmark = pytest.mark.slow

# Seconds of CPU. Each article here costs 0.3 to 7 s now (the Markdown ones most, a few thousand
# problems each); the quadratic readers took 38 s (bold-questions.md) to over 160 s (sentences.txt).
CPU_BOUND = 20.0


def repeated(head: str, unit: Callable[[int], str], size: int) -> tuple[str, int]:
    """``head`` then ``unit(0)``, ``unit(1)`` … up to ``size`` characters; and how many units."""
    parts, total = [head], len(head)
    while total < size:
        parts.append(unit(len(parts) - 1))
        total += len(parts[-1])
    return "".join(parts), len(parts) - 1


Steps = list[tuple[str | None, str, str]]


@dataclass
class Shape:
    """A hostile article: its file name, its head, the unit repeated after it and its size."""

    name: str
    head: str
    unit: Callable[[int], str]
    size: int
    # What the article of ``n`` units reads as: each problem's title and its steps' (group, number, text).
    expected: Callable[[int], list[tuple[str, Steps]]]


FLAT_HEAD = "Symptoms: The sync agent stops.\nResolution:\n"
FLAT_TITLE = "The sync agent stops"
SHAPES = [
    # Each line of a resolution looked ahead through the rest of the article for a step or the
    # next "Symptoms:": 120 KB took 108 s, 240 KB over 120 s.
    Shape(
        "sentences.txt",
        FLAT_HEAD,
        lambda n: "Do a.\n",
        240_000,
        lambda n: [(FLAT_TITLE, [(None, str(i), "Do a.") for i in range(1, n + 1)])],
    ),
    # Each step counted the steps before it for its number: 100 KB took 16 s.
    Shape(
        "bullets.txt",
        FLAT_HEAD,
        lambda n: "- Do a.\n",
        240_000,
        lambda n: [(FLAT_TITLE, [(None, str(i), "Do a.") for i in range(1, n + 1)])],
    ),
    # Each lead-in after a group's lead-in looked through all the steps for one of that group:
    # over 4 minutes at 1 MB. ("Check 1:" after a step opens a group, "Then:" only introduces it.)
    Shape(
        "lead-ins.txt",
        FLAT_HEAD,
        lambda n: f"Check {n}:\nThen:\n- Do a.\n",
        500_000,
        lambda n: [(FLAT_TITLE, [(f"Check {i}" if i else None, "1", "Do a.") for i in range(n)])],
    ),
    # Every problem kept was compared field by field with every other: 500 KB took 41 s.
    Shape(
        "bold-questions.md",
        "# Sync questions\n\n",
        lambda n: f"**Why does sync {n} fail?**\n\nRestart agent {n}.\n\n",
        500_000,
        lambda n: [(f"Why does sync {i} fail?", [(None, "1", f"Restart agent {i}.")]) for i in range(n)],
    ),
    # The same, for a troubleshooting list of labelled items: 1 MB took over 120 s.
    Shape(
        "faq-list.md",
        "# Sync FAQ\n\n## Troubleshooting\n\n",
        lambda n: f"- **Sync {n} stops**: restart it.\n",
        300_000,
        lambda n: [(f"Sync {i} stops", [(None, "1", "restart it.")]) for i in range(n)],
    ),
    # The same, for error headings: 830 KB took 100 s.
    Shape(
        "error-sections.md",
        "# Sync errors\n\n",
        lambda n: f"## Error: sync {n} failed\n\nRestart agent {n}.\n\n",
        450_000,
        lambda n: [(f"Error: sync {i} failed", [(None, "1", f"Restart agent {i}.")]) for i in range(n)],
    ),
    # Each part label of a run that opens no entry asked the whole run again for a fix: 19,000
    # "**Symptom:**" labels (470 KB) took 21 s.
    Shape(
        "symptom-labels.md",
        "# Sync\n\n",
        lambda n: "**Symptom:** It stops.\n\n",
        470_000,
        lambda n: [("Sync", [])],
    ),
    # As many as the heading limit lets through, each read (then refused for its problems).
    Shape(
        "error-sections-read.md",
        "# Sync errors\n\n",
        lambda n: f"## Error: sync {n} failed\n\nRestart agent {n}.\n\n",
        200_000,
        lambda n: [(f"Error: sync {i} failed", [(None, "1", f"Restart agent {i}.")]) for i in range(n)],
    ),
]


@pytest.mark.parametrize("shape", SHAPES, ids=[s.name for s in SHAPES])
def test_a_hostile_article_is_indexed_with_all_its_problems_and_steps(shape: Shape, tmp_path: Path) -> None:
    text, units = repeated(shape.head, shape.unit, shape.size)
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / shape.name).write_text(text, encoding="utf-8")
    with cpu_budget(CPU_BOUND):
        # allow_empty: an article refused below is the folder's only one, and an index is still wanted.
        report = build_index([tmp_path / "articles"], tmp_path / "kb.db", allow_empty=True)
    expected = shape.expected(units)
    too_long = [(title, steps) for title, steps in expected if len(steps) > MAX_STEPS_PER_PROBLEM]
    if too_long:
        # Read whole, then refused: more steps than an answer carries. The count says all were read.
        [(title, steps)] = too_long[:1]
        [warning] = report.warnings
        assert f"problem {title!r} has {len(steps)} steps, over the limit" in warning.message
        return
    headings = sum(1 for line in text.splitlines() if line.startswith("#"))
    if headings > MAX_HEADINGS:
        # Refused before it is read: more sections than any article has (the reading of as
        # many as the limit allows is timed by the shapes that stay under it).
        [warning] = report.warnings
        assert f"{headings} headings, over the limit" in warning.message
        return
    if len(expected) > MAX_PROBLEMS_PER_ARTICLE:
        # Read whole, then refused: more problems than its page carries. The count says all were read.
        [warning] = report.warnings
        assert f"{len(expected)} problems, over the limit" in warning.message
        return
    assert [str(w) for w in report.warnings] == []
    article = KnowledgeBase(tmp_path / "kb.db").article(Path(shape.name).stem)
    read = [(p.title, [(s.group, s.number, s.text) for s in p.steps]) for p in article.problems]
    assert read == expected


def test_lists_of_conditions_before_a_fix_are_read_in_linear_time(tmp_path: Path) -> None:
    # Each list of conditions looked through the rest of its section for a list of steps (is the
    # list the problem, or the step?): 120 KB took 100 s.
    units = 1_500
    text = (
        "# Sync prompts\n\n## Sync asks again\n\n"
        + "".join(f"Users see prompt {i} when:\n\n- they are away\n- they are new\n\n" for i in range(units))
        + "1. Register the device.\n"
    )
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "conditions.md").write_text(text, encoding="utf-8")
    with cpu_budget(CPU_BOUND):
        report = build_index([tmp_path / "articles"], tmp_path / "kb.db")
    assert report.warnings == []
    [problem] = KnowledgeBase(tmp_path / "kb.db").article("conditions").problems
    assert [(s.number, s.text) for s in problem.steps] == [("1", "Register the device.")]
    assert problem.symptoms.count(" when:") == units


@pytest.mark.parametrize(
    "article",
    [
        # A code span among the symptoms is read as a possible message: "BUG: …" is one.
        "# Agent\n\n## Symptoms\n\nThe agent stops.\n\n`{capitals} B`\n\n## Resolution\n\n1. Restart the agent.\n",
        # One right after "the following error" among the steps.
        "# Agent\n\n## Hook error\n\nIf you encounter the following error, the hook is gone.\n\n`{capitals}`\n\n"
        "1. Restart the agent.\n",
    ],
    ids=["symptoms", "steps"],
)
def test_a_long_run_of_capitals_in_a_code_span_is_read_in_linear_time(article: str, tmp_path: Path) -> None:
    """Telling a severity tag ("BUG: found a second engine") took the square of a run of
    capitals: 100,000 of them in one code span, 18 s."""
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "agent.md").write_text(article.format(capitals="A" * 300_000), encoding="utf-8")
    with cpu_budget(CPU_BOUND):
        build_index([tmp_path / "articles"], tmp_path / "kb.db")
    [problem] = KnowledgeBase(tmp_path / "kb.db").article("agent").problems
    assert [s.text for s in problem.steps][-1] == "Restart the agent."


def test_a_page_of_many_lists_of_attached_files_is_read_in_linear_time(tmp_path: Path) -> None:
    """16,000 help-centre lists of attached files (800 KB): whether each is headed was decided by
    reading the rest of the page, 39 s, before the page was refused for its length."""
    page = (
        "<html><body><h1>Sync</h1><p>Sync fails.</p><h2>Resolution</h2><ol><li>Restart.</li></ol>"
        + '<div class="attachments"><ul><li>a</li></ul></div>' * 16_000
        + "</body></html>"
    )
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "attachments.html").write_text(page, encoding="utf-8")
    with cpu_budget(CPU_BOUND):
        report = build_index([tmp_path / "articles"], tmp_path / "kb.db", allow_empty=True)
    [warning] = report.warnings
    assert "lines of text, over the limit" in warning.message


def test_a_page_of_folds_of_many_summaries_is_read_in_linear_time() -> None:
    # 16 folds of 60 KB, each of 1,700 summaries over a line of code (about 1 MB): each summary looked
    # through the rest of its fold for whether it holds code only, 5 s for 360 KB. The page's reading
    # alone: its 27,000 summaries and their code are over the limit of lines for one article.
    fold = "<details>" + "<summary>Code</summary><pre>a</pre>" * 1_700 + "</details>"
    page = (
        "<html><body><h1>Sync</h1><p>It fails.</p>" + fold * 16 + "<ol><li>Restart.</li></ol></body></html>"
    )
    with cpu_budget(5.0):
        read = html_as_markdown(page, page=True)
    assert read is not None
    assert read[0].startswith("# Sync\n\nIt fails.\n\n**Code**\n\n```\na\n```\n")


# Shapes that cost the reader the square (or the cube) of one run of a character: each is far
# under the size limit, and took from 25 s to minutes before it was read in linear time.
RUNS = {
    # A troubleshooting item labelled with a code span of 16,000 backticks (32 KB): 115 s, from
    # a label pattern with a back-reference.
    "label.md": (
        "# Sync\n\n## Troubleshooting\n\n-\n  " + "`" * 16_000 + "a: b ` c\n  d" + "`" * 16_000 + ": fix it\n"
        "- `sync: quota exceeded`: raise the quota\n",
        "sync: quota exceeded",
    ),
    # 16,000 call-out fences that never close, in a step (160 KB): 38 s, each searching the rest.
    "callouts.md": (
        "# Sync\n\n## Resolution\n\n1. Restart.\n\n~~~~\n" + "```{note}\n" * 16_000 + "~~~~\n",
        "Sync",
    ),
    # Ten tables of 256 columns (90 KB): markdown-it fills each out to 65,536 cells; 3.6 s a table.
    "wide-tables.md": (
        "# Sync\n\n## Symptoms\n\n"
        + ("|a" * 256 + "|\n" + "|-" * 256 + "|\n" + "x\n" * 256 + "\n") * 10
        + "## Resolution\n\n1. Restart.\n",
        "Sync",
    ),
    # One paragraph of 1 MB of "@": 25 s, the MyST role rule copying the rest at each of them.
    "at-signs.md": (
        "# Sync\n\n## Symptoms\n\n" + "@" * 1_000_000 + "\n\n## Resolution\n\n1. Restart.\n",
        "Sync",
    ),
    # One paragraph of 1 MB of "{": about 35 s (1 MB of Hugo's "{{< " took 27 s), the same rule
    # tried at braces only but still copying the rest at each of them.
    "braces.md": (
        "# Sync\n\n## Symptoms\n\n" + "{" * 1_000_000 + "\n\n## Resolution\n\n1. Restart.\n",
        "Sync",
    ),
    # A Pandoc div's opening line of 200 KB of a class never closed: 89 s, its pattern trying each
    # split of the class and what follows it.
    "pandoc-div.md": ("# Sync\n\n## Resolution\n\n1. Restart.\n\n::: {." + "1" * 200_000 + "\n", "Sync"),
    # A line that opens an MDX component and never closes it (256 KB): minutes, the one-line
    # component pattern trying every split of its text.
    "component.md": ("# Sync\n\n## Resolution\n\n1. Restart.\n\n<Note>" + "a" * 256_000 + "\n", "Sync"),
    # A heading of 256 KB of "#" then a word, in HTML: minutes, the permalink pattern tried from each mark.
    "permalink.html": (
        "<html><body><h1>Sync</h1><h2>" + "#" * 256_000 + "x</h2><p>It fails.</p><ol><li>Restart.</li></ol>",
        "Sync",
    ),
    # A numbered step's line of 256 KB of spaces then a word: minutes, the hard-break pattern tried
    # from each space.
    "hard-break.md": (
        "# Sync\n\n## Resolution\n\nStep 1: Open" + " " * 256_000 + "x\nStep 2: Close it.\n",
        "Sync",
    ),
    # A FAQ answer of backtick runs of growing length (300 KB): over an hour, a code-span pattern
    # trying every split of each run.
    "backtick-runs.md": (
        "# Sync\n\n## FAQ\n\n### Why does sync stop?\n\nThe agent cannot reach it. Restart it "
        + "".join("`" * j + "a" for j in range(1, 775))
        + " now.\n",
        "Why does sync stop?",
    ),
    # A heading of 500 KB of spaces that ends in "}": minutes, an attribute pattern tried from each space.
    "heading-spaces.md": (
        "# Sync" + " " * 500_000 + "b}\n\n## Symptoms\n\nIt stops.\n\n## Resolution\n\n1. Restart.\n",
        "Sync b}",
    ),
    # Pandoc's tables are read by their lines of "+", "-" and spaces (indexer.pandoc_tables): a line
    # of 1 MB of each, a grid table's border of 500,000 columns and a simple table's dashes under a
    # header, is looked at once, and is no table.
    "grid-border.md": ("# Sync\n\n## Resolution\n\n1. Restart.\n\n" + "+-" * 500_000 + "+\n", "Sync"),
    "dashes.md": (
        "# Sync\n\n## Resolution\n\n1. Restart.\n\nCode Message\n" + "-" * 1_000_000 + "\n",
        "Sync",
    ),
    "dash-columns.md": (
        "# Sync\n\n## Resolution\n\n1. Restart.\n\nCode Message\n" + "-- " * 330_000 + "\nE-1 Stopped\n",
        "Sync",
    ),
    # A line of 1 MB of Document360 call-out openers, and one whose title never closes: each matched
    # from its first parenthesis, the title's end found once.
    "document360-openers.md": (
        "# Sync\n\n## Resolution\n\n1. Restart.\n\n" + ":::(" * 250_000 + "\n",
        "Sync",
    ),
    "document360-title.md": (
        "# Sync\n\n## Resolution\n\n1. Restart.\n\n:::(Warning) (" + ")x" * 400_000 + "\n",
        "Sync",
    ),
    # 8,000 fields of an HTML page, each a label element naming a part then its value (520 KB): each
    # label kept once as it is written, and all of them read once at the end.
    "field-labels.html": (
        "<html><body><h1>Sync</h1>"
        + '<div><span class="f-label">Cause</span><div>It fails.</div></div>' * 8_000
        + "<ol><li>Restart.</li></ol></body></html>",
        "Sync",
    ),
    # 8,000 field lists of a problem's part (Sphinx's "Cause:" fields, 560 KB): each written once, at the end.
    "field-lists.html": (
        "<html><body><h1>Sync</h1>"
        + '<dl class="field-list"><dt>Cause:</dt><dd><p>It fails.</p></dd></dl>' * 8_000
        + "<ol><li>Restart.</li></ol></body></html>",
        "Sync",
    ),
    # An element's class of one 256 KB word ending in "-comments"-like dashes, an id of as many, and a
    # link's role of as many spaces: each class name and attribute read once.
    "comment-classes.html": (
        '<html><body><h1>Sync</h1><div class="'
        + "-" * 256_000
        + 'attachments x" id="'
        + "_" * 256_000
        + 'comment"><a role="'
        + " " * 256_000
        + '">Follow</a></div><ol><li>Restart.</li></ol></body></html>',
        "Sync",
    ),
    # Microdata's tag of 25,000 style attributes that never say display:none (200 KB): each attribute's
    # value searched to the tag's end for it, 76 s for 160 KB.
    "style-attributes.html": (
        "<html><body><h1>Sync</h1><p>It fails.</p><span itemprop=x data-none=1 "
        + "style=a " * 25_000
        + ">y</span><ol><li>Restart.</li></ol></body></html>",
        "Sync",
    ),
    # A quote's line of Obsidian call-out markers, as many as an article may hold (180 KB): read from
    # its first marker.
    "alert-markers.md": ("# Sync\n\n> " + "[!" * 90_000 + "\n\n## Resolution\n\n1. Restart.\n", "Sync"),
    # 6,000 call-outs titled by a part, one after another, each unwrapped in one pass over the page.
    "part-alerts.md": ("# Sync\n\n" + "> [!bug] Symptom\n> It stops.\n\n" * 6_000, "Sync"),
    # A line of 650 KB of properties between bars under the title, then 9,000 paragraphs of
    # properties beside a field of the page: each paragraph read once as the run goes.
    "property-bars.md": (
        "# Sync\n\n"
        + "Product: x | " * 50_000
        + "Version: 2\n\n**Owner:** me\n\n"
        + "**Severity:** P2\n\n" * 9_000
        + "## Resolution\n\n1. Restart.\n",
        "Sync",
    ),
    # 3,000 call-outs titled by a part, then 3,000 warnings and tags after each: each block asked once.
    "part-alerts-then-warnings.md": (
        "# Sync\n\n"
        + "> [!bug] Symptom\n> It stops.\n\n" * 3_000
        + "> [!warning]\n> Careful.\n\n#sync\n\n" * 3_000,
        "Sync",
    ),
    # A paragraph of 1 MB of tags under the title, and one of 900 KB of
    # links to related pages that a word ends (as many links as an article may hold).
    "tags.md": ("# Sync\n\n" + "#a/b " * 200_000 + "\n\n## Resolution\n\n1. Restart.\n", "Sync"),
    "related-links.md": (
        "# Sync\n\nRelated: " + "[[on-call handbook]], " * 40_000 + "x\n\n## Resolution\n\n1. Restart.\n",
        "Sync",
    ),
    # A page written on one line (900 KB), 900 problems of paragraphs that open with a part's label:
    # each read from its own Markdown, not from that line (27 s).
    "part-labels.html": (
        "<html><body><h1>Sync</h1>"
        + ("<h2>Sync fails</h2><p><b>Cause:</b> " + "It fails. " * 90 + "</p><p><b>Fix:</b> Restart.</p>")
        * 900
        + "</body></html>",
        "Sync fails",
    ),
    # 900 messages of a reference written as a definition list on one line, each a heading, after a
    # term of 100,000 backtick runs (250 KB).
    "message-terms.html": (
        "<html><body><h1>Sync</h1><dl><dt><code>"
        + "`a" * 100_000
        + "</code></dt><dd>x</dd></dl><dl>"
        + "<dt>QX-101: it fails</dt><dd><p>Cause: It fails.</p><p>Action: Restart.</p></dd>" * 900
        + "</dl></body></html>",
        "QX-101: it fails",
    ),
    # An error section of one paragraph that quotes its message, then 100,000 sentences that tell
    # nothing to do (1 MB), looked through for an instruction.
    "shown-paragraph.md": (
        "# Sync\n\n## `E42: sync failed`\n\n```\nE42: sync failed\n```\n\n1. Restart.\n\n"
        "## Sync errors\n\nIf sync stops with `E43: quota exceeded`, the quota is low. "
        + "It is. " * 100_000
        + "\n",
        "Sync errors",
    ),
    # 450 references of two messages under one heading, a paragraph after each (100 KB): each
    # paragraph moved before its list's messages.
    "messages-then-text.html": (
        "<html><body><h1>Sync</h1>"
        + (
            "<dl><dt>QX-101: it fails</dt><dd>Action: Restart.</dd><dt>QX-102: it stops</dt><dd>Action: Retry.</dd>"
            "</dl><p>More messages follow.</p>"
        )
        * 450
        + "</body></html>",
        "QX-101: it fails",
    ),
    # A problem's opening of 2,000 checks ("Run:" over a failure printed) and 2,000 paragraphs of
    # what they find (1 MB), before its fix.
    "checks.md": (
        "# Sync\n\n## Sync stuck\n\n"
        + ("Run:\n\n```\nE42: sync failed\n```\n\n" + "The quota is low. " * 25 + "\n\n") * 2_000
        + "**Fix:** restart.\n",
        "Sync stuck",
    ),
    # 900 FAQ entries whose marked question asks nothing, alone, each looking at the answer mark of
    # the paragraph of 200 words after it (760 KB).
    "faq-marks.md": (
        "# Sync\n\n" + ("**Q:** Sync stops at once.\n\nA: Restart it." + " now" * 200 + "\n\n") * 900,
        "Sync stops at once.",
    ),
    # A text fix's sentence wrapped onto 12,000 lines (900 KB), each joined to it; and 5,000 part labels
    # alone on their lines, without colons.
    "wrapped.txt": (
        "Sync stops\n\nSymptoms: Sync stops.\nResolution:\nIf it still fails, restart the agent and wait for the\n"
        + "queue to drain on the print server before you restart the agent again and\n" * 12_000
        + "again.\n"
        + "CAUSE\nRESOLUTION\n" * 2_500,
        "Sync stops",
    ),
    # A text email's lines of 250 KB each: dashes as a reply's marker has them, three words of a greeting
    # with no comma, and a fix's label that says when it applies with no colon.
    "email.txt": (
        "Sync stops\n\nSymptoms: Sync stops.\nResolution:\n1. Restart.\n\n"
        + "-" * 250_000
        + "\n\n"
        + ("a" * 80_000 + " ") * 3
        + "\n\nWorkaround if "
        + "x" * 250_000
        + "\n",
        "Sync stops",
    ),
    # An email's lines that only begin as its headers do ("subject", "from" and "to", then 100 KB of
    # spaces and no colon), 20,000 greetings over a name, and 900 over a numbered line (1 MB).
    "email-headers.txt": (
        "Subject: Sync stops\n\nSymptoms: Sync stops.\nResolution:\n1. Restart.\n\n"
        + ("subject" + " " * 100_000 + "x\nfrom" + " " * 100_000 + "x\nto" + " " * 100_000 + "x\n\n")
        + "Hi team,\nDana Lee\n\n" * 20_000
        + "Hi team,\n1. Restart.\n\n" * 900,
        "Sync stops",
    ),
    # 3,900 quotes that open with advice labels, each after a paragraph of 100 words ending in a colon,
    # 900 of them in list items (900 KB): each asked once whether the paragraph before introduces it.
    "introduced-quotes.md": (
        "# Sync\n\n## Symptoms\n\nIt fails.\n\n## Resolution\n\n1. Restart.\n\n"
        + ("a " * 100 + "shows:\n\n> Note: x\n\n") * 3_000
        + ("- " + "a " * 100 + "shows:\n\n  > Uwaga: x\n") * 900,
        "Sync",
    ),
    # What a check finds, asked whether it says what people see: 250,000 "you" (1 MB) and a word of
    # 200 KB after one.
    "check-seen.md": (
        "# Sync\n\n## Sync stuck\n\nRun:\n\n```\nE42: sync failed\n```\n\nThe quota is "
        + "you " * 200_000
        + "you "
        + "a" * 200_000
        + " low.\n\n**Fix:** restart.\n",
        "Sync stuck",
    ),
    # An error section of one paragraph that quotes its message, then 40,000 sentences that only point
    # elsewhere (1 MB), each looked at as an instruction and passed over.
    "pointers.md": (
        "# Sync\n\n## `E42: sync failed`\n\n```\nE42: sync failed\n```\n\n1. Restart.\n\n"
        "## Sync errors\n\nIf sync stops with `E43: quota exceeded`, the quota is low. "
        + "Click here to learn more. " * 40_000
        + "\n",
        "Sync errors",
    ),
    # 900 steps that end in ":" over a part's name, and a step of 900 KB of spaces ending in ":" (1 MB):
    # the line above each part's name asked whether it is such a step.
    "step-values.txt": (
        "Sync stops\n\nSymptoms: Sync stops.\n\nResolution:\n"
        + "- Open the page:\nRecovery\n" * 900
        + "1."
        + " " * 900_000
        + "x:\nRecovery\n",
        "Sync stops",
    ),
    # 50,000 short lines after a fix's step (950 KB), each a group's name that the next one, with no
    # step under it, turns back into the fix's text.
    "short-lines.txt": (
        "Sync stops\n\nSymptoms: Sync stops.\n\nResolution:\n1. Restart.\n\n"
        + "Restart the agent\n\n" * 50_000,
        "Sync stops",
    ),
    # A tech note's problem, opened by its "Cause" label under a line a log printed (a word of 100 KB),
    # whose first step shows 12,000 lines of a command's output indented under it (240 KB), each joined
    # to it once; then, past its fix, 40,000 lines of text under a heading and 40,000 "Cause" labels
    # alone (520 KB), the text read once for a line a log printed, not once for each label.
    "logged-problems.txt": (
        "Sync stops\n\nSyslog:\n\n%SYNC-3-STOP: quota "
        + "4" * 100_000
        + "\n\nIt stops.\n\nCause\nQuota.\n\nSolution\n1. Restart:\n     agentctl restart\n"
        + "     queue drained\n" * 12_000
        + "2. Wait.\n\nSync stalls\n\n"
        + "".join(f"x{n}.\n" for n in range(40_000))
        + "Cause\n" * 40_000
        + "\nSymptoms: It stalls.\n\nResolution:\n1. Restart.\n",
        "x0",
    ),
    # A note after a text fix's steps wrapped onto 22,000 lines (930 KB), each joined to it once.
    "notes.txt": (
        "Sync stops\n\nSymptoms: Sync stops.\n\nResolution:\n1. Restart.\n\nNOTE: the agent\n"
        + "may take a while to drain the queue again\n" * 22_000,
        "Sync stops",
    ),
    # Sentences that begin as one saying what the cause is, and never say it: a paragraph of the symptoms
    # that opens "The cause of this" over 200 KB of words, and a line of the fix of 15,000 of them (800 KB).
    "cause-sentences.txt": (
        "Sync stops\n\nSymptoms: Sync stops.\n\nThe cause of this "
        + "a " * 100_000
        + "\n\nResolution:\n"
        + ("x. the cause of this " + "a " * 15 + "z ") * 15_000
        + "\n",
        "Sync stops",
    ),
    # A FAQ's 900 numbered questions answered by their numbers, and one answered by "A" then 900 KB of
    # spaces, whose mark is looked for in the paragraph's text and in its Markdown.
    "numbered-answers.md": (
        "# Sync\n\n"
        + "".join(f"Q{n}. Sync {n} stops.\nA{n}. Restart agent {n}.\n\n" for n in range(900))
        + "Q7. Sync stops at once.\nA"
        + " " * 900_000
        + "7. Restart it.\n",
        "Sync 5 stops.",
    ),
    # 20,000 blocks of buttons' words alone (1 MB) after 20 fields that name no part, on a page of
    # two parts.
    "buttons.html": (
        '<html><body><h1>Sync</h1><span class="x-label">Symptoms</span><p>It fails.</p>'
        '<span class="x-label">Resolution</span><ol><li>Restart.</li></ol>'
        + '<span class="x-label">Products</span><p>Sync</p>' * 20
        + "<div><button>Yes</button><button>No</button></div>" * 20_000
        + "</body></html>",
        "Sync",
    ),
    # Quotation marks of other languages never closed: a paragraph about a message of 1,200 „ each
    # before 299 letters (360 KB), and a heading of 100,000 « then 100,000 「 (500 KB), each read for
    # what they quote.
    "quote-marks.md": (
        "# Sync\n\n## Sync fails\n\nThe message says "
        + ("\u201e" + "a" * 299) * 1_200
        + "\n\n## Błąd "
        + "\u00ab" * 100_000
        + "\u300c" * 100_000
        + "\n\nIt fails.\n",
        "Sync fails",
    ),
    # A quote that opens with 130,000 bold advice labels of other languages (900 KB), read for its call-out kind.
    "advice-labels.md": (
        "# Sync\n\n## Objawy\n\nIt fails.\n\n## Rozwiązanie\n\n1. Restart.\n\n> **Ważne "
        + "注意 " * 130_000
        + "**\n",
        "Sync",
    ),
    # Word's list paragraphs (1 MB): 4,000 items that go from level 1 to level 8 and back, each
    # opening and closing seven lists; then an item whose number's span holds 50,000 spans never closed.
    "word-lists.html": (
        "<html><body><h1>Sync</h1><h2>Resolution</h2><p>Restart.</p><h2>Versions</h2>"
        + (
            "<p style='mso-list:l0 level1 lfo1'><span style='mso-list:Ignore'>1.</span>Restart.</p>"
            "<p style='mso-list:l0 level8 lfo1'><span style='mso-list:Ignore'>a.</span>Retry.</p>"
        )
        * 4_000
        + "<p style='mso-list:l0 level1 lfo1'><span style='mso-list:Ignore'>"
        + "<span>" * 50_000
        + "</p></body></html>",
        "Sync",
    ),
    # A paragraph of 15,000 fixed-width font elements never closed, a word in each, then 7,000
    # paragraphs of such a font, one code block (1 MB).
    "fixed-fonts.html": (
        "<html><body><h1>Sync</h1><h2>Resolution</h2><p>Restart.</p><h2>Log</h2><p>"
        + "<span style='font-family:Courier'>a " * 15_000
        + "</p>"
        + "<p><span style='font-family:Courier'>E42: sync failed</span></p>" * 7_000
        + "</body></html>",
        "Sync",
    ),
    # A stylesheet of 100,000 comments left open and 8,000 rules for classes, then 8,000 paragraphs
    # classed as a title that none closes and 8,000 runs of those classes (900 KB).
    "class-styles.html": (
        "<html><head><style>"
        + "/*" * 100_000
        + "*/"
        + "".join(f".c{n}{{font-weight:700;font-family:monospace}}" for n in range(8_000))
        + "</style></head><body>"
        + "<p class='x title' " * 8_000
        + "><h1>Sync</h1><h2>Resolution</h2><p>Restart "
        + "".join(f"<span class='c{n} c1'>a</span>" for n in range(8_000))
        + "</p></body></html>",
        "Sync",
    ),
    # A fix section's paragraph of 1 MB of "fixed in " and no release number, above a Workaround's
    # steps: only its opening is read for the release that fixes the problem.
    "fixed-in.md": (
        "# Sync\n\n## Resolution\n\n" + "fixed in " * 110_000 + "\n\n**Workaround:**\n\n1. Restart.\n",
        "Sync",
    ),
    # A paragraph of 12,000 signatures of a post (500 KB), and a heading of an answer post that goes
    # on for 280 KB: each is read once for what signs it, the heading matched from its start.
    "signatures.md": (
        "# Sync\n\n## Question\n\nSync stops.\n\n## Answer \u00b7 "
        + "1 vote " * 40_000
        + "\n\n1. Restart.\n\n"
        + "*answered May 2 '24 at 8:00* **name** " * 12_000
        + "\n",
        "Sync",
    ),
    # A forum thread of 4,000 posts (130 KB), the last one marked as the solution, and a byline of a
    # handle 300 KB long: the posts are gathered once, each byline read once.
    "thread.md": (
        "# Sync\n\n**@ana** \u00b7 Mar 2\n\nSync stops.\n\n"
        + "---\n\n**@a** \u00b7 Mar 2\n\nSame here.\n\n" * 4_000
        + "---\n\n**@"
        + "a" * 300_000
        + "** \u00b7 Mar 3\n\n"
        + "---\n\n**@mira** \u00b7 Mar 3 \u00b7 \u2705 Solution\n\n1. Restart.\n",
        "Sync",
    ),
    # Microsoft Learn tabs: 900 tab headings of one set (the set read once, each tab ended by the
    # next), and a heading of a link whose text is 900 KB, then 10,000 "](#tab/", looked at as a tab's.
    "learn-tabs.md": (
        "# Sync\n\n## Resolution\n\n"
        + "# [Linux](#tab/linux)\n\nRestart.\n\n" * 900
        + "---\n\n## Sync stops\n\nIt stops.\n\n### ["
        + "x" * 900_000
        + "](#tab/" * 10_000
        + "\n",
        "Sync",
    ),
    # Symptoms of 950 KB: a paragraph of 11,000 code spans each announced as a body received (each
    # looked at after the 80 characters before it), then 160 KB of "receive" with no span after it.
    "received-bodies.md": (
        "# Sync\n\n## Symptoms\n\n"
        + "Clients receive `503 x` with the body `sync rejected: quota exceeded` " * 11_000
        + "receive " * 20_000
        + "\n\n## Resolution\n\n1. Restart.\n",
        "Sync",
    ),
    # Under a bullet's "log:", 15,000 paragraphs that open with a date and time (500 KB), each read as
    # a logged failure, then one such paragraph of 400 KB.
    "logged-lines.md": (
        "# Sync\n\n## Symptoms\n\n* log:\n\n"
        + "    2026/03/04 22:41:09 failed\n\n" * 15_000
        + "    2026/03/04 22:41:09 "
        + "[2026/03/04 22:41 " * 22_000
        + "\n\n## Resolution\n\n1. Restart.\n",
        "Sync",
    ),
    # An error section that quotes 7,000 errors, then 900 sub-headings, each answering another error
    # in one paragraph (300 KB): each compared with the problem's first errors only, not all of them.
    "other-errors.md": (
        "# Sync\n\n## Error: sync failed\n\n"
        + "".join(f"`sync failed at node {n}`\n\n" for n in range(7_000))
        + "".join(
            f"### Check {n}\n\nIf you get `sync timed out at node {n}`, restart the agent.\n\n"
            for n in range(900)
        ),
        "Error: sync failed",
    ),
    # Tables' columns headed in other languages: a header of 840 KB of words for an error and its code,
    # read for the part it names, before a table of one error.
    "localized-columns.md": (
        "# Sync\n\n| "
        + "fehler 오류 코드 " * 40_000
        + " | Ursache | Lösung |\n| --- | --- | --- |\n| a | b | c |\n\n"
        "| Błąd | Przyczyna | Rozwiązanie |\n| --- | --- | --- |\n| Sync fails | The server restarted | Restart |\n",
        "Sync fails",
    ),
    # 9,000 paragraphs of one field line each under the title (940 KB), read together as the page's fields.
    "field-paragraphs.md": (
        "# Sync\n\n"
        + ("Article ID: " + "1" * 90 + "\n\n") * 9_000
        + "## Symptoms\n\nIt fails.\n\n## Resolution\n\n1. Restart.\n",
        "Sync",
    ),
    # 6,000 bylines, English and Dutch, whose date is followed by 20 pieces of a word each, parted by
    # middle dots or by dashes, and a line that is none (950 KB): one of the first took minutes, every split of its
    # pieces among their spaces tried.
    "bylines.md": (
        "# Sync\n\n## Symptoms\n\n"
        + (
            "Updated 3 days ago"
            + "  \u00b7  a" * 20
            + "\nx\n\nUpdated 3 days ago"
            + "  -  a" * 20
            + "\nx\n\nLaatst bijgewerkt: 3 maart 2025"
            + "  \u00b7  a" * 20
            + "\nx\n\n"
        )
        * 2_000
        + "## Resolution\n\n1. Restart.\n",
        "Sync",
    ),
    # A Reason of 900 code blocks of 20 lines logged at an error's level (840 KB), each read as the
    # failures its cause shows, and one line of 100 KB that opens like one.
    "cause-logs.md": (
        "# Sync\n\n## Symptoms\n\nIt fails.\n\n## Cause\n\nThe agent's log:\n\n"
        + ("```\n" + "E0619 14:49:06.135666    3122 sync.go:1] failed\n" * 20 + "```\n\n") * 900
        + "```\nE0619 14:49:06.1 "
        + "1" * 100_000
        + "\n```\n\n## Resolution\n\n1. Restart.\n",
        "Sync",
    ),
    # A page in Courier throughout (read twice: its paragraphs are no code), its paragraphs asked
    # whether they are prose: 500 KB of one-letter words never ending a sentence, and a 500 KB word.
    "courier-page.html": (
        "<html><body><h1>Sync</h1><p><span style='font-family:Courier'>"
        + "a " * 250_000
        + "</span></p><p><span style='font-family:Courier'>"
        + "a" * 500_000
        + "</span></p></body></html>",
        "Sync",
    ),
    # A lead-in of 800 KB of other languages' words for "the following" (and a word that runs on after
    # one), each line of it asked whether it points at an error, before a response.
    "localized-leads.md": (
        "# Sync\n\n## Symptoms\n\n"
        + "folgende 以下的 다음과 같은 следующ\n" * 14_000
        + "folgende "
        + "a" * 100_000
        + "：\n\n```json\n{}\n```\n\n## Resolution\n\n1. Restart.\n",
        "Sync",
    ),
    # Fields under the title in other languages: a plain line of four 100 KB words after an emphasised
    # field, and a paragraph of 50,000 labels with full-width colons (850 KB in all).
    "localized-fields.md": (
        "# Sync\n\n**Producto:** x  \n"
        + ("Versión" + "a" * 100_000 + " ") * 4
        + "b: c\n\n"
        + "产品：" * 50_000
        + "\n\n## Resolution\n\n1. Restart.\n",
        "Sync",
    ),
    # A heading's code span of 250,000 Chinese and Japanese characters (750 KB), its words counted.
    "unspaced-heading.md": (
        "# Sync\n\n## Symptoms\n\nIt fails.\n\n## Resolution\n\n1. Restart.\n\n## Sync fails with `"
        + "同期エラー" * 50_000
        + "`\n\nRestart it.\n",
        "Sync",
    ),
    # Under the title a question's counts, "Asked 1 day ago · " 25,000 times on one line (450 KB), and a
    # line of 20,000 bold words (80,000 markers, near the limit): each read as the site's counts or its tags.
    "qa-counts-and-tags.md": (
        "# Sync\n\n"
        + "Asked 1 day ago \u00b7 " * 25_000
        + "\n\n"
        + "**a** " * 20_000
        + "\n\n## Symptoms\n\nIt fails.\n\n## Resolution\n\n1. Restart.\n",
        "Sync",
    ),
    # A thread whose first post opens with two words of 300,000 letters and a comma, asked whether it
    # is a greeting, and whose solution explains in 100,000 words before its step (800 KB).
    "thread-greeting.md": (
        "# Sync\n\n---\n\n**@ana** \u00b7 Mar 2, 2026\n\n"
        + "a" * 300_000
        + " "
        + "b" * 300_000
        + " x y,\n\nIt fails.\n\n---\n\n**@ines** \u00b7 Mar 3, 2026 \u00b7 \u2705 Solution\n\nThe cause is "
        + "c " * 100_000
        + "\n\n1. Restart.\n",
        "Sync",
    ),
    # An error's paragraph of 300,000 words "is" before "To resolve:" (900 KB), asked whether it says
    # what something lacks, and "To resolve:" asked whether it leads in to the fix.
    "missing-before-lead-in.md": (
        "# Sync\n\n## Error: sync failed\n\nThe agent logs:\n\n```\nerror: sync failed\n```\n\n"
        + "is " * 300_000
        + "missing\n\nTo resolve:\n\n1. Restart.\n",
        "Error: sync failed",
    ),
    # Under Symptoms a code block whose first line is a command of one 500,000-letter option, then
    # 15,000 lines of a listing (800 KB): the command asked whether it is one, the listing whether it
    # reports a failure.
    "command-first-fence.md": (
        "# Sync\n\n## Symptoms\n\nIt fails.\n\n```\nls -"
        + "a" * 500_000
        + "\n"
        + ("drwx " * 4 + "\n") * 15_000
        + "```\n\n## Resolution\n\n1. Restart.\n",
        "Sync",
    ),
    # Under a command without a prompt, a line of "100%" and spaces 40,000 times (400 KB), of "1%" before
    # " packet" 40,000 times, and 8,000 lines that each read as one more command (under 1 MB in all):
    # the state it printed asked for, and each line whether it is a command.
    "command-first-states.md": (
        "# Sync\n\n## Symptoms\n\nIt fails.\n\n```\nping -c 3 h\n"
        + " 100%     " * 40_000
        + "\n"
        + "1% packet" * 40_000
        + "\n"
        + "sudo tail -n 5 errors.log\n" * 8_000
        + "```\n\n## Resolution\n\n1. Restart.\n",
        "Sync",
    ),
    # Between an error and a lead-in to the fix, a paragraph of one 900,000-letter word before "lacks":
    # asked whether it opens by saying what its subject lacks.
    "missing-opening.md": (
        "# Sync\n\nThe agent logs:\n\n> Error: sync failed\n\n"
        + "a" * 900_000
        + " lacks it.\n\nTo fix:\n\n1. Restart.\n",
        "Sync",
    ),
    # A thread whose first post opens with a greeting word and two words of 300,000 letters (600 KB),
    # then a comma: asked whether it is a greeting.
    "thread-greeting-word.md": (
        "# Sync\n\n---\n\n**@ana** \u00b7 Mar 2, 2026\n\nHello "
        + "b" * 300_000
        + " "
        + "c" * 300_000
        + " x,\n\nIt fails.\n\n---\n\n**@ines** \u00b7 Mar 3, 2026 \u00b7 \u2705 Solution\n\n1. Restart.\n",
        "Sync",
    ),
    # A shell session of 6,000 commands, each printing a label and a failure, and a last one that prints
    # a 500,000-letter label (600 KB): each command's output asked whether it failed, and its labels cut.
    "session-chunks.md": (
        "# Sync\n\n## Symptoms\n\nIt fails.\n\n```console\n"
        + "$ a\nEvents:\nb failed\n" * 6_000
        + "$ a\n"
        + "E" * 500_000
        + ":\nb failed\n```\n\n## Resolution\n\n1. Restart.\n",
        "Sync",
    ),
    # A lead-in of 80,000 "以下错误" (960 KB) ending in "。", over a code block: asked whether its last
    # sentence announces an error and tells what to do.
    "cjk-lead.md": (
        "# Sync\n\n## Resolution\n\n1. Restart.\n\n" + "以下错误" * 80_000 + "。\n\n```\nsync failed\n```\n",
        "Sync",
    ),
    # A paragraph of a failure, then 50,000 quotes "「失败失败」" (900 KB): each quote asked whether
    # it reads as a message.
    "cjk-quotes.md": (
        "# Sync\n\n## Symptoms\n\n登录失败" + "「失败失败」" * 50_000 + "\n\n## Resolution\n\n1. Restart.\n",
        "Sync",
    ),
    # A paragraph of a failure, then 40,000 quotes of a menu path each after spaces and "click" (900 KB):
    # each quote's neighbouring words read a few characters far.
    "control-quotes.md": (
        "# Sync\n\n## Symptoms\n\nIt failed"
        + ' click    "a > b > c d e f"     ' * 30_000
        + "\n\n## Resolution\n\n1. Restart.\n",
        "Sync",
    ),
    # A step's text, then a line of 90 KB of "*[" (as many as the limit of emphasis markers allows):
    # asked whether it defines an abbreviation.
    "abbreviation-marks.md": ("# Sync\n\n## Resolution\n\n1. Restart.\n" + "*[" * 45_000 + "\n", "Sync"),
    # A step's text, then 19,000 lines of abbreviations (500 KB): each line asked whether it defines one.
    "abbreviations.md": (
        "# Sync\n\n## Resolution\n\n1. Restart.\n" + ("*[" + "a" * 20 + "]: b\n") * 19_000,
        "Sync",
    ),
    # 10,000 question boxes, nested ten deep, one after another (400 KB), each titled by a question.
    "question-boxes.md": (
        "# Sync\n\n## Resolution\n\n1. Restart.\n\n"
        + "".join(" " * (4 * (n % 10)) + '??? question "Why?"\n' for n in range(10_000)),
        "Sync",
    ),
    # Under Symptoms a JSON block of an error response whose message is 300,000 letters, one of
    # 20,000 fields named "error_", and one of 60,000 nested objects (under 1 MB): each asked whether
    # it reports an error by its fields.
    "json-error-response.md": (
        '# Sync\n\n## Symptoms\n\nIt fails.\n\n```json\n{"error": {"message": "'
        + "a" * 300_000
        + '"}}\n```\n\n```json\n{'
        + "".join(f'"error_{i}": 1, ' for i in range(20_000))
        + '"code": 1}\n```\n\n```json\n'
        + '{"e": ' * 60_000
        + "\n```\n\n## Resolution\n\n1. Restart.\n",
        "Sync",
    ),
    # Under Symptoms a JSON body whose error's code is 600,000 zeros (a success's "0"), and one of 10,000
    # fields named like "errorCode" (under 1 MB): each asked whether it says the call succeeded.
    "json-result-codes.md": (
        '# Sync\n\n## Symptoms\n\nIt fails.\n\n```json\n{"errorCode": "'
        + "0" * 600_000
        + '", "message": "m"}\n```\n\n```json\n{'
        + "".join(f'"errorCode{i}": "0", ' for i in range(10_000))
        + '"message": "m"}\n```\n\n## Resolution\n\n1. Restart.\n',
        "Sync",
    ),
    # 900 sections of an error reference, each a code, a JSON error body and "### What to do" (about
    # 150 KB): each section's sub-headings asked once whether the sections beside it are framed by them.
    "error-reference-sections.md": (
        "# Codes\n\n"
        + "".join(
            f'## code_{i}\n\nIt fails.\n\n```json\n{{"error": {{"message": "m{i}"}}}}\n```\n\n'
            "### What to do\n\n1. Retry.\n\n"
            for i in range(900)
        ),
        "code_899",
    ),
}


@pytest.mark.parametrize("name", sorted(RUNS))
def test_a_long_run_of_one_character_is_read_in_linear_time(name: str, tmp_path: Path) -> None:
    text, title = RUNS[name]
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / name).write_text(text, encoding="utf-8")
    with cpu_budget(CPU_BOUND):
        build_index([tmp_path / "articles"], tmp_path / "kb.db")
    article = KnowledgeBase(tmp_path / "kb.db").article(Path(name).stem)
    assert title in [p.title for p in article.problems]


def test_a_mediawiki_page_of_markup_left_open_is_rewritten_in_linear_time() -> None:
    # Lines that open links, code spans, templates and table cells' attributes and never close them (about
    # 1.5 MB): each searched for its close to the end of its line, and a template's name its run of spaces.
    # The rewrite alone: markdown-it reads so many "[" in about 20 s, as it does in a Markdown file.
    page = (
        "== Printer offline ==\n\n'''Seen''' in the console.\n\n"
        + "[[a" * 50_000
        + "\n"
        + "[http://a b" * 20_000
        + "\n"
        + "<code>a" * 20_000
        + "\n{{Note"
        + " " * 100_000
        + "\n{{a"
        + " " * 100_000
        + "x\n{|\n| "
        + "a=" * 100_000
        + "[\n|}\n"
        + "{{Warning|\n" * 5_000
        + "\n== Fix ==\n# Restart the spooler.\n"
    )
    with cpu_budget(2.0):
        markdown = mediawiki_markdown(page)
    assert markdown is not None
    assert markdown.startswith("## Printer offline")


def test_equals_heading_wiki_pages_of_markup_left_open_are_rewritten_in_linear_time() -> None:
    # Trac, XWiki, TiddlyWiki and Zim lines that open code spans, links and macros and never close them, and
    # block macros left open line after line: each searched for its close to the end of its line, or page.
    spans = "{{{a" * 50_000 + "\n" + "[http://a b" * 20_000 + "\n" + "[wiki:a b" * 20_000 + "\n"
    trac = "= Printer faults =\n[[PageOutline]]\n\n== Offline ==\n\n" + spans + "{{{\n" * 5_000
    xwiki = (
        "= Printer faults =\n\n{{toc/}}\n\n== Offline ==\n\n"
        + spans
        + "{{code}}a" * 50_000
        + "\n"
        + "{{code}}\n" * 5_000
        + "{{{\n" * 5_000
    )
    tiddler = "title: Printer faults\ntags: printers\n\n!! Offline\n\n" + spans + "{{{\n" * 5_000
    zim = "Content-Type: text/x-zim-wiki\nWiki-Format: zim 0.6\n\n====== Printer faults ======\n\n" + spans
    creole = (
        "= Printer faults =\n\n**Offline**\n\n# Restart it.\n\n"
        + spans
        + "[[a" * 50_000
        + "\n"
        + "{{a" * 50_000
        + "\n"
        + "{{{\n" * 5_000
    )
    with cpu_budget(2.0):
        read = [
            trac_markdown(trac),
            xwiki_markdown(xwiki),
            tiddlywiki_markdown(tiddler),
            zim_markdown(zim),
            creole_markdown(creole),
        ]
    assert all(markdown is not None for markdown in read)


def test_a_board_s_topic_of_bbcode_left_open_is_rewritten_in_linear_time() -> None:
    # A phpBB topic whose lines open bold, code, links, quotes and lists and never close them (about 1 MB),
    # under a trail of many places: each searched for its close to the end of its line.
    topic = (
        "Board index"
        + " \u2039 a" * 50_000
        + "\n\nPrinter offline\n\n[b]ana[/b] \u00bb Tue Oct 08, 2024 7:42 pm\n"
        + "[b]a" * 50_000
        + "\n"
        + "[code]a" * 50_000
        + "\n"
        + "[url=http://a]b" * 20_000
        + "\n"
        + '[quote="a"]b' * 20_000
        + "\n"
        + "[list=1]\n[*]a\n" * 5_000
        + "\nTop\n"
    )
    with cpu_budget(2.0):
        markdown = bbcode_markdown(topic)
    assert markdown is not None


def test_a_board_s_topic_of_many_posts_is_rewritten_in_linear_time() -> None:
    # 20,000 posts, each a byline over a line of BBCode (about 1 MB): each line was looked for among every
    # post's byline, 16,000 posts took 7 s.
    topic = "Board index \u2039 Printers\n\nPrinter offline\n\n" + "".join(
        f"ana{i} \u00bb Tue Oct 08, 2024 7:42 pm\n[b]Restart[/b] the spooler.\n\n" for i in range(20_000)
    )
    with cpu_budget(2.0):
        markdown = bbcode_markdown(topic)
    assert markdown is not None


def test_a_usenet_faq_of_many_questions_is_rewritten_in_linear_time() -> None:
    # 20,000 questions, each with an indented answer and a deeper log line, apart by dashes (about 2 MB).
    faq = "Newsgroups: comp.a\nSubject: FAQ\n\n" + "".join(
        f"Subject: {i}.1) Printer offline\n\n  It shows\n\n    E{i}: offline\n\n{'-' * 40}\n\n"
        for i in range(20_000)
    )
    with cpu_budget(2.0):
        markdown = usenet_markdown(faq)
    assert markdown is not None


def test_a_pod_page_of_codes_left_open_and_lists_nested_deep_is_rewritten_in_linear_time() -> None:
    # Formatting codes opened and never closed, nested thousands deep, and "=over" lists never closed: each
    # code's text joined again at every closing, each list's lines indented by every level above it.
    page = (
        "=head1 NAME\n\nPrinter faults - what to do\n\n=head2 Offline\n\n"
        + "C<< a" * 50_000
        + "\n"
        + "B<" * 50_000
        + ">" * 50_000
        + "\n"
        + "E<" * 50_000
        + "\n\n"
        + "=over\n\n=item *\n\nRestart it.\n\n" * 5_000
    )
    with cpu_budget(2.0):
        markdown = pod_markdown(page)
    assert markdown is not None
    assert markdown.split("\n")[2] == "# Printer faults - what to do"


def test_a_man_page_s_source_of_many_requests_and_escapes_is_rewritten_in_linear_time() -> None:
    # Indentations never closed, tags never given text, a line of font escapes and quotes never closed.
    page = (
        ".TH FAULTS 8\n.SH NAME\nfaults \\- what to do\n.SH DIAGNOSTICS\n"
        + ".RS\n.TP\n.IP 1.\n" * 30_000
        + "\\fB\\-" * 50_000
        + "\n.B "
        + '"' * 50_000
        + "\n"
    )
    with cpu_budget(2.0):
        markdown = roff_markdown(page)
    assert markdown is not None
    assert markdown.split("\n")[0] == "# FAULTS(8)"


def test_a_page_of_many_drop_downs_is_read_in_linear_time() -> None:
    # 4,000 drop-downs with ids (280 KB): each looked through the whole page for a label naming it, 20 s.
    controls = "".join(
        f'<select id="s{i}"><option selected>choice {i}</option></select>' for i in range(4_000)
    )
    page = (
        "<html><body><h1>Sync</h1><h2>Sync fails</h2><p>Sync fails with <code>quota exceeded</code>.</p>"
        f"<p>{controls}</p><ol><li>Raise the quota.</li></ol></body></html>"
    )
    with cpu_budget(5.0):
        [problem] = parse_article(page.encode(), "controls.html").problems
    assert [s.text for s in problem.steps] == ["Raise the quota."]


def test_a_section_s_opening_block_is_read_for_its_output_once(monkeypatch: pytest.MonkeyPatch) -> None:
    # shown_output read what the opening block printed twice: once to tell whether it reads as a failure,
    # once to tell whether it repeats the heading.
    read: list[SyntaxTreeNode] = []
    fence_output = messages.fence_output

    def counted(block: SyntaxTreeNode, **options: bool) -> str:
        read.append(block)
        return fence_output(block, **options)

    monkeypatch.setattr(openings, "fence_output", counted)
    monkeypatch.setattr(messages, "fence_output", counted)
    blocks = SyntaxTreeNode(MarkdownIt().parse("```\nbkp: repository is locked\n```\n")).children
    assert openings.shown_output(list(blocks), "bkp: repository is locked") == 1
    assert len(read) == 1


def test_a_section_s_opening_cell_is_read_for_its_failure_once(monkeypatch: pytest.MonkeyPatch) -> None:
    # A section that opens with a notebook's cell and the error it printed was read for that failure twice:
    # once to count the blocks that show it (shown_output), once to quote it.
    read: Counter[int] = Counter()
    cell_failure = messages.cell_failure

    def counted(blocks: list[SyntaxTreeNode]) -> str:
        read[id(blocks)] += 1
        return cell_failure(blocks)

    monkeypatch.setattr(openings, "cell_failure", counted)
    monkeypatch.setattr(markdown_article, "cell_failure", counted)
    text = (
        "# Loading the data\n\n## Reading the CSV\n\n```python\ndf = pd.read_csv('sales.csv')\n```\n\n"
        "```\nValueError: could not convert string to float: 'n/a'\n```\n\n"
        "1. Pass `na_values=['n/a']` to read_csv.\n"
    )
    [problem] = parse_article(text.encode(), "sales.md").problems
    assert problem.error_messages == ["ValueError: could not convert string to float: 'n/a'"]
    assert read and max(read.values()) == 1


def test_a_response_s_labels_are_each_read_once(monkeypatch: pytest.MonkeyPatch) -> None:
    # The short lines over an error response a section opens with ("Response", "413 Payload Too Large")
    # were each read twice: once to count their words, once to tell they say nothing to do.
    read: Counter[int] = Counter()
    block_text = markdown_article.block_text

    def counted(block: SyntaxTreeNode) -> str:
        read[id(block)] += 1
        return block_text(block)

    monkeypatch.setattr(markdown_article, "block_text", counted)
    blocks = SyntaxTreeNode(MarkdownIt().parse("Response\n\n413 Payload Too Large\n")).children
    assert markdown_article._response_labels(list(blocks)) == 2
    assert sorted(read.values()) == [1, 1]


def test_a_text_that_opens_with_no_help_topic_is_not_split_for_vms_help() -> None:
    # Every .txt page that no reader before took is offered to the HELP reader, which split the whole
    # text into lines before it looked at the first one.
    class Unsplit(str):
        def split(self, sep: str | None = None, maxsplit: int = -1) -> list[str]:
            raise AssertionError("split")

    assert vms_help_markdown(Unsplit("\n  \nDisk quota exceeded\n\n1. Free some space.\n")) is None
    assert vms_help_markdown(Unsplit("2 OPENOUT\n  Explanation:  x\n")) is None
    assert vms_help_markdown("\n1 BACKUP\n2 OPENOUT\n  Explanation:  BACKUP could not open it.\n")


def test_a_page_that_says_comment_out_over_many_blocks_is_read_in_linear_time() -> None:
    # "Comment out the line." lets a page past the look for comments; each block was then handed the
    # blocks after it as a copy (80 000 blocks: 4 s), where only a heading or label of comments needs them.
    said, step = SyntaxTreeNode(markdown_parser().parse("Comment out the line.\n\nRestart it.\n")).children
    with cpu_budget(1.0):
        assert listed_comments([said] + [step] * 80_000) == set()


def test_an_ibm_i_message_description_s_long_wrapped_field_is_rewritten_in_linear_time() -> None:
    # A Cause wrapped onto 80,000 lines (about 4 MB): each line was joined onto the whole field so far,
    # 4.9 s.
    page = (
        " Message ID . . . . . . . . . :   CPF9801\n Message . . . . :   Object not found.\n"
        " Cause . . . . . :   The object was not found.\n"
        + "     the object was not found in the library list.\n"
        * 80_000
    )
    with cpu_budget(2.0):
        markdown = message_description_markdown(page)
    assert markdown is not None
    assert markdown.split("\n")[2].count("library list") == 80_000


def test_a_tiddler_s_style_never_closed_is_read_in_linear_time() -> None:
    # "@@" and a long run of a style's classes with no "@@" after them: the style was given back one unit
    # at a time and the line scanned again for each, 40 kB in 30 s, 100 kB in minutes.
    tiddler = "title: Sync\ntags: sync\n\n! Sync fails\n\n@@" + ".a" * 20_000 + " x\n\n# Restart the agent.\n"
    with cpu_budget(2.0):
        markdown = tiddlywiki_markdown(tiddler)
    assert markdown is not None and markdown.rstrip().endswith("1. Restart the agent.")


def test_a_paragraph_of_answer_words_and_one_more_is_read_in_linear_time(tmp_path: Path) -> None:
    # A feedback widget's answers ("Yes No") are told by a pattern tried on every paragraph: a space that
    # either of two parts of it could take made "oo oo … oo x" fail in 2^n ways, 22 words in 10 s.
    article = "# Sync\n\n## Sync fails\n\n1. Restart the agent.\n\n" + "oo " * 24 + "x\n"
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "sync.md").write_text(article, encoding="utf-8")
    with cpu_budget(5.0):
        build_index([tmp_path / "articles"], tmp_path / "kb.db")
    [problem] = KnowledgeBase(tmp_path / "kb.db").article("sync").problems
    assert [s.text for s in problem.steps] == ["Restart the agent."]


def test_a_line_that_opens_like_a_numbered_case_over_a_run_of_spaces_is_read_in_linear_time() -> None:
    # "**Symptom 1: " over 3,000 spaces and no closing "**": three parts of the pattern of a numbered case's
    # label could each take the spaces, 51 s for one line of a <pre>, tried on every line of a page.
    page = (
        "<html><body><h1>Printer</h1><pre>**Symptom 1: "
        + " " * 2_000
        + "x</pre><p>Restart.</p></body></html>"
    )
    with cpu_budget(2.0):
        read = html_as_markdown(page, page=True)
    assert read is not None and "Restart." in read[0]


def test_an_asciidoc_line_with_a_long_run_of_spaces_is_read_in_linear_time(tmp_path: Path) -> None:
    # Antora's callout marks ("<1>") are stripped from the end of each line: blanks that two parts of the
    # pattern could each take made one line of 3,000 spaces take 8 s, and 100 kB never finished.
    article = (
        "= Sync troubleshooting\n\n== Sync fails\n\nThe client shows an error."
        + " " * 20_000
        + "then stops.\n\n"
        ". Restart the agent. <1>\n"
    )
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "sync.adoc").write_text(article, encoding="utf-8")
    with cpu_budget(5.0):
        build_index([tmp_path / "articles"], tmp_path / "kb.db")
    [problem] = KnowledgeBase(tmp_path / "kb.db").article("sync").problems
    assert [s.text for s in problem.steps] == ["Restart the agent."]
