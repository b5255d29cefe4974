"""Which code blocks hold what a program printed: the reader's side of a session, never the prompt."""

from __future__ import annotations

import unicodedata

import pytest
from markdown_it import MarkdownIt
from markdown_it.tree import SyntaxTreeNode

from indexer.messages import fence_output
from indexer.parse import parse_article


def _fence(markdown: str) -> SyntaxTreeNode:
    return SyntaxTreeNode(MarkdownIt("commonmark").parse(markdown)).children[0]


@pytest.mark.parametrize(
    "prompt",
    [
        "$ ",
        "admin@build-01:~/src$ ",
        "root@node-7:/var/lib# ",
        "ops@laptop:~/> ",
        "node-3:/home/admin # ",
        "[root@node-3 ~]# ",
        "PS C:\\Users\\admin> ",
        "-> ",
        "\u279c  ",
        "\u276f ",
    ],
)
def test_a_session_keeps_the_output_and_drops_the_prompt_lines(prompt: str) -> None:
    block = _fence(f"```\n{prompt}tool sync --all\nsync failed: quota exceeded for tenant\n```\n")
    assert fence_output(block) == "sync failed: quota exceeded for tenant"


def test_an_ellipsis_for_output_left_out_is_not_output() -> None:
    session = (
        "-> dmesg\n...\n[12.5] sync failed: quota exceeded for tenant\n\u2026\n-> journalctl -u tool\n[...]\n"
    )
    assert fence_output(_fence(f"```\n{session}```\n")) == "[12.5] sync failed: quota exceeded for tenant"


def test_an_arrow_inside_output_is_no_prompt() -> None:
    text = "error[E0425]: cannot find value `x`\n  --> src/main.rs:2:5\nresolve -> fetch -> fail"
    assert fence_output(_fence(f"```\n{text}\n```\n")) == text


def test_output_that_names_an_address_is_not_a_prompt() -> None:
    text = "delivery to user@example.com: mailbox full\nsee http://status.example.com:/now # for details"
    assert fence_output(_fence(f"```\n{text}\n```\n")) == text


def test_the_continuation_lines_of_a_command_are_not_output() -> None:
    session = (
        "$ tool export --all \\\n    --format=json \\\n    --out report.json\nexport failed: disk full\n"
    )
    assert fence_output(_fence(f"```console\n{session}```\n")) == "export failed: disk full"


@pytest.mark.parametrize(
    "block",
    [
        "```\nstat -c '%U %a' /srv/app/cache\nroot 750\n```\n",
        "```text\nls -ld /srv/app/cache\ndrwxr-x--- 2 root root 4096 Mar 2 09:14 cache\n```\n",
        # Commands one after another, and an indented block the same.
        "```\nsudo chown -R app:app /srv/app\nsudo systemctl restart app\n```\n",
        "    getfacl --omit-header /srv/app\n    user::rwx\n    group::r-x\n",
    ],
)
def test_a_command_without_a_prompt_and_output_that_reports_no_failure_is_no_output(block: str) -> None:
    # A listing under its command ("ls -ld …" then "drwxr-x--- … root") was an error message.
    assert fence_output(_fence(block)) == ""


def test_a_command_without_a_prompt_gives_the_failure_it_printed() -> None:
    block = "```\nls -l /srv/app/cache\nls: cannot access '/srv/app/cache': Permission denied\n```\n"
    assert fence_output(_fence(block)) == "ls: cannot access '/srv/app/cache': Permission denied"


@pytest.mark.parametrize(
    "printed",
    [
        # What a program printed, though it names an option or opens in lower case (guards).
        "error: unknown flag --force",
        "java -jar failed: Unable to access jarfile app.jar",
        "usage: tool [-h] --name NAME",
        "Exception in thread main -Dmode=x",
    ],
)
def test_output_whose_first_line_only_looks_like_a_command_stays_output(printed: str) -> None:
    assert fence_output(_fence(f"```\n{printed}\n```\n")) == printed


@pytest.mark.parametrize(
    ("block", "printed"),
    [
        # What the command checked is down, though no word says it failed: the output, not the command.
        ("curl -I https://app.example.com\nHTTP/1.1 503 Service Unavailable\nServer: nginx", "HTTP/1.1 503"),
        ("kubectl get pods -n shop\nNAME  READY  STATUS\napi-0  0/1  CrashLoopBackOff", "CrashLoopBackOff"),
        (
            "kubectl get pods -n shop\nNAME  READY  STATUS\napi-0  0/1  OOMKilled\napi-1  0/1  Evicted",
            "OOMKilled",
        ),
        ("ping -c 3 10.0.0.9\n3 packets transmitted, 0 received, 100% packet loss", "100% packet loss"),
        (
            "df -h /srv\nFilesystem Size Used Avail Use% Mounted on\n/dev/sdb1 50G 50G 0 100% /srv",
            "100% /srv",
        ),
    ],
)
def test_a_command_without_a_prompt_gives_the_down_state_it_printed(block: str, printed: str) -> None:
    output = fence_output(_fence(f"```\n{block}\n```\n"))
    assert printed in output
    assert block.split("\n")[0] not in output


@pytest.mark.parametrize(
    "block",
    [
        # What says all is well, the same commands printed (guards).
        "curl -I https://app.example.com\nHTTP/1.1 200 OK\nServer: nginx",
        "kubectl get pods -n shop\nNAME  READY  STATUS\napi-0  1/1  Running",
        "ping -c 3 10.0.0.9\n3 packets transmitted, 3 received, 0% packet loss",
        "df -h /srv\nFilesystem Size Used Avail Use% Mounted on\n/dev/sdb1 50G 20G 30G 40% /srv",
        # Commands one under another, the second naming a log of errors: no output at all.
        "sudo systemctl enable --now agent\nsudo tail -n 50 /var/log/agent/errors.log",
    ],
)
def test_a_command_without_a_prompt_and_a_state_that_is_well_is_no_output(block: str) -> None:
    assert fence_output(_fence(f"```\n{block}\n```\n")) == ""


@pytest.mark.parametrize(
    "block",
    [
        # A network device's prompt right before its command, and the state table it printed.
        "core-a#show mesh peers\nPeer ID      State        Uptime\n198.51.100.4 JOINING/HUB  00:02:11\n",
        "edge-9> display mesh peers\nPeer ID      State\n198.51.100.4 WAITING\n",
        "edge-9(config-mesh)#show peer 198.51.100.4\nState WAITING since 00:02:11\n",
    ],
)
def test_a_device_prompt_s_command_and_the_table_it_printed_are_no_output(block: str) -> None:
    # "core-a#show …" was no prompt nor a command: the command and its table were the error message.
    assert fence_output(_fence(f"```\n{block}```\n")) == ""


def test_a_device_prompt_s_command_gives_the_failure_it_printed() -> None:
    block = "core-a#show mesh peers\n%MESH-3-NOPEER: peer table unavailable, mesh process not running\n"
    assert fence_output(_fence(f"```\n{block}```\n")) == (
        "%MESH-3-NOPEER: peer table unavailable, mesh process not running"
    )


