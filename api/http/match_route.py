"""The route class of ``POST /v1/match``, which answers the requests clients send without FastAPI's
general request handling (see :class:`MatchRoute`)."""

# No `from __future__ import annotations`, as in api.http.app: FastAPI reads these at run time.

import json
from collections.abc import Callable, Coroutine
from typing import Any

from fastapi import Request
from fastapi.responses import Response
from fastapi.routing import APIRoute

from api.http.errors import only_known_query_parameters, require_json
from api.requests import MatchRequest


class MatchRoute(APIRoute):
    """The route of ``POST /v1/match``: a request as clients send it, a JSON body that is a valid
    :class:`MatchRequest` and no query string, goes to the endpoint without FastAPI's general
    request handling; any other, FastAPI handles as it does every route.

    FastAPI's handling (the content type read with the email package, the route's dependency
    and query parameter solved, the body validated through its field) cost ~100 µs a request,
    what the few checks here cost ~20 µs. The checks are those FastAPI and ``require_json``
    make, so that the requests taken here are the ones they would answer alike; whatever fails
    or does not fit is handed to FastAPI to fail or answer as before (the body is kept by the
    request, so it is read once). The endpoint is called as FastAPI calls it: ``body``,
    ``request``, and its query parameters at their defaults. Where a deployment sets up
    OpenTelemetry, a request taken here has FastAPI's span of the request but not its spans
    of the dependencies and the endpoint.
    """

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        """The handler: the endpoint called directly where it can be, else FastAPI's.

        Raises RuntimeError when the route has a dependency or a parameter the direct way does not
        reproduce (an API key check added to it, say): it would be skipped without a word.
        """
        general = super().get_route_handler()
        endpoint = self.endpoint
        dependant = self.dependant
        has = (
            [d.call for d in dependant.dependencies],
            [p.name for p in dependant.query_params],
            [p.name for p in dependant.body_params],
            [p.name for p in (*dependant.path_params, *dependant.header_params, *dependant.cookie_params)],
        )
        # Without a query string (the only requests taken here) no query parameter is unknown.
        if has != ([require_json, only_known_query_parameters], ["fmt"], ["body"], []):
            raise RuntimeError(
                f"MatchRoute calls {self.path}'s endpoint with its body and request alone, after the "
                f"checks of require_json; the route now also has {has}: teach MatchRoute those first"
            )

        async def handler(request: Request) -> Response:
            content_type = request.headers.get("content-type", "")
            # Only plain, uncompressed application/json: whatever else require_json checks goes
            # the general way.
            if (
                request.scope["query_string"]
                or content_type.split(";", 1)[0].strip().lower() != "application/json"
                or "content-encoding" in request.headers
            ):
                return await general(request)
            try:
                # The parser FastAPI reads a body with, and the validation its body field runs.
                body = MatchRequest.model_validate(json.loads(await request.body()))
            except Exception:
                # Whatever it was, FastAPI's handling answers it as it always did.
                return await general(request)
            response: Response = await endpoint(body=body, request=request)
            return response

        return handler
