"""Article folders that change under the indexer or hold names it cannot store.

The rule (see tests/test_security.py, test_files_*): nothing outside the configured
article folders is ever read, and a bad file is a warning naming it, never the end of
the run. Here: a folder swapped for a link to another folder between the walk and the
read (made deterministic by swapping it from the progress callback, which `build_index`
calls just before it reads each file), link loops, and names that are not UTF-8.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import tempfile
import traceback
from collections.abc import Callable
from pathlib import Path

import click.testing
import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from api.cli import cli
from api.http import create_app
from api.settings import Settings
from indexer.article_files import MAX_FOLDER_DEPTH, find_articles, read_regular_file
from indexer.build import BuildReport, build_index

OUTSIDE = "ZQXOUTSIDE"

ARTICLE = """---
id: {id}
title: Badge reader {marker}
---
# Badge reader {marker}

## Symptoms

Error {marker}: the badge reader at the front door shows a red light for every card.

## Resolution

1. Restart the badge reader.
2. Hold a card to the reader and check that the light turns green.
"""


def write(path: Path, article_id: str, marker: str = "ZQXINSIDE") -> None:
    """An article with ``marker`` in its title and error message at ``path``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(ARTICLE.format(id=article_id, marker=marker), encoding="utf-8")


def warned(report: BuildReport) -> dict[str, str]:
    """The run's warnings, by the file they name."""
    return {w.source: w.message for w in report.warnings}


def indexed_ids(db: Path) -> set[str]:
    """The ids of the articles the index at ``db`` holds."""
    with sqlite3.connect(db) as conn:
        return {row[0] for row in conn.execute("select id from articles")}


def kb(runner: CliRunner, *args: str | Path) -> click.testing.Result:
    """Run `kb ARGS` in-process."""
    return runner.invoke(cli, [str(a) for a in args], catch_exceptions=False)


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    """A folder beside the article folder holding articles with the same names, never to be read."""
    path = tmp_path / "outside"
    for name in ("a.md", "er/a.md", "top.md"):
        write(path / name, "leaked-" + name.replace("/", "-").removesuffix(".md"), OUTSIDE)
    return path


# --- a folder (or file) swapped for a link after the walk -----------------------------------------


@pytest.mark.parametrize(
    ("swapped", "target", "source"),
    [
        ("sub", ".", "sub/a.md"),  # the file's own folder
        ("deep", ".", "deep/er/a.md"),  # a folder further up
        ("top.md", "top.md", "top.md"),  # the file itself
    ],
)
def test_files_a_folder_swapped_for_a_link_after_the_walk_is_not_followed(
    tmp_path: Path, outside: Path, swapped: str, target: str, source: str
) -> None:
    folder = tmp_path / "articles"
    for name in ("sub/a.md", "deep/er/a.md", "top.md"):
        write(folder / name, name.replace("/", "-").removesuffix(".md"))
    write(folder / "stays.md", "stays")

    def swap(n: int, total: int, read_next: str) -> None:
        # What renameat2(RENAME_EXCHANGE) in a loop does at the worst moment, every time.
        if read_next == source:
            (folder / swapped).rename(tmp_path / "moved-away")
            (folder / swapped).symlink_to(outside / target)

    db = tmp_path / "kb.db"
    report = build_index([folder], db, progress=swap)
    assert OUTSIDE.encode() not in db.read_bytes()
    assert "not followed" in warned(report)[source], warned(report)
    assert "stays" in indexed_ids(db)
    assert not any(article_id.startswith("leaked") for article_id in indexed_ids(db))


def test_files_reading_a_walked_file_follows_no_link_below_the_folder(tmp_path: Path, outside: Path) -> None:
    folder = tmp_path / "articles"
    write(folder / "sub" / "a.md", "a")
    files = find_articles([folder]).files
    (folder / "sub").rename(tmp_path / "moved-away")
    (folder / "sub").symlink_to(outside, target_is_directory=True)
    with pytest.raises(OSError, match="sub is now a link or a file, not a folder"):
        read_regular_file(files[0].path, root=files[0].root)
    # The same path lexically climbing out of the folder is refused before anything is opened.
    with pytest.raises(ValueError, match="not a file below"):
        read_regular_file(folder / ".." / "outside" / "a.md", root=folder)


