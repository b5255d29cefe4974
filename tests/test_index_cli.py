"""`kb index` and `kb show` through click's runner, on real index files in tmp_path."""

from __future__ import annotations

import json
import os
import pty
import re
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click.testing
import pytest
from click.testing import CliRunner
from live import children, children_get_sigint, ignores_sigint

from api.build_progress import PROGRESS_SECONDS, BuildProgress
from api.cli import EXIT_INTERRUPTED, EXIT_NOT_WRITTEN, EXIT_UNAVAILABLE, EXIT_USAGE, cli
from api.settings import Settings
from indexer.build import build_index
from indexer.interrupts import StopWhenAsked

REPO = Path(__file__).resolve().parent.parent
KB_DIR = REPO / "kb"
KB_ENTRY_POINT = Path(sys.executable).parent / "kb"
SUMMARY = re.compile(
    r"^Indexed (\d+) articles?, (\d+) problems?, (\d+) steps? \((\d+) parsed, (\d+) unchanged, (\d+) removed\); "
    r"(\d+) warnings?; (\d+) whole-article problems?; [\d.]+ s -> (.+)$"
)


@pytest.fixture
def runner() -> CliRunner:
    """A click runner with stdout and stderr kept apart."""
    return CliRunner()


def kb(runner: CliRunner, *args: str | Path) -> click.testing.Result:
    """Run `kb ARGS` in-process."""
    return runner.invoke(cli, [str(a) for a in args], catch_exceptions=False)


