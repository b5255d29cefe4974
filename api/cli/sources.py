"""Where a command's answers come from: the index file, or a kb-answer server (--url)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click
from click.core import ParameterSource

from api import lookups
from api.cli.group import fail
from api.exitcodes import EXIT_UNAVAILABLE
from api.knowledge import KnowledgeBase
from api.limits import DEFAULT_MATCHES, DEFAULT_PAGE, DEFAULT_SUGGESTIONS
from api.matcher import match as run_match
from api.models import ArticleOut, ArticlePage, MatchResult, ProblemDetail, SearchResult
from api.query import Scope
from indexer.errors import IndexMissingError

if TYPE_CHECKING:
    from api.remote import RemoteKb


class LocalKb:
    """The core lookups over an index file, with the same calls as :class:`api.remote.RemoteKb`."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb

    def match(self, text: str, *, limit: int = DEFAULT_MATCHES, scope: Scope | None = None) -> MatchResult:
        """:func:`api.matcher.match` on this index."""
        return run_match(self.kb, text, limit=limit, scope=scope)

    def show(self, some_id: str) -> ArticleOut | ProblemDetail:
        """:func:`api.lookups.show` on this index."""
        return lookups.show(self.kb, some_id)

    def search(
        self, query: str, *, limit: int = DEFAULT_SUGGESTIONS, scope: Scope | None = None
    ) -> SearchResult:
        """:func:`api.lookups.search` on this index."""
        return lookups.search(self.kb, query, limit=limit, scope=scope)

    def list_articles(self, *, offset: int = 0, limit: int = DEFAULT_PAGE) -> ArticlePage:
        """:func:`api.lookups.list_articles` on this index."""
        return lookups.list_articles(self.kb, offset=offset, limit=limit)


def server_url(url: str | None, *local: str) -> str | None:
    """``url`` (--url, or $KB_URL), unless --db or another option that names a local source
    (``local``: parameter names) is on the command line: a flag wins over the environment, so a
    script pointed at a test index does not ask the production server the variable names. Both
    on the command line is a usage error."""
    ctx = click.get_current_context(silent=True)
    if not url or ctx is None:
        return url
    given = [
        param.opts[0]
        for param in ctx.command.params
        if param.name in ("db_path", *local)
        and ctx.get_parameter_source(param.name) is ParameterSource.COMMANDLINE
    ]
    if not given:
        return url
    if ctx.get_parameter_source("url") is ParameterSource.COMMANDLINE:
        raise click.UsageError(f"give {given[0]} or --url, not both")
    return None


def open_source(db_path: Path, url: str | None) -> LocalKb | RemoteKb:
    """Where answers come from: the server at ``url`` when given (see :func:`server_url`), else the
    index file."""
    url = server_url(url)
    if url:
        from api.remote import RemoteKb  # httpx only loads when a server is asked

        return RemoteKb(url)
    return LocalKb(open_kb(db_path))


def open_kb(db_path: Path) -> KnowledgeBase:
    """Open the index for reading; exit 3 with a clear message when it is missing."""
    try:
        return KnowledgeBase(db_path)
    except IndexMissingError as exc:
        raise click.exceptions.Exit(fail(str(exc), EXIT_UNAVAILABLE)) from exc
