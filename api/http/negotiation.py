"""Which format an answer is sent in (JSON, or Markdown when asked for), and its body in it."""

from __future__ import annotations

import re

from fastapi import Request
from fastapi.responses import Response
from pydantic import BaseModel

from api.render import to_markdown

MARKDOWN = "text/markdown; charset=utf-8"

# A quality value as RFC 9110 §12.4.2 writes it: 0 to 1 with at most three decimals.
_QVALUE = re.compile(r"0(?:\.\d{0,3})?|1(?:\.0{0,3})?")


def _media_quality(accept: str) -> dict[str, tuple[float, int, int]]:
    """Accept header → for json and md: (quality, specificity, -position) of the best-fitting entry."""
    found: dict[str, tuple[float, int, int]] = {}
    for position, item in enumerate(accept.split(",")[:20]):
        media, *params = (part.strip() for part in item.split(";"))
        media = media.lower()
        q = 1.0
        for param in params:
            key, _, value = param.partition("=")
            if key.strip().lower() == "q":
                # RFC 9110's qvalue only: float() would also take "nan" (and rank it first) or "1e3".
                q = float(value) if _QVALUE.fullmatch(value.strip()) else 0.0
        for fmt, (exact, family) in {
            "json": ("application/json", "application/*"),
            "md": ("text/markdown", "text/*"),
        }.items():
            specificity = 2 if media == exact else 1 if media == family else 0 if media == "*/*" else -1
            if specificity < 0:
                continue
            candidate = (q, specificity, -position)
            # The most specific entry that names a format decides its quality (RFC 9110 §12.5.1).
            if fmt not in found or specificity > found[fmt][1]:
                found[fmt] = candidate
    return found


def wants_markdown(request: Request, fmt: str | None) -> bool:
    """Markdown when ?format=md, or when the Accept header prefers text/markdown to JSON."""
    if fmt is not None:
        return fmt == "md"
    accept = request.headers.get("accept")
    if not accept:
        return False
    found = _media_quality(accept)
    md, js = found.get("md"), found.get("json")
    if md is None or md[0] <= 0:
        return False
    return js is None or md > js


def render(model: BaseModel, request: Request, fmt: str | None) -> Response:
    """``model`` as JSON, or as Markdown when the client asked for it."""
    return respond(*answer_body(model, markdown=wants_markdown(request, fmt)))


def respond(body: bytes, media_type: str) -> Response:
    """A rendered body as the response; it depends on the Accept header."""
    # Returning a Response skips FastAPI's second validation pass over an already-valid model.
    return Response(body, media_type=media_type, headers={"Vary": "Accept"})


def answer_body(model: BaseModel, *, markdown: bool) -> tuple[bytes, str]:
    """``model`` rendered as Markdown or as JSON, with its media type."""
    if markdown:
        return to_markdown(model).encode("utf-8"), MARKDOWN
    # The serializer's own bytes: model_dump_json() decodes them to a str that Response encodes
    # again, which costs a match answer (~45 KB, rarely ASCII-only) about 70 µs more.
    return model.__pydantic_serializer__.to_json(model), "application/json"
