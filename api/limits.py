"""What a client may ask, in numbers: the bounds of a request's scope, of search-as-you-type and
of paging, which the HTTP API, the MCP tools and the command line all apply.

Plain constants, so that a one-shot `kb match` reads them without building the request models
of :mod:`api.requests`.
"""

from indexer.records import MAX_PRODUCT_CHARS, MAX_TAG_CHARS

__all__ = ["MAX_PRODUCT_CHARS", "MAX_TAG_CHARS"]

MAX_TAGS = 20
# Search-as-you-type: what was typed so far, and how many suggestions.
MAX_SEARCH_CHARS = 500
DEFAULT_SUGGESTIONS = 10
MAX_SUGGESTIONS = 50
# The most articles a page of the list may skip.
MAX_OFFSET = 2**31
