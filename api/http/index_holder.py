"""The app's handle on its index file: opened on first use, and remembered damaged until replaced."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import anyio

from api.knowledge import KnowledgeBase
from indexer.errors import IndexDamagedError
from indexer.index_file import file_identity, is_damage


class IndexHolder:
    """The app's handle on its index, opened on first use so the app can start without one.

    It also remembers a file found damaged, so that every index route and /readyz
    answer 503 with the same message until the file is replaced.
    """

    def __init__(self, db_path: Path) -> None:
        self.db_path = db_path
        self._kb: KnowledgeBase | None = None
        self._lock = threading.Lock()
        # One rebuild at a time. Reindex requests wait for it on the event loop, not each in a
        # thread: 40 of them waiting in threads held every thread of the pool, and /readyz, which
        # asks one for its feedback check, queued behind them until a load balancer gave up.
        self.reindexing = anyio.CapacityLimiter(1)
        self._damage: tuple[tuple[int, int, int, int], IndexDamagedError] | None = None

    def damaged(self, exc: sqlite3.DatabaseError) -> IndexDamagedError:
        """The error to answer ``exc`` with; a damaged file is remembered until it is replaced."""
        error = IndexDamagedError(self.db_path, exc)
        if is_damage(exc) and (identity := file_identity(self.db_path)) is not None:
            self._damage = (identity, error)
        return error

    def known_damaged(self) -> bool:
        """Whether the file at the index's path is one found damaged (and not replaced since)."""
        damage = self._damage
        return damage is not None and file_identity(self.db_path) == damage[0]

    def get(self) -> KnowledgeBase:
        """The open knowledge base; raises :class:`IndexMissingError` while there is no usable index."""
        damage = self._damage
        if damage is not None:
            if file_identity(self.db_path) == damage[0]:
                raise damage[1]
            self._damage = None
        kb = self._kb
        if kb is None:
            with self._lock:
                if self._kb is None:
                    self._kb = KnowledgeBase(self.db_path)
                kb = self._kb
        return kb
