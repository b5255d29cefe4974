"""Prometheus metrics for one app: requests and latency by route, match outcomes, feedback,
index age, and the CPU, memory and file descriptors of the serving processes.

With one process, each app gets its own :class:`CollectorRegistry`, so tests can
build many apps in one process. With ``kb serve --workers N`` the workers run in
prometheus_client's multiprocess mode: each writes its figures to a file in
``PROMETHEUS_MULTIPROC_DIR`` (which ``kb serve`` sets up), and whichever worker
answers a scrape reports the sum over all of them.
"""

from __future__ import annotations

import contextlib
import functools
import logging
import os
import re
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any
from urllib.parse import quote

from prometheus_client import CollectorRegistry, Counter, Histogram, PlatformCollector, ProcessCollector
from prometheus_client.core import GaugeMetricFamily, Metric
from prometheus_client.multiprocess import MultiProcessCollector
from prometheus_client.registry import Collector
from starlette.routing import BaseRoute, Match
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


class _WorkerProcesses(Collector):
    """The standard process_* metrics of every worker that keeps its figures in ``folder``, by pid.

    prometheus_client's ProcessCollector reads one process's /proc entry; in
    multiprocess mode the scraped worker reads each worker's, found by the pid in
    the names of the files the workers write. A worker that has exited has no
    /proc entry and drops out.
    """

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def collect(self) -> Iterator[Metric]:
        pids = sorted(
            {int(m[1]) for f in self.folder.glob("*.db") if (m := re.search(r"_(\d+)\.db$", f.name))}
        )
        merged: dict[str, Metric] = {}
        for pid in pids:
            for family in ProcessCollector(pid=functools.partial(str, pid), registry=None).collect():
                out = merged.setdefault(family.name, Metric(family.name, family.documentation, family.type))
                for sample in family.samples:
                    out.add_sample(sample.name, {**sample.labels, "pid": str(pid)}, sample.value)
        yield from merged.values()


class Metrics:
    """The app's metrics and the registry that exposes them."""

    def __init__(self, db_path: Path) -> None:
        self.registry = CollectorRegistry(auto_describe=True)
        # prometheus_client itself switches to multiprocess mode on this variable, read
        # when it is imported; what is exposed must follow the same switch.
        shared = os.environ.get("PROMETHEUS_MULTIPROC_DIR")
        # In multiprocess mode the metrics are registered nowhere: their values are in the
        # shared files, which MultiProcessCollector sums for the scrape.
        own = None if shared else self.registry
        self.requests = Counter(
            "kb_http_requests",
            "HTTP requests answered, by method, route template and status",
            ["method", "route", "status"],
            registry=own,
        )
        self.latency = Histogram(
            "kb_http_request_duration_seconds",
            "Time to answer an HTTP request, by method and route template",
            ["method", "route"],
            buckets=LATENCY_BUCKETS,
            registry=own,
        )
        self.match_outcomes = Counter(
            "kb_match_outcomes",
            "Answered match queries by the confidence of the best match (none: no candidate at all)",
            ["confidence"],
            registry=own,
        )
        self.reindexes = Counter(
            "kb_reindex",
            "Reindex runs through the admin route, by outcome",
            ["outcome"],
            registry=own,
        )
        self.feedback = Counter(
            "kb_feedback",
            "Readers' answers to 'Was this helpful?', by verdict",
            ["verdict"],
            registry=own,
        )
        # Known outcomes start at 0, so rate() sees them from the first scrape (and, in
        # multiprocess mode, every worker has its file, and so its process metrics, from the start).
        self._outcome_series = {c: self.match_outcomes.labels(c) for c in ("high", "medium", "low", "none")}
        for outcome in ("ok", "failed", "refused"):
            self.reindexes.labels(outcome)
        for verdict in ("yes", "no"):
            self.feedback.labels(verdict)
        # Each request's series, found once: labels() costs a lock and a tuple of strings per call.
        # Bounded as the series themselves are (methods x route templates x statuses).
        self._request_series: dict[tuple[str, str, int], tuple[Counter, Histogram]] = {}
        self.registry.register(_IndexAge(db_path))
        if shared:
            MultiProcessCollector(self.registry, path=shared)
            self.registry.register(_WorkerProcesses(Path(shared)))
        else:
            ProcessCollector(registry=self.registry)
            PlatformCollector(registry=self.registry)

    def observe_request(self, method: str, route: str, status: int, seconds: float) -> None:
        """Count one answered request and its latency."""
        method = method if method in _METHODS else "OTHER"
        series = self._request_series.get((method, route, status))
        if series is None:
            series = (self.requests.labels(method, route, str(status)), self.latency.labels(method, route))
            self._request_series[(method, route, status)] = series
        series[0].inc()
        series[1].observe(seconds)

    def observe_match(self, result: MatchResult) -> None:
        """Count one match answer by the confidence of its best match."""
        self._outcome_series[result.matches[0].confidence if result.matches else "none"].inc()


