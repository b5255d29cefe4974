"""One article file → an :class:`~indexer.records.Article`, or a warning saying why not."""

from __future__ import annotations

import codecs
import hashlib
import re
import unicodedata
from collections.abc import Callable
from dataclasses import replace
from functools import lru_cache
from itertools import islice, takewhile
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import quote, urlsplit

import yaml
from markdown_it.tree import SyntaxTreeNode
from yaml.constructor import ConstructorError, SafeConstructor

from indexer.asciidoc_text import ASCIIDOC_SUFFIXES, asciidoc_markdown
from indexer.bbcode_text import bbcode_markdown
from indexer.chat_export_text import chat_export_markdown
from indexer.creole_text import creole_markdown
from indexer.dokuwiki_text import dokuwiki_markdown
from indexer.errors import ArticleError
from indexer.errortext import labelled_numbers
from indexer.heading_text import SECTION_NUMBER
from indexer.html_article import (
    HTML_SUFFIXES,
    SITE_NAME_SEPARATOR,
    HtmlPage,
    declared_encoding,
    is_html_file,
    read_html_page,
    site_name,
)
from indexer.ibmi_text import message_description_markdown
from indexer.info_text import info_markdown
from indexer.jira_text import jira_markdown
from indexer.logseq_text import logseq_markdown
from indexer.man_text import man_markdown
from indexer.markdown_article import read_markdown
from indexer.markup import NestedTooDeep, UnclosedFence, with_ref_titles
from indexer.mediawiki_text import mediawiki_markdown
from indexer.org_text import org_markdown
from indexer.pod_text import pod_markdown
from indexer.records import (
    MAX_PRODUCT_CHARS,
    MAX_TAG_CHARS,
    Article,
    OutlineEntry,
    Problem,
    without_terminal_controls,
)
from indexer.remarkup_text import remarkup_markdown
from indexer.roff_text import roff_markdown
from indexer.roles import (
    PROBLEM_PART_ROLES,
    SUBJECT_PREFIX,
    Role,
    heading_role,
    is_container_title,
    is_title_field,
    names_environment,
    names_product_field,
    names_status,
    names_tags_field,
)
from indexer.rst_text import RST_SUFFIXES, rst_markdown
from indexer.sections import (
    InlineLabel,
    Section,
    block_text,
    cell_texts,
    is_email_header,
    page_field_blocks,
    parse_sections,
    table_rows,
)
from indexer.slack_text import slack_markdown
from indexer.text_article import first_line_title, read_text_article
from indexer.textile_text import textile_markdown
from indexer.tiddlywiki_text import tiddlywiki_markdown
from indexer.tml_text import tml_markdown
from indexer.toml_front_matter import closing_fence, is_fence, read_toml_front_matter
from indexer.trac_text import trac_markdown
from indexer.transcript_text import transcript_markdown
from indexer.usenet_text import usenet_markdown
from indexer.vim_help_text import vim_help_markdown
from indexer.vms_help_text import vms_help_markdown
from indexer.xwiki_text import xwiki_markdown
from indexer.zim_text import zim_markdown

# A TiddlyWiki tiddler's own file (".tid") is text, read as the .txt it would be saved as.
TEXT_SUFFIXES = (".txt", ".tid")
ARTICLE_SUFFIXES = (
    ".md",
    ".markdown",
    ".mdx",
    *HTML_SUFFIXES,
    *TEXT_SUFFIXES,
    *ASCIIDOC_SUFFIXES,
    *RST_SUFFIXES,
)
# 50 times the largest real article seen. Parsing costs grow with the markup: a real article
# takes ~10 ms per 20 KB, but 1 MB of one-line list items takes ~30 s and 1 MB of "[" about a
# minute (in a worker process, beside the server's answers), so a pasted log or an export of a
# whole knowledge base is refused rather than stalling a run for longer.
MAX_ARTICLE_BYTES = 1024 * 1024
# Emphasis and link markers a Markdown article may hold. markdown-it reads each far more slowly
# than plain text (a "[" takes about 15 µs, a character of prose 0.3 µs), so 1 MB of them held a
# run for 13-16 s; the most in the three corpora is 2,407 (Homebrew's manpage, 135 KB).
MARKERS = ("[", "*", "_")
MAX_MARKERS = 100_000
_MARKER = re.compile("[" + re.escape("".join(MARKERS)) + "]")
# Headings, each a section every reader goes through: 60,000 (800 KB) took 10 s and 600 MB. The
# most in the three corpora is 135.
MAX_HEADINGS = 5_000
_HEADING = re.compile(r"^ {0,3}#{1,6}(?:[ \t]|$)", re.MULTILINE)
# Lines of text (not blank) of one Markdown article. markdown-it reads each block at 50-150 µs, so
# 1 MB of one-line blocks (paragraphs, quotes, list items) held a run for 20-30 s; the most in the
# three corpora is 3,013 (Homebrew's manpage), and 20,000 of the costliest blocks take about 2.5 s.
MAX_LINES = 20_000
_LINE = re.compile(r"^[ \t]*+\S", re.MULTILINE)
# Steps of one problem, nested ones included; the longest in the shared corpora has 326
# (a manual page's list of commands).
MAX_STEPS_PER_PROBLEM = 1000
# Problems and steps of one article: its page (`kb show`, /v1/articles) carries all of them. The
# largest in the shared corpora has 130 problems and 1,745 steps (a manual page); a 1 MB file of
# one-line problems had 50,000, and rendering its page held a server worker for seven seconds.
MAX_PROBLEMS_PER_ARTICLE = 1000
MAX_STEPS_PER_ARTICLE = 5000
# A folder's settings for all the articles under it (see kb/README.md).
FOLDER_SETTINGS = "kb-answer.yml"
URL_FIELDS = ("{id}", "{path}")
# Front matter is a few flat values. Deeper nesting is a mistake or an attack, and the pure-Python
# YAML composer recurses once per level (a RecursionError from about 500 levels).
MAX_FRONT_MATTER_DEPTH = 50
# Numbers are only ever shown as text. A longer one is no id or version, and building it costs
# quadratic time (1:0:0:…, base 60) or exceeds the digits Python will write out (4300).
MAX_NUMBER_CHARS = 100
# A YAML escape ("\ud800") can make half of a UTF-16 pair, which SQLite cannot store as UTF-8.
_SURROGATE = re.compile(r"[\ud800-\udfff]")


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


# Characters no URL holds as they are (RFC 3986): where an address is written (a Markdown link in
# angle brackets, an HTML attribute), a space, a control, a quote or an angle bracket could end it.
_NOT_IN_URLS = re.compile(r'[\s<>"\x00-\x1f\x7f]')


