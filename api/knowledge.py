"""A read-only handle on an index file, safe to share between threads and swaps.

``kb index`` and the reindex route replace the index file with a rename. Every
call here checks the file's identity (a ``stat``), and a thread whose connection
points at a replaced file opens the new one. Nothing proportional to the size of
the knowledge base is loaded: queries read the posting lists of their own terms and
the rows of their own candidates, so the first answer comes as fast as the hundredth.
"""

from __future__ import annotations

import functools
import os
import sqlite3
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple, TypedDict, TypeVar

import numpy as np

from api.limits import DEFAULT_PAGE
from api.query import Scope
from indexer.errors import IndexMissingError, InvalidQueryError, KbError, NotFoundError
from indexer.errortext import code_family, code_number
from indexer.index_file import MalformedIndexError, connect_readonly, index_schema, require_index
from indexer.records import Article, Problem
from indexer.store import article_from_row, read_article, read_problems

if TYPE_CHECKING:
    from sqlite_utils import Database

# Answers kept per index file (materialised problems): enough for the questions asked
# over and over, bounded so a worker's memory stays flat however large the knowledge base.
MEMO_SIZE = 4096
# Posting lists of recently asked terms (common words recur in every query), by bytes, and
# the evidence rows of recent candidates, by count: the same bound on memory.
POSTINGS_BYTES = 32 * 1024 * 1024
# Codes one query's numbers may name ("error 330" is E330, and W330 where both exist).
MAX_NUMBERED_CODES = 16
CANDIDATE_ROWS = 8192
# The posting list sizes of the terms of long queries (about 300 bytes each with the cache's keys).
TERM_SIZES = 16384
# Of an id nobody has, what a "not found" message quotes: an agent's 8 MB id came back whole.
MAX_QUOTED_ID = 200
# How long after an index file is replaced the connections other threads still hold to it are
# closed: a thread that answered one lookup and then idled kept the old file open (and its disk
# space taken) until the worker stopped, one file per replacement. Requests in flight when the file
# was replaced finish on it well within this.
STALE_CONNECTION_SECONDS = 30.0
# The two sparse indexes (over problems, over whole articles); a posting list is cached
# under its table's position here.
POSTING_TABLES = ("postings", "article_postings")


class BoundedCache:
    """A least-recently-used cache bounded by entries and by the bytes its values weigh."""

    def __init__(self, entries: int, max_bytes: int | None = None) -> None:
        self.entries = entries
        self.max_bytes = max_bytes
        self.bytes = 0
        self._items: OrderedDict[Any, tuple[Any, int]] = OrderedDict()
        self._lock = threading.Lock()

    def get_many(self, keys: list[Any]) -> tuple[dict[Any, Any], list[Any]]:
        """The values found for ``keys``, and the keys not found (one lock for all of them)."""
        found: dict[Any, Any] = {}
        missing: list[Any] = []
        items = self._items
        with self._lock:
            for key in keys:
                item = items.get(key)
                if item is None:
                    missing.append(key)
                else:
                    items.move_to_end(key)
                    found[key] = item[0]
        return found, missing

    def put(self, key: Any, value: Any, size: int = 0) -> None:
        """Keep ``value`` (weighing ``size`` bytes), forgetting the least recently used beyond the bounds."""
        self.put_many([(key, value, size)])

    def put_many(self, entries: Iterable[tuple[Any, Any, int]]) -> None:
        """Keep each (key, value, size in bytes) of ``entries``, in their order, as :meth:`put`
        would one by one; one lock for all of them, and the bounds checked once at the end
        (the same entries are forgotten: the least recently used go first either way).

        A query's cold terms and candidates are kept a few dozen at a time."""
        items = self._items
        with self._lock:
            for key, value, size in entries:
                old = items.pop(key, None)
                if old is not None:
                    self.bytes -= old[1]
                items[key] = (value, size)
                self.bytes += size
            while len(items) > self.entries or (self.max_bytes is not None and self.bytes > self.max_bytes):
                _, (_, dropped) = items.popitem(last=False)
                self.bytes -= dropped

    def get_or_load(
        self, kind: str, ids: list[Any], load: Callable[[list[Any]], dict[Any, Any]]
    ) -> dict[Any, Any]:
        """The values of ``ids`` of one ``kind``, in the order of ``ids``: those kept, and those
        ``load`` gives for the others (called once, with all of them, and then kept); ids ``load``
        leaves out are left out.

        In that order whatever was kept before: a ranking that keeps the order of equal scores
        must not answer a query differently after other queries.
        """
        found, missing = self.get_many([(kind, i) for i in ids])
        out = {key[1]: value for key, value in found.items()}
        if missing:
            loaded = load([key[1] for key in missing])
            self.put_many(((kind, i), value, 0) for i, value in loaded.items())
            out |= loaded
            out = {i: out[i] for i in ids if i in out}
        return out


