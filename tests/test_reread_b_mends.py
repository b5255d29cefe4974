"""Shapes the re-read of the last reader commits (B) found misread: a known-errors page of folds titled
by their errors after a checklist, a fix that only embeds another note, a past-tense list of what was
done in a write-up, and the Logseq, Nextra and front-matter details beside them.

Each test writes a small article of its own in one style, finds it as `kb index` does and reads it
with the real indexer; a guard beside each keeps the nearest shape read as before.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from test_house_styles import read

from indexer.errors import ArticleError

# A known-errors page: a checklist, then one fold per error, titled by its code and message.
KNOWN_ERRORS = """\
# Backup agent: known errors

Before you look up an error, make sure that:

- the agent is version 5.1 or later
- the backup share is reachable from the server

<details>
<summary><code>BKA-2201: destination full</code></summary>

The backup share has no free space left for the next full backup. Its owner can free space or extend the share.

</details>

<details>
<summary><code>BKA-2207: credentials rejected</code></summary>

The service account's password changed after the job was set up, so the share refuses it.

</details>
"""


def test_folds_titled_by_error_codes_after_a_checklist_are_problems(tmp_path: Path) -> None:
    """Each fold after the page's checklist names an error by its code: a problem of its own with that
    code, not a note of the checklist read as the page's only fix."""
    article = read(tmp_path / "kb", "backup-errors.md", KNOWN_ERRORS)
    titles = [p.title for p in article.problems]
    assert "BKA-2201: destination full" in titles
    assert "BKA-2207: credentials rejected" in titles
    by_title = {p.title: p for p in article.problems}
    assert by_title["BKA-2201: destination full"].error_codes == ["BKA2201"]
    assert by_title["BKA-2207: credentials rejected"].error_codes == ["BKA2207"]
    assert not any("BKA-2201" in n.text for p in article.problems for n in p.notes)


# Guard: a fold of plain detail after a fix's numbered steps stays a note of the fix.
DETAIL_AFTER_STEPS = """\
# Mail relay rejects large attachments

## Messages bounce with "552 message size exceeds limit"

Senders get a bounce that says `552 message size exceeds limit`.

1. Raise `message_size_limit` in the relay's configuration to 50 MB.
2. Reload the relay.

<details>
<summary>How the limit is counted</summary>

The relay counts the encoded size of a message, which is about a third larger than its attachments.

</details>
"""


def test_a_plain_fold_after_numbered_steps_is_still_a_note(tmp_path: Path) -> None:
    """A fold titled by no error, telling nothing to do, after numbered steps: a note after them."""
    article = read(tmp_path / "kb", "relay.md", DETAIL_AFTER_STEPS)
    [problem] = article.problems
    assert [s.text for s in problem.steps] == [
        "Raise message_size_limit in the relay's configuration to 50 MB.",
        "Reload the relay.",
    ]
    assert [(n.text, n.after) for n in problem.notes] == [
        ("How the limit is counted", True),
        (
            "The relay counts the encoded size of a message, which is about a third larger than its attachments.",
            True,
        ),
    ]


# A Dendron note: one problem's fix only embeds the note that holds the procedure.
EMBEDDED_FIX = """\
---
id: m3k8q1z5x7c2v9b4n6t0pla
title: Print queue failures
desc: Fixes for the shared print queues
---

## "Spooler stopped" alert

#### Symptoms

- The queue page shows `Spooler stopped: spoolsv.exe exited with code 0xC0000005`.

#### Fix

![[it.print.spooler-basics#restart-the-spooler]]

## Jobs stay "Pending"

#### Symptoms

- New jobs wait in the queue as Pending and never print.

#### Fix

- Remove the stuck job at the top of the queue.

![[it.print.spooler-basics#queue-limits]]
"""


