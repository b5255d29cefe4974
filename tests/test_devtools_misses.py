"""Misses of held-out queries on a developer-tools knowledge base (package managers' reference docs).

Each test is a short article written in the style of such docs and the paste or question that
missed it: a container build's log around a failure (`docker build`'s classic builder and
BuildKit's plain progress), whose own lines are no words of the failure; a forum post's list of
what the asker already tried, whose attempts are other problems' fixes; the strip of fields an
alerting or CI tool heads its notification with.
"""

from __future__ import annotations

from pathlib import Path

from api.knowledge import KnowledgeBase
from api.matcher import match
from api.query import prepare
from indexer.build import build_index
from indexer.errortext import log_lines
from tests.live import cpu_budget
from tests.test_house_styles import read

BUILD_ISOLATION = """\
# Build System Interface

pip builds a source distribution in an isolated environment of its own.

## Build isolation

pip installs the build requirements a project's pyproject.toml lists into a temporary
environment, prepares the metadata there, and removes it afterwards.

## Disabling build isolation

With `--no-build-isolation`, pip prepares metadata and builds the wheel in the current
environment: a build requirement such as Cython or setuptools that is not installed there
is a module the build backend cannot import.

1. Install the build requirements into the environment first: `pip install Cython setuptools wheel`.
2. Install the project again with `--no-build-isolation`, or drop the option.
"""

SERVICE_COOKBOOK = """\
# Service Cookbook

A formula can declare what runs after it is installed.

## Running commands after installation

Post-install steps run each time the package is installed, using the cache of downloads.

1. Declare the commands in a `post_install` block.
2. Keep each step idempotent: it may be running again on upgrade.

## File preparation steps

Steps that create directories run before the service starts.

1. Use `mkdir_p` for each directory a step needs.
2. Use `touch` for log files.
"""

PIP_BASICS = """\
# Getting Started

## Install packages from a requirements file

pip installs each package a requirements.txt lists, collecting and downloading each one and
preparing its metadata from its pyproject.toml.

1. Run `pip install -r requirements.txt`.
2. Check the installed versions with `pip list`.

## Install a package from a source distribution

1. Run `pip install ./project` to build and install a local project.
2. Run `pip install project-1.0.tar.gz` to install a downloaded sdist.
"""

CLASSIC_BUILD = """\
Step 4/14 : ENV PIP_DISABLE_PIP_VERSION_CHECK=1
 ---> Using cache
 ---> 7f1d3a0b6e55
Step 5/14 : RUN useradd -m app
 ---> Using cache
 ---> 2b8e9c4d1f03
Step 6/14 : USER app
 ---> Using cache
 ---> 51e0f3d2a8c4
Step 7/14 : WORKDIR /app
 ---> Using cache
 ---> 5c2a0e9f7b13
Step 8/14 : COPY requirements.txt ./
 ---> 0b9c3e7d5a21
Step 9/14 : RUN pip install --no-build-isolation -r requirements.txt
 ---> Running in 1d7e52af90c3
Collecting fastavro==1.9.4 (from -r requirements.txt (line 12))
  Preparing metadata (pyproject.toml): finished with status 'error'
ModuleNotFoundError: No module named 'Cython'
Removing intermediate container 1d7e52af90c3
The command '/bin/sh -c pip install --no-build-isolation -r requirements.txt' returned a non-zero code: 1
"""

BUILDKIT_BUILD = """\
#11 [builder 4/8] COPY requirements.txt .
#11 DONE 0.0s
#12 [builder 5/8] RUN pip install --no-build-isolation -r requirements.txt
#12 1.873 Collecting fastavro==1.9.4 (from -r requirements.txt (line 12))
#12 6.988   Preparing metadata (pyproject.toml): finished with status 'error'
#12 7.001   ModuleNotFoundError: No module named 'Cython'
#12 ERROR: process "/bin/sh -c pip install --no-build-isolation -r requirements.txt" did not complete successfully
"""


def test_a_container_builds_own_lines_are_no_words_of_the_failure() -> None:
    """`docker build` prints how far it got around what the instruction printed: the classic builder's
    "Step 9/14 : " before each instruction and its " ---> …" lines (a layer's id, "Using cache",
    "Running in …"), BuildKit's "#12 1.873 " before each line and "#11 DONE 0.0s". Read as words,
    "step", "using cache" and "running" found a cookbook's "… steps" sections first."""
    classic = log_lines(CLASSIC_BUILD.splitlines())
    assert classic[3:6] == [
        "WORKDIR /app",
        "COPY requirements.txt ./",
        "RUN pip install --no-build-isolation -r requirements.txt",
    ]
    assert not [line for line in classic if "--->" in line or "Step" in line or "intermediate" in line]
    assert "ModuleNotFoundError: No module named 'Cython'" in classic
    buildkit = log_lines(BUILDKIT_BUILD.splitlines())
    assert not [line for line in buildkit if line.startswith("#") or "DONE" in line]
    assert "ModuleNotFoundError: No module named 'Cython'" in [line.strip() for line in buildkit]
    # The stage's label goes as a log line's bracketed source does ("[builder 5/8] "), its instruction stays.
    assert "RUN pip install --no-build-isolation -r requirements.txt" in buildkit


