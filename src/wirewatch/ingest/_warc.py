"""WARC crawls (`.warc`, `.warc.gz`), read record by record with warcio.

`response` (and `resource`) records holding HTML become documents: text by trafilatura, URL from
WARC-Target-URI. The date is the one the page declares when it has one, else WARC-Date: a crawl
may fetch a story days after it ran, and relative dates ("yesterday") count from publication.
Other record types (warcinfo, request, metadata, revisit) are the crawl's bookkeeping, not
documents, and are passed over; a response that is not an HTML page is rejected as unsupported.
A crawl cut off mid-record (an interrupted download) is reported, never read as a shorter page.
"""

from __future__ import annotations

import itertools
import zlib
from collections.abc import Iterator
from typing import Any

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.statusandheaders import StatusAndHeadersParserException

from wirewatch.ingest._decode import decode
from wirewatch.ingest._errors import RecordError, reject
from wirewatch.ingest._html import page_fields
from wirewatch.ingest._record import build
from wirewatch.ingest._source import Output, ReadOptions, Source, read_bounded
from wirewatch.model import Reject

_DOCUMENT_RECORDS = ("response", "resource")
# warcio reports damaged input with assorted exceptions, not only its own ArchiveLoadFailed
# (a record cut inside its headers surfaces as an AttributeError from its loader).
_DAMAGED = (
    ArchiveLoadFailed,
    StatusAndHeadersParserException,
    ValueError,
    EOFError,
    zlib.error,
    AttributeError,
    TypeError,
)
_HTML_TYPES = ("text/html", "application/xhtml+xml")


def read_warc(source: Source, options: ReadOptions) -> Iterator[Output]:
    with source.open() as stream:
        records = ArchiveIterator(stream)
        for number in itertools.count(1):
            try:
                record = next(records, None)
            except _DAMAGED as error:
                yield _damaged(
                    source,
                    f"record {number}",
                    f"the WARC data does not parse from here on: {type(error).__name__}: {error}",
                )
                return
            if record is None:
                break
            if record.rec_type in _DOCUMENT_RECORDS:
                yield _one(source, number, record, records, options)
        yield from _unparsed_tail(source, records)


def _one(
    source: Source, number: int, record: Any, records: ArchiveIterator, options: ReadOptions
) -> Output:
    try:
        (fields, replaced), problem = record_fields(record, options), None
    except RecordError as error:
        (fields, replaced), problem = ({}, 0), error
    # The offset is known once the record has been read to its end (warcio does that here).
    origin = source.origin(f"record {number} @ offset {records.get_record_offset()}")
    missing = getattr(record.raw_stream, "limit", 0)  # what Content-Length promised but lacked
    if missing:
        return reject(
            origin,
            "malformed",
            f"the record is cut short: {missing:,} bytes of its content are missing",
        )
    if problem is not None:
        return problem.reject(origin)
    return build(origin, fields, options, replaced=replaced)


def _unparsed_tail(source: Source, records: ArchiveIterator) -> Iterator[Reject]:
    # warcio ends quietly when a record is cut inside its headers; what it read but did not
    # parse shows as the distance between the end of input and the end of the last record.
    unread = records.fh.tell() - records.offset
    if unread > 0:
        yield _damaged(
            source,
            f"offset {records.offset}",
            f"the last {unread:,} bytes do not "
            "parse as a WARC record (a crawl cut off mid-record?)",
        )


def _damaged(source: Source, locator: str, message: str) -> Reject:
    # warcio quotes the bytes it choked on, binary included: `reject` makes them one line.
    return reject(source.origin(locator), "malformed", message)


def record_fields(record: Any, options: ReadOptions) -> tuple[dict[str, object], int]:
    """The page's fields, and how many undecodable bytes of it were replaced."""
    _check_html(record)
    body = read_bounded(record.content_stream(), options.max_markup_bytes, "the page")
    decoded = decode(body)
    fields = page_fields(decoded.text)
    headers = record.rec_headers
    fields["url"] = headers.get_header("WARC-Target-URI") or fields.get("url")
    fields.setdefault("date", headers.get_header("WARC-Date"))
    return fields, decoded.replaced


def _check_html(record: Any) -> None:
    http = record.http_headers
    if http is not None:
        status = http.get_statuscode() or ""
        if not status.startswith("2"):
            raise RecordError(
                "unsupported", f"HTTP status {status or 'missing'}: not a page to read"
            )
        declared = http.get_header("Content-Type")
    else:
        declared = record.rec_headers.get_header("Content-Type")
    media = (declared or "").split(";")[0].strip().lower()
    if media not in _HTML_TYPES:
        raise RecordError(
            "unsupported", f"the record holds {media or 'an undeclared type'}, not an HTML page"
        )
