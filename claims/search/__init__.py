"""Lay-language search over public claims: it answers the question a person types.

The ranking rules, all in one place. SQLite and PostgreSQL apply the same ones (the scorer,
and on PostgreSQL the index that picks its candidates). The names in capitals are constants
of this package's modules, which are:

- words: normalising a query, the stemmer, synonyms, intent words and sound keys;
- vocabulary: a query's words as the claims' vocabulary reads them (corrections, weights);
- index: PostgreSQL's per-process index, and the SearchIndexCache that keeps it;
- postgres and sqlite: the candidates each database hands the scorer;
- scoring: the lexical order, of candidates from whichever function found them;
- embeddings: the sentence-embedding model (WordLlama), behind encode_queries and
  encode_passages;
- vectors: the texts that represent a claim, its stored vectors (ClaimVector) and the
  per-process VectorIndexCache of one content version;
- ranking: the final order, the lexical score blended with the similarity by meaning
  (rule 10), and the levels a score reaches;
- matching: the closest claims to a sentence, with their level (the "Check a text" page and
  the suggestion inbox).

1. Words. A query is normalised like the claims (claims.text: case, accents, punctuation;
   "b-12" is "b12"); a few phrases become one word (PHRASES: "multiple sclerosis" is "ms");
   filler words go (STOPWORDS), except "for" between two words (rule 5); MAX_TERMS are kept.
2. What a word finds: claim words that are it, share its stem, or start with its stem
   ("remyelinate" finds "remyelination", "vit" "vitamin"); words of one or two letters ("ms",
   "d3") only themselves.
3. Synonyms. A word also finds the words of its SYNONYMS group, as in rule 2, at
   SYNONYM_QUALITY: "jabs", "shots" and "needle" find "injections"; "pills" "tablets";
   "tiredness" and "exhaustion" "fatigue"; "anemia" "anaemia"; "heartburn" "ppis".
4. Typos. A word no claim uses (in its wording or aliases), and no table here knows, is read
   as up to MAX_CORRECTIONS words that claims use: those that look like it (difflib ratio at
   least FUZZY_CUTOFF: "suplements", "tiredniss"), or if none, those that sound like it
   (sound_key: "injekshuns", "injecshons"). A correction finds what it would have found
   if typed (rules 2, 3, 5), at CORRECTION_QUALITY.
5. Intent. A word asking whether something treats or helps (INTENT_WORDS: cure, treat, help,
   work, good...), or "for" between two words ("b12 for ms", "jabs for tiredness"), also
   finds every claim whose own wording presents something as a benefit (BENEFIT_WORDS: helps,
   treats, eases, reduces, protects, supports, should, essential...), as strongly as its own
   word there. It finds nothing in a claim whose own wording is about a lack of B12
   (LACK_WORDS): "cure" in "b12 cure ms" does not mean curing a deficiency. When the query
   itself is about a lack ("is b12 deficiency curable") there is no intent: its words count
   as plain words and "for" is dropped.
6. Weights. Rarer words weigh more: an inverse document frequency over the claims that use
   the word or what it finds by rules 3 to 5. A query's weights average 1.
7. Tiers. A word counts most in a claim's own wording (text and short wording), then in its
   aliases (the editors' lay wordings), least in its summary and verdict
   reason. Within a tier it counts by how well it matched (match_quality and rules 3 to 5).
8. Bonuses. Finding every query word adds ALL_WORDS_BONUS; the query's words side by side
   in the wording or aliases add PHRASE_BONUS.
9. Ties go to the better PostgreSQL candidate rank, then topic order, then claim number.
10. Meaning. The query is also compared, as a whole, with each public claim's vectors
   (claims.search.vectors: its wording, its "What you may have read" text and its aliases):
   its similarity is the mean of its cosine with the claim's overall mean vector and its
   best cosine with one kind of text. The model also reads the words rule 4 corrected a
   misspelt term to. A claim's final score is that similarity plus LEXICAL_WEIGHT x its
   score by rules 2 to 8 / the query's best such score. Every claim rules 1 to 8 find is
   kept, in that blended order ("getting older and not soaking up b12 like before" puts
   "B12 absorption falls as we get older" first); a claim they miss is added when its
   similarity alone is at least MEANING_ONLY_FLOOR. Ties go to the better lexical score,
   then topic order, then claim number. Without the model, or before any claim has vectors,
   the order is that of rules 1 to 9.

On PostgreSQL each process keeps an index of that vocabulary for the current content version
(SearchIndex, kept by search_index_cache: which claims use each word, in their own wording or
only in their aliases), built once per content change from the stored search vectors. It ranks
the claims a query word finds in their wording or aliases by tier and word weight (rules 2 to
7), and the best CANDIDATE_LIMIT of them are the candidates; if there are too few, claims with
a query word only in their summary (the GIN index on search_words) make up the number. SQLite,
used for local runs, takes every public claim. On both, the final order comes from the same
small scorer, run only on the candidates: it reads each as a ClaimTerms (its tiers' words,
the summary as a bit mask over the version's ScoringVocabulary), kept by claim id for the
content version (ranking.claim_terms), and finds each query word's matches once among the
vocabulary (kept by it too), so a new search reads from the database only the claims no
search before it read, and the results' claims to show (kept as well). Both databases give the same
results until PostgreSQL has more matches than it hands the scorer: then it keeps the best of
the own-wording matches. Rule 10 reads each process's VectorIndex of the current content
version (kept by vector_index_cache, built once per content change from the ClaimVector
rows); the similarities are computed in memory, on both databases alike, and for the claims
asked about only: a bound from each claim's mean vector skips the rest (vectors.Similarities).
"""

from claims.models import Claim
from claims.search.index import (
    RANK_LIMIT,
    SearchIndex,
    SearchIndexCache,
    search_index,
    search_index_cache,
)
from claims.search.postgres import CANDIDATE_LIMIT, _Matches
from claims.search.ranking import lexical_ranking, ranked_claims, ranked_ids
from claims.search.scoring import Scorer, match_quality
from claims.search.vocabulary import QueryWord, Vocabulary
from claims.search.words import MAX_QUERY_LENGTH, MAX_TERMS, query_terms, sound_key, stem

__all__ = [
    "CANDIDATE_LIMIT", "MAX_QUERY_LENGTH", "MAX_TERMS", "RANK_LIMIT", "QueryWord", "Scorer",
    "SearchIndex", "SearchIndexCache", "Vocabulary", "_Matches", "match_quality", "query_terms",
    "lexical_ranking", "ranked_claims", "search_claim_ids", "search_claims", "search_index",
    "search_index_cache",
    "sound_key", "stem",
]


def search_claims(query: str, limit: int = 20, *, version=None) -> list[Claim]:
    """Public claims matching a lay query, best first (rules 1 to 10).

    Queries: see claims.search.ranking.ranked_claims.
    """
    return [ranked.claim for ranked in ranked_claims(query, limit, version=version)]


def search_claim_ids(query: str, limit: int = 20, *, version=None) -> list[int]:
    """The ids of the claims search_claims gives, in its order, without reading the claims
    (the search page renders rows it has kept; claims.search.ranking.ranked_ids)."""
    return ranked_ids(query, limit, version=version)
