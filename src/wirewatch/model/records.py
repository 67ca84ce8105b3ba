"""Records of the ingest path: where an input came from, why it was rejected, its fingerprint.

Not part of the analysis contract, but shared by `ingest`, `store` and `batch`, so they live
here, below all of them.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

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

Outcome = Literal["stored", "duplicate", "rejected"]


class Origin(Model):
    """Where one input record came from: a path (or "-" for stdin) and a place inside it."""

    source: str
    locator: str = ""  # "line 12", "row 3", "item 2", "record 5 @ offset 1024"

    def __str__(self) -> str:
        return f"{self.source}:{self.locator}" if self.locator else self.source


class Incoming(Model):
    """A document a reader produced, with its origin."""

    origin: Origin
    document: Document


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
    reason: RejectReason | None = None
    message: str | None = None
