"""Parsing changed article files into rows, in worker processes when there are many."""

from __future__ import annotations

import gc
import multiprocessing
import os
import signal
import threading
from collections import deque
from collections.abc import Callable, Generator, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from itertools import islice

from indexer.article_files import ArticleFile, read_regular_file
from indexer.errors import ArticleError
from indexer.interrupts import interrupt_deferred
from indexer.orphans import end_with_parent
from indexer.parse import parse_article, require_an_answer
from indexer.store import ArticleRows, article_rows

# Parse in worker processes from this many changed files on; fewer are parsed faster here.
PARALLEL_FROM = 64
MAX_WORKERS = 8
# Files sent to a worker at a time, and chunks parsed ahead of the writer per worker.
CHUNK = 16
AHEAD_PER_WORKER = 2


@dataclass
class Parsed:
    """One file's parse: its article's id and rows, or the error that keeps it out.

    Only what the run needs: the parsed records themselves would be pickled back from
    the worker and held until the index is written, as well as their rows.
    """

    id: str = ""
    has_front_matter: bool = True
    id_written: bool = True
    id_line: int = 1
    rows: ArticleRows | None = None
    error: ArticleError | None = None
    # (line, why) of what the article says that is left out (Article.left_out).
    left_out: list[tuple[int, str]] = field(default_factory=list)
    # Why the file could not be read when its turn came (it changed under the run).
    unread: OSError | None = None


# One changed file to parse, and its folder's URL template.
Job = tuple[ArticleFile, str | None]


def _parse_file(job: Job) -> Parsed:
    """Read one article and turn it into rows: it runs in a worker process.

    Read here rather than passed in: the bytes of every file to parse would otherwise be
    held at once, on a first build the whole knowledge base.
    """
    file, url_template = job
    source, folder = file.source, file.folder
    try:
        data = read_regular_file(file.path, root=file.root)
    except OSError as exc:
        return Parsed(unread=exc)
    with _collector_paused():
        try:
            article = require_an_answer(parse_article(data, source, url_template=url_template))
        except ArticleError as exc:
            return Parsed(error=exc)
        except MemoryError:
            # One article too large for the memory left (a worker under a ulimit): the others go on.
            return Parsed(error=ArticleError(source, 1, "not enough memory to read it"))
        return Parsed(
            article.id,
            article.has_front_matter,
            article.id_written,
            article.id_line,
            article_rows(article, folder),
            left_out=article.left_out,
        )


@contextmanager
def _collector_paused() -> Iterator[None]:
    """No garbage collection while one article is parsed, in the main thread.

    A parse builds a tree that lives until its rows are made, so every collection during
    it scans the whole tree again only to find it alive, and the longer the article, the
    more often: a third of the CPU of an article of the generated 10,000-problem knowledge
    base, half at 3,000 problems in one article. The tree holds no reference cycles (its
    nodes' parents are weak references), so it is freed as soon as it is let go, whatever
    the collector does. Only in the main thread: in a server, a reindex
    parses in a worker thread while requests, whose garbage must still be collected, are
    answered.
    """
    if threading.current_thread() is not threading.main_thread() or not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def _start_worker(parent: int) -> None:
    # No collector settings of the worker's own: each parse pauses the collector, and a
    # gc.freeze() with a tenfold threshold measured no faster on top of that.
    # A killed `kb index` leaves no workers waiting forever for files to parse.
    end_with_parent(parent, partial(os._exit, 1))
    # Ctrl-C reaches every process of the terminal's group: the run stops in the parent, which
    # shuts the pool down. Interrupted as well, a worker could stop while sending a result and
    # hold the queue's lock: every process then waited for ever.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # SIGTERM ends a worker, whatever handler `kb index` gave the process it was forked from: it is
    # how the pool stops the others when one dies (held, they kept the run waiting for ever).
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def _parse_chunk(jobs: list[Job]) -> list[Parsed]:
    return [_parse_file(job) for job in jobs]


def parse_all(jobs: list[Job], progress: Callable[[str], None]) -> Generator[Parsed, None, None]:
    """Parse ``jobs`` in order, in worker processes when there are enough to be worth it."""
    workers = min(os.cpu_count() or 1, MAX_WORKERS)
    if len(jobs) < PARALLEL_FROM or workers < 2:
        for job in jobs:
            progress(job[0].source)
            yield _parse_file(job)
        return
    # fork where the platform has it: workers start at once with the parser already imported.
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    chunks = (jobs[start : start + CHUNK] for start in range(0, len(jobs), CHUNK))
    with ProcessPoolExecutor(
        workers, mp_context=context, initializer=_start_worker, initargs=(os.getpid(),)
    ) as pool:
        # Only a few chunks ahead of the writer: the rows of parsed articles waiting to be
        # written would otherwise grow with the knowledge base when parsing outpaces writing.
        ahead = deque(
            (chunk, pool.submit(_parse_chunk, chunk)) for chunk in islice(chunks, workers * AHEAD_PER_WORKER)
        )
        try:
            while ahead:
                chunk, future = ahead.popleft()
                parsed = future.result()
                following = next(chunks, None)
                if following:
                    ahead.append((following, pool.submit(_parse_chunk, following)))
                for job, one in zip(chunk, parsed, strict=True):
                    progress(job[0].source)
                    yield one
        finally:
            # A run that stops early (an error while writing, Ctrl-C) does not wait for the rest to be
            # parsed. A second Ctrl-C waits for the shutdown: stopped half-way, it left the workers
            # writing results to a pipe nothing read any more, and the run waiting for them.
            with interrupt_deferred():
                pool.shutdown(cancel_futures=True)
