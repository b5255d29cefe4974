"""Start and stop two kb-answer replicas behind HAProxy on loopback, with their shared services.

What runs: PostgreSQL (the feedback store every replica writes, KB_FEEDBACK_URL),
Redis (the shared rate-limit counters, KB_RATE_LIMIT_STORAGE), two `kb serve`
replicas each with its own copy of the index, and HAProxy (deploy/haproxy.cfg)
balancing them, health-checked on /readyz. All on 127.0.0.1, on free ports.
Needs Debian's postgresql, redis-server and haproxy packages (`make services`
installs them as root). PostgreSQL will not run as root: when run as root, its
throwaway cluster belongs to the `postgres` (or `nobody`) user.

    python deploy/replicas.py up --dir /tmp/kb-replicas            # builds an index of kb/, starts all
    python deploy/replicas.py up --dir /tmp/kb-replicas --index kb.db --workers 2
    python deploy/replicas.py roll --dir /tmp/kb-replicas new.db   # new index to both, by rename
    python deploy/replicas.py down --dir /tmp/kb-replicas          # stops all, removes the cluster

`up` prints the proxy's URL and the admin key and leaves everything running;
`down` stops it. The deployment test (tests/test_replicas.py) drives the same
code from Python.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import io
import json
import os
import pwd
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

import httpx

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
HAPROXY_CONFIG = HERE / "haproxy.cfg"
STATE_FILE = "deployment.json"


def free_port() -> int:
    """A port nothing listens on right now, on 127.0.0.1."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def postgres_bin() -> Path | None:
    """The newest installed PostgreSQL server's bin folder (Debian: /usr/lib/postgresql/N/bin)."""
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"), key=lambda p: int(p.parent.parent.name))
    if found:
        return found[-1].parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def missing_tools() -> list[str]:
    """The programs this deployment needs that are not installed, by Debian package name."""
    missing = [] if postgres_bin() else ["postgresql"]
    missing += [
        pkg
        for tool, pkg in (("redis-server", "redis-server"), ("haproxy", "haproxy"))
        if not shutil.which(tool)
    ]
    return missing


def wait_for(check: object, what: str, timeout: float = 30.0) -> None:
    """Poll ``check()`` until it is true; raise ``RuntimeError`` naming ``what`` after ``timeout`` s."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with contextlib.suppress(OSError, httpx.HTTPError):
            if check():  # type: ignore[operator]
                return
        time.sleep(0.1)
    raise RuntimeError(f"{what} did not come up within {timeout:.0f} s")


def port_open(port: int) -> bool:
    """Whether something accepts connections on 127.0.0.1:``port``."""
    with socket.create_connection(("127.0.0.1", port), timeout=1):
        return True


def stop_process(pid: int, timeout: float = 15.0) -> None:
    """SIGTERM the process group ``pid`` leads, then SIGKILL it if it is still there after ``timeout`` s."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(pid, signal.SIGTERM)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            os.killpg(pid, 0)
            with contextlib.suppress(ChildProcessError):
                if os.waitpid(pid, os.WNOHANG)[0] == pid:
                    return
            time.sleep(0.05)
        os.killpg(pid, signal.SIGKILL)
    with contextlib.suppress(ChildProcessError):
        os.waitpid(pid, 0)


