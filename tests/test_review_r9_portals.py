"""What review r9a found in help-desk portals' house styles: a Q&A wiki's answer whose step sets a
variable in inline code (`NAME: value`), a help centre's page whose <title> is "article | site" over the
site's top menu, an error block between the sentence that announces it and the numbered steps with no
label between, and a known-error article's "Scenario 1" / "Scenario 2" in every field.

Each test writes a small article of its own in the style and reads it with the real indexer, with a guard
for the nearest shape that must read as before.
"""

from __future__ import annotations

from pathlib import Path

from test_house_styles import read

# A Tettra page: each question a bold "Q:" line, its answer an "A:" paragraph that says why, then the
# numbered fix; a step sets a variable, written in inline code as the CI file has it.
QA_WIKI = """\
# Build pipeline questions

**Q: Why does the integration job time out?**

A: The job starts before the cache service is ready.

1. Add a `redis:7` service to the job.
2. Set `CACHE_URL: redis://cache:6379/0` in the job's variables.
3. Run the pipeline again.

**Q: Why does the deploy job stop with an error?**

A: The deploy key has expired.

1. If the log shows the error `Permission denied (publickey)`, create a new deploy key.
2. Add the key under **Settings > Repository**.
"""


def test_a_variable_an_answer_s_step_sets_in_inline_code_is_no_error_message(tmp_path: Path) -> None:
    timeout, deploy = read(tmp_path / "kb", "pipeline-faq.md", QA_WIKI).problems
    assert timeout.title == "Why does the integration job time out?"
    assert timeout.cause == "The job starts before the cache service is ready."
    assert timeout.error_messages == []
    assert [s.text for s in timeout.steps] == [
        "Add a redis:7 service to the job.",
        "Set CACHE_URL: redis://cache:6379/0 in the job's variables.",
        "Run the pipeline again.",
    ]
    # Guard: what a step calls an error is still the problem's message, as under a Resolution heading.
    assert deploy.error_messages == ["Permission denied (publickey)"]
    assert len(deploy.steps) == 2


# A Helpjuice page: its <title> the article's and the site's name, and the site's top menu, a list of
# links only, before the article's title heading.
HELP_CENTRE_PAGE = """\
<html><head><title>Troubleshooting calendar sync errors | Tandem Help Center</title></head>
<body>
<div class="hj-top">
  <ul class="hj-links">
    <li><a href="/">Home</a></li>
    <li><a href="/categories">Categories</a></li>
    <li><a href="/contact">Contact Us</a></li>
    <li><a href="/login">Sign In</a></li>
  </ul>
</div>
<div id="article">
  <h1>Troubleshooting calendar sync errors</h1>
  <p>Use this article when meetings from Tandem do not reach your Outlook or Google calendar.</p>
  <h2>Before you start</h2>
  <p>You need the <strong>Workspace Admin</strong> role.</p>
  <h2>Events do not appear in Outlook</h2>
  <p>The sync log shows <strong>"Calendar feed rejected (TDM-CAL-402)"</strong>.</p>
  <h3>How to fix it</h3>
  <ol><li>Disconnect the calendar under <strong>Profile &gt; Calendars</strong>.</li><li>Connect it again.</li></ol>
  <h2>Events appear twice</h2>
  <p>Each meeting shows up two times in the calendar.</p>
  <h3>How to fix it</h3>
  <ol><li>Remove the second calendar connection.</li></ol>
</div>
</body></html>
"""

# The nearest shape that keeps its reading: a list before the title heading whose items are instructions
# with a link among their words, no menu: the page's own steps.
STEPS_BEFORE_TITLE = """\
<html><head><title>Troubleshooting kiosk errors | Tandem Help Center</title></head>
<body>
<ul>
  <li>Download the <a href="/driver">kiosk driver</a> and install it.</li>
  <li>Restart the kiosk.</li>
</ul>
<h1>Troubleshooting kiosk errors</h1>
<h2>Kiosk shows a blank screen</h2>
<p>The screen stays black after start-up.</p>
<h3>How to fix it</h3>
<ol><li>Hold the power button for ten seconds.</li></ol>
</body></html>
"""


