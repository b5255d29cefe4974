"""The error text an article quotes: what a reader will paste, found in descriptive blocks.

Authors quote the error a reader sees in many ways: a block quote, a fence of
program output, a bold line after "you receive the following error:", a long
inline code span, a column of a table. Only descriptive parts of an article are
searched (symptoms, error sections, introductions): a fence inside a resolution is
a command to run, never an error message.
"""

from __future__ import annotations

import json
import re
from typing import NamedTuple

import yaml
from markdown_it.tree import SyntaxTreeNode

from indexer.column_names import column_holds
from indexer.control_names import names_control
from indexer.error_responses import is_error_response
from indexer.errortext import FAILURE_WORDS, bracketed_code, error_codes, logged_as_failure, reports_failure
from indexer.heading_text import Quoted, quotations, quoted_words
from indexer.inline_text import inline_parts, inline_text
from indexer.knitted import knitted_output, printed_conditions
from indexer.roles import (
    ERROR_WORDS,
    MESSAGE_WORDS,
    UNSPACED_MESSAGE_WORDS,
    announces_error_elsewhere,
    message_like,
    names_failure,
    names_failure_unspaced,
)
from indexer.sections import (
    CODE,
    LISTS,
    STEP_COLUMN,
    block_text,
    cell_texts,
    has_links,
    is_callout,
    is_step_table,
    line_of,
    table_rows,
)

# Fence languages that hold something to run or configure, not text a program printed.
COMMAND_FENCES = frozenset(
    """powershell azurepowershell pwsh cmd bash sh shell zsh fish ps ps1 csharp cs c# python py
    javascript js typescript ts java xml html http kusto sql yaml yml json jsonc ini toml dos batch vb r
    vbscript ruby rb go golang rust dockerfile makefile hcl terraform nginx apacheconf diff patch
    properties conf cfg mermaid diagram plantuml dot graphviz promql logql metricsql flux influxql""".split()
)
# Command fences that authors also label what a shell or a service printed with (an event log in a
# ``dos`` block, an error response in ``json``); never a program's source.
_SHELL_OR_DATA_FENCES = frozenset(
    "powershell azurepowershell pwsh cmd bash sh shell zsh fish ps ps1 dos batch json jsonc http".split()
)
# Fences that hold data: a request or configuration, or the response a service returned.
_DATA_FENCES = frozenset({"json", "jsonc"})
# Fences that show a shell session: the lines without a prompt are what the program printed.
_SESSION_FENCES = frozenset("console shell-session terminal sh-session pycon".split())
# The languages a notebook's kernel runs, as nbconvert labels a cell's fence with them. A fence of any
# other language is a hand-written command (```sql over the rows it returns, ```yaml, Pandoc's {.bash}).
_KERNEL_FENCES = frozenset(
    "python python3 ipython ipython3 r julia scala javascript typescript java kotlin csharp fsharp go rust "
    "haskell ruby octave matlab".split()
)
_PROMPT = re.compile(
    r"^\s*(?:\$|#|>|->|\u279c|\u276f|PS[^>\n]{0,40}>|[A-Za-z]:\\[^>\n]{0,80}>|\[[^\]\n]{1,80}\][#$]"
    # user@host:~/dir$, user@host:~/> and host:/path # (bash, zsh and SUSE prompts)
    r"|[\w.-]{1,64}@[\w.-]{1,64}(?::[^\s#$>]{0,200})?\s?[#$>%]|[\w.-]{1,64}:/(?!/)[^\s#$>]{0,200}\s?[#$>])\s"
)
# A network device's prompt right before its command, a space or none between ("R1#show ip ospf
# neighbor", "switch> display interface brief", "edge-2(config-if)#ip mtu 1400"): such a command
# prints the device's state tables, error text only where they report a failure.
_DEVICE_PROMPT = re.compile(r"\s*[A-Za-z][\w.-]{0,62}(?:\([\w./-]{1,40}\))?[#>] ?[a-z][\w-]*(?:\s|$)")
# A line of a session that stands for output left out, not output.
_ELISIONS = frozenset({"...", "\u2026", "[...]", "(...)"})
# What box-and-arrow drawings are made of.
_DRAWING = (
    "-|+<>/\\_=*^\u2500\u2502\u250c\u2510\u2514\u2518\u251c\u2524\u252c\u2534\u253c\u2192\u2190\u2191\u2193"
)
_ERROR_LEAD = re.compile(
    r"\b(error|message|exception|following|resembles|receive|see|get|output|log)\b", re.I
)
# A list is quoted errors only when its lead-in's last sentence names them: "Consider the
# following scenario:", "see the following pages:" and "follow these steps:" announce lists too.
# "…takes the following steps, and then receives an error:" lists what was done, not what was printed.
_LISTS_OTHER = re.compile(
    r"\bfollowing (?:steps|actions|procedure|tasks|settings|pages|articles|links)\b", re.I
)
_LIST_LEAD = re.compile(r"\b(error|message|exception|warning|output)s?\b", re.I)
# "…you receive the following error message:" says the next fence is output, whatever its language.
_RECEIVED_LEAD = re.compile(
    r"\b(receive|see|get|encounter|hit|returns?|displays?|shows?|logs?|logged|prints?|reports?|fails? with|"
    # "Mounting it may result in errors such as:"
    r"result(?:s|ed|ing)? in)\b"
    # A mail server's or a report's reason for a failure ("…shows this bounce reason:") is its text too.
    r"[^:\n]{0,200}\b(error|message|exception|output|warning|(bounce|failure|rejection|error) reason)s?\b"
    r"|\b(error|message|exception)s?\b[^:\n]{0,200}"
    # "…a message that resembles the following:", "Snippet from the error event seen in the image:"
    r"\b(resembl|(seen|shown|logged|displayed|reported) (in|on|below|above|here)\b)"
    # What an error or a reason says, word for word ("The bounce reason reads:", "The error says:"), and an
    # example of one ("Example bounce reason:").
    r"|\b(error|message|exception|reason)s?\s+(reads|says)\s*:\s*$"
    # The whole of a message a question quoted a part of ("The full message is:", "The exact error reads:").
    r"|\b(full|complete|exact|whole|entire)\s+(error\s+)?(message|error)\s+(is|reads|says)\s*:\s*$"
    r"|^(an? )?(example|sample)( of( an?| the)?)?( \w+)? (error|message|reason)s?\s*:\s*$",
    re.I,
)
# "…you see something like this:" announces output, and so does "You will see something like:", the
# likeness right before its colon; "Configure the namespace, like this:" shows how to do it. A likeness
# is announced output only when the sentence says something is seen or failed.
_LIKENESS = re.compile(r"\bsimilar to\b|\blike (this|the following)\b|\bsomething like\s*:", re.I)
_SEEN = re.compile(
    r"\b(receive[sd]?|see|sees|seen|get|gets|encounter\w*|hit|returns?|displays?|shows?|logs?|logged|prints?|"
    r"reports?|fails?|errors?|messages?|exceptions?|output|warnings?)\b",
    re.I,
)

# "…`agent status` prints:", "you will see the following:": output announced by a verb alone, with
# no word for an error. What success prints is announced so too ("It outputs:" then a table of
# nodes), so the output is error text only when it reads as a failure (:func:`reads_as_failure`).
# The verbs alone, which _BARE_VERB_RUN_ON takes at a sentence's end too.
_PRINT_VERBS = r"prints?|printed|outputs?|returns?|returned|shows?|showed|displays?|displayed|reports?|reported|logs?|logged"
_PRINTS = (
    # A log's own verb of holding what was logged: "The event log has:", "the log contains:" (over a
    # fenced block right under a headingless article's title, it was no message).
    rf"\b(?:{_PRINT_VERBS}|shown as|says|said|responds?|logs?\s+(?:has|have|had|contains?|contained)|"
    r"(?:fails?|failed|stops?|stopped|exits?|exited|aborts?|aborted) with|"
    # What the output looks like or ends with ("The Kubernetes event looks like this:", "The job log ends
    # with:"): a failure only where it reads as one. Not what it should look like or end with ("The restore
    # log should end with:" in a fix, over the healthy output it is checked against).
    r"(?<!\bshould\s)(?<!\bmust\s)(?:(?:looks?|looked) like|(?:ends?|ended) with)|"
    r"(?:you|will|would|might|may|should|can|could|then|now)\s+(?:see|get|receive))"
    # "The screen shows one of:" over the messages it may show, one a line.
    r"(?:\s+(?:the following|this|these lines|something like this|one of(?: the following| these)?))?"
)
# A screen's banner, dialog or message that comes into view is announced by a verb of appearing ("When you
# click Print Label, a red banner appears:", "…this window pops up:"): over a help centre's error block right
# before the numbered fix, the lead said nothing was printed, and the block was no field of the problem.
# Only output that reads as a failure is taken (see announced_output), as for any such verb.
# In English, a window that opens is one too ("…a dialog box opens:"); in the other languages whose articles
# are read, their verbs of appearing (French "apparaît", "s'affiche", German "erscheint", Spanish and
# Portuguese "aparece", Italian "appare", Dutch "verschijnt", Russian "появляется"), which were no lead.
# Those languages put the verb before what appears too ("…, erscheint ein rotes Banner:", "aparece un aviso
# rojo:"): a few words may follow it.
# Italian "compare" is spelt as the English verb, whose imperative is no lead: "Compare it with:" over the
# output a healthy computer prints made that output the problem's message. So it is no lead with what the
# English imperative compares, or with what, right after it: a pronoun, a determiner or a preposition
# ("Compare it with:", "Then compare the output with this:", "Compare your output against:"). Not only
# with an Italian article after it: Italian puts an adverb or a place there, or nothing ("compare sempre
# questo errore:", "compare nella barra di stato:", "compare:"), and the banner and its code were lost.
_COMPARE_IT = (
    r"compare(?!\s+(?:it|them|the|an|this|that|these|those|your|its|our|my|their|both|each|what|how"
    r"|with|against|to)\b)"
)
_APPEARS = (
    r"\b(?:appears?|appeared|pops?\s+up|popped\s+up|comes?\s+up|came\s+up|opens|is\s+(?:shown|displayed)"
    r"|(?:appara[iî]t|apparaissent|s['\u2019]affichen?t?|erscheinen|erscheint|erschien|aparecen?|apareceu|apareció"
    rf"|appaiono|appare|{_COMPARE_IT}|compaiono|verschijnt|verschijnen|появляется|появляются|появилось|появилась)(?:\s+\w+){{0,4}})"
)
_PRINTS_LEAD = re.compile(rf"(?:{_PRINTS}|{_APPEARS})\s*:$", re.I)
# A quotation that is the subject of such a lead ('"debug capwap errors enable" on the WLC shows:', '"show
# logging" prints:'), perhaps with where it runs: the command that shows the output, no message of it.
_RUN_TO_SHOW = re.compile(
    r"\s+(?:(?:on|in|from|at)\s+(?:the\s+)?[\w./-]+(?:\s+[\w./-]+)?\s+)?" + _PRINTS + r"\s*:", re.I
)
# A word that calls the quotation right after it a message ('The error "Access is denied" in the event log
# shows:'): what a program printed, not the command whose output follows.
_CALLED_MESSAGE_BEFORE = re.compile(r"\b(?:error|message|warning|exception|alert)s?\s*$", re.I)
# The same verb where the sentence runs on around the output, with no colon: "If you see" / the
# output / "the CRDs are missing …" (see _runs_on); or the error named as the subject whose value the
# output is, as API docs show an exception ("If the exception is" / the exception as shown / "the
# account …").
_PRINTS_RUN_ON = re.compile(
    _PRINTS + r"$|\b(?:errors?|exceptions?|error messages?)\s+(?:is|are|was|reads)$", re.I
)
# The verb alone at such a sentence's end, no "the following" or "this" after it: the block is its object.
# Only right after its subject, which opens the sentence or its clause: "it", or a determiner and up to three
# words that are none ("The worker logs", "When the queue is full, the job prints"). "Check the logs",
# "Collect the kubelet logs": the word is a noun, the object of what to do, and the block a command.
_DETERMINER = r"(?:the|an?|this|that|these|those|its|their|each|every|our|your|my)\b"
_BARE_VERB_RUN_ON = re.compile(
    r"(?:^|,\s+)(?:it|" + _DETERMINER + r"(?:\s+(?!" + _DETERMINER + r")[^\s,]+){1,3})\s+"
    rf"(?:{_PRINT_VERBS})$",
    re.I,
)
# What a program prints when it fails, beside the words for a failure: its severity, or a state
# that stops it.
_SEVERITY_WORD = re.compile(r"\b(?:fatal|panic|abort(?:ed|ing)?|critical|expired|unsupported)\b", re.I)
# "…open a Command Prompt window, and then run the following command:": what follows starts with
# the command, not with what it printed.
_COMMAND_LEAD = re.compile(r"\b(run|type|enter|execute|paste)\b[^:\n]{0,200}\b(commands?|cmdlets?)\b", re.I)
# "…it indicates one of the following problems:", "This issue occurs if any of the following
# conditions are true:" — the list after it names causes, not things to do.
_CAUSES_LEAD = re.compile(
    r"(?:\b(?:indicates?|means?|caused|because|due to|occurs?|happens?|appears?)\b[^:\n]{0,80}\bthe following\b"
    r"|\b(?:under|in|for) (?:the following|these|any of these) (?:conditions|circumstances|cases|situations)\b)"
    r"[^:\n]{0,40}:\s*$",
    re.IGNORECASE,
)
# "the following error", "the following error message": a pointer at an error that comes next.
# Not "the following output" or "message": a how-to shows what success prints that way.
_FOLLOWING_ERROR = re.compile(r"\bthe following (?:[\w-]+ )?(?:error|exception|failure)s?\b", re.I)
_QUOTE_MARKS = "\"'\u201c\u201d"
# A command-line option ("-n", "--force", "-ReturnDeletedUsers") as a word of its own.
# (Or a query option as dig and its kin take them, "+short", "+trace": a DNS check under an error's heading
# was read as the error.)
_OPTION = re.compile(r"(?:^|\s)(?:--?|\+)[A-Za-z][\w-]*(?=[\s=:]|$)")
# Other marks of a command: a placeholder to fill in (<formula_name>), an environment
# variable set (TOOL_NO_UPDATE=1), a shell builtin first, commands chained or substituted.
_COMMAND_MARK = re.compile(
    r"<[a-z][\w-]*>|(?:^|\s)[A-Z][A-Z0-9]*_[A-Z0-9_]*=\S|&&|\$\(|^\s*(?:sudo|export|eval|chmod|chown|cd)\s"
)
# A search a command runs on what it reads ("… | grep ERROR", "grep -E 'ERROR|timeout' app.log"): its
# pattern names what is looked for, not what went wrong.
_FILTER = re.compile(r"(?:^|\|)[ \t]*(?:[a-z]?grep|rg|findstr|select-string|sls)\b.*", re.I)
# A line that opens as a command does, with a program's name in lower case ("ls -ld …", "sudo chown …",
# "./check.sh --all"); a program's message opens with a capital, a date or a severity in brackets.
_COMMAND_LINE = re.compile(r"(?:\.{0,2}/)?[a-z][\w.-]{0,40}(?:/[\w.-]{1,40}){0,8} ")
# What a command prints when what it checked is down, in no words for a failure: an HTTP status line
# of a client or server error, a Kubernetes pod's failed state, packets lost, a file system in use to
# the full ("… 100% /var").
_FAILED_STATE = re.compile(
    r"^HTTP/\d(?:\.\d)? [45]\d\d\b|\b(?:CrashLoopBackOff|OOMKilled|Evicted|ImagePullBackOff|ErrImagePull)\b"
    r"|\b(?:[1-9]\d?|100)(?:\.\d+)?% packet loss\b|\s100%[ \t]+/",
    re.M,
)
# A label alone on its line, over what it names ("Events:", "Pod Conditions:").
_LABEL_LINE = re.compile(r"[A-Za-z][\w -]{0,40}:")
# Where a sentence ends and the next begins (". The", "! Restart").
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")
# What describes a problem, in a table's header or a field's label ("Issue description", a help desk's "Details"),
# in the languages of localized help desks too ("Beschreibung", "Descripción", "Описание", "详细信息"): a German
# record's Beschreibung quoting the error dialog gave no message nor code where its Details did.
_DESCRIPTION_HEADER = re.compile(
    r"(?:issue |problem )?(?:description|details)|beschreibung|descripci[óo]n|descri[çc][ãa]o|descrizione|"
    r"beschrijving|beskrivning|beskrivelse|opis|описание|опис|açıklama|deskripsi|mô tả|説明|描述|설명|"
    r"détails|detalles|detalhes|dettagli|szczegóły|подробности|ayrıntılar|rincian|chi tiết|詳細|详细信息|상세 정보",
    re.I,
)
_VALUE_HEADER = re.compile(r"values?|settings?|data|contents?", re.I)
MAX_MESSAGE_CHARS = 1500
# A failure's log quoted as a cause's evidence is a few lines; a long one is a log file, no message.
MAX_LOGGED_LINES = 20
MAX_LEAD_CHARS = 400


