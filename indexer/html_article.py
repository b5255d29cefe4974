"""An HTML file (a page exported from a help centre or a wiki) as the Markdown it stands for.

The page is converted once, by :func:`indexer.html_blocks.html_as_markdown`, which writes its
headings, paragraphs, lists, preformatted text and tables as Markdown and leaves out its head,
scripts and styles; the Markdown is then read like any article's, each line traced to the line
of the HTML it comes from.
"""

from __future__ import annotations

import codecs
import html
import re
from dataclasses import dataclass

from indexer.errors import ArticleError
from indexer.html_blocks import fenced_lines, html_as_markdown
from indexer.roles import is_title_field

# Help centres and wikis export pages under these names.
HTML_SUFFIXES = (".html", ".htm")
# The page's <title>, looked for in its first bytes only: it belongs in the head.
_TITLE = re.compile(r"<title\b[^>]*>([^<]{1,500})</title\s*>", re.IGNORECASE)
_TITLE_WITHIN = 64 * 1024
# What a help centre puts between an article's title and its own name in a page's <title>:
# "Sync stuck : Nimbus Notes Support", "Reset your password | Acme Help Center".
SITE_NAME_SEPARATOR = re.compile(r"\s+[:|\u2013\u2014\u00b7-]\s+\S")
# A page without one may name itself in its first paragraph, of a class "title": Google Docs writes no
# <title>, but the document's Title style as <p class="c3 title">. Its head holds the document's whole
# stylesheet, so it is looked for further in; and only before any heading, where a paragraph so
# classed elsewhere (DocBook's table titles, a box's) names no page.
_TITLE_PARAGRAPH = re.compile(r"""<p\b[^<>]*?\bclass\s*=\s*["'](?:[^"'<>]*\s)?title[\s"']""", re.IGNORECASE)
_TITLE_PARAGRAPH_WITHIN = 512 * 1024
_HEADING_TAG = re.compile(r"<h[1-6]\b", re.IGNORECASE)
# The page's title heading as the page's Markdown writes it, at a line's start, a lower heading, and any.
_FIRST_TITLE_HEADING = re.compile(r"^# (.+)$", re.MULTILINE)
_SUB_HEADING = re.compile(r"#{2,6} (.+)")
_NEXT_HEADING = re.compile(r"^#{1,6} (.+)$", re.MULTILINE)
_TAGS = re.compile(r"<[^<>]*>")
# A form's field that names the page's title, written as a heading over its value's one line (a help desk's
# "Title" panel, see html_blocks._PANEL_TITLE): the heading's words and the value.
_TITLE_FIELD_HEADING = re.compile(r"#{2,6} ([^\n]+)\n\n([^\n#][^\n]*)\n(?=\n|$)")
# A FAQ page's question as a form writes it: a "Question:" label alone, its one line of words, then the
# "Answer:" label alone (a help desk's FAQ fields). The labels are no text of the page.
_QUESTION_FIELD = re.compile(
    r"^(?i:question|q):[ \t]*\n\n([^\n#|][^\n]*)\n\n(?i:answer|a):[ \t]*$", re.MULTILINE
)
# A declared character encoding, where browsers look for it: a <meta charset> (or http-equiv
# Content-Type) in the first 1024 bytes.
_CHARSET = re.compile(rb"""<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([A-Za-z0-9._:-]{1,40})""", re.IGNORECASE)
_CHARSET_WITHIN = 1024
# What browsers read a page declared Latin-1 or ASCII as (the WHATWG Encoding Standard); codec
# names, as codecs.lookup gives them ("latin-1" is "iso8859-1").
_AS_WINDOWS_1252 = frozenset(("iso8859-1", "ascii"))
# The character sets a page may declare (the WHATWG Encoding Standard's, as Python's codecs name
# them). Python knows other codecs by charset-like names that are no character set: "base64",
# "zlib", "rot13" and "undefined" fail to decode any page, and "unicode_escape" makes text no
# UTF-8 can hold; a page declaring one is read as UTF-8, as one declaring an unknown name is.
_CHARACTER_SETS = frozenset(
    (
        "utf-8", "cp866", "koi8-r", "koi8-u", "mac-roman", "mac-cyrillic", "cp874", "tis-620",
        *(f"iso8859-{n}" for n in (1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 14, 15, 16)),
        *(f"cp{n}" for n in range(1250, 1259)),
        "gbk", "gb2312", "gb18030", "big5", "big5hkscs", "euc_jp", "iso2022_jp", "shift_jis", "euc_kr",
        "cp949", "cp932", "ascii",
    )
)  # fmt: skip


