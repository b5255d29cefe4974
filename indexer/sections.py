"""Markdown as a tree of heading sections, plus the text helpers the parsers share.

markdown-it-py gives a flat run of blocks; troubleshooting articles are organised
by their headings. :func:`parse_sections` regroups the blocks under the heading
they follow, keeping every block's source line so records can point back to it.
"""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass, field

from markdown_it import MarkdownIt
from markdown_it.tree import SyntaxTreeNode
from mdit_py_plugins.front_matter import front_matter_plugin

_LIST_MARKER = re.compile(r"^\s*(?:[-*+]|\d{1,9}[.)])[ \t]?")
_ALERT = re.compile(r"^\s*\[!(NOTE|TIP|IMPORTANT|WARNING|CAUTION|INCLUDE|VIDEO)\b", re.IGNORECASE)
# Publishing-platform directives on a line of their own: an include, a video, an image.
_DIRECTIVE_LINE = re.compile(r"^\s*(:::.*:::|\[!(INCLUDE|VIDEO)\b.*\])\s*$", re.IGNORECASE)
_CALLOUT_MARKER = re.compile(r"^\[!(NOTE|TIP|IMPORTANT|WARNING|CAUTION)\]\s*", re.IGNORECASE)


def markdown_parser() -> MarkdownIt:
    """The one markdown-it configuration used for every article."""
    return MarkdownIt("commonmark").enable("table").use(front_matter_plugin)


@dataclass
class Section:
    """A heading and everything under it up to the next heading of its level or above."""

    level: int
    title: str
    line: int
    blocks: list[SyntaxTreeNode] = field(default_factory=list)
    children: list[Section] = field(default_factory=list)

    def walk(self) -> list[Section]:
        """This section and all its descendants, in document order."""
        out = [self]
        for child in self.children:
            out.extend(child.walk())
        return out


@dataclass
class ParsedMarkdown:
    """A Markdown document as front matter text and a root section (level 0)."""

    front_matter: str
    root: Section


def parse_sections(source: str) -> ParsedMarkdown:
    """Parse ``source`` into front matter and a tree of heading sections."""
    tree = SyntaxTreeNode(markdown_parser().parse(source))
    root = Section(level=0, title="", line=1)
    stack = [root]
    front_matter = ""
    for node in tree.children:
        if node.type == "front_matter":
            front_matter = node.content
            continue
        if node.type == "heading":
            level = int(node.tag[1:])
            while stack[-1].level >= level:
                stack.pop()
            section = Section(level=level, title=inline_text(node), line=line_of(node))
            stack[-1].children.append(section)
            stack.append(section)
            continue
        stack[-1].blocks.append(node)
    return ParsedMarkdown(front_matter=front_matter, root=root)


def line_of(node: SyntaxTreeNode) -> int:
    """1-based source line where ``node`` starts."""
    return node.map[0] + 1 if node.map else 0


def inline_text(node: SyntaxTreeNode) -> str:
    """Plain text of a node's inline content: markup, links and images dropped."""
    parts: list[str] = []

    def visit(n: SyntaxTreeNode) -> None:
        if n.type in ("text", "code_inline"):
            parts.append(n.content)
        elif n.type in ("softbreak", "hardbreak"):
            parts.append("\n")
        elif n.type == "image" or n.type in ("html_inline",):
            return
        for child in n.children:
            visit(child)

    visit(node)
    return re.sub(r"[ \t]+", " ", "".join(parts)).strip()


def block_text(node: SyntaxTreeNode) -> str:
    """Plain text of any block: paragraphs, lists, quotes, fences and tables."""
    if node.type in ("fence", "code_block"):
        return node.content.strip()
    if node.type == "paragraph":
        lines = inline_text(node).split("\n")
        return "\n".join(line for line in lines if not _DIRECTIVE_LINE.match(line)).strip()
    if node.type in ("inline", "heading"):
        return inline_text(node)
    if node.type == "html_block":
        return ""
    if node.type == "table":
        rows = [" | ".join(cell_texts(row)) for row in table_rows(node)]
        return "\n".join(rows)
    text = "\n".join(t for t in (block_text(c) for c in node.children) if t)
    if node.type == "blockquote":
        # A call-out's marker is markup; as plain text "> [!NOTE]" reads "Note:".
        text = _CALLOUT_MARKER.sub(lambda m: m.group(1).capitalize() + ": ", text, count=1)
    return text


def is_alert(node: SyntaxTreeNode) -> bool:
    """True for ``> [!NOTE]``-style call-outs, which are advice, not quoted errors."""
    first = node.children[0] if node.children else None
    return node.type == "blockquote" and first is not None and bool(_ALERT.match(block_text(first)))


def table_rows(table: SyntaxTreeNode) -> list[SyntaxTreeNode]:
    """All rows of a table, header row first."""
    return [row for part in table.children for row in part.children]


def cell_texts(row: SyntaxTreeNode) -> list[str]:
    """The plain text of each cell of a table row."""
    return [inline_text(cell) for cell in row.children]


def source_slice(lines: list[str], node: SyntaxTreeNode, exclude: list[SyntaxTreeNode]) -> str:
    """The Markdown source of a list item, without its marker and without ``exclude`` ranges."""
    if not node.map:
        return ""
    start, end = node.map
    skipped: set[int] = set()
    for ex in exclude:
        if ex.map:
            skipped.update(range(*ex.map))
    kept = [lines[i] for i in range(start, min(end, len(lines))) if i not in skipped]
    if not kept:
        return ""
    first = _LIST_MARKER.sub("", kept[0], count=1)
    rest = textwrap.dedent("\n".join(kept[1:]))
    return "\n".join([first, rest]).strip() if rest.strip() else first.strip()
