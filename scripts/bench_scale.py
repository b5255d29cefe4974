"""Scale benchmark: kb-answer beside a plain BM25 (bm25s) on knowledge bases of 301 to 100,000 problems.

The real knowledge base (kb/ plus ../shared/corpus/msdocs, 301 problems, the dev
queries) is measured first; then, per --sizes, a knowledge base generated from the
structures of the shared corpora (msdocs, longhorn-certmanager, devtools): each
generated article takes one article's head and `##` sections, swaps some sections
for same-titled sections of other articles of that corpus, and renames its error
codes, numbers, quoted values, GUIDs and rare words (deterministic, --seed), so that
no two generated articles are alike. It is written to a temporary folder (or --keep
DIR) and never committed.

Per size it prints, for kb-answer: `kb index` time and articles/s, a reindex with
nothing changed and with 1% of the files changed, the index size, the first answer
of a fresh `kb match` process (wall time, median of 5), in-process `match()` p50/p95
over --queries rotating queries (the generated articles' own error texts and titles
with their values changed; the dev queries at the real size) in each of 3 fresh
worker processes, the process's RSS after its first answer and after the queries,
and `kb serve` time to /readyz 200 and to its first /v1/match answer; for bm25s, in
the same run on the same articles (one document per article, as in `kb eval`): build
time, load time of the saved index in a fresh process, query p50/p95, RSS, and a
one-shot process. The query workers of the two take turns (kb-answer, bm25s, three
times), so that a change of the machine's speed during the run weighs on both, and what the
steps before wrote is flushed to disk before fresh processes are timed. Each figure
with a target of issue 11 says "met" or "NOT met". Each step runs in its own
process with a time limit (--timeout): a step that runs out is reported as such, and
what was measured until then is still printed.

    python scripts/bench_scale.py                              # real + 1,000 + 10,000 problems
    python scripts/bench_scale.py --sizes 1000,10000,100000    # 100k: long on the current matcher
    python scripts/bench_scale.py --sizes 1000 --queries 100 --json out.json --keep /tmp/kbgen
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import random
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

SHARED = Path(os.environ.get("KB_SHARED") or REPO.parent / "shared")
SOURCE_CORPORA = ("msdocs", "longhorn-certmanager", "devtools")
KB_ENTRY_POINT = Path(sys.executable).parent / "kb"
ONE_SHOTS = 5
# The in-process latencies of kb-answer and bm25s are measured this many times each, in turn:
# this machine's speed drifts 1.5-2x within minutes, which one run of each, a minute apart,
# took for a difference between them.
LATENCY_ROUNDS = 3
# Generated queries are cut here: a pasted error, not a whole code block.
MAX_QUERY_CHARS = 400
# Made-up words the generator renames with (see Generator).
LEXICON = 20_000
# A one-shot series stops early once it has used this much time (the current matcher needs
# minutes per process at 100,000 problems); the median then says of how many runs.
ONE_SHOT_BUDGET_S = 300.0


# --- targets (issue 11) ---------------------------------------------------------------------


@dataclass
class Target:
    """A figure's goal at one size ("real" or a number of problems)."""

    metric: str
    size: str
    text: str
    met: Callable[[dict[str, Any]], bool | None]


def _get(figures: dict[str, Any], *path: str) -> Any:
    for key in path:
        if not isinstance(figures, dict) or figures.get(key) is None:
            return None
        figures = figures[key]
    return figures


def _at_most(limit: float, *path: str) -> Callable[[dict[str, Any]], bool | None]:
    def check(figures: dict[str, Any]) -> bool | None:
        value = _get(figures, *path)
        return None if value is None else value <= limit

    return check


def _at_least(limit: float, *path: str) -> Callable[[dict[str, Any]], bool | None]:
    def check(figures: dict[str, Any]) -> bool | None:
        value = _get(figures, *path)
        return None if value is None else value >= limit

    return check


def _p50_within_3x_bm25(figures: dict[str, Any]) -> bool | None:
    ours, theirs = _get(figures, "kb", "match", "p50_ms"), _get(figures, "bm25s", "query", "p50_ms")
    return None if ours is None or theirs is None else ours <= 3 * theirs


TARGETS = [
    Target("match_p50", "real", "<= 3x bm25s p50", _p50_within_3x_bm25),
    Target("match_p95", "real", "<= 3 ms", _at_most(3.0, "kb", "match", "p95_ms")),
    Target("one_shot", "real", "<= 300 ms", _at_most(0.3, "kb", "one_shot", "median_s")),
    Target("match_p95", "100000", "<= 20 ms", _at_most(20.0, "kb", "match", "p95_ms")),
    Target("one_shot", "100000", "<= 300 ms", _at_most(0.3, "kb", "one_shot", "median_s")),
    # A fresh process's first answer is the one shot's wall time.
    Target("first_answer", "100000", "first answer <= 2 s", _at_most(2.0, "kb", "one_shot", "median_s")),
    Target("serve_ready", "100000", "<= 5 s", _at_most(5.0, "kb", "serve", "ready_s")),
    Target("rss", "100000", "<= 500 MB per worker", _at_most(500.0, "kb", "match", "rss_after_mb")),
    Target("index", "100000", ">= 300 articles/s", _at_least(300.0, "kb", "index", "articles_per_s")),
]


def targets_for(metrics: tuple[str, ...], size: str) -> list[Target]:
    """The targets issue 11 sets for ``metrics`` at ``size``."""
    return [t for t in TARGETS if t.metric in metrics and t.size == size]


