"""What reviews R8a and R8b left after their first fixes: the code closing a numbered heading in brackets
(a Word SOP's "2.1 Scanner cannot log in (E1017)"), a Discourse post's BBCode fold ([details="…"]) and a
MyST reference to a heading's target.

Each test writes a small article of its own in the style and reads it with the real indexer, with a guard
for the nearest shape that must read as before.
"""

from __future__ import annotations

from pathlib import Path

from test_house_styles import read

# A standard operating procedure saved from Word as Markdown: its sections numbered by the document's
# outline, each fault's heading closing with the code the handheld shows, a message quoting it below.
NUMBERED_SOP = """\
# SOP-LG-007 Label printer troubleshooting

## 2.1 Printer refuses the job: “Media out” (P2204)

The printer's display shows `P2204 Media out. Load labels and press FEED.`

1. Open the cover and load a new roll.
2. Press FEED once.

## 2.2 Labels print blank (T-300)

The labels come out white after the printer on the packing line was moved.

1. Turn the ribbon roll over.
2. Print a test label.
"""


def test_a_code_closing_a_numbered_heading_that_its_message_quotes_is_the_problem_s(
    tmp_path: Path,
) -> None:
    media, blank = read(tmp_path / "kb", "sop-lg-007.md", NUMBERED_SOP).problems
    assert media.title == "2.1 Printer refuses the job: “Media out” (P2204)"
    assert media.error_messages == ["P2204 Media out. Load labels and press FEED."]
    assert "P2204" in media.error_codes
    assert [s.text for s in media.steps] == ["Open the cover and load a new roll.", "Press FEED once."]
    # The nearest shape: a numbered heading closing with a model's name in brackets ("T-300"), which no message
    # quotes, stays no code.
    assert blank.title == "2.2 Labels print blank (T-300)"
    assert blank.error_codes == []


# A Discourse topic as its text export writes it: posts under "user | date | #n" bylines, apart by rules;
# the question folds its full log in BBCode's [details="…"] … [/details], as Discourse's composer does.
DISCOURSE_FOLDED_LOG = """\
# Nightly export job stops with "spool directory not writable"

rkovac | 2024-05-03 07:41:09 UTC | #1

After moving the spool to the new NAS share, the nightly export stops at once. The scheduler shows:

```
exportd: fatal: spool directory not writable (EXP-213)
```

[details="Full scheduler log (last 20 lines)"]
```
2024-05-03T02:00:01Z INFO  export run 4411 starting
2024-05-03T02:00:02Z ERROR spool directory not writable (EXP-213)
```
[/details]

Any idea what changed?

-------------------------

tgrant | 2024-05-03 09:12:55 UTC | #2

The share is mounted read-only for the export service account.

1. Grant the export account write access on the share.
2. Remount it and rerun the job.

[Release notes for 4.2](https://example.com/notes/4.2) list the new spool setting.
"""


def test_a_discourse_posts_details_fold_marks_are_no_text_its_log_is_read(tmp_path: Path) -> None:
    (problem,) = read(tmp_path / "kb", "export-spool.md", DISCOURSE_FOLDED_LOG).problems
    assert "[details" not in problem.symptoms
    assert "[/details]" not in problem.symptoms
    assert "Any idea what changed?" in problem.symptoms
    assert "exportd: fatal: spool directory not writable (EXP-213)" in problem.error_messages
    assert [s.text for s in problem.steps] == [
        "Grant the export account write access on the share.",
        "Remount it and rerun the job.",
    ]
    # The nearest shape: a paragraph that opens with a link in square brackets is no fold's mark: its
    # words stay.
    assert any("Release notes for 4.2 list the new spool setting." in n.text for n in problem.notes)


# A MyST page of a Sphinx site: a target "(label)=" over a heading, and a step that refers to it with
# {ref}`label`, which Sphinx shows as the heading's title.
MYST_REFERENCES = """\
# Report scheduler troubleshooting

## Report run stops with "queue lease expired"

`ERROR scheduler: queue lease expired for run 812 [RS-QL-301]`

**Cause:** a worker paused for longer than the lease while writing its output.

1. Raise the lease to ten minutes in `scheduler.toml`.
2. Run the report again. See {ref}`worker-sizing` and {ref}`the lease settings <lease-settings>`.
3. If it stops again, follow {ref}`escalation-path`.

(worker-sizing)=
## Sizing report workers

Give each worker 2 GiB of memory per concurrent run.
"""


def test_a_myst_reference_to_a_heading_s_target_shows_the_heading_s_title(tmp_path: Path) -> None:
    article = read(tmp_path / "kb", "scheduler.md", MYST_REFERENCES)
    problem = article.problems[0]
    # The nearest shapes: a reference with words of its own shows them ("the lease settings"), and one
    # whose target is on another page shows its label, as before.
    assert [s.text for s in problem.steps] == [
        "Raise the lease to ten minutes in scheduler.toml.",
        "Run the report again. See Sizing report workers and the lease settings.",
        "If it stops again, follow escalation-path.",
    ]
    assert (
        problem.steps[1].markdown == "Run the report again. See Sizing report workers and the lease settings."
    )
