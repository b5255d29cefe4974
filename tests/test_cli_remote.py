"""`kb ... --url`: the same output and exit codes from a live kb-answer server as from the index file."""

from __future__ import annotations

import json
import socket
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from live import live_server

from api.cli import EXIT_NO_MATCH, EXIT_UNAVAILABLE, EXIT_USAGE, cli
from api.http import create_app
from api.models import MatchResult
from api.query import MAX_QUERY_CHARS
from api.settings import Settings

UPN_ERROR = (
    "The domain portion of the userPrincipalName property is invalid. "
    "You must use one of the verified domain names in your organization."
)
UPN_PROBLEM = "jumpcloud-m365#2"
NONSENSE = "How do I reset my laptop to factory settings?"


@pytest.fixture(scope="module")
def server_url(kb_db_path: Path) -> Iterator[str]:
    """A live server over the kb/ index."""
    with live_server(create_app(Settings(db=kb_db_path))) as url:
        yield url


@pytest.fixture(scope="module")
def small_body_url(kb_db_path: Path) -> Iterator[str]:
    """A live server that takes request bodies of at most 4 KB."""
    with live_server(create_app(Settings(db=kb_db_path, max_body=4096))) as url:
        yield url


@pytest.fixture(scope="module")
def indexless_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A live server whose index file does not exist yet."""
    with live_server(create_app(Settings(db=tmp_path_factory.mktemp("none") / "absent.db"))) as url:
        yield url


def kb(*args: str | Path, input: str | None = None) -> Result:
    """Run `kb ARGS` in-process, stdout and stderr apart."""
    return CliRunner().invoke(cli, [str(a) for a in args], input=input, catch_exceptions=False)


@pytest.mark.parametrize("fmt", ["json", "md", "text"])
@pytest.mark.parametrize(
    "args",
    [
        ["match", UPN_ERROR],
        ["match", NONSENSE],
        ["match", UPN_ERROR, "--limit", "1", "--min-confidence", "high"],
        ["show", "jumpcloud-m365"],
        ["show", UPN_PROBLEM],
        ["search", "upn dom"],
        ["articles", "--offset", "0", "--limit", "5"],
    ],
)
def test_remote_output_equals_local(server_url: str, kb_db_path: Path, args: list[str], fmt: str) -> None:
    local = kb(*args, "--db", kb_db_path, "--format", fmt)
    remote = kb(*args, "--url", server_url, "--format", fmt)
    assert remote.exit_code == local.exit_code, remote.stderr
    assert remote.stdout == local.stdout
    assert remote.stderr == local.stderr


def test_an_id_too_long_for_a_url_is_a_usage_error(server_url: str) -> None:
    # httpx refuses to build the URL: that was a traceback, exit 1 (a search that long is
    # refused before, as over the API's limit).
    result = kb("show", "a" * 100_000, "--url", server_url)
    assert result.exit_code == EXIT_USAGE, result.stderr
    assert "too long to ask" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["search", "upn " * 200], "at most 500 characters"),
        (["match", UPN_ERROR, "--tag", "t" * 101], "at most 100 characters"),
        (["match", UPN_ERROR, "--product", "p" * 201], "at most 200 characters"),
        (["search", "upn", *["--tag", "t"] * 21], "at most 20 of them"),
        # The server's last offset: past it, --url gave Python's spelling of the 422's details.
        (["articles", "--offset", str(2**31 + 1)], "--offset"),
    ],
)
def test_the_http_apis_limits_are_the_same_with_and_without_url(
    server_url: str, kb_db_path: Path, args: list[str], says: str
) -> None:
    # Without --url a search of 100,000 characters found nothing (exit 0), and a tag of any
    # length was taken; with it, the server refused both.
    for where in (["--db", kb_db_path], ["--url", server_url]):
        result = kb(*args, *where)
        assert result.exit_code == EXIT_USAGE, (where, result.stderr)
        assert says in result.stderr


def test_remote_exit_codes(server_url: str) -> None:
    assert kb("match", UPN_ERROR, "--url", server_url).exit_code == 0
    assert kb("match", NONSENSE, "--url", server_url).exit_code == EXIT_NO_MATCH


def test_remote_stdin_and_batch(server_url: str, kb_db_path: Path, tmp_path: Path) -> None:
    piped = kb("match", "--url", server_url, "--format", "text", input="ERROR " + UPN_ERROR)
    assert piped.exit_code == 0 and piped.stdout.startswith(UPN_PROBLEM)
    batch = tmp_path / "q.jsonl"
    # A lone surrogate (JSON can escape one) failed to encode into the request body.
    rows = [
        {"id": "x", "query": NONSENSE},
        {"id": "y", "query": UPN_ERROR},
        {"id": "z", "query": "\ud800 " + UPN_ERROR},
    ]
    batch.write_text("".join(json.dumps(row) + "\n" for row in rows))
    local = kb("match", "--batch", batch, "--db", kb_db_path)
    remote = kb("match", "--batch", batch, "--url", server_url)
    assert remote.exit_code == 0 and remote.stdout == local.stdout


def test_remote_unknown_id_is_a_usage_error(server_url: str) -> None:
    result = kb("show", "jumpcloud-m365#99", "--url", server_url)
    assert result.exit_code == EXIT_USAGE
    assert result.stdout == "" and "jumpcloud-m365#99" in result.stderr


def test_unreachable_server_exits_3() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        closed_port = sock.getsockname()[1]  # nobody listens once the socket closes
    result = kb("match", UPN_ERROR, "--url", f"http://127.0.0.1:{closed_port}")
    assert result.exit_code == EXIT_UNAVAILABLE
    assert "cannot reach" in result.stderr and result.stdout == ""


def test_server_without_index_exits_3(indexless_url: str) -> None:
    result = kb("articles", "--url", indexless_url)
    assert result.exit_code == EXIT_UNAVAILABLE
    assert result.stdout == ""


def test_bad_url_is_a_usage_error() -> None:
    result = kb("search", "sync", "--url", "ftp://kb.example")
    assert result.exit_code == EXIT_USAGE
    assert "--url" in result.stderr


def test_long_stdin_over_the_server_body_limit(server_url: str, small_body_url: str) -> None:
    """Input over the server's body limit is cut to fit, matched, and reported as truncated."""
    filler = "2024-05-01T10:00:00Z INFO worker heartbeat, all queues healthy\n" * 2000
    log = "2024-05-01T10:00:01Z ERROR " + UPN_ERROR + "\n" + filler
    assert len(log) > MAX_QUERY_CHARS
    for url in (server_url, small_body_url):
        result = kb("match", "--url", url, "--format", "json", input=log)
        assert result.exit_code == 0, result.stderr
        parsed = MatchResult.model_validate_json(result.stdout)
        assert parsed.truncated and parsed.matches[0].problem.id == UPN_PROBLEM
        assert "note:" in result.stderr


