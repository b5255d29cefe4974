"""The index's SQLite schema, as ordered and recorded migrations."""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from indexer.full_text import FTS_COLUMNS
from indexer.index_file import TERMS, index_terms

migrations = Migrations("kb-answer")


@migrations()
def m001_create_tables(db: Database) -> None:
    """Articles, their problems, the problems' steps and error codes."""
    db.table("articles").create(
        {
            "id": str,
            "title": str,
            "folder": str,
            "source": str,
            "content_hash": str,
            "product": str,
            "tags": str,
            "description": str,
        },
        pk="id",
    )
    db.table("articles").create_index(["folder", "source"], unique=True)
    db.table("problems").create(
        {
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
        },
        pk="id",
        foreign_keys=[("article_id", "articles", "id")],
    )
    db.table("problems").create_index(["article_id", "ordinal"], unique=True)
    db.table("steps").create(
        {
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
        },
        pk="id",
        foreign_keys=[("problem_id", "problems", "id")],
    )
    db.table("steps").create_index(["problem_id", "ordinal"], unique=True)
    db.table("problem_codes").create(
        {"problem_id": str, "code_key": str},
        pk=("problem_id", "code_key"),
        foreign_keys=[("problem_id", "problems", "id")],
    )
    db.table("problem_codes").create_index(["code_key"])
    db.table("problems").enable_fts(FTS_COLUMNS, create_triggers=True, tokenize="porter unicode61")


@migrations()
def m003_structure_and_retrieval(db: Database) -> None:
    """How each article was read (body, outline, origins) and the matcher's sparse indexes.

    ``problem_terms`` / ``article_terms`` hold each document's search terms per field,
    written with the article; ``postings`` (problems, BM25F) and ``article_postings``
    (whole articles, BM25) are rebuilt from them after every change, with
    ``retrieval_docs`` / ``retrieval_articles`` mapping document numbers to ids.
    ``problem_evidence`` holds what the matcher compares a query with, precomputed.
    """
    db.table("articles").add_column("body", str)
    db.table("articles").add_column("outline", str)
    db.table("problems").add_column("origins", str)
    db.table("problem_terms").create(
        {"problem_id": str, "fields": str}, pk="problem_id", foreign_keys=[("problem_id", "problems", "id")]
    )
    db.table("article_terms").create(
        {"article_id": str, "terms": str}, pk="article_id", foreign_keys=[("article_id", "articles", "id")]
    )
    db.table("problem_evidence").create(
        {"problem_id": str, "title_terms": str, "messages": str, "message_terms": str, "code_keys": str},
        pk="problem_id",
        foreign_keys=[("problem_id", "problems", "id")],
    )
    for table in ("postings", "article_postings"):
        db.table(table).create({"term": str, "idf": float, "docs": bytes, "impacts": bytes})
        db.table(table).create_index(["term"], unique=True)
    db.table("retrieval_docs").create({"doc": int, "problem_id": str, "article_doc": int}, pk="doc")
    db.table("retrieval_articles").create(
        {"doc": int, "article_id": str, "first_doc": int, "problems": int}, pk="doc"
    )
    db.table("retrieval_meta").create({"key": str, "value": float}, pk="key")
    db.table("kb_meta").create({"key": str, "value": str}, pk="key")


@migrations()
def m004_article_url(db: Database) -> None:
    """Each article's canonical address, where readers can open the original (null when unknown)."""
    db.table("articles").add_column("url", str)


@migrations()
def m005_title_is_name(db: Database) -> None:
    """Whether a problem's heading is written as code (a command's or setting's name): such a
    title is not compared with pasted errors as an error message."""
    db.table("problems").add_column("title_is_name", int, not_null_default=0)


@migrations()
def m006_notes_and_scope_keys(db: Database) -> None:
    """A fix's lead-ins and remarks around its steps, shown with them (JSON: a list of notes); and
    each article's product and tags casefolded, indexed, so that a query scoped to one product or
    tag finds its articles by lookup, not by folding every article's at each query; and the terms
    of each problem's own title among its evidence."""
    db.table("problems").add_column("notes", str, not_null_default="[]")
    db.table("articles").add_column("product_key", str, not_null_default="")
    db.table("articles").create_index(["product_key"])
    db.table("article_tags").create(
        {"article_id": str, "tag_key": str}, foreign_keys=[("article_id", "articles", "id")]
    )
    db.table("article_tags").create_index(["tag_key", "article_id"], unique=True)
    db.table("article_tags").create_index(["article_id"])
    db.table("retrieval_articles").create_index(["article_id"], unique=True)
    # The terms of a problem's own title, which every query compares with its candidates': read
    # with the candidate, not computed again by each process that reads it.
    db.table("problem_evidence").add_column("own_title_terms", str, not_null_default="")


@migrations()
def m007_code_numbers(db: Database) -> None:
    """The number of each code of letters then digits ("50105" of AADSTS50105), indexed: a sign-in
    log's "errorCode": 50105 or "error code 50105" names that code by its number alone."""
    db.table("problem_codes").add_column("number", str)
    db.table("problem_codes").create_index(["number"])


def schema_version(db: Database) -> str:
    """The name of the last migration applied to ``db`` ("" for an empty file)."""
    applied = migrations.applied(db)
    return applied[-1].name if applied else ""


def latest_version() -> str:
    """The name of the newest migration this code knows."""
    return migrations.pending(Database(memory=True))[-1].name


def is_current(db: Database) -> bool:
    """Whether ``db`` is an index of the newest schema whose search terms this code makes (see
    :data:`indexer.index_file.TERMS`): one whose articles can be kept as they are indexed."""
    return schema_version(db) == latest_version() and index_terms(db.conn) == TERMS
