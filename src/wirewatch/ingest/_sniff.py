"""Content sniffing for inputs whose name does not say their format (and for stdin).

Each sniffer looks at the first bytes only; the first that recognises them names the format.
Order matters where shapes overlap: a feed is XML before it is anything else, and a dated text
is checked before JSONL/CSV because its first word is fixed.
"""

from __future__ import annotations

import csv
import re
import zlib
from collections.abc import Callable

from wirewatch.ingest._decode import preview
from wirewatch.ingest._text import is_dated

_GZIP_MAGIC = b"\x1f\x8b"
_FEED_ROOT = re.compile(r"<(rss|feed|rdf:RDF)[\s>]")
_HTML_ROOT = re.compile(r"<(!doctype\s+html|html)[\s>]", re.IGNORECASE)
# How far into the head a root element may appear (after a prolog, comments, a doctype).
_PROLOG_CHARS = 4096


def looks_warc(head: bytes) -> bool:
    if head.startswith(_GZIP_MAGIC):
        try:
            head = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head[:_PROLOG_CHARS])
        except zlib.error:
            return False
    return head.startswith(b"WARC/")


def looks_feed(head: bytes) -> bool:
    text = preview(head).lstrip()
    return text.startswith("<") and _FEED_ROOT.search(text[:_PROLOG_CHARS]) is not None


def looks_html(head: bytes) -> bool:
    text = preview(head).lstrip()
    return text.startswith("<") and _HTML_ROOT.search(text[:_PROLOG_CHARS]) is not None


def looks_dated(head: bytes) -> bool:
    return is_dated(preview(head))


def looks_jsonl(head: bytes) -> bool:
    return preview(head).lstrip().startswith("{")


def looks_csv(head: bytes) -> bool:
    first_line = preview(head).lstrip().split("\n", 1)[0]
    try:
        names = next(csv.reader([first_line]))
    except (csv.Error, StopIteration):
        return False
    return len(names) > 1 and "text" in (name.strip().lower() for name in names)


SNIFFERS: tuple[tuple[str, Callable[[bytes], bool]], ...] = (
    ("warc", looks_warc),
    ("feed", looks_feed),
    ("html", looks_html),
    ("text", looks_dated),
    ("jsonl", looks_jsonl),
    ("csv", looks_csv),
)


def sniff(head: bytes) -> str | None:
    """The format name for these first bytes, or None when no sniffer recognises them."""
    return next((name for name, recognises in SNIFFERS if recognises(head)), None)
