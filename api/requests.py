"""What a client may ask: the checks every front end applies to a request.

The HTTP API's match body (:class:`MatchRequest`) and the MCP tools' arguments take their
checks from here (text that is not blank, limits that are numbers, no unknown field), and
every front end its numbers from :mod:`api.limits`, so that no front end accepts what another
refuses; :func:`describe_validation_error` says what is wrong in the same words for all of them. No web framework is imported here: ``kb mcp`` starts without one.
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, BeforeValidator, Field
from pydantic.json_schema import JsonDict

from api.examples import MATCH_REQUEST
from api.limits import DEFAULT_MATCHES, MAX_MATCHES, MAX_PRODUCT_CHARS, MAX_TAG_CHARS, MAX_TAGS
from api.query import Scope, without_lone_surrogates


def _integer_only(value: object) -> object:
    """A limit as given, unless it is a boolean or a string (a pydantic "before" validator).

    ``"limit": true`` or ``"5"`` is a client's mistake to report, not to guess at; 5.0 is
    the integer 5 to JSON Schema, which the OpenAPI document speaks, so it stays valid.
    """
    if isinstance(value, bool | str):
        raise ValueError("limit must be a number, such as 5")
    return value


# A limit's check, for any front end's limits (match's, the MCP tools' offset and page).
IntegerOnly = BeforeValidator(_integer_only)


def _readable_text(value: str) -> str:
    """The text of a match request, unless it is blank (a pydantic validator).

    JSON allows lone surrogate escapes ("\\ud83d": a paste cut in the middle of an emoji, as a
    browser sends it), which SQLite and the matcher cannot carry: each becomes U+FFFD, as the
    CLI and the MCP server read one (the widget's paste was refused where an agent's was answered).
    """
    if not value.strip():
        raise ValueError("text must not be empty")
    return without_lone_surrogates(value)


# What :func:`_readable_text` checks, stated in a schema for clients (HTTP's and the MCP tools').
_READABLE_TEXT_SCHEMA: JsonDict = {"minLength": 1, "pattern": r"\S"}


# The fields of a match request, declared once for every front end that takes one: the HTTP API's
# body (MatchRequest) and the MCP server's match_error tool (its search tool takes the scope too).
# The constraints are stated in the schema for clients and checked by the validators, which say
# what is wrong in words a person understands.
MatchText = Annotated[
    str,
    AfterValidator(_readable_text),
    Field(
        description="What the user pasted or typed, verbatim: an error message or code, log lines, a symptom",
        json_schema_extra=_READABLE_TEXT_SCHEMA,
    ),
]
# The validator after the constraints: before them, the schema states them in keys JSON Schema does
# not have ("ge", not "minimum"), which clients do not read.
MatchLimit = Annotated[int, Field(ge=1, le=MAX_MATCHES, description="Most matches to return"), IntegerOnly]
ProductScope = Annotated[
    str | None,
    Field(
        max_length=MAX_PRODUCT_CHARS,
        description="Only articles of this product, as their front matter names it (case-insensitive). "
        "A product no article has leaves nothing to answer from: leave it out unless you know the "
        "knowledge base's product names",
    ),
]
# Null as an MCP client may send it (its tool takes null), and as "product" takes it: no tags.
TagsScope = Annotated[
    list[Annotated[str, Field(max_length=MAX_TAG_CHARS)]] | None,
    Field(
        max_length=MAX_TAGS,
        description="Only articles carrying all these tags (front matter tags, case-insensitive); "
        "a tag no article has leaves nothing to answer from",
    ),
]


class MatchRequest(BaseModel):
    """A pasted error message, log excerpt or description of a symptom."""

    text: MatchText
    limit: MatchLimit = DEFAULT_MATCHES
    product: ProductScope = None
    tags: TagsScope = None

    # A key nobody reads is a client's mistake to report: "tag" for "tags" answered from every product.
    model_config = {"json_schema_extra": {"examples": [MATCH_REQUEST]}, "extra": "forbid"}

    def scope(self) -> Scope | None:
        """The articles this request may be answered from (None: all)."""
        return Scope.of(self.product, self.tags)


def loc_name(loc: tuple[Any, ...] | list[Any]) -> str:
    """``("body", "text")`` → ``"text"``; positions inside a JSON document are not field names."""
    if not loc or loc[0] not in ("body", "query", "path", "header"):
        return ""
    return ".".join(str(p) for p in loc[1:] if isinstance(p, str))


# The least body each route that reads one takes, to say what a request without one lacks.
BODY_SHAPES = {
    "/v1/match": '{"text": "..."}',
    "/v1/feedback": '{"query": "...", "problem_id": "...", "verdict": "yes"}',
}


# The fields each route's body may have, to name them when a body has another. (The feedback
# route's model lives with its route, which imports this module; a test checks the two agree.)
BODY_FIELDS = {
    "/v1/match": list(MatchRequest.model_fields),
    "/v1/feedback": ["query", "problem_id", "verdict"],
}


def unknown_field(name: str, fields: list[str]) -> str:
    """What to say of a field a request has that nobody reads (``fields``: the ones it may have)."""
    return f"{name}: no such field (the fields are {', '.join(fields)})"


def describe_validation_error(err: dict[str, Any], *, path: str = "/v1/match") -> str:
    """One validation error as a sentence a person understands (``path``: the route asked)."""
    kind = err.get("type", "")
    loc = tuple(err.get("loc", ()))
    msg = str(err.get("msg", "invalid value"))
    where = loc[0] if loc else "body"
    name = loc_name(loc)
    if kind == "json_invalid":
        reason = str((err.get("ctx") or {}).get("error", ""))
        # Where the decoder stopped is in the location ("Invalid control character at" said no more).
        at = next((p for p in loc[1:] if isinstance(p, int)), None)
        if reason and at is not None:
            reason = f"{reason.removesuffix(' at')} at character {at + 1}"
        return f"request body is not valid JSON{': ' + reason if reason else ''}"
    if kind == "value_error":
        # Our own validators write complete sentences that name the field.
        return msg.removeprefix("Value error, ")
    if kind == "missing" and where == "body" and not name:
        shape = BODY_SHAPES.get(path)
        return (
            f"request body is required: a JSON object such as {shape}"
            if shape
            else "request body is required"
        )
    if kind == "extra_forbidden" and where == "query":
        known = (err.get("ctx") or {}).get("known") or []
        return f"{name}: no such parameter (the parameters are {', '.join(known) or 'none'})"
    if kind == "extra_forbidden" and not name:
        # The whole body is what is not read (a route that takes none): its message says so.
        return msg
    if kind == "extra_forbidden":
        return unknown_field(name, BODY_FIELDS.get(path, BODY_FIELDS["/v1/match"]))
    if kind == "missing":
        return f"{name} is required" if name else "a required value is missing"
    if not name:
        return f"request {where}: {msg[:1].lower() + msg[1:]}"
    return f"{name}: {msg[:1].lower() + msg[1:]}"
