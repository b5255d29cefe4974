"""Local structures and codes: articles written in other languages' house styles (review R7).

Each test writes a short article of its own, in one team's style and language, and reads it with the
real indexer (or answers from an index of it): a code after a local word for an error, short and
multi-part codes where the text marks them as codes, and the same on the query side; with a guard for
the nearest shape that must not change.
"""

from __future__ import annotations

from pathlib import Path

from test_house_styles import read

from api.knowledge import KnowledgeBase
from api.matcher import match
from indexer.asciidoc_text import asciidoc_markdown
from indexer.build import build_index
from indexer.errortext import bracketed_code, code_key, codes_if_known, error_codes
from indexer.roles import announces_error_elsewhere

PAYROLL_FILE_ERRORS = """\
# Gajiku – ralat fail caruman

## Fail SOCSO ditolak

**Gejala:** Portal PERKESO memaparkan:

```
Ralat E207: Nombor kad pengenalan pekerja tidak sah.
```

**Punca:** Nombor kad pengenalan mengandungi sengkang.

**Penyelesaian:**

1. Buang sengkang dalam medan *No. KP*.
2. Jana semula fail.
"""


def test_a_letter_code_after_a_local_word_for_error_is_the_problem_s_code(tmp_path: Path) -> None:
    [problem] = read(tmp_path / "docs", "socso.md", PAYROLL_FILE_ERRORS).problems
    # Before: the message was read, but "Ralat" (Malay for "error") marked no code, as "Error" does.
    assert [code_key(c) for c in problem.error_codes] == ["E207"]
    build_index([tmp_path / "docs"], tmp_path / "index.db")
    best = match(KnowledgeBase(tmp_path / "index.db"), "E207").matches[0]
    assert best.problem.id == "socso#1"
    # The same shape in other languages' words for an error, hyphen or not.
    for line in ("Грешка F-102: невалиден ЕИК", "Eroare E-204: parolă greșită", "Hitilafu H305: salio dogo"):
        assert len(error_codes(line)) == 1, line


def test_a_model_number_after_a_local_word_is_still_no_code() -> None:
    # The nearest shape: a word that names no error before a capital and digits is a model or a size.
    for line in ("Pelayan A100: tidak dikesan", "Сървър B200: рестартирайте", "Printer T480 rosak"):
        assert error_codes(line) == [], line


CASHBOX_ERRORS = """\
# KassaBox – xətalar

## Çek çap olunmur

**Symptom:** Tətbiq göstərir `Printer paper empty (PRN-04)`.

**Resolution:**

1. Kağız rulonunu dəyişin.

## Növbə bağlanmır

**Symptom:** Ekranda:

```
Növbə 24 saatdan artıqdır. Z-hesabatı çıxarın. (SH-C12)
```

**Resolution:**

1. Z-hesabatı çıxarın.

## Soket bağlantısı kəsilir

**Symptom:** Tətbiq bağlantını itirir, xəta kodu: ERR-SOC-07.

**Resolution:**

1. Routeri yenidən başladın.
"""


def test_short_and_multi_part_codes_where_the_text_marks_them_are_codes(tmp_path: Path) -> None:
    paper, shift, socket = read(tmp_path / "docs", "kassa.md", CASHBOX_ERRORS).problems
    # Before: a code of two digits or of several parts was no code, and the span it closes no message.
    assert paper.error_messages == ["Printer paper empty (PRN-04)"]
    assert [code_key(c) for c in paper.error_codes] == ["PRN04"]
    assert [code_key(c) for c in shift.error_codes] == ["SHC12"]
    assert [code_key(c) for c in socket.error_codes] == ["ERRSOC07"]
    build_index([tmp_path / "docs"], tmp_path / "index.db")
    kb = KnowledgeBase(tmp_path / "index.db")
    # The query's code alone, as people retype it, hyphens or not.
    for asked, problem in (
        ("PRN-04", "kassa#1"),
        ("SH-C12", "kassa#2"),
        ("ERR-SOC-07", "kassa#3"),
        ("PRN04", "kassa#1"),
    ):
        assert match(kb, asked).matches[0].problem.id == problem, asked
    # One letter and two digits after a word for a code, as a localized screen labels it.
    assert error_codes("Skaitytuvas neaptiktas (klaidos kodas: K-31)") == ["K31"]
    # Or before the colon of the message it opens, as the screen prints it.
    assert error_codes("Xəta K-31: Vergi serveri ilə əlaqə yoxdur") == ["K31"]


def test_a_code_in_square_brackets_closing_a_message_of_sentences_is_its_code() -> None:
    assert bracketed_code("Printer not connected. Pair a printer in Settings. [PRN-01]") == "PRN01"


