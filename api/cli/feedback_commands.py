"""`kb feedback` (what readers said) and `kb feedback migrate` (a file into PostgreSQL)."""

from __future__ import annotations

import logging
import os
import sqlite3
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import click
from click.core import ParameterSource

from api.cli.group import fail, handle_errors
from api.cli.options import a_file, db_option, emit, format_option, limit_option, url_option
from api.cli.sources import server_url
from api.exitcodes import EXIT_UNAVAILABLE, EXIT_USAGE, USAGE, exit_codes_help
from api.limits import DEFAULT_REPORT_ROWS, MAX_REPORT_ROWS
from api.render import counted
from indexer.errors import InvalidQueryError
from indexer.index_file import DEFAULT_INDEX

if TYPE_CHECKING:
    from api.settings import Settings


@click.group(
    invoke_without_command=True,
    epilog=exit_codes_help(
        {
            0: "reported (also when nothing has been recorded yet)",
            EXIT_USAGE: f"{USAGE}, or --url without $KB_API_KEY (or with a key the server refuses)",
            EXIT_UNAVAILABLE: "feedback file unreadable; with --url, server unreachable or failing"
            " (HTTP 5xx)",
        }
    ),
)
@db_option
@click.option(
    "--feedback-db",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    envvar="KB_FEEDBACK_DB",
    show_default="$KB_FEEDBACK_DB, else feedback.db beside --db",
    help="Feedback file that `kb serve` writes.",
)
@click.option(
    "--feedback-url",
    default=None,
    envvar="KB_FEEDBACK_URL",
    metavar="URL",
    help="PostgreSQL feedback store (postgresql://...) instead of the file.  [default: $KB_FEEDBACK_URL]",
)
@url_option
@format_option("md", "json", "text")
@limit_option(DEFAULT_REPORT_ROWS, MAX_REPORT_ROWS, "rows per list")
@click.pass_context
@handle_errors
def feedback(
    ctx: click.Context,
    db_path: Path,
    feedback_db: Path | None,
    feedback_url: str | None,
    url: str | None,
    fmt: str,
    limit: int,
) -> None:
    """What readers said: the queries nothing answered, most asked first, and verdicts.

    The unanswered queries are what to write next; problems with many "no"
    verdicts are what to fix. With --url, asks the server's
    /v1/admin/feedback with the admin key from $KB_API_KEY. Exit 3 when the
    feedback store cannot be read.

    \b
    Examples:
      kb feedback
      kb feedback --format json --limit 20
      KB_API_KEY=... kb feedback --url http://kb.internal:8000
      KB_FEEDBACK_URL=postgresql://kb@db/kb kb feedback
      kb feedback migrate --from feedback.db --to postgresql://kb@db/kb
    """
    if ctx.invoked_subcommand is not None:
        return
    from api.feedback import FeedbackUnavailable, open_store
    from api.models import FeedbackReport
    from api.settings import header_safe_key

    url = server_url(url, "feedback_db", "feedback_url")
    if url:
        from api.remote import RemoteKb

        key = os.environ.get("KB_API_KEY", "").strip()
        try:
            header_safe_key(key)
        except ValueError as exc:
            raise InvalidQueryError(str(exc)) from None
        if not key:
            raise InvalidQueryError("--url needs the server's admin key in $KB_API_KEY")
        emit(RemoteKb(url).feedback_report(key, limit=limit), fmt)
        return
    settings = _feedback_settings(db_path, feedback_db, feedback_url, url_param="feedback_url")
    if settings.feedback_url is None and not settings.feedback_path.is_file():
        click.echo(f"kb: no feedback recorded yet at {settings.feedback_path}", err=True)
        emit(FeedbackReport(unanswered=[], problems=[], feedback=[], total_feedback=0), fmt)
        return
    # Read-only: a report needs no more than read access to the file.
    store = open_store(settings, read_only=True)
    with _store_warnings_folded() as seen:
        try:
            emit(store.report(limit), fmt)
        except FeedbackUnavailable as exc:
            sys.exit(fail(_unavailable(exc, seen), EXIT_UNAVAILABLE))
        finally:
            store.close()


# The loggers of the feedback store and of its PostgreSQL connection pool.
STORE_LOGGERS = ("kb.feedback", "psycopg.pool")


