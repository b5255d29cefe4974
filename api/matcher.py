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

from api.knowledge import PREFIX, KnowledgeBase, ProblemView, Snapshot, prefix
from api.models import Evidence, Match, MatchResult, article_ref, nest_steps, problem_out
from api.query import DEFAULT_MATCHES, PreparedQuery, prepare
from indexer.errors import NotFoundError
from indexer.errortext import canonical_code, code_key, stem

# bm25 weight per FTS column, in indexer.schema.FTS_COLUMNS order.
FTS_WEIGHTS = [10.0, 6.0, 4.0, 2.0, 2.0, 0.5, 0.2]
CANDIDATES = 40
MAX_FTS_TERMS = 40
MAX_PER_ARTICLE = 2
MAX_LEAD = 3.0
MIN_MESSAGE_OVERLAP = 0.25
HIGH = 0.95
MEDIUM = 0.7
THIN_CAP = 0.5

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
    "unseen",  # share of the query's (idf-weighted) words the knowledge base never uses (calibration only)
    "bm25",  # bm25 relative to the best candidate's
    "top_bm25",  # the best bm25 candidate
    "best_message",  # no other candidate's error message agrees better with the query
    "best_coverage",  # no other candidate covers more of the query
    "best_title",  # no other candidate's title and summary cover more of the query
    "thin",  # the query has at most two content words and no known code: little to go on
)

# Ranking weights over FEATURES (a linear score), and the calibration that turns a
# candidate's score and its lead over the others into a probability of being right.
# Both are fitted by scripts/calibrate_matcher.py on the labelled dev queries: the
# weights say how much each kind of evidence counts, never which article answers.
WEIGHTS = {
    "code": 1.42,
    "named_code": -1.16,
    "code_conflict": -1.42,
    "message": 3.49,
    "coverage": 1.40,
    "title": 1.18,
    "unseen": 0.00,
    "bm25": 2.89,
    "top_bm25": 1.27,
    "best_message": 0.90,
    "best_coverage": 1.23,
    "best_title": 2.16,
    "thin": 0.00,
}
CALIBRATION = {
    "score": 0.607,
    "lead": 0.084,
    "unseen": -3.262,
    "thin": -5.673,
    "coverage": -0.802,
    "message": 3.062,
    "bias": -3.165,
}


# (field, query part, matched text, score): turned into Evidence models only for the
# few candidates that are returned.
EvidenceTuple = tuple[str, str, str, float]


def match(kb: KnowledgeBase, text: str, *, limit: int = DEFAULT_MATCHES) -> MatchResult:
    """Answer ``text`` from ``kb``: matches best first and whether any is confident."""
    query = prepare(text)
    # One view of the index for the whole query, even if the file is replaced meanwhile.
    snapshot = kb.snapshot()
    found = [(rank_score(f), f, view, evidence) for f, view, evidence in candidates(kb, query, snapshot)]
    found.sort(key=lambda item: -item[0])
    scores = [score for score, _, _, _ in found]
    scored = [
        (probability(calibration_inputs(scores, i, f)), view, evidence)
        for i, (_, f, view, evidence) in enumerate(found)
    ]
    matches = _materialise(kb, snapshot, _per_article(scored, limit))
    confident = bool(matches) and matches[0].confidence != "low"
    return MatchResult(
        query=text[:200],
        error_codes=query.codes,
        matches=matches,
        no_confident_match=not confident,
        truncated=query.truncated,
    )


