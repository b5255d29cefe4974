"""Pasted text → what is worth matching: the error text without its wrapping.

People paste JSON error bodies, log lines with timestamps and levels, URL-encoded
redirects, text with HTML entities, stack traces and whole log files. :func:`prepare`
unwraps these into plain candidate messages and the error codes they contain.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from urllib.parse import unquote_plus

from indexer.errortext import (
    ALERT_NAME,
    FAILURE_WORDS,
    MESSAGE_NAME_HEAD,
    clean,
    code_labelled_numbers,
    codes_if_known,
    comparable,
    error_codes,
    exit_codes,
    log_lines,
    numbers_and_statuses,
)
from indexer.json_bodies import json_messages
from indexer.store import scope_key

# How deep answers are judged: the evaluation's ranks, and the answers among which a first answer
# must stand out to be "high", however few of them a caller asks for.
RANK_DEPTH = 10
MAX_QUERY_CHARS = 64 * 1024
# The start of a query that its answer quotes.
QUOTED_QUERY_CHARS = 200
# A longer paste is a log: its last MAX_SCAN_CHARS are scanned for error lines.
MAX_SCAN_CHARS = 1024 * 1024
# Past this many characters only the lines that look like errors are matched.
LONG_QUERY_CHARS = 2000
MAX_MATCHED_CHARS = 4000
# The work budget of one query, so that no paste, however hostile, costs more than a
# few milliseconds (scripts/bench_adversarial.py measures the worst inputs found).
# Lines read from the end of a paste of up to MAX_QUERY_CHARS:
MAX_LINES = 2000
# Error lines kept, the last distinct ones:
MAX_ERROR_LINES = 40
# Characters normalised for matching: twice what is matched, as values such as URLs
# and GUIDs are dropped on the way.
MAX_PREPARED_CHARS = 2 * MAX_MATCHED_CHARS
# Error codes handed to the matcher, in order of appearance:
MAX_CODES = 20

# A line that reports a failure, lower-cased: its words, or an HRESULT.
_ERROR_LINE = re.compile(FAILURE_WORDS.pattern + r"|0x[0-9a-f]{8}")
# A code such as AADSTS50105 or SSPR_0029, found from its digits: there are few places to
# try, where "two capitals then three digits" would be tried at every capital of a long token.
_CODE_LIKE = re.compile(r"\d{3}(?<=[A-Z]{2}\d{3})|\d{3}(?<=[A-Z]{2}[_-]\d{3})")
# Not a "%" that leads a message's name in capitals, whose first two letters may be hexadecimal digits: a
# network device's syslog name ("%CDP-4-DUPLEX_MISMATCH") or a VMS condition's ("%BACKUP-F-WRITEERR").
_URL_ENCODED = re.compile(rf"%(?!{MESSAGE_NAME_HEAD})[0-9a-f]{{2}}|\w\+\w+\+\w", re.I)
# Such a "%", kept as it is when the text around it is decoded.
_NAME_PERCENT = re.compile(rf"%(?={MESSAGE_NAME_HEAD})")

# A forum post's or a ticket's list of what the asker already tried, under a line that labels it ("What I've
# tried:", "Things we tried so far:", "Already tried:"), an item a line ("- restarted the service", "2. …").
# Each attempt is a fix that did not work, and its words are other problems' steps: "`brew doctor` says …" and
# "running `make install PREFIX=...` by hand" put a formula's "install: mkdir …: Operation not permitted" under
# the FAQ's "Why does Homebrew say sudo is bad?" before the cookbook's section that answers it. An item that
# says what the asker checked ("- Checked the attribute really is TRUE on the AD object", "Verified …",
# "Confirmed …") is what they found, not a fix: it stays, with the question around the list.
# The label is matched on its line stripped, and only on a short one, its closing colon and bold marks one run:
# four optional runs of blanks in a row, joined by optional marks, took 52 s on "Tried" and 500 blanks.
_TRIED_LABEL = re.compile(
    r"(?:\*\*|#{1,6}\s*)?(?i:(?:what|things|steps)\s+)?(?i:(?:i|we)(?:'ve|\u2019ve|\s+have)?\s+)?"
    r"(?i:already\s+)?(?i:tried)(?i:\s+so\s+far)?[\s:*]*"
)
_TRIED_LABEL_CHARS = 80
_ITEM_MARK = r"\s*(?:[-*+\u2022]|\d{1,2}[.)])\s"
_LIST_ITEM = re.compile(_ITEM_MARK)
_CHECKED_ITEM = re.compile(_ITEM_MARK + r"\s*(?i:checked|double-checked|verified|confirmed|made sure)\b")

# The strip of fields that an alerting, error-tracking or CI tool heads its notification with, parted by middle
# dots ("[Bugsnag] acme-agent · New error · production", "Run #1187 · job tap_syntax (macos-14) · 1m 12s",
# "Incident #48213 · Service: Endpoint Engineering · Urgency: low"): which tool, project, run, environment and
# counts, not what failed. Its words ("workflow", "job", "run", "main") found a test bot's and an audit's
# sections before the page of the deprecation the paste's error names. A strip with an error's message in a
# field ("[Sentry] web · TypeError: x is undefined · 14 events") says what failed, and stays.
_STRIP_MARK = " \u00b7 "
_HEADER_STRIP = re.compile(r"[^\u00b7\n]{1,80}(?: \u00b7 [^\u00b7\n]{1,80}){2,}")
_ERROR_FIELD = re.compile(r"\b[A-Za-z_.]*(?:Error|Exception|Fault)\b:?\s|\b(?i:error|fatal|panic):\s")


def _is_header_strip(line: str) -> bool:
    """Whether ``line`` is a notification's strip of fields (:data:`_HEADER_STRIP`) with no error message in it."""
    return bool(_HEADER_STRIP.fullmatch(line.strip())) and not _ERROR_FIELD.search(line)


