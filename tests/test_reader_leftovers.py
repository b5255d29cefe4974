"""Shapes a reread of the readers found still misread: a Discourse topic whose first reply with steps the
asker says failed, a "you will see X instead; follow the same steps above" line after a fix, a bold "If you
see …" line over each of several branches, a sentence that says when an error is seen, record words in
other languages than English, a man page's "E102: message" entry, and bulleted alternatives under a problem.

Each test writes a small article of its own in one team's style, finds it as `kb index` does and reads it
with the real indexer.
"""

from __future__ import annotations

from pathlib import Path

from test_house_styles import read

from api.knowledge import KnowledgeBase
from api.matcher import match
from indexer.build import build_index

# A Discourse topic as its text export writes it, no post marked as the answer: the first reply with steps
# is tried and fails ("no change"), a later reply gives the fix in prose, and the asker thanks it.
DISCOURSE_FAILED_FIRST_REPLY = """\
# Backup agent stops after the 4.6 upgrade

pnoor | 2024-09-02 07:55:10 UTC | #1

Since the upgrade to 4.6 the backup agent stops every few hours. Its log ends with `catalog handle is stale`.

-------------------------

gwatts | 2024-09-02 08:30:44 UTC | #2

Did you try the basics?

1. Restart the agent.
2. Reboot the host.

-------------------------

pnoor | 2024-09-02 09:12:03 UTC | #3

Yes, I did both, no change.

-------------------------

lfarrow | 2024-09-03 06:40:18 UTC | #4

The 4.6 agent keeps the old catalog open after a rotation. Stop the agent, delete `catalog/.lock` and start it again.

-------------------------

pnoor | 2024-09-03 10:02:51 UTC | #5

That fixed it, thanks!
"""


def test_a_numbered_topic_s_reply_the_asker_says_failed_is_no_fix(tmp_path: Path) -> None:
    # The first reply with a list was taken as the fix, though the asker answered "no change"; the
    # reply the asker thanks was only searchable text.
    article = read(tmp_path, "catalog.md", DISCOURSE_FAILED_FIRST_REPLY)
    (problem,) = article.problems
    said = " ".join([problem.cause, *(s.text for s in problem.steps), *(n.text for n in problem.notes)])
    assert "delete catalog/.lock" in said
    assert "Reboot the host." not in said
    assert "Did you try the basics?" not in said


def test_a_numbered_topic_s_first_reply_with_steps_is_the_fix_unless_said_to_fail(tmp_path: Path) -> None:
    # Guard: the first reply with steps is the fix where the asker says nothing of it, or that it worked.
    text = DISCOURSE_FAILED_FIRST_REPLY[: DISCOURSE_FAILED_FIRST_REPLY.index("pnoor | 2024-09-02 09:12")]
    (problem,) = read(tmp_path, "catalog.md", text).problems
    assert [s.text for s in problem.steps] == ["Restart the agent.", "Reboot the host."]
    text = DISCOURSE_FAILED_FIRST_REPLY.replace(
        "Yes, I did both, no change.", "Rebooting did the trick, thanks!"
    )
    (problem,) = read(tmp_path, "catalog.md", text).problems
    assert [s.text for s in problem.steps] == ["Restart the agent.", "Reboot the host."]


# A fix's steps, then the error an older version shows in the same case, fixed by the same steps.
SAME_STEPS_OTHER_ERROR = """\
# Print spooler will not start

## Spooler stops at startup

The event log shows `spooler database is locked by another process`.

### Resolution

1. Stop the spooler service.
2. Delete the `spool.lock` file.
3. Start the spooler service.

If you run the older 2.x driver you will see `spooler lock timeout after 30s` instead; follow the same steps above.
"""


def test_another_error_fixed_by_the_same_steps_above_is_the_problem_s_own(tmp_path: Path) -> None:
    # It was a problem of its own, titled by the error, whose only step was "follow the same steps above.":
    # pasted, the error was answered with confidence by no steps.
    article = read(tmp_path, "spooler.md", SAME_STEPS_OTHER_ERROR)
    (problem,) = article.problems
    assert problem.title == "Spooler stops at startup"
    assert "spooler lock timeout after 30s" in problem.error_messages
    assert [s.text for s in problem.steps] == [
        "Stop the spooler service.",
        "Delete the spool.lock file.",
        "Start the spooler service.",
    ]


