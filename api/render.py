"""The Markdown a person reads, for every shape in :mod:`api.models`, and the JSON.

One function per shape, used by the CLI, the HTTP API and the MCP server alike.
"""

from __future__ import annotations

import re
from functools import singledispatch
from typing import Any

import pydantic_core
from pydantic import BaseModel

from api.models import (
    ArticleOut,
    ArticlePage,
    ArticleStructure,
    FeedbackReport,
    Match,
    MatchResult,
    NoteOut,
    ProblemDetail,
    ProblemOut,
    ProblemStructure,
    SearchResult,
    StepOut,
)
from api.query import MAX_QUERY_CHARS, MAX_SCAN_CHARS
from indexer.records import without_terminal_controls

# Error messages a problem's Markdown quotes under its symptoms; the JSON answer has them all.
MAX_QUOTED_MESSAGES = 3
# Under Steps, for a problem whose section documents no fix (the widget says the same).
NO_STEPS = "This article gives no steps for this problem."
# For a truncated query (api.query.prepare): an agent reading only the text must know that an error
# outside what was read went unchecked, with or without an answer.
TRUNCATED = (
    f"The query was long: only its error-looking lines were matched, up to the size limit "
    f"(of a text over {MAX_QUERY_CHARS // 1024} KiB, those of its last {MAX_SCAN_CHARS // 1024 // 1024} MiB)."
)
# A product or tags that no article of the index has: said, or a misspelt `data-product` answers
# nothing for ever without a word.
OUT_OF_SCOPE = "No article in the index has the product and tags asked for, all together: is one misspelt, or do they never go together?"
# A text that opens with a list item ("- …", "1. …"), as a problem's listed symptoms or causes do.
_LIST_ITEM = re.compile(r"(?:[-*+]|\d{1,9}[.)]) ")
# What Markdown reads as markup inside a line of plain text: backslashes, code, emphasis (an
# underscore only at a word's edge), HTML and links. A list item's own mark opens its line, unescaped.
_MARKDOWN_SPECIAL = re.compile(r"[\\`*<\[\]]|(?<!\w)_|_(?!\w)")


def counted(n: int, noun: str, plural: str | None = None) -> str:
    """``n`` and ``noun``, plural unless ``n`` is 1: "1 article", "4 problems", "2 queries"."""
    return f"{n} {noun if n == 1 else plural or noun + 's'}"


def indexed(articles: int, problems: int, steps: int) -> str:
    """What an index holds, as `kb index` and `kb serve` report it: "1 article, 4 problems, 22 steps"."""
    return f"{counted(articles, 'article')}, {counted(problems, 'problem')}, {counted(steps, 'step')}"


def to_data(value: Any) -> Any:
    """``value`` as JSON data: what ``value.model_dump(mode="json")`` returns for these shapes.

    Read from the fields themselves, so a one-shot command never builds pydantic's
    serializer (and with it the validator, see :class:`api.models.Shape`). The shapes
    have no aliases, custom serializers or computed fields to honour;
    ``tests/test_json_output.py`` checks that both agree on every shape.
    """
    if isinstance(value, BaseModel):
        return {name: to_data(getattr(value, name)) for name in type(value).model_fields}
    if isinstance(value, list):
        return [to_data(item) for item in value]
    if isinstance(value, dict):
        return {key: to_data(item) for key, item in value.items()}
    return value


def to_json(value: Any) -> str:
    """``value`` (a shape, or lists and dicts of them) as indented JSON: of a shape, byte for byte
    what ``value.model_dump_json(indent=2)`` writes."""
    # pydantic's own encoder, so numbers and escapes are written as model_dump_json writes them.
    return pydantic_core.to_json(to_data(value), indent=2).decode()


def to_json_line(value: Any) -> str:
    """``value`` as one line of JSON, written by the encoder :func:`to_json` uses: a batch's
    answers read as ``--format json`` writes them one at a time (text as UTF-8, not as ``\\u``
    escapes)."""
    return pydantic_core.to_json(to_data(value)).decode()


