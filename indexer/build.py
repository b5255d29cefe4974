"""Build or refresh an index file from article folders, atomically and incrementally.

Only articles whose content hash changed are parsed again. Changes are written
into a copy of the index, which then replaces the original with one rename, so a
reader never sees a half-built index and a failed run leaves the old one intact.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import sqlite3
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from sqlite_utils import Database

from indexer.article_files import (
    DISAPPEARED,
    ArticleFile,
    find_articles,
    names_articles,
    read_regular_file,
    walked_from,
)
from indexer.errors import ArticleError, EmptyFolderError, FolderNotGivenError
from indexer.index_file import READ_ERRORS, is_busy, is_damage, sqlite_uri
from indexer.index_writer import IndexWriter, refuse_foreign, remove_stale_temporaries
from indexer.markdown_article import STEPS_AS_BODY
from indexer.parse import FOLDER_SETTINGS, content_hash, folder_settings
from indexer.parse_pool import parse_all
from indexer.records import IndexWarning, file_shown
from indexer.schema import latest_version, schema_version
from indexer.store import ArticleRows

Progress = Callable[[int, int, str], None]

# The kb_meta key of a folder's URL template in the index (its real path follows the space).
_TEMPLATE_KEY = "url_template "
# The kb_meta key of a folder's real path when it was indexed (its spelling follows the space).
_FOLDER_KEY = "folder "


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
    # What the reader may want to know but need not fix (an id derived from a file name).
    notices: list[IndexWarning] = field(default_factory=list)
    # Temporaries of killed runs that this run removed.
    removed_temporaries: list[Path] = field(default_factory=list)
    whole_article_sources: list[str] = field(default_factory=list)
    # Structure quality (see `kb inspect` for one article): the most problems one article
    # gave, headings read as boilerplate, and articles whose Symptoms or Error sections
    # gave no error message (their errors cannot be matched by their text).
    most_problems: int = 0
    boilerplate_sections: int = 0
    silent_symptoms_sources: list[str] = field(default_factory=list)
    # Articles that describe a problem and give no resolution steps (indexed all the same).
    stepless_sources: list[str] = field(default_factory=list)
    # Articles with a section of steps read as body, beside problems framed by Symptoms/Resolution.
    steps_as_body_sources: list[str] = field(default_factory=list)


def build_index(
    paths: Iterable[Path],
    db_path: Path,
    *,
    progress: Progress | None = None,
    parsing: Callable[[int, int], None] | None = None,
    allow_empty: bool = False,
    waiting: Callable[[], None] | None = None,
    rebuild: bool = False,
) -> BuildReport:
    """Bring the index at ``db_path`` up to date with the articles under ``paths``.

    See :func:`_build`. An index damaged past what its first reads show (SQLite finds the
    damage only when an update reaches it) is built again from the articles alone, and so is
    any with ``rebuild`` (a value in it that kb-answer cannot read, which SQLite does not see). A
    ``db_path`` that is a symbolic link stays one: the file it points to is updated.
    Runs on the same index take turns (see :func:`_one_run_at_a_time`); ``waiting()`` is
    called when this one has to wait for another.
    """
    paths = list(paths)
    # An index reached through a link is updated where it lives: renaming the new copy onto
    # the link would replace the link and leave the file it points to as it was.
    if db_path.is_symlink():
        db_path = Path(os.path.realpath(db_path))
    with _one_run_at_a_time(db_path, waiting):
        return _build_or_rebuild(paths, db_path, progress, parsing, allow_empty, rebuild)


@contextlib.contextmanager
def _one_run_at_a_time(db_path: Path, waiting: Callable[[], None] | None) -> Iterator[None]:
    """Hold an exclusive lock on the index's folder for the whole run.

    Two runs at once each started from the index as it was and the last rename won: a
    `kb index kb/ more/` finishing first lost its articles from more/ to a `kb index kb/`
    finishing after it, both saying they had indexed (and the second would have been
    refused had it started after the first). Taking turns, the second starts from the
    first's index. The folder is locked (flock) rather than a file beside the index: the
    index itself is replaced by each run, and the folder needs no file of ours. A folder
    that does not exist yet, or cannot be opened, is not locked: there is no index in it to lose.
    """
    try:
        fd = os.open(db_path.parent, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
    except OSError:
        yield
        return
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            if waiting:
                waiting()
            fcntl.flock(fd, fcntl.LOCK_EX)
        except OSError:
            pass  # a file system without locks (ENOLCK): runs there do not take turns, as before
        yield
    finally:
        os.close(fd)  # releases the lock


def _build_or_rebuild(
    paths: list[Path],
    db_path: Path,
    progress: Progress | None,
    parsing: Callable[[int, int], None] | None,
    allow_empty: bool,
    rebuild: bool = False,
) -> BuildReport:
    """:func:`_build` (from the articles alone with ``rebuild``), and again from the articles alone
    when the index proves damaged."""
    # Kept across the second attempt: the first one's removals are no less done.
    removed: list[Path] = []

    def attempt(from_nothing: bool) -> BuildReport:
        return _build(
            paths,
            db_path,
            progress=progress,
            parsing=parsing,
            allow_empty=allow_empty,
            removed=removed,
            from_nothing=from_nothing,
        )

    try:
        return attempt(rebuild)
    except sqlite3.DatabaseError as exc:
        if not is_damage(exc):
            raise
    report = attempt(True)
    report.notices.insert(
        0, IndexWarning(str(db_path), 1, "the index was damaged; built again from the articles")
    )
    return report


def _build(
    paths: list[Path],
    db_path: Path,
    *,
    progress: Progress | None,
    parsing: Callable[[int, int], None] | None,
    allow_empty: bool,
    removed: list[Path],
    from_nothing: bool = False,
) -> BuildReport:
    """Bring the index at ``db_path`` up to date with the articles under ``paths`` (with
    ``from_nothing``, build it again from them alone).

    Files whose content hash is unchanged are kept as indexed; the others are parsed
    (in parallel when there are many) and written into a copy that replaces the index.
    ``progress(n, total, source)`` is called as each file is looked at, and
    ``parsing(n, total)`` as each changed file has been parsed; the temporaries of killed
    runs that it removes are added to ``removed``. Unless ``allow_empty``,
    a folder with no article file whose articles the index holds, a folder the index holds
    that ``paths`` do not name, or a run that has nothing to index at all (no article file,
    or none that parses) for an index it would build, or, with none skipped for being a link
    out or a FIFO, for an index that has articles, raises :class:`EmptyFolderError` and
    changes nothing.
    """
    started = time.perf_counter()
    report = BuildReport()
    walked = find_articles(paths)
    files, report.warnings = walked.files, [*walked.skipped, *walked.not_articles]
    # Several folders: warnings name a file's folder too (each has its own "vpn.md").
    named = {file.folder for file in files} | {w.folder for w in report.warnings if w.folder}
    several = len(named | {folder for folder, _ in walked.unreadable} | {f for f, _ in walked.unlisted}) > 1

    def shown(folder: str, source: str) -> str:
        return file_shown(folder if several else "", source)

    def named_in_their_folder() -> None:
        # One folder: a file's path in it says where it is; the folder itself ("./") is named.
        if not several:
            for warning in (*report.warnings, *report.notices):
                if warning.source != "./":
                    warning.folder = ""

    refuse_foreign(db_path)
    # Read from the current index however the run builds: its folders and articles are what a run
    # that leaves some out, or finds them empty, is refused for, a rebuild from nothing too.
    known, last, recorded = _indexed(db_path)
    given = _given(paths)
    # Articles are known by the folder as it was spelled; one spelled another way ("kb" and
    # "/srv/kb") is the same folder.
    real = _real_folders(known, recorded, given)
    # What could not be read this time (a folder that cannot be listed, a file that cannot be
    # reached) stays as it was indexed, as an article whose edit is broken does.
    unlisted = [(_real(folder), prefix) for folder, prefix in walked.unlisted]
    unread = {
        key
        for key in known
        if any(real[key[0]] == folder and key[1].startswith(prefix) for folder, prefix in unlisted)
    }
    if not allow_empty:
        _refuse_emptying(paths, given, files, [key for key in known if key not in unread], real, db_path)
    removed.extend(remove_stale_temporaries(db_path))
    report.removed_temporaries = removed
    folders = {file.folder for file in files}
    by_path = _url_templates({Path(folder) for folder in folders}, report, last)
    templates = {folder: by_path[Path(folder)] for folder in folders}
    keep: set[tuple[str, str]] = set()
    # (file, article id, rows, line of its id) of the articles that the file indexed with their id,
    # later in the run, may still take it back from; every other article is written as soon as it is parsed.
    fresh: list[tuple[ArticleFile, str, ArticleRows, int]] = []
    seen_ids: dict[str, str] = {}

    def keep_unread(key: tuple[str, str]) -> None:
        keep.add(key)
        seen_ids[known[key][0]] = shown(*key)
        report.unchanged += 1

    by_real = {(real[key[0]], key[1]): key for key in known}
    real_folders = {folder: _real(folder) for folder in folders | {folder for folder, _ in walked.unreadable}}

    def indexed_key(folder: str, source: str) -> tuple[str, str] | None:
        """The index's key of a file, its folder spelled as in this run or another way ("kb", "/srv/kb")."""
        key = (folder, source)
        return key if key in known else by_real.get((real_folders[folder], source))

    def cannot_read(folder: str, source: str, reason: str) -> None:
        # Built from nothing, there is no indexed version to keep.
        kept = None if from_nothing else indexed_key(folder, source)
        if kept:
            keep_unread(kept)
        outcome = "kept the previously indexed version" if kept else "skipped"
        report.warnings.append(IndexWarning(source, 1, f"cannot read file: {reason}; {outcome}", folder))

    for key in [] if from_nothing else unread:
        keep_unread(key)
    for (folder, source), reason in walked.unreadable.items():
        cannot_read(folder, source, reason)

    def cannot_read_now(file: ArticleFile, exc: OSError) -> None:
        if isinstance(exc, FileNotFoundError):
            report.warnings.append(IndexWarning(file.source, 1, DISAPPEARED, file.folder))
        else:
            # Unreadable for now (permissions, a network error): like a broken edit, it must not
            # take a working article out.
            cannot_read(file.folder, file.source, exc.strerror or str(exc))

    # Which files to parse: those new to the index, and those whose content hash changed. The
    # bytes are not kept: they are read again to be parsed, one file after another.
    readable: list[bool] = []
    changed: list[int] = []
    for n, file in enumerate(files, start=1):
        if progress:
            progress(n, len(files), file.source)
        found = indexed_key(file.folder, file.source)
        indexed = known[found] if found else None
        readable.append(True)
        if indexed is None or from_nothing:
            changed.append(n - 1)
            continue
        try:
            data = read_regular_file(file.path, root=file.root)
        except OSError as exc:
            readable[-1] = False
            cannot_read_now(file, exc)
            continue
        if indexed[1] != content_hash(data, templates[file.folder] or ""):
            changed.append(n - 1)
    done = [0]

    def parsed_one(source: str) -> None:
        done[0] += 1
        if parsing:
            parsing(done[0], len(changed))

    jobs = [(files[i], templates[files[i].folder]) for i in changed]
    waiting = set(changed)
    # The file of this run that each indexed id belongs to: an article parsed now that takes
    # another file's id is held back until that file's turn, which keeps it if it still claims it.
    holders = {
        known[found][0]: (file.folder, file.source)
        for file, ok in zip(files, readable, strict=True)
        if ok and (found := indexed_key(file.folder, file.source)) is not None
    }

    def refuse(file: ArticleFile, source: str, line: int, message: str) -> None:
        """Warn that ``file``'s new reading is not indexed, and keep its indexed version if its
        id is still free: a broken or clashing edit must not take a working article out."""
        key = None if from_nothing else indexed_key(file.folder, file.source)
        if key is not None and known[key][0] not in seen_ids:
            report.warnings.append(
                IndexWarning(source, line, message + "; kept the previously indexed version", file.folder)
            )
            keep.add(key)
            seen_ids[known[key][0]] = shown(file.folder, file.source)
        else:
            report.warnings.append(IndexWarning(source, line, message + "; not indexed", file.folder))

    def take_back(article_id: str, file: ArticleFile) -> None:
        """``file``, indexed as ``article_id``, claims it again: a file earlier in this run that
        took it is refused, as it would have been had it come later."""
        for item in [item for item in fresh if item[1] == article_id]:
            fresh.remove(item)
            report.parsed -= 1
            seen_ids.pop(article_id, None)
            user = shown(file.folder, file.source)
            rival, _, _, line = item
            refuse(rival, rival.source, line, f"article id {article_id!r} already used by {user}")

    # Many files to parse: their full text is indexed in one pass after they are written.
    writer = IndexWriter(db_path, bulk=len(changed) * 2 >= len(files), from_nothing=from_nothing)
    written: set[tuple[str, str]] = set()
    results = parse_all(jobs, parsed_one)
    try:
        for n, (file, ok) in enumerate(zip(files, readable, strict=True)):
            if not ok:
                continue
            key = (file.folder, file.source)
            old = known.get(key)
            if n not in waiting:
                # Unchanged, it stays under the key the index knows it by, however its folder is spelled now.
                key = indexed_key(*key) or key
                old = known[key]
                keep.add(key)
                report.unchanged += 1
                take_back(old[0], file)
                seen_ids[old[0]] = shown(file.folder, file.source)
                continue
            result = next(results)
            article_id = result.id
            # An indexed article keeps its id when its file still claims it, or keeps its
            # indexed version (an edit that cannot be read or parsed).
            held = indexed_key(file.folder, file.source)
            if held is not None and (article_id == known[held][0] or result.rows is None):
                take_back(known[held][0], file)
            if result.unread is not None:
                cannot_read_now(file, result.unread)
                continue
            if result.error is not None or result.rows is None:
                error = result.error or ArticleError(file.source, 1, "could not be parsed")
                refuse(file, error.source, error.line, error.message)
                continue
            if article_id in seen_ids:
                # An id derived from the path (two names that differ in case, spaces or where the "/"
                # is) is one an author never chose: say how to give the article one of its own.
                fix = (
                    ""
                    if result.id_written
                    else "; give one of them an id of its own in its front matter (id: …)"
                )
                refuse(
                    file,
                    file.source,
                    result.id_line,
                    f"article id {article_id!r} already used by {seen_ids[article_id]}{fix}",
                )
                continue
            seen_ids[article_id] = shown(file.folder, file.source)
            report.warnings.extend(
                IndexWarning(file.source, line, why, file.folder) for line, why in result.left_out
            )
            if not result.has_front_matter or not result.id_written:
                missing = "no front matter" if not result.has_front_matter else "no id in its front matter"
                message = f"{missing}; indexed as {article_id!r}, the id derived from its path in its folder"
                report.notices.append(IndexWarning(file.source, 1, message, file.folder))
            if holders.get(article_id, key) != key:
                fresh.append((file, article_id, result.rows, result.id_line))
            else:
                writer.write(article_id, result.rows, old and old[0])
                written.add(key)
            report.parsed += 1
        for file, article_id, rows, _ in fresh:
            old = known.get((file.folder, file.source))
            writer.write(article_id, rows, old and old[0])
            written.add((file.folder, file.source))
        fresh.clear()
        stale = [article_id for key, (article_id, _) in known.items() if key not in keep]
        # Articles gone from the index: not those written again under their folder spelled another way.
        report.removed = sum(
            1 for k in known if k not in keep and k not in written and known[k][0] not in seen_ids
        )
        first = not db_path.exists()
        if (first or (known and not walked.skipped)) and not keep and not written and not allow_empty:
            # Nothing of this run is indexable (no file, or none that parses): a mistyped folder
            # or file must not empty the index, nor build an empty one that a server would call
            # ready (an unmounted share at a replica's first start; a folder of links out of it).
            # An index whose files were all skipped for what they are (a link out, a FIFO) is
            # emptied: the warnings say why its articles go.
            named_in_their_folder()
            raise EmptyFolderError([str(path) for path in paths], len(known), db_path, report.warnings)
        if written or stale or first or from_nothing:
            spelled = {**{key[0]: real[key[0]] for key in keep}, **real_folders}
            writer.finish(
                stale,
                {
                    **{_TEMPLATE_KEY + _real(f): t or "" for f, t in by_path.items()},
                    **{_FOLDER_KEY + folder: path for folder, path in spelled.items()},
                },
            )
    finally:
        results.close()
        writer.close()
    named_in_their_folder()
    _count(db_path, report)
    report.seconds = time.perf_counter() - started
    return report


