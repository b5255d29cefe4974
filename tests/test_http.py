"""The HTTP API through Starlette's TestClient: real app, real index of kb/, no mocks."""

from __future__ import annotations

import gc
import gzip
import importlib.metadata
import json
import logging
import os
import resource
import shutil
import signal
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given
from hypothesis import settings as run_examples
from hypothesis import strategies as st
from pydantic import BaseModel, SecretStr
from starlette.applications import Starlette
from starlette.routing import Mount
from starlette.types import Message

from api import examples as ex
from api.http import app_from_env, create_app
from api.http.admin_routes import ReindexOut
from api.http.app import Format
from api.http.errors import ErrorBody, only_known_query_parameters, require_json
from api.http.match_route import MatchRoute
from api.http.ops_routes import ReadyOut
from api.models import (
    ArticleOut,
    ArticlePage,
    FeedbackOut,
    FeedbackReport,
    MatchResult,
    ProblemDetail,
    SearchResult,
)
from api.requests import MatchRequest
from api.settings import Settings
from indexer.build import build_index

REPO = Path(__file__).resolve().parent.parent
KB_DIR = REPO / "kb"
KEY = "s3cret-admin-key-for-tests"
QUERY = "Sync failed: The domain portion of the userPrincipalName property is invalid."
# The error exactly as Microsoft Graph returns it: a high-confidence answer.
EXACT = (
    "The domain portion of the userPrincipalName property is invalid. "
    "You must use one of the verified domain names in your organization."
)
PROBLEM = "jumpcloud-m365#2"


@pytest.fixture
def settings(kb_db_path: Path) -> Settings:
    """Settings serving the shared read-only index of kb/."""
    return Settings(db=kb_db_path, articles=[KB_DIR])


@pytest.fixture
def client(settings: Settings) -> Iterator[TestClient]:
    """A client of a fresh app (its own metrics registry) over the kb/ index."""
    with TestClient(create_app(settings)) as c:
        yield c


@pytest.fixture
def articles_dir(tmp_path: Path) -> Path:
    """A private copy of kb/ that a test may change."""
    return Path(shutil.copytree(KB_DIR, tmp_path / "articles"))


@pytest.fixture
def admin_client(tmp_path: Path, articles_dir: Path) -> Iterator[TestClient]:
    """A client of an app with an admin key, over a private index of a private copy of kb/."""
    db = tmp_path / "private.db"
    build_index([articles_dir], db)
    with TestClient(create_app(Settings(db=db, articles=[articles_dir], api_key=SecretStr(KEY)))) as c:
        yield c