@singledispatch
def to_markdown(value: BaseModel) -> str:
    """Render any kb-answer result as Markdown."""
    raise TypeError(f"no Markdown rendering for {type(value).__name__}")


def _steps(steps: list[StepOut], indent: str = "") -> list[str]:
    """Steps and their sub-steps as a Markdown list, each with the number the author gave it."""
    lines: list[str] = []
    for step in steps:
        body = step.markdown.replace("\n", "\n" + indent + "   ")
        lines.append(f"{indent}{step.number.split('.')[-1]}. {body}")
        lines += _steps(step.steps, indent + "   ")
    return lines


def reading_order(steps: list[StepOut], notes: list[NoteOut]) -> list[StepOut | NoteOut | str]:
    """The top-level ``steps``, the names of their groups (as ``str``) and the ``notes``, in the order
    a reader meets them: each note where its source line falls among the steps', a group's own
    lead-in under its name, anything else there above it."""
    pending = sorted(notes, key=lambda note: note.line)
    out: list[StepOut | NoteOut | str] = []
    taken = 0
    for i, step in enumerate(steps):
        due = []
        while taken < len(pending) and pending[taken].line < step.line:
            due.append(pending[taken])
            taken += 1
        if i == 0 or step.group != steps[i - 1].group:
            # Under the group's name go its own lead-ins; a remark on the group before, or a
            # lead-in of the whole fix, goes above it.
            under: list[NoteOut] = []
            for note in due:
                (under if not note.after and note.group == step.group else out).append(note)
            out += [step.group] if step.group else []
            out += under
        else:
            out += due
        out.append(step)
    return out + pending[taken:]


def _steps_with_notes(steps: list[StepOut], notes: list[NoteOut]) -> list[str]:
    """The steps with their groups' names and the notes among them, as Markdown."""
    lines: list[str] = []
    for item in reading_order(steps, notes):
        if isinstance(item, str):
            lines += [*([""] if lines and lines[-1] else []), f"**{item}**", ""]
        elif isinstance(item, NoteOut):
            # A blank line on each side: else Markdown reads a paragraph next to a list item as part of it.
            lines += [*([""] if lines and lines[-1] else []), item.markdown, ""]
        else:
            lines += _steps([item])
    if not steps:
        lines += [*([""] if lines and lines[-1] else []), f"_{NO_STEPS}_"]
    while lines and not lines[-1]:
        lines.pop()
    return lines


def _labelled(label: str, text: str) -> list[str]:
    """A field's label and plain text as Markdown: a text that opens with a list starts below its label."""
    if _LIST_ITEM.match(text):
        return ["", f"**{label}:**", "", _escaped(text)]
    return ["", f"**{label}:** {_escaped(text)}"]


def _escaped(text: str) -> str:
    """Plain text (symptoms, a cause, an error message) as Markdown that shows it as it is: a
    placeholder such as ``MSO_<nnnnnnnnnnn>`` was read as an HTML tag and vanished, and ``***`` in
    a pasted log turned into emphasis. Underscores inside words stay as they are, as Markdown does."""
    return _MARKDOWN_SPECIAL.sub(r"\\\g<0>", text)


def _problem_fields(problem: ProblemOut) -> list[str]:
    lines: list[str] = []
    if problem.symptoms:
        lines += _labelled("Symptoms", problem.symptoms)
    # The messages the symptoms do not already quote word for word, at most MAX_QUOTED_MESSAGES.
    quoted = [m for m in problem.error_messages if m not in problem.symptoms]
    for message in quoted[:MAX_QUOTED_MESSAGES]:
        lines += ["", "> " + _escaped(message).replace("\n", "\n> ")]
    if len(quoted) > MAX_QUOTED_MESSAGES:
        more = len(quoted) - MAX_QUOTED_MESSAGES
        lines += ["", f"_… and {counted(more, 'more error message')} (in the JSON answer)_"]
    if problem.error_codes:
        lines += ["", "**Error codes:** " + ", ".join(map(_code, problem.error_codes))]
    if problem.seen_in:
        lines += ["", f"**Seen in:** {_escaped(problem.seen_in)}"]
    if problem.cause:
        lines += _labelled("Cause", problem.cause)
    return lines


