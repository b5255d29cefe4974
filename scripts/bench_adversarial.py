"""Worst-case CPU per query: hostile input families at 64 KB through prepare() and match().

Each family has several variants (repeated separators, long tokens, nested
brackets, many codes, many lines, JSON-looking text, addresses, encoded text); each variant is
measured three times and its median CPU time kept; the slowest variant of each
family is printed, beside two baselines measured in the same run: a real error
message and a realistic 64 KB log. The index is kb/ plus ../shared/corpus/msdocs
when that folder exists.

Usage: python scripts/bench_adversarial.py [--size BYTES] [--timeout SECONDS]
  --timeout  stop a variant after this many seconds of wall time and report it as
             over the limit (for measuring code that is still quadratic)
"""

from __future__ import annotations

import argparse
import signal
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from api.knowledge import KnowledgeBase  # noqa: E402
from api.matcher import match  # noqa: E402
from api.query import prepare  # noqa: E402
from indexer.build import build_index  # noqa: E402

CORPUS = REPO.parent / "shared" / "corpus" / "msdocs"
ROUNDS = 3
REAL_ERROR = "AADSTS50105: The signed in user is not assigned to a role for the application."


def _fill(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def _nested(opening: str, inner: str, closing: str, size: int) -> str:
    depth = max(1, (size - len(inner)) // (len(opening) + len(closing)))
    return (opening * depth + inner + closing * depth)[:size]


def families(size: int) -> dict[str, dict[str, str]]:
    """Family → variant name → an input of ``size`` characters."""
    separators = ["a.", "a-", "a.-", "a_", "a@", "a:", "a/", "a\\", "a+", "0.", "1:", "a. ", "a@a."]
    return {
        "repeated separators": {f"{u!r}*": _fill(u, size) for u in separators},
        "long tokens": {
            "a*": _fill("a", size),
            "A+a*+_x": "A" + _fill("a", size - 3) + "_x",
            "Aa* (CamelCase)": _fill("Aa", size),
            "0*": _fill("0", size),
            "f* (hex)": _fill("f", size - 1) + "g",
            "x*": _fill("x", size),
            "%41*": _fill("%41", size),
            "AADSTS*": _fill("AADSTS", size),
        },
        "nested brackets": {
            "{*": _fill("{", size),
            "[*": _fill("[", size),
            "<*": _fill("<", size),
            "<a*": _fill("<a", size),
            "{[<(*": _fill("{[<(", size),
            "<<x>>": _nested("<", "x", ">", size),
            "{{x}}": _nested("{", "x", "}", size),
        },
        "many codes": {
            "one code repeated": _fill("AADSTS50105 ", size),
            "distinct codes": "".join(f"AADSTS{n:05d} " for n in range(size // 12 + 1))[:size],
            "hresults": "".join(f"0x8007{n:04X} " for n in range(size // 11 + 1))[:size],
            "named errors": _fill("InvalidValueError AttributeValueMustBeUnique ", size),
            "codes glued": _fill("AADSTS50105AADSTS50011", size),
        },
        "many lines": {
            "same error line": _fill("2024-01-01T10:00:00Z ERROR sign-in failed: AADSTS50105\n", size),
            "distinct error lines": "".join(
                f"2024-01-01 ERROR request {n} failed: access denied for user{n}@contoso.com\n"
                for n in range(size // 60 + 1)
            )[:size],
            "stack frames": _fill("   at Contoso.Sync.Run(Object state)\n", size),
            "journal lines without a colon": _fill("Mar 31 15:47:45 node-a " + "x/" * 40 + "\n", size),
            "klog lines": _fill("E0331 15:47:45.892216 " + "1" * 50 + " " + "a." * 40 + "\n", size),
            "logfmt info lines": _fill(
                'time="2024-06-12T10:25:28Z" level=info ' + "msg=x " * 50 + "\n", size
            ),
            "empty lines": _fill("\n", size),
            "dots per line": _fill("a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a\n", size),
        },
        "JSON-looking": {
            "deep nesting": _nested('{"a":[', "1", "]}", size),
            "deep lists": _nested("[", "1", "]", size),
            "unclosed nesting": _fill('{"a":[', size),
            "long message": '{"error":{"message":"' + _fill("a.", size - 25) + '"}}',
            "many keys": "{" + _fill('"message":"denied",', size - 2)[:-1] + "}",
            "many objects": _fill('{"error":{"code":"AADSTS50105","message":"x"}} ', size),
            # A log of JSON lines, each with a long message: every line is a body to read.
            "JSON lines, long messages": _fill('{"msg":"' + "sync failed " * 130 + '"}\n', size),
            "unterminated strings": '{"a":"' * 40 + _fill("x", size - 240),
        },
        "addresses": {
            "URLs": _fill("https://login.contoso.com/a?b=c ", size),
            "e-mail addresses": _fill("first.last@contoso.com ", size),
            "host names": _fill("a.contoso.com.", size),
            "paths": _fill("c:\\windows\\system32\\ ", size),
            "GUID-like": _fill("0123456789abcdef-", size),
        },
        "encoded": {
            "HTML entities": _fill("&amp;", size),
            "numeric entities": _fill("&#x27;a ", size),
            "URL-encoded": _fill("%27a+", size),
        },
    }


def realistic_log(size: int) -> str:
    """A 64 KB application log: mostly info lines, a few errors at the end."""
    lines = [f"2024-05-01T10:{n // 60 % 60:02d}:{n % 60:02d}Z INFO sync cycle {n} ok" for n in range(5000)]
    lines += ["2024-05-01T11:00:00Z ERROR " + REAL_ERROR]
    return "\n".join(lines)[-size:]


class OverLimit(Exception):
    """A variant ran past --timeout."""


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise :class:`OverLimit` in this thread after ``seconds`` (the regex engine checks signals)."""

    def expire(signum: int, frame: object) -> None:
        raise OverLimit

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def cpu_ms(run: Callable[[], object], timeout: float) -> float:
    """Median CPU milliseconds of ``run`` over ROUNDS calls; infinity past ``timeout`` or on an error."""
    times = []
    for _ in range(ROUNDS):
        started = time.process_time()
        try:
            with time_limit(timeout):
                run()
        except OverLimit:
            return float("inf")
        except Exception as exc:  # e.g. RecursionError: the worst outcome, reported as such
            print(f"  raised {type(exc).__name__}", file=sys.stderr)
            return float("inf")
        times.append((time.process_time() - started) * 1000)
    return statistics.median(times)


def _fmt(ms: float, timeout: float) -> str:
    return f"{'>' + format(timeout * 1000, '.0f'):>9}" if ms == float("inf") else f"{ms:9.1f}"


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--size", type=int, default=64 * 1024, help="characters per input (default 65536)")
    parser.add_argument("--timeout", type=float, default=30.0, help="seconds per variant before giving up")
    args = parser.parse_args()
    folders = [REPO / "kb", *([CORPUS] if CORPUS.is_dir() else [])]
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.db"
        build_index(folders, db)
        kb = KnowledgeBase(db)
        match(kb, REAL_ERROR)
        print(
            f"index of {' + '.join(str(f.relative_to(REPO.parent)) for f in folders)}; inputs of {args.size} chars"
        )
        print(f"CPU ms, median of {ROUNDS} runs; per family its slowest variant")
        print(f"{'family':22} {'prepare()':>9} {'match()':>9}  slowest variant (prepare / match)")
        baselines = {"baseline: real error": REAL_ERROR, "baseline: 64 KB log": realistic_log(args.size)}
        for name, text in baselines.items():
            p = cpu_ms(partial(prepare, text), args.timeout)
            m = cpu_ms(partial(match, kb, text), args.timeout)
            print(f"{name:22} {_fmt(p, args.timeout)} {_fmt(m, args.timeout)}")
        log_ms = cpu_ms(partial(match, kb, baselines["baseline: 64 KB log"]), args.timeout)
        worst_overall = ("", "", 0.0)
        codes = kb.conn().execute("select distinct code_key from problem_codes order by code_key")
        known_codes = " ".join(row[0] for row in codes) + " "
        hostile = families(args.size)
        hostile["many codes"]["the index's own codes"] = _fill(known_codes, args.size)
        for family, variants in hostile.items():
            worst_p = max((cpu_ms(partial(prepare, t), args.timeout), v) for v, t in variants.items())
            worst_m = max((cpu_ms(partial(match, kb, t), args.timeout), v) for v, t in variants.items())
            print(
                f"{family:22} {_fmt(worst_p[0], args.timeout)} {_fmt(worst_m[0], args.timeout)}  "
                f"{worst_p[1]} / {worst_m[1]}"
            )
            if worst_m[0] > worst_overall[2]:
                worst_overall = (family, worst_m[1], worst_m[0])
        family, variant, ms = worst_overall
        ratio = "" if ms == float("inf") else f", {ms / log_ms:.1f}x the 64 KB log baseline"
        print(f"worst match(): {family} / {variant}: {_fmt(ms, args.timeout).strip()} ms{ratio}")


if __name__ == "__main__":
    main()
