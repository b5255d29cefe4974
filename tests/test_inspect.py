"""`kb inspect`: how an article was read, from its file or from the index, and the index's structure summary."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from api.cli import cli
from api.knowledge import KnowledgeBase
from api.models import ArticleStructure
from indexer.article_files import read_regular_file

FIXTURES = Path(__file__).resolve().parent / "fixtures"
ARTICLE = FIXTURES / "kb_article_style.md"


def run(*args: str | Path) -> tuple[int, str]:
    result = CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)
    return result.exit_code, result.stdout


def test_inspect_a_file_names_the_lines_each_field_came_from() -> None:
    code, out = run("inspect", ARTICLE, "--format", "json")
    assert code == 0
    structure = ArticleStructure.model_validate_json(out)
    (problem,) = structure.problems
    lines = ARTICLE.read_text(encoding="utf-8").split("\n")
    (message,) = problem.error_messages
    assert "mount.nfs: Protocol not supported" in message.text
    assert lines[message.line - 1].startswith("```")  # the fence that quotes it
    assert lines[problem.cause_lines[0] - 1].startswith("This happens because")
    assert all(s.text.split()[0] in lines[s.line - 1] for s in problem.steps)
    uses = {h.title: h.use for h in structure.outline}
    assert uses["Applicable versions"] == "boilerplate"
    assert uses["Related information"] == "boilerplate"
    assert uses["Symptoms"] == "problem 1: symptoms"
    assert uses["Case 2: The share refuses version 3"] == "problem 1: resolution"
    assert structure.body_chars > 0


def test_inspect_an_indexed_article_gives_the_same_reading(tmp_path: Path) -> None:
    db = tmp_path / "kb.db"
    assert run("index", FIXTURES, "--db", db)[0] == 0
    _, from_file = run("inspect", ARTICLE, "--format", "json")
    code, from_index = run("inspect", "kb-article-style#1", "--db", db, "--format", "json")
    assert code == 0
    indexed = ArticleStructure.model_validate_json(from_index)
    parsed = ArticleStructure.model_validate_json(from_file)
    # The index keeps the reading: outline and origins come back unchanged.
    assert indexed.model_dump(exclude={"source"}) == parsed.model_dump(exclude={"source"})


def test_inspect_markdown_and_text_list_every_heading() -> None:
    for fmt in ("md", "text"):
        code, out = run("inspect", FIXTURES / "howto_with_troubleshooting.md", "--format", fmt)
        assert code == 0
        for heading in (
            "Register the application",
            "Troubleshooting",
            "Users are signed out every few minutes",
        ):
            assert heading in out


@pytest.mark.parametrize(
    ("given", "says"), [("no-such-article", "no article"), ("#99", "no problem with id")]
)
def test_inspect_unknown_id_is_a_usage_error(tmp_path: Path, given: str, says: str) -> None:
    # A problem its article does not have showed the whole article, exit 0.
    db = tmp_path / "kb.db"
    run("index", FIXTURES, "--db", db)
    article = KnowledgeBase(db).articles()[1][0][0].id
    target = article + given if given.startswith("#") else given
    result = CliRunner().invoke(cli, ["inspect", target, "--db", str(db)])
    assert result.exit_code == 2
    assert says in result.stderr


def test_inspect_reads_a_file_as_the_indexer_does_and_reports_what_it_cannot_read(tmp_path: Path) -> None:
    db = tmp_path / "kb.db"
    run("index", FIXTURES, "--db", db)
    pseudo = tmp_path / "mem.md"
    pseudo.symlink_to("/proc/self/mem")
    (tmp_path / "folder").mkdir()
    (tmp_path / "notes.log").write_text("# Not an article\n\n1. Step.\n")
    (tmp_path / "loop-a.md").symlink_to(tmp_path / "loop-b.md")
    (tmp_path / "loop-b.md").symlink_to(tmp_path / "loop-a.md")
    (tmp_path / "dangling.md").symlink_to(tmp_path / "gone.md")
    cases = {
        "a" * 5000: "no article with id",  # too long for a file name: an id, and none has it
        # The file a path names is what is missing: "no article with id 'kb/typo.md'" hid it.
        str(tmp_path / "absent.md"): "absent.md: no such file, and no indexed article has that id",
        "absent": "no article with id 'absent'",
        str(pseudo): "which is not an article file",  # a link to a pseudo-file is not even opened
        str(tmp_path / "folder"): "a folder, and no indexed article has that id",
        "/dev/null": "not a regular file, and no indexed article has that id",
        # "no article with id '…/loop-a.md'", where `kb index` names the link.
        str(
            tmp_path / "loop-a.md"
        ): "a link to nothing (or a loop of links), and no indexed article has that id",
        str(tmp_path / "dangling.md"): "a link to nothing (or a loop of links), and no indexed article has",
        str(tmp_path / "notes.log"): "not an article file (named .md",  # what `kb index` would skip
        # What `kb index` refuses: shown as a whole-article problem with no steps, it looked indexed.
        str(tmp_path / "links.md"): "links.md:1: describes no problem and gives no resolution steps",
    }
    (tmp_path / "links.md").write_text("# Links\n\n## See also\n\n- [Home](https://example.com)\n")
    indexed = CliRunner().invoke(cli, ["index", str(tmp_path / "links.md"), "--db", str(tmp_path / "x.db")])
    assert "links.md:1: describes no problem and gives no resolution steps" in indexed.stderr
    sparse = tmp_path / "sparse.md"
    with sparse.open("wb") as f:
        f.truncate(8 << 30)  # 8 GB that take no disk: only the first MB and a byte are read
    cases[str(sparse)] = "over the 1048576-byte limit"
    for target, message in cases.items():
        result = CliRunner().invoke(cli, ["inspect", target, "--db", str(db)])
        assert result.exit_code == 2, (target[:40], result.output)
        assert message in result.stderr
    # Nor does the reader the two share read what a pseudo-file holds: it reports no size.
    assert read_regular_file(Path("/proc/self/mem")) == b""


def test_inspect_reads_the_file_a_link_names_as_kb_index_does(tmp_path: Path) -> None:
    (tmp_path / "alias.md").symlink_to(ARTICLE)
    code, out = run("inspect", tmp_path / "alias.md", "--format", "json")
    assert code == 0
    assert ArticleStructure.model_validate_json(out).problems


def test_inspect_does_not_read_a_link_to_a_file_kb_index_would_not_read(tmp_path: Path) -> None:
    """A link named as an article, to a file that is not one (`/etc/passwd`, a checkout's
    `.git/config`), showed that file's lines as the steps of a whole-article problem, exit 0,
    where `kb inspect` of the file itself is refused and `kb index` skips the link."""
    secret = tmp_path / "credentials"
    secret.write_text("aws_secret_access_key = TOPSECRET\n")
    for name, target in (("passwd.md", Path("/etc/passwd")), ("creds.md", secret)):
        (tmp_path / name).symlink_to(target)
        result = CliRunner().invoke(cli, ["inspect", str(tmp_path / name), "--db", str(tmp_path / "kb.db")])
        assert result.exit_code == 2, result.output
        assert f"a link to {target}, which is not an article file" in result.stderr
        assert "TOPSECRET" not in result.output and "root:" not in result.output


def test_index_prints_a_structure_summary(tmp_path: Path) -> None:
    code, out = run("index", FIXTURES, "--db", tmp_path / "kb.db")
    assert code == 0
    (line,) = [line for line in out.splitlines() if line.startswith("Structure:")]
    assert "problems per article" in line
    assert "boilerplate sections" in line
    assert "Symptoms/Error sections gave no error message" in line
    json.dumps(line)  # one line, printable


def inspected_both_ways(tmp_path: Path, article_id: str, text: str) -> tuple[Path, list[ArticleStructure]]:
    """The article ``text`` written to a folder as ARTICLE_ID.md, and how `kb inspect` reads it from
    the file and, once indexed, from the index: the two must agree."""
    folder = tmp_path / "kb"
    folder.mkdir()
    article = folder / f"{article_id}.md"
    article.write_text(text, encoding="utf-8")
    db = tmp_path / "kb.db"
    assert run("index", folder, "--db", db)[0] == 0
    _, from_file = run("inspect", article, "--format", "json")
    _, from_index = run("inspect", article_id, "--db", db, "--format", "json")
    return article, [ArticleStructure.model_validate_json(out) for out in (from_file, from_index)]


def test_inspect_says_which_titles_are_names_written_as_code(tmp_path: Path) -> None:
    """A reference entry headed by its name in code is marked, and the index keeps the mark."""
    article, structures = inspected_both_ways(
        tmp_path,
        "acme",
        "# acme(1)\n\n## `acme doctor` [`--quiet`]\n\nCheck the installation.\n\n```sh\nacme doctor\n```\n\n"
        "## Doctor reports a stale lock\n\nRemove the lock file.\n\n```sh\nrm ~/.acme/lock\n```\n",
    )
    for structure in structures:
        problems = structure.problems
        assert [(p.title, p.title_is_name) for p in problems] == [
            ("acme doctor [--quiet]", True),
            ("Doctor reports a stale lock", False),
        ]
    code, text = run("inspect", article)
    assert code == 0 and "a name written as code, not compared as an error message" in text


def test_steps_beside_framed_problems_are_said_to_be_body(tmp_path: Path) -> None:
    # Beside a problem framed by Symptoms/Resolution, a section of steps alone is no problem: it was
    # read as plain body, and nothing told the author why it was never an answer.
    (tmp_path / "mixed.md").write_text(
        "---\nid: mixed\ntitle: Outlook problems\n---\n# Outlook problems\n\n"
        "## Outlook crashes when opening a shared calendar\n\n### Symptoms\n\nOutlook closes.\n\n"
        "### Resolution\n\n1. Start Outlook in safe mode.\n\n"
        "## Outlook keeps asking for a password\n\n1. Clear the cached credentials.\n2. Sign in again.\n",
        encoding="utf-8",
    )
    code, out = run("index", tmp_path / "mixed.md", "--db", tmp_path / "kb.db")
    assert code == 0
    assert "1 article with sections of steps kept as searchable text beside problems framed" in out
    assert "Symptoms/Resolution (mixed.md)" in out
    code, out = run("inspect", tmp_path / "mixed.md", "--format", "json")
    uses = {h.title: h.use for h in ArticleStructure.model_validate_json(out).outline}
    assert uses["Outlook keeps asking for a password"] == "body: steps beside framed problems"
    assert uses["Outlook crashes when opening a shared calendar"] == "problem 1"


def test_inspect_says_when_the_heading_is_the_title_in_place_of_the_front_matters(tmp_path: Path) -> None:
    # The "#" heading replaced a front matter title that said otherwise, and nothing said so.
    article, structures = inspected_both_ways(
        tmp_path,
        "vpn",
        "---\nid: vpn\ntitle: VPN client | troubleshooting\n---\n\n# Troubleshooting the VPN client\n\n"
        "## Client cannot connect\n\n### Resolution\n\n1. Restart the client.\n",
    )
    for structure in structures:
        assert structure.title == "Troubleshooting the VPN client"
        assert [(h.line, h.title, h.use) for h in structure.outline[:2]] == [
            (
                6,
                "Troubleshooting the VPN client",
                'article title, not the front matter title "VPN client | troubleshooting"',
            ),
            (8, "Client cannot connect", "problem 1"),
        ]
    code, text = run("inspect", article)
    assert code == 0
    assert '| article title, not the front matter title "VPN client \\| troubleshooting" |' in text
    # A heading that repeats the front matter title, as the house style asks, is no heading of the outline.
    text = article.read_text(encoding="utf-8").replace(
        "VPN client | troubleshooting", "troubleshooting the VPN client"
    )
    article.write_text(text, encoding="utf-8")
    _, out = run("inspect", article, "--format", "json")
    assert [h.title for h in ArticleStructure.model_validate_json(out).outline] == [
        "Client cannot connect",
        "Resolution",
    ]


def test_inspect_names_a_file_in_an_article_folder_as_kb_index_does(tmp_path: Path) -> None:
    # A page of a site laid out as a folder per page (docs/vpn/index.md) gets the id of its path
    # from `kb index`; `kb inspect` showed the id of its file name ("index").
    page = tmp_path / "docs" / "vpn" / "index.md"
    page.parent.mkdir(parents=True)
    page.write_text("---\ntitle: VPN\n---\n\n## VPN error E100 on start\n\n1. Restart the VPN service.\n")
    runner = CliRunner()
    shown = runner.invoke(
        cli, ["inspect", str(page), "--format", "json"], env={"KB_ARTICLES": str(tmp_path / "docs")}
    )
    assert shown.exit_code == 0, shown.output
    assert ArticleStructure.model_validate_json(shown.stdout).id == "vpn"
    db = tmp_path / "kb.db"
    assert runner.invoke(cli, ["index", str(tmp_path / "docs"), "--db", str(db)]).exit_code == 0
    assert KnowledgeBase(db).article("vpn").title == "VPN"
    elsewhere = runner.invoke(
        cli, ["inspect", str(page), "--format", "json"], env={"KB_ARTICLES": str(tmp_path / "kb")}
    )
    assert ArticleStructure.model_validate_json(elsewhere.stdout).id == "index"


def test_inspect_names_a_file_of_an_indexed_folder_as_the_index_does(tmp_path: Path) -> None:
    # A folder indexed by name, not through $KB_ARTICLES (`kb index /srv/help-centre`): its
    # zendesk/360012345.md is "zendesk-360012345" in the index, and `kb inspect` showed "360012345".
    page = tmp_path / "help-centre" / "zendesk" / "360012345.md"
    page.parent.mkdir(parents=True)
    page.write_text("## VPN error E100 on start\n\n1. Restart the VPN service.\n", encoding="utf-8")
    db = tmp_path / "kb.db"
    runner = CliRunner()
    assert runner.invoke(cli, ["index", str(tmp_path / "help-centre"), "--db", str(db)]).exit_code == 0
    [indexed] = [article.id for article, _ in KnowledgeBase(db).articles()[1]]
    assert indexed == "zendesk-360012345"
    env = {"KB_ARTICLES": str(tmp_path / "kb")}
    shown = runner.invoke(cli, ["inspect", str(page), "--db", str(db), "--format", "json"], env=env)
    assert shown.exit_code == 0, shown.output
    assert ArticleStructure.model_validate_json(shown.stdout).id == indexed
    # With no index to say (or a file that is none), the name is the one KB_ARTICLES gives.
    for db_path in (tmp_path / "missing.db", page):
        shown = runner.invoke(cli, ["inspect", str(page), "--db", str(db_path), "--format", "json"], env=env)
        assert shown.exit_code == 0, shown.output
        assert ArticleStructure.model_validate_json(shown.stdout).id == "360012345"


def test_inspect_names_the_lines_of_a_text_articles_parts(tmp_path: Path) -> None:
    # Of a .txt export, error messages were "line 0" and symptoms, cause and where it is seen had no line.
    page = tmp_path / "vpn.txt"
    page.write_text(
        'VPN guide\n\nVPN fails with error 809\nSymptoms: The client shows "Error 809: The connection could not be established".\n'
        "Environment: Windows 11\nCause: UDP 500 is blocked.\nResolution:\n1. Switch the protocol to SSTP.\n",
        encoding="utf-8",
    )
    shown = CliRunner().invoke(cli, ["inspect", str(page), "--format", "json"])
    assert shown.exit_code == 0, shown.output
    [problem] = ArticleStructure.model_validate_json(shown.stdout).problems
    assert problem.line == 3
    assert (problem.symptoms_lines, problem.seen_in_lines, problem.cause_lines) == ([4], [5], [6])
    assert [(m.text, m.line) for m in problem.error_messages] == [
        ("Error 809: The connection could not be established", 4)
    ]


def test_inspect_names_a_file_of_a_folder_indexed_by_a_relative_name_from_anywhere(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # `kb index help` stores "help": from another working directory the file was named "360012345".
    page = tmp_path / "site" / "help" / "zendesk" / "360012345.md"
    page.parent.mkdir(parents=True)
    page.write_text("## VPN error E100 on start\n\n1. Restart the VPN service.\n", encoding="utf-8")
    db = tmp_path / "site" / "kb.db"
    runner = CliRunner()
    monkeypatch.chdir(tmp_path / "site")
    assert runner.invoke(cli, ["index", "help", "--db", str(db)]).exit_code == 0
    monkeypatch.chdir(tmp_path)
    env = {"KB_ARTICLES": str(tmp_path / "kb")}
    shown = runner.invoke(cli, ["inspect", str(page), "--db", str(db), "--format", "json"], env=env)
    assert ArticleStructure.model_validate_json(shown.stdout).id == "zendesk-360012345"
