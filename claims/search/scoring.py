"""The final order: scores candidate claims by rules 2 to 9 of claims.search, whichever
function found them.

The functions cached here are pure (the same words in, the same answer out), so their caches
can never be stale; they spare a new search the work that searches before it did on the same
words and claims. Each holds a few MB at most per process.
"""

from bisect import bisect_left
from difflib import SequenceMatcher
from typing import NamedTuple

from django.db import connection
from django.db.models.expressions import RawSQL

from claims.models import Claim
from claims.search.vocabulary import (
    FUZZY_CUTOFF,
    QueryWord,
    can_be_misspelt,
    lengths_can_match,
    similar,
)
from claims.search.words import BENEFIT_WORDS, LACK_WORDS, memo, pattern, stem
from claims.text import search_normalise

# What a result's template reads of a claim: the long Markdown and HTML stay in the database.
RESULT_FIELDS = (
    "slug", "number", "text", "short_wording", "aliases", "verdict_reason", "verdict_population",
    "topic__title", "topic__slug", "topic__order", "verdict__code", "verdict__label",
)
# What the scorer reads of a claim (ClaimTerms.from_row), in this order.
TERM_FIELDS = ("id", "text", "short_wording", "aliases", "search_document", "topic__order",
               "number")


class ClaimTerms(NamedTuple):
    """What the scorer reads of one claim: its tiers' words (rule 7), the framing of its own
    wording (rule 5) and its place for ties (rule 9: topic order, then number). Built once
    per claim and content version (claims.search.ranking keeps them), so a new search
    neither reads a candidate's summary from the database nor splits it into words again.

    Each tier's words are a bit mask over the version's ScoringVocabulary (bit i: its i-th
    word). Ints and strings only: a tuple of them is not tracked by the garbage collector,
    where sets of words would be walked word by word at each full collection."""

    id: int
    wording: str  # own wording (text and short wording), normalised and padded with spaces
    wording_mask: int
    aliases: str  # the same for the aliases
    alias_mask: int
    summary: int  # every searched word (search_document)
    benefit: bool  # its own wording presents a benefit (rule 5)
    lack: bool  # its own wording is about a lack
    topic_order: int
    number: int

    @property
    def place(self) -> tuple[int, int]:
        """Its place for ties (rule 9): topic order, then claim number."""
        return self.topic_order, self.number

    @classmethod
    def from_row(cls, row: tuple, vocabulary: "ScoringVocabulary") -> "ClaimTerms":
        """From the values of TERM_FIELDS."""
        claim_id, text, short_wording, aliases, document, topic_order, number = row
        wording, wording_words = _words_of(text + " " + short_wording)
        alias_text, alias_words = _words_of(aliases)
        return cls(claim_id, wording, vocabulary.mask(wording_words), alias_text,
                   vocabulary.mask(alias_words), vocabulary.mask(set(document.split())),
                   not BENEFIT_WORDS.isdisjoint(wording_words),
                   not LACK_WORDS.isdisjoint(wording_words), topic_order, number)


@memo
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

    def scores(self, claims: list[ClaimTerms], vocabulary: "ScoringVocabulary") -> list[float]:
        """The score of each claim. Each query word's matches among the vocabulary are found
        once (and kept by it); a claim then looks up only the few words that matched."""
        matches = [vocabulary.matches(query) for query in self.words]
        return [self._score(claim, matches) for claim in claims]

    @staticmethod
    def _matches(query: QueryWord, seen, ordered) -> dict[str, float]:
        """The words of seen (sorted: ordered) that query finds, each with how well (rules 2
        to 4)."""
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

    def _score(self, claim: ClaimTerms, matches: list["Matches"]) -> float:
        total, matched = 0.0, 0
        for word, (_, by_quality) in zip(self.words, matches, strict=True):
            term_score = _best(claim.wording_mask, by_quality, self.WORDING, 0.0)
            term_score = _best(claim.alias_mask, by_quality, self.ALIASES, term_score)
            term_score = _best(claim.summary, by_quality, self.SUMMARY, term_score)
            if word.intent:
                term_score = 0.0 if claim.lack else (
                    max(term_score, self.WORDING) if claim.benefit else term_score
                )
            total += word.weight * term_score
            matched += term_score > 0
        if matched == len(self.words) and len(self.words) > 1:
            total += self.ALL_WORDS_BONUS
        if self.phrase and self.phrase in claim.wording:
            total += self.PHRASE_BONUS[self.WORDING]
        elif self.phrase and self.phrase in claim.aliases:
            total += self.PHRASE_BONUS[self.ALIASES]
        return total


