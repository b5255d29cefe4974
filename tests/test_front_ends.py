"""What the CLI, the HTTP API and the MCP server must agree on, checked across all three."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import anyio
import click
from fastapi.testclient import TestClient

from api.cli import cli
from api.http import create_app
from api.knowledge import KnowledgeBase
from api.mcp_server import create_server
from api.query import DEFAULT_MATCHES, MAX_MATCHES
from api.settings import Settings


def _cli_limit() -> tuple[Any, Any]:
    option = next(p for p in cli.commands["match"].params if p.name == "limit")
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
