"""Review r10a's service-desk forms and help-centre pages: a knowledge article written as a form of
fields (Title, Summary, Cause, Resolution, Keywords), a FAQ's answer parted by underlined sub-heads,
and a help centre's cause sentences that open "This means …" or "This happens with …".

Each test writes a small article of its own in the style, finds it as `kb index` does and reads it
with the real indexer.
"""

from __future__ import annotations

from pathlib import Path

from test_house_styles import read

# A help centre's page: under each problem's heading what is seen, then a sentence that says why.
SAYS_WHY_PAGE = """\
<html><head><title>Calendar sync problems</title></head><body>
<h1>Calendar sync problems</h1>
<h2>Meetings show up an hour late</h2>
<p>Every invite from the booking page lands one hour after the chosen slot.</p>
<p>This happens with calendars that still use a fixed UTC offset instead of a time zone.</p>
<ol><li>Open Settings, then Calendars.</li><li>Pick a named time zone.</li></ol>
<h2>New bookings stop appearing</h2>
<p>The booking page shows free slots that are already taken.</p>
<p>This means the calendar connection expired after a password change.</p>
<ol><li>Click Reconnect.</li><li>Sign in with the new password.</li></ol>
</body></html>
"""


def test_a_sentence_opening_this_means_or_this_happens_with_is_the_cause(tmp_path: Path) -> None:
    """A sentence opening "This happens with …" or "This means …" says why, as "This happens because …" does."""
    article = read(tmp_path, "calendar-sync.html", SAYS_WHY_PAGE)
    late, stopped = article.problems
    assert late.title == "Meetings show up an hour late"
    assert late.symptoms == "Every invite from the booking page lands one hour after the chosen slot."
    assert (
        late.cause == "This happens with calendars that still use a fixed UTC offset instead of a time zone."
    )
    assert stopped.symptoms == "The booking page shows free slots that are already taken."
    assert stopped.cause == "This means the calendar connection expired after a password change."
    assert [s.text for s in stopped.steps] == ["Click Reconnect.", "Sign in with the new password."]


def test_a_this_means_you_sentence_and_what_happens_with_something_stay_what_is_seen(tmp_path: Path) -> None:
    """Guard: "This means you …" tells the reader what to do, and "Nothing happens with …" is what is
    seen: neither is a cause."""
    page = SAYS_WHY_PAGE.replace(
        "This happens with calendars that still use a fixed UTC offset instead of a time zone.",
        "Nothing happens with the invite when you click Accept.",
    ).replace(
        "This means the calendar connection expired after a password change.",
        "This means you have to book those slots by hand for now.",
    )
    article = read(tmp_path, "calendar-sync.html", page)
    late, stopped = article.problems
    assert not late.cause and "Nothing happens with the invite" in late.symptoms
    assert not stopped.cause and "This means you have to book" in stopped.symptoms
