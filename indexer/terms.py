"""Text → search terms: one tokenizer for the index and for queries.

A problem's fields and a pasted query go through the same steps — copy-and-paste
damage undone (:func:`indexer.errortext.clean`), lowercase words, English stopwords
and run-specific tokens (long hex runs, long numbers) dropped, Snowball stems — so a
word a person types and the word an author wrote meet as one term. Error codes
become terms of their own (``code:AADSTS50105``), whatever their spelling.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from indexer.errortext import clean, code_key

CODE_PREFIX = "code:"
MAX_WORD = 40
# Words of two characters or more: single letters and digits are never terms.
_WORD = re.compile(r"[^\W_]{2,}", re.UNICODE)
# Chinese and Japanese put no spaces between words: a run of their characters is searched by its
# overlapping pairs of characters (as Lucene's CJK bigram filter does), so that "服务器" asked
# meets "无法连接到服务器" written, which as one word it never would.
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
# Tokens that identify one occurrence (a request id, a time), never the problem.
_RUN_SPECIFIC = re.compile(r"[0-9a-f]{12,}|\d{7,}")
STOPWORDS = frozenset(
    """a about above after again against all am an and any are aren't as at be because been before being
    below between both but by can can't cannot could couldn't did didn't do does doesn't doing don't down
    during each few for from further had hadn't has hasn't have haven't having he her here hers herself him
    himself his how i i'm if in into is isn't it it's its itself just let's me more most my myself no nor not
    now of off on once only or other ought our ours ourselves out over own same she should shouldn't so some
    such than that that's the their theirs them themselves then there there's these they this those through
    to too under until up very was wasn't we were weren't what what's when where which while who whom why
    will with won't would wouldn't you you're your yours yourself yourselves also get got getting hi hello
    thanks thank please s t d ll m re ve""".split()
)


@lru_cache(maxsize=1)
def _stemmer() -> Any:
    # PyStemmer (Snowball, C): "syncing", "synced" and "sync" share one stem.
    import Stemmer

    stemmer = Stemmer.Stemmer("english")
    stemmer.maxCacheSize = 50_000
    return stemmer


def words(text: str) -> list[str]:
    """The lowercase words of ``text`` that can be search terms, in order (not stemmed); a run of
    Chinese or Japanese characters gives its pairs of characters."""
    found = _WORD.findall(clean(text).lower())
    if not text.isascii():
        found = [part for word in found for part in _split_cjk(word)]
    return [
        w
        for w in found
        if len(w) <= MAX_WORD
        and w not in STOPWORDS
        # Only a word of seven or more characters with a digit can be a run-specific token.
        and (len(w) < 7 or w.isalpha() or not _RUN_SPECIFIC.fullmatch(w))
    ]


def _split_cjk(word: str) -> list[str]:
    """``word`` as it is searched: its runs of Chinese or Japanese characters as overlapping pairs
    (a lone character as itself), the rest of it as words."""
    if word.isascii() or not _CJK.search(word):
        return [word]
    parts: list[str] = []
    at = 0
    for run in _CJK.finditer(word):
        parts.extend(_WORD.findall(word[at : run.start()]))
        chars = run.group()
        parts.extend([chars] if len(chars) == 1 else [chars[i : i + 2] for i in range(len(chars) - 1)])
        at = run.end()
    parts.extend(_WORD.findall(word[at:]))
    return parts


def terms(text: str) -> list[str]:
    """The search terms of ``text``: its words, stemmed, in order (repeats kept, for term frequency)."""
    return stemmed(words(text))


def stemmed(found: list[str]) -> list[str]:
    """The terms of ``found`` words (from :func:`words`), one per word, in order."""
    return list(_stemmer().stemWords(found)) if found else []


def code_terms(codes: list[str]) -> list[str]:
    """One term per error code, so "AADSTS 50105" and "aadsts50105" are the same term."""
    return [CODE_PREFIX + code_key(c) for c in codes]
