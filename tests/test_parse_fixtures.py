"""The parser against small fixture articles, one per style, each beside its expected records.

Every ``tests/fixtures/<name>.md`` or ``.txt`` has a ``<name>.expected.json`` written by
hand from the article; only the fields an expected file lists are compared. A new article
style is a new pair of files, not new test code.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from indexer.build import build_index
from indexer.errors import ArticleError
from indexer.markup import clean_markdown
from indexer.parse import parse_article
from indexer.records import Article, Problem, Step
from indexer.sections import parse_sections

FIXTURES = Path(__file__).resolve().parent / "fixtures"
ARTICLES = sorted(p for p in FIXTURES.iterdir() if p.suffix in (".md", ".txt") and p.stem.lower() != "readme")


def expected_path(article: Path) -> Path:
    """Where the hand-written records of a fixture article live."""
    return article.with_name(article.stem + ".expected.json")


def _step_record(step: Step, wanted: dict[str, Any]) -> dict[str, Any]:
    return {key: getattr(step, key) for key in wanted}


def _problem_record(problem: Problem, wanted: dict[str, Any]) -> dict[str, Any]:
    record: dict[str, Any] = {}
    for key, value in wanted.items():
        if key == "steps":
            shape = value[0] if value else {"number": None, "text": None}
            record["steps"] = [_step_record(s, shape) for s in problem.steps]
        else:
            record[key] = getattr(problem, key)
    return record


def article_record(article: Article, expected: dict[str, Any]) -> dict[str, Any]:
    """``article`` reduced to the fields ``expected`` lists, in the same shape."""
    record: dict[str, Any] = {}
    for key, value in expected.items():
        if key == "problems":
            shape = value[0] if value else {"title": None}
            record["problems"] = [_problem_record(p, shape) for p in article.problems]
        else:
            record[key] = getattr(article, key)
    return record


def test_every_fixture_article_has_expected_records() -> None:
    assert len(ARTICLES) >= 10
    missing = [a.name for a in ARTICLES if not expected_path(a).is_file()]
    assert missing == []
    orphans = [
        p.name for p in FIXTURES.glob("*.expected.json") if not any(expected_path(a) == p for a in ARTICLES)
    ]
    assert orphans == []


@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.name)
def test_fixture_article_gives_expected_records(path: Path) -> None:
    expected = json.loads(expected_path(path).read_text(encoding="utf-8"))
    article = parse_article(path.read_bytes(), path.name)
    assert article_record(article, expected) == expected


@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.name)
def test_step_lines_point_at_the_step_text(path: Path) -> None:
    """Every step's line is the source line where its text starts (markup aside)."""
    lines = path.read_text(encoding="utf-8").split("\n")
    article = parse_article(path.read_bytes(), path.name)
    for problem in article.problems:
        for step in problem.steps:
            first_words = step.text.split("\n")[0][:30]
            source = clean_markdown(lines[step.line - 1]).replace("`", "").replace("**", "")
            source = html.unescape(re.sub(r"<[^<>]*>", "", source))  # an HTML article's tags
            # A tab's label is the argument of the directive line it comes from, or of the tab
            # above the paragraph it labels ("mac: Run …").
            words = first_words if first_words in source else first_words.split(": ", 1)[-1]
            # A step that is a code block (a tab holding a command) starts at its fence's line.
            fenced = (
                lines[step.line - 1].lstrip().startswith(("```", "~~~")) and first_words in lines[step.line]
            )
            assert words in source or first_words.rstrip(":") in lines[step.line - 1] or fenced, (
                step.line,
                source,
            )


def test_fixture_folder_indexes_without_warnings(tmp_path: Path) -> None:
    report = build_index([FIXTURES], tmp_path / "fixtures.db")
    assert [str(w) for w in report.warnings] == []
    assert report.articles == len(ARTICLES)  # the README is a guide, not an article
    # Articles without troubleshooting structure and with one section of content.
    assert report.whole_article_sources == ["foreign_markup.md", "no_headings.md"]


def test_step_markdown_keeps_the_authors_markup_without_sub_steps() -> None:
    data = (FIXTURES / "kb_convention.md").read_bytes()
    steps = parse_article(data, "kb_convention.md").problems[0].steps
    by_number = {(s.group, s.number): s for s in steps}
    run_test = by_number[("Step 1: Check the network path", "2")]
    assert run_test.markdown == (
        "Run the connectivity test:\n\n```console\nacmevpn test --gateway <gateway-name>\n```"
    )
    ask = by_number[("Step 2: Open the port", "1")]
    assert ask.markdown == "Ask the network team to allow UDP 4500 to the gateway."
    sub = by_number[("Step 2: Open the port", "1.1")]
    assert (sub.parent, sub.depth) == ("1", 1)
    assert sub.markdown == "Include the gateway address in the request."


def test_front_matter_fills_the_article_metadata() -> None:
    article = parse_article((FIXTURES / "kb_convention.md").read_bytes(), "kb_convention.md")
    assert article.id == "fixture-kb-convention"
    assert article.product == "Acme VPN"
    assert article.tags == ["vpn", "acme"]
    # Without an id in the front matter, the id comes from the file's path in its folder.
    other = parse_article((FIXTURES / "methods.md").read_bytes(), "sub/methods.md")
    assert other.id == "sub-methods"


def test_call_outs_are_never_error_messages() -> None:
    for path in ARTICLES:
        article = parse_article(path.read_bytes(), path.name)
        for problem in article.problems:
            for message in problem.error_messages:
                assert "[!" not in message
                assert not message.startswith(("Note:", "Tip:", "Important:", "Warning:")), path


def test_sections_keep_source_lines() -> None:
    text = (FIXTURES / "kb_convention.md").read_text(encoding="utf-8")
    parsed = parse_sections(text)
    assert parsed.front_matter.startswith("id: fixture-kb-convention")
    (h1,) = parsed.root.children
    assert (h1.level, h1.title, h1.line) == (1, "Troubleshooting the Acme VPN client", 8)
    assert [(c.title, c.line) for c in h1.children] == [
        ("The VPN client cannot reach the gateway", 10),
        ("Sign-in to the VPN fails after a password change", 55),
    ]


def test_roles_and_raised_marks_read_as_the_reader_sees_them() -> None:
    text = (
        "# Build backends\n\n## Build-time dependencies\n\n"
        "1. The key came with {pep}`518` and {rfc}`9110`, for any compatible{sup}`1` tool on "
        "supported hardware<sup>2</sup>.\n"
    )
    step = parse_article(text.encode(), "backends.md").problems[0].steps[0]
    assert "PEP 518" in step.text and "RFC 9110" in step.text
    assert "compatible 1" in step.text and "hardware 2" in step.text


def test_an_html_line_break_separates_words_in_text_and_keeps_table_rows_whole() -> None:
    text = (
        "# Device registration\n\n## Resolution\n\n"
        "1. Reset the device as the table says:\n\n"
        "   | Join type | Action |\n   | --- | --- |\n"
        "   | Registered | Disconnect the account, then register again.<br>For iOS, use the Authenticator app. |\n"
        "   | Joined | Run dsregcmd /forcerecovery.<br/>Sign in again. |\n"
    )
    step = parse_article(text.encode(), "devices.md").problems[0].steps[0]
    assert "again. For iOS" in step.text and "again.For" not in step.text
    rows = [line for line in step.text.splitlines() if " | " in line]
    assert rows[1:] == [
        "Registered | Disconnect the account, then register again. For iOS, use the Authenticator app.",
        "Joined | Run dsregcmd /forcerecovery. Sign in again.",
    ]


def test_what_a_sub_heading_names_stays_searchable() -> None:
    text = (
        "# Manager restarts\n\n## Symptoms\n\nThe manager keeps restarting.\n\n"
        "### Root Cause 1: Blocked gossip port\n\nA firewall drops traffic between nodes.\n\n"
        "### Diagnosis on the node\n\nRead the manager log.\n\n## Resolution\n\n1. Open the gossip port.\n"
    )
    body = parse_article(text.encode(), "manager.md").problems[0].body
    assert "Blocked gossip port" in body and "Diagnosis on the node" in body


def test_a_whole_article_problem_without_a_fix_reads_its_causes_not_its_links() -> None:
    """Causes with no fix of their own are the nearest the article comes to steps; links never are."""
    text = (
        "# Agents keep restarting\n\n## Symptoms\n\nAgents restart many times a day.\n\n"
        "## Root cause\n\nAgents restart for several reasons:\n\n"
        "### Heavy load\n\nThe health probe times out when the host is busy.\n\n"
        "## Related information\n\n- Agent issue: [#42](https://example.com/issues/42)\n"
    )
    problem = parse_article(text.encode(), "agents.md").problems[0]
    assert problem.whole_article
    assert "The health probe times out when the host is busy." in problem.cause
    assert [s.text for s in problem.steps if s.group == "Heavy load"] == [
        "The health probe times out when the host is busy."
    ]
    assert not any("#42" in s.text for s in problem.steps)


def test_a_command_after_the_steps_stays_with_its_own_lead_in() -> None:
    text = (
        "# Recover a failed upload\n\n## Retry the upload\n\n1. Download the build output.\n"
        "2. Run the retry in its folder.\n\nIf the retry fails too, roll the checkout back first:\n\n"
        "```sh\ngit reset --hard BEFORE\n```\n\nFor background, see the upload guide.\n\n"
        "```text\nupload-guide.md\n```\n"
    )
    steps = parse_article(text.encode(), "upload.md").problems[0].steps
    assert [s.text for s in steps] == [
        "Download the build output.",
        "Run the retry in its folder.",
        "If the retry fails too, roll the checkout back first:\ngit reset --hard BEFORE",
    ]


@pytest.mark.parametrize(
    ("lead", "a_step"),
    [
        ("To check the file before you upload it, you can run:", False),
        ("Optionally, verify the export with:", False),
        ("To verify the fix, run:", True),
        ("If you want to keep the old font, you can pin it instead:", True),
    ],
)
def test_a_check_offered_after_the_steps_is_a_note_and_an_instruction_a_step(lead: str, a_step: bool) -> None:
    # "To check …, you can run:" and its command after the list were a last step to follow; a check
    # the author asks for, and an alternative offered, are still steps.
    text = (
        "# Invoices\n\n## Exported PDF is rejected\n\n### Resolution\n\n"
        "1. Replace the template font.\n2. Export the invoice again.\n\n"
        f"{lead}\n\n```\ninvoicer verify --pdfa invoice.pdf\n```\n"
    )
    problem = parse_article(text.encode(), "invoices.md").problems[0]
    assert len(problem.steps) == (3 if a_step else 2)
    assert (lead in [n.text for n in problem.notes]) is not a_step


def test_an_instruction_with_its_command_before_the_lists_is_the_first_step() -> None:
    # "Add a call:" and the call open a how-to section; the list after it describes the call's
    # arguments. A lead-in that only describes ("The call looks like this:") stays the section's text.
    def section(lead: str) -> Problem:
        text = (
            f"# Retiring recipes\n\n## Retire a recipe\n\n{lead}\n\n```ruby\nretire! date: DAY\n```\n\n"
            "- The date is when it starts.\n- A reason is optional.\n"
        )
        return parse_article(text.encode(), "retire.md").problems[0]

    told = section("Add a `retire!` call with the date it starts:")
    assert [s.text for s in told.steps] == [
        "Add a retire! call with the date it starts:\nretire! date: DAY",
        "The date is when it starts.",
        "A reason is optional.",
    ]
    assert told.symptoms == ""
    shown = section("The call looks like this:")
    assert shown.symptoms == "The call looks like this:"
    assert [s.number for s in shown.steps] == ["1", "2"]


LONG_VALUE = "Windows 11, " + "and every edition that shipped with the agent before its second update, " * 4


