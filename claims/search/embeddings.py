"""The sentence-embedding model that matching by meaning uses, behind three names
(encode_queries, encode_passages, MODEL_NAME), so that the engine can be swapped here alone.

The engine is WordLlama 0.4.0.post1 (l2_supercat, 256 dimensions; MIT), a static model whose
weights ship inside its wheel: nothing is downloaded at run time. bench/RESULTS.md ("Matching
by meaning") has the measurement it was chosen by, and README.md its licence and provenance.
It is loaded once per process, at first use. If it cannot be loaded (the package or its files
missing, a broken install), `available()` is False, the encoders raise EmbeddingUnavailable,
and search and matching go on with the lexical rules alone.

Threads: settings.EMBEDDING_THREADS (environment variable EMBEDDING_THREADS, default 1, for
2-core hosts where two workers share the cores) caps the threads numpy's BLAS and the
tokenizer may start; config/settings.py sets their environment variables before anything
loads them.
"""

import logging
import threading

import numpy as np

logger = logging.getLogger(__name__)

ENGINE = "wordllama"
ENGINE_VERSION = "0.4.0.post1"
MODEL_NAME = f"{ENGINE}-{ENGINE_VERSION}/l2_supercat_256"
DIMENSIONS = 256


class EmbeddingUnavailable(RuntimeError):
    """The model could not be loaded in this process."""


def _load_model():
    """The engine, loaded from the files inside its wheel (never from the network)."""
    from pathlib import Path

    import wordllama

    return wordllama.WordLlama.load(
        cache_dir=Path(wordllama.__file__).parent, disable_download=True, dim=DIMENSIONS
    )


class _Model:
    """This process's model: loaded at first use; a failure is remembered, so a broken install
    costs one attempt and one log line per process, not one per query."""

    def __init__(self):
        self._lock = threading.Lock()
        self._engine = None
        self._failure: str | None = None

    def get(self):
        if self._engine is None and self._failure is None:
            with self._lock:
                if self._engine is None and self._failure is None:
                    try:
                        self._engine = _load_model()
                    except Exception as exc:  # import error, missing file, broken wheel
                        self._failure = f"{exc.__class__.__name__}: {exc}"
                        logger.warning(
                            "Matching by meaning is off: the embedding model %s did not load "
                            "(%s). Search and matching use the lexical rules alone.",
                            MODEL_NAME, self._failure,
                        )
        if self._engine is None:
            raise EmbeddingUnavailable(self._failure)
        return self._engine

    def reset(self) -> None:
        """Forget the model and any failure (tests; a process that fixed its install)."""
        with self._lock:
            self._engine, self._failure = None, None


model = _Model()


def available() -> bool:
    """Whether the model is loaded, or loads now."""
    try:
        model.get()
    except EmbeddingUnavailable:
        return False
    return True


def _encode(texts: list[str]) -> np.ndarray:
    texts = list(texts)
    if not texts:
        return np.zeros((0, DIMENSIONS), dtype=np.float32)
    vectors = model.get().embed(texts, norm=True)
    return np.ascontiguousarray(vectors, dtype=np.float32)


def encode_queries(texts: list[str]) -> np.ndarray:
    """What people typed or pasted, as unit vectors: an array of len(texts) x DIMENSIONS."""
    return _encode(texts)


def encode_passages(texts: list[str]) -> np.ndarray:
    """Claim texts, as unit vectors. WordLlama encodes both sides alike; an engine with
    separate prefixes (e5's "query: " and "passage: ") would differ here only."""
    return _encode(texts)
