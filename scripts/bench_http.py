"""Load-test POST /v1/match on a local `kb serve` with 2 workers, beside /healthz on the same server.

Builds an index of kb/ plus ../shared/corpus/msdocs (when present) in a temporary
folder, starts the server on a free 127.0.0.1 port, sends realistic queries
(../shared/eval/dev_queries.jsonl when present, rotating: every request asks the
next query, not one repeated query) and prints requests/s, p50 and p99 latency and
errors per concurrency level. Then, in the same run and on the same server,
/healthz at the reference level (16 connections): a route that does no work, so the
match rate as a share of it says how much of the server's capacity matching costs,
whatever else the machine is doing. Where it started the server, it also prints the
CPU time the server's processes spent per request (from /proc, on Linux): what a
request costs the server, whatever share of the cores the load generator takes.
Each figure with a target of issue 11 says "met" or "NOT met": at 16 connections
/v1/match >= 1,500 req/s, >= 40% of /healthz's rate and p99 <= 20 ms; at 64
connections 0 errors and p99 <= 100 ms.

The load comes from wrk when it is installed (`apt-get install wrk`; a Lua script
cycles through the queries, each thread from its own offset), else from an async
httpx client. Either runs on the same two cores as the server; the Python client
costs about half a core, so its figures are a floor, and wrk's are closer to what
the server can do.

    python scripts/bench_http.py                       # c=1, 16, 64 and /healthz at 16; 20 s each
    python scripts/bench_http.py --levels 16 --requests 500 --workers 4
    python scripts/bench_http.py --client httpx        # the Python client even where wrk exists
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx

REPO = Path(__file__).resolve().parent.parent
MATCH = "/v1/match"
# The level issue 11 states its throughput targets at, and where /healthz is measured.
REFERENCE = 16
SHARED = Path(os.environ.get("KB_SHARED") or REPO.parent / "shared")
FALLBACK_QUERIES = [
    "The domain portion of the userPrincipalName property is invalid.",
    "AADSTS50011: The redirect URI specified in the request does not match",
    "new users created in JumpCloud are not syncing to Office 365",
    "Sync error: user UPN domain not verified",
    "Access denied when running Test-OAuthConnectivity",
]


@dataclass
class Level:
    """What one concurrency level measured."""

    concurrency: int
    latencies: list[float] = field(default_factory=list)
    errors: int = 0
    error_samples: list[str] = field(default_factory=list)
    seconds: float = 0.0
    client_cpu: float = 0.0
    # CPU seconds the server's processes spent during the level (NaN when not measured).
    server_cpu: float = float("nan")
    # Percentile -> seconds, when the load generator reports percentiles instead of samples.
    reported: dict[int, float] = field(default_factory=dict)
    reported_requests: int = 0

    @property
    def requests(self) -> int:
        """Requests completed at this level."""
        return self.reported_requests or len(self.latencies)

    @property
    def server_ms_per_request(self) -> float:
        """Milliseconds of the server's CPU per completed request (NaN when not measured)."""
        return self.server_cpu * 1000 / self.requests if self.requests else float("nan")

    def percentile(self, p: int) -> float:
        """The ``p``-th percentile latency in milliseconds (nearest rank)."""
        if p in self.reported:
            return self.reported[p] * 1000
        if not self.latencies:
            return float("nan")
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, max(0, round(p / 100 * len(ordered)) - 1))] * 1000


def load_queries() -> list[str]:
    """The dev queries when ../shared is there, else a few built-in ones."""
    path = SHARED / "eval" / "dev_queries.jsonl"
    if path.exists():
        rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        queries = [str(r["query"]) for r in rows if str(r.get("query", "")).strip()]
        if queries:
            return queries
    return FALLBACK_QUERIES


def article_folders() -> list[Path]:
    """kb/, plus the shared corpus when present."""
    folders = [REPO / "kb"]
    corpus = SHARED / "corpus" / "msdocs"
    if corpus.is_dir():
        folders.append(corpus)
    return folders


