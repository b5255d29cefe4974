"""How far an index build is, on standard error: for `kb index` and for the first build of `kb serve`."""

from __future__ import annotations

import time

import click

from indexer.interrupts import StopWhenAsked

# Progress where standard error is no terminal (a log, CI, a service's journal): a line at most this
# often, and none for a build shorter than that.
PROGRESS_SECONDS = 10.0


class BuildProgress:
    """The callbacks of :func:`indexer.build.build_index` that show how far it is.

    On a terminal, one line rewritten in place every few files; elsewhere a line of its own
    at most every PROGRESS_SECONDS (and the step after the files, once the build has taken that
    long). With ``stop``, a stop asked for by a signal is taken at each file: one whose exception
    a finalizer dropped (see :class:`~indexer.interrupts.StopWhenAsked`) would let the build go on.
    """

    def __init__(self, *, quiet: bool, terminal: bool, stop: StopWhenAsked | None = None) -> None:
        self.quiet, self.terminal, self.stop = quiet, terminal, stop
        self.started = self.last = time.monotonic()

    def checking(self, n: int, total: int, source: str) -> None:
        """File ``n`` of ``total`` looked at: each file of an indexed knowledge base is read to see
        whether it changed, seconds at 20,000 files with nothing else to show."""
        self._file_done()
        self._say(f"checked {n}/{total} files for changes", every=500, n=n, total=total)

    def parsing(self, n: int, total: int) -> None:
        """Changed file ``n`` of ``total`` parsed."""
        self._file_done()
        self._say(f"parsed {n}/{total} changed files", every=25, n=n, total=total)

    def finishing(self) -> None:
        """The search index being built from what was written: seconds at 100,000 problems."""
        self._say("building the search index", last=True)

    def _file_done(self) -> None:
        if self.stop is not None:
            self.stop.stop_if_asked()

    def _say(self, text: str, *, every: int = 1, n: int = 0, total: int = 0, last: bool = False) -> None:
        """Show ``text``, the state after item ``n`` of ``total`` (or, with ``last``, a step after them)."""
        if self.quiet:
            return
        done = last or n == total
        if self.terminal:
            if last or n % every == 0 or done:
                click.echo(f"\r  {text}", err=True, nl=done)
            return
        now = time.monotonic()
        if now - (self.started if last else self.last) >= PROGRESS_SECONDS:
            click.echo(f"  {text}", err=True)
            self.last = now
