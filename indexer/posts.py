"""What a question-and-answer site's export writes around its posts, not in them.

Stack Exchange and its kind sign each post with a line of who asked, answered or edited it, and
when ("*answered Mar 5 '23 at 14:01* **ringo_dba** 14.2k"), and print the comments under a post
("> **Comment** (user2231): Did you check …? — 3 years ago"). Read as the article's text, a signature
was a note after the fix's steps, and a comment the problem's error message: both are searchable
body, in no part of a problem.
"""

from __future__ import annotations

import re

from markdown_it.tree import SyntaxTreeNode

# The words a site signs a post with: what was done to it, then when.
_SIGNED = re.compile(
    r"(?:asked|answered|edited|modified|posted|commented|replied)\b[^\n]{0,60}\d", re.IGNORECASE
)
# Around the signature's emphasised parts, only short plain text: "·", a reputation ("14.2k").
MAX_SIGNATURE_GAP = 24
MAX_SIGNATURE_CHARS = 200
# A comment printed under a post, in a quote that opens with its bold label.
_COMMENT_LABEL = re.compile(r"comments?:?", re.IGNORECASE)


def is_post_furniture(node: SyntaxTreeNode) -> bool:
    """Whether a top-level block is a post's signature or a comment under it (see the module)."""
    if node.type == "paragraph":
        return _is_signature(node)
    if node.type == "blockquote" and node.children and node.children[0].type == "paragraph":
        parts = _inline_parts(node.children[0])
        return (
            bool(parts)
            and parts[0].type == "strong"
            and bool(_COMMENT_LABEL.fullmatch(_text(parts[0]).strip()))
        )
    return False


def _is_signature(paragraph: SyntaxTreeNode) -> bool:
    """A short paragraph that signs a post ("*answered Jun 1 '23* **kvn**", "answered Apr 9, 2023 —
    *anon*"): its user's name emphasised, and beside it only what signs it and short text ("·", a
    reputation, "14.2k")."""
    parts = _inline_parts(paragraph)
    if not parts or sum(len(_text(part)) for part in parts) > MAX_SIGNATURE_CHARS:
        return False
    signed = named = False
    for part in parts:
        said = _text(part).strip()
        signs = bool(_SIGNED.match(said))
        if part.type in ("em", "strong"):
            named = True
        elif part.type != "text" or (len(said) > MAX_SIGNATURE_GAP and not signs):
            return False
        signed = signed or signs
    return signed and named


def _inline_parts(paragraph: SyntaxTreeNode) -> list[SyntaxTreeNode]:
    """A paragraph's inline parts, but for empty text and line breaks."""
    if not paragraph.children:
        return []
    return [
        part
        for part in paragraph.children[0].children
        if part.type not in ("softbreak", "hardbreak") and (part.type != "text" or part.content.strip())
    ]


def _text(node: SyntaxTreeNode) -> str:
    """The text of an inline part and the parts inside it."""
    if node.type in ("text", "code_inline"):
        return node.content
    return "".join(_text(child) for child in node.children)
