"""Real examples of requests and answers, taken from the kb/ sample article: the OpenAPI document's,
and the MCP tools' (so they live outside api.http, which ``kb mcp`` does not import).

A test validates each JSON example against its model, so they cannot drift from
the shapes the API actually returns.
"""

from __future__ import annotations

from typing import Any

ARTICLE_ID = "jumpcloud-m365"
PROBLEM_ID = "jumpcloud-m365#2"

_ARTICLE_REF = {
    "id": ARTICLE_ID,
    "title": "Troubleshooting JumpCloud sync to Microsoft 365 (M365)",
    "source": "jumpcloud-m365.md",
    "url": None,
}
_MESSAGE = (
    "The domain portion of the userPrincipalName property is invalid. "
    "You must use one of the verified domain names in your organization."
)
_PROBLEM = {
    "id": PROBLEM_ID,
    "title": "Sync error: the user's UPN domain is not verified in Microsoft 365",
    "symptoms": (
        "The error you're encountering suggests that the userPrincipalName (UPN) for the user being synced "
        "contains a domain that is not verified in your Microsoft 365 organization."
    ),
    "error_messages": [_MESSAGE],
    "error_codes": [],
    "seen_in": "",
    "cause": "",
}
_STEPS = [
    {
        "number": "1",
        "text": "Open the Microsoft 365 Admin Center.",
        "markdown": "Open the Microsoft 365 Admin Center.",
        "group": "Step 2: Verify the Domain in Microsoft 365",
        "line": 46,
        "steps": [],
    },
    {
        "number": "2",
        "text": "Navigate to Settings > Domains.",
        "markdown": "Navigate to Settings > Domains.",
        "group": "Step 2: Verify the Domain in Microsoft 365",
        "line": 47,
        "steps": [],
    },
]

# The seed's own lead-in of its third group of steps (`kb show jumpcloud-m365#2 --format json`).
_NOTES = [
    {
        "text": "If the email address contains an unverified or invalid domain, update it to a verified domain:",
        "markdown": "If the email address contains an unverified or invalid domain, update it to a verified domain:",
        "group": "Step 3: Update the Email Address (if required)",
        "after": False,
        "line": 53,
    }
]

MATCH_REQUEST: dict[str, Any] = {
    "text": "Sync failed: The domain portion of the userPrincipalName property is invalid.",
    "limit": 3,
}

MATCH_RESULT: dict[str, Any] = {
    "query": MATCH_REQUEST["text"],
    "error_codes": [],
    "matches": [
        {
            "score": 0.998,
            "confidence": "high",
            "article": _ARTICLE_REF,
            "problem": _PROBLEM,
            "steps": _STEPS,
            "notes": _NOTES,
            "evidence": [
                {
                    "field": "error_message",
                    "query_part": "the domain portion of the userprincipalname property is invalid",
                    "matched": _MESSAGE,
                    "score": 1.0,
                }
            ],
        }
    ],
    "no_confident_match": False,
    "truncated": False,
}

MATCH_MARKDOWN = """# Answer

## 1. Sync error: the user's UPN domain is not verified in Microsoft 365

Confidence: **high**, follow its steps (score 1.00) · Article: Troubleshooting JumpCloud sync to Microsoft 365 (M365) \
(`jumpcloud-m365.md`, problem `jumpcloud-m365#2`)

### Steps

**Step 2: Verify the Domain in Microsoft 365**

1. Open the Microsoft 365 Admin Center.
2. Navigate to Settings > Domains.
"""

SEARCH_RESULT: dict[str, Any] = {
    "query": "sync err",
    "hits": [
        {
            "problem_id": PROBLEM_ID,
            "title": _PROBLEM["title"],
            "article": _ARTICLE_REF,
            "error_codes": [],
        }
    ],
}

SEARCH_MARKDOWN = "- `jumpcloud-m365#2` Sync error: the user's UPN domain is not verified in Microsoft 365\n"

ARTICLE_PAGE: dict[str, Any] = {
    "total": 1,
    "offset": 0,
    "limit": 50,
    "articles": [{**_ARTICLE_REF, "problems": 4}],
}

ARTICLE_PAGE_MARKDOWN = """# Articles 1–1 of 1

- `jumpcloud-m365` Troubleshooting JumpCloud sync to Microsoft 365 (M365) (4 problems, `jumpcloud-m365.md`)
"""

ARTICLE: dict[str, Any] = {
    **_ARTICLE_REF,
    "product": "JumpCloud Microsoft 365 integration",
    "tags": ["jumpcloud", "microsoft-365", "upn"],
    "description": "",
    "problems": [{**_PROBLEM, "steps": _STEPS, "notes": _NOTES}],
}

ARTICLE_MARKDOWN = """# Troubleshooting JumpCloud sync to Microsoft 365 (M365)

Article `jumpcloud-m365` (`jumpcloud-m365.md`)

## Sync error: the user's UPN domain is not verified in Microsoft 365

Problem `jumpcloud-m365#2`

> The domain portion of the userPrincipalName property is invalid. ...

### Steps

1. Open the Microsoft 365 Admin Center.
2. Navigate to Settings > Domains.
"""

PROBLEM: dict[str, Any] = {**_PROBLEM, "article": _ARTICLE_REF, "steps": _STEPS, "notes": _NOTES}

PROBLEM_MARKDOWN = """# Sync error: the user's UPN domain is not verified in Microsoft 365

Problem `jumpcloud-m365#2` in Troubleshooting JumpCloud sync to Microsoft 365 (M365) (`jumpcloud-m365.md`)

> The domain portion of the userPrincipalName property is invalid. ...

## Steps

1. Open the Microsoft 365 Admin Center.
2. Navigate to Settings > Domains.
"""

READY: dict[str, Any] = {
    "status": "ready",
    "version": "0.1.0",
    "schema_version": "m007_code_numbers",
    "articles": 1,
    "problems": 4,
    "steps": 22,
    "built_at": 1767225600.0,
    "index_age_seconds": 42.5,
    "feedback": "ok",
    "rate_limits": "per-process",
}

HEALTH: dict[str, Any] = {"status": "ok"}

REINDEX: dict[str, Any] = {
    "articles": 213,
    "problems": 640,
    "steps": 4210,
    "parsed": 1,
    "unchanged": 212,
    "removed": 0,
    "seconds": 0.84,
    "warnings": [],
    "without_steps": [],
}

METRICS_TEXT = """# HELP kb_http_requests_total HTTP requests answered, by method, route template and status
# TYPE kb_http_requests_total counter
kb_http_requests_total{method="POST",route="/v1/match",status="200"} 42.0
# HELP kb_index_age_seconds Seconds since the index file being served was built or replaced
# TYPE kb_index_age_seconds gauge
kb_index_age_seconds 42.5
"""

FEEDBACK_REQUEST: dict[str, Any] = {"query": _MESSAGE, "problem_id": PROBLEM_ID, "verdict": "yes"}

FEEDBACK: dict[str, Any] = {**FEEDBACK_REQUEST, "id": 1, "created_at": "2026-11-26T10:15:00+00:00"}

FEEDBACK_REPORT: dict[str, Any] = {
    "unanswered": [
        {
            "query": "Outlook keeps asking for my password after the update",
            "asked": 7,
            "first_asked": "2026-11-20T08:02:11+00:00",
            "last_asked": "2026-11-26T09:41:37+00:00",
        }
    ],
    "problems": [{"problem_id": PROBLEM_ID, "yes": 12, "no": 1}],
    "feedback": [FEEDBACK],
    "total_feedback": 13,
}
