"""`kb inspect`: how an article file, or an indexed article, was read."""

from __future__ import annotations

import os
from pathlib import Path

import click

from api import lookups
from api.cli.group import handle_errors
from api.cli.options import db_option, emit, format_option, readable
from api.cli.sources import open_kb
from api.exitcodes import EXIT_UNAVAILABLE, EXIT_USAGE, NO_INDEX, USAGE, exit_codes_help
from api.knowledge import KnowledgeBase
from indexer.errors import InvalidQueryError, KbError, NotFoundError


@click.command(
    epilog=exit_codes_help(
        {
            0: "shown",
            EXIT_USAGE: f"{USAGE}, an unknown ID, or a FILE that cannot be read as an article",
            EXIT_UNAVAILABLE: NO_INDEX,
        }
    )
)
@click.argument("target", metavar="FILE|ID")
@db_option
@format_option("md", "json", "text")
@handle_errors
def inspect(target: str, db_path: Path, fmt: str) -> None:
    """Show how an article was read: its problems, where each field came from, each heading's use.

    FILE is an article file (parsed now, nothing is indexed; inside a folder the
    index was built from, or one of $KB_ARTICLES, named by its path there, as `kb
    index` names it); ID is an indexed
    article (or ARTICLE#N). For every problem: the line of its title, the lines its
    symptoms, error messages and cause came from, and each step's line; then every
    heading and what it became (a problem, a part of one, boilerplate, or searchable
    body text). Use it to see why an article answers badly.

    \b
    Examples:
      kb inspect kb/jumpcloud-m365.md
      kb inspect jumpcloud-m365 --format json
    """
    from api.models import article_structure
    from indexer.article_files import is_article_name, read_regular_file
    from indexer.errors import ArticleError
    from indexer.parse import ARTICLE_SUFFIXES, parse_article, require_an_answer

    path = Path(target)
    try:
        is_file, exists = path.is_file(), path.exists()
    except OSError:  # a name too long for a file's ("File name too long"): an id, or nothing
        is_file = exists = False
    article_names = f"named {', '.join(ARTICLE_SUFFIXES)}, and not a README"
    if is_file and not is_article_name(path):
        # What `kb index` would skip is no article: showing a reading of it would mislead.
        raise InvalidQueryError(f"{target}: not an article file ({article_names})")
    # A link named here is the reader's choice: its target is read, if it is named as an article
    # itself, as `kb index` reads a link: `notes.md -> /etc/shadow` showed that file line by line.
    real = Path(os.path.realpath(path))
    if is_file and not is_article_name(real):
        raise InvalidQueryError(f"{target}: a link to {real}, which is not an article file ({article_names})")
    if is_file:
        try:
            # Read as `kb index` reads it: at most one byte past the limit of an article.
            data = read_regular_file(real)
            # What `kb index` refuses is shown as refused: a reading of it would say it answers.
            article = require_an_answer(parse_article(data, _source_in_article_folders(path, db_path)))
        except OSError as exc:
            raise InvalidQueryError(f"{target}: cannot be read ({exc.strerror or exc})") from exc
        except ArticleError as exc:
            raise InvalidQueryError(str(exc)) from exc
        emit(article_structure(article), fmt)
        return
    try:
        emit(lookups.inspect(open_kb(db_path), readable(target)), fmt)
    except NotFoundError as exc:
        if not exists and not os.path.islink(path):
            if is_article_name(path) or os.sep in target:
                # Named as a file is (kb/typo.md): the file it names is what is missing.
                raise NotFoundError(f"{target}: no such file, and no indexed article has that id") from exc
            raise
        # A folder, a FIFO or a link to nothing (a loop of links) of that name: say what it is
        # rather than "no article with id".
        kind = (
            "a link to nothing (or a loop of links)"
            if not exists
            else "a folder"
            if path.is_dir()
            else "not a regular file"
        )
        raise InvalidQueryError(f"{target}: {kind}, and no indexed article has that id") from exc


def _source_in_article_folders(path: Path, db_path: Path) -> str:
    """``path`` as `kb index` names it: its path inside the folder that holds it, else its name.
    An article without an id gets the id of that path.

    The folders are those the index at ``db_path`` was built from (how the article is named
    now), then those of $KB_ARTICLES (default kb/; how `kb index` would name it): a file of a
    folder indexed by name (`kb index /srv/help-centre`) showed the id of its file name alone."""
    from api.settings import article_folders

    folders = [Path(folder) for folder in _indexed_folders(db_path)]
    folders += article_folders(os.environ.get("KB_ARTICLES"))
    here = Path(os.path.abspath(path))
    for folder in folders:
        for base in (Path(os.path.abspath(folder)), Path(os.path.realpath(folder))):
            if here.is_relative_to(base) and here != base:
                return here.relative_to(base).as_posix()
    return path.name


def _indexed_folders(db_path: Path) -> list[str]:
    """The folders the index at ``db_path`` was built from; none when there is no readable index
    (a file is inspected before anything is indexed)."""
    if not db_path.is_file():
        return []
    try:
        return KnowledgeBase(db_path).folders()
    except KbError:  # no index, another kind of file, or a damaged one: named as KB_ARTICLES names it
        return []
