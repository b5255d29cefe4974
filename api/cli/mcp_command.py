"""`kb mcp`: the MCP server on stdio."""

from __future__ import annotations

from pathlib import Path

import click

from api.cli.group import handle_errors
from api.cli.options import db_option
from api.cli.sources import open_kb
from api.exitcodes import EXIT_UNAVAILABLE, EXIT_USAGE, NO_INDEX, USAGE, exit_codes_help


@click.command(
    name="mcp",
    epilog=exit_codes_help(
        {0: "the client disconnected", EXIT_USAGE: USAGE, EXIT_UNAVAILABLE: f"{NO_INDEX} at start"},
        output=False,
    ),
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
