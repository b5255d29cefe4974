"""Throughput through HAProxy with two kb-answer replicas vs one, at 16 connections, with wrk.

Starts the deployment of deploy/replicas.py (PostgreSQL, Redis, two replicas of
one worker each, HAProxy) on loopback, over an index of kb/ plus
../shared/corpus/msdocs when present, and sends POST /v1/match bodies cycling
through the dev queries (../shared/eval/dev_queries.jsonl when present). Each
round measures both replicas in rotation, then one (the other set to
maintenance through HAProxy's runtime API), so the two figures come from the
same run under the same conditions; rounds alternate to spread the noise. wrk,
HAProxy and both replicas share this machine's cores.

    python scripts/bench_replicas.py                    # 3 rounds of 10 s each way
    python scripts/bench_replicas.py --rounds 1 --seconds 5 --workers 2
"""

from __future__ import annotations

import argparse
import importlib.util
import statistics
import sys
import tempfile
from pathlib import Path
from types import ModuleType

REPO = Path(__file__).resolve().parent.parent


def _load(name: str, path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


deploy = _load("kb_deploy_replicas", REPO / "deploy" / "replicas.py")
bench_http = _load("kb_bench_http", REPO / "scripts" / "bench_http.py")


def main() -> None:
    """Start the deployment, measure both ways in alternating rounds, print a table, stop."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seconds", type=float, default=10.0, help="wrk run length, each way, each round")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--workers", type=int, default=1, help="worker processes per replica")
    args = parser.parse_args()
    missing = deploy.missing_tools() + ([] if deploy.shutil.which("wrk") else ["wrk"])
    if missing:
        raise SystemExit(f"install first: apt-get install {' '.join(missing)}")
    queries = bench_http.load_queries()
    with tempfile.TemporaryDirectory(prefix="kb-bench-replicas-") as tmp:
        folder = Path(tmp)
        index = folder / "build" / "kb.db"
        index.parent.mkdir()
        deploy.build_index(bench_http.article_folders(), index)
        deployment = deploy.Deployment(folder=folder, workers=args.workers)
        deployment.up(index)
        try:
            print(
                f"{len(queries)} distinct queries; {args.workers} worker(s) per replica; {args.connections} connections"
            )
            bench_http.run_level_wrk(deployment.url, queries, args.connections, 3, folder)  # warm up
            results: dict[str, list[float]] = {"two replicas": [], "one replica": []}
            errors = {name: 0 for name in results}
            for round_ in range(args.rounds):
                order = (
                    ["two replicas", "one replica"] if round_ % 2 == 0 else ["one replica", "two replicas"]
                )
                for name in order:
                    state = "maint" if name == "one replica" else "ready"
                    deployment.haproxy(f"set server replicas/replica2 state {state}")
                    level = bench_http.run_level_wrk(
                        deployment.url, queries, args.connections, args.seconds, folder
                    )
                    results[name].append(level.requests / level.seconds)
                    errors[name] += level.errors
                    print(
                        f"round {round_ + 1} {name:>12}: {level.requests / level.seconds:7.1f} req/s, "
                        f"p50 {level.percentile(50):6.1f} ms, p99 {level.percentile(99):6.1f} ms, "
                        f"{level.errors} errors",
                        flush=True,
                    )
            two, one = (statistics.median(results[n]) for n in ("two replicas", "one replica"))
            # Each round's two runs are back to back, so their ratio suffers least from other load.
            ratios = [t / o for t, o in zip(results["two replicas"], results["one replica"], strict=True)]
            print(
                f"median: two replicas {two:.1f} req/s, one replica {one:.1f} req/s; ratio per round "
                f"{', '.join(f'{r:.2f}' for r in ratios)} (median {statistics.median(ratios):.2f}); "
                f"errors {errors['two replicas']} / {errors['one replica']}"
            )
        finally:
            deployment.down()


if __name__ == "__main__":
    main()
