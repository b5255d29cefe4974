"""Mends of the faults reread C found in the last reader commits.

Each test writes a short article of its own and reads it with the real indexer (or times it): a long
catalogue of bold "If you see …" lines over code read in linear time; a thread's answer, the reply the
asker says worked; a fix's paragraph that opens on what clears the error kept whole as the step; a record
named in another language's inflected or abbreviated form no code. A guard beside each keeps the nearest
shape as it was.
"""

from __future__ import annotations

from pathlib import Path

from live import cpu_budget
from test_house_styles import read


def _catalogue(entries: int) -> str:
    """A message catalogue of ``entries`` bare codes, each under a bold "If you see" line over its fix."""
    rows = "".join(
        f'**If you see "E{at:04d}"**\n\n```\nagentctl reset --code E{at:04d}\n```\n\n'
        for at in range(entries)
    )
    return f"# Agent error codes\n\n## Resolution\n\n{rows}"


def test_a_long_catalogue_of_bare_if_you_see_lines_over_code_is_read_in_linear_time(tmp_path: Path) -> None:
    # Each bare line looked for a sibling that heads over the whole run between headings: 400 entries
    # took 10 s, 800 a minute, a stall of `kb index` on one long page.
    with cpu_budget(6.0):
        (problem,) = read(tmp_path, "codes.md", _catalogue(800)).problems
    assert len(problem.steps) == 800


def _topic(*posts: tuple[str, str]) -> str:
    """A Discourse topic's text export of ``posts`` (who wrote it, what it says), numbered, none marked."""
    rows = [
        f"{who} | 2025-03-0{1 + at // 3} 0{at}:12:40 UTC | #{at + 1}\n\n{said}\n"
        for at, (who, said) in enumerate(posts)
    ]
    return "# Print queue hangs after the driver update\n\n" + "\n-------------------------\n\n".join(rows)


ASKED = (
    "mkessler",
    "Since the driver update the print queue hangs. The spooler log says `job 0 is stuck in state 7`.",
)
BASICS = ("tbright", "Did you try the basics?\n\n1. Restart the spooler.\n2. Reboot the print server.")
PROSE_FIX = (
    "ohale",
    "The new driver keeps a stale job file. Stop the spooler, delete `spool/PRINTERS/00000.SHD` and start it.",
)
LATER_LIST = (
    "ohale",
    "Roll the driver back:\n\n1. Open Print Management.\n2. Set the driver to version 3.1.",
)


def _answer(tmp_path: Path, *posts: tuple[str, str]) -> str:
    (problem,) = read(tmp_path, "queue.md", _topic(*posts)).problems
    return " ".join([problem.cause, *(s.text for s in problem.steps), *(n.text for n in problem.notes)])


def test_the_asker_s_thanks_after_two_replies_goes_to_the_reply_right_before_it(tmp_path: Path) -> None:
    # Two people reply before the asker writes back: "That fixed it" was taken as said of the first reply,
    # whose steps were the answer, and the fix it thanks only searchable text.
    said = _answer(tmp_path, ASKED, BASICS, PROSE_FIX, ("mkessler", "That fixed it, thanks!"))
    assert "delete spool/PRINTERS/00000.SHD" in said
    assert "Reboot the print server." not in said
    # Who the asker thanks by name is the one they mean, wherever that reply stands.
    said = _answer(
        tmp_path,
        ASKED,
        PROSE_FIX,
        BASICS,
        ("mkessler", "Rebooting did not help, but the stale job file did the trick, thanks ohale!"),
    )
    assert "delete spool/PRINTERS/00000.SHD" in said
    assert "Reboot the print server." not in said


def test_an_asker_saying_it_is_still_not_working_says_the_reply_failed(tmp_path: Path) -> None:
    # "still not working now" read as "working now", and "still not working" as no verdict: the basics were
    # the answer over the later reply with its own list.
    for verdict in (
        "Did both, it's still not working now.",
        "Did both, still not working.",
        "Didn't fix it, still getting the same stuck job.",
    ):
        said = _answer(tmp_path, ASKED, BASICS, ("mkessler", verdict), LATER_LIST)
        assert "Set the driver to version 3.1." in said, verdict
        assert "Reboot the print server." not in said, verdict


