"""build_index on real SQLite files: the whole corpus, bad input, atomic swaps, incremental runs.

Every test builds its own index in tmp_path. Article text here is written for the tests.
"""

from __future__ import annotations

import codecs
import gc
import os
import pickle
import resource
import shutil
import signal
import sqlite3
import stat
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlite_utils import Database

from api.knowledge import KnowledgeBase
from api.matcher import match
from api.render import NO_STEPS, to_markdown, to_text
from indexer import index_writer, parse_pool
from indexer.article_files import find_articles
from indexer.build import BuildReport, build_index
from indexer.errors import ArticleError, EmptyFolderError, FolderNotGivenError, NotFoundError
from indexer.interrupts import StopWhenAsked, interrupt_deferred
from indexer.parse import (
    MAX_ARTICLE_BYTES,
    MAX_PROBLEMS_PER_ARTICLE,
    MAX_STEPS_PER_ARTICLE,
    MAX_STEPS_PER_PROBLEM,
    parse_article,
)
from indexer.parse_pool import PARALLEL_FROM
from indexer.store import article_rows

REPO = Path(__file__).resolve().parent.parent
KB_DIR = REPO / "kb"

GOOD = """---
id: {id}
title: {title}
---
# {title}

## Symptoms

The badge reader at the front door shows a red light for every card.

## Resolution

1. {step}
2. Hold a card to the reader and check that the light turns green.
"""


def good(article_id: str, step: str = "Restart the door controller from the security console.") -> str:
    """A small valid article with id ``article_id`` whose first step is ``step``."""
    return GOOD.format(id=article_id, title=f"Badge reader rejects cards ({article_id})", step=step)


@pytest.fixture
def articles(tmp_path: Path) -> Path:
    """A folder holding two valid articles, alpha.md and beta.md."""
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "alpha.md").write_text(good("alpha"), encoding="utf-8")
    (folder / "beta.md").write_text(good("beta"), encoding="utf-8")
    return folder


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """Where this test's index goes (not created yet)."""
    return tmp_path / "index.db"


def warnings_of(report: BuildReport) -> list[tuple[str, int, str]]:
    """(source, line, message) of every warning of a run."""
    return [(w.source, w.line, w.message) for w in report.warnings]


def first_step(db_path: Path, article_id: str) -> str:
    """The text of the first step of an indexed article."""
    return KnowledgeBase(db_path).article(article_id).problems[0].steps[0].text


def identity(path: Path) -> tuple[int, int]:
    """The file's inode and modification time: what changes when the index is rewritten."""
    st = os.stat(path)
    return (st.st_ino, st.st_mtime_ns)


# --- the real articles ----------------------------------------------------------------


def test_kb_and_corpus_index_without_warnings(corpus_dir: Path, db_path: Path) -> None:
    report = build_index([KB_DIR, corpus_dir], db_path)
    assert [str(w) for w in report.warnings] == []
    kb_articles = [p for p in KB_DIR.glob("*.md") if p.stem.lower() != "readme"]
    expected_articles = len(list(corpus_dir.glob("*.md"))) + len(kb_articles)
    assert report.articles == expected_articles
    assert report.parsed == expected_articles
    assert report.problems >= report.articles
    assert 0 < report.whole_article == len(report.whole_article_sources) < report.articles // 5
    db = Database(db_path)
    without_steps = list(
        db.query(
            "select p.id from problems p where not exists (select 1 from steps s where s.problem_id = p.id) "
            "and p.error_messages = '[]'"
        )
    )
    # Only an error section that documents no fix is a problem without steps, and it has its error.
    assert without_steps == []
    assert "jumpcloud-m365.md" not in report.whole_article_sources


# --- bad input ------------------------------------------------------------------------

BAD_INPUTS = {
    "not-utf8.md": (b"# Door log\n\n1. Clear the caf\xe9 entry.\n", 3, "not UTF-8 text (byte 0xe9)"),
    "not-utf8-cr.md": (b"# Door log\r\r1. Clear the caf\xe9 entry.\r", 3, "not UTF-8 text (byte 0xe9)"),
    "not-utf8-crlf.md": (
        b"# Door log\r\n\r\n1. Clear the caf\xe9 entry.\r\n",
        3,
        "not UTF-8 text (byte 0xe9)",
    ),
    "utf16-no-bom.md": (
        "# Door log\n\n1. Clear the entry.\n".encode("utf-16-le"),
        1,
        "holds NUL characters: not UTF-8 text (UTF-16?)",
    ),
    "utf16-cut.md": (codecs.BOM_UTF16_LE + "# Door log\n".encode("utf-16-le") + b"#", 2, "not UTF-16 text"),
    "nul-on-line-3.txt": (
        b"Door log\n\n1. Clear the\0 entry.\n",
        3,
        "holds NUL characters: not UTF-8 text (UTF-16?)",
    ),
    # A fence left open takes the sections after it into one code block: the steps of both
    # problems below, and the second problem itself, would be lost without a word.
    "unclosed-fence.md": (
        b"# Door log\n\n## Reader offline\n\nThe log says:\n\n```\nERR 17 reader offline\n\n"
        b"## Resolution\n\n1. Reset the reader.\n\n## Badge refused\n\n1. Re-enrol the badge.\n",
        7,
        "the code fence ``` opened on this line is never closed: the headings and code after it",
    ),
    "empty.md": (b"", 1, "file is empty"),
    "blank.txt": (b" \n\n\t\n", 1, "file is empty"),
    "bad-yaml.md": (
        b"---\ntitle: Reader faults\ntags: [doors, readers\nproduct: Badges\n---\n# Reader faults\n\n1. Reset.\n",
        3,
        "front matter is not valid YAML: expected ',' or ']', but got ':' (while parsing a flow sequence)",
    ),
    "front-matter-list.md": (
        b"---\n- one\n- two\n---\n# T\n\n1. Reset.\n",
        2,
        "front matter must be a YAML mapping",
    ),
    "no-steps.md": (
        b"---\ntitle: Reader beeps\n---\n# Reader beeps\n\n## See also\n\n- [Batteries](batteries.md)\n",
        1,
        "describes no problem and gives no resolution steps",
    ),
    "only-headings.md": (
        b"# Reader beeps\n\n## Symptoms\n\n## Resolution\n",
        1,
        "describes no problem and gives no resolution steps",
    ),
}


@pytest.mark.parametrize("bom", [codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE])
def test_an_article_saved_as_utf16_with_its_byte_order_mark_is_read(
    articles: Path, db_path: Path, bom: bytes
) -> None:
    # Windows Notepad saves "Unicode" as UTF-16 with a byte-order mark, which says how to read it.
    text = "# Door log\n\n## Symptoms\n\nThe reader shows “Badge not recognised”.\n\n## Resolution\n\n1. Re-enrol the badge.\n"
    encoding = "utf-16-le" if bom == codecs.BOM_UTF16_LE else "utf-16-be"
    (articles / "door-log.md").write_bytes(bom + text.encode(encoding))
    report = build_index([articles], db_path)
    assert report.warnings == []
    _, problem = KnowledgeBase(db_path).problem("door-log#1")
    assert problem.symptoms == "The reader shows “Badge not recognised”."
    assert [s.text for s in problem.steps] == ["Re-enrol the badge."]