def _linked(title: str, url: str | None) -> str:
    """``title`` as a link to the original article when its address is known."""
    # In angle brackets: a URL may hold parentheses, which would end a bare destination early (the
    # indexer refuses a URL with "<", ">" or a space).
    return f"[{title}](<{url}>)" if url else title


# What each label asks of the reader, beside it: the number alone read as the answer's worth, and
# a medium answer can carry a higher one than a high answer does (the label asks for more evidence).
CONFIDENCE_MEANING = {
    "high": "follow its steps",
    "medium": "likely: check that the symptoms agree",
    "low": "not an answer",
}


def shows_symptoms(steps: list[StepOut], confidence: str | None = None) -> bool:
    """Whether an answer shows its problem's symptoms: with no steps to follow, what the article says
    the problem is comes first; so it does for a medium answer (``confidence``), whose reader (an
    agent given only this text) is to check that they agree before relying on it."""
    return not steps or confidence == "medium"


def _match(match: Match, rank: int) -> list[str]:
    article = _linked(match.article.title, match.article.url)
    lines = [
        f"## {rank}. {match.problem.title}",
        "",
        f"Confidence: **{match.confidence}**, {CONFIDENCE_MEANING[match.confidence]} (score {match.score:.2f}) · "
        f"Article: {article} ({_code(match.article.source)}, problem {_code(match.problem.id)})",
    ]
    if shows_symptoms(match.steps, match.confidence) and match.problem.symptoms:
        lines += _labelled("Symptoms", match.problem.symptoms)
    if match.problem.cause:
        lines += _labelled("Cause", match.problem.cause)
    lines += ["", "### Steps", "", *_steps_with_notes(match.steps, match.notes)]
    if match.evidence:
        why = "; ".join(f"{e.field} ({e.score:.2f}): {e.query_part[:80]!r}" for e in match.evidence[:3])
        lines += ["", f"_Why: {why}_"]
    return lines


@to_markdown.register
def _(result: MatchResult) -> str:
    lines: list[str] = []
    if result.no_confident_match:
        lines += ["# No confident match", "", "Nothing in the knowledge base reliably answers this query."]
        if result.scope_articles == 0:
            lines += ["", OUT_OF_SCOPE]
        if result.matches:
            lines += ["", "Closest, with low confidence:"]
            for m in result.matches[:3]:
                lines.append(f"- {m.problem.title} ({_code(m.problem.id)}, {m.score:.2f})")
        if result.truncated:
            lines += ["", f"_{TRUNCATED}_"]
        return "\n".join(lines).strip() + "\n"
    best = [m for m in result.matches if m.confidence != "low"]
    lines.append("# Answer" if len(best) == 1 else "# Answers")
    for rank, m in enumerate(best, start=1):
        lines += ["", *_match(m, rank)]
    if result.truncated:
        lines += ["", f"_{TRUNCATED}_"]
    return "\n".join(lines).strip() + "\n"


@to_markdown.register
def _(problem: ProblemDetail) -> str:
    lines = [
        f"# {problem.title}",
        "",
        f"Problem {_code(problem.id)} in {_linked(problem.article.title, problem.article.url)} "
        f"({_code(problem.article.source)})",
    ]
    lines += _problem_fields(problem)
    lines += ["", "## Steps", "", *_steps_with_notes(problem.steps, problem.notes)]
    return "\n".join(lines).strip() + "\n"


