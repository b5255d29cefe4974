"""HEAD on every GET route, as load balancers, caches and `curl -I` expect.

FastAPI's routes answer only the methods they are declared with, and declaring
HEAD beside GET on each one would put a second operation per path in the OpenAPI
document. This middleware routes a HEAD request as the GET it stands for and
sends that answer's status and headers without its body (RFC 9110 §9.3.2).
"""

from __future__ import annotations

from starlette.types import ASGIApp, Message, Receive, Scope, Send


class HeadMiddleware:
    """Answer HEAD with the status and headers GET would give, and no body."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Pass GET and the rest through; turn HEAD into a GET whose body is dropped."""
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return

        async def headers_only(message: Message) -> None:
            if message["type"] == "http.response.body":
                if message.get("more_body", False):
                    return
                message = {"type": "http.response.body", "body": b"", "more_body": False}
            await send(message)

        # A copy: the server reads the method from the original to know it sends no body.
        routed = {**scope, "method": "GET"}
        try:
            await self.app(routed, receive, headers_only)
        finally:
            # What the GET was routed to, for the metrics around us.
            scope.update({key: routed[key] for key in ("route", "endpoint") if key in routed})