def test_files_a_folder_named_through_a_link_is_read(tmp_path: Path) -> None:
    # The folder the user names is theirs to reach as they like: only links below it are refused.
    write(tmp_path / "real" / "sub" / "a.md", "a")
    (tmp_path / "named").symlink_to(tmp_path / "real", target_is_directory=True)
    db = tmp_path / "kb.db"
    report = build_index([tmp_path / "named"], db)
    assert report.warnings == [] and indexed_ids(db) == {"a"}


def test_files_a_link_reads_only_what_would_be_read_itself(tmp_path: Path) -> None:
    # A link named like an article, to a hidden file inside the folder, published its content.
    folder = tmp_path / "articles"
    write(folder / "good.md", "good")
    (folder / ".git").mkdir()
    (folder / ".git" / "config").write_text("url = https://x-access-token:ZQXSECRET@example.com/kb.git\n")
    write(folder / ".drafts" / "draft.md", "draft", "ZQXDRAFT")
    (folder / "notes.json").write_text('{"note": "ZQXNOTES"}\n')
    (folder / "leak.md").symlink_to(".git/config")
    (folder / "draft.md").symlink_to(".drafts/draft.md")
    (folder / "notes.md").symlink_to("notes.json")
    (folder / "sub").mkdir()
    (folder / "sub" / "same.md").symlink_to("../good.md")
    db = tmp_path / "kb.db"
    report = build_index([folder], db)
    said = warned(report)
    assert said["leak.md"] == (
        "link to .git/config, which is not read as an article (hidden, or not named as one); skipped"
    )
    assert "not read as an article" in said["draft.md"] and "not read as an article" in said["notes.md"]
    # A link to an article is read as the article is (here the same id twice, said so).
    assert "sub/same.md" in said and indexed_ids(db) == {"good"}
    with sqlite3.connect(db) as conn:
        dumped = "\n".join(conn.iterdump())
    assert "ZQXSECRET" not in dumped and "ZQXDRAFT" not in dumped and "ZQXNOTES" not in dumped


def test_files_an_article_folder_mounted_from_a_kubernetes_config_map_is_read(tmp_path: Path) -> None:
    # Kubernetes mounts a ConfigMap's files as links into a hidden version folder, through a link
    # "..data" it swaps at each update: as links into a hidden folder, every file was skipped.
    folder = tmp_path / "articles"
    write(folder / "..2026_12_04_10_00_00.123" / "faq.md", "faq")
    (folder / "..data").symlink_to("..2026_12_04_10_00_00.123", target_is_directory=True)
    (folder / "faq.md").symlink_to("..data/faq.md")
    db = tmp_path / "kb.db"
    report = build_index([folder], db)
    assert report.warnings == [] and indexed_ids(db) == {"faq"}


# --- link loops -----------------------------------------------------------------------------------


