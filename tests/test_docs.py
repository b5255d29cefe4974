"""Every example in the README and in `kb --help` works on what the quick start gives.

As sqlite-utils does in its tests/test_docs.py, the command lines are read from the
documents themselves and run, so an example that stops working fails here. They run
in document order, in one folder holding a copy of kb/ and the index `kb index` builds
from it: what `make run` gives a new user. Examples that need more are recognised and
handled explicitly:

- the input files the examples name (error.txt, queries.jsonl, sync.log and a folder of
  "your" articles) are made here;
- `--url` and curl examples ask a live server over that index, at its real address;
- `kb serve` examples, and those that name a PostgreSQL database, are parsed, not run
  (tests/test_serve.py starts kb serve; the feedback store tests run PostgreSQL);
- `kb schema` without --out would rewrite the package's own files: it runs with --check;
- examples that use ../shared run against the shared corpus, and are skipped without it.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import click
import pytest
from click.testing import CliRunner
from conftest import kb_commands
from fastapi.testclient import TestClient
from live import live_server
from pydantic import SecretStr

from api.cli import cli
from api.http import create_app
from api.settings import Settings

REPO = Path(__file__).resolve().parent.parent
KB_BIN = Path(sys.executable).parent
KEY = "docs-admin-key"
# The addresses examples give a running server.
SERVER_ADDRESSES = ("http://kb.internal:8000", "http://localhost:8000", "localhost:8000")
OWN_ARTICLES = "path/to/your/articles"
COMMAND = re.compile(r"^(?:[A-Z_]+=\S+\s+)*kb\s|\|\s*kb\s|^curl\s")

pytestmark = pytest.mark.slow


def readme_examples() -> list[str]:
    """The command lines in the README's shell blocks (continuation lines joined)."""
    text = (REPO / "README.md").read_text(encoding="utf-8")
    lines: list[str] = []
    for block in re.findall(r"^```sh\n(.*?)^```", text, re.MULTILINE | re.DOTALL):
        for line in block.replace("\\\n", " ").splitlines():
            if COMMAND.search(line.strip()):
                lines.append(line.strip())
    return lines


def help_examples() -> list[str]:
    """The command lines in `kb --help` and in every command's --help."""
    runner = CliRunner()
    lines: list[str] = []
    for args in [[], *([name] for name in kb_commands())]:
        text = runner.invoke(cli, [*args, "--help"]).stdout
        lines += [line.strip() for line in text.splitlines() if COMMAND.search(line.strip())]
    return lines


