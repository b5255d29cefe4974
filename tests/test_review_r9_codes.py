"""Error codes and messages read from the review R9b house styles: a device's model number in a symptom
sentence, a CI runner's generic last line under a specific error, a quoted message in a symptom bullet
and an installer's exit code in a title.

Each test writes a small article of its own in one tool's style (Slite, Dendron, Nuclino, Nextra), finds
it as `kb index` does and reads it with the real indexer, or indexes it and asks the matcher.
"""

from __future__ import annotations

from pathlib import Path

from test_house_styles import read

from api.knowledge import KnowledgeBase
from api.matcher import match
from indexer.build import build_index

SLITE_PRINTERS = """\
# Packing station printers

## Labels come out blank

Labels come out of the Zebra ZD621 blank at packing station 4.

**Cause:** the media type is set to thermal transfer, but the rolls are direct thermal.

- [ ] Open **Printer settings → Media**.
- [ ] Set **Media type** to `Direct thermal`.

## Carrier app shows "Printer offline"

The carrier app shows `Printer offline (PRN-512)` when you click **Print label**.

**Cause:** the printer was given a new address by DHCP.

1. Print the printer's configuration label and read its IP address.
2. Enter that address under **Settings → Printers**.
"""


def test_a_printer_model_named_in_a_symptom_after_its_maker_is_no_error_code(tmp_path: Path) -> None:
    # Before: "the Zebra ZD621" gave the blank-labels problem the code ZD621, and a query naming the
    # model ("Zebra ZD621 offline") was answered high with it.
    article = read(tmp_path / "kb", "printers.md", SLITE_PRINTERS)
    blank, offline = article.problems
    assert (blank.title, blank.error_codes) == ("Labels come out blank", [])
    assert (offline.error_messages, offline.error_codes) == (["Printer offline (PRN-512)"], ["PRN512"])
    build_index([tmp_path / "kb"], tmp_path / "kb.db")
    answer = match(KnowledgeBase(tmp_path / "kb.db"), "Zebra ZD621 offline")
    assert not (answer.matches and answer.matches[0].confidence == "high")


def test_a_code_a_symptom_sentence_names_after_a_verb_or_as_an_error_is_still_the_problem_s(
    tmp_path: Path,
) -> None:
    # The nearest shape: a code the symptom says the screen shows, after a verb, or after a name but called
    # an error by the word after it, stays the problem's code.
    article = read(
        tmp_path,
        "scanner.md",
        """\
# Scanner errors

## Scanner cannot sign in

The handheld shows SCN4021 after the badge is scanned, and the Warehouse SCN4022 error stays on screen.

1. Re-enrol the scanner in the device portal.
""",
    )
    assert article.problems[0].error_codes == ["SCN4021", "SCN4022"]


DENDRON_RUNNER = """\
---
id: q7runnerdisk
title: Build runner failures
---

## Image build fails with "no space left on device"

#### Symptoms

- The `build-image` job ends with:

```
ERROR: failed to copy: write /var/lib/docker/overlay2/9f2c/diff/app/node_modules: no space left on device
ERROR: Job failed: exit code 1
```

#### Fix

1. Run `docker builder prune -af` on the runner.
2. Retry the job.

## Unit tests time out

#### Symptoms

- The `unit` job stops after an hour with:

```
ERROR: Job failed: execution took longer than 1h0m0s seconds
```

#### Fix

1. Split the suite with `parallel: 4`.
"""


def test_a_ci_runner_s_exit_code_line_under_the_error_is_not_part_of_its_message(tmp_path: Path) -> None:
    # Before: the runner's last line, which every failed job prints, was joined to the error above it, and
    # a paste of that line alone was answered high with the full-disk problem.
    article = read(tmp_path / "kb", "devops.ci.runner-failures.md", DENDRON_RUNNER)
    disk, timeout = article.problems
    assert disk.error_messages == [
        "failed to copy: write /var/lib/docker/overlay2/9f2c/diff/app/node_modules: no space left on device"
    ]
    # The nearest shape: a runner's line that says why the job failed is the error itself.
    assert timeout.error_messages == ["Job failed: execution took longer than 1h0m0s seconds"]
    build_index([tmp_path / "kb"], tmp_path / "kb.db")
    kb = KnowledgeBase(tmp_path / "kb.db")
    trailer = match(kb, "ERROR: Job failed: exit code 1")
    assert not (trailer.matches and trailer.matches[0].confidence == "high")
    # The error pasted with the runner's line under it, as it is copied from the job's log, still finds it.
    both = match(
        kb,
        "ERROR: failed to copy: write /var/lib/docker/overlay2/51ab/diff/app/node_modules: no space left on device\n"
        "ERROR: Job failed: exit code 1",
    )
    assert (both.matches[0].problem.title, both.matches[0].confidence) == (disk.title, "high")


