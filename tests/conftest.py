"""Shared fixtures. Tests that need ../shared (the real corpus and eval queries) get it
through `shared_dir` and are skipped, with the reason, where it is absent."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from api.knowledge import KnowledgeBase
from indexer.build import build_index

REPO = Path(__file__).resolve().parent.parent
KB_DIR = REPO / "kb"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(autouse=True)
def _isolated_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No test reads the developer's KB_* settings or writes an index outside tmp_path."""
    for name in list(os.environ):
        if name.startswith("KB_") and name != "KB_SHARED":
            monkeypatch.delenv(name)
    monkeypatch.setenv("KB_DB", str(tmp_path / "default.db"))


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """The shared folder beside the repo (or $KB_SHARED); skip when a fresh clone has none."""
    path = Path(os.environ.get("KB_SHARED") or REPO.parent / "shared")
    if not (path / "corpus" / "msdocs").is_dir():
        pytest.skip(f"needs the shared corpus at {path} (absent in a fresh clone)")
    return path


@pytest.fixture(scope="session")
def corpus_dir(shared_dir: Path) -> Path:
    """The real Microsoft support articles."""
    return shared_dir / "corpus" / "msdocs"


@pytest.fixture(scope="session")
def longhorn_dir(shared_dir: Path) -> Path:
    """The Longhorn knowledge base and cert-manager guides: another house style."""
    return shared_dir / "corpus" / "longhorn-certmanager"


@pytest.fixture(scope="session")
def devtools_dir(shared_dir: Path) -> Path:
    """Homebrew's and pip's documentation: no troubleshooting template at all."""
    return shared_dir / "corpus" / "devtools"


@pytest.fixture(scope="session")
def seed_dir(shared_dir: Path) -> Path:
    """The user's original flat-text article."""
    return shared_dir / "seed"


@pytest.fixture(scope="session")
def dev_queries(shared_dir: Path) -> Path:
    """The labelled development queries."""
    return shared_dir / "eval" / "dev_queries.jsonl"


@pytest.fixture(scope="session")
def kb_db_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An index of kb/ only (read-only use)."""
    path = tmp_path_factory.mktemp("kbonly") / "kb.db"
    build_index([KB_DIR], path)
    return path


@pytest.fixture(scope="session")
def full_db_path(tmp_path_factory: pytest.TempPathFactory, corpus_dir: Path) -> Path:
    """An index of kb/ and the whole corpus together, as the eval expects (read-only use)."""
    path = tmp_path_factory.mktemp("full") / "full.db"
    build_index([KB_DIR, corpus_dir], path)
    return path


@pytest.fixture(scope="session")
def kb(kb_db_path: Path) -> KnowledgeBase:
    """A knowledge base over kb/ only."""
    return KnowledgeBase(kb_db_path)


@pytest.fixture(scope="session")
def full_kb(full_db_path: Path) -> KnowledgeBase:
    """A knowledge base over kb/ and the corpus."""
    return KnowledgeBase(full_db_path)
