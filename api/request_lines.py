"""Files of requests, one JSON value a line: ``kb match --batch``, ``kb eval``'s labelled queries
and the MCP messages of ``kb mcp``; read line by line, each bounded, and their bad lines told.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from typing import IO, Any, AnyStr

from api.query import MAX_SCAN_CHARS
from indexer.errors import InvalidQueryError

# The longest line of JSON read as one request (a `kb match --batch` line, an MCP message), in
# characters or bytes: a paste of MAX_SCAN_CHARS with every character escaped as \uXXXX (6 bytes;
# raw UTF-8 takes at most 4) and its envelope. A longer line is refused, not read into memory.
MAX_REQUEST_LINE = 8 * MAX_SCAN_CHARS


def request_lines(stream: IO[AnyStr]) -> Iterator[tuple[int, AnyStr]]:
    """(number, line) of each line of ``stream`` (a file of requests, text or bytes), without the
    byte-order mark Windows editors put before the first (JSON parsers refuse it);
    InvalidQueryError at a line too long to be one (``/dev/zero`` would otherwise be read for ever)."""
    number = 0
    while line := stream.readline(MAX_REQUEST_LINE + 1):
        number += 1
        if number == 1:
            line = line.removeprefix(b"\xef\xbb\xbf" if isinstance(line, bytes) else "\ufeff")
        if len(line) > MAX_REQUEST_LINE:
            raise InvalidQueryError(
                f"{stream.name}:{number}: longer than {MAX_REQUEST_LINE} characters; nothing was answered"
            )
        yield number, line


def json_line(line: str) -> Any:
    """The JSON value of one line of a request file (decoded already: the only other ValueError
    json.loads raises is then the digit limit); ValueError saying, in words, why it has none."""
    try:
        return json.loads(line)
    except RecursionError:
        raise ValueError("not JSON: nested too deeply to read") from None
    except json.JSONDecodeError as exc:
        raise ValueError(f"not JSON: {exc}") from None
    except ValueError:
        # Python's own limit on the digits of an integer it converts (CVE-2020-10735).
        raise ValueError("not JSON that can be read: a number of more than 4,300 digits") from None


def is_line_id(value: Any) -> bool:
    """Whether ``value`` can be the "id" of a line of a request file: a string or an integer, by
    which its answer is joined back to it (not null, an object, true, nor a float: NaN and 1e400
    cannot be written back as JSON).

    It is also the JSON-RPC id that the MCP server answers: a client's other ids (1.5, NaN, a
    list) are the server's to refuse, and it answers none of them (see :mod:`api.mcp_stdio`)."""
    return isinstance(value, str | int) and not isinstance(value, bool)


def bad_lines_message(bad_lines: list[str], outcome: str) -> str:
    """The first 20 of a request file's ``bad_lines`` (each saying what is wrong with its line), one
    per line, then how many more and ``outcome``."""
    more = [f"... and {len(bad_lines) - 20} more"] if len(bad_lines) > 20 else []
    return "\n".join([*bad_lines[:20], *more, outcome])


def strings_changed(value: Any, change: Callable[[str], str]) -> Any:
    """A value decoded from JSON with ``change`` made to each of its strings, keys included."""
    if isinstance(value, str):
        return change(value)
    if isinstance(value, list):
        return [strings_changed(item, change) for item in value]
    if isinstance(value, dict):
        return {change(key): strings_changed(item, change) for key, item in value.items()}
    return value
