"""A Logseq page (an outliner's Markdown file), read as the Markdown its outline stands for.

Logseq writes a page as an outline: every line a block (``- text``), nested by tabs, the page's properties
on its first lines (``title:: Print relay troubleshooting``), a block's properties as blocks of their own
(``- cause:: the spool volume is full``, ``- fix::`` over the blocks it holds), and a block that heads a part
as a heading inside its bullet (``- ## Jobs stay in "Spooling"``). Read as Markdown, the whole page was one
list: one problem whose steps were the outline, its symptoms, causes and fixes among them. Each block is
rewritten as the Markdown that says the same, line for line, so that every line keeps its number: a heading
block a heading, a property block the heading of its part ("### Fix", "### Cause: the spool volume is
full"), the blocks under it a list, an advice block (``- NOTE: …``) a quote.
"""

from __future__ import annotations

import re

from indexer.callouts import PLAIN_ADVICE
from indexer.page_links import page_refs_only
from indexer.roles import Role, heading_role, names_product_field
from indexer.sections import is_page_field

# A property, of the page ("title:: …", "tags:: vpn, macos") or of a block ("cause:: …", "fix::"), and a
# block, its tabs and text.
_PROPERTY = re.compile(r"^([A-Za-z][\w.-]*)::(?:[ \t]+(.*))?$")
_BLOCK = re.compile(r"^(\t*)- (.*)$")
# A block's continuation line, indented past its bullet.
_CONTINUATION = re.compile(r"^(\t*)  (\S.*)$")
# A block that heads its children ("## Title").
_HEADING = re.compile(r"^(#{1,6})[ \t]+(\S.*)$")
# Properties Logseq keeps for itself (a block's id, whether it is folded, that it is a heading, its colour,
# when it was made), and the families of them it names by a prefix (its own, "logseq.order-list-type:: number"
# under each block of a numbered list; a flashcard's schedule, "card-next-schedule:: …"): no text. Read on,
# every step of a numbered Logseq fix ended in "logseq.order-list-type:: number".
_INTERNAL = frozenset(("id", "collapsed", "heading", "background-color", "created-at", "updated-at"))
_INTERNAL_PREFIXES = ("logseq.", "card-")
# A link to another page in a property's value ("[[Print relay]]", a tag's "#[[label printers]]"): its words.
_PAGE_LINK = re.compile(r"#?\[\[([^\[\]\n]+)\]\]")
# A tag of a "tags::" value: a link as above or a hashtag ("#vpn", not the "#" of "C#"), each one tag as
# the words between its commas are ("tags:: #vpn #[[label printers]]", "tags:: [[vpn]] [[macos]]").
_TAG = re.compile(rf"{_PAGE_LINK.pattern}|(?<![^\s,])#([^\s,#\[\]]+)")
# The spaces a block is nested by where an outline is not nested by tabs: Roam Research's export (four to
# a level), or Logseq's with its bullet indentation set to spaces.
_SPACED = re.compile(r"^( +)(?=- )")


def logseq_markdown(text: str) -> str | None:
    """The Markdown a Logseq page's ``text`` stands for, line for line; None where it is none: a line is
    neither a property nor a block of an outline (nor a block's continuation), or no line is a property."""
    lines = _tabbed(text.split("\n"))
    properties = 0
    for line in lines:
        if not line.strip() or _CONTINUATION.match(line):
            continue
        block = _BLOCK.match(line)
        page_property = _PROPERTY.match(line)
        if block is None and not page_property:
            return None
        properties += bool(page_property or (block and _PROPERTY.match(block[2])))
    if not properties or not any(_BLOCK.match(line) for line in lines):
        return None
    return "\n".join(_rewrite(lines))


