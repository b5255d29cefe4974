"""Mends from reread D of the R9 reader commits: a vendor's code named after "the" and its product stays a
code while a device's model stays none, and the other shapes that reread found misread.

Each test writes a small article of its own, finds it as `kb index` does and reads it with the real
indexer, or indexes it and asks the matcher; each has a guard for the nearest shape that must not change.
"""

from __future__ import annotations

from pathlib import Path

from test_house_styles import read

from api.knowledge import KnowledgeBase
from api.matcher import match
from indexer.build import build_index
from indexer.roles import Role, heading_role

OFFICE_DEVICES = """\
# Office device faults

## Copier stops with a service call

### Symptoms

- The Ricoh SC542 appears on the panel and the copier stops mid-job.

### Resolution

1. Switch the copier off, wait a minute and switch it on.
2. If the call comes back, log a ticket with the print vendor.

## Teams sign-in loops

### Symptoms

- Users get the Teams CAA20003 when they sign in, and the Teams CAA20004 screen stays open.

### Resolution

1. Sign out of every Microsoft app on the laptop.
2. Clear the Teams cache folder and sign in again.
"""


def test_a_vendor_s_code_after_the_and_its_product_is_still_the_problem_s_code(tmp_path: Path) -> None:
    # Before: "The Ricoh SC542" and "the Teams CAA20003" were read as device models, so the problems had no
    # codes and the pasted code was answered low.
    article = read(tmp_path / "kb", "devices.md", OFFICE_DEVICES)
    copier, teams = article.problems
    assert copier.error_codes == ["SC542"]
    assert teams.error_codes == ["CAA20003", "CAA20004"]
    build_index([tmp_path / "kb"], tmp_path / "kb.db")
    answer = match(KnowledgeBase(tmp_path / "kb.db"), "SC542")
    assert answer.matches[0].problem.title == "Copier stops with a service call"
    assert answer.matches[0].confidence == "high"


def test_a_model_named_as_where_it_failed_or_called_a_device_is_still_no_code(tmp_path: Path) -> None:
    # The nearest shape that must not change: a model after a preposition, or with a word for a device after
    # it, names the device and gives the problem no code.
    article = read(
        tmp_path,
        "jams.md",
        """\
# Printer room

## Paper jams on the second tray

### Symptoms

- Paper jams in the Kyocera TK580 on every second page, and the Brother HL5100 printer stops too.

### Resolution

1. Fan the paper before loading it.
2. Set the tray's paper weight to 80 gsm.
""",
    )
    assert article.problems[0].error_codes == []


BACKUP_RESTORE = """\
# Nightly backup

## Restore takes hours

### Symptoms

A restore of one project folder runs for hours and the share stays read-only.

### Cause

The restore walks every snapshot instead of the newest one.

### Resolution

Run the restore with `vaultctl restore --latest-only`. The restore log should end with:

```
restore finished: 1204 files, 0 failed
```

Then run the nightly backup by hand. A healthy run's last line looks like this:

```
backup completed: 0 errors, 0 warnings
```
"""


def test_the_healthy_output_a_fix_shows_is_no_error_message(tmp_path: Path) -> None:
    # Before: "should end with:" and "looks like this:" over a summary of none failed made each healthy
    # line the problem's error message.
    article = read(tmp_path, "backup.md", BACKUP_RESTORE)
    (problem,) = article.problems
    assert problem.error_messages == []
    assert problem.cause.startswith("The restore walks every snapshot")


def test_output_a_symptom_says_a_log_ends_with_is_still_its_error_message(tmp_path: Path) -> None:
    # The nearest shape: a log that ends with a count of failures above none is the problem's message.
    article = read(
        tmp_path,
        "backup-fails.md",
        """\
# Nightly backup

## Backup reports errors

### Symptoms

The nightly backup job log ends with:

```
backup completed: 3 errors, 0 warnings
```

### Resolution

1. Open the job's detail log and find the three skipped folders.
2. Give the backup account read access to them.
""",
    )
    assert article.problems[0].error_messages == ["backup completed: 3 errors, 0 warnings"]


