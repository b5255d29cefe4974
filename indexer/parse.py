"""One article file → an :class:`~indexer.records.Article`, or a warning saying why not."""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache
from pathlib import Path, PurePosixPath
from urllib.parse import quote, urlsplit

import yaml

from indexer.errors import ArticleError
from indexer.markdown_article import read_markdown
from indexer.records import Article
from indexer.sections import parse_sections
from indexer.text_article import problems_from_text

ARTICLE_SUFFIXES = (".md", ".markdown", ".txt")
# 50 times the largest real article seen; parsing takes ~7 s per MB of list items, so a
# pasted log or an export of a whole knowledge base is refused rather than stalling a run.
MAX_ARTICLE_BYTES = 1024 * 1024
# A folder's settings for all the articles under it (see kb/README.md).
FOLDER_SETTINGS = "kb-answer.yml"
URL_FIELDS = ("{id}", "{path}")


def content_hash(data: bytes, *context: str) -> str:
    """The hash that decides whether an article changed since it was last indexed.

    ``context`` is what else its record depends on (its folder's URL template), so
    a change there parses the article again; so does a new version of the reader.
    """
    digest = hashlib.sha256(data)
    for item in (*context, reader_fingerprint()):
        if item:
            digest.update(b"\0" + item.encode("utf-8"))
    return digest.hexdigest()


@lru_cache(maxsize=1)
def reader_fingerprint() -> str:
    """A digest of the indexer's own code.

    After an upgrade that reads articles differently, a reindex parses every article
    again instead of keeping the old reading of the files that did not change.
    """
    digest = hashlib.sha256()
    for path in sorted(Path(__file__).parent.glob("*.py")):
        digest.update(path.name.encode("utf-8") + b"\0" + path.read_bytes())
    return digest.hexdigest()


def _web_address(value: str) -> bool:
    parts = urlsplit(value)
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def folder_url_template(data: bytes) -> str | None:
    """The URL template in a folder's kb-answer.yml (given as its bytes), if it has one.

    The template is an absolute http(s) URL with ``{path}`` (the article file's
    path in the folder, without its suffix) or ``{id}`` (its article id).
    Raises :class:`ArticleError` naming the file when it cannot be used.
    """
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ArticleError(FOLDER_SETTINGS, 1, "not UTF-8 text") from exc
    template = _front_matter(text, FOLDER_SETTINGS, first_line=1).get("url")
    if template is None:
        return None
    if (
        not isinstance(template, str)
        or not _web_address(template)
        or not any(f in template for f in URL_FIELDS)
    ):
        raise ArticleError(
            FOLDER_SETTINGS, 1, "url must be an absolute http(s) URL containing {path} or {id}"
        )
    return template


def article_url(template: str, article_id: str, source: str) -> str:
    """``template`` filled in for one article (``source`` is its path in the folder)."""
    path = str(PurePosixPath(source).with_suffix(""))
    return template.replace("{id}", quote(article_id, safe="")).replace("{path}", quote(path, safe="/"))


def slugify(text: str) -> str:
    """A lowercase, hyphenated id from a file stem or title."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "article"


def parse_article(data: bytes, source: str, *, url_template: str | None = None) -> Article:
    """Parse the bytes of one article file; ``source`` is its path as reported.

    The article's ``url`` is its front matter's ``url``, else ``url_template``
    (from its folder's settings) filled in, else ``None``. Raises
    :class:`ArticleError` (with file and line) when the file cannot be read as an
    article.
    """
    if len(data) > MAX_ARTICLE_BYTES:
        raise ArticleError(
            source, 1, f"file is {len(data)} bytes, over the {MAX_ARTICLE_BYTES}-byte limit for one article"
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ArticleError(source, line, f"not UTF-8 text (byte 0x{data[exc.start]:02x})") from exc
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise ArticleError(source, 1, "file is empty")
    stem = Path(source).stem
    digest = content_hash(data, url_template or "")
    if source.lower().endswith(".txt"):
        problems = problems_from_text(text)
        title = problems[0].title if problems else stem
        article_id = slugify(stem)
        return Article(
            id=article_id,
            title=title,
            source=source,
            content_hash=digest,
            url=article_url(url_template, article_id, source) if url_template else None,
            problems=problems,
            has_front_matter=False,
        )
    parsed = parse_sections(text)
    meta = _front_matter(parsed.front_matter, source)
    article_id = str(meta.get("id") or slugify(stem))
    root = parsed.root
    preface = []
    h1 = [c for c in root.children if c.level == 1]
    if (
        root.children == h1
        and len(h1) == 1
        and not any(b.type in ("bullet_list", "ordered_list") for b in root.blocks)
    ):
        preface = root.blocks
        root = h1[0]
    title = str(meta.get("title") or "").strip()
    if root.level == 1:
        title = root.title or title
    title = title or stem
    lines = text.split("\n")
    tags = meta.get("tags") or []
    given = meta.get("url")
    if given is not None and not (isinstance(given, str) and _web_address(given)):
        line = next((n for n, raw in enumerate(lines, start=1) if raw.startswith("url:")), 1)
        raise ArticleError(source, line, f"url must be an absolute http(s) URL, not {given!r}")
    if isinstance(given, str):
        url: str | None = given
    else:
        url = article_url(url_template, article_id, source) if url_template else None
    read = read_markdown(root, title, lines, preface=preface)
    return Article(
        id=article_id,
        has_front_matter=bool(parsed.front_matter.strip()),
        title=title,
        source=source,
        content_hash=digest,
        url=url,
        product=str(meta.get("product") or meta.get("ms.service") or ""),
        tags=[str(t) for t in (tags if isinstance(tags, list) else [tags])],
        description=str(meta.get("description") or ""),
        problems=read.problems,
        body=read.body,
        outline=read.outline,
    )


def _front_matter(raw: str, source: str, *, first_line: int = 2) -> dict[str, object]:
    """The YAML mapping in ``raw``, whose first line is line ``first_line`` of ``source``."""
    if not raw.strip():
        return {}
    # Tabs are not YAML whitespace, but authors paste them into values.
    raw = raw.replace("\t", " ")
    try:
        # libyaml's loader when the wheel has it (it does on every major platform): 10x faster.
        meta = yaml.load(raw, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError:
        meta = _explain_yaml(raw, source, first_line)
    if not isinstance(meta, dict):
        raise ArticleError(source, first_line, "front matter must be a YAML mapping of keys to values")
    return meta


def _explain_yaml(raw: str, source: str, first_line: int) -> object:
    """Parse broken front matter again with the pure-Python loader, whose messages say more, and raise."""
    try:
        return yaml.safe_load(raw)
    except yaml.YAMLError as exc:
        # Point at the construct that is broken (an unclosed bracket's opening line) in file
        # lines; YAML's own message counts lines from the start of the front matter.
        mark = getattr(exc, "context_mark", None) or getattr(exc, "problem_mark", None)
        line = mark.line + first_line if mark is not None else 1
        problem = getattr(exc, "problem", None) or str(exc).split("\n")[0]
        context = getattr(exc, "context", None)
        detail = f"{problem} ({context})" if context else problem
        raise ArticleError(source, line, f"front matter is not valid YAML: {detail}") from exc
