"""The operations routes: liveness (``/healthz``), readiness (``/readyz``) and Prometheus metrics
(``/metrics``).

``/readyz`` asks the feedback store and the rate-limit store on threads of its own, each within a
time limit: a store that hangs is reported degraded instead of holding up the check.
"""

# No `from __future__ import annotations`: FastAPI must evaluate the annotations of
# routes defined inside factories, which refer to local dependencies.

import asyncio
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Literal, TypeVar

from fastapi import APIRouter
from fastapi.responses import Response
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest
from pydantic import BaseModel, Field

from api import examples
from api.feedback import FeedbackStore, FeedbackUnavailable
from api.http.index_holder import IndexHolder
from api.http.metrics import Metrics
from api.http.openapi import responses
from api.http.ratelimit import RateLimiter, RateLimitState
from api.version import installed_version

# /readyz waits no longer than this for the feedback store: a health check must not time out on it.
READY_FEEDBACK_TIMEOUT = 0.5
# /readyz waits no longer than this for each of its checks of a shared store, however busy the
# threads are: past it, the store is reported degraded.
READY_CHECK_SECONDS = 1.0


class HealthOut(BaseModel):
    """The process is up."""

    status: Literal["ok"] = "ok"

    model_config = {"json_schema_extra": {"examples": [examples.HEALTH]}}


class ReadyOut(BaseModel):
    """The index is open and answers queries."""

    status: Literal["ready"] = "ready"
    version: str = Field(description="Version of kb-answer serving (`kb --version`)")
    schema_version: str | None = Field(description="Last schema migration applied to the index")
    articles: int
    problems: int
    steps: int
    built_at: float = Field(description="When the index file was written (Unix time)")
    index_age_seconds: float
    feedback: Literal["ok", "degraded"] = Field(
        description="degraded: feedback cannot be stored right now (answers are unaffected; it recovers by itself)"
    )
    rate_limits: RateLimitState = Field(
        description="Where rate limits are counted: per-process, shared (Redis), or degraded (Redis down, per process)"
    )

    model_config = {"json_schema_extra": {"examples": [examples.READY]}}


T = TypeVar("T")


# The threads of /readyz's checks, apart from the pool that requests' threaded work shares: with
# a feedback file locked elsewhere, the unanswered queries recorded after their answers held every
# thread of that pool, and /readyz waited 9 s for one (a proxy's 2 s check took the replica out).
# Four threads: a check that hangs past its time holds one, and the next probes still find others.
_READY_CHECKS = ThreadPoolExecutor(max_workers=4, thread_name_prefix="kb-readyz")


async def _ready_check(check: Callable[[], T], late: T) -> T:
    """``check()`` on a thread of /readyz's own, or ``late`` when it takes longer than READY_CHECK_SECONDS."""
    try:
        return await asyncio.wait_for(
            asyncio.get_running_loop().run_in_executor(_READY_CHECKS, check), READY_CHECK_SECONDS
        )
    except TimeoutError:
        return late


def ops_routes(
    holder: IndexHolder, metrics: Metrics, feedback: FeedbackStore, limiter: RateLimiter
) -> APIRouter:
    """The health, readiness and metrics routes."""
    router = APIRouter()

    @router.get(
        "/healthz", response_model=HealthOut, responses=responses(examples.HEALTH, None), tags=["ops"]
    )
    async def healthz() -> HealthOut:
        """Liveness: the process is up (says nothing about the index)."""
        return HealthOut()

    @router.get(
        "/readyz", response_model=ReadyOut, responses=responses(examples.READY, None, 503), tags=["ops"]
    )
    async def readyz() -> ReadyOut:
        """Readiness: the index is open and answers queries; 503 until it is.

        A feedback store or rate-limit store that is down is reported, but is no
        reason to take the replica out of rotation: it still answers.
        """
        stats = holder.get().stats()

        def feedback_answers() -> Literal["ok", "degraded"]:
            try:
                feedback.ping(READY_FEEDBACK_TIMEOUT)
            except FeedbackUnavailable:
                return "degraded"
            return "ok"

        # Side by side: one after the other, a hung store and a slow one took the check to 2 s.
        feedback_late: Literal["ok", "degraded"] = "degraded"
        limits_late: RateLimitState = "degraded"
        feedback_state, rate_limits = await asyncio.gather(
            _ready_check(feedback_answers, feedback_late), _ready_check(limiter.check, limits_late)
        )
        return ReadyOut(
            version=installed_version(),
            schema_version=stats["schema_version"] or None,
            articles=stats["articles"],
            problems=stats["problems"],
            steps=stats["steps"],
            built_at=stats["built_at"],
            index_age_seconds=round(max(0.0, time.time() - stats["built_at"]), 3),
            feedback=feedback_state,
            rate_limits=rate_limits,
        )

    @router.get(
        "/metrics",
        response_class=Response,
        responses={
            200: {"content": {"text/plain": {"schema": {"type": "string"}, "example": examples.METRICS_TEXT}}}
        },
        tags=["ops"],
    )
    async def prometheus_metrics() -> Response:
        """Prometheus metrics: requests and latency by route, match outcomes, index age."""
        return Response(generate_latest(metrics.registry), media_type=CONTENT_TYPE_LATEST)

    return router
