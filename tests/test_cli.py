"""The `kb` command as agents drive it: exit codes, output formats, stdin, --batch, help."""

from __future__ import annotations

import io
import json
import os
import re
import resource
import subprocess
import sys
from pathlib import Path
from typing import Any

import click
import pytest
from click.testing import CliRunner
from conftest import KB_DIR, REPO
from live import children_get_sigint

from api.cli import EXIT_INTERRUPTED, EXIT_NO_MATCH, EXIT_UNAVAILABLE, EXIT_USAGE, cli
from api.exitcodes import EXIT_NOT_WRITTEN
from api.knowledge import KnowledgeBase
from api.lookups import SEARCH_WEIGHTS
from api.mcp_server import MATCH_DESCRIPTION
from api.models import ArticleOut, ArticlePage, MatchResult, ProblemDetail, SearchResult
from api.query import MAX_LINES, MAX_MATCHED_CHARS, MAX_QUERY_CHARS, MAX_SCAN_CHARS
from indexer.build import build_index
from indexer.full_text import FTS_COLUMNS, fts_weights

UPN_ERROR = (
    "The domain portion of the userPrincipalName property is invalid. "
    "You must use one of the verified domain names in your organization."
)
UPN_PROBLEM = "jumpcloud-m365#2"
UPN_TITLE = "UPN domain is not verified"
NONSENSE = "How do I reset my laptop to factory settings?"
KB_ENTRY_POINT = Path(sys.executable).parent / "kb"


@pytest.fixture
def runner() -> CliRunner:
    """A click runner; stdout and stderr are kept apart (click 8.2+)."""
    return CliRunner()


def kb(runner: CliRunner, *args: str | Path, input: str | None = None) -> click.testing.Result:
    """Run `kb ARGS` in-process."""
    return runner.invoke(cli, [str(a) for a in args], input=input, catch_exceptions=False)


# --- kb match: exit codes -------------------------------------------------------------


def test_confident_match_exits_0(runner: CliRunner, kb_db_path: Path) -> None:
    result = kb(runner, "match", UPN_ERROR, "--db", kb_db_path)
    assert result.exit_code == 0, result.stderr
    assert UPN_PROBLEM in result.stdout
    assert result.stderr == ""


def test_nonsense_exits_1_on_the_full_corpus(runner: CliRunner, full_db_path: Path) -> None:
    result = kb(runner, "match", NONSENSE, "--db", full_db_path, "--format", "json")
    assert result.exit_code == EXIT_NO_MATCH, result.stdout
    assert MatchResult.model_validate_json(result.stdout).no_confident_match


def test_missing_index_exits_3(runner: CliRunner, tmp_path: Path) -> None:
    result = kb(runner, "match", UPN_ERROR, "--db", tmp_path / "absent.db")
    assert result.exit_code == EXIT_UNAVAILABLE
    assert result.stdout == ""
    assert "kb index" in result.stderr


def test_markdown_answers_have_no_double_blank_lines(runner: CliRunner, kb_db_path: Path) -> None:
    # Steps grouped under headings ("Step 1: Verify …") started with a second blank line.
    for args in (["show", "jumpcloud-m365"], ["show", "jumpcloud-m365#2"], ["match", UPN_ERROR]):
        result = kb(runner, *args, "--db", kb_db_path, "--format", "md")
        assert result.stdout.count("**Step 1") == 1 and "\n\n\n" not in result.stdout, args


def test_a_file_name_with_a_line_break_or_backticks_stays_one_piece_of_code(
    runner: CliRunner, tmp_path: Path
) -> None:
    folder = tmp_path / "kb"
    folder.mkdir()
    (folder / "odd\nname`x.md").write_text("# Odd name\n\n## Resolution\n\n1. Rename it.\n", encoding="utf-8")
    kb(runner, "index", folder, "--db", tmp_path / "kb.db")
    listed = kb(runner, "articles", "--db", tmp_path / "kb.db", "--format", "md").stdout
    assert listed.splitlines()[2] == "- `odd-name-x` Odd name (1 problem, `` odd\\nname`x.md ``)"
    shown = kb(runner, "show", "odd-name-x#1", "--db", tmp_path / "kb.db", "--format", "md").stdout
    assert "(`` odd\\nname`x.md ``)" in shown


def test_an_index_that_cannot_be_written_exits_4_and_says_why(runner: CliRunner, tmp_path: Path) -> None:
    # A folder that cannot hold it (here a file in the way; no permission, a full disk): a
    # one-line reason, not a traceback.
    (tmp_path / "taken").write_text("not a folder")
    result = kb(runner, "index", KB_DIR, "--db", tmp_path / "taken" / "kb.db")
    assert result.exit_code == 4
    assert result.stderr.startswith(f"kb: cannot write the index {tmp_path / 'taken' / 'kb.db'}: ")
    assert "Traceback" not in result.stderr
    # A folder where no file can be made (the file system says "no such file"): not a usage error.
    if Path("/proc/self").is_dir():
        result = kb(runner, "index", KB_DIR, "--db", "/proc/kb.db")
        assert (result.exit_code, result.stderr) == (
            4,
            "kb: cannot write the index /proc/kb.db: No such file or directory\n",
        )