@pytest.mark.parametrize(
    ("fields", "symptoms", "in_body"),
    [
        ("_Original KB number:_ &nbsp; 4096172", "Sync stops at night.", "Original KB number:"),
        ("**Applies to:** Windows 11  \n**Version**: 2.1", "Sync stops at night.", "Version: 2.1"),
        # The whole line in emphasis, label and value, as a knowledge base marks what a page applies to.
        (
            "_Product notice: Self-hosted only. This page applies to the self-hosted editions._",
            "Sync stops at night.",
            "Product notice: Self-hosted only.",
        ),
        ("*Applies to: Windows 11*", "Sync stops at night.", "Applies to: Windows 11"),
        # An emphasised sentence, or advice, with no label of the page is the problem's text.
        (
            "_Sync stops when the laptop sleeps._",
            "Sync stops when the laptop sleeps.\n\nSync stops at night.",
            None,
        ),
        (
            "_Error: 0x80070005 on every upload_",
            "Error: 0x80070005 on every upload\n\nSync stops at night.",
            None,
        ),
        (
            "*Version: 2.3 fails to sync after sleep*",
            "Version: 2.3 fails to sync after sleep\n\nSync stops at night.",
            None,
        ),
        # A label that names what went wrong is the problem's text, not a field of the page: its error.
        ("**Error:** 0x80070005", "Sync stops at night.", None),
        # Labels of what the page says, and values that hold an error, are not fields.
        (
            "**Step 1:** Hold the power button.",
            "Step 1: Hold the power button.\n\nSync stops at night.",
            None,
        ),
        (
            "**Summary:** Sync stops on laptops.",
            "Summary: Sync stops on laptops.\n\nSync stops at night.",
            None,
        ),
        (
            "**Version:** 2.3, fails with 0x80070643",
            "Version: 2.3, fails with 0x80070643\n\nSync stops at night.",
            None,
        ),
        # A value too long for a field is prose.
        (f"**Applies to:** {LONG_VALUE}", f"Applies to: {LONG_VALUE.strip()}\n\nSync stops at night.", None),
        # A runbook's header: its severity and its owner are fields of the page.
        ("**Severity:** P2 (page at once)\n\n**Owner:** team-sync", "Sync stops at night.", "Severity: P2"),
        # A help desk's one line of properties between bars, its status a word alone.
        (
            "Article Number: 000384512 | Article Record Type: Troubleshooting | Published",
            "Sync stops at night.",
            "Article Number: 000384512",
        ),
        # Beside them, a label of what the problem is, or of what sets it off, is the problem's text.
        (
            "**Impact:** Files stay stale.\n\n**Owner:** team-sync",
            "Impact: Files stay stale.\n\nSync stops at night.",
            None,
        ),
        (
            "**Severity:** P2\n\n**Trigger:** no upload for 1h",
            "Trigger: no upload for 1h\n\nSync stops at night.",
            "Severity: P2",
        ),
        # Steps labelled in bold beside the page's fields are no fields (a label of any name was).
        (
            "**Owner:** team-sync\n\n**Renew:** run `certbot renew`",
            "Renew: run certbot renew\n\nSync stops at night.",
            "Owner: team-sync",
        ),
        # A knowledge base's fields in a paragraph each, without emphasis, and the labels that name only
        # the page, alone: what it applies to, and the words it is found by (its tags or keywords, as a
        # form's Keywords field is read since R10a).
        ("Article ID: 318932\n\nProducts: Sync agent", "Sync stops at night.", "Article ID: 318932"),
        ("Applies to: Sync agent 3.x on Windows", "Sync stops at night.", "Applies to: Sync agent 3.x"),
        ("Tags: laptops | sync", "Sync stops at night.", "Tags: laptops | sync"),
        ("**Model:** Scanner Pro  \n**Category:** Hardware", "Sync stops at night.", "Model: Scanner Pro"),
        # A lone plain label that may be a sentence, and paragraphs of labels of which one names no
        # field, are the problem's text.
        ("Product: Sync agent", "Product: Sync agent\n\nSync stops at night.", None),
        (
            "Owner: team-sync\n\nRetry: never",
            "Owner: team-sync\n\nRetry: never\n\nSync stops at night.",
            None,
        ),
        ("Mode: offline | Retry: never", "Mode: offline | Retry: never\n\nSync stops at night.", None),
    ],
)
def test_label_lines_under_the_title_are_fields_not_symptoms(
    fields: str, symptoms: str, in_body: str | None
) -> None:
    text = f"# Sync stops\n\n{fields}\n\nSync stops at night.\n\n## Resolution\n\n1. Restart the agent.\n"
    article = parse_article(text.encode(), "sync.md")
    [problem] = article.problems
    assert problem.symptoms == symptoms
    if in_body:
        assert in_body in article.body


@pytest.mark.parametrize(
    ("fields", "symptoms", "in_body"),
    [
        ("**Producto:** Agente de sincronización 3  \n**Última actualización:** 14/01/2026", "", "Producto:"),
        # Among emphasised labels, a plain one that names something about the page.
        ("**Produkt:** Sync-Agent 3  \nLetzte Aktualisierung: 14.01.2026", "", "Letzte Aktualisierung:"),
        ("Produit : Agent de synchronisation\n\nDernière mise à jour : 14/01/2026", "", "Produit :"),
        ("**Versione:** 3.2  \n**Categoria:** Sincronizzazione", "", "Categoria:"),
        ("Wersja: 3.2\nKategoria: Synchronizacja", "", "Kategoria: Synchronizacja"),
        ("**Продукт:** Агент синхронизации  \n**Последнее обновление:** 14.01.2026", "", "Продукт:"),
        ("**製品：** 同期エージェント  \n**最終更新日：** 2026/01/14", "", "製品："),
        ("适用产品：同步客户端\n版本：3.2", "", "适用产品"),
        # One label alone that names nothing but the page.
        ("적용 대상: 동기화 에이전트 3.x", "", "적용 대상"),
        ("Artikel-ID: 318932", "", "Artikel-ID"),
        ("**Applies to:** Windows 11  \nLast updated: 2026-01-14", "", "Last updated:"),
        # Guards: a label of an error, a value that holds one, a lone label that may open a sentence, a
        # plain line beside emphasised fields that names nothing of the page, are the problem's text.
        ("**Código de error:** LIC-2041", "", None),
        ("**Fehlercode:** 0x80070005", "", None),
        ("**产品错误：** 同步客户端", "产品错误： 同步客户端", None),
        # (A word that holds a word for an error inside it is no error: "Ferro" is no "erro".)
        ("**Ferro model:** FX-2  \n**Version:** 3.2", "", "Ferro model:"),
        ("**Versión:** 2.3, falla con 0x80070643", "Versión: 2.3, falla con 0x80070643", None),
        ("Producto: Agente de sincronización", "Producto: Agente de sincronización", None),
        ("注意：此问题只在 Windows 上出现", "注意：此问题只在 Windows 上出现", None),
        ("**Owner:** team-sync  \nRetry: never", "Owner: team-sync\nRetry: never", None),
        (
            "**Produkt:** Sync-Agent  \nder Dienst stoppt: immer",
            "Produkt: Sync-Agent\nder Dienst stoppt: immer",
            None,
        ),
    ],
)
def test_localized_label_lines_under_the_title_are_fields_not_symptoms(
    fields: str, symptoms: str, in_body: str | None
) -> None:
    """A Spanish article's "**Producto:** …" and "**Última actualización:** …" were its symptoms: only
    English labels named the page's fields."""
    text = f"# Sync stops\n\n{fields}\n\nSync stops at night.\n\n## Resolution\n\n1. Restart the agent.\n"
    article = parse_article(text.encode(), "sync.md")
    [problem] = article.problems
    assert problem.symptoms == "\n\n".join(filter(None, [symptoms, "Sync stops at night."]))
    if in_body:
        assert in_body in article.body
    else:
        # A label of an error is the problem's, as "**Error:** 0x80070005" is.
        assert article.body == ""


def test_a_localized_product_field_scopes_the_article() -> None:
    """As "Product: …" does, where the front matter names no product."""
    text = "# Sync stops\n\n**Producto:** Agente 3  \n**Etiquetas:** sync\n\nIt stops.\n\n## Solución\n\n1. Restart.\n"
    article = parse_article(text.encode(), "sync.md")
    assert (article.product, article.tags) == ("Agente 3", ["sync"])


def titles_and_steps(markdown: str) -> list[tuple[str, list[str]]]:
    """(title, step texts) of each problem ``markdown`` gives."""
    return [(p.title, [s.text for s in p.steps]) for p in parse_article(markdown.encode(), "a.md").problems]


def test_a_troubleshooting_list_of_labelled_items_gives_one_problem_per_item() -> None:
    text = (
        "# Running a plugin registry\n\n## Publish a plugin\n\n1. Tag the release.\n2. Run the publish command.\n\n"
        "## Troubleshooting\n\n- **Plugin missing after publish**: check that the manifest lists the plugin.\n"
        "- **Publish rejected** - renew your upload token and retry.\n"
    )
    assert titles_and_steps(text) == [
        ("Plugin missing after publish", ["check that the manifest lists the plugin."]),
        ("Publish rejected", ["renew your upload token and retry."]),
    ]
    # The step's Markdown is the fix too: it kept the item's mark and label, shown as a bullet
    # that repeated the error inside step 1.
    coded = text.replace("- **Plugin missing after publish**", "* `Error 404: plugin not found`").replace(
        "- **Publish rejected**", "* `Error 403: upload token expired`"
    )
    problems = parse_article(coded.encode(), "registry.md").problems
    assert [(p.error_messages, p.steps[0].markdown) for p in problems[-2:]] == [
        (["Error 404: plugin not found"], "check that the manifest lists the plugin."),
        (["Error 403: upload token expired"], "renew your upload token and retry."),
    ]


def test_a_definition_list_is_read_as_a_list_of_term_and_definition_items() -> None:
    # Pandoc, PHP Markdown Extra and MyST write "Term" then ":   definition". Read as paragraphs,
    # a term and its definition were two steps, the definition opening with a stray ":".
    fix = (
        "Set the location in one of the files below.\n\n"
        "Global\n:   `/etc/tool.conf`, read first.\n\n"
        "User\n:   `~/.config/tool.conf`.\n\n    It overrides the global file.\n\n"
        "Site\n:   - `$VIRTUAL_ENV/tool.conf`\n    - `./tool.conf`\n"
    )
    problem = resolved_by(fix)
    assert [(s.number, s.text) for s in problem.steps] == [
        ("1", "Global: /etc/tool.conf, read first."),
        ("2", "User: ~/.config/tool.conf.\nIt overrides the global file."),
        ("3", "Site"),
        ("3.1", "$VIRTUAL_ENV/tool.conf"),
        ("3.2", "./tool.conf"),
    ]


def test_a_diagnostics_section_gives_a_problem_per_message_it_lists() -> None:
    # A man page's or a CLI reference's DIAGNOSTICS lists the messages the tool prints and what
    # each means: they were one problem's steps (or body text), with no error message among them.
    text = (
        "# mirrorctl\n\n## Options\n\n| Option | Description |\n| --- | --- |\n| `--jobs N` | Parallel downloads. |\n\n"
        "## Diagnostics\n\n"
        "`mirrorctl: target is locked by pid 4412`\n:   Another run holds the lock. Wait for it to finish.\n\n"
        "`mirrorctl: checksum mismatch for base.rpm`\n:   The file changed upstream. Run again with `--verify`.\n"
    )
    problems = parse_article(text.encode(), "mirrorctl.md").problems
    assert [(p.title, p.error_messages, [s.text for s in p.steps]) for p in problems] == [
        (
            "mirrorctl: target is locked by pid 4412",
            ["mirrorctl: target is locked by pid 4412"],
            ["Another run holds the lock. Wait for it to finish."],
        ),
        (
            "mirrorctl: checksum mismatch for base.rpm",
            ["mirrorctl: checksum mismatch for base.rpm"],
            ["The file changed upstream. Run again with --verify."],
        ),
    ]


def test_a_man_page_diagnostics_message_in_bold_is_the_problem_s_error_message() -> None:
    # A man page sets the messages its DIAGNOSTICS lists in bold, not code: each was a problem
    # with no error message, found by its words alone.
    text = (
        "# NAME\n\nbackupd - backup daemon\n\n# DIAGNOSTICS\n\n"
        "**backupd: state.db is corrupt, refusing to start**\n:   Move the file aside and start backupd again.\n\n"
        "**backupd: store unreachable: Connection refused**\n:   Check that rsyncd runs on the store.\n"
    )
    problems = parse_article(text.encode(), "backupd.md").problems
    assert [p.error_messages for p in problems] == [
        ["backupd: state.db is corrupt, refusing to start"],
        ["backupd: store unreachable: Connection refused"],
    ]
    # Under Troubleshooting a bold label names the problem in the reader's words, not a message.
    other = text.replace("# DIAGNOSTICS", "# Troubleshooting")
    assert [p.error_messages for p in parse_article(other.encode(), "backupd.md").problems] == [[], []]


