"""The index schema: migrating an empty database gives every table, key, index and FTS trigger."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from conftest import KB_DIR
from sqlite_utils import Database

from indexer.build import build_index
from indexer.errors import IndexMissingError
from indexer.index_file import SCHEMA, TERMS, require_index
from indexer.index_writer import open_database
from indexer.schema import FTS_COLUMNS, latest_version, migrations, schema_version
from indexer.terms import document_terms

# What indexer.terms.document_terms makes of _SAMPLE at each TERMS version (indexer/index_file.py).
_SAMPLE = (
    "The licence option is greyed out: AADSTS50105 in the 服务器 logs, ResolutionTooDeep after 3 retries "
    "(0x80070005), colour settings cancelled, authorisation of a keg-only formula. รหัสOTPไม่มา सर्वर त्रुटि, مُشكلة"
)
_SAMPLE_TERMS = {
    "2": [
        *["licens", "option", "gray", "aadsts50105", "服务", "务器", "log", "resolutiontoodeep"],
        *["retri", "0x80070005", "color", "set", "cancel", "author", "keg", "formula", "รห", "สotpไม", "มา"],
        *["सर", "वर", "شكلة"],
    ],
    # Words joined by hyphens are a term of their own too, after the words.
    "3": [
        *["licens", "option", "gray", "aadsts50105", "服务", "务器", "log", "resolutiontoodeep"],
        *["retri", "0x80070005", "color", "set", "cancel", "author", "keg", "formula", "รห", "สotpไม", "มา"],
        *["सर", "वर", "شكلة"],
        "keg-onli",
    ],
    # Where a script written without spaces (Thai) meets a Latin word, one word ends.
    "4": [
        *["licens", "option", "gray", "aadsts50105", "服务", "务器", "log", "resolutiontoodeep"],
        *[
            "retri",
            "0x80070005",
            "color",
            "set",
            "cancel",
            "author",
            "keg",
            "formula",
            "รห",
            "otp",
            "ไม",
            "มา",
        ],
        *["सर", "वर", "شكلة"],
        "keg-onli",
    ],
    # A vowel sign of an Indic script is part of its word, and Arabic's and Hebrew's optional vowel
    # points are left out.
    "5": [
        *["licens", "option", "gray", "aadsts50105", "服务", "务器", "log", "resolutiontoodeep"],
        *[
            "retri",
            "0x80070005",
            "color",
            "set",
            "cancel",
            "author",
            "keg",
            "formula",
            "รห",
            "otp",
            "ไม",
            "มา",
        ],
        *["सर्वर", "त्रुटि", "مشكلة"],
        "keg-onli",
    ],
}


@pytest.fixture
def db(tmp_path: Path) -> Database:
    """An empty SQLite file in tmp_path with every migration applied."""
    database = Database(tmp_path / "schema.db")
    migrations.apply(database)
    return database


def test_empty_file_has_no_schema_version(tmp_path: Path) -> None:
    assert schema_version(Database(tmp_path / "empty.db")) == ""


def test_migrating_creates_the_tables(db: Database) -> None:
    assert {"articles", "problems", "steps", "problem_codes", "problems_fts"} <= set(db.table_names())
    assert schema_version(db) == latest_version()
    assert latest_version() == migrations.pending(Database(memory=True))[-1].name


def test_columns_and_primary_keys(db: Database) -> None:
    assert db.table("articles").columns_dict == {
        "id": str,
        "title": str,
        "folder": str,
        "source": str,
        "content_hash": str,
        "product": str,
        "tags": str,
        "description": str,
        "body": str,
        "outline": str,
        "url": str,
        "product_key": str,
    }
    assert db.table("problems").columns_dict == {
        "id": str,
        "article_id": str,
        "article_title": str,
        "ordinal": int,
        "title": str,
        "line": int,
        "symptoms": str,
        "error_messages": str,
        "error_messages_text": str,
        "error_codes": str,
        "error_codes_text": str,
        "seen_in": str,
        "cause": str,
        "body": str,
        "whole_article": int,
        "origins": str,
        "title_is_name": int,
        "notes": str,
    }
    assert db.table("steps").columns_dict == {
        "id": int,
        "problem_id": str,
        "ordinal": int,
        "number": str,
        "group_title": str,
        "parent": str,
        "depth": int,
        "markdown": str,
        "text": str,
        "line": int,
    }
    assert db.table("problem_codes").columns_dict == {"problem_id": str, "code_key": str, "number": str}
    assert db.table("articles").pks == ["id"]
    assert db.table("problems").pks == ["id"]
    assert db.table("steps").pks == ["id"]
    assert db.table("problem_codes").pks == ["problem_id", "code_key"]


def test_foreign_keys(db: Database) -> None:
    def links(table: str) -> list[tuple[str | None, str, str | None]]:
        return [(fk.column, fk.other_table, fk.other_column) for fk in db.table(table).foreign_keys]

    assert links("articles") == []
    assert links("problems") == [("article_id", "articles", "id")]
    assert links("steps") == [("problem_id", "problems", "id")]
    assert links("problem_codes") == [("problem_id", "problems", "id")]


def test_unique_indexes(db: Database) -> None:
    def unique(table: str) -> set[tuple[str, ...]]:
        return {tuple(i.columns) for i in db.table(table).indexes if i.unique and i.origin == "c"}

    assert unique("articles") == {("folder", "source")}
    assert unique("problems") == {("article_id", "ordinal")}
    assert unique("steps") == {("problem_id", "ordinal")}
    assert any(i.columns == ["code_key"] for i in db.table("problem_codes").indexes)
    assert any(i.columns == ["number"] for i in db.table("problem_codes").indexes)


def test_fts5_table_and_triggers(db: Database) -> None:
    assert db.table("problems").detect_fts() == "problems_fts"
    assert list(db.table("problems_fts").columns_dict) == FTS_COLUMNS
    schema = db.table("problems_fts").schema
    assert "USING FTS5" in schema
    assert "tokenize='porter unicode61'" in schema
    assert 'content="problems"' in schema
    assert sorted((t.name, t.table) for t in db.triggers) == [
        ("problems_ad", "problems"),
        ("problems_ai", "problems"),
        ("problems_au", "problems"),
    ]


def test_triggers_keep_full_text_in_step(db: Database) -> None:
    db.table("articles").insert({"id": "a", "title": "Printer", "folder": "kb", "source": "a.md"})
    db.table("problems").insert(
        {
            "id": "a#1",
            "article_id": "a",
            "ordinal": 1,
            "title": "Spooler stops",
            "error_codes_text": "0x800706BA",
        }
    )

    def hits(query: str) -> list[str]:
        sql = (
            "select problems.id from problems_fts join problems on problems.rowid = problems_fts.rowid "
            "where problems_fts match ?"
        )
        return [row[0] for row in db.execute(sql, [query]).fetchall()]

    assert hits("spooler") == ["a#1"]
    assert hits('"0x800706BA"') == ["a#1"]
    db.table("problems").update("a#1", {"title": "Queue stalls"})
    assert hits("spooler") == []
    assert hits("stall") == ["a#1"]  # porter stemming
    db.table("problems").delete("a#1")
    assert hits("stall") == []


def test_migrating_twice_changes_nothing(db: Database) -> None:
    before = {t: db[t].schema for t in db.table_names()}
    migrations.apply(db)
    assert {t: db[t].schema for t in db.table_names()} == before
    assert [m.name for m in migrations.applied(db)] == [
        m.name for m in migrations.pending(Database(memory=True))
    ]


def test_scope_keys_are_found_by_index(db: Database) -> None:
    """A query scoped to a product or a tag finds its articles by lookup (see api.query.Scope)."""
    assert db.table("article_tags").columns_dict == {"article_id": str, "tag_key": str}
    indexed = {
        tuple(i.columns)
        for t in ("articles", "article_tags", "retrieval_articles")
        for i in db.table(t).indexes
    }
    assert {("product_key",), ("tag_key", "article_id"), ("article_id",)} <= indexed
    plan = " ".join(
        str(row)
        for row in db.execute(
            "explain query plan select r.doc from retrieval_articles r join articles a on a.id = r.article_id "
            "where a.product_key = ? and a.id in (select article_id from article_tags where tag_key = ?)",
            ["x", "y"],
        )
    )
    assert "SCAN" not in plan, plan


def test_retrieval_tables(db: Database) -> None:
    """The matcher's posting lists: one row per term, found by its term."""
    for table in ("postings", "article_postings"):
        assert db.table(table).columns_dict == {"term": str, "idf": float, "docs": bytes, "impacts": bytes}
        assert any(i.unique and i.columns == ["term"] for i in db.table(table).indexes)
    assert db.table("retrieval_docs").pks == ["doc"]
    assert db.table("retrieval_articles").columns_dict == {
        "doc": int,
        "article_id": str,
        "first_doc": int,
        "problems": int,
    }
    for table in ("problem_terms", "problem_evidence"):
        assert db.table(table).pks == ["problem_id"]
    assert db.table("kb_meta").pks == ["key"]


