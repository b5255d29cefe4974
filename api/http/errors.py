"""One JSON error shape for every error the HTTP API returns, and the handlers that produce it.

Every non-2xx answer has the body ``{"error": {"code", "message", "detail"}}``:
``code`` is a stable machine-readable word, ``message`` a sentence a person can
act on, ``detail`` optional structured data (e.g. which fields were invalid).
"""

from __future__ import annotations

import asyncio
import email.message
import logging
import sqlite3
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from starlette.datastructures import Headers
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.cors import CORSMiddleware
from starlette.responses import Response
from starlette.routing import Match
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.requests import describe_validation_error, loc_name
from indexer.errors import IndexMissingError, InvalidQueryError, KbError, NotFoundError

log = logging.getLogger("kb.http")

# The stable ``code`` for each status when nothing more specific applies.
STATUS_CODES: dict[int, str] = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    406: "not_acceptable",
    409: "conflict",
    413: "payload_too_large",
    415: "unsupported_media_type",
    422: "invalid_request",
    429: "rate_limited",
    500: "internal_error",
    503: "index_unavailable",
}


class ErrorInfo(BaseModel):
    """What went wrong."""

    code: str = Field(description="Stable machine-readable error code, e.g. not_found")
    message: str = Field(description="What went wrong, for a person")
    detail: Any = Field(default=None, description="Structured detail, e.g. the invalid fields; often null")


class ErrorBody(BaseModel):
    """The body of every error response."""

    error: ErrorInfo

    model_config = {
        "json_schema_extra": {
            "examples": [
                {"error": {"code": "not_found", "message": "no article with id 'nope'", "detail": None}}
            ]
        }
    }


class ApiError(Exception):
    """An error to answer with the shared shape: status, code, message and optional detail."""

    def __init__(
        self,
        status: int,
        message: str,
        *,
        code: str | None = None,
        detail: Any = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.code = code or STATUS_CODES.get(status, "error")
        self.message = message
        self.detail = detail
        self.headers = headers


def error_response(
    status: int, code: str, message: str, detail: Any = None, headers: dict[str, str] | None = None
) -> JSONResponse:
    """The shared error shape as a response."""
    body = {"error": {"code": code, "message": message, "detail": detail}}
    return JSONResponse(body, status_code=status, headers=headers)


def _validation_detail(errors: list[dict[str, Any]], path: str) -> list[dict[str, Any]]:
    # Never echo ``input`` or ``ctx``: they can be large, hostile or not JSON-serialisable.
    return [
        {
            "location": str(e.get("loc", ("body",))[0]) if e.get("loc") else "body",
            "field": loc_name(tuple(e.get("loc", ()))) or None,
            "message": describe_validation_error(e, path=path),
            "type": e.get("type"),
        }
        for e in errors[:20]
    ]


async def _api_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, ApiError)
    return error_response(exc.status, exc.code, exc.message, exc.detail, exc.headers)


