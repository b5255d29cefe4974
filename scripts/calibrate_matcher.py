"""Fit the matcher's logistic weights on labelled queries and print them.

Usage: python scripts/calibrate_matcher.py [QUERIES.jsonl]

Indexes kb/ and ../shared/corpus/msdocs into a temporary file, collects every
candidate's evidence features for every query (label: is it a right answer),
fits the ranking weights (listwise softmax: the right candidates should outscore
the rest of their query's) and then the calibration (logistic regression of "the
top candidate is right" on its score and its lead over the runner-up, with the
no-answer queries as negatives), and prints both to paste into api/matcher.py. The weights are generic:
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
from api.matcher import CALIBRATION_INPUTS, FEATURES, calibration_inputs, candidates  # noqa: E402
from api.query import prepare  # noqa: E402
from indexer.build import build_index  # noqa: E402
from indexer.records import problem_id  # noqa: E402

L2 = 0.001
NO_ANSWER_WEIGHT = 3.0
STEPS = 400
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
    queries_path = (
        Path(sys.argv[1]) if len(sys.argv) > 1 else REPO.parent / "shared" / "eval" / "dev_queries.jsonl"
    )
    corpus = REPO.parent / "shared" / "corpus" / "msdocs"
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "calibrate.db"
        build_index([REPO / "kb", corpus], db)
        kb = KnowledgeBase(db)
        sources = {r["id"]: r["source"] for r in kb.db().query("select id, source from articles")}
        groups: list[list[tuple[list[float], int]]] = []
        unanswerable: list[bool] = []
        for item in load_queries(queries_path):
            unanswerable.append(item.expected is None)
            found = candidates(kb, prepare(item.query))
            groups.append(
                [
                    (
                        [features[f] for f in FEATURES],
                        int(right(item.expected, sources[view.article_id], view.id)),
                    )
                    for features, view, _ in found
                ]
            )
    weights = fit_ranking(groups)
    calibration = fit_calibration(groups, weights, unanswerable)
    print(f"{sum(len(g) for g in groups)} candidates over {len(groups)} queries")
    print("WEIGHTS = {")
    for name, w in zip(FEATURES, weights, strict=False):
        print(f'    "{name}": {w:.2f},')
    print("}")
    print("CALIBRATION = {" + ", ".join(f'"{k}": {v:.3f}' for k, v in calibration.items()) + "}")


def fit_ranking(groups: list[list[tuple[list[float], int]]]) -> list[float]:
    """Listwise softmax: raise the share of each query's right candidates."""
    n = len(FEATURES)
    weights = [0.0] * n
    usable = [g for g in groups if any(y for _, y in g)]
    for _ in range(STEPS):
        grad = [0.0] * n
        for group in usable:
            scores = [sum(w * v for w, v in zip(weights, x, strict=False)) for x, _ in group]
            top = max(scores)
            exps = [math.exp(s - top) for s in scores]
            total = sum(exps)
            right_total = sum(e for e, (_, y) in zip(exps, group, strict=False) if y)
            for e, (x, y) in zip(exps, group, strict=False):
                coef = e / total - (e / right_total if y else 0.0)
                for i, v in enumerate(x):
                    grad[i] += coef * v
        for i in range(n):
            weights[i] -= RATE * (grad[i] / len(usable) + L2 * weights[i])
    return weights


def fit_calibration(
    groups: list[list[tuple[list[float], int]]], weights: list[float], unanswerable: list[bool]
) -> dict[str, float]:
    """Logistic regression of "the top candidate is right" on its calibration inputs.

    A confident answer to a question the knowledge base cannot answer costs more than
    a cautious right answer, so the unanswerable queries weigh NO_ANSWER_WEIGHT times.
    """
    rows: list[tuple[list[float], int, float]] = []
    for group, no_answer in zip(groups, unanswerable, strict=True):
        if not group:
            continue
        ranked = sorted(
            ((sum(w * v for w, v in zip(weights, x, strict=False)), x, y) for x, y in group),
            key=lambda r: -r[0],
        )
        scores = [r[0] for r in ranked]
        inputs = calibration_inputs(scores, 0, dict(zip(FEATURES, ranked[0][1], strict=False)))
        weight = NO_ANSWER_WEIGHT if no_answer else 1.0
        rows.append(([inputs[name] for name in CALIBRATION_INPUTS], ranked[0][2], weight))
    coef = [0.0] * (len(CALIBRATION_INPUTS) + 1)
    for _ in range(6000):
        grad = [0.0] * len(coef)
        for x, y, weight in rows:
            z = coef[-1] + sum(c * v for c, v in zip(coef, x, strict=False))
            p = 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))
            for i, v in enumerate(x):
                grad[i] += (p - y) * v * weight
            grad[-1] += (p - y) * weight
        coef = [c - 0.2 * g / len(rows) for c, g in zip(coef, grad, strict=False)]
    return {**dict(zip(CALIBRATION_INPUTS, coef, strict=False)), "bias": coef[-1]}


if __name__ == "__main__":
    main()
