"""What a question-and-answer site's export writes around its posts, not in them.

Stack Exchange and its kind sign each post with a line of who asked, answered or edited it, and
when ("*answered Mar 5 '23 at 14:01* **ringo_dba** 14.2k"; or who, in a quote, "> answered by ringo_dba —
14.2k rep"), and print the comments under a post ("> **Comment** (user2231): Did you check …? — 3 years
ago"), and under the question's title they print
how old and how read it is ("Asked 2 years ago · Viewed 48k times") and its tags ("**django** **nginx**").
Read as the article's text, a signature was a note after the fix's steps, a comment the problem's error
message, the counts and the tags its symptoms, and the site's footer a note: all are searchable body, in no
part of a problem.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import takewhile

from markdown_it.tree import SyntaxTreeNode

from indexer.dates import AGE, MONTH, WEEKDAY
from indexer.errortext import error_codes
from indexer.html_blocks import COMMENTS_COUNT
from indexer.inline_text import inline_parts, inline_text
from indexer.markup import FOLD_TITLE, token_meta

# The words a site signs a post with: what was done to it, then when; not GitHub Discussions' byline
# over the question ("**rkumar** asked this question in Q&A · Nov 8, 2023"), which opens its post.
_SIGNED = re.compile(
    r"(?:asked(?![ \t]+this[ \t]+question\b)|answered|edited|modified|posted|commented|replied)\b[^\n]{0,60}\d",
    re.IGNORECASE,
)
# A signature written out in plain text, as some exports quote it under the post: who, then their
# reputation ("answered by k_lindqvist — 31.5k rep").
_SIGNED_BY = re.compile(
    r"(?:asked|answered|edited)\s+by\s+\S[^\n]{0,39}?\s+[\u00b7\u2013\u2014|-]\s+[\d.,]{1,8}\s?k?\s+rep(?:utation)?",
    re.IGNORECASE,
)
# Around the signature's emphasised parts, only short plain text: "·", a reputation ("14.2k").
MAX_SIGNATURE_GAP = 24
MAX_SIGNATURE_CHARS = 200
# A user's handle as a forum or an issue tracker prints it, "@" then a name ("**@lbrandt** commented on
# Mar 4, 2024"), or as Reddit does, "u/" then a name ("**u/tarball_tim** · 4h · ▲ 42"): it opens a
# reply's byline, which says where a post of a thread begins (threads.py), no question-and-answer
# site's signature, which never prints either.
HANDLE = re.compile(r"@[\w.-]{1,60}|u/[\w-]{3,20}")
# A user's name without the "@", as other forums and exports print it ("**ana**", "**Jane Doe**"), perhaps
# with the nickname Bugzilla users add to it ("Ben Ortiz [:benortiz]"): a byline only where a separator
# and a date follow it ("· Oct 2, 2023"), which a bold label has not.
NAME = re.compile(r"[\w.-]{1,40}(?: [\w.-]{1,40}){0,2}(?: \[:[\w.-]{1,40}\])?")
_SEPARATOR = r"[ \t]*[\u00b7\u2022|\u2013\u2014-][ \t]*"
# A community site's level of its user, in the byline where others print the date ("· Level 8 (35,412
# points)", as Apple's community does): the points are the user's, not the post's.
LEVEL = re.compile(r"(?i:level)[ \t]+\d{1,2}[ \t]*\([\d.,]{1,9}k?[ \t]+points?\)")
# Between the name and the date or level, a few words that say who the writer is, a segment each
# ("· Author ·", "· TicketHub Product Support ·", as Zendesk and Apple print a vendor's or the asker's).
DATED = re.compile(
    rf"(?:{_SEPARATOR}[\w&'.-]+(?:[ \t][\w&'.-]+){{0,3}}){{0,2}}?{_SEPARATOR}"
    # A board's date may open with its weekday ("· Tue Oct 08, 2024 7:42 pm", as phpBB prints it).
    rf"(?:{WEEKDAY}[ \t]+)?(?:"
    rf"{MONTH}\.?[ \t]+\d{{1,2}}\b|\d{{1,2}}[ \t]+{MONTH}\b"
    r"|\d{4}-\d{2}-\d{2}\b|\d{1,2}[./]\d{1,2}[./]\d{2,4}\b"
    # How old the post is, as Microsoft Q&A prints it ("· 5 months ago").
    rf"|{AGE}"
    rf"|{LEVEL.pattern})"
)
# A byline says who and when, nothing more: a handle, a date, a mark.
MAX_BYLINE_CHARS = 120
# A comment printed under a post, in a quote that opens with its bold label, which may name who wrote
# it and when ("**Comment from Hanna K. (2 days ago):**", "**Comment by ops_lee:**").
_COMMENT_LABEL = re.compile(
    r"comments?(?:\s+(?:from|by)\s+[^():\n]{1,40}?(?:\s*\([^()\n]{1,30}\))?)?\s*:?", re.IGNORECASE
)
# The word that this label and a count of comments (COMMENTS_COUNT) hold, in any case: a page whose
# paragraphs and headings lack it has neither (see listed_comments).
_COMMENT_WORD = "comment"
# A word character: an icon before a label holds none.
_WORD = re.compile(r"\w")
# A day as a site prints it beside a post ("Mar 3, 2022", "Mar 3 '22"), then perhaps its time (", at 11:02");
# read with IGNORECASE.
_ON_DAY = r"[a-z]{3,9}\.?\s+\d{1,2}(?:,?\s+\d{4}|\s+'\d{2})?"
_AT_TIME = r"(?:,?\s+(?:at\s+)?\d{1,2}:\d{2})?"
# When a comment was written, after its user's name: "Mar 3, 2022 at 11:02", "Mar 3 '22", "2 days ago".
_COMMENT_DATE = re.compile(
    rf"\s*(?:{_ON_DAY}{_AT_TIME}|\d{{4}}-\d{{2}}-\d{{2}}|{AGE}|today|yesterday)\s*",
    re.IGNORECASE,
)
# The dash that sets a comment's text apart from its signature: "This fixed it – *mtorres* Mar 3".
_COMMENT_DASH = re.compile(r"\S\s+[-\u2013\u2014]\s*$")
# The site's footer under the last answer: its prompt to look further ("Not the answer you're looking for?
# Browse other questions tagged …") and its licence ("site design / logo © 2024 Stack Exchange Inc; …").
_SITE_FOOTER = re.compile(
    r"not the answer you['\u2019]re looking for\?|site design\s*/\s*logo\s*(?:©|\(c\))", re.I
)
MAX_FOOTER_CHARS = 300
# A question's counts, each a word and when or how often: "Asked 2 years ago", "Modified today",
# "Viewed 48k times"; apart by middle dots or bars, or one after another as a page copied as text has them.
_COUNT_APART = re.compile(
    r"\s*+[\u00b7\u2022|]\s*+|\s++(?=(?:asked|modified|active|viewed)\b)", re.IGNORECASE
)
_DATED_COUNT = re.compile(
    rf"(?:asked|modified|active)\s+(?:{AGE}|today|yesterday|(?:on\s+)?(?:{_ON_DAY}|\d{{4}}-\d{{2}}-\d{{2}}){_AT_TIME})",
    re.IGNORECASE,
)
_VIEWS = re.compile(r"viewed\s[\d.,]{1,12}\s?[km]?\s+times?", re.IGNORECASE)
# Not "Modified 1 year ago" alone, a help centre's byline: a question's counts say when it was asked or
# how often it was read.
_QUESTION_COUNT = re.compile(r"asked|viewed", re.IGNORECASE)
MAX_COUNTS_CHARS = 120
# A voting site's counts under the post asked, with the buttons beside them ("▲ 37 · 💬 9 comments · Share
# · Save", as Reddit prints them; "3 Likes", Discourse's; "Follow · 37 votes", Zendesk's; "Reply · Helpful (27)", Apple's; "5 people
# found this answer helpful.", Microsoft Q&A's; "👍 42 people found this useful", a newsletter's; a count whose template was never filled, "0 {count}
# comments"), and the control over its replies that sorts them ("Sort by: Best", "Sort by: Date · Votes",
# "Sorted by: Highest score (default)").
_POST_COUNT = re.compile(
    r"[\u25b2\u2b06]\s*+[\d.,]{1,8}k?"
    # The question's vote buttons and the count of those who bookmarked it ("▲ ▼ ☆ 312").
    r"|[\u25b2\u2b06]\s*+[\u25bc\u2b07](?:\s*+[\u2606\u2605]\s*+[\d.,]{1,8}k?)?"
    # re:Post's count of those who found an answer helpful ("5 Helpful").
    r"|(?:\U0001f4ac\s*+)?[\d.,]{1,8}k?\s+(?:\{\w+\}\s+)?(?:comments?|points?|upvotes?|votes?|likes?|helpful)"
    # A topic's counts under its last post, as Discourse prints them ("2 Replies · 2 Users · 10 Likes").
    r"|[\d.,]{1,8}k?\s+(?:replies|reply|users?|views?|links?)"
    # A post's reactions, each an emoji and how many gave it ("👍 14 · 👀 3", GitHub's and Discourse's).
    r"|[\u2600-\u27bf\U0001f300-\U0001faff]\ufe0f?\s*+\d[\d,]{0,7}"
    r"|helpful(?:\s+answer)?\s*+\(\d[\d,]*\)"
    # Microsoft Q&A's count of those who asked the same, a button with it ("I have the same question (2)").
    r"|i\s+have\s+the\s+same\s+question\s*+\(\d[\d,]*\)"
    r"|(?:\U0001f44d\s*+)?[\d,]{1,8}\s+(?:people|person|users?|members?|readers?)\s+found\s+this"
    r"\s+(?:answer\s+|reply\s+|post\s+|article\s+)?(?:helpful|useful)\.?",
    re.IGNORECASE,
)
_POST_BUTTON = re.compile(r"share|save|reply|report|award|hide|follow|helpful", re.IGNORECASE)
# Buttons alone, with no count, are a post's where they offer to reply to it ("Reply · Helpful").
_REPLY_BUTTON = re.compile(r"reply", re.IGNORECASE)
_SORT_CONTROL = re.compile(
    r"sort(?:ed)?\s+by:\s*+\w+(?:\s\w+)?(?:\s*+[\u00b7\u2022|]\s*+\w+(?:\s\w+)?)*(?:\s*+\(default\))?"
    # Its label alone, where its choices are a drop-down's, which a page saved as HTML holds no text of
    # (see indexer.html_blocks): "Sorted by:" says what a control shows, no instruction.
    r"|sorted\s+by:",
    re.IGNORECASE,
)
# A site's prompt under an answer to accept or upvote it ('Please "Accept the answer" and "Upvote" if the
# information helped you.', as Microsoft Q&A's moderators sign theirs): read after the steps, it was a note.
_ACCEPT_PROMPT = re.compile(
    r"(?:if\b[^.!?\n]{0,80},\s*)?(?:please|kindly)\b[^.!?\n]{0,40}?\b(?:accept|upvote|mark)"
    r"[^.!?\n]{0,80}?\b(?:answers?|upvote)\b[^.!?\n]{0,80}[.!]?",
    re.IGNORECASE,
)
MAX_PROMPT_CHARS = 240
# An answer's score as the site prints it in bold over the answer ("**218**"), the accepted one's mark
# beside it ("**1653** ✔ Accepted answer"), as a Stack Overflow page saved as Markdown opens each answer.
_SCORE = re.compile(r"[+-]?\d[\d,]{0,8}")
_ACCEPTED = re.compile(r"\s*(?:[\u2713\u2714\u2705]\s*)?(?:accepted|best)(?:\s+answer)?\s*", re.IGNORECASE)
# A comment under a post as such a page quotes it, signed at its end by a dash and its user's handle, or
# their name emphasised or linked, then perhaps when ("> Pinning hides the conflict. – rustacean_42",
# "> … thanks. – [ops_guy](…) Apr 5, 2021 at 7:30"); a score may open it ("52 — …").
_QUOTE_SIGNED = re.compile(
    rf"\S\s+[-\u2013\u2014]\s*[\w.-]{{0,40}}[^\W\d][\w.-]{{0,40}}(?:{_COMMENT_DATE.pattern})?$", re.IGNORECASE
)
# A signature in plain text, as a page saved from the site has it: what was done and when, a dash, the
# user's name of a word or three, perhaps their reputation and badges ("answered Feb 17, 2021 — Amit Ranjan",
# "… — Amit Ranjan 9,114 ● 2 ● 44").
_SIGNED_ON = re.compile(
    rf"(?:asked|answered|edited)\s+{_ON_DAY}{_AT_TIME}\s+[\u2013\u2014-]\s+[\w.-]{{1,40}}(?: [\w.-]{{1,40}}){{0,2}}"
    r"(?:\s+[\d.,]{1,8}k?(?:\s+\u25cf\s+[\d,]{1,6}){0,3})?",
    re.IGNORECASE,
)
# A signature in plain text with the user first, as AWS re:Post prints one under the question and each
# answer: perhaps their badge in capitals, their name, then what they did and how long ago ("EXPERT
# Rafael_K · answered 2 months ago", "dev_ops_jo · asked 3 days ago").
_NAME_SIGNED = re.compile(
    rf"(?:(?-i:[A-Z][A-Z ]{{1,30}})\s)?{NAME.pattern}{_SEPARATOR}(?:"
    rf"(?:asked|answered|edited|commented)\s+(?:{AGE}|{_ON_DAY}{_AT_TIME})"
    # Or, as Microsoft Q&A prints it, the user's reputation, then when they wrote or who they are ("Crystal-MSFT
    # · 52,000 Reputation points · Microsoft External Staff", "Tom Berg · 15 Reputation points · 2026-03-01T10:00:00Z").
    rf"|[\d.,]{{1,9}}k?\s+reputation\s+points?(?:{_SEPARATOR}[^\n\u00b7\u2022|]{{1,40}})?)",
    re.IGNORECASE,
)
# The buttons under a post, as a page saved from the site prints them, links or not ("Share Improve this
# answer Follow", "Share · Edit · Follow · Flag").
_POST_ACTIONS = re.compile(
    r"(?:share|improve\s+this\s+(?:question|answer)|edit|follow|flag|cite)"
    r"(?:(?:\s*+[\u00b7\u2022|]\s*+|\s++)(?:share|improve\s+this\s+(?:question|answer)|edit|follow|flag|cite))+",
    re.IGNORECASE,
)
# Only a comment's end is read for its signature.
MAX_SIGNATURE_TAIL = 120
# A tag as such sites print them: lower case, a word that may go on with dots, dashes, "+" and "#"
# ("python-3.x", "c++", "c#").
_TAG = re.compile(r"[a-z0-9][a-z0-9.+#-]{0,34}")
# Where a site lists a tag's questions, as its tags link there ("/questions/tagged/npm", "/tags/npm").
_TAG_LINK = re.compile(r"/(?:questions/tagged|tags?)/[^/\s]+/?$")


def is_signed_page(nodes: Sequence[SyntaxTreeNode]) -> bool:
    """Whether some top-level block signs a post: the page is a question-and-answer site's."""
    return any(_signs_post(node) for node in nodes)


