"""The FastAPI app: its routes over :mod:`api.matcher` and :mod:`api.lookups`, and the factory that
builds it (:func:`create_app`; :func:`app_from_env` for uvicorn's workers).

Each route reads its input, calls the core, and sends the model as JSON or, on request, as
Markdown (:mod:`api.http.negotiation`). The index comes from :mod:`api.http.index_holder`,
``POST /v1/match`` takes its requests through :mod:`api.http.match_route`, and a worker sets up
its logs and garbage collector with :mod:`api.http.worker`. Errors of every kind leave through
:mod:`api.http.errors` in one shape.
"""

# No `from __future__ import annotations`: FastAPI must evaluate the annotations of
# routes defined inside factories, which refer to local dependencies.

import asyncio
import hmac
import logging
import multiprocessing
import os
import signal
import sqlite3
import time
from collections.abc import AsyncIterator, Callable
from concurrent.futures import ThreadPoolExecutor
from contextlib import asynccontextmanager
from functools import partial
from typing import Annotated, Any, Literal, TypeVar

import anyio
import anyio.to_thread
from fastapi import APIRouter, Depends, FastAPI, Query, Request
from fastapi import Path as PathParam
from fastapi.responses import Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest
from pydantic import BaseModel, Field, StringConstraints
from starlette.background import BackgroundTask
from starlette.concurrency import run_in_threadpool

from api import examples
from api.feedback import FeedbackStore, FeedbackUnavailable, open_store
from api.http.docs import install_docs
from api.http.encoding import GzipWhereAccepted
from api.http.errors import (
    ApiError,
    BodyLimitMiddleware,
    CorsMiddleware,
    install_error_handlers,
    only_known_query_parameters,
    require_json,
    takes_no_body,
)
from api.http.feedback_routes import client_of, feedback_report_route, feedback_route, record_unanswered
from api.http.head import HeadMiddleware
from api.http.index_holder import IndexHolder
from api.http.match_json import MatchJson
from api.http.match_route import MatchRoute
from api.http.metrics import Metrics, MetricsMiddleware
from api.http.negotiation import answer_body, render, respond, wants_markdown
from api.http.openapi import responses, summaries_from_docstrings
from api.http.ratelimit import RateLimiter, RateLimitState
from api.http.widget_routes import widget_routes
from api.http.worker import (
    cancelled_in_one_line,
    freeze_startup_objects,
    log_as_uvicorn_does,
    without_query_strings,
)
from api.knowledge import BoundedCache, KnowledgeBase
from api.limits import (
    DEFAULT_PAGE,
    DEFAULT_SUGGESTIONS,
    MAX_OFFSET,
    MAX_PAGE,
    MAX_PRODUCT_CHARS,
    MAX_SEARCH_CHARS,
    MAX_SUGGESTIONS,
    MAX_TAG_CHARS,
    MAX_TAGS,
)
from api.lookups import get_article, get_problem, list_articles, search
from api.matcher import match
from api.models import ArticleOut, ArticlePage, MatchResult, ProblemDetail, SearchResult
from api.query import Scope
from api.requests import MatchRequest
from api.settings import ACCESS_LOG_ENV, SUPERVISOR_ENV, Settings
from api.version import installed_version
from indexer.build import build_index
from indexer.errors import (
    EmptyFolderError,
    ForeignFileError,
    IndexMissingError,
    KbError,
    MissingFolderError,
)
from indexer.orphans import end_with_parent

log = logging.getLogger("kb.http")

# /readyz waits no longer than this for the feedback store: a health check must not time out on it.
READY_FEEDBACK_TIMEOUT = 0.5
# /readyz waits no longer than this for each of its checks of a shared store, however busy the
# threads are: past it, the store is reported degraded.
READY_CHECK_SECONDS = 1.0
# Rendered articles and problems kept per worker: the most, and their weight.
RENDERED_LOOKUPS = 1024
RENDERED_LOOKUP_BYTES = 32 * 1024 * 1024
# The JSON of the parts of match answers kept per worker (see api.http.match_json): the articles,
# problems, steps and notes of kb/ and msdocs's 302 problems weigh 1.5 MB.
MATCH_PART_BYTES = 32 * 1024 * 1024
# Below this, compressing saves less than the headers it adds cost to read.
GZIP_MIN_BYTES = 500
# nginx's default. A match answer (~45 KB) costs ~0.6 ms to compress at 1 and ~2.9 ms at
# Starlette's default 9, more than matching it, for a body 18% smaller (7.9 KB against 9.7 KB).
GZIP_LEVEL = 1

