"""Ctrl-C held back while a step that must not stop half-way runs (in the main thread)."""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Iterator


@contextlib.contextmanager
def interrupt_deferred() -> Iterator[None]:
    """A SIGINT (Ctrl-C) that arrives during the block takes effect at its end.

    Only the main thread is ever interrupted by Python (a reindex in a server's thread runs
    as it is). Blocking the signal would not do: the kernel gives it to another of the
    process's threads (the parse pool's), and Python then interrupts the main thread anyway.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    arrived: list[int] = []
    previous = signal.signal(signal.SIGINT, lambda signum, frame: arrived.append(signum))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
        if arrived:
            signal.raise_signal(signal.SIGINT)
