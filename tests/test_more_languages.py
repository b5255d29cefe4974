"""Knowledge bases in more languages: Filipino, Bengali, Tamil, Swahili, Urdu, Azerbaijani, Romanian.

Each test writes a short article of its own in one team's house style and language and reads it with
the real indexer: its part labels (symptoms, cause, fix), its advice labels (notes and warnings), its
feedback prompt, its problems' numbered titles and its wiki markup, as the same article in English is
read; and a guard beside each for the nearest shape that stays as it was.
"""

from __future__ import annotations

from pathlib import Path

from api.knowledge import KnowledgeBase
from api.matcher import match
from indexer.article_files import find_articles
from indexer.build import build_index
from indexer.parse import parse_article
from indexer.records import Article


def read(folder: Path, name: str, text: str) -> Article:
    """The article ``text`` becomes, written as ``folder/name`` and found in ``folder`` as an article."""
    folder.mkdir(exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")
    found = [f for f in find_articles([folder]).files if f.source == name]
    assert found, f"{name} is not found as an article"
    return parse_article(found[0].path.read_bytes(), name)


# A Filipino help centre's article: a problem per heading, its parts labelled in bold.
FILIPINO_LABELS = """\
# KasaPOS: Mga Problema sa Scanner at Pag-sync

## Hindi bumabasa ang barcode scanner

**Sintomas:** Walang nangyayari kapag ini-scan ang produkto, at may lumalabas na:

`Scanner not found. Connect a scanner in Settings. [SCN-07]`

**Sanhi:** Naka-off ang USB OTG ng telepono.

**Solusyon:**

1. Buksan ang **Settings > Mga konektadong device**.
2. I-on ang **USB OTG**.

> **Paalala:** Gumagana lang ang scanner na may USB-C na cable.

## Hindi pumapasok ang mga order sa cloud

**Sintomas:** Hindi lumalabas sa dashboard ang mga order ngayong araw, at may pulang banner:

`Upload failed: HTTP 412 Precondition Failed - store code has changed`

**Sanhi:** Pinalitan ang store code sa web dashboard.

**Solusyon:**

1. Mag-log out sa KasaPOS.
2. Mag-log in gamit ang bagong store code.

**Babala:** Huwag burahin ang app bago matapos ang pag-upload, mawawala ang mga order.
"""


def test_filipino_bold_labels_are_a_problem_s_parts(tmp_path: Path) -> None:
    """Sintomas, Sanhi and Solusyon are the symptoms, cause and fix, and Paalala and Babala notes (review
    R7 §1): the whole page was one problem, both fixes' steps one group, and a pasted message got the
    scanner's steps with high confidence."""
    article = read(tmp_path / "kb", "kasapos.md", FILIPINO_LABELS)
    assert [p.title for p in article.problems] == [
        "Hindi bumabasa ang barcode scanner",
        "Hindi pumapasok ang mga order sa cloud",
    ]
    scanner, upload = article.problems
    assert scanner.cause == "Naka-off ang USB OTG ng telepono."
    assert scanner.error_messages == ["Scanner not found. Connect a scanner in Settings. [SCN-07]"]
    assert [s.text for s in scanner.steps] == [
        "Buksan ang Settings > Mga konektadong device.",
        "I-on ang USB OTG.",
    ]
    assert [n.text for n in scanner.notes] == ["Paalala: Gumagana lang ang scanner na may USB-C na cable."]
    assert upload.cause == "Pinalitan ang store code sa web dashboard."
    assert [s.text for s in upload.steps] == [
        "Mag-log out sa KasaPOS.",
        "Mag-log in gamit ang bagong store code.",
    ]
    assert [n.text for n in upload.notes] == [
        "Babala: Huwag burahin ang app bago matapos ang pag-upload, mawawala ang mga order."
    ]
    build_index([tmp_path / "kb"], tmp_path / "index.db")
    best = match(
        KnowledgeBase(tmp_path / "index.db"),
        "Upload failed: HTTP 412 Precondition Failed - store code has changed",
    ).matches[0]
    assert best.problem.id == "kasapos#2"
    assert best.steps[0].text == "Mag-log out sa KasaPOS."


def test_a_filipino_heading_that_only_opens_with_a_part_s_word_is_a_problem(tmp_path: Path) -> None:
    """Guard: a part's word is a part only as the whole heading; "Solusyon sa …" titles a problem."""
    page = (
        "# KasaPOS: Mga Gabay\n\n"
        "## Solusyon sa mabagal na pag-print\n\n"
        "Mabagal lumabas ang resibo.\n\n"
        "1. Ibaba ang density.\n2. I-restart ang printer.\n\n"
        "## Dahilan ng pagka-logout araw-araw\n\n"
        "Nala-logout ang cashier tuwing umaga.\n\n"
        "1. I-on ang **Manatiling naka-log in**.\n"
    )
    problems = read(tmp_path / "kb", "gabay.md", page).problems
    assert [p.title for p in problems] == [
        "Solusyon sa mabagal na pag-print",
        "Dahilan ng pagka-logout araw-araw",
    ]
    assert [s.text for s in problems[0].steps] == ["Ibaba ang density.", "I-restart ang printer."]