def _refuse_emptying(
    paths: list[Path],
    given: list[tuple[str, bool]],
    files: list[ArticleFile],
    known: list[tuple[str, str]],
    real: dict[str, str],
    db_path: Path,
) -> None:
    """Raise :class:`EmptyFolderError` when this run would take every article of a folder out of
    the index only because the folder has no article files (``known``: the articles at stake),
    and :class:`FolderNotGivenError` when it would because the run does not name the folder
    (``given``: what ``paths`` name, see :func:`_given`).

    A folder whose article files were all skipped with a warning (links out of it, FIFOs) is
    not empty: the warnings say why its articles go.
    """
    if not known:
        return
    # One real path per folder, not per file: each costs a system call per part of the path.
    found = {_real(folder) for folder in {file.folder for file in files}}
    indexed = Counter(real[folder] for folder, _ in known)
    emptied: dict[str, int] = {}
    for path in paths:
        folder = _real(path)
        if path.is_dir() and indexed[folder] and folder not in found and not names_articles(path):
            emptied[str(path)] = indexed[folder]
    if emptied:
        raise EmptyFolderError(list(emptied), sum(emptied.values()), db_path)
    if not files:
        return  # a run with nothing to index is refused as such, naming what it was given
    not_given: dict[str, int] = {}
    for folder, count in indexed.items():
        if not _named(folder, given):
            not_given[_shown_folder(folder, known, real)] = count
    if not_given:
        raise FolderNotGivenError(
            sorted(not_given), sum(not_given.values()), db_path, [str(p) for p in paths]
        )


