"""What a heading's words say its section is: headings in the house styles of real knowledge bases."""

from __future__ import annotations

import pytest

from indexer.heading_text import Quoted, quoted_strings
from indexer.roles import (
    Kind,
    Role,
    asks_why,
    heading_kind,
    heading_role,
    message_like,
    reads_as_cause,
    states_cause,
)


@pytest.mark.parametrize(
    "heading",
    [
        "Applicable versions",
        "Applies to: all editions",
        "Related information",
        "Related articles",
        "Requirements",
        "Prerequisites",
        "See also",
        "Third-party information disclaimer",
        "Need more help?",
        # Google Cloud's pages end with links to read next, as "Next steps" does elsewhere.
        "What's next",
        "What’s next",
        "Related error codes",
        "Document Information",
        # A help centre's closing prompt, in English and in other languages, and over its comments.
        "Still stuck?",
        "Leave a comment",
        "Heeft u nog vragen?",
        "Haben Sie noch Fragen?",
        "¿Tienes más preguntas?",
        "Остались вопросы?",
        "还有其他问题？",
    ],
)
def test_navigation_and_version_headings_are_boilerplate(heading: str) -> None:
    assert heading_role(heading) is Role.BOILERPLATE


@pytest.mark.parametrize(
    "heading",
    [
        "Version detection failures",
        "Requirements for the main repository",
        "Third-party plugins fail to load",
        "References to deleted objects remain",
        "Contents of the cache are stale",
        "What's next after a failed upgrade",
        "Document information is lost on save",
        "Still stuck on the splash screen",
        "Comments",
        "Nog vragen over de factuur worden niet beantwoord",
    ],
)
def test_a_heading_that_only_starts_like_boilerplate_is_a_topic_of_its_own(heading: str) -> None:
    assert heading_role(heading) is not Role.BOILERPLATE


@pytest.mark.parametrize(
    ("heading", "quoted"),
    [
        ('"Your session has expired" error', [Quoted("Your session has expired", code=False)]),
        ('"Invalid argument" in the disk status', [Quoted("Invalid argument", code=False)]),
        ("`bad interpreter: /usr/bin/ruby^M`", [Quoted("bad interpreter: /usr/bin/ruby^M", code=True)]),
    ],
)
def test_a_heading_that_quotes_a_message_is_an_error(heading: str, quoted: list[Quoted]) -> None:
    assert heading_kind(heading, quoted) is Kind.ERROR


@pytest.mark.parametrize(
    ("heading", "quoted"),
    [
        ('Finder: enable the "Reveal in Sidebar" menu item', [Quoted("Reveal in Sidebar", code=False)]),
        ('"Machine learning" tool usage', [Quoted("Machine learning", code=False)]),
        ("`cleanup files:` is the simplest option", [Quoted("cleanup files:", code=True)]),
    ],
)
def test_a_heading_that_quotes_a_name_or_a_setting_is_no_error(heading: str, quoted: list[Quoted]) -> None:
    assert heading_kind(heading, quoted) is not Kind.ERROR


@pytest.mark.parametrize(
    ("text", "printed"),
    [
        ("bad interpreter: /usr/bin/ruby^M", True),
        ("context deadline exceeded", True),
        ("permission denied", True),
        # A manual page's synopsis quotes its command and options, whatever words they are made of.
        ("--ignore-errors", False),
        ("-f", False),
        ("missing", False),
        ("brew bundle check", False),
    ],
)
def test_a_code_span_is_a_message_when_it_reads_as_printed_not_as_an_option_or_a_name(
    text: str, printed: bool
) -> None:
    assert message_like(Quoted(text, code=True)) is printed


