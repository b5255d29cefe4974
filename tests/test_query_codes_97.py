"""How a pasted query's error codes are read, the same way as the articles' (reread D #8, R9b §10, R10b §5):
an installer's exit code a query names ("msiexec returned exit code 1618"), which finds the problem its
title names by it; and an alert's name that a runbook's table of alerts gives as its row's error, pasted
with other words ("… firing").

Each test writes a small article of its own in a house style, reads it with the real indexer or indexes
it and asks the matcher; a guard beside each keeps the nearest shape as it was read.
"""

from __future__ import annotations

import time
from pathlib import Path

from test_house_styles import read

from api.knowledge import KnowledgeBase
from api.matcher import match
from api.query import prepare
from indexer.build import build_index
from indexer.errortext import exit_codes

NEXTRA_INSTALLER = """\
# Installing the Parcelbay desktop agent

## Setup exits with code 1618

Setup stops at once when it is started from the software portal.

**Cause:** another installation is running, often a Windows update in the background.

1. Wait for Windows Update to finish, or restart the PC.
2. Start Setup again from the software portal.

## Setup exits with code 1603

Setup rolls back near the end and closes.

**Cause:** an older Parcelbay agent is still installed for another user.

1. Open **Settings → Apps** and uninstall **Parcelbay Agent**.
2. Restart the PC and run Setup again.
"""


def test_a_pasted_exit_code_finds_the_problem_its_title_names(tmp_path: Path) -> None:
    # Before: the titles gave the codes 1618 and 1603, but a paste that says "exit code 1618" gave the query
    # no code: the title itself, pasted, was answered "medium" at best.
    article = read(tmp_path / "kb", "installer.mdx", NEXTRA_INSTALLER)
    assert [p.error_codes for p in article.problems] == [["1618"], ["1603"]]
    build_index([tmp_path / "kb"], tmp_path / "kb.db")
    kb = KnowledgeBase(tmp_path / "kb.db")
    for query, title in [
        (
            "MSI (s) (A4:1C) Product: Parcelbay Agent -- msiexec returned exit code 1618",
            "Setup exits with code 1618",
        ),
        ("Setup exits with code 1603", "Setup exits with code 1603"),
        ("the installer exited with code 1603 after the rollback", "Setup exits with code 1603"),
    ]:
        answer = match(kb, query)
        assert (answer.matches[0].problem.title, answer.matches[0].confidence) == (title, "high"), query
        # Only looked up among the codes the index knows, as the article reads it: not reported as the query's.
        assert answer.error_codes == []
    # The nearest shape: an exit code of a digit or two is what any failed program exits with, no code.
    assert prepare("Process completed with exit code 1.").codes_if_known == []
    assert prepare("Setup exits with code 16").codes_if_known == []
    # Nor is a POSIX status of three digits, which says what the shell or a signal did: 127 is "command not
    # found" to any CI runner, not a Windows "Error 127" (reread G #3).
    assert prepare("Error: Process completed with exit code 127.").codes_if_known == []
    assert exit_codes("Setup exits with code 255") == []


def test_a_run_of_blanks_after_exit_code_costs_no_more_than_its_length() -> None:
    # Reread G: the blanks between "exit code" and the number backtracked, 271 s on a 100 kB line.
    started = time.perf_counter()
    assert exit_codes("exit code" + " " * 100_000 + "x") == []
    assert time.perf_counter() - started < 1.0


TECHDOCS_BILLING = """\
# billing-worker runbook

## Alerts

| Alert | Meaning | First action |
| --- | --- | --- |
| `BillingWorkerInvoiceBacklog` | more than 5k invoices wait to be rendered | Scale the renderer to 8 replicas |
| `BillingWorkerLedgerLocked` | the ledger table lock is held for over 2 min | Kill the session that holds the lock |

## Invoices are sent twice

**Symptoms:** the worker logs `BIL-4410 duplicate dispatch token` and customers get two e-mails.

1. Clear the dispatch cache with `billingctl cache purge dispatch`.
"""


def test_an_alert_named_with_other_words_is_answered_by_its_row(tmp_path: Path) -> None:
    # Before: the row's problem quotes the alert's name alone as its message, which a paste of it with other
    # words ("… firing", Alertmanager's "[FIRING:1] …") did not align with: its answer was held "low".
    article = read(tmp_path / "kb", "billing-worker.md", TECHDOCS_BILLING)
    backlog, locked, twice = article.problems
    assert (locked.title, locked.error_codes) == ("BillingWorkerLedgerLocked", ["BillingWorkerLedgerLocked"])
    build_index([tmp_path / "kb"], tmp_path / "kb.db")
    kb = KnowledgeBase(tmp_path / "kb.db")
    for query, title in [
        ("BillingWorkerLedgerLocked firing", locked.title),
        ("[FIRING:1] BillingWorkerInvoiceBacklog (billing-worker critical)", backlog.title),
        ("alert BillingWorkerLedgerLocked: the ledger table lock is held", locked.title),
    ]:
        answer = match(kb, query)
        assert (answer.matches[0].problem.title, answer.matches[0].confidence) == (title, "high"), query
    # The nearest shape: a code whose problem quotes a message of its own words is not that message pasted
    # whole where the query names only the code beside other words: it stays short of "high".
    answer = match(kb, "BIL-4410 firing")
    assert (answer.matches[0].problem.title, answer.matches[0].confidence) == (twice.title, "medium")