def test_a_reply_the_asker_says_nothing_of_or_thanks_stays_the_answer(tmp_path: Path) -> None:
    # Guard: the first reply with steps, thanked or not, is the answer, and the thanks right after the
    # later one still makes that one the answer.
    assert "Reboot the print server." in _answer(tmp_path, ASKED, BASICS, LATER_LIST)
    said = _answer(tmp_path, ASKED, BASICS, ("mkessler", "Rebooting did the trick, it works now."), PROSE_FIX)
    assert "Reboot the print server." in said
    said = _answer(
        tmp_path, ASKED, BASICS, ("mkessler", "No change."), PROSE_FIX, ("mkessler", "That was it!")
    )
    assert "delete spool/PRINTERS/00000.SHD" in said


def _error_entry(paragraph: str) -> str:
    """An error catalogue's page: one error heading over ``paragraph``, its one paragraph."""
    return f"# Sync agent errors\n\n## E301: lock held by another process\n\n{paragraph}\n"


def test_an_error_s_one_paragraph_that_opens_on_what_clears_it_stays_the_step(tmp_path: Path) -> None:
    # The sentence before the first instruction went to symptoms: the restart that usually clears the lock
    # was lost from the answer, and "if it comes back" referred to nothing.
    for paragraph in (
        "Restarting the agent usually clears it. Run `agentctl reset` if it comes back.",
        "A reboot clears it in most cases. Run `agentctl reset` if it comes back.",
        "This is fixed in 4.3. Upgrade the agent, or run `agentctl reset` after each crash.",
        "Support can reset the lock for you. Open a ticket with the agent's log attached.",
    ):
        (problem,) = read(tmp_path, "errors.md", _error_entry(paragraph)).problems
        assert [s.text for s in problem.steps] == [paragraph.replace("`", "")], paragraph
        assert problem.symptoms == "" and problem.cause == "", paragraph


def test_an_error_s_one_paragraph_that_says_what_is_wrong_then_what_to_do_is_still_cut(
    tmp_path: Path,
) -> None:
    # Guard: what the paragraph says is wrong before its instruction is no step.
    paragraph = (
        "Another agent is running, or one crashed and left its lock file behind. "
        "Delete `/run/agent.lock` if no agent is running."
    )
    (problem,) = read(tmp_path, "errors.md", _error_entry(paragraph)).problems
    assert [s.text for s in problem.steps] == ["Delete /run/agent.lock if no agent is running."]
    assert "left its lock file behind" in problem.symptoms + problem.cause


# A German help centre's page on a shop app's sync errors, the message shown in a code block.
SPEICHERFEHLER = """\
# Fehler beim Synchronisieren

## Speichern schlägt fehl (SV-412)

Die App zeigt:

```
{message}
```

1. Bestellung neu laden.
2. Änderung erneut speichern.
"""


def test_a_record_named_in_an_inflected_or_abbreviated_form_is_no_code(tmp_path: Path) -> None:
    # Only the dictionary form right before the value was known: "des Datensatzes LS-88120", "n° …", "Nr. …"
    # gave the record's number as a code of the problem, and a paste of it was answered high.
    for message in (
        "SV-412 Fehler beim Speichern des Datensatzes LS-88120",
        "SV-412 Auftrag Nr. LS-88120 wurde auf dem Server geändert",
        "SV-412 Konflikt beim Kunden LS-88120",
        "SV-412 la commande n° LS-88120 a été modifiée",
        "SV-412 el pedido núm. LS-88120 fue modificado",
        "SV-412 Conflict: order no. LS-88120 changed on the server",
    ):
        (problem,) = read(tmp_path, "sync.md", SPEICHERFEHLER.format(message=message)).problems
        assert problem.error_codes == ["SV412"], message


def test_a_code_after_a_word_that_names_no_record_is_still_the_problem_s(tmp_path: Path) -> None:
    # Guard: a code after a word that is no record's ("Fehler", "Nummer" alone) is still a code.
    (problem,) = read(
        tmp_path, "sync.md", SPEICHERFEHLER.format(message="Fehler LS-88120 beim Speichern")
    ).problems
    assert problem.error_codes == ["SV412", "LS88120"]


