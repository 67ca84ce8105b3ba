"""RSS and Atom feeds: one document per item, after a safety check of the XML.

feedparser is lenient and would expand entities a feed declares, so every feed is first parsed
with defusedxml with DTDs forbidden: a feed that declares a DTD or entities (the "billion laughs"
and external-entity attacks) or is not well-formed XML is rejected as malformed, whole.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from typing import Any
from xml.etree.ElementTree import ParseError

import defusedxml
import defusedxml.ElementTree
import feedparser

from wirewatch.ingest._dates import parse_stamp
from wirewatch.ingest._errors import RecordError
from wirewatch.ingest._markup import strip_html
from wirewatch.ingest._record import build
from wirewatch.ingest._source import Output, ReadOptions, Source, read_bounded

_DATE_KEYS = ("published", "updated", "created")
_HTML_TYPES = ("text/html", "application/xhtml+xml")


def read_feed(source: Source, options: ReadOptions) -> Iterator[Output]:
    with source.open() as stream:
        data = read_bounded(stream, options.max_markup_bytes, "the feed")
    parsed = parse_feed(data)
    channel = {"outlet": _plain(parsed.feed.get("title_detail")) or None,
               "lang": parsed.feed.get("language")}
    for number, entry in enumerate(parsed.entries, start=1):
        origin = source.origin(f"item {number}")
        try:
            fields = {**channel, **item_fields(entry)}
        except RecordError as error:
            yield error.reject(origin)
            continue
        yield build(origin, fields, options)


def parse_feed(data: bytes) -> Any:
    check_safe_xml(data)
    parsed = feedparser.parse(data, resolve_relative_uris=False, sanitize_html=False)
    if not parsed.get("version"):
        raise RecordError("malformed", "the XML is not an RSS or Atom feed")
    return parsed


def check_safe_xml(data: bytes) -> None:
    try:
        defusedxml.ElementTree.fromstring(data, forbid_dtd=True)
    except defusedxml.DefusedXmlException as error:
        raise RecordError("malformed", f"the feed declares a DTD or entities, which are "
                          f"refused to prevent entity-expansion attacks ({error})") from error
    except ParseError as error:
        raise RecordError("malformed", f"the feed is not well-formed XML: {error}") from error


def item_fields(entry: Mapping[str, Any]) -> dict[str, object]:
    """One item's own fields; the channel supplies the outlet and language."""
    return {
        "text": _body(entry),
        "title": _plain(entry.get("title_detail")) or None,
        "url": entry.get("link"),
        "date": _date(entry),
    }


def _body(entry: Mapping[str, Any]) -> str:
    # Full content when the feed carries it, else the summary.
    for detail in [*entry.get("content", []), entry.get("summary_detail")]:
        text = _plain(detail)
        if text:
            return text
    return ""


def _plain(detail: Mapping[str, Any] | None) -> str:
    if not detail:
        return ""
    value = detail.get("value") or ""
    return strip_html(value) if detail.get("type") in _HTML_TYPES else value.strip()


def _date(entry: Mapping[str, Any]) -> object:
    for key in _DATE_KEYS:
        if entry.get(key):
            return _stamp(entry, key)
    return None


def _stamp(entry: Mapping[str, Any], key: str) -> object:
    try:
        return parse_stamp(entry[key])
    except RecordError:
        # feedparser reads many irregular stamps that the standard formats do not (UTC).
        parsed = entry.get(f"{key}_parsed")
        if parsed:
            return dt.date(*parsed[:3])
        raise
