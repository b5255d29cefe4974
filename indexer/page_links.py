"""Paragraphs that say what a page is tagged with or links to, not what it says.

Obsidian and other note-taking tools write a note's tags in its text (``#kafka #oncall``) and link
related notes on a line of their own, under its title (``Related: [[Kafka cluster overview]], [[On-call handbook]]``).
Read as the article's text, such a line opened a problem's symptoms, or was a step or a note of its
fix; it is the page's metadata, searchable but no part of a problem.
"""

from __future__ import annotations

import re

from indexer.roles import RELATED_ELSEWHERE

# A tag: "#" then a word that may go on with "/" or "-" ("#doors/east", "#on-call"). One of digits
# only ("#4521") is an issue's or a ticket's number, which Obsidian does not take for a tag either.
_TAG = re.compile(r"#\w[\w/-]*+")
# A line that only names related notes: its label, then wiki links one after another, apart by
# commas, bars, middle dots or "and" (a bare label may leave its colon out, "See also [[Storage]]", as
# a note ends under a rule). ("See also: [a page](https://…)" is a see-also note of its problem, its
# link kept: a note app's links to other notes are no part of the answer.)
_LINK = r"\[\[[^\[\]\n]++\]\]"
_APART = r"(?:[ \t]*+(?:[,;|\u00b7]|and\b)[ \t]*+|[ \t]++)"
# Its label in English or in another language ("Siehe auch", "Voir aussi", "Se også": roles.RELATED_ELSEWHERE);
# in English only, a German answer's "*Siehe auch:* [Rollout-Checkliste](…)" was its last step. Not "\b" at
# its end: a Hindi label may end in a combining sign ("यह भी देखें", its anusvara), no word character.
_RELATED = re.compile(
    rf"(?:related|see also|further reading|additional resources|{RELATED_ELSEWHERE})(?!\w)", re.IGNORECASE
)
_RELATED_LINE = re.compile(
    rf"{_RELATED.pattern}(?:[^:\n\[\]]{{0,40}}:)?[ \t]*+"
    rf"{_LINK}(?:{_APART}{_LINK})*+[ \t]*+\.?",
    re.IGNORECASE,
)
# A value that only names other pages, by wiki links or tags (Roam's "[[Disk watermarks]] [[Nightly
# reindex]]", "#kafka #[[Dead letters]]"); not a ticket's number ("#4521"), as for _TAG.
_PAGE_REF = rf"#?{_LINK}|#(?!\d++(?![\w/-]))\w[\w/-]*+"
_PAGE_REFS = re.compile(rf"(?:{_PAGE_REF})(?:{_APART}(?:{_PAGE_REF}))*+")
# A line that only embeds other notes (Obsidian's, Dendron's and Foam's "![[devops.ci.runner-basics#escalation]]"):
# the note app shows the other note's text there, which the page does not hold. Read as its text, it was a
# note of the last problem, "!devops.ci.runner-basics#escalation".
_EMBEDS_LINE = re.compile(rf"!{_LINK}(?:{_APART}!{_LINK})*+")
# A docs site's line of links to its other pages, parted by middle dots or bars, perhaps after a lead
# of a few words ("Back to [README](../README.md) · [Installation](install.md)"), and what it ends
# with after its last link (a footer's "· Last updated 2024-03-02").
_MD_LINK = r"\[[^\[\]\n]++\]\([^()\s]++\)"
# A bar may be escaped ("\|"), as a web page's line of links is, read as Markdown.
_LINK_APART = r"[ \t]*+(?:[\u00b7|]|\\\|)[ \t]*+"
_LINKS_LINE = re.compile(
    rf"(?:[^\W\d_]++(?:[ \t]++[^\W\d_]++){{0,2}}:?[ \t]++)?{_MD_LINK}(?:{_LINK_APART}{_MD_LINK})++"
    rf"(?:{_LINK_APART}(?P<tail>[^\u00b7|\n]*+))?"
)
# A site's trail to the page under its title, its places links parted by the arrows breadcrumbs are drawn
# with, the page's own place last perhaps without its link ("[AWS re:Post](…) › [Knowledge Center](…) ›
# Containers"): two links at least, so that "Go to Settings > Billing" stays an instruction.
_TRAIL_APART = r"[ \t]*+[>\u203a\u00bb][ \t]*+"
_TRAIL_LINE = re.compile(
    rf"{_MD_LINK}(?:{_TRAIL_APART}{_MD_LINK})++(?:{_TRAIL_APART}[^>\u203a\u00bb\n\[\]()]{{1,40}}+)?"
)
# A docs site's pager under the article, as a theme renders it: a link to the page before, its words led by
# an arrow pointing back ("← Overview", "« Install"), and one to the page after, its words ended by an arrow
# pointing on ("Create shipment →"), perhaps only one of them, nothing else on the line. Between them, spaces,
# bars or middle dots, a bar perhaps escaped (see _LINK_APART).
_BACK_LINK = r"\[[ \t]*+[\u2190\u2039\u00ab\u27f5][^\[\]\n]{1,80}\]\([^()\s]++\)"
_ON_LINK = r"\[[^\[\]\n]{1,80}[\u2192\u203a\u00bb\u27f6][ \t]*+\]\([^()\s]++\)"
_PAGER_LINE = re.compile(rf"{_BACK_LINK}(?:(?:[ \t|\u00b7]|\\\|)*+{_ON_LINK})?|{_ON_LINK}")
# A label of a few words in any language, then Markdown links only ("Powiązane artykuły: [Instalacja
# sterownika](/kb/2201)", "См. также: […](…) · […](…)"): a line of related pages.
_LABELLED_LINKS = re.compile(
    rf"[^\W\d_][^:\uff1a\n\[\]]{{0,40}}?[ \t]?[:\uff1a][ \t]*+{_MD_LINK}(?:[ \t]*+[,;|\u00b7][ \t]*+{_MD_LINK})*+"
)
# Such a label in italics or bold, its colon in it or after it ("*Related:* [Deploy checklist](…)", as a Q&A
# wiki's answer ends): the label's marks, left out before the line is read.
_EMPHASISED_LABEL = re.compile(
    r"^(\*{1,2}|_{1,2})([^\W\d_][^*_:\uff1a\n\[\]]{0,40}?[:\uff1a]?)\1(?=[:\uff1a]?[ \t])"
)
# The same as a Japanese or Chinese help centre writes it: its label alone on its line ("関連する記事"),
# then a link a line, each after a bullet typed as text ("・[SSO設定の手順](…)").
_LABELLED_LINK_LINES = re.compile(
    rf"[^\W\d_][^:\uff1a\n\[\]]{{0,40}}?[:\uff1a]?(?:\n[ \t]*+[・•●][ \t\u3000]*+{_MD_LINK})++"
)


