"""Stable, content-derived identifiers.

The same text and metadata must always give the same ids, across runs and machines, so ids are
short hashes of the parts that define the thing, never counters or random values.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

_SPACE = re.compile(r"\s+")


def stable_id(prefix: str, *parts: object) -> str:
    """`prefix` + 16 hex digits of SHA-256 over the parts, joined unambiguously."""
    digest = hashlib.sha256()
    for part in parts:
        digest.update(repr(part).encode("utf-8"))
        digest.update(b"\x1f")
    return f"{prefix}_{digest.hexdigest()[:16]}"


def normalize_text(text: str) -> str:
    """Text as compared for exact duplicates: NFKC, case-folded, white space folded."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    return _SPACE.sub(" ", folded).strip()


def text_hash(text: str) -> str:
    """SHA-256 of the normalised text: equal for copies that differ only in case or spacing."""
    return hashlib.sha256(normalize_text(text).encode("utf-8")).hexdigest()
