"""What was left of the tenth round of reviews (R10a, R10b) after its fixes.

Each test is a short article in the house style a reviewer reported and what a reader needs of it (or
the paste that missed it), and a guard for the nearest shape that reads as before: a number a pasted
screen labels "Code" alone.
"""

from __future__ import annotations

from pathlib import Path

from api.knowledge import KnowledgeBase
from api.matcher import match
from indexer.build import build_index
from tests.test_house_styles import read

SCAN_APP_ERRORS = """\
# Scan Station errors

## Upload to the archive fails

The scan finishes, then Scan Station reports "Archive upload was refused (Code 4127)".

1. Sign out of Scan Station and sign in again.
2. Retry the upload from the Outbox.

## Scans come out blank

Every page of the PDF is white although the originals are printed.

1. Clean the glass of the scanner.
"""


def test_a_number_a_paste_labels_code_alone_is_the_code_the_article_quotes(tmp_path: Path) -> None:
    # Before: "Code 4127", as the screen shows it, was no code (low, no evidence), where "error 4127" was.
    article = read(tmp_path / "kb", "scan-station.md", SCAN_APP_ERRORS)
    assert article.problems[0].error_codes == ["4127"]
    build_index([tmp_path / "kb"], tmp_path / "kb.db")
    kb = KnowledgeBase(tmp_path / "kb.db")
    for pasted in ("Code 4127", "(Code 4127)", "Code: 4127"):
        answer = match(kb, pasted)
        assert (answer.matches[0].problem.title, answer.matches[0].confidence) == (
            "Upload to the archive fails",
            "high",
        ), pasted
    # A word before the label says whose code it is: a voucher's is none of the app's.
    voucher = match(kb, "the discount code 4127 is not accepted")
    assert not (voucher.matches and voucher.matches[0].confidence == "high")
