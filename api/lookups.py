"""Lookups every front end offers besides matching: show, list and search-as-you-type.

Each returns a model from :mod:`api.models`, built from the index without validating
it again (see :class:`api.models.Shape`); front ends only choose a renderer of
:mod:`api.render`.
"""

from __future__ import annotations

import re

from api.knowledge import KnowledgeBase
from api.limits import DEFAULT_PAGE, DEFAULT_SUGGESTIONS, MAX_PAGE, MAX_SUGGESTIONS
from api.models import (
    ArticleOut,
    ArticlePage,
    ArticleStructure,
    ArticleSummary,
    ProblemDetail,
    SearchHit,
    SearchResult,
    article_out,
    article_ref,
    article_structure,
    problem_detail,
)
from api.query import Scope
from indexer.errortext import clean
from indexer.full_text import fts_weights

# Search-as-you-type costs what FTS5 reads. A last word shorter than this is matched whole: as a
# prefix, "a" stands for every word that begins with it, whose lists FTS5 merges first (0.5 s at
# 100,000 problems, on the worker's event loop). And only the first MAX_RANKED problems that
# match, in the index's order, are ranked: "error", matched whole, is in most titles.
MIN_PREFIX = 3
MAX_RANKED = 2000
# The words of a search that are looked for, at most.
MAX_SEARCH_WORDS = 12
# The only columns a search looks in, by weight: a title says what a problem is, and a code typed
# is one of its codes; the article's title names the product.
SEARCH_COLUMNS = {"title": 5.0, "error_codes_text": 10.0, "article_title": 2.0}
SEARCH_WEIGHTS = fts_weights(SEARCH_COLUMNS)
_SEARCH_WORD = re.compile(r"[^\W_]+", re.UNICODE)
# An error code being typed at the end ("NVP-20", "E-5"): the index has each code joined too
# (NVP2004, E517: indexer.store), so its letters and digits so far, joined, are a prefix of one,
# where the digits alone are a word too short to be a prefix until a third is typed.
_CODE_BEING_TYPED = re.compile(r"(?<![^\W_])([^\W\d_]{1,8})[-_]?(\d{1,7})$")


def get_article(kb: KnowledgeBase, article_id: str) -> ArticleOut:
    """The whole article with id ``article_id`` (spaces around it are no part of it: ids have none,
    and a copied id often brings one)."""
    return article_out(kb.article(article_id.strip()))


def get_problem(kb: KnowledgeBase, pid: str) -> ProblemDetail:
    """One problem (``ARTICLE#N``) with its steps."""
    article, problem = kb.problem(pid.strip())
    return problem_detail(article, problem)


def show(kb: KnowledgeBase, some_id: str) -> ArticleOut | ProblemDetail:
    """An article or, for an id of the form ``ARTICLE#N``, one of its problems."""
    return get_problem(kb, some_id) if "#" in some_id else get_article(kb, some_id)


def inspect(kb: KnowledgeBase, article_id: str) -> ArticleStructure:
    """How the indexed article ``article_id`` was read (``ARTICLE#N`` names its article, and
    must be one of its problems: NotFoundError otherwise, as for an unknown article)."""
    article_id = article_id.strip()
    if "#" in article_id:
        kb.problem(article_id)
    return article_structure(kb.article(article_id.split("#", 1)[0]))


def list_articles(kb: KnowledgeBase, *, offset: int = 0, limit: int = DEFAULT_PAGE) -> ArticlePage:
    """A page of the articles in the index, by title."""
    limit = max(1, min(limit, MAX_PAGE))
    offset = max(0, offset)
    total, rows = kb.articles(offset=offset, limit=limit)
    return ArticlePage.model_construct(
        total=total,
        offset=offset,
        limit=limit,
        articles=[
            ArticleSummary.model_construct(
                id=a.id, title=a.title, source=a.source, problems=n, product=a.product, tags=a.tags
            )
            for a, n in rows
        ],
    )


def _a_letter(word: str, after: str) -> bool:
    return len(word) == 1 and word.isascii() and word.isalpha() and after not in ("+", "#")


def _last_term(word: str) -> str:
    """The last word typed: a prefix from MIN_PREFIX characters on, else the whole word."""
    return f'"{word}"*' if len(word) >= MIN_PREFIX else f'"{word}"'


def search(
    kb: KnowledgeBase, query: str, *, limit: int = DEFAULT_SUGGESTIONS, scope: Scope | None = None
) -> SearchResult:
    """Problems whose title or error codes have the words typed so far.

    Every word must appear; the last one may be incomplete (prefix match, from
    MIN_PREFIX characters on), as in a search-as-you-type box.
    """
    in_scope = len(kb.scope_ranges(scope)) if scope else None
    text = clean(query).lower()
    code = _CODE_BEING_TYPED.search(text)
    # A letter alone is no word to look for: the "t" of "doesn't" and the "s" of "user's" are
    # what it finds. (The letter a code opens with is kept with its digits, and so is the name
    # of C++, C# or F#.)
    typed = text[: code.start()] if code else text
    words = [
        m.group()
        for m in _SEARCH_WORD.finditer(typed)
        if not _a_letter(m.group(), typed[m.end() : m.end() + 1])
    ][: MAX_SEARCH_WORDS - bool(code)]
    terms = [f'"{w}"' for w in words]
    if code:
        # The code as typed, or its letters and digits as two words, as a title has them.
        letters, digits = code.groups()
        terms.append(f'("{letters}{digits}"* OR ("{letters}" AND {_last_term(digits)}))')
    elif terms:
        terms[-1] = _last_term(words[-1])
    if not terms:
        return SearchResult.model_construct(query=query, hits=[], scope_articles=in_scope)
    expression = "{" + " ".join(SEARCH_COLUMNS) + "} : (" + " AND ".join(terms) + ")"
    found = kb.full_text(
        expression, max(1, min(limit, MAX_SUGGESTIONS)), SEARCH_WEIGHTS, scope, ranked=MAX_RANKED
    )
    hits = []
    for pid, _ in found:
        article, problem = kb.problem(pid)
        hits.append(
            SearchHit.model_construct(
                problem_id=pid,
                title=problem.title,
                article=article_ref(article),
                error_codes=problem.error_codes,
            )
        )
    return SearchResult.model_construct(query=query, hits=hits, scope_articles=in_scope)