def _header_strips(text: str) -> str:
    """The notification strips (:func:`_is_header_strip`) among the last MAX_LINES lines of ``text``, at most
    MAX_PREPARED_CHARS of them: no words of the error, but the codes and the alert name they give are the query's
    ("Contoso Portal · Sign-in failed · AADSTS50105 · …", "[FIRING:1] OrdersApiQueueLag · orders-api · prod"
    lost the code and the alert that answer them)."""
    lines = text.splitlines()[-MAX_LINES:]
    return "\n".join(line for line in lines if _STRIP_MARK in line and _is_header_strip(line))[
        :MAX_PREPARED_CHARS
    ]


@dataclass(frozen=True)
class Scope:
    """Which articles a query may be answered from: one product, and tags they all carry.

    Case-insensitive, like the facet filters of search services (a portal page about
    one product asks only about it). Empty means the whole knowledge base.
    """

    product: str | None = None
    tags: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.product) or bool(self.tags)

    @classmethod
    def of(cls, product: str | None = None, tags: Iterable[str] | None = None) -> Scope | None:
        """The scope a front end's options describe, or None for the whole knowledge base.

        Spaces around a product or a tag are no part of it, and one of spaces only names
        nothing, as an empty one does: `"product": " "` or a portal's `data-product="VPN "`
        was a scope no article is in, answered "no confident match" without a word.
        """
        name = (product or "").strip() or None
        kept = tuple(t.strip() for t in tags or () if t.strip())
        return cls(product=name, tags=kept) if name or kept else None

    def sql(self, alias: str) -> tuple[str, list[str]]:
        """A WHERE condition on articles ``alias`` and its parameters ("" when unscoped)."""
        conditions: list[str] = []
        params: list[str] = []
        # Both are index lookups of the keys written with each article: scoping a query costs
        # the articles in scope, not a pass over every article.
        if self.product:
            conditions.append(f"{alias}.product_key = ?")
            params.append(scope_key(self.product))
        for tag in self.tags:
            conditions.append(f"{alias}.id in (select article_id from article_tags where tag_key = ?)")
            params.append(scope_key(tag))
        return " and ".join(conditions), params


@dataclass
class PreparedQuery:
    """A query ready for matching."""

    text: str
    parts: list[str]
    codes: list[str]
    truncated: bool = False
    comparable_text: str = field(default="")
    # Codes the query writes where nothing marks them as codes ("printer shows E-330", a bare
    # "0x0000011b"): they count only if the index knows them, and are not reported as the query's.
    codes_if_known: list[str] = field(default_factory=list)
    # Numbers it gives as error codes ("errorCode": 50105): they name the codes the index knows
    # by that number (AADSTS50105), and are not reported as the query's codes either.
    code_numbers: list[str] = field(default_factory=list)
    # The HTTP error statuses it names as such ("502 Bad Gateway", "HTTP 413"): every web server and proxy
    # prints them, so they name no product's code of the same digits, and do not identify a problem alone.
    statuses: list[str] = field(default_factory=list)
    # Of those, the ones it labels as its error's code elsewhere too ("HTTP/1.1 502 Bad Gateway" over a
    # body's "errorCode": 502): they name the product's code of their digits, as the body alone does.
    labelled_statuses: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not self.comparable_text:
            self.comparable_text = comparable(" ".join(self.parts))[:MAX_MATCHED_CHARS]


