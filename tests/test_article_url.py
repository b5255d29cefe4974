"""Articles' canonical addresses: from front matter `url`, or from their folder's kb-answer.yml."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from api.http import create_app
from api.knowledge import KnowledgeBase
from api.settings import Settings
from indexer.build import build_index
from indexer.errors import ArticleError
from indexer.parse import parse_article

ARTICLE = """\
---
id: {id}
title: Printer {id} shows error E{n}
{extra}---

# Printer {id} shows error E{n}

## The printer stops with error E{n}

### Error messages

> Quuxprint halted with error E{n} in tray two

### Resolution

1. Open tray two and see [Clearing jams](../guides/jams.md#tray-2) first.
2. Restart the printer.
"""


def article(article_id: str, n: int, extra: str = "") -> str:
    """A small article of our own; ``extra`` goes into its front matter."""
    return ARTICLE.format(id=article_id, n=n, extra=extra)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """Three articles, one in a sub-folder and one with its own url, under a folder template."""
    root = tmp_path / "articles"
    (root / "printers").mkdir(parents=True)
    (root / "kb-answer.yml").write_text("url: https://support.example/kb/{path}\n", encoding="utf-8")
    (root / "alpha.md").write_text(article("alpha", 101), encoding="utf-8")
    (root / "printers" / "beta one.md").write_text(article("beta", 102), encoding="utf-8")
    own = "url: https://elsewhere.example/docs/gamma.html\n"
    (root / "gamma.md").write_text(article("gamma", 103, own), encoding="utf-8")
    return root


def test_front_matter_url_is_the_articles_address() -> None:
    extra = "url: https://docs.example/kb/alpha\n"
    parsed = parse_article(article("alpha", 1, extra).encode(), "alpha.md")
    assert parsed.url == "https://docs.example/kb/alpha"
    assert parse_article(article("alpha", 1).encode(), "alpha.md").url is None


# An unclosed IPv6 host is a ValueError inside urllib, which once ended the whole run.
# Written into Markdown links and HTML, a space, a quote or an angle bracket ended the address early:
# `<https://x.example/a b> <img src=x onerror=alert(1)>` came out of `kb show` and ?format=md.
@pytest.mark.parametrize(
    "url",
    [
        "/kb/alpha",
        '"http://[::1"',
        '"https://x.example/a b> <img src=x onerror=alert(1)>"',
        "'https://x.example/\"q\"'",
    ],
)
def test_a_url_that_is_not_an_absolute_web_address_is_refused_with_its_line(url: str) -> None:
    with pytest.raises(ArticleError, match=r"alpha\.md:4: .*url"):
        parse_article(article("alpha", 1, f"url: {url}\n").encode(), "alpha.md")


def test_folder_template_gives_each_article_its_address(folder: Path, tmp_path: Path) -> None:
    db = tmp_path / "kb.db"
    report = build_index([folder], db)
    assert [str(w) for w in report.warnings] == []
    kb = KnowledgeBase(db)
    assert kb.article("alpha").url == "https://support.example/kb/alpha"
    assert kb.article("beta").url == "https://support.example/kb/printers/beta%20one"
    assert kb.article("gamma").url == "https://elsewhere.example/docs/gamma.html"  # front matter wins

    # A new template reaches every article of the folder, though no article file changed.
    (folder / "kb-answer.yml").write_text("url: https://help.example/a/{id}.html\n", encoding="utf-8")
    report = build_index([folder], db)
    assert report.parsed == 3
    assert KnowledgeBase(db).article("beta").url == "https://help.example/a/beta.html"


def test_broken_folder_settings_are_a_warning_and_the_articles_still_indexed(
    folder: Path, tmp_path: Path
) -> None:
    (folder / "kb-answer.yml").write_text("url: [unclosed\n", encoding="utf-8")
    report = build_index([folder], tmp_path / "kb.db")
    # It has no front matter, which its warning named: "front matter is not valid YAML".
    [warning] = report.warnings
    assert (warning.source, warning.message.split(":")[0]) == ("kb-answer.yml", "the file is not valid YAML")
    assert report.articles == 3
    assert KnowledgeBase(tmp_path / "kb.db").article("alpha").url is None


def test_a_folder_setting_kb_answer_does_not_know_is_a_warning_at_its_line(
    folder: Path, tmp_path: Path
) -> None:
    # Before: a misspelt "urll:" gave no url, and "product:" scoped nothing, without a word.
    (folder / "kb-answer.yml").write_text(
        "url: https://support.example/kb/{path}\nurll: https://x.example/{path}\nproduct: Printers\n",
        encoding="utf-8",
    )
    report = build_index([folder], tmp_path / "kb.db")
    assert [(w.source, w.line, w.message) for w in report.warnings] == [
        ("kb-answer.yml", 2, "urll is no setting (the only one is url); ignored"),
        ("kb-answer.yml", 3, "product is front matter of each article, not of a folder; ignored"),
    ]
    assert KnowledgeBase(tmp_path / "kb.db").article("alpha").url == "https://support.example/kb/alpha"


def test_folder_settings_broken_after_a_build_keep_the_urls_of_the_last_index(
    folder: Path, tmp_path: Path
) -> None:
    """A typo in kb-answer.yml once took every article's URL out, and parsed them all again."""
    db = tmp_path / "kb.db"
    build_index([folder], db)
    (folder / "kb-answer.yml").write_text("url: [unclosed\n", encoding="utf-8")
    (folder / "delta.md").write_text(article("delta", 104), encoding="utf-8")
    report = build_index([folder], db)
    assert [(w.source, "keep the url of the last index" in w.message) for w in report.warnings] == [
        ("kb-answer.yml", True)
    ]
    assert (report.parsed, report.unchanged) == (1, 3)
    kb = KnowledgeBase(db)
    assert kb.article("alpha").url == "https://support.example/kb/alpha"
    assert kb.article("delta").url == "https://support.example/kb/delta"

    # Still broken, and unreadable now: the same template, however often the index is built.
    (folder / "kb-answer.yml").unlink()
    (folder / "kb-answer.yml").mkdir()
    report = build_index([folder], db)
    assert "keep the url of the last index" in report.warnings[0].message
    assert report.parsed == 0
    assert KnowledgeBase(db).article("beta").url == "https://support.example/kb/printers/beta%20one"

    # Fixed, with another address: every article follows it.
    (folder / "kb-answer.yml").rmdir()
    (folder / "kb-answer.yml").write_text("url: https://help.example/a/{id}.html\n", encoding="utf-8")
    assert build_index([folder], db).warnings == []
    assert KnowledgeBase(db).article("delta").url == "https://help.example/a/delta.html"


@pytest.mark.parametrize(
    "url", ["/kb/{path}", '"http://[::1/{path}"', '"https://x.example/ {path} <script>"']
)
def test_a_folder_url_that_cannot_be_used_is_named_at_its_line(
    folder: Path, tmp_path: Path, url: str
) -> None:
    (folder / "kb-answer.yml").write_text(
        f"# Where our articles are published\n\nurl: {url}\n", encoding="utf-8"
    )
    report = build_index([folder], tmp_path / "kb.db")
    assert [(w.source, w.line) for w in report.warnings] == [("kb-answer.yml", 3)]
    assert "absolute http(s) URL" in report.warnings[0].message


def test_every_answer_carries_the_articles_url(folder: Path, tmp_path: Path) -> None:
    db = tmp_path / "kb.db"
    build_index([folder], db)
    with TestClient(create_app(Settings(db=db, articles=[folder]))) as client:
        answer = client.post(
            "/v1/match", json={"text": "Quuxprint halted with error E102 in tray two"}
        ).json()
        assert answer["matches"][0]["article"]["url"] == "https://support.example/kb/printers/beta%20one"
        problem = client.get("/v1/problems/alpha%231").json()
        assert problem["article"]["url"] == "https://support.example/kb/alpha"
        assert client.get("/v1/articles/gamma").json()["url"] == "https://elsewhere.example/docs/gamma.html"
        hit = client.get("/v1/search", params={"q": "printer beta"}).json()["hits"][0]
        assert hit["article"]["url"] == "https://support.example/kb/printers/beta%20one"
        markdown = client.get("/v1/problems/alpha%231?format=md").text
        assert "(<https://support.example/kb/alpha>)" in markdown


def test_folder_settings_behind_a_link_are_not_read(folder: Path, tmp_path: Path) -> None:
    # Read as articles are: a regular file in the folder, never through a link.
    outside = tmp_path / "elsewhere.yml"
    outside.write_text("url: https://attacker.example/{path}\n", encoding="utf-8")
    (folder / "kb-answer.yml").unlink()
    (folder / "kb-answer.yml").symlink_to(outside)
    report = build_index([folder], tmp_path / "kb.db")
    assert [(w.source, "articles get no url" in w.message) for w in report.warnings] == [
        ("kb-answer.yml", True)
    ]
    assert KnowledgeBase(tmp_path / "kb.db").article("alpha").url is None


def test_a_front_matter_title_of_several_lines_is_one_line() -> None:
    # Its line break began a heading of its own in every Markdown answer that names the article.
    text = (
        '---\ntitle: "Agent fails\\n## Injected heading"\n---\n\n## Agent fails to start\n\n1. Restart it.\n'
    )
    assert parse_article(text.encode(), "agent.md").title == "Agent fails ## Injected heading"


def test_a_url_with_parentheses_is_linked_whole() -> None:
    # "[title](https://example.com/a)b)" ended the link at the first ")".
    from api.render import _linked

    assert _linked("Sync fails", "https://example.com/a)b") == "[Sync fails](<https://example.com/a)b>)"
    parsed = parse_article(article("alpha", 1, "url: https://example.com/x?q=a|b(c)\n").encode(), "alpha.md")
    assert parsed.url == "https://example.com/x?q=a|b(c)"  # legal there, and shown whole