def test_unreadable_index_exits_3(runner: CliRunner, tmp_path: Path) -> None:
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not sqlite" * 100)
    result = kb(runner, "show", "jumpcloud-m365", "--db", junk)
    assert result.exit_code == EXIT_UNAVAILABLE
    # Not "rebuild it": `kb index` refuses to replace a file that is not SQLite.
    assert f"{junk} is not an SQLite file, so not a kb-answer index" in result.stderr
    assert "remove it and run `kb index`" in result.stderr
    replaced = kb(runner, "index", KB_DIR, "--db", junk)
    assert replaced.exit_code == EXIT_UNAVAILABLE and "remove it" in replaced.stderr
    junk.unlink()
    assert kb(runner, "index", KB_DIR, "--db", junk).exit_code == 0
    assert kb(runner, "show", "jumpcloud-m365", "--db", junk).exit_code == 0


@pytest.mark.parametrize(
    "args",
    [
        ["match", "x", "--format", "yaml"],
        ["match", "x", "--limit", "0"],
        ["match", "x", "--min-confidence", "certain"],
        ["match", "x", "--no-such-option"],
        ["search"],
        ["no-such-command"],
    ],
)
def test_bad_usage_exits_2(runner: CliRunner, kb_db_path: Path, args: list[str]) -> None:
    result = kb(runner, *args, "--db", kb_db_path) if args[0] == "match" else kb(runner, *args)
    assert result.exit_code == EXIT_USAGE
    assert result.stdout == ""


def test_pasted_text_that_starts_with_a_dash_is_told_how_to_pass(runner: CliRunner, kb_db_path: Path) -> None:
    # Shell errors start with "-bash:"; click read them as options, and said only "No such option '-b'".
    pasted = "-bash: brew: command not found"
    result = runner.invoke(cli, ["match", "--db", str(kb_db_path), pasted])
    assert result.exit_code == 2
    assert f"put it after '--' (kb match -- '{pasted}') or pipe it on standard input" in result.stderr
    # Read as the query: the seed's article has nothing on brew, so no answer is confident.
    assert runner.invoke(cli, ["match", "--db", str(kb_db_path), "--", pasted]).exit_code == EXIT_NO_MATCH
    # A mistyped option is not pasted text: click's own suggestion stands.
    typo = runner.invoke(cli, ["match", "--db", str(kb_db_path), "--limt", "3", "x"])
    assert "Did you mean '--limit'?" in typo.stderr and "after '--'" not in typo.stderr


def test_empty_input_is_a_usage_error(runner: CliRunner, kb_db_path: Path) -> None:
    result = kb(runner, "match", "--db", kb_db_path, input="   \n")
    assert result.exit_code == EXIT_USAGE
    assert "nothing to match" in result.stderr


def test_unknown_id_is_a_usage_error(runner: CliRunner, kb_db_path: Path) -> None:
    result = kb(runner, "show", "jumpcloud-m365#99", "--db", kb_db_path)
    assert result.exit_code == EXIT_USAGE
    assert "jumpcloud-m365#99" in result.stderr


# --- kb match: formats and options ----------------------------------------------------


def test_match_json_is_a_match_result(runner: CliRunner, kb_db_path: Path) -> None:
    result = kb(runner, "match", UPN_ERROR, "--db", kb_db_path, "--format", "json")
    parsed = MatchResult.model_validate_json(result.stdout)
    assert parsed.matches[0].problem.id == UPN_PROBLEM
    assert parsed.matches[0].confidence in ("high", "medium")
    assert not parsed.no_confident_match


def test_match_markdown(runner: CliRunner, kb_db_path: Path) -> None:
    out = kb(runner, "match", UPN_ERROR, "--db", kb_db_path, "--format", "md").stdout
    assert out.startswith("# Answer")
    assert f"`{UPN_PROBLEM}`" in out
    assert "### Steps" in out


def test_match_text_is_terse(runner: CliRunner, kb_db_path: Path) -> None:
    out = kb(runner, "match", UPN_ERROR, "--db", kb_db_path, "--format", "text").stdout
    first = out.splitlines()[0]
    assert first.startswith(UPN_PROBLEM) and UPN_TITLE in first
    assert "(high" in first or "(medium" in first
    assert "  1. " in out  # numbered steps
    assert "#" not in out.replace(UPN_PROBLEM, "") and "**" not in out  # no Markdown


def test_text_keeps_each_command_of_a_step_on_a_line_of_its_own(runner: CliRunner, tmp_path: Path) -> None:
    folder = tmp_path / "kb"
    folder.mkdir()
    (folder / "vault.md").write_text(
        "# Vault sign-in fails\n\n## Resolution\n\n1. Sign in again:\n\n"
        "   ```powershell\n   $cred = Get-Credential\n   Connect-Vault -Credential $cred\n"
        "     -Force\n   ```\n\n2. Retry the sync.\n",
        encoding="utf-8",
    )
    kb(runner, "index", folder, "--db", tmp_path / "kb.db")
    out = kb(runner, "show", "vault#1", "--db", tmp_path / "kb.db", "--format", "text").stdout
    assert out.splitlines()[1:5] == [
        "  1. Sign in again:",
        "      $cred = Get-Credential",
        "      Connect-Vault -Credential $cred",
        "        -Force",
    ]
    assert "  2. Retry the sync." in out


