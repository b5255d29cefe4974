"""Standard input and output for ``kb mcp``, held open until every request read is answered.

The MCP SDK's stdio transport ends the session as soon as standard input ends and
drops the requests it is still answering. A client that writes its requests and
closes its end at once (``printf '…' | kb mcp``, a script, a test harness) then
gets no answer to its last calls. Here the process's standard input and output are
pipes that two threads relay: the end of the real input is passed on only once
every request read from it has had its response written, or DRAIN_SECONDS have
passed. Each line is read for its JSON-RPC ids, and for whether the SDK would drop it unanswered
(below). The lines passed on are unchanged, but for a byte-order mark before the first, lone
surrogates escaped in a request's text (see :func:`lone_surrogates_replaced`) and a raw "\r"
between tokens, passed on as a space (the SDK would end the line there).

When the real output is gone (the client closed it or died), nothing can reach the client:
the server's input is ended at once, so the session ends even while the client's input stays
open, and the server's output is read and dropped from then on, so that the SDK's writer never
blocks on a full pipe and the process can exit.

A line the SDK would drop unanswered (not JSON, not a JSON-RPC 2.0 request, params that
are not an object, a line over MAX_REQUEST_LINE, a session's request before the handshake) is
answered here with a JSON-RPC error instead (see :func:`refusal` and :func:`uninitialized_refusal`):
a client waiting on its id would otherwise wait forever. What the SDK drops is read off the pinned
version (``mcp`` in pyproject.toml): SESSION_METHODS and :func:`refusal` are to be checked again
when it is upgraded; the tests of ``kb mcp`` send each such line to the real server.
"""

from __future__ import annotations

import json
import os
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass

from mcp.types import (
    INVALID_PARAMS,
    INVALID_REQUEST,
    PARSE_ERROR,
    InitializeRequestParams,
    jsonrpc_message_adapter,
)
from pydantic import ValidationError

from api.query import without_lone_surrogates
from api.request_lines import MAX_REQUEST_LINE, is_line_id, strings_changed

# How long the end of input waits for the answers still owed: far above one answer's
# work (the matcher's is bounded to milliseconds), and bounded, so a request the server
# never answers cannot keep the process alive.
DRAIN_SECONDS = 60.0

# What is kept of a longer line, to find the id to refuse it with.
_HEAD_BYTES = 1024


class _Owed:
    """The ids of the requests read whose responses have not been written yet."""

    def __init__(self) -> None:
        self._ids: set[object] = set()
        self._changed = threading.Condition()

    def asked(self, ids: list[object]) -> None:
        with self._changed:
            self._ids.update(ids)

    def answered(self, ids: list[object]) -> None:
        with self._changed:
            self._ids.difference_update(ids)
            self._changed.notify_all()

    def forgive(self) -> None:
        """Nothing more can be delivered: stop waiting for it."""
        with self._changed:
            self._ids.clear()
            self._changed.notify_all()

    def wait_until_paid(self, timeout: float) -> None:
        with self._changed:
            self._changed.wait_for(lambda: not self._ids, timeout)


# What _parsed gives for a line that holds no JSON value.
_UNREADABLE = object()
_OUT_OF_REACH = object()
_OUT_OF_REACH_ERROR = "Parse error: the JSON is nested too deeply, or holds a value out of range"


def _parsed(line: bytes) -> object:
    """The JSON value of a line, or _UNREADABLE when it is not JSON, or _OUT_OF_REACH when it is
    JSON nested deeper than the decoder follows, or with a number of over 4,300 digits.

    Bytes that are not UTF-8 are read as U+FFFD, as the SDK reads them.
    """
    try:
        return json.loads(line.decode("utf-8", "replace"))
    except json.JSONDecodeError:
        return _UNREADABLE
    except (ValueError, RecursionError):
        return _OUT_OF_REACH


def _message(parsed: object) -> dict[str, object]:
    """The JSON-RPC 2.0 message a line's JSON value is ({} when it is none).

    The server answers only those: not a batch (MCP has none), nor a message of another
    JSON-RPC version, so the end of input must not wait for their answers.
    """
    return parsed if isinstance(parsed, dict) and parsed.get("jsonrpc") == "2.0" else {}


# A \uD800-\uDFFF escape: most lines have none, and only theirs are read again (lone_surrogates_replaced).
_SURROGATE_ESCAPE = re.compile(rb"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")


