"""The exit-code table that ends a `kb` command's --help, so an agent reading it knows how to branch."""

from __future__ import annotations

USAGE = "usage error: bad option or argument"
NO_INDEX = "index missing or unreadable"
NO_INDEX_OR_SERVER = "index missing or unreadable; with --url, server unreachable or failing (HTTP 5xx)"
# As a shell reports a command that SIGINT ended (128 + 2): no answer, not "no confident match" (1).
INTERRUPTED = 130


# Standard output could not be written (a full disk, a closed pipe, an I/O error): for `kb match`, exit 1 would
# read as "no confident match".
NOT_WRITTEN = 4
OUTPUT_NOT_WRITTEN = "the output could not be written (disk full, a closed pipe, an I/O error)"


def exit_codes_help(codes: dict[int, str], *, output: bool = True) -> str:
    """A click epilog listing ``codes`` (exit code -> what it means for this command); with
    ``output`` (a command that writes its results to standard output), NOT_WRITTEN too."""
    if output:
        codes = {
            **codes,
            NOT_WRITTEN: f"{codes[NOT_WRITTEN]}; or {OUTPUT_NOT_WRITTEN}"
            if NOT_WRITTEN in codes
            else OUTPUT_NOT_WRITTEN,
        }
    rows = [f"  {code}  {meaning}" for code, meaning in sorted(codes.items())]
    # "\b" keeps click from rewrapping the table.
    return "\n".join(["\b", "Exit codes:", *rows, "Results go to stdout; errors and notes go to stderr."])