def test_no_confident_match_text(runner: CliRunner, full_db_path: Path) -> None:
    result = kb(runner, "match", NONSENSE, "--db", full_db_path, "--format", "text")
    assert result.exit_code == EXIT_NO_MATCH
    assert result.stdout.startswith("no confident match")


def test_limit(runner: CliRunner, full_db_path: Path) -> None:
    out = kb(runner, "match", "sync error", "--db", full_db_path, "--format", "json", "--limit", "2")
    # Two words say too little to be answered with confidence; many problems share them, so more
    # than two would be shown without the limit.
    assert out.exit_code == EXIT_NO_MATCH
    assert len(MatchResult.model_validate_json(out.stdout).matches) == 2


def test_min_confidence_low_keeps_closest_and_exits_0(runner: CliRunner, kb_db_path: Path) -> None:
    plain = kb(runner, "match", NONSENSE, "--db", kb_db_path, "--format", "json")
    closest = MatchResult.model_validate_json(plain.stdout).matches
    assert plain.exit_code == EXIT_NO_MATCH
    if not closest:
        pytest.skip("the matcher returns no low-confidence candidates for this query")
    low = kb(runner, "match", NONSENSE, "--db", kb_db_path, "--format", "json", "--min-confidence", "low")
    assert low.exit_code == 0
    assert len(MatchResult.model_validate_json(low.stdout).matches) == len(closest)


def test_min_confidence_drops_matches_below(runner: CliRunner, kb_db_path: Path) -> None:
    result = kb(
        runner, "match", NONSENSE, "--db", kb_db_path, "--format", "json", "--min-confidence", "medium"
    )
    assert result.exit_code == EXIT_NO_MATCH
    parsed = MatchResult.model_validate_json(result.stdout)
    assert parsed.matches == [] and parsed.no_confident_match
    high = kb(runner, "match", UPN_ERROR, "--db", kb_db_path, "--format", "json", "--min-confidence", "high")
    assert high.exit_code == 0
    assert all(m.confidence == "high" for m in MatchResult.model_validate_json(high.stdout).matches)
    # Low answers are no answers; no note names them.
    assert "left out" not in result.stderr


def test_min_confidence_says_which_confident_answers_it_left_out(runner: CliRunner, kb_db_path: Path) -> None:
    """ "No confident match" alone read as if the knowledge base had nothing to say."""
    described = "user principal name domain not verified in Microsoft 365"
    shown = MatchResult.model_validate_json(
        kb(runner, "match", described, "--db", kb_db_path, "--format", "json").stdout
    ).matches[0]
    assert shown.confidence == "medium"
    result = kb(runner, "match", described, "--db", kb_db_path, "--min-confidence", "high")
    assert result.exit_code == EXIT_NO_MATCH
    assert "answer below high left out" in result.stderr and shown.problem.id in result.stderr


# --- kb match: standard input, truncation, batch --------------------------------------


def test_reads_stdin_when_no_text(runner: CliRunner, kb_db_path: Path) -> None:
    log = "2024-05-01T10:00:00Z INFO sync started\n2024-05-01T10:00:01Z ERROR " + UPN_ERROR + "\n"
    result = kb(runner, "match", "--db", kb_db_path, "--format", "json", input=log)
    assert result.exit_code == 0, result.stderr
    assert MatchResult.model_validate_json(result.stdout).matches[0].problem.id == UPN_PROBLEM


def test_dash_reads_stdin(runner: CliRunner, kb_db_path: Path) -> None:
    result = kb(runner, "match", "-", "--db", kb_db_path, "--format", "text", input=UPN_ERROR)
    assert result.exit_code == 0
    assert result.stdout.startswith(UPN_PROBLEM)


def test_long_stdin_is_truncated_with_a_note(runner: CliRunner, kb_db_path: Path) -> None:
    filler = "2024-05-01T10:00:00Z INFO worker heartbeat, all queues healthy\n" * 2000
    log = filler[:20_000] + "2024-05-01T10:00:01Z ERROR " + UPN_ERROR + "\n" + filler
    assert len(log) > MAX_QUERY_CHARS
    result = kb(runner, "match", "--db", kb_db_path, "--format", "json", input=log)
    assert result.exit_code == 0, result.stderr
    parsed = MatchResult.model_validate_json(result.stdout)
    assert parsed.truncated
    assert parsed.matches[0].problem.id == UPN_PROBLEM  # the error line was picked out
    assert "note:" in result.stderr and str(MAX_QUERY_CHARS) in result.stderr


