"""JSON Schema documents for the JSON that kb-answer returns, generated from :mod:`api.models`.

The ``*.json`` files beside this module are checked in so that agents and other
clients can rely on a documented, stable shape; ``kb schema`` regenerates them
and a test fails when a model changed without regenerating.
"""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel

from api.models import (
    ArticleOut,
    ArticlePage,
    ArticleStructure,
    FeedbackReport,
    MatchResult,
    ProblemDetail,
    SearchResult,
)

SCHEMA_DIR = Path(__file__).resolve().parent
JSON_SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"

# File name → model, for every top-level shape a front end returns.
SCHEMA_MODELS: dict[str, type[BaseModel]] = {
    "MatchResult.json": MatchResult,
    "ArticleOut.json": ArticleOut,
    "ProblemDetail.json": ProblemDetail,
    "ArticlePage.json": ArticlePage,
    "SearchResult.json": SearchResult,
    "FeedbackReport.json": FeedbackReport,
    "ArticleStructure.json": ArticleStructure,
}


def schema_documents() -> dict[str, str]:
    """Each schema file's name and its exact text, as ``kb schema`` writes it."""
    documents: dict[str, str] = {}
    for name, model in SCHEMA_MODELS.items():
        # "serialization": these describe what we emit, so defaulted fields are always present.
        schema = {"$schema": JSON_SCHEMA_DIALECT, **model.model_json_schema(mode="serialization")}
        documents[name] = json.dumps(schema, indent=2, ensure_ascii=False) + "\n"
    return documents


def write_schemas(out_dir: Path = SCHEMA_DIR) -> list[Path]:
    """Write every schema file into ``out_dir``; return the paths written."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in schema_documents().items():
        path = out_dir / name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written
