"""kb-answer as an MCP server: the knowledge base as tools an AI agent can call.

``kb mcp --db kb.db`` serves three tools over stdio with the official MCP SDK.
Each is a thin shell over the core (:func:`api.matcher.match` and
:mod:`api.lookups`) and returns the same Markdown a person reads
(:func:`api.render.to_markdown`) as its text content, plus the result's JSON
(the shapes in ``api/schema/``) as structured content for programs.
"""

from __future__ import annotations

import signal
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Annotated, Any

from mcp.server.mcpserver import Context, MCPServer
from mcp.server.mcpserver.exceptions import ToolError, UnexpectedToolError
from mcp.shared.exceptions import MCPError
from mcp.types import (
    INVALID_PARAMS,
    CallToolResult,
    GetPromptResult,
    InputRequiredResult,
    TextContent,
    ToolAnnotations,
)
from pydantic import BaseModel, Field, ValidationError

from api.knowledge import KnowledgeBase
from api.limits import (
    DEFAULT_MATCHES,
    DEFAULT_PAGE,
    DEFAULT_SUGGESTIONS,
    MAX_OFFSET,
    MAX_PAGE,
    MAX_SEARCH_CHARS,
    MAX_SUGGESTIONS,
)
from api.lookups import list_articles, show
from api.lookups import search as run_search
from api.matcher import match
from api.mcp_stdio import answered_before_eof
from api.models import ArticlePage, MatchResult, SearchResult
from api.query import Scope
from api.render import to_markdown
from api.requests import (
    IntegerOnly,
    MatchLimit,
    MatchText,
    ProductScope,
    TagsScope,
    describe_validation_error,
    unknown_field,
)
from api.version import installed_version
from indexer.errors import IndexDamagedError, KbError

INSTRUCTIONS = """\
kb-answer holds the support team's troubleshooting articles: problems, the error
messages and codes they are found by, their causes and ordered resolution steps.
Start with match_error whenever you have an error message, error code, log
excerpt or symptom description. Use search to browse by title or code prefix,
get_article to read a problem or article in full, and list_articles for the
articles there are, with the product and tags that scope match_error and search. Answer only from what the
tools return: when match_error reports "No confident match", the knowledge base
has no reliable answer, so say so instead of guessing or adapting a
low-confidence result."""

MATCH_DESCRIPTION = """\
Find the troubleshooting steps for an error or symptom. This is the tool to call
first when a user reports a problem.

Pass the text exactly as the user or the system produced it: a pasted error
message, an error code (e.g. AADSTS50011), a JSON error body, a stack trace or a
whole log excerpt. Pass the whole message with its code when you have it: a
code that several documented problems share is told apart by their messages,
and alone it may get no confident match. Do not paraphrase or summarise it; the
tool picks the error lines out of long text itself (text over 64 KB is read as a log: the
error lines of its last 1 MB are matched).

Returns the best matching problems, best first, each with its article, cause
and numbered resolution steps, as Markdown; the structured result has the
same data as JSON (matches[].confidence, score, problem.id, steps).

Confidence: "high" means the error message or code matched a documented
problem and no other as well (only the first match can be high); follow its
steps. "medium" is a likely answer (a description in the user's own words is
at most medium); check that the symptoms agree before relying on it. "low" is
not an answer. When the result
says "No confident match" (no_confident_match is true), the knowledge base does
not document this problem: tell the user so, and do not guess steps or present
the closest low-confidence titles as the fix. Use a problem id from the result
(ARTICLE#N) with get_article to read the problem in full."""

GET_DESCRIPTION = """\
Read one problem or a whole article from the knowledge base by id.

Use an id that match_error or search returned: "ARTICLE#N" (e.g.
"jumpcloud-m365#2") gives that problem with its symptoms, error messages,
cause and every resolution step; a bare article id (e.g. "jumpcloud-m365")
gives the whole article with all its problems. Fails with an error for an
unknown id; do not invent ids."""

SEARCH_DESCRIPTION = """\
Search-as-you-type over problem titles, article titles and error codes: every
word must appear and the last may be a prefix (e.g. "aadsts500", "sync upn").
Returns problem ids and titles only, without steps; follow up with get_article.
Use it to browse what the knowledge base covers or to find a problem by name.
For a pasted error message or log, use match_error instead: search does not
rank by how well an error fits and has no notion of confidence."""

LIST_DESCRIPTION = """\
List the knowledge base's articles by title, a page at a time: each with its id,
its number of problems, and the product and tags it is filed under. Use it to
learn the product and tag names that match_error and search accept as a scope,
or to see what the knowledge base covers; read one with get_article."""

# Lookups only, within our own index: a client may call them without asking the user.
_READ_ONLY = ToolAnnotations(read_only_hint=True, open_world_hint=False)


def _result(value: BaseModel) -> CallToolResult:
    """Markdown for the model to read, the same result as JSON for programs."""
    return CallToolResult(
        content=[TextContent(type="text", text=to_markdown(value))],
        structured_content=value.model_dump(mode="json"),
    )


def _described(exc: ValidationError) -> str:
    """What is wrong with a tool's arguments, in the words the HTTP API uses for its body."""
    # The arguments are the body of a call: located there, each error names its argument.
    errors = [describe_validation_error({**e, "loc": ("body", *e["loc"])}) for e in exc.errors()[:3]]
    return "; ".join(dict.fromkeys(errors))