class Piped(io.RawIOBase):
    """A pipe of ``megabytes`` MiB of log lines, then ``last``."""

    def __init__(self, megabytes: int, last: bytes) -> None:
        line = b"2024-05-01T10:00:00Z INFO worker heartbeat, all queues healthy \xc3\xa9\n"
        self.block = line * ((1 << 20) // len(line))
        self.blocks, self.last, self.pending = megabytes, last, b""

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        if not self.pending:
            if self.blocks:
                self.blocks -= 1
                self.pending = self.block
            else:
                self.pending, self.last = self.last, b""
        chunk, self.pending = self.pending[: len(buffer)], self.pending[len(buffer) :]
        buffer[: len(chunk)] = chunk
        return len(chunk)


def test_a_long_pipe_is_read_in_bounded_memory_and_answered_as_a_whole_read(
    runner: CliRunner, kb_db_path: Path
) -> None:
    # Only the start (quoted back) and the last MAX_SCAN_CHARS (scanned) of a paste are used:
    # the rest was kept too, 2 GB of memory for 1 GB piped in, and `yes | kb match` never ended.
    error_line = ("2024-05-01T10:00:01Z ERROR " + UPN_ERROR + "\n").encode()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    piped = kb(runner, "match", "--db", kb_db_path, "--format", "json", input=Piped(300, error_line))
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - peak < 100 << 10  # KiB
    assert piped.exit_code == 0, piped.stderr
    whole = io.BufferedReader(Piped(3, error_line)).read().decode()
    given = kb(runner, "match", whole, "--db", kb_db_path, "--format", "json")
    assert MatchResult.model_validate_json(piped.stdout) == MatchResult.model_validate_json(given.stdout)
    characters = len(Piped(300, error_line).block.decode()) * 300 + len(error_line)
    assert f"the input has {characters} characters" in piped.stderr


class CtrlC(io.RawIOBase):
    """Standard input that the user interrupts (Ctrl-C) while `kb match` reads it."""

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        if not len(buffer):  # click's test runner probes the stream with read(0)
            return 0
        raise KeyboardInterrupt


def test_ctrl_c_is_exit_130_not_the_exit_1_of_no_confident_match(runner: CliRunner, kb_db_path: Path) -> None:
    # click says "Aborted!" and exits 1: to a script that branches on exit codes, "no confident match".
    result = kb(runner, "match", "--db", kb_db_path, "--format", "json", input=CtrlC())  # type: ignore[arg-type]
    assert result.exit_code == EXIT_INTERRUPTED == 130
    assert result.stdout == ""
    assert result.stderr == "kb: interrupted\n"


# The `kb` entry point in a process that sends itself SIGINT as it starts loading the command's
# modules: a Ctrl-C pressed in the first tenth of a one-shot `kb match`.
SIGINT_WHILE_LOADING = """
import os, signal, sys

class SigintOnLoad:
    def find_spec(self, name, path=None, target=None):
        if name == "api.cli":
            os.kill(os.getpid(), signal.SIGINT)
        return None

sys.meta_path.insert(0, SigintOnLoad())
from api.__main__ import main
main()
"""


def test_ctrl_c_while_kb_loads_is_exit_130_without_a_traceback(kb_db_path: Path) -> None:
    with children_get_sigint():
        done = subprocess.run(
            [sys.executable, "-c", SIGINT_WHILE_LOADING, "match", UPN_ERROR, "--db", str(kb_db_path)],
            capture_output=True,
            text=True,
            timeout=60,
        )
    assert (done.returncode, done.stdout, done.stderr) == (EXIT_INTERRUPTED, "", "kb: interrupted\n")


def test_a_pipe_without_end_is_a_usage_error(kb_db_path: Path) -> None:
    # `kb match < /dev/zero` was read for ever, in bounded memory.
    with open("/dev/zero", "rb") as zero:
        result = subprocess.run(
            [sys.executable, "-m", "api", "match", "--db", str(kb_db_path)],
            stdin=zero,
            capture_output=True,
            text=True,
            timeout=60,
        )
    assert result.returncode == EXIT_USAGE
    assert "standard input goes on past 512 MB; nothing was answered" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_batch_line_longer_than_any_query_is_a_usage_error(runner: CliRunner, kb_db_path: Path) -> None:
    # `--batch /dev/zero` was read for ever.
    result = kb(runner, "match", "--batch", "/dev/zero", "--db", kb_db_path)
    assert result.exit_code == EXIT_USAGE and "/dev/zero:1: longer than" in result.stderr


def test_short_input_has_no_note(runner: CliRunner, kb_db_path: Path) -> None:
    result = kb(runner, "match", "--db", kb_db_path, input=UPN_ERROR)
    assert "note:" not in result.stderr


def test_batch_keeps_order(runner: CliRunner, full_db_path: Path, tmp_path: Path) -> None:
    queries = [
        {"id": "a", "query": UPN_ERROR},
        {"id": "b", "query": NONSENSE},
        {"id": 3, "query": "AADSTS50011 redirect URI mismatch"},
        {"id": "d", "query": UPN_ERROR},
    ]
    batch = tmp_path / "q.jsonl"
    batch.write_text("\n".join(json.dumps(q) for q in queries) + "\n\n")
    result = kb(runner, "match", "--batch", batch, "--db", full_db_path)
    assert result.exit_code == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["id"] for r in rows] == ["a", "b", 3, "d"]
    answers = [MatchResult.model_validate(r["result"]) for r in rows]
    assert answers[0].matches[0].problem.id == UPN_PROBLEM
    assert answers[1].no_confident_match
    assert answers[0] == answers[3]


def test_a_batch_file_saved_with_a_byte_order_mark_is_read(
    runner: CliRunner, kb_db_path: Path, tmp_path: Path
) -> None:
    # Notepad and Windows PowerShell write one; JSON parsers refuse it.
    batch = tmp_path / "q.jsonl"
    batch.write_text(json.dumps({"id": "a", "query": UPN_ERROR}) + "\n", encoding="utf-8-sig")
    result = kb(runner, "match", "--batch", batch, "--db", kb_db_path)
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["result"]["matches"][0]["problem"]["id"] == UPN_PROBLEM


