"""A Unix manual page rendered as plain text (``man -P cat``, ``groff -Tutf8``) and saved as .txt, and the
plain text of any .txt file: how a DIAGNOSTICS entry (a message as a tag over its explanation, its numbered
steps and a warning after them) is read, how a word the typesetter hyphenated at a line's end is read,
and that a placeholder written in angle brackets (``<name>``) is article text in a text file.

Each test writes a small article of its own and reads it with the real indexer.
"""

from __future__ import annotations

from pathlib import Path

from test_house_styles import read

from api.knowledge import KnowledgeBase
from api.matcher import match
from indexer.build import build_index

# A man page's DIAGNOSTICS: each entry's tag is the message the program prints, its text (indented further)
# what it means, then numbered steps and a warning after them.
ARCHIVD_PAGE = """ARCHIVD(8)                  System Manager's Manual                 ARCHIVD(8)

NAME
       archivd - copy finished backup jobs to the tape library

OPTIONS
       -n, --dry-run
              Show which jobs would be copied, and copy none.

       -t, --timeout SECONDS
              Give up on a tape that has not loaded after SECONDS.

DIAGNOSTICS
       A210: tape label does not match the pool of the job
              The library loaded a tape that belongs to another pool.

              1.  Eject the tape with archivctl eject.

              2.  Load a tape from the right pool and retry the job.

              Never relabel a tape that still holds backups.

       A305: catalog locked by another archivd
              A second archivd is running, or one stopped without
              removing its lock. Remove /var/lib/archivd/catalog.lock
              if no archivd is running.

SEE ALSO
       archivctl(8)

archivd 1.4                       June 2025                       ARCHIVD(8)
"""


def test_a_diagnostics_entry_s_message_titles_its_problem(tmp_path: Path) -> None:
    # R8a §8: the entry was read as a problem titled by its code alone ("A210"), its message and its
    # explanation joined into its step 1.
    article = read(tmp_path / "docs", "archivd.txt", ARCHIVD_PAGE)
    label, lock = article.problems
    assert label.title == "A210: tape label does not match the pool of the job"
    assert label.error_codes == ["A210"]
    assert any("tape label does not match the pool" in m for m in label.error_messages)
    assert [s.text for s in label.steps] == [
        "Eject the tape with archivctl eject.",
        "Load a tape from the right pool and retry the job.",
    ]
    assert "another pool" in label.symptoms + label.cause
    assert lock.title == "A305: catalog locked by another archivd"
    assert "Remove /var/lib/archivd/catalog.lock" in " ".join(s.text for s in lock.steps)
    # The options stay the page's text, no problem.
    assert "Show which jobs would be copied" in article.body


def test_a_diagnostics_entry_s_message_pasted_from_the_log_finds_it(tmp_path: Path) -> None:
    read(tmp_path / "docs", "archivd.txt", ARCHIVD_PAGE)
    build_index([tmp_path / "docs"], tmp_path / "index.db")
    kb = KnowledgeBase(tmp_path / "index.db")
    best = match(kb, "archivd[2231]: A210: tape label does not match the pool of the job").matches[0]
    assert best.problem.title == "A210: tape label does not match the pool of the job"
    assert best.confidence == "high"


def test_a_paragraph_after_a_diagnostics_entry_s_steps_is_its_note(tmp_path: Path) -> None:
    # R8a §3: the warning after the numbered steps was in no problem.
    article = read(tmp_path / "docs", "archivd.txt", ARCHIVD_PAGE)
    label = article.problems[0]
    assert [n.text for n in label.notes] == ["Never relabel a tape that still holds backups."]


def test_an_option_tag_over_its_text_stays_the_page_s_text(tmp_path: Path) -> None:
    # Guard: a tag that names no message (an option, a file) is no problem's title, in any section.
    page = ARCHIVD_PAGE.replace(
        "SEE ALSO\n",
        "FILES\n       /etc/archivd.conf\n              The pools and the library's device.\n\nSEE ALSO\n",
    )
    article = read(tmp_path / "docs", "archivd.txt", page)
    assert [p.title for p in article.problems if "archivd.conf" in p.title or "-" in p.title] == []
    assert "The pools and the library's device." in article.body
    assert "Give up on a tape that has not loaded after SECONDS." in article.body


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


# A man page's DIAGNOSTICS and a plain note, each naming a file by a placeholder in angle brackets.
PLACEHOLDER_PAGE = """ARCHIVD(8)                  System Manager's Manual                 ARCHIVD(8)

DIAGNOSTICS
       A118: no key for pool
              Save the pool's key as /etc/archivd/keys/<pool>.key
              and run archivd --once.

       A305: catalog locked by another archivd
              Remove /var/lib/archivd/catalog.lock if no archivd is running.
"""

PLACEHOLDER_NOTE = """Tape job stays queued

The job log shows: A118: no key for pool

1. Save the pool's key as /etc/archivd/keys/<pool>.key.
2. Run archivctl status <job-id> and check the job is running.
"""


def test_a_placeholder_in_angle_brackets_is_a_man_page_s_text(tmp_path: Path) -> None:
    # R8a §4: "<pool>" was read as an HTML tag and dropped from the step's text ("keys/.key").
    article = read(tmp_path / "docs", "archivd.txt", PLACEHOLDER_PAGE)
    step = article.problems[0].steps[0]
    assert "/etc/archivd/keys/<pool>.key" in step.text
    assert "/etc/archivd/keys/<pool>.key" in step.markdown


def test_a_placeholder_in_angle_brackets_is_any_text_file_s_text(tmp_path: Path) -> None:
    article = read(tmp_path / "docs", "tape-job.txt", PLACEHOLDER_NOTE)
    assert [s.text for p in article.problems for s in p.steps] == [
        "Save the pool's key as /etc/archivd/keys/<pool>.key.",
        "Run archivctl status <job-id> and check the job is running.",
    ]


def test_html_tags_in_a_markdown_file_are_still_markup(tmp_path: Path) -> None:
    # Guard: in Markdown, an HTML tag is markup, and a text file's closed tag pair is too ("<kbd>…</kbd>").
    article = read(
        tmp_path / "docs", "tape-job.md", "# Tape job stays queued\n\n1. Press <kbd>Eject</kbd>.<br>\n"
    )
    assert [s.text for p in article.problems for s in p.steps] == ["Press Eject."]
    article = read(
        tmp_path / "docs", "tape-job.txt", "Tape job stays queued\n\n1. Press <kbd>Eject</kbd>.<br>\n"
    )
    assert [s.text for p in article.problems for s in p.steps] == ["Press Eject."]
