"""Claim vectors: the texts that represent a published claim, their stored vectors
(ClaimVector), and the index of one content version that queries are compared with in memory.

A claim is represented by its own wording, what its page shows under "What you may have read"
(each origin's quote and our wording of it) and its aliases. Its stored vectors are the mean
of all those texts' vectors, then one mean for each of the three kinds it has; a query's
similarity to the claim is the average of its cosine with the overall mean and its best
cosine with a kind (bench/RESULTS.md, "Matching by meaning": this measured as well as one
vector per text, and it keeps a claim at four vectors however many aliases it gains).

Storage sits behind vector_index(version).similarities(): a move to pgvector (README) replaces
VectorIndex and the reads in VectorIndexCache, and nothing that calls them.
"""

import hashlib
import logging
import time

import numpy as np

from claims.models import PUBLIC_STATES, Claim, ClaimVector
from claims.search import embeddings
from pagecache import content_version

logger = logging.getLogger(__name__)

KINDS = ("wording", "read", "aliases")
# Queries compared with the index in one matrix product (similarities_many): at 10,000 claims
# a block of 64 holds a 10,000 x 3 x 64 product, about 8 MB.
BATCH_ROWS = 64
# Claims' vectors written by one INSERT when they are computed (claim_vectors_update).
VECTOR_BATCH = 500


def claim_passage_groups(claim) -> dict[str, list[str]]:
    """The texts that represent a claim, by kind (KINDS). Blank and repeated texts are left
    out. Reads claim.claim_origins (prefetch it for many claims)."""
    seen: set[str] = set()

    def fresh(texts):
        kept = []
        for text in texts:
            text = " ".join((text or "").split())
            if text and text.lower() not in seen:
                seen.add(text.lower())
                kept.append(text)
        return kept

    origins = list(claim.claim_origins.all())
    return {
        "wording": fresh([claim.text, claim.short_wording]),
        "read": fresh(text for origin in origins for text in (origin.quote, origin.wording)),
        "aliases": fresh(claim.alias_list()),
    }


def passages_hash(groups: dict[str, list[str]]) -> str:
    """What the vectors were computed from: the model and every text, by kind."""
    digest = hashlib.sha256(embeddings.MODEL_NAME.encode())
    for kind in KINDS:
        for text in groups[kind]:
            digest.update(f"\x1e{kind}\x1f{text}".encode())
    return digest.hexdigest()


def claim_rows(vectors: np.ndarray, kinds: list[str]) -> np.ndarray:
    """The stored rows of one claim from its texts' vectors (kinds[i] is the kind of row i):
    the normalised mean of all, then that of each kind present, in KINDS order."""
    rows = [vectors.mean(axis=0)]
    rows += [vectors[[k == kind for k in kinds]].mean(axis=0) for kind in KINDS if kind in kinds]
    rows = np.asarray(rows, dtype=np.float32)
    return rows / np.linalg.norm(rows, axis=1, keepdims=True).clip(min=1e-12)


# --- writes -------------------------------------------------------------------------------


def claim_vectors_update(*, claims=None, force: bool = False) -> int:
    """Compute and store the vectors of the given claims (all claims if None) that are in a
    published state and whose texts changed since their vectors were computed (or all of them
    with force). Returns how many were computed.

    Called where publication happens (editorial's claim and proposed-change services), by the
    importer, and by `manage.py compute_claim_vectors`. A draft's text is never encoded. If
    the model cannot be loaded nothing is written, and lexical search goes on meanwhile.
    """
    queryset = Claim.objects.all() if claims is None else Claim.objects.filter(
        pk__in=[claim.pk for claim in claims])
    published = list(
        queryset.filter(state__in=PUBLIC_STATES)
        .only("id", "text", "short_wording", "aliases")
        .prefetch_related("claim_origins")
        .order_by("id")
    )
    if not published:
        return 0
    stored = dict(
        ClaimVector.objects.filter(claim__in=[claim.pk for claim in published])
        .values_list("claim_id", "text_hash")
    )
    todo = []
    for claim in published:
        groups = claim_passage_groups(claim)
        digest = passages_hash(groups)
        if force or stored.get(claim.pk) != digest:
            todo.append((claim, groups, digest))
    if not todo:
        return 0
    texts, kinds = [], []
    for _, groups, _ in todo:
        for kind in KINDS:
            texts += groups[kind]
            kinds += [kind] * len(groups[kind])
    try:
        encoded = embeddings.encode_passages(texts)
    except embeddings.EmbeddingUnavailable:
        return 0
    # Each claim's texts are one run of the encoded rows, in the order of todo.
    written, start = [], 0
    for claim, groups, digest in todo:
        end = start + sum(len(groups[kind]) for kind in KINDS)
        rows = claim_rows(encoded[start:end], kinds[start:end])
        start = end
        written.append(ClaimVector(claim=claim, model_name=embeddings.MODEL_NAME,
                                   text_hash=digest, dimensions=rows.shape[1],
                                   vectors=rows.tobytes()))
    # One upsert for them all (a row per claim at most), in batches: saving each row took
    # minutes at 100,000 claims (bench/index_scale.py). A bulk write sends no signals, so the
    # content version is bumped once here, as a save of each row would have bumped it.
    ClaimVector.objects.bulk_create(
        written, batch_size=VECTOR_BATCH, update_conflicts=True, unique_fields=["claim"],
        update_fields=["model_name", "text_hash", "dimensions", "vectors", "computed_at"])
    content_version.bump()
    return len(todo)


