"""Worker processes that end with the process they work for.

A process killed outright (SIGKILL, the out-of-memory killer) cannot stop its workers:
they are handed to init and would go on waiting for work, or serving a port, forever.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable

# How often a worker checks that its parent is still running.
CHECK_SECONDS = 0.5


def end_with_parent(parent: int, end: Callable[[], None]) -> None:
    """Call ``end`` in this process once ``parent`` is no longer its parent (checked in a daemon thread)."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(CHECK_SECONDS)
        end()

    threading.Thread(target=watch, name="end-with-parent", daemon=True).start()
