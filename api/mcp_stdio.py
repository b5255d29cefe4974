"""Standard input and output for ``kb mcp``, held open until every request read is answered.

The MCP SDK's stdio transport ends the session as soon as standard input ends and
drops the requests it is still answering. A client that writes its requests and
closes its end at once (``printf '…' | kb mcp``, a script, a test harness) then
gets no answer to its last calls. Here the process's standard input and output are
pipes that two threads relay: the end of the real input is passed on only once
every request read from it has had its response written, or DRAIN_SECONDS have
passed. Only the JSON-RPC ids of the lines are read; the lines pass unchanged, but for
lone surrogates escaped in a request's text (see :func:`without_lone_surrogates`).
"""

from __future__ import annotations

import json
import os
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager

# How long the end of input waits for the answers still owed: far above one answer's
# work (the matcher's is bounded to milliseconds), and bounded, so a request the server
# never answers cannot keep the process alive.
DRAIN_SECONDS = 60.0


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


def _message(line: bytes) -> dict[str, object]:
    """The JSON-RPC 2.0 message of one line ({} when it holds none).

    The server answers only those: not a batch (MCP has none), nor a message of another
    JSON-RPC version, so the end of input must not wait for their answers.
    """
    try:
        found = json.loads(line)
    except (ValueError, RecursionError):  # not JSON, or nested deeper than the decoder follows
        return {}
    return found if isinstance(found, dict) and found.get("jsonrpc") == "2.0" else {}


def _is_id(value: object) -> bool:
    """An id the server answers (a string or an integer): a client's other ids (1.5, NaN, a
    list) are the server's to refuse, and it answers none of them."""
    return isinstance(value, str | int) and not isinstance(value, bool)


# A \uD800-\uDFFF escape: most lines have none, and only theirs are read again (without_lone_surrogates).
_SURROGATE_ESCAPE = re.compile(rb"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")


def without_lone_surrogates(line: bytes) -> bytes:
    """``line`` with the lone surrogates its strings escape replaced by U+FFFD (pairs are kept).

    Such a line is valid JSON that the SDK's parser refuses, and it drops the request
    unanswered: text cut in the middle of a surrogate pair (an emoji) is answered instead, as
    the command line answers bytes that are not UTF-8.
    """
    if not _SURROGATE_ESCAPE.search(line):
        return line
    try:
        cleaned = json.dumps(_replaced(json.loads(line)), ensure_ascii=False).encode("utf-8")
    except (ValueError, RecursionError):
        return line
    return cleaned + b"\n" if line.endswith(b"\n") else cleaned


def _replaced(value: object) -> object:
    if isinstance(value, str):
        return value.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
    if isinstance(value, list):
        return [_replaced(v) for v in value]
    if isinstance(value, dict):
        return {_replaced(k): _replaced(v) for k, v in value.items()}
    return value


def requests_and_cancels(line: bytes) -> tuple[list[object], list[object]]:
    """The ids of the requests in a line from the client, and of the requests it cancels."""
    message = _message(line)
    asked = [message["id"]] if "method" in message and _is_id(message.get("id")) else []
    params = message.get("params")
    cancelled: list[object] = []
    if message.get("method") == "notifications/cancelled" and isinstance(params, dict):
        cancelled = [params.get("requestId")] if _is_id(params.get("requestId")) else []
    return asked, cancelled


def responses(line: bytes) -> list[object]:
    """The ids that the responses in a line from the server answer."""
    message = _message(line)
    return (
        [message["id"]] if ("result" in message or "error" in message) and _is_id(message.get("id")) else []
    )


def _lines(fd: int) -> Iterator[bytes]:
    """The lines read from ``fd``, each as soon as it is complete.

    Raw reads: a buffered reader's lock, held by a thread blocked in a read, can stop the
    interpreter at exit with a fatal error.
    """
    pending = bytearray()
    while chunk := os.read(fd, 1 << 16):
        pending += chunk
        end = pending.rfind(b"\n") + 1
        if end:
            # Only "\n" ends a message: a "\r" is whitespace JSON may have anywhere.
            yield from (line + b"\n" for line in bytes(pending[: end - 1]).split(b"\n"))
            del pending[:end]
    if pending:
        yield bytes(pending)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


def _feed(client_in: int, server_in: int, owed: _Owed) -> None:
    """The client's lines to the server; at their end, the answers owed, then the end."""
    try:
        for read in _lines(client_in):
            line = without_lone_surrogates(read)
            asked, cancelled = requests_and_cancels(line)
            owed.asked(asked)
            owed.answered(cancelled)
            _write_all(server_in, line)
        owed.wait_until_paid(DRAIN_SECONDS)
    except OSError:
        pass  # the server has stopped reading: nothing left to pass on
    finally:
        os.close(server_in)


def _relay(server_out: int, client_out: int, owed: _Owed) -> None:
    """The server's lines to the client, noting which requests they answer."""
    try:
        for line in _lines(server_out):
            _write_all(client_out, line)
            owed.answered(responses(line))
    except OSError:
        # The client has gone: no answer can reach it, so the end of its input need not wait.
        owed.forgive()


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
    feeder = threading.Thread(target=_feed, args=(client_in, in_write, owed), daemon=True)
    relay = threading.Thread(target=_relay, args=(out_read, client_out, owed), daemon=True)
    feeder.start()
    relay.start()
    try:
        yield
    finally:
        # Not joined: the SDK keeps its own copy of the pipe's write end, so the relay sees no
        # end of it, and needs none: every answer owed was written to the client before the
        # end of input was passed on. The threads end with the process (`kb mcp` ends here).
        os.dup2(client_out, 1)