def _best(words: int, by_quality, weight: float, floor: float) -> float:
    """The larger of floor and weight times the best quality of a match among words (a
    mask): by_quality is best first, so the first group words has is the best."""
    for quality, mask in by_quality:
        value = weight * quality
        if value <= floor:
            return floor
        if words & mask:
            return value
    return floor


# A query word's matches: {word: quality}, and the same as (quality, mask of the words of that
# quality) pairs, best first, to test a claim's summary mask against.
Matches = tuple[dict[str, float], tuple[tuple[float, int], ...]]


class ScoringVocabulary:
    """Every word of the public claims' searched text (their search_document) at one content
    version, each with an id (its place in sorted order), and what each query word finds
    among them (Scorer._matches), kept for the version. A word's matches among every claim's
    words include those among any candidates' words, with the same quality, so the scores
    are those the candidates' own words would give. Held as a tuple and a dict of str to int,
    which the garbage collector does not track."""

    MATCHES_KEPT = 20_000  # query words; a few hundred bytes each

    def __init__(self, words):
        self.ordered = tuple(sorted(set(words)))
        self.ids = {word: at for at, word in enumerate(self.ordered)}
        self._matches: dict[tuple, Matches] = {}

    def __len__(self) -> int:
        return len(self.ordered)

    def mask(self, words) -> int:
        """The words (those of the vocabulary) as a bit mask of their ids."""
        bits = bytearray((len(self.ordered) + 7) // 8)
        ids = self.ids
        for word in words:
            at = ids.get(word)
            if at is not None:
                bits[at >> 3] |= 1 << (at & 7)
        return int.from_bytes(bits, "little")

    def matches(self, query: QueryWord) -> Matches:
        key = (query.term, query.corrections, query.synonyms)  # what _matches reads
        kept = self._matches.get(key)
        if kept is None:
            found = Scorer._matches(query, self.ids, self.ordered)
            by_quality: dict[float, list[str]] = {}
            for word, quality in found.items():
                by_quality.setdefault(quality, []).append(word)
            kept = (found, tuple((quality, self.mask(words))
                                 for quality, words in sorted(by_quality.items(), reverse=True)))
            if len(self._matches) < self.MATCHES_KEPT:
                self._matches[key] = kept
        return kept


class ScoringVocabularyCache:
    """This process's ScoringVocabulary of one content version, as SearchIndexCache keeps the
    search index: built at its first use (see _public_words), replaced when the version
    changes. scoring_vocabulary_cache is the one instance."""

    def __init__(self):
        self._held: tuple[tuple, ScoringVocabulary] | None = None  # swapped whole

    def get(self, version) -> ScoringVocabulary:
        key = (version.number, version.changed_at)
        held = self._held
        if held is None or held[0] != key:
            held = self._held = (key, ScoringVocabulary(_public_words()))
        return held[1]

    def clear(self) -> None:
        self._held = None


def _public_words():
    """Every word of the public claims' searched text (search_document), and of their own
    wording and aliases as the scorer splits them (search_terms: the same words, except
    where normalising fields together joined a letter to a number across two of them).
    PostgreSQL: the distinct lexemes of search_words and search_vector, in one query."""
    public = Claim.objects.public().order_by()
    if connection.vendor == "postgresql":
        table = Claim._meta.db_table
        lexemes = RawSQL(
            f"unnest(tsvector_to_array(coalesce({table}.search_words, ''::tsvector)"
            f" || coalesce({table}.search_vector, ''::tsvector)))", [])
        return public.annotate(word=lexemes).values_list("word", flat=True).distinct()
    rows = public.values_list("search_document", "search_terms")
    return {word for document, terms in rows for word in (*document.split(), *terms.split())}


scoring_vocabulary_cache = ScoringVocabularyCache()
