"""What every table shares: the row base (each row names its source) and term normalisation.

Lookups compare normalised keys, so "the Kremlin", "Kremlin's" and "KREMLIN" meet on one key.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import TypeVar

from pydantic import BaseModel, ConfigDict, Field

_POSSESSIVE = re.compile(r"(?<=\w)['’]s\b|(?<=s)['’](?=\s|$)")
_ARTICLE = re.compile(r"^the\s+")
_PUNCT = re.compile(r"[.\u00b7]")  # "U.S." and "U.S" both become "us"
_SPACE = re.compile(r"[\s\-‐–]+")
T = TypeVar("T")


class Row(BaseModel):
    """A data row: unknown fields are an error and every row says where it came from."""

    model_config = ConfigDict(extra="forbid")
    source: str = Field(min_length=2)


def expose_private(table: BaseModel) -> BaseModel:
    """Copy a validated table's private attributes into its instance dict, where plain
    attribute lookup finds them. Pydantic keeps them in `__pydantic_private__` behind
    `__getattr__`, whose path costs microseconds per access, and the extraction steps read
    them tens of thousands of times per batch. Tables set them only in their validators and
    never rebind them afterwards, so the copies cannot go stale."""
    for name, value in (table.__pydantic_private__ or {}).items():
        table.__dict__[name] = value
    return table


@lru_cache(maxsize=1 << 16)  # pure; the extraction steps key the same few words again and again
def key(term: str) -> str:
    """The comparison key of a term: accents, case, a leading "the", a possessive,
    dots and hyphens dropped; white space folded."""
    text = unicodedata.normalize("NFKD", term.strip())
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    text = _POSSESSIVE.sub("", text.strip()).replace("'", "").replace("’", "")
    text = _ARTICLE.sub("", _PUNCT.sub("", text))
    return _SPACE.sub(" ", text).strip()


def index(entries: list[tuple[str, str, T]], table: str) -> dict[str, T]:
    """A key -> value map from (term, owner, value); the first entry of an owner wins, and
    two different owners claiming one term is a data error (an ambiguous lexicon)."""
    out: dict[str, T] = {}
    owners: dict[str, str] = {}
    for term, owner, value in entries:
        k = key(term)
        if k in owners:
            if owners[k] != owner:
                raise ValueError(f"{table}: term {term!r} is claimed by {owners[k]} and {owner}")
            continue
        owners[k], out[k] = owner, value
    return out
