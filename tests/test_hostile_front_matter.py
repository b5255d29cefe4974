"""Front matter that YAML parses but that cannot become an article (values that fail to be built,
aliases, deep nesting, surrogate escapes) is a warning at its file and line, never a failed run.

Each test indexes, with the real build_index or `kb index`, a folder holding a copy of
kb/jumpcloud-m365.md beside one hostile article (or a hostile kb-answer.yml).
"""

from __future__ import annotations

import time
from pathlib import Path

import click.testing
import pytest
from click.testing import CliRunner

from api.cli import EXIT_USAGE, cli
from api.knowledge import KnowledgeBase
from indexer.build import BuildReport, build_index

REPO = Path(__file__).resolve().parent.parent
GOOD = REPO / "kb" / "jumpcloud-m365.md"
GOOD_ID = "jumpcloud-m365"
HOSTILE = "hostile.md"
BODY = "\n# Badge reader rejects cards\n\n## Red light\n\n### Resolution\n\n1. Restart the reader.\n2. Badge again.\n"


def article(front_matter: str) -> str:
    """An article with steps whose front matter (between the ``---`` lines) is ``front_matter``."""
    return f"---\n{front_matter}\n---\n{BODY}"


def billion_laughs(key: str) -> str:
    """Eight anchored lists of ten aliases each: 600 bytes that expand to 10^8 strings under ``key``."""
    lines = ["a0: &a0 [" + ", ".join(['"lol"'] * 10) + "]"]
    lines += [f"a{n}: &a{n} [" + ", ".join([f"*a{n - 1}"] * 10) + "]" for n in range(1, 8)]
    return "\n".join([*lines, f"{key}: *a7"])


def nested_block_lists(depth: int) -> str:
    """``title:`` holding ``depth`` block lists, each inside the one before, one per line."""
    return "title:\n" + "".join(" " * n + "-\n" for n in range(depth)) + " " * depth + "- end"


# name: (front matter, line of the warning in the file, what the warning says). Line 1 is "---".
REFUSED = {
    "int-over-python-digit-limit": (f"id: {'9' * 5000}", 2, "has a number of 5000 characters"),
    "hex-over-python-digit-limit": (
        f"id: hostile\ntitle: 0x{'f' * 5000}",
        3,
        "has a number of 5002 characters",
    ),
    # Base 60: building it took quadratic time.
    "sexagesimal-int": ("id: hostile\nv: 1" + ":0" * 100_000, 3, "has a number of 200001 characters"),
    "int-tag-on-text": ('id: hostile\nv: !!int "abc"', 3, "'abc' is not a valid !!int"),
    "float-tag-on-text": ('id: hostile\nv: !!float "abc"', 3, "'abc' is not a valid !!float"),
    "bool-tag-on-text": ('id: hostile\nv: !!bool "maybe"', 3, "'maybe' is not a valid !!bool"),
    "binary-int-without-digits": ("id: hostile\nv: 0b_", 3, "'0b_' is not a valid !!int"),
    "unclosed-flow-lists": ("id: hostile\ntitle: " + "[" * 20_000, 3, "is nested more than 50 levels deep"),
    "closed-flow-lists": (
        "id: hostile\ntitle: " + "[" * 20_000 + "]" * 20_000,
        3,
        "is nested more than 50 levels deep",
    ),
    "block-lists": ("id: hostile\n" + nested_block_lists(60), 53, "is nested more than 50 levels deep"),
    "surrogate-in-id": ('id: "a\\ud800b"', 2, "holds a UTF-16 surrogate escape"),
    "surrogate-in-title": ('id: hostile\ntitle: "\\udc80"', 3, "holds a UTF-16 surrogate escape"),
    "surrogate-in-tags": ('id: hostile\ntags: [doors, "\\udc80"]', 3, "holds a UTF-16 surrogate escape"),
    "billion-laughs": ("id: hostile\n" + billion_laughs("title"), 4, "uses the YAML alias *a0"),
    "alias-of-itself": ("id: hostile\ntags: &t [doors, *t]", 3, "uses the YAML alias *t"),
    # Shown as text, these were Python's spelling of the list or mapping ("['a', 'b']").
    "title-as-list": ("id: hostile\ntitle: [Doors, Badges]", 3, "title must be text, not a list"),
    "product-as-mapping": ("id: hostile\nproduct: {name: Doors}", 3, "product must be text, not a mapping"),
    "description-as-block-list": (
        "id: hostile\ndescription:\n  - one\n  - two",
        3,
        "description must be text",
    ),
    "tags-holding-lists": (
        "id: hostile\ntags: [doors, [badges]]",
        3,
        "tags must be a word or a list of words",
    ),
    "tags-as-mapping": ("id: hostile\ntags: {doors: 1}", 3, "tags must be a word or a list of words"),
    # An id becomes part of problem ids (ARTICLE#N), URL paths and command lines.
    "id-with-hash": ("id: door#2", 2, "id 'door#2' is not a usable article id"),
    "id-with-slash": ("title: Doors\nid: doors/badges", 3, "id 'doors/badges' is not a usable article id"),
    "id-with-spaces": ('id: " doors "', 2, "id ' doors ' is not a usable article id"),
    "id-with-line-break": ('id: "doors\\nbadges"', 2, "id 'doors\\nbadges' is not a usable article id"),
    "id-of-dots": ('id: ".."', 2, "id '..' is not a usable article id"),
    "id-over-200-characters": (f"id: {'d' * 201}", 2, "at most 200 characters"),
    # The line is the id key's, however it is written.
    "id-key-quoted": ("title: Doors\n'id': door#2", 3, "id 'door#2' is not a usable article id"),
    "id-key-spaced": ('id : "a b"', 2, "id 'a b' is not a usable article id"),
    # Named twice: which one is meant is the author's to say (PyYAML kept the last without a word).
    "id-key-twice": (
        "id: doors\ntitle: Doors\nid: door#2",
        4,
        "front matter gives the key 'id' twice; keep one",
    ),
}