def test_a_fix_that_only_embeds_another_note_keeps_its_problem(tmp_path: Path) -> None:
    """``#### Fix`` holding only ``![[…#restart-the-spooler]]``: the problem stays, its one step pointing
    to the procedure; as page metadata the problem had no fix and was lost."""
    article = read(tmp_path / "notes", "it.print.queue-failures.md", EMBEDDED_FIX)
    assert [p.title for p in article.problems] == ['"Spooler stopped" alert', 'Jobs stay "Pending"']
    spooler = article.problems[0]
    assert spooler.error_messages == ["Spooler stopped: spoolsv.exe exited with code 0xC0000005"]
    assert len(spooler.steps) == 1
    assert "it.print.spooler-basics#restart-the-spooler" in spooler.steps[0].text


def test_an_embed_after_a_fix_s_steps_is_still_page_metadata(tmp_path: Path) -> None:
    """Guard: an embed after a part's own steps is still the page's, no note of the fix."""
    article = read(tmp_path / "notes", "it.print.queue-failures.md", EMBEDDED_FIX)
    [pending] = [p for p in article.problems if p.title == 'Jobs stay "Pending"']
    assert [s.text for s in pending.steps] == ["Remove the stuck job at the top of the queue."]
    assert pending.notes == []
    assert "it.print.spooler-basics#queue-limits" in article.body


# An incident write-up: what was done, in the past tense with the time of day.
WRITE_UP = """\
# Login page shows "invalid_grant"

Users see `invalid_grant: the refresh token has expired` when they sign in.

## What we changed

- The on-call engineer changed the client secret in the identity provider at 09:40
- Platform then updated the secret in the login service's vault entry at 09:55
"""


def test_a_write_up_s_timed_actions_are_the_fix_not_an_activity_log(tmp_path: Path) -> None:
    """Past-tense actions with a bare time of day are what fixed the problem, not a board's log."""
    [problem] = read(tmp_path / "kb", "login-invalid-grant.md", WRITE_UP).problems
    assert [s.text for s in problem.steps] == [
        "The on-call engineer changed the client secret in the identity provider at 09:40",
        "Platform then updated the secret in the login service's vault entry at 09:55",
    ]


# Guard: a task exported with its activity log, each entry dated by its day and time.
TASK_WITH_LOG = """\
# Scanner on floor 2 sends blank pages

The scanner sends every page blank to the shared inbox.

## Fix

1. Clean the scanner's glass strip with a dry cloth.
2. Scan a test page to your own inbox.

## Activity

- Ana Ruiz moved this card from *Triage* to *Runbooks* · Yesterday at 4:12 PM
- Ben Ode commented on this card · Mar 3 at 10:02 AM
"""


def test_an_activity_log_dated_by_day_and_time_is_still_boilerplate(tmp_path: Path) -> None:
    """Guard: who moved the card, with its day and time, stays out of the steps."""
    [problem] = read(tmp_path / "cards", "scanner-blank.md", TASK_WITH_LOG).problems
    assert [s.text for s in problem.steps] == [
        "Clean the scanner's glass strip with a dry cloth.",
        "Scan a test page to your own inbox.",
    ]
    assert problem.notes == []


# A database runbook: the last step's query in a fence labelled by its language, the rows it returns
# indented under it.
REPLICATION_LAG = """\
# Reports show yesterday's figures

## The reporting replica lags behind

Dashboards show figures a day old, and the replica's status says `replication lag exceeded`.

## Fix

1. Restart the replica's apply worker from the database console.
2. Check the replication lag

```sql
SELECT now() - pg_last_xact_replay_timestamp() AS lag;
```

         lag
    -----------
     00:00:02
"""


def test_a_query_and_its_indented_rows_after_the_list_stay_the_last_step_s(tmp_path: Path) -> None:
    """A ```sql fence over indented rows is a hand-written query and what it returns: no kernel runs
    SQL in a notebook nbconvert writes, so it is the last step's, not two notes after the steps."""
    [problem] = read(tmp_path / "kb", "replica-lag.md", REPLICATION_LAG).problems
    assert [s.number for s in problem.steps] == ["1", "2"]
    assert "pg_last_xact_replay_timestamp" in problem.steps[-1].markdown
    assert "00:00:02" in problem.steps[-1].markdown
    assert not problem.notes