@dataclass(frozen=True)
class HtmlPage:
    """The Markdown an HTML file stands for, the line of the file each of its lines comes from
    (0-based), and the page's ``<title>`` ("" when it has none)."""

    markdown: str
    origins: list[int]
    title: str


def is_html_file(source: str) -> bool:
    """Whether the article file ``source`` is read as HTML rather than Markdown."""
    return source.lower().endswith(HTML_SUFFIXES)


def declared_encoding(data: bytes) -> str | None:
    """The character encoding an HTML page's bytes declare, as a Python codec name; None when they
    declare none, or no character set of :data:`_CHARACTER_SETS` (UTF-16 is told by its byte-order
    mark, not by a declaration written in it)."""
    found = _CHARSET.search(data, 0, _CHARSET_WITHIN)
    if found is None:
        return None
    try:
        name = codecs.lookup(found.group(1).decode("ascii")).name
    except LookupError:
        return None
    if name not in _CHARACTER_SETS:
        return None
    return "cp1252" if name in _AS_WINDOWS_1252 else name


def read_html_page(text: str, source: str) -> HtmlPage:
    """The page HTML ``text`` (of file ``source``) holds; ArticleError when it holds no text."""
    converted = html_as_markdown(text, page=True)
    if converted is None:
        raise ArticleError(source, 1, "an HTML page with no text (only tags, comments or images)")
    found = _TITLE.search(text, 0, _TITLE_WITHIN)
    title = " ".join(html.unescape(found.group(1)).split()) if found else _title_paragraph(text)
    markdown = _question_field_as_heading(_title_field_as_heading(converted[0]))
    markdown = _site_name_as_text(_banner_as_text(_title_box_as_heading(markdown, title), title), title)
    return HtmlPage(markdown, converted[1], title)


def site_name(title: str, heading: str) -> str:
    """What a page's ``title`` says after ``heading`` and a separator (see SITE_NAME_SEPARATOR), the site's
    name as a help centre adds it; "" where the title is not the heading, a separator and more."""
    apart = SITE_NAME_SEPARATOR.match(title, len(heading)) if heading and title.startswith(heading) else None
    return title[apart.end() - 1 :].strip() if apart else ""


def _title_box_as_heading(markdown: str, title: str) -> str:
    """``markdown`` with its first line written as the page's heading when the page has no title
    heading of its own and that line is what the page's ``title`` says, perhaps before the site's name:
    a help desk's box over the article, its label the title (Kayako's), or a note app's title paragraph
    (OneNote's), read as a paragraph, was the first symptom and left the title with the site's name."""
    first, _, rest = markdown.partition("\n")
    line = first.strip()
    if (
        not line
        or not rest.startswith("\n")
        or not (title == line or site_name(title, line))
        or "\n# " in rest
    ):
        return markdown
    return f"# {line}\n{rest}"


def _title_field_as_heading(markdown: str) -> str:
    """``markdown`` with the page's title field (see _TITLE_FIELD_HEADING), its first heading, written as its
    title heading, its value the words, where the page has no title heading of its own: Ivanti Service
    Manager's "Title" panel over "GlobalConnect VPN will not connect" was a problem titled "Title", and the
    portal's <title> ("Knowledge - KB0004512 - Ivanti Service Manager") titled the article and every problem."""
    first = _NEXT_HEADING.search(markdown)
    found = _TITLE_FIELD_HEADING.match(markdown, first.start()) if first else None
    # A title heading of the page's own outside its code: a fix's script that opens on a comment ("# allow
    # NAT-T …" in a <pre>) left the portal's <title> titling the page.
    if found is None or not is_title_field(found.group(1)) or _has_title_heading(markdown):
        return markdown
    # Only its first heading: the page's record may come before it (Article Number, Status). The field's
    # label a blank line, so that each line stays at its line of the page.
    return f"{markdown[: found.start()]}\n\n# {found.group(2).strip()}\n{markdown[found.end() :]}"


