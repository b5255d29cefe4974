"""Readers' feedback: the store on a real SQLite file, and the routes through the real app."""

from __future__ import annotations

import math
import multiprocessing
import os
import pwd
import re
import shutil
import sqlite3
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from click.testing import CliRunner, Result
from conftest import feedback_file_before
from fastapi import FastAPI
from fastapi.testclient import TestClient
from limits.storage import storage_from_string
from limits.strategies import MovingWindowRateLimiter
from live import live_server
from pydantic import SecretStr, ValidationError

from api.cli import EXIT_UNAVAILABLE, EXIT_USAGE, cli
from api.feedback import FeedbackStore, FeedbackUnavailable, SqliteFeedbackStore, open_store
from api.feedback import store as feedback_module
from api.feedback.credentials import hide_credentials
from api.feedback.store import key_digest
from api.http import create_app
from api.http.ratelimit import RateLimiter, parse_limits
from api.models import FeedbackReport
from api.settings import Settings
from indexer.build import build_index
from indexer.errortext import comparable

REPO = Path(__file__).resolve().parent.parent
KEY = "feedback-admin-key"
SEED_QUERY = "Sync failed: The domain portion of the userPrincipalName property is invalid."
SEED_PROBLEM = "jumpcloud-m365#2"
NO_ANSWER = "the coffee machine on floor three is leaking water"


def rows(path: Path, table: str) -> list[dict[str, object]]:
    """Every row of ``table`` in the feedback file, read with plain sqlite3."""
    conn = sqlite3.connect(path)
    conn.row_factory = sqlite3.Row
    try:
        return [dict(r) for r in conn.execute(f"SELECT * FROM {table} ORDER BY rowid")]
    finally:
        conn.close()


# --- the store, on both backends ----------------------------------------------------------------


@pytest.fixture(params=["sqlite", "postgres"])
def make_store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Callable[[], FeedbackStore]]:
    """Opens stores on one SQLite file, or on one fresh PostgreSQL database: the same behaviour is expected."""
    if request.param == "postgres":
        url = request.getfixturevalue("feedback_url")
        settings = Settings(db=tmp_path / "kb.db", feedback_url=SecretStr(url))
    else:
        settings = Settings(db=tmp_path / "kb.db", feedback_db=tmp_path / "fb" / "feedback.db")
    opened: list[FeedbackStore] = []

    def make() -> FeedbackStore:
        opened.append(open_store(settings))
        return opened[-1]

    yield make
    for store in opened:
        store.close()


def test_feedback_is_stored_and_reported_newest_first(make_store: Callable[[], FeedbackStore]) -> None:
    store = make_store()
    first = store.add_feedback("  Sync failed:\n the domain portion…  ", "a#1", "yes")
    store.add_feedback("another question", "a#1", "no")
    store.add_feedback("third", "b#2", "no")
    store.add_feedback("fourth", "b#2", "no")

    assert first.id == 1 and first.query == "Sync failed: the domain portion..." and first.verdict == "yes"
    report = store.report()
    assert [f.query for f in report.feedback] == ["fourth", "third", "another question", first.query]
    assert report.total_feedback == 4
    # The problem readers said "no" to most comes first: that article needs work.
    assert [(p.problem_id, p.yes, p.no) for p in report.problems] == [("b#2", 0, 2), ("a#1", 1, 1)]


def test_unanswered_queries_count_variants_together_and_most_asked_come_first(
    make_store: Callable[[], FeedbackStore],
) -> None:
    store = make_store()
    store.add_unanswered("printer jammed")
    for user in ("alice@contoso.com", "bob@fabrikam.com", "carol@example.org"):
        store.add_unanswered(f"Mailbox {user} is over quota")
    store.add_unanswered("printer jammed")

    unanswered = store.report().unanswered
    assert [(u.query, u.asked) for u in unanswered] == [
        ("Mailbox <value> is over quota", 3),
        ("printer jammed", 2),
    ]
    assert unanswered[0].first_asked <= unanswered[0].last_asked


def test_stored_queries_keep_the_wording_not_the_people(make_store: Callable[[], FeedbackStore]) -> None:
    store = make_store()
    pasted = (
        "2026-11-26 10:15:02 Sync failed for jane.doe@contoso.com from 10.1.2.3: AADSTS50105 "
        "(request 4f1c2d3e-1111-2222-3333-444455556666)"
    )
    store.add_unanswered(pasted)
    stored = store.add_feedback(pasted, "a#1", "no")
    for kept in (store.report().unanswered[0].query, stored.query, store.report().feedback[0].query):
        assert kept == "<value> Sync failed for <value> from <value>: AADSTS50105 (request <value>)"


def test_stored_queries_keep_markdown_emphasis(make_store: Callable[[], FeedbackStore]) -> None:
    store = make_store()
    stored = store.add_feedback(
        "Sync **still** fails for jane.doe@contoso.com, password ********", "a#1", "no"
    )
    assert stored.query == "Sync **still** fails for <value>, password ********"


def test_stored_queries_keep_no_credentials(make_store: Callable[[], FeedbackStore]) -> None:
    store = make_store()
    secrets = [
        "hunter2-Pa55",
        "s3cr3t value",
        "ghp_16C7e42F292c6912E7710c838347Ae178B4a",
        "mF_9.B5f-4.1JqM",
        "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.c2lnbmF0dXJl",
        "AKIAIOSFODNN7EXAMPLE",
        "MIIEvQIBADANBgkqhkiG9w0BAQEFAASC",
        "Winter2024xyz",
    ]
    pasted = (
        f"Login failed: connection string Server=db;User Id=sa;Password={secrets[0]};\n"
        f'config {{"client_secret": "{secrets[1]}"}} with HOMEBREW_GITHUB_API_TOKEN={secrets[2]}\n'
        f"curl -H 'Authorization: Bearer {secrets[3]}' returned 401; session {secrets[4]}\n"
        f"aws_access_key_id {secrets[5]} denied\n"
        f"-----BEGIN PRIVATE KEY-----\n{secrets[6]}\n-----END PRIVATE KEY-----\n"
        f"SMTP auth failed: <smtpPassword>{secrets[7]}</smtpPassword>"
    )
    store.add_unanswered(pasted)
    stored = store.add_feedback(pasted, "a#1", "no")
    for kept in (store.report().unanswered[0].query, stored.query):
        assert not [s for s in secrets if s in kept or s.split()[0] in kept]
        # The wording stays, and says what was there.
        assert kept.startswith("Login failed: connection string Server=db;User Id=sa;Password=<secret>;")
        assert "Authorization: Bearer <secret>' returned 401" in kept


