"""The JSON shapes kb-answer returns, shared by the HTTP API, the CLI and the MCP server.

Changing a field here changes every front end at once; ``api/schema/*.json`` is
generated from these models (``kb schema``) and a test keeps it in step.
"""

from __future__ import annotations

from typing import Any, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field

from api.limits import STORED_QUERY_CHARS
from indexer.records import Article, Note, OutlineEntry, Problem, Step, problem_id

Confidence = Literal["high", "medium", "low"]


class Shape(BaseModel):
    """Base of every shape: validators are built on first use, so a one-shot command
    pays only for the shapes it returns.

    The shapes kb-answer builds from its own index (the helpers below, the matcher,
    the lookups) are made with ``model_construct``: the indexer already checked that
    data, and validating it again would build the validators (schema generation and
    pydantic's scan of every installed package for plugins), the largest cost of a
    one-shot `kb match` after its imports. Input from outside (HTTP bodies, a remote
    server's answers) is still validated. ``tests/test_json_output.py`` checks that
    what is constructed validates.
    """

    model_config = ConfigDict(defer_build=True)


S = TypeVar("S", bound=Shape)
_set = object.__setattr__


def built(shape: type[S], values: dict[str, Any]) -> S:
    """What ``shape.model_construct(**values)`` makes when ``values`` holds every field of ``shape``, in
    their order: a match's shapes, made for every answer, at a third of the cost of model_construct's
    look for aliases and defaults, which none of them has (``tests/test_json_output.py`` compares the two)."""
    made = shape.__new__(shape)
    _set(made, "__dict__", values)
    _set(made, "__pydantic_fields_set__", set(values))
    _set(made, "__pydantic_extra__", None)
    _set(made, "__pydantic_private__", None)
    return made


Verdict = Literal["yes", "no"]


class StepOut(Shape):
    """A resolution step; ``steps`` holds the sub-steps nested under it."""

    number: str = Field(description="Position as the reader sees it: '1', '2.3'")
    text: str = Field(description="The step as plain text")
    markdown: str = Field(description="The step as the author wrote it, in Markdown")
    group: str | None = Field(None, description="Heading or lead-in the step sits under, e.g. 'Method 2'")
    line: int = Field(description="Source line of the step in its article")
    steps: list[StepOut] = Field(default_factory=list, description="Nested sub-steps, in order")


class NoteOut(Shape):
    """What a fix says besides its steps: a lead-in before a group of steps, or a remark after them."""

    text: str = Field(description="The note as plain text")
    markdown: str = Field(description="The note as the author wrote it, in Markdown")
    group: str | None = Field(None, description="The group of the steps it stands with, as in StepOut.group")
    after: bool = Field(
        description="True when a step of its group stands above it (a remark on that step: a fallback, "
        "a check, a link); false when it comes before the steps (a prerequisite, a warning)"
    )
    line: int = Field(
        description="Source line of the note in its article: a note stands among the steps by it"
    )


NOTES = "The fix's lead-ins and remarks around its steps (shown with them), in the author's order"


ARTICLE_URL = Field(
    None,
    description="Where readers can open the original article (front matter url, or its folder's "
    "kb-answer.yml); relative links in steps resolve against it. Null when not configured.",
)
# What an answer's article is scoped by: a client can route an answer by them, or learn what to ask.
PRODUCT: Any = Field(
    "", description="The article's product (front matter product), what a product scope names; '' for none"
)
TAGS: Any = Field(
    default_factory=list, description="The article's tags (front matter tags), what a tag scope names"
)


class ArticleRef(Shape):
    """Which article an answer comes from."""

    id: str
    title: str
    source: str = Field(description="Path of the article file, relative to the folder it was indexed from")
    url: str | None = ARTICLE_URL
    product: str = PRODUCT
    tags: list[str] = TAGS


class ProblemOut(Shape):
    """A problem an article answers, without its steps."""

    id: str
    title: str
    symptoms: str
    error_messages: list[str]
    error_codes: list[str]
    seen_in: str
    cause: str


class Evidence(Shape):
    """Why a problem matched: which part of the query agreed with which field."""

    field: Literal["error_code", "error_message", "title"] = Field(
        description="What agreed: an error code both name, the problem's error message, or its title"
    )
    query_part: str = Field(description="The part of the query that matched")
    matched: str = Field(description="The text of the field it matched")
    score: float = Field(ge=0, le=1)


class Match(Shape):
    """One answer: a problem, its article, its ordered steps, and how sure we are."""

    score: float = Field(ge=0, le=1, description="Calibrated confidence, 0 to 1")
    confidence: Confidence
    article: ArticleRef
    problem: ProblemOut
    steps: list[StepOut]
    notes: list[NoteOut] = Field(default_factory=list, description=NOTES)
    evidence: list[Evidence]


SCOPE_ARTICLES = (
    "With a product or tags: how many articles of the index have them (the only ones answered from); "
    "0 when none has, as with a misspelt product or tag. Null when the whole knowledge base is searched"
)


