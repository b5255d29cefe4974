"""The `kb` group: its commands, loaded when used, and how errors end a command (message, exit code)."""

from __future__ import annotations

import functools
import importlib
import os
import sqlite3
import sys
from typing import Any, ClassVar, NoReturn

import click

from api.cli.options import F
from api.exitcodes import (
    EXIT_INTERRUPTED,
    EXIT_NO_MATCH,
    EXIT_NOT_WRITTEN,
    EXIT_UNAVAILABLE,
    EXIT_USAGE,
    OUTPUT_NOT_WRITTEN,
    exit_codes_help,
)
from api.version import DISTRIBUTION
from indexer.errors import IndexDamagedError, IndexMissingError, KbError

# Under `kb --help`: what the codes mean across commands; each command's own --help
# lists only the codes it can end with.
EXIT_CODES_HELP = exit_codes_help(
    {
        0: "success; for kb match, a confident match",
        EXIT_NO_MATCH: "kb match: no confident match; kb schema --check: files out of date",
        EXIT_USAGE: "usage error: bad option or argument, unknown id, --strict warnings",
        EXIT_UNAVAILABLE: "index missing or unreadable; with --url, server unreachable or failing; "
        "kb serve: cannot listen",
        EXIT_NOT_WRITTEN: "the output could not be written; kb index: the index could not be written "
        "(no permission, disk full)",
        EXIT_INTERRUPTED: "interrupted (Ctrl-C); kb index never leaves a half-written index",
    },
    output=False,
    title="Exit codes (each command's --help lists its own):",
)


class KbGroup(click.Group):
    """The `kb` group, whose commands are imported only when they run or --help lists them.

    A one-shot `kb match` then loads the matcher's modules alone, not those of indexing,
    evaluation, feedback stores or the server (uvicorn, FastAPI).
    """

    # Each command's name and where it is defined (module:function).
    lazy: ClassVar[dict[str, str]] = {
        "articles": "api.cli.lookup_commands:articles",
        "eval": "api.cli.eval_command:eval_command",
        "feedback": "api.cli.feedback_commands:feedback",
        "index": "api.cli.index_command:index",
        "inspect": "api.cli.inspect_command:inspect",
        "match": "api.cli.match_command:match",
        "mcp": "api.cli.mcp_command:mcp_command",
        "schema": "api.cli.schema_command:schema",
        "search": "api.cli.lookup_commands:search",
        "serve": "api.serve:serve",
        "show": "api.cli.lookup_commands:show",
    }

    def list_commands(self, ctx: click.Context) -> list[str]:
        """Every command name."""
        return sorted({*super().list_commands(ctx), *self.lazy})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        """The command ``cmd_name``, imported on first use."""
        if cmd_name in self.lazy and cmd_name not in self.commands:
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
            sys.exit(fail("interrupted", EXIT_INTERRUPTED))
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
    sys.exit(fail(f"{OUTPUT_NOT_WRITTEN}: {exc.strerror or exc}", EXIT_NOT_WRITTEN))


def fail(message: str, code: int) -> int:
    """Say ``message`` on stderr as the `kb` command's error; ``code`` is the exit code it ends with."""
    click.echo(f"kb: {message}", err=True)
    return code


def handle_errors(func: F) -> F:
    """Translate kb-answer errors into a message on stderr and a documented exit code."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except IndexMissingError as exc:
            sys.exit(fail(str(exc), EXIT_UNAVAILABLE))
        except sqlite3.DatabaseError as exc:
            # A file that passed the schema check but cannot be read further (damaged pages).
            sys.exit(fail(str(IndexDamagedError(kwargs.get("db_path"), exc)), EXIT_UNAVAILABLE))
        except KbError as exc:  # unknown id, empty query, bad input: a usage error
            sys.exit(fail(str(exc), EXIT_USAGE))

    return wrapper  # type: ignore[return-value]


@click.group(cls=KbGroup, context_settings={"help_option_names": ["-h", "--help"]}, epilog=EXIT_CODES_HELP)
@click.version_option(package_name=DISTRIBUTION)
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
