"""What readers tell us: "was this helpful?" verdicts, and the queries nothing answered.

One interface (:class:`FeedbackStore`, with the statements it runs, in
:mod:`api.feedback.store`), two places to keep it: a SQLite file for one machine
(the default, :mod:`api.feedback.sqlite`) and PostgreSQL for several replicas
(:mod:`api.feedback.postgres`, ``KB_FEEDBACK_URL``). :func:`open_store` picks one
from the settings.

Feedback never lives in the index: the index is rebuilt and swapped on every
reindex, and what readers said must survive that.
"""

from __future__ import annotations

from api.feedback.sqlite import SqliteFeedbackStore
from api.feedback.store import MAX_READ_CHARS, FeedbackStore, FeedbackUnavailable
from api.limits import STORED_QUERY_CHARS
from api.settings import Settings

__all__ = [
    "MAX_READ_CHARS",
    "STORED_QUERY_CHARS",
    "FeedbackStore",
    "FeedbackUnavailable",
    "SqliteFeedbackStore",
    "open_store",
]


def open_store(settings: Settings, read_only: bool = False) -> FeedbackStore:
    """PostgreSQL when ``settings.feedback_url`` is set, else the SQLite file ``settings.feedback_path``
    (with ``read_only``, for reports: opened without writing to it).

    Nothing is connected or created until the first call.
    """
    if settings.feedback_url is not None:
        from api.feedback.postgres import PostgresFeedbackStore  # psycopg only where it is used

        return PostgresFeedbackStore(settings.feedback_url.get_secret_value())
    return SqliteFeedbackStore(settings.feedback_path, read_only=read_only)
