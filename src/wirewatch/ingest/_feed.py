"""RSS and Atom feeds: one document per item, after a safety check of the XML.

feedparser is lenient and would expand entities a feed declares, so every feed is first parsed
with defusedxml with DTDs forbidden: a feed that declares a DTD or entities (the "billion laughs"
and external-entity attacks) or is not well-formed XML is rejected as malformed, whole.

An XML parser refuses a whole feed for one undecodable byte. A feed that is meant as UTF-8 (it
declares no other encoding) and is mostly UTF-8 (see `_decode`) is therefore repaired first, with
U+FFFD for the undecodable bytes. The replacements are counted per item, as the U+FFFD in its
fields: the parser no longer knows which item a byte came from.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Mapping
from typing import Any
from xml.etree.ElementTree import ParseError

import defusedxml
import defusedxml.ElementTree
import feedparser

from wirewatch.ingest._dates import parse_stamp
from wirewatch.ingest._decode import bom_encoding, utf8_damage
from wirewatch.ingest._errors import RecordError
from wirewatch.ingest._markup import strip_html
from wirewatch.ingest._record import build
from wirewatch.ingest._source import Output, ReadOptions, Source, read_bounded

_DATE_KEYS = ("published", "updated", "created")
_HTML_TYPES = ("text/html", "application/xhtml+xml")
# The encoding an XML declaration names; without one (and without a BOM) XML is UTF-8.
_DECLARED = re.compile(rb"\A(?:\xef\xbb\xbf)?\s*<\?xml\b[^>]*?\bencoding\s*=\s*[\"']([^\"']*)")
_UTF8_NAMES = (b"utf-8", b"utf8")


def read_feed(source: Source, options: ReadOptions) -> Iterator[Output]:
    with source.open() as stream:
        data = read_bounded(stream, options.max_markup_bytes, "the feed")
    data, repaired = repair_utf8(data)
    parsed = parse_feed(data)
    channel = {
        "outlet": _plain(parsed.feed.get("title_detail")) or None,
        "lang": parsed.feed.get("language"),
    }
    for number, entry in enumerate(parsed.entries, start=1):
        origin = source.origin(f"item {number}")
        try:
            fields = {**channel, **item_fields(entry)}
        except RecordError as error:
            yield error.reject(origin)
            continue
        yield build(origin, fields, options, replaced=_replacements(fields) if repaired else 0)


def repair_utf8(data: bytes) -> tuple[bytes, bool]:
    """`data`, or when it is a mostly-UTF-8 feed meant as UTF-8, the same with U+FFFD for its
    undecodable bytes; and whether it was repaired."""
    declared = _DECLARED.match(data)
    if declared and declared.group(1).strip().lower() not in _UTF8_NAMES:
        return data, False
    if bom_encoding(data) not in (None, "utf-8-sig") or _is_utf8(data):
        return data, False
    if not utf8_damage(data, complete=True).mostly():
        return data, False  # the parser reports it as not well-formed
    return data.decode("utf-8", errors="replace").encode("utf-8"), True


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _replacements(fields: Mapping[str, object]) -> int:
    return sum(value.count("\ufffd") for value in fields.values() if isinstance(value, str))


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
        raise RecordError(
            "malformed",
            f"the feed declares a DTD or entities, which are "
            f"refused to prevent entity-expansion attacks ({error})",
        ) from error
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