def lone_surrogates_replaced(line: bytes) -> bytes:
    """``line`` with the lone surrogates its strings escape replaced by U+FFFD (pairs are kept).

    Such a line is valid JSON that the SDK's parser refuses, and it drops the request
    unanswered: text cut in the middle of a surrogate pair (an emoji) is answered instead, as
    the command line answers bytes that are not UTF-8.
    """
    if not _SURROGATE_ESCAPE.search(line):
        return line
    try:
        replaced = strings_changed(json.loads(line), without_lone_surrogates)
        cleaned = json.dumps(replaced, ensure_ascii=False).encode("utf-8")
    except (ValueError, RecursionError):
        return line
    return cleaned + b"\n" if line.endswith(b"\n") else cleaned


def read_message(line: bytes) -> dict[str, object]:
    """The JSON-RPC 2.0 message of a line ({} when it is none, see :func:`_message`)."""
    return _message(_parsed(line))


def requests_and_cancels(message: dict[str, object]) -> tuple[list[object], list[object]]:
    """The ids of the requests in a message from the client, and of the requests it cancels."""
    asked = [message["id"]] if "method" in message and is_line_id(message.get("id")) else []
    params = message.get("params")
    cancelled: list[object] = []
    if message.get("method") == "notifications/cancelled" and isinstance(params, dict):
        cancelled = [params.get("requestId")] if is_line_id(params.get("requestId")) else []
    return asked, cancelled


def responses(line: bytes) -> list[object]:
    """The ids that the responses in a line from the server answer."""
    message = read_message(line)
    return (
        [message["id"]]
        if ("result" in message or "error" in message) and is_line_id(message.get("id"))
        else []
    )


@dataclass(frozen=True)
class Overlong:
    """A line longer than its limit: its first bytes, kept to find its id, and its length."""

    head: bytes
    size: int


def _lines(fd: int, limit: int | None = None) -> Iterator[bytes | Overlong]:
    """The lines read from ``fd``, each as soon as it is complete.

    A line over ``limit`` bytes is read to its end but not kept: it comes as an
    :class:`Overlong`. Raw reads: a buffered reader's lock, held by a thread blocked in a
    read, can stop the interpreter at exit with a fatal error.
    """
    pending = bytearray()
    dropped = 0  # bytes of the current line read past the limit and not kept
    while chunk := os.read(fd, 1 << 16):
        start = 0
        while start < len(chunk):
            # Only the bytes just read are searched for the end of the line, so a long line
            # costs time in proportion to its length. Only "\n" ends a message: a "\r" is
            # whitespace JSON may have anywhere.
            end = chunk.find(b"\n", start) + 1 or len(chunk)
            if dropped:
                dropped += end - start
            else:
                pending += chunk[start:end]
                if limit is not None and len(pending) > limit:
                    dropped = len(pending)
                    del pending[_HEAD_BYTES:]
            start = end
            if chunk[end - 1 : end] == b"\n":
                yield Overlong(bytes(pending), dropped) if dropped else bytes(pending)
                pending.clear()
                dropped = 0
    if dropped:
        yield Overlong(bytes(pending), dropped)
    elif pending:
        yield bytes(pending)


# The id of a request among the first members of its line, as clients write them
# ({"jsonrpc": "2.0", "id": 7, "method": …}): all that is read of a line too long to keep.
_HEAD_ID = re.compile(
    rb'\s*\{\s*(?:"(?:jsonrpc|method)"\s*:\s*"[^"\\]{0,200}"\s*,\s*){0,2}"id"\s*:\s*(-?\d{1,30}|"[^"\\]{0,200}")\s*[,}]'
)


def _head_id(head: bytes) -> object:
    """The id a line's first bytes give its request, or None (JSON null) when they give none."""
    found = _HEAD_ID.match(head)
    return json.loads(found[1].decode("utf-8", "replace")) if found else None


def _too_long(line: Overlong) -> bytes:
    """The JSON-RPC error that answers a line over MAX_REQUEST_LINE."""
    return _error(
        _head_id(line.head),
        INVALID_REQUEST,
        f"Invalid request: the line is {line.size} bytes long, over the limit of {MAX_REQUEST_LINE}",
    )


