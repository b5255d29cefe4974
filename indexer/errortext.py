"""How error text is compared: one normalisation for article messages and queries.

An article quotes ``The reply URL <url> does not match`` and a person pastes
``The reply URL 'https://app.contoso.com/cb' does not match``. Both must reduce
to the same comparable string, so the indexer and the matcher call the same
functions here: :func:`comparable` for fuzzy comparison and :func:`error_codes`
for the codes a text contains.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from functools import lru_cache
from typing import NamedTuple

_TRANSLATE = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u00a0": " ",
        "\u2007": " ",
        "\u202f": " ",
        "\u2013": "-",
        "\u2014": "-",
        "\u2212": "-",
        "\u200b": "",
        "\ufeff": "",
        # Invisible formatting left in text copied from a web page, never text: a soft hyphen (where a
        # browser may break a long word) and a word joiner, as the zero-width space and BOM above.
        "\u00ad": "",
        "\u2060": "",
    }
)


def clean(text: str) -> str:
    """Undo what copy and paste does to text: smart quotes, odd spaces, broken lines."""
    if not text.isascii():
        # Plain ASCII has nothing to normalise or translate: skip the costlier steps.
        text = unicodedata.normalize("NFKC", text).translate(_TRANSLATE)
    return " ".join(text.split())


# Values that differ from one occurrence of an error to the next. Order matters:
# URLs before domains and emails, GUIDs before long hex runs.
# Author placeholders: <Redirect URI>, \<AppGUID\>, {app-id}, {0}, [value]; and a message catalogue's
# format conversions, as C's printf writes them ("Login failed for user '%.*ls'.", "%d rows", "%s"), and
# IBM i's substitution variables, numbered after an ampersand ("Object &2 in library &3 not found.").
_PLACEHOLDER_PATTERNS = [
    r"\\?<[^<>\n]{1,60}?\\?>",
    r"\{[^{}\n]{0,40}\}",
    r"%[-+#0]?(?:\d{1,3}|\*)?(?:\.(?:\d{1,3}|\*))?(?:ll|l|h|[Ii]64)?[sdiuxc](?![a-z])",
    r"(?<![\w&])&\d{1,2}(?!\w)",
]
# Address and host patterns start only where a run of their characters starts and never
# give characters back (possessive), so text like "a.a.a.…" is scanned once, not once per dot.
_EMAIL_PATTERN = r"(?<![\w.+-])[\w.+-]++@[\w-]++(?:\.[\w-]++)++"
_TOP_LEVEL_DOMAINS = (
    "com|net|org|edu|gov|io|local|lan|corp|internal|info|biz|us|uk|de|fr|nl|in|au|ca|jp|cn|ms|co"
)
_DOMAIN_PATTERN = rf"(?<![\w-])(?<![\w-]\.)[\w-]++(?:\.[\w-]++)*\.(?:{_TOP_LEVEL_DOMAINS})\b"
# Values that start a word (or a run of address characters): tried only where no word
# character comes before, which spares most positions of a text the whole alternation.
_WORD_VALUE_PATTERNS = [
    r"\b(?:https?|ftp|urn|api|spn)://?[^\s'\"<>)\]]+",
    _EMAIL_PATTERN,
    r"\b[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}\b",
    r"\b\d{4}-\d{2}-\d{2}[t ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:z|[+-]\d{2}:?\d{2})?",
    r"\b\d{1,2}/\d{1,2}/\d{2,4}(?: \d{1,2}:\d{2}(?::\d{2})?(?: ?[ap]m)?)?",
    r"\b\d{1,2}:\d{2}:\d{2}(?:[.,]\d+)?\b",
    r"\b\d{1,3}(?:\.\d{1,3}){3}(?::\d+)?\b",
    # Versions: "urllib3==2.1", "v1.7.2", "4.3.0". After addresses, which have four parts.
    r"\bv?\d+(?:\.\d+){1,3}\b",
    _DOMAIN_PATTERN,
    r"\b[a-z]:\\[^\s'\"]*",
    r"\b[0-9a-f]{16,}\b",
    r"\bx{3,}\b",
]


def _values_pattern(word_values: list[str]) -> str:
    """The placeholders, then the ``word_values`` where no word character comes before."""
    return (
        "|".join(f"(?:{p})" for p in _PLACEHOLDER_PATTERNS)
        + "|(?<!\\w)(?:"
        + "|".join(f"(?:{p})" for p in word_values)
        + ")"
    )


_VALUES_PATTERN = _values_pattern(_WORD_VALUE_PATTERNS)
# A masked secret ("Password: ********") stands where the article's text has a placeholder, so
# comparing drops it too; redacting leaves it, since it hides nothing more and Markdown's
# **bold** in a stored query would read "<value>bold<value>".
_MASKED = "|\\*{2,}"
_VARIABLES_PATTERN = _VALUES_PATTERN + _MASKED
_VALUES = re.compile(_VALUES_PATTERN, re.IGNORECASE)
# Letters and digits of any script: text in Russian or Greek compares by its words as English does
# (with ASCII letters only, it compared as nothing at all, and "für" as "f r").
_WORDS = re.compile(r"[^\W_]+")
# The same values in text already lowercased, which every query and quoted message is: without
# IGNORECASE, and led by the characters a value can start with, so the engine skips the
# spaces and punctuation between words instead of trying every alternative there (about a
# sixth fewer instructions on the dev queries). A word's value starts where no word character comes before
# (see _values_pattern), so inside a word, most positions of a text, the lead fails without the
# placeholders' alternatives being tried (a twelfth less time).
_LOWER_LEAD = "(?:(?=[\\\\<{*%&])|(?<!\\w)(?=[\\w.+-]))"
_LOWER_VARIABLES = re.compile(f"{_LOWER_LEAD}(?:{_VARIABLES_PATTERN})")
# What the e-mail and the host alternatives need in such a text: each runs through every word before it
# fails, together half the cost of the pass, and a text without an "@" (most) or a dot before a top-level
# domain is searched without them. An alternative that can match nowhere in a text changes nothing of
# what is replaced, so the result is the same.
_TOP_LEVEL_DOMAIN = re.compile(rf"\.(?:{_TOP_LEVEL_DOMAINS})\b")


@lru_cache(maxsize=4)
def _lower_variables(email: bool, domain: bool) -> re.Pattern[str]:
    """_LOWER_VARIABLES, without the e-mail alternative unless ``email`` and the host one unless ``domain``."""
    if email and domain:
        return _LOWER_VARIABLES
    left_out = {p for p, needed in ((_EMAIL_PATTERN, email), (_DOMAIN_PATTERN, domain)) if not needed}
    values = [p for p in _WORD_VALUE_PATTERNS if p not in left_out]
    return re.compile(f"{_LOWER_LEAD}(?:{_values_pattern(values)}{_MASKED})")


# A log line's prefix: a time stamp, a level (in capitals, in brackets, or before a colon,
# so that a sentence such as "Error from server …" keeps its first word) and a source.
# Also the prefixes of the common Linux and Kubernetes formats, which a journal line can
# stack: syslog's "Mar 31 15:47:45 host kubelet[3416]: ", klog's
# "E0331 15:47:45.892216    3416 kubelet_volumes.go:245] " and logfmt's leading
# time="…" level=error msg=. A level word ends at a colon or a space ("ERROR! …" is what Ansible
# says, not a level before a "!"), and a source in brackets may end with one ("fatal: [db01]: …").
# After a time, a thread or logger may come before the level, in brackets or named with a digit, dot,
# dash or underscore ("… 14:11:07 [sync.engine] ERROR …", log4j's "… 09:14:33,102+0000
# localhost-startStop-1 ERROR …"; a word of prose, "the ERROR count", is not one). A time may end with its
# zone's abbreviation before a process id in brackets or a level (PostgreSQL's "%t [%p] ": "… 10:14:07 UTC
# [4121] FATAL: …"): capitals there that open the message ("… 10:14:07 POST /api …") are the message's.
_LEVELS = "TRACE|DEBUG|INFO|WARN|WARNING|ERROR|ERR|FATAL|CRITICAL|SEVERE"
# Syslog's severity names, as a load balancer's or a syslog-ng template's lines give them between the
# host and the program ("Mar  4 10:22:17 lb1 warning tmm1[118]: "); a day written with one space too.
_SYSLOG_SEVERITIES = "emerg|alert|crit|err|warning|notice|info|debug"
# GitHub Actions writes a line's level in brackets after "##" ("##[error]HttpError: …", "##[warning]…"),
# as its workflow commands mark a line: a level like any other.
_ACTIONS_MARK = "##"
# Spring Boot's fields between the level and the message: the process id, "---", the thread in brackets
# (after the application's name in brackets, since 3.2) and the logger, padded, before " : " ("ERROR 4122
# --- [worker-1] c.f.e.batch.MonthEndJob : …"). Only after a level word.
# A VMS file specification's directory and file after its device ("…:[000000]DAILY.BCK;1").
_VMS_DIRECTORY = re.compile(r":\[[\w$.,-]{1,80}\][\w$-]{1,39}\.[\w$-]{0,39}", re.ASCII)
_AFTER_LEVEL = r"(?:\d{1,9}\s+---\s+(?:\[[^\]\n]{0,60}\]\s*){1,2}[\w.$-]{1,100}\s*:\s+)?"
# Airflow's task log: "[2026-03-04, 02:41:09 UTC] {subprocess.py:93} INFO - ", the time in brackets, the
# source file and line in braces, the level and a dash, and perhaps the time the task's own tool printed
# its line with ("02:41:08    …", dbt's). It relays the task's output at INFO, and its one ERROR line is
# the runner's "Task failed with exception": the level says nothing of which line is the failure, so it
# is not read (routine lines gave way to that one, and the message was lost).
_TASK_LOG_PREFIX = re.compile(
    rf"\s*\[\d{{4}}-\d{{2}}-\d{{2}}[^\]\n]{{0,40}}\]\s+\{{[\w.-]{{1,64}}:\d{{1,6}}\}}\s+(?:{_LEVELS})\s+-\s+"
    r"(?:\d{2}:\d{2}:\d{2}(?:\.\d+)?\s+)?"
)
_LOG_PREFIX = re.compile(
    rf"^\s*(?:[A-Z][a-z]{{2}} [ \d]?\d \d{{2}}:\d{{2}}:\d{{2}} \S{{1,64}} (?:(?:{_SYSLOG_SEVERITIES}) )?"
    r"[\w./-]{1,64}(?:\[\d+\])?:\s+)?"
    r"(?:[IWEF]\d{4} \d{2}:\d{2}:\d{2}\.\d+\s+\d+ [\w.-]{1,64}:\d+\]\s*)?"
    r"(?:\[?\d{4}-\d{2}-\d{2}(?:[T ][\d:.,]+(?:Z|[+-]\d{2}:?\d{2})?"
    rf"(?: (?!(?:{_LEVELS})\b)[A-Z]{{2,5}}(?=\s+(?:\[|(?:{_LEVELS})[\s:])))?)?\]?\s*"
    rf"(?:(?:\[[\w .:/-]{{1,40}}\]|[A-Za-z]*[\d._-][\w.-]{{0,39}})\s+(?=(?:{_LEVELS})[\s:]))?)?"
    r"(?:time=\\?\"?\d{4}-\d{2}-\d{2}[\w:.+-]{0,30}\\?\"?\s+)?(?:level=(?i:" + _LEVELS + r")\s+)?(?:msg=)?"
    rf"(?:(?:{_LEVELS})(?![^:\s]):?\s*{_AFTER_LEVEL}|(?:{_ACTIONS_MARK})?\[(?i:{_LEVELS})\]:?\s*|(?i:{_LEVELS}):\s*)?"
    r"(?:\[[\w .:/-]{1,40}\]:?\s*)?"
)
# A line's level, read from its prefix: routine (klog's I or D; info, debug, trace) or a
# failure (klog's E, W or F; warn, error, fatal …). A bare level word counts in capitals only,
# as in _LOG_PREFIX, so a host or source named "debug-box" says nothing.
_ROUTINE = "info|debug|trace"
_FAILURE = "warn|warning|error|err|fatal|critical|severe"
_ROUTINE_LEVEL = re.compile(
    rf"(?:^|\s)[ID]\d{{4}} |level=(?i:{_ROUTINE})\b|\b(?:{_ROUTINE.upper()})\b|\[(?i:{_ROUTINE})\]"
)
_FAILURE_LEVEL = re.compile(
    rf"(?:^|\s)[EWF]\d{{4}} |level=(?i:{_FAILURE})\b|\b(?:{_FAILURE.upper()})\b|\[(?i:{_FAILURE})\]|\b(?i:{_FAILURE}):"
)
# PostgreSQL's routine levels, which _LEVELS does not strip: "LOG:  restored log file … from archive" and
# "NOTICE:  …" say what went as it should (a recovery replaying the archive), in capitals at the line's
# start after its time and process. Beside a line logged as a failure, as _ROUTINE_LEVEL's are, they
# are not the error: joined to it, the healthy line was answered with the failure's fix.
_ROUTINE_WORD = re.compile(r"(?:LOG|NOTICE):\s")
# PostgreSQL logs some failures at LOG too ("could not bind IPv4 address …: Address already in use",
# "server process (PID 4242) was terminated by signal 9: Killed"): such a line is the error, not routine.
_ABNORMAL = re.compile(r"\b(?i:terminated|killed|aborted|panic|crash(?:ed)?|signal \d+)\b")
# A frame, and the JVM's count of the frames a cause shares with the trace above it ("... 23 more").
_STACK_FRAME = re.compile(
    r"^\s*(?:at\s+[\w.$<>`\[\]]+\(|at\s+[\w.$<>`]+\.[\w<>`]+|File \".*\", line \d+|\.\.\. \d+ more$)"
)


# A Python traceback's header: plain Python's "Traceback (most recent call last):", or IPython's
# "ValueError      Traceback (most recent call last)" under a rule, as a notebook prints a cell's error.
_TRACEBACK = re.compile(r"(?:([\w.]+)\s+)?Traceback \(most recent call last\):?")
# What a text needs for _TRACEBACK to find a header in it (see log_lines).
_TRACEBACK_MARK = "Traceback (most recent call last)"
# The line a traceback ends with: the exception, at the line's start, and its message. A class named
# otherwise ("ArrowInvalid", "StaleLock") is known by the module path Python prints before a class not
# built in ("pyarrow.lib.ArrowInvalid: …"), or, in IPython's traceback, by the name its header gives.
_EXCEPTION_LINE = re.compile(
    r"[A-Za-z_][\w.]*(?:Error|Exception|Warning|Exit|Interrupt|Iteration)(?::\s.*)?"
    r"|(?:[a-z_]\w*\.)+[A-Z]\w*:\s.*"
)
_RULE_LINE = re.compile(r"\s*[-=_]{3,}\s*")


def _exception_raised(lines: list[str]) -> list[str]:
    """``lines`` with a Python traceback in them cut to the exception it ends with and its message
    ("ValueError: Cannot transform …", and the lines the message goes on over): what failed. Its
    frames (IPython's "Cell In[2], line 1", "----> 1 …" and the source around them too) only say where,
    and their words outweighed the message's."""
    headers = [
        (index, found) for index, line in enumerate(lines) if (found := _TRACEBACK.fullmatch(line.strip()))
    ]
    if not headers:
        return lines
    header, named = headers[-1][0], headers[-1][1].group(1)
    ends = [
        index
        for index in range(header + 1, len(lines))
        if _EXCEPTION_LINE.fullmatch(lines[index]) or (named and lines[index].startswith(f"{named}: "))
    ]
    if not ends:
        return lines
    before = lines[:header]
    while before and _RULE_LINE.fullmatch(before[-1]):
        before.pop()
    return before + lines[ends[-1] :]


# The JVM prints an exception's chain top down: the thrown exception's class and message (a
# framework's wrapper, "…DataIntegrityViolationException: could not execute statement"), its frames,
# then each cause as "Caused by: <class>: <message>" with its own frames. The last cause is the
# failure; the wrappers over it are raised alike by any other root cause.
_JAVA_CAUSE = re.compile(r"\s*Caused by: (\S.*)")
_JAVA_CAUSE_MARK = "Caused by: "
_JAVA_THROWN = re.compile(r"\s*(?:[a-z_]\w*+\.)++[A-Z][\w$]*+(?::\s.*)?")


def _root_cause(lines: list[str]) -> list[str]:
    """``lines`` with a Java stack trace's chain of exceptions cut to its last ``Caused by:``, the root
    cause's class and message (and the lines its message goes on over); the lines before the trace
    as they are."""
    causes = [(index, cause) for index, line in enumerate(lines) if (cause := _JAVA_CAUSE.match(line))]
    if not causes:
        return lines
    first, (last, root) = causes[0][0], causes[-1]
    thrown = next((i for i in range(first) if _JAVA_THROWN.fullmatch(lines[i])), first)
    return [*lines[:thrown], root.group(1), *lines[last + 1 :]]


# An event as Windows' Event Viewer copies it: header fields, one a line ("Log Name:", "Source:", "Date:",
# "Event ID:", "Level:", "Computer:" …), then "Description:" over the event's text. The fields are the
# same on every event of a log, and the date, computer and user are values: only the description says
# what happened. Its "Description:" label stays, as people paste it with the text.
_EVENT_FIELD = re.compile(r"\s*[A-Z][A-Za-z]*+(?: [A-Za-z]++){0,2}:(?:\s.*)?")
_EVENT_ID = re.compile(r"\s*Event ID:\s*\d+\s*")
_EVENT_ID_MARK = "Event ID:"
_EVENT_DESCRIPTION = re.compile(r"\s*Description:.*")


def _event_description(lines: list[str]) -> list[str]:
    """``lines`` with an Event Viewer event's header fields left out, its description kept (and
    the lines before and after the event as they are)."""
    first = next((index for index, line in enumerate(lines) if _EVENT_ID.fullmatch(line)), None)
    if first is None:
        return lines
    for end in range(first + 1, len(lines)):
        if _EVENT_DESCRIPTION.fullmatch(lines[end]):
            start = first
            while start > 0 and _EVENT_FIELD.fullmatch(lines[start - 1]):
                start -= 1
            return [*lines[:start], lines[end].strip(), *lines[end + 1 :]]
        if not _EVENT_FIELD.fullmatch(lines[end]):
            break
    return lines


# Terraform draws each diagnostic in a box ("╷" over it, "│ " opening each line, "╵" under it) and says
# where it arose in lines of its own ("with acme_instance.web,", "on main.tf line 3, in resource …:",
# the source line "  3: resource …" and the values under it, "├────", "│ var.x is null"): the box is no
# text and the place is the reader's configuration, not the error, its summary and detail lines are.
_BOX_EDGE = re.compile(r"\s*[\u2577\u2575]\s*")
_BOX_WALL = re.compile(r"\s*\u2502 ?")
# The box's characters, one of which a text needs for _unboxed to change it.
_BOX_MARKS = ("\u2502", "\u2577", "\u2575")
_DIAGNOSTIC = re.compile(r"(?:Error|Warning): \S")
_DIAGNOSTIC_PLACE = re.compile(r"\s*(?:with \S+,|on \S+ line \d+(?:, in .*)?:|\d+:.*|[\u251c\u2502\u2514].*)")


def _unboxed(lines: list[str]) -> list[str]:
    """``lines`` with a Terraform diagnostic's box taken off and the lines that say where it arose
    left out; any other line as it is."""
    kept: list[str] = []
    boxed = False
    for line in lines:
        wall = _BOX_WALL.match(line)
        rest = line[wall.end() :] if wall else line
        boxed = bool(wall) and (boxed or bool(_DIAGNOSTIC.match(rest)))
        if boxed and not _DIAGNOSTIC_PLACE.fullmatch(rest):
            kept.append(rest)
        elif not boxed and not _BOX_EDGE.fullmatch(line):
            kept.append(line)
    return kept


def log_lines(lines: list[str]) -> list[str]:
    """``lines`` without their log prefixes (time, level, source) and without stack frames or blanks;
    a Python traceback is the exception it ends with, a Java one its root cause (:func:`_root_cause`),
    an Event Viewer event its description (:func:`_event_description`),
    a Terraform diagnostic its summary and detail (:func:`_unboxed`).

    Queries and the log excerpts articles quote as error text go through the same
    unwrapping, so a pasted log line and the article's quoted one compare equal.
    """
    # Each of these changes only lines with its mark, which most logs lack: one look for it through the
    # lines joined, in C, rather than a pattern tried on every line (or two, for a box).
    joined = "\n".join(lines)
    if _EVENT_ID_MARK in joined:
        lines = _event_description(lines)
    if any(mark in joined for mark in _BOX_MARKS):
        lines = _unboxed(lines)
    if _TRACEBACK_MARK in joined:
        lines = _exception_raised(lines)
    if _JAVA_CAUSE_MARK in joined:
        lines = _root_cause(lines)
    if _BUILD_MARK.search(joined):
        lines = _unframed_build(lines)
    kept: list[tuple[str, bool]] = []
    failed = actions = False
    for line in lines:
        relayed = _TASK_LOG_PREFIX.match(line)
        prefix = None if relayed else _LOG_PREFIX.match(line)
        cut = relayed or prefix
        rest = line[cut.end() :] if cut else line
        if rest.strip() and not _STACK_FRAME.match(line):
            level = prefix.group(0) if prefix else ""
            failed = failed or bool(_FAILURE_LEVEL.search(level))
            actions = actions or f"{_ACTIONS_MARK}[" in level
            routine = bool(_ROUTINE_LEVEL.search(level)) or (
                bool(_ROUTINE_WORD.match(rest))
                and not FAILURE_WORDS.search(rest.lower())
                and not _ABNORMAL.search(rest)
            )
            kept.append((rest, routine))
    # When a log marks lines as failures, its routine lines (info, debug) only say what was
    # going on. Without such marks a routine line may be the message itself ("INFO: pip is
    # looking at multiple versions …" among plain output lines), so every line is kept.
    if failed:
        # A GitHub Actions log's "Run …" line is the runner's, naming the step it starts.
        return [line for line, routine in kept if not (routine or (actions and _RUNNER_STEP.match(line)))]
    return [line for line, _ in kept]


# A container build's own lines, as `docker build` prints them around what its instructions print: the
# classic builder's (and Podman's) "Step 9/14 : " before each instruction, and under it the layer it used or
# made (" ---> Using cache", " ---> Running in 1d7e52af90c3", " ---> 0b9c3e7d5a21", "Removing intermediate
# container 1d7e52af90c3"); BuildKit's plain progress, which leads each line with its step's number and the
# seconds into it ("#12 1.873 Collecting …") and ends a step with "#11 DONE 0.0s" or "#5 CACHED". They say how
# far the build went: read as words, a pip failure inside a RUN was answered with a cookbook's "File
# preparation steps" and "Running commands after installation" for their "step", "using cache" and "running".
# BuildKit's default progress in a terminal too: its head ("[+] Building 9.8s (8/10)"), a line a step or part of
# one, its time at the end (" => [internal] load build definition from Dockerfile  0.0s", " => => transferring
# dockerfile: 412B  0.0s", " => CACHED [2/5] WORKDIR /app  0.0s"), and the rules around what a step printed
# ("------"); the failed step's line (" => ERROR [4/5] RUN pip install …  8.3s") stays, as its instruction.
# The mark is a shape only a builder prints: a step of a count or a layer's arrow, a BuildKit line's timing.
_BUILD_MARK = re.compile(
    r"^(?:(?i:step) \d+/\d+ ?: | *-{2,3}> (?:Using cache|Running in [0-9a-f]{12}|[0-9a-f]{12}$)|#\d+ (?:\d+\.\d+ |DONE \d)"
    r"|\[\+\] Building \d+\.\d+s \(\d+/\d+\)| *=> \S.* \d+\.\d+s$)",
    re.M,
)
# Of such a build's lines, those that are only its own ("Step 9/14 : " and "#12 1.873 " are cut from theirs).
_BUILDER_LINE = re.compile(
    r" *-{2,3}> (?:Using cache|Running in [0-9a-f]{12}|[0-9a-f]{12})(?: [0-9a-f]{12,64})?\s*"
    r"|Removing intermediate container [0-9a-f]{12}\s*|#\d+ (?:DONE \d+(?:\.\d+)?s|CACHED)\s*"
    r"|\[\+\] Building \d+\.\d+s \(\d+/\d+\).*| *=> (?!ERROR )\S.* \d+\.\d+s\s*| *-{6,}\s*"
)
_BUILDER_PREFIX = re.compile(r"(?i:step) \d+/\d+ ?: |#\d+ (?:\d+\.\d+ +)?")


def _unframed_build(lines: list[str]) -> list[str]:
    """``lines`` of a container build without its own lines and prefixes (:data:`_BUILD_MARK`): each
    instruction ("RUN pip install …") and what it printed, as they would read without the builder."""
    return [
        line[cut.end() :] if (cut := _BUILDER_PREFIX.match(line)) else line
        for line in lines
        if not _BUILDER_LINE.fullmatch(line)
    ]


# The line a GitHub Actions runner opens each step with ("Run actions/checkout@v4").
_RUNNER_STEP = re.compile(r"Run \S")
# The line a CI runner or a pipeline's task ends a failed job with, saying only that its job, step or shell
# ended with an exit code: GitLab's "Job failed: exit code 1", GitHub Actions' "Process completed with exit
# code 1.", Azure Pipelines' "Bash exited with code '1'.". Every failed job prints it, whatever failed. Not a
# program's own "Mount failed: exit status 32", nor a runner's line that says why ("Job failed: execution took
# longer than 1h0m0s seconds"). Its other forms too: GitLab's Kubernetes and Docker executors' "Job failed:
# command terminated with exit code 137" and "Job failed (system failure): exit code 1", GitHub Actions'
# "The process '/usr/bin/dotnet' failed with exit code 1", Docker's "The command '/bin/sh -c npm ci' returned a
# non-zero code: 1" (kept, the first was answered high with whichever problem's log ended with it).
_EXIT_STATUS_LINE = re.compile(
    r"(?:(?i:job|build|pipeline|stage|step|task|script|process|command|bash|shell|powershell|pwsh|cmd)"
    r"|(?i:the (?:process|command)) '[^'\n]{1,300}')"
    r" (?i:failed|completed|exited|returned|finished)(?: \([^()\n]{1,40}\))?(?: with)?:?"
    r" (?i:command terminated with )?(?i:(?:exit|return|a non-zero) )?(?i:code|status):?"
    r" ['\"]?\d{1,3}['\"]?\.?"
)
# A syslog line's header: the time, the host and the program that logged the line, perhaps with its pid
# ("Mar 12 08:15:25 mail postfix/smtp[2231]: "). Each line so headed is an entry of its own, where a line
# with only a time may go on with the entry above it (a container runtime times each line of a
# program's message over several lines).
_SYSLOG_LINE = re.compile(
    rf"\s*[A-Z][a-z]{{2}} [ \d]?\d \d{{2}}:\d{{2}}:\d{{2}} \S{{1,64}} (?:(?:{_SYSLOG_SEVERITIES}) )?[\w./-]{{1,64}}(?:\[\d+\])?:\s"
)


def log_entries(text: str) -> list[str]:
    """The messages a quoted block of error text holds, unwrapped by :func:`log_lines`: a syslog
    excerpt (each line headed by its time, host and program) is a list of entries, and each that
    reports a failure is its own message, as it is pasted alone; where none does, the lines may be
    one program's message over several lines, and any other block is one message over its lines."""
    lines = [line for line in text.split("\n") if line.strip()]
    kept = log_lines(lines)
    # Under the error that failed the job, the runner's last line is none of its words: joined to "no space
    # left on device", a paste of "ERROR: Job failed: exit code 1" alone was answered high with that problem.
    while len(kept) > 1 and _EXIT_STATUS_LINE.fullmatch(kept[-1].strip()):
        kept.pop()
    if len(lines) > 1 and all(_SYSLOG_LINE.match(line) for line in lines):
        failures = [line for line in kept if FAILURE_WORDS.search(line.lower())]
        if failures:
            return failures
    return [" ".join(kept)]


def logged_as_failure(line: str) -> bool:
    """Whether ``line`` is a log line whose prefix gives a failure's level (klog's E0619 …,
    level=error, [ERROR], "ERROR:"), or whose logfmt fields do after its time and source (a platform
    router's "… app[router]: at=error code=H14 …"): what a program logged as going wrong, whatever it says."""
    prefix = _LOG_PREFIX.match(line)
    if prefix is not None and _FAILURE_LEVEL.search(prefix.group(0)):
        return True
    return "=" in line and bool(_LOGFMT_FAILURE.search(line))


# A logfmt line's level field, as a platform's router writes it after its time and source ("at=error").
_LOGFMT_FAILURE = re.compile(rf"(?<![\w.-])(?:at|lvl)=(?:{_FAILURE})(?![\w.-])")


def redact_values(text: str) -> str:
    """``text`` with the values that vary between occurrences replaced by ``<value>``.

    E-mail addresses, URLs, host names, GUIDs, IP addresses, times and paths: what
    identifies a person or a tenant in a pasted error, and what stored queries
    should not keep.
    """
    return _VALUES.sub("<value>", text)


def comparable(text: str) -> str:
    """Reduce error text to lowercase words, with variable values removed.

    Placeholders an author wrote and the concrete values a person pasted both
    disappear, so the two forms of one message compare equal.
    """
    text = clean(text).lower()
    text = _lower_variables("@" in text, _TOP_LEVEL_DOMAIN.search(text) is not None).sub(" ", text)
    return " ".join(_WORDS.findall(text))


# Words that say a text reports a failure, for lower-cased text. Without re.I and word
# boundaries the engine skips ahead to the words' first letters: many times faster on long
# lines that hold none of them. "Could not" as well as "couldn't": a program's messages spell it out
# ("The package on the gateway could not be located.").
FAILURE_WORDS = re.compile(
    r"error|exception|fail|denied|invalid|cannot|can't|couldn't|could not|unable|not found|refused|timed? ?out|"
    r"unauthori[sz]ed|forbidden"
)


# The C library's descriptions of the commonest errno values (strerror), as comparable text has
# them. A system call that fails says which it failed with, and the same call failing with another
# is another problem: "cannot connect to …/daemon.sock: Permission denied" is not the problem of
# "…: No such file or directory", however much of the two lines agrees.
_SYSTEM_ERRORS = re.compile(
    r"\b(?:no such file or directory|permission denied|operation not permitted|connection refused|"
    r"connection reset by peer|connection timed out|address already in use|no space left on device|"
    r"too many open files|read only file system|device or resource busy|resource temporarily unavailable|"
    r"broken pipe|network is unreachable|no route to host|is a directory|not a directory|"
    r"directory not empty|file exists|cannot allocate memory|disk quota exceeded|text file busy)\b"
)


def system_errors(comparable_text: str) -> set[str]:
    """The errno descriptions (strerror's "permission denied", "no such file or directory" …) that
    ``comparable_text`` (see :func:`comparable`) says."""
    return set(_SYSTEM_ERRORS.findall(comparable_text))


# What a shell says when it finds no command of the name it was given, as comparable text has it:
# PowerShell's "The term 'Get-MgUser' is not recognized as the name (or "a name") of a cmdlet, …" and
# cmd's "'kubectl' is not recognized as an internal or external command". The words are the same for
# every missing command, and the name says which is missing (another module or program to install):
# another name is another failure, however much of the line agrees. At most six words of a name, so a
# text of many "the term"s is scanned in linear time.
_NOT_RECOGNIZED = "is not recognized as"
_MISSING_COMMAND = re.compile(
    r"\bthe term (\S+(?: \S+){0,5}?) is not recognized as (?:the|a) name of a cmdlet"
    r"|(\S+) is not recognized as an internal or external command"
)


def missing_commands(comparable_text: str) -> set[str]:
    """The names of the commands that ``comparable_text`` (see :func:`comparable`) says a shell did not
    find ("get mguser" of PowerShell's "The term 'Get-MgUser' is not recognized …")."""
    if _NOT_RECOGNIZED not in comparable_text:
        return set()
    return {powershell or cmd for powershell, cmd in _MISSING_COMMAND.findall(comparable_text)}


# Error codes. Each pattern's match is turned into one canonical spelling by
# canonical_code, so "AADSTS 50105", "aadsts50105" and "AADSTS50105" agree.
# Possessive: a run of letters or digits too long for a code fails at once instead of being
# given back one character at a time at every word (a third fewer instructions for this pattern).
# A number after a year is the code's too: "CVE-2024-3094", "RHSA-2024:1234", "INC-2024-0042" (cut at
# the year, another advisory of that year was the same code, and answered high). One part, and only
# where nothing code-like follows it: "ORA-12154-12157" is a range, "2024-01-15" a date.
# A number followed by "%" is a share ("OVERLOAD 112%", as a device's display prints its load), no code's.
_PREFIXED_CODE = re.compile(
    r"\b([A-Za-z]{2,8}+)([ _-]?)(\d{3,7}+)((?<=[^\d](?:19|20)\d\d)[-:]\d{1,7}(?![-:]?\w))?\b(?!%)"
)
# Message identifiers with a severity letter, as IBM's products and others print them: a prefix
# naming the component, a number, then I(nformational), W(arning), E(rror), S(evere), A(ction),
# C(ritical) or N(egative SQL code): "SQL0911N", "AMQ9208E", "CWWKS1100A", "SRVE0190E". In capitals
# only, as the programs print them. Led by a capital, then the word's start (see _LED_BY).
_SEVERITY_CODE = re.compile(r"[A-Z](?<!\w.)[A-Z]{2,4}\d{4,5}[ACEINSW]\b")
# z/OS's and Db2's IDs have three digits ("IEF450I", "ICH408I", "DSNL032I"), as parts and models written
# in a sentence have too ("the SKU123A shelf"): they count where they open a line, as a console prints
# them and a catalogue titles its entry by them, before its message.
# A console prints a message that waits for a reply after its reply's ID ("*12 IEF238D …"), and z/OS's
# decision messages end in D(ecision) as its action messages end in A.
_SEVERITY_CODE_OPENING = re.compile(
    r"^[ \t]*+(?:[*@]\d{1,4}[ \t]++)?([A-Z]{3,5}\d{3}[ACDEINSW])(?=[ \t:]|$)", re.MULTILINE
)
# IBM i's message IDs: a prefix of three ("CPF", "MCH", "CPD") and four hexadecimal digits ("CPF9801",
# "CPF502B", "CPFA0D4"). Those of digits alone are prefixed codes; one with a letter among its digits is
# written as a part's or a batch's number is ("the DEF502B cable"), so it counts where a "Message ID" label
# names it (DSPMSGD's dot leaders too) or it opens a line, as a job log prints it.
_HEX_LETTERED_ID = r"[A-Z][A-Z0-9]{2}(?=[0-9A-F]{0,3}[A-F])(?=[0-9A-F]{0,3}\d)[0-9A-F]{4}"
_IBM_I_MESSAGE_ID = re.compile(
    rf"(?:\b(?i:message[ \t]+id)[ \t.]*:[ \t]*|^[ \t]*+)({_HEX_LETTERED_ID})(?=[ \t:.,]|$)", re.MULTILINE
)
# What a text needs for _IBM_I_MESSAGE_ID to find anything in it.
_IBM_I_MESSAGE_ID_SHAPE = re.compile(_HEX_LETTERED_ID)
# OpenVMS's condition messages: "%FACILITY-L-IDENT, text", each further message of the same condition led by
# "-" ("-RMS-E-FNF, file not found"), the severity between hyphens S(uccess), I(nformational), W(arning),
# E(rror) or F(atal). Facility, severity and ident together name the condition, as a syslog message's three
# parts do, and the "%" is dropped as that one's is. Only so led: "SET-F-FAST" alone is a name of anything.
_VMS_CONDITION = re.compile(
    r"(?:^|(?<=[\s(\"'`]))[%-]([A-Z][A-Z0-9$_]{0,30}+-[SIWEF]-[A-Z][A-Z0-9$_]{0,40}+)(?![\w$-])", re.MULTILINE
)
# The severity between its hyphens that every such name has: a text without it (most) is not searched for one.
_VMS_SEVERITY = re.compile(r"-[SIWEF]-")
# Other products print the severity letter before the number, after the component's prefix and a
# hyphen, as release notes and device logs quote them: "QDX-E4107: …", "(OCR-W0712)"; E(rror),
# W(arning), I(nformational) or F(atal). The letter is part of the ID (QDX-W4107 is another message),
# and the hyphen is dropped as a prefixed code's is ("QDXE4107"). In capitals, as printed, except in a
# query; a model's or a part's number has no severity letter or fewer digits ("TX-E50", "USB-C1234").
_SEVERITY_LED_CODE = re.compile(r"(?<![\w-])([A-Z]{2,8}+)-([EWIF])(\d{3,6}+)(?![\w-])", re.IGNORECASE)
# What a text needs for _SEVERITY_LED_CODE to find anything in it: led by its hyphen, a quick scan.
_SEVERITY_LED_MARK = re.compile(r"-[EWIF]\d{3}", re.IGNORECASE)
# Syslog message names as network devices print them: a facility, a severity from 0 to 7 and a
# mnemonic, in capitals ("%LINK-3-UPDOWN", "%SEC_LOGIN-4-LOGIN_FAILED": Cisco IOS, NX-OS, Arista).
# The three parts together name the event, so the name is one code; people often drop the "%".
# Firewalls of Cisco's ASA family number their messages instead, in six digits ("%ASA-3-722007",
# "%FTD-6-302014"): the number is the mnemonic.
# How a network device's syslog name or a VMS condition's opens after its "%" ("%CDP-4-…", "%BACKUP-F-…"),
# whatever the case the text around it is read in: its facility, then its severity between hyphens.
MESSAGE_NAME_HEAD = r"(?-i:[A-Z][A-Z0-9_$]*+-(?:[0-7]|[SIWEF])-)"
_SYSLOG_MNEMONIC = re.compile(
    r"(?<![\w-])%?([A-Z][A-Z0-9_]{1,30}-[0-7]-(?:[A-Z][A-Z0-9_]{2,40}|\d{6}))(?![\w-])"
)
# The severity between its dashes that every such name has: a text without it (most) is not searched for one.
_SYSLOG_SEVERITY = re.compile(r"-[0-7]-")
# A log message's ID as a load balancer's daemons print it at the head of every message: eight
# hexadecimal digits, then the syslog severity from 0 to 7, colons after both ("01260013:4: SSL
# Handshake failed …"). The ID names the message wherever the host, time and addresses differ.
_HEX_MESSAGE_ID = re.compile(r"(?<![\w:.-])([0-9a-fA-F]{8}):[0-7]:\s")
# What a text needs for _HEX_MESSAGE_ID to find anything in it (many have a colon, few this).
_HEX_MESSAGE_MARK = re.compile(r":[0-7]:\s")
# Chinese, Japanese and Korean text is written without spaces, and its characters are word characters
# to the engine: a code right after or before them still stands apart ("错误0x000006BE", "错误码2005").
# Written as a lookahead and a word character, case-sensitive whatever the pattern's flags (no letter of
# those ranges has a case), it matches what the class [^\W\u3040-\u9fff\uac00-\ud7af] matched (every code
# point checked) but compiles in a sixth of the time: for a class the engine builds a table of its ranges
# character by character, ~40,000 of them, case-folding each in a pattern that ignores case; at its seven
# uses that was ~17 ms of every one-shot `kb match`.
_WORD_NOT_CJK = r"(?-i:(?![\u3040-\u9fff\uac00-\ud7af])\w)"
# The words for an error's code in Chinese, Japanese and Korean, as their help centres label one
# ("错误码 2005", "エラーコード：E-5031", "오류 코드 5002"), and those for an error, which label its number
# as "error" does ("错误 2005"). No "\b" before them: the characters before are word characters too.
_CJK_ERROR_CODE = (
    r"(?:错误(?:码|代码|编号|号)|錯誤(?:碼|代碼|編號|號)|エラー(?:コード|番号)|(?:오류|에러) ?(?:코드|번호))"
)
_CJK_ERROR = rf"(?:{_CJK_ERROR_CODE}|错误|錯誤|エラー|오류|에러)"
# The characters those words start with (see _LED_BY).
_CJK_ERROR_FIRST = "错錯エ오에"
_CJK_ERROR_CODE_WORDS = re.compile(_CJK_ERROR_CODE)
# What separates such a word from its code: spaces, an ideographic space, a colon (full-width too).
_CJK_LABEL_GAP = r"[ \t\u3000]*[:\uff1a#]?[ \t\u3000]*"
# A pattern whose alternatives open with lookbehinds or words, in any case, is tried whole at every
# position of a text: led by a lookahead for the characters its matches start with (of that case), it rules
# out nearly every position in one test, and matches what it did. On the dev queries _LABELLED_NUMBER
# took 22 µs a query, so led 9 µs (_LABELLED_KEY 10 µs, 4.5; _HTTP_STATUS 8 µs, 3.3).
# One whose matches open with a capital or a digit is faster still led by that character itself, and then
# the lookbehind it opened with, shifted by that character ("[A-Z](?<![\w-].)" for "(?<![\w-])[A-Z]"): the
# engine skips in C to the next such character. Led by a letter of either case, as many positions
# stop as before, and each pays the lookbehind: those patterns are left as they are.
_LED_BY = "(?=[{}])"
# Codes of one capital and three to five digits (a linter's E501 and W605, a compiler's C2065, Rust's
# E0425) are written as model numbers, sizes and versions are (A100, T480, M365, X509), so they count
# only where the text marks them as codes: after "error" or "warning" ("error C2065:", "error[E0425]",
# "Compiler Warning (level 4) C4996"), after the file position a linter prints ("app.py:3:80: E501
# line too long"), in brackets after a rule's name ("line-too-long (E501)"), or as a line of their own
# or its opening label ("C2065: 'x': undeclared identifier"). A klog line opens with a letter and the
# date ("E0619 14:49:06.135666"): that is followed by no colon. Devices and forms write such a code
# with a hyphen ("E-217"), and a terminal's or a panel's display opens its message in capitals with
# it ("E-217 TERMINAL NOT ACTIVATED"): a line so printed marks it too, where a model opening a
# sentence ("A-100 GPU not detected") is followed by words in lower case.
# A localized app prints the same after its language's word for an error ("Ralat E012: …", "Грешка F-102:
# …", "Eroare E-204: …"), where the word before a model is another ("Pelayan A100: …").
_ERROR_WORDS = (
    "error|warning|fehler|erreur|erro|errore|fout|błąd|ошибка|грешка|помилка|greška|pogreška|ralat|kesalahan|"
    "eroare|hitilafu|klaida|hata|xəta|lỗi|σφάλμα|त्रुटि|ত্রুটি|பிழை|خرابی|שגיאה"
)


def _first_letters(words: str) -> str:
    """The characters that the words ``words`` ("error|warning|…") start with, each once, for a lead of a
    pattern that has them as alternatives (see _LED_BY)."""
    return "".join(dict.fromkeys(word[0] for word in words.split("|")))


# Each alternative starts where no word character comes before (after a "\b", a lookbehind or a line's
# start) but the words in Chinese, Japanese and Korean and a linter's position (":3:80:"), so inside a word,
# most positions of a text, the lead fails at once instead of the five alternatives being tried; at a
# word's start, the words for an error are tried only from their first letters (on the dev queries with a
# letter code's shape, a third less time).
_LETTER_CODE = re.compile(
    rf"(?:(?<!\w)|(?=[:{_CJK_ERROR_FIRST}]))"
    rf"(?:\b(?=(?i:[{_first_letters(_ERROR_WORDS)}]))(?i:{_ERROR_WORDS})(?:[ \t]+(?i:code))?(?:[ \t]*\([^()\n]{{1,20}}\))?[ \t]*[\[(#:]?[ \t]*"
    rf"|{_CJK_ERROR}{_CJK_LABEL_GAP}"
    r"|:\d{1,6}(?::\d{1,6})?:[ \t]*"
    # Only from a name's first letter: from each of its words, a long run of them cost its square.
    r"|(?<![\w-])[a-z]++(?:-[a-z]++)++[ \t]*+\("
    r"|^[ \t]*(?=[A-Z]-?\d{3,5}(?::[ \t]|[ \t]*$|[ \t]++[A-Z]{2,}+(?:[ \t]++[A-Z0-9'./-]++)++[ \t]*+$)))"
    rf"([A-Z]-?\d{{3,5}})(?!{_WORD_NOT_CJK})",
    re.MULTILINE,
)
# A message's own code of one capital and six to eight digits, between the label of the component that
# prints it and its text, each closed by a colon ("GSS-API(min): A2210217: Peer did not accept our
# certificate", as SAP's Secure Login Client reports a GSS-API failure): no part's or order's number
# stands so. Read as no code, a pasted A2210217 found nothing. The label is a component's, written as
# one in capitals with a digit, a hyphen or its layer in brackets ("KRB5(auth)", "GSS-API(min)"): a
# record's word ("Incident: I1234567: …", "Order: P2024001: …") or a log's level ("INFO: J1234567: …")
# labels a ticket's or a job's number, which was read as a code. The label is taken whole, once (a long
# run of capitals and digits is not tried at each of its digits).
_CHAINED_CODE = re.compile(
    r"(?<![\w.-])[A-Z](?=[A-Z0-9-]*?[\d(-])[A-Z0-9-]*+(?:\([a-z]+\))?:[ \t]([A-Z]\d{6,8})(?=:[ \t]+[A-Za-z])"
)
# A device's alarm or fault code of a letter and two digits or more, which the word before it names so, as
# appliance and hardware manuals title a fault's section ("Overload (alarm E05)", "fault F21"): of two
# digits, nothing but that word tells it from a model ("V40").
_ALARM_CODE = re.compile(r"\b(?i:alarm|fault)(?:[ \t]+(?i:code))?[ \t]*[#:]?[ \t]*([A-Z]-?\d{2,5})\b")
_ALARM_WORDS = ("alarm", "fault")
# An app's or a device's code of a prefix and two digits or more, or of several parts ("PRN-01", "K-12",
# "KP-C01", "E-FW03", "ERR-SOC-07"), as help centres quote what a screen shows. Names and standards are
# written so too ("COVID-19", "AES-256", "TLS-13", "ISO-9"), so it is a code only where the text marks it
# as one: right after a word for an error or for a code ("xəta kodu: ERR-SOC-07", "Eroare E-FW03:"), or in
# brackets closing a message (see bracketed_code). One letter and two digits only after a word for a code
# ("kodas: K-31"), or before the colon of a message it opens ("Xəta K-31: …", "Warning W-17: …"): after
# "error" alone it is as often a model's ("error on the V40"), as _ALARM_CODE says.
# Its hyphens are how it is written, not part of it: "PRN01" is the same code (see canonical_code).
_MULTI_PART = r"[A-Z]{1,8}+(?:-[A-Z0-9]{1,8}+)*?-[A-Z]{0,3}\d{2,6}"
_MULTI_PART_CODE = re.compile(_MULTI_PART)
# English's bare "code" names a code only as an error's ("error code …") or before its colon or "#": a
# "promo code SPRING-25" or a "discount code SAVE-20" is none.
_CODE_WORDS = "kodas|kodu|kodi|кода?|cod|codice|c[óo]digo|kode|msimbo|குறியீடு|কোড|کوڈ"
# Tried at a word's start only from the first letters of its words: at every word's start, the alternation
# of some forty words cost three times the rest (on the dev queries with a marked code's shape).
_MARKED_CODE = re.compile(
    rf"\b(?=(?i:[{_first_letters(_ERROR_WORDS + '|' + _CODE_WORDS)}]))"
    rf"(?:(?i:{_ERROR_WORDS})(?:[ \t]++(?P<error_code_word>(?i:codes?)))?+"
    rf"|(?P<code_word>(?i:codes?)(?=[ \t]*+[#:])|(?i:{_CODE_WORDS})))"
    rf"[ \t]*[\[(#:]?[ \t]*(?P<code>{_MULTI_PART}|[A-Z]\d\d)(?![\w-])(?P<colon>:)?"
)
# What a text needs for _MARKED_CODE to find anything in it: the code's last digits, after a capital or a
# hyphen, as the code ends. Two thirds of the dev queries with a number have none ("2019", "KB5034441"),
# and the search for it skips in C to the next capital or hyphen, where _MARKED_CODE stops at every word.
_MARKED_CODE_SHAPE = re.compile(r"[A-Z-]\d{2,6}(?![\w-])")
_ONE_LETTER_TWO_DIGITS = re.compile(r"[A-Z]-?\d\d")
# A logfmt line's field that names the error it logs ("at=error code=H12 desc=…", as a platform's router
# logs it): its value is the code however short, where a letter and two digits alone are none.
_CODE_FIELD = re.compile(r"(?<![\w.-])(?i:(?:err(?:or)?[_-]?)?code)=\"?([A-Z]{1,3}\d{2,5})(?![\w.-])")
# What a text needs for _LETTER_CODE to find anything in it: its code, as it ends.
_LETTER_CODE_SHAPE = re.compile(rf"[A-Z]-?\d{{3,5}}(?!{_WORD_NOT_CJK})")
_LETTER_CODE_ALONE = re.compile(r"[A-Z]\d{3,5}")
# A printer's or a copier's display code: two digits, a dot, then two pairs of hexadecimal digits, apart
# by a dot or not, in capitals as the control panel shows them ("49.4C02", "79.00FE", "13.B2.D2"). With a
# letter among them: digits alone are as often a version or a decimal ("10.1234"). Not in scientific
# notation ("12.5E10"), nor part of a longer dotted run (a MAC address, "00.1A.2B.3C…", a version).
# Led by a digit (see _LED_BY).
_DISPLAY_CODE = re.compile(
    r"\d(?<![\w.].)\d\.(?=[0-9A-F.]{0,5}[A-F])(?![0-9.]*E\d+(?![\w.]))[0-9A-F]{2}\.?[0-9A-F]{2}(?!\w|\.\w)"
)
# A mail server's reply to a failed command, as SMTP sends it and a bounce quotes it: a reply code of a
# transient or permanent failure (4xx, 5xx), then the enhanced status code of the same class (RFC 3463,
# "421 4.7.0 Try again later", "550-5.7.1 Relaying denied"). Both are codes: the pair of one class is no
# version nor count ("4.7.0" alone is a release), nor is a success ("250 2.0.0 OK"). Led by its first
# digit (see _LED_BY).
_SMTP_REPLY = re.compile(
    r"(?P<reply>(?P<kind>[45])(?<![\w.-].)\d\d)[ -](?P<status>(?P=kind)\.[0-7]\.\d{1,3})(?![\w-]|\.\d)"
)
# SAP's message number as its GUI prints it under an error ("Message no. F5702"), or a note writes it
# ("message no. F5 702"): a message class in capitals (letters, digits, "_", and "/" around a namespace,
# "/SCWM/L3") with a letter in it, then three digits; the code is the two joined. A class of digits
# alone is a count ("message no. 12345").
_MESSAGE_NUMBER = re.compile(
    r"\b(?i:message)[ \t]+(?i:no\.|nr\.|number)[ \t]*+"
    r"(?<![\w/])((?=[A-Z0-9_/]{0,19}[A-Z])[A-Z0-9_/]{1,20}?)[ \t]?(\d{3})(?![\w/-])"
)
# The SQL standard's SQLSTATE, as a database's clients print it beside the message: PostgreSQL's drivers
# "(SQLSTATE 42P01)", JDBC's "SQLState: 23505", pgAdmin's "SQL state: 23505", Db2's "SQLSTATE=57019",
# PHP's PDO "SQLSTATE[42S02]: …". Five capitals or digits: a class of two, a subclass of three. The
# subclass "000" is the class alone, which a server's errors of the kind share (MySQL reports every
# broken constraint as 23000, every other failure as HY000): a classification, no code.
_SQLSTATE = re.compile(r"\b(?i:sql[ _]?state)\b[ \t]*[:=\[]?[ \t]*((?=[A-Z]{0,4}\d)[0-9A-Z]{5})(?![\w-])")
_SQLSTATE_CLASS = "000"
# MySQL's and MariaDB's clients print an error as "ERROR 1146 (42S02): Table … doesn't exist": its number,
# then its SQLSTATE in brackets, a state as any other (a class alone, "(HY000)", none). As a log's level,
# "ERROR" is cut from a line so printed, and the number opening what is left of a line is the error's too.
_CLIENT_STATE = r"(\d{1,5}) \(((?=[A-Z]{0,4}\d)[0-9A-Z]{5})\):"
_CLIENT_ERROR_STATE = re.compile(r"(?:\bERROR |(?<!\S))" + _CLIENT_STATE)
# What a text needs for it to find anything: many texts have a bracket, few a number and a state before one.
_CLIENT_STATE_SHAPE = re.compile(r"\d \([0-9A-Z]{5}\):")
# The same number and state opening a line of the text as written: clean() joins its lines, so that where the
# number opened one (under a pasted session's command, "mysql -u root\n1146 (42S02): …") is told before.
_CLIENT_LINE_STATE = re.compile(r"(?m:^)" + _CLIENT_STATE)
# A letter code as an author may write it where the text says it is one (a table's "Code" column,
# front matter), and as people retype it: "E-330", "e330", "W 402"; a device's alarm so too ("E-05").
# A device's code of one digit is only written with its hyphen ("E-4"), as its display shows it.
_ONE_LETTER_CODE = re.compile(r"([A-Za-z])(?:[ -]?(\d{2,5})|-(\d))")
# The same in a query, where nothing marks it as a code: only looked up among the codes the index
# knows, it is not reported as one ("my T480", "after 2020" are no codes).
# A code key of letters then digits, and its number; and a number labelled as an error code.
# An error's number written alone ("Error 21610" titling a problem) is a code of no family.
_NUMBERED_KEY = re.compile(r"[A-Z]*(\d{3,9})")
# Said of an error: "error 1603", "Sign-in error code: 50105", "errorCode": 50105; not an HTTP
# error's status nor a "status code" or "exit code", which name no code of the knowledge base's.
# In the other languages whose articles are read, by their words for an error, its code or (Portuguese)
# a rejection: "Fehlercode 2101", "erreur 1045", "Rejeição 539", "שגיאה 4012". A database server's
# message header gives its error's number so too: "Msg 18456, Level 14, State 1" (SQL Server, Sybase).
# Its alternatives are all under one lead (of a MySQL line, a digit; of an alarm, "a"): alternatives
# outside it were each tried at every position of a text again. Every alternative but the words in Chinese,
# Japanese and Korean starts where no word character comes before (after a lookbehind, a "\b" or a line's
# start), so the lead says so first: inside a word, most positions of a text, one test fails (a tenth fewer
# instructions on the dev queries).
# Its words are those that mark a letter code (_ERROR_WORDS): a list of its own had nine, and "Ошибка 1603",
# "Eroare 1603" or "Hata 1603" labelled no number where "Fehler 1603" did. But "warning": a warning prints
# a count after it more often than a number of its own ("Warning: 1000 characters is the most …", "WARNING:
# 1024 MB of swap space in use"), which was read as an error's code and answered "Error 1000".
_ERROR_WORDS_BUT_WARNING = "|".join(word for word in _ERROR_WORDS.split("|") if word != "warning")
_LABELLED_WORDS = _ERROR_WORDS_BUT_WARNING + "|rejei[cç][aã]o"
# Words that label a number alone, with no "code" after them.
_LABELLED_PHRASES = "fehlernummer|foutcode|code d'erreur|código de erro"
# A word that only says the code beside it is an error's, in any language such a word labels a code in ("error",
# "Fehler", "erreur", "エラー", "错误代码"; joined with the word for a code, "Fehlercode", "error_code"; or the
# word for a code alone, "code", "código"), its punctuation aside ("Error:").
_ERROR_WORD = re.compile(
    rf"\W*(?:err|(?:{_ERROR_WORDS_BUT_WARNING})(?:s|[ _-]?codes?)?|codes?|{_CODE_WORDS}|{_LABELLED_PHRASES}"
    rf"|{_CJK_ERROR})\W*",
    re.IGNORECASE,
)


def is_error_word(word: str) -> bool:
    """Whether ``word``, a whitespace-separated part of a query, is only the word for an error or for its code
    ("error", "Fehler:", "エラーコード"; see _ERROR_WORD)."""
    return _ERROR_WORD.fullmatch(word) is not None


_LABELLED = (
    r"(?:"
    r"(?:(?<![\w-])(?<!http )(?<!https )"
    rf"(?:(?:{_LABELLED_WORDS})"
    rf"(?:[ _-]?code)?|{_LABELLED_PHRASES})"
    r"[\"']?[ \t]*[:=#-]?[ \t]*[\"']?"
    rf"|{_CJK_ERROR}{_CJK_LABEL_GAP})"
    rf"(\d{{3,9}})(?!{_WORD_NOT_CJK}|[.,]\d)"
    r"|\bmsg (\d{3,9}), level \d{1,2}, state \d{1,3}\b"
    # PHP's PDO gives the driver's code after the SQLSTATE and its words ("SQLSTATE[23000]: Integrity
    # constraint violation: 1062 Duplicate entry …"), or in brackets ("SQLSTATE[HY000] [2002] …"): MySQL's
    # number, which tells apart the errors of one SQLSTATE.
    r"|\bsqlstate\[[0-9a-z]{5}\](?::[ \t][^:\n]{1,80}:[ \t]|[ \t]\[)(\d{3,9})\b"
    # MySQL's client's "ERROR 1045 (28000): …" as what is left once "ERROR" is cut as a level (see
    # _CLIENT_ERROR_STATE): the number before the SQLSTATE in brackets, opening the line.
    r"|(?m:^)(\d{3,5}) \((?=[A-Z]{0,4}\d)[0-9A-Z]{5}\):"
    # A network manager's alarm list gives an alarm by its ID ("Alarm ID 26232", "alarm 7401"), which an
    # alarm reference titles with its prefix ("ALM-26232"). Of four digits or more: "alarm 300" is as
    # likely a time or a count.
    r"|\balarm(?:[ \t]+(?:id|code|no\.|number))?[ \t]*[:#]?[ \t]*(\d{4,9})(?![\w.,-]))"
)
# The first letters of its words, of the words its other alternatives open with, and a digit (see _LED_BY).
_LABELLED_FIRST = _first_letters("|".join((_LABELLED_WORDS, _LABELLED_PHRASES, "msg|sqlstate|alarm")))
_LABELLED_LEAD = rf"(?<!\w)(?=[{_LABELLED_FIRST}\d])"
_LABELLED_NUMBER = re.compile(rf"(?:{_LABELLED_LEAD}|(?=[{_CJK_ERROR_FIRST}])){_LABELLED}", re.I)
# The same for a text without the first character of a word for an error in Chinese, Japanese or Korean
# (all but a few): inside a word the lead's alternative for them was tried after the first had failed,
# a third of the pattern's time.
_LABELLED_NUMBER_NOT_CJK = re.compile(_LABELLED_LEAD + _LABELLED, re.I)
_CJK_ERROR_LEAD = re.compile(f"[{_CJK_ERROR_FIRST}]")
# A code of letters then digits that "error code" (or those words in another language) labels, in any case,
# as some vendors print theirs ("Error code: caa70004", "קוד שגיאה caa70004"): where nothing labels it, a
# word so written in lower case is as often a name or a value ("voucher abc12345").
_LABELLED_KEY_WORDS = "error[ _-]?code|fehlercode|foutcode|code d'erreur|c[óo]digo de error?|קוד (?:ה)?שגיאה"
_LABELLED_KEY = re.compile(
    _LED_BY.format(_first_letters(_LABELLED_KEY_WORDS) + _CJK_ERROR_FIRST)
    + rf"(?:(?<![\w-])(?:{_LABELLED_KEY_WORDS})"
    r"[\"']?[ \t]*[:=#]?[ \t]*[\"']?"
    rf"|{_CJK_ERROR_CODE}{_CJK_LABEL_GAP})"
    rf"([a-z]{{1,8}}\d{{3,9}})(?![\w-])",
    re.I,
)
# An HTTP error's status with its reason phrase, as a status line writes it ("HTTP/1.1 403 Forbidden")
# and an HTTP-errors page heads a section ("## 504 Gateway Timeout"), or right after "HTTP" ("HTTP 401"):
# the phrase or the protocol says it is a status, where a bare number ("500 users") is a count.
# Apps and libraries write it after "error", the phrase after a colon or a spaced dash ("Error 502: Bad
# Gateway", "Error 502 - Bad Gateway"), and Python's urllib as "HTTP Error 413: Request Entity Too
# Large": those were labelled numbers, the status a code that identified a problem alone. A hyphen with
# no space is a page's address ("401-unauthorized-web-api"), no status. French typography, and a common
# typo, space the colon ("Erreur 502 : Bad Gateway"), and apps write their language's word for an error
# before it ("Fehler 502: Bad Gateway"): those were codes that identified the proxy's page alone (high).
# The separator's blanks are possessive: given back one by one, some forty phrases were tried after each
# ("Error 502:" and 100 kB of spaces took half a second).
_HTTP_STATUS = re.compile(
    _LED_BY.format("45h" + _first_letters(_ERROR_WORDS_BUT_WARNING))
    + rf"(?:(?<![\w.-])(?:(?:{_ERROR_WORDS_BUT_WARNING})[ \t]+)?([45]\d\d)(?: |[ \t]*+:[ \t]++|[ \t]++[-\u2013\u2014][ \t]++)"
    r"(?:bad request|unauthori[sz]ed|payment required|forbidden|not found|"
    r"method not allowed|not acceptable|proxy authentication required|request time-?out|conflict|gone|"
    r"length required|precondition (?:failed|required)|(?:content|payload|request entity) too large|"
    r"ur[il] too long|unsupported media type|range not satisfiable|expectation failed|misdirected request|"
    r"unprocessable (?:content|entity)|locked|failed dependency|too early|upgrade required|"
    r"too many requests|request header fields too large|unavailable for legal reasons|"
    r"internal server error|not implemented|bad gateway|service unavailable|gateway time-?out|"
    r"http version not supported|insufficient storage|loop detected|network authentication required)\b"
    r"|\bhttp(?:/\d(?:\.\d)?)?(?: error)? ([45]\d\d)\b(?![.,]\d))",
    re.I,
)
# What a pattern needs somewhere in a text to find anything there: a text without it (a quick scan
# for a character or two) is not scanned with the pattern, whose alternatives and lookbehinds are
# tried at every position. Three digits in a row, which every number _LABELLED_NUMBER and
# _HTTP_STATUS read has (\d{3,9}, [45]\d\d), and so does a letter code: 107 of the 245 dev queries
# have none. A 4xx or 5xx status's digits, for _HTTP_STATUS. Written out, not as "\d{3}": a pattern that
# opens with a character class is searched in C for its next digit, one that opens with a repeat is tried
# position by position (twice the time).
_THREE_DIGITS = re.compile(r"\d\d\d")
_TWO_DIGITS = re.compile(r"\d\d")
_SIX_DIGITS = re.compile(r"\d{6}")
_STATUS_DIGITS = re.compile(r"[45]\d\d")
_LETTER_CODE_ANYWHERE = re.compile(r"(?<![\w-])[A-Za-z]-?\d{3,5}(?![\w-])")
# What it needs: its digits, after a letter or a hyphen, as they end.
_LETTER_CODE_DIGITS = re.compile(r"\d(?<=[A-Za-z-]\d)\d{2,4}(?![\w-])")
# What a log message's ID written alone needs besides three digits in a row: eight hexadecimal digits, as it ends.
_HEX_ID_SHAPE = re.compile(r"[0-9a-fA-F][0-9a-fA-F]{7}(?![\w:-])")
_HEXADECIMAL_MARK = re.compile(r"0x", re.I)
# An API's error codes in snake case ("invalid_currency", "idempotency_conflict"), as an error
# reference's "Error code" column lists them and a pasted body's "code" gives them: in prose the same
# shape is a setting or a field ("max_connections"), so they too count only where the index has them.
_SNAKE_CODE = re.compile(r"(?<![\w-])[a-z][a-z0-9]*+(?:_[a-z0-9]++)++(?![\w-])")
# Each with what it needs in a text to find anything (see _THREE_DIGITS), each of those searched once however
# many need it; those of capitals led by their first (see _LED_BY).
_CODES_IF_KNOWN: tuple[tuple[tuple[re.Pattern[str], ...], re.Pattern[str]], ...] = (
    ((_LETTER_CODE_DIGITS,), _LETTER_CODE_ANYWHERE),
    # A device's alarm code of a letter and two digits ("E05"; see _ALARM_CODE), in capitals as printed.
    ((_MARKED_CODE_SHAPE,), re.compile(r"[A-Z](?<![\w-].)-?\d\d(?![\w-])")),
    # One of one digit, written with its hyphen as a device manual titles it ("E-4"; see device_code_titled).
    ((re.compile(r"-\d"),), re.compile(r"[A-Z](?<![\w-].)-\d(?![\w.-])")),
    ((_HEXADECIMAL_MARK,), re.compile(r"(?<![\w-])0x(?!0{8})[0-9a-f]{8}(?![\w-])", re.I)),
    # One in fewer digits (see _SHORT_HEX_CODE).
    ((_HEXADECIMAL_MARK,), re.compile(r"(?<![\w-])0x(?!0++(?![\w-]))[0-9a-f]{1,7}(?![\w-])", re.I)),
    # A Node.js error's code written alone ("ERESOLVE", "ECONNREFUSED"; see _NODE_CODE).
    ((re.compile(r"E"),), re.compile(r"E(?<![\w-].)[A-Z]{3,30}+(?![\w-])")),
    # A log message's ID written alone, without the severity after it ("01260013"; see _HEX_MESSAGE_ID).
    ((_THREE_DIGITS, _HEX_ID_SHAPE), re.compile(r"(?<![\w:.-])(?=[a-fA-F]*\d)[0-9a-fA-F]{8}(?![\w:-])")),
    # A VMS condition's name without its "%", as people retype it ("MOUNT-F-NOSUCHDEV"; see _VMS_CONDITION).
    (
        (_VMS_SEVERITY,),
        re.compile(r"[A-Z](?<![\w$-].)[A-Z0-9$_]{0,30}+-[SIWEF]-[A-Z][A-Z0-9$_]{0,40}+(?![\w$-])"),
    ),
    # A code of two digits or of several parts, hyphens or not ("BK-05", "KP-C01", "ERRSOC07"; see _MULTI_PART).
    (
        (_MARKED_CODE_SHAPE,),
        re.compile(r"[A-Z](?<![\w-].)[A-Z]{0,7}+(?:-[A-Z0-9]{1,8}+)*?-?[A-Z]{0,3}\d{2,6}(?![\w-])"),
    ),
    # A message's code of one capital and six to eight digits written alone ("A2210217"; see _CHAINED_CODE).
    ((_SIX_DIGITS,), re.compile(r"[A-Z](?<![\w-].)\d{6,8}(?![\w-])")),
    # A failed HRESULT as a negative decimal written alone ("-2147217406"; see _SIGNED_HRESULT).
    ((re.compile(r"-[12]\d"),), re.compile(r"(?<![\w.-])-[12]\d{9}(?!\w|[.,]\d)")),
)
# Any digit, as the patterns of numeric codes read one (\d: of any script).
_DIGIT = re.compile(r"\d")


# In Chinese, Japanese and Korean too: "错误 0x000006BE", "エラーコード 0x0000011b".
_NAMES_ERROR_VALUE = re.compile(
    r"(?:error|fail\w*|code|status|result|denied|错误|錯誤|报错|報錯|失败|失敗|代码|代碼|エラー|コード|오류|에러|코드)"
    r"[\s:=(#]*$",
    re.IGNORECASE,
)


# Before a code span that names a problem's API error in snake case, in its heading: the words that
# say the failure comes with it ("declined with `card_declined`", "returns `invalid_grant`", "error
# `rate_limited`"); a span after other words is a setting or a field ("after raising `max_connections`").
_SNAKE_CODE_LEAD = re.compile(r"\b(?:with|returns?|error|code)[ \t]*:?[ \t]*$", re.IGNORECASE)
# Between two such spans, the second another code of the same failure ("`card_declined` / `do_not_honor`").
_CODES_BETWEEN = re.compile(r"[ \t]*(?:/|,|\bor\b|\band\b)[ \t]*", re.IGNORECASE)


def snake_codes_named(title: str, spans: list[str]) -> list[str]:
    """The code spans of a heading (``spans``, in order, as ``title`` holds their text) that hold an API's
    error code in snake case right after the words that say the failure comes with it ("… declined with
    `card_declined` / `do_not_honor`"): what the heading identifies its problem by."""
    found: list[str] = []
    position = 0
    last_end = -1
    for span in spans:
        at = title.find(span, position)
        if at < 0:
            continue
        if _SNAKE_CODE.fullmatch(span) and (
            _SNAKE_CODE_LEAD.search(title, max(0, at - 40), at)
            or (last_end >= 0 and _CODES_BETWEEN.fullmatch(title, last_end, at))
        ):
            found.append(span)
            last_end = at + len(span)
        position = at + len(span)
    return found


# A device's code of a letter, a hyphen and one or two digits, as a manual titles the entry of an alarm its
# display shows by it, then the alarm's name ("E-4 Air in line", "A-12 Battery depleted"). Before a word
# in lower case it is a part's or a model's name ("B-2 cable holder"), as a longer code is (_LETTER_CODE).
_DEVICE_CODE_TITLE = re.compile(r"[ \t]*([A-Z]-\d{1,2})[ \t]++[A-Z]")


def device_code_titled(title: str) -> list[str]:
    """The device's short code that a heading's ``title`` opens with, canonical ("E-4 Air in line" →
    ["E4"]); none where it opens with none."""
    found = _DEVICE_CODE_TITLE.match(title)
    return [canonical_code(found.group(1))] if found else []


def is_letter_code(text: str) -> bool:
    """Whether ``text`` is one code of one capital and three to five digits, as a code span that
    holds it alone marks it ("## `E501` line too long")."""
    return bool(_LETTER_CODE_ALONE.fullmatch(text))


# HRESULTs and NTSTATUS values that report a failure have their top bit set (0x8…, 0xC…);
# other 0x-numbers in logs are time stamps, handles and flags, but for a code written in eight
# digits right after words that say it is one (_NAMES_ERROR_VALUE: "failed with error 0x0000011b",
# "status 0x00000005"): a Windows error code, or a device's or firmware's, whose top bit is clear
# ("Printer failure 0x61011bed", "error 0x6100004a", as printers and consoles display theirs).
# Both forms are led by their first character (then "at a word start"), so the engine only
# stops at a 0, 8 or c rather than at every word.
# A GUID's first group (c012eb76-f8eb-…) is no code: the lookahead leaves it out.
# Chinese, Japanese and Korean text is written without spaces, and its characters are word characters
# to the engine: a code right after or before them still stands apart ("错误0x000006BE"; see _WORD_NOT_CJK).
_HEX_CODE = re.compile(
    rf"[08c](?<!{_WORD_NOT_CJK}.)(?:(?<=0)x([8cd][0-9a-f]{{7}})|(?<=0)x((?!0{{8}})[0-9a-f]{{8}})|(?<=[8c])0[0-9a-f]{{6}})"
    rf"(?!{_WORD_NOT_CJK})(?!-[0-9a-f]{{4}}-)",
    re.IGNORECASE,
)
# A status in fewer than eight hexadecimal digits, as devices, firmware and clients print theirs ("the
# client shows error code 0x0F1A", "error 0x709"): a code only right after words that say it is an
# error's (_NAMES_ERROR_VALUE, a whole word), as an address, an offset or a flag has that shape too. Zeros
# alone report success. Led by its "0", with the same word edges as _HEX_CODE.
_SHORT_HEX_CODE = re.compile(
    rf"0(?<!{_WORD_NOT_CJK}.)x(?!0++(?!{_WORD_NOT_CJK}))[0-9a-f]{{1,7}}(?!{_WORD_NOT_CJK}|-)", re.IGNORECASE
)
# A letter right before the word that names an error's value: "opcode", "keycode", "Unicode" name none.
_LETTER_BEFORE = re.compile(r"[A-Za-z]")
# A failed HRESULT as Windows, COM, Office and VPN clients often report it: the 32-bit value as a signed
# decimal ("Run-time error '-2147024891'", "foutcode -2147217406"), which is 0x80070005, 0x80041002.
# Ten digits, so -1000000000 to -2147483648: a shorter negative number is a program's own code or a
# count ("error -14"). Where the text says it is an error's code (see _NAMES_ERROR_VALUE), it is the
# hexadecimal code; typed alone, it is looked up among the codes the index knows (codes_if_known).
_SIGNED_HRESULT = re.compile(r"(?<![\w.-])[\"'`]?-([12]\d{9})(?!\w|[.,]\d)")
_SIGNED_HRESULT_ALONE = re.compile(r"-([12]\d{9})")
_INT32_SIGN = 2**31


def _hresult(digits: str) -> str | None:
    """The hexadecimal spelling of a failed HRESULT given as the ``digits`` of a negative decimal
    ("2147217406" → "0x80041002"); None where the number is out of a 32-bit value's range."""
    value = int(digits)
    return f"0x{2 * _INT32_SIGN - value:08X}" if value <= _INT32_SIGN else None


# The key of a key=value field just before a value, and the keys that name an error (status=,
# hr=, OriginalError=): a bare hex value (no 0x) of any other key is a value, such as the
# arch=c000003e that every Linux audit record carries.
_VALUE_KEY = re.compile(r"([A-Za-z_][\w.-]{0,40})=$")
_ERROR_KEY = re.compile(r"err|status|code|result|fail|^hr$|^rc$", re.IGNORECASE)
# Keys of a value that identifies one occurrence: an id, or the batch, order or request it belongs to.
_IDENTIFIER_KEY = re.compile(
    r"(?:^|[_.-])(?:id|ids|batch|order|request|req|trace|span|session|ticket|txn|transaction|invoice|"
    r"receipt|job|run|item|sku)$|[a-z]Id$",
    re.IGNORECASE,
)
# Possessive, with the lower-case letter checked ahead: a long token that is not an error name
# ("Aaaa…a_x") fails in one pass instead of trying every split of it. Led by its capital (then
# "at a word start"), so the engine only stops at capitals.
_NAMED_ERROR = re.compile(r"[A-Z](?<!\w.)(?=[A-Za-z0-9]*?[a-z])[A-Za-z0-9]*+(?:_[A-Z][A-Za-z0-9]++)?\b")
# A class's package path right before its name, in lower case ("java.sql.", "airflow.exceptions."), as
# Java and Python print a raised exception's class: that names a kind of failure, a wrapper or one that
# many causes raise alike ("DataIntegrityViolationException" for any broken constraint), not one failure.
# .NET's namespaces are capitalised, and PowerShell reports those names as its errors' ids.
_PACKAGE_PATH = re.compile(r"(?<![\w.])(?:[a-z_][a-z0-9_]*+\.)++$")
# Names that label a field of an error record rather than name an error.
_FIELD_LABEL = re.compile(r"(?:Id|ID|Code|Name|Message|Type|Category|Record|Details?|Text)$")
# A CamelCase identifier is only an error name when it says something went wrong;
# otherwise every attribute name (UserPrincipalName) would count as a code. So does a state that a
# status column reports a failing workload in: retried after failures ("CrashLoopBackOff", written so,
# where a setting is "ExponentialBackoff"), killed ("OOMKilled"), or an error value as Go names them
# ("ErrImagePull", io's "ErrUnexpectedEOF").
_ERROR_NAME_PARTS = re.compile(
    r"Error|Invalid|Fail|Exception|Must|Not[A-Z]|NotValid|IsNot|Denied|Unique|Mismatch|Required|"
    r"Already|Unsupported|Bad|Unauthori[sz]ed|Forbidden|Expired|Timeout|TimedOut|Conflict|"
    r"Missing|Unknown|Insufficient|Disabled|Blocked|Duplicate|Violation|Unable|Cannot|Exceeded|"
    r"Limit|Too[A-Z]|InProgress|Busy|BackOff|Killed|^Err[A-Z]"
)
# Error names written in capitals with underscores, as browsers, operating systems and C libraries
# name their errors (ERR_CERT_AUTHORITY_INVALID, ERROR_ACCESS_DENIED, SEC_E_INVALID_TOKEN,
# NT_STATUS_LOGON_FAILURE): a constant of an error family (a part ERR, ERROR or E before others, or a
# first part that is a component's short name joined to ERR, as SAP's SNC layer names its errors,
# SNCERR_GSSAPI: read as no code, a pasted SNCERR_GSSAPI found nothing; not the standard error stream's
# STDERR_FILENO, nor a word joined to ERROR, a setting's MAXERROR_COUNT or NOERROR_MODE), or whose last
# part says what went wrong. Settings and other constants (HOMEBREW_FORBIDDEN_LICENSES,
# PIP_TIMEOUT, JAVA_HOME) name what they set. gRPC's canonical status names, which Google's APIs return
# beside the HTTP status, say so too (RESOURCE_EXHAUSTED, ALREADY_EXISTS, OUT_OF_RANGE).
_CONSTANT = re.compile(r"[A-Z](?<![\w-].)[A-Z0-9]*+(?:_[A-Z0-9]++)++(?![\w-])")
_CONSTANT_ERROR = re.compile(
    r"(?:^|_)(?:E|ERR|ERROR)_|^(?!STDERR_)[A-Z0-9]{2,5}ERR_|_(?:ERRORS?|FAIL(?:ED|URE)?|INVALID|DENIED|ACCESSDENIED|REFUSED|TIMEDOUT|"
    r"UNAUTHORI[SZ]ED|FORBIDDEN|MISSING|UNKNOWN|EXPIRED|ABORTED|UNREACHABLE|MISMATCH|CONFLICT|EXCEEDED|"
    r"INSUFFICIENT|UNSUPPORTED|ILLEGAL|CORRUPT(?:ED)?|NOT_FOUND|OUTOFMEMORY|DISABLED|BLOCKED|DUPLICATE|"
    r"VIOLATION|BUSY|UNAVAILABLE|CANCELL?ED|EXHAUSTED)$|(?:^|_)(?:ALREADY_EXISTS|OUT_OF_RANGE)$"
)
# The words that name a program's abort by its runtime error, as ABAP's short dumps are named ("terminates
# with the runtime error CONVT_NO_NUMBER", ST22's "Runtime Errors   MESSAGE_TYPE_X", "the short dump
# TIME_OUT"; in a German system "Laufzeitfehler", "Kurzdump"): a constant right after them is the error's
# name, worded as a failure or not. After "error" alone such a name is as often a setting the message
# complains of ("Error: HTTP_PROXY is not set").
_RUNTIME_ERROR_LEAD = re.compile(
    r"\b(?:runtime[ \t]+errors?|short[ \t]+dumps?|laufzeitfehler|kurzdumps?)[ \t]*:?[ \t]*$", re.IGNORECASE
)
# Error types written as URNs, as RFC 7807 problem documents name them ("type":
# "urn:ietf:params:acme:error:rejectedIdentifier", RFC 8555's ACME errors): a namespace that ends in
# "error", then the error's name. The namespace is the code's family (see code_family).
_URN_ERROR = re.compile(r"(?<![\w:-])urn:(?:[a-z0-9-]++:)+?error:[a-z][a-z0-9]*+(?![\w-])", re.IGNORECASE)
# An Apple error as NSError describes itself: "Error Domain=NSURLErrorDomain Code=-1202 "…" UserInfo={…}".
# The domain is a framework's, shared by every error it reports; the pair names one error, and is one
# code ("NSURLErrorDomain:-1202"). The keys of its UserInfo (NSErrorFailingURLKey=, NSUnderlyingError=)
# label fields that any error of the domain has.
_NSERROR = re.compile(r"\bError Domain=([A-Za-z][\w.]*+) Code=(-?\d++)\b")
_DOMAIN_KEY = re.compile(r"[A-Z][\w.]*+:-?\d++")
# Such a pair as written, alone in a query ("ActiveDirectoryServer:8344"): a host's port ("localhost:8080")
# is written the same, so it is only looked up among the codes the index knows (see codes_if_known).
_DOMAIN_CODE = re.compile(r"(?<![\w.:/-])[A-Za-z][\w.]*+:-?\d++(?![\w.:/-])")
# What a text needs for _DOMAIN_CODE to find anything in it: a colon before a number.
_DOMAIN_MARK = re.compile(r":-?\d")
# A PowerShell error record's fields, as the console prints them under its message. "+ CategoryInfo :
# NotSpecified: (jdoe:ADUser) [Set-ADUser], ADException" opens with its category, one of some thirty
# (NotSpecified, ObjectNotFound, SecurityError) that thousands of errors share: a classification, no code.
# "+ FullyQualifiedErrorId : ActiveDirectoryServer:8344,Microsoft.…SetADUser" names it: the error's id,
# then the class of the command that raised it. An id of a domain and a number is one code, as an
# NSError's. The exception's type (ADException) is a name as it is anywhere else.
_CATEGORY = re.compile(r"\bCategoryInfo\s*:\s*([A-Za-z]++):")
_ERROR_ID = re.compile(r"\bFullyQualifiedErrorId\s*:\s*([\w.:-]++)(?:,[\w.]++)?")
_USER_INFO = re.compile(r"UserInfo=\{[^\n]*")
_USER_INFO_KEY = re.compile(r"(?<![\w.])[A-Za-z]\w*+(?==)")
# A Node.js error's code, an errno name or an npm code ("ERESOLVE", "EACCES", "E401"), where npm's
# first line of an error gives it ("npm ERR! code ERESOLVE", npm 9's "npm error code …") or Node's
# printout of an error object quotes it ("{ errno: -13, code: 'EACCES', … }"). Elsewhere a word in
# capitals after "code" is no more a code than any other.
_NODE_CODE = re.compile(r"(?:\bnpm (?:ERR!|error) code |\bcode: ')(E(?:[A-Z][A-Z0-9]{2,30}+|\d{3})(?![\w-]))")
# A record's fields joined by commas alone, as a console message prints the values its manual's template
# names ("IEC141I 013-18,IGG0191B,PAYROLL1,STEP02,SYSUT1,0A82,PRD001,…" for "013-rc,mod,jjj,sss,…"): four
# fields or more, no key=value pair among them, and a word among them (a job's, a step's name), where a
# list of codes so joined ("ORA-12154,ORA-12514,…") has digits in every field.
_VALUE_RECORD = re.compile(r"(?<![\w.()/,=-])[\w.()/-]{1,40}+(?:,[\w.()/-]{1,40}+){3,}+(?![\w,=])")
_DIGITLESS_FIELD = re.compile(r"(?:^|,)[^\d,]+(?:,|$)")


# The word before such values, apart from them on their line: the ID of the message whose values they are.
_WORD_BEFORE = re.compile(r"(?<!\S)(\S{1,40})[ \t]+$")


def value_records(text: str) -> list[tuple[int, int]]:
    """Where ``text`` holds the values of one occurrence of a message joined by commas alone (a volume's
    serial among them, "PRD001", is no error's code), as start and end offsets: after the code or ID of
    the message on their line ("IEC141I 013-18,…"). A row of a CSV export opens its line with its fields,
    codes among them ("2024-03-01T10:00:00Z,ERROR,DB-1045,connection_lost")."""
    if "," not in text:
        return []
    return [
        m.span()
        for m in _VALUE_RECORD.finditer(text)
        if _DIGITLESS_FIELD.search(m.group(0)) and _after_message_id(text, m.start())
    ]


def _after_message_id(text: str, start: int) -> bool:
    """Whether the word before ``start``, apart from it by spaces on its line, is a code or message ID."""
    before = _WORD_BEFORE.search(text, max(0, start - 50), start)
    return before is not None and bool(error_codes(before.group(1)))


def _in_records(records: list[tuple[int, int]], at: int) -> bool:
    """Whether offset ``at`` falls in one of ``records`` (as :func:`value_records` gives them: in order, none
    overlapping), found by bisection: a log of many rows has as many records as codes."""
    index = bisect_right(records, at, key=lambda span: span[0]) - 1
    return index >= 0 and at < records[index][1]


# A part of an identifier right before a code's prefix ("KB-" of "KB-PL-2291", "HM-" of "HM-AUTH-401").
_PART_BEFORE = re.compile(r"(?<![\w-])([A-Za-z]{2,8})-$")
# A prefixed code with such a part before it, as a code may be written (see canonical_code).
_LED_CODE = re.compile(r"([A-Za-z]{2,8})-(.+)")
# A file's extension right after a name written as a code is ("IMG_2231.HEIC", "DSC_0042.jpg"), in one
# case: a sentence run on after a code's full stop opens with a capital and goes on in lower case
# ("AADSTS50011.The redirect URI …").
_FILE_EXTENSION = re.compile(r"\.(?:[a-z][a-z0-9]{1,4}|[A-Z][A-Z0-9]{1,4})(?![\w-])")
# Prefixes of the prefixed pattern that are words or units, not error families.
_NOT_CODE_PREFIXES = {
    "KB",
    "SP",
    "TLS",
    "SSL",
    "HTTP",
    "HTTPS",
    "PORT",
    # A size, as a log prints an interface's ("MTU 1500 vs 1492"), not an error.
    "MTU",
    "WIN",
    "WINDOWS",
    "SERVER",
    "VERSION",
    "NET",
    "SQL",
    "IIS",
    "IPV",
    "UTF",
    "ISO",
    # A disease's name and year ("COVID-19"), written as a code of several parts is.
    "COVID",
    "RFC",
    # Standards by their bodies' names ("EN 16931", "IEC 62443"), which are written like codes too.
    "EN",
    "IEC",
    "DIN",
    "IEEE",
    "ANSI",
    "NIST",
    "ECMA",
    "ETSI",
    "TCP",
    "UDP",
    "ID",
    # A process, user or group by its number ("PID 123315"), not an error.
    "PID",
    "UID",
    "GID",
    "EVENT",
    "GMT",
    "UTC",
    # Algorithms, standards, versions and platforms, which are written like codes.
    "SHA",
    "MD",
    "AES",
    "RSA",
    "DES",
    "CRC",
    "PEP",
    "ARM",
    "AMD",
    "IA",
    "PY",
    "CP",
    "JDK",
    "JRE",
    "GCC",
    "LLVM",
    "CPU",
    "GPU",
    "USB",
    "PCI",
    "NVME",
    "SCSI",
    "RHEL",
    "MACOS",
    "IOS",
    "OPENSSL",
    "PYTHON",
    "RUBY",
    "NODE",
    # "Error 1045", "code 50105": what a code is called, not its family.
    "ERROR",
    "CODE",
    # "SQLSTATE 23000": a state is read by _SQLSTATE, whatever its characters.
    "SQLSTATE",
}


def canonical_code(code: str) -> str:
    """The one spelling of an error code used for storage and comparison."""
    code = code.strip()
    signed = _SIGNED_HRESULT_ALONE.fullmatch(code)
    if signed and (hresult := _hresult(signed.group(1))):
        return hresult
    state = _SQLSTATE.fullmatch(code)
    if state:
        return "SQLSTATE" + state.group(1)
    hex_match = _HEX_CODE.fullmatch(code)
    if hex_match:
        return "0x" + (hex_match.group(1) or hex_match.group(2) or hex_match.group(0)).upper()
    if _SHORT_HEX_CODE.fullmatch(code):
        return "0x" + code[2:].upper()
    letter = _ONE_LETTER_CODE.fullmatch(code)
    if letter:
        return letter.group(1).upper() + (letter.group(2) or letter.group(3))
    severity_led = _SEVERITY_LED_CODE.fullmatch(code)
    if severity_led:
        return "".join(severity_led.groups()).upper()
    led = _LED_CODE.fullmatch(code)
    if led and _PREFIXED_CODE.fullmatch(led.group(2)):
        return led.group(1).upper() + canonical_code(led.group(2))
    prefixed = _PREFIXED_CODE.fullmatch(code)
    if prefixed:
        # The author's underscore is part of how the code is written (SSPR_0029); spaces and
        # hyphens are how people retype it.
        separator = "_" if prefixed.group(2) == "_" else ""
        return prefixed.group(1).upper() + separator + prefixed.group(3) + (prefixed.group(4) or "")[1:]
    if _MULTI_PART_CODE.fullmatch(code):
        return code.replace("-", "")
    return code


def error_codes(text: str, *, named: bool = True, any_case: bool = False) -> list[str]:
    """The error codes in ``text``, canonical and in order of first appearance.

    Recognises prefixed numeric codes (``AADSTS50011``, ``SSPR_0029``; ``E501`` where the
    text marks it as a code, see :data:`_LETTER_CODE`), message identifiers with a severity
    letter (``SQL0911N``, ``AMQ9208E``), syslog message names (``LINK-3-UPDOWN``), HRESULTs
    with or without ``0x`` (``0x80070005``, ``80070005``), error constants
    (``ERR_CERT_AUTHORITY_INVALID``), error types written as URNs
    (``urn:ietf:params:acme:error:malformed``), Apple's errors by domain and code
    (``NSURLErrorDomain:-1202``), Node.js error codes where npm or Node labels them
    (``npm ERR! code ERESOLVE``) and, when ``named`` is true, CamelCase error
    names (``AttributeValueMustBeUnique``). Authors write a
    code's prefix in capitals ("Office 365" is no code); ``any_case`` accepts a
    prefix in any case too when it is joined to its number or the number has five
    digits or more ("aadsts50105", "aadsts 50105"), for queries, whose codes are
    then checked against the codes the index knows.
    """
    # MySQL's client's "N (SQLSTATE):" lines, as cleaning leaves them no longer at a line's start.
    client_lines = (
        {m.group(0) for m in _CLIENT_LINE_STATE.finditer(text)} if "\n" in text and "):" in text else set()
    )
    text = clean(text)
    found: dict[str, int] = {}
    # Numeric codes have three digits or more, an HRESULT a 0, an error constant an underscore:
    # a text without digits (a question in words) or without "_" is not scanned for them.
    if _DIGIT.search(text):
        _numeric_codes(text, found, any_case=any_case, client_lines=client_lines)
    # As specific as a number: found in prose too, where a CamelCase name is more often an attribute.
    # A URN's parts are written all in lower case or, shouted, all in capitals: a text with neither
    # spelling of ":error:" is not scanned for one.
    if ":error:" in text or ":ERROR:" in text:
        for m in _URN_ERROR.finditer(text):
            found.setdefault(m.group(0), m.start())
    # Named in letters, as a URN is: a text without digits is searched for one too.
    if _VMS_SEVERITY.search(text):
        for m in _VMS_CONDITION.finditer(text):
            found.setdefault(m.group(1), m.start(1))
    if "_" in text:
        for m in _CONSTANT.finditer(text):
            if _CONSTANT_ERROR.search(m.group(0)) or _RUNTIME_ERROR_LEAD.search(
                text, max(0, m.start() - 40), m.start()
            ):
                found.setdefault(m.group(0), m.start())
    if " code " in text or "code: '" in text:
        for m in _NODE_CODE.finditer(text):
            found.setdefault(m.group(1), m.start(1))
    # Where a name is a domain or a field's key of an NSError, not an error's name.
    not_names: set[int] = set()
    if "Domain=" in text:
        for m in _NSERROR.finditer(text):
            found.setdefault(f"{m.group(1)}:{m.group(2)}", m.start())
            not_names.add(m.start(1))
        for info in _USER_INFO.finditer(text):
            not_names.update(info.start() + key.start() for key in _USER_INFO_KEY.finditer(info.group(0)))
    if "CategoryInfo" in text or "FullyQualifiedErrorId" in text:
        _error_record(text, found, not_names)
    if named:
        for m in _NAMED_ERROR.finditer(text):
            name = m.group(0)
            # A capital after the first: the name is ASCII and has a lower-case letter after its
            # first (see _NAMED_ERROR), so this is "not all lower case", in one call.
            if (
                not name[1:].islower()
                and _ERROR_NAME_PARTS.search(name)
                and not _FIELD_LABEL.search(name)
                and m.start() not in not_names
                and not _PACKAGE_PATH.search(text[max(0, m.start() - 80) : m.start()])
            ):
                found.setdefault(name, m.start())
    return sorted(found, key=found.__getitem__)


def _error_record(text: str, found: dict[str, int], not_names: set[int]) -> None:
    """Add the code of each PowerShell error record's FullyQualifiedErrorId in ``text`` to ``found`` (code →
    where it first appears) when its id is a domain's numbered error; add to ``not_names`` where its
    category and its command's class start."""
    not_names.update(m.start(1) for m in _CATEGORY.finditer(text))
    for m in _ERROR_ID.finditer(text):
        if _DOMAIN_CODE.fullmatch(m.group(1)):
            found.setdefault(m.group(1), m.start(1))
        not_names.update(range(m.end(1), m.end()))


def _numeric_codes(text: str, found: dict[str, int], *, any_case: bool, client_lines: set[str]) -> None:
    """Add the prefixed, letter, severity-lettered and hexadecimal codes of ``text`` to ``found`` (code → where it
    first appears), as :func:`error_codes` reads them; ``client_lines``: the MySQL client's "N (SQLSTATE):"
    that opened a line of the text before it was cleaned."""
    lowered = text.lower()
    # Where a SQLSTATE's value starts: "HY000" there is a state, not a code of the prefixed pattern.
    states: set[int] = set()
    if "state" in lowered:
        for m in _SQLSTATE.finditer(text):
            states.add(m.start(1))
            if not m.group(1).endswith(_SQLSTATE_CLASS):
                found.setdefault(canonical_code(m.group(0)), m.start())
    if _CLIENT_STATE_SHAPE.search(text):
        for m in _CLIENT_ERROR_STATE.finditer(text):
            if not (m.start() == 0 or m.group(0).startswith("ERROR ") or m.group(0) in client_lines):
                continue
            states.add(m.start(2))
            if not m.group(2).endswith(_SQLSTATE_CLASS):
                found.setdefault("SQLSTATE" + m.group(2), m.start(2))
    # Where values of one occurrence are joined by commas: read once a code needs them (most texts have none).
    records: list[tuple[int, int]] | None = None
    for m in _PREFIXED_CODE.finditer(text):
        if records is None:
            records = value_records(text)
        if _in_records(records, m.start()):
            continue
        prefix = m.group(1)
        # In a query, a word apart from a number of three or four digits is rarely a code: people
        # write "Office 365", "on my 2015 MacBook" and "exited with 128". Such a code would be
        # reported as recognised and count as one more word of the query.
        written = prefix.isupper() or (any_case and (m.group(2) != " " or len(m.group(3)) > 4))
        if (
            written
            and m.start() not in states
            and prefix.upper() not in _NOT_CODE_PREFIXES
            and not _other_field(text, m.start())
            # After "user@", a host's name, as a shell's or a network device's prompt prints it
            # ("admin@PA-3220>"): the machine, the same in every article with output from it.
            and not (m.start() and text[m.start() - 1] == "@")
            # Before an extension, a file's name ("IMG_2231.HEIC", "DSC_0042.jpg"): one user's data.
            and not (text.startswith(".", m.end()) and _FILE_EXTENSION.match(text, m.end()))
            # Before ":[", a directory and a file's name, a VMS file specification's device
            # ("MKA500:[000000]DAILY.BCK"): the tape drive, the same in every message about it. Not a code
            # before its bracketed argument ("ORA-00600:[kcratr1_lostwrt]").
            and not (text.startswith(":[", m.end()) and _VMS_DIRECTORY.match(text, m.end()))
        ):
            before = _PART_BEFORE.search(text, max(0, m.start() - 9), m.start())
            if before is None:
                found.setdefault(canonical_code(m.group(0)), m.start())
            elif before.group(1).upper() in _NOT_CODE_PREFIXES:
                # "KB-PL-2291", a knowledge base's article number however its page labels it
                # ("Artykuł nr KB-PL-2291"), is not the error "PL-2291".
                continue
            elif _written_alike(before.group(1), prefix, any_case=any_case):
                # A product's prefix names whose code it is: "KC-AUTH-401" is not HM-AUTH-401, and
                # read as AUTH-401 both, one product's error was answered by the other's page.
                found.setdefault(before.group(1).upper() + canonical_code(m.group(0)), before.start(1))
            else:
                found.setdefault(canonical_code(m.group(0)), m.start())
    # A letter code is a capital and three to five digits wherever it stands: most texts have none.
    if _LETTER_CODE_SHAPE.search(text):
        for m in _LETTER_CODE.finditer(text):
            found.setdefault(canonical_code(m.group(1)), m.start(1))
    if ": " in text:
        for m in _CHAINED_CODE.finditer(text):
            found.setdefault(m.group(1), m.start(1))
    if "code=" in lowered:
        for m in _CODE_FIELD.finditer(text):
            found.setdefault(m.group(1), m.start(1))
    if any(word in lowered for word in _ALARM_WORDS):
        for m in _ALARM_CODE.finditer(text):
            found.setdefault(canonical_code(m.group(1)), m.start(1))
    if _MARKED_CODE_SHAPE.search(text):
        for m in _MARKED_CODE.finditer(text):
            code = m.group("code")
            if _names_a_family(code) and (
                m.group("code_word")
                or m.group("error_code_word")
                or m.group("colon")
                or not _ONE_LETTER_TWO_DIGITS.fullmatch(code)
            ):
                found.setdefault(canonical_code(code), m.start("code"))
    for m in _SEVERITY_CODE.finditer(text):
        if records is None:
            records = value_records(text)
        if not _in_records(records, m.start()):
            found.setdefault(m.group(0), m.start())
    for m in _SEVERITY_CODE_OPENING.finditer(text):
        found.setdefault(m.group(1), m.start(1))
    if _IBM_I_MESSAGE_ID_SHAPE.search(text):
        for m in _IBM_I_MESSAGE_ID.finditer(text):
            found.setdefault(m.group(1), m.start(1))
    if _SEVERITY_LED_MARK.search(text):
        for m in _SEVERITY_LED_CODE.finditer(text):
            if any_case or m.group(0).isupper():
                found.setdefault(canonical_code(m.group(0)), m.start())
    if "." in text:
        for m in _DISPLAY_CODE.finditer(text):
            found.setdefault(m.group(0), m.start())
        for m in _SMTP_REPLY.finditer(text):
            found.setdefault(m.group("status"), m.start("status"))
    # An ASCII text has no Chinese, Japanese or Korean word to search for.
    if "code" in lowered or "קוד" in text or (not text.isascii() and _CJK_ERROR_CODE_WORDS.search(text)):
        for m in _LABELLED_KEY.finditer(text):
            found.setdefault(canonical_code(m.group(1).upper()), m.start(1))
    # "message" in any case, its "s" the long "ſ" too (the only other letter that matches one of its
    # letters in any case): the pattern is not searched through the texts without it, most of them.
    if "message" in lowered or "\u017f" in lowered:
        for m in _MESSAGE_NUMBER.finditer(text):
            found.setdefault(m.group(1) + m.group(2), m.start(1))
    if _SYSLOG_SEVERITY.search(text):
        for m in _SYSLOG_MNEMONIC.finditer(text):
            found.setdefault(m.group(1), m.start(1))
    if _HEX_MESSAGE_MARK.search(text):
        for m in _HEX_MESSAGE_ID.finditer(text):
            found.setdefault(m.group(1), m.start(1))
    for m in _HEX_CODE.finditer(text):
        if m.group(2) and not _NAMES_ERROR_VALUE.search(text, max(0, m.start() - 40), m.start()):
            continue
        key = None if m.group(1) else _VALUE_KEY.search(text, max(0, m.start() - 42), m.start())
        if key is None or _ERROR_KEY.search(key.group(1)):
            found.setdefault(canonical_code(m.group(0)), m.start())
    if "0x" in lowered:
        for m in _SHORT_HEX_CODE.finditer(text):
            named = _NAMES_ERROR_VALUE.search(text, max(0, m.start() - 40), m.start())
            if named and not (named.start() and _LETTER_BEFORE.match(text, named.start() - 1)):
                found.setdefault(canonical_code(m.group(0)), m.start())
    if "-1" in text or "-2" in text:
        for m in _SIGNED_HRESULT.finditer(text):
            key = _VALUE_KEY.search(text, max(0, m.start() - 42), m.start())
            said = _NAMES_ERROR_VALUE.search(text, max(0, m.start() - 40), m.start()) or (
                key is not None and _ERROR_KEY.search(key.group(1))
            )
            if said and (hresult := _hresult(m.group(1))):
                found.setdefault(hresult, m.start(1))


def _other_field(text: str, start: int) -> bool:
    """Whether the value at ``start`` is that of a key=value field whose key names an identifier of
    one run ("batch=PB-88121", "order=SO-10023", "run_id=…"), not a code: "reason=PAY-4012",
    "event=…" and "db=ORA-12154" still give their codes."""
    if start == 0 or text[start - 1] != "=":
        return False
    key = _VALUE_KEY.search(text, max(0, start - 42), start)
    return (
        key is not None and bool(_IDENTIFIER_KEY.search(key.group(1))) and not _ERROR_KEY.search(key.group(1))
    )


def _written_alike(part: str, prefix: str, *, any_case: bool) -> bool:
    """Whether ``part``, right before a code's ``prefix`` ("HM" of "HM-AUTH-401"), is written as a
    code's part is: in capitals, as authors write codes, or in a query (``any_case``) in the case
    of the prefix ("hm-auth-401"). A word that only opens the line ("Retry-AUTH-401") is not."""
    return part.isupper() or (any_case and part.islower() and prefix.islower())


def reports_failure(text: str, *, named: bool = True) -> bool:
    """Whether ``text`` is worded as a failure: failure words, or an error code (a CamelCase error
    name too, with ``named``; see :func:`error_codes`)."""
    return bool(FAILURE_WORDS.search(text.lower()) or error_codes(text, named=named))


# A Prometheus alert's name as Alertmanager pages it and runbooks head it (a runbook's
# section is titled by it, and a query that names it names that section's problem): CamelCase, two
# words at least ("PaymentLatencyHigh", "KubePodCrashLooping"), whatever words it is made of. Led by its
# capital (see _LED_BY).
ALERT_NAME = re.compile(r"[A-Z](?<!\w.)[a-z0-9]+(?:[A-Z][a-z0-9]+)+\b")


def codes_if_known(text: str) -> list[str]:
    """The codes written anywhere in ``text`` that :func:`error_codes` takes only where the text
    marks them as codes, canonical: one letter and three to five digits ("E-330", "w402"), hexadecimal
    codes ("0x0000011b", a device's "0x61011bed", a short status "0x709"), Node.js error codes
    ("ERESOLVE"), codes in snake case ("invalid_currency", "MESSAGE_TYPE_X"), a domain's numbered errors
    ("ActiveDirectoryServer:8344"), and codes of two digits or of several parts ("BK-05", "KP-C01",
    "ERRSOC07"), but for those a word, a unit or a standard names before a hyphen ("UTF-16", "SHA-256").
    What a query may name by such a code, to be looked up among the codes the index knows."""
    has: dict[re.Pattern[str], bool] = {}
    found: list[str] = []
    # A loop, not a generator per entry, whose frames cost more than most of the searches.
    for needed, pattern in _CODES_IF_KNOWN:
        for need in needed:
            if need not in has:
                has[need] = need.search(text) is not None
            if not has[need]:
                break
        else:
            # Whole matches: no pattern of the table has a group.
            found += pattern.findall(text)
    if "_" in text:
        # And in capitals, a runtime error's name written alone ("MESSAGE_TYPE_X"; see _RUNTIME_ERROR_LEAD).
        found += _SNAKE_CODE.findall(text) + _CONSTANT.findall(text)
    if _DOMAIN_MARK.search(text):
        found += _DOMAIN_CODE.findall(text)
    return list(
        dict.fromkeys(canonical_code(code) for code in found if "-" not in code or _names_a_family(code))
    )


def code_key(code: str) -> str:
    """Case- and separator-insensitive key of a code, for set comparison (a hexadecimal code's is
    its canonical spelling in eight digits, "0x8007000A", as answers show it: "0x709" is "0x00000709")."""
    key = canonical_code(code).upper().replace("_", "")
    return "0x" + key[2:].zfill(8) if key.startswith("0X") else key


def code_number(key: str) -> str | None:
    """The number of a code key of letters then digits ("AADSTS50105" → "50105", "E330" → "330"), or
    of digits alone ("21610"): how logs and people often report such a code; None for any other code."""
    found = _NUMBERED_KEY.fullmatch(key)
    return found.group(1) if found else None


def code_family(key: str) -> str | None:
    """The letters of a code key of letters then digits ("AADSTS" of AADSTS50105), or the namespace
    of an error type written as a URN, up to its last colon ("URN:IETF:PARAMS:ACME:ERROR:"), or the
    domain of an Apple error ("NSURLERRORDOMAIN:" of NSURLERRORDOMAIN:-1202); None for any other code."""
    found = _NUMBERED_KEY.fullmatch(key)
    if found:
        return key[: found.start(1)] or None
    return key[: key.rindex(":") + 1] if _URN_ERROR.fullmatch(key) or _DOMAIN_KEY.fullmatch(key) else None


def labelled_numbers(text: str, *, statuses: bool = True) -> list[str]:
    """The numbers ``text`` gives as error codes, in order: after "error" or "error code", or their
    words in another language ("Sign-in error code 50105", "errorCode": 50105, "Fehlercode 2101"), in
    a database server's "Msg 18456, Level 14, State 1", an alarm's ID after "alarm" ("Alarm ID 26232"), and
    with ``statuses`` an HTTP error's status
    after "HTTP" or before its reason phrase ("HTTP 401", "504 Gateway Timeout"): a status is the
    code of a problem its title names, not of one whose log shows it among others (without
    ``statuses``, neither is a 4xx or 5xx number after "error", as likely a status). Such a number
    may name a code the index knows by its letters too (:func:`code_number`)."""
    return _numbers_and_statuses(text, statuses=statuses)[0]


# An installer's or a program's exit code that names its failure: "Installer exits with code 1603", "Setup fails
# with exit code 1618", "msiexec returns exit code 1603", as Windows Installer's codes are known. Of three digits
# or more: a program that "exits with code 1" says only that it failed, whatever failed. A problem's title names
# it so (an installation guide titled so gave no code, and "error 1603" was answered low), and a query that pastes
# it is looked up among the codes the index knows (a paste of that title was answered "medium" at best). Not
# labelled_numbers: a log's "exit status 32" is the code of what any failure of that command gives. Above 255
# only: a POSIX exit status is a byte, and its three-digit ones say what the shell or a signal did (126, 127,
# 137: "Process completed with exit code 127" was answered medium with a Windows "Error 127" page). The blanks
# are possessive: a run of them is given back to nothing (quadratic on a line of blanks otherwise).
_EXIT_CODE = re.compile(
    r"\b(?i:(?:exit|return) code|(?:exits?|exited|returns?|returned|fails?|failed|quits?|ends?|ended) with code)"
    r"[ \t]*+:?[ \t]*+['\"]?(\d{3,9})(?![\w-]|[.,]\d)"
)


def exit_codes(text: str) -> list[str]:
    """The exit codes above 255 ``text`` names a failure by ("Installer exits with code 1603")."""
    # Every query asks this; each way of naming such a code says "code", and a paste seldom does.
    if "code" not in text.lower():
        return []
    return [m.group(1) for m in _EXIT_CODE.finditer(text) if int(m.group(1)) > 255]


class NumbersRead(NamedTuple):
    """What :func:`numbers_and_statuses` reads in a text."""

    # :func:`labelled_numbers` of the text.
    numbers: list[str]
    # :func:`http_statuses` of the text.
    statuses: list[str]
    # Of its numbers, those it labels as an error's code outside any status ("errorCode": 502, "error 1603").
    codes: list[str]


def numbers_and_statuses(text: str) -> NumbersRead:
    """:func:`labelled_numbers` and :func:`http_statuses` of ``text``, its statuses read once for both, and
    which of its numbers it labels as an error's code outside any status: beside a status line of the same
    number (``HTTP/1.1 502 Bad Gateway`` over a body's ``"errorCode": 502``, a product's error in a
    response of that status), such a number is the error's code still."""
    return _numbers_and_statuses(text, statuses=True)


def _numbers_and_statuses(text: str, *, statuses: bool) -> NumbersRead:
    """:func:`numbers_and_statuses` of ``text``; without ``statuses``, none and no 4xx or 5xx number (see
    :func:`labelled_numbers`)."""
    if not _THREE_DIGITS.search(text):
        return NumbersRead([], [], [])
    labelled = (
        _LABELLED_NUMBER if not text.isascii() and _CJK_ERROR_LEAD.search(text) else _LABELLED_NUMBER_NOT_CJK
    )
    # Each with where it starts and where its number does.
    found: list[tuple[int, int, str]] = []
    for m in labelled.finditer(text):
        group = next(i for i, number in enumerate(m.groups(), 1) if number)
        found.append((m.start(), m.start(group), m.group(group)))
    status_spans: list[tuple[int, int, str]] = []
    if statuses:
        if _STATUS_DIGITS.search(text):
            status_spans = [
                (m.start(), m.end(), m.group(1) or m.group(2)) for m in _HTTP_STATUS.finditer(text)
            ]
    else:
        # "Error 500 - service unavailable": a 4xx or 5xx after "error" is as likely a status.
        found = [
            (at, number_at, number) for at, number_at, number in found if not _STATUS_NUMBER.fullmatch(number)
        ]
    # A mail server's reply code, which the enhanced status code after it says is one (see _SMTP_REPLY).
    smtp = [(m.start(), m.group("reply")) for m in _SMTP_REPLY.finditer(text)] if "." in text else []
    # "Error 502: Bad Gateway" is labelled and a status at once: the status's. So is a status's number
    # that prose labels beside it ("error 502 from upstream" under nginx's status line, Cloudflare's "Error
    # code 502"), as a proxy's own page says it again: only a key as a program writes one ("errorCode": 502,
    # error_code=502) labels it as the product's code (those lines named the product's LS-E-502).
    status_numbers = {number for _, _, number in status_spans}
    codes = [
        (at, number)
        for at, number_at, number in found
        if not any(start <= number_at < end for start, end, _ in status_spans)
        and (number not in status_numbers or _CODE_KEY.fullmatch(text, at, number_at))
    ]
    numbers = sorted(
        [*((at, number) for at, _, number in found), *((at, n) for at, _, n in status_spans), *smtp]
    )
    return NumbersRead(
        list(dict.fromkeys(number for _, number in numbers)),
        list(dict.fromkeys(number for _, _, number in status_spans)),
        list(dict.fromkeys(number for _, number in sorted([*codes, *smtp]))),
    )


_STATUS_NUMBER = re.compile(r"[45]\d\d")
# A label of an error's number as a program writes its key: a word for an error joined to "code", in a
# body's field or a logfmt pair ("errorCode": 502, error_code=502), not prose ("error 502", "Error code 502").
_CODE_KEY = re.compile(rf"(?i:{_LABELLED_WORDS})[_-]?(?i:code)[\"']?[ \t]*[:=][ \t]*[\"']?")
# A message catalogue's number joined to its text by a hyphen, as a server's POST and IML messages are
# printed ("1798-Smart Storage Energy Pack Charging Failure", "162-System options not set"): the number
# names the message. Its first word goes on to a space, where a date's month ("2024-Jan-15") goes on to
# another hyphen; read only in what is already a message, where a title's "2019-Q3 …" is no code.
_NUMBERED_MESSAGE = re.compile(r"[ \t]*(\d{3,4})-[A-Z][\w.()/]*[ \t]")


def message_number(message: str) -> str | None:
    """The number an error message opens with, joined to its text ("1798-Smart Storage …" → "1798"),
    as a message catalogue prints it; None for any other message."""
    found = _NUMBERED_MESSAGE.match(message)
    return found.group(1) if found else None


# An app's error code as a help centre quotes what its screen shows: in brackets right after the words its
# message opens with, closing them ("Session expired (E1042). Please sign in again.", "Upload blocked
# (W-2210)"). Read only in what is already a message, where "the GPU (A100) is supported" is no code; in
# its first sentence, of a letter and three digits or more, as a letter code is.
# Of two digits or several parts too ("Printer not connected (PRN-01)"; see _MULTI_PART), and so at the
# end of a message of more sentences ("Növbə 24 saatdan artıqdır. Z-hesabatı çıxarın. (K-12)").
_BRACKETED_CODE = re.compile(
    rf"[ \t]*[\"'\u201c]?[^()\n.!?]{{1,80}}?[ \t]\(([A-Z]-?\d{{3,5}}|{_MULTI_PART})\)(?=[.!?:\"'\u201d]|[ \t]*$)"
)
# In square brackets too, as some apps close a message with its code ("… in Settings. [PRN-01]").
_CLOSING_CODE = re.compile(rf"[ \t](?:\(({_MULTI_PART})\)|\[({_MULTI_PART})\])[.!]?[ \t]*$")


def bracketed_code(message: str) -> str | None:
    """The code in brackets that closes the words an error message opens with ("Session expired (E1042).
    Please sign in again." → "E1042"), as an app shows its codes; None for any other message."""
    found = _BRACKETED_CODE.match(message) or _CLOSING_CODE.search(message)
    if found is None or not _names_a_family(code := found.group(1) or found.group(2)):
        return None
    return canonical_code(code)


def _names_a_family(code: str) -> bool:
    """Whether a code as written ("PRN-01", "UTF-16") is of an error family, not named by a word, a unit
    or a standard before its first hyphen (see _NOT_CODE_PREFIXES): "(UTF-16)" closing "unsupported
    encoding" is the encoding's name."""
    return code.split("-", 1)[0].upper() not in _NOT_CODE_PREFIXES


# An error's number that an app or the system shows in brackets labelled "Code", after its words: "Unable
# to configure your Mac. Error: The MDM server is unavailable (Code 3003)", as macOS prints its own; three
# digits at least (Windows' device manager's "(Code 43)" is not read: two digits name no code on the
# query side either). The label alone names no code ("code 200" in prose may be a line's or a status):
# read only in what is already a message, closing it or one of its sentences; an "(exit code 137)" or
# "(status code 404)" is a process's or HTTP's, which no knowledge base lists as its codes.
_BRACKETED_NUMBER = re.compile(
    r"\((?i:code)[ \t]*[:#]?[ \t]*(\d{3,9})\)(?=[.!?:\"'\u201d]|[ \t]*$)", re.MULTILINE
)


def bracketed_number(message: str) -> str | None:
    """The number in brackets labelled "Code" that closes an error message or one of its sentences ("The
    MDM server is unavailable (Code 3003)" → "3003"); None for any other message."""
    found = _BRACKETED_NUMBER.search(message)
    return found.group(1) if found else None


# The same label as a query gives it: a paste of what the screen shows, "Code 3421" or "(Code 5003)", the
# label opening a line (a paste's lines are joined, so mostly the paste), where no word before it says whose
# code it is (an "exit code 137", a "status code 404", a "promo code 2024"). Only looked up among the codes
# the index knows, as the codes an article closes a message with are (see _BRACKETED_NUMBER); "Code 3421"
# alone was no code, where "error 3421" was. Not a bracket after other words: "The printer reported a paper
# jam (code 4127)" is the printer's, and was another product's code 4127 at medium. Each run of blanks is
# taken whole, once: two runs around an optional mark share every split of a long run, its square in time.
_CODE_LABELLED_NUMBER = re.compile(
    r"^[ \t]*+(?:\([ \t]*+)?(?i:code)[ \t]*+(?:[:#][ \t]*+)?(\d{3,9})(?![\w-]|[.,]\d)", re.MULTILINE
)


def code_labelled_numbers(text: str) -> list[str]:
    """The numbers ``text`` labels "Code" opening a line ("Code 3421", "(Code 5003)"), as a screen shows an
    app's error code; not an HTTP error status's."""
    # Every query asks this; a paste seldom says "code".
    if "code" not in text.lower():
        return []
    # A 4xx or 5xx is every web server's status, which an index knows from a title ("## 504 Gateway Timeout",
    # "401 Unauthorized errors in …"): "Code 401" alone was that article's at high.
    return [
        m.group(1) for m in _CODE_LABELLED_NUMBER.finditer(text) if not _STATUS_NUMBER.fullmatch(m.group(1))
    ]


def http_statuses(text: str) -> list[str]:
    """The HTTP error statuses ``text`` names as such, in order: before their reason phrase or after
    "HTTP" ("504 Gateway Timeout", "HTTP/1.1 403", "HTTP 401")."""
    # Every status it reads has a 4xx or 5xx number: most titles and messages it is asked of have none.
    if not _STATUS_DIGITS.search(text):
        return []
    return list(dict.fromkeys(m.group(1) or m.group(2) for m in _HTTP_STATUS.finditer(text)))


# The protocol's name and version in a status line ("HTTP/1.1 504 Gateway Timeout"); what may be left of
# one once its statuses are cut: marks.
_PROTOCOL = re.compile(r"\bhttp(?:/\d(?:\.\d)?)?\b", re.I)
_STATUS_LINE_REST = re.compile(r"[\W_]*")


def only_statuses(text: str) -> bool:
    """Whether ``text`` names HTTP error statuses and says nothing else ("413 Request Entity Too Large",
    "HTTP/1.1 504 Gateway Timeout", "HTTP 401"): what every web server and proxy prints, no one
    program's message."""
    # The matcher asks it of every error message that agrees with a query, most with no 4xx or 5xx number:
    # without one, _HTTP_STATUS (tried at each word that opens like a word for an error) finds nothing.
    if not _STATUS_DIGITS.search(text):
        return False
    # A status line's protocol is read with its number ("HTTP/1.1 504") before the number with its
    # phrase ("504 Gateway Timeout"): cut without it first, so that the phrase goes with the number.
    for line in (_PROTOCOL.sub(" ", text), text):
        rest = _HTTP_STATUS.sub(" ", line)
        if rest != line and _STATUS_LINE_REST.fullmatch(rest):
            return True
    return False


def stem(word: str) -> str:
    """A light suffix-stripping stem, so "syncing", "synced" and "syncs" compare equal."""
    for suffix in ("ing", "ed", "es", "s"):
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


def stems(comparable_text: str) -> list[str]:
    """The stems of the words of a :func:`comparable` string, in order."""
    return [stem(w) for w in _WORDS.findall(comparable_text)]
