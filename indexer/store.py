"""Records ↔ SQLite rows: the one mapping between :mod:`indexer.records` and the tables."""

from __future__ import annotations

import json
import sqlite3
import typing
from collections.abc import Iterable
from itertools import chain, islice
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from sqlite_utils import Database

from indexer.errortext import code_key, code_number, comparable
from indexer.json_bodies import quoted_text
from indexer.records import Article, Note, OutlineEntry, Problem, Step, problem_id
from indexer.terms import code_terms, document_terms, terms

# Each table's columns in insert order: the one mapping from records to rows.
COLUMNS = {
    "articles": (
        "id",
        "title",
        "folder",
        "source",
        "content_hash",
        "url",
        "product",
        "tags",
        "description",
        "body",
        "outline",
        "product_key",
    ),
    "problems": (
        "id",
        "article_id",
        "article_title",
        "ordinal",
        "title",
        "line",
        "symptoms",
        "error_messages",
        "error_messages_text",
        "error_codes",
        "error_codes_text",
        "seen_in",
        "cause",
        "body",
        "whole_article",
        "origins",
        "title_is_name",
        "notes",
    ),
    "steps": (
        "problem_id",
        "ordinal",
        "number",
        "group_title",
        "parent",
        "depth",
        "markdown",
        "text",
        "line",
    ),
    "problem_codes": ("problem_id", "code_key", "number"),
    "problem_terms": ("problem_id", "fields"),
    "problem_evidence": (
        "problem_id",
        "title_terms",
        "messages",
        "message_terms",
        "code_keys",
        "own_title_terms",
    ),
    "article_terms": ("article_id", "terms"),
    "article_tags": ("article_id", "tag_key"),
}
ArticleRows = dict[str, list[tuple[Any, ...]]]
# Articles written with one statement per table (see insert_rows), and the rows a writer holds
# at most before it writes them: long articles have thousands of rows each.
INSERT_BATCH = 1000
INSERT_BATCH_ROWS = 50_000


def scope_key(value: str) -> str:
    """How a product or a tag is compared when a query is scoped to one: casefolded (SQLite's
    lower() folds only ASCII letters, so "ÄPFEL" and "äpfel" were two products)."""
    return value.casefold()


def article_rows(article: Article, folder: str) -> ArticleRows:
    """Every row an article becomes, search terms included (no database needed: run it anywhere)."""
    rows: ArticleRows = {table: [] for table in COLUMNS}
    rows["articles"].append(
        (
            article.id,
            article.title,
            folder,
            article.source,
            article.content_hash,
            article.url,
            article.product,
            json.dumps(article.tags),
            article.description,
            article.body,
            json.dumps([vars(entry) for entry in article.outline]),
            scope_key(article.product),
        )
    )
    rows["article_tags"].extend(
        (article.id, key) for key in dict.fromkeys(map(scope_key, article.tags)) if key
    )
    for problem in article.problems:
        pid = problem_id(article.id, problem.ordinal)
        rows["problems"].append(
            (
                pid,
                article.id,
                article.title,
                problem.ordinal,
                problem.title,
                problem.line,
                problem.symptoms,
                json.dumps(problem.error_messages),
                "\n".join(problem.error_messages),
                json.dumps(problem.error_codes),
                # Each code as written and joined ("E-517 E517"): search finds "E-5" as typed.
                " ".join(dict.fromkeys([*problem.error_codes, *map(code_key, problem.error_codes)])),
                problem.seen_in,
                problem.cause,
                problem.body,
                int(problem.whole_article),
                json.dumps(problem.origins),
                int(problem.title_is_name),
                json.dumps([vars(note) for note in problem.notes]),
            )
        )
        rows["problem_terms"].append((pid, json.dumps(_problem_fields(article, problem))))
        evidence = _evidence(article, problem, pid)
        rows["problem_evidence"].append(tuple(evidence[c] for c in COLUMNS["problem_evidence"]))
        rows["steps"].extend(
            (pid, s.ordinal, s.number, s.group, s.parent, s.depth, s.markdown, s.text, s.line)
            for s in problem.steps
        )
        rows["problem_codes"].extend(
            (pid, key, code_number(key)) for key in sorted({code_key(c) for c in problem.error_codes})
        )
    # The whole-article document is these terms plus its problems' (see indexer.retrieval).
    own = document_terms(f"{article.title} {article.description} {article.body}")
    rows["article_terms"].append((article.id, " ".join(own)))
    return rows


