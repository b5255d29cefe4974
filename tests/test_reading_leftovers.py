"""Readings left over from the final reads (final2_a, final2_b): each with a guard for the nearest shape."""

from pathlib import Path

from api.query import prepare
from tests.test_house_styles import read

# A checklist of the fix that offers a choice ("…, or" over the other way out) and keeps an action tried
# and rejected, ticked and struck through.
CHOICE_CHECKLIST = """# Outgoing mail is rejected after a domain change

Mail sent from the new domain bounces with `550 5.7.1 Sender address rejected`.

## Resolution

- [x] Open **Settings > Email**.
- [x] ~~Clear the browser cache~~
- [ ] Finish the DNS records and click **Verify**, or
- [ ] send from the default address until the domain is verified.
"""


def test_a_struck_checklist_item_in_a_list_offering_a_choice_is_no_step(tmp_path: Path) -> None:
    """An item struck through is an action tried and rejected, a note beside the steps, also in a list whose
    last items are one choice: it was numbered as step 2."""
    [problem] = read(tmp_path, "mail.md", CHOICE_CHECKLIST).problems
    assert [(s.number, s.text) for s in problem.steps] == [
        ("1", "Open Settings > Email."),
        (
            "2",
            "Finish the DNS records and click Verify, or send from the default address until the domain is "
            "verified.",
        ),
    ]
    assert [(n.markdown, n.after) for n in problem.notes] == [("~~Clear the browser cache~~", True)]


def test_an_item_struck_in_part_in_a_list_offering_a_choice_is_a_step(tmp_path: Path) -> None:
    """Guard: an action with only some words struck through is still a step, beside a choice."""
    page = CHOICE_CHECKLIST.replace("~~Clear the browser cache~~", "Clear the ~~browser~~ mail client cache")
    [problem] = read(tmp_path, "mail.md", page).problems
    assert [s.text for s in problem.steps][:2] == [
        "Open Settings > Email.",
        "Clear the ~~browser~~ mail client cache",
    ]
    assert len(problem.steps) == 3
    assert problem.notes == []


# A help-desk ticket written in capitals where it labels its parts, the attempts under "TRIED:".
SHOUTED_TICKET = """\
Outlook asks for the password again and again, error 0x800CCC0E.
TRIED:
- removed the mail profile and added it again
- repaired Office from the Control Panel
Still the same on both laptops.
"""


def test_a_tried_label_in_capitals_heads_attempts_as_one_in_title_case_does() -> None:
    """The label is matched in any case, "TRIED:" as "Tried:": its attempts, other problems' fixes, were
    left in the question because the gate before the label looked for "tried" and "Tried" only."""
    expected = [
        "Outlook asks for the password again and again, error 0x800CCC0E. Still the same on both laptops."
    ]
    assert prepare(SHOUTED_TICKET).parts == expected
    assert prepare(SHOUTED_TICKET.replace("TRIED:", "Tried:")).parts == expected


def test_a_line_in_capitals_that_says_what_was_tried_stays_words() -> None:
    """Guard: a sentence in capitals that says what was tried is no label; the list after it is the question."""
    post = SHOUTED_TICKET.replace("TRIED:", "TRIED A NEW PROFILE, SAME ERROR:")
    [asked] = prepare(post).parts
    assert "removed the mail profile" in asked and "TRIED A NEW PROFILE" in asked


# A known-issues page whose cause is not known yet, written as its part's only paragraph.
CAUSE_NOT_KNOWN = """# Scanner stops sending after the gateway update

## Symptoms

Batches stay in the outbox with `SG4011 upstream refused`.

## Cause

Unknown.

## Resolution

1. Restart the gateway service.
2. Resend the held batches.
"""


def test_a_cause_part_that_only_says_it_is_not_known_gives_no_cause(tmp_path: Path) -> None:
    """A cause not known yet, "Unknown." under "## Cause", is no cause, as "### Cause: unknown" and "N/A"
    under "## Cause" are: the answer's cause was "Unknown."."""
    [problem] = read(tmp_path, "scanner.md", CAUSE_NOT_KNOWN).problems
    assert problem.cause == ""
    assert "Unknown." in problem.body
    assert [s.text for s in problem.steps] == ["Restart the gateway service.", "Resend the held batches."]


