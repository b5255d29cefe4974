"""A Markdown troubleshooting article → problems and ordered steps.

The article's headings decide its shape, without per-article code:

* a section whose sub-headings are problem parts (Symptoms, Cause, Resolution…)
  is one problem, titled by its heading (the article title at the top level);
* a section with another title that holds steps (lists) is a problem of its own,
  as in "Error 1: …", "Error 2: …" articles;
* a table with an error column and a resolution column gives one problem per row;
* when none of that yields a resolution, the whole article is one problem whose
  lists are its steps.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from markdown_it.tree import SyntaxTreeNode

from indexer.errortext import clean, error_codes
from indexer.records import Problem, Step
from indexer.roles import PROBLEM_PART_ROLES, Role, heading_role
from indexer.sections import (
    Section,
    block_text,
    cell_texts,
    is_alert,
    line_of,
    source_slice,
    table_rows,
)

_LISTS = ("bullet_list", "ordered_list")
_COMMAND_FENCES = {
    "powershell",
    "azurepowershell",
    "console",
    "cmd",
    "bash",
    "sh",
    "shell",
    "ps",
    "ps1",
    "csharp",
    "cs",
    "c#",
    "python",
    "javascript",
    "js",
    "typescript",
    "java",
    "xml",
    "html",
    "http",
    "kusto",
    "sql",
    "yaml",
    "json",
    "ini",
    "dos",
    "batch",
    "vb",
    "vbscript",
}
_ERROR_LEAD = re.compile(r"\b(error|message|exception|following|resembles|receive|see|get)\b", re.I)
# "…you receive the following error message:" says the next fence is output, whatever its language.
_RECEIVED_LEAD = re.compile(
    r"\b(receive|see|get|encounter|returns?|displays?|shows?|logs?|logged)\b[^:]*"
    r"\b(error|message|exception)s?\b|\b(error|message|exception)s?\b[^:]*\bresembl",
    re.I,
)
_MAX_MESSAGE_CHARS = 1500
_QUOTE_MARKS = "\"'\u201c\u201d"
_ERROR_HEADER = re.compile(r"\b(error|code|name)\b", re.I)
_MESSAGE_HEADER = re.compile(r"\b(message|details?|description|text)\b", re.I)
_FIX_HEADER = re.compile(r"\b(resolution|solution|fix|action|workaround|how to|steps?)\b", re.I)


@dataclass
class _Draft:
    """A problem while it is being assembled from sections."""

    title: str
    line: int
    symptoms: list[str] = field(default_factory=list)
    messages: list[str] = field(default_factory=list)
    codes: list[str] = field(default_factory=list)
    seen_in: list[str] = field(default_factory=list)
    cause: list[str] = field(default_factory=list)
    steps: list[Step] = field(default_factory=list)
    body: list[str] = field(default_factory=list)

    def to_problem(self, ordinal: int, *, whole_article: bool = False) -> Problem:
        messages = _unique(m for m in (clean(x)[:_MAX_MESSAGE_CHARS] for x in self.messages) if m)
        code_text = "\n".join([self.title, *messages, *self.codes])
        codes = _unique([*self.codes, *error_codes(code_text)])
        codes += [c for c in error_codes("\n".join(self.symptoms), named=False) if c not in codes]
        for n, step in enumerate(self.steps, start=1):
            step.ordinal = n
        return Problem(
            ordinal=ordinal,
            title=self.title,
            line=self.line,
            symptoms="\n\n".join(self.symptoms),
            error_messages=messages,
            error_codes=codes,
            seen_in="\n\n".join(self.seen_in),
            cause="\n\n".join(self.cause),
            steps=self.steps,
            body="\n\n".join(self.body),
            whole_article=whole_article,
        )


def _unique(items: object) -> list[str]:
    seen: dict[str, None] = {}
    for item in items:  # type: ignore[attr-defined]
        seen.setdefault(item, None)
    return list(seen)


def problems_from_markdown(root: Section, title: str, lines: list[str]) -> list[Problem]:
    """Extract the problems of an article whose heading tree is ``root``."""
    drafts = _drafts_from(root, title, lines, is_root=True)
    with_steps = [d for d in drafts if d.steps]
    if with_steps:
        return [d.to_problem(n) for n, d in enumerate(with_steps, start=1)]
    return [_whole_article(root, title, lines).to_problem(1, whole_article=True)]


def _drafts_from(section: Section, title: str, lines: list[str], *, is_root: bool) -> list[_Draft]:
    heading = title if is_root else section.title
    part_children = [c for c in section.children if heading_role(c.title) in PROBLEM_PART_ROLES]
    other_children = [c for c in section.children if heading_role(c.title) is Role.TOPIC]
    drafts: list[_Draft] = []
    if part_children:
        draft = _Draft(title=heading, line=section.line)
        _read_intro(draft, section.blocks)
        # Several resolutions side by side ("Solution 1", "Workaround 2") are groups of steps.
        resolutions = {p.title for p in part_children if heading_role(p.title) is Role.RESOLUTION}
        several = len(resolutions) > 1
        for part in part_children:
            _read_part(draft, part, lines, group=part.title if several else None)
            draft.body.extend(_all_text(part))
            draft.messages.extend(q for s in part.walk() for q in _quotes_in(s.blocks))
        # "More information" often quotes the log line a reader will find: it is the
        # problem's error text even though the section is not one of its parts.
        for info in (c for c in section.children if heading_role(c.title) is Role.INFO):
            draft.body.extend(_all_text(info))
            draft.messages.extend(q for s in info.walk() for q in _quotes_in(s.blocks))
        drafts.append(draft)
    else:
        own = _Draft(title=heading, line=section.line, body=[block_text(b) for b in section.blocks])
        _read_topic(own, section.blocks, lines)
        own.messages.extend(_quotes_in(section.blocks))
        if own.steps:
            drafts.append(own)
    drafts.extend(_table_drafts(section))
    for child in other_children:
        drafts.extend(_drafts_from(child, title, lines, is_root=False))
    return drafts


def _all_text(section: Section) -> list[str]:
    return [s.title for s in section.walk()] + [block_text(b) for s in section.walk() for b in s.blocks]


def _read_intro(draft: _Draft, blocks: list[SyntaxTreeNode]) -> None:
    """Text before a problem's first part heading describes the problem."""
    for block in blocks:
        _collect_messages(draft, [block])
        text = block_text(block)
        if text and block.type == "paragraph":
            draft.symptoms.append(text)
        elif text:
            draft.body.append(text)