def insert_rows(conn: sqlite3.Connection, rows: ArticleRows | Iterable[ArticleRows]) -> None:
    """Insert the rows of :func:`article_rows`, of one article or many (the caller holds the transaction).

    Many articles go in a batch at a time, with one statement per table, in the articles'
    order: each table's rows, and so its row ids, are what inserting them one by one gives.
    Only one batch is held here, so the caller can let the rows go as they are read.
    """
    articles = iter([rows] if isinstance(rows, dict) else rows)
    while batch := list(islice(articles, INSERT_BATCH)):
        for table, columns in COLUMNS.items():
            marks = ", ".join("?" * len(columns))
            sql = f"insert into {table} ({', '.join(columns)}) values ({marks})"
            conn.executemany(sql, chain.from_iterable(r.get(table, ()) for r in batch))


def _problem_fields(article: Article, problem: Problem) -> dict[str, str]:
    """A problem's search terms per field (see :data:`indexer.retrieval.FIELD_WEIGHTS`)."""
    steps = " ".join(
        [*(s.text for s in problem.steps), *dict.fromkeys(s.group for s in problem.steps if s.group)]
    )
    texts = {
        "messages": " ".join(problem.error_messages),
        "title": problem.title,
        "article_title": f"{article.title} {article.about} {problem.context}",
        "symptoms": f"{problem.symptoms} {problem.seen_in}",
        "cause": problem.cause,
        "steps": steps,
        "body": problem.body,
    }
    # Compounds are searched, not compared: the evidence's title and message terms (_evidence) stay
    # words, so the features that weigh the query's words against them are not changed by them.
    fields = {name: " ".join(document_terms(text)) for name, text in texts.items()}
    fields["codes"] = " ".join(code_terms(problem.error_codes))
    return fields


def _evidence(article: Article, problem: Problem, pid: str) -> dict[str, str]:
    """What the matcher compares a query with, precomputed: comparable messages and title terms."""
    # Titles are often the error text ("Error AADSTS70001 - Application … was not found"),
    # so the title is compared like one more message, after the real ones.
    # One line per message (comparable text has no line breaks): read back with a split, not a parser.
    # A title written as code names a command or a setting: its words ("command-not-found-init")
    # would agree with any paste that has them, as if it were the error the paste printed.
    title = "" if problem.title_is_name else problem.title
    messages = [comparable(quoted_text(m)) for m in [*problem.error_messages, title]]
    return {
        "problem_id": pid,
        "title_terms": " ".join(dict.fromkeys(terms(f"{problem.title} {article.title} {article.about}"))),
        "messages": "\n".join(messages),
        "message_terms": "\n".join(" ".join(dict.fromkeys(terms(m))) for m in messages),
        "code_keys": " ".join(sorted({code_key(c) for c in problem.error_codes})),
        "own_title_terms": " ".join(dict.fromkeys(terms(problem.title))),
    }


def delete_article(db: Database, article_id: str) -> None:
    """Remove an article and everything that hangs off it."""
    pids = [r["id"] for r in db.query("select id from problems where article_id = ?", [article_id])]
    for pid in pids:
        for table in ("steps", "problem_codes", "problem_terms", "problem_evidence"):
            db.execute(f"delete from {table} where problem_id = ?", [pid])
    db.execute("delete from article_terms where article_id = ?", [article_id])
    db.execute("delete from article_tags where article_id = ?", [article_id])
    db.execute("delete from problems where article_id = ?", [article_id])
    db.execute("delete from articles where id = ?", [article_id])


def _json(text: str | None, empty: str) -> Any:
    """A JSON column's value, ``empty`` ("[]" or "{}") when it has none.

    Most list columns of a problem hold an empty list: those are read without the JSON decoder,
    which costs a few microseconds a call, several times per answer read."""
    if not text or text == empty:
        return [] if empty == "[]" else {}
    return json.loads(text)


R = TypeVar("R")


def _records(kind: type[R], text: str | None) -> list[R]:
    """The records a JSON column lists (notes, outline entries); a ValueError for a value of another
    shape, which kb-answer never wrote: readers report it as damage of the index, "rebuild it"."""
    try:
        records = [kind(**fields) for fields in _json(text, "[]")]
    except TypeError as exc:
        raise ValueError(f"a record of the wrong shape: {exc}") from exc
    types = _field_types(kind)
    for record in records:
        wrong = [name for name, allowed in types.items() if not isinstance(getattr(record, name), allowed)]
        if wrong:
            raise ValueError(f"a {kind.__name__} whose {', '.join(wrong)} is of the wrong type")
    return records


def _field_types(kind: type) -> dict[str, tuple[type, ...]]:
    """The types each field of the dataclass ``kind`` may hold ("str | None": str and NoneType)."""
    found = _FIELD_TYPES.get(kind)
    if found is None:
        hints = typing.get_type_hints(kind)
        found = _FIELD_TYPES[kind] = {name: typing.get_args(hint) or (hint,) for name, hint in hints.items()}
    return found


_FIELD_TYPES: dict[type, dict[str, tuple[type, ...]]] = {}