def test_a_long_log_is_read_from_its_end_as_locally(server_url: str, kb_db_path: Path) -> None:
    """A log over MAX_QUERY_CHARS ends with its failure: --url reads it as the local matcher does."""
    filler = "".join(f"2024-05-01T10:00:00Z INFO sync heartbeat, batch {i} processed\n" for i in range(2000))
    log = filler + "2024-05-01T11:00:00Z ERROR " + UPN_ERROR + "\n"
    assert len(log) > MAX_QUERY_CHARS
    local = kb("match", "--db", kb_db_path, "--format", "json", input=log)
    remote = kb("match", "--url", server_url, "--format", "json", input=log)
    assert remote.exit_code == local.exit_code == 0, remote.stderr
    assert remote.stdout == local.stdout
    parsed = MatchResult.model_validate_json(remote.stdout)
    assert parsed.truncated and parsed.matches[0].problem.id == UPN_PROBLEM


def test_a_server_error_body_nested_past_the_decoder_is_a_clear_error() -> None:
    """A proxy or a hostile server may answer anything: the status line is kept, never a traceback."""
    from fastapi import FastAPI
    from fastapi.responses import Response

    app = FastAPI()

    @app.post("/v1/match")
    async def nested() -> Response:
        return Response("[" * 100_000, status_code=502, media_type="application/json")

    with live_server(app) as url:
        result = CliRunner().invoke(cli, ["match", UPN_ERROR, "--url", url])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert result.exit_code not in (0, EXIT_NO_MATCH)
    assert "HTTP 502" in result.stderr and "Traceback" not in result.stderr


def test_a_db_given_on_the_command_line_wins_over_kb_url(
    server_url: str, tmp_path: Path, kb_db_path: Path
) -> None:
    """$KB_URL silently took over from an explicit --db: a script pointed at a test index asked
    the server the variable named (here it holds the sample index; the file asked for is absent)."""
    runner = CliRunner(env={"KB_URL": server_url})
    missing = runner.invoke(cli, ["match", UPN_ERROR, "--db", str(tmp_path / "test.db")])
    assert missing.exit_code == EXIT_UNAVAILABLE and "no index at" in missing.stderr
    # Without --db the variable is the source, and with both flags nothing is guessed.
    assert runner.invoke(cli, ["match", UPN_ERROR]).exit_code == 0
    both = kb("match", UPN_ERROR, "--db", kb_db_path, "--url", server_url)
    assert both.exit_code == EXIT_USAGE and "give --db or --url, not both" in both.stderr


@pytest.mark.parametrize("status", [500, 502, 504])
def test_a_failing_server_or_proxy_is_exit_3_and_its_page_is_not_printed(status: int) -> None:
    """A proxy whose replica died answers 502 with an HTML page: that was exit 2, a usage error
    (which a script does not retry), with the page's markup on the terminal."""
    from fastapi import FastAPI
    from fastapi.responses import HTMLResponse

    app = FastAPI()

    @app.post("/v1/match")
    async def proxy_page() -> HTMLResponse:
        return HTMLResponse("<html><body><h1>Bad gateway</h1></body></html>", status_code=status)

    with live_server(app) as url:
        result = CliRunner().invoke(cli, ["match", UPN_ERROR, "--url", url])
    assert result.exit_code == EXIT_UNAVAILABLE, result.output
    assert f"failed: HTTP {status} " in result.stderr and "<" not in result.stderr