def _read_part(draft: _Draft, part: Section, lines: list[str], *, group: str | None = None) -> None:
    role = heading_role(part.title)
    if role is Role.RESOLUTION:
        prose = not any(b.type in _LISTS for s in part.walk() for b in s.blocks)
        _read_resolution(draft, part, lines, group=group, prose=prose)
        return
    for section in part.walk():
        blocks = section.blocks
        text = "\n\n".join(t for t in (block_text(b) for b in blocks if not is_alert(b)) if t)
        if role is Role.ERRORS:
            draft.messages.extend(_each_message(blocks))
        elif role is Role.CODES:
            draft.codes.extend(_unique(c for b in blocks for c in _codes_in_block(b)))
        elif role is Role.SEEN_IN:
            draft.seen_in.append(text)
        elif role is Role.CAUSE:
            draft.cause.append(text)
        else:
            draft.symptoms.append(text)
            _collect_messages(draft, blocks)


def _codes_in_block(block: SyntaxTreeNode) -> list[str]:
    return [clean(t) for t in block_text(block).splitlines() if clean(t)]


def _each_message(blocks: list[SyntaxTreeNode]) -> list[str]:
    """Every message under an "Error messages" heading: one per quote, fence or list item."""
    out: list[str] = []
    for block in blocks:
        if is_alert(block):
            continue
        if block.type in _LISTS:
            out.extend(block_text(item) for item in block.children)
        else:
            out.append(block_text(block))
    return [m for m in out if m]


def _collect_messages(draft: _Draft, blocks: list[SyntaxTreeNode]) -> None:
    """Pick quoted error text out of descriptive blocks (symptoms, intros, topics)."""
    lead_in = received = False
    for block in blocks:
        quoted = lead_in and _is_quoted_paragraph(block)
        if (
            (block.type == "blockquote" and not is_alert(block))
            or _is_output(block)
            or (received and block.type == "fence")
        ):
            draft.messages.append(block_text(block))
        elif block.type in _LISTS and lead_in:
            draft.messages.extend(block_text(item) for item in block.children)
        elif quoted:
            draft.messages.append(block_text(block).strip(_QUOTE_MARKS))
        elif block.type == "paragraph":
            draft.messages.extend(_messages_in_paragraph(block))
        if block.type == "table":
            draft.messages.extend(_table_messages(block))
        text = block_text(block)
        # "…you receive the following error:" then one or more bold or quoted lines.
        lead_in = quoted or (
            block.type == "paragraph" and text.endswith(":") and bool(_ERROR_LEAD.search(text))
        )
        received = block.type == "paragraph" and text.endswith(":") and bool(_RECEIVED_LEAD.search(text))