class Quote(NamedTuple):
    """Error text found in an article: the text, its source line, and which block held it."""

    text: str
    line: int
    block: int = -1


Found = list[Quote]


class AlertRule(NamedTuple):
    """A Prometheus alerting rule an article defines: the alert's name, the messages its page
    carries (its summary and description, their templates placeholders) and its runbook's link."""

    name: str
    messages: list[str]
    runbook: str


# A rule file's fields as a rule sets them (a generated rule doc and a runbook show one so): an alert's
# name and the expression that fires it, each at the start of a line. Looked for before parsing.
_RULE_NAME_FIELD = re.compile(r"^[ \t]*(?:- )?alert:", re.M)
_RULE_EXPR_FIELD = re.compile(r"^[ \t]*expr:", re.M)
# A template Alertmanager fills in: a label's value ("{{ $labels.instance }}", the label its name) or
# another value ("{{ $value | humanize }}").
_LABEL_TEMPLATE = re.compile(r"\{\{[^{}]*?\$labels\.(\w+)[^{}]*\}\}")
_OTHER_TEMPLATE = re.compile(r"\{\{[^{}]*\}\}")
# The annotations Alertmanager's page shows as what fired.
_SHOWN_ANNOTATIONS = ("summary", "description", "message")


def alert_rule(block: SyntaxTreeNode) -> AlertRule | None:
    """The one alerting rule a code block defines (its ``alert:`` and ``expr:``, as a rule file writes
    them), or None: what fires is the alert, and the page it sends is its message, no command."""
    if block.type not in ("fence", "code_block"):
        return None
    content = block.content
    if not _RULE_NAME_FIELD.search(content) or not _RULE_EXPR_FIELD.search(content):
        return None
    try:
        rule = yaml.safe_load(content)
    except yaml.YAMLError:
        return None
    if isinstance(rule, list) and len(rule) == 1:
        rule = rule[0]
    if not isinstance(rule, dict) or not isinstance(rule.get("alert"), str) or "expr" not in rule:
        return None
    annotations = rule.get("annotations")
    annotations = annotations if isinstance(annotations, dict) else {}
    shown = [annotations.get(name) for name in _SHOWN_ANNOTATIONS]
    messages = [
        _OTHER_TEMPLATE.sub("<value>", _LABEL_TEMPLATE.sub(r"<\1>", text)).strip()
        for text in shown
        if isinstance(text, str)
    ]
    runbook = annotations.get("runbook_url")
    return AlertRule(rule["alert"], [m for m in messages if m], runbook if isinstance(runbook, str) else "")


def fence_output(block: SyntaxTreeNode, *, after_lead: bool = False, after_command: bool = False) -> str:
    """What a code block shows a program printed; "" when it is a command or configuration.

    ``after_lead``: the paragraph before it said an error follows ("…shows the
    following error:"), so even a fence labelled as a language holds output.
    ``after_command``: it said a command follows ("…run the following command:"), so
    the block's first line is that command, prompt or not.
    """
    if block.type not in ("fence", "code_block"):
        return ""
    language = _language(block)
    content = block.content.strip()
    if (printed := _knitted_chunk(block)) is not None:
        # What a knitted R chunk printed: its errors and warnings, or all of it where a sentence says so.
        return "\n".join(printed).strip() if after_lead else printed_conditions(printed)
    lines = content.split("\n")
    if after_command and not _PROMPT.match(lines[0]):
        lines = lines[1:]
        content = "\n".join(lines).strip()
    if after_lead and _searches(lines[0]):
        # "Look at the logs for the error:" over the search that finds it: what it printed, if shown.
        return _unless_command_first(lines, content)
    if block.type == "code_block":
        return content if after_lead or after_command else _unless_command_first(lines, content)
    if language in _SESSION_FENCES or (not language and lines and _PROMPT.match(lines[0])):
        return _session_output(lines)
    if language in COMMAND_FENCES and not after_lead:
        # A data block is configuration or a request, unless its fields say it reports an error:
        # an API's error response, shown with no sentence announcing it.
        return content if language in _DATA_FENCES and is_error_response(content) else ""
    if _is_drawing(content):
        return ""
    return content if after_lead or after_command else _unless_command_first(lines, content)


# A configuration run's result of a failed task, as Ansible prints it ("fatal: [web-07]: FAILED! => {…}",
# "… UNREACHABLE! => {…}", a loop's "failed: [web-07] (item=nginx) => {…}"): the host varies between
# runs, and the task banner over it and the recap under it are the console's.
_TASK_RESULT = re.compile(
    r"^[ \t]*(?:fatal|failed): \[[^\]\n]+\](?: \(item=[^\n]*?\))?:? (?:[A-Z]+! )?=> (?=\{)", re.M
)
# What a task's result says went wrong: its message, the packages or items that failed, what its
# command (or the module itself, when it crashed) wrote to stderr.
_RESULT_TEXT_FIELDS = ("msg", "failures", "stderr", "module_stderr")
# What a result that ran a command holds besides its "msg": its exit status and what it wrote to
# stderr. Its "msg" then only reports the exit ("non-zero return code", a crashed module's "MODULE
# FAILURE"), the same for every command: the stderr is what failed.
_COMMAND_RESULT_FIELDS = ("stderr", "module_stderr")


def task_result_messages(output: str) -> list[str]:
    """The error messages of the failed task results in ``output`` (:data:`_TASK_RESULT`): each
    result's "msg" (not a command's, beside its stderr: see :data:`_COMMAND_RESULT_FIELDS`), "failures"
    and "stderr" text, which a reader pastes or searches for; [] when it holds no such result."""
    if "=> {" not in output:
        return []
    decoder = json.JSONDecoder()
    found: list[str] = []
    for result in _TASK_RESULT.finditer(output):
        try:
            body, _ = decoder.raw_decode(output, result.end())
        except ValueError:
            continue
        if not isinstance(body, dict):
            continue
        ran = "rc" in body and any(_text_field(body, name) for name in _COMMAND_RESULT_FIELDS)
        for name in _RESULT_TEXT_FIELDS[1:] if ran else _RESULT_TEXT_FIELDS:
            value = body.get(name)
            for text in value if isinstance(value, list) else [value]:
                if isinstance(text, str) and text.strip():
                    found.append(text.strip())
    return list(dict.fromkeys(found))


def _text_field(body: dict[str, object], name: str) -> bool:
    """Whether a task result's field ``name`` holds text."""
    value = body.get(name)
    return isinstance(value, str) and bool(value.strip())


def _unless_command_first(lines: list[str], content: str) -> str:
    """``content``, unless its first line is a command written without a prompt (``ls -ld /var/lib/x``)
    or after a network device's (``R1#show ip ospf neighbor``): then what the command printed after it,
    if that reports a failure, else "" (a listing or a table that says all is as it should be, or
    more commands)."""
    if not _opens_with_command(lines[0]) or reads_as_failure(_FILTER.sub("", lines[0])):
        return content
    printed = "\n".join(
        line for chunk in _printed_lines(lines, first_is_command=True) for line in chunk
    ).strip()
    return printed if _prints_failure(printed) else ""


def device_command(line: str) -> bool:
    """Whether ``line`` is a command after a network device's prompt ("R1#show logging")."""
    return bool(_DEVICE_PROMPT.match(line))


def _opens_with_command(line: str) -> bool:
    """Whether a code block's first line is a command with no shell prompt: written bare, or after a
    network device's prompt, which names no program a reader types ("R1#show …")."""
    return bool(_DEVICE_PROMPT.match(line)) or (bool(_COMMAND_LINE.match(line)) and _is_command(line))


