"""What review r9a found in help desks' form-like pages and Q&A wikis: a service desk's knowledge article
laid out as labelled panels (Title, Symptoms, Cause, Resolution, Attachments) under a portal's <title>,
a help centre's "Did this answer your question?" widget, a known-error record's metadata fields and
its Resolution field's prose, a Q&A wiki's "Related:" links line and its answer that quotes a log,
and a heading that names an error's code and then says what went wrong in a few words.

Each test writes a small article of its own in the style and reads it with the real indexer, with a guard
for the nearest shape that must read as before.
"""

from __future__ import annotations

from pathlib import Path

from test_house_styles import read

# A service desk's knowledge article as its portal renders the record: each field a panel, its title a
# <div> over the panel's body; the portal names the page after the record, not the article.
PANELS_PAGE = """\
<html><head><title>Knowledge - KB0007731 - Service Portal</title></head>
<body>
<div class="sd-form">
  <table class="sd-header-fields"><tr><td>Article Number:</td><td>KB0007731</td>
    <td>Status:</td><td>Published</td></tr></table>
  <div class="sd-panel"><div class="sd-panel-title">Title</div>
    <div class="sd-panel-body">Badge printer prints blank cards</div></div>
  <div class="sd-panel"><div class="sd-panel-title">Symptoms</div>
    <div class="sd-panel-body"><ul>
      <li><b>Error P-11:</b> "Ribbon not detected. Check that the ribbon cartridge is seated."</li>
      <li>The card comes out white on both sides.</li>
    </ul></div></div>
  <div class="sd-panel"><div class="sd-panel-title">Cause</div>
    <div class="sd-panel-body"><p>The ribbon cartridge was inserted upside down after a refill.</p></div></div>
  <div class="sd-panel"><div class="sd-panel-title">Resolution</div>
    <div class="sd-panel-body">
      <ol><li>Open the printer's front cover.</li><li>Turn the ribbon cartridge over and seat it.</li>
      <li>Print a test card.</li></ol>
    </div></div>
  <div class="sd-panel"><div class="sd-panel-title">Attachments</div>
    <div class="sd-panel-body"><i>No attachments</i></div></div>
</div>
<div class="sd-footer">Service Portal &middot; &copy; Northwind Traders. Internal use only.</div>
</body></html>
"""


def test_a_form_s_panels_are_the_problem_s_parts(tmp_path: Path) -> None:
    """Each panel's title heads its body: the symptoms and the cause were steps, and the message the
    Symptoms panel quotes was lost (R9a §3)."""
    [problem] = read(tmp_path / "kb", "kb0007731.html", PANELS_PAGE).problems
    assert problem.error_messages == ["Ribbon not detected. Check that the ribbon cartridge is seated."]
    assert "The card comes out white on both sides." in problem.symptoms
    assert problem.cause == "The ribbon cartridge was inserted upside down after a refill."
    assert [s.text for s in problem.steps] == [
        "Open the printer's front cover.",
        "Turn the ribbon cartridge over and seat it.",
        "Print a test card.",
    ]


def test_a_form_s_title_panel_titles_the_article_not_the_portal_s_title(tmp_path: Path) -> None:
    """The Title panel's value is the article's title; the portal's <title> (the record's number and the
    portal's name) titled the article and was put before every problem's title (R9a §13)."""
    page = PANELS_PAGE.replace(
        '<div class="sd-panel"><div class="sd-panel-title">Symptoms</div>',
        '<h2>Code P-11 after a refill</h2><div class="sd-panel"><div class="sd-panel-title">Symptoms</div>',
    )
    article = read(tmp_path / "kb", "kb0007731.html", page)
    assert article.title == "Badge printer prints blank cards"
    [problem] = article.problems
    assert problem.title.endswith("Code P-11 after a refill")
    assert "Service Portal" not in problem.title and "KB0007731" not in problem.title


def test_a_form_s_attachments_panel_and_footer_are_no_notes(tmp_path: Path) -> None:
    """The Attachments panel ("No attachments") and the portal's footer after the last part were notes of
    the fix (R9a §12); they stay searchable."""
    article = read(tmp_path / "kb", "kb0007731.html", PANELS_PAGE)
    [problem] = article.problems
    assert problem.notes == []
    assert "No attachments" in article.body


