"""Feedback on PostgreSQL, for several replicas writing to one store (``KB_FEEDBACK_URL``).

The statements, scrubbing and bounds are :mod:`api.feedback.store`'s; this module only
holds the connection pool (psycopg 3 with psycopg_pool), the schema migrations in
PostgreSQL's dialect, and ``kb feedback migrate`` (a SQLite file into PostgreSQL).
"""

from __future__ import annotations

import hashlib
import json
import os
import socket
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import psycopg
from psycopg.conninfo import conninfo_to_dict, make_conninfo
from psycopg_pool import ConnectionPool, PoolTimeout

from api.feedback.sqlite import BUSY_SECONDS, SqliteFeedbackStore
from api.feedback.store import (
    BACKFILL_VERDICT_COUNTS,
    COUNT_VERDICT,
    CREATE_VERDICT_COUNTS,
    DIGEST_UNANSWERED_KEYS,
    FeedbackStore,
    Run,
    rescrub_stored_texts,
)
from indexer.index_file import sqlite_uri

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
            lambda sql, rows: cursor.executemany(_dialect(sql), rows),
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


def _dialect(sql: str) -> str:
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
                    cursor = conn.execute(_dialect(sql), params)
                    return cursor.fetchall() if cursor.description else []

                yield run

    def close(self) -> None:
        """Close the pool (a later call opens a new one)."""
        if self._pool is not None:
            self._pool.close()
            self._pool = None


@dataclass
class Counts:
    """What a feedback store holds, as compared before and after a migration."""

    feedback_rows: int
    verdicts: int
    problems: int
    unanswered: int
    asked: int

    def __add__(self, other: Counts) -> Counts:
        return Counts(
            self.feedback_rows + other.feedback_rows,
            self.verdicts + other.verdicts,
            self.problems + other.problems,
            self.unanswered + other.unanswered,
            self.asked + other.asked,
        )


COUNTS = (
    "SELECT (SELECT count(*) FROM feedback), (SELECT coalesce(sum(yes + no), 0) FROM verdict_counts), "
    "(SELECT count(*) FROM verdict_counts), (SELECT count(*) FROM unanswered), "
    "(SELECT coalesce(sum(asked), 0) FROM unanswered)"
)


@dataclass
class MigrationReport:
    """What ``kb feedback migrate`` moved, and what the target held before and holds after."""

    source: Counts
    before: Counts
    after: Counts
    #: When rows of the same file were copied before (what was copied is only what is new since), else None.
    since: datetime | None = None


# What `kb feedback migrate` reads of a file, and digests to know it again.
# Verdict rows with their ids (which rows were copied); the digests leave the ids out.
READ_FEEDBACK = "SELECT id, query, problem_id, verdict, created_at FROM feedback ORDER BY id"
READ_VERDICTS = "SELECT problem_id, yes, no FROM verdict_counts"
READ_UNANSWERED = "SELECT query_key, query, asked, first_asked, last_asked FROM unanswered"


class MigrationMismatch(Exception):
    """The target's counts after a copy are not its counts before plus the source's; nothing was kept."""


class AlreadyCopied(Exception):
    """The same rows were copied into the target before; nothing was copied again."""


class CopiedUnknown(Exception):
    """Rows of the file were copied before but what was copied cannot be told apart; nothing was copied."""


@dataclass
class _Copied:
    """What was copied from one file before: its last verdict row's id, and its counts then."""

    source: str
    copied_at: datetime
    last_feedback_id: int
    verdicts: dict[str, tuple[int, int]]
    unanswered: dict[str, tuple[str, int]]