@pytest.mark.parametrize(
    ("heading", "role"),
    [
        ("Symptome", Role.SYMPTOMS),
        ("Ursache", Role.CAUSE),
        ("Lösung", Role.RESOLUTION),
        ("Fehlermeldung", Role.ERRORS),
        ("Symptômes", Role.SYMPTOMS),
        ("Résolution", Role.RESOLUTION),
        ("Síntomas", Role.SYMPTOMS),
        ("Causa", Role.CAUSE),
        ("Solución", Role.RESOLUTION),
        ("Risoluzione", Role.RESOLUTION),
        ("Risoluzione dei problemi", Role.CONTAINER),
        ("Симптомы", Role.SYMPTOMS),
        ("Причина", Role.CAUSE),
        ("Решение", Role.RESOLUTION),
        ("Устранение неполадок", Role.CONTAINER),
        ("症状", Role.SYMPTOMS),
        ("原因：", Role.CAUSE),
        ("解決方法", Role.RESOLUTION),
        ("解决方法", Role.RESOLUTION),
        # Polish, Chinese (simplified and traditional), Korean, and more of Italian and Spanish.
        ("Objawy", Role.SYMPTOMS),
        ("Przyczyna", Role.CAUSE),
        ("Rozwiązanie", Role.RESOLUTION),
        ("Obejście problemu", Role.RESOLUTION),
        ("Komunikat o błędzie", Role.ERRORS),
        ("Zobacz także", Role.BOILERPLATE),
        ("Rozwiązywanie problemów", Role.CONTAINER),
        ("问题描述", Role.SYMPTOMS),
        ("問題描述", Role.SYMPTOMS),
        ("原因分析", Role.CAUSE),
        ("解決方案", Role.RESOLUTION),
        ("临时解决方案", Role.RESOLUTION),
        ("相关文档", Role.BOILERPLATE),
        ("相關文章", Role.BOILERPLATE),
        ("常見問題", Role.CONTAINER),
        ("증상", Role.SYMPTOMS),
        ("원인", Role.CAUSE),
        ("해결 방법", Role.RESOLUTION),
        ("오류 메시지", Role.ERRORS),
        ("관련 문서", Role.BOILERPLATE),
        ("문제 해결", Role.CONTAINER),
        ("Per saperne di più", Role.BOILERPLATE),
        ("Soluzione alternativa", Role.RESOLUTION),
        ("Solución alternativa", Role.RESOLUTION),
        ("Temas relacionados", Role.BOILERPLATE),
        # The word for an error, its code and a message, as headings and tables' columns name them.
        ("Fehler", Role.ERRORS),
        ("Meldung", Role.ERRORS),
        ("Błąd", Role.ERRORS),
        ("오류", Role.ERRORS),
        ("Fehlercode", Role.CODES),
        ("Código de error", Role.CODES),
        ("Kod błędu", Role.CODES),
        ("エラーコード", Role.CODES),
        ("错误代码", Role.CODES),
        ("오류 코드", Role.CODES),
    ],
)
def test_the_parts_of_a_problem_are_read_in_the_languages_of_localized_knowledge_bases(
    heading: str, role: Role
) -> None:
    assert heading_role(heading) is role


@pytest.mark.parametrize(
    "heading",
    [
        "Ursache des Ausfalls unbekannt",
        "Lösungen für Drucker im Netzwerk",
        "Przyczyna awarii serwera nieznana",
        "Rozwiązanie nie działa po aktualizacji",
        "原因不明的连接中断",
        "해결 방법이 없는 동기화 오류",
        "Soluzione alternativa non disponibile",
    ],
)
def test_a_localized_part_name_inside_a_longer_heading_is_a_topic(heading: str) -> None:
    """Only whole headings: a longer one names a problem of its own."""
    assert heading_role(heading) is Role.TOPIC


@pytest.mark.parametrize(
    ("heading", "why"),
    [
        ("Why does pyproj fail to install?", True),
        ("Q: Why is the cache ignored?", True),
        # What happens, then the question: its answer opens with the cause too.
        ("Reprojected coordinates are off by about 100 metres. Why?", True),
        ("The upload stalls at 99%. Why does this happen?", True),
        ("How do I change the cache directory?", False),
        ("Can I work offline? Why not use the proxy?", False),
    ],
)
def test_a_question_that_asks_why_is_told_apart(heading: str, why: bool) -> None:
    assert asks_why(heading) is why


@pytest.mark.parametrize(
    "heading",
    [
        "Błąd: Faktura odrzucona",
        "Błąd 450",
        "错误：无法连接服务器",
        "錯誤：無法連線",
        "오류 2103",
        "Errore: file duplicato",
        "Fout: bestand niet gevonden",
        "报错：连接超时",
    ],
)
def test_a_heading_that_opens_with_error_in_another_language_and_its_message_or_code_is_an_error(
    heading: str,
) -> None:
    assert heading_kind(heading) is Kind.ERROR


@pytest.mark.parametrize("heading", ["Błędy", "Błąd", "错误处理", "오류", "Errore di battitura nel manuale"])
def test_error_in_another_language_without_a_message_or_code_after_it_names_no_error(heading: str) -> None:
    """As "Errors" or "Error handling" in English: a topic, not a message."""
    assert heading_kind(heading) is not Kind.ERROR


