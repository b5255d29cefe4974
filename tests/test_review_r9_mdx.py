"""Review r9b's documentation-site and note-app findings: Nextra's MDX ``<Tabs items={[…]}>`` with
``<Tabs.Tab>`` tabs (indented or not) and its ``<Steps>`` of ``###`` headings, VitePress' ``::: details``
fold after a fix's steps, and Dendron's note embeds (``![[note#anchor]]``) and ``desc:`` front matter.

Each test writes a small article of its own in the site's style, finds it as `kb index` does and reads
it with the real indexer; a guard beside each keeps the nearest shape as it was read.
"""

from __future__ import annotations

from pathlib import Path

from test_house_styles import read

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