@to_markdown.register
def _(article: ArticleOut) -> str:
    original = f", original at <{article.url}>" if article.url else ""
    lines = [f"# {article.title}", "", f"Article {_code(article.id)} ({_code(article.source)}{original})"]
    for problem in article.problems:
        lines += ["", f"## {problem.title}", "", f"Problem {_code(problem.id)}", *_problem_fields(problem)]
        lines += ["", "### Steps", "", *_steps_with_notes(problem.steps, problem.notes)]
    return "\n".join(lines).strip() + "\n"


def _span(page: ArticlePage, dash: str) -> str:
    """Which articles a page holds: "Articles 1–50 of 212", or none past the last ("Articles: none
    from 301 on, of 212")."""
    if page.articles:
        return f"Articles {page.offset + 1}{dash}{page.offset + len(page.articles)} of {page.total}"
    return f"Articles: none from {page.offset + 1} on, of {page.total}" if page.total else "Articles: none"


@to_markdown.register
def _(page: ArticlePage) -> str:
    lines = [f"# {_span(page, '–')}", ""]
    lines += [
        f"- {_code(a.id)} {a.title} ({counted(a.problems, 'problem')}, {_code(a.source)}"
        + "".join(
            f"; {name}: {value}"
            for name, value in (("product", a.product), ("tags", ", ".join(a.tags)))
            if value
        )
        + ")"
        for a in page.articles
    ]
    return "\n".join(lines).strip() + "\n"


@to_markdown.register
def _(result: SearchResult) -> str:
    if not result.hits:
        return f"No suggestions for {result.query!r}.\n" + (
            f"\n{OUT_OF_SCOPE}\n" if result.scope_articles == 0 else ""
        )
    lines = [
        f"- {_code(h.problem_id)} {h.title}" + (f" ({', '.join(h.error_codes)})" if h.error_codes else "")
        for h in result.hits
    ]
    return "\n".join(lines) + "\n"


@to_markdown.register
def _(report: FeedbackReport) -> str:
    lines = ["# What readers asked that nothing answered", ""]
    if report.unanswered:
        lines += ["| asked | last asked | query |", "| ---: | --- | --- |"]
        lines += [f"| {u.asked} | {u.last_asked} | {_said(u.query)} |" for u in report.unanswered]
    else:
        lines.append("Nothing yet.")
    lines += ["", "# Was this helpful?", ""]
    if report.problems:
        lines += ["| problem | yes | no |", "| --- | ---: | ---: |"]
        lines += [f"| {_code(p.problem_id)} | {p.yes} | {p.no} |" for p in report.problems]
        lines += ["", f"Latest {len(report.feedback)} of {report.total_feedback} verdicts:", ""]
        lines += [
            f"- {f.created_at} **{f.verdict}** {_code(f.problem_id)}: {_said(f.query)}"
            for f in report.feedback
        ]
    else:
        lines.append("No verdicts yet.")
    return "\n".join(lines) + "\n"


@to_markdown.register
def _(structure: ArticleStructure) -> str:
    lines = [
        f"# How {_code(structure.source)} was read",
        "",
        f"Article {_code(structure.id)}: {structure.title}",
    ]
    for p in structure.problems:
        lines += [
            "",
            f"## {_code(p.id)} {p.title} (line {p.line}{', the whole article' if p.whole_article else ''}"
            f"{', a name written as code, not compared as an error message' if p.title_is_name else ''})",
            "",
        ]
        lines += _origin_lines(p)
    lines += ["", "## Headings", "", "| line | heading | read as |", "| --- | --- | --- |"]
    indent = "\u2003"  # an em space per level, so the outline reads as a tree
    lines += [
        f"| {h.line} | {indent * max(0, h.level - 2)}{_cell(h.title)} | {_cell(h.use)} |"
        for h in structure.outline
    ]
    lines += ["", f"Searchable text outside any problem: {structure.body_chars} characters."]
    return "\n".join(lines) + "\n"