# A fix in branches, each set off by a bold "If you see …" line quoting its error in code, over its command.
BRANCHES_IN_CODE = """\
# Package install fails on build agents

## Resolution

**If you see `EACCES: permission denied`**

```
sudo chown -R builder ~/.cache/pkg
```

**If you see `ETIMEDOUT`**

```
pkg config set proxy http://proxy.internal:3128
```
"""


def test_a_bold_if_you_see_line_quoting_its_error_in_code_heads_its_branch(tmp_path: Path) -> None:
    # The condition was tested on the line's text without its backticks, so no such line headed a branch:
    # the steps were 'If you see EACCES: permission denied sudo chown …' and the proxy line after it.
    (problem,) = read(tmp_path, "pkg.md", BRANCHES_IN_CODE).problems
    assert [(s.group, s.text) for s in problem.steps] == [
        ("If you see EACCES: permission denied", "sudo chown -R builder ~/.cache/pkg"),
        ("If you see ETIMEDOUT", "pkg config set proxy http://proxy.internal:3128"),
    ]


def test_a_bold_line_with_code_that_opens_on_no_condition_heads_no_branch(tmp_path: Path) -> None:
    # Guard: a bold line naming a command in code, over it, opens on no condition: it and its command are a
    # step of the fix, as they were.
    text = BRANCHES_IN_CODE.replace("**If you see `ETIMEDOUT`**", "**Then run `pkg config`**")
    (problem,) = read(tmp_path, "pkg.md", text).problems
    assert [s.text for s in problem.steps][
        -1
    ] == "Then run pkg config\npkg config set proxy http://proxy.internal:3128"


# An IT team's page of browser errors under a "Diagnostics" heading, each under its code.
BROWSER_DIAGNOSTICS = """\
# Intranet portal access

## Diagnostics

### `NET::ERR_CERT_AUTHORITY_INVALID`

{text}

1. Connect to the VPN.
2. Open the portal again.
"""


def test_a_diagnostics_entry_s_text_that_says_what_the_user_sees_is_its_symptoms(tmp_path: Path) -> None:
    # Any "Diagnostics" heading turned each entry's text into its cause, unread: what Chrome shows was no
    # symptom, which weigh more in a match.
    text = "Chrome shows a full-page warning with this code when you open the portal from home."
    (problem,) = read(tmp_path, "portal.md", BROWSER_DIAGNOSTICS.format(text=text)).problems
    assert problem.symptoms == text
    assert problem.cause == ""


def test_a_diagnostics_entry_s_text_that_says_what_the_message_means_is_its_cause(tmp_path: Path) -> None:
    # Guard: text that says what the message means, not what is seen, is the entry's cause.
    text = (
        "The portal's certificate is signed by the company's own authority, which home devices do not trust."
    )
    (problem,) = read(tmp_path, "portal.md", BROWSER_DIAGNOSTICS.format(text=text)).problems
    assert problem.cause == text
    assert problem.symptoms == ""


# A fix's steps, then the error an older driver shows in the same case, sent back to those steps.
OLDER_DRIVER_ERROR = """\
# Label printer queue stalls

## Queue stops at startup

The event log shows `label queue database is locked`.

### Resolution

1. Stop the label service.
2. Delete the `queue.lock` file.
3. Start the label service.

If you run the older 1.x driver you will see `label queue lock timeout after 20s` instead; {told}
"""


def test_another_error_whose_fix_adds_to_the_steps_above_is_a_problem_of_its_own(tmp_path: Path) -> None:
    # Any mention of the fix above made the other error the same problem's: its own extra step was a note,
    # and a paste of it was answered high with steps that are not enough.
    for told in (
        "follow the steps above, then run `labelctl repair --all`.",
        "run the same command as above with `--force`, then reinstall the driver.",
    ):
        first, other = read(tmp_path, "labels.md", OLDER_DRIVER_ERROR.format(told=told)).problems
        assert "label queue lock timeout after 20s" not in first.error_messages, told
        assert other.title == "label queue lock timeout after 20s", told


def test_another_error_sent_back_to_the_steps_above_alone_is_the_problem_s_own(tmp_path: Path) -> None:
    # Guard: a sentence that only sends the reader back to the fix above makes the error the same problem's.
    for told in ("follow the same steps above.", "follow the steps above."):
        (problem,) = read(tmp_path, "labels.md", OLDER_DRIVER_ERROR.format(told=told)).problems
        assert "label queue lock timeout after 20s" in problem.error_messages, told