def test_a_failure_inside_a_container_build_finds_its_fix(tmp_path: Path) -> None:
    """The pages about pip answer first; before, the cookbook's "Running commands after installation"
    was second (0.65), above the page about installing from a requirements file."""
    read(tmp_path / "docs", "build-system.md", BUILD_ISOLATION)
    read(tmp_path / "docs", "service-cookbook.md", SERVICE_COOKBOOK)
    read(tmp_path / "docs", "getting-started.md", PIP_BASICS)
    build_index([tmp_path / "docs"], tmp_path / "index.db")
    kb = KnowledgeBase(tmp_path / "index.db")
    for log in (CLASSIC_BUILD, BUILDKIT_BUILD):
        answers = match(kb, log).matches
        assert answers[0].problem.title == "Disabling build isolation", log
        assert [a.article.id for a in answers[:3]].count("service-cookbook") == 0, log


def test_numbered_steps_and_issue_numbers_that_no_build_printed_stay_words() -> None:
    """Guard: only a builder's own shapes go. A runbook's "Step 3: …", a ticket's "#12 fails again"
    and an arrow that a program prints ("---> retrying") are text someone wrote."""
    lines = ["Step 3: restart the agent", "#12 fails again after the upgrade", "---> retrying in 5s"]
    assert log_lines(lines) == lines
    assert "Step 3: restart the agent" in prepare("\n".join(lines)).parts[0]


PACKAGE_COOKBOOK = """\
# Package Cookbook

## Installing into the package's prefix

A Makefile that installs manual pages with a fixed path writes outside the package's own
prefix, and the sandbox refuses it: `install -d` cannot create the man1 directory there.

1. Pass the prefix to every install variable: `make install PREFIX=#{prefix} MANDIR=#{man}`.
2. If the Makefile has no such variable, patch its install target to use the prefix.
"""

TOOL_FAQ = """\
# FAQ

## Why does the tool refuse to run with sudo?

Running it as root leaves files that your user cannot change later.

1. Do not run it with sudo; undo a `sudo mkdir` with `sudo chown -R $(whoami)` on what it made.
2. Open a new terminal and run `tool doctor`: it says whether your system is ready.
3. Run the command again by hand as your own user.
"""

TRIED_POST = """\
Formula build fails: "install: mkdir /usr/local/share/man/man1: Operation not permitted"

My formula runs `make install`. With --build-from-source it stops at the manual pages.

What I've tried:
- `sudo mkdir -p /usr/local/share/man/man1` and chown to my user, in a new terminal
- running `make install` by hand as my own user works
- `tool doctor` says the system is ready
- Checked that the Makefile installs man pages with a fixed path

How do I get past this?
"""


def test_what_the_asker_already_tried_is_no_words_of_the_question(tmp_path: Path) -> None:
    """A forum post lists what did not help under "What I've tried:": each attempt is another
    problem's fix, and its words put the FAQ about sudo first. What the asker checked stays."""
    read(tmp_path / "docs", "package-cookbook.md", PACKAGE_COOKBOOK)
    read(tmp_path / "docs", "faq.md", TOOL_FAQ)
    build_index([tmp_path / "docs"], tmp_path / "index.db")
    kb = KnowledgeBase(tmp_path / "index.db")
    # Before: the FAQ first at 0.93, the cookbook second at 0.04.
    assert [m.article.id for m in match(kb, TRIED_POST).matches] == ["package-cookbook", "faq"]
    [asked] = prepare(TRIED_POST).parts
    assert "sudo" not in asked and "tried" not in asked and "doctor" not in asked
    assert "Checked that the Makefile installs man pages with a fixed path" in asked
    assert asked.endswith("How do I get past this?")


def test_a_list_that_is_no_attempts_stays_words() -> None:
    """Guard: a list under another label, or a sentence that says what was tried, is the question."""
    post = (
        "Steps to reproduce:\n- run `tool sync`\n- open the report\n"
        "I tried the sync twice and it fails with: quota exceeded"
    )
    [asked] = prepare(post).parts
    assert asked == post.replace("\n", " ")


DEPRECATIONS = """\
# Deprecations

## The deprecation lifecycle

A method of the formula API is first deprecated, then disabled, then removed. A deprecated
method prints a warning when a formula calls it; with developer mode on, as in the audit a
tap's checks run, the warning is an error and the check fails.

1. Replace the call with the replacement the warning names, or drop it where there is none.
2. Run the audit again on the tap.
"""

