"""Near-duplicate articles (syndicated wire copies, lightly edited reprints) with MinHash LSH.

A body becomes the set of its word shingles (runs of SHINGLE_WORDS lower-cased words); MinHash
estimates the Jaccard similarity of two such sets, and LSH finds the candidates above the
threshold without comparing every pair. A candidate counts only when its estimated similarity
really reaches the threshold (LSH also returns some below it). An article's `duplicate_of` is
the earliest such article of the batch.

Signatures are computed where the article is extracted (in the worker processes, as the
executor's `annotate`) and only their hash values travel back; the index lives in the process
that writes the output. The threshold is a setting (NEWSGRAPH_NEAR_DUPLICATES).
"""

from __future__ import annotations

import re
import zlib
from typing import Any

NUM_PERM = 128
SCHEME = "affine32"  # named: signatures made in one process are read in another
SHINGLE_WORDS = 3  # short shingles: a small edit changes few of them
WORD = re.compile(r"\w+")

Signature = Any  # numpy array of NUM_PERM unsigned 64-bit hash values


def signature(body: str) -> Signature | None:
    """The MinHash values of a body's word shingles; None for a body too short to have any."""
    words = WORD.findall(body.casefold())
    if len(words) < SHINGLE_WORDS:
        return None
    shingles = {
        " ".join(words[i : i + SHINGLE_WORDS]).encode("utf-8")
        for i in range(len(words) - SHINGLE_WORDS + 1)
    }
    # CRC-32: deterministic in every process (unlike hash()) and faster than datasketch's SHA-1.
    minhash = _minhash_type()(num_perm=NUM_PERM, scheme=SCHEME, hashfunc=zlib.crc32)
    minhash.update_batch(list(shingles))
    return minhash.hashvalues


class NearDuplicates:
    """An index of the articles seen so far, answering "which earlier one is this a copy of?"."""

    def __init__(self, threshold: float) -> None:
        from datasketch import MinHashLSH

        self.threshold = threshold
        self._lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
        self._signatures: dict[str, Any] = {}
        self._order: dict[str, int] = {}

    def add(self, article_id: str, values: Signature | None) -> str | None:
        """Index an article; return the id of the earliest near-duplicate before it, if any."""
        if values is None or article_id in self._order:
            return None
        minhash = _minhash_type()(num_perm=NUM_PERM, hashvalues=values, scheme=SCHEME)
        original = self._earliest_match(minhash)
        self._lsh.insert(article_id, minhash)
        self._signatures[article_id] = minhash
        self._order[article_id] = len(self._order)
        return original

    def _earliest_match(self, minhash: Any) -> str | None:
        matches = [
            key
            for key in self._lsh.query(minhash)
            if self._signatures[key].jaccard(minhash) >= self.threshold
        ]
        return min(matches, key=self._order.__getitem__) if matches else None


def _minhash_type() -> Any:
    # datasketch imports scipy (most of a second): only batches that look for duplicates pay.
    from datasketch import MinHash

    return MinHash
