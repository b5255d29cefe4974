"""Feedback on PostgreSQL, for several replicas writing to one store (``KB_FEEDBACK_URL``).

The statements, scrubbing and bounds are :mod:`api.feedback.store`'s; this module only
holds the connection pool (psycopg 3 with psycopg_pool) and the schema migrations in
PostgreSQL's dialect. ``kb feedback migrate`` (a SQLite file into PostgreSQL) is
:mod:`api.feedback.migrate`.
"""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from typing import Any

import psycopg
from psycopg.conninfo import conninfo_to_dict, make_conninfo
from psycopg_pool import ConnectionPool, PoolTimeout

from api.feedback.sqlite import BUSY_SECONDS
from api.feedback.store import (
    BACKFILL_VERDICT_COUNTS,
    CREATE_VERDICT_COUNTS,
    DIGEST_UNANSWERED_KEYS,
    FeedbackStore,
    Run,
    rescrub_stored_texts,
)

# How long a call waits for a pooled connection, and a new connection for the server.
POOL_TIMEOUT = 2.0
CONNECT_TIMEOUT = 2
POOL_MAX = 4
# Longest a call waits on the server once connected, counted from the call's start: as long as
# the SQLite file's (BUSY_SECONDS), and well inside the widget's 15 s, so a reader told "not sent"
# never has the verdict stored later. The server's statement_timeout ends a wait on a lock; what
# cuts the connection CUT_GRACE later is for a server that does not run at all (stopped, or its
# host gone while its TCP peer still acknowledges), whose own timeout never fires.
QUERY_SECONDS = BUSY_SECONDS
CUT_GRACE = 0.5
# Any constant shared by every replica: replicas starting together migrate one at a time.
MIGRATION_LOCK = 0x6B625F6662  # "kb_fb"


def _rescrub_stored_texts(conn: psycopg.Connection[Any]) -> None:
    with conn.cursor() as cursor:
        rescrub_stored_texts(
            lambda sql: conn.execute(sql).fetchall(),
            lambda sql, rows: cursor.executemany(dialect(sql), rows),
        )


# Each migration: SQL statements, or a function of the connection for work SQL cannot do.
MIGRATIONS: list[tuple[str, list[str | Callable[[psycopg.Connection[Any]], None]]]] = [
    (
        "m001_feedback",
        [
            "CREATE TABLE feedback (id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, query TEXT NOT NULL, "
            "problem_id TEXT NOT NULL, verdict TEXT NOT NULL, created_at TEXT NOT NULL)",
            "CREATE INDEX feedback_problem_id ON feedback (problem_id)",
            "CREATE TABLE unanswered (query_key TEXT PRIMARY KEY, query TEXT NOT NULL, asked BIGINT NOT NULL, "
            "first_asked TEXT NOT NULL, last_asked TEXT NOT NULL)",
            "CREATE INDEX unanswered_asked ON unanswered (asked)",
        ],
    ),
    ("m002_verdict_counts", [CREATE_VERDICT_COUNTS, BACKFILL_VERDICT_COUNTS]),
    # What `kb feedback migrate` copied, by a digest of the rows: the same file copied twice
    # would count every verdict twice. Written no more (m006 records the rows), still read to know
    # a file copied before, and locked by each copy so that two at once take turns.
    (
        "m003_copied_files",
        [
            "CREATE TABLE kb_feedback_copied (digest TEXT PRIMARY KEY, source TEXT NOT NULL, "
            "copied_at TIMESTAMPTZ NOT NULL DEFAULT now())"
        ],
    ),
    (
        "m004_unanswered_key_digests",
        [DIGEST_UNANSWERED_KEYS.format(digest="encode(sha256(convert_to(query_key, 'UTF8')), 'hex')")],
    ),
    ("m005_rescrub_stored_texts", [_rescrub_stored_texts]),
    # What `kb feedback migrate` copied from each file (by the file's store id), row by row: a file
    # copied again after its server recorded more gives only what is new.
    (
        "m006_copied_rows",
        [
            "CREATE TABLE kb_feedback_sources (store_id TEXT PRIMARY KEY, source TEXT NOT NULL, "
            "last_feedback_id BIGINT NOT NULL, copied_at TIMESTAMPTZ NOT NULL DEFAULT now())",
            "CREATE TABLE kb_feedback_source_verdicts (store_id TEXT NOT NULL, problem_id TEXT NOT NULL, "
            "yes BIGINT NOT NULL, no BIGINT NOT NULL, PRIMARY KEY (store_id, problem_id))",
            "CREATE TABLE kb_feedback_source_unanswered (store_id TEXT NOT NULL, query_key TEXT NOT NULL, "
            "first_asked TEXT NOT NULL, asked BIGINT NOT NULL, PRIMARY KEY (store_id, query_key))",
        ],
    ),
    # A password in an XML element, or after an "=" written %3D or \u003d, was kept until then.
    ("m007_rescrub_encoded_credentials", [_rescrub_stored_texts]),
]


