"""Review r10b's Foswiki/TWiki and Backstage TechDocs findings: a TML topic saved as .txt (``---+``
headings, items indented by three spaces, ``*Symptoms*`` labels, ``=fixed=`` text holding an error,
``%X%`` warnings, ``%META:``/``%TOC%`` variables, a signature), a runbook's table of alerts and their first
actions, and a ``--8<--`` snippet include after a fix's steps.

Each test writes a small article of its own in the style, finds it as `kb index` does and reads it with the
real indexer (or indexes it and asks the matcher); a guard beside each keeps the nearest shape as it was read.
"""

from __future__ import annotations

from pathlib import Path

from live import cpu_budget
from test_house_styles import read

from api.knowledge import KnowledgeBase
from api.matcher import match
from indexer.build import build_index
from indexer.tml_text import tml_markdown

FOSWIKI_SCANNERS = """\
%META:TOPICINFO{author="RiaVos" date="1791000000" format="1.1" version="7"}%
%META:TOPICPARENT{name="ScanStationSupport"}%
---+!! !ScanDesk scanner troubleshooting

%TOC%

Known problems with the !ScanDesk capture service on the mailroom scanners.

---++ Capture service stops after login

*Symptoms*
   * The =ScanDeskCapture= service is _Stopped_ after every reboot.
   * The event log shows =Error 7034: The ScanDesk Capture service terminated unexpectedly.=

*Cause:* the service starts before the network share it writes to is mounted.

*Resolution*
   1. Open =services.msc= and set the service to *Automatic (Delayed Start)*.
   1. Set the recovery actions:
      1. First failure: *Restart the Service*.
      1. Second failure: *Restart the Service*.
   1. Start it with:
<verbatim>
sc start ScanDeskCapture
</verbatim>

%X% *Warning:* do not run the service as a domain administrator.

---++ Scans arrive blank

*Symptoms*
   * Every page in the output folder is white.

*Cause:* the glass calibration was lost after the firmware update.

*Resolution*
   1. On the scanner choose *Maintenance > Calibrate*.
   1. Scan a test page and compare it with [[ScanTestPages][the reference sheet]].

-- Main.RiaVos - 02 Nov 2026
"""


def test_a_foswiki_topic_s_plus_headings_head_its_problems(tmp_path: Path) -> None:
    # Before: no "---+" line was a heading: one whole-article problem titled "---+!! !ScanDesk …", its
    # symptom bullets read as steps among both fixes, and the warning in no problem.
    article = read(tmp_path / "kb", "scandesk.txt", FOSWIKI_SCANNERS)
    assert article.title == "ScanDesk scanner troubleshooting"
    stops, blank = article.problems
    assert (stops.title, blank.title) == ("Capture service stops after login", "Scans arrive blank")
    assert "is Stopped after every reboot" in stops.symptoms
    assert stops.cause.startswith("the service starts before the network share")
    assert [(s.number, s.text) for s in stops.steps] == [
        ("1", "Open services.msc and set the service to Automatic (Delayed Start)."),
        ("2", "Set the recovery actions:"),
        ("2.1", "First failure: Restart the Service."),
        ("2.2", "Second failure: Restart the Service."),
        ("3", "Start it with:\nsc start ScanDeskCapture"),
    ]
    assert [n.text for n in stops.notes] == ["Warning: do not run the service as a domain administrator."]
    assert [s.text for s in blank.steps] == [
        "On the scanner choose Maintenance > Calibrate.",
        "Scan a test page and compare it with the reference sheet.",
    ]
    # The topic's variables and signature are no text of a problem.
    assert not any("%" in n.text or "RiaVos" in n.text for n in blank.notes)
    assert "RiaVos" not in blank.symptoms + blank.cause


def test_a_foswiki_topic_is_answered_per_problem(tmp_path: Path) -> None:
    # Before: "scandesk scans blank" was answered with the one whole-article problem and its mixed steps.
    read(tmp_path / "kb", "scandesk.txt", FOSWIKI_SCANNERS)
    build_index([tmp_path / "kb"], tmp_path / "kb.db")
    answer = match(KnowledgeBase(tmp_path / "kb.db"), "scanned pages arrive blank, every page is white")
    assert answer.matches[0].problem.title == "Scans arrive blank"


