"""The HTTP API over real sockets: uvicorn in a thread, and `kb serve` as a subprocess."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from live import keep_matching, listening_socket, live_server, stop_process
from pydantic import SecretStr

from api.http import create_app
from api.settings import Settings
from indexer.build import build_index
from indexer.parse import MAX_PROBLEMS_PER_ARTICLE

REPO = Path(__file__).resolve().parent.parent
KB_DIR = REPO / "kb"
KEY = "live-test-admin-key"
QUERY = "The domain portion of the userPrincipalName property is invalid"

pytestmark = pytest.mark.slow


def add_article(folder: Path, article_id: str, title: str) -> None:
    """A new article in ``folder``: the sample one under another id and title."""
    text = (KB_DIR / "jumpcloud-m365.md").read_text(encoding="utf-8")
    text = text.replace("id: jumpcloud-m365", f"id: {article_id}", 1)
    text = text.replace("Troubleshooting JumpCloud sync to Microsoft 365 (M365)", title)
    (folder / f"{article_id}.md").write_text(text, encoding="utf-8")


def test_a_long_article_rendered_for_the_first_time_holds_up_no_other_request(tmp_path: Path) -> None:
    """The first request for a long article reads and renders it (a second or so at the size
    limit) off the event loop, so the worker keeps answering everyone else meanwhile."""
    folder = tmp_path / "articles"
    folder.mkdir()
    sections = [
        f"\n## Error E{n:05d}: reader {n} rejects cards\n\n### Symptoms\n\nThe log shows `E{n:05d} reader {n}`."
        f"\n\n### Resolution\n\n1. Open the console of reader {n}.\n2. Restart it.\n3. Badge again.\n"
        for n in range(MAX_PROBLEMS_PER_ARTICLE)
    ]
    (folder / "long.md").write_text(
        "---\nid: long\ntitle: Many readers\n---\n# Many readers\n" + "".join(sections)
    )
    db = tmp_path / "kb.db"
    build_index([folder], db)

    def longest_wait_share(path: str) -> float:
        """The longest any health check waited while a fresh server rendered ``path`` the first
        time, as a share of how long the rendering request took."""
        with live_server(create_app(Settings(db=db))) as url:
            done = threading.Event()
            took: list[float] = []

            def read_it() -> None:
                try:
                    with httpx.Client(base_url=url, timeout=120) as client:
                        start = time.perf_counter()
                        assert client.get(path).status_code == 200
                        took.append(time.perf_counter() - start)
                finally:
                    done.set()

            waits = [0.0]
            with httpx.Client(base_url=url) as http:
                http.get("/healthz")  # the connection is open before the rendering starts
                reader = threading.Thread(target=read_it)
                reader.start()
                while not done.is_set():
                    start = time.perf_counter()
                    assert http.get("/healthz").status_code == 200
                    waits.append(time.perf_counter() - start)
            reader.join()
            return max(waits) / took[0]

    for path in ("/v1/articles/long", "/v1/articles/long?format=md"):
        # On the event loop a health check sent during the rendering waits for most of it; off it,
        # only for its turns at the GIL. A share, not a count, so a busy machine slows both sides.
        tries = []
        while len(tries) < 3 and min(tries, default=1.0) >= 0.5:
            tries.append(longest_wait_share(path))
        assert min(tries) < 0.5, (path, tries)


def test_live_server_answers_json_markdown_and_errors(kb_db_path: Path) -> None:
    with (
        live_server(create_app(Settings(db=kb_db_path, max_body=4096))) as url,
        httpx.Client(base_url=url) as http,
    ):
        assert http.get("/readyz").json()["status"] == "ready"
        answer = http.post("/v1/match", json={"text": QUERY}).json()
        assert answer["matches"][0]["problem"]["id"] == "jumpcloud-m365#2"
        md = http.get("/v1/problems/jumpcloud-m365%232", headers={"Accept": "text/markdown"})
        assert md.headers["content-type"].startswith("text/markdown") and md.text.startswith("# ")
        # HEAD over a real socket: the GET's headers, no body, and the connection stays usable.
        head = http.head("/widget.js")
        assert head.status_code == 200 and head.content == b"" and int(head.headers["content-length"]) > 0
        assert http.head("/healthz").status_code == 200
        missing = http.get("/v1/articles/nope")
        assert missing.status_code == 404 and missing.json()["error"]["code"] == "not_found"

        def chunks() -> Iterator[bytes]:
            for _ in range(10):
                yield b"x" * 1000

        chunked = http.post("/v1/match", content=chunks(), headers={"Content-Type": "application/json"})
        assert chunked.status_code == 413 and chunked.json()["error"]["code"] == "payload_too_large"
        # A huge declared length is refused before any of the body is read.
        host, port = url.removeprefix("http://").split(":")
        with socket.create_connection((host, int(port)), timeout=5) as raw:
            raw.sendall(
                b"POST /v1/match HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                b"Content-Length: 1000000000\r\n\r\n"
            )
            answer = b""
            while b"}}" not in answer and (chunk := raw.recv(4096)):
                answer += chunk
        assert answer.startswith(b"HTTP/1.1 413"), answer[:100]
        assert b'"payload_too_large"' in answer


def test_reindex_requests_waiting_their_turn_hold_up_no_health_check(tmp_path: Path) -> None:
    # Each waited for the one running in a thread of the pool: 40 of them held every thread, and
    # /readyz (whose feedback check takes one) answered only after several more reindexes had run.
    articles = Path(shutil.copytree(KB_DIR, tmp_path / "articles"))
    for n in range(200):
        add_article(articles, f"copy-{n}", f"Copy {n} of the sample")
    db = tmp_path / "served.db"
    build_index([articles], db)
    settings = Settings(db=db, articles=[articles], api_key=SecretStr(KEY))
    finished: list[float] = []
    with live_server(create_app(settings)) as url:

        def reindex() -> None:
            with httpx.Client(base_url=url, timeout=300) as client:
                client.post("/v1/admin/reindex", headers={"Authorization": f"Bearer {KEY}"})
            finished.append(time.monotonic())

        # Enough of them that at least 50 still wait on a busy machine (80 left 49 there, once).
        queued = [threading.Thread(target=reindex) for _ in range(100)]
        for t in queued:
            t.start()
        time.sleep(0.3)
        asked = time.monotonic()
        ready = httpx.get(f"{url}/readyz", timeout=300)
        answered = time.monotonic()
        for t in queued:
            t.join()
    assert ready.status_code == 200
    pending = sum(1 for at in finished if at >= asked)
    meanwhile = sum(1 for at in finished if asked <= at < answered)
    assert pending >= 50, "too few reindexes still waiting to show anything"
    # Behind 40 waiting in threads, /readyz waited until all but 40 had run (about 20). Now it waits
    # for none, but the reindex running holds the interpreter for much of the time, so one or two
    # may end meanwhile.
    assert meanwhile < (pending - 40) / 2, f"/readyz waited for {meanwhile} of {pending} reindexes"


def test_reindex_and_file_swap_while_queries_keep_being_answered(tmp_path: Path) -> None:
    articles = Path(shutil.copytree(KB_DIR, tmp_path / "articles"))
    db = tmp_path / "served.db"
    build_index([articles], db)
    settings = Settings(db=db, articles=[articles], api_key=SecretStr(KEY))
    stop = threading.Event()
    answered: list[int] = []
    failures: list[str] = []

    with live_server(create_app(settings)) as url, httpx.Client(base_url=url, timeout=30) as admin:
        workers = [
            threading.Thread(target=keep_matching, args=(url, QUERY, stop, answered, failures))
            for _ in range(3)
        ]
        for w in workers:
            w.start()
        try:
            auth = {"Authorization": f"Bearer {KEY}"}
            for round_ in range(4):
                add_article(articles, f"added-{round_}", f"Added while serving, round {round_}")
                r = admin.post("/v1/admin/reindex", headers=auth)
                assert r.status_code == 200, r.text
                assert r.json()["articles"] == round_ + 2
                assert admin.get(f"/v1/articles/added-{round_}").status_code == 200
            # Two reindexes at once are serialised: both succeed, the index stays whole.
            results: list[int] = []
            racers = [
                threading.Thread(
                    target=lambda: results.append(admin.post("/v1/admin/reindex", headers=auth).status_code)
                )
                for _ in range(2)
            ]
            for t in racers:
                t.start()
            for t in racers:
                t.join()
            assert results == [200, 200]
            # The other way to roll out an index: build it elsewhere, rename it into place.
            elsewhere = tmp_path / "elsewhere"
            elsewhere.mkdir()
            add_article(articles, "swapped-in", "Swapped in by rename")
            build_index([articles], elsewhere / "new.db")
            os.replace(elsewhere / "new.db", db)
            assert admin.get("/v1/articles/swapped-in").json()["title"] == "Swapped in by rename"
            time.sleep(0.3)
        finally:
            stop.set()
            for w in workers:
                w.join(timeout=15)
    assert failures == []
    assert len(answered) > 20


@pytest.fixture
def serve_command() -> list[str]:
    """How to run `kb` from this interpreter, whether or not the entry point is installed."""
    return [sys.executable, "-c", "from api.cli import cli; cli()"]


def test_kb_serve_builds_the_index_and_serves_with_two_workers(
    tmp_path: Path, serve_command: list[str]
) -> None:
    articles = Path(shutil.copytree(KB_DIR, tmp_path / "articles"))
    db = tmp_path / "fresh" / "kb.db"
    sock = listening_socket()
    port = sock.getsockname()[1]
    sock.close()  # uvicorn's supervisor binds it itself; a clash would show as a startup failure
    env = {**os.environ, "KB_API_KEY": KEY, "KB_CORS_ORIGINS": "https://support.example.com"}
    proc = subprocess.Popen(
        [
            *serve_command,
            "serve",
            "--port",
            str(port),
            "--workers",
            "2",
            "--db",
            str(db),
            "--articles",
            str(articles),
        ],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        cwd=tmp_path,
    )
    try:
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 30
        with httpx.Client(base_url=url, timeout=5) as http:
            while True:
                assert proc.poll() is None, proc.stdout.read().decode() if proc.stdout else ""
                try:
                    if http.get("/readyz").status_code == 200:
                        break
                except httpx.TransportError:
                    pass
                assert time.monotonic() < deadline, "kb serve did not become ready"
                time.sleep(0.1)
            assert db.exists()  # built on first start
            # Settings reached the worker processes through the environment.
            for _ in range(6):
                r = http.get("/v1/articles", headers={"Origin": "https://support.example.com"})
                assert r.headers["access-control-allow-origin"] == "https://support.example.com"
            assert http.post("/v1/admin/reindex").status_code == 401
            assert (
                http.post("/v1/admin/reindex", headers={"Authorization": f"Bearer {KEY}"}).status_code == 200
            )
            assert http.post("/v1/match", json={"text": QUERY}).json()["matches"]
            # Keep-alive requests are not held back by Nagle + delayed ACK (~40 ms each).
            timings = []
            for _ in range(15):
                started = time.perf_counter()
                http.post("/v1/match", json={"text": QUERY})
                timings.append(time.perf_counter() - started)
            assert sorted(timings)[len(timings) // 2] < 0.035, timings
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            output, _ = proc.communicate(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            output, _ = proc.communicate()
    assert KEY.encode() not in output


def test_reindex_while_two_workers_serve_under_load_fails_no_request(
    tmp_path: Path, serve_command: list[str]
) -> None:
    articles = Path(shutil.copytree(KB_DIR, tmp_path / "articles"))
    db = tmp_path / "served.db"
    build_index([articles], db)
    sock = listening_socket()
    port = sock.getsockname()[1]
    sock.close()
    proc = subprocess.Popen(
        [
            *serve_command,
            *("serve", "--port", str(port), "--workers", "2", "--no-access-log"),
            *("--db", str(db), "--articles", str(articles)),
        ],
        env={**os.environ, "KB_API_KEY": KEY},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        cwd=tmp_path,
    )
    url = f"http://127.0.0.1:{port}"
    stop = threading.Event()
    answered: list[int] = []
    failures: list[str] = []

    try:
        with httpx.Client(base_url=url, timeout=30) as admin:
            deadline = time.monotonic() + 30
            while True:
                assert proc.poll() is None, proc.stdout.read().decode() if proc.stdout else ""
                try:
                    if admin.get("/readyz").status_code == 200:
                        break
                except httpx.TransportError:
                    pass
                assert time.monotonic() < deadline, "kb serve did not become ready"
                time.sleep(0.1)
            clients = [
                threading.Thread(target=keep_matching, args=(url, QUERY, stop, answered, failures))
                for _ in range(4)
            ]
            for client in clients:
                client.start()
            try:
                auth = {"Authorization": f"Bearer {KEY}"}
                elsewhere = tmp_path / "elsewhere"
                elsewhere.mkdir()
                for round_ in range(3):
                    # A reindex by one worker, whose new file the other must pick up ...
                    add_article(articles, f"reindexed-{round_}", f"Reindexed under load, round {round_}")
                    r = admin.post("/v1/admin/reindex", headers=auth)
                    assert r.status_code == 200, r.text
                    # ... and an index built elsewhere and renamed into place.
                    add_article(articles, f"swapped-{round_}", f"Swapped in under load, round {round_}")
                    build_index([articles], elsewhere / "new.db")
                    os.replace(elsewhere / "new.db", db)
                    time.sleep(0.2)
                # Both workers serve the last file: every request sees the last article.
                for _ in range(8):
                    assert admin.get("/v1/articles/swapped-2").status_code == 200
            finally:
                stop.set()
                for client in clients:
                    client.join(timeout=30)
    finally:
        stop_process(proc)
    assert failures == []
    assert len(answered) > 50


def test_a_body_sent_too_slowly_is_answered_408_and_its_connection_closed(kb_db_path: Path) -> None:
    # uvicorn waits for a body for ever: clients sending a byte every few seconds held 21,000
    # connections until the worker ran out of open files and /healthz went unanswered.
    from api.http.errors import BODY_SECONDS

    with live_server(create_app(Settings(db=kb_db_path))) as url:
        host, port = url.removeprefix("http://").split(":")
        with socket.create_connection((host, int(port)), timeout=BODY_SECONDS + 10) as slow:
            slow.sendall(
                b"POST /v1/match HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 60\r\n\r\n{"
            )
            started = time.monotonic()
            slow.sendall(b" ")  # a byte more, never the whole body
            answer = b""
            while chunk := slow.recv(65536):  # until the server closes the connection
                answer += chunk
            waited = time.monotonic() - started
        assert answer.startswith(b"HTTP/1.1 408 ") and b'"request_timeout"' in answer
        assert BODY_SECONDS - 1 < waited < BODY_SECONDS + 5
        assert httpx.get(f"{url}/healthz").status_code == 200


def test_a_replaced_index_file_is_closed_by_every_thread_that_held_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A thread that answered one lookup and then idled kept the replaced file open, and its disk space
    # taken, until the worker stopped: eight handles to a deleted kb.db in one worker after a few swaps.
    import api.knowledge
    from api.knowledge import KnowledgeBase

    monkeypatch.setattr(api.knowledge, "STALE_CONNECTION_SECONDS", 0.2, raising=False)
    live, fresh = tmp_path / "kb.db", tmp_path / "fresh.db"
    build_index([REPO / "kb"], live)
    build_index([REPO / "kb"], fresh)
    kb = KnowledgeBase(live)
    readers = [threading.Thread(target=kb.stats) for _ in range(4)]
    for thread in readers:
        thread.start()
    for thread in readers:
        thread.join()
    old_inode = live.stat().st_ino
    os.replace(fresh, live)
    kb.snapshot()  # a request after the swap
    time.sleep(1.0)
    held = [
        fd.name
        for fd in Path("/proc/self/fd").iterdir()
        if os.path.exists(f"/proc/self/fd/{fd.name}")
        and os.stat(f"/proc/self/fd/{fd.name}").st_ino == old_inode
    ]
    assert held == []
    assert kb.stats()["articles"] == 1  # the current file is still served
