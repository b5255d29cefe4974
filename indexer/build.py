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
from indexer.parse_pool import Parsed, parse_all
from indexer.records import IndexWarning, file_shown
from indexer.schema import is_current
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
    finishing: Callable[[], None] | None = None,
    allow_empty: bool = False,
    waiting: Callable[[], None] | None = None,
    rebuild: bool = False,
) -> BuildReport:
    """Bring the index at ``db_path`` up to date with the articles under ``paths``.

    See :meth:`_Run.run`. An index damaged past what its first reads show (SQLite finds the
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
        return _build_or_rebuild(paths, db_path, progress, parsing, finishing, allow_empty, rebuild)


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
    finishing: Callable[[], None] | None,
    allow_empty: bool,
    rebuild: bool = False,
) -> BuildReport:
    """:meth:`_Run.run` (from the articles alone with ``rebuild``), and again from the articles alone
    when the index proves damaged."""
    # Kept across the second attempt: the first one's removals are no less done.
    removed: list[Path] = []

    def attempt(from_nothing: bool) -> BuildReport:
        run = _Run(
            paths,
            db_path,
            progress=progress,
            parsing=parsing,
            finishing=finishing,
            allow_empty=allow_empty,
            removed=removed,
            from_nothing=from_nothing,
        )
        return run.run()

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


class _Run:
    """One run that brings the index at ``db_path`` up to date with the articles under ``paths``
    (with ``from_nothing``, builds it again from them alone): see :meth:`run`.

    What the index holds is read first (``known``: its key, a file's folder and path, to the
    article's id and content hash); the run then records what it keeps of it (``keep``), the ids
    taken so far and by which file (``seen_ids``), and its warnings and counts (``report``).
    """

    # Set by :meth:`_read_the_index`. ``known``: (folder, source) → (article id, content hash) of
    # the index; ``real``: the real path of each folder, as the index or this run spells it;
    # ``real_folders``: of each folder of this run; ``by_real``: (real path, source) → its key in
    # ``known``; ``by_path`` and ``templates``: each folder's URL template, by path and by name.
    known: dict[tuple[str, str], tuple[str, str]]
    real: dict[str, str]
    real_folders: dict[str, str]
    by_real: dict[tuple[str, str], tuple[str, str]]
    by_path: dict[Path, str | None]
    templates: dict[str, str | None]

    def __init__(
        self,
        paths: list[Path],
        db_path: Path,
        *,
        progress: Progress | None,
        parsing: Callable[[int, int], None] | None,
        finishing: Callable[[], None] | None,
        allow_empty: bool,
        removed: list[Path],
        from_nothing: bool = False,
    ) -> None:
        self.started = time.perf_counter()
        self.paths, self.db_path = paths, db_path
        self.progress, self.parsing, self.finishing = progress, parsing, finishing
        self.allow_empty, self.from_nothing = allow_empty, from_nothing
        # The temporaries of killed runs removed, kept across a second attempt from nothing.
        self.removed_temporaries = removed
        self.report = BuildReport()
        self.walked = find_articles(paths)
        self.files = self.walked.files
        self.report.warnings = [*self.walked.skipped, *self.walked.not_articles]
        # Several folders: warnings name a file's folder too (each has its own "vpn.md").
        named = {file.folder for file in self.files} | {w.folder for w in self.report.warnings if w.folder}
        unreadable = {folder for folder, _ in self.walked.unreadable}
        self.several = len(named | unreadable | {f for f, _ in self.walked.unlisted}) > 1
        self.keep: set[tuple[str, str]] = set()
        # (file, article id, rows, line of its id) of the articles that the file indexed with their id,
        # later in the run, may still take it back from; every other article is written as soon as it is parsed.
        self.fresh: list[tuple[ArticleFile, str, ArticleRows, int]] = []
        self.seen_ids: dict[str, str] = {}
        self.parsed_count = 0
        self.changed: list[int] = []

    def run(self) -> BuildReport:
        """Index the files of ``paths``: those whose content hash is unchanged are kept as indexed;
        the others are parsed (in parallel when there are many) and written into a copy that
        replaces the index.

        ``progress(n, total, source)`` is called as each file is looked at, ``parsing(n, total)``
        as each changed file has been parsed, and ``finishing()`` before the index's search
        structures are built again from what was written (seconds at 100,000 problems); the
        temporaries of killed runs that it removes are added to ``removed``. Unless
        ``allow_empty``, a folder with no article file whose articles the index holds, a folder
        the index holds that ``paths`` do not name, or a run that has nothing to index at all (no
        article file, or none that parses) for an index it would build, or, with none skipped for
        being a link out or a FIFO, for an index that has articles, raises
        :class:`EmptyFolderError` and changes nothing.
        """
        self._read_the_index()
        readable = self._look_for_changes()
        self._write(readable)
        self._named_in_their_folder()
        _count(self.db_path, self.report)
        self.report.seconds = time.perf_counter() - self.started
        return self.report

    # --- before anything is parsed ----------------------------------------------------------

    def _read_the_index(self) -> None:
        """What the index holds, how the folders of this run are spelled in it, and what of it stays
        as it was because it cannot be read now; refuse a run that would empty it (see :meth:`run`)."""
        refuse_foreign(self.db_path)
        # Read from the current index however the run builds: its folders and articles are what a run
        # that leaves some out, or finds them empty, is refused for, a rebuild from nothing too.
        self.known, last, recorded = _indexed(self.db_path)
        given = _given(self.paths)
        # Articles are known by the folder as it was spelled; one spelled another way ("kb" and
        # "/srv/kb") is the same folder.
        self.real = _real_folders(self.known, recorded, given)
        # What could not be read this time (a folder that cannot be listed, a file that cannot be
        # reached) stays as it was indexed, as an article whose edit is broken does.
        unlisted = [(_real(folder), prefix) for folder, prefix in self.walked.unlisted]
        unread = {
            key
            for key in self.known
            if any(self.real[key[0]] == folder and key[1].startswith(prefix) for folder, prefix in unlisted)
        }
        if not self.allow_empty:
            kept = [key for key in self.known if key not in unread]
            _refuse_emptying(self.paths, given, self.files, kept, self.real, self.db_path)
        self.removed_temporaries.extend(remove_stale_temporaries(self.db_path))
        self.report.removed_temporaries = self.removed_temporaries
        folders = {file.folder for file in self.files}
        self.by_path = _url_templates({Path(folder) for folder in folders}, self.report, last)
        self.templates = {folder: self.by_path[Path(folder)] for folder in folders}
        self.by_real = {(self.real[key[0]], key[1]): key for key in self.known}
        self.real_folders = {
            folder: _real(folder) for folder in folders | {folder for folder, _ in self.walked.unreadable}
        }
        for key in [] if self.from_nothing else unread:
            self._keep_unread(key)
        for (folder, source), reason in self.walked.unreadable.items():
            self._cannot_read(folder, source, reason)

    def _look_for_changes(self) -> list[bool]:
        """Which files to parse (``changed``, by their place in ``files``): those new to the index,
        and those whose content hash changed; and whether each file could be read. The bytes are not
        kept: they are read again to be parsed, one file after another."""
        readable: list[bool] = []
        for n, file in enumerate(self.files, start=1):
            if self.progress:
                self.progress(n, len(self.files), file.source)
            found = self._indexed_key(file.folder, file.source)
            indexed = self.known[found] if found else None
            readable.append(True)
            if indexed is None or self.from_nothing:
                self.changed.append(n - 1)
                continue
            try:
                data = read_regular_file(file.path, root=file.root)
            except OSError as exc:
                readable[-1] = False
                self._cannot_read_now(file, exc)
                continue
            if indexed[1] != content_hash(data, self.templates[file.folder] or ""):
                self.changed.append(n - 1)
        return readable

    # --- parsing and writing ------------------------------------------------------------------

    def _write(self, readable: list[bool]) -> None:
        """Parse the changed files and write the index's copy: each article as it comes, unless a
        file later in the run may take its id back; then replace the index with it."""
        jobs = [(self.files[i], self.templates[self.files[i].folder]) for i in self.changed]
        waiting = set(self.changed)
        # The file of this run that each indexed id belongs to: an article parsed now that takes
        # another file's id is held back until that file's turn, which keeps it if it still claims it.
        holders = {
            self.known[found][0]: (file.folder, file.source)
            for file, ok in zip(self.files, readable, strict=True)
            if ok and (found := self._indexed_key(file.folder, file.source)) is not None
        }
        # Many files to parse: their full text is indexed in one pass after they are written.
        bulk = len(self.changed) * 2 >= len(self.files)
        writer = IndexWriter(self.db_path, bulk=bulk, from_nothing=self.from_nothing)
        written: set[tuple[str, str]] = set()
        results = parse_all(jobs, self._parsed_one)
        try:
            for n, (file, ok) in enumerate(zip(self.files, readable, strict=True)):
                if not ok:
                    continue
                if n not in waiting:
                    self._unchanged(file)
                    continue
                result = self._accepted(file, next(results))
                if result is None or result.rows is None:
                    continue
                key = (file.folder, file.source)
                if holders.get(result.id, key) != key:
                    self.fresh.append((file, result.id, result.rows, result.id_line))
                else:
                    old = self.known.get(key)
                    writer.write(result.id, result.rows, old and old[0])
                    written.add(key)
                self.report.parsed += 1
            for file, article_id, rows, _ in self.fresh:
                old = self.known.get((file.folder, file.source))
                writer.write(article_id, rows, old and old[0])
                written.add((file.folder, file.source))
            self.fresh.clear()
            self._finish(writer, written)
        finally:
            results.close()
            writer.close()

    def _unchanged(self, file: ArticleFile) -> None:
        """Keep an unchanged file's article under the key the index knows it by, however its folder
        is spelled now; it takes its id back from any file earlier in the run."""
        key = self._indexed_key(file.folder, file.source) or (file.folder, file.source)
        article_id = self.known[key][0]
        self.keep.add(key)
        self.report.unchanged += 1
        self._take_back(article_id, file)
        self.seen_ids[article_id] = self._shown(file.folder, file.source)

    def _accepted(self, file: ArticleFile, result: Parsed) -> Parsed | None:
        """``result``, the parse of a changed ``file``, when its article can be indexed; else None,
        with the warning that says why (and its indexed version kept, where it has one)."""
        # An indexed article keeps its id when its file still claims it, or keeps its
        # indexed version (an edit that cannot be read or parsed).
        held = self._indexed_key(file.folder, file.source)
        if held is not None and (result.id == self.known[held][0] or result.rows is None):
            self._take_back(self.known[held][0], file)
        if result.unread is not None:
            self._cannot_read_now(file, result.unread)
            return None
        if result.error is not None or result.rows is None:
            error = result.error or ArticleError(file.source, 1, "could not be parsed")
            self._refuse(file, error.source, error.line, error.message)
            return None
        if result.id in self.seen_ids:
            # An id derived from the path (two names that differ in case, spaces or where the "/"
            # is) is one an author never chose: say how to give the article one of its own.
            fix = (
                "" if result.id_written else "; give one of them an id of its own in its front matter (id: …)"
            )
            used = f"article id {result.id!r} already used by {self.seen_ids[result.id]}{fix}"
            self._refuse(file, file.source, result.id_line, used)
            return None
        self.seen_ids[result.id] = self._shown(file.folder, file.source)
        self.report.warnings.extend(
            IndexWarning(file.source, line, why, file.folder) for line, why in result.left_out
        )
        if not result.has_front_matter or not result.id_written:
            missing = "no front matter" if not result.has_front_matter else "no id in its front matter"
            message = f"{missing}; indexed as {result.id!r}, the id derived from its path in its folder"
            self.report.notices.append(IndexWarning(file.source, 1, message, file.folder))
        return result

    def _finish(self, writer: IndexWriter, written: set[tuple[str, str]]) -> None:
        """Take out of the index what this run did not keep or write, and replace the index with its
        copy; or refuse a run with nothing to index (see :meth:`run`)."""
        known, keep = self.known, self.keep
        stale = [article_id for key, (article_id, _) in known.items() if key not in keep]
        # Articles gone from the index: not those written again under their folder spelled another way.
        self.report.removed = sum(
            1 for k in known if k not in keep and k not in written and known[k][0] not in self.seen_ids
        )
        first = not self.db_path.exists()
        if (
            (first or (known and not self.walked.skipped))
            and not keep
            and not written
            and not self.allow_empty
        ):
            # Nothing of this run is indexable (no file, or none that parses): a mistyped folder
            # or file must not empty the index, nor build an empty one that a server would call
            # ready (an unmounted share at a replica's first start; a folder of links out of it).
            # An index whose files were all skipped for what they are (a link out, a FIFO) is
            # emptied: the warnings say why its articles go.
            self._named_in_their_folder()
            raise EmptyFolderError(
                [str(path) for path in self.paths], len(known), self.db_path, self.report.warnings
            )
        if written or stale or first or self.from_nothing:
            if self.finishing:
                self.finishing()
            spelled = {**{key[0]: self.real[key[0]] for key in keep}, **self.real_folders}
            writer.finish(
                stale,
                {
                    **{_TEMPLATE_KEY + _real(f): t or "" for f, t in self.by_path.items()},
                    **{_FOLDER_KEY + folder: path for folder, path in spelled.items()},
                },
            )

    # --- what a file is to the index, and what the run says of it --------------------------------

    def _shown(self, folder: str, source: str) -> str:
        return file_shown(folder if self.several else "", source)

    def _named_in_their_folder(self) -> None:
        # One folder: a file's path in it says where it is; the folder itself ("./") is named.
        if not self.several:
            for warning in (*self.report.warnings, *self.report.notices):
                if warning.source != "./":
                    warning.folder = ""

    def _indexed_key(self, folder: str, source: str) -> tuple[str, str] | None:
        """The index's key of a file, its folder spelled as in this run or another way ("kb", "/srv/kb")."""
        key = (folder, source)
        return key if key in self.known else self.by_real.get((self.real_folders[folder], source))

    def _keep_unread(self, key: tuple[str, str]) -> None:
        self.keep.add(key)
        self.seen_ids[self.known[key][0]] = self._shown(*key)
        self.report.unchanged += 1

    def _cannot_read(self, folder: str, source: str, reason: str) -> None:
        # Built from nothing, there is no indexed version to keep.
        kept = None if self.from_nothing else self._indexed_key(folder, source)
        if kept:
            self._keep_unread(kept)
        outcome = "kept the previously indexed version" if kept else "skipped"
        self.report.warnings.append(IndexWarning(source, 1, f"cannot read file: {reason}; {outcome}", folder))

    def _cannot_read_now(self, file: ArticleFile, exc: OSError) -> None:
        if isinstance(exc, FileNotFoundError):
            self.report.warnings.append(IndexWarning(file.source, 1, DISAPPEARED, file.folder))
        else:
            # Unreadable for now (permissions, a network error): like a broken edit, it must not
            # take a working article out.
            self._cannot_read(file.folder, file.source, exc.strerror or str(exc))

    def _parsed_one(self, source: str) -> None:
        self.parsed_count += 1
        if self.parsing:
            self.parsing(self.parsed_count, len(self.changed))

    def _refuse(self, file: ArticleFile, source: str, line: int, message: str) -> None:
        """Warn that ``file``'s new reading is not indexed, and keep its indexed version if its
        id is still free: a broken or clashing edit must not take a working article out."""
        key = None if self.from_nothing else self._indexed_key(file.folder, file.source)
        if key is not None and self.known[key][0] not in self.seen_ids:
            self.report.warnings.append(
                IndexWarning(source, line, message + "; kept the previously indexed version", file.folder)
            )
            self.keep.add(key)
            self.seen_ids[self.known[key][0]] = self._shown(file.folder, file.source)
        else:
            self.report.warnings.append(IndexWarning(source, line, message + "; not indexed", file.folder))

    def _take_back(self, article_id: str, file: ArticleFile) -> None:
        """``file``, indexed as ``article_id``, claims it again: a file earlier in this run that
        took it is refused, as it would have been had it come later."""
        for item in [item for item in self.fresh if item[1] == article_id]:
            self.fresh.remove(item)
            self.report.parsed -= 1
            self.seen_ids.pop(article_id, None)
            user = self._shown(file.folder, file.source)
            rival, _, _, line = item
            self._refuse(rival, rival.source, line, f"article id {article_id!r} already used by {user}")


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
    schema, or whose search terms were made another way, holds no articles to keep, only its
    templates."""
    if not db_path.exists():
        return {}, {}, {}
    try:
        db = Database(db_path)
        templates = {key: value or None for key, value in _meta(db, _TEMPLATE_KEY).items()}
        if not is_current(db):
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
