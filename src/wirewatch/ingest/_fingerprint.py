"""Duplicate fingerprints: an exact hash of the normalised text and a MinHash with LSH bands.

The store does the lookups; this module only does the math. Shingles are word 3-grams of the
normalised text (NFKC, case-folded; words are runs of letters and digits, so punctuation and
spacing do not matter). A text of fewer than three words is one shingle, so it still gets a
signature. The MinHash seed and scheme are pinned: signatures are stored, and must compare
equal across runs, machines and library upgrades.

Guarantee (see `_bands`): with the defaults (128 values, threshold 0.9), two texts whose
shingle sets have Jaccard similarity >= 0.9 share at least one band key with probability
>= 0.99; unrelated texts (similarity <= 0.3) share one with probability < 1e-4.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from wirewatch.ingest._bands import band_keys
from wirewatch.model import Fingerprint, normalize_text, text_hash

if TYPE_CHECKING:
    from datasketch import MinHash

SHINGLE_WORDS = 3
_SEED = 1
_SCHEME = "affine32"
_WORD = re.compile(r"\w+")


def shingles(text: str) -> set[bytes]:
    """Word 3-grams of the normalised text (one shingle of all words when there are fewer)."""
    words = _WORD.findall(normalize_text(text))
    if len(words) < SHINGLE_WORDS:
        return {" ".join(words).encode("utf-8")}
    return {
        " ".join(words[i : i + SHINGLE_WORDS]).encode("utf-8")
        for i in range(len(words) - SHINGLE_WORDS + 1)
    }


def fingerprint(text: str, *, num_perm: int = 128, threshold: float = 0.9) -> Fingerprint:
    """Exact hash, MinHash signature (`num_perm` ints) and LSH band keys tuned to `threshold`."""
    minhash = _empty_minhash(num_perm).copy()
    minhash.update_batch(sorted(shingles(text)))
    signature = [int(value) for value in minhash.hashvalues]
    return Fingerprint(
        text_hash=text_hash(text), signature=signature, bands=band_keys(signature, threshold)
    )


def similarity(signature_a: Sequence[int], signature_b: Sequence[int]) -> float:
    """MinHash estimate of the Jaccard similarity of two texts' shingle sets (0..1)."""
    if len(signature_a) != len(signature_b) or not signature_a:
        raise ValueError(
            f"signatures must be non-empty and of equal length, got "
            f"{len(signature_a)} and {len(signature_b)}"
        )
    same = sum(1 for a, b in zip(signature_a, signature_b, strict=True) if a == b)
    return same / len(signature_a)


@lru_cache(maxsize=8)
def _empty_minhash(num_perm: int) -> MinHash:
    # Imported here: the datasketch package pulls in scipy (about a second), which reading
    # files does not need. Building the permutations is the costly part, so a template is
    # kept and copied; copies share nothing mutable with it.
    from datasketch import MinHash

    return MinHash(num_perm=num_perm, seed=_SEED, scheme=_SCHEME)