def _signs_post(node: SyntaxTreeNode) -> bool:
    """A post's signature, as a paragraph or quoted alone ("> answered by k_lindqvist — 31.5k rep")."""
    if node.type == "blockquote" and len(node.children) == 1:
        node = node.children[0]
    return node.type == "paragraph" and _is_signature(node)


def is_post_furniture(node: SyntaxTreeNode, *, tags: bool, signed: bool) -> bool:
    """Whether a top-level block is a post's signature, a comment under it, or a question's counts or
    tags (see the module); ``tags`` says whether a line of tags may stand where ``node`` does, ``signed``
    whether the page's posts are signed, where a quote signed at its end is a comment."""
    if _signs_post(node) or (signed and is_signed_comment(node)):
        return True
    if node.type == "paragraph":
        return (
            _is_counts(node)
            or _is_post_actions(node)
            or _is_post_counts(node)
            or (tags and _is_tags(node))
            or _is_site_footer(node)
            or bool(_SORT_CONTROL.fullmatch(inline_text(node)))
            or _is_accept_prompt(node)
        )
    if node.type == "blockquote" and node.children and node.children[0].type == "paragraph":
        parts = inline_parts(node.children[0], spacing=False)
        return (
            bool(parts)
            and parts[0].type == "strong"
            and bool(_COMMENT_LABEL.fullmatch(inline_text(parts[0])))
        )
    return False


