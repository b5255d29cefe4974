"""`kb schema`: the JSON Schema files of every --format json shape."""

from __future__ import annotations

import shlex
import sys
from pathlib import Path

import click

from api.cli.group import fail
from api.exitcodes import EXIT_NO_MATCH, EXIT_NOT_WRITTEN, EXIT_USAGE, USAGE, exit_codes_help


@click.command(
    epilog=exit_codes_help(
        {
            0: "written; with --check, up to date",
            EXIT_NO_MATCH: "--check: files out of date",
            EXIT_USAGE: USAGE,
            EXIT_NOT_WRITTEN: "a schema file could not be written",
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
        sys.exit(EXIT_NO_MATCH if stale else 0)
    try:
        # Written before any is listed: a listing that cannot be written is no schema file's fault.
        written = list(write_schemas(folder))
    except OSError as exc:
        sys.exit(
            fail(f"cannot write the schema files into {folder}: {exc.strerror or exc}", EXIT_NOT_WRITTEN)
        )
    for path in written:
        click.echo(str(path))
