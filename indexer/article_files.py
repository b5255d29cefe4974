"""Which files under the configured article folders are articles, and reading them.

Nothing outside those folders is ever read: folders are walked without following links
to folders, a link to a file is taken only when its target lies in the same folder, and
each file is opened from its folder one name at a time, through no link, so that a
folder swapped for a link after the walk cannot lead out either.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from indexer.errors import MissingFolderError
from indexer.parse import ARTICLE_SUFFIXES, MAX_ARTICLE_BYTES
from indexer.records import IndexWarning

# Article files are opened one folder at a time from the configured folder (openat), so that
# no link below it can be followed when they are read; without dir_fd that cannot be done.
_OPENAT = os.open in os.supports_dir_fd
_BELOW = os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC
# How deep below a configured folder articles are looked for. os.walk recurses once per level
# (Python 3.11): a chain of ~1,000 nested folders raised RecursionError out of the whole run.
MAX_FOLDER_DEPTH = 64
# A file listed, then gone before it was read (an editor's save, a sync).
DISAPPEARED = "file disappeared while indexing; skipped"


@dataclass
class ArticleFile:
    """An article file found in a configured folder, and where to read it from."""

    folder: str
    source: str
    # The file to read: a regular file inside ``root`` (a link's target, resolved).
    path: Path
    # The folder ``path`` is read from, following no link below it (``folder``, resolved).
    root: Path


@dataclass
class Found:
    """What walking the article folders found."""

    files: list[ArticleFile] = field(default_factory=list)
    # A warning for each file or folder skipped.
    skipped: list[IndexWarning] = field(default_factory=list)
    # A warning for each file named itself that is no article (notes.rst, a README): unlike a file
    # skipped for what it is (a link out), it says nothing of the articles indexed before.
    not_articles: list[IndexWarning] = field(default_factory=list)
    # (configured folder, path prefix of sources) of each folder that could not be listed.
    unlisted: list[tuple[str, str]] = field(default_factory=list)
    # (configured folder, source) of each file that could not be read, and why.
    unreadable: dict[tuple[str, str], str] = field(default_factory=dict)


def find_articles(paths: Iterable[Path]) -> Found:
    """Every article file under ``paths``, and a warning for each one that is skipped.

    Folders are walked without following links to folders; README files are guides,
    not articles, and hidden files and folders (``.github/``, an editor's ``.#notes.md``,
    macOS's ``._notes.md``) are no one's articles. A path inside another one named, which
    walking that one reads, is not read twice. A file named itself must have an article's
    suffix. Only regular files that really live under the folder are taken: a
    link is followed when its target is a regular file inside the same folder, and a
    link that leaves it, a link loop, a FIFO, a device, a socket or a name that is not
    UTF-8 (the index cannot store it) is skipped with a warning. A folder that cannot
    be listed (no permission, a stale network mount) is a warning and is named in
    ``unlisted``; a file that cannot be reached is named in ``unreadable``. A path that
    does not exist, a link to nothing included, raises MissingFolderError.
    """
    out = Found()
    given = list(paths)
    for path in given:
        _require(path)
    # unlike Path.resolve, no error on a link loop
    reals = [os.path.realpath(path) for path in given]
    folders = {real for path, real in zip(given, reals, strict=True) if path.is_dir()}
    # The same folder or file named twice ("kb" and "./kb/"), or a folder and one inside it, is
    # read once: twice, each of its articles was a duplicate of itself.
    named: set[str] = set()
    for path, real in zip(given, reals, strict=True):
        if real in named or any(walked_from(real, folder) for folder in folders):
            continue
        named.add(real)
        if not _is_utf8(str(path)):
            out.skipped.append(_bad_name(str(path), ""))
        elif path.is_dir():
            root = path.resolve()
            candidates: list[Path] = []

            def cannot_list(error: OSError, root: Path = root, configured: str = str(path)) -> None:
                where = Path(error.filename).relative_to(root).as_posix() if error.filename else "."
                prefix = "" if where == "." else where + "/"
                out.unlisted.append((configured, prefix))
                message = f"cannot list this folder: {error.strerror}; the articles indexed from it are kept"
                out.skipped.append(IndexWarning(_shown(prefix or "./"), 1, message, configured))

            for folder, dirs, names in _walk(root, onerror=cannot_list):
                if dirs and len(Path(folder).relative_to(root).parts) >= MAX_FOLDER_DEPTH:
                    source = _shown(Path(folder).relative_to(root).as_posix() + "/")
                    message = f"folders nested more than {MAX_FOLDER_DEPTH} levels deep; the ones in it are not read"
                    out.skipped.append(IndexWarning(source, 1, message, str(path)))
                    dirs.clear()
                for name in dirs:
                    if _is_link(Path(folder) / name):
                        source = _shown((Path(folder) / name).relative_to(root).as_posix())
                        out.skipped.append(
                            IndexWarning(source, 1, "link to a folder; not followed", str(path))
                        )
                candidates += [Path(folder) / name for name in names]
            for file in sorted(candidates):
                if is_article_name(file):
                    source = file.relative_to(root).as_posix()
                    _take(file, root, str(path), source, out, walked=True)
        elif not is_article_name(path):
            message = f"not an article file (named {', '.join(ARTICLE_SUFFIXES)}, and not a README); skipped"
            out.not_articles.append(IndexWarning(_shown(path.name), 1, message, _shown(str(path.parent))))
        else:
            _take(path, path.parent.resolve(), str(path.parent), path.name, out)
    return out


def _hidden(name: str) -> bool:
    return name.startswith(".")


def _walk(
    root: Path, onerror: Callable[[OSError], None] | None = None
) -> Iterator[tuple[str, list[str], list[str]]]:
    """os.walk over ``root``, following no link to a folder, without hidden folders (not entered)
    and hidden files: what is read for articles."""
    for folder, dirs, names in os.walk(root, onerror=onerror):
        dirs[:] = [name for name in dirs if not _hidden(name)]
        yield folder, dirs, [name for name in names if not _hidden(name)]


def walked_from(real: str, folder: str) -> bool:
    """Whether walking the (resolved) ``folder`` reaches the (resolved) path ``real``, which lies
    below it through no hidden folder: then naming it again would read its articles twice."""
    below = (
        Path(real).relative_to(folder).parts if real != folder and Path(real).is_relative_to(folder) else ()
    )
    return bool(below) and not any(_hidden(part) for part in below)


def _require(path: Path) -> None:
    """Raise MissingFolderError when ``path``, or what it links to, does not exist (an unmounted
    share behind a link is a missing folder, not a file to skip); a link loop is left to warn of."""
    try:
        os.stat(path)
    except FileNotFoundError:
        missing = " (a link to something that does not exist)" if path.is_symlink() else ""
        raise MissingFolderError(f"no such file or folder: {path}{missing}") from None
    except OSError as exc:
        if exc.errno == errno.ENAMETOOLONG:
            raise MissingFolderError(f"no such file or folder: {path} ({exc.strerror})") from None


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


def _bad_name(name: str, folder: str) -> IndexWarning:
    return IndexWarning(_shown(name), 1, "its name is not valid UTF-8; skipped", _shown(folder))


def _take(file: Path, root: Path, folder: str, source: str, out: Found, *, walked: bool = False) -> None:
    """Add ``file`` to ``out.files`` when it is a regular file inside ``root``, else say why not.

    ``walked``: ``file`` was found by walking ``root`` (resolved), which follows no link.
    """
    skipped = out.skipped
    if not _is_utf8(source):
        skipped.append(_bad_name(source, folder))
        return
    try:
        mode = os.lstat(file).st_mode
    except FileNotFoundError:
        # Listed a moment ago: deleted or renamed since, by an editor or a sync.
        skipped.append(IndexWarning(source, 1, DISAPPEARED, folder))
        return
    except OSError as exc:
        out.unreadable[(folder, source)] = exc.strerror or str(exc)
        return
    try:
        # Only a link can lead elsewhere: any other file is where it was found.
        # (os.path.realpath, as Path.resolve turns a link loop into a RuntimeError.)
        real = file if walked and not stat.S_ISLNK(mode) else Path(os.path.realpath(file, strict=True))
        if real is not file:
            mode = os.stat(real).st_mode
    except FileNotFoundError:
        said = "link to a file that does not exist; skipped" if stat.S_ISLNK(mode) else DISAPPEARED
        skipped.append(IndexWarning(source, 1, said, folder))
        return
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            skipped.append(
                IndexWarning(source, 1, "link loop (or too long a chain of links); skipped", folder)
            )
        else:
            out.unreadable[(folder, source)] = exc.strerror or str(exc)
        return
    if real is not file and not real.is_relative_to(root):
        skipped.append(
            IndexWarning(
                source, 1, f"link to {_shown(str(real))}, outside the article folder; skipped", folder
            )
        )
    elif real is not file and not _readable_target(real, root):
        # A link is read only where its target would be read itself: `leak.md -> .git/config`
        # published a checkout's token.
        message = f"link to {_shown(real.relative_to(root).as_posix())}, which is not read as an article (hidden, or not named as one); skipped"
        skipped.append(IndexWarning(source, 1, message, folder))
    elif not stat.S_ISREG(mode):
        skipped.append(IndexWarning(source, 1, f"not a regular file ({_kind(mode)}); skipped", folder))
    else:
        out.files.append(ArticleFile(folder, source, real, root))


def _readable_target(real: Path, root: Path) -> bool:
    """Whether ``real`` (resolved, inside ``root``) is named as an article, through no hidden folder
    but those of a Kubernetes volume (see :func:`_volume_version`)."""
    folders = real.relative_to(root).parts[:-1]
    return (
        is_article_name(real)
        and not _hidden(real.name)
        and not any(_hidden(part) and not _volume_version(part) for part in folders)
    )


def _volume_version(name: str) -> bool:
    """Whether folder ``name`` is a version of a Kubernetes ConfigMap or Secret volume ("..data",
    "..2026_12_04_10_00_00.123"): its files are mounted as links ``faq.md -> ..data/faq.md``,
    so without it an article folder mounted so indexed nothing. Walked, it is still hidden."""
    return name.startswith("..")


def _kind(mode: int) -> str:
    kinds = [
        (stat.S_ISFIFO, "a FIFO"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
    ]
    kinds += [(stat.S_ISSOCK, "a socket"), (stat.S_ISDIR, "a folder")]
    return next((name for test, name in kinds if test(mode)), "a special file")


def read_regular_file(path: Path, *, root: Path | None = None, max_bytes: int = MAX_ARTICLE_BYTES) -> bytes:
    """The bytes of the regular file at ``path`` inside the folder ``root`` (by default its own
    folder), never more than it holds when opened, nor more than ``max_bytes`` + 1.

    Opened from ``root`` one name at a time, following no link below ``root`` (a folder
    swapped for a link after ``root`` was walked cannot lead out of it), and without
    blocking (nor can a FIFO swapped in stall the run); checked to be a regular file, and
    read up to the size the file system reports: a pseudo-file (``/proc``) reports none.
    Of a larger file only the first ``max_bytes`` + 1 bytes are read, enough to refuse it:
    a sparse file of gigabytes that takes no disk space would otherwise fill the memory.
    Raises :class:`OSError` otherwise.
    """
    fd = _open_below(path.parent if root is None else root, path)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise OSError(0, f"not a regular file ({_kind(info.st_mode)})")
        chunks: list[bytes] = []
        left = min(info.st_size, max_bytes + 1)
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


def is_article_name(file: Path) -> bool:
    """Whether ``file`` is named as an article is: an article suffix; README files are guides."""
    return file.suffix.lower() in ARTICLE_SUFFIXES and file.stem.lower() != "readme"


def names_articles(folder: Path) -> bool:
    """Whether any name under ``folder`` is an article's (whatever it is), following no link to a
    folder and, as :func:`find_articles`, none hidden."""
    return any(is_article_name(Path(name)) for _, _, names in _walk(folder) for name in names)