def test_output_that_only_opens_with_a_word_and_a_mark_stays_output() -> None:
    # Guard: a printed line with ">" after its first word is no device's prompt when it says what failed.
    text = "Relay> handshake failed: certificate expired\nretrying in 30s"
    assert fence_output(_fence(f"```\n{text}\n```\n")) == text


def test_a_device_s_show_output_in_symptoms_is_no_error_message_but_its_log_line_is() -> None:
    article = (
        "# Mesh peers stuck in JOINING\n\n## Problem\n\nThe peers never reach ACTIVE. "
        "The output of `show mesh peers` shows:\n\n```\ncore-a#show mesh peers\n"
        "Peer ID         State          Uptime     Interface\n"
        "198.51.100.4    JOINING/HUB    00:02:11   Mesh0/1\n```\n\nThe log shows:\n\n```\n"
        "%MESH-5-PEERCHG: Peer 198.51.100.4 on Mesh0/1 from JOINING to DOWN, key mismatch\n```\n\n"
        "## Solution\n\n1. Set the same mesh key on both hubs.\n"
    )
    (problem,) = parse_article(article.encode(), "mesh.md").problems
    assert problem.error_messages == [
        "%MESH-5-PEERCHG: Peer 198.51.100.4 on Mesh0/1 from JOINING to DOWN, key mismatch"
    ]


def test_a_check_s_command_and_listing_under_a_log_are_no_error_message() -> None:
    article = (
        "# Reports fail to render\n\n## Diagnosis\n\nThe report service logs:\n\n```\n"
        "2026-03-02 09:20:11 ERROR RenderJob: cannot write /srv/app/cache/r-118.pdf (EACCES)\n```\n\n"
        "Check the folder's owner with:\n\n```\nstat -c '%U %G' /srv/app/cache\nroot root\n```\n\n"
        "## Resolution\n\n1. Give the folder back to the service account.\n"
    )
    (problem,) = parse_article(article.encode(), "reports.md").problems
    # The log line, unwrapped as a pasted log is; nothing of the check.
    assert problem.error_messages == ["RenderJob: cannot write /srv/app/cache/r-118.pdf (EACCES)"]


def test_a_session_of_commands_gives_the_output_that_reports_the_failure() -> None:
    # The table the first command listed, its header and the label over the events were error text too.
    session = (
        "$ kubectl get certificate -n web\nNAME      READY   SECRET      AGE\nsite-tls  False   site-tls    40m\n"
        "$ kubectl describe certificate site-tls -n web\n...\nEvents:\n"
        '  Warning  Failed  Issuer "letsencrypt" not found\n'
    )
    assert (
        fence_output(_fence(f"```console\n{session}```\n"))
        == 'Warning  Failed  Issuer "letsencrypt" not found'
    )


def test_a_problem_s_check_of_two_commands_gives_the_event_as_its_error_message() -> None:
    article = (
        "# Certificate troubleshooting\n\n## Certificate never becomes ready\n\nRun:\n\n```console\n"
        "$ kubectl get certificate -n web\nNAME      READY   AGE\nsite-tls  False   40m\n"
        "$ kubectl describe certificate site-tls -n web\nEvents:\n"
        '  Warning  Failed  Issuer "letsencrypt" not found\n```\n\n'
        "The issuer named in the certificate does not exist.\n\n**Fix:** create the issuer:\n\n"
        "```bash\nkubectl apply -f issuer.yaml\n```\n"
    )
    (problem,) = parse_article(article.encode(), "certs.md").problems
    assert problem.error_messages == ['Warning Failed Issuer "letsencrypt" not found']


@pytest.mark.parametrize(
    ("session", "printed"),
    [
        # One command: all it printed, its table's header too.
        (
            "$ tool jobs\nJOB   STATE\nsync  failed: quota exceeded\n",
            "JOB   STATE\nsync  failed: quota exceeded",
        ),
        # Commands of which none reports a failure: all they printed, as before.
        (
            "$ tool jobs\nJOB   STATE\nsync  waiting\n$ tool version\n2.4.1\n",
            "JOB   STATE\nsync  waiting\n2.4.1",
        ),
        # The failing command's trace whole, from the line that does not say it failed yet; not the
        # version the other command printed.
        (
            "$ tool version\n2.4.1\n$ tool sync\nTraceback (most recent call last):\n"
            '  File "sync.py", line 9, in run\nPermissionError: [Errno 13] Permission denied\n',
            'Traceback (most recent call last):\n  File "sync.py", line 9, in run\n'
            "PermissionError: [Errno 13] Permission denied",
        ),
    ],
)
def test_a_session_keeps_all_it_printed_unless_some_commands_failed_and_others_did_not(
    session: str, printed: str
) -> None:
    assert fence_output(_fence(f"```console\n{session}```\n")) == printed


def test_a_diagram_is_not_output() -> None:
    assert fence_output(_fence("```mermaid\ngraph LR\n  client --> gateway\n```\n")) == ""


def test_output_without_a_letter_is_no_error_message() -> None:
    article = (
        "# Export troubleshooting\n\n## Error: `export timed out`\n\nTo see the pending jobs, run:\n\n"
        "```console\n$ tool count --pending\n10\n```\n\nRaise the export timeout.\n"
    )
    problem = parse_article(article.encode(), "export.md").problems[0]
    assert problem.error_messages == ["export timed out"]


ARTICLE = """# Reports stop syncing

## Symptoms

{lead}

- The report service stopped at night.
- Sync job 42 did not finish in time.

## Resolution

1. Restart the report service.
"""


@pytest.mark.parametrize(
    "lead",
    [
        "You receive one of the following error messages:",
        "The service logs the following errors:",
        "The sync fails, and the output resembles the following:",
    ],
)
def test_a_list_after_a_lead_in_that_names_errors_is_quoted_errors(lead: str) -> None:
    problem = parse_article(ARTICLE.format(lead=lead).encode(), "reports.md").problems[0]
    assert problem.error_messages == [
        "The report service stopped at night.",
        "Sync job 42 did not finish in time.",
    ]


@pytest.mark.parametrize(
    "lead",
    [
        "Consider the following scenario:",
        "To learn more, see the following pages:",
        "You can use the sync log to get details. To do so, follow these steps:",
    ],
)
def test_a_list_after_a_lead_in_that_names_no_errors_is_not_error_text(lead: str) -> None:
    problem = parse_article(ARTICLE.format(lead=lead).encode(), "reports.md").problems[0]
    assert problem.error_messages == []


@pytest.mark.parametrize("note", ["> [!NOTE]\n> ", "> **Note:** "])
def test_output_a_note_shows_after_an_error_lead_is_an_error_message(note: str) -> None:
    article = (
        "# Export troubleshooting\n\n## Error: `export timed out`\n\n"
        f"{note}Older releases print a different message for the same cause:\n>\n"
        "> ```text\n> export aborted: no answer from the store in 30s\n> ```\n\n"
        "Raise the export timeout.\n"
    )
    problem = parse_article(article.encode(), "export.md").problems[0]
    assert problem.error_messages == ["export timed out", "export aborted: no answer from the store in 30s"]


