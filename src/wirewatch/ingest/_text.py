"""Dated text (`date YYYY-MM-DD ` then the body) and plain text (date from the default).

The body is kept as written; only the white space around it is trimmed, so offsets into
`Document.text` count from the body's first character.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from wirewatch.ingest._decode import decode
from wirewatch.ingest._record import build
from wirewatch.ingest._source import Output, ReadOptions, Source, read_bounded

# BOM and white space may precede the header (the seed article starts with a space). The date
# must look like one, so prose that happens to begin "date of ..." stays plain text, while a
# date-shaped but impossible header ("2019-02-30", "2019-3-5") is reported as a bad date.
_DATED = re.compile(r"[\ufeff\s]*date[ \t]+(\d{4}-\d{1,2}-\d{1,2})(?:\s+|$)")


def read_text(source: Source, options: ReadOptions) -> Iterator[Output]:
    with source.open() as stream:
        data = read_bounded(stream, options.max_text_bytes, "the file")
    decoded = decode(data)
    yield build(source.origin(), split_dated(decoded.text), options, replaced=decoded.replaced)


def split_dated(content: str) -> dict[str, object]:
    """{"date", "text"} for the dated form, {"text"} for plain text."""
    header = _DATED.match(content)
    if header is None:
        return {"text": content.strip()}
    return {"date": header.group(1), "text": content[header.end() :].rstrip()}


def is_dated(content: str) -> bool:
    return _DATED.match(content) is not None
