"""What a heading (or a flat-text label) means in a troubleshooting article.

Authors name the same parts many ways: "Symptoms", "Problem", "Issue"; "Cause",
"Reason"; "Resolution", "Solution", "Workaround", "Method 2". Every parser asks
:func:`heading_role` so that a new synonym is one edit here.
"""

from __future__ import annotations

import re
from enum import Enum


class Role(Enum):
    """The part of a problem a section holds."""

    SYMPTOMS = "symptoms"
    ERRORS = "errors"
    CODES = "codes"
    SEEN_IN = "seen_in"
    CAUSE = "cause"
    RESOLUTION = "resolution"
    INFO = "info"
    TOPIC = "topic"


_ROLE_PATTERNS: list[tuple[Role, re.Pattern[str]]] = [
    (Role.ERRORS, re.compile(r"^(error messages?|errors?|error text|messages?)$")),
    (Role.CODES, re.compile(r"^(error codes?|codes?)$")),
    (Role.SEEN_IN, re.compile(r"^(seen in|where (it is|it's|this is) seen|where you see it)$")),
    (
        Role.SYMPTOMS,
        re.compile(r"^(symptoms?|problems?|issues?|the (problem|issue)|problem description|description)$"),
    ),
    (Role.CAUSE, re.compile(r"^(causes?|reasons?|root cause|why (it|this) happens)\b")),
    (
        Role.RESOLUTION,
        re.compile(
            r"^(resolutions?|solutions?|workarounds?|fix(es)?|how to (fix|resolve)|resolve|"
            r"to resolve|steps|troubleshoot(ing)? steps|method \w+|option \w+|step \d+)\b"
        ),
    ),
    (
        Role.INFO,
        re.compile(
            r"^(summary|introduction|overview|more information|references?|status|prerequisites|"
            r"next steps|see also|applies to|feedback|third[- ]party|contact us|"
            r"before (you|troubleshooting)|data collection|need (more )?help|related (articles|content))\b"
        ),
    ),
]


def normalise_heading(title: str) -> str:
    """Lowercase heading text without numbering, trailing colons or extra spaces."""
    title = re.sub(r"\s+", " ", title).strip().lower()
    title = re.sub(r"^(\d+(\.\d+)*\.?|[ivx]+\.)\s+", "", title)
    return title.rstrip(":").strip()


def heading_role(title: str) -> Role:
    """The role of a section from its heading text; ``Role.TOPIC`` when it names none."""
    text = normalise_heading(title)
    for role, pattern in _ROLE_PATTERNS:
        if pattern.search(text):
            return role
    return Role.TOPIC


PROBLEM_PART_ROLES = {Role.SYMPTOMS, Role.ERRORS, Role.CODES, Role.SEEN_IN, Role.CAUSE, Role.RESOLUTION}

_CAUSE_SENTENCE = re.compile(
    r"\b(occurs?|happens?|appears?) (when|if|because)\b|\bbecause\b|\bcaused by\b|\bdue to\b|"
    r"\bprevent(s|ing)\b|\bdoes(n't| not) (accept|support|allow)\b",
    re.IGNORECASE,
)


def reads_as_cause(sentence: str) -> bool:
    """True when a sentence explains why something happens rather than what to do."""
    return bool(_CAUSE_SENTENCE.search(sentence))