def test_a_pandoc_title_block_titles_a_page_without_a_title_heading() -> None:
    # A man page in Pandoc's Markdown has "% BACKUPD(8)" for a title and "#" sections NAME,
    # SYNOPSIS …: the title block was read as a comment, and the article titled by its file name.
    text = "% BACKUPD(8) backupd 2.4\n% Jane Admin\n\n# NAME\n\nbackupd - backup daemon\n\n# SYNOPSIS\n\nbackupd -f\n"
    assert parse_article(text.encode(), "man/backupd.8.md").title == "BACKUPD(8) backupd 2.4"
    # A "#" heading still titles the page.
    headed = b"% BACKUPD(8)\n\n# Backup daemon\n\nIt copies files.\n"
    assert parse_article(headed, "b.md").title == "Backup daemon"


def test_a_troubleshooting_section_beside_a_description_holds_problems_of_its_own() -> None:
    # "Description" reads as a problem's part (its symptoms): the page became one problem, and the
    # problems under its Troubleshooting section were that problem's body.
    text = (
        "# mirrorctl\n\n## Description\n\nmirrorctl keeps a package mirror in sync.\n\n"
        '## Troubleshooting\n\n### Sync stops with "disk full"\n\nFree some space, then run `mirrorctl --resume`.\n\n'
        "### Sync is slow\n\nRun it with `--jobs 8`.\n"
    )
    assert titles_and_steps(text)[-2:] == [
        ('Sync stops with "disk full"', ["Free some space, then run mirrorctl --resume."]),
        ("Sync is slow", ["Run it with --jobs 8."]),
    ]


def test_each_fold_of_a_troubleshooting_section_is_a_problem_titled_by_its_summary() -> None:
    # A GitHub README folds each problem into <details>; read as paragraphs, the folds were one
    # problem, every fold's steps in one row and each summary a remark between them.
    text = (
        "# tilekit\n\n## Usage\n\n```\ntilekit in.pbf\n```\n\n## Troubleshooting\n\n"
        "<details>\n<summary><code>MemoryError: cannot allocate 4 GiB</code></summary>\n\n"
        "1. Create a scratch directory.\n2. Run with `--store DIR`.\n\n</details>\n\n"
        "<details>\n<summary>Roads missing at zoom 14</summary>\n\n"
        "1. Copy the default profile.\n2. Lower `minzoom`.\n\n</details>\n\n"
        "Still stuck? Open an issue.\n"
    )
    problems = parse_article(text.encode(), "tilekit.md").problems
    assert [(p.title, p.error_messages, [s.text for s in p.steps]) for p in problems] == [
        (
            "MemoryError: cannot allocate 4 GiB",
            ["MemoryError: cannot allocate 4 GiB"],
            ["Create a scratch directory.", "Run with --store DIR."],
        ),
        ("Roads missing at zoom 14", [], ["Copy the default profile.", "Lower minzoom."]),
    ]
    assert all(not p.notes for p in problems)


def test_an_error_heading_over_a_list_of_messages_and_what_to_do_gives_a_problem_per_message() -> None:
    # "Restore fails" over each message it prints and what to do: one problem, its messages
    # mostly symptoms (only the last one an error message) and no steps.
    text = (
        "# Restoring from backup\n\n## Restore fails\n\n"
        "`restore: target directory not empty: /srv/repo`\n:   Move the files aside, then run `repotool restore` again.\n\n"
        "`restore: permission denied: /srv/repo/.lock`\n:   Run it as the repo user: `sudo -u repo repotool restore`.\n"
    )
    problems = parse_article(text.encode(), "restore.md").problems
    assert [(p.error_messages, [s.text for s in p.steps]) for p in problems] == [
        (
            ["restore: target directory not empty: /srv/repo"],
            ["Move the files aside, then run repotool restore again."],
        ),
        (
            ["restore: permission denied: /srv/repo/.lock"],
            ["Run it as the repo user: sudo -u repo repotool restore."],
        ),
    ]


def test_a_list_of_labelled_definitions_outside_troubleshooting_is_not_a_list_of_problems() -> None:
    text = (
        "# Troubleshooting plugin publishing\n\n## Symptoms\n\nPublishing stalls.\n\n## Scripts\n\n"
        "- **Pause all**: This script pauses every publish job.\n- **Resume all**: This script resumes them.\n\n"
        "## Resolution\n\n1. Run the pause script.\n"
    )
    titles = [p.title for p in parse_article(text.encode(), "scripts.md").problems]
    assert "Pause all" not in titles and "Resume all" not in titles


@pytest.mark.parametrize(
    "tabs",
    [
        "````{tab} Linux\nRun the installer script.\n````\n\n````{tab} macOS\nOpen the disk image.\n````\n",
        '{{< tabs >}}\n{{% tab name="Linux" %}}\nRun the installer script.\n{{% /tab %}}\n'
        '{{% tab name="macOS" %}}\nOpen the disk image.\n{{% /tab %}}\n{{< /tabs >}}\n',
        # Docusaurus (MDX): a tab's label, or its value when it has none.
        '<Tabs>\n  <TabItem value="linux" label="Linux">\n\nRun the installer script.\n\n  </TabItem>\n'
        '  <TabItem value="macOS">\n\nOpen the disk image.\n\n  </TabItem>\n</Tabs>\n',
    ],
)
def test_a_tab_keeps_its_label(tabs: str) -> None:
    # The tabs end the steps: each is an alternative, a group of its own named by its label.
    text = f"# Tool\n\n## Install\n\nPick your system.\n\n{tabs}"
    steps = parse_article(text.encode(), "tool.md").problems[0].steps
    assert [(s.group, s.number, s.text) for s in steps] == [
        ("Install", "1", "Pick your system."),
        ("Linux", "1", "Run the installer script."),
        ("macOS", "1", "Open the disk image."),
    ]
    # A step after them would read as the last tab's own: then they are steps, each labelled.
    steps = parse_article(f"{text}\nRestart the agent.\n".encode(), "tool.md").problems[0].steps
    assert [(s.group, s.number, s.text) for s in steps] == [
        ("Install", "1", "Pick your system."),
        ("Install", "2", "Linux: Run the installer script."),
        ("Install", "3", "macOS: Open the disk image."),
        ("Install", "4", "Restart the agent."),
    ]


def test_tabs_that_each_hold_a_command_are_alternatives_not_steps_in_a_row() -> None:
    # pip's docs: the same command for Linux, macOS and Windows was three steps to take in turn.
    text = (
        "# Tool\n\n## Clear the cache\n\nThe cache grows without limit.\n\nClear it from a terminal:\n\n"
        '=== "Linux"\n\n    ```bash\n    tool cache purge\n    ```\n\n'
        '=== "Windows"\n\n    ```powershell\n    tool.exe cache purge\n    ```\n\n'
        "!!! note\n    The next run downloads everything again.\n"
    )
    problem = parse_article(text.encode(), "tool.md").problems[0]
    assert [(s.group, s.number, s.text, s.line) for s in problem.steps] == [
        ("Clear the cache", "1", "The cache grows without limit.", 5),
        ("Clear the cache", "2", "Clear it from a terminal:", 7),
        ("Linux", "1", "tool cache purge", 11),
        ("Windows", "1", "tool.exe cache purge", 17),
    ]
    assert [(n.text, n.group, n.after) for n in problem.notes] == [
        ("Note: The next run downloads everything again.", None, True)
    ]


def test_the_steps_of_each_docusaurus_tab_are_a_group_of_their_own() -> None:
    # Read as HTML, the tabs' steps were one procedure: 1-2 for macOS, then 3-4 for Linux.
    tabs = (
        '<Tabs>\n  <TabItem value="mac" label="macOS" default>\n\n1. Open Terminal.\n2. Restart the agent.\n\n'
        '  </TabItem>\n  <TabItem value="linux" label="Linux">\n\n1. Open a shell.\n2. Restart the service.\n\n'
        "  </TabItem>\n</Tabs>\n"
    )
    steps = resolved_by(tabs).steps
    assert [(s.group, s.number, s.text) for s in steps] == [
        ("macOS", "1", "Open Terminal."),
        ("macOS", "2", "Restart the agent."),
        ("Linux", "1", "Open a shell."),
        ("Linux", "2", "Restart the service."),
    ]


def test_tabs_whose_content_cannot_be_told_apart_stay_labelled_steps() -> None:
    # A tab of a table alone has no step to start its group: the table went to the step before the
    # tabs.
    table_tab = (
        '=== "Linux"\n\n    | Distro | Command |\n    |---|---|\n    | Debian | apt install tool |\n\n'
    )
    text = (
        f'# Tool\n\n## Install\n\nPick your system.\n\n{table_tab}=== "Windows"\n\n    Run the installer.\n'
    )
    steps = parse_article(text.encode(), "tool.md").problems[0].steps
    assert {s.group for s in steps} == {"Install"}, [(s.group, s.text) for s in steps]
    assert [s.number for s in steps] == ["1", "2", "3"]


def test_a_docusaurus_tab_closed_right_under_its_text_is_its_own_group() -> None:
    # A tab's closing tag alone on the line after its text ends it, as MDX reads it: the next tab's
    # text is not read into its group.
    tabs = (
        '<Tabs>\n<TabItem value="linux" label="Linux">\n\nRun the installer script.\n</TabItem>\n'
        '<TabItem value="mac" label="macOS">\n\nOpen the disk image.\n</TabItem>\n</Tabs>\n'
    )
    text = f"# Tool\n\n## Install\n\nPick your system.\n\n{tabs}"
    steps = parse_article(text.encode(), "tool.md").problems[0].steps
    assert [(s.group, s.text) for s in steps] == [
        ("Install", "Pick your system."),
        ("Linux", "Run the installer script."),
        ("macOS", "Open the disk image."),
    ]


def test_a_call_out_fence_inside_a_step_stays_a_call_out_in_its_markdown() -> None:
    text = (
        "# Report format\n\n## Reading a report\n\n- Open the report's `location` folder.\n\n"
        "  ```{warning}\n  Old installs may keep it elsewhere.\n  ```\n\n- Check the `requested` flag.\n"
    )
    step = parse_article(text.encode(), "report.md").problems[0].steps[0]
    assert step.markdown == (
        "Open the report's `location` folder.\n\n> [!WARNING]\n> Old installs may keep it elsewhere."
    )


def test_a_common_errors_list_of_quoted_messages_gives_one_problem_per_message() -> None:
    text = (
        "# Troubleshooting issuers\n\n## Checking issuers\n\nRead the issuer's events.\n\n### Common errors\n\n"
        "* `Failed to register account: 400 urn:example:error:badEmail`: the email is not valid; fix it.\n"
        '* `Error creating issuer: secret "issuer-key" already exists`: delete the leftover secret.\n'
    )
    problems = parse_article(text.encode(), "issuers.md").problems
    assert [(p.title, p.error_messages, [s.text for s in p.steps]) for p in problems] == [
        (
            "Failed to register account: 400 urn:example:error:badEmail",
            ["Failed to register account: 400 urn:example:error:badEmail"],
            ["the email is not valid; fix it."],
        ),
        (
            'Error creating issuer: secret "issuer-key" already exists',
            ['Error creating issuer: secret "issuer-key" already exists'],
            ["delete the leftover secret."],
        ),
    ]


def test_lists_named_as_descriptions_or_conditions_are_not_steps() -> None:
    text = (
        "# Holding versions\n\n## Freezing a package\n\n### `tool hold`\n\n"
        "Use `tool hold <package>` when upgrades should skip a package.\n\nPros:\n\n* simplest option\n\n"
        "Cons:\n\n* no security fixes while held\n\n## Why does it build from source?\n\n"
        "Prebuilt packages are used except under the following conditions:\n\n* you passed `--from-source`\n"
        "* your system has no prebuilt package\n\nTo force a prebuilt package, run `tool install --prebuilt NAME`.\n"
    )
    hold, source = parse_article(text.encode(), "versions.md").problems
    assert [s.text for s in hold.steps] == ["Use tool hold <package> when upgrades should skip a package."]
    assert [s.text for s in source.steps] == [
        "To force a prebuilt package, run tool install --prebuilt NAME."
    ]
    assert "you passed --from-source" in source.cause