def test_a_cause_that_says_what_is_not_known_is_the_cause(tmp_path: Path) -> None:
    """Guard: a sentence on what is not known yet says something, and stays the cause."""
    text = CAUSE_NOT_KNOWN.replace("Unknown.", "Unknown for now; the new TLS settings are suspected.")
    [problem] = read(tmp_path, "scanner.md", text).problems
    assert problem.cause == "Unknown for now; the new TLS settings are suspected."


def test_a_cause_not_known_yet_in_other_words_and_languages_gives_no_cause(tmp_path: Path) -> None:
    """The cause part is read in many languages ("Ursache", "原因"), and so is its placeholder: "Unbekannt.",
    "Inconnue.", "Not known yet." or "Under investigation." was the answer's cause."""
    for heading, said in (
        ("Ursache", "Unbekannt."),
        ("Ursache", "Noch nicht bekannt."),
        ("Cause", "Inconnue."),
        ("Causa", "Desconocida."),
        ("原因", "不明"),
        ("原因", "调查中。"),
        ("Cause", "Not known yet."),
        ("Cause", "Under investigation."),
    ):
        page = CAUSE_NOT_KNOWN.replace("## Cause\n\nUnknown.", f"## {heading}\n\n{said}")
        [problem] = read(tmp_path, "scanner.md", page).problems
        assert (said, problem.cause) == (said, "")
        assert [s.text for s in problem.steps] == ["Restart the gateway service.", "Resend the held batches."]


def test_a_cause_that_says_in_german_what_is_not_known_is_the_cause(tmp_path: Path) -> None:
    """Guard: a sentence beyond the placeholder says something, in any language, and stays the cause."""
    said = "Noch nicht bekannt; vermutlich die neuen TLS-Einstellungen."
    page = CAUSE_NOT_KNOWN.replace("## Cause\n\nUnknown.", f"## Ursache\n\n{said}")
    [problem] = read(tmp_path, "scanner.md", page).problems
    assert problem.cause == said


def test_a_table_row_whose_fix_is_not_known_yet_is_still_a_problem(tmp_path: Path) -> None:
    """Guard: a chart's row with its fix "TBD" is a problem not fixed yet; only "Nothing."-type fixes leave
    a row out."""
    page = (
        "# Gateway errors\n\n| Error | Cause | Fix |\n| --- | --- | --- |\n"
        "| SG4011 upstream refused | The token was rotated. | Paste the new token. |\n"
        "| SG5002 queue full | Unknown. | TBD |\n"
    )
    titles = [p.title for p in read(tmp_path, "errors.md", page).problems]
    assert any("SG5002" in title for title in titles), titles


# A wiki's page of sign-in errors under "Diagnostics", each under its code.
SIGN_IN_DIAGNOSTICS = """\
# Single sign-on

## Diagnostics

### `AADSTS50076`

{text}

1. Register a second sign-in method.
2. Sign in again.
"""


def test_a_diagnostics_entry_that_says_what_users_get_is_its_symptoms(tmp_path: Path) -> None:
    """Text that says what people get or a screen shows is what is seen, as openings reads it: "Users
    get …" and "The browser shows …" were the entry's cause, and no symptom of it."""
    for text in (
        "Users get this code after their password when they sign in from outside the office.",
        "The browser shows this code after the password page when signing in from home.",
    ):
        (problem,) = read(tmp_path, "sso.md", SIGN_IN_DIAGNOSTICS.format(text=text)).problems
        assert (problem.symptoms, problem.cause) == (text, "")


def test_a_diagnostics_entry_that_says_why_is_its_cause(tmp_path: Path) -> None:
    """Guard: text that says what the code means is the entry's cause."""
    text = "Multi-factor authentication is required for sign-ins from outside the company network."
    (problem,) = read(tmp_path, "sso.md", SIGN_IN_DIAGNOSTICS.format(text=text)).problems
    assert (problem.symptoms, problem.cause) == ("", text)