@pytest.mark.parametrize(
    ("heading", "quoted"),
    [
        ("Błąd „Faktura odrzucona: kod 450” podczas wysyłki", ["Faktura odrzucona: kod 450"]),
        ("Fehler „Zugriff verweigert“ und „Datei gesperrt“", ["Zugriff verweigert", "Datei gesperrt"]),
        ("Erreur « Accès refusé » au démarrage", ["Accès refusé"]),
        ("「接続できません」と表示される", ["接続できません"]),
        ("出现『無法連線到伺服器』", ["無法連線到伺服器"]),
        ("钉钉提示“登录失败，请稍后重试”", ["登录失败，请稍后重试"]),
        # Each language's marks pair only with their own: "“" opens an English quote and closes a
        # German one, and a quote in a quote is the inner one, as before.
        ('Login says "Session expired" twice', ["Session expired"]),
        ('"Say “not now” instead"', ["not now"]),
    ],
)
def test_a_heading_s_quoted_text_is_read_in_each_language_s_quotation_marks(
    heading: str, quoted: list[str]
) -> None:
    assert list(quoted_strings(heading)) == quoted


@pytest.mark.parametrize(
    ("heading", "role"),
    [
        ("What fixed it", Role.RESOLUTION),
        ("What solved the issue", Role.RESOLUTION),
        # A heading that goes on naming a thing is a topic: "what fixed it" is a support thread's phrase.
        ("What fixed the printer", Role.TOPIC),
    ],
)
def test_a_support_thread_s_name_of_its_fix_is_the_resolution(heading: str, role: Role) -> None:
    assert heading_role(heading) is role


def test_a_short_description_describes_its_problem_and_a_heading_that_goes_on_is_a_topic() -> None:
    # AWS's Knowledge Center says why under "Short description": descriptive text, never a problem of
    # its own; a heading that goes on to name a problem ("Short description field is empty") is one.
    assert heading_role("Short description") is Role.INFO
    assert heading_role("Short description field is empty") is Role.TOPIC


@pytest.mark.parametrize(
    ("heading", "kind"),
    [
        # German joins words by hyphens: a checklist, codes or a log of errors are topics.
        ("Fehler-Checkliste", Kind.PLAIN),
        ("Fehler-Codes", Kind.PLAIN),
        ("Fehler-Log", Kind.PLAIN),
        ("Erreur - questions fréquentes", Kind.PLAIN),
        # A dash before a code or a number still opens an error.
        ("Fehler - 0x80070005", Kind.ERROR),
        ("Fehler-E1032", Kind.ERROR),
        ("Błąd - 450", Kind.ERROR),
        # English as before (guard).
        ("Error - disk full", Kind.ERROR),
    ],
)
def test_a_dash_after_error_in_another_language_opens_an_error_only_before_a_code(
    heading: str, kind: Kind
) -> None:
    assert heading_kind(heading) is kind


@pytest.mark.parametrize(
    "sentence",
    [
        "Root cause was the label printer's firmware 4.1, which drops the ribbon setting.",
        "The cause is a stale token in the keychain.",
        "The root cause of the outage was a full log volume.",
        "This was caused by the March update of the agent.",
        "The failure is most likely caused by the proxy.",
    ],
)
def test_a_sentence_that_says_what_the_cause_is_opens_a_cause(sentence: str) -> None:
    # Before: "Root cause was …" and "The cause is …" read as no cause (only "caused by" did).
    assert reads_as_cause(sentence)
    assert states_cause(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Causes of this error include a full disk.",
        "If the cause is a full disk, delete the old logs.",
        "Check what the cause is before you restart.",
        "The cause: a full disk.",
        "Caused by: java.lang.IllegalStateException: queue closed",
        # What the cause is not, or that no one knows it: no cause (each stated one).
        "The problem is not caused by the ribbon; we replaced it and it still prints blank.",
        "The cause is not the ribbon: we replaced it on two printers.",
        "Root cause was never found.",
        "The cause is unknown at this time; engineering is investigating.",
    ],
)
def test_a_sentence_that_only_names_a_cause_in_passing_states_none(sentence: str) -> None:
    assert not states_cause(sentence)


def test_a_sentence_that_says_what_the_cause_is_after_another_is_still_a_cause_but_opens_none() -> None:
    assert reads_as_cause("Badges print blank. The root cause is the ribbon.")
    assert not states_cause("Badges print blank. The root cause is the ribbon.")


@pytest.mark.parametrize(
    "title", ["Most common reason", "Most likely causes", "Usual causes", "Typical reason"]
)
def test_a_cause_heading_that_says_how_common_it_is_is_a_cause(title: str) -> None:
    assert heading_role(title) is Role.CAUSE


@pytest.mark.parametrize(
    "title", ["Related GitHub Tickets", "Related tickets", "Related pull requests", "Related Jira issues"]
)
def test_a_section_of_related_tracker_entries_is_boilerplate(title: str) -> None:
    assert heading_role(title) is Role.BOILERPLATE