@dataclass
class Postings:
    """One term's posting list: documents that contain it and what each scores for it."""

    idf: float
    docs: np.ndarray
    impacts: np.ndarray


# The shortest text whose agreement with another counts, in characters; the fewest terms it must have
# where it is the shorter of the two (a message of one word is a word of the query, and a query of one
# word is no error it printed); the fewest terms a title must have to be aligned (a title of one or two
# words is weighed by the title features alone). The matcher applies them (api.matcher._query_weight,
# _message_similarity), and CandidateRow.alignable leaves out what can agree with no query.
MIN_ALIGNED = 8
MIN_ALIGNED_TERMS = 2
MIN_TITLE_TERMS = 3


class Alignable(NamedTuple):
    """A message of a problem that can agree with some query (see CandidateRow.alignable)."""

    # Its position among the problem's messages (the title last).
    position: int
    terms: frozenset[str]
    # Its length in characters, and its number of terms.
    length: int
    term_count: int
    # Its length_weight.
    weight: float


def length_weight(length: int) -> float:
    """How far an agreement of a text of ``length`` characters is trusted: a short string
    matches somewhere in anything, so in proportion to its length, up to 60 characters."""
    return 0.4 + 0.6 * (length / 60 if length < 60 else 1.0)


@dataclass(frozen=True, slots=True)
class CandidateRow:
    """What the matcher's evidence needs of one problem, parsed once and cached."""

    doc: int
    problem_id: str
    article_doc: int
    article_id: str
    title: str
    # The terms of the title, the article's title and what it is about (Article.about); and of
    # the title alone.
    title_terms: frozenset[str]
    own_title_terms: frozenset[str]
    messages: tuple[str, ...]
    code_keys: frozenset[str]
    # The messages that can agree with some query (see :func:`api.matcher._message_similarity`), each
    # as its position in ``messages``, its terms, its length, its number of terms and how much its
    # length lets it weigh where it is the shorter text: what bounds its agreement with a query
    # before it is aligned, read for every candidate of every query.
    alignable: tuple[Alignable, ...]

    @classmethod
    def of(cls, row: sqlite3.Row | tuple[Any, ...]) -> CandidateRow:
        """From a row of :meth:`KnowledgeBase.candidate_rows`' query, in its column order."""
        doc, problem_id, article_doc, article_id, title, title_terms, messages, message_terms, codes, own = (
            row
        )
        texts = tuple(messages.split("\n"))
        stems = tuple(frozenset(t.split()) for t in message_terms.split("\n"))
        last = len(texts) - 1
        return cls(
            doc=doc,
            problem_id=problem_id,
            article_doc=article_doc,
            article_id=article_id,
            title=title,
            title_terms=frozenset(title_terms.split()),
            own_title_terms=frozenset(own.split()),
            messages=texts,
            code_keys=frozenset(codes.split()),
            alignable=tuple(
                Alignable(i, terms, len(text), len(terms), length_weight(len(text)))
                for i, (text, terms) in enumerate(zip(texts, stems, strict=True))
                # Whichever of it and a query is the shorter, these never agree: a text under
                # MIN_ALIGNED characters, or a title of under MIN_TITLE_TERMS terms.
                if len(text) >= MIN_ALIGNED and (i < last or len(terms) >= MIN_TITLE_TERMS)
            ),
        )


@dataclass
class Snapshot:
    """What the matcher knows of one index file: its sizes, and answers already built from it."""

    identity: tuple[int, int]
    problems: int
    articles: int
    # Values derived from this file (answers, problems), posting lists, candidate rows with
    # article ranges, and terms' posting list sizes, each a bounded LRU; a file never changes,
    # it is only replaced.
    memo: BoundedCache = field(default_factory=lambda: BoundedCache(MEMO_SIZE))
    postings: BoundedCache = field(default_factory=lambda: BoundedCache(1_000_000, POSTINGS_BYTES))
    rows: BoundedCache = field(default_factory=lambda: BoundedCache(CANDIDATE_ROWS))
    sizes: BoundedCache = field(default_factory=lambda: BoundedCache(TERM_SIZES))


