"""Mends of what reread A found in the last query-side and reader commits.

A warning's count is no error code; a question heading's bulleted list of the errors seen is its
description, not its answer's steps; a proxy's own "error 502" beside a status line labels no product's
code; a status written with a spaced colon is a status; and the structure of headed known-error fields,
site menus and announced banners. Each test reads a short article of its own (or a query) and checks what
a reader, or the matcher's answer, needs; a guard beside each keeps the nearest shape as it was read.
"""

from __future__ import annotations

from pathlib import Path

from live import cpu_budget
from test_house_styles import read

from api.knowledge import KnowledgeBase
from api.matcher import match
from api.query import prepare
from indexer.build import build_index
from indexer.errortext import http_statuses, labelled_numbers, numbers_and_statuses, only_statuses

FORM_LIMITS_PAGE = """\
# Ticket form limits

## Warning: 1000 characters is the most a description can hold

The form will not save a long description and keeps the Submit button grey.

1. Shorten the description to fit.
2. Attach the rest of the text as a file.

## Error 1000: the form could not be saved

The form shows the message after Submit is pressed.

1. Sign out and sign in again.
2. Submit the form again.
"""


def test_a_warning_s_count_is_no_error_code(tmp_path: Path) -> None:
    """A warning prints a count more often than its number ("Warning: 1000 characters …", "WARNING: 1024 MB
    of swap"): "warning" labels no number, where "error" still does. Before: the count was the problem's
    error code, and "Error 1000" could answer the warning's section by it."""
    limit, saving = read(tmp_path / "docs", "limits.md", FORM_LIMITS_PAGE).problems
    assert limit.title == "Warning: 1000 characters is the most a description can hold"
    assert limit.error_codes == []
    assert saving.title == "Error 1000: the form could not be saved"
    assert saving.error_codes == ["1000"]
    assert prepare("Warning: 500 files could not be synced").code_numbers == []
    assert prepare("WARNING: 1024 MB of swap space in use").code_numbers == []
    build_index([tmp_path / "docs"], tmp_path / "index.db")
    best = match(KnowledgeBase(tmp_path / "index.db"), "Error 1000").matches[0]
    assert best.problem.title == saving.title


def test_a_warning_s_letter_code_and_an_error_s_number_are_read_as_before() -> None:
    """Guard: "warning" still marks a letter code (a compiler's "warning C4996"), and every word for an
    error still labels a number."""
    assert prepare("warning C4996: 'strcpy': This function may be unsafe").codes == ["C4996"]
    for text in ("Error 1603", "Fehler 1603", "Ошибка 1603", "error code: 1603"):
        assert labelled_numbers(text) == ["1603"], text


# A help desk's FAQ: a question heading, the errors people see as a bulleted list, then the answer and its
# numbered fix.
SIGN_IN_FAQ = """\
# Portal FAQ

## Why can't I sign in to the portal?

- The browser shows `AADSTS50105: The signed in user is not assigned to a role for the application.`
- Or the sign-in page loads again and again.

A: Your account is not assigned to the portal's app.

1. Ask your administrator to assign you to the app.
2. Sign in again in a private window.

## Why does the build job stop before the tests?

A: The job's cache address is missing.

1. Set `CACHE_URL: redis://cache:6379/0` in the job's variables.
2. Run the job again.
"""


def test_a_question_s_bulleted_list_of_the_errors_seen_gives_its_messages(tmp_path: Path) -> None:
    """Under a question heading, a bulleted list before the answer says what is seen: its quoted error is
    the problem's message and its code the problem's code. Before: every list in a question's blocks was
    read as the answer's steps, where only what a step calls an error counts, so the message and the code
    were lost and the paste of it answered medium, not high."""
    sign_in, build = read(tmp_path / "docs", "faq.md", SIGN_IN_FAQ).problems
    assert sign_in.title == "Why can't I sign in to the portal?"
    assert sign_in.error_messages == [
        "AADSTS50105: The signed in user is not assigned to a role for the application."
    ]
    assert sign_in.error_codes == ["AADSTS50105"]
    # (The bullets and the "A:" line are read as steps before them, as before the commit: a leftover.)
    assert [s.text for s in sign_in.steps][-2:] == [
        "Ask your administrator to assign you to the app.",
        "Sign in again in a private window.",
    ]
    # Guard: an answer's numbered step that sets a variable in inline code still gives no message.
    assert build.error_messages == []
    assert len(build.steps) == 2
    build_index([tmp_path / "docs"], tmp_path / "index.db")
    asked = "AADSTS50105: The signed in user is not assigned to a role for the application."
    best = match(KnowledgeBase(tmp_path / "index.db"), asked).matches[0]
    assert best.problem.title == sign_in.title
    assert best.confidence == "high"


