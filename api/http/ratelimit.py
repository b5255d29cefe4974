"""How much one client may write: feedback posts and recorded unanswered queries, per time window.

The counting is the ``limits`` library's (moving window). Its counters live in
this process by default (``KB_RATE_LIMIT_STORAGE=memory://``: each worker and
each replica counts on its own) or in Redis (``redis://host:port``), shared by
every worker of every replica. If the shared store stops answering, each
process counts on its own until it answers again: a limit is never an outage.

The client is the connection's address; behind a reverse proxy uvicorn takes it
from X-Forwarded-For when the proxy's address is trusted (FORWARDED_ALLOW_IPS).
"""

from __future__ import annotations

import logging
import math
import time
from typing import Literal

from limits import RateLimitItem, parse_many
from limits.errors import StorageError
from limits.storage import Storage, storage_from_string
from limits.strategies import MovingWindowRateLimiter
from starlette.concurrency import run_in_threadpool

from api.settings import MEMORY_RATE_LIMIT_STORAGE, NO_RATE_LIMIT

log = logging.getLogger("kb.http")

# A shared store that does not answer within this long is treated as down for this request.
STORAGE_TIMEOUT = 0.5
# Refusals remembered per process (see RateLimiter.hit); past this many, the ended ones are dropped.
REMEMBERED_REFUSALS = 10_000

RateLimitState = Literal["per-process", "shared", "degraded"]


def parse_limits(spec: str) -> list[RateLimitItem]:
    """``"20/minute;200/hour"`` → the limits; ``""`` or ``"off"`` → none. Raises ``ValueError`` on bad text."""
    if spec.strip().lower() in NO_RATE_LIMIT:
        return []
    return parse_many(spec)


def _storage(uri: str) -> Storage:
    options: dict[str, float | str | bool] = {"wrap_exceptions": True}
    if uri.startswith(("redis://", "rediss://")):
        # Short timeouts: a dead Redis costs a request half a second at most before the
        # local fallback counts it.
        options |= {"socket_timeout": STORAGE_TIMEOUT, "socket_connect_timeout": STORAGE_TIMEOUT}
    storage = storage_from_string(uri, **options)
    assert isinstance(storage, Storage)
    return storage


class RateLimiter:
    """Per-client budgets for the routes that write; one per app.

    Its calls may wait on Redis: from the event loop, count with :meth:`hit_async`.
    """

    def __init__(self, spec: str, storage_uri: str = MEMORY_RATE_LIMIT_STORAGE) -> None:
        self.items = parse_limits(spec)
        self.shared = not storage_uri.startswith(MEMORY_RATE_LIMIT_STORAGE)
        self._limiter = MovingWindowRateLimiter(_storage(storage_uri))
        self._local = (
            MovingWindowRateLimiter(_storage(MEMORY_RATE_LIMIT_STORAGE)) if self.shared else self._limiter
        )
        self._degraded = False
        # (action, client) -> when the refusal of a client over its first limit ends (counters in
        # this process only).
        self._refused: dict[tuple[str, str], float] = {}

    @property
    def state(self) -> RateLimitState:
        """per-process (memory), shared (Redis answering) or degraded (Redis down: counting locally)."""
        if not self.shared:
            return "per-process"
        return "degraded" if self._degraded else "shared"

    def hit(self, action: str, client: str) -> float | None:
        """Count one ``action`` by ``client``; None if allowed, else seconds until it would be.

        A client over its first limit is refused by this process, until that limit's window
        frees a place, without asking the in-memory counters again: refused, a moving window
        counts nothing, so they would refuse alike, and the store starts its expiry thread
        anew on a call 10 ms after the last, which cost a refused unanswered query ~0.5 ms of
        CPU (median of 200 spaced 15 ms apart; 0.05 ms remembered). A refusal by a later limit
        is asked each time: the limits before it count the request.
        """
        key = (action, client)
        until = self._refused.get(key)
        if until is not None:
            now = time.time()
            if now < until:
                return max(1.0, math.ceil(until - now))
            del self._refused[key]
        for position, item in enumerate(self.items):
            limiter = self._limiter
            try:
                allowed = limiter.hit(item, action, client)
                self._recovered()
            except StorageError as exc:
                self._failed(exc)
                limiter = self._local
                allowed = limiter.hit(item, action, client)
            if not allowed:
                try:
                    reset_at, _ = limiter.get_window_stats(item, action, client)
                except StorageError:
                    reset_at = time.time() + item.get_expiry()
                if position == 0 and not self.shared:
                    self._remember(key, reset_at)
                return max(1.0, math.ceil(reset_at - time.time()))
        return None

    async def hit_async(self, action: str, client: str) -> float | None:
        """:meth:`hit` from the event loop: in a worker thread when the counters are in Redis
        (a network wait), in place when they are in this process (a short in-memory update, far
        cheaper than the thread hop, which cost a server answering unanswerable queries from
        one client about a tenth of its requests/s)."""
        if self.shared:
            return await run_in_threadpool(self.hit, action, client)
        return self.hit(action, client)

    def _remember(self, key: tuple[str, str], until: float) -> None:
        if len(self._refused) >= REMEMBERED_REFUSALS:
            now = time.time()
            self._refused = {k: t for k, t in self._refused.items() if t > now}
        if len(self._refused) < REMEMBERED_REFUSALS:
            self._refused[key] = until

    def check(self) -> RateLimitState:
        """Ask the shared store whether it answers; the state afterwards."""
        if self.shared:
            try:
                healthy = self._limiter.storage.check()
            except StorageError as exc:
                self._failed(exc)
            else:
                if healthy:
                    self._recovered()
                else:
                    self._failed(RuntimeError("the rate-limit store does not answer"))
        return self.state

    def _failed(self, exc: Exception) -> None:
        if not self._degraded:
            log.warning("rate-limit store unavailable, counting per process until it is back: %s", exc)
        self._degraded = True

    def _recovered(self) -> None:
        if self._degraded:
            log.warning("rate-limit store answers again")
        self._degraded = False
