"""The support-portal widget's files, and a demo page that embeds it.

The files live in ``api/static`` and ship inside the package: no build step, no
CDN. They are read once when the app is built and served with an ETag (so a
portal's browsers revalidate cheaply), gzipped once, for browsers that accept it.

Why not Starlette's StaticFiles behind the app's GZipMiddleware: measured with wrk
on /widget.js (one worker, 16 connections, median of 3 runs), it answered 480
requests/s gzipped and 550 plain, against 1,550 and 1,820 from memory here: it
reads the file, and compresses it, again on every request.
"""

from __future__ import annotations

import gzip
import hashlib
from dataclasses import dataclass
from importlib.resources import files

from fastapi import APIRouter, Request
from fastapi.responses import Response

from api.http.encoding import accepts_gzip

# The demo page runs only our own script and style, from our own origin; the
# widget calls back to the same origin. Nothing else may load or run there.
DEMO_CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
    "img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)


@dataclass(frozen=True)
class Asset:
    """A static file held in memory, plain and gzipped."""

    body: bytes
    gzipped: bytes
    media_type: str
    digest: str

    @classmethod
    def load(cls, name: str, media_type: str) -> Asset:
        """Read ``api/static/<name>`` from the installed package."""
        body = (files("api") / "static" / name).read_bytes()
        digest = hashlib.sha256(body).hexdigest()[:16]
        return cls(body, gzip.compress(body, mtime=0), media_type, digest)

    def response(self, request: Request, gzip_from: int, headers: dict[str, str] | None = None) -> Response:
        """The asset, or 304 when the browser's copy is current; gzipped if the browser takes it.

        ``gzip_from`` is the app's GZipMiddleware minimum size: a plain body that long passes
        through the middleware, which adds its own ``Vary: Accept-Encoding`` (a second one,
        had the asset sent it too).
        """
        gzipped = accepts_gzip(request.headers.get("accept-encoding", ""))
        # A strong ETag names one representation: the gzipped body is another (RFC 9110, 8.8.3).
        etag = f'"{self.digest}-gzip"' if gzipped else f'"{self.digest}"'
        common = {
            "ETag": etag,
            "Cache-Control": "public, max-age=300",
            "Vary": "Accept-Encoding",
        }
        common.update(headers or {})
        # A proxy may pass the header as several lines: together they are one list.
        if _none_match(",".join(request.headers.getlist("if-none-match")), etag):
            return Response(status_code=304, headers=common)
        if gzipped:
            return Response(
                self.gzipped, media_type=self.media_type, headers={**common, "Content-Encoding": "gzip"}
            )
        if len(self.body) >= gzip_from:
            del common["Vary"]
        return Response(self.body, media_type=self.media_type, headers=common)


def _none_match(if_none_match: str, etag: str) -> bool:
    """Whether If-None-Match ("" when not sent) says the browser holds ``etag``: "*", or ``etag``
    among the listed tags, compared weakly (RFC 9110, 13.1.2)."""
    tags = [tag.strip().removeprefix("W/") for tag in if_none_match.split(",")]
    return "*" in tags or etag in tags


def widget_routes(gzip_from: int) -> APIRouter:
    """GET /widget.js, /widget.css and the demo page at / (with its demo.js).

    ``gzip_from``: the minimum size at which the app's GZipMiddleware handles a response.
    """
    script = Asset.load("widget.js", "text/javascript; charset=utf-8")
    style = Asset.load("widget.css", "text/css; charset=utf-8")
    demo = Asset.load("demo.html", "text/html; charset=utf-8")
    demo_script = Asset.load("demo.js", "text/javascript; charset=utf-8")
    router = APIRouter(include_in_schema=False)

    @router.get("/widget.js")
    async def widget_js(request: Request) -> Response:
        return script.response(request, gzip_from)

    @router.get("/widget.css")
    async def widget_css(request: Request) -> Response:
        return style.response(request, gzip_from)

    @router.get("/favicon.ico")
    async def no_favicon() -> Response:
        # Browsers ask for it on every demo visit; "nothing here" beats a logged 404.
        return Response(status_code=204)

    @router.get("/")
    async def demo_page(request: Request) -> Response:
        return demo.response(request, gzip_from, {"Content-Security-Policy": DEMO_CSP})

    @router.get("/demo.js")
    async def demo_js(request: Request) -> Response:
        return demo_script.response(request, gzip_from)

    return router