def answer_score(node: SyntaxTreeNode) -> str:
    """The title of the answer a paragraph of its score alone in bold opens ("Accepted answer · 1653"
    for "**1653** ✔ Accepted answer", "Answer · -3" for "**-3**"), as the site's headings over its
    answers say; "" for any other block."""
    parts = inline_parts(node, spacing=False) if node.type == "paragraph" else []
    if not parts or len(parts) > 2 or parts[0].type != "strong":
        return ""
    score = inline_text(parts[0]).strip()
    if not _SCORE.fullmatch(score):
        return ""
    if len(parts) == 1:
        return f"Answer · {score}"
    mark = inline_text(parts[1])
    return f"Accepted answer · {score}" if parts[1].type == "text" and _ACCEPTED.fullmatch(mark) else ""


def is_question_score(node: SyntaxTreeNode) -> bool:
    """Whether ``node`` is a score alone in bold ("**1284**"), as a saved question-and-answer page prints
    the question's over it: under the page's title, the post's furniture, no symptom."""
    return answer_score(node).startswith("Answer ")


def is_signed_comment(node: SyntaxTreeNode) -> bool:
    """Whether ``node`` is a quote of comments, a paragraph each that a comment's signature ends (see
    _QUOTE_SIGNED), as a saved page quotes a post's comments together: on a page whose posts are signed,
    what readers said under a post, no error it printed."""
    return (
        node.type == "blockquote"
        and bool(node.children)
        and all(child.type == "paragraph" and _signed_at_end(child) for child in node.children)
    )


