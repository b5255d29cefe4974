"""Build or refresh an index file from article folders, atomically and incrementally.

Only articles whose content hash changed are parsed again. Changes are written
into a copy of the index, which then replaces the original with one rename, so a
reader never sees a half-built index and a failed run leaves the old one intact.
"""

from __future__ import annotations

import errno
import fcntl
import gc
import json
import multiprocessing
import os
import re
import sqlite3
import stat
import tempfile
import threading
import time
from collections import Counter, deque
from collections.abc import Callable, Generator, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from sqlite_utils import Database

from indexer.errors import ArticleError, EmptyFolderError, ForeignFileError
from indexer.index_file import sqlite_uri
from indexer.orphans import end_with_parent
from indexer.parse import (
    ARTICLE_SUFFIXES,
    FOLDER_SETTINGS,
    content_hash,
    folder_url_template,
    parse_article,
)
from indexer.records import IndexWarning
from indexer.retrieval import rebuild as rebuild_retrieval
from indexer.schema import latest_version, migrations, schema_version
from indexer.store import INSERT_BATCH, ArticleRows, article_rows, delete_article, insert_rows

Progress = Callable[[int, int, str], None]
# Parse in worker processes from this many changed files on; fewer are parsed faster here.
PARALLEL_FROM = 64
# The first bytes of every SQLite database file.
SQLITE_HEADER = b"SQLite format 3\x00"
MAX_WORKERS = 8

# Article files are opened one folder at a time from the configured folder (openat), so that
# no link below it can be followed when they are read; without dir_fd that cannot be done.
_OPENAT = os.open in os.supports_dir_fd
_BELOW = os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC


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


@dataclass
class _File:
    folder: str
    source: str
    # The file to read: a regular file inside ``root`` (a link's target, resolved).
    path: Path
    # The folder ``path`` is read from, following no link below it (``folder``, resolved).
    root: Path


@dataclass
class Found:
    """What walking the article folders found."""

    files: list[_File] = field(default_factory=list)
    # A warning for each file or folder skipped.
    skipped: list[IndexWarning] = field(default_factory=list)
    # (configured folder, path prefix of sources) of each folder that could not be listed.
    unlisted: list[tuple[str, str]] = field(default_factory=list)
    # (configured folder, source) of each file that could not be read, and why.
    unreadable: dict[tuple[str, str], str] = field(default_factory=dict)


def find_articles(paths: Iterable[Path]) -> Found:
    """Every article file under ``paths``, and a warning for each one that is skipped.

    Folders are walked without following links to folders; README files are guides,
    not articles. Only regular files that really live under the folder are taken: a
    link is followed when its target is a regular file inside the same folder, and a
    link that leaves it, a link loop, a FIFO, a device, a socket or a name that is not
    UTF-8 (the index cannot store it) is skipped with a warning. A folder that cannot
    be listed (no permission, a stale network mount) is a warning and is named in
    ``unlisted``; a file that cannot be reached is named in ``unreadable``. A path that
    does not exist, a link to nothing included, raises FileNotFoundError.
    """
    out = Found()
    for path in paths:
        _require(path)
        if not _is_utf8(str(path)):
            out.skipped.append(_bad_name(str(path)))
        elif path.is_dir():
            root = path.resolve()
            candidates: list[Path] = []

            def cannot_list(error: OSError, root: Path = root, configured: str = str(path)) -> None:
                where = Path(error.filename).relative_to(root).as_posix() if error.filename else "."
                prefix = "" if where == "." else where + "/"
                out.unlisted.append((configured, prefix))
                message = f"cannot list this folder: {error.strerror}; the articles indexed from it are kept"
                out.skipped.append(IndexWarning(_shown(prefix or "./"), 1, message))

            for folder, dirs, names in os.walk(root, onerror=cannot_list):
                for name in dirs:
                    if _is_link(Path(folder) / name):
                        source = _shown((Path(folder) / name).relative_to(root).as_posix())
                        out.skipped.append(IndexWarning(source, 1, "link to a folder; not followed"))
                candidates += [Path(folder) / name for name in names]
            for file in sorted(candidates):
                if _is_article_name(file):
                    source = file.relative_to(root).as_posix()
                    _take(file, root, str(path), source, out, walked=True)
        else:
            _take(path, path.parent.resolve(), str(path.parent), path.name, out)
    return out


