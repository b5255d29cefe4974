"""What readers tell us: "was this helpful?" verdicts, and the queries nothing answered.

One interface, two places to keep it: a SQLite file for one machine (the default,
:class:`SqliteFeedbackStore`) and PostgreSQL for several replicas
(:class:`api.feedback_pg.PostgresFeedbackStore`, ``KB_FEEDBACK_URL``). Both run the
same statements below, so scrubbing, bounds and eviction are written once.

Feedback never lives in the index: the index is rebuilt and swapped on every
reindex, and what readers said must survive that. The SQLite file runs in WAL
mode with a busy timeout, so several server workers can write at once.

Bounds: raw rows age out (the oldest verdicts, the least-asked unanswered
queries), but the verdict counts per problem are kept for good, so no flood of
posts can erase what genuine readers said about an answer.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
import time
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from api.models import FeedbackOut, FeedbackReport, ProblemVerdicts, UnansweredQuery, Verdict
from api.settings import Settings
from indexer.errortext import clean, comparable, redact_values

log = logging.getLogger("kb.feedback")

MAX_QUERY_CHARS = 500
# Distinct unanswered queries kept; past this the least asked are forgotten, so a
# client sending endless unique nonsense cannot grow the store without bound.
MAX_UNANSWERED = 10_000
# Verdict rows kept; the oldest go first (their counts per problem stay). Bounded for the same reason.
MAX_FEEDBACK = 200_000
SETUP_ATTEMPTS = 40
# After a failure the store is not tried again for this long: callers get an
# immediate "unavailable" instead of each waiting on a dead database.
RETRY_SECONDS = 2.0

# One statement per step, in the SQL that SQLite and PostgreSQL share; ``?`` marks a parameter.
INSERT_FEEDBACK = (
    "INSERT INTO feedback (query, problem_id, verdict, created_at) VALUES (?, ?, ?, ?) RETURNING id"
)
COUNT_VERDICT = (
    "INSERT INTO verdict_counts (problem_id, yes, no) VALUES (?, ?, ?) ON CONFLICT (problem_id) "
    "DO UPDATE SET yes = verdict_counts.yes + excluded.yes, no = verdict_counts.no + excluded.no"
)
TRIM_FEEDBACK = "DELETE FROM feedback WHERE id <= ?"
UPSERT_UNANSWERED = (
    "INSERT INTO unanswered (query_key, query, asked, first_asked, last_asked) VALUES (?, ?, 1, ?, ?) "
    "ON CONFLICT (query_key) DO UPDATE SET asked = unanswered.asked + 1, query = excluded.query, "
    "last_asked = excluded.last_asked RETURNING asked"
)
COUNT_UNANSWERED = "SELECT count(*) FROM unanswered"
EVICT_UNANSWERED = (
    "DELETE FROM unanswered WHERE query_key IN "
    "(SELECT query_key FROM unanswered ORDER BY asked, last_asked LIMIT ?)"
)
REPORT_UNANSWERED = "SELECT query, asked, first_asked, last_asked FROM unanswered ORDER BY asked DESC, last_asked DESC LIMIT ?"
REPORT_PROBLEMS = (
    "SELECT problem_id, yes, no FROM verdict_counts ORDER BY no DESC, yes ASC, problem_id LIMIT ?"
)
REPORT_FEEDBACK = "SELECT id, query, problem_id, verdict, created_at FROM feedback ORDER BY id DESC LIMIT ?"
TOTAL_FEEDBACK = "SELECT coalesce(sum(yes + no), 0) FROM verdict_counts"
# Migration 2, the same text for both databases: counts that eviction never touches.
CREATE_VERDICT_COUNTS = (
    "CREATE TABLE verdict_counts (problem_id TEXT PRIMARY KEY, "
    "yes BIGINT NOT NULL DEFAULT 0, no BIGINT NOT NULL DEFAULT 0)"
)
BACKFILL_VERDICT_COUNTS = (
    "INSERT INTO verdict_counts (problem_id, yes, no) SELECT problem_id, "
    "count(*) FILTER (WHERE verdict = 'yes'), count(*) FILTER (WHERE verdict = 'no') "
    "FROM feedback GROUP BY problem_id"
)

Run = Callable[[str, Sequence[Any]], list[tuple[Any, ...]]]
"""Runs one statement inside the open transaction and returns its rows (none for a plain write)."""


class FeedbackUnavailable(Exception):
    """The feedback store cannot be read or written right now (the answers are unaffected)."""


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _kept(query: str) -> str:
    # Pasted errors carry user names, tenants and addresses; the authors need the wording only.
    return redact_values(clean(query))[:MAX_QUERY_CHARS]


def _query_key(query: str) -> str:
    # The same error with another user name or request id counts as the same question.
    return (comparable(query) or clean(query).lower())[:MAX_QUERY_CHARS]


class FeedbackStore(ABC):
    """Where verdicts and unanswered queries are kept; the backends only open transactions.

    Every call either succeeds or raises :class:`FeedbackUnavailable`; after a
    failure the store answers "unavailable" at once for :data:`RETRY_SECONDS`,
    then tries again, so it recovers by itself when the database comes back.
    """

    #: Exceptions of the backend that mean "the database is unreachable or broken".
    errors: tuple[type[Exception], ...] = (sqlite3.Error, OSError)

    def __init__(self, location: str) -> None:
        #: Where the store is, for messages (never with a password in it).
        self.location = location
        self._down_until = 0.0

    @abstractmethod
    def _transaction(self, timeout: float | None = None) -> AbstractContextManager[Run]:
        """One transaction: committed when the block ends, rolled back when it raises.

        ``timeout``: longest wait for a connection, where the backend waits for one.
        """

    @abstractmethod
    def close(self) -> None:
        """Close the connections (a later call opens them again)."""

    @contextmanager
    def _session(self, timeout: float | None = None) -> Iterator[Run]:
        if time.monotonic() < self._down_until:
            raise FeedbackUnavailable(f"feedback store {self.location} is unavailable; retrying shortly")
        try:
            with self._transaction(timeout) as run:
                yield run
        except self.errors as exc:
            self._down_until = time.monotonic() + RETRY_SECONDS
            log.warning("feedback store %s failed: %s", self.location, exc)
            raise FeedbackUnavailable(f"feedback store {self.location} failed: {exc}") from exc
        if self._down_until:
            self._down_until = 0.0
            log.warning("feedback store %s works again", self.location)

    def ping(self, timeout: float | None = None) -> None:
        """Raise :class:`FeedbackUnavailable` unless the store answers a trivial query within ``timeout`` s."""
        with self._session(timeout) as run:
            run("SELECT 1", [])

    def add_feedback(self, query: str, problem_id: str, verdict: Verdict) -> FeedbackOut:
        """Store one verdict on the answer ``problem_id`` gave to ``query``."""
        kept_query, created_at = _kept(query), _now()
        yes = int(verdict == "yes")
        with self._session() as run:
            [(row_id,)] = run(INSERT_FEEDBACK, [kept_query, problem_id, verdict, created_at])
            run(COUNT_VERDICT, [problem_id, yes, 1 - yes])
            run(TRIM_FEEDBACK, [int(row_id) - MAX_FEEDBACK])
        return FeedbackOut(
            id=int(row_id), query=kept_query, problem_id=problem_id, verdict=verdict, created_at=created_at
        )

    def add_unanswered(self, query: str) -> None:
        """Count ``query`` as asked once more without a confident answer."""
        key = _query_key(query)
        if not key:
            return
        now = _now()
        with self._session() as run:
            [(asked,)] = run(UPSERT_UNANSWERED, [key, _kept(query), now, now])
        if asked == 1:
            # Its own transaction: the upsert's row lock is not held while scanning for the least asked.
            with self._session() as run:
                [(count,)] = run(COUNT_UNANSWERED, [])
                if count > MAX_UNANSWERED:
                    run(EVICT_UNANSWERED, [count - MAX_UNANSWERED])

    def report(self, limit: int = 50) -> FeedbackReport:
        """The most-asked unanswered queries, verdicts per problem, and the latest verdicts."""
        with self._session() as run:
            unanswered = [
                UnansweredQuery(query=q, asked=a, first_asked=f, last_asked=la)
                for q, a, f, la in run(REPORT_UNANSWERED, [limit])
            ]
            problems = [
                ProblemVerdicts(problem_id=p, yes=y, no=n) for p, y, n in run(REPORT_PROBLEMS, [limit])
            ]
            feedback = [
                FeedbackOut(id=i, query=q, problem_id=p, verdict=v, created_at=c)
                for i, q, p, v, c in run(REPORT_FEEDBACK, [limit])
            ]
            [(total,)] = run(TOTAL_FEEDBACK, [])
        return FeedbackReport(
            unanswered=unanswered, problems=problems, feedback=feedback, total_feedback=int(total)
        )


migrations = Migrations("kb-answer-feedback")


@migrations()
def m001_feedback(db: Database) -> None:
    """Verdicts on answers, and unanswered queries counted by their comparable form."""
    db.table("feedback").create(
        {"id": int, "query": str, "problem_id": str, "verdict": str, "created_at": str}, pk="id"
    )
    db.table("feedback").create_index(["problem_id"])
    db.table("unanswered").create(
        {"query_key": str, "query": str, "asked": int, "first_asked": str, "last_asked": str},
        pk="query_key",
    )
    db.table("unanswered").create_index(["asked"])


@migrations()
def m002_verdict_counts(db: Database) -> None:
    """Verdicts per problem, counted as they arrive and never evicted with the raw rows."""
    db.execute(CREATE_VERDICT_COUNTS)
    db.execute(BACKFILL_VERDICT_COUNTS)


class SqliteFeedbackStore(FeedbackStore):
    """The feedback file: one connection, shared by the threads of one process."""

    def __init__(self, path: Path) -> None:
        super().__init__(str(path))
        self.path = path
        self._lock = threading.Lock()
        self._db: Database | None = None

    def _open(self) -> Database:
        if self._db is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(self.path, check_same_thread=False, timeout=10)
            db = Database(conn)
            try:
                self._set_up(db)
            except BaseException:
                conn.close()
                raise
            self._db = db
        return self._db

    @staticmethod
    def _set_up(db: Database) -> None:
        # Workers starting together race to create the tables; the loser sees "locked"
        # or "already exists" and, on a second look, finds the work done.
        for attempt in range(SETUP_ATTEMPTS):
            try:
                db.execute("PRAGMA journal_mode=WAL")
                db.execute("PRAGMA synchronous=NORMAL")
                migrations.apply(db)
                return
            except sqlite3.OperationalError:
                if attempt == SETUP_ATTEMPTS - 1:
                    raise
                time.sleep(0.05)

    @contextmanager
    def _transaction(self, timeout: float | None = None) -> Iterator[Run]:
        with self._lock:
            conn = self._open().conn
            with conn:
                yield lambda sql, params: conn.execute(sql, params).fetchall()

    def close(self) -> None:
        """Close the connection (a later call opens it again)."""
        with self._lock:
            if self._db is not None:
                self._db.conn.close()
                self._db = None


def open_store(settings: Settings) -> FeedbackStore:
    """PostgreSQL when ``settings.feedback_url`` is set, else the SQLite file ``settings.feedback_path``.

    Nothing is connected or created until the first call.
    """
    if settings.feedback_url is not None:
        from api.feedback_pg import PostgresFeedbackStore  # psycopg only where it is used

        return PostgresFeedbackStore(settings.feedback_url.get_secret_value())
    return SqliteFeedbackStore(settings.feedback_path)
