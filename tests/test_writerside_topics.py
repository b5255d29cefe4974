"""Writerside topics: Markdown mixed with the XML elements JetBrains Writerside adds to it.

A topic writes its fix as a ``<procedure title="…">`` of ``<step>`` elements, under bold part labels
(``**Symptoms**``, ``**Cause**``) or right after the text that shows the error. Each test is a short
topic written in that style and what a reader needs from it: the problems, their steps one per
``<step>`` in order, the procedure's title over them, and the answer a pasted error gets; and a guard
for the nearest Markdown shape, which reads as before.
"""

from __future__ import annotations

from pathlib import Path

from api.knowledge import KnowledgeBase
from api.matcher import match
from indexer.build import build_index
from tests.test_house_styles import read

LABELLED_TOPIC = """\
# Harbor relay troubleshooting

## Relay cannot join the cluster

**Symptoms**

The relay log shows:

```
HRB-5120: Join refused: cluster certificate not trusted
```

**Cause**

The cluster's CA certificate was rotated and the relay still trusts the old one.

<procedure title="Trust the new cluster certificate on every relay node">
    <step>Download ca.pem from Settings | Cluster | Certificates.</step>
    <step>Copy it to /etc/harbor-relay/ca.pem.</step>
    <step>Restart the relay service.</step>
</procedure>

## Spool directory full

**Symptoms**

```
HRB-3308: Cannot write to spool /var/spool/harbor: no space left on device
```

**Cause**

Messages for an offline peer piled up in the spool.

<procedure title="Free the spool">
    <step>Purge the offline peer's queue.</step>
    <step>Raise spool.maxSize in relay.conf.</step>
</procedure>
"""


def test_a_procedure_after_a_cause_label_is_its_problems_fix(tmp_path: Path) -> None:
    """Before, the procedure was read as more of the cause, so neither problem had steps and the topic
    was one problem of the whole article: the spool error was answered "high" with the certificate's
    cause, and no steps."""
    article = read(tmp_path / "docs", "relay.md", LABELLED_TOPIC)
    assert [p.title for p in article.problems] == ["Relay cannot join the cluster", "Spool directory full"]
    join, spool = article.problems
    assert join.error_messages == ["HRB-5120: Join refused: cluster certificate not trusted"]
    assert join.cause == "The cluster's CA certificate was rotated and the relay still trusts the old one."
    assert [s.text for s in join.steps] == [
        "Download ca.pem from Settings | Cluster | Certificates.",
        "Copy it to /etc/harbor-relay/ca.pem.",
        "Restart the relay service.",
    ]
    assert spool.cause == "Messages for an offline peer piled up in the spool."
    assert [s.text for s in spool.steps] == [
        "Purge the offline peer's queue.",
        "Raise spool.maxSize in relay.conf.",
    ]
    build_index([tmp_path / "docs"], tmp_path / "index.db")
    best = match(KnowledgeBase(tmp_path / "index.db"), "HRB-3308: Cannot write to spool").matches[0]
    assert best.problem.title == "Spool directory full"
    assert "certificate" not in best.problem.cause
    assert best.steps[0].text == "Purge the offline peer's queue."


MARKDOWN_CAUSE = """\
# Harbor relay troubleshooting

## Relay cannot join the cluster

**Symptoms**

The relay log shows `HRB-5120: Join refused: cluster certificate not trusted`.

**Cause**

The cluster's CA certificate was rotated.

Trust the new cluster certificate

1. Download ca.pem from Settings | Cluster | Certificates.
2. Restart the relay service.
"""


def test_a_plain_paragraph_over_a_list_under_a_cause_label_reads_as_before(tmp_path: Path) -> None:
    """Guard: in Markdown, the same words over the list are a paragraph of the cause's, as before: only a
    procedure's title heads its steps as a part of their own."""
    article = read(tmp_path / "docs", "relay.md", MARKDOWN_CAUSE)
    [problem] = article.problems
    assert problem.cause.endswith("Trust the new cluster certificate")
    assert {s.group for s in problem.steps} == {"Cause"}