def without_lone_surrogates(text: str) -> str:
    """``text`` with each lone surrogate as U+FFFD, and each surrogate pair as its character.

    JSON can escape half of a UTF-16 pair ("\\ud800"), as text cut in the middle of an emoji
    does; UTF-8 (an HTTP body, SQLite, a terminal) cannot carry one.
    """
    return text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")


def prepare(text: str) -> PreparedQuery:
    """Unwrap ``text`` into the messages worth matching and the codes it names.

    Text over MAX_QUERY_CHARS is treated as a log: only the error-looking lines of
    its last MAX_SCAN_CHARS are matched, and ``truncated`` says so.
    """
    truncated = len(text) > MAX_QUERY_CHARS
    if truncated:
        text = log_excerpt(text)
    text = _unescaped(text.replace("\x00", " "))
    # A body opens with a brace: a paste without one (most) has none to read, and no decoder is made.
    parts, wrapper_codes, numbers = (
        json_messages(text, max_chars=MAX_PREPARED_CHARS) if "{" in text else ([], [], [])
    )
    strips = _header_strips(text) if not parts and _STRIP_MARK in text else ""
    parts = parts or _lines_worth_matching(text, max_lines=MAX_LINES)
    if sum(len(p) for p in parts) > MAX_PREPARED_CHARS:
        truncated = True
    # Cut before and after normalising: NFKC can lengthen text.
    parts = _within([_decode(p) for p in _within(parts, MAX_PREPARED_CHARS)], MAX_PREPARED_CHARS)
    parts = _within([p for p in (clean(p) for p in parts) if p], MAX_PREPARED_CHARS)
    joined = "\n".join(parts)
    codes = error_codes(joined, any_case=True)
    codes += [c for c in [*wrapper_codes, *error_codes(strips, any_case=True)] if c not in codes]
    if len(joined) > MAX_MATCHED_CHARS:
        truncated = True
    # An alert's name (Alertmanager's "[FIRING:1] PaymentLatencyHigh …") is a code where a runbook
    # heads a section with it, whatever words it is made of.
    named = [m.group(0) for text_of in (joined, strips) for m in ALERT_NAME.finditer(text_of)]
    # So is an exit code a problem's title names it by ("msiexec returned exit code 1618" for "## Setup exits
    # with code 1618"): only that number, not a product's code of its digits (E1618), as "error 1618" would.
    # And a number labelled "Code" alone ("Code 3421"), as an app's screen closes its message with it.
    if_known = [
        c
        for c in dict.fromkeys(
            [
                *codes_if_known(joined),
                *named,
                *exit_codes(joined),
                *code_labelled_numbers(joined),
                *codes_if_known(strips),
            ]
        )
        if c not in codes
    ]
    # Read in the paste as written too: a log level that labels a number ("Error: 18456, Severity: 14,
    # State: 8.", as a database server logs its errors) is cut from the lines matched.
    # (Most often the two are the same text, read once.)
    head = text[:MAX_PREPARED_CHARS]
    in_joined = numbers_and_statuses(joined)
    in_head = numbers_and_statuses(head) if head != joined else in_joined
    # A status the paste labels as its error's code too, in a body's field or in its text as written
    # ("HTTP/1.1 502 Bad Gateway" over "errorCode": 502), is that code, as the body alone says.
    labelled = {*numbers, *in_joined.codes, *in_head.codes}
    numbers = list(dict.fromkeys([*numbers, *in_joined.numbers, *in_head.numbers]))
    return PreparedQuery(
        text=text,
        parts=parts,
        codes=codes[:MAX_CODES],
        truncated=truncated,
        codes_if_known=if_known[:MAX_CODES],
        code_numbers=numbers[:MAX_CODES],
        statuses=in_joined.statuses[:MAX_CODES],
        labelled_statuses=[s for s in in_joined.statuses if s in labelled][:MAX_CODES],
    )


def log_excerpt(text: str) -> str:
    """What the matcher reads of a paste over MAX_QUERY_CHARS: a log, which ends with its failure,
    so the error-looking lines of its last MAX_SCAN_CHARS, at most MAX_QUERY_CHARS of them."""
    tail = text[-MAX_SCAN_CHARS:].replace("\x00", " ")
    return "\n".join(_lines_worth_matching(tail))[-MAX_QUERY_CHARS:]