# --- reads: the in-memory index of one content version ---------------------------------------


class VectorIndex:
    """The stored vectors of the public claims, as two arrays: each claim's overall mean, and
    its KINDS means (zero where it has no text of that kind); and, for the bound that lets a
    query skip most claims' kind vectors (Similarities), the widest angle between a claim's
    mean and one of its kinds."""

    def __init__(self, rows):
        """rows: (claim id, dimensions, vectors bytes) of every public claim with vectors."""
        rows = list(rows)
        self.claim_ids = np.array([claim_id for claim_id, _, _ in rows], dtype=np.int64)
        dimensions = rows[0][1] if rows else embeddings.DIMENSIONS
        self.means = np.zeros((len(rows), dimensions), dtype=np.float32)
        self.kinds = np.zeros((len(rows), len(KINDS), dimensions), dtype=np.float32)
        for at, (_, dims, data) in enumerate(rows):
            matrix = np.frombuffer(bytes(data), dtype=np.float32).reshape(-1, dims)
            self.means[at] = matrix[0]
            self.kinds[at, : len(matrix) - 1] = matrix[1:]
        self._flat_kinds = self.kinds.reshape(-1, dimensions)
        self.positions = {claim_id: at for at, claim_id in enumerate(self.claim_ids.tolist())}
        # Per claim: the widest angle between its mean and a kind it has, and whether it lacks
        # a kind (a missing kind's row is zero, so its cosine with any query is 0).
        present = np.abs(self.kinds).sum(axis=2) > 0
        cosines = np.einsum("cd,ckd->ck", self.means, self.kinds)
        angles = np.where(present, np.arccos(np.clip(cosines, -1.0, 1.0)), 0.0)
        self.spread = angles.max(axis=1, initial=0.0).astype(np.float32)
        self.lacks_a_kind = ~present.all(axis=1)

    def __len__(self) -> int:
        return len(self.claim_ids)

    @property
    def nbytes(self) -> int:
        return (self.means.nbytes + self.kinds.nbytes + self.claim_ids.nbytes
                + self.spread.nbytes + self.lacks_a_kind.nbytes)

    def similarities(self, query: np.ndarray) -> "Similarities":
        """Each claim's similarity to a query vector: the mean of its cosine with the claim's
        overall mean and its best cosine with one of the claim's kinds of text. The kinds are
        read only for the claims asked about (see Similarities)."""
        if not len(self):
            return Similarities(self, query, np.zeros(0, dtype=np.float32))
        return Similarities(self, query)

    def best_kind(self, positions: np.ndarray, query: np.ndarray) -> np.ndarray:
        """The best cosine of query with a kind of each claim at positions."""
        picked = self.kinds[positions].reshape(-1, self.kinds.shape[2])
        return (picked @ query).reshape(len(positions), len(KINDS)).max(axis=1)

    def similarities_many(self, queries: np.ndarray) -> list["Similarities"]:
        """similarities() for each row of queries, computed as matrix products (each claim
        vector is read once per batch rather than once per query): a pasted text's sentences
        ask about most claims between them."""
        if not len(self):
            return [Similarities(self, query, np.zeros(0, dtype=np.float32))
                    for query in queries]
        out = []
        for start in range(0, len(queries), BATCH_ROWS):
            block = queries[start:start + BATCH_ROWS].T  # dimensions x queries
            best_kind = (self._flat_kinds @ block).reshape(len(self), len(KINDS), -1).max(axis=1)
            scores = (self.means @ block + best_kind) / 2  # claims x queries
            out += [Similarities(self, query, np.ascontiguousarray(column))
                    for query, column in zip(queries[start:start + BATCH_ROWS], scores.T,
                                             strict=True)]
        return out