def _web_address(value: str) -> bool:
    """Whether ``value`` is an absolute http(s) URL with nothing in it that a URL cannot hold."""
    if _NOT_IN_URLS.search(value):
        return False
    try:
        parts = urlsplit(value)
    except ValueError:  # an unclosed IPv6 host ("http://[::1"): no address
        return False
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def folder_settings(data: bytes) -> tuple[str | None, list[tuple[str, int]]]:
    """The URL template in a folder's kb-answer.yml (given as its bytes), if it has one; and the
    keys of it that name no setting, each with its line (a misspelt ``urll:`` gave no url without a
    word, and ``product:`` there scopes nothing: it is each article's).

    The template is an absolute http(s) URL with ``{path}`` (the article file's
    path in the folder, without its suffix) or ``{id}`` (its article id).
    Raises :class:`ArticleError` naming the file when it cannot be used.
    """
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ArticleError(FOLDER_SETTINGS, 1, "not UTF-8 text") from exc
    settings = _front_matter(text, FOLDER_SETTINGS, first_line=1)
    unknown = [(str(key), _key_line(text, str(key), first_line=1)) for key in settings if key != "url"]
    template = settings.get("url")
    if template is None:
        return None, unknown
    if (
        not isinstance(template, str)
        # Its fields filled in (their braces are no part of the URL).
        or not _web_address(template.replace("{id}", "id").replace("{path}", "path"))
        or not any(f in template for f in URL_FIELDS)
    ):
        raise ArticleError(
            FOLDER_SETTINGS,
            _key_line(text, "url", first_line=1),
            "url must be an absolute http(s) URL containing {path} or {id}, without spaces, quotes or <>",
        )
    return template, unknown


def article_url(template: str, article_id: str, source: str) -> str:
    """``template`` filled in for one article (``source`` is its path in the folder)."""
    path = str(PurePosixPath(source).with_suffix(""))
    return template.replace("{id}", quote(article_id, safe="")).replace("{path}", quote(path, safe="/"))


MAX_ID_CHARS = 200
# An article id is written into problem ids (ARTICLE#N), URL paths and command lines: no
# character that any of them reads otherwise, and no leading dot or dash.
ARTICLE_ID = re.compile(rf"[^\W_][\w.-]{{0,{MAX_ID_CHARS - 1}}}")


def slugify(text: str) -> str:
    """A lowercase, hyphenated id from a file stem or title: the letters and digits of any
    script, as an id may hold them (``ARTICLE_ID``), and a hyphen for each run of anything else.

    ASCII only, every file named in another script (``ошибка-входа.md``, ``接続エラー.md``) was
    the id "article", so all but one were refused as taking its id, and ``café.md`` was "caf".
    Names are composed first (macOS writes them decomposed) and compatibility forms folded
    (full-width letters); combining marks left after that are dropped, as an id holds none.
    """
    folded = unicodedata.normalize("NFKC", text).lower()
    letters = "".join(ch for ch in folded if not unicodedata.category(ch).startswith("M"))
    return re.sub(r"[\W_]+", "-", letters).strip("-") or "article"


# Names a site generator gives the page of a folder (Hugo's page bundles, Docusaurus, MkDocs).
_FOLDER_PAGES = frozenset({"index", "_index"})


def derived_id(source: str) -> str:
    """The id of an article whose front matter gives none: its path in its folder, suffix left
    out (``outlook/troubleshooting.md`` is ``outlook-troubleshooting``); a folder's own page
    (``vpn/index.md``, Hugo's ``_index.md``) is the folder's.

    From the file name alone, every ``index.md`` of a site laid out as one folder per page, or
    the ``troubleshooting.md`` of each product's folder, had one id: all but one were refused.
    """
    parts = list(PurePosixPath(source).with_suffix("").parts)
    if len(parts) > 1 and parts[-1].lower() in _FOLDER_PAGES:
        parts.pop()
    return slugify("-".join(parts))


def parse_article(data: bytes, source: str, *, url_template: str | None = None) -> Article:
    """Parse the bytes of one article file; ``source`` is its path as reported.

    The article's ``url`` is its front matter's ``url``, else ``url_template``
    (from its folder's settings) filled in, else ``None``. Raises
    :class:`ArticleError` (with file and line) when the file cannot be read as an
    article.
    """
    if len(data) > MAX_ARTICLE_BYTES:
        # Files are read up to one byte past the limit: the size beyond it is not known here.
        raise ArticleError(source, 1, f"file is over the {MAX_ARTICLE_BYTES}-byte limit for one article")
    # A file that opens with UTF-16's byte-order mark (what Windows Notepad saves as "Unicode") says
    # how it is encoded, and so does an HTML page's <meta charset> (an old help centre's
    # windows-1252); any other is read as UTF-8.
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding = "utf-16"
    else:
        encoding = (declared_encoding(data) if is_html_file(source) else None) or "utf-8"
    try:
        text = data.decode("utf-8-sig" if encoding == "utf-8" else encoding)
    except UnicodeDecodeError as exc:
        # Lines as the text is read: "\r\n", "\r" and "\n" each end one.
        line = data[: exc.start].replace(b"\r\n", b"\n").replace(b"\r", b"\n").count(b"\n") + 1
        what = f"byte 0x{data[exc.start]:02x}" if exc.start < len(data) else "it ends mid-character"
        raise ArticleError(source, line, f"not {encoding.upper()} text ({what})") from exc
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\0" in text:
        # Valid UTF-8, but no text file holds one: UTF-16 without a byte-order mark reads as
        # every other character a NUL, and would be indexed as such.
        line = text.count("\n", 0, text.index("\0")) + 1
        raise ArticleError(source, line, "holds NUL characters: not UTF-8 text (UTF-16?)")
    text = without_terminal_controls(text)
    if not text.strip():
        raise ArticleError(source, 1, "file is empty")
    stem = Path(source).stem
    digest = content_hash(data, url_template or "")
    is_text = source.lower().endswith(TEXT_SUFFIXES)
    # A Jira issue's text export is read as the Markdown its wiki markup stands for: its fields
    # ("Resolution: Fixed") are no parts of a flat export's problem. So is a wiki's page (MediaWiki's,
    # DokuWiki's, Textile's) or an org-mode file, told by its own marks: its headings are no text.
    wiki = _markup_markdown(text) if is_text else None
    # A video's transcript is the chapters it is told in, the times it is said at no text.
    if wiki is None and is_text:
        wiki = transcript_markdown(text)
    if source.lower().endswith(ASCIIDOC_SUFFIXES):
        wiki = asciidoc_markdown(text, named=True)
    elif source.lower().endswith(RST_SUFFIXES):
        wiki = rst_markdown(text, named=True)
    # A chat copied out of the app, into a text or a Markdown file alike, is the thread its bylines open.
    if wiki is None and not is_html_file(source):
        wiki = slack_markdown(text) or chat_export_markdown(text) or logseq_markdown(text)
    read = read_text_article(text) if is_text and wiki is None else None
    # A text file with no part labelled ("Symptoms:", "Resolution:"), as an email or a note writes it, is
    # read below as the Markdown it also is: its paragraphs, numbered lines and quotes say what they do there.
    if read is not None and read.problems:
        problems = _bounded(read.problems, source)
        title = read.title or stem
        article_id = derived_id(source)
        return Article(
            id=article_id,
            title=title,
            source=source,
            content_hash=digest,
            url=article_url(url_template, article_id, source) if url_template else None,
            problems=problems,
            body=read.body,
            has_front_matter=False,
        )
    # So is a reStructuredText page saved as .txt, as the Markdown its markup stands for. A MyST page's
    # {ref} to a heading of its own shows that heading's title (see with_ref_titles).
    markdown = wiki or (rst_markdown(text) if read is not None else None) or with_ref_titles(text)
    page = read_html_page(text, source) if is_html_file(source) else None
    # A page's limits are those of the Markdown it stands for: its tags are no markup.
    _require_readable_markup(
        page.markdown if page else markdown, source, origins=page.origins if page else None
    )
    try:
        return _markdown_article(
            markdown,
            source,
            digest,
            url_template,
            page,
            title_line=first_line_title(text) if read else "",
        )
    except NestedTooDeep as exc:
        raise ArticleError(source, exc.line, f"{exc}; what lies deeper, and after it, would be lost") from exc
    except UnclosedFence as exc:
        raise ArticleError(source, exc.line, str(exc)) from exc
    except RecursionError as exc:
        # markdown-it builds its tree, and reads directives, by recursing once per level of
        # nesting: a few hundred levels of emphasis or directives (under 1 KB) would exhaust the
        # stack, and the tree is not built past MAX_NESTING levels (indexer.sections).
        raise ArticleError(
            source, 1, "markup nested too deeply to read (emphasis, links, lists, quotes or directives)"
        ) from exc


