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


def rebuild(conn: sqlite3.Connection) -> None:
    """Rebuild both posting-list indexes from the stored term lists (inside the caller's transaction)."""
    problems = conn.execute(
        "select t.problem_id, t.fields, a.doc from problem_terms t "
        "join problems p on p.id = t.problem_id "
        "join (select id, row_number() over (order by id) - 1 as doc from articles) a on a.id = p.article_id "
        "order by p.article_id, p.ordinal"
    ).fetchall()
    articles = conn.execute("select article_id, terms from article_terms order by article_id").fetchall()
    conn.execute("delete from postings")
    conn.execute("delete from article_postings")
    conn.execute("delete from retrieval_docs")
    conn.execute("delete from retrieval_articles")
    conn.executemany(
        "insert into retrieval_articles (doc, article_id, first_doc, problems) values (?, ?, ?, ?)",
        _article_rows(articles, [row[2] for row in problems]),
    )
    conn.executemany(
        "insert into retrieval_docs (doc, problem_id, article_doc) values (?, ?, ?)",
        ((doc, pid, article_doc) for doc, (pid, _, article_doc) in enumerate(problems)),
    )
    fields = [json.loads(row[1]) for row in problems]
    _write_postings(conn, "postings", _bm25f(fields))
    article_docs = _article_documents(articles, problems, fields)
    _write_postings(conn, "article_postings", _bm25f(article_docs, weights={"all": 1.0}, b=ARTICLE_B))
    # What a reader needs before its first query: how many documents each index has.
    meta = {"problems": len(problems), "articles": len(articles)}
    conn.execute("delete from retrieval_meta")
    conn.executemany("insert into retrieval_meta (key, value) values (?, ?)", meta.items())


def _article_documents(
    articles: list[tuple[str, str]], problems: list[tuple[str, str, int]], fields: list[dict[str, str]]
) -> list[dict[str, str]]:
    """Each article as one document: its own terms (title, description, body) and its problems'."""
    texts: list[list[str]] = [[own] for _, own in articles]
    for (_, _, article_doc), problem in zip(problems, fields, strict=True):
        texts[article_doc].extend(v for k, v in problem.items() if k != "article_title")
    return [{"all": " ".join(parts)} for parts in texts]


def _article_rows(
    articles: list[tuple[str, str]], problem_article_docs: list[int]
) -> list[tuple[int, str, int, int]]:
    """(article doc, id, its first problem doc, its number of problems): problems of an article are contiguous."""
    first: dict[int, int] = {}
    count: dict[int, int] = {}
    for doc, article_doc in enumerate(problem_article_docs):
        first.setdefault(article_doc, doc)
        count[article_doc] = count.get(article_doc, 0) + 1
    return [(doc, aid, first.get(doc, 0), count.get(doc, 0)) for doc, (aid, _) in enumerate(articles)]


class _Vocabulary(dict[str, int]):
    """Term → id, numbering a term the first time it is looked up.

    Looking a document's terms up with ``map(vocabulary.__getitem__, …)`` keeps the loop
    over every token of the index in C; ids follow first appearance, as before.
    """

    def __missing__(self, term: str) -> int:
        self[term] = number = len(self)
        return number


@dataclass
class _Postings:
    terms: list[str]
    idf: np.ndarray
    # For term i: docs[starts[i]:starts[i+1]] and their impacts.
    starts: np.ndarray
    docs: np.ndarray
    impacts: np.ndarray


def _bm25f(
    documents: list[dict[str, str]], *, weights: dict[str, float] | None = None, b: float = FIELD_B
) -> _Postings:
    """BM25F impacts of every (term, document) pair; each document is {field: space-separated terms}."""
    weights = weights or FIELD_WEIGHTS
    n = len(documents)
    vocab = _Vocabulary()
    keys: list[np.ndarray] = []
    values: list[np.ndarray] = []
    for field, weight in weights.items():
        # C ints, not a list of Python ints: at 100,000 problems that is gigabytes less.
        token_ids = array("i")
        counts: list[int] = []
        for fields in documents:
            tokens = fields.get(field, "").split()
            counts.append(len(tokens))
            token_ids.extend(map(vocab.__getitem__, tokens))
        if not token_ids:
            continue
        lengths = np.array(counts, dtype=np.int64)
        doc_of_token = np.repeat(np.arange(n, dtype=np.int64), lengths)
        pair = doc_of_token * (1 << 24) + np.frombuffer(token_ids, dtype=np.int32)
        unique, tf = np.unique(pair, return_counts=True)
        docs = unique >> 24
        average = max(1.0, float(lengths.mean()))
        norm = 1.0 - b + b * lengths[docs] / average
        keys.append(unique)
        values.append(weight * tf / norm)
    if not keys:
        return _Postings([], np.zeros(0), np.zeros(1, dtype=np.int64), np.zeros(0, DOC_DTYPE), np.zeros(0))
    all_keys = np.concatenate(keys)
    all_values = np.concatenate(values)
    unique, inverse = np.unique(all_keys, return_inverse=True)
    tf_weighted = np.bincount(inverse, weights=all_values)
    docs = (unique >> 24).astype(DOC_DTYPE)
    term_ids = unique & ((1 << 24) - 1)
    order = np.lexsort((docs, term_ids))
    docs, term_ids, tf_weighted = docs[order], term_ids[order], tf_weighted[order]
    df = np.bincount(term_ids, minlength=len(vocab))
    idf = np.log(1.0 + (n - df + 0.5) / (df + 0.5))
    impacts = idf[term_ids] * tf_weighted * (K1 + 1.0) / (tf_weighted + K1)
    starts = np.concatenate([[0], np.cumsum(df)])
    terms = [""] * len(vocab)
    for term, i in vocab.items():
        terms[i] = term
    return _Postings(terms, idf, starts, docs, impacts.astype(IMPACT_DTYPE))


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