# --- the generator ----------------------------------------------------------------------------

_FENCE = re.compile(r"^\s*(```|~~~)")
_WORD = re.compile(r"[A-Za-z][a-z]{3,}")
# Error codes: letters then 3+ digits (AADSTS50105), or 5+ digits alone. Short plain numbers
# (HTTP 404, port 443) mean the same in every article and are kept.
_CODE = re.compile(r"\b([A-Za-z]+)(\d{3,})\b|\b()(\d{5,})\b")
_HEX = re.compile(r"\b0x[0-9A-Fa-f]{4,16}\b")
_GUID = re.compile(r"\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\b")
_QUOTED = re.compile(r"'([A-Za-z][\w.-]{2,40})'")
_PLACEHOLDER = re.compile(r"<[^<>\s]{1,40}>|\{[^{}\s]{1,40}\}")
_SYLLABLES = [c + v for c in "bdfgklmnprstvz" for v in "aeiou"]


@dataclass
class Source:
    """One article of the shared corpora, cut at its `##` headings."""

    corpus: str
    name: str
    title: str
    head: str
    sections: list[tuple[str, str]]
    problems: int = 1


def split_article(text: str) -> tuple[str, str, str, list[tuple[str, str]]]:
    """(front matter title, H1 title, head, [(## heading, section text)]) of a Markdown article."""
    title = ""
    if text.startswith("---\n"):
        end = text.find("\n---", 4)
        if end > 0:
            front, text = text[4:end], text[end + 4 :].lstrip("\n")
            found = re.search(r"^title:\s*(.+)$", front, re.M)
            title = found.group(1).strip().strip("'\"") if found else ""
    head: list[str] = []
    sections: list[tuple[str, list[str]]] = []
    fenced = False
    for line in text.splitlines():
        if _FENCE.match(line):
            fenced = not fenced
        if not fenced and line.startswith("## "):
            sections.append((line[3:].strip(), [line]))
        elif sections:
            sections[-1][1].append(line)
        else:
            head.append(line)
    h1 = next((line[2:].strip() for line in head if line.startswith("# ")), "")
    return title, h1, "\n".join(head), [(h, "\n".join(lines)) for h, lines in sections]


def load_sources(problem_counts: dict[str, int]) -> list[Source]:
    """Every Markdown article of the shared corpora, with how many problems kb-answer found in it."""
    sources = []
    for corpus in SOURCE_CORPORA:
        for path in sorted((SHARED / "corpus" / corpus).glob("*.md")):
            if path.stem.lower() == "readme":
                continue
            title, h1, head, sections = split_article(path.read_text(encoding="utf-8"))
            count = problem_counts.get(f"{corpus}/{path.name}", 0)
            if count:
                sources.append(Source(corpus, path.name, title or h1 or path.stem, head, sections, count))
    return sources


_SUBHEADING = re.compile(r"^#{3,6} ", re.M)


