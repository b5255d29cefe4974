"""What the CLI, the HTTP API and the MCP server must agree on, checked across all three."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path
from typing import Any

import anyio
import click
import click.testing
import pytest
from conftest import kb_commands
from fastapi.testclient import TestClient
from mcp.server.mcpserver.exceptions import ToolError

from api import lookups
from api.cli import cli
from api.http import create_app
from api.knowledge import KnowledgeBase
from api.limits import DEFAULT_MATCHES, MAX_MATCHES
from api.matcher import match
from api.mcp_server import create_server
from api.query import MAX_QUERY_CHARS
from api.render import OUT_OF_SCOPE, TRUNCATED
from api.settings import Settings
from indexer.errors import IndexMissingError, InvalidQueryError


def _cli_limit() -> tuple[Any, Any]:
    option = next(p for p in kb_commands()["match"].params if p.name == "limit")
    assert isinstance(option.type, click.IntRange)
    return option.default, option.type.max


def _http_limit(kb_db_path: Path) -> tuple[Any, Any]:
    with TestClient(create_app(Settings(db=kb_db_path))) as client:
        spec = client.get("/openapi.json").json()
    limit = spec["components"]["schemas"]["MatchRequest"]["properties"]["limit"]
    return limit["default"], limit["maximum"]


def _mcp_limit(kb: KnowledgeBase) -> tuple[Any, Any]:
    tools = anyio.run(create_server(kb).list_tools)
    limit = next(t for t in tools if t.name == "match_error").input_schema["properties"]["limit"]
    return limit["default"], limit["maximum"]


def test_match_limits_are_the_cores_in_every_front_end(kb_db_path: Path, kb: KnowledgeBase) -> None:
    expected = (DEFAULT_MATCHES, MAX_MATCHES)
    assert {"cli": _cli_limit(), "http": _http_limit(kb_db_path), "mcp": _mcp_limit(kb)} == {
        "cli": expected,
        "http": expected,
        "mcp": expected,
    }


SEED = "Invalid value specified for property 'mailNickname' of resource 'User'."
PRODUCT = "JumpCloud Microsoft 365 integration"


def _scoped_answers(kb_db_path: Path, kb: KnowledgeBase, product: str) -> dict[str, list[str]]:
    """The problems each front end answers SEED with, scoped to ``product``."""
    result = click.testing.CliRunner().invoke(
        cli, ["match", SEED, "--db", str(kb_db_path), "--format", "json", "--product", product]
    )
    cli_ids = [m["problem"]["id"] for m in json.loads(result.stdout)["matches"]]
    with TestClient(create_app(Settings(db=kb_db_path))) as client:
        body = client.post("/v1/match", json={"text": SEED, "product": product}).json()
        searched = client.get("/v1/search", params={"q": "mailnick", "product": product}).json()
    http_ids = [m["problem"]["id"] for m in body["matches"]]
    server = create_server(kb)
    called = anyio.run(server.call_tool, "match_error", {"text": SEED, "product": product})
    mcp_ids = [m["problem"]["id"] for m in (called.structured_content or {})["matches"]]
    return {
        "cli": cli_ids,
        "http": http_ids,
        "mcp": mcp_ids,
        "search": [h["problem_id"] for h in searched["hits"]],
    }


def test_every_front_end_scopes_answers_to_a_product(kb_db_path: Path, kb: KnowledgeBase) -> None:
    inside = _scoped_answers(kb_db_path, kb, PRODUCT.lower())
    assert inside["cli"] == inside["http"] == inside["mcp"]
    assert inside["cli"][0] == "jumpcloud-m365#4"
    assert inside["search"] and all(h.startswith("jumpcloud-m365#") for h in inside["search"])
    outside = _scoped_answers(kb_db_path, kb, "another product")
    assert outside == {"cli": [], "http": [], "mcp": [], "search": []}


def _scope_articles(kb_db_path: Path, kb: KnowledgeBase, product: str) -> dict[str, Any]:
    """What each front end says of how many articles ``product`` names, and the CLI's Markdown."""
    runner = click.testing.CliRunner()
    scoped = ["--product", product] if product else []
    result = runner.invoke(cli, ["match", SEED, "--db", str(kb_db_path), "--format", "json", *scoped])
    markdown = runner.invoke(cli, ["match", "mailnick printer", "--db", str(kb_db_path), *scoped]).stdout
    with TestClient(create_app(Settings(db=kb_db_path))) as client:
        body = client.post("/v1/match", json={"text": SEED, "product": product}).json()
        searched = client.get("/v1/search", params={"q": "mailnick", "product": product}).json()
    called = anyio.run(create_server(kb).call_tool, "match_error", {"text": SEED, "product": product})
    return {
        "cli": json.loads(result.stdout)["scope_articles"],
        "http": body["scope_articles"],
        "search": searched["scope_articles"],
        "mcp": (called.structured_content or {})["scope_articles"],
        "said": OUT_OF_SCOPE in markdown,
    }


