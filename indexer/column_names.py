"""What a table's column holds, by the words of its header ("Error code", "Cause", "Resolution").

One vocabulary for every reader of tables: the Markdown reader's (`messages.py`), and the HTML
converter's, which finds the header row of a table that an exporter wrote without <th> cells.
"""

from __future__ import annotations

import re

from indexer.roles import MESSAGE_WORDS, Role, localized_role, names_error

ERROR_HEADER = re.compile(r"\b(error|code|name)\b", re.I)
MESSAGE_HEADER = re.compile(r"\b(message|details?|description|text)\b", re.I)
# A decision table's cases ("If you see… | Then…") are symptoms, each with its fix; so are a release
# note's known issues, each summed up beside its workaround ("| ID | Summary | Workaround |"), and a
# hardware KB's status lights or beeps ("| LED | Meaning | Action |", "| Beep code | … |").
SYMPTOM_HEADER = re.compile(
    r"(symptoms?|(known )?issues?|problems?|summary|title|what you see|(if|when) you (see|get|receive|notice)"
    r"|([\w-]+ )?(leds?|indicators?|lights?)( (patterns?|states?|status|colou?rs?|behaviou?r))?"
    r"|beeps?( codes?| patterns?)?)\W*",
    re.I,
)
# An error table's "Meaning" says what the error means: why the reader sees it.
CAUSE_HEADER = re.compile(
    r"(root |likely |possible )?(causes?|reasons?)|why|meaning|explanation|what (it|this) means", re.I
)
# A monitoring check's documented output per state ("State | Example output | What to do"): the line
# its plugin prints, which an alert quotes, so both the row's error and its message. Not "Output" alone:
# a reference's "Command | Output" shows what a command prints, no failure.
OUTPUT_HEADER = re.compile(r"(?:example|sample|plugin|check) output", re.I)
# A column that says what to do about its row's error. API references head it "What to do" or
# "Remedy" ("Status | Code | Message | What to do"): without them an error table was body text.
FIX_HEADER = re.compile(
    r"\b(resolution|solution|fix|action|workaround|how to|steps?|what to do|remedy)\b|^\W*(then|do this)\W*$",
    re.I,
)

# A runbook's table of alerts ("| Alert | Meaning | First action |", as an on-call team lists a service's):
# the alert's name is what the pager shows, so it is the row's error. The header names only that ("Alert",
# "Alarms", "Alert rule", Prometheus' "alertname"): "Alert level" or "Alert sent to" names no alert.
_ALERT_HEADER = re.compile(r"(?:alert|alarm)s?(?:[ _]?(?:rule|name)s?)?", re.I)

# A column of codes or of messages headed in another language, as an error table of a localized help
# centre heads them ("| Код | Съобщение | Причина | Решение |", "| Msimbo | Ujumbe unaoonekana | …"): its
# word for a code, or for a message, then perhaps words that qualify it ("Kod ralat", "Ujumbe unaoonekana").
# Those words head no part of a problem, so the parts' names alone left the table's rows unread.
_LOCAL_CODE_HEADER = re.compile(
    r"(?:kod|kód|kodas|kodi|код|cod|codul|código|codice|šifra|msimbo|kode)\b.*", re.I
)
_LOCAL_MESSAGE_HEADER = re.compile(rf"(?:{MESSAGE_WORDS}|ujumbe|pranešimas)\b.*", re.I)

# What a column headed in another language holds, by the part its header names as a heading.
_LOCALIZED_COLUMNS = {
    Role.RESOLUTION: {"fix"},
    Role.CODES: {"error"},
    Role.SYMPTOMS: {"symptom"},
    Role.CAUSE: {"cause"},
}


def column_holds(header: str) -> set[str]:
    """What a table's column holds by its ``header``: "error", "message", "fix", "symptom", "cause".

    English headers are read by the words of tables; a header that has none of them is read in the
    other languages' names of the parts ("| Fehler | Ursache | Lösung |"): the word for an error alone
    heads the errors, as "Error" does, and a message's name ("Fehlermeldung", "Meldung") the messages
    too, as "Error message" does."""
    text = header.strip()
    words = {
        "error": ERROR_HEADER.search(text),
        "message": MESSAGE_HEADER.search(text),
        "fix": FIX_HEADER.search(text),
        "symptom": SYMPTOM_HEADER.fullmatch(text),
        "cause": CAUSE_HEADER.fullmatch(text),
    }
    held = {name for name, found in words.items() if found}
    if OUTPUT_HEADER.fullmatch(text):
        held |= {"error", "message"}
    if _ALERT_HEADER.fullmatch(text):
        held.add("error")
    if held or not text:
        return held
    role = localized_role(text)
    if role is Role.ERRORS:
        return {"error"} if names_error(text) else {"error", "message"}
    if role in _LOCALIZED_COLUMNS:
        return set(_LOCALIZED_COLUMNS[role])
    if _LOCAL_CODE_HEADER.fullmatch(text):
        return {"error"}
    return {"message"} if _LOCAL_MESSAGE_HEADER.fullmatch(text) else set()
