"""`kb serve`: run the HTTP API under uvicorn, building the index first if there is none."""

from __future__ import annotations

import contextlib
import difflib
import importlib
import logging
import os
import signal
import socket
import sys
import tempfile
from collections.abc import Iterator, Mapping
from pathlib import Path

import click
from pydantic import ValidationError

from api.build_progress import BuildProgress
from api.exitcodes import EXIT_UNAVAILABLE, EXIT_USAGE, USAGE, exit_codes_help
from api.render import indexed
from api.settings import ACCESS_LOG_ENV, SUPERVISOR_ENV, Settings, describe_invalid, unusable_files
from indexer.build import build_index
from indexer.errors import EmptyFolderError
from indexer.interrupts import StopWhenAsked, interrupt_deferred

# uvicorn's HTTP parser: h11's, not httptools'. Of a client that sends requests back to back
# without reading the answers, httptools queues every request of each read: one connection took a
# worker from 77 MB to 350 MB in six seconds, and 20 to 3.4 GB. h11 reads the next request only
# once the answer to the last is written, so such a client fills its own socket's buffers and
# waits; and it answers 400 to a request head still incomplete past 16 KiB, where httptools read
# a header of 50 MB whole (3.5 s). It costs CPU: in alternating runs of scripts/bench_http.py (wrk,
# 16 connections), 5-13% fewer /v1/match requests/s and a third fewer /healthz (0.16 against 0.11 ms
# of server CPU a request).
HTTP_PROTOCOL = "h11"

# On every answer of the app: a browser must take a body for the type it is sent as (Markdown that
# quotes a query's "<script>" is never sniffed into HTML). uvicorn's own plain-text 400 for a
# request it cannot parse goes without it, and quotes nothing of the request.
RESPONSE_HEADERS = [("X-Content-Type-Options", "nosniff")]

# An HTTP/1.1 server may close an idle connection at any time, and a request sent on it just then
# is lost: whoever reuses connections (a proxy, a load balancer, a client's pool) must close them
# first. uvicorn's 5 s is shorter than most of those (nginx and cloud load balancers keep 60 s),
# and under load, matches running on the event loop delay the close for seconds, so a client
# cannot see it coming: 300 clients posting logs lost up to a third of their requests. 75 s is
# nginx's own keep-alive.
KEEP_ALIVE_SECONDS = 75

# How long a stop (SIGTERM, Ctrl-C) waits for the requests in flight. uvicorn's default waits for
# every connection to close: one client sending a body a byte a second held `kb serve` for as long
# as it went on, past the 30 s after which systemd and Kubernetes kill it outright.
GRACEFUL_SHUTDOWN_SECONDS = 10

# uvicorn's logging, with the time on every line, and the access log (written by the app, with each
# request's duration and id: uvicorn's own line has neither) on standard error with the others, at
# INFO whatever --log-level says: --access-log alone decides whether it is written.
LOG_CONFIG: dict[str, object] = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "default": {
            "()": "uvicorn.logging.DefaultFormatter",
            "fmt": "%(asctime)s %(levelprefix)s %(message)s",
            "use_colors": None,
        },
    },
    "handlers": {
        "default": {"formatter": "default", "class": "logging.StreamHandler", "stream": "ext://sys.stderr"},
    },
    "loggers": {
        "uvicorn": {"handlers": ["default"], "level": "INFO", "propagate": False},
        "uvicorn.error": {"level": "INFO"},
        "uvicorn.access": {"handlers": [], "level": "INFO", "propagate": False},
        "kb.access": {"handlers": ["default"], "level": "INFO", "propagate": False},
    },
}


def unread_variables(environ: Mapping[str, str]) -> list[str]:
    """What to say of the KB_* variables in ``environ`` that ``kb serve`` does not read as set: a
    name it does not know (KB_APIKEY, the closest it knows named), an admin key of spaces only, or
    a feedback file beside a feedback database, which replaces it.
    Each was read as unset without a word, and the setting it meant left at its default."""
    known = {f"KB_{name.upper()}" for name in Settings.model_fields} | {
        "KB_URL",
        SUPERVISOR_ENV,
        ACCESS_LOG_ENV,
    }
    said = []
    for name in sorted(n for n in environ if n.startswith("KB_") and n not in known):
        close = difflib.get_close_matches(name, sorted(known), n=1)
        said.append(f"{name} is no setting of kb-answer" + (f" (did you mean {close[0]}?)" if close else ""))
    if "KB_API_KEY" in environ and not environ["KB_API_KEY"].strip():
        said.append("KB_API_KEY is blank: the admin routes are off")
    if environ.get("KB_FEEDBACK_URL", "").strip() and environ.get("KB_FEEDBACK_DB", "").strip():
        said.append("KB_FEEDBACK_DB is not read: KB_FEEDBACK_URL is set, and feedback is kept there")
    return said