def test_names_marked_like_codes_are_no_codes() -> None:
    # Marked as codes are (after "error", after "code", in brackets closing a message), a disease's name, a
    # promotion's code and an encoding's name were codes of the problem and of a query.
    for line in (
        "error COVID-19 form rejected",
        "Enter the promo code SPRING-25 at checkout.",
        "Use the discount code SAVE-20.",
    ):
        assert error_codes(line) == [], line
    assert bracketed_code("Import failed: unsupported encoding (UTF-16)") is None
    assert bracketed_code("Upload failed (HTTP-500)") is None
    assert codes_if_known("Warning: UTF-16 file detected") == []
    # Guard: a code an error's code names, or one before its colon, is one.
    assert error_codes("error code ERR-SOC-07") == ["ERRSOC07"]
    assert error_codes("Promo code: SPRING-25 was rejected") == ["SPRING25"]
    assert bracketed_code("Printer not connected (PRN-01)") == "PRN01"
    assert codes_if_known("BK-05 on the till") == ["BK05"]


def test_names_written_like_short_codes_are_no_codes_in_prose() -> None:
    # The nearest shape: names and standards of a word and a number, unmarked, in a sentence.
    for line in (
        "Ofis COVID-19 səbəbindən bağlı idi.",
        "The H-1B visa and ISO-9 rules apply.",
        "Use AES-256 over TLS-13 where the server supports it.",
        "Cases rose sharply (COVID-19) last year.",
        "The error code for AES-256 is not shown.",
        # After "error" alone, one letter and two digits are as often a model's.
        "The coffee machine shows error E-42",
    ):
        assert error_codes(line) == [], line


INVOICE_STEPS = """\
import { Steps, Step } from '@/components/Steps'

# Фактурник – изпращане към НАП

## Фактурата не се изпраща

**Симптом:** фактурата остава в статус „Чернова“.

**Решение:**

<Steps>
<Step>Отворете **Фактури** и изберете фактурата.</Step>
<Step>Проверете датата на данъчното събитие.</Step>
<Step>Натиснете **Изпрати** отново.</Step>
</Steps>

## Грешен адрес на получателя

**Решение:**

<Steps>
<Step>
Отворете **Контрагенти**.
</Step>
<Step>
Поправете адреса и запазете.
</Step>
</Steps>
"""


def test_mdx_steps_written_one_a_line_are_steps_in_order_without_tags(tmp_path: Path) -> None:
    one_a_line, tagged_apart = read(tmp_path / "docs", "nap.mdx", INVOICE_STEPS).problems
    # Before: the three <Step> lines were one step, its Markdown the tags as written.
    assert [s.text for s in one_a_line.steps] == [
        "Отворете Фактури и изберете фактурата.",
        "Проверете датата на данъчното събитие.",
        "Натиснете Изпрати отново.",
    ]
    assert one_a_line.steps[0].markdown == "Отворете **Фактури** и изберете фактурата."
    assert not any("<" in s.markdown for s in one_a_line.steps)
    # The nearest shape, each tag on its own line, is read as before.
    assert [s.text for s in tagged_apart.steps] == ["Отворете Контрагенти.", "Поправете адреса и запазете."]


SIGNING_ERRORS_ADOC = """\
= „Pasirašyk“ klaidų šalinimas
:toc:

== Sertifikatas nerastas

Simptomai::
Atidarius dokumentą, programa rodo pranešimą:
+
----
Sertifikatas nerastas kortelėje. (Klaidos kodas: SG-2040)
----

Priežastis::
Kortelė įdėta netinkama puse.

Sprendimas::
. Ištraukite kortelę.
. Įdėkite ją lustu į viršų.

== Lėtas pasirašymas

Simptomai:: Pasirašymas trunka ilgiau nei minutę.

Sprendimas::
* Uždarykite kitas programas.
"""


def test_an_asciidoc_labelled_list_s_terms_are_the_problem_s_parts(tmp_path: Path) -> None:
    missing, slow = read(tmp_path / "docs", "pasirasyk.adoc", SIGNING_ERRORS_ADOC).problems
    # Before: the listing block under "Simptomai::" was lost and the cause ran into the symptoms.
    assert missing.title == "Sertifikatas nerastas"
    assert missing.error_messages == ["Sertifikatas nerastas kortelėje. (Klaidos kodas: SG-2040)"]
    assert [code_key(c) for c in missing.error_codes] == ["SG2040"]
    assert missing.cause == "Kortelė įdėta netinkama puse."
    assert [s.text for s in missing.steps] == ["Ištraukite kortelę.", "Įdėkite ją lustu į viršų."]
    assert missing.symptoms.startswith("Atidarius dokumentą")
    # A term with its description on the same line too.
    assert slow.symptoms == "Pasirašymas trunka ilgiau nei minutę."
    assert [s.text for s in slow.steps] == ["Uždarykite kitas programas."]


def test_a_name_with_a_double_colon_in_asciidoc_text_is_no_term() -> None:
    # The nearest shape: a qualified name in prose, and a block macro, are not a list's terms.
    page = "= Klaidos\n\nIškvieskite Config::load prieš paleidimą.\ntoc::[]\nstd::vector yra tuščias\n"
    assert asciidoc_markdown(page, named=True) == (
        "# Klaidos\n\nIškvieskite Config::load prieš paleidimą.\n\nstd::vector yra tuščias\n"
    )


