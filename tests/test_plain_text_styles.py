"""Plain-text articles in the styles teams write them in (review R8b §1, §7, §8, §11, §12).

Each test writes a short article of its own and reads it with the real indexer: an operations note set
as an RFC is (numbered sections, "Symptom:" / "Cause:" / "Resolution:" paragraphs indented under them,
page footers and running headers between its pages), an e-mail answer that numbers the problems it
answers by their quoted messages, and a headingless post whose error stands in a fenced block under its
title; each with a guard for the nearest shape that must not change.
"""

from __future__ import annotations

from pathlib import Path

from test_house_styles import read

from api.knowledge import KnowledgeBase
from api.matcher import match
from indexer.build import build_index

# An operations note set as an RFC: numbered sections, each failure mode a sub-section whose parts are
# labelled paragraphs indented under it; the last one's fix a sentence after its label; then the note's
# closing sections.
RFC_NOTE = """\
Storage Operations                                          K. Lindqvist
Internal Note: STO-0117                                     Storage Team

          Troubleshooting Replication on Kestrel Filers

2.  Replication Failures

2.1.  Replica Stuck in SYNCING

   Symptom: the replication log contains:

      krepld[812]: KRPL-E204 snapshot transfer aborted by peer

   Cause: the peer filer's snapshot reserve is full.

   Resolution:

      1.  Delete expired snapshots on the peer filer.

      2.  Resume the replication relationship.

2.2.  Replica Lags Behind the Source

   Symptom: the replication log shows:

      krepld[812]: KRPL-W118 transfer window exceeded for vol_finance

   Cause: the schedule starts the transfer before the nightly backup ends.

   Resolution: move the replication schedule to 03:00 on the source filer.  This
   MUST be approved by the storage change board.

3.  Security Considerations

   Replication traffic is not encrypted on the storage VLAN.

Author's Address

   Karin Lindqvist
   Email: k.lindqvist@example.com
"""


def test_a_numbered_section_after_a_fix_written_as_a_sentence_ends_the_problem(tmp_path: Path) -> None:
    article = read(tmp_path / "docs", "replication.txt", RFC_NOTE)
    first, second = article.problems
    assert [step.text for step in first.steps] == [
        "Delete expired snapshots on the peer filer.",
        "Resume the replication relationship.",
    ]
    assert second.title == "Replica Lags Behind the Source"
    assert second.error_codes == ["KRPLW118"]
    # The fix said after its label is the one step; the note's closing sections and its author's
    # address are none of it.
    [step] = second.steps
    assert step.text.startswith("move the replication schedule to 03:00 on the source filer.")
    assert step.text.endswith("MUST be approved by the storage change board.")
    assert not second.notes
    assert "Security Considerations" in article.body
    assert "k.lindqvist@example.com" in article.body
    build_index([tmp_path / "docs"], tmp_path / "index.db")
    best = match(
        KnowledgeBase(tmp_path / "index.db"), "krepld[97]: KRPL-W118 transfer window exceeded"
    ).matches[0]
    assert best.problem.id == "replication#2"
    assert [s.text for s in best.steps] == [step.text]


def test_numbered_steps_at_the_margin_after_numbered_sections_stay_steps(tmp_path: Path) -> None:
    # Guard: a fix whose numbered steps stand at the margin goes on through its next step, numbered as
    # the next section would be ("3." after sections "2.1." and "2.2.").
    text = RFC_NOTE[: RFC_NOTE.index("3.  Security")].replace(
        """   Resolution: move the replication schedule to 03:00 on the source filer.  This
   MUST be approved by the storage change board.
""",
        """Resolution:
1.  Move the replication schedule to 03:00
2.  Ask the storage change board to approve it
3.  Watch the next transfer
""",
    )
    article = read(tmp_path / "docs", "replication.txt", text)
    assert [step.text for step in article.problems[1].steps] == [
        "Move the replication schedule to 03:00",
        "Ask the storage change board to approve it",
        "Watch the next transfer",
    ]


# A numbered step of such a note with paragraphs of its own: the command it runs, then a sentence
# about its output, wrapped, aligned with the step's text.
RFC_STEP_PARAGRAPHS = """\
Kestrel Filer Troubleshooting

2.3.  Snapshot Reserve Fills Overnight

   Symptom: the filer log shows:

      kfsd[77]: KFS-W512 snapshot reserve 98% full on vol_mail

   Cause: a retention policy keeps hourly snapshots for 30 days.

   Resolution:

      1.  List the retention policies:

             kfs policy list --volume vol_mail

          The output SHOULD show "hourly=48" and
          "daily=14" for a mail volume.

      2.  Change the policy to those values.

      3.  Delete the expired snapshots.
"""


