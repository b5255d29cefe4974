"""`kb eval`: answer quality on labelled queries, beside the plain baselines."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from api.cli.group import fail, handle_errors
from api.cli.options import db_option, format_option
from api.cli.sources import open_kb
from api.exitcodes import EXIT_UNAVAILABLE, EXIT_USAGE, NO_INDEX, exit_codes_help
from api.render import counted, to_json, to_json_line

# kb eval's own exit codes: it never answers a query, so the match codes do not apply.
EVAL_EXIT_CODES_HELP = exit_codes_help(
    {
        0: "scored",
        EXIT_USAGE: "usage error: bad option or query file, or most of the answers the\n"
        "     queries expect are not in the index (index their articles first)",
        EXIT_UNAVAILABLE: NO_INDEX,
    },
    streams="Figures go to stdout; notes (expected answers missing) go to stderr.",
)


@click.command(name="eval", epilog=EVAL_EXIT_CODES_HELP)
@click.argument(
    "queries", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path)
)
@db_option
@format_option(
    "text",
    "json",
    default="text",
    described={"text": "text (a table)", "json": "json (every figure, and the misses with --misses)"},
)
@click.option("--misses", is_flag=True, help="Also list the queries answered wrongly.")
@handle_errors
def eval_command(queries: tuple[Path, ...], db_path: Path, fmt: str, misses: bool) -> None:
    """Measure answer quality on labelled QUERIES (JSONL), beside plain FTS5 and BM25 baselines.
    Several files are scored as one set: the figures pool their queries.

    Prints top-1 article accuracy, recall@3, MRR@10, the share answered confident
    (medium or high) and right, confident and wrong, high and wrong, for queries
    with no answer how many got "no confident match" ("silent"), and how well the
    first answer's probability tells right answers from the rest whatever the
    thresholds (AUC, and Brier score: lower is better) — overall and per kind of
    query; beside them top-1, recall@3 and MRR@10 of two plain baselines over whole
    articles on the same index: SQLite FTS5 bm25 and BM25 (bm25s).

    The index must hold the articles the queries were written for: a note on
    stderr names the expected answers it lacks, and when most are missing
    nothing is scored (exit 2).

    On the dev sets the shipped model was fitted on, these figures are
    in-sample: its ranking saw those queries, and one pair of thresholds stands
    for each fold's own. For them, quote scripts/fit_matcher.py's out-of-fold
    figures; kb eval measures queries the fit never saw.

    \b
    Example:
      kb index kb/ ../shared/corpus/msdocs --db full.db
      kb eval ../shared/eval/dev_queries.jsonl --db full.db
    """
    from api.evaluate import coverage, evaluate, figure, load_queries

    kb = open_kb(db_path)
    items = [item for path in queries for item in load_queries(path)]
    unstated = [q.id for q in items if not q.expected_given]
    if unstated:
        shown = ", ".join(unstated[:10]) + (", …" if len(unstated) > 10 else "")
        click.echo(
            f'kb: note: {counted(len(unstated), "query", "queries")} with no "expected" field, '
            f"counted as having no answer (null): {shown}",
            err=True,
        )
    covered = coverage(kb, items)
    if covered.missing:
        click.echo(f"kb: note: {covered.describe()}", err=True)
    if covered.mostly_missing:
        sys.exit(
            fail(
                f"not scoring: {db_path} lacks most of the answers "
                f"{', '.join(map(str, queries))} expect{'s' if len(queries) == 1 else ''}; "
                "index the articles these queries were written for",
                EXIT_USAGE,
            )
        )
    report = evaluate(kb, items)
    # {group: {"matcher": {...}, "fts5_baseline": {...}, "bm25_baseline": {...}}}
    figures: dict[str, Any] = report.as_dict()
    if fmt == "json":
        click.echo(
            to_json(
                {
                    "groups": figures,
                    "misses": report.misses if misses else [],
                    "expected_missing": covered.missing,
                }
            )
        )
        return
    header = (
        f"{'kind':26} {'n':>4}  {'top1':>5} {'r@3':>5} {'mrr':>5} "
        f"{'conf-right':>10} {'conf-wrong':>10} {'high-wrong':>10} {'silent':>7} {'auc':>5} {'brier':>6}"
    )
    click.echo(header + "   | FTS5: top1   r@3   mrr | BM25: top1   r@3   mrr")
    for group, row in figures.items():
        ours = row["matcher"]
        silent = f"{ours['no_answer_silent']}/{ours['no_answer']}" if ours["no_answer"] else "-"
        baselines = "".join(
            f"   |       {figure(row[name]['top1'])} {figure(row[name]['recall@3'])} {figure(row[name]['mrr@10'])}"
            for name in ("fts5_baseline", "bm25_baseline")
        )
        click.echo(
            f"{group:26} {ours['queries']:>4}  {figure(ours['top1'])} {figure(ours['recall@3'])} "
            f"{figure(ours['mrr@10'])} {figure(ours['confident_right']):>10} {figure(ours['confident_wrong']):>10} "
            f"{figure(ours['high_wrong']):>10} {silent:>7} {figure(ours['auc'])} {figure(ours['brier'], 4)}"
            + baselines
        )
    if misses:
        for miss in report.misses:
            click.echo(to_json_line(miss))
