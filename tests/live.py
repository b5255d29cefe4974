"""Real servers and processes for tests: a uvicorn server in a thread on a free loopback port,
and the processes a command started, read from /proc; and a CPU budget for work that must stay bounded."""

from __future__ import annotations

import gc
import logging
import os
import signal
import socket
import subprocess
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import uvicorn
from fastapi import FastAPI

from api.serve import HTTP_PROTOCOL, RESPONSE_HEADERS


def listening_socket() -> socket.socket:
    """A socket bound to a free port on 127.0.0.1, handed to uvicorn so no other process can take it."""
    # IPPROTO_TCP, not 0: asyncio sets TCP_NODELAY on accepted sockets only then.
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    return sock


@contextmanager
def live_server(app: FastAPI) -> Iterator[str]:
    """Serve ``app`` with uvicorn in a thread; yields its base URL and stops it afterwards.

    uvicorn configures its loggers, and an app started after that writes its own lines through
    uvicorn's handlers (see ``api.http.app.log_as_uvicorn_does``), no longer to the root logger:
    both are undone afterwards, or a later test's ``caplog`` heard nothing of the app's warnings."""
    loggers = [logging.getLogger(name) for name in ("kb", "uvicorn", "uvicorn.error", "uvicorn.access")]
    before = [(list(logger.handlers), logger.level, logger.propagate) for logger in loggers]
    try:
        with _served(app) as url:
            yield url
    finally:
        for logger, (handlers, level, propagate) in zip(loggers, before, strict=True):
            logger.handlers[:], logger.level, logger.propagate = handlers, level, propagate


@contextmanager
def _served(app: FastAPI) -> Iterator[str]:
    sock = listening_socket()
    port = sock.getsockname()[1]
    config = uvicorn.Config(
        app,
        log_level="warning",
        access_log=False,
        lifespan="on",
        http=HTTP_PROTOCOL,
        headers=RESPONSE_HEADERS,
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=15)
        sock.close()


def stop_process(proc: subprocess.Popen[str]) -> None:
    """Stop a `kb serve` started by a test as Ctrl-C would, and kill it if it does not stop."""
    proc.send_signal(signal.SIGINT)
    try:
        proc.communicate(timeout=20)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.communicate()


def keep_matching(
    url: str, query: str, stop: threading.Event, answered: list[int], failures: list[str]
) -> None:
    """POST ``query`` to /v1/match until ``stop`` is set, counting answers and recording failures."""
    import httpx

    with httpx.Client(base_url=url, timeout=30) as http:
        while not stop.is_set():
            try:
                r = http.post("/v1/match", json={"text": query, "limit": 3})
                if r.status_code != 200 or not r.json()["matches"]:
                    failures.append(f"{r.status_code}: {r.text[:200]}")
                else:
                    answered.append(1)
            except httpx.HTTPError as exc:
                failures.append(repr(exc))


def children(pid: int) -> list[int]:
    """The processes whose parent is ``pid`` (read from /proc)."""
    return [
        int(stat.parent.name)
        for stat in Path("/proc").glob("[0-9]*/stat")
        if proc_stat(stat)[1:2] == [str(pid)]
    ]


def running(pid: int) -> bool:
    """Whether process ``pid`` exists and is not a zombie."""
    fields = proc_stat(Path(f"/proc/{pid}/stat"))
    return bool(fields) and fields[0] != "Z"


def ignores_sigint(pid: int) -> bool:
    """Whether process ``pid`` ignores SIGINT (its SigIgn mask in /proc), or has ended."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except FileNotFoundError:
        return True
    ignored = int(next(line.split()[1] for line in status.splitlines() if line.startswith("SigIgn:")), 16)
    return bool(ignored & (1 << (signal.SIGINT - 1)))


@contextmanager
def children_get_sigint(handler: Any = signal.default_int_handler) -> Iterator[None]:
    """Processes started inside take SIGINT as ``handler`` says; by default as a terminal's foreground
    job does, handled. A test run started in the background (`make test &`, nohup, some CI runners)
    ignores SIGINT, its children inherit that, and `kb` rightly leaves an ignored SIGINT ignored:
    a test of Ctrl-C would then see a run that nothing stops."""
    previous = signal.signal(signal.SIGINT, handler)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def rss_mb(pid: int) -> float:
    """The resident memory of process ``pid`` in MB (VmRSS in /proc)."""
    status = Path(f"/proc/{pid}/status").read_text()
    return int(next(line.split()[1] for line in status.splitlines() if line.startswith("VmRSS:"))) / 1024


def proc_stat(path: Path) -> list[str]:
    """The fields of a /proc/PID/stat file after the command name; [] when it is gone."""
    # State and parent pid come after the command name, which may hold spaces and parentheses.
    try:
        return path.read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return []


def kill_leaving(proc: subprocess.Popen[Any], workers: list[int], wait: float = 10.0) -> list[int]:
    """Kill ``proc`` outright; the ``workers`` still running ``wait`` seconds later (then killed too)."""
    proc.kill()
    proc.wait()
    deadline = time.monotonic() + wait
    while time.monotonic() < deadline and any(running(pid) for pid in workers):
        time.sleep(0.05)
    left = [pid for pid in workers if running(pid)]
    for pid in left:
        os.kill(pid, signal.SIGKILL)
    return left


class OverBudget(Exception):
    """The code under test used more CPU than the bound."""


@contextmanager
def cpu_budget(seconds: float) -> Iterator[None]:
    """Fail as soon as this process has used ``seconds`` of CPU: a quadratic case fails at the
    bound, not minutes later."""

    def expire(signum: int, frame: object) -> None:
        raise OverBudget(f"over {seconds} s of CPU")

    # The objects earlier tests left are not this call's work: frozen (not collected: that would
    # cost each call a pass over the whole heap), a collection during the call scans only what the
    # call allocated. Late in a full run, one full collection of the test process's heap took
    # more than the bound inside a 5 ms match.
    gc.freeze()
    previous = signal.signal(signal.SIGPROF, expire)
    signal.setitimer(signal.ITIMER_PROF, seconds)
    started = time.process_time()
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.signal(signal.SIGPROF, previous)
        gc.unfreeze()
    assert time.process_time() - started < seconds
