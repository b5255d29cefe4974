"""Notebook, outline and publishing-tool styles: Quarto's tabsets and titled call-outs, Jupyter's
nbconvert Markdown, MyST's admonitions, Antora's AsciiDoc, GitHub wiki links and Logseq outlines.

Each test writes a small article of its own in one tool's style, finds it as `kb index` does and
reads it with the real indexer.
"""

from __future__ import annotations

from pathlib import Path

from test_house_styles import read

QUARTO_TABSET = """\
---
title: "Relay agent: common failures"
---

## Relay cannot reach the broker

```
ERROR relay.net: connect 10.8.1.4:5671: connection refused (RL-NET-011)
```

### Resolution

1. Open port 5671 on the broker's firewall.
2. Restart the relay.

## Queue replay stops half way

Replays end with:

```
ERROR relay.replay: checksum mismatch in segment 0042 (RL-RPL-030)
```

### Cause

The spool disk filled up during the replay.

### Resolution

::: {.panel-tabset}

## Debian and Ubuntu

1. Free the spool: `relayctl spool prune --older-than 7d`.
2. Replay again: `relayctl replay resume`.

## Windows Server

1. Free the spool from the Relay console.
2. Replay again from the console.

:::
"""


def test_a_quarto_tabset_of_headings_is_tabs_of_the_fix_not_sections(tmp_path: Path) -> None:
    """Quarto writes a tabset's tabs as headings inside a ``::: {.panel-tabset}`` div: read as
    sections, they ended the problem the tabset stood in, which was lost with its error."""
    article = read(tmp_path / "docs", "relay.md", QUARTO_TABSET)
    assert [p.title for p in article.problems] == [
        "Relay cannot reach the broker",
        "Queue replay stops half way",
    ]
    replay = article.problems[1]
    assert any("RL-RPL-030" in m for m in replay.error_messages)
    assert replay.cause == "The spool disk filled up during the replay."
    assert [(s.group, s.text) for s in replay.steps] == [
        ("Debian and Ubuntu", "Free the spool: relayctl spool prune --older-than 7d."),
        ("Debian and Ubuntu", "Replay again: relayctl replay resume."),
        ("Windows Server", "Free the spool from the Relay console."),
        ("Windows Server", "Replay again from the console."),
    ]


def test_a_heading_after_a_quarto_tabset_is_a_section_again(tmp_path: Path) -> None:
    """The tabset ends at its closing fence: a heading after it opens the next problem."""
    text = QUARTO_TABSET + (
        "\n## Relay logs fill the disk\n\n```\nERROR relay.log: no space left on device (RL-LOG-002)\n```\n\n"
        "### Resolution\n\n1. Rotate the logs: `relayctl logs rotate`.\n"
    )
    article = read(tmp_path / "docs", "relay.md", text)
    assert [p.title for p in article.problems][1:] == [
        "Queue replay stops half way",
        "Relay logs fill the disk",
    ]
    assert not any("Rotate them" in s.text for s in article.problems[1].steps)


QUARTO_TITLED_CALLOUT = """\
---
title: "Relay agent: common failures"
---

## Relay cannot reach the broker

```
ERROR relay.net: connect 10.8.1.4:5671: connection refused (RL-NET-011)
```

### Resolution

1. Open port 5671 on the broker's firewall.
2. Restart the relay.

::: {.callout-warning}
## Hosts behind NAT
Where the relay sits behind NAT, open the port on the NAT gateway as well.
:::

## Queue replay stops half way

```
ERROR relay.replay: checksum mismatch in segment 0042 (RL-RPL-030)
```

### Resolution

1. Free the spool: `relayctl spool prune --older-than 7d`.
2. Replay again: `relayctl replay resume`.
"""


# The note the call-out gives, its title over its text.
NAT_NOTE = (
    "Warning: Hosts behind NAT\nWhere the relay sits behind NAT, open the port on the NAT gateway as well."
)


