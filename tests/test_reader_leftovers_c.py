"""Shapes the re-read of the last change set (C) and the R8a/R8b reviews found misread: a hand-written
command and its indented output after a list (no notebook's cell), Logseq blocks after a property's
children and Logseq's own block properties, a Quarto call-out titled by its attribute, a Trello card's
activity log, and an error a man page describes under BUGS.

Each test writes a small article of its own in one style, finds it as `kb index` does and reads it
with the real indexer; a guard beside each keeps the nearest shape read as before.
"""

from __future__ import annotations

from pathlib import Path

from test_house_styles import read

# A hand-written article: the last step's command in a fence at the margin, its output indented under it.
DISK_CHECK = """\
# Docker host runs out of disk

## Builds fail with "no space left on device"

The build stops with `no space left on device`.

## Fix

1. Remove the images no container uses with `docker image prune -a`.
2. Check the free space again

```
df -h /var/lib/docker
```

    Filesystem  Size  Used Avail Use% Mounted on
    /dev/sdb1   100G   41G   59G  41% /var/lib/docker
"""


def test_a_command_and_its_indented_output_after_the_list_stay_the_last_step_s(tmp_path: Path) -> None:
    """A fence of no language over indented output is no notebook's cell (nbconvert labels a cell with
    its kernel's language): the last step's command and what it prints, not two notes after the steps."""
    [problem] = read(tmp_path / "kb", "docker-disk.md", DISK_CHECK).problems
    assert [s.number for s in problem.steps] == ["1", "2"]
    assert "df -h /var/lib/docker" in problem.steps[-1].markdown
    assert "/dev/sdb1" in problem.steps[-1].markdown
    assert not problem.notes


def test_a_shell_command_and_its_indented_output_after_the_list_stay_the_last_step_s(tmp_path: Path) -> None:
    """A fence labelled as a shell's is a command to run, whatever is indented under it."""
    text = DISK_CHECK.replace("```\ndf -h", "```bash\ndf -h")
    [problem] = read(tmp_path / "kb", "docker-disk.md", text).problems
    assert "df -h /var/lib/docker" in problem.steps[-1].markdown
    assert not problem.notes


def test_a_python_cell_and_its_output_after_the_list_are_still_a_note(tmp_path: Path) -> None:
    """Guard: nbconvert's cell (a fence labelled by the kernel's language) and its output after the list
    show something; said of the fix after its steps, not the last step's command."""
    text = DISK_CHECK.replace(
        "```\ndf -h /var/lib/docker\n```", '```python\nshutil.disk_usage("/var/lib/docker")\n```'
    )
    [problem] = read(tmp_path / "notebooks", "docker-disk.md", text).problems
    assert problem.steps[-1].text == "Check the free space again"
    notes = [(n.text, n.after) for n in problem.notes]
    assert ('shutil.disk_usage("/var/lib/docker")', True) in notes
    assert any("/dev/sdb1" in text and after for text, after in notes)


# A Logseq page as Logseq saves it: a block's own properties on lines under it, indented past its bullet.
LOGSEQ_RUNBOOK = """\
title:: Label printer runbook

- ## Labels print blank
\t- symptoms::
\t\t- The queue shows `ribbon sensor fault (LP-220)`
\t- fix::
\t\t- Open the cover and reseat the ribbon
\t\t  collapsed:: true
\t\t- Run the sensor calibration from the printer menu
\t\t  id:: 65f1c2d4-7a10-4b3e-9d2f-1a2b3c4d5e6f
"""


def test_logseq_s_own_block_properties_are_no_text_of_their_block(tmp_path: Path) -> None:
    """``collapsed:: true`` and ``id:: …`` under a block are Logseq's bookkeeping: not step text."""
    [problem] = read(tmp_path / "pages", "label-printer.md", LOGSEQ_RUNBOOK).problems
    assert [s.text for s in problem.steps] == [
        "Open the cover and reseat the ribbon",
        "Run the sensor calibration from the printer menu",
    ]
    assert [s.line for s in problem.steps] == [7, 9]


def test_a_logseq_block_s_continued_text_stays_its_text(tmp_path: Path) -> None:
    """Guard: a block's text on a line under it (no property) is still more of that block."""
    text = LOGSEQ_RUNBOOK.replace("collapsed:: true", "until it clicks into place")
    [problem] = read(tmp_path / "pages", "label-printer.md", text).problems
    assert (
        problem.steps[0].text.split()
        == "Open the cover and reseat the ribbon until it clicks into place".split()
    )


# A Logseq page of a German team: advice in its own language, and a log line quoted as a symptom.
LOGSEQ_BACKUP = """\
title:: Sicherung

- ## Backup job stops at 80 %
\t- symptoms::
\t\t- The agent log ends with
\t\t- Warning: disk quota exceeded for /srv/backup
\t- fix::
\t\t- Raise the quota of the backup share
\t\t- Start the job again
\t- Hinweis: Vorher die Freigabe des Teams fragen.
"""


def test_a_logseq_advice_block_in_another_language_is_a_note(tmp_path: Path) -> None:
    """ "Hinweis: …" is advice as "NOTE: …" is: a note, not a step of the fix."""
    [problem] = read(tmp_path / "pages", "backup.md", LOGSEQ_BACKUP).problems
    assert [s.text for s in problem.steps] == ["Raise the quota of the backup share", "Start the job again"]
    assert [n.text for n in problem.notes] == ["Hinweis: Vorher die Freigabe des Teams fragen."]