def _prints_failure(output: str) -> bool:
    """Whether what a command printed reports a failure, in words (:func:`reads_as_failure`) or as
    the state of what it checked (``HTTP/1.1 503``, ``CrashLoopBackOff``, ``100% packet loss``)."""
    return reads_as_failure(output) or bool(_FAILED_STATE.search(output))


def _later_command(line: str) -> bool:
    """Whether a line under a command written without a prompt is one more command: it reads as one,
    and reports no failure or opens with what only a command does ("sudo tail … errors.log"); or a
    network device's prompt opens it."""
    return bool(_DEVICE_PROMPT.match(line)) or (
        bool(_COMMAND_LINE.match(line))
        and _is_command(line)
        and (not reads_as_failure(_FILTER.sub("", line)) or bool(_COMMAND_MARK.match(line)))
    )


def _is_drawing(content: str) -> bool:
    """Box-and-arrow art (``+-----+ --> |``): most of it lines, hardly any words."""
    marks = sum(content.count(ch) for ch in _DRAWING)
    letters = sum(ch.isalpha() for ch in content)
    return marks >= 20 and marks > 2 * letters


def _session_output(lines: list[str]) -> str:
    """What a shell session printed. Where it runs two commands or more and some print a failure,
    only theirs, each without the label it opens with ("Events:"): the table that another command
    listed ("NAME AGE STATUS" over "hippo 12m Pending") shows what was checked, not what failed."""
    printed = _printed_lines(lines)
    failed = [chunk for chunk in printed if _prints_failure("\n".join(chunk))]
    if len(printed) > 1 and failed:
        printed = [_without_label(chunk) for chunk in failed]
    return "\n".join(line for chunk in printed for line in chunk).strip()


def _without_label(chunk: list[str]) -> list[str]:
    """A command's output without the label alone on its first lines ("Events:", "Conditions:")."""
    start = 0
    while start < len(chunk) - 1 and _LABEL_LINE.fullmatch(chunk[start].strip()):
        start += 1
    return chunk[start:]


def _printed_lines(lines: list[str], *, first_is_command: bool = False) -> list[list[str]]:
    """The lines of a shell session that are neither a command nor the continuation of one,
    nor an ellipsis that stands for output left out, as what each command printed; with
    ``first_is_command``, the first line is a command, though it has no prompt, and so are the
    lines under it that read as commands."""
    printed: list[list[str]] = [[]]
    continued = False
    for index, line in enumerate(lines):
        command = (
            continued
            or bool(_PROMPT.match(line))
            or (first_is_command and (index == 0 or _later_command(line)))
        )
        if command and not continued and printed[-1]:
            printed.append([])
        # A command goes on past a line that ends with a backslash.
        continued = command and line.rstrip().endswith("\\")
        if not command and line.strip() not in _ELISIONS:
            printed[-1].append(line)
    return [chunk for chunk in printed if chunk]


# "The log says:", "journalctl shows:": a log quoted in a question or a forum post, whatever it holds.
_LOG_SAYS = re.compile(
    r"\b(logs?|journal(ctl)?|event viewer|console)\b[^:\n]{0,40}\b(says|said|shows?|showed|reads?|contains?)\s*:?$",
    re.I,
)


def _announces_received(sentence: str) -> bool:
    """Whether ``sentence`` says that what follows is something printed or received."""
    return bool(
        _RECEIVED_LEAD.search(sentence)
        or (_LIKENESS.search(sentence) and _SEEN.search(sentence))
        or _LOG_SAYS.search(sentence)
        or announces_error_elsewhere(sentence)
    )


# A lead-in ends in a colon, a full-width one after Chinese, Japanese or Korean.
_COLONS = (":", "\uff1a")


# Chinese and Japanese end a lead-in to what is shown with "。" as often as with "：" ("…次のエラーが
# 返されます。"); such a sentence tells what to do when it says "in order to" ("…を解決するには") or
# "please" ("…ください", "请").
_CJK_FULL_STOP = "\u3002"
_CJK_INSTRUCTION = re.compile("には|ください|下さい|[请請]")


def _ends_lead(text: str) -> bool:
    """Whether ``text`` ends as a lead-in does: in a colon, or in "。" after a sentence that points at
    an error in Chinese or Japanese words and tells nothing to do."""
    if text.endswith(_COLONS):
        return True
    last = last_sentence(text) if text.endswith(_CJK_FULL_STOP) else ""
    return bool(last) and announces_error_elsewhere(last) and not _CJK_INSTRUCTION.search(last)


def _leads_to_error(text: str) -> bool:
    """A lead-in that names an error or a message, or points at one in another language ("…error
    message:", "…following:", "…以下错误："): a quoted line after it is error text."""
    return _ends_lead(text) and bool(
        _ERROR_LEAD.search(text) or announces_error_elsewhere(last_sentence(text))
    )


def _announces_following_error(text: str) -> bool:
    """A paragraph whose last sentence says "the following error" is met, though it goes on past it:
    "If you encounter the following error, the agent's hook is probably still registered.", then the error.

    Weaker than :func:`is_error_lead`: the sentence may end before what it announces, so only a
    quoted line that reads as printed text is taken after it (:func:`_announced_quote`).
    """
    last = last_sentence(text)
    return bool(_FOLLOWING_ERROR.search(last) and _announces_received(last))


def is_command_lead(text: str) -> bool:
    """A paragraph whose last sentence announces a command to run: "…run the following command:"."""
    return text.endswith(":") and bool(_COMMAND_LEAD.search(last_sentence(text))) and not is_error_lead(text)


def is_error_lead(text: str) -> bool:
    """A paragraph whose last sentence announces error text: "…you receive the following error message:".

    Only the last sentence counts: "You may hit this error when creating an Issuer.
    For example, with the following command:" announces a command.
    """
    if not _ends_lead(text):
        return False
    return _announces_received(last_sentence(text))


def _leads_in_unread_words(text: str) -> bool:
    """Whether a paragraph ends as a lead-in does (see :func:`_ends_lead`) in a sentence written mostly in
    letters beyond ASCII ("გადახდის დეტალებში წერია:", "ٹرانزیکشن کی تفصیل میں لکھا ہے:"): in a language
    whose verbs of showing may be none of those read, so it may announce what a program printed."""
    if not _ends_lead(text):
        return False
    letters = [c for c in last_sentence(text) if c.isalpha()]
    return sum(not c.isascii() for c in letters) * 2 > len(letters)


def announces_output(text: str) -> bool:
    """A paragraph whose last sentence announces what a program printed by its verb alone:
    "After the upgrade, `agent status` prints:", "When the cache is full, you will see:"."""
    # The lead ends in a colon: most paragraphs are not searched.
    return text.rstrip().endswith(":") and bool(_PRINTS_LEAD.search(last_sentence(text)))


# A count of none of a failure's words, as a summary of a run that went well writes it ("backup completed: 0
# errors, 0 warnings", "Tests: 0 failed, 42 passed", "Errors: 0"): no word for a failure. Read as one, a
# fix's "A healthy run's last line looks like this:" made the healthy line the problem's error message.
_NONE_FAILED = re.compile(
    r"\b0[ \t]+(?:errors?|warnings?|failed|failures?|error\(s\)|warning\(s\))(?!\w)"
    r"|\b(?:errors?|warnings?|failed|failures?)[ \t]*[:=][ \t]*0(?![\w.])",
    re.I,
)


def reads_as_failure(output: str) -> bool:
    """Whether printed output reports a failure: words for one ("not supported", "denied"), its
    severity ("fatal:"), or an error code; not a count of none ("0 errors, 0 warnings")."""
    output = _NONE_FAILED.sub(" ", output)
    return reports_failure(output) or names_failure(output) or bool(_SEVERITY_WORD.search(output))


def printed_failure(block: SyntaxTreeNode) -> str:
    """What a code block shows a program printed (:func:`fence_output`) when it reads as a failure, or an
    API's error response whose fields report one, whatever its words (an HTTP error reference's problem+json
    body, ``{"title": "Too many requests", "status": 429}``); "" for a command, a configuration, output
    that reports none, or any other block."""
    return failure_shown(block, fence_output(block))


def failure_shown(block: SyntaxTreeNode, printed: str) -> str:
    """``printed``, what code ``block`` shows a program printed (its :func:`fence_output`), when it reads as a
    failure, as :func:`printed_failure` tells; "" when it does not. For a caller that has it already."""
    # Of a knitted chunk's output, only R's errors and warnings are left, each a failure R reports. The same
    # test as fence_output's: any other block that opens with "##" (a Markdown template, a comment over a
    # command) reports a failure by its words only.
    knitted = bool(printed) and _knitted_chunk(block) is not None
    reports = knitted or reads_as_failure(printed) or _error_response(printed)
    return printed if printed and reports else ""


def _error_response(printed: str) -> bool:
    """Whether what a block printed is an API's error response (:func:`is_error_response`), a JSON object
    only: the cheap test of its first character spares most output the parse."""
    return printed.startswith("{") and is_error_response(printed)


def cell_failure(blocks: list[SyntaxTreeNode]) -> str:
    """What the code cell that opens ``blocks`` printed when it failed: code labelled by its language
    (a notebook's ```` ```python ```` cell) right over a block of no language, its output, that reads as
    a failure, as a notebook exported to Markdown shows a cell's error under it; "" for any other
    opening. Read apart, the code and the error it printed were one step of the fix."""
    return printed_failure(blocks[1]) if len(blocks) > 1 and _code_cell(*blocks[:2]) else ""


def _code_cell(code: SyntaxTreeNode, output: SyntaxTreeNode) -> bool:
    """Whether ``code`` and ``output`` are a notebook's cell as Markdown exports it: code labelled by its
    language (```` ```python ````, no output of its own) right over a block of no language, what it printed."""
    return (
        code.type == "fence"
        and output.type in ("fence", "code_block")
        and bool(_language(code))
        and not fence_output(code)
        and not _language(output)
    )


def cell_with_output(code: SyntaxTreeNode, output: SyntaxTreeNode) -> bool:
    """Whether ``code`` and ``output`` are a notebook's cell and what it printed as nbconvert writes them
    apart from a hand-written command: a cell (:func:`_code_cell`) of a kernel's language (see
    _KERNEL_FENCES) over an indented block, as nbconvert writes a cell's output."""
    # A fence of no language or a shell's over indented output is a command and what it prints, as a
    # hand-written article shows its last step's "df -h /var/lib/docker" over the filesystems it lists;
    # so is one of any language no kernel runs (a database runbook's ```sql over the rows it returns).
    # The language first: a set lookup that turns most fences away before _code_cell reads the fence through.
    return output.type == "code_block" and _language(code) in _KERNEL_FENCES and _code_cell(code, output)


def setup_cells(blocks: list[SyntaxTreeNode]) -> bool:
    """Whether the code among ``blocks`` is a notebook's cells that ran as they should, and no list
    stands among them: each block of code labelled by its language (a ```` ```python ```` cell) right
    over a block of no language, its output, that reads as no failure, as nbconvert exports the set-up
    cells a notebook runs before its first section ("import pandas as pd" over "'2.2.3'"). What they
    do prepares the page; no fix."""
    cells, index = 0, 0
    while index < len(blocks):
        block = blocks[index]
        if block.type in LISTS:
            return False
        if block.type in ("fence", "code_block"):
            output = blocks[index + 1] if index + 1 < len(blocks) else None
            if output is None or not _code_cell(block, output) or printed_failure(output):
                return False
            cells, index = cells + 1, index + 1
        index += 1
    return cells > 0


def announces_causes(paragraph: str) -> bool:
    """A paragraph whose last sentence says that a list of causes follows ("…it indicates
    one of the following problems:"), not things to do."""
    return bool(_CAUSES_LEAD.search(last_sentence(paragraph)))


# Where a sentence of Chinese or Japanese ends: "。" needs no space after it.
_CJK_SENTENCE_END = re.compile(r"(?<=[\u3002\uff01\uff1f])(?=\S)")


def last_sentence(text: str) -> str:
    """The last sentence of ``text``, within its last MAX_LEAD_CHARS: what a lead-in says of what follows it."""
    # A lead-in is one sentence: its last MAX_LEAD_CHARS are enough, and bound the search.
    return _CJK_SENTENCE_END.split(SENTENCE_END.split(text[-MAX_LEAD_CHARS:])[-1])[-1]


# Where a reply quotes the message it answers ("-----Original Message-----", "On Mon, 9 Feb 2026, Jo
# wrote:"): what follows is the thread's history.
REPLY_MARKER = re.compile(r"-{2,} ?original message ?-{2,}|on\s.{1,200}\swrote:", re.I)


