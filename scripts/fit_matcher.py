"""Fit the matcher's ranking and calibration by k-fold cross-validation, and report out-of-fold figures.

Usage:
    python scripts/fit_matcher.py              # fit, print out-of-fold figures, write api/matcher_model.json
    python scripts/fit_matcher.py --dry-run    # the same, without writing the model
    python scripts/fit_matcher.py --splits 0   # without the spread over other splits (faster)

Two knowledge bases in two house styles, their labelled queries pooled:
``../shared/eval/dev_queries.jsonl`` over ``kb/`` + ``msdocs``, and
``../shared/eval/longhorn_certmanager_dev.jsonl`` over ``longhorn-certmanager`` alone.
Queries are split into K folds grouped by expected article, so the queries about one
article never sit on both sides of a split. For each fold:

1. ranking weights (a linear score over :data:`api.matcher.FEATURES`) are fitted on the
   other folds (listwise softmax: the right candidates should outscore the rest of
   their query's) and score this fold's candidates — out-of-fold ranking scores;
2. the calibration (logistic regression of "this candidate is right" on its score, its
   lead over the others and what the query gives to go on, the unanswerable queries
   weighing more) is fitted on the other folds' out-of-fold scores and gives this fold's
   probabilities;
3. the confidence thresholds are chosen on the other folds' probabilities (the lowest
   that keep confident-and-wrong answers at or under the target) and applied to this fold.

The figures printed are those out-of-fold answers only, beside the plain baselines
(FTS5 and bm25s over whole articles) on the same indexes and queries. The model written
is then fitted on everything: ranking on all queries, calibration on all out-of-fold
scores; its thresholds are the median of the folds' (see :func:`api.fitting.fit_model`).

Last, the cross-validation is run again under --splits other splits into folds (the groups
in another stable order) and the spread of each knowledge base's figures is printed: with
27 longhorn-certmanager queries one split can move a figure by an answer or two, so the
spread says how far a figure printed above rests on the one split it comes from.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from api.evaluate import Ranked, load_queries  # noqa: E402
from api.fitting import (  # noqa: E402
    FOLDS,
    MODEL_PATH,
    THIN_CAP,
    Query,
    assign_folds,
    collect,
    confidence_ranking,
    confident_right,
    cross_validate,
    datasets,
    fit_model,
    no_answer_margins,
    plain_baselines,
    print_report,
    report,
    split_spread,
    transfer,
)
from api.knowledge import KnowledgeBase  # noqa: E402
from api.matcher import FEATURES  # noqa: E402
from indexer.build import build_index  # noqa: E402


def main() -> None:
    """Index both knowledge bases, cross-validate, report, and write the model fitted on everything."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared", help="the shared folder")
    parser.add_argument("--dry-run", action="store_true", help="report only; do not write the model")
    parser.add_argument(
        "--splits",
        type=int,
        default=10,
        metavar="N",
        help="also cross-validate under N other splits into folds and print the spread (0: none)",
    )
    args = parser.parse_args()
    queries: list[Query] = []
    baselines: dict[str, dict[str, Callable[[str], Ranked]]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for data in datasets(args.shared):
            db = Path(tmp) / f"{data.name}.db"
            build_index(data.folders, db)
            kb = KnowledgeBase(db)
            items = load_queries(data.queries)
            queries += collect(kb, data.name, items)
            baselines[data.name] = plain_baselines(kb)
            print(f"{data.name}: {len(items)} queries, index of {', '.join(f.name for f in data.folders)}")
        assign_folds(queries)
        thresholds = cross_validate(queries)
        figures = report(queries, thresholds, baselines)
    right = confident_right(figures)
    print_report(figures, right)
    ordering = confidence_ranking(figures)
    print(
        "\nconfidence of the first answer, out of fold (threshold-free): "
        + "; ".join(f"{name} AUC {v['auc']}, Brier {v['brier']}" for name, v in ordering.items())
    )
    print("unanswerable queries closest to a confident answer (out-of-fold probability / its fold's medium):")
    for name, rows in no_answer_margins(queries, thresholds).items():
        print(f"  {name}: " + ", ".join(f"{i} {p:.4f}/{t:.3f}" for i, p, t in rows[:3]))
    fitted = fit_model(queries, thresholds)
    model = {
        "weights": dict(zip(FEATURES, (round(float(w), 4) for w in fitted.weights), strict=True)),
        "calibration": {k: round(v, 4) for k, v in fitted.calibration.items()},
        "thresholds": {"high": fitted.high, "medium": fitted.medium, "thin_cap": THIN_CAP},
        "meta": {
            "fitted_by": "scripts/fit_matcher.py",
            "data": {d.name: str(d.queries.relative_to(args.shared)) for d in datasets(args.shared)},
            "queries": len(queries),
            "folds": f"{FOLDS} folds grouped by expected article",
            "fold_thresholds": {str(k): v for k, v in thresholds.items()},
            "out_of_fold": {
                dataset: {group: table["matcher"] for group, table in groups.items()}
                for dataset, groups in figures.items()
            },
            "confident_and_right_out_of_fold": right,
            "confidence_ranking_out_of_fold": ordering,
        },
    }
    print(
        f"\nmodel fitted on all {len(queries)} queries: thresholds medium {fitted.medium}, high {fitted.high}"
    )
    print("\ntransfer: fitted on one knowledge base alone, answering the other's queries")
    names = list(baselines)
    for train_name in names:
        for test_name in names:
            if train_name != test_name:
                moved = transfer(
                    [q for q in queries if q.dataset == train_name],
                    [q for q in queries if q.dataset == test_name],
                )
                print(f"  {train_name} -> {test_name}: " + ", ".join(f"{k} {v}" for k, v in moved.items()))
    if args.splits > 0:
        # Last: it refits under other splits and overwrites the scores stored on the queries.
        print(
            f"\nout of fold under {args.splits} other splits into folds (grouped by expected article): min / median / max"
        )
        for name, values in split_spread(queries, args.splits).items():
            print(
                f"  {name}: "
                + "; ".join(f"{k} {_spread(v, 4 if k == 'brier' else 3)}" for k, v in values.items())
            )
    if not args.dry_run:
        MODEL_PATH.write_text(json.dumps(model, indent=2) + "\n", encoding="utf-8")
        print(f"wrote {MODEL_PATH.relative_to(REPO)}")


def _spread(values: list[float], digits: int) -> str:
    return " / ".join(f"{v:.{digits}f}" for v in (min(values), statistics.median(values), max(values)))


if __name__ == "__main__":
    main()