def _signed_at_end(paragraph: SyntaxTreeNode) -> bool:
    """Whether a comment's signature ends ``paragraph``: a dash, its user's name, perhaps when."""
    parts = inline_parts(paragraph, spacing=False)
    if not parts:
        return False
    if parts[-1].type == "text" and _COMMENT_DATE.fullmatch(parts[-1].content):
        parts = parts[:-1]
    if not parts:
        return False
    if parts[-1].type in ("em", "strong", "link") and len(parts) >= 2 and parts[-2].type == "text":
        return bool(_COMMENT_DASH.search(parts[-2].content))
    return parts[-1].type == "text" and bool(_QUOTE_SIGNED.search(parts[-1].content[-MAX_SIGNATURE_TAIL:]))


def listed_comments(blocks: Sequence[SyntaxTreeNode]) -> set[int]:
    """The ids of each "**Comments**" label and the list under it whose every item is a comment signed
    at its end ("This fixed it, thanks! – *mtorres* Mar 3, 2022 at 11:02"), as an export prints the
    comments under a post: read as the post's text, they were steps of the fix. So are the paragraphs
    under such a label that each open with a writer's byline ("**@Marta Ruiz** · Mar 4: …"), as Dropbox
    Paper and Quip export a document's comments after it: they were notes of the last fix."""
    out: set[int] = set()
    # Most pages have no comments: their blocks are not each read as a label and a count of them.
    if not any(
        block.type in ("paragraph", "heading") and _COMMENT_WORD in inline_text(block).lower()
        for block in blocks
    ):
        return out
    for at, label in enumerate(blocks):
        if not _is_comments_label(label):
            continue
        after = blocks[at + 1 :]
        if after and after[0].type == "bullet_list" and all(map(_is_comment, after[0].children)):
            out.update((id(label), id(after[0])))
            continue
        signed = list(takewhile(lambda block: block.type == "paragraph" and _opens_with_byline(block), after))
        if signed:
            out.update((id(label), *map(id, signed)))
    for at, heading in enumerate(blocks):
        out.update(id(block) for block in _counted_comments(heading, blocks, at + 1))
    return out


