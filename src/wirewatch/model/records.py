"""Records of the ingest path: where an input came from, why it was rejected, its fingerprint.

Not part of the analysis contract, but shared by `ingest`, `store` and `batch`, so they live
here, below all of them.
"""

from __future__ import annotations

import re
from typing import Literal

from pydantic import Field, field_validator

from wirewatch.model.contract import Document, Model

RejectReason = Literal[
    "unreadable",  # the file or stream could not be opened or read
    "undecodable",  # no charset could decode the bytes
    "binary",  # the bytes are not text at all
    "malformed",  # a JSONL/CSV/XML/WARC record that does not parse or lacks `text`
    "missing_date",  # no date in the record and no default date given
    "bad_date",  # a date that does not parse or cannot exist (2019-02-30)
    "empty_text",  # nothing left after stripping markup and white space
    "too_large",  # text over the size cap (settings.max_chars)
    "unsupported",  # a file type no reader handles
    "not_a_file",  # a FIFO, socket or device: reading it could block forever
    "analysis_failed",  # the document was stored but analysing it raised an error
    "store_failed",  # the database refused the record (kept out, the batch went on)
]

_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")

Outcome = Literal["stored", "duplicate", "rejected"]
# exact: the same text; near: nearly the same text (Jaccard over the threshold); version: a
# different text under an id already stored; again: the very input stored or recorded before.
DuplicateKind = Literal["exact", "near", "version", "again"]


class Origin(Model):
    """Where one input record came from: a path (or "-" for stdin) and a place inside it."""

    source: str
    locator: str = ""  # "line 12", "row 3", "item 2", "record 5 @ offset 1024"

    @field_validator("source", "locator")
    @classmethod
    def _storable(cls, value: str) -> str:
        # A file name that is not UTF-8 reaches Python with lone surrogates; shown escaped
        # (\udcff), it can be stored and printed, and still says which file it was.
        if _UNSTORABLE.search(value):
            return _UNSTORABLE.sub(lambda m: m.group().encode("unicode_escape").decode(), value)
        return value

    def __str__(self) -> str:
        return f"{self.source}:{self.locator}" if self.locator else self.source


class Incoming(Model):
    """A document a reader produced, with its origin."""

    origin: Origin
    document: Document
    # Undecodable bytes of the record replaced by U+FFFD: mostly-UTF-8 input with a few damaged
    # bytes is read as UTF-8 rather than guessed as another charset (see ingest/_decode.py).
    replaced: int = Field(default=0, ge=0)


class Reject(Model):
    """An input that did not become a document, with the reason. Nothing is dropped silently."""

    origin: Origin
    reason: RejectReason
    message: str


class Fingerprint(Model):
    """What duplicate detection compares: the normalised-text hash and MinHash LSH band keys."""

    text_hash: str
    signature: list[int] = Field(default_factory=list)  # MinHash hash values
    bands: list[str] = Field(default_factory=list)  # one key per LSH band


class IngestResult(Model):
    """What happened to one input."""

    origin: Origin
    outcome: Outcome
    document_id: str | None = None
    duplicate_of: str | None = None
    kind: DuplicateKind | None = None  # for duplicates
    reason: RejectReason | None = None
    message: str | None = None