def short(line: str) -> str:
    return line if len(line) <= 70 else line[:67] + "..."


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder as the quick start leaves it: kb/ and the kb.db `kb index` builds, plus the examples' inputs."""
    folder = tmp_path_factory.mktemp("quickstart")
    shutil.copytree(REPO / "kb", folder / "kb")
    done = subprocess.run(
        [KB_BIN / "kb", "index"], cwd=folder, env=environment(), capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    user_error = "Invalid value specified for property 'mailNickname' of resource 'User'."
    (folder / "error.txt").write_text(f"Sync failed: {user_error}\n", encoding="utf-8")
    (folder / "queries.jsonl").write_text(
        '{"id": "1", "query": "The domain portion of the userPrincipalName property is invalid."}\n'
        '{"id": "2", "query": "new users are not synced to Microsoft 365"}\n',
        encoding="utf-8",
    )
    (folder / "sync.log").write_text(
        "2026-03-02 10:14:01 INFO starting directory sync\n"
        "2026-03-02 10:14:03 ERROR Sync failed for user jdoe: The domain portion of the userPrincipalName "
        "property is invalid. You must use one of the verified domain names in your organization.\n",
        encoding="utf-8",
    )
    own = folder / OWN_ARTICLES
    own.mkdir(parents=True)
    shutil.copy(REPO / "tests" / "fixtures" / "kb_convention.md", own / "vpn.md")
    return folder


@pytest.fixture(scope="module")
def server(workspace: Path) -> Iterator[str]:
    """A live server over the workspace's index, for the examples that ask one."""
    settings = Settings(
        db=workspace / "kb.db", api_key=SecretStr(KEY), feedback_db=workspace / "server-feedback.db"
    )
    with live_server(create_app(settings)) as url:
        yield url


def environment(**extra: str) -> dict[str, str]:
    """The environment of a new user's shell: `kb` on PATH, no KB_* settings of the test run."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("KB_")}
    env["PATH"] = f"{KB_BIN}{os.pathsep}{env.get('PATH', '')}"
    return {**env, **extra}


def parse_only(args: list[str]) -> None:
    """Check that `kb ARGS` parses (a usage error raises), down to its sub-command, without running it."""
    ctx = click.Context(cli, info_name="kb")
    command = cli.get_command(ctx, args[0])
    assert command is not None, args[0]
    name, args = args[0], args[1:]
    while True:
        names = command.list_commands(ctx) if isinstance(command, click.Group) else []
        sub = next((i for i, word in enumerate(args) if word in names), None)
        own, rest = (args, []) if sub is None else (args[:sub], args[sub:])
        ctx = command.make_context(name, own, parent=ctx)
        if sub is None:
            return
        assert isinstance(command, click.Group)
        name, args = rest[0], rest[1:]
        found = command.get_command(ctx, name)
        assert found is not None, name
        command = found


def run_example(line: str, workspace: Path, request: pytest.FixtureRequest) -> None:
    """Run one documented command line as a user would, handling what needs more than the index."""
    if "../shared" in line:
        shared: Path = request.getfixturevalue("shared_dir")  # skips without the shared folder
        line = line.replace("../shared", str(shared))
    if any(address in line for address in SERVER_ADDRESSES):
        url: str = request.getfixturevalue("server")
        for address in SERVER_ADDRESSES:
            line = line.replace(address, url if address.startswith("http") else url.removeprefix("http://"))
        line = line.replace("KB_API_KEY=...", f"KB_API_KEY={KEY}")
    if OWN_ARTICLES in line:
        # The quick start's own folder, in a copy: the examples after it are documented on the
        # index `make run` builds from kb/ alone, and `kb index` refuses to leave a folder out.
        tmp_path: Path = request.getfixturevalue("tmp_path")
        workspace = Path(shutil.copytree(workspace, tmp_path / "with-own-articles"))
    lexer = shlex.shlex(line, posix=True, punctuation_chars=True)
    lexer.whitespace_split = True
    words = list(lexer)
    command = [w for w in words if not re.match(r"^[A-Z_]+=", w)]
    if command[:2] == ["kb", "serve"] or "postgresql://" in line:
        # Parsed, not run: a server runs until stopped, and a PostgreSQL database is a server
        # of its own (tests/test_serve.py starts kb serve; the feedback store tests, PostgreSQL).
        parse_only(command[1:])
        return
    if command[:2] == ["kb", "schema"] and "--out" not in command and "--check" not in command:
        line += " --check"  # without --out it writes into the installed package
    if words[0] == "curl":
        line = line.replace("curl ", "curl --fail ", 1)
    if words[0] == "kb" and command[1] != "mcp" and not any(set(w) <= set("();<>|&") for w in words):
        # A plain `kb ...` line: run in this process through click's runner (as sqlite-utils'
        # tests do), which is what the `kb` script does, without a second of start-up per line.
        monkeypatch = request.getfixturevalue("monkeypatch")
        monkeypatch.chdir(workspace)
        monkeypatch.delenv("KB_DB", raising=False)
        result = CliRunner().invoke(cli, words[1:])
        output = f"{result.stdout[-2000:]}\n{result.stderr[-2000:]}"
        assert result.exit_code == 0, f"{line}\nexit {result.exit_code}\n{output}\n{result.exception!r}"
        if command[1] == "search":
            assert not result.stdout.lower().startswith("no suggestions"), result.stdout
        return
    done = subprocess.run(
        ["bash", "-c", line],
        cwd=workspace,
        env=environment(),
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, (
        f"{line}\nexit {done.returncode}\n{done.stdout[-2000:]}\n{done.stderr[-2000:]}"
    )
    if command[:2] == ["kb", "search"]:
        assert not done.stdout.lower().startswith("no suggestions"), done.stdout


@pytest.mark.parametrize("line", readme_examples(), ids=short)
def test_readme_example_works_on_the_quick_start_index(
    line: str, workspace: Path, request: pytest.FixtureRequest
) -> None:
    run_example(line, workspace, request)


@pytest.mark.parametrize("line", help_examples(), ids=short)
def test_help_example_works_on_the_quick_start_index(
    line: str, workspace: Path, request: pytest.FixtureRequest
) -> None:
    run_example(line, workspace, request)


def test_the_examples_were_found() -> None:
    readme, helps = readme_examples(), help_examples()
    assert len(readme) >= 15 and len(helps) >= 20
    assert any(line.startswith("curl ") for line in readme)
    assert any("--url" in line for line in helps)


def test_readme_names_exactly_the_routes_that_answer_markdown(kb_db_path: Path) -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert "Every route answers" not in readme
    paragraph = next(p for p in readme.split("\n\n") if "answer JSON by default and Markdown" in p)
    named = set(re.findall(r"`(GET|POST) (/[^`]+)`", paragraph))
    with TestClient(create_app(Settings(db=kb_db_path))) as client:
        spec: dict[str, Any] = client.get("/openapi.json").json()
    offered = {
        (method.upper(), re.sub(r"\{\w+\}", "{id}", path))
        for path, operations in spec["paths"].items()
        for method, operation in operations.items()
        if "text/markdown" in operation["responses"].get("200", {}).get("content", {})
    }
    assert named == offered
