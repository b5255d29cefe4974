"""The threat model in one place: what a hostile client, a hostile or careless article
folder, and an unlucky operator can do to kb-answer, and what it does instead.

1. Files: only regular files that live under the article folders are read; a link
   out of them, a FIFO, a device or /proc never reaches the index (test_files_*).
2. Work: no query, however constructed, costs more than a bounded amount of CPU;
   every pattern is linear (test_work_*). The benchmark is scripts/bench_adversarial.py.
3. Nesting: JSON nested to any depth, pasted or as a request body, is a clear answer,
   never a RecursionError (test_nesting_*).
4. Encoding: bytes that are not UTF-8 on standard input are replaced (test_encoding_*).
5. Damage: a damaged index file gives one clear message (CLI exit 3, HTTP 503) and is
   never overwritten by a build kb-answer did not ask for (test_damaged_*).
6. Feedback: per-client limits on POST /v1/feedback live with the feedback tests.
7. Litter: temporaries of killed runs are removed by the next build (test_litter_*).
8. Contracts: bad input gets the documented status, exit code and error shape
   (test_contract_*); tests/test_http_schema.py fuzzes every operation with and
   without the admin key.

Elsewhere: the admin key (tests/test_http.py: 401/403, constant-time compare, never
logged), body size limits (413) and CORS allow-list (tests/test_http.py), XSS in the
widget (tests/test_widget_browser.py), index swaps under load (tests/test_http_live.py).
"""

from __future__ import annotations

import json
import signal
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from api.knowledge import KnowledgeBase
from api.matcher import match
from api.query import MAX_CODES, prepare
from indexer.errortext import comparable, error_codes, redact_values

SIZE = 64 * 1024
# Generous: the real cost is ~10-20 ms (scripts/bench_adversarial.py); a quadratic pattern
# costs seconds to minutes at this size, which is what this bound is there to catch.
CPU_BOUND = 0.5


# --- 2. Work: every query is bounded -------------------------------------------------------------


class OverBudget(Exception):
    """The code under test used more CPU than the bound."""


@contextmanager
def cpu_budget(seconds: float) -> Iterator[None]:
    """Fail as soon as this process has used ``seconds`` of CPU (a quadratic case fails fast)."""

    def expire(signum: int, frame: object) -> None:
        raise OverBudget(f"over {seconds} s of CPU")

    previous = signal.signal(signal.SIGPROF, expire)
    signal.setitimer(signal.ITIMER_PROF, seconds)
    started = time.process_time()
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.signal(signal.SIGPROF, previous)
    assert time.process_time() - started < seconds


