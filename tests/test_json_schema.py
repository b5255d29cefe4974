"""The checked-in JSON Schema files match the models, and real output validates against them."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from api.cli import cli
from api.schema import SCHEMA_DIR, SCHEMA_MODELS, schema_documents


@pytest.mark.parametrize("name", sorted(SCHEMA_MODELS))
def test_checked_in_schema_is_current(name: str) -> None:
    path = SCHEMA_DIR / name
    assert path.is_file(), f"{path} is missing: run `kb schema` and commit api/schema/"
    assert path.read_text(encoding="utf-8") == schema_documents()[name], (
        f"{path} is out of date with api/models.py: run `kb schema` and commit api/schema/"
    )


def test_no_stray_schema_files() -> None:
    assert {p.name for p in SCHEMA_DIR.glob("*.json")} == set(SCHEMA_MODELS)


def test_kb_schema_writes_and_checks(tmp_path: Path) -> None:
    runner = CliRunner()
    written = runner.invoke(cli, ["schema", "--out", str(tmp_path)])
    assert written.exit_code == 0, written.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(SCHEMA_MODELS)
    assert runner.invoke(cli, ["schema", "--check", "--out", str(tmp_path)]).exit_code == 0
    (tmp_path / "MatchResult.json").write_text("{}")
    stale = runner.invoke(cli, ["schema", "--check", "--out", str(tmp_path)])
    assert stale.exit_code == 1
    # The command that rewrites the files checked, not those of api/schema/.
    assert (
        stale.stderr
        == f"kb: {tmp_path / 'MatchResult.json'} is out of date; run `kb schema --out {tmp_path}`\n"
    )


def test_kb_schema_into_a_folder_it_cannot_make_is_exit_4_in_one_line(tmp_path: Path) -> None:
    # A traceback and exit 1, which the help keeps for --check.
    (tmp_path / "a-file").write_text("")
    result = CliRunner().invoke(cli, ["schema", "--out", str(tmp_path / "a-file" / "schemas")])
    assert result.exit_code == 4, result.stderr
    assert (
        result.stderr.startswith("kb: cannot write the schema files into")
        and "Traceback" not in result.stderr
    )


@pytest.mark.parametrize(
    ("args", "name"),
    [
        (["match", "The domain portion of the userPrincipalName property is invalid."], "MatchResult.json"),
        (["show", "jumpcloud-m365"], "ArticleOut.json"),
        (["show", "jumpcloud-m365#2"], "ProblemDetail.json"),
        (["articles"], "ArticlePage.json"),
        (["search", "sync"], "SearchResult.json"),
    ],
)
def test_json_output_validates(kb_db_path: Path, args: list[str], name: str) -> None:
    result = CliRunner().invoke(cli, [*args, "--db", str(kb_db_path), "--format", "json"])
    assert result.exit_code in (0, 1), result.stderr
    schema = json.loads((SCHEMA_DIR / name).read_text(encoding="utf-8"))
    jsonschema.validate(json.loads(result.stdout), schema)
