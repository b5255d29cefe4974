"""Fit the matcher's weights on labelled queries and print them; or cross-validate the fit.

Usage:
    python scripts/calibrate_matcher.py [QUERIES.jsonl]        # print WEIGHTS and CALIBRATION
    python scripts/calibrate_matcher.py --cv [QUERIES.jsonl]   # 2-fold: fit on one half, measure on the other

Indexes kb/ and ../shared/corpus/msdocs into a temporary file, collects every
candidate's evidence features for every query (label: is it a right answer),
fits the ranking weights (listwise softmax: the right candidates should outscore
the rest of their query's) and then the calibration (logistic regression of "the
top candidate is right" on its score, its lead over the runner-up and how much
the query gives to go on, with the no-answer queries as weighted negatives), and
prints both to paste into api/matcher.py. The weights are generic: they say how
much each kind of evidence counts, never which article answers.

``--cv`` estimates how the fit does on queries it has not seen: the queries are
split in two halves (alternate lines), each half's fit is measured on the other
half with the thresholds of api/matcher.py, and the figures are printed.
"""

from __future__ import annotations

import argparse
import math
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from api import matcher  # noqa: E402
from api.evaluate import Labelled, evaluate, is_right, load_queries  # noqa: E402
from api.knowledge import KnowledgeBase  # noqa: E402
from api.matcher import CALIBRATION_INPUTS, FEATURES, calibration_inputs, candidates  # noqa: E402
from api.query import prepare  # noqa: E402
from indexer.build import build_index  # noqa: E402

L2 = 0.001
NO_ANSWER_WEIGHT = 3.0
STEPS = 400
RATE = 1.0

Groups = list[list[tuple[list[float], int]]]


def collect(kb: KnowledgeBase, items: list[Labelled]) -> tuple[Groups, list[bool]]:
    """Every query's candidates as (features, is-right) rows, and which queries have no answer."""
    sources = {r["id"]: r["source"] for r in kb.db().query("select id, source from articles")}
    groups: Groups = []
    for item in items:
        found = candidates(kb, prepare(item.query))
        groups.append(
            [
                (
                    [features[f] for f in FEATURES],
                    int(is_right(item.expected, sources[view.article_id], view.id)),
                )
                for features, view, _ in found
            ]
        )
    return groups, [item.expected is None for item in items]


def fit(kb: KnowledgeBase, items: list[Labelled]) -> tuple[dict[str, float], dict[str, float]]:
    """The ranking weights and the calibration fitted on ``items``."""
    groups, unanswerable = collect(kb, items)
    weights = fit_ranking(groups)
    return dict(zip(FEATURES, weights, strict=True)), fit_calibration(groups, weights, unanswerable)


def cross_validate(kb: KnowledgeBase, items: list[Labelled]) -> None:
    """Fit on each half of ``items`` and print the other half's figures."""
    halves = [items[0::2], items[1::2]]
    for train, test in ((0, 1), (1, 0)):
        matcher.WEIGHTS, matcher.CALIBRATION = fit(kb, halves[train])
        figures = evaluate(kb, halves[test]).as_dict()
        for group in ("all", "pasted-error", "symptom-description", "no-answer"):
            if group in figures:
                f = figures[group]["matcher"]
                print(
                    f"fit on half {train + 1}, measured on half {test + 1}: {group:20} top1={f['top1']} "
                    f"confident_wrong={f['confident_wrong']} no_answer_silent={f['no_answer_silent']}/{f['no_answer']}"
                )


def main() -> None:
    """Index the knowledge base, then fit and print, or cross-validate."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "queries", nargs="?", type=Path, default=REPO.parent / "shared" / "eval" / "dev_queries.jsonl"
    )
    parser.add_argument("--cv", action="store_true", help="2-fold cross-validation instead of a fit")
    args = parser.parse_args()
    corpus = REPO.parent / "shared" / "corpus" / "msdocs"
    items = load_queries(args.queries)
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "calibrate.db"
        build_index([REPO / "kb", corpus], db)
        kb = KnowledgeBase(db)
        if args.cv:
            cross_validate(kb, items)
            return
        weights, calibration = fit(kb, items)
    print(f"fitted on {len(items)} queries")
    print("WEIGHTS = {")
    for name, w in weights.items():
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
