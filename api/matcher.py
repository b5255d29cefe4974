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

from rapidfuzz import fuzz

from api.knowledge import KnowledgeBase, ProblemView
from api.models import Evidence, Match, MatchResult, article_ref, nest_steps, problem_out
from api.query import PreparedQuery, prepare
from indexer.errortext import code_key, stem

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
    thank get got getting error errors message issue problem help how t s m ve re ll d""".split()
)
_WORD = re.compile(r"[a-z0-9]+")


FEATURES = (
    "code",  # a numeric error code of the query is one of the problem's
    "named_code",  # a named error (AttributeValueMustBeUnique) of the query is the problem's
    "code_conflict",  # the query names known numeric codes, none of them this problem's
    "message",  # rapidfuzz agreement between the query and the problem's best error message
    "coverage",  # share of the query's (idf-weighted) words found in the problem's text
    "title",  # share of the query's (idf-weighted) words found in the problem's title
    "unseen",  # share of the query's (idf-weighted) words the knowledge base never uses
    "bm25",  # bm25 relative to the best candidate's
    "top_bm25",  # the best bm25 candidate
    "best_message",  # no other candidate's error message agrees better with the query
    "best_coverage",  # no other candidate covers more of the query
)

# Logistic weights over FEATURES, then the bias; fitted by scripts/calibrate_matcher.py
# on the labelled dev queries so that the score reads as a probability of being right.
WEIGHTS = {
    "code": 2.85,
    "named_code": -0.18,
    "code_conflict": -0.97,
    "message": 0.55,
    "coverage": 0.94,
    "title": 0.94,
    "unseen": -0.17,
    "bm25": 2.25,
    "top_bm25": 2.04,
    "best_message": 2.89,
    "best_coverage": 0.89,
}
BIAS = -5.03


def match(kb: KnowledgeBase, text: str, *, limit: int = 5) -> MatchResult:
    """Answer ``text`` from ``kb``: matches best first and whether any is confident."""
    query = prepare(text)
    scored = [(probability(features), view, evidence) for features, view, evidence in candidates(kb, query)]
    scored.sort(key=lambda item: -item[0])
    matches = _materialise(kb, _per_article(scored, limit))
    confident = bool(matches) and matches[0].confidence != "low"
    return MatchResult(
        query=text[:200],
        error_codes=query.codes,
        matches=matches,
        no_confident_match=not confident,
        truncated=query.truncated,
    )


def candidates(kb: KnowledgeBase, query: PreparedQuery) -> list[tuple[dict[str, float], ProblemView, list[Evidence]]]:
    """Every candidate problem for ``query`` with its evidence features (unordered)."""
    snapshot = kb.snapshot()
    known_codes = [c for c in query.codes if code_key(c) in snapshot.code_index]
    words = _terms(query.comparable_text)
    if not words and not known_codes:
        return []
    query_stems = list(dict.fromkeys(stem(w) for w in words))
    weights = {s: snapshot.idf.get(s, snapshot.unseen_idf) for s in query_stems}
    total = sum(weights.values()) or 1.0
    unseen = sum(w for s, w in weights.items() if s not in snapshot.idf) / total
    bm25 = _fts_candidates(kb, words, known_codes)
    best_bm25 = max(bm25.values(), default=0.0) or 1.0
    query_keys = {code_key(c) for c in known_codes}
    out = []
    for rank, (pid, score) in enumerate(sorted(bm25.items(), key=lambda kv: -kv[1])):
        view = snapshot.problems.get(pid)
        if view is None:
            continue
        evidence: list[Evidence] = []
        features = _code_features(query_keys, view, evidence)
        features["message"] = _message_similarity(query.comparable_text, view, evidence)
        features["coverage"] = sum(w for s, w in weights.items() if s in view.words) / total
        features["title"] = sum(w for s, w in weights.items() if s in view.title_words) / total
        if features["title"] >= 0.3:
            evidence.append(
                Evidence(field="title", query_part=" ".join(words[:12]), matched=view.title, score=features["title"])
            )
        features["unseen"] = unseen
        features["bm25"] = score / best_bm25
        features["top_bm25"] = 1.0 if rank == 0 else 0.0
        out.append((features, view, evidence))
    for name, best_name, floor in (("message", "best_message", 0.6), ("coverage", "best_coverage", 0.3)):
        best = max((f[name] for f, _, _ in out), default=0.0)
        for features, _, _ in out:
            features[best_name] = 1.0 if best >= floor and features[name] >= best - 0.005 else 0.0
    return out


def probability(features: dict[str, float]) -> float:
    """The calibrated score of one candidate from its features."""
    z = BIAS + sum(WEIGHTS[name] * features[name] for name in FEATURES)
    return 1.0 / (1.0 + math.exp(-z))


def _terms(comparable_text: str) -> list[str]:
    seen: dict[str, None] = {}
    for word in _WORD.findall(comparable_text):
        if word not in _STOPWORDS and len(word) > 1:
            seen.setdefault(word, None)
    return list(seen)


def _fts_candidates(kb: KnowledgeBase, words: list[str], known_codes: list[str]) -> dict[str, float]:
    # Named codes reach their problems through the code index; as search terms a wrapper's
    # generic code ("Request_BadRequest") would outweigh the message itself.
    numeric = [code_key(c).lower() for c in known_codes if any(ch.isdigit() for ch in c)]
    terms = list(dict.fromkeys([*numeric, *words]))[:MAX_FTS_TERMS]
    expression = " OR ".join(f'"{t}"' for t in terms)
    found = dict(kb.full_text(expression, CANDIDATES, FTS_WEIGHTS)) if terms else {}
    snapshot = kb.snapshot()
    for code in known_codes:
        for pid in snapshot.code_index.get(code_key(code), []):
            found.setdefault(pid, 0.0)
    return found


def _code_features(query_keys: set[str], view: ProblemView, evidence: list[Evidence]) -> dict[str, float]:
    shared = query_keys & view.code_keys
    numeric = {k for k in shared if any(ch.isdigit() for ch in k)}
    for key in sorted(shared):
        evidence.append(Evidence(field="error_code", query_part=key, matched=key, score=1.0))
    query_numeric = any(any(ch.isdigit() for ch in k) for k in query_keys)
    return {
        "code": 1.0 if numeric else 0.0,
        "named_code": 1.0 if shared - numeric else 0.0,
        "code_conflict": 1.0 if query_numeric and not numeric else 0.0,
    }


def _message_similarity(query: str, view: ProblemView, evidence: list[Evidence]) -> float:
    """How well the query and the problem's best error message agree (0..1); adds the evidence."""
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
        return best
    message = view.comparable_messages[best_index]
    if len(message) <= len(query):
        part = query[best_alignment.dest_start : best_alignment.dest_end]
    else:
        part = query
    evidence.append(
        Evidence(field="error_message", query_part=part[:300], matched=view.messages[best_index][:500], score=best)
    )
    return best


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