class _Server(MCPServer):
    """An MCPServer whose tools refuse bad arguments in words, as the HTTP API does."""

    async def call_tool(
        self, name: str, arguments: dict[str, Any], context: Context[Any, Any] | None = None
    ) -> CallToolResult | InputRequiredResult:
        """Call a tool; arguments its signature refuses are reported in the HTTP API's words,
        not as pydantic's report (which links to pydantic's web pages). An argument the tool does
        not have is refused too, as by the HTTP API: "tag" for "tags" was ignored, unscoped."""
        tool = next((t for t in await self.list_tools() if t.name == name), None)
        if tool is not None:
            fields = list(tool.input_schema.get("properties", {}))
            unknown = [key for key in arguments or {} if key not in fields]
            if unknown:
                raise ToolError(f"Error executing tool {name}: {unknown_field(unknown[0], fields)}")
        try:
            return await super().call_tool(name, arguments, context)
        except ToolError as exc:
            if isinstance(exc.__cause__, ValidationError) and not isinstance(exc, UnexpectedToolError):
                raise ToolError(f"Error executing tool {name}: {_described(exc.__cause__)}") from exc
            raise

    async def get_prompt(
        self, name: str, arguments: dict[str, Any] | None = None, context: Context[Any, Any] | None = None
    ) -> GetPromptResult | InputRequiredResult:
        """A prompt by name. This server offers none: asking for one is the client's mistake,
        answered as invalid params, not as a server error with a traceback in the client's log."""
        if name not in {prompt.name for prompt in await self.list_prompts()}:
            raise MCPError(INVALID_PARAMS, f"Unknown prompt: {name}")
        return await super().get_prompt(name, arguments, context)


@contextmanager
def _tool_errors(kb: KnowledgeBase) -> Iterator[None]:
    """kb-answer's errors as the tool error an agent reads; a damaged index names its file."""
    try:
        yield
    except sqlite3.DatabaseError as exc:
        raise ToolError(str(IndexDamagedError(kb.path, exc))) from exc
    except KbError as exc:
        raise ToolError(str(exc)) from exc


def create_server(kb: KnowledgeBase) -> MCPServer:
    """An MCP server answering from ``kb``; the caller runs it (``server.run("stdio")``)."""
    # WARNING: the SDK logs every request at INFO; stderr is the client's log, keep it readable.
    server: MCPServer = _Server(
        name="kb-answer", instructions=INSTRUCTIONS, version=installed_version(), log_level="WARNING"
    )

    def lookup_tool(name: str, title: str, description: str) -> Any:
        """Register a tool that only reads the index (see _READ_ONLY)."""
        return server.tool(name=name, title=title, description=description, annotations=_READ_ONLY)

    @lookup_tool("match_error", "Match an error to its fix", MATCH_DESCRIPTION)
    def match_error(
        text: MatchText,
        limit: MatchLimit = DEFAULT_MATCHES,
        product: ProductScope = None,
        tags: TagsScope = None,
    ) -> Annotated[CallToolResult, MatchResult]:
        # Long text is the core's to cut, as for the command line: it reads a long paste as a log.
        with _tool_errors(kb):
            return _result(match(kb, text, limit=limit, scope=Scope.of(product, tags)))

    @lookup_tool("get_article", "Read a problem or article", GET_DESCRIPTION)
    def get_article(
        id: Annotated[str, Field(description='"ARTICLE#N" for one problem, or an article id')],
    ) -> CallToolResult:
        # Two shapes (ArticleOut or ProblemDetail), so no single declared output schema.
        with _tool_errors(kb):
            return _result(show(kb, id))

    @lookup_tool("search", "Search problem titles and codes", SEARCH_DESCRIPTION)
    def search(
        query: Annotated[
            str,
            Field(max_length=MAX_SEARCH_CHARS, description="Words or an error-code prefix, as typed so far"),
        ],
        limit: Annotated[
            int, Field(ge=1, le=MAX_SUGGESTIONS, description="Most suggestions to return"), IntegerOnly
        ] = DEFAULT_SUGGESTIONS,
        product: ProductScope = None,
        tags: TagsScope = None,
    ) -> Annotated[CallToolResult, SearchResult]:
        with _tool_errors(kb):
            return _result(run_search(kb, query, limit=limit, scope=Scope.of(product, tags)))

    @lookup_tool("list_articles", "List the articles", LIST_DESCRIPTION)
    def list_articles_tool(
        offset: Annotated[
            int, Field(ge=0, le=MAX_OFFSET, description="How many articles to skip"), IntegerOnly
        ] = 0,
        limit: Annotated[
            int, Field(ge=1, le=MAX_PAGE, description="Most articles to return"), IntegerOnly
        ] = DEFAULT_PAGE,
    ) -> Annotated[CallToolResult, ArticlePage]:
        with _tool_errors(kb):
            return _result(list_articles(kb, offset=offset, limit=limit))

    return server


def serve_stdio(kb: KnowledgeBase) -> None:
    """Serve ``kb`` over standard input and output until the client disconnects, answering
    every request it sent first (see :mod:`api.mcp_stdio`); Ctrl-C (SIGINT) ends it at once."""
    # Python's KeyboardInterrupt stopped the event loop, which then waited for the thread reading
    # standard input: the server went on, answering nothing, until the next line or the end of
    # input. Interrupted, it ends as SIGTERM ends it, with the signal's own exit status.
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    with answered_before_eof():
        create_server(kb).run("stdio")