# Front matter dates are only ever shown as text, so one that is no real date is kept as written.
DATES = {
    "day-out-of-range": "2023-02-30",
    "hour-out-of-range": "2001-12-14 25:00:00",
    "offset-out-of-range": "2001-12-14 21:59:43.10 -99:00",
    "timestamp-tag-on-text": '!!timestamp "abc"',
}

# name: (kb-answer.yml, line of the warning)
REFUSED_SETTINGS = {
    "billion-laughs": (billion_laughs("url"), 2),
    "surrogate-in-url": ('url: "https://help.example/kb/{id}\\udc80"', 1),
    "int-over-python-digit-limit": (f"url: https://help.example/kb/{{id}}\nversion: {'9' * 5000}", 2),
    "nested-lists": ("url: https://help.example/kb/{id}\nmore: " + "[" * 20_000 + "]" * 20_000, 2),
}


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A folder holding a copy of kb/jumpcloud-m365.md."""
    path = tmp_path / "articles"
    path.mkdir()
    (path / GOOD.name).write_bytes(GOOD.read_bytes())
    return path


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """Where this test's index goes (not created yet)."""
    return tmp_path / "kb.db"


def warnings_of(report: BuildReport) -> list[tuple[str, int, str]]:
    """(source, line, message) of every warning of a run."""
    return [(w.source, w.line, w.message) for w in report.warnings]


def indexed_ids(db_path: Path) -> set[str]:
    """The ids of every article in the index."""
    return {a.id for a, _ in KnowledgeBase(db_path).articles()[1]}


@pytest.mark.parametrize("name", list(REFUSED))
def test_hostile_front_matter_is_a_warning_at_its_line_and_the_rest_is_indexed(
    name: str, folder: Path, db_path: Path
) -> None:
    front_matter, line, message = REFUSED[name]
    (folder / HOSTILE).write_text(article(front_matter), encoding="utf-8")
    report = build_index([folder], db_path)
    ((source, warned_line, warned),) = warnings_of(report)
    assert (source, warned_line) == (HOSTILE, line)
    assert message in warned
    assert warned.startswith("front matter ") and warned.endswith("; not indexed")
    assert indexed_ids(db_path) == {GOOD_ID}