def test_a_quarto_callout_titled_by_a_heading_is_a_note_of_its_problem(tmp_path: Path) -> None:
    """Quarto titles a call-out with a heading inside its div: the title of the note, no section."""
    article = read(tmp_path / "docs", "relay.md", QUARTO_TITLED_CALLOUT)
    assert [p.title for p in article.problems] == [
        "Relay cannot reach the broker",
        "Queue replay stops half way",
    ]
    broker = article.problems[0]
    assert [s.text for s in broker.steps] == [
        "Open port 5671 on the broker's firewall.",
        "Restart the relay.",
    ]
    [note] = broker.notes
    assert note.text == NAT_NOTE
    assert article.problems[1].notes == []


def test_an_untitled_quarto_callout_is_a_note_of_its_kind(tmp_path: Path) -> None:
    text = QUARTO_TITLED_CALLOUT.replace("## Hosts behind NAT\n", "")
    [note] = read(tmp_path / "docs", "relay.md", text).problems[0].notes
    assert note.text == "Warning: Where the relay sits behind NAT, open the port on the NAT gateway as well."


def test_a_myst_callout_titled_after_its_name_is_read_as_before(tmp_path: Path) -> None:
    """MyST gives the title after the directive's name: a note titled so, as before."""
    text = QUARTO_TITLED_CALLOUT.replace(
        "::: {.callout-warning}\n## Hosts behind NAT", ":::{warning} Hosts behind NAT"
    )
    [note] = read(tmp_path / "myst", "relay.md", text).problems[0].notes
    assert note.text == NAT_NOTE


GITHUB_WIKI_PAGE = """\
# Troubleshooting

## Sync stops with "too many open files"

`Error: SY-E031 watcher aborted: too many open files`

1. Raise the limit for this shell: `ulimit -n 10240`
2. To keep it after a restart, follow [[Raising the open-file limit|Raising-Open-File-Limits]].
"""


def test_a_github_wiki_link_shows_its_words_before_the_page_name(tmp_path: Path) -> None:
    """GitHub's wiki writes ``[[words|Page-Name]]``: the words are shown, the page's name is the target."""
    [problem] = read(tmp_path / "wiki", "Troubleshooting.md", GITHUB_WIKI_PAGE).problems
    assert problem.steps[1].text == "To keep it after a restart, follow Raising the open-file limit."


def test_an_obsidian_link_shows_its_words_after_the_page_name(tmp_path: Path) -> None:
    """Obsidian and MediaWiki write ``[[Page name|words]]``: there the words come second."""
    for link, shown in (
        ("[[Open-file limits on macOS|the macOS steps]]", "the macOS steps"),
        ("[[open-file-limits|Open-file limits]]", "Open-file limits"),
        ("[[Open-file limits#macOS|macOS]]", "macOS"),
        ("[[File descriptors|self-service]]", "self-service"),
        # An alias that is a code or a word joined by hyphens or underscores (reread).
        ("[[Error catalogue|VPN-4012]]", "VPN-4012"),
        ("[[Supported platforms|x86_64]]", "x86_64"),
        ("[[Backup and restore|point-in-time]]", "point-in-time"),
    ):
        text = GITHUB_WIKI_PAGE.replace("[[Raising the open-file limit|Raising-Open-File-Limits]]", link)
        [problem] = read(tmp_path / "notes", "Troubleshooting.md", text).problems
        assert problem.steps[1].text == f"To keep it after a restart, follow {shown}.", link


MYST_ADMONITION = """\
# Archive store

## Compaction stops with "segment is locked"

`ERROR compactor: segment 00231 is locked by pid 4412 [AS-CMP-207]`

**Cause:** a compaction that was killed left its lock behind.

```{admonition} Before you delete the lock
:class: warning

Make sure no compaction is running: deleting the lock under a running one corrupts the segment.
```

1. Delete the lock: `rm /var/lib/archive/segment-00231.lock`.
2. Start the compaction again.
"""


def test_a_myst_admonition_is_of_the_kind_its_class_option_names(tmp_path: Path) -> None:
    """MyST's generic ``{admonition}`` takes its title as argument and its kind from ``:class:``."""
    [problem] = read(tmp_path / "docs", "archive.md", MYST_ADMONITION).problems
    [note] = problem.notes
    assert note.text.startswith("Warning: Before you delete the lock")
    assert ":class:" not in note.text and "no compaction is running" in note.text
    colon = MYST_ADMONITION.replace("```{admonition}", ":::{admonition}").replace(
        "segment.\n```", "segment.\n:::"
    )
    [note] = read(tmp_path / "colon", "archive.md", colon).problems[0].notes
    assert note.text.startswith("Warning: Before you delete the lock")