class IndexStats(TypedDict):
    """What :meth:`KnowledgeBase.stats` reports of the open index: what /readyz answers."""

    schema_version: str  # the last migration applied; "" when the file records none
    articles: int
    problems: int
    steps: int
    built_at: float  # when the file was written (Unix time)


F = TypeVar("F", bound=Callable[..., Any])
# What decoding a value kb-answer did not write raises: JSON that does not parse, a posting list of
# an odd length or a number that is text, text that is no UTF-8 (all ValueErrors). Not a KeyError
# or a TypeError, which a mistake in this code raises as well: one request's 500, not a replica
# taken out of service as if its file were damaged.
_MALFORMED = (ValueError,)


def _reads_index(method: F) -> F:
    """Report a value of the index that cannot be read as damage of the file (MalformedIndexError, an
    sqlite3.DatabaseError): every front end then answers as for a damaged file, "rebuild it", not
    with a traceback or an internal error."""

    @functools.wraps(method)
    def reading(*args: Any, **kwargs: Any) -> Any:
        try:
            return method(*args, **kwargs)
        except KbError:
            raise
        except UnicodeEncodeError as exc:
            # A value is encoded only to be looked up: it is the caller's (an id holding half of a
            # UTF-16 pair), not the file's, which would be reported damaged and taken out of service.
            raise InvalidQueryError(
                f"{exc.object[:80]!r} is not text that can be looked up ({exc.reason})"
            ) from exc
        except _MALFORMED as exc:
            raise MalformedIndexError(
                f"a value it holds cannot be read ({type(exc).__name__}: {exc})"
            ) from exc

    return reading  # type: ignore[return-value]