def candidates(
    kb: KnowledgeBase, query: PreparedQuery, snapshot: Snapshot | None = None
) -> list[tuple[dict[str, float], ProblemView, list[EvidenceTuple]]]:
    """Every candidate problem for ``query`` with its evidence features (unordered)."""
    snapshot = snapshot or kb.snapshot()
    known_codes = [c for c in query.codes if code_key(c) in snapshot.code_index]
    words = _terms(query.comparable_text)
    if not words and not known_codes:
        return []
    query_stems = list(dict.fromkeys(stem(w) for w in words))
    weights = {s: snapshot.idf.get(s, snapshot.unseen_idf) for s in query_stems}
    total = sum(weights.values()) or 1.0
    unseen = sum(w for s, w in weights.items() if s not in snapshot.idf) / total
    bm25 = _fts_candidates(kb, snapshot, words, known_codes)
    best_bm25 = max(bm25.values(), default=0.0) or 1.0
    query_keys = {code_key(c) for c in known_codes}
    query_set = set(query_stems)
    query_prefixes = {s: prefix(s) for s in query_stems if len(s) >= PREFIX}
    out = []
    for rank, (pid, score) in enumerate(sorted(bm25.items(), key=lambda kv: -kv[1])):
        view = snapshot.problems.get(pid)
        if view is None:
            continue
        evidence: list[EvidenceTuple] = []
        features = _code_features(query_keys, view, evidence)
        features["message"] = _message_similarity(query.comparable_text, query_set, view, evidence)
        features["coverage"] = _covered(weights, query_set, query_prefixes, view.words, view.prefixes) / total
        features["title"] = (
            _covered(weights, query_set, query_prefixes, view.title_words, view.title_prefixes) / total
        )
        if features["title"] >= 0.3:
            evidence.append(("title", " ".join(words[:12]), view.title, features["title"]))
        features["unseen"] = unseen
        features["bm25"] = score / best_bm25
        features["top_bm25"] = 1.0 if rank == 0 else 0.0
        features["thin"] = 1.0 if len(words) <= 2 and not known_codes else 0.0
        out.append((features, view, evidence))
    for name, best_name, floor in (
        ("message", "best_message", 0.6),
        ("coverage", "best_coverage", 0.3),
        ("title", "best_title", 0.2),
    ):
        best = max((f[name] for f, _, _ in out), default=0.0)
        for features, _, _ in out:
            features[best_name] = 1.0 if best >= floor and features[name] >= best - 0.005 else 0.0
    return out


def _covered(
    weights: dict[str, float],
    query_set: set[str],
    query_prefixes: dict[str, str],
    words: frozenset[str],
    prefixes: frozenset[str],
) -> float:
    """The idf mass of the query stems a problem has, whole or by their beginning."""
    hits = query_set & words
    hits.update(s for s, p in query_prefixes.items() if p in prefixes)
    return sum(weights[s] for s in hits)


def rank_score(features: dict[str, float]) -> float:
    """The ranking score of one candidate from its evidence features."""
    return sum(WEIGHTS[name] * features[name] for name in FEATURES)


CALIBRATION_INPUTS = ("score", "lead", "unseen", "thin", "coverage", "message")


def calibration_inputs(scores: list[float], i: int, features: dict[str, float]) -> dict[str, float]:
    """What the confidence of candidate ``i`` (of candidates sorted by score) depends on.

    Besides its score: its lead over the best other candidate, and how much the
    query gives to go on at all (words the knowledge base never uses, almost no
    words) — the same for every candidate of a query, so they shape confidence,
    not ranking.
    """
    others = [s for j, s in enumerate(scores[: i + 2]) if j != i]
    lead = min(MAX_LEAD, scores[i] - max(others)) if others else MAX_LEAD
    return {
        "score": scores[i],
        "lead": lead,
        "unseen": features["unseen"],
        "thin": features["thin"],
        "coverage": features["coverage"],
        "message": features["message"],
    }


def probability(inputs: dict[str, float]) -> float:
    """The calibrated probability that a candidate is right.

    A query of one or two words with no known error code ("thanks, that worked!",
    "access denied") says too little to be answered with confidence, whatever the
    fit learned from the few such queries it saw: its probability stays below MEDIUM.
    """
    z = CALIBRATION["bias"] + sum(CALIBRATION[name] * inputs[name] for name in CALIBRATION_INPUTS)
    p = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
    return min(p, THIN_CAP) if inputs["thin"] else p


def _terms(comparable_text: str) -> list[str]:
    seen: dict[str, None] = {}
    for word in _WORD.findall(comparable_text):
        if word not in _STOPWORDS and len(word) > 1:
            seen.setdefault(word, None)
    return list(seen)