def _require(path: Path) -> None:
    """Raise FileNotFoundError when ``path``, or what it links to, does not exist (an unmounted
    share behind a link is a missing folder, not a file to skip); a link loop is left to warn of."""
    try:
        os.stat(path)
    except FileNotFoundError:
        missing = " (a link to something that does not exist)" if path.is_symlink() else ""
        raise FileNotFoundError(f"no such file or folder: {path}{missing}") from None
    except OSError:
        pass


def _is_link(path: Path) -> bool:
    # A folder whose entries cannot be reached (read but no search permission) has none that
    # can be followed either: os.walk then reports the folder as one it cannot list.
    try:
        return stat.S_ISLNK(os.lstat(path).st_mode)
    except OSError:
        return False


def _is_utf8(name: str) -> bool:
    # Bytes of a name that are not UTF-8 come from the file system as surrogates, which
    # SQLite (and any printing of the name) refuses.
    try:
        name.encode()
    except UnicodeEncodeError:
        return False
    return True


def _shown(name: str) -> str:
    # Names in warnings are printed and returned as JSON: bytes that are not UTF-8 as \xff.
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def _bad_name(name: str) -> IndexWarning:
    return IndexWarning(_shown(name), 1, "its name is not valid UTF-8; skipped")


def _take(file: Path, root: Path, folder: str, source: str, out: Found, *, walked: bool = False) -> None:
    """Add ``file`` to ``out.files`` when it is a regular file inside ``root``, else say why not.

    ``walked``: ``file`` was found by walking ``root`` (resolved), which follows no link.
    """
    skipped = out.skipped
    if not _is_utf8(source):
        skipped.append(_bad_name(source))
        return
    try:
        mode = os.lstat(file).st_mode
        # Then only a link can lead elsewhere: any other file is where it was found.
        # (os.path.realpath, as Path.resolve turns a link loop into a RuntimeError.)
        real = file if walked and not stat.S_ISLNK(mode) else Path(os.path.realpath(file, strict=True))
        if real is not file:
            mode = os.stat(real).st_mode
    except FileNotFoundError:
        skipped.append(IndexWarning(source, 1, "link to a file that does not exist; skipped"))
        return
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            skipped.append(IndexWarning(source, 1, "link loop (or too long a chain of links); skipped"))
        else:
            out.unreadable[(folder, source)] = exc.strerror or str(exc)
        return
    if real is not file and not real.is_relative_to(root):
        skipped.append(
            IndexWarning(source, 1, f"link to {_shown(str(real))}, outside the article folder; skipped")
        )
    elif not stat.S_ISREG(mode):
        skipped.append(IndexWarning(source, 1, f"not a regular file ({_kind(mode)}); skipped"))
    else:
        out.files.append(_File(folder, source, real, root))