def _quoted_reply(before: SyntaxTreeNode | None, block: SyntaxTreeNode) -> Found | None:
    """Of a quote right under a reply's marker ("On Mon, … wrote:"), the message it quotes, the error
    text inside it: what its writer quoted in turn, or showed as printed; None for any other block. The
    quote is its writer's words, and read whole as one error message it outweighed the error it holds."""
    if not (
        block.type == "blockquote"
        and before is not None
        and before.type == "paragraph"
        and REPLY_MARKER.fullmatch(block_text(before).strip())
    ):
        return None
    return messages_in(list(block.children))


def messages_in(blocks: list[SyntaxTreeNode], *, fences: bool = True, steps: bool = False) -> Found:
    """Quoted error text in descriptive blocks, with the line each starts on.

    With ``fences`` false (an answer or a how-to, where code blocks are commands), a
    code block only counts when the paragraph before it announces an error. With ``steps``
    (an answer's blocks), a list that no line announces as errors is its steps, read as
    :func:`nested_quotes` reads steps.
    """
    found: list[tuple[str, int]] = []
    out: Found = []
    lead_in = received = printed = names_errors = command = unread = False
    for index, block in enumerate(blocks):
        text = block_text(block)
        quoted = (
            (lead_in and (_is_quoted_paragraph(block) or _logged_failure(block)))
            or ((lead_in or printed) and _printed_line(block))
            # A line wholly in italics that reads as printed: how a blog's editor sets apart what the
            # screen showed (in red, often), with no lead-in. Not a sentence of the author's in italics
            # ("Update: it failed again, so I …."), which ends as prose does, colon or not.
            or (_lone_part(block) == "em" and _printed_line(block) and not text.rstrip().endswith("."))
        )
        if is_callout(block):
            # A note is advice, but the output it shows after "…prints a different message:" is an error.
            found.extend((q.text, q.line) for q in announced_output(list(block.children)))
        elif (replied := _quoted_reply(blocks[index - 1] if index else None, block)) is not None:
            found.extend((q.text, q.line) for q in replied)
        elif block.type == "blockquote":
            # A quote that links elsewhere is a reference ("reported in #2736"), unless a
            # lead-in announced it: error pages do link to help articles.
            if lead_in or received or not has_links(block):
                found.append((text, line_of(block)))
        elif block.type in ("fence", "code_block"):
            output = (
                fence_output(block, after_lead=received, after_command=command) if fences or received else ""
            )
            if not output and (printed or unread) and _may_show_output(block):
                # "Look at the logs:" over the command that shows them: only what it printed. So under a
                # lead-in in words not read (a Georgian or an Urdu "…it says:"), where what it shows is one
                # line that reads as a failure, no data ('{"timeout": 30}' under "次の設定を使用します："):
                # it was left out of the problem, kept where the labels were English.
                shown = fence_output(block, after_lead=True)
                output = _unless_command_first(shown.split("\n"), shown) if shown else ""
                one = "\n" not in output and not output.startswith(("{", "[", "<"))
                output = output if reads_as_failure(output) and (printed or one) else ""
            if not output:
                # Lines logged at a failure's level ("level=warn msg=…", "E0619 …") are what went
                # wrong, announced or not: no command or configuration reads so.
                output = next((q.text for q in logged_failures([block])), "")
            if output:
                found.extend((m, line_of(block)) for m in task_result_messages(output) or [output])
            elif fences:
                found.extend((m, line_of(block)) for m in failed_conditions(block))
        elif block.type in LISTS and lead_in and names_errors:
            found.extend((block_text(item), line_of(item)) for item in block.children)
        elif block.type == "ordered_list" and steps:
            # An answer's numbered fix: among steps code is what to type ("Set `DATABASE_URL:
            # postgres://…`" under a Q&A wiki's "**Q:**" was the question's only message), and only what
            # a step calls an error counts, as under a Resolution heading. Numbered only: a bulleted list
            # under a question is as often what is seen ("- The browser shows `AADSTS50105: …`"), whose
            # message and code were lost when every list was read as steps.
            found.extend((q.text, q.line) for q in nested_quotes([block], fences=fences))
        elif block.type in LISTS:
            for item in block.children:
                found.extend((q.text, q.line) for q in messages_in(list(item.children), fences=fences))
        elif quoted:
            found.append((_unquoted(text), line_of(block)))
        elif fences and (shown := _lone_code(block)):
            # A paragraph that is one span of code shows text as a code block does: a runbook's
            # alert line under "Alert", which says nothing of a failure in words.
            found.append((shown, line_of(block)))
        elif (lead_in or received or printed) and _printed_in_alt(alt := _image_alt(block)):
            # A screenshot of the error under "…shows the following result:": its alt text says it.
            found.append((alt, line_of(block)))
        elif block.type == "paragraph":
            found.extend((m, line_of(block)) for m in _messages_in_paragraph(block))
        elif block.type == "table":
            found.extend((m, line_of(block)) for m in table_messages(block))
        out.extend(Quote(m, line, index) for m, line in found if m)
        found.clear()
        # "…you receive the following error:" then one or more bold or quoted lines.
        lead_in = quoted or (block.type == "paragraph" and _leads_to_error(text))
        names_errors = lead_in and _names_errors(text)
        received = block.type == "paragraph" and is_error_lead(text)
        printed = block.type == "paragraph" and announces_output(text)
        command = block.type == "paragraph" and is_command_lead(text)
        unread = block.type == "paragraph" and not printed and _leads_in_unread_words(text)
    return out


def _image_alt(block: SyntaxTreeNode) -> str:
    """The alt text of a paragraph that is one image and nothing else; "" for any other block."""
    parts = inline_parts(block, spacing=False)
    return parts[0].content.strip() if len(parts) == 1 and parts[0].type == "image" else ""


def _printed_in_alt(alt: str) -> bool:
    """Whether an image's alt text is the failure it shows, as printed ("Autodiscover failed: The remote
    server returned an error: (401)"), not a description of the picture ("Screen shot of the error")."""
    return reports_failure(alt) and (":" in alt or bool(error_codes(alt)))


def _names_errors(lead: str) -> bool:
    """Whether a lead-in's last sentence says that what follows is what was printed.

    "…might occur because of the following problems:" lists causes, and "…takes the following
    steps, and then receives an error:" what was done.
    """
    last = last_sentence(lead)
    return bool(_LIST_LEAD.search(last)) and not _LISTS_OTHER.search(last) and not announces_causes(lead)


# A column's name in a table a command prints: words one space apart ("LAST SEEN"), two or more
# between columns.
_PRINTED_COLUMN = re.compile(r"\S+(?: \S+)*")
# A Kubernetes event's Reason: one CamelCase word ("FailedScheduling", "BackOff").
_EVENT_REASON = re.compile(r"[A-Z][A-Za-z]+")


def event_messages(block: SyntaxTreeNode) -> dict[str, list[tuple[str, int]]]:
    """The Message of each row of the Kubernetes events table a code block shows (``kubectl
    describe``'s "Events:", ``kubectl get events``), with its line, by the row's Reason; {} for any
    other block.

    A page about such output explains each event under a heading that names its Reason, and a reader
    pastes the Message: the row's column is that section's error message. Columns are cut where the
    header's names begin, as the command aligns them: an Age ("4m (x4 over 5m)") holds spaces too.
    """
    if block.type not in ("fence", "code_block"):
        return {}
    lines = block.content.splitlines()
    header, columns = next(
        ((n, cut) for n, line in enumerate(lines) if (cut := _event_columns(line)) is not None), (0, None)
    )
    if columns is None:
        return {}
    reason, message = columns
    first = line_of(block) + (1 if block.type == "fence" else 0)
    found: dict[str, list[tuple[str, int]]] = {}
    for n, line in enumerate(lines[header + 1 :], start=header + 1):
        if not line.strip(" -"):
            continue
        if len(line) <= message or line[message - 1] != " " or (reason and line[reason - 1] != " "):
            # Not aligned under the header: the table has ended.
            break
        cell, text = line[reason:message].split(), line[message:].strip()
        if cell and _EVENT_REASON.fullmatch(cell[0]) and text:
            found.setdefault(cell[0], []).append((text, first + n))
    return found


# The fields of a resource's status conditions, looked for before parsing.
_CONDITIONS_FIELD = re.compile(r"^[ \t]*conditions:", re.M)
_MESSAGE_FIELD = re.compile(r"^[ \t]*(?:- )?message:", re.M)


def failed_conditions(block: SyntaxTreeNode) -> list[str]:
    """The ``message`` of each condition a Kubernetes resource's status (a YAML block of it, as
    ``kubectl get -o yaml`` prints it) reports as not met (``status: "False"``): what a reader pastes
    from it. A YAML block is configuration, and its status message was no error message."""
    if block.type not in ("fence", "code_block") or _language(block) not in ("", "yaml", "yml"):
        return []
    content = block.content
    if not _CONDITIONS_FIELD.search(content) or not _MESSAGE_FIELD.search(content):
        return []
    try:
        resource = yaml.safe_load(content)
    except yaml.YAMLError:
        return []
    status = resource.get("status") if isinstance(resource, dict) else None
    conditions = status.get("conditions") if isinstance(status, dict) else None
    return [
        condition["message"].strip()
        for condition in (conditions if isinstance(conditions, list) else [])
        if isinstance(condition, dict)
        and str(condition.get("status")) in ("False", "false")
        and isinstance(condition.get("message"), str)
        and condition["message"].strip()
    ]


def _event_columns(line: str) -> tuple[int, int] | None:
    """Where the Reason and Message columns begin, when ``line`` heads an events table (its column
    names include Reason, Message the last); else None."""
    names = [(m.start(), m.group().lower()) for m in _PRINTED_COLUMN.finditer(line)]
    reason = next((at for at, name in names if name == "reason"), None)
    if len(names) < 3 or reason is None or names[-1][1] != "message":
        return None
    return reason, names[-1][0]


def indicated_lines(blocks: list[SyntaxTreeNode]) -> Found:
    """The messages of a part that lists a problem's indicators (an advisory's "Indicators"): each line
    of output its code blocks show, at whatever level it is logged, and what its other blocks quote.

    Elsewhere a log's routine lines beside its failures only say what was going on; here the page
    says each line shows the problem (``INFO  session accepted alg=none …``)."""
    found = [q for q in messages_in(blocks) if blocks[q.block].type not in CODE]
    for index, block in enumerate(blocks):
        printed = {line.strip() for line in fence_output(block).split("\n")} - {""}
        if len(printed) > MAX_LOGGED_LINES:
            continue
        # A fence's first line is its marker; an indented block's, its own.
        first = line_of(block) + (block.type == "fence")
        for n, line in enumerate(block.content.split("\n")):
            if line.strip() in printed:
                found.append(Quote(line.strip(), first + n, index))
    return sorted(found, key=lambda q: q.line)


# A database server's error as its client prints it (SQL Server's and Sybase's): a header of the error's
# number, its severity and state ("Msg 18456, Level 14, State 1, Server …, Line 1"), then the message.
# Severities up to 10 are information ("Msg 5701, Level 0: Changed database context …").
_SERVER_ERROR_HEADER = re.compile(r"\s*Msg \d{1,9}, Level (?:1[1-9]|2[0-5]), State \d{1,3}\b")


def is_server_error(text: str) -> bool:
    """Whether ``text`` opens with a database server's error header (``Msg 18456, Level 14, State 1``)."""
    return bool(_SERVER_ERROR_HEADER.match(text))


def logged_failures(blocks: list[SyntaxTreeNode]) -> Found:
    """The code blocks among ``blocks`` whose every line is logged at a failure's level (a kubelet's
    ``E0619 14:49:06 … "StopContainer from runtime service failed"``), or that open with a database
    server's error header (``Msg 18456, Level 14, State 1, …``), or that are an API's error response
    (:func:`is_error_response`: an API reference's example of what a failed call returns, wherever the
    page sets it beside the fix): a cause shows them as its evidence ("For example, in the kubelet's
    log:"), and a reader pastes them."""
    found: Found = []
    for index, block in enumerate(blocks):
        printed = fence_output(block, after_lead=True)
        lines = [line for line in printed.splitlines() if line.strip()]
        # A command that searches a log for failures ("kubectl logs … | grep ERROR") names their level too.
        if lines and (
            (
                len(lines) <= MAX_LOGGED_LINES
                and (all(_logged_not_run(line) for line in lines) or is_server_error(lines[0]))
            )
            or _error_response(printed)
        ):
            found.append(Quote("\n".join(lines), line_of(block), index))
    return found


