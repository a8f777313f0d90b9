"""The final order: scores candidate claims by rules 2 to 9 of claims.search, whichever
function found them.

The functions cached here are pure (the same words in, the same answer out), so their caches
can never be stale; they spare a new search the work that searches before it did on the same
words and claims. Each holds a few MB at most per process.
"""

from bisect import bisect_left
from difflib import SequenceMatcher
from functools import lru_cache

from claims.models import Claim
from claims.search.vocabulary import (
    FUZZY_CUTOFF,
    QueryWord,
    can_be_misspelt,
    lengths_can_match,
    similar,
)
from claims.search.words import BENEFIT_WORDS, LACK_WORDS, pattern, stem
from claims.text import search_normalise

# What the scorer and the template read: the long Markdown and HTML stay in the database.
RESULT_FIELDS = (
    "slug", "number", "text", "short_wording", "aliases", "verdict_reason", "verdict_population",
    "search_document", "topic__title", "topic__slug", "topic__order", "verdict__code",
    "verdict__label",
)


def rank(words: list[QueryWord], candidates: list[Claim], limit: int) -> list[Claim]:
    """The best `limit` of the candidates that score above 0, best first (rule 9 for ties:
    a candidate's `candidate_rank`, if its finder gave one, then topic order, then number)."""
    scores = Scorer(words).scores(candidates)
    scored = [
        (score, getattr(claim, "candidate_rank", 0.0), claim)
        for score, claim in zip(scores, candidates, strict=True)
        if score > 0
    ]
    scored.sort(key=lambda item: (-item[0], -item[1], item[2].topic.order, item[2].number))
    return [claim for _, _, claim in scored[:limit]]


@lru_cache(maxsize=1 << 14)
def match_quality(term: str, word: str) -> float:
    """How well a claim's word matches a query term: 1 the same, 0.9 the same stem, 0.8 the
    term starts it, less if it looks like a misspelling of it, 0 not at all."""
    if word == term:
        return 1.0
    if stem(word) == stem(term):
        return 0.9
    if len(term) >= 3 and word.startswith(term):
        return 0.8
    if can_be_misspelt(term) and lengths_can_match(len(word), len(term)):
        return 0.75 * similar(SequenceMatcher(None, "", term), word)
    return 0.0


def _literal_matches(term: str, seen: set[str], ordered: list[str]) -> dict[str, float]:
    """{word: match_quality(term, word)} for the words of seen it is above 0 for, without
    calling it on every word: a word that is the term, shares its stem or starts with it
    starts with the term's stem (a stem is a prefix of its word), so only those are looked
    up in ordered (seen, sorted); any other word can only look like a misspelling of it, and
    is compared by one matcher, after a bound on difflib's ratio that no such word's ratio
    can exceed (each of its letters the term lacks is a character that cannot match)."""
    found = {}
    prefix = stem(term)
    at = bisect_left(ordered, prefix)
    start = at
    while at < len(ordered) and ordered[at].startswith(prefix):
        if quality := match_quality(term, ordered[at]):
            found[ordered[at]] = quality
        at += 1
    if not can_be_misspelt(term):
        return found
    skip = set(ordered[start:at])
    letters, length = set(term), len(term)
    matcher = None
    for word in seen:
        size = len(word)
        if word in skip or not lengths_can_match(size, length):
            continue
        if 2.0 * (size - len(set(word) - letters)) / (size + length) < FUZZY_CUTOFF:
            continue
        if matcher is None:
            matcher = SequenceMatcher(None, "", term)
        if quality := 0.75 * similar(matcher, word):
            found[word] = quality
    return found


@lru_cache(maxsize=1 << 14)
def _words_of(text: str) -> tuple[str, frozenset[str]]:
    """Text normalised and padded with spaces (to find a phrase in), and its words."""
    normalised = f" {search_normalise(text)} "
    return normalised, frozenset(normalised.split())


class Scorer:
    """Scores a claim by rules 2 to 8: each query word counts most when the claim's own
    wording has it, by its weight and how well it matched; all words and a phrase add a bit.
    """

    WORDING, ALIASES, SUMMARY = 2.0, 1.6, 1.0
    ALL_WORDS_BONUS = 1.0
    PHRASE_BONUS = {WORDING: 0.5, ALIASES: 0.4}

    def __init__(self, words: list[QueryWord]):
        self.words = words
        terms = [word.term for word in words]
        self.phrase = f" {' '.join(terms)} " if len(terms) > 1 else ""

    def scores(self, claims: list[Claim]) -> list[float]:
        """The score of each claim. Each distinct word of the claims is compared with each
        query word once; a claim then looks up only the few words that matched."""
        claim_tiers = [self._tiers(claim) for claim in claims]
        seen = set().union(*(words for tiers, _ in claim_tiers for _, _, words in tiers))
        ordered = sorted(seen)
        matches = [self._matches(query, seen, ordered) for query in self.words]
        return [self._score(tiers, framing, matches) for tiers, framing in claim_tiers]

    @staticmethod
    def _matches(query: QueryWord, seen: set[str], ordered: list[str]) -> dict[str, float]:
        """The claims' words that query finds, each with how well (rules 2 to 4)."""
        found = {}
        if query.literal:
            found = _literal_matches(query.term, seen, ordered)
        for form, quality in query.forms()[1 if query.literal else 0:]:
            text, is_prefix = pattern(form)
            at = bisect_left(ordered, text)
            while at < len(ordered) and (
                ordered[at] == text or (is_prefix and ordered[at].startswith(text))
            ):
                word = ordered[at]
                each = quality * (1.0 if word == form else 0.9 if stem(word) == text else 0.8)
                found[word] = max(found.get(word, 0.0), each)
                at += 1
        return found

    def _tiers(self, claim: Claim):
        wording, wording_words = _words_of(claim.text + " " + claim.short_wording)
        aliases, alias_words = _words_of(claim.aliases)
        tiers = [
            (self.WORDING, wording, wording_words),
            (self.ALIASES, aliases, alias_words),
            (self.SUMMARY, "", frozenset(claim.search_document.split())),
        ]
        # Rule 5: whether the claim's own wording presents a benefit, or is about a lack.
        framing = (not BENEFIT_WORDS.isdisjoint(wording_words),
                   not LACK_WORDS.isdisjoint(wording_words))
        return tiers, framing

    def _score(self, tiers, framing, matches: list[dict[str, float]]) -> float:
        presents_a_benefit, about_a_lack = framing
        total, matched = 0.0, 0
        for word, found in zip(self.words, matches, strict=True):
            term_score = max(
                (weight * quality for weight, _, words in tiers
                 for match, quality in found.items() if match in words),
                default=0.0,
            )
            if word.intent:
                term_score = 0.0 if about_a_lack else (
                    max(term_score, self.WORDING) if presents_a_benefit else term_score
                )
            total += word.weight * term_score
            matched += term_score > 0
        if matched == len(self.words) and len(self.words) > 1:
            total += self.ALL_WORDS_BONUS
        (_, wording, _), (_, aliases, _), _ = tiers
        if self.phrase and self.phrase in wording:
            total += self.PHRASE_BONUS[self.WORDING]
        elif self.phrase and self.phrase in aliases:
            total += self.PHRASE_BONUS[self.ALIASES]
        return total
