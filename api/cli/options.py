"""The options and arguments the `kb` commands share, and how a result is written to stdout."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from api.limits import MAX_PRODUCT_CHARS, MAX_TAG_CHARS, MAX_TAGS
from api.render import to_json, to_markdown, to_text
from indexer.index_file import DEFAULT_INDEX

if TYPE_CHECKING:
    from pydantic import BaseModel


F = TypeVar("F", bound=Callable[..., Any])


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
    return os.environ.get("KB_DB") or DEFAULT_INDEX


def a_file(what: str) -> Callable[[click.Context, click.Parameter, Path], Path]:
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
        callback=a_file("an index file"),
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


def readable_argument(ctx: click.Context, param: click.Parameter, value: Any) -> Any:
    """Click callback: :func:`readable` for a text argument or option (each of a repeated one)."""
    if isinstance(value, str):
        return readable(value)
    if isinstance(value, tuple):
        return tuple(readable(v) if isinstance(v, str) else v for v in value)
    return value


def at_most(chars: int, *, count: int | None = None) -> Callable[[click.Context, click.Parameter, Any], Any]:
    """Click callback: :func:`readable_argument`, and the HTTP API's limits on the same value (at most
    ``chars`` characters each, ``count`` values), so that a command says the same with --url as without."""

    def check(ctx: click.Context, param: click.Parameter, value: Any) -> Any:
        value = readable_argument(ctx, param, value)
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
        callback=at_most(MAX_TAG_CHARS, count=MAX_TAGS),
        help="Only articles with this tag (repeatable: all must match; case-insensitive).",
    )(func)
    return click.option(
        "--product",
        default=None,
        metavar="NAME",
        callback=at_most(MAX_PRODUCT_CHARS),
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
