"""The routes that need the admin key: a reindex of the configured article folders, and the
feedback report (from :mod:`api.http.feedback_routes`). They exist only when KB_API_KEY is set.
"""

# No `from __future__ import annotations`: FastAPI must evaluate the annotations of
# routes defined inside factories, which refer to local dependencies.

import hmac
import logging
import sqlite3
from typing import Annotated

import anyio
import anyio.to_thread
from fastapi import APIRouter, Depends
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel, Field

from api import examples
from api.feedback import FeedbackStore
from api.http.errors import ApiError, only_known_query_parameters, takes_no_body
from api.http.feedback_routes import feedback_report_route
from api.http.index_holder import IndexHolder
from api.http.metrics import Metrics
from api.http.openapi import responses
from api.settings import Settings
from indexer.build import build_index
from indexer.errors import EmptyFolderError, ForeignFileError, MissingFolderError

log = logging.getLogger("kb.http")


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