def test_files_a_link_loop_is_a_warning_naming_it(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    write(folder / "good.md", "good")
    (folder / "loop.md").symlink_to("loop.md")
    (folder / "ping.md").symlink_to("pong.md")
    (folder / "pong.md").symlink_to("ping.md")
    db = tmp_path / "kb.db"
    report = build_index([folder, folder / "loop.md"], db)
    # Named again inside its folder, the loop is read (and warned of) once.
    assert [(w.source, w.message) for w in report.warnings] == [
        (name, "link loop (or too long a chain of links); skipped")
        for name in ("loop.md", "ping.md", "pong.md")
    ]
    assert indexed_ids(db) == {"good"}


# --- names that are no articles -------------------------------------------------------------------


def test_files_hidden_files_and_folders_are_no_articles(tmp_path: Path) -> None:
    # An issue template, an editor's lock link and backup, macOS's resource files, a trash folder.
    folder = tmp_path / "articles"
    write(folder / "basic.md", "basic")
    write(folder / ".github" / "ISSUE_TEMPLATE" / "bug.md", "bug")
    write(folder / ".trash" / "old.md", "old")
    write(folder / ".#basic.md", "basic")
    (folder / ".#lock.md").symlink_to("user@host.1234:1700000000")
    (folder / "._basic.md").write_bytes(b"\x00\x05\x16\x07 Mac OS X resource fork")
    db = tmp_path / "kb.db"
    report = build_index([folder], db)
    assert report.warnings == [] and indexed_ids(db) == {"basic"}


def test_files_a_folder_and_one_inside_it_are_read_once(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    write(folder / "top.md", "top")
    write(folder / "sub" / "s.md", "sub1")
    db = tmp_path / "kb.db"
    for named in ([folder, folder / "sub"], [folder / "sub", folder], [folder, folder / "top.md"]):
        report = build_index(named, db)
        assert report.warnings == [] and indexed_ids(db) == {"top", "sub1"}, named
        assert report.articles == 2
    # A hidden folder inside is not walked: named, it is read on its own.
    write(folder / ".drafts" / "d.md", "draft")
    report = build_index([folder, folder / ".drafts"], db)
    assert report.warnings == [] and indexed_ids(db) == {"top", "sub1", "draft"}


def test_files_a_file_named_that_is_no_article_is_a_warning(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    write(folder / "basic.md", "basic")
    (tmp_path / "passwd").write_text("root:x:0:0:root:/root:/bin/bash\n", encoding="utf-8")
    db = tmp_path / "kb.db"
    report = build_index([folder, tmp_path / "passwd"], db)
    assert warned(report) == {
        "passwd": "not an article file (named .md, .markdown, .mdx, .html, .htm, .txt, .tid, .adoc, .asciidoc, .rst, and not a README); skipped"
    }
    assert indexed_ids(db) == {"basic"}


def test_files_a_chain_of_nested_folders_is_read_to_a_depth_and_named(tmp_path: Path) -> None:
    # Deeper than Python's recursion limit: os.walk (3.11) recursed into every level and the
    # whole run failed with RecursionError (a 500 from the reindex route).
    folder = tmp_path / "articles"
    write(folder / "good.md", "good")
    deep = folder / "/".join(["d"] * MAX_FOLDER_DEPTH)
    write(deep / "reached.md", "reached")
    cwd = os.getcwd()
    os.chdir(deep)
    try:
        for _ in range(1_100):
            os.mkdir("d")
            os.chdir("d")
        write(Path("lost.md"), "lost")
    finally:
        os.chdir(cwd)
    try:
        report = build_index([folder], tmp_path / "kb.db")
    finally:
        # pytest's clean-up would recurse down the chain too: move each level up beside it.
        level = deep
        for n in range(1_100):
            os.rename(level / "d", tmp_path / f"level{n}")
            level = tmp_path / f"level{n}"
    [(source, message)] = warned(report).items()
    assert source == "d/" * MAX_FOLDER_DEPTH and f"more than {MAX_FOLDER_DEPTH} levels deep" in message
    assert indexed_ids(tmp_path / "kb.db") == {"good", "reached"}


# --- names that are not UTF-8 ---------------------------------------------------------------------


def test_files_a_name_that_is_not_utf8_is_a_readable_warning(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    write(folder / "good.md", "good")
    base = os.fsencode(folder)
    os.mkdir(base + b"/sub\xfe")
    for name in (b"/bad\xffname.md", b"/sub\xfe/inner.md"):
        with open(base + name, "wb") as file:
            file.write(ARTICLE.format(id="bad" + str(len(name)), marker="ZQXBAD").encode())
    result = kb(CliRunner(), "index", folder, "--db", tmp_path / "kb.db")
    assert result.exit_code == 0, result.stderr
    assert "warning: bad\\xffname.md:1: its name is not valid UTF-8; skipped" in result.stderr
    assert "warning: sub\\xfe/inner.md:1: its name is not valid UTF-8; skipped" in result.stderr
    assert indexed_ids(tmp_path / "kb.db") == {"good"}


def test_files_a_configured_folder_whose_name_is_not_utf8_is_a_warning(tmp_path: Path) -> None:
    folder = Path(os.fsdecode(os.fsencode(tmp_path) + b"/articles\xff"))
    write(folder / "a.md", "a")
    write(tmp_path / "fine" / "b.md", "b")
    db = tmp_path / "kb.db"
    report = build_index([folder, tmp_path / "fine"], db)
    assert warned(report) == {f"{tmp_path}/articles\\xff": "its name is not valid UTF-8; skipped"}
    assert indexed_ids(db) == {"b"}


# The user nobody: permissions bind it, as they do not bind root.
NOBODY = 65534


def where_permissions_hold(work: Callable[[Path], None], tmp_path: Path) -> None:
    """Run ``work(folder)`` (its assertions included) where a folder without permissions cannot
    be listed: here, or, when the tests run as root (who lists any folder), in a child process
    that has become nobody, in a folder of its own."""
    if os.geteuid() != 0:
        work(tmp_path)
        return
    # nobody cannot read what Python has not imported yet if it lives in root's home (pyenv):
    # one run of the indexer here imports what the child's runs need.
    write(tmp_path / "warm-up" / "w.md", "w")
    build_index([tmp_path / "warm-up"], tmp_path / "warm-up.db")
    base = Path(tempfile.mkdtemp(prefix="kb-unprivileged-"))
    base.chmod(0o777)
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(read_end)
        code = 0
        try:
            os.setgroups([])
            os.setgid(NOBODY)
            os.setuid(NOBODY)
            work(base)
        except BaseException:
            os.write(write_end, traceback.format_exc().encode())
            code = 1
        os._exit(code)
    os.close(write_end)
    with os.fdopen(read_end, "rb") as pipe:
        failure = pipe.read().decode()
    _, status = os.waitpid(pid, 0)
    shutil.rmtree(base)
    assert os.waitstatus_to_exitcode(status) == 0, failure


def _index_with_folders_and_files_that_cannot_be_read(base: Path) -> None:
    folder = base / "articles"
    write(folder / "open" / "a.md", "a")
    write(folder / "locked" / "b.md", "b")
    db = base / "kb.db"
    build_index([folder], db)
    (folder / "locked").chmod(0)
    try:
        report = build_index([folder], db)
        assert "cannot list this folder" in warned(report)["locked/"], warned(report)
        assert indexed_ids(db) == {"a", "b"} and report.removed == 0
        # A new article cannot take the id of one kept from the folder that was not listed.
        write(folder / "open" / "c.md", "b")
        report = build_index([folder], db)
        assert "already used by locked/b.md" in warned(report)["open/c.md"], warned(report)
        (folder / "open" / "c.md").unlink()
        # A file that cannot be read keeps its indexed version too; a new one is skipped.
        (folder / "open" / "a.md").chmod(0)
        write(folder / "open" / "d.md", "d")
        (folder / "open" / "d.md").chmod(0)
        report = build_index([folder], db)
        assert warned(report)["open/a.md"].endswith("; kept the previously indexed version"), warned(report)
        assert warned(report)["open/d.md"].endswith("; skipped"), warned(report)
        assert indexed_ids(db) == {"a", "b"}
        (folder / "open" / "a.md").chmod(0o644)
        (folder / "open" / "d.md").unlink()
        # A folder that can be listed but not entered (read, no search permission): its files
        # and folders cannot be reached, and what was indexed from them stays.
        (folder / "locked").chmod(0o755)
        write(folder / "locked" / "inner" / "e.md", "e")
        build_index([folder], db)
        (folder / "locked").chmod(0o444)
        report = build_index([folder], db)
        assert warned(report)["locked/b.md"].endswith("; kept the previously indexed version"), warned(report)
        assert "cannot list this folder" in warned(report)["locked/inner/"], warned(report)
        assert indexed_ids(db) == {"a", "b", "e"}
        (folder / "locked").chmod(0o755)
        (folder / "locked" / "inner" / "e.md").unlink()
        assert build_index([folder], db).removed == 1 and indexed_ids(db) == {"a", "b"}
        # The whole folder unlisted: everything stays, and it is not taken for an empty folder.
        folder.chmod(0)
        report = build_index([folder], db)
        assert "cannot list this folder" in warned(report)["./"], warned(report)
        assert indexed_ids(db) == {"a", "b"}, warned(report)
    finally:
        folder.chmod(0o755)
        (folder / "locked").chmod(0o755)
    # Listed again, a file that is gone is gone.
    (folder / "locked" / "b.md").unlink()
    assert build_index([folder], db).removed == 1 and indexed_ids(db) == {"a"}


def test_a_folder_or_file_that_cannot_be_read_is_a_warning_and_its_articles_stay(tmp_path: Path) -> None:
    """A folder the indexer may not list (permissions, a stale network mount) looks empty to a
    walk that ignores errors, and its articles would silently leave the index; a file it may
    not read is, like a broken edit, no reason to take a working article out."""
    where_permissions_hold(_index_with_folders_and_files_that_cannot_be_read, tmp_path)


def _index_a_folder_that_cannot_be_listed_beside_one_that_can(base: Path) -> None:
    write(base / "closed" / "a.md", "a")
    write(base / "open" / "b.md", "b")
    db = base / "kb.db"
    runner = CliRunner()
    assert kb(runner, "index", base / "closed", base / "open", "--db", db).exit_code == 0
    (base / "closed").chmod(0)
    try:
        result = kb(runner, "index", base / "closed", base / "open", "--db", db)
        assert result.exit_code == 0, result.stderr
        assert f"warning: {base / 'closed'}:1: cannot list this folder" in result.stderr
        assert indexed_ids(db) == {"a", "b"}
        alone = kb(runner, "index", base / "closed", "--db", db)
        assert alone.exit_code == 0, alone.stderr
        assert f"warning: {base / 'closed'}:1: cannot list this folder" in alone.stderr
    finally:
        (base / "closed").chmod(0o755)


def test_a_folder_named_that_cannot_be_listed_is_a_warning_naming_it(tmp_path: Path) -> None:
    # It was a usage error before anything was indexed, the other folders' changes included.
    where_permissions_hold(_index_a_folder_that_cannot_be_listed_beside_one_that_can, tmp_path)


def _use_an_index_that_cannot_be_read(base: Path) -> None:
    write(base / "articles" / "a.md", "a")
    db = base / "kb.db"
    runner = CliRunner()
    assert kb(runner, "index", base / "articles", "--db", db).exit_code == 0
    db.chmod(0)
    said = f"the index file {db} cannot be read (Permission denied); give this user read access to it"
    for args in (["match", "badge reader"], ["articles"], ["show", "a"], ["search", "badge"]):
        result = kb(runner, *args, "--db", db)
        assert (result.exit_code, result.stdout) == (3, ""), (args, result.stderr)
        assert said in result.stderr, (args, result.stderr)
    with TestClient(create_app(Settings(db=db))) as client:
        response = client.post("/v1/match", json={"text": "badge reader"})
        assert response.status_code == 503 and said in response.json()["error"]["message"]
        db.chmod(0o644)
        assert client.post("/v1/match", json={"text": "badge reader"}).status_code == 200


def test_an_index_that_cannot_be_read_is_exit_3_and_a_503_saying_why(tmp_path: Path) -> None:
    """It was a usage error from the --db option (exit 2) where the CLI said it could be read, and
    a traceback where it did not."""
    # What the server imports as it starts and answers, imported here, where it can be read.
    write(tmp_path / "warm-up" / "w.md", "w")
    build_index([tmp_path / "warm-up"], tmp_path / "warm-up.db")
    with TestClient(create_app(Settings(db=tmp_path / "warm-up.db"))) as client:
        client.post("/v1/match", json={"text": "badge reader"})
        client.post("/v1/match", json={"text": ""})
    where_permissions_hold(_use_an_index_that_cannot_be_read, tmp_path)
