"""How a query's HTTP statuses and labelled error numbers are told apart, and what each may identify.

An HTTP status ("502 Bad Gateway") is printed by every web server and proxy: it is no product's code and
identifies no problem alone, however it is written. A number the paste labels as the error's own code
("errorCode": 502) still names the product's code of those digits, even beside a status line of the same
number. Each test writes a small knowledge base of its own and answers from its index, or reads a text
with the function the query and the indexer share.
"""

from __future__ import annotations

from pathlib import Path

from test_house_styles import read

from api.knowledge import KnowledgeBase
from api.matcher import match
from indexer.build import build_index
from indexer.errortext import http_statuses, labelled_numbers, numbers_and_statuses, only_statuses

LEDGER_PAGE = """\
# Ledger sync troubleshooting

## Nightly sync stops with an upstream error

The nightly sync stops part way and its log shows:

```text
ERROR ledgersync: upstream ledger service closed the connection before replying (LS-E-502)
```

**Cause:** the ledger service restarts during its maintenance window.

1. Move the sync schedule out of the maintenance window in `sync.yaml`.
2. Run `ledgersync retry --last` to send the batch again.
"""

PROXY_PAGE = """\
# Reverse proxy errors

## The front end returns 502 Bad Gateway

Every page of the site shows `502 Bad Gateway`.

**Cause:** the proxy cannot reach the application servers.

1. Check that the application service is running: `systemctl status storefront`.
2. Check the upstream addresses in the proxy's site configuration.
3. Reload the proxy.
"""


def _knowledge_base(tmp_path: Path) -> KnowledgeBase:
    """The ledger's and the proxy's pages, indexed."""
    ledger = read(tmp_path / "docs", "ledger.md", LEDGER_PAGE)
    proxy = read(tmp_path / "docs", "proxy.md", PROXY_PAGE)
    assert sorted(ledger.problems[0].error_codes) == ["LSE502"]
    assert proxy.problems[0].error_codes == ["502"]
    build_index([tmp_path / "docs"], tmp_path / "index.db")
    return KnowledgeBase(tmp_path / "index.db")


def test_a_status_written_after_error_with_a_colon_or_a_dash_identifies_no_problem(tmp_path: Path) -> None:
    """A status is written "Error 502: Bad Gateway", "Error 502 - Bad Gateway", or as Python's urllib
    prints one, "HTTP Error 413: Request Entity Too Large": the same status as "502 Bad Gateway". Before:
    only "NNN Phrase" and "HTTP NNN" were statuses, so these were labelled numbers and the proxy's code
    502 identified its problem, "high", where "502 Bad Gateway" answers "medium"."""
    kb = _knowledge_base(tmp_path)
    for asked in ("Error 502: Bad Gateway", "Error 502 - Bad Gateway", "error 502 \u2013 bad gateway"):
        best = match(kb, asked).matches[0]
        assert (best.problem.title, best.confidence) == ("The front end returns 502 Bad Gateway", "medium"), (
            asked
        )
    assert http_statuses("HTTP Error 413: Request Entity Too Large") == ["413"]
    assert only_statuses("HTTP Error 413: Request Entity Too Large")
    assert only_statuses("Error 502 - Bad Gateway")


def test_a_number_after_error_with_other_words_is_no_status(tmp_path: Path) -> None:
    """Guard: a number after "error" whose words are no reason phrase is the error's own number, and a
    page's address that joins a status to its words with a hyphen ("401-unauthorized") names no status."""
    kb = _knowledge_base(tmp_path)
    assert http_statuses("Error 502: upstream ledger service closed the connection") == []
    assert labelled_numbers("Error 502: upstream ledger service closed the connection") == ["502"]
    assert http_statuses("see /kb/401-unauthorized-web-api/wrong-token.png and 404-not-found.md") == []
    assert labelled_numbers("Error 1603: Fatal error during installation.") == ["1603"]
    assert not only_statuses("Error 502: upstream ledger service closed the connection")
    best = match(kb, "502 Bad Gateway").matches[0]
    assert (best.problem.title, best.confidence) == ("The front end returns 502 Bad Gateway", "medium")


