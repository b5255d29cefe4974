"""Pasted text → what is worth matching: the error text without its wrapping.

People paste JSON error bodies, log lines with timestamps and levels, URL-encoded
redirects, stack traces and whole log files. :func:`prepare` unwraps these into
plain candidate messages and the error codes they contain.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from urllib.parse import unquote_plus

from indexer.errortext import clean, comparable, error_codes

# How many matches every front end returns by default, and at most.
DEFAULT_MATCHES = 5
MAX_MATCHES = 50
MAX_QUERY_CHARS = 64 * 1024
# A longer paste is a log: its last MAX_SCAN_CHARS are scanned for error lines.
MAX_SCAN_CHARS = 1024 * 1024
# Past this many characters only the lines that look like errors are matched.
LONG_QUERY_CHARS = 2000
MAX_MATCHED_CHARS = 4000

_JSON_TEXT_KEYS = re.compile(r"message|description|error|detail|reason|title|text", re.I)
_JSON_CODE_KEYS = re.compile(r"code|name|type", re.I)
_LOG_PREFIX = re.compile(
    r"^\s*(?:\[?\d{4}-\d{2}-\d{2}(?:[T ][\d:.,]+(?:Z|[+-]\d{2}:?\d{2})?)?\]?\s*)?"
    r"(?:\[?(?:TRACE|DEBUG|INFO|WARN|WARNING|ERROR|ERR|FATAL|CRITICAL|SEVERE)\]?:?\s*)?"
    r"(?:\[[\w .:/-]{1,40}\]\s*)?",
    re.I,
)
_STACK_FRAME = re.compile(r"^\s*(?:at\s+[\w.$<>`\[\]]+\(|at\s+[\w.$<>`]+\.[\w<>`]+|File \".*\", line \d+)")
_ERRORISH = re.compile(
    r"error|exception|fail|denied|invalid|cannot|can't|unable|not found|refused|timed? ?out|"
    r"unauthori[sz]ed|forbidden|(?-i:[A-Z]{2,8}[_-]?\d{3,7})|0x[0-9a-f]{8}",
    re.I,
)
_URL_ENCODED = re.compile(r"%[0-9a-f]{2}|\w\+\w+\+\w", re.I)


@dataclass
class PreparedQuery:
    """A query ready for matching."""

    text: str
    parts: list[str]
    codes: list[str]
    truncated: bool = False
    comparable_text: str = field(default="")

    def __post_init__(self) -> None:
        if not self.comparable_text:
            self.comparable_text = comparable(" ".join(self.parts))[:MAX_MATCHED_CHARS]


def prepare(text: str) -> PreparedQuery:
    """Unwrap ``text`` into the messages worth matching and the codes it names.

    Text over MAX_QUERY_CHARS is treated as a log: only the error-looking lines of
    its last MAX_SCAN_CHARS are matched, and ``truncated`` says so.
    """
    truncated = len(text) > MAX_QUERY_CHARS
    if truncated:
        # Logs end with the failure; keep the error-looking lines of their tail.
        tail = text[-MAX_SCAN_CHARS:].replace("\x00", " ")
        text = "\n".join(_lines_worth_matching(tail))[-MAX_QUERY_CHARS:]
    text = text.replace("\x00", " ")
    parts, wrapper_codes = _json_messages(text)
    parts = [_decode(p) for p in (parts or _lines_worth_matching(text))]
    parts = [p for p in (clean(p) for p in parts) if p]
    joined = "\n".join(parts)
    codes = error_codes(joined, any_case=True)
    codes += [c for c in wrapper_codes if c not in codes]
    if len(joined) > MAX_MATCHED_CHARS:
        truncated = True
    return PreparedQuery(text=text, parts=parts, codes=codes, truncated=truncated)


def _decode(text: str) -> str:
    return unquote_plus(text) if _URL_ENCODED.search(text) else text


def _json_messages(text: str) -> tuple[list[str], list[str]]:
    """The messages and the codes of a JSON error body; ([], []) when the text holds none."""
    start = text.find("{")
    if start < 0:
        return [], []
    try:
        data, end = json.JSONDecoder().raw_decode(text[start:])
    except ValueError:
        return [], []
    found: list[str] = []
    codes: list[str] = []

    def visit(value: object, key: str) -> None:
        if isinstance(value, dict):
            for k, v in value.items():
                visit(v, str(k))
        elif isinstance(value, list):
            for v in value:
                visit(v, key)
        elif isinstance(value, str) and _JSON_CODE_KEYS.search(key) and not _JSON_TEXT_KEYS.search(key):
            # A body's "code" is a family ("BadRequest") shared by many errors: keep it out of
            # the words that are matched, but still recognise it as a code.
            codes.append(value)
        elif isinstance(value, str) and _JSON_TEXT_KEYS.search(key) and not _looks_like_id(value):
            found.append(value)

    visit(data, "")
    if not found:
        return [], codes
    around = (text[:start] + " " + text[start + end :]).strip()
    return [*found, *([around] if around else [])], [c for c in codes if error_codes(c)]


def _looks_like_id(value: str) -> bool:
    return not re.search(r"[a-z]{3,}\s", value, re.I) and not error_codes(value, any_case=True)


def _lines_worth_matching(text: str) -> list[str]:
    """Log prefixes and stack frames removed; in long text only the error-looking lines."""
    lines = [_LOG_PREFIX.sub("", line) for line in text.splitlines()]
    lines = [line for line in lines if line.strip() and not _STACK_FRAME.match(line)]
    if sum(len(line) for line in lines) <= LONG_QUERY_CHARS:
        return [" ".join(lines)] if lines else []
    errorish = [line for line in lines if _ERRORISH.search(line)]
    # Logs end with the failure: keep the last error lines.
    return _dedupe(errorish or lines)[-40:]


def _dedupe(lines: list[str]) -> list[str]:
    seen: set[str] = set()
    out: list[str] = []
    for line in lines:
        key = comparable(line)
        if key not in seen:
            seen.add(key)
            out.append(line)
    return out