@pytest.mark.parametrize("name", list(REFUSED))
def test_hostile_edit_keeps_the_previously_indexed_version(name: str, folder: Path, db_path: Path) -> None:
    (folder / HOSTILE).write_text(article("id: hostile"), encoding="utf-8")
    build_index([folder], db_path)
    front_matter, line, _ = REFUSED[name]
    (folder / HOSTILE).write_text(article(front_matter), encoding="utf-8")
    report = build_index([folder], db_path)
    ((source, warned_line, warned),) = warnings_of(report)
    assert (source, warned_line) == (HOSTILE, line)
    assert warned.endswith("; kept the previously indexed version")
    assert indexed_ids(db_path) == {GOOD_ID, "hostile"}


def test_billion_laughs_is_refused_without_expanding_it(folder: Path, db_path: Path) -> None:
    (folder / HOSTILE).write_text(article("id: hostile\n" + billion_laughs("title")), encoding="utf-8")
    started = time.perf_counter()
    report = build_index([folder], db_path)
    # Generous: it is refused in milliseconds; expanded, it took minutes and gigabytes.
    assert time.perf_counter() - started < 10
    assert [w.source for w in report.warnings] == [HOSTILE]


@pytest.mark.parametrize("name", list(DATES))
def test_a_date_that_does_not_exist_is_kept_as_written(name: str, folder: Path, db_path: Path) -> None:
    # No heading 1: the title comes from the front matter, as written.
    text = article(f"id: dated\ntitle: {DATES[name]}\nupdated: {DATES[name]}").replace(
        "# Badge reader rejects cards\n", ""
    )
    (folder / "dated.md").write_text(text, encoding="utf-8")
    report = build_index([folder], db_path)
    assert warnings_of(report) == []
    assert KnowledgeBase(db_path).article("dated").title == DATES[name].removeprefix("!!timestamp ").strip(
        '"'
    )
    assert indexed_ids(db_path) == {GOOD_ID, "dated"}


@pytest.mark.parametrize("name", list(REFUSED_SETTINGS))
def test_hostile_folder_settings_are_a_warning_and_the_articles_still_indexed(
    name: str, folder: Path, db_path: Path
) -> None:
    settings, line = REFUSED_SETTINGS[name]
    (folder / "kb-answer.yml").write_text(settings + "\n", encoding="utf-8")
    started = time.perf_counter()
    report = build_index([folder], db_path)
    assert time.perf_counter() - started < 10
    ((source, warned_line, warned),) = warnings_of(report)
    assert (source, warned_line) == ("kb-answer.yml", line)
    assert warned.endswith("; articles get no url")
    assert KnowledgeBase(db_path).article(GOOD_ID).url is None


def test_a_date_that_does_not_exist_in_folder_settings_is_no_error(folder: Path, db_path: Path) -> None:
    (folder / "kb-answer.yml").write_text(
        "reviewed: 2023-02-30\nurl: https://help.example/kb/{id}\n", encoding="utf-8"
    )
    report = build_index([folder], db_path)
    # The date is read as a date or not at all: no error, only the key that is no setting said.
    assert warnings_of(report) == [
        ("kb-answer.yml", 1, "reviewed is no setting (the only one is url); ignored")
    ]
    assert KnowledgeBase(db_path).article(GOOD_ID).url == f"https://help.example/kb/{GOOD_ID}"


def kb(*args: str | Path) -> click.testing.Result:
    """Run `kb ARGS` in-process; an exception fails the test instead of becoming an exit code."""
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