PROCEDURES_TOPIC = """\
# Harbor relay troubleshooting

## Relay cannot join the cluster

The relay log shows `HRB-5120: Join refused: cluster certificate not trusted`.

<procedure title="Trust the new cluster certificate">
    <step>Download ca.pem from Settings | Cluster | Certificates.</step>
    <step>Copy it to /etc/harbor-relay/ca.pem.</step>
    <step>Restart the relay service.</step>
</procedure>

## Spool directory full

Deliveries stop with `HRB-3308: Cannot write to spool: no space left on device`.

<procedure title="Free the spool">
    <step>Purge the offline peer's queue.</step>
    <step>Raise spool.maxSize in relay.conf.</step>
</procedure>
"""


def test_each_step_of_a_procedure_is_a_step(tmp_path: Path) -> None:
    """Before, a procedure's steps ran into one step ("Download … Copy … Restart …"), and its title was
    none of its: the procedure's title leads in to its steps, not what is seen."""
    article = read(tmp_path / "docs", "relay.md", PROCEDURES_TOPIC)
    join, spool = article.problems
    assert [(s.number, s.text) for s in join.steps] == [
        ("1", "Download ca.pem from Settings | Cluster | Certificates."),
        ("2", "Copy it to /etc/harbor-relay/ca.pem."),
        ("3", "Restart the relay service."),
    ]
    assert [s.text for s in spool.steps] == [
        "Purge the offline peer's queue.",
        "Raise spool.maxSize in relay.conf.",
    ]
    assert spool.error_messages == ["HRB-3308: Cannot write to spool: no space left on device"]
    assert [n.text for n in join.notes] == ["Trust the new cluster certificate"]
    assert "Free the spool" not in spool.symptoms


HTML_FIX = """\
# Harbor relay troubleshooting

## Spool directory full

Deliveries stop with `HRB-3308: Cannot write to spool: no space left on device`.

<div class="fix">
    <p>Free the spool</p>
    <ol>
        <li>Purge the offline peer's queue.</li>
        <li>Raise spool.maxSize in relay.conf.</li>
    </ol>
</div>
"""


def test_a_paragraph_over_an_html_list_reads_as_before(tmp_path: Path) -> None:
    """Guard: HTML's own paragraph over its numbered list is no procedure's title: its steps are read as
    before, with no note of a procedure's title."""
    [problem] = read(tmp_path / "docs", "relay.md", HTML_FIX).problems
    assert [s.text for s in problem.steps] == [
        "Purge the offline peer's queue.",
        "Raise spool.maxSize in relay.conf.",
    ]
    assert problem.notes == []


NESTED_LIST = """\
# Harbor relay troubleshooting

## Spool directory full

Deliveries stop with `HRB-3308: Cannot write to spool: no space left on device`.

<procedure title="Free the spool">
    <step>Check whether the peer is back: <code>relayctl peers --offline</code>.
        <list>
            <li>If it is back, wait for the spool to drain.</li>
            <li>If it is gone for good, continue.</li>
        </list>
    </step>
    <step>Purge the offline peer's queue.</step>
    <step>Raise spool.maxSize in relay.conf.</step>
</procedure>

<warning>
    Never purge the queue of a peer that is still connected.
</warning>
"""


def test_a_list_in_a_step_is_its_sub_steps(tmp_path: Path) -> None:
    """Before, the step holding the <list> was read as what is seen, and the steps after the list ran
    into its last item ("If it is gone for good, continue. Purge … Raise …")."""
    [problem] = read(tmp_path / "docs", "relay.md", NESTED_LIST).problems
    assert [(s.number, s.text) for s in problem.steps] == [
        ("1", "Check whether the peer is back: relayctl peers --offline."),
        ("1.1", "If it is back, wait for the spool to drain."),
        ("1.2", "If it is gone for good, continue."),
        ("2", "Purge the offline peer's queue."),
        ("3", "Raise spool.maxSize in relay.conf."),
    ]
    assert "relayctl" not in problem.symptoms
    assert problem.notes[-1].text == "Never purge the queue of a peer that is still connected."