def tags_or_links_only(markdown: str) -> bool:
    """Whether a paragraph's Markdown ``markdown`` is only lines of tags ("#kafka #oncall") or of
    links to related pages ("Related: [[Kafka cluster overview]], [[Consumer tuning]]")."""
    lines = [line.strip() for line in markdown.split("\n")]
    return bool(lines) and all(_tags_only(line) or _RELATED_LINE.fullmatch(line) for line in lines)


def page_refs_only(text: str) -> bool:
    """Whether ``text`` only names other pages, by wiki links or tags (see _PAGE_REFS)."""
    return bool(_PAGE_REFS.fullmatch(text.strip()))


def embeds_only(markdown: str) -> bool:
    """Whether a paragraph's Markdown ``markdown`` is only lines of other notes embedded (see _EMBEDS_LINE)."""
    return all(_EMBEDS_LINE.fullmatch(line.strip()) for line in markdown.split("\n"))


def links_line(markdown: str) -> str | None:
    """If ``markdown`` is one line of two or more Markdown links parted by middle dots or bars (a
    docs site's navigation or footer), what it says after its last link ("" for nothing); else None."""
    found = _LINKS_LINE.fullmatch(markdown.strip())
    return None if found is None else (found["tail"] or "").strip()


def trail_line(markdown: str) -> bool:
    """Whether ``markdown`` is one line of a site's trail to the page, its places Markdown links parted by
    "›", "»" or ">" (see _TRAIL_LINE)."""
    return bool(_TRAIL_LINE.fullmatch(markdown.strip()))


def pager_line(markdown: str) -> bool:
    """Whether ``markdown`` is one line of a docs site's pager to the pages before and after (see _PAGER_LINE)."""
    return bool(_PAGER_LINE.fullmatch(markdown.strip()))


def labelled_links(markdown: str, *, related: bool = False) -> bool:
    """Whether ``markdown`` is one line of a label then Markdown links only ("Related articles:
    [Install the driver](install.md)", in any language), or its label over a bulleted link a line; with
    ``related``, only where the label names related pages (see _RELATED; not "Example: [dropbox.rb](…)")."""
    markdown = _EMPHASISED_LABEL.sub(r"\2", markdown.strip(), count=1)
    if related and not _RELATED.match(markdown):
        return False
    return bool(_LABELLED_LINKS.fullmatch(markdown) or _LABELLED_LINK_LINES.fullmatch(markdown))


def _tags_only(line: str) -> bool:
    """Whether ``line`` is one or more tags and nothing else."""
    words = line.split()
    return bool(words) and all(_TAG.fullmatch(word) and not word[1:].isdigit() for word in words)
