"""The kb-answer HTTP API (FastAPI): ``create_app(settings)`` builds it, ``app_from_env()`` for uvicorn."""

from api.http.app import app_from_env, create_app

__all__ = ["app_from_env", "create_app"]