def refusal(line: bytes, message: object) -> bytes | None:
    """The JSON-RPC error that answers a line from the client the server cannot read, or None
    for a line to pass on to the server; ``message`` is the line's JSON value (:func:`_parsed`).

    The SDK drops such lines unanswered, and a client waiting on the id would wait forever:
    JSON-RPC answers every request, with the id null when it cannot be read. Notifications
    (no id) are never answered, and responses to the server's own requests are passed on.
    """
    if not line.strip():
        return None
    if message is _UNREADABLE or message is _OUT_OF_REACH:
        said = "Parse error: the line is not valid JSON" if message is _UNREADABLE else _OUT_OF_REACH_ERROR
        return _error(_head_id(line[:_HEAD_BYTES]), PARSE_ERROR, said)
    if not isinstance(message, dict) or message.get("jsonrpc") != "2.0":
        return _error(
            message.get("id") if isinstance(message, dict) and is_line_id(message.get("id")) else None,
            INVALID_REQUEST,
            'Invalid request: expected one JSON-RPC 2.0 object, {"jsonrpc": "2.0", "id": ..., "method": ...}',
        )
    if "id" in message and not is_line_id(message["id"]):
        return _error(None, INVALID_REQUEST, "Invalid request: the id must be a string or an integer")
    if "result" in message or "error" in message:
        if "method" not in message:
            return None  # the client's answer to a request of the server's
        # The SDK reads a request with a result or an error as a response, and drops it unanswered.
        return _error(
            message.get("id"), INVALID_REQUEST, "Invalid request: a request has no 'result' or 'error' member"
        )
    if not isinstance(message.get("method"), str):
        return _error(message.get("id"), INVALID_REQUEST, "Invalid request: the method must be a string")
    if "id" not in message:
        return None  # a notification: never answered, even a wrong one
    params = message.get("params", {})
    if not isinstance(params, dict):
        return _error(message["id"], INVALID_PARAMS, "Invalid params: params must be an object")
    try:
        # What the SDK itself cannot read (nesting deeper than its parser follows, a number
        # out of its range), so that nothing it drops unanswered is passed on.
        jsonrpc_message_adapter.validate_json(line.decode("utf-8", "replace"), by_name=False)
    except ValidationError:
        return _error(message["id"], PARSE_ERROR, _OUT_OF_REACH_ERROR)
    if message["method"] == "tools/call" and not isinstance(params.get("arguments", {}), dict):
        # The SDK's answer says only "Invalid request parameters".
        return _error(message["id"], INVALID_PARAMS, "Invalid params: a tool's arguments must be an object")
    return None


# The methods `kb mcp` serves (its tools, resources and prompts), which the SDK refuses before the
# session starts with only "Invalid request parameters". Others it answers itself as it did: a
# method it does not serve is "Method not found" before the handshake too (clients probe for it).
SESSION_METHODS = frozenset(
    {
        "tools/list",
        "tools/call",
        "resources/list",
        "resources/read",
        "resources/templates/list",
        "prompts/list",
        "prompts/get",
    }
)


def starts_session(message: dict[str, object]) -> bool:
    """Whether ``message`` starts the session as the SDK counts it: an ``initialize`` request whose
    params it accepts, or a bare ``notifications/initialized`` (which it accepts in its place)."""
    method = message.get("method")
    if method == "notifications/initialized":
        return "id" not in message
    if method != "initialize" or "id" not in message:
        return False
    try:
        InitializeRequestParams.model_validate(message.get("params"), by_name=False)
    except ValidationError:
        return False  # the SDK refuses it, and the session has not started
    return True


def uninitialized_refusal(message: dict[str, object], started: bool) -> bytes | None:
    """The JSON-RPC error that answers a request for one of SESSION_METHODS sent before the
    session ``started``, or None: it says what is missing, where the SDK's answer sent client
    authors looking for a fault in their parameters. The code is the SDK's."""
    method = message.get("method")
    if started or "id" not in message or method not in SESSION_METHODS:
        return None
    return _error(
        message["id"],
        INVALID_PARAMS,
        f"Invalid request: {method!r} before the session is initialized; send 'initialize' first",
    )


def _error(request_id: object, code: int, message: str) -> bytes:
    """A JSON-RPC error response as a line."""
    error = {"jsonrpc": "2.0", "id": request_id, "error": {"code": code, "message": message}}
    return json.dumps(error).encode() + b"\n"


class _Output:
    """The client's output, written whole lines at a time by the two relaying threads."""

    def __init__(self, fd: int) -> None:
        self.fd = fd
        self._lock = threading.Lock()

    def write(self, data: bytes) -> None:
        # One writer at a time: two lines written at once to a pipe could interleave.
        with self._lock:
            _write_all(self.fd, data)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