def migrate_sqlite(source: Path, target: PostgresFeedbackStore) -> MigrationReport:
    """Copy the verdicts, counts and unanswered queries of the SQLite file ``source`` into ``target``
    that were not copied from it before.

    One transaction: the counts of the target afterwards must equal its counts
    before plus what is copied (a query asked in both is merged, so unanswered
    queries compare by times asked), or nothing is kept and
    :class:`MigrationMismatch` is raised. Rows are copied as stored (already
    scrubbed); verdicts get new ids in the order they were given.

    What was copied is recorded by the file's store id: run again, only what its
    server recorded since is copied (verdict rows past the last one copied, the
    counts' increase); with nothing new, :class:`AlreadyCopied` is raised. Rows
    of the file copied by a version that recorded no more than their digest are
    known only as a whole: unchanged, :class:`AlreadyCopied`; changed,
    :class:`CopiedUnknown`. A file holding less than was copied from it (an
    older backup of it) is refused with :class:`CopiedUnknown` too.
    """
    if not source.is_file():
        raise FileNotFoundError(f"no feedback file at {source}")
    with source.open("rb") as handle:
        if handle.read(16) != b"SQLite format 3\x00":
            raise sqlite3.DatabaseError(f"{source} is not a SQLite file")
    # A file copied before its unanswered keys became digests was recorded by the digest of its
    # rows as they were then: read them so before its migrations run, to know it again.
    earlier = digest_before_key_digests(source)
    local = SqliteFeedbackStore(source)
    try:
        with local._session() as read:  # applies the file's own pending migrations first
            [(store_id,)] = read("SELECT id FROM store_id", [])
            feedback = read(READ_FEEDBACK, [])
            verdicts = read(READ_VERDICTS, [])
            unanswered = read(READ_UNANSWERED, [])
    finally:
        local.close()
    digest = _digest([row[1:] for row in feedback], verdicts, unanswered)
    target.ping()  # connects and brings the schema up to date
    with target._open().connection() as conn, conn.transaction(), conn.cursor() as cursor:
        # Two copies at once: the second waits here, then finds what the first copied.
        cursor.execute("LOCK TABLE kb_feedback_copied IN EXCLUSIVE MODE")
        copied = _copied_before(cursor, store_id)
        if copied is None:
            _refuse_copied_whole(cursor, source, [d for d in (digest, earlier) if d])
            copied = _Copied(str(source), datetime.now(UTC), 0, {}, {})
            since = None
        else:
            since = copied.copied_at
        rows, counts, asked = _new_since(copied, source, feedback, verdicts, unanswered)
        src = Counts(
            len(rows),
            sum(yes + no for _, yes, no in counts),
            len(counts),
            len(asked),
            sum(int(row[2]) for row in asked),
        )
        if since is not None and src == Counts(0, 0, 0, 0, 0):
            raise AlreadyCopied(
                f"these rows were copied from {copied.source} on {since:%Y-%m-%d %H:%M:%S %Z} and none was "
                "added since; nothing copied again"
            )
        before = Counts(*(int(n) for n in cursor.execute(COUNTS).fetchone() or ()))
        # executemany pipelines the rows: 200,000 verdicts are not 200,000 round trips.
        cursor.executemany(_dialect(COPY_FEEDBACK), rows)
        cursor.executemany(_dialect(COUNT_VERDICT), counts)
        cursor.executemany(_dialect(MERGE_UNANSWERED), asked)
        after = Counts(*(int(n) for n in cursor.execute(COUNTS).fetchone() or ()))
        expected = before + src
        merged = expected.unanswered - after.unanswered
        if (after.feedback_rows, after.verdicts, after.asked) != (
            expected.feedback_rows,
            expected.verdicts,
            expected.asked,
        ) or not 0 <= merged <= src.unanswered:
            raise MigrationMismatch(f"counts after the copy {after} are not {before} plus {src}; rolled back")
        _record_copied(cursor, store_id, source, feedback, verdicts, unanswered, copied.last_feedback_id)
    return MigrationReport(source=src, before=before, after=after, since=since)


def _copied_before(cursor: psycopg.Cursor[Any], store_id: str) -> _Copied | None:
    """What was copied from the file with ``store_id`` before, or None."""
    found = cursor.execute(
        "SELECT source, copied_at, last_feedback_id FROM kb_feedback_sources WHERE store_id = %s", [store_id]
    ).fetchone()
    if found is None:
        return None
    verdicts = cursor.execute(
        "SELECT problem_id, yes, no FROM kb_feedback_source_verdicts WHERE store_id = %s", [store_id]
    ).fetchall()
    unanswered = cursor.execute(
        "SELECT query_key, first_asked, asked FROM kb_feedback_source_unanswered WHERE store_id = %s",
        [store_id],
    ).fetchall()
    return _Copied(
        source=found[0],
        copied_at=found[1],
        last_feedback_id=int(found[2]),
        verdicts={p: (int(y), int(n)) for p, y, n in verdicts},
        unanswered={k: (f, int(a)) for k, f, a in unanswered},
    )


def _refuse_copied_whole(cursor: psycopg.Cursor[Any], source: Path, digests: list[str]) -> None:
    """Raise when an earlier version copied this file, which it recorded only by a digest of all
    its rows (and the name it was given): unchanged, :class:`AlreadyCopied`; changed since,
    :class:`CopiedUnknown`, since which of its rows were copied is not known."""
    copied = cursor.execute(
        "SELECT source, copied_at, digest = ANY(%s) FROM kb_feedback_copied WHERE digest = ANY(%s) OR source = %s "
        "ORDER BY digest = ANY(%s) DESC LIMIT 1",
        [digests, digests, str(source), digests],
    ).fetchone()
    if copied is None:
        return
    when = f"{copied[1]:%Y-%m-%d %H:%M:%S %Z}"
    if copied[2]:
        raise AlreadyCopied(f"these rows were copied from {copied[0]} on {when}; nothing copied again")
    raise CopiedUnknown(
        f"{source} was copied on {when} by an earlier kb-answer, which did not record which rows it copied, "
        "and has changed since; copying it again would count those rows twice; nothing copied"
    )