class Generator:
    """Articles recombined from the shared corpora, renamed so that each one is distinct."""

    def __init__(self, sources: list[Source], seed: int) -> None:
        self.sources = sources
        self.seed = seed
        by_heading: dict[tuple[str, str], list[str]] = defaultdict(list)
        df: Counter[str] = Counter()
        protected: set[str] = set()
        for source in sources:
            words: set[str] = set(_WORD.findall(source.title))
            for heading, text in source.sections:
                by_heading[(source.corpus, heading.lower())].append(text)
                heading_words = [w.lower() for w in re.findall(r"[A-Za-z]+", heading)]
                # Short headings name parts ("Symptoms", "More information"); first words name
                # groups ("Method 2: ..."): renaming them would change the structure.
                protected.update(heading_words if len(heading_words) <= 3 else heading_words[:1])
                words.update(_WORD.findall(text))
            words.update(_WORD.findall(source.head))
            df.update({w.lower() for w in words})
        # What a section may be swapped for. One with sub-sections ("Symptoms" holding "Root Cause
        # 1…3") or an empty one is no alternative: swapped in, the article would lose its fix.
        self.alternatives = {
            key: [t for t in texts if not _SUBHEADING.search(t) and t.strip().count("\n") > 0]
            for key, texts in by_heading.items()
            if len(texts) > 1
        }
        # Renamed words come from one made-up vocabulary, as a company's product and component
        # names do: articles differ in which of them they use, and the knowledge base's
        # vocabulary grows like a real one's instead of by 40 new words per article.
        lexicon_rng = random.Random(f"lexicon:{seed}")
        self.lexicon = sorted(
            {_pseudo_word(lexicon_rng, "x" * lexicon_rng.randint(4, 10)) for _ in range(LEXICON)}
        )
        # Words in few articles are what makes an article itself (products, settings, components).
        rare_limit = max(2, len(sources) // 10)
        self.rare = {w for w, n in df.items() if n <= rare_limit and w not in protected}

    def articles(self, problems: int) -> Iterator[tuple[str, str, int]]:
        """(relative path, Markdown, expected problems) until about ``problems`` problems are written."""
        order = list(range(len(self.sources)))
        random.Random(self.seed).shuffle(order)
        written = n = 0
        while written < problems:
            source = self.sources[order[n % len(order)]]
            yield f"g{n // 1000:03d}/g{n:06d}.md", self.article(n, source), source.problems
            written += source.problems
            n += 1

    def article(self, n: int, source: Source) -> str:
        """The ``n``-th generated article, built on ``source``."""
        rng = random.Random(f"{self.seed}:{n}")
        sections = []
        for heading, text in source.sections:
            # A section with sub-sections keeps them.
            others = self.alternatives.get((source.corpus, heading.lower()), [])
            keep = bool(_SUBHEADING.search(text)) or not others or rng.random() >= 0.4
            sections.append(text if keep else rng.choice(others))
        body = "\n\n".join([source.head, *sections])
        title = source.title
        candidates = sorted({w for w in _WORD.findall(title + " " + body) if w.lower() in self.rare})
        chosen = sorted(rng.sample(candidates, min(40, len(candidates))), key=len, reverse=True)
        words = {w: _like(rng.choice(self.lexicon), w) for w in chosen}
        renamer = _Renamer(rng, words, self.lexicon)
        title, body = renamer(title), renamer(body)
        if not re.search(r"^# ", body, re.M):
            body = f"# {title}\n\n{body}"
        front = f"---\nid: g{n:06d}\ntitle: {json.dumps(title)}\n---\n\n"
        return front + body + "\n"


class _Renamer:
    """Renames words, codes, numbers, GUIDs and quoted values the same way throughout one article."""

    def __init__(self, rng: random.Random, words: dict[str, str], lexicon: list[str]) -> None:
        self.rng = rng
        self.words = words
        self.lexicon = lexicon
        self.codes: dict[str, str] = {}
        self.word_pattern = re.compile(r"\b(" + "|".join(map(re.escape, words)) + r")\b") if words else None

    def __call__(self, text: str) -> str:
        text = _GUID.sub(
            lambda m: self._same(m.group(0), lambda: str(uuid.UUID(int=self.rng.getrandbits(128)))), text
        )
        text = _HEX.sub(lambda m: self._same(m.group(0), lambda: f"0x{self.rng.getrandbits(32):08X}"), text)
        text = _CODE.sub(lambda m: self._same(m.group(0), lambda: self._code(m)), text)
        text = _QUOTED.sub(
            lambda m: (
                "'" + self._same(m.group(1), lambda: _like(self.rng.choice(self.lexicon), m.group(1))) + "'"
            ),
            text,
        )
        if self.word_pattern:
            text = self.word_pattern.sub(lambda m: self.words[m.group(1)], text)
        return text

    def _code(self, found: re.Match[str]) -> str:
        prefix, digits = (found.group(1), found.group(2)) if found.group(2) else ("", found.group(4))
        return prefix + _digits(self.rng, len(digits))

    def _same(self, old: str, new: Callable[[], str]) -> str:
        if old not in self.codes:
            self.codes[old] = new()
        return self.codes[old]


def _digits(rng: random.Random, length: int) -> str:
    return str(rng.randint(1, 9)) + "".join(str(rng.randint(0, 9)) for _ in range(length - 1))


def _pseudo_word(rng: random.Random, like: str) -> str:
    """A made-up word of about the length of ``like``, capitalised as it is."""
    return _like("".join(rng.choice(_SYLLABLES) for _ in range(max(2, min(5, len(like) // 2)))), like)


def _like(word: str, like: str) -> str:
    """``word`` capitalised as ``like`` is."""
    if like.isupper():
        return word.upper()
    return word.capitalize() if like[:1].isupper() else word


def generate(generator: Generator, problems: int, folder: Path) -> tuple[int, int]:
    """Write about ``problems`` problems of articles into ``folder``; (articles, expected problems)."""
    articles = expected = 0
    for relative, text, count in generator.articles(problems):
        path = folder / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        articles += 1
        expected += count
    return articles, expected


# --- queries ----------------------------------------------------------------------------------


def generated_queries(db: Path, count: int, seed: int) -> list[dict[str, Any]]:
    """Queries a person could paste about a generated index: its error texts and titles, values changed."""
    import sqlite3

    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    rows = conn.execute(
        "select a.source, a.title, p.title, p.error_messages from problems p "
        "join articles a on a.id = p.article_id order by p.id"
    ).fetchall()
    conn.close()
    rng = random.Random(f"queries:{seed}")
    picked = rng.sample(rows, min(count, len(rows)))
    queries = []
    for n, (source, article_title, title, messages_json) in enumerate(picked):
        messages = [m for m in json.loads(messages_json or "[]") if len(m) > 12]
        if messages and rng.random() < 0.75:
            text, kind = _with_other_values(rng, rng.choice(messages))[:MAX_QUERY_CHARS], "pasted-error"
        elif len(title.split()) >= 4:
            text, kind = title, "title"
        else:
            # "Notes", "Testing": a person names the article's subject too.
            text, kind = f"{article_title}: {title}", "title"
        queries.append({"id": f"gen-{n}", "query": text, "expected": [Path(source).name], "kind": kind})
    return queries


def _with_other_values(rng: random.Random, message: str) -> str:
    """``message`` as a user would see it: placeholders filled in, GUIDs and quoted values of their own."""
    message = _PLACEHOLDER.sub(lambda _: _pseudo_word(rng, "valuevalue"), message)
    message = _GUID.sub(lambda _: str(uuid.UUID(int=rng.getrandbits(128))), message)
    return _QUOTED.sub(lambda m: "'" + _pseudo_word(rng, m.group(1)) + "'", message)


def dev_queries() -> list[dict[str, Any]]:
    """The labelled dev queries that have an answer, for the real knowledge base."""
    from api.evaluate import load_queries

    path = SHARED / "eval" / "dev_queries.jsonl"
    return [
        {"id": q.id, "query": q.query, "expected": q.expected, "kind": q.kind}
        for q in load_queries(path)
        if q.expected
    ]


# --- running measured processes ---------------------------------------------------------------


@dataclass
class Run:
    """A finished (or stopped) child process: wall seconds, peak RSS, exit status and output."""

    seconds: float
    peak_rss_mb: float
    returncode: int | None
    stdout: str
    timed_out: bool = False


def run(command: list[str], timeout: float, *, cwd: Path = REPO) -> Run:
    """Run ``command``, measuring its wall time and peak RSS; kill it (and its children) at ``timeout``.

    The peak is sampled from /proc while it runs: the child's own rusage would also count
    the memory of this process, which it was forked from.
    """
    with tempfile.TemporaryFile() as out:
        started = time.perf_counter()
        proc = subprocess.Popen(
            command, cwd=cwd, stdout=out, stderr=subprocess.DEVNULL, env=_env(), start_new_session=True
        )
        peak, timed_out = 0.0, False
        try:
            while proc.poll() is None:
                peak = max(peak, _memory_mb(proc.pid, "VmHWM") or 0.0)
                if time.perf_counter() - started > timeout:
                    os.killpg(proc.pid, signal.SIGKILL)
                    proc.wait()
                    timed_out = True
                    break
                time.sleep(0.005)
        except BaseException:  # Ctrl-C: the child runs in its own session and would outlive us
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
            raise
        seconds = time.perf_counter() - started
        out.seek(0)
        text = out.read().decode("utf-8", "replace")
        return Run(seconds, peak, None if timed_out else proc.returncode, text, timed_out)


def _env() -> dict[str, str]:
    # The measured processes read only what the command line says.
    return {k: v for k, v in os.environ.items() if not k.startswith("KB_") or k == "KB_SHARED"}


def kb_command(*args: str) -> list[str]:
    """The installed `kb` entry point (what users run), else the CLI through this Python."""
    if KB_ENTRY_POINT.exists():
        return [str(KB_ENTRY_POINT), *args]
    return [sys.executable, "-c", "from api.cli import cli; cli()", *args]


def worker(*args: str) -> list[str]:
    """This script as a measured child process."""
    return [sys.executable, str(Path(__file__).resolve()), "--worker", *args]


def _events(text: str) -> list[dict[str, Any]]:
    events = []
    for line in text.splitlines():
        if line.startswith("{"):
            with contextlib.suppress(json.JSONDecodeError):  # a line cut short by a kill
                events.append(json.loads(line))
    return events


def percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * len(ordered)) - 1))]


# --- the measurements -------------------------------------------------------------------------


def measure_index(folder: Path, db: Path, timeout: float, rng: random.Random) -> dict[str, Any]:
    """`kb index`: cold, again with nothing changed, again with 1% of the files changed."""
    figures: dict[str, Any] = {}
    cold = run(kb_command("index", str(folder), "--db", str(db), "-q"), timeout)
    counts = re.search(r"Indexed (\d+) articles, (\d+) problems, (\d+) steps", cold.stdout)
    if cold.timed_out or not counts:
        figures["error"] = f"timed out after {timeout:.0f} s" if cold.timed_out else cold.stdout[-300:]
        return figures
    articles, problems = int(counts.group(1)), int(counts.group(2))
    figures.update(
        articles=articles,
        problems=problems,
        seconds=round(cold.seconds, 2),
        articles_per_s=round(articles / cold.seconds, 1),
        peak_rss_mb=round(cold.peak_rss_mb, 1) or None,
        size_mb=round(db.stat().st_size / 1e6, 1),
    )
    again = run(kb_command("index", str(folder), "--db", str(db), "-q"), timeout)
    figures["unchanged_s"] = None if again.timed_out else round(again.seconds, 2)
    if again.timed_out:
        figures["note"] = f"reindex with nothing changed timed out after {timeout:.0f} s"
    files = sorted(folder.rglob("*.md"))
    changed = rng.sample(files, max(1, len(files) // 100))
    for path in changed:
        with path.open("a", encoding="utf-8") as f:
            f.write("\nEdited by the scale benchmark.\n")
    some = run(kb_command("index", str(folder), "--db", str(db), "-q"), timeout)
    figures["changed_files"] = len(changed)
    figures["changed_s"] = None if some.timed_out else round(some.seconds, 2)
    if some.timed_out:
        figures["note"] = f"reindex with 1% changed timed out after {timeout:.0f} s"
    return figures


def measure_one_shots(db: Path, queries: list[dict[str, Any]], timeout: float) -> dict[str, Any]:
    """Fresh `kb match` processes, one query each: wall time from start to answer."""
    times: list[float] = []
    spent = 0.0
    for item in queries[:ONE_SHOTS]:
        done = run(kb_command("match", "--db", str(db), "--format", "json", "--", item["query"]), timeout)
        if done.timed_out:
            return {"error": f"timed out after {timeout:.0f} s", "runs": len(times)}
        times.append(done.seconds)
        spent += done.seconds
        if spent > ONE_SHOT_BUDGET_S:
            break
    return {"median_s": round(statistics.median(times), 3), "runs": len(times)}


def match_worker(db: Path, queries_file: Path, n: int) -> list[str]:
    """In-process `match()` in a fresh worker process: first answer, then ``n`` rotating queries."""
    return worker("match", str(db), str(queries_file), str(n))


def bm25_worker(folder: Path, queries_file: Path, n: int) -> list[str]:
    """bm25s in a fresh worker process: load the saved index, then ``n`` rotating queries."""
    return worker("bm25-query", str(folder), str(queries_file), str(n))


def measure_alternately(
    workers: dict[str, list[str]], timeout: float, rounds: int = LATENCY_ROUNDS
) -> dict[str, dict[str, Any]]:
    """Each worker command run ``rounds`` times in turn (a, b, a, b, ...), its latencies pooled
    over its rounds: a drift of the machine's speed then falls on every worker alike instead of
    on whichever ran during it. Stops early when a run is cut at its time limit."""
    runs: dict[str, list[tuple[list[dict[str, Any]], Run]]] = {name: [] for name in workers}
    for _ in range(rounds):
        for name, command in workers.items():
            done = run(command, timeout)
            runs[name].append((_events(done.stdout), done))
        if any(found[-1][1].timed_out for found in runs.values()):
            break
    return {name: _latencies(found, timeout) for name, found in runs.items()}


def build_bm25(db: Path, folder: Path, queries_file: Path, timeout: float) -> dict[str, Any]:
    """bm25s on the same articles: build and save in one process; one-shot processes that load it."""
    built = run(worker("bm25-build", str(db), str(folder)), timeout)
    events = {e["event"]: e for e in _events(built.stdout)}
    if "built" not in events:
        return {"error": f"timed out after {timeout:.0f} s" if built.timed_out else built.stdout[-300:]}
    settle()
    shots = [run(bm25_worker(folder, queries_file, 0), timeout) for _ in range(ONE_SHOTS)]
    return {
        "build_s": events["built"]["build_s"],
        "documents_s": events["built"]["documents_s"],
        "build_rss_mb": events["built"]["rss_mb"],
        "size_mb": round(sum(p.stat().st_size for p in folder.iterdir()) / 1e6, 1),
        "one_shot_median_s": round(statistics.median(s.seconds for s in shots), 3),
    }


def _latencies(runs: list[tuple[list[dict[str, Any]], Run]], timeout: float) -> dict[str, Any]:
    """p50/p95 and top-1 over the queries of every run of one worker; first answer and RSS of its
    first run; the p50 of each run (partial figures when a run was stopped)."""
    events, done = runs[0]
    first = next((e for e in events if e["event"] == "first"), None)
    if first is None:
        return {"error": f"no answer within {timeout:.0f} s" if done.timed_out else done.stdout[-300:]}
    batches = [[e for e in found if e["event"] == "batch"] for found, _ in runs]
    per_run = [[v for e in batch for v in e["ms"]] for batch in batches]
    ms = [v for run_ms in per_run for v in run_ms]
    right = [v for batch in batches for e in batch for v in e["right"]]
    end = next((e for e in events if e["event"] == "done"), None)
    figures = {
        "first_answer_s": first["seconds"],
        "load_s": first.get("load_s"),
        "rss_first_mb": first["rss_mb"],
        "runs": len(runs),
        "queries": len(ms),
        "p50_ms": round(statistics.median(ms), 3) if ms else None,
        "p95_ms": round(percentile(ms, 0.95), 3) if ms else None,
        "run_p50_ms": [round(statistics.median(m), 3) for m in per_run if m],
        "top1": round(sum(right) / len(right), 3) if right else None,
        "rss_after_mb": end["rss_mb"] if end else None,
    }
    # measure_alternately stops after a round in which a run was cut: only a last run can be.
    if runs[-1][1].timed_out:
        figures["error"] = f"stopped at {timeout:.0f} s after {len(per_run[-1])} queries"
    return figures


def measure_serve(db: Path, timeout: float, query: str) -> dict[str, Any]:
    """`kb serve` (1 worker): seconds to /readyz 200, then to its first /v1/match answer, and its RSS."""
    import httpx

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    url = f"http://127.0.0.1:{port}"
    command = kb_command("serve", "--db", str(db), "--port", str(port), "--workers", "1")
    started = time.perf_counter()
    proc = subprocess.Popen(
        command,
        cwd=REPO,
        env=_env(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    figures: dict[str, Any] = {}
    try:
        deadline = started + timeout
        while time.perf_counter() < deadline and proc.poll() is None:
            try:
                if httpx.get(f"{url}/readyz", timeout=5).status_code == 200:
                    figures["ready_s"] = round(time.perf_counter() - started, 3)
                    break
            except httpx.TransportError:
                pass
            time.sleep(0.02)
        if "ready_s" not in figures:
            figures["error"] = f"not ready within {timeout:.0f} s" if proc.poll() is None else "exited"
            return figures
        left = max(1.0, deadline - time.perf_counter())
        try:
            httpx.post(f"{url}/v1/match", json={"text": query}, timeout=left).raise_for_status()
            figures["first_match_s"] = round(time.perf_counter() - started, 3)
            figures["rss_mb"] = _largest_rss_mb(proc.pid)
        except httpx.HTTPError as exc:
            figures["error"] = f"first /v1/match: {exc!r}"
    finally:
        os.killpg(proc.pid, signal.SIGINT)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    return figures


def _memory_mb(pid: int | str = "self", field: str = "VmRSS") -> float | None:
    """A process's resident set size (VmRSS) or its peak (VmHWM), in MB; None where /proc has none."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return None
    found = re.search(rf"^{field}:\s+(\d+) kB", status, re.M)
    return round(int(found.group(1)) / 1024, 1) if found else None


def _largest_rss_mb(pid: int) -> float | None:
    """The RSS of the process ``pid`` or of its largest child (a server that runs its app in a worker)."""
    try:
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        children = []
    sizes = [m for m in (_memory_mb(p) for p in [str(pid), *children]) if m is not None]
    return max(sizes, default=None)


# --- workers (child processes) ----------------------------------------------------------------


def _emit(event: str, **values: Any) -> None:
    print(json.dumps({"event": event, **values}), flush=True)


def _rotating(queries: list[dict[str, Any]], n: int) -> Iterator[dict[str, Any]]:
    for i in range(n):
        yield queries[(i + 1) % len(queries)]


def _batches(answer: Callable[[str], tuple[str, str] | None], queries: list[dict[str, Any]], n: int) -> None:
    from api.evaluate import is_right

    ms: list[float] = []
    right: list[bool] = []
    for item in _rotating(queries, n):
        t0 = time.perf_counter()
        best = answer(item["query"])
        ms.append(round((time.perf_counter() - t0) * 1000, 4))
        right.append(best is not None and is_right(item["expected"], *best))
        if len(ms) == 20:
            _emit("batch", ms=ms, right=right)
            ms, right = [], []
    if ms:
        _emit("batch", ms=ms, right=right)
    _emit("done", rss_mb=_memory_mb())


def worker_main(args: list[str]) -> None:
    """Run one measured step in this (fresh) process and print its events as JSON lines."""
    started = time.perf_counter()
    kind = args[0]
    if kind == "match":
        db, queries_file, n = Path(args[1]), Path(args[2]), int(args[3])
        from api.knowledge import KnowledgeBase
        from api.matcher import match

        queries = json.loads(queries_file.read_text(encoding="utf-8"))
        kb = KnowledgeBase(db)

        def answer(text: str) -> tuple[str, str] | None:
            found = match(kb, text, limit=5).matches
            return (found[0].article.source, found[0].problem.id) if found else None

        answer(queries[0]["query"])
        _emit("first", seconds=round(time.perf_counter() - started, 3), rss_mb=_memory_mb())
        _batches(answer, queries, n)
    elif kind == "bm25-build":
        db, folder = Path(args[1]), Path(args[2])
        from api.baselines import ArticleDocuments, Bm25sBaseline
        from api.knowledge import KnowledgeBase

        docs = ArticleDocuments.of(KnowledgeBase(db))
        read = time.perf_counter()
        baseline = Bm25sBaseline.build(docs)
        built = time.perf_counter()
        baseline.save(folder)
        _emit(
            "built",
            documents_s=round(read - started, 3),
            build_s=round(built - read, 3),
            rss_mb=_memory_mb(field="VmHWM"),
        )
    elif kind == "bm25-query":
        folder, queries_file, n = Path(args[1]), Path(args[2]), int(args[3])
        import bm25s  # noqa: F401  (imported before the clock starts: loading is what is timed)

        from api.baselines import Bm25sBaseline

        queries = json.loads(queries_file.read_text(encoding="utf-8"))
        load_started = time.perf_counter()
        baseline = Bm25sBaseline.load(folder, mmap=True)
        load_s = time.perf_counter() - load_started

        def rank(text: str) -> tuple[str, str] | None:
            found = baseline.rank(text, limit=5)
            return found[0] if found else None

        rank(queries[0]["query"])
        _emit(
            "first",
            seconds=round(time.perf_counter() - started, 3),
            load_s=round(load_s, 3),
            rss_mb=_memory_mb(),
        )
        if n:
            _batches(rank, queries, n)
    else:
        raise SystemExit(f"unknown worker {kind}")


# --- one size ---------------------------------------------------------------------------------


@dataclass
class Size:
    """One knowledge base to measure."""

    label: str
    folders: list[Path]
    queries: list[dict[str, Any]] = field(default_factory=list)
    generated: dict[str, Any] = field(default_factory=dict)


def measure(size: Size, work: Path, args: argparse.Namespace) -> dict[str, Any]:
    """Every figure of one size, kb-answer and bm25s; printed as each step ends."""
    rng = random.Random(f"measure:{args.seed}:{size.label}")
    db = work / "kb.db"
    figures: dict[str, Any] = {"size": size.label, "generated": size.generated, "kb": {}, "bm25s": {}}
    ours, theirs = figures["kb"], figures["bm25s"]
    # Index one folder that holds them all, so the 1% change picks among every article.
    folder = work / "articles"
    # A kept folder is measured again from scratch: a cold index, a fresh bm25s folder.
    db.unlink(missing_ok=True)
    shutil.rmtree(work / "bm25s", ignore_errors=True)
    if not folder.exists():
        folder.mkdir(parents=True)
        for source in size.folders:
            shutil.copytree(source, folder / source.name)
    step(f"[{size.label}] kb index")
    ours["index"] = measure_index(folder, db, args.timeout, rng)
    if "error" in ours["index"]:
        return figures
    queries = size.queries or generated_queries(db, max(args.queries, 50), args.seed)
    queries_file = work / "queries.json"
    queries_file.write_text(json.dumps(queries), encoding="utf-8")
    step(f"[{size.label}] kb match one shot x{ONE_SHOTS}")
    settle()
    ours["one_shot"] = measure_one_shots(db, queries, args.timeout)
    step(f"[{size.label}] bm25s build")
    bm25_folder = work / "bm25s"
    bm25_folder.mkdir(exist_ok=True)
    theirs.update(build_bm25(db, bm25_folder, queries_file, args.timeout))
    workers = {"kb": match_worker(db, queries_file, args.queries)}
    if "error" not in theirs:
        workers["bm25s"] = bm25_worker(bm25_folder, queries_file, args.queries)
    step(f"[{size.label}] {' and '.join(workers)} x{args.queries} queries in turn, {LATENCY_ROUNDS} rounds")
    settle()
    latencies = measure_alternately(workers, args.timeout)
    ours["match"] = latencies["kb"]
    if "bm25s" in latencies:
        theirs["query"] = latencies["bm25s"]
    step(f"[{size.label}] kb serve")
    ours["serve"] = measure_serve(db, args.timeout, queries[0]["query"])
    return figures


def settle() -> None:
    """Write what the steps before wrote out to disk before fresh processes are timed.

    A 100,000-problem build and its two reindexes leave some 1.5 GB for the kernel to write
    back; while it does, a fresh process's start took 0.31-0.34 s against 0.18-0.20 s after a
    sync, so a timing measured the machine's disk, not the step (for bm25s and kb-answer alike).
    """
    if hasattr(os, "sync"):
        os.sync()


def step(text: str) -> None:
    """Progress on stderr, so stdout is the table alone."""
    print(f"  {time.strftime('%H:%M:%S')} {text}", file=sys.stderr, flush=True)


# --- the table --------------------------------------------------------------------------------


def _fmt(value: Any, unit: str = "", digits: int = 2) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:,.{digits}f}{unit}"
    return f"{value:,}{unit}"


def _each(values: list[float] | None, digits: int) -> str:
    """Several figures of one measure, in order ("-" when there are none)."""
    return " / ".join(_fmt(v, "", digits) for v in values) + " ms" if values else "-"


def verdicts(figures: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Each target of this size: its text and whether it is met (None: not measured)."""
    return {t.metric: {"target": t.text, "met": t.met(figures)} for t in TARGETS if t.size == figures["size"]}


def _verdict(metrics: tuple[str, ...], figures: dict[str, Any]) -> str:
    said = []
    for target in targets_for(metrics, figures["size"]):
        met = target.met(figures)
        said.append(f"{target.text}: {'not measured' if met is None else ('met' if met else 'NOT met')}")
    return "; ".join(said)


def table(figures: dict[str, Any]) -> str:
    """The figures of one size as a text table: measure, kb-answer, bm25s, target."""
    ours, theirs = figures["kb"], figures["bm25s"]
    index, match, serve, one = (
        ours.get("index", {}),
        ours.get("match", {}),
        ours.get("serve", {}),
        ours.get("one_shot", {}),
    )
    query = theirs.get("query", {})
    label = (
        "real knowledge base (kb/ + msdocs)"
        if figures["size"] == "real"
        else f"generated, {figures['size']} problems asked"
    )
    lines = [
        f"== {label}: {_fmt(index.get('articles'))} articles, {_fmt(index.get('problems'))} problems ==",
        f"{'measure':38} {'kb-answer':>24} {'bm25s':>20}   target (issue 11)",
    ]

    def row(name: str, mine: str, other: str = "", *metrics: str) -> None:
        lines.append(f"{name:38} {mine:>24} {other:>20}   {_verdict(metrics, figures)}".rstrip())

    row(
        "index build: s (articles/s)",
        f"{_fmt(index.get('seconds'), ' s')} ({_fmt(index.get('articles_per_s'), '/s', 0)})",
        _fmt(theirs.get("build_s"), " s", 3),
        "index",
    )
    row("  reindex, nothing changed", _fmt(index.get("unchanged_s"), " s"))
    row(
        f"  reindex, 1% changed ({_fmt(index.get('changed_files'))} files)",
        _fmt(index.get("changed_s"), " s"),
    )
    row(
        "  peak RSS while indexing",
        _fmt(index.get("peak_rss_mb"), " MB", 0),
        _fmt(theirs.get("build_rss_mb"), " MB", 0),
    )
    row("index size", _fmt(index.get("size_mb"), " MB", 1), _fmt(theirs.get("size_mb"), " MB", 1))
    row(
        f"one shot, fresh process (median of {_fmt(one.get('runs'))})",
        _fmt(one.get("median_s"), " s", 3),
        _fmt(theirs.get("one_shot_median_s"), " s", 3),
        "one_shot",
        "first_answer",
    )
    row(
        "first answer in a fresh worker",
        _fmt(match.get("first_answer_s"), " s", 3),
        _fmt(query.get("first_answer_s"), " s", 3),
    )
    row("  of which loading the index", "", _fmt(query.get("load_s"), " s", 3))
    row(
        f"query p50 ({_fmt(match.get('queries'))} queries, {_fmt(match.get('runs'))} workers)",
        _fmt(match.get("p50_ms"), " ms"),
        _fmt(query.get("p50_ms"), " ms", 3),
        "match_p50",
    )
    row("query p95", _fmt(match.get("p95_ms"), " ms"), _fmt(query.get("p95_ms"), " ms", 3), "match_p95")
    row(
        "  p50 of each worker, in turn",
        _each(match.get("run_p50_ms"), 2),
        _each(query.get("run_p50_ms"), 3),
    )
    row(
        "RSS after first answer",
        _fmt(match.get("rss_first_mb"), " MB", 0),
        _fmt(query.get("rss_first_mb"), " MB", 0),
    )
    row(
        "RSS after the queries",
        _fmt(match.get("rss_after_mb"), " MB", 0),
        _fmt(query.get("rss_after_mb"), " MB", 0),
        "rss",
    )
    row("right article first (top-1)", _fmt(match.get("top1"), "", 3), _fmt(query.get("top1"), "", 3))
    row("kb serve: /readyz 200", _fmt(serve.get("ready_s"), " s", 3), "", "serve_ready")
    row("kb serve: first /v1/match answered", _fmt(serve.get("first_match_s"), " s", 3))
    row("kb serve: RSS after it", _fmt(serve.get("rss_mb"), " MB", 0))
    for where, part in (("kb-answer", ours), ("bm25s", theirs)):
        for name, value in part.items():
            for said in ("error", "note"):
                if isinstance(value, dict) and value.get(said):
                    lines.append(f"  note: {where} {name}: {value[said]}")
        if part.get("error"):
            lines.append(f"  note: {where}: {part['error']}")
    return "\n".join(lines)


def main() -> int:
    """Generate, measure each size, print the tables (and JSON)."""
    if len(sys.argv) > 1 and sys.argv[1] == "--worker":
        worker_main(sys.argv[2:])
        return 0
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", default="1000,10000", help="generated sizes in problems, comma-separated")
    parser.add_argument("--queries", type=int, default=200, help="in-process queries per size (rotating)")
    parser.add_argument("--seed", type=int, default=1, help="seed of the generator and the queries")
    parser.add_argument("--timeout", type=float, default=1800.0, help="most seconds per measured step")
    parser.add_argument(
        "--keep", type=Path, help="generate into DIR and keep it (default: a temporary folder)"
    )
    parser.add_argument("--no-real", action="store_true", help="skip the real knowledge base (kb/ + msdocs)")
    parser.add_argument("--json", type=Path, help="also write every figure as JSON to this file")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    if not all((SHARED / "corpus" / c).is_dir() for c in SOURCE_CORPORA):
        print(f"bench_scale: needs the shared corpora in {SHARED / 'corpus'}", file=sys.stderr)
        return 2
    root = args.keep or Path(tempfile.mkdtemp(prefix="kb-bench-scale-"))
    root.mkdir(parents=True, exist_ok=True)
    print(
        f"kb-answer scale benchmark: Python {sys.version.split()[0]}, {os.cpu_count()} CPUs, "
        f"{args.queries} queries per size, step timeout {args.timeout:.0f} s, seed {args.seed}; in {root}",
        flush=True,
    )
    results: list[dict[str, Any]] = []
    meta = {
        "python": sys.version.split()[0],
        "cpus": os.cpu_count(),
        "queries": args.queries,
        "seed": args.seed,
        "timeout_s": args.timeout,
        "started": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
    }

    def done(figures: dict[str, Any]) -> None:
        figures["targets"] = verdicts(figures)
        results.append(figures)
        print("\n" + table(figures), flush=True)
        if args.json:  # after every size, so a long run that is stopped still leaves its figures
            args.json.write_text(json.dumps({**meta, "sizes": results}, indent=2), encoding="utf-8")

    try:
        if not args.no_real:
            real = Size("real", [REPO / "kb", SHARED / "corpus" / "msdocs"], queries=dev_queries())
            done(measure(real, root / "real", args))
        if sizes:
            step("indexing the source corpora once, for their problem counts")
            generator = Generator(load_sources(source_problem_counts(root)), args.seed)
        for problems in sizes:
            work = root / f"gen{problems}"
            articles_folder = work / "articles"
            if not articles_folder.exists():
                step(f"[{problems}] generating")
                started = time.perf_counter()
                articles, expected = generate(generator, problems, articles_folder / "generated")
                made = {
                    "articles": articles,
                    "expected_problems": expected,
                    "seconds": round(time.perf_counter() - started, 1),
                }
                (work / "generated.json").write_text(json.dumps(made), encoding="utf-8")
            made = json.loads((work / "generated.json").read_text(encoding="utf-8"))
            done(measure(Size(str(problems), [], generated=made), work, args))
    finally:
        if not args.keep:
            shutil.rmtree(root, ignore_errors=True)
    measured = {figures["size"] for figures in results}
    for size in sorted({t.size for t in TARGETS} - measured):
        if size == "real":
            print(
                "\nTargets at the real knowledge base (301 problems): not measured in this run (--no-real)."
            )
        else:
            print(f"\nTargets at {size} problems: not measured in this run (--sizes ...,{size}).")
    return 0


def source_problem_counts(root: Path) -> dict[str, int]:
    """Problems per article file ("corpus/name.md") of the shared corpora, as kb-answer reads them."""
    import sqlite3

    from indexer.build import build_index

    db = root / "sources.db"
    if not db.exists():
        build_index([SHARED / "corpus" / c for c in SOURCE_CORPORA], db)
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    rows = conn.execute(
        "select a.folder, a.source, count(*) from articles a join problems p on p.article_id = a.id group by a.id"
    ).fetchall()
    conn.close()
    return {f"{Path(folder).name}/{source}": n for folder, source, n in rows}


if __name__ == "__main__":
    sys.exit(main())