RUNNER_JOBS = """\
# CI job failures

## Test job is killed

### Symptoms

The job log ends with:

```
Killed
ERROR: Job failed: command terminated with exit code 137
```

### Resolution

1. Raise the job's memory limit to 4 GiB in `.gitlab-ci.yml`.
2. Run the tests in two shards.

## Image push is refused

### Symptoms

The publish job stops at the push:

```
denied: requested access to the resource is denied
ERROR: Job failed (system failure): exit code 1
```

### Resolution

1. Create a new deploy token with `write_registry`.
2. Update the `REGISTRY_TOKEN` variable.

## Restore step fails

### Symptoms

```
error NU1101: Unable to find package Acme.Billing.Client
Error: The process '/usr/bin/dotnet' failed with exit code 1
```

### Resolution

1. Add the internal feed to `nuget.config`.

## Image build stops at npm ci

### Symptoms

```
npm ERR! code ERESOLVE
The command '/bin/sh -c npm ci' returned a non-zero code: 1
```

### Resolution

1. Pin the peer dependency in `package.json`.
"""


def test_a_runner_s_every_exit_code_line_is_no_part_of_the_error_above_it(tmp_path: Path) -> None:
    # Before: these runner lines stayed joined to the error above them, so a paste of the runner's line
    # alone was answered high with whichever problem's log ended with it.
    article = read(tmp_path / "kb", "ci.md", RUNNER_JOBS)
    assert [p.error_messages for p in article.problems] == [
        ["Killed"],
        ["denied: requested access to the resource is denied"],
        ["error NU1101: Unable to find package Acme.Billing.Client"],
        ["npm ERR! code ERESOLVE"],
    ]
    build_index([tmp_path / "kb"], tmp_path / "kb.db")
    answer = match(
        KnowledgeBase(tmp_path / "kb.db"), "ERROR: Job failed: command terminated with exit code 1"
    )
    assert not (answer.matches and answer.matches[0].confidence == "high")


def test_a_line_that_says_why_the_job_failed_stays_part_of_the_message(tmp_path: Path) -> None:
    # The nearest shape: a program's own exit status, or a runner's line that says why, is the message's.
    article = read(
        tmp_path,
        "nfs.md",
        """\
# Build cache mount

## Cache volume will not mount

### Symptoms

```
mount.nfs: access denied by server while mounting cache01:/builds
Mount failed: exit status 32
```

### Resolution

1. Add the runner's address to the export list on `cache01`.
""",
    )
    assert article.problems[0].error_messages == [
        "mount.nfs: access denied by server while mounting cache01:/builds Mount failed: exit status 32"
    ]


WORKSPACE_ACCESS = """\
# Workspace access

## New member cannot open the workspace

### Symptoms

- A new member gets "You don’t have access to this workspace yet" after accepting the invite.

### Resolution

1. Add the member to the workspace's **Members** group.

## Anmeldung an der Zeiterfassung schlägt fehl

### Symptome

- Ein Benutzer bekommt "Benutzer ist dieser Anwendung nicht zugewiesen" auf der Anmeldeseite.

### Lösung

1. Weisen Sie den Benutzer der Anwendung im Admin-Portal zu.
"""


def test_a_quoted_message_negative_by_a_curly_apostrophe_or_in_german_is_the_error_message(
    tmp_path: Path,
) -> None:
    # Before: only "n't" with a straight apostrophe and English words for "not" marked the quotation as a
    # failure, so neither symptom gave a message.
    article = read(tmp_path, "access.md", WORKSPACE_ACCESS)
    assert [p.error_messages for p in article.problems] == [
        ["You don't have access to this workspace yet"],
        ["Benutzer ist dieser Anwendung nicht zugewiesen"],
    ]