def test_batch_bad_line_is_a_usage_error(runner: CliRunner, kb_db_path: Path, tmp_path: Path) -> None:
    batch = tmp_path / "q.jsonl"
    batch.write_text('{"id": 1, "query": "x"}\nnot json\n')
    result = kb(runner, "match", "--batch", batch, "--db", kb_db_path)
    assert result.exit_code == EXIT_USAGE
    assert "q.jsonl:2" in result.stderr


def test_a_batch_line_that_asks_for_an_option_is_a_usage_error(
    runner: CliRunner, kb_db_path: Path, tmp_path: Path
) -> None:
    # {"product": ...} was left unread: the line was answered from every product, with confidence.
    batch = tmp_path / "q.jsonl"
    lines = [{"id": 1, "query": UPN_ERROR, "product": "nonexistent"}, {"id": 2, "query": "x", "limit": 1}]
    batch.write_text("".join(json.dumps(line) + "\n" for line in lines))
    result = kb(runner, "match", "--batch", batch, "--db", kb_db_path)
    assert result.exit_code == EXIT_USAGE and result.stdout == ""
    assert 'q.jsonl:1: "product" (give --product)' in result.stderr
    assert 'q.jsonl:2: "limit" (give --limit)' in result.stderr


@pytest.mark.parametrize("fmt", ["md", "text"])
def test_a_batch_with_a_format_other_than_json_is_a_usage_error(
    runner: CliRunner, kb_db_path: Path, tmp_path: Path, fmt: str
) -> None:
    # `--batch q.jsonl --format text` wrote JSON lines all the same, without a word.
    batch = tmp_path / "q.jsonl"
    batch.write_text(json.dumps({"id": "a", "query": UPN_ERROR}) + "\n")
    result = kb(runner, "match", "--batch", batch, "--format", fmt, "--db", kb_db_path)
    assert result.exit_code == EXIT_USAGE and result.stdout == ""
    assert f"leave out --format {fmt}" in result.stderr
    result = kb(runner, "match", "--batch", batch, "--format", "json", "--db", kb_db_path)
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["result"]["matches"][0]["problem"]["id"] == UPN_PROBLEM


def test_a_file_of_labelled_queries_is_a_batch(runner: CliRunner, kb_db_path: Path, tmp_path: Path) -> None:
    batch = tmp_path / "q.jsonl"
    batch.write_text(
        json.dumps({"id": 1, "query": UPN_ERROR, "expected": "x.md", "kind": "pasted-error"}) + "\n"
    )
    result = kb(runner, "match", "--batch", batch, "--db", kb_db_path)
    assert result.exit_code == 0, result.stderr


def test_batch_ids_that_join_no_answer_to_its_query_are_usage_errors(
    runner: CliRunner, kb_db_path: Path, tmp_path: Path
) -> None:
    # Python reads NaN as a number, and written back `{"id": NaN}` was no JSON line; a line with no
    # id, a null one, an object or a second "a" were answered, their answers joined to no query.
    batch = tmp_path / "q.jsonl"
    lines = [
        '{"id": 1, "query": "x"}',
        '{"id": NaN, "query": "x"}',
        '{"id": 1e400, "query": "x"}',
        '{"query": "x"}',
        '{"id": null, "query": "x"}',
        '{"id": {"x": 1}, "query": "x"}',
        '{"id": true, "query": "x"}',
        '{"id": "a", "query": "x"}',
        '{"id": "a", "query": "y"}',
        '{"id": 1, "query": "y"}',
    ]
    batch.write_text("\n".join(lines) + "\n")
    result = kb(runner, "match", "--batch", batch, "--db", kb_db_path)
    assert result.exit_code == EXIT_USAGE and result.stdout == ""
    for number in (2, 3, 5, 6, 7):
        assert f'q.jsonl:{number}: "id" must be a string or an integer' in result.stderr, result.stderr
    assert 'q.jsonl:4: no "id" (a string or an integer) to join its answer to it' in result.stderr
    assert "q.jsonl:9: \"id\" 'a' is the id of line 8 too" in result.stderr
    assert 'q.jsonl:10: "id" 1 is the id of line 1 too' in result.stderr


def test_a_batch_query_with_a_lone_surrogate_is_answered_with_a_replacement_character(
    runner: CliRunner, kb_db_path: Path, tmp_path: Path
) -> None:
    # JSON escapes half of a pair (text cut inside an emoji); UTF-8 cannot carry it, so it was
    # echoed back as such, and a --url run failed with a traceback encoding it.
    batch = tmp_path / "q.jsonl"
    batch.write_text('{"id": 1, "query": "\\ud800 ' + UPN_ERROR + ' \\ud83d\\ude00"}\n')
    result = kb(runner, "match", "--batch", batch, "--db", kb_db_path)
    assert result.exit_code == 0, result.stderr
    answer = MatchResult.model_validate(json.loads(result.stdout)["result"])
    assert answer.query.startswith("\ufffd ") and answer.query.endswith(" \U0001f600")
    assert answer.matches[0].problem.id == UPN_PROBLEM
    result.stdout.encode("utf-8")


