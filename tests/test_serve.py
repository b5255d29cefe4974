"""`kb serve` itself: how it runs uvicorn and its workers."""

from __future__ import annotations

import ast
import asyncio
import contextlib
import http.client
import logging
import os
import re
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient
from live import children, kill_leaving, listening_socket, rss_mb, stop_process
from prometheus_client.parser import text_string_to_metric_families
from pydantic import SecretStr, ValidationError

from api.http import create_app
from api.serve import GRACEFUL_SHUTDOWN_SECONDS, ensure_index, unread_variables
from api.settings import Settings, describe_invalid

REPO = Path(__file__).resolve().parent.parent
KB_DIR = REPO / "kb"


def test_serve_uses_only_uvicorns_public_api() -> None:
    # uvicorn's documented programmatic API is its top-level package (run, Config, Server);
    # its submodules (supervisors, config internals) change without notice between releases.
    tree = ast.parse((REPO / "api" / "serve.py").read_text(encoding="utf-8"))
    imported = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            imported |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            imported.add(node.module)
    assert {name for name in imported if name.startswith("uvicorn")} <= {"uvicorn"}


@contextlib.contextmanager
def kb_serve(tmp_path: Path, *args: str, env: dict[str, str] | None = None) -> Iterator[str]:
    """`kb serve ARGS` over an index of kb/ on a free loopback port; yields its URL, stops it after."""
    with serving(tmp_path, *args, env=env) as (url, _):
        yield url


