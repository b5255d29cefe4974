"""Pasted text → ranked problems with ordered steps and a calibrated confidence.

Three stages, each generic over the knowledge base:

1. :func:`api.query.prepare` unwraps the paste and finds its error codes;
2. candidates come from SQLite FTS5 (bm25, error fields weighted far above body
   text) and from an exact lookup of the query's error codes;
3. each candidate is rescored from evidence (error-code agreement, rapidfuzz
   similarity to its error messages, how much of the query its title and
   symptoms cover, its bm25 standing) and the evidence is turned into a
   probability-like score by one logistic function, so one threshold means the
   same thing for every query.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from rapidfuzz import fuzz

from api.knowledge import KnowledgeBase, ProblemView
from api.models import Evidence, Match, MatchResult, article_ref, nest_steps, problem_out
from api.query import PreparedQuery, prepare
from indexer.errortext import code_key

# bm25 weight per FTS column, in indexer.schema.FTS_COLUMNS order.
FTS_WEIGHTS = [10.0, 6.0, 4.0, 2.0, 2.0, 1.0, 0.5]
CANDIDATES = 60
MAX_FTS_TERMS = 40
MAX_PER_ARTICLE = 2
HIGH = 0.75
MEDIUM = 0.5

_STOPWORDS = frozenset(
    """a an and are as at be been but by can could did do does doesn't don't for from had has have i i'm
    if in into is it it's its me my no not of on or our please so that the their them then there these
    this to was we were what when where which while who why will with would you your hi hello thanks
    thank get got getting error errors message issue problem help""".split()
)
_WORD = re.compile(r"[a-z0-9]+")


@dataclass
class _Features:
    code: float
    named_code: float
    code_conflict: float
    message: float
    coverage: float
    title: float
    bm25: float
    top_bm25: float


# Weights of the logistic function over the features above, plus a bias.
_WEIGHTS = _Features(
    code=3.0, named_code=1.5, code_conflict=-2.5, message=6.0, coverage=3.0, title=1.0, bm25=1.5, top_bm25=0.5
)
_BIAS = -5.0


def match(kb: KnowledgeBase, text: str, *, limit: int = 5) -> MatchResult:
    """Answer ``text`` from ``kb``: matches best first and whether any is confident."""
    query = prepare(text)
    snapshot = kb.snapshot()
    known_codes = [c for c in query.codes if code_key(c) in snapshot.code_index]
    words = _terms(query.comparable_text)
    scored: list[tuple[float, ProblemView, list[Evidence]]] = []
    if words or known_codes:
        bm25 = _candidates(kb, query, words, known_codes)
        best_bm25 = max(bm25.values(), default=0.0) or 1.0
        query_keys = {code_key(c) for c in known_codes}
        for rank, (pid, score) in enumerate(sorted(bm25.items(), key=lambda kv: -kv[1])):
            view = snapshot.problems.get(pid)
            if view is None:
                continue
            features, evidence = _features(query, words, query_keys, view, score / best_bm25, rank)
            scored.append((_probability(features), view, evidence))
    scored.sort(key=lambda item: -item[0])
    picked = _per_article(scored, limit)
    matches = _materialise(kb, picked)
    confident = bool(matches) and matches[0].confidence != "low"
    return MatchResult(
        query=text[:200],
        error_codes=query.codes,
        matches=matches,
        no_confident_match=not confident,
        truncated=query.truncated,
    )


def _terms(comparable_text: str) -> list[str]:
    seen: dict[str, None] = {}
    for word in _WORD.findall(comparable_text):
        if word not in _STOPWORDS and len(word) > 1:
            seen.setdefault(word, None)
    return list(seen)


def _candidates(
    kb: KnowledgeBase, query: PreparedQuery, words: list[str], known_codes: list[str]
) -> dict[str, float]:
    terms = [*(code_key(c).lower() for c in known_codes), *words][:MAX_FTS_TERMS]
    expression = " OR ".join(f'"{t}"' for t in terms)
    found = dict(kb.full_text(expression, CANDIDATES, FTS_WEIGHTS)) if terms else {}
    snapshot = kb.snapshot()
    for code in known_codes:
        for pid in snapshot.code_index.get(code_key(code), []):
            found.setdefault(pid, 0.0)
    return found


def _features(
    query: PreparedQuery,
    words: list[str],
    query_keys: set[str],
    view: ProblemView,
    bm25_rel: float,
    rank: int,
) -> tuple[_Features, list[Evidence]]:
    evidence: list[Evidence] = []
    shared = query_keys & view.code_keys
    numeric = {k for k in shared if any(ch.isdigit() for ch in k)}
    for key in sorted(shared):
        evidence.append(Evidence(field="error_code", query_part=key, matched=key, score=1.0))
    conflict = 1.0 if any(ch.isdigit() for k in query_keys for ch in k) and not numeric else 0.0
    message, message_evidence = _message_similarity(query.comparable_text, view)
    if message_evidence:
        evidence.append(message_evidence)
    problem_words = set(_WORD.findall(f"{view.comparable_title} {view.comparable_symptoms}"))
    problem_words.update(w for m in view.comparable_messages for w in _WORD.findall(m))
    coverage = _coverage(words, problem_words)
    title = _coverage(words, set(_WORD.findall(view.comparable_title)))
    if title >= 0.3:
        evidence.append(Evidence(field="title", query_part=" ".join(words[:12]), matched=view.title, score=title))
    features = _Features(
        code=1.0 if numeric else 0.0,
        named_code=1.0 if shared - numeric else 0.0,
        code_conflict=conflict,
        message=message,
        coverage=coverage,
        title=title,
        bm25=bm25_rel,
        top_bm25=1.0 if rank == 0 else 0.0,
    )
    return features, evidence


def _message_similarity(query: str, view: ProblemView) -> tuple[float, Evidence | None]:
    """How well the query and the problem's best error message agree (0..1), with evidence."""
    best, best_index, best_alignment = 0.0, -1, None
    for i, message in enumerate(view.comparable_messages):
        short, long_ = (message, query) if len(message) <= len(query) else (query, message)
        if len(short) < 8:
            continue
        alignment = fuzz.partial_ratio_alignment(short, long_, score_cutoff=best * 100)
        if alignment is None:
            continue
        # A short string matches somewhere in anything; trust agreement in proportion to its length.
        weight = min(1.0, len(short) / 60)
        score = alignment.score / 100 * (0.4 + 0.6 * weight)
        if score > best:
            best, best_index, best_alignment = score, i, alignment
    if best_index < 0 or best < 0.5 or best_alignment is None:
        return best, None
    message = view.comparable_messages[best_index]
    if len(message) <= len(query):
        part = query[best_alignment.dest_start : best_alignment.dest_end]
    else:
        part = query
    return best, Evidence(
        field="error_message", query_part=part[:300], matched=view.messages[best_index][:500], score=best
    )