def _tabbed(lines: list[str]) -> list[str]:
    """``lines`` with the spaces that nest an outline's blocks as tabs, a tab for each level (the smallest
    indentation of a block), so that a page exported with spaces is read as one written with tabs; as they
    are where no block is indented by spaces, or one is indented by no whole number of levels. Read with
    spaces, Roam's page ("- ## Consumers stuck in rebalance loop" over "    - Symptoms") was no outline."""
    widths = {len(found[1]) for line in lines if (found := _SPACED.match(line))}
    level = min(widths, default=0)
    if not level or any(width % level for width in widths):
        return lines
    # Only a block's bullet line is nested by levels; a line under it indented two spaces past its bullet
    # (a folded block's "collapsed:: true", a block's text run on) is its continuation, as under a tab. By
    # two spaces a level, rounded to tabs, it was one level deeper and no continuation: no outline at all.
    tabbed: list[str] = []
    width, tabs = 0, ""
    for line in lines:
        words = line.lstrip(" ")
        if words.startswith("- "):
            width = len(line) - len(words)
            tabs = "\t" * (width // level)
            tabbed.append(tabs + words)
        elif words and len(line) - len(words) == width + 2:
            tabbed.append(f"{tabs}  {words}")
        else:
            tabbed.append(line)
    return tabbed


def _rewrite(lines: list[str]) -> list[str]:
    """Each line of an outline as Markdown."""
    out: list[str] = []
    # The depth of the block whose children are a list (a heading's, a property's), and the level of the
    # heading block above it; the indentation of the last item, for its continuation lines.
    anchor, level, indent = -1, 1, ""
    # The depths of the heading blocks the block is under, outermost first ("- # Printers" over
    # "\t- ## Labels print blank"): one depth alone forgot the outer heading once the inner one closed.
    headings: list[int] = []
    # The advice block whose children are its quote's: its depth (-1 outside one), its line, and that line
    # with its label in bold ("> **Note:** …"), as a child makes it: a quote of several lines that opens
    # with a plain label is read as what a program printed, one with a bold label as a note
    # (sections._callout_kind).
    advice, advice_line, advice_bold = -1, -1, ""
    outline, first_block = False, 0
    for line in lines:
        block = _BLOCK.match(line)
        if block is None:
            continuation = _CONTINUATION.match(line) if outline else None
            if continuation is not None:
                # Logseq writes a block's properties on lines under it ("collapsed:: true", "id:: 65f1…"):
                # its own are no text of the block, read on, they ran on as its step's words.
                prop = _PROPERTY.match(continuation[2])
                internal = prop is not None and _internal(prop[1])
                out.append("" if internal else f"{indent}{continuation[2]}")
            elif not outline and (found := _PROPERTY.match(line)):
                out.append(_page_property(found[1], (found[2] or "").strip()))
            else:
                out.append("")
            continue
        if not outline:
            first_block, outline = len(out), True
        depth, content = len(block[1]), block[2].strip()
        while headings and depth <= headings[-1]:
            headings.pop()
        if depth <= advice:
            advice = -1
        if depth <= anchor:
            # A block beside a property, after its children, closes them: a child of the heading block
            # above both, as the property is ("- Tell the team lead" beside "- fix::"). Nested from no
            # anchor, it was a sub-step of the fix's last step.
            anchor = headings[-1] if headings else -1
        heading = _HEADING.match(content)
        prop = _PROPERTY.match(content)
        if advice >= 0:
            # A block under an advice block ("Note:" over "Run it outside business hours"): what the advice
            # says, a list in its quote. Read on as the fix's list, the advice was steps, its note "Note:".
            out[advice_line] = advice_bold
            nested = "  " * (depth - advice - 1)
            indent = f"> {nested}  "
            out.append(f"> {nested}- {content}")
        elif heading:
            level = len(heading[1])
            anchor, indent = depth, ""
            headings.append(depth)
            out.append(f"{heading[1]} {heading[2]}")
        elif prop and _internal(prop[1]):
            out.append("")
        elif prop:
            words = _key_words(prop[1])
            anchor, indent = depth, ""
            value = (prop[2] or "").strip()
            # A heading of its part, its value in its words ("### Cause: the spool volume is full"): a
            # labelled paragraph in its place would run on as the text of the list item above it. Not a
            # property whose key alone heads a page's links (Roam's "- Related:: [[Kafka broker restart]]"
            # after the last problem): with its value, the heading named a topic, and the page's links, and
            # the blocks after them, were a group of the last problem's steps. Only where its value is
            # links alone: a boilerplate key's words ("applies-to:: GlobalProtect 6.2 on macOS 14",
            # "related-errors:: GP-1402 Portal unreachable") were otherwise written nowhere, no longer searchable.
            if value and heading_role(words) is Role.BOILERPLATE and page_refs_only(value):
                value = ""
            out.append(f"{'#' * min(level + 1, 6)} {words}{f': {value}' if value else ''}")
        elif said := PLAIN_ADVICE.match(content):
            # A block that gives advice ("NOTE: …", "Hinweis: …"): a note, not an item of the list above
            # it. Not "Warning: …", which a block quoting what a program printed opens with.
            indent, advice, advice_line = "", depth, len(out)
            advice_bold = f"> **{said[0]}**{content[said.end() :]}"
            out.append(f"> {content}")
        else:
            nested = "  " * max(depth - anchor - 1, 0)
            indent = f"{nested}  "
            out.append(f"{nested}- {content}")
    return _title_first(out, first_block)


def _key_words(key: str) -> str:
    """A property's key in words, as a heading or a field's label ("root-cause" "Root cause")."""
    return key.replace("-", " ").replace("_", " ").capitalize()


def _page_property(key: str, value: str) -> str:
    """A page property's line as Markdown: the title its heading, a field of the page a field under it
    ("**Product:** Print relay", its links' words only), whose product and tags scope the page as front
    matter's do; any other, and Logseq's own, nothing. Read as nothing, "product:: [[Print relay]]" and
    "tags:: …" scoped no answer."""
    if key.lower() == "title":
        return f"# {value}" if value else ""
    label = _key_words(key)
    links = _PAGE_LINK.findall(value)
    if key.lower() == "tags":
        # Read as one value, "#vpn" kept its "#" and "[[vpn]] [[macos]]" was the one tag "vpn macos".
        value = ", ".join(filter(None, (tag.strip() for tag in _TAG.sub(r",\1\2,", value).split(","))))
    elif (key.lower() in ("product", "products") or names_product_field(label)) and len(links) > 1:
        # An article has one product, as front matter's is one text: the first page of a list of them.
        # Joined, "[[Print relay]], [[Label API]]" was a product "Print relay, Label API" no scope names.
        value = links[0] if not _PAGE_LINK.sub("", value).strip(" ,") else value
    value = _PAGE_LINK.sub(r"\1", value)
    # Only a field of the page ("product", "tags", "owner"): "type:: troubleshooting" among them made
    # them no fields at all; a blank line for it parts the others into paragraphs of fields.
    return f"**{label}:** {value}" if not _internal(key) and is_page_field(label, value) else ""


def _title_first(out: list[str], end: int) -> list[str]:
    """``out`` with the page's title heading moved up to the first of its property lines (``out[:end]``,
    the lines before its first block), above its fields: below them, the fields were the page's preface."""
    title = next((at for at in range(end) if out[at].startswith("# ")), None)
    first = next((at for at in range(end) if out[at]), None)
    if title is None or first is None or first == title:
        return out
    return [*out[:first], out[title], *out[first:title], *out[title + 1 :]]


def _internal(key: str) -> bool:
    """Whether a property's ``key`` is one Logseq keeps for itself (see _INTERNAL)."""
    key = key.lower()
    return key in _INTERNAL or key.startswith(_INTERNAL_PREFIXES)