def test_tml_fixed_text_is_code_and_an_error_in_it_the_problem_s_message(tmp_path: Path) -> None:
    # Before: "=Error 7034: …=" was text with its marks: no error message, no code.
    stops = read(tmp_path / "kb", "scandesk.txt", FOSWIKI_SCANNERS).problems[0]
    assert stops.error_messages == ["Error 7034: The ScanDesk Capture service terminated unexpectedly."]
    assert stops.error_codes == ["7034"]
    assert "=" not in stops.steps[0].text
    # A "=" inside a word is no mark: the fixed text runs to the "=" that a space or punctuation follows.
    markdown = tml_markdown("---+ Agent\n\n   * Set =ExcludeRange=10.2.0.0/24= in a=b form.\n")
    assert markdown is not None
    assert "`ExcludeRange=10.2.0.0/24` in a=b form." in markdown


PLAIN_NOTES = """\
Mailroom scanner notes
----------------------

--- stations left in a bad state (query output) ---

 id | station | state
----+---------+---------
  1 | north   | stopped

   * Check the share is mounted.
   1. Restart the capture service.

Reboot the scanner if pages stay white: =this is no code=.
"""


def test_plain_text_with_dashes_and_indented_items_is_no_foswiki_topic(tmp_path: Path) -> None:
    # The nearest shape: a text note underlined with dashes, with a line between dashes, a query's table
    # (its border "----+----") and items indented by three spaces, but no "---+" heading, stays plain text.
    assert tml_markdown(PLAIN_NOTES) is None
    article = read(tmp_path / "kb", "notes.txt", PLAIN_NOTES)
    assert article.title == "Mailroom scanner notes"
    assert "=this is no code=" in article.body + "".join(p.symptoms + p.body for p in article.problems)


def test_a_foswiki_topic_of_marks_left_open_is_rewritten_in_linear_time() -> None:
    # Lines that open fixed text, bold, italics and links and never close them (about 600 KB): each mark's
    # span is looked for only so far along its line.
    lines = [
        "=a " * 30_000,
        "==a " * 30_000,
        "*a " * 30_000,
        "_a " * 30_000,
        "__a " * 30_000,
        "[[a][" * 30_000,
    ]
    topic = "%TOC%\n---+ Printer faults\n\n" + "\n".join(f"   * {line}" for line in lines) + "\n<verbatim>\n"
    with cpu_budget(2.0):
        markdown = tml_markdown(topic)
    assert markdown is not None
    assert "# Printer faults" in markdown


def test_a_long_heading_line_and_a_line_of_open_variables_are_read_in_linear_time() -> None:
    # A heading whose words end in a long run of blanks (the lazy words tried against the blanks at each
    # length: 179 s for 100 kB), and a line of variables whose braces never close (each tried to the line's
    # end: 5.6 s for 100 kB, in every .txt article with "---" in it).
    topic = "%TOC%\n---+ Printer faults" + " " * 100_000 + "x\n   * Restart the spooler.\n"
    opened = "Notes\n---\n" + "%A{" * 33_333 + "\n"
    with cpu_budget(2.0):
        markdown = tml_markdown(topic)
        assert tml_markdown(opened) is None
    assert markdown is not None
    assert markdown.split("\n")[1] == "# Printer faults" + " " * 100_000 + "x"
    # The nearest shape: blanks after a heading's words are no part of its title, and a variable whose
    # braces hold another ("%INCLUDE{"%WEB%.Footer"}%") marks a topic.
    article = '---++ Printer faults   \n%INCLUDE{"%WEB%.Footer"}%\n'
    assert tml_markdown(article) == "## Printer faults\n\n"


