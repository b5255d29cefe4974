"""The `kb` command: index articles, look answers up, evaluate, serve.

Exit codes are the same across commands (:data:`api.cli.group.EXIT_CODES_HELP` lists them:
0 to 4, and 130 when interrupted); each command's --help lists the ones it can end with.
Results go to standard output, errors, notes and progress to standard error, so an agent
can pipe stdout straight into a parser.

One module per command (or pair of related commands); :mod:`api.cli.group` names them
all and imports each only when it runs, :mod:`api.cli.options` holds the options they share.
"""

from api.cli.group import cli
from api.exitcodes import (
    EXIT_INTERRUPTED,
    EXIT_NO_INDEX,
    EXIT_NO_MATCH,
    EXIT_NOT_WRITTEN,
    EXIT_UNAVAILABLE,
    EXIT_USAGE,
)

__all__ = [
    "EXIT_INTERRUPTED",
    "EXIT_NOT_WRITTEN",
    "EXIT_NO_INDEX",
    "EXIT_NO_MATCH",
    "EXIT_UNAVAILABLE",
    "EXIT_USAGE",
    "cli",
]
