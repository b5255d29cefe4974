"""Articles in support teams' house styles: message references, runbooks, vendor KB exports.

Each test writes a small article of its own to a file and reads it with the real indexer.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from live import cpu_budget

from api.knowledge import KnowledgeBase
from api.matcher import match
from api.query import prepare
from indexer.bbcode_text import bbcode_markdown
from indexer.build import build_index
from indexer.errortext import error_codes, labelled_numbers
from indexer.info_text import info_markdown
from indexer.jira_text import jira_markdown
from indexer.mediawiki_text import mediawiki_markdown
from indexer.parse import parse_article
from indexer.records import Article
from indexer.roles import Role, heading_role
from indexer.text_article import read_text_article
from indexer.tiddlywiki_text import tiddlywiki_markdown
from indexer.trac_text import trac_markdown
from indexer.usenet_text import usenet_markdown
from indexer.vms_help_text import vms_help_markdown
from indexer.xwiki_text import xwiki_markdown
from indexer.zim_text import zim_markdown


def _read(tmp_path: Path, name: str, text: str) -> Article:
    """The article the indexer reads from a file ``name`` holding ``text``."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return parse_article(path.read_bytes(), name)


def _found_by_code(folder: Path, db: Path, cases: list[tuple[str, str]]) -> None:
    """Index ``folder`` into ``db``; each asked text of ``cases`` has the expected problem first, found
    by its error code."""
    build_index([folder], db)
    kb = KnowledgeBase(db)
    for asked, expected in cases:
        best = match(kb, asked).matches[0]
        assert best.problem.id == expected, asked
        assert "error_code" in [e.field for e in best.evidence], asked


MESSAGE_REFERENCE = """# Ledger service messages

## LDG-0412: posting period is closed

**Cause:** The entry is dated in a period that finance has already closed.

**Action:** Date the entry in the current period, or ask finance to reopen the period.

## LDG-0977: ledger lock held by another session

**Cause:** A month-end batch still holds the ledger lock.

**Action:**

1. Wait for the month-end batch to finish.
2. Post the entry again.
"""


def test_each_message_with_cause_and_action_labels_is_a_problem_whose_action_is_the_fix(
    tmp_path: Path,
) -> None:
    article = _read(tmp_path, "ledger.md", MESSAGE_REFERENCE)
    assert [p.title for p in article.problems] == [
        "LDG-0412: posting period is closed",
        "LDG-0977: ledger lock held by another session",
    ]
    closed, lock = article.problems
    assert closed.cause == "The entry is dated in a period that finance has already closed."
    assert [s.text for s in closed.steps] == [
        "Date the entry in the current period, or ask finance to reopen the period."
    ]
    assert [s.text for s in lock.steps] == [
        "Wait for the month-end batch to finish.",
        "Post the entry again.",
    ]


VENDOR_SOLUTION = """# Print server drops jobs after the nightly patch

## Issue

Jobs sent to the print server vanish from the queue without printing.

## Resolution

1. Reinstall the print driver package.
2. Restart the print server service.

## Root Cause

The nightly patch replaced the driver's filter with an older build.

## Diagnostic Steps

1. Check the queue with `lpstat -o`.
2. Look for `filter failed` in the print server log.
"""


def test_diagnostic_steps_are_searchable_but_not_the_fix(tmp_path: Path) -> None:
    (problem,) = _read(tmp_path, "print-server.md", VENDOR_SOLUTION).problems
    assert [s.text for s in problem.steps] == [
        "Reinstall the print driver package.",
        "Restart the print server service.",
    ]
    assert "lpstat -o" in problem.body


ATLASSIAN_KB = """# Page export to PDF fails part way

## Summary

Exporting a large space to PDF stops part way and the export dialog shows an error.

## Environment

Wiki server 8.5

## Diagnosis

The application log shows:

```
java.lang.OutOfMemoryError: Java heap space
```

## Cause

The heap is too small for the number of pages in the space.

## Solution

1. Raise the heap size to 8 GB.
2. Export the space again.
"""


def test_a_summary_is_the_problem_statement_of_a_kb_that_has_no_symptoms_part(tmp_path: Path) -> None:
    # Atlassian's knowledge base (and an issue tracker) states the problem under "Summary": read
    # as a note, the answer showed no symptoms.
    (problem,) = _read(tmp_path, "pdf-export.md", ATLASSIAN_KB).problems
    assert problem.symptoms.startswith("Exporting a large space to PDF stops part way")
    assert problem.origins["symptoms"] == [5]
    assert "Exporting" not in problem.body
    assert problem.error_messages == ["java.lang.OutOfMemoryError: Java heap space"]
    beside = ATLASSIAN_KB.replace(
        "## Environment", "## Symptoms\n\nThe export dialog shows an error.\n\n## Environment"
    )
    (problem,) = _read(tmp_path, "pdf-export-2.md", beside).problems
    assert problem.symptoms == "The export dialog shows an error."
    assert "Exporting a large space" in problem.body


def test_a_kb_s_notice_in_emphasis_of_what_it_applies_to_is_no_symptom(tmp_path: Path) -> None:
    # The knowledge base's line in italics, label and value alike, says which editions the page is
    # for: it was the problem's only symptom, and the Summary under it only a note.
    noticed = ATLASSIAN_KB.replace(
        "## Summary",
        "_Edition notice: Self-managed only. This page is for the self-managed editions._\n\n## Summary",
    )
    article = _read(tmp_path, "pdf-export.md", noticed)
    (problem,) = article.problems
    assert problem.symptoms.startswith("Exporting a large space to PDF stops part way")
    assert "Edition notice: Self-managed only." in article.body


CLOUD_KNOWLEDGE_CENTER = """# How do I resolve the "AccessDenied: not authorized to perform queue:SendMessage" error?

I get **AccessDenied: not authorized to perform queue:SendMessage** when my function sends to the order queue.

## Short description

You receive this error when the role of your function has no policy that allows it to send to the queue.
The queue's own policy can also deny the role.

## Resolution

### Add the permission to the role

1. Open the role of the function.
2. Attach a policy that allows `queue:SendMessage` on the queue.

### Check the queue's policy

1. Open the queue's access policy.
2. Remove any statement that denies the role.

## Related information

[Queue access policies](https://example.com/queue-policies)
"""


def test_a_knowledge_centers_short_description_is_the_cause_where_no_part_states_one(tmp_path: Path) -> None:
    # AWS's Knowledge Center says why the error happens under "Short description", before its
    # Resolution: it was only searchable, and the answer had no cause.
    (problem,) = _read(tmp_path, "send-denied.md", CLOUD_KNOWLEDGE_CENTER).problems
    assert problem.cause.startswith("You receive this error when the role of your function has no policy")
    assert problem.origins["cause"] == [7]
    assert "You receive this error" not in problem.body
    assert [s.text for s in problem.steps][:1] == ["Open the role of the function."]
    # Beside a Cause part, or where it says what to do, it stays searchable only.
    beside = CLOUD_KNOWLEDGE_CENTER.replace(
        "## Resolution", "## Cause\n\nThe role lacks the permission.\n\n## Resolution"
    )
    (problem,) = _read(tmp_path, "send-denied-2.md", beside).problems
    assert problem.cause == "The role lacks the permission."
    assert "You receive this error when" in problem.body
    told = CLOUD_KNOWLEDGE_CENTER.replace(
        "You receive this error when", "To resolve this error, find out why"
    ).replace("The queue's own policy can also deny the role.\n", "")
    (problem,) = _read(tmp_path, "send-denied-3.md", told).problems
    assert problem.cause == ""
    assert "To resolve this error, find out why" in problem.body


VIRTUALIZATION_KB = """# Hypervisor host drops from the console with "Cannot reach host agent"

### Symptoms

- The host shows as **Disconnected** in the console.

### Cause

The host agent runs out of memory on hosts with many virtual machines.

### Resolution

This is a known issue of Hypervisor 6.1. It is fixed in Hypervisor 6.1 Patch 3, available from the download portal.

**Workaround:**

To work around this issue, raise the memory limit of the host agent:

1. Sign in to the host over SSH.
2. Raise the limit with `agentctl memory --max 600`.
3. Restart the host agent.
"""


def test_a_release_that_fixes_the_problem_is_the_fix_and_the_workaround_a_group_of_its_own(
    tmp_path: Path,
) -> None:
    # A virtualization vendor's KB says under Resolution which release fixes the problem, then gives
    # a Workaround's steps: the release was a note before the steps, which read as the fix, unlabelled.
    (problem,) = _read(tmp_path, "agent-memory.md", VIRTUALIZATION_KB).problems
    assert [(s.group, s.number, s.text[:40]) for s in problem.steps] == [
        ("Resolution", "1", "This is a known issue of Hypervisor 6.1."),
        ("Workaround", "1", "Sign in to the host over SSH."),
        ("Workaround", "2", "Raise the limit with agentctl memory --m"),
        ("Workaround", "3", "Restart the host agent."),
    ]
    assert [(n.group, n.text) for n in problem.notes] == [
        ("Workaround", "To work around this issue, raise the memory limit of the host agent:")
    ]


@pytest.mark.parametrize(
    "said",
    [
        # No release named: what the fix section says before its sub-sections' steps is their lead-in.
        "This will be fixed in a future release.",
        "There are two ways to work around this issue, described in the next section.",
    ],
)
def test_a_fix_section_s_words_over_a_workaround_that_name_no_release_stay_its_lead_in(
    said: str, tmp_path: Path
) -> None:
    text = VIRTUALIZATION_KB.replace(
        "This is a known issue of Hypervisor 6.1. It is fixed in Hypervisor 6.1 Patch 3, available from the download portal.",
        said,
    )
    (problem,) = _read(tmp_path, "agent-memory.md", text).problems
    assert [(s.group, s.number) for s in problem.steps] == [(None, "1"), (None, "2"), (None, "3")]
    assert said in [n.text for n in problem.notes]


def test_a_release_named_above_a_fix_s_own_list_stays_its_lead_in(tmp_path: Path) -> None:
    # The section's own list is its steps: what it says before them leads them in, whatever it names.
    text = VIRTUALIZATION_KB.replace("**Workaround:**\n\n", "")
    (problem,) = _read(tmp_path, "agent-memory.md", text).problems
    assert problem.steps[0].text == "Sign in to the host over SSH."
    assert any("fixed in Hypervisor 6.1 Patch 3" in n.text for n in problem.notes)


QUESTION_AND_ANSWER = """# Report export times out

**Question**

When I export a large report, the browser shows "Request timed out: the report took too long to run". How do I get the data?

**Answer**

Schedule the report instead of exporting it:

1. Open the report and click **Subscribe**.
2. Open the emailed file when it arrives.
"""

ALERT_SECTION_RUNBOOK = """# HighErrorRate

## Alert

`HighErrorRate` fires when more than 5% of checkout requests fail for 10 minutes.

## Mitigation

1. Roll back the last deploy.
2. Watch the error rate for 10 minutes.
"""


def test_a_question_and_answer_article_asks_its_symptoms_and_answers_its_fix(tmp_path: Path) -> None:
    # Salesforce Knowledge's Question/Answer articles: read as one whole-article problem, the
    # answer's lead-in was a symptom.
    (problem,) = _read(tmp_path, "report-export.md", QUESTION_AND_ANSWER).problems
    assert problem.symptoms.startswith("When I export a large report")
    assert problem.error_messages == ["Request timed out: the report took too long to run"]
    assert [s.text for s in problem.steps] == [
        "Open the report and click Subscribe.",
        "Open the emailed file when it arrives.",
    ]
    assert [n.text for n in problem.notes] == ["Schedule the report instead of exporting it:"]


def test_a_runbooks_alert_section_says_when_it_fires(tmp_path: Path) -> None:
    (problem,) = _read(tmp_path, "high-error-rate.md", ALERT_SECTION_RUNBOOK).problems
    assert problem.symptoms.startswith("HighErrorRate fires when")
    assert problem.steps[0].text == "Roll back the last deploy."


def test_a_runbooks_checklist_items_are_steps_without_their_boxes(tmp_path: Path) -> None:
    runbook = (
        "# Disk full\n\n## Alert: NodeFilesystemAlmostFull\n\nBuilds fail: no space left on device.\n\n"
        "### Mitigation\n\n- [ ] Confirm usage: `df -h /var/lib/docker`\n- [x] Prune images: `docker image prune -af`\n"
        "  - [ ] Check again.\n"
    )
    (problem,) = _read(tmp_path, "disk-full.md", runbook).problems
    assert [(s.number, s.text, s.markdown) for s in problem.steps] == [
        ("1", "Confirm usage: df -h /var/lib/docker", "Confirm usage: `df -h /var/lib/docker`"),
        ("2", "Prune images: docker image prune -af", "Prune images: `docker image prune -af`"),
        ("2.1", "Check again.", "Check again."),
    ]


KNOWN_ISSUES = """# Known issues in Agent 7.4

- **Agent fails to start after upgrade.** The service log shows `FATAL: config version 3 is not supported`. **Workaround:** run `agent migrate-config` and start the service again.
- **Metrics are missing for Windows hosts.** No error is shown. **Workaround:** enable the `perfcounter` check.
"""


def test_each_known_issue_with_a_workaround_label_is_a_problem(tmp_path: Path) -> None:
    # Release notes list each issue as a bold sentence, what is seen, then a labelled fix: read as
    # one whole-article problem, each item was a step, its symptoms and error text among the fix.
    first, second = _read(tmp_path, "known-issues.md", KNOWN_ISSUES).problems
    assert (first.title, second.title) == (
        "Agent fails to start after upgrade",
        "Metrics are missing for Windows hosts",
    )
    assert first.symptoms == "The service log shows FATAL: config version 3 is not supported."
    assert first.error_messages == ["config version 3 is not supported"]
    assert [(s.text, s.markdown) for s in first.steps] == [
        (
            "run agent migrate-config and start the service again.",
            "run `agent migrate-config` and start the service again.",
        )
    ]
    assert second.symptoms == "No error is shown."
    # Bold sentences that open steps, with no fix label, are still steps.
    steps = "# Troubleshooting the agent\n\n- **Check the log.** Look for errors.\n- **Restart it.** Run `agent restart`.\n"
    (problem,) = _read(tmp_path, "steps.md", steps).problems
    assert [s.text for s in problem.steps] == [
        "Check the log. Look for errors.",
        "Restart it. Run agent restart.",
    ]


KNOWN_ISSUES_ON_LINES = """# SyncBox 4.2 release notes

## Known issues

- **Upgrade fails with "Error 1603: Fatal error during installation".**
  The upgrade fails when the 3.x client is still running.
  Workaround: Quit SyncBox from the tray, then install 4.2.

- **Proxy authentication fails on macOS.**
  The client logs `HTTP 407 Proxy Authentication Required` and shows "Offline".
  Workaround:
  1. Open **Preferences** > **Network** > **Proxy**.
  2. Enter the proxy credentials.
"""


def test_a_known_issues_workaround_label_on_a_line_of_its_own_labels_its_fix(tmp_path: Path) -> None:
    # One problem "Known issues" whose steps were the issues: the plain "Workaround:" on a line of
    # its own was no fix label, and a fix label followed by a list left an empty step 1.
    first, second = _read(tmp_path, "release-notes.md", KNOWN_ISSUES_ON_LINES).problems
    assert first.title == 'Upgrade fails with "Error 1603: Fatal error during installation"'
    assert first.symptoms == "The upgrade fails when the 3.x client is still running."
    assert first.error_messages == ["Error 1603: Fatal error during installation"]
    assert [s.text for s in first.steps] == ["Quit SyncBox from the tray, then install 4.2."]
    assert second.error_messages == ["HTTP 407 Proxy Authentication Required"]
    assert [(s.number, s.text) for s in second.steps] == [
        ("1", "Open Preferences > Network > Proxy."),
        ("2", "Enter the proxy credentials."),
    ]
    # Bold, as well.
    bold = KNOWN_ISSUES_ON_LINES.replace("  Workaround:", "  **Workaround:**")
    assert [(s.number, s.text) for s in _read(tmp_path, "bold.md", bold).problems[1].steps] == [
        ("1", "Open Preferences > Network > Proxy."),
        ("2", "Enter the proxy credentials."),
    ]


ERROR_CODE_DEFINITIONS = """# Sync client errors

Error 0x8004de40
:   The client cannot connect to the cloud. Check the proxy settings.

Error 0x8004de85
:   The account is not signed in. Sign out and sign in again.
"""


def test_a_page_of_error_codes_and_what_to_do_gives_a_problem_per_code(tmp_path: Path) -> None:
    # A definition list of codes under a title that lists errors: read as one whole-article
    # problem, each code was a step.
    problems = _read(tmp_path, "sync-errors.md", ERROR_CODE_DEFINITIONS).problems
    assert [(p.title, p.error_codes) for p in problems] == [
        ("Error 0x8004de40", ["0x8004DE40"]),
        ("Error 0x8004de85", ["0x8004DE85"]),
    ]
    assert [s.text for s in problems[1].steps] == [
        "The account is not signed in. Sign out and sign in again."
    ]
    # The step's Markdown is its text as written, without the code it is labelled by.
    assert [s.markdown for s in problems[1].steps] == [s.text for s in problems[1].steps]
    # The same codes in a plain list under Troubleshooting.
    listed = "# Sync client\n\n## Troubleshooting\n\n- Error 0x8004de40: check the **proxy**.\n- Error 0x8004de85: sign in again.\n"
    listed_problems = _read(tmp_path, "sync.md", listed).problems
    assert [p.title for p in listed_problems] == [
        "Error 0x8004de40",
        "Error 0x8004de85",
    ]
    assert [(s.text, s.markdown) for s in listed_problems[0].steps] == [
        ("check the proxy.", "check the **proxy**.")
    ]


WIKI_KB = """# Builds fail with "disk quota exceeded" on the shared runners

## Environment

- Build runners 4.2 and later
- Shared storage on the ceph cluster

## Cause

Each project's cache counts against one quota of the runner group.

## Solution

1. Clear the project's cache from the runner settings.
2. Run the build again.
"""


def test_an_environment_list_says_where_the_problem_is_seen_and_is_no_step(tmp_path: Path) -> None:
    (problem,) = _read(tmp_path, "quota.md", WIKI_KB).problems
    assert [s.text for s in problem.steps] == [
        "Clear the project's cache from the runner settings.",
        "Run the build again.",
    ]
    assert "Build runners 4.2 and later" in problem.seen_in
    # A help centre's export labels its parts in bold: "**Environment**" was no label, and its list
    # went into the symptoms.
    labelled = "\n".join(
        f"**{line[3:]}**" if line.startswith("## ") else line for line in WIKI_KB.split("\n")
    ).replace("**Solution**", "**Resolution**")
    (problem,) = _read(tmp_path, "labelled.md", labelled).problems
    assert "Build runners 4.2 and later" in problem.seen_in
    assert "runners" not in problem.symptoms
    assert [s.text for s in problem.steps] == [
        "Clear the project's cache from the runner settings.",
        "Run the build again.",
    ]


REFERENCE_PAGE = """# relay(8) -- the mail relay daemon

## SYNOPSIS

`relay` [`--queue` DIR]

## OPTIONS

* `--queue` DIR: Keep the queue in DIR.
* `--verbose`: Log every delivery.

## ENVIRONMENT

Variables must have a value to be read. For example, run `export RELAY_DEBUG=1`.

The variables can also be set in the relay's environment files:

* `/etc/relay/relay.env` (system-wide)
* `~/.relay.env` (user-specific)
"""


def test_an_environment_section_alone_on_a_reference_page_keeps_its_own_title(tmp_path: Path) -> None:
    # Outside a problem's parts it lists what the tool reads, not where a problem is seen; titled
    # with the page's title, it matched every question that named the tool.
    problems = _read(tmp_path, "relay.md", REFERENCE_PAGE).problems
    assert "ENVIRONMENT" in [p.title for p in problems]


BUG_REPORT = """# `syncd pull` stops at 99% on large folders

## Describe the bug

Pulling a folder with more than 10,000 files stops at 99% and prints:

```
syncd: error: manifest digest mismatch for chunk 4412
```

## Steps to reproduce

1. Run `syncd pull big-folder`.

## Workaround

1. Pull the folder in parts with `syncd pull --max-files 5000`.
"""

ALERT_RUNBOOK = """# Queue alerts

## QueueBacklogGrowing

### Meaning

The mail queue has held more than 2,000 messages for ten minutes.

### Impact

- Outgoing mail is delayed.
- Password reset mails arrive late.

### Mitigation

1. Restart the mail relay.
"""


def test_a_bug_reports_description_is_its_symptoms_and_the_error_it_quotes_is_matched(
    tmp_path: Path,
) -> None:
    (problem,) = _read(tmp_path, "syncd.md", BUG_REPORT).problems
    assert "stops at 99%" in problem.symptoms
    assert problem.error_messages == ["syncd: error: manifest digest mismatch for chunk 4412"]
    assert [s.text for s in problem.steps] == ["Pull the folder in parts with syncd pull --max-files 5000."]


def test_a_runbooks_meaning_is_the_alerts_symptoms_and_its_impact_no_step(tmp_path: Path) -> None:
    (problem,) = _read(tmp_path, "queue.md", ALERT_RUNBOOK).problems
    assert problem.symptoms == "The mail queue has held more than 2,000 messages for ten minutes."
    assert [s.text for s in problem.steps] == ["Restart the mail relay."]


NAMED_ERRORS = """# Replication errors

## `LagTooHigh`

The replica is more than 300 seconds behind its primary.

### To resolve this error

1. Check the replica's disk throughput.
2. Pause the nightly export while the replica catches up.

## `SlotMissing`

The replication slot the replica uses was dropped on the primary.

### To resolve this error

1. Create the slot again on the primary.
"""


def test_a_named_error_over_how_to_resolve_it_is_a_problem_with_that_title(tmp_path: Path) -> None:
    article = _read(tmp_path, "replication.md", NAMED_ERRORS)
    assert [p.title for p in article.problems] == ["LagTooHigh", "SlotMissing"]
    assert "300 seconds behind" in article.problems[0].symptoms
    assert [s.text for s in article.problems[1].steps] == ["Create the slot again on the primary."]


GROUPED_ERRORS = """# Troubleshoot exporting reports

This page helps you resolve the errors the report exporter shows.

## Export errors

### `QuotaExceeded: export quota exceeded for today`

Your workspace has used its 50 exports for the day.

**To resolve this error**

1. Wait until midnight UTC, or ask an owner to raise the quota.

### `TemplateNotFound: template 'monthly' does not exist`

The report points to a template that was deleted.

**To resolve this error**

1. Choose another template in the report's settings.
"""


def test_each_error_under_a_heading_that_groups_errors_is_a_problem_of_its_own(tmp_path: Path) -> None:
    article = _read(tmp_path, "export.md", GROUPED_ERRORS)
    assert [p.title for p in article.problems] == [
        "QuotaExceeded: export quota exceeded for today",
        "TemplateNotFound: template 'monthly' does not exist",
    ]
    assert [s.text for s in article.problems[1].steps] == [
        "Choose another template in the report's settings."
    ]


POSTMORTEM = """# Search outage of 4 June: known errors

## Known errors

| Error | Cause | Fix |
| --- | --- | --- |
| `SRCH-503 shard unavailable` | A search node ran out of heap. | Restart the node and raise its heap to 8 GB. |

## Timeline

- 08:02 first shard alerts.
- 08:40 node restarted.

## Related

- Search cluster sizing guide
"""


def test_a_postmortems_timeline_and_related_links_are_no_problem_nor_steps(tmp_path: Path) -> None:
    (problem,) = _read(tmp_path, "search-outage.md", POSTMORTEM).problems
    assert problem.title == "SRCH-503 shard unavailable"
    assert [s.text for s in problem.steps] == ["Restart the node and raise its heap to 8 GB."]


def test_a_related_section_is_not_a_group_of_steps(tmp_path: Path) -> None:
    text = (
        "# Cache misses spike after deploys\n\n## Cause\n\nThe deploy empties the cache.\n\n"
        "## Resolution\n\n1. Warm the cache before switching traffic.\n\n## Related\n\n- Cache warming guide\n"
    )
    (problem,) = _read(tmp_path, "cache.md", text).problems
    assert [s.text for s in problem.steps] == ["Warm the cache before switching traffic."]


TECHNOTE = """<html><body>
<h1>LDG0412E The ledger service closed the connection</h1>
<h2>Symptom</h2>
<p>Postings fail with <code>LDG0412E</code>.</p>
<h2>Resolving The Problem</h2>
<ol><li>Raise the idle timeout of the load balancer.</li><li>Restart the ledger client.</li></ol>
<h3>Related Information</h3>
<ul><li><a href="https://example.com/ldg">Ledger message reference</a></li></ul>
<div class="page-record">
<h3>Document Information</h3>
<p>Modified date: 03 March 2026</p>
<p>Document number: 7140221</p>
</div>
</body></html>
"""


def test_a_support_site_s_document_information_after_the_fix_is_no_group_of_steps(tmp_path: Path) -> None:
    """Its modified date and number were a second group of steps, shown in the answer."""
    article = _read(tmp_path, "ldg0412.html", TECHNOTE)
    [problem] = article.problems
    assert [(s.group, s.text) for s in problem.steps] == [
        (None, "Raise the idle timeout of the load balancer."),
        (None, "Restart the ledger client."),
    ]
    assert "Document number: 7140221" in article.body


CODES_AFTER_FIX = """# Scanner stops with error S-210

## Symptoms

The panel shows **S-210 Feed motor stalled**.

## Resolution

1. Open the feeder and remove the torn sheet.

## {heading}

| Code | Meaning |
| --- | --- |
| S-210 | Feed motor stalled |
| S-214 | Feed motor too slow |
"""


def test_a_section_of_related_codes_after_the_fix_is_the_article_s_text_not_a_problem(tmp_path: Path) -> None:
    """It was a second problem without steps, whose error messages were the codes it lists."""
    article = _read(tmp_path, "s210.md", CODES_AFTER_FIX.format(heading="Related error codes"))
    [problem] = article.problems
    assert problem.error_messages == ["S-210 Feed motor stalled"]
    assert "S-214 | Feed motor too slow" in article.body


def test_a_problem_s_related_error_messages_and_a_heading_about_related_errors_are_read_as_before(
    tmp_path: Path,
) -> None:
    """Only the whole heading names the reading: its messages under "Related error messages" are the
    problem's, and "Related errors are logged twice" is a problem of its own."""
    text = CODES_AFTER_FIX.format(heading="Related error messages") + (
        "\n## Related errors are logged twice\n\nEach error shows twice in the log.\n\n"
        "### Resolution\n\n1. Turn off the second log handler.\n"
    )
    first, second = _read(tmp_path, "s210.md", text).problems
    assert any("S-214" in message for message in first.error_messages)
    assert second.title == "Related errors are logged twice"


BOLD_FAQ = """# Phone system FAQ

**Why does my desk phone show "No service"?**

The phone lost its connection to the call server. Unplug the network cable and plug it back in.

**Do not unplug the phone during a firmware update.**

**Calls drop after exactly 30 seconds.**

The firewall closes the call's media ports. Ask the network team to open the phone system's port range.
"""


def test_a_bold_sentence_after_a_bold_questions_answer_is_the_faqs_next_entry(tmp_path: Path) -> None:
    article = _read(tmp_path, "phones.md", BOLD_FAQ)
    assert [p.title for p in article.problems] == [
        'Why does my desk phone show "No service"?',
        "Calls drop after exactly 30 seconds.",
    ]
    assert "firmware update" in article.problems[0].body + " ".join(s.text for s in article.problems[0].steps)


def test_a_message_quoted_in_a_sentence_and_shown_with_a_full_stop_is_one_message(tmp_path: Path) -> None:
    text = (
        "# Wiki sign-in\n\n## Sign-in is refused\n\n### What you see\n\n"
        'You receive the error message "Session token rejected by the gateway" when you sign in.\n\n'
        "The page says:\n\n```\nSession token rejected by the gateway.\n```\n\n"
        "### How to fix it\n\n1. Sign out of every wiki tab.\n2. Sign in again.\n"
    )
    (problem,) = _read(tmp_path, "wiki.md", text).problems
    assert problem.error_messages == ["Session token rejected by the gateway"]


EVENT_EXAMPLES = """# Replication errors affecting the sync agent

## Investigating a replication error

For these errors, the Application log includes details of the failure, as in the following examples:

### Example 1

The error event seen in the event viewer:

```dos
Log Name:      Application
Source:        Sync Agent
Event ID:      742
Level:         Error
Description:   Replication to domain corp.example.com failed. Error 5: Access is denied.
```

### Troubleshooting Example 1

1. Grant the sync account the Replicate Directory Changes permission.
2. Restart the sync agent.

### Example 2

If you receive the error, your startup code looks like this:

```csharp
services.AddSync(options => options.OnFailed = ctx => Log("Access is denied"));
```
"""


def test_an_error_event_shown_in_a_shell_labelled_block_is_the_problems_error_text(tmp_path: Path) -> None:
    # Labelled as a shell's ("dos"), the event log was taken for commands; source code after an
    # error lead stays code, though it names the failure. The event is its description: its header
    # fields are those of every event of the log (indexer.errortext.log_lines).
    (problem,) = _read(tmp_path, "events.md", EVENT_EXAMPLES).problems
    assert problem.error_messages == [
        "Description: Replication to domain corp.example.com failed. Error 5: Access is denied."
    ]


HELP_CENTRE_EXPORT = """# Emails stay in Sending

## Issue

Emails sent from the connected inbox stay in **Sending** and show `Daily sending limit reached`.

## Resolution

1. Wait 24 hours and try again.
2. Check your usage under **Settings** > **Email** > **Sending limits**.

---

Was this article helpful? 12 out of 15 found this helpful

Have more questions? [Submit a request](https://help.example.com/hc/requests/new)

Related articles:

- [Connect your personal email](https://help.example.com/hc/articles/1)
- Understand email sending limits

## Related Solutions

- How to raise the sending limit

## Attachments

None
"""


def test_a_help_centres_page_furniture_is_no_part_of_the_fix(tmp_path: Path) -> None:
    """Its feedback prompt and its "ask us" line were remarks shown with the answer, its related
    articles a group of steps, and its "Related Solutions" a second fix."""
    article = _read(tmp_path, "sending.md", HELP_CENTRE_EXPORT)
    [problem] = article.problems
    assert [(s.group, s.text) for s in problem.steps] == [
        (None, "Wait 24 hours and try again."),
        (None, "Check your usage under Settings > Email > Sending limits."),
    ]
    assert problem.notes == []
    assert "helpful" not in article.body and "Submit a request" not in article.body
    # Without its colon, as a Confluence page writes the line, it is the same label.
    [problem] = _read(
        tmp_path, "confluence.md", HELP_CENTRE_EXPORT.replace("Related articles:", "Related articles")
    ).problems
    assert len(problem.steps) == 2 and problem.notes == []
    # A list whose lead-in is no "Related articles:" label is the article's own.
    kept = HELP_CENTRE_EXPORT.replace("Related articles:", "Then check the related settings:")
    [problem] = _read(tmp_path, "kept.md", kept).problems
    assert "Understand email sending limits" in [s.text for s in problem.steps]


def test_a_faqs_or_a_symptom_pages_title_label_is_no_part_of_the_problems_title(tmp_path: Path) -> None:
    faq = (
        "# Billing FAQ\n\n**Q: Why was my card declined?**\n\nA: Your bank refused the charge. Contact your bank.\n\n"
        "## Q3) How do I change the plan?\n\nOpen **Billing** and choose a plan.\n\n"
        "## Symptom: Ingress returns 503 Service Temporarily Unavailable\n\nRequests return 503.\n\n"
        "### Solution\n\n1. Fix the service's selector.\n\n## Error: quota exceeded\n\n1. Raise the quota.\n"
    )
    titles = [p.title for p in _read(tmp_path, "faq.md", faq).problems]
    assert titles == [
        "Why was my card declined?",
        "How do I change the plan?",
        "Ingress returns 503 Service Temporarily Unavailable",
        # "Error:" says what the title is, and is kept.
        "Error: quota exceeded",
    ]


def test_a_runbook_alert_that_shows_its_error_is_framed_by_its_steps_section(tmp_path: Path) -> None:
    """ "### Steps" is a weaker name of a fix than "### Mitigation": the alert was body text, its
    error in no problem, and "Steps" and "Follow-up" two problems of their own."""
    runbook = (
        "# Playbook: disk full\n\n## Alert: NodeFilesystemAlmostFull\n\nBuilds fail with:\n\n"
        "```\nfailed to register layer: write /var/lib/docker/x.so: no space left on device\n```\n\n"
        "### Steps\n\n1. Confirm usage: `df -h /var/lib/docker`\n2. Prune Docker data: `docker system prune -af`\n\n"
        "### Follow-up\n\n- Open a ticket if this is the third time this week.\n"
    )
    (problem,) = _read(tmp_path, "disk-full.md", runbook).problems
    assert problem.title == "Alert: NodeFilesystemAlmostFull"
    assert problem.error_messages == [
        "failed to register layer: write /var/lib/docker/x.so: no space left on device"
    ]
    assert [(s.group, s.text) for s in problem.steps][:2] == [
        ("Steps", "Confirm usage: df -h /var/lib/docker"),
        ("Steps", "Prune Docker data: docker system prune -af"),
    ]
    # Without an error shown, "Steps" under a topic is no frame: a reference page's sections.
    reference = runbook.replace("Builds fail with:\n\n", "The disk usage of the build nodes.\n\n").replace(
        "```\nfailed to register layer: write /var/lib/docker/x.so: no space left on device\n```\n\n", ""
    )
    assert len(_read(tmp_path, "reference.md", reference).problems) == 2


UPPERCASE_TEXT_EXPORT = """KB0107 - VPN connection fails with error 809

PROBLEM:
Remote users cannot connect to the corporate VPN.

SYMPTOMS:
1. The VPN client shows: "Error 809: The network connection to the VPN server could not be established."

CAUSE:
The home router drops UDP 4500.

SOLUTION:
1. Add the registry value on the client:
   reg add HKLM\\SYSTEM\\CurrentControlSet\\Services\\PolicyAgent /v AssumeUDPEncapsulationContextOnSendRule /d 2
2. Remove the old connection:
   a. Open Settings > Network > VPN.
   b. Select the connection and click Remove.
3. Restart the service:
   net start RasMan
4. Connect again.
"""


def test_a_text_export_with_its_labels_on_lines_of_their_own_is_one_problem(tmp_path: Path) -> None:
    """PROBLEM: then SYMPTOMS: was two problems, the second titled "1"; the cause went into the
    symptoms; a step's command was lost or named a group; lettered sub-steps were dropped."""
    (problem,) = _read(tmp_path, "kb0107.txt", UPPERCASE_TEXT_EXPORT).problems
    # Its heading, right above its labels, is its title (see the runbook test below).
    assert problem.title == "KB0107 - VPN connection fails with error 809"
    assert problem.symptoms.startswith("Remote users cannot connect to the corporate VPN.")
    assert problem.cause == "The home router drops UDP 4500."
    assert problem.error_messages == [
        "Error 809: The network connection to the VPN server could not be established."
    ]
    assert [(s.number, s.group, s.text) for s in problem.steps] == [
        (
            "1",
            None,
            "Add the registry value on the client:\nreg add HKLM\\SYSTEM\\CurrentControlSet\\Services\\"
            "PolicyAgent /v AssumeUDPEncapsulationContextOnSendRule /d 2",
        ),
        ("2", None, "Remove the old connection:"),
        ("2.1", None, "Open Settings > Network > VPN."),
        ("2.2", None, "Select the connection and click Remove."),
        ("3", None, "Restart the service:\nnet start RasMan"),
        ("4", None, "Connect again."),
    ]


RUNBOOK_TEXT = """\
PrintHive printer shows Offline in the fleet dashboard

Symptoms:
The printer tile is grey and says "Offline since 09:12".

Cause:
The printer's clock has drifted.

Resolution:
1. Set the printer's NTP server.
2. Restart the fleet agent.

Printer prints blank pages

Symptoms: Pages come out blank after a toner change.
Resolution:
1. Remove the toner seal.
"""


def test_a_text_runbooks_heading_right_above_its_symptoms_label_is_the_problems_title(tmp_path: Path) -> None:
    """The heading line was dropped, and the title was the first sentence of the symptoms."""
    article = _read(tmp_path, "printer-runbook.txt", RUNBOOK_TEXT)
    assert [p.title for p in article.problems] == [
        "PrintHive printer shows Offline in the fleet dashboard",
        "Printer prints blank pages",
    ]
    assert article.title == "PrintHive printer shows Offline in the fleet dashboard"
    assert article.problems[0].symptoms == 'The printer tile is grey and says "Offline since 09:12".'


DRIVER_TROUBLESHOOTING = """\
# Installing the label printer driver

## Install

1. Download the driver package.
2. Run the installer.

## Troubleshooting

**"The driver is not signed for this platform"**: the 32-bit package was downloaded. Download the 64-bit one.

**Printing blank labels**: the label size is wrong. Set it to 62 mm in the driver settings.

**Spooler stops on every print**: an older driver is installed. Do this:

1. Remove the old driver.
2. Install again.
"""


def test_troubleshooting_entries_written_as_bold_labelled_paragraphs_are_a_problem_each(
    tmp_path: Path,
) -> None:
    """Written as a list they were a problem each; as paragraphs, one problem with all three fixes."""
    problems = _read(tmp_path, "label-driver.md", DRIVER_TROUBLESHOOTING).problems
    entries = [(p.title, [s.text for s in p.steps]) for p in problems if p.title != "Install"]
    assert entries == [
        (
            '"The driver is not signed for this platform"',
            ["the 32-bit package was downloaded. Download the 64-bit one."],
        ),
        ("Printing blank labels", ["the label size is wrong. Set it to 62 mm in the driver settings."]),
        # Its own list is its steps (left in the body, the answer said only "Do this:").
        (
            "Spooler stops on every print",
            ["an older driver is installed. Do this:", "Remove the old driver.", "Install again."],
        ),
    ]


def test_a_text_guides_first_line_over_problems_without_headings_is_its_title_not_the_first_ones(
    tmp_path: Path,
) -> None:
    guide = (
        "VPN troubleshooting guide\n\nSymptoms: The VPN drops every hour.\nResolution:\n1. Renew the lease.\n\n"
        "Symptoms: Error 809 when connecting.\nResolution:\n1. Open UDP 4500.\n"
    )
    article = _read(tmp_path, "vpn-guide.txt", guide)
    assert article.title == "VPN troubleshooting guide"
    assert [p.title for p in article.problems] == ["The VPN drops every hour", "Error 809 when connecting"]


def test_a_text_runbook_s_fields_under_its_title_neither_replace_nor_lose_it(tmp_path: Path) -> None:
    # Before: "Owner: Storage team" titled the article and its problem; the first line was nowhere.
    runbook = (
        "RUNBOOK: Backup volume filling up\nOwner: Storage team\nReviewed: 2026-03\n\n"
        "Symptoms:\nThe backup volume on nas03 is above 90%.\n\nResolution:\n1. Prune snapshots older than 30 days.\n"
    )
    article = _read(tmp_path, "backup-runbook.txt", runbook)
    [problem] = article.problems
    assert article.title == problem.title == "RUNBOOK: Backup volume filling up"
    assert problem.symptoms == "The backup volume on nas03 is above 90%."
    assert article.body == "Owner: Storage team\nReviewed: 2026-03"
    # A heading of that shape right over "Symptoms:" heads the problem; the line above it stays searchable.
    headed = "IT runbook\n\nOutlook: cannot connect to Exchange\nSymptoms:\nOutlook says Disconnected.\nResolution:\n1. Restart it.\n"
    article = _read(tmp_path, "outlook.txt", headed)
    assert article.problems[0].title == "Outlook: cannot connect to Exchange"
    assert article.body == "IT runbook"


def test_a_help_centre_article_s_byline_is_no_symptom(tmp_path: Path) -> None:
    # Before: "Updated 3 months ago" opened the symptoms of the article's problem.
    for byline in (
        "Updated 3 months ago",
        "Dana Lee \u00b7 Updated March 4, 2024 \u00b7 2 min read",
        # Zendesk's export keeps the time; a Confluence page says who made and last changed it.
        "Updated February 12, 2024 10:22",
        "Created by Priya Raman, last modified by Tom Okafor on Mar 04, 2024",
        # A vendor's solution page parts its byline's pieces with dashes.
        "Answer Reviewed - Updated March 4 2024 at 9:30 AM - English",
        "Dana Lee | Updated 2024-03-04 | 2 min read",
    ):
        text = HELP_CENTRE_EXPORT.replace("## Issue\n\n", f"{byline}\n\n## Issue\n\n", 1)
        article = _read(tmp_path, "sending.md", text)
        [problem] = article.problems
        assert problem.symptoms.startswith("Emails sent from the connected inbox"), byline
        # Who wrote the page, and when, is still searchable: it was left out of the index.
        assert byline in article.body, byline
    # A sentence that starts so is the article's.
    for sentence in (
        "Updated firmware does not help.",
        "Updated March 4, 2024 - since then the connected inbox rejects every message",
    ):
        text = HELP_CENTRE_EXPORT.replace("## Issue\n\n", f"## Issue\n\n{sentence}\n\n", 1)
        [problem] = _read(tmp_path, "sending.md", text).problems
        assert problem.symptoms.startswith(sentence), sentence


# A help centre's page that ends with short "also" sections: the error, and in one paragraph why it
# happens and who does what about it, with no list of steps.
SHORT_ERROR_SECTIONS = """# Card terminal errors

## Symptoms

```
Error 4102: Host unreachable
```

## Resolution

1. Check the terminal's Wi-Fi.
2. Restart the router.

## Card declined with "Error 4510: PIN locked"

If the terminal shows `Error 4510: PIN locked`, the PIN was entered wrongly three times.
The terminal is not at fault: the cardholder has to unlock the PIN at one of their bank's cash machines.

## Card declined with "Error 4520: Card expired"

If the terminal shows `Error 4520: Card expired`, the card is past its end date.
Ask the customer for another card.
"""


def test_a_short_error_section_s_one_explaining_paragraph_is_its_cause(tmp_path: Path) -> None:
    # The paragraph was no field of the problem: a match showed only "no steps". One that goes on to
    # tell what to do keeps its instruction as the step, as before (guard).
    _, locked, expired = _read(tmp_path, "terminal.md", SHORT_ERROR_SECTIONS).problems
    assert locked.error_messages == ["Error 4510: PIN locked"]
    assert locked.cause == (
        "If the terminal shows Error 4510: PIN locked, the PIN was entered wrongly three times.\n"
        "The terminal is not at fault: the cardholder has to unlock the PIN at one of their bank's cash machines."
    )
    assert locked.steps == []
    assert expired.cause == ""
    assert [s.text for s in expired.steps] == ["Ask the customer for another card."]


# A Zendesk Guide article saved from the browser: under its title, the byline (avatar, the author's
# profile link, when it was written or updated), then the body in "article-info".
ZENDESK_BYLINE = """<!DOCTYPE html>
<html lang="en-gb"><head><meta charset="utf-8"><title>Scanner shows "Error 7031" &ndash; Help Centre</title></head>
<body><main role="main"><article id="main-content" class="article">
<header class="article-header">
  <h1 title="Scanner shows Error 7031" class="article-title">Scanner shows "Error 7031"</h1>
  <div class="article-author">
    <div class="avatar article-avatar"><img src="/a.png" alt="" class="user-avatar"></div>
    <div class="article-meta">
      <a href="/hc/en-gb/profiles/88-Priya-Raman">Priya Raman</a>
      <ul class="meta-group"><li class="meta-data"><time datetime="2025-01-09T08:00:00Z">2 months ago</time></li>
      <li class="meta-data">Updated</li></ul>
    </div>
  </div>
</header>
<section class="article-info"><div class="article-content"><div class="article-body">
<h2>Symptoms</h2>
<pre>Error 7031: Document feeder cover open</pre>
<p class="author-note">Seen on the second-floor scanners only.</p>
<h2>Resolution</h2>
<ol><li>Close the feeder cover until it clicks.</li><li>Press <strong>Reset</strong>.</li></ol>
</div></div></section>
</article></main></body></html>
"""


def test_a_zendesk_article_s_author_block_is_no_symptom(tmp_path: Path) -> None:
    # The author's name was the problem's first symptom. A paragraph in the body whose class only
    # begins with "author" stays the article's (guard).
    [problem] = _read(tmp_path, "7031.html", ZENDESK_BYLINE).problems
    assert problem.error_messages == ["Error 7031: Document feeder cover open"]
    assert "Priya" not in problem.symptoms
    assert "Updated" not in problem.symptoms
    assert problem.symptoms.endswith("Seen on the second-floor scanners only.")
    assert [s.text for s in problem.steps] == ["Close the feeder cover until it clicks.", "Press Reset."]


ZENDESK_EXPORT = """<html><body><article>
<h1>Employees cannot see their payslips</h1>
<div class="article-body">
<p><strong>Issue:</strong> The app shows <em>"No payslips available yet (PAY-5120)"</em> after payday.</p>
<p><strong>Resolution:</strong></p>
<ol><li>Finalize the pay run.</li><li>Turn on <strong>Publish payslips</strong>.</li></ol>
<p><strong>Note:</strong> Payslips from before the start date are never shown.</p>
</div>
<section class="section-articles"><h3>Articles in this section</h3>
<ul><li><a href="/hc/articles/1">Two-factor code not received</a></li>
<li><a href="/hc/articles/2">Direct deposit returned with R03</a></li></ul></section>
</article></body></html>
"""


def test_a_help_centre_s_sidebar_of_articles_is_no_group_of_steps(tmp_path: Path) -> None:
    # Before: "Articles in this section" and its links were a second group of the fix's steps.
    [problem] = _read(tmp_path, "360012345.html", ZENDESK_EXPORT).problems
    assert [(s.group, s.text) for s in problem.steps] == [
        (None, "Finalize the pay run."),
        (None, "Turn on Publish payslips."),
    ]
    assert [n.text for n in problem.notes] == ["Note: Payslips from before the start date are never shown."]


def test_a_wiki_s_info_macro_is_a_note_and_never_an_error_message(tmp_path: Path) -> None:
    # Confluence exports its info macro as "> **Info**": read as a quoted error message before.
    article = (
        "# Bank file rejected\n\n> **Info**\n>\n> Applies to PayDay Cloud 2023.4 and later.\n\n"
        "## Problem\n\nThe batch is rejected:\n\n```\nPAY-4012: Bank file rejected: originator ID mismatch\n```\n\n"
        "## Resolution\n\n1. Correct the originator ID.\n"
    )
    [problem] = _read(tmp_path, "bank.md", article).problems
    assert problem.error_messages == ["PAY-4012: Bank file rejected: originator ID mismatch"]


def test_an_identifier_in_a_log_s_key_value_field_is_no_error_code(tmp_path: Path) -> None:
    # Before: batch=PB-88121 made "PB88121" a code of the problem, which every paste of
    # another batch's failure then disagreed with.
    article = (
        "# Bank file rejected\n\n## Problem\n\nThe audit log shows:\n\n```\n"
        'ERROR payments.bankfile batch=PB-88121 code=PAY-4012 msg="originator ID mismatch"\n```\n\n'
        "## Resolution\n\n1. Correct the originator ID.\n"
    )
    [problem] = _read(tmp_path, "bank.md", article).problems
    assert problem.error_codes == ["PAY4012"]


NOTION_PAGE = """# Receipt printer prints blank receipts

Product: TillPoint POS
Tags: printer, receipts
Owner: @Sam Oduya
Status: Published

# Problem

Receipts come out of the printer blank. The printer log has:

```
2024-02-01 10:02:11 printer ERROR head temperature sensor failed (PRN-207)
```

# Resolution

1. Open the printer cover.
2. Turn the paper roll over.
"""


def test_a_notion_page_s_properties_scope_it_and_its_part_headings_are_its_problem(tmp_path: Path) -> None:
    # Before: "# Problem" and "# Resolution" beside the title heading made the title a problem of its
    # own, whose steps were the page's properties, and the page was titled by its file's name; the
    # "Product:" and "Tags:" lines were symptoms, and `--product` found no such article.
    article = _read(
        tmp_path, "Receipt printer prints blank receipts 5e6f7a8b9c0d41e2a3b4c5d6e7f80912.md", NOTION_PAGE
    )
    assert article.title == "Receipt printer prints blank receipts"
    assert (article.product, article.tags) == ("TillPoint POS", ["printer", "receipts"])
    [problem] = article.problems
    assert problem.title == "Receipt printer prints blank receipts"
    assert problem.symptoms.startswith("Receipts come out of the printer blank.")
    assert problem.error_codes == ["PRN207"]
    assert [s.text for s in problem.steps] == ["Open the printer cover.", "Turn the paper roll over."]
    assert "Owner: @Sam Oduya" in article.body


def test_front_matter_scope_wins_over_the_page_s_fields(tmp_path: Path) -> None:
    text = "---\nproduct: Harbor Print\ntags: [spooler]\n---\n" + NOTION_PAGE
    article = _read(tmp_path, "blank.md", text)
    assert (article.product, article.tags) == ("Harbor Print", ["spooler"])


def test_a_lone_label_line_under_the_title_is_the_article_s_text(tmp_path: Path) -> None:
    # One "Product:" line may be a sentence of the article; only several lines of fields are the page's.
    text = NOTION_PAGE.replace("Tags: printer, receipts\nOwner: @Sam Oduya\nStatus: Published\n", "")
    assert _read(tmp_path, "blank.md", text).product == ""


def test_a_section_showing_the_logged_error_is_the_symptoms_and_not_a_fix(tmp_path: Path) -> None:
    # Before: the log in a code block made "What the store sees" a section of steps, the bold message
    # and "The sync log has:" steps 1 and 2, and the FAQ after the fix more steps of it.
    article = (
        "# POS offline sync conflict\n\n## What the store sees\n\nThe terminal shows a red cloud icon.\n\n"
        "The sync log has:\n\n```\n2024-01-28 19:44:10 sync ERROR upload rejected status=409 code=SYNC-409\n```\n\n"
        "## Cause\n\nTwo terminals share one receipt range.\n\n## Steps\n\n1. Request a new terminal number.\n"
        "2. Retry the rejected sales.\n\n## FAQ\n\n- Will the receipt stay valid?\n\n  Yes, the old number is linked.\n"
    )
    [problem] = _read(tmp_path, "sync.md", article).problems
    assert problem.symptoms.startswith("The terminal shows a red cloud icon.")
    assert problem.error_codes == ["SYNC409"]
    assert [s.text for s in problem.steps] == ["Request a new terminal number.", "Retry the rejected sales."]


def test_a_wiki_page_s_breadcrumbs_and_contents_are_no_symptoms(tmp_path: Path) -> None:
    # Before: "Breadcrumbs: …" and "On this page:" opened the problem's symptoms.
    page = (
        "# VPN - TLS handshake failed (SL-301)\n\nBreadcrumbs: IT Service Desk > Network > VPN\n\n"
        "Created by Dana Whitfield, last modified by Marco Ferri on Jan 22, 2024\n\n"
        "**On this page:**\n\n- [Symptoms](#symptoms)\n- [Resolution](#resolution)\n\n"
        "## Symptoms\n\nThe client shows:\n\n> SL-301: TLS handshake failed: certificate verify failed\n\n"
        "## Resolution\n\n1. Connect through a mobile hotspot.\n"
    )
    [problem] = _read(tmp_path, "vpn.md", page).problems
    assert problem.symptoms.startswith("The client shows:")
    assert problem.error_messages[-1] == "SL-301: TLS handshake failed: certificate verify failed"


def test_a_known_issue_s_status_is_shown_with_its_answer(tmp_path: Path) -> None:
    # Before: "## Status" was searchable body only; the answer of an article without a fix said only
    # that it gives no steps, not that none exists yet.
    page = (
        "# Exports time out for large companies\n\n## Symptoms\n\nThe export stops with "
        '"Export timed out (PAY-9001)".\n\n## Cause\n\nThe export runs in one request.\n\n'
        "## Status\n\nNo fix yet. A chunked export is planned for release 2024.2.\n"
    )
    [problem] = _read(tmp_path, "known.md", page).problems
    assert problem.steps == []
    said = "Status: No fix yet. A chunked export is planned for release 2024.2."
    assert [n.text for n in problem.notes] == [said]
    # With a workaround, the status is a note after its steps.
    page += "\n## Workaround\n\n1. Export one department at a time.\n"
    [problem] = _read(tmp_path, "known.md", page).problems
    assert [(n.text, n.after) for n in problem.notes] == [(said, False)]
    # Written as a bold label, it is the same note; it opened the symptoms.
    labelled = page.replace("## Status\n\n", "**Status:** ")
    [problem] = _read(tmp_path, "known.md", labelled).problems
    assert ([n.text for n in problem.notes], problem.symptoms) == (
        [said],
        'The export stops with "Export timed out (PAY-9001)".',
    )


def test_a_boilerplate_label_before_the_fix_of_a_text_export_is_the_problem_s_text(tmp_path: Path) -> None:
    # Review: "Applies to:" (boilerplate) before "Resolution:" ended the problem, which lost its steps.
    text = "Symptoms: Print jobs never print.\nApplies to: Harbor Print agent 7.2\nResolution:\n1) Restart the spooler.\n"
    [problem] = _read(tmp_path, "pre.txt", text).problems
    assert [s.text for s in problem.steps] == ["Restart the spooler."]


def test_after_a_text_export_s_additional_information_a_heading_still_titles_the_next_problem(
    tmp_path: Path,
) -> None:
    text = (
        "Printer stuck\nSymptoms: Jobs stay queued.\nResolution:\n1) Restart the spooler.\n\n"
        "Additional information:\nSee the print FAQ.\n\n"
        "Scanner sends blank pages\nSymptoms: Scans come out blank.\nResolution:\n1) Clean the glass.\n"
    )
    article = _read(tmp_path, "two.txt", text)
    assert [p.title for p in article.problems] == ["Printer stuck", "Scanner sends blank pages"]
    assert "See the print FAQ." in article.body


def test_a_text_export_s_title_line_with_a_bar_is_its_title(tmp_path: Path) -> None:
    text = "KB0040419 | Harbor Print | Jobs stuck in Spooling\nVersion 2 | Published 2025-01-02\n\nSymptoms: Jobs stay queued.\nResolution:\n1) Restart the spooler.\n"
    [problem] = _read(tmp_path, "bar.txt", text).problems
    assert problem.title == "KB0040419 | Harbor Print | Jobs stuck in Spooling"


def test_codes_in_a_log_s_ordinary_fields_are_still_codes_and_an_identifier_s_are_not(tmp_path: Path) -> None:
    # Review: only a field that names an identifier (batch=, order=, run_id=) holds no code.
    from indexer.errortext import error_codes

    assert error_codes("level=error reason=PAY-4012 batch=PB-88121 run_id=77 db=ORA-12154") == [
        "PAY4012",
        "ORA12154",
    ]


def test_an_html_blockquote_that_indents_an_instruction_stays_a_step(tmp_path: Path) -> None:
    # Review: editors indent text with <blockquote>; read as a quote, the fix's instruction was an error message.
    page = (
        "<h1>Certificates expired</h1><h2>Symptoms</h2><p>The agent shows:</p>"
        "<blockquote><p>CERT-410: certificate has expired</p></blockquote>"
        "<h2>Resolution</h2><blockquote><p>Reinstall the certificates package.</p></blockquote>"
    )
    [problem] = _read(tmp_path, "certs.html", page).problems
    assert problem.error_messages == ["CERT-410: certificate has expired"]
    assert [s.text for s in problem.steps] == ["Reinstall the certificates package."]


def test_a_troubleshooting_list_after_a_fix_stays_steps(tmp_path: Path) -> None:
    # Review: only a FAQ after a fix is more about the problem; "Troubleshooting" is more to do.
    page = (
        "# Sync stops\n\n## Symptoms\n\nThe sync stops.\n\n## Resolution\n\n1. Restart the agent.\n\n"
        "## Troubleshooting\n\n1. Check the proxy.\n2. Check the clock.\n"
    )
    [problem] = _read(tmp_path, "sync.md", page).problems
    assert [s.text for s in problem.steps] == ["Restart the agent.", "Check the proxy.", "Check the clock."]


def test_breadcrumbs_in_the_paragraph_of_the_symptoms_take_only_their_line(tmp_path: Path) -> None:
    page = (
        "# VPN fails\n\nBreadcrumbs: IT > Network > VPN\nThe client stops at Connecting.\n\n"
        "## Resolution\n\n1. Connect through a hotspot.\n"
    )
    [problem] = _read(tmp_path, "vpn.md", page).problems
    assert "The client stops at Connecting." in problem.symptoms


def test_a_note_after_a_step_that_announces_a_command_leaves_the_command_with_the_step(
    tmp_path: Path,
) -> None:
    fix = (
        "# Spooler\n\n## Resolution\n\n1. Stop the agent.\n2. Restart the service with this command:\n\n"
        "> **Note:** needs admin rights.\n\n```\nnet stop HarborPrint && net start HarborPrint\n```\n"
    )
    [problem] = _read(tmp_path, "spooler.md", fix).problems
    assert (
        problem.steps[-1].text
        == "Restart the service with this command:\nnet stop HarborPrint && net start HarborPrint"
    )
    assert [n.text for n in problem.notes] == ["Note: needs admin rights."]


def test_a_text_export_s_title_label_gives_its_title_without_the_label(tmp_path: Path) -> None:
    # It was titled "Title: Database is locked", in its list and in every answer.
    export = (
        'Title: Database is locked\n\nSymptoms: The app shows "database is locked" when two users save.\n\n'
        "Cause: SQLite allows one writer.\n\nResolution:\n1. Enable WAL mode.\n2. Retry the save.\n"
    )
    article = _read(tmp_path, "dblock.txt", export)
    [problem] = article.problems
    assert (article.title, problem.title, problem.line) == ("Database is locked", "Database is locked", 1)
    assert [s.text for s in problem.steps] == ["Enable WAL mode.", "Retry the save."]


def test_only_a_text_export_s_first_line_is_its_title_label(tmp_path: Path) -> None:
    # Every "Subject:" line lost its label, and the last one titled the article.
    export = (
        "Title: Mail bounces\n\nSymptoms: Users get this reply:\nSubject: Undeliverable: Quarterly report\n\n"
        "Resolution:\n1. Fix the connector.\n"
    )
    article = _read(tmp_path, "bounce.txt", export)
    assert article.title == "Mail bounces"
    assert "Subject: Undeliverable: Quarterly report" in article.problems[0].symptoms


def test_a_status_that_says_it_is_one_is_not_labelled_twice(tmp_path: Path) -> None:
    page = "# Exports time out\n\n## Symptoms\n\nThe export stops.\n\n## Status\n\nStatus: fixed in 7.3.1.\n"
    [problem] = _read(tmp_path, "known.md", page).problems
    assert [n.text for n in problem.notes] == ["Status: fixed in 7.3.1."]


def test_a_title_label_among_the_labels_that_open_a_text_export_titles_it(tmp_path: Path) -> None:
    export = "Article ID: KB-1042\nTitle: Database is locked when saving\n\nSymptoms:\nSaving fails.\nResolution:\n1. Close the app.\n"
    assert _read(tmp_path, "kb1042.txt", export).title == "Database is locked when saving"


KNOWLEDGE_FIELDS_EXPORT = """\
Title: Parcels stay in "Awaiting label" in ShipDock
Article Number: 000031207
Shown In Partner Community Help Portal: true
First Published Date: 2023-11-04
Question: Parcels stay in "Awaiting label" and the carrier log shows: CARR-5120 Account 'DX-77' is not authorised for service 'EXPRESS'. How do I fix it?
Answer: ShipDock books each parcel with the carrier account of its warehouse; an account without the service cannot buy the label.
1. In ShipDock, open Settings > Carriers > Accounts.
2. Add the service to the warehouse's account and click Save.
3. Select the waiting parcels and click Buy Labels.
Resolution: Account setup (no defect)
Internal Notes: Send to the carrier team when more than 20 parcels wait.
"""

TICKET_EXPORT = """\
Number: INC0041872
State: Resolved

Short Description: Cannot print boarding passes - kiosk shows a blank page

Description:
When I print a boarding pass at gate kiosk 4 the page stays blank and the screen says:
"Print job rejected: template version 7 not supported (KPR-221)"

Work notes:
2024-03-02 14:10:05 - Lena Okafor (Work notes)
Reproduced at kiosk 4. The vendor confirmed template 7 needs firmware 3.2.

Resolution Code: Solved (Permanently)
Resolution Notes:
The kiosk firmware was updated to 3.2 from the vendor portal and the kiosk restarted, then the pass printed.

Closed: 2024-03-02 16:31:40
Close notes: Confirmed by the gate agent.
"""


def test_a_field_whose_name_has_many_words_keeps_a_text_export_s_title_label_its_title(
    tmp_path: Path,
) -> None:
    # A knowledge export's fields under its "Title:": a field named in five words ("Shown In Partner
    # Community Help Portal") was no label, broke the block of fields, and the field under it, right
    # over "Question:", titled the article ("First Published Date: 2023-11-04").
    article = _read(tmp_path, "kb-31207.txt", KNOWLEDGE_FIELDS_EXPORT)
    (problem,) = article.problems
    assert article.title == problem.title == 'Parcels stay in "Awaiting label" in ShipDock'
    assert "First Published Date: 2023-11-04" in article.body
    assert "Shown In Partner Community Help Portal: true" in article.body


def test_a_long_label_in_lower_case_is_still_no_field_of_a_text_export(tmp_path: Path) -> None:
    # A sentence's words before a colon are no field's name, however many: what is seen, as before.
    text = (
        "Title: Scanner drops its Wi-Fi\n\nSymptoms:\nthe scanner beeps twice and the display reads: "
        "no network\n\nResolution:\n1. Restart the scanner.\n"
    )
    (problem,) = _read(tmp_path, "scanner.txt", text).problems
    assert problem.symptoms == "the scanner beeps twice and the display reads: no network"


def test_a_ticket_export_s_short_description_titles_it(tmp_path: Path) -> None:
    # Its "Short Description:" stood in a paragraph of its own under the ticket's number and state:
    # the title was that line, label and all, run into the description's first words.
    article = _read(tmp_path, "inc0041872.txt", TICKET_EXPORT)
    (problem,) = article.problems
    assert article.title == problem.title == "Cannot print boarding passes - kiosk shows a blank page"
    assert problem.symptoms.startswith("When I print a boarding pass at gate kiosk 4")
    assert "Number: INC0041872" in article.body


def test_a_title_label_after_a_text_export_s_first_part_titles_nothing(tmp_path: Path) -> None:
    # The labels that open the page end at its first part: a "Subject:" line the symptoms quote, after
    # a blank line, is what the problem shows, not the article's title.
    text = (
        "Article ID: KB-2210\n\nSymptoms: Members get this reply:\nSubject: Cannot renew membership\n\n"
        "Resolution:\n1. Renew the membership from the front desk.\n"
    )
    article = _read(tmp_path, "renew.txt", text)
    assert article.title != "Cannot renew membership"
    assert "Subject: Cannot renew membership" in article.problems[0].symptoms


def test_a_text_export_s_fix_label_over_a_category_is_a_field_not_a_group_of_steps(tmp_path: Path) -> None:
    # "Resolution: Account setup (no defect)" after the steps named a group whose steps were that
    # category and the internal note under it.
    article = _read(tmp_path, "kb-31207.txt", KNOWLEDGE_FIELDS_EXPORT)
    (problem,) = article.problems
    assert [(s.group, s.text) for s in problem.steps] == [
        (None, "In ShipDock, open Settings > Carriers > Accounts."),
        (None, "Add the service to the warehouse's account and click Save."),
        (None, "Select the waiting parcels and click Buy Labels."),
    ]
    assert "Resolution: Account setup (no defect)" in article.body


# A problem-management record (an ITIL Known Error, as an ITSM tool prints one): the record's kind
# underlined over its fields (its number, "Title:", status), then its parts under underlined capitals,
# the message quoted indented and wrapped at the export's width; after the fix, the incidents linked to
# it, a row each, its knowledge articles and the print footer.
KNOWN_ERROR_EXPORT = """\
KNOWN ERROR RECORD
==================

Known Error:        KE0009315
Title:              Field laptops cannot connect to the VPN - error 812
Status:             Published (Workaround available)

SYMPTOMS
--------
When users connect from a field laptop the VPN client shows:

  Error 812: The connection was prevented because of a policy configured
  on your RAS/VPN server. Specifically, the authentication method used by
  the server to verify your username and password may not match.

ROOT CAUSE
----------
The network policy on the VPN servers only allows MS-CHAPv2, and the new laptop image sends EAP.

WORKAROUND
----------
1. Open the VPN connection's properties on the laptop.
2. On the Security tab select Allow these protocols and tick MS-CHAP v2.
3. Connect again.

PERMANENT FIX
-------------
1. Add EAP to the network policy on both VPN servers (CHG0051234).

LINKED INCIDENTS (3)
--------------------
INC0912001  2026-10-04  "VPN error 812 on new laptop"        Resolved
INC0912017  2026-10-04  "cannot connect vpn"                  In Progress
INC0912230  2026-10-05  "Error 812 when working from site"   New

KNOWLEDGE
---------
KB0011290  How to connect to the VPN from a field laptop

-- End of record --  Printed 2026-10-06 08:15 UTC by svc-print
"""


def test_a_known_error_record_s_title_field_titles_it_not_its_kind(tmp_path: Path) -> None:
    # The record's kind, underlined over its fields, titled the article and its problem ("KNOWN ERROR
    # RECORD"), as it would every record the tool exports.
    article = _read(tmp_path, "ke0009315.txt", KNOWN_ERROR_EXPORT)
    (problem,) = article.problems
    assert article.title == problem.title == "Field laptops cannot connect to the VPN - error 812"
    assert "KE0009315" in article.body
    assert problem.cause.startswith("The network policy on the VPN servers only allows MS-CHAPv2")


def test_a_known_error_record_s_linked_records_and_print_footer_are_no_steps(tmp_path: Path) -> None:
    # The incidents linked to the record, a row each, were a group of steps under "LINKED INCIDENTS (3)",
    # and its knowledge article and print footer more steps of a group: in every answer to its error.
    article = _read(tmp_path, "ke0009315.txt", KNOWN_ERROR_EXPORT)
    (problem,) = article.problems
    assert [(s.group, s.text) for s in problem.steps] == [
        (None, "Open the VPN connection's properties on the laptop."),
        (None, "On the Security tab select Allow these protocols and tick MS-CHAP v2."),
        (None, "Connect again."),
        ("PERMANENT FIX", "Add EAP to the network policy on both VPN servers (CHG0051234)."),
    ]
    assert problem.notes == []
    for reference in ("INC0912017", "KB0011290", "Printed 2026-10-06"):
        assert reference in article.body


def test_a_problem_about_linked_records_is_still_a_problem(tmp_path: Path) -> None:
    # Guard: a heading that says what goes wrong with linked records is a problem, not the record's links.
    page = (
        "# Service desk\n\n## Linked incidents are not closed with their problem\n\n"
        "Closing a problem leaves its incidents open.\n\n### Resolution\n\n"
        "1. Turn on Close linked incidents in the problem settings.\n"
    )
    (problem,) = _read(tmp_path, "linked.md", page).problems
    assert problem.title == "Linked incidents are not closed with their problem"
    assert [s.text for s in problem.steps] == ["Turn on Close linked incidents in the problem settings."]


def test_a_known_error_record_s_message_wrapped_onto_indented_lines_is_one_message(tmp_path: Path) -> None:
    # The export wraps the quoted message at its width: only its first line was the error message, so
    # a user who pasted the rest of it was not helped.
    (problem,) = _read(tmp_path, "ke0009315.txt", KNOWN_ERROR_EXPORT).problems
    assert problem.error_messages == [
        "Error 812: The connection was prevented because of a policy configured on your RAS/VPN server. "
        "Specifically, the authentication method used by the server to verify your username and password "
        "may not match."
    ]


def test_messages_one_a_line_under_a_sentence_stay_apart(tmp_path: Path) -> None:
    # Guard: two messages indented under the sentence that shows them, neither ending in a full stop,
    # are two messages: the second opens as a message does, not as the rest of a sentence.
    text = (
        "Title: Kiosk stops taking cards\n\nSymptoms:\nThe kiosk screen shows one of these errors:\n\n"
        "  E-217 Terminal failed to activate\n  E-218 Card reader failed to start\n\n"
        "Resolution:\n1. Restart the kiosk.\n"
    )
    (problem,) = _read(tmp_path, "kiosk.txt", text).problems
    assert problem.error_messages == [
        "E-217 Terminal failed to activate",
        "E-218 Card reader failed to start",
    ]


def test_a_heading_underlined_over_no_title_field_still_titles_a_text_export(tmp_path: Path) -> None:
    # Guard: with no "Title:" among the fields under it, the underlined heading is the title, as before.
    text = (
        "Scanner drops its Wi-Fi\n=======================\n\nArticle ID: KB-3307\n\n"
        "Symptoms:\nThe scanner beeps twice.\n\nResolution:\n1. Restart the scanner.\n"
    )
    article = _read(tmp_path, "kb3307.txt", text)
    assert article.title == article.problems[0].title == "Scanner drops its Wi-Fi"


def test_a_ticket_export_s_resolution_code_and_closing_fields_are_no_steps(tmp_path: Path) -> None:
    # The Resolution Code's value was step 1, and "Closed: …" named a group whose step was the close notes.
    article = _read(tmp_path, "inc0041872.txt", TICKET_EXPORT)
    (problem,) = article.problems
    assert [(s.group, s.text) for s in problem.steps] == [
        (
            None,
            "The kiosk firmware was updated to 3.2 from the vendor portal and the kiosk restarted, "
            "then the pass printed.",
        )
    ]
    assert "Resolution Code: Solved (Permanently)" in article.body
    assert "Close notes: Confirmed by the gate agent." in article.body


def test_a_text_export_s_fix_label_that_says_what_to_do_over_a_field_is_still_the_fix(tmp_path: Path) -> None:
    # A fix's label is a category only where its value says nothing to do: this one is the fix.
    text = (
        "Title: Kiosk prints blank passes\n\nSymptoms: The kiosk prints blank passes.\n"
        "Resolution: Turn the paper roll over\nInternal Notes: Seen at gates 3 and 4.\n"
    )
    (problem,) = _read(tmp_path, "kiosk.txt", text).problems
    assert (problem.steps[0].group, problem.steps[0].text) == (None, "Turn the paper roll over")


def test_labelled_lines_that_say_what_to_do_after_a_text_fix_are_no_fields_of_the_page(
    tmp_path: Path,
) -> None:
    # Lines that open with a label after a text fix's steps are the record's fields only where they say
    # nothing to do: these stay the fix's text, as before.
    text = (
        "Title: Kiosk prints blank passes\n\nSymptoms:\nThe kiosk prints blank passes.\n\nResolution:\n"
        "1. Open the tray.\n2. Turn the paper over.\n\n"
        "Windows: Open Devices and Printers and remove the kiosk printer\n"
        "macOS: Open System Settings and remove the kiosk printer\n"
    )
    article = _read(tmp_path, "kiosk.txt", text)
    (problem,) = article.problems
    assert [s.text for s in problem.steps] == ["Open the tray.", "Turn the paper over."]
    assert "Windows: Open Devices and Printers" not in article.body


def test_a_ticket_export_s_work_notes_are_the_page_s_text_not_its_symptoms(tmp_path: Path) -> None:
    # The agents' work notes under the description were read as more of what the user sees.
    article = _read(tmp_path, "inc0041872.txt", TICKET_EXPORT)
    (problem,) = article.problems
    assert "Reproduced at kiosk 4" not in problem.symptoms
    assert "Work notes:" not in problem.symptoms
    assert "Reproduced at kiosk 4. The vendor confirmed template 7 needs firmware 3.2." in article.body


def test_a_text_export_s_internal_notes_after_its_fix_are_no_step(tmp_path: Path) -> None:
    # "Internal Notes: …" under a fix written on its label's line was the fix's second step.
    text = (
        "Title: Kiosk prints blank passes\n\nSymptoms: The kiosk prints blank passes.\n"
        "Resolution: Turn the paper roll over\nInternal Notes: Seen at gates 3 and 4.\n"
    )
    article = _read(tmp_path, "kiosk.txt", text)
    (problem,) = article.problems
    assert [s.text for s in problem.steps] == ["Turn the paper roll over"]
    assert "Internal Notes: Seen at gates 3 and 4." in article.body


def test_other_notes_labels_of_a_text_export_keep_their_reading(tmp_path: Path) -> None:
    # Only a record's own notes are the page's: release notes the symptoms name, and a note after the
    # steps, read as before.
    text = (
        "Title: Kiosk prints blank passes\n\nSymptoms:\nThe kiosk prints blank passes.\n"
        "Release notes: firmware 3.2 lists the fix.\n\nResolution:\n1. Open the tray.\n2. Turn the paper over.\n"
        "Note: The kiosk restarts after two minutes.\n"
    )
    (problem,) = _read(tmp_path, "kiosk.txt", text).problems
    assert problem.symptoms == "The kiosk prints blank passes. Release notes: firmware 3.2 lists the fix."
    assert [n.text for n in problem.notes] == ["Note: The kiosk restarts after two minutes."]


def test_a_knowledge_export_s_answer_that_explains_before_its_steps_gives_the_cause(tmp_path: Path) -> None:
    # The sentence on the "Answer:" label's line said why it fails, and was lost among the fix's notes.
    (problem,) = _read(tmp_path, "kb-31207.txt", KNOWLEDGE_FIELDS_EXPORT).problems
    assert problem.cause == (
        "ShipDock books each parcel with the carrier account of its warehouse; "
        "an account without the service cannot buy the label."
    )


def test_another_fix_label_s_sentence_before_steps_is_no_cause(tmp_path: Path) -> None:
    # Only an answer explains before its steps: a "Resolution:" label's sentence reads as before.
    text = KNOWLEDGE_FIELDS_EXPORT.replace("Answer: ShipDock", "Resolution: ShipDock")
    (problem,) = _read(tmp_path, "kb-31207.txt", text).problems
    assert problem.cause == ""
    assert len(problem.steps) == 3


PAGER_RUNBOOK = """# PostgreSQL replication lag

## Alert

`PGReplicationLagHigh: replica orders-db-2 is 512 MB behind primary (threshold 256 MB)`

## Resolution

1. Check the WAL receiver: `SELECT status FROM pg_stat_wal_receiver;`
2. Restart the replica.

## Setup

`$cred = get-credential`
"""


def test_an_alert_line_written_as_a_lone_code_span_is_the_problem_s_error_message(tmp_path: Path) -> None:
    """A paragraph that is one span of code shows text as a code block does: the alert's line, which
    names no failure in words, was no message, so pasting it found the runbook by its words alone.
    A short one that sets a variable is no message."""
    [problem] = _read(tmp_path, "lag.md", PAGER_RUNBOOK).problems
    assert problem.error_messages == [
        "PGReplicationLagHigh: replica orders-db-2 is 512 MB behind primary (threshold 256 MB)"
    ]


RELEASE_NOTES = """# Vaultline 7.4 release notes

## New features

- Object lock for S3-compatible targets.

## Known issues

| ID | Issue | Workaround |
|----|-------|------------|
| VL-9001 | Backup jobs fail with `InvalidObjectState: The operation is not valid for the object's storage class` on locked buckets. | Create a new bucket with object lock enabled. |
| VL-9017 | After the upgrade the console shows **Error 500 - license service unavailable** until a restart. | Restart the `vaultline-server` service. |

## Upgrade notes

Upgrade the server before the agents.
"""


def test_a_known_issues_table_s_rows_are_the_release_notes_problems_with_their_ids_and_messages(
    tmp_path: Path,
) -> None:
    """The ID of a row was in no problem, so "VL-9017" found nothing; the message a row's issue
    quotes in code or shows in bold was no message; and beside the table, "New features" and "Upgrade
    notes" were problems whose steps were features and advice."""
    article = _read(tmp_path, "notes.md", RELEASE_NOTES)
    locked, console = article.problems
    assert locked.error_messages == [
        "InvalidObjectState: The operation is not valid for the object's storage class"
    ]
    assert locked.error_codes == ["VL9001", "InvalidObjectState"]
    assert console.error_messages == ["Error 500 - license service unavailable"]
    assert console.error_codes == ["VL9017"]
    assert "Object lock for S3-compatible targets." in article.body


MESSAGE_CATALOGUE = """GridStore Error Messages
========================

Each message shows the text, the likely cause, and the action to take.

GRS-01017: invalid credentials; logon denied
Cause: The user name or password was wrong, or the account has
       been locked after five failed attempts.
Action: Check the credentials. If the account is locked, ask an administrator to run
        ALTER USER <name> ACCOUNT UNLOCK.

SQL0911N  The current transaction has been rolled back because of a deadlock or timeout.
Explanation: The unit of work was involved in an unresolved contention for an object.
User response: Run the transaction again.
"""


def test_a_plain_text_message_catalogue_gives_a_problem_per_message(tmp_path: Path) -> None:
    """Oracle's and IBM's message references: a code and its message, then "Cause:" (or
    "Explanation:") and "Action:" (or "User response:"), their text wrapped onto indented lines.
    Such a file was "no problem" and not indexed at all."""
    article = _read(tmp_path, "messages.txt", MESSAGE_CATALOGUE)
    assert article.title == "GridStore Error Messages"
    logon, deadlock = article.problems
    assert logon.title == "GRS-01017: invalid credentials; logon denied"
    assert logon.error_messages == ["invalid credentials; logon denied"]
    assert logon.error_codes == ["GRS01017"]
    assert logon.cause == (
        "The user name or password was wrong, or the account has been locked after five failed attempts."
    )
    assert [s.text for s in logon.steps] == [
        "Check the credentials. If the account is locked, ask an administrator to run ALTER USER <name> ACCOUNT UNLOCK."
    ]
    assert deadlock.error_codes == ["SQL0911N"]
    assert deadlock.cause == "The unit of work was involved in an unresolved contention for an object."
    assert [s.text for s in deadlock.steps] == ["Run the transaction again."]


def test_a_lone_code_span_that_is_a_command_or_a_menu_path_is_no_error_message(tmp_path: Path) -> None:
    text = """# Updates stall

Run `Get-Service wuauserv | Restart-Service` first.

`helm upgrade my-release bitnami/nginx --reuse-values`

## More information

`Computer Configuration > Administrative Templates > Windows Components > Windows Update`

## Resolution

1. Restart the update service.
"""
    [problem] = _read(tmp_path, "updates.md", text).problems
    assert problem.error_messages == []


SETTINGS_PAGE = """# Mail client setup

## Settings

| Field name | Action |
| --- | --- |
| Port | Enter 993. |
| Security | Choose SSL/TLS. |

## Add the account

1. Open **Accounts**.
2. Click **Add**.
3. Enter the settings above.
"""


def test_a_settings_table_leaves_a_how_to_s_procedures_their_problems(tmp_path: Path) -> None:
    """A table's rows make an article troubleshooting structure only when they name codes: a settings
    table ("Field name | Action") made the page's own procedure mere body."""
    problems = _read(tmp_path, "setup.md", SETTINGS_PAGE).problems
    assert ["Open Accounts.", "Click Add.", "Enter the settings above."] in [
        [s.text for s in p.steps] for p in problems
    ]


@pytest.mark.parametrize(
    ("catalogue", "title", "codes", "message", "steps"),
    [
        # IBM's layout: each label and its text on lines of their own, blank lines between.
        (
            "SQL0911N  The current transaction has been rolled back.\n\nExplanation:\n\nA deadlock.\n\n"
            "User response:\n\nRetry the transaction.\n\nSQL0964C  The log is full.\n\nExplanation:\n\n"
            "No space is left.\n\nUser response:\n\nIncrease the log size.\n",
            "SQL0911N  The current transaction has been rolled back.",
            ["SQL0911N"],
            "The current transaction has been rolled back.",
            ["Retry the transaction."],
        ),
        # A dash between the code and its message, and commands indented under what introduces them.
        (
            "0x80070005 - Access is denied\nCause: No permission.\n"
            "Action: Restart the spooler from an elevated prompt:\n        net stop spooler\n"
            "        net start spooler\n",
            "0x80070005 - Access is denied",
            ["0x80070005"],
            "Access is denied",
            ["net stop spooler", "net start spooler"],
        ),
        # A code only its line marks as one, and a message wrapped onto an indented line.
        (
            "E001 \u2013 Paper jam\nCause: Paper is stuck.\nAction: Open the tray.\n",
            "E001 \u2013 Paper jam",
            ["E001"],
            "Paper jam",
            ["Open the tray."],
        ),
        # Labels alone on their lines, their text indented and wrapped; labels indented.
        (
            "GRS-01017: invalid credentials\nCause:\n    The password was wrong, or the account\n"
            "    has been locked.\nAction:\n    Check the credentials, or ask\n    the administrator to unlock it.\n",
            "GRS-01017: invalid credentials",
            ["GRS01017"],
            "invalid credentials",
            ["Check the credentials, or ask the administrator to unlock it."],
        ),
        (
            "GRS-02000: cartridge empty\nCause: The cartridge is empty.\nAction: Replace the cartridge:\n"
            "    Pull the old cartridge out\n    by its handle.\n    Push the new one in.\n",
            "GRS-02000: cartridge empty",
            ["GRS02000"],
            "cartridge empty",
            ["Pull the old cartridge out by its handle.", "Push the new one in."],
        ),
        # Commands under a sentence that introduces them, that sentence wrapped or not; a command is
        # no sentence wrapped onto the one above it.
        (
            "ORA-00942: table or view does not exist\nCause: It is missing.\nAction:\n"
            "    Check the name, then grant\n    access:\n        GRANT SELECT ON hr.emp TO app_user;\n",
            "ORA-00942: table or view does not exist",
            ["ORA00942"],
            "table or view does not exist",
            ["GRANT SELECT ON hr.emp TO app_user;"],
        ),
        (
            "GIT-001: commit rejected\nCause: Nothing staged.\nAction: Stage every file and commit again:\n"
            "    git status\n    git add .\n    git commit\n",
            "GIT-001: commit rejected",
            ["GIT001"],
            "commit rejected",
            ["git status", "git add .", "git commit"],
        ),
        # A wrapped line that opens with a word a label could be goes on with the sentence above it.
        (
            "APP-00200: upload failed\nCause: The process stopped and wrote the following\n"
            "       error: file locked by another process.\nAction: Close the other process and retry.\n",
            "APP-00200: upload failed",
            ["APP00200"],
            "upload failed",
            ["Close the other process and retry."],
        ),
        (
            "GRS-03000: disk full\n    Cause: The disk is full.\n    Action: Free some space.\n",
            "GRS-03000: disk full",
            ["GRS03000"],
            "disk full",
            ["Free some space."],
        ),
        (
            "ORA-12154: TNS:could not resolve the connect\n    identifier specified\n"
            "Cause: The identifier is not in tnsnames.ora.\nAction:\nAdd it to tnsnames.ora.\n",
            "ORA-12154: TNS:could not resolve the connect identifier specified",
            ["ORA12154"],
            "TNS:could not resolve the connect identifier specified",
            ["Add it to tnsnames.ora."],
        ),
    ],
)
def test_a_message_catalogue_entry_in_other_layouts(
    tmp_path: Path, catalogue: str, title: str, codes: list[str], message: str, steps: list[str]
) -> None:
    first = _read(tmp_path, "messages.txt", f"Messages\n\n{catalogue}").problems[0]
    assert (first.title, first.error_codes, first.error_messages) == (title, codes, [message])
    assert [s.text for s in first.steps] == steps
    assert "\n" not in first.cause and not first.cause.startswith("- ")


LABELS_ALONE_TEXT = """\
Label printer prints blank labels
Doc: OPS-0311    Owner: Print team    Reviewed: 2026-02-01

PROBLEM
The label printer feeds labels but prints nothing on them. The user also sees:
  "Printhead error. Check the ribbon and
   close the cover. Code: LP-4410"

CAUSE
The ribbon was loaded inside out.

RESOLUTION
1) Open the cover.
2) Turn the ribbon over and load it again.

ESCALATION
If the labels stay blank, send the ticket to the print team with a photo of the
loaded ribbon attached.
"""


@pytest.mark.parametrize(
    "labels",
    [
        ("PROBLEM", "CAUSE", "RESOLUTION"),
        ("Symptoms", "Cause", "Resolution"),
        ("PROBLEM:", "CAUSE:", "RESOLUTION:"),
        ("Issue", "Root cause", "Solution"),
    ],
)
def test_a_text_export_s_part_labels_alone_on_their_lines_head_their_parts(
    tmp_path: Path, labels: tuple[str, str, str]
) -> None:
    # Before: without colons it was no problem at all ("describes no problem"); with them its title was
    # the line of fields under the first line, which was lost.
    problem_label, cause_label, fix_label = labels
    text = (
        LABELS_ALONE_TEXT.replace("PROBLEM\n", f"{problem_label}\n")
        .replace("CAUSE\n", f"{cause_label}\n")
        .replace("RESOLUTION\n", f"{fix_label}\n")
    )
    article = _read(tmp_path, "labels.txt", text)
    [problem] = article.problems
    assert article.title == problem.title == "Label printer prints blank labels"
    assert problem.symptoms.startswith("The label printer feeds labels but prints nothing on them.")
    assert problem.cause == "The ribbon was loaded inside out."
    assert [(s.group, s.text) for s in problem.steps][:2] == [
        (None, "Open the cover."),
        (None, "Turn the ribbon over and load it again."),
    ]
    assert article.body == "Doc: OPS-0311    Owner: Print team    Reviewed: 2026-02-01"


def test_a_text_export_s_message_quoted_across_two_lines_is_at_the_line_it_begins_on(tmp_path: Path) -> None:
    # Before: its line was 0, as no one line of the symptoms holds it.
    [problem] = _read(tmp_path, "labels.txt", LABELS_ALONE_TEXT.replace("PROBLEM\n", "PROBLEM:\n")).problems
    assert problem.error_messages == ["Printhead error. Check the ribbon and close the cover. Code: LP-4410"]
    assert problem.origins["error_messages"] == [6]


def test_a_sentence_of_a_text_fix_wrapped_onto_the_next_line_is_one_step(tmp_path: Path) -> None:
    # Before: each line was a step of its own ("… with a photo of the", then "loaded ribbon attached.").
    [problem] = _read(tmp_path, "labels.txt", LABELS_ALONE_TEXT.replace("PROBLEM\n", "PROBLEM:\n")).problems
    assert [(s.group, s.text, s.line) for s in problem.steps][2:] == [
        (
            "ESCALATION",
            "If the labels stay blank, send the ticket to the print team with a photo of the loaded ribbon attached.",
            17,
        )
    ]


def test_text_lines_that_only_look_like_labels_fields_or_wrapped_sentences_stay_as_they_were(
    tmp_path: Path,
) -> None:
    # A part's word in lower case alone on its line is text; a sentence with two spaces in it is no
    # row of fields; a command does not run on into the line after it.
    text = (
        "Check the queue first.  Then read on.\n\nSymptoms:\nJobs stay queued; the log says\ncause\nunknown.\n\n"
        "Resolution:\nAdd the registry value on the client, then restart the service.\n"
        "reg add HKLM\\SYSTEM\\CurrentControlSet\\Services\\Spooler /v RestartOnFailure /d 1 /f\n"
        "net start spooler.\n"
    )
    [problem] = _read(tmp_path, "spooler.txt", text).problems
    assert (
        problem.symptoms
        == "Check the queue first.  Then read on. Jobs stay queued; the log says cause unknown."
    )
    assert problem.cause == ""
    assert [s.text for s in problem.steps] == [
        "Add the registry value on the client, then restart the service.",
        "reg add HKLM\\SYSTEM\\CurrentControlSet\\Services\\Spooler /v RestartOnFailure /d 1 /f",
        "net start spooler.",
    ]


@pytest.mark.parametrize(
    ("cause", "solution"), [("Cause", "Solution"), ("CAUSE", "RESOLUTION"), ("Cause:", "Solution:")]
)
@pytest.mark.parametrize("indent", ["", "  "])
def test_a_title_over_a_logged_line_then_a_cause_label_alone_is_a_problem(
    tmp_path: Path, cause: str, solution: str, indent: str
) -> None:
    # Before: "describes no problem" (a problem began only at a "Symptoms:" label, or at a line that
    # opens with its code right above the cause's label, as a message reference writes its entries).
    text = (
        "Tape drive goes offline during backups\n\nConsole log:\n\n"
        f"{indent}%TAPE-2-OFFLINE: drive 3 offline, robot arm timeout\n\n"
        f"The backup job waits for a drive until it fails.\n\n{cause}\nThe robot arm firmware is too old.\n\n"
        f"{solution}\n1. Update the robot arm firmware.\n2. Restart the library.\n"
    )
    article = _read(tmp_path, "tape.txt", text)
    [problem] = article.problems
    assert article.title == problem.title == "Tape drive goes offline during backups"
    assert problem.error_messages == ["%TAPE-2-OFFLINE: drive 3 offline, robot arm timeout"]
    assert problem.error_codes == ["TAPE-2-OFFLINE"]
    assert "The backup job waits for a drive until it fails." in problem.symptoms
    assert problem.cause == "The robot arm firmware is too old."
    assert [s.text for s in problem.steps] == ["Update the robot arm firmware.", "Restart the library."]


@pytest.mark.parametrize(
    "text",
    [
        # No line a log printed under a label alone: a report's sections, a note's paragraphs.
        "Checkout outage on 12 March\n\nSummary\n\nCustomers could not pay for 35 minutes.\n\n"
        "Root cause\nThe connection pool was too small.\n\nResolution\n1. Raise the pool size.\n",
        "Tape drive goes offline\n\nThe backup job waits for a drive until it fails.\n\nCause\n"
        "The robot arm firmware is too old.\n\nSolution\n1. Update the firmware.\n",
        # A code-led line not under a label alone, and a label that says something on its line.
        "Tape drive goes offline\n\nThe library printed\nE42: drive 3 offline\n\nCause\n"
        "The robot arm firmware is too old.\n\nSolution\n1. Update the firmware.\n",
    ],
)
def test_a_cause_label_with_no_logged_line_before_it_opens_no_problem(tmp_path: Path, text: str) -> None:
    """Guard: with no "Symptoms:" label, only a line a log printed, set apart under its label alone,
    says that the text before "Cause" is a problem's; a report's or a note's sections describe none
    of the flat-text reader's. The file is then read as the Markdown it also is: one problem, titled
    by its first line, whose steps are its numbered lines."""
    assert read_text_article(text).problems == []
    (problem,) = _read(tmp_path, "note.txt", text).problems
    assert problem.title == text.split("\n", 1)[0]
    assert len(problem.steps) == 1


TECH_NOTE_TEXT = """\
Resolve BGP and VRRP Flaps on the Edge 4000 Router
Note ID: 88120
Revised: June 2, 2026

Contents
  Overview
  Issue 1: BGP session resets every three minutes
  Issue 2: VRRP master changes although both routers are up

Overview

This note explains how to stop neighbor flaps on Edge 4000 routers running EdgeOS 9.x.

Issue 1: BGP session resets every three minutes

Syslog:

  %BGP-3-NOTIFICATION: sent to neighbor 10.20.0.9 4/0 (hold time expired) 0 bytes

The session table shows the neighbor going back to Active:

  edge1#show bgp summary
  Neighbor        V    AS MsgRcvd MsgSent   Up/Down  State
  10.20.0.9       4 65010     112     140  00:02:51  Active

Cause
The keepalives are shaped into the scavenger queue, where they wait longer than the hold time.

Solution
1. Find the policy that shapes the keepalives:
     edge1#show policy-map interface ge-0/1
       class scavenger: 4123 packets queued
2. Move TCP port 179 to the network-control class:
     edge1(config)#class-map network-control
     edge1(config-cmap)#match port tcp 179
   Note: The change applies to new sessions only.
3. Reset the session:
     edge1#clear bgp 10.20.0.9 soft

Tip: Keep the hold time at its default while you test.

Issue 2: VRRP master changes although both routers are up, roughly once an hour at random

Syslog:

  %VRRP-6-STATECHANGE: ge-0/2 Grp 4 state Master -> Backup

Both routers stay up and the master role moves back within seconds.

Cause
The advertisements are lost on the trunk between the two routers.

Solution
1. Check the trunk for drops:
     edge1#show interface ge-0/2 counters errors
   a. If the counters rise, replace the cable.
   b. If they stay at zero, go on to step 2.
2. Raise the advertisement interval:
     edge1(config-if)#vrrp 4 timers advertise 3

Warning: Use the same interval on both routers.

Related Links
  Edge 4000 Configuration Guide
"""


def test_a_tech_note_s_headings_over_logged_lines_and_cause_labels_are_its_problems(tmp_path: Path) -> None:
    # Before: it described no problem (a problem began only at a "Symptoms:" label). Each heading alone
    # on its line over a line a log printed under "Syslog:" and a "Cause" label now heads a problem:
    # it ends the fix before it, and a command a step shows, and its output, indented under it, are
    # the step's, on lines of their own (the output's line was the name of a group of steps).
    article = _read(tmp_path, "edge-flaps.txt", TECH_NOTE_TEXT)
    bgp, vrrp = article.problems
    assert article.title == "Resolve BGP and VRRP Flaps on the Edge 4000 Router"
    # The titles without their "Issue n:" numbers, as a Markdown article's are shown.
    assert bgp.title == "BGP session resets every three minutes"
    assert vrrp.title == "VRRP master changes although both routers are up, roughly once an hour at random"
    assert bgp.error_messages == [
        "%BGP-3-NOTIFICATION: sent to neighbor 10.20.0.9 4/0 (hold time expired) 0 bytes"
    ]
    assert vrrp.error_messages == ["%VRRP-6-STATECHANGE: ge-0/2 Grp 4 state Master -> Backup"]
    assert "edge1#show bgp summary" in bgp.symptoms
    assert bgp.origins["symptoms"][0] == 16
    assert vrrp.origins["symptoms"][0] == 44
    assert vrrp.cause == "The advertisements are lost on the trunk between the two routers."
    assert [(s.number, s.text) for s in bgp.steps] == [
        (
            "1",
            "Find the policy that shapes the keepalives:\nedge1#show policy-map interface ge-0/1\n"
            "class scavenger: 4123 packets queued",
        ),
        (
            "2",
            "Move TCP port 179 to the network-control class:\nedge1(config)#class-map network-control\n"
            "edge1(config-cmap)#match port tcp 179",
        ),
        ("3", "Reset the session:\nedge1#clear bgp 10.20.0.9 soft"),
    ]
    assert [n.text for n in bgp.notes] == [
        "Note: The change applies to new sessions only.",
        "Tip: Keep the hold time at its default while you test.",
    ]
    assert [s.number for s in vrrp.steps] == ["1", "1.1", "1.2", "2"]
    assert "Note ID: 88120" in article.body and "Edge 4000 Configuration Guide" in article.body


@pytest.mark.parametrize(
    ("text", "steps"),
    [
        # A sentence aligned with the step's text after its command goes on with it, as before.
        (
            "Symptoms: The agent stops.\n\nResolution:\n1. Reset the agent from an elevated prompt:\n"
            "      agentctl reset --all\n   Then restart the computer.\n2. Check the agent.\n",
            [
                "Reset the agent from an elevated prompt:\nagentctl reset --all Then restart the computer.",
                "Check the agent.",
            ],
        ),
        # Under a step that introduces nothing, an indented line is no command of it.
        (
            "Symptoms: The server is slow.\n\nResolution:\n1. Restart the SQL Server service.\n"
            "      Note: this takes about ten minutes.\n2. Rebuild the indexes.\n",
            ["Restart the SQL Server service.", "Rebuild the indexes."],
        ),
    ],
)
def test_lines_under_a_step_read_as_before_unless_they_go_on_with_what_it_shows(
    tmp_path: Path, text: str, steps: list[str]
) -> None:
    """Guard: only a line indented as the command a step that ends in ":" shows, right under it, is
    more of what the step shows."""
    [problem] = _read(tmp_path, "agent.txt", text).problems
    assert [s.text for s in problem.steps] == steps


def test_a_heading_over_text_after_a_fix_with_no_logged_line_stays_the_problem_s(tmp_path: Path) -> None:
    # Guard: a heading alone over text, then "Cause", after a fix's steps, with no line a log printed
    # under a label alone between them, stays the fix's, as before: no problem of its own.
    text = (
        "Symptoms: The scanner shows Offline.\n\nResolution:\n1. Restart the scanner.\n\n"
        "On older models\n\nThe lease is shorter.\n\nCause\nThe scanner loses its lease.\n"
    )
    [problem] = _read(tmp_path, "scanner.txt", text).problems
    assert problem.title == "The scanner shows Offline"
    assert problem.steps[0].text == "Restart the scanner."


EMAIL_TEXT = """\
From: Dana Lee <dana@example.com>
Sent: Monday, 2 March 2026 10:15
To: Service Desk <desk@example.com>
Subject: RE: [INC-2210] Badge printer prints "Ribbon out" with a new ribbon

Hi all,

Writing this up for the KB.

Issue: the badge printer stops with "Ribbon out" although a new ribbon is
loaded.

What fixed it:
1. Open the printer and take the ribbon out.
2. Clean the ribbon sensor with a dry cloth.

Workaround if the sensor can't be cleaned: print from the second badge printer
until it is fixed.

Thanks,
Dana Lee
Service Desk

-----Original Message-----
From: Service Desk
Subject: [INC-2210] Badge printer prints "Ribbon out" with a new ribbon

> Reception says the badge printer is broken again.
"""


def test_a_plain_text_email_s_subject_titles_it_and_its_labelled_parts_head_their_parts(
    tmp_path: Path,
) -> None:
    # Before: one problem titled by the subject and "Hi all, Writing…", every line a symptom (the fix's
    # steps, the workaround, the sign-off and the quoted message with them), and no steps.
    article = _read(tmp_path, "email.txt", EMAIL_TEXT)
    [problem] = article.problems
    assert (
        article.title == problem.title == 'RE: [INC-2210] Badge printer prints "Ribbon out" with a new ribbon'
    )
    assert problem.symptoms == (
        'Writing this up for the KB. the badge printer stops with "Ribbon out" although a new ribbon is loaded.'
    )
    assert [(s.group, s.text) for s in problem.steps] == [
        (None, "Open the printer and take the ribbon out."),
        (None, "Clean the ribbon sensor with a dry cloth."),
        (
            "Workaround if the sensor can't be cleaned",
            "print from the second badge printer until it is fixed.",
        ),
    ]
    for kept in (
        "Hi all,",
        "Thanks,\nDana Lee\nService Desk",
        "-----Original Message-----",
        "> Reception says",
    ):
        assert kept in article.body


def test_a_fix_label_s_short_text_on_its_line_is_a_step_not_a_group_s_name(tmp_path: Path) -> None:
    # Before: "Restart the agent" named a group of no steps, and was lost.
    [problem] = _read(
        tmp_path, "agent.txt", "Symptoms: Sync stops.\nResolution: Restart the agent\n"
    ).problems
    assert [(s.group, s.text) for s in problem.steps] == [(None, "Restart the agent")]


def test_text_that_only_looks_like_an_email_s_parts_stays_the_article_s(tmp_path: Path) -> None:
    # A line of words and a comma that a sentence goes on from is text; a reply's marker before any
    # problem heads none of its text off; a sentence with "if" before a colon is no label.
    text = (
        "-----Original Message-----\n\nSymptoms:\nOutlook, Teams,\nand OneDrive stop syncing.\n\n"
        "Resolution:\nRestart the client if it hangs: close it from the tray.\n"
    )
    [problem] = _read(tmp_path, "sync.txt", text).problems
    assert problem.symptoms == "Outlook, Teams, and OneDrive stop syncing."
    assert [(s.group, s.text) for s in problem.steps] == [
        (None, "Restart the client if it hangs: close it from the tray.")
    ]


CLOUD_TROUBLESHOOTING = """\
---
title: Troubleshooting Pipeline Runner jobs
---

# Troubleshooting Pipeline Runner jobs

This page shows you how to resolve issues with running Pipeline Runner jobs.

## Execution errors

### Workers are running out of disk space

**Issue:** Tasks fail after a few minutes, and the job log shows:

```
Task 17 failed: write /scratch/shard-0017.parquet: no space left on device
```

**Resolution:**

1. Increase the scratch disk size.
2. Delete intermediate shards as soon as each stage has read them.

### HTTP 503: The scheduler rejected the task because no worker was free

**Issue:** Clients receive `503 Service Unavailable` with the body `Task rejected by the scheduler because no worker slot was free`.

**Resolution:** Raise `--max-workers`, or check the regional worker quota under **Quotas > Runner**.

## What's next

- Read about [job logs](https://example.com/runner/logs).
"""


def test_each_error_under_a_heading_of_errors_with_its_own_issue_and_resolution_is_a_problem(
    tmp_path: Path,
) -> None:
    """A cloud provider's troubleshooting page: "Execution errors", then each error under a heading of
    its own with its **Issue:** and **Resolution:**. The first was read as the fix of one problem
    "Execution errors", the second's steps a group of it, the pasted disk error answered with both."""
    article = _read(tmp_path, "runner.md", CLOUD_TROUBLESHOOTING)
    disk, busy = article.problems
    assert disk.title == "Workers are running out of disk space"
    assert disk.error_messages == [
        "Task 17 failed: write /scratch/shard-0017.parquet: no space left on device"
    ]
    assert [s.text for s in disk.steps] == [
        "Increase the scratch disk size.",
        "Delete intermediate shards as soon as each stage has read them.",
    ]
    assert busy.title.startswith("HTTP 503")
    assert [s.text for s in busy.steps] == [
        "Raise --max-workers, or check the regional worker quota under Quotas > Runner."
    ]
    assert "Execution errors" in disk.context
    # "What's next" lists pages to read, as "Next steps" does: no problem.
    assert "job logs" in article.body


SPLIT_BY_PLATFORM = """\
# Certificate errors

## Certificate errors after the upgrade

The portal shows `NET::ERR_CERT_DATE_INVALID` after the upgrade.

### Check the clock

1. Set the server's clock from the time server.

### Renew the certificate

1. Request a new certificate.
2. Install it on the portal.
"""


def test_an_error_heading_over_ways_to_fix_it_stays_one_problem(tmp_path: Path) -> None:
    """Sub-headings that only say what to do, with no Issue or Cause of their own, are the groups of
    one fix: only sub-sections that each state their problem make a heading of errors a group."""
    [problem] = _read(tmp_path, "cert.md", SPLIT_BY_PLATFORM).problems
    assert [s.group for s in problem.steps] == [
        "Check the clock",
        "Renew the certificate",
        "Renew the certificate",
    ]


def test_an_error_heading_over_one_stated_problem_and_a_way_to_fix_it_stays_one_problem(
    tmp_path: Path,
) -> None:
    """One sub-section with its own Issue is not yet a group of problems."""
    text = SPLIT_BY_PLATFORM.replace(
        "### Renew the certificate\n",
        "### Renew the certificate\n\n**Issue:** The certificate expired.\n\n**Resolution:**\n",
    )
    [problem] = _read(tmp_path, "cert.md", text).problems
    assert problem.title == "Certificate errors after the upgrade"


KNOWLEDGE_CENTER = """\
# How do I resolve the "Cannot load handler 'main': No module named 'yaml'" error in my function?

I get the error **Cannot load handler 'main': No module named 'yaml'** when I invoke my function.

## Short description

The package of your function doesn't include a library that your code imports.

## Resolution

### Add the library as a layer

1. Install the library into a folder named `python`.
2. Publish the folder as a layer, and add the layer to your function.

### Include the library in the package

1. `pip install pyyaml -t .`
2. `zip -r function.zip .`

### Check the handler setting

If the error says **Cannot load handler 'main': No module named 'main'** instead, then the handler setting doesn't match your file name. Open the console, choose **Runtime settings**, and set **Handler** to `<file name>.<function name>`.

## Related information

[Working with layers](https://example.com/layers)
"""


def test_a_resolution_s_sub_heading_that_answers_another_error_is_a_problem_of_that_error(
    tmp_path: Path,
) -> None:
    """A knowledge center's Resolution gives each cause a sub-heading; the last one answers another
    error, quoted in the condition it opens with. It was the problem's third group of steps, and
    pasted, that error was answered with the first group."""
    missing, handler = _read(tmp_path, "handler.md", KNOWLEDGE_CENTER).problems
    assert missing.error_messages == ["Cannot load handler 'main': No module named 'yaml'"]
    assert {s.group for s in missing.steps} == {
        "Add the library as a layer",
        "Include the library in the package",
    }
    # The sub-heading says what to do: it names the steps, and the error names the problem.
    assert handler.title == "Cannot load handler 'main': No module named 'main'"
    assert handler.error_messages == ["Cannot load handler 'main': No module named 'main'"]
    [step] = handler.steps
    assert step.group == "Check the handler setting"
    assert step.text.startswith("Open the console, choose Runtime settings")


@pytest.mark.parametrize(
    "section",
    [
        # The problem's own error again: a step of its fix.
        "If you still get **Cannot load handler 'main': No module named 'yaml'**, open the console and "
        "set **Handler** to `<file name>.<function name>`.",
        # A condition on no error.
        "If you deploy with a template, open the template and set **Handler** to `<file name>.<function name>`.",
        # More than the one paragraph: a fix that a condition leads in to.
        "If the error says **Cannot load handler 'main': No module named 'main'** instead, do this:\n\n"
        "1. Open the console.\n2. Set **Handler** to `<file name>.<function name>`.",
    ],
)
def test_a_resolution_s_sub_heading_that_answers_no_other_error_in_one_paragraph_stays_its_steps(
    section: str, tmp_path: Path
) -> None:
    start = KNOWLEDGE_CENTER.index("If the error says")
    end = KNOWLEDGE_CENTER.index("\n\n## Related")
    text = KNOWLEDGE_CENTER[:start] + section + KNOWLEDGE_CENTER[end:]
    [problem] = _read(tmp_path, "handler.md", text).problems
    assert "Check the handler setting" in {s.group for s in problem.steps}


HANDWRITTEN = """\
# redis: clients get READONLY after failover

Notes from the failover drill. formatting is rough.

## what you see

* app returns **500 Internal Server Error**
* `redis-cli role` on cache-1 says slave

## why

sentinel promoted cache-2 but the app config still points at cache-1.

## fix

1. point the app at the sentinel address instead of cache-1
2. restart the app pods

## also seen: timeouts instead of READONLY

if you get `Timeout reading from socket (TimeoutError) while waiting for reply` its not this, its the network policy. open port 26379 to sentinel in the policy and redeploy.
"""


def test_a_note_s_section_that_answers_another_error_is_a_problem_of_its_own(tmp_path: Path) -> None:
    """Notes written by hand end with another error seen, what it is and what to do, under a heading
    of its own: its error was the note's problem's, and pasted, answered with that problem's fix."""
    failover, timeouts = _read(tmp_path, "failover.md", HANDWRITTEN).problems
    assert failover.error_messages == []
    assert [s.text for s in failover.steps] == [
        "point the app at the sentinel address instead of cache-1",
        "restart the app pods",
    ]
    assert timeouts.title == "also seen: timeouts instead of READONLY"
    assert timeouts.error_messages == ["Timeout reading from socket (TimeoutError) while waiting for reply"]
    # No sentence in it starts as one, so all it says is the fix.
    [step] = timeouts.steps
    assert step.text.endswith("open port 26379 to sentinel in the policy and redeploy.")
    assert step.group is None


def test_short_comma_lines_are_a_greeting_or_sign_off_only_in_an_email(tmp_path: Path) -> None:
    # An article that is no email ("Subject:", "From:" and "To:", a reply's marker): "Most mornings,"
    # and "On each server," with the lines under them were greetings or sign-offs and their name
    # lines, the page's text: a symptom and the steps were lost to it.
    text = (
        "Share is read-only\n\nSymptoms: Users cannot save to the share.\n\nMost mornings,\nit is locked\n\n"
        "Resolution:\nGrant Change on the share.\n\nOn each server,\n1. net stop lanmanserver\n"
        "2. net start lanmanserver\n"
    )
    [problem] = _read(tmp_path, "share.txt", text).problems
    assert problem.symptoms == "Users cannot save to the share. Most mornings, it is locked"
    assert [s.text for s in problem.steps] == ["net stop lanmanserver", "net start lanmanserver"]


def test_numbered_lines_under_a_comma_line_of_an_email_are_steps(tmp_path: Path) -> None:
    # In an email, "On each server," over numbered lines was a sign-off, its steps its name lines.
    text = (
        "Subject: Share is read-only\n\nSymptoms: Users cannot save to the share.\n\n"
        "Resolution:\nGrant Change on the share.\n\nOn each server,\n1. net stop lanmanserver\n"
        "2. net start lanmanserver\n\nThanks,\nDana Lee\n"
    )
    article = _read(tmp_path, "share.txt", text)
    [problem] = article.problems
    assert [s.text for s in problem.steps] == ["net stop lanmanserver", "net start lanmanserver"]
    assert "Thanks,\nDana Lee" in article.body


def test_a_part_s_name_that_a_step_introduces_is_the_step_s_value_not_a_label(tmp_path: Path) -> None:
    # "Recovery" under "…open the page:" was a "Resolution" label: step 2 lost it and the numbering
    # began again. Alone after a sentence that is no step, it is still a label (guard).
    text = (
        "Tablet restarts in a loop\n\nSymptoms: The tablet restarts every few minutes.\n\n"
        "Resolution:\n1. Open Settings and go to the page:\nRecovery\n2. Select Reset and keep your files.\n\n"
        "Charger shows no light\n\nSymptoms: The charger's light stays off.\n\nCause\nThe cable is loose.\n"
    )
    tablet, charger = _read(tmp_path, "tablet.txt", text).problems
    assert [(s.number, s.text) for s in tablet.steps] == [
        ("1", "Open Settings and go to the page:\nRecovery"),
        ("2", "Select Reset and keep your files."),
    ]
    assert charger.cause == "The cable is loose."


@pytest.mark.parametrize(
    ("fix", "steps", "body"),
    [
        # A place, then what to do there in lower case: its one step.
        ("On the file server\nopen Server Manager\n", [("On the file server", "open Server Manager")], ""),
        # Lines that each say what to do: a step each.
        (
            "Restart the sync agent\nClear its cache\nSign in again\n",
            [(None, "Restart the sync agent"), (None, "Clear its cache"), (None, "Sign in again")],
            "",
        ),
        # A place over commands: the group of its commands.
        (
            "On the file server\nnet stop lanmanserver\nnet start lanmanserver\n",
            [
                ("On the file server", "net stop lanmanserver"),
                ("On the file server", "net start lanmanserver"),
            ],
            "",
        ),
        # A place after a step that ends no sentence names the next step's group; it does not end that step.
        (
            "1. Restart the sync agent\n\nOn each laptop\nSign out and back in.\n",
            [(None, "Restart the sync agent"), ("On each laptop", "Sign out and back in.")],
            "",
        ),
        # A lead-in after the steps, with its one short line under it.
        (
            "1. Restart the sync agent.\n\nThen on each laptop:\nSign in again\n",
            [(None, "Restart the sync agent."), ("Then on each laptop", "Sign in again")],
            "",
        ),
        # After the steps, a short line or a lead-in over nothing: the problem's text.
        (
            "1. Restart the sync agent.\n2. Sign in again.\n\nIf it still fails\n",
            [(None, "Restart the sync agent."), (None, "Sign in again.")],
            "If it still fails",
        ),
        (
            "1. Restart the sync agent.\n2. Sign in again.\n\nIf it still fails, then:\n",
            [(None, "Restart the sync agent."), (None, "Sign in again.")],
            "If it still fails, then:",
        ),
        # A short line over bullets names their group, as it did (guard).
        (
            "Check the network\n- Ping the gateway.\n- Ping the DNS server.\n",
            [("Check the network", "Ping the gateway."), ("Check the network", "Ping the DNS server.")],
            "",
        ),
        # A short line after the steps, over a sentence: the name of that sentence's group, which
        # does not run on into the last step.
        (
            "1. Ping the gateway\n\nESCALATION\nSend the ticket to the network team.\n",
            [(None, "Ping the gateway"), ("ESCALATION", "Send the ticket to the network team.")],
            "",
        ),
        # A fix written as a sentence, then a sign-off with nothing under it: the problem's text, no step.
        (
            "Remove the cached credentials and restart Outlook.\n\nIT Service Desk\n",
            [(None, "Remove the cached credentials and restart Outlook.")],
            "IT Service Desk",
        ),
        # After a group's steps written as lines, a line that says nothing to do names the next group:
        # it was one more step of the group before.
        (
            "On Windows\nOpen Settings > Apps\nUninstall the client\nOn macOS\nDrag the app to the Trash\n",
            [
                ("On Windows", "Open Settings > Apps"),
                ("On Windows", "Uninstall the client"),
                ("On macOS", "Drag the app to the Trash"),
            ],
            "",
        ),
        # After numbered steps, a name with nothing under it is the problem's text, and the next name
        # names the next steps: they were the empty group's.
        (
            "Windows\n1. Open Settings.\n2. Uninstall the client.\nmacOS\nLinux\n1. Run the package remover.\n",
            [
                ("Windows", "Open Settings."),
                ("Windows", "Uninstall the client."),
                ("Linux", "Run the package remover."),
            ],
            "macOS",
        ),
    ],
)
def test_a_short_line_of_a_text_fix_names_no_group_without_steps(
    tmp_path: Path, fix: str, steps: list[tuple[str | None, str]], body: str
) -> None:
    # Before: each short line with no steps under it named a group of none, and was lost ("On the file
    # server" and "open Server Manager": no steps, an empty body), or ran on into the step above.
    text = f"Symptoms: Files on the share stay locked.\n\nResolution:\n{fix}"
    [problem] = _read(tmp_path, "share.txt", text).problems
    assert [(s.group, s.text) for s in problem.steps] == steps
    assert problem.body == body


@pytest.mark.parametrize(
    "note",
    [
        "NOTE: Step 2 signs every user out of the\nshared mailbox until the next sync.",
        "Note:\nStep 2 signs every user out of the\nshared mailbox until the next sync.",
        "Note:\n\nStep 2 signs every user out of the\nshared mailbox until the next sync.",
    ],
)
def test_a_note_label_after_a_text_fix_s_steps_is_a_note_of_the_fix(tmp_path: Path, note: str) -> None:
    # Before: "NOTE: …" was the problem's text, a short one the name of a group of its wrapped line,
    # and "Note:" alone the name of a group whose one step was the note's text.
    text = (
        "Shared mailbox does not update\n\nPROBLEM\nThe shared mailbox shows no new mail.\n\n"
        "RESOLUTION\n1) Remove the mailbox from the profile.\n2) Add it again with full access.\n\n"
        f"{note}\n\nESCALATION\nAssign the ticket to the messaging queue.\n"
    )
    [problem] = _read(tmp_path, "mailbox.txt", text).problems
    said = "Step 2 signs every user out of the shared mailbox until the next sync."
    assert [(s.group, s.text) for s in problem.steps] == [
        (None, "Remove the mailbox from the profile."),
        (None, "Add it again with full access."),
        ("ESCALATION", "Assign the ticket to the messaging queue."),
    ]
    [kept] = problem.notes
    assert (kept.text.endswith(said), kept.group, kept.after) == (True, None, True)
    assert kept.text in problem.body


@pytest.mark.parametrize("heading", ["Escalation", "ESCALATION", "If it still fails"])
def test_a_text_note_ends_at_a_short_heading_line_right_under_it(tmp_path: Path, heading: str) -> None:
    # Before: the heading and the step under it ran on into the note, lines that followed it with no gap.
    text = (
        "Symptoms: The shared mailbox shows no new mail.\n\nResolution:\n"
        "1. Remove the mailbox from the profile.\n2. Add it again.\n"
        "Note: On Exchange 2013 the folder is protected.\nTake ownership of it first.\n"
        f"{heading}\nAssign the ticket to the messaging queue.\n"
    )
    [problem] = _read(tmp_path, "mailbox.txt", text).problems
    assert [n.text for n in problem.notes] == [
        "Note: On Exchange 2013 the folder is protected. Take ownership of it first."
    ]
    assert (problem.steps[-1].group, problem.steps[-1].text) == (
        heading,
        "Assign the ticket to the messaging queue.",
    )


def test_a_text_fix_s_note_label_before_its_steps_and_a_warning_after_them_stay_as_they_were(
    tmp_path: Path,
) -> None:
    # A note before any step is the fix's text, and "WARNING:", as programs print it, is no note.
    text = (
        "Symptoms: The shared mailbox shows no new mail.\n\nResolution:\nNote: back up the profile first.\n"
        "1. Remove the mailbox from the profile.\n\nWARNING: the mailbox may print errors.\n"
    )
    [problem] = _read(tmp_path, "mailbox.txt", text).problems
    assert problem.notes == []
    assert [s.text for s in problem.steps] == ["Remove the mailbox from the profile."]
    assert problem.body == "Note: back up the profile first.\nWARNING: the mailbox may print errors."


@pytest.mark.parametrize(
    "explained",
    [
        "Root cause was the ribbon sensor firmware 2.3 shipped with the printers. It\nmisreads the new ribbons.",
        "This was caused by the ribbon sensor firmware 2.3 shipped with the printers. It\nmisreads the new ribbons.",
    ],
)
def test_a_paragraph_of_an_email_s_issue_that_says_what_the_cause_is_is_the_cause(
    tmp_path: Path, explained: str
) -> None:
    # Before: "Root cause was …" after the issue was one more symptom.
    text = EMAIL_TEXT.replace("loaded.\n\nWhat fixed it:", f"loaded.\n\n{explained}\n\nWhat fixed it:")
    [problem] = _read(tmp_path, "email.txt", text).problems
    assert problem.symptoms == (
        'Writing this up for the KB. the badge printer stops with "Ribbon out" although a new ribbon is loaded.'
    )
    assert problem.cause == explained.replace("\n", " ")
    assert problem.origins["cause"] == [13, 14]
    assert [s.text for s in problem.steps][:1] == ["Open the printer and take the ribbon out."]


def test_a_text_problem_s_first_lines_or_a_cause_sentence_inside_a_paragraph_stay_its_symptoms(
    tmp_path: Path,
) -> None:
    # What opens the symptoms is what is seen, whatever it says; and where a label states the cause,
    # a paragraph that states one too is what is seen.
    text = (
        "Symptoms: The cause was never found, but badges print blank.\n"
        "Users say the root cause is the ribbon.\n\nCause:\nThe ribbon is loaded inside out.\n\n"
        "Resolution:\n1. Load the ribbon again.\n"
    )
    [problem] = _read(tmp_path, "badge.txt", text).problems
    assert problem.symptoms == (
        "The cause was never found, but badges print blank. Users say the root cause is the ribbon."
    )
    assert problem.cause == "The ribbon is loaded inside out."


def test_a_help_centres_closing_prompt_in_another_language_and_its_rating_are_no_problem() -> None:
    """A Dutch help centre's page ends with "Heeft u nog vragen?", a line to the contact form and its
    rating widget ("Was deze informatie nuttig? Ja Nee"): that section was a problem of its own, the
    widget its second step; "Still stuck?" in English was one too."""
    for closing in ("Heeft u nog vragen?", "Still stuck?"):
        page = f"""<html><head><meta charset="utf-8"><title>Printer</title></head><body>
<h1>Printer blijft offline</h1>
<h2>Probleem</h2>
<p>De printer staat offline in het portaal.</p>
<h2>Oplossing</h2>
<ol><li>Zet de printer uit en weer aan.</li><li>Verbind de printer opnieuw met wifi.</li></ol>
<h2>{closing}</h2>
<p>Neem contact op met de servicedesk via het formulier.</p>
<div class="rating">Was deze informatie nuttig? <a href="#">Ja</a> <a href="#">Nee</a></div>
</body></html>"""
        article = parse_article(page.encode(), "printer.html")
        assert [p.title for p in article.problems] == ["Printer blijft offline"]
        assert [s.text for s in article.problems[0].steps] == [
            "Zet de printer uit en weer aan.",
            "Verbind de printer opnieuw met wifi.",
        ]
        assert "Neem contact op met de servicedesk" in article.body


@pytest.mark.parametrize(
    "text",
    [
        "# Dock is not detected\n\n## Reconnect the dock\n\n1. Unplug the dock's USB-C cable.\n"
        "2. Wait ten seconds and plug it in again.\n\n## Still stuck?\n\nUpdate the dock's firmware:\n\n"
        "1. Download the firmware tool from the vendor's site.\n2. Run it with the dock connected.\n"
        "3. Restart the laptop.\n\nIf the dock is still not detected, ask for a replacement.\n",
        "# Dock troubleshooting\n\n## Still stuck?\n\nIf the screens stay black after the update, reset the dock:\n\n"
        "1. Hold the dock's power button for 20 seconds.\n2. Reconnect the laptop.\n",
    ],
)
def test_steps_under_a_still_stuck_heading_are_a_further_fix(tmp_path: Path, text: str) -> None:
    """A "Still stuck?" section that gives steps of its own (a firmware update, a reset) is a further fix:
    read as the help centre's closing prompt, its steps were left out of every problem, and a page of
    that section alone described no problem."""
    problems = _read(tmp_path, "dock.md", text).problems
    steps = [s.text for p in problems for s in p.steps]
    assert "Run it with the dock connected." in steps or "Reconnect the laptop." in steps


def test_a_still_stuck_section_of_links_to_support_stays_boilerplate(tmp_path: Path) -> None:
    """Guard: "Still stuck?" over links only (the support form, the forum) sends the reader on."""
    text = (
        "# Dock is not detected\n\n## Reconnect the dock\n\n1. Unplug the dock's USB-C cable.\n"
        "2. Plug it in again.\n\n## Still stuck?\n\n- [Open a ticket](https://help.example.com/new)\n"
        "- [Ask the community](https://forum.example.com)\n"
    )
    article = _read(tmp_path, "dock.md", text)
    assert [p.title for p in article.problems] == ["Dock is not detected"]
    assert [s.text for s in article.problems[0].steps] == [
        "Unplug the dock's USB-C cable.",
        "Plug it in again.",
    ]
    assert "Ask the community" in article.body


def test_a_still_need_help_section_of_steps_to_reach_support_stays_boilerplate(tmp_path: Path) -> None:
    """Guard: "Still need help?" sends the reader to support, and its numbered steps say how to reach it
    ("Go to the support portal", "Submit a request"): no further fix, no problem of its own."""
    text = (
        "# Dock is not detected\n\n## Reconnect the dock\n\n1. Unplug the dock's USB-C cable.\n"
        "2. Plug it in again.\n\n## Still need help?\n\n1. Go to the support portal.\n2. Submit a request.\n"
    )
    article = _read(tmp_path, "dock.md", text)
    assert [p.title for p in article.problems] == ["Dock is not detected"]
    assert [s.text for s in article.problems[0].steps] == [
        "Unplug the dock's USB-C cable.",
        "Plug it in again.",
    ]


KB_FIELDS_PAGE = """\
Title: Badge readers reject cards: "Credential not recognized"
Article Number: 000071209
Product: DoorLink Controller
Last Modified: 2026-01-14

Symptoms
--------

Badge readers at the side doors show "Credential not recognized" for every card.

Cause
-----

The controller's site key was rotated and the readers still hold the old one.

Resolution
----------

1. Open DoorLink Controller and go to Readers.
2. Select the side-door readers and click Push site key.
"""


def test_a_title_field_over_a_kb_page_s_fields_titles_a_page_with_no_heading(tmp_path: Path) -> None:
    # Before: the page was titled by its file's name, and its fields ("Article Number: …", "Product: …")
    # were the problem's symptoms; its product scoped nothing.
    article = _read(tmp_path, "badge-readers.md", KB_FIELDS_PAGE)
    [problem] = article.problems
    title = 'Badge readers reject cards: "Credential not recognized"'
    assert article.title == problem.title == title
    assert article.product == "DoorLink Controller"
    assert (
        problem.symptoms == 'Badge readers at the side doors show "Credential not recognized" for every card.'
    )
    assert "Article Number: 000071209" in article.body
    assert len(problem.steps) == 2


@pytest.mark.parametrize(
    "opening",
    [
        # A page's first line alone: a backlink, a greeting, a symptom or a label is no title of its.
        "Badge readers reject every card\n\n",
        "Title: Badge readers reject every card\n\n",
        "Back to Access control\n\n",
    ],
)
def test_a_page_with_no_heading_and_no_fields_is_not_titled_by_its_first_line(
    tmp_path: Path, opening: str
) -> None:
    """Guard: only a "Title: …" field among the page's fields titles a page with no heading; its first
    line alone says too many things (a breadcrumb, a greeting, the symptom) to be read as its title."""
    text = f"{opening}1. Push the site key to the readers.\n2. Test a card.\n"
    assert _read(tmp_path, "readers.md", text).title == "readers"


NUMBERED_PARTS = """# Monitoring agent does not start

## 1. Symptoms

The agent service stops a few seconds after it starts. Its journal shows:

```
agentd[2231]: fatal: cannot bind 0.0.0.0:9100: address already in use
```

## 2. Cause

Another exporter already listens on port 9100.

## 3. Resolution

1. Stop the other exporter.
2. Start the agent.

## 4. References

- Installing the agent
"""


def test_numbered_headings_that_name_parts_are_those_parts_not_steps(tmp_path: Path) -> None:
    (problem,) = _read(tmp_path, "agent.md", NUMBERED_PARTS).problems
    assert problem.symptoms.startswith("The agent service stops")
    assert problem.error_messages == ["agentd[2231]: fatal: cannot bind 0.0.0.0:9100: address already in use"]
    assert problem.cause == "Another exporter already listens on port 9100."
    assert [s.text for s in problem.steps] == ["Stop the other exporter.", "Start the agent."]


NUMBERED_PROCEDURE = """# Set up the agent

## Install the agent

### 1. Download the package

Get it from the portal.

### 2. Run the installer

Accept the defaults.
"""


def test_numbered_headings_that_name_no_part_are_still_steps(tmp_path: Path) -> None:
    (problem,) = _read(tmp_path, "setup.md", NUMBERED_PROCEDURE).problems
    assert [s.group for s in problem.steps] == ["1. Download the package", "2. Run the installer"]


ICON_PARTS = """# Customer portal sign-in

## Login loops back to the sign-in page

### 🔍 Symptoms

After signing in with SSO, the browser returns to the sign-in page.

### 💡 Cause

The browser blocks the portal's cookies.

### 🛠️ Fix

1. Allow cookies for the portal.
2. Sign in again.
"""


def test_part_headings_opened_by_an_icon_name_their_parts(tmp_path: Path) -> None:
    (problem,) = _read(tmp_path, "sso.md", ICON_PARTS).problems
    assert problem.title == "Login loops back to the sign-in page"
    assert problem.symptoms == "After signing in with SSO, the browser returns to the sign-in page."
    assert problem.cause == "The browser blocks the portal's cookies."
    assert [s.text for s in problem.steps] == ["Allow cookies for the portal.", "Sign in again."]


HARD_WRAPPED_LABELS = """# Laptop asks for the recovery key

## Recovery screen after a firmware update

**Issue**
After a firmware update the laptop starts to a blue screen that asks for a 48-digit key.

**Cause**
The update changed the TPM measurements, and BitLocker was not suspended before it.

**Resolution**
1. Look the key up in the self-service portal.
2. Type it on the laptop.
"""


def test_a_bold_label_on_its_own_line_heads_the_lines_under_it(tmp_path: Path) -> None:
    (problem,) = _read(tmp_path, "recovery.md", HARD_WRAPPED_LABELS).problems
    assert (
        problem.symptoms
        == "After a firmware update the laptop starts to a blue screen that asks for a 48-digit key."
    )
    assert (
        problem.cause == "The update changed the TPM measurements, and BitLocker was not suspended before it."
    )
    assert [s.text for s in problem.steps] == [
        "Look the key up in the self-service portal.",
        "Type it on the laptop.",
    ]


def test_a_bold_phrase_on_its_own_line_that_names_no_part_stays_text(tmp_path: Path) -> None:
    text = (
        "# Printer\n\n## Jobs stay queued\n\nJobs sent to the office printer stay in the queue.\n\n"
        "**Important**\nThe queue is shared.\n\n1. Restart the spooler.\n"
    )
    (problem,) = _read(tmp_path, "printer.md", text).problems
    assert problem.symptoms == "Jobs sent to the office printer stay in the queue."
    assert [n.text for n in problem.notes] == ["Important\nThe queue is shared."]
    assert [s.text for s in problem.steps] == ["Restart the spooler."]


LISTS_IN_CELLS = """# VPN client troubleshooting

| Symptom | Cause | Resolution |
| --- | --- | --- |
| `Profile signature invalid (GC-221)` when importing a profile | The profile was edited by hand | <ol><li>Delete the edited profile.</li><li>Download a fresh copy from https://vpn.example/profile.</li><li>Import it.</li></ol> |
| `Gateway unreachable (GC-108)` after Connect | A captive portal blocks UDP | • Accept the portal's terms.<br>• Reconnect. |
"""


def test_a_list_written_in_a_tables_fix_cell_is_its_steps(tmp_path: Path) -> None:
    signature, gateway = _read(tmp_path, "vpn.md", LISTS_IN_CELLS).problems
    assert [s.text for s in signature.steps] == [
        "Delete the edited profile.",
        "Download a fresh copy from https://vpn.example/profile.",
        "Import it.",
    ]
    assert [s.text for s in gateway.steps] == ["Accept the portal's terms.", "Reconnect."]


MATRIX_CELLS = """# Badge printer matrix

| Symptom | Likely cause | Fix |
|---|---|---|
| Printer shows `BDG-17 ribbon sensor fault` | Ribbon not seated | 1) Open the ribbon cover 2) Press the ribbon onto its spindle 3) If it slips, fit a new ribbon |
| Badges come out blank | The print head is too cold | Open the printer utility<br>Raise the head energy by one step<br>Retry the badge |
| Colours are faint | The ribbon is near its end | Replace the ribbon.<br>This also resets the ribbon counter. |
| Photo is cropped | Template margins are too wide | Set the margin to 2 (see note 1) and print again |
"""


def test_a_matrix_fix_cell_that_numbers_its_steps_with_parentheses_is_a_step_per_number(
    tmp_path: Path,
) -> None:
    """ "1) … 2) … 3) …" in one cell, the steps not ended by a full stop: read as one step before."""
    sensor = _read(tmp_path, "badges.md", MATRIX_CELLS).problems[0]
    assert [(s.number, s.text) for s in sensor.steps] == [
        ("1", "Open the ribbon cover"),
        ("2", "Press the ribbon onto its spindle"),
        ("3", "If it slips, fit a new ribbon"),
    ]


def test_a_matrix_fix_cells_lines_that_each_instruct_are_a_step_per_line(tmp_path: Path) -> None:
    """Unnumbered lines of a fix cell, ``<br>`` between them: one run-on step before."""
    blank = _read(tmp_path, "badges.md", MATRIX_CELLS).problems[1]
    assert [(s.number, s.text) for s in blank.steps] == [
        ("1", "Open the printer utility"),
        ("2", "Raise the head energy by one step"),
        ("3", "Retry the badge"),
    ]


def test_a_fix_cells_line_that_explains_and_a_number_in_a_sentence_split_no_steps(tmp_path: Path) -> None:
    faint, cropped = _read(tmp_path, "badges.md", MATRIX_CELLS).problems[2:]
    assert len(faint.steps) == 1
    assert faint.steps[0].text.startswith("Replace the ribbon.")
    assert [s.text for s in cropped.steps] == ["Set the margin to 2 (see note 1) and print again"]


def test_html_list_items_inside_a_line_are_not_run_together() -> None:
    from markdown_it.tree import SyntaxTreeNode

    from indexer.inline_text import inline_text
    from indexer.markup import markdown_parser

    tokens = markdown_parser().parse("Try <ul><li>the cable.</li><li>Then the port.</li></ul> again.")
    paragraph = SyntaxTreeNode(tokens).children[0]
    assert inline_text(paragraph) == "Try the cable. Then the port. again."


STEP_PARAGRAPHS = """# Queue backlog

## Procedure

Run these from the ops jump host.

Step 1: Pause the consumers:
- Open the dashboard.
- Scale `worker` to 0.

Step 2: Purge the dead-letter queue.

Wait until the queue depth reads 0.

Step 3: Scale the consumers back to 6.
"""


def test_a_runbooks_step_paragraphs_keep_their_numbers_with_what_lies_between_them(tmp_path: Path) -> None:
    (problem,) = _read(tmp_path, "backlog.md", STEP_PARAGRAPHS).problems
    assert [(s.number, s.text) for s in problem.steps] == [
        ("1", "Pause the consumers:"),
        ("1.1", "Open the dashboard."),
        ("1.2", "Scale worker to 0."),
        ("2", "Purge the dead-letter queue.\nWait until the queue depth reads 0."),
        ("3", "Scale the consumers back to 6."),
    ]


FIELD_TABLES = """# Expense app – troubleshooting

Exported from the team wiki.

## Receipt upload fails

| | |
|---|---|
| **Symptom** | Uploading a receipt fails with `Upload rejected: file type image/heic is not allowed`. |
| **Cause** | The phone saves photos as HEIC, and the app accepts only JPEG, PNG and PDF. |
| **Resolution** | 1. Open **Settings > Camera > Formats**.<br>2. Choose **Most Compatible**. |
| **Owner** | Finance Systems |

## Mileage claims

| Field | Details |
|---|---|
| Symptom | The Submit button of a mileage claim is greyed out. |
| Cause | The claim has no cost centre. |
| Resolution | Choose a cost centre, then click **Submit**. |
"""


def test_a_table_that_names_a_problems_parts_down_its_first_column_is_that_problem(tmp_path: Path) -> None:
    upload, mileage = _read(tmp_path, "expenses.md", FIELD_TABLES).problems
    assert upload.title == "Receipt upload fails"
    assert upload.error_messages == ["Upload rejected: file type image/heic is not allowed"]
    assert upload.cause == "The phone saves photos as HEIC, and the app accepts only JPEG, PNG and PDF."
    assert [s.text for s in upload.steps] == ["Open Settings > Camera > Formats.", "Choose Most Compatible."]
    assert mileage.title == "Mileage claims"
    assert mileage.symptoms == "The Submit button of a mileage claim is greyed out."
    assert mileage.cause == "The claim has no cost centre."
    assert [s.text for s in mileage.steps] == ["Choose a cost centre, then click Submit."]


KNOWN_ISSUES_LIST = """# Roster 7.3 – known issues

- **Issue:** Shift swap requests stay pending when the approving manager is on leave.
  **Workaround:** An HR admin approves them from **Admin > Requests**.
- **Issue:** Exporting a month fails with `Export failed: row limit 65536 exceeded`.
  **Workaround:** Export one week at a time.
- **Issue:** Push notifications stop after the app update.
  **Cause:** Android 14 revokes the notification permission of sideloaded updates.
  **Workaround:**
  1. Open **Settings > Apps > Roster > Notifications**.
  2. Turn on **Allow notifications**.
"""


def test_each_labelled_item_of_a_known_issues_list_is_a_problem(tmp_path: Path) -> None:
    swaps, export, push = _read(tmp_path, "known-issues.md", KNOWN_ISSUES_LIST).problems
    assert swaps.title == "Shift swap requests stay pending when the approving manager is on leave"
    assert [s.text for s in swaps.steps] == ["An HR admin approves them from Admin > Requests."]
    assert export.error_messages == ["Export failed: row limit 65536 exceeded"]
    assert [s.text for s in export.steps] == ["Export one week at a time."]
    assert push.symptoms == "Push notifications stop after the app update."
    assert push.cause == "Android 14 revokes the notification permission of sideloaded updates."
    assert [s.text for s in push.steps] == [
        "Open Settings > Apps > Roster > Notifications.",
        "Turn on Allow notifications.",
    ]


def test_a_known_issue_stated_at_length_is_still_a_problem_of_its_own(tmp_path: Path) -> None:
    # An issue's statement longer than a bold label (with the error its console shows) made the list
    # one problem whose steps were every issue, and a paste of that error was answered "low".
    long = (
        "After upgrading from 7.2, the dashboard stays blank and the browser console reports "
        "`Uncaught TypeError: Cannot read properties of undefined (reading 'panels')` on every load."
    )
    text = (
        "# Roster 7.4 release notes\n\n## Known issues\n\n"
        f"- **Issue:** {long} **Workaround:** Open `/dashboard/?reset=1` once, then reload the page.\n"
        "- **Issue:** Reminder e-mails are sent twice. **Workaround:** Remove the duplicate rule.\n"
    )
    blank, twice = _read(tmp_path, "notes.md", text).problems
    assert blank.error_messages == [
        "Uncaught TypeError: Cannot read properties of undefined (reading 'panels')"
    ]
    assert [s.text for s in blank.steps] == ["Open /dashboard/?reset=1 once, then reload the page."]
    assert twice.title == "Reminder e-mails are sent twice"


OPENING_OUTPUT = """# Build notes

## Node build

```
FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory
```

The web bundle needs more memory.

- Set `NODE_OPTIONS=--max-old-space-size=6144`.

## Install the tools

```
brew install node
```

Then open a new terminal.
"""


def test_a_section_that_opens_with_a_printed_failure_quotes_it_as_its_error(tmp_path: Path) -> None:
    build, install = _read(tmp_path, "build.md", OPENING_OUTPUT).problems
    assert [
        m.endswith("Reached heap limit Allocation failed - JavaScript heap out of memory")
        for m in build.error_messages
    ] == [True]
    assert [s.text for s in build.steps] == ["Set NODE_OPTIONS=--max-old-space-size=6144."]
    assert install.error_messages == []


def test_a_heading_that_says_something_stops_or_runs_out_names_a_failure() -> None:
    from indexer.roles import Kind, heading_kind

    assert heading_kind("The node build stops", []) is Kind.ERROR
    assert heading_kind("Workers run out of memory", []) is Kind.ERROR
    assert heading_kind("Stop the workers", []) is not Kind.ERROR


def test_an_error_heading_beside_its_resolution_heading_is_the_problem_they_make(tmp_path: Path) -> None:
    page = (
        "# Backup agent\n\n## Restore fails at 40 %\n\nThe restore stops and the agent shows a red icon.\n\n"
        "## Resolution\n\n1. Free space on the target.\n2. Run the restore again.\n"
    )
    (problem,) = _read(tmp_path, "restore.md", page).problems
    assert problem.title == "Restore fails at 40 %"
    assert problem.symptoms == "The restore stops and the agent shows a red icon."
    assert [s.text for s in problem.steps] == ["Free space on the target.", "Run the restore again."]


def test_an_answers_explanation_over_its_numbered_fix_is_no_step(tmp_path: Path) -> None:
    page = (
        "# Mobile app FAQ\n\n"
        '**Q: I get "Form version mismatch (expected 14, got 12)" when I submit a form.**\n\n'
        "The form was changed in the office after you downloaded the job.\n\n"
        "1. Tap **Save draft**.\n2. Submit again.\n"
    )
    (problem,) = _read(tmp_path, "faq.md", page).problems
    assert [s.text for s in problem.steps] == ["Tap Save draft.", "Submit again."]
    assert [n.text for n in problem.notes] == [
        "The form was changed in the office after you downloaded the job."
    ]


def test_what_a_why_answer_says_to_do_after_its_cause_stays_a_step(tmp_path: Path) -> None:
    page = (
        "# FAQ\n\n**Q: Why do photos not upload on the staff Wi-Fi?**\n\n"
        "The staff Wi-Fi blocks the upload server. Connect to the guest network, or allow mobile data:\n\n"
        "1. Open **Settings > Data**.\n2. Turn on **Use mobile data for uploads**.\n"
    )
    (problem,) = _read(tmp_path, "faq.md", page).problems
    assert problem.cause == "The staff Wi-Fi blocks the upload server."
    assert problem.steps[0].text == "Connect to the guest network, or allow mobile data:"


def test_verbs_that_also_name_things_instruct_only_before_what_they_act_on() -> None:
    from indexer.roles import reads_as_instruction

    assert reads_as_instruction("Connect to the guest network.")
    assert reads_as_instruction("Renew the certificate.")
    assert not reads_as_instruction("Connect Health shows a warning.")
    assert not reads_as_instruction("Mount fails with an I/O error.")


@pytest.mark.parametrize("column", ["Summary", "Title", "Description"])
def test_a_release_notes_known_issues_table_gives_a_problem_per_row_with_its_workaround(
    tmp_path: Path, column: str
) -> None:
    # Headed "Description", the column named the messages of a table of errors: the table was one
    # problem of messages, and every workaround was lost.
    page = (
        f"# Orbit 7.3 release notes\n\n## Known issues\n\n| ID | {column} | Workaround |\n|----|----|----|\n"
        "| ORB-4510 | Uploads over 2 GB fail with `413 Payload Too Large`. | Split the file before uploading. |\n"
        "| ORB-4523 | Notifications do not appear on macOS 15. | Turn notifications off and on again. |\n"
    )
    uploads, notifications = _read(tmp_path, "release.md", page).problems
    assert uploads.error_messages == ["413 Payload Too Large"]
    assert [s.text for s in uploads.steps] == ["Split the file before uploading."]
    assert notifications.title == "Notifications do not appear on macOS 15."
    assert notifications.error_messages == []
    assert [s.text for s in notifications.steps] == ["Turn notifications off and on again."]


@pytest.mark.parametrize("column", ["LED", "Status light", "Indicator pattern", "Beep pattern"])
def test_a_hardware_kbs_status_light_table_gives_a_problem_per_pattern_with_its_action(
    tmp_path: Path, column: str
) -> None:
    """A row per light pattern (what is seen), its meaning (why) and its action (the fix), as a
    device's KB writes them beside its error codes: read as body, only the error table gave problems."""
    page = (
        f"# Veloscan 12 scanner\n\n## Status lights\n\n| {column} | Meaning | Action |\n|---|---|---|\n"
        "| Green flashing twice | Feeder cover open | Close the feeder cover until it latches. |\n"
        "| Red steady | Lamp failed its self-test | Turn off the scanner and replace the lamp. |\n\n"
        "## Error codes\n\n| Code | Cause | Solution |\n|---|---|---|\n"
        "| VS-310 | Rollers worn | Replace the roller kit. |\n"
    )
    cover, lamp, code = _read(tmp_path, "scanner.md", page).problems
    assert (cover.title, cover.cause) == ("Green flashing twice", "Feeder cover open")
    assert [s.text for s in cover.steps] == ["Close the feeder cover until it latches."]
    assert lamp.title == "Red steady"
    assert [s.text for s in lamp.steps] == ["Turn off the scanner and replace the lamp."]
    assert code.title == "VS-310"


def test_tables_of_light_colours_settings_and_exit_statuses_give_no_problems(tmp_path: Path) -> None:
    """Near misses of a status light table: one with no fix column, a settings table with an action
    column and a command's exit statuses with what to do are reference, not a problem per row."""
    page = (
        "# Veloscan 12 reference\n\n## Lights\n\n| LED | Colour | Meaning |\n|---|---|---|\n"
        "| Power | Green | The scanner is on |\n| Lamp | Amber | The lamp is warming up |\n\n"
        "## Profiles\n\n| Setting | Default | Action |\n|---|---|---|\n"
        "| Duplex | Off | Scan both sides |\n| Deskew | On | Straighten pages |\n\n"
        "## Exit statuses\n\n| Exit status | Meaning | What to do |\n|---|---|---|\n"
        "| 0 | Scan saved | Nothing |\n| 3 | No paper | Load paper |\n"
    )
    titles = [p.title for p in _read(tmp_path, "reference.md", page).problems]
    assert not {"Power", "Lamp", "Duplex", "Deskew", "0", "3"} & set(titles)


def test_log_lines_at_a_failures_level_are_an_error_message_without_a_lead_in(tmp_path: Path) -> None:
    page = (
        "# Fleet agent\n\n## Agent shows as offline\n\nThe console shows the host as offline. The agent log repeats:\n\n"
        '```text\nlevel=warn msg="heartbeat failed" err="context deadline exceeded"\n```\n\n'
        "1. Add the proxy to `/etc/fleetd/fleetd.yaml`.\n2. Restart the agent.\n"
    )
    (problem,) = _read(tmp_path, "agent.md", page).problems
    assert len(problem.error_messages) == 1
    assert 'err="context deadline exceeded"' in problem.error_messages[0]


def test_bold_labels_over_numbered_steps_name_their_groups(tmp_path: Path) -> None:
    page = (
        "# VPN drops\n\n## Symptoms\n\nThe client disconnects every 10 minutes.\n\n## Resolution\n\n"
        "**Permanent fix**\n\n1. Install client 5.2.4.\n2. Restart.\n\n"
        "**Workaround (if the upgrade cannot be installed)**\n\n1. Set `ForceNatT` to 1.\n2. Reconnect.\n"
    )
    (problem,) = _read(tmp_path, "vpn.md", page).problems
    assert [(s.group, s.number) for s in problem.steps] == [
        ("Permanent fix", "1"),
        ("Permanent fix", "2"),
        ("Workaround (if the upgrade cannot be installed)", "1"),
        ("Workaround (if the upgrade cannot be installed)", "2"),
    ]


def test_a_why_answer_that_shows_the_error_before_its_fix_has_its_cause_first(tmp_path: Path) -> None:
    page = (
        "# Git LFS FAQ\n\n## Why can't I push large files?\n\n"
        "The pre-receive hook rejects files over 50 MB. You get this error when you push:\n\n"
        "```\nremote: error: GH001: Large files detected. Use Git LFS to store them.\n```\n\n"
        'Track the file type with LFS, then push again:\n\n```\ngit lfs track "*.sql"\ngit push\n```\n'
    )
    (problem,) = _read(tmp_path, "lfs.md", page).problems
    assert problem.cause.startswith("The pre-receive hook rejects files over 50 MB.")
    assert problem.error_messages == [
        "remote: error: GH001: Large files detected. Use Git LFS to store them."
    ]
    assert [s.text.splitlines()[0] for s in problem.steps] == [
        "Track the file type with LFS, then push again:"
    ]


def test_a_heading_that_is_a_bare_code_keeps_it_beside_the_message_quoted_under_it(tmp_path: Path) -> None:
    page = (
        "# Terminal codes\n\n## Network\n\n#### E3001\n\n"
        "The terminal cannot reach the host. The screen shows `HOST UNREACHABLE`.\n\nRestart the terminal.\n"
    )
    (problem,) = _read(tmp_path, "codes.md", page).problems
    assert problem.error_codes == ["E3001"]
    assert problem.error_messages == ["HOST UNREACHABLE"]


def test_the_paragraph_between_the_error_shown_and_the_steps_is_the_cause(tmp_path: Path) -> None:
    page = (
        "# Fleet agent\n\n## Agent shows as offline\n\nThe console shows the host as offline. The agent log repeats:\n\n"
        '```text\nlevel=warn msg="heartbeat failed" err="context deadline exceeded"\n```\n\n'
        "The outbound proxy requires authentication, and the agent does not read the session's proxy settings.\n\n"
        "1. Add the proxy to `/etc/fleetd/fleetd.yaml`.\n2. Restart the agent.\n"
    )
    (problem,) = _read(tmp_path, "agent.md", page).problems
    assert problem.cause.startswith("The outbound proxy requires authentication")
    assert problem.symptoms == "The console shows the host as offline. The agent log repeats:"


def test_a_check_between_the_error_shown_and_the_steps_is_no_cause(tmp_path: Path) -> None:
    page = (
        "# Provisioning agent\n\n## Install fails\n\nDuring the install you may get the following error:\n\n"
        "> Unable to create gMSA because KDS may not be running on the domain controller.\n\n"
        "To find events 9001 and 9002, go to **Applications and Services Logs**.\n\n"
        "1. Select the **Attribute Editor** tab.\n2. Edit the attribute.\n"
    )
    (problem,) = _read(tmp_path, "gmsa.md", page).problems
    assert problem.cause == ""


def test_a_heading_that_names_an_error_code_spelt_as_one_is_an_error_heading(tmp_path: Path) -> None:
    page = (
        "# Backup agent failures\n\n## Backup job ends with `ERR_SNAPSHOT_QUIESCE`\n\n"
        "The VSS writer is in a failed state.\n\n1. Restart the VSS writer service.\n2. Run the job again.\n"
    )
    (problem,) = _read(tmp_path, "backup.md", page).problems
    assert problem.title == "Backup job ends with ERR_SNAPSHOT_QUIESCE"
    assert problem.error_codes == ["ERR_SNAPSHOT_QUIESCE"]


BOLD_MESSAGE_CATALOGUE = """# LedgerPro server messages

**LPX-2003: posting period is closed**

Cause: A journal was posted to a closed period.

Action: Reopen the period in **Setup > Periods**.

**LPX-2017: exchange rate not found**

Cause: The daily rate import did not run.

Action:
1. Check the rate import job.
2. Run it again.
"""


def test_a_message_catalogues_bold_titles_and_plain_cause_and_action_lines_are_its_problems(
    tmp_path: Path,
) -> None:
    closed, rate = _read(tmp_path, "messages.md", BOLD_MESSAGE_CATALOGUE).problems
    assert (closed.title, closed.error_codes) == ("LPX-2003: posting period is closed", ["LPX2003"])
    assert closed.cause == "A journal was posted to a closed period."
    assert [s.text for s in closed.steps] == ["Reopen the period in Setup > Periods."]
    assert rate.cause == "The daily rate import did not run."
    assert [s.text for s in rate.steps] == ["Check the rate import job.", "Run it again."]


def test_bold_error_titles_between_rules_are_problems_of_their_own(tmp_path: Path) -> None:
    page = (
        "# Printing issues\n\n---\n\n"
        '**Print jobs stay in the queue with status "Error - Printing"**\n\n'
        "The print provider lost its connection.\n\n1. Restart the print provider.\n\n---\n\n"
        '**Scan to email fails with "SMTP authentication error (535)"**\n\n'
        "The scanner account password expired.\n\n1. Reset the scanner account's password.\n"
    )
    printing, scanning = _read(tmp_path, "printing.md", page).problems
    assert printing.error_messages == ["Error - Printing"]
    assert [s.text for s in printing.steps] == ["Restart the print provider."]
    assert scanning.error_messages == ["SMTP authentication error (535)"]
    assert [s.text for s in scanning.steps] == ["Reset the scanner account's password."]


def test_a_cheat_sheets_arrow_parts_an_error_from_its_fix(tmp_path: Path) -> None:
    page = (
        "# Git errors\n\n## Common errors\n\n"
        "- `error: RPC failed; curl 92 HTTP/2 stream 5 was not closed cleanly` → Run "
        "`git config --global http.version HTTP/1.1`.\n"
        "- `remote: error: GH006: Protected branch update failed for refs/heads/main.` => Push to a branch.\n"
    )
    rpc, protected = _read(tmp_path, "git.md", page).problems
    assert [s.text for s in rpc.steps] == ["Run git config --global http.version HTTP/1.1."]
    assert protected.error_codes == ["GH006"]
    assert [s.text for s in protected.steps] == ["Push to a branch."]


def test_a_man_pages_diagnostics_written_as_a_definition_list_are_its_problems(tmp_path: Path) -> None:
    page = (
        "# TAPECTL(8)\n\n## DIAGNOSTICS\n\n"
        "tapectl: cannot open /dev/sg3: Permission denied\n"
        ":   The user is not in the `tape` group. Add the user with `usermod -aG tape USER`.\n\n"
        "tapectl: inventory timed out after 300 s\n"
        ":   The library is still scanning. Wait for *Ready*, then run `tapectl inventory` again.\n"
    )
    denied, timed_out = _read(tmp_path, "tapectl.md", page).problems
    assert denied.error_messages == ["tapectl: cannot open /dev/sg3: Permission denied"]
    assert [s.text for s in denied.steps] == [
        "The user is not in the tape group. Add the user with usermod -aG tape USER."
    ]
    assert timed_out.title == "tapectl: inventory timed out after 300 s"


def test_a_man_pages_one_diagnostic_is_a_problem_too(tmp_path: Path) -> None:
    # A DIAGNOSTICS section of one message was a problem titled "DIAGNOSTICS", with no message.
    page = (
        "# TAPECTL(8)\n\n## NAME\n\ntapectl - control a tape library\n\n## DIAGNOSTICS\n\n"
        "**tapectl: drive 2 is busy**\n:   A backup is writing to the drive. Wait for it, then retry.\n"
    )
    (busy,) = _read(tmp_path, "tapectl.md", page).problems
    assert busy.title == "tapectl: drive 2 is busy"
    assert busy.error_messages == ["tapectl: drive 2 is busy"]


def test_one_bold_opening_under_troubleshooting_stays_its_text(tmp_path: Path) -> None:
    # Guard: a lone bold opening elsewhere is emphasis, no entry of its own.
    page = "# Tape library\n\n## Troubleshooting\n\n**Drive busy**: a backup is writing to it. Wait, then retry.\n"
    (problem,) = _read(tmp_path, "tape.md", page).problems
    assert problem.title != "Drive busy"


def test_a_man_pages_description_options_and_exit_status_are_no_problem(tmp_path: Path) -> None:
    # Its DESCRIPTION read as symptoms made the page a problem, its OPTIONS and EXIT STATUS its steps:
    # "tapectl exit status 3" was answered "medium" with the options to follow.
    page = (
        "# TAPECTL(8)\n\n## NAME\n\ntapectl - control a tape library\n\n## DESCRIPTION\n\n"
        "**tapectl** moves tapes between slots and drives.\n\n## OPTIONS\n\n`--slot` *n*\n"
        ":   Use slot *n*.\n\n## DIAGNOSTICS\n\ntapectl: cannot open /dev/sg3: Permission denied\n"
        ":   The user is not in the `tape` group. Add the user with `usermod -aG tape USER`.\n\n"
        "tapectl: inventory timed out after 300 s\n:   The library is still scanning. Wait, then retry.\n\n"
        "## EXIT STATUS\n\n**0**\n:   Success.\n\n**3**\n:   The library could not be reached.\n"
    )
    article = _read(tmp_path, "tapectl.md", page)
    denied, timed_out = article.problems
    assert denied.error_messages == ["tapectl: cannot open /dev/sg3: Permission denied"]
    assert timed_out.title == "tapectl: inventory timed out after 300 s"
    assert "Use slot n." in article.body and "The library could not be reached." in article.body


def test_a_page_titled_like_a_man_page_without_its_sections_is_read_as_before(tmp_path: Path) -> None:
    # Guard: a troubleshooting page about a command, titled by it, still frames its problem.
    page = (
        "# tapectl(8)\n\n## Symptoms\n\nThe library stays offline.\n\n## Resolution\n\n"
        "1. Restart the library.\n"
    )
    (problem,) = _read(tmp_path, "tapectl.md", page).problems
    assert problem.symptoms == "The library stays offline."
    assert [s.text for s in problem.steps] == ["Restart the library."]


def test_a_runbooks_when_this_fires_is_what_is_seen_and_its_edit_link_no_note(tmp_path: Path) -> None:
    # "When this fires" was a group of steps (the page and its alert text the first), and the docs
    # site's "… · Edit this page" footer a note after the steps.
    page = (
        "# Runbook: queue depth alert\n\n## When this fires\n\nThe pager shows:\n\n"
        "```\n[FIRING:1] QueueDepthHigh orders-queue (depth 9120 > 5000)\n```\n\n"
        "## Diagnosis and fix\n\n1. Scale the consumers to 8 replicas.\n2. Watch the queue depth panel.\n\n"
        "---\n\nRunbook kept by the platform team \u00b7 [Edit this page](https://git.example.com/edit/q.md)\n"
    )
    (problem,) = _read(tmp_path, "queue.md", page).problems
    assert len(problem.error_messages) == 1 and "QueueDepthHigh" in problem.error_messages[0]
    assert [s.text for s in problem.steps] == [
        "Scale the consumers to 8 replicas.",
        "Watch the queue depth panel.",
    ]
    assert problem.notes == []


def test_an_alert_runbooks_what_fired_is_its_error_and_its_triage_no_fix(tmp_path: Path) -> None:
    page = (
        "# KafkaConsumerLagHigh\n\n## What fired\n\n"
        "```\n[FIRING:1] KafkaConsumerLagHigh (group=billing-consumer severity=warning)\n```\n\n"
        "## Triage\n\n- Is the consumer running? `kubectl get pods -l app=billing-consumer`\n\n"
        "## Remediation\n\n1. Scale the consumer to 12 replicas.\n2. Watch the lag panel.\n"
    )
    (problem,) = _read(tmp_path, "kafka.md", page).problems
    assert len(problem.error_messages) == 1 and "KafkaConsumerLagHigh" in problem.error_messages[0]
    assert [s.text for s in problem.steps] == ["Scale the consumer to 12 replicas.", "Watch the lag panel."]


def test_an_alert_runbooks_numbered_triage_is_its_first_group_of_steps(tmp_path: Path) -> None:
    """What the one on call does first, numbered (acknowledge, look, check the last deploy), was
    background text: the answer began at Mitigation."""
    page = (
        "# Runbook: orders-service\n\n## Alert: OrdersLatencyHigh\n\nSeverity: **SEV3**\n\n"
        "### Triage\n\n1. Acknowledge the alert in Opsgenie.\n2. Open the *p99 by endpoint* panel.\n"
        "3. Look for a release in the last hour: `helm history orders`\n\n"
        "### Mitigation\n\n1. Scale out: `kubectl scale deploy/orders --replicas=6`\n\n"
        "### Escalation\n\n- After 20 minutes, page the database on-call.\n"
    )
    (problem,) = _read(tmp_path, "orders.md", page).problems
    assert [(s.group, s.number, s.text) for s in problem.steps] == [
        ("Triage", "1", "Acknowledge the alert in Opsgenie."),
        ("Triage", "2", "Open the p99 by endpoint panel."),
        ("Triage", "3", "Look for a release in the last hour: helm history orders"),
        ("Mitigation", "1", "Scale out: kubectl scale deploy/orders --replicas=6"),
        ("Escalation", "1", "After 20 minutes, page the database on-call."),
    ]


# An alert runbook collection as the Prometheus operator's runbooks write one: a section per alert,
# each with Meaning, Impact, Diagnosis and Mitigation.
ALERT_RUNBOOKS = """\
# Ingest alerts runbook

## IngestBacklogGrowing

### Meaning

The ingest queue has grown for 20 minutes without draining.

### Impact

Dashboards show data up to an hour late.

### Diagnosis

- `ingestctl queue stats --group parsers`
- Check whether a parser pod is crash-looping: `kubectl get pods -l app=parser`

### Mitigation

1. Scale the parsers up: `kubectl scale deploy/parser --replicas=8`.
2. Watch the backlog panel until it drains.
"""


def test_an_alert_runbooks_diagnosis_before_its_mitigation_is_its_first_group_of_steps(
    tmp_path: Path,
) -> None:
    """The checks the one on call runs first, bulleted under Diagnosis, were only searchable text:
    the answer began at Mitigation and never showed them."""
    (problem,) = _read(tmp_path, "ingest.md", ALERT_RUNBOOKS).problems
    assert problem.title == "IngestBacklogGrowing"
    assert problem.symptoms == "The ingest queue has grown for 20 minutes without draining."
    assert [(s.group, s.number, s.text) for s in problem.steps] == [
        ("Diagnosis", "1", "ingestctl queue stats --group parsers"),
        ("Diagnosis", "2", "Check whether a parser pod is crash-looping: kubectl get pods -l app=parser"),
        ("Mitigation", "1", "Scale the parsers up: kubectl scale deploy/parser --replicas=8."),
        ("Mitigation", "2", "Watch the backlog panel until it drains."),
    ]


def test_an_alert_runbooks_diagnosis_that_asks_questions_stays_how_to_confirm_it(tmp_path: Path) -> None:
    """Guard: checks written as questions confirm the alert, as a Triage of questions does."""
    page = ALERT_RUNBOOKS.replace(
        "- `ingestctl queue stats --group parsers`\n- Check whether a parser pod is crash-looping",
        "- Is the queue still growing? `ingestctl queue stats --group parsers`\n- Is a parser pod crash-looping?",
    )
    (problem,) = _read(tmp_path, "ingest.md", page).problems
    assert [s.group for s in problem.steps] == [None, None]


def test_a_numbered_diagnosis_stays_how_to_confirm_the_problem(tmp_path: Path) -> None:
    """Red Hat's Diagnostic Steps are numbered too, but they confirm the problem: no fix."""
    page = (
        "# NFS mount hangs at boot\n\n## Resolution\n\n1. Add `_netdev` to the mount options.\n\n"
        "## Diagnostic Steps\n\n1. Run `systemctl status remote-fs.target`.\n2. Check `journalctl -b`.\n"
    )
    (problem,) = _read(tmp_path, "nfs.md", page).problems
    assert [s.text for s in problem.steps] == ["Add _netdev to the mount options."]


@pytest.mark.parametrize(
    ("fix", "expected"),
    [
        (
            "a. Check the control vial.\nb. Rerun the LOW control.\n",
            [("1", "Check the control vial."), ("2", "Rerun the LOW control.")],
        ),
        (
            "1. Check the control vial.\n   i. Confirm its date.\n   ii. Let it reach room temperature.\n"
            "2. Rerun the LOW control.\n",
            [
                ("1", "Check the control vial."),
                ("1.1", "Confirm its date."),
                ("1.2", "Let it reach room temperature."),
                ("2", "Rerun the LOW control."),
            ],
        ),
    ],
    ids=["lettered", "roman"],
)
def test_steps_lettered_or_numbered_in_roman_numerals_are_steps(
    tmp_path: Path, fix: str, expected: list[tuple[str, str]]
) -> None:
    (problem,) = _read(tmp_path, "qc.md", f"# QC fails\n\n## Resolution\n\n{fix}").problems
    assert [(s.number, s.text) for s in problem.steps] == expected


# An outline numbered three levels deep as typed (1. / a. / i.), each level indented under the one above.
OUTLINE_FIX = """# Analyser rejects the LOW control

## Resolution

1. Recalibrate the analyser.
   a. Open Service > Calibration.
   b. Load the calibrator rack:
      i. Place the LOW calibrator in position 1.
      ii. Place the HIGH calibrator in position 2.
   c. Start the calibration and wait for it to pass.
2. Rerun the LOW control.
"""


def test_roman_numerals_under_a_lettered_sub_step_are_its_sub_steps(tmp_path: Path) -> None:
    # Before: "i." and "ii." were lines of step 1.2's text.
    (problem,) = _read(tmp_path, "qc.md", OUTLINE_FIX).problems
    assert [(s.number, s.text, s.depth) for s in problem.steps] == [
        ("1", "Recalibrate the analyser.", 0),
        ("1.1", "Open Service > Calibration.", 1),
        ("1.2", "Load the calibrator rack:", 1),
        ("1.2.1", "Place the LOW calibrator in position 1.", 2),
        ("1.2.2", "Place the HIGH calibrator in position 2.", 2),
        ("1.3", "Start the calibration and wait for it to pass.", 1),
        ("2", "Rerun the LOW control.", 0),
    ]


def test_roman_numerals_not_indented_under_a_lettered_sub_step_stay_its_text(tmp_path: Path) -> None:
    # Guard: "i." at the letters' own indentation is no level under them: the sub-step's text, as it was.
    fix = OUTLINE_FIX.replace("      i.", "   i.").replace("      ii.", "   ii.")
    (problem,) = _read(tmp_path, "qc.md", fix).problems
    assert [s.number for s in problem.steps] == ["1", "1.1", "1.2", "1.3", "2"]
    assert problem.steps[2].text.startswith("Load the calibrator rack:")
    assert "Place the LOW calibrator in position 1." in problem.steps[2].text


def test_a_pandoc_tables_caption_and_a_documents_endnotes_are_no_steps(tmp_path: Path) -> None:
    page = (
        '# LabTrack guide\n\n## Client shows "Licence server not reachable"\n\n'
        "| Check | Expected result |\n| --- | --- |\n| `lmutil lmstat` | license server UP |\n\n"
        "  : Table 5 Checks for LS-17\n\n"
        "If both checks succeed, set LABTRACK_LICENSE and restart the client[1].\n\n"
        "------\n\n[1] On Citrix servers set the variable system-wide.\n"
    )
    (problem,) = _read(tmp_path, "guide.md", page).problems
    assert [s.text for s in problem.steps] == [
        "If both checks succeed, set LABTRACK_LICENSE and restart the client[1]."
    ]
    assert "[1] On Citrix servers set the variable system-wide." in [n.text for n in problem.notes]


CLI_ERRORS = """# deployctl common errors

## Pushing a release

```console
$ deployctl push --env staging ./build
Error: release manifest rejected: field "runtime" must be one of [node18, node20] (got "node16")
```

Solution: Set `runtime: node20` in `deploy.yaml` and push again.

```console
$ deployctl push --env production ./build
Error: permission denied: user "j.doe" lacks role "deployer" on environment "production"
```

Ask your team lead to grant the role:

```console
$ deployctl access grant --env production --role deployer j.doe
```
"""


def test_each_failure_a_section_prints_and_fixes_in_turn_is_a_problem(tmp_path: Path) -> None:
    runtime, role = _read(tmp_path, "deployctl.md", CLI_ERRORS).problems
    assert runtime.title.startswith("Error: release manifest rejected")
    assert [s.text for s in runtime.steps] == ["Solution: Set runtime: node20 in deploy.yaml and push again."]
    assert role.error_messages == [
        'permission denied: user "j.doe" lacks role "deployer" on environment "production"'
    ]
    assert role.steps[0].text.startswith("Ask your team lead to grant the role:")
    assert "deployctl access grant" in role.steps[0].text


CHECKLIST_TABLE = """# Kiosk shows "Offline, orders queued"

The kiosk's banner turns amber and orders are kept on the kiosk until it is back online.

Work through the checks in order and stop at the first one that fails.

| # | Check | How | Expected | If not |
|---|---|---|---|---|
| 1 | Network cable | Look at the LED beside the port | Green | Reseat the cable |
| 2 | Store router | Open the router's page on the office PC | The login page | Restart the router |
| 3 | Kiosk clock | Open **Menu > About** | Within a minute of the time | Sync the time, then restart |
"""


def test_a_numbered_table_of_checks_is_a_step_per_check(tmp_path: Path) -> None:
    """A numbered table "# | Check | How | Expected | If not" is a procedure, a row per check, as "# | Action" is;
    read as prose, the table was run into the paragraph before it, its pipes and all."""
    (problem,) = _read(tmp_path, "kiosk.md", CHECKLIST_TABLE).problems
    assert [s.text for s in problem.steps] == [
        "Network cable | Look at the LED beside the port | Green | Reseat the cable",
        "Store router | Open the router's page on the office PC | The login page | Restart the router",
        "Kiosk clock | Open Menu > About | Within a minute of the time | Sync the time, then restart",
    ]
    assert [n.text for n in problem.notes] == [
        "The kiosk's banner turns amber and orders are kept on the kiosk until it is back online.",
        "Work through the checks in order and stop at the first one that fails.",
    ]


INLINE_NUMBERED_STEPS = """# Export to the bank is rejected

## Cause

One employee's account number was typed with a letter O for a zero.

## Resolution

You need payroll administrator rights. (1) Run **Reports > Account audit** for the pay group; it flags
each account number that fails its check. (2) Correct each flagged account and save (ask the employee
for a statement rather than guess). (3) Regenerate the file for the same run and upload it again.

## Related

The audit report is described in the admin guide (1).
"""


def test_steps_numbered_inline_in_one_paragraph_are_steps_after_its_lead_in(tmp_path: Path) -> None:
    """Steps numbered "(1) Run … (2) Correct … (3) Regenerate …" in one paragraph: three steps, and what the
    paragraph says before them a note; read whole, the fix was one step."""
    (problem,) = _read(tmp_path, "export.md", INLINE_NUMBERED_STEPS).problems
    assert [(s.number, s.text) for s in problem.steps] == [
        (
            "1",
            "Run Reports > Account audit for the pay group; it flags\neach account number that fails its check.",
        ),
        ("2", "Correct each flagged account and save (ask the employee\nfor a statement rather than guess)."),
        ("3", "Regenerate the file for the same run and upload it again."),
    ]
    assert problem.steps[0].markdown.startswith("Run **Reports > Account audit**")
    assert [(n.text, n.after) for n in problem.notes] == [("You need payroll administrator rights.", False)]


UNDERLINED_TEXT_EXPORT = """BADGE READER - KNOWN PROBLEMS
=============================

Kept by Facilities IT.


1. Reader beeps twice and stays red
-----------------------------------

Symptom:  Every badge is refused with two beeps.
Cause:    The reader lost its clock after a power cut, so every
          badge's validity window looks expired.
Fix:
  a) Open the reader's page on the controller and press Sync time.
  b) Badge once to check that the light turns green.


2. Reader dark after a storm
----------------------------

Symptom:  No light at all on the reader.
Cause:    The fuse in the door controller blew.
Fix:
  a) Replace the 2 A fuse in the door controller.
  b) Restart the controller.
"""


def test_a_text_exports_underlined_headings_title_problems_with_their_lettered_steps(tmp_path: Path) -> None:
    """Numbered headings underlined with "-", each over a problem whose fix letters its steps "a)":
    the underline titled the problem below, the heading was a step of the one above, and every
    problem but the last lost its steps."""
    article = _read(tmp_path, "badge-reader.txt", UNDERLINED_TEXT_EXPORT)
    assert article.title == "BADGE READER - KNOWN PROBLEMS"
    clock, dark = article.problems
    assert (clock.title, dark.title) == ("Reader beeps twice and stays red", "Reader dark after a storm")
    assert clock.cause == (
        "The reader lost its clock after a power cut, so every badge's validity window looks expired."
    )
    assert clock.symptoms == "Every badge is refused with two beeps."
    assert [(s.number, s.text) for s in clock.steps] == [
        ("1", "Open the reader's page on the controller and press Sync time."),
        ("2", "Badge once to check that the light turns green."),
    ]
    assert [s.text for s in dark.steps] == [
        "Replace the 2 A fuse in the door controller.",
        "Restart the controller.",
    ]


EMAIL_THREAD_TEXT = """From: Ana Ruiz <ana.ruiz@example.com>
Date: Tue, 4 Feb 2025 09:12:44 +0100
To: Ben Ode <ben.ode@example.com>
Subject: RE: Delivery notes stuck in the print queue after the server move

Hi Ben,

the print queues still pointed at the old server, which was switched off on Saturday.

What fixed it:

1. Point each queue at the new server.
2. Print the stuck jobs again.

Best regards,
Ana

On Mon, 3 Feb 2025 at 16:40, Ben Ode <ben.ode@example.com> wrote:
> Hello,
>
> since the move no delivery note is printed. The spooler log shows this for every job:
>
>     SPL-412: Cannot connect to host prn-01.example.com (connection refused)
>
> Thanks,
> Ben
"""


def test_an_email_thread_saved_as_text_is_a_problem_titled_by_its_subject(tmp_path: Path) -> None:
    """An email saved as text, with no part labelled: it was refused as describing no problem. Read as
    Markdown, it is titled by its subject without "RE:", its numbered lines are the steps, and the
    message it quotes in reply is no error message itself: the error it shows inside is."""
    article = _read(tmp_path, "print-thread.txt", EMAIL_THREAD_TEXT)
    assert article.title == "Delivery notes stuck in the print queue after the server move"
    (problem,) = article.problems
    assert problem.error_messages == [
        "SPL-412: Cannot connect to host prn-01.example.com (connection refused)"
    ]
    assert [s.text for s in problem.steps] == [
        "Point each queue at the new server.",
        "Print the stuck jobs again.",
    ]


SCREENSHOT_OF_THE_ERROR = """# Mail app keeps asking for a password

## Symptoms

The connection test shows the following result:

![Autodiscover failed: The remote server returned an error: (401) Unauthorized.](autodiscover-401.png)

The account list shows the following:

![Screen shot of the account list](accounts.png)

## Resolution

1. Turn on modern authentication for the tenant.
"""


def test_a_screenshot_of_the_error_gives_its_alt_text_as_the_error_message(tmp_path: Path) -> None:
    """The error shown only as a screenshot under "…shows the following result:": its alt text, as
    printed, is the error message (it was in no field at all); a picture's description is not."""
    (problem,) = _read(tmp_path, "mail.md", SCREENSHOT_OF_THE_ERROR).problems
    assert problem.error_messages == [
        "Autodiscover failed: The remote server returned an error: (401) Unauthorized."
    ]


SHOWN_WITHOUT_AN_ERROR_WORD = """# Kiosk does not print badges

## Symptoms

The kiosk shows "Badge printer offline (code P-07)" after sign-in, and the manager app reports
“Queue stalled: 14 jobs waiting”. The sign-in page still shows "Welcome". Event Viewer shows Event ID
7034 “The badge service terminated unexpectedly”.

## Resolution

1. Wake the printer.
"""


def test_what_a_description_says_a_program_shows_in_quotes_is_its_message(tmp_path: Path) -> None:
    """'The kiosk shows "…"', 'the app reports "…"', 'Event Viewer shows Event ID 7034 "…"' with no
    word for an error near them: what the reader will paste, the problem's messages; a one-word greeting
    it shows is none."""
    (problem,) = _read(tmp_path, "kiosk.md", SHOWN_WITHOUT_AN_ERROR_WORD).problems
    assert problem.error_messages == [
        "Badge printer offline (code P-07)",
        "Queue stalled: 14 jobs waiting",
        "The badge service terminated unexpectedly",
    ]


NUMBERED_PROBLEM_HEADINGS = """# Loading exports: known problems

## 1. `KeyError: 'region_code'` when loading the March export

The column is now `RegionCode`.

1. Pass a mapping: `rename={"RegionCode": "region_code"}`.

## 2. Printer shows "E-40 toner low" after a refill

1. Replace the toner cartridge.
"""


def test_numbered_headings_that_each_name_a_failure_are_problems_not_one_procedure(tmp_path: Path) -> None:
    """ "## 1. `KeyError: …`", '## 2. Printer shows "…"': a problem each. Read as the numbered steps of
    one procedure, the second was the first one's fix, and a pasted KeyError got its steps "high"."""
    article = _read(tmp_path, "exports.md", NUMBERED_PROBLEM_HEADINGS)
    key_error, toner = article.problems
    assert key_error.error_messages == ["KeyError: 'region_code'"]
    assert [s.text for s in key_error.steps] == ['Pass a mapping: rename={"RegionCode": "region_code"}.']
    assert [s.text for s in toner.steps] == ["Replace the toner cartridge."]


def test_numbered_headings_that_say_what_to_do_stay_one_procedure(tmp_path: Path) -> None:
    """Guard: "## 1. Fix the permissions error", "## 2. Restart the agent" are the steps of one fix."""
    text = (
        "# Agent stops after the update\n\nThe agent exits with `permission denied`.\n\n"
        "## 1. Fix the permissions error\n\nRun `chown -R agent /var/lib/agent`.\n\n"
        "## 2. Restart the agent\n\nRun `systemctl restart agent`.\n"
    )
    (problem,) = _read(tmp_path, "agent.md", text).problems
    assert [s.group for s in problem.steps] == ["1. Fix the permissions error", "2. Restart the agent"]


POSTMORTEM_WITH_RETROSPECTIVE = """# Postmortem: ledger replicas fell behind

## Summary

Replicas fell 40 minutes behind; logs showed `requested WAL segment has already been removed`.

## Root cause

The WAL retention was too small and no replication slots were used.

## Resolution

1. Pointed the balance page at the primary.
2. Rebuilt each replica from a new base backup.

## What went well

- The alert fired within two minutes.

## Lessons learned

- Size WAL retention for the longest replica outage we accept.

## Action items

- Add replication slots to every replica.
"""


def test_a_postmortems_retrospective_after_its_resolution_is_no_step(tmp_path: Path) -> None:
    """What went well, lessons learned and action items follow the Resolution: what the team learnt and
    will do later, not more groups of the fix's steps ("The alert fired within two minutes.")."""
    (problem,) = _read(tmp_path, "postmortem.md", POSTMORTEM_WITH_RETROSPECTIVE).problems
    assert [(s.group, s.text) for s in problem.steps] == [
        (None, "Pointed the balance page at the primary."),
        (None, "Rebuilt each replica from a new base backup."),
    ]


# A postmortem written from the blameless template: the incident's record in a bar of bold fields under the
# title, the template's disclaimer quoted under it, then the Summary, which says what was seen.
BLAMELESS_POSTMORTEM = """# Postmortem: checkout returned errors after the payment gateway rotated its keys

**Incident:** INC-4821 · **Severity:** SEV-2 · **Status:** Resolved · **Review date:** 2026-05-14

> This postmortem is blameless: it looks at how our systems and processes failed, not at who made mistakes.

## Summary

For 40 minutes, checkout failed with `Gateway rejected request: HMAC signature mismatch`.

## Root cause

The gateway's new signing key was not rolled out to the checkout service's secret store.

## Resolution

1. Load the new signing key into the secret store.
2. Restart the checkout pods.
"""


def test_a_postmortem_s_record_bar_and_blameless_disclaimer_are_the_page_s(tmp_path: Path) -> None:
    # Read as the problem's opening, the bar was its symptoms and gave the incident's number as an error code,
    # and the template's disclaimer, quoted, was an error message of every postmortem written from it.
    article = _read(tmp_path, "checkout-keys.md", BLAMELESS_POSTMORTEM)
    (problem,) = article.problems
    assert problem.error_messages == ["Gateway rejected request: HMAC signature mismatch"]
    assert problem.error_codes == []
    assert "Severity" not in problem.symptoms and "blameless" not in problem.symptoms
    assert problem.cause.startswith("The gateway's new signing key")
    assert [s.text for s in problem.steps] == [
        "Load the new signing key into the secret store.",
        "Restart the checkout pods.",
    ]
    for kept in ("INC-4821", "This postmortem is blameless"):
        assert kept in article.body


def test_an_incident_number_the_problem_states_stays_its_code(tmp_path: Path) -> None:
    # Guard: a ticket's reference in what the page says of the problem, not in a bar of the record's fields,
    # is what a query may paste: it stays the problem's code.
    text = BLAMELESS_POSTMORTEM.replace(
        "For 40 minutes, checkout", "Tracked as INC-4821. For 40 minutes, checkout"
    )
    (problem,) = _read(tmp_path, "checkout-keys.md", text).problems
    assert problem.error_codes == ["INC4821"]


def test_a_bar_of_bold_labels_that_name_parts_stays_the_problem_s(tmp_path: Path) -> None:
    # Guard: labels that name a problem's parts are no record's fields.
    text = (
        "# Sync stops\n\n**Error:** `SYNC-0412 quota exceeded` · **Cause:** the mailbox is full\n\n"
        "## Resolution\n\n1. Empty the mailbox.\n"
    )
    (problem,) = _read(tmp_path, "sync.md", text).problems
    assert problem.error_codes == ["SYNC0412"]


PARTS_AS_DEFINITIONS = """# Troubleshooting orbitctl

## Deploy fails with a digest mismatch

Symptom

:   `orbitctl deploy` prints:

        Error: ORB-E104 manifest digest mismatch

Cause

:   The registry mirror rewrites the manifest.

Solution

:   1.  Set `mirror_pushes: false`.
    2.  Run `orbitctl deploy` again.
"""


def test_a_definition_list_whose_terms_name_the_parts_is_those_parts(tmp_path: Path) -> None:
    """ "Symptom", "Cause", "Solution" as a definition list's terms (reStructuredText through Pandoc):
    they were steps 1 to 3, the fix nested under "Solution" with the list's markup in its Markdown."""
    (problem,) = _read(tmp_path, "orbitctl.md", PARTS_AS_DEFINITIONS).problems
    assert problem.error_messages == ["ORB-E104 manifest digest mismatch"]
    assert problem.cause == "The registry mirror rewrites the manifest."
    assert [(s.number, s.markdown) for s in problem.steps] == [
        ("1", "Set `mirror_pushes: false`."),
        ("2", "Run `orbitctl deploy` again."),
    ]


DIAGNOSTIC_STEPS = """# fluxd fails to start

## Issue

* `fluxd` does not start:

```
fluxd[1842]: FATAL: cgroup v1 controller "cpuacct" not available (errno=ENOENT)
```

## Resolution

* Upgrade fluxd to 2.5.1: `dnf upgrade fluxd`

## Diagnostic Steps

1. Check which cgroup hierarchy is mounted:
   ```
   # stat -fc %T /sys/fs/cgroup/
   cgroup2fs
   ```
2. Check the version:
   ```
   # rpm -q fluxd
   fluxd-2.4.0-3.mel9.x86_64
   ```
3. Check the journal:
   ```
   # journalctl -u fluxd
   fluxd.service: Failed with result 'exit-code'.
   ```
"""


def test_what_diagnostic_steps_print_is_error_text_only_where_it_reads_as_a_failure(tmp_path: Path) -> None:
    """A Red Hat solution's Diagnostic Steps print what is normal too (a file system's type, a package's
    version): those were error messages, and pasting the version matched the problem."""
    (problem,) = _read(tmp_path, "fluxd.md", DIAGNOSTIC_STEPS).problems
    assert problem.error_messages == [
        'fluxd[1842]: FATAL: cgroup v1 controller "cpuacct" not available (errno=ENOENT)',
        "fluxd.service: Failed with result 'exit-code'.",
    ]


KNOWN_ERROR_RECORD = """# KE0004711 - Timesheet approvals fail with TSX-5002

| Field | Value |
| --- | --- |
| Known Error ID | KE0004711 |
| Log name | Application |
| Error | TSX-5002: Approver is not authorised for cost centre 40-1180 |

## Workaround

1. Rebuild the approver mapping for the employee.

## Related Records

- Problem: PRB0012288
- Change: CHG0031002
"""


def test_a_known_error_records_id_and_related_records_are_no_error_or_steps(tmp_path: Path) -> None:
    """An ITIL known-error record: its "Known Error ID" field names the record, not an error it prints
    (nor does an event's "Log name"), and its Related Records are links to other records, not a group
    of steps."""
    (problem,) = _read(tmp_path, "ke.md", KNOWN_ERROR_RECORD).problems
    assert problem.error_messages == ["TSX-5002: Approver is not authorised for cost centre 40-1180"]
    assert [(s.group, s.text) for s in problem.steps] == [
        (None, "Rebuild the approver mapping for the employee.")
    ]


ISSUE_WITH_ROOT_CAUSE_COMMENT = """# [PAY-4821] Checkout returns HTTP 502 for large carts

## Description

```
ERROR c.s.p.CheckoutController - PGW-1107 Request header section too large (limit 8192 bytes)
```

## Resolution

Root cause: the cart item IDs are sent in the `X-Cart-Items` header, which exceeds the 8 KB limit.

1. Set `server.max-http-request-header-size=32KB`.
2. Restart the service.
"""


def test_a_plain_root_cause_label_before_the_fixs_steps_is_the_cause(tmp_path: Path) -> None:
    """ "Root cause: …" before the steps, as an issue tracker's comment writes it: the cause, where it
    was a note on the steps and the problem had none."""
    (problem,) = _read(tmp_path, "pay-4821.md", ISSUE_WITH_ROOT_CAUSE_COMMENT).problems
    assert (
        problem.cause
        == "the cart item IDs are sent in the X-Cart-Items header, which exceeds the 8 KB limit."
    )
    assert problem.notes == []
    assert len(problem.steps) == 2


BUG_RECORD_TEXT = """CSCwh51234 - Switch reloads with "%SYS-2-WATCHDOG: Process aborted on watchdog timeout"

Known Fixed Releases: 17.9.4a
Status: Fixed

Symptom:
The switch reloads. The console shows:

%SYS-2-WATCHDOG: Process aborted on watchdog timeout, process = DHCPD Receive.

Workaround:
1. Run: no ip dhcp relay information option
2. Run: write memory

Further Problem Description:
The DHCP relay copies option 82 into a fixed buffer without checking its length.
"""


def test_a_bug_record_saved_as_text_is_one_problem_titled_by_its_headline(tmp_path: Path) -> None:
    """A vendor's bug record as text: its headline titles it (the "Status: Fixed" field did, the version
    "17.9.4a" reading as a sentence), the message its symptom shows is no catalogue entry of a problem
    of its own, and "Further Problem Description:" is no more of the last step (it is the cause)."""
    article = _read(tmp_path, "cscwh51234.txt", BUG_RECORD_TEXT)
    (problem,) = article.problems
    assert problem.title.startswith("CSCwh51234 - Switch reloads")
    assert problem.error_codes == ["SYS-2-WATCHDOG"]
    assert [s.text for s in problem.steps] == [
        "Run: no ip dhcp relay information option",
        "Run: write memory",
    ]
    assert "option 82" in problem.cause


def test_a_bug_records_further_problem_description_is_its_cause(tmp_path: Path) -> None:
    """A bug record's "Further Problem Description:" after its workaround says how the bug comes about:
    the problem's cause, where it was the page's text and the problem had none."""
    (problem,) = _read(tmp_path, "cscwh51234.txt", BUG_RECORD_TEXT).problems
    assert problem.cause == "The DHCP relay copies option 82 into a fixed buffer without checking its length."
    assert [s.text for s in problem.steps] == [
        "Run: no ip dhcp relay information option",
        "Run: write memory",
    ]


def test_a_further_description_heading_of_a_how_to_is_no_cause(tmp_path: Path) -> None:
    """Guard: only a bug record's whole label ("Further Problem Description") names its cause; a page's
    "Further reading" after the steps stays the page's."""
    text = (
        "Printer shows Offline\n\nSymptoms:\nThe queue is paused.\n\n"
        "Resolution:\n1. Resume the queue.\n\nFurther reading:\nThe print server guide, chapter 4.\n"
    )
    (problem,) = _read(tmp_path, "printers.txt", text).problems
    assert problem.cause == ""


BUG_RECORD_WITH_COMMANDS = """CSCwk77310 - WLC: APs fail to join after certificate renewal

Symptom:
Access points stop joining the controller. "debug capwap errors enable" on the WLC shows:

  %CAPWAP-3-DTLS_CONN_ERR: 10.20.1.5[5246]: DTLS connection not found for AP

Conditions:
- Controller configured with "config certificate use-sha2 enable"
- AP certificates renewed after 2024

Workaround:
1. Reboot the access points.
2. Re-enable SHA1 support on the controller.
"""


def test_a_bug_record_s_quoted_command_and_conditions_are_no_error_messages(tmp_path: Path) -> None:
    """ "debug … enable" on the controller shows: the quoted command that shows the log, no message; and
    "Conditions:" says where the bug applies (a configuration line it quotes is none either): where it is
    seen, not what the user sees."""
    (problem,) = _read(tmp_path, "cscwk77310.txt", BUG_RECORD_WITH_COMMANDS).problems
    assert problem.error_messages == [
        "%CAPWAP-3-DTLS_CONN_ERR: 10.20.1.5[5246]: DTLS connection not found for AP"
    ]
    assert "use-sha2" not in problem.symptoms
    assert "use-sha2" in problem.seen_in
    assert [s.text for s in problem.steps] == [
        "Reboot the access points.",
        "Re-enable SHA1 support on the controller.",
    ]


def test_a_message_quoted_before_what_the_log_shows_is_still_an_error(tmp_path: Path) -> None:
    """Guard: a quotation the program printed, then "and the log shows:", is still the message; only a
    quotation that is itself what shows the output (its subject) is a command."""
    text = (
        "Installer stops\n\nSymptoms:\n"
        'The installer fails with "Error 1603: Fatal error during installation" and the log shows:\n\n'
        "  MSI (s) (A4:1C) Product: Agent -- Installation failed.\n\n"
        "Resolution:\n1. Reboot and run the installer again.\n"
    )
    (problem,) = _read(tmp_path, "installer.txt", text).problems
    assert "Error 1603: Fatal error during installation" in problem.error_messages


def test_a_message_named_as_one_before_where_it_is_shown_is_still_an_error(tmp_path: Path) -> None:
    """Guard: a quotation called an error or a message ('The error "Access is denied" in the event log
    shows:') is what the program printed, not a command whose output follows; it was lost."""
    text = (
        "Backup agent cannot write\n\nSymptoms:\n"
        'The error "Access is denied" in the event log shows:\n\n'
        "  Event 1004: The agent could not open C:\\Backup\\state.db\n\n"
        "Resolution:\n1. Give the agent's account write access to C:\\Backup.\n"
    )
    (problem,) = _read(tmp_path, "agent.txt", text).problems
    assert "Access is denied" in problem.error_messages


BUG_RECORD_WITH_HEADER_BLOCK = """CSCwj40218 - IOS XE: BGP sessions flap every 180 seconds after ISSU to 17.12

Last Modified: Mar 04, 2024
Product: Cisco IOS XE Software
Known Affected Releases: 17.12.1
Description (partial)
Status: Open
Severity: 3 Moderate

Symptom:
BGP neighbours go down after the upgrade and the router logs:

%BGP-5-ADJCHANGE: neighbor 192.0.2.7 Down BGP Notification sent

Workaround:
1. Clear the BGP session.
2. Disable graceful restart on the neighbour.
"""


def test_a_bug_records_header_block_never_titles_it(tmp_path: Path) -> None:
    """The block of fields under a bug record's headline ("Last Modified: <date>", the "Description
    (partial)" flag among them, "Status: Open") is the page's: the headline titles the record, where the
    line right over "Symptom:" did ("Severity: 3 Moderate", "Status: Fixed", "Description (partial)")."""
    article = _read(tmp_path, "cscwj40218.txt", BUG_RECORD_WITH_HEADER_BLOCK)
    (problem,) = article.problems
    headline = "CSCwj40218 - IOS XE: BGP sessions flap every 180 seconds after ISSU to 17.12"
    assert article.title == problem.title == headline
    assert "Description (partial)" in article.body
    assert [s.text for s in problem.steps] == [
        "Clear the BGP session.",
        "Disable graceful restart on the neighbour.",
    ]


def test_a_heading_alone_over_a_symptoms_label_still_names_its_problem(tmp_path: Path) -> None:
    """A heading over "Symptoms:" under a guide's title and its dated field is the problem's name: a
    line among fields is one only with fields on both sides of it, in their paragraph."""
    text = (
        "Printer troubleshooting guide\n\nLast Modified: Mar 04, 2024\n\n"
        "Printer shows Offline\nSymptoms:\nThe queue is paused.\n\n"
        "Resolution:\n1. Resume the queue.\n"
    )
    (problem,) = _read(tmp_path, "printers.txt", text).problems
    assert problem.title == "Printer shows Offline"


def test_a_row_of_fields_parted_by_commas_under_a_text_exports_title_is_the_pages(tmp_path: Path) -> None:
    """ "Component: FI-QX-PAY, Version: 4, Released On: 12.09.2023" under the title, as a vendor's note
    prints its fields: the page's, not the problem's title."""
    text = (
        "Note 3345127 - Payment run terminates with message QF 318\n\n"
        "Component: FI-QX-PAY, Version: 4, Released On: 12.09.2023\n\n"
        'Symptom\n\nThe payment run stops with "No bank details found for house bank 1000".\n\n'
        "Solution\n\n1. Import the Support Package.\n"
    )
    article = _read(tmp_path, "note.txt", text)
    assert (
        article.title
        == article.problems[0].title
        == "Note 3345127 - Payment run terminates with message QF 318"
    )
    assert "Released On: 12.09.2023" in article.body


VENDOR_NOTE_TEXT = """SAP Note 2871406 - Dunning run F150 stops with message FM 204

Component: CA-DUN-RUN, Version: 2, Released On: 03.04.2022

Symptom

The dunning run stops with the error message FM 204 "Dunning level &1 is not defined for procedure &2".

Other Terms

F150, FM204, dunning level, ZDUN_LEVEL_READ

Reason and Prerequisites

Program error in the report ZDUN_LEVEL_READ.

Solution

Implement the program correction attached to this note.

As a workaround:

1. Maintain the dunning levels in transaction FBMP.
2. Start the dunning run again.

Support Packages & Patches

DUN-CORE 600 SAPK-60012INDUNCORE
DUN-CORE 610 SAPK-61004INDUNCORE
"""


def test_a_vendor_notes_other_terms_are_words_to_find_it_by_not_its_symptoms(tmp_path: Path) -> None:
    """ "Other Terms" alone over a note's list of transactions, messages and programs (SAP's keywords):
    searchable as the page's text, where they were read as more of its symptoms."""
    article = _read(tmp_path, "note-2871406.txt", VENDOR_NOTE_TEXT)
    (problem,) = article.problems
    assert problem.symptoms.startswith("The dunning run stops with the error message FM 204")
    assert "ZDUN_LEVEL_READ" not in problem.symptoms
    assert "Other Terms" not in problem.symptoms
    assert "F150, FM204, dunning level, ZDUN_LEVEL_READ" in article.body
    assert problem.cause == "Program error in the report ZDUN_LEVEL_READ."


# A vendor note as its portal saves the page: the message its symptom names by SAP's message number,
# a message class with a digit in it ("M8") and three digits.
VENDOR_NOTE_HTML = """<html><body>
<h1>SAP Note 3300417 - MR8M: Reversal of an invoice rejected for a blocked account</h1>
<table><tr><td>Component:</td><td>MM-IV-LIV-REV, Version: 3, Released On: 02.02.2024</td></tr></table>
<h2>Symptom</h2>
<p>Reversing an invoice in MR8M fails with <em>Account 191100 is blocked for posting</em> (message no. M8 147).</p>
<h2>Other Terms</h2>
<p>MR8M, M8147, reversal, blocked account</p>
<h2>Reason and Prerequisites</h2>
<p>Program error in the account check of the reversal.</p>
<h2>Solution</h2>
<p>Implement the attached program corrections.</p>
</body></html>
"""


def test_a_vendor_notes_message_number_is_its_error_code(tmp_path: Path) -> None:
    """ "(message no. M8 147)": the message class and number SAP users search by, joined, is the
    problem's error code; with a digit in the class, neither spelling was read as a code."""
    (problem,) = _read(tmp_path, "note-3300417.html", VENDOR_NOTE_HTML).problems
    assert problem.error_codes == ["M8147"]


# The note's workaround: without it, its fix is the sentence before it alone.
VENDOR_NOTE_WORKAROUND = """As a workaround:

1. Maintain the dunning levels in transaction FBMP.
2. Start the dunning run again.

"""


@pytest.mark.parametrize("workaround", [VENDOR_NOTE_WORKAROUND, ""])
def test_a_vendor_notes_support_packages_are_the_pages_text_not_a_group_of_steps(
    workaround: str, tmp_path: Path
) -> None:
    """ "Support Packages & Patches" after the fix lists the packages that carry it, a name and a
    version each: which to install, searchable, where it was a group of steps named by a package (or,
    after a fix of one sentence, named "Support Packages & Patches")."""
    text = VENDOR_NOTE_TEXT.replace(VENDOR_NOTE_WORKAROUND, workaround)
    article = _read(tmp_path, "note-2871406.txt", text)
    (problem,) = article.problems
    assert not any("Support Packages" in f"{s.group} {s.text}" for s in problem.steps)
    assert not any("DUN-CORE" in f"{s.group} {s.text}" for s in problem.steps)
    assert "DUN-CORE 600 SAPK-60012INDUNCORE" in article.body
    assert "DUN-CORE 610 SAPK-61004INDUNCORE" in article.body


# The same note as a Markdown page, its labels headings.
VENDOR_NOTE_MARKDOWN = "# " + re.sub(
    r"^(Symptom|Other Terms|Reason and Prerequisites|Solution|Support Packages & Patches)$",
    r"## \1",
    VENDOR_NOTE_TEXT,
    flags=re.MULTILINE,
)


@pytest.mark.parametrize(
    ("name", "text", "workaround"),
    [
        ("note-2871406.txt", VENDOR_NOTE_TEXT, "As a workaround"),
        ("note-2871406.md", VENDOR_NOTE_MARKDOWN, "As a workaround"),
        # The workaround's label alone, as a second fix label.
        ("note-2871406.txt", VENDOR_NOTE_TEXT.replace("As a workaround:", "Workaround:"), "Workaround"),
    ],
)
def test_a_vendor_notes_fix_before_its_workaround_is_a_step_and_the_workaround_a_group(
    name: str, text: str, workaround: str, tmp_path: Path
) -> None:
    """ "Implement the program correction …" then "As a workaround:" over numbered steps, as a vendor's
    note writes its solution: the sentence is the fix, a step of its own, and the workaround's steps a
    group it names. As a lead-in of the workaround's steps, the fix was no step (a note, or lost)."""
    (problem,) = _read(tmp_path, name, text).problems
    assert [(s.group, s.number, s.text) for s in problem.steps] == [
        (None, "1", "Implement the program correction attached to this note."),
        (workaround, "1", "Maintain the dunning levels in transaction FBMP."),
        (workaround, "2", "Start the dunning run again."),
    ]
    assert problem.notes == []


def test_a_row_of_fields_parted_by_commas_under_a_markdown_notes_title_is_the_pages(tmp_path: Path) -> None:
    """ "Component: CA-DUN-RUN, Version: 2, Released On: 03.04.2022" under a Markdown note's title: the
    page's fields, as in its text export, where they were the first of its symptoms."""
    article = _read(tmp_path, "note-2871406.md", VENDOR_NOTE_MARKDOWN)
    (problem,) = article.problems
    assert problem.symptoms.startswith("The dunning run stops with the error message FM 204")
    assert "Released On" not in problem.symptoms
    assert "Released On: 03.04.2022" in article.body


def test_a_value_a_message_quotes_is_no_error_code_of_its_problem(tmp_path: Path) -> None:
    # An API's error reference quotes an example's values in its messages: "VH-88213" was a code of
    # the problem, so a paste of the same error about another vehicle named a code of a family the
    # index knows but not its own, and was never answered with confidence.
    text = (
        "# FleetAPI errors\n\n### ERR-404\n\n**Message:** `Vehicle 'VH-88213' not found in fleet 'north'`\n\n"
        '**Action:** Check the vehicle ID.\n\n### ERR-503\n\n**Message:** `ERR-503 service "billing" is down`\n\n'
        "**Action:** Retry later.\n"
    )
    first, second = _read(tmp_path, "fleet.md", text).problems
    assert first.error_codes == ["ERR404"]
    assert first.error_messages == ["Vehicle 'VH-88213' not found in fleet 'north'"]
    assert second.error_codes == ["ERR503"]


# A Java service's known errors: a Spring Boot log line over the stack trace, the record that failed
# named in the line and quoted again by the root cause's message.
SPRING_BOOT_ERRORS = """# Ledger sync errors

## Posting rejected: Duplicate entry

```
2026-01-30 02:10:44.871 ERROR 30817 --- [sync-pool-2] c.a.l.sync.PostingWriter : Posting PST-2026-0098123 rejected
org.springframework.dao.DataIntegrityViolationException: could not execute statement
Caused by: java.sql.SQLIntegrityConstraintViolationException: Duplicate entry 'PST-2026-0098123' for key 'uk_posting_ref'
	at com.mysql.cj.jdbc.exceptions.SQLError.createSQLException(SQLError.java:117)
```

**Resolution**

1. Remove the half-written posting with `ledger-cleanup --date 2026-01-29`.
2. Run the sync again.
"""


def test_a_record_a_message_quotes_is_no_code_where_the_log_line_names_it_too(tmp_path: Path) -> None:
    """The posting that failed is quoted by the message ('PST-2026-0098123'), a value, and named by
    the log line over it: one record, no code of the problem's. A paste about another posting
    that names it was answered by this problem's code. Spring Boot's prefix (time, level, process,
    "---", thread, logger, ":") is the log's, not the message's."""
    (problem,) = _read(tmp_path, "ledger.md", SPRING_BOOT_ERRORS).problems
    assert problem.error_messages == [
        "Posting PST-2026-0098123 rejected java.sql.SQLIntegrityConstraintViolationException: "
        "Duplicate entry 'PST-2026-0098123' for key 'uk_posting_ref'"
    ]
    assert problem.error_codes == []
    build_index([tmp_path], tmp_path / "index.db")
    result = match(
        KnowledgeBase(tmp_path / "index.db"), "Posting PST-2026-0098123 was sent twice to the bank"
    )
    assert [m.confidence for m in result.matches[:1]] in ([], ["low"])


def test_a_code_a_message_names_and_does_not_quote_stays_its_code(tmp_path: Path) -> None:
    # Guard: only the value the message quotes goes; a code beside it stays.
    text = (
        "# Gateway errors\n\n## Refund refused\n\n```\nPAY-4012 refund refused for order 'SO-10023': "
        "amount exceeds capture\n```\n\n**Resolution**\n\n1. Refund the captured amount only.\n"
    )
    (problem,) = _read(tmp_path, "gateway.md", text).problems
    assert problem.error_codes == ["PAY4012"]


# A sysadmin's plain-text how-to: ALL-CAPS labels, the description, cause and steps indented under them.
CAPS_HOWTO = """PRINT SPOOL HOSTS - KNOWN PROBLEMS


PROBLEM: Jobs stuck in "Held" state

  Operators see every queue paused after the nightly rotation.

  CAUSE: the rotation leaves a stale lock file behind.

FIX:
  - Clear the lock:
        rm -f /var/spool/qd/lock
  - Start the queue daemon:
        systemctl start qd
{after}

PROBLEM: Banner pages print blank

  CAUSE: the banner template was emptied by an upgrade.

FIX:
  - Restore the template from backup
"""


def test_a_command_indented_under_a_text_fix_s_last_step_is_that_step_s(tmp_path: Path) -> None:
    # Before: "systemctl start qd" led to the next problem, and the step lost its command.
    article = _read(tmp_path, "spool.txt", CAPS_HOWTO.format(after=""))
    first, second = article.problems
    assert [s.text for s in first.steps] == [
        "Clear the lock:\nrm -f /var/spool/qd/lock",
        "Start the queue daemon:\nsystemctl start qd",
    ]
    assert "systemctl" not in second.title + second.symptoms


def test_a_note_indented_after_a_text_fix_s_steps_is_its_note_not_the_next_problem(tmp_path: Path) -> None:
    # Before: the note (and the command over it) titled the next problem.
    after = "\n  NOTE: jobs queued during the outage print\n  in the order they arrived.\n"
    first, second = _read(tmp_path, "spool.txt", CAPS_HOWTO.format(after=after)).problems
    assert [n.text for n in first.notes] == [
        "NOTE: jobs queued during the outage print in the order they arrived."
    ]
    assert "NOTE" not in second.title + second.symptoms


def test_text_before_the_next_problem_after_a_text_fix_s_steps_still_describes_it(tmp_path: Path) -> None:
    # Guard: a paragraph not indented under the last step, with no advice label, leads to the next problem.
    after = "\nBanner pages come out empty on every queue.\n"
    first, second = _read(tmp_path, "spool.txt", CAPS_HOWTO.format(after=after)).problems
    assert "Banner pages come out empty on every queue." in second.symptoms
    assert first.notes == []


def test_a_signature_under_a_text_file_s_last_fix_is_the_page_s_not_a_step(tmp_path: Path) -> None:
    # Before: "--" named a group of steps, and "Questions: #ops on chat …" was its step.
    after = "\n\n--\nQuestions: #ops on chat, or page the on-call.\n"
    text = CAPS_HOWTO.format(after="") + after
    article = _read(tmp_path, "spool.txt", text)
    _, second = article.problems
    assert [s.text for s in second.steps] == ["Restore the template from backup"]
    assert "#ops" in article.body


def test_a_separator_over_a_problem_is_no_signature(tmp_path: Path) -> None:
    # Guard: the lines under the last "--" head a problem of their own (a part's label, a step).
    text = CAPS_HOWTO.format(after="").replace("\nPROBLEM: Banner", "\n--\nPROBLEM: Banner")
    _, second = _read(tmp_path, "spool.txt", text).problems
    assert second.title == "Banner pages print blank"
    assert [s.text for s in second.steps] == ["Restore the template from backup"]


def test_a_problem_label_s_words_over_an_indented_description_title_the_problem(tmp_path: Path) -> None:
    # Before: the description ran on into the title ("Jobs stuck in "Held" state Operators see …"), and
    # with no description the title was the page's first line.
    first, second = _read(tmp_path, "spool.txt", CAPS_HOWTO.format(after="")).problems
    assert (first.title, first.symptoms) == (
        'Jobs stuck in "Held" state',
        "Operators see every queue paused after the nightly rotation.",
    )
    assert second.title == "Banner pages print blank"


def test_a_problem_label_s_words_over_an_unindented_description_stay_its_symptoms(tmp_path: Path) -> None:
    # Guard: a description not set apart under the label goes on from what the label says.
    text = "PROBLEM: Queue paused\nOperators see every queue paused.\n\nFIX:\n- Restart the daemon.\n"
    [problem] = _read(tmp_path, "queue.txt", text).problems
    assert problem.symptoms == "Queue paused Operators see every queue paused."


LIST_ARCHIVE_HEADER = """From: Odile Marchetti <odile@lists.quillmark.org>
To: quillmark-users@lists.quillmark.org
Subject: Re: [quillmark-users] exports stop at page 40
Message-ID: <5d2a-91ef@lists.quillmark.org>
List-Unsubscribe: <https://lists.quillmark.org/options/quillmark-users>

The export worker runs out of its page budget on long books.

1. Set qm_page_budget to 400 in worker.ini.
2. Restart the export worker.
"""


def test_a_list_archive_s_subject_titles_it_without_its_reply_prefix_and_list_tag(tmp_path: Path) -> None:
    """A mailing list's message saved as text: its subject, without "Re:" and the list's "[name]" tag,
    titles it; the header (with a "Message-ID:", whose name says "message") is the page's text, no
    symptom, as a page's fields are."""
    article = _read(tmp_path, "exports.txt", LIST_ARCHIVE_HEADER)
    assert article.title == "exports stop at page 40"
    (problem,) = article.problems
    assert problem.symptoms == "The export worker runs out of its page budget on long books."
    assert "List-Unsubscribe" in article.body


def test_a_ticket_number_in_brackets_stays_in_an_email_s_subject(tmp_path: Path) -> None:
    """A bracketed ticket number ("[QM-4471]") is what the subject says, no list's tag."""
    header, _, rest = LIST_ARCHIVE_HEADER.partition("Message-ID")
    text = header.replace("[quillmark-users]", "[QM-4471]") + "\n" + rest.partition("\n\n")[2]
    assert _read(tmp_path, "exports.txt", text).title == "[QM-4471] exports stop at page 40"


def test_lines_of_labels_with_a_from_but_no_to_or_subject_are_no_email_header(tmp_path: Path) -> None:
    """ "From:" over "Message-Type:" with no "To:" or "Subject:" is what the alert says, no email's header."""
    text = (
        "From: the render farm\nMessage-Type: quota alert\n\n"
        "Renders stop at frame 200.\n\n1. Raise the farm's disk quota.\n"
    )
    (problem,) = _read(tmp_path, "farm.txt", text).problems
    assert problem.symptoms.startswith("From: the render farm\nMessage-Type: quota alert")


LIST_REPLY = """From: Odile Marchetti <odile@lists.quillmark.org>
Subject: Re: [quillmark-users] exports stop halfway

Hi Piet,

The export worker runs out of its page budget on long books.

1. Set qm_page_budget to 400 in worker.ini.
2. Restart the export worker.

Odile

On Fri, 2 Aug 2024 at 17:20, Piet Vos <piet@vos-drukwerk.nl> wrote:
> every long book stops exporting and the worker log says:
>
>   ERROR: QM-5508 page budget exhausted after 40 pages
>
> Short books are fine.

--\x20
Odile Marchetti
Quillmark maintainers
"""


def test_a_reply_s_quoted_question_is_the_problem_and_its_indented_error_the_message(tmp_path: Path) -> None:
    """A list's reply over the question it quotes: the question is what is seen, and its line indented
    under "…says:" (too little to be code) the error message, with its code; the reply's explanation
    is the cause and its numbered lines the steps. It was a note of the fix, with no error."""
    (problem,) = _read(tmp_path, "exports.txt", LIST_REPLY).problems
    assert problem.error_messages == ["QM-5508 page budget exhausted after 40 pages"]
    assert problem.error_codes == ["QM5508"]
    assert problem.symptoms.startswith("every long book stops exporting")
    assert problem.cause == "The export worker runs out of its page budget on long books."


def test_a_reply_s_greeting_name_marker_and_signature_are_the_page_s_text(tmp_path: Path) -> None:
    """ "Hi Piet,", the name alone over the marker, the marker and the "-- " signature were notes of the fix."""
    article = _read(tmp_path, "exports.txt", LIST_REPLY)
    (problem,) = article.problems
    assert not problem.notes
    for kept in ("Hi Piet,", "Odile", "wrote:", "Quillmark maintainers"):
        assert kept in article.body


def test_a_reply_that_states_the_error_itself_is_read_as_before(tmp_path: Path) -> None:
    """Guard: a reply that quotes the error in its own text states the problem: the quote stays a note."""
    text = LIST_REPLY.replace(
        "The export worker runs", 'The error "QM-5508 page budget exhausted" means the export worker runs'
    )
    (problem,) = _read(tmp_path, "exports.txt", text).problems
    assert any("wrote:" in note.text for note in problem.notes)


# A Sphinx page copied out as text: an overlined title, fields, directives, underlined sections, "#." steps.
RST_PAGE = """.. _ferrite-agents:

===============================
Troubleshooting Ferrite agents
===============================

:Maintainer: Ferrite platform team
:Revised: 2023-11-07

.. contents:: In this guide
   :local:

Agent stops with "vault handshake timed out"
---------------------------------------------

The agent stops a few seconds after it starts and logs::

    ferrite.agent ERROR [FRT-E220] vault handshake timed out after 30s (errno 110)

**Cause:** ``FERRITE_VAULT_ADDR`` still names the old vault host.

#. Show the address the agent reads:

   .. code-block:: console

      ferritectl config dump | grep vault_addr

#. Point ``FERRITE_VAULT_ADDR`` at the new vault host.
#. Restart the agent.

.. note::

   Agents started by the old installer read ``/etc/ferrite/agent.env`` instead.

Agent reports stale inventory
-----------------------------

The inventory in the console lags a day behind.

**Cause:** the nightly collector job is disabled.

#. Enable the collector job.
#. Run it once by hand.
"""


def test_rst_auto_numbered_items_of_a_text_page_are_its_numbered_steps(tmp_path: Path) -> None:
    # Before: the "#." items ran into one step ("#. Point … #. Restart the agent.").
    article = _read(tmp_path, "ferrite.txt", RST_PAGE)
    stale = article.problems[-1]
    assert [(s.number, s.text) for s in stale.steps] == [
        ("1", "Enable the collector job."),
        ("2", "Run it once by hand."),
    ]


def test_each_underlined_section_of_an_rst_text_page_heads_a_problem(tmp_path: Path) -> None:
    # Before: both sections, each with its own cause and steps, were one problem of the whole page.
    article = _read(tmp_path, "ferrite.txt", RST_PAGE)
    assert [p.title for p in article.problems] == [
        'Agent stops with "vault handshake timed out"',
        "Agent reports stale inventory",
    ]
    assert article.problems[1].cause == "the nightly collector job is disabled."


def test_an_overlined_rst_title_titles_the_text_page_without_its_overline(tmp_path: Path) -> None:
    # Before: "===…\nTroubleshooting Ferrite agents", the overline read as the title's first line.
    assert _read(tmp_path, "ferrite.txt", RST_PAGE).title == "Troubleshooting Ferrite agents"


def test_a_command_under_an_rst_code_directive_is_a_step_s_code_not_an_error_message(tmp_path: Path) -> None:
    # Before (a page with no cause label): the command was an error message of what is seen, and an
    # answer to a paste of it was "high".
    text = RST_PAGE.replace("**Cause:** ``FERRITE_VAULT_ADDR`` still names the old vault host.\n\n", "")
    stops = _read(tmp_path, "ferrite.txt", text).problems[0]
    assert (
        "ferrite.agent ERROR [FRT-E220] vault handshake timed out after 30s (errno 110)"
        in stops.error_messages
    )
    assert not any("ferritectl" in message for message in stops.error_messages)
    assert "ferritectl config dump | grep vault_addr" in stops.steps[0].text


def test_rst_directives_and_the_field_list_of_a_text_page_are_no_steps(tmp_path: Path) -> None:
    # Before: ":Maintainer: … :Revised: …", ".. contents:: …" and ".. note::" were steps.
    article = _read(tmp_path, "ferrite.txt", RST_PAGE)
    stops = article.problems[0]
    assert [s.text for s in stops.steps][1:] == [
        "Point FERRITE_VAULT_ADDR at the new vault host.",
        "Restart the agent.",
    ]
    assert [n.text for n in stops.notes] == [
        "Note: Agents started by the old installer read /etc/ferrite/agent.env instead."
    ]
    assert "Ferrite platform team" in article.body
    assert not any(".." in s.text or "Maintainer" in s.text for p in article.problems for s in p.steps)


def test_a_text_page_with_no_rst_only_markup_keeps_its_plain_reading(tmp_path: Path) -> None:
    # Guard: underlined headings, a line ending in "::" with nothing indented under it (an address)
    # and ".." in a sentence are a plain text note's; it is read as the Markdown it is, as before.
    text = (
        "Lab network notes\n=================\n\nRouters answer on fd00:beef::\n\nSee the wiki .. or ask.\n\n"
        "Renew a lease\n-------------\n\n1. Release the lease.\n2. Renew it.\n"
    )
    article = _read(tmp_path, "lab.txt", text)
    assert article.title == "Lab network notes"
    assert [s.text for p in article.problems for s in p.steps] == ["Release the lease.", "Renew it."]


LETTERED_FAQ = """Tallyhall Kiosk - Frequently Asked Questions

Q. The kiosk shows "Printer unavailable (TK-240)" and no receipt comes out. What is wrong?

A. The receipt printer lost its network address after the store router restarted. Power the printer off and on, then print a test receipt from the kiosk's service menu.

Q. Why does the kiosk say "Session ended - basket cleared"?

A. Nobody touched the screen for five minutes, so the kiosk cleared the basket.
"""


def test_a_plain_text_faq_s_lettered_answer_mark_is_no_part_of_its_step(tmp_path: Path) -> None:
    # Under "Q. …" the answer's "A." was kept: step 1 read "A. The receipt printer lost …".
    printer, session = _read(tmp_path, "kiosk-faq.txt", LETTERED_FAQ).problems
    assert printer.steps[0].text.startswith("The receipt printer lost its network address")
    assert (
        session.steps[0].text
        == "Nobody touched the screen for five minutes, so the kiosk cleared the basket."
    )


def test_a_short_unavailable_message_a_question_quotes_is_its_error_message(tmp_path: Path) -> None:
    # "Printer unavailable (TK-240)" was no message, only its code: "unavailable" says what failed,
    # as "not available" does.
    printer, _ = _read(tmp_path, "kiosk-faq.txt", LETTERED_FAQ).problems
    assert printer.error_messages == ["Printer unavailable (TK-240)"]
    assert printer.error_codes == ["TK240"]


def test_lettered_steps_under_a_lettered_question_keep_their_first_step(tmp_path: Path) -> None:
    # Guard: "A." then "B." letter the answer's steps; "A." is no answer's mark there.
    faq = "Kiosk FAQ\n\nQ. How do I clear a paper jam?\n\nA. Open the front cover.\nB. Pull the paper out.\n"
    [problem] = _read(tmp_path, "jam-faq.txt", faq).problems
    assert [s.text for s in problem.steps] == ["Open the front cover.", "Pull the paper out."]


# A Jira issue exported as text: its key and summary over its fields, then its description and comments
# in Jira's wiki markup, and the export's stamp at the end.
JIRA_EXPORT = """\
[QRT-812] Quartermill import stops with QM-3301 Created: 04/Feb/25  Updated: 07/Feb/25

Status:                Closed
Resolution:            Done                    Votes:     0

Description

h3. Details
Every import of a supplier file stops and the import log shows:
{code:text}
QM-3301: lock wait timeout on table STOCK_LEVEL
{code}

Comments

Comment by Ilse Marten [ 06/Feb/25 ]
Workaround:
# Pause the scheduler: {{qmctl scheduler pause}}
# Raise the lock timeout in {{quartermill.conf}}:
{noformat}
lock.timeout=120
{noformat}
## Restart the importer.
## Run {{qmctl import --resume}}.
# Resume the scheduler. cc [~okarlsen]

Generated at Fri Feb 07 16:20:11 UTC 2025 by Ilse Marten using Jira 9.12.4#912004-sha1:a1b2c3d.
"""


def test_a_jira_export_is_titled_by_its_key_and_summary_not_a_field(tmp_path: Path) -> None:
    # "Resolution: Done Votes: 0", a field, was read as the fix's label and titled the page.
    article = _read(tmp_path, "qrt-812.txt", JIRA_EXPORT)
    (problem,) = article.problems
    assert article.title == "[QRT-812] Quartermill import stops with QM-3301"
    assert problem.title == article.title


def test_a_jira_export_s_numbered_items_are_steps_and_its_blocks_code(tmp_path: Path) -> None:
    # "# Pause the scheduler: …" was a heading naming a group, the {noformat} lines steps, a step lost.
    (problem,) = _read(tmp_path, "qrt-812.txt", JIRA_EXPORT).problems
    assert [(s.number, s.text) for s in problem.steps] == [
        ("1", "Pause the scheduler: qmctl scheduler pause"),
        ("2", "Raise the lock timeout in quartermill.conf:\nlock.timeout=120"),
        ("2.1", "Restart the importer."),
        ("2.2", "Run qmctl import --resume."),
        ("3", "Resume the scheduler. cc @okarlsen"),
    ]
    assert problem.steps[1].markdown.endswith("```\nlock.timeout=120\n```")


def test_a_jira_export_s_code_block_gives_its_error_message(tmp_path: Path) -> None:
    # The {code} lines were text and the error no message.
    (problem,) = _read(tmp_path, "qrt-812.txt", JIRA_EXPORT).problems
    assert problem.error_messages == ["QM-3301: lock wait timeout on table STOCK_LEVEL"]
    assert problem.symptoms.endswith("QM-3301: lock wait timeout on table STOCK_LEVEL")


def test_a_jira_export_s_stamp_and_comment_byline_are_no_steps_or_notes(tmp_path: Path) -> None:
    # "Generated at … using Jira …" was a step, the comment's byline a note.
    article = _read(tmp_path, "qrt-812.txt", JIRA_EXPORT)
    (problem,) = article.problems
    assert not any("Ilse Marten" in n.text for n in problem.notes)
    assert "Generated at Fri Feb 07 16:20:11 UTC 2025 by Ilse Marten using Jira 9.12.4" in article.body
    assert not any("Generated" in s.text for s in problem.steps)


def test_a_text_file_with_hash_lines_but_no_jira_export_keeps_its_plain_reading(tmp_path: Path) -> None:
    # Guard: a plain note whose first line is no issue's key and dates, or a Jira-like first line over
    # no wiki markup only Jira writes, is read as before.
    note = "Quartermill notes\n\n# Pause the scheduler.\n# Resume it.\n\n{code}\nqmctl status\n{code}\n"
    assert _read(tmp_path, "notes.txt", note).title == "Quartermill notes"
    plain = JIRA_EXPORT.replace("{code:text}", "").replace("{code}", "").replace("{noformat}", "")
    plain = plain.replace("h3. Details", "Details")
    assert _read(tmp_path, "qrt-812.txt", plain).title != "[QRT-812] Quartermill import stops with QM-3301"


# An issue's description copied out of Jira as wiki markup, with no export's first line: "hN." headings,
# {noformat} and {code} blocks, {{monospace}}, an admonition macro.
JIRA_DESCRIPTION = """\
h2. Problem 1: Nightly export fails with "disk quota exceeded"
h3. Symptoms
{noformat}
EXPORT-4410: write /data/export/stock.csv: disk quota exceeded
{noformat}
h3. Workaround
# Check the quota: {{quota -s exportsvc}}
# Remove old exports:
{code:bash}
find /data/export -mtime +14 -delete
{code}
# Re-run the export.
{warning}Deleting exports older than 14 days breaks the monthly audit.{warning}

h2. Problem 2: Export cannot reach the warehouse database
h3. Symptoms
{noformat}
EXPORT-2201: connection to wh-db01:5432 refused
{noformat}
h3. Workaround
# Restart the tunnel: {{systemctl restart wh-tunnel}}
{info}
Linked: OPS-1180
{info}
"""


def test_a_jira_description_without_an_export_s_first_line_is_read_as_its_markup(tmp_path: Path) -> None:
    # Read as plain text, {{monospace}} was deleted from the steps ("Check the quota:"), the {noformat}
    # blocks were no error messages and the "h3." headings part of the symptoms, the macros' marks kept.
    quota, tunnel = _read(tmp_path, "export-runbook.txt", JIRA_DESCRIPTION).problems
    assert quota.title == 'Nightly export fails with "disk quota exceeded"'
    assert quota.error_messages == ["EXPORT-4410: write /data/export/stock.csv: disk quota exceeded"]
    assert [s.text for s in quota.steps] == [
        "Check the quota: quota -s exportsvc",
        "Remove old exports:\nfind /data/export -mtime +14 -delete",
        "Re-run the export.",
    ]
    assert [n.text for n in quota.notes] == [
        "Warning: Deleting exports older than 14 days breaks the monthly audit."
    ]
    assert tunnel.error_messages == ["EXPORT-2201: connection to wh-db01:5432 refused"]
    assert [s.text for s in tunnel.steps] == ["Restart the tunnel: systemctl restart wh-tunnel"]
    assert not any("{" in n.text for n in tunnel.notes)


def test_a_jira_macro_s_lines_keep_their_markup_and_end_at_its_closing_mark() -> None:
    # A macro's lines were only inline markup: a "#" item in a panel was a Markdown heading, a {code}
    # block in it literal text, the text on its opening line lost, and a closing mark after text not
    # found, so the rest of the page was advice.
    markdown = jira_markdown(
        "h2. Export fails\n"
        "{panel:title=Before you start}\n# Stop the scheduler: {{qmctl pause}}\n{code}\nqmctl status\n{code}\n{panel}\n"
        "{note}Back up the queue first.\nIt takes a minute.{note}\n"
        "h3. Workaround\n# Restart the exporter.\n"
    )
    assert markdown is not None
    assert markdown.split("\n") == [
        "## Export fails",
        "**Before you start**",
        "1. Stop the scheduler: `qmctl pause`",
        "   ```",
        "   qmctl status",
        "   ```",
        "",
        "> [!NOTE] Back up the queue first.",
        "> It takes a minute.",
        "### Workaround",
        "1. Restart the exporter.",
        "",
    ]


def test_a_jira_macro_mark_after_a_long_run_of_spaces_is_read_in_linear_time() -> None:
    # Guard: a lazy match up to the line's end backtracked over every space (a 40 KB line took 13 s).
    with cpu_budget(1.5):
        jira_markdown("h2. A\n{warning}" + " " * 200_000 + "x\n{code}\nls\n{code}\n")


def test_a_page_with_h_headings_and_no_jira_macro_is_no_jira_description(tmp_path: Path) -> None:
    # Guard: Textile writes "hN." headings too; without a block or macro only Jira writes, the page is
    # not rewritten as Jira's.
    assert jira_markdown("h2. Printer offline\n\n# Restart the spooler.\n# Print a test page.\n") is None
    assert jira_markdown("Notes\n\n{code}\nqmctl status\n{code}\n") is None


# A DokuWiki page saved as .txt: "======" headings (six "=" the page's title, fewer deeper), lists indented
# by two spaces ("  *" bullets, "  -" numbered items), ''monospace'', <code> and <note> blocks, macros.
DOKUWIKI_PAGE = """~~NOTOC~~
====== Scanner-Stationen im Lager ======

//Gepflegt vom Team Logistik-IT//

{{tag>scanner lager}}

===== Problem: Scanner findet den Server nicht =====

==== Symptome ====

  * Der Handscanner piept dreimal.
  * Das Display zeigt:

<code>
NET-204: Host unreachable
</code>

==== Ursache ====

Die Station hat nach dem Neustart keine IP-Adresse bekommen.

==== Lösung ====

  - Station vom Netz trennen.
  - Konfiguration neu laden:<code bash>
sudo scanctl reload
</code>
    * ''scanctl status'' prüfen.
  - Scanner neu koppeln.

<note important>Nicht die Werkseinstellungen laden.</note>

===== Problem: Etiketten werden leer gedruckt =====

==== Symptome ====

  * Das Protokoll zeigt:

<code>
LBL-17: ribbon sensor not calibrated
</code>

==== Lösung ====

  - Farbband-Sensor kalibrieren.

~~DISCUSSION~~
"""


def test_a_dokuwiki_page_s_headings_part_its_problems(tmp_path: Path) -> None:
    # The "=" lines were text: the page was one problem, its parts' headings notes, the second problem lost.
    article = _read(tmp_path, "scanner.txt", DOKUWIKI_PAGE)
    assert article.title == "Scanner-Stationen im Lager"
    unreachable, labels = article.problems
    assert unreachable.title == "Scanner findet den Server nicht"
    assert labels.title == "Etiketten werden leer gedruckt"
    assert unreachable.error_messages == ["NET-204: Host unreachable"]
    assert unreachable.cause == "Die Station hat nach dem Neustart keine IP-Adresse bekommen."
    assert labels.error_messages == ["LBL-17: ribbon sensor not calibrated"]
    assert [s.text for s in labels.steps] == ["Farbband-Sensor kalibrieren."]


def test_a_dokuwiki_page_s_items_are_steps_its_code_code_and_its_note_a_note(tmp_path: Path) -> None:
    # The "  -" items' code ran into the next step, and the <note> was text.
    unreachable, _ = _read(tmp_path, "scanner.txt", DOKUWIKI_PAGE).problems
    assert [(s.number, s.text) for s in unreachable.steps] == [
        ("1", "Station vom Netz trennen."),
        ("2", "Konfiguration neu laden:\nsudo scanctl reload"),
        ("2.1", "scanctl status prüfen."),
        ("3", "Scanner neu koppeln."),
    ]
    assert [n.text for n in unreachable.notes] == ["Important: Nicht die Werkseinstellungen laden."]


def test_a_dokuwiki_page_s_macros_and_tags_are_no_text_of_a_problem(tmp_path: Path) -> None:
    article = _read(tmp_path, "scanner.txt", DOKUWIKI_PAGE)
    texts = [s.text for p in article.problems for s in p.steps] + [
        n.text for p in article.problems for n in p.notes
    ]
    assert not any("~~" in t or "{{" in t or "''" in t for t in texts)


def test_a_dokuwiki_page_s_links_read_as_their_words(tmp_path: Path) -> None:
    # "[[printing:drivers|Printer drivers]]" stayed as written in the note, brackets, bar and all.
    text = DOKUWIKI_PAGE.replace(
        "<note important>Nicht die Werkseinstellungen laden.</note>",
        "<note important>Siehe [[lager:scanner:werkseinstellungen|Werkseinstellungen]], [[lager:netz]] "
        "und [[https://support.example.de/scan|die Herstellerseite]].</note>",
    )
    unreachable, _ = _read(tmp_path, "scanner.txt", text).problems
    assert [n.text for n in unreachable.notes] == [
        "Important: Siehe Werkseinstellungen, netz und die Herstellerseite."
    ]
    assert "(https://support.example.de/scan)" in unreachable.notes[0].markdown


def test_an_unclosed_dokuwiki_link_is_read_in_linear_time(tmp_path: Path) -> None:
    # Guard: "[[a" before a long run of spaces backtracked over every split of them (20 KB took 7 s).
    with cpu_budget(1.5):
        _read(tmp_path, "scanner.txt", DOKUWIKI_PAGE + "\n[[a" + " " * 200_000 + "\n")


def test_a_text_file_with_an_equals_banner_but_no_dokuwiki_page_keeps_its_plain_reading(
    tmp_path: Path,
) -> None:
    # Guard: "=" banners around a line, in a note with no list, block or macro only DokuWiki writes, or in
    # a Markdown file, are read as before.
    note = (
        "== Depot notes ==\n\nThe scanner was replaced.\n\n== Next ==\n\n1. Order labels.\n2. Count stock.\n"
    )
    for name, title in (("depot.txt", "== Depot notes =="), ("depot.md", "depot")):
        article = _read(tmp_path, name, note)
        assert [p.title for p in article.problems] == [title]
        assert [s.text for p in article.problems for s in p.steps] == ["Order labels.", "Count stock."]


# A Textile page (a Redmine or Textpattern wiki's) saved as .txt: "hN." headings, "#" numbered items and
# "*" bullets (one mark a level), "bc." code, "bq." quotes, @code@, "words":links and {{macros}}.
TEXTILE_PAGE = """{{>toc}}

h1. Till terminal faults

p(meta). _Maintained by the store systems team._

h2(#drawer). Cash drawer does not open

h3. Symptoms

* The sale completes but the drawer stays shut.
* The terminal log shows:

bc. DRW-031: drawer kick pulse not acknowledged

h3. Cause

The drawer cable sits in the @DK2@ port instead of @DK1@.

h3. Fix

# Power off the printer.
# Move the cable to @DK1@:
## check the latch clicks;
## tighten the screw.
# Print a test receipt.

bq. *Note:* do not open the drawer with the key while the terminal is on.

h2. Receipts print blank

h3. Symptoms

bc.. PRN-112: thermal head overheated

PRN-113: paper low

p. The printer then stops.

h3. Fix

# Let the head cool for ten minutes.

"Back to Store IT":/projects/store/wiki
"""


def test_a_textile_page_s_headings_part_its_problems(tmp_path: Path) -> None:
    # "#" items were Markdown headings: the last item was the only problem, its step the link back.
    article = _read(tmp_path, "till.txt", TEXTILE_PAGE)
    assert article.title == "Till terminal faults"
    drawer, blank = article.problems
    assert drawer.title == "Cash drawer does not open"
    assert blank.title == "Receipts print blank"
    assert drawer.error_messages == ["DRW-031: drawer kick pulse not acknowledged"]
    assert drawer.cause == "The drawer cable sits in the DK2 port instead of DK1."
    # "bc.." runs on over the blank line, to the "p." block: the log's two lines, unwrapped as a pasted log is.
    assert blank.error_messages == ["PRN-112: thermal head overheated PRN-113: paper low"]
    assert blank.symptoms.endswith("PRN-113: paper low\n\nThe printer then stops.")
    assert [s.text for s in blank.steps] == ["Let the head cool for ten minutes."]


def test_a_textile_page_s_numbered_items_are_nested_steps_and_its_quote_a_note(tmp_path: Path) -> None:
    drawer, _ = _read(tmp_path, "till.txt", TEXTILE_PAGE).problems
    assert [(s.number, s.text) for s in drawer.steps] == [
        ("1", "Power off the printer."),
        ("2", "Move the cable to DK1:"),
        ("2.1", "check the latch clicks;"),
        ("2.2", "tighten the screw."),
        ("3", "Print a test receipt."),
    ]
    assert [n.text for n in drawer.notes] == [
        "Note: do not open the drawer with the key while the terminal is on."
    ]
    assert all("@" not in s.markdown for s in drawer.steps)


def test_a_text_file_with_hash_items_and_one_textile_like_line_keeps_its_plain_reading(
    tmp_path: Path,
) -> None:
    # Guard: a plain note with "#" lines and one line that only looks like a Textile heading, nothing else
    # of Textile's beside it, is read as before (as Markdown: "#" lines headings); so is a Markdown file.
    note = "Till notes\n\nSee p. 12 of the manual.\n\nh1. is a heading tag\n\n# Power off the printer.\n# Move the cable.\n"
    article = _read(tmp_path, "till.txt", note)
    assert [(p.title, [s.text for s in p.steps]) for p in article.problems] == [
        ("Till notes", ["Till notes", "See p. 12 of the manual.", "h1. is a heading tag"])
    ]
    assert _read(tmp_path, "till.md", TEXTILE_PAGE).title != "Till terminal faults"


# An Emacs org-mode file saved as .txt: "#+TITLE:", "*" headings (one mark a level, with TODO keywords and
# :tags:), property drawers and planning lines, "# " comments, #+BEGIN_EXAMPLE/#+BEGIN_SRC blocks, =verbatim=.
ORG_PAGE = """#+TITLE: Backup runbook
#+AUTHOR: Storage team
#+STARTUP: overview

# Reviewed every quarter; ask the storage team before editing.

* TODO Nightly backup fails with a snapshot error :backup:
  :PROPERTIES:
  :SEVERITY: P2
  :END:
** Symptoms
- The backup report is red.
- The agent log shows:
#+BEGIN_EXAMPLE
SNAP-409: snapshot quota exceeded on volume data01
#+END_EXAMPLE
** Cause
Old snapshots were never pruned.
** Fix
1. Prune the old snapshots:
   #+BEGIN_SRC sh
   snapctl prune --older-than 30d
   #+END_SRC
2. Run the backup again with =snapctl run=.

* DONE Restore is slow
  CLOSED: [2024-03-02 Sat 10:00]
** Fix
1. Restore from the local cache first.
"""


def test_an_org_file_s_headings_part_its_problems_under_its_title(tmp_path: Path) -> None:
    # The "# " comment was the page's title, and the whole file one problem whose steps were the headings.
    article = _read(tmp_path, "backup.txt", ORG_PAGE)
    assert article.title == "Backup runbook"
    snapshot, restore = article.problems
    assert snapshot.title == "Nightly backup fails with a snapshot error"
    assert restore.title == "Restore is slow"
    assert snapshot.error_messages == ["SNAP-409: snapshot quota exceeded on volume data01"]
    assert snapshot.cause == "Old snapshots were never pruned."
    assert [s.text for s in restore.steps] == ["Restore from the local cache first."]


def test_an_org_file_s_steps_keep_their_code_and_no_drawer_or_comment_is_text(tmp_path: Path) -> None:
    article = _read(tmp_path, "backup.txt", ORG_PAGE)
    snapshot, _ = article.problems
    assert [s.text for s in snapshot.steps] == [
        "Prune the old snapshots:\nsnapctl prune --older-than 30d",
        "Run the backup again with snapctl run.",
    ]
    words = " ".join([article.body, *(p.symptoms for p in article.problems)])
    assert ":PROPERTIES:" not in words and "CLOSED:" not in words and "#+" not in words


def test_a_text_file_with_star_bullets_and_no_org_keyword_keeps_its_plain_reading(tmp_path: Path) -> None:
    # Guard: "*" bullets at a line's start, in a note with no "#+" keyword or block, are read as before.
    note = "Backup notes\n\n* Prune the old snapshots.\n* Run the backup again.\n"
    article = _read(tmp_path, "notes.txt", note)
    assert [(p.title, [s.text for s in p.steps]) for p in article.problems] == [
        ("Backup notes", ["Prune the old snapshots.", "Run the backup again."])
    ]


# A manual page rendered as text (man -P cat) and saved as .txt: a running header and footer, section
# headings in capitals at the margin, subsections indented by three spaces, text by seven, tagged
# paragraphs ("1.     …", an option over its text) and displays indented further.
MAN_PAGE = """LABELD(8)                 System Manager's Manual                LABELD(8)

NAME
       labeld - print daemon for thermal label printers

SYNOPSIS
       labeld [-f] [-c FILE]

OPTIONS
       -f     Stay in the foreground.

       -c FILE
              Read the configuration from FILE.

DIAGNOSTICS
   Printer does not answer
       labeld logs, every 30 seconds:

              labeld[812]: LBL-221: no reply from printer on /dev/usb/lp0

       The printer went to sleep and dropped off the USB bus.

       1.     Press FEED once to wake the printer.

       2.     Restart the daemon:
              systemctl restart labeld

   Labels come out blank
       The print head is too cold for the ribbon in use.

       1.     Raise darkness in /etc/labeld.conf to 20.

SEE ALSO
       lpr(1), cups(1)

labeld 3.1                        May 2024                          LABELD(8)
"""


def test_a_rendered_manual_page_s_subsections_are_its_problems(tmp_path: Path) -> None:
    # Read as prose, the page was one problem whose steps were its sections; the second subsection's
    # error was no message of any problem.
    article = _read(tmp_path, "labeld.txt", MAN_PAGE)
    assert article.title == "labeld - print daemon for thermal label printers"
    asleep, blank = article.problems
    assert asleep.title == "Printer does not answer"
    assert asleep.error_messages == ["labeld[812]: LBL-221: no reply from printer on /dev/usb/lp0"]
    assert [s.text for s in asleep.steps] == [
        "Press FEED once to wake the printer.",
        "Restart the daemon:\nsystemctl restart labeld",
    ]
    assert blank.title == "Labels come out blank"
    assert [s.text for s in blank.steps] == ["Raise darkness in /etc/labeld.conf to 20."]
    assert "LABELD(8)" not in " ".join(p.symptoms for p in article.problems)
    assert "Stay in the foreground." in article.body and "May 2024" in article.body


def test_a_text_file_that_only_mentions_a_manual_page_keeps_its_plain_reading(tmp_path: Path) -> None:
    # Guard: a note whose first line names a page, with no running header over capital sections.
    note = "See labeld(8) for the options.\n\nPRINTER NOTES\n\n1. Press FEED.\n2. Restart the daemon.\n"
    article = _read(tmp_path, "notes.txt", note)
    assert [s.text for p in article.problems for s in p.steps] == ["Press FEED.", "Restart the daemon."]


# The source of a manual page (groff's man macros) saved as .txt: comments, .TH, .SH sections, .TP tagged
# paragraphs whose tag is a .B line, .RS/.RE around .IP numbered items, a .nf/.fi display and font escapes.
MAN_SOURCE = r""".\" Maintained by the print team.
.TH LABELD 8 "May 2024" "labeld 3.1" "System Manager's Manual"
.SH NAME
labeld \- print daemon for thermal label printers
.SH OPTIONS
.TP
.B \-f
Stay in the foreground.
.SH DIAGNOSTICS
.TP
.B "labeld: LBL-221: no reply from printer on /dev/usb/lp0"
The printer went to sleep and dropped off the USB bus.
.RS
.IP 1. 4
Press \fBFEED\fR once to wake the printer.
.IP 2. 4
Restart the daemon:
.nf
systemctl restart labeld
.fi
.RE
.TP
.B "labeld: LBL-305: ribbon out"
Load a new ribbon, then press \fBFEED\fP.
.SH "SEE ALSO"
.BR lpr (1),
.BR cups (1)
"""


def test_a_manual_page_s_source_is_read_as_its_macros_stand_for(tmp_path: Path) -> None:
    # Read as prose, the whole source was one step of raw macros, and no message was any problem's.
    # Titled by its name and section over NAME, its OPTIONS are the page's text, no problem's steps.
    article = _read(tmp_path, "labeld.txt", MAN_SOURCE)
    assert article.title == "LABELD(8)"
    asleep, ribbon = article.problems
    assert asleep.title == "labeld: LBL-221: no reply from printer on /dev/usb/lp0"
    assert asleep.error_messages == ["labeld: LBL-221: no reply from printer on /dev/usb/lp0"]
    assert [s.text for s in asleep.steps][-2:] == [
        "Press FEED once to wake the printer.",
        "Restart the daemon:\nsystemctl restart labeld",
    ]
    assert ribbon.error_messages == ["labeld: LBL-305: ribbon out"]
    assert [s.text for s in ribbon.steps] == ["Load a new ribbon, then press FEED."]
    assert (
        "Stay in the foreground." in article.body
        and "print daemon for thermal label printers" in article.body
    )
    assert ".TP" not in article.body and "\\f" not in article.body


def test_a_text_file_that_quotes_a_request_line_keeps_its_plain_reading(tmp_path: Path) -> None:
    # Guard: a note that opens with prose and quotes a .TH line further down is no manual page's source.
    note = "Printer notes\n\nThe man page opens with:\n.TH LABELD 8\n.SH NAME\n\n1. Press FEED.\n2. Restart the daemon.\n"
    article = _read(tmp_path, "notes.txt", note)
    assert [s.text for p in article.problems for s in p.steps] == ["Press FEED.", "Restart the daemon."]


# A MediaWiki page saved as .txt (its source, copied from the edit box): "==" headings (two a section, three
# a sub-section), "#"/"##" numbered items and "*" bullets at a line's start, "#:" text under an item,
# '''bold''', <pre> and <syntaxhighlight> blocks, a line opened by a space preformatted, {{Note|…}} boxes and
# an infobox, [[Page|words]] and [https://… words] links, a {| … |} table, __TOC__ and [[Category:…]] links.
MEDIAWIKI_PAGE = """__TOC__
{{Infobox service
| owner   = Print team
| updated = 2024-03-11
}}
'''Label printers in the dispatch hall''' are looked after by the print team. This page lists the faults we see most.

== Printer shows as offline in the dispatch console ==

=== Symptoms ===
* The dispatch console lists the printer as ''offline''.
* The print spooler log shows:
<pre>
SPL-4410: device did not answer within 30 s
</pre>

=== Cause ===
The printer took a new address from DHCP after a power cut, so the spooler's port still points to the old one.

=== Resolution ===
# Print a configuration label from the printer (hold '''FEED''' for five seconds).
# Note the IP address on the label.
# Update the spooler port:
## Open the [[Print server|print server]] console.
## Set the port to the new address.
# Send a test label:
#: <code>lpr -P dispatch-01 test.zpl</code>
If the label still does not print, call the print team.

{{Note|Ask the network team for a DHCP reservation so that the address stays fixed.}}

== Labels print blank ==

=== Symptoms ===
The printer feeds labels but prints nothing. The front panel shows:
 HEAD-22: printhead open

=== Resolution ===
# Close the printhead until it clicks.
# Calibrate the media sensor:
<syntaxhighlight lang="bash">
zplctl calibrate --sensor media
</syntaxhighlight>

{{Warning|
Do not clean the printhead with alcohol while it is hot.
}}

== Error codes ==
{| class="wikitable"
|-
! Code !! Meaning
|-
| SPL-4410 || Spooler timeout
|-
| style="color: red" | HEAD-22
| Printhead open
|}

== See also ==
* [https://vendor.example.com/manuals/zt410 Vendor manual]
* [[Network reservations]]

[[Category:Printers]]
[[Category:Dispatch]]
"""


def test_a_mediawiki_page_s_headings_part_its_problems(tmp_path: Path) -> None:
    # The "==" lines were text and each "#" item a Markdown heading: the page was three problems titled by
    # "__TOC__" and two of its steps, the second problem's parts run into the first one's steps.
    article = _read(tmp_path, "dispatch-printers.txt", MEDIAWIKI_PAGE)
    offline, blank = article.problems
    assert offline.title == "Printer shows as offline in the dispatch console"
    assert blank.title == "Labels print blank"
    assert offline.error_messages == ["SPL-4410: device did not answer within 30 s"]
    assert offline.cause.startswith("The printer took a new address from DHCP after a power cut")
    assert blank.error_messages == ["HEAD-22: printhead open"]
    assert "HEAD-22: printhead open" in blank.symptoms


def test_a_mediawiki_page_s_items_are_nested_steps_its_boxes_notes(tmp_path: Path) -> None:
    offline, blank = _read(tmp_path, "dispatch-printers.txt", MEDIAWIKI_PAGE).problems
    assert [(s.number, s.text) for s in offline.steps] == [
        ("1", "Print a configuration label from the printer (hold FEED for five seconds)."),
        ("2", "Note the IP address on the label."),
        ("3", "Update the spooler port:"),
        ("3.1", "Open the print server console."),
        ("3.2", "Set the port to the new address."),
        ("4", "Send a test label:\nlpr -P dispatch-01 test.zpl"),
    ]
    # MediaWiki ends a list at a line of text: it is no more of the last step, but a note after them.
    assert [n.text for n in offline.notes] == [
        "If the label still does not print, call the print team.",
        "Note: Ask the network team for a DHCP reservation so that the address stays fixed.",
    ]
    assert [(s.number, s.text) for s in blank.steps] == [
        ("1", "Close the printhead until it clicks."),
        ("2", "Calibrate the media sensor:\nzplctl calibrate --sensor media"),
    ]
    assert [n.text for n in blank.notes] == [
        "Warning: Do not clean the printhead with alcohol while it is hot."
    ]


def test_a_mediawiki_page_s_markup_is_no_text_of_a_problem(tmp_path: Path) -> None:
    article = _read(tmp_path, "dispatch-printers.txt", MEDIAWIKI_PAGE)
    texts = [
        text
        for p in article.problems
        for text in (p.title, p.symptoms, p.cause, *(s.markdown for s in p.steps), *(n.text for n in p.notes))
    ]
    assert not any(mark in t for t in texts for mark in ("'''", "[[", "{{", "}}", "==", "<pre>", "__TOC__"))
    # The table, the links and the categories are the page's searchable text, as they read.
    for said in ("HEAD-22 | Printhead open", "Vendor manual", "Network reservations", "Printers"):
        assert said in article.body


def test_a_mediawiki_page_s_categories_at_its_foot_are_no_note_of_its_last_fix(tmp_path: Path) -> None:
    # MediaWiki shows them in a box under the page: they were the last fix's note.
    page = (
        "== VPN client fails with error 809 ==\n'''Applies to:''' Windows laptops.\n\n=== Resolution ===\n"
        "# Try another network.\n# Switch the client to SSTP.\n\n"
        "{{Tip|Ask the [[Service desk|service desk]] for the SSTP profile.}}\n\n"
        "[[Category:VPN]]\n[[Category:Remote work]]\n"
    )
    article = _read(tmp_path, "vpn.txt", page)
    (problem,) = article.problems
    assert [s.text for s in problem.steps] == ["Try another network.", "Switch the client to SSTP."]
    assert [n.text for n in problem.notes] == ["Tip: Ask the service desk for the SSTP profile."]
    assert "VPN, Remote work" in article.body


def test_text_files_with_equals_headings_but_no_mediawiki_mark_keep_their_reading(tmp_path: Path) -> None:
    # Guard: "==" banners in a plain note with "#" lines, a DokuWiki page (its "[[page|words]]" links and
    # "**bold**" beside "==" headings, six "=" its highest) and a Textile page are no MediaWiki page.
    note = "== Depot notes ==\n\nThe scanner was replaced.\n\n== Next ==\n\n# Order labels.\n# Count stock.\n"
    assert mediawiki_markdown(note) is None
    dokuwiki = DOKUWIKI_PAGE.replace("//Gepflegt", "[[team:logistik|Gepflegt]] //Gepflegt")
    assert mediawiki_markdown(dokuwiki) is None
    assert _read(tmp_path, "scanner.txt", dokuwiki).title == "Scanner-Stationen im Lager"
    assert mediawiki_markdown(TEXTILE_PAGE) is None
    # Nor is a Markdown file read as one.
    assert _read(tmp_path, "dispatch-printers.md", MEDIAWIKI_PAGE).problems[0].title != (
        "Printer shows as offline in the dispatch console"
    )


# A Trac wiki page saved as .txt: "=" the page's title and "==" its sections (an "#anchor" after one), a
# "[[PageOutline]]" macro, items indented by a space (" 1." repeated, deeper indentation nested, " *"
# bullets), "{{{" blocks on lines of their own (a "#!sh" processor naming the first one's language, under an
# item), '''bold''' labels, a "||=" header row and the footer Trac draws under the page.
TRAC_PAGE = """= Build farm troubleshooting =
[[PageOutline(2-3)]]

This page collects the failures the release team sees on the build farm.

== Checkout fails with a certificate error == #checkout-cert

The checkout step of a nightly build stops with:

{{{
svn: E170013: Unable to connect to a repository at URL 'https://svn.example.org/repos/core'
svn: E230001: Server SSL certificate verification failed: issuer is not trusted
}}}

'''Cause:''' the worker's CA bundle predates the new intermediate certificate.

 1. Log in to the worker as {{{buildbot}}}.
 1. Refresh the CA bundle:
{{{
#!sh
sudo update-ca-certificates --fresh
}}}
 1. Restart the worker:
   a. Stop it with {{{buildbot-worker stop}}}.
   a. Start it again.
 1. Re-run the failed build.

== Worker disk full ==

||= Symptom =||= Where =||
|| {{{No space left on device}}} || compile step log ||

 * Remove stale build folders under {{{/srv/builds}}}.
 * Ask the infrastructure team for a bigger volume if it fills again within a week.

----
''Last modified by rgarcia. See TracWiki for help on editing this page.''
"""


def test_a_trac_page_s_headings_part_its_problems_and_its_blocks_are_its_messages(tmp_path: Path) -> None:
    # Its "=" headings were text unless a '''bold''' label made it a MediaWiki page's, whose reading ran the
    # " 1." items (a line opened by a space: preformatted) into one step and kept the "{{{" braces as text.
    article = _read(tmp_path, "build-farm.txt", TRAC_PAGE)
    assert article.title == "Build farm troubleshooting"
    checkout, disk = article.problems
    assert checkout.title == "Checkout fails with a certificate error"
    assert disk.title == "Worker disk full"
    assert checkout.error_messages == [
        "svn: E170013: Unable to connect to a repository at URL 'https://svn.example.org/repos/core' "
        "svn: E230001: Server SSL certificate verification failed: issuer is not trusted"
    ]
    assert checkout.cause == "the worker's CA bundle predates the new intermediate certificate."


def test_a_trac_page_s_items_are_nested_steps_that_keep_their_blocks(tmp_path: Path) -> None:
    # A "{{{#!sh" block under an item broke the list, and its processor's name was the only step.
    checkout, disk = _read(tmp_path, "build-farm.txt", TRAC_PAGE).problems
    assert [(s.number, s.text) for s in checkout.steps] == [
        ("1", "Log in to the worker as buildbot."),
        ("2", "Refresh the CA bundle:\nsudo update-ca-certificates --fresh"),
        ("3", "Restart the worker:"),
        ("3.1", "Stop it with buildbot-worker stop."),
        ("3.2", "Start it again."),
        ("4", "Re-run the failed build."),
    ]
    assert [s.text for s in disk.steps] == [
        "Remove stale build folders under /srv/builds.",
        "Ask the infrastructure team for a bigger volume if it fills again within a week.",
    ]
    # The footer Trac draws under every page is no step or note of the last problem.
    assert not disk.notes
    texts = [
        text
        for p in (checkout, disk)
        for text in (p.title, p.symptoms, p.cause, p.body, *(s.markdown for s in p.steps))
    ]
    assert not any(
        mark in t for t in texts for mark in ("{{{", "}}}", "'''", "||", "#!sh", "PageOutline", "TracWiki")
    )


def test_text_files_with_equals_headings_but_no_trac_mark_keep_their_reading(tmp_path: Path) -> None:
    # Guard: a MediaWiki page (its "#" items at the line's start, a line opened by a space preformatted)
    # and a DokuWiki page (items indented by two spaces) are no Trac page, nor is a note of "=" banners.
    assert trac_markdown(MEDIAWIKI_PAGE) is None
    assert trac_markdown(DOKUWIKI_PAGE) is None
    note = "== Depot notes ==\n\nThe scanner was replaced.\n\n== Next ==\n\n# Order labels.\n# Count stock.\n"
    assert trac_markdown(note) is None
    offline, _ = _read(tmp_path, "dispatch-printers.txt", MEDIAWIKI_PAGE).problems
    assert offline.error_messages == ["SPL-4410: device did not answer within 30 s"]


# An XWiki page in its 2.1 syntax saved as .txt: "=" the page's title and "==" its sections, messages in
# "{{code}}" blocks and an "{{error}}" box, "1." items ("11." one deeper), "**bold**", "##monospace##",
# "[[words>>target]]" links, a "{{toc/}}" macro and a "|=" table; no "{{info}}" box that MediaWiki's reading
# took for a template.
XWIKI_PAGE = """= Payroll client sign-in problems =

{{toc/}}

Sign-in problems with the payroll desktop client, as the HR service desk sees them.

== Server not reachable ==

After clicking **Sign in**, the client shows:

{{code language="none"}}
PAY-2041: Cannot reach payroll server payroll-app01:8443
Details: ECONNREFUSED
{{/code}}

=== Solution ===

1. Open **Settings > Connection**.
1. Set the server to ##payroll.example.com##:
11. Leave the port at ##443##.
11. Tick **Use system proxy**.
1. Sign in again.

== Account disabled ==

{{error}}
PAY-3310: Account disabled after five failed sign-ins
{{/error}}

Same fix as [[Server not reachable>>||anchor="HServernotreachable"]]; the account is also enabled again after 30 minutes.

== Error codes ==

|=Code|=Meaning
|PAY-2041|Server not reachable
|PAY-3310|Account disabled
"""


def test_an_xwiki_page_s_headings_part_its_problems_and_its_code_blocks_are_its_messages(
    tmp_path: Path,
) -> None:
    # Its "=" headings were text without an "{{info}}"-style box: the page was one problem, and the text of
    # a "{{code}}" block was no error message.
    article = _read(tmp_path, "payroll.txt", XWIKI_PAGE)
    assert article.title == "Payroll client sign-in problems"
    unreachable = article.problems[0]
    assert unreachable.title == "Server not reachable"
    assert unreachable.error_messages == [
        "PAY-2041: Cannot reach payroll server payroll-app01:8443 Details: ECONNREFUSED"
    ]
    assert [(s.number, s.text) for s in unreachable.steps] == [
        ("1", "Open Settings > Connection."),
        ("2", "Set the server to payroll.example.com:"),
        ("2.1", "Leave the port at 443."),
        ("2.2", "Tick Use system proxy."),
        ("3", "Sign in again."),
    ]


def test_an_xwiki_page_s_problem_answered_by_a_reference_keeps_its_error_box_s_message(
    tmp_path: Path,
) -> None:
    # Its message in an "{{error}}" box and its fix a sentence that points to another section: the section
    # was no problem, and its message was found nowhere.
    article = _read(tmp_path, "payroll.txt", XWIKI_PAGE)
    disabled = article.problems[1]
    assert disabled.title == "Account disabled"
    assert disabled.error_messages == ["PAY-3310: Account disabled after five failed sign-ins"]
    said = " ".join([disabled.body, *(s.text for s in disabled.steps), *(n.text for n in disabled.notes)])
    assert "Same fix as Server not reachable; the account is also enabled again after 30 minutes." in said
    texts = [
        text
        for p in article.problems
        for text in (p.title, p.symptoms, p.body, *(s.markdown for s in p.steps))
    ]
    assert not any(mark in t for t in texts for mark in ("{{", "}}", ">>", "##", "|="))


def test_a_section_beside_framed_problems_that_quotes_no_failure_stays_the_page_s_text(
    tmp_path: Path,
) -> None:
    # Guard: a section of its own beside framed problems that sets a note apart ("> This step is …") quotes no
    # error: it stays the page's text, no problem of its own.
    page = (
        "# Label printer faults\n\n## Printer offline\n\n```\nSPL-4410: device did not answer within 30 s\n```\n\n"
        "### Resolution\n\n1. Power-cycle the printer.\n2. Send a test label.\n\n"
        "## Mount the printer on a wall\n\n> This step is only needed for the older wall brackets.\n\n"
        "Fix the bracket with the two screws supplied.\n"
    )
    article = _read(tmp_path, "printers.md", page)
    assert [p.title for p in article.problems] == ["Printer offline"]


def test_text_files_with_equals_headings_but_no_xwiki_mark_keep_their_reading(tmp_path: Path) -> None:
    # Guard: a MediaWiki page (its "{{Note|…}}" templates, which close with no "{{/name}}"), a Trac page and a
    # DokuWiki page (its "{{tag>…}}" list) are no XWiki page.
    assert xwiki_markdown(MEDIAWIKI_PAGE) is None
    assert xwiki_markdown(TRAC_PAGE) is None
    assert xwiki_markdown(DOKUWIKI_PAGE) is None
    assert (
        _read(tmp_path, "build-farm.txt", TRAC_PAGE).problems[0].title
        == "Checkout fails with a certificate error"
    )


# A TiddlyWiki tiddler, as TiddlyWiki saves one (a .tid file) or as copied into a .txt: its fields up to the
# first blank line, then "!" headings (one a level), "#"/"##" numbered items, "{{{ }}}" code, ''bold'',
# //italic//, a "<<<" quote with its citation and a [[link|Target]].
TIDDLER = """created: 20240311081522000
modified: 20240402153010000
tags: [[Office printers]] Scanning
title: Scanner station faults
type: text/vnd.tiddlywiki

Faults the front desk reports on the two scanner stations.

!! Scan to e-mail fails: SMTP-550

The station shows:

{{{
SMTP-550: Relay access denied for scanner@example.com
}}}

# Open ''Settings > E-mail'' on the station.
# Switch the outgoing server to the relay:
## Use port 587.
## Tick //Use TLS//.
# Send a test scan.

!! Pages come out skewed

The feeder pulls two sheets at a time.

# Fan the stack before loading it.
# Clean the feed rollers, see [[roller cleaning|Feeder rollers]].

<<<
Replace the rollers every 100,000 pages.
<<< Vendor service manual
"""


def test_a_tiddler_s_fields_title_it_and_its_headings_part_its_problems(tmp_path: Path) -> None:
    # Its fields were its first step, each "#" item a Markdown heading (each problem titled by the item before
    # it) and its "!!" headings steps: no problem, message or step stood where it was written.
    article = _read(tmp_path, "scanner.txt", TIDDLER)
    assert article.title == "Scanner station faults"
    assert article.tags == ["Office printers", "Scanning"]
    smtp, skewed = article.problems
    assert smtp.title == "Scan to e-mail fails: SMTP-550"
    assert smtp.error_messages == ["SMTP-550: Relay access denied for scanner@example.com"]
    assert [(s.number, s.text) for s in smtp.steps] == [
        ("1", "Open Settings > E-mail on the station."),
        ("2", "Switch the outgoing server to the relay:"),
        ("2.1", "Use port 587."),
        ("2.2", "Tick Use TLS."),
        ("3", "Send a test scan."),
    ]
    assert skewed.title == "Pages come out skewed"
    assert [s.text.split("\n")[0] for s in skewed.steps] == [
        "Fan the stack before loading it.",
        "Clean the feed rollers, see roller cleaning.",
    ]
    # The quote under the last item is kept with it (as a Markdown quote there is), its citation after it.
    assert skewed.steps[-1].text.endswith("Replace the rollers every 100,000 pages.\n— Vendor service manual")
    texts = [text for p in article.problems for text in (p.title, p.symptoms, *(s.markdown for s in p.steps))]
    assert not any(mark in t for t in texts for mark in ("''", "{{{", "[[", "!!", "<<<", "title:"))


def test_a_tid_file_is_an_article_read_as_a_tiddler(tmp_path: Path) -> None:
    """A ``.tid`` file (TiddlyWiki's own for one tiddler) is found by ``kb index`` and read as the same
    tiddler saved as .txt is; it was skipped as no article file."""
    from indexer.article_files import find_articles

    folder = tmp_path / "wiki"
    folder.mkdir()
    (folder / "scanner.tid").write_text(TIDDLER, encoding="utf-8")
    found = find_articles([folder]).files
    assert [f.source for f in found] == ["scanner.tid"]
    article = parse_article(found[0].path.read_bytes(), found[0].source)
    as_text = _read(tmp_path, "scanner.txt", TIDDLER)
    assert article.title == as_text.title
    assert [(p.title, [s.text for s in p.steps]) for p in article.problems] == [
        (p.title, [s.text for s in p.steps]) for p in as_text.problems
    ]


def test_a_note_with_a_title_line_is_no_tiddler(tmp_path: Path) -> None:
    # Guard: a plain note that opens with "Title:" and "Author:" lines, and a Markdown page's front matter
    # without its fences, keep their reading: no field only a tiddler has stands beside the title.
    note = "Title: Scanner desk notes\nAuthor: Front desk\n\n# Fan the stack.\n# Clean the rollers.\n"
    assert tiddlywiki_markdown(note) is None
    assert tiddlywiki_markdown("title: Scanner\nsummary: notes\n\nText.\n") is None


# A Zim desktop wiki's page file: its header (Content-Type, Wiki-Format, Creation-Date), "======" the title
# (six "=", fewer deeper), the "Created …" line Zim writes under it, ''' verbatim blocks, ''verbatim'' inline,
# checkboxes and numbered items (a tab a level deeper) and a [[page|words]] link.
ZIM_PAGE = """Content-Type: text/x-zim-wiki
Wiki-Format: zim 0.6
Creation-Date: 2024-02-12T09:14:03+01:00

====== Home server backups ======
Created Monday 12 February 2024

===== Borg archive is locked =====

The nightly job stops with:

'''
Failed to create/acquire the lock /srv/borg/lock.exclusive (timeout).
'''

The previous run was killed while it held the lock.

[ ] Check that no ''borg'' process is running: ''pgrep -a borg''
[ ] Break the stale lock:
	[ ] Stop the timer: ''systemctl stop borg-backup.timer''
	[ ] Run ''borg break-lock /srv/borg''
[*] Start the timer again.

===== Passphrase rejected =====

''passphrase supplied in BORG_PASSPHRASE is incorrect''

1. Check that ''/etc/borg/env'' holds the current passphrase, see [[Secrets:Borg|the secrets page]].
2. Re-run the job.
"""


def test_a_zim_page_s_header_is_no_text_and_its_headings_part_its_problems(tmp_path: Path) -> None:
    # Its header was the page's title and its "=" headings text: the page was one problem titled
    # "Content-Type: text/x-zim-wiki", its messages symptoms, and its checkbox steps lost.
    article = _read(tmp_path, "backups.txt", ZIM_PAGE)
    assert article.title == "Home server backups"
    locked, passphrase = article.problems
    assert locked.title == "Borg archive is locked"
    assert locked.error_messages == ["Failed to create/acquire the lock /srv/borg/lock.exclusive (timeout)."]
    assert locked.cause == "The previous run was killed while it held the lock."
    assert [(s.number, s.text) for s in locked.steps] == [
        ("1", "Check that no borg process is running: pgrep -a borg"),
        ("2", "Break the stale lock:"),
        ("2.1", "Stop the timer: systemctl stop borg-backup.timer"),
        ("2.2", "Run borg break-lock /srv/borg"),
        ("3", "Start the timer again."),
    ]
    assert passphrase.title == "Passphrase rejected"
    assert passphrase.error_messages == ["passphrase supplied in BORG_PASSPHRASE is incorrect"]
    assert [s.text for s in passphrase.steps] == [
        "Check that /etc/borg/env holds the current passphrase, see the secrets page.",
        "Re-run the job.",
    ]
    texts = [text for p in article.problems for text in (p.title, p.symptoms, *(s.markdown for s in p.steps))]
    assert not any(
        mark in t for t in texts for mark in ("Content-Type", "Wiki-Format", "'''", "[ ]", "[[", "==")
    )


def test_a_text_file_that_only_names_a_content_type_is_no_zim_page() -> None:
    # Guard: an email saved as text names its Content-Type too, but not Zim's.
    mail = "Content-Type: text/plain; charset=utf-8\nSubject: Backups\n\n====== Note ======\nText.\n"
    assert zim_markdown(mail) is None


# An AsciiDoc page (Antora's, Asciidoctor's) saved as .txt: "=" the title, "==" sections, ":name: value"
# header attributes, "----" listing blocks under "[source,…]", ".Title" block titles, "." and ".." ordered
# items, a lone "+" joining a block to the item above it, "NOTE:" admonitions, "xref:" links.
ASCIIDOC_PAGE = """= Replication lag on the ledger read replicas
:page-author: Storage reliability
:description: Why read replicas fall behind, and how to catch them up.
:keywords: ledger, replica, wal

toc::[]

This page covers the two faults on-call sees most often on the ledger replicas.

== Replica stops applying WAL after a primary failover

The replica's health check turns red and its log shows:

[source,text]
----
FATAL:  could not receive data from WAL stream: ERROR:  requested WAL segment 00000002000000A7 has already been removed
----

.Cause
The new primary recycled the segment before the replica had read it.

.Procedure
. Stop the replica service.
. Re-seed the replica from the newest base backup:
+
[source,bash]
----
ledgerctl replica reseed --from latest
----
.. Check that the backup is less than a day old.
.. Check that the volume has room for it.
. Start the replica service.

NOTE: Reseeding takes about an hour for each terabyte.

== Replica refuses connections during catch-up

----
FATAL:  the database system is starting up
----

.Procedure
. Wait for the replica to replay its backlog.
. Remove the replica from the load balancer until it catches up.

[WARNING]
====
Do not promote a replica that is still catching up.
====

== Additional resources

* xref:replica-setup.adoc[Setting up a read replica]
* https://example.org/ledger/wal[WAL retention settings]
"""


def test_an_asciidoc_page_s_sections_part_its_problems_under_its_title(tmp_path: Path) -> None:
    # "=" lines were text: the first problem ran into the second's heading, and the second's steps were the
    # "Additional resources" links, its fix a note.
    article = _read(tmp_path, "replicas.txt", ASCIIDOC_PAGE)
    assert article.title == "Replication lag on the ledger read replicas"
    wal, startup = article.problems
    assert wal.title == "Replica stops applying WAL after a primary failover"
    assert startup.title == "Replica refuses connections during catch-up"
    # Unwrapped as a pasted log is: its level is no part of the message.
    assert wal.error_messages == [
        "could not receive data from WAL stream: ERROR: requested WAL segment 00000002000000A7 has already been removed"
    ]
    assert wal.cause == "The new primary recycled the segment before the replica had read it."
    assert startup.error_messages == ["the database system is starting up"]
    assert [s.text for s in startup.steps] == [
        "Wait for the replica to replay its backlog.",
        "Remove the replica from the load balancer until it catches up.",
    ]
    # The header's attributes are the page's metadata, not what the problem shows.
    assert not any(
        ":page-author:" in p.symptoms or "Storage reliability" in p.symptoms for p in article.problems
    )


def test_an_asciidoc_page_s_ordered_items_nest_keep_their_blocks_and_its_admonitions_are_notes(
    tmp_path: Path,
) -> None:
    # The "." items were one step, ".." and "+" shown as text, and the NOTE a step of its own.
    wal, startup = _read(tmp_path, "replicas.txt", ASCIIDOC_PAGE).problems
    assert [(s.number, s.text) for s in wal.steps] == [
        ("1", "Stop the replica service."),
        ("2", "Re-seed the replica from the newest base backup:\nledgerctl replica reseed --from latest"),
        ("2.1", "Check that the backup is less than a day old."),
        ("2.2", "Check that the volume has room for it."),
        ("3", "Start the replica service."),
    ]
    assert [n.text for n in wal.notes] == ["Note: Reseeding takes about an hour for each terabyte."]
    assert [n.text for n in startup.notes] == ["Warning: Do not promote a replica that is still catching up."]
    assert not any("xref:" in s.markdown for p in (wal, startup) for s in p.steps)


def test_text_with_equals_lines_and_dashed_rules_but_no_asciidoc_page_keeps_its_plain_reading(
    tmp_path: Path,
) -> None:
    # Guard: a plain note whose lines only look like AsciiDoc's ("= total" sums, "----" rules, a sentence
    # opening with a dot), with no block, attribute, list or admonition only AsciiDoc writes, is read as
    # before; so is an AsciiDoc page saved as Markdown.
    note = "Stock count\n\nshelf A + shelf B\n= 42 boxes\n\n----\n\n1. Order labels.\n2. Count stock.\n"
    article = _read(tmp_path, "count.txt", note)
    assert [s.text for p in article.problems for s in p.steps] == ["Order labels.", "Count stock."]
    assert (
        _read(tmp_path, "replicas.md", ASCIIDOC_PAGE).title != "Replication lag on the ledger read replicas"
    )
    # The other wiki markups saved as .txt stay theirs.
    assert _read(tmp_path, "scanner.txt", DOKUWIKI_PAGE).title == "Scanner-Stationen im Lager"
    assert _read(tmp_path, "till.txt", TEXTILE_PAGE).title == "Till terminal faults"


# A Phabricator (Maniphest) task saved as text, in Remarkup: the task's "T<number>: title" line over its
# status and fields, "= … =" headings, "-" bullets, "#" numbered items ("##" deeper), ``` blocks, NOTE:
# paragraphs, then the task's activity ("**name** added a comment.").
REMARKUP_TASK = """T90417: Scheduled exports to the warehouse fail with "unsafe legacy renegotiation disabled"

Open, Needs Triage  ·  Public
Authored By @rpatel, Jun 11 2024, 2:05 PM
Tags: Data Platform, Exports
Subscribers: @rpatel, @lnguyen

= Description =

After the runner image moved to a newer TLS library, every scheduled export to the partner warehouse fails.

== Symptoms ==

  - The export job ends in state **Error** after the first batch.
  - The job log shows:

```
psycopg.OperationalError: SSL error: unsafe legacy renegotiation disabled
```

== Cause ==

The warehouse's proxy still renegotiates TLS the legacy way, which the new library refuses by default.

== Workaround ==

# Pin the export runner to the `runner:2024.05` image.
# Re-run the failed exports from the job page.
## Start with the oldest export.
## Check that each one reports **Done** before the next.

== Fix ==

# Ask the partner to upgrade the proxy.
# Remove the image pin.

NOTE: Do not allow legacy renegotiation on the whole runner.

----

**lnguyen** added a comment. Jun 11 2024, 3:10 PM

Pinned the image; tonight's exports ran fine.

**rpatel** changed the task status from Open to Resolved. Jun 14 2024, 9:00 AM

**lnguyen** awarded a token. Jun 14 2024, 9:05 AM
"""


def test_a_remarkup_task_is_titled_by_its_task_line_and_its_number_is_no_error_code(tmp_path: Path) -> None:
    # The "=" headings were DokuWiki's, the "#" items Markdown's headings: the one problem was titled by the
    # file's name, its task number an error code and its Symptoms bullets its steps (a wrong "high" answer).
    (problem,) = _read(tmp_path, "t90417.txt", REMARKUP_TASK).problems
    assert problem.title == (
        'Scheduled exports to the warehouse fail with "unsafe legacy renegotiation disabled"'
    )
    assert not any(code.startswith("T90417") for code in problem.error_codes)
    assert (
        "psycopg.OperationalError: SSL error: unsafe legacy renegotiation disabled" in problem.error_messages
    )
    assert problem.cause.startswith("The warehouse's proxy still renegotiates TLS")
    assert "The export job ends in state" in problem.symptoms


def test_a_remarkup_task_s_numbered_items_are_its_steps_and_its_activity_no_text_of_them(
    tmp_path: Path,
) -> None:
    (problem,) = _read(tmp_path, "t90417.txt", REMARKUP_TASK).problems
    assert [(s.group, s.number, s.text) for s in problem.steps] == [
        ("Workaround", "1", "Pin the export runner to the runner:2024.05 image."),
        ("Workaround", "2", "Re-run the failed exports from the job page."),
        ("Workaround", "2.1", "Start with the oldest export."),
        ("Workaround", "2.2", "Check that each one reports Done before the next."),
        ("Fix", "1", "Ask the partner to upgrade the proxy."),
        ("Fix", "2", "Remove the image pin."),
    ]
    assert [n.text for n in problem.notes] == ["Note: Do not allow legacy renegotiation on the whole runner."]
    words = " ".join([problem.symptoms, *(n.text for n in problem.notes)])
    assert "added a comment" not in words and "awarded a token" not in words


def test_text_with_equals_banners_and_hash_comments_but_no_remarkup_task_keeps_its_reading(
    tmp_path: Path,
) -> None:
    # Guard: a settings note with "== … ==" banners and "# " comment lines, no task line and no ``` block, is
    # read as before; so are a DokuWiki page, an AsciiDoc page and a Remarkup task saved as Markdown.
    note = "== Backup settings ==\n\n# keep a month of copies\nretention=30\n\n== Next ==\n\n1. Order tapes.\n2. Label them.\n"
    before = _read(tmp_path, "backup.txt", note)
    assert [s.text for p in before.problems for s in p.steps][-2:] == ["Order tapes.", "Label them."]
    assert _read(tmp_path, "scanner.txt", DOKUWIKI_PAGE).title == "Scanner-Stationen im Lager"
    assert (
        _read(tmp_path, "replicas.txt", ASCIIDOC_PAGE).title == "Replication lag on the ledger read replicas"
    )
    assert _read(tmp_path, "t90417.md", REMARKUP_TASK).problems[0].title != (
        'Scheduled exports to the warehouse fail with "unsafe legacy renegotiation disabled"'
    )


# A decision flowchart as a service desk writes one: what is seen, then "Step N." questions, each
# answered by branches that send the reader on to another step; no heading over the procedure.
FLOWCHART = """Badge printer prints blank cards
================================

Symptom
-------
The badge station shows:

    PRINT FAILED - RIBBON NOT DETECTED

Step 1. Open the printer lid. Is a ribbon cartridge fitted
        and the film not torn?
        - If yes, continue with step 2.
        - If no, fit a new ribbon and go to step 3.

Step 2. Clean the print head with a cleaning card. Go to step 3.

Step 3. Print a test badge. Does it show the photo?
        - If yes, the problem is fixed. END.
        - If no, call the Facilities desk. END.
"""


@pytest.mark.parametrize("name", ["badge-printer.txt", "badge-printer.md"])
def test_a_flowchart_s_step_paragraphs_under_the_symptom_are_its_steps_with_their_branches(
    tmp_path: Path, name: str
) -> None:
    """A run of "Step N." paragraphs straight after what is seen is the procedure that resolves it;
    it was read as more of the symptoms, and the problem had no steps at all."""
    [problem] = _read(tmp_path, name, FLOWCHART).problems
    assert problem.error_messages == ["PRINT FAILED - RIBBON NOT DETECTED"]
    assert "Step 1" not in problem.symptoms
    top = [s for s in problem.steps if s.parent is None]
    assert [s.number for s in top] == ["1", "2", "3"]
    assert top[0].text.startswith("Open the printer lid. Is a ribbon cartridge fitted")
    assert "and the film not torn?" in top[0].text
    assert top[1].text == "Clean the print head with a cleaning card. Go to step 3."
    if name.endswith(".txt"):
        # Each answer indented under its step: a branch of it.
        assert [(s.number, s.text) for s in problem.steps if s.parent == "3"] == [
            ("3.1", "If yes, the problem is fixed. END."),
            ("3.2", "If no, call the Facilities desk. END."),
        ]
    else:
        assert "If no, call the Facilities desk. END." in top[2].text


def test_a_single_step_paragraph_under_the_symptom_stays_what_is_seen(tmp_path: Path) -> None:
    """One "Step 1." line alone numbers no procedure: in a text export it stays the symptoms' text."""
    text = (
        "Symptoms:\nThe wizard stops at Step 1. Select a drive, and shows nothing else.\n\n"
        "Resolution:\n1. Run the wizard as an administrator.\n"
    )
    [problem] = _read(tmp_path, "wizard.txt", text).problems
    assert "Step 1. Select a drive" in problem.symptoms
    assert [s.text for s in problem.steps] == ["Run the wizard as an administrator."]


def test_a_text_page_s_title_underlined_with_equals_signs_is_not_replaced_by_its_fields(
    tmp_path: Path,
) -> None:
    """A plain-text page titled by a line underlined with "=" (a level-1 heading), then its document
    fields: "Document: OPS-77  Rev. B" and "Applies to: …" are the page's, and the title stays its
    title; each field in turn replaced it, and "Applies to: …" titled the page and its problem."""
    text = (
        "Label printer feeds two labels per print\n========================================\n\n"
        "Document: OPS-77  Rev. B\nApplies to: ZT410 printers on the packing line\n\n"
        "Symptom\n-------\nEvery print job feeds one blank label after the printed one.\n\n"
        "Resolution\n----------\n1. Run the media calibration from the printer menu.\n2. Print a test label.\n"
    )
    article = _read(tmp_path, "label-printer.txt", text)
    [problem] = article.problems
    assert article.title == problem.title == "Label printer feeds two labels per print"
    assert problem.symptoms == "Every print job feeds one blank label after the printed one."
    assert "Applies to: ZT410 printers on the packing line" in article.body
    assert [s.text for s in problem.steps] == [
        "Run the media calibration from the printer menu.",
        "Print a test label.",
    ]


def test_a_text_page_s_heading_underlined_with_dashes_over_a_label_line_still_gives_way(
    tmp_path: Path,
) -> None:
    """Only a title underlined with "=" keeps the labelled lines under it as its fields: a heading
    underlined with "-" over a labelled problem line is read as before."""
    text = (
        "Printers\n--------\n\nOutlook: cannot connect to Exchange\nSymptoms:\nOutlook says Disconnected.\n"
        "Resolution:\n1. Restart it.\n"
    )
    [problem] = _read(tmp_path, "printers.txt", text).problems
    assert problem.title == "Outlook: cannot connect to Exchange"


CONFIG_RUN_FAILURES = """# Provisioning run failures

## Web role fails on new hosts

**Symptom**

```
TASK [web : Install nginx] *****************************************************
fatal: [web-07.lab.example.net]: FAILED! => {"changed": false, "failures": ["No package nginx-mainline available."], "msg": "Failed to install some of the specified packages", "rc": 1, "results": []}

PLAY RECAP *********************************************************************
web-07.lab.example.net     : ok=12   changed=0    unreachable=0    failed=1    skipped=0    rescued=0    ignored=0
```

**Resolution**

1. Enable the vendor's package repository on the host.
2. Run the playbook again.

## Hosts cannot be reached

**Symptom**

```
TASK [Gathering Facts] *********************************************************
fatal: [db-02.lab.example.net]: UNREACHABLE! => {"changed": false, "msg": "Failed to connect to the host via ssh: deploy@db-02.lab.example.net: Permission denied (publickey).", "unreachable": true}
```

**Resolution**

1. Add the deploy key to the host's `authorized_keys`.
"""


def test_a_config_run_s_failed_task_is_its_result_s_messages_without_the_console_around_it(
    tmp_path: Path,
) -> None:
    """A playbook run's output: the task banner over it and the recap under it are the console's,
    and the host varies; what failed is the result's "msg" and its "failures", as a reader pastes
    them, not the block as one message that a pasted result line hardly agreed with."""
    problems = _read(tmp_path, "provisioning.md", CONFIG_RUN_FAILURES).problems
    assert [p.error_messages for p in problems] == [
        ["Failed to install some of the specified packages", "No package nginx-mainline available."],
        [
            "Failed to connect to the host via ssh: deploy@db-02.lab.example.net: Permission denied (publickey)."
        ],
    ]
    assert [s.text for s in problems[0].steps] == [
        "Enable the vendor's package repository on the host.",
        "Run the playbook again.",
    ]
    build_index([tmp_path], tmp_path / "index.db")
    pasted = (
        'fatal: [web-11.lab.example.net]: FAILED! => {"changed": false, "failures": ["No package '
        'nginx-mainline available."], "msg": "Failed to install some of the specified packages", "rc": 1}'
    )
    best = match(KnowledgeBase(tmp_path / "index.db"), pasted).matches[0]
    assert (best.problem.id, best.confidence) == ("provisioning#1", "high")


def test_output_with_an_arrow_before_a_brace_that_is_no_task_result_stays_one_message(tmp_path: Path) -> None:
    """Only a task's result line ("fatal: [host]: FAILED! => {…}") is split into its messages: other
    output that points at a JSON body stays as it was quoted."""
    article = """# Relay errors

## Relay drops frames

**Symptom**

```
relay: frame rejected => {"reason": "checksum mismatch", "frame": 4411}
relay: closing channel 3 after 5 rejected frames
```

**Resolution**

1. Replace the cable.
"""
    [problem] = _read(tmp_path, "relay.md", article).problems
    assert problem.error_messages == [
        'relay: frame rejected => {"reason": "checksum mismatch", "frame": 4411} '
        "relay: closing channel 3 after 5 rejected frames"
    ]


ENGINE_ERROR_PAGE = """# DBENGINE_3120

## Details

| Attribute | Value |
|---|---|
| Product Name | Ledger DB Engine |
| Event ID | 3120 |
| Message Text | Replication to '%.*ls' stopped.%.*ls |

## Additional error information

| State | Description | What to do |
|---|---|---|
| 2 | The replica's disk is full. | Free space on the replica. |
| 5, 6 | The primary's log was truncated past the replica's position. | Reseed the replica. |
| 11 | The replication login's password expired. | Reset the password. |

## User action

1. Read the state number in the error log.
2. Apply the fix for that state from the table above.
"""


def test_a_table_of_one_error_s_numbered_states_is_no_list_of_problems(tmp_path: Path) -> None:
    """A database engine's error page looks up what went wrong by the State the message gives: each
    row is a case of the page's one error, not a problem of its own (read so, the page's error was
    renamed "…: User action" beside a problem per row, and a pasted message found none of them)."""
    article = _read(tmp_path, "dbengine-3120.md", ENGINE_ERROR_PAGE)
    [problem] = article.problems
    assert problem.title == "DBENGINE_3120"
    assert [s.text for s in problem.steps] == [
        "Read the state number in the error log.",
        "Apply the fix for that state from the table above.",
    ]
    assert not any("replica" in m for m in problem.error_messages)
    assert "The replica's disk is full." in problem.body + article.body


def test_a_table_of_named_states_each_with_its_fix_is_still_a_problem_per_row(tmp_path: Path) -> None:
    """A device's states by name ("Degraded", "Offline") are what the reader sees, each its own problem."""
    article = """# Storage node states

| State | Description | What to do |
|---|---|---|
| Degraded | One disk of the node has failed. | Replace the failed disk. |
| Offline | The node stopped answering its peers. | Power-cycle the node. |
"""
    problems = _read(tmp_path, "node-states.md", article).problems
    assert [(p.title, [s.text for s in p.steps]) for p in problems] == [
        ("One disk of the node has failed.", ["Replace the failed disk."]),
        ("The node stopped answering its peers.", ["Power-cycle the node."]),
    ]


# A README's notes hard-wrapped at 75 columns: each "N)" step's text wrapped onto lines aligned under it.
WRAPPED_README = """BACKUP HOST NOTES


PROBLEM: NIGHTLY SNAPSHOT FAILS WITH "TARGET IS READ-ONLY"

Fix
1) Remount the backup volume read-write from the storage console, then
   check that the export options list the backup host.
2) Run the snapshot job by hand and check "exit 0" at the end of
   /srv/backup/logs/snapshot.log.
{after}

PROBLEM: RESTORE STOPS AT 40 PERCENT, "CHECKSUM MISMATCH"

Fix
1) Verify the archive again: backupctl verify --full
"""


def test_the_wrapped_last_line_of_a_text_fix_s_last_step_is_that_step_s(tmp_path: Path) -> None:
    # Before: the last step stopped at "… at the end of", and its last line titled the next problem.
    first, second = _read(tmp_path, "backup.txt", WRAPPED_README.format(after="")).problems
    assert [s.text for s in first.steps] == [
        "Remount the backup volume read-write from the storage console, then check that the export "
        "options list the backup host.",
        'Run the snapshot job by hand and check "exit 0" at the end of /srv/backup/logs/snapshot.log.',
    ]
    assert second.title == 'RESTORE STOPS AT 40 PERCENT, "CHECKSUM MISMATCH"'
    assert "snapshot.log" not in second.symptoms


def test_an_unindented_line_after_a_text_fix_s_last_step_still_leads_to_the_next_problem(
    tmp_path: Path,
) -> None:
    # Guard: a line under the last step but not aligned under its text describes the next problem.
    text = WRAPPED_README.format(after="\nRestores of large archives stop early.\n")
    first, second = _read(tmp_path, "backup.txt", text).problems
    assert "Restores of large archives stop early." in second.symptoms
    assert first.notes == []


# A plain-text README's ALL-CAPS layout: the file's title, an OVERVIEW section, then a PROBLEM label
# per problem whose words are written in capitals as the headings are.
CAPS_README = """LDAP PROXY - OPERATOR NOTES


OVERVIEW

These notes cover what breaks most often on the directory proxy pair.


PROBLEM: BINDS REJECTED WITH "INVALID CREDENTIALS (49)"

Symptom
Service accounts stop binding after the password rotation.

Fix
1) Update the bind password in /etc/ldproxy/backends.conf.
2) Reload the proxy.


PROBLEM: SEARCHES TIME OUT AFTER FAILOVER

Symptom
Searches hang for 30 seconds after the standby takes over.

Fix
1) Lower the backend health-check interval to 5 seconds.
"""


def test_a_problem_label_s_words_in_capitals_title_the_problem_and_the_overview_is_the_page_s(
    tmp_path: Path,
) -> None:
    # Before: the first problem was titled by the overview's sentence, which (with the OVERVIEW
    # heading) was among its symptoms.
    article = _read(tmp_path, "ldproxy.txt", CAPS_README)
    first, second = article.problems
    assert (first.title, first.symptoms) == (
        'BINDS REJECTED WITH "INVALID CREDENTIALS (49)"',
        "Service accounts stop binding after the password rotation.",
    )
    assert [s.text for s in first.steps] == [
        "Update the bind password in /etc/ldproxy/backends.conf.",
        "Reload the proxy.",
    ]
    # The message the title quotes is still the problem's, at the label's line.
    assert (first.error_messages, first.origins["error_messages"]) == (["INVALID CREDENTIALS (49)"], [9])
    assert (second.title, second.symptoms) == (
        "SEARCHES TIME OUT AFTER FAILOVER",
        "Searches hang for 30 seconds after the standby takes over.",
    )
    assert article.title == "LDAP PROXY - OPERATOR NOTES"
    assert "These notes cover what breaks most often" in article.body


def test_a_problem_label_s_words_in_mixed_case_still_open_its_description(tmp_path: Path) -> None:
    # Guard: "PROBLEM: Binds rejected …" in a sentence's case goes on into what is seen, as it did;
    # the text before it, under no heading of the page but its title, stays the first problem's.
    text = (
        "LDAP PROXY NOTES\n\nThe proxy pair fronts both directories.\n\nPROBLEM: Binds are rejected\n"
        "Service accounts stop binding.\n\nFix\n1) Update the bind password.\n"
    )
    [problem] = _read(tmp_path, "ldproxy.txt", text).problems
    assert problem.symptoms == (
        "The proxy pair fronts both directories. Binds are rejected Service accounts stop binding."
    )


def test_a_runbooks_promql_expression_and_a_command_that_greps_for_errors_are_no_messages(
    tmp_path: Path,
) -> None:
    # The alert's PromQL and a check piped into grep for "ERROR" were read as its error messages.
    page = (
        "# Runbook: search-api\n\n## Alert: SearchLatencyHigh\n\n**Expression**\n\n"
        '```promql\nhistogram_quantile(0.99, sum(rate(search_seconds_bucket{job="search"}[5m])) by (le)) > 2\n```\n\n'
        "### Diagnosis\n\n- Find the slow queries in the log:\n\n"
        "  ```\n  kubectl logs deploy/search-api --since=30m | grep -E 'ERROR|timeout'\n  ```\n\n"
        "- Search the slow log for the error:\n\n  ```\n  grep -i 'ERROR' /var/log/search/slow.log\n  ```\n\n"
        "### Mitigation\n\n1. Scale the search pods to 6 replicas.\n"
    )
    (problem,) = _read(tmp_path, "search.md", page).problems
    assert (problem.error_codes, problem.error_messages) == (["SearchLatencyHigh"], [])
    # Its Diagnosis checks, before the Mitigation, are the fix's first group of steps.
    assert [(s.group, s.text) for s in problem.steps] == [
        (
            "Diagnosis",
            "Find the slow queries in the log:\nkubectl logs deploy/search-api --since=30m | grep -E 'ERROR|timeout'",
        ),
        ("Diagnosis", "Search the slow log for the error:\ngrep -i 'ERROR' /var/log/search/slow.log"),
        ("Mitigation", "Scale the search pods to 6 replicas."),
    ]


def test_output_a_grep_prints_is_still_the_error(tmp_path: Path) -> None:
    # Guard: what the filtered log printed, under the command, is still what is seen.
    page = (
        "# Uploads fail\n\n## Symptoms\n\n"
        "```\n$ kubectl logs deploy/upload-api | grep ERROR\nERROR upload rejected: bucket quota exceeded\n```\n\n"
        "## Resolution\n\n1. Raise the bucket quota.\n"
    )
    (problem,) = _read(tmp_path, "uploads.md", page).problems
    assert problem.error_messages == ["upload rejected: bucket quota exceeded"]


def test_a_runbooks_footer_with_its_edit_link_among_other_pieces_is_no_note(tmp_path: Path) -> None:
    # "Edit this page on GitLab" between the page's source and where to ask was a note after the steps.
    page = (
        "# Runbook: billing-worker\n\n## Alert: InvoiceBacklogHigh\n\n### Mitigation\n\n"
        "1. Scale the billing workers to 10 replicas.\n\n---\n\n"
        "*Page generated from `runbooks/billing-worker.md` \u00b7 Edit this page on GitLab \u00b7 Questions? #billing-oncall*\n"
    )
    (problem,) = _read(tmp_path, "billing.md", page).problems
    assert [s.text for s in problem.steps] == ["Scale the billing workers to 10 replicas."]
    assert problem.notes == []


def test_a_closing_remark_that_asks_to_edit_a_page_stays_a_note(tmp_path: Path) -> None:
    # Guard: a sentence that tells what to edit is the fix's remark, not the site's edit link.
    page = (
        "# Runbook: billing-worker\n\n## Alert: InvoiceBacklogHigh\n\n### Mitigation\n\n"
        "1. Scale the billing workers to 10 replicas.\n\n"
        "If the backlog stays, edit this page's replica count in the values file and redeploy the chart.\n"
    )
    (problem,) = _read(tmp_path, "billing.md", page).problems
    assert [n.text for n in problem.notes] == [
        "If the backlog stays, edit this page's replica count in the values file and redeploy the chart."
    ]


ENGINE_LOGIN_ERROR = """# LEDGERSERVER_4818

## Details

| Attribute | Value |
|---|---|
| Event ID | 4818 |
| Message Text | Cannot open database "%.*ls" requested by the login. The login failed. |

## Explanation

The application receives this message from the server:

```
Msg 4818, Level 11, State 1, Server LEDGER02\\BATCH, Line 1
Cannot open database "payroll" requested by the login. The login failed.
```

The database is offline or the login has no user in it.

## User action

1. Check that the database is online.
2. Map the login to a user in the database.
"""


def test_a_database_server_s_error_shown_under_the_explanation_is_its_message_and_gives_its_code(
    tmp_path: Path,
) -> None:
    """Before: the "Msg 4818, Level 11, State 1" block was cause text and the page had no code, so
    the error pasted from a client found the page only low, and "Error: 4818, Severity: 11" too."""
    folder = tmp_path / "kb"
    folder.mkdir()
    [problem] = _read(folder, "dbengine-4818.md", ENGINE_LOGIN_ERROR).problems
    assert problem.error_codes == ["4818"]
    assert any(m.startswith("Msg 4818, Level 11, State 1") for m in problem.error_messages)
    assert problem.cause == "The database is offline or the login has no user in it."
    build_index([folder], tmp_path / "kb.db")
    kb = KnowledgeBase(tmp_path / "kb.db")
    for pasted in (
        'Msg 4818, Level 11, State 1, Server SQLPROD7, Line 1\nCannot open database "hr" requested by the login.',
        "Error: 4818, Severity: 11, State: 1.",
    ):
        best = match(kb, pasted).matches[0]
        assert best.problem.id == "dbengine-4818#1", pasted
        assert "error_code" in [e.field for e in best.evidence], pasted


def test_an_informational_message_of_a_database_server_is_no_error(tmp_path: Path) -> None:
    article = """# Switching databases in scripts

## Symptoms

The script prints a line for each `USE` statement.

## Cause

`USE` reports the new context:

```
Msg 5701, Level 0, State 2, Line 1
Changed database context to 'payroll'.
```

## Resolution

1. Add `SET NOCOUNT ON` at the top of the script.
"""
    [problem] = _read(tmp_path, "use-context.md", article).problems
    assert problem.error_messages == []


DATABASE_ERRORS = """# Order service: database errors

## Checkout fails with a duplicate order number

The checkout API logs:

```
SQLSTATE[23000]: Integrity constraint violation: 1062 Duplicate entry 'SO-10023' for key 'orders.number'
```

### Cause

Two workers took the same number from the counter table.

### Resolution

1. Switch the order number generator to the database sequence.
2. Replay the failed checkouts from the dead-letter queue.

## Order lines are rejected for a missing product

The import log shows:

```
SQLSTATE[23000]: Integrity constraint violation: 1452 Cannot add or update a child row: a foreign key constraint fails
```

### Cause

The product feed was imported after the orders.

### Resolution

1. Import the product feed.
2. Run the order import again.

## Nightly report stops on a missing table

The report job exits with:

```
ERROR: relation "sales_daily" does not exist (SQLSTATE 42P01)
```

### Cause

The migration that creates the reporting tables did not run on the replica.

### Resolution

1. Run the migrations on the replica.
2. Start the report job again.

## Archive job cannot connect while the warehouse is quiesced

The job's log shows:

```
DB2 SQL Error: SQLCODE=-1224, SQLSTATE=57019, SQLERRMC=null, DRIVER=4.26.14
```

### Cause

The warehouse is quiesced for the weekly backup.

### Resolution

1. Wait for the backup window to end.
2. Restart the archive job.
"""


def test_a_database_error_s_sqlstate_and_the_driver_s_number_identify_its_problem(tmp_path: Path) -> None:
    """The SQLSTATE a PostgreSQL driver or Db2's JDBC driver prints ("(SQLSTATE 42P01)", "SQLSTATE=57019")
    is the problem's code, and PHP's PDO gives MySQL's number after the state's words ("SQLSTATE[23000]:
    Integrity constraint violation: 1062 …"). Before, none of them was a code, and "SQLSTATE=57019"
    pasted alone found nothing. MySQL's 23000, the class every broken constraint shares, is no code: it
    would give the duplicate-key problem the evidence of a foreign-key failure's paste."""
    folder = tmp_path / "kb"
    folder.mkdir()
    article = _read(folder, "order-db-errors.md", DATABASE_ERRORS)
    assert [p.error_codes for p in article.problems] == [
        ["1062"],
        ["1452"],
        ["SQLSTATE42P01"],
        ["SQLSTATE57019"],
    ]
    build_index([folder], tmp_path / "kb.db")
    kb = KnowledgeBase(tmp_path / "kb.db")
    for pasted, expected in (
        (
            "SQLSTATE[23000]: Integrity constraint violation: 1062 Duplicate entry 'SO-20417' for key 'orders.number'",
            "order-db-errors#1",
        ),
        ("ERROR 1062 (23000): Duplicate entry 'SO-20417' for key 'orders.number'", "order-db-errors#1"),
        ("SQLSTATE[23000]: Integrity constraint violation: 1452", "order-db-errors#2"),
        ('pq: relation "sales_daily" does not exist (SQLSTATE 42P01)', "order-db-errors#3"),
        ("SQLSTATE=57019", "order-db-errors#4"),
    ):
        best = match(kb, pasted).matches[0]
        assert best.problem.id == expected, pasted
        assert "error_code" in [e.field for e in best.evidence], pasted
    # Guard: a paste of another constraint's failure gets no code evidence from the duplicate-key problem.
    other = match(
        kb, "SQLSTATE[23000]: Integrity constraint violation: 1048 Column 'customer_id' cannot be null"
    )
    assert all(e.field != "error_code" for m in other.matches for e in m.evidence)


TERMINAL_CODES = """# Card terminal: codes on the display

## E-217 TERMINAL NOT ACTIVATED

The terminal lost its activation after a firmware update.

1. Press F1 and enter the supervisor PIN.
2. Select **Re-activate** and enter the activation code from the label under the terminal.

## E-305 PINPAD TAMPERED

The tamper switch tripped; the terminal refuses every card.

1. Take the terminal out of service.
2. Call the service desk to swap it.

## A-100 reader not detected after the upgrade

The till lists no payment device.

1. Re-seat the USB cable of the A-100 reader.
"""


def test_a_display_s_hyphenated_code_heading_its_message_is_the_problem_s_code(tmp_path: Path) -> None:
    """A terminal's code of one letter, a hyphen and digits, opening the message its display prints
    in capitals ("E-217 TERMINAL NOT ACTIVATED"), is the problem's code, as "E217" alone was; the
    code typed as printed ("E-217") or after "error" finds it. Before, it was no code and the code
    alone found nothing. A model so written before words in lower case ("A-100 reader …") is none."""
    folder = tmp_path / "kb"
    folder.mkdir()
    article = _read(folder, "terminal-codes.md", TERMINAL_CODES)
    assert [p.error_codes for p in article.problems] == [["E217"], ["E305"], []]
    _found_by_code(
        folder,
        tmp_path / "kb.db",
        [
            ("E-217", "terminal-codes#1"),
            ("the terminal shows error E-305", "terminal-codes#2"),
            ("E-305 PINPAD TAMPERED", "terminal-codes#2"),
        ],
    )


TERMINAL_FLOWCHART_TXT = """KIOSK PRINTER STOPS PRINTING RECEIPTS
=====================================

Applies to: self-service kiosks, store release 12

Symptom
-------
Receipts stop printing and the kiosk display shows one of:

    P-402 PAPER JAM IN CUTTER
    PRINTER NOT FOUND - CHECK CABLE

The kiosk keeps taking payments. Check these settings first:

    Receipt copies: 1
    Printer port: USB2

Resolution
----------
1. Open the printer door and clear the cutter.
2. If the display still shows error P-402, replace the cutter unit.
"""


def test_the_lines_a_text_article_s_display_shows_one_of_are_its_messages_and_codes(tmp_path: Path) -> None:
    """Messages a plain-text article indents under "the display shows one of:", one a line, are each an
    error message, and a display's code opening one ("P-402 PAPER JAM IN CUTTER") is the problem's code.
    Before, only the line right after the sentence could be one, and not after "one of:", so both were
    only symptoms and the code typed alone found nothing. Lines indented under a sentence that announces
    no output ("Check these settings first:") stay symptoms."""
    folder = tmp_path / "kb"
    folder.mkdir()
    article = _read(folder, "kiosk-printer.txt", TERMINAL_FLOWCHART_TXT)
    [problem] = article.problems
    assert problem.error_messages == ["P-402 PAPER JAM IN CUTTER", "PRINTER NOT FOUND - CHECK CABLE"]
    assert problem.error_codes == ["P402"]
    assert [s.text for s in problem.steps] == [
        "Open the printer door and clear the cutter.",
        "If the display still shows error P-402, replace the cutter unit.",
    ]
    _found_by_code(
        folder,
        tmp_path / "kb.db",
        [("P-402", "kiosk-printer#1"), ("P-402 PAPER JAM IN CUTTER", "kiosk-printer#1")],
    )


def test_a_display_s_message_quoted_in_a_markdown_symptom_gives_its_code(tmp_path: Path) -> None:
    article = _read(
        tmp_path,
        "kiosk.md",
        "# Kiosk printer stops\n\n## Symptoms\n\nThe display shows:\n\n```\nP-402 PAPER JAM IN CUTTER\n```\n\n"
        "## Resolution\n\n1. Clear the cutter.\n",
    )
    assert article.problems[0].error_codes == ["P402"]


LOAD_BALANCER_NOTE = """<!DOCTYPE html>
<html><head><title>K000149021: Client SSL profile cannot be updated after a certificate renewal</title></head>
<body><article>
<h1>K000149021: Client SSL profile cannot be updated after a certificate renewal</h1>
<h2>Description</h2>
<p>The /var/log/ltm file shows a message like this one:</p>
<pre>Jun  7 02:13:44 edge-lb7 err mcpd[5521]: 010717e3:3: Client SSL profile /Common/shop-ssl cannot be updated: key does not match certificate</pre>
<h2>Cause</h2>
<p>The renewed certificate was installed without its private key.</p>
<h2>Recommended Actions</h2>
<ol>
<li>Import the renewed certificate's key.</li>
<li>Select the certificate and its key in the profile, then click <strong>Update</strong>.</li>
</ol>
</article></body></html>
"""


def test_a_sample_syslog_line_is_stored_without_its_prefix_and_its_message_id_is_a_code(
    tmp_path: Path,
) -> None:
    """A knowledge article's sample syslog line (date, host, severity, program[pid], then the message's
    ID and text) kept its prefix as words of the message, and its ID was no code: the same line from
    another box got no confident answer."""
    article = _read(tmp_path, "k000149021.html", LOAD_BALANCER_NOTE)
    [problem] = article.problems
    assert problem.error_messages == [
        "010717e3:3: Client SSL profile /Common/shop-ssl cannot be updated: key does not match certificate"
    ]
    assert problem.error_codes == ["010717e3"]
    docs = tmp_path / "kb"
    docs.mkdir()
    (docs / "k000149021.html").write_text(LOAD_BALANCER_NOTE, encoding="utf-8")
    build_index([docs], tmp_path / "index.db")
    kb = KnowledgeBase(tmp_path / "index.db")
    other_box = (
        "Jul 19 11:40:02 lb-dc2 err mcpd[733]: 010717e3:3: Client SSL profile /Common/portal-ssl "
        "cannot be updated: key does not match certificate"
    )
    best = match(kb, other_box).matches[0]
    assert (best.problem.id, best.confidence) == ("k000149021#1", "high")
    # The ID alone, as people search it, names the message the index knows by it.
    assert match(kb, "010717e3").matches[0].problem.id == "k000149021#1"
    assert any(e.field == "error_code" for e in match(kb, "010717e3").matches[0].evidence)


# A HubSpot knowledge base article: under its title, the box that says which plans it is for, then the
# article's intro and its error headings.
PLAN_BOX_ARTICLE = """<html><head><title>Fix form submissions rejected by reCAPTCHA</title></head><body>
<article class="kb-article">
<h1 class="kb-article-title">Fix form submissions rejected by reCAPTCHA</h1>
<div class="kb-applies-to"><h4>{box}</h4>
<p>Marketing Hub Starter, Professional, Enterprise</p></div>
<div class="kb-article-body">
<p>Visitors who fail the bot check cannot submit the form.</p>
<h2>Submission failed: reCAPTCHA verification failed</h2>
<p>The form shows <code>Submission failed: reCAPTCHA verification failed</code>.</p>
<ol><li>Open the form's Options tab.</li><li>Turn off Enable captcha (SPAM prevention) and save.</li></ol>
</div></article></body></html>
"""


def test_a_kbs_box_of_the_plans_an_article_is_available_with_is_no_problem(tmp_path: Path) -> None:
    """HubSpot's "Available with any of the following subscriptions, except where noted:" box was a problem,
    its plans and the article's intro its steps."""
    box = "Available with any of the following subscriptions, except where noted:"
    (problem,) = _read(tmp_path, "recaptcha.html", PLAN_BOX_ARTICLE.format(box=box)).problems
    assert problem.title == "Submission failed: reCAPTCHA verification failed"
    assert problem.error_messages == ["Submission failed: reCAPTCHA verification failed"]
    assert [s.text for s in problem.steps] == [
        "Open the form's Options tab.",
        "Turn off Enable captcha (SPAM prevention) and save.",
    ]


def test_a_heading_that_says_what_is_available_is_still_a_problem(tmp_path: Path) -> None:
    # Guard: a heading that says something is not available names a problem, read as before.
    box = "Available subscriptions are not shown in checkout"
    titles = [p.title for p in _read(tmp_path, "recaptcha.html", PLAN_BOX_ARTICLE.format(box=box)).problems]
    assert titles[0] == box


# A TOPdesk knowledge item saved from its self-service portal: the title, then its fixed fields "Vraag"
# (question) and "Antwoord" (answer), the answer holding a heading and a fix for each case it covers.
TOPDESK_ITEM = """<html lang="nl"><head><title>KI 0117 - Scanner mailt geen PDF - TOPdesk</title></head><body>
<div class="ssp-knowledge-item">
<h1 class="ki-title">Scanner mailt geen PDF</h1>
<div class="ki-field ki-question"><h2>{question}</h2>
<p>Ik scan een document naar mijn e-mail, maar er komt niets binnen. Hoe los ik dit op?</p></div>
<div class="ki-field ki-answer"><h2>{answer}</h2>
<h3>1. Het scherm toont "Verzenden mislukt"</h3>
<p>Het adresboek van de scanner is verouderd.</p>
<ol><li>Kies Adresboek en tik op Vernieuwen.</li><li>Scan het document opnieuw.</li></ol>
<h3>2. De mail komt aan zonder bijlage</h3>
<ol><li>Zet de bestandsgrootte op Gemiddeld.</li><li>Verstuur de scan nog een keer.</li></ol>
</div>{after}</div></body></html>
"""


@pytest.mark.parametrize(("question", "answer"), [("Vraag", "Antwoord"), ("Question", "Answer")])
def test_each_case_of_a_knowledge_items_answer_field_is_a_problem(
    tmp_path: Path, question: str, answer: str
) -> None:
    """TOPdesk's "Antwoord" titled a problem and swallowed the answer's second case into its fix; read as a
    fix under the Question, English "Answer" gave every case the last one's cause."""
    page = TOPDESK_ITEM.format(question=question, answer=answer, after="")
    first, second = _read(tmp_path, "ki-0117.html", page).problems
    assert first.title == 'Het scherm toont "Verzenden mislukt"'
    assert [s.text for s in first.steps] == [
        "Kies Adresboek en tik op Vernieuwen.",
        "Scan het document opnieuw.",
    ]
    assert second.title == "De mail komt aan zonder bijlage"
    assert [s.text for s in second.steps] == [
        "Zet de bestandsgrootte op Gemiddeld.",
        "Verstuur de scan nog een keer.",
    ]


def test_a_knowledge_items_answer_with_one_fix_is_the_items_fix(tmp_path: Path) -> None:
    # Guard: an Answer over no cases of its own is the item's fix, its Question the symptoms.
    page = TOPDESK_ITEM.format(question="Vraag", answer="Antwoord", after="")
    page = page.replace(
        "<h3>2. De mail komt aan zonder bijlage</h3>\n<ol><li>Zet de bestandsgrootte op Gemiddeld.</li>"
        "<li>Verstuur de scan nog een keer.</li></ol>\n",
        "",
    ).replace('<h3>1. Het scherm toont "Verzenden mislukt"</h3>\n', "")
    (problem,) = _read(tmp_path, "ki-0117.html", page).problems
    assert problem.title == "Scanner mailt geen PDF"
    assert problem.symptoms.startswith("Ik scan een document naar mijn e-mail")
    assert [s.text for s in problem.steps] == [
        "Kies Adresboek en tik op Vernieuwen.",
        "Scan het document opnieuw.",
    ]


TOPDESK_COMMENT = """<div class="ki-field ki-commentary"><h2>Commentaar</h2>
<p><i>Alleen zichtbaar voor behandelaars:</i> bij herhaling een melding aanmaken voor de leverancier.</p></div>
"""


def test_a_knowledge_items_comment_field_after_its_answer_is_no_problem(tmp_path: Path) -> None:
    """After TOPdesk's "Antwoord", its operators' "Commentaar" field was a problem of its own, its text a step,
    and the item's fix was titled "Antwoord"."""
    page = TOPDESK_ITEM.format(question="Vraag", answer="Antwoord", after=TOPDESK_COMMENT)
    page = page.replace(
        "<h3>2. De mail komt aan zonder bijlage</h3>\n<ol><li>Zet de bestandsgrootte op Gemiddeld.</li>"
        "<li>Verstuur de scan nog een keer.</li></ol>\n",
        "",
    ).replace('<h3>1. Het scherm toont "Verzenden mislukt"</h3>\n', "")
    (problem,) = _read(tmp_path, "ki-0117.html", page).problems
    assert problem.title == "Scanner mailt geen PDF"
    assert [s.text for s in problem.steps] == [
        "Kies Adresboek en tik op Vernieuwen.",
        "Scan het document opnieuw.",
    ]
    assert not any("behandelaars" in n.text for n in problem.notes)


def test_a_heading_that_only_opens_with_the_word_for_question_or_answer_names_no_field() -> None:
    # Guard: the field's label alone is the field; a heading that goes on ("Vraag om een nieuwe pas",
    # "Antwoord van de leverancier") is a topic of its own, as before.
    assert heading_role("Vraag") is Role.SYMPTOMS
    assert heading_role("Antwoord") is Role.RESOLUTION
    assert heading_role("Vraag om een nieuwe scanpas") is Role.TOPIC
    assert heading_role("Antwoord van de leverancier") is Role.TOPIC


SRU_BUG_PAGE = """<!DOCTYPE html>
<html>
<head><title>Bug #3100452 “chronyd fails to start: 'Could not open /run/chrony/chronyd.pid'” : Bugs : chrony package : Ubuntu</title></head>
<body>
<h1 id="edit-title">chronyd fails to start: 'Could not open /run/chrony/chronyd.pid'</h1>
<div id="edit-description">
<h2>Bug Description</h2>
<p>[Impact]</p>
<p>After the upgrade the service exits at boot and the journal shows:</p>
<p>Fatal error : Could not open /run/chrony/chronyd.pid : Permission denied</p>
<p>[Workaround]</p>
<p>1. Run: sudo chown _chrony:_chrony /run/chrony<br>
2. Run: sudo systemctl restart chrony</p>
<p>[Test Plan]</p>
<p>1. Install the proposed package and reboot.<br>
2. Check that chronyd is running.</p>
<p>[Where problems could occur]</p>
<p>A wrong owner would stop chronyd from writing its drift file.</p>
</div>
</body></html>
"""


def test_an_sru_description_s_bracketed_labels_head_its_parts(tmp_path: Path) -> None:
    """An Ubuntu SRU template labels its parts in brackets, alone on their lines: "[Impact]" (what
    goes wrong), "[Workaround]" (the fix), "[Test Plan]" (how the update is verified). Read as text,
    the test plan's steps went on after the workaround's, the first undoing its fix."""
    [problem] = _read(tmp_path, "chrony.html", SRU_BUG_PAGE).problems
    assert [s.text for s in problem.steps] == [
        "Run: sudo chown _chrony:_chrony /run/chrony",
        "Run: sudo systemctl restart chrony",
    ]
    assert any(
        "Could not open /run/chrony/chronyd.pid : Permission denied" in m for m in problem.error_messages
    )


def test_a_launchpad_bug_s_reporter_and_affected_count_are_the_page_s(tmp_path: Path) -> None:
    """Launchpad prints under a bug's title who reported it and when, and how many people it affects
    ("Bug #3100452 reported by … on 2025-11-03", "This bug affects 7 people"), on one line or on two:
    the page's record, searchable, never the first symptom. A sentence of the description that says
    whom the bug affects stays what is seen."""
    for between in (" ", "</p><p>"):
        record = (
            f"<p>Bug #3100452 reported by Ines Duarte on 2025-11-03{between}This bug affects 7 people</p>"
        )
        page = SRU_BUG_PAGE.replace('<div id="edit-description">', record + '<div id="edit-description">')
        page = page.replace(
            "<p>After the upgrade", "<p>This bug affects every server that runs chrony. After the upgrade"
        )
        article = _read(tmp_path, "chrony.html", page)
        [problem] = article.problems
        assert "reported by" not in problem.symptoms
        assert "affects 7 people" not in problem.symptoms
        assert "This bug affects every server that runs chrony." in problem.symptoms
        assert "Bug #3100452 reported by Ines Duarte on 2025-11-03" in article.body


def test_a_bracketed_word_that_names_no_part_stays_text(tmp_path: Path) -> None:
    """Only a part's name in brackets labels a part: "[Unit]", a config file's section, stays a line of it."""
    page = SRU_BUG_PAGE.replace("<p>[Test Plan]</p>", "<p>[Unit]</p>")
    [problem] = _read(tmp_path, "chrony.html", page).problems
    assert any("[Unit]" in s.text or "Install the proposed package" in s.text for s in problem.steps) or any(
        "[Unit]" in n.text for n in problem.notes
    )


def test_a_plain_line_under_an_output_lead_in_is_an_error_only_when_it_reports_a_failure(
    tmp_path: Path,
) -> None:
    """What success prints under "… shows:" is no error message, nor is a second lead-in under the first."""
    page = SRU_BUG_PAGE.replace(
        "Fatal error : Could not open /run/chrony/chronyd.pid : Permission denied",
        "chronyd version 4.5 starting (+CMDMON +NTP +REFCLOCK)",
    )
    [problem] = _read(tmp_path, "chrony.html", page).problems
    assert not any("starting" in m for m in problem.error_messages)


@pytest.mark.parametrize("suffix", [".adoc", ".asciidoc"])
def test_an_asciidoc_file_is_an_article_read_as_asciidoc(tmp_path: Path, suffix: str) -> None:
    """A page named ``.adoc`` or ``.asciidoc`` (Antora's, Asciidoctor's own suffixes) is found by ``kb index``
    and read as the same page saved as .txt is; it was skipped as no article file."""
    from indexer.article_files import find_articles

    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / f"replicas{suffix}").write_text(ASCIIDOC_PAGE, encoding="utf-8")
    (folder / f"README{suffix}").write_text("= About these docs\n\nHow to build them.\n", encoding="utf-8")
    found = find_articles([folder]).files
    assert [f.source for f in found] == [f"replicas{suffix}"]
    article = parse_article(found[0].path.read_bytes(), found[0].source)
    as_text = _read(tmp_path, "replicas.txt", ASCIIDOC_PAGE)
    assert article.id == "replicas" and article.title == as_text.title
    assert [(p.title, [s.text for s in p.steps], p.notes) for p in article.problems] == [
        (p.title, [s.text for s in p.steps], p.notes) for p in as_text.problems
    ]


def test_an_asciidoc_file_with_only_headings_and_paragraphs_is_read_by_its_sections(tmp_path: Path) -> None:
    """Named as AsciiDoc, a page needs no mark beside its "=" headings to be read as one: as .txt, such a
    page may be a plain note, and stays one (guarded above)."""
    page = (
        "= Print queue faults\n\n== Jobs stay queued after a driver update\n\n"
        "The queue shows `Error - Printing` on every job.\n\n"
        "== Printer is offline after sleep\n\nThe printer does not wake for jobs.\n"
    )
    article = _read(tmp_path, "print.adoc", page)
    assert article.title == "Print queue faults"
    assert [p.title for p in article.problems] == [
        "Jobs stay queued after a driver update",
        "Printer is offline after sleep",
    ]


# A device manual converted with `pdftotext -layout`: numbered sections, each named after its alarm's
# code of a letter and two digits, the code again opening what the display prints.
CHARGER_MANUAL_TXT = """\
   VoltDock 40 Wallbox                                                   Installation Manual

   6.3   Alarms

   6.3.1 Charging stops after a few minutes (alarm F07)
   Symptom: The status light turns red and the display shows
   F07 CURRENT LIMIT 125%.
   Cause: The charging cable is coiled on its hook while charging.
   Action:
      1. Uncoil the cable completely.
      2. Let the cable cool for ten minutes before charging again.

   6.3.2 Charger is not seen by the app (alarm W12)
   Symptom: The display shows W12 NO LINK.
   Cause: The wallbox joined a guest network.
   Action:
      1. Hold the pairing button for five seconds.
      2. Choose the home network in the app.

   VoltDock 40 - Rev. B                       61                    (c) 2024 VoltDock AB
"""


def test_a_manual_s_alarm_codes_of_a_letter_and_two_digits_are_its_problems_codes(tmp_path: Path) -> None:
    """A device's alarm code of a letter and two digits, named after "alarm" in its section's title
    ("(alarm F07)"), is the problem's code, and the code alone finds it. It was no code, and the
    display's "LIMIT 125%" was made a code of its own, "LIMIT125": a percentage is no code's number."""
    folder = tmp_path / "kb"
    folder.mkdir()
    article = _read(folder, "wallbox.txt", CHARGER_MANUAL_TXT)
    assert [p.error_codes for p in article.problems] == [["F07"], ["W12"]]
    _found_by_code(
        folder,
        tmp_path / "kb.db",
        [("F07", "wallbox#1"), ("W-12", "wallbox#2"), ("alarm W12 on the wallbox", "wallbox#2")],
    )


def test_a_model_or_a_percentage_of_two_digits_is_no_code(tmp_path: Path) -> None:
    # Guard: a letter and two digits no word calls an alarm or an error (a model, a size) is no code.
    text = "# Wallbox runs hot\n\n## Symptoms\n\nThe V40 model reaches LOAD 95% in summer.\n\n## Fix\n\n1. Move it to the shade.\n"
    folder = tmp_path / "kb"
    folder.mkdir()
    [problem] = _read(folder, "hot.md", text).problems
    assert problem.error_codes == []


def test_a_manual_s_numbered_section_title_is_whole_however_long(tmp_path: Path) -> None:
    """A converted manual's numbered section line ("6.3.2 …") is its problem's title, longer than a plain
    line read as a heading may be: at 61 characters it was read as the first symptom, and the problem
    titled by it and the "Symptom:" line glued together."""
    text = CHARGER_MANUAL_TXT.replace(
        "6.3.2 Charger is not seen by the app (alarm W12)",
        "6.3.2 Charger is not seen by the mobile app after a reset (alarm W12)",
    )
    folder = tmp_path / "kb"
    folder.mkdir()
    article = _read(folder, "wallbox.txt", text)
    second = article.problems[1]
    assert second.title == "6.3.2 Charger is not seen by the mobile app after a reset (alarm W12)"
    assert second.symptoms == "The display shows W12 NO LINK."
    assert [s.text for s in second.steps] == [
        "Hold the pairing button for five seconds.",
        "Choose the home network in the app.",
    ]


def test_a_long_line_of_text_with_a_version_number_stays_text(tmp_path: Path) -> None:
    # Guard: a sentence that opens with a version number is no section's title.
    text = CHARGER_MANUAL_TXT.replace(
        "   Symptom: The display shows W12 NO LINK.",
        "   2.4.1 firmware and later keep the last network after a reset, so the wallbox may rejoin the\n"
        "   guest network.\n   Symptom: The display shows W12 NO LINK.",
    )
    folder = tmp_path / "kb"
    folder.mkdir()
    problems = _read(folder, "wallbox.txt", text).problems
    assert len(problems) == 2
    assert "2.4.1 firmware and later keep the last network" in problems[1].symptoms


def test_a_word_a_converted_manual_hyphenates_at_a_line_end_is_one_word(tmp_path: Path) -> None:
    """pdftotext keeps the typesetter's hyphenation: a word broken at a line's end ("discon-" over
    "nected") is one word, as a reader and a search take it. It stayed two halves with a space between
    ("discon- nected"), and neither half found the word."""
    text = CHARGER_MANUAL_TXT.replace(
        "   Cause: The charging cable is coiled on its hook while charging.",
        "   Cause: The charging cable is coiled on its hook while charging, or its plug was discon-\n"
        "   nected during a session.",
    ).replace(
        "      2. Let the cable cool for ten minutes before charging again.",
        "      2. Let the cable cool for ten minutes be-\n         fore charging again.",
    )
    folder = tmp_path / "kb"
    folder.mkdir()
    first = _read(folder, "wallbox.txt", text).problems[0]
    assert first.cause == (
        "The charging cable is coiled on its hook while charging, or its plug was disconnected during a session."
    )
    assert [s.text for s in first.steps] == [
        "Uncoil the cable completely.",
        "Let the cable cool for ten minutes before charging again.",
    ]


def test_a_hyphen_before_a_capital_or_a_number_at_a_line_end_stays(tmp_path: Path) -> None:
    # Guard: a code or a name broken at its hyphen ("Wi-" over "Fi", "PG-" over "3000") is not rejoined.
    text = CHARGER_MANUAL_TXT.replace(
        "   Cause: The wallbox joined a guest network.",
        "   Cause: The wallbox joined a guest Wi-\n   Fi network.",
    )
    folder = tmp_path / "kb"
    folder.mkdir()
    second = _read(folder, "wallbox.txt", text).problems[1]
    assert second.cause == "The wallbox joined a guest Wi- Fi network."


def test_a_converted_manual_s_running_header_titles_its_sections(tmp_path: Path) -> None:
    """pdftotext -layout prints a page's running header as its first line, the manual's name and its kind
    set apart by a wide gap: over several problems, that titles the article, its gap one space. Too long
    as printed to read as a title, the article was titled after its first section, and answers for the
    second named the first as their article."""
    folder = tmp_path / "kb"
    folder.mkdir()
    article = _read(folder, "wallbox.txt", CHARGER_MANUAL_TXT)
    assert article.title == "VoltDock 40 Wallbox Installation Manual"
    assert [p.title for p in article.problems] == [
        "6.3.1 Charging stops after a few minutes (alarm F07)",
        "6.3.2 Charger is not seen by the app (alarm W12)",
    ]


def test_a_first_line_of_one_problem_with_a_wide_gap_does_not_title_the_article(tmp_path: Path) -> None:
    # Guard: one problem under such a line keeps the problem's own title as the article's, as before.
    text = CHARGER_MANUAL_TXT[: CHARGER_MANUAL_TXT.index("   6.3.2")]
    folder = tmp_path / "kb"
    folder.mkdir()
    article = _read(folder, "wallbox.txt", text)
    assert article.title == "6.3.1 Charging stops after a few minutes (alarm F07)"


# A help desk's library of macros (canned replies), as a team's handbook lists them: a heading per macro,
# when an agent applies it, what it sets on the ticket, and the reply it sends.
MACRO_LIBRARY_PAGE = """\
<html><head><title>Macros: Shipping – Support Handbook</title></head><body><main>
<h1>Macros: Shipping</h1>
<h2>Macro: Shipping › Address rejected</h2>
<p><strong>When to use:</strong> Checkout stops with <code>postcode_mismatch: The postcode does not match the city.</code></p>
<p><strong>Actions:</strong> Set tag <code>postcode_mismatch</code> · Priority: Normal</p>
<p><strong>Reply:</strong></p>
<blockquote><p>Hi {{ticket.requester.first_name}},</p>
<p>Your order failed our address check because the postcode is wrong.</p>
<ol><li>Open <strong>Account › Addresses</strong>.</li><li>Correct the postcode and place the order again.</li></ol>
<p>Kind regards,<br>{{current_user.first_name}}</p></blockquote>
<h2>Macro: Shipping › Parcel held at customs</h2>
<p><strong>When to use:</strong> The tracking page says the parcel is held at customs.</p>
<p><strong>Actions:</strong> Status: Pending</p>
<p><strong>Reply:</strong></p>
<blockquote><p>Hi {{ticket.requester.first_name}},</p>
<ol><li>Pay the import duty on the carrier's site.</li><li>Send us the receipt.</li></ol></blockquote>
</main></body></html>
"""


def test_a_macros_when_to_use_is_its_symptom_and_its_reply_the_fix(tmp_path: Path) -> None:
    """Read as topics, "When to use", "Actions" and "Reply" were steps and the whole reply the error
    message: "When to use" tells what the customer met, the reply what they are told to do."""
    article = parse_article(MACRO_LIBRARY_PAGE.encode(), "macros/shipping.html")
    assert [p.title for p in article.problems] == [
        "Macro: Shipping › Address rejected",
        "Macro: Shipping › Parcel held at customs",
    ]
    first, second = article.problems
    assert first.error_messages == ["postcode_mismatch: The postcode does not match the city."]
    assert [s.text for s in first.steps] == [
        "Open Account › Addresses.",
        "Correct the postcode and place the order again.",
    ]
    assert "held at customs" in second.symptoms
    assert [s.text for s in second.steps] == [
        "Pay the import duty on the carrier's site.",
        "Send us the receipt.",
    ]


@pytest.mark.parametrize(
    "title", ["When to use the bulk editor", "Replying to a thread", "Response", "Responses"]
)
def test_headings_that_only_begin_like_a_macros_fields_stay_topics(title: str) -> None:
    # Guard: only the whole field names are parts; a feature's "When to use …" section is a topic.
    assert heading_role(title) is Role.TOPIC


# A GNU Info manual's chapter as the info reader shows it, saved as text: each node opens with its
# navigation line, the chapter's node lists its sections in a menu, headings are underlined ("***" a
# chapter, "===" a section), examples are indented by five spaces and code is quoted `like this'.
INFO_CHAPTER = """\
File: backup-admin.info,  Node: Restore Problems,  Next: Scheduling,  Prev: Retention,  Up: Top

5 Restore Problems
******************

This chapter covers restores that stop or produce damaged files.

* Menu:

* Missing chunk::                The restore stops at a missing chunk.
* Slow restore::                 Restores take hours on a fast
                                   network.


File: backup-admin.info,  Node: Missing chunk,  Next: Slow restore,  Up: Restore Problems

5.1 Restore stops at a missing chunk
====================================

A restore with `bkp restore' stops with

     bkp: chunk 4f2a9c not found in repository

and `bkp check' reports `index refers to 12 missing chunks'.

   The repository index is out of date after an interrupted prune.
Rebuild it, then run the restore again:

  1. Run `bkp rebuild-index --repo /srv/backup'.

  2. Run the restore again.


File: backup-admin.info,  Node: Slow restore,  Prev: Missing chunk,  Up: Restore Problems

5.2 Restores take hours on a fast network
=========================================

Restores read one chunk at a time unless told otherwise.

  1. Set `parallel-reads = 8' in `bkp.conf'.

  2. Restart the restore.
"""


def test_an_info_chapter_is_titled_by_its_chapter_and_its_sections_are_its_problems(tmp_path: Path) -> None:
    """Read as plain text, the navigation lines and the menu were steps and notes, the underlined
    headings text, and the page titled by its file's name."""
    article = _read(tmp_path, "restore.txt", INFO_CHAPTER)
    assert article.title == "Restore Problems"
    assert [p.title for p in article.problems] == [
        "Restore stops at a missing chunk",
        "Restores take hours on a fast network",
    ]
    texts = [s.text for p in article.problems for s in p.steps] + [
        n.text for p in article.problems for n in p.notes
    ]
    assert not any("Node:" in t or "Menu" in t or "::" in t for t in texts)
    slow = article.problems[1]
    assert [s.text for s in slow.steps] == ["Set parallel-reads = 8 in bkp.conf.", "Restart the restore."]


def test_an_info_section_s_sentence_goes_on_after_its_example(tmp_path: Path) -> None:
    """A lower-case line after an example goes on with the sentence the example stands in: it was the
    fix's first step, and the message it quotes `like this' no error message."""
    [missing, _] = _read(tmp_path, "restore.txt", INFO_CHAPTER).problems
    assert missing.error_messages == [
        "bkp: chunk 4f2a9c not found in repository",
        "index refers to 12 missing chunks",
    ]
    assert [s.text for s in missing.steps] == [
        "Run bkp rebuild-index --repo /srv/backup.",
        "Run the restore again.",
    ]
    assert "and bkp check reports" in missing.symptoms


def test_a_text_page_that_mentions_a_node_is_no_info_page(tmp_path: Path) -> None:
    """Guard: only a page of Info nodes, its first line a node's navigation, is read as one."""
    page = "Cluster notes\n\nNode: worker-3 is down.\n\n5 Restore\n*********\n\nRun `bkp check' first.\n"
    article = _read(tmp_path, "notes.txt", page)
    assert article.title != "Restore"


def test_an_info_file_s_makeinfo_preamble_is_no_part_of_its_nodes(tmp_path: Path) -> None:
    """An Info file as makeinfo writes it opens with its preamble ("This is x.info, produced by makeinfo
    … from x.texi.", its copying notice, its directory entry) over the first node: the file is still
    read as Info, where the menu became a problem titled by the file's name and the navigation lines notes."""
    preamble = (
        "This is backup-admin.info, produced by makeinfo version 7.1 from backup-admin.texi.\n\n"
        "Copyright (C) 2024 The Backup Admin authors.\n\n"
        "INFO-DIR-SECTION Backup\nSTART-INFO-DIR-ENTRY\n"
        "* Backup admin: (backup-admin).   Running bkp.\nEND-INFO-DIR-ENTRY\n\n\x1f\n"
    )
    article = _read(tmp_path, "restore.txt", preamble + INFO_CHAPTER)
    assert article.title == "Restore Problems"
    assert [p.title for p in article.problems] == [
        "Restore stops at a missing chunk",
        "Restores take hours on a fast network",
    ]
    notes = [n.text for p in article.problems for n in p.notes]
    assert not any("Node:" in n for n in notes)


@pytest.mark.parametrize(
    "first_line",
    [
        "This is backup-admin.info, produced by texi2any version 7.1 from backup-admin.texi.",
        "This is Info file ../info/backup-admin.info, produced by Makeinfo-1.55 from backup-admin.texi.",
    ],
)
def test_an_info_file_s_preamble_is_passed_over_whichever_program_wrote_it(
    first_line: str, tmp_path: Path
) -> None:
    """makeinfo has been texi2any since Texinfo 5, and the preamble names the program as it was run; an
    old one "Info file …": a preamble naming either was no Info file's, and the page no Info page."""
    preamble = f"{first_line}\n\nINFO-DIR-SECTION Backup\nSTART-INFO-DIR-ENTRY\nEND-INFO-DIR-ENTRY\n\n\x1f\n"
    article = _read(tmp_path, "restore.txt", preamble + INFO_CHAPTER)
    assert article.title == "Restore Problems"
    assert [p.title for p in article.problems] == [
        "Restore stops at a missing chunk",
        "Restores take hours on a fast network",
    ]


def test_a_text_page_that_opens_with_this_is_is_no_info_page(tmp_path: Path) -> None:
    """Guard: a page whose first sentence says what it is, with a node's name further down, is no Info
    file: only makeinfo's own preamble line is passed over."""
    page = (
        "This is the runbook for the backup cluster.\n\nFile: hosts.txt,  Node: worker-3\n\n"
        "5 Restore\n*********\n\nRun `bkp check' first.\n"
    )
    article = _read(tmp_path, "notes.txt", page)
    assert article.title != "Restore"


INFO_NODE_WITH_DISPLAY = """\
File: backup-admin.info,  Node: Lock held,  Up: Restore Problems

5.3 bkp: repository is locked by another process
================================================

     bkp: repository is locked by another process
     bkp: giving up after 3 retries

   A prune or a second restore still holds the repository's lock.

  1. Wait for the other process to end, or stop it.
  2. Run `bkp unlock --repo /srv/backup'.
"""


def test_an_info_node_s_display_right_under_its_heading_is_its_error_output(tmp_path: Path) -> None:
    """A troubleshooting node titled by the message it then displays (indented, as Info sets an example
    apart) with no sentence leading in: the display is the error output, where it was lost and the
    heading named a group of steps in a problem titled by the file's name."""
    article = _read(tmp_path, "lock.txt", INFO_NODE_WITH_DISPLAY)
    (problem,) = article.problems
    assert problem.title == "bkp: repository is locked by another process"
    # (The display is one message, as any block of output is: its lines, one after the other.)
    assert problem.error_messages == [
        "bkp: repository is locked by another process bkp: giving up after 3 retries"
    ]
    assert problem.cause == "A prune or a second restore still holds the repository's lock."
    assert [s.text for s in problem.steps] == [
        "Wait for the other process to end, or stop it.",
        "Run bkp unlock --repo /srv/backup.",
    ]


def test_an_info_node_s_display_of_a_command_under_its_heading_is_no_error(tmp_path: Path) -> None:
    """Guard: a display under a heading that names no message (a command to run, in a how-to node) is
    no error output."""
    text = (
        "File: backup-admin.info,  Node: Pruning,  Up: Top\n\n5.4 Pruning old snapshots\n"
        "=========================\n\n     bkp prune --keep-daily 7\n\n"
        "   This keeps a week of daily snapshots.\n"
    )
    article = _read(tmp_path, "prune.txt", text)
    assert all(not p.error_messages for p in article.problems)


def test_a_markdown_section_titled_by_the_command_its_block_shows_has_no_error(tmp_path: Path) -> None:
    """Guard: a heading that names a command, over a block that shows it, quotes no message a program
    printed: the command was the section's error message."""
    text = (
        "# Deploying the stack\n\n## docker compose up\n\n```\ndocker compose up\n```\n\n"
        "Wait until every service is healthy.\n"
    )
    article = _read(tmp_path, "deploy.md", text)
    assert all(not p.error_messages for p in article.problems)


# An OpenVMS HELP library's source: level-numbered topics, a qualifier's entry at the margin, each message
# displayed under its topic with its Explanation and User Action fields hanging beside their labels.
VMS_HELP_LIBRARY = """\
1 MOUNT
  Makes a disk or magnetic tape volume available for processing.

  Format

    MOUNT  device-name[:] [volume-label]

2 Troubleshooting
  This topic describes the MOUNT errors most often seen.

3 %MOUNT-F-NOSUCHDEV
    %MOUNT-F-NOSUCHDEV, no such device available

  Explanation:  The device named in the command does not exist on this
                node, or its driver is not loaded.

  User Action:  Do the following:

                1. Enter SHOW DEVICE to list the devices on the node.
                2. Correct the device name and enter the MOUNT
                   command again.

3 %MOUNT-W-VOLINV
    %MOUNT-W-VOLINV, volume is not software enabled

  Explanation:  The volume was dismounted with /UNLOAD.

  User Action:  Enter SET VOLUME/AVAILABLE and mount it again.

2 Qualifiers
/FOREIGN

   /FOREIGN

   Indicates that the volume is not in the standard format.
"""


def test_a_vms_help_library_s_messages_are_its_problems(tmp_path: Path) -> None:
    """Each message's topic is a problem: the displayed message its error, Explanation its cause, User
    Action its steps. Read as plain text, the library was one problem whose steps were its topics."""
    article = _read(tmp_path, "mount.txt", VMS_HELP_LIBRARY)
    assert article.title == "MOUNT"
    nosuchdev, volinv = article.problems
    assert nosuchdev.title == "%MOUNT-F-NOSUCHDEV"
    assert nosuchdev.error_messages == ["%MOUNT-F-NOSUCHDEV, no such device available"]
    assert " ".join(nosuchdev.cause.split()) == (
        "The device named in the command does not exist on this node, or its driver is not loaded."
    )
    assert [" ".join(s.text.split()) for s in nosuchdev.steps] == [
        "Enter SHOW DEVICE to list the devices on the node.",
        "Correct the device name and enter the MOUNT command again.",
    ]
    assert volinv.error_messages == ["%MOUNT-W-VOLINV, volume is not software enabled"]
    assert volinv.cause == "The volume was dismounted with /UNLOAD."
    assert [s.text for s in volinv.steps] == ["Enter SET VOLUME/AVAILABLE and mount it again."]
    assert "not in the standard format" in article.body


def test_a_vms_help_topic_deeper_than_six_levels_is_still_a_heading() -> None:
    """HELP numbers topics up to level 9, Markdown's headings go to six: "####### Deep" was a paragraph."""
    levels = "".join(f"{level} Level{level}\n  Text of level {level}.\n\n" for level in range(1, 8))
    markdown = vms_help_markdown(levels)
    assert markdown is not None
    assert markdown.split("\n")[-4:-2] == ["###### Level7", "Text of level 7."]


def test_a_text_page_of_numbered_sections_is_no_vms_help_library(tmp_path: Path) -> None:
    """Guard: a page whose sections are numbered at the margin ("1 Overview", "2 Setup"), with its text
    at the margin too, is no HELP library: only topics and qualifiers stand there in one."""
    text = (
        "1 Overview\nThis guide covers the print server.\n\n2 Setup\nInstall the package.\n\n"
        "Symptoms:\nThe queue is paused.\n\nResolution:\n1. Resume the queue.\n"
    )
    article = _read(tmp_path, "guide.txt", text)
    assert article.title != "Overview"
    assert [s.text for p in article.problems for s in p.steps] == ["Resume the queue."]


def test_an_info_node_s_text_that_opens_with_a_hash_keeps_its_heading_shift() -> None:
    """A node saved alone is titled by its highest heading, its level-2 heading shifted to 1, whatever its
    text says: a line of it at the margin that opens with "#" (C's "#include", a comment) is no heading,
    and was taken for one, which left the node's headings where they were (or, shifted, cut the line)."""
    node = (
        "File: cc.info,  Node: Options,  Up: Top\n\n2.1 Options\n===========\n\n"
        "#include is rare in this file.\n\n2.1.1 Warnings\n--------------\n\n##ifdef lines too.\n"
    )
    markdown = info_markdown(node)
    assert markdown is not None
    lines = markdown.splitlines()
    assert "# Options" in lines and "## Warnings" in lines
    assert "#include is rare in this file." in lines and "##ifdef lines too." in lines


SYSTEM_MESSAGE_GUIDE = """<html><head><title>BGP System Messages</title></head><body>
<h1>BGP System Messages</h1>
<p>This section describes the messages of the Border Gateway Protocol process.</p>
<h3>%BGP-5-ADJCHANGE: neighbor [IP_address] Down Hold timer expired</h3>
<table>
<tr><td><b>Explanation</b></td><td>No keepalive arrived from the peer within the hold time.</td></tr>
<tr><td><b>Recommended Action</b></td><td>Check the link to the peer. Raise the hold time with the <code>timers bgp</code> command if the link is slow.</td></tr>
</table>
<h3>%BGP-3-NOTIFICATION: sent to neighbor [IP_address] [chars] (hold time expired)</h3>
<table>
<tr><td><b>Explanation</b></td><td>The router closed the session because the peer stopped answering.</td></tr>
<tr><td><b>Recommended Action</b></td><td>Verify the peer is reachable with <code>ping</code>.</td></tr>
</table>
<hr><p>Was this Document Helpful? Yes No</p>
<p>{contact}</p>
</body></html>
"""


def test_a_message_guides_feedback_and_contact_lines_after_its_last_rule_are_its_footer(
    tmp_path: Path,
) -> None:
    """A vendor's system message guide closes the page, under its last message's Recommended Action, with
    a rule, "Was this Document Helpful? Yes No" and a line of contact links: they were that message's
    steps 2 and 3, and served in its high answer."""
    contact = "Contact Us | Open a Support Case | (Requires a Service Contract)"
    article = _read(tmp_path, "bgp.html", SYSTEM_MESSAGE_GUIDE.format(contact=contact))
    first, last = article.problems
    assert first.error_codes == ["BGP-5-ADJCHANGE"]
    assert last.error_codes == ["BGP-3-NOTIFICATION"]
    assert last.cause == "The router closed the session because the peer stopped answering."
    assert [s.text for s in last.steps] == ["Verify the peer is reachable with ping."]
    assert last.notes == []
    assert "Open a Support Case" in article.body


def test_a_line_after_the_last_rule_that_contacts_someone_as_a_fix_stays_a_step(tmp_path: Path) -> None:
    # Guard: a sentence that sends the reader to the peer's operator is the fix's last step, not links.
    contact = "If the peer still drops, contact its operator and ask for the support log."
    article = _read(tmp_path, "bgp.html", SYSTEM_MESSAGE_GUIDE.format(contact=contact))
    assert article.problems[-1].steps[-1].text == contact


MESSAGE_ENTRY_PAGE = """<html><body>
<h1>ICH408I USER(userid) GROUP(group-name) NAME(user-name) LOGON/JOB INITIATION - REVOKED USER ACCESS ATTEMPT</h1>
<h2>Explanation</h2>
<p>A user whose access was revoked tried to log on or submit a job.</p>
<h2>System action</h2>
<p>The logon or the job is rejected.</p>
<h2>User response</h2>
<p>Ask your security administrator to resume the user ID.</p>
</body></html>
"""


def test_a_message_id_of_three_digits_that_opens_a_catalogue_entry_is_its_code(tmp_path: Path) -> None:
    """z/OS and Db2 catalogues title each entry by its message ID, a component prefix, three digits and a
    severity letter ("IEF450I", "DSNL032I"), then the message: the ID is what operators paste."""
    article = _read(tmp_path, "ich408i.html", MESSAGE_ENTRY_PAGE)
    (problem,) = article.problems
    assert problem.error_codes == ["ICH408I"]
    assert problem.cause == "A user whose access was revoked tried to log on or submit a job."
    assert [s.text for s in problem.steps] == ["Ask your security administrator to resume the user ID."]


def test_a_part_number_of_three_digits_inside_a_sentence_is_no_message_id(tmp_path: Path) -> None:
    """Outside an entry's opening, three digits and a letter after capitals are a part or a model ("the
    SKU123A shelf"), as they were before."""
    text = "# Shelf does not fit\n\nThe SKU123A shelf does not fit the rack.\n\n## Fix\n\n1. Use the wider rail.\n"
    (problem,) = _read(tmp_path, "shelf.md", text).problems
    assert problem.error_codes == []


# A z/OS system messages manual's entry as a text export keeps it: the message ID and its text, then the
# entry's sections, each label alone on its line, the text hard-wrapped at a fixed width under it.
ZOS_SYSPROG_ENTRY = """IOS071I    dev,chp,jobname,cond

Explanation

The channel subsystem found that an I/O request to the device did not
complete in the time the missing interrupt handler allows.

System programmer response

Display the paths to the device with the DISPLAY M command and make sure
that the control unit is online. If it is, vary the path offline and back
online, then rerun the job.
"""


def test_a_system_programmer_response_alone_is_the_entry_s_fix(tmp_path: Path) -> None:
    """IBM's message entries address each response to whoever acts on it ("System programmer response",
    "Application Programmer Response", "Security administrator response"): each is a fix, whether or not
    another response comes first. Alone, it was read as more of the cause, and the entry had no steps."""
    (problem,) = _read(tmp_path, "ios071i.txt", ZOS_SYSPROG_ENTRY).problems
    assert problem.error_codes == ["IOS071I"]
    assert problem.cause == (
        "The channel subsystem found that an I/O request to the device did not complete in the time the"
        " missing interrupt handler allows."
    )
    assert [s.text for s in problem.steps] == [
        "Display the paths to the device with the DISPLAY M command and make sure that the control unit is"
        " online. If it is, vary the path offline and back online, then rerun the job."
    ]


@pytest.mark.parametrize(
    ("heading", "role"),
    [
        ("System programmer response", Role.RESOLUTION),
        ("Application Programmer Response", Role.RESOLUTION),
        ("Security administrator response", Role.RESOLUTION),
        ("Operator response", Role.RESOLUTION),
        # What the system did is no fix, nor is an API's response.
        ("System action", Role.TOPIC),
        ("Response", Role.TOPIC),
        ("Server response", Role.TOPIC),
    ],
)
def test_a_response_label_is_a_fix_whoever_it_is_addressed_to(heading: str, role: Role) -> None:
    assert heading_role(heading) is role


ZOS_REPLY_ENTRY = """IXC102A    XCF IS WAITING FOR SYSTEM sysname DEACTIVATION. REPLY DOWN WHEN RESET

Explanation

The sysplex partitioning function lost contact with the named system.

Operator response

Make sure that the named system has been reset before you answer.
Reply to this message with:

 DOWN

To be prompted again later instead, reply with:

 INTERVAL=600
"""


def test_the_value_indented_under_a_response_s_sentence_is_that_step_s(tmp_path: Path) -> None:
    """An IBM response written as sentences sets the literal reply or operand it asks for apart, indented
    under the sentence that ends in ":" ("Reply to this message with:" over "DOWN"): the step is the
    sentence and its value. The sentence was left out of the steps and the value named a group."""
    (problem,) = _read(tmp_path, "ixc102a.txt", ZOS_REPLY_ENTRY).problems
    assert problem.cause == "The sysplex partitioning function lost contact with the named system."
    assert [(s.text, s.group) for s in problem.steps] == [
        ("Make sure that the named system has been reset before you answer.", None),
        ("Reply to this message with:\nDOWN", None),
        ("To be prompted again later instead, reply with:\nINTERVAL=600", None),
    ]


def test_sentences_indented_under_a_response_s_lead_in_are_its_steps(tmp_path: Path) -> None:
    """Under a lead-in, indented lines that are sentences of their own are the steps it introduces, no
    value of it."""
    text = (
        "ABC123E    QUEUE FULL\n\nExplanation\n\nThe queue is full.\n\nOperator response\n\n"
        "To recover:\n\n Stop the job.\n Restart the subsystem.\n"
    )
    (problem,) = _read(tmp_path, "abc123e.txt", text).problems
    assert [s.text for s in problem.steps] == ["Stop the job.", "Restart the subsystem."]


ZOS_TWO_RESPONSES = """IEA995I    SYMPTOM DUMP OUTPUT  ABEND CODE SYSTEM=0C4

Explanation

A task ended abnormally and the system wrote a symptom dump.

Operator response

Keep the dump and tell the system programmer. If the job is to go on, reply to the
message with:

 U

Application Programmer Response

Correct the program as follows:

 1. Find the failing instruction in the listing.
 2. Correct the program and run the job again.
"""


def test_a_response_written_as_sentences_keeps_its_steps_before_the_next_response(tmp_path: Path) -> None:
    """Each response of an IBM entry is a fix of its own: the sentences of the first are its steps, and
    the next response's numbered steps a group of theirs. Once the second had numbered steps, the first
    one's sentences were read as lead-ins to them and left out of the steps."""
    (problem,) = _read(tmp_path, "iea995i.txt", ZOS_TWO_RESPONSES).problems
    assert [(s.text, s.group) for s in problem.steps] == [
        (
            "Keep the dump and tell the system programmer. If the job is to go on, reply to the message"
            " with:\nU",
            None,
        ),
        ("Find the failing instruction in the listing.", "Application Programmer Response"),
        ("Correct the program and run the job again.", "Application Programmer Response"),
    ]


ZOS_ENTRY_FIELDS = """IEC150I    913-rc,mod,jjj,sss,ddname,dev,ser,dsname

Explanation

The job tried to open a data set that its user is not authorized to
update.

Programmer response

Ask the security administrator for update access to the data set, then
run the job again.

Module

IFG0194A

Source

DFSMSdfp

Routing code

11

Descriptor code

6

Parent topic: IEC messages

Feedback | Terms of use | (C) Copyright 1988, 2024
"""


def test_a_message_entry_s_reference_fields_after_its_responses_are_no_steps(tmp_path: Path) -> None:
    """After its responses an IBM entry lists where the message comes from and how it is routed (Module,
    Source, Routing code, Descriptor code), then the link up to its list of messages: each was a group of
    steps whose step was the field's value. They are the page's text, searchable."""
    article = _read(tmp_path, "iec150i.txt", ZOS_ENTRY_FIELDS)
    (problem,) = article.problems
    assert [(s.text, s.group) for s in problem.steps] == [
        (
            "Ask the security administrator for update access to the data set, then run the job again.",
            None,
        )
    ]
    assert problem.cause == ("The job tried to open a data set that its user is not authorized to update.")
    assert "IFG0194A" in article.body and "Parent topic: IEC messages" in article.body


def test_a_short_line_naming_a_group_outside_a_message_entry_stays_its_name(tmp_path: Path) -> None:
    """A field's name of a message entry, in a fix of another kind, names the group of steps under it."""
    text = (
        'Symptoms: The copy job fails with "Access denied".\n\nResolution:\n\nSource\n'
        "1. Share the folder.\n\nTarget\n1. Grant write access to the service account.\n"
    )
    (problem,) = _read(tmp_path, "copy.txt", text).problems
    assert [(s.text, s.group) for s in problem.steps] == [
        ("Share the folder.", "Source"),
        ("Grant write access to the service account.", "Target"),
    ]


ZOS_WRAPPED_RESPONSE = """IEA911E    COMPLETE DUMP ON SYS1.DUMPnn FOR ASID (nnnn)

Explanation

The system wrote an SVC dump to the dump data set.

System programmer response

Format the dump with IPCS and look for the failing task. If the cause is not clear, send
the dump and the system log for the time of the failure to the IBM
Support Center, and keep the dump data set until the problem is closed.
"""


def test_a_response_hard_wrapped_before_a_capitalised_word_is_one_step(tmp_path: Path) -> None:
    """A plain-text manual wraps its prose at a fixed width, wherever a word falls: a wrapped line may
    open with a proper noun ("IBM Support Center"). The paragraph was cut into two steps there, the
    first ending mid-sentence."""
    (problem,) = _read(tmp_path, "iea911e.txt", ZOS_WRAPPED_RESPONSE).problems
    assert [s.text for s in problem.steps] == [
        "Format the dump with IPCS and look for the failing task. If the cause is not clear, send the dump"
        " and the system log for the time of the failure to the IBM Support Center, and keep the dump data"
        " set until the problem is closed."
    ]


def test_long_lines_of_a_fix_that_each_say_what_to_do_are_steps_of_their_own(tmp_path: Path) -> None:
    """Lines of a fix that end no sentence but each open with what to do are steps, however long."""
    text = (
        "Symptoms: Remote shell sessions are refused.\n\nResolution:\n"
        "Open the Group Policy editor and go to Computer Configuration\n"
        "Enable the policy named Allow Remote Shell Access for all users\n"
    )
    (problem,) = _read(tmp_path, "shell.txt", text).problems
    assert [s.text for s in problem.steps] == [
        "Open the Group Policy editor and go to Computer Configuration",
        "Enable the policy named Allow Remote Shell Access for all users",
    ]


ZOS_SYSTEM_ACTION = """IEF251I    JOB jobname CANCELED

Explanation

An operator or a user canceled the job before it ended.

System action

The system ends the job and frees its resources.

User response

Submit the job again if it is still needed.
"""


def test_a_message_entry_s_system_action_is_no_part_of_its_cause(tmp_path: Path) -> None:
    """An IBM entry's "System action" says what the system did: it ran on into the cause, its label
    pasted into the sentence. It is the page's text, searchable."""
    article = _read(tmp_path, "ief251i.txt", ZOS_SYSTEM_ACTION)
    (problem,) = article.problems
    assert problem.cause == "An operator or a user canceled the job before it ended."
    assert [s.text for s in problem.steps] == ["Submit the job again if it is still needed."]
    assert "The system ends the job and frees its resources." in article.body


PUMP_CODES = """# Section 7: Troubleshooting

## 7.3 Alarm codes

### A-2 Occlusion downstream

**Cause:** The line below the pump is kinked or clamped.

1. Press **SILENCE**.
2. Open the clamp and straighten the line.

### A-12 Battery depleted

**Cause:** The battery has less than five minutes left.

1. Connect the mains cable.

### B-2 cable holder not fitted

Fit the holder before the next use.
"""


def test_a_device_code_of_one_or_two_digits_opening_an_entry_heading_is_its_code(tmp_path: Path) -> None:
    """Device manuals title each alarm by the short code the display shows, a letter, a hyphen and one or
    two digits, then its name ("A-2 Occlusion downstream"): the code is what a user types, hyphen or not.
    Before a word in lower case, the same shape is a part's or a model's name, as a longer one is."""
    folder = tmp_path / "kb"
    folder.mkdir()
    article = _read(folder, "pump-alarms.md", PUMP_CODES)
    occlusion, battery, holder = article.problems
    assert occlusion.title == "A-2 Occlusion downstream"
    assert occlusion.error_codes == ["A2"]
    assert occlusion.cause == "The line below the pump is kinked or clamped."
    assert [s.text for s in occlusion.steps] == ["Press SILENCE.", "Open the clamp and straighten the line."]
    assert battery.error_codes == ["A12"]
    assert holder.error_codes == []
    _found_by_code(
        folder,
        tmp_path / "kb.db",
        [("A-2", "pump-alarms#1"), ("A-12", "pump-alarms#2"), ("alarm A-12 on the pump", "pump-alarms#2")],
    )


# A My Oracle Support document saved from the browser: the site's breadcrumb and the document's header
# bar (its title with its Doc ID, when it was last updated), then APPLIES TO, SYMPTOMS with its STEPS
# (how the symptom was reached), CHANGES, CAUSE and SOLUTION.
ORACLE_SUPPORT_DOCUMENT = """\
<html><head><title>Document 3104527.1 - Journal Import Ends With ORA-00001 On GL_INTERFACE</title></head>
<body>
<div class="kmHeader"><span class="kmBreadcrumb">My Oracle Support &gt; Knowledge &gt; Document 3104527.1</span></div>
<table class="kmDocHeader"><tr>
<td><b>Journal Import Ends With ORA-00001 On GL_INTERFACE (Doc ID 3104527.1)</b></td>
<td align="right">Last updated on MARCH 11, 2025</td></tr></table>
<h2>APPLIES TO:</h2>
<p>Oracle General Ledger - Version 12.2.10 and later<br>Information in this document applies to any platform.</p>
<h2>SYMPTOMS</h2>
<p>Journal Import completes in error and the log shows:</p>
<pre>ORA-00001: unique constraint (GL.GL_INTERFACE_U1) violated</pre>
<h3>STEPS</h3>
<p>1. Log in with the General Ledger Super User responsibility.<br>
2. Navigate to Journals &gt; Import &gt; Run.<br>
3. Select the source Spreadsheet and submit the request.</p>
<h2>CHANGES</h2>
<p>The interface table was loaded twice from the same spreadsheet.</p>
<h2>CAUSE</h2>
<p>Rows with the same group ID were left in GL_INTERFACE by an earlier run.</p>
<h2>SOLUTION</h2>
<ol>
<li>Back up the GL_INTERFACE table.</li>
<li>Delete the rows of the failed group ID.</li>
<li>Run Journal Import again.</li>
</ol>
</body></html>
"""


def test_an_oracle_support_document_s_steps_under_its_symptoms_reproduce_it_and_are_no_fix(
    tmp_path: Path,
) -> None:
    """A My Oracle Support document's STEPS, under SYMPTOMS, are how the symptom was reached: read as a
    fix, they came first in the answer, before the SOLUTION's, and a reader was walked through the failure."""
    article = _read(tmp_path, "gl-import.html", ORACLE_SUPPORT_DOCUMENT)
    [problem] = article.problems
    assert "Select the source Spreadsheet and submit the request." in problem.body
    assert problem.error_messages == ["ORA-00001: unique constraint (GL.GL_INTERFACE_U1) violated"]
    assert problem.cause == "Rows with the same group ID were left in GL_INTERFACE by an earlier run."
    assert [(s.group, s.text) for s in problem.steps] == [
        (None, "Back up the GL_INTERFACE table."),
        (None, "Delete the rows of the failed group ID."),
        (None, "Run Journal Import again."),
    ]


def test_steps_under_a_fix_or_on_their_own_stay_steps_of_the_fix(tmp_path: Path) -> None:
    """Guard: only a STEPS section among what is seen reproduces it; one under the fix, or one of the
    problem's own parts, still holds the fix's steps."""
    text = (
        "# Sync fails with error 0x8004\n\n## Symptoms\n\nSync stops with error 0x8004.\n\n"
        "## Solution\n\n### Steps\n\n1. Sign out.\n2. Sign in again.\n"
    )
    [problem] = _read(tmp_path, "sync.md", text).problems
    assert [s.text for s in problem.steps] == ["Sign out.", "Sign in again."]
    own = text.replace("## Solution\n\n### Steps", "## Steps")
    [problem] = _read(tmp_path, "sync-own.md", own).problems
    assert [s.text for s in problem.steps] == ["Sign out.", "Sign in again."]


def test_an_oracle_support_document_s_number_before_its_title_is_no_part_of_it(tmp_path: Path) -> None:
    """My Oracle Support's <title> is "Document <id> - <title>": the number is the document's, as its Doc ID
    says, and the problem's title kept it."""
    article = _read(tmp_path, "gl-import.html", ORACLE_SUPPORT_DOCUMENT)
    assert article.title == "Journal Import Ends With ORA-00001 On GL_INTERFACE"
    assert [p.title for p in article.problems] == ["Journal Import Ends With ORA-00001 On GL_INTERFACE"]


@pytest.mark.parametrize(
    "title", ["KB0012: Printer shows Offline", "Document 7 of the setup guide fails to open"]
)
def test_a_title_that_opens_with_a_number_or_a_document_s_words_keeps_them(
    title: str, tmp_path: Path
) -> None:
    """Guard: a ticket's number, or words about a document, open a title of their own: they stay."""
    page = f"<html><head><title>{title}</title></head><body><p>Nothing prints.</p><ol><li>Restart.</li></ol></body></html>"
    assert _read(tmp_path, "page.html", page).title == title


def test_an_oracle_support_document_s_breadcrumb_is_no_symptom(tmp_path: Path) -> None:
    """The trail to the page over My Oracle Support's document ("My Oracle Support > Knowledge > Document
    …", a span classed kmBreadcrumb) is the site's: it was the first line of the symptoms."""
    article = _read(tmp_path, "gl-import.html", ORACLE_SUPPORT_DOCUMENT)
    [problem] = article.problems
    assert problem.symptoms.startswith("Journal Import completes in error and the log shows:")
    assert "My Oracle Support >" not in problem.symptoms


def test_a_layout_that_says_the_page_has_a_breadcrumb_still_holds_the_article(tmp_path: Path) -> None:
    """Guard: a layout's class that says the page has a trail ("has-breadcrumbs") is the article's."""
    page = ORACLE_SUPPORT_DOCUMENT.replace("<body>", '<body><div class="has-breadcrumbs">').replace(
        "</body>", "</div></body>"
    )
    [problem] = _read(tmp_path, "gl-import.html", page).problems
    assert problem.cause == "Rows with the same group ID were left in GL_INTERFACE by an earlier run."
    assert problem.steps[0].text == "Back up the GL_INTERFACE table."


# A FAQ posted to Usenet, saved as text: its news header, the contents, then each question under its own
# "Subject: N.N)" line, the answer indented under it, a log line indented deeper, entries apart by dashes.
USENET_FAQ = """\
From: faq@tapevault.example.net (TapeVault FAQ keeper)
Newsgroups: comp.backup.tapevault,news.answers
Subject: TapeVault Restore Problems FAQ (part 2 of 3)
Archive-name: backup/tapevault-faq/part2
Last-modified: 2025/06/11

This part covers restores that fail.

------------------------------------------------------------

Contents:

  2.1) Restore stops with "checksum mismatch on volume"
  2.2) Catalog says "no such snapshot" after a move

------------------------------------------------------------

Subject: 2.1) Restore stops with "checksum mismatch on volume"

  The restore job ends and tvrestore.log says

    tvd[812]: FATAL: checksum mismatch on volume VT0042 at block 77215

  The tape drive's heads are dirty, so blocks read back wrong.

    1. Run a cleaning cartridge through the drive.
    2. Restart the restore with "tvrestore --resume".

------------------------------------------------------------

Subject: 2.2) Catalog says "no such snapshot" after a move

  After moving the catalog to a new host, every restore prints

    ERROR tvcat: no such snapshot 2025-05-30T02:00

    1. Stop the tvcat service.
    2. Run "tvcat rebuild --from-tapes".

------------------------------------------------------------
"""


def test_a_usenet_faq_s_numbered_subject_lines_are_a_problem_each(tmp_path: Path) -> None:
    # The posting was one problem titled by its subject, its questions, answers and dashes its steps, and
    # the log lines no error messages.
    article = _read(tmp_path, "tapevault-faq.txt", USENET_FAQ)
    assert article.title == "TapeVault Restore Problems FAQ (part 2 of 3)"
    first, second = article.problems
    assert first.title == 'Restore stops with "checksum mismatch on volume"'
    assert "tvd[812]: FATAL: checksum mismatch on volume VT0042 at block 77215" in first.error_messages
    assert first.cause == "The tape drive's heads are dirty, so blocks read back wrong."
    assert [(s.number, s.text) for s in first.steps] == [
        ("1", "Run a cleaning cartridge through the drive."),
        ("2", 'Restart the restore with "tvrestore --resume".'),
    ]
    assert second.title == 'Catalog says "no such snapshot" after a move'
    assert "tvcat: no such snapshot 2025-05-30T02:00" in second.error_messages
    assert [s.text for s in second.steps] == ["Stop the tvcat service.", 'Run "tvcat rebuild --from-tapes".']
    # The news header and the contents are the page's, no problem's.
    assert "Archive-name: backup/tapevault-faq/part2" in article.body
    assert not any("Newsgroups" in p.symptoms or "2.2)" in p.symptoms for p in article.problems)


def test_a_usenet_faq_s_header_field_in_capitals_is_rewritten_line_for_line() -> None:
    # A "SUBJECT:" field was kept under the title as well: the Markdown had a line more than the posting.
    from indexer.usenet_text import usenet_markdown

    shouted = USENET_FAQ.replace("\nSubject: TapeVault", "\nSUBJECT: TapeVault", 1)
    assert shouted != USENET_FAQ
    markdown = usenet_markdown(shouted)
    assert markdown is not None
    assert len(markdown.split("\n")) == len(shouted.split("\n"))
    assert markdown.split("\n")[0] == "# TapeVault Restore Problems FAQ (part 2 of 3)"
    assert "SUBJECT:" not in markdown


def test_a_mail_or_a_posting_with_no_numbered_subject_lines_is_no_usenet_faq(tmp_path: Path) -> None:
    # Guard: an email's header over a body, or a news posting with no question on a "Subject: N)" line of
    # its own, is read as before.
    mail = "From: ana@example.org\nTo: ops@example.org\nSubject: Subject: 2.1) copied\n\nHello.\n"
    assert usenet_markdown(mail) is None
    posting = USENET_FAQ.replace("Subject: 2.", "Question 2.")
    assert usenet_markdown(posting) is None


# A phpBB topic saved as text: the board's trail and the topic's title, its buttons, then each post's title
# and byline ("name » date") over its BBCode, "Top" under each, and the board's footer after the last.
PHPBB_TOPIC = """\
Board index \u2039 Networking \u2039 Home routers

[SOLVED] VPN client stops with error 809 after router swap
Post Reply   4 posts \u2022 Page 1 of 1

[b]dalia_w[/b] \u00bb Mon Mar 03, 2025 6:10 pm
Hi all,
Since I swapped my router, connecting to the office VPN fails with:
[code]The network connection between your computer and the VPN server could not be established (Error 809)[/code]

Top

[b]Re: [SOLVED] VPN client stops with error 809 after router swap[/b]
[b]netgnome[/b] \u00bb Mon Mar 03, 2025 7:02 pm
[quote="dalia_w"]connecting to the office VPN fails[/quote]
The new router blocks IPsec passthrough. Do this:
[list=1]
[*]Open the router's [b]Advanced[/b] page.
[*]Turn on [i]IPsec passthrough[/i] and [i]L2TP passthrough[/i].
[*]Restart the VPN client.
[/list]

Top

[b]Re: [SOLVED] VPN client stops with error 809 after router swap[/b]
[b]dalia_w[/b] \u00bb Mon Mar 03, 2025 8:30 pm
That did it, thanks!

Top

Who is online
Users browsing this forum: No registered users and 2 guests
Powered by phpBB\u00ae Forum Software \u00a9 phpBB Limited
"""


def test_a_phpbb_topic_is_its_question_and_the_reply_that_gives_steps(tmp_path: Path) -> None:
    # The board's trail, each post and "Top" were steps of one problem titled by the trail, and the
    # error in [code] no message.
    article = _read(tmp_path, "vpn-809.txt", PHPBB_TOPIC)
    (problem,) = article.problems
    assert problem.title == "VPN client stops with error 809 after router swap"
    assert problem.error_messages == [
        "The network connection between your computer and the VPN server could not be established (Error 809)"
    ]
    assert [(s.number, s.text) for s in problem.steps] == [
        ("1", "Open the router's Advanced page."),
        ("2", "Turn on IPsec passthrough and L2TP passthrough."),
        ("3", "Restart the VPN client."),
    ]
    assert problem.steps[0].markdown == "Open the router's **Advanced** page."
    assert problem.cause == "The new router blocks IPsec passthrough."
    # The quote is the asker's words, the thanks a reply, the board's lines no text of the problem.
    said = " ".join([problem.symptoms, problem.cause, *(n.text for n in problem.notes)])
    assert "Top" not in said and "phpBB" not in said and "thanks" not in said
    assert not any("fails" in n.text for n in problem.notes)
    assert "That did it, thanks!" in article.body


def test_a_text_with_bbcode_but_no_board_s_bylines_is_no_phpbb_topic(tmp_path: Path) -> None:
    # Guard: a note that writes "[b]" or "[code]" but has no post's "name » date" byline reads as before,
    # and so does a topic whose title says it is not solved and whose posts mark no answer.
    note = "Printer notes\n\nRun [b]lpstat -p[/b] and look for:\n[code]printer is disabled[/code]\n"
    assert bbcode_markdown(note) is None
    unsolved = PHPBB_TOPIC.replace("[SOLVED] ", "")
    assert all("Top" not in s.text for p in _read(tmp_path, "vpn.txt", unsolved).problems for s in p.steps)


# A Sphinx project's source page: underlined sections, "Symptoms"/"Resolution" subsections, "#." steps.
RST_SOURCE = """Mirror lag on the archive node
==============================

Archive node refuses new segments
---------------------------------

Symptoms
~~~~~~~~

The archiver stops and its log shows::

   archiver[2211]: FATAL: segment store is read-only (ERR_SEG_RO)

Resolution
~~~~~~~~~~

#. Remount the segment store read-write.
#. Restart the archiver:

   .. code-block:: console

      systemctl restart archiver

#. Confirm new segments arrive.
"""


def test_an_rst_file_is_an_article_read_as_restructured_text(tmp_path: Path) -> None:
    """A page named ``.rst`` (Sphinx's, Read the Docs' sources) is found by ``kb index`` and read as the
    same page saved as .txt is; it was skipped without a word when its folder was indexed."""
    from indexer.article_files import find_articles

    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "archiver.rst").write_text(RST_SOURCE, encoding="utf-8")
    (folder / "README.rst").write_text(
        "About these docs\n================\n\nHow to build them.\n", encoding="utf-8"
    )
    found = find_articles([folder]).files
    assert [f.source for f in found] == ["archiver.rst"]
    article = parse_article(found[0].path.read_bytes(), found[0].source)
    assert article.id == "archiver" and article.title == "Mirror lag on the archive node"
    [problem] = article.problems
    assert problem.title == "Archive node refuses new segments"
    assert problem.error_messages == ["archiver[2211]: FATAL: segment store is read-only (ERR_SEG_RO)"]
    assert [(s.number, s.text) for s in problem.steps] == [
        ("1", "Remount the segment store read-write."),
        ("2", "Restart the archiver:\nsystemctl restart archiver"),
        ("3", "Confirm new segments arrive."),
    ]


def test_an_rst_file_with_only_headings_and_lists_is_read_by_its_sections(tmp_path: Path) -> None:
    """Named as reStructuredText, a page needs no directive or ``#.`` item to be read as one: its
    overlined title is no text of its first problem (as .txt, such a page may be a plain note)."""
    page = (
        "=================\nPrint queue faults\n=================\n\n"
        "Jobs stay queued after a driver update\n--------------------------------------\n\n"
        "The queue shows ``Error - Printing`` on every job.\n\n1. Remove the driver.\n2. Add the printer again.\n\n"
        "Printer is offline after sleep\n------------------------------\n\nThe printer does not wake for jobs.\n"
    )
    article = _read(tmp_path, "print.rst", page)
    assert article.title == "Print queue faults"
    assert [p.title for p in article.problems] == [
        "Jobs stay queued after a driver update",
        "Printer is offline after sleep",
    ]
    assert [s.text for s in article.problems[0].steps] == ["Remove the driver.", "Add the printer again."]


# A Creole 1.0 wiki page saved as .txt: "=" the page's title and "==" its problems, "**bold**" labels, a
# "{{{" block of what the console printed, "#" items ("##" one deeper), "*" bullets, "//italic//",
# "##monospace##", "[[target|words]]" links and a "<<TableOfContents>>" macro.
CREOLE_PAGE = """= Print server troubleshooting =

<<TableOfContents>>

Problems the service desk sees with the office print server.

== Jobs stay in the queue: "spooler connection refused" ==

**Symptoms**

Every job stays queued and the spooler log shows:

{{{
lpd[812]: connect to spooler failed: Connection refused (PRN-0410)
}}}

**Cause**

The spooler service did not start after the //nightly patch// reboot.

**Fix**

# Sign in to the print server as ##printadmin##.
# Start the spooler service:
## Run ##systemctl start cups##.
## Check that ##systemctl is-active cups## prints ##active##.
# Print a test page from [[PrinterList|the printer list]].

== Scanner mails arrive empty ==

**Fix**

* Set the attachment limit to 20 MB.
* Scan again.
"""


def test_a_creole_heading_keeps_a_number_after_a_hash_as_its_words() -> None:
    # Only Trac writes an anchor after a heading ("== Setup == #setup"): a Creole heading, whose closing run
    # is optional, lost "#42" as if it were one.
    from indexer.equals_headings import equals_heading

    assert equals_heading("= Error #42", open_ended=True) == (1, "Error #42")
    assert equals_heading("== Printer offline", open_ended=True) == (2, "Printer offline")
    assert equals_heading("== Setup == #setup") == (2, "Setup")
    assert equals_heading("== Setup =") is None


def test_a_creole_page_s_headings_part_its_problems_and_its_blocks_are_its_messages(tmp_path: Path) -> None:
    # Read as a Trac page (both write "{{{" blocks), its "#" items were Markdown headings: the first
    # problem had no steps and the second was titled by an item.
    article = _read(tmp_path, "print-server.txt", CREOLE_PAGE)
    assert article.title == "Print server troubleshooting"
    queued, scanner = article.problems
    assert queued.title == 'Jobs stay in the queue: "spooler connection refused"'
    assert scanner.title == "Scanner mails arrive empty"
    assert "lpd[812]: connect to spooler failed: Connection refused (PRN-0410)" in queued.error_messages
    assert queued.cause == "The spooler service did not start after the nightly patch reboot."


def test_a_creole_page_s_items_are_numbered_nested_steps(tmp_path: Path) -> None:
    queued, scanner = _read(tmp_path, "print-server.txt", CREOLE_PAGE).problems
    assert [(s.number, s.text) for s in queued.steps] == [
        ("1", "Sign in to the print server as printadmin."),
        ("2", "Start the spooler service:"),
        ("2.1", "Run systemctl start cups."),
        ("2.2", "Check that systemctl is-active cups prints active."),
        ("3", "Print a test page from the printer list."),
    ]
    assert [s.text for s in scanner.steps] == ["Set the attachment limit to 20 MB.", "Scan again."]
    texts = [t for p in (queued, scanner) for t in (p.symptoms, p.cause, *(s.markdown for s in p.steps))]
    assert not any(mark in t for t in texts for mark in ("{{{", "##", "//", "[[", "<<"))


def test_pages_with_equals_headings_and_hash_items_but_no_creole_mark_are_no_creole_page() -> None:
    # Guard: a Trac page (a shell comment at a line's start inside its "{{{" block), a MediaWiki page
    # ('''bold''', no "{{{" line) and a note of "=" banners over "#" lines keep their readers.
    from indexer.creole_text import creole_markdown

    trac = TRAC_PAGE.replace("#!sh\n", "#!sh\n# refresh the bundle\n")
    assert creole_markdown(trac) is None
    assert trac_markdown(trac) is not None
    assert creole_markdown(MEDIAWIKI_PAGE) is None
    note = "== Depot notes ==\n\nThe scanner was replaced.\n\n== Next ==\n\n# Order labels.\n# Count stock.\n"
    assert creole_markdown(note) is None


# A Perl module's troubleshooting page in POD saved as .txt: "=head2" problems under "=head1 PROBLEMS",
# "=item" labels for their parts, "=item 1." and "=item *" steps in nested "=over" lists, verbatim
# paragraphs of what was printed and what to run, and C<>, C<< >>, B<>, I<>, L<> and E<> codes.
POD_PAGE = """=pod

=encoding utf8

=head1 NAME

App::Mailq::FAQ - troubleshooting the mail queue runner

=head1 DESCRIPTION

Problems reported against B<mailq-runner>, and how to fix them.

=head1 PROBLEMS

=head2 Queue runner exits with "lock held by another process"

=over 4

=item Symptom

Starting the runner prints

  mailq-runner: cannot start: lock held by another process (pid 4411)

=item Cause

A runner killed with C<kill -9> left its lock file behind.

=item Fix

=over 4

=item 1.

Check that no runner is running: C<< pgrep -f 'mailq-runner -d' >>.

=item 2.

Remove the stale lock:

  rm /var/run/mailq/runner.lock

=item 3.

Start the runner again.

=back

=back

=head2 Messages stay deferred after a DNS change

=over 4

=item Symptom

Messages to one domain stay in the deferred queue after its mail server moved.

=item Fix

=over 4

=item *

Flush the resolver cache with C<resolvectl flush-caches>.

=item *

Retry I<every> deferred message: C<mailq-runner --retry-all E<gt> retry.log>.

=back

=back

=head1 SEE ALSO

L<the runner manual|App::Mailq::Runner>

=cut
"""


def test_a_pod_page_s_head2_sections_are_its_problems_with_their_labelled_parts(tmp_path: Path) -> None:
    # Read as plain text, it was one problem titled "=pod" whose steps were its commands and paragraphs.
    article = _read(tmp_path, "mailq-faq.txt", POD_PAGE)
    assert article.title == "App::Mailq::FAQ - troubleshooting the mail queue runner"
    lock, deferred = article.problems
    assert lock.title == 'Queue runner exits with "lock held by another process"'
    assert deferred.title == "Messages stay deferred after a DNS change"
    assert "mailq-runner: cannot start: lock held by another process (pid 4411)" in lock.error_messages
    assert lock.cause == "A runner killed with kill -9 left its lock file behind."


def test_a_pod_page_s_numbered_and_bulleted_items_are_steps_that_keep_their_codes(tmp_path: Path) -> None:
    lock, deferred = _read(tmp_path, "mailq-faq.txt", POD_PAGE).problems
    assert [(s.number, s.text) for s in lock.steps] == [
        ("1", "Check that no runner is running: pgrep -f 'mailq-runner -d'."),
        ("2", "Remove the stale lock:\nrm /var/run/mailq/runner.lock"),
        ("3", "Start the runner again."),
    ]
    assert [s.text for s in deferred.steps] == [
        "Flush the resolver cache with resolvectl flush-caches.",
        "Retry every deferred message: mailq-runner --retry-all > retry.log.",
    ]
    texts = [t for p in (lock, deferred) for t in (p.symptoms, p.cause, *(s.markdown for s in p.steps))]
    assert not any(mark in t for t in texts for mark in ("=item", "=over", "=back", "C<", "E<", "I<"))


def test_a_pod_page_with_a_paragraph_opened_by_a_word_like_a_heading_command_is_read(tmp_path: Path) -> None:
    # "=heading" and "=headless" are no POD commands: read as one, the level was taken from the word's fifth
    # letter, and the whole indexing run stopped with a ValueError.
    page = POD_PAGE.replace(
        "=head2 Messages stay deferred", "=headless notes follow\n\n=head2 Messages stay deferred"
    )
    assert "=headless" in page
    _, deferred = _read(tmp_path, "mailq-faq.txt", page).problems
    assert deferred.title == "Messages stay deferred after a DNS change"


def test_text_with_lines_opened_by_equals_but_no_pod_commands_is_no_pod_page(tmp_path: Path) -> None:
    # Guard: spreadsheet formulas, a Zim or AsciiDoc heading and a lone "=head1" in a note are no POD page.
    from indexer.pod_text import pod_markdown

    note = "Totals sheet\n\n=SUM(B2:B9) shows 0\n\n=head1 is what the old parser printed\n"
    assert pod_markdown(note) is None
    assert pod_markdown("====== Printers ======\n\n= Title\n\n=cut the paper\n") is None
    assert _read(tmp_path, "totals.txt", note).title == "Totals sheet"


def test_a_symptoms_heading_over_sub_sections_that_are_no_problems_stays_one_problem_s_symptoms(
    tmp_path: Path,
) -> None:
    # Guard: "Problem" over what is seen on each system, then the fix, is one problem's parts; only
    # sub-sections each with their own Symptom and Cause make a "Problems" heading their container.
    page = (
        "# Sync client stops\n\n## Problem\n\n### On Windows\n\nThe tray icon turns grey.\n\n"
        "### On macOS\n\nThe menu bar icon shows a cross.\n\n## Cause\n\nThe token expired.\n\n"
        "## Resolution\n\n1. Sign out.\n2. Sign in again.\n"
    )
    [problem] = _read(tmp_path, "sync.md", page).problems
    assert problem.cause == "The token expired."
    assert [s.text for s in problem.steps] == ["Sign out.", "Sign in again."]


WRAPPED_TECH_NOTE = """\
==========================================================================
  FIELD NOTE FN-2208 -- Access switch uplink problems (SwitchOS 4.2)
==========================================================================

--------------------------------------------------------------------------
1. UPLINK PORT GOES ERR-DISABLED AFTER A FEW MINUTES
--------------------------------------------------------------------------

Symptom: the uplink LED turns amber and traffic stops.

  sw-acc-12# show log | include UDLD
  %UDLD-4-UDLD_PORT_DISABLED: UDLD disabled interface Te1/0/49, aggressive mode failure

Cause: one fibre of the pair is broken or plugged into the wrong port, so the
switch hears its neighbour on one strand only and shuts the link down to
prevent a loop.

Fix:
  a) Check the optics on both ends:
       sw-acc-12# show interface Te1/0/49 transceiver
  b) Swap the patch cords and bring the port back:
       sw-acc-12(config)# interface Te1/0/49
       sw-acc-12(config-if)# shutdown
       sw-acc-12(config-if)# no shutdown
  c) Confirm that "show udld Te1/0/49" says Bidirectional.

--------------------------------------------------------------------------
2. LACP BUNDLE COMES UP WITH ONE MEMBER ONLY
--------------------------------------------------------------------------

Symptom: the port-channel carries half its usual bandwidth.

  sw-acc-12# show log | include LACP
  %LACP-5-SUSPENDED: Te1/0/50 suspended: LACP PDUs not received

Cause: the second member was configured for a different channel group on the
distribution switch.

Fix:
  a) Put the member in the right group:
       sw-dist-01(config-if)# channel-group 12 mode active
  b) Check the bundle:  sw-acc-12# show etherchannel 12 summary

! If the member shows "(I)" instead, it runs as an individual link:
! enable LACP on the peer port first.

--------------------------------------------------------------------------
Questions: netops@example.org
==========================================================================
"""


def test_a_tech_note_s_cause_hard_wrapped_at_its_column_is_whole(tmp_path: Path) -> None:
    """A tech note wrapped at a fixed width goes on with its "Cause:" paragraph on the lines under
    it, not indented: the cause was cut after its first line, the rest read as what is seen."""
    udld, lacp = _read(tmp_path, "fn-2208.txt", WRAPPED_TECH_NOTE).problems
    assert udld.cause == (
        "one fibre of the pair is broken or plugged into the wrong port, so the switch hears its"
        " neighbour on one strand only and shuts the link down to prevent a loop."
    )
    assert lacp.cause == (
        "the second member was configured for a different channel group on the distribution switch."
    )
    assert "distribution switch" not in lacp.symptoms and "prevent a loop" not in udld.symptoms


def test_a_short_cause_line_over_a_sentence_of_its_own_stays_short(tmp_path: Path) -> None:
    """Guard: a cause that is not as long as a wrapped line ends on its line, even with no stop."""
    note = (
        "Printer offline\n\nSymptom: the queue shows Offline.\nCause: spooler stopped\n"
        "The driver update restarts it at night.\n\nResolution:\n1. Start the spooler.\n"
    )
    [problem] = _read(tmp_path, "printer.txt", note).problems
    assert problem.cause == "spooler stopped"


COMMAND_TASK_FAILURES = """# Role troubleshooting

## Config check fails on the validate step

**Symptom**

```
TASK [haproxy : Write haproxy.cfg] *********************************************
fatal: [lb-03]: FAILED! => {"changed": false, "cmd": ["haproxy", "-c", "-f", "/etc/haproxy/haproxy.cfg.tmp"], "msg": "non-zero return code", "rc": 1, "stderr": "haproxy: parsing [/etc/haproxy/haproxy.cfg.tmp:41]: unknown keyword 'timeout-client' in 'defaults' section", "stdout": ""}
```

**Resolution**

1. Fix the keyword in `templates/haproxy.cfg.j2`.

## Module crashes on the target

**Symptom**

```
fatal: [lb-04]: FAILED! => {"changed": false, "module_stderr": "/bin/sh: 1: /usr/bin/python3: not found\\n", "module_stdout": "", "msg": "MODULE FAILURE\\nSee stdout/stderr for the exact error", "rc": 127}
```

**Resolution**

1. Install Python 3 on the host, or set `ansible_python_interpreter`.
"""


def test_a_command_task_s_generic_msg_is_no_error_message_beside_its_stderr(tmp_path: Path) -> None:
    """A failed command task's result says "non-zero return code" (a crashed module's, "MODULE
    FAILURE"), whatever the command: beside what the command wrote to stderr, that "msg" is the
    wrapper of its exit status, and quoted as the problem's message it answered any other failed
    command at medium."""
    problems = _read(tmp_path, "roles.md", COMMAND_TASK_FAILURES).problems
    assert [p.error_messages for p in problems] == [
        [
            "haproxy: parsing [/etc/haproxy/haproxy.cfg.tmp:41]: unknown keyword 'timeout-client' in"
            " 'defaults' section"
        ],
        ["/bin/sh: 1: /usr/bin/python3: not found"],
    ]


def test_a_tech_note_s_sections_framed_by_rules_over_a_logged_line_are_its_problems(tmp_path: Path) -> None:
    """A tech note that frames each section's title between dashed rules and shows the log under the
    device's command that prints it, with no "Symptom:" label: the note was one problem titled by
    its file's name, its sections' titles its steps, and no error message."""
    note = "\n".join(line for line in WRAPPED_TECH_NOTE.split("\n") if not line.startswith("Symptom:"))
    article = _read(tmp_path, "fn-2208.txt", note)
    udld, lacp = article.problems
    assert [udld.title, lacp.title] == [
        "UPLINK PORT GOES ERR-DISABLED AFTER A FEW MINUTES",
        "LACP BUNDLE COMES UP WITH ONE MEMBER ONLY",
    ]
    assert udld.error_messages == [
        "%UDLD-4-UDLD_PORT_DISABLED: UDLD disabled interface Te1/0/49, aggressive mode failure"
    ]
    assert lacp.error_messages == ["%LACP-5-SUSPENDED: Te1/0/50 suspended: LACP PDUs not received"]
    assert lacp.cause == (
        "the second member was configured for a different channel group on the distribution switch."
    )
    assert [s.text.split("\n")[0] for s in udld.steps] == [
        "Check the optics on both ends:",
        "Swap the patch cords and bring the port back:",
        'Confirm that "show udld Te1/0/49" says Bidirectional.',
    ]


def test_a_device_command_s_listing_without_a_logged_line_opens_no_problem(tmp_path: Path) -> None:
    """Guard: a how-to's section over a device command's plain output and a "Cause:" remark is no
    problem: nothing in it was logged as a failure."""
    note = (
        "Checking the uplinks\n====================\n\nTRUNK STATUS\n------------\n\n"
        "  sw-acc-12# show interfaces trunk\n  Te1/0/49  on  802.1q  trunking  1\n\n"
        "Cause: none, this is the expected state.\n\nFix:\n  a) Nothing to do.\n"
    )
    article = _read(tmp_path, "trunks.txt", note)
    assert all(not p.error_messages for p in article.problems)


def test_a_tech_note_s_lettered_steps_keep_their_indented_commands_and_its_remarks_are_notes(
    tmp_path: Path,
) -> None:
    """Under a lettered step, every command indented under its text is the step's: the second was
    the name of a group of steps, and the next step was numbered 1 again. A "!" line, a device
    configuration's remark, after the steps is a note, its lines together: it ran on into the last
    step, its second line lost."""
    udld, lacp = _read(tmp_path, "fn-2208.txt", WRAPPED_TECH_NOTE).problems
    assert [(s.number, s.group, s.text) for s in udld.steps] == [
        ("1", None, "Check the optics on both ends:\nsw-acc-12# show interface Te1/0/49 transceiver"),
        (
            "2",
            None,
            "Swap the patch cords and bring the port back:\nsw-acc-12(config)# interface Te1/0/49\n"
            "sw-acc-12(config-if)# shutdown\nsw-acc-12(config-if)# no shutdown",
        ),
        ("3", None, 'Confirm that "show udld Te1/0/49" says Bidirectional.'),
    ]
    assert [s.text for s in lacp.steps] == [
        "Put the member in the right group:\nsw-dist-01(config-if)# channel-group 12 mode active",
        "Check the bundle:  sw-acc-12# show etherchannel 12 summary",
    ]
    assert [n.text for n in lacp.notes] == [
        '! If the member shows "(I)" instead, it runs as an individual link:'
        " ! enable LACP on the peer port first."
    ]


def test_a_device_remark_inside_the_configuration_a_step_shows_stays_the_step_s(tmp_path: Path) -> None:
    """Guard: "!" lines of the configuration a step shows, indented under it, are that configuration,
    not notes of the fix."""
    note = (
        "Router loses its default route\n\nSymptoms: no traffic leaves the site.\n\nResolution:\n"
        "1. Paste this into the router:\n     ip route 0.0.0.0 0.0.0.0 198.51.100.1\n"
        "     ! keep the floating route as backup\n     ip route 0.0.0.0 0.0.0.0 203.0.113.1 250\n"
        "2. Save the configuration.\n"
    )
    [problem] = _read(tmp_path, "route.txt", note).problems
    assert problem.notes == []
    assert [s.text for s in problem.steps] == [
        "Paste this into the router:\nip route 0.0.0.0 0.0.0.0 198.51.100.1\n! keep the floating route as backup\n"
        "ip route 0.0.0.0 0.0.0.0 203.0.113.1 250",
        "Save the configuration.",
    ]


# IBM i message descriptions as the Display Message Description command shows them (DSPMSGD), saved as
# text: the site's trail over the screen's title and its menu, then a record per message of "label . . :
# value" fields with dot leaders, the text of a field wrapped onto lines indented under its value, a
# Recovery's list by "--" or by numbers, and the screen's own lines at its foot.
IBM_I_MESSAGES = """\
IBM i 7.4 > Database > Messages > CPF50xx

 Display Message Description                              System:   ASPROD02
 Select one of the following:
   1. Display message text
   2. Display field data

 Message ID . . . . . . . . . :   CPF5026
 Message file . . . . . . . . :   QCPFMSG
   Library  . . . . . . . . . :     QSYS

 Message . . . . :   Duplicate key not allowed for member &4.
 Cause . . . . . :   A record with the same key as the record being written
                     already exists in member &4 of file &2 in library &3.
 Recovery  . . . :   Do one of the following and try the request again:
     -- Change the key value of the record being written.
     -- Delete the existing record that has that key.
 Severity  . . . . . . . . . :   30

 Message ID . . . . . . . . . :   CPF5030
 Message file . . . . . . . . :   QCPFMSG
   Library  . . . . . . . . . :     QSYS

 Message . . . . :   Error occurred in trigger program.
 Cause . . . . . :   The trigger program &5 in library &6 ended with an error
                     while the file was being changed.
 Recovery  . . . :   Look at the job log for the messages the trigger
                     program sent, correct the error, and then try the
                     request again.
 Severity  . . . . . . . . . :   30

 Message ID . . . . . . . . . :   CPF9810
 Message file . . . . . . . . :   QCPFMSG
   Library  . . . . . . . . . :     QSYS

 Message . . . . :   Library &1 not found.
 Cause . . . . . :   The library name is not correct, or the library was
                     deleted.
 Recovery  . . . :   Do the following and then try the request again:
     1. Run WRKLIB LIB(&1) to check that the library exists.
     2. If it does not, restore it from the last save with
        RSTLIB SAVLIB(&1) DEV(TAP01).
 Severity  . . . . . . . . . :   40

                                                                  Bottom
 Press Enter to continue.
 F3=Exit   F11=Display message details   F12=Cancel
"""


def _one_line(text: str) -> str:
    return " ".join(text.split())


def test_ibm_i_message_descriptions_are_a_problem_per_message_id(tmp_path: Path) -> None:
    """Read as plain text, the records were one whole-article problem whose steps were the fields, with no
    message, no cause and only the first message's code."""
    article = _read(tmp_path, "cpf50xx.txt", IBM_I_MESSAGES)
    duplicate, trigger, library = article.problems
    assert [p.error_codes for p in article.problems] == [["CPF5026"], ["CPF5030"], ["CPF9810"]]
    assert duplicate.title == "CPF5026: Duplicate key not allowed for member &4."
    assert duplicate.error_messages == ["Duplicate key not allowed for member &4."]
    assert _one_line(duplicate.cause) == (
        "A record with the same key as the record being written already exists in member &4 of file &2 "
        "in library &3."
    )
    assert [s.text for s in duplicate.steps] == [
        "Change the key value of the record being written.",
        "Delete the existing record that has that key.",
    ]
    assert trigger.error_messages == ["Error occurred in trigger program."]
    assert [_one_line(s.text) for s in trigger.steps] == [
        "Look at the job log for the messages the trigger program sent, correct the error, and then try "
        "the request again."
    ]
    assert _one_line(library.cause) == "The library name is not correct, or the library was deleted."
    assert [_one_line(s.text) for s in library.steps] == [
        "Run WRKLIB LIB(&1) to check that the library exists.",
        "If it does not, restore it from the last save with RSTLIB SAVLIB(&1) DEV(TAP01).",
    ]
    # The records' attributes and the screen's title, menu and keys are no part of any problem.
    shown = [p.symptoms for p in article.problems] + [
        t.text for p in article.problems for t in [*p.steps, *p.notes]
    ]
    for furniture in ("Severity", "QCPFMSG", "F3=Exit", "Press Enter", "Display message text", "ASPROD02"):
        assert not any(furniture in text for text in shown), furniture


def test_an_ibm_i_message_id_alone_finds_its_description(tmp_path: Path) -> None:
    folder = tmp_path / "kb"
    folder.mkdir()
    (folder / "cpf50xx.txt").write_text(IBM_I_MESSAGES, encoding="utf-8")
    _found_by_code(folder, tmp_path / "kb.db", [("CPF5030", "cpf50xx#2"), ("CPF9810", "cpf50xx#3")])


def test_dot_leader_fields_without_a_message_id_stay_a_text_article(tmp_path: Path) -> None:
    """Guard: a text article with a form's dot-leader fields but no message description's record is read
    as before, by its labelled parts."""
    page = """\
Label printer stops after 20 labels

 Printer ID . . . . . . . . . :   PRTLBL03
 Location . . . . . . . . . . :   Dock 4

Symptoms: The printer stops after about 20 labels and shows a red light.
Resolution:
1. Clean the print head.
2. Calibrate the label stock from the front panel.
"""
    [problem] = _read(tmp_path, "labels.txt", page).problems
    assert [s.text for s in problem.steps] == [
        "Clean the print head.",
        "Calibrate the label stock from the front panel.",
    ]
    assert problem.symptoms.startswith("The printer stops after about 20 labels")


MYSQL_CLIENT_ERROR = """<html><head><title>Replica refuses new sessions | Cloud help</title></head><body>
<h1>Why can't my reporting job open a session on the read replica?</h1>
<p>The nightly export stops, and the mysql client prints the following error:</p>
<p><code>ERROR 1203 (42000): User etl_export already has more than 'max_user_connections' active connections</code></p>
<h2>Short description</h2>
<p>The export's account opens a session per table and reaches its per-user limit.</p>
<h2>Resolution</h2>
<ol><li>Lower the export's parallel workers to 4.</li><li>Raise the account's limit with ALTER USER and rerun the job.</li></ol>
</body></html>
"""


def test_a_database_client_s_error_number_is_its_code(tmp_path: Path) -> None:
    """MySQL's and MariaDB's client print an error as "ERROR <number> (<SQLSTATE>): <message>": the
    number names the error (what people search for), the state its class. Before, "ERROR" was cut as a
    log's level (as it is from a pasted line too) and the number with it, and only the state was kept,
    so "mysql error 1203" found nothing."""
    folder = tmp_path / "kb"
    folder.mkdir()
    (folder / "replica-sessions.html").write_text(MYSQL_CLIENT_ERROR, encoding="utf-8")
    [problem] = parse_article(MYSQL_CLIENT_ERROR.encode(), "replica-sessions.html").problems
    assert problem.error_messages == [
        "1203 (42000): User etl_export already has more than 'max_user_connections' active connections"
    ]
    # 42000 is a class alone, which thousands of the server's errors share: no code.
    assert problem.error_codes == ["1203"]
    _found_by_code(folder, tmp_path / "index.db", [("mysql error 1203", "replica-sessions#1")])


def test_a_number_before_other_brackets_is_no_client_error_s() -> None:
    """Guard: only a number right before a SQLSTATE in brackets, opening the line, is the client's error's."""
    assert labelled_numbers("3 retries left (db01): connection reset") == []
    assert labelled_numbers("Copied 1203 (42000 bytes): done") == []
    assert labelled_numbers("the 1203 (42000): quota") == []


FIREWALL_BUG_TEXT = """CSCxy40001 - VPN: remote users cannot connect after the image is replaced

Symptom:
New remote-access sessions are refused and the firewall logs:

  %ASA-4-722041: TunnelGroup <RA-VPN> GroupPolicy <GP-Staff> User <jdoe> IP <198.51.100.7> No IPv6 address available for SVC connection

Workaround:
1. Add an IPv6 pool to the group policy.
2. Reconnect the client.
"""


def test_a_firewall_s_syslog_id_with_a_numbered_message_is_a_code(tmp_path: Path) -> None:
    """Firewalls of the same family print their syslog messages as "%ASA-4-722041": a facility, a severity
    and a six-digit message number in place of a mnemonic. Engineers search by that ID; before, only a
    mnemonic in letters ("%LINK-3-UPDOWN") was a code, and "%ASA-4-722041" alone found nothing."""
    folder = tmp_path / "kb"
    folder.mkdir()
    (folder / "cscxy40001.txt").write_text(FIREWALL_BUG_TEXT, encoding="utf-8")
    [problem] = _read(tmp_path, "cscxy40001.txt", FIREWALL_BUG_TEXT).problems
    assert problem.error_codes == ["ASA-4-722041"]
    _found_by_code(
        folder, tmp_path / "index.db", [("%ASA-4-722041", "cscxy40001#1"), ("ASA-4-722041", "cscxy40001#1")]
    )


ABAP_DUMP_NOTE = """<html><body>
<h1>3100234 - Delivery print program terminates during output processing</h1>
<h3>Symptom</h3>
<p>Printing a delivery note from VL02N terminates with the runtime error OBJECTS_OBJREF_NOT_ASSIGNED.</p>
<p>Transaction ST22 shows:</p>
<pre>Runtime Errors         OBJECTS_OBJREF_NOT_ASSIGNED
Exception              CX_SY_REF_IS_INITIAL</pre>
<h3>Other Terms</h3>
<p>OBJECTS_OBJREF_NOT_ASSIGNED, VL02N, NAST, output determination</p>
<h3>Reason and Prerequisites</h3>
<p>The output type calls the form routine before the layout object is created.</p>
<h3>Solution</h3>
<ol><li>Implement the correction instructions of this note.</li><li>Repeat the output from VL02N.</li></ol>
</body></html>
"""


def test_an_abap_runtime_error_s_name_is_a_code(tmp_path: Path) -> None:
    """An ABAP program's short dump is named by its runtime error, an identifier in capitals that ST22
    prints after "Runtime Errors" and a note names as "the runtime error …": the name users copy.
    Before, only such a name worded as a failure ("…_FAILED") was a code, and this one found nothing."""
    folder = tmp_path / "kb"
    folder.mkdir()
    (folder / "3100234.html").write_text(ABAP_DUMP_NOTE, encoding="utf-8")
    [problem] = parse_article(ABAP_DUMP_NOTE.encode(), "3100234.html").problems
    assert problem.error_codes == ["OBJECTS_OBJREF_NOT_ASSIGNED"]
    assert problem.cause == "The output type calls the form routine before the layout object is created."
    assert [s.text for s in problem.steps] == [
        "Implement the correction instructions of this note.",
        "Repeat the output from VL02N.",
    ]
    _found_by_code(
        folder,
        tmp_path / "index.db",
        [
            ("OBJECTS_OBJREF_NOT_ASSIGNED", "3100234#1"),
            ("Runtime Errors         OBJECTS_OBJREF_NOT_ASSIGNED", "3100234#1"),
        ],
    )


POST_ERROR_ADVISORY = """<html><body>
<h1>Advisory: Rack Servers - Boot Stops With a Storage Controller POST Error After a BIOS Update</h1>
<h2>DESCRIPTION</h2>
<p>After the system BIOS is updated, the server stops at the following POST error message during boot:</p>
<pre>1727-Slot 3 Drive Array - New Logical Drive(s) Attachment Detected</pre>
<h2>SCOPE</h2>
<p>Any rack server with an embedded storage controller.</p>
<h2>RESOLUTION</h2>
<ol><li>Press F1 to continue the boot.</li><li>Update the storage controller firmware to 7.10.</li></ol>
</body></html>
"""


def test_a_post_message_s_number_joined_to_its_text_is_its_code(tmp_path: Path) -> None:
    """A server's POST and IML messages are printed "<number>-<Text>" ("1727-Slot 3 Drive Array - …"):
    the number names the message, and "POST error 1727" is how people ask. Before, the problem had no
    code, and that query found nothing."""
    folder = tmp_path / "kb"
    folder.mkdir()
    (folder / "post-1727.html").write_text(POST_ERROR_ADVISORY, encoding="utf-8")
    [problem] = parse_article(POST_ERROR_ADVISORY.encode(), "post-1727.html").problems
    assert problem.error_messages == ["1727-Slot 3 Drive Array - New Logical Drive(s) Attachment Detected"]
    assert problem.error_codes == ["1727"]
    _found_by_code(folder, tmp_path / "index.db", [("POST error 1727", "post-1727#1")])


def test_a_message_opening_with_a_date_or_a_range_gives_no_number(tmp_path: Path) -> None:
    """Guard: a message that opens with a date, or a number joined to another, is no "<number>-<Text>"."""
    text = (
        "# Nightly export fails\n\n## Symptoms\n\nThe export log shows:\n\n"
        "```\n2024-Jan-15 export aborted: disk full\n```\n\n"
        "The console shows:\n\n```\n1200-1300 Blocks skipped: checksum mismatch\n```\n\n"
        "## Resolution\n\n1. Free space on the export volume.\n"
    )
    [problem] = _read(tmp_path, "export.md", text).problems
    assert len(problem.error_messages) == 2
    assert problem.error_codes == []


ALARM_REFERENCE = """<html><body>
<h1>ALM-25880 Ethernet Link Abnormal</h1>
<h2>Description</h2>
<p>This alarm is reported when the Ethernet port of the baseband board has no link for 10 seconds.</p>
<h2>Alarm Attributes</h2>
<table><tr><th>Alarm ID</th><th>Alarm Severity</th><th>Alarm Type</th></tr>
<tr><td>25880</td><td>Major</td><td>Communication alarm</td></tr></table>
<h2>Procedure</h2>
<ol><li>Check that the transmission cable is connected to the port.</li><li>Replace the cable.</li></ol>
</body></html>
"""


def test_an_alarm_s_number_that_alarm_labels_names_its_code(tmp_path: Path) -> None:
    """An alarm reference titles an alarm "ALM-25880"; the network manager's alarm list shows it as
    "Alarm ID 25880", which is how people ask. Before, only "ALM-25880" found it."""
    folder = tmp_path / "kb"
    folder.mkdir()
    (folder / "alm-25880.html").write_text(ALARM_REFERENCE, encoding="utf-8")
    [problem] = parse_article(ALARM_REFERENCE.encode(), "alm-25880.html").problems
    assert problem.error_codes == ["ALM25880"]
    _found_by_code(
        folder,
        tmp_path / "index.db",
        [
            ("Alarm ID 25880", "alm-25880#1"),
            ("alarm 25880 on site 14", "alm-25880#1"),
            ("ALM-25880", "alm-25880#1"),
        ],
    )


MESSAGE_TEMPLATE_ENTRIES = """<html><body>
<h1>IEC130I</h1>
<pre>IEC130I ddname DD STATEMENT MISSING</pre>
<h2>Explanation</h2>
<p>The program opened a data set whose DD statement is not in the job step.</p>
<h2>Programmer response</h2>
<p>Add the DD statement to the step and resubmit the job.</p>
<h1>IEC143I</h1>
<pre>IEC143I 213-rc,mod,jjj,sss,ddname,dev,ser,dsname</pre>
<h2>Explanation</h2>
<p>The data set named on the DD statement was not found on the volume (return code 04).</p>
<h2>Programmer response</h2>
<p>Correct the volume serial on the DD statement, or catalog the data set, and resubmit the job.</p>
</body></html>
"""


def test_a_console_message_with_its_values_is_the_message_its_id_names(tmp_path: Path) -> None:
    """A message manual gives a message's values as a template ("213-rc,mod,jjj,sss,ddname,dev,ser,
    dsname"); the console prints them ("213-04,IFG0194A,PAYJOB,STEP1,INFILE,0B21,PRD001,PAY.DATA"). The
    line is that message, which its ID names: before, its values (a volume serial "PRD001" read as one
    more code) left it a "low" match."""
    folder = tmp_path / "kb"
    folder.mkdir()
    (folder / "iec-messages.html").write_text(MESSAGE_TEMPLATE_ENTRIES, encoding="utf-8")
    build_index([folder], tmp_path / "index.db")
    pasted = "IEC143I 213-04,IFG0194A,PAYJOB,STEP1,INFILE,0B21,PRD001,PAY.DATA"
    result = match(KnowledgeBase(tmp_path / "index.db"), pasted)
    assert result.matches[0].problem.id == "iec-messages#2"
    assert result.matches[0].confidence == "high"
    assert error_codes(pasted) == ["IEC143I"]


def test_codes_in_a_list_parted_by_spaces_or_fields_of_settings_are_still_read() -> None:
    """Guard: only fields joined by commas alone, four or more, are one occurrence's values."""
    assert error_codes("Retry after ORA-12154, ORA-12514, ORA-12541 or ORA-12560") == [
        "ORA12154",
        "ORA12514",
        "ORA12541",
        "ORA12560",
    ]
    assert error_codes("failed: ORA-12154,ORA-12514,ORA-12541,ORA-12560") == [
        "ORA12154",
        "ORA12514",
        "ORA12541",
        "ORA12560",
    ]
    assert error_codes("volume PRD001 is offline") == ["PRD001"]


def test_codes_in_a_row_of_comma_separated_values_are_still_read() -> None:
    """Guard: only values after the code or ID of the message they belong to are one occurrence's; a row
    of a CSV-exported log or table opens with no such ID, and its codes were lost."""
    assert error_codes("2024-03-01T10:00:00Z,ERROR,DB-1045,connection_lost") == ["DB1045"]
    assert error_codes("ERR-401,Unauthorized,auth,retry") == ["ERR401"]


def test_codes_among_many_records_of_values_are_read_in_linear_time() -> None:
    """Each code is looked up among the records of values by their starts, not against every record: a
    log of 12 000 console messages with their values, a code among them, cost seconds when each code was
    compared with all the records."""
    rows = "IEC141I 013-18,ORA-12154,PAYJOB,STEP02\n" * 12_000
    with cpu_budget(1.5):
        assert error_codes(rows) == ["IEC141I"]


# A Redmine issue saved as text: the tracker and number over the subject, who added it and when, the
# attribute table in two columns, "Description" over the Textile body, then the History journal of changes.
REDMINE_ISSUE = """Defect #4471
Nightly export stops with "ORA-01555: snapshot too old"

Added by Mara Lindqvist over 2 years ago. Updated about 1 year ago.

Status:        Resolved              Start date:       2023-04-11
Priority:      Urgent                Due date:
Assignee:      Pavel Dvorak          % Done:           100%

Description

h2. Problem

The export job fails after about 40 minutes with:

bc. ORA-01555: snapshot too old: rollback segment number 12 with name "_SYSSMU12$" too small

h2. Solution

# Raise UNDO_RETENTION to 7200.
# Start the export again.

History

#1 Updated by Pavel Dvorak about 1 year ago

* Status changed from New to Resolved
* % Done changed from 0 to 100

Raised the retention on the primary.
"""


def test_a_redmine_issue_s_header_is_its_title_and_record_not_symptoms(tmp_path: Path) -> None:
    """The subject under "Defect #4471" is the title; who added the issue, its attribute table and the
    "Description" label were the symptoms' first lines (and the title the file's name)."""
    article = _read(tmp_path, "redmine.txt", REDMINE_ISSUE)
    [problem] = article.problems
    assert problem.title == 'Nightly export stops with "ORA-01555: snapshot too old"'
    assert problem.symptoms.startswith("The export job fails after about 40 minutes with:")
    assert "Pavel Dvorak" not in problem.symptoms
    assert "Urgent" in article.body


def test_a_redmine_issue_s_journal_is_no_step(tmp_path: Path) -> None:
    """The History journal's entries and property changes ("Status changed from New to Resolved") were
    steps after the fix, one of them empty; the fix is the Solution's items, the journal the page's."""
    [problem] = _read(tmp_path, "redmine.txt", REDMINE_ISSUE).problems
    assert [s.text for s in problem.steps] == ["Raise UNDO_RETENTION to 7200.", "Start the export again."]
    assert problem.notes == []


def test_a_textile_page_without_an_issue_header_keeps_its_items(tmp_path: Path) -> None:
    """Guard: a Textile page that opens with no tracker's number keeps a "History" line and "#" items as
    written."""
    page = REDMINE_ISSUE.split("Description\n\n", 1)[1].replace("#1 Updated by", "# Updated by")
    [problem] = _read(tmp_path, "wiki.txt", page).problems
    assert "Updated by Pavel Dvorak about 1 year ago" in [s.text for s in problem.steps]


def test_a_redmine_issue_copied_without_its_record_still_has_its_journal_read_as_such(tmp_path: Path) -> None:
    """A copy of the issue without the "Added by" line and the attributes: the subject is still the title,
    and the journal still no steps."""
    head, rest = REDMINE_ISSUE.split("Description\n\n", 1)
    [problem] = _read(tmp_path, "redmine.txt", "\n".join(head.split("\n")[:2]) + "\n\n" + rest).problems
    assert problem.title == 'Nightly export stops with "ORA-01555: snapshot too old"'
    assert [s.text for s in problem.steps] == ["Raise UNDO_RETENTION to 7200.", "Start the export again."]


ZOS_DECISION_ENTRY = """IEF238D    jobname - REPLY DEVICE NAME OR 'CANCEL'.

Explanation

The job needs a device for a data set that is not mounted, and the system
asks the operator which device to allocate.

System action

The job waits for the operator's reply.

Operator response

Reply with the name of an online device that can hold the volume, or reply
CANCEL to end the job.
"""


def test_a_z_os_decision_message_s_id_ending_in_d_is_its_code(tmp_path: Path) -> None:
    """A decision message waits for an operator's reply and ends in "D": its ID was no code, so the console
    line an operator pastes, reply ID and all, was matched by its words alone."""
    folder = tmp_path / "kb"
    folder.mkdir()
    (folder / "ief238d.txt").write_text(ZOS_DECISION_ENTRY, encoding="utf-8")
    (problem,) = _read(tmp_path, "ief238d.txt", ZOS_DECISION_ENTRY).problems
    assert problem.error_codes == ["IEF238D"]
    _found_by_code(
        folder,
        tmp_path / "kb.db",
        [("*07 IEF238D PAYROLL1 - REPLY DEVICE NAME OR 'CANCEL'.", "ief238d#1"), ("IEF238D", "ief238d#1")],
    )


IBM_I_HEX_MESSAGES = """\
 Message ID . . . . . . . . . :   CPF502B
 Message file . . . . . . . . :   QCPFMSG
   Library  . . . . . . . . . :     QSYS

 Message . . . . :   Error occurred in trigger program.
 Cause . . . . . :   The trigger program for file &2 in library &3 ended
                     abnormally.
 Recovery  . . . :   See the previously listed messages in the job log, correct
                     the trigger program, and then try the request again.
 Severity  . . . . . . . . . :   30

 Message ID . . . . . . . . . :   CPFA0D4
 Message file . . . . . . . . :   QCPFMSG
   Library  . . . . . . . . . :     QSYS

 Message . . . . :   File system error occurred. Error number &1.
 Cause . . . . . :   The integrated file system returned error number &1.
 Recovery  . . . :   Look up the error number with WRKMSGD and correct the
                     condition it names, then try the request again.
 Severity  . . . . . . . . . :   40
"""


def test_an_ibm_i_message_id_with_hexadecimal_letters_is_its_code(tmp_path: Path) -> None:
    """IBM i numbers its messages in hexadecimal: "CPF502B" and "CPFA0D4" were no codes, so the ID alone
    found nothing and the two entries were told apart only by their words."""
    article = _read(tmp_path, "cpf.txt", IBM_I_HEX_MESSAGES)
    assert [p.error_codes for p in article.problems] == [["CPF502B"], ["CPFA0D4"]]
    assert [p.error_messages for p in article.problems] == [
        ["Error occurred in trigger program."],
        ["File system error occurred. Error number &1."],
    ]
    folder = tmp_path / "kb"
    folder.mkdir()
    (folder / "cpf.txt").write_text(IBM_I_HEX_MESSAGES, encoding="utf-8")
    _found_by_code(
        folder,
        tmp_path / "kb.db",
        [
            ("CPF502B", "cpf#1"),
            ("CPFA0D4    Escape    40   03/11/26  10:02:11  QP0LCHK", "cpf#2"),
            # A message pasted as sent, its variables' values in place of &1, &2 …
            ("Message ID: CPFA0D4. File system error occurred. Error number 3021.", "cpf#2"),
        ],
    )


def test_a_vms_condition_message_s_id_is_its_code(tmp_path: Path) -> None:
    """The %FACILITY-L-IDENT that opens a VMS message names the condition: it was no code, so neither the
    message nor its ID alone was answered by it."""
    article = _read(tmp_path, "mount.txt", VMS_HELP_LIBRARY)
    assert [p.error_codes for p in article.problems] == [["MOUNT-F-NOSUCHDEV"], ["MOUNT-W-VOLINV"]]
    folder = tmp_path / "kb"
    folder.mkdir()
    (folder / "mount.txt").write_text(VMS_HELP_LIBRARY, encoding="utf-8")
    _found_by_code(
        folder,
        tmp_path / "kb.db",
        [
            ("%MOUNT-W-VOLINV, volume is not software enabled", "mount#2"),
            ("MOUNT-F-NOSUCHDEV", "mount#1"),
            ("$ MOUNT DKA300: USERDISK\n%MOUNT-F-NOSUCHDEV, no such device available", "mount#1"),
        ],
    )


BUG_RECORD_CLIENT_TEXT = """CSCwm20411 - ISE: guest portal login fails after patch 3
Symptom:
Guest users cannot finish the portal login. The browser displays:

  The sponsor account for this guest could not be verified.

and "show logging application ise-psc.log tail" on the node shows:

  %ISE-4-5411: Supplicant stopped responding to ISE

Conditions:
- Portal configured with "guest sponsor-approval required"

Workaround:
1. Approve the guest from the sponsor portal.
2. Ask the guest to sign in again.
"""


def test_a_bug_record_s_quoted_client_text_that_could_not_do_something_is_an_error_message(
    tmp_path: Path,
) -> None:
    """The text a client displays, "… could not be verified.", was no error message ("could not" was no
    word of failure where "couldn't" was), so the user's own paste found the problem by its words alone."""
    (problem,) = _read(tmp_path, "cscwm20411.txt", BUG_RECORD_CLIENT_TEXT).problems
    assert problem.error_messages == [
        "The sponsor account for this guest could not be verified.",
        "%ISE-4-5411: Supplicant stopped responding to ISE",
    ]
    assert [s.text for s in problem.steps] == [
        "Approve the guest from the sponsor portal.",
        "Ask the guest to sign in again.",
    ]
    # Guard: the command that shows the log and the configuration line of its conditions stay no messages.
    assert not any("show logging" in m or "sponsor-approval" in m for m in problem.error_messages)


VMS_BACKUP_MESSAGES = """1 BACKUP
  Invokes the Backup utility to save or restore files.

2 Troubleshooting

3 %BACKUP-F-WRITEERR
    %BACKUP-F-WRITEERR, error writing MUA0:[000000]NIGHTLY.BCK;

  Explanation:  The tape drive reported an error while BACKUP wrote the
                save set.

  User Action:  Clean the drive heads and retry with a new tape.
"""


def test_a_vms_file_specification_s_device_is_no_code(tmp_path: Path) -> None:
    """In a VMS file specification ("MKA500:[000000]DAILY.BCK") the name before ":[" is a device: it was
    read as a code of the message, the same in every message about that tape."""
    (problem,) = _read(tmp_path, "backup.txt", VMS_BACKUP_MESSAGES.replace("MUA0", "MKA500")).problems
    assert problem.error_codes == ["BACKUP-F-WRITEERR"]
    # Guard: a code before a colon and a bracketed detail that is no directory stays a code.
    assert error_codes("ORA-12154: TNS:could not resolve the connect identifier [ORCL]") == ["ORA12154"]


def test_a_vms_condition_name_pasted_alone_is_not_read_as_url_encoded(tmp_path: Path) -> None:
    """ "%BA" of "%BACKUP-F-WRITEERR" was decoded as a URL's escaped byte, so the name pasted alone was
    garbled and found nothing; a network device's "%CDP-4-…" was garbled alike."""
    folder = tmp_path / "kb"
    folder.mkdir()
    (folder / "backup.txt").write_text(VMS_BACKUP_MESSAGES, encoding="utf-8")
    _found_by_code(folder, tmp_path / "kb.db", [("%BACKUP-F-WRITEERR", "backup#1")])
    assert prepare("%CDP-4-DUPLEX_MISMATCH: duplex mismatch discovered on Gi1/0/1").codes == [
        "CDP-4-DUPLEX_MISMATCH"
    ]
    # Guard: a redirect's URL-encoded description is still decoded.
    assert prepare("error_description=AADSTS50011%3A+The+redirect+URI").parts == [
        "error_description=AADSTS50011: The redirect URI"
    ]
    # And where the paste holds another escape, the name's "%" is kept as the rest is decoded.
    assert prepare("%BACKUP-F-WRITEERR, error writing; see wiki?q=tape%20full").codes == ["BACKUP-F-WRITEERR"]


# An operations runbook kept as plain text: ALL-CAPS headings, "PROBLEM n - …" per problem, and
# "Step n:" lines with the settings or commands a step needs indented under it.
CAPS_RUNBOOK = """RUNBOOK: NIGHTLY BACKUP FAILURES

PROBLEM 1 - BACKUP JOB STALLS AT 0%

SYMPTOMS
The scheduler console shows:

    Media server unreachable: no route to storage unit (BKP_MEDIA_TIMEOUT)

RESOLUTION
Step 1: Check that the media server answers ping from the master.
Step 2: In the scheduler, edit the job's storage settings:

    Storage unit: disk-pool-02
    Retries: 3

Step 3: Run the job again from the console.
Step 4: If it stalls again, page the storage on-call.

PROBLEM 2 - CATALOG VOLUME FULL

SYMPTOMS
Backups end with status 84 and the catalog volume is at 100%.

RESOLUTION
Step 1: Expire the images older than 90 days.
Step 2: Compact the catalog.
"""


def test_settings_indented_under_a_runbook_step_are_that_step_s_and_the_steps_go_on(tmp_path: Path) -> None:
    """The "Storage unit:" and "Retries:" lines indented under step 2 read as the record's fields after the
    fix: they and steps 3 and 4 were lost."""
    stalls, full = _read(tmp_path, "backup-runbook.txt", CAPS_RUNBOOK).problems
    assert [(s.number, s.text) for s in stalls.steps] == [
        ("1", "Check that the media server answers ping from the master."),
        ("2", "In the scheduler, edit the job's storage settings:\nStorage unit: disk-pool-02\nRetries: 3"),
        ("3", "Run the job again from the console."),
        ("4", "If it stalls again, page the storage on-call."),
    ]
    assert [s.text for s in full.steps] == ["Expire the images older than 90 days.", "Compact the catalog."]


def test_a_record_s_fields_at_the_margin_after_a_step_s_lead_in_still_end_the_fix(tmp_path: Path) -> None:
    """Guard: fields at the margin after a fix whose last step ends in ":" are the record's, not the step's."""
    text = (
        "Symptoms: The export stops at 40%.\n\nResolution:\n1. Raise the timeout:\n\n"
        "Closed: 2024-05-13 11:47:02\nClose notes: Raised the timeout.\n"
    )
    article = _read(tmp_path, "ticket.txt", text)
    [problem] = article.problems
    assert "Closed: 2024-05-13 11:47:02" in article.body
    assert all("Closed" not in s.text for s in problem.steps)


def test_a_runbook_s_contacts_section_after_the_last_fix_is_the_page_s_not_steps(tmp_path: Path) -> None:
    """An ESCALATION section of "who: how to reach them" lines after the last problem named a group of
    steps ("Storage on-call: …") whose step was the pager's address."""
    text = (
        CAPS_RUNBOOK + "\nESCALATION\nStorage on-call: +1 555 0100\nPager: storage-oncall@pager.example.org\n"
    )
    article = _read(tmp_path, "backup-runbook.txt", text)
    _, full = article.problems
    assert [(s.group, s.text) for s in full.steps] == [
        (None, "Expire the images older than 90 days."),
        (None, "Compact the catalog."),
    ]
    assert full.notes == []
    assert "Pager: storage-oncall@pager.example.org" in article.body


def test_a_capitals_heading_over_labelled_steps_after_the_fix_still_names_their_group(tmp_path: Path) -> None:
    """Guard: "Windows: restart …" lines say what to do on each system: steps, not whom to call."""
    text = (
        CAPS_RUNBOOK + "\nIF THE QUEUE STAYS STUCK\nWindows: restart the Print Spooler service\n"
        "Linux: run systemctl restart cups\n"
    )
    article = _read(tmp_path, "backup-runbook.txt", text)
    _, full = article.problems
    said = " ".join(f"{s.group} {s.text}" for s in full.steps)
    assert "Windows: restart the Print Spooler service" in said
    assert "Linux: run systemctl restart cups" in said
    assert "Print Spooler" not in article.body


def test_a_capitals_heading_over_what_to_do_after_the_steps_still_names_their_group(tmp_path: Path) -> None:
    """Guard: under the same heading, a line that says what to do (not a "who: how" line) stays a step."""
    text = CAPS_RUNBOOK + "\nESCALATION\nPage the storage on-call and attach the job log.\n"
    _, full = _read(tmp_path, "backup-runbook.txt", text).problems
    assert [(s.group, s.text) for s in full.steps][2:] == [
        ("ESCALATION", "Page the storage on-call and attach the job log.")
    ]


def test_a_line_indented_under_what_a_runbook_s_symptoms_say_a_log_shows_is_the_message(
    tmp_path: Path,
) -> None:
    """The line the job log "says", set apart under it as a code block sets it apart in Markdown, is the
    error message by where it stands, though its words name no failure; it was only symptoms."""
    said = "Image cleanup skipped: catalog lock held by nbdb (CAT_LOCK_HELD)"
    text = CAPS_RUNBOOK.replace(
        "Backups end with status 84 and the catalog volume is at 100%.\n",
        f"The catalog job log says:\n\n    {said}\n\nAffected media servers:\n\n    bkp-media-01\n",
    )
    stalls, full = _read(tmp_path, "backup-runbook.txt", text).problems
    assert full.error_messages == [said]
    assert stalls.error_messages == ["Media server unreachable: no route to storage unit (BKP_MEDIA_TIMEOUT)"]
    # Guard: what a line that announces no output sets apart under it ("Affected media servers:") is none.
    assert "bkp-media-01" in full.symptoms


def test_output_shown_under_a_runbook_s_symptoms_that_reports_no_failure_is_no_message(
    tmp_path: Path,
) -> None:
    # Guard: a table of healthy nodes a command shows is what the reader checks, not the error.
    text = CAPS_RUNBOOK.replace(
        "Backups end with status 84 and the catalog volume is at 100%.\n",
        "Backups end with status 84. kubectl get nodes shows:\n\n    bkp-node-01   Ready   control-plane   41d\n\n",
    )
    _, full = _read(tmp_path, "backup-runbook.txt", text).problems
    assert full.error_messages == []


def test_a_runbook_s_first_line_in_capitals_titles_it_and_problem_numbers_leave_the_titles(
    tmp_path: Path,
) -> None:
    """ "RUNBOOK: …" was read as a label, so the first problem's heading titled the page, its "PROBLEM 1 -"
    kept; with one problem under it as well."""
    article = _read(tmp_path, "backup-runbook.txt", CAPS_RUNBOOK)
    assert article.title == "RUNBOOK: NIGHTLY BACKUP FAILURES"
    assert [p.title for p in article.problems] == ["BACKUP JOB STALLS AT 0%", "CATALOG VOLUME FULL"]
    assert [p.line for p in article.problems] == [3, 20]
    single = _read(tmp_path, "single.txt", CAPS_RUNBOOK.split("\nPROBLEM 2")[0])
    assert (single.title, single.problems[0].title) == (
        "RUNBOOK: NIGHTLY BACKUP FAILURES",
        "BACKUP JOB STALLS AT 0%",
    )


def test_a_single_problem_s_own_heading_first_still_titles_the_page(tmp_path: Path) -> None:
    """Guard: a first line that heads the problem itself, or one not in capitals over a problem with a
    heading of its own, leaves the problem's title the page's."""
    body = CAPS_RUNBOOK.split("\nPROBLEM 2")[0].split("\n", 2)[2]
    own = _read(tmp_path, "own.txt", body)
    assert (own.title, own.problems[0].title) == ("BACKUP JOB STALLS AT 0%", "BACKUP JOB STALLS AT 0%")
    plain = _read(tmp_path, "plain.txt", "Backup notes\n\n" + body)
    assert plain.title == "BACKUP JOB STALLS AT 0%"
    # Nor does a marking in capitals that names no kind of page over one problem.
    marked = _read(tmp_path, "marked.txt", "INTERNAL USE ONLY\n\n" + body.replace("PROBLEM 1 - ", ""))
    assert marked.title == "BACKUP JOB STALLS AT 0%"


# A MoinMoin page: its processing instructions and the wiki's "##" comments over its "= Title =", items
# indented by a space (deeper ones by more), and its categories under the last rule.
MOIN_PAGE = """#format wiki
#language en
## page was renamed from PrinterIssues
= Print server problems =

== Jobs stay queued ==
=== Symptoms ===
{{{
spoolsv: job 212 held: printer PRN-07 offline (0x00000709)
}}}
=== Resolution ===
 1. Set PRN-07 online in Print Management.
 1. Resume job 212.

== Driver install fails ==
=== Resolution ===
 1. Download the signed driver package.
  * for the 64-bit hosts use the x64 package
  * for the old 32-bit hosts use the x86 package
 1. Install it from Print Management.

----
CategoryPrinting CategoryWindows
"""


def test_a_moin_page_s_header_lines_are_no_headings_and_its_title_is_its_first_heading(
    tmp_path: Path,
) -> None:
    """The "##" comment read as a level-2 heading: the "= Title =" was lost as the page's title, and the
    items under the resolution were flattened."""
    article = _read(tmp_path, "PrintServer.txt", MOIN_PAGE)
    assert article.title == "Print server problems"
    assert all("renamed" not in p.title for p in article.problems)
    queued, driver = article.problems
    assert queued.title == "Jobs stay queued"
    assert [(s.number, s.text) for s in driver.steps] == [
        ("1", "Download the signed driver package."),
        ("1.1", "for the 64-bit hosts use the x64 package"),
        ("1.2", "for the old 32-bit hosts use the x86 package"),
        ("2", "Install it from Print Management."),
    ]


def test_a_moin_page_s_categories_under_its_last_rule_are_no_note(tmp_path: Path) -> None:
    """ "CategoryPrinting CategoryWindows" under the last "----" was a note after the last fix's steps."""
    _, driver = _read(tmp_path, "PrintServer.txt", MOIN_PAGE).problems
    assert driver.notes == []
    assert "CategoryPrinting" not in driver.body


def test_text_under_a_wiki_page_s_last_rule_that_is_no_category_stays(tmp_path: Path) -> None:
    """Guard: a sentence under the last rule is the page's text as before, whatever its first word."""
    page = MOIN_PAGE.replace("CategoryPrinting CategoryWindows", "Category pages list every printer model.")
    _, driver = _read(tmp_path, "PrintServer.txt", page).problems
    assert "Category pages list every printer model." in [n.text for n in driver.notes] + [driver.body]
