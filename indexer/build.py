"""Build or refresh an index file from article folders, atomically and incrementally.

Only articles whose content hash changed are parsed again. Changes are written
into a copy of the index, which then replaces the original with one rename, so a
reader never sees a half-built index and a failed run leaves the old one intact.
"""

from __future__ import annotations

import json
import os
import sqlite3
import tempfile
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from sqlite_utils import Database

from indexer.errors import ArticleError
from indexer.parse import ARTICLE_SUFFIXES, content_hash, parse_article, read_folder_settings
from indexer.records import Article, IndexWarning
from indexer.retrieval import rebuild as rebuild_retrieval
from indexer.schema import latest_version, migrations, schema_version
from indexer.store import delete_article, write_article

Progress = Callable[[int, int, str], None]


@dataclass
class BuildReport:
    """What one indexing run did, for the closing summary line."""

    articles: int = 0
    problems: int = 0
    steps: int = 0
    whole_article: int = 0
    parsed: int = 0
    unchanged: int = 0
    removed: int = 0
    seconds: float = 0.0
    warnings: list[IndexWarning] = field(default_factory=list)
    whole_article_sources: list[str] = field(default_factory=list)
    # Structure quality (see `kb inspect` for one article): the most problems one article
    # gave, headings read as boilerplate, and articles whose Symptoms or Error sections
    # gave no error message (their errors cannot be matched by their text).
    most_problems: int = 0
    boilerplate_sections: int = 0
    silent_symptoms_sources: list[str] = field(default_factory=list)


@dataclass
class _File:
    folder: str
    source: str
    path: Path


def find_articles(paths: Iterable[Path]) -> list[_File]:
    """Every article file under ``paths`` (folders are walked; README files are guides, not articles)."""
    found: list[_File] = []
    for path in paths:
        if path.is_dir():
            for file in sorted(path.rglob("*")):
                if file.is_file() and file.suffix.lower() in ARTICLE_SUFFIXES and not _is_readme(file):
                    found.append(_File(str(path), file.relative_to(path).as_posix(), file))
        elif path.is_file():
            found.append(_File(str(path.parent), path.name, path))
        else:
            raise FileNotFoundError(f"no such file or folder: {path}")
    return found


def _is_readme(file: Path) -> bool:
    return file.stem.lower() == "readme"


def open_database(path: Path) -> Database:
    """Open an index for writing, applying any pending migrations."""
    db = Database(path)
    migrations.apply(db)
    return db


def build_index(paths: Iterable[Path], db_path: Path, *, progress: Progress | None = None) -> BuildReport:
    """Bring the index at ``db_path`` up to date with the articles under ``paths``."""
    started = time.perf_counter()
    report = BuildReport()
    files = find_articles(paths)
    templates = _url_templates({Path(f.folder) for f in files}, report)
    known = _indexed_hashes(db_path)
    keep: set[tuple[str, str]] = set()
    fresh: list[tuple[_File, Article]] = []
    seen_ids: dict[str, str] = {}
    for n, file in enumerate(files, start=1):
        if progress:
            progress(n, len(files), file.source)
        try:
            data = file.path.read_bytes()
        except FileNotFoundError:
            report.warnings.append(IndexWarning(file.source, 1, "file disappeared while indexing; skipped"))
            continue
        except OSError as exc:
            report.warnings.append(IndexWarning(file.source, 1, f"cannot read file: {exc.strerror}"))
            continue
        key = (file.folder, file.source)
        old = known.get(key)
        template = templates.get(Path(file.folder))
        if old and old[1] == content_hash(data, template or ""):
            keep.add(key)
            report.unchanged += 1
            # An indexed article keeps its id: a new or changed file earlier in this run
            # that claimed it is refused, as it would have been had it come later.
            for rival, article in [(f, a) for f, a in fresh if a.id == old[0]]:
                fresh.remove((rival, article))
                report.parsed -= 1
                rival_old = known.get((rival.folder, rival.source))
                can_keep = rival_old is not None and rival_old[0] not in seen_ids
                kept = "; kept the previously indexed version" if can_keep else "; not indexed"
                message = f"article id {old[0]!r} already used by {file.source}{kept}"
                report.warnings.append(IndexWarning(rival.source, 1, message))
                if rival_old is not None and can_keep:
                    keep.add((rival.folder, rival.source))
                    seen_ids[rival_old[0]] = rival.source
            seen_ids[old[0]] = file.source
            continue
        try:
            article = parse_article(data, file.source, url_template=template)
            if not any(p.steps for p in article.problems):
                raise ArticleError(file.source, 1, "no problem with resolution steps")
        except ArticleError as exc:
            # A broken edit must not take a working article out of the served index.
            can_keep = old is not None and old[0] not in seen_ids
            kept = "; kept the previously indexed version" if can_keep else "; not indexed"
            report.warnings.append(IndexWarning(exc.source, exc.line, exc.message + kept))
            if old is not None and can_keep:
                keep.add(key)
                seen_ids[old[0]] = file.source
            continue
        if article.id in seen_ids:
            can_keep = old is not None and old[0] not in seen_ids
            kept = "; kept the previously indexed version" if can_keep else "; not indexed"
            message = f"article id {article.id!r} already used by {seen_ids[article.id]}{kept}"
            report.warnings.append(IndexWarning(file.source, 1, message))
            if old is not None and can_keep:
                keep.add(key)
                seen_ids[old[0]] = file.source
            continue
        seen_ids[article.id] = file.source
        fresh.append((file, article))
        report.parsed += 1
    stale = [article_id for key, (article_id, _) in known.items() if key not in keep]
    fresh_keys = {(f.folder, f.source) for f, _ in fresh}
    report.removed = sum(1 for k in known if k not in keep and k not in fresh_keys)
    if fresh or stale or not db_path.exists():
        _write_atomically(db_path, stale, fresh)
    _count(db_path, report)
    report.seconds = time.perf_counter() - started
    return report