Format = Annotated[
    Literal["json", "md"] | None,
    Query(alias="format", description="Response format; overrides the Accept header (text/markdown for md)"),
]


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


class ReindexOut(BaseModel):
    """What a reindex run did."""

    articles: int
    problems: int
    steps: int
    parsed: int = Field(description="Articles parsed again because they changed")
    unchanged: int
    removed: int
    seconds: float
    warnings: list[str] = Field(description="Articles that could not be indexed, as file:line: message")
    without_steps: list[str] = Field(
        default_factory=list,
        description="Indexed articles that describe a problem but give no resolution steps (their files)",
    )

    model_config = {"json_schema_extra": {"examples": [examples.REINDEX]}}


T = TypeVar("T")


async def _in_a_turn_of_its_own(work: Callable[[], T]) -> T:
    """Run CPU-bound ``work`` on the event loop with a turn of the loop before and after it.

    Without the turns, uvloop under full load left a few connections waiting many rounds
    (a bare uvicorn app that burns 1.5 ms per request shows it too). Measured with wrk at
    64 connections, in alternating pairs: a turn before the work took p99 from 295-567 ms
    to 124-266 ms (5 pairs), and one after it from 128-249 ms to 120-147 ms (8 pairs, lower
    in 7), with requests/s as high or higher in most pairs.
    """
    await asyncio.sleep(0)
    result = work()
    await asyncio.sleep(0)
    return result


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