def _fts_candidates(
    kb: KnowledgeBase, snapshot: Snapshot, words: list[str], known_codes: list[str]
) -> dict[str, float]:
    # Named codes reach their problems through the code index; as search terms a wrapper's
    # generic code ("Request_BadRequest") would outweigh the message itself.
    numeric = [f'"{canonical_code(c)}"' for c in known_codes if any(ch.isdigit() for ch in c)]
    terms = list(dict.fromkeys([*numeric, *(f'"{w}"' for w in words)]))[:MAX_FTS_TERMS]
    expression = " OR ".join(terms)
    found = dict(kb.full_text(expression, CANDIDATES, FTS_WEIGHTS)) if terms else {}
    for code in known_codes:
        for pid in snapshot.code_index.get(code_key(code), []):
            found.setdefault(pid, 0.0)
    return found


def _code_features(
    query_keys: set[str], view: ProblemView, evidence: list[EvidenceTuple]
) -> dict[str, float]:
    shared = query_keys & view.code_keys
    numeric = {k for k in shared if any(ch.isdigit() for ch in k)}
    for key in sorted(shared):
        evidence.append(("error_code", key, key, 1.0))
    query_numeric = any(any(ch.isdigit() for ch in k) for k in query_keys)
    return {
        "code": 1.0 if numeric else 0.0,
        "named_code": 1.0 if shared - numeric else 0.0,
        "code_conflict": 1.0 if query_numeric and not numeric else 0.0,
    }


def _message_similarity(
    query: str, query_stems: set[str], view: ProblemView, evidence: list[EvidenceTuple]
) -> float:
    """How well the query and the problem's best error message agree (0..1); adds the evidence.

    Character alignment (rapidfuzz) survives typos and cut-off pastes; it is
    discounted by the share of the shorter text's words the longer one has, since
    a short sentence aligns loosely with almost any long message.
    """
    best, best_index, best_alignment = 0.0, -1, None
    for i, message in enumerate(view.comparable_messages):
        short, long_ = (message, query) if len(message) <= len(query) else (query, message)
        if len(short) < 8:
            continue
        message_stems = view.message_stems[i]
        short_stems = message_stems if short is message else query_stems
        long_stems = query_stems if short is message else message_stems
        overlap = len(short_stems & long_stems) / len(short_stems) if short_stems else 0.0
        # A short string matches somewhere in anything; trust agreement in proportion to its length.
        factor = (0.4 + 0.6 * min(1.0, len(short) / 60)) * overlap
        # The score is at most `factor`: skip the alignment when it cannot win.
        if factor <= max(best, MIN_MESSAGE_OVERLAP):
            continue
        alignment = fuzz.partial_ratio_alignment(short, long_, score_cutoff=best / factor * 100)
        if alignment is None:
            continue
        score = alignment.score / 100 * factor
        if score > best:
            best, best_index, best_alignment = score, i, alignment
    if best_index < 0 or best < 0.5 or best_alignment is None:
        return best
    message = view.comparable_messages[best_index]
    part = query[best_alignment.dest_start : best_alignment.dest_end] if len(message) <= len(query) else query
    field = "title" if best_index == len(view.messages) - 1 else "error_message"
    evidence.append((field, part[:300], view.messages[best_index][:500], best))
    return best


def _per_article(scored: list[tuple[float, ProblemView, list[EvidenceTuple]]], limit: int) -> list:
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


def _materialise(kb: KnowledgeBase, snapshot: Snapshot, picked: list) -> list[Match]:
    memo = snapshot.memo
    out: list[Match] = []
    for score, view, evidence in picked:
        key = ("answer", view.id)
        if key not in memo:
            try:
                article, problem = kb.problem(view.id)
            except NotFoundError:
                continue  # removed by an index swap during this query
            memo[key] = (article_ref(article), problem_out(article, problem), nest_steps(problem.steps))
        ref, problem_fields, steps = memo[key]
        out.append(
            Match(
                score=round(score, 4),
                confidence=_confidence(score),  # type: ignore[arg-type]
                article=ref,
                problem=problem_fields,
                steps=steps,
                evidence=[
                    Evidence(field=f, query_part=q, matched=m, score=round(min(1.0, x), 4))
                    for f, q, m, x in evidence
                ],
            )
        )
    return out