TECHDOCS_PAYMENTS = """\
# payments-gateway runbook

--8<-- "includes/abbreviations.md"

## Card payments time out

**Symptoms:** checkout logs show `PGW-4081 acquirer did not answer within 15000 ms`.

1. Check the acquirer's status page.
2. Switch traffic to the fallback acquirer with `pgwctl route --acquirer fallback`.

--8<-- "includes/escalation.md"

!!! note
    Use the `--8<-- "file.md"` line to pull a shared part into a page.
"""


def test_a_snippet_include_after_a_fix_s_steps_is_no_note(tmp_path: Path) -> None:
    # Before: the build directive was a note after the steps, shown under the problem's fix.
    (problem,) = read(tmp_path / "kb", "payments.md", TECHDOCS_PAYMENTS).problems
    assert [s.text for s in problem.steps] == [
        "Check the acquirer's status page.",
        "Switch traffic to the fallback acquirer with pgwctl route --acquirer fallback.",
    ]
    # The nearest shape: a note that quotes the directive in its text stays a note.
    assert [n.text for n in problem.notes] == [
        'Note: Use the --8<-- "file.md" line to pull a shared part into a page.'
    ]


TECHDOCS_SEARCH = """\
# search-indexer runbook

## Alerts

| Alert | Meaning | First action |
| --- | --- | --- |
| `SearchIndexerBacklogHigh` | more than 50k documents wait to be indexed | Add two indexer workers |
| `SearchIndexerShardUnassigned` | a shard has no node | Restart the node that left the cluster |

## Alert routing

| Alert level | Sent to |
| --- | --- |
| critical | the on-call phone |
| warning | the team channel |

## Queries return stale results

**Symptoms:** results miss documents added in the last hour; the indexer logs `SIX-2207 refresh skipped`.

1. Run `six-admin refresh --all`.
"""


def test_a_runbook_s_table_of_alerts_gives_a_problem_per_alert(tmp_path: Path) -> None:
    # Before: the table was body text: its alerts and their first actions were in no problem.
    article = read(tmp_path / "kb", "search-indexer.md", TECHDOCS_SEARCH)
    backlog, shard, stale = article.problems
    assert (backlog.title, backlog.error_codes) == ("SearchIndexerBacklogHigh", ["SearchIndexerBacklogHigh"])
    assert backlog.cause == "more than 50k documents wait to be indexed"
    assert [s.text for s in backlog.steps] == ["Add two indexer workers"]
    assert [s.text for s in shard.steps] == ["Restart the node that left the cluster"]
    # The nearest shape: a table whose column says an alert's level, not its name, names no problem.
    assert stale.title == "Queries return stale results"
    build_index([tmp_path / "kb"], tmp_path / "kb.db")
    answer = match(KnowledgeBase(tmp_path / "kb.db"), "SearchIndexerShardUnassigned firing")
    assert answer.matches[0].problem.title == "SearchIndexerShardUnassigned"


TECHDOCS_CACHE = """\
# cache-proxy runbook

## Alerts

| Alert | Meaning | First action |
| --- | --- | --- |
| `CacheProxyHitRatioLow` | hit ratio under 60% for 15 min | See [Hit ratio drops](#hit-ratio-drops) |
| `CacheProxyDiskFull` | cache volume above 95% | Purge objects older than 7 days |

## Hit ratio drops

**Symptoms:** the origin's request rate doubles; the proxy logs `CPX-3304 cache key mismatch`.

1. Compare the `Vary` headers of two responses for the same URL.
2. Remove `Cookie` from the cache key.
"""


def test_an_alert_whose_first_action_points_to_a_section_is_that_section_s_code(tmp_path: Path) -> None:
    # Before (with the alert table read): the row was a problem of its own, its one step the pointer "See Hit
    # ratio drops", beside the section that holds the fix.
    article = read(tmp_path / "kb", "cache-proxy.md", TECHDOCS_CACHE)
    disk, drops = article.problems
    # The nearest shape: a row whose action is what to do stays a problem of its own.
    assert (disk.title, [s.text for s in disk.steps]) == (
        "CacheProxyDiskFull",
        ["Purge objects older than 7 days"],
    )
    assert drops.title == "Hit ratio drops"
    assert sorted(drops.error_codes) == ["CPX3304", "CacheProxyHitRatioLow"]
    assert [s.text for s in drops.steps][-1] == "Remove Cookie from the cache key."
    build_index([tmp_path / "kb"], tmp_path / "kb.db")
    answer = match(KnowledgeBase(tmp_path / "kb.db"), "CacheProxyHitRatioLow firing")
    assert answer.matches[0].problem.title == "Hit ratio drops"