async def _http_exception(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    status = exc.status_code
    if status == 400 and isinstance(exc.__cause__, ValueError | RecursionError):
        # FastAPI's 400 for a body it could not parse (before any dependency has run): the same
        # family as invalid JSON (422), unless it was compressed.
        refused = compressed_body(request)
        if refused is not None:
            return await _api_error(request, refused)
        if isinstance(exc.__cause__, UnicodeDecodeError):
            reason = "it is not UTF-8 text"
        elif isinstance(exc.__cause__, RecursionError):
            reason = "it is nested deeper than the parser follows"
        else:
            # Python's own limit on the digits of an integer it converts (CVE-2020-10735).
            reason = "it holds a number of more than 4,300 digits"
        message = f"request body is not valid JSON: {reason}"
        detail = [{"location": "body", "field": None, "message": message, "type": "json_invalid"}]
        return error_response(422, "invalid_request", message, detail)
    code = STATUS_CODES.get(status, "error")
    message = exc.detail if isinstance(exc.detail, str) else "request failed"
    if status == 404 and message == "Not Found":
        message = f"no such route: {request.method} {request.url.path[:200]}"
        if (without := _without_trailing_slash(request)) is not None:
            message += f"; without the trailing slash: {without[:200]}"
    headers = dict(exc.headers) if exc.headers else None
    if status == 405:
        allowed = (exc.headers or {}).get("Allow") or (exc.headers or {}).get("allow") or ""
        methods = [m.strip() for m in allowed.split(",") if m.strip()]
        if "GET" in methods and "HEAD" not in methods:
            # Every GET route answers HEAD too (api.http.head), which the router does not know.
            methods.insert(methods.index("GET") + 1, "HEAD")
            headers = {key: value for key, value in (headers or {}).items() if key.lower() != "allow"}
            headers["Allow"] = ", ".join(methods)
        message = f"method {request.method} is not allowed here" + (
            f"; use {', '.join(methods)}" if methods else ""
        )
    return error_response(status, code, message, None, headers)


def _without_trailing_slash(request: Request) -> str | None:
    """The request's path without its trailing slash, where a route answers that path.

    Said in the 404, not answered with Starlette's redirect (``redirect_slashes``, off): its
    Location is an absolute URL built from the request's Host header, which a client chooses,
    so a cache in front could be made to send others to another host.
    """
    path = request.url.path
    if path == "/" or not path.endswith("/"):
        return None
    scope = {**request.scope, "path": request.scope["path"].rstrip("/")}
    answered = any(route.matches(scope)[0] != Match.NONE for route in request.app.router.routes)
    return path.rstrip("/") if answered else None


async def _validation_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    # A compressed body that happened to decode as text is no more the client's JSON.
    refused = compressed_body(request)
    if refused is not None:
        return await _api_error(request, refused)
    errors = list(exc.errors())
    # The route as declared: under a root path (a proxy's /kb prefix) the URL's path is longer.
    path = getattr(request.scope.get("route"), "path", request.url.path)
    messages = [describe_validation_error(e, path=path) for e in errors[:3]]
    message = "; ".join(dict.fromkeys(messages)) or "invalid request"
    return error_response(422, "invalid_request", message, _validation_detail(errors, path))


async def _not_found(request: Request, exc: Exception) -> JSONResponse:
    return error_response(404, "not_found", str(exc))


async def _index_missing(request: Request, exc: Exception) -> JSONResponse:
    return error_response(
        503, "index_unavailable", f"no index is loaded: {exc}", headers={"Retry-After": "5"}
    )


async def _database_error(request: Request, exc: Exception) -> JSONResponse:
    # A damaged file, or a foreign one swapped in where the index should be: not the
    # client's fault. The app's index holder names the file and remembers the damage.
    assert isinstance(exc, sqlite3.DatabaseError)
    error = request.app.state.index.damaged(exc)
    log.warning("%s", error)
    return await _index_missing(request, error)


async def _invalid_query(request: Request, exc: Exception) -> JSONResponse:
    return error_response(422, "invalid_query", str(exc))


async def _kb_error(request: Request, exc: Exception) -> JSONResponse:
    return error_response(400, "bad_request", str(exc))


async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
    log.exception("unhandled error on %s %s", request.method, request.url.path[:200])
    return error_response(500, "internal_error", "internal error; the server log has the details")


def install_error_handlers(app: FastAPI) -> None:
    """Route every error FastAPI, Starlette and kb-answer raise through the shared shape."""
    app.add_exception_handler(ApiError, _api_error)
    app.add_exception_handler(StarletteHTTPException, _http_exception)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(NotFoundError, _not_found)
    app.add_exception_handler(IndexMissingError, _index_missing)
    app.add_exception_handler(InvalidQueryError, _invalid_query)
    app.add_exception_handler(KbError, _kb_error)
    app.add_exception_handler(sqlite3.DatabaseError, _database_error)
    app.add_exception_handler(Exception, _unexpected)


class CorsMiddleware(CORSMiddleware):
    """Starlette's CORS middleware, with a refused preflight answered in the shared error shape."""

    def preflight_response(self, request_headers: Headers) -> Response:
        """The preflight answer; a refusal is a 400 that says what the allow-list refused."""
        response = super().preflight_response(request_headers)
        if response.status_code < 400:
            return response
        refused = bytes(response.body).decode("utf-8", "replace")
        headers = {k: v for k, v in response.headers.items() if k not in ("content-type", "content-length")}
        # Starlette names each of origin, method and headers that it refused: only an origin is
        # the operator's to allow; a method or header the API does not take is the caller's.
        advice = (
            "the portal's origin must be in KB_CORS_ORIGINS"
            if "origin" in refused.lower()
            else f"the API takes the methods {', '.join(self.allow_methods)} "
            f"and the headers {', '.join(sorted(self.allow_headers))}"
        )
        return error_response(
            response.status_code,
            "cors_refused",
            f"CORS preflight refused: {refused[:1].lower() + refused[1:]}; {advice}",
            headers=headers,
        )


# How long a client may take to send its whole body. uvicorn waits for ever: clients sending a byte
# every few seconds held 21,000 connections until a worker ran out of open files. A body of the
# largest size KB_MAX_BODY allows by default (64 KiB) takes a tenth of a second on a slow mobile link.
BODY_SECONDS = 10.0


class BodyLimitMiddleware:
    """Answer 413 for a body over ``max_body`` bytes, by Content-Length or by bytes actually sent,
    and 408 for one not sent whole within BODY_SECONDS.

    The body is read (up to the limit) before the app runs and replayed to it, so
    a chunked body without Content-Length cannot slip past the check and the 413
    always has the shared error shape.
    """

    def __init__(self, app: ASGIApp, max_body: int) -> None:
        self.app = app
        self.max_body = max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Check, buffer and replay the request body."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        length = headers.get("content-length")
        if length is not None and "transfer-encoding" in headers:
            # Two lengths for one body (RFC 9112, 6.3): a proxy in front that read the other could
            # take what follows for a request of its own. Refused, and the connection closed.
            refusal = "a request may give Content-Length or Transfer-Encoding, not both"
            await error_response(400, "bad_request", refusal, headers={"Connection": "close"})(
                scope, receive, send
            )
            return
        if length is not None:
            try:
                declared = int(length)
            except ValueError:
                await error_response(400, "bad_request", "Content-Length is not a number")(
                    scope, receive, send
                )
                return
            if declared > self.max_body:
                await self._too_large(scope, receive, send)
                return
        chunks: list[bytes] = []
        size = 0
        try:
            async with asyncio.timeout(BODY_SECONDS):
                while True:
                    message = await receive()
                    if message["type"] != "http.request":
                        return  # client went away before sending its body
                    chunk = message.get("body", b"")
                    size += len(chunk)
                    if size > self.max_body:
                        await self._too_large(scope, receive, send)
                        return
                    chunks.append(chunk)
                    if not message.get("more_body", False):
                        break
        except TimeoutError:
            slow = f"the request body was not sent whole within {BODY_SECONDS:g} s"
            await error_response(408, "request_timeout", slow, headers={"Connection": "close"})(
                scope, receive, send
            )
            return
        body = b"".join(chunks)
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)

    async def _too_large(self, scope: Scope, receive: Receive, send: Send) -> None:
        response = error_response(
            413,
            "payload_too_large",
            f"request body is larger than {self.max_body} bytes",
            {"max_bytes": self.max_body},
        )
        await response(scope, receive, send)


