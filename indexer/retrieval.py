"""The sparse BM25 indexes the matcher retrieves candidates from, built into the index file.

Two indexes, both precomputed so a process answers its first query without reading
the whole knowledge base:

* **problems**, BM25F: each problem is one document with fields (error codes, error
  messages, title, article title, symptoms, cause, steps, body), each field with its
  own weight and length normalisation;
* **articles**, plain BM25: each article is one document of all its words — the
  strong, house-style-blind baseline, kept as evidence beside the problem score.

For every term the index stores its idf and its posting list — the documents that
contain it and each one's precomputed score contribution ("impact") — as two small
blobs, so scoring a query is a lookup of its terms and a sum of their impacts.
Term lists per problem and article are stored when an article is written
(:mod:`indexer.store`); the posting lists are rebuilt from them after every change,
because every document's idf and length normalisation depend on the others.
"""

from __future__ import annotations

import json
import math
import sqlite3
from array import array
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import numpy as np

# BM25F field weights: evidence that names the problem counts most. Chosen once, by
# what each field is for, not fitted to any query set.
FIELD_WEIGHTS = {
    "codes": 4.0,
    "messages": 3.0,
    "title": 3.0,
    "article_title": 1.5,
    "symptoms": 1.5,
    "cause": 1.0,
    "steps": 0.6,
    "body": 0.4,
}
FIELD_B = 0.75
K1 = 1.2
ARTICLE_B = 0.75
# Impacts are stored as float16: three significant digits are plenty to rank by.
IMPACT_DTYPE = np.float16
DOC_DTYPE = np.int32
# About this many tokens are counted at once while building (see _bm25f).
PAIR_SLICE = 1 << 20


def rebuild(conn: sqlite3.Connection, meanwhile: Callable[[], object] | None = None) -> None:
    """Rebuild both posting-list indexes from the stored term lists (inside the caller's transaction).

    The term lists are read row by row and each term is numbered once, for both indexes:
    neither the lists' text nor one whole-article text per article is held at once.
    ``meanwhile`` runs in a thread while the posting lists are computed, once the
    connection is no longer read: it may use it then (the connection must allow threads).
    """
    vocabulary = _Vocabulary()
    number = vocabulary.__getitem__
    problem_fields = {field: _Field() for field in FIELD_WEIGHTS}
    article_field = _Field()
    article_ids: list[str] = []
    problem_ids: list[str] = []
    problem_article_docs: list[int] = []
    problems = conn.execute(
        "select t.problem_id, t.fields, a.doc from problem_terms t "
        "join problems p on p.id = t.problem_id "
        "join (select id, row_number() over (order by id) - 1 as doc from articles) a on a.id = p.article_id "
        "order by p.article_id, p.ordinal"
    )
    problem = next(problems, None)
    articles = conn.execute("select article_id, terms from article_terms order by article_id")
    # Problems come in their articles' order, so each article's are read right after its own terms.
    for article_doc, (article_id, own) in enumerate(articles):
        article_ids.append(article_id)
        # The whole-article document is its own terms and its problems' (but their article title).
        whole = array("i", map(number, own.split()))
        while problem is not None and problem[2] == article_doc:
            problem_ids.append(problem[0])
            problem_article_docs.append(article_doc)
            tokens = {
                name: array("i", map(number, text.split())) for name, text in json.loads(problem[1]).items()
            }
            for name, field in problem_fields.items():
                field.add(tokens.get(name, _NO_TOKENS))
            for name, ids in tokens.items():
                if name != "article_title":
                    whole.extend(ids)
            problem = next(problems, None)
        article_field.add(whole)
    assert problem is None, "a problem whose article has no term list"
    problems.close()
    articles.close()
    terms = list(vocabulary)
    conn.execute("delete from postings")
    conn.execute("delete from article_postings")
    conn.execute("delete from retrieval_docs")
    conn.execute("delete from retrieval_articles")
    conn.executemany(
        "insert into retrieval_articles (doc, article_id, first_doc, problems) values (?, ?, ?, ?)",
        _article_rows(article_ids, problem_article_docs),
    )
    conn.executemany(
        "insert into retrieval_docs (doc, problem_id, article_doc) values (?, ?, ?)",
        (
            (doc, pid, article_doc)
            for doc, (pid, article_doc) in enumerate(zip(problem_ids, problem_article_docs, strict=True))
        ),
    )
    # The two indexes are computed side by side: numpy's sorts, most of the work, release the
    # GIL (the same posting lists; 9.3-10.2 s against 12.8-13.0 s at 100,000 problems, alone).
    # Imported here: the matcher imports this module for its constants, and concurrent.futures
    # brings logging with it, a few milliseconds of every one-shot `kb match`.
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(2) as threads:
        beside = threads.submit(meanwhile) if meanwhile else None
        by_article = threads.submit(_bm25f, {"all": article_field}, terms, {"all": 1.0}, ARTICLE_B)
        postings = _bm25f(problem_fields, terms, FIELD_WEIGHTS, FIELD_B)
        del problem_fields
        article_postings = by_article.result()
        if beside:
            beside.result()
    _write_postings(conn, "postings", postings)
    _write_postings(conn, "article_postings", article_postings)
    # What a reader needs before its first query: how many documents each index has.
    meta = {"problems": len(problem_ids), "articles": len(article_ids)}
    conn.execute("delete from retrieval_meta")
    conn.executemany("insert into retrieval_meta (key, value) values (?, ?)", meta.items())