def test_a_logseq_block_that_quotes_a_program_s_warning_is_no_advice(tmp_path: Path) -> None:
    """Guard: programs print "Warning: …", so a block that quotes one is what is seen, not a call-out."""
    [problem] = read(tmp_path / "pages", "backup.md", LOGSEQ_BACKUP).problems
    assert "Warning: disk quota exceeded for /srv/backup" in problem.symptoms
    assert not any("quota exceeded" in n.text for n in problem.notes)


def test_a_logseq_block_after_a_property_s_children_is_no_sub_step_of_its_last(tmp_path: Path) -> None:
    """A block beside ``fix::`` after the blocks under it closes them: not nested under the last of them."""
    text = LOGSEQ_BACKUP.replace(
        "Hinweis: Vorher die Freigabe des Teams fragen.", "Tell the team lead once it runs."
    )
    [problem] = read(tmp_path / "pages", "backup.md", text).problems
    assert [s.text for s in problem.steps][:2] == [
        "Raise the quota of the backup share",
        "Start the job again",
    ]
    assert all(s.parent is None for s in problem.steps)
    said = [s.text for s in problem.steps[2:]] + [n.text for n in problem.notes]
    assert said == ["Tell the team lead once it runs."]


def test_a_logseq_block_under_a_fix_s_item_is_still_its_sub_step(tmp_path: Path) -> None:
    """Guard: a block nested under the fix's last item is that step's sub-step, as before."""
    text = LOGSEQ_BACKUP.replace(
        "\t- Hinweis: Vorher die Freigabe des Teams fragen.", "\t\t\t- Wait for the green light"
    )
    [problem] = read(tmp_path / "pages", "backup.md", text).problems
    assert [(s.number, s.text) for s in problem.steps] == [
        ("1", "Raise the quota of the backup share"),
        ("2", "Start the job again"),
        ("2.1", "Wait for the green light"),
    ]


# A Quarto page: a call-out titled by its div's title attribute, as Quarto documents beside a heading.
QUARTO_PAGE = """\
---
title: "Cluster maintenance"
format: html
---

## Node stays NotReady after a kernel update

The node reports `KubeletNotReady: PLEG is not healthy`.

### Fix

::: {.callout-warning title="Before you reboot"}
Drain the node first.
:::

1. Run `kubectl drain node-7 --ignore-daemonsets`.
2. Reboot the node.
"""


def test_a_quarto_call_out_titled_by_its_attribute_keeps_its_title(tmp_path: Path) -> None:
    [problem] = read(tmp_path / "docs", "maintenance.md", QUARTO_PAGE).problems
    assert [s.text for s in problem.steps] == [
        "Run kubectl drain node-7 --ignore-daemonsets.",
        "Reboot the node.",
    ]
    [note] = problem.notes
    assert "Before you reboot" in note.text and "Drain the node first." in note.text


def test_a_quarto_call_out_with_other_attributes_has_no_title(tmp_path: Path) -> None:
    """Guard: ``collapse="true"`` or an id is no title; the call-out reads as its kind and its body."""
    text = QUARTO_PAGE.replace('title="Before you reboot"', 'collapse="true"')
    [problem] = read(tmp_path / "docs", "maintenance.md", text).problems
    [note] = problem.notes
    assert "collapse" not in note.text and "true" not in note.text and "Drain the node first." in note.text


# A Trello card exported to Markdown: its description, its checklist, then its activity log, a line
# per action ("<member> moved this card … · <date>").
TRELLO_CARD = """\
# Runbook: invoice export times out

**Board:** Finance Support · **Labels:** `exports`

## Description

The export page shows *Gateway timeout (EXP-504)* after a minute.
Cause: the export runs in the web request for more than 60 seconds.

## Checklist: EXP-504 timeout (0/2)

- [ ] Ask the customer to export one month at a time
- [ ] Turn on background exports in the account settings

## Activity

- Priya Nair moved this card from *Drafts* to *Runbooks* · Mar 12, 2024
- Tom Becker commented on this card 3 days ago
- Tom Becker added this card to *Drafts* · Mar 4, 2024
"""


def test_a_trello_card_s_activity_log_is_no_step(tmp_path: Path) -> None:
    """Who moved or added the card when is the card's history: no step of any problem."""
    article = read(tmp_path / "cards", "invoice-export.md", TRELLO_CARD)
    steps = [s.text for p in article.problems for s in p.steps]
    assert not any("this card" in text for text in steps)
    assert "Ask the customer to export one month at a time" in steps


def test_an_activity_section_that_says_what_to_do_keeps_its_steps(tmp_path: Path) -> None:
    """Guard: a section headed "Activity" whose list says what to do is read as before."""
    text = TRELLO_CARD.replace(
        TRELLO_CARD[TRELLO_CARD.index("- Priya") :],
        "1. Open the account's Activity tab.\n2. Cancel the export that is still running.\n",
    )
    problems = read(tmp_path / "cards", "invoice-export.md", text).problems
    fixes = [[s.text for s in p.steps] for p in problems]
    assert ["Open the account's Activity tab.", "Cancel the export that is still running."] in fixes
