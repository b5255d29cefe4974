"""A FAQ posted to Usenet, saved as text, read as the Markdown its layout stands for.

A periodic FAQ posting opens with its news header ("Newsgroups: …", "Subject: …", "Archive-name: …"),
lists its questions, then gives each under a line of its own, "Subject: 4.1) …", its answer indented
under it and the entries apart by lines of dashes; a log line or a setting is set off by indenting it
deeper, and a "-- " line opens the poster's signature. Read as the Markdown it also is, the whole
posting was one problem whose steps were its questions, its answers and its dashes. Each question is
rewritten as a heading over its answer, a deeper-indented block as code, line for line, so that lines
keep their numbers (a fence with no blank line beside it is a line more).
"""

from __future__ import annotations

import re

# A field of a message's header ("Newsgroups: comp.mail.postfix"), its name and value.
_FIELD = re.compile(r"^([A-Za-z][\w-]{0,40}):[ \t]*(.*)$")
# A line that goes on with the field above it, indented.
_FOLDED = re.compile(r"^[ \t]+\S")
# A question's own subject line, numbered as the FAQ's contents number it ("Subject: 4.1) …").
_QUESTION = re.compile(r"^Subject:[ \t]*\d{1,3}(?:\.\d{1,3}){0,3}[.)]?\)?[ \t]+(\S.*)$")
# A line that parts the entries: dashes or equals signs, and nothing else.
_SEPARATOR = re.compile(r"^[ \t]*(?:-{8,}|={8,})[ \t]*$")
# The line that opens a signature ("-- ", with or without its space).
_SIGNATURE = re.compile(r"^--[ \t]?$")
# A list item's mark, up to where its text begins ("1. ", "a) ", "- ").
_ITEM = re.compile(r"^[ \t]*(?:\d{1,3}[.)]|[a-z][.)]|[-*+])[ \t]+")
# The header fields that only a news posting carries.
_NEWS_FIELDS = frozenset(("newsgroups", "archive-name"))


def usenet_markdown(text: str) -> str | None:
    """The Markdown that a FAQ posted to Usenet (``text``) stands for, line for line; None where it is no
    such posting: it opens with no news header (a "Newsgroups:" or "Archive-name:" field beside its
    "Subject:"), or no question after it has a subject line of its own ("Subject: 4.1) …")."""
    if _FIELD.match(text.partition("\n")[0]) is None:
        # No header field on the first line: most text files, turned away before they are split into lines.
        return None
    lines = text.split("\n")
    header = _header(lines)
    if header is None:
        return None
    end, subject = header
    questions = [at for at in range(end, len(lines)) if _QUESTION.match(lines[at])]
    if not questions:
        return None
    out = list(lines)
    # The posting's subject is its title; the header's other fields are the page's, under it.
    # Its first subject field's line, in any case ("SUBJECT:"), so that every other line keeps its number.
    subject_at = next(
        at for at in range(end) if (field := _FIELD.match(lines[at])) and field[1].lower() == "subject"
    )
    out[:end] = [f"# {subject}", *(line for at, line in enumerate(lines[:end]) if at != subject_at)]
    signature = next((at for at in range(end, len(lines)) if _SIGNATURE.match(lines[at])), len(lines))
    for at in range(end, signature):
        if _SEPARATOR.match(lines[at]):
            # A rule, never the underline of the line above it: the last one sets off the page's footer.
            out[at] = "***"
    for start, stop in zip(questions, [*questions[1:], signature], strict=True):
        _entry(lines, out, start, stop)
    return "\n".join(out)


def _header(lines: list[str]) -> tuple[int, str] | None:
    """Where the news header that opens ``lines`` ends (its first blank line) and its subject; None
    where they open with no header, or one with no subject or none of a news posting's fields."""
    fields: dict[str, str] = {}
    for at, line in enumerate(lines):
        if not line.strip():
            break
        if at and _FOLDED.match(line):
            continue
        field = _FIELD.match(line)
        if field is None:
            return None
        fields.setdefault(field[1].lower(), field[2].strip())
    else:
        return None
    subject = fields.get("subject", "")
    if not subject or not _NEWS_FIELDS & fields.keys():
        return None
    return at, subject


def _entry(lines: list[str], out: list[str], start: int, stop: int) -> None:
    """Rewrite the question whose subject line is ``start`` and its answer (up to ``stop``, the next
    question, the signature or the end) in ``out``: the question a heading, the answer moved to the margin
    it is indented from, and each run of lines indented deeper, outside a list item, a fence."""
    question = _QUESTION.match(lines[start])
    assert question is not None
    out[start] = f"## {question[1].strip()}"
    body = [at for at in range(start + 1, stop) if lines[at].strip() and not _SEPARATOR.match(lines[at])]
    if not body:
        return
    margin = min(_indent(lines[at]) for at in body)
    item_column: int | None = None
    code: list[int] = []
    for at in range(start + 1, stop):
        line = lines[at]
        if not line.strip() or _SEPARATOR.match(line):
            continue
        indent = _indent(line) - margin
        if item := _ITEM.match(line[margin:]):
            item_column = len(item[0])
        elif indent == 0:
            item_column = None
        if indent > 0 and item_column is None:
            code.append(at)
            continue
        out[at] = line[margin:]
        _fence(lines, out, code)
        code = []
    _fence(lines, out, code)


def _fence(lines: list[str], out: list[str], code: list[int]) -> None:
    """Fence the lines ``code`` (a run of deeper-indented lines, blank lines perhaps between them): the
    opening fence on the blank line over them, the closing one on the blank line under them, each added
    to its neighbour's line where no blank line stands there."""
    if not code:
        return
    first, last = code[0], code[-1]
    margin = min(_indent(lines[at]) for at in code)
    for at in range(first, last + 1):
        out[at] = lines[at][margin:] if lines[at].strip() else ""
    if first > 0 and not lines[first - 1].strip():
        out[first - 1] = "```"
    else:
        out[first] = f"```\n{out[first]}"
    if last + 1 < len(lines) and not lines[last + 1].strip():
        out[last + 1] = "```"
    else:
        out[last] += "\n```"


def _indent(line: str) -> int:
    """How far ``line`` is indented, a tab as far as the next multiple of eight."""
    return len(line.expandtabs(8)) - len(line.expandtabs(8).lstrip())