def _markup_markdown(text: str) -> str | None:
    """The Markdown that a text file's ``text`` stands for where a markup language's own marks tell
    which it is written in (a rendered manual page or its source, an Info manual's nodes, IBM i message descriptions, an OpenVMS HELP library, a Vim help file, a Perl POD page, a TiddlyWiki tiddler, a
    Zim page, a Jira export or description, a FAQ posted to Usenet, a phpBB topic, a Foswiki or TWiki topic, a Remarkup, XWiki, Creole, Trac, MediaWiki,
    DokuWiki, AsciiDoc, Textile or org-mode page); None for any other.
    XWiki's and Trac's before MediaWiki's: they write "=" headings and ``'''bold'''``, but their own marks
    (``{{/macro}}``, ``{{{`` blocks, items indented by a space) are no MediaWiki page's. Creole's before Trac's:
    both write ``{{{`` blocks, but only Creole numbers items by a ``#`` opening the line. MediaWiki's before
    DokuWiki's: both write "==" headings, but at opposite levels, and a MediaWiki line may open with a ``<code>``
    span that DokuWiki writes as a block. Foswiki's before DokuWiki's: both indent items by spaces, and a
    TML line of ``==bold fixed==`` text alone is a DokuWiki heading's shape."""
    return (
        man_markdown(text)
        or roff_markdown(text)
        or info_markdown(text)
        or message_description_markdown(text)
        or vms_help_markdown(text)
        or vim_help_markdown(text)
        or pod_markdown(text)
        or tiddlywiki_markdown(text)
        or zim_markdown(text)
        or jira_markdown(text)
        or usenet_markdown(text)
        or bbcode_markdown(text)
        or tml_markdown(text)
        or remarkup_markdown(text)
        or xwiki_markdown(text)
        or creole_markdown(text)
        or trac_markdown(text)
        or mediawiki_markdown(text)
        or dokuwiki_markdown(text)
        or asciidoc_markdown(text)
        or textile_markdown(text)
        or org_markdown(text)
    )


def _require_readable_markup(text: str, source: str, *, origins: list[int] | None = None) -> None:
    """ArticleError, at the line past the limit, for more markup than markdown-it reads in a few
    seconds: MAX_LINES lines of text, MAX_MARKERS emphasis and link markers, or MAX_HEADINGS headings
    (counted as lines that start with "#", code included, before anything is parsed). With
    ``origins`` (the file's line of each line of ``text``, 0-based), the file's line is named."""
    for limit, most, pattern, what in (
        (MAX_LINES, text.count("\n") + 1, _LINE, "lines of text"),
        (
            MAX_MARKERS,
            sum(map(text.count, MARKERS)),
            _MARKER,
            f"emphasis and link markers ({', '.join(MARKERS)})",
        ),
        (MAX_HEADINGS, text.count("#"), _HEADING, "headings"),
    ):
        # ``most`` is what a count of characters in C allows at most: nearly every article is
        # within the limit by it, without a match object per line or marker.
        if most <= limit:
            continue
        past = next(islice(pattern.finditer(text), limit, None), None)
        if past is not None:
            count = limit + 1 + sum(1 for _ in pattern.finditer(text, past.end()))
            line = text.count("\n", 0, past.start()) + 1
            if origins:
                line = origins[min(line, len(origins)) - 1] + 1
            raise ArticleError(source, line, f"{count} {what}, over the limit of {limit} for one article")


# The use the outline gives an article's "#" heading that is its title in place of the front matter's.
TITLE_OVER_FRONT_MATTER = "article title, not the front matter title"

_LABEL_ROLES = PROBLEM_PART_ROLES | {Role.BOILERPLATE}


def is_part_label(text: str) -> bool:
    """Whether a bold label (``**Cause**``) names a part of a problem, as a heading would, or what
    is no part of one (``**Related articles**``), or the environment it is seen in (``**Environment**``,
    as a help centre's export labels it)."""
    return heading_role(text) in _LABEL_ROLES or names_environment(text)


# Pandoc's title block: up to three "%" lines (title, authors, date) opening the file, then a
# blank line. A man page converted by Pandoc ("% BACKUPD(8) backupd 2.4") has no other title.
_TITLE_BLOCK = re.compile(r"%[ \t]*+([^\n]+)\n(?:%[^\n]*\n){0,2}[ \t]*(?:\n|$)")
MAX_TITLE_BLOCK_CHARS = 200


def _title_block(text: str) -> str:
    """The title of a Pandoc title block opening ``text``, or ""."""
    found = _TITLE_BLOCK.match(text)
    return found.group(1).strip()[:MAX_TITLE_BLOCK_CHARS] if found else ""


# A page property under a Notion or wiki page's title: "Owner: IT Helpdesk", "Last edited: 12 May 2025".
_PROPERTY_LINE = re.compile(r"[^\W\d][\w .'/-]{0,30}:[ \t]+\S.{0,200}")
# A Dropbox Paper document's byline under its title: its author's mention, a bullet, when it was last edited
# ("@Lena Fischer  • Last edited Nov 18, 2025").
_PAPER_BYLINE = re.compile(r"@[^\W\d][^\n@•·]{0,60}[•·][ \t]*last edited\b.{1,40}", re.IGNORECASE)


# How far down a page with no heading its title may be printed as a paragraph: under a score or a bar.
MAX_TITLE_PARAGRAPHS = 4


def _without_site_name(title: str, root: Section) -> str:
    """A page's <title> without the site name a help centre adds after the article's title: the
    page's first heading, where the <title> is that heading followed by a separator and more; on a page
    with no heading, one of its first paragraphs, as a forum prints a post's title under its site's bar
    (old.reddit.com's "… : r/Proxmox")."""
    heading = next((s.title for s in root.walk() if s.title), "")
    if heading:
        return (
            _before_site_name(title, heading)
            or _after_site_name(title, heading)
            or _between_site_names(title, heading)
            or title
        )
    paragraphs = (block_text(b) for b in root.blocks[:MAX_TITLE_PARAGRAPHS] if b.type == "paragraph")
    return next((found for said in paragraphs if (found := _before_site_name(title, said))), title)


def _before_site_name(title: str, heading: str) -> str:
    """``heading``, where ``title`` is it followed by a separator and one part more (a site's name); else ""."""
    site = site_name(title, heading)
    # Only one part after the heading's words: "VPN - error 809 after the update | Acme Help" and
    # "Error 0x709 - Printing fails | Contoso IT" say more than their headings.
    return heading if site and not SITE_NAME_SEPARATOR.search(site) else ""