# A man page's DIAGNOSTICS: each entry says when the program prints or returns its error, and what to do.
PKGSYNC_DIAGNOSTICS = """\
# pkgsync(8)

## DIAGNOSTICS

### `E102: upstream signature verification failed`

pkgsync prints this error when the mirror's index is not signed by a key in /etc/pkgsync/trusted.d.

1. Import the mirror's key into /etc/pkgsync/trusted.d.
2. Run pkgsync again.

### `E207: lock held`

Another pkgsync process holds /var/lib/pkgsync/lock; the server returns this code to the second client.

1. Wait for the other run to finish.
"""


def test_a_diagnostics_entry_that_says_when_the_program_prints_it_gives_its_cause(tmp_path: Path) -> None:
    """A program that "prints" or "returns" an error is when the error is raised, not what a person sees:
    read as what is seen, each entry's text was its symptoms and the entry had no cause."""
    signature, lock = read(tmp_path, "pkgsync.md", PKGSYNC_DIAGNOSTICS).problems
    assert signature.cause.startswith("pkgsync prints this error when the mirror's index is not signed")
    assert lock.cause.startswith("Another pkgsync process holds /var/lib/pkgsync/lock")
    assert (signature.symptoms, lock.symptoms) == ("", "")


def test_a_diagnostics_entry_that_says_what_a_dialog_shows_is_its_symptoms(tmp_path: Path) -> None:
    """Guard: an entry that says what a screen shows a person is still what is seen."""
    page = PKGSYNC_DIAGNOSTICS.replace("pkgsync prints this error when", "A dialog pops up when")
    signature = read(tmp_path, "pkgsync.md", page).problems[0]
    assert (signature.cause, signature.symptoms[:18]) == ("", "A dialog pops up w")


# A Reddit thread copied as one page: the post asked under its byline in plain text ("u/name · 2d"), each
# reply under its own in bold, the asker's answers among them.
REDDIT_SOLVED = """# [SOLVED] NAS share drops every night with "STATUS_NETWORK_NAME_DELETED"

u/lantern_liz \u00b7 2d

Every night around 02:00 the mapped drive to the NAS disconnects and the backup job fails.

---

**u/cable_cory** \u00b7 2d

1. Turn off power saving on the network adapter.
2. Update the NAS firmware.

---

**u/lantern_liz** \u00b7 2d

Tried both, still drops.

---

**u/rack_rita** \u00b7 1d

Set the SMB idle timeout on the NAS to 0; its default closes idle sessions after an hour.

1. Open Control Panel > File Services > SMB.
2. Set Idle timeout to 0 and apply.

---

**u/lantern_liz** \u00b7 1d

That fixed it, thanks!
"""


def test_a_reddit_asker_s_plain_byline_names_them_as_their_later_replies_do(tmp_path: Path) -> None:
    """The writer of a plain-text byline is its handle, as a bold one's is: read as the whole line
    ("u/lantern_liz · 2d"), the asker wrote none of the later posts, and their thanks for the second reply
    were not theirs: the first reply, which they said failed, was the fix."""
    [problem] = read(tmp_path, "nas.md", REDDIT_SOLVED).problems
    assert [s.text for s in problem.steps] == [
        "Open Control Panel > File Services > SMB.",
        "Set Idle timeout to 0 and apply.",
    ]


def test_a_reddit_asker_s_bold_byline_names_them_as_before(tmp_path: Path) -> None:
    """Guard: with the asker's byline in bold too, the reply they thank is the fix, as it was."""
    page = REDDIT_SOLVED.replace("u/lantern_liz \u00b7 2d\n", "**u/lantern_liz** \u00b7 2d\n", 1)
    [problem] = read(tmp_path, "nas.md", page).problems
    assert problem.steps[0].text == "Open Control Panel > File Services > SMB."


# A Docsify runbook: its table of alerts points each alert to the section that handles it by that section's
# own id, which Docsify writes after the heading as ":id=".
DOCSIFY_RUNBOOK = """\
# billing-api runbook

## Alerts

| Alert | Meaning | First action |
| --- | --- | --- |
| `BillingApiInvoiceLag` | invoices more than 10 min late | See [Invoice lag](#invoices-late) |
| `BillingApiDiskFull` | volume above 95% | Purge the PDF cache |

## Invoice lag :id=invoices-late

**Symptoms:** the invoice workers log `BIL-2207 queue backlog over limit`.

1. Scale the invoice workers to 6.
"""