def test_a_title_heading_over_panels_stays_the_title(tmp_path: Path) -> None:
    """Guard: a page with a title heading of its own keeps it, and a panel titled "Title" under it is a
    section as any panel is; a <div> of another class over a part stays a paragraph."""
    page = PANELS_PAGE.replace("<body>", "<body><h1>Printer troubleshooting</h1>")
    article = read(tmp_path / "kb", "kb0007731.html", page)
    assert article.title == "Printer troubleshooting"
    plain = PANELS_PAGE.replace("sd-panel-title", "sd-panel-caption")
    [problem] = read(tmp_path / "plain", "kb0007731.html", plain).problems
    assert problem.cause is None or "upside down" not in problem.cause


# A help centre's article as KnowledgeOwl renders it: the article's body, then a feedback widget headed by
# its prompt over two buttons, then the site's footer.
FEEDBACK_WIDGET_PAGE = """\
<html><head><title>Invoices are not emailed | LedgerLite Help</title></head>
<body>
<div class="hg-article">
  <div class="hg-article-header"><h1 class="hg-article-title">Invoices are not emailed</h1></div>
  <div class="hg-article-body">
    <h2>Bounced invoices (550 5.1.1)</h2>
    <pre>550 5.1.1 The email account that you tried to reach does not exist.</pre>
    <p><strong>Cause:</strong> The customer's billing address has a typo.</p>
    <ol><li>Open <strong>Customers</strong> and pick the customer.</li><li>Correct the billing email.</li></ol>
  </div>
  <div class="hg-article-footer">
    <div id="hg-feedback" class="hg-rating">
      <h4>Did this answer your question?</h4>
      <a class="hg-rating-yes">&#128077; Yes</a>
      <a class="hg-rating-no">&#128078; No</a>
    </div>
  </div>
</div>
<div class="hg-footer">&copy; LedgerLite Inc. &middot; Powered by KnowledgeOwl</div>
</body></html>
"""


def test_a_feedback_prompt_heading_its_buttons_is_no_problem(tmp_path: Path) -> None:
    """ "Did this answer your question?" over its 👍/👎 buttons is a help centre's widget: it was a second
    problem whose steps were the buttons and the site's footer (R9a §7)."""
    [problem] = read(tmp_path / "kb", "invoices.html", FEEDBACK_WIDGET_PAGE).problems
    assert problem.title == "Bounced invoices (550 5.1.1)"
    assert [s.text for s in problem.steps] == [
        "Open Customers and pick the customer.",
        "Correct the billing email.",
    ]
    assert problem.notes == []


def test_a_problem_that_asks_whether_a_change_did_something_stays_a_problem(tmp_path: Path) -> None:
    """Guard: a heading that asks whether something else did something ("Did this update stop invoice
    emails?"), not whether the article helped, is still a problem."""
    page = FEEDBACK_WIDGET_PAGE.replace("<h4>Did this answer your question?</h4>", "").replace(
        "Bounced invoices (550 5.1.1)", "Did this update stop invoice emails?"
    )
    [problem] = read(tmp_path / "kb", "invoices.html", page).problems
    assert problem.title == "Did this update stop invoice emails?"


# A known-error article as BMC Helix renders it: the record's fields, each a label span and a value span in
# one <div>, between the title and the article's own fields.
RECORD_FIELDS_PAGE = """\
<html><head><title>KBA00047710 - Nightly invoice sync stops with ORA-28000 - BMC Helix Knowledge Management</title>
</head><body>
<h1 class="km-article-title">Nightly invoice sync stops with ORA-28000</h1>
<div class="km-article-meta">
  <div class="field"><span class="field-label">Article ID</span><span class="field-value">KBA00047710</span></div>
  <div class="field"><span class="field-label">Status</span><span class="field-value">Published</span></div>
  <div class="field"><span class="field-label">Version</span><span class="field-value">2</span></div>
</div>
<div class="km-field-block"><h3 class="km-field-label">Problem</h3>
  <div class="km-field-value"><p>The sync job stops after the first batch:</p>
  <pre>ERROR [SyncWorker] Login failed: ORA-28000: The account is locked.</pre></div></div>
<div class="km-field-block"><h3 class="km-field-label">Workaround</h3>
  <div class="km-field-value"><ol><li>Unlock the SYNC_SVC account.</li><li>Restart the sync job.</li></ol></div></div>
</body></html>
"""


def test_a_record_s_fields_in_one_block_are_no_symptoms(tmp_path: Path) -> None:
    """A label span and its value span in one block are one field, "Article ID: KBA00047710": they were
    the problem's symptoms, label and value glued ("Article IDKBA00047710") (R9a §9)."""
    article = read(tmp_path / "kb", "kba00047710.html", RECORD_FIELDS_PAGE)
    [problem] = article.problems
    assert problem.symptoms.startswith("The sync job stops after the first batch:")
    assert "KBA00047710" not in problem.symptoms and "Published" not in problem.symptoms
    assert "Article ID: KBA00047710" in article.body
    assert problem.error_messages == ["Login failed: ORA-28000: The account is locked."]