def _fill(unit: str, size: int) -> str:
    return (unit * (size // max(1, len(unit)) + 1))[:size]


SEPARATORS = list(".-_@:/\\+%,;=&?!#|*`~'\" \t\n")
TOKENS = [
    "a",
    "A",
    "Aa",
    "0",
    "x",
    "f",
    "AADSTS",
    "50105",
    "0x80070005",
    "Error",
    "InvalidValue",
    "http://",
    "c:\\",
    "see ",
    "error ",
    "ERROR ",
    "at a.",
    'File "',
    "2024-01-01T10:00:00Z ",
    "{{< ",
    "```",
    ":::",
]
BRACKETS = ["{", "[", "<", "(", '{"a":', '{"message":[', "\\<", "%7B"]
unit = st.one_of(
    # A token and a separator, repeated, is the shape that broke the host-name pattern: a.a.a.…
    st.tuples(st.sampled_from(TOKENS), st.sampled_from(SEPARATORS)).map("".join),
    st.lists(st.sampled_from(SEPARATORS + TOKENS + BRACKETS), min_size=1, max_size=6).map("".join),
)


@st.composite
def adversarial(draw: st.DrawFn) -> str:
    """64 KB of hostile text: a unit repeated (separators, codes, lines, brackets), with an
    optional different head and tail, or one unit nested around another."""
    head, body, tail = draw(unit), draw(unit), draw(unit)
    shape = draw(st.sampled_from(["repeated", "framed", "nested"]))
    if shape == "repeated":
        return _fill(body, SIZE)
    if shape == "framed":
        return head + _fill(body, SIZE - len(head) - len(tail)) + tail
    depth = SIZE // (len(head) + len(tail) + 1)
    return (head * depth + body + tail * depth)[:SIZE]


WORST_KNOWN = [
    _fill("a.", SIZE),  # host names: once quadratic (issue 12: 64 KB ran past 120 s)
    _fill("a-", SIZE),
    _fill("a.a@", SIZE),  # e-mail addresses
    "A" + _fill("a", SIZE - 3) + "_x",  # CamelCase error names
    _fill("abc", SIZE),  # "a word then a space" in JSON values
    '{"message": "' + _fill("a", SIZE - 20) + '"}',
    _fill('{"a":[', SIZE),  # nesting the JSON decoder cannot follow
    _fill("\n", SIZE),
    _fill("AADSTS", SIZE),
]
FUNCTIONS: dict[str, Callable[[str], object]] = {
    "prepare": prepare,
    "comparable": comparable,
    "error_codes": lambda text: error_codes(text, any_case=True),
    "redact_values": redact_values,
}


@pytest.mark.parametrize("name", list(FUNCTIONS))
@pytest.mark.parametrize("text", WORST_KNOWN, ids=[repr(t[:12]) for t in WORST_KNOWN])
def test_work_is_bounded_on_the_worst_inputs_known(name: str, text: str) -> None:
    with cpu_budget(CPU_BOUND):
        FUNCTIONS[name](text)


@given(text=adversarial())
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
def test_work_is_bounded_on_generated_hostile_text(text: str) -> None:
    for function in FUNCTIONS.values():
        with cpu_budget(CPU_BOUND):
            function(text)


@given(text=adversarial())
@example(text=WORST_KNOWN[0])
@example(text=WORST_KNOWN[3])
@example(text=WORST_KNOWN[6])
@settings(max_examples=20, deadline=None, suppress_health_check=list(HealthCheck))
def test_work_is_bounded_through_the_whole_match(kb: KnowledgeBase, text: str) -> None:
    with cpu_budget(CPU_BOUND):
        result = match(kb, text)
    assert result.query == text[:200]


def test_work_budget_keeps_the_codes_a_matcher_is_handed_few() -> None:
    codes = " ".join(f"AADSTS{n:05d}" for n in range(1000))
    assert len(prepare(codes).codes) == MAX_CODES


def test_work_budget_keeps_the_last_error_lines_of_a_long_paste() -> None:
    noise = "".join(f"INFO step {n} ok\n" for n in range(3000))
    prepared = prepare(noise + "ERROR AADSTS50105: The signed in user is not assigned to a role\n")
    assert prepared.codes == ["AADSTS50105"]
    assert "assigned to a role" in prepared.comparable_text


# --- 3. Nesting: JSON of any depth is bounded -----------------------------------------------------


@pytest.mark.parametrize("depth", [50, 900, 5000, 100_000])
def test_nesting_in_pasted_json_is_no_error(kb: KnowledgeBase, depth: int) -> None:
    text = '{"a":' * depth + '"AADSTS50105"' + "}" * depth
    result = match(kb, text[: 2 * SIZE])
    assert result.query == text[:200]


def test_nesting_below_the_limit_still_finds_the_message() -> None:
    deep = {"error": {"message": "The signed in user is not assigned to a role", "code": "AADSTS50105"}}
    for _ in range(10):
        deep = {"inner": [deep]}
    prepared = prepare(json.dumps(deep))
    assert "assigned to a role" in prepared.comparable_text


def test_nesting_keeps_the_messages_taken_from_json_few() -> None:
    body = json.dumps({"errors": [{"message": f"sign-in failed for user number {n}"} for n in range(5000)]})
    assert len(prepare(body).parts) <= 41  # MAX_JSON_MESSAGES and the text around the body