def test_a_list_of_conditions_is_one_step_with_its_lead_in() -> None:
    # What a bulleted list of conditions or criteria says is one thing to know, not one step per condition.
    text = (
        "# Packages\n\n## Prebuilt packages\n\nA prebuilt package is used when one matches your system.\n\n"
        "Prebuilt packages are not used when:\n\n- you asked to build from source,\n- any option is given.\n\n"
        "Builds from source take longer.\n\n## Supported systems\n\n"
        "To be supported, a system must meet all of the following:\n\n- a 64-bit processor\n- 4 GB of memory\n"
    )
    prebuilt, supported = parse_article(text.encode(), "packages.md").problems
    assert prebuilt.symptoms == "A prebuilt package is used when one matches your system."
    [step] = prebuilt.steps
    assert step.text.splitlines() == [
        "Prebuilt packages are not used when:",
        "you asked to build from source,",
        "any option is given.",
    ]
    assert "- you asked to build from source," in step.markdown
    # What follows the conditions is a remark on them, as after any list.
    assert [(n.text, n.after) for n in prebuilt.notes] == [("Builds from source take longer.", True)]
    assert [s.text.splitlines()[0] for s in supported.steps] == [
        "To be supported, a system must meet all of the following:"
    ]


def test_a_list_of_outcomes_is_one_step_with_its_lead_in() -> None:
    # What comes of a step ("This will result in:") is one thing to know, not one step per outcome;
    # after "for example:" a list is of things to do as often as of what they give: steps.
    text = (
        "# Packages\n\n## Versions conflict\n\nThe install stops on a conflict.\n\n### Loosen your pins\n\n"
        "- Loosen the range of versions you accept.\n- Remove the version pins altogether.\n\n"
        "To prefer one package, pin only that one:\n\n```\ntool install alpha==1.2 beta\n```\n\n"
        "This will result in:\n\n- `alpha 1.2`, on `base 2.6`\n- `beta 4.4`, on `base 2.6`\n\n"
        "You can also free up space on the node, for example:\n\n- Optionally, delete unused images.\n"
        "- If old logs pile up, remove them.\n"
    )
    [problem] = parse_article(text.encode(), "packages.md").problems
    assert [s.text.splitlines()[0] for s in problem.steps] == [
        "Loosen the range of versions you accept.",
        "Remove the version pins altogether.",
        "To prefer one package, pin only that one:",
        "This will result in:",
        "Optionally, delete unused images.",
        "If old logs pile up, remove them.",
    ]
    assert problem.steps[3].text.splitlines()[1:] == ["alpha 1.2, on base 2.6", "beta 4.4, on base 2.6"]


@pytest.mark.parametrize(
    ("lead", "items", "steps"),
    [
        # What an example shows, before the fix: the problem's description, no step.
        (
            "In this example, the tool cannot install both:",
            "- `alpha 1.2` needs `base <3`\n- `beta 4.3` needs `base ==2.3`\n",
            ["Pin alpha.", "Install again."],
        ),
        # Only the last sentence says what the list is: here, the things to do.
        (
            "In this example, the stuck volume is `pvc-1234`. To recover it:",
            "- Scale the workload down.\n- Delete the stuck attachment.\n",
            ["Scale the workload down.", "Delete the stuck attachment.", "Pin alpha.", "Install again."],
        ),
    ],
)
def test_what_an_example_shows_is_no_step_where_its_last_sentence_says_so(
    lead: str, items: str, steps: list[str]
) -> None:
    text = (
        "# Packages\n\n## Versions conflict\n\nThe install stops on a conflict.\n\n"
        f"{lead}\n\n{items}\n1. Pin alpha.\n2. Install again.\n"
    )
    [problem] = parse_article(text.encode(), "packages.md").problems
    assert [s.text for s in problem.steps] == steps


def test_conditions_before_the_fix_describe_the_problem() -> None:
    # Before the steps, "when:" and its conditions say when the problem shows; as the reason for it
    # ("This happens when:"), they are its cause; either way no step.
    text = (
        "# Sign-in\n\n## Sign-in asks for MFA again\n\nUsers see this prompt when:\n\n"
        "- they sign in from outside the trusted network,\n- they have not registered MFA.\n\n"
        "1. Register MFA.\n2. Sign in again.\n"
    )
    [problem] = parse_article(text.encode(), "mfa.md").problems
    assert problem.symptoms == (
        "Users see this prompt when:\n\n- they sign in from outside the trusted network,\n"
        "- they have not registered MFA."
    )
    assert [s.text for s in problem.steps] == ["Register MFA.", "Sign in again."]
    [locked] = parse_article(
        b"# Lock\n\nThis happens when:\n\n- the disk is full\n- a lock is held\n", "l.md"
    ).problems
    assert (locked.cause, locked.steps) == ("- the disk is full\n- a lock is held", [])
    # The steps right after the causes are steps still, though they are a list next to theirs.
    [full] = parse_article(
        b"# Lock\n\nThis happens when:\n\n- the disk is full\n- a lock is held\n\n1. Free space.\n2. Retry.\n",
        "l.md",
    ).problems
    assert full.cause == "This happens when:\n\n- the disk is full\n- a lock is held"
    assert [s.text for s in full.steps] == ["Free space.", "Retry."]
    # The lead-in of the causes written as a bullet of its own: the list after it is theirs still.
    [sync] = parse_article(
        b"# Sync fails\n\nSync fails for some users.\n\n- This issue can occur for one of the following "
        b"reasons:\n\n1. The domain isn't verified.\n2. An address is taken.\n\nTo fix it:\n\n"
        b"1. Add the domain.\n2. Remove the duplicate address.\n",
        "sync.md",
    ).problems
    assert sync.cause.endswith("1. The domain isn't verified.\n2. An address is taken.")
    assert [s.text for s in sync.steps] == ["Add the domain.", "Remove the duplicate address."]


@pytest.mark.parametrize(
    "body",
    [
        # The conditions come before the colon: the list is what to do then.
        "When the build passes:\n\n- tag the release\n- publish the notes\n",
        # An item that instructs, or holds a command, makes the list steps whatever its lead-in.
        "Packages are skipped when:\n\n- they are pinned\n- Run `tool unpin NAME` to include one\n",
        "Packages are skipped when:\n\n- they are pinned\n- they are held:\n\n  ```\n  tool unhold NAME\n  ```\n",
        # A lead-in that names fixes introduces things to do, whatever verbs they start with.
        "Common fixes include:\n\n- Rejoin the VPN portal.\n- Renew the certificate.\n",
    ],
)
def test_a_list_of_things_to_do_after_a_lead_in_stays_steps(body: str) -> None:
    text = f"# Releases\n\n## Publishing\n\n{body}"
    [problem] = parse_article(text.encode(), "releases.md").problems
    assert [s.number for s in problem.steps] == ["1", "2"]


def test_a_list_that_defines_names_is_not_steps() -> None:
    text = (
        "# Retiring recipes\n\n## Calls\n\n### `retire!`\n\nAdd a `retire!` call to the recipe:\n\n"
        '```ruby\nretire! on: "YYYY-MM-DD", why: :reason\n```\n\n'
        "- `on:` is the day the retirement starts.\n- `why` - a preset symbol or a short string.\n"
    )
    steps = parse_article(text.encode(), "retire.md").problems[0].steps
    assert [s.text for s in steps] == [
        'Add a retire! call to the recipe:\nretire! on: "YYYY-MM-DD", why: :reason'
    ]


def test_a_numbered_cause_that_holds_its_fix_gives_cause_then_steps() -> None:
    text = (
        "# Manager crash loop\n\n## Symptoms\n\nThe manager keeps crashing.\n\n"
        "### Root Cause 1: Blocked gossip port\n\nA firewall rule drops traffic between nodes.\n\n"
        "Open port 9502 between all nodes in your firewall rules.\n\n"
        "### Root Cause 2: Broken name lookup\n\nName lookup of the hook service fails. The agent logs the following error:\n\n"
        "```\nlookup hook.svc: no such host\n```\n\nCheck the lookup from a pod:\n\n```bash\nnslookup hook.svc\n```\n"
    )
    problem = parse_article(text.encode(), "manager.md").problems[0]
    assert "A firewall rule drops traffic between nodes." in problem.cause
    assert "Name lookup of the hook service fails. The agent logs the following error:" in problem.cause
    assert "lookup hook.svc: no such host" in problem.error_messages
    assert [(s.group, s.text) for s in problem.steps] == [
        ("Root Cause 1: Blocked gossip port", "Open port 9502 between all nodes in your firewall rules."),
        ("Root Cause 2: Broken name lookup", "Check the lookup from a pod:\nnslookup hook.svc"),
    ]


@pytest.mark.parametrize("fix_below", [True, False])
def test_an_error_described_in_prose_before_its_fix_is_the_problem_not_a_step(fix_below: bool) -> None:
    fix = (
        "### Raise the lower bounds\n\nRaise each dependency's lower bound in the manifest.\n"
        if fix_below
        else "Raise each dependency's lower bound in the manifest.\n"
    )
    text = (
        "# Dependency solving\n\n## Handling solver depth errors\n\n"
        "At times the solver gives up with a `SolverDepthError` exception.\n\n"
        "This happens when the graph has too many candidate versions.\n\n" + fix
    )
    problem = parse_article(text.encode(), "solver.md").problems[0]
    assert problem.symptoms == "At times the solver gives up with a SolverDepthError exception."
    assert problem.cause == "This happens when the graph has too many candidate versions."
    assert [s.text for s in problem.steps] == ["Raise each dependency's lower bound in the manifest."]


def test_an_error_section_of_prose_alone_keeps_its_prose_as_steps() -> None:
    """Nothing in it reads as an instruction: were its prose the description, it would have no fix."""
    text = (
        "# Solver\n\n## Solver depth errors\n\n"
        "At times the solver gives up with a `SolverDepthError` exception.\n\n"
        "A smaller graph of candidate versions is the way out.\n"
    )
    problem = parse_article(text.encode(), "solver.md").problems[0]
    assert len(problem.steps) == 2


@pytest.mark.parametrize("commands", [3, 40])
def test_a_description_heading_frames_one_problem_but_not_a_manual_of_commands(commands: int) -> None:
    """A DESCRIPTION heading reads as a problem's symptoms: with a few other sections the page is
    one problem; with a section per command of a manual page, each command is its own problem."""
    sections = "".join(
        f"### `sub{n}` [--all]\n\nWhat sub{n} does to a stash.\n\n- `--all`: every stash, not only the newest.\n\n"
        for n in range(commands)
    )
    text = (
        "# stash(1) -- keep work aside\n\n## DESCRIPTION\n\nstash keeps changes aside for later.\n\n"
        "## COMMANDS\n\n" + sections
    )
    problems = parse_article(text.encode(), "stash.md").problems
    if commands == 3:
        assert len(problems) == 1
    else:
        assert [p.title for p in problems if p.title.startswith("sub")] == [
            f"sub{n} [--all]" for n in range(commands)
        ]
        assert not any(p.whole_article for p in problems)


@pytest.mark.parametrize(
    ("heading", "is_name"),
    [
        ("`command-not-found-init`", True),
        ("`generate-man-completions` \\[`--no-exit-code`\\]", True),
        ("`link`, `ln` \\[*`options`*\\] *`installed_formula`* \\[...\\]", True),
        ("`installer` *script*", True),
        ("Installation", False),
        ("Stanza: `app`", False),
        ("Error: `connect: connection refused`", False),
        ("*Why does acme refuse to run as root?*", False),
    ],
)
def test_a_heading_written_as_code_names_a_thing(heading: str, is_name: bool) -> None:
    """Reference pages head their entries with the entry's name in code; words around code are prose."""
    root = parse_sections(f"# Reference\n\n## {heading}\n\nText.\n").root
    assert root.children[0].children[0].named is is_name


def test_an_article_s_lead_is_its_top_level_background_and_its_description_comes_first() -> None:
    article = (
        "# Keep replicas on chosen nodes\n\n## Applicable versions\n\nAll versions.\n\n"
        "## Notes\n\nBack up the volumes first.\n\n"
        "## Background\n\nFast disks sit on three nodes only.\n\n```\nnode-1 ssd\n```\n\n"
        "Replicas should stay there.\n\n## Label the nodes\n\n### Overview\n\nLabels mark the nodes.\n\n"
        "1. Label each node.\n"
    )
    parsed = parse_article(article.encode(), "tip.md")
    assert parsed.lead == "Fast disks sit on three nodes only. Replicas should stay there."
    assert parsed.about == parsed.lead
    described = parse_article(f'---\ndescription: "Where replicas go."\n---\n\n{article}'.encode(), "tip.md")
    assert described.about == "Where replicas go."


