"""A Unix manual page rendered as plain text (``man -P cat``, ``groff -Tutf8``) and saved as .txt, and the
plain text of any .txt file: how a DIAGNOSTICS entry (a message as a tag over its explanation, its numbered
steps and a warning after them) is read, how a word the typesetter hyphenated at a line's end is read,
and that a placeholder written in angle brackets (``<name>``) is article text in a text file.

Each test writes a small article of its own and reads it with the real indexer.
"""

from __future__ import annotations

from pathlib import Path

from test_house_styles import read

# A page as groff -Tutf8 sets it: a word hyphenated at a line's end is broken by U+2010 ("‐").
HYPHENATED_PAGE = """ARCHIVD(8)                  System Manager's Manual                 ARCHIVD(8)

NAME
       archivd  - copy finished backup jobs to the tape library of the data cen\u2010
       tre

DIAGNOSTICS
       A305: catalog locked by another archivd
              A second archivd is running, or one stopped and left /var/lib/ar\u2010
              chivd/catalog.lock behind. If none is running, remove the lock.

       A412: spool area full
              Move spool_dir to a larger file\u2010
              system in archivd.conf, see the LTO\u2010
              9 notes.
"""


def _words(text: str) -> str:
    """``text``'s words, one space between each (a step's text keeps its lines)."""
    return " ".join(text.split())


def test_a_word_the_typesetter_hyphenated_at_a_line_s_end_is_one_word(tmp_path: Path) -> None:
    # R8a §16: "cen‐ tre", "/var/lib/ar‐ chivd/catalog.lock" and "file‐ system" were read as they were set.
    article = read(tmp_path / "docs", "archivd.txt", HYPHENATED_PAGE)
    assert article.title == "archivd - copy finished backup jobs to the tape library of the data centre"
    lock, spool = article.problems
    assert "left /var/lib/archivd/catalog.lock behind." in _words(lock.steps[0].text)
    assert "Move spool_dir to a larger filesystem in archivd.conf" in _words(spool.steps[0].text)


def test_a_hyphen_before_a_name_s_capital_or_digit_stays(tmp_path: Path) -> None:
    # Guard: "LTO‐" over "9" is a name's hyphen, not a word the typesetter broke.
    article = read(tmp_path / "docs", "archivd.txt", HYPHENATED_PAGE)
    assert "LTO\u2010 9 notes" in _words(article.problems[1].steps[0].text)