def test_an_html_list_in_a_list_item_reads_as_before(tmp_path: Path) -> None:
    """Guard: HTML's own list in an item is the item's sub-steps, as before."""
    html_list = NESTED_LIST.replace('<procedure title="Free the spool">', "<ol>").replace(
        "</procedure>", "</ol>"
    )
    html_list = html_list.replace("<step>", "<li>").replace("</step>", "</li>")
    html_list = html_list.replace("<list>", "<ul>").replace("</list>", "</ul>")
    [problem] = read(tmp_path / "docs", "relay.md", html_list).problems
    assert [s.number for s in problem.steps] == ["1", "1.1", "1.2", "2", "3"]


SETTINGS_STEP = """\
# Harbor relay troubleshooting

## Deliveries time out

The relay log shows `HRB-4410: Delivery to peer timed out after 30 s`.

<procedure title="Give slow peers more time">
    <step>Open <path>relay.conf</path>.</step>
    <step>Set the delivery limits:
        <deflist>
            <def title="delivery.timeout">
                Seconds before a delivery is retried. Set to <code>120</code>.
            </def>
            <def title="delivery.batchSize">
                Messages sent per delivery. Set to <code>50</code>.
            </def>
        </deflist>
    </step>
    <step>Restart the relay service.</step>
</procedure>

<seealso>
    <category ref="related">
        <a href="relay-firewall.md">Relay behind a firewall</a>
    </category>
</seealso>
"""


def test_a_definition_list_in_a_step_keeps_its_terms(tmp_path: Path) -> None:
    """Before, each <def>'s title, the setting to change, was lost ("Set the delivery limits: Seconds
    before …"), and the <seealso> link was a step of its own."""
    [problem] = read(tmp_path / "docs", "relay.md", SETTINGS_STEP).problems
    assert [s.text for s in problem.steps][0::2] == ["Open relay.conf.", "Restart the relay service."]
    limits = problem.steps[1].text
    assert limits.startswith("Set the delivery limits:")
    assert limits.index("delivery.timeout") < limits.index("120") < limits.index("delivery.batchSize")
    assert len(problem.steps) == 3
    assert not any("firewall" in n.text for n in problem.notes)


def test_an_html_definition_list_in_a_list_item_reads_as_before(tmp_path: Path) -> None:
    """Guard: HTML's own <dl> in an item, its <dt> terms and <dd> descriptions, is read as before."""
    html_list = (
        SETTINGS_STEP.split("<seealso>")[0].replace("<deflist>", "<dl>").replace("</deflist>", "</dl>")
    )
    html_list = html_list.replace('<def title="delivery.timeout">', "<dt>delivery.timeout</dt><dd>")
    html_list = html_list.replace('<def title="delivery.batchSize">', "<dt>delivery.batchSize</dt><dd>")
    html_list = html_list.replace("</def>", "</dd>")
    [problem] = read(tmp_path / "docs", "relay.md", html_list).problems
    assert problem.steps[1].text == (
        "Set the delivery limits:\ndelivery.timeout\nSeconds before a delivery is retried. Set to 120.\n"
        "delivery.batchSize\nMessages sent per delivery. Set to 50."
    )


TABBED_STEP = """\
# Harbor relay troubleshooting

## Relay cannot join the cluster

The relay log shows `HRB-5120: Join refused: cluster certificate not trusted`.

<procedure title="Trust the new cluster certificate">
    <step>
        <p>Import the new CA certificate:</p>
        <tabs>
            <tab title="Linux">
                <code-block lang="bash">
                sudo cp ca.pem /etc/harbor-relay/ca.pem
                sudo systemctl restart harbor-relay
                </code-block>
            </tab>
            <tab title="Windows">
                <code-block lang="powershell">
                Copy-Item ca.pem C:\\ProgramData\\HarborRelay\\ca.pem
                Restart-Service HarborRelay
                </code-block>
            </tab>
        </tabs>
    </step>
    <step>
        <p>Check that the relay shows as <control>Joined</control>.</p>
    </step>
</procedure>

<tip>
    Certificates issued with <code>--long-lived</code> are rotated once a year.
</tip>
"""