def test_a_site_menu_of_links_before_the_article_s_title_is_no_problem(tmp_path: Path) -> None:
    article = read(tmp_path / "kb", "calendar-sync.html", HELP_CENTRE_PAGE)
    assert article.title == "Troubleshooting calendar sync errors"
    assert [p.title for p in article.problems] == ["Events do not appear in Outlook", "Events appear twice"]
    assert [s.text for s in article.problems[0].steps] == [
        "Disconnect the calendar under Profile > Calendars.",
        "Connect it again.",
    ]
    assert "Sign In" in article.body


def test_instructions_with_links_before_a_page_s_title_stay_its_steps(tmp_path: Path) -> None:
    first = read(tmp_path / "kb", "kiosk.html", STEPS_BEFORE_TITLE).problems[0]
    assert [s.text for s in first.steps] == [
        "Download the kiosk driver and install it.",
        "Restart the kiosk.",
    ]


# A HappyFox article: a sentence that says what appears, the app's error in a block under it, and the
# numbered fix right after, no label between them; in a page's HTML and in Markdown alike.
BANNER_PAGE = """\
<html><body><h1>Handheld scanner errors</h1>
<h2>Scanner shows as offline</h2>
<p>When you tap <em>Sync</em>, a yellow banner appears:</p>
<pre>SCN-3301: Sync server unreachable, retrying in 30 seconds</pre>
<ol><li>Check that the scanner is on the warehouse Wi-Fi.</li><li>Tap <em>Sync</em> again.</li></ol>
</body></html>
"""
BANNER_NOTE = """\
# Handheld scanner errors

## Scanner shows as offline

When you tap **Sync**, a yellow banner pops up:

```
SCN-3301: Sync server unreachable, retrying in 30 seconds
```

1. Check that the scanner is on the warehouse Wi-Fi.
2. Tap **Sync** again.

## Sync is slow

When you tap **Sync**, this summary appears:

```
Synced 412 items in 95 seconds
```

1. Move closer to a Wi-Fi access point.
"""


def test_an_error_block_under_what_appears_before_the_steps_is_the_problem_s_message(tmp_path: Path) -> None:
    for name, text in (("scanner.html", BANNER_PAGE), ("scanner.md", BANNER_NOTE)):
        unreachable = read(tmp_path / "kb", name, text).problems[0]
        assert unreachable.title == "Scanner shows as offline"
        assert unreachable.error_messages == ["SCN-3301: Sync server unreachable, retrying in 30 seconds"]
        assert "SCN3301" in unreachable.error_codes
        assert [s.text for s in unreachable.steps] == [
            "Check that the scanner is on the warehouse Wi-Fi.",
            "Tap Sync again.",
        ]


def test_output_that_appears_and_reports_no_failure_is_no_error_message(tmp_path: Path) -> None:
    slow = read(tmp_path / "kb", "scanner.md", BANNER_NOTE).problems[1]
    assert slow.title == "Sync is slow"
    assert slow.error_messages == []
    assert [s.text for s in slow.steps] == ["Move closer to a Wi-Fi access point."]


