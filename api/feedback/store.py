"""The feedback store's one interface, and the statements every backend runs.

Both backends (:mod:`api.feedback.sqlite`, :mod:`api.feedback.postgres`) run the
same statements below, so scrubbing, bounds and eviction are written once; a
backend only opens transactions.

Bounds: raw rows age out (the oldest verdicts, the least-asked unanswered
queries), but the verdict counts per problem are kept for good, so no flood of
posts can erase what genuine readers said about an answer.
"""

from __future__ import annotations

import hashlib
import logging
import re
import sqlite3
import time
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from datetime import UTC, datetime
from typing import Any

from api.feedback.credentials import hide_credentials, hide_elements
from api.limits import DEFAULT_REPORT_ROWS, STORED_QUERY_CHARS
from api.models import FeedbackOut, FeedbackReport, ProblemVerdicts, UnansweredQuery, Verdict
from indexer.errortext import clean, comparable, redact_values

log = logging.getLogger("kb.feedback")

# Distinct unanswered queries kept; past this the least asked are forgotten, so a
# client sending endless unique nonsense cannot grow the store without bound.
MAX_UNANSWERED = 10_000
# Verdict rows kept; the oldest go first (their counts per problem stay). Bounded for the same reason.
MAX_FEEDBACK = 200_000
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
# Migration 3 (SQLite), 4 (PostgreSQL): the keys stored as text become digests (see key_digest),
# each backend computing SHA-256 its own way.
DIGEST_UNANSWERED_KEYS = "UPDATE unanswered SET query_key = {digest}"
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


# Of a query, what is read to keep or count it: values and credentials removed, what is left
# is cut to STORED_QUERY_CHARS; a megabyte log pasted need not be scanned to its end for that.
MAX_READ_CHARS = 8 * STORED_QUERY_CHARS
_LAST_WORD = re.compile(r"\S+\Z")


def _kept(query: str) -> str:
    # Pasted errors carry user names, tenants, addresses and at times a password or token;
    # the authors need the wording only.
    # Elements first: redact_values reads "<password>" as a placeholder, leaving the value between.
    return hide_credentials(redact_values(hide_elements(clean(_head(query)))))[:STORED_QUERY_CHARS]


def _query_key(query: str) -> str:
    # The same error with another user name or request id counts as the same question. Only a
    # digest of that form is stored: it still holds what the kept text hides (a password in a
    # shape no pattern knows, an address where the comparable form is empty and the text is used).
    query = hide_credentials(clean(_head(query)))
    form = (comparable(query) or query.lower())[:STORED_QUERY_CHARS]
    return key_digest(form) if form else ""


# The tables whose stored texts are scrubbed again when the credential patterns grow, by the
# column that names a row.
_SCRUBBED_TEXTS = (("feedback", "id"), ("unanswered", "query_key"))


def rescrub_stored_texts(
    read: Callable[[str], Iterable[tuple[Any, str]]],
    write_many: Callable[[str, list[tuple[str, Any]]], object],
) -> None:
    """Hide again what the credential patterns now hide in the stored queries: rows written before
    a pattern existed (``mysql -pHunter2``, kept until then). Migrations m004 on SQLite and m005
    on PostgreSQL run it, with ``read`` (a query's rows) and ``write_many`` (a statement run
    once per parameter row) of their connection; parameters are marked ``?``."""
    for table, row in _SCRUBBED_TEXTS:
        stored = read(f"SELECT {row}, query FROM {table}")
        changed = [(hidden, key) for key, text in stored if (hidden := hide_credentials(text)) != text]
        write_many(f"UPDATE {table} SET query = ? WHERE {row} = ?", changed)


def key_digest(form: str) -> str:
    """The key an unanswered query is counted by: a SHA-256 digest (hex) of its comparable ``form``."""
    return hashlib.sha256(form.encode("utf-8")).hexdigest()