def _coverage(words: list[str], target: set[str]) -> float:
    if not words:
        return 0.0
    stems = {_stem(t) for t in target}
    hits = sum(1 for w in words if w in target or _stem(w) in stems)
    return hits / len(words)


def _stem(word: str) -> str:
    for suffix in ("ing", "ed", "es", "s"):
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


def _probability(f: _Features) -> float:
    w = _WEIGHTS
    z = _BIAS + sum(getattr(w, name) * getattr(f, name) for name in f.__dataclass_fields__)
    return 1.0 / (1.0 + math.exp(-z))


def _per_article(scored: list[tuple[float, ProblemView, list[Evidence]]], limit: int) -> list:
    """Best first, at most ``MAX_PER_ARTICLE`` problems of one article, ``limit`` in all."""
    counts: dict[str, int] = {}
    picked = []
    for item in scored:
        article_id = item[1].article_id
        if counts.get(article_id, 0) >= MAX_PER_ARTICLE:
            continue
        counts[article_id] = counts.get(article_id, 0) + 1
        picked.append(item)
        if len(picked) >= limit:
            break
    return picked


def _confidence(score: float) -> str:
    return "high" if score >= HIGH else "medium" if score >= MEDIUM else "low"


def _materialise(kb: KnowledgeBase, picked: list) -> list[Match]:
    out: list[Match] = []
    for score, view, evidence in picked:
        article, problem = kb.problem(view.id)
        out.append(
            Match(
                score=round(score, 4),
                confidence=_confidence(score),  # type: ignore[arg-type]
                article=article_ref(article),
                problem=problem_out(article, problem),
                steps=nest_steps(problem.steps),
                evidence=evidence,
            )
        )
    return out
