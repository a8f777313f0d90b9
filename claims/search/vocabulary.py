"""A query's words as the claims' vocabulary reads them: spelling corrections, synonyms,
intent and weight (rules 3 to 6 of claims.search)."""

import math
from collections import Counter
from dataclasses import dataclass
from difflib import SequenceMatcher

from claims.search.words import (
    BENEFIT_WORDS,
    INTENT_WORDS,
    LACK_WORDS,
    MAX_SYNONYMS,
    MEMO_SIZE,
    PURPOSE,
    STOPWORDS,
    SYNONYMS_OF,
    pattern,
    sound_key,
)

FUZZY_CUTOFF = 0.85
FUZZY_MIN_LENGTH = 5
MAX_CORRECTIONS = 3
SOUND_KEY_MIN_LENGTH = 4  # shorter keys ("tng") are shared by too many unrelated words
CORRECTION_QUALITY = 0.75
SYNONYM_QUALITY = 0.9


@dataclass(frozen=True)
class QueryWord:
    term: str
    corrections: tuple[str, ...]  # words claims use that look or sound like a misspelt term
    synonyms: tuple[str, ...]  # words of the term's (or a correction's) synonym groups
    intent: bool  # asks whether something treats or helps (rule 5)
    used_by: int  # how many claims' wording or aliases have it (or what it finds)
    weight: float  # rarer words weigh more; the weights of one query average 1

    @property
    def literal(self) -> bool:
        """Whether the term finds words itself: a "for" only carries intent."""
        return self.term not in STOPWORDS

    def forms(self) -> list[tuple[str, float]]:
        """The words this finds other words by (rules 2 to 4), with the quality of a match."""
        return [
            *([(self.term, 1.0)] if self.literal else []),
            *((each, CORRECTION_QUALITY) for each in self.corrections),
            *((each, SYNONYM_QUALITY) for each in self.synonyms),
        ]

    def patterns(self) -> list[tuple[str, bool]]:
        """What the word, its corrections and synonyms find (rules 2 to 4), each as (text,
        whether it is a prefix): see claims.search.words.pattern."""
        return [pattern(each) for each, _ in self.forms()]


def similar(matcher: SequenceMatcher, word: str) -> float:
    """difflib's ratio of word to the matcher's term (its seq2), 0 when below FUZZY_CUTOFF.

    One rule for the vocabulary and the scorer, so a word a correction finds also scores.
    """
    matcher.set_seq1(word)
    if matcher.real_quick_ratio() < FUZZY_CUTOFF or matcher.quick_ratio() < FUZZY_CUTOFF:
        return 0.0
    ratio = matcher.ratio()
    return ratio if ratio >= FUZZY_CUTOFF else 0.0


def can_be_misspelt(term: str) -> bool:
    return len(term) >= FUZZY_MIN_LENGTH and not term.isdigit()


def lengths_can_match(length: int, other: int) -> bool:
    """Whether difflib's ratio, 2 * matches / (sum of the lengths), can reach FUZZY_CUTOFF."""
    return 2 * min(length, other) >= FUZZY_CUTOFF * (length + other)


class Vocabulary:
    """The words of public claims' own wording and aliases, with how many claims use each."""

    def __init__(self, claims_words):
        """claims_words: each public claim's set of words (wording and aliases)."""
        self.claims = 0
        self.frequency: Counter[str] = Counter()
        self.benefit_claims = 0  # claims with a word of BENEFIT_WORDS (rule 6)
        for words in claims_words:
            self.claims += 1
            self.frequency.update(words)
            self.benefit_claims += not BENEFIT_WORDS.isdisjoint(words)
        # Tuples, not lists, here and in the index: tuples of strings and ints are untracked
        # by the garbage collector, so a full collection does not walk them.
        self.words = tuple(sorted(self.frequency))
        by_length: dict[int, list[str]] = {}
        for word in self.words:
            by_length.setdefault(len(word), []).append(word)
        self._by_length = {length: tuple(words) for length, words in by_length.items()}
        self._by_sound: dict[str, list[str]] | None = None  # built at the first need
        # Each term's corrections, found once per vocabulary (a content version): comparing
        # a term with the vocabulary's words of a similar length is most of a new search's
        # reading of its words (bench/RESULTS.md). A dict of strings to tuples of strings,
        # which the garbage collector does not walk; emptied when it reaches MEMO_SIZE.
        self._corrections: dict[str, tuple[str, ...]] = {}

    def corrections(self, term: str) -> tuple[str, ...]:
        """Up to MAX_CORRECTIONS words of the vocabulary that term looks like a misspelling
        of, or failing that sounds like (rule 4)."""
        found = self._corrections.get(term)
        if found is None:
            if len(self._corrections) >= MEMO_SIZE:
                self._corrections.clear()
            found = self._corrections[term] = self._find_corrections(term)
        return found

    def _find_corrections(self, term: str) -> tuple[str, ...]:
        known = term in self.frequency or term in SYNONYMS_OF or term in INTENT_WORDS
        if known or not can_be_misspelt(term):
            return ()
        matcher = SequenceMatcher(None, "", term)
        found = []
        for length, words in self._by_length.items():
            if not lengths_can_match(length, len(term)):
                continue
            for word in words:
                if ratio := similar(matcher, word):
                    found.append((-ratio, -self.frequency[word], word))
        if not found:
            found = [(0, -self.frequency[word], word) for word in self._sounds_like(term)]
        return tuple(word for *_, word in sorted(found)[:MAX_CORRECTIONS])

    def _sounds_like(self, term: str) -> list[str]:
        key = sound_key(term)
        if len(key) < SOUND_KEY_MIN_LENGTH:
            return []
        if self._by_sound is None:
            self._by_sound = {}
            for word in self.words:
                if can_be_misspelt(word):
                    self._by_sound.setdefault(sound_key(word), []).append(word)
        return self._by_sound.get(key, [])

    def query_words(self, terms: list[str]) -> list[QueryWord]:
        corrected = [(term, self.corrections(term)) for term in terms]
        about_a_lack = any(not LACK_WORDS.isdisjoint((term, *fixes)) for term, fixes in corrected)
        spelt = []
        for term, corrections in corrected:
            typed = (term, *corrections)
            intent = not about_a_lack and len(terms) > 1 and (
                term == PURPOSE or not INTENT_WORDS.isdisjoint(typed)
            )
            if term == PURPOSE and not intent:
                continue
            synonyms = sorted(set().union(*(SYNONYMS_OF.get(each, ()) for each in typed))
                              - set(typed))[:MAX_SYNONYMS]
            finds = [*typed, *synonyms]
            used_by = max((self.frequency[word] for word in finds), default=0)
            if intent:
                used_by = max(used_by, self.benefit_claims)
            spelt.append((term, corrections, tuple(synonyms), intent, used_by))
        if not spelt:
            return []
        # An inverse document frequency; never 0, so a word in every claim still counts.
        rarity = [math.log(1 + (self.claims + 1) / (used_by + 1)) for *_, used_by in spelt]
        mean = sum(rarity) / len(rarity)
        return [
            QueryWord(*word, weight / mean) for word, weight in zip(spelt, rarity, strict=True)
        ]
