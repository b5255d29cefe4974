"""The exit-code table that ends a `kb` command's --help, so an agent reading it knows how to branch."""

from __future__ import annotations

# The codes every `kb` command ends with: one table, for the CLI, `kb serve` and `python -m api`.
EXIT_NO_MATCH = 1
EXIT_USAGE = 2
# What the answers or data come from cannot be used: the index missing or unreadable, a server
# (--url) or the feedback store unreachable or failing, the address `kb serve` would listen on taken.
EXIT_UNAVAILABLE = 3
# Its name from when only a missing index ended with 3: :mod:`api.cli` exports it.
EXIT_NO_INDEX = EXIT_UNAVAILABLE
# Standard output could not be written (a full disk, a closed pipe, an I/O error): for `kb match`, exit 1 would
# read as "no confident match".
EXIT_NOT_WRITTEN = 4
# As a shell reports a command that SIGINT ended (128 + 2): no answer, not "no confident match" (1).
EXIT_INTERRUPTED = 130

# What they mean, as each command's --help says it.
USAGE = "usage error: bad option or argument"
NO_INDEX = "index missing or unreadable"
NO_INDEX_OR_SERVER = "index missing or unreadable; with --url, server unreachable or failing (HTTP 5xx)"
OUTPUT_NOT_WRITTEN = "the output could not be written (disk full, a closed pipe, an I/O error)"
RESULTS_AND_NOTES = "Results go to stdout; errors and notes go to stderr."


def exit_codes_help(
    codes: dict[int, str],
    *,
    output: bool = True,
    streams: str = RESULTS_AND_NOTES,
    title: str = "Exit codes:",
) -> str:
    """A click epilog listing ``codes`` (exit code -> what it means for this command) under ``title``,
    then what goes to which stream; with ``output`` (a command that writes its results to standard
    output), EXIT_NOT_WRITTEN too."""
    if output:
        codes = {
            **codes,
            EXIT_NOT_WRITTEN: f"{codes[EXIT_NOT_WRITTEN]}; or {OUTPUT_NOT_WRITTEN}"
            if EXIT_NOT_WRITTEN in codes
            else OUTPUT_NOT_WRITTEN,
        }
    rows = [f"  {code}  {meaning}" for code, meaning in sorted(codes.items())]
    # "\b" keeps click from rewrapping the table.
    return "\n".join(["\b", title, *rows, streams])
