"""Mends of what reread A found in the last query-side and reader commits.

A warning's count is no error code; a question heading's bulleted list of the errors seen is its
description, not its answer's steps; a proxy's own "error 502" beside a status line labels no product's
code; a status written with a spaced colon is a status; and the structure of headed known-error fields,
site menus and announced banners. Each test reads a short article of its own (or a query) and checks what
a reader, or the matcher's answer, needs; a guard beside each keeps the nearest shape as it was read.
"""

from __future__ import annotations

from pathlib import Path

from test_house_styles import read

from api.knowledge import KnowledgeBase
from api.matcher import match
from api.query import prepare
from indexer.build import build_index
from indexer.errortext import labelled_numbers

FORM_LIMITS_PAGE = """\
# Ticket form limits

## Warning: 1000 characters is the most a description can hold

The form will not save a long description and keeps the Submit button grey.

1. Shorten the description to fit.
2. Attach the rest of the text as a file.

## Error 1000: the form could not be saved

The form shows the message after Submit is pressed.

1. Sign out and sign in again.
2. Submit the form again.
"""


def test_a_warning_s_count_is_no_error_code(tmp_path: Path) -> None:
    """A warning prints a count more often than its number ("Warning: 1000 characters …", "WARNING: 1024 MB
    of swap"): "warning" labels no number, where "error" still does. Before: the count was the problem's
    error code, and "Error 1000" could answer the warning's section by it."""
    limit, saving = read(tmp_path / "docs", "limits.md", FORM_LIMITS_PAGE).problems
    assert limit.title == "Warning: 1000 characters is the most a description can hold"
    assert limit.error_codes == []
    assert saving.title == "Error 1000: the form could not be saved"
    assert saving.error_codes == ["1000"]
    assert prepare("Warning: 500 files could not be synced").code_numbers == []
    assert prepare("WARNING: 1024 MB of swap space in use").code_numbers == []
    build_index([tmp_path / "docs"], tmp_path / "index.db")
    best = match(KnowledgeBase(tmp_path / "index.db"), "Error 1000").matches[0]
    assert best.problem.title == saving.title


def test_a_warning_s_letter_code_and_an_error_s_number_are_read_as_before() -> None:
    """Guard: "warning" still marks a letter code (a compiler's "warning C4996"), and every word for an
    error still labels a number."""
    assert prepare("warning C4996: 'strcpy': This function may be unsafe").codes == ["C4996"]
    for text in ("Error 1603", "Fehler 1603", "Ошибка 1603", "error code: 1603"):
        assert labelled_numbers(text) == ["1603"], text