def assert_error(response: Any, status: int, code: str) -> dict[str, Any]:
    """The response has ``status`` and exactly the shared error shape with ``code``."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"error"}
    assert set(body["error"]) == {"code", "message", "detail"}
    assert body["error"]["code"] == code
    assert isinstance(body["error"]["message"], str) and body["error"]["message"]
    ErrorBody.model_validate(body)
    return body["error"]  # type: ignore[no-any-return]


def add_article(folder: Path, article_id: str, title: str) -> None:
    """A new article in ``folder``: the sample one under another id and title."""
    text = (KB_DIR / "jumpcloud-m365.md").read_text(encoding="utf-8")
    text = text.replace("id: jumpcloud-m365", f"id: {article_id}", 1)
    text = text.replace("Troubleshooting JumpCloud sync to Microsoft 365 (M365)", title)
    (folder / f"{article_id}.md").write_text(text, encoding="utf-8")


# --- answers, as JSON and as Markdown ---------------------------------------------------------

ROUTES: list[tuple[str, str, dict[str, Any] | None, type[BaseModel]]] = [
    ("POST", "/v1/match", {"text": QUERY, "limit": 3}, MatchResult),
    ("GET", "/v1/search?q=sync%20err", None, SearchResult),
    ("GET", "/v1/articles?offset=0&limit=10", None, ArticlePage),
    ("GET", "/v1/articles/jumpcloud-m365", None, ArticleOut),
    ("GET", "/v1/problems/jumpcloud-m365%232", None, ProblemDetail),
]


@pytest.mark.parametrize(("method", "url", "body", "model"), ROUTES, ids=[r[1] for r in ROUTES])
def test_routes_answer_json_by_default(
    client: TestClient, method: str, url: str, body: dict[str, Any] | None, model: type[BaseModel]
) -> None:
    response = client.request(method, url, json=body)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "application/json"
    model.model_validate(response.json())


@pytest.mark.parametrize(("method", "url", "body", "model"), ROUTES, ids=[r[1] for r in ROUTES])
@pytest.mark.parametrize("how", ["accept", "query"])
def test_routes_answer_markdown_on_request(
    client: TestClient, method: str, url: str, body: dict[str, Any] | None, model: type[BaseModel], how: str
) -> None:
    if how == "query":
        response = client.request(method, url + ("&" if "?" in url else "?") + "format=md", json=body)
    else:
        response = client.request(method, url, json=body, headers={"Accept": "text/markdown"})
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/markdown")
    assert "Accept" in response.headers["vary"]
    # The same renderer as the CLI: compare with rendering the JSON answer ourselves.
    from api.render import to_markdown

    as_json = client.request(method, url, json=body).json()
    assert response.text == to_markdown(model.model_validate(as_json))


def test_match_answers_the_pasted_error(client: TestClient) -> None:
    result = MatchResult.model_validate(client.post("/v1/match", json={"text": QUERY}).json())
    assert result.matches[0].problem.id == PROBLEM
    # A cut-off paste with words of its own around the message: confident, not certain.
    assert result.matches[0].confidence in ("high", "medium")
    assert not result.no_confident_match


def test_match_limit_is_honoured(client: TestClient) -> None:
    result = client.post("/v1/match", json={"text": "Microsoft 365 sync user", "limit": 1}).json()
    assert len(result["matches"]) <= 1


@pytest.mark.parametrize("text", [QUERY, "nothing here is about a printer on fire"])
def test_a_match_is_answered_alike_whichever_way_fastapi_or_the_route_reads_it(
    client: TestClient, text: str
) -> None:
    """MatchRoute takes plain JSON without a query string itself and hands the rest to FastAPI:
    the two ways answer the same request with the same status, headers and bytes."""
    body = b'{"text": ' + json.dumps(text).encode() + b', "limit": 3}'

    def answer(url: str, content_type: str) -> tuple[int, list[tuple[str, str]], bytes]:
        response = client.post(url, content=body, headers={"Content-Type": content_type})
        headers = [(k, v) for k, v in response.headers.multi_items() if k != "date"]
        return response.status_code, headers, response.content

    taken = answer("/v1/match", "application/json")
    assert taken[0] == 200
    for url, content_type in [
        ("/v1/match", "Application/JSON; charset=utf-8"),
        ("/v1/match", "application/vnd.kb+json"),
        ("/v1/match?format=json", "application/json"),
    ]:
        assert answer(url, content_type) == taken, (url, content_type)


def test_the_direct_way_to_the_match_endpoint_refuses_a_route_it_would_not_check_alike() -> None:
    """MatchRoute calls the endpoint itself: a check added to the route (an API key, say) would be
    skipped for every plain JSON request, so such a route is refused when the app is built."""

    async def endpoint(body: MatchRequest, request: Request, fmt: Format = None) -> Response:
        return Response()

    def api_key(request: Request) -> None:
        return None

    checks = [Depends(require_json), Depends(only_known_query_parameters)]
    router = APIRouter()
    router.add_api_route(
        "/v1/match", endpoint, methods=["POST"], dependencies=checks, route_class_override=MatchRoute
    )
    with pytest.raises(RuntimeError, match="teach MatchRoute"):
        router.add_api_route(
            "/v1/match",
            endpoint,
            methods=["POST"],
            dependencies=[*checks, Depends(api_key)],
            route_class_override=MatchRoute,
        )


def test_answers_are_gzipped_above_a_small_size(client: TestClient) -> None:
    gzip_ok = {"Accept-Encoding": "gzip"}
    answer = client.post("/v1/match", json={"text": QUERY}, headers=gzip_ok)
    assert len(answer.content) > 1000  # httpx undoes the gzip
    assert answer.headers["content-encoding"] == "gzip"
    assert "Accept-Encoding" in answer.headers["vary"]
    markdown = client.get("/v1/articles/jumpcloud-m365?format=md", headers=gzip_ok)
    assert markdown.headers["content-encoding"] == "gzip"
    # Small answers are not worth it; nor is any answer for a client that does not take gzip.
    assert "content-encoding" not in client.get("/healthz", headers=gzip_ok).headers
    plain = client.post("/v1/match", json={"text": QUERY}, headers={"Accept-Encoding": "identity"})
    assert "content-encoding" not in plain.headers and plain.json() == answer.json()
    # q=0 says "never" (RFC 9110): Starlette's middleware only looked for the word gzip.
    for refused in ("gzip;q=0", "br, gzip; q=0.0", "*;q=0", "gzip;q=0, *"):
        for request in (
            lambda h: client.post("/v1/match", json={"text": QUERY}, headers=h),
            lambda h: client.get("/widget.js", headers=h),
        ):
            assert "content-encoding" not in request({"Accept-Encoding": refused}).headers, refused
    for taken in ("gzip;q=0.5", "deflate, gzip", "GZIP", "br, *"):
        compressed = client.post("/v1/match", json={"text": QUERY}, headers={"Accept-Encoding": taken})
        assert compressed.headers["content-encoding"] == "gzip", taken


def test_search_takes_the_tags_match_takes_and_no_longer(client: TestClient) -> None:
    # A tag of 5,000 characters was searched with, where /v1/match refused it.
    long_tag = "t" * 101
    searched = assert_error(
        client.get("/v1/search", params={"q": "mail", "tag": [long_tag]}), 422, "invalid_request"
    )
    matched = assert_error(
        client.post("/v1/match", json={"text": "mail", "tags": [long_tag]}), 422, "invalid_request"
    )
    assert searched["message"] == "tag: string should have at most 100 characters"
    assert matched["message"] == "tags: string should have at most 100 characters"
    assert client.get("/v1/search", params={"q": "mail", "tag": ["t" * 100]}).status_code == 200


def test_problem_id_with_encoded_hash(client: TestClient) -> None:
    body = client.get("/v1/problems/jumpcloud-m365%232").json()
    assert body["id"] == PROBLEM
    assert body["steps"]


@pytest.mark.parametrize(
    ("accept", "markdown"),
    [
        ("text/markdown", True),
        ("text/markdown; charset=utf-8", True),
        ("text/markdown, */*;q=0.1", True),
        ("application/json", False),
        ("application/json, text/markdown;q=0.5", False),
        ("text/markdown;q=0.9, application/json;q=0.8", True),
        ("text/markdown;q=0", False),
        ("text/html, */*", False),
        ("*/*", False),
        ("garbage;;;q=abc, ,", False),
        # A quality that is no qvalue is no preference: "nan" is not the best, "1e3" not over 1.
        ("application/json;q=0.9, text/markdown;q=nan", False),
        ("application/json;q=0.9, text/markdown;q=1e3", False),
        ("application/json;q=0.9, text/markdown;q=1.000", True),
    ],
)
def test_content_negotiation(client: TestClient, accept: str, markdown: bool) -> None:
    response = client.get("/v1/articles", headers={"Accept": accept})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/markdown") is markdown


def test_format_query_overrides_accept(client: TestClient) -> None:
    response = client.get("/v1/articles?format=json", headers={"Accept": "text/markdown"})
    assert response.headers["content-type"] == "application/json"


# --- health, readiness, metrics -----------------------------------------------------------------


def test_readyz_index_age_is_the_index_file_s(kb_db_path: Path, tmp_path: Path) -> None:
    # An index written an hour ago is an hour old, however recently the app started.
    db = Path(shutil.copyfile(kb_db_path, tmp_path / "kb.db"))
    an_hour_ago = time.time() - 3600
    os.utime(db, (an_hour_ago, an_hour_ago))
    with TestClient(create_app(Settings(db=db, articles=[KB_DIR]))) as client:
        ready = ReadyOut.model_validate(client.get("/readyz").json())
    assert ready.built_at == pytest.approx(an_hour_ago, abs=1)
    assert ready.index_age_seconds == pytest.approx(3600, abs=60)


def test_healthz(client: TestClient) -> None:
    assert client.get("/healthz").json() == {"status": "ok"}


def test_readyz_reports_the_index(client: TestClient, kb: Any) -> None:
    response = client.get("/readyz")
    assert response.status_code == 200
    ready = ReadyOut.model_validate(response.json())
    stats = kb.stats()
    assert ready.schema_version == stats["schema_version"]
    assert (ready.articles, ready.problems, ready.steps) == (
        stats["articles"],
        stats["problems"],
        stats["steps"],
    )
    # Which version serves, as `kb --version` says it: an upgrade rolled replica by replica is seen.
    assert ready.version == importlib.metadata.version("kb-answer")


def test_metrics_count_routes_outcomes_and_index_age(client: TestClient) -> None:
    client.post("/v1/match", json={"text": EXACT})
    client.get("/v1/problems/jumpcloud-m365%232")
    client.get("/v1/articles/no-such-article")
    client.get("/wp-admin/../../etc/passwd")
    # Answered before routing: counted under /v1/match, where alerts on that route see it.
    client.post(
        "/v1/match",
        content=b'{"text": "' + b"x" * 70_000 + b'"}',
        headers={"Content-Type": "application/json"},
    )
    response = client.get("/metrics")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/plain")
    text = response.text
    assert 'kb_http_requests_total{method="POST",route="/v1/match",status="200"} 1.0' in text
    assert 'route="/v1/problems/{problem_id}",status="200"' in text
    assert 'route="/v1/articles/{article_id}",status="404"' in text
    assert 'route="unmatched",status="404"' in text
    assert 'kb_http_requests_total{method="POST",route="/v1/match",status="413"} 1.0' in text
    assert "passwd" not in text  # raw paths never become labels
    assert 'kb_http_request_duration_seconds_bucket{le="0.05",method="POST",route="/v1/match"}' in text
    assert 'kb_match_outcomes_total{confidence="high"} 1.0' in text
    assert "\nkb_index_age_seconds " in text


def test_a_client_that_leaves_before_its_body_is_no_server_error(client: TestClient) -> None:
    # Called as the server calls the app: the client closes the connection after its headers.
    sent: list[Message] = []

    async def leave() -> Message:
        return {"type": "http.disconnect"}

    async def send(message: Message) -> None:
        sent.append(message)

    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "POST",
        "scheme": "http",
        "path": "/v1/feedback",
        "raw_path": b"/v1/feedback",
        "query_string": b"",
        "root_path": "",
        "headers": [(b"content-type", b"application/json"), (b"content-length", b"100")],
        "client": ("127.0.0.1", 50000),
        "server": ("testserver", 80),
    }
    client.portal.call(client.app, scope, leave, send)  # type: ignore[union-attr]
    assert sent == []
    text = client.get("/metrics").text
    assert 'status="499"} 1.0' in text
    assert 'status="500"' not in text


def test_each_app_has_its_own_registry(settings: Settings) -> None:
    with TestClient(create_app(settings)) as one, TestClient(create_app(settings)) as two:
        one.get("/healthz")
        one.get("/healthz")
        two.get("/healthz")
        assert 'route="/healthz",status="200"} 2.0' in one.get("/metrics").text
        assert 'route="/healthz",status="200"} 1.0' in two.get("/metrics").text


# --- no index yet ---------------------------------------------------------------------------------


def test_without_index_app_starts_answers_503_then_serves_once_built(tmp_path: Path) -> None:
    db = tmp_path / "later.db"
    with TestClient(create_app(Settings(db=db, articles=[KB_DIR]))) as client:
        assert client.get("/healthz").status_code == 200
        assert_error(client.get("/readyz"), 503, "index_unavailable")
        assert_error(client.post("/v1/match", json={"text": QUERY}), 503, "index_unavailable")
        assert_error(client.get("/v1/articles"), 503, "index_unavailable")
        assert "\nkb_index_age_seconds " not in client.get("/metrics").text
        build_index([KB_DIR], db)
        assert client.get("/readyz").status_code == 200
        assert client.post("/v1/match", json={"text": QUERY}).json()["matches"][0]["problem"]["id"] == PROBLEM


def test_index_that_is_not_ours_is_503(tmp_path: Path) -> None:
    db = tmp_path / "garbage.db"
    db.write_bytes(b"this is not an sqlite database" * 100)
    with TestClient(create_app(Settings(db=db))) as client:
        assert_error(client.get("/readyz"), 503, "index_unavailable")


# --- one error shape for every error ------------------------------------------------------------


def test_unknown_article_is_404(client: TestClient) -> None:
    error = assert_error(client.get("/v1/articles/no-such-article"), 404, "not_found")
    assert "no-such-article" in error["message"] and "#" not in error["message"]
    # A problem's id asked of the articles: the 404 says what it is.
    error = assert_error(client.get("/v1/articles/jumpcloud-m365%231"), 404, "not_found")
    assert error["message"].endswith("; an id with # names a problem (ARTICLE#N), not an article")


def test_unknown_problem_is_404(client: TestClient) -> None:
    assert_error(client.get("/v1/problems/jumpcloud-m365%2399"), 404, "not_found")
    assert_error(client.get("/v1/problems/no-hash-here"), 404, "not_found")


def test_unknown_route_is_404(client: TestClient) -> None:
    assert_error(client.get("/v2/nothing"), 404, "not_found")


def test_a_trailing_slash_is_a_404_naming_the_route_never_a_redirect_to_the_host_asked_for(
    client: TestClient,
) -> None:
    # Starlette redirected to an absolute URL built from the Host header: a cache in front of the
    # server could keep a redirect of /v1/match/ to a host of the client's choosing.
    for method, path in [("POST", "/v1/match/"), ("GET", "/v1/articles/"), ("GET", "/healthz/")]:
        response = client.request(method, path, headers={"Host": "elsewhere.example"}, follow_redirects=False)
        error = assert_error(response, 404, "not_found")
        assert error["message"].endswith(f"; without the trailing slash: {path.rstrip('/')}")
        assert "location" not in response.headers
    assert "trailing slash" not in assert_error(client.get("/v2/nothing/"), 404, "not_found")["message"]


def test_wrong_method_is_405(client: TestClient) -> None:
    response = client.delete("/v1/match")
    assert_error(response, 405, "method_not_allowed")
    assert response.headers["allow"] == "POST"
    # A GET route answers HEAD too: the Allow header and the message say so.
    refused = client.post("/v1/articles")
    assert assert_error(refused, 405, "method_not_allowed")["message"].endswith("; use GET, HEAD")
    assert refused.headers["allow"] == "GET, HEAD"
    assert client.head("/v1/articles").status_code == 200


# A concrete URL for every GET route template the app has.
GET_URLS = {
    "/v1/search": "/v1/search?q=sync",
    "/v1/articles": "/v1/articles",
    "/v1/articles/{article_id}": "/v1/articles/jumpcloud-m365",
    "/v1/problems/{problem_id}": "/v1/problems/jumpcloud-m365%232",
    "/v1/admin/feedback": "/v1/admin/feedback",
    "/healthz": "/healthz",
    "/readyz": "/readyz",
    "/metrics": "/metrics",
    "/": "/",
    "/widget.js": "/widget.js",
    "/widget.css": "/widget.css",
    "/demo.js": "/demo.js",
    "/favicon.ico": "/favicon.ico",
    "/openapi.json": "/openapi.json",
    "/docs": "/docs",
    "/docs/oauth2-redirect": "/docs/oauth2-redirect",
    "/redoc": "/redoc",
}


def get_route_templates(client: TestClient) -> set[str]:
    """Every path template the app answers GET on (included routers are walked; none has a prefix)."""

    def walk(routes: list[Any]) -> Iterator[Any]:
        for route in routes:
            included = getattr(route, "original_router", None)
            yield from walk(included.routes) if included is not None else [route]

    app: Any = client.app
    return {r.path for r in walk(app.routes) if "GET" in (getattr(r, "methods", None) or ())}


def test_every_get_route_answers_head_with_the_get_headers_and_no_body(admin_client: TestClient) -> None:
    assert get_route_templates(admin_client) == set(GET_URLS)
    auth = {"Authorization": f"Bearer {KEY}"}
    for url in GET_URLS.values():
        get = admin_client.get(url, headers=auth)
        head = admin_client.head(url, headers=auth)
        assert (url, head.status_code) == (url, get.status_code)
        assert head.content == b""
        for header in ("content-type", "etag", "cache-control"):
            assert head.headers.get(header) == get.headers.get(header), (url, header)
        if url not in ("/metrics", "/readyz"):  # their figures change between the two requests
            assert head.headers.get("content-length") == get.headers.get("content-length"), url
    # Counted under their routes, as HEAD.
    metrics = admin_client.get("/metrics").text
    for template in GET_URLS:
        assert f'kb_http_requests_total{{method="HEAD",route="{template}",status=' in metrics, template


def test_body_over_content_length_limit_is_413(client: TestClient) -> None:
    error = assert_error(client.post("/v1/match", json={"text": "x" * 70_000}), 413, "payload_too_large")
    assert error["detail"] == {"max_bytes": 65536}


def test_chunked_body_over_limit_is_413(client: TestClient) -> None:
    def chunks() -> Iterator[bytes]:
        yield b'{"text": "'
        for _ in range(100):
            yield b"x" * 1000
        yield b'"}'

    response = client.post("/v1/match", content=chunks(), headers={"Content-Type": "application/json"})
    assert "content-length" not in response.request.headers  # really sent without a declared length
    assert_error(response, 413, "payload_too_large")


def test_body_limit_is_configurable(kb_db_path: Path) -> None:
    with TestClient(create_app(Settings(db=kb_db_path, max_body=100))) as client:
        assert client.post("/v1/match", json={"text": "short"}).status_code == 200
        assert_error(client.post("/v1/match", json={"text": "y" * 200}), 413, "payload_too_large")


@pytest.mark.parametrize(
    "headers",
    [
        {"Content-Type": "text/plain"},
        {"Content-Type": "application/x-www-form-urlencoded"},
        {},
        # Not a type FastAPI reads as JSON, though it ends in +json.
        {"Content-Type": "application/x/y+json"},
    ],
)
@pytest.mark.parametrize("url", ["/v1/match", "/v1/feedback"])
def test_non_json_body_is_415(client: TestClient, url: str, headers: dict[str, str]) -> None:
    response = client.post(url, content=b'{"text": "hello"}', headers=headers)
    assert_error(response, 415, "unsupported_media_type")
    assert "Content-Type: application/json" in response.json()["error"]["message"]


@pytest.mark.parametrize("url", ["/v1/match", "/v1/feedback"])
def test_a_compressed_body_is_415_naming_its_encoding(client: TestClient, url: str) -> None:
    body = b'{"text": "hello"}'
    # Compressed, declared so over a plain body, and a body that decodes as text but is no JSON.
    for coding, sent in [("gzip", gzip.compress(body)), ("gzip", body), ("br", b"\x0b\x08 ok")]:
        response = client.post(
            url, content=sent, headers={"Content-Type": "application/json", "Content-Encoding": coding}
        )
        assert_error(response, 415, "unsupported_media_type")
        assert f"Content-Encoding: {coding}" in response.json()["error"]["message"]
    plain = client.post(
        "/v1/match",
        content=body,
        headers={"Content-Type": "application/json", "Content-Encoding": "identity"},
    )
    assert plain.status_code == 200


@pytest.mark.parametrize("encoding", ["utf-16", "utf-32", "utf-16-le"])
def test_a_utf16_or_utf32_body_is_read_as_json_parsers_detect_it(client: TestClient, encoding: str) -> None:
    body = '{"text": "mailNickname invalid"}'.encode(encoding)
    response = client.post("/v1/match", content=body, headers={"Content-Type": "application/json"})
    assert response.status_code == 200 and response.json()["query"] == "mailNickname invalid"


def test_json_subtype_is_accepted(client: TestClient) -> None:
    response = client.post(
        "/v1/match",
        content=b'{"text": "sync"}',
        headers={"Content-Type": "application/vnd.kb+json; charset=utf-8"},
    )
    assert response.status_code == 200


@pytest.mark.parametrize(
    ("url", "message"),
    [
        (
            "/v1/search?q=sync&tags=jumpcloud",
            "tags: no such parameter (the parameters are q, limit, product, tag, format)",
        ),
        ("/v1/articles?page=2", "page: no such parameter (the parameters are offset, limit, format)"),
        (
            "/v1/problems/jumpcloud-m365%234?fromat=md",
            "fromat: no such parameter (the parameters are format)",
        ),
    ],
)
def test_a_query_parameter_no_route_reads_is_422(client: TestClient, url: str, message: str) -> None:
    # "tags" for "tag" answered from every product, as "tag" for "tags" in a match body once did.
    assert assert_error(client.get(url), 422, "invalid_request")["message"] == message


def test_a_match_asked_with_its_scope_in_the_query_string_is_422(client: TestClient) -> None:
    # The body holds the scope: "?tag=" was left unread, and the answer came from every product.
    refused = client.post("/v1/match?tag=nosuch", json={"text": "sync error"})
    assert assert_error(refused, 422, "invalid_request")["message"] == (
        "tag: no such parameter (the parameters are format)"
    )
    assert client.post("/v1/match?format=md", json={"text": "sync error"}).status_code == 200


def test_null_tags_are_no_tags_as_null_product_is_no_product(client: TestClient) -> None:
    # The MCP tool took {"tags": null}; the same arguments over HTTP were a 422.
    plain = client.post("/v1/match", json={"text": "sync error"}).json()
    nulls = client.post("/v1/match", json={"text": "sync error", "tags": None, "product": None})
    assert nulls.status_code == 200 and nulls.json() == plain


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b'{"text": ""}', "text must not be empty"),
        (b'{"text": "  \\n\\t "}', "text must not be empty"),
        (
            b'{"text": "ok", "tag": ["sync"]}',
            "tag: no such field (the fields are text, limit, product, tags)",
        ),
        (b"{}", "text is required"),
        (b"", "request body is required"),
        (b'{"text": 42}', "text: input should be a valid string"),
        (b'{"text": "ok", "limit": 0}', "limit: input should be greater than or equal to 1"),
        (b'{"text": "ok", "limit": 10000000000000000000000}', "limit:"),
        (b"[1, 2]", "request body:"),
        (b'{"text": "unterminated', "request body is not valid JSON"),
        # The decoder's message ends "at": where was missing.
        (b'{"text": "a\x00b"}', "request body is not valid JSON: Invalid control character at character 12"),
        (b"null", "request body"),
        (b'{"text": "caf\xe9"}', "request body is not valid JSON: it is not UTF-8"),
        # A 400 "There was an error parsing the body": Python reads no integer that long.
        pytest.param(
            b'{"text": "ok", "limit": ' + b"1" * 4301 + b"}",
            "request body is not valid JSON: it holds a number",
            id="a-number-of-4301-digits",
        ),
    ],
)
def test_invalid_match_body_is_422_with_a_readable_message(
    client: TestClient, content: bytes, message: str
) -> None:
    response = client.post("/v1/match", content=content, headers={"Content-Type": "application/json"})
    error = assert_error(response, 422, "invalid_request")
    assert error["message"].startswith(message), error["message"]
    assert isinstance(error["detail"], list)


def test_a_lone_surrogate_is_answered_as_u_fffd_as_by_every_front_end(client: TestClient) -> None:
    # A browser sends a paste cut in the middle of an emoji as "\ud83d"; it was refused with 422.
    content = b'{"text": "The domain portion of the userPrincipalName property is invalid \\ud83d"}'
    response = client.post("/v1/match", content=content, headers={"Content-Type": "application/json"})
    assert response.status_code == 200
    assert response.json()["query"].endswith("invalid \ufffd")


def test_feedback_on_a_query_cut_inside_an_emoji_is_stored(client: TestClient) -> None:
    # /v1/feedback refused the half of a pair with 422, where /v1/match read it as U+FFFD.
    content = b'{"query": "Sync fails \\ud83d", "problem_id": "jumpcloud-m365#1", "verdict": "yes"}'
    response = client.post("/v1/feedback", content=content, headers={"Content-Type": "application/json"})
    assert response.status_code == 201, response.text


@pytest.mark.parametrize(
    ("path", "shape"),
    [
        ("/v1/match", '{"text": "..."}'),
        ("/v1/feedback", '{"query": "...", "problem_id": "...", "verdict": "yes"}'),
    ],
)
@pytest.mark.parametrize("prefix", ["", "/kb"])
def test_a_missing_body_is_said_with_the_shape_of_the_route(
    settings: Settings, path: str, shape: str, prefix: str
) -> None:
    # Feedback's was said with the match's shape; mounted under a prefix, with none.
    app = Starlette(routes=[Mount(prefix, app=create_app(settings))]) if prefix else create_app(settings)
    with TestClient(app) as client:
        response = client.post(prefix + path, content=b"", headers={"Content-Type": "application/json"})
    error = assert_error(response, 422, "invalid_request")
    assert error["message"] == f"request body is required: a JSON object such as {shape}"


@pytest.mark.parametrize(
    "url",
    [
        "/v1/search",
        "/v1/search?q=a&limit=0",
        "/v1/search?q=a&limit=x",
        "/v1/search?q=" + "a" * 501,
        "/v1/articles?offset=-1",
        "/v1/articles?limit=201",
        "/v1/articles?offset=99999999999999999999999",
        "/v1/articles?format=xml",
    ],
)
def test_invalid_query_parameters_are_422(client: TestClient, url: str) -> None:
    assert_error(client.get(url), 422, "invalid_request")


@pytest.mark.parametrize(
    "url",
    [
        "/v1/search?q=%22",
        "/v1/search?q=*",
        "/v1/search?q=NEAR(a%20b)%20AND%20OR%20NOT",
        "/v1/search?q=%00%01%ff",
        "/v1/search?q=%F0%9F%92%A5%20%ED%A0%80",
        "/v1/articles/%00",
        "/v1/articles/..%2F..%2Fetc%2Fpasswd",
        "/v1/articles/" + "a" * 4000,
        "/v1/problems/%23%23%23",
        "/v1/problems/x%23-1",
        "/v1/articles?offset=2147483648",
    ],
)
def test_hostile_urls_never_500(client: TestClient, url: str) -> None:
    response = client.get(url)
    assert response.status_code < 500, response.text
    if response.status_code >= 400:
        assert set(response.json()) == {"error"}


@pytest.mark.parametrize(
    "text",
    [
        '"unbalanced quote',
        "NEAR(a b) AND OR NOT * ^ -",
        "\x00\x01\x02 control characters",
        "🙂" * 5000,
        '{"error": {"code": "AADSTS50011", "message": "reply url"}}',
        "{" * 5000,
        "%ZZ%%%41 url decoding",
        "x" * 60_000,
        "a\u0301\u202e\ufeff mixed marks",
    ],
)
def test_hostile_match_text_never_500(client: TestClient, text: str) -> None:
    response = client.post("/v1/match", json={"text": text})
    assert response.status_code == 200, response.text
    MatchResult.model_validate(response.json())


_TEXT = st.text(st.characters(codec="utf-8"), max_size=300)
_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | _TEXT,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_TEXT, inner, max_size=4),
    max_leaves=8,
)
_MATCH = st.fixed_dictionaries(
    {"text": _TEXT},
    optional={"limit": st.integers(-3, 60), "product": _TEXT, "tags": st.lists(_TEXT, max_size=3)},
)
_FEEDBACK = st.fixed_dictionaries(
    {
        "query": _TEXT,
        "problem_id": st.sampled_from([PROBLEM, "jumpcloud-m365#9"]) | _TEXT,
        "verdict": st.sampled_from(["yes", "no"]) | _TEXT,
    }
)
# Bodies of the right shape with any values, and any JSON or bytes at all.
_BODY = (
    (_MATCH | _FEEDBACK | st.dictionaries(_TEXT, _JSON, max_size=5)).map(json.dumps)
    | _JSON.map(json.dumps)
    | st.binary(max_size=300)
)
_REQUESTS = st.one_of(
    st.tuples(st.just("POST"), st.sampled_from(["/v1/match", "/v1/feedback"]), _BODY),
    st.tuples(
        st.just("GET"),
        st.sampled_from(["/v1/search?q=", "/v1/articles?limit=", "/v1/articles/", "/v1/problems/"]).flatmap(
            lambda url: _TEXT.map(lambda text: url + quote(text, safe=""))
        ),
        st.none(),
    ),
)


@run_examples(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(request=_REQUESTS)
def test_any_request_is_answered_or_refused_never_a_server_error(
    fuzz_client: TestClient, request: tuple[str, str, str | bytes | None]
) -> None:
    """Generated bodies and path and query values, on every route that reads them: a 4xx in the
    shared error shape, or an answer."""
    method, url, body = request
    response = fuzz_client.request(method, url, content=body, headers={"content-type": "application/json"})
    assert response.status_code < 500, response.text
    if response.status_code >= 400:
        ErrorBody.model_validate(response.json())


@pytest.fixture
def fuzz_client(settings: Settings, tmp_path: Path) -> Iterator[TestClient]:
    """A client of an app over the kb/ index whose feedback store is its own."""
    with TestClient(create_app(settings.model_copy(update={"feedback_db": tmp_path / "feedback.db"}))) as c:
        yield c


def test_unexpected_error_has_the_shape_too(settings: Settings) -> None:
    app = create_app(settings)

    @app.get("/boom")
    def boom() -> None:
        raise RuntimeError("bug")

    with TestClient(app, raise_server_exceptions=False) as client:
        error = assert_error(client.get("/boom"), 500, "internal_error")
        assert "bug" not in error["message"]  # internals stay in the log


# --- CORS -------------------------------------------------------------------------------------------


def test_cors_allows_only_configured_origins(kb_db_path: Path) -> None:
    app = create_app(Settings(db=kb_db_path, cors_origins=["https://support.example.com"]))
    with TestClient(app) as client:
        ok = client.get("/v1/articles", headers={"Origin": "https://support.example.com"})
        assert ok.headers["access-control-allow-origin"] == "https://support.example.com"
        other = client.get("/v1/articles", headers={"Origin": "https://evil.example"})
        assert "access-control-allow-origin" not in other.headers
        preflight = client.options(
            "/v1/match",
            headers={
                "Origin": "https://support.example.com",
                "Access-Control-Request-Method": "POST",
                "Access-Control-Request-Headers": "content-type",
            },
        )
        assert preflight.status_code == 200
        assert preflight.headers["access-control-allow-origin"] == "https://support.example.com"
        # Error answers carry CORS headers too, so browsers can read the error body.
        too_big = client.post(
            "/v1/match", json={"text": "x" * 70_000}, headers={"Origin": "https://support.example.com"}
        )
        assert too_big.status_code == 413
        assert too_big.headers["access-control-allow-origin"] == "https://support.example.com"


def test_no_cors_headers_without_configured_origins(client: TestClient) -> None:
    response = client.get("/v1/articles", headers={"Origin": "https://support.example.com"})
    assert "access-control-allow-origin" not in response.headers


# --- admin ------------------------------------------------------------------------------------------


def test_admin_routes_do_not_exist_without_a_key(client: TestClient) -> None:
    assert_error(client.post("/v1/admin/reindex"), 404, "not_found")
    assert_error(
        client.post("/v1/admin/reindex", headers={"Authorization": f"Bearer {KEY}"}), 404, "not_found"
    )
    assert "/v1/admin/reindex" not in client.get("/openapi.json").json()["paths"]


def test_reindex_without_key_is_401(admin_client: TestClient) -> None:
    response = admin_client.post("/v1/admin/reindex")
    assert_error(response, 401, "unauthorized")
    assert response.headers["www-authenticate"] == "Bearer"
    assert_error(
        admin_client.post("/v1/admin/reindex", headers={"Authorization": f"Basic {KEY}"}), 401, "unauthorized"
    )


@pytest.mark.parametrize("given", ["wrong", KEY[:-1], KEY + "x", "ünïcödé", KEY.upper()])
def test_reindex_with_wrong_key_is_403(admin_client: TestClient, given: str) -> None:
    headers = {b"Authorization": f"Bearer {given}".encode()}  # raw UTF-8 bytes, as a hostile client sends
    assert_error(admin_client.post("/v1/admin/reindex", headers=headers), 403, "forbidden")


def test_a_reindex_asked_with_a_body_or_a_query_parameter_is_refused_not_run_on_every_folder(
    admin_client: TestClient,
) -> None:
    # Before: 200, after a rebuild of the configured folders, whatever the body asked for.
    headers = {"Authorization": f"Bearer {KEY}"}
    asked = [
        admin_client.post("/v1/admin/reindex", json={"paths": ["/etc"]}, headers=headers),
        admin_client.post("/v1/admin/reindex", content=b"paths=/etc", headers=headers),
        admin_client.post("/v1/admin/reindex?paths=/etc", headers=headers),
    ]
    said = [assert_error(response, 422, "invalid_request")["message"] for response in asked]
    # The body's refusal named /v1/match's fields: "…: no such field (the fields are text, limit, …)".
    assert said[:2] == ["This route takes no request body"] * 2
    assert 'kb_reindex_total{outcome="ok"} 0.0' in admin_client.get("/metrics").text
    # Without a key, the key is what is wrong.
    assert_error(admin_client.post("/v1/admin/reindex", json={"paths": ["/etc"]}), 401, "unauthorized")
    assert admin_client.post("/v1/admin/reindex", headers=headers).status_code == 200
    # A body that asks for nothing, as clients and webhooks send by default, is no request.
    for nothing in (b"{}", b"null", b"\n"):
        assert admin_client.post("/v1/admin/reindex", content=nothing, headers=headers).status_code == 200


def test_reindex_with_key_picks_up_a_new_article(admin_client: TestClient, articles_dir: Path) -> None:
    assert_error(admin_client.get("/v1/articles/added-later"), 404, "not_found")
    add_article(articles_dir, "added-later", "An article added while serving")
    response = admin_client.post("/v1/admin/reindex", headers={"Authorization": f"Bearer {KEY}"})
    assert response.status_code == 200, response.text
    report = ReindexOut.model_validate(response.json())
    assert (report.articles, report.parsed, report.unchanged) == (2, 1, 1)
    assert admin_client.get("/v1/articles/added-later").json()["title"] == "An article added while serving"
    assert 'kb_reindex_total{outcome="ok"} 1.0' in admin_client.get("/metrics").text
    assert report.without_steps == []
    # An article that says what goes wrong and gives no fix is indexed, and named for its author.
    (articles_dir / "no-fix.md").write_text(
        "# Badge light blinks\n\n## Symptoms\n\nThe light blinks twice.\n\n## Cause\n\nA low battery.\n",
        encoding="utf-8",
    )
    response = admin_client.post("/v1/admin/reindex", headers={"Authorization": f"Bearer {KEY}"})
    assert ReindexOut.model_validate(response.json()).without_steps == ["no-fix.md"]


def test_an_article_or_problem_asked_again_after_a_reindex_is_the_new_one_in_each_format(
    admin_client: TestClient, articles_dir: Path
) -> None:
    """Rendered articles and problems are kept per index file: a reindex that changes one is seen at once."""
    add_article(articles_dir, "renamed-later", "The first title")
    admin_client.post("/v1/admin/reindex", headers={"Authorization": f"Bearer {KEY}"})
    for _ in range(2):
        assert admin_client.get("/v1/articles/renamed-later").json()["title"] == "The first title"
        markdown = admin_client.get("/v1/articles/renamed-later?format=md")
        assert markdown.headers["content-type"].startswith("text/markdown")
        assert markdown.text.startswith("# The first title")
        problem = admin_client.get("/v1/problems/renamed-later%231").json()
        assert problem["article"]["title"] == "The first title"
    add_article(articles_dir, "renamed-later", "The second title")
    admin_client.post("/v1/admin/reindex", headers={"Authorization": f"Bearer {KEY}"})
    assert admin_client.get("/v1/articles/renamed-later").json()["title"] == "The second title"
    assert admin_client.get("/v1/articles/renamed-later?format=md").text.startswith("# The second title")
    assert admin_client.get("/v1/problems/renamed-later%231").json()["article"]["title"] == "The second title"
    assert_error(admin_client.get("/v1/articles/never-there"), 404, "not_found")
    # An article and a problem are kept apart, as are the two formats.
    assert admin_client.get("/v1/problems/renamed-later%231").json()["id"] == "renamed-later#1"


def test_a_match_asked_again_after_a_reindex_answers_from_the_new_index(
    admin_client: TestClient, articles_dir: Path
) -> None:
    """The JSON of answers' articles and problems is kept per object the matcher hands out; a
    reindex that changes one is seen at once, and each answer is pydantic's own JSON of it."""
    query = {"text": EXACT, "limit": 5}
    for title in ("The first title", "The second title"):
        add_article(articles_dir, "renamed-later", title)
        admin_client.post("/v1/admin/reindex", headers={"Authorization": f"Bearer {KEY}"})
        for _ in range(2):
            response = admin_client.post("/v1/match", json=query)
            result = MatchResult.model_validate_json(response.content)
            assert response.content == result.__pydantic_serializer__.to_json(result)
            titles = {m.article.title for m in result.matches if m.article.id == "renamed-later"}
            assert titles == {title}


