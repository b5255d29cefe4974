"""Answer quality on labelled queries, beside a plain FTS5 bm25 baseline.

The query file format is described in ``../shared/eval/README.md``: one JSON
object per line with ``id``, ``query``, ``expected`` and ``kind``. ``expected``
is an article file name (or a list of equally right ones), ``seed:ARTICLE#Rn``
for the n-th problem of article ``ARTICLE``, or null when nothing answers it.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from api.knowledge import KnowledgeBase
from api.matcher import match
from indexer.errortext import comparable
from indexer.records import problem_id

RANK_DEPTH = 10
_SEED = re.compile(r"^seed:(?P<article>[^#]+)#R(?P<n>\d+)$")


@dataclass
class Labelled:
    """One labelled query."""

    id: str
    query: str
    kind: str
    expected: list[str] | None


@dataclass
class Ranked:
    """One system's answer to a query: (article source, problem id) best first, and confidence."""

    answers: list[tuple[str, str]]
    confident: bool
    high: bool


@dataclass
class Tally:
    """Running totals for one group of queries."""

    answerable: int = 0
    top1: int = 0
    top3: int = 0
    reciprocal: float = 0.0
    confident_wrong: int = 0
    confident_any_wrong: int = 0
    no_answer: int = 0
    no_answer_silent: int = 0

    def add(self, item: Labelled, ranked: Ranked) -> None:
        if item.expected is None:
            self.no_answer += 1
            self.no_answer_silent += int(not ranked.confident)
            return
        self.answerable += 1
        rank = _rank(item.expected, ranked.answers)
        self.top1 += int(rank == 1)
        self.top3 += int(0 < rank <= 3)
        self.reciprocal += 1 / rank if rank else 0.0
        self.confident_wrong += int(ranked.high and rank != 1)
        self.confident_any_wrong += int(ranked.confident and rank != 1)

    def figures(self) -> dict[str, float | int | None]:
        n = self.answerable
        return {
            "queries": n + self.no_answer,
            "top1": round(self.top1 / n, 3) if n else None,
            "recall@3": round(self.top3 / n, 3) if n else None,
            "mrr@10": round(self.reciprocal / n, 3) if n else None,
            "confident_wrong": round(self.confident_wrong / n, 3) if n else None,
            "confident_any_wrong": round(self.confident_any_wrong / n, 3) if n else None,
            "no_answer": self.no_answer,
            "no_answer_silent": self.no_answer_silent,
        }


@dataclass
class Report:
    """Figures overall and per kind, for the matcher and the baseline."""

    matcher: dict[str, Tally] = field(default_factory=dict)
    baseline: dict[str, Tally] = field(default_factory=dict)
    misses: list[dict[str, object]] = field(default_factory=list)

    def as_dict(self) -> dict[str, dict[str, dict[str, float | int | None]]]:
        return {
            group: {"matcher": self.matcher[group].figures(), "fts5_baseline": self.baseline[group].figures()}
            for group in self.matcher
        }


def load_queries(path: Path) -> list[Labelled]:
    """Read a labelled query file."""
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        expected = row.get("expected")
        if isinstance(expected, str):
            expected = [expected]
        out.append(Labelled(str(row["id"]), str(row["query"]), str(row.get("kind") or "unknown"), expected))
    return out


def is_right(expected: list[str] | None, source: str, pid: str) -> bool:
    """Whether the problem ``pid`` of the article file ``source`` is one of the ``expected`` answers."""
    for want in expected or []:
        seed = _SEED.match(want)
        if seed and pid == problem_id(seed["article"], int(seed["n"])):
            return True
        if not seed and Path(source).name == want:
            return True
    return False


def _rank(expected: list[str], answers: list[tuple[str, str]]) -> int:
    """1-based rank of the first right answer, 0 when none of the first RANK_DEPTH is right."""
    seen_articles: list[str] = []
    for source, pid in answers:
        if is_right(expected, source, pid):
            return len(seen_articles) + 1
        if source not in seen_articles:
            seen_articles.append(source)
        if len(seen_articles) >= RANK_DEPTH:
            break
    return 0


def _groups(kind: str) -> list[str]:
    base = kind.split(":")[0]
    return ["all", base, kind] if base != kind else ["all", kind]


def evaluate(
    kb: KnowledgeBase, queries: Iterable[Labelled], *, progress: Callable[[int], None] | None = None
) -> Report:
    """Run the matcher and the FTS5 baseline over ``queries``."""
    report = Report()
    baseline = Fts5Baseline(kb)
    for n, item in enumerate(queries, start=1):
        result = match(kb, item.query, limit=RANK_DEPTH)
        ours = Ranked(
            answers=[(m.article.source, m.problem.id) for m in result.matches],
            confident=not result.no_confident_match,
            high=bool(result.matches) and result.matches[0].confidence == "high",
        )
        theirs = baseline.rank(item.query)
        for group in _groups(item.kind):
            report.matcher.setdefault(group, Tally()).add(item, ours)
            report.baseline.setdefault(group, Tally()).add(item, theirs)
        if (item.expected is None and ours.confident) or (
            item.expected and _rank(item.expected, ours.answers) != 1
        ):
            report.misses.append(
                {
                    "id": item.id,
                    "kind": item.kind,
                    "expected": item.expected,
                    "got": ours.answers[0] if ours.answers else None,
                    "score": result.matches[0].score if result.matches else None,
                }
            )
        if progress:
            progress(n)
    return report


class Fts5Baseline:
    """The floor we compare with: one FTS5 bm25 query over whole articles, never silent."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.conn = sqlite3.connect(":memory:", check_same_thread=False)
        self.conn.execute("create virtual table docs using fts5(source, body, tokenize='porter unicode61')")
        rows = kb.db().query(
            "select a.source as source, a.title || ' ' || group_concat("
            "p.title || ' ' || p.symptoms || ' ' || p.error_messages_text || ' ' || p.cause || ' ' || p.body, ' ') "
            "as body from articles a join problems p on p.article_id = a.id group by a.id"
        )
        self.conn.executemany("insert into docs values (?, ?)", [(r["source"], r["body"]) for r in rows])
        self.first_problem = {
            r["source"]: r["pid"]
            for r in kb.db().query(
                "select a.source as source, p.id as pid from articles a join problems p "
                "on p.article_id = a.id where p.ordinal = 1"
            )
        }

    def rank(self, text: str) -> Ranked:
        """Articles for ``text`` by plain bm25 over all their words (OR of the query's words)."""
        words = list(dict.fromkeys(comparable(text).split()))[:64]
        if not words:
            return Ranked([], confident=True, high=True)
        expression = " OR ".join(f'"{w}"' for w in words)
        rows = self.conn.execute(
            "select source from docs where docs match ? order by bm25(docs) limit ?", [expression, RANK_DEPTH]
        ).fetchall()
        return Ranked([(r[0], self.first_problem.get(r[0], "")) for r in rows], confident=True, high=True)