class Similarities:
    """A query's similarity to every claim of an index, read by claim id (a mapping).

    Computed as asked: the cosines with the claims' means at once, the kinds only for the
    claims read or those that can be among the closest. Spherical distance bounds the rest:
    a kind at most `spread` from its claim's mean has a cosine with the query of at most
    cos(max(0, angle to the mean - spread)), so a claim whose bound falls short is skipped
    without reading its kinds (at 10,000 claims they are 3 in 4 of the index's bytes).
    """

    def __init__(self, index: VectorIndex, query: np.ndarray, scores: np.ndarray | None = None):
        self.index, self.query = index, query
        self._scores = scores  # every claim's similarity, when computed all at once
        self._known: dict[int, float] = {}  # by position, when computed as asked
        self._means = None
        self._bounds = None

    def _mean_cosines(self) -> np.ndarray:
        if self._means is None:
            self._means = self.index.means @ self.query
        return self._means

    def _upper_bounds(self) -> np.ndarray:
        """For each claim, a similarity it cannot exceed."""
        if self._bounds is None:
            means = self._mean_cosines()
            angles = np.arccos(np.clip(means, -1.0, 1.0)) - self.index.spread
            best_kind = np.cos(np.clip(angles, 0.0, np.pi))
            best_kind = np.where(self.index.lacks_a_kind, np.maximum(best_kind, 0.0), best_kind)
            self._bounds = (means + best_kind) / 2 + 1e-5  # float32 rounding
        return self._bounds

    def _exact(self, positions) -> np.ndarray:
        """The similarity of the claims at positions."""
        positions = np.asarray(positions, dtype=np.int64)
        if self._scores is not None:
            return self._scores[positions]
        todo = np.array([at for at in positions.tolist() if at not in self._known],
                        dtype=np.int64)
        if len(todo):
            scores = (self._mean_cosines()[todo] + self.index.best_kind(todo, self.query)) / 2
            self._known.update(zip(todo.tolist(), scores.tolist(), strict=True))
        return np.array([self._known[at] for at in positions.tolist()], dtype=np.float32)

    def __len__(self) -> int:
        return len(self.index)

    def __contains__(self, claim_id) -> bool:
        return claim_id in self.index.positions

    def __getitem__(self, claim_id) -> float:
        at = self.index.positions[claim_id]
        if self._scores is not None:
            return float(self._scores[at])
        known = self._known.get(at)
        return known if known is not None else float(self._exact([at])[0])

    def get(self, claim_id, default=None):
        return self[claim_id] if claim_id in self else default

    def prefetch(self, claim_ids) -> None:
        """Computes the similarities of these claims in one product (before reading each)."""
        positions = [self.index.positions[i] for i in claim_ids if i in self.index.positions]
        if positions:
            self._exact(positions)

    def closest(self, limit: int, at_least: float | None = None) -> list[int]:
        """The ids of the `limit` most similar claims, best first; with at_least, only those
        whose similarity reaches it."""
        limit = min(limit, len(self))
        if limit <= 0:
            return []
        if self._scores is not None:
            positions, scores = np.arange(len(self)), self._scores
        else:
            positions, scores = self._closest_candidates(limit, at_least)
        if at_least is not None:
            keep = scores >= at_least
            positions, scores = positions[keep], scores[keep]
        limit = min(limit, len(scores))
        if limit <= 0:
            return []
        # Ties go to the lower position, as a stable sort of every claim would order them.
        order = np.lexsort((positions, -scores))[:limit]
        return self.index.claim_ids[positions[order]].tolist()

    def _closest_candidates(self, limit: int, at_least: float | None):
        """Positions that hold the `limit` closest claims (of those reaching at_least), and
        their exact similarities: read in order of their bound, until no claim left can
        beat the limit-th best found."""
        bounds = self._upper_bounds()
        order = np.arange(len(bounds)) if at_least is None else np.flatnonzero(bounds >= at_least)
        order = order[np.argsort(-bounds[order], kind="stable")]
        take = 4 * limit
        while True:
            positions = order[:take]
            scores = self._exact(positions)
            if take >= len(order):
                return positions, scores
            kth = np.sort(scores)[-limit] if len(scores) >= limit else -np.inf
            if kth > bounds[order[take]]:
                return positions, scores
            take *= 2
class VectorIndexCache:
    """This process's VectorIndex of one content version, like claims.search.index's
    SearchIndexCache: built at its first use, replaced when the version changes, dropped by
    clear(). vector_index_cache is the one instance."""

    def __init__(self):
        self._held: tuple[tuple, VectorIndex] | None = None  # swapped whole, thread-safe

    def get(self, version) -> VectorIndex:
        key = (version.number, version.changed_at)
        held = self._held
        if held is None or held[0] != key:
            started = time.perf_counter()
            rows = ClaimVector.objects.filter(
                claim__in=Claim.objects.public(), model_name=embeddings.MODEL_NAME
            ).order_by("claim_id").values_list("claim_id", "dimensions", "vectors")
            index = VectorIndex(rows)
            held = self._held = (key, index)
            logger.info("Vector index of %d claims built in %.0f ms (%.1f MB)", len(index),
                        1000 * (time.perf_counter() - started), index.nbytes / 1e6)
        return held[1]

    def clear(self) -> None:
        self._held = None


vector_index_cache = VectorIndexCache()


def similarities_by_meaning(text: str, version) -> Similarities | None:
    """Each public claim's similarity to text, by claim id; None when matching by meaning is
    not possible (no claim has vectors for this model, or the model did not load)."""
    many = similarities_by_meaning_many([text], version)
    return None if many is None else many[0]


def similarities_by_meaning_many(texts: list[str], version) -> list[Similarities] | None:
    """similarities_by_meaning for each of texts, in order, the texts encoded in one call of
    the model; None when matching by meaning is not possible."""
    index = vector_index_cache.get(version)
    if not len(index):
        return None
    try:
        queries = embeddings.encode_queries(list(texts))
    except embeddings.EmbeddingUnavailable:
        return None
    if len(queries) == 1:
        return [index.similarities(queries[0])]
    return index.similarities_many(queries)