def ensure_index(settings: Settings, stop: StopWhenAsked | None = None) -> None:
    """Build the index from the article folders when there is no file at ``settings.db``, saying how
    far it is (a stop that ``stop`` was asked for is taken as each file is read).

    An existing file is never rebuilt here, whatever state it is in: a damaged or
    outdated index is the operator's to rebuild with `kb index` (meanwhile /readyz
    answers 503 saying so), and a file kb-answer did not build is not ours to replace.
    """
    if settings.db.exists():
        # A file that is no index is the app's to say as it starts (in every worker's log, and
        # under any server), and to answer 503 for.
        if settings.api_key is None:
            return  # no reindex route, so the folders are not read
        # Said now, not at the first reindex, which may be weeks away.
        for folder in settings.articles:
            if not folder.is_dir():
                click.echo(
                    f"kb serve: warning: no article folder at {folder}; a reindex would fail", err=True
                )
        return
    click.echo(
        f"kb serve: no index at {settings.db}; building it from {', '.join(map(str, settings.articles))}",
        err=True,
    )
    shown = BuildProgress(quiet=False, terminal=sys.stderr.isatty(), stop=stop)
    report = build_index(
        settings.articles,
        settings.db,
        progress=shown.checking,
        parsing=shown.parsing,
        finishing=shown.finishing,
    )
    for warning in report.warnings:
        click.echo(f"warning: {warning}", err=True)
    click.echo(
        f"Indexed {indexed(report.articles, report.problems, report.steps)} "
        f"in {report.seconds:.2f} s -> {settings.db}",
        err=True,
    )


@contextlib.contextmanager
def metrics_folder(workers: int) -> Iterator[None]:
    """PROMETHEUS_MULTIPROC_DIR for the workers, so that one scrape reports the whole server.

    ``kb serve`` owns the folder: one given in the environment is emptied at start
    (figures left by an earlier run would be added to this one's); with several
    workers and none given, a temporary folder is made and removed at exit.
    """
    given = os.environ.get("PROMETHEUS_MULTIPROC_DIR")
    if given:
        folder = Path(given)
        folder.mkdir(parents=True, exist_ok=True)
        for stale in folder.glob("*.db"):
            stale.unlink()
        yield
    elif workers > 1:
        with tempfile.TemporaryDirectory(prefix="kb-metrics-") as made:
            os.environ["PROMETHEUS_MULTIPROC_DIR"] = made
            try:
                yield
            finally:
                del os.environ["PROMETHEUS_MULTIPROC_DIR"]
    else:
        yield


def _require_free(host: str, port: int) -> None:
    """Exit 3 naming the address when ``host:port`` cannot be listened on: uvicorn's supervisor of
    several workers logs only "[Errno 98] Address already in use", without saying which."""
    try:
        family = socket.AF_INET6 if ":" in host else socket.AF_INET
        socket.create_server((host, port), family=family).close()
    except OSError as exc:
        click.echo(f"kb serve: cannot listen on {host}:{port}: {exc.strerror or exc}", err=True)
        raise SystemExit(EXIT_UNAVAILABLE) from None


def _nothing_to_reload(signum: int, frame: object) -> None:
    """SIGHUP or SIGUSR1 to a server of one worker: said and otherwise ignored. Their default ended
    the process at once, without a word and with requests in flight (a systemd ExecReload or a
    logrotate hook took the service down); uvicorn's supervisor of several workers restarts them
    on SIGHUP and ignores SIGUSR1."""
    logging.getLogger("uvicorn.error").warning(
        "kb serve: %s received: nothing to reload (a replaced index file is served from the next "
        "request; settings are read at start, so restart to change them; logs go to standard error, "
        "so there is no file to reopen)",
        signal.Signals(signum).name,
    )


