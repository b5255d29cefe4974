"""Fit the matcher's logistic weights on labelled queries and print them.

Usage: python scripts/calibrate_matcher.py [QUERIES.jsonl]

Indexes kb/ and ../shared/corpus/msdocs into a temporary file, collects every
candidate's evidence features for every query (label: is it a right answer),
fits an L2-regularised logistic regression by gradient descent, and prints the
weights to paste into api/matcher.py (WEIGHTS, BIAS). The weights are generic:
they say how much each kind of evidence counts, never which article answers.
"""

from __future__ import annotations

import math
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from api.evaluate import _SEED, load_queries  # noqa: E402
from api.knowledge import KnowledgeBase  # noqa: E402
from api.matcher import FEATURES, candidates  # noqa: E402
from api.query import prepare  # noqa: E402
from indexer.build import build_index  # noqa: E402
from indexer.records import problem_id  # noqa: E402

PER_QUERY = 20
L2 = 0.001
STEPS = 3000
RATE = 1.0


def right(expected: list[str] | None, source: str, pid: str) -> bool:
    for want in expected or []:
        seed = _SEED.match(want)
        if seed and pid == problem_id(seed["article"], int(seed["n"])):
            return True
        if not seed and Path(source).name == want:
            return True
    return False


def main() -> None:
    queries_path = Path(sys.argv[1]) if len(sys.argv) > 1 else REPO.parent / "shared" / "eval" / "dev_queries.jsonl"
    corpus = REPO.parent / "shared" / "corpus" / "msdocs"
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "calibrate.db"
        build_index([REPO / "kb", corpus], db)
        kb = KnowledgeBase(db)
        sources = {r["id"]: r["source"] for r in kb.db().query("select id, source from articles")}
        rows: list[tuple[list[float], int]] = []
        for item in load_queries(queries_path):
            found = candidates(kb, prepare(item.query))
            found.sort(key=lambda c: -c[0]["bm25"] - 3 * c[0]["message"] - 3 * c[0]["code"])
            for features, view, _ in found[:PER_QUERY]:
                label = int(right(item.expected, sources[view.article_id], view.id))
                rows.append(([features[f] for f in FEATURES], label))
    n_features = len(FEATURES)
    weights = [0.0] * (n_features + 1)
    positives = sum(label for _, label in rows)
    # Balance the classes so the bias is not swamped by the many wrong candidates.
    pos_weight = (len(rows) - positives) / max(positives, 1) / 4
    for _ in range(STEPS):
        grad = [0.0] * (n_features + 1)
        for x, y in rows:
            z = weights[-1] + sum(w * v for w, v in zip(weights, x, strict=False))
            p = 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))
            g = (p - y) * (pos_weight if y else 1.0)
            for i, v in enumerate(x):
                grad[i] += g * v
            grad[-1] += g
        for i in range(n_features):
            weights[i] -= RATE * (grad[i] / len(rows) + L2 * weights[i])
        weights[-1] -= RATE * grad[-1] / len(rows)
    print(f"{len(rows)} candidates, {positives} right")
    print("WEIGHTS = {")
    for name, w in zip(FEATURES, weights, strict=False):
        print(f'    "{name}": {w:.2f},')
    print("}")
    print(f"BIAS = {weights[-1]:.2f}")


if __name__ == "__main__":
    main()