CI_BOT = """\
# Test Bot

## Running the test bot workflow

The test bot runs as a workflow job on each push to main and on each pull request.

1. Add the workflow file to the tap's repository.
2. Read each job's log from the run's page.

## Job runners

Each job of a run gets a fresh runner image (macOS or Linux) for a few minutes.

1. Pick the runner image in the workflow's job matrix.
"""

CI_NOTIFICATION = """\
GitHub Actions · acme/homebrew-tools · workflow "test-bot" failed on main
Run #1187 · job tap_syntax (macos-14) · 1m 12s

  Error: Calling Formula#legacy_env is deprecated! There is no replacement.
  Please report this issue to the acme/tools tap.
"""


def test_a_notifications_strip_of_fields_is_no_words_of_its_error(tmp_path: Path) -> None:
    """An alerting or CI tool heads what it sends with fields parted by middle dots (tool, project,
    run, job, time): its "workflow", "job", "run" and "main" found the test bot's sections before
    the page about the deprecation the error names."""
    read(tmp_path / "docs", "deprecations.md", DEPRECATIONS)
    read(tmp_path / "docs", "test-bot.md", CI_BOT)
    build_index([tmp_path / "docs"], tmp_path / "index.db")
    kb = KnowledgeBase(tmp_path / "index.db")
    assert match(kb, CI_NOTIFICATION).matches[0].article.id == "deprecations"
    [asked] = prepare(CI_NOTIFICATION).parts
    assert "workflow" not in asked and "#1187" not in asked


def test_a_strip_that_names_its_error_and_a_line_with_one_dot_stay() -> None:
    """Guard: a strip with an error's message in a field says what failed; two fields are a phrase."""
    for line in ("Sentry · web · TypeError: order is undefined · 14 events", "Disk full · node-3"):
        assert prepare(line).parts == [line]


def test_a_long_line_that_opens_with_tried_is_read_in_linear_time() -> None:
    """A pasted line that opens like the label ("Tried", "What we have already tried so far") and runs on
    in blanks was tried against the label's run of optional blanks in O(n⁴): 52 s for 506 characters, a
    worker held. A label is a short line; the same label in bold, with its colon inside, still heads a list."""
    lines = ["Tried" + " " * 3000 + "x", "what we have already tried so far" + " " * 3000 + "x"]
    with cpu_budget(1.0):
        for line in lines:
            prepare(f"My sync fails with error 0x80070005.\n{line}\n- restarted the sync client")
    post = "Sync fails with error 0x80070005.\n**Things we have already tried:**\n- restarted the sync client\nAny idea?"
    assert prepare(post).parts == ["Sync fails with error 0x80070005. Any idea?"]


SHIPPING_RUNBOOK = """\
# shipping-api runbook

## Alerts

| Alert | Meaning | First action |
| --- | --- | --- |
| `ShippingApiQueueLag` | label jobs wait more than 10 minutes in the queue | Scale the label workers to 6 |
| `ShippingApiCarrierDown` | the carrier's API answers 5xx for 5 minutes | Switch labels to the backup carrier |

## Labels print blank

**Symptoms:** the label printer feeds a white label; the worker logs `SHP-2210 empty template`.

1. Reload the label templates with `shipctl templates reload`.
"""

SIGN_IN = """\
# Portal sign-in

## Sign-in fails with SSO-50105

**Symptoms:** users of an app cannot sign in; the portal shows `SSO-50105: the user is not assigned to a role
for the application`.

1. Assign the user, or a group they are in, to the application.

## Users are asked to sign in again every day

**Symptoms:** users of the portal app are signed out every morning and must sign in again.

1. Extend the session lifetime in the portal's sign-in policy.
"""


def test_a_notifications_strip_keeps_its_codes_and_alert_name(tmp_path: Path) -> None:
    """A strip of fields dropped as the notification's header can be the only place that names the alert
    or the error code: its words go, its codes stay the query's, and a paste of strips alone stays words."""
    read(tmp_path / "docs", "shipping-api.md", SHIPPING_RUNBOOK)
    read(tmp_path / "docs", "sign-in.md", SIGN_IN)
    build_index([tmp_path / "docs"], tmp_path / "index.db")
    kb = KnowledgeBase(tmp_path / "index.db")
    # Before: no match at all (every line dropped), and with a sentence under the strip, another section.
    for alert in (
        "[FIRING:1] ShippingApiQueueLag · shipping-api · production",
        "[FIRING:1] ShippingApiQueueLag · shipping-api · production\nWorkers are behind on the queue.",
    ):
        assert match(kb, alert).matches[0].problem.title == "ShippingApiQueueLag"
    paste = "Portal · Sign-in failed · SSO-50105 · alice@example.com\nUsers of the payroll app cannot sign in since Monday."
    assert match(kb, paste).matches[0].problem.title == "Sign-in fails with SSO-50105"
    prepared = prepare(paste)
    assert (prepared.parts, prepared.codes) == (
        ["Users of the payroll app cannot sign in since Monday."],
        ["SSO50105"],
    )
    # The nearest shape: a CI strip over an error line is still no words of it (its job's name a code only if
    # the knowledge base knows it).
    ci = prepare(CI_NOTIFICATION)
    assert "tap_syntax" not in ci.parts[0] and "tap_syntax" not in ci.codes


