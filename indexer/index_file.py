"""Opening an index file for reading, and telling whether it is one this code can read.

Kept free of sqlite-utils and the parsers, so that answering a query (``kb match``,
each server worker) imports only what reading needs.
"""

from __future__ import annotations

import os
import sqlite3
import stat
from pathlib import Path
from urllib.parse import quote

from indexer.errors import IndexDamagedError, IndexMissingError

# The first bytes of every SQLite database file.
SQLITE_HEADER = b"SQLite format 3\x00"
# The index file every front end uses when none is named (KB_DB, --db): in the working directory.
DEFAULT_INDEX = "kb.db"

# The name of the newest schema migration (indexer.schema); the indexer records it in
# kb_meta and a test keeps the two equal. A file with another one is rebuilt by `kb index`.
SCHEMA = "m007_code_numbers"
# How the indexer makes search terms of text (indexer.terms.terms), recorded in kb_meta as "terms".
# An index whose terms were made another way is asked for terms it does not hold ("licence" indexed
# as "licenc", asked as "licens" once British spellings were made American): like one of another
# schema, it is outdated, and `kb index` builds it again. Raised with every change to the terms an
# article's text gives; tests/test_schema.py keeps a sample's terms for each value, and fails until
# it is raised. (Before "2", indexes recorded none.)
TERMS = "5"
# Where sqlite-utils records the migrations applied (indexer.schema): every index kb-answer built has it.
MIGRATIONS_TABLE = "_sqlite_migrations"


def file_identity(path: Path) -> tuple[int, int, int, int] | None:
    """The device, inode, modification time and size of the file at ``path``, None where it cannot
    be read: a file replaced by a rename, or written to, has another."""
    try:
        found = os.stat(path)
    except OSError:
        return None
    return (found.st_dev, found.st_ino, found.st_mtime_ns, found.st_size)


class MalformedIndexError(sqlite3.DatabaseError):
    """A value in an index file that is not what kb-answer wrote: JSON that does not parse, a
    posting list of the wrong length, text that is no UTF-8 (in a row, or in SQLite's own message
    about a damaged schema, which quotes its bytes). SQLite finds nothing wrong with such a file."""


# What reading an index file raises besides SQLite's errors: a UnicodeDecodeError where SQLite's
# message about a damaged schema quotes bytes that are no UTF-8.
READ_ERRORS = (sqlite3.DatabaseError, UnicodeDecodeError)


def is_damage(exc: Exception) -> bool:
    """Whether ``exc`` says an index file's content is wrong, as opposed to a busy, full or
    unreachable file: SQLite's SQLITE_CORRUPT codes (SQLITE_CORRUPT_VTAB in the full-text
    index) and SQLITE_NOTADB, a value Python's sqlite3 cannot read back, which comes with
    no SQLite code (text that is no UTF-8), or a :class:`MalformedIndexError`."""
    if isinstance(exc, MalformedIndexError | UnicodeDecodeError):
        return True
    name = getattr(exc, "sqlite_errorname", None)
    if name:
        return name.startswith("SQLITE_CORRUPT") or name == "SQLITE_NOTADB"
    return "Could not decode" in str(exc)


def is_busy(exc: Exception) -> bool:
    """Whether ``exc`` says another connection holds a lock on the file (SQLITE_BUSY, SQLITE_LOCKED):
    its content is not in question, and it will be readable once that lock goes."""
    return (getattr(exc, "sqlite_errorname", None) or "").startswith(("SQLITE_BUSY", "SQLITE_LOCKED"))


def connect_readonly(path: Path) -> sqlite3.Connection:
    """A read-only connection to ``path`` that any thread may use.

    Raises :class:`IndexDamagedError` for a path that is not a regular file: SQLite would
    wait forever on a FIFO put where the index was, holding the server's event loop.
    """
    try:
        regular = stat.S_ISREG(os.stat(path).st_mode)
    except FileNotFoundError as exc:
        raise IndexMissingError(f"no index at {path}; run `kb index` first") from exc
    except OSError as exc:
        raise IndexDamagedError(path, exc.strerror) from exc
    if not regular:
        raise IndexDamagedError(path, "not a regular file")
    return sqlite3.connect(sqlite_uri(path, "ro"), uri=True, check_same_thread=False)


def starts_as_sqlite(path: Path) -> bool:
    """Whether the file at ``path`` begins as SQLite files do; an empty or cut-off one does
    (a damaged index), notes, an article or a password file named by mistake do not."""
    with open(path, "rb") as file:
        return SQLITE_HEADER.startswith(file.read(len(SQLITE_HEADER)))