@pytest.mark.parametrize("name", ["int-over-python-digit-limit", "surrogate-in-id", "billion-laughs"])
def test_kb_index_names_the_file_and_line_and_exits_as_for_any_warning(
    name: str, folder: Path, db_path: Path
) -> None:
    front_matter, line, message = REFUSED[name]
    (folder / HOSTILE).write_text(article(front_matter), encoding="utf-8")
    result = kb("index", folder, "--db", db_path)
    assert result.exit_code == 0
    assert f"warning: {HOSTILE}:{line}: front matter " in result.stderr
    assert message in result.stderr
    assert "Indexed 1 article," in result.stdout
    strict = kb("index", folder, "--db", db_path, "--strict")
    assert strict.exit_code == EXIT_USAGE
    assert f"warning: {HOSTILE}:{line}: " in strict.stderr


@pytest.mark.parametrize(
    "text",
    [
        "---\nid: hostile\ntitle: Doors\ntags: [x]\n" + BODY,
        # The Markdown parser closes it only with as many dashes: a later rule of three does not.
        "-----\nid: hostile\ntitle: Doors\n" + BODY + "\n---\n\nMore about doors.\n",
        # The heading right under its keys, with no blank line: the article changed its id unsaid.
        "---\nid: hostile\ntitle: Doors\n" + BODY.lstrip("\n"),
        # One key, that kb-answer reads: the article's id changed, and --strict passed.
        "---\nid: hostile\n" + BODY.lstrip("\n"),
    ],
    ids=["no-closing-line", "closing-line-shorter", "heading-right-under-it", "one-key-it-reads"],
)
def test_front_matter_that_is_never_closed_is_a_warning_at_its_first_line(
    folder: Path, db_path: Path, text: str
) -> None:
    # Read as a rule and a paragraph, its id, title and tags were dropped without a word.
    (folder / HOSTILE).write_text(text, encoding="utf-8")
    report = build_index([folder], db_path)
    assert warnings_of(report) == [
        (HOSTILE, 1, "front matter is never closed: end it with a line of '---'; not indexed")
    ]
    assert indexed_ids(db_path) == {GOOD_ID}


@pytest.mark.parametrize(
    ("above", "fence", "keys"),
    [
        ("\n", "---", "id: doors\ntitle: Doors\nproduct: Badges"),
        ("\n  \n\n", "---", "id: doors\ntitle: Doors\nproduct: Badges"),
        ("\n", "+++", 'id = "doors"\ntitle = "Doors"'),
    ],
    ids=["one-blank-line", "blank-lines-with-spaces", "hugo-toml"],
)
def test_front_matter_below_blank_lines_is_a_warning_at_its_opening_line(
    folder: Path, db_path: Path, above: str, fence: str, keys: str
) -> None:
    # Front matter is read only on the first line: below a blank line its keys were the text of a
    # heading (or a paragraph), and its id, title and product were dropped without a word.
    (folder / HOSTILE).write_text(f"{above}{fence}\n{keys}\n{fence}\n{BODY}", encoding="utf-8")
    report = build_index([folder], db_path)
    line = above.count("\n") + 1
    assert warnings_of(report) == [
        (
            HOSTILE,
            line,
            f"front matter must open on the first line: remove the blank lines above this '{fence}'; not indexed",
        )
    ]
    assert indexed_ids(db_path) == {GOOD_ID}


def test_a_rule_below_blank_lines_is_no_front_matter(folder: Path, db_path: Path) -> None:
    # A rule after a blank line, with one "Word: text" line or prose under it, is Markdown.
    (folder / "ruled.md").write_text(
        "\n---\nNote: this applies to Windows 10.\n---\n" + BODY, encoding="utf-8"
    )
    (folder / "prose.md").write_text(
        "\n---\nError: disk full\nthe quota was reached last night.\n---\n" + BODY, encoding="utf-8"
    )
    report = build_index([folder], db_path)
    assert warnings_of(report) == []
    assert indexed_ids(db_path) == {GOOD_ID, "ruled", "prose"}