@pytest.mark.parametrize(
    ("article", "lead"),
    [
        # A list is part of the situation; a call-out is an aside.
        (
            "# Fast disks\n\n## Background\n\n> [!NOTE]\n> Back up first.\n\nYou have:\n\n"
            "- fast disks on three nodes\n- slow disks elsewhere\n\n## Label the nodes\n\n1. Label them.\n",
            "You have: fast disks on three nodes\nslow disks elsewhere",
        ),
        # A heading that starts with the word is a problem, not the article's introduction.
        (
            "# Workers\n\n## Background jobs never start\n\nJobs stay queued.\n\n1. Restart the scheduler.\n",
            "",
        ),
        # Only what sits right under the title: each part's overview is its own.
        (
            "# Part one\n\n## Overview\n\nDisks.\n\n## Fix disks\n\n1. Replace them.\n\n"
            "# Part two\n\n## Overview\n\nNetwork.\n\n## Fix network\n\n1. Restart it.\n",
            "",
        ),
        # Cut at 400 characters where a word ends: that word is kept.
        (
            "# Disks\n\n## Background\n\n"
            + "x"
            + "disk " * 100
            + "\n\n## Label the disks\n\n1. Label them.\n",
            ("x" + "disk " * 100)[:400],
        ),
    ],
    ids=["list-and-callout", "problem-heading", "parts", "cut-at-a-word-end"],
)
def test_the_lead_is_the_situation_under_the_title(article: str, lead: str) -> None:
    assert parse_article(article.encode(), "a.md").lead == lead


RESOLUTION_HEAD = "---\nid: deep\n---\n# Deep\n\n## VPN drops\n\n### Resolution\n\n"


def resolved_by(fix: str) -> Problem:
    """The one problem of an article whose Resolution section is ``fix``."""
    [problem] = parse_article((RESOLUTION_HEAD + fix).encode(), "fix.md").problems
    return problem


@pytest.mark.parametrize(
    ("body", "line"),
    [
        # Ten lists, each inside the last item of the one before: markdown-it read nine, then
        # dropped the tenth's text, those below it and the steps after them, and said nothing.
        ("".join("   " * i + f"1. Level {i + 1}.\n" for i in range(12)) + "\n2. Last step.\n", 19),
        # Quotes inside quotes, in a directive (lines counted in the article).
        ("```{note}\n" + ">" * 25 + " deep\n```\n\n1. Restart.\n", 11),
    ],
)
def test_blocks_nested_past_what_markdown_reads_are_refused_at_their_line(body: str, line: int) -> None:
    with pytest.raises(ArticleError, match=rf"^deep.md:{line}: lists and quotes nested more than 20 levels"):
        parse_article((RESOLUTION_HEAD + body).encode(), "deep.md")


def test_lists_nested_as_deep_as_markdown_reads_keep_every_step() -> None:
    body = "".join("   " * i + f"1. Level {i + 1}.\n" for i in range(9)) + "\n2. Last step.\n"
    problem = resolved_by(body)
    assert [s.text for s in problem.steps] == [*(f"Level {i + 1}." for i in range(9)), "Last step."]


def test_what_lies_between_steps_whose_numbering_goes_on_belongs_to_the_step_before() -> None:
    # Written without indenting it, the line to add and the cases of step 2 ended its list; the
    # numbers say they are step 2's. A list that starts again at 1 is another list.
    body = (
        "1. Open `/etc/vpn.conf`.\n2. Add this line to the end of the file:\n\n`keepalive=30`\n\n"
        "- On a laptop, also set `roam=1`.\n- On a server, leave it.\n\n3. Save the file.\n\n"
        "For more information, see the VPN guide.\n\n1. Another list.\n"
    )
    problem = resolved_by(body)
    assert [(s.number, s.parent, s.text) for s in problem.steps] == [
        ("1", None, "Open /etc/vpn.conf."),
        ("2", None, "Add this line to the end of the file:\nkeepalive=30"),
        ("2.1", "2", "On a laptop, also set roam=1."),
        ("2.2", "2", "On a server, leave it."),
        ("3", None, "Save the file."),
        ("4", None, "Another list."),
    ]
    assert problem.steps[1].markdown.endswith("file:\n\n`keepalive=30`")


def test_a_fence_its_list_item_or_the_file_ends_is_closed_in_its_steps_markdown() -> None:
    # CommonMark closes it where the item (or the file) ends, and the article was indexed as
    # such; but the step's Markdown kept it open, and shown above the next steps it made them code.
    in_item = resolved_by("1. Run:\n   ~~~~\n   door reset --all\n2. Check the light.\n3. Call security.\n")
    assert [s.markdown for s in in_item.steps] == [
        "Run:\n~~~~\ndoor reset --all\n~~~~",
        "Check the light.",
        "Call security.",
    ]
    last_block = resolved_by("1. Reset the reader.\n\n```\ndoor reset --all\n")
    assert last_block.steps[0].markdown == "Reset the reader.\n\n```\ndoor reset --all\n```"


def test_a_paragraph_that_numbers_itself_as_the_next_step_is_that_step() -> None:
    # "Step 4:" after a list of three was a remark: the fix shown lacked its last step.
    problem = resolved_by("1. Stop it.\n2. Copy the file.\n3. Start it.\n\n**Step 4:** Check the portal.\n")
    assert [(s.number, s.text, s.markdown) for s in problem.steps][3:] == [
        ("4", "Check the portal.", "Check the portal.")
    ]
    assert problem.notes == []
    for label in ("*Step 4:*", "**Step 4**:", "__Step 4__ -"):
        shown = resolved_by(f"1. Stop it.\n2. Copy it.\n3. Start it.\n\n{label} Check the portal.\n").steps[3]
        assert (shown.text, shown.markdown) == ("Check the portal.", "Check the portal."), label
    # "Step 2: …:" over a list of its own names that list's steps, as "Step 1: …:" does.
    groups = resolved_by(
        "Step 1: Stop the service:\n\n1. Run net stop agent.\n\nStep 2: Clear the cache:\n\n"
        "1. Delete the cache folder.\n2. Empty the recycle bin.\n"
    )
    assert [(s.group, s.number) for s in groups.steps] == [
        ("Step 1: Stop the service", "1"),
        ("Step 2: Clear the cache", "1"),
        ("Step 2: Clear the cache", "2"),
    ]
    # A number that does not go on from the list's is the author's remark, kept as such.
    remark = resolved_by("1. Stop it.\n2. Start it.\n\nStep 7: see the upgrade guide.\n")
    assert [s.number for s in remark.steps] == ["1", "2"] and len(remark.notes) == 1


def test_a_fix_that_goes_on_from_elsewhere_keeps_the_authors_numbers() -> None:
    # The lead-in, shown beside the steps, refers to them by number.
    problem = resolved_by("Steps 1 to 4 are in the installation guide. Then:\n\n5. Stop it.\n6. Upgrade.\n")
    assert [s.number for s in problem.steps] == ["5", "6"]
    assert [s.number for s in resolved_by("0. Back up.\n1. Stop it.\n").steps] == ["0", "1"]
    # A group starts from its own list's first number too.
    body = "1. Stop it.\n\nTo verify:\n\n3. Look at the log.\n"
    assert [(s.group, s.number) for s in resolved_by(body).steps] == [(None, "1"), ("To verify", "3")]


def test_the_first_of_several_labelled_groups_keeps_its_label() -> None:
    body = "On Windows:\n\n1. Open Settings.\n2. Click Network.\n\nOn macOS:\n\n1. Open System Settings.\n"
    problem = resolved_by(body)
    assert [(s.group, s.number) for s in problem.steps] == [
        ("On Windows", "1"),
        ("On Windows", "2"),
        ("On macOS", "1"),
    ]
    # One list after its lead-in is no group: the lead-in only introduces it.
    alone = resolved_by("To fix it:\n\n1. Open Settings.\n")
    assert [(s.group, s.number) for s in alone.steps] == [(None, "1")]


def test_a_bullet_that_introduces_numbered_steps_is_their_lead_in() -> None:
    # Each procedure opens with a one-item bullet ending in ":"; "Repeat steps 1 and 2" counts
    # from the first numbered step, not from the bullet.
    body = (
        "- If you see Blank in the ERROR column, fill in the name using these steps:\n\n"
        "1. Type the name.\n2. Click Apply.\n3. Repeat steps 1 and 2 for each object.\n\n"
        "- If you see Duplicate in the ERROR column, type a unique address using these steps:\n\n"
        "1. Type the address.\n2. Click Apply.\n"
    )
    blank = "If you see Blank in the ERROR column, fill in the name using these steps"
    duplicate = "If you see Duplicate in the ERROR column, type a unique address using these steps"
    assert [(s.group, s.number, s.text) for s in resolved_by(body).steps] == [
        (blank, "1", "Type the name."),
        (blank, "2", "Click Apply."),
        (blank, "3", "Repeat steps 1 and 2 for each object."),
        (duplicate, "1", "Type the address."),
        (duplicate, "2", "Click Apply."),
    ]
    # A lead-in too long to name a group is a note where it stands, as a paragraph would be.
    long_body = body.replace("type a unique", "type a unique " + "and valid " * 15)
    problem = resolved_by(long_body)
    assert [s.number for s in problem.steps] == ["1", "2", "3", "4", "5"]
    assert [(n.text[:20], n.after) for n in problem.notes] == [
        ("If you see Blank in ", False),
        ("If you see Duplicate", True),
    ]
    # A bullet of several items, or one that does not end in ":", is still a step.
    assert len(resolved_by("- Back up the file.\n\n1. Open it.\n").steps) == 2
    assert len(resolved_by("- Back up:\n- Then stop it:\n\n1. Open it.\n").steps) == 3


def test_bold_labels_head_the_parts_of_a_problem() -> None:
    # Help desks export their headings as bold paragraphs.
    body = (
        "**Symptoms**\n\nThe VPN disconnects.\n\n**Cause:**\n\nThe adapter powers down.\n\n"
        "**Resolution**:\n\n1. Open Device Manager.\n2. Clear the power option.\n\n**Note** it restarts.\n"
    )
    [problem] = parse_article(
        ("---\nid: bold\n---\n# VPN\n\n## VPN drops\n\n" + body).encode(), "b.md"
    ).problems
    assert (problem.symptoms, problem.cause) == ("The VPN disconnects.", "The adapter powers down.")
    # A paragraph that opens with a call-out's bold label is a call-out: after the list, a note on its steps.
    assert [s.text for s in problem.steps] == ["Open Device Manager.", "Clear the power option."]
    assert [(n.text, n.after) for n in problem.notes] == [("Note it restarts.", True)]


@pytest.mark.parametrize("between", ["\n\n", "\n"])
def test_a_bold_label_that_opens_its_paragraph_heads_that_part(between: str) -> None:
    # Wikis and help desks write the parts inline: "**Symptom:** …", "**Cause**: …", a paragraph
    # each or a line each of one paragraph.
    body = between.join(
        [
            "**Symptom:** The VPN client spins, then times out.",
            "**Error:** `Gateway vpn.example unreachable (code 7012)`",
            "**Cause**: The guest Wi-Fi blocks UDP 4501.",
        ]
    )
    article = f"---\nid: inline\n---\n# VPN\n\n## VPN times out\n\n{body}\n\n**Solution:** Switch to the *staff* Wi-Fi.\n"
    [problem] = parse_article(article.encode(), "i.md").problems
    assert problem.symptoms == "The VPN client spins, then times out."
    assert problem.error_messages == ["Gateway vpn.example unreachable (code 7012)"]
    assert problem.cause == "The guest Wi-Fi blocks UDP 4501."
    assert [(s.markdown, s.line) for s in problem.steps] == [
        ("Switch to the *staff* Wi-Fi.", article.count("\n"))
    ]


def test_an_inline_label_names_its_own_lines_and_a_fix_the_blocks_after_it() -> None:
    # A line after a labelled one goes on with its part; a paragraph after it is the problem's
    # text again, unless the label opens a fix, whose commands follow, or ends in ":".
    article = (
        "---\nid: inline\n---\n# VPN\n\n## VPN times out\n\n**Cause:** The guest Wi-Fi blocks UDP 4501.\n"
        "It allows only web traffic.\n\nIt happens in hotels too.\n\n**Error:** The client logs this message:\n\n"
        "```\nGateway vpn.example unreachable\n```\n\n**Workaround:** Force TCP.\n\n```sh\nvpnctl set transport tcp\n```\n"
    )
    [problem] = parse_article(article.encode(), "i.md").problems
    assert problem.cause == "The guest Wi-Fi blocks UDP 4501.\nIt allows only web traffic."
    assert problem.symptoms == "It happens in hotels too."
    assert problem.error_messages == ["Gateway vpn.example unreachable"]
    assert [s.text for s in problem.steps] == ["Force TCP.\nvpnctl set transport tcp"]