def test_a_batch_answer_is_written_as_format_json_writes_it(
    runner: CliRunner, kb_db_path: Path, tmp_path: Path
) -> None:
    # A batch wrote its lines with json.dumps (text as \u escapes) and one answer with pydantic's
    # encoder: the same answer, written two ways.
    query = UPN_ERROR + " — Zoë"
    batch = tmp_path / "q.jsonl"
    batch.write_text(json.dumps({"id": 1, "query": query}) + "\n", encoding="utf-8")
    lines = kb(runner, "match", "--batch", batch, "--db", kb_db_path).stdout.splitlines()
    one = kb(runner, "match", query, "--format", "json", "--db", kb_db_path).stdout
    assert len(lines) == 1 and "— Zoë" in lines[0] and "\\u" not in lines[0]
    assert lines[0] == json.dumps(
        {"id": 1, "result": json.loads(one)}, ensure_ascii=False, separators=(",", ":")
    )


# --- show, search, articles -------------------------------------------------------------


def test_search_matches_a_short_last_word_whole_and_a_longer_one_as_a_prefix(
    runner: CliRunner, kb_db_path: Path
) -> None:
    # As a prefix, "a" stood for nearly every word, whose lists FTS5 merged first: 0.5 s per
    # keystroke at 100,000 problems, on a server worker's event loop.
    def hits(text: str) -> list[str]:
        found = kb(runner, "search", text, "--db", kb_db_path, "--format", "json")
        return [hit.problem_id for hit in SearchResult.model_validate_json(found.stdout).hits]

    assert hits("mai") == hits("mailnick") == ["jumpcloud-m365#4"]
    assert hits("ma") == []
    # A letter alone found the "t" of "doesn't" and the "s" of "user's".
    assert hits("t") == hits("s") == [] and hits("t mailnick") == ["jumpcloud-m365#4"]
    assert len(hits("sync")) == 4 and hits("sy") == []


def test_search_finds_an_error_code_as_it_is_typed(runner: CliRunner, tmp_path: Path) -> None:
    # "NVP-20" was the words "nvp" and "20", too short to be a prefix: the suggestions vanished
    # while the code was being typed, and came back at "NVP-200".
    (tmp_path / "kb").mkdir()
    (tmp_path / "kb" / "vpn.md").write_text(
        "# VPN errors\n\n## Sign-in rejected\n\n### Symptoms\n\n> NVP-2004: Client certificate has expired.\n\n"
        "### Resolution\n\n1. Renew the certificate.\n\n## Tunnel drops\n\n### Symptoms\n\n"
        "> NVP-1001: TLS handshake timed out.\n\n### Resolution\n\n1. Allow TCP 443.\n\n"
        "## C++ runtime missing\n\n### Resolution\n\n1. Install the runtime.\n",
        encoding="utf-8",
    )
    build_index([tmp_path / "kb"], tmp_path / "kb.db")

    def hits(text: str) -> list[str]:
        found = kb(runner, "search", text, "--db", tmp_path / "kb.db", "--format", "json")
        return [hit.problem_id for hit in SearchResult.model_validate_json(found.stdout).hits]

    for typed in ("NVP-2", "NVP-20", "nvp-200", "NVP-2004", "nvp20", "NVP_20", "rejected NVP-20"):
        assert hits(typed) == ["vpn#1"], typed
    assert sorted(hits("NVP-")) == ["vpn#1", "vpn#2"]
    assert hits("NVP-3") == []
    # A letter alone is no word (the "t" of "doesn't"), but C++'s is its name.
    assert hits("c++") == hits("C++ run") == ["vpn#3"]


def test_search_ranks_only_the_first_matches_the_index_gives(kb_db_path: Path) -> None:
    # "error", matched whole, is in most titles: ranking them all grew with the knowledge base.
    kb = KnowledgeBase(kb_db_path)
    assert len(kb.full_text('"sync"', 10, SEARCH_WEIGHTS)) == 4
    assert len(kb.full_text('"sync"', 10, SEARCH_WEIGHTS, ranked=2)) == 2


def test_full_text_weighs_columns_by_name() -> None:
    weights = fts_weights({"title": 5.0, "body": 1.0})
    assert weights[FTS_COLUMNS.index("title")] == 5.0 and weights[FTS_COLUMNS.index("body")] == 1.0
    assert sum(weights) == 6.0
    with pytest.raises(KeyError, match="no such full-text column: titel"):
        fts_weights({"titel": 1.0})


@pytest.mark.parametrize(
    ("args", "model"),
    [
        (["show", "jumpcloud-m365"], ArticleOut),
        (["show", UPN_PROBLEM], ProblemDetail),
        (["search", "sync"], SearchResult),
        (["articles"], ArticlePage),
    ],
)
def test_lookups_in_every_format(runner: CliRunner, kb_db_path: Path, args: list[str], model: type) -> None:
    as_json = kb(runner, *args, "--db", kb_db_path, "--format", "json")
    assert as_json.exit_code == 0, as_json.stderr
    parsed = model.model_validate_json(as_json.stdout)
    for fmt in ("md", "text"):
        out = kb(runner, *args, "--db", kb_db_path, "--format", fmt)
        assert out.exit_code == 0, out.stderr
        assert out.stdout.strip()
    text = kb(runner, *args, "--db", kb_db_path, "--format", "text").stdout
    if isinstance(parsed, ProblemDetail):
        assert text.startswith(UPN_PROBLEM) and "  1. " in text
    if isinstance(parsed, SearchResult):
        assert parsed.hits and parsed.hits[0].problem_id in text
    if isinstance(parsed, ArticlePage):
        assert parsed.total == 1 and "jumpcloud-m365" in text