def free_port() -> int:
    """A port nothing listens on right now, on 127.0.0.1."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_server(db: Path, folders: list[Path], port: int, workers: int) -> subprocess.Popen[bytes]:
    """`kb serve` in a subprocess (it builds the index first, as on a fresh clone)."""
    command = [
        sys.executable,
        "-c",
        "from api.serve import serve; serve()",
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--workers",
        str(workers),
        "--db",
        str(db),
        "--no-access-log",
        "--log-level",
        "warning",
    ]
    for folder in folders:
        command += ["--articles", str(folder)]
    env = {k: v for k, v in os.environ.items() if not k.startswith("KB_") or k == "KB_SHARED"}
    # Its own process group, so stopping it also stops the workers it spawned.
    return subprocess.Popen(command, cwd=REPO, env=env, start_new_session=True)


def group_cpu_seconds(group: int) -> float:
    """CPU seconds (user and system) spent so far by the live processes of process group
    ``group`` (a server and its workers); NaN where there is no /proc to read them from."""
    proc = Path("/proc")
    if not (proc / "self" / "stat").exists():
        return float("nan")
    ticks = 0
    for entry in proc.iterdir():
        if not entry.name.isdigit():
            continue
        try:
            # After the command name in parentheses: state, ppid, pgrp, … utime (12th), stime (13th).
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue  # gone meanwhile
        if int(fields[2]) == group:
            ticks += int(fields[11]) + int(fields[12])
    return ticks / os.sysconf("SC_CLK_TCK")


def wait_ready(url: str, proc: subprocess.Popen[bytes], timeout: float = 60) -> None:
    """Block until /readyz answers 200 (the first start also builds the index)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"server exited with {proc.returncode}")
        try:
            if httpx.get(f"{url}/readyz", timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    raise SystemExit("server did not become ready")


def stop_server(proc: subprocess.Popen[bytes]) -> None:
    """Ctrl-C the server; if it has not stopped after 20 s, kill its process group."""
    proc.send_signal(signal.SIGINT)
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()


async def run_level(
    url: str, queries: list[str], concurrency: int, requests: int, seconds: float, *, route: str = MATCH
) -> Level:
    """Send up to ``requests`` requests to ``route`` (matches, or /healthz) from ``concurrency`` clients,
    for at most ``seconds``."""
    level = Level(concurrency)
    sent = 0
    cpu_before = time.process_time()
    started = time.perf_counter()
    deadline = started + seconds

    async def worker() -> None:
        nonlocal sent
        # One client (one keep-alive connection) per simulated user: a single pool shared by
        # 64 tasks costs the client several times more CPU per request than the server spends.
        async with httpx.AsyncClient(
            base_url=url, timeout=30, limits=httpx.Limits(max_connections=1)
        ) as client:
            while sent < requests and time.perf_counter() < deadline:
                query = queries[sent % len(queries)]
                sent += 1
                t0 = time.perf_counter()
                try:
                    if route == MATCH:
                        response = await client.post(MATCH, json={"text": query, "limit": 5})
                    else:
                        response = await client.get(route)
                    ok = response.status_code == 200
                    if not ok and len(level.error_samples) < 3:
                        level.error_samples.append(f"{response.status_code} {response.text[:120]}")
                except httpx.HTTPError as exc:
                    ok = False
                    if len(level.error_samples) < 3:
                        level.error_samples.append(repr(exc))
                level.latencies.append(time.perf_counter() - t0)
                if not ok:
                    level.errors += 1

    await asyncio.gather(*(worker() for _ in range(concurrency)))
    level.seconds = time.perf_counter() - started
    # The load generator shares the machine: its CPU share shows when it, not the server, is the limit.
    level.client_cpu = (time.process_time() - cpu_before) / level.seconds
    return level


# Each wrk thread has its own Lua state: setup() gives each one its own starting query,
# so two threads do not send the same query at the same moment.
_WRK_SCRIPT = """
local threads = 0
function setup(thread)
  thread:set("offset", threads * math.floor(#bodies / 2))
  threads = threads + 1
end
function init(args)
  counter = offset or 0
end
request = function()
  counter = counter + 1
  return wrk.format("POST", "/v1/match", {["Content-Type"]="application/json"}, bodies[(counter % #bodies) + 1])
end
"""
_DURATION = re.compile(r"([\d.]+)(us|ms|s)\b")


def _seconds(text: str) -> float:
    value, unit = _DURATION.match(text).groups()  # type: ignore[union-attr]
    return float(value) / {"us": 1e6, "ms": 1e3, "s": 1.0}[unit]


def run_level_wrk(
    url: str, queries: list[str], concurrency: int, seconds: float, folder: Path, *, route: str = MATCH
) -> Level:
    """One level with wrk: ``concurrency`` connections for ``seconds``; matches cycle through ``queries``."""
    threads = min(2, concurrency)
    command = ["wrk", f"-t{threads}", f"-c{concurrency}", f"-d{max(1, int(seconds))}s", "--latency"]
    if route == MATCH:
        script = folder / "match.lua"
        bodies = ",\n".join("[==[" + json.dumps({"text": q, "limit": 5}) + "]==]" for q in queries)
        script.write_text("bodies = {\n" + bodies + "\n}\n" + _WRK_SCRIPT, encoding="utf-8")
        command += ["-s", str(script), url]
    else:
        command.append(url + route)
    output = subprocess.run(command, capture_output=True, text=True, timeout=seconds + 30, check=True).stdout
    level = Level(concurrency)
    level.seconds = _seconds(re.search(r"requests in ([\d.]+\w+)", output).group(1))  # type: ignore[union-attr]
    level.reported_requests = int(re.search(r"(\d+) requests in", output).group(1))  # type: ignore[union-attr]
    for p in (50, 99):
        level.reported[p] = _seconds(re.search(rf"^\s*{p}%\s+(\S+)", output, re.M).group(1))  # type: ignore[union-attr]
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    socket_errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output)
    level.errors = int(non_2xx.group(1)) if non_2xx else 0
    level.errors += sum(int(n) for n in socket_errors.groups()) if socket_errors else 0
    # wrk counts a request it gave up on after its 2 s timeout as a socket error.
    level.error_samples = [m.group(0) for m in (non_2xx, socket_errors) if m]
    level.client_cpu = float("nan")
    return level