class _ServerInput:
    """The server's standard input: written by the feeder, and ended by the feeder at the end of
    the client's input or by the relay when the client's output is gone, whichever comes first."""

    def __init__(self, fd: int) -> None:
        self._fd = fd
        # Held only to read and set the flags, never during a write: the relay must be able to
        # end the input while the feeder is blocked writing to it.
        self._lock = threading.Lock()
        self._writing = False
        self._ended = False

    def write(self, data: bytes) -> None:
        """Pass ``data`` on to the server; BrokenPipeError once the input has ended."""
        with self._lock:
            if self._ended:
                raise BrokenPipeError("the server's input has ended")
            self._writing = True
        try:
            _write_all(self._fd, data)
        finally:
            with self._lock:
                self._writing = False
                if self._ended:  # ended during the write, which kept the descriptor open for it
                    os.close(self._fd)

    def end(self) -> None:
        """End the server's input (its end of file), once; a write in progress closes it when done."""
        with self._lock:
            if self._ended:
                return
            self._ended = True
            if not self._writing:
                os.close(self._fd)


def _answer(client_out: _Output, error: bytes) -> None:
    """Send the client an error the relay answers itself."""
    with suppress(OSError):  # the client has gone: the relay forgives what is owed
        client_out.write(error)


def _feed(client_in: int, server_in: _ServerInput, client_out: _Output, owed: _Owed) -> None:
    """The client's lines to the server, but for those answered here with an error (see
    :func:`refusal`); at their end, the answers owed, then the end."""
    started = False
    try:
        for number, read in enumerate(_lines(client_in, MAX_REQUEST_LINE)):
            if isinstance(read, Overlong):
                _answer(client_out, _too_long(read))
                continue
            # The byte-order mark a Windows editor or PowerShell puts first, as --batch and the
            # HTTP API read past it (it was a parse error here).
            line = lone_surrogates_replaced(read.removeprefix(b"\xef\xbb\xbf") if number == 0 else read)
            parsed = _parsed(line)  # once, for the refusal and for the ids owed
            message = _message(parsed)
            refused = refusal(line, parsed) or uninitialized_refusal(message, started)
            if refused is not None:
                _answer(client_out, refused)
                continue
            started = started or starts_session(message)
            asked, cancelled = requests_and_cancels(message)
            owed.asked(asked)
            owed.answered(cancelled)
            # The SDK reads its input with universal newlines: a "\r" between a request's tokens
            # ended the line there, and both halves were dropped unanswered. In a line that parses
            # as JSON, a raw "\r" can only be whitespace, so a space says the same.
            line = line.replace(b"\r", b" ")
            # The last line of the input may have no line break: the server would wait for one
            # until the end of its input, that is until the drain had waited for its answer.
            server_in.write(line if line.endswith(b"\n") else line + b"\n")
        owed.wait_until_paid(DRAIN_SECONDS)
    except OSError:
        pass  # the server has stopped reading, or the client has gone: nothing left to pass on
    finally:
        server_in.end()


def _relay(server_out: int, client_out: _Output, server_in: _ServerInput, owed: _Owed) -> None:
    """The server's lines to the client, noting which requests they answer; once the client's
    output is gone, the end of the server's input, and the rest of its output dropped."""
    lines = _lines(server_out)
    try:
        for line in lines:
            assert isinstance(line, bytes)  # no limit: the server's own lines are kept whole
            client_out.write(line)
            owed.answered(responses(line))
    except OSError:
        # The client has gone: no answer can reach it, so the end of its input need not wait,
        # and the session ends now rather than when (if ever) the client's input ends.
        owed.forgive()
        server_in.end()
        # Still read: a server writing answers into a full pipe that nobody reads would block
        # for good, and the process with it, holding the index open.
        for _ in lines:
            pass


@contextmanager
def answered_before_eof() -> Iterator[None]:
    """Standard input (fd 0) and output (fd 1) replaced by relayed pipes for the duration."""
    client_in, client_out = os.dup(0), os.dup(1)
    in_read, in_write = os.pipe()
    out_read, out_write = os.pipe()
    os.dup2(in_read, 0)
    os.dup2(out_write, 1)
    os.close(in_read)
    os.close(out_write)
    owed = _Owed()
    output = _Output(client_out)
    server_in = _ServerInput(in_write)
    feeder = threading.Thread(target=_feed, args=(client_in, server_in, output, owed), daemon=True)
    relay = threading.Thread(target=_relay, args=(out_read, output, server_in, owed), daemon=True)
    feeder.start()
    relay.start()
    try:
        yield
    finally:
        # Not joined: the SDK keeps its own copy of the pipe's write end, so the relay sees no
        # end of it, and needs none: every answer owed was written to the client before the
        # end of input was passed on. The threads end with the process (`kb mcp` ends here).
        os.dup2(client_out, 1)