@pytest.mark.parametrize(
    ("pasted", "kept"),
    [
        ("mysql://root:hunter2@localhost/db", "mysql://root:<secret>@localhost/db"),
        ("dbPassword=hunter2 PGPASSWORD=hunter2", "dbPassword=<secret> PGPASSWORD=<secret>"),
        ("curl -u alice:hunter2 failed", "curl -u alice:<secret> failed"),
        ("mysql --password hunter2 db", "mysql --password <secret> db"),
        ("machine build.example login alice password hunter2", "login alice password <secret>"),
        ("Cookie: sessionid=abc123; csrftoken=xyz", "Cookie: <secret>"),
        ("X-Api-Key: abcdefghijklmnop1", "X-Api-Key: <secret>"),
        ("password: aHVudGVyMg==", "password: <secret>"),
        ("POSTGRES_PASSWORD: example", "POSTGRES_PASSWORD: <secret>"),
        ("I set password: Hunter22. Still 401", "password: <secret>. Still 401"),
        ("Server=db;Uid=sa;Pwd=Tr0ub4dor;AccountKey=Zk9v==;", "Pwd=<secret>;AccountKey=<secret>;"),
        ("DB_PASS=hunter2xyz", "DB_PASS=<secret>"),
        ("curl --user admin:S3cretPass", "--user admin:<secret>"),
        ("$ mysql -u root -pHunter2 -h db shop", "mysql -u root -p<secret> -h db shop"),
        ("mysqldump -uroot -pabc123 shop > dump.sql", "-p<secret> shop > dump.sql"),
        ("redis-cli -h cache -a s3cret ping", "redis-cli -h cache -a <secret> ping"),
        ("docker login -u bob -p s3cretpw registry.example", "-p <secret> registry.example"),
        ("sshpass -p hunter2 ssh deploy@host", "sshpass -p <secret> ssh"),
        ('password := "S3cretValue42"', "password := <secret>"),
        ("$db_password => 'S3cretValue42';", "$db_password => <secret>;"),
        ('Connect-AzAccount -Password "S3cretValue42" -Force', "-Password <secret> -Force"),
        ("Invoke-Sqlcmd -Password S3cretValue42 -Query x", "-Password <secret> -Query x"),
        ("curl -ubob:Hunter2xyz https://example.com", "curl -ubob:<secret> https://"),
        ("JWT_SECRET=Hunter2xyz KUBE_SECRET=abc", "JWT_SECRET=<secret> KUBE_SECRET=<secret>"),
        ("mysql -h db -P3306 -u root -pHunter2 shop", "-P3306 -u root -p<secret> shop"),
        ("mysql -u root -p'Hunter2x' shop", "-p<secret> shop"),
        (
            "New-LocalUser -Password (ConvertTo-SecureString 'Hunter2x' -AsPlainText)",
            "SecureString <secret> -As",
        ),
        ("az login --service-principal -u app -p S3cret1 --tenant t", "-p <secret> --tenant"),
        (
            "az ad sp create --client-secret X1y --sas-token 'sv=1&sig=abc'",
            "--client-secret <secret> --sas-token <secret>",
        ),
        ("sqlcmd -S db -U sa -P Hunter2x -Q query", "-P <secret> -Q"),
        ("mongosh -u admin -p Hunter2x", "-p <secret>"),
        ("Authorization: SharedKey acct:Hunter2xyzAbc==", "SharedKey acct:<secret>"),
        ('mysql --password "two words" shop', "--password <secret> shop"),
        # As a request or a configuration encodes them: an XML element, "=" URL-encoded or JSON-escaped.
        ("login failed <password>Hunter2pass</password>", "<password><secret></password>"),
        ("<ApiKey>abc123xyz</ApiKey> rejected", "<ApiKey><secret></ApiKey> rejected"),
        ("<ClientSecret>AbC~8Q~xyz123</ClientSecret>", "<ClientSecret><secret></ClientSecret>"),
        (
            '<wsse:Password Type="PasswordText">Hunter2</wsse:Password>',
            'PasswordText"><secret></wsse:Password>',
        ),
        ("GET /login?user=bob&password%3DHunter2pass HTTP/1.1", "password%3D<secret> HTTP"),
        ('{"body": "password\\u003dHunter2pass"}', "password\\u003d<secret>"),
    ],
)
def test_credentials_in_the_shapes_people_paste_them(pasted: str, kept: str) -> None:
    assert kept in hide_credentials(pasted)


@pytest.mark.parametrize(
    "command",
    [
        "docker run -p 8080:80 nginx",
        "ssh -p 2222 deploy@host",
        "redis-cli -h cache -p 6379 get key",
        # Written apart, mysql's -p asks for the password: what follows is the database.
        "mysql -u root -p shop",
        "git commit -update:now",
        "token 12:30:01 expired",
        "After docker login, docker run -p 8080:80 nginx fails",
        # A Secret's name in Kubernetes logs is no credential.
        'msg="failed to get secret" secret=default/my-tls2',
        '"resource_name"="issuers.cert-manager.io" "secret"="cert-manager/cert-manager-webhook-ca"',
    ],
)
def test_short_options_that_are_no_password_are_kept(command: str) -> None:
    assert hide_credentials(command) == command


@pytest.mark.parametrize(
    "prose",
    [
        "Invalid token: the token has expired",
        "AADSTS50126: Error validating credentials due to invalid username or password.",
        "ERROR retrieving token: AADSTS50011: The reply address does not match",
        "IDX10511: token validation failed",
        "HTTP Basic authentication failed",
        "Error: layer digest mismatch",
        "PWD=/home/alice/project",
        "oauth2: cannot fetch token: 401 Unauthorized",
        "Invalid credentials: 3 attempts remaining",
        "Credentials(token=None)",
        "No valid key mapping found for securityToken: 'System.IdentityModel.Tokens.X509SecurityToken' and issuer",
        "AADSTS7000215: Invalid client secret provided.",
        "the secret: it works",
    ],
)
def test_error_text_about_credentials_is_kept(make_store: Callable[[], FeedbackStore], prose: str) -> None:
    store = make_store()
    store.add_unanswered(prose)
    assert store.report().unanswered[0].query == prose


def test_blank_unanswered_query_is_not_counted(make_store: Callable[[], FeedbackStore]) -> None:
    store = make_store()
    store.add_unanswered("   \n ")
    assert store.report().unanswered == []


def test_a_nul_character_is_stored_as_a_space_and_the_store_stays_up(
    make_store: Callable[[], FeedbackStore],
) -> None:
    # PostgreSQL's text cannot hold NUL: stored as typed, the query failed, and the failure
    # put the store "down" for every client for RETRY_SECONDS.
    store = make_store()
    assert store.add_feedback("printer\x00jammed", "a#1", "yes").query == "printer jammed"
    store.add_unanswered("scanner\x00 offline")
    store.add_feedback("the next reader", "a#1", "no")
    report = store.report()
    assert [f.query for f in report.feedback] == ["the next reader", "printer jammed"]
    assert [u.query for u in report.unanswered] == ["scanner offline"]