def test_a_paragraph_that_opens_with_another_bold_label_stays_whole() -> None:
    # Only a part's label opens a part: "**Severity:** warning" is the text it sits in.
    article = (
        "---\nid: alert\n---\n# Alerts\n\n## Disk almost full\n\n**Severity:** warning, at 90% used.\n\n"
        "### Resolution\n\n1. Delete old logs.\n"
    )
    [problem] = parse_article(article.encode(), "a.md").problems
    assert "Severity: warning, at 90% used." in problem.symptoms
    assert [s.text for s in problem.steps] == ["Delete old logs."]


def test_mkdocs_admonitions_are_call_outs_of_their_step_or_notes_after_the_list() -> None:
    body = (
        '1. Open Settings.\n\n    !!! warning "Back up first"\n        Export your VPN profile.\n\n'
        "2. Click Network.\n\n!!! note\n    The adapter may restart.\n"
    )
    problem = resolved_by(body)
    # Indented under step 1, the warning is that step's; after the list, the note is said of the steps.
    assert [s.text for s in problem.steps] == [
        "Open Settings.\nWarning: Back up first\nExport your VPN profile.",
        "Click Network.",
    ]
    assert problem.steps[0].markdown.endswith(
        "> [!WARNING]\n> **Back up first**\n>\n> Export your VPN profile."
    )
    assert [(n.markdown, n.after) for n in problem.notes] == [("> [!NOTE]\n> The adapter may restart.", True)]


@pytest.mark.parametrize(
    "fix",
    [
        "> 1. Stop the `vpn` service.\n> 2. Start it.\n",
        "> [!IMPORTANT]\n> 1. Stop the `vpn` service.\n> 2. Start it.\n",
        "Do this:\n\n:::{important}\n1. Stop the `vpn` service.\n2. Start it.\n:::\n",
        '!!! warning "Careful"\n    1. Stop the `vpn` service.\n    2. Start it.\n',
    ],
)
def test_a_fix_written_whole_in_a_quote_or_call_out_is_its_steps(fix: str) -> None:
    # It was read as an error message, or as no step at all, and the article was refused.
    problem = resolved_by(fix)
    assert [(s.text, s.markdown) for s in problem.steps] == [
        ("Stop the vpn service.", "Stop the `vpn` service."),
        ("Start it.", "Start it."),
    ]
    assert problem.error_messages == []


def test_a_call_out_beside_steps_stays_a_remark_on_them() -> None:
    fix = "Run:\n\n```\nvpn restart\n```\n\n> [!NOTE]\n> - a.cs\n> - b.cs\n"
    problem = resolved_by(fix)
    # After the last step, a note after the steps (not more of the last step's text, nor a step).
    assert [s.text for s in problem.steps] == ["Run:\nvpn restart"]
    assert [(n.text, n.after) for n in problem.notes] == [("Note: a.cs\nb.cs", True)]


def test_what_an_item_says_after_its_sub_steps_comes_after_them() -> None:
    body = "1. Restart the agent:\n\n   1. Wait.\n\n   And then confirm.\n\n2. Done.\n"
    problem = resolved_by(body)
    assert [(s.number, s.text, s.markdown) for s in problem.steps] == [
        ("1", "Restart the agent:", "Restart the agent:"),
        ("1.1", "Wait.\nAnd then confirm.", "Wait.\n\nAnd then confirm."),
        ("2", "Done.", "Done."),
    ]


def test_a_faq_question_marked_q_is_a_question_without_a_question_mark() -> None:
    faq = (
        '---\nid: faq\n---\n# CI FAQ\n\n**Q: My job fails with "Resource not accessible by integration".**\n\n'
        '1. Add `pull-requests: write` to `permissions`.\n\n**Q: The runner says "No space left on device".**\n\n'
        "1. Run `docker system prune -af` before the build.\n"
    )
    assert titles_and_steps(faq) == [
        (
            'My job fails with "Resource not accessible by integration".',
            ["Add pull-requests: write to permissions."],
        ),
        ('The runner says "No space left on device".', ["Run docker system prune -af before the build."]),
    ]


def test_bold_labels_of_numbered_causes_and_of_further_reading() -> None:
    body = (
        "**Cause 1: The agent pod was OOM-killed by the kubelet**\n\nThe pod's memory limit is too low.\n\n"
        "**Resolution**\n\n1. Raise the memory limit.\n\n"
        "**Cause 2: An idle timeout on the load balancer closes the TCP connection**\n\nThe balancer drops it.\n\n"
        "**Resolution**\n\n1. Enable WebSocket agents.\n\n**Related articles**\n\n- [Agents](https://example.com/agents)\n"
    )
    [problem] = parse_article(
        ("---\nid: j\n---\n# Jenkins\n\n## Agent goes offline\n\n" + body).encode(), "j.md"
    ).problems
    # Both causes are the cause (the second, over 40 characters, was body); two fixes in two
    # groups; the links after them are no step.
    assert problem.cause == "The pod's memory limit is too low.\n\nThe balancer drops it."
    assert [s.text for s in problem.steps] == ["Raise the memory limit.", "Enable WebSocket agents."]
    assert problem.steps[0].group != problem.steps[1].group


def test_a_bold_related_articles_label_ends_the_steps() -> None:
    body = "**Resolution**\n\n1. Reconnect.\n\n**Related articles**\n\n- [Login denied](https://example.com/denied)\n"
    [problem] = parse_article(("---\nid: z\n---\n# VPN\n\n## VPN drops\n\n" + body).encode(), "z.md").problems
    assert [s.text for s in problem.steps] == ["Reconnect."]


@pytest.mark.parametrize(
    ("article", "message", "steps"),
    [
        # An error heading with a "How to fix it" part is one problem.
        (
            "# SMTP\n\n## 535 5.7.139 Authentication unsuccessful\n\n"
            "```\n535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant.\n```\n\n"
            "### How to fix it\n\n1. Run `Set-CASMailbox -SmtpClientAuthenticationDisabled $false`.\n",
            "535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant.",
            ["Run Set-CASMailbox -SmtpClientAuthenticationDisabled $false."],
        ),
        # An instruction whose code block prints an error shows the problem; it is not a step.
        (
            "# Kube\n\n## kubectl fails\n\nRun `kubectl get nodes` and check the output:\n\n"
            "```\nUnable to connect to the server: x509: certificate signed by unknown authority\n```\n\n"
            "1. Copy the cluster CA into the kubeconfig.\n2. Run kubectl get nodes again.\n",
            "Unable to connect to the server: x509: certificate signed by unknown authority",
            ["Copy the cluster CA into the kubeconfig.", "Run kubectl get nodes again."],
        ),
    ],
)
def test_the_error_a_section_shows_is_its_message_and_what_follows_its_steps(
    article: str, message: str, steps: list[str]
) -> None:
    [problem] = parse_article(("---\nid: z\n---\n" + article).encode(), "z.md").problems
    assert problem.error_messages == [message]
    assert [s.text for s in problem.steps] == steps


def test_a_question_answered_after_the_error_it_printed_has_that_error_as_its_message() -> None:
    faq = (
        '---\nid: git\n---\n# Git FAQ\n\n### Why does push fail with "pre-receive hook declined"?\n\n'
        "```\n! [remote rejected] main -> main (pre-receive hook declined)\n"
        "error: failed to push some refs to 'gitlab.example.com:platform/api.git'\n```\n\n"
        "The branch is protected. Push to a feature branch.\n\n"
        "### How do I undo the last commit?\n\n```\ngit reset --soft HEAD~1\n```\n"
    )
    declined, undo = parse_article(faq.encode(), "git.md").problems
    assert declined.error_messages[0].startswith(
        "! [remote rejected] main -> main (pre-receive hook declined)"
    )
    assert [s.text for s in declined.steps] == ["The branch is protected. Push to a feature branch."]
    # A command that answers a question is its step, not an error.
    assert (undo.error_messages, [s.text for s in undo.steps]) == ([], ["git reset --soft HEAD~1"])


def test_a_symptom_cause_fix_table_gives_a_problem_per_row() -> None:
    article = (
        "---\nid: printers\n---\n# Printers\n\n| Symptom | Cause | Fix |\n| --- | --- | --- |\n"
        "| Jobs stay in the queue with status `Error - Printing` | The spooler is hung | Restart the spooler |\n"
        "| Adding a shared printer fails with `0x0000011b` | RPC hardening | Deploy the V4 driver |\n"
    )
    problems = parse_article(article.encode(), "printers.md").problems
    assert [(p.title, p.symptoms, p.cause, [s.text for s in p.steps]) for p in problems] == [
        (
            "Jobs stay in the queue with status Error - Printing",
            "Jobs stay in the queue with status Error - Printing",
            "The spooler is hung",
            ["Restart the spooler"],
        ),
        (
            "Adding a shared printer fails with 0x0000011b",
            "Adding a shared printer fails with 0x0000011b",
            "RPC hardening",
            ["Deploy the V4 driver"],
        ),
    ]


def test_a_note_paragraph_after_the_steps_is_a_note_after_them_and_never_a_step() -> None:
    # Help centres export "<p><strong>Note:</strong> …</p>" after the "</ol>": read as more text of
    # the last step, an agent following the steps was told the note as part of an instruction.
    fix = "1. Reconnect.\n\n**Note:** The profile is cached; delete it if the old setting persists.\n"
    problem = resolved_by(fix)
    assert [s.text for s in problem.steps] == ["Reconnect."]
    assert [(n.text, n.after) for n in problem.notes] == [
        ("Note: The profile is cached; delete it if the old setting persists.", True)
    ]
    prose = "**Important:** Back up the profile first.\n\nReinstall the client.\n"
    problem = resolved_by(prose)
    assert [s.text for s in problem.steps] == ["Reinstall the client."]


def test_mkdocs_content_tabs_keep_their_labels() -> None:
    fix = (
        '1. Get credentials.\n\n    === "AWS CLI"\n\n        ```\n        aws s3 ls s3://bucket\n        ```\n\n'
        '    === "Console"\n\n        Open the S3 console.\n\n2. Check the policy.\n'
    )
    problem = resolved_by(fix)
    assert [s.text for s in problem.steps] == [
        "Get credentials.\nAWS CLI:\naws s3 ls s3://bucket\nConsole: Open the S3 console.",
        "Check the policy.",
    ]
    assert "===" not in problem.steps[0].markdown and "**AWS CLI**" in problem.steps[0].markdown


def test_a_gitbook_hint_is_a_call_out() -> None:
    fix = (
        "1. Enable SMTP AUTH for the mailbox.\n\n"
        '{% hint style="warning" %}\nChanges can take up to an hour to apply.\n{% endhint %}\n\n'
        "{% raw %}\nThe {{ name }} stays as written.\n{% endraw %}\n"
    )
    problem = resolved_by(fix)
    assert [s.text for s in problem.steps] == ["Enable SMTP AUTH for the mailbox."]
    assert problem.notes[0].text == "Warning: Changes can take up to an hour to apply."
    assert problem.notes[0].markdown == "> [!WARNING]\n> Changes can take up to an hour to apply."


def test_a_paragraph_or_quote_under_a_kramdown_call_out_class_is_a_call_out() -> None:
    # just-the-docs: "{: .warning }" before a quote or a paragraph makes it a call-out. Read as
    # written, the quote's warning was an error message and the note's paragraph a symptom.
    article = (
        "---\nid: labels\n---\n# Labels print blank\n\nThe printer feeds a label but prints nothing.\n\n"
        "{: .note }\nThermal labels print on one side only.\n\n## Resolution\n\n"
        "1. Turn the roll over.\n2. Print a test label.\n\n{: .warning }\n> Do not clean the head while the printer is on.\n"
    )
    [problem] = parse_article(article.encode(), "labels.md").problems
    assert (problem.symptoms, problem.error_messages) == ("The printer feeds a label but prints nothing.", [])
    assert [s.text for s in problem.steps] == ["Turn the roll over.", "Print a test label."]
    assert [(n.text, n.markdown) for n in problem.notes if n.after] == [
        (
            "Warning: Do not clean the head while the printer is on.",
            "> [!WARNING]\n> Do not clean the head while the printer is on.",
        )
    ]