EINVOICE_ERRORS = """\
# еФактура – грешки при подаване

## Невалиден сертификат

**Симптом:** подаването спира със съобщение „Сертификатът не е валиден за тази услуга“ (код T-214).

**Причина:** сертификатът е издаден за физическо лице.

**Решение:**

1. Поискайте сертификат за юридическо лице.

## Дублиран номер на фактура

**Симптом:** показва се съобщението „Фактура с този номер вече съществува“.

**Решение:**

1. Сменете номера на фактурата.

## Бавно зареждане

**Симптом:** менюто „Настройки на профила“ се отваря бавно.

**Решение:**

1. Изчистете кеша на браузъра.
"""


def test_a_quotation_after_a_local_word_for_a_message_is_the_error_message(tmp_path: Path) -> None:
    certificate, duplicate, slow = read(tmp_path / "docs", "efaktura.md", EINVOICE_ERRORS).problems
    # Before: only an English sentence ("with the message "…"") made a quotation in it a message.
    assert certificate.error_messages == ["Сертификатът не е валиден за тази услуга"]
    assert [code_key(c) for c in certificate.error_codes] == ["T214"]
    assert duplicate.error_messages == ["Фактура с този номер вече съществува"]
    # The nearest shape: a quoted menu's name, no word for a message before it, is no message.
    assert slow.error_messages == []
    build_index([tmp_path / "docs"], tmp_path / "index.db")
    best = match(KnowledgeBase(tmp_path / "index.db"), "Фактура с този номер вече съществува").matches[0]
    assert (best.problem.id, best.confidence) == ("efaktura#2", "high")


FISCAL_CODES_TABLE = """\
# Šifre grešaka – BlagajnaPlus

| Šifra | Poruka na zaslonu | Uzrok | Rješenje |
|---|---|---|---|
| BP-310 | "Račun nije fiskaliziran." | Veza s poreznom upravom je prekinuta. | Provjerite mrežu i pošaljite račun ponovno. |
| BP-415 | "Neispravan OIB kupca." | OIB ima manje od 11 znamenki. | Upišite ispravan OIB. |
"""

PRICE_LIST_TABLE = """\
# Cjenik rezervnih dijelova

Dijelovi za blagajnu BlagajnaPlus.

| Kod | Naziv | Cijena |
|---|---|---|
| RD-100 | Rola papira | 2 EUR |
| RD-200 | Ladica za novac | 40 EUR |
"""


def test_an_error_table_with_local_column_headers_is_a_problem_per_row(tmp_path: Path) -> None:
    fiscal, oib = read(tmp_path / "docs", "sifre.md", FISCAL_CODES_TABLE).problems
    # Before: "Šifra" and "Poruka" headed nothing known, and the table's rows were no problems.
    assert [code_key(c) for c in fiscal.error_codes] == ["BP310"]
    assert '"Račun nije fiskaliziran."' in fiscal.error_messages
    assert fiscal.cause == "Veza s poreznom upravom je prekinuta."
    assert [s.text for s in oib.steps] == ["Upišite ispravan OIB."]
    # The nearest shape: a table of parts by their code, with no message nor fix, is no problems.
    assert read(tmp_path / "parts", "cjenik.md", PRICE_LIST_TABLE).problems[0].error_codes == []


ROUTER_FAQ = """\
# Întrebări frecvente – routerul RX-20

**Î: Nu mă pot conecta la internet după resetare. Ce fac?**

R: Routerul nu se poate autentifica la furnizor. În pagina *Stare* apare mesajul:

    DHCP: nu s-a primit nicio adresă de la server

1. Deschideți **Rețea > WAN**.
2. Alegeți tipul de conexiune din contract.

**Î: Imprimanta din rețea nu mai apare.**

R: Routerul i-a dat altă adresă IP după repornire.

1. Rezervați o adresă pentru imprimantă la **Rețea > DHCP**.
"""


def test_a_romanian_faq_s_marked_questions_and_answers(tmp_path: Path) -> None:
    internet, printer = read(tmp_path / "docs", "faq-rx20.md", ROUTER_FAQ).problems
    # Before: "R:" opened the first step, and the message under "apare mesajul:" (the message appears) was
    # none; the "Î:" (întrebare) of a question that asks nothing split no problem of its own.
    assert "Nu mă pot conecta la internet" in internet.title
    assert internet.error_messages == ["DHCP: nu s-a primit nicio adresă de la server"]
    # The answer's prose that leads in to the message it shows is no step of its numbered fix (review R7 §9).
    assert [s.text for s in internet.steps] == [
        "Deschideți Rețea > WAN.",
        "Alegeți tipul de conexiune din contract.",
    ]
    assert "Imprimanta din rețea nu mai apare" in printer.title
    assert [s.text for s in printer.steps][-1] == "Rezervați o adresă pentru imprimantă la Rețea > DHCP."
    # The nearest shape: a sentence that leads to the next steps announces no error.
    assert announces_error_elsewhere("Apoi urmați pașii de mai jos:") is False
    assert announces_error_elsewhere("Urmează următorii pași:") is False
