"""The `kb` command: index articles, look answers up, evaluate, serve.

Exit codes (every command): 0 success or a confident match, 1 no confident
match, 2 usage error or --strict warnings, 3 index missing or unreadable.
Results go to standard output, errors and progress to standard error.
"""

from __future__ import annotations

import functools
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click
from pydantic import BaseModel

from api.knowledge import KnowledgeBase
from api.render import to_markdown
from indexer.build import build_index
from indexer.errors import IndexMissingError, InvalidQueryError, KbError, NotFoundError

EXIT_NO_MATCH = 1
EXIT_USAGE = 2
EXIT_NO_INDEX = 3
DEFAULT_DB = "kb.db"
DEFAULT_ARTICLES = "kb"

F = TypeVar("F", bound=Callable[..., Any])


def default_db() -> str:
    """The index file used when --db is not given: $KB_DB, else kb.db in the working directory."""
    return os.environ.get("KB_DB") or DEFAULT_DB


def db_option(func: F) -> F:
    """The --db option every command shares."""
    return click.option(
        "--db",
        "db_path",
        type=click.Path(dir_okay=False, path_type=Path),
        default=default_db,
        show_default="$KB_DB or kb.db",
        help="Index file.",
    )(func)


def format_option(*choices: str, default: str = "md") -> Callable[[F], F]:
    """The --format option, with the formats a command offers."""
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(list(choices)),
        default=default,
        show_default=True,
        help="Output format.",
    )


def emit(value: BaseModel, fmt: str) -> None:
    """Write a result to stdout as JSON or Markdown."""
    if fmt == "json":
        click.echo(value.model_dump_json(indent=2))
    else:
        click.echo(to_markdown(value), nl=False)


def open_kb(db_path: Path) -> KnowledgeBase:
    """Open the index for reading; exit 3 with a clear message when it is missing."""
    try:
        return KnowledgeBase(db_path)
    except IndexMissingError as exc:
        raise click.exceptions.Exit(_fail(str(exc), EXIT_NO_INDEX)) from exc


def _fail(message: str, code: int) -> int:
    click.echo(f"kb: {message}", err=True)
    return code