def test_a_paragraph_aligned_with_a_step_s_text_is_more_of_that_step(tmp_path: Path) -> None:
    [problem] = read(tmp_path / "docs", "reserve.txt", RFC_STEP_PARAGRAPHS).problems
    assert [(step.number, step.group) for step in problem.steps] == [("1", None), ("2", None), ("3", None)]
    first = problem.steps[0].text
    assert "kfs policy list --volume vol_mail" in first
    assert first.endswith('The output SHOULD show "hourly=48" and "daily=14" for a mail volume.')
    assert problem.steps[1].text == "Change the policy to those values."


def test_a_group_s_name_at_the_steps_margin_still_names_a_group(tmp_path: Path) -> None:
    # Guard: a short line at the column the steps' numbers stand at, not at their text's, after a
    # blank line names the next group of steps.
    text = """\
Client will not uninstall

Symptoms: the uninstaller stops with "Error 1603".

Resolution:
   1. Close every Kestrel window.
   2. Run the uninstaller again.

   On macOS
   1. Quit the Kestrel agent.
   2. Drag the Kestrel app to the Trash.
"""
    [problem] = read(tmp_path / "docs", "uninstall.txt", text).problems
    assert [(step.number, step.group) for step in problem.steps] == [
        ("1", None),
        ("2", None),
        ("1", "On macOS"),
        ("2", "On macOS"),
    ]


# Such a note as its pages are printed: the memo's header block over its centred title, and between
# two pages a footer ("[Page 1]"), a form feed and the running header, in the middle of a fix.
PAGED_NOTE = """\
Storage Operations                                          K. Lindqvist
Internal Note: STO-0121                                     Storage Team
Category: Informational                                       April 2024


              Kestrel Filer Quota Alarms

2.1.  Quota Alarm After a Volume Move

   Symptom: the filer log shows:

      kfsd[77]: KFS-W330 quota exceeded for qtree /vol/home/eng

   Cause: the move copied the quota rules but not their usage.

   Resolution:

      1.  Run a quota resize on the destination volume.

      2.  Wait for the usage scan to finish.


Lindqvist                     Informational                     [Page 1]
\f
STO-0121               Kestrel Filer Quota Alarms             April 2024


   Note: do not raise the hard limit to silence the alarm.

2.2.  Quota Report Is Empty

   Symptom: "kfs quota report" prints no rows.

   Cause: quotas are switched off on the volume.

   Resolution:

      1.  Switch quotas on for the volume.


Lindqvist                     Informational                     [Page 2]
"""


def test_a_page_break_s_footer_and_running_header_are_no_text_of_the_fix(tmp_path: Path) -> None:
    article = read(tmp_path / "docs", "quota.txt", PAGED_NOTE)
    assert article.title == "Kestrel Filer Quota Alarms"
    first, second = article.problems
    assert first.title == "Quota Alarm After a Volume Move"
    assert [step.text for step in first.steps] == [
        "Run a quota resize on the destination volume.",
        "Wait for the usage scan to finish.",
    ]
    # The note after the page break is the fix's, as it is where no page breaks.
    assert [note.text for note in first.notes] == ["Note: do not raise the hard limit to silence the alarm."]
    assert second.title == "Quota Report Is Empty"
    assert [step.text for step in second.steps] == ["Switch quotas on for the volume."]
    # Nothing is lost: the header block and the page furniture are the page's text.
    assert "Internal Note: STO-0121" in article.body
    assert "[Page 1]" in article.body


def test_a_first_line_with_a_wide_gap_and_no_page_footer_still_titles_the_note(tmp_path: Path) -> None:
    # Guard: without a page's footer a line laid out in columns is no running header: over several
    # problems it titles the article, as a converted manual's first line does.
    header = "STO-0121               Kestrel Filer Quota Alarms             April 2024\n\n"
    pages = PAGED_NOTE[PAGED_NOTE.index("2.1.") :]
    text = (
        header
        + pages[: pages.index("Lindqvist  ")]
        + pages[pages.index("   Note:") : pages.rindex("Lindqvist  ")]
    )
    article = read(tmp_path / "docs", "quota.txt", text)
    assert article.title == "STO-0121 Kestrel Filer Quota Alarms April 2024"
    assert len(article.problems) == 2


