"""JSON error bodies → the messages and codes a reader takes from them.

An API answers a failure with a body (``{"error": {"code": …, "message": …}}``, RFC 9457's
problem details ``{"type": …, "title": …, "status": …}``) and a structured log writes a line as
one. The matcher reads a pasted body by its text fields, and an article that quotes a body is
compared with it read the same way: read as written, keys, URLs and braces and all, a stored body
agreed with the very body a client pasted no better than with any other text.
"""

from __future__ import annotations

import json
import re

from indexer.errortext import canonical_code, codes_if_known, comparable, error_codes

# JSON is unwrapped this deep, and this many messages are taken from it:
MAX_JSON_DEPTH = 32
MAX_JSON_MESSAGES = 40
# A log of JSON lines is read a body a line; this many braces are tried at most (the rest is text):
MAX_JSON_BODIES = 40

# The keys of a body's messages; and, whole, the keys that structured logs and log shippers give a
# line's text: "msg" (Go's logrus, zap, slog, klog), "log" (Docker, Fluent Bit), "line" (Loki), "body"
# (OpenTelemetry). Whole: "logger", "catalog" and "pipeline" are not.
_JSON_TEXT_KEYS = re.compile(
    r"message|description|error|detail|reason|title|text|^(msg|log|line|body)$", re.I
)
_JSON_CODE_KEYS = re.compile(r"code|name|type", re.I)
# Whole keys whose object holds messages under keys of any name ({"messages": {"info": "…"}}):
# not "context", "errorContext" or "innerError", whose fields are no messages.
_JSON_MESSAGE_HOLDERS = re.compile(r"(?:error|message|detail|reason)s?", re.I)
# A key whose number is an error's code ("errorCode", "error_code"), not a status's, a zip code's or a type's.
_JSON_ERROR_CODE_KEYS = re.compile(r"err\w*code", re.I)
# A number that can be a code's (see indexer.errortext.code_number).
_CODE_NUMBER = re.compile(r"\d{3,9}")


