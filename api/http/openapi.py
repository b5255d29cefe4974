"""How routes describe themselves in the OpenAPI document: examples, error statuses, summaries."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from fastapi.routing import APIRoute

from api.http.errors import ErrorBody


def responses(
    json_example: Any,
    markdown_example: str | None,
    *errors: int,
    success: int = 200,
    notes: dict[int, str] | None = None,
) -> dict[int | str, Any]:
    """OpenAPI responses: the success examples (JSON and, where offered, Markdown) and the error statuses.

    ``notes`` replaces the generic description of an error status where a route means more by it.
    """
    content: dict[str, Any] = {"application/json": {"example": json_example}}
    if markdown_example is not None:
        content["text/markdown"] = {"schema": {"type": "string"}, "example": markdown_example}
    out: dict[int | str, Any] = {success: {"content": content}}
    for status in errors:
        description = (notes or {}).get(status, ERROR_DESCRIPTIONS[status])
        out[status] = {"model": ErrorBody, "description": description}
    return out


ERROR_DESCRIPTIONS = {
    401: "No admin key given",
    403: "Wrong admin key",
    404: "No such article, problem or route",
    413: "Request body over the size limit (KB_MAX_BODY)",
    415: "Request body is not JSON",
    422: "Invalid input, e.g. empty text",
    409: "An article folder has no articles where the index has some (unmounted?); the index is left as it is",
    429: "Too many requests from this client; see Retry-After",
    500: "Reindex failed (the new index could not be written: a full disk, or the index file locked by another program); the old index keeps being served",
    503: "No index is loaded yet",
}


def summaries_from_docstrings(router: APIRouter) -> APIRouter:
    """Use each route docstring's first line as its OpenAPI summary, the rest as description."""
    for route in router.routes:
        if isinstance(route, APIRoute) and route.description and not route.summary:
            first, _, rest = route.description.partition("\n")
            route.summary = first.strip().rstrip(".")
            route.description = rest.strip()
    return router