def redact_url(url: str) -> str:
    """``url`` without its password, for logs and messages."""
    try:
        params = conninfo_to_dict(url)
    except psycopg.ProgrammingError:
        return "postgresql://(unparsable URL)"
    host, port, dbname, user = (str(params.get(k) or "") for k in ("host", "port", "dbname", "user"))
    return f"postgresql://{user + '@' if user else ''}{host}{':' + port if port else ''}/{dbname}"


def dialect(sql: str) -> str:
    """``sql`` (one of the shared statements, or one written like them) with psycopg's parameter markers."""
    # The shared statements mark parameters with ?, psycopg with %s; none contains a literal ? or %.
    return sql.replace("?", "%s")


def _migrate(conn: psycopg.Connection[Any]) -> None:
    with conn.transaction():
        conn.execute("SELECT pg_advisory_xact_lock(%s)", [MIGRATION_LOCK])
        conn.execute(
            "CREATE TABLE IF NOT EXISTS kb_feedback_migrations "
            "(name TEXT PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())"
        )
        done = {name for (name,) in conn.execute("SELECT name FROM kb_feedback_migrations")}
        for name, statements in MIGRATIONS:
            if name in done:
                continue
            for statement in statements:
                if isinstance(statement, str):
                    conn.execute(statement)
                else:
                    statement(conn)
            conn.execute("INSERT INTO kb_feedback_migrations (name) VALUES (%s)", [name])


@contextmanager
def _cut_after(conn: psycopg.Connection[Any], seconds: float) -> Iterator[None]:
    """Shut ``conn``'s socket down if the block still runs after ``seconds``, so a call waiting on
    the server gets an error instead of waiting for good; the pool then discards the connection.

    Only shut down, never closed: libpq still owns the descriptor, and closing it under a call in
    progress could hand its number to another file.
    """
    lock = threading.Lock()
    finished = False

    def cut() -> None:
        with lock:
            if finished:
                return
            try:
                with socket.socket(fileno=os.dup(conn.pgconn.socket)) as sock:
                    sock.shutdown(socket.SHUT_RDWR)
            except (OSError, psycopg.Error):
                pass  # already closed: the call has its error

    timer = threading.Timer(max(0.0, seconds), cut)
    timer.daemon = True
    timer.start()
    try:
        yield
    finally:
        with lock:
            finished = True
        timer.cancel()


def _check(conn: psycopg.Connection[Any]) -> None:
    # The pool's own check of a connection before handing it out, bounded: against a stopped
    # server it waited for good, before any timeout of the call could start.
    with _cut_after(conn, POOL_TIMEOUT):
        ConnectionPool.check_connection(conn)


class PostgresFeedbackStore(FeedbackStore):
    """Feedback in a PostgreSQL database, shared by every replica; a small pool per process."""

    errors = (psycopg.Error, PoolTimeout, OSError)

    def __init__(self, url: str) -> None:
        super().__init__(redact_url(url))
        self._conninfo = make_conninfo(url, connect_timeout=CONNECT_TIMEOUT, application_name="kb-answer")
        self._pool: ConnectionPool[psycopg.Connection[Any]] | None = None
        self._migrated = False

    def _open(self) -> ConnectionPool[psycopg.Connection[Any]]:
        if self._pool is None:
            # Opened without waiting: a replica starts (and answers matches) while PostgreSQL is down.
            self._pool = ConnectionPool(
                self._conninfo,
                min_size=1,
                max_size=POOL_MAX,
                timeout=POOL_TIMEOUT,
                check=_check,
                name="kb-feedback",
                open=False,
            )
            self._pool.open(wait=False)
        return self._pool

    def connection(self) -> AbstractContextManager[psycopg.Connection[Any]]:
        """A connection of the pool for work beyond the shared statements (``kb feedback migrate``),
        given back when the block ends; waits at most the pool's timeout for it.

        Unlike the store's own calls it neither brings the schema up to date (call :meth:`ping`
        first) nor bounds the time spent on the server, nor marks the store down on a failure.
        """
        return self._open().connection()

    @contextmanager
    def _transaction(self, timeout: float | None = None) -> Iterator[Run]:
        deadline = time.monotonic() + (QUERY_SECONDS if timeout is None else timeout)
        with self._open().connection(timeout=timeout) as conn:
            if not self._migrated:
                _migrate(conn)
                self._migrated = True
            left = deadline - time.monotonic()
            with _cut_after(conn, left + CUT_GRACE), conn.transaction():
                # The server ends a statement (a wait on a lock) when the call's time is up, leaving
                # the connection usable; SET LOCAL ends with the transaction.
                conn.execute(
                    "SELECT set_config('statement_timeout', %s, true)", [f"{max(1, int(left * 1000))}ms"]
                )

                def run(sql: str, params: Any) -> list[tuple[Any, ...]]:
                    cursor = conn.execute(dialect(sql), params)
                    return cursor.fetchall() if cursor.description else []

                yield run

    def close(self) -> None:
        """Close the pool (a later call opens a new one)."""
        if self._pool is not None:
            self._pool.close()
            self._pool = None
