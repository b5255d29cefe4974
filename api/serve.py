"""`kb serve`: run the HTTP API under uvicorn, building the index first if there is none."""

from __future__ import annotations

import contextlib
import os
import socket
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from api.settings import Settings
from indexer.build import build_index
from indexer.errors import IndexMissingError
from indexer.index_file import require_index

if TYPE_CHECKING:
    import uvicorn


def ensure_index(settings: Settings) -> None:
    """Build the index from the article folders when there is no file at ``settings.db``.

    An existing file is never rebuilt here, whatever state it is in: a damaged or
    outdated index is the operator's to rebuild with `kb index` (meanwhile /readyz
    answers 503 saying so), and a file kb-answer did not build is not ours to replace.
    """
    if settings.db.exists():
        try:
            require_index(settings.db)
        except IndexMissingError as exc:
            click.echo(f"kb serve: {exc}; index routes answer 503 until then", err=True)
        return
    click.echo(
        f"kb serve: no index at {settings.db}; building it from {', '.join(map(str, settings.articles))}",
        err=True,
    )
    report = build_index(settings.articles, settings.db)
    for warning in report.warnings:
        click.echo(f"warning: {warning}", err=True)
    click.echo(
        f"Indexed {report.articles} articles, {report.problems} problems, {report.steps} steps "
        f"in {report.seconds:.2f} s -> {settings.db}",
        err=True,
    )


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option(
    "--port", default=8000, show_default=True, type=click.IntRange(0, 65535), help="Port to listen on."
)
@click.option(
    "--workers", default=1, show_default=True, type=click.IntRange(1, 64), help="Worker processes (uvicorn)."
)
@click.option(
    "--db",
    "db_path",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Index file to serve.  [default: $KB_DB or kb.db]",
)
@click.option(
    "--articles",
    "articles",
    multiple=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Article folder to build from and reindex (repeatable).  [default: $KB_ARTICLES or kb]",
)
@click.option(
    "--log-level",
    default="info",
    show_default=True,
    type=click.Choice(["critical", "error", "warning", "info", "debug"]),
)
@click.option("--access-log/--no-access-log", default=True, show_default=True, help="Log every request.")
def serve(
    host: str,
    port: int,
    workers: int,
    db_path: Path | None,
    articles: tuple[Path, ...],
    log_level: str,
    access_log: bool,
) -> None:
    """Serve the HTTP API and the widget, building the index first when there is none.

    The widget's demo page is at /, the API docs at /docs. Settings not given as
    options come from KB_* environment variables: KB_DB, KB_ARTICLES, KB_API_KEY
    (enables /v1/admin/*), KB_CORS_ORIGINS (portal origins allowed to call the
    API), KB_MAX_BODY, KB_FEEDBACK_DB or KB_FEEDBACK_URL (PostgreSQL, shared by
    replicas), KB_FEEDBACK_RATE_LIMIT and KB_RATE_LIMIT_STORAGE (redis:// to share it).

    \b
    Examples:
      kb serve
      kb serve --port 8080 --workers 4 --db /srv/kb/kb.db --articles /srv/kb/articles
      KB_API_KEY=$(cat /run/secrets/kb_key) kb serve --host 0.0.0.0
    """
    import uvicorn  # here, not at import: `kb` commands that do not serve start faster

    overrides: dict[str, object] = {}
    if db_path is not None:
        overrides["db"] = db_path
    if articles:
        overrides["articles"] = list(articles)
    settings = Settings(**overrides)  # type: ignore[arg-type]
    try:
        ensure_index(settings)
    except FileNotFoundError as exc:
        # No articles either: start anyway; /readyz says 503 until an index is built.
        click.echo(f"kb serve: cannot build an index: {exc}", err=True)
    # Workers are separate processes that build their own app: hand them the settings
    # through the environment, which app_from_env reads.
    os.environ.update(settings.to_env())
    config = uvicorn.Config(
        "api.http:app_from_env",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        log_level=log_level,
        access_log=access_log,
    )
    run(config)


def tcp_listener(sock: socket.socket) -> socket.socket:
    """``sock`` re-wrapped as IPPROTO_TCP, so the connections it accepts get TCP_NODELAY.

    uvicorn's ``bind_socket`` leaves ``proto`` at 0; asyncio only sets TCP_NODELAY
    on accepted sockets whose ``proto`` is IPPROTO_TCP, so with ``--workers N`` every
    keep-alive response waited ~40 ms for the client's delayed ACK
    (uvicorn issue #3149, unfixed in 0.54).
    """
    if sock.family not in (socket.AF_INET, socket.AF_INET6) or sock.proto == socket.IPPROTO_TCP:
        return sock
    fixed = socket.socket(sock.family, sock.type, socket.IPPROTO_TCP, fileno=sock.detach())
    fixed.set_inheritable(True)
    return fixed


def bind_reuseport(host: str, port: int) -> socket.socket:
    """A TCP socket bound to ``host:port`` with SO_REUSEPORT (and IPPROTO_TCP, for TCP_NODELAY)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    sock.bind((host, port))
    return sock


class ReusePortListener:
    """What the supervisor hands each worker instead of one shared listening socket.

    Unpickled in a worker process, it becomes that worker's own SO_REUSEPORT
    socket, so the kernel spreads new connections evenly over the workers. With
    one shared socket, asyncio accepts a whole burst of connections in whichever
    worker wakes first: in scripts/bench_http.py one of two workers got 93% of
    the requests at 64 connections.
    """

    def __init__(self, host: str, port: int) -> None:
        self.host = host
        self.port = port

    def __reduce__(self) -> tuple[object, tuple[str, int]]:
        return (bind_reuseport, (self.host, self.port))


def _can_reuseport() -> bool:
    # Only Linux balances connections over SO_REUSEPORT sockets.
    return sys.platform.startswith("linux") and hasattr(socket, "SO_REUSEPORT")


def run(config: uvicorn.Config) -> None:
    """What ``uvicorn.run`` does, with even, low-latency connection handling for several workers.

    Exits with uvicorn's startup-failure code (3) when the server cannot start.
    """
    import uvicorn
    from uvicorn.supervisors import Multiprocess

    if config.workers > 1 and _can_reuseport():
        try:
            # Bound (not listening) here: a taken port fails now, not in every worker,
            # and --port 0 becomes one concrete port that all workers share.
            claim = bind_reuseport(config.host, config.port)
        except OSError as exc:
            click.echo(f"kb serve: cannot listen on {config.host}:{config.port}: {exc}", err=True)
            raise SystemExit(3) from exc
        port = claim.getsockname()[1]
        click.echo(
            f"kb serve: http://{config.host}:{port}/ (widget demo; API docs at /docs), {config.workers} workers",
            err=True,
        )
        sockets: list[Any] = [ReusePortListener(config.host, port)]
        with claim, contextlib.suppress(KeyboardInterrupt):
            Multiprocess(config, sockets=sockets).run()
        return
    if config.workers > 1:
        with contextlib.suppress(KeyboardInterrupt):
            Multiprocess(config, sockets=[tcp_listener(config.bind_socket())]).run()
        return
    config.load_app()
    server = uvicorn.Server(config)
    with contextlib.suppress(KeyboardInterrupt):
        server.run()
    if not server.started:
        raise SystemExit(3)