TECHDOCS_ORDERS = """\
---
title: orders-api runbook
---
# orders-api runbook

## Alerts

| Alert | Meaning | First action |
| --- | --- | --- |
| `OrdersApiHighErrorRate` | more than 2% of requests fail | See [High error rate - EU](#high-error-rate-eu) |
| `OrdersApiSlowCheckout` | p95 above 3 s | See [Slow checkout](#slow-checkout-path) |
| `OrdersApiDiskFull` | volume above 95% | Purge exports older than 30 days |

## High error rate - EU

**Symptoms:** the EU gateway logs `ORD-5021 upstream reset by peer`.

1. Fail the EU region over to the standby cluster.
2. Restart the payment adapter pods.

## Slow checkout {#slow-checkout-path}

**Symptoms:** the checkout workers log `ORD-4410 cart lock timeout`.

1. Scale the checkout workers to 8.
"""


def test_a_pointer_to_a_section_finds_it_by_mkdocs_anchor_and_its_own_id(tmp_path: Path) -> None:
    # Before: "High error rate - EU" was looked for as GitHub writes it ("high-error-rate---eu"), and a heading's
    # own id ({#slow-checkout-path}) not at all: each row stayed a problem whose one step was the pointer.
    article = read(tmp_path / "kb", "orders.md", TECHDOCS_ORDERS)
    disk, errors, slow = article.problems
    assert sorted(errors.error_codes) == ["ORD5021", "OrdersApiHighErrorRate"]
    assert (slow.title, sorted(slow.error_codes)) == ("Slow checkout", ["ORD4410", "OrdersApiSlowCheckout"])
    # The nearest shape: a row whose action says what to do stays a problem of its own.
    assert (disk.title, [s.text for s in disk.steps]) == (
        "OrdersApiDiskFull",
        ["Purge exports older than 30 days"],
    )


TECHDOCS_LAGER = """\
# lager-api Runbook

## Alarme

| Alert | Meaning | First action |
| --- | --- | --- |
| `LagerApiLatenzHoch` | p95 über 2 s | Siehe [Latenz](#latenz). |
| `LagerApiPlatteVoll` | Volume über 95 % | Exporte älter als 30 Tage löschen |
| `LagerApiNeustart` | Pod startet neu | Den Pod `lager-api` neu starten |

## Latenz

**Symptome:** das Gateway protokolliert `LGR-3307 upstream langsam`.

1. Die Worker auf 6 skalieren.
2. Den Cache der Artikelliste leeren.
"""


def test_a_pointer_to_a_section_in_another_language_is_that_section_s_code(tmp_path: Path) -> None:
    # Before: only "See" or "Go to" before the link made a pointer: "Siehe [Latenz](#latenz)." stayed a problem of
    # its own whose one step was "Siehe Latenz".
    article = read(tmp_path / "kb", "lager.md", TECHDOCS_LAGER)
    titles = [p.title for p in article.problems]
    assert titles == ["LagerApiPlatteVoll", "LagerApiNeustart", "Latenz"]
    assert sorted(article.problems[2].error_codes) == ["LGR3307", "LagerApiLatenzHoch"]
    # The nearest shape: an action of a few words with code in it, and one of more words, stay steps.
    assert [s.text for s in article.problems[1].steps] == ["Den Pod lager-api neu starten"]


FOSWIKI_SPOOLER = """\
%META:TOPICINFO{author="JanSmit" date="1791000000" format="1.1" version="3"}%
---+ Print server troubleshooting

%TOC%

---++ Spooler stops
*Symptoms*
   * The spooler service stops after every print job.
*Resolution*
   1. Restart the spooler with =net start spooler=.
   1. Clear the queue folder
      =/var/spool/print/queue= and start the spooler again.
*Cause:* a corrupt driver in the queue.
"""