def _is_output(block: SyntaxTreeNode) -> bool:
    """An indented code block, or a fence that is not a command: text a program printed."""
    if block.type == "code_block":
        return True
    return block.type == "fence" and block.info.strip().lower() not in _COMMAND_FENCES


def _is_quoted_paragraph(block: SyntaxTreeNode) -> bool:
    """A paragraph that is all bold, all inline code or all in quotation marks: quoted text."""
    if block.type != "paragraph" or not block.children:
        return False
    parts = [n for n in block.children[0].children if n.type != "text" or n.content.strip()]
    if len(parts) == 1 and parts[0].type in ("strong", "code_inline"):
        return True
    text = block_text(block)
    return len(text) > 2 and text[0] in _QUOTE_MARKS and text.rstrip(".")[-1] in _QUOTE_MARKS


def _quotes_in(blocks: list[SyntaxTreeNode]) -> list[str]:
    """Quoted error text anywhere, nested in steps too: block quotes and output fences.

    Articles quote the error a reader will see inside the step that produces it
    ("run Enable-Mailbox; you receive: > Windows cannot enable object…").
    """
    found: list[str] = []

    def visit(node: SyntaxTreeNode) -> None:
        if node.type == "blockquote":
            if not is_alert(node):
                found.append(block_text(node))
            return
        if node.type == "fence":
            if node.info.strip().lower() not in _COMMAND_FENCES:
                found.append(block_text(node))
            return
        for child in node.children:
            visit(child)

    for block in blocks:
        visit(block)
    return found


def _messages_in_paragraph(paragraph: SyntaxTreeNode) -> list[str]:
    """Error text inside a paragraph: after an "…error message:" line, or long inline code."""
    out: list[str] = []
    text = block_text(paragraph)
    lines = text.split("\n")
    for i, line in enumerate(lines[:-1]):
        if line.rstrip().endswith(":") and _ERROR_LEAD.search(line):
            out.append(" ".join(lines[i + 1 :]))
            break
    for node in paragraph.children[0].children if paragraph.children else []:
        if node.type == "code_inline" and len(node.content) >= 25 and " " in node.content:
            out.append(node.content)
    return out


def _table_messages(table: SyntaxTreeNode) -> list[str]:
    rows = table_rows(table)
    if not rows:
        return []
    header = cell_texts(rows[0])
    wanted = [i for i, h in enumerate(header) if _MESSAGE_HEADER.search(h) or _ERROR_HEADER.search(h)]
    return [cells[i] for row in rows[1:] for cells in [cell_texts(row)] for i in wanted if i < len(cells)]


def _table_drafts(section: Section) -> list[_Draft]:
    """One problem per row of a table that pairs an error with its resolution."""
    drafts: list[_Draft] = []
    for table in (b for b in section.blocks if b.type == "table"):
        rows = table_rows(table)
        if len(rows) < 2:
            continue
        header = cell_texts(rows[0])
        fix = next((i for i, h in enumerate(header) if _FIX_HEADER.search(h)), None)
        error = next((i for i, h in enumerate(header) if _ERROR_HEADER.search(h)), None)
        if fix is None or error is None or fix == error:
            continue
        messages = [i for i, h in enumerate(header) if _MESSAGE_HEADER.search(h) and i != fix]
        for row in rows[1:]:
            cells = cell_texts(row)
            if len(cells) <= max(fix, error) or not cells[fix] or not cells[error]:
                continue
            draft = _Draft(title=cells[error], line=line_of(row))
            if not re.search(r"\s", cells[error]):
                # A one-word error name ("DirSyncAlreadyInstalled") is the row's code.
                draft.codes.append(cells[error])
            draft.messages = [cells[error], *(cells[i] for i in messages if i < len(cells))]
            draft.symptoms = [cells[i] for i in messages if i < len(cells) and cells[i]]
            draft.steps = [Step(0, "1", cells[fix], cells[fix], line_of(row))]
            drafts.append(draft)
    return drafts


def _read_topic(draft: _Draft, blocks: list[SyntaxTreeNode], lines: list[str]) -> None:
    """A section with its own title: paragraphs before the first list describe it."""
    seen_list = False
    for block in blocks:
        if block.type in _LISTS:
            seen_list = True
        elif not seen_list:
            text = block_text(block)
            if text and not is_alert(block):
                draft.symptoms.append(text)
    if seen_list:
        _collect_messages(draft, _before_first_list(blocks))
        draft.steps.extend(_steps_from_blocks(blocks, lines, group=None))


def _before_first_list(blocks: list[SyntaxTreeNode]) -> list[SyntaxTreeNode]:
    for i, block in enumerate(blocks):
        if block.type in _LISTS:
            return blocks[:i]
    return blocks


