"""Shared fixtures. Tests that need ../shared (the real corpus and eval queries) get it
through `shared_dir` and are skipped, with the reason, where it is absent."""

from __future__ import annotations

import importlib.util
import os
import secrets
import shutil
import sqlite3
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import click
import psycopg
import pytest
from psycopg import sql

from api.cli import cli
from api.knowledge import KnowledgeBase
from indexer.build import build_index

REPO = Path(__file__).resolve().parent.parent
KB_DIR = REPO / "kb"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def kb_commands() -> dict[str, click.Command]:
    """Every `kb` command by name, as `kb --help` lists them (each is imported when first asked for)."""
    ctx = click.Context(cli)
    found = {name: cli.get_command(ctx, name) for name in cli.list_commands(ctx)}
    return {name: command for name, command in found.items() if command is not None}


def _load_deploy() -> ModuleType:
    # deploy/replicas.py is a script, not part of the package; the tests drive the same code.
    spec = importlib.util.spec_from_file_location("kb_deploy_replicas", REPO / "deploy" / "replicas.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


deploy = _load_deploy()
SERVICES_HINT = "`make test` installs it when run as root with apt-get"


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


@pytest.fixture(scope="session")
def postgres() -> Iterator[object]:
    """A throwaway PostgreSQL cluster on loopback for the session (deploy/replicas.py's Postgres)."""
    if deploy.postgres_bin() is None:
        pytest.skip(f"needs the PostgreSQL server (apt-get install postgresql; {SERVICES_HINT})")
    pg = deploy.Postgres.create()
    try:
        pg.start()
        yield pg
    finally:
        pg.remove()


@pytest.fixture
def feedback_url(postgres: object) -> str:
    """A new, empty PostgreSQL database in the session's cluster, as a KB_FEEDBACK_URL."""
    name = f"t_{secrets.token_hex(6)}"
    with psycopg.connect(postgres.url, autocommit=True) as conn:  # type: ignore[attr-defined]
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    return str(postgres.url).rsplit("/", 1)[0] + f"/{name}"  # type: ignore[attr-defined]


@pytest.fixture
def redis_url(tmp_path: Path) -> Iterator[str]:
    """A Redis server of this test's own on loopback, as a KB_RATE_LIMIT_STORAGE."""
    if not shutil.which("redis-server"):
        pytest.skip(f"needs Redis (apt-get install redis-server; {SERVICES_HINT})")
    port = deploy.free_port()
    proc = deploy.start_redis(tmp_path, port)
    try:
        yield f"redis://127.0.0.1:{port}"
    finally:
        deploy.stop_process(proc.pid)


def feedback_file_before(path: Path, migration: str, *statements: str) -> None:
    """Make the feedback file at ``path`` look as the version before ``migration`` wrote it: the
    migration unrecorded, and ``statements`` run to undo what it changed."""
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("DELETE FROM _sqlite_migrations WHERE name = ?", [migration])
        for statement in statements:
            conn.execute(statement)
    conn.close()