def _share(value: float) -> str:
    return "-" if value != value else f"{value:.0%}"  # NaN: the load generator does not report it


def _ms(value: float) -> str:
    return "-" if value != value else f"{value:.3f}"  # NaN: not measured (a server we did not start)


def targets(match: dict[int, Level], healthz: Level | None) -> list[tuple[str, float, bool]]:
    """Issue 11's HTTP targets for the levels measured: (what, figure, met)."""
    said = []
    if REFERENCE in match:
        level = match[REFERENCE]
        rate = level.requests / level.seconds
        said.append((f"/v1/match at {REFERENCE} connections >= 1,500 req/s", rate, rate >= 1500))
        said.append(
            (
                f"/v1/match at {REFERENCE} connections p99 <= 20 ms",
                level.percentile(99),
                level.percentile(99) <= 20,
            )
        )
        if healthz is not None:
            share = rate / (healthz.requests / healthz.seconds)
            said.append(
                (f"/v1/match rate >= 40% of /healthz's at {REFERENCE} connections", share * 100, share >= 0.4)
            )
    if 64 in match:
        said.append(("/v1/match at 64 connections: 0 errors", match[64].errors, match[64].errors == 0))
        said.append(
            (
                "/v1/match at 64 connections p99 <= 100 ms",
                match[64].percentile(99),
                match[64].percentile(99) <= 100,
            )
        )
    return said