def test_another_error_with_steps_of_its_own_after_instead_is_still_a_problem(tmp_path: Path) -> None:
    # Guard: where the sentence after "instead" says what to do, that error is a problem of its own.
    text = SAME_STEPS_OTHER_ERROR.replace(
        "follow the same steps above.", "reinstall the driver from the vendor's site."
    )
    first, other = read(tmp_path, "spooler.md", text).problems
    assert other.title == "spooler lock timeout after 30s"
    assert [s.text for s in other.steps] == ["reinstall the driver from the vendor's site."]
    assert len(first.steps) == 3


# A fix in branches, each set off by a bold "If you see …" line over the command that fixes that case.
BRANCHES_BY_ERROR = """\
# Package install fails on build agents

## Resolution

**If you see "EACCES: permission denied"**

```
sudo chown -R builder ~/.cache/pkg
```

**If you see "ETIMEDOUT"**

```
pkg config set proxy http://proxy.internal:3128
```
"""


def test_a_bold_if_you_see_line_beside_another_heads_its_branch_however_bare_its_code(tmp_path: Path) -> None:
    # The first branch's line headed a group, the second's ("ETIMEDOUT" reads as no failure by itself)
    # did not: the EACCES reader was told to set a proxy, "If you see "ETIMEDOUT"" a step of theirs.
    (problem,) = read(tmp_path, "pkg.md", BRANCHES_BY_ERROR).problems
    steps = [(s.group, s.text) for s in problem.steps]
    assert steps == [
        ('If you see "EACCES: permission denied"', "sudo chown -R builder ~/.cache/pkg"),
        ('If you see "ETIMEDOUT"', "pkg config set proxy http://proxy.internal:3128"),
    ]


def test_a_bold_if_you_see_line_with_a_bare_code_alone_stays_in_the_fix(tmp_path: Path) -> None:
    # Guard: with no sibling branch that names a failure, a bold line on a bare word heads nothing.
    text = (
        BRANCHES_BY_ERROR[: BRANCHES_BY_ERROR.index('**If you see "EACCES')]
        + BRANCHES_BY_ERROR[BRANCHES_BY_ERROR.index('**If you see "ETIMEDOUT"') :]
    )
    (problem,) = read(tmp_path, "pkg.md", text).problems
    assert [s.group for s in problem.steps] == [None]


# A wiki's entry: the error block, a paragraph that says when and where it is seen, then **Fix**.
WHEN_IT_IS_SEEN = """\
# Desktop client sync

## Database is locked

```
sqlite3.OperationalError: database is locked
```

This happens every night at 01:30, while the export job runs, and only on the Linux laptops.

**Fix**

- Move the export job to 05:00.
- Restart the sync client.
"""


def test_a_paragraph_saying_when_an_error_is_seen_is_its_symptom_not_its_cause(tmp_path: Path) -> None:
    # "This happens every night at 01:30, …" opened as "This happens …" does, so it was the cause: it
    # says when and where the error is seen, and why in no word.
    (problem,) = read(tmp_path, "locked.md", WHEN_IT_IS_SEEN).problems
    assert problem.cause == ""
    assert problem.symptoms.startswith("This happens every night at 01:30")
    assert [s.text for s in problem.steps] == ["Move the export job to 05:00.", "Restart the sync client."]


def test_a_paragraph_saying_the_error_happens_where_a_state_holds_is_its_cause(tmp_path: Path) -> None:
    # Guard: "This happens …, where …" says why it fails.
    text = WHEN_IT_IS_SEEN.replace(
        "every night at 01:30, while the export job runs, and only on the Linux laptops.",
        "on the Linux laptops, where the export job keeps the database open for writing.",
    )
    (problem,) = read(tmp_path, "locked.md", text).problems
    assert problem.cause.startswith("This happens on the Linux laptops, where the export job")


# A German knowledge base whose app's messages name the record they failed on, and a French one.
KONFLIKT = """\
# Synchronisierungsfehler

## Konflikt beim Speichern (SE-409)

Das Protokoll zeigt:

```
SE-409 Konflikt: Datensatz INS-20431 wurde auf dem Server geändert
```

1. Seite neu laden.
2. Änderungen erneut eingeben.

## Speicher voll (SE-507)

Das Protokoll zeigt `SE-507 Speicher voll`.

1. Alte Anhänge löschen.
"""