def test_a_quoted_label_in_a_symptom_is_still_no_error_message(tmp_path: Path) -> None:
    # The nearest shape: a quoted menu item's label in a symptom that does not say anything is not so.
    article = read(
        tmp_path,
        "menu.md",
        """\
# Workspace access

## Export does nothing

### Symptoms

- Clicking "Export all records" in the workspace menu does nothing.

### Resolution

1. Reload the page and try again.
""",
    )
    assert article.problems[0].error_messages == []


KIOSK_POLICY = """\
# Kiosk sign-in screen

## Kiosks show the last user's name

### Symptoms

- The "Do not display last user name" policy is ignored on the kiosks.

### Resolution

1. Move the kiosks into the **Kiosks** OU.
2. Run `gpupdate /force` on each kiosk.
"""


def test_a_quoted_policy_name_in_a_symptom_is_no_error_message(tmp_path: Path) -> None:
    # Before: the policy's name, negative by its "not", was the problem's error message.
    article = read(tmp_path, "kiosk.md", KIOSK_POLICY)
    assert article.problems[0].error_messages == []


def test_a_quoted_message_that_names_a_policy_is_still_the_error_message(tmp_path: Path) -> None:
    # The nearest shape: a message that names a policy inside its quotation stays the message.
    article = read(
        tmp_path,
        "usb.md",
        """\
# Kiosk devices

## USB drives are blocked

### Symptoms

- Staff get "This device is not allowed by your organisation's policy" when they plug in a drive.

### Resolution

1. Add the drive's vendor ID to the allowed list.
""",
    )
    assert article.problems[0].error_messages == ["This device is not allowed by your organisation's policy"]


# A service desk's article as its portal renders the record, each field a panel; the fix shows a script
# whose first line is a shell comment.
VPN_PANELS_PAGE = """\
<html><head><title>Knowledge - KB0004518 - Help Portal</title></head>
<body>
<div class="sd-form">
  <div class="sd-panel"><div class="sd-panel-title">Title</div>
    <div class="sd-panel-body">Site VPN drops every hour</div></div>
  <div class="sd-panel"><div class="sd-panel-title">Symptoms</div>
    <div class="sd-panel-body"><p>The branch tunnel goes down on the hour and comes back after a minute.</p>
    </div></div>
  <div class="sd-panel"><div class="sd-panel-title">Resolution</div>
    <div class="sd-panel-body"><p>Raise the rekey lifetime on the branch gateway:</p>
<pre># set phase 2 lifetime to match the hub
set vpn ipsec esp-group branch lifetime 28800
commit</pre>
    </div></div>
</div>
</body></html>
"""


def test_a_comment_in_a_fix_s_code_does_not_stop_the_title_panel_titling_the_page(tmp_path: Path) -> None:
    # Before: the script's "# set phase 2 …" line was taken for the page's own title heading, so the
    # portal's <title> titled the article and its problem.
    article = read(tmp_path, "kb0004518.html", VPN_PANELS_PAGE)
    assert article.title == "Site VPN drops every hour"
    assert [p.title for p in article.problems] == ["Site VPN drops every hour"]


def test_a_title_panel_without_code_still_titles_the_page(tmp_path: Path) -> None:
    # The nearest shape: the same page with no code titles it by its Title panel, as before.
    page = VPN_PANELS_PAGE.replace("# set phase 2 lifetime to match the hub\n", "")
    article = read(tmp_path, "kb0004518.html", page)
    assert article.title == "Site VPN drops every hour"


SIGN_IN_ERRORS = """\
# Sign-in errors

## AADSTS50105: user not assigned

A user who is not in the app's group sees this after signing in:

```
Sign-in failed. AADSTS50105: Your administrator has configured the application Payroll to block users unless they are specifically granted access.
```

1. Add the user to the **Payroll users** group.
2. Ask the user to sign in again.

## AADSTS50011: reply URL mismatch

The browser shows:

```
AADSTS50011: The redirect URI 'https://payroll.example.com/auth' does not match the redirect URIs configured for the application.
```

1. Add the redirect URI to the app registration.
"""