def _article_rows(article_ids: list[str], problem_article_docs: list[int]) -> list[tuple[int, str, int, int]]:
    """(article doc, id, its first problem doc, its number of problems): problems of an article are contiguous."""
    first: dict[int, int] = {}
    count: dict[int, int] = {}
    for doc, article_doc in enumerate(problem_article_docs):
        first.setdefault(article_doc, doc)
        count[article_doc] = count.get(article_doc, 0) + 1
    return [(doc, aid, first.get(doc, 0), count.get(doc, 0)) for doc, aid in enumerate(article_ids)]


class _Vocabulary(dict[str, int]):
    """Term → id, numbering a term the first time it is looked up.

    Looking a document's terms up with ``map(vocabulary.__getitem__, …)`` keeps the loop
    over every token of the index in C.
    """

    def __missing__(self, term: str) -> int:
        self[term] = number = len(self)
        return number


_NO_TOKENS = array("i")


class _Field:
    """One field of every document, in document order: its term ids (C ints) and each document's length."""

    def __init__(self) -> None:
        self.tokens = array("i")
        self.lengths = array("i")

    def add(self, tokens: array[int]) -> None:
        self.tokens.extend(tokens)
        self.lengths.append(len(tokens))


@dataclass
class _Postings:
    terms: list[str]
    idf: np.ndarray
    # For term i: docs[starts[i]:starts[i+1]] and their impacts.
    starts: np.ndarray
    docs: np.ndarray
    impacts: np.ndarray


def _first_seen(fields: list[np.ndarray], size: int) -> np.ndarray:
    """The term ids found in ``fields`` (read one after the other), in the order they first appear.

    Terms are numbered once for both indexes, in the order they were read; each index
    numbers its own terms by where they first appear in it, field after field, so its
    posting lists are stored in that order.
    """
    first = np.full(size, np.iinfo(np.int64).max, dtype=np.int64)
    offset = 0
    for tokens in fields:
        np.minimum.at(first, tokens, np.arange(offset, offset + len(tokens), dtype=np.int64))
        offset += len(tokens)
    seen = np.flatnonzero(first < np.iinfo(np.int64).max)
    return seen[np.argsort(first[seen], kind="stable")]


def _slices(lengths: list[np.ndarray]) -> Iterator[tuple[int, int]]:
    """Ranges of documents holding about :data:`PAIR_SLICE` tokens of all fields together."""
    ends = np.cumsum(np.sum(lengths, axis=0))
    cuts = np.searchsorted(ends, np.arange(PAIR_SLICE, ends[-1] if len(ends) else 0, PAIR_SLICE))
    bounds = np.unique(np.r_[0, cuts, len(ends)])
    return zip(bounds[:-1].tolist(), bounds[1:].tolist(), strict=True)