def test_a_reindex_whose_folder_is_gone_is_refused_and_serves_on(
    admin_client: TestClient, articles_dir: Path
) -> None:
    # A 500 "reindex failed", where the README (and `kb index`, exit 2) refuse a missing folder as an emptied one.
    shutil.rmtree(articles_dir)
    response = admin_client.post("/v1/admin/reindex", headers={"Authorization": f"Bearer {KEY}"})
    message = assert_error(response, 409, "empty_folder")["message"]
    assert f"no such file or folder: {articles_dir}" in message
    assert admin_client.get("/v1/articles/jumpcloud-m365").status_code == 200
    assert 'kb_reindex_total{outcome="refused"} 1.0' in admin_client.get("/metrics").text


def test_a_reindex_whose_folders_leave_out_one_the_index_holds_is_refused_and_serves_on(
    tmp_path: Path, articles_dir: Path
) -> None:
    # Built with `kb index kb/ mine`, served with KB_ARTICLES=kb: a reindex took mine/ out of the index.
    mine = tmp_path / "mine"
    mine.mkdir()
    add_article(mine, "ours", "An article of our own")
    db = tmp_path / "private.db"
    build_index([articles_dir, mine], db)
    settings = Settings(db=db, articles=[articles_dir], api_key=SecretStr(KEY))
    with TestClient(create_app(settings)) as client:
        response = client.post("/v1/admin/reindex", headers={"Authorization": f"Bearer {KEY}"})
        message = assert_error(response, 409, "empty_folder")["message"]
        assert f"1 article from {mine}, which this run was not given" in message and "KB_ARTICLES" in message
        assert client.get("/v1/articles/ours").status_code == 200
        assert 'kb_reindex_total{outcome="refused"} 1.0' in client.get("/metrics").text


