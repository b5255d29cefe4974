"""The columns of the problems' full-text index, apart from the schema so that reading them
costs no import of sqlite-utils (search-as-you-type runs from a one-shot `kb search`)."""

from __future__ import annotations

# Searchable problem fields, best evidence first: the columns that search-as-you-type
# (api.lookups.search) weighs by name. The matcher reads its own sparse indexes (indexer/retrieval.py).
FTS_COLUMNS = [
    "error_codes_text",
    "error_messages_text",
    "title",
    "article_title",
    "symptoms",
    "cause",
    "body",
]


def fts_weights(by_name: dict[str, float]) -> list[float]:
    """FTS5 bm25 column weights from weights by column name (a column not named weighs 0): FTS5
    takes them by position, which would silently change with FTS_COLUMNS' order.

    Raises KeyError for a name that is no column.
    """
    unknown = set(by_name) - set(FTS_COLUMNS)
    if unknown:
        raise KeyError(f"no such full-text column: {', '.join(sorted(unknown))}")
    return [by_name.get(column, 0.0) for column in FTS_COLUMNS]