class MatchResult(Shape):
    """The answer to one query: matches best first, and whether any is confident."""

    query: str = Field(description="The query as received (cut to the first 200 characters)")
    error_codes: list[str] = Field(description="Error codes recognised in the query")
    matches: list[Match]
    no_confident_match: bool = Field(
        description="True when no match returned reaches medium confidence: the knowledge base has no "
        "reliable answer (`kb match --min-confidence` first drops the matches below its level)"
    )
    truncated: bool = Field(
        False, description="True when the query was cut to the size limit before matching"
    )
    scope_articles: int | None = Field(None, description=SCOPE_ARTICLES)


class ProblemDetail(ProblemOut):
    """A problem with its article and steps, as `kb show` and GET /v1/problems/{id} return it."""

    article: ArticleRef
    steps: list[StepOut]
    notes: list[NoteOut] = Field(default_factory=list, description=NOTES)


class ProblemInArticle(ProblemOut):
    """A problem inside an article listing, with its steps."""

    steps: list[StepOut]
    notes: list[NoteOut] = Field(default_factory=list, description=NOTES)


class ArticleOut(Shape):
    """A whole article rebuilt from the index: its problems in the author's order."""

    id: str
    title: str
    source: str
    url: str | None = ARTICLE_URL
    product: str
    tags: list[str]
    description: str
    problems: list[ProblemInArticle]


class ArticleSummary(Shape):
    """One line of an article listing."""

    id: str
    title: str
    source: str
    problems: int
    product: str = PRODUCT
    tags: list[str] = TAGS


class ArticlePage(Shape):
    """A page of the article listing."""

    total: int
    offset: int
    limit: int
    articles: list[ArticleSummary]


class SearchHit(Shape):
    """A search-as-you-type suggestion: a problem, by its title and codes."""

    problem_id: str
    title: str
    article: ArticleRef
    error_codes: list[str]


class SearchResult(Shape):
    """Suggestions for a partial query."""

    query: str
    hits: list[SearchHit]
    scope_articles: int | None = Field(None, description=SCOPE_ARTICLES)


class FeedbackOut(Shape):
    """One stored verdict."""

    id: int
    query: str = Field(
        description=(
            f"The query the answer was for: its first {STORED_QUERY_CHARS} characters, "
            "addresses, GUIDs and such replaced by <value>"
        )
    )
    problem_id: str = Field(description="The problem that was shown, ARTICLE#N")
    verdict: Verdict = Field(description="yes: it helped; no: it did not")
    created_at: str = Field(description="When it was given, ISO 8601 UTC")


class UnansweredQuery(Shape):
    """A query that got no confident match, with how often it was asked."""

    query: str = Field(description="The latest wording of the query, kept as FeedbackOut.query is")
    asked: int = Field(description="Times asked, counting wordings that differ only in variable values")
    first_asked: str
    last_asked: str


class ProblemVerdicts(Shape):
    """How readers judged the answers of one problem."""

    problem_id: str
    yes: int
    no: int


class FeedbackReport(Shape):
    """What the authors should look at: what nobody could answer, then how answers were judged."""

    unanswered: list[UnansweredQuery] = Field(
        description="Queries with no confident match, most asked first: what to write next"
    )
    problems: list[ProblemVerdicts] = Field(description="Verdicts per problem, most 'no' first")
    feedback: list[FeedbackOut] = Field(description="The latest verdicts, newest first")
    total_feedback: int = Field(
        description="Verdicts given in all (counted per problem and kept, also after old rows age out)"
    )


class SectionUse(Shape):
    """One heading of an article and what the indexer made of it."""

    line: int
    level: int = Field(
        description="Heading level: 1-6 for a Markdown heading; 7 for a bold question standing in for one, "
        "8 for a bold label (**Cause:**), 9 for a labelled way to fix it under such a label (**Option 1**)"
    )
    title: str
    use: str = Field(
        description="'problem N', 'problem N: cause' (a part of it), 'boilerplate', 'body', or "
        "'body: steps beside framed problems' (a section of steps that is no problem of its own, "
        "because the article's problems are framed by Symptoms/Resolution headings), or, for the "
        "article's '#' heading when it differs from its front matter title, 'article title, not the "
        "front matter title \"...\"' (the heading is the article's title)"
    )


class QuotedText(Shape):
    """A piece of text a problem was given, and the source line it came from."""

    text: str
    line: int


class StepOrigin(Shape):
    """Where a step came from."""

    number: str
    group: str | None
    line: int
    text: str


