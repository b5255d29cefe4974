"""The exit-code table that ends a `kb` command's --help, so an agent reading it knows how to branch."""

from __future__ import annotations

USAGE = "usage error: bad option or argument"
NO_INDEX = "index missing or unreadable"
NO_INDEX_OR_SERVER = "index missing or unreadable; with --url, server unreachable"
# As a shell reports a command that SIGINT ended (128 + 2): no answer, not "no confident match" (1).
INTERRUPTED = 130


def exit_codes_help(codes: dict[int, str]) -> str:
    """A click epilog listing ``codes`` (exit code -> what it means for this command)."""
    rows = [f"  {code}  {meaning}" for code, meaning in sorted(codes.items())]
    # "\b" keeps click from rewrapping the table.
    return "\n".join(["\b", "Exit codes:", *rows, "Results go to stdout; errors and notes go to stderr."])