def test_a_python_cell_and_its_output_after_the_list_are_notes_after_the_steps(tmp_path: Path) -> None:
    """Guard: nbconvert's cell, a fence labelled by its kernel's language, and its indented output after
    the list are notes after the steps, not the last step's command."""
    text = REPLICATION_LAG.replace(
        "```sql\nSELECT now() - pg_last_xact_replay_timestamp() AS lag;", "```python\nreplica.lag()"
    )
    [problem] = read(tmp_path / "notebooks", "replica-lag.md", text).problems
    assert problem.steps[-1].text == "Check the replication lag"
    notes = [(n.text, n.after) for n in problem.notes]
    assert any("replica.lag()" in text and after for text, after in notes)
    assert any("00:00:02" in text and after for text, after in notes)


# A Logseq page: the fix's advice under a bare label, what it says in the blocks under it.
LOGSEQ_ADVICE = (
    "title:: File server runbook\n"
    "\n"
    '- ## Nightly backup stops with "share quota exceeded"\n'
    "\t- symptoms::\n"
    "\t\t- The job log ends with `share quota exceeded (FS-507)`\n"
    "\t- fix::\n"
    "\t\t- Raise the quota of the backup share\n"
    "\t\t- Start the backup job again\n"
    "\t\t- Note:\n"
    "\t\t\t- Run it outside business hours\n"
    "\t\t\t- Tell the storage team once it has run\n"
    "\t\t- Check the next morning's job log\n"
    "\t\t- Tip: keep a tenth of the share free.\n"
)


def test_a_logseq_advice_block_s_children_are_its_note_not_steps(tmp_path: Path) -> None:
    """ "Note:" over two blocks: the note says what they say; they are no steps of the fix."""
    [problem] = read(tmp_path / "pages", "file-server.md", LOGSEQ_ADVICE).problems
    assert [s.text for s in problem.steps] == [
        "Raise the quota of the backup share",
        "Start the backup job again",
        "Check the next morning's job log",
    ]
    [advice, tip] = [n.text for n in problem.notes]
    assert advice.startswith("Note:")
    assert "Run it outside business hours" in advice
    assert "Tell the storage team once it has run" in advice
    assert tip == "Tip: keep a tenth of the share free."


# A Logseq page whose fix is a numbered list, as Logseq saves one: its own properties under each block.
LOGSEQ_NUMBERED = (
    "title:: Badge printer runbook\n"
    "\n"
    "- ## Badges print with a grey band\n"
    "\t- fix::\n"
    "\t\t- Clean the print head with an alcohol wipe\n"
    "\t\t  logseq.order-list-type:: number\n"
    "\t\t- Print the test card from the printer's menu\n"
    "\t\t  logseq.order-list-type:: number\n"
    "\t\t  background-color:: yellow\n"
    "\t\t- Replace the ribbon if the band stays\n"
    "\t\t  logseq.order-list-type:: number\n"
    "\t\t  the spare ribbons are in the second drawer\n"
)


def test_logseq_s_own_properties_under_numbered_blocks_are_no_step_text(tmp_path: Path) -> None:
    """``logseq.order-list-type:: number`` and ``background-color:: yellow`` under a block are Logseq's:
    no words of the step. A line of the block's own words under it stays its text (guard)."""
    [problem] = read(tmp_path / "pages", "badge-printer.md", LOGSEQ_NUMBERED).problems
    assert [s.text for s in problem.steps] == [
        "Clean the print head with an alcohol wipe",
        "Print the test card from the printer's menu",
        "Replace the ribbon if the band stays\nthe spare ribbons are in the second drawer",
    ]


# A Logseq page of heading blocks nested under a heading block, a block of the outer one after the inner.
LOGSEQ_NESTED = (
    "title:: Office printers\n"
    "\n"
    "- # Printers\n"
    "\t- ## Labels print blank\n"
    "\t\t- fix::\n"
    "\t\t\t- Open the cover and reseat the ribbon\n"
    "\t\t\t- Run the sensor calibration from the printer menu\n"
    "\t\t- Tell the team lead once the labels print\n"
    "\t- Escalate to facilities if none of this helps.\n"
)