def test_a_command_a_note_shows_is_no_error_message() -> None:
    article = (
        "# Export troubleshooting\n\n## Error: `export timed out`\n\n"
        "> [!TIP]\n> To see the current timeout, run:\n>\n> ```text\n> tool config get export.timeout\n> ```\n\n"
        "Raise the export timeout.\n"
    )
    problem = parse_article(article.encode(), "export.md").problems[0]
    assert problem.error_messages == ["export timed out"]


@pytest.mark.parametrize(
    "label", ["**Note:**", "**Important:**", "**Note**:", "**Please note:**", "**Platform notice:**"]
)
def test_a_quote_that_opens_with_a_bold_label_is_advice_not_error_text(label: str) -> None:
    article = (
        "# Export stalls\n\n## Symptoms\n\nThe export never ends.\n\n"
        f"> {label} Exports of more than a million rows take longer.\n\n"
        "## Resolution\n\n1. Split the export.\n"
    )
    problem = parse_article(article.encode(), "export.md").problems[0]
    assert problem.error_messages == []


@pytest.mark.parametrize(
    "label",
    [
        "**Importante:**",
        "**Nota:**",
        "**Uwaga:**",
        "**Ważne:**",
        "**注意：**",
        "**重要**：",
        "**참고:**",
        "Importante:",
        "说明：",
    ],
)
def test_a_quote_that_opens_with_an_advice_label_in_another_language_is_advice_not_error_text(
    label: str,
) -> None:
    """A Spanish "> **Importante:** …" after the steps was the problem's error message and more text
    of the last step, as "> **Important:**" is not."""
    article = (
        "# Export stalls\n\n## Síntomas\n\nThe export never ends.\n\n## Solución\n\n"
        f"1. Split the export.\n2. Run it again.\n\n> {label} Exports of a million rows take longer.\n"
    )
    problem = parse_article(article.encode(), "export.md").problems[0]
    assert problem.error_messages == []
    assert [s.text for s in problem.steps] == ["Split the export.", "Run it again."]
    assert [
        (note.text.endswith("Exports of a million rows take longer."), note.after) for note in problem.notes
    ] == [(True, True)]


@pytest.mark.parametrize(
    "printed", ["Błąd: nie można otworzyć pliku", "Fehler: Zugriff verweigert", "提示：登录失败"]
)
def test_a_quote_of_what_a_program_printed_in_another_language_stays_error_text(printed: str) -> None:
    """Only advice labels make a quote advice: a program prints "Error:" in its language, and a dialog
    titled "提示" (prompt) says what went wrong."""
    article = (
        f"# Export stalls\n\n## Objawy\n\nThe client shows:\n\n> {printed}\n\n## Rozwiązanie\n\n1. Retry.\n"
    )
    problem = parse_article(article.encode(), "export.md").problems[0]
    # (A full-width colon is read as ":", as errortext.clean reads every message.)
    assert problem.error_messages == [unicodedata.normalize("NFKC", printed)]


@pytest.mark.parametrize(
    ("lead", "printed"),
    [
        # A word for "Warning" that programs print, as "Warning:" is kept out: with no lead, too.
        ("", "Uwaga: nie można połączyć się z serwerem (kod 0x80072EE7)."),
        # After a paragraph that introduces it, any label opens what the program showed.
        ("Przy wysyłce program wyświetla komunikat:\n\n", "Uwaga: nie można połączyć się z serwerem."),
        ("Beim Senden zeigt das Programm die Meldung:\n\n", "Hinweis: Verbindung zum Server fehlgeschlagen."),
        ("The client shows:\n\n", "Note: the server could not be reached."),
    ],
)
def test_a_quoted_warning_or_a_quote_a_paragraph_introduces_stays_error_text(lead: str, printed: str) -> None:
    """A program's message that opens with its language's word for "Warning" ("Uwaga:"), or any quote
    after "…the program shows the message:", was a note, and the problem had no error message."""
    article = f"# Export stalls\n\n## Objawy\n\n{lead}> {printed}\n\n## Rozwiązanie\n\n1. Retry.\n"
    problem = parse_article(article.encode(), "export.md").problems[0]
    assert problem.notes == []
    assert problem.error_messages == [unicodedata.normalize("NFKC", printed)]


def test_a_plain_advice_label_after_the_steps_is_still_a_note() -> None:
    """A quote no paragraph introduces that opens with "Note:", "Hinweis:" or "注意：" is advice, and
    "Uwaga:" in bold (guard)."""
    article = (
        "# Export stalls\n\n## Objawy\n\nIt never ends.\n\n## Rozwiązanie\n\n1. Retry.\n\n"
        "> Hinweis: Exporte dauern länger.\n\nThen check the log.\n\n> Note: Logs rotate daily.\n\n"
        "> 注意：不要在客户端保存密钥。\n\n> **Uwaga:** Eksport trwa dłużej.\n"
    )
    problem = parse_article(article.encode(), "export.md").problems[0]
    assert problem.error_messages == []
    assert [n.text for n in problem.notes] == [
        "Hinweis: Exporte dauern länger.",
        "Then check the log.",
        "Note: Logs rotate daily.",
        "注意：不要在客户端保存密钥。",
        "Uwaga: Eksport trwa dłużej.",
    ]


@pytest.mark.parametrize(
    "command",
    [
        "export TOOL_NO_AUTO_UPDATE=1",
        "tool hold <package_name_or_group>",
        "./configure && make && make install",
        'eval "$(tool shellenv zsh)"',
        "chown admin /Applications/Tool.app",
        "remove_on_uninstall: true and keep_logs: false",
        'ENV["TOOL_HOME"] = "/opt/tool/share"',
    ],
)
def test_a_command_written_inline_is_no_error_message(command: str) -> None:
    article = f"# Tool FAQ\n\n## How do I keep a package?\n\nRun `{command}` in your shell profile.\n"
    problem = parse_article(article.encode(), "faq.md").problems[0]
    assert problem.error_messages == []


def test_a_sentence_a_program_printed_inline_is_an_error_message() -> None:
    article = (
        "# Tool FAQ\n\n## Why does it stop?\n\nIt prints `tool: cannot lock the cache folder` and exits.\n"
    )
    problem = parse_article(article.encode(), "faq.md").problems[0]
    assert problem.error_messages == ["tool: cannot lock the cache folder"]


@pytest.mark.parametrize(
    ("sentence", "message"),
    [
        # Worded as neither a failure nor a sentence: only the words before it say it is an error.
        ("You get the error `Set-Cookie was blocked for the SameSite attribute`.", "Set-Cookie was blocked"),
        ("The service stops with `Service terminated unexpectedly (7034)`.", "Service terminated"),
        ("The portal shows this message: `Your session has timed out`", "Your session has timed out"),
        # "fails with:", its colon too.
        ("Sign-in fails with: `Your account is locked out`.", "Your account is locked out"),
        ("Sign-in fails with: **Your account is locked out and may not be logged on to.**", "Your account"),
    ],
)
def test_inline_code_the_sentence_names_as_an_error_is_an_error_message(sentence: str, message: str) -> None:
    article = f"# Portal\n\n## Symptoms\n\n{sentence}\n\n## Resolution\n\n1. Sign in again.\n"
    problem = parse_article(article.encode(), "portal.md").problems[0]
    quoted = sentence.split("`")[1] if "`" in sentence else sentence.split("**")[1]
    assert [m for m in problem.error_messages if m.startswith(message)] == [quoted]


