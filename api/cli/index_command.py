"""`kb index`: article folders into the index file, with progress and a summary of how they were read."""

from __future__ import annotations

import os
import signal
import sqlite3
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from api.build_progress import BuildProgress
from api.cli.group import fail
from api.cli.options import db_option
from api.exitcodes import (
    EXIT_INTERRUPTED,
    EXIT_NOT_WRITTEN,
    EXIT_UNAVAILABLE,
    EXIT_USAGE,
    USAGE,
    exit_codes_help,
)
from api.render import counted, indexed
from indexer.errors import EmptyFolderError, ForeignFileError, MissingFolderError
from indexer.interrupts import StopWhenAsked
from indexer.records import printable

if TYPE_CHECKING:
    from indexer.build import BuildReport

# `kb index` names this many articles that got a note; the rest are counted.
NOTES_SHOWN = 5


@click.command(
    epilog=exit_codes_help(
        {
            0: "indexed (files with warnings skipped, unless --strict)",
            EXIT_USAGE: f"{USAGE}, a missing folder, warnings with --strict (the index is still written),"
            " or nothing to index in a folder (or at all) where the index has articles, or for a new index,"
            " or a folder the index holds left out of the run (see --allow-empty)",
            EXIT_UNAVAILABLE: "a file at --db that kb-answer did not build (not SQLite, another schema, not a"
            " regular file): it is never replaced",
            EXIT_NOT_WRITTEN: "the index could not be written (no permission, disk full, a parse worker"
            " killed)",
            EXIT_INTERRUPTED: "interrupted (Ctrl-C or SIGTERM): the index is as it was, replaced whole, or never"
            " written; the message says which",
        }
    )
)
@click.argument("paths", nargs=-1, type=click.Path(exists=True, readable=False, path_type=Path))
@db_option
@click.option("--strict", is_flag=True, help="Exit with code 2 when any article gives a warning.")
@click.option(
    "--allow-empty",
    is_flag=True,
    help="Let a folder with nothing to index take its articles out of the index, a run that leaves out a "
    "folder the index holds take that folder's articles out, or a run with nothing to index empty the index "
    "or write a new, empty one (without it, such a run exits 2).",
)
@click.option(
    "--rebuild",
    is_flag=True,
    help="Parse every article again into a new index instead of updating the current one: repairs an "
    "index that a front end reports damaged. Its guards are a plain run's (leaving out a folder the index "
    "holds needs --allow-empty); an article that cannot be read now is left out, where a plain run keeps "
    "its indexed version.",
)
@click.option("--quiet", "-q", is_flag=True, help="No progress output.")
def index(
    paths: tuple[Path, ...], db_path: Path, strict: bool, allow_empty: bool, rebuild: bool, quiet: bool
) -> None:
    """Index article folders or files (default: $KB_ARTICLES, else kb/) into the index file.

    Only changed articles are parsed again; the new index replaces the old one
    in a single rename, so readers never see a half-built index. Temporary files
    that interrupted runs left beside the index are removed.

    Only regular files inside the folders are read: a link is followed when it
    points to a file inside the same folder; links that leave it, links to
    folders, FIFOs and devices are skipped with a warning. Hidden files and
    folders (.github/, an editor's .#draft.md) and README files are not
    articles (but a Kubernetes ConfigMap's files, links into its ..data
    folder, are read); a file named itself must end in .md, .markdown, .mdx, .html, .htm,
    .txt, .tid, .adoc, .asciidoc or .rst (an HTML page exported from a help centre is read as
    the Markdown it stands for). An article without front matter gets a note naming the id
    derived from its path in its folder (a note,
    not a warning: --strict does not fail on it; past five, they are counted).
    A file at --db that kb-answer did not build (not SQLite, or a database
    without kb-answer's schema) is never replaced: exit 3. A folder where no
    article is found any more (an unmounted share?), or a run with nothing to
    index at all (a mistyped path), does not take articles out of the index
    unless --allow-empty is given; nor does a run that leaves out a folder the
    index holds (name every folder, or list them in KB_ARTICLES).

    \b
    Examples:
      kb index kb/ path/to/your/articles --db kb.db
      KB_ARTICLES=kb:path/to/your/articles kb index --strict
      kb index --rebuild
    """
    # Here, not at the top: a one-shot `kb match` would import multiprocessing for nothing.
    from concurrent.futures.process import BrokenProcessPool

    from api.settings import article_folders  # the one reading of KB_ARTICLES, shared with kb serve
    from indexer.build import build_index
    from indexer.index_file import file_identity

    folders = list(paths) or article_folders(os.environ.get("KB_ARTICLES"))

    def waiting() -> None:
        # Another run is writing this index: this one starts from its result once it is done.
        click.echo(f"kb: another run is writing {db_path}; waiting for it to finish", err=True)

    before = file_identity(db_path)
    # SIGTERM (a job stopped, `kill`) ends the run as Ctrl-C does: its copy of the index is removed
    # and the message says what became of the index. Its default left a copy as large as the index
    # beside it, for the next run to remove. Where SIGINT is ignored (a job that a shell script
    # started in the background), it stays so. Asked for again as each file is read (BuildProgress),
    # and once the run is done: an interrupt raised inside a finalizer is dropped, and the run went on.
    stop = StopWhenAsked(KeyboardInterrupt)
    signal.signal(signal.SIGTERM, stop)
    if signal.getsignal(signal.SIGINT) is not signal.SIG_IGN:
        signal.signal(signal.SIGINT, stop)
    shown = BuildProgress(quiet=quiet, terminal=sys.stderr.isatty(), stop=stop)
    try:
        report = build_index(
            folders,
            db_path,
            progress=shown.checking,
            parsing=shown.parsing,
            finishing=shown.finishing,
            allow_empty=allow_empty,
            waiting=waiting,
            rebuild=rebuild,
        )
        stop.stop_if_asked()
    except KeyboardInterrupt:
        # The copy is thrown away; only a run that got as far as its rename replaced the index.
        # Another run this one waited for may have replaced it too: "replaced", not by whom.
        after = file_identity(db_path)
        if after is None and before is None:
            said = f"no index was written at {db_path}"
        else:
            said = f"{db_path} " + ("is as it was" if after == before else "was replaced by a complete index")
        sys.exit(fail(f"interrupted; {said}", EXIT_INTERRUPTED))
    except MissingFolderError as exc:
        sys.exit(fail(str(exc), EXIT_USAGE))
    except EmptyFolderError as exc:
        for warning in exc.warnings:
            click.echo(f"warning: {warning}", err=True)
        sys.exit(fail(f"{exc}; {exc.advice('run again with --allow-empty')}", EXIT_USAGE))
    except ForeignFileError as exc:
        sys.exit(fail(str(exc), EXIT_UNAVAILABLE))
    except (OSError, sqlite3.DatabaseError, BrokenProcessPool) as exc:
        # Raised by the file system, SQLite, or a worker process's death while the copy was built:
        # the index is replaced in one rename at its end.
        reason = getattr(exc, "strerror", None) or str(exc)[:200] or type(exc).__name__
        sys.exit(fail(f"cannot write the index {db_path}: {reason}", EXIT_NOT_WRITTEN))
    _print_summary(report, db_path)
    if strict and report.warnings:
        sys.exit(EXIT_USAGE)


