"""Feedback and rate limits shared by replicas: PostgreSQL (KB_FEEDBACK_URL) and Redis (KB_RATE_LIMIT_STORAGE).

Real servers on loopback, started by the fixtures in conftest.py from
deploy/replicas.py; the tests skip and say why where they are not installed.
"""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path

import httpx
import psycopg
import pytest
from click.testing import CliRunner, Result
from conftest import deploy, feedback_file_before
from fastapi.testclient import TestClient
from live import children, live_server
from pydantic import SecretStr
from test_feedback import OLD_ROWS

from api.cli import EXIT_UNAVAILABLE, EXIT_USAGE, cli
from api.feedback import SqliteFeedbackStore
from api.feedback import postgres as postgres_module
from api.feedback.migrate import digest_before_key_digests
from api.feedback.postgres import PostgresFeedbackStore
from api.feedback.store import RETRY_SECONDS, key_digest
from api.http import create_app
from api.models import FeedbackReport
from api.settings import Settings
from indexer.errortext import comparable

KEY = "shared-admin-key"
SEED_QUERY = "Sync failed: The domain portion of the userPrincipalName property is invalid."
SEED_PROBLEM = "jumpcloud-m365#2"
NO_ANSWER = "the coffee machine on floor three is leaking water"
AUTH = {"Authorization": f"Bearer {KEY}"}


def verdict(client: TestClient | httpx.Client, answer: str = "yes") -> httpx.Response:
    """POST one verdict on the seed problem."""
    return client.post(
        "/v1/feedback", json={"query": SEED_QUERY, "problem_id": SEED_PROBLEM, "verdict": answer}
    )


def kb(*args: str | Path) -> Result:
    """Run `kb ARGS` in-process, stdout and stderr apart."""
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


# --- PostgreSQL -------------------------------------------------------------------------------


def test_feedback_routes_on_postgres(kb_db_path: Path, feedback_url: str) -> None:
    settings = Settings(db=kb_db_path, feedback_url=SecretStr(feedback_url), api_key=SecretStr(KEY))
    with TestClient(create_app(settings)) as client:
        assert verdict(client, "no").status_code == 201
        assert client.post("/v1/match", json={"text": NO_ANSWER}).json()["no_confident_match"]
        ready = client.get("/readyz").json()
        assert (ready["feedback"], ready["rate_limits"]) == ("ok", "per-process")
        report = FeedbackReport.model_validate(client.get("/v1/admin/feedback", headers=AUTH).json())
    assert [(p.problem_id, p.yes, p.no) for p in report.problems] == [(SEED_PROBLEM, 0, 1)]
    assert [(u.query, u.asked) for u in report.unanswered] == [(NO_ANSWER, 1)]
    # The same rows, read straight from the database: one store, whichever replica wrote.
    store = PostgresFeedbackStore(feedback_url)
    try:
        assert store.report() == report
    finally:
        store.close()