def _logged_not_run(line: str) -> bool:
    """Whether ``line`` is logged at a failure's level and is no command that searches for one."""
    return logged_as_failure(line) and not _searches(line)


def _searches(line: str) -> bool:
    """Whether ``line`` is a command that searches what it reads ("kubectl logs … | grep ERROR")."""
    return bool(_FILTER.search(line)) and _opens_with_command(line)


def announced_output(blocks: list[SyntaxTreeNode], *, failures_only: bool = False) -> Found:
    """The code blocks that a paragraph announces as error output ("…you might see something like this:"),
    or as output ("…`agent status` prints:") that reads as a failure; with ``failures_only``, only
    output that reads as one, whatever announces it ("A valid output looks like this:" shows success).

    Where code blocks are commands, a block labelled as code is output only when it is a shell's
    or a service's and reads as a failure: "the request looks like this:" shows a request, not
    what failed, and a ``csharp`` block source code, but "the error event seen in the image:" over
    a ``dos`` block shows the event.
    """
    found: Found = []
    for index, block in enumerate(blocks[1:], start=1):
        before = blocks[index - 1]
        if block.type not in ("fence", "code_block") or before.type != "paragraph":
            continue
        lead = block_text(before)
        error_lead = is_error_lead(lead)
        after = blocks[index + 1] if index + 1 < len(blocks) else None
        announced = error_lead or announces_output(lead) or _runs_on(lead, after)
        output = fence_output(block, after_lead=True) if announced else ""
        code = _language(block) in COMMAND_FENCES
        if output and (
            (error_lead and not failures_only and not code)
            or (_may_show_output(block) and reads_as_failure(output))
        ):
            found.append(Quote(output, line_of(block), index))
    return found


def _runs_on(lead: str, after: SyntaxTreeNode | None) -> bool:
    """Whether a sentence runs on around a code block, and announces what it shows by its verb: "If
    you see" before it, and after it a paragraph that goes on in lower case ("the CRDs are missing");
    or one that ends in that verb, no word after it, its object the block ("The job logs" over what it
    logged), as a docstring's prose runs into its code block."""
    last = last_sentence(lead)
    if after is None or after.type != "paragraph" or not block_text(after)[:1].islower():
        return bool(_BARE_VERB_RUN_ON.search(last))
    return bool(_PRINTS_RUN_ON.search(last))


def _may_show_output(block: SyntaxTreeNode) -> bool:
    """Whether a code block announced as output ("… prints:") can hold what was printed: any but
    one labelled as a program's source (``csharp``), which shows code even after such a lead."""
    language = _language(block)
    return language not in COMMAND_FENCES or language in _SHELL_OR_DATA_FENCES


def _knitted_chunk(block: SyntaxTreeNode) -> list[str] | None:
    """The lines a knitted chunk printed (:func:`knitted_output`) when the code block ``block`` is one:
    of no language, every line after knitr's marker; None for any other block."""
    return None if _language(block) else knitted_output(block.content.strip())


def _language(block: SyntaxTreeNode) -> str:
    info = block.info.strip() if block.type == "fence" else ""
    return info.split(" ")[0].lower() if info else ""


def listed_messages(blocks: list[SyntaxTreeNode]) -> Found:
    """Every message under an "Error messages" heading: one per quote, fence or list item; of a sentence
    about them (see :func:`describes_listed`), only the code spans that quote one."""
    out: Found = []
    for index, block in enumerate(blocks):
        if is_callout(block):
            continue
        if block.type in LISTS:
            out.extend(Quote(block_text(item), line_of(item), index) for item in block.children)
        elif describes_listed(blocks, index):
            out.extend(Quote(span, line_of(block), index) for span in _spans_quoting_errors(block))
        elif not (block.type == "paragraph" and is_error_lead(block_text(block))):
            # "…you may encounter one of the following error messages:" introduces them; it is not one.
            out.append(Quote(block_text(block), line_of(block), index))
    return [q for q in out if q.text]


# What an Error field's paragraph introduces, right under it.
_INTRODUCED = frozenset(("fence", "code_block", "blockquote", *LISTS))


def describes_listed(blocks: list[SyntaxTreeNode], index: int) -> bool:
    """Whether the paragraph ``blocks[index]`` under an "Error" heading is its author's sentence about the
    messages, what is seen, rather than one: a lead-in that ends in a colon over the block it introduces,
    whatever its verb ("SAP GUI shows the following when users double-click the system:" over the message in
    a <pre>, as BMC Helix's Known Error field holds it), or a sentence that quotes the verbatim text in code
    spans among words of its own that say it is seen and report no failure ("Some users instead see
    `SNCERR_GSSAPI (-4)` in the trace file `sapgui_trace.trc`."). Each was read as one more error message."""
    block = blocks[index]
    if block.type != "paragraph" or is_error_lead(block_text(block)):
        return False
    following = blocks[index + 1] if index + 1 < len(blocks) else None
    if _ends_lead(block_text(block).rstrip()) and following is not None and following.type in _INTRODUCED:
        return True
    nodes = block.children[0].children if block.children else []
    own = " ".join(node.content for node in nodes if node.type == "text")
    return (
        any(node.type == "code_inline" for node in nodes)
        and len(own.split()) >= _MIN_SENTENCE_WORDS
        and bool(_SAYS_SEEN.search(own))
        and not reads_as_failure(own)
    )


# The words of a sentence of the author's around the code spans it quotes, as fewest: "See `E_FAIL`." is
# the message's label, and stays the message.
_MIN_SENTENCE_WORDS = 4
# A verb of the author's that says where or how the quoted text is seen ("Some users instead see `…`", "the
# event log records `…`"). Without one, the paragraph is the message, its variable parts in spans as authors
# mark them ("Your mailbox `jdoe@contoso.com` has reached its storage quota and can no longer send mail.",
# in any language): read as a sentence about messages, it was no message and its paste found nothing.
_SAYS_SEEN = re.compile(
    r"\b(see|sees|saw|seen|get|gets|got|receive[sd]?|encounter(?:s|ed)?|notice[sd]?|shows?|showed|shown|"
    r"displays?|displayed|records?|recorded|logs?|logged|reports?|reported|prints?|printed|writes?|wrote|"
    r"written|returns?|returned|appears?|appeared)\b",
    re.I,
)


def _spans_quoting_errors(paragraph: SyntaxTreeNode) -> list[str]:
    """The code spans of ``paragraph`` that quote an error: its code, or words that report a failure; not
    a file's or a setting's name ("`sapgui_trace.trc`")."""
    nodes = paragraph.children[0].children if paragraph.children else []
    spans = [node.content for node in nodes if node.type == "code_inline"]
    return [span for span in spans if error_codes(span) or reads_as_failure(span)]


def nested_quotes(blocks: list[SyntaxTreeNode], *, fences: bool = True) -> Found:
    """Block quotes (and, with ``fences``, output fences) anywhere inside ``blocks``, nested in lists too,
    and the code spans that their sentences call errors (:func:`_errors_named_in_step`).

    Articles quote the error a reader will find inside a step ("run Enable-Mailbox; you
    receive: > Windows cannot enable object…") or a "More information" bullet as often
    as at the top level. A fence inside a step is a command, so steps pass ``fences=False``.
    So is a line of inline code, unless the paragraph before it announces an error ("If you
    encounter the following error, it is possible that…").
    """
    found: Found = []
    for index, block in enumerate(blocks):
        if (replied := _quoted_reply(blocks[index - 1] if index else None, block)) is not None:
            found.extend(Quote(q.text, q.line, index) for q in replied)
            continue
        announced = _announced_quote(blocks[index - 1], block) if index else ""
        if announced:
            found.append(Quote(announced, line_of(block), index))
        found.extend(
            Quote(m, line, index) for m, line in _listed_errors(blocks[index - 1] if index else None, block)
        )
        _nested_quotes(block, index, None, fences, found)
    return [q for q in found if q.text]


def _nested_quotes(
    node: SyntaxTreeNode, index: int, before: SyntaxTreeNode | None, fences: bool, found: Found
) -> None:
    """Add to ``found`` the quotes in ``node`` (of block ``index``) and below it (see nested_quotes).

    A module function rather than a recursive closure, which would be a reference cycle left
    for the garbage collector at each call.
    """
    if node.type == "blockquote":
        if not is_callout(node) and not has_links(node) and _quotes_error(node, before):
            found.append(Quote(block_text(node), line_of(node), index))
        return
    if node.type in ("fence", "code_block"):
        output = fence_output(node) if fences else ""
        if output:
            found.append(Quote(output, line_of(node), index))
        return
    if node.type == "paragraph":
        # A paragraph holds no blocks; what its sentences call errors is the problem's error text.
        found.extend(Quote(m, line_of(node), index) for m in _errors_named_in_step(node))
        return
    if node.type == "inline":
        return  # a table cell's or a heading's text holds no blocks either
    previous = None
    for child in node.children:
        before = previous if node.type == "list_item" else None
        announced = _announced_quote(before, child)
        if announced:
            found.append(Quote(announced, line_of(child), index))
        found.extend(Quote(m, line, index) for m, line in _listed_errors(before, child))
        _nested_quotes(child, index, before, fences, found)
        previous = child


def _announced_quote(before: SyntaxTreeNode | None, block: SyntaxTreeNode) -> str:
    """The text of ``block`` when it is a quoted line (inline code, bold, quotation marks) worded
    as a failure, right after a paragraph that announces an error (:func:`is_error_lead`,
    :func:`_announces_following_error`); else "".

    Among steps a line after "…you get the following message:" can be what success prints,
    so only a line that reports a failure is taken.
    """
    if before is None or before.type != "paragraph" or not _is_quoted_paragraph(block):
        return ""
    lead = block_text(before)
    if not (is_error_lead(lead) or _announces_following_error(lead) or announces_output(lead)):
        return ""
    text = _unquoted(block_text(block).strip())
    if len(text) > MAX_MESSAGE_CHARS or _is_command(text) or not reports_failure(text):
        return ""
    return text


def _listed_errors(before: SyntaxTreeNode | None, block: SyntaxTreeNode) -> list[tuple[str, int]]:
    """The messages a list's items open with, in code, right after a paragraph that names them as
    errors ("The two most common errors are:", then "`FATAL: … Permission denied` — fix with …"): in a
    fix, each item says what to do about the error it opens with."""
    if before is None or before.type != "paragraph" or block.type not in LISTS:
        return []
    lead = block_text(before)
    if not (lead.endswith(":") and _names_errors(lead)):
        return []
    out = []
    for item in block.children:
        opening = item.children[0] if item.children else None
        parts = inline_parts(opening) if opening is not None else []
        if parts and parts[0].type == "code_inline" and _reads_as_message(parts[0].content):
            out.append((parts[0].content.strip(), line_of(item)))
    return out


def _quotes_error(quote: SyntaxTreeNode, before: SyntaxTreeNode | None) -> bool:
    """Whether a quote inside a step holds error text: the step's text announces one ("…you
    receive:"), or the quote reads like one. Else it is the author's aside ("> Only go on if …")."""
    if before is None:
        return True
    lead = block_text(before) if before.type == "paragraph" else ""
    if _leads_to_error(last_sentence(lead)):
        return True
    return reports_failure(block_text(quote))


# A line as loggers print it, opening with its date and time ("2026/03/04 22:41:09", "2026-03-04T22:41:09",
# syslog's "Mar  4 22:41:09"), in brackets or not.
_STAMPED = re.compile(
    r"\[?(?:\d{4}[-/.]\d{2}[-/.]\d{2}[T ]\d{2}:\d{2}|[A-Z][a-z]{2} [ \d]\d \d{2}:\d{2}:\d{2})"
)


def _printed_line(block: SyntaxTreeNode) -> bool:
    """A paragraph of one line of plain text that reports a failure, not a command: under a lead-in that
    announces output ("… prints the following:"), what was printed, as a bug tracker's plain-text
    description quotes it with no markup."""
    if block.type != "paragraph":
        return False
    text = block_text(block).strip()
    return (
        "\n" not in text
        and len(text) <= MAX_MESSAGE_CHARS
        # Another lead-in ("You may see an error that resembles the following:") announces, not prints.
        and not text.endswith(_COLONS)
        # A sentence of the author's ("On 2026/03/04 the writes failed for ten minutes.") ends as prose
        # does; a program's line names what failed before a colon ("Fatal error : Could not open …").
        and (":" in text or not text.endswith("."))
        and not _is_command(text)
        and reads_as_failure(text)
    )