PKG_TROUBLESHOOTING = """\
# Troubleshooting

## Update and diagnose

Most problems go away once the tool and its package lists are current.

1. Run `pkgtool update` to fetch the newest package lists.
2. Run `pkgtool doctor` and fix what it reports.
3. Run the failing command again with `--verbose` and read the last lines.
"""

PKG_COMMON_ISSUES = """\
# Common issues

## Clone or network failures

**Symptoms:** `pkgtool update` stops with `fatal: early EOF` or `fatal: index-pack failed`.

A proxy or a flaky connection cut the transfer of the package lists repository.

1. Fetch the repository in smaller steps with `git -C "$(pkgtool --repo)" fetch --depth=1`.
2. Set `http.postBuffer` to 524288000 for the repository, and run `pkgtool update` again.
"""

ATTEMPT_WITH_ERROR_POST = """\
pkgtool update keeps failing on my work laptop
What I've tried:
- pkgtool update: fatal: early EOF, fatal: index-pack failed
- switching to another Wi-Fi, same thing
"""


def test_an_attempt_that_quotes_the_error_stays_words_of_the_question(tmp_path: Path) -> None:
    """An asker lists an attempt with what it printed ("X: fatal: …"): the error is the question's,
    as a checked finding is. Before: the list went, the error with it, and the general section answered."""
    read(tmp_path / "docs", "troubleshooting.md", PKG_TROUBLESHOOTING)
    read(tmp_path / "docs", "common-issues.md", PKG_COMMON_ISSUES)
    build_index([tmp_path / "docs"], tmp_path / "index.db")
    kb = KnowledgeBase(tmp_path / "index.db")
    assert match(kb, ATTEMPT_WITH_ERROR_POST).matches[0].problem.title == "Clone or network failures"
    [asked] = prepare(ATTEMPT_WITH_ERROR_POST).parts
    assert "fatal: early EOF" in asked and "Wi-Fi" not in asked and "tried" not in asked
    # The nearest shape: an attempt that only says what was run, or that it failed, is still no words.
    [asked] = prepare(TRIED_POST).parts
    assert "sudo" not in asked and "doctor" not in asked


BUILDKIT_TTY_BUILD = """\
[+] Building 9.8s (8/10) docker:default
 => [internal] load build definition from Dockerfile                          0.0s
 => => transferring dockerfile: 412B                                          0.0s
 => [internal] load metadata for docker.io/library/python:3.12-slim           1.2s
 => CACHED [2/5] WORKDIR /app                                                 0.0s
 => [3/5] COPY requirements.txt ./                                            0.1s
 => ERROR [4/5] RUN pip install --no-build-isolation -r requirements.txt      8.3s
------
 > [4/5] RUN pip install --no-build-isolation -r requirements.txt:
#0 6.988   Preparing metadata (pyproject.toml): finished with status 'error'
#0 7.001   ModuleNotFoundError: No module named 'Cython'
------
"""


def test_buildkits_default_progress_lines_are_no_words_of_the_failure() -> None:
    """BuildKit's default progress (`docker build` in a terminal since Docker 23): " => [internal] load build
    definition …  0.0s", " => => transferring …", " => CACHED [2/5] …", its "[+] Building" head and its
    "------" rules say how far the build went. Before, "build definition", "metadata" and "transferring"
    were words of the paste. The failed step's line stays, as its instruction."""
    # With its head, or without it as a paste often starts lower.
    assert log_lines(BUILDKIT_TTY_BUILD.splitlines()[1:]) == log_lines(BUILDKIT_TTY_BUILD.splitlines())
    lines = log_lines(BUILDKIT_TTY_BUILD.splitlines())
    assert not [line for line in lines if "definition" in line or "transferring" in line or "CACHED" in line]
    assert not [line for line in lines if "Building" in line or line.strip() == "------"]
    assert "=> ERROR [4/5] RUN pip install --no-build-isolation -r requirements.txt      8.3s" in [
        line.strip() for line in lines
    ]
    assert "ModuleNotFoundError: No module named 'Cython'" in [
        line.split("   ")[-1].strip() for line in lines
    ]
