"""Mends of what the final reading of this stop found: work that grew with the square of its input.

A colon tab's opening line, a cause's paragraph of many quoted messages and a line of blanks before a
"Code" label are each read once. Each test reads a short hostile text of its own within a CPU budget, and
a guard beside it keeps the shape the rule was written for read as it was.
"""

from __future__ import annotations

from live import cpu_budget

from indexer.errortext import code_labelled_numbers
from indexer.markdown_article import _cause_shown_failures
from indexer.markup import clean_markdown


def test_a_colon_tab_line_of_many_open_braces_is_read_in_linear_time() -> None:
    """A line that opens a tab in colons, then a long run of "{" with no label in them: each brace is looked
    at once for the label after it, not the rest of the line from each. Before: 100,000 braces took minutes."""
    line = "::tab" + "{" * 20_000
    with cpu_budget(1.0):
        assert clean_markdown(f"# Tabs\n\n{line}\n") == f"# Tabs\n\n{line}"
    with cpu_budget(1.0):
        clean_markdown("# Tabs\n\n::tab " + "{a " * 10_000 + "\n")


def test_a_colon_tab_s_label_is_still_read_after_a_brace_of_its_own() -> None:
    """Guard: the label in the attribute's braces is read, an unclosed brace before it or not."""
    assert clean_markdown('# Tabs\n\n::tab{title="Python"}\nRead the body.\n::\n') == (
        "# Tabs\n\n**Python**\nRead the body."
    )
    assert clean_markdown('# Tabs\n\n::tab {x {title="Go"}\nRead it.\n::\n') == "# Tabs\n\n**Go**\nRead it."


def test_a_cause_s_paragraph_of_many_shown_messages_is_read_in_linear_time() -> None:
    """A cause's paragraph that says a program shows message after message, in one clause or many: each
    quotation's clause is found once among breaks found once. Before: 100,000 characters took 15 s."""
    for joint in (" and ", ". Then "):
        paragraph = joint.join(['the app shows "Upload failed with error 17"'] * 1_500)
        with cpu_budget(1.0):
            assert len(_cause_shown_failures(paragraph)) == 1_500


def test_a_cause_s_shown_message_is_still_read_by_its_own_clause() -> None:
    """Guard: a message ruled out or negated in its own clause is none; one in a clause after that is."""
    assert _cause_shown_failures(
        'This is not the case where the client shows "Cannot reach the mail server". The client then shows '
        '"Relay access denied (554)"; unlike when the app shows "Upload failed with error 17", it retries.'
    ) == ["Relay access denied (554)"]
    assert (
        _cause_shown_failures('Rather than what the log shows, the app shows "Sync failed: disk full".') == []
    )
    assert _cause_shown_failures('The reader shows "Card not recognised (E-104)" at the door.') == [
        "Card not recognised (E-104)"
    ]


def test_a_long_run_of_blanks_around_a_code_label_costs_little() -> None:
    """A line of blanks before "Code", or after it, is taken once, not split at each of its blanks between
    the runs around the optional bracket or colon. Before: 100,000 blanks took more than 30 s."""
    for text in ("code\n" + " " * 50_000 + "x", "Code" + "\t" * 50_000 + "x", " " * 50_000 + "(x"):
        with cpu_budget(0.5):
            assert code_labelled_numbers(text) == []


def test_a_number_labelled_code_opening_a_line_is_still_read() -> None:
    """Guard: "Code 3421", "(Code 5003)", "  ( code: 7001" and "Code #1204" still give their numbers."""
    assert code_labelled_numbers("Code 3421\n(Code 5003)\n  ( code: 7001\nCode #1204") == [
        "3421",
        "5003",
        "7001",
        "1204",
    ]
    assert code_labelled_numbers("The printer reported a paper jam (code 4127)\nCode 404") == []