def test_postgres_outage_keeps_answers_flowing_and_feedback_recovers(kb_db_path: Path) -> None:
    if deploy.postgres_bin() is None:
        pytest.skip("needs the PostgreSQL server (apt-get install postgresql)")
    pg = deploy.Postgres.create()
    try:
        pg.start()
        settings = Settings(
            db=kb_db_path, feedback_url=SecretStr(pg.url), api_key=SecretStr(KEY), feedback_rate_limit="off"
        )
        with live_server(create_app(settings)) as url, httpx.Client(base_url=url, timeout=30) as client:
            assert verdict(client).status_code == 201
            pg.stop()

            # Unanswered queries are recorded after the answer is sent: waiting on the dead
            # database (up to 2 s for a connection) never holds up an answer, even on this
            # same keep-alive connection.
            for _ in range(3):
                started = time.monotonic()
                answer = client.post("/v1/match", json={"text": NO_ANSWER})
                assert answer.status_code == 200 and time.monotonic() - started < 1.5
            refused = verdict(client)
            assert refused.status_code == 503 and refused.headers["Retry-After"] == "5"
            assert refused.json()["error"]["code"] == "feedback_unavailable"
            report_refused = client.get("/v1/admin/feedback", headers=AUTH)
            assert report_refused.status_code == 503
            # A report is read, not stored; and the server is named with its port.
            assert report_refused.json()["error"]["message"].startswith("feedback cannot be read right now")
            port = httpx.URL(url).port
            said = CliRunner().invoke(cli, ["feedback", "--url", url], env={"KB_API_KEY": KEY})
            assert said.exit_code == EXIT_UNAVAILABLE
            assert said.stderr.startswith(f"kb: server 127.0.0.1:{port}: feedback cannot be read right now")
            ready = client.get("/readyz")
            # Still ready: the replica answers matches, so it stays in the proxy's rotation.
            assert ready.status_code == 200 and ready.json()["feedback"] == "degraded"
            for text in (SEED_QUERY, NO_ANSWER):
                assert client.post("/v1/match", json={"text": text}).status_code == 200

            pg.start()
            deadline = time.monotonic() + 20
            while (status := verdict(client).status_code) != 201 and time.monotonic() < deadline:
                assert status == 503
                time.sleep(0.5)
            assert status == 201, "feedback did not resume after PostgreSQL came back"
            assert client.get("/readyz").json()["feedback"] == "ok"
            report = FeedbackReport.model_validate(client.get("/v1/admin/feedback", headers=AUTH).json())
        assert report.total_feedback == 2 and len(report.feedback) == 2
    finally:
        pg.remove()


def stored_verdicts(url: str) -> tuple[int, int]:
    """The verdict rows in the PostgreSQL store at ``url``, and the verdicts counted."""
    with psycopg.connect(url) as conn:
        rows, counted = conn.execute(
            "SELECT (SELECT count(*) FROM feedback), (SELECT coalesce(sum(yes + no), 0) FROM verdict_counts)"
        ).fetchone() or (0, 0)
    return int(rows), int(counted)


@contextmanager
def locked_verdict_counts(url: str, seconds: float) -> Iterator[psycopg.Connection[object]]:
    """Another session holding verdict_counts locked until the block ends, or ``seconds`` at most
    (so that a store that waits for the lock waits that long, and no test hangs)."""
    locker = psycopg.connect(url)
    locker.execute("LOCK TABLE verdict_counts IN ACCESS EXCLUSIVE MODE")
    release = threading.Timer(seconds, locker.rollback)
    release.start()
    try:
        yield locker
    finally:
        release.cancel()
        locker.close()


@contextmanager
def frozen(pg: object) -> Iterator[None]:
    """Every process of the cluster stopped (SIGSTOP) until the block ends: a server that accepts
    connections into the kernel's queue and acknowledges what is sent, but never answers."""
    postmaster = int((pg.data / "postmaster.pid").read_text().split()[0])  # type: ignore[attr-defined]
    pids = [postmaster, *children(postmaster)]
    for pid in pids:
        os.kill(pid, signal.SIGSTOP)
    try:
        yield
    finally:
        for pid in pids:
            os.kill(pid, signal.SIGCONT)


