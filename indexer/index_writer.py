"""The copy of the index a run writes into, and its replacing the index in one rename.

Also what keeps a run from replacing a file that is not an index (:func:`refuse_foreign`)
and clears what killed runs left behind (:func:`remove_stale_temporaries`).
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import re
import sqlite3
import stat
import tempfile
from functools import partial
from pathlib import Path

from sqlite_utils import Database

from indexer.errors import ForeignFileError
from indexer.index_file import READ_ERRORS, TERMS, is_busy, sqlite_uri, starts_as_sqlite
from indexer.interrupts import interrupt_deferred
from indexer.retrieval import rebuild as rebuild_retrieval
from indexer.schema import is_current, latest_version, migrations, schema_version
from indexer.store import INSERT_BATCH, INSERT_BATCH_ROWS, ArticleRows, delete_article, insert_rows


def open_database(path: Path) -> Database:
    """Open an index for writing, applying any pending migrations.

    Its connection may be used by another thread (one at a time): a build fills the
    full-text index in one while it computes the posting lists.
    """
    db = Database(sqlite3.connect(path, check_same_thread=False))
    migrations.apply(db)
    return db


class IndexWriter:
    """The copy of the index a run writes into, made when the first article is written.

    Articles are written as they come (an article replaces the one with its id), with
    one statement per table for a batch of them; :meth:`finish` removes ``stale``
    articles, rebuilds the posting lists and replaces the index with the copy in one
    rename; :meth:`close` throws an unfinished copy away. The copy is private to the
    run, so it needs no rollback journal and no syncing while it is built: one fsync
    before the rename gives the index as much durability as syncing every commit did.

    With ``bulk``, the full-text index is not kept up to date row by row as its triggers
    do, but built in one pass at the end (same index, less than half the time), and its
    triggers are then put back for the next run.
    """

    def __init__(self, db_path: Path, *, bulk: bool, from_nothing: bool = False) -> None:
        self.db_path = db_path
        self.bulk = bulk
        self.from_nothing = from_nothing
        self.db: Database | None = None
        self.fd = -1
        self.tmp: Path | None = None
        self.copied = False
        self.ids: set[str] = set()
        self.batch: list[ArticleRows] = []
        self.batch_rows = 0
        self.triggers: list[str] = []

    def _open(self) -> Database:
        self.db_path.parent.mkdir(parents=True, exist_ok=True)
        # Ctrl-C or SIGTERM between making the temporary and keeping its name here would leave it for the next
        # run to remove: it waits until :meth:`close` can throw the temporary away.
        with interrupt_deferred():
            self.fd, self.tmp = _locked_temporary(self.db_path)
        self.copied = not self.from_nothing and _copy_existing(self.db_path, self.tmp)
        db = self.db = open_database(self.tmp)
        db.conn.execute("pragma journal_mode = off")
        db.conn.execute("pragma synchronous = off")
        db.conn.execute("begin")
        if self.bulk:
            triggers = "select name, sql from sqlite_master where type = 'trigger' and tbl_name = 'problems'"
            for name, sql in db.conn.execute(triggers).fetchall():
                db.conn.execute(f"drop trigger [{name}]")
                self.triggers.append(sql)
        return db

    def write(self, article_id: str, rows: ArticleRows, replaces: str | None) -> None:
        """Write an article in place of the indexed one with its id and of ``replaces`` (its file's
        article when it was indexed last); the rows are let go once written."""
        db = self.db or self._open()
        if self.copied:
            for old in {article_id, replaces or article_id} - self.ids:
                delete_article(db, old)
        self.ids.add(article_id)
        self.batch.append(rows)
        self.batch_rows += sum(map(len, rows.values()))
        if len(self.batch) >= INSERT_BATCH or self.batch_rows >= INSERT_BATCH_ROWS:
            self._flush()

    def _flush(self) -> None:
        assert self.db is not None
        insert_rows(self.db.conn, self.batch)
        self.batch.clear()
        self.batch_rows = 0

    def finish(self, stale: list[str], meta: dict[str, str] | None = None) -> None:
        """Remove ``stale`` articles (but those written in their place), keep ``meta`` (more
        kb_meta keys and values: what the run read its articles with), then replace the index."""
        db = self.db or self._open()
        for article_id in stale:
            if article_id not in self.ids:
                delete_article(db, article_id)
        self._flush()
        fill = "insert into problems_fts (problems_fts) values ('rebuild')"
        # Filling the full-text index (SQLite) takes about as long as computing the posting
        # lists (numpy), and neither holds the GIL for most of it: the two run side by side.
        rebuild_retrieval(db.conn, meanwhile=partial(db.conn.execute, fill) if self.bulk else None)
        for sql in self.triggers:
            db.execute(sql)
        db.table("kb_meta").upsert_all(
            [
                {"key": "schema", "value": latest_version()},
                {"key": "terms", "value": TERMS},
                *({"key": k, "value": v} for k, v in (meta or {}).items()),
            ],
            pk="key",
        )
        db.conn.execute("commit")
        db.table("problems_fts").optimize()
        if self.copied:
            # The copy's free pages may hold what it had of articles since removed or edited: a
            # file copied to replicas carries no trace of them, and does not grow run after run.
            # An index built from nothing has only the full-text index's merged segments free (5%
            # of the file), not worth writing the whole file again (3 s of 109 at 100,000 problems).
            db.conn.execute("vacuum")
        db.close()
        self.db = None
        assert self.tmp is not None
        _take_mode(self.fd, self.db_path)
        os.fsync(self.fd)
        os.replace(self.tmp, self.db_path)

    def close(self) -> None:
        """Throw the copy away unless :meth:`finish` replaced the index with it; release its lock."""
        if self.db is not None:
            self.db.close()
        if self.tmp is not None:
            self.tmp.unlink(missing_ok=True)
            os.close(self.fd)  # releases the lock


def _take_mode(fd: int, db_path: Path) -> None:
    """Give the new index (open as ``fd``) the old one's mode and group, or a first index the mode
    the umask gives a new file: mkstemp makes it 0600, and a server running as another user
    could no longer read the index it had served until the rebuild."""
    try:
        old = os.stat(db_path)
    except FileNotFoundError:
        os.fchmod(fd, 0o666 & ~_umask())
        return
    os.fchmod(fd, stat.S_IMODE(old.st_mode))
    with contextlib.suppress(PermissionError):  # not a member of that group: the mode matters most
        os.fchown(fd, -1, old.st_gid)


def _umask() -> int:
    """This process's umask, read without setting it (os.umask sets it, under other threads' feet)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except OSError:
        pass
    return 0o022


