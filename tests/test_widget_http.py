"""The widget's files and demo page as the real app serves them (no browser here)."""

from __future__ import annotations

import gzip
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from httpx import Response

from api.http import create_app
from api.settings import Settings

STATIC = Path(__file__).resolve().parent.parent / "api" / "static"
PORTAL = "https://portal.example"

# "A few KB": a budget that fails loudly if the widget starts to grow a framework.
MAX_GZIPPED_BYTES = 8 * 1024


@pytest.fixture
def client(kb_db_path: Path, tmp_path: Path) -> Iterator[TestClient]:
    settings = Settings(db=kb_db_path, cors_origins=[PORTAL], feedback_db=tmp_path / "feedback.db")
    with TestClient(create_app(settings)) as c:
        yield c


@pytest.mark.parametrize(
    ("path", "media", "name"),
    [("/widget.js", "text/javascript", "widget.js"), ("/widget.css", "text/css", "widget.css")],
)
def test_assets_are_served_with_caching_headers(client: TestClient, path: str, media: str, name: str) -> None:
    response = client.get(path, headers={"Accept-Encoding": "identity"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith(media)
    assert response.content == (STATIC / name).read_bytes()
    # (X-Content-Type-Options is kb serve's, on every answer: tests/test_serve.py.)
    etag = response.headers["etag"]
    again = client.get(path, headers={"Accept-Encoding": "identity", "If-None-Match": etag})
    assert again.status_code == 304 and again.content == b""


def test_each_encoding_has_its_own_etag_and_revalidates_as_browsers_ask(client: TestClient) -> None:
    # A strong ETag names one representation: a cache holding the plain body must not be told
    # that the gzipped one is the same bytes.
    plain = client.get("/widget.js", headers={"Accept-Encoding": "identity"}).headers["etag"]
    zipped = client.get("/widget.js", headers={"Accept-Encoding": "gzip"}).headers["etag"]
    assert plain != zipped

    def status(encoding: str, if_none_match: str) -> int:
        headers = {"Accept-Encoding": encoding, "If-None-Match": if_none_match}
        return client.get("/widget.js", headers=headers).status_code

    assert status("gzip", plain) == 200
    assert status("identity", zipped) == 200
    assert status("gzip", f'"other", W/{zipped}') == 304
    assert status("identity", "*") == 304
    assert status("identity", '"other"') == 200
    two_lines = [("Accept-Encoding", "gzip"), ("If-None-Match", '"other"'), ("If-None-Match", zipped)]
    assert client.get("/widget.js", headers=two_lines).status_code == 304


def test_assets_are_gzipped_for_browsers_that_accept_it(client: TestClient) -> None:
    response = client.get("/widget.js", headers={"Accept-Encoding": "gzip, br"})
    assert response.headers["content-encoding"] == "gzip"
    assert response.content == (STATIC / "widget.js").read_bytes()  # httpx undoes the gzip
    assert "Accept-Encoding" in response.headers["vary"]


@pytest.mark.parametrize("path", ["/widget.js", "/widget.css", "/", "/demo.js"])
@pytest.mark.parametrize("encoding", ["gzip", "identity"])
def test_assets_name_accept_encoding_once_in_vary(client: TestClient, path: str, encoding: str) -> None:
    # Caches key on Vary; the app's gzip middleware adds its own to plain bodies.
    def varies_on(response: Response) -> list[str]:
        return [
            name.strip().lower() for value in response.headers.get_list("vary") for name in value.split(",")
        ]

    response = client.get(path, headers={"Accept-Encoding": encoding})
    assert varies_on(response).count("accept-encoding") == 1
    again = client.get(path, headers={"Accept-Encoding": encoding, "If-None-Match": response.headers["etag"]})
    assert again.status_code == 304 and varies_on(again).count("accept-encoding") == 1


def test_widget_stays_a_few_kilobytes() -> None:
    for name in ("widget.js", "widget.css"):
        assert len(gzip.compress((STATIC / name).read_bytes())) < MAX_GZIPPED_BYTES, name


def test_widget_never_writes_html_from_strings() -> None:
    # Article and query text reach the page only through textContent and attributes.
    script = (STATIC / "widget.js").read_text(encoding="utf-8")
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "Function("):
        assert sink not in script, sink


def test_demo_page_embeds_the_widget_under_a_strict_policy(client: TestClient) -> None:
    response = client.get("/")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    assert re.search(r'<script src="widget\.js"[^>]*></script>', response.text)
    assert '<div id="kb-answer"></div>' in response.text
    policy = response.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    assert client.get("/favicon.ico").status_code == 204


def test_static_routes_stay_out_of_the_api_description(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    assert not {"/", "/widget.js", "/widget.css", "/favicon.ico"} & set(paths)


def test_portal_origin_may_send_feedback_and_others_may_not(client: TestClient) -> None:
    preflight = {"Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "content-type"}
    allowed = client.options("/v1/feedback", headers={"Origin": PORTAL, **preflight})
    assert allowed.status_code == 200
    assert allowed.headers["access-control-allow-origin"] == PORTAL
    refused = client.options("/v1/feedback", headers={"Origin": "https://evil.example", **preflight})
    assert "access-control-allow-origin" not in refused.headers
