"""The shapes built without validation (model_construct) and the JSON written without
pydantic's serializer (api.render.to_json) against pydantic itself, on every shape the
index gives: what is constructed must validate to the same values, and to_json must be
byte for byte what model_dump_json writes."""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel

from api import lookups
from api.knowledge import KnowledgeBase
from api.matcher import match
from api.models import FeedbackReport, Shape, article_structure, built
from api.render import to_data, to_json
from indexer.parse import parse_article

KB_ARTICLE = Path(__file__).resolve().parent.parent / "kb" / "jumpcloud-m365.md"


def assert_as_pydantic_writes(value: BaseModel) -> None:
    """``value`` validates to itself, and to_json/to_data write what pydantic writes."""
    validated = type(value).model_validate(to_data(value))
    assert to_json(value) == validated.model_dump_json(indent=2) == value.model_dump_json(indent=2)
    assert to_data(value) == validated.model_dump(mode="json")


def every_lookup(kb: KnowledgeBase) -> list[BaseModel]:
    """Each article, problem, listing, search and structure the index ``kb`` gives."""
    total, _ = kb.articles(limit=1)
    _, rows = kb.articles(limit=total)
    shapes: list[BaseModel] = [lookups.list_articles(kb, limit=total), lookups.search(kb, "sync")]
    for article, problems in rows:
        shapes += [lookups.show(kb, article.id), lookups.inspect(kb, article.id)]
        shapes += [lookups.show(kb, f"{article.id}#{n}") for n in range(1, problems + 1)]
    return shapes


def test_lookups_of_the_sample_index(kb: KnowledgeBase) -> None:
    for shape in every_lookup(kb):
        assert_as_pydantic_writes(shape)


def test_lookups_and_answers_of_the_corpus(full_kb: KnowledgeBase, dev_queries: Path) -> None:
    for shape in every_lookup(full_kb):
        assert_as_pydantic_writes(shape)
    queries = [json.loads(line)["query"] for line in dev_queries.read_text(encoding="utf-8").splitlines()]
    for query in queries:
        assert_as_pydantic_writes(match(full_kb, query, limit=10))


def test_answers_with_unusual_text(kb: KnowledgeBase) -> None:
    seed = "Invalid value specified for property 'mailNickname' of resource 'User'."
    for query in (seed, "naïve “quotes” \ufffd \x01 tab\there", "x" * 70_000 + seed, "nothing known here"):
        assert_as_pydantic_writes(match(kb, query))


def test_structure_of_a_file_and_an_empty_feedback_report() -> None:
    assert_as_pydantic_writes(article_structure(parse_article(KB_ARTICLE.read_bytes(), KB_ARTICLE.name)))
    assert_as_pydantic_writes(FeedbackReport(unanswered=[], problems=[], feedback=[], total_feedback=0))


def _shapes(cls: type[Shape]) -> list[type[Shape]]:
    return [cls] + [shape for sub in cls.__subclasses__() for shape in _shapes(sub)]


def test_no_shape_has_what_the_fast_writers_would_skip() -> None:
    # to_data, the HTTP match writer and the MCP tools read the fields themselves: an alias, a computed
    # field or a serializer added to a shape would be honoured by pydantic and skipped by them.
    shapes = _shapes(Shape)
    assert len(shapes) > 20
    for shape in shapes:
        decorators = shape.__pydantic_decorators__
        assert not shape.model_computed_fields, shape
        assert not decorators.field_serializers and not decorators.model_serializers, shape
        for name, info in shape.model_fields.items():
            assert info.alias is None and info.serialization_alias is None, (shape, name)


def test_a_shape_built_from_all_its_fields_is_what_model_construct_makes(kb: KnowledgeBase) -> None:
    result = match(kb, "Invalid value specified for property 'mailNickname' of resource 'User'.", limit=3)
    shapes: list[BaseModel] = [result, *result.matches, *(e for m in result.matches for e in m.evidence)]
    assert len({type(shape) for shape in shapes}) == 3
    for shape in shapes:
        values = dict(shape.__dict__)
        made = built(type(shape), dict(values))
        assert list(values) == list(type(shape).model_fields)
        for attribute in (
            "__dict__",
            "__pydantic_fields_set__",
            "__pydantic_extra__",
            "__pydantic_private__",
        ):
            assert getattr(made, attribute) == getattr(type(shape).model_construct(**values), attribute)
        assert type(shape).__pydantic_post_init__ is None and shape.model_config.get("extra") is None