def summary(result: click.testing.Result) -> dict[str, str]:
    """The figures of `kb index`'s closing line."""
    line = next(line for line in result.stdout.splitlines() if line.startswith("Indexed "))
    match = SUMMARY.match(line)
    assert match, result.stdout
    keys = ["articles", "problems", "steps", "parsed", "unchanged", "removed", "warnings", "whole", "db"]
    return dict(zip(keys, match.groups(), strict=True))


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A copy of kb/jumpcloud-m365.md alone in a folder."""
    path = tmp_path / "articles"
    path.mkdir()
    (path / "jumpcloud-m365.md").write_bytes((KB_DIR / "jumpcloud-m365.md").read_bytes())
    return path


# --- kb index -------------------------------------------------------------------------


def test_index_summary_counts_whole_article_problems(
    runner: CliRunner, corpus_dir: Path, tmp_path: Path
) -> None:
    db_path = tmp_path / "full.db"
    result = kb(runner, "index", KB_DIR, corpus_dir, "--db", db_path, "--strict")
    assert result.exit_code == 0, result.stderr
    assert "warning" not in result.stderr
    figures = summary(result)
    report = build_index([KB_DIR, corpus_dir], db_path)  # unchanged: only counts
    assert figures["whole"] == str(report.whole_article) != "0"
    assert (figures["articles"], figures["problems"], figures["steps"]) == (
        str(report.articles),
        str(report.problems),
        str(report.steps),
    )
    assert (figures["warnings"], figures["db"]) == ("0", str(db_path))
    # Articles that describe a problem and give no fix are indexed, and named so authors can add one.
    assert report.stepless_sources
    assert (
        f"{len(report.stepless_sources)} articles with no resolution steps ({report.stepless_sources[0]}"
        in (result.output)
    )


def test_index_again_reports_everything_unchanged(runner: CliRunner, folder: Path, tmp_path: Path) -> None:
    db_path = tmp_path / "kb.db"
    assert summary(kb(runner, "index", folder, "--db", db_path))["parsed"] == "1"
    figures = summary(kb(runner, "index", folder, "--db", db_path))
    assert (figures["parsed"], figures["unchanged"], figures["removed"]) == ("0", "1", "0")


@pytest.mark.parametrize(
    ("name", "data", "where"),
    [
        ("latin1.md", b"# Door\n\n1. Caf\xe9\n", "latin1.md:3: not UTF-8 text"),
        ("empty.md", b"", "empty.md:1: file is empty"),
        # A name that holds a line break is shown escaped: printed as is, it could forge a line.
        ("forged\nwarning: all good.md", b"", "forged\\nwarning: all good.md:1: file is empty"),
        (
            "bad-yaml.md",
            b"---\ntags: [a, b\nid: x\n---\n# T\n\n1. Go.\n",
            "bad-yaml.md:2: front matter is not valid YAML",
        ),
        (
            "no-steps.md",
            b"# T\n\n## See also\n\n- [Batteries](batteries.md)\n",
            "no-steps.md:1: describes no problem and gives no resolution steps",
        ),
        (
            "huge.md",
            b"# Huge\n\n" + b"1. Step.\n" * 600_000,
            "huge.md:1: file is over the 1048576-byte limit",
        ),
        (
            "zz-copy.md",
            b"---\nid: jumpcloud-m365\n---\n# Copy\n\n1. Step.\n",
            "zz-copy.md:2: article id 'jumpcloud-m365' already used by jumpcloud-m365.md",
        ),
    ],
)
def test_strict_index_exits_2_on_a_warning(
    runner: CliRunner, folder: Path, tmp_path: Path, name: str, data: bytes, where: str
) -> None:
    db_path = tmp_path / "kb.db"
    (folder / name).write_bytes(data)
    result = kb(runner, "index", folder, "--db", db_path, "--strict")
    assert result.exit_code == EXIT_USAGE
    assert f"warning: {where}" in result.stderr
    figures = summary(result)  # the good article is still indexed
    assert (figures["articles"], figures["warnings"]) == ("1", "1")
    without_strict = kb(runner, "index", folder, "--db", db_path)
    assert without_strict.exit_code == 0
    assert f"warning: {where}" in without_strict.stderr


def test_names_in_warnings_are_shown_with_their_control_characters_escaped(
    runner: CliRunner, folder: Path, tmp_path: Path
) -> None:
    # In a warning's message too ("already used by <name>"); a no-break space is no control character.
    article = b"---\nid: dup\n---\n# Door\n\n1. Open it.\n"
    (folder / "a\nwarning: all good.md").write_bytes(article)
    (folder / "zz\u00a0copy.md").write_bytes(article)
    result = kb(runner, "index", folder, "--db", tmp_path / "kb.db")
    assert (
        "warning: zz\u00a0copy.md:2: article id 'dup' already used by a\\nwarning: all good.md"
        in result.stderr
    )
    assert "\nwarning: all good" not in result.stderr


def test_index_of_a_missing_folder_is_a_usage_error(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(cli, ["index", str(tmp_path / "absent"), "--db", str(tmp_path / "x.db")])
    assert result.exit_code == EXIT_USAGE
    assert not (tmp_path / "x.db").exists()


def test_index_of_a_folder_found_empty_keeps_its_articles_unless_allowed(
    runner: CliRunner, folder: Path, tmp_path: Path
) -> None:
    db_path = tmp_path / "kb.db"
    assert kb(runner, "index", folder, "--db", db_path).exit_code == 0
    (folder / "jumpcloud-m365.md").unlink()
    refused = kb(runner, "index", folder, "--db", db_path)
    assert refused.exit_code == EXIT_USAGE
    assert f"nothing to index found in {folder}" in refused.stderr and "--allow-empty" in refused.stderr
    assert refused.stdout == ""
    assert kb(runner, "show", "jumpcloud-m365", "--db", db_path).exit_code == 0
    allowed = kb(runner, "index", folder, "--db", db_path, "--allow-empty")
    assert allowed.exit_code == 0
    assert (summary(allowed)["articles"], summary(allowed)["removed"]) == ("0", "1")


def test_index_without_folders_keeps_the_articles_of_folders_it_does_not_name(
    runner: CliRunner, folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The README's quick start: `kb index kb/ path/to/your/articles`, then `kb index --strict`.
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "ours.md").write_text(
        (folder / "jumpcloud-m365.md")
        .read_text(encoding="utf-8")
        .replace("id: jumpcloud-m365", "id: ours", 1),
        encoding="utf-8",
    )
    db_path = tmp_path / "kb.db"
    assert kb(runner, "index", folder, mine, "--db", db_path).exit_code == 0
    monkeypatch.setenv("KB_ARTICLES", str(folder))
    refused = kb(runner, "index", "--strict", "--db", db_path)
    assert refused.exit_code == EXIT_USAGE
    assert f"1 article from {mine}, which this run was not given" in refused.stderr
    assert "--allow-empty" in refused.stderr
    assert kb(runner, "show", "ours", "--db", db_path).exit_code == 0
    monkeypatch.setenv("KB_ARTICLES", os.pathsep.join([str(folder), str(mine)]))
    assert kb(runner, "index", "--strict", "--db", db_path).exit_code == 0
    allowed = kb(runner, "index", folder, "--db", db_path, "--allow-empty")
    assert (allowed.exit_code, summary(allowed)["removed"]) == (0, "1")


def test_an_index_locked_by_another_program_is_left_as_it_is_and_said_so(
    runner: CliRunner, folder: Path, tmp_path: Path
) -> None:
    # Taken for an empty index, a locked one lost every article that failed to parse on that run.
    db_path = tmp_path / "kb.db"
    assert kb(runner, "index", folder, "--db", db_path).exit_code == 0
    article = folder / "jumpcloud-m365.md"
    article.write_text(article.read_text(encoding="utf-8").replace("title:", "title: [broken", 1))
    other = sqlite3.connect(db_path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    try:
        refused = kb(runner, "index", folder, "--db", db_path)
        assert refused.exit_code == EXIT_NOT_WRITTEN
        assert "locked" in refused.stderr
        answered = kb(runner, "show", "jumpcloud-m365", "--db", db_path)
        assert answered.exit_code == EXIT_UNAVAILABLE and "locked by another program" in answered.stderr
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert kb(runner, "show", "jumpcloud-m365", "--db", db_path).exit_code == 0


@pytest.mark.skipif(sys.platform != "linux", reason="a file name of bytes that are no UTF-8 (Linux)")
def test_an_index_file_whose_name_is_no_utf_8_is_written_and_read(tmp_path: Path) -> None:
    # Its name, put in SQLite's file: URI, raised UnicodeEncodeError: a traceback, and exit 1,
    # which for `kb match` means "no confident match".
    db_path = os.fsencode(tmp_path) + b"/kb-\xff.db"
    for args in (
        [b"index", os.fsencode(KB_DIR)],
        [
            b"match",
            b"Invalid value specified for property 'mailNickname' of resource 'User'.",
            b"--format",
            b"json",
        ],
    ):
        done = subprocess.run(
            [os.fsencode(KB_ENTRY_POINT), *args, b"--db", db_path], capture_output=True, timeout=60
        )
        assert done.returncode == 0, done.stderr.decode(errors="replace")
    assert json.loads(done.stdout)["matches"][0]["problem"]["id"] == "jumpcloud-m365#4"
    assert os.listdir(os.fsencode(tmp_path)) == [b"kb-\xff.db"]


def interrupted_kb_index(
    tmp_path: Path,
    db_path: Path,
    folders: list[Path],
    stop: Callable[[int, list[int]], None] = lambda pid, workers: os.killpg(pid, signal.SIGINT),
    sigint: Any = signal.default_int_handler,
) -> tuple[subprocess.Popen[str], str, list[int], list[int]]:
    """`kb index FOLDERS --db DB_PATH` given a Ctrl-C (to its process group, as a terminal sends it;
    or what ``stop`` does, given its pid and its parse workers') once its temporary copy exists: the
    process, its stderr, its parse workers then, and those of them that ignored SIGINT. Tried again
    from the index as it was when a run finishes before the signal. ``sigint``: what the run starts
    with for SIGINT (see :func:`live.children_get_sigint`)."""
    before = db_path.read_bytes() if db_path.exists() else None
    workers: list[int] = []
    ignoring: list[int] = []
    for _ in range(5):
        # SIGINT to the process group, as a terminal's Ctrl-C sends it (the parse workers get it too).
        with children_get_sigint(sigint):
            proc = subprocess.Popen(
                [KB_ENTRY_POINT, "index", *folders, "--db", db_path],
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
                start_new_session=True,
            )
        deadline = time.monotonic() + 60
        while proc.poll() is None and time.monotonic() < deadline:
            if any(p.name.endswith(".tmp") for p in tmp_path.iterdir()):
                # The parse workers leave Ctrl-C to the run: interrupted too, one could stop while
                # it held the result queue's lock, and every process waited for ever.
                workers = children(proc.pid)
                ignoring = [pid for pid in workers if ignores_sigint(pid)]
                stop(proc.pid, workers)
                break
            time.sleep(0.002)
        _, stderr = proc.communicate(timeout=60)
        if proc.returncode != 0:
            break  # stopped: the test says how
        # It finished before the signal: again, from the first index.
        if before is None:
            db_path.unlink()
        else:
            db_path.write_bytes(before)
    return proc, stderr, workers, ignoring


def an_index_of_kb(tmp_path: Path) -> tuple[Path, bytes]:
    """An index of kb/ at ``tmp_path/kb.db``, and its bytes, to tell whether a stopped run left it as it was."""
    db_path = tmp_path / "kb.db"
    build_index([KB_DIR], db_path)
    return db_path, db_path.read_bytes()


def assert_left_as_it_was(db_path: Path, before: bytes) -> None:
    """The index is byte for byte what it was, and nothing the run wrote is left beside it."""
    assert db_path.read_bytes() == before
    assert sorted(p.name for p in db_path.parent.iterdir()) == [db_path.name]


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads processes from /proc (Linux)")
def test_ctrl_c_during_kb_index_exits_130_and_leaves_the_index_as_it_was(
    tmp_path: Path, corpus_dir: Path
) -> None:
    # click's own handling said "Aborted!" and exited 1, which `kb match` uses for "no confident match".
    db_path, before = an_index_of_kb(tmp_path)
    proc, stderr, workers, ignoring = interrupted_kb_index(tmp_path, db_path, [KB_DIR, corpus_dir])
    assert proc.returncode == EXIT_INTERRUPTED, stderr
    assert workers and ignoring == workers, (workers, ignoring)
    assert stderr.strip().splitlines()[-1] == f"kb: interrupted; {db_path} is as it was"
    assert "Traceback" not in stderr
    assert_left_as_it_was(db_path, before)


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads processes from /proc (Linux)")
@pytest.mark.parametrize("sigint_ignored", [False, True], ids=["sigint-handled", "sigint-ignored"])
def test_sigterm_during_kb_index_removes_its_copy_as_ctrl_c_does(
    tmp_path: Path, corpus_dir: Path, sigint_ignored: bool
) -> None:
    # SIGTERM (`kill`, a stopped job) left a copy as large as the index beside it. A shell script's
    # background job starts with SIGINT ignored: SIGTERM passed on as SIGINT was ignored too, and
    # the run went on to replace the index.
    db_path, before = an_index_of_kb(tmp_path)
    proc, stderr, _, _ = interrupted_kb_index(
        tmp_path,
        db_path,
        [KB_DIR, corpus_dir],
        stop=lambda pid, workers: os.kill(pid, signal.SIGTERM),
        sigint=signal.SIG_IGN if sigint_ignored else signal.default_int_handler,
    )
    assert proc.returncode == EXIT_INTERRUPTED, stderr
    assert stderr.strip().splitlines()[-1] == f"kb: interrupted; {db_path} is as it was"
    assert_left_as_it_was(db_path, before)


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads processes from /proc (Linux)")
def test_a_parse_worker_killed_ends_kb_index_with_exit_4_and_the_index_as_it_was(
    tmp_path: Path, corpus_dir: Path
) -> None:
    # The pool stops the other workers with SIGTERM: a worker that held it kept the run waiting.
    db_path, before = an_index_of_kb(tmp_path)
    proc, stderr, _, _ = interrupted_kb_index(
        tmp_path, db_path, [KB_DIR, corpus_dir], stop=lambda pid, workers: os.kill(workers[0], signal.SIGKILL)
    )
    assert proc.returncode == EXIT_NOT_WRITTEN, stderr
    assert f"kb: cannot write the index {db_path}" in stderr
    assert_left_as_it_was(db_path, before)


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads processes from /proc (Linux)")
def test_ctrl_c_during_a_first_kb_index_says_no_index_was_written(tmp_path: Path, corpus_dir: Path) -> None:
    # It said "kb.db is as it was" of an index that had never been.
    db_path = tmp_path / "kb.db"
    proc, stderr, _, _ = interrupted_kb_index(tmp_path, db_path, [KB_DIR, corpus_dir])
    assert proc.returncode == EXIT_INTERRUPTED, stderr
    assert stderr.strip().splitlines()[-1] == f"kb: interrupted; no index was written at {db_path}"
    assert list(tmp_path.iterdir()) == []


# --- kb show --------------------------------------------------------------------------


@pytest.fixture
def kb_db(runner: CliRunner, folder: Path, tmp_path: Path) -> Path:
    """An index of the kb article, built with `kb index`."""
    db_path = tmp_path / "show.db"
    assert kb(runner, "index", folder, "--db", db_path).exit_code == 0
    return db_path


def test_show_article_json_lists_problems_in_order_with_steps(runner: CliRunner, kb_db: Path) -> None:
    result = kb(runner, "show", "jumpcloud-m365", "--db", kb_db, "--format", "json")
    assert result.exit_code == 0, result.stderr
    article = json.loads(result.stdout)
    assert article["id"] == "jumpcloud-m365"
    assert article["source"] == "jumpcloud-m365.md"
    problems = article["problems"]
    assert [p["id"] for p in problems] == [f"jumpcloud-m365#{n}" for n in (1, 2, 3, 4)]
    assert [len(p["steps"]) for p in problems] == [2, 11, 8, 1]
    upn = problems[1]
    assert [(s["group"], s["number"]) for s in upn["steps"][:3]] == [
        ("Step 1: Verify the User's Email Address", "1"),
        ("Step 1: Verify the User's Email Address", "2"),
        ("Step 2: Verify the Domain in Microsoft 365", "1"),
    ]
    assert upn["steps"][2]["text"] == "Open the Microsoft 365 Admin Center."
    assert upn["steps"][2]["line"] == 46
    assert problems[3]["steps"][0]["text"] == "Remove the forbidden character and try to sync again."
    assert "Request_BadRequest" in problems[2]["error_codes"]


def test_show_problem_by_id(runner: CliRunner, kb_db: Path) -> None:
    result = kb(runner, "show", "jumpcloud-m365#3", "--db", kb_db, "--format", "json")
    assert result.exit_code == 0, result.stderr
    problem = json.loads(result.stdout)
    assert problem["id"] == "jumpcloud-m365#3"
    assert problem["article"]["id"] == "jumpcloud-m365"
    assert problem["error_messages"] == [
        "Invalid value specified for property 'mailNickname' of resource 'Group'."
    ]
    assert [s["group"] for s in problem["steps"]] == ["Correct the Group Name"] * 4 + [
        "Reauthorize the Affected Users"
    ] * 4


def test_show_markdown_has_the_steps_in_order(runner: CliRunner, kb_db: Path) -> None:
    result = kb(runner, "show", "jumpcloud-m365#2", "--db", kb_db)
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    in_order = [
        "Step 1: Verify the User's Email Address",
        "1. Confirm that the Email Address (e.g., username@domain.com)",
        "2. Note that Microsoft will reject the sync",
        "Step 2: Verify the Domain in Microsoft 365",
        "1. Open the Microsoft 365 Admin Center.",
        "2. Navigate to Settings > Domains.",
        "Step 3: Update the Email Address (if required)",
        "3. Re-attempt the sync after saving changes.",
        "Additional Troubleshooting",
        "2. Check for conflicts with other users in Microsoft 365 that may be causing the error.",
    ]
    positions = [out.find(text) for text in in_order]
    assert -1 not in positions, [t for t, p in zip(in_order, positions, strict=True) if p == -1]
    assert positions == sorted(positions)


def test_show_unknown_problem_is_a_usage_error(runner: CliRunner, kb_db: Path) -> None:
    result = runner.invoke(cli, ["show", "jumpcloud-m365#9", "--db", str(kb_db)])
    assert result.exit_code == EXIT_USAGE
    assert "jumpcloud-m365#9" in result.stderr


def test_kb_articles_is_read_the_same_way_by_kb_index_and_kb_serve(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # One separator, the platform's path-list one (as in PATH); a comma belongs to a folder's name.
    folders = [tmp_path / "first", tmp_path / "second, with a comma"]
    for n, folder in enumerate(folders):
        folder.mkdir()
        text = (KB_DIR / "jumpcloud-m365.md").read_text(encoding="utf-8")
        (folder / "a.md").write_text(text.replace("id: jumpcloud-m365", f"id: copy-{n}", 1), encoding="utf-8")
    monkeypatch.setenv("KB_ARTICLES", os.pathsep.join(str(f) for f in folders))
    result = kb(runner, "index", "--db", tmp_path / "kb.db")
    assert result.exit_code == 0, result.stderr
    assert summary(result)["articles"] == "2"
    assert Settings().articles == folders


def test_progress_is_shown_on_a_terminal_for_each_phase(folder: Path, tmp_path: Path) -> None:
    # On a terminal (standard error a pty), the check of every file and the parse of the changed ones.
    leader, follower = pty.openpty()
    db_path = tmp_path / "kb.db"
    for _ in range(2):
        subprocess.run(
            [sys.executable, "-m", "api", "index", str(folder), "--db", str(db_path)],
            stderr=follower,
            stdout=subprocess.DEVNULL,
            check=True,
            timeout=120,
        )
    os.close(follower)
    shown = b""
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:
            break
        if not chunk:
            break
        shown += chunk
    os.close(leader)
    text = shown.decode()
    assert "parsed 1/1 changed files" in text
    # The second run finds the file unchanged: it reads and checks it, and parses and builds nothing.
    assert text.count("checked 1/1 files for changes") == 2
    assert text.count("building the search index") == 1


def test_progress_elsewhere_than_a_terminal_is_a_line_at_most_every_few_seconds(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # A run of minutes in a log or CI said nothing until its summary; one of seconds still says nothing.
    shown = BuildProgress(quiet=False, terminal=False)
    shown.parsing(1, 3)
    shown.finishing()
    assert capsys.readouterr().err == ""
    shown.started -= PROGRESS_SECONDS  # the run began that long ago, and so did its last line
    shown.last -= PROGRESS_SECONDS
    shown.parsing(2, 3)
    shown.parsing(3, 3)  # too soon after the line before
    shown.finishing()  # the step after the files: said in a long run
    assert capsys.readouterr().err == "  parsed 2/3 changed files\n  building the search index\n"
    BuildProgress(quiet=True, terminal=True).parsing(1, 1)
    assert capsys.readouterr().err == ""


def test_a_stop_asked_for_is_taken_at_the_next_file_even_when_quiet() -> None:
    stop = StopWhenAsked(KeyboardInterrupt)
    shown = BuildProgress(quiet=True, terminal=False, stop=stop)
    shown.checking(1, 2, "a.md")  # not asked: the build goes on
    stop.asked = True  # as when the handler's KeyboardInterrupt was dropped inside a finalizer
    with pytest.raises(KeyboardInterrupt):
        shown.checking(2, 2, "b.md")
    with pytest.raises(KeyboardInterrupt):
        shown.parsing(1, 2)