def _logged_failure(block: SyntaxTreeNode) -> bool:
    """A paragraph that is a log line reporting a failure, written as text rather than in a code
    block: a line pasted under "app log:", indented too little under its bullet to be code."""
    if block.type != "paragraph":
        return False
    text = block_text(block)
    return bool(_STAMPED.match(text)) and reads_as_failure(text)


def _unquoted(text: str) -> str:
    """``text`` without the quotation marks around it. A mark at one end only is the text's own: it
    closes a name the message quotes ("… No module named 'requests'"), and was cut off."""
    if len(text) > 1 and text[0] in _QUOTE_MARKS and text[-1] in _QUOTE_MARKS:
        return text.strip(_QUOTE_MARKS)
    return text


def _is_quoted_paragraph(block: SyntaxTreeNode) -> bool:
    """A paragraph that is all bold, all inline code or all in quotation marks: quoted text."""
    if block.type != "paragraph" or not block.children:
        return False
    if _lone_part(block) in ("strong", "code_inline"):
        return True
    text = block_text(block)
    return len(text) > 2 and text[0] in _QUOTE_MARKS and text.rstrip(".")[-1] in _QUOTE_MARKS


def _lone_part(block: SyntaxTreeNode) -> str:
    """The kind of the one inline part a paragraph is ("strong", "em", "code_inline"), blank text
    aside; "" for a paragraph of several parts or any other block."""
    part = _lone_inline(block)
    return "" if part is None else part.type


def _lone_inline(block: SyntaxTreeNode) -> SyntaxTreeNode | None:
    """The one inline part a paragraph is, blank text aside (see _lone_part); None for a paragraph
    of several parts or any other block."""
    if block.type != "paragraph" or not block.children:
        return None
    parts = [n for n in block.children[0].children if n.type != "text" or n.content.strip()]
    return parts[0] if len(parts) == 1 else None


def quoted_messages(text: str, *, shown_only: bool = False) -> list[str]:
    """What ``text`` quotes in quotation marks that reads as a message a program printed, not as a
    name ('shows "Sign in to network"', 'fails with "Error 1603: Fatal error during installation"') nor a
    control's label or path ('when "Sign me in automatically" is checked', see :mod:`indexer.control_names`);
    with ``shown_only``, of those only what a verb right before it says a program shows
    (:func:`shown_quotations`)."""
    return [
        quoted for quoted in _quoted(text, shown_only=shown_only) if message_like(Quoted(quoted, code=False))
    ]


def _quoted(text: str, *, shown_only: bool) -> list[str]:
    """The words of each quotation of ``text`` that names no control nor a command whose output follows
    (:func:`_runs_to_show`); with ``shown_only``, only of one right after a verb that says a program shows
    it (:data:`_SHOWN_BY`)."""
    return [
        quoted_words(q)
        for q in quotations(text)
        if (not shown_only or _shown(text, q))
        and not names_control(text, q.start(), q.end())
        and not _runs_to_show(text, q)
    ]


def _runs_to_show(text: str, found: re.Match[str]) -> bool:
    """Whether quotation ``found`` of ``text`` is a command that shows the output that follows
    (:data:`_RUN_TO_SHOW`), and no word right before it calls it a message (:data:`_CALLED_MESSAGE_BEFORE`)."""
    return bool(_RUN_TO_SHOW.match(text, found.end())) and not _CALLED_MESSAGE_BEFORE.search(
        text[max(0, found.start() - 40) : found.start()]
    )


def _shown(text: str, found: re.Match[str]) -> bool:
    """Whether the words around quotation ``found`` of ``text`` say a program shows it: a verb right
    before it (:data:`_SHOWN_BY`) or a word for a message (:data:`_MESSAGE_WORD_BEFORE`), or, where the
    verb comes last, a word for a message and a verb of appearing right after it
    (:data:`_CALLED_SHOWN_MESSAGE`)."""
    before = text[max(0, found.start() - 40) : found.start()]
    if _SHOWN_BY.search(before) or _CALLED_SHOWN_MESSAGE.match(text, found.end()):
        return True
    # A language's word for a message or an error right before it, as a localized help centre quotes
    # what its app shows: "спира със съобщение „…“", "показва се съобщението „…“" (not a quoted menu).
    if _MESSAGE_WORD_BEFORE.search(before):
        return True
    # A verb of showing alone, in Chinese, Japanese or Korean ("顯示「…」", "「…」と表示されます"), is said of
    # a success too ("「同期は正常に完了しました」と表示されます"): with no word for a failure, only a program's
    # untranslated text, in Latin script inside the sentence, is what the reader will paste.
    return bool(
        (_SHOWN_BY_UNSPACED.search(before) or _SHOWN_AFTER.match(text, found.end()))
        and not _EAST_ASIAN_SCRIPT.search(found.group(0))
    )


def cell_messages(cell: SyntaxTreeNode) -> list[str]:
    """Error text a table cell quotes as a paragraph would: a message in code or in quotation
    marks after the words that show it ("fail with `InvalidObjectState: …`"), or what the reader
    sees in bold ("shows **Error 500 – license service unavailable**")."""
    return _messages_in_paragraph(cell) if cell.children and cell.children[0].type == "inline" else []


MIN_LONE_CODE_WORDS = 4
# A message that names itself: "PGReplicationLagHigh: replica orders-db-2 is 512 MB behind".
_NAMED_MESSAGE = re.compile(r"[\w.\[\]-]{2,60}:\s+\S")


def _lone_code(block: SyntaxTreeNode) -> str:
    """The code of a paragraph that is one code span of words and nothing else, not a command; ""
    for any other block."""
    part = _lone_inline(block)
    if part is None or part.type != "code_inline":
        return ""
    code = part.content.strip()
    # Words, as a message has them ("$cred = get-credential" sets a variable), and said as a message
    # is: a name and what it says ("PGReplicationLagHigh: replica … behind"), or a failure. A command
    # (`helm upgrade …`) or a menu path has neither.
    if len(code.split()) < MIN_LONE_CODE_WORDS or _is_command(code):
        return ""
    return code if _NAMED_MESSAGE.match(code) or reads_as_failure(code) else ""


def _messages_in_paragraph(paragraph: SyntaxTreeNode) -> list[str]:
    """Error text inside a paragraph: after an "…error message:" line, or long inline code."""
    out: list[str] = []
    text = block_text(paragraph)
    lines = text.split("\n")
    for i, line in enumerate(lines[:-1]):
        if _leads_to_error(line.rstrip()):
            rest = " ".join(lines[i + 1 :])
            # "…see the following article:" and a link: a reference, not what a program printed.
            if rest.strip().rstrip(".;,") not in _link_texts(paragraph):
                out.append(rest)
            break
    lowered = text.lower()
    if FAILURE_WORDS.search(lowered) or "message" in lowered or names_failure_unspaced(text):
        # 'they get an "AADSTS50057" error ("The user account is disabled.")': the quoted message; and
        # as much in Chinese or Japanese ("登录失败，页面提示“账户已被锁定…”").
        out.extend(quoted_messages(text))
    else:
        # 'The kiosk shows "Badge printer offline (code P-07)"', with no word for an error: what the
        # reader pastes.
        out.extend(quoted_messages(text, shown_only=True))
    nodes = paragraph.children[0].children if paragraph.children else []
    out.extend(_named_in(nodes, named_only=False))
    return out


# A verb that says what a program shows, right before a quotation of it (or before the event or code
# it shows the quotation under).
_SHOWN_BY = re.compile(
    # And what its users report or see ('Customers report "Your card was declined."').
    r"\b(?:shows|displays|reports|says|reads|prints|returns|pops up with|report|see"
    # And what it stops with, as a process that stops or exits on an error does ('Sync stops with "…"').
    r"|(?:stops?|stopped|exits?|exited|aborts?|aborted) with)(?: the (?:text|message|banner))?"
    # The event or code it shows the text under: 'Event Viewer shows Event ID 7034 "The … service terminated"'.
    r"(?:\s+(?:event(?:\s+id)?|error|code|warning)\s+#?[\w.-]+)?:?\s*$",
    re.IGNORECASE,
)
# The same verb in Chinese, written without spaces, so with no word boundary before it: "登入後顯示「…」",
# "畫面出現「…」", "跳出「…」".
_SHOWN_BY_UNSPACED = re.compile(r"(?:顯示|显示|出現|出现|跳出|彈出|弹出|提示)了?\s*[:\uff1a]?\s*$")
# Korean and Japanese put the verb last: what says that a quotation is a message that appeared comes
# right after it, a word for a message (or an error, an alert) and a verb of appearing ('"…" 메시지가
# 나타납니다', '"…"라는 오류가 표시됩니다', "「…」というメッセージが表示されます"), as English "The message
# "…" appears" says it. A quoted button or menu that appears ('"설정" 버튼이 나타납니다') is not called so.
_CALLED_SHOWN_MESSAGE = re.compile(
    r"\s*+(?:(?:이)?라는|[와과]\s*같은)?\s*+(?:(?:오류|에러|경고)\s*+)?(?:메[시세]지|오류|에러|경고|알림|팝업)\s*+창?"
    r"(?:가|이)?\s*+(?:나타|표시|뜹|뜨|떠|나옵|나와|출력|발생)"
    r"|(?:という|との|の)?(?:エラー|メッセージ|警告|ダイアログ)++(?:が|と)(?:表示|出[まるて])"
)
# The verb of appearing alone after a quotation: "「…」と表示されます", '"…"라고 표시됩니다'.
_SHOWN_AFTER = re.compile(
    r"(?:と|が)(?:表示|出[まるて])|(?:이)?라고\s*+(?:나타|표시|뜹|뜨|떠|나옵|나와|출력)"
)
# Chinese, Japanese and Korean letters: a quotation without any is a program's untranslated text.
_EAST_ASIAN_SCRIPT = re.compile(
    r"[\u1100-\u11ff\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]"
)


def shown_quotations(text: str) -> list[str]:
    """The quotations of ``text`` right after a verb that says a program shows them ('The kiosk shows
    "Badge printer offline (code P-07)"', 'the app reports "Queue stalled: 14 jobs waiting"'), but a
    control's label."""
    return _quoted(text, shown_only=True)


def _errors_named_in_step(paragraph: SyntaxTreeNode) -> list[str]:
    """The code spans and quotations that a step's sentence calls errors ("if you see `Operation not
    permitted` errors", "the most frequent error is `7003: Method does not exist.`", a list of fixes by
    error: '"You cannot delete the default domain" error when you try to remove a domain'): among
    steps code is what to type and bold what to click, so nothing else of
    :func:`_messages_in_paragraph` counts."""
    nodes = paragraph.children[0].children if paragraph.children else []
    texts = [node.content for node in nodes if node.type == "text"]
    # Most steps have no span or quotation, or no word for an error: they are not read further.
    if not _ERROR_WORD.search(" ".join(texts)):
        return []
    quoted = [message for text in texts for message in _quotations_called_errors(text)]
    if not any(node.type == "code_inline" for node in nodes):
        return quoted
    return _named_in(nodes, named_only=True) + quoted


def _quotations_called_errors(text: str) -> list[str]:
    """The quotations of ``text`` that the word right after them calls errors (see
    :data:`_QUOTATION_CALLED_AN_ERROR`), or that go on a list of quotations ending with one so
    called ('"Domain has associated subdomains" or "You cannot remove a domain that has
    subdomains" error'), and that read as messages."""
    found = list(quotations(text))
    called: list[str] = []
    following_called = False
    for position in range(len(found) - 1, -1, -1):
        end = found[position].end()
        after = text[end : found[position + 1].start()] if position + 1 < len(found) else text[end:]
        following_called = bool(_QUOTATION_CALLED_AN_ERROR.match(after)) or (
            following_called and bool(_LIST_SEPARATOR.fullmatch(after))
        )
        words = quoted_words(found[position])
        if following_called and message_like(Quoted(words, code=False)) and not _PLACE_NAME.search(words):
            called.append(words)
    return called[::-1]


