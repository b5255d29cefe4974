"""What the review R9 rounds left misread: an English "compare" read as the Italian verb of appearing (a
lead over healthy output), ...

Each test writes a small article of its own in the house style, finds it as `kb index` does and reads it
with the real indexer, or indexes it and asks the matcher.
"""

from __future__ import annotations

from pathlib import Path

from test_house_styles import read

HEALTHY_OUTPUT_FIX = """\
# Sync agent troubleshooting

## Sync stops after the upgrade

The agent stops syncing after the upgrade to 4.2 and the tray icon turns grey.

### Resolution

Remove the old service with `syncctl service remove --legacy`, then run `syncctl doctor`. {lead}

```
service: running
last error: none
```

Restart the computer.
"""

HEALTHY_LINE_STEPS = """\
# Sync agent troubleshooting

## Sync stops after the upgrade

The agent stops syncing after the upgrade to 4.2 and the tray icon turns grey.

### Resolution

1. Remove the old service with `syncctl service remove --legacy`.
2. Run `syncctl doctor`. {lead}

   `service: running; last error: none`

3. Restart the computer.
"""


def test_output_an_english_fix_says_to_compare_with_is_no_message(tmp_path: Path) -> None:
    # CODE-1. Before: "compare", listed as the Italian verb of appearing, made "Compare it with:" a lead
    # announcing a printed failure, and the healthy output ("last error: none") the problem's message.
    for shape in (HEALTHY_OUTPUT_FIX, HEALTHY_LINE_STEPS):
        for lead in ("Compare it with:", "Then compare the output with this:"):
            [problem] = read(tmp_path / "kb", "sync.md", shape.format(lead=lead)).problems
            assert problem.title == "Sync stops after the upgrade"
            assert problem.error_messages == [], lead
            assert problem.steps[-1].text == "Restart the computer.", lead


ITALIAN_BANNER = """\
# Errori di stampa delle etichette

## La stampante risulta offline

Quando fai clic su **Stampa etichetta**, {lead}

```
Stampa non riuscita: la stampante non risponde (PRN-4410)
```

1. Stampa un'etichetta di configurazione e annota l'indirizzo IP.
2. Inserisci l'indirizzo in **Impostazioni → Stampanti**.
"""


def test_a_banner_an_italian_article_says_compare_over_is_still_the_message(tmp_path: Path) -> None:
    # Guard: the Italian verb ("compare un banner rosso:", "compare questo messaggio:") still announces what
    # comes into view, as "appare" does.
    for lead in ("compare un banner rosso:", "compare questo messaggio:", "appare un banner rosso:"):
        [problem] = read(tmp_path / "kb", "stampa.md", ITALIAN_BANNER.format(lead=lead)).problems
        assert problem.error_messages == ["Stampa non riuscita: la stampante non risponde (PRN-4410)"], lead
        assert problem.error_codes == ["PRN4410"], lead