def _read_resolution(
    draft: _Draft, section: Section, lines: list[str], group: str | None, *, prose: bool
) -> None:
    """Steps of a resolution section; its sub-headings become step groups.

    ``prose`` says the whole resolution has no list, so its paragraphs are the steps.
    """
    draft.steps.extend(_steps_from_blocks(section.blocks, lines, group=group, prose=prose))
    for child in section.children:
        if heading_role(child.title) is Role.CAUSE:
            draft.cause.append("\n\n".join(block_text(b) for b in child.blocks))
            continue
        # A group without any list ("Scenario 1", beside a "Scenario 2" with one) is prose.
        child_prose = prose or not any(b.type in _LISTS for s in child.walk() for b in s.blocks)
        _read_resolution(draft, child, lines, group=child.title, prose=child_prose)


def _steps_from_blocks(
    blocks: list[SyntaxTreeNode], lines: list[str], group: str | None, *, prose: bool | None = None
) -> list[Step]:
    """Lists become steps; in ``prose`` (default: no list among ``blocks``) each paragraph is one.

    A lead-in paragraph ending in ':' after some steps starts a new group
    ("To verify the issuer URL:"); commands, notes and quotes between lists
    belong to the step before them.
    """
    if prose is None:
        prose = not any(b.type in _LISTS for b in blocks)
    steps: list[Step] = []
    counter = 0
    for block in blocks:
        text = block_text(block)
        if block.type in _LISTS:
            for item in block.children:
                counter += 1
                steps.extend(_item_steps(item, str(counter), group, None, 0, lines))
        elif prose and block.type == "paragraph" and text:
            counter += 1
            steps.append(Step(0, str(counter), _paragraph_source(block, lines), text, line_of(block), group))
        elif block.type == "paragraph" and text.endswith(":") and steps and steps[-1].group == group:
            group, counter = text.rstrip(":").strip(), 0
        elif steps and block.type in ("fence", "blockquote", "code_block", "table") and text:
            last = steps[-1]
            last.markdown += "\n\n" + _paragraph_source(block, lines)
            last.text += "\n" + text
    return steps


def _item_steps(
    item: SyntaxTreeNode, number: str, group: str | None, parent: str | None, depth: int, lines: list[str]
) -> list[Step]:
    nested = [c for c in item.children if c.type in _LISTS]
    text = "\n".join(t for t in (block_text(c) for c in item.children if c.type not in _LISTS) if t)
    step = Step(0, number, source_slice(lines, item, nested), text, line_of(item), group, parent, depth)
    out = [step]
    sub = 0
    for child_list in nested:
        for child in child_list.children:
            sub += 1
            out.extend(_item_steps(child, f"{number}.{sub}", group, number, depth + 1, lines))
    return out


def _paragraph_source(block: SyntaxTreeNode, lines: list[str]) -> str:
    if not block.map:
        return block_text(block)
    start, end = block.map
    return "\n".join(lines[start:end]).strip()


def _whole_article(root: Section, title: str, lines: list[str]) -> _Draft:
    """The fallback: the whole article is one problem.

    Its lists are its steps; an article without lists is read as prose, each
    paragraph of its non-descriptive sections a step (every section's, as a
    last resort, in an article without Symptoms or Cause headings), so that
    every article answers with something.
    """
    draft = _Draft(title=title, line=root.line)
    sections = root.walk()
    roles = {id(s): Role.TOPIC if s is root else heading_role(s.title) for s in sections}
    for section in sections:
        _collect_messages(draft, section.blocks)
        draft.messages.extend(_quotes_in(section.blocks))
        draft.body.extend(block_text(b) for b in section.blocks)
        paragraphs = [block_text(b) for b in section.blocks if b.type == "paragraph"]
        if roles[id(section)] is Role.CAUSE:
            draft.cause.extend(paragraphs)
        elif roles[id(section)] in (Role.SYMPTOMS, Role.TOPIC):
            draft.symptoms.extend(p for p in paragraphs[:1] if p)
    passes = [
        [s for s in sections if any(b.type in _LISTS for b in s.blocks)],
        [s for s in sections if roles[id(s)] not in (Role.INFO, Role.SYMPTOMS, Role.CAUSE)],
    ]
    # An article that names its symptoms or cause but no resolution lacks one (the indexer
    # warns); only an article without that structure has its descriptions read as steps.
    if not any(roles[id(s)] in (Role.SYMPTOMS, Role.CAUSE) for s in sections):
        passes.append(sections)
    for chosen in passes:
        for section in chosen:
            group = None if section is root else section.title
            draft.steps.extend(_steps_from_blocks(section.blocks, lines, group))
        if draft.steps:
            break
    return draft