def _counted_comments(
    heading: SyntaxTreeNode, blocks: Sequence[SyntaxTreeNode], start: int
) -> list[SyntaxTreeNode]:
    """A heading that counts a blog's comments and the blocks under it (``blocks`` from ``start``: taken only
    once the heading counts comments, as every block of a page is asked) up to the next heading, when the
    first of them opens with a commenter's byline ("**Ankita** · 3 Mar 2024", then what they wrote):
    read as the post's text, the heading named a group of the fix and each comment was a step of it.

    So is a ``<details>`` fold whose summary counts them ("Comments (2)"), as a docs site folds its
    thread under a page, to the fold's end: read as the page's, the errors a commenter quoted were
    the last problem's error messages."""
    fold = heading.type == "paragraph" and bool(token_meta(heading, FOLD_TITLE))
    if heading.type == "paragraph" and not fold:
        return _labelled_comments(heading, blocks, start)
    if not (heading.type == "heading" or fold):
        return []
    title = inline_text(heading).strip()
    # A community tutorial's thread is headed "Comments" alone; the byline under it still decides.
    if not (
        COMMENTS_COUNT.fullmatch(title) or (heading.type == "heading" and title.casefold() == "comments")
    ):
        return []
    under = list(
        takewhile(
            lambda block: block.type != "heading" and not (fold and _closes_fold(block)), blocks[start:]
        )
    )
    if not under or not _opens_with_byline(under[0]):
        return []
    return [heading, *under]