async def only_known_query_parameters(request: Request) -> None:
    """Refuse a query parameter the route takes none of (422), as a match body's unknown field is:
    ``?tags=`` for ``?tag=`` answered from every product, with nothing to say so."""
    route = request.scope.get("route")
    known = [param.alias for param in getattr(getattr(route, "dependant", None), "query_params", ())]
    unknown = [name for name in dict.fromkeys(request.query_params.keys()) if name not in known]
    if unknown:
        raise RequestValidationError(
            [
                {"type": "extra_forbidden", "loc": ("query", name), "msg": "Extra inputs are not permitted",
                 "input": request.query_params[name], "ctx": {"known": known}}
                for name in unknown
            ]
        )  # fmt: skip


async def takes_no_body(request: Request) -> None:
    """Refuse a body on a route that reads none (422): `{"paths": ["/etc"]}` sent to the reindex
    route was answered 200 after a rebuild of every configured folder, not of what it asked for.
    A body that asks nothing (blank, ``{}``, ``null``), as HTTP clients and webhooks send by default,
    is taken."""
    if (await request.body()).strip() not in (b"", b"{}", b"null"):
        raise RequestValidationError(
            [
                {
                    "type": "extra_forbidden",
                    "loc": ("body",),
                    "msg": "This route takes no request body",
                    "input": None,
                }
            ]
        )


async def require_json(request: Request) -> None:
    """Refuse a POST body that is not declared as JSON, or is declared compressed (415)."""
    # ``async def``: as a plain def FastAPI runs it in its threadpool, a thread hop that cost
    # /v1/match 18% more CPU per request in process. On scripts/bench_http.py (2 workers, 16
    # connections, wrk on the same 2 cores) that is about 5% more requests/s: median 1,333
    # against 1,269 over 6 alternating 4 s runs (earlier FastAPI releases measured no gain).
    content_type = request.headers.get("content-type", "")
    media = content_type.split(";", 1)[0].strip().lower()
    if media != "application/json" and not _read_as_json(content_type):
        raise ApiError(
            415,
            "send the request body as JSON with the header Content-Type: application/json",
            detail={"content_type": content_type[:100] or None},
        )
    refused = compressed_body(request)
    if refused is not None:
        raise refused


def compressed_body(request: Request) -> ApiError | None:
    """The 415 for a body declared compressed (Content-Encoding: gzip): bodies are read as sent,
    and one that was compressed was refused as "not UTF-8 text", which sent its client looking
    for the wrong fault."""
    coding = request.headers.get("content-encoding", "").strip().lower()
    if coding in ("", "identity"):
        return None
    return ApiError(
        415,
        f"request bodies are read uncompressed: send it without Content-Encoding: {coding[:40]}",
        detail={"content_encoding": coding[:100]},
    )


def _read_as_json(content_type: str) -> bool:
    """Whether FastAPI reads a body of this Content-Type as JSON (an ``application/…+json`` type), as
    its own test reads it: a type it would not read (``application/x/y+json``) was let through here
    and then refused as "not an object"."""
    message = email.message.Message()
    message["content-type"] = content_type
    subtype = message.get_content_subtype()
    return message.get_content_maintype() == "application" and (
        subtype == "json" or subtype.endswith("+json")
    )