def _shown_folder(folder: str, known: list[tuple[str, str]], real: dict[str, str]) -> str:
    """An indexed folder (its real path) as the index spells it."""
    return next(spelled for spelled, _ in known if real[spelled] == folder)


def _real(folder: str | Path) -> str:
    return os.path.realpath(folder)


def _given(paths: list[Path]) -> list[tuple[str, bool]]:
    """The real path of each folder or file a run is given, and whether it is a folder."""
    return [(_real(path), True) if path.is_dir() else (_real(path.parent), False) for path in paths]


def _named(folder: str, given: list[tuple[str, bool]]) -> bool:
    """Whether a run given ``given`` names the folder at real path ``folder``: it, a folder above
    it, or a file in it is given."""
    return any(folder == named or (is_dir and walked_from(folder, named)) for named, is_dir in given)


def _real_folders(
    known: dict[tuple[str, str], tuple[str, str]], recorded: dict[str, str], given: list[tuple[str, bool]]
) -> dict[str, str]:
    """The real path of each folder the index names: where it was when it was indexed if this run
    names that folder, else as its spelling reads from here.

    A relative spelling ("kb", as `make run` indexes it) read from another working directory
    (a cron job's, `kb index /srv/app/kb`) is another folder; the index given its folder there
    refused the run for leaving it out. A knowledge base moved with its index, and indexed as it
    was spelled, is read from here.
    """
    out = {}
    for folder in {folder for folder, _ in known}:
        then = recorded.get(folder)
        out[folder] = then if then is not None and _named(then, given) else _real(folder)
    return out