@contextlib.contextmanager
def serving(
    tmp_path: Path, *args: str, env: dict[str, str] | None = None
) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    """As :func:`kb_serve`, yielding the `kb serve` process too."""
    sock = listening_socket()
    port = sock.getsockname()[1]
    sock.close()  # kb serve binds it itself; a clash would show as a startup failure
    command = [sys.executable, "-c", "from api.cli import cli; cli()", "serve", "--port", str(port)]
    command += ["--db", str(tmp_path / "kb.db"), "--articles", str(KB_DIR), "--no-access-log", *args]
    proc = subprocess.Popen(
        command,
        env={**os.environ, **(env or {})},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        cwd=tmp_path,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            assert proc.poll() is None, proc.stdout.read().decode() if proc.stdout else ""
            try:
                if httpx.get(f"{url}/readyz", timeout=5).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert time.monotonic() < deadline, "kb serve did not become ready"
            time.sleep(0.1)
        yield url, proc
    finally:
        stop_process(proc)


def scrape(url: str) -> dict[str, list[Any]]:
    """One scrape of /metrics on a new connection: metric family name -> its samples."""
    text = httpx.get(f"{url}/metrics", timeout=5).text
    return {family.name: family.samples for family in text_string_to_metric_families(text)}


@pytest.mark.slow
def test_with_several_workers_one_scrape_reports_the_whole_server(tmp_path: Path) -> None:
    folder = tmp_path / "metrics"
    folder.mkdir()
    # Left by an earlier run: kb serve must empty the folder, or these would count again.
    (folder / "counter_999999.db").write_bytes(b"figures of an earlier run")
    with kb_serve(tmp_path, "--workers", "2", env={"PROMETHEUS_MULTIPROC_DIR": str(folder)}) as url:
        assert not (folder / "counter_999999.db").exists()
        sent = 40
        for _ in range(sent):
            assert httpx.get(f"{url}/healthz", timeout=5).status_code == 200  # a new connection each
        for _ in range(4):  # whichever worker answers the scrape
            samples = scrape(url)
            healthz = [
                s.value
                for s in samples["kb_http_requests"]
                if s.name == "kb_http_requests_total" and s.labels["route"] == "/healthz"
            ]
            assert sum(healthz) == sent
            pids = {s.labels["pid"] for s in samples["process_cpu_seconds"]}
            assert len(pids) == 2, pids
            assert {s.labels["pid"] for s in samples["process_resident_memory_bytes"]} == pids


@pytest.mark.slow
def test_several_workers_get_a_metrics_folder_of_their_own_removed_at_exit(tmp_path: Path) -> None:
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    with kb_serve(tmp_path, "--workers", "2", env={"TMPDIR": str(scratch)}) as url:
        assert [p.name.startswith("kb-metrics-") for p in scratch.iterdir()] == [True]
        assert "process_cpu_seconds" in scrape(url)
    assert list(scratch.iterdir()) == []


def test_one_worker_reports_its_process_metrics(kb_db_path: Path) -> None:
    with TestClient(create_app(Settings(db=kb_db_path))) as client:
        text = client.get("/metrics").text
    families = {family.name for family in text_string_to_metric_families(text)}
    assert {"process_cpu_seconds", "process_resident_memory_bytes", "python_info"} <= families


@pytest.mark.parametrize("workers", ["1", "2"])
@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_a_stop_by_sigterm_or_ctrl_c_exits_0_as_the_help_says(
    tmp_path: Path, workers: str, stop: int
) -> None:
    # With one worker, uvicorn sent SIGTERM to the process again after its graceful stop, and
    # `kb serve` ended as killed by it (143 in a shell): what a container runtime reports as a crash.
    with serving(tmp_path, "--workers", workers) as (_, proc):
        proc.send_signal(stop)
        output, _ = proc.communicate(timeout=30)
    assert proc.returncode == 0, output.decode()


@pytest.mark.parametrize("hangup", ["SIGHUP", "SIGUSR1"])
def test_a_reload_signal_to_one_worker_is_logged_and_never_stops_it(tmp_path: Path, hangup: str) -> None:
    # Their default ended the process at once (129, 138), with requests in flight and nothing logged:
    # a systemd ExecReload or a logrotate hook took a one-worker deployment down.
    with serving(tmp_path) as (url, proc):
        proc.send_signal(getattr(signal, hangup))
        time.sleep(0.5)
        assert proc.poll() is None
        assert httpx.get(f"{url}/healthz", timeout=5).status_code == 200
        proc.send_signal(signal.SIGTERM)
        output, _ = proc.communicate(timeout=30)
    assert proc.returncode == 0
    assert f"{hangup} received: nothing to reload" in output.decode()


def test_a_stop_waits_for_a_client_sending_its_body_slowly_only_so_long(tmp_path: Path) -> None:
    # uvicorn waited for every connection to close: a client sending a body a byte a second held
    # `kb serve` as long as it went on, past when systemd or Kubernetes kill it outright.
    with serving(tmp_path) as (url, proc):
        port = int(url.rsplit(":", 1)[1])
        with socket.create_connection(("127.0.0.1", port)) as slow:
            slow.sendall(b"POST /v1/match HTTP/1.1\r\nHost: kb\r\nContent-Type: application/json\r\n")
            slow.sendall(b"Content-Length: 60000\r\n\r\n{")
            time.sleep(0.5)
            proc.send_signal(signal.SIGTERM)
            stopped = time.monotonic()
            while proc.poll() is None and time.monotonic() - stopped < GRACEFUL_SHUTDOWN_SECONDS + 20:
                with contextlib.suppress(OSError):
                    slow.sendall(b" ")
                time.sleep(0.5)
        waited = time.monotonic() - stopped
        output, _ = proc.communicate(timeout=30)
    assert proc.returncode == 0, output.decode()
    assert waited < GRACEFUL_SHUTDOWN_SECONDS + 12  # the client went on for 20 s more


def test_the_access_log_keeps_no_query_string(tmp_path: Path) -> None:
    # The widget searches as a reader types: what they typed (an address, a password pasted by
    # mistake) went into the log, which the feedback store would have scrubbed.
    with serving(tmp_path, "--access-log") as (url, proc):
        assert (
            httpx.get(f"{url}/v1/search", params={"q": "jo.doe@corp.example password=hunter2"}).status_code
            == 200
        )
        proc.send_signal(signal.SIGTERM)
        output, _ = proc.communicate(timeout=30)
    log = output.decode()
    assert '"GET /v1/search?… HTTP/1.1" 200' in log
    assert "hunter2" not in log and "corp.example" not in log


@pytest.mark.parametrize("workers", ["1", "2"])
def test_the_access_log_has_each_request_s_time_duration_and_id_whatever_the_log_level(
    tmp_path: Path, workers: str
) -> None:
    # uvicorn's line had no time, no duration and no request id, and --log-level warning turned the
    # access log off though --access-log was on.
    args = ("--access-log", "--log-level", "warning", "--workers", workers)
    with serving(tmp_path, *args) as (url, proc):
        answer = httpx.post(
            f"{url}/v1/match", json={"text": "mailNickname"}, headers={"X-Request-ID": "req-42"}
        )
        assert answer.headers["x-request-id"] == "req-42"
        forged = httpx.get(f"{url}/healthz", headers={"X-Request-ID": 'x" 500 0 ms INFO: fake'})
        assert "x-request-id" not in forged.headers
        # A path that decodes to a line break writes no line of its own (it is shown encoded).
        assert httpx.get(f"{url}/x%0D%0AFAKE%20LINE").status_code == 404
        proc.send_signal(signal.SIGTERM)
        output, _ = proc.communicate(timeout=30)
    [line] = [line for line in output.decode().splitlines() if '"POST /v1/match HTTP/1.1"' in line]
    assert re.match(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} INFO: ", line), line
    assert re.search(r'" 200 \d+\.\d ms request_id=req-42$', line), line
    assert "fake" not in output.decode()
    assert '"GET /x%0D%0AFAKE%20LINE HTTP/1.1" 404' in output.decode()
    assert not any(line.startswith("FAKE") for line in output.decode().splitlines())


@pytest.mark.parametrize("workers", ["1", "2"])
def test_a_port_that_is_taken_exits_3_as_the_help_says(tmp_path: Path, workers: str) -> None:
    with listening_socket() as taken:
        taken.listen()
        port = str(taken.getsockname()[1])
        command = [sys.executable, "-c", "from api.cli import cli; cli()", "serve", "--workers", workers]
        command += ["--port", port, "--db", str(tmp_path / "kb.db"), "--articles", str(KB_DIR)]
        done = subprocess.run(
            command,
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
    assert done.returncode == 3, done.stderr
    # Which address: with several workers uvicorn said only "[Errno 98] Address already in use".
    assert f"127.0.0.1:{port}" in done.stderr or f"'127.0.0.1', {port}" in done.stderr, done.stderr


@pytest.mark.parametrize(("name", "value"), [("KB_MAX_BODY", "abc"), ("KB_FEEDBACK_RATE_LIMIT", "lots")])
def test_a_setting_that_cannot_be_read_is_a_usage_error_naming_its_variable(
    tmp_path: Path, name: str, value: str
) -> None:
    command = [sys.executable, "-c", "from api.cli import cli; cli()", "serve", "--port", "1"]
    command += ["--db", str(tmp_path / "kb.db"), "--articles", str(KB_DIR)]
    done = subprocess.run(
        command, capture_output=True, text=True, timeout=60, check=False, env={**os.environ, name: value}
    )
    assert done.returncode == 2, done.stderr
    assert f"Error: {name}:" in done.stderr and "Traceback" not in done.stderr
    assert not (tmp_path / "kb.db").exists()


@pytest.mark.parametrize("option", ["--db", "--articles"])
def test_a_path_whose_name_is_too_long_is_a_usage_error_naming_its_variable(
    tmp_path: Path, option: str
) -> None:
    # Looking for the index or the folders raised the file system's error with a traceback.
    paths = {"--db": str(tmp_path / "kb.db"), "--articles": str(KB_DIR)}
    paths[option] = str(tmp_path / ("a" * 300))
    command = [sys.executable, "-c", "from api.cli import cli; cli()", "serve", "--port", "1"]
    command += [arg for pair in paths.items() for arg in pair]
    done = subprocess.run(command, capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 2, done.stderr
    variable = "KB_DB" if option == "--db" else "KB_ARTICLES"
    assert f"Error: {variable}: cannot use" in done.stderr and "File name too long" in done.stderr
    assert "Traceback" not in done.stderr


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads processes from /proc (Linux)")
def test_the_workers_of_a_killed_kb_serve_stop_serving(tmp_path: Path) -> None:
    # Its metrics folder is given: a killed kb serve cannot remove the one it would make.
    metrics = {"PROMETHEUS_MULTIPROC_DIR": str(tmp_path / "metrics")}
    with serving(tmp_path, "--workers", "2", env=metrics) as (url, proc):
        assert kill_leaving(proc, children(proc.pid)) == [], "workers outlived their kb serve"
        with pytest.raises(httpx.TransportError):
            httpx.get(f"{url}/healthz", timeout=2)


def test_an_article_folder_that_is_not_there_is_said_at_start(
    kb_db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # The index is served as it is; the missing folder would only show at the next reindex.
    gone = tmp_path / "unmounted"
    ensure_index(Settings(db=kb_db_path, articles=[KB_DIR, gone], api_key=SecretStr("k" * 32)))
    err = capsys.readouterr().err
    assert f"no article folder at {gone}" in err and str(KB_DIR) not in err
    # Without an admin key there is no reindex route: nothing would read the folders.
    ensure_index(Settings(db=kb_db_path, articles=[KB_DIR, gone], api_key=None))
    assert capsys.readouterr().err == ""


def _serve_without_index(db: Path, articles: Path) -> str:
    """What `kb serve` with no index at ``db`` says when it cannot start from ``articles``; it
    must exit 2 and write no index."""
    command = [sys.executable, "-c", "from api.cli import cli; cli()", "serve", "--port", "1"]
    done = subprocess.run(
        [*command, "--db", str(db), "--articles", str(articles)], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 2, done.stderr
    assert not db.exists()
    return done.stderr


def test_no_index_and_no_article_folder_is_a_usage_error(tmp_path: Path) -> None:
    # Serving only 503s would look started to whoever mistyped the folder.
    gone = tmp_path / "articels"
    said = _serve_without_index(tmp_path / "kb.db", gone)
    assert f"no index at {tmp_path / 'kb.db'} to serve" in said and str(gone) in said


def test_no_index_and_an_empty_article_folder_is_a_usage_error(tmp_path: Path) -> None:
    # A replica whose share is not mounted yet at its first start said ready with 0 articles.
    empty = tmp_path / "articles"
    empty.mkdir()
    said = _serve_without_index(tmp_path / "kb.db", empty)
    assert f"nothing to index found in {empty}" in said and "nothing to serve" in said


def test_no_index_and_a_folder_of_broken_articles_names_what_is_wrong_with_them(tmp_path: Path) -> None:
    # `kb index` names each file it could not index; `kb serve` said only "nothing to index found
    # (is a folder unmounted or emptied by mistake?)" of a folder whose one article was broken.
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "vpn.md").write_bytes(b"# VPN drops\n\n1. Restart the caf\xe9 router.\n")
    said = _serve_without_index(tmp_path / "kb.db", articles)
    assert "warning: vpn.md:3: not UTF-8 text (byte 0xe9)" in said, said
    assert "nothing to serve" in said


def _idle_connection_kept(url: str, idle: float) -> bool:
    """Whether a connection that answered one request and then stayed idle ``idle`` seconds is
    still open (the server has not closed it)."""
    host, port = url.removeprefix("http://").split(":")
    conn = http.client.HTTPConnection(host, int(port), timeout=5)
    try:
        conn.request("GET", "/healthz")
        response = conn.getresponse()
        assert response.status == 200 and response.read() == b'{"status":"ok"}'
        time.sleep(idle)
        assert conn.sock is not None
        conn.sock.setblocking(False)
        try:
            return conn.sock.recv(1, socket.MSG_PEEK) != b""  # b"": the server closed it
        except BlockingIOError:
            return True  # nothing to read: still open
    finally:
        conn.close()


def test_idle_connections_outlive_the_clients_and_proxies_that_reuse_them(tmp_path: Path) -> None:
    # uvicorn's own 5 s closed connections that clients (httpx keeps them 5 s) and proxies were
    # about to reuse, and the requests sent on them were lost.
    with kb_serve(tmp_path) as url:
        assert _idle_connection_kept(url, 6.0)
    with kb_serve(tmp_path, "--keep-alive", "1") as url:
        assert not _idle_connection_kept(url, 2.5)


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads memory from /proc (Linux)")
def test_a_client_that_pipelines_requests_without_reading_the_answers_holds_no_growing_memory(
    tmp_path: Path,
) -> None:
    # With httptools, each read's requests were all queued: 77 MB to 350 MB in six seconds.
    with serving(tmp_path) as (url, proc):
        before = rss_mb(proc.pid)
        flood = socket.create_connection(("127.0.0.1", httpx.URL(url).port))
        flood.setblocking(False)
        requests = b"GET /healthz HTTP/1.1\r\nHost: kb\r\n\r\n" * 100
        sent = 0
        deadline = time.monotonic() + 4
        while time.monotonic() < deadline:
            try:
                sent += flood.send(requests)
            except BlockingIOError:
                time.sleep(0.01)
            except ConnectionResetError:
                break  # (httptools ends the connection after some megabytes: it has grown by then)
        grown = rss_mb(proc.pid) - before
        assert httpx.get(f"{url}/healthz", timeout=5).status_code == 200
        flood.close()
    assert sent > 1 << 20, sent  # the server read some, then the client's socket filled up
    assert grown < 40, f"{grown:.0f} MB more after {sent} bytes of requests"


def test_every_answer_of_kb_serve_says_nosniff(tmp_path: Path) -> None:
    # A browser that sniffed the Markdown of a search that quotes "<script>" could read it as HTML.
    with serving(tmp_path) as (url, _):
        answers = [
            httpx.get(f"{url}/v1/search", params={"q": "<script>alert(1)</script>", "format": "md"}),
            httpx.post(f"{url}/v1/match", json={"text": "mailNickname"}),
            httpx.get(f"{url}/no-such-route"),
            httpx.get(f"{url}/widget.js"),
        ]
    assert [a.headers.get("x-content-type-options") for a in answers] == ["nosniff"] * 4


def test_sigterm_while_kb_serve_builds_its_first_index_exits_0_and_leaves_no_copy(
    tmp_path: Path, corpus_dir: Path
) -> None:
    # It died of the signal (143) and left the index's copy beside it.
    db = tmp_path / "kb.db"
    command = [sys.executable, "-c", "from api.cli import cli; cli()", "serve", "--port", "1"]
    for _ in range(5):
        proc = subprocess.Popen(
            [*command, "--db", str(db), "--articles", str(corpus_dir)], stderr=subprocess.PIPE, text=True
        )
        deadline = time.monotonic() + 30
        while not list(tmp_path.glob("kb.db.*")) and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.002)
        proc.send_signal(signal.SIGTERM)
        _, stderr = proc.communicate(timeout=30)
        if not db.exists():
            break
        db.unlink()  # built before the signal: again
    assert proc.returncode == 0, stderr
    assert list(tmp_path.iterdir()) == []


def test_a_request_with_two_body_lengths_is_refused_and_its_connection_closed(tmp_path: Path) -> None:
    # h11 read the chunked body and kept the connection: what a proxy that trusted Content-Length
    # took for the body, the server answered as a request of its own (two answers on one connection).
    smuggled = b"0\r\n\r\nGET /v1/articles/smuggled HTTP/1.1\r\nHost: kb\r\n\r\n"
    request = (
        b"POST /v1/match HTTP/1.1\r\nHost: kb\r\nContent-Type: application/json\r\n"
        b"Content-Length: %d\r\nTransfer-Encoding: chunked\r\n\r\n" % len(smuggled)
    ) + smuggled
    with serving(tmp_path) as (url, _), socket.create_connection(("127.0.0.1", httpx.URL(url).port)) as raw:
        raw.settimeout(10)
        raw.sendall(request)
        answered = b""
        while chunk := raw.recv(65536):
            answered += chunk
    assert answered.startswith(b"HTTP/1.1 400 ")
    assert answered.count(b"HTTP/1.1 ") == 1 and b"smuggled" not in answered


@pytest.mark.parametrize(
    ("name", "value", "said"),
    [
        ("KB_CORS_ORIGINS", "https://portal.example/", "'https://portal.example/' is no origin"),
        ("KB_CORS_ORIGINS", "portal.example", "'portal.example' is no origin"),
        ("KB_MAX_BODY", "0", "greater than or equal to 1"),
        ("KB_MAX_BODY", "99999999999999999999", "less than or equal to 1073741824"),
    ],
)
def test_a_setting_that_cannot_work_is_refused_at_start(
    kb_db_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, value: str, said: str
) -> None:
    # Each started, and then failed every preflight or every POST with nothing said at start.
    monkeypatch.setenv("KB_DB", str(kb_db_path))
    monkeypatch.setenv(name, value)
    with pytest.raises(ValidationError) as refused:
        Settings()
    message = describe_invalid(refused.value)
    assert message.startswith(f"{name}:") and said in message, message


def test_kb_serve_names_the_variables_it_does_not_read() -> None:
    environ = {"KB_APIKEY": "k", "KB_DB": "kb.db", "KB_URL": "http://x", "KB_API_KEY": "  ", "HOME": "/"}
    assert unread_variables(environ) == [
        "KB_APIKEY is no setting of kb-answer (did you mean KB_API_KEY?)",
        "KB_API_KEY is blank: the admin routes are off",
    ]
    # Both feedback settings: the file's was dropped without a word.
    both = {"KB_FEEDBACK_URL": "postgresql://kb@db/kb", "KB_FEEDBACK_DB": "/srv/kb/feedback.db"}
    assert unread_variables(both) == [
        "KB_FEEDBACK_DB is not read: KB_FEEDBACK_URL is set, and feedback is kept there"
    ]


@pytest.mark.parametrize(
    ("name", "value", "said"),
    [
        ("KB_FEEDBACK_DB", "{tmp}", "is a folder, not a feedback file"),
        ("KB_FEEDBACK_DB", "{tmp}/notes.txt", "is not an SQLite file"),
        ("KB_FEEDBACK_DB", "{db}", "is the index file"),
        ("KB_DB", "{tmp}", "is a folder, not an index file"),
    ],
)
def test_kb_serve_refuses_an_index_or_feedback_file_that_cannot_be_one(
    tmp_path: Path, kb_db_path: Path, name: str, value: str, said: str
) -> None:
    # It started, and every feedback post was a 503 retried for ever (the index served as before).
    (tmp_path / "notes.txt").write_text("not a database", encoding="utf-8")
    command = [sys.executable, "-c", "from api.cli import cli; cli()", "serve", "--port", "1"]
    env = {**os.environ, "KB_DB": str(kb_db_path), name: value.format(tmp=tmp_path, db=kb_db_path)}
    done = subprocess.run(command, capture_output=True, text=True, timeout=60, check=False, env=env)
    assert done.returncode == 2, done.stderr
    assert f"Error: {name}:" in done.stderr and said in done.stderr


def test_kb_serve_logs_the_index_it_serves_and_each_reindex(tmp_path: Path) -> None:
    # Nothing configured kb-answer's own logger: its info lines were dropped, and only warnings
    # reached the log, bare.
    with serving(tmp_path, env={"KB_API_KEY": "k"}) as (url, proc):
        done = httpx.post(f"{url}/v1/admin/reindex", headers={"Authorization": "Bearer k"}, timeout=60)
        assert done.status_code == 200
        proc.send_signal(signal.SIGTERM)
        output, _ = proc.communicate(timeout=30)
    log = output.decode()
    assert f"INFO:     serving index {tmp_path / 'kb.db'}" in log
    assert "INFO:     reindexed: 1 articles, 0 parsed, 0 warnings" in log


def _asgi_error(raised: BaseException) -> logging.LogRecord:
    """uvicorn's record of an exception in the app (``raised``), with its traceback."""
    try:
        raise raised
    except BaseException:
        return logging.LogRecord(
            "uvicorn.error", logging.ERROR, "", 0, "Exception in ASGI application\n", (), sys.exc_info()
        )


def test_a_request_cancelled_by_a_stop_is_said_in_one_line_not_as_an_error(
    caplog: pytest.LogCaptureFixture,
) -> None:
    # A stop whose grace ran out logged "Exception in ASGI application" and 34 lines of CancelledError
    # traceback per slow client: an ordinary stop read as errors and set off alerts.
    from api.http.worker import cancelled_in_one_line

    caplog.set_level(logging.INFO, logger="uvicorn.error")
    cancelled = _asgi_error(asyncio.CancelledError())
    assert cancelled_in_one_line(cancelled)
    assert (cancelled.levelname, cancelled.getMessage(), cancelled.exc_info) == (
        "INFO",
        "request cancelled by the stop",
        None,
    )
    failed = _asgi_error(ValueError("a bug"))
    assert cancelled_in_one_line(failed) and failed.levelname == "ERROR" and failed.exc_info is not None
    # An INFO line, so not at --log-level warning.
    caplog.set_level(logging.WARNING, logger="uvicorn.error")
    assert not cancelled_in_one_line(_asgi_error(asyncio.CancelledError()))