@click.command(
    epilog=exit_codes_help(
        {
            0: "stopped (Ctrl-C or SIGTERM; SIGHUP and SIGUSR1 do not stop it)",
            EXIT_USAGE: f"{USAGE}, or no index and no article folder to build one from",
            EXIT_UNAVAILABLE: "cannot listen on --host/--port (e.g. the port is taken), or the app failed"
            " to start",
        },
        output=False,
    )
)
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
    # Not readable=True: an index that cannot be read is served as one that is missing (503s that
    # say why) until it can be, not refused as a mistyped option.
    type=click.Path(dir_okay=False, readable=False, path_type=Path),
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
@click.option(
    "--access-log/--no-access-log",
    default=True,
    show_default=True,
    help="Log every request: time, client, method, path (without the query string), status, duration "
    "and X-Request-ID, whatever --log-level is.",
)
@click.option(
    "--keep-alive",
    "keep_alive",
    default=KEEP_ALIVE_SECONDS,
    show_default=True,
    type=click.IntRange(1, 3600),
    help="Seconds an idle HTTP connection is kept open for the client's next request.",
)
def serve(
    host: str,
    port: int,
    workers: int,
    db_path: Path | None,
    articles: tuple[Path, ...],
    log_level: str,
    access_log: bool,
    keep_alive: int,
) -> None:
    """Serve the HTTP API and the widget, building the index first when there is none.

    The widget's demo page is at /, the API docs at /docs and /redoc. Settings not
    given as options come from KB_* environment variables: KB_DB, KB_ARTICLES
    (folders separated by the path-list separator, as in PATH), KB_API_KEY (enables
    /v1/admin/*), KB_CORS_ORIGINS (portal origins allowed to call the API),
    KB_MAX_BODY, KB_FEEDBACK_DB or KB_FEEDBACK_URL (PostgreSQL, shared by
    replicas), KB_FEEDBACK_RATE_LIMIT and KB_RATE_LIMIT_STORAGE (redis:// to share
    it). With --workers N, /metrics still reports the whole server: the workers
    keep their figures in PROMETHEUS_MULTIPROC_DIR, which is emptied at start
    (without it, a temporary folder is used).

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
    try:
        settings = Settings(**overrides)  # type: ignore[arg-type]
    except ValidationError as exc:
        raise click.UsageError(describe_invalid(exc)) from None
    unusable = unusable_files(settings)
    if unusable:
        raise click.UsageError(unusable)
    for unread in unread_variables(os.environ):
        click.echo(f"kb serve: warning: {unread}", err=True)
    # uvicorn, once stopped gracefully by a signal, sends it to the process again under the handler
    # it found: SIGTERM's default would end `kb serve` as killed (143), not with the 0 it documents.
    # Set before the index is built, which SIGTERM also stops (its copy removed); exit 0: stopped as asked.
    stop = StopWhenAsked(lambda: SystemExit(0))
    signal.signal(signal.SIGTERM, stop)
    if workers == 1:
        for reload_signal in (signal.SIGHUP, signal.SIGUSR1):
            signal.signal(reload_signal, _nothing_to_reload)
    try:
        ensure_index(settings, stop)
    except EmptyFolderError as exc:
        # Why the files found could not be indexed, as `kb index` says it: without them, a folder
        # whose only articles are broken read "is a folder unmounted or emptied by mistake?".
        for warning in exc.warnings:
            click.echo(f"warning: {warning}", err=True)
        # A replica whose share is not mounted yet must not start and say it is ready with nothing.
        raise click.UsageError(f"{exc}; nothing to serve. Build the index with `kb index`.") from None
    except FileNotFoundError as exc:
        # No index and no articles to build one from: a server that only answers 503 would look
        # started to whoever mistyped the folder.
        raise click.UsageError(
            f"no index at {settings.db} to serve, and none can be built: {exc}. "
            "Give --articles (or KB_ARTICLES) a folder of articles, or build the index with `kb index`."
        ) from None
    # Workers are separate processes that build their own app: hand them the settings
    # through the environment, which app_from_env reads.
    os.environ.update(settings.to_env())
    # Workers stop when this supervisor is killed outright, instead of serving the port on their own.
    os.environ[SUPERVISOR_ENV] = str(os.getpid())
    os.environ[ACCESS_LOG_ENV] = "1" if access_log else "0"
    click.echo(
        f"kb serve: {workers} worker{'s' if workers > 1 else ''}; the widget demo is at /, the API docs at /docs",
        err=True,
    )
    if workers > 1:
        _require_free(host, port)
    if workers == 1:
        # uvicorn imports the app in this process before it takes SIGTERM over, and a SystemExit
        # raised while pydantic-core builds a model's schema comes out of the import as its error:
        # "Error loading ASGI app", exit 1 (4 starts in 120 stopped as they began to serve).
        # Imported here, SIGTERM takes effect once the import is done.
        with interrupt_deferred():
            importlib.import_module("api.http")
    # The last moment before uvicorn takes SIGTERM over (its handler only sets a flag).
    stop.stop_if_asked()
    # uvicorn's own supervisor runs the workers: they share one listening socket, and
    # uvloop (installed with kb-answer) sets TCP_NODELAY on every connection.
    # uvicorn exits with its startup-failure code (3) when it cannot listen.
    with metrics_folder(workers):
        uvicorn.run(
            "api.http:app_from_env",
            factory=True,
            host=host,
            port=port,
            workers=workers,
            log_level=log_level,
            log_config=LOG_CONFIG,
            # The app writes the access log (see LOG_CONFIG).
            access_log=False,
            timeout_keep_alive=keep_alive,
            timeout_graceful_shutdown=GRACEFUL_SHUTDOWN_SECONDS,
            http=HTTP_PROTOCOL,
            headers=RESPONSE_HEADERS,
        )