def _url_templates(
    folders: set[Path], report: BuildReport, last: dict[str, str | None]
) -> dict[Path, str | None]:
    """Each folder's article URL template (its kb-answer.yml, read as articles are: a regular
    file, never through a link). A file that cannot be used is a warning, and gives the template
    the ``last`` index was built with (by real folder path), else none: a typo in it must not
    take every article's URL out (and parse every article again) until it is fixed."""
    templates: dict[Path, str | None] = {}
    for folder in sorted(folders):
        templates[folder] = None
        path = folder / FOLDER_SETTINGS
        if not os.path.lexists(path):
            continue
        kept = last.get(_real(folder))
        outcome = "articles keep the url of the last index" if kept else "articles get no url"
        try:
            templates[folder], unknown = folder_settings(read_regular_file(path))
            for key, line in unknown:
                said = (
                    "is front matter of each article, not of a folder"
                    if key in ("product", "tags")
                    else "is no setting (the only one is url)"
                )
                report.warnings.append(
                    IndexWarning(FOLDER_SETTINGS, line, f"{key} {said}; ignored", str(folder))
                )
        except OSError as exc:
            templates[folder] = kept
            reason = exc.strerror or str(exc)
            report.warnings.append(
                IndexWarning(FOLDER_SETTINGS, 1, f"cannot read it: {reason}; {outcome}", str(folder))
            )
        except ArticleError as exc:
            templates[folder] = kept
            report.warnings.append(
                IndexWarning(exc.source, exc.line, f"{exc.message}; {outcome}", str(folder))
            )
    return templates


