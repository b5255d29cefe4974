"""`kb mcp` end to end: the real entry point as a subprocess, driven by the MCP SDK's stdio client."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import anyio
import jsonschema
import pytest
from mcp import ClientSession, StdioServerParameters, stdio_client
from mcp.types import CallToolResult, TextContent

from api.mcp_stdio import DRAIN_SECONDS, SESSION_METHODS
from api.models import ArticlePage, MatchResult, ProblemDetail, SearchResult
from api.schema import SCHEMA_DIR

KB_ENTRY_POINT = Path(sys.executable).parent / "kb"
UPN_ERROR = (
    "The domain portion of the userPrincipalName property is invalid. "
    "You must use one of the verified domain names in your organization."
)
UPN_PROBLEM = "jumpcloud-m365#2"
NONSENSE = "How do I reset my laptop to factory settings?"
# Raw JSON-RPC lines, for the tests that write to `kb mcp` as a script would.
INITIALIZE = {
    "jsonrpc": "2.0",
    "id": 1,
    "method": "initialize",
    "params": {
        "protocolVersion": "2025-06-18",
        "capabilities": {},
        "clientInfo": {"name": "t", "version": "1"},
    },
}
INITIALIZED = {"jsonrpc": "2.0", "method": "notifications/initialized"}
MATCH_CALL = {
    "jsonrpc": "2.0",
    "id": 2,
    "method": "tools/call",
    "params": {"name": "match_error", "arguments": {"text": UPN_ERROR}},
}


def run_session(db_path: Path, body: Callable[[ClientSession], Awaitable[Any]]) -> Any:
    """Start `kb mcp --db db_path`, initialise a client session, run ``body`` in it."""
    params = StdioServerParameters(command=str(KB_ENTRY_POINT), args=["mcp", "--db", str(db_path)])

    async def main() -> Any:
        with anyio.fail_after(60):
            async with stdio_client(params) as (read, write), ClientSession(read, write) as session:
                await session.initialize()
                return await body(session)

    return anyio.run(main)


def text_of(result: CallToolResult) -> str:
    """The text content of a tool result."""
    return "".join(block.text for block in result.content if isinstance(block, TextContent))


def piped_to_kb_mcp(lines: list[str], db: Path, *, end: str = "\n") -> subprocess.CompletedProcess[str]:
    """`kb mcp` fed ``lines`` (the last one ended by ``end``) and the end of its input at once, as
    a script does: it must exit cleanly, well before DRAIN_SECONDS, once every request has its answer."""
    started = time.monotonic()
    done = subprocess.run(
        [KB_ENTRY_POINT, "mcp", "--db", db],
        input="\n".join(lines) + end,
        capture_output=True,
        text=True,
        timeout=DRAIN_SECONDS + 30,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert time.monotonic() - started < DRAIN_SECONDS / 2
    return done


def kb_mcp_piped(db: Path, stderr: Any = subprocess.DEVNULL) -> subprocess.Popen[bytes]:
    """`kb mcp` on ``db``, its input and output pipes of this process, as a client starts it."""
    return subprocess.Popen(
        [KB_ENTRY_POINT, "mcp", "--db", db], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=stderr
    )


def test_tools_are_listed_with_guidance(kb_db_path: Path) -> None:
    async def body(session: ClientSession) -> Any:
        return (await session.list_tools()).tools

    tools = {tool.name: tool for tool in run_session(kb_db_path, body)}
    assert set(tools) == {"match_error", "get_article", "search", "list_articles"}
    match_tool = tools["match_error"]
    assert "No confident match" in (match_tool.description or "")
    assert set(match_tool.input_schema["properties"]) == {"text", "limit", "product", "tags"}
    assert match_tool.input_schema["required"] == ["text"]
    # What the server refuses is in the schema a model reads, as in the HTTP body's: "" is no text.
    text = match_tool.input_schema["properties"]["text"]
    assert (text["minLength"], text["pattern"]) == (1, r"\S")
    assert match_tool.output_schema is not None
    assert tools["get_article"].input_schema["required"] == ["id"]
    assert tools["search"].input_schema["required"] == ["query"]
    assert all(t.annotations and t.annotations.read_only_hint for t in tools.values())


def test_every_tool_answers_a_seed_error(kb_db_path: Path) -> None:
    async def body(session: ClientSession) -> dict[str, CallToolResult]:
        return {
            "match": await session.call_tool("match_error", {"text": UPN_ERROR}),
            "match_limit": await session.call_tool("match_error", {"text": UPN_ERROR, "limit": 1}),
            "problem": await session.call_tool("get_article", {"id": UPN_PROBLEM}),
            "article": await session.call_tool("get_article", {"id": "jumpcloud-m365"}),
            "missing": await session.call_tool("get_article", {"id": "jumpcloud-m365#99"}),
            "huge": await session.call_tool("get_article", {"id": "x" * 100_000}),
            "search": await session.call_tool("search", {"query": "upn domain"}),
            "list": await session.call_tool("list_articles", {"limit": 10}),
            "empty": await session.call_tool("match_error", {"text": "  "}),
        }

    results = run_session(kb_db_path, body)

    match = results["match"]
    assert not match.is_error
    answer = MatchResult.model_validate(match.structured_content)
    assert answer.matches[0].problem.id == UPN_PROBLEM
    assert answer.matches[0].confidence == "high"
    assert len(answer.matches) <= 3
    assert text_of(match).startswith("# Answer") and f"`{UPN_PROBLEM}`" in text_of(match)
    schema = json.loads((SCHEMA_DIR / "MatchResult.json").read_text(encoding="utf-8"))
    jsonschema.validate(match.structured_content, schema)
    assert len(MatchResult.model_validate(results["match_limit"].structured_content).matches) == 1

    problem = results["problem"]
    assert not problem.is_error
    assert ProblemDetail.model_validate(problem.structured_content).id == UPN_PROBLEM
    assert "## Steps" in text_of(problem)
    assert results["article"].structured_content["id"] == "jumpcloud-m365"
    assert len(results["article"].structured_content["problems"]) >= 2

    # The product and tags that scope a match are there to learn: an agent had no way to.
    listed = ArticlePage.model_validate(results["list"].structured_content)
    [seed] = [a for a in listed.articles if a.id == "jumpcloud-m365"]
    assert seed.product and seed.tags
    assert f"product: {seed.product}" in text_of(results["list"]) and seed.tags[0] in text_of(results["list"])

    assert results["missing"].is_error
    assert "jumpcloud-m365#99" in text_of(results["missing"])
    # An id nobody has is quoted, not echoed whole.
    assert results["huge"].is_error and "'" + "x" * 200 + "'…" in text_of(results["huge"])
    assert len(text_of(results["huge"])) < 400

    hits = SearchResult.model_validate(results["search"].structured_content).hits
    assert UPN_PROBLEM in [h.problem_id for h in hits]

    assert results["empty"].is_error


def test_no_confident_match_is_reported(full_db_path: Path) -> None:
    async def body(session: ClientSession) -> CallToolResult:
        return await session.call_tool("match_error", {"text": NONSENSE})

    result = run_session(full_db_path, body)
    assert not result.is_error
    assert MatchResult.model_validate(result.structured_content).no_confident_match
    assert text_of(result).startswith("# No confident match")


def test_missing_index_fails_at_start(tmp_path: Path) -> None:
    done = subprocess.run(
        [KB_ENTRY_POINT, "mcp", "--db", tmp_path / "absent.db"],
        capture_output=True,
        text=True,
        timeout=60,
        stdin=subprocess.DEVNULL,
        check=False,
    )
    assert done.returncode == 3
    assert done.stdout == ""  # nothing on the protocol channel
    assert "kb index" in done.stderr


def test_requests_written_all_at_once_are_answered_before_the_end_of_input(kb_db_path: Path) -> None:
    """A client that writes its requests and closes its end at once (a pipe, a script) gets
    every answer: the SDK alone ends the session at the end of input and drops calls in flight."""
    lines = [
        INITIALIZE,
        INITIALIZED,
        MATCH_CALL,
        {
            "jsonrpc": "2.0",
            "id": "last",
            "method": "tools/call",
            "params": {"name": "search", "arguments": {"query": "mailnick"}},
        },
    ]
    done = subprocess.run(
        [KB_ENTRY_POINT, "mcp", "--db", kb_db_path],
        input="".join(json.dumps(line) + "\n" for line in lines),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    answers = {m["id"]: m for m in map(json.loads, done.stdout.splitlines())}
    assert set(answers) == {1, 2, "last"}
    assert (
        MatchResult.model_validate(answers[2]["result"]["structuredContent"]).matches[0].problem.id
        == UPN_PROBLEM
    )
    assert SearchResult.model_validate(answers["last"]["result"]["structuredContent"]).hits


def test_a_last_request_with_no_line_break_is_answered_at_once(kb_db_path: Path) -> None:
    # `printf '%s' …` or a script's last write: the request waited for a line break until the
    # end of input was passed on, after DRAIN_SECONDS, and then went unanswered.
    done = piped_to_kb_mcp([json.dumps(m) for m in (INITIALIZE, INITIALIZED, MATCH_CALL)], kb_db_path, end="")
    answers = {m["id"]: m for m in map(json.loads, done.stdout.splitlines())}
    assert set(answers) == {1, 2}
    assert (
        MatchResult.model_validate(answers[2]["result"]["structuredContent"]).matches[0].problem.id
        == UPN_PROBLEM
    )


def test_a_byte_order_mark_before_the_first_request_is_read_past(kb_db_path: Path) -> None:
    # PowerShell's pipe and Windows editors put one first: the initialize was a parse error,
    # where --batch and the HTTP API read past it.
    lines = ["\ufeff" + json.dumps(INITIALIZE), json.dumps(INITIALIZED), json.dumps(MATCH_CALL)]
    answers = {m["id"]: m for m in map(json.loads, piped_to_kb_mcp(lines, kb_db_path).stdout.splitlines())}
    assert "error" not in answers[1] and answers[2]["result"]["structuredContent"]["matches"]


def test_an_unknown_prompt_is_invalid_params_and_leaves_the_clients_log_clean(kb_db_path: Path) -> None:
    # The SDK answered code 0 (no JSON-RPC error code) and wrote a 140-line traceback to stderr.
    ask = {"jsonrpc": "2.0", "id": "ask", "method": "prompts/get", "params": {"name": "x"}}
    done = piped_to_kb_mcp([json.dumps(INITIALIZE), json.dumps(INITIALIZED), json.dumps(ask)], kb_db_path)
    [answer] = [m for m in map(json.loads, done.stdout.splitlines()) if m.get("id") == "ask"]
    assert answer["error"] == {"code": -32602, "message": "Unknown prompt: x"}
    assert "Traceback" not in done.stderr


def test_a_request_before_initialize_is_told_what_is_missing_and_the_session_goes_on(
    kb_db_path: Path,
) -> None:
    # The SDK answered "Invalid request parameters", with nothing about the missing handshake.
    ping = {"jsonrpc": "2.0", "id": "ping", "method": "ping"}
    probe = {"jsonrpc": "2.0", "id": "probe", "method": "foo/bar"}
    done = piped_to_kb_mcp(
        [json.dumps(m) for m in (MATCH_CALL, ping, probe, INITIALIZE, INITIALIZED, {**MATCH_CALL, "id": 3})],
        kb_db_path,
    )
    answers = {m["id"]: m for m in map(json.loads, done.stdout.splitlines())}
    assert answers[2]["error"] == {
        "code": -32602,
        "message": "Invalid request: 'tools/call' before the session is initialized; send 'initialize' first",
    }
    assert answers["ping"]["result"] == {}
    # A method the server does not serve is "Method not found" before the handshake, as the SDK says.
    assert answers["probe"]["error"]["code"] == -32601
    assert (
        MatchResult.model_validate(answers[3]["result"]["structuredContent"]).matches[0].problem.id
        == UPN_PROBLEM
    )


def test_a_bare_initialized_notification_starts_the_session_as_the_sdk_has_it(kb_db_path: Path) -> None:
    done = piped_to_kb_mcp([json.dumps(INITIALIZED), json.dumps(MATCH_CALL)], kb_db_path)
    [answer] = map(json.loads, done.stdout.splitlines())
    assert (
        MatchResult.model_validate(answer["result"]["structuredContent"]).matches[0].problem.id == UPN_PROBLEM
    )


def test_an_initialize_the_sdk_refuses_does_not_start_the_session(kb_db_path: Path) -> None:
    refused = {**INITIALIZE, "id": "bad", "params": {"protocolVersion": 5}}
    done = piped_to_kb_mcp(
        [json.dumps(m) for m in (refused, MATCH_CALL, INITIALIZE, {**MATCH_CALL, "id": 3})], kb_db_path
    )
    answers = {m["id"]: m for m in map(json.loads, done.stdout.splitlines())}
    assert answers["bad"]["error"]["code"] == -32602
    assert "before the session is initialized" in answers[2]["error"]["message"]
    assert "result" in answers[3]


def test_every_method_refused_before_initialize_is_one_the_server_serves(kb_db_path: Path) -> None:
    # Refusing a method the server does not serve would answer -32602 where the SDK says -32601.
    asked = [{"jsonrpc": "2.0", "id": m, "method": m, "params": {}} for m in sorted(SESSION_METHODS)]
    done = piped_to_kb_mcp([json.dumps(m) for m in (INITIALIZE, INITIALIZED, *asked)], kb_db_path)
    answers = {m["id"]: m for m in map(json.loads, done.stdout.splitlines())}
    for method in SESSION_METHODS:
        assert answers[method].get("error", {}).get("code") != -32601, method


def test_a_client_that_has_gone_is_not_waited_for(kb_db_path: Path) -> None:
    """With its output closed too, no answer can reach the client: the end of its input ends the server
    at once, not after DRAIN_SECONDS."""
    server = kb_mcp_piped(kb_db_path)
    assert server.stdin is not None and server.stdout is not None
    server.stdin.write(
        "".join(json.dumps(line) + "\n" for line in (INITIALIZE, INITIALIZED, MATCH_CALL)).encode()
    )
    server.stdout.close()
    server.stdin.close()
    assert server.wait(timeout=DRAIN_SECONDS / 2) == 0


def test_ctrl_c_ends_the_server_at_once_with_its_input_left_open(kb_db_path: Path) -> None:
    """A terminal's Ctrl-C, or a client that sends SIGINT and keeps the pipe open: the server stopped
    answering and went on, holding the index, until the next line or the end of its input."""
    server = kb_mcp_piped(kb_db_path)
    assert server.stdin is not None and server.stdout is not None
    server.stdin.write((json.dumps(INITIALIZE) + "\n").encode())
    server.stdin.flush()
    assert json.loads(server.stdout.readline())["id"] == INITIALIZE["id"]
    server.send_signal(signal.SIGINT)
    try:
        assert server.wait(timeout=10) == -signal.SIGINT
    finally:
        server.kill()
        server.stdin.close()
        server.stdout.close()


@pytest.mark.parametrize("input_closed", [True, False], ids=["input-closed", "input-left-open"])
def test_a_client_that_stops_reading_mid_answer_does_not_leave_the_server_behind(
    kb_db_path: Path, tmp_path: Path, input_closed: bool
) -> None:
    """A client that closes its end of the output with answers still to come (it crashed, or
    `kb mcp | head`) ends the server within seconds, whether or not its input has ended: the relay
    stopped reading at the broken pipe, and the server then blocked for good writing into its full
    internal pipe, holding the index open."""
    # Whole articles (about 14 KB each): far more than the client's pipe and the relay's
    # (64 KB each) hold, so answers are still being written when the client stops reading.
    calls = [
        {
            "jsonrpc": "2.0",
            "id": n,
            "method": "tools/call",
            "params": {"name": "get_article", "arguments": {"id": "jumpcloud-m365"}},
        }
        for n in range(2, 42)
    ]
    stderr_path = tmp_path / "stderr.txt"
    with stderr_path.open("wb") as stderr:
        server = kb_mcp_piped(kb_db_path, stderr)
    assert server.stdin is not None and server.stdout is not None
    try:
        server.stdin.write(
            "".join(json.dumps(line) + "\n" for line in (INITIALIZE, INITIALIZED, *calls)).encode()
        )
        server.stdin.flush()
        if input_closed:
            server.stdin.close()
        assert json.loads(server.stdout.readline())["id"] == 1
        server.stdout.close()
        assert server.wait(timeout=5) == 0
    finally:
        server.kill()
        server.wait()
        server.stdin.close()
    assert "Traceback" not in stderr_path.read_text(encoding="utf-8", errors="replace")


def test_the_relay_owes_requests_and_not_notifications_and_forgets_cancelled_ones() -> None:
    from api.mcp_stdio import read_message, requests_and_cancels, responses

    def owed(line: bytes) -> tuple[list[object], list[object]]:
        return requests_and_cancels(read_message(line))

    assert owed(b'{"jsonrpc":"2.0","id":7,"method":"ping"}') == ([7], [])
    assert owed(b'{"jsonrpc":"2.0","method":"notifications/initialized"}') == ([], [])
    # What the relay refuses itself (see refusal) is not owed: a batch (MCP has none), another JSON-RPC
    # version, an id that is neither a string nor an integer.
    assert owed(b'[{"jsonrpc":"2.0","id":7,"method":"ping"}]') == ([], [])
    assert owed(b'{"jsonrpc":"1.0","id":7,"method":"ping"}') == ([], [])
    assert owed(b'{"jsonrpc":"2.0","id":1.5,"method":"ping"}') == ([], [])
    assert owed(b'{"jsonrpc":"2.0","id":NaN,"method":"ping"}') == ([], [])
    cancel = b'{"jsonrpc":"2.0","method":"notifications/cancelled","params":{"requestId":"a"}}'
    assert owed(cancel) == ([], ["a"])
    assert owed(b"not json\n") == ([], [])
    # Malformed ids and JSON nested past the decoder's depth are the server's to refuse, not owed.
    assert owed(b'{"jsonrpc":"2.0","id":[1],"method":"ping"}') == ([], [])
    assert owed(b'{"jsonrpc":"2.0","id":true,"method":"ping"}') == ([], [])
    assert owed(b"[" * 100_000 + b"]" * 100_000) == ([], [])
    assert responses(b'{"jsonrpc":"2.0","id":7,"result":{}}') == [7]
    assert responses(b'{"jsonrpc":"2.0","id":3,"error":{"code":-32601,"message":"x"}}') == [3]
    assert responses(b'{"jsonrpc":"2.0","id":4,"method":"sampling/createMessage"}') == []


@pytest.fixture(autouse=True)
def _needs_entry_point() -> None:
    if not KB_ENTRY_POINT.exists():
        pytest.fail(f"no kb entry point at {KB_ENTRY_POINT}; run `pip install -e .`")


def test_text_with_a_lone_surrogate_is_answered_and_what_is_never_answered_is_not_waited_for(
    kb_db_path: Path,
) -> None:
    """A lone surrogate escaped in a tool's text (an emoji cut in half) is valid JSON the SDK
    refuses, dropping the call unanswered: it is answered with U+FFFD in its place. Lines the
    server cannot answer (a batch, a fractional id; refused with an error) do not hold the end of
    input for DRAIN_SECONDS."""
    cut = {
        "jsonrpc": "2.0",
        "id": "cut",
        "method": "tools/call",
        "params": {"name": "match_error", "arguments": {"text": "AADSTS50105 \ud83d"}},
    }
    lines = [json.dumps(line) for line in (INITIALIZE, INITIALIZED, cut)]
    lines += ['[{"jsonrpc":"2.0","id":7,"method":"ping"}]', '{"jsonrpc":"2.0","id":1.5,"method":"ping"}']
    done = piped_to_kb_mcp(lines, kb_db_path)
    answers = {m["id"]: m for m in map(json.loads, done.stdout.splitlines())}
    assert (
        MatchResult.model_validate(answers["cut"]["result"]["structuredContent"]).query
        == "AADSTS50105 \ufffd"
    )


def test_tool_arguments_are_checked_as_the_http_api_checks_them(kb_db_path: Path) -> None:
    """What POST /v1/match and GET /v1/search refuse with 422 is refused here too, in the same words:
    no pydantic report, and no echo of a long value."""
    refused = {
        "limit_string": ("match_error", {"text": UPN_ERROR, "limit": "5"}, "limit must be a number"),
        "limit_true": ("match_error", {"text": UPN_ERROR, "limit": True}, "limit must be a number"),
        "limit_zero": ("match_error", {"text": UPN_ERROR, "limit": 0}, "limit: input should be greater"),
        "tags": ("match_error", {"text": UPN_ERROR, "tags": ["sync"] * 100_000}, "tags: list should have"),
        "product": ("match_error", {"text": UPN_ERROR, "product": "p" * 1_000_000}, "product: string"),
        "empty": ("match_error", {"text": " "}, "text must not be empty"),
        "search_long": ("search", {"query": "upn " * 200}, "query: string should have at most 500"),
        "search_limit": ("search", {"query": "upn", "limit": "5"}, "limit must be a number, such as 5"),
        # "tag" for "tags" was ignored: answers from every product.
        "unknown": (
            "match_error",
            {"text": UPN_ERROR, "tag": ["sync"]},
            "tag: no such field (the fields are text",
        ),
    }
    # What agents send for options they leave out, or a list as a JSON string, is still answered.
    answered = {
        "nulls": {"text": UPN_ERROR, "tags": None, "product": None},
        "tags_text": {"text": UPN_ERROR, "tags": "[]"},
    }

    async def body(session: ClientSession) -> dict[str, CallToolResult]:
        results = {key: await session.call_tool(tool, args) for key, (tool, args, _) in refused.items()}
        for key, args in answered.items():
            results[key] = await session.call_tool("match_error", args)
        return results

    results = run_session(kb_db_path, body)
    for key, (_, _, reason) in refused.items():
        message = text_of(results[key])
        assert results[key].is_error, key
        assert reason in message and "pydantic" not in message and len(message) < 200, (key, message)
    for key in answered:
        assert (
            MatchResult.model_validate(results[key].structured_content).matches[0].problem.id == UPN_PROBLEM
        )


def test_a_request_over_the_line_limit_is_refused_unread_and_the_session_goes_on(kb_db_path: Path) -> None:
    """A line of more than MAX_REQUEST_LINE is answered with an error at once, by its id when its first
    members give one (null otherwise), and the requests after it are answered as usual."""
    from api.request_lines import MAX_REQUEST_LINE

    huge = {
        "jsonrpc": "2.0",
        "id": "huge",
        "method": "tools/call",
        "params": {"name": "search", "arguments": {"query": "x" * MAX_REQUEST_LINE}},
    }
    lines = [json.dumps(line) for line in (INITIALIZE, INITIALIZED, huge)]
    lines += ['{"params": "' + "x" * MAX_REQUEST_LINE + '"}', json.dumps(MATCH_CALL)]
    done = subprocess.run(
        [KB_ENTRY_POINT, "mcp", "--db", kb_db_path],
        input="".join(line + "\n" for line in lines).encode(),
        capture_output=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert len(done.stdout) < 100_000  # nothing echoed
    answers = {m["id"]: m for m in map(json.loads, done.stdout.splitlines())}
    assert set(answers) == {1, 2, "huge", None}
    for refused in (answers["huge"], answers[None]):
        assert refused["error"]["code"] == -32600
        assert f"over the limit of {MAX_REQUEST_LINE}" in refused["error"]["message"]
    assert (
        MatchResult.model_validate(answers[2]["result"]["structuredContent"]).matches[0].problem.id
        == UPN_PROBLEM
    )


def test_every_request_the_server_cannot_read_gets_one_error_and_the_end_of_input_does_not_wait(
    kb_db_path: Path,
) -> None:
    """JSON-RPC answers every request, with id null when it cannot be read; the SDK drops these
    unanswered, and a client would wait on their ids forever (and the end of input DRAIN_SECONDS)."""
    call = '{"jsonrpc":"2.0","id":"%s","method":"tools/call","params":{"name":"search","arguments":%s}}'
    lines = [json.dumps(INITIALIZE), json.dumps(INITIALIZED)]
    lines += [
        call % ("digits", '{"query":"upn","limit":' + "9" * 5000 + "}"),  # an integer Python will not read
        call % ("deep", "[" * 300 + "]" * 300),  # valid JSON nested deeper than the SDK's parser follows
        call % ("deeper", "[" * 5000 + "]" * 5000),  # and than Python's decoder follows
        call % ("arguments", "[1,2]"),
        '{"jsonrpc":"2.0","id":"list","method":"tools/call","params":[1,2]}',
        '{"jsonrpc":"1.0","id":"old","method":"ping"}',
        '{"jsonrpc":"2.0","id":"no method"}',
        "not json",
        '{"jsonrpc":"2.0","id":true,"method":"ping"}',
        '{"jsonrpc":"2.0","method":"notifications/initialized","params":[1]}',  # a notification: no answer
        # A request with a response's member, which the SDK read as a response and dropped.
        '{"jsonrpc":"2.0","id":"with error","method":"tools/list","error":{"code":1,"message":"x"}}',
        '{"jsonrpc":"2.0","id":"with result","method":"tools/list","result":{}}',
        json.dumps(MATCH_CALL),
    ]
    done = piped_to_kb_mcp(lines, kb_db_path)
    answers = [json.loads(line) for line in done.stdout.splitlines()]
    errors = sorted(((m["id"], m["error"]["code"]) for m in answers if "error" in m), key=str)
    assert errors == sorted(
        [
            ("digits", -32700),
            ("deep", -32700),
            ("deeper", -32700),
            ("arguments", -32602),
            ("list", -32602),
            ("old", -32600),
            ("no method", -32600),
            ("with error", -32600),
            ("with result", -32600),
            (None, -32700),
            (None, -32600),
        ],
        key=str,
    )
    assert sorted(str(m["id"]) for m in answers if "result" in m) == ["1", "2"]
    # Each says what is wrong: JSON out of reach is JSON, and a tool's arguments must be an object.
    said = {m["id"]: m["error"]["message"] for m in answers if "error" in m and m["id"] is not None}
    for reached in ("digits", "deep", "deeper"):
        assert said[reached] == "Parse error: the JSON is nested too deeply, or holds a value out of range"
    assert said["arguments"] == "Invalid params: a tool's arguments must be an object"


def test_lines_are_split_in_time_proportional_to_their_length_and_a_line_over_the_limit_is_cut() -> None:
    """Each read is searched for the end of a line, not all of the line read so far (64 MiB took
    seconds); past the limit only a line's first bytes are kept, and the next line is whole."""
    import os
    import threading

    from api.mcp_stdio import Overlong, _lines

    def split(data: bytes, limit: int | None = None) -> list[bytes | Overlong]:
        read_end, write_end = os.pipe()

        def write() -> None:
            with os.fdopen(write_end, "wb") as pipe:
                pipe.write(data)

        writer = threading.Thread(target=write)
        writer.start()
        try:
            return list(_lines(read_end, limit))
        finally:
            writer.join()
            os.close(read_end)

    long_line = b"x" * (64 << 20) + b"\n"
    started = time.monotonic()
    assert split(long_line + b"last") == [long_line, b"last"]
    assert time.monotonic() - started < 2
    head = b'{"jsonrpc":"2.0","id":7,"params":"'
    [cut, after] = split(head + b"x" * 100_000 + b'"}\r\n{"id":8}\n', limit=1000)
    assert isinstance(cut, Overlong) and cut.head.startswith(head) and len(cut.head) <= 1024
    assert cut.size == len(head) + 100_000 + 4
    assert after == b'{"id":8}\n'


def test_a_request_with_a_carriage_return_between_its_tokens_is_answered(kb_db_path: Path) -> None:
    """A raw "\\r" is whitespace JSON allows between tokens (a client on Windows, a hand-written
    request); the SDK reads its input with universal newlines and ended the line there, so the
    request went unanswered and the end of input waited DRAIN_SECONDS for it."""
    lines = [json.dumps(INITIALIZE), json.dumps(INITIALIZED).replace(", ", ",\r")]
    lines.append(json.dumps(MATCH_CALL).replace(", ", ",\r"))
    done = piped_to_kb_mcp(lines, kb_db_path, end="\r\n")
    answers = {m["id"]: m for m in map(json.loads, done.stdout.splitlines())}
    assert set(answers) == {1, 2}
    assert (
        MatchResult.model_validate(answers[2]["result"]["structuredContent"]).matches[0].problem.id
        == UPN_PROBLEM
    )
