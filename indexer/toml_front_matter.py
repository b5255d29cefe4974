"""Hugo's TOML front matter: ``+++`` lines around ``key = value`` lines, at the very start.

Read with the standard library's TOML parser; the keys kb-answer reads mean what they
mean in YAML front matter. The article's text keeps its line numbers: the front matter's
lines become blank lines before the Markdown is read.
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from dataclasses import dataclass

from indexer.errors import ArticleError

_FENCE = re.compile(r"\+\+\+[ \t]*")
# Where tomllib says an error is: "… (at line 3, column 7)", counted from the front matter's first line.
_AT_LINE = re.compile(r"\(at line (\d+), column \d+\)")
_AT_END = re.compile(r"\(at end of document\)")


@dataclass
class TomlFrontMatter:
    """The front matter's keys and the article's text with the front matter's lines left blank."""

    meta: dict[str, object]
    text: str
    raw: str

    def key_line(self, key: str) -> int:
        """The line of the file on which ``key`` is given (the last, if twice), else the first line."""
        written = re.compile(rf"[ \t]*(?:{re.escape(key)}|\"{re.escape(key)}\"|'{re.escape(key)}')[ \t]*=")
        lines = [i for i, line in enumerate(self.raw.split("\n"), 2) if written.match(line)]
        return lines[-1] if lines else 1


def is_fence(line: str) -> bool:
    """Whether ``line`` opens or closes TOML front matter (``+++``)."""
    return bool(_FENCE.fullmatch(line))


def closing_fence(lines: list[str], opening: int) -> int | None:
    """The index of the ``+++`` line that closes the front matter opened at ``opening``, or None."""
    return next((i for i in range(opening + 1, len(lines)) if is_fence(lines[i])), None)


def read_toml_front_matter(text: str, source: str) -> TomlFrontMatter | None:
    """The TOML front matter that ``text`` opens with, or None when it opens with none.

    ArticleError at its line when it is never closed or is not TOML.
    """
    if not text.startswith("+++"):
        return None
    lines = text.split("\n")
    if not is_fence(lines[0]):
        return None
    end = closing_fence(lines, 0)
    if end is None:
        raise ArticleError(source, 1, "front matter is never closed: end it with a line of '+++'")
    raw = "\n".join(lines[1:end])
    try:
        meta = tomllib.loads(raw)
    except tomllib.TOMLDecodeError as exc:
        found = _AT_LINE.search(str(exc))
        # Or "(at end of document)": its last line.
        line = int(found.group(1)) + 1 if found else end
        reason = _AT_END.sub("", _AT_LINE.sub("", str(exc))).strip()
        raise ArticleError(source, line, f"front matter is not valid TOML: {reason}") from exc
    except (RecursionError, ValueError) as exc:
        # Arrays nested a thousand deep, a number of more digits than Python reads.
        raise ArticleError(
            source, 1, "front matter is not TOML kb-answer can read (nested too deep, or a number too long)"
        ) from exc
    body = "\n".join([""] * (end + 1) + lines[end + 1 :])
    return TomlFrontMatter({key: _shown(value) for key, value in meta.items()}, body, raw)


def _shown(value: object) -> object:
    """``value`` with its dates and times as written in ISO form: front matter values are only ever text."""
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, list):
        return [_shown(item) for item in value]
    return value
