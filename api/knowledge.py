"""A read-only handle on an index file, safe to share between threads and swaps.

``kb index`` and the reindex route replace the index file with a rename. Every
call here checks the file's identity (a ``stat``), and a thread whose connection
points at a replaced file opens the new one; the in-memory view the matcher
scores against is rebuilt once per new file.
"""

from __future__ import annotations

import json
import math
import os
import sqlite3
import threading
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from indexer.build import require_index
from indexer.errors import IndexMissingError, NotFoundError
from indexer.errortext import code_key, comparable, stems
from indexer.records import Article, Problem
from indexer.schema import FTS_COLUMNS, schema_version
from indexer.store import article_from_row, problem_from_row, read_article, steps_of

PREFIX = 6


def prefix(word: str) -> str:
    """The beginning of a word that its derived forms share."""
    return word[:PREFIX]


def _prefixes(words: frozenset[str]) -> frozenset[str]:
    return frozenset(prefix(w) for w in words if len(w) >= PREFIX)


@dataclass
class ProblemView:
    """What the matcher needs of a problem, precomputed once per index file."""

    id: str
    article_id: str
    title: str
    messages: list[str]
    comparable_messages: list[str]
    code_keys: set[str]
    words: frozenset[str] = frozenset()
    title_words: frozenset[str] = frozenset()
    # Word beginnings, so "registration" in a query meets "register" in a title.
    prefixes: frozenset[str] = frozenset()
    title_prefixes: frozenset[str] = frozenset()
    message_stems: list[frozenset[str]] = field(default_factory=list)


@dataclass
class Snapshot:
    """The matcher's in-memory view of one index file."""

    identity: tuple[int, int]
    problems: dict[str, ProblemView]
    code_index: dict[str, list[str]] = field(default_factory=dict)
    # Inverse document frequency of each word stem over the problems' descriptive text.
    idf: dict[str, float] = field(default_factory=dict)
    unseen_idf: float = 1.0
    # Values derived from this file's records, kept as long as the file is current:
    # a file never changes, it is only replaced.
    memo: dict[tuple[str, str], Any] = field(default_factory=dict)