def test_tabs_of_code_in_a_step_keep_each_platform_and_its_lines(tmp_path: Path) -> None:
    """Before, the step's <p> was step 1 and both tabs' commands one line, step 2 ("sudo cp … sudo
    systemctl … Copy-Item … Restart-Service …"), their platforms' names lost, and the <tip> step 4."""
    [problem] = read(tmp_path / "docs", "relay.md", TABBED_STEP).problems
    first, second = problem.steps
    assert first.text == (
        "Import the new CA certificate:\nLinux\n"
        "sudo cp ca.pem /etc/harbor-relay/ca.pem\nsudo systemctl restart harbor-relay\nWindows\n"
        "Copy-Item ca.pem C:\\ProgramData\\HarborRelay\\ca.pem\nRestart-Service HarborRelay"
    )
    assert (
        "```\nsudo cp ca.pem /etc/harbor-relay/ca.pem\nsudo systemctl restart harbor-relay\n```"
        in first.markdown
    )
    assert second.text == "Check that the relay shows as Joined."
    assert problem.notes[-1].text == "Certificates issued with --long-lived are rotated once a year."
    assert problem.notes[-1].after


def test_an_html_pre_keeps_its_indent(tmp_path: Path) -> None:
    """Guard: HTML's own <pre> is written as it is, its indent the code's."""
    html_pre = TABBED_STEP.replace('<code-block lang="bash">', "<pre>").replace(
        '<code-block lang="powershell">', "<pre>"
    )
    html_pre = html_pre.replace("</code-block>", "</pre>")
    [problem] = read(tmp_path / "docs", "relay.md", html_pre).problems
    assert "\n                sudo systemctl restart harbor-relay" in problem.steps[0].text


REPRODUCE_TOPIC = """\
# Artifact store troubleshooting

## Uploads stop halfway

**Symptoms**

<procedure title="Reproduce the issue">
    <step>Push an artifact larger than 2 GB from a build agent.</step>
    <step>Watch the upload in the agent's log.</step>
</procedure>

The upload stops with `QRV-4410: artifact upload timed out`.

**Cause**

The proxy in front of the store closes requests that run longer than 60 seconds.

**Resolution**

1. Raise the proxy's read timeout to 600 seconds.
2. Restart the proxy.
"""


def test_a_procedure_under_a_symptoms_label_stays_the_symptoms(tmp_path: Path) -> None:
    """A procedure under "**Symptoms**" (how to see the failure) is no fix: read as one, the symptom's
    sentence and its error message were a note of its steps, and the pasted error found no problem."""
    article = read(tmp_path / "docs", "uploads.md", REPRODUCE_TOPIC)
    (problem,) = article.problems
    assert problem.error_messages == ["QRV-4410: artifact upload timed out"]
    assert [s.text for s in problem.steps] == [
        "Raise the proxy's read timeout to 600 seconds.",
        "Restart the proxy.",
    ]
    build_index([tmp_path / "docs"], tmp_path / "index.db")
    result = match(KnowledgeBase(tmp_path / "index.db"), "QRV-4410: artifact upload timed out")
    assert result.matches[0].problem.title == "Uploads stop halfway"
    assert result.matches[0].confidence == "high"


INCLUDED_CODE = """\
# Gateway troubleshooting

## Gateway cannot reach the broker

The gateway log shows `GWY-2031: broker handshake failed: unknown authority`.

<procedure title="Trust the broker's certificate">
    <step>
        <p>Run the import script:</p>
        <code-block lang="bash" src="trust-broker.sh"/>
    </step>
    <step>Restart the gateway service.</step>
    <step>Check that the broker shows as <control>Connected</control>.</step>
</procedure>
"""


def test_a_code_block_of_a_file_closes_itself(tmp_path: Path) -> None:
    """A <code-block src="…"/> that includes a file's code is closed by its own "/>": read as opened,
    it took the steps after it as its code, and the fix was one step."""
    [problem] = read(tmp_path / "docs", "gateway.md", INCLUDED_CODE).problems
    assert [s.text.split("\n")[0] for s in problem.steps] == [
        "Run the import script:",
        "Restart the gateway service.",
        "Check that the broker shows as Connected.",
    ]


CDATA_CODE = """\
# Gateway troubleshooting

## Gateway forgets its peers after a restart

The gateway log shows `GWY-4107: no peers configured`.

<procedure title="Write the peers into the file">
    <step>
        <p>Replace the peers block in gateway.xml with:</p>
        <code-block lang="xml"><![CDATA[<peers><peer host="a.example" port="7400"/></peers>]]></code-block>
    </step>
    <step>Restart the gateway service.</step>
</procedure>
"""


