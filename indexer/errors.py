"""The exceptions kb-answer raises. Each front end translates them once, at its edge."""

from __future__ import annotations

from collections.abc import Sequence

from indexer.records import printable


class KbError(Exception):
    """Base class of every error kb-answer reports to a user."""


class ArticleError(KbError):
    """An article file that cannot be indexed; names the file and line."""

    def __init__(self, source: str, line: int, message: str) -> None:
        super().__init__(printable(f"{source}:{line}: {message}"))
        self.source = source
        self.line = line
        self.message = message

    def __reduce__(self) -> tuple[type[ArticleError], tuple[str, int, str]]:
        # Worker processes send parse errors back to the indexer: rebuild from the parts.
        return (ArticleError, (self.source, self.line, self.message))


class IndexMissingError(KbError):
    """No index file where one was expected, or the file is not a kb-answer index."""


class NotFoundError(KbError):
    """No article or problem with the requested id."""


class InvalidQueryError(KbError):
    """A request that cannot be carried out as given (exit code 2, HTTP 4xx): blank text to match,
    a line of a request file that is no request, a FILE that is no article, a server's refusal."""


class IndexDamagedError(IndexMissingError):
    """An index file that exists but cannot be read: damaged, truncated or not SQLite."""

    def __init__(self, path: object, reason: object) -> None:
        super().__init__(
            f"the index file {path} is damaged or unreadable ({reason}); rebuild it with `kb index --rebuild`"
        )


class ForeignFileError(KbError):
    """A file where the index should be that kb-answer did not build: it is never replaced."""


class MissingFolderError(FileNotFoundError):
    """An article folder or file named to a run that does not exist (or a link to nothing: a share
    unmounted behind it). Nothing is indexed and the index is left as it is."""


class EmptyFolderError(KbError):
    """A run that would take a folder's articles, or all articles, out of the index only because
    it found nothing to index there.

    An unmounted share, a folder emptied by mistake or a mistyped path looks the same to
    the indexer as articles deleted on purpose; removing all of them must be asked for.
    """

    def __init__(
        self, folders: list[str], indexed: int, db_path: object, warnings: Sequence[object] = ()
    ) -> None:
        where = (
            f"where the index at {db_path} has {indexed} article{'' if indexed == 1 else 's'}; "
            "the index is left as it is"
            if indexed
            else f"so no index is written at {db_path}"
        )
        super().__init__(
            f"nothing to index found in {', '.join(folders)}, {where} (is a folder unmounted or emptied by mistake?)"
        )
        self.folders = folders
        self.indexed = indexed
        # Why the files that were found could not be indexed.
        self.warnings = list(warnings)

    def advice(self, command: str) -> str:
        """How to write the index all the same, with ``command`` (each front end's way of allowing
        it): taking out the articles the index has, or writing a first index with none."""
        return f"{'to take them out' if self.indexed else 'to write an empty index'}, {command}"


class FolderNotGivenError(EmptyFolderError):
    """A run that would take out every article of folders the index holds but the run does not name.

    ``kb index`` without arguments indexes $KB_ARTICLES (default ``kb/``), and a server's reindex
    its KB_ARTICLES: after ``kb index kb/ mine``, either would have dropped every article of
    ``mine`` without a word. Taking a folder out of the index must be asked for.
    """

    def __init__(self, folders: list[str], indexed: int, db_path: object, given: Sequence[str] = ()) -> None:
        every = ", ".join([*given, *folders])
        KbError.__init__(
            self,
            f"the index at {db_path} has {indexed} article{'' if indexed == 1 else 's'} from "
            f"{', '.join(folders)}, which this run was not given; the index is left as it is "
            f"(to keep them, give every folder the index holds: {every}; or list them in KB_ARTICLES)",
        )
        self.folders = folders
        self.indexed = indexed
        self.warnings = []