def json_messages(text: str, *, max_chars: int) -> tuple[list[str], list[str], list[str]]:
    """The messages, the codes and the numbered codes ("errorCode": 50105) of the JSON error bodies
    in ``text`` (a log of JSON lines gives one body a line); ([], [], []) when it holds none.

    A brace that opens no body (a command's ``jq '{name: .name}'``, a template's ``{0}``) is
    text, and the next one is tried. Bounded: at most MAX_JSON_BODIES braces are tried (nesting
    deeper than the JSON decoder can follow is no body), values deeper than MAX_JSON_DEPTH are
    not read, at most MAX_JSON_MESSAGES messages and as many codes are taken, and ``max_chars`` of
    a value are read.
    """
    decoder = json.JSONDecoder()
    found: list[str] = []
    codes: list[str] = []
    numbers: list[str] = []
    outside: list[str] = []
    at = tried = 0
    start = text.find("{")
    while (
        start >= 0
        and tried < MAX_JSON_BODIES
        and len(found) < MAX_JSON_MESSAGES
        and len(codes) < MAX_JSON_MESSAGES
    ):
        tried += 1
        try:
            data, end = decoder.raw_decode(text, start)
        except (ValueError, RecursionError):
            start = text.find("{", start + 1)
            continue
        outside.append(text[at:start])
        at = end
        _read_body(data, found, codes, numbers, max_chars)
        start = text.find("{", at)
    if not outside:
        return [], [], []
    outside.append(text[at:])
    # Spelt as codes found in text are ("WH-495" is WH495), so the two agree and are told once; a
    # letter code ("E-330") counts too, where a body's "code" names it.
    codes = [
        canonical_code(c)
        for c in codes
        if error_codes(c[:max_chars]) or codes_if_known(c[:max_chars]) == [canonical_code(c)]
    ]
    if not found:
        return [], codes, numbers
    # A log repeats its message with other values ("*118", "*121"): each is matched once. Told
    # apart by their beginnings, where a message says what it is: MAX_JSON_MESSAGES of them are
    # normalised, not up to MAX_JSON_MESSAGES times ``max_chars`` characters.
    distinct: dict[str, str] = {}
    for message in found:
        distinct.setdefault(comparable(message[: max_chars // MAX_JSON_MESSAGES]), message)
    around = " ".join(part.strip() for part in outside if part.strip())
    return [*distinct.values(), *([around] if around else [])], codes, numbers


def _read_body(data: object, found: list[str], codes: list[str], numbers: list[str], max_chars: int) -> None:
    """Add the messages, codes and numbered codes of one JSON body to ``found``, ``codes`` and
    ``numbers``, depth first in document order, until MAX_JSON_MESSAGES of either are found.

    A line of prose in an object that holds messages is one under any key but a code's:
    ``{"messages": {"info": "Failed to get the snapshot …"}}`` (a status's messages by severity),
    as the items of ``{"errors": ["…"]}`` are."""
    # (value, its key, its depth, whether a key above it holds messages)
    pending: list[tuple[object, str, int, bool]] = [(data, "", 0, False)]
    while pending and len(found) < MAX_JSON_MESSAGES and len(codes) < MAX_JSON_MESSAGES:
        value, key, depth, within = pending.pop()
        if isinstance(value, dict) and depth < MAX_JSON_DEPTH:
            holds = within or bool(_JSON_MESSAGE_HOLDERS.fullmatch(key))
            pending.extend((v, str(k), depth + 1, holds) for k, v in reversed(value.items()))
        elif isinstance(value, list) and depth < MAX_JSON_DEPTH:
            pending.extend((v, key, depth + 1, within) for v in reversed(value))
        elif _JSON_ERROR_CODE_KEYS.search(key) and _CODE_NUMBER.fullmatch(str(value)):
            # Logs give a code of letters and digits by its number ("errorCode": 50105).
            numbers.append(str(value))
        elif isinstance(value, str) and (
            (_JSON_CODE_KEYS.search(key) and not _JSON_TEXT_KEYS.search(key))
            or _is_a_code(key, value, max_chars)
        ):
            # A body's "code" is a family ("BadRequest") shared by many errors: keep it out of
            # the words that are matched, but still recognise it as a code (once: a log's lines
            # repeat theirs).
            if value not in codes:
                codes.append(value)
        elif isinstance(value, str) and (
            (_JSON_TEXT_KEYS.search(key) and not _looks_like_id(value, max_chars))
            or (within and _is_a_line_of_prose(value[:max_chars]))
        ):
            # Under a key that holds messages, only a line of prose is one: not an id, a date or
            # a stack trace ("stack_trace" under "error", as ECS and winston log it).
            found.append(value)


# Three letters before a space is the same test as "a word of three or more", in one pass.
_PROSE = re.compile(r"[a-z]{3}\s", re.I)


def _is_a_line_of_prose(value: str) -> bool:
    return "\n" not in value.strip() and bool(_PROSE.search(value))


def _is_a_code(key: str, value: str, max_chars: int) -> bool:
    """Whether ``value``, under a key of text, is an error's name or code and no words ("reason":
    "BadDeviceToken", as a push provider gives it): a code, as under "code". Taken for the body's
    message, it stood for the body, which agreed with nothing an article quotes of it."""
    return (
        bool(_JSON_TEXT_KEYS.search(key))
        and not _PROSE.search(value)
        and error_codes(value[:max_chars], any_case=True) == [canonical_code(value)]
    )


def _looks_like_id(value: str, max_chars: int) -> bool:
    return not _PROSE.search(value) and not error_codes(value[:max_chars], any_case=True)


def quoted_text(message: str) -> str:
    """The text of an error message an article quotes as the matcher reads a paste of it: a JSON
    body's messages and the text around it (see :func:`json_messages`), any other text as it is."""
    # Every value read whole, and the messages told apart by as much of their beginnings as a paste's
    # are (a paste's bound is far above an article's quote): bounded by the quote's length alone, a
    # body's messages were told apart by their first few characters, and all but the first lost.
    parts = json_messages(message, max_chars=MAX_JSON_MESSAGES * len(message))[0] if "{" in message else []
    return " ".join(parts) if parts else message
