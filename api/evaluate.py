"""Answer quality on labelled queries, beside the plain baselines of :mod:`api.baselines`.

The query file format is described in ``../shared/eval/README.md``: one JSON
object per line with ``id``, ``query``, ``expected`` and ``kind``. ``expected``
is an article file name (or a list of equally right ones), ``seed:ARTICLE#Rn``
for the n-th problem of article ``ARTICLE``, or null when nothing answers it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from api.baselines import RANK_DEPTH, ArticleDocuments, Baseline, Bm25sBaseline, Fts5Baseline
from api.knowledge import KnowledgeBase
from api.matcher import match
from api.request_lines import bad_lines_message, is_line_id, json_line, request_lines
from indexer.errors import InvalidQueryError
from indexer.records import problem_id

_SEED = re.compile(r"^seed:(?P<article>[^#]+)#R(?P<n>\d+)$")


@dataclass
class Labelled:
    """One labelled query."""

    id: str
    query: str
    kind: str
    expected: list[str] | None
    # False for a line with no "expected" field: counted as having no answer, as null is, but a
    # misspelled field ("expect") reads the same, so the run says which ids it took so.
    expected_given: bool = True


@dataclass
class Ranked:
    """One system's answer to a query: (article source, problem id) best first, and confidence."""

    answers: list[tuple[str, str]]
    confident: bool
    high: bool
    # The probability it gives its first answer of being right (0.0 when it has none); None for a
    # system that gives none, as the plain baselines.
    probability: float | None = None


@dataclass
class Tally:
    """Running totals for one group of queries."""

    answerable: int = 0
    top1: int = 0
    top3: int = 0
    reciprocal: float = 0.0
    confident_right: int = 0
    confident_wrong: int = 0
    high_wrong: int = 0
    no_answer: int = 0
    no_answer_silent: int = 0
    # (first answer right, its probability) per query, of a system that gives probabilities.
    firsts: list[tuple[bool, float]] = field(default_factory=list)

    def add(self, item: Labelled, ranked: Ranked) -> None:
        rank = _rank(item.expected, ranked.answers) if item.expected is not None else 0
        if ranked.probability is not None:
            self.firsts.append((rank == 1, ranked.probability))
        if item.expected is None:
            self.no_answer += 1
            self.no_answer_silent += int(not ranked.confident)
            return
        self.answerable += 1
        self.top1 += int(rank == 1)
        self.top3 += int(0 < rank <= 3)
        self.reciprocal += 1 / rank if rank else 0.0
        self.confident_right += int(ranked.confident and rank == 1)
        self.confident_wrong += int(ranked.confident and rank != 1)
        self.high_wrong += int(ranked.high and rank != 1)

    def figures(self) -> dict[str, float | int | None]:
        n = self.answerable
        return {
            "queries": n + self.no_answer,
            "top1": round(self.top1 / n, 3) if n else None,
            "recall@3": round(self.top3 / n, 3) if n else None,
            "mrr@10": round(self.reciprocal / n, 3) if n else None,
            # Shares of the answerable queries whose first answer was confident (medium or high)
            # and right; confident and wrong; high and wrong.
            "confident_right": round(self.confident_right / n, 3) if n else None,
            "confident_wrong": round(self.confident_wrong / n, 3) if n else None,
            "high_wrong": round(self.high_wrong / n, 3) if n else None,
            "no_answer": self.no_answer,
            "no_answer_silent": self.no_answer_silent,
            **probability_quality(self.firsts),
        }


def figure(value: object, decimals: int = 3) -> str:
    """A figure of a report (:meth:`Tally.figures`) as a table shows it: ``decimals`` places, or
    "-" where there is none, right-aligned to the width of a number below 10."""
    width = decimals + 2
    return f"{value:{width}.{decimals}f}" if isinstance(value, float) else f"{'-':>{width}}"


def probability_quality(firsts: Sequence[tuple[bool, float]]) -> dict[str, float | None]:
    """How well the probabilities given to first answers (``firsts``: whether each is right, and
    its probability) tell the right ones from the rest, whatever the confidence thresholds.

    ``auc``: the chance that a right first answer was given a higher probability than a wrong
    one or than an answer to a query that has none (ties count half); 0.5 is no better than
    chance. ``brier``: the mean squared distance between each probability and what happened (1
    right, 0 not); lower is better. None where undefined: the AUC needs a right first answer and
    another, the Brier score a query. A change that moves a borderline query across a threshold
    moves the confident-and-right share, not these.
    """
    if not firsts:
        return {"auc": None, "brier": None}
    right = np.array([r for r, _ in firsts], dtype=bool)
    p = np.array([q for _, q in firsts], dtype=float)
    brier = round(float(np.mean((p - right) ** 2)), 4)
    positives, negatives = int(right.sum()), int((~right).sum())
    if not positives or not negatives:
        return {"auc": None, "brier": brier}
    # Mann-Whitney: the positives' mean rank among all, equal probabilities sharing their mean rank.
    _, where, counts = np.unique(p, return_inverse=True, return_counts=True)
    ranks = (np.cumsum(counts) - (counts - 1) / 2)[where]
    auc = (ranks[right].sum() - positives * (positives + 1) / 2) / (positives * negatives)
    return {"auc": round(float(auc), 3), "brier": brier}


