"""An API's error response shown as JSON: what a service returned when a call failed.

API references and troubleshooting pages show the body a failed call returns in a ``json`` code
block, with no sentence announcing it (a heading per error code, a description, then the body). A
``json`` block is otherwise configuration or a request to send, so it is an error only by its shape:
an object whose own fields say it reports an error, as the common formats write one.
"""

from __future__ import annotations

import json
import re
from typing import Any

# Top-level fields that only an error response has: Stripe's, Google's and Microsoft Graph's
# ``"error": {…}``, GraphQL's ``"errors": […]``, OAuth's ``"error_description"``, SOAP-over-JSON's
# ``"fault"``, and the ``errorCode``/``error_message`` fields of many services.
_ERROR_FIELD = re.compile(r"errors?|error_?(?:code|description|message|details?)|fault(?:string)?", re.I)
# A flat body (``{"code": 417, "message": "…"}``, RFC 7807's ``{"status": 403, "detail": "…"}``)
# reports an error by its status: a client's or a server's error.
_STATUS_FIELD = re.compile(r"code|status(?:_?code)?", re.I)
_TEXT_FIELD = re.compile(r"message|detail|title|reason", re.I)
_ERROR_STATUS = re.compile(r"[45]\d\d")


def is_error_response(text: str) -> bool:
    """Whether ``text`` is a JSON object that reports an error by its fields: an ``error`` or ``errors``
    field that holds something (not ``"error": null`` beside a success's data), or a message beside a
    4xx or 5xx status. Configuration and requests (``{"message": "Hello", "type": "text"}``) are not."""
    try:
        body: Any = json.loads(text)
    except (ValueError, RecursionError):
        # Not JSON (an elided "…" field), or nested deeper than the parser goes: no body to read.
        return False
    if not isinstance(body, dict):
        return False
    if any(_ERROR_FIELD.fullmatch(key) and value for key, value in body.items()):
        return True
    has_text = any(_TEXT_FIELD.fullmatch(key) and isinstance(value, str) for key, value in body.items())
    return has_text and any(
        _STATUS_FIELD.fullmatch(key) and _ERROR_STATUS.fullmatch(str(value)) for key, value in body.items()
    )