def test_a_rule_that_opens_an_article_is_no_front_matter(folder: Path, db_path: Path) -> None:
    (folder / "ruled.md").write_text("---\n" + BODY, encoding="utf-8")
    # One "Word: text" line after a rule is Markdown, not a key of unclosed front matter.
    (folder / "noted.md").write_text(
        "---\nNote: this applies to Windows 10 and 11.\n" + BODY, encoding="utf-8"
    )
    (folder / "closed-at-dots.md").write_text("---\nid: dotted\n...\n" + BODY, encoding="utf-8")
    # Lines like keys that a paragraph goes on from are Markdown too.
    (folder / "prose.md").write_text(
        "---\nError: disk full\nCause: the quota\nwas reached last night.\n" + BODY, encoding="utf-8"
    )
    report = build_index([folder], db_path)
    assert warnings_of(report) == []
    assert indexed_ids(db_path) == {GOOD_ID, "ruled", "noted", "dotted", "prose"}


def test_a_key_kb_answer_does_not_read_may_be_given_twice(folder: Path, db_path: Path) -> None:
    # Microsoft Learn articles give their own "ms.topic" twice.
    (folder / "twice.md").write_text(article("id: twice\nms.topic: a\nms.topic: b"), encoding="utf-8")
    assert warnings_of(build_index([folder], db_path)) == []
    assert "twice" in indexed_ids(db_path)


def test_an_empty_tag_is_no_tag(folder: Path, db_path: Path) -> None:
    # YAML reads "- " alone as null, which was indexed as the tag "None".
    (folder / "tagged.md").write_text(article("id: tagged\ntags:\n  - doors\n  -"), encoding="utf-8")
    assert warnings_of(build_index([folder], db_path)) == []
    assert KnowledgeBase(db_path).article("tagged").tags == ["doors"]


def test_tags_written_as_words_separated_by_commas_are_each_a_tag(folder: Path, db_path: Path) -> None:
    # "tags: outlook, crash" was the one tag "outlook, crash", which --tag outlook never found.
    (folder / "commas.md").write_text(article("id: commas\ntags: outlook, crash ,"), encoding="utf-8")
    (folder / "one.md").write_text(article("id: one\ntags: doors"), encoding="utf-8")
    assert warnings_of(build_index([folder], db_path)) == []
    kb = KnowledgeBase(db_path)
    assert (kb.article("commas").tags, kb.article("one").tags) == (["outlook", "crash"], ["doors"])


def test_values_yaml_reads_as_other_numbers_or_as_booleans_are_kept_as_written(
    folder: Path, db_path: Path
) -> None:
    # YAML 1.1 read the id 0123 as 83, 0x1F as 31, 1_000 as 1000, 1.50 as 1.5, and no as false (so
    # the file name's id was used instead), each without a word.
    written = ["0123", "0x1F", "1_000", "1.50", "no", "off", "true", "42", "7.5"]
    for n, given in enumerate(written):
        (folder / f"as-written-{n}.md").write_text(article(f"id: {given}"), encoding="utf-8")
    report = build_index([folder], db_path)
    assert warnings_of(report) == []
    assert indexed_ids(db_path) == {GOOD_ID, *written}


def test_ids_of_letters_digits_dots_dashes_and_underscores_are_indexed(folder: Path, db_path: Path) -> None:
    for n, given in enumerate(["türen-2", "v2.1_notes", "D" * 200, "42"]):
        (folder / f"ok{n}.md").write_text(article(f'id: "{given}"'), encoding="utf-8")
    report = build_index([folder], db_path)
    assert warnings_of(report) == []
    assert indexed_ids(db_path) == {GOOD_ID, "türen-2", "v2.1_notes", "D" * 200, "42"}


def test_front_matter_of_comments_alone_is_read_as_an_empty_one(folder: Path, db_path: Path) -> None:
    """Comments hold no key, as an empty block holds none: the file name gives the id, with the note
    that says so (a commented-out id is seen); a YAML null is still no mapping."""
    for n, written in enumerate(["# owner: doors team", "", "# id: x\n\n  # title: y"]):
        (folder / f"commented-{n}.md").write_text(article(written), encoding="utf-8")
    (folder / "null.md").write_text(article("~"), encoding="utf-8")
    report = build_index([folder], db_path)
    assert warnings_of(report) == [
        ("null.md", 2, "front matter must be a YAML mapping of keys to values; not indexed")
    ]
    assert [(w.source, w.message.split(";")[0]) for w in report.notices] == [
        (f"commented-{n}.md", "no front matter") for n in range(3)
    ]
    assert indexed_ids(db_path) == {GOOD_ID, "commented-0", "commented-1", "commented-2"}


