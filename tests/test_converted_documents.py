"""Documents written in an office suite and converted to Markdown: Google Docs' Markdown download and
pandoc's conversion of Word files, and a chat wiki's quoted messages (Outline).

Each test writes a small article of its own in the style of one converter, finds it as `kb index` does
and reads it with the real indexer.
"""

from __future__ import annotations

from pathlib import Path

from tests.test_house_styles import read

PANDOC_WORD_ARTICLE = """\
# []{#_Toc170112201 .anchor}Invoices export with the wrong currency

## []{#_Toc170112202 .anchor}Symptoms

Exported invoices show EUR although the ledger is kept in CHF.

## []{#_Toc170112203 .anchor}Resolution

1)  Open **Settings \\> Ledger**.

2)  Set *Export currency* to **Ledger currency**.

*End of document*
"""


def test_a_word_document_s_closing_mark_is_no_note_of_the_fix(tmp_path: Path) -> None:
    """A Word document's "*End of document*" under the last step, as pandoc exports it, was read as a
    note after the steps and shown in the answer."""
    article = read(tmp_path / "kb", "invoice-currency.md", PANDOC_WORD_ARTICLE)
    [problem] = article.problems
    assert problem.title == "Invoices export with the wrong currency"
    assert [s.text for s in problem.steps] == [
        "Open Settings > Ledger.",
        "Set Export currency to Ledger currency.",
    ]
    assert problem.notes == []


def test_a_remark_about_the_end_of_a_document_stays_a_note(tmp_path: Path) -> None:
    """Guard: only the mark alone on its line is furniture; a sentence that names the end of a
    document says something about the fix."""
    text = PANDOC_WORD_ARTICLE.replace(
        "*End of document*", "*End of document markers in the export template are removed by this change.*"
    )
    [problem] = read(tmp_path / "kb", "invoice-currency.md", text).problems
    assert [n.text for n in problem.notes] == [
        "End of document markers in the export template are removed by this change."
    ]
