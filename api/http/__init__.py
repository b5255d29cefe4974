"""The kb-answer HTTP API (FastAPI): ``create_app(settings)`` builds it, ``app_from_env()`` for uvicorn.

Imported on first use, not with the package: the request shapes' examples
(:mod:`api.http.examples`) are read by ``kb mcp``, which must not pay for a web framework.
"""

from typing import Any

__all__ = ["app_from_env", "create_app"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from api.http import app

        return getattr(app, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