# A blog's name before its post's title in the <title>, as Blogger writes it ("Home Lab Notes: Plex …"): a
# name of no separator and no digit (not a ticket's or an error's number, "KB0012: …"), then a colon, or a bar
# or dash between spaces.
_SITE_NAME_BEFORE = re.compile(r"[^:|\u2013\u2014\u00b7\d]{1,80}?(?:\s*:|\s+[|\u2013\u2014\u00b7-])\s+")


def _between_site_names(title: str, heading: str) -> str:
    """``heading``, where ``title`` is a name and a separator before it (see _SITE_NAME_BEFORE) and a site's name
    after it, the heading's words or their opening between: a service portal's <title> names its section and
    itself around the article's, perhaps shorter than its heading ("Knowledge Base - Outlook keeps asking for
    password | Halo Service Portal" over "Outlook keeps asking for password / cannot connect to Exchange
    Online", HaloITSM's), and a page with no "#" heading was titled by all of it; else ""."""
    before = _SITE_NAME_BEFORE.match(title)
    separators = list(SITE_NAME_SEPARATOR.finditer(title, before.end() if before else 0))
    if before is None or not separators:
        return ""
    between = title[before.end() : separators[-1].start()]
    shorter = heading.startswith(between) and not heading[len(between) : len(between) + 1].isalnum()
    return heading if between and (heading == between or shorter) else ""


# A support site's number of the document before its title in the <title> (My Oracle Support's "Document
# 2791843.1 - …"): the page's number, as its "Doc ID" gives it, no word of the title.
_DOCUMENT_NUMBER_BEFORE = re.compile(
    r"(?:document|doc id)[ \t]+\d[\d.]*[ \t]+[-|\u2013\u2014:][ \t]+", re.IGNORECASE
)


def _without_document_number(title: str) -> str:
    """A page's <title> without the document's number before it (see _DOCUMENT_NUMBER_BEFORE)."""
    found = _DOCUMENT_NUMBER_BEFORE.match(title)
    return title[found.end() :] if found and found.end() < len(title) else title


def _after_site_name(title: str, heading: str) -> str:
    """``heading``, where ``title`` is a site's name and a separator before it (see _SITE_NAME_BEFORE); else ""."""
    if not heading or not title.endswith(heading) or len(title) == len(heading):
        return ""
    return heading if _SITE_NAME_BEFORE.fullmatch(title[: len(title) - len(heading)]) else ""


def _title_field(root: Section) -> str:
    """What a "Title: …" line among the page's fields under no "#" title says ("Title: Laptops fail to
    join Wi-Fi", over "Article Number: …" and "Product: …", as a knowledge base exports a page), or the
    "Subject: …" of an email's header (see is_email_header), without its "RE:", "Fwd:" or list's tag; else ""."""
    for fields in page_field_blocks(root.blocks).values():
        labels = {label.strip().lower() for label, _ in fields}
        for label, value in fields:
            if is_title_field(label):
                return value
            if label.strip().lower() == "subject" and is_email_header(labels):
                return SUBJECT_PREFIX.sub("", value)
    return _title_row(root)


def _title_row(root: Section) -> str:
    """The value of the "Title" row of a table of label/value rows that opens the page, before any other
    text under no "#" title (a help desk's solution as its web application saves it, or a Domino form's
    "Title:" field); else ""."""
    first = _opening_table(root)
    if first is None:
        return ""
    for row in table_rows(first):
        cells = cell_texts(row)
        if len(cells) == 2 and is_title_field(cells[0].strip().rstrip(":\uff1a")) and cells[1].strip():
            return " ".join(cells[1].split())
    return ""


def _opening_table(root: Section) -> SyntaxTreeNode | None:
    """The table ``root``'s text opens with, before any other text; None when it opens with none."""
    first = next((b for b in root.blocks if block_text(b).strip()), None)
    return first if first is not None and first.type == "table" else None


# A record's form of fields, as an ITSM tool prints one: a label (its colon perhaps) and its value, two such
# pairs to a row ("Knowledge ID: | KB-4821 | Status: | Published", Ivanti Neurons' print view of a knowledge
# article), a value that spans the other columns read as the row's last cells, empty.
_FORM_LABEL = re.compile(r"[^:\uff1a\n]{1,40}[:\uff1a]?")


def _record_title(root: Section) -> str:
    """The value of the Title field of the record's form that opens the title heading ``root``'s text (see
    _FORM_LABEL), where the heading names the record only by another field's value, its number ("#
    Knowledge - KB-4821" over "Knowledge ID: | KB-4821" and "Title: | BitLocker recovery screen after BIOS
    update"): read as the title, the record's number titled the article and its problem. Else ""."""
    table = _opening_table(root)
    if table is None:
        return ""
    fields = []
    for row in table_rows(table):
        cells = [cell.strip() for cell in cell_texts(row)]
        for label, value in zip(cells[::2], cells[1::2], strict=False):
            if _FORM_LABEL.fullmatch(label):
                fields.append((label.rstrip(":\uff1a"), value))
    title = next((" ".join(value.split()) for label, value in fields if is_title_field(label) and value), "")
    numbered = any(
        not is_title_field(label)
        and any(c.isdigit() for c in value)
        and _RECORD_NAME.fullmatch(root.title.replace(value, "", 1)) is not None
        for label, value in fields
        if value in root.title
    )
    # A heading that names an error by its number ("Error 1603" over "Error code: | 1603", "HTTP 401") is the
    # problem's own name, as the page's code is read from it: replaced by the Title field, the problem lost
    # its code. A record's number is no error's ("Knowledge - KB-4821").
    return title if numbered and title != root.title and not labelled_numbers(root.title) else ""


# What a heading that names a record by its number says beside it: separators and a word or two of no digit
# ("Knowledge - KB-4821", "Record KB-4821"). A heading with more words names the problem, whatever field's
# value it holds ("Windows 11 upgrade fails with 0xC1900101 on Dell Latitude 7420" over "Product: | Windows 11",
# "Outlook 2016 crashes …" over "Version: | 2"): the Title field had replaced it.
_RECORD_NAME = re.compile(r"[\W_]*(?:[^\W\d_]{1,12}[\W_]*){0,2}")


def _title_after_furniture(root: Section) -> str:
    """The words of the page's one "#" heading where only headings of the page's furniture stand before
    it, none with headings under it; else "". A service desk's form names itself over its fields ("##
    Knowledge Article", then the Title field, read as the "#" heading): its <title>, the tool's name and the
    article's number ("Knowledge Article KA-0004412 - Cherwell Service Management"), titled the page."""
    titles = [c for c in root.children if c.level == 1]
    if len(titles) != 1:
        return ""
    before = root.children[: root.children.index(titles[0])]
    furniture = all(heading_role(c.title) is Role.BOILERPLATE and not c.children for c in before)
    return titles[0].title if before and furniture else ""


def _site_menu(block: SyntaxTreeNode) -> bool:
    """Whether ``block`` is a bulleted list whose every item is one link and nothing more: a site's menu
    of its pages, no steps."""
    return block.type == "bullet_list" and all(
        [child.type for child in item.children] == ["paragraph"]
        and [node.type for node in item.children[0].children[0].children] == ["link"]
        for item in block.children
    )


