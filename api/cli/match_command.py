"""`kb match`: the answer to a pasted error, log or symptom, one at a time or a batch."""

from __future__ import annotations

import codecs
import sys
from pathlib import Path
from typing import Any, BinaryIO

import click
from click.core import ParameterSource

from api.cli.group import handle_errors
from api.cli.options import (
    PastedTextCommand,
    db_option,
    emit,
    format_option,
    limit_option,
    readable,
    scope_options,
    url_option,
)
from api.cli.sources import open_source
from api.exitcodes import (
    EXIT_NO_MATCH,
    EXIT_UNAVAILABLE,
    EXIT_USAGE,
    NO_INDEX_OR_SERVER,
    USAGE,
    exit_codes_help,
)
from api.limits import DEFAULT_MATCHES, MAX_MATCHES
from api.models import Match, MatchResult
from api.query import MAX_QUERY_CHARS, MAX_SCAN_CHARS, Scope, without_lone_surrogates
from api.render import to_json_line
from api.request_lines import bad_lines_message, is_line_id, json_line, request_lines
from indexer.errors import InvalidQueryError

CONFIDENCE_RANK = {"low": 0, "medium": 1, "high": 2}


@click.command(
    epilog=exit_codes_help(
        {
            0: "a confident match (medium or high, or at --min-confidence); --batch: done",
            EXIT_NO_MATCH: "no confident match (nothing at or above --min-confidence): do not guess",
            EXIT_USAGE: f"{USAGE}, empty input, or a --batch line that is not JSON",
            EXIT_UNAVAILABLE: NO_INDEX_OR_SERVER,
        }
    ),
    cls=PastedTextCommand,
)
@click.argument("text", required=False)
@db_option
@url_option
@format_option("md", "json", "text")
@limit_option(DEFAULT_MATCHES, MAX_MATCHES, "matches to return")
@click.option(
    "--min-confidence",
    type=click.Choice(list(CONFIDENCE_RANK)),
    default=None,
    help="Drop matches below this confidence; exit 1 if none remain. "
    "Default: keep all, exit 1 unless the best is medium or high.",
)
@click.option(
    "--batch",
    type=click.File("r", encoding="utf-8", errors="replace"),
    help='JSONL file of {"id", "query"}; writes one {"id", "result"} JSON line per query, in order. '
    "The whole file is checked first: any line that is not such an object is a usage error "
    "(exit 2, every bad line named) and nothing is answered.",
)
@scope_options
@handle_errors
def match(
    text: str | None,
    db_path: Path,
    url: str | None,
    fmt: str,
    limit: int,
    min_confidence: str | None,
    batch: Any,
    product: str | None,
    tags: tuple[str, ...],
) -> None:
    """Find the problem and steps that answer TEXT (or standard input).

    TEXT is an error message, an error code, a JSON error body or a log excerpt,
    verbatim. Without TEXT (or with TEXT "-") the whole of standard input is
    read, so a log file can be piped in: input over 65536 characters (64 KiB) is
    read as a log, and only the error-looking lines of its last 1 MiB are
    matched. A note on stderr says when the input was cut. TEXT that starts
    with "-" (a pasted "-bash: kubectl: command not found") goes after "--",
    as in kb match -- "-bash: …", or on standard input.

    Confidence is high (the error message or code matched, and no other problem
    as well: follow the steps; only the first match can be high),
    medium (likely; check the symptoms) or low (not an answer). Exit code 0 when
    a match is confident (medium or high, or at --min-confidence), 1 when
    nothing fits: then do not guess. --batch exits 0 once every line is
    answered, and 2 without answering any when a line is not a {"id", "query"}
    object. Bytes that are not UTF-8 are replaced (U+FFFD) in every format.

    \b
    Examples:
      kb match "Invalid value specified for property 'mailNickname' of resource 'User'."
      tail -n 200 sync.log | kb match --format json
      kb match --format text --min-confidence high "The domain portion of the userPrincipalName property is invalid."
      kb match --batch queries.jsonl > answers.jsonl
      kb match --url http://localhost:8000 "new users are not synced to Microsoft 365"
      kb match --product "JumpCloud Microsoft 365 integration" "new users are not synced to Microsoft 365"
    """
    if batch is not None and text is not None:
        raise click.UsageError("give TEXT or --batch, not both")
    if batch is None and text is None and sys.stdin.isatty():
        raise click.UsageError("give TEXT, pipe it on standard input, or use --batch")
    if batch is not None:
        # A batch answers in JSON lines whatever --format says: an explicit md or text was
        # ignored without a word, and a script reading text got JSON.
        given = click.get_current_context().get_parameter_source("fmt")
        if given is not ParameterSource.DEFAULT and fmt != "json":
            raise click.UsageError(
                f"--batch writes one JSON line per query: leave out --format {fmt} (or give --format json)"
            )
        rows = _batch_rows(batch)
        source = open_source(db_path, url)
        for row_id, query in rows:
            result = _at_least(
                source.match(query, limit=limit, scope=Scope.of(product, tags)), min_confidence
            )
            click.echo(to_json_line({"id": row_id, "result": result}))
        return
    source = open_source(db_path, url)
    if text is None or text == "-":
        text, length = read_bounded(sys.stdin.buffer)
    else:
        text = readable(text)
        length = len(text)
    if not text.strip():
        raise InvalidQueryError("nothing to match: give TEXT or pipe it on standard input")
    result = source.match(text, limit=limit, scope=Scope.of(product, tags))
    if result.truncated:
        _note_truncated(length)
    answered = _answered(result, min_confidence)
    _note_left_out(result, min_confidence)
    emit(_at_least(result, min_confidence), fmt)
    if not answered:
        sys.exit(EXIT_NO_MATCH)