def test_a_reindex_over_a_file_that_is_not_an_index_is_refused_and_leaves_it(
    admin_client: TestClient, tmp_path: Path
) -> None:
    # A 400 bad_request, undocumented for the route, that told the server's operator to choose a --db.
    (tmp_path / "private.db").write_bytes(b"notes, not an index")
    response = admin_client.post("/v1/admin/reindex", headers={"Authorization": f"Bearer {KEY}"})
    message = assert_error(response, 409, "index_not_ours")["message"]
    assert "is not an SQLite file; it is not replaced" in message and "KB_DB" in message
    assert (tmp_path / "private.db").read_bytes() == b"notes, not an index"


def test_a_reindex_that_finds_the_folder_empty_is_refused_and_serves_on(
    admin_client: TestClient, articles_dir: Path
) -> None:
    """An unmounted share looks like an empty folder: the articles served stay until a person says otherwise."""
    for path in articles_dir.iterdir():
        path.unlink()
    response = admin_client.post("/v1/admin/reindex", headers={"Authorization": f"Bearer {KEY}"})
    message = assert_error(response, 409, "empty_folder")["message"]
    assert str(articles_dir) in message and "--allow-empty" in message
    assert admin_client.get("/v1/articles/jumpcloud-m365").status_code == 200
    assert 'kb_reindex_total{outcome="refused"} 1.0' in admin_client.get("/metrics").text


