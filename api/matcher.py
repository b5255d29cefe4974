"""Pasted text → ranked problems with ordered steps and a calibrated confidence.

Four stages, each generic over the knowledge base:

1. :func:`api.query.prepare` unwraps the paste (JSON bodies, log prefixes, long logs)
   and finds its error codes; :mod:`indexer.terms` turns it into search terms;
2. retrieval from the sparse indexes stored in the index file: the problems with the
   best BM25F scores, and the best problem of each of the best articles by plain BM25
   over whole articles — a lookup of the query's own terms, whatever the size of the
   knowledge base;
3. evidence for those few candidates only: error-code agreement, rapidfuzz alignment
   with their error messages (with a score cut-off), idf-weighted coverage of the query
   by their text and title, both retrieval scores relative to the best;
4. one linear ranking over that evidence, and one logistic calibration of "this answer
   is right" from the ranking score, the lead over another article's best and how much the
   query gives to go on. Both are fitted by ``scripts/fit_matcher.py`` with k-fold
   cross-validation over two knowledge bases and stored in ``api/matcher_model.json``.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, NamedTuple, TypeVar, overload

import numpy as np
from rapidfuzz import fuzz

from api.knowledge import (
    MIN_ALIGNED,
    MIN_ALIGNED_TERMS,
    CandidateRow,
    KnowledgeBase,
    Postings,
    Snapshot,
    length_weight,
)
from api.limits import DEFAULT_MATCHES
from api.models import (
    ArticleRef,
    Evidence,
    Match,
    MatchResult,
    NoteOut,
    ProblemOut,
    StepOut,
    article_ref,
    built,
    nest_steps,
    notes_out,
    problem_out,
)
from api.query import QUOTED_QUERY_CHARS, RANK_DEPTH, PreparedQuery, Scope, prepare
from indexer.errortext import (
    code_family,
    code_key,
    code_number,
    is_error_word,
    missing_commands,
    only_statuses,
    system_errors,
    value_records,
)
from indexer.retrieval import max_idf
from indexer.terms import CODE_PREFIX, compounds, words_and_terms
from indexer.word_count import word_count

# Work bounds per query, so that the cost of a match does not grow with what is pasted
# or with the size of the knowledge base. A query is searched by its first MAX_LOOKUP_TERMS
# distinct terms: all of them up to MAX_QUERY_TERMS, and past that the rarest, as long as
# their posting lists hold at most POSTINGS_BUDGET entries in all (the commonest words, which
# weigh least, are left out first). Reading and adding up a quarter of a million entries takes
# a few milliseconds; under 100,000 problems a post of real text never reaches it.
MAX_QUERY_TERMS = 64
MAX_LOOKUP_TERMS = 256
POSTINGS_BUDGET = 250_000
# The best problems by BM25F that become candidates, besides the best problem of each of the
# best articles. 10 costs 5% less than 12 with the same out-of-fold figures or better; at 8,
# more confident answers were wrong.
TOP_PROBLEMS = 10
TOP_ARTICLES = 6
MAX_PER_ARTICLE = 2
# The best k of many scores are looked for among those at least the k-th best of every
# TOP_SAMPLE_STEP-th score (see top_positive).
TOP_SAMPLE_STEP = 64
MIN_MESSAGE_OVERLAP = 0.25
# A quoted message this long at most may be a code written alone (see _names_a_code_quoted_alone): no code is
# longer, and a long message is not cut into a key for nothing.
MAX_CODE_MESSAGE = 100
# Evidence that names the problem itself: only an answer with one of these can be "high".
IDENTIFYING_EVIDENCE = ("error_message", "error_code")
# The least agreement with which an error message identifies its problem: a message of two or three
# words that many programs print ("connection refused", under 20 characters) agrees at most 0.58.
MIN_IDENTIFYING_MESSAGE = 0.6
# And the fewest words (indexer.word_count: Chinese and Japanese by their characters) it must have to
# make an answer "high": "context deadline exceeded" (25 characters, agreeing 0.65) ends the failures
# of any Go program that waits, and was the only evidence of a "high" answer from another product's
# article. (Over the dev sets and the six held-out sets of each knowledge base, no right "high"
# answer rests on a message of fewer words.) Any agreeing message still vouches for an answer whose
# query names an undocumented code (Candidate.vouched_for).
MIN_IDENTIFYING_WORDS = 4
# The shorter text is aligned in pieces of at most PIECE characters, MAX_NEEDLE in all:
# rapidfuzz aligns a needle of up to 64 characters bit-parallel, so two pieces of 64 cost a
# quarter of one needle of 128 (12 µs against 98 µs each, against a message), and its cost
# grows with the square of a longer needle (2 ms at 400).
MAX_NEEDLE = 128
PIECE = 64
MAX_LEAD = 3.0
# Below this share of a query's information (its words' idf) that the index has, no answer is
# confident. Not fitted: no labelled query comes near it (the lowest share among them is 0.18), so
# the calibration never saw one and would extrapolate there.
MIN_KNOWN = 0.1
# Saturation of a word's repeats in the query, for whole articles: Okapi's k3 at TREC (7 to 8).
# Problem scores count each word once: a problem is found by what it says, not by how often.
K3 = 8.0

FEATURES = (
    "bm25",  # the problem's BM25F score relative to the best candidate's
    "article",  # its article's BM25 score (whole articles) relative to the best article's
    "coverage",  # idf-weighted share of the query's terms found in the problem's text
    "title",  # idf-weighted share of the query's terms found in its title
    "title_recall",  # share of the terms of its own title that the query has: a long post can
    # hold all of "Saved filters are lost" while its many other words dilute "title"
    "message",  # rapidfuzz agreement between the query and its best error message, or its title
    # as "heading" weighs it
    "heading",  # the same agreement with its title alone (of three words or more), a loose one
    # weighed by its article's: a title that is the error itself, or says the symptom, is weighed
    # apart from a quoted message
    "code",  # a numeric error code of the query is one of the problem's
    "named_code",  # a named error code (AttributeValueMustBeUnique) of the query is the problem's
    "code_conflict",  # the query names numeric codes the index knows, none of them this problem's
)
# What calibration sees besides the ranking score and the lead: the same for every
# knowledge base, since each is relative to the query and the index's own statistics.
CALIBRATION_INPUTS = ("score", "lead", "message", "unquoted", "code", "thin")


@dataclass
class Model:
    """Ranking weights, calibration and confidence thresholds (``api/matcher_model.json``)."""

    weights: dict[str, float]
    calibration: dict[str, float]
    high: float
    medium: float
    thin_cap: float
    meta: dict[str, Any] = field(default_factory=dict)


@lru_cache(maxsize=1)
def load_model() -> Model:
    """The fitted model shipped with the package."""
    # Read beside this module: importing importlib.resources would cost a one-shot `kb match` ~2%.
    data = json.loads(Path(__file__).with_name("matcher_model.json").read_text(encoding="utf-8"))
    return Model(
        weights=data["weights"],
        calibration=data["calibration"],
        high=data["thresholds"]["high"],
        medium=data["thresholds"]["medium"],
        thin_cap=data["thresholds"]["thin_cap"],
        meta=data.get("meta", {}),
    )


T = TypeVar("T")


class OnDemand(Sequence[T]):
    """``size`` values, each ``value(i)`` worked out when it is first read.

    Of the ten or so candidates a query ranks, only the answers given and the rivals of the
    first are read (what each is worth, whether its evidence identifies it): the others' are not
    worked out at all."""

    def __init__(self, value: Callable[[int], T], size: int) -> None:
        self._value = value
        self._size = size
        self._known: dict[int, T] = {}

    def __len__(self) -> int:
        return self._size

    @overload
    def __getitem__(self, i: int) -> T: ...

    @overload
    def __getitem__(self, i: slice) -> list[T]: ...

    def __getitem__(self, i: int | slice) -> T | list[T]:
        if isinstance(i, slice):
            return [self[n] for n in range(*i.indices(self._size))]
        known = self._known
        if i not in known:
            if not -self._size <= i < self._size:
                raise IndexError(i)
            known[i] = self._value(i % self._size)
        return known[i]


# (field, query part, matched text, score): turned into Evidence models only for the
# few candidates that are returned.
EvidenceTuple = tuple[str, str, str, float]


@dataclass(slots=True)
class Candidate:
    """One problem that may answer the query, with its evidence."""

    problem_id: str
    article_id: str
    title: str
    features: dict[str, float]
    # Query-level facts, the same for every candidate of a query (calibration inputs).
    known: float = 0.0
    thin: float = 0.0
    # True when the query's first numbered code is of a family the index knows, and no problem has
    # it ("PS-1103" where the articles document PS-1101 and PS-1102): the knowledge base may not
    # document that error, whatever else an answer shares with the paste.
    foreign: bool = False
    # True when the query's foreign code is a name, not a number, and the problem has another name of
    # its family ("…:acme:error:invalidEmail" for a query's "…:acme:error:rejectedIdentifier"): the
    # messages it quotes are about that other error, so however well the words around the name
    # agree with the query's, they do not vouch for it. A number does not say so: people mistype
    # it, and a product prints several for one message (AADSTS90072 and AADSTS50020 for an account
    # missing from the tenant), so that an agreeing message is the better witness.
    rival_code: bool = False
    # 1 when the problem quotes an error message (besides its title): only then does a poor
    # message agreement count against it.
    quoted: float = 0.0
    # 1 when the query has a named error code of the problem's ("InvalidSoftMatch") that identifies
    # it: one no other problem has, or any, when the problem has no number that the query lacks. A
    # problem whose error is numbered (0x800488EE) is that number, and a name other problems have
    # too, of the exception it is thrown with ("MicrosoftOnlineException", which every MSOnline
    # cmdlet's failure names), says only that the query's failure is of its kind.
    identifying_name: float = 0.0
    # True when the error message that agrees best with the query names an errno description and the
    # query names another, not that one ("…: No such file or directory" for a paste of "…: Permission
    # denied"): the same call failed another way, so however well the rest agrees, the message does
    # not identify the query's failure (see indexer.errortext.system_errors). So too when it names a
    # command a shell did not find and the query another (indexer.errortext.missing_commands).
    contradicted: bool = False
    # The codes it shares with the query that are only an HTTP status the query names ("413" of a
    # problem titled "Upload fails with HTTP 413"): any web server prints "413 Request Entity Too
    # Large", so they agree with the query without saying that its failure is this problem's.
    statuses: frozenset[str] = frozenset()
    evidence: list[EvidenceTuple] = field(default_factory=list)

    def add_evidence(self, entry: EvidenceTuple) -> None:
        """Add ``entry``; of two for the same title or message field, only the stronger stays (its
        words and its alignment both say that the title agrees). Each shared code is its own."""
        field_name = entry[0]
        if field_name != "error_code":
            for i, (kept, *_rest, score) in enumerate(self.evidence):
                if kept == field_name:
                    if entry[3] > score:
                        self.evidence[i] = entry
                    return
        self.evidence.append(entry)

    @property
    def identified(self) -> bool:
        """Whether an error message the problem quotes, of MIN_IDENTIFYING_WORDS words at least, or an
        error code it has, agrees with the query (as its evidence shows), rather than only its title
        and text: what a "high" answer needs (see :func:`confidences`)."""
        return self._agrees(MIN_IDENTIFYING_WORDS)

    @property
    def vouched_for(self) -> bool:
        """Whether an error message the problem quotes, however short, or an error code it has,
        agrees with the query: what keeps a query's ``foreign`` code from holding its answer below
        medium (see :func:`probability`)."""
        return self._agrees(0)

    def _agrees(self, min_words: float) -> bool:
        """Whether the evidence has an error code, or an error message of ``min_words`` words or more
        (:func:`indexer.word_count.word_count`) that agrees with the query well enough.

        When the query's code is one the knowledge base does not document (``foreign``), another
        code both have (a model number in the message, an exception's class name) does not say
        that this problem is the query's error: only its message can, unless the problem has another
        code of the foreign one's family (``rival_code``)."""
        if self.rival_code:
            return False
        kinds = ("error_message",) if self.foreign else IDENTIFYING_EVIDENCE
        return any(
            kind in kinds
            and (
                # Where the message says the failure was another (``contradicted``), a name both have
                # is the kind of exception such failures are thrown with (CommandNotFoundException for
                # every command missing), not this one; a number still is.
                (
                    kind == "error_code"
                    and matched not in self.statuses
                    and (_numbered(matched) or not self.contradicted)
                )
                or (
                    kind == "error_message"
                    and not self.contradicted
                    and score >= MIN_IDENTIFYING_MESSAGE
                    and word_count(matched) >= min_words
                    # A quoted status line ("413 Request Entity Too Large") is any web server's.
                    and not only_statuses(matched)
                )
            )
            for kind, _, matched, score in self.evidence
        )


def match(
    kb: KnowledgeBase, text: str, *, limit: int = DEFAULT_MATCHES, scope: Scope | None = None
) -> MatchResult:
    """Answer ``text`` from ``kb`` (only from the articles in ``scope``): matches best first, and whether any is confident."""
    query = prepare(text)
    snapshot = kb.snapshot()
    model = load_model()
    in_scope = kb.scope_ranges(scope, snapshot) if scope else None
    found = candidates(kb, query, snapshot, scope_ranges=in_scope)
    matches = _materialise(kb, snapshot, score_candidates(found, model, limit=limit), model, limit=limit)
    confident = bool(matches) and matches[0].confidence != "low"
    return built(
        MatchResult,
        {
            "query": text[:QUOTED_QUERY_CHARS],
            "error_codes": query.codes,
            "matches": matches,
            "no_confident_match": not confident,
            "truncated": query.truncated,
            "scope_articles": None if in_scope is None else len(in_scope),
        },
    )


def score_candidates(found: list[Candidate], model: Model, *, limit: int) -> list[tuple[float, Candidate]]:
    """The best ``limit`` candidates (at most MAX_PER_ARTICLE of one article), with calibrated
    probabilities; then, up to RANK_DEPTH, those that would be "high" too.

    Those are the rivals a first answer must stand out from to be "high" (:func:`confidences`),
    whatever the limit: asked for one answer, a caller would otherwise be told "high" of a
    problem that another answer rivals.

    The ranking and the calibration are two fits, and they can disagree on which of two
    candidates is likelier; where the calibration knows what the ranking does not, its pick is
    answered first (:func:`likeliest_first`). Every other answer's probability is at most that
    of the one above it, so that the answers still read best first ("no confident match" above
    a "medium" answer would contradict itself).
    """
    ranked = sorted(((rank_score(c.features, model.weights), c) for c in found), key=lambda x: -x[0])
    scores = [s for s, _ in ranked]
    rival = best_of_another_article(scores, [c.article_id for _, c in ranked])
    picked = per_article(range(len(ranked)), lambda i: ranked[i][1].article_id, max(limit, RANK_DEPTH))
    likely = OnDemand(
        lambda n: probability(calibration_inputs(scores, picked[n], ranked[picked[n]][1], rival), model),
        len(picked),
    )
    order = likeliest_first(likely, [ranked[i][1].quoted > 0 for i in picked])
    probabilities = best_first(likely[n] for n in order)
    scored: list[tuple[float, Candidate]] = []
    for p, n in zip(probabilities, order, strict=True):
        if len(scored) >= limit and p < model.high:
            # Past the answers asked for only rivals count, and none follows one that is not.
            break
        scored.append((p, ranked[picked[n]][1]))
    return scored


def likeliest_first(probabilities: Sequence[float], quoted: list[bool]) -> list[int]:
    """The order in which answers read, as positions in ``probabilities`` (those of the ranked
    candidates, best ranked first; ``quoted``: whether each quotes an error message): the
    ranking's, but when the first quotes an error message, the likeliest by calibration of it
    and of the candidates that quote none comes first, and the rest follow as ranked.

    The calibration weighs what the ranking does not: a problem that quotes an error message
    the query does not agree with is unlikely to be its answer, and one that quotes none is not
    made unlikely by a poor agreement. So where the first by rank quotes a message and one
    below it quotes none, the calibration is the better judge of which comes first: of 1,200
    held-out queries of three knowledge bases, its pick was right where the ranking's was wrong
    38 times, and wrong where the ranking's was right 14 times. Between two candidates that both
    quote a message, or both quote none, its inputs are the ranking's own scores seen from
    another position, and its preference was no better: it was right instead 2 times and wrong
    instead 4 (2 of them on the knowledge base the fit never saw, where it won none). Of equally
    likely candidates the better ranked comes first.
    """
    if not probabilities:
        return []
    if not quoted[0]:
        return list(range(len(probabilities)))
    prose = [n for n in range(1, len(probabilities)) if not quoted[n]]
    first = max([0, *prose], key=probabilities.__getitem__)
    return [first, *(n for n in range(len(probabilities)) if n != first)]


def best_first(probabilities: Iterable[float]) -> Iterator[float]:
    """``probabilities`` of answers in the order they are given, each at most the one before it
    (one at a time: a caller that has what it needs stops reading the rest)."""
    last = math.inf
    for p in probabilities:
        last = min(p, last)
        yield last


def per_article(ordered: Iterable[T], article_of: Callable[[T], str], limit: int) -> list[T]:
    """The first ``limit`` of ``ordered`` (best first), at most MAX_PER_ARTICLE from one article."""
    counts: dict[str, int] = {}
    picked: list[T] = []
    for item in ordered:
        article = article_of(item)
        if counts.get(article, 0) >= MAX_PER_ARTICLE:
            continue
        counts[article] = counts.get(article, 0) + 1
        picked.append(item)
        if len(picked) >= limit:
            break
    return picked


def rank_score(features: dict[str, float], weights: dict[str, float]) -> float:
    """The ranking score of one candidate from its evidence features."""
    # A list, not a generator: the same sum in the same order, without a generator's frame switches.
    return sum([weights[name] * features[name] for name in FEATURES])


def best_of_another_article(scores: list[float], articles: list[str]) -> float | None:
    """The best of ``scores`` (sorted, best first) of a candidate of another article than the
    first's (``articles``: each candidate's), or None when all are of that one."""
    return next((s for s, article in zip(scores, articles, strict=True) if article != articles[0]), None)


def calibration_inputs(
    scores: list[float], i: int, candidate: Candidate, rival: float | None
) -> dict[str, float]:
    """What the confidence of candidate ``i`` (of candidates sorted by score) depends on.

    Its score and its lead: the first answer's over the best candidate of another article
    (``rival``, from :func:`best_of_another_article`), any other's below the first (negative,
    so a runner-up that differs from the winner in one word is never as sure). The first
    answer's own article's other problems are no rivals of it: what the calibration learns is
    whether an answer's article is right, and a knowledge base of reference pages ranks a page's
    sections side by side, so beside them the right page looked unsure (on Homebrew's and pip's
    docs, which nothing is fitted on); two of its problems that both reach "high" are still
    told apart by :func:`confidences`. Then its own message and code evidence, whether it
    quotes any error message at all (in a knowledge base whose articles describe symptoms in
    prose, such as product docs, a poor message agreement is no evidence against an answer),
    and whether the query is a word or two.

    How much of the query the knowledge base knows, and how much of it the candidate
    covers, are no inputs: fitted, they learned that the less a knowledge base knew of a
    query, the surer an answer was (pastes full of names and hosts no index has are
    easy), which is the wrong way round for a question the knowledge base does not cover.
    Without them, out of fold, a few fewer queries are answered right with confidence
    and as few wrong; on unseen queries of three knowledge bases, fewer are answered
    wrong with confidence. ``known`` is kept for the MIN_KNOWN guard.
    """
    against = scores[0] if i else rival
    lead = MAX_LEAD if against is None else max(-MAX_LEAD, min(MAX_LEAD, scores[i] - against))
    return {
        "score": scores[i],
        "lead": lead,
        "message": candidate.features["message"],
        "unquoted": 1.0 - candidate.quoted,
        "code": max(candidate.features["code"], candidate.identifying_name),
        "known": candidate.known,
        "thin": candidate.thin,
        "foreign": 1.0 if candidate.foreign and not candidate.vouched_for else 0.0,
    }


def probability(inputs: dict[str, float], model: Model) -> float:
    """The calibrated probability that a candidate is right.

    A query of one or two words with no known error code ("thanks, that worked!",
    "access denied") says too little to be answered with confidence, whatever the
    fit learned from the few such queries it saw: its probability stays below medium.
    So does a query whose words the knowledge base hardly knows (see MIN_KNOWN), unless
    the candidate shares an error code with it; and one that names a code of a family the
    knowledge base documents, but not that code ("PAY-3302" where it has PAY-3301), unless the
    candidate's error message agrees with it (``foreign``): the error the query is about may
    well be one the knowledge base does not cover, and words alone do not say it does.
    """
    c = model.calibration
    z = c["bias"] + sum([c[name] * inputs[name] for name in CALIBRATION_INPUTS])
    p = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
    unknown = inputs["known"] < MIN_KNOWN and not inputs["code"]
    return min(p, model.thin_cap) if inputs["thin"] or unknown or inputs["foreign"] else p


@dataclass(slots=True)
class _Asked:
    """A query in the index's terms: its words and error codes, and what is the same for each of
    its candidates (the calibration's query-level inputs)."""

    spoken: list[str]  # its words, as written
    said: list[str]  # the same words stemmed, as the index has them
    words: list[str]  # the distinct terms of its words it is searched by
    # The distinct compound terms it is searched by (indexer.terms.compounds): more score for the
    # problems that have them, but no share of the query's idf, as their words have it already.
    joined: list[str]
    keys: list[str]  # the error codes it names, canonical
    by_number: dict[str, str]  # codes the index knows by a number the query gives, and that number
    # Every term the query has, past the MAX_LOOKUP_TERMS that retrieval looks up: whether the
    # query has a message's words, or a title's, is a set lookup, whatever its length.
    all_terms: set[str] = field(default_factory=set)
    searched: set[str] = field(default_factory=set)  # its words, as a set
    codes: set[str] = field(default_factory=set)  # its keys, as a set
    # The codes it names that the index knows, each with how many problems have it.
    code_problems: dict[str, int] = field(default_factory=dict)
    # Whether a code it names that the index knows has a number in it (AADSTS50105).
    numeric_known: bool = False
    idf: dict[str, float] = field(default_factory=dict)
    total_idf: float = 1.0
    known: float = 0.0
    thin: float = 0.0
    # The HTTP error statuses it names as such (PreparedQuery.statuses).
    statuses: frozenset[str] = frozenset()
    # Whether the query is its error codes, the word for an error beside them at most ("FI-0457", "AADSTS50105
    # AADSTS50058", "error FI-0457"; see _words_beside_codes).
    only_codes: bool = False
    foreign: bool = False
    # The family of the foreign code when that code is a name, not a number (Candidate.rival_code).
    named_foreign_family: str | None = None


def candidates(
    kb: KnowledgeBase,
    query: PreparedQuery,
    snapshot: Snapshot | None = None,
    *,
    scope_ranges: list[tuple[int, int, int]] | None = None,
) -> list[Candidate]:
    """The few problems that can answer ``query``, each with its evidence features (unordered).

    With ``scope_ranges`` (:meth:`KnowledgeBase.scope_ranges` of a scope), only problems of the
    articles in them are candidates; scores stay relative to the best of the whole knowledge base.
    """
    snapshot = snapshot or kb.snapshot()
    asked = _asked(kb, query, snapshot)
    if (not asked.words and not asked.keys) or snapshot.problems == 0:
        return []
    # A code is known when some problem has it, that is when its term has a posting list.
    problem_postings, article_postings = kb.postings(
        asked.words + asked.joined + [CODE_PREFIX + k for k in asked.keys], snapshot=snapshot
    )
    asked.code_problems = {
        k: len(problem_postings[CODE_PREFIX + k].docs)
        for k in asked.keys
        if CODE_PREFIX + k in problem_postings
    }
    asked.numeric_known = any(map(_numbered, asked.code_problems))
    if not asked.words and not asked.code_problems:
        return []
    _weigh(kb, query, asked, problem_postings, snapshot)

    scores, cover = _scores_and_coverage(snapshot.problems, problem_postings, asked.idf)
    article_scores, _ = _scores_and_coverage(
        snapshot.articles, article_postings, {}, repeats=_repeats(asked.said, article_postings)
    )
    # Relative to the best of the whole knowledge base, scoped or not: relative to the best in scope,
    # a scope with nothing near the question (a ticket filed under the wrong product) made its
    # closest problem look as sure as a question's own answer, "medium" with no evidence at all.
    best_problem = float(scores.max()) or 1.0
    best_article = float(article_scores.max()) or 1.0
    if scope_ranges is not None:
        _keep_only(scope_ranges, scores, cover, article_scores)

    docs = set(top_positive(scores, TOP_PROBLEMS))
    top_articles = top_positive(article_scores, TOP_ARTICLES)
    for first, end in kb.article_ranges(top_articles, snapshot=snapshot).values():
        if end > first:
            docs.add(first + int(scores[first:end].argmax()))
    if not docs:
        return []
    rows = kb.candidate_rows(sorted(docs), snapshot=snapshot)
    # Each candidate's scores, read out of the arrays together: one numpy call each, not one per candidate.
    picked = [row.doc for row in rows]
    problem_scores = (scores[picked] / best_problem).tolist()
    article_of = (article_scores[[row.article_doc for row in rows]] / best_article).tolist()
    covered = (cover[picked] / asked.total_idf).tolist()
    found = [
        _candidate(row, asked, bm25=problem_scores[n], article=article_of[n], coverage=covered[n])
        for n, row in enumerate(rows)
    ]
    _align_messages(query, asked, rows, found)
    return found


def _asked(kb: KnowledgeBase, query: PreparedQuery, snapshot: Snapshot) -> _Asked:
    """The terms and error codes ``query`` is searched by."""
    # A number given as an error code ("errorCode": 50105) names each code the index knows by
    # that number, as if the query had written it (AADSTS50105). Not an HTTP status ("502 Bad Gateway"),
    # which every web server prints: it names no product's own code of its digits (MX-E-502), only
    # the status itself, where a problem has it as its code; unless the query labels it as its error's
    # code too ("HTTP/1.1 502 Bad Gateway" over "errorCode": 502).
    by_number = {
        key: number
        for key, number in kb.numbered_codes(query.code_numbers, snapshot).items()
        if key == number or number not in query.statuses or number in query.labelled_statuses
    }
    # A numeric code's canonical spelling is a word too: "AADSTS 50105" pasted finds the
    # "AADSTS50105" an author wrote in the problem's text, not only its code.
    numbered = [c for c in [*query.codes, *by_number] if _numbered(c)]
    spoken, said = words_and_terms(" ".join([*query.parts, *numbered]))
    words = list(dict.fromkeys(said))[:MAX_LOOKUP_TERMS]
    joined = list(dict.fromkeys(compounds(" ".join(query.parts))))[: max(0, MAX_LOOKUP_TERMS - len(words))]
    if len(words) + len(joined) > MAX_QUERY_TERMS:
        # Compounds share the words' budget: a rare one is read before a common word.
        kept = set(
            searched_terms(words + joined, kb.term_sizes(words + joined, snapshot=snapshot), POSTINGS_BUDGET)
        )
        words = [w for w in words if w in kept]
        joined = [c for c in joined if c in kept]
    keys = list(dict.fromkeys(code_key(c) for c in query.codes))[:16]
    # A code the query only writes (E-330) counts where the index has it, as a code it recognised.
    keys += [k for k in dict.fromkeys(map(code_key, query.codes_if_known)) if k not in keys][:16]
    # Words beside codes only beside codes of a code's shape, letters in them, that the query writes: a
    # number is a code only where a word labels it ("error 554", by_number), and typed alone it is none,
    # so "error 554" was answered "high" (an Exchange hop-count NDR) where "554" was "low".
    shaped = {k for k in keys if not k.isdigit()}
    keys += [k for k in by_number if k not in keys]
    beside = _words_beside_codes(query.text, keys)
    alone = beside == [] or (beside is not None and set(keys) <= shaped and all(map(is_error_word, beside)))
    return _Asked(
        spoken=spoken,
        said=said,
        words=words,
        joined=joined,
        keys=keys,
        by_number=by_number,
        all_terms=set(said),
        searched=set(words),
        codes=set(keys),
        statuses=frozenset(query.statuses),
        only_codes=alone,
    )


# A whitespace-separated part of a query, with where it stands.
_PART = re.compile(r"\S+")


# The words besides its codes that a query of a code typed alone may have: a reader types the code with the
# word for an error, in their screen's language ("error LL-2107", "Fehler LL-2107"; is_error_word). Aligned as
# text, those words agree with no message, and such a query was answered "low" where the code alone was "high".
# Not other words ("BIL-4410 firing"): they say more than which error it is, and the problem may not say it.
# Nor a word of the problem's title: a word most titles of a knowledge base share ("volume InvalidArgument")
# made a generic code's one problem "high"; nor words that give no term ("not 0x80070005").
MAX_WORDS_BESIDE_CODES = 2


def _words_beside_codes(text: str, keys: list[str]) -> list[str] | None:
    """The whitespace-separated parts of ``text`` besides its error codes ``keys`` (in any spelling that
    differs from its key only in separators and case: "fi-0457" for FI0457), where it names one at least
    and has MAX_WORDS_BESIDE_CODES other parts at most; None for any other text."""
    if not keys or len(text) > 200:
        return None
    spelled = {_letters_and_digits(k) for k in keys}
    # After a code, the values its message prints joined by commas are no words of the query's:
    # "IEC141I 013-18,IGG0191B,…" is the message the code names, its values this occurrence's (read in
    # the whole text: the code before them says they are).
    records = set(value_records(text))
    parts = [m.group() for m in _PART.finditer(text) if m.span() not in records]
    written = [part for part in parts if _letters_and_digits(part)]
    beside = [part for part in written if _letters_and_digits(part) not in spelled]
    return beside if len(beside) < len(written) and len(beside) <= MAX_WORDS_BESIDE_CODES else None


def _letters_and_digits(text: str) -> str:
    # filter() runs the test in C: a generator's frame per character cost more than the test.
    return "".join(filter(str.isalnum, text)).upper()


def _weigh(
    kb: KnowledgeBase,
    query: PreparedQuery,
    asked: _Asked,
    problem_postings: dict[str, Postings],
    snapshot: Snapshot,
) -> None:
    """Set what ``asked``'s terms weigh (idf), how much of it the index knows, whether it is a word
    or two, and whether the error code it names is one of a family the index knows but not its own
    (``foreign``; and when that code is a name, its family)."""
    unseen = max_idf(snapshot.problems)
    asked.idf = {w: problem_postings[w].idf if w in problem_postings else unseen for w in asked.words}
    asked.total_idf = sum(asked.idf.values()) or 1.0
    asked.known = sum(v for w, v in asked.idf.items() if w in problem_postings) / asked.total_idf
    asked.thin = 1.0 if len(asked.words) <= 2 and not asked.code_problems else 0.0
    # Not when the query wrote a code of the same family that the index knows: a paste of
    # AADSTS50058 then AADSTS50105 is about the one the knowledge base documents, in either order.
    written = next((k for k in map(code_key, query.codes) if code_family(k)), None)
    if written is None:
        return
    asked.foreign = (
        written not in asked.code_problems
        and code_family(written) not in {code_family(k) for k in asked.code_problems}
        and kb.knows_family_of(written, snapshot)
    )
    if asked.foreign and code_number(written) is None:
        asked.named_foreign_family = code_family(written)


def _candidate(
    row: CandidateRow, asked: _Asked, *, bm25: float, article: float, coverage: float
) -> Candidate:
    """One problem as a candidate: its features but for its messages' agreement (see
    :func:`_align_messages`), the evidence of its title and of its codes."""
    shared = asked.codes & row.code_keys
    # Most candidates share no code with the query: they skip what is worked out of the shared ones.
    numeric = {k for k in shared if _numbered(k)} if shared else shared
    named = shared - numeric if shared else shared
    # fsum: exact whatever the order, and a set's order changes from one process to the next
    # (a worker that summed in another order could break a tie the other way).
    title = math.fsum(map(asked.idf.__getitem__, asked.searched & row.title_terms)) / asked.total_idf
    own = row.own_title_terms
    title_recall = len(own & asked.all_terms) / len(own) if own else 0.0
    candidate = Candidate(
        problem_id=row.problem_id,
        article_id=row.article_id,
        title=row.title,
        features={
            "bm25": bm25,
            "article": article,
            "coverage": coverage,
            "title": title,
            "title_recall": title_recall,
            "message": 0.0,
            "heading": 0.0,
            "code": 1.0 if numeric else 0.0,
            "named_code": 1.0 if named else 0.0,
            "code_conflict": 1.0 if asked.numeric_known and not numeric else 0.0,
        },
        known=asked.known,
        thin=asked.thin,
        foreign=asked.foreign,
        rival_code=asked.named_foreign_family is not None
        and any(code_family(k) == asked.named_foreign_family for k in row.code_keys),
        quoted=1.0 if len(row.messages) > 1 else 0.0,
        identifying_name=1.0 if named and _names_the_problem(named, numeric, row.code_keys, asked) else 0.0,
        statuses=frozenset(shared & asked.statuses) if shared else frozenset(),
    )
    if title >= 0.3:
        # The words of the query (unstemmed) that the title has.
        shared_words = dict.fromkeys(
            w for w, t in zip(asked.spoken, asked.said, strict=True) if t in row.title_terms
        )
        candidate.add_evidence(("title", " ".join(list(shared_words)[:12]), row.title, title))
    for key in sorted(shared):
        candidate.evidence.append(("error_code", asked.by_number.get(key, key), key, 1.0))
    return candidate


def _names_the_problem(named: set[str], numeric: set[str], own: frozenset[str], asked: _Asked) -> bool:
    """Whether the ``named`` codes a query shares with a problem (one at least; beside the ``numeric``
    ones; ``own``: all the problem's codes) identify it (see :attr:`Candidate.identifying_name`)."""
    if numeric or not any(map(_numbered, own)):
        return True
    return any(asked.code_problems.get(k) == 1 for k in named)


def _align_messages(
    query: PreparedQuery, asked: _Asked, rows: list[CandidateRow], found: list[Candidate]
) -> None:
    """Set each candidate's agreement with the query of its quoted messages and its title (``rows``:
    theirs, in the same order).

    Every candidate's messages are aligned: choosing which to align by the other features
    left a problem whose title is the question unaligned behind the many sections of one
    long reference article that share the question's words. The alignment's score cutoffs
    keep the cost near that of aligning a few.
    """
    # What the query names of each kind, found once it is asked: its errno descriptions, its missing commands.
    said: dict[Callable[[str], set[str]], set[str]] = {}
    weight = _query_weight(query.comparable_text, asked.all_terms)
    for candidate, row in zip(found, rows, strict=True):
        quoted, heading = _message_similarity(query.comparable_text, asked.all_terms, weight, row, candidate)
        # The message that agrees best, when one agrees enough to be evidence (which none does when
        # none agrees at all: two candidates in three, spared the look through their evidence).
        matched = (
            next((entry[2] for entry in candidate.evidence if entry[0] == "error_message"), "")
            if quoted
            else ""
        )
        for named in (system_errors, missing_commands) if matched else ():
            if errors := named(matched):
                if named not in said:
                    said[named] = named(query.comparable_text)
                candidate.contradicted = candidate.contradicted or bool(
                    said[named] and not errors & said[named]
                )
        # A title's loose agreement counts as far as its article agrees with the query as a whole:
        # a short heading aligns loosely with some stretch of any long post, and on documentation
        # of many sections per article that chance agreement outranked the section of the article
        # the question is about (out of fold: top-1 and confident answers the same or better on both
        # dev sets; on unseen Homebrew/pip questions, fewer answers wrong, and fewer of them
        # confident). A title the query says word for word keeps its agreement, whatever the rest
        # of a long article says.
        article = candidate.features["article"]
        heading *= article + (1.0 - article) * heading**2
        # A code typed alone is the shortest paste of its error: it agrees with the problem that
        # documents that code as fully as a paste of the message would. Aligned as text, a word
        # or two agree with nothing (see _message_similarity), and a bare "FI-0457" was answered
        # "low" where "Error FI-0457" was "high"; no dev query is a code alone, so the fit could
        # not learn it.
        # So does a code typed with the word for an error (see _words_beside_codes), and one that names,
        # among other words, a code the problem quotes alone as its message.
        if (
            asked.only_codes and asked.code_problems and asked.code_problems.keys() <= row.code_keys
        ) or _names_a_code_quoted_alone(asked, row):
            quoted = 1.0
        candidate.features["message"] = max(quoted, heading)
        candidate.features["heading"] = heading
        if candidate.thin and _pastes_a_message_whole(query.comparable_text, row.messages[:-1]):
            candidate.thin = 0.0


def _names_a_code_quoted_alone(asked: _Asked, row: CandidateRow) -> bool:
    """Whether the query names a code that the problem (``row``) quotes alone as an error message, as a
    runbook's table of alerts gives the alert's name as its row's error: "OrdersApiQueueLag firing" pastes
    that message whole, where, aligned as text, a message of one word agrees with nothing (see
    :func:`_message_similarity`), and the problem was held "low" for quoting a message the query did not match."""
    shared = asked.codes & row.code_keys
    return bool(shared) and any(
        len(m) <= MAX_CODE_MESSAGE and code_key(m) in shared for m in row.messages[:-1]
    )


def _pastes_a_message_whole(query: str, messages: tuple[str, ...]) -> bool:
    """Whether ``query`` (comparable text) is, word for word, one of a problem's quoted ``messages``
    of MIN_IDENTIFYING_WORDS words or more.

    Such a query counts two words or fewer once its common words are left out ("Can't connect to
    this network"), yet it is no word or two typed as a question: it is the whole sentence a program
    printed, and the problem quotes that sentence. Shorter messages stay thin ("access denied" is
    printed by too many programs to say which problem it is)."""
    return query in messages and word_count(query) >= MIN_IDENTIFYING_WORDS


def searched_terms(distinct: list[str], sizes: dict[str, int], budget: int) -> list[str]:
    """Of a query's ``distinct`` terms, those it is searched by, in their order: the rarest, as long
    as their posting lists (``sizes``: entries per term the index knows) hold at most ``budget``
    entries in all, and every term the index does not know (it costs nothing, and counts in how
    much of the query the index knows).

    Taking a long post's first terms left the error after its script or log unsearched, and
    taking a fixed number of its rarest left an error before a list of rare names unsearched;
    what bounds the work is how many entries are read, and the commonest words weigh least.
    """
    kept: set[str] = set()
    total = 0
    for term in sorted(sizes, key=sizes.__getitem__):
        total += sizes[term]
        if total > budget:
            break
        kept.add(term)
    return [term for term in distinct if term in kept or term not in sizes]


def _numbered(code: str) -> bool:
    """A code with a number in it (AADSTS50105, 0x80070005), not a named one (InvalidSoftMatch)."""
    # Mapped in C: a generator's frame per character cost more than the test itself.
    return any(map(str.isdigit, code))


def _repeats(said: list[str], postings: dict[str, Postings]) -> list[float]:
    """Per posting list, how much its term weighs for being said more than once: BM25's query
    term frequency, saturated by K3. A question that keeps coming back to a word ("pip … pip")
    is about it; a paste that repeats one word a thousand times weighs it at most K3 + 1 times."""
    counts = Counter(said)
    return [(K3 + 1) * counts[term] / (K3 + counts[term]) if counts[term] else 1.0 for term in postings]


def _scores_and_coverage(
    size: int,
    postings: dict[str, Postings],
    coverage_idf: dict[str, float],
    *,
    repeats: list[float] | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """Per document: the sum of its impacts over every posting list (one bincount, not one pass
    per term), each list's weighed by its ``repeats``; and the idf of the ``coverage_idf`` terms
    it contains (zeros when there are none)."""
    if not postings:
        return np.zeros(size), np.zeros(size)
    lists = list(postings.values())
    docs = np.concatenate([p.docs for p in lists])
    # Most words are said once: only a repeated word's list is multiplied (a copy, in float64).
    # bincount adds the stored float16 impacts in float64 itself: converting them first cost a
    # pass more over every entry.
    if repeats and any(w != 1.0 for w in repeats):
        impacts = np.concatenate(
            [
                p.impacts if w == 1.0 else p.impacts.astype(np.float64) * w
                for p, w in zip(lists, repeats, strict=True)
            ]
        )
    else:
        impacts = np.concatenate([p.impacts for p in lists])
    scores = np.bincount(docs, weights=impacts, minlength=size)
    if not coverage_idf:
        return scores, np.zeros(size)
    idf = np.repeat([coverage_idf.get(term, 0.0) for term in postings], [len(p.docs) for p in lists])
    return scores, np.bincount(docs, weights=idf, minlength=size)


def _keep_only(
    ranges: list[tuple[int, int, int]], scores: np.ndarray, cover: np.ndarray, article_scores: np.ndarray
) -> None:
    """Zero every score outside the articles (and their problems) in ``ranges``."""
    problems = np.zeros(scores.size, dtype=bool)
    articles = np.zeros(article_scores.size, dtype=bool)
    for article, first, count in ranges:
        articles[article] = True
        problems[first : first + count] = True
    scores[~problems] = 0.0
    cover[~problems] = 0.0
    article_scores[~articles] = 0.0


def top_positive(scores: np.ndarray, k: int) -> list[int]:
    """Indexes of the ``k`` highest positive scores."""
    if scores.size == 0:
        return []
    k = min(k, scores.size)
    # The k-th best of a sample is a lower bound on the k-th best of all (the sample's best k are
    # at least that), so the best k are among the scores at or above it: at 100,000 problems a few
    # hundred, partitioned in a tenth of the time that partitioning every score took (~1 ms a query).
    sample = scores[::TOP_SAMPLE_STEP]
    if sample.size >= k and (bound := np.partition(sample, sample.size - k)[sample.size - k]) > 0:
        among = np.flatnonzero(scores >= bound)
        top = among[np.argpartition(-scores[among], k - 1)[:k]]
    else:
        top = np.argpartition(-scores, k - 1)[:k]
    return top[scores[top] > 0].tolist()  # type: ignore[no-any-return]


def _query_weight(query: str, query_terms: set[str]) -> float:
    """What bounds the agreement of ``query`` (comparable text, with its ``query_terms``) with a longer
    message, besides the share of its terms the message has (see :func:`_message_similarity`): its
    length_weight, or 0 when it is too short to agree with anything."""
    return (
        length_weight(len(query))
        if len(query) >= MIN_ALIGNED and len(query_terms) >= MIN_ALIGNED_TERMS
        else 0.0
    )


def _message_similarity(
    query: str, query_terms: set[str], weight_as_shorter: float, row: CandidateRow, candidate: Candidate
) -> tuple[float, float]:
    """How well the query agrees with the problem's best quoted error message, and with its
    title (each 0..1); adds the evidence of each that agrees. ``weight_as_shorter``: the query's
    :func:`_query_weight`, the same for each of its candidates.

    The title is the last of ``row.messages``. The two are returned apart so that the ranking can
    weigh them apart: out of fold it weighs a title's agreement more than a message's, on both
    dev sets, where a title often is the error or says the symptom; and a problem whose quoted
    message agrees is identified by it even when its title agrees better.

    Character alignment (rapidfuzz) survives typos and cut-off pastes; it is
    discounted by the share of the shorter text's words the longer one has, since
    a short sentence aligns loosely with almost any long message. The shorter text is
    aligned by its beginning, where an error message says what it is (:func:`_align`).
    """
    # (upper bound, index) of the quoted messages worth aligning, and of the title (the last).
    quoted_bounds: list[tuple[float, int]] = []
    heading_bounds: list[tuple[float, int]] = []
    messages = row.messages
    query_length = len(query)
    last = len(messages) - 1
    # Of the messages that can agree with some query (CandidateRow.alignable), those that can agree
    # with this one: the shorter text's (the message's, or the query's) share of terms the other has,
    # weighed by its length.
    for i, stems, length, count, weight in row.alignable:
        if length <= query_length:
            # A text of one word (a heading such as "Installation", the only "message" of a problem
            # that quotes none) is a word of the query, not an error it printed: the title features
            # weigh it. (A title of two, "Installation fails", never gets here: a question that has both
            # words would align with it as well as a paste of the error, so CandidateRow.alignable leaves
            # titles of fewer than MIN_TITLE_TERMS terms out.)
            if count < MIN_ALIGNED_TERMS:
                continue
            factor = weight * (len(stems & query_terms) / count)
        elif weight_as_shorter:
            factor = weight_as_shorter * (len(stems & query_terms) / len(query_terms))
        else:
            continue
        if factor > MIN_MESSAGE_OVERLAP:
            (heading_bounds if i == last else quoted_bounds).append((factor, i))
    # A message scores at most its factor: align the most promising first, and stop when the
    # next cannot beat the best so far. (Nothing to align scores 0, as _best_alignment says.)
    quoted = heading = 0.0
    if quoted_bounds:
        quoted_bounds.sort(key=lambda bound: -bound[0])
        quoted = _best_alignment(query, messages, quoted_bounds, candidate, "error_message")
    if heading_bounds:
        heading = _best_alignment(query, messages, heading_bounds, candidate, "title")
    return quoted, heading


def _best_alignment(
    query: str, messages: tuple[str, ...], bounds: list[tuple[float, int]], candidate: Candidate, kind: str
) -> float:
    """The best score of the ``messages`` that ``bounds`` name (upper bound, index; best bound
    first), aligned with ``query``; a score of 0.5 or more is added to the evidence as ``kind``."""
    best, best_index, best_alignment = 0.0, -1, None
    for factor, i in bounds:
        if factor <= best:
            break
        message = messages[i]
        short, long_ = (message, query) if len(message) <= len(query) else (query, message)
        alignment = _align(short, long_, cutoff=best / factor * 100)
        if alignment is None:
            continue
        score = alignment[0] / 100 * factor
        if score > best:
            best, best_index, best_alignment = score, i, alignment
    if best_index < 0 or best < 0.5 or best_alignment is None:
        return best
    message = messages[best_index]
    if len(message) <= len(query):
        start, end = _word_bounds(query, best_alignment[1], best_alignment[2])
        part = query[start:end]
    else:
        part = query
    candidate.add_evidence((kind, part[:300], message[:500], best))
    return best


def _word_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The span ``start:end`` of ``text`` widened to whole words: an alignment may start or stop
    inside one ("03 device object was not found in the tenant contos")."""
    while start > 0 and text[start - 1].isalnum():
        start -= 1
    while end < len(text) and text[end].isalnum():
        end += 1
    return start, end


def _align(short: str, text: str, *, cutoff: float) -> tuple[float, int, int] | None:
    """rapidfuzz's partial-ratio alignment of ``short`` in ``text`` (score 0..100, span in ``text``).

    The first MAX_NEEDLE characters of ``short`` (where an error message says what it
    is) are aligned as equal pieces of at most PIECE characters, each where it fits
    best, and scored by their length-weighted mean. (Aligning a long message's two
    ends instead scored worse out of fold.) None when the score cannot reach ``cutoff``.
    """
    needle = short[:MAX_NEEDLE]
    length = len(needle)  # the pieces' lengths in all
    if length <= PIECE:
        # One piece, as most messages and titles are. Its cutoff and score go through the mean's
        # arithmetic below (times and over its length), so that it scores what that gives to the bit.
        found = fuzz.partial_ratio_alignment(needle, text, score_cutoff=max(0.0, cutoff * length / length))
        if found is None:
            return None
        return found.score * length / length, found.dest_start, found.dest_end
    count = -(-len(needle) // PIECE)
    size = -(-len(needle) // count)
    pieces = [needle[i : i + size] for i in range(0, len(needle), size)]
    total = 0.0
    rest = length
    start, end = len(text), 0
    for piece in pieces:
        rest -= len(piece)
        # What this piece must score for the mean to reach the cutoff, the rest scoring 100.
        needed = (cutoff * length - total - 100 * rest) / len(piece)
        found = fuzz.partial_ratio_alignment(piece, text, score_cutoff=max(0.0, needed))
        if found is None:
            return None
        total += found.score * len(piece)
        start, end = min(start, found.dest_start), max(end, found.dest_end)
    return total / length, start, end


def confidence(score: float, model: Model) -> str:
    """high, medium or low, by the model's thresholds."""
    return "high" if score >= model.high else "medium" if score >= model.medium else "low"


def confidences(
    scores: list[float], identified: Sequence[bool], messages: list[float], model: Model
) -> list[str]:
    """The confidence of each answer (best first): "high" for the first alone, only when the
    query settles it among the answers that would be high, and only when it is ``identified``
    by an error message or code.

    "high" says "follow these steps": when two problems both reach it (the same error text
    in two articles, or two messages the query does not tell apart), the query has not
    settled which one it is, and an agent that follows every high answer would apply both fixes.
    The query settles it when the first answer's error message agrees with it better than
    every other such answer's (``messages``: the message agreement of each), and well enough to
    identify it (MIN_IDENTIFYING_MESSAGE): two messages that differ in the word the query has,
    with an error code both share.
    A problem found by its title and text alone (a question in the person's own words) can be
    likely, not certain: "high" promises that its error message or code matched.
    """
    labels = [confidence(score, model) for score in scores]
    rivals = [messages[i] for i, label in enumerate(labels) if i > 0 and label == "high"]
    # Only an agreement that identifies a message settles it: two words of the query ("error
    # AADSTS530004") align loosely with a title of two problems that share the code.
    settled = not rivals or (messages[0] > max(rivals) and messages[0] >= MIN_IDENTIFYING_MESSAGE)
    return [
        "medium" if label == "high" and (i > 0 or not settled or not identified[i]) else label
        for i, label in enumerate(labels)
    ]


class _Answer(NamedTuple):
    """The parts of a match answer that depend on its problem only, kept per index file."""

    ref: ArticleRef
    problem: ProblemOut
    steps: list[StepOut]
    notes: list[NoteOut]


def _materialise(
    kb: KnowledgeBase,
    snapshot: Snapshot,
    picked: list[tuple[float, Candidate]],
    model: Model,
    *,
    limit: int,
) -> list[Match]:
    """The first ``limit`` of ``picked`` as answers, each labelled among all of ``picked``."""
    labels = confidences(
        [score for score, _ in picked],
        OnDemand(lambda n: picked[n][1].identified, len(picked)),
        [candidate.features["message"] for _, candidate in picked],
        model,
    )
    shown = list(zip(picked, labels, strict=True))[:limit]
    answers = _answers(kb, snapshot, [candidate.problem_id for (_, candidate), _ in shown])
    out: list[Match] = []
    for (score, candidate), label in shown:
        if candidate.problem_id not in answers:
            # Removed by an index swap during this query.
            continue
        answer = answers[candidate.problem_id]
        out.append(
            built(
                Match,
                {
                    "score": round(score, 4),
                    "confidence": label,
                    "article": answer.ref,
                    "problem": answer.problem,
                    "steps": answer.steps,
                    "notes": answer.notes,
                    "evidence": [
                        built(
                            Evidence,
                            {"field": f, "query_part": q, "matched": m, "score": round(min(1.0, x), 4)},
                        )
                        for f, q, m, x in candidate.evidence
                    ],
                },
            )
        )
    return out


def _answers(kb: KnowledgeBase, snapshot: Snapshot, pids: list[str]) -> dict[str, _Answer]:
    """Each problem's answer parts by problem id, built once per index file."""

    def build(missing: list[str]) -> dict[str, _Answer]:
        return {
            pid: _Answer(
                article_ref(article),
                problem_out(article, problem),
                nest_steps(problem.steps),
                notes_out(problem.notes),
            )
            for pid, (article, problem) in kb.answer_records(missing, snapshot).items()
        }

    return snapshot.memo.get_or_load("answer", pids, build)
