"""Plain-text exports in other languages' house styles (review R7 §2, §7).

Each test writes a short article of its own, in one team's style and language, and reads it with the
real indexer: a plain-text export whose problems are numbered "1. PROBLEM: …" lines over labelled
parts in the team's language, and a message set apart in a ``<pre>`` or a fenced block under part
labels; each with a guard for the nearest shape that must not change.
"""

from __future__ import annotations

from pathlib import Path

from test_house_styles import read

# A Croatian help desk's plain-text export: each problem a numbered "PROBLEM:" line, its parts under
# labels of their own, the messages indented under the sentence that shows them.
NUMBERED_PROBLEMS = """\
eRACUN PLUS - NAJCESCI PROBLEMI PRI SLANJU

Ovaj članak opisuje greške pri slanju e-računa iz aplikacije eRačun Plus.

1. PROBLEM: Slanje e-računa ne uspijeva

Simptom:
Nakon klika na Pošalji pojavljuje se poruka:
  Slanje nije uspjelo: primatelj nije registriran u sustavu (ER-R14)

Uzrok:
Primatelj još nije prijavljen za primanje e-računa.

Rješenje:
  1) Provjerite OIB primatelja u adresaru.
  2) Zamolite primatelja da se registrira.
  3) Pošaljite račun ponovno.


2. PROBLEM: Potpis nije valjan

Simptom:
Servis vraća grešku:
  Potpis dokumenta nije valjan: certifikat je opozvan

Uzrok:
Certifikat za potpis je opozvan ili istekao.

Rješenje:
  1) Otvorite Postavke > Potpis.
  2) Učitajte novi certifikat.
"""


def test_numbered_problem_lines_of_a_plain_text_export_are_its_problems(tmp_path: Path) -> None:
    article = read(tmp_path / "kb", "eracun-slanje.txt", NUMBERED_PROBLEMS)
    assert article.title == "eRACUN PLUS - NAJCESCI PROBLEMI PRI SLANJU"
    first, second = article.problems
    assert first.title == "Slanje e-računa ne uspijeva"
    assert second.title == "Potpis nije valjan"
    # The introduction before the first problem is the page's, not what the first problem shows.
    assert first.symptoms.startswith("Nakon klika na Pošalji pojavljuje se poruka:")
    assert "Ovaj članak" in article.body
    assert first.error_messages == ["Slanje nije uspjelo: primatelj nije registriran u sustavu (ER-R14)"]
    assert second.error_messages == ["Potpis dokumenta nije valjan: certifikat je opozvan"]
    assert first.cause == "Primatelj još nije prijavljen za primanje e-računa."
    assert [s.text for s in first.steps] == [
        "Provjerite OIB primatelja u adresaru.",
        "Zamolite primatelja da se registrira.",
        "Pošaljite račun ponovno.",
    ]
    assert [s.text for s in second.steps] == ["Otvorite Postavke > Potpis.", "Učitajte novi certifikat."]
    assert not first.notes and not second.notes


# The nearest shape: a plain-text fix whose numbered steps open with a label of their own (a platform's
# name), and a "Problem:" label that says a sentence over a "Symptoms:" label; they stay steps and symptoms.
LABELLED_STEPS = """\
Problem: Users cannot print after the driver update.

Symptoms:
The print queue shows every job as Paused.

Resolution:
1. Windows: open Settings > Printers and remove the printer.
2. macOS: open System Settings > Printers and remove the printer.
3. Add the printer again.
"""


def test_numbered_steps_that_open_with_a_label_stay_steps(tmp_path: Path) -> None:
    article = read(tmp_path / "kb", "print-paused.txt", LABELLED_STEPS)
    [problem] = article.problems
    assert problem.symptoms.startswith("Users cannot print after the driver update.")
    assert [s.text for s in problem.steps] == [
        "Windows: open Settings > Printers and remove the printer.",
        "macOS: open System Settings > Printers and remove the printer.",
        "Add the printer again.",
    ]


# A Georgian help centre's page, its part labels in words the indexer does not read: the message the
# app shows stands in a <pre> under the sentence that shows it ("in the payment's details it says:").
SHOWN_UNDER_A_LOCAL_LEAD = """\
<!DOCTYPE html>
<html lang="ka"><head><meta charset="utf-8"><title>პარკინგი – გადახდის პრობლემები</title></head>
<body><article>
<h1>პარკინგი – გადახდის პრობლემები</h1>
<h2>ბარათით გადახდა უარყოფილია</h2>
<p><b>ნიშნები:</b> გადახდის დეტალებში წერია:</p>
<pre>Payment declined by issuer: do not honor (PAY-051)</pre>
<p><b>რატომ:</b> ბანკმა ტრანზაქცია დაბლოკა.</p>
<ol><li>დაუკავშირდით ბანკს.</li><li>სცადეთ სხვა ბარათი.</li></ol>
<h2>აპლიკაცია არ იხსნება</h2>
<p><b>ნიშნები:</b> ეკრანი თეთრია.</p>
<ol><li>განაახლეთ აპლიკაცია.</li></ol>
</article></body></html>
"""


def test_a_pre_under_a_lead_in_of_words_not_read_is_the_message_it_shows(tmp_path: Path) -> None:
    article = read(tmp_path / "kb", "parking-payments.html", SHOWN_UNDER_A_LOCAL_LEAD)
    first, second = article.problems
    assert first.title == "ბარათით გადახდა უარყოფილია"
    assert first.error_messages == ["Payment declined by issuer: do not honor (PAY-051)"]
    assert "PAY051" in first.error_codes
    assert [s.text for s in first.steps] == ["დაუკავშირდით ბანკს.", "სცადეთ სხვა ბარათი."]
    assert not second.error_messages


# The same in Markdown, a fenced block under the lead-in; and the nearest shape, a command fenced under
# a lead-in in the same language ("run the command:"), which shows no failure: no message.
FENCED_UNDER_A_LOCAL_LEAD = """\
# პარკინგი – სერვერის პრობლემები

## ბილეთები არ იბეჭდება

პრინტერის ჟურნალში ჩანს:

```
spooler: job 118 failed: paper out (PRN-E07)
```

1. ჩადეთ ქაღალდი.
2. გაუშვით ბრძანება:

   ```
   systemctl restart parkd-spooler
   ```

## ტერმინალი ნელა მუშაობს

შეამოწმეთ სერვისის მდგომარეობა ბრძანებით:

```
systemctl status parkd
```

1. გადატვირთეთ ტერმინალი.
"""


def test_a_fence_under_a_local_lead_in_is_a_message_only_where_it_reads_as_a_failure(tmp_path: Path) -> None:
    article = read(tmp_path / "kb", "parking-server.md", FENCED_UNDER_A_LOCAL_LEAD)
    printing, slow = article.problems
    assert printing.error_messages == ["spooler: job 118 failed: paper out (PRN-E07)"]
    assert slow.error_messages == []
    assert [s.text for s in slow.steps] == ["გადატვირთეთ ტერმინალი."]


def test_settings_fenced_under_a_local_lead_in_are_no_message(tmp_path: Path) -> None:
    """Guard: data under such a lead-in ("use these settings:"), however its keys read, is no message."""
    text = (
        "# პარკინგი\n\n## კავშირი წყდება\n\nეკრანი იყინება.\n\nგამოიყენეთ ეს პარამეტრები:\n\n"
        '```\n{"timeout": 30, "retries": 3}\n```\n\n1. შეინახეთ პარამეტრები.\n'
    )
    [problem] = read(tmp_path / "kb", "parking-link.md", text).problems
    assert problem.error_messages == []