# A name in title case of where errors are shown ('check the "Application Event Log" errors'), not an
# error: a message in title case says what went wrong ('"Cannot Remove Domain" error').
_PLACE_NAME = re.compile(
    r"^(?:[A-Z][\w.-]*\s+)*(?:Log|Logs|Page|Site|Folder|Console|Portal|Center|Centre|Tab|Window|Dialog|Menu|View)$"
)


def _named_in(nodes: list[SyntaxTreeNode], *, named_only: bool) -> list[str]:
    """The code spans and emphases of a paragraph's inline ``nodes`` that its sentences name as
    what was printed or shown (with ``named_only``, only spans called errors), and long inline
    code that reads as a message (not with ``named_only``)."""
    out: list[str] = []
    before = ""
    # The text since the last span taken, while it can still continue a list of them ("Errors such
    # as `early EOF`, `index-pack failed` or …"); None when there is none to continue.
    listing: str | None = None
    for position, node in enumerate(nodes):
        content = node.content
        # Only a span or an emphasis can be named so: text between them is not asked.
        nameable = node.type in _NAMEABLE
        # The words right before it that name it ("you get the error"), whether it goes on a list
        # of named spans ("Errors such as `early EOF`, `index-pack failed`"), and whether the word
        # right after it calls it an error ("you see `Operation not permitted` errors").
        naming = _NAMES_WHAT_FOLLOWS.search(before) if nameable else None
        continues_list = nameable and listing is not None and bool(_LIST_SEPARATOR.fullmatch(listing))
        following = nodes[position + 1] if nameable and position + 1 < len(nodes) else None
        called_after = (
            following is not None
            and following.type == "text"
            and bool(_CALLED_AN_ERROR_AFTER.match(following.content))
        )
        # "You get the error `Set-Cookie was blocked …`", "The service stops with `…`": the
        # sentence names what the code span holds, whatever words it uses.
        named = nameable and (
            naming is not None
            or (
                node.type == "code_inline"
                and bool(_SHOWN_BEFORE.search(before))
                and bool(_OPENS_WITH_CODE.match(content))
            )
            # What a screen shows for a device or a record, worded as a failure: "the device shows `APNs:
            # BadDeviceToken`"; what it shows when all is well ("shows `Push: Registered`") is not named.
            or (
                node.type == "code_inline"
                and bool(
                    _BODY_RECEIVED.search(before)
                    or _LOGGED_BEFORE.search(before)
                    or _SHOWN_BEFORE.search(before)
                )
                and reads_as_failure(content)
            )
            or continues_list
            # "… прекъсва със съобщение <em>Unable to establish …</em>": the language's word for a message
            # right before names it, the message often in English inside a sentence in another language.
            or bool(_MESSAGE_WORD_BEFORE.search(before))
            # "If you see `Operation not permitted` errors, …": what is seen, called an error after it.
            or (bool(_SEEN_VERB_BEFORE.search(before)) and called_after)
        )
        # Among steps only a span called an error counts: "commit with a message like `gv: migrate`"
        # is what to write, and "the console shows `Sync completed`" success.
        called_an_error = (
            continues_list
            or called_after
            or (naming is not None and bool(_ERROR_WORD.search(naming.group(0))))
        )
        if (
            node.type == "code_inline"
            and " " in content
            and not _is_command(content)
            and (
                (named and (not named_only or called_an_error))
                or (not named_only and len(content) >= 25 and _reads_as_message(content))
            )
        ):
            out.append(content)
            listing = "" if named else None
        elif node.type in ("strong", "em") and not named_only and (named or _SEEN_BEFORE.search(before)):
            # "you see **Sign-in failed**", "shows the banner: *Pay run is locked …*": the words on the
            # screen, in bold or italics as a UI shows them; a bold name of a button or a menu ("you
            # see **Settings**") says nothing went wrong.
            shown = _unquoted(inline_text(node).strip())
            if message_like(Quoted(shown, code=False)):
                out.append(shown)
        elif (
            node.type == "em"
            and not named_only
            and before.rstrip().endswith(":")
            and _closes_paragraph(nodes[position + 1 :])
            and reads_as_failure(shown := _unquoted(inline_text(node).strip()))
            and message_like(Quoted(shown, code=False))
        ):
            # "… je zobrazené: <i>This job is stuck because …</i>.": a sentence that leads, in its own
            # language's words, with a colon to the italic run it ends with, worded as a failure.
            out.append(shown)
        elif listing is not None:
            listing = listing + content if node.type == "text" and len(listing) < MAX_LIST_SEPARATOR else None
        # Only the words just before a span count: a bounded tail, whatever the paragraph's length.
        before = (before + (content if node.type in ("text", "code_inline") else " "))[-80:]
    return out


_ERROR_WORD = re.compile(r"\b(?:error|exception|warning|failure)s?\b", re.I)


# The words right before a code span that say it is an error a program printed: one received or
# shown ("you get the error", "the portal shows this message:"), one a program stops with ("fails
# with", "exits with"), or one labelled ("Error:"). Not one only named ("the trouble with the
# message `context deadline exceeded` is …"): that is text about an error already quoted.
_NAMES_WHAT_FOLLOWS = re.compile(
    r"(?:\b(?:get|gets|got|receive[sd]?|see|sees|saw|encounter(?:s|ed)?|hit|hits|display(?:s|ed)?"
    r"|show(?:s|n|ed)?|return(?:s|ed)?|log(?:s|ged)?|print(?:s|ed)?|report(?:s|ed)?|throw(?:s|n)?"
    r"|raise[sd]?)\b[^.!?`:]{0,40}\b(?:error|exception|warning|message)s?(?:\s++message)?\s*+:?"
    r"|\b(?:fails?|failed|stops?|stopped|exits?|exited|crash(?:es|ed)?|aborts?|aborted)\s++with\s*+:?"
    # What the screen or the log shows, word for word: "the console shows `Agent went offline`".
    r"|\b(?:console|logs?|output|screen|terminal|dialog|banner|status bar|journal|event log)\s+"
    r"(?:shows?|showed|says|said|displays?|displayed|reads?|prints?|printed|reports?|reported)"
    r"|\b(?:error|exception|warning|message)\s*+:"
    # "Errors such as `early EOF` …", "The most frequent error we meet is `7003: Method does not exist.`"
    r"|\b(?:error|exception|warning|message)s?\s++(?:such\s++as|like)\s*+:?"
    r"|\b(?:error|exception|warning|message)s?\b[^.!?`:]{0,40}\b(?:is|was|reads)\s*+:?)\s*+[\"'\u201c]?\s*+$",
    re.I,
)
# A language's word for a message or an error right before a span: "със съобщение", "näyttää ilmoituksen",
# "mostra o erro", "περιέχει το σφάλμα", "แสดงข้อความ".
_MESSAGE_WORD_BEFORE = re.compile(
    rf"(?:\b(?:{MESSAGE_WORDS}|{ERROR_WORDS})|{UNSPACED_MESSAGE_WORDS})\s*+:?\s*+$", re.I
)
# The inline nodes a sentence can name as what was printed or shown.
_NAMEABLE = frozenset({"code_inline", "strong", "em"})
# Between two spans of a list of them: a comma, "or" or "and".
_LIST_SEPARATOR = re.compile(r"\s*+(?:,\s*+(?:(?:or|and)\s++)?|(?:or|and)\s++)")
MAX_LIST_SEPARATOR = 8
# A verb of meeting something right before a span, and the word that calls it an error right after
# it: "you see `Operation not permitted` errors".
_SEEN_VERB_BEFORE = re.compile(
    r"\b(?:see|sees|saw|get|gets|got|receive[sd]?|hit|hits|encounter(?:s|ed)?)\s++(?:(?:an?|the)\s++)?$", re.I
)
_CALLED_AN_ERROR_AFTER = re.compile(r"\s++(?:error|exception|warning|failure)s?\b", re.I)
# The same after a quotation, more strictly: in lower case (a sentence that opens with "Warning:" after a
# quoted setting says nothing of it); not "exception" ('add a "File and Printer Sharing" exception' is a
# firewall rule); and not the first word of a name ('the "Default Web Site" error pages').
_QUOTATION_CALLED_AN_ERROR = re.compile(
    r"\s++(?:error|warning)s?(?:\s++messages?)?\b"
    r"(?!\s*+(?:pages?|logs?|modes?|handl\w*|levels?|reporting|settings?|features?|codes?|lists?)\b)"
)


# What a response carries, right before a code span, in a sentence that says it was received:
# "Clients receive `429 Too Many Requests` with the body `Rejected by the service because …`". A
# success's body is announced so too ("you get a response with the body `OK`"): the span is a
# message only when it reads as a failure. ``before`` is at most 80 characters: the gap is bounded.
_BODY_RECEIVED = re.compile(
    r"\b(?:get|gets|got|receive[sd]?|return(?:s|ed)?|respond(?:s|ed)?|fail(?:s|ed)?|reject(?:s|ed)?)\b"
    r"[^.!?:]{0,80}?\bwith (?:the|a|an) (?:(?:response|error|reply) )?(?:body|message|text|reason|payload)"
    r"\s*+:?\s*+$",
    re.I,
)


# A verb that says a program logs, reports or displays what follows, right before a code span:
# release notes' and known issues' "nodes could log `…`", "the agent logs `…`", "the restore wizard
# reports `…`". Success is announced so too ("the job logs `Backup complete`"): the span is a message
# only when it reads as a failure.
_LOGGED_BEFORE = re.compile(
    r"(?:\b(?:could|may|might|can|will|would|then|also)\s++log|\blogs|\blogged"
    r"|\b(?:reports|reported|displays|displayed))\s*+:?\s*+$",
    re.I,
)


# What a person or a device is shown, right before a code span that opens with the code a device
# or a product prints: "Employees get `TC-21 Template mismatch`", "the LCD shows `FAN2 RPM low`"
# (not "`pip --version` prints `pip 9.0.1 from …`", nor "the installer shows `Setup complete`").
_SHOWN_BEFORE = re.compile(
    r"\b(?:shows?|showed|displays?|displayed|gets?|got|receives?|received)\s*+:?\s*+[\"'\u201c]?\s*+$", re.I
)
_OPENS_WITH_CODE = re.compile(r"[A-Z][A-Z0-9]{0,7}(?:-[A-Z0-9]{1,8})*-?\d{1,5}\b")


# The words right before a bold part that say the reader sees it: "you see", "the page shows the message".
_SEEN_BEFORE = re.compile(
    r"\b(?:see|sees|saw|get|gets|got|receive[sd]?|shows?|showed|displays?|displayed|says|said|reads)"
    r"(?:\s++(?:the|a|an))?(?:\s++(?:error|message|banner|prompt|notice|alert|dialog|text))?\s*+:?\s*+[\"'\u201c]?\s*+$"
    # French: "l'écran indique **…**", "affiche le message **…**", "le message suivant s'affiche : **…**".
    r"|\b(?:indiquent|indique|affichent|affiche|s['\u2019]affichent|s['\u2019]affiche|apparaissent|apparaît)"
    r"(?:\s++(?:le|la|les|un|une|l['\u2019]|ce|cette)\s*+(?:messages?|erreurs?|avertissements?|alertes?|textes?)"
    r"(?:\s++(?:suivante?s?|d['\u2019]erreur))?)?\s*+:?\s*+[\"\u201c\u00ab]?\s*+$",
    re.I,
)


def _closes_paragraph(nodes: list[SyntaxTreeNode]) -> bool:
    """Whether the inline ``nodes`` after a span are no more than the sentence's closing punctuation."""
    return all(node.type == "text" and not node.content.strip(" .!;") for node in nodes)


def _link_texts(paragraph: SyntaxTreeNode) -> set[str]:
    """The text of each link of a paragraph."""
    inline = paragraph.children[0].children if paragraph.children else []
    return {inline_text(node).strip() for node in inline if node.type == "link"}


def _reads_as_message(code: str) -> bool:
    """Inline code that reads as something a program printed: failure words or an error code, or a
    sentence; not a command, a setting (`remove_on_uninstall: true`) or a field's name, nor a
    statement of code or of a configuration file, which ends in a semicolon (`proxy_read_timeout
    120s;`, `ulimit -n 65536;`): its name's words ("timeout") said nothing had failed."""
    if _is_command(code) or code.rstrip().endswith(";"):
        return False
    sentence = code.rstrip().endswith((".", "!")) and len(code.split()) >= 4
    tagged = bool(_SEVERITY_TAG.match(code))  # "BUG: found a second active engine"
    # Words closed by an app's code in brackets, as its screen shows them: "Printer not connected (PRN-01)".
    coded = bracketed_code(code) is not None
    return (
        sentence or tagged or coded or reports_failure(code) or bool(_LOCALIZED_FAILURE.search(code.lower()))
    )


