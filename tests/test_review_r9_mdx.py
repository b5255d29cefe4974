"""Review r9b's documentation-site and note-app findings: Nextra's MDX ``<Tabs items={[…]}>`` with
``<Tabs.Tab>`` tabs (indented or not) and its ``<Steps>`` of ``###`` headings, VitePress' ``::: details``
fold after a fix's steps, and Dendron's note embeds (``![[note#anchor]]``) and ``desc:`` front matter.

Each test writes a small article of its own in the site's style, finds it as `kb index` does and reads
it with the real indexer; a guard beside each keeps the nearest shape as it was read.
"""

from __future__ import annotations

from pathlib import Path

from test_house_styles import read

NEXTRA_TABS = """\
import { Tabs } from 'nextra/components'

# Printer agent errors

## Jobs are held with "driver mismatch"

The queue shows `HOLD spool: job 4411 held: driver mismatch (PA-3107)`.

The printer was added with a generic driver, which the agent does not accept.

<Tabs items={['Windows', 'Linux']}>
  <Tabs.Tab>
    1. Open **Printers & scanners** and remove the printer.
    2. Add it again with the vendor's driver.
  </Tabs.Tab>
  <Tabs.Tab>
    1. Run `lpadmin -x office-3`.
    2. Add the printer again with the vendor's PPD file.
  </Tabs.Tab>
</Tabs>
"""


def test_indented_nextra_tabs_are_a_group_of_steps_each_named_by_the_set_s_items(tmp_path: Path) -> None:
    """Indented under ``<Tabs.Tab>``, the steps read as code (MDX reads no indented code inside JSX): the
    symptom line and the cause became steps, the tabs' bodies code blocks and ``</Tabs.Tab>`` a step."""
    article = read(tmp_path / "docs", "printer-agent.mdx", NEXTRA_TABS)
    [problem] = article.problems
    assert problem.title == 'Jobs are held with "driver mismatch"'
    assert problem.error_codes == ["PA3107"]
    assert any("driver mismatch (PA-3107)" in m for m in problem.error_messages)
    assert problem.cause.startswith("The printer was added with a generic driver")
    assert [(s.group, s.number, s.text) for s in problem.steps] == [
        ("Windows", "1", "Open Printers & scanners and remove the printer."),
        ("Windows", "2", "Add it again with the vendor's driver."),
        ("Linux", "1", "Run lpadmin -x office-3."),
        ("Linux", "2", "Add the printer again with the vendor's PPD file."),
    ]


def test_unindented_nextra_tabs_are_alternatives_not_one_sequence(tmp_path: Path) -> None:
    """Written flush left, the two tabs' steps ran on as steps 1–4, ``</Tabs.Tab>`` in their text."""
    page = NEXTRA_TABS.replace("\n  ", "\n").replace("\n  ", "\n")
    article = read(tmp_path / "docs", "printer-agent.mdx", page)
    steps = article.problems[0].steps
    assert [(s.group, s.number) for s in steps] == [
        ("Windows", "1"),
        ("Windows", "2"),
        ("Linux", "1"),
        ("Linux", "2"),
    ]
    assert not any("Tabs" in s.markdown or "Tabs" in s.text for s in steps)


def test_a_tab_named_by_its_own_label_keeps_it(tmp_path: Path) -> None:
    """Guard: a tab that names itself (Docusaurus' ``<TabItem label=…>``) keeps its own label."""
    page = (
        NEXTRA_TABS.replace("<Tabs items={['Windows', 'Linux']}>", "<Tabs>")
        .replace("<Tabs.Tab>", '<TabItem value="win" label="Windows 11">', 1)
        .replace("<Tabs.Tab>", '<TabItem value="deb" label="Debian">', 1)
        .replace("</Tabs.Tab>", "</TabItem>")
    )
    article = read(tmp_path / "docs", "printer-agent.mdx", page)
    assert [s.group for s in article.problems[0].steps] == ["Windows 11", "Windows 11", "Debian", "Debian"]


NEXTRA_STEPS = """\
import { Steps } from 'nextra/components'

# Printer agent errors

## Agent shows "Spool folder not writable"

The agent shows "Spool folder not writable" at start and no job prints.

The spool folder was moved to a disk the agent's service account cannot write to.

<Steps>

### Stop the agent

Run `printagent stop`.

### Give the service account write access

Grant **Modify** on the spool folder to `svc-printagent`.

### Start the agent

Run `printagent start`.

</Steps>
"""


def test_nextra_steps_headings_are_numbered_steps_and_the_cause_before_them_no_step(tmp_path: Path) -> None:
    """Each ``###`` heading in ``<Steps>`` was a group of its own numbered 1, and the paragraph before the
    component (the cause) was step 1; the symptom sentence was cut down to its quoted message."""
    article = read(tmp_path / "docs", "printer-agent.mdx", NEXTRA_STEPS)
    [problem] = article.problems
    assert problem.symptoms.startswith('The agent shows "Spool folder not writable" at start')
    assert problem.cause.startswith("The spool folder was moved")
    assert [(s.number, s.text) for s in problem.steps] == [
        ("1", "Stop the agent: Run printagent stop."),
        ("2", "Give the service account write access: Grant Modify on the spool folder to svc-printagent."),
        ("3", "Start the agent: Run printagent start."),
    ]


