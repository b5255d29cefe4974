"""The benchmarks' own machinery: the scale benchmark's generator, queries, time limits and report;
bench_http's rotating load and its targets."""

from __future__ import annotations

import asyncio
import importlib.util
import json
import os
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from live import live_server

from api.http import create_app
from api.settings import Settings
from indexer.build import build_index

REPO = Path(__file__).resolve().parent.parent


def load_script(name: str) -> ModuleType:
    """A script of scripts/ as a module."""
    spec = importlib.util.spec_from_file_location(name, REPO / "scripts" / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


bench_scale = load_script("bench_scale")
bench_http = load_script("bench_http")


# --- bench_scale: the generator -----------------------------------------------------------------


@pytest.fixture(scope="module")
def generator(shared_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Any:
    """A generator over the shared corpora, seed 7."""
    counts = bench_scale.source_problem_counts(tmp_path_factory.mktemp("sources"))
    return bench_scale.Generator(bench_scale.load_sources(counts), seed=7)


def test_generation_is_deterministic_and_every_article_distinct(generator: Any, tmp_path: Path) -> None:
    first, again = tmp_path / "a", tmp_path / "b"
    bench_scale.generate(generator, 120, first)
    bench_scale.generate(generator, 120, again)
    files = sorted(p.relative_to(first) for p in first.rglob("*.md"))
    assert files == sorted(p.relative_to(again) for p in again.rglob("*.md"))
    texts = [(first / f).read_text(encoding="utf-8") for f in files]
    assert texts == [(again / f).read_text(encoding="utf-8") for f in files]
    assert len(set(texts)) == len(texts)
    other = bench_scale.Generator(generator.sources, seed=8)
    assert other.article(0, generator.sources[0]) != generator.article(0, generator.sources[0])


def test_generated_articles_rename_codes_and_values(generator: Any) -> None:
    codes = re.compile(r"\b[A-Z]{3,}\d{4,}\b")
    for n, source in enumerate(generator.sources):
        original = source.head + "".join(text for _, text in source.sections)
        if codes.search(original):
            text = generator.article(n, source)
            assert not set(codes.findall(original)) & set(codes.findall(text)), source.name
            return
    pytest.fail("no source article has an error code")


def test_generated_knowledge_base_has_about_the_problems_asked(generator: Any, tmp_path: Path) -> None:
    articles, expected = bench_scale.generate(generator, 400, tmp_path / "kb")
    report = build_index([tmp_path / "kb"], tmp_path / "kb.db")
    assert report.articles == articles and not report.warnings
    assert expected >= 400
    assert 0.8 * 400 <= report.problems <= 1.25 * 400, report.problems
    queries = bench_scale.generated_queries(tmp_path / "kb.db", 50, seed=1)
    assert len(queries) == 50 and len({q["query"] for q in queries}) >= 45
    names = {p.name for p in (tmp_path / "kb").rglob("*.md")}
    assert all(q["expected"][0] in names and q["query"].strip() for q in queries)


# --- bench_scale: time limits, partial figures, the report --------------------------------------


def test_a_step_is_stopped_at_its_time_limit(tmp_path: Path) -> None:
    script = 'import time; print(\'{"event": "first"}\', flush=True); time.sleep(60)'
    done = bench_scale.run([sys.executable, "-c", script], 1.0)
    assert done.timed_out and done.seconds < 10
    assert bench_scale._events(done.stdout) == [{"event": "first"}]


def test_partial_worker_output_still_gives_figures() -> None:
    events = [
        {"event": "first", "seconds": 12.5, "rss_mb": 900.0},
        {"event": "batch", "ms": [400.0, 380.0, 1000.0], "right": [True, True, False]},
    ]
    stopped = bench_scale.Run(60.0, 950.0, None, "", timed_out=True)
    figures = bench_scale._latencies([(events, stopped)], 60.0)
    assert figures["queries"] == 3 and figures["p50_ms"] == 400.0 and figures["top1"] == 0.667
    assert figures["rss_after_mb"] is None
    assert "after 3 queries" in figures["error"]


def test_latencies_are_pooled_over_the_runs_of_a_worker() -> None:
    def events(ms: list[float], rss: float) -> list[dict[str, object]]:
        return [
            {"event": "first", "seconds": 0.2, "rss_mb": rss},
            {"event": "batch", "ms": ms, "right": [True] * len(ms)},
            {"event": "done", "rss_mb": rss + 10},
        ]

    finished = bench_scale.Run(1.0, 50.0, 0, "")
    runs = [(events([1.0, 2.0, 3.0], 40.0), finished), (events([5.0, 6.0, 7.0], 45.0), finished)]
    figures = bench_scale._latencies(runs, 60.0)
    assert figures["runs"] == 2 and figures["queries"] == 6 and figures["run_p50_ms"] == [2.0, 6.0]
    assert figures["p50_ms"] == 4.0  # the median of all six, not of one run
    assert figures["rss_first_mb"] == 40.0 and figures["rss_after_mb"] == 50.0  # the first run's
    assert "error" not in figures


def test_targets_say_met_or_not_met() -> None:
    figures = {
        "size": "100000",
        "kb": {"match": {"p95_ms": 25.0, "rss_after_mb": 400.0}, "index": {"articles_per_s": 76.0}},
        "bm25s": {},
    }
    said = bench_scale.verdicts(figures)
    assert said["match_p95"] == {"target": "<= 20 ms", "met": False}
    assert said["rss"]["met"] is True
    assert said["index"]["met"] is False
    assert said["serve_ready"]["met"] is None  # not measured
    real = {"size": "real", "kb": {"match": {"p50_ms": 2.0}}, "bm25s": {"query": {"p50_ms": 0.5}}}
    assert bench_scale.verdicts(real)["match_p50"]["met"] is False
    table = bench_scale.table(figures)
    assert "<= 20 ms: NOT met" in table and "<= 500 MB per worker: met" in table


def bench_scale_run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    """scripts/bench_scale.py ARGS in a subprocess."""
    command = [sys.executable, str(REPO / "scripts" / "bench_scale.py"), *map(str, args)]
    return subprocess.run(command, capture_output=True, text=True, timeout=600, check=False)


def test_bench_scale_reports_a_step_that_runs_out_of_time(shared_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "figures.json"
    done = bench_scale_run("--sizes", "30", "--no-real", "--timeout", "0.2", "--json", out)
    assert done.returncode == 0, done.stderr
    assert "note: kb-answer index: timed out after 0 s" in done.stdout
    assert json.loads(out.read_text())["sizes"][0]["kb"]["index"]["error"].startswith("timed out")


@pytest.mark.slow
def test_bench_scale_end_to_end(shared_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "figures.json"
    done = bench_scale_run(
        "--sizes",
        "40",
        "--no-real",
        "--queries",
        "10",
        "--timeout",
        "300",
        "--json",
        out,
        "--keep",
        tmp_path / "kept",
    )
    assert done.returncode == 0, done.stderr
    assert "note:" not in done.stdout, done.stdout
    size = json.loads(out.read_text())["sizes"][0]
    ours, theirs = size["kb"], size["bm25s"]
    assert ours["index"]["problems"] >= 30 and ours["index"]["changed_files"] >= 1
    assert ours["index"]["unchanged_s"] is not None and ours["index"]["changed_s"] is not None
    assert ours["one_shot"]["runs"] == 5
    # Each side's query workers ran in turn, each of them the 10 queries.
    assert ours["match"]["runs"] == theirs["query"]["runs"] == bench_scale.LATENCY_ROUNDS
    assert ours["match"]["queries"] == 10 * bench_scale.LATENCY_ROUNDS and ours["match"]["rss_after_mb"] > 0
    assert (
        len(ours["match"]["run_p50_ms"]) == len(theirs["query"]["run_p50_ms"]) == bench_scale.LATENCY_ROUNDS
    )
    assert ours["serve"]["ready_s"] > 0 and ours["serve"]["first_match_s"] >= ours["serve"]["ready_s"]
    assert (
        theirs["query"]["queries"] == 10 * bench_scale.LATENCY_ROUNDS
        and theirs["build_s"] > 0
        and theirs["one_shot_median_s"] > 0
    )
    assert "Targets at 100000 problems: not measured" in done.stdout
    assert any((tmp_path / "kept" / "gen40" / "articles").rglob("*.md"))


# --- bench_http: rotating load, targets -----------------------------------------------------------

NO_ANSWER = ["bake sourdough bread at home", "knit a wool scarf", "tune a guitar string", "paint the fence"]


@pytest.mark.slow
@pytest.mark.parametrize("client", ["wrk", "httpx"])
def test_load_rotates_over_the_queries(client: str, kb_db_path: Path, tmp_path: Path) -> None:
    """Every query is sent, about equally often: the server is not measured on one repeated query."""
    if client == "wrk" and not shutil.which("wrk"):
        pytest.skip("wrk is not installed (apt-get install wrk)")
    feedback = tmp_path / "feedback.db"
    with live_server(create_app(Settings(db=kb_db_path, feedback_db=feedback))) as url:
        if client == "wrk":
            level = bench_http.run_level_wrk(url, NO_ANSWER, 4, 1, tmp_path)
        else:
            level = asyncio.run(bench_http.run_level(url, NO_ANSWER, 4, 80, 10))
    assert level.requests >= 8 and level.errors == 0
    # The server counts each query nothing answers in its feedback file: all of them, evenly.
    with sqlite3.connect(feedback) as conn:
        rows = dict(conn.execute("select query, asked from unanswered").fetchall())
    assert set(rows) == set(NO_ANSWER)
    assert max(rows.values()) <= 2 * min(rows.values()) + 2


def test_http_targets() -> None:
    fast, slow = bench_http.Level(16), bench_http.Level(64)
    fast.reported, fast.reported_requests, fast.seconds = {50: 0.004, 99: 0.012}, 40_000, 20.0
    slow.reported, slow.reported_requests, slow.seconds, slow.errors = {50: 0.03, 99: 0.2}, 30_000, 20.0, 3
    healthz = bench_http.Level(16)
    healthz.reported, healthz.reported_requests, healthz.seconds = {50: 0.001, 99: 0.003}, 80_000, 20.0
    said = {what: met for what, _, met in bench_http.targets({16: fast, 64: slow}, healthz)}
    assert said == {
        "/v1/match at 16 connections >= 1,500 req/s": True,
        "/v1/match at 16 connections p99 <= 20 ms": True,
        "/v1/match rate >= 40% of /healthz's at 16 connections": True,
        "/v1/match at 64 connections: 0 errors": False,
        "/v1/match at 64 connections p99 <= 100 ms": False,
    }


def test_server_cpu_is_read_for_every_process_of_the_server() -> None:
    """A server and its workers share a process group: the CPU of all of them is counted."""
    if not Path("/proc/self/stat").exists():
        pytest.skip("no /proc here: the column is left empty")
    # A process that forks a worker; each burns 0.4 s of CPU, then both wait to be killed.
    burn = "import os, time\nos.fork()\nend = time.process_time() + 0.4\nwhile time.process_time() < end: pass\ntime.sleep(60)"
    proc = subprocess.Popen([sys.executable, "-c", burn], start_new_session=True)
    try:
        deadline = time.monotonic() + 30
        while bench_http.group_cpu_seconds(proc.pid) < 0.75 and time.monotonic() < deadline:
            time.sleep(0.1)
        assert 0.75 <= bench_http.group_cpu_seconds(proc.pid) < 10
    finally:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
    level = bench_http.Level(16)
    level.reported_requests, level.server_cpu = 4000, 6.0
    assert level.server_ms_per_request == pytest.approx(1.5)


# --- self_queries: the knowledge base's own words as queries --------------------------------------


def test_self_queries_reports_top1_and_confidence_per_kind(kb_db_path: Path) -> None:
    run = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "self_queries.py"), str(kb_db_path), "--sample", "10"],
        capture_output=True,
        text=True,
        check=True,
    )
    rows = {
        line.split()[0]: line.split()[-5:] for line in run.stdout.splitlines() if line.startswith("title")
    }
    n, top1, confident, both, bm25s = rows["title"]
    assert int(n) >= 4
    # Every figure is a share, and a problem's own title finds its article.
    assert all(0.0 <= float(x) <= 1.0 for x in (top1, confident, both, bm25s))
    assert float(top1) >= 0.75
    assert float(both) <= min(float(top1), float(confident))