class KnowledgeBase:
    """Read-only access to an index: articles, problems, posting lists and candidate rows."""

    def __init__(self, db_path: Path | str) -> None:
        self.path = Path(db_path)
        require_index(self.path)
        self._local = threading.local()
        self._lock = threading.Lock()
        self._snapshot: Snapshot | None = None
        # Every thread's connection, by id, with the identity of the file it opened; a lock of its own,
        # as connections are opened while the snapshot's lock is held.
        self._connections: dict[int, tuple[sqlite3.Connection, tuple[int, int]]] = {}
        self._connections_lock = threading.Lock()

    def _identity(self) -> tuple[int, int]:
        try:
            st = os.stat(self.path)
        except FileNotFoundError as exc:
            raise IndexMissingError(f"index file {self.path} disappeared") from exc
        return (st.st_ino, st.st_mtime_ns)

    def conn(self, snapshot: Snapshot | None = None) -> sqlite3.Connection:
        """This thread's connection to the current index file (or to ``snapshot``'s, already checked).

        The current file is checked first (:meth:`snapshot`) when it was replaced: a file swapped in
        that is no index was reported one way by a match and another by a lookup of an article."""
        return self._connection((snapshot or self.snapshot()).identity)

    def _connection(self, identity: tuple[int, int]) -> sqlite3.Connection:
        """This thread's connection to the file of ``identity``, opened when it has none to it."""
        if getattr(self._local, "identity", None) != identity:
            old = getattr(self._local, "conn", None)
            if old is not None:
                old.close()
            conn = connect_readonly(self.path)
            self._local.conn = conn
            self._local.identity = identity
            with self._connections_lock:
                if old is not None:
                    self._connections.pop(id(old), None)
                self._connections[id(conn)] = (conn, identity)
        return self._local.conn  # type: ignore[no-any-return]

    def _close_stale_connections(self) -> None:
        """Close the connections threads hold to files that have been replaced since (a thread that
        uses its own again opens the current file, as after any replacement)."""
        snapshot = self._snapshot
        current = snapshot.identity if snapshot is not None else None
        with self._connections_lock:
            stale = [key for key, (_, identity) in self._connections.items() if identity != current]
            for key in stale:
                conn, _ = self._connections.pop(key)
                conn.close()

    def db(self) -> Database:
        """The connection wrapped by sqlite-utils, for tools that query freely (evaluation)."""
        from sqlite_utils import Database

        return Database(self.conn())

    @_reads_index
    def snapshot(self) -> Snapshot:
        """The current file's sizes and memo, renewed when the file was replaced."""
        identity = self._identity()
        snap = self._snapshot
        if snap is not None and snap.identity == identity:
            return snap
        with self._lock:
            if self._snapshot is None or self._snapshot.identity != identity:
                if self._snapshot is not None:
                    # Another file put in its place (cp + mv) is checked as the first was: an index of
                    # another schema, or no index, was served half-broken while /readyz said ready.
                    require_index(self.path)
                    sweep = threading.Timer(STALE_CONNECTION_SECONDS, self._close_stale_connections)
                    sweep.daemon = True
                    sweep.start()
                meta = dict(self._connection(identity).execute("select key, value from retrieval_meta"))
                self._snapshot = Snapshot(
                    identity=identity,
                    problems=int(meta.get("problems", 0)),
                    articles=int(meta.get("articles", 0)),
                )
            return self._snapshot

    @_reads_index
    def postings(
        self, terms: list[str], snapshot: Snapshot | None = None
    ) -> tuple[dict[str, Postings], dict[str, Postings]]:
        """The posting lists of ``terms`` over problems and over whole articles (terms the index lacks left out)."""
        snapshot = snapshot or self.snapshot()
        # A term's two lists are kept under one key: a query's terms are looked up once, not once per table.
        kept, missing = snapshot.postings.get_many(terms)
        if missing:
            kept |= self._read_postings(missing, snapshot)
        # In the order of ``terms``, whichever were kept: scores are summed in this order, and a sum
        # in another order can differ in its last bit and break a tie the other way.
        problems: dict[str, Postings] = {}
        articles: dict[str, Postings] = {}
        for term in terms:
            problem, article = kept[term]
            if problem is not None:
                problems[term] = problem
            if article is not None:
                articles[term] = article
        return problems, articles

    def _read_postings(
        self, terms: list[str], snapshot: Snapshot
    ) -> dict[str, tuple[Postings | None, Postings | None]]:
        """The posting lists of ``terms`` over problems and over whole articles, read from the file and
        kept (None for a table that lacks the term: an unknown term is remembered too)."""
        marks = ",".join("?" * len(terms))
        # One statement for both tables: a query's cold terms cost one round trip, not two.
        sql = " union all ".join(
            f"select {t}, term, idf, docs, impacts from {name} where term in ({marks})"
            for t, name in enumerate(POSTING_TABLES)
        )
        rows = self.conn(snapshot).execute(sql, terms * len(POSTING_TABLES)).fetchall()
        read: dict[str, list[Postings | None]] = {term: [None] * len(POSTING_TABLES) for term in terms}
        sizes = dict.fromkeys(terms, 64 * len(POSTING_TABLES))
        if rows:
            # One buffer per kind for all the terms, then views into it: far fewer numpy calls.
            docs = np.frombuffer(b"".join(r[3] for r in rows), dtype=np.int32)
            impacts = np.frombuffer(b"".join(r[4] for r in rows), dtype=np.float16)
            start = 0
            for table, term, idf, blob, _ in rows:
                end = start + len(blob) // 4
                # A copy, so a cached list does not keep the whole query's buffer alive.
                read[term][table] = Postings(idf, docs[start:end].copy(), impacts[start:end].copy())
                sizes[term] += 6 * (end - start)
                start = end
        found = {term: (problem, article) for term, (problem, article) in read.items()}
        snapshot.postings.put_many((term, pair, sizes[term]) for term, pair in found.items())
        return found

    @_reads_index
    def term_sizes(self, terms: list[str], snapshot: Snapshot | None = None) -> dict[str, int]:
        """How many entries the posting lists of each of ``terms`` the index knows hold, over
        problems and over whole articles: their lengths, which SQLite reads from the rows'
        headers without reading the lists."""
        snapshot = snapshot or self.snapshot()

        def load(missing: list[str]) -> dict[str, int | None]:
            marks = ",".join("?" * len(missing))
            rows = self.conn(snapshot).execute(
                " union all ".join(
                    f"select term, length(docs) / 4 from {table} where term in ({marks})"
                    for table in POSTING_TABLES
                ),
                missing * len(POSTING_TABLES),
            )
            sizes: dict[str, int | None] = dict.fromkeys(missing)  # None: unknown, and remembered so
            for term, size in rows:
                sizes[term] = (sizes[term] or 0) + size
            return sizes

        found = snapshot.sizes.get_or_load("size", terms, load)
        return {term: size for term, size in found.items() if size is not None}

    @_reads_index
    def numbered_codes(self, numbers: list[str], snapshot: Snapshot | None = None) -> dict[str, str]:
        """The code keys of the index whose number is one of ``numbers`` ("50105" → AADSTS50105;
        see :func:`indexer.errortext.code_number`), each with its number; at most MAX_NUMBERED_CODES."""
        if not numbers:
            return {}
        snapshot = snapshot or self.snapshot()
        rows = self.conn(snapshot).execute(
            f"select distinct code_key, number from problem_codes where number in ({','.join('?' * len(numbers))}) "
            "order by code_key limit ?",
            [*numbers, MAX_NUMBERED_CODES],
        )
        return dict(rows.fetchall())

    @_reads_index
    def knows_family_of(self, key: str, snapshot: Snapshot | None = None) -> bool:
        """Whether the index has a code of the family of code key ``key`` (its letters: "PS" of
        PS1103, whatever its number; or the namespace of an error type written as a URN); False for a
        key of no family (see :func:`indexer.errortext.code_family`)."""
        family = code_family(key)
        if family is None:
            return False
        snapshot = snapshot or self.snapshot()
        # A GLOB with a constant prefix is a range of the code_key index, not a scan. A numbered
        # family's codes are its letters then only digits (AMQ9208E is no code of the family AMQ).
        if code_number(key) is None:
            sql, pattern = "select 1 from problem_codes where code_key glob ? limit 1", family + "*"
        else:
            sql = "select 1 from problem_codes where code_key glob ? and number is not null limit 1"
            pattern = family + "[0-9]*"
        return self.conn(snapshot).execute(sql, [pattern]).fetchone() is not None

    @_reads_index
    def candidate_rows(self, docs: list[int], snapshot: Snapshot | None = None) -> list[CandidateRow]:
        """For problem documents ``docs``: ids, article, title and precomputed evidence."""
        snapshot = snapshot or self.snapshot()

        def load(missing: list[int]) -> dict[int, CandidateRow]:
            cursor = self.conn(snapshot).execute(
                "select d.doc, d.problem_id, d.article_doc, p.article_id, p.title, e.title_terms, e.messages, "
                "e.message_terms, e.code_keys, e.own_title_terms from retrieval_docs d join problems p on p.id = d.problem_id "
                f"join problem_evidence e on e.problem_id = d.problem_id where d.doc in ({','.join('?' * len(missing))})",
                missing,
            )
            return {row.doc: row for row in map(CandidateRow.of, cursor)}

        return list(snapshot.rows.get_or_load("problem", docs, load).values())

    @_reads_index
    def article_ranges(
        self, article_docs: list[int], snapshot: Snapshot | None = None
    ) -> dict[int, tuple[int, int]]:
        """For article documents: the range of their problems' document numbers."""
        snapshot = snapshot or self.snapshot()

        def load(missing: list[int]) -> dict[int, tuple[int, int]]:
            rows = self.conn(snapshot).execute(
                f"select doc, first_doc, problems from retrieval_articles where doc in ({','.join('?' * len(missing))})",
                missing,
            )
            return {doc: (first, first + count) for doc, first, count in rows}

        return snapshot.rows.get_or_load("article", article_docs, load)

    @_reads_index
    def full_text(
        self,
        expression: str,
        limit: int,
        weights: list[float],
        scope: Scope | None = None,
        *,
        ranked: int | None = None,
    ) -> list[tuple[str, float]]:
        """Problem ids and FTS5 bm25 scores (higher is better) for an FTS5 ``expression``, within
        ``scope``, its columns weighed by ``weights`` (:func:`indexer.schema.fts_weights`); with
        ``ranked``, the best of only the first ``ranked`` matches in the index's order."""
        where, params = (scope or Scope()).sql("a")
        sql = (
            "select problems.id as id, -bm25(problems_fts, {w}) as score from problems_fts "
            "join problems on problems.rowid = problems_fts.rowid "
            "join articles a on a.id = problems.article_id "
            "where problems_fts match ? {where}"
        ).format(w=", ".join(str(float(x)) for x in weights), where=f"and {where}" if where else "")
        if ranked is not None:
            sql = f"select id, score from ({sql} limit {int(ranked)})"
        try:
            return list(
                self.conn().execute(f"{sql} order by score desc limit ?", [expression, *params, limit])
            )
        except sqlite3.OperationalError as exc:
            # An expression FTS5 cannot parse finds nothing; any other error (no such table,
            # disk I/O) is the index file's, reported as for every other route.
            if str(exc).startswith("fts5:"):
                return []
            raise

    @_reads_index
    def scope_ranges(self, scope: Scope, snapshot: Snapshot | None = None) -> list[tuple[int, int, int]]:
        """(article document, its first problem document, its number of problems) of the articles in ``scope``."""
        where, params = scope.sql("a")
        rows = self.conn(snapshot).execute(
            "select r.doc, r.first_doc, r.problems from retrieval_articles r "
            f"join articles a on a.id = r.article_id where {where}",
            params,
        )
        return list(rows)

    @_reads_index
    def article(self, article_id: str) -> Article:
        """The whole article with id ``article_id``."""
        article = read_article(self.conn(), article_id)
        if article is None:
            # ARTICLE#N asked of the articles (GET /v1/articles/…%23N) is a problem's id.
            hint = "; an id with # names a problem (ARTICLE#N), not an article" if "#" in article_id else ""
            raise NotFoundError(f"no article with id {_quoted(article_id)}{hint}")
        return article

    @_reads_index
    def problem(self, pid: str) -> tuple[Article, Problem]:
        """A problem with its steps, and its article (without the other problems)."""
        found = self.problems([pid]).get(pid)
        if found is None:
            raise NotFoundError(f"no problem with id {_quoted(pid)}")
        return found

    @_reads_index
    def problems(
        self, pids: list[str], snapshot: Snapshot | None = None
    ) -> dict[str, tuple[Article, Problem]]:
        """Problems by id, each with its steps and its article (without the other problems); unknown ids left out."""
        snapshot = snapshot or self.snapshot()
        return snapshot.memo.get_or_load(
            "problem", pids, lambda missing: read_problems(self.conn(snapshot), missing)
        )

    @_reads_index
    def answer_records(
        self, pids: list[str], snapshot: Snapshot | None = None
    ) -> dict[str, tuple[Article, Problem]]:
        """Like :meth:`problems`, with only what an answer shows (no body or origins), and not
        kept: the matcher keeps the answers it builds from them, and keeping these too put two
        entries per answer in the one bounded memo, so it held half as many answers."""
        return read_problems(self.conn(snapshot), pids, answer_only=True)

    @_reads_index
    def articles(
        self, *, offset: int = 0, limit: int = DEFAULT_PAGE
    ) -> tuple[int, list[tuple[Article, int]]]:
        """A page of articles by title, each with its number of problems, and the total count."""
        conn = self.conn()
        total = conn.execute("select count(*) from articles").fetchone()[0]
        cursor = conn.execute(
            "select a.*, (select count(*) from problems p where p.article_id = a.id) as n "
            "from articles a order by a.title, a.id limit ? offset ?",
            [limit, offset],
        )
        names = [d[0] for d in cursor.description]
        rows = [dict(zip(names, row, strict=True)) for row in cursor]
        return total, [(article_from_row(r, []), r["n"]) for r in rows]

    @_reads_index
    def folders(self) -> list[str]:
        """The article folders the index was built from, as their real paths were then: `kb index`
        keeps each one (under "folder " and the folder as it was named), whatever the working
        directory it was named relative to."""
        rows = self.conn().execute("select value from kb_meta where key like 'folder %' order by value")
        return [row[0] for row in rows]

    @_reads_index
    def stats(self) -> IndexStats:
        """Counts, schema version and build time of the open index, for health checks."""
        self.snapshot()  # a file swapped in is checked first
        conn = self.conn()
        count = {
            t: conn.execute(f"select count(*) from {t}").fetchone()[0]
            for t in ("articles", "problems", "steps")
        }
        return IndexStats(
            schema_version=index_schema(conn),
            articles=count["articles"],
            problems=count["problems"],
            steps=count["steps"],
            built_at=os.stat(self.path).st_mtime,
        )


def _quoted(value: str) -> str:
    return repr(value[:MAX_QUOTED_ID]) + ("…" if len(value) > MAX_QUOTED_ID else "")