def test_an_answer_that_never_ends_or_cannot_be_decoded_is_a_clear_error(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A server that streams without end filled the memory (gigabytes within seconds) and never
    returned; one that drips a byte at a time held the command for good, as each read came within
    the timeout; and a body its Content-Encoding does not describe ended in a traceback, exit 1."""
    import asyncio
    import time

    from fastapi import FastAPI
    from fastapi.responses import Response, StreamingResponse

    from api import remote

    app = FastAPI()

    async def endless(chunk: bytes, pause: float) -> AsyncIterator[bytes]:
        yield b'{"query": "'
        while True:
            yield chunk
            await asyncio.sleep(pause)

    @app.post("/v1/match")
    async def flood() -> StreamingResponse:
        return StreamingResponse(endless(b"a" * (1 << 20), 0), media_type="application/json")

    @app.get("/v1/articles/{article_id}")
    async def drip() -> StreamingResponse:
        return StreamingResponse(endless(b"a", 0.05), media_type="application/json")

    @app.get("/v1/search")
    async def not_gzip() -> Response:
        return Response(b"not gzip", media_type="application/json", headers={"Content-Encoding": "gzip"})

    monkeypatch.setattr(remote, "RESPONSE_SECONDS", 2.0)
    with live_server(app) as url:
        started = time.monotonic()
        flooded = CliRunner().invoke(cli, ["match", UPN_ERROR, "--url", url])
        dripped = CliRunner().invoke(cli, ["show", "jumpcloud-m365", "--url", url])
        undecoded = CliRunner().invoke(cli, ["search", "upn", "--url", url])
    assert time.monotonic() - started < 30
    assert flooded.exit_code == EXIT_USAGE, flooded.output
    assert f"answered with more than {remote.MAX_RESPONSE_BYTES} bytes" in flooded.stderr
    assert dripped.exit_code == EXIT_UNAVAILABLE, dripped.output
    assert "took over 2 s to answer" in dripped.stderr
    assert undecoded.exit_code == EXIT_USAGE, undecoded.output
    assert "answered with a body that cannot be decoded" in undecoded.stderr


def test_a_server_that_drips_its_headers_stops_the_command_at_its_deadline(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Headers sent a byte at a time held the command for good: the deadline counted from them."""
    import socket
    import threading
    import time

    from api import remote

    listener = socket.create_server(("127.0.0.1", 0))
    stop = threading.Event()

    def drip() -> None:
        conn, _ = listener.accept()
        with conn:
            conn.recv(65536)
            conn.sendall(b"HTTP/1.1 200 OK\r\n")
            while not stop.wait(0.05):
                try:
                    conn.sendall(b"X")
                except OSError:
                    return

    server = threading.Thread(target=drip, daemon=True)
    server.start()
    monkeypatch.setattr(remote, "RESPONSE_SECONDS", 2.0)
    started = time.monotonic()
    try:
        port = listener.getsockname()[1]
        result = CliRunner().invoke(cli, ["match", UPN_ERROR, "--url", f"http://127.0.0.1:{port}"])
    finally:
        stop.set()
        listener.close()
    assert time.monotonic() - started < 15
    assert result.exit_code == EXIT_UNAVAILABLE, result.output
    assert "took over 2 s to answer" in result.stderr


def test_terminal_controls_in_a_servers_answer_or_error_never_reach_the_terminal(kb_db_path: Path) -> None:
    """The indexer keeps terminal controls out of every article, as `kb show` printing them drove
    the reader's terminal (OSC 52 sets its clipboard); with --url, what a server (another version,
    a proxy, a hostile one) sent was printed as is, in its answers and in its error messages."""
    from fastapi import FastAPI
    from fastapi.responses import JSONResponse

    osc = "\x1b]52;c;cm0gLXJmIH4=\x07"
    article = json.loads(kb("show", "jumpcloud-m365", "--db", kb_db_path, "--format", "json").stdout)
    article["title"] += osc
    app = FastAPI()

    @app.get("/v1/articles/{article_id}")
    async def show(article_id: str) -> JSONResponse:
        if article_id == "jumpcloud-m365":
            return JSONResponse(article)
        error = {"code": "not_found", "message": f"no article {osc}\x9b2J here", "detail": None}
        return JSONResponse({"error": error}, status_code=404)

    with live_server(app) as url:
        shown = [kb("show", "jumpcloud-m365", "--url", url, "--format", fmt) for fmt in ("md", "text")]
        refused = CliRunner().invoke(cli, ["show", "other", "--url", url])
    for result in shown:
        assert result.exit_code == 0, result.output
        assert "Troubleshooting JumpCloud sync" in result.stdout
        assert "\x1b" not in result.stdout and "\x07" not in result.stdout
    assert refused.exit_code == EXIT_USAGE
    assert "no article \\x1b]52;c;cm0gLXJmIH4=\\x07\\x9b2J here" in refused.stderr
