"""Which reader reads which input: by file name first, else by content."""

from __future__ import annotations

from wirewatch.ingest._csv import read_csv
from wirewatch.ingest._feed import read_feed
from wirewatch.ingest._html import read_html
from wirewatch.ingest._jsonl import read_jsonl
from wirewatch.ingest._source import Reader
from wirewatch.ingest._text import read_text
from wirewatch.ingest._warc import read_warc

READERS: dict[str, Reader] = {
    "text": read_text,  # dated text, or plain text dated by the default
    "jsonl": read_jsonl,
    "csv": read_csv,
    "html": read_html,
    "feed": read_feed,
    "warc": read_warc,
}

# Longest suffix wins (".warc.gz" before ".gz"); names are compared in lower case.
SUFFIXES: dict[str, str] = {
    ".txt": "text",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".csv": "csv",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".xml": "feed",
    ".rss": "feed",
    ".atom": "feed",
    ".warc": "warc",
    ".warc.gz": "warc",
}


_GZIP = ".gz"


def format_by_name(name: str) -> str | None:
    lowered = name.lower()
    matches = [suffix for suffix in SUFFIXES if lowered.endswith(suffix)]
    return SUFFIXES[max(matches, key=len)] if matches else None


def gzipped_format(name: str) -> str | None:
    """The format of a gzip-compressed file named by its inner suffix ("wire.jsonl.gz").

    WARC is left out: warcio reads `.warc.gz` itself, record by gzip member."""
    if not name.lower().endswith(_GZIP):
        return None
    inner = format_by_name(name[: -len(_GZIP)])
    return inner if inner != "warc" else None