def test_a_myst_admonition_without_a_kind_class_is_a_note(tmp_path: Path) -> None:
    for option in (":class: dropdown\n", ""):
        text = MYST_ADMONITION.replace(":class: warning\n", option)
        [note] = read(tmp_path / "docs", "archive.md", text).problems[0].notes
        assert note.text.startswith("Note: Before you delete the lock"), option


ANTORA_PAGE = """\
= Fleet CLI sign-in

== Sign-in fails with "token exchange refused"

`fleetctl auth login` prints `Error: token exchange refused (FLT-AUTH-221)`.

.Resolution
. Clear the cached token: `fleetctl auth logout`.
. Sign in again within two minutes of opening the link. <1>
<1> The link expires two minutes after it is printed.
. Check the account: `fleetctl auth whoami`.

[source,console]
----
$ fleetctl auth login --device <1>
$ fleetctl auth whoami # <2>
----
<1> `--device` prints a code instead of opening a browser.
<2> Shows the account the CLI now uses.

[TIP]
.Pipelines
====
In CI, sign in with a robot token instead: xref:cli:robot-tokens.adoc[].
====
"""


def test_antora_callout_markers_are_no_words_of_a_step_nor_of_its_code(tmp_path: Path) -> None:
    """Antora marks a line with ``<1>`` and explains it in a callout list under it: the marks are no
    text, and each explanation stays with what it explains."""
    [problem] = read(tmp_path / "docs", "sign-in.adoc", ANTORA_PAGE).problems
    assert [s.text.split("\n") for s in problem.steps[:2]] == [
        ["Clear the cached token: fleetctl auth logout."],
        [
            "Sign in again within two minutes of opening the link.",
            "The link expires two minutes after it is printed.",
        ],
    ]
    assert problem.steps[2].text.startswith("Check the account: fleetctl auth whoami.")
    assert "$ fleetctl auth login --device\n$ fleetctl auth whoami\n" in problem.steps[2].markdown
    [explained] = [n.text for n in problem.notes if "--device" in n.text]
    assert (
        explained
        == "--device prints a code instead of opening a browser.\nShows the account the CLI now uses."
    )
    assert all("<1>" not in s.markdown and "<2>" not in s.markdown for s in problem.steps)


def test_an_antora_admonition_block_is_one_note_titled_by_its_block_title(tmp_path: Path) -> None:
    [problem] = read(tmp_path / "docs", "sign-in.adoc", ANTORA_PAGE).problems
    tips = [n.text for n in problem.notes if "robot token" in n.text or "Pipelines" in n.text]
    assert tips == ["Tip: Pipelines\nIn CI, sign in with a robot token instead: robot-tokens."]


def test_an_antora_xref_with_words_shows_its_words(tmp_path: Path) -> None:
    text = ANTORA_PAGE.replace("xref:cli:robot-tokens.adoc[]", "xref:cli:robot-tokens.adoc[Robot tokens]")
    [problem] = read(tmp_path / "docs", "sign-in.adoc", text).problems
    assert any(n.text.endswith("instead: Robot tokens.") for n in problem.notes)


# nbconvert's Markdown: a markdown cell's text as it is, a code cell as a fence, its output after blank lines
# as an indented code block.
NOTEBOOK_EXPORT = """\
# skylark reader

## Kernel runs out of memory on nested JSON

**Symptom:** the notebook stops with *"MemoryError: cannot allocate array of 3.2 GiB"*.

**Fix:**

- Read only the fields you need: `sk.read_json(path, fields=["id", "ts"])`.
- Or read it in chunks:
    1. `chunks = sk.iter_json(path, rows=50_000)`
    2. Append each chunk to the staging table before reading the next one.

```python
doc = sk.peek_json("s3://drops/acme/2024-05-01/events.json")
doc.max_depth
```




    41



Warning: do not raise the kernel's memory limit yourself.
"""