def test_a_first_reindex_of_an_empty_folder_says_how_to_write_an_empty_index(tmp_path: Path) -> None:
    # It said "to take them out" of an index that did not exist yet, as `kb index` does not.
    empty = tmp_path / "articles"
    empty.mkdir()
    settings = Settings(db=tmp_path / "new.db", articles=[empty], api_key=SecretStr(KEY))
    with TestClient(create_app(settings)) as client:
        response = client.post("/v1/admin/reindex", headers={"Authorization": f"Bearer {KEY}"})
    message = assert_error(response, 409, "empty_folder")["message"]
    assert message.endswith("; to write an empty index, run kb index --allow-empty")
    assert not (tmp_path / "new.db").exists()


def test_a_reindex_that_runs_out_of_room_is_a_failed_reindex_not_a_damaged_index(
    admin_client: TestClient, articles_dir: Path, tmp_path: Path
) -> None:
    """A full disk stops the new index, not the one served: say so, and count it."""
    add_article(articles_dir, "added-later", "An article added while serving")
    limit = resource.getrlimit(resource.RLIMIT_FSIZE)
    # Writing past the limit fails with EFBIG (as on a full disk) instead of killing the process.
    handler = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (64 * 1024, limit[1]))
    try:
        response = admin_client.post("/v1/admin/reindex", headers={"Authorization": f"Bearer {KEY}"})
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, limit)
        signal.signal(signal.SIGXFSZ, handler)
    assert "reindex failed" in assert_error(response, 500, "reindex_failed")["message"]
    assert admin_client.get("/readyz").status_code == 200
    assert admin_client.get("/v1/articles/jumpcloud-m365").status_code == 200
    assert 'kb_reindex_total{outcome="failed"} 1.0' in admin_client.get("/metrics").text