def _labelled_comments(
    label: SyntaxTreeNode, blocks: Sequence[SyntaxTreeNode], start: int
) -> list[SyntaxTreeNode]:
    """A paragraph whose first line is a bold label that counts the comments under it, perhaps after an
    icon ("💬 **Comments (2)**", as a knowledge card's export prints them after its final rule), and the
    blocks after it (``blocks`` from ``start``) up to the next heading, when its next line (or the next
    block) opens with a commenter's byline: read as the page's, the comments were a note of its last
    problem."""
    parts = inline_parts(label)
    breaks = [at for at, part in enumerate(parts) if part.type in ("softbreak", "hardbreak")]
    first = parts[: breaks[0]] if breaks else parts
    if first and first[0].type == "text" and not any(c.isalnum() for c in first[0].content):
        first = first[1:]
    if (
        len(first) != 1
        or first[0].type != "strong"
        or not COMMENTS_COUNT.fullmatch(inline_text(first[0]).strip())
    ):
        return []
    under = list(takewhile(lambda block: block.type != "heading", blocks[start:]))
    if breaks:
        lines = inline_text(label).split("\n")
        opened = len(lines) > 1 and _byline_opens(parts[breaks[0] + 1 :], lines[1])
    else:
        opened = bool(under) and _opens_with_byline(under[0])
    return [label, *under] if opened else []


def _closes_fold(block: SyntaxTreeNode) -> bool:
    """Whether ``block`` is the HTML that ends a ``<details>`` fold."""
    return block.type == "html_block" and "</details>" in block.content.lower()


def _opens_with_byline(paragraph: SyntaxTreeNode) -> bool:
    """A paragraph whose first line is a byline: a name in bold, italics or a link, then a separator
    and a date ("**Ankita** · 3 Mar 2024"), its text on the lines under it or in the blocks after it."""
    return _byline_opens(inline_parts(paragraph), inline_text(paragraph).split("\n", 1)[0])


