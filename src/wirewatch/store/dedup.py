"""Duplicate lookup in the database: exact by text hash, near by shared LSH bands.

Candidates come from the indexed `document_bands` table, so memory stays flat however many
documents are stored; each candidate is verified on its stored MinHash signature.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence

from sqlalchemy import Connection, func, select

from wirewatch.model import Fingerprint
from wirewatch.store.tables import document_bands, documents

# Candidate ids fetched per query: keeps the IN lists short on both backends.
CHUNK = 500


def band_keys(fp: Fingerprint) -> list[int]:
    """One signed 64-bit hash per band, of its position and key: equal keys in different
    bands are no match. A collision only adds a candidate; the signature check decides."""
    return [_hash64(f"{position}:{key}") for position, key in enumerate(fp.bands)]


def _hash64(text: str) -> int:
    digest = hashlib.blake2b(text.encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)


def similarity(left: Sequence[int], right: Sequence[int]) -> float:
    """Jaccard estimate: the share of positions where two MinHash signatures agree."""
    if not left or len(left) != len(right):
        return 0.0
    return sum(a == b for a, b in zip(left, right, strict=True)) / len(left)


def find_duplicate(
    connection: Connection, fp: Fingerprint, threshold: float
) -> tuple[str, float] | None:
    if not 0 < threshold <= 1:
        raise ValueError(f"near-duplicate threshold must be in (0, 1], got {threshold}")
    # min(), not ORDER BY seq LIMIT 1: PostgreSQL would walk the primary key in seq order
    # and test every row's hash instead of using the hash index.
    exact = connection.execute(
        select(func.min(documents.c.id)).where(documents.c.text_hash == fp.text_hash)
    ).scalar()
    if exact is not None:
        return exact, 1.0
    return _nearest(connection, fp, threshold)


def _nearest(connection: Connection, fp: Fingerprint, threshold: float) -> tuple[str, float] | None:
    keys = band_keys(fp)
    if not keys or not fp.signature:
        return None
    candidates = (
        connection.execute(
            select(document_bands.c.document_id).where(document_bands.c.band.in_(keys)).distinct()
        )
        .scalars()
        .all()
    )
    best: tuple[str, float] | None = None
    for start in range(0, len(candidates), CHUNK):
        rows = connection.execute(
            select(documents.c.id, documents.c.signature).where(
                documents.c.id.in_(candidates[start : start + CHUNK])
            )
        )
        for doc_id, signature in rows:
            score = similarity(fp.signature, json.loads(signature))
            # Ties go to the smaller id so the answer does not depend on row order.
            if score >= threshold and (best is None or (score, best[0]) > (best[1], doc_id)):
                best = (doc_id, score)
    return best
