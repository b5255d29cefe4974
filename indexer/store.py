"""Records ↔ SQLite rows: the one mapping between :mod:`indexer.records` and the tables."""

from __future__ import annotations

import json
import sqlite3
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlite_utils import Database

from indexer.errortext import code_key, comparable
from indexer.records import Article, OutlineEntry, Problem, Step, problem_id
from indexer.terms import code_terms, terms


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
            "body": article.body,
            "outline": json.dumps([vars(entry) for entry in article.outline]),
        }
    )
    article_words: list[str] = []
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
                "origins": json.dumps(problem.origins),
            }
        )
        fields = _problem_fields(article, problem)
        article_words.extend(" ".join(fields.values()).split())
        db.table("problem_terms").insert({"problem_id": pid, "fields": json.dumps(fields)})
        db.table("problem_evidence").insert(_evidence(article, problem, pid))
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
    article_words.extend(terms(article.body))
    db.table("article_terms").insert({"article_id": article.id, "terms": " ".join(article_words)})


def _problem_fields(article: Article, problem: Problem) -> dict[str, str]:
    """A problem's search terms per field (see :data:`indexer.retrieval.FIELD_WEIGHTS`)."""
    steps = " ".join(
        [*(s.text for s in problem.steps), *dict.fromkeys(s.group for s in problem.steps if s.group)]
    )
    texts = {
        "messages": " ".join(problem.error_messages),
        "title": problem.title,
        "article_title": f"{article.title} {article.description}",
        "symptoms": f"{problem.symptoms} {problem.seen_in}",
        "cause": problem.cause,
        "steps": steps,
        "body": problem.body,
    }
    fields = {name: " ".join(terms(text)) for name, text in texts.items()}
    fields["codes"] = " ".join(code_terms(problem.error_codes))
    return fields


def _evidence(article: Article, problem: Problem, pid: str) -> dict[str, str]:
    """What the matcher compares a query with, precomputed: comparable messages and title terms."""
    # Titles are often the error text ("Error AADSTS70001 - Application … was not found"),
    # so the title is compared like one more message, after the real ones.
    # One line per message (comparable text has no line breaks): read back with a split, not a parser.
    messages = [comparable(m) for m in [*problem.error_messages, problem.title]]
    return {
        "problem_id": pid,
        "title_terms": " ".join(
            dict.fromkeys(terms(f"{problem.title} {article.title} {article.description}"))
        ),
        "messages": "\n".join(messages),
        "message_terms": "\n".join(" ".join(dict.fromkeys(terms(m))) for m in messages),
        "code_keys": " ".join(sorted({code_key(c) for c in problem.error_codes})),
    }


def delete_article(db: Database, article_id: str) -> None:
    """Remove an article and everything that hangs off it."""
    pids = [r["id"] for r in db.query("select id from problems where article_id = ?", [article_id])]
    for pid in pids:
        for table in ("steps", "problem_codes", "problem_terms", "problem_evidence"):
            db.execute(f"delete from {table} where problem_id = ?", [pid])
    db.execute("delete from article_terms where article_id = ?", [article_id])
    db.execute("delete from problems where article_id = ?", [article_id])
    db.execute("delete from articles where id = ?", [article_id])


def problem_from_row(row: Any, steps: list[Step]) -> Problem:
    """Rebuild a :class:`Problem` from its row (a mapping) and its steps."""
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
        origins=json.loads(row["origins"] or "{}"),
    )


def steps_of(conn: sqlite3.Connection, pid: str) -> list[Step]:
    """The steps of problem ``pid`` in their order."""
    rows = conn.execute(
        "select ordinal, number, markdown, text, line, group_title, parent, depth from steps "
        "where problem_id = ? order by ordinal",
        [pid],
    )
    return [
        Step(ordinal=o, number=n, markdown=m, text=t, line=line, group=g, parent=p, depth=d)
        for o, n, m, t, line, g, p, d in rows
    ]


def read_article(conn: sqlite3.Connection, article_id: str) -> Article | None:
    """Rebuild a whole article from the index, or ``None`` when there is none with that id."""
    row = _row(conn, "select * from articles where id = ?", article_id)
    if row is None:
        return None
    problems = [
        problem_from_row(p, steps_of(conn, p["id"]))
        for p in _rows(conn, "select * from problems where article_id = ? order by ordinal", article_id)
    ]
    return article_from_row(row, problems)


def read_problem(conn: sqlite3.Connection, pid: str) -> tuple[Article, Problem] | None:
    """A problem with its steps, and its article (without the other problems); None when unknown."""
    row = _row(conn, "select * from problems where id = ?", pid)
    if row is None:
        return None
    article = _row(conn, "select * from articles where id = ?", row["article_id"])
    assert article is not None  # a foreign key
    return article_from_row(article, []), problem_from_row(row, steps_of(conn, pid))


def article_from_row(row: Any, problems: list[Problem]) -> Article:
    """Rebuild an :class:`Article` from its row (a mapping) and (possibly no) problems."""
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
        body=row["body"] or "",
        outline=[OutlineEntry(**entry) for entry in json.loads(row["outline"] or "[]")],
    )


def _rows(conn: sqlite3.Connection, sql: str, *params: object) -> list[dict[str, Any]]:
    cursor = conn.execute(sql, params)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, values, strict=True)) for values in cursor]


def _row(conn: sqlite3.Connection, sql: str, *params: object) -> dict[str, Any] | None:
    found = _rows(conn, sql, *params)
    return found[0] if found else None