def test_readers_know_the_newest_schema() -> None:
    """The reader's constant (no sqlite-utils at query time) names the newest migration."""
    assert latest_version() == SCHEMA


def test_open_database_migrates_a_new_file(tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    open_database(path).close()
    conn = sqlite3.connect(path)
    try:
        assert schema_version(Database(conn)) == latest_version()
    finally:
        conn.close()


def test_the_terms_an_article_s_text_gives_are_those_of_the_recorded_terms_version() -> None:
    """Fails when the indexer makes other terms of a text: raise TERMS in indexer/index_file.py (so that
    indexes of the old terms are rebuilt, not searched with terms they do not hold) and add the new
    terms of the sample under it."""
    assert document_terms(_SAMPLE) == _SAMPLE_TERMS[TERMS]


def test_an_index_of_older_search_terms_is_refused_until_kb_index_builds_it_again(tmp_path: Path) -> None:
    # Before: an index built before British spellings were made American was served, and a query's
    # "licence" (now "licens") never met the articles' "licence" (still "licenc").
    path = tmp_path / "kb.db"
    build_index([KB_DIR], path)
    with sqlite3.connect(path) as conn:
        conn.execute("delete from kb_meta where key = 'terms'")
    conn.close()
    with pytest.raises(
        IndexMissingError,
        match=rf"older kb-answer \(version 1, this one makes version {TERMS}\); run `kb index`",
    ):
        require_index(path)
    report = build_index([KB_DIR], path)
    assert report.parsed == report.articles > 0  # every article read again, none kept as indexed
    require_index(path)
    with sqlite3.connect(path) as conn:
        assert conn.execute("select value from kb_meta where key = 'terms'").fetchone() == (TERMS,)
    conn.close()


def test_an_index_of_newer_search_terms_is_refused_as_newer_not_older(tmp_path: Path) -> None:
    # Before: it was said to hold terms "made by an older kb-answer (version 3, this one makes version 2)".
    path = tmp_path / "kb.db"
    build_index([KB_DIR], path)
    newer = str(int(TERMS) + 1)
    with sqlite3.connect(path) as conn:
        conn.execute("update kb_meta set value = ? where key = 'terms'", (newer,))
    conn.close()
    with pytest.raises(
        IndexMissingError,
        match=rf"made by a newer kb-answer \(version {newer}, this one makes version {TERMS}\); "
        "serve it with that kb-answer, or run `kb index`",
    ):
        require_index(path)
