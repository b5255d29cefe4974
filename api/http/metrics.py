"""Prometheus metrics for one app: requests and latency by route, match outcomes, feedback, index age.

Each app gets its own :class:`CollectorRegistry`, so tests can build many apps in
one process. With ``--workers N`` every worker process counts its own requests;
scrape each replica (or worker) separately, or aggregate in Prometheus.
"""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from prometheus_client import CollectorRegistry, Counter, Histogram
from prometheus_client.core import GaugeMetricFamily, Metric
from prometheus_client.registry import Collector
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.models import MatchResult

LATENCY_BUCKETS = (0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)
# Any other method (hostile or exotic) is counted as OTHER so labels stay bounded.
_METHODS = frozenset({"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"})


class _IndexAge(Collector):
    """Seconds since the served index file was last replaced; absent while there is none."""

    def __init__(self, db_path: Path) -> None:
        self.db_path = db_path

    def collect(self) -> Iterator[Metric]:
        gauge = GaugeMetricFamily(
            "kb_index_age_seconds", "Seconds since the index file being served was built or replaced"
        )
        with contextlib.suppress(OSError):
            gauge.add_metric([], max(0.0, time.time() - os.stat(self.db_path).st_mtime))
        yield gauge


class Metrics:
    """The app's metrics and the registry that exposes them."""

    def __init__(self, db_path: Path) -> None:
        self.registry = CollectorRegistry(auto_describe=True)
        self.requests = Counter(
            "kb_http_requests",
            "HTTP requests answered, by method, route template and status",
            ["method", "route", "status"],
            registry=self.registry,
        )
        self.latency = Histogram(
            "kb_http_request_duration_seconds",
            "Time to answer an HTTP request, by method and route template",
            ["method", "route"],
            buckets=LATENCY_BUCKETS,
            registry=self.registry,
        )
        self.match_outcomes = Counter(
            "kb_match_outcomes",
            "Answered match queries by the confidence of the best match (none: no candidate at all)",
            ["confidence"],
            registry=self.registry,
        )
        self.reindexes = Counter(
            "kb_reindex",
            "Reindex runs through the admin route, by outcome",
            ["outcome"],
            registry=self.registry,
        )
        self.feedback = Counter(
            "kb_feedback",
            "Readers' answers to 'Was this helpful?', by verdict",
            ["verdict"],
            registry=self.registry,
        )
        self.registry.register(_IndexAge(db_path))

    def observe_request(self, method: str, route: str, status: int, seconds: float) -> None:
        """Count one answered request and its latency."""
        method = method if method in _METHODS else "OTHER"
        self.requests.labels(method, route, str(status)).inc()
        self.latency.labels(method, route).observe(seconds)

    def observe_match(self, result: MatchResult) -> None:
        """Count one match answer by the confidence of its best match."""
        self.match_outcomes.labels(result.matches[0].confidence if result.matches else "none").inc()


class MetricsMiddleware:
    """Time every HTTP request and label it with the route template it matched.

    The template (``/v1/articles/{article_id}``), not the raw path, keeps label
    cardinality bounded; paths that match no route are counted as ``unmatched``.
    """

    def __init__(self, app: ASGIApp, metrics: Metrics) -> None:
        self.app = app
        self.metrics = metrics

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Pass the request on and record its status and duration."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        # If the app raises, the outer error middleware answers 500 after we are unwound.
        status = 500

        async def send_status(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, send_status)
        finally:
            route: Any = scope.get("route")
            template = getattr(route, "path", None) or "unmatched"
            self.metrics.observe_request(scope["method"], template, status, time.perf_counter() - started)