# --- help -----------------------------------------------------------------------------------


def _commands() -> list[str]:
    return cli.list_commands(click.Context(cli))


@pytest.mark.parametrize("name", _commands())
def test_every_command_has_help_with_an_example_and_exit_codes(runner: CliRunner, name: str) -> None:
    result = kb(runner, name, "--help")
    assert result.exit_code == 0
    assert "Example" in result.stdout, f"`kb {name} --help` shows no example"
    assert "Exit codes" in result.stdout, f"`kb {name} --help` does not document exit codes"


# The exit codes each command can end with; 1 means something different to each that uses it.
# Every command that writes results to stdout ends with 4 when it cannot (a full disk).
OUTPUT = "the output could not be written"
OWN_EXIT_CODES = {
    "index": {
        0: "",
        2: "--strict",
        3: "never replaced",
        4: f"the index could not be written (no permission, disk full, a parse worker killed); or {OUTPUT}",
    },
    "show": {0: "", 2: "unknown", 3: "--url", 4: OUTPUT},
    "inspect": {0: "", 2: "FILE", 3: "index", 4: OUTPUT},
    "match": {0: "confident", 1: "no confident match", 2: "", 3: "--url", 4: OUTPUT},
    "search": {0: "", 2: "", 3: "--url", 4: OUTPUT},
    "articles": {0: "", 2: "", 3: "--url", 4: OUTPUT},
    "eval": {0: "", 2: "", 3: "", 4: OUTPUT},
    "feedback": {0: "", 2: "KB_API_KEY", 3: "--url", 4: OUTPUT},
    "schema": {0: "", 1: "out of date", 2: "", 4: f"a schema file could not be written; or {OUTPUT}"},
    "mcp": {0: "", 2: "", 3: "index"},
    "serve": {0: "", 2: "", 3: "listen"},
}


def exit_codes_in_help(text: str) -> dict[int, str]:
    """The "Exit codes:" block of a --help page: code -> what it says about it."""
    block = text.split("Exit codes:", 1)[1]
    return {int(m[1]): m[2] for m in re.finditer(r"^\s+(\d)\s+(.+)$", block, re.MULTILINE)}


@pytest.mark.parametrize("name", _commands())
def test_each_command_documents_its_own_exit_codes(runner: CliRunner, name: str) -> None:
    codes = exit_codes_in_help(kb(runner, name, "--help").stdout)
    assert set(codes) == set(OWN_EXIT_CODES[name])
    for code, words in OWN_EXIT_CODES[name].items():
        assert words in codes[code], (code, codes[code])
    if name != "match":
        assert "confident" not in " ".join(codes.values())


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full (Linux)")
@pytest.mark.parametrize("command", ["match", "schema", "--help", "--version"])
def test_output_that_cannot_be_written_is_exit_4_not_the_exit_1_of_no_confident_match(
    kb_db_path: Path, tmp_path: Path, command: str
) -> None:
    # A full disk under stdout: a traceback and exit 1, which for `kb match` reads "no confident
    # match"; `kb schema`, whose files were written, blamed the folder it wrote them into; and
    # `kb --help` and `kb --version`, which print before any command runs, a traceback.
    args = {"match": [UPN_ERROR, "--db", kb_db_path], "schema": ["--out", tmp_path]}.get(command, [])
    with open("/dev/full", "w") as full:
        done = subprocess.run(
            [KB_ENTRY_POINT, command, *args],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
        )
    assert (done.returncode, done.stderr) == (
        4,
        f"kb: {OUTPUT} (disk full, a closed pipe, an I/O error): No space left on device\n",
    )


@pytest.mark.parametrize("command", ["match", "search"])
def test_a_pipe_whose_reader_has_gone_is_exit_4_quietly(kb_db_path: Path, command: str) -> None:
    # `kb match … | true`: click exited 1, for `kb match` "no confident match", though the answer
    # was confident; and 1 is no exit code of `kb search` at all.
    reader, writer = os.pipe()
    os.close(reader)
    with os.fdopen(writer, "w") as gone:
        done = subprocess.run(
            [KB_ENTRY_POINT, command, UPN_ERROR, "--db", kb_db_path, "--format", "json"],
            stdout=gone,
            stderr=subprocess.PIPE,
            text=True,
        )
    assert (done.returncode, done.stderr) == (4, "")


def test_top_level_help_and_readme_document_every_exit_code(runner: CliRunner) -> None:
    codes = {0, EXIT_NO_MATCH, EXIT_USAGE, EXIT_UNAVAILABLE, EXIT_NOT_WRITTEN, EXIT_INTERRUPTED}
    out = kb(runner, "--help").stdout
    helped = out[out.index("Exit codes") :]
    assert {int(code) for code in re.findall(r"^\s+(\d+)\s+\w", helped, re.MULTILINE)} == codes
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    table = readme[readme.index("### Exit codes") :].split("\n## ", 1)[0]
    assert {int(code) for code in re.findall(r"^\| (\d+) \|", table, re.MULTILINE)} == codes