def _origin_lines(p: ProblemStructure) -> list[str]:
    out = []
    if p.symptoms_lines:
        out.append(f"- symptoms: {_line_list(p.symptoms_lines)}")
    for m in p.error_messages:
        out.append(f"- error message (line {m.line}): {_cell(m.text)[:160]}")
    if p.error_codes:
        out.append("- error codes: " + ", ".join(map(_code, p.error_codes)))
    if p.cause_lines:
        out.append(f"- cause: {_line_list(p.cause_lines)}")
    if p.seen_in_lines:
        out.append(f"- seen in: {_line_list(p.seen_in_lines)}")
    group: str | None = None
    for i, step in enumerate(p.steps):
        if step.group != group and step.group:
            out.append(f"- steps: {step.group}")
        elif i == 0:
            out.append("- steps:")
        group = step.group
        out.append(f"  - {step.number} (line {step.line}): {_cell(step.text)[:120]}")
    if not p.steps:
        out.append("- no steps: the section documents no fix")
    for note in p.notes:
        side = "after" if note.after else "before"
        where = f"{side} {note.group}" if note.group else f"{side} the steps"
        out.append(f"- note, {where} (line {note.line}): {_cell(note.text)[:120]}")
    return out


def _line_list(lines: list[int]) -> str:
    return ("line " if len(lines) == 1 else "lines ") + ", ".join(str(n) for n in lines)


def _url(url: str | None) -> str:
    return f" {url}" if url else ""


def _code(value: str) -> str:
    """``value`` (an id, a file's path, a code) as inline code that stays one piece of code: line
    breaks shown as ``\\n`` (a file's name may hold one), and a longer fence around backticks."""
    value = value.replace("\r", "\\r").replace("\n", "\\n")
    if "`" not in value:
        return f"`{value}`"
    fence = "`" * (max(len(run) for run in re.findall("`+", value)) + 1)
    return f"{fence} {value} {fence}"


def _cell(text: str) -> str:
    """``text`` on one line, safe inside a Markdown table cell."""
    return " ".join(text.split()).replace("|", "\\|")


def _typed(query: str) -> str:
    """What a reader typed, on one line and without terminal controls: it comes from anyone, and an
    escape sequence in it would drive the terminal of the administrator who reads the report
    (OSC 52 sets its clipboard), as the indexer keeps an article's from doing."""
    return " ".join(without_terminal_controls(query).split())


def _said(query: str) -> str:
    """What a reader typed, as a table cell or list item that is text only: ``[x](javascript:…)``
    would otherwise be a live link in the report an administrator opens."""
    return _cell(_escaped(_typed(query)))


@singledispatch
def to_text(value: BaseModel) -> str:
    """Render any kb-answer result as terse plain text, for terminals and agents.

    No Markdown: ids, confidence and numbered steps, an item per line, so an
    agent can read the answer without spending tokens on markup. A step or note
    that spans lines (a command to run, a table's rows) goes on in lines indented
    under it: joined into one, cmdlets to type one after another ran together.
    """
    raise TypeError(f"no text rendering for {type(value).__name__}")


def _text_spanning(head: str, text: str) -> list[str]:
    """``head`` and ``text``'s first line, its other lines indented under ``head``."""
    first, *rest = text.split("\n")
    under = " " * (len(head) - len(head.lstrip()) + 4)
    return [head + first, *(under + line.rstrip() for line in rest if line.strip())]


def _text_steps(items: list[StepOut], indent: str = "  ") -> list[str]:
    """Steps and their sub-steps, each under its full number."""
    lines: list[str] = []
    for step in items:
        lines += _text_spanning(f"{indent}{step.number}. ", step.text)
        lines += _text_steps(step.steps, indent + "  ")
    return lines


