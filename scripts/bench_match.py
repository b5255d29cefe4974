"""Matcher speed: median and p95 per `match` call in-process over the dev queries,
beside a plain FTS5 bm25 query over the same index measured in the same run.

Usage: python scripts/bench_match.py [QUERIES.jsonl]
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from api.evaluate import load_queries  # noqa: E402
from api.knowledge import KnowledgeBase  # noqa: E402
from api.matcher import match  # noqa: E402
from indexer.build import build_index  # noqa: E402
from indexer.errortext import comparable  # noqa: E402
from indexer.full_text import FTS_COLUMNS  # noqa: E402

ROUNDS = 3


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def main() -> None:
    shared = REPO.parent / "shared"
    queries_path = Path(sys.argv[1]) if len(sys.argv) > 1 else shared / "eval" / "dev_queries.jsonl"
    corpus = shared / "corpus" / "msdocs"
    if not queries_path.exists() or not corpus.is_dir():
        sys.exit(f"bench_match: needs {queries_path} and {corpus}")
    queries = [q.query for q in load_queries(queries_path)]
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.db"
        build_index([REPO / "kb", corpus], db)
        kb = KnowledgeBase(db)
        match(kb, "warm up")
        ours: list[float] = []
        plain: list[float] = []
        weights = [1.0] * len(FTS_COLUMNS)
        for _ in range(ROUNDS):
            for text in queries:
                started = time.perf_counter()
                match(kb, text)
                ours.append((time.perf_counter() - started) * 1000)
                started = time.perf_counter()
                words = list(dict.fromkeys(comparable(text).split()))[:40]
                kb.full_text(" OR ".join(f'"{w}"' for w in words), 10, weights) if words else None
                plain.append((time.perf_counter() - started) * 1000)
    print(f"{len(queries)} queries x {ROUNDS} rounds, index of kb/ + corpus")
    print(f"{'':24} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}")
    for name, values in (("match()", ours), ("plain FTS5 bm25 query", plain)):
        print(
            f"{name:24} {statistics.median(values):8.2f} {percentile(values, 0.95):8.2f} {max(values):8.2f}"
        )
    print(f"ratio match/FTS5 at p50: {statistics.median(ours) / statistics.median(plain):.1f}x")


if __name__ == "__main__":
    main()
