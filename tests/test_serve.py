"""`kb serve` itself: how it runs uvicorn and its workers."""

from __future__ import annotations

import ast
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


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