def test_a_field_label_alone_in_its_block_still_heads_its_value(tmp_path: Path) -> None:
    """Guard: a label element alone in its block, its value the blocks after it (Salesforce Knowledge's
    layout), still names the part it labels."""
    page = (
        "<h1>Sync stops</h1>"
        '<div><span class="field-label">Symptoms</span><div><p>The sync job stops after the first batch.</p></div></div>'
        '<div><span class="field-label">Resolution</span><div><ol><li>Unlock the account.</li></ol></div></div>'
    )
    [problem] = read(tmp_path / "kb", "sync.html", page).problems
    assert problem.symptoms == "The sync job stops after the first batch."
    assert [s.text for s in problem.steps] == ["Unlock the account."]


# A Q&A wiki's page (Tettra's): each question a bold "Q:" line, its answer an "A:" paragraph, the fix's
# numbered steps, and a line of related pages in italics under the answer.
QA_RELATED_PAGE = """\
# Release pipeline questions

**Q: Why does the smoke test fail after a deploy?**

A: The new pods are not ready when the test starts.

1. Add a readiness probe to the deployment.
2. Set the smoke test's `wait_for_rollout` to `true`.

*Related:* [Rollout checklist](https://wiki.example.com/rollout) · [Probe defaults](https://wiki.example.com/probes)
"""


def test_a_line_of_related_pages_after_an_answer_is_no_step(tmp_path: Path) -> None:
    """ "*Related:*" then links, after a question's answer, points elsewhere: it was the fix's last
    step (R9a §11); it stays a note of the steps, its links kept."""
    [problem] = read(tmp_path / "kb", "release-faq.md", QA_RELATED_PAGE).problems
    assert [s.text for s in problem.steps] == [
        "Add a readiness probe to the deployment.",
        "Set the smoke test's wait_for_rollout to true.",
    ]
    assert [n.text for n in problem.notes] == ["Related: Rollout checklist · Probe defaults"]


def test_an_example_s_link_after_an_answer_stays_a_step(tmp_path: Path) -> None:
    """Guard: after an answer's steps, a line of links whose label names no related pages
    ("Example: [probe.yaml](…)") reads as it did, a step."""
    page = QA_RELATED_PAGE.replace(
        "*Related:* [Rollout checklist](https://wiki.example.com/rollout) · [Probe defaults](https://wiki.example.com/probes)",
        "Example: [probe.yaml](https://wiki.example.com/probe.yaml)",
    )
    [problem] = read(tmp_path / "kb", "release-faq.md", page).problems
    assert [s.text for s in problem.steps][-1] == "Example: probe.yaml"


# A Q&A wiki's answer that says why, shows the event it is seen in under "looks like this:", then the fix.
QA_LOG_PAGE = """\
# Release pipeline questions

**Q: The migration job fails with `CrashLoopBackOff`. Why?**

A: The job's service account cannot read the database secret. The Kubernetes event looks like this:

```
secrets "orders-db" is forbidden: User "system:serviceaccount:ci:migrate" cannot get resource "secrets"
```

To fix it:

1. Grant the `migrate` service account the `secret-reader` role.
2. Run the migration job again.
"""


def test_an_answer_that_shows_what_its_error_looks_like_gives_the_cause_and_the_message(
    tmp_path: Path,
) -> None:
    """ "The Kubernetes event looks like this:" announces the event: the answer's paragraph is the cause and the
    log the error message; both were step 1 of the fix (R9a §8)."""
    [problem] = read(tmp_path / "kb", "release-faq.md", QA_LOG_PAGE).problems
    assert problem.cause.startswith("The job's service account cannot read the database secret.")
    assert problem.error_messages == [
        'secrets "orders-db" is forbidden: User "system:serviceaccount:ci:migrate" cannot get resource "secrets"'
    ]
    assert [s.text for s in problem.steps] == [
        "Grant the migrate service account the secret-reader role.",
        "Run the migration job again.",
    ]


def test_what_a_request_looks_like_is_no_error_message(tmp_path: Path) -> None:
    """Guard: what a request or a valid output looks like is no failure, and no message."""
    page = QA_LOG_PAGE.replace(
        "The Kubernetes event looks like this:", "The job's request looks like this:"
    ).replace(
        'secrets "orders-db" is forbidden: User "system:serviceaccount:ci:migrate" cannot get resource "secrets"',
        "GET /api/v1/namespaces/ci/secrets/orders-db",
    )
    [problem] = read(tmp_path / "kb", "release-faq.md", page).problems
    assert problem.error_messages == []