def test_an_unindented_line_right_under_a_tml_list_ends_it(tmp_path: Path) -> None:
    # Before: the "*Cause:*" line under the list was read as more of its last item, and the problem had no cause.
    (problem,) = read(tmp_path / "kb", "PrintServer.txt", FOSWIKI_SPOOLER).problems
    assert problem.title == "Spooler stops"
    assert problem.cause == "a corrupt driver in the queue."
    # The nearest shape: an item's text wrapped onto a line indented under it is still that item's.
    assert [" ".join(s.text.split()) for s in problem.steps] == [
        "Restart the spooler with net start spooler.",
        "Clear the queue folder /var/spool/print/queue and start the spooler again.",
    ]


FOSWIKI_PRINTER_ERRORS = """\
%META:TOPICINFO{author="JanSmit" date="1791000000" format="1.1" version="5"}%
---+ Label printer troubleshooting

%TOC%

---++ Printer error codes
| *Error* | *Fix* |
| =E-207 label stock jammed at the cutter= | Open the cutter cover and pull the label out. |
| =E-318 print head over temperature= | Let the printer cool for 10 minutes. %BR% Lower the print speed. |

---++ Labels print blank
*Symptoms*
   * Every label comes out white.
*Resolution*
   1. Turn the ribbon over: its ink side faces the labels.
"""


def test_a_tml_table_under_a_bold_header_row_is_a_table(tmp_path: Path) -> None:
    # Before: the table was one paragraph ("| **Error** | **Fix** | | `E-207 …` | …"), one step of nothing, its
    # errors no problems, and "%BR%" left in.
    article = read(tmp_path / "kb", "LabelPrinter.txt", FOSWIKI_PRINTER_ERRORS)
    jam, heat, blank = article.problems
    assert (jam.title, jam.error_messages) == (
        "E-207 label stock jammed at the cutter",
        ["E-207 label stock jammed at the cutter"],
    )
    assert [s.text for s in heat.steps] == ["Let the printer cool for 10 minutes. Lower the print speed."]
    assert (blank.title, [s.text for s in blank.steps]) == (
        "Labels print blank",
        ["Turn the ribbon over: its ink side faces the labels."],
    )
    build_index([tmp_path / "kb"], tmp_path / "kb.db")
    answer = match(KnowledgeBase(tmp_path / "kb.db"), "E-318 print head over temperature")
    assert answer.matches[0].problem.title == "E-318 print head over temperature"
    # The nearest shape: rows under no header of bold cells are left as they were written.
    assert (
        tml_markdown("%TOC%\n---+ Notes\n| tray 1 | A4 |\n| tray 2 | A5 |")
        == "\n# Notes\n| tray 1 | A4 |\n| tray 2 | A5 |"
    )


TECHDOCS_BILLING = """\
# billing-worker runbook

## Invoices are not sent

**Symptoms:** the worker logs `BLW-1203 mail relay refused the connection`.

1. Check the relay's allow list for the worker's address.
2. Resend the day's invoices with `billingctl resend --since today`.

--8<--
includes/escalation.md
includes/abbreviations.md
--8<--

--8<--
Cut the report along this line before you file it.
--8<--
"""


def test_a_snippet_include_block_after_a_fix_s_steps_is_no_note(tmp_path: Path) -> None:
    # Before: the block form of the include ("--8<--", a path a line, "--8<--") was a note after the steps.
    (problem,) = read(tmp_path / "kb", "billing.md", TECHDOCS_BILLING).problems
    assert [s.text for s in problem.steps] == [
        "Check the relay's allow list for the worker's address.",
        "Resend the day's invoices with billingctl resend --since today.",
    ]
    # The nearest shape: marks around a sentence, no file's path, stay the page's text.
    assert [" ".join(n.text.split()) for n in problem.notes] == [
        "--8<-- Cut the report along this line before you file it. --8<--"
    ]