def test_a_pointer_finds_its_section_by_a_docsify_id(tmp_path: Path) -> None:
    """A heading's id is read as markup reads a heading's attributes, Docsify's ":id=" among them: it was
    looked for in "{#…}" only, and the row stayed a problem whose one step was the pointer."""
    disk, lag = read(tmp_path, "billing.md", DOCSIFY_RUNBOOK).problems
    assert (lag.title, sorted(lag.error_codes)) == ("Invoice lag", ["BIL2207", "BillingApiInvoiceLag"])
    assert (disk.title, [s.text for s in disk.steps]) == ("BillingApiDiskFull", ["Purge the PDF cache"])


def test_a_heading_with_only_a_class_gives_no_id_to_point_to(tmp_path: Path) -> None:
    """Guard: "{.tip}" after a heading is a class, no id: a pointer to another id finds nothing there."""
    page = DOCSIFY_RUNBOOK.replace(":id=invoices-late", "{.tip}")
    titles = [p.title for p in read(tmp_path, "billing.md", page).problems]
    assert "BillingApiInvoiceLag" in titles


def test_a_pointer_finds_its_section_by_an_attr_list_id(tmp_path: Path) -> None:
    """MkDocs' attr_list writes a heading's id after a colon ("{: #invoices-late }"), and Google Docs' anchors
    hold a dot ("{#h.q8x2kd4mzt1a}"): neither was read as an id, so the row stayed a problem of its own,
    answered with confidence, whose one step was the pointer."""
    for anchor, target in (
        ("{: #invoices-late }", "invoices-late"),
        ("{:#invoices-late}", "invoices-late"),
        ("{#h.q8x2kd4mzt1a .title}", "h.q8x2kd4mzt1a"),
    ):
        page = DOCSIFY_RUNBOOK.replace(":id=invoices-late", anchor).replace("#invoices-late", f"#{target}")
        disk, lag = read(tmp_path, "billing.md", page).problems
        assert (lag.title, sorted(lag.error_codes)) == ("Invoice lag", ["BIL2207", "BillingApiInvoiceLag"])
        assert (disk.title, [s.text for s in disk.steps]) == ("BillingApiDiskFull", ["Purge the PDF cache"])


def test_a_heading_whose_braces_are_no_attributes_gives_no_id(tmp_path: Path) -> None:
    """Guard: words in braces after a colon ("{: see #invoices-late }") are no attribute list, so no id."""
    page = DOCSIFY_RUNBOOK.replace(":id=invoices-late", "{: see #invoices-late }")
    titles = [p.title for p in read(tmp_path, "billing.md", page).problems]
    assert "BillingApiInvoiceLag" in titles


# A Microsoft-style fix whose Resolution opens with an "Overview" of the change before its "Steps".
RESOLUTION_WITH_OVERVIEW = """\
# VPN tunnel drops every few minutes

## Symptoms

The site-to-site tunnel drops with `GC-1042: tunnel keepalive timeout`.

## Resolution

### Overview

This change needs a maintenance window, because the firewall reloads its policy.

### Steps

1. Open the firewall console.
2. Set the idle timeout to 900 seconds.
3. Reload the policy.
"""


def test_a_resolution_s_overview_is_no_group_of_steps(tmp_path: Path) -> None:
    """An "Overview" under a Resolution introduces the fix: read as more of the Resolution, its sentence
    was step 1 of a group of steps of its own, "Overview", before the fix's steps."""
    [problem] = read(tmp_path, "vpn.md", RESOLUTION_WITH_OVERVIEW).problems
    assert [(s.group, s.text) for s in problem.steps] == [
        (None, "Open the firewall console."),
        (None, "Set the idle timeout to 900 seconds."),
        (None, "Reload the policy."),
    ]


def test_a_cause_s_overview_is_still_its_cause(tmp_path: Path) -> None:
    """Guard: an "Overview" under a Cause says the cause, as "Background" there does."""
    page = RESOLUTION_WITH_OVERVIEW.replace(
        "## Resolution\n\n### Overview", "## Cause\n\n### Overview"
    ).replace("### Steps", "## Resolution")
    [problem] = read(tmp_path, "vpn.md", page).problems
    assert problem.cause == "This change needs a maintenance window, because the firewall reloads its policy."
    assert problem.steps[0].text == "Open the firewall console."