def test_inline_code_the_sentence_names_as_a_setting_is_no_error_message() -> None:
    article = (
        "# Portal\n\n## Symptoms\n\nSessions end early when you set `session timeout = 5` in the settings."
        "\n\n## Resolution\n\n1. Sign in again.\n"
    )
    assert parse_article(article.encode(), "portal.md").problems[0].error_messages == []


def test_output_announced_as_an_error_under_a_fix_is_an_error_message() -> None:
    article = (
        "# Dependency solver\n\n## Dealing with version conflicts\n\nWhat to do when the solver gives up.\n\n"
        "### Reading the message\n\nWhen you get a conflict error, you might see something like this:\n\n"
        "```console\n$ tool add alpha==1.0 beta==2.0\nERROR: Cannot add alpha==1.0 and beta==2.0 together.\n```\n\n"
        "When you call the service, the request looks like this:\n\n```http\nPOST /solve HTTP/1.1\n```\n\n"
        "### Things to try\n\n- Relax the pin on alpha.\n- Drop beta if it is unused.\n"
    )
    problem = parse_article(article.encode(), "solver.md").problems[0]
    assert problem.error_messages == ["Cannot add alpha==1.0 and beta==2.0 together."]


def test_a_quote_inside_a_step_is_an_error_when_announced_or_worded_as_one() -> None:
    article = (
        "# Widget sync stalls\n\n## Symptoms\n\nThe dashboard stops refreshing.\n\n## Resolution\n\n"
        "1. Open the **Widgets** page.\n    > Only go on if two other copies are healthy.\n"
        "2. Run the resync. You receive the following message:\n    > Resync queued for widget 7\n"
        "3. Wait for the widget to show **Ready**.\n    > Widget store failed to answer in time\n"
    )
    problem = parse_article(article.encode(), "widget.md").problems[0]
    assert problem.error_messages == ["Resync queued for widget 7", "Widget store failed to answer in time"]


def test_a_box_and_arrow_drawing_is_not_output() -> None:
    drawing = "  +--------+      +---------+\n  | Router | ---> | Request |\n  +--------+      +---------+\n       |\n       v\n"
    assert fence_output(_fence(f"```\n{drawing}```\n")) == ""
    assert fence_output(_fence("```\nsync failed: store answered 503 -> retrying\n```\n")) != ""


def test_a_common_error_messages_section_gives_its_messages_not_its_lead_in() -> None:
    article = (
        "# Sign-in loops in web apps\n\n## Common error messages\n\n"
        "Depending on the library version, you may encounter one of the following error messages:\n\n"
        "- `IDX20001: nonce is null`\n- `IDX20002: nonce is expired`\n\n"
        "## Cause\n\nThe nonce cookie is dropped because its attribute list is incomplete, and the check fails:\n\n"
        "- the cookie is sent over plain HTTP\n- the cookie has no SameSite attribute\n\n"
        "## Resolution\n\n1. Serve the app over HTTPS.\n"
    )
    problem = parse_article(article.encode(), "nonce.md").problems[0]
    assert problem.error_messages == ["IDX20001: nonce is null", "IDX20002: nonce is expired"]


def test_a_list_of_causes_after_an_error_lead_is_no_error_text() -> None:
    article = (
        "# Sign-in fails\n\n## Symptoms\n\nThe AADSTS50017 error might occur because of the following problems:\n\n"
        "- a missing certificate authority in the store\n- a key identifier that does not match\n\n"
        "## Resolution\n\n1. Upload the issuing certificate.\n"
    )
    problem = parse_article(article.encode(), "cert.md").problems[0]
    assert problem.error_messages == []


def test_a_message_quoted_in_a_sentence_about_an_error_is_an_error_message() -> None:
    article = (
        "# Sign-in blocked for a suspended member\n\n## Symptoms\n\n"
        'When a member signs in, they get an "AADSTS99999" error message ("The member profile is suspended.").\n\n'
        'The portal shows a "Sign in with another account" button.\n\n'
        "## Resolution\n\n1. Reactivate the profile.\n"
    )
    problem = parse_article(article.encode(), "suspended.md").problems[0]
    assert problem.error_messages == ["The member profile is suspended."]
    assert "AADSTS99999" in problem.error_codes


def test_a_list_of_actions_after_an_error_lead_is_no_error_text() -> None:
    article = (
        "# Token lapsed\n\n## Symptoms\n\n"
        'People see a "Your token has lapsed" error. This error can appear when they do any of the following '
        "actions:\n\n- Browse a shared folder\n- Open a spreadsheet from the team site\n\n"
        "## Resolution\n\n1. Raise the token lifetime.\n"
    )
    problem = parse_article(article.encode(), "token.md").problems[0]
    assert problem.error_messages == ["Your token has lapsed"]


def test_a_field_value_table_gives_the_values_of_its_error_fields() -> None:
    article = (
        "# Export fails\n\n## Symptoms\n\nThe export tab shows the following information.\n\n"
        "| Error Information field | Value |\n|---|---|\n| **Error** | write-denied |\n"
        "| **Connected source error** | Not allowed to write the attribute. |\n| **Run profile** | Export |\n\n"
        "## Resolution\n\n1. Grant write permission to the connector account.\n"
    )
    problem = parse_article(article.encode(), "export.md").problems[0]
    assert problem.error_messages == ["write-denied", "Not allowed to write the attribute."]


def test_the_steps_that_lead_to_an_error_are_not_error_text() -> None:
    article = (
        "# Password reset fails\n\n## Symptoms\n\n"
        "A user takes the following steps, and then receives an `SSPR_0042` error:\n\n"
        "1. The user opens the reset page.\n2. The user enters a new password and selects **Finish**.\n\n"
        "## Resolution\n\n1. Turn on password writeback.\n"
    )
    problem = parse_article(article.encode(), "reset.md").problems[0]
    assert problem.error_messages == []
    assert "SSPR_0042" in problem.error_codes


CLEANUP = """# Removing the agent

## Problems with hooks

If the resources themselves cannot be deleted, run the cleanup script below.

```shell
agentctl purge --all
```

If you encounter the following error, it is possible that an incomplete removal left the agent's hook registered.

`error when patching "STDIN": failed calling hook "guard.agent.example": service "agent-hook" not found`

{after}
"""


def test_a_quoted_error_after_the_following_error_in_the_steps_is_error_text() -> None:
    article = CLEANUP.format(after="Delete the hook registration, then run the script again.")
    problem = parse_article(article.encode(), "agent.md").problems[0]
    assert problem.error_messages == [
        'error when patching "STDIN": failed calling hook "guard.agent.example": service "agent-hook" not found'
    ]


def test_a_command_after_the_following_error_is_no_error_text() -> None:
    # The sentence names the error without showing it: the line after it is what to run.
    article = CLEANUP.replace(
        '`error when patching "STDIN": failed calling hook "guard.agent.example": service "agent-hook" not found`',
        "`agentctl hook delete guard.agent.example --force`",
    ).format(after="Run the script again.")
    assert parse_article(article.encode(), "agent.md").problems[0].error_messages == []