def _bm25f(fields: dict[str, _Field], terms: list[str], weights: dict[str, float], b: float) -> _Postings:
    """BM25F impacts of every (term, document) pair; ``terms`` names the ids in ``fields``."""
    names = [name for name in weights if len(fields[name].tokens)]
    if not names:
        return _Postings([], np.zeros(0), np.zeros(1, dtype=np.int64), np.zeros(0, DOC_DTYPE), np.zeros(0))
    streams = [np.frombuffer(fields[name].tokens, dtype=np.int32) for name in names]
    order = _first_seen(streams, len(terms))
    renumber = np.zeros(len(terms), dtype=np.int64)
    renumber[order] = np.arange(len(order))
    lengths = [np.frombuffer(fields[name].lengths, dtype=np.int32).astype(np.int64) for name in names]
    ends = [np.r_[0, np.cumsum(field_lengths)] for field_lengths in lengths]
    averages = [max(1.0, float(field_lengths.mean())) for field_lengths in lengths]
    # A few documents at a time: a (document, term) pair is in one range only, so the ranges'
    # pairs follow one another in order, and the temporaries stay the size of a range.
    keys: list[np.ndarray] = []
    tf_weighted: list[np.ndarray] = []
    for first, last in _slices(lengths):
        pairs: list[np.ndarray] = []
        values: list[np.ndarray] = []
        for name, tokens, field_lengths, field_ends, average in zip(
            names, streams, lengths, ends, averages, strict=True
        ):
            doc_of_token = np.repeat(np.arange(first, last, dtype=np.int64), field_lengths[first:last])
            pair = doc_of_token * (1 << 24) + renumber[tokens[field_ends[first] : field_ends[last]]]
            unique, tf = np.unique(pair, return_counts=True)
            pairs.append(unique)
            norm = 1.0 - b + b * field_lengths[unique >> 24] / average
            values.append(weights[name] * tf / norm)
        # One pair's field values are added in the fields' order.
        unique, inverse = np.unique(np.concatenate(pairs), return_inverse=True)
        keys.append(unique)
        tf_weighted.append(np.bincount(inverse, weights=np.concatenate(values)))
    n = len(lengths[0])
    all_keys = np.concatenate(keys)
    keys.clear()
    docs = (all_keys >> 24).astype(DOC_DTYPE)
    term_ids = (all_keys & ((1 << 24) - 1)).astype(np.int32)
    del all_keys
    # Pairs are in (document, term) order; a stable sort by term keeps each list's documents in order.
    by_term = np.argsort(term_ids, kind="stable")
    docs, term_ids = docs[by_term], term_ids[by_term]
    weighted = np.concatenate(tf_weighted)[by_term]
    tf_weighted.clear()
    del by_term
    df = np.bincount(term_ids, minlength=len(order))
    idf = np.log(1.0 + (n - df + 0.5) / (df + 0.5))
    impacts = idf[term_ids] * weighted * (K1 + 1.0) / (weighted + K1)
    starts = np.concatenate([[0], np.cumsum(df)])
    return _Postings([terms[i] for i in order], idf, starts, docs, impacts.astype(IMPACT_DTYPE))


def _write_postings(conn: sqlite3.Connection, table: str, postings: _Postings) -> None:
    starts = postings.starts
    conn.executemany(
        f"insert into {table} (term, idf, docs, impacts) values (?, ?, ?, ?)",
        (
            (
                term,
                float(postings.idf[i]),
                postings.docs[starts[i] : starts[i + 1]].tobytes(),
                postings.impacts[starts[i] : starts[i + 1]].tobytes(),
            )
            for i, term in enumerate(postings.terms)
            if starts[i + 1] > starts[i]
        ),
    )


def max_idf(documents: int) -> float:
    """The idf a term found in no document would have: what an unknown query word weighs."""
    return math.log(1.0 + (documents + 0.5) / 0.5)