def sqlite_uri(path: Path, mode: str) -> str:
    """The ``file:`` URI SQLite opens ``path`` by, in ``mode``; a path with "#", "?" or "%" in it
    would otherwise be cut short or decoded into another file's name."""
    # Its bytes, as the file system has them: a name that is no UTF-8 (Python holds it with
    # surrogates) is percent-encoded byte by byte, which SQLite decodes back to the same bytes.
    return f"file:{quote(os.fsencode(path))}?mode={mode}"


def index_schema(conn: sqlite3.Connection) -> str:
    """The schema an index file was built with ("" when it records none)."""
    return _meta_value(conn, "schema")


def index_terms(conn: sqlite3.Connection) -> str:
    """The version of search terms an index file was built with (:data:`TERMS`; "" when it records
    none)."""
    return _meta_value(conn, "terms")


def _meta_value(conn: sqlite3.Connection, key: str) -> str:
    try:
        row = conn.execute("select value from kb_meta where key = ?", [key]).fetchone()
    except sqlite3.OperationalError as exc:
        # No kb_meta table: not an index. A locked file is one, and says so when it is free.
        if is_busy(exc):
            raise
        return ""
    except UnicodeDecodeError as exc:
        raise MalformedIndexError(f"its {key} is damaged: {exc}") from exc
    return str(row[0]) if row else ""


def require_index(db_path: Path) -> None:
    """Raise :class:`IndexMissingError` unless ``db_path`` is a current kb-answer index."""
    try:
        conn = connect_readonly(db_path)
        try:
            version = index_schema(conn)
            terms = ""
            if version == SCHEMA:
                terms = index_terms(conn)
                _first_rows(conn)
            foreign = not version and _built_by_someone_else(conn)
        finally:
            conn.close()
    except READ_ERRORS as exc:
        if is_busy(exc):
            raise IndexMissingError(
                f"the index file {db_path} is locked by another program ({exc}); try again once it is done"
            ) from exc
        try:
            sqlite = starts_as_sqlite(db_path)
        except OSError as unreadable:
            # No read permission: SQLite says only "unable to open database file".
            raise IndexMissingError(
                f"the index file {db_path} cannot be read ({unreadable.strerror}); "
                "give this user read access to it, or choose another --db"
            ) from exc
        if not sqlite:
            # Rebuilding is no advice here: `kb index` never replaces someone else's file.
            raise IndexMissingError(
                f"{db_path} is not an SQLite file, so not a kb-answer index; "
                "choose another --db, or remove it and run `kb index`"
            ) from exc
        raise IndexDamagedError(db_path, exc) from exc
    if foreign:
        # "Run kb index to rebuild it" was the advice, and `kb index` refuses to replace such a file.
        raise IndexMissingError(
            f"{db_path} is an SQLite database kb-answer did not build, so not a kb-answer index; "
            "choose another --db, or remove it and run `kb index`"
        )
    if version != SCHEMA:
        has = f"has schema {version}" if version else "records no schema"
        raise IndexMissingError(f"{db_path} {has}; run `kb index` to rebuild it")
    if terms != TERMS:
        recorded = terms or "1"
        if recorded.isdigit() and int(recorded) > int(TERMS):
            # Rebuilt here, it would hold this older version's terms: the newer one would then refuse it.
            raise IndexMissingError(
                f"{db_path} holds search terms made by a newer kb-answer (version {recorded}, "
                f"this one makes version {TERMS}); serve it with that kb-answer, or run `kb index` "
                "to rebuild it for this one"
            )
        raise IndexMissingError(
            f"{db_path} holds search terms made by an older kb-answer (version {recorded}, "
            f"this one makes version {TERMS}); run `kb index` to rebuild it"
        )


def _built_by_someone_else(conn: sqlite3.Connection) -> bool:
    """Whether the database has tables but none of kb-answer's migrations: what `kb index` never
    replaces (an empty file, or an index of an older schema, it builds again)."""
    names = {row[0] for row in conn.execute("select name from sqlite_master where type = 'table'")}
    return bool(names) and MIGRATIONS_TABLE not in names


def _first_rows(conn: sqlite3.Connection) -> None:
    """Read the first row of every table: a cheap check that finds a damaged or cut-off start.

    A few pages per table, so opening stays fast at any size (a full integrity check
    reads the whole file); damage deeper in a table shows on the query that meets it.
    """
    tables = [row[0] for row in conn.execute("select name from sqlite_master where type = 'table'")]
    for table in tables:
        conn.execute(f'select * from "{table}" limit 1').fetchall()
