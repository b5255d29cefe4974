"""A client for a running kb-answer server, with the same calls as the local core.

``kb ... --url URL`` asks a server instead of opening an index file. The answers
are parsed into the models of :mod:`api.models`, so the CLI renders them with
the same renderers and the output is identical to a local lookup. Server errors
(``{"error": {"code", "message", "detail"}}``) come back as the exceptions of
:mod:`indexer.errors`, so the CLI translates them to the same exit codes.
"""

from __future__ import annotations

import json
import threading
from typing import Any, TypeVar
from urllib.parse import quote, urlsplit

import httpx
from pydantic import BaseModel, ValidationError

from api.limits import DEFAULT_MATCHES, DEFAULT_PAGE, DEFAULT_REPORT_ROWS, DEFAULT_SUGGESTIONS
from api.models import ArticleOut, ArticlePage, FeedbackReport, MatchResult, ProblemDetail, SearchResult
from api.query import MAX_QUERY_CHARS, QUOTED_QUERY_CHARS, Scope, log_excerpt
from api.request_lines import strings_changed
from indexer.errors import IndexMissingError, InvalidQueryError, KbError, NotFoundError
from indexer.records import printable, without_terminal_controls

M = TypeVar("M", bound=BaseModel)
DEFAULT_TIMEOUT = 30.0
# The most of an answer that is read: far above the largest a server gives (an article is at most
# 1 MB), and bounded, so that a server that never ends its answer cannot fill the memory.
MAX_RESPONSE_BYTES = 128 << 20
# How long an answer may take to arrive in all: DEFAULT_TIMEOUT bounds each read only, and a
# server sending a byte at a time before it runs out would hold the command for good.
RESPONSE_SECONDS = 120.0
_JSON = {"Content-Type": "application/json"}


class ServerUnreachableError(IndexMissingError):
    """The server at --url did not answer: like a missing index, nothing can look answers up."""


class RequestTooLargeError(InvalidQueryError):
    """The server refused a request body over its size limit (HTTP 413)."""

    def __init__(self, message: str, max_bytes: int | None) -> None:
        super().__init__(message)
        self.max_bytes = max_bytes