def test_unanswered_table_is_bounded(
    make_store: Callable[[], FeedbackStore], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(feedback_module, "MAX_UNANSWERED", 3)
    store = make_store()
    store.add_unanswered("asked twice")
    store.add_unanswered("asked twice")
    for n in range(6):
        store.add_unanswered(f"one-off question number {'x' * n}")
    kept = store.report(limit=100).unanswered
    assert len(kept) == 3
    assert "asked twice" in {u.query for u in kept}


def test_feedback_table_keeps_the_newest_rows(
    make_store: Callable[[], FeedbackStore], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(feedback_module, "MAX_FEEDBACK", 3)
    store = make_store()
    for n in range(5):
        store.add_feedback(f"question {n}", "a#1", "yes")
    assert [f.query for f in store.report(limit=100).feedback] == ["question 4", "question 3", "question 2"]


def test_evicted_verdicts_still_count_for_their_problem(
    make_store: Callable[[], FeedbackStore], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 12 item 6: a flood of posts ages raw rows out but cannot erase what genuine readers said."""
    monkeypatch.setattr(feedback_module, "MAX_FEEDBACK", 3)
    store = make_store()
    for n in range(4):
        store.add_feedback(f"genuine reader {n}", "a#1", "no")
    for n in range(10):
        store.add_feedback(f"flood {n}", "b#2", "yes")

    report = store.report(limit=100)
    assert [f.query for f in report.feedback] == ["flood 9", "flood 8", "flood 7"]
    assert [(p.problem_id, p.yes, p.no) for p in report.problems] == [("a#1", 0, 4), ("b#2", 10, 0)]
    assert report.total_feedback == 14


def test_feedback_survives_reopening_and_concurrent_writers(make_store: Callable[[], FeedbackStore]) -> None:
    # Two stores on one file or database stand for two server workers (or replicas).
    stores = [make_store(), make_store()]

    def write(store: FeedbackStore, worker: int) -> None:
        for n in range(25):
            store.add_feedback(f"worker {worker} query {n}", "a#1", "yes")
            store.add_unanswered("shared unanswered question")

    in_threads(write, [(store, worker) for worker, store in enumerate(stores)])
    report = make_store().report(limit=1000)
    assert report.total_feedback == 50 and len(report.feedback) == 50
    assert [(u.query, u.asked) for u in report.unanswered] == [("shared unanswered question", 50)]


def in_threads(work: Callable[..., None], calls: list[tuple[Any, ...]]) -> None:
    """Run ``work`` on each of ``calls``' arguments (a store first), each in a thread of its own,
    all at once; then close the stores."""
    threads = [threading.Thread(target=work, args=args) for args in calls]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for store, *_ in calls:
        store.close()


def test_workers_setting_up_a_new_file_together_never_take_it_for_a_foreign_one(tmp_path: Path) -> None:
    # A worker that looked between another's CREATE TABLE (committed at once) and the record of
    # its migration saw feedback tables and no feedback, and refused the file: 17 of 300 trials.
    failures: list[str] = []

    def ask(store: FeedbackStore) -> None:
        try:
            store.add_unanswered("asked at once")
        except FeedbackUnavailable as exc:
            failures.append(str(exc))

    for trial in range(150):
        in_threads(ask, [(SqliteFeedbackStore(tmp_path / f"{trial}.db"),) for _ in range(3)])
    assert failures == []


def test_a_file_from_before_the_counts_gets_them_from_its_rows(tmp_path: Path) -> None:
    path = tmp_path / "feedback.db"
    store = SqliteFeedbackStore(path)
    store.add_feedback("one", "a#1", "yes")
    store.add_feedback("two", "a#1", "no")
    store.add_feedback("three", "b#1", "no")
    store.close()
    # What a feedback.db written by the previous version looks like: rows, no counts table.
    feedback_file_before(path, "m002_verdict_counts", "DROP TABLE verdict_counts")

    report = SqliteFeedbackStore(path).report()
    assert [(p.problem_id, p.yes, p.no) for p in report.problems] == [("b#1", 0, 1), ("a#1", 1, 1)]
    assert report.total_feedback == 3


def test_unanswered_queries_are_counted_by_a_digest_that_keeps_none_of_their_text(tmp_path: Path) -> None:
    path = tmp_path / "feedback.db"
    store = SqliteFeedbackStore(path)
    # The comparable form of each is empty (a placeholder, an address): the text itself was the key.
    for pasted in (
        '<add key="Password" value="S3cretValue42"/>',
        '<add key="Password" value="S3cretValue42"/>',
    ):
        store.add_unanswered(pasted)
    store.add_unanswered("mail john.doe@contoso.com")
    store.close()
    stored = rows(path, "unanswered")
    assert sorted(row["asked"] for row in stored) == [1, 2]
    for row in stored:
        assert re.fullmatch(r"[0-9a-f]{64}", str(row["query_key"])), row
        assert "s3cret" not in str(row).lower() and "john.doe" not in str(row)


def test_a_file_from_before_the_digests_keeps_counting_its_questions(tmp_path: Path) -> None:
    path = tmp_path / "feedback.db"
    store = SqliteFeedbackStore(path)
    store.report()  # creates the file
    store.close()
    # What a feedback.db written by the previous version holds: the comparable form as the key.
    feedback_file_before(
        path,
        "m003_unanswered_key_digests",
        f"INSERT INTO unanswered VALUES ('{comparable('Sync stops at night')}', 'Sync stops at night', 3, "
        "'2026-01-01T00:00:00+00:00', '2026-01-01T00:00:00+00:00')",
    )

    store = SqliteFeedbackStore(path)
    store.add_unanswered("Sync stops at night")
    assert [(u.query, u.asked) for u in store.report().unanswered] == [("Sync stops at night", 4)]
    store.close()
    [row] = rows(path, "unanswered")
    assert row["query_key"] == key_digest(comparable("Sync stops at night"))


OLD_ROWS = (
    "INSERT INTO feedback (query, problem_id, verdict, created_at) "
    "VALUES ('mysql -u root -pHunter2 fails', 'a#1', 'no', '2026-01-01T00:00:00+00:00')",
    "INSERT INTO unanswered VALUES ('k1', 'redis-cli -a s3cret ping fails', 2, 't', 't')",
    "INSERT INTO unanswered VALUES ('k2', 'plain question', 1, 't', 't')",
)


def test_a_file_from_before_a_credential_pattern_has_its_texts_scrubbed_again(tmp_path: Path) -> None:
    path = tmp_path / "feedback.db"
    store = SqliteFeedbackStore(path)
    store.report()
    store.close()
    # Rows kept before the patterns for mysql's -p and redis-cli's -a existed.
    feedback_file_before(path, "m004_rescrub_stored_texts", *OLD_ROWS)
    report = SqliteFeedbackStore(path).report()
    assert [f.query for f in report.feedback] == ["mysql -u root -p<secret> fails"]
    assert {u.query for u in report.unanswered} == {"redis-cli -a <secret> ping fails", "plain question"}


def test_a_file_from_before_the_encoded_credential_patterns_has_its_texts_scrubbed_again(
    tmp_path: Path,
) -> None:
    path = tmp_path / "feedback.db"
    SqliteFeedbackStore(path).report()
    feedback_file_before(
        path,
        "m006_rescrub_encoded_credentials",
        "INSERT INTO unanswered VALUES ('k1', 'zork failure <password>Hunter2pass14</password>', 1, 't', 't')",
        "INSERT INTO unanswered VALUES ('k2', 'zork password%3DHunter2pass15', 1, 't', 't')",
    )
    report = SqliteFeedbackStore(path).report()
    assert {u.query for u in report.unanswered} == {
        "zork failure <password><secret></password>",
        "zork password%3D<secret>",
    }


def _ask_at(path: Path, start: float) -> None:
    while time.time() < start:
        pass
    SqliteFeedbackStore(path).add_unanswered("Sync stops at night")


def test_workers_opening_a_file_from_before_the_digests_together_lose_no_count(tmp_path: Path) -> None:
    path = tmp_path / "feedback.db"
    store = SqliteFeedbackStore(path)
    store.report()
    store.close()
    feedback_file_before(path, "m003_unanswered_key_digests")
    # Eight server workers asked at the same moment: each migrates, one records it; the others
    # (a UNIQUE constraint on the record) look again and find it done.
    start = time.time() + 0.5
    workers = [
        multiprocessing.get_context("fork").Process(target=_ask_at, args=(path, start)) for _ in range(8)
    ]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(30)
    assert [w.exitcode for w in workers] == [0] * 8
    assert [u.asked for u in SqliteFeedbackStore(path).report().unanswered] == [8]


def test_a_secret_cut_in_half_by_the_read_limit_is_not_kept(make_store: Callable[[], FeedbackStore]) -> None:
    line = "GET https://login.example.com/" + "a" * 250 + " failed\n"
    padding = line * (3950 // len(line))
    secret = "mysql://root:S3cretValue42"
    store = make_store()
    store.add_unanswered(
        padding + "x" * (4000 - len(padding) - len(secret)) + secret + "@db.internal/app refused"
    )
    [kept] = store.report().unanswered
    assert "S3cret" not in kept.query and kept.query.endswith("failed")
    # A quoted value the cut goes through, and a query of one long word (still counted).
    store.add_unanswered("e" * 3972 + ' password="correct horse battery staple" fails')
    store.add_unanswered("x" * 5000)
    queries = [u.query for u in store.report().unanswered]
    assert len(queries) == 3 and not [q for q in queries if "horse" in q]


# --- over HTTP --------------------------------------------------------------------------------


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[TestClient, Settings]]:
    """An app with an admin key over a private index of a private copy of kb/."""
    articles = Path(shutil.copytree(REPO / "kb", tmp_path / "articles"))
    settings = Settings(
        db=tmp_path / "index" / "kb.db",
        articles=[articles],
        api_key=SecretStr(KEY),
        feedback_db=tmp_path / "state" / "feedback.db",
    )
    build_index([articles], settings.db)
    with TestClient(create_app(settings)) as client:
        yield client, settings


def admin(client: TestClient) -> FeedbackReport:
    response = client.get("/v1/admin/feedback", headers={"Authorization": f"Bearer {KEY}"})
    assert response.status_code == 200, response.text
    return FeedbackReport.model_validate(response.json())


def test_feedback_route_stores_a_row(served: tuple[TestClient, Settings]) -> None:
    client, settings = served
    response = client.post(
        "/v1/feedback", json={"query": SEED_QUERY, "problem_id": SEED_PROBLEM, "verdict": "yes"}
    )
    assert response.status_code == 201, response.text
    body = response.json()
    assert body["problem_id"] == SEED_PROBLEM and body["verdict"] == "yes" and body["id"] == 1
    [row] = rows(settings.feedback_path, "feedback")
    assert (row["query"], row["problem_id"], row["verdict"]) == (SEED_QUERY, SEED_PROBLEM, "yes")
    assert row["created_at"] == body["created_at"]
    assert 'kb_feedback_total{verdict="yes"} 1.0' in client.get("/metrics").text


def test_feedback_on_an_id_copied_with_spaces_is_stored_under_the_id(
    served: tuple[TestClient, Settings],
) -> None:
    # Every lookup takes an id with spaces around it; feedback answered 404 "no problem" for one.
    client, settings = served
    copied = {"query": SEED_QUERY, "problem_id": f" {SEED_PROBLEM}\n", "verdict": "no"}
    response = client.post("/v1/feedback", json=copied)
    assert response.status_code == 201, response.text
    assert [row["problem_id"] for row in rows(settings.feedback_path, "feedback")] == [SEED_PROBLEM]


@pytest.mark.parametrize(
    ("payload", "status", "code"),
    [
        ({"query": "q", "problem_id": "jumpcloud-m365#99", "verdict": "yes"}, 404, "not_found"),
        ({"query": "q", "problem_id": SEED_PROBLEM, "verdict": "maybe"}, 422, "invalid_request"),
        ({"query": "   ", "problem_id": SEED_PROBLEM, "verdict": "no"}, 422, "invalid_request"),
        ({"query": "x" * 5000, "problem_id": SEED_PROBLEM, "verdict": "no"}, 422, "invalid_request"),
        ({"problem_id": SEED_PROBLEM, "verdict": "no"}, 422, "invalid_request"),
    ],
)
def test_bad_feedback_is_refused_and_nothing_is_stored(
    served: tuple[TestClient, Settings], payload: dict[str, str], status: int, code: str
) -> None:
    client, settings = served
    response = client.post("/v1/feedback", json=payload)
    assert response.status_code == status, response.text
    assert response.json()["error"]["code"] == code
    assert not settings.feedback_path.exists() or rows(settings.feedback_path, "feedback") == []


def test_feedback_with_a_field_nobody_reads_is_refused_naming_the_fields(
    served: tuple[TestClient, Settings],
) -> None:
    # A "comment" (or "helpful" beside "verdict") was answered 201 and dropped: the client believed
    # it stored. /v1/match refuses a field it does not have; so does this route, naming its own.
    client, settings = served
    payload = {"query": SEED_QUERY, "problem_id": SEED_PROBLEM, "verdict": "no", "comment": "step 2 is wrong"}
    response = client.post("/v1/feedback", json=payload)
    assert response.status_code == 422, response.text
    error = response.json()["error"]
    assert error["code"] == "invalid_request"
    assert error["message"] == "comment: no such field (the fields are query, problem_id, verdict)"
    assert not settings.feedback_path.exists() or rows(settings.feedback_path, "feedback") == []


def test_the_feedback_fields_named_in_errors_are_the_models() -> None:
    from api.http.feedback_routes import FeedbackRequest
    from api.requests import BODY_FIELDS

    assert BODY_FIELDS["/v1/feedback"] == list(FeedbackRequest.model_fields)


def test_feedback_must_be_json(served: tuple[TestClient, Settings]) -> None:
    client, _ = served
    response = client.post("/v1/feedback", content=b"verdict=yes", headers={"Content-Type": "text/plain"})
    assert response.status_code == 415


def test_a_feedback_store_that_is_down_is_said_once_a_minute_not_per_query(
    kb_db_path: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    # Before: a line for every unanswered query, 1,650 per replica in a 14 s outage.
    (tmp_path / "not-a-folder").write_text("x", encoding="utf-8")
    settings = Settings(
        db=kb_db_path, feedback_db=tmp_path / "not-a-folder" / "feedback.db", feedback_rate_limit="off"
    )
    with TestClient(create_app(settings)) as client, caplog.at_level("WARNING", logger="kb.http"):
        for n in range(5):
            assert client.post("/v1/match", json={"text": f"{NO_ANSWER} {n}"}).status_code == 200
    said = [
        r.getMessage() for r in caplog.records if "could not record an unanswered query" in r.getMessage()
    ]
    assert len(said) == 1, said


def test_unanswered_matches_are_recorded_and_listed_most_asked_first(
    served: tuple[TestClient, Settings],
) -> None:
    client, _ = served
    for _ in range(3):
        assert client.post("/v1/match", json={"text": NO_ANSWER}).json()["no_confident_match"]
    assert client.post("/v1/match", json={"text": "why is the wifi slow"}).json()["no_confident_match"]
    answered = client.post("/v1/match", json={"text": SEED_QUERY}).json()
    assert not answered["no_confident_match"]

    report = admin(client)
    assert [(u.query, u.asked) for u in report.unanswered] == [(NO_ANSWER, 3), ("why is the wifi slow", 1)]


def test_a_question_only_its_scope_left_unanswered_is_not_recorded_as_unanswered(
    served: tuple[TestClient, Settings],
) -> None:
    # A portal page of another product asked the seed's error: the report told authors to write
    # an article the knowledge base has.
    client, _ = served
    for text in (SEED_QUERY, NO_ANSWER):
        scoped = client.post("/v1/match", json={"text": text, "product": "AcmeVPN"}).json()
        assert scoped["no_confident_match"] and scoped["matches"] == []
    assert [u.query for u in admin(client).unanswered] == [NO_ANSWER]


def test_an_unanswered_match_is_kept_as_the_store_keeps_the_same_query(
    served: tuple[TestClient, Settings], tmp_path: Path
) -> None:
    """The route had cut a long query itself, short of where the store cuts it, so the store's rule
    for a cut through a quoted value never ran for queries recorded by /v1/match."""
    # The cut falls inside the quoted value, between two of its words.
    quoted = 'password="Hunter2Secret correct horse battery"'
    query = (
        "zork sync failed".ljust(feedback_module.MAX_READ_CHARS - len('password="Hunter2Secret ')) + quoted
    )
    client, _ = served
    assert client.post("/v1/match", json={"text": query}).json()["no_confident_match"]
    direct = SqliteFeedbackStore(tmp_path / "direct.db")
    direct.add_unanswered(query)
    kept = [u.query for u in direct.report().unanswered]
    assert kept and [u.query for u in admin(client).unanswered] == kept


def test_admin_feedback_needs_the_key(served: tuple[TestClient, Settings], kb_db_path: Path) -> None:
    client, _ = served
    assert client.get("/v1/admin/feedback").status_code == 401
    wrong = client.get("/v1/admin/feedback", headers={"Authorization": "Bearer nope"})
    assert wrong.status_code == 403
    with TestClient(create_app(Settings(db=kb_db_path))) as keyless:
        assert keyless.get("/v1/admin/feedback").status_code == 404


def test_reindex_keeps_the_feedback(served: tuple[TestClient, Settings]) -> None:
    client, settings = served
    client.post("/v1/feedback", json={"query": SEED_QUERY, "problem_id": SEED_PROBLEM, "verdict": "no"})
    client.post("/v1/match", json={"text": NO_ANSWER})
    article = settings.articles[0] / "jumpcloud-m365.md"
    article.write_text(article.read_text(encoding="utf-8") + "\n<!-- edited -->\n", encoding="utf-8")

    reindexed = client.post("/v1/admin/reindex", headers={"Authorization": f"Bearer {KEY}"})
    assert reindexed.status_code == 200 and reindexed.json()["parsed"] == 1

    report = admin(client)
    assert [(f.problem_id, f.verdict) for f in report.feedback] == [(SEED_PROBLEM, "no")]
    assert [u.query for u in report.unanswered] == [NO_ANSWER]


def test_unwritable_feedback_file_is_a_503_and_answers_still_work(tmp_path: Path, kb_db_path: Path) -> None:
    # A directory where the file should be: SQLite cannot open it.
    blocked = tmp_path / "feedback.db"
    blocked.mkdir()
    settings = Settings(db=kb_db_path, feedback_db=blocked, api_key=SecretStr(KEY))
    with TestClient(create_app(settings)) as client:
        response = client.post(
            "/v1/feedback", json={"query": SEED_QUERY, "problem_id": SEED_PROBLEM, "verdict": "yes"}
        )
        assert response.status_code == 503
        assert response.json()["error"]["code"] == "feedback_unavailable"
        # Recording an unanswered query fails quietly: the reader still gets the answer.
        assert client.post("/v1/match", json={"text": NO_ANSWER}).status_code == 200
        report = client.get("/v1/admin/feedback", headers={"Authorization": f"Bearer {KEY}"})
        assert report.status_code == 503


def test_a_readiness_check_waits_no_longer_than_its_limit_behind_a_locked_file(tmp_path: Path) -> None:
    # Another process holds the file's write lock; two posts of this one wait for it. The check
    # waited behind both (10 s each), so a balancer took a replica that still answers out of rotation.
    path = tmp_path / "feedback.db"
    store = SqliteFeedbackStore(path)
    store.ping()
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    failed: list[BaseException] = []

    def post(query: str) -> None:
        try:
            store.add_feedback(query, SEED_PROBLEM, "yes")
        except BaseException as exc:  # reported below, not lost in the thread
            failed.append(exc)

    posts = [threading.Thread(target=post, args=(f"question {i}",)) for i in range(2)]
    try:
        for thread in posts:
            thread.start()
        time.sleep(0.2)
        started = time.monotonic()
        with pytest.raises(FeedbackUnavailable):
            store.ping(0.5)
        assert time.monotonic() - started < 2.0
    finally:
        other.execute("COMMIT")
        other.close()
        for thread in posts:
            thread.join()
        store.close()
    # The posts waited within their own budget, and were stored once the file was free.
    assert failed == []
    assert sorted(row["query"] for row in rows(path, "feedback")) == ["question 0", "question 1"]


def test_a_feedback_file_that_is_the_index_is_refused_and_left_as_it_is(
    tmp_path: Path, kb_db_path: Path
) -> None:
    # Feedback tables were added to the index, and it was switched to WAL, by the server and by a
    # mere `kb feedback` read.
    index = tmp_path / "kb.db"
    index.write_bytes(kb_db_path.read_bytes())
    before = index.read_bytes()
    settings = Settings(db=index, feedback_db=index, api_key=SecretStr(KEY))
    with TestClient(create_app(settings)) as client:
        assert verdict(client).status_code == 503
        assert client.post("/v1/match", json={"text": SEED_QUERY}).status_code == 200
    read = kb("feedback", "--db", index, "--feedback-db", index)
    assert read.exit_code == 3
    assert "holds other tables and no feedback" in read.stderr
    assert index.read_bytes() == before


def verdict(client: TestClient, problem_id: str = SEED_PROBLEM) -> httpx.Response:
    """POST one "yes" verdict on ``problem_id``."""
    return client.post("/v1/feedback", json={"query": SEED_QUERY, "problem_id": problem_id, "verdict": "yes"})


def test_feedback_is_rate_limited_per_client_with_429_and_retry_after(
    tmp_path: Path, kb_db_path: Path
) -> None:
    """Issue 12 item 6: one client cannot write without bound; others are not affected."""
    settings = Settings(db=kb_db_path, feedback_db=tmp_path / "feedback.db", feedback_rate_limit="3/minute")
    app = create_app(settings)
    with TestClient(app, client=("203.0.113.5", 50000)) as reader:
        assert [verdict(reader).status_code for _ in range(3)] == [201, 201, 201]
        limited = verdict(reader)
        assert limited.status_code == 429
        error = limited.json()["error"]
        assert error["code"] == "rate_limited" and "try again in" in error["message"]
        retry_after = int(limited.headers["Retry-After"])
        assert 1 <= retry_after <= 60 and error["detail"] == {"retry_after_seconds": retry_after}
    with TestClient(app, client=("203.0.113.6", 50000)) as another:
        assert verdict(another).status_code == 201
    assert len(rows(settings.feedback_path, "feedback")) == 4


def test_a_refused_client_is_refused_alike_with_its_refusal_remembered() -> None:
    """RateLimiter remembers a refusal by the first limit; each answer is the one the counters
    themselves give (limits' own moving window, asked every time, beside it), while refused
    and once the window frees a place. The second limit is asked each time: the first counts."""
    spec = "3/second;1/minute"
    limiter = RateLimiter(spec)
    counters = MovingWindowRateLimiter(storage_from_string("memory://"))

    def asked_each_time() -> float | None:
        for item in parse_limits(spec):
            if not counters.hit(item, "unanswered", "reader"):
                reset_at, _ = counters.get_window_stats(item, "unanswered", "reader")
                return max(1.0, math.ceil(reset_at - time.time()))
        return None

    said = []
    for pause in (0, 0, 0, 0, 0, 1.2, 0, 0, 0):
        time.sleep(pause)
        said.append((limiter.hit("unanswered", "reader"), asked_each_time()))
    assert [ours for ours, _ in said] == [theirs for _, theirs in said]
    # Allowed once; refused by the minute (the second's count grows) until the second's limit refuses.
    assert said[0][0] is None and said[3][0] == 1.0 and said[4][0] == 1.0
    assert said[5][0] is not None and said[5][0] > 50
    assert limiter.hit("unanswered", "another reader") is None


def test_feedback_is_rate_limited_by_default(tmp_path: Path, kb_db_path: Path) -> None:
    settings = Settings(db=kb_db_path, feedback_db=tmp_path / "feedback.db")
    with TestClient(create_app(settings)) as client:
        statuses = [verdict(client).status_code for _ in range(22)]
    assert statuses == [201] * 20 + [429] * 2


def test_rate_limit_can_be_turned_off_and_is_checked_at_start(tmp_path: Path, kb_db_path: Path) -> None:
    settings = Settings(db=kb_db_path, feedback_db=tmp_path / "feedback.db", feedback_rate_limit="off")
    with TestClient(create_app(settings)) as client:
        assert {verdict(client).status_code for _ in range(25)} == {201}
    with pytest.raises(ValueError, match="KB_FEEDBACK_RATE_LIMIT"):
        Settings(feedback_rate_limit="lots per minute")
    with pytest.raises(ValueError, match="KB_RATE_LIMIT_STORAGE"):
        Settings(rate_limit_storage="mongodb://db")


@pytest.mark.parametrize("limit", ["0/minute", "20/minute;0/hour"])
def test_a_rate_limit_of_nothing_is_refused_at_start_pointing_at_off(limit: str) -> None:
    # Taken, every post was answered 429 for good.
    with pytest.raises(ValidationError, match=r"lets no client write anything.*for no limit, write 'off'"):
        Settings(feedback_rate_limit=limit)


def test_unanswered_queries_past_a_clients_budget_are_answered_but_not_counted(
    tmp_path: Path, kb_db_path: Path
) -> None:
    settings = Settings(
        db=kb_db_path,
        feedback_db=tmp_path / "feedback.db",
        feedback_rate_limit="2/minute",
        api_key=SecretStr(KEY),
    )
    with TestClient(create_app(settings)) as client:
        for n in range(4):
            answer = client.post("/v1/match", json={"text": f"{NO_ANSWER} on day {'x' * n}"})
            assert answer.status_code == 200 and answer.json()["no_confident_match"]
        report = admin(client)
    assert sum(u.asked for u in report.unanswered) == 2


def test_feedback_file_defaults_to_beside_the_index(tmp_path: Path) -> None:
    assert Settings(db=tmp_path / "srv" / "kb.db").feedback_path == tmp_path / "srv" / "feedback.db"
    assert Settings(db=tmp_path / "kb.db", feedback_db=tmp_path / "x.db").feedback_path == tmp_path / "x.db"


# --- kb feedback --------------------------------------------------------------------------------


def kb(*args: str | Path, env: dict[str, str] | None = None) -> Result:
    """Run `kb ARGS` in-process, stdout and stderr apart."""
    return CliRunner().invoke(cli, [str(a) for a in args], env=env, catch_exceptions=False)


def test_kb_feedback_reads_the_file_the_server_writes(served: tuple[TestClient, Settings]) -> None:
    client, settings = served
    client.post("/v1/match", json={"text": NO_ANSWER})
    client.post("/v1/feedback", json={"query": SEED_QUERY, "problem_id": SEED_PROBLEM, "verdict": "no"})

    as_json = kb("feedback", "--feedback-db", settings.feedback_path, "--format", "json")
    assert as_json.exit_code == 0, as_json.stderr
    report = FeedbackReport.model_validate_json(as_json.stdout)
    assert report == admin(client)
    as_markdown = kb("feedback", env={"KB_FEEDBACK_DB": str(settings.feedback_path)}).stdout
    assert f"| 1 | {report.unanswered[0].last_asked} | {NO_ANSWER} |" in as_markdown
    assert f"| `{SEED_PROBLEM}` | 0 | 1 |" in as_markdown
    # The latest verdicts, which the Markdown lists, are in the text too.
    as_text = kb("feedback", "--feedback-db", settings.feedback_path, "--format", "text").stdout
    latest = report.feedback[0]
    assert f"  {latest.created_at}\tno\t{SEED_PROBLEM}\t{latest.query}\n" in as_text


def test_a_readers_text_makes_no_link_in_the_markdown_report(tmp_path: Path) -> None:
    from markdown_it import MarkdownIt

    path = tmp_path / "feedback.db"
    store = SqliteFeedbackStore(path)
    pasted = "[click](javascript:alert(1)) or <javascript:alert(2)> and *this*"
    store.add_unanswered(pasted)
    store.add_feedback(pasted, SEED_PROBLEM, "no")
    store.close()

    report = kb("feedback", "--feedback-db", path)
    assert report.exit_code == 0, report.stderr
    html = MarkdownIt("commonmark").enable("table").render(report.stdout)
    # Shown as typed, in the table and in the latest verdicts, and never as a link.
    assert "<a" not in html and "<em>" not in html, html
    assert html.count("[click](javascript:alert(1)) or &lt;value&gt; and *this*") == 2, html


def test_a_readers_terminal_escapes_never_reach_the_administrators_terminal(
    served: tuple[TestClient, Settings],
) -> None:
    client, settings = served
    # Set the clipboard (OSC 52), the window title, reset the terminal, switch its character set.
    asked = "qqzz \x1b]52;c;cHduZWQ=\x07 \x1b]0;TITLE\x07 \x1bc \x1b(0 lqqk end"
    assert client.post("/v1/match", json={"text": asked}).json()["no_confident_match"]
    client.post("/v1/feedback", json={"query": asked, "problem_id": SEED_PROBLEM, "verdict": "no"})

    for fmt in ("md", "text"):
        report = kb("feedback", "--feedback-db", settings.feedback_path, "--format", fmt)
        assert report.exit_code == 0, report.stderr
        assert "qqzz" in report.stdout and "lqqk end" in report.stdout, report.stdout
        assert "\x1b" not in report.stdout and "\x07" not in report.stdout, repr(report.stdout)
    # The JSON keeps what was asked, each control written as an escape.
    as_json = kb("feedback", "--feedback-db", settings.feedback_path, "--format", "json").stdout
    assert "\\u001b]52;c;cHduZWQ=\\u0007" in as_json


def _as_a_reader(args: list[str], sent: Any) -> None:
    """In a forked child: drop root for ``nobody`` when root, then send what `kb ARGS` gave."""
    if os.geteuid() == 0:
        nobody = pwd.getpwnam("nobody")
        os.setgroups([])
        os.setgid(nobody.pw_gid)
        os.setuid(nobody.pw_uid)
    result = kb(*args)
    sent.send((result.exit_code, result.stdout, result.stderr))


def kb_without_write_access(*args: str | Path) -> tuple[int, str, str]:
    """`kb ARGS` run by a user who may read but not write (exit code, stdout, stderr): root's
    permissions ignore file modes, so as root a forked child becomes ``nobody`` (forked, since the
    interpreter's own files may be out of its reach; what the command imports is imported before)."""
    fork = multiprocessing.get_context("fork")
    received, sent = fork.Pipe(duplex=False)
    child = fork.Process(target=_as_a_reader, args=([str(a) for a in args], sent))
    child.start()
    exit_code, stdout, stderr = received.recv()
    child.join()
    return exit_code, stdout, stderr


@pytest.fixture
def read_only_folder() -> Iterator[Path]:
    """A folder anyone may read and no one but root may write (as a read-only mount would be),
    outside the test's own folder, which only its owner may enter."""
    folder = Path(tempfile.mkdtemp(prefix="kb-read-only-"))
    folder.chmod(0o755)
    yield folder
    folder.chmod(0o755)
    shutil.rmtree(folder)


def test_kb_feedback_reads_a_file_it_may_not_write(read_only_folder: Path, tmp_path: Path) -> None:
    path = read_only_folder / "feedback.db"
    store = SqliteFeedbackStore(path)
    store.add_feedback(SEED_QUERY, SEED_PROBLEM, "no")
    store.add_unanswered(NO_ANSWER)
    expected = store.report()
    store.close()  # closed cleanly: no -wal, no -shm left beside it
    # What the command imports, imported as root, from a copy: the file itself stays untouched.
    shutil.copy(path, tmp_path / "copy.db")
    kb("feedback", "--feedback-db", tmp_path / "copy.db", "--format", "json")
    path.chmod(0o444)
    read_only_folder.chmod(0o555)

    # It applied WAL mode and the migrations first: "attempt to write a readonly database" (exit 3).
    exit_code, stdout, stderr = kb_without_write_access(
        "feedback", "--db", read_only_folder / "kb.db", "--feedback-db", path, "--format", "json"
    )
    assert exit_code == 0, stderr
    assert FeedbackReport.model_validate_json(stdout) == expected
    assert sorted(p.name for p in read_only_folder.iterdir()) == ["feedback.db"]

    # A file an older version wrote must be brought up to date, which only its writer can do.
    read_only_folder.chmod(0o755)
    path.chmod(0o644)
    feedback_file_before(path, "m005_store_id", "DROP TABLE store_id")
    path.chmod(0o444)
    read_only_folder.chmod(0o555)
    exit_code, _, stderr = kb_without_write_access(
        "feedback", "--db", read_only_folder / "kb.db", "--feedback-db", path
    )
    assert exit_code == EXIT_UNAVAILABLE, stderr
    assert "written by an older kb-answer and must be brought up to date (m005_store_id)" in stderr
    assert "cannot be written" in stderr


def test_kb_feedback_without_a_file_says_so_and_creates_none(tmp_path: Path) -> None:
    result = kb("feedback", "--db", tmp_path / "kb.db", "--format", "text")
    assert result.exit_code == 0
    assert "no feedback recorded yet" in result.stderr
    assert "unanswered (asked, query):\n  none" in result.stdout
    assert "latest 0 of 0 verdicts (time, verdict, problem, query):\n  none" in result.stdout
    assert list(tmp_path.iterdir()) == []


def test_a_feedback_url_that_is_not_postgresql_is_named_as_the_user_gave_it(tmp_path: Path) -> None:
    # Given as an option, the message named the environment variable, which the user had not set.
    wrong = "mysql://kb@db/kb"
    report = ["feedback", "--db", tmp_path / "kb.db"]
    migrate = ["feedback", "migrate", "--from", tmp_path / "feedback.db"]
    cases = [
        ([*report, "--feedback-url", wrong], None, "--feedback-url"),
        (report, {"KB_FEEDBACK_URL": wrong}, "KB_FEEDBACK_URL"),
        ([*migrate, "--to", wrong], None, "--to"),
        (migrate, {"KB_FEEDBACK_URL": wrong}, "KB_FEEDBACK_URL"),
    ]
    for args, env, named in cases:
        result = kb(*args, env=env)
        assert result.exit_code == EXIT_USAGE, result.stderr
        assert result.stderr == f"kb: {named} must be a postgresql:// URL\n"


def test_kb_feedback_asks_a_server_with_the_admin_key(served: tuple[TestClient, Settings]) -> None:
    _, settings = served
    with live_server(create_app(settings)) as url:
        httpx.post(f"{url}/v1/match", json={"text": NO_ANSWER})
        remote = kb("feedback", "--url", url, "--format", "json", env={"KB_API_KEY": KEY})
        assert remote.exit_code == 0, remote.stderr
        assert [u.query for u in FeedbackReport.model_validate_json(remote.stdout).unanswered] == [NO_ANSWER]

        wrong = kb("feedback", "--url", url, env={"KB_API_KEY": "wrong"})
        assert wrong.exit_code == EXIT_USAGE and "admin key is wrong" in wrong.stderr
        keyless = kb("feedback", "--url", url, env={"KB_API_KEY": ""})
        assert keyless.exit_code == EXIT_USAGE and "KB_API_KEY" in keyless.stderr
        # httpx could not put it in a header: a traceback.
        accented = kb("feedback", "--url", url, env={"KB_API_KEY": "s\u00e9cret"})
        assert accented.exit_code == EXIT_USAGE and "KB_API_KEY must be printable ASCII" in accented.stderr


def test_kb_feedback_reads_the_local_store_a_flag_names_over_kb_url(tmp_path: Path) -> None:
    # As `kb match`: $KB_URL asked the server though --db or --feedback-db named a local store.
    env = {"KB_URL": "http://127.0.0.1:9", "KB_API_KEY": KEY}
    for flag in ("--db", "--feedback-db"):
        local = kb("feedback", flag, tmp_path / "kb.db", "--format", "json", env=env)
        assert local.exit_code == 0 and "cannot reach" not in local.stderr, (flag, local.stderr)
    both = kb("feedback", "--db", tmp_path / "kb.db", "--url", "http://127.0.0.1:9", env={"KB_API_KEY": KEY})
    assert both.exit_code == EXIT_USAGE and "give --db or --url, not both" in both.stderr


def test_kb_feedback_asking_a_server_without_an_admin_key_says_so(
    served: tuple[TestClient, Settings],
) -> None:
    # It said "no such route: GET /v1/admin/feedback", and nothing of why.
    _, settings = served
    with live_server(create_app(settings.model_copy(update={"api_key": None}))) as url:
        result = kb("feedback", "--url", url, env={"KB_API_KEY": KEY})
    assert result.exit_code == EXIT_USAGE
    assert f"the server at {url} has no admin routes: it was started without KB_API_KEY" in result.stderr
    # Another server's 404 is no kb-answer server without a key: said as it is.
    with live_server(FastAPI()) as other:
        elsewhere = kb("feedback", "--url", other, env={"KB_API_KEY": KEY})
    assert elsewhere.exit_code == EXIT_USAGE and "KB_API_KEY" not in elsewhere.stderr


@pytest.mark.parametrize("key", ["s\u00e9cret", "tab\tkey"])
def test_an_admin_key_no_header_can_carry_is_refused_at_start(tmp_path: Path, key: str) -> None:
    # The server took it, then refused it as sent by curl: the header is read as Latin-1.
    with pytest.raises(ValidationError, match="KB_API_KEY must be printable ASCII"):
        Settings(db=tmp_path / "kb.db", api_key=SecretStr(key))


def test_a_feedback_file_removed_while_open_is_made_again_not_written_into_the_void(
    tmp_path: Path,
) -> None:
    # Before: verdicts went on into the removed file (201 for each), and were gone at the restart.
    path = tmp_path / "feedback.db"
    store = SqliteFeedbackStore(path)
    store.add_feedback("Sync stops at night", "a#1", "yes")
    for leftover in tmp_path.glob("feedback.db*"):
        leftover.unlink()
    store.add_feedback("Sync stops at night", "a#1", "no")
    assert [f.verdict for f in reported(path)] == ["no"]
    store.close()


def reported(path: Path) -> list[Any]:
    """The verdicts in the feedback file at ``path``, read by a store of its own, closed after."""
    reader = SqliteFeedbackStore(path)
    try:
        return list(reader.report().feedback)
    finally:
        reader.close()


def test_readyz_answers_at_once_and_says_degraded_while_the_feedback_file_is_locked(
    served: tuple[TestClient, Settings],
) -> None:
    # Another process held the file's write lock: every feedback write waited 10 s, /readyz said
    # "ok" (a read still answers), and once the unanswered queries recorded after their answers
    # held every thread of the pool, /readyz itself waited 9 s, past a proxy's health check.
    _, settings = served
    app = create_app(settings.model_copy(update={"feedback_rate_limit": "off"}))
    with live_server(app) as url, httpx.Client(base_url=url, timeout=30) as client:
        assert client.get("/readyz").json()["feedback"] == "ok"
        holder = sqlite3.connect(settings.feedback_path, isolation_level=None, check_same_thread=False)
        holder.execute("BEGIN EXCLUSIVE")
        try:
            with httpx.Client(base_url=url, timeout=30) as flood:
                threads = [
                    threading.Thread(
                        target=lambda n=n: flood.post("/v1/match", json={"text": f"{NO_ANSWER} {n}"})
                    )
                    for n in range(60)
                ]
                for thread in threads:
                    thread.start()
                time.sleep(0.5)
                started = time.monotonic()
                ready = client.get("/readyz")
                waited = time.monotonic() - started
                for thread in threads:
                    thread.join()
        finally:
            holder.execute("ROLLBACK")
            holder.close()
        assert ready.status_code == 200 and ready.json()["feedback"] == "degraded"
        assert waited < 2.0, f"/readyz took {waited:.1f} s"


def test_a_readyz_that_meets_another_process_s_write_does_not_refuse_the_writes_after_it(
    served: tuple[TestClient, Settings],
) -> None:
    # The ping, which waits for the write lock, failed during another worker's 0.8 s write and marked
    # the store down: the verdict posted once that write was over got 503 for 2 s more.
    client, settings = served
    verdict = {"query": SEED_QUERY, "problem_id": SEED_PROBLEM, "verdict": "yes"}
    assert client.post("/v1/feedback", json=verdict).status_code == 201
    writer = sqlite3.connect(settings.feedback_path, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")
    try:
        assert client.get("/readyz").json()["feedback"] == "degraded"
    finally:
        writer.execute("COMMIT")
        writer.close()
    assert client.post("/v1/feedback", json=verdict).status_code == 201
    assert client.get("/readyz").json()["feedback"] == "ok"
