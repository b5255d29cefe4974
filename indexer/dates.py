"""How pages print when something was written, as pattern pieces for the rules that read bylines.

One spelling of each, so that a byline rule in one module accepts what another's does ("3 weeks ago",
"2 hrs ago", "1 year, 2 months ago"; "Mar 3", "12 March"). Each piece matches in any case, whatever
the flags of the pattern it is placed in.
"""

from __future__ import annotations

# A month's name or its abbreviation ("Mar", "March", "Sept.").
MONTH = r"(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*"
# A weekday's name or its abbreviation, as a date may open with it ("Tue", "Tuesday,").
WEEKDAY = r"(?i:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?"
_UNIT = r"(?:second|sec|minute|min|hour|hr|day|week|wk|month|mo|year|yr)s?"
_AMOUNT = r"(?:\d{1,3}|an?|one)"
# How long ago, in one or two units: "5 months ago", "an hour ago", "1 year, 2 months ago".
AGE = rf"(?i:{_AMOUNT}[ \t]+{_UNIT}(?:,?[ \t]+{_AMOUNT}[ \t]+{_UNIT})?[ \t]+ago)\b"
# How long ago, said roughly, as Rails' time_ago_in_words words it (Redmine's "Added by … about 1 year ago",
# "over 2 years ago", "less than a minute ago").
ROUGH_AGE = rf"(?:(?i:about|over|almost|less than) )?{AGE}"
# The time and offset an ISO 8601 stamp gives after its date ("T09:14:33+00:00", "T09:14Z"), or a generator's
# after a space ("2026-03-01 06:00:12 UTC").
ISO_TIME = r"(?i:[t ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:z|[+-]\d{2}:?\d{2}| utc)?)?"
# A day's date, its month in words either side of the day ("March 4, 2024", "Sep 22. 2025", "4 Mar. 2024"),
# or in ISO 8601, perhaps with its time ("2024-05-02T09:14:33+00:00").
DATE = (
    rf"(?:{MONTH}\.?[ \t]+\d{{1,2}}[.,]?[ \t]+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}}{ISO_TIME}"
    rf"|\d{{1,2}}[ \t]+{MONTH}\.?,?[ \t]+\d{{4}})"
)
# A time of day as a chat prints it beside a message, perhaps after its day ("10:42 AM", "14:05",
# "Yesterday at 9:14 PM", "Mar 3rd at 10:02 AM").
CLOCK = (
    r"(?i:(?:(?:today|yesterday|(?:mon|tues|wednes|thurs|fri|satur|sun)day"
    rf"|{MONTH}[ \t]+\d{{1,2}}(?:st|nd|rd|th)?(?:,[ \t]+\d{{4}})?)[ \t]+(?:at[ \t]+)?)?"
    r"\d{1,2}:\d{2}(?:[ \t]?[ap]m)?)\b"
)
# A day's date and how long ago, as a board in German prints them after an entry of its activity log
# ("12. März 2024", "vor 3 Tagen", "vor einer Stunde").
DATE_DE = r"(?i:\d{1,2}\.[ \t]*(?:jan|feb|mär|apr|mai|jun|jul|aug|sep|okt|nov|dez)[a-zä]*\.?[ \t]+\d{4})"
AGE_DE = (
    r"(?i:vor[ \t]+(?:\d{1,3}|einer|einem)[ \t]+"
    r"(?:sekunden?|minuten?|stunden?|tag(?:en)?|wochen?|monat(?:en)?|jahr(?:en)?))\b"
)
# What a board's or a tracker's activity log says a member did to a card or a task, in the past tense
# ("Priya Nair moved this card …", "**jchen** claimed this task."), and in German, the participle its
# "hat" or "ist" ends on ("Priya Nair hat diese Karte … verschoben"): one list for each reader of such logs.
ACTIVITY_VERB = (
    r"(?i:added|removed|changed|created|closed|reopened|claimed|awarded|rescinded|edited|updated|renamed|"
    r"merged|moved|mentioned|raised|lowered|triaged|reassigned|subscribed|unsubscribed|set|requested|"
    r"accepted|committed|commented|marked|joined|left|attached|archived|unarchived|copied|completed|"
    r"converted|sent|deleted|assigned|unassigned)"
)
ACTIVITY_PARTICIPLE_DE = (
    r"(?i:hinzugefügt|entfernt|geändert|erstellt|geschlossen|wieder geöffnet|bearbeitet|aktualisiert|"
    r"umbenannt|verschoben|erwähnt|zugewiesen|kommentiert|markiert|beigetreten|verlassen|angehängt|"
    r"archiviert|kopiert|abgeschlossen|erledigt|umgewandelt|gesendet|gelöscht|festgelegt)"
)
# The fields of a knowledge base's article record, as Salesforce Knowledge lays them out around an
# article's parts: when it was written and its number ("Last Modified Date", "Article Number"), and how
# it is filed ("Data Categories", "Article Record Type"; the words it is found by, "Keywords", are
# roles.KEYWORDS_WORDS, beside these where a field is read); and an error dictionary's record of an error,
# how it is logged ("Log Level"), as its page tabulates it beside the code and the message. Lower case,
# as a normalised label is.
RECORD_FIELD = (
    r"(?:article (?:number|type|record type)|record type|version number|log level"
    r"|(?:(?:last|first) )?(?:modified|publish(?:ed)?|created) date|data categor(?:y|ies))"
)