class ProblemStructure(Shape):
    """How one problem was assembled: each field with the lines it came from."""

    id: str
    title: str
    line: int = Field(description="Line of the heading that titles it")
    whole_article: bool = Field(description="True when no structure was found and the article is one problem")
    title_is_name: bool = Field(
        default=False,
        description="True when the heading is written as code, the name of a command or setting: "
        "its title is not compared with pasted errors as if it were an error message",
    )
    symptoms_lines: list[int]
    error_messages: list[QuotedText]
    error_codes: list[str]
    cause_lines: list[int]
    seen_in_lines: list[int]
    steps: list[StepOrigin]
    notes: list[NoteOut] = Field(default_factory=list, description=NOTES)


class ArticleStructure(Shape):
    """How an article was read, for its author: problems with their origins, and every heading's use."""

    id: str
    title: str
    source: str
    problems: list[ProblemStructure]
    outline: list[SectionUse]
    body_chars: int = Field(description="Characters of searchable text that no problem holds")


def nest_steps(steps: list[Step]) -> list[StepOut]:
    """Turn the flat, ordered step records into the nested shape the author wrote."""
    roots: list[StepOut] = []
    by_number: dict[tuple[str | None, str], StepOut] = {}
    for step in steps:
        # steps given, not left to its default_factory: model_construct calls a factory
        # through inspect.signature, which costs more than the rest of the step.
        out = StepOut.model_construct(
            number=step.number,
            text=step.text,
            markdown=step.markdown,
            group=step.group,
            line=step.line,
            steps=[],
        )
        parent = by_number.get((step.group, step.parent)) if step.parent else None
        (parent.steps if parent else roots).append(out)
        by_number[(step.group, step.number)] = out
    return roots


def notes_out(notes: list[Note]) -> list[NoteOut]:
    """The API shape of a problem's notes."""
    return [
        NoteOut.model_construct(text=n.text, markdown=n.markdown, group=n.group, after=n.after, line=n.line)
        for n in notes
    ]


def article_ref(article: Article) -> ArticleRef:
    """The reference to ``article`` used inside other shapes."""
    return ArticleRef.model_construct(**_ref_fields(article))


def _ref_fields(article: Article) -> dict[str, Any]:
    """The fields of :class:`ArticleRef`, which ArticleOut has too."""
    return {
        "id": article.id,
        "title": article.title,
        "source": article.source,
        "url": article.url,
        "product": article.product,
        "tags": article.tags,
    }


def _problem_fields(article: Article, problem: Problem) -> dict[str, Any]:
    """The fields of :class:`ProblemOut`, which ProblemDetail and ProblemInArticle extend."""
    return {
        "id": problem_id(article.id, problem.ordinal),
        "title": problem.title,
        "symptoms": problem.symptoms,
        "error_messages": problem.error_messages,
        "error_codes": problem.error_codes,
        "seen_in": problem.seen_in,
        "cause": problem.cause,
    }


def problem_out(article: Article, problem: Problem) -> ProblemOut:
    """A problem's fields without its steps."""
    return ProblemOut.model_construct(**_problem_fields(article, problem))


def problem_detail(article: Article, problem: Problem) -> ProblemDetail:
    """A problem with its article reference and nested steps."""
    return ProblemDetail.model_construct(
        **_problem_fields(article, problem),
        article=article_ref(article),
        steps=nest_steps(problem.steps),
        notes=notes_out(problem.notes),
    )


def article_out(article: Article) -> ArticleOut:
    """A whole article with every problem and its steps."""
    return ArticleOut.model_construct(
        **_ref_fields(article),
        description=article.description,
        problems=[
            ProblemInArticle.model_construct(
                **_problem_fields(article, p), steps=nest_steps(p.steps), notes=notes_out(p.notes)
            )
            for p in article.problems
        ],
    )


def article_structure(article: Article) -> ArticleStructure:
    """How ``article`` was read: each problem's origins and each heading's use."""
    problems = []
    for p in article.problems:
        origins = p.origins
        lines = origins.get("error_messages", [])
        problems.append(
            ProblemStructure.model_construct(
                id=problem_id(article.id, p.ordinal),
                title=p.title,
                line=p.line,
                whole_article=p.whole_article,
                title_is_name=p.title_is_name,
                symptoms_lines=origins.get("symptoms", []),
                error_messages=[
                    QuotedText.model_construct(text=m, line=lines[i] if i < len(lines) else 0)
                    for i, m in enumerate(p.error_messages)
                ],
                error_codes=p.error_codes,
                cause_lines=origins.get("cause", []),
                seen_in_lines=origins.get("seen_in", []),
                steps=[
                    StepOrigin.model_construct(number=s.number, group=s.group, line=s.line, text=s.text)
                    for s in p.steps
                ],
                notes=notes_out(p.notes),
            )
        )
    return ArticleStructure.model_construct(
        id=article.id,
        title=article.title,
        source=article.source,
        problems=problems,
        outline=[_section_use(e) for e in article.outline],
        body_chars=len(article.body),
    )


def _section_use(entry: OutlineEntry) -> SectionUse:
    return SectionUse.model_construct(line=entry.line, level=entry.level, title=entry.title, use=entry.use)