BATCH_PAGE = """\
# Batch export troubleshooting

## Export stops with an upstream error

The nightly export stops part way and its log shows:

```text
ERROR exporter: the archive service closed the connection before replying (BX-E-502)
```

**Cause:** the archive service restarts during its maintenance window.

1. Move the export schedule out of the maintenance window.
2. Run `exporter retry --last` to send the batch again.
"""

PRINTER_PAGE = """\
# Label printer

## Labels print blank

1. Replace the ribbon.
2. Print a test label.
"""


def test_a_proxy_s_own_words_beside_its_status_name_no_product_s_code(tmp_path: Path) -> None:
    """A proxy's page or log says its status again in prose ("error 502 from upstream", Cloudflare's
    "Error code 502"): that is the status, no product's code of its digits. Before: any "error 502" beside
    the status line counted as the paste labelling 502 as its error's code, and the export's BX-E-502
    answered the nginx paste by error_code."""
    read(tmp_path / "docs", "batch.md", BATCH_PAGE)
    read(tmp_path / "docs", "printer.md", PRINTER_PAGE)
    build_index([tmp_path / "docs"], tmp_path / "index.db")
    kb = KnowledgeBase(tmp_path / "index.db")
    for asked in (
        "HTTP/1.1 502 Bad Gateway\nServer: nginx\nerror 502 from upstream",
        "example.com | 502: Bad gateway\nBad gateway Error code 502",
    ):
        assert prepare(asked).labelled_statuses == [], asked
        for found in match(kb, asked).matches:
            assert ("error_code", "BXE502") not in [(e.field, e.matched) for e in found.evidence], asked


def test_a_body_s_error_code_field_beside_a_status_still_names_the_product_s_code(tmp_path: Path) -> None:
    """Guard: a response's body that gives its error's code in a field, as JSON or as a key a program
    writes ("errorCode": 502, error_code=502), names the product's code beside the status line still; and a
    number labelled in prose that is no status stays a code."""
    read(tmp_path / "docs", "batch.md", BATCH_PAGE)
    read(tmp_path / "docs", "printer.md", PRINTER_PAGE)
    build_index([tmp_path / "docs"], tmp_path / "index.db")
    kb = KnowledgeBase(tmp_path / "index.db")
    for asked in (
        'HTTP/1.1 502 Bad Gateway\n\n{"errorCode": 502, "message": "archive service closed the connection"}',
        "HTTP/1.1 502 Bad Gateway\nerror_code=502 archive service closed the connection",
    ):
        assert prepare(asked).labelled_statuses == ["502"], asked
        best = match(kb, asked).matches[0]
        assert best.problem.title == "Export stops with an upstream error", asked
        assert ("error_code", "BXE502") in [(e.field, e.matched) for e in best.evidence], asked
    assert numbers_and_statuses("Error 502: Bad Gateway, then error 1603").codes == ["1603"]


GATEWAY_PAGE = """\
# Storefront errors

## The site returns 502 Bad Gateway

Every page of the shop shows `502 Bad Gateway`.

**Cause:** the proxy cannot reach the application servers.

1. Check that the application service is running.
2. Reload the proxy.
"""


def test_a_status_with_a_spaced_colon_or_a_word_for_an_error_in_another_language_is_a_status(
    tmp_path: Path,
) -> None:
    """French typography, and a common typo, put a space before the colon ("Erreur 502 : Bad Gateway",
    "Error 502 : Bad Gateway"), and a localized app writes its word for an error before the status
    ("Fehler 502: Bad Gateway"): each is the status alone, no product's code. Before: the spaced colon was
    no status, so the number was a code that identified the proxy's page alone (high, where "Error 502:
    Bad Gateway" answered medium), and "Fehler 502: Bad Gateway" was not only a status."""
    for text in ("Erreur 503 : Service Unavailable", "Error 502 : Bad Gateway", "Fehler 502: Bad Gateway"):
        assert http_statuses(text) and only_statuses(text), text
        assert numbers_and_statuses(text).codes == [], text
    read(tmp_path / "docs", "gateway.md", GATEWAY_PAGE)
    read(tmp_path / "docs", "batch.md", BATCH_PAGE)
    build_index([tmp_path / "docs"], tmp_path / "index.db")
    kb = KnowledgeBase(tmp_path / "index.db")
    plain = match(kb, "Error 502: Bad Gateway").matches[0]
    for asked in ("Erreur 502 : Bad Gateway", "Error 502 : Bad Gateway"):
        best = match(kb, asked).matches[0]
        assert (best.problem.title, best.confidence) == (plain.problem.title, plain.confidence), asked


