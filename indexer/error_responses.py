"""An API's error response shown as JSON: what a service returned when a call failed.

API references and troubleshooting pages show the body a failed call returns in a ``json`` code
block, with no sentence announcing it (a heading per error code, a description, then the body). A
``json`` block is otherwise configuration or a request to send, so it is an error only by its shape:
an object whose own fields say it reports an error, as the common formats write one.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from typing import Any

from indexer.errortext import canonical_code, codes_if_known, error_codes

# Top-level fields that hold the error itself: Stripe's, Google's and Microsoft Graph's ``"error": {…}``,
# GraphQL's ``"errors": […]``, OAuth's ``"error_description"``, SOAP-over-JSON's ``"fault"``, and the
# ``errorMessage``/``error_details`` fields of many services.
_ERROR_FIELD = re.compile(r"errors?|error_?(?:description|message|details?)|fault(?:string)?", re.I)
# An error's code (``errorCode``) is a response's only beside words that say what failed: alone, it is
# configuration that maps an error to what to serve (a CDN's ``{"ErrorCode": 404, "ResponsePagePath": …}``).
_ERROR_CODE_FIELD = re.compile(r"error_?code", re.I)
# A flat body (``{"code": 417, "message": "…"}``, RFC 7807's ``{"status": 403, "detail": "…"}``)
# reports an error by its status: a client's or a server's error.
_STATUS_FIELD = re.compile(r"code|status(?:_?code)?", re.I)
_TEXT_FIELD = re.compile(r"message|detail|title|reason|description", re.I)
_ERROR_STATUS = re.compile(r"[45]\d\d")
# A result's code or status, and what it holds when the call succeeded: zeros, "OK", "success" or a 2xx
# status (``{"errorCode": "0", "errorMessage": "success", "data": …}``, as payment gateways answer).
_RESULT_FIELD = re.compile(r"(?:error|ret|result|return|response)?_?code|status(?:_?code)?|errno", re.I)
_SUCCESS = re.compile(r"0+|ok|success(?:ful)?|2\d\d", re.I)


# A block is asked again by each reader of it (whether it shows output, a failure, a logged failure), and
# each asking would read its JSON anew.
@lru_cache(maxsize=256)
def is_error_response(text: str) -> bool:
    """Whether ``text`` is a JSON object that reports an error by its fields: an ``error`` or ``errors``
    field that holds something (not ``"error": null`` beside a success's data), an error's code or a
    4xx or 5xx status beside a message; never where a result's code says the call succeeded
    (``"errorCode": "0"``). Configuration and requests (``{"message": "Hello", "type": "text"}``,
    ``{"ErrorCode": 404, "ResponsePagePath": "/index.html"}``) are not."""
    try:
        body: Any = json.loads(text)
    except (ValueError, RecursionError):
        # Not JSON (an elided "…" field), or nested deeper than the parser goes: no body to read.
        return False
    if not isinstance(body, dict) or any(
        _RESULT_FIELD.fullmatch(key) and _reads_as_success(value) for key, value in body.items()
    ):
        return False
    if any(
        _ERROR_FIELD.fullmatch(key) and value and not _reads_as_success(value) for key, value in body.items()
    ):
        return True
    has_text = any(_TEXT_FIELD.fullmatch(key) and isinstance(value, str) for key, value in body.items())
    return has_text and any(
        (_ERROR_CODE_FIELD.fullmatch(key) and value)
        or (_STATUS_FIELD.fullmatch(key) and _ERROR_STATUS.fullmatch(str(value)))
        for key, value in body.items()
    )


# The field of a body, or of the error object in it, that names the error ("code": "card_declined",
# "errorCode": "AADSTS50105"); a request's or a resource's fields beside it ("request": {"code": …}) are not.
_CODE_FIELD = re.compile(r"(?:error_?)?code", re.I)
_ERROR_OBJECT = re.compile(r"errors?", re.I)


# A response as a client logs it, its status line and its body on one line ("HTTP/2 403 {"reason": …}",
# "HTTP/1.1 429 Too Many Requests {…}"): a 4xx or 5xx status says the body reports an error, whatever its
# fields, as a status field in it would.
_STATUS_LINE = re.compile(r"HTTP/\d(?:\.\d)?[ \t]+([1-5]\d\d)\b[^{\n]{0,60}(?=\{)")


def _error_body(text: str) -> dict[str, Any] | None:
    """The JSON object of an error response ``text``: a body that reports an error by its fields (see
    :func:`is_error_response`), or one after a status line of a 4xx or 5xx status; None for any other text."""
    status = _STATUS_LINE.match(text)
    if status is None:
        return json.loads(text) if is_error_response(text) else None
    if not _ERROR_STATUS.fullmatch(status.group(1)):
        return None
    try:
        body: Any = json.loads(text[status.end() :])
    except (ValueError, RecursionError):
        return None
    return body if isinstance(body, dict) else None


def response_codes(text: str) -> list[str]:
    """The codes an error response (see :func:`_error_body`) names its error by: the value of its
    ``code`` or ``errorCode`` field, or of its ``error`` object's, where it is written as a code
    (``card_declined``, ``AADSTS50105``: what the query side takes from a pasted body), or of a text
    field that holds an error's name and no words (``"reason": "BadDeviceToken"``); canonical."""
    body = _error_body(text)
    if body is None:
        return []
    holders = [body]
    for key, value in body.items():
        if _ERROR_OBJECT.fullmatch(key):
            holders += [v for v in (value if isinstance(value, list) else [value]) if isinstance(v, dict)]
    found = [
        value
        for holder in holders
        for key, value in holder.items()
        if _CODE_FIELD.fullmatch(key) and isinstance(value, str)
    ]
    codes = [
        canonical_code(value)
        for value in dict.fromkeys(found)
        if error_codes(value) or codes_if_known(value) == [canonical_code(value)]
    ]
    # A name alone where a message would be: the query side reads it as the body's code too.
    named = [
        value
        for holder in holders
        for key, value in holder.items()
        if _TEXT_FIELD.fullmatch(key) and isinstance(value, str) and error_codes(value) == [value]
    ]
    return [*codes, *(value for value in dict.fromkeys(named) if value not in codes)]


def _reads_as_success(value: Any) -> bool:
    """Whether a field's value is a code or a word that says a call succeeded (``0``, ``"OK"``)."""
    return (
        isinstance(value, (int, str)) and not isinstance(value, bool) and bool(_SUCCESS.fullmatch(str(value)))
    )


# One field of an error body quoted alone in a sentence, as a symptom gives the part of a response that
# matters (`"decline_code": "do_not_honor"`, `"error_code": "quota_exceeded"`): a field named a code, or
# the code of a kind ("decline_code", "reason_code"), holding one in snake case, alone in its code span:
# in a whole body a "code" may be a request's field (see response_codes). Led by the backtick, so the
# engine stops only there.
_CODE_FIELD_VALUE = re.compile(
    r"`\"(?:[a-z]++_)*+(?:error_?)?code\"[ \t]*+:[ \t]*+\"([a-z][a-z0-9]*+(?:_[a-z0-9]++)++)\"`", re.I
)


def field_codes(text: str) -> list[str]:
    """The codes ``text`` gives as the value of a quoted error body's field named a code, in snake case
    (`"decline_code": "do_not_honor"` in a symptom): the code the API names the failure by."""
    if 'code"' not in text.lower():
        return []
    return list(dict.fromkeys(m.group(1) for m in _CODE_FIELD_VALUE.finditer(text)))
