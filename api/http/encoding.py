"""Whether a client takes a gzipped body, by its Accept-Encoding header's quality values.

Starlette's GZipMiddleware looks for the word "gzip" in the header, so a client that
says ``gzip;q=0`` ("never gzip") got gzip. RFC 9110 §12.5.3: a coding with q=0 is not
acceptable; ``*`` stands for any coding not named.
"""

from __future__ import annotations

from starlette.datastructures import Headers
from starlette.middleware.gzip import GZipMiddleware, GZipResponder, IdentityResponder
from starlette.types import ASGIApp, Receive, Scope, Send


def accepts_gzip(header: str) -> bool:
    """Whether an Accept-Encoding ``header`` accepts gzip (named, or by ``*``) with a quality above 0."""
    qualities: dict[str, float] = {}
    for part in header.lower().split(","):
        coding, _, params = part.partition(";")
        quality = 1.0
        for param in params.split(";"):
            name, _, value = param.strip().partition("=")
            if name == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0  # a malformed weight: the coding is not taken on a guess
        qualities.setdefault(coding.strip(), quality)
    for coding in ("gzip", "x-gzip", "*"):
        if coding in qualities:
            return qualities[coding] > 0
    return False


class GzipWhereAccepted(GZipMiddleware):
    """GZipMiddleware deciding by :func:`accepts_gzip`: a client that refuses gzip with q=0 gets a
    plain body; one that takes it as ``GZIP`` or ``*`` gets it gzipped. Either way the answer
    varies on Accept-Encoding, as the parent's responders say."""

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        responder: ASGIApp
        if accepts_gzip(Headers(scope=scope).get("accept-encoding", "")):
            responder = GZipResponder(
                self.app,
                self.minimum_size,
                compresslevel=self.compresslevel,
                thread_minimum_size=self.thread_minimum_size,
                exclude_content_types=self.exclude_content_types,
            )
        else:
            responder = IdentityResponder(
                self.app, self.minimum_size, exclude_content_types=self.exclude_content_types
            )
        await responder(scope, receive, send)