# Words that say a message reports a failure in the languages of localized help centres, for lower-cased
# text: an app prints its messages in its user's language ("Dateiname enthält mindestens ein ungültiges
# Zeichen"), and an article quotes them so, beside English ones (German, French, Spanish, Portuguese,
# Italian, Dutch). Only the words that say something went wrong: "Fehler" but not "fehlerfrei".
_LOCALIZED_FAILURE = re.compile(
    r"fehler(?!frei)|fehlgeschlagen|ungültig|unzulässig|verweigert|zeitüberschreitung"
    r"|nicht (?:gefunden|möglich|erlaubt|verfügbar|erreichbar)|(?:kann|konnte|können|konnten) nicht\b"
    r"|erreur|échec|échoué|introuvable|impossible d|n'a pas pu|ne peut pas|refusé|non autorisé"
    r"|no se (?:pudo|puede)|no válid|inválid|denegad|falló|no encontrad|não foi possível|não encontrad|falhou"
    r"|impossibile|non valid|non riuscit|non trovat|mislukt|ongeldig|niet gevonden|geweigerd"
)


# Possessive, and the two capitals fixed: "[A-Z]{2,}[A-Z0-9_]*" backtracked over every split of a
# long run of capitals (100,000 of them in one code span took 18 s).
_SEVERITY_TAG = re.compile(r"[A-Z]{2}[A-Z0-9_]*+: \S")


def _is_command(code: str) -> bool:
    """Inline code that is a command to run (it passes options), not a sentence a program printed."""
    return bool(_OPTION.search(code) or _COMMAND_MARK.search(code)) and not code.rstrip().endswith((".", "!"))


def _names_message(label: str) -> bool:
    """A column header or field name that holds an error or a message ("Error code", "Details")."""
    return bool(column_holds(label) & {"error", "message"})


def table_messages(table: SyntaxTreeNode) -> list[str]:
    """The cells of a table's error and message columns; none of a procedure's (:func:`is_step_table`)."""
    rows = table_rows(table)
    if not rows or is_step_table(table):
        return []
    header = cell_texts(rows[0])
    if len(header) == 2 and _VALUE_HEADER.fullmatch(header[1].strip()):
        # A field/value table ("Error | write-denied", "Connected data source error | Not allowed…"):
        # the values of the fields that name an error or a message.
        pairs = [cell_texts(row) for row in rows[1:]]
        return [c[1] for c in pairs if len(c) == 2 and _names_message(c[0]) and not _RECORD_ID.search(c[0])]
    body = [cell_texts(row) for row in rows[1:]]
    if _exit_statuses(header, body) or _numbered_states(header, body):
        # What each status or state means ("invalid usage") is no message a program printed.
        return []
    if _DEFINES.match(header[0].strip()) and not any("error" in column_holds(h) for h in header[1:]):
        # A table that defines a thing's parameters or fields ("Parameter Name | Parameter Description",
        # an alarm reference's, shared by many alarms): its names and descriptions are no messages. Its
        # first column names what it defines ("Name" alone would head errors); a column of errors after
        # it makes it a table of messages still ("Field | Error message", a form's validation errors).
        return []
    wanted = [i for i, h in enumerate(header) if _names_message(h)]
    return [cells[i] for cells in body for i in wanted if i < len(cells)]


# A column that names what the table defines: a parameter, a field, an attribute, an argument ("Parameter
# Name", "Field", "Attribute Description").
_DEFINES = re.compile(r"(?:parameters?|fields?|attributes?|arguments?)\b", re.IGNORECASE)
# A field that names a record's identifier or name, not its error ("Known Error ID", "Problem number",
# "Issue key", an event's "Log name"; "Error ID" names the error it identifies).
_RECORD_ID = re.compile(
    r"^(?!error\b).*\b(?:id|identifier|number|no\.?|key|ref(?:erence)?|name)\s*#?$", re.IGNORECASE
)


# A bare number of a few digits: an exit status ("| 2 | invalid usage |") or an HTTP status. No
# error code is written so (error_codes knows none without a prefix), and a row titled "2" answers
# nothing a reader asks.
_STATUS = re.compile(r"-?\d{1,3}")
# The header of a table of a command's exit statuses: "Exit code", "Exit status", "Return value".
_EXIT_HEADER = re.compile(r"\b(?:exit|return)\b", re.I)


def _status_column(body: list[list[str]], column: int) -> bool:
    """Whether every row of a table's ``body`` has a bare status number in ``column``."""
    cells = [cells[column].strip() for cells in body if column < len(cells)]
    return bool(cells) and all(_STATUS.fullmatch(cell) for cell in cells)


def _exit_statuses(header: list[str], body: list[list[str]]) -> bool:
    """Whether a table lists a command's exit statuses and what each means: a column of bare
    numbers headed as exit or return statuses, or holding 0, which reports success."""
    return any(
        _status_column(body, i)
        and (_EXIT_HEADER.search(h) or any(i < len(cells) and cells[i].strip() == "0" for cells in body))
        for i, h in enumerate(header)
    )


# The first column of a table that looks up one error's cases by the number its message gives, as a
# database engine's error page does ("Msg 18456, Level 14, State 8": "| State | Description | … |").
_STATE_HEADER = re.compile(r"(?:error )?(?:state|severity|level)s?", re.I)
# A row's states: a number, or a few that share its cause ("2, 5", "11–12").
_STATE_NUMBERS = re.compile(r"\d{1,3}(?:\s*(?:[,/–-]|or|and)\s*\d{1,3}){0,8}")


def _numbered_states(header: list[str], body: list[list[str]]) -> bool:
    """Whether a table lists the numbered states (or severities) of one error, keyed by its first
    column: each row is a cause of that error and its remedy, not an error of its own."""
    if not header or not body or not _STATE_HEADER.fullmatch(header[0].strip()):
        return False
    return all(cells and _STATE_NUMBERS.fullmatch(cells[0].strip()) for cells in body)


def table_codes(table: SyntaxTreeNode) -> list[str]:
    """The codes a table of error codes lists: the cells of its column that names a code or an
    error (else its first), without its header; none when that column holds bare statuses."""
    rows = table_rows(table)
    if len(rows) < 2:
        return []
    header = cell_texts(rows[0])
    body = [cell_texts(row) for row in rows[1:]]
    column = next((i for i, h in enumerate(header) if "error" in column_holds(h)), 0)
    if _status_column(body, column):
        return []
    return [cells[column] for cells in body if column < len(cells) and cells[column]]


class TableColumns(NamedTuple):
    """Which columns of a table that pairs problems with fixes hold what (None: no such column)."""

    error: int | None
    fix: int | None
    messages: list[int]
    # "Symptom | Cause | Fix": what the reader sees, when no column names an error; and why.
    symptom: int | None = None
    cause: int | None = None


def table_columns(header: list[str], body: list[list[str]]) -> TableColumns:
    """In a table's header and the rows of its ``body``: the error, fix, message, symptom and cause
    columns. A column of bare statuses ("Exit code": 0, 1, 2) names no error."""
    held = [column_holds(h) for h in header]
    fix = next((i for i, h in enumerate(held) if "fix" in h), None)
    error = next((i for i, h in enumerate(held) if "error" in h and not _status_column(body, i)), None)
    messages = [i for i, h in enumerate(held) if "message" in h and i != fix]
    symptom = next((i for i, h in enumerate(held) if "symptom" in h), None)
    cause = next((i for i, h in enumerate(held) if "cause" in h), None)
    return TableColumns(error, fix, messages, symptom, cause)


# The longest label a field table's first column gives a part ("Symptom", "Error message", "Steps to resolve").
MAX_FIELD_LABEL_WORDS = 4
# The parts a field table's labels may name, in the words of its first column (see column_holds).
_FIELD_PARTS = ("fix", "error", "symptom", "cause")


def field_rows(table: SyntaxTreeNode) -> dict[str, SyntaxTreeNode] | None:
    """Of a table of two columns that names one problem's parts down its first ("| **Symptom** | … |",
    "| **Cause** | … |", "| **Resolution** | … |"), as a wiki's page-properties table or a KB tool's
    export writes an article's problem: the row of each part ("fix", "error", "symptom", "cause"),
    the first of each; None for any other table, or one without a fix and another part.

    Read as any table, the problem's parts were its body text, and its steps none."""
    rows = table_rows(table)
    if len(rows) < 2 or any(len(row.children) != 2 for row in rows):
        return None
    parts: dict[str, SyntaxTreeNode] = {}
    for row in rows:
        # A label that only describes is no part that makes a table a record: a known-issues table's header
        # "| Description | Workaround |" over a row "Solution panel is empty" (a fix's word) was read as one
        # problem, its other rows lost. It is a symptom row of a table that names its parts otherwise.
        part = field_part(row, describing=False)
        if part is not None:
            parts.setdefault(part, row)
    return parts if "fix" in parts and len(parts) >= 2 else None


def field_part(row: SyntaxTreeNode, describing: bool = True) -> str | None:
    """The part of a problem a field table's ``row`` names by its label (see :func:`field_rows`), or None.

    A row that describes the problem ("Details", "Description") says what the reader sees, a symptom, as
    a help desk's FAQ record heads it (HaloITSM's Details under its Summary, quoting the error dialog):
    read as no part, its dialog's message and code were only the page's text. ``describing=False`` reads
    such a row as no part."""
    label = cell_texts(row)[0].rstrip(":").strip()
    if not label or len(label.split()) > MAX_FIELD_LABEL_WORDS:
        return None
    held = column_holds(label)
    if held <= {"message"} and _DESCRIPTION_HEADER.fullmatch(label):
        return "symptom" if describing else None
    return next((name for name in _FIELD_PARTS if name in held), None)


# The header of a column of error codes ("Error code", "Code", "Error"), as an API reference heads the
# table of the codes its calls return; "Name" heads a table of settings as often.
_CODE_COLUMN = re.compile(r"(?:error\s+)?codes?|errors?", re.IGNORECASE)


def lists_error_codes(table: SyntaxTreeNode) -> tuple[TableColumns, int] | None:
    """Of a table of error codes, each with what it means and no fix ("| Error code | Description |
    HTTP status code |", as an API reference lists the codes its calls return): its columns and the
    code's; None for any other table. Every row's code is one word, never a bare status number.

    Read as any table, its rows were one problem of every cell, or one step of the section's."""
    rows = table_rows(table)
    if len(rows) < 3:
        return None
    header = [h.strip() for h in cell_texts(rows[0])]
    body = [cell_texts(row) for row in rows[1:]]
    columns = table_columns(header, body)
    error = columns.error
    if (
        error is None
        or columns.fix is not None
        or not columns.messages
        or not _CODE_COLUMN.fullmatch(header[error])
        or _numbered_states(header, body)
    ):
        return None
    codes = [cells[error].strip() if error < len(cells) else "" for cells in body]
    if not all(code and not re.search(r"\s", code) for code in codes):
        return None
    return columns, error


def pairs_problems_with_fixes(table: SyntaxTreeNode) -> tuple[TableColumns, int, int] | None:
    """Of a table whose rows are problems, each with its fix ("Error | Resolution", "Symptom |
    Cause | Fix"): its columns, the one that names a row's problem (its error, or else what the
    reader sees) and the fix's; None for any other table."""
    rows = table_rows(table)
    if len(rows) < 2:
        return None
    header = cell_texts(rows[0])
    body = [cell_texts(row) for row in rows[1:]]
    if _numbered_states(header, body):
        return None
    columns = table_columns(header, body)
    named = columns.error if columns.error is not None else columns.symptom
    described = next((i for i in columns.messages if _DESCRIPTION_HEADER.fullmatch(header[i].strip())), None)
    numbered_steps = columns.fix is not None and STEP_COLUMN.fullmatch(header[columns.fix].strip())
    if named is None and columns.fix is not None and described is not None and not numbered_steps:
        # "| ID | Description | Workaround |": a known issue's description names its row, as a summary
        # does; it is prose, not a message a program printed (read as one, the table was one problem
        # of messages, and every workaround was lost).
        columns = columns._replace(
            symptom=described, messages=[i for i in columns.messages if i != described]
        )
        named = described
    if columns.fix is None or named is None or columns.fix == named:
        return None
    return columns, named, columns.fix
