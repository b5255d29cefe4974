"""The `kb` command: index articles, look answers up, evaluate, serve.

Exit codes are the same across commands (EXIT_CODES_HELP lists them: 0 to 4, and 130
when interrupted); each command's --help lists the ones it can end with. Results go to
standard output, errors, notes and progress to standard error, so an agent can pipe
stdout straight into a parser.
"""

from __future__ import annotations

import codecs
import functools
import json
import logging
import os
import shlex
import signal
import sqlite3
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING, Any, BinaryIO, ClassVar, NoReturn, TypeVar

import click
from click.core import ParameterSource

# Only what answering a query needs is imported here, so a one-shot `kb match` starts
# fast; indexing, evaluation and the server import their own modules when they run.
from api import lookups
from api.exitcodes import (
    EXIT_INTERRUPTED,
    EXIT_NO_INDEX,
    EXIT_NO_MATCH,
    EXIT_NOT_WRITTEN,
    EXIT_USAGE,
    NO_INDEX,
    NO_INDEX_OR_SERVER,
    OUTPUT_NOT_WRITTEN,
    USAGE,
    exit_codes_help,
)
from api.knowledge import KnowledgeBase
from api.limits import (
    DEFAULT_PAGE,
    DEFAULT_REPORT_ROWS,
    DEFAULT_SUGGESTIONS,
    MAX_OFFSET,
    MAX_PAGE,
    MAX_PRODUCT_CHARS,
    MAX_REPORT_ROWS,
    MAX_SEARCH_CHARS,
    MAX_SUGGESTIONS,
    MAX_TAG_CHARS,
    MAX_TAGS,
)
from api.matcher import match as run_match
from api.models import ArticleOut, ArticlePage, Match, MatchResult, ProblemDetail, SearchResult
from api.query import (
    DEFAULT_MATCHES,
    MAX_MATCHES,
    MAX_QUERY_CHARS,
    MAX_SCAN_CHARS,
    Scope,
    is_line_id,
    json_line,
    listed_problems,
    request_lines,
    without_lone_surrogates,
)
from api.render import counted, indexed, to_data, to_json, to_markdown, to_text
from indexer.errors import (
    EmptyFolderError,
    ForeignFileError,
    IndexDamagedError,
    IndexMissingError,
    InvalidQueryError,
    KbError,
    MissingFolderError,
    NotFoundError,
)
from indexer.records import printable

if TYPE_CHECKING:
    from pydantic import BaseModel

    from api.remote import RemoteKb
    from api.settings import Settings

DEFAULT_DB = "kb.db"
CONFIDENCE_RANK = {"low": 0, "medium": 1, "high": 2}
# `kb index` names this many articles that got a note; the rest are counted.
NOTES_SHOWN = 5

# Under `kb --help`: what the codes mean across commands; each command's own --help
# lists only the codes it can end with.
EXIT_CODES_HELP = """\b
Exit codes (each command's --help lists its own):
  0  success; for kb match, a confident match
  1  kb match: no confident match; kb schema --check: files out of date
  2  usage error: bad option or argument, unknown id, --strict warnings
  3  index missing or unreadable; with --url, server unreachable or failing; kb serve: cannot listen
  4  the output could not be written; kb index: the index could not be written (no permission, disk full)
  130  interrupted (Ctrl-C); kb index never leaves a half-written index
Results go to stdout; errors and notes go to stderr."""

F = TypeVar("F", bound=Callable[..., Any])


class KbGroup(click.Group):
    """The `kb` group, whose commands with heavy imports load only when used.

    ``kb serve`` (uvicorn, FastAPI, settings) is registered by module path and
    imported only when it runs or --help lists it.
    """

    lazy: ClassVar[dict[str, str]] = {"serve": "api.serve:serve"}

    def list_commands(self, ctx: click.Context) -> list[str]:
        """Every command name, lazy ones included."""
        return sorted({*super().list_commands(ctx), *self.lazy})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        """The command ``cmd_name``, importing a lazy one on first use."""
        if cmd_name in self.lazy and cmd_name not in self.commands:
            import importlib

            module, _, name = self.lazy[cmd_name].partition(":")
            self.add_command(getattr(importlib.import_module(module), name), cmd_name)
        return super().get_command(ctx, cmd_name)

    def make_context(
        self, info_name: str | None, args: list[str], parent: click.Context | None = None, **extra: Any
    ) -> click.Context:
        """Parse the arguments; `kb --help` and `kb --version` print here, before any command runs,
        and a failure to write them ends as a command's does (:func:`_output_failed`)."""
        try:
            return super().make_context(info_name, args, parent=parent, **extra)
        except OSError as exc:
            _output_failed(exc)

    def invoke(self, ctx: click.Context) -> Any:
        """Run the command; Ctrl-C ends it with EXIT_INTERRUPTED, where click says "Aborted!" and
        exits 1, which for `kb match` means "no confident match"."""
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:
            sys.exit(_fail("interrupted", EXIT_INTERRUPTED))
        except OSError as exc:
            _output_failed(exc)


