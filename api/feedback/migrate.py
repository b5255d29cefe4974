"""``kb feedback migrate``: a single machine's SQLite feedback file copied into the PostgreSQL store.

A one-off tool beside the stores, not part of them: it reads the file through
:meth:`SqliteFeedbackStore.session <api.feedback.store.FeedbackStore.session>` (which applies the
file's own pending migrations) and writes in one transaction on
:meth:`PostgresFeedbackStore.connection <api.feedback.postgres.PostgresFeedbackStore.connection>`,
recording what it copied in the tables PostgreSQL's migrations m003 and m006 create.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import psycopg

from api.feedback.postgres import PostgresFeedbackStore, dialect
from api.feedback.sqlite import SqliteFeedbackStore
from api.feedback.store import COUNT_VERDICT
from indexer.index_file import SQLITE_HEADER, sqlite_uri


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
        if handle.read(len(SQLITE_HEADER)) != SQLITE_HEADER:
            raise sqlite3.DatabaseError(f"{source} is not a SQLite file")
    # A file copied before its unanswered keys became digests was recorded by the digest of its
    # rows as they were then: read them so before its migrations run, to know it again.
    earlier = digest_before_key_digests(source)
    local = SqliteFeedbackStore(source)
    try:
        with local.session() as read:  # applies the file's own pending migrations first
            [(store_id,)] = read("SELECT id FROM store_id", [])
            feedback = read(READ_FEEDBACK, [])
            verdicts = read(READ_VERDICTS, [])
            unanswered = read(READ_UNANSWERED, [])
    finally:
        local.close()
    digest = _digest([row[1:] for row in feedback], verdicts, unanswered)
    target.ping()  # connects and brings the schema up to date
    with target.connection() as conn, conn.transaction(), conn.cursor() as cursor:
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
        cursor.executemany(dialect(COPY_FEEDBACK), rows)
        cursor.executemany(dialect(COUNT_VERDICT), counts)
        cursor.executemany(dialect(MERGE_UNANSWERED), asked)
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