def test_every_front_end_says_when_no_article_has_the_product(kb_db_path: Path, kb: KnowledgeBase) -> None:
    # A misspelt product (a portal's data-product) answered nothing, for ever, without a word.
    assert _scope_articles(kb_db_path, kb, "JumpCloud") == {
        "cli": 0,
        "http": 0,
        "search": 0,
        "mcp": 0,
        "said": True,
    }
    assert _scope_articles(kb_db_path, kb, PRODUCT) == {
        "cli": 1,
        "http": 1,
        "search": 1,
        "mcp": 1,
        "said": False,
    }
    unscoped = {"cli": None, "http": None, "search": None, "mcp": None, "said": False}
    assert _scope_articles(kb_db_path, kb, "") == unscoped


def test_spaces_around_a_product_are_no_part_of_it_in_any_front_end(
    kb_db_path: Path, kb: KnowledgeBase
) -> None:
    # A portal's data-product="… " (or "product": " ") was a scope no article is in: every
    # front end answered "no confident match" where the product's own article answers.
    padded = _scoped_answers(kb_db_path, kb, f"  {PRODUCT} ")
    assert padded == _scoped_answers(kb_db_path, kb, PRODUCT)
    assert padded["cli"][0] == "jumpcloud-m365#4"
    # Spaces only name no product, as an empty one does: the whole knowledge base answers.
    assert _scoped_answers(kb_db_path, kb, "   ") == _scoped_answers(kb_db_path, kb, "")


def test_a_tag_of_spaces_only_scopes_nothing_out_over_http(kb_db_path: Path) -> None:
    with TestClient(create_app(Settings(db=kb_db_path))) as client:
        unscoped = client.post("/v1/match", json={"text": SEED}).json()
        for tags in ([""], ["  "], [" mailnickname "]):
            body = client.post("/v1/match", json={"text": SEED, "tags": tags}).json()
            assert body["matches"] == unscoped["matches"], tags


def _markdown_answers(kb_db_path: Path, kb: KnowledgeBase, text: str) -> dict[str, str]:
    """Each front end's Markdown (the MCP tool's text) for ``text``."""
    result = click.testing.CliRunner().invoke(cli, ["match", "--db", str(kb_db_path)], input=text)
    # A server that takes bodies over the size of a query (KB_MAX_BODY).
    with TestClient(create_app(Settings(db=kb_db_path, max_body=4 * len(text)))) as client:
        http = client.post("/v1/match", params={"format": "md"}, json={"text": text}).text
    called = anyio.run(create_server(kb).call_tool, "match_error", {"text": text})
    (content,) = called.content
    assert content.type == "text"
    return {"cli": result.stdout, "http": http, "mcp": content.text}


def test_every_front_ends_answer_to_a_long_log_says_what_was_read_of_it(
    kb_db_path: Path, kb: KnowledgeBase
) -> None:
    """An agent reads only the text: an answer, or none, to a log over the size limit says that
    only its error-looking lines (of its last MiB) were matched. The note was left out of "No
    confident match", and said that the first part had been matched."""
    routine = "".join(
        f"2026-12-04T10:{n // 60 % 60:02d}:{n % 60:02d}Z INFO sync worker {n} heartbeat ok\n"
        for n in range(1500)
    )
    assert len(routine) > MAX_QUERY_CHARS
    for text, answered in [(routine + f"ERROR {SEED}\n", True), (routine, False)]:
        for front_end, markdown in _markdown_answers(kb_db_path, kb, text).items():
            assert markdown.startswith("# Answer" if answered else "# No confident match"), (
                front_end,
                markdown,
            )
            assert markdown.rstrip().endswith(f"_{TRUNCATED}_"), (front_end, markdown)