def _kind(mode: int) -> str:
    kinds = [
        (stat.S_ISFIFO, "a FIFO"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
    ]
    kinds += [(stat.S_ISSOCK, "a socket"), (stat.S_ISDIR, "a folder")]
    return next((name for test, name in kinds if test(mode)), "a special file")


def read_regular_file(path: Path, *, root: Path | None = None) -> bytes:
    """The bytes of the regular file at ``path`` inside the folder ``root`` (by default its own
    folder), never more than it holds when opened.

    Opened from ``root`` one name at a time, following no link below ``root`` (a folder
    swapped for a link after ``root`` was walked cannot lead out of it), and without
    blocking (nor can a FIFO swapped in stall the run); checked to be a regular file, and
    read up to the size the file system reports: a pseudo-file (``/proc``) reports none.
    Raises :class:`OSError` otherwise.
    """
    fd = _open_below(path.parent if root is None else root, path)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise OSError(0, f"not a regular file ({_kind(info.st_mode)})")
        chunks: list[bytes] = []
        left = info.st_size
        while left > 0:
            chunk = os.read(fd, min(left, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
        return b"".join(chunks)
    finally:
        os.close(fd)


def _open_below(root: Path, path: Path) -> int:
    """A descriptor of ``path`` opened for reading from ``root`` one name at a time, through no link."""
    names = path.relative_to(root).parts
    if not names or ".." in names:
        raise ValueError(f"{path} is not a file below {root}")
    if not _OPENAT:
        raise OSError(errno.ENOTSUP, "this platform cannot open a file from a folder (openat)")
    # The folder the user named may itself be reached through a link: only what lies below it is ours.
    folder = os.open(root, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
    try:
        for name in names[:-1]:
            try:
                below = os.open(name, _BELOW | os.O_DIRECTORY, dir_fd=folder)
            except OSError as exc:
                # Linux says ENOTDIR of a link opened with O_DIRECTORY | O_NOFOLLOW, macOS ELOOP.
                if exc.errno not in (errno.ELOOP, errno.ENOTDIR):
                    raise
                raise OSError(
                    exc.errno, f"{name} is now a link or a file, not a folder; not followed"
                ) from exc
            os.close(folder)
            folder = below
        try:
            return os.open(names[-1], _BELOW, dir_fd=folder)
        except OSError as exc:
            if exc.errno != errno.ELOOP:
                raise
            raise OSError(exc.errno, "it is a link; not followed") from exc
    finally:
        os.close(folder)


def _is_article_name(file: Path) -> bool:
    # README files are guides, not articles.
    return file.suffix.lower() in ARTICLE_SUFFIXES and file.stem.lower() != "readme"


def open_database(path: Path) -> Database:
    """Open an index for writing, applying any pending migrations.

    Its connection may be used by another thread (one at a time): a build fills the
    full-text index in one while it computes the posting lists.
    """
    db = Database(sqlite3.connect(path, check_same_thread=False))
    migrations.apply(db)
    return db


@dataclass
class _Parsed:
    """One file's parse: its article's id and rows, or the error that keeps it out.

    Only what the run needs: the parsed records themselves would be pickled back from
    the worker and held until the index is written, as well as their rows.
    """

    id: str = ""
    has_front_matter: bool = True
    rows: ArticleRows | None = None
    error: ArticleError | None = None


# One changed file to parse: its bytes, its path in its folder, the folder, the folder's URL template.
_Job = tuple[bytes, str, str, str | None]


def _parse_file(job: _Job) -> _Parsed:
    """Parse one article and turn it into rows: pure, so it runs in a worker process."""
    data, source, folder, url_template = job
    with _collector_paused():
        try:
            article = parse_article(data, source, url_template=url_template)
            if not any(p.steps for p in article.problems):
                raise ArticleError(source, 1, "no problem with resolution steps")
        except ArticleError as exc:
            return _Parsed(error=exc)
        return _Parsed(article.id, article.has_front_matter, article_rows(article, folder))


@contextmanager
def _collector_paused() -> Iterator[None]:
    """No garbage collection while one article is parsed, in the main thread.

    A parse builds a tree that lives until its rows are made, so every collection during
    it scans the whole tree again only to find it alive, and the longer the article, the
    more often: a third of the CPU of an article of the generated 10,000-problem knowledge
    base, half at 3,000 problems in one article. Its garbage (a few MB at most, the
    tree's cycles) is collected after it. Only in the main thread: in a server, a reindex
    parses in a worker thread while requests, whose garbage must still be collected, are
    answered.
    """
    if threading.current_thread() is not threading.main_thread() or not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def _start_worker(parent: int) -> None:
    # No collector settings of the worker's own: each parse pauses the collector, and a
    # gc.freeze() with a tenfold threshold measured no faster on top of that.
    # A killed `kb index` leaves no workers waiting forever for files to parse.
    end_with_parent(parent, partial(os._exit, 1))


def _parse_all(jobs: list[_Job], progress: Callable[[str], None]) -> Generator[_Parsed, None, None]:
    """Parse ``jobs`` in order, in worker processes when there are enough to be worth it.

    ``jobs`` is emptied: each file's bytes are let go once it is parsed.
    """
    sources = [job[1] for job in jobs]
    workers = min(os.cpu_count() or 1, MAX_WORKERS)
    if len(jobs) < PARALLEL_FROM or workers < 2:
        pending = deque(jobs)
        jobs.clear()
        for source in sources:
            progress(source)
            yield _parse_file(pending.popleft())
        return
    # fork where the platform has it: workers start at once with the parser already imported.
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    with ProcessPoolExecutor(
        workers, mp_context=context, initializer=_start_worker, initargs=(os.getpid(),)
    ) as pool:
        try:
            # The pool holds each chunk of jobs until it is parsed.
            results = pool.map(_parse_file, jobs, chunksize=16)
            jobs.clear()
            for source, parsed in zip(sources, results, strict=True):
                progress(source)
                yield parsed
        finally:
            # A run that stops early (an error while writing) does not wait for the rest to be parsed.
            pool.shutdown(cancel_futures=True)


def build_index(
    paths: Iterable[Path],
    db_path: Path,
    *,
    progress: Progress | None = None,
    parsing: Callable[[int, int], None] | None = None,
    allow_empty: bool = False,
) -> BuildReport:
    """Bring the index at ``db_path`` up to date with the articles under ``paths``.

    Files whose content hash is unchanged are kept as indexed; the others are parsed
    (in parallel when there are many) and written into a copy that replaces the index.
    ``progress(n, total, source)`` is called before each file is read, and
    ``parsing(n, total)`` as each changed file has been parsed. Unless ``allow_empty``,
    a folder with no article file whose articles the index holds, or a run that has
    nothing to index at all (no article file, or none that parses, and none skipped for
    being a link out or a FIFO) for an index that has articles, raises
    :class:`EmptyFolderError` and changes nothing.
    """
    started = time.perf_counter()
    report = BuildReport()
    paths = list(paths)
    walked = find_articles(paths)
    files, report.warnings = walked.files, list(walked.skipped)
    _refuse_foreign(db_path)
    known = _indexed_hashes(db_path)
    # Articles are known by the folder as it was spelled; one spelled another way ("kb" and
    # "/srv/kb") is the same folder.
    real = _real_folders(known)
    # What could not be read this time (a folder that cannot be listed, a file that cannot be
    # reached) stays as it was indexed, as an article whose edit is broken does.
    unlisted = [(_real(folder), prefix) for folder, prefix in walked.unlisted]
    unread = {
        key
        for key in known
        if any(real[key[0]] == folder and key[1].startswith(prefix) for folder, prefix in unlisted)
    }
    if not allow_empty:
        _refuse_emptying(paths, files, [key for key in known if key not in unread], real, db_path)
    report.removed_temporaries = remove_stale_temporaries(db_path)
    folders = {file.folder for file in files}
    by_path = _url_templates({Path(folder) for folder in folders}, report)
    templates = {folder: by_path[Path(folder)] for folder in folders}
    keep: set[tuple[str, str]] = set()
    # (file, article id, rows) of the articles that an unchanged file later in the run may
    # still take the id of; every other article is written as soon as it is parsed.
    fresh: list[tuple[_File, str, ArticleRows]] = []
    seen_ids: dict[str, str] = {}

    def keep_unread(key: tuple[str, str]) -> None:
        keep.add(key)
        seen_ids[known[key][0]] = key[1]
        report.unchanged += 1

    by_real = {(real[key[0]], key[1]): key for key in known}

    def cannot_read(folder: str, source: str, reason: str) -> None:
        kept = by_real.get((_real(folder), source))
        if kept:
            keep_unread(kept)
        outcome = "kept the previously indexed version" if kept else "skipped"
        report.warnings.append(IndexWarning(source, 1, f"cannot read file: {reason}; {outcome}"))

    for key in unread:
        keep_unread(key)
    for (folder, source), reason in walked.unreadable.items():
        cannot_read(folder, source, reason)
    contents: list[bytes | None] = []
    for n, file in enumerate(files, start=1):
        if progress:
            progress(n, len(files), file.source)
        try:
            contents.append(read_regular_file(file.path, root=file.root))
        except FileNotFoundError:
            contents.append(None)
            report.warnings.append(IndexWarning(file.source, 1, "file disappeared while indexing; skipped"))
        except OSError as exc:
            # Unreadable for now (permissions, a network error): like a broken edit, it must not
            # take a working article out.
            contents.append(None)
            cannot_read(file.folder, file.source, exc.strerror or str(exc))
    changed = [
        i
        for i, (file, data) in enumerate(zip(files, contents, strict=True))
        if data is not None
        and known.get((file.folder, file.source), ("", ""))[1]
        != content_hash(data, templates[file.folder] or "")
    ]
    done = [0]

    def parsed_one(source: str) -> None:
        done[0] += 1
        if parsing:
            parsing(done[0], len(changed))

    jobs = [
        (contents[i] or b"", files[i].source, files[i].folder, templates[files[i].folder]) for i in changed
    ]
    readable = [data is not None for data in contents]
    del contents  # the bytes of the files to parse are in ``jobs`` alone, let go as they are parsed
    waiting = set(changed)
    # The ids of the files kept as indexed: an article parsed now that takes one may be refused.
    unchanged_ids = {
        known[(file.folder, file.source)][0]
        for i, (file, ok) in enumerate(zip(files, readable, strict=True))
        if ok and i not in waiting
    }

    def refuse(file: _File, source: str, line: int, message: str) -> None:
        """Warn that ``file``'s new reading is not indexed, and keep its indexed version if its
        id is still free: a broken or clashing edit must not take a working article out."""
        old = known.get((file.folder, file.source))
        if old is not None and old[0] not in seen_ids:
            report.warnings.append(
                IndexWarning(source, line, message + "; kept the previously indexed version")
            )
            keep.add((file.folder, file.source))
            seen_ids[old[0]] = file.source
        else:
            report.warnings.append(IndexWarning(source, line, message + "; not indexed"))

    # Many files to parse: their full text is indexed in one pass after they are written.
    writer = _Writer(db_path, bulk=len(changed) * 2 >= len(files))
    written: set[tuple[str, str]] = set()
    results = _parse_all(jobs, parsed_one)
    try:
        for n, (file, ok) in enumerate(zip(files, readable, strict=True)):
            if not ok:
                continue
            key = (file.folder, file.source)
            old = known.get(key)
            if n not in waiting:
                assert old is not None
                keep.add(key)
                report.unchanged += 1
                # An indexed article keeps its id: a new or changed file earlier in this run
                # that claimed it is refused, as it would have been had it come later.
                for rival, article_id, rows in [item for item in fresh if item[1] == old[0]]:
                    fresh.remove((rival, article_id, rows))
                    report.parsed -= 1
                    refuse(rival, rival.source, 1, f"article id {old[0]!r} already used by {file.source}")
                seen_ids[old[0]] = file.source
                continue
            result = next(results)
            if result.error is not None or result.rows is None:
                error = result.error or ArticleError(file.source, 1, "could not be parsed")
                refuse(file, error.source, error.line, error.message)
                continue
            article_id = result.id
            if article_id in seen_ids:
                refuse(
                    file, file.source, 1, f"article id {article_id!r} already used by {seen_ids[article_id]}"
                )
                continue
            seen_ids[article_id] = file.source
            if not result.has_front_matter:
                message = f"no front matter; indexed as {article_id!r}, the id derived from the file name"
                report.notices.append(IndexWarning(file.source, 1, message))
            if article_id in unchanged_ids:
                fresh.append((file, article_id, result.rows))
            else:
                writer.write(article_id, result.rows, old and old[0])
                written.add(key)
            report.parsed += 1
        for file, article_id, rows in fresh:
            old = known.get((file.folder, file.source))
            writer.write(article_id, rows, old and old[0])
            written.add((file.folder, file.source))
        fresh.clear()
        stale = [article_id for key, (article_id, _) in known.items() if key not in keep]
        report.removed = sum(1 for k in known if k not in keep and k not in written)
        if known and not keep and not written and not walked.skipped and not allow_empty:
            # Nothing of this run is indexable (no file, or none that parses) and no file was
            # skipped for what it is (a link out, a FIFO): a mistyped folder or file must not
            # empty the index either.
            raise EmptyFolderError([str(path) for path in paths], len(known), db_path, report.warnings)
        if written or stale or not db_path.exists():
            writer.finish(stale)
    finally:
        results.close()
        writer.close()
    _count(db_path, report)
    report.seconds = time.perf_counter() - started
    return report


def _refuse_emptying(
    paths: list[Path],
    files: list[_File],
    known: list[tuple[str, str]],
    real: dict[str, str],
    db_path: Path,
) -> None:
    """Raise :class:`EmptyFolderError` when this run would take every article of a folder out of
    the index only because the folder has no article files (``known``: the articles at stake).

    A folder whose article files were all skipped with a warning (links out of it, FIFOs) is
    not empty: the warnings say why its articles go.
    """
    if not known:
        return
    found = {_real(file.folder) for file in files}
    indexed = Counter(real[folder] for folder, _ in known)
    emptied: dict[str, int] = {}
    for path in paths:
        folder = _real(path)
        if path.is_dir() and indexed[folder] and folder not in found and not _names_articles(path):
            emptied[str(path)] = indexed[folder]
    if emptied:
        raise EmptyFolderError(list(emptied), sum(emptied.values()), db_path)


def _real(folder: str | Path) -> str:
    return os.path.realpath(folder)


def _real_folders(known: dict[tuple[str, str], tuple[str, str]]) -> dict[str, str]:
    """The real path of each folder the index names, as seen from here."""
    return {folder: _real(folder) for folder in {folder for folder, _ in known}}


def _names_articles(folder: Path) -> bool:
    """Whether any name under ``folder`` is an article's (whatever it is), following no link to a folder."""
    return any(_is_article_name(Path(name)) for _, _, names in os.walk(folder) for name in names)


def _url_templates(folders: set[Path], report: BuildReport) -> dict[Path, str | None]:
    """Each folder's article URL template (its kb-answer.yml, read as articles are: a regular
    file, never through a link); a file that cannot be used is a warning and gives none."""
    templates: dict[Path, str | None] = {}
    for folder in sorted(folders):
        templates[folder] = None
        path = folder / FOLDER_SETTINGS
        if not os.path.lexists(path):
            continue
        try:
            templates[folder] = folder_url_template(read_regular_file(path))
        except OSError as exc:
            reason = exc.strerror or str(exc)
            report.warnings.append(
                IndexWarning(FOLDER_SETTINGS, 1, f"cannot read it: {reason}; articles get no url")
            )
        except ArticleError as exc:
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


class _Writer:
    """The copy of the index a run writes into, made when the first article is written.

    Articles are written as they come (an article replaces the one with its id), with
    one statement per table for a batch of them; :meth:`finish` removes ``stale``
    articles, rebuilds the posting lists and replaces the index with the copy in one
    rename; :meth:`close` throws an unfinished copy away. The copy is private to the
    run, so it needs no rollback journal and no syncing while it is built: one fsync
    before the rename gives the index as much durability as syncing every commit did.

    With ``bulk``, the full-text index is not kept up to date row by row as its triggers
    do, but built in one pass at the end (same index, less than half the time), and its
    triggers are then put back for the next run.
    """

    def __init__(self, db_path: Path, *, bulk: bool) -> None:
        self.db_path = db_path
        self.bulk = bulk
        self.db: Database | None = None
        self.fd = -1
        self.tmp: Path | None = None
        self.copied = False
        self.ids: set[str] = set()
        self.batch: list[ArticleRows] = []
        self.triggers: list[str] = []

    def _open(self) -> Database:
        self.db_path.parent.mkdir(parents=True, exist_ok=True)
        self.fd, self.tmp = _locked_temporary(self.db_path)
        self.copied = _copy_existing(self.db_path, self.tmp)
        db = self.db = open_database(self.tmp)
        db.conn.execute("pragma journal_mode = off")
        db.conn.execute("pragma synchronous = off")
        db.conn.execute("begin")
        if self.bulk:
            triggers = "select name, sql from sqlite_master where type = 'trigger' and tbl_name = 'problems'"
            for name, sql in db.conn.execute(triggers).fetchall():
                db.conn.execute(f"drop trigger [{name}]")
                self.triggers.append(sql)
        return db

    def write(self, article_id: str, rows: ArticleRows, replaces: str | None) -> None:
        """Write an article in place of the indexed one with its id and of ``replaces`` (its file's
        article when it was indexed last); the rows are let go once written."""
        db = self.db or self._open()
        if self.copied:
            for old in {article_id, replaces or article_id} - self.ids:
                delete_article(db, old)
        self.ids.add(article_id)
        self.batch.append(rows)
        if len(self.batch) >= INSERT_BATCH:
            self._flush()

    def _flush(self) -> None:
        assert self.db is not None
        insert_rows(self.db.conn, self.batch)
        self.batch.clear()

    def finish(self, stale: list[str]) -> None:
        """Remove ``stale`` articles (but those written in their place), then replace the index."""
        db = self.db or self._open()
        for article_id in stale:
            if article_id not in self.ids:
                delete_article(db, article_id)
        self._flush()
        fill = "insert into problems_fts (problems_fts) values ('rebuild')"
        # Filling the full-text index (SQLite) takes about as long as computing the posting
        # lists (numpy), and neither holds the GIL for most of it: the two run side by side.
        rebuild_retrieval(db.conn, meanwhile=partial(db.conn.execute, fill) if self.bulk else None)
        for sql in self.triggers:
            db.execute(sql)
        db.table("kb_meta").upsert({"key": "schema", "value": latest_version()}, pk="key")
        db.conn.execute("commit")
        db.table("problems_fts").optimize()
        db.conn.execute("vacuum")
        db.close()
        self.db = None
        assert self.tmp is not None
        os.fsync(self.fd)
        os.replace(self.tmp, self.db_path)

    def close(self) -> None:
        """Throw the copy away unless :meth:`finish` replaced the index with it; release its lock."""
        if self.db is not None:
            self.db.close()
        if self.tmp is not None:
            self.tmp.unlink(missing_ok=True)
            os.close(self.fd)  # releases the lock


def _temporary_name(db_path: Path) -> re.Pattern[str]:
    """The names of a build's temporaries beside ``db_path``: what mkstemp makes, and SQLite's journals."""
    return re.compile(re.escape(db_path.name) + r"\.[a-z0-9_]{8}\.tmp(?:-journal|-wal|-shm)?")


def _locked_temporary(db_path: Path) -> tuple[int, Path]:
    """A new empty temporary beside ``db_path``, with an exclusive lock held on it for the build.

    The lock tells :func:`remove_stale_temporaries` in another run that this one is in use.
    """
    while True:
        fd, name = tempfile.mkstemp(prefix=db_path.name + ".", suffix=".tmp", dir=db_path.parent)
        fcntl.flock(fd, fcntl.LOCK_EX)
        try:
            # Another run may have taken it for stale between its creation and the lock.
            if os.stat(name).st_ino == os.fstat(fd).st_ino:
                return fd, Path(name)
        except FileNotFoundError:
            pass
        os.close(fd)


def remove_stale_temporaries(db_path: Path) -> list[Path]:
    """Remove what killed builds of ``db_path`` left beside it; the paths removed.

    Only kb-answer's own temporaries (``<index>.<8 characters>.tmp`` and their SQLite
    journals), and only those no running build holds a lock on.
    """
    pattern = _temporary_name(db_path)
    try:
        names = sorted(n for n in os.listdir(db_path.parent) if pattern.fullmatch(n))
    except FileNotFoundError:
        return []
    removed: list[Path] = []
    for name in (n for n in names if n.endswith(".tmp")):
        path = db_path.parent / name
        try:
            fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC)
        except OSError:
            continue
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            continue  # a build in progress
        try:
            for leftover in (path, *(Path(f"{path}{s}") for s in ("-journal", "-wal", "-shm"))):
                if leftover.exists():
                    leftover.unlink()
                    removed.append(leftover)
        finally:
            os.close(fd)
    for name in (n for n in names if not n.endswith(".tmp")):
        journal = db_path.parent / name
        # A journal whose database is gone belongs to no build.
        if journal.exists() and not (db_path.parent / name.rsplit("-", 1)[0]).exists():
            journal.unlink()
            removed.append(journal)
    return removed


def _copy_existing(db_path: Path, tmp: Path) -> bool:
    """Start from the current index when it is ours and current (True); otherwise from nothing.

    ``tmp`` is an empty file, and stays the same file (its lock is on it).
    """
    if not db_path.exists():
        return False
    try:
        source = sqlite3.connect(sqlite_uri(db_path, "ro"), uri=True)
        if schema_version(Database(source)) != latest_version():
            source.close()
            return False
        target = sqlite3.connect(tmp)
        with target:
            source.backup(target)
        source.close()
        target.close()
    except sqlite3.DatabaseError:
        os.truncate(tmp, 0)
        return False
    return True


def _refuse_foreign(db_path: Path) -> None:
    """Raise :class:`ForeignFileError` when ``db_path`` is a file kb-answer did not build.

    An SQLite file that cannot be read is taken for a damaged index, which rebuilding
    mends (what the message for a damaged index advises); a readable database with
    tables but without kb-answer's schema, a file that is not SQLite at all and anything
    but a regular file (a device, a FIFO) are someone else's and are never replaced.
    """
    if not db_path.exists():
        return
    if not stat.S_ISREG(os.stat(db_path).st_mode):
        raise ForeignFileError(f"{db_path} is not a regular file; it is not replaced: choose another --db")
    with open(db_path, "rb") as file:
        head = file.read(len(SQLITE_HEADER))
    # A damaged or cut-off index still starts as SQLite files do (or is empty); any other file
    # (notes, an article, a password file named by mistake) is someone else's.
    if not SQLITE_HEADER.startswith(head):
        raise ForeignFileError(
            f"{db_path} is not an SQLite file; it is not replaced: remove it or choose another --db"
        )
    try:
        db = Database(sqlite3.connect(sqlite_uri(db_path, "ro"), uri=True))
        foreign = bool(db.table_names()) and not schema_version(db)
        db.close()
    except sqlite3.DatabaseError:
        return
    if foreign:
        raise ForeignFileError(
            f"{db_path} is an SQLite database without kb-answer's schema; "
            "it is not replaced: remove it or choose another --db"
        )


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
