"""The `kb` command's entry point (also ``python -m api``): settings of the process
that must come before the first import, then :mod:`api.cli`, which tests import as is."""

from __future__ import annotations

import gc
import os
import sys

from api.exitcodes import EXIT_INTERRUPTED


def main() -> None:
    """Run the `kb` command."""
    # numpy's OpenBLAS starts a thread per core at import, which spins waiting for work;
    # kb-answer does no linear algebra in a command, and on two busy cores those threads
    # take a one-shot `kb match` tens of milliseconds. An explicit setting is kept.
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    # The imports create ~60,000 objects that live until exit; collecting them again and
    # again while importing, and at exit, is ~8% of a one-shot `kb match`. Frozen, the
    # collector never scans them again; it runs as usual on what the command allocates.
    gc.disable()
    try:
        from api.cli import cli
    except KeyboardInterrupt:
        # A Ctrl-C while the command's modules load (a tenth of a one-shot `kb match`) ends it
        # as one while it runs does, not with a traceback of the import.
        sys.stderr.write("kb: interrupted\n")
        sys.exit(EXIT_INTERRUPTED)

    gc.freeze()
    gc.enable()
    cli()


if __name__ == "__main__":
    main()
