"""Feedback in a SQLite file, the default for one machine (``KB_FEEDBACK_DB``).

The file runs in WAL mode with a busy timeout, so several server workers can
write at once; its schema is created by sqlite-utils migrations on first use.
"""

from __future__ import annotations

import os
import sqlite3
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from api.feedback.store import (
    BACKFILL_VERDICT_COUNTS,
    CREATE_VERDICT_COUNTS,
    DIGEST_UNANSWERED_KEYS,
    FeedbackStore,
    Run,
    key_digest,
    rescrub_stored_texts,
)
from indexer.index_file import sqlite_uri

SETUP_ATTEMPTS = 40
# Longest a call waits for the file while another process writes it (SQLite's busy timeout),
# counting the wait for this process's other calls: one budget, not one per call queued
# before it (four posts behind a locked file failed after 10, 10, 20 and 30 s).
BUSY_SECONDS = 10.0

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


@migrations()
def m003_unanswered_key_digests(db: Database) -> None:
    """Unanswered queries counted by a digest of their comparable form, which was kept as text."""
    db.conn.create_function("kb_key_digest", 1, key_digest, deterministic=True)
    db.execute(DIGEST_UNANSWERED_KEYS.format(digest="kb_key_digest(query_key)"))


@migrations()
def m004_rescrub_stored_texts(db: Database) -> None:
    """Stored queries scrubbed again by the credential patterns added since they were kept."""
    rescrub_stored_texts(lambda sql: db.execute(sql).fetchall(), db.conn.executemany)


@migrations()
def m005_store_id(db: Database) -> None:
    """A random id naming this file's rows, by which ``kb feedback migrate`` knows which of them it
    copied before (a copy of the file holds the same rows, and has the same id)."""
    # One row at most, whichever worker gets here first.
    db.execute("CREATE TABLE store_id (one INTEGER PRIMARY KEY CHECK (one = 1), id TEXT NOT NULL)")
    db.execute("INSERT INTO store_id (one, id) VALUES (1, ?)", [uuid.uuid4().hex])


@migrations()
def m006_rescrub_encoded_credentials(db: Database) -> None:
    """Stored queries scrubbed again: a password in an XML element, or after an "=" written %3D or
    \\u003d, was kept until the patterns knew these forms."""
    rescrub_stored_texts(lambda sql: db.execute(sql).fetchall(), db.conn.executemany)


# The tables the migrations create. Python's sqlite3 commits a CREATE TABLE at once, before the
# migration is recorded: a worker that looks in between sees some of them and no record yet.
OWN_TABLES = {"_sqlite_migrations", "feedback", "unanswered", "verdict_counts", "store_id"}


def _refuse_foreign(db: Database) -> None:
    """Raise sqlite3.DatabaseError when ``db`` holds tables but no feedback: someone else's file,
    the index itself say, which setting up the feedback tables would change."""
    if not migrations.applied(db) and set(db.table_names()) - OWN_TABLES:
        raise sqlite3.DatabaseError(
            "it holds other tables and no feedback (is it the index?); feedback is kept in a file of its own"
        )


class OlderSchema(sqlite3.OperationalError):
    """A feedback file opened to be read has migrations pending, which would write to it."""


def _open_read_only(path: Path) -> Database:
    """The feedback file at ``path`` opened read-only, its schema checked to be current."""
    uri = sqlite_uri(path, "ro")
    if not Path(f"{path}-wal").exists():
        # Closed cleanly: no process has it open. Read as immutable, since a read-only connection
        # to a file in WAL mode creates its -shm (and -wal), which fails where the folder cannot be
        # written and elsewhere leaves files owned by whoever read the report. A writer opening it
        # meanwhile writes to a -wal of its own, not to these bytes (until a checkpoint).
        uri += "&immutable=1"
    conn = sqlite3.connect(uri, uri=True, check_same_thread=False, timeout=BUSY_SECONDS)
    try:
        db = Database(conn)
        _refuse_foreign(db)
        if pending := migrations.pending(db):
            raise OlderSchema(
                f"it was written by an older kb-answer and must be brought up to date "
                f"({', '.join(m.name for m in pending)}) by a user who may write it: run `kb feedback` "
                "or `kb serve` as that user once"
            )
    except BaseException:
        conn.close()
        raise
    return db


def _identity(path: Path) -> tuple[int, int] | None:
    """The device and inode of the file at ``path`` (None where there is none)."""
    try:
        found = os.stat(path)
    except OSError:
        return None
    return (found.st_dev, found.st_ino)


class SqliteFeedbackStore(FeedbackStore):
    """The feedback file: one connection, shared by the threads of one process."""

    def __init__(self, path: Path, read_only: bool = False) -> None:
        """The store in the file at ``path``; with ``read_only``, for reports, opened without writing
        (no WAL mode applied, no migration run), so read access to the file is enough."""
        super().__init__(str(path))
        self.path = path
        self.read_only = read_only
        self._lock = threading.Lock()
        if not read_only:
            # A read answers while another process holds the file's write lock, for which every
            # write waits: the store is ready when it could be written.
            self.ping_sql = "BEGIN IMMEDIATE"
        self._db: Database | None = None
        # The file the connection has open (device, inode): see _open.
        self._file: tuple[int, int] | None = None

    def _open(self) -> Database:
        if self._db is not None and self._file != _identity(self.path):
            # The file was removed or another put in its place (a restore) while serving: verdicts
            # written to the connection's file went nowhere anyone reads, with 201 for each.
            self._db.conn.close()
            self._db = None
        if self._db is None and self.read_only:
            try:
                self._db = _open_read_only(self.path)
            except OlderSchema as older:
                # Brought up to date where the file can be written, as any use of it did before.
                try:
                    self._db = self._open_writable()
                except sqlite3.Error as exc:
                    raise OlderSchema(f"{older}, and it cannot be written ({exc})") from None
        if self._db is None:
            self._db = self._open_writable()
        self._file = _identity(self.path)
        return self._db

    def _open_writable(self) -> Database:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(self.path, check_same_thread=False, timeout=BUSY_SECONDS)
        db = Database(conn)
        try:
            self._set_up(db)
        except BaseException:
            conn.close()
            raise
        return db

    @staticmethod
    def _set_up(db: Database) -> None:
        # Workers starting together race to create the tables or to record a migration; the
        # loser sees "locked", "already exists" or the record's UNIQUE constraint (its migration
        # rolled back) and, on a second look, finds the work done.
        for attempt in range(SETUP_ATTEMPTS):
            try:
                _refuse_foreign(db)
                db.execute("PRAGMA journal_mode=WAL")
                db.execute("PRAGMA synchronous=NORMAL")
                migrations.apply(db)
                return
            except (sqlite3.OperationalError, sqlite3.IntegrityError):
                if attempt == SETUP_ATTEMPTS - 1:
                    raise
                time.sleep(0.05)

    @contextmanager
    def _transaction(self, timeout: float | None = None) -> Iterator[Run]:
        budget = BUSY_SECONDS if timeout is None else timeout
        deadline = time.monotonic() + budget
        if not self._lock.acquire(timeout=budget):
            raise sqlite3.OperationalError(f"busy: the file was not free within {budget:g} s")
        try:
            conn = self._open().conn
            left = max(0.0, deadline - time.monotonic())
            conn.execute(f"PRAGMA busy_timeout = {int(left * 1000)}")
            with conn:
                yield lambda sql, params: conn.execute(sql, params).fetchall()
        finally:
            self._lock.release()

    def close(self) -> None:
        """Close the connection (a later call opens it again)."""
        with self._lock:
            if self._db is not None:
                self._db.conn.close()
                self._db = None