class _Collected(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(record.getMessage().splitlines()[0])


@contextmanager
def _store_warnings_folded() -> Iterator[list[str]]:
    """The feedback store's warnings, collected instead of printed (first line of each).

    A command ends with one error that says what failed. Unfolded, an unreachable
    PostgreSQL prints the pool's warning for every attempt (four in its two seconds)
    and the store's own, before that error says it again.
    """
    handler = _Collected()
    loggers = [logging.getLogger(name) for name in STORE_LOGGERS]
    kept = [logger.propagate for logger in loggers]
    for logger in loggers:
        logger.addHandler(handler)
        logger.propagate = False
    try:
        yield handler.lines
    finally:
        for logger, propagate in zip(loggers, kept, strict=True):
            logger.removeHandler(handler)
            logger.propagate = propagate


def _unavailable(exc: Exception, seen: list[str]) -> str:
    """The store's error, with the last connection error behind it (which the pool's timeout omits)."""
    causes = [line for line in seen if line.startswith("error connecting")]
    return f"{exc} (last: {causes[-1].partition(': ')[2]})" if causes else str(exc)


def _feedback_settings(
    db_path: Path, feedback_db: Path | None, feedback_url: str | None, *, url_param: str
) -> Settings:
    """The settings of a feedback command; a URL it refuses is named as the user gave it: the
    option ``url_param`` on the command line, else the KB_FEEDBACK_URL it defaults to."""
    from pydantic import ValidationError

    from api.settings import Settings, describe_invalid

    try:
        return Settings(db=db_path, feedback_db=feedback_db, feedback_url=feedback_url or None)  # type: ignore[arg-type]
    except ValidationError as exc:
        message = describe_invalid(exc)
        ctx = click.get_current_context()
        if ctx.get_parameter_source(url_param) is ParameterSource.COMMANDLINE:
            option = next(p for p in ctx.command.params if p.name == url_param)
            message = message.replace("KB_FEEDBACK_URL", option.opts[0])
        raise InvalidQueryError(message) from None


@feedback.command(
    name="migrate",
    epilog=exit_codes_help(
        {
            0: "copied, and the counts checked",
            EXIT_USAGE: f"{USAGE}, a --from file that cannot be read, nothing new since the last copy, or a"
            " file that cannot be told apart from what was copied (nothing copied)",
            EXIT_UNAVAILABLE: "PostgreSQL unreachable, or the counts after the copy do not add up"
            " (nothing kept)",
        }
    ),
)
@click.option(
    "--from",
    "source",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    callback=a_file("a feedback file"),
    help="The SQLite feedback file to copy (e.g. the feedback.db beside the index).",
)
@click.option(
    "--to",
    "target",
    envvar="KB_FEEDBACK_URL",
    required=True,
    metavar="URL",
    help="The PostgreSQL database to copy into (postgresql://...).  [default: $KB_FEEDBACK_URL]",
)
@handle_errors
def feedback_migrate(source: Path, target: str) -> None:
    """Copy a single machine's feedback file into the PostgreSQL store replicas share.

    Every verdict, the verdict counts per problem and every unanswered query
    are copied in one transaction; the target's counts afterwards must be its
    counts before plus what was copied, or nothing is kept (exit 3). Queries
    asked in both stores are merged (times asked added up). The file is not
    changed except for its own pending schema migrations. Run again (after a
    timeout, or once the server that kept the file has stopped), it copies only
    what was recorded since, so nothing is counted twice; with nothing new it
    copies nothing (exit 2).

    \b
    Examples:
      kb feedback migrate --from /srv/kb/feedback.db --to postgresql://kb@db.internal/kb
      KB_FEEDBACK_URL=postgresql://kb@db/kb kb feedback migrate --from feedback.db
    """
    from api.feedback import FeedbackUnavailable
    from api.feedback.migrate import AlreadyCopied, CopiedUnknown, MigrationMismatch, migrate_sqlite
    from api.feedback.postgres import PostgresFeedbackStore

    settings = _feedback_settings(Path(DEFAULT_INDEX), None, target, url_param="target")
    assert settings.feedback_url is not None
    store = PostgresFeedbackStore(settings.feedback_url.get_secret_value())
    with _store_warnings_folded() as seen:
        try:
            report = migrate_sqlite(source, store)
        except (FileNotFoundError, sqlite3.DatabaseError) as exc:
            raise InvalidQueryError(f"cannot read {source}: {exc}") from None
        except (AlreadyCopied, CopiedUnknown) as exc:
            raise InvalidQueryError(str(exc)) from None
        except (FeedbackUnavailable, MigrationMismatch) as exc:
            sys.exit(fail(_unavailable(exc, seen), EXIT_UNAVAILABLE))
        finally:
            store.close()
    src, before, after = report.source, report.before, report.after
    since = f", new since the copy of {report.since:%Y-%m-%d %H:%M:%S %Z}," if report.since else ""
    click.echo(
        f"Copied {counted(src.feedback_rows, 'verdict row')} ({counted(src.verdicts, 'verdict')} counted over "
        f"{counted(src.problems, 'problem')}) and {counted(src.unanswered, 'unanswered query', 'unanswered queries')}"
        f" (asked {counted(src.asked, 'time')}){since} from {source} to {store.location}.",
        err=True,
    )
    click.echo(
        f"Checked: {store.location} now holds {after.feedback_rows} verdict rows "
        f"(was {before.feedback_rows}), {after.verdicts} verdicts counted (was {before.verdicts}), "
        f"{counted(after.unanswered, 'unanswered query', 'unanswered queries')} asked {counted(after.asked, 'time')} "
        f"(was {before.unanswered}, asked {counted(before.asked, 'time')}).",
        err=True,
    )
