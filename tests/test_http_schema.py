"""Property-based check of the HTTP API against its own OpenAPI document (schemathesis).

Generated requests, valid and invalid, must never get a 5xx, and every answer
must match what /openapi.json documents: status codes, content types, bodies.
Every operation is fuzzed without the admin key (admin routes: 401/403), the admin
operations again with it, and every operation before any index exists (503).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from pydantic import SecretStr
from schemathesis.checks import negative_data_rejection, not_a_server_error

from api.http import create_app
from api.settings import Settings
from indexer.build import build_index

KB_DIR = Path(__file__).resolve().parent.parent / "kb"
# Bounded so CI stays well under a minute: ~50 generated cases per operation and phase.
# Derandomized: CI runs the same examples every time, so a red run is a real change, not luck.
BOUNDED = settings(max_examples=50, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
ADMIN_KEY = "schemathesis-admin-key-not-in-any-wordlist"


def _schema(folder: Path, *, indexed: bool) -> Any:
    db = folder / "kb.db"
    if indexed:
        build_index([KB_DIR], db)
    # A key schemathesis cannot guess: generated requests get 401/403 on admin routes,
    # and only test_admin_operations_with_the_key_conform sends it.
    app = create_app(Settings(db=db, articles=[KB_DIR], api_key=SecretStr(ADMIN_KEY)))
    return schemathesis.openapi.from_asgi("/openapi.json", app)


@pytest.fixture(scope="module")
def api_schema(tmp_path_factory: pytest.TempPathFactory) -> Any:
    """The schema of an app over a private index of kb/, with the admin route switched on."""
    return _schema(tmp_path_factory.mktemp("schemathesis"), indexed=True)


@pytest.fixture(scope="module")
def no_index_schema(tmp_path_factory: pytest.TempPathFactory) -> Any:
    """The same app before any index exists."""
    return _schema(tmp_path_factory.mktemp("schemathesis-empty"), indexed=False)


schema = schemathesis.pytest.from_fixture("api_schema")
no_index = schemathesis.pytest.from_fixture("no_index_schema")


@pytest.mark.slow
@schema.parametrize()
@BOUNDED
def test_api_conforms_to_its_openapi(case: Any) -> None:
    case.call_and_validate()


@pytest.mark.slow
@schema.include(tag="admin").parametrize()
@BOUNDED
def test_admin_operations_with_the_key_conform(case: Any) -> None:
    # The key replaces whatever header a negative case carried, which makes such a case
    # valid again: "invalid request accepted" cannot be judged here (the pass without
    # the key judges it); every other check, 5xx and response schema included, applies.
    case.call_and_validate(
        headers={"Authorization": f"Bearer {ADMIN_KEY}"}, excluded_checks=[negative_data_rejection]
    )


@pytest.mark.slow
@no_index.parametrize()
@BOUNDED
def test_api_without_index_conforms_and_only_says_503(case: Any) -> None:
    # 503 is the documented answer while no index exists; any other 5xx is a bug.
    response = case.call_and_validate(excluded_checks=[not_a_server_error])
    if response.status_code >= 500:
        assert response.status_code == 503
        assert response.json()["error"]["code"] == "index_unavailable"
