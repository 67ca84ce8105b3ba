"""LSH banding: how a MinHash signature is cut into bands, and the keys of those bands.

Two signatures that agree on every value of some band share that band's key, so the store finds
near-duplicate candidates by key lookup and then confirms them with `similarity`. For texts of
Jaccard similarity s, a band of r rows matches with probability s**r, so at least one of b bands
matches with probability P(s) = 1 - (1 - s**r)**b.

datasketch picks (b, r) by minimising the sum of false-positive and false-negative areas; with
equal weights that gives b=5, r=25 for threshold 0.9 and 128 hash values, where P(0.9) is only
0.31. A missed candidate loses a duplicate while an extra one costs one signature comparison, so
here the shape is chosen by recall first: the (b, r) with b*r <= num_perm whose P(threshold) is
at least RECALL_AT_THRESHOLD and whose false-positive area (the integral of P below the
threshold, as datasketch defines it) is smallest. For threshold 0.9 and 128 values that is
b=11, r=10: P(0.9) = 0.991, P(0.95) > 0.9999, P(0.7) = 0.27, P(0.5) = 0.011, P(0.3) < 1e-4.
"""

from __future__ import annotations

import hashlib
import struct
from collections.abc import Sequence
from functools import lru_cache

RECALL_AT_THRESHOLD = 0.99
_INTEGRATION_STEPS = 200  # Simpson's rule; the integrand is smooth, so this is ample


def collision_probability(similarity: float, bands: int, rows: int) -> float:
    """Chance that two texts of this Jaccard similarity share at least one band."""
    return 1.0 - (1.0 - similarity**rows) ** bands


@lru_cache(maxsize=64)
def band_shape(threshold: float, num_perm: int) -> tuple[int, int]:
    """(bands, rows) for this threshold and signature length (see the module docstring)."""
    if not 0.0 < threshold <= 1.0:
        raise ValueError(f"threshold must be in (0, 1], got {threshold}")
    shapes = [(b, r) for b in range(1, num_perm + 1) for r in range(1, num_perm // b + 1)]
    sure = [s for s in shapes if collision_probability(threshold, *s) >= RECALL_AT_THRESHOLD]
    if not sure:  # too few hash values for the recall target: take the best recall there is
        return max(shapes, key=lambda s: (collision_probability(threshold, *s), -s[0]))
    return min(sure, key=lambda s: (_false_positive_area(threshold, *s), -s[0] * s[1]))


def band_keys(signature: Sequence[int], threshold: float) -> list[str]:
    """One key per band: "<band index>:<digest of the band's values>"."""
    bands, rows = band_shape(threshold, len(signature))
    return [
        f"{index}:{_digest(signature[index * rows : (index + 1) * rows])}" for index in range(bands)
    ]


def _digest(values: Sequence[int]) -> str:
    packed = struct.pack(f">{len(values)}Q", *values)
    return hashlib.blake2b(packed, digest_size=8).hexdigest()


def _false_positive_area(threshold: float, bands: int, rows: int) -> float:
    step = threshold / _INTEGRATION_STEPS
    total = 0.0
    for index in range(_INTEGRATION_STEPS + 1):
        weight = 1 if index in (0, _INTEGRATION_STEPS) else (4 if index % 2 else 2)
        total += weight * collision_probability(index * step, bands, rows)
    return total * step / 3