@pytest.mark.parametrize(
    ("lead", "line"),
    [
        (
            "When the install finishes, you should see the following output, which means it runs.",
            "Agent is running.",
        ),
        (
            "If the install worked, you get the following message:",
            "Agent installed successfully on all nodes.",
        ),
        ("If you see the following warning, you can safely ignore it.", "cgroup v1 is deprecated"),
    ],
)
def test_what_success_prints_among_the_steps_is_no_error_text(lead: str, line: str) -> None:
    article = f"# Agent\n\n## Install\n\nRun the installer.\n\n```bash\nagentctl install\n```\n\n{lead}\n\n`{line}`\n"
    assert parse_article(article.encode(), "agent.md").problems[0].error_messages == []


def test_a_quoted_error_after_the_following_error_inside_a_numbered_step_is_error_text() -> None:
    error = 'failed calling hook "guard.agent.example": service "agent-hook" not found'
    steps = f"1. Run the cleanup script.\n2. If you encounter the following error, the hook is left.\n\n   `{error}`\n"
    article = f"# Removing the agent\n\n## Problems with hooks\n\n{steps}\n3. Delete the hook registration.\n"
    assert parse_article(article.encode(), "agent.md").problems[0].error_messages == [error]


@pytest.mark.parametrize("fence", ["console", "", "text"])
def test_the_command_a_lead_in_announces_is_no_error_text_but_what_it_printed_is(fence: str) -> None:
    article = (
        "# Agent cannot register\n\n## Symptoms\n\nRegistration fails with `0x80072EE7`. "
        "Open a Command Prompt window, and then run the following command:\n\n"
        f"```{fence}\nnslookup registration.example.com\n```\n\n"
        "If the lookup fails, run the following command to see why:\n\n"
        f"```{fence}\nagentctl diagnose\ndiagnose: name resolution failed for registration.example.com\n```\n"
    )
    messages = _messages_of(article)
    assert not any("nslookup" in m or "agentctl" in m for m in messages)
    assert "diagnose: name resolution failed for registration.example.com" in messages


def test_a_link_announced_as_the_following_article_is_no_error_text() -> None:
    assert _messages_of(
        "# Agent cannot register\n\n## Symptoms\n\nYou receive the following error message:\n"
        "Registration failed for this device.\n\n"
        "## More information\n\nFor more about the agent's settings, see the following article:  \n"
        "[Manage the agent with PowerShell](https://example.com/agent).\n"
    ) == ["Registration failed for this device."]


def _messages_of(article: str) -> list[str]:
    """The error messages of the first problem of ``article`` (Markdown)."""
    return parse_article(article.encode(), "agent.md").problems[0].error_messages


def test_a_fix_that_shows_its_command_like_this_gives_no_error_message() -> None:
    # "…like this:" announces output only when the sentence says something is seen or failed;
    # an instruction shown "like this:" is followed by its command.
    article = (
        "# Relay setup\n\n## Relay refuses to start\n\n### Symptoms\n\nThe relay exits at once.\n\n"
        "### Resolution\n\nPoint the relay at another spool folder, like this:\n\n"
        "```console\nrelayd --spool /srv/spool \\\n  --workers 4\n```\n\n"
        "If it still fails, you see something like this:\n\n```\nrelayd: spool folder is locked\n```\n"
    )
    problem = parse_article(article.encode(), "relay.md").problems[0]
    assert problem.error_messages == ["relayd: spool folder is locked"]


def test_output_after_the_log_says_is_an_error_message() -> None:
    # A forum post quotes its log: "The log says:" announces what the program printed.
    article = (
        "# Zigbee stick not found\n\nAfter the update the integration does not start. The log says:\n\n"
        "```\nFailed to set up ZHA: could not open port /dev/ttyUSB0\n```\n\n"
        "The update renamed the device. Do this:\n\n1. Use the stable path under `/dev/serial/by-id/`.\n"
    )
    problem = parse_article(article.encode(), "zigbee.md").problems[0]
    assert problem.error_messages == ["Failed to set up ZHA: could not open port /dev/ttyUSB0"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Builds fail halfway and the console shows `Agent went offline during the build`.",
        "After a deploy the log says `Resetting offset for partition orders-0`.",
    ],
)
def test_inline_code_the_screen_or_log_shows_is_an_error_message(sentence: str) -> None:
    article = f"# Agents\n\n## Builds stop\n\n### Symptoms\n\n{sentence}\n\n### Resolution\n\n1. Restart the agent.\n"
    [problem] = parse_article(article.encode(), "agents.md").problems
    assert problem.error_messages == [sentence.split("`")[1]]


def test_status_values_a_screen_shows_in_code_that_read_as_failures_are_error_messages() -> None:
    # An agent's card quotes what the admin console shows for a device, a service's reason token and
    # an HTTP status with its reason ("the device shows `APNs: BadDeviceToken` or `410 Unregistered`"):
    # no word for an error, and neither was a message or a code.
    article = (
        "# Push notifications\n\n## No pushes after a phone swap\n\n### Symptoms\n\n"
        "On the Devices tab the handset shows `GCM: InvalidRegistration` or `410 Unregistered` after the move.\n\n"
        "### Resolution\n\n1. Sign out of the app.\n2. Sign in again.\n"
    )
    [problem] = parse_article(article.encode(), "push.md").problems
    assert problem.error_messages == ["GCM: InvalidRegistration", "410 Unregistered"]
    assert "InvalidRegistration" in problem.error_codes


def test_a_value_a_screen_shows_that_reads_as_no_failure_is_no_message() -> None:
    # Guard: what the screen shows when all is well, or a setting's value, stays the symptoms' text.
    article = (
        "# Push notifications\n\n## Pushes arrive late\n\n### Symptoms\n\n"
        "The handset shows `Push: Registered` and the tab shows `Last seen 2 h ago` while messages lag.\n\n"
        "### Resolution\n\n1. Turn off battery saving.\n"
    )
    [problem] = parse_article(article.encode(), "push.md").problems
    assert problem.error_messages == []


def test_a_question_that_quotes_an_error_gives_it_as_an_error_message() -> None:
    article = (
        '# Git FAQ\n\n## How do I fix "fatal: refusing to merge unrelated histories"?\n\n'
        "The branches share no commit. If they belong together, run `git pull --allow-unrelated-histories`.\n\n"
        "## Why does `git status` take a minute?\n\nThe index is large. Run `git gc`.\n"
    )
    problems = parse_article(article.encode(), "git.md").problems
    assert [p.error_messages for p in problems] == [["refusing to merge unrelated histories"], []]