def test_hugo_toml_front_matter_is_read_as_yaml_front_matter_is(folder: Path, db_path: Path) -> None:
    # It was indexed as text under an id from the file name, with only a note.
    toml = (
        '+++\ntitle = "Doors"\nid = "doors"\ndate = 2024-01-05T10:00:00Z\ntags = ["doors", "badges"]\n'
        'product = "Access"\nurl = "https://kb.example.com/doors"\n[params]\nauthor = "facilities"\n+++\n'
        + BODY
    )
    (folder / "hugo.md").write_text(toml, encoding="utf-8")
    report = build_index([folder], db_path)
    assert warnings_of(report) == [] and not report.notices
    article = KnowledgeBase(db_path).article("doors")
    assert (article.title, article.tags, article.product, article.url) == (
        "Badge reader rejects cards",
        ["doors", "badges"],
        "Access",
        "https://kb.example.com/doors",
    )
    # Lines are the file's: the front matter's lines are not dropped.
    [problem] = article.problems
    assert problem.line == toml.split("\n").index("## Red light") + 1
    assert "author" not in article.body and "+++" not in article.body


@pytest.mark.parametrize(
    ("text", "line", "reason"),
    [
        ('+++\nid = "doors"\n' + BODY, 1, "front matter is never closed: end it with a line of '+++'"),
        ('+++\nid = "doors"\ntitle = "Doors\n+++\n' + BODY, 3, "front matter is not valid TOML"),
        (
            '+++\ntitle = "Doors"\nid = "a b"\n+++\n' + BODY,
            3,
            "front matter id 'a b' is not a usable article id",
        ),
        ('+++\ntitle = ["Doors"]\n+++\n' + BODY, 2, "front matter title must be text, not a list"),
        ("+++\nx = " + "[" * 20_000 + "\n+++\n" + BODY, 1, "front matter is not TOML kb-answer can read"),
        ("+++\nx = " + "9" * 5000 + "\n+++\n" + BODY, 1, "front matter is not TOML kb-answer can read"),
    ],
    ids=["never-closed", "not-toml", "bad-id", "title-list", "nested", "long-number"],
)
def test_hostile_toml_front_matter_is_a_warning_at_its_line(
    folder: Path, db_path: Path, text: str, line: int, reason: str
) -> None:
    (folder / HOSTILE).write_text(text, encoding="utf-8")
    [(source, at, message)] = warnings_of(build_index([folder], db_path))
    assert (source, at) == (HOSTILE, line) and message.startswith(reason), message
    assert indexed_ids(db_path) == {GOOD_ID}


@pytest.mark.parametrize(
    ("field", "said"),
    [
        (
            "product: " + "p" * 201,
            "front matter product is 201 characters long, over the 200 a query can ask for",
        ),
        ("tags: [vpn, " + "t" * 101 + "]", "is 101 characters long, over the 100 a query can ask for"),
    ],
)
def test_a_product_or_tag_too_long_to_ask_for_is_left_out_with_a_warning_at_its_line(
    tmp_path: Path, field: str, said: str
) -> None:
    # Before: indexed whole (100,000 characters too), and no front end could ever scope to it.
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "long.md").write_text(
        f"---\nid: long\n{field}\n---\n# VPN drops\n\n## Resolution\n\n1. Reconnect.\n", encoding="utf-8"
    )
    report = build_index([folder], tmp_path / "kb.db")
    [warning] = report.warnings
    assert (warning.source, warning.line) == ("long.md", 3) and said in warning.message
    article = KnowledgeBase(tmp_path / "kb.db").article("long")
    assert article.product == "" and article.tags in ([], ["vpn"])