def _indexed(
    db_path: Path,
) -> tuple[dict[tuple[str, str], tuple[str, str]], dict[str, str | None], dict[str, str]]:
    """What the index holds now: (folder, source) → (article id, content hash); real folder
    path → the URL template (None: none) it was built with; and folder as spelled → its real
    path when it was indexed; as :meth:`IndexWriter.finish` keeps them. An index of another
    schema holds no articles to keep, only its templates."""
    if not db_path.exists():
        return {}, {}, {}
    try:
        db = Database(db_path)
        templates = {key: value or None for key, value in _meta(db, _TEMPLATE_KEY).items()}
        if schema_version(db) != latest_version():
            return {}, templates, {}
        hashes = {
            (r["folder"], r["source"]): (r["id"], r["content_hash"])
            for r in db.query("select id, folder, source, content_hash from articles")
        }
        return hashes, templates, _meta(db, _FOLDER_KEY)
    except READ_ERRORS as exc:
        # A damaged index is rebuilt from nothing; a locked one is not: taken for empty, every
        # article that fails to parse now would leave it, and the empty-folder guard see nothing.
        if is_busy(exc):
            raise
        return {}, {}, {}


def _meta(db: Database, prefix: str) -> dict[str, str]:
    """The kb_meta keys that start with ``prefix`` (without it) and their values."""
    rows = db.query("select key, value from kb_meta where substr(key, 1, ?) = ?", [len(prefix), prefix])
    return {row["key"][len(prefix) :]: row["value"] for row in rows}


def _count(db_path: Path, report: BuildReport) -> None:
    db = Database(sqlite3.connect(sqlite_uri(db_path, "ro"), uri=True))
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
    report.stepless_sources = [
        r["source"]
        for r in db.query(
            "select a.source from articles a where not exists (select 1 from problems p join steps s "
            "on s.problem_id = p.id where p.article_id = a.id) order by a.source"
        )
    ]
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
        if STEPS_AS_BODY in uses:
            report.steps_as_body_sources.append(row["source"])
        described = any(u.endswith((": symptoms", ": errors")) for u in uses)
        if described and all(m == "[]" for m in json.loads(row["messages"])):
            silent.append(row["source"])
    report.silent_symptoms_sources = silent
    db.close()