def handle_errors(func: F) -> F:
    """Translate kb-answer errors into a message on stderr and a documented exit code."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except IndexMissingError as exc:
            sys.exit(_fail(str(exc), EXIT_NO_INDEX))
        except (NotFoundError, InvalidQueryError) as exc:
            sys.exit(_fail(str(exc), EXIT_USAGE))
        except KbError as exc:
            sys.exit(_fail(str(exc), EXIT_USAGE))

    return wrapper  # type: ignore[return-value]


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="kb-answer")
def cli() -> None:
    """kb-answer: find the troubleshooting steps for a pasted error or symptom.

    \b
    Quick start:
      kb index                      # index kb/ into kb.db
      kb match "AADSTS50011 redirect URI mismatch"
    """


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
@db_option
@click.option("--strict", is_flag=True, help="Exit with code 2 when any article gives a warning.")
@click.option("--quiet", "-q", is_flag=True, help="No progress output.")
def index(paths: tuple[Path, ...], db_path: Path, strict: bool, quiet: bool) -> None:
    """Index article folders or files (default: kb/) into the index file.

    Only changed articles are parsed again; the new index replaces the old one
    in a single rename, so readers never see a half-built index.

    \b
    Example:
      kb index kb/ ../shared/corpus/msdocs --db kb.db
    """
    folders = list(paths) or [Path(os.environ.get("KB_ARTICLES") or DEFAULT_ARTICLES)]
    show_progress = not quiet and sys.stderr.isatty()

    def progress(n: int, total: int, source: str) -> None:
        if show_progress and (n % 25 == 0 or n == total):
            click.echo(f"\r  parsed {n}/{total} files", err=True, nl=n == total)

    try:
        report = build_index(folders, db_path, progress=progress)
    except FileNotFoundError as exc:
        sys.exit(_fail(str(exc), EXIT_USAGE))
    for warning in report.warnings:
        click.echo(f"warning: {warning}", err=True)
    click.echo(
        f"Indexed {report.articles} articles, {report.problems} problems, {report.steps} steps "
        f"({report.parsed} parsed, {report.unchanged} unchanged, {report.removed} removed); "
        f"{len(report.warnings)} warnings; {report.whole_article} whole-article problems; "
        f"{report.seconds:.2f} s -> {db_path}"
    )
    if strict and report.warnings:
        sys.exit(EXIT_USAGE)


@cli.command()
@click.argument("item_id", metavar="ID")
@db_option
@format_option("md", "json")
@handle_errors
def show(item_id: str, db_path: Path, fmt: str) -> None:
    """Show an article, or one problem of it (ID of the form ARTICLE#N).

    \b
    Examples:
      kb show jumpcloud-m365 --format json
      kb show 'jumpcloud-m365#2'
    """
    from api.lookups import show as lookup

    emit(lookup(open_kb(db_path), item_id), fmt)


@cli.command()
@click.argument("text", required=False)
@db_option
@format_option("md", "json")
@click.option("--limit", default=5, show_default=True, type=click.IntRange(1, 50), help="Most matches to return.")
@click.option("--batch", type=click.File("r"), help="JSONL file of {id, query}; one JSON result per line.")
@handle_errors
def match(text: str | None, db_path: Path, fmt: str, limit: int, batch: Any) -> None:
    """Find the problem and steps that answer TEXT (or standard input).

    Exit code 0 when a match is confident, 1 when nothing fits.

    \b
    Examples:
      kb match "AADSTS50105: The signed in user is not assigned to a role"
      tail -n 200 sync.log | kb match --format json
      kb match --batch queries.jsonl > answers.jsonl
    """
    from api.matcher import match as run_match

    kb = open_kb(db_path)
    if batch is not None:
        for line in batch:
            if not line.strip():
                continue
            row = json.loads(line)
            result = run_match(kb, str(row.get("query", "")), limit=limit)
            click.echo(json.dumps({"id": row.get("id"), "result": result.model_dump(mode="json")}))
        return
    if text is None:
        text = sys.stdin.read()
    if not text.strip():
        raise InvalidQueryError("nothing to match: give TEXT or pipe it on standard input")
    result = run_match(kb, text, limit=limit)
    emit(result, fmt)
    if result.no_confident_match:
        sys.exit(EXIT_NO_MATCH)


@cli.command(name="eval")
@click.argument("queries", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@db_option
@format_option("text", "json", default="text")
@click.option("--misses", is_flag=True, help="Also list the queries answered wrongly.")
@handle_errors
def eval_command(queries: Path, db_path: Path, fmt: str, misses: bool) -> None:
    """Measure answer quality on labelled QUERIES (JSONL), beside a plain FTS5 baseline.

    Prints top-1 article accuracy, recall@3, MRR@10, confident-but-wrong rate and,
    for queries with no answer, how many got "no confident match" — overall and
    per kind of query.

    \b
    Example:
      kb eval ../shared/eval/dev_queries.jsonl --db kb.db
    """
    from api.evaluate import evaluate, load_queries

    report = evaluate(open_kb(db_path), load_queries(queries))
    figures = report.as_dict()
    if fmt == "json":
        click.echo(json.dumps({"groups": figures, "misses": report.misses if misses else []}, indent=2))
        return
    header = f"{'kind':26} {'n':>4}  {'top1':>5} {'r@3':>5} {'mrr':>5} {'hiwrong':>7} {'silent':>7}"
    click.echo(header + "   | FTS5 baseline: top1   r@3   mrr")
    for group, pair in figures.items():
        ours, base = pair["matcher"], pair["fts5_baseline"]
        silent = f"{ours['no_answer_silent']}/{ours['no_answer']}" if ours["no_answer"] else "-"
        click.echo(
            f"{group:26} {ours['queries']:>4}  {_fig(ours['top1'])} {_fig(ours['recall@3'])} "
            f"{_fig(ours['mrr@10'])} {_fig(ours['confident_wrong']):>7} {silent:>7}   |"
            f"                {_fig(base['top1'])} {_fig(base['recall@3'])} {_fig(base['mrr@10'])}"
        )
    if misses:
        for miss in report.misses:
            click.echo(json.dumps(miss))


def _fig(value: object) -> str:
    return f"{value:5.3f}" if isinstance(value, float) else f"{'-':>5}"


@cli.command()
@click.argument("text")
@db_option
@format_option("md", "json")
@click.option("--limit", default=10, show_default=True, type=click.IntRange(1, 50))
@handle_errors
def search(text: str, db_path: Path, fmt: str, limit: int) -> None:
    """Search-as-you-type: problems whose title or codes start with TEXT.

    \b
    Example:
      kb search "aadsts500"
    """
    from api.lookups import search as run_search

    emit(run_search(open_kb(db_path), text, limit=limit), fmt)


@cli.command()
@db_option
@format_option("md", "json")
@click.option("--offset", default=0, show_default=True, type=click.IntRange(0))
@click.option("--limit", default=50, show_default=True, type=click.IntRange(1, 200))
@handle_errors
def articles(db_path: Path, fmt: str, offset: int, limit: int) -> None:
    """List the indexed articles, by title.

    \b
    Example:
      kb articles --limit 20 --format json
    """
    from api.lookups import list_articles

    emit(list_articles(open_kb(db_path), offset=offset, limit=limit), fmt)