def _within(parts: list[str], limit: int) -> list[str]:
    """The first ``parts`` up to ``limit`` characters in all, the last one cut."""
    kept: list[str] = []
    room = limit
    for part in parts:
        if room <= 0:
            break
        kept.append(part[:room])
        room -= len(part)
    return kept


def _decode(text: str) -> str:
    """``text`` as its reader saw it: URL-encoded text (a redirect's error description) and HTML
    entities (copied from a page's source, or a log that escapes HTML) decoded. Articles' text
    has its entities decoded by the Markdown parser, so a paste must too to compare equal."""
    # Both forms have a "%" or a "+": a text with neither (most) is not scanned for them.
    encoded = ("%" in text or "+" in text) and _URL_ENCODED.search(text)
    text = unquote_plus(_NAME_PERCENT.sub("%25", text)) if encoded else text
    return html.unescape(text)


def _unescaped(text: str) -> str:
    """A log copied out of a JSON string (a log service's field, an API's error) as lines again.

    Such a paste has its line breaks and quotes escaped (``\\n``, ``\\"``), which hides its
    log lines from :func:`_lines_worth_matching`. Only text that is, as a whole, the body of
    a valid JSON string is decoded: a Windows path (``C:\\new\\data``) is not one.
    """
    if "\\n" not in text:
        return text
    try:
        return str(json.loads(f'"{text.strip()}"'))
    except ValueError:
        return text


def _lines_worth_matching(text: str, *, max_lines: int | None = None) -> list[str]:
    """Log prefixes and stack frames removed; in long text only the error-looking lines.

    With ``max_lines``, only the last that many non-blank lines are read.
    """
    lines = [line for line in text.splitlines() if line.strip()]
    if max_lines is not None:
        lines = lines[-max_lines:]
    # In any case, as the label is matched: "TRIED:" heads attempts as "Tried:" does.
    if "tried" in text.lower():
        lines = _without_attempts(lines)
    if _STRIP_MARK in text:
        # A paste of strips alone is what there is to match.
        lines = [line for line in lines if _STRIP_MARK not in line or not _is_header_strip(line)] or lines
    lines = log_lines(lines)
    if sum(len(line) for line in lines) <= LONG_QUERY_CHARS:
        return [" ".join(lines)] if lines else []
    if len(lines) == 1:
        return lines
    errorish = [line for line in lines if _looks_like_error(line)]
    return _last_distinct(errorish or lines)


def _without_attempts(lines: list[str]) -> list[str]:
    """``lines`` without the list of what the asker already tried (:data:`_TRIED_LABEL`) but for what
    they checked (:data:`_CHECKED_ITEM`) and the attempts that quote an error, and without the label."""
    kept: list[str] = []
    attempts = False
    for line in lines:
        label = line.strip()
        if len(label) <= _TRIED_LABEL_CHARS and _TRIED_LABEL.fullmatch(label):
            attempts = True
            continue
        attempts = attempts and bool(_LIST_ITEM.match(line))
        # An attempt that quotes what it printed ("- brew update: fatal: early EOF", "… fails with 0x80070005")
        # gives the question's error, as a finding does: dropped, the error went with it.
        if not attempts or _CHECKED_ITEM.match(line) or _ERROR_FIELD.search(line) or error_codes(line):
            kept.append(line)
    return kept


def _looks_like_error(line: str) -> bool:
    # Only the beginning of a line is ever matched, so only the beginning decides.
    line = line[:MAX_PREPARED_CHARS]
    return bool(_ERROR_LINE.search(line.lower()) or _CODE_LIKE.search(line))


def _last_distinct(lines: list[str]) -> list[str]:
    """The last lines that differ in more than their values, in order: logs end with the failure.

    At most MAX_ERROR_LINES lines of at most MAX_PREPARED_CHARS in all are kept, and
    no more than that many characters are compared.
    """
    seen: set[str] = set()
    kept: list[str] = []
    size = compared = 0
    for line in reversed(lines):
        if len(kept) >= MAX_ERROR_LINES or size >= MAX_PREPARED_CHARS or compared >= MAX_PREPARED_CHARS:
            break
        key = comparable(line[:MAX_PREPARED_CHARS])
        compared += min(len(line), MAX_PREPARED_CHARS)
        if key not in seen:
            seen.add(key)
            kept.append(line)
            size += len(line)
    return kept[::-1]