def _texts(text: str | None) -> list[str]:
    """A JSON column's list of texts (error messages, codes, tags); a ValueError for any other value."""
    value = _json(text, "[]")
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ValueError("a list of texts of another shape")
    return value


def problem_from_row(row: Any, steps: list[Step]) -> Problem:
    """Rebuild a :class:`Problem` from its row (a mapping) and its steps."""
    return Problem(
        ordinal=row["ordinal"],
        title=row["title"],
        line=row["line"],
        symptoms=row["symptoms"] or "",
        error_messages=_texts(row["error_messages"]),
        error_codes=_texts(row["error_codes"]),
        seen_in=row["seen_in"] or "",
        cause=row["cause"] or "",
        steps=steps,
        body=row["body"] or "",
        whole_article=bool(row["whole_article"]),
        title_is_name=bool(row["title_is_name"]),
        origins=_json(row["origins"], "{}"),
        notes=_records(Note, row["notes"]),
    )


def steps_of(conn: sqlite3.Connection, pids: list[str]) -> dict[str, list[Step]]:
    """The steps of each problem in ``pids``, in their order (one query for all of them)."""
    steps: dict[str, list[Step]] = {pid: [] for pid in pids}
    if not steps:
        return steps
    # The columns in the order of Step's fields, so that each row is passed as it is read:
    # answers read a few hundred steps, and keywords cost a third of each Step.
    rows = conn.execute(
        "select problem_id, ordinal, number, markdown, text, line, group_title, parent, depth from steps "
        f"where problem_id in ({','.join('?' * len(steps))}) order by problem_id, ordinal",
        list(steps),
    )
    for pid, *fields in rows:
        steps[pid].append(Step(*fields))
    return steps


def read_article(conn: sqlite3.Connection, article_id: str) -> Article | None:
    """Rebuild a whole article from the index, or ``None`` when there is none with that id."""
    row = _row(conn, "select * from articles where id = ?", article_id)
    if row is None:
        return None
    rows = _rows(conn, "select * from problems where article_id = ? order by ordinal", article_id)
    steps = steps_of(conn, [p["id"] for p in rows])
    return article_from_row(row, [problem_from_row(p, steps[p["id"]]) for p in rows])


# What an answer does not show of a problem's row (see read_problems), read as empty values.
_NOT_IN_ANSWERS = {"body": "''", "origins": "'{}'"}
_ANSWER_COLUMNS = ", ".join(
    f"{_NOT_IN_ANSWERS[c]} as {c}" if c in _NOT_IN_ANSWERS else c for c in COLUMNS["problems"]
)


def read_problems(
    conn: sqlite3.Connection, pids: list[str], *, answer_only: bool = False
) -> dict[str, tuple[Article, Problem]]:
    """Problems by id, each with its steps and its article's heading (none of its problems, body or outline).

    Unknown ids are left out. Answers show the problem and name its article; the body
    and the outline of a long article are read only when the whole article is asked for.
    With ``answer_only``, each problem's body and origins are left empty too: an answer
    shows neither. Three queries whatever the number of ids: a query's answers are read
    together.
    """
    if not pids:
        return {}
    marks = ",".join("?" * len(pids))
    columns = _ANSWER_COLUMNS if answer_only else "*"
    rows = _rows(conn, f"select {columns} from problems where id in ({marks})", *pids)
    if not rows:
        return {}
    article_ids = list(dict.fromkeys(row["article_id"] for row in rows))
    articles = {
        a["id"]: article_from_row(a, [])
        for a in _rows(
            conn,
            "select id, title, source, content_hash, url, product, tags, description, '' as body, "
            f"'[]' as outline from articles where id in ({','.join('?' * len(article_ids))})",
            *article_ids,
        )
    }
    steps = steps_of(conn, [row["id"] for row in rows])
    return {row["id"]: (articles[row["article_id"]], problem_from_row(row, steps[row["id"]])) for row in rows}


def article_from_row(row: Any, problems: list[Problem]) -> Article:
    """Rebuild an :class:`Article` from its row (a mapping) and (possibly no) problems."""
    return Article(
        id=row["id"],
        title=row["title"],
        source=row["source"],
        content_hash=row["content_hash"],
        url=row["url"],
        product=row["product"] or "",
        tags=_texts(row["tags"]),
        description=row["description"] or "",
        problems=problems,
        body=row["body"] or "",
        outline=_records(OutlineEntry, row["outline"]),
    )


def _rows(conn: sqlite3.Connection, sql: str, *params: object) -> list[dict[str, Any]]:
    cursor = conn.execute(sql, params)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, values, strict=True)) for values in cursor]


def _row(conn: sqlite3.Connection, sql: str, *params: object) -> dict[str, Any] | None:
    found = _rows(conn, sql, *params)
    return found[0] if found else None