def test_a_record_named_in_a_message_in_another_language_is_no_code(tmp_path: Path) -> None:
    # "Datensatz INS-20431" names the record the save failed on, as "record INS-20431" does in English;
    # read as a code, a paste of that record's number was answered high with the conflict.
    conflict, _ = read(tmp_path / "kb", "sync.md", KONFLIKT).problems
    assert conflict.error_codes == ["SE409"]
    build_index([tmp_path / "kb"], tmp_path / "index.db")
    kb = KnowledgeBase(tmp_path / "index.db")
    assert match(kb, "INS-20431").no_confident_match
    assert match(kb, "SE-409").matches[0].problem.id == "sync#1"
    french = KONFLIKT.replace(
        "SE-409 Konflikt: Datensatz INS-20431 wurde auf dem Server geändert",
        "SE-409 Conflit : la commande CMD-55120 a été modifiée sur le serveur",
    )
    conflict, _ = read(tmp_path / "fr", "sync.md", french).problems
    assert conflict.error_codes == ["SE409"]


def test_a_code_after_other_words_of_a_german_message_is_still_its_code(tmp_path: Path) -> None:
    # Guard: a code after a word that names no record ("Fehler SE-411") is the problem's.
    text = KONFLIKT.replace("Datensatz INS-20431 wurde", "Fehler SE-411 wurde")
    conflict, _ = read(tmp_path, "sync.md", text).problems
    assert conflict.error_codes == ["SE409", "SE411"]


# A man page's DIAGNOSTICS: each message the program prints over what it means, then what to do.
SPOOLD_PAGE = """SPOOLD(8)                   System Manager's Manual                  SPOOLD(8)

NAME
       spoold - hand finished print jobs to the printers

DIAGNOSTICS
       S204: queue certificate expired for printer
              The printer's queue certificate is past its end date.

              1.  Request a new certificate with spoolctl cert renew.

              2.  Restart spoold.

       S310: printer refused the job
              The printer is paused or out of paper.

              1.  Check the printer's panel.

SEE ALSO
       spoolctl(8)

spoold 2.1                        May 2025                        SPOOLD(8)
"""


def test_a_diagnostics_entry_s_text_before_its_steps_says_what_its_message_means(tmp_path: Path) -> None:
    # The text under each message, which says what it means, was read as the problem's symptoms and it
    # had no cause.
    expired, refused = read(tmp_path, "spoold.txt", SPOOLD_PAGE).problems
    assert expired.title == "S204: queue certificate expired for printer"
    assert expired.cause == "The printer's queue certificate is past its end date."
    assert expired.symptoms == ""
    assert [s.text for s in expired.steps] == [
        "Request a new certificate with spoolctl cert renew.",
        "Restart spoold.",
    ]
    assert refused.cause == "The printer is paused or out of paper."


def test_an_error_heading_s_paragraph_before_its_steps_elsewhere_is_still_what_is_seen(
    tmp_path: Path,
) -> None:
    # Guard: under a heading that lists no messages, a paragraph under an error heading is what is seen.
    text = (
        "# Print server errors\n\n## S204: queue certificate expired for printer\n\n"
        "Jobs stay in the queue and the printer's panel shows a padlock.\n\n"
        "1. Request a new certificate with `spoolctl cert renew`.\n2. Restart spoold.\n"
    )
    (problem,) = read(tmp_path, "print.md", text).problems
    assert problem.symptoms.startswith("Jobs stay in the queue")
    assert problem.cause == ""


def test_a_diagnostics_entry_s_one_paragraph_is_its_cause_then_its_step(tmp_path: Path) -> None:
    # An entry with no list: its one paragraph says what is wrong and then what to do. Whole, it was the
    # problem's one step, the explanation with it.
    text = SPOOLD_PAGE.replace(
        "              The printer is paused or out of paper.\n\n              1.  Check the printer's panel.\n",
        "              The printer is paused or out of paper. Check the printer's\n"
        "              panel and resume the queue with spoolctl resume.\n",
    )
    _, refused = read(tmp_path, "spoold.txt", text).problems
    assert refused.cause == "The printer is paused or out of paper."
    assert [" ".join(s.text.split()) for s in refused.steps] == [
        "Check the printer's panel and resume the queue with spoolctl resume."
    ]


def test_an_error_section_s_one_paragraph_that_only_tells_what_to_do_is_its_step(tmp_path: Path) -> None:
    # Guard: a paragraph that opens by telling what to do is the step, whole.
    text = (
        "# Print server errors\n\n## S310: printer refused the job\n\n"
        "Check the printer's panel. Resume the queue with `spoolctl resume`.\n"
    )
    (problem,) = read(tmp_path, "print.md", text).problems
    assert [s.text for s in problem.steps] == [
        "Check the printer's panel. Resume the queue with spoolctl resume."
    ]
    assert problem.symptoms == "" and problem.cause == ""
