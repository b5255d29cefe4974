"""api.http.match_json: a match answer written from kept parts is pydantic's own JSON, byte for byte."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from api.http.match_json import MatchJson
from api.knowledge import KnowledgeBase
from api.matcher import match
from api.models import MatchResult

SERIALIZER = MatchResult.__pydantic_serializer__
KB_QUERIES = [
    "Invalid value specified for property 'mailNickname' of resource 'User'.",
    "The domain portion of the userPrincipalName property is invalid.",
    "new users are not syncing",
    "nothing in this knowledge base is about a printer on fire",
]


def test_kb_answers_are_pydantics_bytes(kb: KnowledgeBase) -> None:
    write = MatchJson(max_bytes=1 << 20)
    for _ in range(2):  # the second time from the kept parts
        for query in KB_QUERIES:
            for limit in (1, 5, 50):
                result = match(kb, query, limit=limit)
                assert write(result) == SERIALIZER.to_json(result)


def test_dev_query_answers_are_pydantics_bytes(full_kb: KnowledgeBase, dev_queries: Path) -> None:
    rows = [json.loads(line) for line in dev_queries.read_text(encoding="utf-8").splitlines() if line.strip()]
    write = MatchJson(max_bytes=1 << 25)
    for row in rows:
        result = match(full_kb, row["query"], limit=5)
        assert write(result) == SERIALIZER.to_json(result), row["query"]
    assert write.bytes > 0


@pytest.mark.parametrize("max_bytes", [0, 3000])
def test_parts_past_the_weight_are_forgotten_and_answers_stay_the_same(
    kb: KnowledgeBase, max_bytes: int
) -> None:
    write = MatchJson(max_bytes=max_bytes)
    for query in KB_QUERIES * 2:
        result = match(kb, query, limit=5)
        assert write(result) == SERIALIZER.to_json(result)
        assert write.bytes <= max_bytes


def test_an_empty_answer_is_pydantics_bytes(kb: KnowledgeBase) -> None:
    result = MatchResult.model_construct(
        query="x", error_codes=[], matches=[], no_confident_match=True, truncated=False
    )
    assert (
        MatchJson(max_bytes=1024)(result)
        == SERIALIZER.to_json(result)
        == (
            b'{"query":"x","error_codes":[],"matches":[],"no_confident_match":true,"truncated":false,'
            b'"scope_articles":null}'
        )
    )