def _question_field_as_heading(markdown: str) -> str:
    """``markdown`` with a FAQ's question field (see _QUESTION_FIELD) written as its title heading, where the
    page has no title heading of its own: Web Help Desk's "Question:" over "Scanner is not detected by
    Capture Pro." and "Answer:" left the portal's <title> ("Web Help Desk - FAQ 233") titling the page and its
    problem, the question in its symptoms."""
    found = _QUESTION_FIELD.search(markdown)
    if found is None or _has_title_heading(markdown):
        return markdown
    # Only a page of that one question, before any heading: a FAQ of several was titled by its first
    # question, the others' answers under it, and a troubleshooting page's question after its "Symptoms"
    # and "Resolution" was a heading mid-page, a problem whose step was the answer ("No. Files already
    # synced stay on the computer.").
    if _NEXT_HEADING.search(markdown, 0, found.start()) or _QUESTION_FIELD.search(markdown, found.end()):
        return markdown
    # The labels blank lines, so that each line stays at its line of the page.
    return f"{markdown[: found.start()]}\n\n# {found.group(1).strip()}\n\n{markdown[found.end() :]}"


def _has_title_heading(markdown: str) -> bool:
    """Whether ``markdown`` has a title heading ("# …") outside its fenced blocks of code, whose "# …" lines
    are a script's comments."""
    lines = markdown.split("\n")
    return any(
        not fenced and _FIRST_TITLE_HEADING.fullmatch(line)
        for line, fenced in zip(lines, fenced_lines(lines), strict=True)
    )


def _site_name_as_text(markdown: str, title: str) -> str:
    """``markdown`` with a heading before the page's title heading written as a paragraph when its words
    are the site's name that the page's ``title`` gives after the title heading's ("Errors | Parcelhub
    API"): a docs site's sidebar or banner (Stoplight Elements' project name in an <h4> over its table of
    contents) heads its navigation, not the article. Read as a heading, it was a problem whose steps were
    its links, and the article's own sections fell under it, one problem whose sections were its steps."""
    heading = _FIRST_TITLE_HEADING.search(markdown)
    if heading is None or not heading.start():
        return markdown
    site = site_name(title, heading.group(1).strip())
    if not site:
        return markdown
    before = markdown[: heading.start()].split("\n")
    for at, line in enumerate(before):
        named = _SUB_HEADING.fullmatch(line)
        if named is not None and named.group(1).strip() == site:
            before[at] = site
    return "\n".join(before) + markdown[heading.start() :]


def _banner_as_text(markdown: str, title: str) -> str:
    """``markdown`` with its title heading written as a paragraph, and the next heading as the title
    heading, when the title heading's words are the site's name that the page's ``title`` gives after the
    next heading's ("Receipt printer troubleshooting : TillPoint Support"): a help portal's banner over
    every article (Freshdesk's <h1> of the portal's name, the article's title an <h2> under it). Read as
    the title, the portal's name titled every article and the article's own title was a line of its body."""
    heading = _FIRST_TITLE_HEADING.search(markdown)
    if heading is None:
        return markdown
    site = heading.group(1).strip()
    following = _NEXT_HEADING.search(markdown, heading.end())
    if following is None or site_name(title, following.group(1).strip()) != site:
        return markdown
    between = markdown[heading.end() : following.start()]
    return f"{markdown[: heading.start()]}{site}{between}# {following.group(1)}{markdown[following.end() :]}"


def _title_paragraph(text: str) -> str:
    """The words of a page's title paragraph (see _TITLE_PARAGRAPH), or ""."""
    heading = _HEADING_TAG.search(text, 0, _TITLE_PARAGRAPH_WITHIN)
    found = _TITLE_PARAGRAPH.search(text, 0, heading.start() if heading else _TITLE_PARAGRAPH_WITHIN)
    if found is None:
        return ""
    start = text.find(">", found.end() - 1) + 1
    end = text.find("</p", start, start + _TITLE_WITHIN)
    if start <= 0 or end < 0:
        return ""
    return " ".join(html.unescape(_TAGS.sub("", text[start:end])).split())
