"""Two replicas behind HAProxy, as deploy/ runs them: one feedback store, shared limits, rolling, a crash.

deploy/replicas.py starts PostgreSQL, Redis, two `kb serve` replicas (each with
its own copy of the index) and HAProxy on loopback. Through the proxy the test
drives the portal's flow, rolls a new index to both replicas by rename under
load, and kills one replica in the middle of a bounded wrk run. The figures go
to build/test-artifacts/replicas.json (and the README quotes them).
"""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx
import pytest
from conftest import FIXTURES, KB_DIR, REPO, SERVICES_HINT, deploy

from api.models import FeedbackReport
from indexer.build import build_index

pytestmark = pytest.mark.slow

SEED_QUERY = "Sync failed: The domain portion of the userPrincipalName property is invalid."
SEED_PROBLEM = "jumpcloud-m365#2"
NO_ANSWER = "the coffee machine on floor three is leaking water"
DEFAULT_LIMIT = 20  # KB_FEEDBACK_RATE_LIMIT's default, per minute
CONNECTIONS = 16
LOAD_SECONDS = 6
FIGURES: dict[str, object] = {}


def _bench_http() -> ModuleType:
    spec = importlib.util.spec_from_file_location("kb_bench_http", REPO / "scripts" / "bench_http.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def reader(deployment: object, n: int) -> httpx.Client:
    """A reader of the portal at its own loopback address 127.0.0.N, talking to the proxy."""
    return httpx.Client(
        base_url=deployment.url,  # type: ignore[attr-defined]
        transport=httpx.HTTPTransport(local_address=f"127.0.0.{n}"),
        timeout=10,
    )


def report_from(url: str, key: str) -> FeedbackReport:
    """The admin's feedback report, asked of ``url``."""
    response = httpx.get(f"{url}/v1/admin/feedback?limit=1000", headers={"Authorization": f"Bearer {key}"})
    assert response.status_code == 200, response.text
    return FeedbackReport.model_validate(response.json())


@pytest.fixture(scope="module")
def deployment(tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    """PostgreSQL, Redis, two replicas and HAProxy, up for this module's tests."""
    missing = deploy.missing_tools() + ([] if shutil.which("wrk") else ["wrk"])
    if missing:
        pytest.skip(f"needs {', '.join(missing)} ({SERVICES_HINT})")
    folder = tmp_path_factory.mktemp("replicas")
    index = folder / "build" / "kb.db"
    build_index([KB_DIR], index)
    running = deploy.Deployment(folder=folder)
    running.up(index)
    try:
        yield running
    finally:
        running.down()
        artifacts = Path(os.environ.get("KB_TEST_ARTIFACTS") or REPO / "build" / "test-artifacts")
        artifacts.mkdir(parents=True, exist_ok=True)
        (artifacts / "replicas.json").write_text(json.dumps(FIGURES, indent=2), encoding="utf-8")


def test_portal_flow_through_the_proxy_reaches_one_store(deployment: object) -> None:
    d = deployment
    answered_by: Counter[str] = Counter()
    readers = 8
    for n in range(readers):
        with reader(d, 10 + n) as client:
            answer = client.post("/v1/match", json={"text": SEED_QUERY})
            assert answer.status_code == 200 and answer.json()["matches"][0]["problem"]["id"] == SEED_PROBLEM
            unanswered = client.post("/v1/match", json={"text": NO_ANSWER})
            assert unanswered.status_code == 200 and unanswered.json()["no_confident_match"]
            given = client.post(
                "/v1/feedback",
                json={"query": SEED_QUERY, "problem_id": SEED_PROBLEM, "verdict": "yes" if n % 2 else "no"},
            )
            assert given.status_code == 201, given.text
            answered_by[given.headers["X-KB-Replica"]] += 1
    assert set(answered_by) == {"replica1", "replica2"}, answered_by

    report = report_from(d.url, d.api_key)  # type: ignore[attr-defined]
    assert report.total_feedback == readers
    assert [(p.problem_id, p.yes, p.no) for p in report.problems] == [
        (SEED_PROBLEM, readers // 2, readers // 2)
    ]
    assert [(u.query, u.asked) for u in report.unanswered] == [(NO_ANSWER, readers)]
    # Whichever replica the admin lands on, the report is the same.
    assert report_from(d.replica_url(0), d.api_key) == report_from(d.replica_url(1), d.api_key) == report  # type: ignore[attr-defined]

    # One client's budget holds across both replicas (Redis), not per replica.
    statuses: Counter[int] = Counter()
    replicas: set[str] = set()
    with reader(d, 99) as client:
        for _ in range(DEFAULT_LIMIT + 6):
            response = client.post(
                "/v1/feedback", json={"query": "flood", "problem_id": SEED_PROBLEM, "verdict": "yes"}
            )
            statuses[response.status_code] += 1
            replicas.add(response.headers["X-KB-Replica"])
    assert statuses == {201: DEFAULT_LIMIT, 429: 6} and replicas == {"replica1", "replica2"}
    FIGURES["portal_flow"] = {
        "readers": readers,
        "feedback_by_replica": dict(answered_by),
        "rate_limited_client": dict(statuses),
    }


def test_rolling_a_new_index_to_both_replicas_by_rename_under_load(
    deployment: object, tmp_path: Path
) -> None:
    d = deployment
    before = httpx.get(f"{d.url}/readyz").json()["articles"]  # type: ignore[attr-defined]
    new_index = tmp_path / "new.db"
    build_index([KB_DIR, FIXTURES / "kb_convention.md"], new_index)

    stop = threading.Event()
    outcomes: Counter[str] = Counter()

    def load() -> None:
        with httpx.Client(base_url=d.url, timeout=10) as client:  # type: ignore[attr-defined]
            while not stop.is_set():
                try:
                    status = client.post("/v1/match", json={"text": SEED_QUERY}).status_code
                    outcomes["ok" if status == 200 else str(status)] += 1
                except httpx.HTTPError as exc:
                    outcomes[type(exc).__name__] += 1

    threads = [threading.Thread(target=load) for _ in range(4)]
    for thread in threads:
        thread.start()
    try:
        time.sleep(1)
        d.roll(new_index)  # type: ignore[attr-defined]
        deadline = time.monotonic() + 15
        counts: list[int] = []
        while time.monotonic() < deadline:
            counts = [httpx.get(f"{d.replica_url(n)}/readyz").json()["articles"] for n in range(2)]  # type: ignore[attr-defined]
            if counts == [before + 1, before + 1]:
                break
            time.sleep(0.2)
        time.sleep(1)
    finally:
        stop.set()
        for thread in threads:
            thread.join()
    assert counts == [before + 1, before + 1]
    assert set(outcomes) == {"ok"}, outcomes
    FIGURES["rolling_index"] = {"requests": outcomes["ok"], "failed": sum(outcomes.values()) - outcomes["ok"]}


def test_killing_a_replica_mid_load_fails_only_its_in_flight_requests(deployment: object) -> None:
    d = deployment
    bench = _bench_http()
    key = d.api_key  # type: ignore[attr-defined]
    stored_before = report_from(d.url, key).total_feedback  # type: ignore[attr-defined]

    stop = threading.Event()
    feedback: Counter[str] = Counter()

    def give_feedback() -> None:
        # Readers at their own addresses, each well inside its budget.
        n = 0
        while not stop.is_set():
            with reader(d, 100 + n % 100) as client:
                for _ in range(5):
                    try:
                        status = client.post(
                            "/v1/feedback",
                            json={"query": SEED_QUERY, "problem_id": SEED_PROBLEM, "verdict": "yes"},
                        ).status_code
                        feedback["stored" if status == 201 else f"http {status}"] += 1
                    except httpx.HTTPError as exc:
                        feedback[type(exc).__name__] += 1
                    time.sleep(0.02)
            n += 1

    writer = threading.Thread(target=give_feedback)
    killer = threading.Timer(LOAD_SECONDS / 3, d.kill_replica, args=[0])  # type: ignore[attr-defined]
    writer.start()
    killer.start()
    try:
        level = bench.run_level_wrk(
            d.url,  # type: ignore[attr-defined]
            [SEED_QUERY, NO_ANSWER, "AADSTS50105 user not assigned to a role", "new users are not syncing"],
            CONNECTIONS,
            LOAD_SECONDS,
            d.folder,  # type: ignore[attr-defined]
        )
    finally:
        killer.join()
        stop.set()
        writer.join()

    proxy = {row["svname"]: row for row in d.proxy_stats() if row["pxname"] == "replicas"}  # type: ignore[attr-defined]
    acknowledged = feedback["stored"]
    failed_feedback = sum(feedback.values()) - acknowledged
    stored = report_from(d.url, key).total_feedback - stored_before  # type: ignore[attr-defined]
    FIGURES["kill_mid_load"] = {
        "connections": CONNECTIONS,
        "seconds": LOAD_SECONDS,
        "match_requests": level.requests,
        "match_failed": level.errors,
        "feedback_posts": sum(feedback.values()),
        "feedback_acknowledged": acknowledged,
        "feedback_failed": failed_feedback,
        "feedback_outcomes": dict(feedback),
        "feedback_rows_stored": stored,
        # Requests HAProxy sent again to the other replica after the killed one failed them.
        "proxy_retries": int(proxy["BACKEND"]["wretr"] or 0),
        "proxy_redispatches": int(proxy["BACKEND"]["wredis"] or 0),
    }
    print(FIGURES["kill_mid_load"])
    assert level.requests > 100
    # Each connection has at most one request in flight: only those on the killed replica can fail
    # (HAProxy sends unanswered matches again, to the other replica, so usually none do).
    assert level.errors <= CONNECTIONS
    assert failed_feedback <= 1  # the writer has one request in flight at a time
    # No acknowledged verdict is lost; at most the one in flight was stored without its answer.
    assert acknowledged <= stored <= acknowledged + failed_feedback

    # The survivor carries everything; the killed replica, started again, rejoins the rotation.
    with httpx.Client(base_url=d.url, timeout=10) as client:  # type: ignore[attr-defined]
        assert {client.get("/readyz").headers["X-KB-Replica"] for _ in range(6)} == {"replica2"}
        d.start_replica(0)  # type: ignore[attr-defined]
        d.wait_replica(0)  # type: ignore[attr-defined]
        deadline = time.monotonic() + 15
        seen: set[str] = set()
        while seen != {"replica1", "replica2"} and time.monotonic() < deadline:
            seen.add(client.get("/readyz").headers["X-KB-Replica"])
            time.sleep(0.1)
    assert seen == {"replica1", "replica2"}


def test_the_proxy_times_out_a_request_whose_headers_never_end(deployment: object) -> None:
    # kb serve (uvicorn) would hold such a connection, and its open file, for ever.
    d: Any = deployment
    with socket.create_connection(("127.0.0.1", d.proxy_port), timeout=30) as conn:
        conn.sendall(b"GET /healthz HTTP/1.1\r\nHost: kb\r\n")
        started = time.monotonic()
        answer = conn.recv(4096)
        waited = time.monotonic() - started
    assert answer.startswith(b"HTTP/1.1 408"), answer[:80]
    assert 9 < waited < 20, waited
    assert httpx.get(d.url + "/healthz", timeout=5).status_code == 200


def test_the_proxy_times_out_a_request_whose_body_trickles_in(deployment: object) -> None:
    # HAProxy passed the headers on and then the body as it came: a client sending a byte every
    # 2 s (never silent long enough for `timeout client`) held a replica's connection for good.
    d: Any = deployment
    head = b"POST /v1/match HTTP/1.1\r\nHost: kb\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n"
    with socket.create_connection(("127.0.0.1", d.proxy_port), timeout=2) as conn:
        conn.sendall(head + b'{"text": "')
        started = time.monotonic()
        answer = b""
        while not answer and time.monotonic() - started < 40:
            try:
                conn.sendall(b"a")
                answer = conn.recv(4096)
            except TimeoutError:
                continue
            except OSError:
                break
        waited = time.monotonic() - started
    assert answer.startswith(b"HTTP/1.1 408"), (answer[:80], waited)
    assert 9 < waited < 20, waited
    assert httpx.get(d.url + "/healthz", timeout=5).status_code == 200


def test_up_where_a_deployment_is_already_up_is_refused(tmp_path: Path) -> None:
    # A second `up` on the same folder started a second deployment, copied its index over the
    # files the first one's replicas served, and `down` then stopped only the second.
    state = tmp_path / deploy.STATE_FILE
    state.write_text('{"folder": "' + str(tmp_path) + '", "pids": {"replica1": 1}}', encoding="utf-8")
    before = state.read_bytes()
    done = subprocess.run(
        [sys.executable, str(REPO / "deploy" / "replicas.py"), "up", "--dir", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode != 0
    assert "already up" in done.stderr and "down --dir" in done.stderr, done.stderr
    assert state.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [deploy.STATE_FILE]


def test_roll_refuses_a_file_that_is_no_usable_index_and_leaves_the_replicas_alone(tmp_path: Path) -> None:
    # Rolled out unchecked, a file of random bytes took both replicas out of service (HAProxy: "503
    # No server is available"), and a missing file ended in a traceback.
    garbage = tmp_path / "new.db"
    garbage.write_bytes(os.urandom(4096))
    for index in (garbage, tmp_path / "missing.db"):
        done = subprocess.run(
            [
                sys.executable,
                str(REPO / "deploy" / "replicas.py"),
                "roll",
                "--dir",
                str(tmp_path),
                str(index),
            ],
            capture_output=True,
            text=True,
            check=False,
        )
        assert done.returncode == 1 and "Traceback" not in done.stderr
        assert f"{index}: not rolled out, the replicas keep their index" in done.stderr