def test_admin_key_never_logged(
    tmp_path: Path, articles_dir: Path, caplog: pytest.LogCaptureFixture, capsys: pytest.CaptureFixture[str]
) -> None:
    caplog.set_level(logging.DEBUG)
    db = tmp_path / "k.db"
    build_index([articles_dir], db)
    settings = Settings(db=db, articles=[articles_dir], api_key=SecretStr(KEY))
    assert KEY not in repr(settings) and KEY not in str(settings)
    with TestClient(create_app(settings)) as client:
        client.post("/v1/admin/reindex", headers={"Authorization": f"Bearer {KEY}"})
        client.post("/v1/admin/reindex", headers={"Authorization": "Bearer wrong"})
        shutil.rmtree(articles_dir)
        client.post("/v1/admin/reindex", headers={"Authorization": f"Bearer {KEY}"})
    captured = capsys.readouterr()
    assert KEY not in caplog.text and KEY not in captured.out and KEY not in captured.err


# --- settings -----------------------------------------------------------------------------------------


def test_settings_from_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KB_DB", "/srv/kb.db")
    monkeypatch.setenv("KB_ARTICLES", os.pathsep.join(["kb", "/srv/more", "/srv/third"]))
    monkeypatch.setenv("KB_API_KEY", "k")
    monkeypatch.setenv("KB_CORS_ORIGINS", "https://a.example:8443, https://b.example")
    monkeypatch.setenv("KB_MAX_BODY", "1024")
    s = Settings()
    assert s.db == Path("/srv/kb.db")
    assert s.articles == [Path("kb"), Path("/srv/more"), Path("/srv/third")]
    assert s.api_key is not None and s.api_key.get_secret_value() == "k"
    assert s.cors_origins == ["https://a.example:8443", "https://b.example"]
    assert s.max_body == 1024
    for name, value in s.to_env().items():
        monkeypatch.setenv(name, value)
    assert Settings() == s