def _output_failed(exc: OSError) -> NoReturn:
    """End the command whose output could not be written with EXIT_NOT_WRITTEN; re-raise any other
    OSError (a file the command opens is named in its error, and each command says its own)."""
    if isinstance(exc, BrokenPipeError):
        # The reader went away (`| head -1`): click exited 1, which for `kb match` means "no
        # confident match". Said of on no stream (the reader's end is gone, and stderr is often
        # the terminal of a pipeline cut short on purpose), and stdout goes nowhere from here,
        # or flushing it at exit fails again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(EXIT_NOT_WRITTEN)
    # What reaches here without a file name is a write to standard output.
    if exc.filename is not None:
        raise exc
    sys.exit(_fail(f"{OUTPUT_NOT_WRITTEN}: {exc.strerror or exc}", EXIT_NOT_WRITTEN))


def _terminated(signum: int, frame: FrameType | None) -> None:
    """SIGTERM in `kb index`: what Ctrl-C does there (held back where it is, see
    :func:`indexer.interrupts.interrupt_deferred`), also where SIGINT is ignored, as in a job
    that a shell script started in the background."""
    on_interrupt = signal.getsignal(signal.SIGINT)
    if callable(on_interrupt):
        on_interrupt(signal.SIGINT, frame)
    else:
        raise KeyboardInterrupt


