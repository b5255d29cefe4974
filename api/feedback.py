"""What readers tell us: "was this helpful?" verdicts, and the queries nothing answered.

Kept in its own SQLite file, never in the index: the index is rebuilt and swapped
on every reindex, and what readers said must survive that. Several server
workers write here at once, so the file runs in WAL mode with a busy timeout.
"""

from __future__ import annotations

import sqlite3
import threading
import time
from datetime import UTC, datetime
from pathlib import Path

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from api.models import FeedbackOut, FeedbackReport, ProblemVerdicts, UnansweredQuery, Verdict
from indexer.errortext import clean, comparable, redact_values

MAX_QUERY_CHARS = 500
# Distinct unanswered queries kept; past this the least asked are forgotten, so a
# client sending endless unique nonsense cannot grow the file without bound.
MAX_UNANSWERED = 10_000
# Verdicts kept; the oldest go first. Bounded for the same reason.
MAX_FEEDBACK = 200_000
SETUP_ATTEMPTS = 40

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


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _kept(query: str) -> str:
    # Pasted errors carry user names, tenants and addresses; the authors need the wording only.
    return redact_values(clean(query))[:MAX_QUERY_CHARS]


def _query_key(query: str) -> str:
    # The same error with another user name or request id counts as the same question.
    return (comparable(query) or clean(query).lower())[:MAX_QUERY_CHARS]


class FeedbackStore:
    """The feedback file: one connection, shared by the threads of one process."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()
        self._db: Database | None = None

    def _open(self) -> Database:
        if self._db is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(self.path, check_same_thread=False, timeout=10)
            db = Database(conn)
            self._set_up(db)
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

    def add_feedback(self, query: str, problem_id: str, verdict: Verdict) -> FeedbackOut:
        """Store one verdict on the answer ``problem_id`` gave to ``query``."""
        kept_query, created_at = _kept(query), _now()
        with self._lock:
            db = self._open()
            with db.conn:
                cursor = db.execute(
                    "INSERT INTO feedback (query, problem_id, verdict, created_at) VALUES (?, ?, ?, ?)",
                    [kept_query, problem_id, verdict, created_at],
                )
                row_id = int(cursor.lastrowid or 0)
                db.execute("DELETE FROM feedback WHERE id <= ?", [row_id - MAX_FEEDBACK])
        return FeedbackOut(
            id=row_id, query=kept_query, problem_id=problem_id, verdict=verdict, created_at=created_at
        )

    def add_unanswered(self, query: str) -> None:
        """Count ``query`` as asked once more without a confident answer."""
        key = _query_key(query)
        if not key:
            return
        now = _now()
        with self._lock:
            db = self._open()
            with db.conn:
                inserted = db.execute(
                    "INSERT INTO unanswered (query_key, query, asked, first_asked, last_asked) "
                    "VALUES (?, ?, 1, ?, ?) ON CONFLICT(query_key) DO UPDATE SET "
                    "asked = asked + 1, query = excluded.query, last_asked = excluded.last_asked "
                    "RETURNING asked",
                    [key, _kept(query), now, now],
                ).fetchone()
                if inserted and inserted[0] == 1:
                    self._forget_least_asked(db)

    @staticmethod
    def _forget_least_asked(db: Database) -> None:
        count = db.execute("SELECT count(*) FROM unanswered").fetchone()[0]
        if count > MAX_UNANSWERED:
            db.execute(
                "DELETE FROM unanswered WHERE query_key IN (SELECT query_key FROM unanswered "
                "ORDER BY asked, last_asked LIMIT ?)",
                [count - MAX_UNANSWERED],
            )

    def report(self, limit: int = 50) -> FeedbackReport:
        """The most-asked unanswered queries, verdicts per problem, and the latest verdicts."""
        with self._lock:
            db = self._open()
            unanswered = [
                UnansweredQuery(**row)
                for row in db.query(
                    "SELECT query, asked, first_asked, last_asked FROM unanswered "
                    "ORDER BY asked DESC, last_asked DESC LIMIT ?",
                    [limit],
                )
            ]
            problems = [
                ProblemVerdicts(**row)
                for row in db.query(
                    "SELECT problem_id, sum(verdict = 'yes') AS yes, sum(verdict = 'no') AS no "
                    "FROM feedback GROUP BY problem_id ORDER BY no DESC, yes ASC, problem_id LIMIT ?",
                    [limit],
                )
            ]
            feedback = [
                FeedbackOut(**row)
                for row in db.query(
                    "SELECT id, query, problem_id, verdict, created_at FROM feedback ORDER BY id DESC LIMIT ?",
                    [limit],
                )
            ]
            total = db.table("feedback").count
        return FeedbackReport(
            unanswered=unanswered, problems=problems, feedback=feedback, total_feedback=total
        )

    def close(self) -> None:
        """Close the connection (a later call opens it again)."""
        with self._lock:
            if self._db is not None:
                self._db.conn.close()
                self._db = None