def test_a_number_with_a_spaced_colon_before_no_reason_phrase_is_read_as_before() -> None:
    """Guard: a number after a spaced colon that no reason phrase follows is no status ("Erreur 1045 :
    accès refusé" labels MySQL's number), and "Warning 500 : Bad Gateway" does not make a warning a word
    for an error."""
    assert http_statuses("Erreur 1045 : accès refusé pour l'utilisateur") == []
    assert labelled_numbers("Erreur 1045 : accès refusé pour l'utilisateur") == ["1045"]
    assert not only_statuses("Warning 500 : Bad Gateway")
    assert not only_statuses("Fehlerbehebung 502: Bad Gateway")


def test_a_long_run_of_blanks_after_a_status_s_colon_costs_little() -> None:
    """A paste with a long run of blanks after "NNN:" (a log padded to a column) is read at once: the
    separator's blanks are not given back one by one for every reason phrase to be tried after each.
    Before: 400,000 spaces took most of a second, where the same after "NNN " took milliseconds."""
    for text in ("Error 502:" + " " * 400_000 + "x", "Error 502 :" + "\t" * 400_000 + "x"):
        with cpu_budget(0.25):
            assert http_statuses(text) == []
            assert not only_statuses(text)


# A known-error article whose fields are headed Problem, Root Cause and Workaround, each telling the same two
# scenarios apart by a bold "Scenario N" label; the Problem field opens with what both share, here the
# root prompt's command that shows the log (a line starting with "#", in a block of its own).
SHARED_OPENING = "<p>One of two errors is written to the gateway log:</p><pre># tail -n 50 /var/log/gateway/gateway.log</pre>"
KNOWN_ERROR_PAGE = """\
<html><body>
<h1>Report export fails after a key rotation or an upgrade to 5.1</h1>
<h3>Problem</h3>
{opening}
<p><strong>Scenario 1</strong> &ndash; after the signing key was rotated:</p>
<pre>ERROR [ExportSigner] signature verification failed: unknown key id</pre>
<p><strong>Scenario 2</strong> &ndash; after upgrading to 5.1:</p>
<pre>ERROR [ExportQueue] unsupported report schema 7 (RPX-3307)</pre>
<h3>Root Cause</h3>
<p><strong>Scenario 1:</strong> The archive still trusts only the old signing key.</p>
<p><strong>Scenario 2:</strong> 5.1 writes schema 7 reports, which the archive cannot read yet.</p>
<h3>Workaround</h3>
<p><strong>Scenario 1:</strong></p><ol><li>Publish the new key to the archive.</li><li>Restart the gateway.</li></ol>
<p><strong>Scenario 2:</strong></p><ol><li>Set <code>export.schema=6</code>.</li><li>Restart the gateway.</li></ol>
{closing}
</body></html>
"""


def _two_scenarios(tmp_path: Path, name: str, opening: str, closing: str = "") -> list:
    """The problems of the known-error page with ``opening`` in its Problem field and ``closing`` after its
    Workaround, checked to be its two scenarios, each with its own error."""
    page = KNOWN_ERROR_PAGE.format(opening=opening, closing=closing)
    rotation, upgrade = problems = read(tmp_path / "kb", name, page).problems
    # (What the opening shows in a block of its own is a message of both, as a Problem field's block is.)
    rotated, unsupported = (
        "signature verification failed: unknown key id",
        "unsupported report schema 7 (RPX-3307)",
    )
    assert rotation.title == "After the signing key was rotated"
    assert rotation.error_messages[-1] == rotated and unsupported not in rotation.error_messages
    assert rotation.cause == "The archive still trusts only the old signing key."
    assert upgrade.title == "After upgrading to 5.1"
    assert upgrade.error_messages[-1] == unsupported and rotated not in upgrade.error_messages
    assert upgrade.error_codes == ["RPX3307"]
    assert upgrade.cause == "5.1 writes schema 7 reports, which the archive cannot read yet."
    return problems