@pytest.mark.parametrize(
    "callout",
    [
        ":::{admonition} Running in Kubernetes?\n:class: tip\n\nScale the Job to zero first.\n:::\n",
        "```{admonition} Running in Kubernetes?\n:class: tip\n\nScale the Job to zero first.\n```\n",
        ":::note Running in Kubernetes?\n\nScale the Job to zero first.\n:::\n",
        ":::note[Running in Kubernetes?]\n\nScale the Job to zero first.\n:::\n",
    ],
)
def test_a_directive_call_out_keeps_its_title_and_not_its_options(callout: str) -> None:
    # MyST's admonition and Docusaurus' call-outs give a title after the name, and MyST options
    # (":class: tip") open the body: the title was lost and the option read as the call-out's text.
    # The admonition's ":class: tip" is its kind.
    kind = "tip" if ":class: tip" in callout else "note"
    [note] = resolved_by("1. Run `app migrate` again.\n\n" + callout).notes
    assert note.text == f"{kind.title()}: Running in Kubernetes?\nScale the Job to zero first."
    assert (
        note.markdown
        == f"> [!{kind.upper()}]\n> **Running in Kubernetes?**\n>\n> Scale the Job to zero first."
    )


def test_mdx_call_out_and_step_components_are_read_as_the_markdown_inside_them() -> None:
    # Mintlify, Nextra and Starlight write call-outs and steps as components. Read as HTML, the
    # warning was a step and the <Steps> one step, its Markdown shown as written.
    fix = (
        '<Steps>\n  <Step title="Add sharp as a dependency">\n    Run `npm install sharp` and commit the lock file.\n  </Step>\n'
        '  <Step title="Clear the build cache">\n    Click **Redeploy without cache**.\n  </Step>\n</Steps>\n\n'
        "<Warning>\nDo not add `sharp` as a dev dependency only.\n</Warning>\n\n"
        '<Callout type="info">\nBuilds are retried once.\n</Callout>\n'
    )
    problem = resolved_by(fix)
    steps = problem.steps
    assert [s.text for s in steps] == [
        "Add sharp as a dependency: Run npm install sharp and commit the lock file.",
        "Clear the build cache: Click Redeploy without cache.",
    ]
    # The call-outs after the last step are said of the fix: notes after it, not more of that step.
    assert [(n.text, n.after) for n in problem.notes] == [
        ("Warning: Do not add sharp as a dev dependency only.", True),
        ("Note: Builds are retried once.", True),
    ]
    assert steps[1].markdown.startswith("**Clear the build cache**\nClick **Redeploy without cache**.")
    assert "<" not in steps[0].markdown


def test_pandoc_call_out_divs_are_call_outs_and_their_title_div_is_their_title() -> None:
    # Pandoc writes a reStructuredText or AsciiDoc admonition as "::: note" opening with a
    # "::: title" div, and a class as "::: {.warning}": the title read "Note: Note …", and a
    # div named by its class was no call-out at all.
    fix = (
        "1. Start the service again.\n\n::: note\n::: title\nNote\n:::\n\nTokens are not restored.\n:::\n\n"
        "::: {.warning}\n::: title\nKeep the CRDs\n:::\n\nDeleting them deletes every cluster.\n:::\n"
    )
    assert [n.text for n in resolved_by(fix).notes] == [
        "Note: Tokens are not restored.",
        "Warning: Keep the CRDs\nDeleting them deletes every cluster.",
    ]


def test_a_docsy_alert_is_the_kind_its_colour_names_with_its_title() -> None:
    # Docsy names an alert's kind in color=: read by its first word, every alert was a note.
    fix = (
        "1. Raise the buffer size.\n\n"
        '{{< alert title="Disk space" color="warning" >}}\nThe buffer needs as much free disk.\n{{< /alert >}}\n\n'
        '{{< alert color="info" >}}Old events keep their timestamps.{{< /alert >}}\n'
    )
    note = resolved_by(fix).notes[0]
    assert note.text == "Warning: Disk space\nThe buffer needs as much free disk."
    assert note.markdown == "> [!WARNING]\n> **Disk space**\n>\n> The buffer needs as much free disk."


def test_an_admonition_with_a_title_and_no_body_is_read_and_the_text_after_it_kept() -> None:
    # Its step's Markdown was rewritten for ever: the blank line after its title was given back
    # as if it were the body's, and the title read again.
    problem = resolved_by('1. Reconnect.\n\n    !!! tip "Faster"\n    Use the tray icon.\n')
    assert problem.steps[0].markdown == "Reconnect.\n\n> [!TIP]\n> **Faster**\nUse the tray icon."


def test_braces_inside_code_spans_are_code_not_roles_or_attribute_lists() -> None:
    # A shell variable in a code span read as a MyST role took the text up to the next backtick.
    source = "Replace `${pod_ip}` with the pod IP and `{:toc}` stays; see {ref}`the guide`."
    assert clean_markdown(source) == "Replace `${pod_ip}` with the pod IP and `{:toc}` stays; see the guide."
    step = resolved_by("1. Replace `${instance_manager_pod_ip}` with the IP, then `${iface}`.\n").steps[0]
    assert step.markdown == "Replace `${instance_manager_pod_ip}` with the IP, then `${iface}`."


def test_a_version_directive_says_its_version() -> None:
    # Sphinx shows "New in version 19.0." for {versionadded}; without it the call-out said "Note:" alone.
    body = "1. Build the wheel.\n\n```{versionadded} 19.0\n```\n\n```{versionchanged} 23.1\nThe cache is kept.\n```\n"
    notes = resolved_by(body).notes
    assert notes[0].text == "Note: New in version 19.0."
    assert notes[1].markdown == "> [!NOTE]\n> **Changed in version 23.1.**\n>\n> The cache is kept."
    assert notes[1].text == "Note: Changed in version 23.1.\nThe cache is kept."


def only_section(section: str) -> Problem:
    """The one problem of an article whose one section, under a plain heading, is ``section``."""
    article = f"# Camera offline\n\n## Camera shows video loss\n\n{section}"
    (problem,) = parse_article(article.encode(), "camera.md").problems
    return problem


@pytest.mark.parametrize("step", ["Step", "#", "No."])
def test_a_procedure_written_as_a_table_is_read_a_row_per_step_under_any_heading(step: str) -> None:
    # Under a heading that names no part, it was no step: the article was refused as describing nothing.
    rows = "| 1 | Check the PoE switch port LED. |\n| 2 | Reboot the camera from the switch. |\n"
    problem = only_section(f"| {step} | Action |\n|---|---|\n{rows}")
    assert [s.text for s in problem.steps] == [
        "Check the PoE switch port LED.",
        "Reboot the camera from the switch.",
    ]


def test_a_table_of_settings_is_no_procedure() -> None:
    problem = only_section("Restart the camera.\n\n| Setting | Value |\n|---|---|\n| PoE budget | 30 W |\n")
    # One step, the table attached to it: its rows are no steps.
    assert [s.text.split("\n")[0] for s in problem.steps] == ["Restart the camera."]


def test_only_the_table_written_as_a_procedure_gives_steps() -> None:
    # The procedure table decided for every table of its section: a table of settings before it
    # gave the steps.
    settings = "| Setting | Value |\n|---|---|\n| PoE budget | 30 W |\n\n"
    problem = only_section(f"{settings}| Step | Action |\n|---|---|\n| 1 | Reboot the camera. |\n")
    assert [s.text for s in problem.steps] == ["Reboot the camera."]


@pytest.mark.parametrize("header", ["Step | Description", "Steps | Details", "Step | Notes"])
def test_a_table_whose_first_column_is_named_for_the_steps_is_a_procedure_whatever_the_other(
    header: str,
) -> None:
    # "Description" heads the messages of a table of errors too: the steps were read as the
    # problem's error messages, and the section as giving no step.
    rows = "| 1 | Check the PoE switch port LED. |\n| 2 | Reboot the camera from the switch. |\n"
    problem = only_section(f"| {header} |\n|---|---|\n{rows}")
    assert [s.text for s in problem.steps] == [
        "Check the PoE switch port LED.",
        "Reboot the camera from the switch.",
    ]
    assert problem.error_messages == []


@pytest.mark.parametrize(
    "table",
    [
        "| Error | Description |\n|---|---|\n| 0x80070005 | Access is denied. |\n",
        "| Code | Description |\n|---|---|\n| 0x80070005 | Access is denied. |\n",
        "| # | Error | Description |\n|---|---|---|\n| 1 | 0x80070005 | Access is denied. |\n",
        "| No. | Message |\n|---|---|\n| 1 | Access is denied. |\n",
    ],
)
def test_a_table_of_errors_is_no_procedure_though_its_rows_are_numbered(table: str) -> None:
    problem = only_section(table)
    assert problem.steps == []
    assert "Access is denied." in problem.error_messages


@pytest.mark.parametrize("read", [resolved_by, only_section])
def test_a_lead_in_before_a_procedure_table_is_no_step(read: Callable[[str], Problem]) -> None:
    # The lead-in was step 1, and the table, attached to it, was no step of its own.
    table = (
        "| Step | Action |\n|---|---|\n| 1 | Check the PoE switch port LED. |\n| 2 | Reboot the camera. |\n"
    )
    problem = read(f"The switch may have cut the power.\n\nFollow these steps:\n\n{table}")
    assert [s.text for s in problem.steps] == ["Check the PoE switch port LED.", "Reboot the camera."]
    assert [(n.text, n.after) for n in problem.notes] == [
        ("The switch may have cut the power.", False),
        ("Follow these steps:", False),
    ]


@pytest.mark.parametrize(
    "table",
    [
        "| # | Description | Status |\n|---|---|---|\n| 1 | Front door camera | Online |\n",
        "| No. | Port | Protocol |\n|---|---|---|\n| 1 | 554 | RTSP |\n",
    ],
)
def test_a_table_of_numbered_items_is_no_procedure(table: str) -> None:
    # A bare number column numbers items as often as steps: only an action column says they are steps.
    problem = resolved_by(f"Open the firewall for the camera:\n\n{table}")
    assert len(problem.steps) == 1
    assert problem.steps[0].text.startswith("Open the firewall for the camera:")


def test_a_paragraph_before_a_table_of_settings_is_still_a_step() -> None:
    problem = resolved_by("Set these values:\n\n| Setting | Value |\n|---|---|\n| PoE budget | 30 W |\n")
    assert [s.text for s in problem.steps] == ["Set these values:\nSetting | Value\nPoE budget | 30 W"]


def test_an_answer_cut_after_its_cause_keeps_the_markup_of_its_step() -> None:
    article = "# FAQ\n\n## Why does printing fail?\n\n**A:** The _spooler_ stopped. **Restart** it:\n\n```\nnet start spooler\n```\n"
    (problem,) = parse_article(article.encode(), "faq.md").problems
    assert problem.cause == "The spooler stopped."
    assert [s.markdown for s in problem.steps] == ["**Restart** it:\n\n```\nnet start spooler\n```"]


def test_a_message_quoted_in_code_is_one_sentence_of_the_answer() -> None:
    # "Make sure …" inside the quoted message read as the answer's first instruction: the
    # paragraph was cut there into a cause and a step "Make sure … correct. on the login page."
    article = (
        '# Login\n\n## Why does a user get "Your login attempt has failed"?\n\n'
        "The user sees `Your login attempt has failed. Make sure the username and password are correct.` "
        "on the login page.\n\n1. Click **Setup** > **Users**.\n2. Click **Reset Password**.\n"
    )
    (problem,) = parse_article(article.encode(), "login.md").problems
    assert [s.text for s in problem.steps] == ["Click Setup > Users.", "Click Reset Password."]
    assert problem.cause.endswith("are correct. on the login page.")
    # A sentence after the code span still ends where it does.
    article = (
        "# FAQ\n\n## Why does printing fail?\n\n**A:** The spooler says `Stopped. Restart it.` here. "
        "**Restart** it:\n\n```\nnet start spooler\n```\n"
    )
    (problem,) = parse_article(article.encode(), "faq.md").problems
    assert problem.cause == "The spooler says Stopped. Restart it. here."
    assert [s.markdown for s in problem.steps] == ["**Restart** it:\n\n```\nnet start spooler\n```"]