def _print_summary(report: BuildReport, db_path: Path) -> None:
    """What a run did and how its articles were read: notes and warnings on stderr, then the
    "Indexed …" and "Structure: …" lines on stdout."""
    if report.removed_temporaries:
        count = len(report.removed_temporaries)
        click.echo(f"note: removed {count} temporary files left by interrupted runs", err=True)
    for notice in report.notices[:NOTES_SHOWN]:
        click.echo(f"note: {notice}", err=True)
    if len(report.notices) > NOTES_SHOWN:
        # A knowledge base written without front matter would otherwise print a line per article.
        more = len(report.notices) - NOTES_SHOWN
        click.echo(
            f"note: {more} more articles without an id of their own, each indexed under the id of its path",
            err=True,
        )
    for warning in report.warnings:
        click.echo(f"warning: {warning}", err=True)
    click.echo(
        f"Indexed {indexed(report.articles, report.problems, report.steps)} "
        f"({report.parsed} parsed, {report.unchanged} unchanged, "
        f"{report.removed} removed); {counted(len(report.warnings), 'warning')}; "
        f"{counted(report.whole_article, 'whole-article problem')}; "
        f"{report.seconds:.2f} s -> {db_path}"
    )
    per_article = report.problems / report.articles if report.articles else 0.0
    click.echo(
        f"Structure: {per_article:.1f} problems per article (at most {report.most_problems}); "
        f"{counted(report.whole_article, 'article')} read as one whole-article problem; "
        f"{counted(report.boilerplate_sections, 'boilerplate section')} kept as searchable text; "
        f"{counted(len(report.silent_symptoms_sources), 'article')} whose Symptoms/Error sections gave no error message"
        f"{_first_few(report.silent_symptoms_sources)}; "
        f"{counted(len(report.stepless_sources), 'article')} with no resolution steps"
        f"{_first_few(report.stepless_sources)}; "
        f"{counted(len(report.steps_as_body_sources), 'article')} with sections of steps kept as searchable "
        f"text beside problems framed by Symptoms/Resolution{_first_few(report.steps_as_body_sources)}"
        ". See `kb inspect FILE` for one article."
    )


def _first_few(sources: list[str]) -> str:
    """ " (a.md, b.md, …)": the first five of ``sources`` as a summary names them, or nothing."""
    if not sources:
        return ""
    return f" ({printable(', '.join(sources[:5]))}{', …' if len(sources) > 5 else ''})"