def test_a_notebook_cell_and_its_output_after_the_fix_are_no_part_of_its_last_step(tmp_path: Path) -> None:
    """A code cell with its output after the steps shows something (the file is 41 levels deep): it
    is no command of the last sub-step, and its output stays code."""
    [problem] = read(tmp_path / "notebooks", "skylark.md", NOTEBOOK_EXPORT).problems
    assert [(s.number, s.text) for s in problem.steps] == [
        ("1", 'Read only the fields you need: sk.read_json(path, fields=["id", "ts"]).'),
        ("2", "Or read it in chunks:"),
        ("2.1", "chunks = sk.iter_json(path, rows=50_000)"),
        ("2.2", "Append each chunk to the staging table before reading the next one."),
    ]
    assert "peek_json" in problem.body and "41" in problem.body
    [output] = [n.markdown for n in problem.notes if n.text == "41"]
    assert output == "```\n41\n```"
    assert problem.notes[-1].text == "Warning: do not raise the kernel's memory limit yourself."


def test_a_command_after_the_last_step_without_output_is_still_that_step_s(tmp_path: Path) -> None:
    """Guard: a fence after a list, with no output under it, is the last step's command, as before."""
    text = NOTEBOOK_EXPORT.replace("\n\n\n\n\n    41\n\n\n\n", "\n")
    [problem] = read(tmp_path / "notebooks", "skylark.md", text).problems
    assert "peek_json" in problem.steps[-1].markdown


# A Logseq page: its properties on its first lines, then an outline of blocks indented by tabs, each
# problem a "- ##" heading block whose children are properties ("symptoms::", "cause::", "fix::").
LOGSEQ_PAGE = """\
title:: Print relay troubleshooting
type:: troubleshooting
product:: [[Print relay]]

- ## Jobs stay in "Spooling"
	- symptoms::
		- The relay log shows `spool write failed: quota exceeded (PR-3104)`
	- cause:: the spool volume is full
	- fix::
		- Empty the spool: `prelay spool purge --older-than 2d`
		- Restart the relay
- ## "Printer offline" after a firmware update
	- symptoms::
		- Status page: `Handshake refused: unsupported protocol (PR-4410)`
	- cause:: the firmware turned IPP off
	- fix::
		- Turn IPP on again in the printer's web page
			- **Network → Protocols → IPP**
		- Re-add the printer to the relay
	- NOTE: Printers on the guest network cannot be re-added; ask the network team.
- ## Related
	- [[Print relay install guide]]
"""


def test_a_logseq_page_s_heading_blocks_are_problems_and_their_properties_their_parts(tmp_path: Path) -> None:
    article = read(tmp_path / "pages", "print-relay.md", LOGSEQ_PAGE)
    assert article.title == "Print relay troubleshooting"
    spooling, offline = article.problems
    assert (spooling.title, offline.title) == (
        'Jobs stay in "Spooling"',
        '"Printer offline" after a firmware update',
    )
    assert spooling.error_codes == ["PR3104"] and offline.error_codes == ["PR4410"]
    assert any("Handshake refused: unsupported protocol (PR-4410)" in m for m in offline.error_messages)
    assert [s.text for s in spooling.steps] == [
        "Empty the spool: prelay spool purge --older-than 2d",
        "Restart the relay",
    ]
    assert [(s.number, s.text) for s in offline.steps] == [
        ("1", "Turn IPP on again in the printer's web page"),
        ("1.1", "Network → Protocols → IPP"),
        ("2", "Re-add the printer to the relay"),
    ]
    assert [n.text for n in offline.notes] == [
        "NOTE: Printers on the guest network cannot be re-added; ask the network team."
    ]


def test_a_markdown_bullet_list_with_a_colon_pair_is_no_logseq_page(tmp_path: Path) -> None:
    """Guard: a page of bullets is read as Markdown unless its lines are all an outline's."""
    text = "# Print relay\n\n## Jobs stay in Spooling\n\n- The relay log shows quota exceeded\n- Fix:: purge the spool\n"
    [problem] = read(tmp_path / "pages", "print-relay.md", text).problems
    assert [s.text for s in problem.steps] == ["The relay log shows quota exceeded", "Fix:: purge the spool"]