NUCLINO_SSO = """\
# Single sign-on errors

## Account not assigned

**Symptoms**
- A new starter gets "Account is not assigned to this app" on the identity provider's page.
- Everyone else signs in as usual.

**Cause**
The account is not in the `crm-users` group.

**Fix**
1. Add the account to `crm-users` in the identity provider.
2. Ask the user to sign in again.

## Sign-in button missing

**Symptoms**
- The "Sign in with SSO" button is missing from the login page.
- Clicking "Open the single sign-on settings" in the admin menu does nothing.

**Fix**
1. Turn on **SSO login** under **Settings → Security**.
"""


def test_a_quoted_message_in_a_symptom_bullet_is_the_problem_s_error_message(tmp_path: Path) -> None:
    # Before: 'A new starter gets "…"' gave no message ("gets" is no verb that shows one), and an exact
    # paste of it was answered medium.
    article = read(tmp_path / "kb", "sso-login-errors.md", NUCLINO_SSO)
    assigned, button = article.problems
    assert (assigned.title, assigned.error_messages) == (
        "Account not assigned",
        ["Account is not assigned to this app"],
    )
    # The nearest shape: a control's label quoted in a symptom is no message, nor a menu item's.
    assert (button.title, button.error_messages) == ("Sign-in button missing", [])
    build_index([tmp_path / "kb"], tmp_path / "kb.db")
    answer = match(KnowledgeBase(tmp_path / "kb.db"), "Account is not assigned to this app")
    assert (answer.matches[0].problem.title, answer.matches[0].confidence) == ("Account not assigned", "high")


def test_a_quoted_message_a_dendron_symptom_gives_after_with_is_the_problem_s_error_message(
    tmp_path: Path,
) -> None:
    article = read(
        tmp_path,
        "devops.ci.pending.md",
        """\
---
id: m3pending
title: Pending jobs
---

### Job stays pending

#### Symptoms

- Jobs wait for more than 15 minutes with "This job is stuck because no runner with the tag gpu-large is online".

#### Fix

1. Start a runner with the `gpu-large` tag.
""",
    )
    assert article.problems[0].error_messages == [
        "This job is stuck because no runner with the tag gpu-large is online"
    ]


NEXTRA_INSTALL = """\
import { Callout } from 'nextra/components'

# Desktop agent install errors

## Setup exits with code 1618

Nothing is installed and no message is shown.

**Cause:** another installation is still running, often a Windows update.

1. Wait for Windows Update to finish, or restart the computer.
2. Run the setup again.

## Agent exits with code 1 after an upgrade

The agent's tray icon disappears a few seconds after it starts.

**Cause:** the old configuration file cannot be read by the new version.

1. Delete `%APPDATA%\\Fieldsync\\agent.json`.
2. Start the agent and sign in again.

<Callout type="info">Your synced files are not deleted.</Callout>
"""


def test_an_exit_code_a_title_names_is_the_problem_s_code(tmp_path: Path) -> None:
    # Before: "Setup exits with code 1618" gave no code, and "error 1618" was answered low.
    article = read(tmp_path / "kb", "install-errors.mdx", NEXTRA_INSTALL)
    busy, upgrade = article.problems
    assert (busy.title, busy.error_codes) == ("Setup exits with code 1618", ["1618"])
    # The nearest shape: an exit code of a digit or two is what any failed program exits with, no code.
    assert (upgrade.title, upgrade.error_codes) == ("Agent exits with code 1 after an upgrade", [])
    build_index([tmp_path / "kb"], tmp_path / "kb.db")
    answer = match(KnowledgeBase(tmp_path / "kb.db"), "error 1618")
    assert answer.matches[0].problem.title == busy.title