def _page_heading(root: Section) -> str:
    """The title of a page whose problems are "#" headings too: its first "#" heading, when that
    opens the page and holds nothing but the page's properties (a Notion export: the page title,
    "Owner: …" and "Tags: …" lines, then a "#" heading per problem) or its byline and the rule under it
    (a Dropbox Paper export, see _PAPER_BYLINE), or paragraphs of an introduction under a title that names
    the page as the problems it holds ("StockPilot scanners - troubleshooting", see is_container_title);
    else ""."""
    first = root.children[0] if root.children else None
    if first is None or first.level != 1 or first.children or root.blocks or len(root.children) < 2:
        return ""
    said = [b for b in first.blocks if b.type != "hr"]
    lines = [line for b in said for line in block_text(b).split("\n")]
    # Paper's byline has its rule under it: a block was dropped.
    paper = len(said) == 1 and said[0].type == "paragraph" and len(said) < len(first.blocks)
    if paper and len(lines) == 1 and _PAPER_BYLINE.fullmatch(lines[0].strip()):
        return first.title
    if any(b.type != "paragraph" for b in first.blocks):
        return ""
    # Google Docs' Markdown heads every part of a document with "#", its title as its problems ("#
    # **Problem 1: Barcodes do not scan**"): a title over an introduction ("Use this doc when a picker
    # reports …") was no page heading, and the article was titled by its file name.
    if all(_PROPERTY_LINE.fullmatch(x) for x in lines) or is_container_title(first.title):
        return first.title
    return ""


def inline_part_label(text: str) -> InlineLabel:
    """What a bold label that opens a paragraph ("**Cause:** The proxy …") heads: a fix, another
    part of a problem, or nothing. A numbered label ("**Step 1:** …") is the step it opens, and a
    label about the page ("**Applies to:** …") one of its fields: neither heads a part."""
    if names_status(text):
        # "**Status:** Fixed in 7.3.1.": where a known issue stands, a note of its answer as under a
        # Status heading; read as text, it opened the symptoms.
        return "part"
    role = heading_role(text)
    if role not in PROBLEM_PART_ROLES or re.search(r"\d", text):
        return ""
    return "fix" if role is Role.RESOLUTION else "part"


def _markdown_article(
    text: str,
    source: str,
    digest: str,
    url_template: str | None,
    page: HtmlPage | None = None,
    *,
    title_line: str = "",
) -> Article:
    """The article a Markdown file's ``text`` holds, or an HTML file's ``page`` (see :func:`parse_article`);
    ``title_line`` titles it where nothing else does (a text file's first line, when it reads as a title)."""
    stem = Path(source).stem
    toml = None if page else read_toml_front_matter(text, source)
    parsed = parse_sections(
        toml.text if toml else text,
        is_label=is_part_label,
        inline_label=inline_part_label,
        mdx=source.lower().endswith(".mdx"),
        html=(page.markdown, page.origins) if page else None,
        # A .txt file holds no HTML: "keys/<name>.asc" is its words (a TiddlyWiki tiddler's .tid writes tags).
        text_file=source.lower().endswith(".txt"),
    )
    if toml is not None:
        meta, key_line, has_front_matter = toml.meta, toml.key_line, bool(toml.meta)
    elif page is not None:
        # A page has no front matter: its id is its path's, its title its heading's (or its <title>).
        meta, has_front_matter = {}, False

        def key_line(key: str) -> int:
            return 1
    else:
        if not parsed.front_matter and _opens_front_matter(text):
            raise ArticleError(source, 1, "front matter is never closed: end it with a line of '---'")
        late = None if parsed.front_matter else _front_matter_below_blank_lines(text)
        if late is not None:
            line, fence = late
            raise ArticleError(
                source,
                line,
                f"front matter must open on the first line: remove the blank lines above this '{fence}'",
            )
        meta = _front_matter(parsed.front_matter, source)
        has_front_matter = _holds_yaml(parsed.front_matter)

        def key_line(key: str) -> int:
            return _key_line(parsed.front_matter, key)

    _require_text_values(meta, key_line, source)
    # "id: 0" is an id; only a missing or empty one is derived from the path.
    written = meta.get("id") not in (None, "")
    article_id = str(meta["id"]) if written else derived_id(source)
    if written and not ARTICLE_ID.fullmatch(article_id):
        line = key_line("id")
        raise ArticleError(
            source,
            line,
            f"front matter id {_shown(article_id)} is not a usable article id: letters, digits, '.', '_' and '-' only "
            f"(no spaces, '#' or '/'), starting with a letter or digit, at most {MAX_ID_CHARS} characters",
        )
    root = _parts_under_title(parsed.root)
    preface = []
    h1 = [c for c in root.children if c.level == 1]
    # A site's menu before the title heading is the page's, as any block there is: kept as the root's
    # list, it was a problem named after a troubleshooting article (a help centre's "Home", "Categories",
    # "Contact Us" over "# Troubleshooting single sign-on (SAML) errors"), its links the steps.
    if (
        root.children == h1
        and len(h1) == 1
        and not any(b.type in ("bullet_list", "ordered_list") and not _site_menu(b) for b in root.blocks)
    ):
        preface = root.blocks
        root = h1[0]
    # One line, as a heading's: a title is written as a heading and into one line of text output.
    written_title = " ".join(str(meta.get("title") or "").split())
    page_heading = "" if root.level == 1 else _page_heading(root)
    if page_heading and root.children[0].blocks:
        # What stands under such a title (its properties, its byline, an introduction: "Use this doc when
        # a picker reports …") is the page's text, as a preface is: read under a title that names the
        # page's problems, an introduction was one more problem.
        preface = [*preface, *root.children[0].blocks]
        root = replace(root, children=[replace(root.children[0], blocks=[]), *root.children[1:]])
    # The heading is what readers see on the page; a front matter title is often the page's shorter
    # title for search engines (Microsoft Learn's), so the heading wins, and the outline says so.
    title = (
        # A record's print view heads it with its number, its title a field of its form (see _record_title).
        ((_record_title(root) or root.title) if root.level == 1 else page_heading)
        or written_title
        # A page's own "Title" field beats its <title>, which a web application saving the page fills with
        # its own name ("ManageEngine ServiceDesk Plus - Solutions") for every page it saves.
        or (
            (
                _title_field(root)
                or _title_after_furniture(root)
                or _without_site_name(_without_document_number(page.title), root)
            )
            if page
            else _title_block(text)
        )
        or _title_field(root)
        or title_line
        or stem
    )
    rest = title[len(article_id) :].strip() if written and title.startswith(f"{article_id} ") else ""
    if rest and (_words(rest) == _words(written_title) or _NOTE_ID.fullmatch(article_id)):
        # A Zettlr or Obsidian note's heading repeats the note's id before its title ("# 202610141032
        # pgvault backup failures", its front matter's id 202610141032): the id is no word of the title,
        # and as one it titled the note's problem too. Only a note's id (a long run of digits, a time
        # stamp) or one whose rest is the front matter's title is dropped: a docs page's id is often the
        # error or the product its title opens with ("id: ORA-00942" over "# ORA-00942 table or view does
        # not exist"), and without it the code was lost.
        title = rest
    lines = text.split("\n")
    given = meta.get("url")
    if given is not None and not (isinstance(given, str) and _web_address(given)):
        line = key_line("url")
        raise ArticleError(
            source, line, f"url must be an absolute http(s) URL without spaces, quotes or <>, not {given!r}"
        )
    if isinstance(given, str):
        url: str | None = given
    else:
        url = article_url(url_template, article_id, source) if url_template else None
    read = read_markdown(root, title, lines, preface=[*preface, *parsed.metadata])
    title = read.title or title
    if title != written_title:
        title = _without_section_number(title)
    if written_title and title != written_title and _words(title) != _words(written_title):
        use = f'{TITLE_OVER_FRONT_MATTER} "{written_title}"'
        read.outline.insert(0, OutlineEntry(root.line, root.level, title, use))
    product, scope_tags, left_out = _scope(_with_field_scope(meta, read.fields), key_line)
    return Article(
        id=article_id,
        has_front_matter=has_front_matter,
        id_written=written,
        id_line=_id_line(toml.key_line if toml else parsed.front_matter) if written else 1,
        title=title,
        source=source,
        content_hash=digest,
        url=url,
        product=product,
        tags=scope_tags,
        description=str(meta.get("description") or _short_description(meta)),
        lead=read.lead,
        problems=_bounded(read.problems, source),
        body=read.body,
        outline=read.outline,
        left_out=left_out,
    )


