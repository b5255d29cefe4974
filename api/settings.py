"""Settings of the HTTP service, read from ``KB_*`` environment variables when asked for.

Nothing here runs at import: :class:`Settings` reads the environment when it is
constructed, which the app factory (or ``kb serve``) does. Tests pass their own
``Settings(...)`` to :func:`api.http.create_app`.
"""

from __future__ import annotations

import errno
import os
import re
from pathlib import Path
from typing import Annotated, Any

from pydantic import Field, SecretStr, ValidationError, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from indexer.index_file import DEFAULT_INDEX, SQLITE_HEADER

DEFAULT_MAX_BODY = 64 * 1024
DEFAULT_ARTICLES = Path("kb")
# A reader gives a verdict now and then; a script posting hundreds a minute is not a reader.
DEFAULT_FEEDBACK_RATE_LIMIT = "20/minute;200/hour"
# How a rate limit setting says "no limit".
NO_RATE_LIMIT = ("", "off", "none")
# Rate-limit counters in each process's memory, each process counting alone: where they live unless
# configured, and the fallback of a shared store that is down.
MEMORY_RATE_LIMIT_STORAGE = "memory://"


def article_folders(value: str | None) -> list[Path]:
    """The folders a KB_ARTICLES value names: separated by ``os.pathsep`` (``:``), as in PATH.

    Empty or unset means the default, ``kb``. Every command that reads KB_ARTICLES reads it here.
    """
    folders = [Path(item.strip()) for item in (value or "").split(os.pathsep) if item.strip()]
    return folders or [DEFAULT_ARTICLES]


def header_safe_key(key: str) -> str:
    """``key`` unless it cannot travel in an ``Authorization`` header: HTTP carries bearer tokens as
    printable ASCII, and a key of other characters was refused by the server that held it."""
    if not (key.isascii() and key.isprintable()):
        raise ValueError("KB_API_KEY must be printable ASCII: an HTTP header carries it")
    return key


# Set by `kb serve` for its uvicorn workers: the process id of the supervisor they end with.
SUPERVISOR_ENV = "KB_SERVE_SUPERVISOR"
# Set by `kb serve` for its uvicorn workers: "1" when they write the access log (--access-log).
ACCESS_LOG_ENV = "KB_SERVE_ACCESS_LOG"


