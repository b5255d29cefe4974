"""`kb show`, `kb search` and `kb articles`: lookups of the index or of a server."""

from __future__ import annotations

from pathlib import Path

import click

from api.cli.group import handle_errors
from api.cli.options import (
    at_most,
    db_option,
    emit,
    format_option,
    limit_option,
    readable_argument,
    scope_options,
    url_option,
)
from api.cli.sources import open_source
from api.exitcodes import EXIT_UNAVAILABLE, EXIT_USAGE, NO_INDEX_OR_SERVER, USAGE, exit_codes_help
from api.limits import (
    DEFAULT_PAGE,
    DEFAULT_SUGGESTIONS,
    MAX_OFFSET,
    MAX_PAGE,
    MAX_SEARCH_CHARS,
    MAX_SUGGESTIONS,
)
from api.query import Scope


@click.command(
    epilog=exit_codes_help(
        {0: "shown", EXIT_USAGE: f"{USAGE}, or an unknown ID", EXIT_UNAVAILABLE: NO_INDEX_OR_SERVER}
    )
)
@click.argument("item_id", metavar="ID", callback=readable_argument)
@db_option
@url_option
@format_option("md", "json", "text")
@handle_errors
def show(item_id: str, db_path: Path, url: str | None, fmt: str) -> None:
    """Show an article, or one problem of it (ID of the form ARTICLE#N).

    An unknown ID is a usage error (exit 2).

    \b
    Examples:
      kb show jumpcloud-m365 --format json
      kb show 'jumpcloud-m365#2' --format text
      kb show 'jumpcloud-m365#2' --url http://localhost:8000
    """
    emit(open_source(db_path, url).show(item_id), fmt)


@click.command(
    epilog=exit_codes_help(
        {0: "listed (also when nothing starts so)", EXIT_USAGE: USAGE, EXIT_UNAVAILABLE: NO_INDEX_OR_SERVER}
    )
)
@click.argument("text", callback=at_most(MAX_SEARCH_CHARS))
@db_option
@url_option
@format_option("md", "json", "text")
@limit_option(DEFAULT_SUGGESTIONS, MAX_SUGGESTIONS, "suggestions")
@scope_options
@handle_errors
def search(
    text: str,
    db_path: Path,
    url: str | None,
    fmt: str,
    limit: int,
    product: str | None,
    tags: tuple[str, ...],
) -> None:
    """Search-as-you-type: problems whose title or codes have TEXT's words, the last from its third letter on as a prefix.

    Lists problem ids and titles only; read one with `kb show ID`. To answer a
    pasted error, use `kb match`, which ranks by fit and reports confidence.

    \b
    Examples:
      kb search "mailnick"
      kb search "sync upn" --format text
      kb search "sync" --tag mailnickname
    """
    emit(open_source(db_path, url).search(text, limit=limit, scope=Scope.of(product, tags)), fmt)


@click.command(epilog=exit_codes_help({0: "listed", EXIT_USAGE: USAGE, EXIT_UNAVAILABLE: NO_INDEX_OR_SERVER}))
@db_option
@url_option
@format_option("md", "json", "text")
@click.option("--offset", default=0, show_default=True, type=click.IntRange(0, MAX_OFFSET))
@limit_option(DEFAULT_PAGE, MAX_PAGE, "articles per page")
@handle_errors
def articles(db_path: Path, url: str | None, fmt: str, offset: int, limit: int) -> None:
    """List the indexed articles, by title.

    \b
    Examples:
      kb articles --limit 20 --format json
      kb articles --format text --url http://localhost:8000
    """
    emit(open_source(db_path, url).list_articles(offset=offset, limit=limit), fmt)