def test_an_article_that_explains_an_error_without_a_fix_is_indexed_and_says_so(
    articles: Path, db_path: Path
) -> None:
    # Its cause is the answer ("the feature is blocked in these regions"); its page's fields
    # ("_Original KB number:_") are searchable but are not what the user sees happen.
    (articles / "region.md").write_text(
        "---\nid: region\n---\n# Voice mail cannot be enabled\n\n_Original KB number:_ &nbsp; 4096172\n\n"
        "## Symptoms\n\nEnabling voice mail fails:\n\n> The action cannot be performed on user 'ann'.\n\n"
        "## Cause\n\nThis issue occurs if the user's location is one of the following regions:\n\n- India (IN)\n- Macao (MO)\n",
        encoding="utf-8",
    )
    report = build_index([articles], db_path)
    assert report.warnings == []
    kb = KnowledgeBase(db_path)
    result = match(kb, "Enabling voice mail fails: The action cannot be performed on user 'bob'.")
    best = result.matches[0]
    assert (best.problem.id, best.steps) == ("region#1", [])
    assert best.problem.symptoms.startswith("Enabling voice mail fails")
    assert "India (IN)" in best.problem.cause
    # With no steps to show, the answer shows what the problem is, in every format.
    shown = to_markdown(result)
    assert NO_STEPS in shown and "**Symptoms:** Enabling voice mail fails" in shown
    terse = to_text(result)
    assert "symptoms: Enabling voice mail fails" in terse and NO_STEPS in terse
    with sqlite3.connect(db_path) as conn:
        (body,) = conn.execute("select body from articles where id = 'region'").fetchone()
    assert "Original KB number:" in body and "4096172" in body


@pytest.mark.parametrize("name", sorted(BAD_INPUTS))
def test_bad_file_warns_with_file_and_line_and_the_rest_is_indexed(
    name: str, articles: Path, db_path: Path
) -> None:
    data, line, message = BAD_INPUTS[name]
    (articles / name).write_bytes(data)
    report = build_index([articles], db_path)
    ((source, warned_line, warned),) = warnings_of(report)
    assert (source, warned_line) == (name, line)
    assert warned.startswith(message)
    assert warned.endswith("; not indexed")
    assert report.articles == 2
    kb = KnowledgeBase(db_path)
    assert {a.id for a, _ in kb.articles()[1]} == {"alpha", "beta"}


@pytest.mark.parametrize("name", sorted(BAD_INPUTS))
def test_bad_file_never_loses_the_existing_index(name: str, articles: Path, db_path: Path) -> None:
    build_index([articles], db_path)
    (articles / name).write_bytes(BAD_INPUTS[name][0])
    report = build_index([articles], db_path)
    assert len(report.warnings) == 1
    assert (report.articles, report.unchanged, report.removed) == (2, 2, 0)
    assert first_step(db_path, "alpha") == "Restart the door controller from the security console."


def test_five_megabyte_file_is_refused_quickly(articles: Path, db_path: Path) -> None:
    section = (
        "## Reader {n} is offline\n\n### Symptoms\n\nReader {n} shows no light.\n\n"
        "### Resolution\n\n1. Power-cycle reader {n}.\n2. Check its cable.\n\n"
    )
    text = "# Every reader\n\n" + "".join(section.format(n=n) for n in range(40_000))
    data = text.encode()[: 5 * 1024 * 1024]
    assert len(data) > MAX_ARTICLE_BYTES
    (articles / "huge.md").write_bytes(data)
    started = time.perf_counter()
    report = build_index([articles], db_path)
    seconds = time.perf_counter() - started
    assert warnings_of(report) == [
        (
            "huge.md",
            1,
            f"file is over the {MAX_ARTICLE_BYTES}-byte limit for one article; not indexed",
        )
    ]
    assert report.articles == 2
    assert seconds < 5, f"indexing next to a 5 MB file took {seconds:.1f} s"


def test_a_sparse_file_of_gigabytes_is_refused_without_being_read(articles: Path, db_path: Path) -> None:
    # Takes no disk space; read whole, it took 2 GB of memory (inside a serving worker, on reindex).
    with open(articles / "sparse.md", "wb") as file:
        file.truncate(4 * 1024**3)
    peak_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    report = build_index([articles], db_path)
    assert warnings_of(report) == [
        ("sparse.md", 1, f"file is over the {MAX_ARTICLE_BYTES}-byte limit for one article; not indexed")
    ]
    grown_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - peak_before
    assert grown_kib < 256 * 1024, f"peak memory grew by {grown_kib // 1024} MiB"


def test_article_just_under_the_size_limit_is_indexed(articles: Path, db_path: Path) -> None:
    """A big but allowed article (as many problems as one may have) indexes in reasonable time."""
    note = "Readers in the east wing share one controller, so check its lamp first. " * 13
    section = "## Reader {n} is offline\n\n" + note + "\n\n### Resolution\n\n1. Power-cycle reader {n}.\n\n"
    text = "---\nid: many\n---\n# Every reader\n\n"
    text += "".join(section.format(n=n) for n in range(MAX_PROBLEMS_PER_ARTICLE))
    assert MAX_ARTICLE_BYTES * 0.9 < len(text.encode()) < MAX_ARTICLE_BYTES
    (articles / "many.md").write_text(text, encoding="utf-8")
    started = time.perf_counter()
    report = build_index([articles], db_path)
    assert report.warnings == []
    assert report.problems == 2 + MAX_PROBLEMS_PER_ARTICLE
    assert time.perf_counter() - started < 20


def test_an_index_keeps_the_mode_of_the_one_it_replaces_and_a_first_one_follows_the_umask(
    articles: Path, db_path: Path, tmp_path: Path
) -> None:
    # Built as a private temporary (0600) and renamed: a server running as another user could
    # no longer read the index after a rebuild.
    build_index([articles], db_path)
    probe = tmp_path / "probe"
    probe.touch()
    assert stat.S_IMODE(db_path.stat().st_mode) == stat.S_IMODE(probe.stat().st_mode)
    db_path.chmod(0o640)
    (articles / "alpha.md").write_text(good("alpha", step="Replace the reader."), encoding="utf-8")
    build_index([articles], db_path)
    assert stat.S_IMODE(db_path.stat().st_mode) == 0o640
    assert first_step(db_path, "alpha") == "Replace the reader."


@pytest.mark.parametrize(
    "damage",
    [
        # SQLITE_CORRUPT_VTAB, SQLite's code for it in a virtual table.
        "update problems_fts_data set block = randomblob(length(block)) where id > 10",
        # Text that is no UTF-8: Python's sqlite3 cannot read it back, and says so with no SQLite code.
        "update articles set outline = cast(x'5bff5d' as text) where id = 'extra7'",
    ],
)
def test_an_index_damaged_in_its_full_text_or_its_text_is_built_again_too(
    articles: Path, db_path: Path, damage: str
) -> None:
    for n in range(300):
        (articles / f"extra{n}.md").write_text(good(f"extra{n}"), encoding="utf-8")
    build_index([articles], db_path)
    with sqlite3.connect(db_path) as conn:
        conn.execute(damage)
    conn.close()
    (articles / "alpha.md").write_text(good("alpha", step="Replace the reader."), encoding="utf-8")
    report = build_index([articles], db_path)
    assert [n.message for n in report.notices] == ["the index was damaged; built again from the articles"]
    assert Database(db_path).execute("pragma integrity_check").fetchone()[0] == "ok"
    assert first_step(db_path, "alpha") == "Replace the reader."


