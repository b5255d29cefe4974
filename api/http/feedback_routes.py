"""Readers' feedback over HTTP: the widget's "Was this helpful?" and the authors' report.

The routes are thin: :mod:`api.feedback` keeps the store; this module checks the
input and the client's rate limit (429), turns storage failures into a 503 in the
shared error shape, and records unanswered queries after the answer has been sent.
"""

# No `from __future__ import annotations`: FastAPI evaluates the route annotations.

import logging
import math
import time
import weakref
from collections.abc import Awaitable, Callable
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from pydantic import BaseModel, Field, field_validator
from starlette.concurrency import run_in_threadpool

from api import examples
from api.feedback import MAX_READ_CHARS, STORED_QUERY_CHARS, FeedbackStore, FeedbackUnavailable
from api.http.errors import ApiError, require_json
from api.http.metrics import Metrics
from api.http.openapi import responses
from api.http.ratelimit import RateLimiter
from api.knowledge import KnowledgeBase
from api.limits import DEFAULT_REPORT_ROWS, MAX_REPORT_ROWS
from api.models import FeedbackOut, FeedbackReport, Verdict
from api.query import without_lone_surrogates

log = logging.getLogger("kb.http")
# A store that is down fails every unanswered query's count: said once a minute, with how many
# were not said since (a 14 s outage at 450 requests/s wrote 1,650 lines per replica).
UNRECORDED_LOG_SECONDS = 60.0


class _OncePerInterval:
    """A warning that repeats with every request, logged at most once per ``seconds``."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.last = -math.inf
        self.held = 0

    def warning(self, message: str) -> None:
        """Log ``message`` unless one was logged less than ``seconds`` ago (then count it)."""
        now = time.monotonic()
        if now - self.last < self.seconds:
            self.held += 1
            return
        held, self.held, self.last = self.held, 0, now
        log.warning("%s%s", message, f" ({held} more since the last such line)" if held else "")


# One per store: each app (each test) has its own.
_unrecorded: weakref.WeakKeyDictionary[FeedbackStore, _OncePerInterval] = weakref.WeakKeyDictionary()


class FeedbackRequest(BaseModel):
    """A reader's verdict on the answer they were shown."""

    # The schema states what the validator checks (not blank), so the two never disagree.
    query: str = Field(
        min_length=1,
        max_length=MAX_READ_CHARS,
        description=(
            f"The query the answer was for; its first {STORED_QUERY_CHARS} characters are kept, "
            "with addresses, GUIDs and such replaced by <value>"
        ),
        json_schema_extra={"pattern": r"\S"},
    )
    problem_id: str = Field(min_length=1, max_length=300, description="The problem shown, ARTICLE#N")
    verdict: Verdict = Field(description="yes: it helped; no: it did not")

    # A field nobody reads is refused, as /v1/match refuses one: a "comment" sent along was
    # dropped without a word, and the client believed it stored.
    model_config = {"json_schema_extra": {"examples": [examples.FEEDBACK_REQUEST]}, "extra": "forbid"}

    @field_validator("query", mode="before")
    @classmethod
    def _whole_characters(cls, value: object) -> object:
        # A query cut in the middle of an emoji (a client cutting at 4,000 UTF-16 units, as the
        # widget did) holds half of its pair: a 422 here, where /v1/match reads it as U+FFFD.
        return without_lone_surrogates(value) if isinstance(value, str) else value

    @field_validator("problem_id")
    @classmethod
    def _without_spaces_around(cls, value: str) -> str:
        # Ids have none, and a copied one often brings them: looked up and stored without, as
        # every front end's lookups take them.
        return value.strip()

    @field_validator("query")
    @classmethod
    def _not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("query must not be empty")
        return value


def client_of(request: Request) -> str:
    """Who is asking, for rate limits: the client's address (from the trusted proxy's header, if any)."""
    return request.client.host if request.client else "unknown"


async def record_unanswered(
    store: FeedbackStore,
    limiter: RateLimiter,
    client: str,
    query: str,
    unanswered: Callable[[], Awaitable[bool]] | None = None,
) -> None:
    """Count a query nothing answered, within the client's budget, unless ``unanswered`` says it is
    answered after all (asked first: a question the budget does not count spends none of it); a
    failure is logged, never shown."""
    if unanswered is not None and not await unanswered():
        return
    if await limiter.hit_async("unanswered", client) is not None:
        return
    # The store reads only a bounded beginning (a whole 64 KB paste cost ~100 ms to normalise), and
    # cuts it where no word or quoted value is split: handed one character more, it sees the cut.
    try:
        await run_in_threadpool(store.add_unanswered, query[: MAX_READ_CHARS + 1])
    except FeedbackUnavailable as exc:
        throttle = _unrecorded.setdefault(store, _OncePerInterval(UNRECORDED_LOG_SECONDS))
        throttle.warning(f"could not record an unanswered query: {exc}")


def _storage_error(exc: Exception, *, done: str = "stored") -> ApiError:
    """The 503 of a feedback store that cannot be reached: feedback cannot be ``done`` (stored, read)."""
    log.error("%s", exc)
    return ApiError(
        503,
        f"feedback cannot be {done} right now; the answers are unaffected",
        code="feedback_unavailable",
        headers={"Retry-After": "5"},
    )


def feedback_route(
    store: FeedbackStore, index: Callable[[], KnowledgeBase], metrics: Metrics, limiter: RateLimiter
) -> APIRouter:
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
            429,
            503,
            success=201,
            notes={
                404: "No such problem in the index",
                422: "Invalid input, e.g. a verdict other than yes or no",
                429: "This client sent too much feedback lately (KB_FEEDBACK_RATE_LIMIT); see Retry-After",
                503: "No index is loaded, or the feedback store cannot be written",
            },
        ),
        dependencies=[Depends(require_json)],
    )
    async def give_feedback(body: FeedbackRequest, request: Request) -> FeedbackOut:
        """Record whether an answer helped ("Was this helpful?").

        The problem must exist in the index being served. Feedback lives in its own
        store (KB_FEEDBACK_DB or KB_FEEDBACK_URL), so reindexing never loses it.
        Each client may send KB_FEEDBACK_RATE_LIMIT verdicts (default 20 a minute, 200 an hour).
        """
        index().problem(body.problem_id)
        retry_after = await limiter.hit_async("feedback", client_of(request))
        if retry_after is not None:
            raise ApiError(
                429,
                f"too much feedback from this client; try again in {retry_after:.0f} s",
                code="rate_limited",
                detail={"retry_after_seconds": retry_after},
                headers={"Retry-After": f"{retry_after:.0f}"},
            )
        try:
            stored = await run_in_threadpool(store.add_feedback, body.query, body.problem_id, body.verdict)
        except FeedbackUnavailable as exc:
            raise _storage_error(exc) from exc
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
            notes={503: "The feedback store cannot be read"},
        ),
    )
    async def feedback_report(
        limit: Annotated[
            int, Query(ge=1, le=MAX_REPORT_ROWS, description="Most rows in each list")
        ] = DEFAULT_REPORT_ROWS,
    ) -> FeedbackReport:
        """What readers said: the most-asked queries with no confident match first (what to write next), then verdicts per problem and the latest verdicts."""
        try:
            return await run_in_threadpool(store.report, limit)
        except FeedbackUnavailable as exc:
            raise _storage_error(exc, done="read") from exc

    return router