def test_a_number_labelled_as_the_error_s_code_beside_a_status_line_still_names_the_product_s_code(
    tmp_path: Path,
) -> None:
    """`curl -i` pastes the status line over the product's body: "HTTP/1.1 502 Bad Gateway", then
    {"errorCode": 502, …}. Before: 502 was a status somewhere in the query, so the body's errorCode no
    longer named the ledger's LS-E-502, and the proxy's page came first."""
    kb = _knowledge_base(tmp_path)
    body = '{"errorCode": 502, "message": "upstream ledger service closed the connection before replying"}'
    for asked in (
        f"HTTP/1.1 502 Bad Gateway {body}",
        f"HTTP/1.1 502 Bad Gateway\nContent-Type: application/json\n\n{body}",
    ):
        best = match(kb, asked).matches[0]
        assert (best.problem.title, best.confidence) == (
            "Nightly sync stops with an upstream error",
            "high",
        ), asked
        assert ("error_code", "LSE502") in [(e.field, e.matched) for e in best.evidence], asked
    read = numbers_and_statuses('HTTP/1.1 502 Bad Gateway {"errorCode": 502}')
    assert (read.numbers, read.statuses, read.codes) == (["502"], ["502"], ["502"])


def test_a_status_alone_still_names_no_product_s_code_of_its_digits(tmp_path: Path) -> None:
    """Guard: a number given only as a status, however written ("Error 502: Bad Gateway" is labelled and a
    status at once), names no product's code of its digits: the ledger's LS-E-502 is not evidence."""
    kb = _knowledge_base(tmp_path)
    for asked in (
        "HTTP/1.1 502 Bad Gateway",
        "Error 502: Bad Gateway",
        "HTTP/1.1 502 Bad Gateway\nerror 502 - bad gateway",
    ):
        for found in match(kb, asked).matches:
            assert ("error_code", "LSE502") not in [(e.field, e.matched) for e in found.evidence], asked
    read = numbers_and_statuses("Error 502: Bad Gateway, then error 1603")
    assert (read.numbers, read.statuses, read.codes) == (["502", "1603"], ["502"], ["1603"])


INSTALLER_PAGE_RU = """\
# Ошибка 1603 при установке агента

При установке агента мастер останавливается и показывает окно:

```text
Ошибка 1603. Во время установки произошла неустранимая ошибка.
```

## Причина

Служба установщика Windows занята другой установкой.

## Решение

1. Дождитесь окончания другой установки или перезагрузите компьютер.
2. Запустите установку агента снова от имени администратора.
"""

UPDATE_PAGE_RO = """\
# Eroare 2203 la actualizarea clientului

Actualizarea se oprește cu mesajul `Eroare 2203: baza de date nu poate fi deschisă`.

## Soluție

1. Ștergeți fișierele din folderul `C:\\Windows\\Temp`.
2. Rulați actualizarea din nou.
"""


def test_an_error_s_number_is_labelled_by_every_language_s_word_for_an_error(tmp_path: Path) -> None:
    """The words that label an error's number are those that mark its letter code ("Ошибка E-204",
    "Eroare E-204"). Before: a list of their own had nine, so "Ошибка 1603" and "Eroare 2203" labelled no
    number, and the problem their title names had no code, where "Fehler 1603" had one."""
    [installer] = read(tmp_path / "docs", "agent.md", INSTALLER_PAGE_RU).problems
    assert installer.title == "Ошибка 1603 при установке агента"
    assert installer.error_codes == ["1603"]
    assert installer.error_messages == ["Ошибка 1603. Во время установки произошла неустранимая ошибка."]
    assert [s.text for s in installer.steps] == [
        "Дождитесь окончания другой установки или перезагрузите компьютер.",
        "Запустите установку агента снова от имени администратора.",
    ]
    [update] = read(tmp_path / "docs", "update.md", UPDATE_PAGE_RO).problems
    assert update.error_codes == ["2203"]
    assert update.error_messages == ["Eroare 2203: baza de date nu poate fi deschisă"]
    build_index([tmp_path / "docs"], tmp_path / "index.db")
    kb = KnowledgeBase(tmp_path / "index.db")
    for asked, title in (("Ошибка 1603", installer.title), ("Eroare 2203", update.title)):
        best = match(kb, asked).matches[0]
        assert best.problem.title == title, asked
        assert ("error_code", "1603" if "1603" in asked else "2203") in [
            (e.field, e.matched) for e in best.evidence
        ]
    for text in ("Hata 1603", "Ralat 1603", "ОШИБКА 1603", "Грешка: 1603"):
        assert labelled_numbers(text) == ["1603"], text


def test_a_longer_word_that_opens_like_a_word_for_an_error_labels_no_number() -> None:
    """Guard: only the word itself labels a number; one it only opens ("Hatalar", "errors", "Fehlerbehebung")
    and a count or a year after it stay no code, and the words read before still are."""
    for text in (
        "Hatalar 2024 yılında azaldı",
        "3 errors 500 times",
        "Fehlerbehebung 2024",
        "Ошибками 300 раз",
    ):
        assert labelled_numbers(text) == [], text
    for text, numbers in (("Fehler 1603", ["1603"]), ("Rejeição 539", ["539"]), ("שגיאה 4012", ["4012"])):
        assert labelled_numbers(text) == numbers, text
