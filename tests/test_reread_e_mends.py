"""What reread E found in this stop's reader commits, mended: a paragraph about who sees an error under a
heading that quotes it is no cause (in English or another language).

Each test writes a small article of its own in the style and reads it with the real indexer, with a guard
for the nearest shape that must read as before.
"""

from __future__ import annotations

from pathlib import Path

from tests.test_house_styles import read

# A product's troubleshooting page in Markdown: each error its own heading, quoted, a line on who sees it,
# then the steps.
QUOTED_ERROR_HEADINGS = """\
# Sync client

## "Sync failed: quota exceeded (SY-409)"

Staff on the late shift see this after the nightly restart.

1. Empty the recycle bin.
2. Sync again.

## "Sync failed: token expired (SY-401)"

Only the shared kiosks are affected.

1. Sign out of the client.
2. Sign in again.
"""


def test_who_sees_an_error_a_heading_quotes_is_no_cause(tmp_path: Path) -> None:
    quota, token = read(tmp_path / "kb", "sync-client.md", QUOTED_ERROR_HEADINGS).problems
    assert quota.cause == ""
    assert quota.symptoms == "Staff on the late shift see this after the nightly restart."
    assert [s.text for s in quota.steps] == ["Empty the recycle bin.", "Sync again."]
    assert token.cause == ""
    assert token.symptoms == "Only the shared kiosks are affected."
    assert [s.text for s in token.steps] == ["Sign out of the client.", "Sign in again."]


# A help desk's answer by e-mail in German, saved as text: the error numbered in quotes, a line on when it
# shows, the steps indented.
GERMAN_MAIL_ANSWER = """\
From: Service Desk <servicedesk@lagerhaus.example>
To: Kasse <kasse@lagerhaus.example>
Subject: AW: Kartenterminal lehnt Zahlungen ab

Hallo Frau Weber,

1) „Zahlung fehlgeschlagen: Terminal nicht bereit (KT-552)“

Das Terminal zeigt diese Meldung bei der ersten Zahlung am Morgen, danach klappt es wieder.

  1. Warten Sie nach dem Einschalten eine Minute.
  2. Wiederholen Sie die Zahlung.

Viele Grüße
Jonas
"""


def test_when_a_german_mail_says_an_error_shows_is_no_cause(tmp_path: Path) -> None:
    (problem,) = read(tmp_path / "kb", "kartenterminal.txt", GERMAN_MAIL_ANSWER).problems
    assert problem.cause == ""
    assert problem.symptoms.startswith("Das Terminal zeigt diese Meldung")
    assert [s.text for s in problem.steps] == [
        "Warten Sie nach dem Einschalten eine Minute.",
        "Wiederholen Sie die Zahlung.",
    ]


# The nearest shape that must read as before: the error shown in a block, then one paragraph of why, then
# the steps: that paragraph is the cause.
SHOWN_THEN_WHY = """\
# Build agent

## Uploads to the artifact store fail

```
ERROR upload: 407 Proxy Authentication Required
```

The outbound proxy requires authentication.

1. Add the proxy credentials to `agent.env`.
2. Restart the agent.
"""


def test_why_after_an_error_shown_in_a_block_is_still_its_cause(tmp_path: Path) -> None:
    (problem,) = read(tmp_path / "kb", "build-agent.md", SHOWN_THEN_WHY).problems
    assert problem.cause == "The outbound proxy requires authentication."
