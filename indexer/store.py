"""Records ↔ SQLite rows: the one mapping between :mod:`indexer.records` and the tables."""

from __future__ import annotations

import json
from typing import Any

from sqlite_utils import Database

from indexer.errortext import code_key
from indexer.records import Article, Problem, Step, problem_id


def write_article(db: Database, article: Article, folder: str) -> None:
    """Insert one article with its problems, steps and codes (the caller holds the transaction)."""
    db.table("articles").insert(
        {
            "id": article.id,
            "title": article.title,
            "folder": folder,
            "source": article.source,
            "content_hash": article.content_hash,
            "url": article.url,
            "product": article.product,
            "tags": json.dumps(article.tags),
            "description": article.description,
        }
    )
    for problem in article.problems:
        pid = problem_id(article.id, problem.ordinal)
        db.table("problems").insert(
            {
                "id": pid,
                "article_id": article.id,
                "article_title": article.title,
                "ordinal": problem.ordinal,
                "title": problem.title,
                "line": problem.line,
                "symptoms": problem.symptoms,
                "error_messages": json.dumps(problem.error_messages),
                "error_messages_text": "\n".join(problem.error_messages),
                "error_codes": json.dumps(problem.error_codes),
                "error_codes_text": " ".join(problem.error_codes),
                "seen_in": problem.seen_in,
                "cause": problem.cause,
                "body": problem.body,
                "whole_article": int(problem.whole_article),
            }
        )
        db.table("steps").insert_all(
            {
                "problem_id": pid,
                "ordinal": step.ordinal,
                "number": step.number,
                "group_title": step.group,
                "parent": step.parent,
                "depth": step.depth,
                "markdown": step.markdown,
                "text": step.text,
                "line": step.line,
            }
            for step in problem.steps
        )
        keys = {code_key(c) for c in problem.error_codes}
        db.table("problem_codes").insert_all(
            ({"problem_id": pid, "code_key": k} for k in keys), pk=("problem_id", "code_key")
        )


def delete_article(db: Database, article_id: str) -> None:
    """Remove an article and everything that hangs off it."""
    pids = [r["id"] for r in db.query("select id from problems where article_id = ?", [article_id])]
    for pid in pids:
        db.execute("delete from steps where problem_id = ?", [pid])
        db.execute("delete from problem_codes where problem_id = ?", [pid])
    db.execute("delete from problems where article_id = ?", [article_id])
    db.execute("delete from articles where id = ?", [article_id])


def problem_from_row(row: dict[str, Any], steps: list[Step]) -> Problem:
    """Rebuild a :class:`Problem` from its row and its steps."""
    return Problem(
        ordinal=row["ordinal"],
        title=row["title"],
        line=row["line"],
        symptoms=row["symptoms"] or "",
        error_messages=json.loads(row["error_messages"] or "[]"),
        error_codes=json.loads(row["error_codes"] or "[]"),
        seen_in=row["seen_in"] or "",
        cause=row["cause"] or "",
        steps=steps,
        body=row["body"] or "",
        whole_article=bool(row["whole_article"]),
    )


def steps_of(db: Database, pid: str) -> list[Step]:
    """The steps of problem ``pid`` in their order."""
    return [
        Step(
            ordinal=r["ordinal"],
            number=r["number"],
            markdown=r["markdown"],
            text=r["text"],
            line=r["line"],
            group=r["group_title"],
            parent=r["parent"],
            depth=r["depth"],
        )
        for r in db.query("select * from steps where problem_id = ? order by ordinal", [pid])
    ]


def read_article(db: Database, article_id: str) -> Article | None:
    """Rebuild a whole article from the index, or ``None`` when there is none with that id."""
    rows = list(db.query("select * from articles where id = ?", [article_id]))
    if not rows:
        return None
    row = rows[0]
    problems = [
        problem_from_row(p, steps_of(db, p["id"]))
        for p in db.query("select * from problems where article_id = ? order by ordinal", [article_id])
    ]
    return article_from_row(row, problems)


def article_from_row(row: dict[str, Any], problems: list[Problem]) -> Article:
    """Rebuild an :class:`Article` from its row and (possibly no) problems."""
    return Article(
        id=row["id"],
        title=row["title"],
        source=row["source"],
        content_hash=row["content_hash"],
        url=row["url"],
        product=row["product"] or "",
        tags=json.loads(row["tags"] or "[]"),
        description=row["description"] or "",
        problems=problems,
    )