# The status a request is counted under when its client went away before any answer began.
CLIENT_CLOSED_REQUEST = 499


# What a request's X-Request-ID may hold to be logged and sent back: a proxy's or a client's id,
# not text that could forge a log line or a header.
_REQUEST_ID = re.compile(r"[\w.:-]{1,128}", re.ASCII)
ACCESS_LOG = logging.getLogger("kb.access")


class MetricsMiddleware:
    """Time every HTTP request and label it with the route template it matched; with
    ``access_log``, write its line of the access log.

    The template (``/v1/articles/{article_id}``), not the raw path, keeps label
    cardinality bounded; paths that match no route are counted as ``unmatched``.
    """

    def __init__(
        self, app: ASGIApp, metrics: Metrics, routes: Sequence[BaseRoute] = (), *, access_log: bool = False
    ) -> None:
        self.app = app
        self.metrics = metrics
        # The app's own routes, for requests answered before routing (see _template).
        self.routes = list(routes)
        self.access_log = access_log

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Pass the request on, record its status and duration, and log it."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status: int | None = None
        raised = True
        request_id = _request_id(scope)

        async def send_status(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                if request_id is not None:
                    # Sent back, so a client or a proxy can find the request's line in this log.
                    message = {
                        **message,
                        "headers": [*message.get("headers", []), (b"x-request-id", request_id)],
                    }
            await send(message)

        try:
            await self.app(scope, receive, send_status)
            raised = False
        finally:
            if status is None:
                # No answer began: the app raised (the outer error middleware answers 500 after
                # we are unwound), or the client left before its body was read, which is no
                # server error (nginx's 499), and counted as one would set off error-rate alerts.
                status = 500 if raised else CLIENT_CLOSED_REQUEST
            seconds = time.perf_counter() - started
            self.metrics.observe_request(scope["method"], _template(scope, self.routes), status, seconds)
            if self.access_log:
                _log_access(scope, status, seconds, request_id)


def _request_id(scope: Scope) -> bytes | None:
    """The request's X-Request-ID, when it is one that can be logged and sent back as it is."""
    for name, value in scope["headers"]:
        if name == b"x-request-id":
            return value if _REQUEST_ID.fullmatch(value.decode("latin-1")) else None
    return None


def _log_access(scope: Scope, status: int, seconds: float, request_id: bytes | None) -> None:
    """One access-log line: client, request line, status, duration and request id. The query string
    is shown as "?…": the widget searches as a reader types, and what they type (an address, a
    password pasted by mistake) is not the log's to keep."""
    client = scope.get("client")
    address = f"{client[0]}:{client[1]}" if client else "-"
    # Percent-encoded again, as uvicorn's own line has it: a decoded path ("%0D%0A…") wrote a line of
    # its own into the log, and "%1b[31m" a terminal's escape codes.
    path = quote(scope.get("path", "")) + ("?…" if scope.get("query_string") else "")
    said = f" request_id={request_id.decode('latin-1')}" if request_id is not None else ""
    ACCESS_LOG.info(
        '%s - "%s %s HTTP/%s" %d %.1f ms%s',
        address,
        scope["method"],
        path,
        scope.get("http_version", "1.1"),
        status,
        seconds * 1000,
        said,
    )


def _template(scope: Scope, routes: Sequence[BaseRoute]) -> str:
    """The path template of the route that answered, or ``unmatched``.

    FastAPI's routes put themselves in the scope. Starlette's own (FastAPI's
    ``/openapi.json``, the docs assets' mount) leave only what they call, so their
    route is found by that. A request answered before routing (a body over the limit, a
    CORS preflight) is counted under the one of ``routes`` its path is: as unmatched, a
    413 on /v1/match escaped the alerts on that route.
    """
    route: Any = scope.get("route")
    if route is None and "endpoint" not in scope:
        route = next((r for r in routes if r.matches(scope)[0] is not Match.NONE), None)
    if route is None and "endpoint" in scope:
        called = scope["endpoint"]
        router: Any = getattr(scope.get("app"), "router", None)
        route = next(
            (
                r
                for r in getattr(router, "routes", ())
                if called in (getattr(r, "endpoint", None), getattr(r, "app", None))
            ),
            None,
        )
    return getattr(route, "path", None) or "unmatched"