# A Zettelkasten note's id: the time stamp Zettlr and Obsidian's unique-note plugin give it (202610141032,
# twelve digits or more), which a note's heading repeats before its title.
_NOTE_ID = re.compile(r"\d{12,}")


# The number a stylesheet prints before a section's title, a full stop after its last number (DocBook's
# "7.1. Replication problems", as each chunk of a book is titled; its problems' "7.1.3. …" are dropped
# alike, see markdown_article._TITLE_LABEL): no word of the article's title. Not a version before words
# ("2.4 upgrade fails"), which has no full stop, nor a lone number ("4. …").
_SECTION_NUMBER = re.compile(rf"{SECTION_NUMBER}[ \t]+(?=\S)")


def _without_section_number(title: str) -> str:
    """An article's ``title`` without the section number a stylesheet printed before it (see _SECTION_NUMBER)."""
    found = _SECTION_NUMBER.match(title)
    return title[found.end() :] if found else title


def _short_description(meta: dict[str, object]) -> str:
    """The page's description under the short key Dendron writes it with (``desc: Fixes for …``), when it
    is text: read only as "description", Dendron's notes had none."""
    desc = meta.get("desc")
    return desc.strip() if isinstance(desc, str) else ""


def _words(text: str) -> str:
    return " ".join(text.split()).casefold()


def _tag_list(tags: object) -> list[str]:
    """Front matter ``tags`` as a list: a list's items, or a string's comma-separated words.

    ``tags: outlook, crash`` (as Pelican and many a Jekyll site write them) was one tag,
    "outlook, crash", that ``--tag outlook`` never found.
    """
    if isinstance(tags, str):
        return [tag.strip() for tag in tags.split(",") if tag.strip()]
    # An empty item ("- " alone) is YAML's null: no tag, not the word "None".
    return [str(t) for t in (tags if isinstance(tags, list) else [tags]) if t is not None]


def require_an_answer(article: Article) -> Article:
    """``article``, if it can answer anything; else raise :class:`ArticleError`, and it is not indexed.

    An article that describes a problem without a fix ("ObjectClass is Unknown", "these regions
    are blocked") still answers "what is this error"; one that describes nothing (headings,
    links) is not an answer.
    """
    if not any(p.steps or p.symptoms or p.error_messages or p.cause for p in article.problems):
        raise ArticleError(article.source, 1, "describes no problem and gives no resolution steps")
    return article


def _bounded(problems: list[Problem], source: str) -> list[Problem]:
    """``problems``, unless one has more steps than an answer can carry, or the article more
    problems or steps than its page can (raises ArticleError at the first one past the limit):
    every answer sends all of a problem's steps, and an article of one list of 200,000 lines
    (1 MB) made each answer 16 MB and its first rendering hold a server worker for six seconds."""
    if len(problems) > MAX_PROBLEMS_PER_ARTICLE:
        raise ArticleError(
            source,
            problems[MAX_PROBLEMS_PER_ARTICLE].line,
            f"{len(problems)} problems, over the limit of {MAX_PROBLEMS_PER_ARTICLE} for one article",
        )
    total = 0
    for problem in problems:
        if len(problem.steps) > MAX_STEPS_PER_PROBLEM:
            extra = problem.steps[MAX_STEPS_PER_PROBLEM]
            raise ArticleError(
                source,
                extra.line,
                f"problem {problem.title[:60]!r} has {len(problem.steps)} steps, over the limit of "
                f"{MAX_STEPS_PER_PROBLEM} for one problem",
            )
        if total + len(problem.steps) > MAX_STEPS_PER_ARTICLE:
            extra = problem.steps[MAX_STEPS_PER_ARTICLE - total]
            raise ArticleError(
                source,
                extra.line,
                f"{total + len(problem.steps)} steps by the end of problem {problem.title[:60]!r}, over "
                f"the limit of {MAX_STEPS_PER_ARTICLE} for one article",
            )
        total += len(problem.steps)
    return problems


_NESTED = f"is nested more than {MAX_FRONT_MATTER_DEPTH} levels deep"


class _Refused(yaml.MarkedYAMLError):
    """Valid YAML that front matter has no use for, refused at its line instead of loaded."""


def _shown(value: str) -> str:
    return repr(value if len(value) <= 40 else value[:40] + "…")


class _FrontMatterRules(SafeConstructor):
    """PyYAML's safe loading, made total for front matter, whose values only ever become text.

    Whatever a file holds, loading it ends in a value or in a YAML error at its line, in
    bounded time and memory: an alias is refused, not expanded (a "billion laughs" of 600
    bytes expands to 10^8 strings), nesting is bounded, dates stay as written, and a value
    that cannot be built is an error, not a ValueError from deep inside PyYAML.
    """

    _depth = 0

    def compose_node(self, parent: yaml.Node | None, index: object) -> yaml.Node:
        # Only the pure-Python composer calls this (libyaml's is checked in construct_document):
        # it points at an alias as written, and stops before its recursion reaches Python's limit.
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent):
            alias = (
                f"uses the YAML alias *{event.anchor}; write the value out instead (aliases are not expanded)"
            )
            raise _Refused(None, None, alias, event.start_mark)
        if isinstance(event, yaml.CollectionStartEvent) and self._depth >= MAX_FRONT_MATTER_DEPTH:
            raise _Refused(None, None, _NESTED, event.start_mark)
        self._depth += 1
        try:
            node: yaml.Node = super().compose_node(parent, index)
        finally:
            self._depth -= 1
        return node

    def construct_document(self, node: yaml.Node) -> object:
        # Building recurses through nested keys, and libyaml composes up to 1000 levels.
        level = [node]
        for _ in range(MAX_FRONT_MATTER_DEPTH):
            level = [child for parent in level for child in _collections_in(parent)]
            if not level:
                return super().construct_document(node)
        raise _Refused(None, None, _NESTED, level[0].start_mark)

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        # PyYAML keeps the last of a key given twice: a second "id:" changed the article's id unsaid.
        # Only the keys kb-answer reads: Microsoft Learn articles give their own "ms.topic" twice.
        seen: set[str] = set()
        for key, _ in node.value:
            if isinstance(key, yaml.ScalarNode) and key.value in _READ_KEYS:
                if key.value in seen:
                    said = f"gives the key {_shown(key.value)} twice; keep one"
                    raise _Refused(None, None, said, key.start_mark)
                seen.add(key.value)
        return super().construct_mapping(node, deep)  # type: ignore[no-any-return]

    def construct_scalar(self, node: yaml.Node) -> str:
        value: str = super().construct_scalar(node)
        if not value.isascii() and _SURROGATE.search(value):
            raise ConstructorError(
                None,
                None,
                f"{_shown(value)} holds a UTF-16 surrogate escape, which is no character; write the character itself",
                node.start_mark,
            )
        return value

    # Values only ever become text, so a number or a word YAML reads otherwise than it is written
    # is kept as written: YAML 1.1 reads the id 0123 as 83, 1:20 as 80, 1_000 as 1000, 1.50 as 1.5
    # and no or off as false. What cannot be built at all is still refused at its line.
    def construct_yaml_bool(self, node: yaml.Node) -> object:
        _built(node, super().construct_yaml_bool)
        return node.value

    def construct_yaml_int(self, node: yaml.Node) -> object:
        value = _built(_short_number(node), super().construct_yaml_int)
        return value if str(value) == node.value else node.value

    def construct_yaml_float(self, node: yaml.Node) -> object:
        value = _built(_short_number(node), super().construct_yaml_float)
        return value if repr(value) == node.value else node.value