class PastedTextCommand(click.Command):
    """A command whose argument is pasted text: text that starts with "-" ("-bash: brew: command not
    found") reads as options, and the error says how to pass it."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        """As click parses, with a hint on an unknown option that looks like pasted text."""
        given = list(args)  # the parser consumes the list it reads
        try:
            return super().parse_args(ctx, args)
        except click.NoSuchOption as exc:
            pasted = next((a for a in given if a.startswith("-") and " " in a), None)
            if pasted is not None:
                import shlex

                shown = shlex.quote(pasted if len(pasted) <= 40 else pasted[:40] + "…")
                said = (
                    f"{exc.message.rstrip('.')}: to match text that starts with '-', put it after '--' "
                    f"(kb {ctx.info_name} -- {shown}) or pipe it on standard input"
                )
                raise click.NoSuchOption(exc.option_name, said, ctx=ctx) from None
            raise


def default_db() -> str:
    """The index file used when --db is not given: $KB_DB, else kb.db in the working directory."""
    return os.environ.get("KB_DB") or DEFAULT_DB


def _a_file(what: str) -> Callable[[click.Context, click.Parameter, Path], Path]:
    """Click callback for a file option: a name the file system takes, and not a folder (``what``
    names the file wanted)."""

    def check(ctx: click.Context, param: click.Parameter, value: Path) -> Path:
        # click checks the kind of path only where it can stat it, and `--db ""` is ".".
        try:
            folder = value.is_dir()
        except OSError as exc:  # a name longer than the file system allows
            raise click.BadParameter(f"cannot use {str(value)!r}: {exc.strerror}") from None
        if folder:
            raise click.BadParameter(f"{str(value)!r} is a folder, not {what}")
        return value

    return check


def db_option(func: F) -> F:
    """The --db option every command shares."""
    return click.option(
        "--db",
        "db_path",
        # Not readable=True: an index that cannot be read is exit 3 (index unreadable), not a usage error.
        type=click.Path(dir_okay=False, readable=False, path_type=Path),
        callback=_a_file("an index file"),
        default=default_db,
        show_default="$KB_DB or kb.db",
        help="Index file.",
    )(func)


FORMATS_HELP = {"md": "md (Markdown)", "json": "json (see `kb schema`)", "text": "text (terse plain text)"}


def format_option(
    *choices: str, default: str = "md", described: dict[str, str] | None = None
) -> Callable[[F], F]:
    """The --format option, with the formats a command offers; its help names only those."""
    described = described or FORMATS_HELP
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(list(choices)),
        default=default,
        show_default=True,
        help="Output format: " + ", ".join(described[c] for c in choices) + ".",
    )


def limit_option(default: int, most: int, what: str) -> Callable[[F], F]:
    """The --limit option: how many of ``what`` to give, ``default`` unless asked, at most ``most``
    (the bound every front end takes from :mod:`api.limits`)."""
    return click.option(
        "--limit", default=default, show_default=True, type=click.IntRange(1, most), help=f"Most {what}."
    )


def readable(text: str) -> str:
    """``text`` as valid UTF-8: bytes of an argument that are not UTF-8 reach Python as lone
    surrogates, which JSON, SQLite and the terminal cannot carry; they become U+FFFD."""
    return text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def _readable(ctx: click.Context, param: click.Parameter, value: Any) -> Any:
    """Click callback: :func:`readable` for a text argument or option (each of a repeated one)."""
    if isinstance(value, str):
        return readable(value)
    if isinstance(value, tuple):
        return tuple(readable(v) if isinstance(v, str) else v for v in value)
    return value


def _at_most(chars: int, *, count: int | None = None) -> Callable[[click.Context, click.Parameter, Any], Any]:
    """Click callback: :func:`_readable`, and the HTTP API's limits on the same value (at most
    ``chars`` characters each, ``count`` values), so that a command says the same with --url as without."""

    def check(ctx: click.Context, param: click.Parameter, value: Any) -> Any:
        value = _readable(ctx, param, value)
        values = value if isinstance(value, tuple) else () if value is None else (value,)
        if count is not None and len(values) > count:
            raise click.BadParameter(f"at most {count} of them")
        if any(len(v) > chars for v in values):
            raise click.BadParameter(f"at most {chars} characters")
        return value

    return check


def scope_options(func: F) -> F:
    """--product and --tag: answer only from the articles of one product, or with these tags."""
    func = click.option(
        "--tag",
        "tags",
        multiple=True,
        metavar="TAG",
        callback=_at_most(MAX_TAG_CHARS, count=MAX_TAGS),
        help="Only articles with this tag (repeatable: all must match; case-insensitive).",
    )(func)
    return click.option(
        "--product",
        default=None,
        metavar="NAME",
        callback=_at_most(MAX_PRODUCT_CHARS),
        help="Only articles of this product (case-insensitive).",
    )(func)


def url_option(func: F) -> F:
    """The --url option: ask a running kb-answer server instead of the index file."""
    return click.option(
        "--url",
        envvar="KB_URL",
        metavar="URL",
        default=None,
        help="Ask the kb-answer server at URL (e.g. http://kb.internal:8000) instead of --db. "
        "Same output. Env: KB_URL (a --db given here wins over it).",
    )(func)


def emit(value: BaseModel, fmt: str) -> None:
    """Write a result to stdout as JSON, Markdown or plain text."""
    if fmt == "json":
        click.echo(to_json(value))
    elif fmt == "text":
        click.echo(to_text(value), nl=False)
    else:
        click.echo(to_markdown(value), nl=False)


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
        except sqlite3.DatabaseError as exc:
            # A file that passed the schema check but cannot be read further (damaged pages).
            sys.exit(_fail(str(IndexDamagedError(kwargs.get("db_path"), exc)), EXIT_NO_INDEX))
        except KbError as exc:  # unknown id, empty query, bad input: a usage error
            sys.exit(_fail(str(exc), EXIT_USAGE))

    return wrapper  # type: ignore[return-value]


@click.group(cls=KbGroup, context_settings={"help_option_names": ["-h", "--help"]}, epilog=EXIT_CODES_HELP)
@click.version_option(package_name="kb-answer")
def cli() -> None:
    """kb-answer: find the troubleshooting steps for a pasted error or symptom.

    \b
    Quick start:
      kb index                      # index kb/ (or $KB_ARTICLES) into kb.db
      kb match "Invalid value specified for property 'mailNickname' of resource 'User'."

    \b
    For AI agents and scripts:
      tail -n 500 sync.log | kb match --format json   # parse stdout, branch on exit code
      kb match --format text "The domain portion of the userPrincipalName property is invalid."
      kb schema --out schemas/                        # JSON Schema of every --format json shape
      kb mcp --db kb.db                               # MCP server on stdio
    """


@cli.command(
    epilog=exit_codes_help(
        {
            0: "indexed (files with warnings skipped, unless --strict)",
            2: f"{USAGE}, a missing folder, warnings with --strict (the index is still written), or nothing"
            " to index in a folder (or at all) where the index has articles, or for a new index, or a folder the index"
            " holds left out of the run (see --allow-empty)",
            3: "a file at --db that kb-answer did not build (not SQLite, another schema, not a regular file):"
            " it is never replaced",
            4: "the index could not be written (no permission, disk full, a parse worker killed)",
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
    folder, are read); a file named itself must end in .md, .markdown, .mdx, .html, .htm
    or .txt (an HTML page exported from a help centre is read as the Markdown
    it stands for). An article without front matter gets a note naming the id
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
    show_progress = not quiet and sys.stderr.isatty()

    def checking(n: int, total: int, source: str) -> None:
        # Each file of an indexed knowledge base is read to see whether it changed: at 20,000
        # files that is seconds with nothing else to show.
        if show_progress and (n % 500 == 0 or n == total):
            click.echo(f"\r  checked {n}/{total} files for changes", err=True, nl=n == total)

    def parsing(n: int, total: int) -> None:
        if show_progress and (n % 25 == 0 or n == total):
            click.echo(f"\r  parsed {n}/{total} changed files", err=True, nl=n == total)

    def waiting() -> None:
        # Another run is writing this index: this one starts from its result once it is done.
        click.echo(f"kb: another run is writing {db_path}; waiting for it to finish", err=True)

    before = file_identity(db_path)
    # SIGTERM (a job stopped, `kill`) ends the run as Ctrl-C does: its copy of the index is removed
    # and the message says what became of the index. Its default left a copy as large as the index
    # beside it, for the next run to remove.
    signal.signal(signal.SIGTERM, _terminated)
    try:
        report = build_index(
            folders,
            db_path,
            progress=checking,
            parsing=parsing,
            allow_empty=allow_empty,
            waiting=waiting,
            rebuild=rebuild,
        )
    except KeyboardInterrupt:
        # The copy is thrown away; only a run that got as far as its rename replaced the index.
        # Another run this one waited for may have replaced it too: "replaced", not by whom.
        after = file_identity(db_path)
        if after is None and before is None:
            said = f"no index was written at {db_path}"
        else:
            said = f"{db_path} " + ("is as it was" if after == before else "was replaced by a complete index")
        sys.exit(_fail(f"interrupted; {said}", EXIT_INTERRUPTED))
    except MissingFolderError as exc:
        sys.exit(_fail(str(exc), EXIT_USAGE))
    except EmptyFolderError as exc:
        for warning in exc.warnings:
            click.echo(f"warning: {warning}", err=True)
        advice = "to take them out" if exc.indexed else "to write an empty index"
        sys.exit(_fail(f"{exc}; {advice}, run again with --allow-empty", EXIT_USAGE))
    except ForeignFileError as exc:
        sys.exit(_fail(str(exc), EXIT_NO_INDEX))
    except (OSError, sqlite3.DatabaseError, BrokenProcessPool) as exc:
        # Raised by the file system, SQLite, or a worker process's death while the copy was built:
        # the index is replaced in one rename at its end.
        reason = getattr(exc, "strerror", None) or str(exc)[:200] or type(exc).__name__
        sys.exit(_fail(f"cannot write the index {db_path}: {reason}", EXIT_NOT_WRITTEN))
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
    if strict and report.warnings:
        sys.exit(EXIT_USAGE)


def _first_few(sources: list[str]) -> str:
    """ " (a.md, b.md, …)": the first five of ``sources`` as a summary names them, or nothing."""
    if not sources:
        return ""
    return f" ({printable(', '.join(sources[:5]))}{', …' if len(sources) > 5 else ''})"


@cli.command(
    epilog=exit_codes_help(
        {0: "shown", 2: f"{USAGE}, an unknown ID, or a FILE that cannot be read as an article", 3: NO_INDEX}
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


@cli.command(epilog=exit_codes_help({0: "shown", 2: f"{USAGE}, or an unknown ID", 3: NO_INDEX_OR_SERVER}))
@click.argument("item_id", metavar="ID", callback=_readable)
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


@cli.command(
    epilog=exit_codes_help(
        {
            0: "a confident match (medium or high, or at --min-confidence); --batch: done",
            1: "no confident match (nothing at or above --min-confidence): do not guess",
            2: f"{USAGE}, empty input, or a --batch line that is not JSON",
            3: NO_INDEX_OR_SERVER,
        }
    ),
    cls=PastedTextCommand,
)
@click.argument("text", required=False)
@db_option
@url_option
@format_option("md", "json", "text")
@limit_option(DEFAULT_MATCHES, MAX_MATCHES, "matches to return")
@click.option(
    "--min-confidence",
    type=click.Choice(list(CONFIDENCE_RANK)),
    default=None,
    help="Drop matches below this confidence; exit 1 if none remain. "
    "Default: keep all, exit 1 unless the best is medium or high.",
)
@click.option(
    "--batch",
    type=click.File("r", encoding="utf-8", errors="replace"),
    help='JSONL file of {"id", "query"}; writes one {"id", "result"} JSON line per query, in order. '
    "The whole file is checked first: any line that is not such an object is a usage error "
    "(exit 2, every bad line named) and nothing is answered.",
)
@scope_options
@handle_errors
def match(
    text: str | None,
    db_path: Path,
    url: str | None,
    fmt: str,
    limit: int,
    min_confidence: str | None,
    batch: Any,
    product: str | None,
    tags: tuple[str, ...],
) -> None:
    """Find the problem and steps that answer TEXT (or standard input).

    TEXT is an error message, an error code, a JSON error body or a log excerpt,
    verbatim. Without TEXT (or with TEXT "-") the whole of standard input is
    read, so a log file can be piped in: input over 65536 characters (64 KiB) is
    read as a log, and only the error-looking lines of its last 1 MiB are
    matched. A note on stderr says when the input was cut. TEXT that starts
    with "-" (a pasted "-bash: kubectl: command not found") goes after "--",
    as in kb match -- "-bash: …", or on standard input.

    Confidence is high (the error message or code matched, and no other problem
    as well: follow the steps; only the first match can be high),
    medium (likely; check the symptoms) or low (not an answer). Exit code 0 when
    a match is confident (medium or high, or at --min-confidence), 1 when
    nothing fits: then do not guess. --batch exits 0 once every line is
    answered, and 2 without answering any when a line is not a {"id", "query"}
    object. Bytes that are not UTF-8 are replaced (U+FFFD) in every format.

    \b
    Examples:
      kb match "Invalid value specified for property 'mailNickname' of resource 'User'."
      tail -n 200 sync.log | kb match --format json
      kb match --format text --min-confidence high "The domain portion of the userPrincipalName property is invalid."
      kb match --batch queries.jsonl > answers.jsonl
      kb match --url http://localhost:8000 "new users are not synced to Microsoft 365"
      kb match --product "JumpCloud Microsoft 365 integration" "new users are not synced to Microsoft 365"
    """
    if batch is not None and text is not None:
        raise click.UsageError("give TEXT or --batch, not both")
    if batch is None and text is None and sys.stdin.isatty():
        raise click.UsageError("give TEXT, pipe it on standard input, or use --batch")
    if batch is not None:
        # A batch answers in JSON lines whatever --format says: an explicit md or text was
        # ignored without a word, and a script reading text got JSON.
        given = click.get_current_context().get_parameter_source("fmt")
        if given is not ParameterSource.DEFAULT and fmt != "json":
            raise click.UsageError(
                f"--batch writes one JSON line per query: leave out --format {fmt} (or give --format json)"
            )
        rows = _batch_rows(batch)
        source = open_source(db_path, url)
        for row_id, query in rows:
            result = _at_least(
                source.match(query, limit=limit, scope=Scope.of(product, tags)), min_confidence
            )
            click.echo(json.dumps({"id": row_id, "result": to_data(result)}))
        return
    source = open_source(db_path, url)
    if text is None or text == "-":
        text, length = read_bounded(sys.stdin.buffer)
    else:
        text = readable(text)
        length = len(text)
    if not text.strip():
        raise InvalidQueryError("nothing to match: give TEXT or pipe it on standard input")
    result = source.match(text, limit=limit, scope=Scope.of(product, tags))
    if result.truncated:
        _note_truncated(length)
    answered = _answered(result, min_confidence)
    _note_left_out(result, min_confidence)
    emit(_at_least(result, min_confidence), fmt)
    if not answered:
        sys.exit(EXIT_NO_MATCH)


# Of a paste read from standard input, what the matcher can use: the first characters (which
# the answer quotes) and the last MAX_SCAN_CHARS (the log's tail it scans); what lies between
# is counted, not kept, so `yes | kb match` or a 1 GB log piped in takes no more memory.
_HEAD_CHARS = 200
_READ_BYTES = 1 << 20
# Past this, what is piped is no paste and no log's tail but a stream without end (`kb match <
# /dev/zero`, `yes | kb match`), which would be read for ever: half a gigabyte takes a second or two.
MAX_PIPED_BYTES = 512 << 20


def read_bounded(stream: BinaryIO) -> tuple[str, int]:
    """The text of ``stream`` as :func:`api.query.prepare` reads it, in bounded memory, and
    its length in characters.

    Decoded as UTF-8 with U+FFFD for bytes that are not (a locale's strict decoder would
    stop at the first one). A text longer than the head and the tail comes back as the two
    joined: the same answer, the same quoted start. InvalidQueryError past MAX_PIPED_BYTES.
    """
    decoder = codecs.getincrementaldecoder("utf-8")("replace")
    head, tail, length, read = "", "", 0, 0
    while True:
        chunk = stream.read(_READ_BYTES)
        read += len(chunk)
        if read > MAX_PIPED_BYTES:
            raise InvalidQueryError(
                f"standard input goes on past {MAX_PIPED_BYTES >> 20} MB; nothing was answered: "
                "pipe the end of the log that holds the error (tail -n 200 FILE | kb match)"
            )
        piece = decoder.decode(chunk, final=not chunk)
        length += len(piece)
        if len(head) < _HEAD_CHARS:
            head += piece[: _HEAD_CHARS - len(head)]
        tail = (tail + piece)[-MAX_SCAN_CHARS:]
        if not chunk:
            break
    return (tail if length <= len(tail) else head + tail), length


# What a --batch line might ask for that only the command's options give, and which option. Other
# keys are left alone: a file of labelled queries ("expected", "kind") is a batch too.
_OPTIONS_OF_THE_BATCH = {
    "product": "--product",
    "tag": "--tag",
    "tags": "--tag",
    "limit": "--limit",
    "min_confidence": "--min-confidence",
}


def _batch_rows(batch: Any) -> list[tuple[Any, str]]:
    """Every (id, query) of a --batch file, or InvalidQueryError naming each bad line."""
    rows: list[tuple[Any, str]] = []
    problems: list[str] = []
    first_line: dict[str | int, int] = {}
    for number, line in request_lines(batch):
        if not line.strip():
            continue
        try:
            row = json_line(line)
        except ValueError as exc:
            problems.append(f"{batch.name}:{number}: {exc}")
            continue
        if not isinstance(row, dict):
            problems.append(
                f'{batch.name}:{number}: expected an object {{"id", "query"}}, got {type(row).__name__}'
            )
        elif not isinstance(row.get("query"), str) or not row["query"].strip():
            problems.append(f'{batch.name}:{number}: "query" must be a non-empty string')
        elif asked := [key for key in _OPTIONS_OF_THE_BATCH if key in row]:
            # Answered from every product, a line that asked for one looked scoped and was not.
            options = ", ".join(f'"{key}" (give {_OPTIONS_OF_THE_BATCH[key]})' for key in asked)
            problems.append(
                f"{batch.name}:{number}: {options}: a line cannot ask for it, the whole batch can"
            )
        elif "id" not in row:
            problems.append(
                f'{batch.name}:{number}: no "id" (a string or an integer) to join its answer to it'
            )
        elif not is_line_id(row.get("id")):
            problems.append(f'{batch.name}:{number}: "id" must be a string or an integer')
        elif row["id"] in first_line:
            problems.append(
                f'{batch.name}:{number}: "id" {row["id"]!r} is the id of line {first_line[row["id"]]} too'
            )
        else:
            first_line[row["id"]] = number
            rows.append((row["id"], without_lone_surrogates(row["query"])))
    if problems:
        raise InvalidQueryError(listed_problems(problems, "nothing was answered"))
    return rows


def _at_least(result: MatchResult, level: str | None) -> MatchResult:
    """``result`` without the matches below ``level`` (unchanged when no level is given)."""
    if level is None:
        return result
    kept = [m for m in result.matches if not _below(m, level)]
    return result.model_copy(
        update={"matches": kept, "no_confident_match": result.no_confident_match or not kept}
    )


def _answered(result: MatchResult, level: str | None) -> bool:
    """Whether ``kb match`` exits 0: a confident match, or any match at ``level`` or above."""
    if level is None:
        return not result.no_confident_match
    return bool(_at_least(result, level).matches)


def _below(match: Match, level: str) -> bool:
    """Whether ``match`` is less sure than ``level`` (what --min-confidence leaves out)."""
    return CONFIDENCE_RANK[match.confidence] < CONFIDENCE_RANK[level]


def _note_left_out(result: MatchResult, level: str | None) -> None:
    """Say on stderr which confident answers --min-confidence left out: "No confident match" alone
    read as if the knowledge base had nothing, where it had a medium answer below "high"."""
    if level is None:
        return
    left_out = [m for m in result.matches if m.confidence != "low" and _below(m, level)]
    if left_out:
        best = left_out[0]
        click.echo(
            f"kb: note: {len(left_out)} {'answer' if len(left_out) == 1 else 'answers'} below {level} left out "
            f"(--min-confidence), the first {best.confidence} {best.score:.2f}: {best.problem.id}",
            err=True,
        )


def _note_truncated(length: int) -> None:
    if length > MAX_QUERY_CHARS:
        note = (
            f"the input has {length} characters, over {MAX_QUERY_CHARS}: it was read as a log, "
            f"and only the error-looking lines of its last {MAX_SCAN_CHARS} characters were matched"
        )
    else:
        note = "the input was long; only its error-looking lines, up to the size limit, were matched"
    click.echo(f"kb: note: {note}", err=True)


# kb eval's own exit codes: it never answers a query, so the match codes do not apply.
EVAL_EXIT_CODES_HELP = exit_codes_help(
    {
        0: "scored",
        EXIT_USAGE: "usage error: bad option or query file, or most of the answers the\n"
        "     queries expect are not in the index (index their articles first)",
        EXIT_NO_INDEX: NO_INDEX,
    },
    streams="Figures go to stdout; notes (expected answers missing) go to stderr.",
)


@cli.command(name="eval", epilog=EVAL_EXIT_CODES_HELP)
@click.argument("queries", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@db_option
@format_option(
    "text",
    "json",
    default="text",
    described={"text": "text (a table)", "json": "json (every figure, and the misses with --misses)"},
)
@click.option("--misses", is_flag=True, help="Also list the queries answered wrongly.")
@handle_errors
def eval_command(queries: Path, db_path: Path, fmt: str, misses: bool) -> None:
    """Measure answer quality on labelled QUERIES (JSONL), beside plain FTS5 and BM25 baselines.

    Prints top-1 article accuracy, recall@3, MRR@10, the share answered confident
    (medium or high) and right, confident and wrong, high and wrong, and for
    queries with no answer how many got "no confident match" ("silent") — overall
    and per kind of query; beside them top-1, recall@3 and MRR@10 of two plain
    baselines over whole articles on the same index: SQLite FTS5 bm25 and BM25 (bm25s).

    The index must hold the articles the queries were written for: a note on
    stderr names the expected answers it lacks, and when most are missing
    nothing is scored (exit 2).

    \b
    Example:
      kb index kb/ ../shared/corpus/msdocs --db full.db
      kb eval ../shared/eval/dev_queries.jsonl --db full.db
    """
    from api.evaluate import coverage, evaluate, load_queries

    kb = open_kb(db_path)
    items = load_queries(queries)
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
            _fail(
                f"not scoring: {db_path} lacks most of the answers {queries.name} expects; "
                "index the articles these queries were written for",
                EXIT_USAGE,
            )
        )
    report = evaluate(kb, items)
    # {group: {"matcher": {...}, "fts5_baseline": {...}, "bm25_baseline": {...}}}
    figures: dict[str, Any] = report.as_dict()
    if fmt == "json":
        click.echo(
            json.dumps(
                {
                    "groups": figures,
                    "misses": report.misses if misses else [],
                    "expected_missing": covered.missing,
                },
                indent=2,
            )
        )
        return
    header = (
        f"{'kind':26} {'n':>4}  {'top1':>5} {'r@3':>5} {'mrr':>5} "
        f"{'conf-right':>10} {'conf-wrong':>10} {'high-wrong':>10} {'silent':>7}"
    )
    click.echo(header + "   | FTS5: top1   r@3   mrr | BM25: top1   r@3   mrr")
    for group, row in figures.items():
        ours = row["matcher"]
        silent = f"{ours['no_answer_silent']}/{ours['no_answer']}" if ours["no_answer"] else "-"
        baselines = "".join(
            f"   |       {_fig(row[name]['top1'])} {_fig(row[name]['recall@3'])} {_fig(row[name]['mrr@10'])}"
            for name in ("fts5_baseline", "bm25_baseline")
        )
        click.echo(
            f"{group:26} {ours['queries']:>4}  {_fig(ours['top1'])} {_fig(ours['recall@3'])} "
            f"{_fig(ours['mrr@10'])} {_fig(ours['confident_right']):>10} {_fig(ours['confident_wrong']):>10} "
            f"{_fig(ours['high_wrong']):>10} {silent:>7}" + baselines
        )
    if misses:
        for miss in report.misses:
            click.echo(json.dumps(miss))


def _fig(value: object) -> str:
    return f"{value:5.3f}" if isinstance(value, float) else f"{'-':>5}"


@cli.command(
    epilog=exit_codes_help({0: "listed (also when nothing starts so)", 2: USAGE, 3: NO_INDEX_OR_SERVER})
)
@click.argument("text", callback=_at_most(MAX_SEARCH_CHARS))
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


@cli.command(epilog=exit_codes_help({0: "listed", 2: USAGE, 3: NO_INDEX_OR_SERVER}))
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


@cli.group(
    invoke_without_command=True,
    epilog=exit_codes_help(
        {
            0: "reported (also when nothing has been recorded yet)",
            2: f"{USAGE}, or --url without $KB_API_KEY (or with a key the server refuses)",
            3: "feedback file unreadable; with --url, server unreachable or failing (HTTP 5xx)",
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
    from api.requests import header_safe_key

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
            sys.exit(_fail(_unavailable(exc, seen), EXIT_NO_INDEX))
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
            2: f"{USAGE}, a --from file that cannot be read, nothing new since the last copy, or a file "
            "that cannot be told apart from what was copied (nothing copied)",
            3: "PostgreSQL unreachable, or the counts after the copy do not add up (nothing kept)",
        }
    ),
)
@click.option(
    "--from",
    "source",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    callback=_a_file("a feedback file"),
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
    from api.feedback.postgres import (
        AlreadyCopied,
        CopiedUnknown,
        MigrationMismatch,
        PostgresFeedbackStore,
        migrate_sqlite,
    )

    settings = _feedback_settings(Path(DEFAULT_DB), None, target, url_param="target")
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
            sys.exit(_fail(_unavailable(exc, seen), EXIT_NO_INDEX))
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


@cli.command(
    epilog=exit_codes_help(
        {
            0: "written; with --check, up to date",
            1: "--check: files out of date",
            2: USAGE,
            4: "a schema file could not be written",
        }
    )
)
@click.option(
    "--out",
    "out_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Folder to write the schema files into.  [default: api/schema in the installed package]",
)
@click.option(
    "--check", is_flag=True, help="Write nothing; exit 1 when the files in the folder are out of date."
)
def schema(out_dir: Path | None, check: bool) -> None:
    """Write the JSON Schema of every --format json shape, generated from the models.

    One file per shape: MatchResult (kb match), ArticleOut and ProblemDetail
    (kb show), ArticlePage (kb articles), SearchResult (kb search),
    FeedbackReport (kb feedback), ArticleStructure (kb inspect). The HTTP API
    and the MCP server return the same shapes.

    \b
    Examples:
      kb schema                    # regenerate api/schema/*.json
      kb schema --out schemas/
      kb schema --check            # CI: exit 1 if a model changed
    """
    from api.schema import SCHEMA_DIR, schema_documents, write_schemas

    folder = out_dir or SCHEMA_DIR
    if check:
        stale = [
            name
            for name, text in schema_documents().items()
            if not (folder / name).is_file() or (folder / name).read_text(encoding="utf-8") != text
        ]
        # The command that writes them where they were checked.
        rewrite = "kb schema" + (f" --out {shlex.quote(str(out_dir))}" if out_dir else "")
        for name in stale:
            click.echo(f"kb: {folder / name} is out of date; run `{rewrite}`", err=True)
        sys.exit(1 if stale else 0)
    try:
        # Written before any is listed: a listing that cannot be written is no schema file's fault.
        written = list(write_schemas(folder))
    except OSError as exc:
        sys.exit(
            _fail(f"cannot write the schema files into {folder}: {exc.strerror or exc}", EXIT_NOT_WRITTEN)
        )
    for path in written:
        click.echo(str(path))


@cli.command(
    name="mcp",
    epilog=exit_codes_help({0: "the client disconnected", 2: USAGE, 3: f"{NO_INDEX} at start"}, output=False),
)
@db_option
@handle_errors
def mcp_command(db_path: Path) -> None:
    """Serve the index to AI agents over MCP (Model Context Protocol) on stdio.

    Tools: match_error (answer an error, log or symptom, with confidence),
    get_article (a problem ARTICLE#N or a whole article), search (titles and
    codes) and list_articles (the articles, with the product and tags a scope
    takes). Each returns Markdown plus the JSON of `kb schema` as structured
    content. Started by an MCP client, not by hand; exits when the client
    disconnects, or at Ctrl-C. Exit 3 at start when the index is missing.

    \b
    Example (MCP client configuration; absolute paths: clients start the
    server without your shell's PATH, virtualenv or working directory):
      {"mcpServers": {"kb-answer": {"command": "/path/to/kb-answer/.venv/bin/kb",
                                    "args": ["mcp", "--db", "/path/kb.db"]}}}
    """
    from api.mcp_server import serve_stdio  # the MCP SDK is slow to import; only load it here

    serve_stdio(open_kb(db_path))