def _text_problem(
    head: str,
    item: ProblemOut,
    item_steps: list[StepOut],
    notes: list[NoteOut],
    confidence: str | None = None,
) -> list[str]:
    """A problem under ``head``: its symptoms where shown, cause, then steps and notes in reading order."""
    lines = [head]
    if shows_symptoms(item_steps, confidence) and item.symptoms:
        lines.append(f"  symptoms: {item.symptoms}".replace("\n", " "))
    if item.cause:
        lines.append(f"  cause: {item.cause}".replace("\n", " "))
    if not item_steps:
        lines.append(f"  [{NO_STEPS}]")
    for part in reading_order(item_steps, notes):
        if isinstance(part, str):
            lines.append(f"  [{part}]")
        elif isinstance(part, NoteOut):
            lines += _text_spanning("  note: ", part.text)
        else:
            lines += _text_steps([part])
    return lines


@to_text.register
def _(value: MatchResult) -> str:
    kept = [m for m in value.matches if m.confidence != "low"]
    lines: list[str]
    if value.no_confident_match or not kept:
        lines = ["no confident match"]
        if value.scope_articles == 0:
            lines.append(f"note: {OUT_OF_SCOPE}")
        lines += [
            f"  closest: {m.problem.id} ({m.confidence} {m.score:.2f}) {m.problem.title}"
            for m in value.matches[:3]
        ]
    else:
        lines = []
        for m in kept:
            head = f"{m.problem.id} ({m.confidence} {m.score:.2f}) {m.problem.title}"
            lines += [
                *_text_problem(head, m.problem, m.steps, m.notes, m.confidence),
                f"  article: {m.article.title} ({m.article.source}){_url(m.article.url)}",
            ]
    if value.truncated:
        lines.append(f"note: {TRUNCATED}")
    return "\n".join(lines) + "\n"


@to_text.register
def _(value: ProblemDetail) -> str:
    lines = _text_problem(f"{value.id} {value.title}", value, value.steps, value.notes)
    lines.append(f"  article: {value.article.title} ({value.article.source}){_url(value.article.url)}")
    return "\n".join(lines) + "\n"


@to_text.register
def _(value: ArticleOut) -> str:
    lines = [f"{value.id} {value.title} ({value.source}){_url(value.url)}"]
    for p in value.problems:
        lines += _text_problem(f"{p.id} {p.title}", p, p.steps, p.notes)
    return "\n".join(lines) + "\n"


@to_text.register
def _(value: ArticlePage) -> str:
    lines = [_span(value, "-").lower()]
    lines += [f"{a.id}\t{a.problems}\t{a.title}" for a in value.articles]
    return "\n".join(lines) + "\n"


@to_text.register
def _(value: SearchResult) -> str:
    lines = [f"{h.problem_id}\t{h.title}" for h in value.hits] or [f"no suggestions for {value.query!r}"]
    if value.scope_articles == 0:
        lines.append(f"note: {OUT_OF_SCOPE}")
    return "\n".join(lines) + "\n"


@to_text.register
def _(value: ArticleStructure) -> str:
    lines = [f"{value.id} {value.title} ({value.source})"]
    for read in value.problems:
        lines.append(f"{read.id} line {read.line}: {read.title}")
        lines += [f"  {line[2:]}" for line in _origin_lines(read)]
    lines += [f"  {h.line}\t{'  ' * max(0, h.level - 2)}{h.title}\t-> {h.use}" for h in value.outline]
    return "\n".join(lines) + "\n"


@to_text.register
def _(value: FeedbackReport) -> str:
    lines = ["unanswered (asked, query):"]
    lines += [f"  {u.asked}\t{_typed(u.query)}" for u in value.unanswered] or ["  none"]
    lines.append("verdicts (problem, yes, no):")
    lines += [f"  {p.problem_id}\t{p.yes}\t{p.no}" for p in value.problems] or ["  none"]
    lines.append(
        f"latest {len(value.feedback)} of {value.total_feedback} verdicts (time, verdict, problem, query):"
    )
    lines += [
        f"  {f.created_at}\t{f.verdict}\t{f.problem_id}\t{_typed(f.query)}" for f in value.feedback
    ] or ["  none"]
    return "\n".join(lines) + "\n"