def test_nextra_step_components_stay_numbered_as_written(tmp_path: Path) -> None:
    """Guard: ``<Steps>`` of ``<Step title=…>`` components are read as before, a step each."""
    page = NEXTRA_STEPS.replace(
        "### Stop the agent\n\nRun `printagent stop`.",
        '<Step title="Stop the agent">\nRun `printagent stop`.\n</Step>',
    )
    page = page.replace(
        "### Give the service account write access\n\nGrant **Modify** on the spool folder to `svc-printagent`.",
        '<Step title="Give the service account write access">\nGrant **Modify** on the spool folder to `svc-printagent`.\n</Step>',
    ).replace(
        "### Start the agent\n\nRun `printagent start`.",
        '<Step title="Start the agent">\nRun `printagent start`.\n</Step>',
    )
    article = read(tmp_path / "docs", "printer-agent.mdx", page)
    assert [(s.number, s.text) for s in article.problems[0].steps] == [
        ("1", "Stop the agent: Run printagent stop."),
        ("2", "Give the service account write access: Grant Modify on the spool folder to svc-printagent."),
        ("3", "Start the agent: Run printagent start."),
    ]


VITEPRESS_DETAILS = """\
---
title: Exports
---

# Troubleshooting exports

## Export stops with `exp_quota`

The export log ends with status `exp_quota`.

**Cause:** the workspace has used its monthly export allowance.

1. Ask a workspace owner to raise the allowance in **Billing → Limits**.

::: details How the allowance is counted
Each export counts once per started gigabyte, and the count starts again on the first day of the month.
:::
"""


def test_a_vitepress_fold_of_detail_after_the_fix_is_a_note_of_it(tmp_path: Path) -> None:
    """``::: details How the allowance is counted`` after the steps, prose that tells nothing to do: a note
    after the fix, shown with it; read as a sub-section, its text was only searchable."""
    article = read(tmp_path / "docs", "exports.md", VITEPRESS_DETAILS)
    [problem] = article.problems
    assert problem.cause == "the workspace has used its monthly export allowance."
    assert [s.text for s in problem.steps] == [
        "Ask a workspace owner to raise the allowance in Billing → Limits."
    ]
    assert [(n.text, n.after) for n in problem.notes] == [
        ("How the allowance is counted", True),
        (
            "Each export counts once per started gigabyte, and the count starts again on the first day of the month.",
            True,
        ),
    ]


def test_a_vitepress_fold_that_says_what_to_do_is_no_note(tmp_path: Path) -> None:
    """Guard: a fold whose text tells what to do ("Restart …") is no aside: it stays out of the notes."""
    page = VITEPRESS_DETAILS.replace(
        "Each export counts once per started gigabyte, and the count starts again on the first day of the month.",
        "Restart the export after the allowance is raised.",
    )
    article = read(tmp_path / "docs", "exports.md", page)
    assert article.problems[0].notes == []


DENDRON_NOTE = """\
---
id: q8v1m2x7c3k9z0h4t6pbn5r
title: Build cache failures
desc: Fixes for cache errors on the shared build runners
updated: 1712061234567
created: 1698764400000
---

## "Cache upload failed" warning

#### Symptoms

- Jobs log `WARNING: Cache upload failed: 413 Request Entity Too Large`.

#### Fix

- Exclude `node_modules/.cache` from the job's `cache:paths`.

![[devops.ci.cache-basics#limits]]
"""


def test_a_dendron_note_embed_is_no_note_and_desc_is_the_description(tmp_path: Path) -> None:
    """``![[devops.ci.cache-basics#limits]]`` shows another note's text, which the page does not hold: it was
    a note "!devops.ci.cache-basics#limits". Dendron's ``desc:`` is the page's description (it was "")."""
    article = read(tmp_path / "notes", "devops.ci.cache-failures.md", DENDRON_NOTE)
    assert article.description == "Fixes for cache errors on the shared build runners"
    [problem] = article.problems
    assert [s.text for s in problem.steps] == ["Exclude node_modules/.cache from the job's cache:paths."]
    assert problem.notes == []
    assert "devops.ci.cache-basics" in article.body


def test_a_wiki_link_after_the_fix_stays_a_note(tmp_path: Path) -> None:
    """Guard: a link to another note that the page writes as text ("See [[…]] for the limits.") stays."""
    page = DENDRON_NOTE.replace(
        "![[devops.ci.cache-basics#limits]]", "See [[devops.ci.cache-basics]] for the size limits."
    ).replace("desc: Fixes", "description: Fixes")
    article = read(tmp_path / "notes", "devops.ci.cache-failures.md", page)
    assert article.description == "Fixes for cache errors on the shared build runners"
    assert [n.text for n in article.problems[0].notes] == ["See devops.ci.cache-basics for the size limits."]
