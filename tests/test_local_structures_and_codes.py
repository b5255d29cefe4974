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
from indexer.build import build_index
from indexer.errortext import code_key, error_codes

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
