"""The plain baselines every ranking change is measured against, on the same index and queries.

Both rank whole articles (one document per article: its title and all its problems'
text) and answer with each article's first problem, and neither ever abstains: they
show what plain retrieval gets right, not how well confidence is calibrated.

- :class:`Fts5Baseline`: one SQLite FTS5 bm25 query (porter stemmer), an OR of the
  query's words, over the article's file name and document.
- :class:`Bm25sBaseline`: BM25 (Lucene variant, k1 1.5, b 0.75) with the ``bm25s``
  library, its own tokenizer with its English stopword list (Lucene's 33 words) and
  PyStemmer's Snowball English stemmer; both work offline.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from api.query import RANK_DEPTH
from indexer.errortext import comparable

if TYPE_CHECKING:
    from api.knowledge import KnowledgeBase

# An article's document: all of its text — title, description, every problem's fields and
# steps, and the text no problem holds (introductions, how-to sections, boilerplate).
_DOCUMENTS_SQL = (
    "select a.source as source, "
    "(select p1.id from problems p1 where p1.article_id = a.id order by p1.ordinal limit 1) as first_problem, "
    "a.title || ' ' || a.description || ' ' || coalesce(a.body, '') || ' ' || group_concat("
    "p.title || ' ' || p.symptoms || ' ' || p.error_messages_text || ' ' || p.seen_in || ' ' || p.cause || ' ' || "
    "p.body || ' ' || coalesce((select group_concat(s.text, ' ') from steps s where s.problem_id = p.id), ''), ' ') "
    "as body from articles a join problems p on p.article_id = a.id group by a.id order by a.source"
)
_ARTICLES_FILE = "articles.json"


class Baseline(Protocol):
    """What the evaluation needs of a baseline."""

    name: str

    def rank(self, text: str, *, limit: int = RANK_DEPTH) -> list[tuple[str, str]]:
        """(article source, its first problem id) for ``text``, best first."""
        ...


@dataclass
class ArticleDocuments:
    """The documents both baselines index: one per article, with the answer each stands for."""

    sources: list[str]
    first_problems: list[str]
    texts: list[str]

    @classmethod
    def of(cls, kb: KnowledgeBase) -> ArticleDocuments:
        """One document per article of ``kb``'s index."""
        rows = list(kb.db().query(_DOCUMENTS_SQL))
        return cls(
            sources=[r["source"] for r in rows],
            first_problems=[r["first_problem"] for r in rows],
            texts=[r["body"] or "" for r in rows],
        )


class Fts5Baseline:
    """The first floor: one FTS5 bm25 query over whole articles, never silent."""

    name = "fts5_baseline"

    def __init__(self, docs: ArticleDocuments) -> None:
        self.conn = sqlite3.connect(":memory:", check_same_thread=False)
        # The file name is indexed too, as it always was here: the figures stay comparable over time.
        self.conn.execute("create virtual table docs using fts5(source, body, tokenize='porter unicode61')")
        self.conn.executemany(
            "insert into docs(rowid, source, body) values (?, ?, ?)",
            [
                (n, source, text)
                for n, (source, text) in enumerate(zip(docs.sources, docs.texts, strict=True))
            ],
        )
        self.answers = list(zip(docs.sources, docs.first_problems, strict=True))

    def rank(self, text: str, *, limit: int = RANK_DEPTH) -> list[tuple[str, str]]:
        """(article source, its first problem id) for ``text``, best first (an OR of its words)."""
        words = list(dict.fromkeys(comparable(text).split()))[:64]
        if not words:
            return []
        expression = " OR ".join(f'"{w}"' for w in words)
        rows = self.conn.execute(
            "select rowid from docs where docs match ? order by bm25(docs) limit ?", [expression, limit]
        ).fetchall()
        return [self.answers[r[0]] for r in rows]


class Bm25sBaseline:
    """The second floor: plain BM25 over whole articles with the bm25s library, never silent."""

    name = "bm25_baseline"

    def __init__(self, retriever: Any, tokenizer: Any, answers: list[tuple[str, str]]) -> None:
        self.retriever = retriever
        self.tokenizer = tokenizer
        self.answers = answers

    @classmethod
    def build(cls, docs: ArticleDocuments) -> Bm25sBaseline:
        """Tokenize and index ``docs``."""
        import bm25s  # numpy and bm25s load only where a baseline is built

        tokenizer = _tokenizer()
        corpus = tokenizer.tokenize(docs.texts, update_vocab=True, return_as="tuple", show_progress=False)
        retriever = bm25s.BM25()
        retriever.index(corpus, show_progress=False)
        return cls(retriever, tokenizer, list(zip(docs.sources, docs.first_problems, strict=True)))

    def save(self, folder: Path) -> None:
        """Write the index, the tokenizer's vocabulary and the answers into ``folder``."""
        self.retriever.save(str(folder), show_progress=False)
        self.tokenizer.save_vocab(str(folder))
        (folder / _ARTICLES_FILE).write_text(json.dumps(self.answers), encoding="utf-8")

    @classmethod
    def load(cls, folder: Path, *, mmap: bool = True) -> Bm25sBaseline:
        """A baseline saved by :meth:`save`; with ``mmap`` its arrays stay on disk until read."""
        import bm25s

        retriever = bm25s.BM25.load(str(folder), mmap=mmap, show_progress=False)
        tokenizer = _tokenizer()
        tokenizer.load_vocab(str(folder))
        answers = [(s, p) for s, p in json.loads((folder / _ARTICLES_FILE).read_text(encoding="utf-8"))]
        return cls(retriever, tokenizer, answers)

    def rank(self, text: str, *, limit: int = RANK_DEPTH) -> list[tuple[str, str]]:
        """(article source, its first problem id) for ``text``, best first; [] when no word is known."""
        ids = self.tokenizer.tokenize(
            [text], update_vocab=False, return_as="ids", show_progress=False, allow_empty=False
        )[0]
        if not ids or not self.answers:
            return []
        found, scores = self.retriever.retrieve(
            [ids], k=min(limit, len(self.answers)), show_progress=False, n_threads=0
        )
        return [self.answers[int(i)] for i, s in zip(found[0], scores[0], strict=True) if s > 0]


def _tokenizer() -> Any:
    import bm25s.tokenization
    import Stemmer

    return bm25s.tokenization.Tokenizer(stopwords="en", stemmer=Stemmer.Stemmer("english"))