# A comment's text on its byline's line after a dash ("**Dana** · Apr 3, 2024 — On the older tills …").
_TEXT_AFTER_BYLINE = re.compile(r"[ \t]*[\u2013\u2014][ \t]*\S")
# A community tutorial's byline, where the commenter's upvotes stand for the date, perhaps after the role
# the site gives them ("**kyle_m** · 3 upvotes", "**jamie** (author) · 1 upvote").
_VOTED = re.compile(
    rf"(?:[ \t]*\([\w ]{{1,20}}\))?{_SEPARATOR}[\d.,]{{1,8}}k?[ \t]+(?:up)?votes?\b", re.IGNORECASE
)


def _byline_opens(parts: Sequence[SyntaxTreeNode], line: str) -> bool:
    """Whether a line, its inline ``parts`` and its text ``line``, is a byline (see _opens_with_byline),
    or one followed by the comment's text after a dash (see _TEXT_AFTER_BYLINE)."""
    if not parts or parts[0].type not in ("strong", "em", "link"):
        return False
    name = inline_text(parts[0]).strip()
    after = line.replace(name, "", 1)
    dated = DATED.match(after) or _VOTED.match(after)
    return (
        # A mention of a person by their full name ("@Marta Ruiz"), as Paper and Quip print a comment's writer.
        (bool(HANDLE.fullmatch(name)) or bool(NAME.fullmatch(name.removeprefix("@"))))
        and dated is not None
        and (len(line) <= MAX_BYLINE_CHARS or bool(_TEXT_AFTER_BYLINE.match(after, dated.end())))
    )


def _is_comments_label(node: SyntaxTreeNode) -> bool:
    """A paragraph of one bold comments label, perhaps after an icon ("💬 **Comments**", as Paper writes it)."""
    parts = inline_parts(node, spacing=False)
    if len(parts) == 2 and parts[0].type == "text" and not _WORD.search(parts[0].content):
        parts = parts[1:]
    return (
        len(parts) == 1
        and parts[0].type == "strong"
        and bool(_COMMENT_LABEL.fullmatch(inline_text(parts[0])))
    )


def _is_comment(item: SyntaxTreeNode) -> bool:
    """A list item of one paragraph that ends with its signature: a dash, its user's name emphasised,
    and when."""
    if len(item.children) != 1:
        return False
    parts = inline_parts(item.children[0], spacing=False)
    return (
        len(parts) >= 3
        and parts[-1].type == "text"
        and bool(_COMMENT_DATE.fullmatch(parts[-1].content))
        and parts[-2].type in ("em", "strong")
        and parts[-3].type == "text"
        and bool(_COMMENT_DASH.search(parts[-3].content))
    )


def _is_site_footer(paragraph: SyntaxTreeNode) -> bool:
    """A short paragraph that opens as the site's footer does: read after the accepted answer, it was a
    note of the fix."""
    text = inline_text(paragraph)
    return len(text) <= MAX_FOOTER_CHARS and bool(_SITE_FOOTER.match(text))


def opens_site_footer(node: SyntaxTreeNode) -> bool:
    """Whether ``node``, a heading or a paragraph, opens the site's footer under the last answer ("Not the
    answer you're looking for? …"): what follows it (the "Linked", "Related" and "Hot Network Questions"
    lists of other questions) is the site's navigation, no part of a post; read as the page's sections,
    each list was a group of steps of the fix."""
    return node.type in ("heading", "paragraph") and _is_site_footer(node)


def _is_signature(paragraph: SyntaxTreeNode) -> bool:
    """A short paragraph that signs a post ("*answered Jun 1 '23* **kvn**", "answered Apr 9, 2023 —
    *anon*"): its user's name emphasised or linked to their profile, and beside it only what signs it
    and short text ("·", a reputation, "14.2k"); or written out in plain text, "answered by kvn — 14.2k
    rep", "answered Apr 9, 2023 — Ann Kovac"."""
    parts = inline_parts(paragraph, spacing=False)
    if not parts or sum(len(inline_text(part)) for part in parts) > MAX_SIGNATURE_CHARS:
        return False
    if len(parts) == 1 and parts[0].type == "text":
        said = parts[0].content.strip()
        return bool(_SIGNED_BY.fullmatch(said) or _SIGNED_ON.fullmatch(said) or _NAME_SIGNED.fullmatch(said))
    signed = named = False
    for part in parts:
        said = inline_text(part)
        signs = bool(_SIGNED.match(said))
        if part.type in ("em", "strong", "link") and HANDLE.fullmatch(said.strip()):
            return False
        if part.type in ("em", "strong", "link"):
            named = True
        elif part.type != "text" or (len(said) > MAX_SIGNATURE_GAP and not signs):
            return False
        signed = signed or signs
    return signed and named


