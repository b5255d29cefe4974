"""Ctrl-C and SIGTERM held back while a step that must not stop half-way runs (in the main thread)."""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Iterator

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