def test_a_known_error_s_fields_are_found_past_a_root_prompt_or_a_long_opening(tmp_path: Path) -> None:
    """A headed field's heading is looked for outside code blocks, however long its opening: a root
    prompt's "# tail …" in a block, or a block of twenty lines of settings, before the first scenario. Before: the "#"
    line was taken for the heading (or none was looked for past twenty lines), and the page was one problem
    holding both errors, then one titled by its cause with none."""
    _two_scenarios(tmp_path, "prompt.html", SHARED_OPENING)
    settings = "\n".join(f"export.queue{n}.threads = 4" for n in range(1, 20))
    _two_scenarios(tmp_path, "long.html", f"<p>Both happen with the usual settings:</p><pre>{settings}</pre>")
    # Guard: the same opening without the prompt's "#" reads as before.
    _two_scenarios(tmp_path, "plain.html", SHARED_OPENING.replace("# tail", "tail"))


FIXED_IN = "<h3>Resolution</h3><p>Both issues are fixed in Report Gateway 5.2. Upgrade to 5.2 or later.</p>"
RELATED = (
    '<h3>Related Articles</h3><ul><li><a href="/kb/KB0107">Rotating the export signing key</a></li></ul>'
)


def _says(problem: object, words: str) -> bool:
    """Whether ``words`` are in a step or a note of ``problem``."""
    texts = [s.text for s in problem.steps] + [n.text for n in getattr(problem, "notes", [])]
    return any(words in text for text in texts)


def test_a_known_error_s_last_field_that_tells_no_scenario_apart_is_every_scenario_s(tmp_path: Path) -> None:
    """A field after the last one that tells the scenarios apart, that names a part of a problem ("Resolution:
    both are fixed in 5.2"), is every scenario's, as one between such fields is. Before: it followed the last
    scenario only."""
    rotation, upgrade = _two_scenarios(tmp_path, "fixed.html", "", FIXED_IN + RELATED)
    assert _says(rotation, "fixed in Report Gateway 5.2")
    assert _says(upgrade, "fixed in Report Gateway 5.2")
    # Guard: a field that is no part of a problem (Related Articles) is neither scenario's.
    assert not _says(rotation, "Rotating the export signing key")


# A help centre's section in the app's language: what comes into view, the app's error in a block, then the
# numbered fix, with no label between.
BANNER_SECTION = """\
# {title}

{lead}

```text
{shown}
```

1. {first}
2. {second}
"""


def test_a_banner_announced_by_a_verb_of_appearing_in_another_language_is_the_message(tmp_path: Path) -> None:
    """ "… apparaît :", "… erscheint …:", "… aparece …:" and English "… opens:" announce what comes into view
    as "… appears:" does: the block under them is the problem's message and its code. Before: the verbs were
    English only, and the block went to the problem's body only."""
    shown = "Synchronisation impossible : jeton expiré (SCN-7731)"
    for name, title, lead in (
        (
            "fr.md",
            "La synchronisation échoue",
            "Lorsque vous touchez **Synchroniser**, une bannière rouge apparaît :",
        ),
        (
            "de.md",
            "Die Synchronisierung schlägt fehl",
            "Wenn Sie auf **Sync** tippen, erscheint ein rotes Banner:",
        ),
        ("es.md", "La sincronización falla", "Al tocar **Sync**, aparece un aviso rojo:"),
        ("en.md", "Sync fails", "When you tap **Sync**, a dialog box opens:"),
    ):
        text = BANNER_SECTION.format(
            title=title, lead=lead, shown=shown, first="Sign out.", second="Sign in again."
        )
        [problem] = read(tmp_path / "docs", name, text).problems
        assert problem.error_messages == [shown], name
        assert problem.error_codes == ["SCN7731"], name
        assert [s.text for s in problem.steps] == ["Sign out.", "Sign in again."], name


def test_what_appears_that_reads_as_no_failure_is_still_no_message(tmp_path: Path) -> None:
    """Guard: as for any such lead, only output that reads as a failure is taken."""
    text = BANNER_SECTION.format(
        title="Die Synchronisierung dauert lange",
        lead="Nach dem Tippen auf **Sync** erscheint diese Zusammenfassung:",
        shown="412 Einträge synchronisiert in 38 s",
        first="Warten Sie, bis die Synchronisierung endet.",
        second="Starten Sie die App neu.",
    )
    [problem] = read(tmp_path / "docs", "de.md", text).problems
    assert problem.error_messages == []
