"""The per-process index of public claims' words on PostgreSQL, kept for one content version.

For each word of the vocabulary it knows which claims use it in their own wording, or only in
their aliases, read from the claims' stored search vectors (claims.text), and it ranks the
claims a query finds by tier and word weight (rules 2 to 7 of claims.search).
"""

import re
from bisect import bisect_left

import numpy

from claims.models import Claim
from claims.search.scoring import Scorer
from claims.search.vocabulary import QueryWord, Vocabulary
from claims.search.words import BENEFIT_WORDS, LACK_WORDS
from claims.text import ALIASES_TIER, WORDING_TIER

RANK_LIMIT = 1000

# A lexeme of a stored search vector and its positions: "'b12':5A,13B".
_LEXEME = re.compile(r"'([^']*)':([0-9A-D,]+)")


class SearchIndex(Vocabulary):
    """The vocabulary, and for each of its words the claims that use it: in their own
    wording, or in their aliases only. Read from the claims' search vectors (claims.text)."""

    def __init__(self, vectors):
        """vectors: (claim id, search vector text) of every public claim."""
        self.in_wording: dict[str, list[int] | tuple[int, ...]] = {}
        self.in_aliases: dict[str, list[int] | tuple[int, ...]] = {}
        super().__init__(self._read(claim_id, vector or "") for claim_id, vector in vectors)
        self.in_wording = {word: tuple(ids) for word, ids in self.in_wording.items()}
        self.in_aliases = {word: tuple(ids) for word, ids in self.in_aliases.items()}
        # Rule 5: the claims whose own wording presents a benefit, and those about a lack.
        self.benefit = {c for word in BENEFIT_WORDS for c in self.in_wording.get(word, ())}
        self.lacking = {c for word in LACK_WORDS for c in self.in_wording.get(word, ())}

    def _read(self, claim_id: int, vector: str) -> set[str]:
        words = set()
        for word, positions in _LEXEME.findall(vector):
            words.add(word)
            if WORDING_TIER in positions:
                self.in_wording.setdefault(word, []).append(claim_id)
            elif ALIASES_TIER in positions:
                self.in_aliases.setdefault(word, []).append(claim_id)
        return words

    def found_by(self, word: QueryWord) -> list[str]:
        """The vocabulary's words that word finds (see QueryWord.patterns)."""
        found = []
        for text, is_prefix in word.patterns():
            if not is_prefix:
                found += [text] if text in self.frequency else []
                continue
            at = bisect_left(self.words, text)
            while at < len(self.words) and self.words[at].startswith(text):
                found.append(self.words[at])
                at += 1
        return found

    def tiers(self, word: QueryWord, among: set[int] | None = None) -> dict[int, float]:
        """The claims word is found in (of among, if given), each with the weight of the best
        tier it is in: own wording 1, aliases only Scorer.ALIASES / Scorer.WORDING."""
        aliases = Scorer.ALIASES / Scorer.WORDING
        tiers: dict[int, float] = {}
        found = self.found_by(word)
        for tier, postings in ((aliases, self.in_aliases), (1.0, self.in_wording)):
            for each in found:
                ids = postings.get(each, ())
                tiers.update(dict.fromkeys(ids if among is None else among.intersection(ids),
                                           tier))
        if word.intent:
            for claim_id in self.benefit if among is None else self.benefit & among:
                tiers[claim_id] = 1.0
            for claim_id in self.lacking.intersection(tiers):
                del tiers[claim_id]
        return tiers

    def candidates(self, words: list[QueryWord], limit: int) -> dict[int, float]:
        """The best `limit` claims with a query word in their wording or aliases, each with its
        rank: the sum over query words of word weight times tier weight. A word in more than
        RANK_LIMIT claims ("ms" here) narrows nothing, so it only adds to the rank of claims
        a rarer word found (or the rarest of the query's words, if all are that common)."""
        narrowed = {word: self.tiers(word) for word in narrowing(words)}
        found = set().union(*narrowed.values())
        rank = dict.fromkeys(found, 0.0)
        for word in words:
            tiers = narrowed[word] if word in narrowed else self.tiers(word, among=found)
            for claim_id, tier in tiers.items():
                rank[claim_id] += word.weight * tier
        return best_ranked(rank, limit)


def best_ranked(rank: dict[int, float], limit: int) -> dict[int, float]:
    """The `limit` claims of rank with the highest ranks, best first, ties by claim id.

    With thousands of claims (a common word), numpy finds the limit-th best rank and sorts
    only the claims at or above it, instead of a heap of Python tuples."""
    if len(rank) <= 2 * limit:
        best = sorted(rank, key=lambda claim_id: (-rank[claim_id], claim_id))[:limit]
        return {claim_id: rank[claim_id] for claim_id in best}
    ids = numpy.fromiter(rank.keys(), dtype=numpy.int64, count=len(rank))
    negated = -numpy.fromiter(rank.values(), dtype=numpy.float64, count=len(rank))
    cutoff = numpy.partition(negated, limit - 1)[limit - 1]
    kept = negated <= cutoff  # every claim tied with the limit-th stays for its id to decide
    ids, negated = ids[kept], negated[kept]
    order = numpy.lexsort((ids, negated))[:limit]
    return {int(claim_id): rank[int(claim_id)] for claim_id in ids[order]}


def narrowing(words: list[QueryWord]) -> list[QueryWord]:
    """The query words that narrow the search: those in at most RANK_LIMIT claims' wording,
    or if all are that common the rarest."""
    return [word for word in words if word.used_by <= RANK_LIMIT] or [
        min(words, key=lambda word: word.used_by)
    ]


class SearchIndexCache:
    """This process's SearchIndex of one content version: built at its first use, replaced
    when the version changes, dropped by clear(). search_index_cache is the one instance."""

    def __init__(self):
        # One attribute, swapped whole, so a thread never sees a key with another's index.
        self._held: tuple[tuple, SearchIndex] | None = None

    def get(self, version) -> SearchIndex:
        """The index of the content at version (a pagecache Version)."""
        key = (version.number, version.changed_at)
        held = self._held
        if held is None or held[0] != key:
            vectors = Claim.objects.public().values_list("id", "search_vector")
            held = self._held = (key, SearchIndex(vectors))
        return held[1]

    def clear(self) -> None:
        self._held = None


search_index_cache = SearchIndexCache()


def search_index(version) -> SearchIndex:
    """The index of the current content: rebuilt by each process when content changes."""
    return search_index_cache.get(version)