def public_routes(
    holder: IndexHolder, metrics: Metrics, feedback: FeedbackStore, limiter: RateLimiter
) -> APIRouter:
    """The query, lookup, health and metrics routes.

    They are ``async def`` and call the core directly on the event loop, on purpose:
    the work is CPU-bound Python (a few ms), so a threadpool adds no parallelism
    under the GIL, only thread hops, GIL contention and one SQLite connection per
    thread. Measured with scripts/bench_http.py: about 40% more requests/s than
    plain ``def`` routes. Parallelism comes from worker processes (``--workers``).
    """
    router = APIRouter()
    # Articles and problems as sent, by index file, id and format. The longest real article takes
    # 50-130 ms to read and render, a 1 MB one up to a second;
    # asked again, or over and over by a hostile client, it is a lookup. The first rendering is
    # done in a thread: unlike a match, it is long enough that the loop's other requests,
    # interleaved with it under the GIL, would otherwise wait for all of it (a 2,000-problem
    # article: a health check sent meanwhile waited 86-97% of the rendering's time on the loop,
    # 10-36% from a thread on a busy machine).
    cache = BoundedCache(RENDERED_LOOKUPS, RENDERED_LOOKUP_BYTES)
    match_json = MatchJson(MATCH_PART_BYTES)

    async def rendered(
        request: Request, fmt: str | None, lookup: Callable[[KnowledgeBase, str], BaseModel], some_id: str
    ) -> Response:
        kb = holder.get()
        markdown = wants_markdown(request, fmt)
        key = (kb.snapshot().identity, lookup.__name__, some_id, markdown)
        found, _ = cache.get_many([key])
        if key not in found:
            found[key] = await run_in_threadpool(lambda: answer_body(lookup(kb, some_id), markdown=markdown))
            cache.put(key, found[key], len(found[key][0]))
        return respond(*found[key])

    async def match_text(body: MatchRequest, request: Request, fmt: Format = None) -> Response:
        """Find the problems and ordered steps that answer a pasted error or symptom.

        Matches come best first with a calibrated confidence (high, medium, low);
        `no_confident_match` is true when the knowledge base has no reliable answer.
        Send `Accept: text/markdown` or `?format=md` for Markdown.
        """
        kb, scope = holder.get(), body.scope()
        result = await _in_a_turn_of_its_own(partial(match, kb, body.text, limit=body.limit, scope=scope))
        metrics.observe_match(result)
        if wants_markdown(request, fmt):
            response = respond(*answer_body(result, markdown=True))
        else:
            response = respond(match_json(result), "application/json")
        if result.no_confident_match:
            # After the answer is sent: what nobody could answer is what authors write next.
            response.background = BackgroundTask(unanswered, kb, scope, client_of(request), body.text)
        return response

    async def unanswered(kb: KnowledgeBase, scope: Scope | None, client: str, text: str) -> None:
        """Record ``text`` as unanswered, unless only its scope left it so: a question a portal page
        asks of its product may be one the knowledge base answers, not one for authors to write."""

        async def anywhere() -> bool:
            try:
                return (await _in_a_turn_of_its_own(partial(match, kb, text, limit=1))).no_confident_match
            except KbError:
                # The index went bad or away since the answer: the scoped miss is what is known.
                return True

        await record_unanswered(feedback, limiter, client, text, anywhere if scope is not None else None)

    router.add_api_route(
        "/v1/match",
        match_text,
        methods=["POST"],
        response_model=MatchResult,
        responses=responses(examples.MATCH_RESULT, examples.MATCH_MARKDOWN, 413, 415, 422, 503),
        dependencies=[Depends(require_json), Depends(only_known_query_parameters)],
        tags=["answers"],
        route_class_override=MatchRoute,
    )

    @router.get(
        "/v1/search",
        response_model=SearchResult,
        dependencies=[Depends(only_known_query_parameters)],
        responses=responses(examples.SEARCH_RESULT, examples.SEARCH_MARKDOWN, 422, 503),
        tags=["answers"],
    )
    async def search_problems(
        request: Request,
        q: Annotated[
            str,
            Query(max_length=MAX_SEARCH_CHARS, description="What was typed so far", examples=["sync err"]),
        ],
        limit: Annotated[
            int, Query(ge=1, le=MAX_SUGGESTIONS, description="Most suggestions")
        ] = DEFAULT_SUGGESTIONS,
        product: Annotated[
            str,
            Query(
                max_length=MAX_PRODUCT_CHARS,
                description="Only articles of this product (case-insensitive); empty: all",
            ),
        ] = "",
        tag: Annotated[
            list[Annotated[str, StringConstraints(max_length=MAX_TAG_CHARS)]],
            Query(
                max_length=MAX_TAGS,
                description="Only articles with this tag; repeat for several (all must match)",
            ),
        ] = [],  # noqa: B006 - FastAPI copies query defaults; a list is the documented way to declare one
        fmt: Format = None,
    ) -> Response:
        """Search-as-you-type: problems whose title or error codes have the words typed (the last
        one, from its third letter on, as the start of a word)."""
        return render(search(holder.get(), q, limit=limit, scope=Scope.of(product, tag)), request, fmt)

    @router.get(
        "/v1/articles",
        response_model=ArticlePage,
        dependencies=[Depends(only_known_query_parameters)],
        responses=responses(examples.ARTICLE_PAGE, examples.ARTICLE_PAGE_MARKDOWN, 422, 503),
        tags=["articles"],
    )
    async def articles(
        request: Request,
        offset: Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Articles to skip")] = 0,
        limit: Annotated[int, Query(ge=1, le=MAX_PAGE, description="Articles per page")] = DEFAULT_PAGE,
        fmt: Format = None,
    ) -> Response:
        """List the indexed articles by title, a page at a time."""
        return render(list_articles(holder.get(), offset=offset, limit=limit), request, fmt)

    @router.get(
        "/v1/articles/{article_id}",
        response_model=ArticleOut,
        dependencies=[Depends(only_known_query_parameters)],
        responses=responses(examples.ARTICLE, examples.ARTICLE_MARKDOWN, 404, 422, 503),
        tags=["articles"],
    )
    async def article(
        request: Request,
        article_id: Annotated[str, PathParam(description="Article id", examples=[examples.ARTICLE_ID])],
        fmt: Format = None,
    ) -> Response:
        """A whole article: every problem it answers, each with its steps."""
        return await rendered(request, fmt, get_article, article_id)

    @router.get(
        "/v1/problems/{problem_id}",
        response_model=ProblemDetail,
        dependencies=[Depends(only_known_query_parameters)],
        responses=responses(examples.PROBLEM, examples.PROBLEM_MARKDOWN, 404, 422, 503),
        tags=["articles"],
    )
    async def problem(
        request: Request,
        problem_id: Annotated[
            str,
            PathParam(description="Problem id, ARTICLE#N; send '#' as %23", examples=[examples.PROBLEM_ID]),
        ],
        fmt: Format = None,
    ) -> Response:
        """One problem of an article with its ordered resolution steps."""
        return await rendered(request, fmt, get_problem, problem_id)

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
        built_at = float(stats["built_at"])  # type: ignore[arg-type]
        return ReadyOut(
            version=installed_version(),
            schema_version=str(stats["schema_version"]) if stats["schema_version"] else None,
            articles=int(stats["articles"]),  # type: ignore[call-overload]
            problems=int(stats["problems"]),  # type: ignore[call-overload]
            steps=int(stats["steps"]),  # type: ignore[call-overload]
            built_at=built_at,
            index_age_seconds=round(max(0.0, time.time() - built_at), 3),
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


def _refused(exc: EmptyFolderError | MissingFolderError | ForeignFileError) -> ApiError:
    """The 409 of a reindex refused with the index left as it is."""
    if isinstance(exc, EmptyFolderError):
        return ApiError(
            409,
            f"{exc}; {exc.advice('run kb index --allow-empty')}",
            code="empty_folder",
            detail={"warnings": [str(w) for w in exc.warnings]},
        )
    if isinstance(exc, MissingFolderError):
        # An unmounted share whose mount point is gone, or a link to nothing: refused as an
        # emptied folder is, and `kb index` exits 2 for it.
        message = f"{exc}; the index is left as it is (is a folder unmounted?)"
        return ApiError(409, message, code="empty_folder", detail={"warnings": []})
    # A file at KB_DB that kb-answer did not build: never replaced (`kb index` exits 3).
    return ApiError(409, str(exc), code="index_not_ours")


def admin_routes(
    settings: Settings, holder: IndexHolder, metrics: Metrics, feedback: FeedbackStore
) -> APIRouter:
    """The routes that need the admin key; only mounted when one is configured."""
    assert settings.api_key is not None
    expected = settings.api_key.get_secret_value().encode("utf-8")
    bearer = HTTPBearer(auto_error=False, description="The admin key (KB_API_KEY)")

    def require_admin(
        credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
    ) -> None:
        """401 without a bearer key, 403 with a wrong one."""
        if credentials is None or not credentials.credentials:
            raise ApiError(
                401,
                "this route needs the admin key: send Authorization: Bearer <key>",
                headers={"WWW-Authenticate": "Bearer"},
            )
        # Constant-time comparison of bytes (compare_digest refuses non-ASCII str).
        if not hmac.compare_digest(credentials.credentials.encode("utf-8"), expected):
            raise ApiError(403, "the admin key is wrong")

    router = APIRouter(dependencies=[Depends(require_admin)], tags=["admin"])

    def rebuild() -> ReindexOut:
        # An index found damaged is built again from the articles alone: an update would copy
        # what SQLite reads well and kb-answer cannot (a row of broken JSON) into the new file.
        report = build_index(settings.articles, settings.db, rebuild=holder.known_damaged())
        return ReindexOut(
            articles=report.articles,
            problems=report.problems,
            steps=report.steps,
            parsed=report.parsed,
            unchanged=report.unchanged,
            removed=report.removed,
            seconds=round(report.seconds, 3),
            warnings=[str(w) for w in report.warnings],
            without_steps=report.stepless_sources,
        )

    @router.post(
        "/v1/admin/reindex",
        response_model=ReindexOut,
        responses=responses(
            examples.REINDEX,
            None,
            401,
            403,
            409,
            413,
            422,
            500,
            notes={
                422: "A request body or query parameter: the route takes none, and rebuilds the configured folders"
            },
        ),
        dependencies=[Depends(takes_no_body), Depends(only_known_query_parameters)],
    )
    async def reindex() -> ReindexOut:
        """Rebuild the index from the configured article folders while requests keep being served.

        Only changed articles are parsed again; the new file replaces the old in one
        rename and every worker picks it up on its next request.
        """
        try:
            # In a thread, so queries keep being answered while the index is rebuilt; concurrent
            # calls wait their turn (see IndexHolder.reindexing) and then find little left to do.
            out = await anyio.to_thread.run_sync(rebuild, limiter=holder.reindexing)
        except (EmptyFolderError, MissingFolderError, ForeignFileError) as exc:
            metrics.reindexes.labels("refused").inc()
            log.error("reindex refused: %s", exc)
            raise _refused(exc) from exc
        except (OSError, ValueError, sqlite3.DatabaseError) as exc:
            # A DatabaseError here is the new file's (a full disk): the index served is untouched,
            # so it is a failed reindex, not the damaged index the shared handler would report.
            metrics.reindexes.labels("failed").inc()
            log.error("reindex failed: %s", exc)
            raise ApiError(500, f"reindex failed: {exc}", code="reindex_failed") from exc
        metrics.reindexes.labels("ok").inc()
        log.info(
            "reindexed: %d articles, %d parsed, %d warnings", out.articles, out.parsed, len(out.warnings)
        )
        return out

    router.include_router(feedback_report_route(feedback))
    return router


def _lifespan(holder: IndexHolder, feedback: FeedbackStore) -> Callable[[FastAPI], Any]:
    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        try:
            # Load the matcher's snapshot now, so the first query does not pay for it.
            kb = await run_in_threadpool(holder.get)
            await run_in_threadpool(kb.snapshot)
            log.info("serving index %s", holder.db_path)
        except IndexMissingError as exc:
            log.warning("%s; index routes answer 503 until an index exists", exc)
        except sqlite3.DatabaseError as exc:
            log.error("%s; index routes answer 503 until then", holder.damaged(exc))
        yield
        await run_in_threadpool(feedback.close)

    return lifespan


def create_app(settings: Settings | None = None, *, access_log: bool = False) -> FastAPI:
    """Build the HTTP app from ``settings`` (default: read from KB_* environment variables); with
    ``access_log``, it writes a line per request to the ``kb.access`` logger."""
    settings = settings if settings is not None else Settings()
    holder = IndexHolder(settings.db)
    metrics = Metrics(settings.db)
    feedback = open_store(settings)
    limiter = RateLimiter(settings.feedback_rate_limit, settings.rate_limit_storage)
    app = FastAPI(
        title="kb-answer",
        version=installed_version(),
        summary="Find the troubleshooting steps that answer a pasted error or symptom.",
        description=(
            'Every error has the body `{"error": {"code", "message", "detail"}}`. '
            "Answers are JSON, or Markdown with `Accept: text/markdown` or `?format=md`. "
            "Admin routes exist only when KB_API_KEY is set."
        ),
        lifespan=_lifespan(holder, feedback),
        # Served by install_docs from the package instead of a CDN.
        docs_url=None,
        redoc_url=None,
        # Swagger UI would send the document to an online validator for its badge.
        swagger_ui_parameters={"validatorUrl": None},
    )
    # A path with a stray trailing slash is a 404 that names the path without it (see
    # errors._without_trailing_slash), not a redirect to whatever host the request named.
    app.router.redirect_slashes = False
    app.state.settings = settings
    app.state.index = holder
    app.state.metrics = metrics
    install_error_handlers(app)
    # The router tries routes in this order, so the answer routes come first.
    routers = [
        summaries_from_docstrings(public_routes(holder, metrics, feedback, limiter)),
        summaries_from_docstrings(feedback_route(feedback, holder.get, metrics, limiter)),
    ]
    if settings.api_key is not None:
        routers.append(summaries_from_docstrings(admin_routes(settings, holder, metrics, feedback)))
    routers.append(widget_routes(gzip_from=GZIP_MIN_BYTES))
    for router in routers:
        app.include_router(router)
    install_docs(app)
    # Added innermost first: metrics see every answer (HEAD as HEAD), CORS headers go on 413s too,
    # and HEAD gets the headers of the compressed answer.
    app.add_middleware(BodyLimitMiddleware, max_body=settings.max_body)
    app.add_middleware(GzipWhereAccepted, minimum_size=GZIP_MIN_BYTES, compresslevel=GZIP_LEVEL)
    app.add_middleware(HeadMiddleware)
    if settings.cors_origins:
        app.add_middleware(
            CorsMiddleware,
            allow_origins=settings.cors_origins,
            allow_methods=["GET", "POST"],
            allow_headers=["Accept", "Authorization", "Content-Type"],
            max_age=600,
        )
    app.add_middleware(
        MetricsMiddleware,
        metrics=metrics,
        routes=[r for router in routers for r in router.routes],
        access_log=access_log,
    )
    return app


def app_from_env() -> FastAPI:
    """The app configured from the environment: the factory uvicorn workers call.

    A worker of ``kb serve --workers N`` shuts down (as on SIGTERM: requests in flight are
    answered) once the supervisor that started it is gone.
    """
    supervisor = os.environ.get(SUPERVISOR_ENV, "")
    # The process that started this worker, as it was then: a supervisor killed while this
    # worker was still starting has already handed it to init (getppid() is 1 by now), and
    # the worker must end all the same instead of serving the port on its own.
    parent = multiprocessing.parent_process()
    if supervisor.isdigit() and parent is not None and parent.pid == int(supervisor):
        end_with_parent(int(supervisor), partial(os.kill, os.getpid(), signal.SIGTERM))
    logging.getLogger("uvicorn.access").addFilter(without_query_strings)
    logging.getLogger("uvicorn.error").addFilter(cancelled_in_one_line)
    log_as_uvicorn_does()
    # `kb serve` writes the access log itself (with each request's duration and id), in place of
    # uvicorn's; run under uvicorn directly, uvicorn's own is left as it is.
    app = create_app(Settings(), access_log=os.environ.get(ACCESS_LOG_ENV) == "1")
    freeze_startup_objects()
    return app