def test_a_known_error_s_resolution_that_states_where_the_fix_stands_is_notes(tmp_path: Path) -> None:
    """A known-error record's Resolution field after its Workaround's steps, in sentences that do nothing
    ("Fixed in 9.2: …", "No further change is planned."), says where the fix stands: notes, as a Status
    is. Each sentence was a numbered step after the workaround's (R9a §14)."""
    page = RECORD_FIELDS_PAGE.replace(
        "</body>",
        '<div class="km-field-block"><h3 class="km-field-label">Resolution</h3><div class="km-field-value">'
        "<p>Fixed in 9.2: locked service accounts are reported on the dashboard.</p>"
        "<p>No further change is planned.</p></div></div></body>",
    )
    [problem] = read(tmp_path / "kb", "kba00047710.html", page).problems
    assert [s.text for s in problem.steps] == ["Unlock the SYNC_SVC account.", "Restart the sync job."]
    assert [n.text for n in problem.notes] == [
        "Resolution: Fixed in 9.2: locked service accounts are reported on the dashboard.",
        "No further change is planned.",
    ]


def test_a_resolution_that_says_what_to_do_after_a_workaround_stays_steps(tmp_path: Path) -> None:
    """Guard: a Resolution in sentences that say what to do ("Upgrade to 9.2, then …") is the fix's steps."""
    page = RECORD_FIELDS_PAGE.replace(
        "</body>",
        '<div class="km-field-block"><h3 class="km-field-label">Resolution</h3><div class="km-field-value">'
        "<p>Upgrade the connector to 9.2.</p><p>Remove the unlock job you scheduled as a workaround.</p>"
        "</div></div></body>",
    )
    [problem] = read(tmp_path / "kb", "kba00047710.html", page).problems
    assert [s.text for s in problem.steps][-2:] == [
        "Upgrade the connector to 9.2.",
        "Remove the unlock job you scheduled as a workaround.",
    ]


# A help centre's section titled by an error's code and a short name for it, over the message in full.
CODE_AND_NAME_PAGE = """\
<html><body><h1>Troubleshooting payment gateway errors</h1>
<div id="article-body">
<h2 id="pgw-4012-currency-mismatch">PGW-4012: currency mismatch</h2>
<pre><code>PGW-4012: The settlement currency EUR does not match the currency USD configured for merchant 88123.</code></pre>
<h3>How to fix it</h3>
<ol><li>Open <strong>Merchant settings</strong>.</li><li>Set the settlement currency to the merchant's.</li></ol>
</div></body></html>
"""


def test_a_heading_s_name_for_an_error_over_its_full_message_is_no_message(tmp_path: Path) -> None:
    """ "PGW-4012: currency mismatch" over the message in full, which opens with the same code: the
    heading's words name the error; they were a second error message (R9a §15)."""
    [problem] = read(tmp_path / "kb", "gateway.html", CODE_AND_NAME_PAGE).problems
    assert problem.error_messages == [
        "PGW-4012: The settlement currency EUR does not match the currency USD configured for merchant 88123."
    ]
    assert problem.error_codes == ["PGW4012"]


def test_a_heading_s_message_after_its_code_with_none_shown_stays_the_message(tmp_path: Path) -> None:
    """Guard: with no message shown under it, the words after the code are the message, as a message
    reference heads its entries ("PGW-4012: currency mismatch")."""
    page = CODE_AND_NAME_PAGE.replace(
        "<pre><code>PGW-4012: The settlement currency EUR does not match the currency USD configured for "
        "merchant 88123.</code></pre>",
        "",
    )
    [problem] = read(tmp_path / "kb", "gateway.html", page).problems
    assert problem.error_messages == ["currency mismatch"]


def test_an_answer_that_shows_what_its_log_ends_with_gives_the_message(tmp_path: Path) -> None:
    """ "The job log ends with:" announces the log's last lines as "looks like this:" does (R9a §8, the
    full article's exit code 137 answer): they were part of step 1."""
    page = QA_LOG_PAGE.replace("The Kubernetes event looks like this:", "The job log ends with:")
    [problem] = read(tmp_path / "kb", "release-faq.md", page).problems
    assert problem.error_messages == [
        'secrets "orders-db" is forbidden: User "system:serviceaccount:ci:migrate" cannot get resource "secrets"'
    ]
    assert problem.cause.startswith("The job's service account cannot read the database secret.")
