"""The record schema: what an article becomes once parsed.

These dataclasses are the one definition of an article, its problems and their
steps. The parsers produce them, the store writes them to SQLite and reads them
back, and the API models are built from them.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import PurePath

# The longest product name and tag a query may scope to: an article's may be no longer, or no
# front end could ever ask for it.
MAX_PRODUCT_CHARS = 200
MAX_TAG_CHARS = 100


@dataclass
class Step:
    """One resolution step, in the order the author wrote it.

    ``number`` is the step's position as a reader sees it ("1", "2.3"), ``group``
    the heading or lead-in it sits under ("Step 1: Verify the domain", "Method 2"),
    ``parent`` the ``number`` of the step it is nested in (``None`` at top level).
    """

    ordinal: int
    number: str
    markdown: str
    text: str
    line: int
    group: str | None = None
    parent: str | None = None
    depth: int = 0


@dataclass
class Note:
    """What a fix says besides its steps: a lead-in before them ("Before you start, sign in as
    a local administrator.") or a remark after one of them ("If the jobs are still stuck, delete …").

    ``after`` says whether a step stands above it in the article (it is a remark on that step: a
    fallback, a check, a link) or none does (a prerequisite, a warning); ``group`` is that step's
    group, or the first step's. Front ends place a note by its ``line`` among the steps'.
    """

    markdown: str
    text: str
    line: int
    group: str | None = None
    after: bool = False


@dataclass
class Problem:
    """One problem an article answers: how it shows itself, why, and how to fix it."""

    ordinal: int
    title: str
    line: int
    symptoms: str = ""
    error_messages: list[str] = field(default_factory=list)
    error_codes: list[str] = field(default_factory=list)
    seen_in: str = ""
    cause: str = ""
    steps: list[Step] = field(default_factory=list)
    # The fix's lead-ins and remarks around its steps, in the author's order (also in ``body``).
    notes: list[Note] = field(default_factory=list)
    # Everything else the section says, kept so full-text search can still find it.
    body: str = ""
    # The titles and introductions of the sections it sits in that are no problems ("Supported
    # methods: if your environment does not have pip installed, …" above "ensurepip"): what it
    # is about, as its article's lead is. Read when the article is indexed (its document
    # carries it); not stored on its own.
    context: str = ""
    whole_article: bool = False
    # The title is a heading written as code (a command's or a setting's name), not words.
    title_is_name: bool = False
    # Where each field came from, as source lines: {"title": [9], "error_messages": [14, 18], …}.
    origins: dict[str, list[int]] = field(default_factory=dict)


@dataclass
class Article:
    """A parsed article: its metadata and its problems in the author's order."""

    id: str
    title: str
    source: str
    content_hash: str
    # Where readers can open the original (front matter `url`, or the folder's template).
    url: str | None = None
    product: str = ""
    tags: list[str] = field(default_factory=list)
    description: str = ""
    # The text of its top-level Background, Overview, Summary, Introduction or Context: what
    # its problems are about, where the front matter has no description. Read when the
    # article is indexed (its problems' documents carry it); not stored on its own.
    lead: str = ""
    problems: list[Problem] = field(default_factory=list)
    # What no problem holds (introductions, boilerplate, how-to sections beside a
    # troubleshooting part): still searchable as the article's text.
    body: str = ""
    # How each section was read, in document order, for `kb inspect` and the index summary.
    outline: list[OutlineEntry] = field(default_factory=list)
    # False for a file without front matter, whose id is derived from its path in its folder.
    has_front_matter: bool = True
    # False when its front matter gives no id: it is derived from its path too.
    id_written: bool = True
    # The line of the id its front matter gives (1 when it gives none).
    id_line: int = 1
    # (line, why) of what it says that is left out of the index, the article indexed all the same.
    left_out: list[tuple[int, str]] = field(default_factory=list)

    @property
    def about(self) -> str:
        """What the article says it is about: its description, or else its lead."""
        return self.description or self.lead


@dataclass
class OutlineEntry:
    """One heading of an article and what the indexer made of it."""

    line: int
    level: int
    title: str
    # "problem 2", "problem 2: cause", "boilerplate", "body" …
    use: str


@dataclass
class IndexWarning:
    """A problem with an input file, pointing at the file and line it concerns."""

    source: str
    line: int
    message: str
    # The folder ``source`` is in, as it was named, when a run indexed several: the same
    # name ("vpn.md") in two of them would otherwise be one name.
    folder: str = ""

    def __str__(self) -> str:
        return printable(f"{file_shown(self.folder, self.source)}:{self.line}: {self.message}")


def file_shown(folder: str, source: str) -> str:
    """A file as a warning names it: its path in its folder, behind the folder when there is one."""
    return PurePath(folder, source).as_posix() if folder else source


# Terminal controls (ESC, BEL, the C1 range); not tabs nor line breaks.
_TERMINAL_CONTROLS = re.compile("[\x01-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def without_terminal_controls(text: str) -> str:
    """``text`` with each terminal control a space: no article means one, and `kb show` printing
    them drove the reader's terminal (OSC 52 sets its clipboard). Tabs and line breaks stay."""
    return _TERMINAL_CONTROLS.sub(" ", text)


def printable(text: str) -> str:
    """``text`` with its control characters (line breaks, terminal escapes) written as escapes.

    A file name can hold them, in a warning's file or in its message: printed as is, it could
    forge a line of the report ("warning: all good"). Letters and spaces of any script stay.
    """
    if text.isprintable():
        return text
    return "".join(ch.encode("unicode_escape").decode("ascii") if _unprintable(ch) else ch for ch in text)


def _unprintable(ch: str) -> bool:
    # Control, format and unassigned characters, and line or paragraph separators; not spaces.
    category = unicodedata.category(ch)
    return category[0] == "C" or category in ("Zl", "Zp")


def problem_id(article_id: str, ordinal: int) -> str:
    """The stable id of an article's ``ordinal``-th problem (1-based)."""
    return f"{article_id}#{ordinal}"