class RemoteKb:
    """The lookups of :mod:`api.matcher` and :mod:`api.lookups`, asked of a server over HTTP."""

    def __init__(self, base_url: str, *, timeout: float = DEFAULT_TIMEOUT) -> None:
        problem = f"--url must be an http:// or https:// address, not {base_url!r}"
        try:
            parts = urlsplit(base_url)
            httpx.URL(base_url)
        except (ValueError, httpx.InvalidURL) as exc:
            raise InvalidQueryError(f"{problem}: {exc}") from exc
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise InvalidQueryError(problem)
        self.base_url = base_url.rstrip("/")
        self._client = httpx.Client(
            base_url=self.base_url,
            timeout=timeout,
            headers={"Accept": "application/json", "User-Agent": "kb-answer-cli"},
        )

    def close(self) -> None:
        """Close the connection pool."""
        self._client.close()

    def __enter__(self) -> RemoteKb:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def match(self, text: str, *, limit: int = DEFAULT_MATCHES, scope: Scope | None = None) -> MatchResult:
        """POST /v1/match: the same result :func:`api.matcher.match` gives locally."""
        # A longer paste is read as a log, here as the server would read it (sending its first
        # MAX_QUERY_CHARS instead missed the error at the end of a log); sending it whole could
        # trip the server's request-size limit.
        sent = log_excerpt(text) if len(text) > MAX_QUERY_CHARS else text
        try:
            result = self._call(
                MatchResult, "POST", "/v1/match", content=_match_body(sent, limit, scope), headers=_JSON
            )
        except RequestTooLargeError as exc:
            # The server takes fewer bytes than the matcher reads: send what fits, once,
            # and report the answer as truncated rather than failing the whole lookup.
            if not exc.max_bytes:
                raise
            sent = _fit(sent, limit, exc.max_bytes, scope)
            result = self._call(
                MatchResult, "POST", "/v1/match", content=_match_body(sent, limit, scope), headers=_JSON
            )
        if len(sent) < len(text):
            # As the local matcher answers: truncated, quoting the paste's own start.
            result = result.model_copy(update={"truncated": True, "query": text[:QUOTED_QUERY_CHARS]})
        return result

    def get_article(self, article_id: str) -> ArticleOut:
        """GET /v1/articles/{id}."""
        return self._call(ArticleOut, "GET", f"/v1/articles/{quote(article_id, safe='')}")

    def get_problem(self, pid: str) -> ProblemDetail:
        """GET /v1/problems/{id}, with the ``#`` of ``ARTICLE#N`` percent-encoded."""
        return self._call(ProblemDetail, "GET", f"/v1/problems/{quote(pid, safe='')}")

    def show(self, some_id: str) -> ArticleOut | ProblemDetail:
        """An article or, for ``ARTICLE#N``, one problem, as :func:`api.lookups.show`."""
        return self.get_problem(some_id) if "#" in some_id else self.get_article(some_id)

    def search(
        self, query: str, *, limit: int = DEFAULT_SUGGESTIONS, scope: Scope | None = None
    ) -> SearchResult:
        """GET /v1/search?q=&limit=&product=&tag=."""
        params: dict[str, Any] = {"q": query, "limit": limit}
        if scope and scope.product:
            params["product"] = scope.product
        if scope and scope.tags:
            params["tag"] = list(scope.tags)
        return self._call(SearchResult, "GET", "/v1/search", params=params)

    def list_articles(self, *, offset: int = 0, limit: int = DEFAULT_PAGE) -> ArticlePage:
        """GET /v1/articles?offset=&limit=."""
        return self._call(ArticlePage, "GET", "/v1/articles", params={"offset": offset, "limit": limit})

    def feedback_report(self, api_key: str, *, limit: int = DEFAULT_REPORT_ROWS) -> FeedbackReport:
        """GET /v1/admin/feedback?limit= with the admin key."""
        try:
            return self._call(
                FeedbackReport,
                "GET",
                "/v1/admin/feedback",
                params={"limit": limit},
                headers={"Authorization": f"Bearer {api_key}"},
            )
        except NotFoundError as exc:
            if not str(exc).startswith("no such route"):
                raise  # not a kb-answer server's own answer: a wrong URL, another server
            # A server started without KB_API_KEY has no admin routes: "no such route" said nothing.
            raise NotFoundError(
                f"the server at {self.base_url} has no admin routes: it was started without KB_API_KEY ({exc})"
            ) from None

    def _call(self, model: type[M], method: str, path: str, **kwargs: Any) -> M:
        try:
            response = self._read(method, path, **kwargs)
        except httpx.InvalidURL as exc:
            # An id or a search of tens of thousands of characters: the URL cannot carry it.
            raise InvalidQueryError(f"too long to ask {self.base_url} for: {exc}") from None
        except httpx.TransportError as exc:
            raise ServerUnreachableError(
                f"cannot reach the kb-answer server at {self.base_url}: {exc}"
            ) from exc
        except httpx.DecodingError as exc:
            # A body its Content-Encoding does not describe (a proxy's, a hostile server's).
            raise KbError(
                f"{self.base_url}{path} answered with a body that cannot be decoded: {exc}"
            ) from None
        if response.status_code >= 400:
            raise _error_from(response)
        try:
            # Rendered for a terminal as a local answer is, which the indexer keeps free of them.
            return model.model_validate(
                strings_changed(json.loads(response.content), without_terminal_controls)
            )
        except ValidationError as exc:
            raise KbError(
                f"{self.base_url}{path} answered with something other than a {model.__name__}; "
                f"is it a kb-answer server of the same version? ({exc.error_count()} errors)"
            ) from exc
        except (ValueError, RecursionError) as exc:
            # Not JSON, or JSON nested past the decoder or with a number of over 4,300 digits.
            raise KbError(
                f"{self.base_url}{path} answered with something other than JSON; is it a kb-answer server?"
            ) from exc

    def _read(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        """The server's response, its body read and decoded, within MAX_RESPONSE_BYTES and
        RESPONSE_SECONDS (else a KbError, or ServerUnreachableError for the time).

        Read in a thread this one waits for no longer than RESPONSE_SECONDS: httpx's timeouts bound
        each read, and a server (or a proxy) that sends its headers or its body a byte at a time
        makes every read in time. The command ends with the error; the thread goes with it."""
        outcome: list[httpx.Response | BaseException] = []

        def read() -> None:
            try:
                outcome.append(self._response(method, path, **kwargs))
            except BaseException as exc:  # re-raised in the waiting thread
                outcome.append(exc)

        reader = threading.Thread(target=read, name="kb-remote-read", daemon=True)
        reader.start()
        reader.join(RESPONSE_SECONDS)
        if not outcome:
            raise ServerUnreachableError(
                f"the kb-answer server at {self.base_url} took over {RESPONSE_SECONDS:.0f} s to answer"
            )
        if isinstance(outcome[0], BaseException):
            raise outcome[0]
        return outcome[0]

    def _response(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        """The response to one request, its body read (at most MAX_RESPONSE_BYTES) and decoded."""
        body = bytearray()
        with self._client.stream(method, path, **kwargs) as response:
            for chunk in response.iter_bytes():
                body += chunk
                if len(body) > MAX_RESPONSE_BYTES:
                    raise KbError(
                        f"{self.base_url}{path} answered with more than {MAX_RESPONSE_BYTES} bytes;"
                        " is it a kb-answer server?"
                    )
        # Without the headers: the body is decoded already, and its Content-Encoding would decode it again.
        return httpx.Response(response.status_code, content=bytes(body), request=response.request)


def _match_body(text: str, limit: int, scope: Scope | None = None) -> bytes:
    """The JSON body of POST /v1/match, encoded here so its size is known exactly."""
    body: dict[str, Any] = {"text": text, "limit": limit}
    if scope and scope.product:
        body["product"] = scope.product
    if scope and scope.tags:
        body["tags"] = list(scope.tags)
    return json.dumps(body, ensure_ascii=False).encode("utf-8")


def _fit(text: str, limit: int, max_bytes: int, scope: Scope | None = None) -> str:
    """The longest prefix of ``text`` (near enough) whose match body fits in ``max_bytes``."""
    while text and len(body := _match_body(text, limit, scope)) > max_bytes:
        # Escapes and multi-byte characters make bytes per character uneven: shrink
        # in proportion, with a margin, until it fits.
        text = text[: int(len(text) * max_bytes / len(body) * 0.95)]
    return text


def _error_from(response: httpx.Response) -> KbError:
    """The exception matching a server's error response, keeping its message."""
    message = f"HTTP {response.status_code}"
    code = ""
    detail: Any = None
    try:
        error = response.json().get("error") or {}
        detail = error.get("detail")
        code = str(error.get("code") or "")
        message = str(error.get("message") or message)
        if isinstance(detail, str) and detail:
            # A list or mapping of details (a 422's fields) is for programs: the message says it.
            message = f"{message} ({detail})"
    except (ValueError, AttributeError, RecursionError):
        # Not our JSON error shape (a proxy's HTML page, say, or JSON nested past what the
        # decoder follows): its status line, not its markup.
        message = f"{message} {httpx.codes.get_reason_phrase(response.status_code)}".rstrip()
    # What the server says is printed on the reader's terminal: no escape of its may drive it.
    message = printable(message)
    status = response.status_code
    if status == 404:
        return NotFoundError(message)
    if status == 413:
        max_bytes = detail.get("max_bytes") if isinstance(detail, dict) else None
        return RequestTooLargeError(message, max_bytes if isinstance(max_bytes, int) else None)
    # Host and port (an IPv6 host in brackets), as httpx writes them: two servers on one host
    # are told apart.
    server = response.request.url.netloc.decode("ascii")
    if status == 503 or code.startswith("index"):
        return IndexMissingError(f"server {server}: {message}")
    if status >= 500:
        # A failing server, or a proxy whose replica is gone (502, 504): no answer to look up, as
        # when it cannot be reached (exit 3, worth a retry), not a bad request (exit 2).
        return ServerUnreachableError(f"server {server} failed: {message}")
    if status in (400, 401, 403, 422):
        return InvalidQueryError(message)
    return KbError(f"server error: {message}")