class Settings(BaseSettings):
    """Where the index and articles are, who may administer, and request limits.

    Every field can be set with the environment variable named ``KB_`` plus its
    name in capitals, e.g. ``KB_DB=/srv/kb/kb.db``.
    """

    # A variable set but empty is unset, as for KB_DB in the CLI: a compose file's
    # `KB_FEEDBACK_DB: ${KB_FEEDBACK_DB}` with nothing to substitute served feedback from ".".
    model_config = SettingsConfigDict(env_prefix="KB_", extra="ignore", env_ignore_empty=True)

    db: Path = Field(default=Path(DEFAULT_INDEX), description="Index file to serve (KB_DB)")
    feedback_db: Path | None = Field(
        default=None,
        description="Where readers' feedback is kept (KB_FEEDBACK_DB); default: feedback.db beside the index",
    )
    feedback_url: SecretStr | None = Field(
        default=None,
        description=(
            "PostgreSQL database for feedback, shared by replicas (KB_FEEDBACK_URL, postgresql://...); "
            "replaces KB_FEEDBACK_DB when set"
        ),
    )
    feedback_rate_limit: str = Field(
        default=DEFAULT_FEEDBACK_RATE_LIMIT,
        description=(
            "What one client may write: feedback posts, and unanswered queries recorded, each "
            "(KB_FEEDBACK_RATE_LIMIT, e.g. '20/minute;200/hour'; 'off' for no limit)"
        ),
    )
    rate_limit_storage: str = Field(
        default=MEMORY_RATE_LIMIT_STORAGE,
        description=(
            "Where rate-limit counters live (KB_RATE_LIMIT_STORAGE): memory:// (each process "
            "counts alone) or redis://host:port (shared by every worker and replica)"
        ),
    )
    # NoDecode: a plain "a,b" is what people type; pydantic-settings would want JSON.
    articles: Annotated[list[Path], NoDecode] = Field(
        default_factory=lambda: [DEFAULT_ARTICLES],
        description="Article folders the reindex route builds from (KB_ARTICLES, separated by os.pathsep as in PATH)",
    )
    api_key: SecretStr | None = Field(
        default=None,
        description="Bearer key for /v1/admin/* (KB_API_KEY); without it the admin routes do not exist",
    )
    cors_origins: Annotated[list[str], NoDecode] = Field(
        default_factory=list, description="Origins allowed by CORS (KB_CORS_ORIGINS, comma-separated)"
    )
    # At least a byte (0 refused every POST, with nothing said at start), at most 1 GiB.
    max_body: int = Field(
        default=DEFAULT_MAX_BODY, ge=1, le=1 << 30, description="Largest request body accepted, in bytes"
    )

    @field_validator("articles", mode="before")
    @classmethod
    def _split_articles(cls, value: Any) -> Any:
        if isinstance(value, str):
            return article_folders(value)
        return value

    @field_validator("db", "feedback_db", "articles")
    @classmethod
    def _names_the_system_takes(cls, value: Any) -> Any:
        for path in value if isinstance(value, list) else [value]:
            if path is not None:
                _require_usable_name(path)
        return value

    @field_validator("cors_origins", mode="before")
    @classmethod
    def _split_origins(cls, value: Any) -> Any:
        # Origins contain ':' (https://host:port), so only commas separate them.
        if isinstance(value, str):
            return [o.strip() for o in value.split(",") if o.strip()]
        return value

    @field_validator("cors_origins")
    @classmethod
    def _origins_as_browsers_send_them(cls, value: list[str]) -> list[str]:
        # A browser's Origin is scheme://host[:port]: one written with a path or a trailing slash,
        # or without its scheme, started the server and then refused every preflight of the portal.
        for origin in value:
            if origin != "*" and not _ORIGIN.fullmatch(origin):
                raise ValueError(
                    f"KB_CORS_ORIGINS: {origin!r} is no origin; write it as a browser sends it, "
                    "scheme://host[:port] with no path (https://support.example.com)"
                )
        return value

    @field_validator("api_key", mode="before")
    @classmethod
    def _blank_key_is_none(cls, value: Any) -> Any:
        # KB_API_KEY= (set but empty) must not enable admin routes with an empty key. Spaces around
        # a key are dropped: HTTP strips them from the header, so a key that kept them ("abc ")
        # could never be sent, and every admin request was refused.
        text = value.get_secret_value() if isinstance(value, SecretStr) else value
        if isinstance(text, str):
            if not text.strip():
                return None
            header_safe_key(text.strip())
            return text.strip()
        return value

    @field_validator("feedback_url", mode="before")
    @classmethod
    def _postgres_url(cls, value: Any) -> Any:
        text = value.get_secret_value() if isinstance(value, SecretStr) else value
        if isinstance(text, str):
            if not text.strip():
                return None
            if not text.startswith(("postgresql://", "postgres://")):
                # Not echoed: the URL may hold a password.
                raise ValueError("KB_FEEDBACK_URL must be a postgresql:// URL")
        return value

    @field_validator("feedback_rate_limit")
    @classmethod
    def _valid_limits(cls, value: str) -> str:
        if value.strip().lower() not in NO_RATE_LIMIT:
            try:
                from limits import parse_many  # only when a limit is configured: slow to import

                limits = parse_many(value)
            except ValueError as exc:
                raise ValueError(f"KB_FEEDBACK_RATE_LIMIT: {exc}") from None
            # Taken, 0 refused every write for good: a 429 to each post, no query ever counted.
            if any(limit.amount < 1 for limit in limits):
                raise ValueError(
                    f"KB_FEEDBACK_RATE_LIMIT: {value!r} lets no client write anything (a limit of 0); "
                    "for no limit, write 'off'"
                )
        return value

    @field_validator("rate_limit_storage")
    @classmethod
    def _known_storage(cls, value: str) -> str:
        if not value.startswith((MEMORY_RATE_LIMIT_STORAGE, "redis://", "rediss://")):
            raise ValueError("KB_RATE_LIMIT_STORAGE must be memory:// or a redis:// URL")
        return value

    @property
    def feedback_path(self) -> Path:
        """The feedback file: its own setting, or feedback.db in the index's folder."""
        return self.feedback_db if self.feedback_db is not None else self.db.with_name("feedback.db")

    def to_env(self) -> dict[str, str]:
        """The environment variables that reproduce these settings in another process."""
        env = {
            "KB_DB": str(self.db),
            "KB_ARTICLES": os.pathsep.join(str(p) for p in self.articles),
            "KB_CORS_ORIGINS": ",".join(self.cors_origins),
            "KB_MAX_BODY": str(self.max_body),
            "KB_FEEDBACK_RATE_LIMIT": self.feedback_rate_limit,
            "KB_RATE_LIMIT_STORAGE": self.rate_limit_storage,
        }
        if self.feedback_url is not None:
            env["KB_FEEDBACK_URL"] = self.feedback_url.get_secret_value()
        if self.feedback_db is not None:
            env["KB_FEEDBACK_DB"] = str(self.feedback_db)
        if self.api_key is not None:
            env["KB_API_KEY"] = self.api_key.get_secret_value()
        return env