def test_match_help_documents_the_input_cap(runner: CliRunner) -> None:
    out = " ".join(kb(runner, "match", "--help").stdout.split())
    assert f"{MAX_QUERY_CHARS} characters ({MAX_QUERY_CHARS // 1024} KiB)" in out
    assert f"last {MAX_SCAN_CHARS // 2**20} MiB" in out
    assert "--min-confidence" in out and "--url" in out


def test_the_limits_that_help_and_docs_state_are_the_code_s() -> None:
    # Written out in words for people and agents: a changed limit must change them too.
    described = " ".join(MATCH_DESCRIPTION.split())
    assert f"over {MAX_QUERY_CHARS // 1024} KB" in described
    assert f"last {MAX_SCAN_CHARS // 2**20} MB" in described
    guide = " ".join((REPO / "api" / "README.md").read_text(encoding="utf-8").split())
    assert f"read up to {MAX_MATCHED_CHARS:,} characters" in guide
    assert f"last {MAX_LINES:,} lines" in guide


# --- the installed entry point ---------------------------------------------------------------


def test_entry_point_subprocess(kb_db_path: Path, full_db_path: Path) -> None:
    """The real `kb` script: stdin piped, JSON on stdout, exit status as documented."""
    assert KB_ENTRY_POINT.exists(), f"no kb entry point at {KB_ENTRY_POINT}; pip install -e ."
    done = subprocess.run(
        [KB_ENTRY_POINT, "match", "--db", kb_db_path, "--format", "json"],
        input=UPN_ERROR,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert MatchResult.model_validate_json(done.stdout).matches[0].problem.id == UPN_PROBLEM
    miss = subprocess.run(
        [KB_ENTRY_POINT, "match", "--db", full_db_path, "--format", "text", NONSENSE],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert miss.returncode == EXIT_NO_MATCH, miss.stdout
    absent = subprocess.run(
        [KB_ENTRY_POINT, "articles", "--db", str(Path(kb_db_path).parent / "absent.db")],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert absent.returncode == EXIT_UNAVAILABLE
    assert absent.stdout == "" and absent.stderr.startswith("kb: ")


def test_a_one_shot_match_imports_nothing_of_indexing_or_serving(kb_db_path: Path) -> None:
    """`kb match` in a fresh process loads the matcher's needs only: not the web stack, the
    Markdown parser, YAML or the process pool that indexing and serving use, nor the request
    models that the server and the MCP tools validate with, nor the article readers' vocabulary
    (indexer.roles alone took some 40 ms of a one shot's 300 to import)."""
    script = (
        "import json, sys\n"
        "from api.__main__ import main\n"
        f"sys.argv = ['kb', 'match', '--db', {str(kb_db_path)!r}, '--format', 'json', 'mailNickname']\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print(json.dumps(sorted(sys.modules)), file=sys.stderr)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    modules = set(json.loads(done.stderr.strip().splitlines()[-1]))
    assert json.loads(done.stdout)["matches"]
    tops = {m.split(".")[0] for m in modules}
    assert tops & {"fastapi", "starlette", "uvicorn", "markdown_it", "yaml", "multiprocessing"} == set()
    assert {m for m in modules if m == "api.requests" or m.startswith("api.http")} == set()
    assert modules & {"indexer.parse", "indexer.roles", "indexer.messages", "indexer.sections"} == set()


def test_the_mcp_server_imports_nothing_of_the_http_app() -> None:
    # The MCP tools' request checks and examples are shared with the HTTP API; its app, FastAPI
    # and its routes are not, and `kb mcp` starts without them.
    script = "import json, sys\nimport api.mcp_server\nprint(json.dumps(sorted(sys.modules)))\n"
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    modules = set(json.loads(done.stdout))
    assert "api.requests" in modules and "api.examples" in modules
    assert {m for m in modules if m.split(".")[0] == "fastapi" or m.startswith("api.http")} == set()


# --- kb articles --------------------------------------------------------------------------------


def test_articles_past_the_last_say_there_are_none(runner: CliRunner, kb_db_path: Path) -> None:
    # The header read "Articles 0–300 of 1" for an offset past the end.
    assert kb(runner, "articles", "--db", kb_db_path, "--offset", "300").stdout == (
        "# Articles: none from 301 on, of 1\n"
    )
    assert kb(runner, "articles", "--db", kb_db_path, "--offset", "300", "--format", "text").stdout == (
        "articles: none from 301 on, of 1\n"
    )


def test_an_article_of_one_problem_is_listed_as_one_problem(runner: CliRunner, tmp_path: Path) -> None:
    # "(1 problems, …)".
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "door.md").write_text(
        "# Door\n\n## Badge rejected\n\n### Resolution\n\n1. Restart the reader.\n"
    )
    db = tmp_path / "kb.db"
    assert kb(runner, "index", folder, "--db", db).exit_code == 0
    assert "(1 problem, `door.md`)" in kb(runner, "articles", "--db", db).stdout