def test_a_medium_answer_shows_the_symptoms_to_check_in_every_front_ends_text(
    kb_db_path: Path, kb: KnowledgeBase
) -> None:
    """The MCP tool tells an agent to check that a medium answer's symptoms agree; a host that
    gives it only the text gave it none to check, for a problem with steps."""
    described = "user principal name domain not verified in Microsoft 365"
    (first, *_) = anyio.run(
        create_server(kb).call_tool, "match_error", {"text": described}
    ).structured_content["matches"]
    assert first["confidence"] == "medium" and first["steps"] and first["problem"]["symptoms"]
    shown = first["problem"]["symptoms"].split("\n")[0][:40]
    for front_end, markdown in _markdown_answers(kb_db_path, kb, described).items():
        assert "**Symptoms:**" in markdown and shown in markdown, (front_end, markdown)
        # Beside the label, what it asks: "medium (1.00)" alone read as a sure answer to a model.
        assert "Confidence: **medium**, likely: check that the symptoms agree (score " in markdown
    # A high answer, to be followed, goes straight from its cause to the steps.
    assert "**Symptoms:**" not in _markdown_answers(kb_db_path, kb, SEED)["mcp"]
    # The terse text for agents says them too: it had shown symptoms only of an answer without steps.
    for text, checked in [(described, True), (SEED, False)]:
        terse = click.testing.CliRunner().invoke(
            cli, ["match", "--db", str(kb_db_path), "--format", "text"], input=text
        )
        assert ("  symptoms: " in terse.stdout) is checked, terse.stdout
        if checked:
            assert shown in terse.stdout


def test_an_id_copied_with_spaces_around_it_is_found_by_every_front_end(
    kb_db_path: Path, kb: KnowledgeBase
) -> None:
    """The MCP tool stripped them and the others did not: `kb show " jumpcloud-m365"` said "no
    article with id ' jumpcloud-m365'"."""
    runner = click.testing.CliRunner()
    for some_id in (" jumpcloud-m365 ", "jumpcloud-m365#1\n"):
        for command in ("show", "inspect"):
            shown = runner.invoke(cli, [command, some_id, "--db", str(kb_db_path)])
            assert shown.exit_code == 0, (command, some_id, shown.output)
        called = anyio.run(create_server(kb).call_tool, "get_article", {"id": some_id})
        assert not called.is_error, some_id
    with TestClient(create_app(Settings(db=kb_db_path))) as client:
        assert client.get("/v1/articles/%20jumpcloud-m365%20").status_code == 200
        assert client.get("/v1/problems/jumpcloud-m365%231%20").status_code == 200


def test_an_id_that_is_no_text_is_refused_not_taken_for_damage_of_the_index(kb: KnowledgeBase) -> None:
    """Half of a UTF-16 pair cannot be looked up: it was reported as a damaged index, which the
    HTTP app remembers, answering 503 until the file is replaced."""
    with pytest.raises(InvalidQueryError):
        kb.article("jumpcloud-m365\ud800")
    with pytest.raises(ToolError) as refused:
        anyio.run(create_server(kb).call_tool, "get_article", {"id": "jumpcloud-m365\ud800"})
    assert "not text that can be looked up" in str(refused.value) and "damaged" not in str(refused.value)
    assert kb.article("jumpcloud-m365").id == "jumpcloud-m365"


def test_a_file_swapped_in_that_is_no_index_is_reported_alike_by_a_match_and_a_lookup(
    kb_db_path: Path, tmp_path: Path
) -> None:
    """A match said "not an SQLite file … choose another --db" and a lookup of an article "damaged
    … rebuild it with `kb index --rebuild`", of one file."""
    db = tmp_path / "kb.db"
    shutil.copy(kb_db_path, db)
    served = KnowledgeBase(db)
    assert lookups.show(served, "jumpcloud-m365").id == "jumpcloud-m365"
    garbage = tmp_path / "garbage.db"
    garbage.write_bytes(b"not an index " * 400)
    os.replace(garbage, db)
    said = []
    for ask in (lambda: match(served, SEED), lambda: lookups.show(served, "jumpcloud-m365")):
        with pytest.raises(IndexMissingError) as refused:
            ask()
        said.append(str(refused.value))
    assert said[0] == said[1] and "not an SQLite file" in said[0]