# A BMC Helix known-error article: its fields headed Problem, Root Cause and Workaround, each telling the
# same two scenarios apart by a bold "Scenario N" label, with the error each logs in a block of its own
# and each workaround's numbered steps.
KNOWN_ERROR = """\
<html><body>
<h1 class="km-article-title">Invoice upload fails after a certificate renewal or an upgrade to 8.2</h1>
<div class="km-field-block"><h3 class="km-field-label">Problem</h3><div class="km-field-value">
<p><strong>Scenario 1</strong> &ndash; after the server certificate was renewed:</p>
<pre>ERROR [UploadClient] PKIX path building failed: unable to find valid certification path</pre>
<p><strong>Scenario 2</strong> &ndash; after upgrading to 8.2:</p>
<pre>ERROR [UploadQueue] Unsupported payload version 3 (INV-4120)</pre>
</div></div>
<div class="km-field-block"><h3 class="km-field-label">Root Cause</h3><div class="km-field-value">
<p><strong>Scenario 1:</strong> The new certificate's issuer is not in the connector's trust store.</p>
<p><strong>Scenario 2:</strong> 8.2 sends version 3 payloads, which the archive does not accept yet.</p>
</div></div>
<div class="km-field-block"><h3 class="km-field-label">Workaround</h3><div class="km-field-value">
<p><strong>Scenario 1:</strong></p><ol><li>Import the issuer certificate into the trust store.</li><li>Restart the connector.</li></ol>
<p><strong>Scenario 2:</strong></p><ol><li>Set <code>upload.payloadVersion=2</code>.</li><li>Restart the connector.</li></ol>
</div></div>
</body></html>
"""

# The nearest shape that keeps its reading: one problem whose fields are headed, the workaround's steps
# grouped by a bold label that numbers no scenario the other fields tell apart.
ONE_KNOWN_ERROR = """\
<html><body>
<h1>Invoice upload fails after a certificate renewal</h1>
<h3>Problem</h3>
<pre>ERROR [UploadClient] PKIX path building failed: unable to find valid certification path</pre>
<h3>Root Cause</h3>
<p>The new certificate's issuer is not in the connector's trust store.</p>
<h3>Workaround</h3>
<p><strong>Option 1:</strong></p><ol><li>Import the issuer certificate into the trust store.</li></ol>
<p><strong>Option 2:</strong></p><ol><li>Turn off certificate checks for the archive host.</li></ol>
</body></html>
"""


def test_a_known_error_s_scenarios_told_apart_in_every_field_are_a_problem_each(tmp_path: Path) -> None:
    renewal, upgrade = read(tmp_path / "kb", "KBA000412.html", KNOWN_ERROR).problems
    assert renewal.title == "After the server certificate was renewed"
    assert renewal.error_messages == ["PKIX path building failed: unable to find valid certification path"]
    assert renewal.cause == "The new certificate's issuer is not in the connector's trust store."
    assert [s.text for s in renewal.steps] == [
        "Import the issuer certificate into the trust store.",
        "Restart the connector.",
    ]
    assert upgrade.title == "After upgrading to 8.2"
    assert upgrade.error_messages == ["Unsupported payload version 3 (INV-4120)"]
    assert upgrade.error_codes == ["INV4120"]
    assert upgrade.cause == "8.2 sends version 3 payloads, which the archive does not accept yet."
    assert [s.text for s in upgrade.steps] == ["Set upload.payloadVersion=2.", "Restart the connector."]


def test_a_known_error_s_options_in_one_field_stay_one_problem(tmp_path: Path) -> None:
    (only,) = read(tmp_path / "kb", "KBA000413.html", ONE_KNOWN_ERROR).problems
    assert only.title == "Invoice upload fails after a certificate renewal"
    assert [s.text for s in only.steps] == [
        "Import the issuer certificate into the trust store.",
        "Turn off certificate checks for the archive host.",
    ]


# Nor do sections that are no parts of a problem, each numbering its own steps by bold labels.
TWO_HOW_TOS = """\
<html><body>
<h1>Set up the upload connector</h1>
<h2>Install the connector</h2>
<p><strong>Step 1</strong> &ndash; download the installer:</p>
<pre>curl -O https://downloads.example.com/connector.msi</pre>
<p><strong>Step 2</strong> &ndash; run the installer as an administrator.</p>
<h2>Configure the connector</h2>
<p><strong>Step 1</strong> &ndash; open connector.properties.</p>
<p><strong>Step 2</strong> &ndash; set the archive's address.</p>
</body></html>
"""


def test_bold_step_labels_in_sections_of_a_how_to_tell_no_problems_apart(tmp_path: Path) -> None:
    article = read(tmp_path / "kb", "setup.html", TWO_HOW_TOS)
    assert [s.title for s in article.outline][:2] == ["Install the connector", "Configure the connector"]