def _temporary_name(db_path: Path) -> re.Pattern[str]:
    """The names of a build's temporaries beside ``db_path``: what mkstemp makes, and SQLite's journals."""
    return re.compile(re.escape(db_path.name) + r"\.[a-z0-9_]{8}\.tmp(?:-journal|-wal|-shm)?")


def _locked_temporary(db_path: Path) -> tuple[int, Path]:
    """A new empty temporary beside ``db_path``, with an exclusive lock held on it for the build.

    The lock tells :func:`remove_stale_temporaries` in another run that this one is in use.
    """
    while True:
        fd, name = tempfile.mkstemp(prefix=db_path.name + ".", suffix=".tmp", dir=db_path.parent)
        fcntl.flock(fd, fcntl.LOCK_EX)
        try:
            # Another run may have taken it for stale between its creation and the lock.
            if os.stat(name).st_ino == os.fstat(fd).st_ino:
                return fd, Path(name)
        except FileNotFoundError:
            pass
        os.close(fd)


def remove_stale_temporaries(db_path: Path) -> list[Path]:
    """Remove what killed builds of ``db_path`` left beside it; the paths removed.

    Only kb-answer's own temporaries (``<index>.<8 characters>.tmp`` and their SQLite
    journals), and only those no running build holds a lock on.
    """
    pattern = _temporary_name(db_path)
    try:
        names = sorted(n for n in os.listdir(db_path.parent) if pattern.fullmatch(n))
    except FileNotFoundError:
        return []
    removed: list[Path] = []
    for name in (n for n in names if n.endswith(".tmp")):
        path = db_path.parent / name
        try:
            fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC)
        except OSError:
            continue
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            continue  # a build in progress
        try:
            for leftover in (path, *(Path(f"{path}{s}") for s in ("-journal", "-wal", "-shm"))):
                if leftover.exists():
                    leftover.unlink()
                    removed.append(leftover)
        finally:
            os.close(fd)
    for name in (n for n in names if not n.endswith(".tmp")):
        journal = db_path.parent / name
        # A journal whose database is gone belongs to no build.
        if journal.exists() and not (db_path.parent / name.rsplit("-", 1)[0]).exists():
            journal.unlink()
            removed.append(journal)
    return removed


def _copy_existing(db_path: Path, tmp: Path) -> bool:
    """Start from the current index when it is ours and current (True); otherwise from nothing.

    ``tmp`` is an empty file, and stays the same file (its lock is on it).
    """
    if not db_path.exists():
        return False
    try:
        source = sqlite3.connect(sqlite_uri(db_path, "ro"), uri=True)
        if not is_current(Database(source)):
            source.close()
            return False
        target = sqlite3.connect(tmp)
        with target:
            source.backup(target)
        source.close()
        target.close()
    except READ_ERRORS as exc:
        if is_busy(exc):
            raise  # a locked index is still the index: never rebuilt from nothing (see build._indexed)
        os.truncate(tmp, 0)
        return False
    return True


# Where a build the file at the index's place refuses can go instead, in `kb index`'s words and the server's.
_ELSEWHERE = "index into another file (--db, KB_DB)"


def refuse_foreign(db_path: Path) -> None:
    """Raise :class:`ForeignFileError` when ``db_path`` is a file kb-answer did not build.

    An SQLite file that cannot be read is taken for a damaged index, which rebuilding
    mends (what the message for a damaged index advises); a readable database with
    tables but without kb-answer's schema, a file that is not SQLite at all and anything
    but a regular file (a device, a FIFO) are someone else's and are never replaced.
    """
    if not db_path.exists():
        return
    if not stat.S_ISREG(os.stat(db_path).st_mode):
        raise ForeignFileError(f"{db_path} is not a regular file; it is not replaced: {_ELSEWHERE}")
    if not starts_as_sqlite(db_path):
        raise ForeignFileError(
            f"{db_path} is not an SQLite file; it is not replaced: remove it, or {_ELSEWHERE}"
        )
    try:
        db = Database(sqlite3.connect(sqlite_uri(db_path, "ro"), uri=True))
        foreign = bool(db.table_names()) and not schema_version(db)
        db.close()
    except READ_ERRORS as exc:
        if is_busy(exc):
            raise
        return
    if foreign:
        raise ForeignFileError(
            f"{db_path} is an SQLite database without kb-answer's schema; "
            f"it is not replaced: remove it, or {_ELSEWHERE}"
        )