def _new_since(
    copied: _Copied,
    source: Path,
    feedback: list[tuple[Any, ...]],
    verdicts: list[tuple[Any, ...]],
    unanswered: list[tuple[Any, ...]],
) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]], list[tuple[Any, ...]]]:
    """What the file holds that was not copied from it: verdict rows past the last one copied,
    each problem's verdicts counted since, and each query's times asked since (all of them for a
    query the file forgot and was asked again: its first asked is not the one copied)."""
    behind = CopiedUnknown(
        f"{source} holds fewer verdicts or askings than were copied from it on "
        f"{copied.copied_at:%Y-%m-%d %H:%M:%S %Z} (an older copy of the file?); nothing copied"
    )
    if feedback and int(feedback[-1][0]) < copied.last_feedback_id:
        raise behind
    rows = [tuple(row[1:]) for row in feedback if int(row[0]) > copied.last_feedback_id]
    counts = []
    now = {str(problem): (int(yes), int(no)) for problem, yes, no in verdicts}
    for problem, (was_yes, was_no) in copied.verdicts.items():
        yes, no = now.get(problem, (0, 0))
        if yes < was_yes or no < was_no:
            raise behind
    for problem, (yes, no) in now.items():
        was_yes, was_no = copied.verdicts.get(problem, (0, 0))
        if (yes, no) != (was_yes, was_no):
            counts.append((problem, yes - was_yes, no - was_no))
    asked = []
    for key, query, times, first_asked, last_asked in unanswered:
        was_first, was_asked = copied.unanswered.get(key, ("", 0))
        since = int(times) - was_asked if first_asked == was_first else int(times)
        if since < 0:
            raise behind
        if since:
            asked.append((key, query, since, first_asked, last_asked))
    return rows, counts, asked


def _record_copied(
    cursor: psycopg.Cursor[Any],
    store_id: str,
    source: Path,
    feedback: list[tuple[Any, ...]],
    verdicts: list[tuple[Any, ...]],
    unanswered: list[tuple[Any, ...]],
    last_feedback_id: int,
) -> None:
    """Record what the file with ``store_id`` holds now as copied."""
    last = max([last_feedback_id, *(int(row[0]) for row in feedback)])
    cursor.execute(
        "INSERT INTO kb_feedback_sources (store_id, source, last_feedback_id) VALUES (%s, %s, %s) "
        "ON CONFLICT (store_id) DO UPDATE SET source = excluded.source, "
        "last_feedback_id = excluded.last_feedback_id, copied_at = now()",
        [store_id, str(source), last],
    )
    # Only the queries the file still holds: one it forgot and is asked again is new, whatever was copied.
    for table in ("kb_feedback_source_verdicts", "kb_feedback_source_unanswered"):
        cursor.execute(f"DELETE FROM {table} WHERE store_id = %s", [store_id])
    cursor.executemany(
        "INSERT INTO kb_feedback_source_verdicts (store_id, problem_id, yes, no) VALUES (%s, %s, %s, %s)",
        [(store_id, *row) for row in verdicts],
    )
    cursor.executemany(
        "INSERT INTO kb_feedback_source_unanswered (store_id, query_key, first_asked, asked) "
        "VALUES (%s, %s, %s, %s)",
        [(store_id, key, first_asked, times) for key, _, times, first_asked, _ in unanswered],
    )


def digest_before_key_digests(source: Path) -> str | None:
    """The digest of ``source``'s rows as they were stored before migration m003 turned its
    unanswered keys into digests, when it has not run on that file yet; else None."""
    conn = sqlite3.connect(sqlite_uri(source, "ro"), uri=True)
    try:
        applied = {name for (name,) in conn.execute("SELECT name FROM _sqlite_migrations")}
        if "m002_verdict_counts" not in applied or "m003_unanswered_key_digests" in applied:
            return None
        feedback, verdicts, unanswered = (
            conn.execute(sql).fetchall() for sql in (READ_FEEDBACK, READ_VERDICTS, READ_UNANSWERED)
        )
    except sqlite3.Error:
        return None
    finally:
        conn.close()
    return _digest([row[1:] for row in feedback], verdicts, unanswered)


def _digest(*tables: list[Any]) -> str:
    """A digest of every row read from a feedback file, in a fixed order."""
    digest = hashlib.sha256()
    for rows in tables:
        for row in sorted(map(tuple, rows), key=repr):
            digest.update(json.dumps(row).encode("utf-8"))
        digest.update(b"\x00")
    return digest.hexdigest()


COPY_FEEDBACK = "INSERT INTO feedback (query, problem_id, verdict, created_at) VALUES (?, ?, ?, ?)"
MERGE_UNANSWERED = (
    "INSERT INTO unanswered (query_key, query, asked, first_asked, last_asked) VALUES (?, ?, ?, ?, ?) "
    "ON CONFLICT (query_key) DO UPDATE SET asked = unanswered.asked + excluded.asked, "
    "first_asked = least(unanswered.first_asked, excluded.first_asked), "
    "last_asked = greatest(unanswered.last_asked, excluded.last_asked)"
)