def test_a_bug_reports_reproduction_and_fix_version_are_not_its_fix() -> None:
    # A tracker's article: how to make it happen is what was done, the actual result is what the
    # reader sees, and the fix version says where it was fixed; only the workaround is steps.
    article = (
        "---\nid: bug\n---\n# Sync makes duplicates\n\n## Steps to reproduce\n\n1. Create a contact.\n"
        "2. Run the sync:\n\n   ```\n   crmctl sync --all\n   ```\n\n## Expected result\n\nThe contact is updated.\n\n"
        "## Actual result\n\nA second contact is created.\n\n## Root cause\n\nAddresses are compared case-sensitively.\n\n"
        "## Workaround\n\n1. Run `crmctl dedupe`.\n\n## Fix version\n\n3.0.5\n"
    )
    [problem] = parse_article(article.encode(), "bug.md").problems
    assert [s.text for s in problem.steps] == ["Run crmctl dedupe."]
    assert problem.symptoms == "A second contact is created."
    assert problem.cause == "Addresses are compared case-sensitively."
    assert problem.error_messages == []
    assert "Create a contact." in problem.body


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("**Option 1 – Upload the new certificate**", "**Option 2 – Use the metadata URL**"),
        ("*Option A: Upload the new certificate*", "*Option B: Use the metadata URL*"),
    ],
)
def test_labelled_alternatives_under_a_solution_label_are_its_groups(first: str, second: str) -> None:
    # A help desk's "**Solution**", a lead-in, then each way to fix it under a bold (or italic)
    # label: the lead-in is no step, and each option's steps are numbered from 1.
    article = (
        "---\nid: sso\n---\n# SSO fails\n\n**Problem**\n\nUsers bounce back to the sign-in page.\n\n"
        f"**Solution**\n\nThere are two ways to fix this.\n\n{first}\n\n1. Download it.\n2. Upload it.\n\n"
        f"{second}\n\n1. Paste the URL.\n2. Save.\n"
    )
    [problem] = parse_article(article.encode(), "sso.md").problems
    title = first.strip("*")
    other = second.strip("*")
    assert [(s.group, s.number) for s in problem.steps] == [
        (title, "1"),
        (title, "2"),
        (other, "1"),
        (other, "2"),
    ]
    assert [n.text for n in problem.notes] == ["There are two ways to fix this."]


@pytest.mark.parametrize(
    "heading", ["**Still not working?**", "### Still won’t work?", "## Still need help?"]
)
def test_a_still_not_working_section_is_no_problem_of_its_own(heading: str) -> None:
    # After the fix, the page sends the reader on: searchable text, never a problem titled so.
    article = (
        "---\nid: sso\n---\n# SSO fails\n\n## Sign-in loops back\n\n### Symptoms\n\nUsers bounce back.\n\n"
        f"### Resolution\n\n1. Upload the new certificate.\n\n{heading}\n\nContact support with a SAML trace.\n"
    )
    parsed = parse_article(article.encode(), "sso.md")
    assert [p.title for p in parsed.problems] == ["Sign-in loops back"]
    assert "Contact support with a SAML trace." in parsed.body + " ".join(p.body for p in parsed.problems)


@pytest.mark.parametrize("marks", [("Step 1: ", "Step 2: "), ("", "")])
def test_a_fix_in_step_paragraphs_after_an_error_is_told_apart_from_the_error(marks: tuple[str, str]) -> None:
    # Under an error heading, what Outlook showed, then the fix as paragraphs ("Step 1: Close
    # Outlook."): the description is no step, however the steps open.
    first, second = marks
    article = (
        '---\nid: moved\n---\n# Outlook\n\n## Outlook says "Your mailbox has been temporarily moved"\n\n'
        "After a migration, Outlook offers a temporary mailbox.\n\n"
        f"{first}Close Outlook.\n\n{second}Delete the profile.\n"
    )
    [problem] = parse_article(article.encode(), "moved.md").problems
    assert problem.symptoms == "After a migration, Outlook offers a temporary mailbox."
    # The numbers the paragraphs give themselves are the steps' numbers, not their text.
    assert [s.text for s in problem.steps] == ["Close Outlook.", "Delete the profile."]


def test_a_bold_label_with_an_aside_in_brackets_heads_its_part() -> None:
    # A forum thread marks the answer that solved it: "**Solution** (accepted answer by *jgreer*):".
    article = (
        "---\nid: solved\n---\n# Zigbee stick not found [SOLVED]\n\nThe integration no longer starts.\n\n"
        "**Solution** (accepted answer by *jgreer*):\n\nThe update renamed the device. Do this:\n\n"
        "1. Copy the stable path of the stick.\n2. Restart Home Assistant.\n"
    )
    [problem] = parse_article(article.encode(), "solved.md").problems
    assert problem.symptoms == "The integration no longer starts."
    assert [s.text for s in problem.steps] == [
        "Copy the stable path of the stick.",
        "Restart Home Assistant.",
    ]


def test_a_first_heading_that_holds_only_page_properties_titles_the_page() -> None:
    # A Notion export: the page title, its properties, then a "#" heading per problem.
    article = (
        "# Printer onboarding issues\n\nOwner: IT Helpdesk\nTags: printing, macOS\n\n"
        '# Printer shows "Offline"\n\n**What you see**\n\nJobs stay in the queue.\n\n**How to fix it**\n\n'
        "- Point the port at the printer's host name.\n\n# macOS asks for a password\n\n**How to fix it**\n\n"
        "- Delete the Keychain entry.\n"
    )
    parsed = parse_article(article.encode(), "printers.md")
    assert parsed.title == "Printer onboarding issues"
    assert [p.title for p in parsed.problems] == ['Printer shows "Offline"', "macOS asks for a password"]
    assert "Owner: IT Helpdesk" in parsed.body
    # A first heading with text of its own is a problem like the others.
    told = article.replace("Owner: IT Helpdesk\n", "Printing stops after the move to the new office.\n")
    assert parse_article(told.encode(), "printers.md").title == "printers"


def test_an_error_heading_over_a_problems_parts_gives_its_error_message() -> None:
    # "## Error: `…`" over Solution parts: the heading quotes the error, parts or none.
    article = (
        "---\nid: npm\n---\n# npm install errors\n\n## Error: `EACCES: permission denied, mkdir '/usr/local/lib'`\n\n"
        "npm installs global packages into a folder owned by root.\n\n#### Solution 1: Use nvm\n\n1. Install nvm.\n\n"
        "#### Solution 2: Change the prefix\n\n1. Run `npm config set prefix ~/.npm-global`.\n"
    )
    [problem] = parse_article(article.encode(), "npm.md").problems
    assert problem.error_messages == ["EACCES: permission denied, mkdir '/usr/local/lib'"]
    assert [s.group for s in problem.steps] == ["Solution 1: Use nvm", "Solution 2: Change the prefix"]


def test_a_faq_question_marked_q_in_plain_text_heads_its_answer() -> None:
    # "Q: …?" then "A: …" on the next line: read as one paragraph, the question and its answer were
    # one more step of the entry before.
    faq = (
        "# Printer FAQ\n\n**Q: Why are prints faded?**\n\nA: The toner is low. Replace the toner cartridge.\n\n"
        "Q: How do I reset the admin password?\nA: Hold the reset button while the printer starts.\n\n"
        "Q: Why does the tray click?\n\n1. Open the tray.\n2. Remove the packing tape.\n"
    )
    assert titles_and_steps(faq)[1:] == [
        ("How do I reset the admin password?", ["Hold the reset button while the printer starts."]),
        ("Why does the tray click?", ["Open the tray.", "Remove the packing tape."]),
    ]
    # A paragraph that only opens like a question is an answer's text.
    assert len(titles_and_steps(faq.replace("Q: Why does the tray click?", "Q: is not asked here."))) == 2


def test_a_faq_question_marked_q_that_asks_nothing_is_a_question_where_a_marked_answer_follows() -> None:
    # "Q: The VPN says "Authentication failed"." asks nothing: it and its answer were more steps of the
    # entry before, its message that entry's.
    faq = (
        "# VPN FAQ\n\nQ: Why does the VPN drop every 8 hours?\nA: The session expires. Sign in again.\n\n"
        'Q: The client says "Authentication failed: invalid password".\nA: Reset your password.\n\n'
        'Q2. The portal shows "Gateway unreachable".\n\nA: Switch to another network.\n\n'
        "**Q:** The tray icon stays grey.\n**A:** Restart the client.\n"
    )
    problems = parse_article(faq.encode(), "a.md").problems
    assert [(p.title, [s.text for s in p.steps]) for p in problems][1:] == [
        ('The client says "Authentication failed: invalid password".', ["Reset your password."]),
        ('The portal shows "Gateway unreachable".', ["Switch to another network."]),
        ("The tray icon stays grey.", ["Restart the client."]),
    ]
    assert problems[1].error_messages == ["Authentication failed: invalid password"]
    assert [s.markdown for s in problems[3].steps] == ["Restart the client."]


def test_a_marked_line_that_asks_nothing_and_no_answer_follows_stays_text() -> None:
    # Guards: a "Q:" statement with no "A:" after it, and a long paragraph that opens like a question
    # (an answer's), stay the answer's text.
    faq = (
        "# VPN FAQ\n\nQ: Why does the VPN drop?\nA: The session expires.\n\n"
        "Q: the quarterly report lists the outages.\n\nSign in again.\n\n"
        "Q: " + "the session ends and the client waits for a new sign-in, " * 5 + "\nA: Sign in.\n"
    )
    assert [p.title for p in parse_article(faq.encode(), "a.md").problems] == ["Why does the VPN drop?"]


def test_a_faq_question_marked_q_without_a_question_mark_is_answered_without_its_a_mark() -> None:
    # "**Q: Git asks for my password on every push.**" is a FAQ's question though it asks nothing.
    article = (
        "---\nid: git\n---\n# Git FAQ\n\n**Q: Git asks for my password on every push.**\n\n"
        "A: Enable the credential helper:\n\n```sh\ngit config --global credential.helper store\n```\n"
    )
    [problem] = parse_article(article.encode(), "git.md").problems
    assert [s.text for s in problem.steps] == [
        "Enable the credential helper:\ngit config --global credential.helper store"
    ]


def test_a_symptom_table_row_gives_the_message_its_symptom_quotes() -> None:
    article = (
        "---\nid: wifi\n---\n# Office Wi-Fi problems\n\n| Symptom | Likely cause | Resolution |\n| --- | --- | --- |\n"
        '| The browser shows "Sign in to network" | The portal session expired | Accept the terms again |\n'
        "| Calls drop in meeting rooms | Roaming between access points | Turn off aggressive roaming |\n"
    )
    problems = parse_article(article.encode(), "wifi.md").problems
    assert [p.error_messages for p in problems] == [["Sign in to network"], []]
    assert [p.cause for p in problems] == ["The portal session expired", "Roaming between access points"]


@pytest.mark.parametrize("fix_column", ["What to do", "Remedy"])
def test_an_api_error_table_whose_fix_column_says_what_to_do_gives_a_problem_per_row(fix_column: str) -> None:
    article = (
        "---\nid: api-errors\n---\n# Orders API errors\n\n## Error codes\n\n"
        f"| Status | Code | Message | {fix_column} |\n| --- | --- | --- | --- |\n"
        "| 401 | `token_expired` | The access token has expired. | Request a new token with the refresh token. |\n"
        "| 409 | `order_locked` | The order is being edited elsewhere. | Retry after a few seconds. |\n"
    )
    problems = parse_article(article.encode(), "api-errors.md").problems
    assert [(p.error_codes, p.error_messages, [s.text for s in p.steps]) for p in problems] == [
        (
            ["token_expired"],
            ["token_expired", "The access token has expired."],
            ["Request a new token with the refresh token."],
        ),
        (
            ["order_locked"],
            ["order_locked", "The order is being edited elsewhere."],
            ["Retry after a few seconds."],
        ),
    ]


def test_a_line_of_fields_between_bars_after_the_page_s_text_stays_its_text() -> None:
    """Only before anything else the page says is one line between bars its fields: in a flat page of
    known issues, each issue's "Version: 2.2 | Released: …" line says what its steps apply to."""
    text = (
        "# Known issues\n\nSign-in loops after the update.\n\n"
        "Version: 2.2 | Released: 2024-04-01 | Component: sign-in\n\n1. Clear the cookies.\n"
    )
    [problem] = parse_article(text.encode(), "known.md").problems
    assert "Version: 2.2 | Released: 2024-04-01 | Component: sign-in" in problem.symptoms