def test_a_post_behind_a_locked_table_is_refused_in_time_and_not_stored_later(
    kb_db_path: Path, feedback_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(postgres_module, "QUERY_SECONDS", 2.0)
    store = PostgresFeedbackStore(feedback_url)
    store.ping()  # creates the tables
    store.close()
    settings = Settings(db=kb_db_path, feedback_url=SecretStr(feedback_url), feedback_rate_limit="off")
    with live_server(create_app(settings)) as url, httpx.Client(base_url=url, timeout=30) as client:
        with locked_verdict_counts(feedback_url, seconds=8):
            started = time.monotonic()
            refused = verdict(client)
            waited = time.monotonic() - started
        # Waited for the lock, it answered 201 after 8 s (24 s behind a real one).
        assert refused.status_code == 503 and refused.headers["Retry-After"] == "5", refused.text
        assert 1.5 < waited < 3.5, waited
        time.sleep(RETRY_SECONDS + 0.5)  # the store's pause after a failure
        assert verdict(client).status_code == 201
    # The refused verdict's row was written before the locked count and rolled back with it.
    assert stored_verdicts(feedback_url) == (1, 1)


def test_a_post_to_a_stopped_postgres_is_refused_in_time_and_not_stored_later(
    kb_db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if deploy.postgres_bin() is None:
        pytest.skip("needs the PostgreSQL server (apt-get install postgresql)")
    monkeypatch.setattr(postgres_module, "QUERY_SECONDS", 2.0)
    pg = deploy.Postgres.create()
    try:
        pg.start()
        settings = Settings(db=kb_db_path, feedback_url=SecretStr(pg.url), feedback_rate_limit="off")
        with live_server(create_app(settings)) as url, httpx.Client(base_url=url, timeout=15) as client:
            assert verdict(client).status_code == 201

            # Stopped between calls: the pool's check of its idle connection waited for good.
            with frozen(pg):
                started = time.monotonic()
                refused = verdict(client)
                assert refused.status_code == 503 and refused.headers["Retry-After"] == "5"
                assert time.monotonic() - started < postgres_module.POOL_TIMEOUT + 1.5
            deadline = time.monotonic() + 20
            while (status := verdict(client).status_code) != 201 and time.monotonic() < deadline:
                time.sleep(0.5)
            assert status == 201, "feedback did not resume after PostgreSQL went on"

            # Stopped during a call (waiting on a lock): the server's own timeout cannot fire.
            with locked_verdict_counts(pg.url, seconds=15) as locker:
                answers: list[httpx.Response] = []
                posting = threading.Thread(target=lambda: answers.append(verdict(client)))
                posting.start()
                time.sleep(0.5)
                with frozen(pg):
                    posting.join(timeout=10)
                    assert answers and answers[0].status_code == 503, answers
                locker.rollback()
            time.sleep(1)
        # What the stopped server had been sent was not applied when it went on.
        assert stored_verdicts(pg.url) == (2, 2)
    finally:
        pg.remove()


def test_kb_feedback_migrate_moves_a_file_into_postgres_with_counts_checked(
    tmp_path: Path, feedback_url: str
) -> None:
    source = tmp_path / "feedback.db"
    local = SqliteFeedbackStore(source)
    for n in range(30):
        local.add_feedback(f"question {n}", f"article#{n % 3}", "yes" if n % 4 else "no")
    for n in range(5):
        for _ in range(n + 1):
            local.add_unanswered(f"unanswered question {n}")
    before = local.report(limit=1000)
    local.close()
    target = PostgresFeedbackStore(feedback_url)
    target.add_unanswered("unanswered question 0")  # asked on a replica already: merged, not doubled

    result = kb("feedback", "migrate", "--from", source, "--to", feedback_url)
    assert result.exit_code == 0, result.stderr
    assert (
        "Copied 30 verdict rows (30 verdicts counted over 3 problems) and 5 unanswered queries"
        in result.stderr
    )
    assert (
        "now holds 30 verdict rows (was 0), 30 verdicts counted (was 0), 5 unanswered queries asked 16 times"
        in (result.stderr)
    )

    after = target.report(limit=1000)
    target.close()
    assert after.problems == before.problems and after.total_feedback == before.total_feedback == 30
    assert [(f.query, f.problem_id, f.verdict, f.created_at) for f in after.feedback] == [
        (f.query, f.problem_id, f.verdict, f.created_at) for f in before.feedback
    ]
    asked = {u.query: u.asked for u in after.unanswered}
    assert asked == {f"unanswered question {n}": n + 1 + (n == 0) for n in range(5)}
    # `kb feedback` reads the same store.
    shown = kb("feedback", "--feedback-url", feedback_url, "--format", "json", "--limit", "1000")
    assert FeedbackReport.model_validate_json(shown.stdout) == after

    # Run again (after a timeout, by mistake): refused, nothing counted twice.
    again = kb("feedback", "migrate", "--from", source, "--to", feedback_url)
    assert again.exit_code == EXIT_USAGE and "nothing copied again" in again.stderr, again.stderr
    assert f"copied from {source}" in again.stderr
    target = PostgresFeedbackStore(feedback_url)
    assert target.report(limit=1000) == after
    target.close()


def test_kb_feedback_migrate_run_again_copies_only_what_the_file_recorded_since(
    tmp_path: Path, feedback_url: str
) -> None:
    source = tmp_path / "feedback.db"
    local = SqliteFeedbackStore(source)
    for n in range(4):
        local.add_feedback(f"question {n}", "article#1", "yes" if n % 2 else "no")
    for _ in range(3):
        local.add_unanswered("printer is haunted")
    local.add_unanswered("forgotten question")
    first = kb("feedback", "migrate", "--from", source, "--to", feedback_url)
    assert first.exit_code == 0, first.stderr

    # The server that keeps the file went on recording: a verdict on another problem, a query asked
    # again, a new one, and one the file had forgotten (its least asked, evicted) asked anew.
    local.add_feedback("question 4", "article#2", "yes")
    local.add_unanswered("printer is haunted")
    local.add_unanswered("a new question")
    with closing(sqlite3.connect(source)) as conn, conn:
        conn.execute("DELETE FROM unanswered WHERE query = 'forgotten question'")
    time.sleep(1.1)  # times are stored to the second: asked anew is first asked later
    local.add_unanswered("forgotten question")
    expected = local.report(limit=1000)
    local.close()

    again = kb("feedback", "migrate", "--from", source, "--to", feedback_url)
    assert again.exit_code == 0, again.stderr
    assert (
        "Copied 1 verdict row (1 verdict counted over 1 problem) and 3 unanswered queries (asked 3 times), "
        "new since the copy of" in again.stderr
    )
    assert "now holds 5 verdict rows (was 4), 5 verdicts counted (was 4)" in again.stderr
    target = PostgresFeedbackStore(feedback_url)
    copied = target.report(limit=1000)
    assert copied.problems == expected.problems and copied.total_feedback == 5
    assert [(f.query, f.verdict) for f in copied.feedback] == [
        (f.query, f.verdict) for f in expected.feedback
    ]
    asked = {u.query: u.asked for u in copied.unanswered}
    assert asked == {"printer is haunted": 4, "a new question": 1, "forgotten question": 2}

    # Nothing new, from the same file or a copy of it elsewhere: refused, nothing counted twice.
    elsewhere = tmp_path / "backup" / "feedback.db"
    elsewhere.parent.mkdir()
    shutil.copy(source, elsewhere)
    for path in (source, elsewhere):
        none_new = kb("feedback", "migrate", "--from", path, "--to", feedback_url)
        assert none_new.exit_code == EXIT_USAGE and "none was added since" in none_new.stderr, none_new.stderr
    # An older copy of the file, holding less than was copied from it: which rows are new cannot be told.
    with closing(sqlite3.connect(elsewhere)) as conn, conn:
        conn.execute("UPDATE verdict_counts SET yes = yes - 1 WHERE problem_id = 'article#2'")
    older = kb("feedback", "migrate", "--from", elsewhere, "--to", feedback_url)
    assert older.exit_code == EXIT_USAGE and "fewer verdicts" in older.stderr, older.stderr
    assert target.report(limit=1000) == copied
    target.close()


def test_kb_feedback_migrate_refuses_a_file_an_earlier_version_copied_and_that_changed_since(
    tmp_path: Path, feedback_url: str
) -> None:
    source = tmp_path / "feedback.db"
    local = SqliteFeedbackStore(source)
    local.add_feedback("question", "article#1", "yes")
    local.close()
    target = PostgresFeedbackStore(feedback_url)
    target.ping()
    target.close()
    # What the version before recorded of a copy: the digest of all the rows, and the name given.
    with psycopg.connect(feedback_url, autocommit=True) as pg:
        pg.execute("INSERT INTO kb_feedback_copied (digest, source) VALUES ('0' , %s)", [str(source)])
    changed = kb("feedback", "migrate", "--from", source, "--to", feedback_url)
    assert changed.exit_code == EXIT_USAGE and "did not record which rows" in changed.stderr, changed.stderr
    assert stored_verdicts(feedback_url) == (0, 0)


def test_a_database_from_before_the_digests_keeps_counting_its_questions(feedback_url: str) -> None:
    store = PostgresFeedbackStore(feedback_url)
    store.report()  # creates the tables
    store.close()
    # What the previous version wrote: the comparable form of a question as its key.
    with psycopg.connect(feedback_url, autocommit=True) as conn:
        conn.execute("DELETE FROM kb_feedback_migrations WHERE name = 'm004_unanswered_key_digests'")
        conn.execute(
            "INSERT INTO unanswered VALUES (%s, %s, 3, '2026-01-01T00:00:00+00:00', '2026-01-01T00:00:00+00:00')",
            [comparable("Sync stops at night"), "Sync stops at night"],
        )
    store = PostgresFeedbackStore(feedback_url)
    store.add_unanswered("Sync stops at night")
    assert [(u.query, u.asked) for u in store.report().unanswered] == [("Sync stops at night", 4)]
    store.close()
    with psycopg.connect(feedback_url) as conn:
        assert conn.execute("SELECT query_key FROM unanswered").fetchall() == [
            (key_digest(comparable("Sync stops at night")),)
        ]


def test_kb_feedback_migrate_knows_a_file_it_copied_before_the_key_digests(
    tmp_path: Path, feedback_url: str
) -> None:
    source = tmp_path / "feedback.db"
    local = SqliteFeedbackStore(source)
    local.add_feedback("question", "article#1", "yes")
    local.add_unanswered("unanswered question")
    local.close()
    # A file as the version before wrote it (its keys as text), and copied by that version: it
    # recorded the digest of the rows as they were.
    feedback_file_before(
        source, "m003_unanswered_key_digests", "UPDATE unanswered SET query_key = 'unanswered question'"
    )
    target = PostgresFeedbackStore(feedback_url)
    target.ping()
    with psycopg.connect(feedback_url, autocommit=True) as pg:
        pg.execute(
            "INSERT INTO kb_feedback_copied (digest, source) VALUES (%s, %s)",
            [digest_before_key_digests(source), str(source)],
        )
    target.close()

    again = kb("feedback", "migrate", "--from", source, "--to", feedback_url)
    assert again.exit_code == EXIT_USAGE and "nothing copied again" in again.stderr, again.stderr


def test_a_database_from_before_a_credential_pattern_has_its_texts_scrubbed_again(feedback_url: str) -> None:
    store = PostgresFeedbackStore(feedback_url)
    store.report()
    store.close()
    with psycopg.connect(feedback_url, autocommit=True) as conn:
        conn.execute("DELETE FROM kb_feedback_migrations WHERE name = 'm005_rescrub_stored_texts'")
        for statement in OLD_ROWS:
            conn.execute(statement)
    with closing(PostgresFeedbackStore(feedback_url)) as store:
        report = store.report()
    assert [f.query for f in report.feedback] == ["mysql -u root -p<secret> fails"]
    assert {u.query for u in report.unanswered} == {"redis-cli -a <secret> ping fails", "plain question"}


def test_a_database_from_before_the_encoded_credential_patterns_has_its_texts_scrubbed_again(
    feedback_url: str,
) -> None:
    with closing(PostgresFeedbackStore(feedback_url)) as store:
        store.report()
    with psycopg.connect(feedback_url, autocommit=True) as conn:
        conn.execute("DELETE FROM kb_feedback_migrations WHERE name = 'm007_rescrub_encoded_credentials'")
        conn.execute(
            "INSERT INTO unanswered VALUES ('k9', 'zork <password>Hunter2pass14</password>', 1, 't', 't')"
        )
    with closing(PostgresFeedbackStore(feedback_url)) as store:
        report = store.report()
    assert "zork <password><secret></password>" in {u.query for u in report.unanswered}


def test_kb_feedback_migrate_refuses_bad_input_and_hides_the_password(
    tmp_path: Path, feedback_url: str
) -> None:
    missing = kb("feedback", "migrate", "--from", tmp_path / "nope.db", "--to", feedback_url)
    assert missing.exit_code == EXIT_USAGE and "no feedback file" in missing.stderr
    (tmp_path / "notes.txt").write_text("not a database", encoding="utf-8")
    foreign = kb("feedback", "migrate", "--from", tmp_path / "notes.txt", "--to", feedback_url)
    assert foreign.exit_code == EXIT_USAGE and "not a SQLite file" in foreign.stderr
    wrong_kind = kb("feedback", "migrate", "--from", tmp_path / "notes.txt", "--to", "mysql://db/kb")
    assert wrong_kind.exit_code == EXIT_USAGE and "postgresql://" in wrong_kind.stderr

    SqliteFeedbackStore(tmp_path / "feedback.db").add_feedback("q", "a#1", "yes")
    closed = f"postgresql://kb:hunter2@127.0.0.1:{deploy.free_port()}/kb"
    unreachable = kb("feedback", "migrate", "--from", tmp_path / "feedback.db", "--to", closed)
    assert unreachable.exit_code == EXIT_UNAVAILABLE and "127.0.0.1" in unreachable.stderr
    assert "hunter2" not in unreachable.stderr + unreachable.stdout
    # One line that says why, not the pool's warning for every attempt before it.
    assert unreachable.stderr.count("\n") == 1 and "refused" in unreachable.stderr, unreachable.stderr


# --- Redis ------------------------------------------------------------------------------------


def test_rate_limits_are_shared_by_replicas_through_redis(
    tmp_path: Path, kb_db_path: Path, redis_url: str
) -> None:
    settings = Settings(
        db=kb_db_path,
        feedback_db=tmp_path / "feedback.db",
        feedback_rate_limit="3/minute",
        rate_limit_storage=redis_url,
    )
    reader = ("203.0.113.7", 50000)
    # Two apps stand for two replicas; the same reader lands on both.
    with (
        TestClient(create_app(settings), client=reader) as one,
        TestClient(create_app(settings), client=reader) as two,
    ):
        statuses = [verdict(one).status_code, verdict(two).status_code, verdict(one).status_code]
        limited = verdict(two)
        assert statuses == [201, 201, 201] and limited.status_code == 429
        assert limited.json()["error"]["code"] == "rate_limited" and int(limited.headers["Retry-After"]) >= 1
        assert one.get("/readyz").json()["rate_limits"] == "shared"


def test_redis_outage_falls_back_to_limits_per_process(tmp_path: Path, kb_db_path: Path) -> None:
    import shutil

    if not shutil.which("redis-server"):
        pytest.skip("needs Redis (apt-get install redis-server)")
    port = deploy.free_port()
    redis = deploy.start_redis(tmp_path, port)
    settings = Settings(
        db=kb_db_path,
        feedback_db=tmp_path / "feedback.db",
        feedback_rate_limit="2/minute",
        rate_limit_storage=f"redis://127.0.0.1:{port}",
    )
    try:
        with TestClient(create_app(settings)) as client:
            assert verdict(client).status_code == 201
            deploy.stop_process(redis.pid)
            # Counted in this process from now on: still limited, never an error.
            assert [verdict(client).status_code for _ in range(3)] == [201, 201, 429]
            ready = client.get("/readyz")
            assert ready.status_code == 200 and ready.json()["rate_limits"] == "degraded"
            redis = deploy.start_redis(tmp_path, port)
            assert client.get("/readyz").json()["rate_limits"] == "shared"
    finally:
        deploy.stop_process(redis.pid)