class KnowledgeBase:
    """Read-only access to an index: articles, problems, full-text candidates and stats."""

    def __init__(self, db_path: Path | str) -> None:
        self.path = Path(db_path)
        require_index(self.path)
        self._local = threading.local()
        self._lock = threading.Lock()
        self._snapshot: Snapshot | None = None

    def _identity(self) -> tuple[int, int]:
        try:
            st = os.stat(self.path)
        except FileNotFoundError as exc:
            raise IndexMissingError(f"index file {self.path} disappeared") from exc
        return (st.st_ino, st.st_mtime_ns)

    def db(self) -> Database:
        """This thread's connection to the current index file."""
        identity = self._identity()
        if getattr(self._local, "identity", None) != identity:
            old = getattr(self._local, "db", None)
            if old is not None:
                old.close()
            conn = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
            self._local.db = Database(conn)
            self._local.identity = identity
        return self._local.db  # type: ignore[no-any-return]

    def snapshot(self) -> Snapshot:
        """The matcher's view of the current file, rebuilt when the file was replaced."""
        identity = self._identity()
        snap = self._snapshot
        if snap is not None and snap.identity == identity:
            return snap
        with self._lock:
            if self._snapshot is None or self._snapshot.identity != identity:
                self._snapshot = self._load_snapshot(identity)
            return self._snapshot

    def _load_snapshot(self, identity: tuple[int, int]) -> Snapshot:
        db = self.db()
        problems: dict[str, ProblemView] = {}
        code_index: dict[str, list[str]] = {}
        for row in db.query(
            "select p.id, p.article_id, p.article_title, p.title, p.symptoms, p.error_messages, p.error_codes, "
            "a.description from problems p join articles a on a.id = p.article_id"
        ):
            messages = json.loads(row["error_messages"] or "[]")
            keys = {code_key(c) for c in json.loads(row["error_codes"] or "[]")}
            # Titles often are the error text ("Error AADSTS70001 - Application … was not
            # found"), so the title is compared like one more message, after the real ones.
            messages = [*messages, row["title"]]
            comparable_messages = [comparable(m) for m in messages]
            title = comparable(f"{row['title']} {row['article_title']}")
            symptoms = comparable(row["symptoms"] or "")[:2000]
            words = frozenset(stems(" ".join([title, symptoms, *comparable_messages])))
            # The front matter's description is the author's one-line summary, written to be found.
            title_words = frozenset(stems(f"{title} {comparable(row['description'] or '')}"))
            problems[row["id"]] = ProblemView(
                id=row["id"],
                article_id=row["article_id"],
                title=row["title"],
                messages=messages,
                comparable_messages=comparable_messages,
                code_keys=keys,
                words=words,
                title_words=title_words,
                prefixes=_prefixes(words),
                title_prefixes=_prefixes(title_words),
                message_stems=[frozenset(stems(m)) for m in comparable_messages],
            )
            for key in keys:
                code_index.setdefault(key, []).append(row["id"])
        doc_freq: Counter[str] = Counter()
        for view in problems.values():
            doc_freq.update(view.words)
        n = len(problems) + 1
        idf = {word: math.log(n / (df + 0.5)) for word, df in doc_freq.items()}
        return Snapshot(
            identity=identity, problems=problems, code_index=code_index, idf=idf, unseen_idf=math.log(n / 0.5)
        )

    def full_text(self, expression: str, limit: int, weights: list[float]) -> list[tuple[str, float]]:
        """Problem ids and bm25 scores (higher is better) for an FTS5 ``expression``."""
        if len(weights) != len(FTS_COLUMNS):
            raise ValueError("one weight per full-text column")
        sql = (
            "select problems.id as id, -bm25(problems_fts, {w}) as score from problems_fts "
            "join problems on problems.rowid = problems_fts.rowid "
            "where problems_fts match ? order by score desc limit ?"
        ).format(w=", ".join(str(float(x)) for x in weights))
        try:
            return [(r["id"], r["score"]) for r in self.db().query(sql, [expression, limit])]
        except sqlite3.OperationalError:
            return []

    def article(self, article_id: str) -> Article:
        """The whole article with id ``article_id``."""
        article = read_article(self.db(), article_id)
        if article is None:
            raise NotFoundError(f"no article with id {article_id!r}")
        return article

    def problem(self, pid: str) -> tuple[Article, Problem]:
        """A problem with its steps, and its article (without the other problems)."""
        memo = self.snapshot().memo
        key = ("problem", pid)
        if key not in memo:
            memo[key] = self._load_problem(pid)
        return memo[key]  # type: ignore[no-any-return]

    def _load_problem(self, pid: str) -> tuple[Article, Problem]:
        db = self.db()
        rows = list(db.query("select * from problems where id = ?", [pid]))
        if not rows:
            raise NotFoundError(f"no problem with id {pid!r}")
        problem = problem_from_row(rows[0], steps_of(db, pid))
        article_row = next(db.query("select * from articles where id = ?", [rows[0]["article_id"]]))
        return article_from_row(article_row, []), problem

    def articles(self, *, offset: int = 0, limit: int = 50) -> tuple[int, list[tuple[Article, int]]]:
        """A page of articles by title, each with its number of problems, and the total count."""
        db = self.db()
        total = db.table("articles").count
        rows = db.query(
            "select a.*, (select count(*) from problems p where p.article_id = a.id) as n "
            "from articles a order by a.title, a.id limit ? offset ?",
            [limit, offset],
        )
        return total, [(article_from_row(r, []), r["n"]) for r in rows]

    def stats(self) -> dict[str, object]:
        """Counts, schema version and build time of the open index, for health checks."""
        db = self.db()
        return {
            "schema_version": schema_version(db),
            "articles": db.table("articles").count,
            "problems": db.table("problems").count,
            "steps": db.table("steps").count,
            "built_at": os.stat(self.path).st_mtime,
        }