@pytest.mark.parametrize(
    ("heading", "messages"),
    [
        # A message after its code, as a reference heads each message.
        ("ORA-28001: the password has expired", ["the password has expired"]),
        (
            "AADSTS50105: The signed in user is not assigned to a role",
            ["The signed in user is not assigned to a role"],
        ),
        # An advisory's or an incident's number of a year: what it is about is no message.
        ("CVE-2024-3094: xz-utils backdoor", []),
        ("INC-2024-0042: Checkout returned 502 for 47 minutes", []),
        # A ticket's or a decision record's title, what to do: no message either.
        ("ADR-0007: Use PostgreSQL for the event store", []),
        ("JIRA-1234: fix login redirect", []),
        ("TW-102: station ID unknown", ["station ID unknown"]),
    ],
)
def test_an_error_heading_s_message_after_its_code_is_its_error_message(
    heading: str, messages: list[str]
) -> None:
    article = parse_article(
        f"# Errors\n\n## {heading}\n\nThe sign-in stops.\n\n1. Sign in again.\n".encode(), "a.md"
    )
    [problem] = article.problems
    assert problem.error_messages == messages


BODY_ARTICLE = """# Uploads are refused

## Symptoms

{sentence}

## Resolution

1. Raise the upload quota.
"""


@pytest.mark.parametrize(
    "sentence",
    [
        "Clients receive `503 Service Unavailable` with the body `Upload rejected because the quota was exceeded`.",
        "The gateway responds with the response body `Upload rejected because the quota was exceeded`.",
    ],
)
def test_a_failure_a_response_carries_as_its_body_is_an_error_message(sentence: str) -> None:
    """A cloud provider's symptoms name the status a client gets, then the body it carries: what a
    reader pastes from the client's log."""
    problem = parse_article(BODY_ARTICLE.format(sentence=sentence).encode(), "uploads.md").problems[0]
    assert "Upload rejected because the quota was exceeded" in problem.error_messages


@pytest.mark.parametrize(
    "sentence",
    [
        # What success carries, announced the same way.
        "Before the change, clients got `200 OK` with the body `Upload stored in bucket uploads-eu`.",
        # A body the reader is told to send, not one received.
        "Send a request with the body `Upload rejected because the quota was exceeded` to test the alert.",
    ],
)
def test_a_body_that_is_no_failure_or_is_not_received_is_no_error_message(sentence: str) -> None:
    problem = parse_article(BODY_ARTICLE.format(sentence=sentence).encode(), "uploads.md").problems[0]
    assert problem.error_messages == []


LOGGED = """# Cache writes fail after failover

## What you see

* the app returns **500 Internal Server Error**
* app log:

    {line}

## Fix

1. Point the app at the sentinel address.
"""


def test_a_log_line_pasted_as_text_under_its_lead_in_is_an_error_message() -> None:
    """A log line indented under "app log:" by less than a code block needs is a paragraph of the
    bullet: it is what the log printed, as it would be in a code block."""
    line = "2026/03/04 22:41:09 [error] worker-3: write to cache-1:6379 failed (READONLY replica)"
    problem = parse_article(LOGGED.format(line=line).encode(), "cache.md").problems[0]
    assert problem.error_messages == [line]


@pytest.mark.parametrize(
    "line",
    [
        # What the log says when all is well.
        "2026/03/04 22:41:09 [notice] worker-3: connected to cache-2:6379",
        # Prose that only opens with a date.
        "On 2026/03/04 the writes failed for ten minutes.",
    ],
)
def test_a_line_under_a_log_lead_in_that_reports_no_failure_or_is_prose_is_no_error_message(
    line: str,
) -> None:
    problem = parse_article(LOGGED.format(line=line).encode(), "cache.md").problems[0]
    assert problem.error_messages == []


def test_a_dated_line_without_a_lead_in_is_no_error_message() -> None:
    """A timeline's entry opens with its time too: only a lead-in that announces a log or an error
    makes the line after it printed text."""
    article = LOGGED.format(line="x").replace(
        "* app log:\n\n    x\n", "* 2026-03-04 22:41 the failover failed\n"
    )
    problem = parse_article(article.encode(), "cache.md").problems[0]
    assert problem.error_messages == []


QUOTED_NAME = """# Imports fail on invoke

## Symptoms

I get the error {shown} when I invoke the function.

## Resolution

1. Add the module to the deployment package.
"""


@pytest.mark.parametrize(
    ("shown", "message"),
    [
        # The message ends with a name it quotes: its closing mark is the message's own.
        (
            "**Cannot load handler 'main': No module named 'yaml'**",
            "Cannot load handler 'main': No module named 'yaml'",
        ),
        # A message in quotation marks, in bold: the marks only set it off.
        (
            '**"Cannot load handler main: no module named yaml"**',
            "Cannot load handler main: no module named yaml",
        ),
    ],
)
def test_a_bold_message_loses_only_the_quotation_marks_around_it(shown: str, message: str) -> None:
    problem = parse_article(QUOTED_NAME.format(shown=shown).encode(), "imports.md").problems[0]
    assert problem.error_messages == [message]


@pytest.mark.parametrize(
    "span",
    ["`proxy_connect_timeout 90s;`", "`max_allowed_packet_error_limit = 64M;`"],
)
def test_a_statement_of_a_configuration_file_is_no_error_message(span: str) -> None:
    """A directive to set names a timeout or an error in its words, but it is no text a program printed."""
    article = f"# Proxy timeouts\n\n## Symptoms\n\nThe proxy times out; the vhost has {span} in it.\n\n## Fix\n\n1. Raise it.\n"
    assert parse_article(article.encode(), "proxy.md").problems[0].error_messages == []


def test_a_message_that_ends_in_a_semicolon_after_the_words_that_show_it_is_still_one() -> None:
    article = (
        "# Proxy timeouts\n\n## Symptoms\n\nThe log shows the error `upstream timeout while reading header;`.\n\n"
        "## Fix\n\n1. Raise it.\n"
    )
    assert parse_article(article.encode(), "proxy.md").problems[0].error_messages == [
        "upstream timeout while reading header;"
    ]


LISTED_IN_A_STEP = """# Database does not start

## Resolution

1. Start it and read its log.
2. Look at the last lines of the log. The two errors it most often ends with are:
   - `FATAL: could not open lock file "/run/db/.lock": Permission denied` — fix with `chown db /run/db`
   - `FATAL: data directory "/srv/db" has invalid permissions` — fix with `chmod 700 /srv/db`
3. Start it again.
"""


def test_messages_a_list_in_a_step_opens_its_items_with_after_a_lead_that_names_errors_are_errors() -> None:
    # Each item says what to do about the error it opens with: the errors were only the steps' text.
    (problem,) = parse_article(LISTED_IN_A_STEP.encode(), "db.md").problems
    assert problem.error_messages == [
        'could not open lock file "/run/db/.lock": Permission denied',
        'data directory "/srv/db" has invalid permissions',
    ]
    assert [s.number for s in problem.steps] == ["1", "2", "2.1", "2.2", "3"]


@pytest.mark.parametrize(
    "lead",
    [
        # A lead that names no errors lists what to run or set, whatever its items open with.
        "Look at the last lines of the log, then run one of these:",
        # One that names errors but lists something else is no list of messages either.
        "The errors come from the following settings:",
    ],
)
def test_code_opening_the_items_of_a_list_led_in_otherwise_is_no_error(lead: str) -> None:
    text = LISTED_IN_A_STEP.replace(
        "Look at the last lines of the log. The two errors it most often ends with are:", lead
    )
    (problem,) = parse_article(text.encode(), "db.md").problems
    assert problem.error_messages == []


