"""The FastAPI app: its routes over :mod:`api.matcher` and :mod:`api.lookups`, and the factory that
builds it (:func:`create_app`; :func:`app_from_env` for uvicorn's workers).

Each route reads its input, calls the core, and sends the model as JSON or, on request, as
Markdown (:mod:`api.http.negotiation`). The index comes from :mod:`api.http.index_holder`,
``POST /v1/match`` takes its requests through :mod:`api.http.match_route`, and a worker sets up
its logs and garbage collector with :mod:`api.http.worker`. Errors of every kind leave through
:mod:`api.http.errors` in one shape. The health, readiness and metrics routes are in
:mod:`api.http.ops_routes`, the admin key's in :mod:`api.http.admin_routes`, the feedback routes in
:mod:`api.http.feedback_routes` and the widget's in :mod:`api.http.widget_routes`.
"""

# No `from __future__ import annotations`: FastAPI must evaluate the annotations of
# routes defined inside factories, which refer to local dependencies.

import asyncio
import logging
import multiprocessing
import os
import signal
import sqlite3
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from functools import partial
from typing import Annotated, Any, Literal, TypeVar

from fastapi import APIRouter, Depends, FastAPI, Query, Request
from fastapi import Path as PathParam
from fastapi.responses import Response
from pydantic import BaseModel, StringConstraints
from starlette.background import BackgroundTask
from starlette.concurrency import run_in_threadpool

from api import examples
from api.feedback import FeedbackStore, open_store
from api.http.admin_routes import admin_routes
from api.http.docs import install_docs
from api.http.encoding import GzipWhereAccepted
from api.http.errors import (
    BodyLimitMiddleware,
    CorsMiddleware,
    install_error_handlers,
    only_known_query_parameters,
    require_json,
)
from api.http.feedback_routes import client_of, feedback_route, record_unanswered
from api.http.head import HeadMiddleware
from api.http.index_holder import IndexHolder
from api.http.match_json import MatchJson
from api.http.match_route import MatchRoute
from api.http.metrics import Metrics, MetricsMiddleware
from api.http.negotiation import answer_body, render, respond, wants_markdown
from api.http.openapi import responses, summaries_from_docstrings
from api.http.ops_routes import ops_routes
from api.http.ratelimit import RateLimiter
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
from indexer.errors import IndexMissingError, KbError
from indexer.orphans import end_with_parent

log = logging.getLogger("kb.http")

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


def public_routes(
    holder: IndexHolder, metrics: Metrics, feedback: FeedbackStore, limiter: RateLimiter
) -> APIRouter:
    """The query and lookup routes.

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
        # A path with a stray trailing slash is a 404 that names the path without it (see
        # errors._without_trailing_slash), not a redirect to whatever host the request named.
        redirect_slashes=False,
    )
    app.state.settings = settings
    app.state.index = holder
    app.state.metrics = metrics
    install_error_handlers(app)
    # The router tries routes in this order, so the answer routes come first.
    routers = [
        summaries_from_docstrings(public_routes(holder, metrics, feedback, limiter)),
        summaries_from_docstrings(ops_routes(holder, metrics, feedback, limiter)),
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
