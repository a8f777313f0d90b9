"""Matching a sentence someone read to the claims we have checked: the one interface that the
"Check a text" page, search and the suggestion inbox call.

A match has a level: CHECKED ("we checked this": the sentence says what the claim says) or
SIMILAR ("we checked something similar": close enough to show, with the claim's wording, so
the reader can judge). Below SIMILAR there is no match.

Claims are ordered as search orders them (claims.search.ranking: the lexical rules blended
with the similarity by meaning), after the sentence is tidied (for_matching: reference marks,
emoji, numbering and shop or blog filler such as "Click here" or "Note:" go) and read further
than a search query (SENTENCE_TERMS words). The best claim's level (level_of):

- SIMILAR when its blended score reaches ranking.SIMILAR_AT (0.71);
- CHECKED when, besides, the blend reaches ranking.CHECKED_AT (0.92), or the words agree
  (its lexical score reaches ranking.WORDS_CHECKED_AT, 6.0), and the sentence can state a
  claim at all (states_a_claim: not a question, a heading, a lead-in to a list or a fragment
  of one or two words; those stay SIMILAR at most).

Calibrated on the 259 labelled sentences of 8 pasted texts in
tests/data/own_words_queries.json (bench/matching_eval.py --sweep; bench/RESULTS.md, "Matching
by meaning"): CHECKED precision 0.89, recall 0.78; SIMILAR or better 0.81, 0.73. The same
sentences with the blended score alone reach recall 0.37 at precision 0.85.

When matching by meaning is off (the model did not load), the lexical score alone decides,
with thresholds calibrated the same way (ranking.LEXICAL_CHECKED_AT, 7.2: precision 0.88,
recall 0.51; ranking.LEXICAL_SIMILAR_AT, 5.0: 0.81, 0.61), and the same gate.

match_sentences matches many sentences with the queries of one (the page's whole text).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from claims.models import Claim
from claims.search.ranking import Ranked, ranked_claims_many

CHECKED = "checked"
SIMILAR = "similar"

# A sentence of fewer words states no claim of its own ("Fatigue", "Brain fog", "Sardines 9":
# a table cell or a list item): at most SIMILAR.
MIN_CHECKED_WORDS = 3
# How much of a pasted sentence the lexical rules read (a search query: MAX_TERMS, 8), and
# whether the model also reads the words they corrected a misspelt term to (a sentence's
# everyday words would be "corrected" to claim words, and pull it towards them).
SENTENCE_TERMS = 24
SENTENCE_CORRECTIONS = False
# Words a heading leaves in lower case ("Causes of B12 Deficiency in MS").
_SMALL_WORDS = frozenset(
    "a an and at by for from in into is of on or the to vs with your you".split())
# The share of a heading's words (after the first, small words aside) that start with a
# capital letter or a digit.
HEADING_CAPITALS = 0.8
_WORD = re.compile(r"[^\W_][\w'’+-]*")

# What a shop page or a blog adds to a sentence that says nothing about health.
_FILLER = [
    re.compile(r"\[\s*\d+(?:\s*[-–,]\s*\d+)*\s*\]"),  # reference marks: [1], [2, 3], [4-6]
    re.compile(r"\b(?:click|tap) (?:here|the link|below)\b[^.!?]*[.!?]?", re.IGNORECASE),
    re.compile(r"\b(?:shop|buy|order|subscribe) now\b[^.!?]*[.!?]?", re.IGNORECASE),
    re.compile(r"^\s*(?:note|tip|pro tip|fact|update|edit|fwd?|ps)\s*:\s*", re.IGNORECASE),
    re.compile(r"^\s*\d{1,2}[.)]\s+"),  # "1. Fights fatigue"
]
_SPACE_BEFORE_MARK = re.compile(r"\s+([.,;:!?])")


@dataclass(frozen=True)
class ClaimMatch:
    claim: Claim
    level: str  # CHECKED or SIMILAR
    score: float  # higher is closer; comparable only within one method


def for_matching(sentence: str) -> str:
    """The sentence as the matcher reads it: without reference marks, emoji and other
    pictographs, and the filler of shop and blog pages ("Click here", "Note:")."""
    text = "".join(
        " " if unicodedata.category(character) in ("So", "Sk", "Cs", "Co")
        or character in "\ufe0f\u200d" else character
        for character in sentence
    )
    for filler in _FILLER:
        text = filler.sub(" ", text)
    return _SPACE_BEFORE_MARK.sub(r"\1", " ".join(text.split()))


def _reads_as_heading(sentence: str) -> bool:
    """Whether a sentence is in title case ("B12 and Myelin Repair", "Low B12 Levels in MS
    Patients"): a heading names a subject rather than stating a claim about it."""
    words = [word for word in _WORD.findall(sentence)[1:] if word.lower() not in _SMALL_WORDS]
    if not words:
        return False
    capitals = sum(1 for word in words if word[0].isupper() or word[0].isdigit())
    return capitals >= HEADING_CAPITALS * len(words)


def states_a_claim(sentence: str) -> bool:
    """Whether a sentence (tidied by for_matching) can say "we checked this" at all: not a
    question, not a heading, not a lead-in to a list (it ends with a colon), and at least
    MIN_CHECKED_WORDS words. Others match at most at SIMILAR."""
    end = sentence.rstrip()
    return (not end.endswith(("?", ":"))
            and len(_WORD.findall(sentence)) >= MIN_CHECKED_WORDS
            and not _reads_as_heading(sentence))


def level_of(ranked: Ranked, sentence: str) -> str | None:
    """The level a ranked claim reaches for a sentence (tidied by for_matching), or None:
    Ranked.similar and Ranked.checked, and for CHECKED the gate of states_a_claim."""
    if not ranked.similar:
        return None
    if ranked.checked and states_a_claim(sentence):
        return CHECKED
    return SIMILAR


def closest_claims(text: str, limit: int = 3, *, version=None) -> list[ClaimMatch]:
    """The public claims closest to `text`, best first, each with its match level; claims
    below the SIMILAR level are left out.

    Queries: those of claims.search.ranking.ranked_claims (the content version unless given,
    the lexical candidates, the vector index once per content version and process)."""
    tidy = for_matching(text)
    found = []
    for ranked in _ranked([tidy], limit, version)[0]:
        level = level_of(ranked, tidy)
        if level is not None:
            found.append(ClaimMatch(ranked.claim, level, ranked.score))
    return found


def match_sentence(sentence: str, *, version=None) -> ClaimMatch | None:
    """The best match for one sentence, or None when nothing is close enough."""
    return match_sentences([sentence], version=version)[0]


def match_sentences(sentences: list[str], *, version=None) -> list[ClaimMatch | None]:
    """match_sentence for each of several sentences, in order, with the queries of one: the
    candidate claims are read once for all of them and the model encodes them in one call
    (claims.search.ranking.ranked_claims_many).

    Queries: the content version unless given; SQLite 1 (the public claims), PostgreSQL 1 or
    2 (the best-ranked claims of every sentence by id; claims with their words in summaries
    only); the vector index once per content version and process; on PostgreSQL one more when
    some claims are found by meaning alone.
    """
    tidy = [for_matching(sentence) for sentence in sentences]
    out: list[ClaimMatch | None] = []
    for text, ranked in zip(tidy, _ranked(tidy, 1, version), strict=True):
        level = level_of(ranked[0], text) if ranked else None
        out.append(ClaimMatch(ranked[0].claim, level, ranked[0].score) if level else None)
    return out


def _ranked(texts: list[str], limit: int, version) -> list[list[Ranked]]:
    return ranked_claims_many(texts, limit, version=version, max_terms=SENTENCE_TERMS,
                              corrections=SENTENCE_CORRECTIONS)