# Of a paste read from standard input, what the matcher can use: the first characters (which
# the answer quotes) and the last MAX_SCAN_CHARS (the log's tail it scans); what lies between
# is counted, not kept, so `yes | kb match` or a 1 GB log piped in takes no more memory.
_HEAD_CHARS = 200
_READ_BYTES = 1 << 20
# Past this, what is piped is no paste and no log's tail but a stream without end (`kb match <
# /dev/zero`, `yes | kb match`), which would be read for ever: half a gigabyte takes a second or two.
MAX_PIPED_BYTES = 512 << 20


def read_bounded(stream: BinaryIO) -> tuple[str, int]:
    """The text of ``stream`` as :func:`api.query.prepare` reads it, in bounded memory, and
    its length in characters.

    Decoded as UTF-8 with U+FFFD for bytes that are not (a locale's strict decoder would
    stop at the first one). A text longer than the head and the tail comes back as the two
    joined: the same answer, the same quoted start. InvalidQueryError past MAX_PIPED_BYTES.
    """
    decoder = codecs.getincrementaldecoder("utf-8")("replace")
    head, tail, length, read = "", "", 0, 0
    while True:
        chunk = stream.read(_READ_BYTES)
        read += len(chunk)
        if read > MAX_PIPED_BYTES:
            raise InvalidQueryError(
                f"standard input goes on past {MAX_PIPED_BYTES >> 20} MB; nothing was answered: "
                "pipe the end of the log that holds the error (tail -n 200 FILE | kb match)"
            )
        piece = decoder.decode(chunk, final=not chunk)
        length += len(piece)
        if len(head) < _HEAD_CHARS:
            head += piece[: _HEAD_CHARS - len(head)]
        tail = (tail + piece)[-MAX_SCAN_CHARS:]
        if not chunk:
            break
    return (tail if length <= len(tail) else head + tail), length


# What a --batch line might ask for that only the command's options give, and which option. Other
# keys are left alone: a file of labelled queries ("expected", "kind") is a batch too.
_OPTIONS_OF_THE_BATCH = {
    "product": "--product",
    "tag": "--tag",
    "tags": "--tag",
    "limit": "--limit",
    "min_confidence": "--min-confidence",
}


