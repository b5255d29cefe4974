"""Shapes a reread of the readers found still misread: a Discourse topic whose first reply with steps the
asker says failed, a "you will see X instead; follow the same steps above" line after a fix, a bold "If you
see …" line over each of several branches, a sentence that says when an error is seen, record words in
other languages than English, a man page's "E102: message" entry, and bulleted alternatives under a problem.

Each test writes a small article of its own in one team's style, finds it as `kb index` does and reads it
with the real indexer.
"""

from __future__ import annotations

from pathlib import Path

from test_house_styles import read

# A Discourse topic as its text export writes it, no post marked as the answer: the first reply with steps
# is tried and fails ("no change"), a later reply gives the fix in prose, and the asker thanks it.
DISCOURSE_FAILED_FIRST_REPLY = """\
# Backup agent stops after the 4.6 upgrade

pnoor | 2024-09-02 07:55:10 UTC | #1

Since the upgrade to 4.6 the backup agent stops every few hours. Its log ends with `catalog handle is stale`.

-------------------------

gwatts | 2024-09-02 08:30:44 UTC | #2

Did you try the basics?

1. Restart the agent.
2. Reboot the host.

-------------------------

pnoor | 2024-09-02 09:12:03 UTC | #3

Yes, I did both, no change.

-------------------------

lfarrow | 2024-09-03 06:40:18 UTC | #4

The 4.6 agent keeps the old catalog open after a rotation. Stop the agent, delete `catalog/.lock` and start it again.

-------------------------

pnoor | 2024-09-03 10:02:51 UTC | #5

That fixed it, thanks!
"""


def test_a_numbered_topic_s_reply_the_asker_says_failed_is_no_fix(tmp_path: Path) -> None:
    # The first reply with a list was taken as the fix, though the asker answered "no change"; the
    # reply the asker thanks was only searchable text.
    article = read(tmp_path, "catalog.md", DISCOURSE_FAILED_FIRST_REPLY)
    (problem,) = article.problems
    said = " ".join([problem.cause, *(s.text for s in problem.steps), *(n.text for n in problem.notes)])
    assert "delete catalog/.lock" in said
    assert "Reboot the host." not in said
    assert "Did you try the basics?" not in said


def test_a_numbered_topic_s_first_reply_with_steps_is_the_fix_unless_said_to_fail(tmp_path: Path) -> None:
    # Guard: the first reply with steps is the fix where the asker says nothing of it, or that it worked.
    text = DISCOURSE_FAILED_FIRST_REPLY[: DISCOURSE_FAILED_FIRST_REPLY.index("pnoor | 2024-09-02 09:12")]
    (problem,) = read(tmp_path, "catalog.md", text).problems
    assert [s.text for s in problem.steps] == ["Restart the agent.", "Reboot the host."]
    text = DISCOURSE_FAILED_FIRST_REPLY.replace(
        "Yes, I did both, no change.", "Rebooting did the trick, thanks!"
    )
    (problem,) = read(tmp_path, "catalog.md", text).problems
    assert [s.text for s in problem.steps] == ["Restart the agent.", "Reboot the host."]
