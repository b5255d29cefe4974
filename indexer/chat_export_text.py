"""A support channel exported as text (Mattermost's or Discord's), read as the Markdown its threads stand for.

Such an export opens with its header, the channel's fields (``Channel: ~db-support``, ``Guild: …``,
``Exported: 2026-09-20 17:00 UTC by export-bot``) over a rule of ``=``, then has one line per message, its
time in brackets and its writer's handle before its text (``[2026-09-20 09:10] @sam: replica won't start:``,
or the handle alone and the text under it, as DiscordChatExporter writes), with its reactions on a line
of their own (``:white_check_mark: 2``). A channel holds many questions one after another: read as one
page, the header titled the only problem, every thread's error but the first was lost among the steps,
and each reaction was glued to the step above it.

Each question starts a thread: a message by someone who has not written in the thread so far, once it has
been answered, that shows a failure or asks. A thread is a problem: the asker's words its title, their
message and output the problem's (its error messages), the ticked reply (or else the first reply that
gives steps or a command) its fix, and the other replies comments of the page's. The header's channel
titles the page; its other fields, the bylines and the reactions are the export's, no words of the page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from indexer.dates import CLOCK
from indexer.messages import reads_as_failure
from indexer.slack_text import REACTIONS, ticks

# A field of the export's header ("Channel: ~db-support (Mattermost export)", "Guild: Acme",
# "Exported: … by export-bot", "Topic: …"), or the rule of "=" under it.
_HEADER_FIELD = re.compile(
    r"(?P<field>channel|guild|server|team|topic|exported(?:[ \t]+(?:at|on|by))?|date[ \t]+range|after|before)"
    r"[ \t]*:[ \t]*(?P<value>.*)|={10,}",
    re.IGNORECASE,
)
# A message's line: its time in brackets, then its writer's handle, then a colon and its text, or the
# handle alone ("[2026-09-20 09:10] @sam: …", "[9/20/2026 9:10 AM] sam").
_MESSAGE = re.compile(
    rf"\[(?P<when>[^\]\n]{{0,30}}?{CLOCK}[^\]\n]{{0,12}})\][ \t]+(?P<name>@?[\w.#-]{{1,60}})"
    r"(?::[ \t]*(?P<text>.*)|[ \t]*$)"
)
# A line of a list or a code block's fence in a message: a reply that gives one gives steps or a command.
_STEPS = re.compile(r"[ \t]*(?:\d{1,3}[.)]|[-*\u2022])[ \t]|[ \t]*```")


@dataclass
class _Message:
    """A message of the export: its line, its writer, the lines it spans (its byline's included), and
    whether its text shows a failure or asks."""

    at: int
    end: int
    name: str
    asks: bool


def chat_export_markdown(text: str) -> str | None:
    """The Markdown that a channel's text export ``text`` stands for (see the module's docstring); None
    where it is none: it opens with no channel's header, or fewer than two messages follow it."""
    lines = text.split("\n")
    first = next((at for at, line in enumerate(lines) if line.strip()), 0)
    # The first line is the cheap test: a page that does not open with a header's field is not read further.
    if not _HEADER_FIELD.fullmatch(lines[first].strip()):
        return None
    starts = [at for at in range(first, len(lines)) if _MESSAGE.fullmatch(lines[at].strip())]
    header = lines[first : starts[0]] if starts else []
    channel = [m for line in header if (m := _HEADER_FIELD.fullmatch(line.strip())) and m["field"]]
    if (
        len(starts) < 2
        or not any(m["field"].lower() == "channel" for m in channel)
        or not all(not line.strip() or _HEADER_FIELD.fullmatch(line.strip()) for line in header)
    ):
        return None
    messages = [_message(lines, at, end) for at, end in zip(starts, [*starts[1:], len(lines)], strict=True)]
    out = [line if at < first else "" for at, line in enumerate(lines[: starts[0]])]
    title = next(m["value"].strip() for m in channel if m["field"].lower() == "channel")
    out[first] = f"# {title}"
    for thread in _threads(messages):
        out.extend(_thread_markdown(lines, thread))
    return "\n".join(out)


def _message(lines: list[str], at: int, end: int) -> _Message:
    """The message whose byline is ``lines[at]``, up to ``end``."""
    found = _MESSAGE.fullmatch(lines[at].strip())
    assert found is not None
    said = [found["text"] or "", *lines[at + 1 : end]]
    words = "\n".join(said).strip()
    asks = "```" in words or words.rstrip().endswith("?") or reads_as_failure(words)
    return _Message(at, end, found["name"].lstrip("@"), asks)


def _threads(messages: list[_Message]) -> list[list[_Message]]:
    """The ``messages`` parted into threads: a message opens one where it is by a writer the thread has not
    heard from, after the thread has a reply, and it shows a failure or asks; else it goes on with it."""
    threads: list[list[_Message]] = []
    for message in messages:
        current = threads[-1] if threads else []
        writers = {m.name for m in current}
        if not current or (len(writers) > 1 and message.name not in writers and message.asks):
            threads.append([message])
        else:
            current.append(message)
    return threads


def _thread_markdown(lines: list[str], thread: list[_Message]) -> list[str]:
    """The lines of one ``thread`` as Markdown: the asker's first line a heading, their later messages
    before the fix more of the problem, the fix under a Resolution heading, the other messages comments."""
    asker = thread[0].name
    replies = [m for m in thread if m.name != asker]
    fix = next(
        (m for m in replies if any(map(ticks, lines[m.at + 1 : m.end]))),
        None,
    ) or next((m for m in replies if any(_STEPS.match(line) for line in lines[m.at + 1 : m.end])), None)
    out: list[str] = []
    for message in thread:
        found = _MESSAGE.fullmatch(lines[message.at].strip())
        assert found is not None
        text = found["text"] or ""
        body = [
            "" if REACTIONS.fullmatch(line.strip()) else line for line in lines[message.at + 1 : message.end]
        ]
        if message is thread[0]:
            # Discord's export writes the text under the byline: its first line is the asker's words then.
            said = next((n for n, line in enumerate(body) if line.strip()), None)
            if not text.strip() and said is not None:
                text, body[said] = body[said], ""
            out.append(f"## {text.strip().rstrip(':')}")
            out.extend(body)
        elif message is fix:
            out.extend(["### Resolution", text, *body])
        elif message.name == asker and (fix is None or message.at < fix.at):
            out.extend([*_apart(out), text, *body])
        else:
            # Another reply is what the channel says besides the problem and its fix: a comment of the page's.
            comment = f"> **Comment** ({message.name}): {text}"
            out.extend([*_apart(out), comment, *(f"> {line}" for line in body)])
    return out


def _apart(out: list[str]) -> list[str]:
    """The blank line that sets a message's text apart from the line ``out`` ends with, where that is
    no blank line already (a message's words right after a list would go on with its last item)."""
    return [""] if out and out[-1].strip() else []
