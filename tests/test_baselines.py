"""The plain baselines: whole-article documents, FTS5 and bm25s ranking, bm25s saved and loaded."""

from __future__ import annotations

from pathlib import Path

import pytest

from api.baselines import ArticleDocuments, Bm25sBaseline, Fts5Baseline
from api.knowledge import KnowledgeBase
from indexer.build import build_index

TESTS = Path(__file__).resolve().parent
FIXTURES = TESTS / "fixtures"
KB_DIR = TESTS.parent / "kb"


@pytest.fixture(scope="module")
def docs(tmp_path_factory: pytest.TempPathFactory) -> ArticleDocuments:
    """The documents of an index of the parser fixtures and kb/."""
    path = tmp_path_factory.mktemp("baselines") / "kb.db"
    build_index([FIXTURES, KB_DIR], path)
    return ArticleDocuments.of(KnowledgeBase(path))


def test_one_document_per_article_with_its_first_problem(docs: ArticleDocuments) -> None:
    assert len(docs.sources) == len(set(docs.sources)) == len(docs.texts) == len(docs.first_problems)
    seed = docs.sources.index("jumpcloud-m365.md")
    assert docs.first_problems[seed] == "jumpcloud-m365#1"
    # Every problem's text is in its article's document, not only the first one's.
    assert "mailNickname" in docs.texts[seed] and "userPrincipalName" in docs.texts[seed]


@pytest.mark.parametrize("make", [Fts5Baseline, Bm25sBaseline.build])
def test_baselines_rank_whole_articles(docs: ArticleDocuments, make: object) -> None:
    baseline = make(docs)  # type: ignore[operator]
    best = baseline.rank("the VPN client cannot reach the gateway")
    assert best[0] == ("kb_convention.md", "fixture-kb-convention#1")
    assert len(baseline.rank("outlook password prompt", limit=2)) <= 2
    assert baseline.rank("") == []


def test_bm25s_knows_nothing_of_unseen_or_stop_words(docs: ArticleDocuments) -> None:
    baseline = Bm25sBaseline.build(docs)
    assert baseline.rank("zzyzx qwertyuiop") == []
    assert baseline.rank("the and of this") == []
    # The stemmer: "spoolers pausing" meets "spooler" and "Paused".
    assert baseline.rank("spoolers pausing")[0][0] == "symptoms_cause_resolution.md"


def test_bm25s_saved_and_loaded_ranks_the_same(docs: ArticleDocuments, tmp_path: Path) -> None:
    built = Bm25sBaseline.build(docs)
    built.save(tmp_path)
    loaded = Bm25sBaseline.load(tmp_path)
    for query in ("Outlook keeps asking for a password", "backup access denied", "mailNickname"):
        assert loaded.rank(query) == built.rank(query), query