def _is_tag(part: SyntaxTreeNode) -> bool:
    """An inline part that can be a tag: bold, code, or a link to the questions tagged with it."""
    if part.type == "link":
        return bool(_TAG_LINK.search(str(part.attrs.get("href", ""))))
    return part.type in ("strong", "code_inline")


def _is_counts(paragraph: SyntaxTreeNode) -> bool:
    """A short line of plain text that only counts a question's age and views ("Asked 2 years ago ·
    Viewed 48k times", "Asked 3 days ago Modified today Viewed 97 times")."""
    parts = inline_parts(paragraph, spacing=False)
    if len(parts) != 1 or parts[0].type != "text" or len(parts[0].content) > MAX_COUNTS_CHARS:
        return False
    counts = _COUNT_APART.split(parts[0].content.strip())
    return all(_DATED_COUNT.fullmatch(c) or _VIEWS.fullmatch(c) for c in counts) and any(
        _QUESTION_COUNT.match(c) for c in counts
    )


def _is_post_counts(paragraph: SyntaxTreeNode) -> bool:
    """A short line of text, a button in bold at most, that only counts a post's points, votes or comments
    beside its buttons ("▲ 37 · 💬 9 comments · Share · Save", "Reply · **Helpful answer** (4)"), or that
    offers to reply to it ("Reply · Helpful"): read as the post's text, it was a symptom or a note."""
    parts = inline_parts(paragraph, spacing=False)
    text = inline_text(paragraph).strip()
    if not parts or any(p.type not in ("text", "strong") for p in parts) or len(text) > MAX_COUNTS_CHARS:
        return False
    pieces = _COUNT_APART.split(text)
    return all(_POST_COUNT.fullmatch(p) or _POST_BUTTON.fullmatch(p) for p in pieces) and any(
        _POST_COUNT.fullmatch(p) or _REPLY_BUTTON.fullmatch(p) for p in pieces
    )


def _is_post_actions(paragraph: SyntaxTreeNode) -> bool:
    """A short line of a post's buttons alone, links or text (see _POST_ACTIONS)."""
    parts = inline_parts(paragraph, spacing=False)
    text = inline_text(paragraph).strip()
    return (
        bool(parts)
        and all(p.type in ("text", "link") for p in parts)
        and len(text) <= MAX_COUNTS_CHARS
        and bool(_POST_ACTIONS.fullmatch(text))
    )


def _is_accept_prompt(paragraph: SyntaxTreeNode) -> bool:
    """A short paragraph that only asks to accept or upvote the answer (see _ACCEPT_PROMPT)."""
    text = inline_text(paragraph).strip()
    return len(text) <= MAX_PROMPT_CHARS and bool(_ACCEPT_PROMPT.fullmatch(text))


def _is_tags(paragraph: SyntaxTreeNode) -> bool:
    """A line of two tags or more, each in bold or code, or linked to the site's list of its questions
    as a saved page has them, and nothing else between them but spaces ("**django** **nginx** **csrf**",
    "[npm](…/questions/tagged/npm) [npm-install](…)"): a sentence has words outside its bold ones, and a
    line of error codes in code ("`0x80070643` `0x8024200b`") is what the error says."""
    parts = inline_parts(paragraph, spacing=False)
    return (
        len(parts) >= 2
        and all(_is_tag(part) and _TAG.fullmatch(inline_text(part)) for part in parts)
        and not error_codes(" ".join(inline_text(part) for part in parts))
    )