def _batch_rows(batch: Any) -> list[tuple[Any, str]]:
    """Every (id, query) of a --batch file, or InvalidQueryError naming each bad line."""
    rows: list[tuple[Any, str]] = []
    problems: list[str] = []
    first_line: dict[str | int, int] = {}
    for number, line in request_lines(batch):
        if not line.strip():
            continue
        try:
            row = json_line(line)
        except ValueError as exc:
            problems.append(f"{batch.name}:{number}: {exc}")
            continue
        if not isinstance(row, dict):
            problems.append(
                f'{batch.name}:{number}: expected an object {{"id", "query"}}, got {type(row).__name__}'
            )
        elif not isinstance(row.get("query"), str) or not row["query"].strip():
            problems.append(f'{batch.name}:{number}: "query" must be a non-empty string')
        elif asked := [key for key in _OPTIONS_OF_THE_BATCH if key in row]:
            # Answered from every product, a line that asked for one looked scoped and was not.
            options = ", ".join(f'"{key}" (give {_OPTIONS_OF_THE_BATCH[key]})' for key in asked)
            problems.append(
                f"{batch.name}:{number}: {options}: a line cannot ask for it, the whole batch can"
            )
        elif "id" not in row:
            problems.append(
                f'{batch.name}:{number}: no "id" (a string or an integer) to join its answer to it'
            )
        elif not is_line_id(row.get("id")):
            problems.append(f'{batch.name}:{number}: "id" must be a string or an integer')
        elif row["id"] in first_line:
            problems.append(
                f'{batch.name}:{number}: "id" {row["id"]!r} is the id of line {first_line[row["id"]]} too'
            )
        else:
            first_line[row["id"]] = number
            rows.append((row["id"], without_lone_surrogates(row["query"])))
    if problems:
        raise InvalidQueryError(bad_lines_message(problems, "nothing was answered"))
    return rows


def _at_least(result: MatchResult, level: str | None) -> MatchResult:
    """``result`` without the matches below ``level`` (unchanged when no level is given)."""
    if level is None:
        return result
    kept = [m for m in result.matches if not _below(m, level)]
    return result.model_copy(
        update={"matches": kept, "no_confident_match": result.no_confident_match or not kept}
    )


def _answered(result: MatchResult, level: str | None) -> bool:
    """Whether ``kb match`` exits 0: a confident match, or any match at ``level`` or above."""
    if level is None:
        return not result.no_confident_match
    return bool(_at_least(result, level).matches)


def _below(match: Match, level: str) -> bool:
    """Whether ``match`` is less sure than ``level`` (what --min-confidence leaves out)."""
    return CONFIDENCE_RANK[match.confidence] < CONFIDENCE_RANK[level]


def _note_left_out(result: MatchResult, level: str | None) -> None:
    """Say on stderr which confident answers --min-confidence left out: "No confident match" alone
    read as if the knowledge base had nothing, where it had a medium answer below "high"."""
    if level is None:
        return
    left_out = [m for m in result.matches if m.confidence != "low" and _below(m, level)]
    if left_out:
        best = left_out[0]
        click.echo(
            f"kb: note: {len(left_out)} {'answer' if len(left_out) == 1 else 'answers'} below {level} left out "
            f"(--min-confidence), the first {best.confidence} {best.score:.2f}: {best.problem.id}",
            err=True,
        )


def _note_truncated(length: int) -> None:
    if length > MAX_QUERY_CHARS:
        note = (
            f"the input has {length} characters, over {MAX_QUERY_CHARS}: it was read as a log, "
            f"and only the error-looking lines of its last {MAX_SCAN_CHARS} characters were matched"
        )
    else:
        note = "the input was long; only its error-looking lines, up to the size limit, were matched"
    click.echo(f"kb: note: {note}", err=True)