def test_a_code_blocks_cdata_is_its_code(tmp_path: Path) -> None:
    """Code written as CDATA (XML, or code full of "<") is the code-block's text: it was dropped."""
    [problem] = read(tmp_path / "docs", "gateway.md", CDATA_CODE).problems
    first, second = problem.steps
    assert '<peers><peer host="a.example" port="7400"/></peers>' in first.text
    assert second.text == "Restart the gateway service."


def test_a_cdata_section_outside_a_code_block_is_still_no_text(tmp_path: Path) -> None:
    """Guard: elsewhere a CDATA section is no text, as browsers show none in HTML."""
    page = CDATA_CODE.replace('<code-block lang="xml">', "<p>").replace("</code-block>", "</p>")
    [problem] = read(tmp_path / "docs", "gateway.md", page).problems
    assert "a.example" not in problem.steps[0].text


DOCBOOK_SUBSTEPS = """\
# Replica troubleshooting

## Replica stops with a duplicate key

The replica's status shows `Last_SQL_Errno: 1062`.

<procedure>
  <step><para>Stop the replica.</para>
    <substeps>
      <step><para>Note the source's binary log name.</para></step>
      <step><para>Note its position.</para></step>
    </substeps>
  </step>
  <step><para>Start the replica.</para></step>
</procedure>
"""


def test_a_steps_sub_steps_are_no_steps_of_the_procedure(tmp_path: Path) -> None:
    """DocBook's <substeps> (DITA's <substeps> of <substep>) are a step's own list: read as the
    procedure's, the sub-steps were numbered as main steps, between the step they belong to and the next."""
    [problem] = read(tmp_path / "docs", "replica.md", DOCBOOK_SUBSTEPS).problems
    main = [s.text.split("\n")[0] for s in problem.steps if s.depth == 0]
    assert main == ["Stop the replica.", "Start the replica."]
    dita = DOCBOOK_SUBSTEPS.replace("<procedure>", "<steps>").replace("</procedure>", "</steps>")
    dita = dita.replace("<substeps>\n      <step>", "<substeps>\n      <substep>")
    dita = dita.replace("</step>\n      <step>", "</substep>\n      <substep>")
    dita = dita.replace("</para></step>\n    </substeps>", "</para></substep>\n    </substeps>")
    [problem] = read(tmp_path / "docs", "replica.md", dita).problems
    assert [s.text.split("\n")[0] for s in problem.steps if s.depth == 0] == main


SPACED_STEPS = """\
# Build agent troubleshooting

## Agent will not start after a crash

The agent log shows `BLD-3002: lock file exists: agent.lock`.

<procedure title="Clear the stale lock">
    <step>
        <p>Stop the agent service.</p>
    </step>

    <step>
        <p>Delete the lock file:</p>
        <code-block lang="bash">
        rm /var/lib/build-agent/agent.lock
        </code-block>
    </step>

    <step>
        <p>Start the agent service.</p>
    </step>
</procedure>
"""


def test_steps_apart_by_blank_lines_are_each_a_step(tmp_path: Path) -> None:
    """A procedure's indented <step>s with a blank line between them, Writerside's usual layout: the
    blank line ended the HTML block and the indented rest was code, so the fix was one step holding
    the raw XML of the others."""
    [problem] = read(tmp_path / "docs", "agent.md", SPACED_STEPS).problems
    assert [s.text.split("\n")[0] for s in problem.steps] == [
        "Stop the agent service.",
        "Delete the lock file:",
        "Start the agent service.",
    ]
    assert "rm /var/lib/build-agent/agent.lock" in problem.steps[1].text
    assert "<step>" not in " ".join(s.text for s in problem.steps)


def test_a_procedure_without_blank_lines_reads_as_before(tmp_path: Path) -> None:
    """Guard: the same procedure with no blank line is the one HTML block it was, its steps the same."""
    [problem] = read(tmp_path / "docs", "agent.md", SPACED_STEPS.replace("</step>\n\n", "</step>\n")).problems
    assert [s.text.split("\n")[0] for s in problem.steps] == [
        "Stop the agent service.",
        "Delete the lock file:",
        "Start the agent service.",
    ]
