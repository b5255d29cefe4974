"""Ctrl-C and SIGTERM held back while a step that must not stop half-way runs (in the main thread)."""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Callable, Iterator

# What stops a run: Ctrl-C, and SIGTERM (a job stopped, `kill`), which `kb index` and `kb serve` handle.
_STOPPING = (signal.SIGINT, signal.SIGTERM)


@contextlib.contextmanager
def interrupt_deferred() -> Iterator[None]:
    """A SIGINT (Ctrl-C) or SIGTERM that arrives during the block takes effect at its end, under
    the handler it had before.

    Only the main thread is ever interrupted by Python (a reindex in a server's thread runs
    as it is). Blocking the signal would not do: the kernel gives it to another of the
    process's threads (the parse pool's), and Python then interrupts the main thread anyway.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    arrived: list[int] = []
    previous = {
        signum: signal.signal(signum, lambda signum, frame: arrived.append(signum)) for signum in _STOPPING
    }
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
        # Each that arrived, in turn: the first may be one its handler ignores (SIGINT in a job a
        # shell started in the background), and the SIGTERM after it must still stop the run.
        for came in dict.fromkeys(arrived):
            signal.raise_signal(came)


class StopWhenAsked:
    """The handler of a signal that stops a run, which also keeps that it came.

    The handler raises ``stop()`` wherever the main thread is, and when that is inside a
    finalizer (a ``__del__`` run as an object is let go) Python prints the exception and drops
    it: the run went on as if never asked to stop (`kb serve` served after SIGTERM in about 1
    start of 200 with the signal sent as its index build began). :meth:`stop_if_asked`, called
    where the run may stop, stops it there.
    """

    def __init__(self, stop: Callable[[], BaseException]) -> None:
        self.stop = stop
        self.asked = False

    def __call__(self, signum: int, frame: object) -> None:
        self.asked = True
        raise self.stop()

    def stop_if_asked(self) -> None:
        """Raise ``stop()`` if the signal came, whether or not its exception was dropped."""
        if self.asked:
            raise self.stop()
