"""A match answer as JSON, byte for byte what pydantic's serializer writes, at a fraction of its cost.

Of a match answer (~45 KB), nearly all is the article, problem, steps and notes of each
match, and the matcher hands out the same objects for a problem from one index file
(``api.matcher``'s per-snapshot memo): only the score, confidence and evidence differ
from one query to the next. Serialized whole, an answer cost ~190 µs, the largest cost
of ``POST /v1/match`` besides matching itself. Here each of those shared objects is
serialized once and its bytes reused while it lives, and the rest of the answer is
written field by field by pydantic's serializers of the fields' types.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable
from typing import Any

from pydantic import BaseModel, TypeAdapter

from api.models import Match, MatchResult

# The fields of a match that come from the matcher's per-snapshot memo, shared by every answer
# that holds the problem; the others are the query's own.
SHARED_FIELDS = frozenset({"article", "problem", "steps", "notes"})

# A field's key as JSON (after the brace or comma before it), its name, the serializer of its
# type (None for the matches, written here), and whether its value is one of the shared ones.
Writer = tuple[bytes, str, Callable[[Any], bytes] | None, bool]


# Once per process: building the serializers takes ~8 ms, and every app of a test run would pay it.
@functools.cache
def _field_writers(model: type[BaseModel]) -> list[Writer]:
    """A writer for each field of ``model``, in the order pydantic's serializer writes them."""
    writers: list[Writer] = []
    for position, (name, field) in enumerate(model.model_fields.items()):
        key = ("{" if position == 0 else ",") + json.dumps(name) + ":"
        # The serializer itself: TypeAdapter.dump_json's keyword handling cost 2 µs a call.
        dump = (
            None
            if model is MatchResult and name == "matches"
            else TypeAdapter(field.rebuild_annotation()).serializer.to_json
        )
        writers.append((key.encode("utf-8"), name, dump, model is Match and name in SHARED_FIELDS))
    return writers


class MatchJson:
    """Writes :class:`MatchResult` as JSON, keeping the bytes of the shared parts of its matches.

    Each kept part is held with the object it was written from, by that object's identity:
    while it is kept, the object lives, so its id cannot name another one. Past ``max_bytes``
    (the parts of index files no longer served, say), all are forgotten and kept again as used;
    a part weighing more than that is written each time.
    """

    def __init__(self, max_bytes: int) -> None:
        self.max_bytes = max_bytes
        self.bytes = 0
        self._kept: dict[int, tuple[object, bytes]] = {}
        self._result_fields = _field_writers(MatchResult)
        self._match_fields = _field_writers(Match)

    def __call__(self, result: MatchResult) -> bytes:
        """``result`` as the bytes ``MatchResult.__pydantic_serializer__.to_json`` gives."""
        parts: list[bytes] = []
        for key, name, dump, _ in self._result_fields:
            parts.append(key)
            if dump is not None:
                parts.append(dump(getattr(result, name)))
                continue
            parts.append(b"[")
            for position, match in enumerate(result.matches):
                if position:
                    parts.append(b",")
                self._match(match, parts)
            parts.append(b"]")
        parts.append(b"}")
        return b"".join(parts)

    def _match(self, match: Match, parts: list[bytes]) -> None:
        kept = self._kept
        for key, name, dump, shared in self._match_fields:
            assert dump is not None
            parts.append(key)
            value = getattr(match, name)
            if not shared:
                parts.append(dump(value))
                continue
            found = kept.get(id(value))
            if found is None or found[0] is not value:
                found = (value, dump(value))
                self._keep(found)
            parts.append(found[1])
        parts.append(b"}")

    def _keep(self, part: tuple[object, bytes]) -> None:
        size = len(part[1])
        if size > self.max_bytes:
            return
        if self.bytes + size > self.max_bytes:
            self._kept.clear()
            self.bytes = 0
        self._kept[id(part[0])] = part
        self.bytes += size