def damage_past_first_pages(articles: Path, db_path: Path) -> None:
    """An index of 302 articles whose second and third quarters are zeros: its first reads go well."""
    for n in range(300):
        (articles / f"extra{n}.md").write_text(good(f"extra{n}"), encoding="utf-8")
    build_index([articles], db_path)
    size = db_path.stat().st_size
    with db_path.open("r+b") as index:
        index.seek(size // 4)
        index.write(b"\0" * (size // 2))


def test_an_index_damaged_past_its_first_pages_is_built_again_from_the_articles(
    articles: Path, db_path: Path
) -> None:
    # The copy an update starts from reads fine until an update reaches a damaged page: every
    # run ended there with a traceback, while readers were told to rebuild with `kb index`.
    damage_past_first_pages(articles, db_path)
    (articles / "alpha.md").write_text(good("alpha", step="Replace the reader."), encoding="utf-8")
    report = build_index([articles], db_path)
    assert warnings_of(report) == []
    assert [(n.source, n.message) for n in report.notices] == [
        (str(db_path), "the index was damaged; built again from the articles")
    ]
    assert report.articles == 302 and report.parsed == 302
    assert Database(db_path).execute("pragma integrity_check").fetchone()[0] == "ok"
    assert first_step(db_path, "alpha") == "Replace the reader."


def test_a_rebuild_after_damage_still_reports_the_temporaries_the_first_attempt_removed(
    articles: Path, db_path: Path
) -> None:
    # The first attempt removes a killed run's temporary, then meets the damage: its report was
    # lost, and the removal went unsaid.
    damage_past_first_pages(articles, db_path)
    stale = db_path.parent / f"{db_path.name}.killed01.tmp"
    stale.write_bytes(b"")
    (articles / "alpha.md").write_text(good("alpha", step="Replace the reader."), encoding="utf-8")
    report = build_index([articles], db_path)
    assert [n.message for n in report.notices] == ["the index was damaged; built again from the articles"]
    assert report.removed_temporaries == [stale]
    assert not stale.exists()


def test_an_index_reached_through_a_link_is_updated_where_it_lives(articles: Path, db_path: Path) -> None:
    # The new copy was renamed onto the link: the link became a file, and the file it pointed
    # to (which readers of its own path go on serving) kept the old articles.
    build_index([articles], db_path)
    link = db_path.parent / "current.db"
    link.symlink_to(db_path)
    (articles / "alpha.md").write_text(good("alpha", step="Replace the reader."), encoding="utf-8")
    build_index([articles], link)
    assert link.is_symlink() and link.resolve() == db_path.resolve()
    assert first_step(db_path, "alpha") == "Replace the reader."


def test_a_folder_or_file_named_twice_is_read_once(articles: Path, db_path: Path) -> None:
    # Read twice, every article was "already used by" itself, and --strict failed.
    alpha = articles / "alpha.md"
    report = build_index([articles, Path(f"{articles}/"), articles / ".." / articles.name], db_path)
    assert warnings_of(report) == []
    assert report.articles == 2 and report.parsed == 2
    report = build_index([alpha, alpha.parent / ".." / articles.name / alpha.name], db_path, allow_empty=True)
    assert warnings_of(report) == []
    assert report.articles == 1


def test_duplicate_article_id(articles: Path, db_path: Path) -> None:
    # The warning names the line of the id the author wrote: it had named line 1 whatever it was.
    lines = good("alpha", step="Replace the reader.").split("\n")
    written = lines.pop(lines.index("id: alpha"))
    lines.insert(lines.index("---", 1), written)  # the id after the title
    (articles / "gamma.md").write_text("\n".join(lines), encoding="utf-8")
    id_line = 1 + lines.index("id: alpha")
    report = build_index([articles], db_path)
    assert id_line > 1 and warnings_of(report) == [
        ("gamma.md", id_line, "article id 'alpha' already used by alpha.md; not indexed")
    ]
    assert report.articles == 2
    assert first_step(db_path, "alpha") == "Restart the door controller from the security console."


def test_two_paths_that_derive_one_id_are_told_how_to_part(tmp_path: Path) -> None:
    # "Wifi Drop.md" and "wifi-drop.md" (exports without front matter) both derive "wifi-drop": the
    # warning named the clash but not what to do about an id the author never wrote.
    folder = tmp_path / "export"
    folder.mkdir()
    for name in ("Wifi Drop.md", "wifi-drop.md"):
        (folder / name).write_text(
            "# Wifi drops\n\n## Resolution\n\n1. Restart the router.\n", encoding="utf-8"
        )
    report = build_index([folder], tmp_path / "kb.db")
    [(source, _, message)] = warnings_of(report)
    assert source == "wifi-drop.md" and "already used by Wifi Drop.md" in message
    assert "give one of them an id of its own in its front matter" in message


def test_new_file_cannot_take_the_id_of_an_indexed_article(articles: Path, db_path: Path) -> None:
    """A new file sorted before the indexed one that holds its id is refused, not a crash."""
    build_index([articles], db_path)
    (articles / "aardvark.md").write_text(good("beta", step="Replace the reader."), encoding="utf-8")
    report = build_index([articles], db_path)
    assert warnings_of(report) == [
        ("aardvark.md", 2, "article id 'beta' already used by beta.md; not indexed")
    ]
    assert (report.articles, report.parsed, report.unchanged) == (2, 0, 2)
    assert KnowledgeBase(db_path).article("beta").source == "beta.md"


def test_an_edited_article_keeps_its_id_from_a_new_file_sorted_before_it(
    articles: Path, db_path: Path
) -> None:
    """The indexed file edited in the same run keeps its id, as an unedited one does."""
    build_index([articles], db_path)
    (articles / "beta.md").write_text(good("beta", step="Swap the reader's fuse."), encoding="utf-8")
    (articles / "aardvark.md").write_text(good("beta", step="Replace the reader."), encoding="utf-8")
    report = build_index([articles], db_path)
    assert warnings_of(report) == [
        ("aardvark.md", 2, "article id 'beta' already used by beta.md; not indexed")
    ]
    assert (report.articles, report.parsed, report.unchanged) == (2, 1, 1)
    assert first_step(db_path, "beta") == "Swap the reader's fuse."


def test_a_broken_edit_keeps_its_indexed_version_from_a_new_file_sorted_before_it(
    articles: Path, db_path: Path
) -> None:
    build_index([articles], db_path)
    (articles / "beta.md").write_bytes(b"---\nid: beta\ntitle: [unclosed\n---\n# Beta\n\n1. Step.\n")
    (articles / "aardvark.md").write_text(good("beta", step="Replace the reader."), encoding="utf-8")
    report = build_index([articles], db_path)
    assert [(source, message.split(":")[0]) for source, _, message in warnings_of(report)] == [
        ("aardvark.md", "article id 'beta' already used by beta.md; not indexed"),
        ("beta.md", "front matter is not valid YAML"),
    ]
    assert warnings_of(report)[1][2].endswith("; kept the previously indexed version")
    assert KnowledgeBase(db_path).article("beta").source == "beta.md"
    assert first_step(db_path, "beta") == "Restart the door controller from the security console."


def test_a_file_unreadable_at_its_parse_keeps_its_id_in_a_folder_spelled_another_way(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Indexed as "kb", indexed again as /abs/kb: a file that cannot be read when it is checked for
    changes keeps its indexed version and its id, which a file sorted before it now claims."""
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "kb"
    folder.mkdir()
    (folder / "a.md").write_text(good("other"), encoding="utf-8")
    (folder / "b.md").write_text(good("x", step="Swap the fuse."), encoding="utf-8")
    (folder / "c.md").write_text(good("c"), encoding="utf-8")
    db = tmp_path / "index.db"
    build_index([Path("kb")], db)
    (folder / "a.md").write_text(good("x", step="Replace the reader."), encoding="utf-8")

    def make_b_a_link(n: int, total: int, source: str) -> None:
        if n == 1:
            (folder / "b.md").unlink()
            (folder / "b.md").symlink_to(folder / "c.md")

    report = build_index([folder], db, progress=make_b_a_link)
    warned = {source: message for source, _, message in warnings_of(report)}
    assert warned.pop("a.md") == "article id 'x' already used by b.md; kept the previously indexed version"
    assert warned.pop("b.md").endswith("; kept the previously indexed version") and warned == {}
    assert KnowledgeBase(db).article("x").source == "b.md"
    assert KnowledgeBase(db).article("other").source == "a.md"
    assert first_step(db, "x") == "Swap the fuse."


def test_file_that_disappears_mid_run(articles: Path, db_path: Path) -> None:
    (articles / "gamma.md").write_text(good("gamma"), encoding="utf-8")

    def delete_beta(n: int, total: int, source: str) -> None:
        if source == "beta.md":
            (articles / "beta.md").unlink()

    report = build_index([articles], db_path, progress=delete_beta)
    assert warnings_of(report) == [("beta.md", 1, "file disappeared while indexing; skipped")]
    assert report.articles == 2
    with pytest.raises(NotFoundError):
        KnowledgeBase(db_path).article("beta")


def test_an_unquoted_value_with_a_colon_is_named_as_the_cause(articles: Path, db_path: Path) -> None:
    # YAML said only "mapping values are not allowed here", which an author could not act on.
    (articles / "holiday.md").write_bytes(
        b"---\ntitle: Holiday pay: PAY-2301 Accrual balance negative\n---\n# Holiday pay\n\n1. Recalculate.\n"
    )
    report = build_index([articles], db_path)
    [(_, line, message)] = [w for w in warnings_of(report) if w[0] == "holiday.md"]
    assert line == 2 and "must be quoted" in message


def test_broken_edit_keeps_the_previous_version(articles: Path, db_path: Path) -> None:
    build_index([articles], db_path)
    (articles / "alpha.md").write_bytes(b"---\ntitle: [unclosed\n---\n# Alpha\n\n1. New step.\n")
    report = build_index([articles], db_path)
    ((source, line, message),) = warnings_of(report)
    assert (source, line) == ("alpha.md", 2)
    assert message.startswith("front matter is not valid YAML")
    assert message.endswith("; kept the previously indexed version")
    assert (report.articles, report.parsed, report.removed) == (2, 0, 0)
    assert first_step(db_path, "alpha") == "Restart the door controller from the security console."
    # Fixing the file replaces the kept version.
    (articles / "alpha.md").write_text(good("alpha", step="Replace the reader."), encoding="utf-8")
    report = build_index([articles], db_path)
    assert (report.warnings, report.parsed) == ([], 1)
    assert first_step(db_path, "alpha") == "Replace the reader."


def test_an_edit_that_loses_all_steps_is_indexed_and_named(articles: Path, db_path: Path) -> None:
    # The article still describes its problem: its answer says it gives no steps, and the run's
    # report names it, as for any article without a fix.
    build_index([articles], db_path)
    (articles / "beta.md").write_text("# Beta\n\n## Symptoms\n\nStill broken.\n", encoding="utf-8")
    report = build_index([articles], db_path)
    assert (report.warnings, report.parsed, report.stepless_sources) == ([], 1, ["beta.md"])
    [problem] = KnowledgeBase(db_path).article("beta").problems
    assert (problem.symptoms, problem.steps) == ("Still broken.", [])


def test_reader_keeps_working_while_the_index_is_rebuilt(articles: Path, db_path: Path) -> None:
    build_index([articles], db_path)
    kb = KnowledgeBase(db_path)
    assert kb.article("alpha").problems[0].steps[0].text.startswith("Restart the door controller")
    (articles / "alpha.md").write_text(good("alpha", step="Replace the reader."), encoding="utf-8")
    (articles / "delta.md").write_text(good("delta"), encoding="utf-8")
    seen_during: list[str] = []

    def read_while_building(n: int, total: int, source: str) -> None:
        seen_during.append(kb.article("alpha").problems[0].steps[0].text)
        assert kb.stats()["articles"] == 2

    before = identity(db_path)
    report = build_index([articles], db_path, progress=read_while_building)
    assert report.parsed == 2
    assert seen_during == ["Restart the door controller from the security console."] * 3
    assert identity(db_path) != before  # replaced by one rename
    assert kb.article("alpha").problems[0].steps[0].text == "Replace the reader."
    assert kb.stats()["articles"] == 3
    assert [p for p in db_path.parent.iterdir() if p.name.endswith(".tmp")] == []


def test_unreadable_old_index_is_rebuilt(articles: Path, db_path: Path) -> None:
    # An SQLite file (its header) damaged after it; a file that is not SQLite at all is someone
    # else's and is never replaced (test_security).
    db_path.write_bytes(b"SQLite format 3\x00" + b"this is not a database" * 100)
    report = build_index([articles], db_path)
    assert (report.warnings, report.articles, report.parsed) == ([], 2, 2)


def test_missing_folder_is_an_error(tmp_path: Path, db_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="no such file or folder"):
        build_index([tmp_path / "absent"], db_path)
    assert not db_path.exists()


# --- incremental runs -----------------------------------------------------------------


def test_a_new_version_of_the_reader_parses_every_article_again(
    articles: Path, db_path: Path, tmp_path: Path
) -> None:
    """An upgrade that reads articles differently must not keep the old reading of unchanged files."""
    build_index([articles], db_path)
    upgraded = tmp_path / "upgraded"
    shutil.copytree(REPO / "indexer", upgraded / "indexer", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(REPO / "api", upgraded / "api", ignore=shutil.ignore_patterns("__pycache__"))
    with (upgraded / "indexer" / "steps.py").open("a", encoding="utf-8") as module:
        module.write("\n# a later version of the step reader\n")
    script = (
        "import sys; from pathlib import Path; from indexer.build import build_index; "
        "r = build_index([Path(sys.argv[1])], Path(sys.argv[2])); print(r.parsed, r.unchanged)"
    )
    env = {**os.environ, "PYTHONPATH": str(upgraded)}
    # Run from the copy: `python -c` puts the working directory first on the import path.
    run = subprocess.run(
        [sys.executable, "-c", script, str(articles), str(db_path)],
        env=env,
        cwd=upgraded,
        capture_output=True,
        text=True,
        check=True,
    )
    assert run.stdout.split() == ["2", "0"]
    # Back on this version: parsed again once, then nothing to parse.
    assert (build_index([articles], db_path).parsed, build_index([articles], db_path).parsed) == (2, 0)


def test_reindex_with_nothing_changed_parses_nothing_and_keeps_the_file(
    articles: Path, db_path: Path
) -> None:
    first = build_index([articles], db_path)
    assert (first.parsed, first.unchanged) == (2, 0)
    before = identity(db_path)
    again = build_index([articles], db_path)
    assert (again.parsed, again.unchanged, again.removed, again.warnings) == (0, 2, 0, [])
    assert (again.articles, again.problems, again.steps) == (first.articles, first.problems, first.steps)
    assert identity(db_path) == before


def test_touching_a_file_without_changing_it_parses_nothing(articles: Path, db_path: Path) -> None:
    build_index([articles], db_path)
    before = identity(db_path)
    os.utime(articles / "alpha.md", (time.time() + 60, time.time() + 60))
    assert build_index([articles], db_path).parsed == 0
    assert identity(db_path) == before


def test_changing_one_file_reparses_only_it(articles: Path, db_path: Path) -> None:
    build_index([articles], db_path)
    (articles / "beta.md").write_text(good("beta", step="Replace the reader."), encoding="utf-8")
    report = build_index([articles], db_path)
    assert (report.parsed, report.unchanged, report.removed, report.articles) == (1, 1, 0, 2)
    assert first_step(db_path, "beta") == "Replace the reader."
    assert first_step(db_path, "alpha") == "Restart the door controller from the security console."


def test_removing_a_file_removes_its_article(articles: Path, db_path: Path) -> None:
    build_index([articles], db_path)
    (articles / "beta.md").unlink()
    report = build_index([articles], db_path)
    assert (report.parsed, report.unchanged, report.removed, report.articles) == (0, 1, 1, 1)
    with pytest.raises(NotFoundError):
        KnowledgeBase(db_path).article("beta")
    db = Database(db_path)
    assert db["problems"].count == 1  # beta's problem, steps and codes went with it
    assert db.execute("select count(*) from steps where problem_id like 'beta#%'").fetchone()[0] == 0


def test_no_trace_of_a_removed_or_edited_article_is_left_in_the_index_file(
    articles: Path, db_path: Path
) -> None:
    # An article taken out (say, for what it disclosed) must not travel on in the file copied to replicas.
    secret = "Unlock the vault with passphrase zebracorn-falcon-4471."
    (articles / "gamma.md").write_text(good("gamma", step=secret), encoding="utf-8")
    (articles / "beta.md").write_text(
        good("beta", step="Read the code zebracorn-owl-9912 aloud."), encoding="utf-8"
    )
    build_index([articles], db_path)
    assert b"zebracorn" in db_path.read_bytes()
    (articles / "gamma.md").unlink()
    (articles / "beta.md").write_text(good("beta", step="Replace the reader."), encoding="utf-8")
    build_index([articles], db_path)
    assert b"zebracorn" not in db_path.read_bytes()


def test_a_folder_found_empty_leaves_its_indexed_articles_alone(articles: Path, tmp_path: Path) -> None:
    """An unmounted share or a folder emptied by mistake must not empty the index being served."""
    other = tmp_path / "other"
    other.mkdir()
    (other / "gamma.md").write_text(good("gamma"), encoding="utf-8")
    db_path = tmp_path / "k.db"
    build_index([articles, other], db_path)
    before = db_path.read_bytes()
    for name in ("alpha.md", "beta.md"):
        (articles / name).unlink()
    with pytest.raises(EmptyFolderError) as refused:
        build_index([articles, other], db_path)
    assert refused.value.folders == [str(articles)] and refused.value.indexed == 2
    assert str(articles) in str(refused.value) and str(db_path) in str(refused.value)
    assert db_path.read_bytes() == before
    # Every folder empty: refused too, naming them all.
    (other / "gamma.md").unlink()
    with pytest.raises(EmptyFolderError) as refused:
        build_index([articles, other], db_path)
    assert refused.value.folders == [str(articles), str(other)] and refused.value.indexed == 3
    # Asked for, it is done.
    report = build_index([articles, other], db_path, allow_empty=True)
    assert (report.articles, report.removed) == (0, 3)
    # An empty index stays empty without complaint. A new index with nothing in it is refused
    # (a replica's share not mounted at its first start would be served as ready), unless asked for.
    assert build_index([articles], db_path).articles == 0
    with pytest.raises(EmptyFolderError) as refused:
        build_index([articles], tmp_path / "new.db")
    assert refused.value.indexed == 0 and "so no index is written at" in str(refused.value)
    assert not (tmp_path / "new.db").exists()
    assert build_index([articles], tmp_path / "new.db", allow_empty=True).articles == 0


def test_a_folder_found_empty_is_refused_however_it_is_spelled(
    articles: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The index knows articles by their folder as it was spelled: the server's absolute path
    and an operator's relative one are the same folder."""
    other = tmp_path / "other"
    other.mkdir()
    (other / "gamma.md").write_text(good("gamma"), encoding="utf-8")
    db_path = tmp_path / "k.db"
    build_index([articles.resolve(), other.resolve()], db_path)
    for name in ("alpha.md", "beta.md"):
        (articles / name).unlink()
    monkeypatch.chdir(tmp_path)
    with pytest.raises(EmptyFolderError) as refused:
        build_index([Path("articles"), Path("other")], db_path)
    assert refused.value.folders == ["articles"] and refused.value.indexed == 2


def test_a_folder_spelled_another_way_is_not_read_again(
    articles: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    db_path = tmp_path / "k.db"
    assert build_index([Path("articles")], db_path).parsed == 2
    before = db_path.read_bytes()
    report = build_index([articles.resolve()], db_path)
    assert (report.parsed, report.unchanged, report.removed, report.articles) == (0, 2, 0, 2)
    assert db_path.read_bytes() == before
    # A changed file is read again, and counted as changed, not as removed and added.
    (articles / "beta.md").write_text(good("beta", "Restart the badge reader."), encoding="utf-8")
    report = build_index([articles.resolve()], db_path)
    assert (report.parsed, report.unchanged, report.removed, report.articles) == (1, 1, 0, 2)
    assert KnowledgeBase(db_path).article("beta").problems[0].steps[0].text == "Restart the badge reader."


def test_a_folder_spelled_relative_is_the_same_folder_from_another_working_directory(
    articles: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`make run` indexes "kb" from the project; a cron job that runs `kb index /srv/app/kb`
    from elsewhere names that folder, and was refused for leaving it out ("kb" read from there)."""
    monkeypatch.chdir(tmp_path)
    db_path = tmp_path / "k.db"
    assert build_index([Path("articles")], db_path).parsed == 2
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    report = build_index([articles.resolve()], db_path)
    assert (report.parsed, report.unchanged, report.removed, report.articles) == (0, 2, 0, 2)
    (articles / "beta.md").write_text(good("beta", "Restart the badge reader."), encoding="utf-8")
    report = build_index([articles.resolve()], db_path)
    assert (report.parsed, report.unchanged, report.removed, report.articles) == (1, 1, 0, 2)
    # The folder is still the index's, from there: emptied, it is refused as such.
    for name in ("alpha.md", "beta.md"):
        (articles / name).unlink()
    with pytest.raises(EmptyFolderError) as refused:
        build_index([articles.resolve()], db_path)
    assert refused.value.indexed == 2


def test_a_knowledge_base_moved_with_its_index_is_read_where_it_now_is(
    articles: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = tmp_path / "project"
    project.mkdir()
    articles.rename(project / "articles")
    monkeypatch.chdir(project)
    assert build_index([Path("articles")], Path("k.db")).parsed == 2
    moved = tmp_path / "moved"
    project.rename(moved)
    monkeypatch.chdir(moved)
    report = build_index([Path("articles")], Path("k.db"))
    assert (report.parsed, report.unchanged, report.removed, report.articles) == (0, 2, 0, 2)
    (moved / "articles" / "alpha.md").unlink()
    report = build_index([Path("articles")], Path("k.db"))
    assert (report.parsed, report.unchanged, report.removed, report.articles) == (0, 1, 1, 1)


def test_a_configured_folder_that_is_a_link_to_nothing_is_missing(articles: Path, tmp_path: Path) -> None:
    """A link to an unmounted share is a missing folder (a usage error), not a file skipped
    with a warning while every article of the folder leaves the index."""
    share = tmp_path / "share"
    articles.rename(share)
    link = tmp_path / "kb"
    link.symlink_to(share, target_is_directory=True)
    db_path = tmp_path / "k.db"
    build_index([link], db_path)
    share.rename(tmp_path / "unmounted")
    with pytest.raises(FileNotFoundError, match="a link to something that does not exist"):
        build_index([link], db_path)
    assert KnowledgeBase(db_path).article("alpha").title


def test_a_run_that_indexes_nothing_does_not_empty_the_index(articles: Path, tmp_path: Path) -> None:
    """Files given that are no articles (a README, notes) leave the index as it is, and say why."""
    db_path = tmp_path / "k.db"
    build_index([articles], db_path)
    (articles / "README.md").write_text("# How to write articles\n", encoding="utf-8")
    with pytest.raises(EmptyFolderError) as refused:
        build_index([articles / "README.md"], db_path)
    assert [w.message for w in refused.value.warnings] == [
        "not an article file (named .md, .markdown, .mdx, .html, .htm, .txt, .tid, .adoc, .asciidoc, .rst, and not a README); skipped"
    ]
    assert KnowledgeBase(db_path).article("alpha").title
    assert build_index([articles / "README.md"], db_path, allow_empty=True).articles == 0


def test_a_first_run_whose_files_were_all_skipped_builds_no_index(tmp_path: Path) -> None:
    """A folder of links out of it (or of folders' links, as /proc is) gave an empty index, exit
    0, which a server would call ready; it is refused like an empty folder, naming why."""
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "alpha.md").write_text(good("alpha"), encoding="utf-8")
    folder = tmp_path / "kb"
    folder.mkdir()
    (folder / "alpha.md").symlink_to(outside / "alpha.md")
    (folder / "more").symlink_to(outside, target_is_directory=True)
    db_path = tmp_path / "k.db"
    with pytest.raises(EmptyFolderError) as refused:
        build_index([folder], db_path)
    assert {w.source for w in refused.value.warnings} == {"alpha.md", "more"}
    assert not db_path.exists()
    assert build_index([folder], db_path, allow_empty=True).articles == 0


def test_a_run_that_finds_no_articles_does_not_empty_an_index_of_other_folders(
    articles: Path, tmp_path: Path
) -> None:
    db_path = tmp_path / "k.db"
    build_index([articles], db_path)
    empty = tmp_path / "typo"
    empty.mkdir()
    with pytest.raises(EmptyFolderError, match="typo"):
        build_index([empty], db_path)
    assert KnowledgeBase(db_path).article("alpha").title
    # Moving to another folder that has articles replaces them when that is asked for.
    (empty / "gamma.md").write_text(good("gamma"), encoding="utf-8")
    with pytest.raises(
        FolderNotGivenError, match=r"has 2 articles from .*articles, which this run was not given"
    ):
        build_index([empty], db_path)
    assert KnowledgeBase(db_path).article("alpha").title
    report = build_index([empty], db_path, allow_empty=True)
    assert (report.articles, report.removed) == (1, 2)


def test_a_run_that_leaves_out_a_folder_the_index_holds_keeps_its_articles_unless_allowed(
    tmp_path: Path, db_path: Path
) -> None:
    """`kb index` without arguments indexes $KB_ARTICLES, and a server's reindex its KB_ARTICLES: after
    `kb index kb/ mine`, either took every article of mine/ out of the index without a word."""
    kb, mine = tmp_path / "kb", tmp_path / "mine"
    for folder, article in ((kb, "seed"), (mine, "ours"), (mine / "sub", "deeper")):
        folder.mkdir()
        (folder / f"{article}.md").write_text(good(article), encoding="utf-8")
    assert build_index([kb, mine], db_path).articles == 3
    with pytest.raises(FolderNotGivenError) as refused:
        build_index([kb], db_path)
    assert refused.value.folders == [str(mine)] and refused.value.indexed == 2
    assert "the index is left as it is" in str(refused.value)
    # The folders to give, as they are here: no placeholder to copy that would index others.
    assert f"give every folder the index holds: {kb}, {mine};" in str(refused.value)
    assert KnowledgeBase(db_path).article("ours").title
    # Named another way, by a folder above it, or by a file in it, a folder is given.
    assert build_index([kb, Path(os.path.relpath(mine))], db_path).removed == 0
    assert build_index([tmp_path], db_path).articles == 3
    # Only a folder inside the one indexed is not all of it.
    with pytest.raises(FolderNotGivenError) as refused:
        build_index([mine], db_path)
    assert refused.value.folders == [str(tmp_path)]
    assert build_index([tmp_path], db_path).removed == 0
    report = build_index([mine / "ours.md", kb / "seed.md"], db_path, allow_empty=True)
    assert (report.articles, report.removed) == (2, 1)
    report = build_index([kb, mine / "ours.md"], db_path)
    assert (report.articles, report.removed) == (2, 0)


def test_two_runs_at_once_on_one_index_take_turns_and_lose_no_folder(tmp_path: Path, db_path: Path) -> None:
    """Two runs on one index each started from it as it was, and the last rename won: `kb index
    kb mine` finishing first lost mine/ to a `kb index kb` finishing after it, both saying they had
    indexed. Taking turns, the second starts from the first's index, and is refused as it would
    have been had it started after it."""
    kb, mine = tmp_path / "kb", tmp_path / "mine"
    for folder, article in ((kb, "seed"), (mine, "ours")):
        folder.mkdir()
        (folder / f"{article}.md").write_text(good(article), encoding="utf-8")
    build_index([kb], db_path)
    # An edit for both runs to parse.
    (kb / "seed.md").write_text(good("seed", step="Power-cycle the door controller."), encoding="utf-8")
    first_done = threading.Event()
    outcome: dict[str, object] = {}

    def second_run() -> None:
        # It parses slowly: it finishes after the first one.
        def slow(n: int, total: int) -> None:
            first_done.wait(timeout=30)

        try:
            outcome["report"] = build_index(
                [kb], db_path, parsing=slow, waiting=lambda: outcome.setdefault("waited", True)
            )
        except FolderNotGivenError as exc:
            outcome["refused"] = exc

    second = threading.Thread(target=second_run)

    def start_the_second(n: int, total: int) -> None:
        # The second run starts while the first one is at work.
        if not second.is_alive():
            second.start()
            time.sleep(1)

    assert build_index([kb, mine], db_path, parsing=start_the_second).articles == 2
    first_done.set()
    second.join(timeout=60)
    assert outcome.get("waited") and "refused" in outcome, outcome
    assert KnowledgeBase(db_path).article("ours").title
    assert first_step(db_path, "seed") == "Power-cycle the door controller."


def test_changing_an_article_id_replaces_the_old_id(articles: Path, db_path: Path) -> None:
    build_index([articles], db_path)
    (articles / "beta.md").write_text(good("beta-renamed"), encoding="utf-8")
    report = build_index([articles], db_path)
    assert (report.parsed, report.articles) == (1, 2)
    kb = KnowledgeBase(db_path)
    assert kb.article("beta-renamed").source == "beta.md"
    with pytest.raises(NotFoundError):
        kb.article("beta")


def test_same_file_name_in_two_folders(tmp_path: Path, db_path: Path) -> None:
    one, two = tmp_path / "one", tmp_path / "two"
    one.mkdir()
    two.mkdir()
    (one / "readers.md").write_text(good("readers-one"), encoding="utf-8")
    (two / "readers.md").write_text(good("readers-two"), encoding="utf-8")
    report = build_index([one, two], db_path)
    assert (report.warnings, report.articles) == ([], 2)
    assert build_index([one, two], db_path).parsed == 0
    report = build_index([one], db_path, allow_empty=True)
    assert (report.removed, report.articles) == (1, 1)


def test_warnings_of_several_folders_name_the_folder(tmp_path: Path, db_path: Path) -> None:
    """Two teams' folders each have a vpn.md: a warning says which one it means, the clash's
    other file included; with one folder, a file's path in it is enough."""
    one, two = tmp_path / "teamA", tmp_path / "teamB"
    one.mkdir()
    two.mkdir()
    (one / "vpn.md").write_text(good("vpn"), encoding="utf-8")
    (two / "vpn.md").write_text(good("vpn"), encoding="utf-8")
    (two / "old.md").write_bytes(b"---\ntitle: [unclosed\n---\n# Old\n\n1. Step.\n")
    report = build_index([one, two], db_path)
    unclosed = "front matter is not valid YAML: expected ',' or ']', but got '<stream end>' (while parsing a flow sequence); not indexed"
    assert sorted(str(w) for w in report.warnings) == [
        f"{two.as_posix()}/old.md:2: {unclosed}",
        f"{two.as_posix()}/vpn.md:2: article id 'vpn' already used by {one.as_posix()}/vpn.md; not indexed",
    ]
    assert [str(w) for w in build_index([two], tmp_path / "b.db").warnings] == [f"old.md:2: {unclosed}"]


def test_many_files_are_parsed_in_worker_processes_with_the_same_result(tmp_path: Path) -> None:
    """Past PARALLEL_FROM changed files the parse runs in a pool; errors cross the process boundary."""
    folder = tmp_path / "many"
    folder.mkdir()
    for n in range(PARALLEL_FROM + 6):
        (folder / f"a{n:03}.md").write_text(good(f"a{n:03}"), encoding="utf-8")
    (folder / "broken.md").write_bytes(b"---\ntitle: [unclosed\n---\n# Broken\n\n1. Step.\n")
    report = build_index([folder], tmp_path / "many.db")
    assert report.articles == PARALLEL_FROM + 6
    assert [(w.source, w.line) for w in report.warnings] == [("broken.md", 2)]
    assert pickle.loads(pickle.dumps(ArticleError("x.md", 3, "bad"))).line == 3


def test_a_file_deleted_just_after_its_folder_is_listed(
    articles: Path, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An editor or a sync can delete a file between the listing of its folder and the look at
    the file itself: it is said to be gone, not to be a link to nothing."""
    listing = os.walk

    def listing_then_deleting(*args: Any, **kwargs: Any) -> Iterator[tuple[str, list[str], list[str]]]:
        for entry in listing(*args, **kwargs):
            yield entry
            (articles / "beta.md").unlink(missing_ok=True)

    monkeypatch.setattr(os, "walk", listing_then_deleting)
    report = build_index([articles], db_path)
    assert warnings_of(report) == [("beta.md", 1, "file disappeared while indexing; skipped")]
    assert report.articles == 1


def test_a_file_that_disappears_before_a_worker_reads_it(tmp_path: Path) -> None:
    """Files are read when their turn to be parsed comes, in the workers too: one gone by then
    is reported as gone, and the others are indexed."""
    folder = tmp_path / "many"
    folder.mkdir()
    for n in range(PARALLEL_FROM + 6):
        (folder / f"a{n:03}.md").write_text(good(f"a{n:03}"), encoding="utf-8")

    def delete_a_late_one(n: int, total: int, source: str) -> None:
        if n == total:
            (folder / "a010.md").unlink()

    report = build_index([folder], tmp_path / "many.db", progress=delete_a_late_one)
    assert warnings_of(report) == [("a010.md", 1, "file disappeared while indexing; skipped")]
    assert report.articles == PARALLEL_FROM + 5


def test_rows_written_in_batches_of_any_size_give_the_same_index(
    tmp_path: Path, longhorn_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A writer holds a bounded number of rows before it writes them (long articles have thousands
    each); where the batches end changes nothing in the index, row ids included."""

    def contents(db: Path) -> dict[str, list[tuple[object, ...]]]:
        with sqlite3.connect(db) as conn:
            tables = ["articles", "problems", "steps", "problem_evidence", "postings", "article_postings"]
            return {t: conn.execute(f"select rowid, * from {t} order by rowid").fetchall() for t in tables}

    build_index([longhorn_dir], tmp_path / "default.db")
    monkeypatch.setattr(index_writer, "INSERT_BATCH_ROWS", 1)
    build_index([longhorn_dir], tmp_path / "one_by_one.db")
    assert contents(tmp_path / "one_by_one.db") == contents(tmp_path / "default.db")


def test_a_writer_writes_the_rows_it_holds_past_its_bound(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Rows are written once a batch holds INSERT_BATCH_ROWS, not held until 1,000 articles."""
    monkeypatch.setattr(index_writer, "INSERT_BATCH_ROWS", 1)
    article = parse_article(good("alpha").encode(), "alpha.md")
    writer = index_writer.IndexWriter(tmp_path / "index.db", bulk=True, from_nothing=True)
    try:
        writer.write(article.id, article_rows(article, "articles"), None)
        assert writer.db is not None
        assert writer.db.execute("select count(*) from problems").fetchone()[0] == len(article.problems)
    finally:
        writer.close()


def test_a_parallel_parse_reads_only_a_few_chunks_ahead(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Files are read as chunks are handed to the workers, a few ahead of the reader of the
    results: the files of the chunks not handed out yet are not read (here, deleted first)."""
    monkeypatch.setattr(parse_pool, "CHUNK", 1)
    monkeypatch.setattr(parse_pool, "AHEAD_PER_WORKER", 1)
    folder = tmp_path / "many"
    folder.mkdir()
    for n in range(PARALLEL_FROM + 36):
        (folder / f"a{n:03}.md").write_text(good(f"a{n:03}"), encoding="utf-8")
    files = find_articles([folder]).files
    results = parse_pool.parse_all([(file, None) for file in files], lambda source: None)
    try:
        assert next(results).rows is not None
        time.sleep(0.5)  # time enough for the workers to parse them all, were they handed out
        for file in files:
            file.path.unlink()
        gone = sum(parsed.unread is not None for parsed in results)
    finally:
        results.close()
    workers = min(os.cpu_count() or 1, parse_pool.MAX_WORKERS)
    assert gone >= len(files) - 2 - workers


def long_article(problems: int) -> str:
    """One valid article of ``problems`` problems, each with its error message and steps."""
    parts = ["---\nid: long\ntitle: Many readers\n---\n# Many readers\n"]
    for n in range(problems):
        parts.append(
            f"\n## Error E{n:05d}: reader {n} rejects cards\n\n### Symptoms\n\nThe log shows `E{n:05d} reader {n}`."
            f"\n\n### Resolution\n\n1. Restart reader {n}.\n2. Badge again.\n"
        )
    return "".join(parts)


def collector_states_while(run: Callable[[], object]) -> set[bool]:
    """Whether the garbage collector was enabled, as seen from another thread while ``run()`` ran."""
    seen: set[bool] = set()
    done = threading.Event()

    def watch() -> None:
        while not done.is_set():
            seen.add(gc.isenabled())
            time.sleep(0.001)

    watcher = threading.Thread(target=watch)
    watcher.start()
    try:
        run()
    finally:
        done.set()
        watcher.join()
    return seen


def test_parsing_pauses_the_collector_only_in_the_main_thread(tmp_path: Path) -> None:
    """A parse in the main thread (kb index) runs without the collector; a reindex in a server's
    worker thread leaves it on, for the requests answered meanwhile; it is on again after both."""
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "long.md").write_text(long_article(400), encoding="utf-8")
    assert gc.isenabled()
    assert False in collector_states_while(lambda: build_index([folder], tmp_path / "main.db"))
    assert gc.isenabled()
    in_a_thread = threading.Thread(target=build_index, args=([folder], tmp_path / "thread.db"))
    assert collector_states_while(lambda: (in_a_thread.start(), in_a_thread.join())) == {True}
    assert gc.isenabled()
    assert Database(tmp_path / "thread.db")["problems"].count == 400


def test_a_problem_of_more_steps_than_an_answer_can_carry_is_refused_at_the_first_one_past(
    articles: Path, db_path: Path
) -> None:
    # Every answer sends all of a problem's steps: 200,000 of them were 16 MB per answer.
    lines = ["---", "id: steps", "---", "# Door steps", "", "## Resolution", ""]
    lines += [f"{n}. Check door {n}." for n in range(1, MAX_STEPS_PER_PROBLEM + 2)]
    (articles / "steps.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    report = build_index([articles], db_path)
    assert warnings_of(report) == [
        (
            "steps.md",
            8 + MAX_STEPS_PER_PROBLEM,
            f"problem 'Door steps' has {MAX_STEPS_PER_PROBLEM + 1} steps, over the limit of "
            f"{MAX_STEPS_PER_PROBLEM} for one problem; not indexed",
        )
    ]
    (articles / "steps.md").write_text("\n".join(lines[:-1]) + "\n", encoding="utf-8")
    assert build_index([articles], db_path).warnings == []


def test_an_article_of_more_problems_or_steps_than_its_page_can_carry_is_refused_at_the_first_past(
    articles: Path, db_path: Path
) -> None:
    # Its page carries every problem and step: 50,000 one-line problems in 1 MB held a worker
    # for seven seconds per rendering.
    head = ["---", "id: many", "---", "# Doors", "", "## Troubleshooting", ""]
    problems = [f"### Door {n} is stuck\n\n1. Open door {n}.\n" for n in range(MAX_PROBLEMS_PER_ARTICLE + 1)]
    (articles / "many.md").write_text("\n".join(head + problems), encoding="utf-8")
    report = build_index([articles], db_path)
    past = len(head) + 1 + 4 * MAX_PROBLEMS_PER_ARTICLE
    assert warnings_of(report) == [
        (
            "many.md",
            past,
            f"{MAX_PROBLEMS_PER_ARTICLE + 1} problems, over the limit of {MAX_PROBLEMS_PER_ARTICLE} "
            "for one article; not indexed",
        )
    ]
    assert report.articles == 2

    per_problem = MAX_STEPS_PER_PROBLEM
    count = MAX_STEPS_PER_ARTICLE // per_problem + 1
    problems = [
        f"### Door {n} is stuck\n\n" + "".join(f"{s}. Check hinge {s}.\n" for s in range(1, per_problem + 1))
        for n in range(count)
    ]
    (articles / "many.md").write_text("\n".join(head + problems), encoding="utf-8")
    [(source, line, message)] = warnings_of(build_index([articles], db_path))
    assert (source, message) == (
        "many.md",
        f"{count * per_problem} steps by the end of problem 'Door {count - 1} is stuck', over the "
        f"limit of {MAX_STEPS_PER_ARTICLE} for one article; not indexed",
    )
    # The first step past the limit: the first of the last problem, its lines after the others'.
    assert line == len(head) + 1 + sum(p.count("\n") + 1 for p in problems[:-1]) + 2


@pytest.mark.parametrize(
    "markup",
    [
        "*" * 400 + "a" + "*" * 400,  # emphasis 200 levels deep: markdown-it's tree recurses per level
        "{{< tab >}}\n" * 500 + "x\n" + "{{< /tab >}}\n" * 500,  # directives: our reader recurses too
    ],
)
def test_markup_nested_too_deeply_to_read_is_a_warning_and_the_rest_is_indexed(
    articles: Path, db_path: Path, markup: str
) -> None:
    (articles / "deep.md").write_text(f"# Deep\n\n## P\n\n### Resolution\n\n1. Do x.\n\n{markup}\n")
    report = build_index([articles], db_path)
    assert warnings_of(report) == [
        (
            "deep.md",
            1,
            "markup nested too deeply to read (emphasis, links, lists, quotes or directives); not indexed",
        )
    ]
    assert report.articles == 2


class _SignalledWhenLetGo:
    """An object whose finalizer receives a signal, as `kb serve`'s build let a ZipFile go when
    SIGTERM came."""

    def __init__(self, signum: int) -> None:
        self.signum = signum

    def __del__(self) -> None:
        signal.raise_signal(self.signum)


@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
@pytest.mark.parametrize(
    ("signum", "stop", "raised"),
    [
        (signal.SIGTERM, lambda: SystemExit(0), SystemExit),  # kb serve: stopped as asked
        (signal.SIGTERM, KeyboardInterrupt, KeyboardInterrupt),  # kb index: as Ctrl-C
        (signal.SIGINT, KeyboardInterrupt, KeyboardInterrupt),
    ],
    ids=["serve-sigterm", "index-sigterm", "index-sigint"],
)
def test_a_stop_whose_exception_a_finalizer_dropped_still_stops_the_run_where_it_is_asked_for(
    signum: int, stop: Callable[[], BaseException], raised: type[BaseException]
) -> None:
    # The handler's exception, raised inside a finalizer, was printed and dropped: `kb serve` went on
    # to serve as if never stopped (1 start in about 200, SIGTERM sent as its build began).
    handler = StopWhenAsked(stop)
    previous = signal.signal(signum, handler)
    try:
        _SignalledWhenLetGo(signum)  # let go at once: its finalizer runs here, and its exception is lost
        with pytest.raises(raised) as stopped:
            handler.stop_if_asked()
    finally:
        signal.signal(signum, previous)
    assert getattr(stopped.value, "code", 0) == 0
    StopWhenAsked(stop).stop_if_asked()  # no signal, no stop


def test_a_sigterm_held_back_during_a_step_that_must_not_stop_takes_effect_after_it() -> None:
    # SIGTERM stopped `kb serve` while its index build was making its temporary: the copy was left
    # beside the index. And after a SIGINT that the job ignores, a SIGTERM held back was lost.
    seen: list[int] = []
    before = signal.signal(signal.SIGTERM, lambda signum, frame: seen.append(signum))
    ignored = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        with interrupt_deferred():
            signal.raise_signal(signal.SIGINT)
            signal.raise_signal(signal.SIGTERM)
            assert seen == []
        assert seen == [signal.SIGTERM]
    finally:
        signal.signal(signal.SIGTERM, before)
        signal.signal(signal.SIGINT, ignored)