def _head(query: str) -> str:
    """The first MAX_READ_CHARS of ``query``, without what that cuts through: the first half of a
    password (its URL's "@", or its closing quote, past the cut) would no longer be seen as one.

    Where the cut goes through a word, the word goes (unless it is all there is: a query of one
    long word is still counted); where it goes through a quoted value, the value goes. NUL
    characters become spaces: PostgreSQL's text cannot hold them, and a query that failed to be
    stored for one would count as the store being down, for every client.
    """
    query = query.replace("\x00", " ")
    if len(query) <= MAX_READ_CHARS:
        return query
    head = query[:MAX_READ_CHARS]
    if not query[MAX_READ_CHARS].isspace():
        cut = _LAST_WORD.sub("", head)
        if not cut.strip():
            return head
        head = cut
    line = head.rfind("\n") + 1
    for quote in "\"'":
        if head.count(quote, line) % 2:
            head = head[: head.rfind(quote)]
    return head


class FeedbackStore(ABC):
    """Where verdicts and unanswered queries are kept; the backends only open transactions.

    Every call either succeeds or raises :class:`FeedbackUnavailable`; after a
    failure the store answers "unavailable" at once for :data:`RETRY_SECONDS`,
    then tries again, so it recovers by itself when the database comes back.
    """

    #: Exceptions of the backend that mean "the database is unreachable or broken".
    errors: tuple[type[Exception], ...] = (sqlite3.Error, OSError)
    #: What :meth:`ping` asks of the store.
    ping_sql = "SELECT 1"

    def __init__(self, location: str) -> None:
        #: Where the store is, for messages (never with a password in it).
        self.location = location
        self._down_until = 0.0

    @abstractmethod
    def _transaction(self, timeout: float | None = None) -> AbstractContextManager[Run]:
        """One transaction: committed when the block ends, rolled back when it raises.

        ``timeout``: longest the call may wait, for a connection and on the database (None: the
        backend's own limit, which every backend has: a call never waits for good).
        """

    @abstractmethod
    def close(self) -> None:
        """Close the connections (a later call opens them again)."""

    def _refuse_while_down(self) -> None:
        """Raise :class:`FeedbackUnavailable` at once while a failure keeps the store from being tried."""
        if time.monotonic() < self._down_until:
            raise FeedbackUnavailable(f"feedback store {self.location} is unavailable; retrying shortly")

    @contextmanager
    def session(self, timeout: float | None = None) -> Iterator[Run]:
        """One transaction (as :meth:`_transaction`) under the store's failure rule: refused with
        :class:`FeedbackUnavailable` at once while the store is down; a failure of the backend marks
        it down for :data:`RETRY_SECONDS` and raises :class:`FeedbackUnavailable`.
        """
        self._refuse_while_down()
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
        """Raise :class:`FeedbackUnavailable` unless the store answers :attr:`ping_sql` within ``timeout`` s.

        A failed ping does not mark the store down as a failed write does: a health check that
        met another process's short write would have refused the writes after it for RETRY_SECONDS.
        """
        self._refuse_while_down()
        try:
            with self._transaction(timeout) as run:
                run(self.ping_sql, [])
        except self.errors as exc:
            raise FeedbackUnavailable(f"feedback store {self.location} does not answer: {exc}") from exc

    def add_feedback(self, query: str, problem_id: str, verdict: Verdict) -> FeedbackOut:
        """Store one verdict on the answer ``problem_id`` gave to ``query``."""
        kept_query, created_at = _kept(query), _now()
        yes = int(verdict == "yes")
        with self.session() as run:
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
        with self.session() as run:
            [(asked,)] = run(UPSERT_UNANSWERED, [key, _kept(query), now, now])
        if asked == 1:
            # Its own transaction: the upsert's row lock is not held while scanning for the least asked.
            with self.session() as run:
                [(count,)] = run(COUNT_UNANSWERED, [])
                if count > MAX_UNANSWERED:
                    run(EVICT_UNANSWERED, [count - MAX_UNANSWERED])

    def report(self, limit: int = DEFAULT_REPORT_ROWS) -> FeedbackReport:
        """The most-asked unanswered queries, verdicts per problem, and the latest verdicts."""
        with self.session() as run:
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