# A help desk's answer by e-mail: each problem it answers numbered by the message the user saw, in
# quotes, over a paragraph of why and the steps, indented.
EMAIL_ANSWER = """\
From: IT Support <support@archive.example>
To: Front Office <office@archive.example>
Subject: RE: Label printer stopped printing

Hello Tomas,

We found two problems with the label printer:

1) "Print failed: Spooler service not running (LP-0112)"

The spooler stopped after last night's update.

  1. Start the Print Spooler service.
  2. Set its startup type to Automatic.

2) "Print failed: Label size does not match the media (LP-0140)"

The driver was reset to its default label size.

  - Choose the 62 mm roll in the printer preferences, or
  - print from the label app, which sets it itself.

Best regards,
Ines
"""


def test_an_e_mail_answer_numbering_the_messages_it_answers_has_a_problem_for_each(tmp_path: Path) -> None:
    article = read(tmp_path / "docs", "label-printer.txt", EMAIL_ANSWER)
    assert article.title == "Label printer stopped printing"
    first, second = article.problems
    assert first.error_messages == ["Print failed: Spooler service not running (LP-0112)"]
    assert first.error_codes == ["LP0112"]
    assert [step.text for step in first.steps] == [
        "Start the Print Spooler service.",
        "Set its startup type to Automatic.",
    ]
    assert second.error_messages == ["Print failed: Label size does not match the media (LP-0140)"]
    assert second.error_codes == ["LP0140"]
    # Two bullets that offer each other as a choice ("…, or" / "…") are one step, either way of doing it
    # (steps: a run of bullets ending in "or"); numbered as two, the reader did both.
    assert [step.text for step in second.steps] == [
        "Choose the 62 mm roll in the printer preferences, or print from the label app, which sets it itself.",
    ]
    # The greeting and the sign-off are no part of either problem.
    for problem in (first, second):
        fields = [problem.symptoms, problem.cause, *(n.text for n in problem.notes)]
        assert not any("Tomas" in said or "Ines" in said for said in fields)
    build_index([tmp_path / "docs"], tmp_path / "index.db")
    query = "Print failed: Label size does not match the media (LP-0140)"
    best = match(KnowledgeBase(tmp_path / "index.db"), query).matches[0]
    assert (best.problem.id, best.confidence) == ("label-printer#2", "high")


def test_numbered_steps_that_quote_what_to_type_stay_one_problem_s_steps(tmp_path: Path) -> None:
    # Guard: a numbered line that quotes no error (what to type, a menu) over a paragraph is a step.
    text = """\
Subject: Label printer stopped printing

Hello Tomas,

The spooler stopped after last night's update.

1) "Print Spooler"

That is the service to start in services.msc.

  1. Start it.
  2. Set its startup type to Automatic.

Best regards,
Ines
"""
    [problem] = read(tmp_path / "docs", "label-printer.txt", text).problems
    assert [step.text for step in problem.steps][-2:] == ["Start it.", "Set its startup type to Automatic."]
    assert '"Print Spooler"' in [step.text for step in problem.steps]


# A forum post or an e-mail body kept as an article: a title, what happens, the log's error in a fenced
# block under a sentence that says the log has it, why, and the steps; no other heading.
HEADINGLESS_POST = """\
# Mailsync agent stops after every login

Since the 4.2 update the agent stops a minute after login. The sync log has:

```
mailsyncd: fatal: cannot open cache index: permission denied (MS-CACHE-13)
```

The update left the cache folder owned by the installer's account.

1. Give the user full control of `%LOCALAPPDATA%\\Mailsync\\cache`.
2. Sign out and in again.
"""


def test_a_log_s_error_under_a_headingless_article_s_title_is_its_message(tmp_path: Path) -> None:
    [problem] = read(tmp_path / "docs", "mailsync.md", HEADINGLESS_POST).problems
    message = "mailsyncd: fatal: cannot open cache index: permission denied (MS-CACHE-13)"
    assert problem.error_messages == [message]
    assert problem.error_codes == ["MSCACHE13"]
    assert [step.text for step in problem.steps][-1] == "Sign out and in again."
    build_index([tmp_path / "docs"], tmp_path / "index.db")
    best = match(KnowledgeBase(tmp_path / "index.db"), message).matches[0]
    assert (best.problem.id, best.confidence) == ("mailsync#1", "high")


def test_a_file_s_content_under_such_a_title_is_no_message(tmp_path: Path) -> None:
    # Guard: what a configuration file has, or a log's lines that report no failure, are no error.
    for lead, shown in (
        ("The config file has:", "cache_dir = C:\\\\Mailsync\\\\cache"),
        ("The sync log has:", "mailsyncd: cache index opened, 4211 entries"),
    ):
        text = HEADINGLESS_POST.replace("The sync log has:", lead).replace(
            "mailsyncd: fatal: cannot open cache index: permission denied (MS-CACHE-13)", shown
        )
        [problem] = read(tmp_path / "docs", "mailsync.md", text).problems
        assert problem.error_messages == []