KUBELET_LINES = (
    'E0619 14:49:06.135666    3122 remote_runtime.go:366] "StopContainer from runtime service failed" '
    'err="rpc error: code = DeadlineExceeded desc = context deadline exceeded"\n'
    'E0619 14:51:06.136339    3122 remote_runtime.go:222] "StopPodSandbox from runtime service failed" '
    'err="rpc error: code = DeadlineExceeded desc = failed to stop container"\n'
)


def _cause_showing(fence: str) -> str:
    return (
        "# Volume migration stuck\n\n## Symptoms\n\nThe node is stuck in the pre-drain stage.\n\n"
        "## Reason\n\nLonghorn fails to finalise the migration. For example, in the kubelet's log:\n\n"
        f"```\n{fence}```\n\n## Resolution\n\n1. Restart the kubelet.\n"
    )


def test_a_cause_s_log_of_failures_is_error_text() -> None:
    # A Reason that shows the kubelet's failures as its evidence: pasted, those lines found nothing.
    [problem] = parse_article(_cause_showing(KUBELET_LINES).encode(), "stuck.md").problems
    assert len(problem.error_messages) == 1
    assert problem.error_messages[0].startswith('"StopContainer from runtime service failed"')
    assert "DeadlineExceeded" in problem.error_codes


@pytest.mark.parametrize(
    "fence",
    [
        # Settings, a log of routine lines, and a log whose failures are mixed with routine lines.
        "spec:\n  migratable: true\n  numberOfReplicas: 3\n",
        'I0619 14:49:06.135666    3122 kubelet.go:100] "Pod synced" pod="ns/p"\n',
        KUBELET_LINES + 'I0619 14:52:06.135666    3122 kubelet.go:100] "Pod synced" pod="ns/p"\n',
    ],
)
def test_a_cause_s_other_code_is_no_error_text(fence: str) -> None:
    [problem] = parse_article(_cause_showing(fence).encode(), "stuck.md").problems
    assert problem.error_messages == []


@pytest.mark.parametrize(
    "label",
    [
        "**Внимание!**",
        "**Важно:**",
        "**Примечание:**",
        "**Achtung:**",
        "**Wichtig!**",
        "**Avertissement :**",
        "**Advertencia:**",
        "**Atenção:**",
        "**Attenzione!**",
        "**Waarschuwing:**",
        "**Ostrzeżenie:**",
        "**警告：**",
        "**경고:**",
    ],
)
def test_a_bold_warning_label_in_another_language_before_the_steps_is_a_note(label: str) -> None:
    """A Russian "> **Внимание!** Перед …" over the steps of an error's fix was the problem's error
    message as well as a note: only some languages' words for Note and Important were advice labels,
    none for Warning, which a quote's bold label says as well as English "**Warning!**" does."""
    article = (
        "# Ошибка «Не удалось открыть журнал»\n\n## Симптомы\n\nОкно показывает:\n\n"
        "```\nНе удалось открыть журнал\n```\n\n## Решение\n\n"
        f"> {label} Сначала сохраните копию каталога журналов.\n\n"
        "1. Остановите службу.\n2. Удалите файл блокировки.\n"
    )
    problem = parse_article(article.encode(), "journal.md").problems[0]
    assert problem.error_messages == ["Не удалось открыть журнал"]
    assert [
        (n.text.endswith("Сначала сохраните копию каталога журналов."), n.after) for n in problem.notes
    ] == [(True, False)]


@pytest.mark.parametrize(
    "printed", ["Внимание: журнал повреждён", "Achtung: Datei beschädigt", "경고: 파일 손상"]
)
def test_a_plain_quoted_warning_in_another_language_stays_error_text(printed: str) -> None:
    """Programs print their language's word for "Warning" as they print "Warning:": without bold it opens
    no call-out (guard)."""
    article = (
        f"# Export stalls\n\n## Симптомы\n\nThe client shows:\n\n> {printed}\n\n## Решение\n\n1. Retry.\n"
    )
    problem = parse_article(article.encode(), "export.md").problems[0]
    assert problem.error_messages == [printed]


@pytest.mark.parametrize(
    "body",
    [
        '{"error": {"code": "quota_exceeded", "message": "Daily quota of 500 reached."}}',
        '{"errors": [{"message": "Field \'sku\' is required."}]}',
        '{"error": "invalid_grant", "error_description": "The refresh token has expired."}',
        '{"code": 409, "message": "Row version mismatch"}',
        '{"type": "about:blank", "title": "Forbidden", "status": 403, "detail": "Scope is missing."}',
        # An error's code beside its message, as payment gateways and SOAP bridges answer.
        '{"errorCode": "E2041", "errorMessage": "Signature does not match."}',
        '{"error_code": 4031, "message": "Merchant is disabled."}',
    ],
)
def test_a_json_block_of_an_error_response_is_output(body: str) -> None:
    # An API reference shows the body a failed call returns with no sentence announcing it: it was
    # taken for configuration, as every ``json`` block was.
    assert fence_output(_fence(f"```json\n{body}\n```\n")) == body


@pytest.mark.parametrize(
    "body",
    [
        # A request to send, configuration, a success whose error field is empty, a status that is well.
        '{"message": "Hello", "type": "text"}',
        '{"retries": 3, "timeout": "30s", "error_page": ""}',
        '{"data": {"id": 7}, "error": null}',
        '{"code": 200, "message": "Created"}',
        # Configuration that maps an error's code to what to serve, with no message of its own.
        '{"ErrorCode": 502, "ResponsePagePath": "/busy.html", "ErrorCachingMinTTL": 5}',
        '{"error_code": 429, "redirect": "/slow-down", "ttl": 60}',
        # A success that fills its error fields with the code and words for "no error".
        '{"errorCode": "0", "errorMessage": "success", "data": {"id": 7}}',
        '{"error_code": 0, "error_message": "OK", "items": []}',
        '{"retCode": "0", "errorMessage": "success"}',
        '{"error": {"code": "x", "message": "unfinished",',
        '["error", "message"]',
        "[" * 100_000,
    ],
)
def test_a_json_block_that_reports_no_error_is_no_output(body: str) -> None:
    assert fence_output(_fence(f"```json\n{body}\n```\n")) == ""


def test_a_shell_block_after_a_lead_in_that_says_a_step_results_in_errors_is_the_error() -> None:
    article = """# Archive disk does not mount

## Symptoms

Pods that use the archive disk stay in `ContainerCreating`. Mounting the disk by hand may result in errors such as:

```bash
mount: /mnt/archive: wrong fs type, bad option, bad superblock on /dev/vault/archive-01.
```

## Resolution

1. Run `fsck.ext4 -f /dev/vault/archive-01` on the node.
"""
    (problem,) = parse_article(article.encode(), "archive.md").problems
    assert problem.error_messages == [
        "mount: /mnt/archive: wrong fs type, bad option, bad superblock on /dev/vault/archive-01."
    ]