@dataclass
class Report:
    """Figures overall and per kind, for the matcher and each baseline (by baseline name)."""

    matcher: dict[str, Tally] = field(default_factory=dict)
    baselines: dict[str, dict[str, Tally]] = field(default_factory=dict)
    misses: list[dict[str, object]] = field(default_factory=list)

    def as_dict(self) -> dict[str, dict[str, dict[str, float | int | None]]]:
        """``{group: {"matcher": figures, "fts5_baseline": figures, "bm25_baseline": figures}}``."""
        return {
            group: {
                "matcher": self.matcher[group].figures(),
                **{name: tallies[group].figures() for name, tallies in self.baselines.items()},
            }
            for group in self.matcher
        }


def load_queries(path: Path) -> list[Labelled]:
    """Read a labelled query file: InvalidQueryError naming each line that is not a labelled query
    (the first 20 of them), or saying that the file holds none."""
    out = []
    problems = []
    with path.open("rb") as lines:
        # Line by line, each bounded: `kb eval /dev/zero` would otherwise fill the memory.
        for number, raw in request_lines(lines):
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                problems.append(f"{path}:{number}: not UTF-8 ({exc.reason} at byte {exc.start} of the line)")
                continue
            if not line.strip():
                continue
            try:
                out.append(_labelled(json_line(line)))
            except ValueError as exc:
                problems.append(f"{path}:{number}: not a labelled query: {exc}")
    if problems:
        raise InvalidQueryError(bad_lines_message(problems, "nothing was scored"))
    if not out:
        raise InvalidQueryError(f"{path}: holds no labelled query; nothing was scored")
    return out


def _labelled(row: Any) -> Labelled:
    """One labelled query from a line's JSON value; ValueError saying which field is wrong."""
    if not isinstance(row, dict):
        raise ValueError(f'expected an object {{"id", "query", "expected"}}, got {type(row).__name__}')
    if not is_line_id(row.get("id")):
        raise ValueError('"id" must be a string or an integer')
    if not isinstance(row.get("query"), str) or not row["query"].strip():
        raise ValueError('"query" must be a non-empty string')
    kind = row.get("kind")
    if kind is not None and not isinstance(kind, str):
        raise ValueError('"kind" must be a string, or left out')
    expected = row.get("expected")
    if isinstance(expected, str):
        expected = [expected]
    if expected is not None and not (
        isinstance(expected, list) and expected and all(isinstance(e, str) and e for e in expected)
    ):
        raise ValueError('"expected" must be a file name, a non-empty list of them, or null (no answer)')
    return Labelled(
        str(row["id"]), row["query"], (kind or "").strip() or "unknown", expected, "expected" in row
    )


def is_right(expected: list[str] | None, source: str, pid: str) -> bool:
    """Whether the problem ``pid`` of the article file ``source`` is one of the ``expected`` answers."""
    for want in expected or []:
        seed = _SEED.match(want)
        if seed and pid == problem_id(seed["article"], int(seed["n"])):
            return True
        if not seed and names_file(want, source):
            return True
    return False


def names_file(want: str, source: str) -> bool:
    """Whether an expected answer ``want`` names the article file ``source`` (a path in its folder,
    "zendesk/360012345.html"): by its name alone, or by its path, or the end of it, where folders
    hold files of one name."""
    if "/" not in want:
        return Path(source).name == want
    return source == want or source.endswith("/" + want)


@dataclass
class Coverage:
    """Which of the answers a query file expects (article file names, seed problems) the index holds."""

    expected: list[str]
    missing: list[str]

    @property
    def mostly_missing(self) -> bool:
        """More than half of the expected answers are absent: the figures would measure the index, not us."""
        return 2 * len(self.missing) > len(self.expected)

    def describe(self) -> str:
        """One line for a person: how many are missing, and the first few."""
        shown = ", ".join(self.missing[:3]) + (", ..." if len(self.missing) > 3 else "")
        return f"{len(self.missing)} of {len(self.expected)} expected answers are not in the index ({shown})"


def coverage(kb: KnowledgeBase, queries: Iterable[Labelled]) -> Coverage:
    """Check that ``kb`` holds the articles and problems ``queries`` expect."""
    db = kb.db()
    sources = [row["source"] for row in db.query("select source from articles")]
    names = {Path(source).name for source in sources}
    problems = {row["id"] for row in db.query("select id from problems")}
    expected = sorted({want for item in queries for want in item.expected or []})

    def present(want: str) -> bool:
        seed = _SEED.match(want)
        if seed:
            return problem_id(seed["article"], int(seed["n"])) in problems
        return want in names if "/" not in want else any(names_file(want, source) for source in sources)

    return Coverage(expected, [want for want in expected if not present(want)])


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
    """Run the matcher and the baselines over ``queries``."""
    report = Report()
    docs = ArticleDocuments.of(kb)
    baselines: list[Baseline] = [Fts5Baseline(docs), Bm25sBaseline.build(docs)]
    for n, item in enumerate(queries, start=1):
        result = match(kb, item.query, limit=RANK_DEPTH)
        ours = Ranked(
            answers=[(m.article.source, m.problem.id) for m in result.matches],
            confident=not result.no_confident_match,
            high=bool(result.matches) and result.matches[0].confidence == "high",
            probability=result.matches[0].score if result.matches else 0.0,
        )
        theirs = {b.name: Ranked(b.rank(item.query), confident=True, high=True) for b in baselines}
        for group in _groups(item.kind):
            report.matcher.setdefault(group, Tally()).add(item, ours)
            for name, ranked in theirs.items():
                report.baselines.setdefault(name, {}).setdefault(group, Tally()).add(item, ranked)
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
