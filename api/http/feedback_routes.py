"""Readers' feedback over HTTP: the widget's "Was this helpful?" and the authors' report.

The routes are thin: :mod:`api.feedback` keeps the file; this module checks the
input, turns storage failures into a 503 in the shared error shape, and records
unanswered queries after the answer has been sent.
"""

# No `from __future__ import annotations`: FastAPI evaluates the route annotations.

import logging
import sqlite3
from collections.abc import Callable
from typing import Annotated

from fastapi import APIRouter, Depends, Query
from pydantic import BaseModel, Field, field_validator
from starlette.concurrency import run_in_threadpool

from api.feedback import MAX_QUERY_CHARS, FeedbackStore
from api.http import examples
from api.http.errors import ApiError, require_json
from api.http.metrics import Metrics
from api.http.openapi import responses
from api.knowledge import KnowledgeBase
from api.models import FeedbackOut, FeedbackReport, Verdict

log = logging.getLogger("kb.http")


class FeedbackRequest(BaseModel):
    """A reader's verdict on the answer they were shown."""

    query: str = Field(
        min_length=1,
        max_length=4000,
        description=(
            f"The query the answer was for; its first {MAX_QUERY_CHARS} characters are kept, "
            "with addresses, GUIDs and such replaced by <value>"
        ),
    )
    problem_id: str = Field(min_length=1, max_length=300, description="The problem shown, ARTICLE#N")
    verdict: Verdict = Field(description="yes: it helped; no: it did not")

    model_config = {"json_schema_extra": {"examples": [examples.FEEDBACK_REQUEST]}}

    @field_validator("query")
    @classmethod
    def _not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("query must not be empty")
        return value


def record_unanswered(store: FeedbackStore, query: str) -> None:
    """Count a query nothing answered; a failure is logged, never shown to the reader."""
    try:
        store.add_unanswered(query)
    except (sqlite3.Error, OSError) as exc:
        log.warning("could not record an unanswered query in %s: %s", store.path, exc)


def _storage_error(store: FeedbackStore, exc: Exception) -> ApiError:
    log.error("feedback store %s failed: %s", store.path, exc)
    return ApiError(
        503,
        "feedback cannot be stored right now; the answers are unaffected",
        code="feedback_unavailable",
        headers={"Retry-After": "5"},
    )


def feedback_route(store: FeedbackStore, index: Callable[[], KnowledgeBase], metrics: Metrics) -> APIRouter:
    """POST /v1/feedback, open to every reader."""
    router = APIRouter(tags=["feedback"])

    @router.post(
        "/v1/feedback",
        status_code=201,
        response_model=FeedbackOut,
        responses=responses(
            examples.FEEDBACK,
            None,
            404,
            413,
            415,
            422,
            503,
            success=201,
            notes={
                404: "No such problem in the index",
                422: "Invalid input, e.g. a verdict other than yes or no",
                503: "No index is loaded, or the feedback file cannot be written",
            },
        ),
        dependencies=[Depends(require_json)],
    )
    async def give_feedback(body: FeedbackRequest) -> FeedbackOut:
        """Record whether an answer helped ("Was this helpful?").

        The problem must exist in the index being served. Feedback lives in its own
        file (KB_FEEDBACK_DB), so reindexing never loses it.
        """
        index().problem(body.problem_id)
        try:
            stored = await run_in_threadpool(store.add_feedback, body.query, body.problem_id, body.verdict)
        except (sqlite3.Error, OSError) as exc:
            raise _storage_error(store, exc) from exc
        metrics.feedback.labels(body.verdict).inc()
        return stored

    return router


def feedback_report_route(store: FeedbackStore) -> APIRouter:
    """GET /v1/admin/feedback; the caller mounts it behind the admin key."""
    router = APIRouter()

    @router.get(
        "/v1/admin/feedback",
        response_model=FeedbackReport,
        responses=responses(
            examples.FEEDBACK_REPORT,
            None,
            401,
            403,
            422,
            503,
            notes={503: "The feedback file cannot be read"},
        ),
    )
    async def feedback_report(
        limit: Annotated[int, Query(ge=1, le=1000, description="Most rows in each list")] = 50,
    ) -> FeedbackReport:
        """What readers said: the most-asked queries with no confident match first (what to write next), then verdicts per problem and the latest verdicts."""
        try:
            return await run_in_threadpool(store.report, limit)
        except (sqlite3.Error, OSError) as exc:
            raise _storage_error(store, exc) from exc

    return router