def test_an_error_a_cause_announces_is_the_problems_error_text_and_its_lead_in_the_cause() -> None:
    article = """# Image import never finishes

## Symptoms

Importing a disk image stays at 0% for hours.

## Cause

Images are read with direct I/O, which needs sizes in whole sectors. The importer pod may return the following error message:

```
image size 1048577 is not a multiple of the 4096-byte sector size
```

## Resolution

1. Pad the image to whole sectors with `truncate -s %4096 disk.img`.
"""
    (problem,) = parse_article(article.encode(), "import.md").problems
    assert problem.error_messages == ["image size 1048577 is not a multiple of the 4096-byte sector size"]
    assert problem.cause.startswith("Images are read with direct I/O")
    assert [s.text for s in problem.steps] == [
        "Pad the image to whole sectors with truncate -s %4096 disk.img."
    ]


@pytest.mark.parametrize(
    ("sentence", "messages"),
    [
        (
            "Errors such as `lease lost`, `quorum not reached` or a refused connection usually mean the peers cannot talk.",
            ["lease lost", "quorum not reached"],
        ),
        (
            "If you see `Operation not permitted` errors, the job wrote outside its sandbox.",
            ["Operation not permitted"],
        ),
        (
            "The most frequent error after an upgrade is `Method does not exist`.",
            ["Method does not exist"],
        ),
    ],
)
def test_code_spans_a_sentence_calls_errors_are_the_problems_error_text(
    sentence: str, messages: list[str]
) -> None:
    article = (
        f"# Cluster sync stalls\n\n## Symptoms\n\n{sentence}\n\n## Resolution\n\n1. Restart the peers.\n"
    )
    (problem,) = parse_article(article.encode(), "sync.md").problems
    assert problem.error_messages == messages


def test_code_spans_a_sentence_lists_as_settings_are_no_error_text() -> None:
    article = (
        "# Cluster sync stalls\n\n## Symptoms\n\nThe sync stalls when options such as `sync mode`, `peer list` "
        "or `lease time` differ between peers. If you see `sync mode` in the log, the peer restarted.\n\n"
        "## Resolution\n\n1. Restart the peers.\n"
    )
    (problem,) = parse_article(article.encode(), "sync.md").problems
    assert problem.error_messages == []


def test_code_spans_a_step_calls_errors_are_the_problems_error_text() -> None:
    """A fix that handles several errors names each among its steps ("One of the most frequent errors
    is `…`"): those are the problem's error text, as a quoted error inside a step is."""
    article = (
        "# Type checking\n\n## Resolving type errors\n\nHere's how to debug some common type errors:\n\n"
        "- One of the most frequent errors we meet is `7003: Method does not exist.` Check the method "
        "exists at run time.\n"
        "- If you see `Operation not permitted` errors, the check wrote outside its sandbox: run it again "
        "with `--no-sandbox`.\n"
        "- Errors such as `early EOF`, `index-pack failed` or a reset mean the download broke: retry.\n"
    )
    (problem,) = parse_article(article.encode(), "typecheck.md").problems
    assert problem.error_messages == [
        "7003: Method does not exist.",
        "Operation not permitted",
        "early EOF",
        "index-pack failed",
    ]


def test_quotations_a_step_calls_errors_are_the_problems_error_text() -> None:
    """A fix that sends each error elsewhere lists them by their words ('"Cannot remove domain"
    error when you try …'), one alone or several joined by "or"; a quotation that is a name is not
    an error ('the "Remove" link is unavailable'), nor is a quotation the step does not call one."""
    article = (
        "# Removing a domain fails\n\n## Problem\n\nYou can't remove a domain.\n\n## Solution\n\n"
        "Go to the article for the error message that you receive:\n\n"
        '- [Article 1](https://example.com/1) "You cannot delete the default domain" error when you try '
        "to remove a domain\n"
        '- [Article 2](https://example.com/2) "Domain has associated subdomains" or "You cannot remove a '
        'domain that has subdomains" error when you try to remove a domain\n'
        '- [Article 3](https://example.com/3) The "Remove" link is unavailable when you try to remove a '
        "domain: no error is shown\n"
        '- Type "Remove this domain now" in the box to confirm, and check that no error appears.\n'
        # Names the word after calls no error: a firewall rule, a site's error pages, a log, and a
        # setting quoted before a sentence that opens with "Warning".
        '- Add a "File and Printer Sharing" exception, and open the "Default Web Site" error pages.\n'
        '- Check the "Microsoft Windows Application Event Log" errors.\n'
        '- Set the policy to "Allow all incoming connections." Warning: this exposes the host.\n'
    )
    (problem,) = parse_article(article.encode(), "remove-domain.md").problems
    assert problem.error_messages == [
        "You cannot delete the default domain",
        "Domain has associated subdomains",
        "You cannot remove a domain that has subdomains",
    ]
    assert len(problem.steps) == 7


def test_code_spans_a_step_names_as_what_to_write_are_no_error_text() -> None:
    """Among steps code is what to type, and bold what to click: a span called a message ("a commit
    message like `gv: migrate to core`") or a bold name the reader sees is no error."""
    article = (
        "# Migrating a formula\n\n## Moving it to the new tap\n\n"
        "1. Open a pull request that deletes the formula, with a commit message like `gv: migrate to core`.\n"
        "2. In the dialog, you see **Select Users or Groups**; pick the tap's maintainers.\n"
        # A word for an error near a span does not call it one: only the words that name it do.
        "3. Once the errors are fixed, commit with a message like `gv: migrate to core tap`.\n"
        "4. Fix the error above. Then the console shows `Sync completed for all users`.\n"
    )
    (problem,) = parse_article(article.encode(), "migrate.md").problems
    assert problem.error_messages == []


def test_a_quoted_log_line_s_time_zone_and_pid_are_no_part_of_its_message() -> None:
    """A PostgreSQL log line's prefix ("%t [%p] ") is the time, its zone and the process id: the
    message is what follows its level. Before: the zone and pid were kept ("UTC [4121] FATAL: …")."""
    text = (
        "# Replica lag\n\n## Standby stops replaying WAL\n\nThe standby's log shows:\n\n"
        "```\n2026-02-11 22:41:09 CET [30117] FATAL:  could not receive data from WAL stream\n```\n\n"
        "1. Check the network between the primary and the standby.\n"
        "2. Raise `wal_keep_size` on the primary.\n"
    )
    (problem,) = parse_article(text.encode(), "replica.md").problems
    assert problem.title == "Standby stops replaying WAL"
    assert problem.error_messages == ["could not receive data from WAL stream"]
    assert [s.text for s in problem.steps] == [
        "Check the network between the primary and the standby.",
        "Raise wal_keep_size on the primary.",
    ]


def test_an_error_response_fence_is_parsed_as_json_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """A ``json`` fence is asked whether it is an error response by fence_output, then again by
    printed_failure and logged_failures: the same text, whose JSON is read once."""
    import json

    from indexer.messages import logged_failures, printed_failure

    loads = json.loads
    calls: list[str] = []

    def counted(text: str) -> object:
        calls.append(text)
        return loads(text)

    monkeypatch.setattr(json, "loads", counted)
    block = _fence('```json\n{"error": {"code": "quota_parsed_once", "message": "Quota exceeded"}}\n```\n')
    assert printed_failure(block)
    assert logged_failures([block])
    assert len(calls) == 1
