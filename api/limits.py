"""What a client may ask, in numbers: the bounds of a request's scope, of search-as-you-type and
of paging, which the HTTP API, the MCP tools and the command line all apply; and how much of a
query feedback keeps.

Plain constants, so that a one-shot `kb match` reads them without building the request models
of :mod:`api.requests`.
"""

from indexer.records import MAX_PRODUCT_CHARS, MAX_TAG_CHARS

__all__ = ["MAX_PRODUCT_CHARS", "MAX_TAG_CHARS"]

MAX_TAGS = 20
# How many matches every front end returns by default, and at most.
DEFAULT_MATCHES = 5
MAX_MATCHES = 50
# Search-as-you-type: what was typed so far, and how many suggestions.
MAX_SEARCH_CHARS = 500
DEFAULT_SUGGESTIONS = 10
MAX_SUGGESTIONS = 50
# A page of the list of articles: how many it holds, and at most; the most articles it may skip.
DEFAULT_PAGE = 50
MAX_PAGE = 200
MAX_OFFSET = 2**31
# The feedback report: rows in each of its lists, and at most.
DEFAULT_REPORT_ROWS = 50
MAX_REPORT_ROWS = 1000
# The start of a query that feedback keeps, with its verdict or as an unanswered query.
STORED_QUERY_CHARS = 500
