"""Indexing speed: kb/ plus ../shared/corpus/msdocs into a temporary index.

Measures a cold build, a re-index with nothing changed, a re-index with one file
changed, and the peak resident memory of the process. Both folders are copied to a
temporary folder first, so a file can be changed without touching the originals.

Usage: python scripts/bench_index.py [--rounds N] [--strict]
  --strict   exit 1 when a target is missed (cold < 3 s, unchanged re-index < 0.5 s)
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from indexer.build import BuildReport, build_index  # noqa: E402

CORPUS = REPO.parent / "shared" / "corpus" / "msdocs"
TARGETS = {"cold build": 3.0, "re-index, nothing changed": 0.5}


def timed(run: Callable[[], BuildReport]) -> tuple[float, BuildReport]:
    """Wall-clock seconds of one indexing run, and its report."""
    started = time.perf_counter()
    report = run()
    return time.perf_counter() - started, report


def peak_rss_mb() -> float:
    """Peak resident set size of this process so far, in MB (ru_maxrss is KiB on Linux)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=3, help="runs of each measurement (median is shown)")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a target is missed")
    args = parser.parse_args()
    if not CORPUS.is_dir():
        print(
            f"bench_index: no corpus at {CORPUS} (expected ../shared/corpus/msdocs beside the repo); "
            "nothing to measure",
            file=sys.stderr,
        )
        return 2

    with tempfile.TemporaryDirectory(prefix="bench_index.") as tmp:
        work = Path(tmp)
        kb_copy = shutil.copytree(REPO / "kb", work / "kb")
        corpus_copy = shutil.copytree(CORPUS, work / "msdocs")
        folders = [kb_copy, corpus_copy]
        rss_before = peak_rss_mb()

        cold: list[float] = []
        for n in range(args.rounds):
            cold_db = work / f"cold{n}.db"
            seconds, report = timed(lambda: build_index(folders, cold_db))  # noqa: B023
            cold.append(seconds)
            if report.warnings:
                print(
                    f"bench_index: {len(report.warnings)} warnings, first: {report.warnings[0]}",
                    file=sys.stderr,
                )
        db_path = work / f"cold{args.rounds - 1}.db"
        size_mb = db_path.stat().st_size / 1e6

        unchanged: list[float] = []
        for _ in range(args.rounds):
            seconds, again = timed(lambda: build_index(folders, db_path))
            assert again.parsed == 0, again
            unchanged.append(seconds)

        one_changed: list[float] = []
        target = sorted(corpus_copy.glob("*.md"))[0]
        for n in range(args.rounds):
            with target.open("a", encoding="utf-8") as f:
                f.write(f"\nEdited by the benchmark, round {n}.\n")
            seconds, changed = timed(lambda: build_index(folders, db_path))
            assert changed.parsed == 1, changed
            one_changed.append(seconds)

    cold_s = statistics.median(cold)
    rows = [
        ("cold build", cold_s, f"{report.articles / cold_s:,.0f} articles/s"),
        ("re-index, nothing changed", statistics.median(unchanged), "0 parsed"),
        ("re-index, one file changed", statistics.median(one_changed), "1 parsed"),
    ]
    print(
        f"kb-answer index benchmark: {report.articles} articles, {report.problems} problems, "
        f"{report.steps} steps; {report.whole_article} whole-article problems; index {size_mb:.1f} MB"
    )
    print(
        f"Python {platform.python_version()} on {platform.machine()}, {os.cpu_count()} CPUs; "
        f"median of {args.rounds} runs\n"
    )
    print(f"{'run':28} {'seconds':>8}  {'target':>8}  {'':4}  note")
    missed = []
    for name, seconds, note in rows:
        goal = TARGETS.get(name)
        verdict = "" if goal is None else ("ok" if seconds < goal else "SLOW")
        if verdict == "SLOW":
            missed.append(name)
        goal_text = f"< {goal:g} s" if goal is not None else ""
        print(f"{name:28} {seconds:8.3f}  {goal_text:>8}  {verdict:4}  {note}")
    print(f"{'peak RSS':28} {peak_rss_mb():8.1f} MB (before indexing: {rss_before:.1f} MB)")
    return 1 if args.strict and missed else 0


if __name__ == "__main__":
    sys.exit(main())