_FrontMatterRules.add_constructor("tag:yaml.org,2002:bool", _FrontMatterRules.construct_yaml_bool)
_FrontMatterRules.add_constructor("tag:yaml.org,2002:int", _FrontMatterRules.construct_yaml_int)
_FrontMatterRules.add_constructor("tag:yaml.org,2002:float", _FrontMatterRules.construct_yaml_float)
# Dates are only shown, never computed with: kept as written, 2023-02-30 is no error.
_FrontMatterRules.add_constructor("tag:yaml.org,2002:timestamp", _FrontMatterRules.construct_yaml_str)


def _collections_in(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.MappingNode):
        return [child for pair in node.value for child in pair if not isinstance(child, yaml.ScalarNode)]
    if isinstance(node, yaml.SequenceNode):
        return [child for child in node.value if not isinstance(child, yaml.ScalarNode)]
    return []


def _short_number(node: yaml.Node) -> yaml.Node:
    if len(node.value) > MAX_NUMBER_CHARS:
        size = f"has a number of {len(node.value)} characters (at most {MAX_NUMBER_CHARS})"
        raise _Refused(None, None, f"{size}; quote it to keep it as text", node.start_mark)
    return node


def _built(node: yaml.Node, construct: Callable[[yaml.Node], object]) -> object:
    try:
        return construct(node)
    except (ValueError, LookupError) as exc:
        # PyYAML trusts the pattern that picked a plain value's type to have checked it; an
        # explicit tag (!!int "abc") bypasses the patterns, and some edges pass them (0b_).
        kind = node.tag.replace("tag:yaml.org,2002:", "!!")
        raise ConstructorError(
            None, None, f"{_shown(node.value)} is not a valid {kind}", node.start_mark
        ) from exc


# libyaml's parser when the wheel has it (it does on every major platform): 10x faster.
_FAST_PARSER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_FrontMatterRules, _FAST_PARSER):
    """The loader of front matter without aliases."""


class _ExplainingLoader(_FrontMatterRules, yaml.SafeLoader):
    """The pure-Python loader: slower, but its error messages say more, and it sees aliases as written."""


def _as_yaml(raw: str) -> str:
    # Tabs are not YAML whitespace, but authors paste them into values.
    return raw.replace("\t", " ")


# Unclosed front matter: a line of dashes, then at least two "key: value" lines (and what
# continues them) up to the first blank line, or one of a key kb-answer reads ("id: vpn-errors").
# One "Note: …" line after a rule is Markdown.
_OPENING_RULE = re.compile(r"(-{3,})[ \t]*\r?")
_YAML_KEY = re.compile(r"[\w.-]+[ \t]*:(?:[ \t]|\r?$)")
# A key of Hugo's TOML front matter.
_TOML_KEY = re.compile(r"[ \t]*[\w.\"'-]+[ \t]*=")
UNCLOSED_KEYS = 2
# Front matter values an article shows as text ("ms.service" and Dendron's "desc" as the product and the
# description where those are not given: a list under either was shown as its Python spelling, or dropped).
_TEXT_KEYS = ("title", "product", "ms.service", "description", "desc")
# Every key of front matter (and of a folder's kb-answer.yml) that kb-answer reads.
_READ_KEYS = frozenset({"id", "tags", "url", *_TEXT_KEYS})


def _opens_front_matter(text: str) -> bool:
    """Whether ``text`` starts as front matter does (see UNCLOSED_KEYS) and has no line that could
    close it: as many dashes as the first line or more, or YAML's "..." (the Markdown parser's rule)."""
    if not text.startswith("---"):
        return False
    lines = text.split("\n")
    opening = _OPENING_RULE.fullmatch(lines[0])
    if opening is None:
        return False
    # Its keys end at a blank line, or at the article's heading written right under them.
    if not _holds_keys(list(takewhile(lambda line: line.strip() and not line.startswith("#"), lines[1:]))):
        return False
    closing = re.compile(rf"(?:-{{{len(opening.group(1))},}}|\.\.\.)[ \t]*\r?")
    return not any(closing.fullmatch(line) for line in lines[1:])


def _front_matter_below_blank_lines(text: str) -> tuple[int, str] | None:
    """The line and the fence (``---`` or ``+++``) of front matter written below blank lines, if
    ``text`` has it: a line of dashes, then at least UNCLOSED_KEYS "key: value" lines (and what
    continues them), then a closing line of as many dashes or more; or Hugo's ``+++`` lines around
    ``key = value`` lines. Front matter is read only on the first line; below a blank line YAML's
    keys became the text of a heading (TOML's, a paragraph), and the article's id, title and
    product were dropped without a word."""
    lines = text.split("\n")
    first = next((i for i, line in enumerate(lines) if line.strip()), 0)
    if not first:
        return None
    if is_fence(lines[first]):
        # No Markdown is written so: one key between two such fences is enough.
        end = closing_fence(lines, first)
        has_keys = end is not None and any(_TOML_KEY.match(line) for line in lines[first + 1 : end])
        return (first + 1, "+++") if has_keys else None
    opening = _OPENING_RULE.fullmatch(lines[first])
    if opening is None:
        return None
    closing = re.compile(rf"-{{{len(opening.group(1))},}}[ \t]*\r?")
    block = list(takewhile(lambda line: line.strip() and not closing.fullmatch(line), lines[first + 1 :]))
    end = first + 1 + len(block)
    if not _holds_keys(block):
        return None
    return (first + 1, "---") if end < len(lines) and closing.fullmatch(lines[end]) else None


def _holds_keys(block: list[str]) -> bool:
    """Whether the lines ``block`` read as front matter: at least UNCLOSED_KEYS "key: value" lines, or
    one of a key kb-answer reads, and nothing but those and what continues them (indented lines,
    list items)."""
    keys = [line.split(":", 1)[0].strip() for line in block if _YAML_KEY.match(line)]
    enough = len(keys) >= UNCLOSED_KEYS or (len(keys) == 1 and keys[0] in _READ_KEYS)
    return enough and all(_YAML_KEY.match(line) or line[:1] in " \t-" for line in block)