def _url_templates(folders: set[Path], report: BuildReport) -> dict[Path, str | None]:
    """Each folder's article URL template; a broken settings file is a warning and gives none."""
    templates: dict[Path, str | None] = {}
    for folder in sorted(folders):
        try:
            templates[folder] = read_folder_settings(folder)
        except ArticleError as exc:
            templates[folder] = None
            report.warnings.append(IndexWarning(exc.source, exc.line, f"{exc.message}; articles get no url"))
    return templates


def _indexed_hashes(db_path: Path) -> dict[tuple[str, str], tuple[str, str]]:
    """(folder, source) → (article id, content hash) of what the index holds now."""
    if not db_path.exists():
        return {}
    try:
        db = Database(db_path)
        if schema_version(db) != latest_version():
            return {}
        return {
            (r["folder"], r["source"]): (r["id"], r["content_hash"])
            for r in db.query("select id, folder, source, content_hash from articles")
        }
    except sqlite3.DatabaseError:
        return {}


def _write_atomically(db_path: Path, stale: list[str], fresh: list[tuple[_File, Article]]) -> None:
    db_path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=db_path.name + ".", suffix=".tmp", dir=db_path.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        _copy_existing(db_path, tmp)
        db = open_database(tmp)
        with db.atomic():
            for article_id in stale:
                delete_article(db, article_id)
            for file, article in fresh:
                write_article(db, article, file.folder)
            rebuild_retrieval(db.conn)
            db.table("kb_meta").upsert({"key": "schema", "value": latest_version()}, pk="key")
        db.table("problems_fts").optimize()
        db.conn.execute("vacuum")
        db.close()
        os.replace(tmp, db_path)
    finally:
        tmp.unlink(missing_ok=True)


def _copy_existing(db_path: Path, tmp: Path) -> None:
    """Start from the current index when it is ours and current; otherwise from nothing."""
    tmp.unlink(missing_ok=True)
    if not db_path.exists():
        return
    try:
        source = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
        if schema_version(Database(source)) != latest_version():
            source.close()
            return
        target = sqlite3.connect(tmp)
        with target:
            source.backup(target)
        source.close()
        target.close()
    except sqlite3.DatabaseError:
        tmp.unlink(missing_ok=True)


def _count(db_path: Path, report: BuildReport) -> None:
    db = Database(sqlite3.connect(f"file:{db_path}?mode=ro", uri=True))
    report.articles = db.table("articles").count
    report.problems = db.table("problems").count
    report.steps = db.table("steps").count
    report.whole_article_sources = [
        r["source"]
        for r in db.query(
            "select a.source from articles a join problems p on p.article_id = a.id "
            "where p.whole_article = 1 order by a.source"
        )
    ]
    report.whole_article = len(report.whole_article_sources)
    report.most_problems = max(
        (r["n"] for r in db.query("select count(*) as n from problems group by article_id")), default=0
    )
    silent: list[str] = []
    for row in db.query(
        "select a.source, a.outline, json_group_array(p.error_messages) as messages from articles a "
        "join problems p on p.article_id = a.id group by a.id order by a.source"
    ):
        uses = [entry["use"] for entry in json.loads(row["outline"] or "[]")]
        report.boilerplate_sections += uses.count("boilerplate")
        described = any(u.endswith((": symptoms", ": errors")) for u in uses)
        if described and all(m == "[]" for m in json.loads(row["messages"])):
            silent.append(row["source"])
    report.silent_symptoms_sources = silent
    db.close()