def test_a_heading_s_words_after_a_code_its_message_shows_after_other_words_are_no_message(
    tmp_path: Path,
) -> None:
    # Before: the message opened with "Sign-in failed.", not the code, so the heading's "user not assigned"
    # stayed an error message beside it.
    article = read(tmp_path, "sign-in.md", SIGN_IN_ERRORS)
    assert article.problems[0].error_messages == [
        "Sign-in failed. AADSTS50105: Your administrator has configured the application Payroll to block "
        "users unless they are specifically granted access."
    ]


def test_a_heading_s_words_after_a_code_its_message_opens_with_are_still_no_message(tmp_path: Path) -> None:
    # The nearest shape: the message the block shows opens with the heading's code, as before.
    article = read(tmp_path, "sign-in.md", SIGN_IN_ERRORS)
    assert article.problems[1].error_messages == [
        "AADSTS50011: The redirect URI 'https://payroll.example.com/auth' does not match the redirect URIs "
        "configured for the application."
    ]


def test_a_model_named_as_where_it_failed_in_german_is_no_code(tmp_path: Path) -> None:
    # Before: only English determiners were read, so "aus dem Zebra ZD421" gave the problem the code ZD421;
    # the guard: a German symptom's own code after a verb stays.
    article = read(
        tmp_path,
        "etiketten.md",
        """\
# Etikettendrucker

## Etiketten bleiben leer

### Symptome

- Die Etiketten kommen aus dem Zebra ZD421 leer heraus, und das Terminal zeigt PRN4711.

### Lösung

1. Stellen Sie den Medientyp auf Thermodirekt.
""",
    )
    assert article.problems[0].error_codes == ["PRN4711"]


def test_a_help_centre_s_feedback_question_heading_is_boilerplate_in_each_wording() -> None:
    # Before: roles.py had its own narrower "did this …" pattern, so these prompts were problems' headings.
    for prompt in ("Did the article help?", "Did the answer help?", "Did this article solve your problem?"):
        assert heading_role(prompt) is Role.BOILERPLATE, prompt


def test_a_heading_that_asks_whether_a_fix_helped_is_still_a_topic() -> None:
    # The nearest shape: a question that goes on past the prompt asks about a fix, and is a problem.
    assert heading_role("Did this help fix the sync?") is Role.TOPIC


BADGED_PAGE = """\
<html><head><title>Sync service known issues</title></head>
<body>
<h1>Sync service known issues</h1>
<h2><span class="label label-warning">Beta</span> Sync fails with 502 Bad Gateway</h2>
<p>The desktop client stops syncing and its log shows <code>502 Bad Gateway</code>.</p>
<ol><li>Sign out of the client.</li><li>Sign in again with the new endpoint.</li></ol>
</body></html>
"""


def test_a_badge_at_the_start_of_a_heading_is_no_field_label(tmp_path: Path) -> None:
    # Before: the badge's "label" class made the heading "Beta: Sync fails …", a field's label and value.
    article = read(tmp_path, "sync.html", BADGED_PAGE)
    assert [p.title for p in article.problems] == ["Beta Sync fails with 502 Bad Gateway"]


def test_a_field_s_label_and_value_spans_in_a_block_are_still_one_field(tmp_path: Path) -> None:
    # The nearest shape: a record's label and value spans in one <div> read as "Label: value".
    page = BADGED_PAGE.replace(
        "<h1>Sync service known issues</h1>",
        '<h1>Sync service known issues</h1><div class="field"><span class="field-label">Article ID</span>'
        '<span class="field-value">KBA00031245</span></div>',
    )
    article = read(tmp_path, "sync.html", page)
    assert "Article ID: KBA00031245" in article.body