def test_a_logseq_block_of_an_outer_heading_block_is_no_sub_step(tmp_path: Path) -> None:
    """A block under "# Printers" after the "## Labels print blank" it holds is no sub-step of the last
    block under the inner heading: every step stays at the top."""
    [problem] = read(tmp_path / "pages", "office-printers.md", LOGSEQ_NESTED).problems
    assert problem.title == "Labels print blank"
    said = [s.text for s in problem.steps] + [n.text for n in problem.notes]
    assert said[:3] == [
        "Open the cover and reseat the ribbon",
        "Run the sensor calibration from the printer menu",
        "Tell the team lead once the labels print",
    ]
    assert all(s.parent is None for s in problem.steps)
    assert "Escalate to facilities if none of this helps." in said


# A Nextra page whose tab set's items are wrapped over several lines, as long labels are.
NEXTRA_WRAPPED_TABS = """\
---
title: Sync client stops at "disk not writable"
---

# Sync client stops at "disk not writable"

The client stops syncing and shows `SC-231: disk not writable`.

<Tabs
  items={[
    'macOS 13 and later',
    'Windows 10 and Windows 11',
  ]}
>
<Tabs.Tab>
1. Open **System Settings → Privacy & Security → Full Disk Access**.
2. Turn on access for the sync client.
</Tabs.Tab>
<Tabs.Tab>
1. Open the sync folder's **Properties → Security** tab.
2. Give your account **Modify** rights on the folder.
</Tabs.Tab>
</Tabs>
"""


def test_a_nextra_tab_set_with_wrapped_items_names_its_tabs(tmp_path: Path) -> None:
    """``<Tabs`` over ``items={[`` … ``]}`` and ``>``: its tabs are groups named by the items, and the tag's
    lines are no text of the symptoms."""
    [problem] = read(tmp_path / "docs", "sync-disk.mdx", NEXTRA_WRAPPED_TABS).problems
    assert [(s.group, s.number) for s in problem.steps] == [
        ("macOS 13 and later", "1"),
        ("macOS 13 and later", "2"),
        ("Windows 10 and Windows 11", "1"),
        ("Windows 10 and Windows 11", "2"),
    ]
    assert "items" not in problem.symptoms


def test_a_nextra_tab_set_with_its_items_on_one_line_is_read_as_before(tmp_path: Path) -> None:
    """Guard: the same items on the tag's one line name the same tabs."""
    text = NEXTRA_WRAPPED_TABS.replace(
        "<Tabs\n  items={[\n    'macOS 13 and later',\n    'Windows 10 and Windows 11',\n  ]}\n>",
        "<Tabs items={['macOS 13 and later', 'Windows 10 and Windows 11']}>",
    )
    [problem] = read(tmp_path / "docs", "sync-disk.mdx", text).problems
    assert [s.group for s in problem.steps] == ["macOS 13 and later"] * 2 + ["Windows 10 and Windows 11"] * 2


DENDRON_DESC = """\
---
id: p4x9c2m7v1b8n3k6q0wzt5a
title: Wi-Fi drops in meeting rooms
desc: {desc}
---

## Laptops drop off "corp-wifi" every few minutes

- Move the laptop to the 5 GHz band in the adapter's settings.
"""


def test_dendron_s_desc_must_be_text_as_description_must(tmp_path: Path) -> None:
    """``desc: [a, b]`` is refused as ``description: [a, b]`` is, not silently dropped."""
    with pytest.raises(ArticleError, match="front matter desc must be text, not a list"):
        read(tmp_path / "notes", "it.wifi.drops.md", DENDRON_DESC.format(desc="[meeting rooms, wifi]"))


def test_dendron_s_desc_of_text_is_still_the_description(tmp_path: Path) -> None:
    """Guard: ``desc:`` of text is the page's description, as before."""
    article = read(
        tmp_path / "notes", "it.wifi.drops.md", DENDRON_DESC.format(desc="Fixes for meeting-room Wi-Fi")
    )
    assert article.description == "Fixes for meeting-room Wi-Fi"