_ORIGIN = re.compile(r"https?://[^/\s?#]+", re.IGNORECASE)


def unusable_files(settings: Settings) -> str | None:
    """What makes the index or feedback file of ``settings`` unusable as such, said before a server
    starts ("KB_NAME: …"), else None: a feedback "file" that is a folder, the index or another
    file was found out at the first feedback post, as a 503 retried for ever. (A server that is
    running keeps answering when its feedback store fails: see api.feedback.)"""
    if settings.db.is_dir():
        return f"KB_DB: {settings.db} is a folder, not an index file"
    if settings.feedback_url is not None:
        return None
    path = settings.feedback_path
    if path.is_dir():
        return f"KB_FEEDBACK_DB: {path} is a folder, not a feedback file"
    if path.is_file() and settings.db.is_file() and path.samefile(settings.db):
        return f"KB_FEEDBACK_DB: {path} is the index file; give the feedback a file of its own"
    if path.is_file() and not _sqlite_or_empty(path):
        return f"KB_FEEDBACK_DB: {path} is not an SQLite file; give the feedback a file of its own"
    return None


def _sqlite_or_empty(path: Path) -> bool:
    """Whether ``path`` is an SQLite file, or an empty one SQLite makes its own (unreadable: yes,
    for the store to say why when it opens it)."""
    try:
        with path.open("rb") as file:
            head = file.read(len(SQLITE_HEADER))
    except OSError:
        return True
    return not head or head == SQLITE_HEADER


def _require_usable_name(path: Path) -> None:
    """ValueError when the file system refuses ``path`` as a name (one part too long): every later
    look at it would fail with that error instead of saying the file is missing."""
    try:
        os.stat(path)
    except OSError as exc:
        if exc.errno == errno.ENAMETOOLONG:
            shown = str(path) if len(str(path)) <= 80 else str(path)[:80] + "…"
            raise ValueError(f"cannot use {shown!r}: {exc.strerror}") from None


def describe_invalid(exc: ValidationError) -> str:
    """What is wrong with the settings, one "KB_NAME: problem" per setting: most are read from
    KB_* variables, so the variable is named as the user wrote it (a validator's own message
    already names it)."""
    problems = []
    for error in exc.errors():
        message = str(error["msg"]).removeprefix("Value error, ")
        name = "KB_" + "_".join(map(str, error["loc"])).upper()
        problems.append(message if message.startswith(name) else f"{name}: {message}")
    return "; ".join(problems)