def main() -> None:
    """Parse options, start the server, run each level, print a table, stop the server."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--levels", default="1,16,64", help="Concurrency levels, comma-separated")
    parser.add_argument("--requests", type=int, default=2000, help="Most requests per level")
    parser.add_argument("--seconds", type=float, default=20.0, help="Most seconds per level")
    parser.add_argument("--workers", type=int, default=2, help="Server worker processes")
    parser.add_argument("--url", help="Bench an already running server instead of starting one")
    parser.add_argument("--no-healthz", action="store_true", help="Skip the /healthz reference run")
    parser.add_argument(
        "--client",
        choices=["wrk", "httpx"],
        default="wrk" if shutil.which("wrk") else "httpx",
        help="Load generator (default: wrk when installed)",
    )
    args = parser.parse_args()
    levels = [int(x) for x in args.levels.split(",") if x.strip()]
    queries = load_queries()
    proc = None
    with tempfile.TemporaryDirectory(prefix="kb-bench-") as tmp:
        if args.url:
            url = args.url.rstrip("/")
        else:
            folders = article_folders()
            port = free_port()
            url = f"http://127.0.0.1:{port}"
            print(f"index: {', '.join(str(f) for f in folders)}; {args.workers} workers on {url}", flush=True)
            proc = start_server(Path(tmp) / "bench.db", folders, port, args.workers)
        try:
            if proc is not None:
                wait_ready(url, proc)
            stats = httpx.get(f"{url}/readyz", timeout=5).json()
            print(
                f"serving {stats.get('articles')} articles, {stats.get('problems')} problems; "
                f"{len(queries)} distinct queries",
                flush=True,
            )
            # Warm every worker (connection setup, first-query caches) before measuring.
            asyncio.run(run_level(url, queries, max(levels), max(64, 4 * max(levels)), 30))
            print(f"load generator: {args.client}; {args.seconds:g} s per level")
            print(
                f"{'route':10} {'connections':>11} {'requests':>9} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8}"
                f" {'errors':>7} {'client CPU':>10} {'server ms/req':>13}"
            )

            def measure(route: str, concurrency: int) -> Level:
                before = group_cpu_seconds(proc.pid) if proc is not None else float("nan")
                if args.client == "wrk":
                    level = run_level_wrk(url, queries, concurrency, args.seconds, Path(tmp), route=route)
                else:
                    level = asyncio.run(
                        run_level(url, queries, concurrency, args.requests, args.seconds, route=route)
                    )
                if proc is not None:
                    level.server_cpu = group_cpu_seconds(proc.pid) - before
                done = level.requests
                print(
                    f"{route:10} {concurrency:>11} {done:>9} {done / level.seconds:>8.1f} "
                    f"{level.percentile(50):>8.1f} {level.percentile(99):>8.1f} {level.errors:>7} "
                    f"{_share(level.client_cpu):>10} {_ms(level.server_ms_per_request):>13}",
                    flush=True,
                )
                for sample in level.error_samples:
                    print(f"    error: {sample}")
                return level

            match = {concurrency: measure(MATCH, concurrency) for concurrency in levels}
            healthz = None if args.no_healthz else measure("/healthz", REFERENCE)
            if healthz is not None and REFERENCE in match:
                rate, reference = (
                    match[REFERENCE].requests / match[REFERENCE].seconds,
                    healthz.requests / healthz.seconds,
                )
                print(
                    f"\n/v1/match at {REFERENCE} connections: {rate / reference:.1%} of /healthz's rate ({rate:,.0f} vs {reference:,.0f} req/s)"
                )
                costs = match[REFERENCE].server_ms_per_request, healthz.server_ms_per_request
                if costs[0] == costs[0] and costs[1] == costs[1]:
                    print(
                        f"server CPU per request: /v1/match {costs[0]:.3f} ms, /healthz {costs[1]:.3f} ms "
                        "(what the share comes from, whatever the load generator takes of the cores)"
                    )
            said = targets(match, healthz)
            if said:
                print("\ntargets (issue 11):")
            for what, figure, met in said:
                print(f"  {what:58} {figure:>10,.1f}  {'met' if met else 'NOT met'}")
        finally:
            if proc is not None:
                stop_server(proc)


if __name__ == "__main__":
    main()