def _require_text_values(meta: dict[str, object], key_line: Callable[[str], int], source: str) -> None:
    """Raise ArticleError at the key whose value is a list or a mapping where text is shown
    (a title, a product), or a list of tags that holds one: its Python spelling would be shown."""
    for key in _TEXT_KEYS:
        value = meta.get(key)
        if isinstance(value, list | dict):
            kind = "a list" if isinstance(value, list) else "a mapping"
            raise ArticleError(source, key_line(key), f"front matter {key} must be text, not {kind}")
    tags = meta.get("tags")
    if isinstance(tags, dict) or (isinstance(tags, list) and any(isinstance(t, list | dict) for t in tags)):
        raise ArticleError(
            source,
            key_line("tags"),
            "front matter tags must be a word or a list of words, not hold lists or mappings",
        )


def _scope(
    meta: dict[str, object], key_line: Callable[[str], int]
) -> tuple[str, list[str], list[tuple[int, str]]]:
    """The article's product and tags, and what of them is left out, with its line: one longer than a
    query may ask for could never scope an answer (the article is indexed without it)."""
    product = str(meta.get("product") or meta.get("ms.service") or "")
    tags = _tag_list(meta.get("tags") or [])
    left_out: list[tuple[int, str]] = []
    if len(product.strip()) > MAX_PRODUCT_CHARS:
        line = key_line("product" if meta.get("product") else "ms.service")
        said = f"front matter product is {len(product.strip())} characters long, over the {MAX_PRODUCT_CHARS}"
        left_out.append((line, f"{said} a query can ask for; indexed without a product"))
        product = ""
    for tag in [t for t in tags if len(t.strip()) > MAX_TAG_CHARS]:
        said = (
            f"front matter tag {tag[:40]!r}… is {len(tag.strip())} characters long, over the {MAX_TAG_CHARS}"
        )
        left_out.append((key_line("tags"), f"{said} a query can ask for; indexed without it"))
        tags.remove(tag)
    return product, tags, left_out


def _parts_under_title(root: Section) -> Section:
    """``root`` with the first-level headings that name parts of a problem ("# Problem", "# Resolution",
    as Notion pages are written) under the first-level heading before them that names none: the page's
    title. Read side by side, the title was a problem of its own, holding the page's properties as steps,
    and the page was titled by its file's name."""
    h1 = [c for c in root.children if c.level == 1]
    if len(h1) < 2 or root.children != h1 or heading_role(h1[0].title) is not Role.TOPIC:
        return root
    parts = PROBLEM_PART_ROLES | {Role.INFO, Role.BOILERPLATE}
    if not all(heading_role(c.title) in parts for c in h1[1:]):
        return root
    title = replace(h1[0], children=[*h1[0].children, *h1[1:]], end=h1[-1].end)
    return replace(root, children=[title])


# The page's fields that scope it as front matter's product and tags do (Notion exports a page's
# properties as "Product: TillPoint POS" and "Tags: offline, sync" lines under its title; a localized
# knowledge base as "**Producto:** …").
_PRODUCT_FIELDS = ("product", "products")
_TAG_FIELDS = ("tags", "labels", "keywords")


def _with_field_scope(meta: dict[str, object], fields: list[tuple[str, str]]) -> dict[str, object]:
    """``meta`` with the product and tags the page's ``fields`` name, where its front matter names none."""
    named = {label.lower(): value for label, value in reversed(fields)}
    scope: dict[str, object] = {}
    product = next((named[k] for k in _PRODUCT_FIELDS if k in named), None) or next(
        (value for label, value in fields if names_product_field(label)), None
    )
    if product and not (meta.get("product") or meta.get("ms.service")):
        scope["product"] = product
    tags = next((named[k] for k in _TAG_FIELDS if k in named), None) or next(
        (value for label, value in fields if names_tags_field(label)), None
    )
    if tags and not meta.get("tags"):
        scope["tags"] = tags
    return {**meta, **scope} if scope else meta


def _holds_yaml(raw: str) -> bool:
    """Whether front matter ``raw`` has a line that is neither blank nor a comment: one of
    comments alone (a commented-out id) holds no key, as an empty one holds none."""
    return any(line.strip() and not line.lstrip().startswith("#") for line in raw.splitlines())


def _front_matter(raw: str, source: str, *, first_line: int = 2) -> dict[str, object]:
    """The YAML mapping in ``raw``, whose first line is line ``first_line`` of ``source``."""
    if not _holds_yaml(raw):
        return {}
    raw = _as_yaml(raw)
    # An alias is written "*name": front matter with none is left to libyaml; the pure-Python
    # loader refuses an alias where it is written, before it could be expanded.
    loader = _ExplainingLoader if "*" in raw else _Loader
    try:
        meta = yaml.load(raw, Loader=loader)
    except yaml.YAMLError:
        meta = _explain_yaml(raw, source, first_line)
    if not isinstance(meta, dict):
        raise ArticleError(
            source, first_line, f"{_what_holds(source)} must be a YAML mapping of keys to values"
        )
    return meta


def _what_holds(source: str) -> str:
    """What holds YAML in ``source``: an article's front matter, or a folder's settings file, which
    has no front matter (its errors said "front matter is not valid YAML")."""
    return "the file" if PurePosixPath(source).name == FOLDER_SETTINGS else "front matter"


# A top-level "id" key of YAML front matter: one that starts its line.
_TOP_LEVEL_ID = re.compile(r"""["']?id["']?[ \t]*:""")


def _id_line(front_matter: str | Callable[[str], int]) -> int:
    """The line of the file that gives the id: TOML front matter's own lookup of it, or, of YAML
    front matter (``raw``, from the file's line 2), the last line that starts with the key, as
    YAML keeps the last; 1 when no line does. A scan, not :func:`_key_line`: composing the
    front matter again for every article cost 0.4 ms each, for a line only a warning names."""
    if callable(front_matter):
        return front_matter("id")
    found = [n for n, line in enumerate(front_matter.split("\n"), start=2) if _TOP_LEVEL_ID.match(line)]
    return found[-1] if found else 1


def _key_line(raw: str, key: str, *, first_line: int = 2) -> int:
    """The line of the file on which front matter ``raw`` (valid, loaded before) names ``key``;
    of a key named twice, the last, whose value is the one loaded."""
    node = yaml.compose(_as_yaml(raw), Loader=_ExplainingLoader)
    lines = [
        int(name.start_mark.line) + first_line
        for name, _ in (node.value if isinstance(node, yaml.MappingNode) else [])
        if isinstance(name, yaml.ScalarNode) and name.value == key
    ]
    return lines[-1] if lines else first_line


def _explain_yaml(raw: str, source: str, first_line: int) -> object:
    """Parse broken front matter again with the pure-Python loader, whose messages say more, and raise."""
    try:
        return yaml.load(raw, Loader=_ExplainingLoader)
    except yaml.YAMLError as exc:
        # Point at the construct that is broken (an unclosed bracket's opening line) in file
        # lines; YAML's own message counts lines from the start of the front matter.
        mark = getattr(exc, "context_mark", None) or getattr(exc, "problem_mark", None)
        line = mark.line + first_line if mark is not None else 1
        problem = getattr(exc, "problem", None) or str(exc).split("\n")[0]
        context = getattr(exc, "context", None)
        detail = f"{problem} ({context})" if context else problem
        holder = _what_holds(source)
        what = holder if isinstance(exc, _Refused) else f"{holder} is not valid YAML:"
        if problem == "mapping values are not allowed here":
            # The usual cause: a value with ": " in it ("title: Holiday pay: PAY-2301 …").
            detail += "; a value that holds ': ' must be quoted, as in title: \"Holiday pay: PAY-2301\""
        raise ArticleError(source, line, f"{what} {detail}") from exc
