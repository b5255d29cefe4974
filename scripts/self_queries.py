"""How the matcher answers a knowledge base's own words: a check that needs no labelled queries.

For a sample of problems of each index, two queries are made from the problem itself:
its title, and the first sentence of its symptoms. Each is matched against the whole
index, and the script prints, per kind of query, how often the first answer is from the
problem's own article (top-1) and how often it is given with confidence (medium or high),
beside a plain BM25 (bm25s over whole articles, as in `kb eval`) on the same queries.

These queries are easier than real ones (they are the article's own words), so the
figures are a ceiling, not an estimate of quality. What they show is how the house
style of a knowledge base is read: where top-1 is high but confidence is low, the
calibration does not transfer to that style. Nothing here is fitted.

    python scripts/self_queries.py kb.db
    python scripts/self_queries.py msdocs.db longhorn.db devtools.db --sample 150
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from api.baselines import ArticleDocuments, Bm25sBaseline  # noqa: E402
from api.knowledge import KnowledgeBase  # noqa: E402
from api.matcher import match  # noqa: E402

_FIRST_SENTENCE = re.compile(r"(?<=[.!?])\s")
MIN_QUERY_CHARS = 8
MAX_QUERY_CHARS = 200


def queries_of(title: str, symptoms: str) -> dict[str, str]:
    """The queries one problem gives, by kind (those too short to ask are left out)."""
    made = {"title": title, "symptom sentence": _FIRST_SENTENCE.split((symptoms or "").strip())[0]}
    return {kind: text[:MAX_QUERY_CHARS] for kind, text in made.items() if len(text) >= MIN_QUERY_CHARS}


def check(db: Path, sample: int, seed: int) -> None:
    """Print the figures for one index."""
    kb = KnowledgeBase(db)
    baseline = Bm25sBaseline.build(ArticleDocuments.of(kb))
    sources = dict(kb.conn().execute("select id, source from articles"))
    rows = list(kb.conn().execute("select title, symptoms, article_id from problems order by id"))
    random.Random(seed).shuffle(rows)
    tallies: dict[str, list[int]] = {}
    for title, symptoms, article_id in rows[:sample]:
        for kind, text in queries_of(title, symptoms).items():
            answer = match(kb, text, limit=1)
            top = answer.matches[0] if answer.matches else None
            right = top is not None and top.article.id == article_id
            ranked = baseline.rank(text, limit=1)
            plain_right = bool(ranked) and ranked[0][0] == sources[article_id]
            tally = tallies.setdefault(kind, [0, 0, 0, 0, 0])
            tally[0] += 1
            tally[1] += int(right)
            tally[2] += int(top is not None and top.confidence != "low")
            tally[3] += int(right and top is not None and top.confidence != "low")
            tally[4] += int(plain_right)
    print(f"\n{db} ({len(rows)} problems, {min(sample, len(rows))} sampled)")
    print(f"{'query':18} {'n':>4} {'top-1':>7} {'confident':>10} {'conf.&right':>12} {'bm25s top-1':>12}")
    for kind, (n, right, confident, both, bm25s) in tallies.items():
        print(f"{kind:18} {n:>4} {right / n:7.2f} {confident / n:10.2f} {both / n:12.2f} {bm25s / n:12.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("indexes", nargs="+", type=Path, help="index files built by `kb index`")
    parser.add_argument("--sample", type=int, default=150, help="problems sampled per index")
    parser.add_argument("--seed", type=int, default=1, help="seed of the sample")
    args = parser.parse_args()
    for db in args.indexes:
        check(db, args.sample, args.seed)


if __name__ == "__main__":
    main()