@dataclass
class Postgres:
    """A throwaway PostgreSQL cluster in its own folder, listening on 127.0.0.1 only."""

    folder: Path
    port: int
    user: str | None = None  # who owns and runs it (None: the current user)

    @classmethod
    def create(cls) -> Postgres:
        """initdb a new cluster with database and superuser ``kb`` (trust on loopback); not started."""
        bindir = postgres_bin()
        if bindir is None:
            raise RuntimeError("PostgreSQL is not installed (apt-get install postgresql)")
        user = None
        if os.geteuid() == 0:
            # The server refuses to run as root: the cluster belongs to an unprivileged user,
            # in a folder of its own under /tmp (the caller's temp folders are often root-only).
            user = "postgres" if _user_exists("postgres") else "nobody"
        folder = Path(tempfile.mkdtemp(prefix="kb-postgres-"))
        pg = cls(folder=folder, port=free_port(), user=user)
        if user:
            entry = pwd.getpwnam(user)
            os.chown(folder, entry.pw_uid, entry.pw_gid)
        pg._run("initdb", "-D", str(pg.data), "-U", "kb", "-A", "trust", "-E", "UTF8", "--no-sync")
        return pg

    @property
    def data(self) -> Path:
        """The cluster's data folder."""
        return self.folder / "data"

    @property
    def url(self) -> str:
        """The URL kb-answer is given as KB_FEEDBACK_URL."""
        return f"postgresql://kb@127.0.0.1:{self.port}/kb"

    def _run(self, tool: str, *args: str) -> None:
        bindir = postgres_bin()
        assert bindir is not None
        subprocess.run(
            [str(bindir / tool), *args],
            check=True,
            capture_output=True,
            user=self.user,
            group=pwd.getpwnam(self.user).pw_gid if self.user else None,
            cwd=self.folder,
        )

    def start(self) -> None:
        """Start the server and wait until it accepts connections (creates database kb the first time)."""
        options = f"-c listen_addresses=127.0.0.1 -p {self.port} -c unix_socket_directories={self.folder}"
        self._run(
            "pg_ctl",
            "start",
            "-w",
            "-D",
            str(self.data),
            "-l",
            str(self.folder / "server.log"),
            "-o",
            options,
        )
        if not (self.folder / "created").exists():
            self._run("createdb", "-h", "127.0.0.1", "-p", str(self.port), "-U", "kb", "kb")
            (self.folder / "created").touch()

    def stop(self) -> None:
        """Stop the server (fast shutdown: open connections are cut)."""
        with contextlib.suppress(subprocess.CalledProcessError):
            self._run("pg_ctl", "stop", "-w", "-m", "fast", "-D", str(self.data))

    def remove(self) -> None:
        """Stop the server and delete the cluster."""
        self.stop()
        shutil.rmtree(self.folder, ignore_errors=True)


def _user_exists(name: str) -> bool:
    try:
        pwd.getpwnam(name)
    except KeyError:
        return False
    return True