def test_settings_defaults_and_blank_key(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("KB_DB", raising=False)
    monkeypatch.setenv("KB_API_KEY", "   ")
    s = Settings()
    assert (s.db, s.articles, s.api_key, s.cors_origins, s.max_body) == (
        Path("kb.db"),
        [Path("kb")],
        None,
        [],
        65536,
    )


def test_a_variable_set_but_empty_is_unset(monkeypatch: pytest.MonkeyPatch) -> None:
    # `KB_DB= kb serve` served "." and failed with a traceback; `KB_FEEDBACK_DB=` kept feedback in ".".
    for name in ("KB_DB", "KB_FEEDBACK_DB", "KB_FEEDBACK_URL", "KB_ARTICLES", "KB_MAX_BODY"):
        monkeypatch.setenv(name, "")
    s = Settings()
    assert (s.db, s.feedback_path, s.feedback_url, s.articles, s.max_body) == (
        Path("kb.db"),
        Path("feedback.db"),
        None,
        [Path("kb")],
        65536,
    )


def test_spaces_around_the_admin_key_are_no_part_of_it(
    monkeypatch: pytest.MonkeyPatch, kb_db_path: Path
) -> None:
    # HTTP drops the space from the header: a key "abc " could never be sent, every admin call was 403.
    monkeypatch.setenv("KB_DB", str(kb_db_path))
    monkeypatch.setenv("KB_API_KEY", f" {KEY} \n")
    with TestClient(app_from_env()) as client:
        answer = client.get("/v1/admin/feedback", headers={"Authorization": f"Bearer {KEY}"})
        assert answer.status_code == 200, answer.text


def test_app_from_env_reads_the_environment(monkeypatch: pytest.MonkeyPatch, kb_db_path: Path) -> None:
    monkeypatch.setenv("KB_DB", str(kb_db_path))
    monkeypatch.setenv("KB_API_KEY", KEY)
    with TestClient(app_from_env()) as client:
        assert client.get("/readyz").status_code == 200
        assert_error(client.post("/v1/admin/reindex"), 401, "unauthorized")


def test_a_worker_leaves_its_startup_objects_out_of_garbage_collection(
    monkeypatch: pytest.MonkeyPatch, kb_db_path: Path
) -> None:
    monkeypatch.setenv("KB_DB", str(kb_db_path))
    gc.unfreeze()
    try:
        app = app_from_env()
        # The app itself was built before the freeze, so it is among the frozen objects.
        assert gc.get_freeze_count() > 10_000
        assert not any(obj is app for obj in gc.get_objects())
    finally:
        gc.unfreeze()


# --- OpenAPI ---------------------------------------------------------------------------------------------

EXAMPLE_MODELS: dict[str, type[BaseModel]] = {
    "/v1/match": MatchResult,
    "/v1/search": SearchResult,
    "/v1/articles": ArticlePage,
    "/v1/articles/{article_id}": ArticleOut,
    "/v1/problems/{problem_id}": ProblemDetail,
    "/readyz": ReadyOut,
    "/v1/admin/reindex": ReindexOut,
    "/v1/feedback": FeedbackOut,
    "/v1/admin/feedback": FeedbackReport,
}


def test_openapi_has_a_summary_and_real_example_for_every_route(admin_client: TestClient) -> None:
    spec = admin_client.get("/openapi.json").json()
    assert set(EXAMPLE_MODELS) <= set(spec["paths"])
    for path, operations in spec["paths"].items():
        for method, operation in operations.items():
            assert operation["summary"] and not operation["summary"][0].islower(), (method, path)
            success = next(status for status in operation["responses"] if status.startswith("2"))
            content = operation["responses"][success]["content"]
            examples = [c.get("example") for c in content.values()]
            assert all(e is not None for e in examples), (method, path)
            if path in EXAMPLE_MODELS:
                EXAMPLE_MODELS[path].model_validate(content["application/json"]["example"])
            if "text/markdown" in content:
                assert content["text/markdown"]["example"].startswith(("#", "-"))
            for status, response in operation["responses"].items():
                if status != success:
                    assert response["content"]["application/json"]["schema"] == {
                        "$ref": "#/components/schemas/ErrorBody"
                    }
    match_body = spec["paths"]["/v1/match"]["post"]["requestBody"]["content"]["application/json"]["schema"]
    assert match_body == {"$ref": "#/components/schemas/MatchRequest"}
    assert spec["components"]["schemas"]["MatchRequest"]["examples"] == [ex.MATCH_REQUEST]
    assert spec["paths"]["/v1/admin/reindex"]["post"]["security"] == [{"HTTPBearer": []}]


def test_openapi_examples_are_answers_the_api_gives(client: TestClient) -> None:
    # The request example is answered with the example's problem, so the docs tell the truth.
    result = client.post("/v1/match", json=ex.MATCH_REQUEST).json()
    assert result["matches"][0]["problem"]["id"] == ex.MATCH_RESULT["matches"][0]["problem"]["id"]
    assert client.get(f"/v1/articles/{ex.ARTICLE_ID}").status_code == 200
    assert client.get("/v1/search", params={"q": ex.SEARCH_RESULT["query"]}).json()["hits"][0][
        "problem_id"
    ] == (ex.PROBLEM_ID)


@pytest.mark.parametrize(
    ("page", "asset"), [("/docs", "swagger-ui-bundle.js"), ("/redoc", "redoc.standalone.js")]
)
def test_docs_pages_load_their_assets_from_this_server(client: TestClient, page: str, asset: str) -> None:
    response = client.get(page)
    assert response.status_code == 200
    assert f'src="/docs-assets/{asset}"' in response.text
    assert "https://" not in response.text  # no CDN, no web fonts
    assert "default-src 'none'" in response.headers["content-security-policy"]
    script = client.get(f"/docs-assets/{asset}")
    assert script.status_code == 200 and len(script.content) > 100_000
    assert client.head(f"/docs-assets/{asset}").status_code == 200
    assert (
        'kb_http_requests_total{method="GET",route="/docs-assets",status="200"}'
        in client.get("/metrics").text
    )
