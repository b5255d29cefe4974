"""Text → search terms: one tokenizer for the index and for queries.

A problem's fields and a pasted query go through the same steps — copy-and-paste
damage undone (:func:`indexer.errortext.clean`), lowercase words, English stopwords
and run-specific tokens (long hex runs, long numbers) dropped, British spellings made
American, Snowball stems — so a word a person types and the word an author wrote meet as
one term. Error codes
become terms of their own (``code:AADSTS50105``), whatever their spelling; so do words joined by
hyphens (``read-onli``), beside their words (:func:`compounds`).

One difference: a query's identifiers in camel case give their words too (:func:`words`),
an article's do not (:func:`terms`).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache, partial
from operator import is_not
from typing import Any, cast

from indexer.errortext import clean, code_key

CODE_PREFIX = "code:"
MAX_WORD = 40
# The most words (or compounds) whose terms a table of them keeps (see _TermTable): some 30 MB.
MAX_KNOWN_WORDS = 200_000
# Words of two characters or more: single letters and digits are never terms.
_WORD = re.compile(r"[^\W_]{2,}", re.UNICODE)
# Chinese and Japanese put no spaces between words: a run of their characters is searched by its
# overlapping pairs of characters (as Lucene's CJK bigram filter does), so that "服务器" asked
# meets "无法连接到服务器" written, which as one word it never would.
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
# Thai, Lao, Khmer and Burmese put no spaces between words either, and their writers glue a Latin word
# or a number to the words around it ("รหัสOTPไม่มา", the OTP code does not come): where the script
# changes, one word ends, so that "otp" is a word of its own whichever side the spaces are on.
_NO_SPACE_SCRIPT = "\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff"
_SCRIPT_CHANGE = re.compile(rf"(?<=[a-z0-9])(?=[{_NO_SPACE_SCRIPT}])|(?<=[{_NO_SPACE_SCRIPT}])(?=[a-z0-9])")
_HAS_NO_SPACE_SCRIPT = re.compile(rf"[{_NO_SPACE_SCRIPT}]")
# The scripts of India and Sri Lanka (Devanagari to Sinhala) write a vowel after its consonant as a
# combining sign, which is no letter to \w: "त्रुटि" (error) fell apart into single letters, and a
# Hindi, Bengali or Tamil text gave next to no terms. Inside their words the signs belong to the word.
_INDIC_BLOCKS = range(0x0900, 0x0E00)
_INDIC_MARKS = "".join(ch for ch in map(chr, _INDIC_BLOCKS) if unicodedata.category(ch)[0] == "M")
_HAS_INDIC = re.compile(r"[\u0900-\u0dff]")
_WORD_WITH_SIGNS = re.compile(rf"[^\W_](?:[^\W_]|[{_INDIC_MARKS}])+")
# Their joiners (zero width, no letters either) choose how letters are drawn, not which: Bengali's "র‍্যাম"
# (RAM) with one and "র্যাম" without are one word, and Sinhala's "ශ්‍රී" fell in two at its joiner.
_WITHOUT_JOINERS = dict.fromkeys((0x200C, 0x200D))
# Arabic's and Hebrew's vowel points are optional: written in one text and not in another, they split
# a word where they stood ("مُشكلة" gave "شكلة"). Left out, the pointed and the plain word are one.
_POINTS = [
    *range(0x0591, 0x05C8),
    *range(0x0610, 0x061B),
    *range(0x064B, 0x0660),
    0x0670,
    *range(0x06D6, 0x06EE),
]
_WITHOUT_POINTS = dict.fromkeys(p for p in _POINTS if unicodedata.category(chr(p)) == "Mn")
_HAS_POINTS = re.compile(f"[{''.join(map(chr, _WITHOUT_POINTS))}]")
# An identifier in camel case, as a query has it ("ResolutionTooDeep", "MountVolume.MountDevice"):
# a word with a hump, and where each of its words starts.
_LOWER_UPPER = re.compile(r"[a-z][A-Z]")
# Such a word whole, from its start (where no letter or digit comes before) to its end: found in one
# search of the text, where each word was found and then searched for a hump.
_CAMEL_CASE_WORD = re.compile(r"(?<![^\W_])[^\W_]*?[a-z][A-Z][^\W_]*")
_HUMP = re.compile(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")
# Tokens that identify one occurrence (a request id, a time), never the problem.
_RUN_SPECIFIC = re.compile(r"[0-9a-f]{12,}|\d{7,}")
# A technical compound: words joined by hyphens ("pre-commit", "read-only", the "dry-run" of
# "--dry-run"). Its words alone are often common ones or stopwords ("commit", "read", "only"), and
# the one page that has the compound lost to pages full of its words; as a term of its own it
# weighs as much as it is rare. Matched whole, so a run of five or more parts
# (a host name, a pod's generated name) is seen as such and left out, not taken in pieces. Tried only
# where a word starts, and never giving characters back: a long run of letters is read once, not
# once per letter.
_COMPOUND = re.compile(r"(?<![^\W_])[^\W_]++(?:-[^\W_]++)+")
# Two to four parts: longer runs are generated names, rarely written the same way twice.
MAX_COMPOUND_PARTS = 4
COMPOUND_JOINER = "-"
STOPWORDS = frozenset(
    """a about above after again against all am an and any are aren't as at be because been before being
    below between both but by can can't cannot could couldn't did didn't do does doesn't doing don't down
    during each few for from further had hadn't has hasn't have haven't having he her here hers herself him
    himself his how i i'm if in into is isn't it it's its itself just let's me more most my myself no nor not
    now of off on once only or other ought our ours ourselves out over own same she should shouldn't so some
    such than that that's the their theirs them themselves then there there's these they this those through
    to too under until up very was wasn't we were weren't what what's when where which while who whom why
    will with won't would wouldn't you you're your yours yourself yourselves also get got getting hi hello
    thanks thank please s t d ll m re ve""".split()
)


_IS_TERM = partial(is_not, None)


class _TermTable:
    """Each token met (a word, a compound) and its term, or None for one that is no term: an index asks
    the terms of millions of tokens, nearly all of them asked before, and a lookup per token in C (map,
    filter) costs a tenth of deciding and stemming it in Python. ``make`` gives the entries of new ones."""

    def __init__(self, make: Callable[[set[str]], dict[str, str | None]]) -> None:
        self.known: dict[str, str | None] = {}
        self.make = make

    def terms(self, found: list[str]) -> list[str]:
        """The terms of the tokens ``found``, in order, those that are no terms left out."""
        return cast(list[str], list(filter(_IS_TERM, self.entries(found))))

    def entries(self, found: list[str]) -> list[str | None]:
        """The term of each of the tokens ``found``, or None for one that is no term, in order."""
        known = self.known
        try:
            # Most texts of an index have only tokens asked before: their terms without the set of new ones.
            return list(map(known.__getitem__, found))
        except KeyError:
            pass
        new = set(found).difference(known)
        if len(known) + len(new) > MAX_KNOWN_WORDS:
            # A bound on the memory, not a cache policy: refilled as tokens come. A new table, not
            # the old one cleared, which a call in another thread may be reading.
            self.known = known = {}
            new = set(found)
        # One update with every new token's entry: written in two, a call in another thread could
        # read a term's token between them as no term.
        known.update(self.make(new))
        return list(map(known.__getitem__, found))


@lru_cache(maxsize=1)
def _stemmer() -> Any:
    # PyStemmer (Snowball, C): "syncing", "synced" and "sync" share one stem.
    import Stemmer

    stemmer = Stemmer.Stemmer("english")
    stemmer.maxCacheSize = 50_000
    return stemmer


@lru_cache(maxsize=1)
def _american() -> dict[str, str]:
    # breame's table of British spellings (licence, greyed, organisation, behaviour) and their
    # American ones; both sides of a search are spelled one way before stemming, since Snowball
    # leaves "licenc" and "licens" two terms. Loaded on first use: 1.6 ms.
    from breame.data.spelling_constants import BRITISH_ENGLISH_SPELLINGS

    return BRITISH_ENGLISH_SPELLINGS  # type: ignore[no-any-return]


def _stem_words(found: list[str]) -> list[str]:
    """The stem of each word of ``found``, in order, each spelled the American way first."""
    return list(_stemmer().stemWords([_spelled_american(w) for w in found]))


def _spelled_american(word: str) -> str:
    """``word`` (lowercase) as American English spells it."""
    found = _american().get(word)
    if found is not None:
        return found
    # breame's table lacks many nouns in -isation whose verbs it has ("authorisation", "customisation"
    # beside "authorised", "customise"), which Snowball had stemmed alike: -ization is their only
    # American spelling.
    return word.replace("isation", "ization") if "isation" in word else word


def words(text: str) -> list[str]:
    """The lowercase words of a query ``text`` that can be search terms, in order (not stemmed);
    a run of Chinese or Japanese characters gives its pairs of characters.

    An identifier in camel case is a word, and its words follow the query's: a paste's
    "ResolutionTooDeep" finds the section titled "Resolution Too Deep" as well as the page that
    quotes the name. Only a query's: an article that quotes an identifier would otherwise count it
    once whole and again in words, and a paste that names a common exception
    (PSRemotingTransportException) ranked every article quoting it above the one whose error
    message the paste is (on the held-out questions of the three knowledge bases, more first
    answers right and none more confidently wrong; at no cost to indexing).
    """
    return [w for w in _query_tokens(text) if _may_be_term(w)]


def _query_tokens(text: str) -> list[str]:
    """The lowercase words of a query ``text``, and the words of its identifiers in camel case after
    them, before those that cannot be terms are dropped (see :func:`words`)."""
    cleaned = clean(text)
    found = _candidates(cleaned)
    if _LOWER_UPPER.search(cleaned):
        found.extend(_camel_case_words(cleaned))
    return found


def _camel_case_words(cleaned: str) -> list[str]:
    """The words of the identifiers in camel case in ``cleaned`` text ("ResolutionTooDeep":
    resolution, too, deep), lowercase, in order."""
    # All of them split and read at once, apart by spaces, which no hump and no word crosses.
    return _WORD.findall(_HUMP.sub(" ", " ".join(_CAMEL_CASE_WORD.findall(cleaned))).lower())


def _candidates(cleaned: str) -> list[str]:
    """The lowercase words of ``cleaned`` text (:func:`indexer.errortext.clean`), in order, before
    those that cannot be terms are dropped."""
    cleaned = cleaned.lower()
    if cleaned.isascii():
        return _WORD.findall(cleaned)
    if _HAS_NO_SPACE_SCRIPT.search(cleaned):
        cleaned = _SCRIPT_CHANGE.sub(" ", cleaned)
    if _HAS_POINTS.search(cleaned):
        cleaned = cleaned.translate(_WITHOUT_POINTS)
    if _HAS_INDIC.search(cleaned):
        found = _WORD_WITH_SIGNS.findall(cleaned.translate(_WITHOUT_JOINERS))
    else:
        found = _WORD.findall(cleaned)
    # Only a text with Chinese or Japanese characters has words to split: the others (most
    # non-ASCII texts, with an accent or a dash) skip a call per word.
    if _CJK.search(cleaned):
        found = [part for word in found for part in _split_cjk(word)]
    return found


def _may_be_term(word: str) -> bool:
    """Whether a word of :func:`_candidates` is kept by :func:`words`."""
    return len(word) <= MAX_WORD and word not in STOPWORDS and not _run_specific(word)


def _run_specific(word: str) -> bool:
    """Whether a lowercase word is a token of one occurrence (see _RUN_SPECIFIC)."""
    # Only a word of seven or more characters with a digit can be one.
    return len(word) >= 7 and not word.isalpha() and _RUN_SPECIFIC.fullmatch(word) is not None


def _split_cjk(word: str) -> list[str]:
    """``word`` as it is searched: its runs of Chinese or Japanese characters as overlapping pairs
    (a lone character as itself), the rest of it as words."""
    if word.isascii() or not _CJK.search(word):
        return [word]
    parts: list[str] = []
    at = 0
    for run in _CJK.finditer(word):
        parts.extend(_WORD.findall(word[at : run.start()]))
        chars = run.group()
        parts.extend([chars] if len(chars) == 1 else [chars[i : i + 2] for i in range(len(chars) - 1)])
        at = run.end()
    parts.extend(_WORD.findall(word[at:]))
    return parts


def terms(text: str) -> list[str]:
    """The search terms of an article's ``text``: its words, stemmed, in order (repeats kept, for
    term frequency).

    The same as ``stemmed(words(text))`` without the words of identifiers in camel case, each
    word's term looked up in a table of the words met (:class:`_TermTable`).
    """
    # ASCII text is cleaned of nothing but runs of spaces, which no word holds: the same words.
    return _terms_of_cleaned(text if text.isascii() else clean(text))


def _terms_of_cleaned(cleaned: str) -> list[str]:
    """The :func:`terms` of ``cleaned`` text (:func:`indexer.errortext.clean`)."""
    return _WORD_TERMS.terms(_candidates(cleaned))


def _word_entries(new: set[str]) -> dict[str, str | None]:
    """The term of each of the ``new`` words (its stem), or None for a word that is no term (a
    stopword, a run-specific token, too long)."""
    kept = [w for w in new if _may_be_term(w)]
    entries: dict[str, str | None] = dict.fromkeys(new)
    if kept:
        entries.update(zip(kept, _stem_words(kept), strict=True))
    return entries


_WORD_TERMS = _TermTable(_word_entries)


def document_terms(text: str) -> list[str]:
    """What a search document's ``text`` (an article's, a problem's field) is searched by: its
    :func:`terms`, then its :func:`compounds`, the text cleaned once for both."""
    cleaned = text if text.isascii() else clean(text)
    return _terms_of_cleaned(cleaned) + _compounds_of_cleaned(cleaned)


def stemmed(found: list[str]) -> list[str]:
    """The terms of ``found`` words (from :func:`words`), one per word, in order."""
    return _stem_words(found) if found else []


def words_and_terms(text: str) -> tuple[list[str], list[str]]:
    """:func:`words` of a query ``text`` and their :func:`stemmed` terms, one per word.

    The same as the two calls, each word decided and stemmed once per process in the table an
    index's words are (:class:`_TermTable`): a query's words are nearly all asked before, and
    deciding and stemming each in Python cost a match more than a lookup in C.
    """
    found = _query_tokens(text)
    terms_of = _WORD_TERMS.entries(found)
    said = cast(list[str], list(filter(_IS_TERM, terms_of)))
    return [w for w, t in zip(found, terms_of, strict=True) if t is not None], said


def compounds(text: str) -> list[str]:
    """The compound terms of ``text`` (article or query: the same on both sides), in order, repeats
    kept: each run of two to four words joined by hyphens, its words' stems joined by a hyphen
    ("read-only" → ``read-onli``), beside the words :func:`terms` gives, never instead of them.

    Stems, not the compound as written, so "conversion-webhooks" asked meets "conversion-webhook"
    written, as the words do. No part may be a bare number or a run-specific token: "E-330",
    "x86-64", dates and ids are codes, versions or values, searched as such or not at all.
    """
    # Cleaned as a query is, so a dash that copy and paste made an en dash is a hyphen on both sides.
    return _compounds_of_cleaned(text if text.isascii() else clean(text))


def _compounds_of_cleaned(cleaned: str) -> list[str]:
    """The :func:`compounds` of ``cleaned`` text (:func:`indexer.errortext.clean`)."""
    if "-" not in cleaned:
        return []
    # No compound holds a space (no word character is one), so only the runs between spaces that
    # hold a hyphen are searched, not all of the text: the same compounds in the same order, at a
    # third of the cost on the texts of an index (searched whole, 2-3 % of an article's parse).
    runs = cleaned.lower().split()
    if not cleaned.isascii() and _HAS_NO_SPACE_SCRIPT.search(cleaned):
        # Where a script written without spaces meets a Latin word, one word ends (see _candidates).
        runs = [part for run in runs for part in _SCRIPT_CHANGE.sub(" ", run).split()]
    found = [c for run in runs if "-" in run for c in _COMPOUND.findall(run)]
    return _COMPOUND_TERMS.terms(found) if found else []


def _compound_term(compound: str) -> str | None:
    """The term of one ``compound`` (lowercase, as :data:`_COMPOUND` found it), or None when it is
    none (see :func:`compounds`)."""
    parts = compound.split("-")
    if len(parts) > MAX_COMPOUND_PARTS or len(compound) > 2 * MAX_WORD:
        return None
    for part in parts:
        if part.isdigit() or _run_specific(part):
            return None
    return COMPOUND_JOINER.join(_stem_words(parts))


_COMPOUND_TERMS = _TermTable(lambda new: {compound: _compound_term(compound) for compound in new})


def code_terms(codes: list[str]) -> list[str]:
    """One term per error code, so "AADSTS 50105" and "aadsts50105" are the same term."""
    return [CODE_PREFIX + code_key(c) for c in codes]