def start_redis(folder: Path, port: int) -> subprocess.Popen[bytes]:
    """redis-server on 127.0.0.1:``port``, in memory only (rate-limit counters need no disk)."""
    log = (folder / "redis.log").open("ab")
    proc = subprocess.Popen(
        [
            "redis-server",
            "--port",
            str(port),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
            "--dir",
            str(folder),
        ],
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    wait_for(lambda: port_open(port), "redis-server")
    return proc


def kb_command() -> list[str]:
    """How to run `kb` with this Python (its venv's console script when there is one)."""
    script = Path(sys.executable).with_name("kb")
    return [str(script)] if script.exists() else [sys.executable, "-c", "from api.cli import cli; cli()"]


@dataclass
class Deployment:
    """Where everything runs; saved to FOLDER/deployment.json by `up` for `down`."""

    folder: Path
    proxy_port: int = field(default_factory=free_port)
    replica_ports: list[int] = field(default_factory=lambda: [free_port(), free_port()])
    redis_port: int = field(default_factory=free_port)
    api_key: str = field(default_factory=lambda: secrets.token_urlsafe(24))
    workers: int = 1
    postgres: Postgres | None = None
    pids: dict[str, int] = field(default_factory=dict)

    @property
    def url(self) -> str:
        """The proxy: what clients use."""
        return f"http://127.0.0.1:{self.proxy_port}"

    def replica_url(self, n: int) -> str:
        """Replica ``n`` (0 or 1) directly, bypassing the proxy."""
        return f"http://127.0.0.1:{self.replica_ports[n]}"

    def replica_db(self, n: int) -> Path:
        """Replica ``n``'s own copy of the index."""
        return self.folder / f"replica{n + 1}" / "kb.db"

    @property
    def haproxy_socket(self) -> Path:
        """HAProxy's runtime API socket."""
        return self.folder / "haproxy.sock"

    def replica_env(self) -> dict[str, str]:
        """The environment every replica runs with: one feedback store and one rate-limit store."""
        assert self.postgres is not None
        env = {k: v for k, v in os.environ.items() if not k.startswith("KB_")}
        env.update(
            KB_FEEDBACK_URL=self.postgres.url,
            KB_RATE_LIMIT_STORAGE=f"redis://127.0.0.1:{self.redis_port}",
            KB_API_KEY=self.api_key,
            PYTHONUNBUFFERED="1",
        )
        return env

    def up(self, index: Path) -> None:
        """Start PostgreSQL, Redis, both replicas on copies of ``index``, then HAProxy; wait until ready."""
        self.folder.mkdir(parents=True, exist_ok=True)
        try:
            self.postgres = Postgres.create()
            self.postgres.start()
            self.pids["redis"] = start_redis(self.folder, self.redis_port).pid
            for n in range(2):
                self.replica_db(n).parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(index, self.replica_db(n))
                self.start_replica(n)
            for n in range(2):
                self.wait_replica(n)
            self.start_proxy()
        except BaseException:
            self.down()
            raise
        self.save()

    def start_replica(self, n: int) -> None:
        """Start `kb serve` for replica ``n`` (does not wait for it)."""
        log = (self.folder / f"replica{n + 1}.log").open("ab")
        proc = subprocess.Popen(
            [
                *kb_command(),
                "serve",
                "--host",
                "127.0.0.1",
                "--port",
                str(self.replica_ports[n]),
                "--workers",
                str(self.workers),
                "--db",
                str(self.replica_db(n)),
                "--no-access-log",
                "--log-level",
                "warning",
            ],
            env=self.replica_env(),
            cwd=self.folder,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        self.pids[f"replica{n + 1}"] = proc.pid

    def wait_replica(self, n: int, timeout: float = 60.0) -> None:
        """Block until replica ``n`` answers /readyz with 200."""
        url = self.replica_url(n)
        wait_for(
            lambda: httpx.get(f"{url}/readyz", timeout=2).status_code == 200, f"replica {n + 1}", timeout
        )

    def kill_replica(self, n: int) -> None:
        """SIGKILL replica ``n`` and its workers at once, as a crash would."""
        pid = self.pids.pop(f"replica{n + 1}")
        with contextlib.suppress(ProcessLookupError):
            os.killpg(pid, signal.SIGKILL)
        with contextlib.suppress(ChildProcessError):
            os.waitpid(pid, 0)

    def start_proxy(self) -> None:
        """Start HAProxy with deploy/haproxy.cfg and wait until it listens."""
        env = {
            **os.environ,
            "KB_PROXY_BIND": f"127.0.0.1:{self.proxy_port}",
            "KB_REPLICA1": f"127.0.0.1:{self.replica_ports[0]}",
            "KB_REPLICA2": f"127.0.0.1:{self.replica_ports[1]}",
            "KB_HAPROXY_SOCKET": str(self.haproxy_socket),
        }
        log = (self.folder / "haproxy.log").open("ab")
        proc = subprocess.Popen(
            ["haproxy", "-db", "-f", str(HAPROXY_CONFIG)],
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        self.pids["haproxy"] = proc.pid
        wait_for(lambda: httpx.get(f"{self.url}/readyz", timeout=2).status_code == 200, "haproxy")

    def haproxy(self, command: str) -> str:
        """One command on HAProxy's runtime API, e.g. ``set server replicas/replica2 state maint``."""
        with socket.socket(socket.AF_UNIX) as sock:
            sock.connect(str(self.haproxy_socket))
            sock.sendall(command.encode() + b"\n")
            chunks = []
            while chunk := sock.recv(65536):
                chunks.append(chunk)
        return b"".join(chunks).decode()

    def proxy_stats(self) -> list[dict[str, str]]:
        """HAProxy's counters, one row per frontend, backend and server (``show stat``)."""
        text = self.haproxy("show stat").removeprefix("# ")
        return list(csv.DictReader(io.StringIO(text)))

    def roll(self, index: Path) -> None:
        """Give every replica the new ``index``: a copy beside its file, renamed over it (atomic)."""
        for n in range(2):
            staged = self.replica_db(n).with_suffix(".db.new")
            shutil.copyfile(index, staged)
            os.replace(staged, self.replica_db(n))

    def down(self) -> None:
        """Stop the proxy, the replicas and Redis, and remove the PostgreSQL cluster."""
        for name in ("haproxy", "replica1", "replica2", "redis"):
            pid = self.pids.pop(name, None)
            if pid is not None:
                stop_process(pid)
        if self.postgres is not None:
            self.postgres.remove()
            self.postgres = None
        (self.folder / STATE_FILE).unlink(missing_ok=True)

    def save(self) -> None:
        """Write where everything runs to FOLDER/deployment.json."""
        state = asdict(self)
        state["folder"] = str(self.folder)
        if self.postgres is not None:
            state["postgres"]["folder"] = str(self.postgres.folder)
        (self.folder / STATE_FILE).write_text(json.dumps(state, indent=2), encoding="utf-8")

    @classmethod
    def load(cls, folder: Path) -> Deployment:
        """The deployment `up` saved in ``folder``."""
        state = json.loads((folder / STATE_FILE).read_text(encoding="utf-8"))
        pg = state.pop("postgres")
        state["folder"] = Path(state["folder"])
        deployment = cls(**state)
        if pg:
            deployment.postgres = Postgres(folder=Path(pg["folder"]), port=pg["port"], user=pg["user"])
        return deployment


def build_index(articles: list[Path], db: Path) -> None:
    """Index ``articles`` into ``db`` with `kb index`."""
    subprocess.run([*kb_command(), "index", "--db", str(db), *map(str, articles)], check=True)


def usable_index(index: Path) -> str | None:
    """Why ``index`` cannot be served (as `kb` says it: missing, damaged, another schema), or None
    when it can. Rolled out unchecked, a file of random bytes took both replicas out of service."""
    done = subprocess.run(
        [*kb_command(), "articles", "--db", str(index), "--limit", "1"],
        capture_output=True,
        text=True,
        check=False,
    )
    return None if done.returncode == 0 else (done.stderr.strip() or f"kb exited {done.returncode}")


def main() -> None:
    """up, roll or down, as the module docstring shows."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    sub = parser.add_subparsers(dest="command", required=True)
    up = sub.add_parser("up", help="start everything and leave it running")
    up.add_argument("--dir", type=Path, required=True, help="folder for indexes, logs and state")
    up.add_argument("--index", type=Path, help="index to serve (default: build one from --articles)")
    up.add_argument("--articles", type=Path, action="append", help="article folder (default: kb/)")
    up.add_argument("--workers", type=int, default=1, help="workers per replica")
    roll = sub.add_parser("roll", help="give both replicas a new index, by rename")
    roll.add_argument("--dir", type=Path, required=True)
    roll.add_argument("index", type=Path)
    down = sub.add_parser("down", help="stop everything `up` started")
    down.add_argument("--dir", type=Path, required=True)
    args = parser.parse_args()

    if args.command == "up":
        folder = args.dir.resolve()
        if (folder / STATE_FILE).exists():
            # A second `up` started a second deployment, copied its index over the files the first
            # one's replicas were serving, and left `down` knowing only the second: the first ran on.
            raise SystemExit(
                f"a deployment is already up in {folder} ({STATE_FILE}); stop it first: "
                f"python {Path(__file__).relative_to(REPO)} down --dir {folder}"
            )
        missing = missing_tools()
        if missing:
            raise SystemExit(f"install first: apt-get install {' '.join(missing)}")
        index = args.index
        if index is None:
            index = folder / "build" / "kb.db"
            index.parent.mkdir(parents=True, exist_ok=True)
            build_index(args.articles or [REPO / "kb"], index)
        deployment = Deployment(folder=folder, workers=args.workers)
        deployment.up(index)
        print(f"proxy:      {deployment.url}")
        for n in range(2):
            print(f"replica {n + 1}:  {deployment.replica_url(n)}  (index {deployment.replica_db(n)})")
        assert deployment.postgres is not None
        print(f"feedback:   {deployment.postgres.url}")
        print(f"rate limit: redis://127.0.0.1:{deployment.redis_port}")
        print(f"admin key:  {deployment.api_key}")
        print(f"stop with:  python {Path(__file__).relative_to(REPO)} down --dir {folder}")
    elif args.command == "roll":
        unusable = usable_index(args.index)
        if unusable is not None:
            raise SystemExit(f"{args.index}: not rolled out, the replicas keep their index: {unusable}")
        Deployment.load(args.dir.resolve()).roll(args.index)
    else:
        Deployment.load(args.dir.resolve()).down()


if __name__ == "__main__":
    main()
