"""HTML pages: the main text by trafilatura; title, date, site and URL from page metadata."""

from __future__ import annotations

import re
from collections.abc import Iterator

import trafilatura

from wirewatch.ingest._decode import decode
from wirewatch.ingest._record import build
from wirewatch.ingest._source import Output, ReadOptions, Source, read_bounded

# Only dates the page declares (meta tags, <time>, URL); no guessing from the running text,
# which would date a story by the first date it mentions.
_DATE_PARAMS = {"extensive_search": False, "original_date": True}
# The page's declared language, <html lang="fr-CA">; trafilatura does not report it.
_HTML_LANG = re.compile(
    r"<html\b[^>]*?\blang\s*=\s*[\"']?([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]+)*)", re.IGNORECASE
)
_LANG_WINDOW = 4096  # the root element comes first, after at most a prolog and a doctype


def read_html(source: Source, options: ReadOptions) -> Iterator[Output]:
    with source.open() as stream:
        data = read_bounded(stream, options.max_markup_bytes, "the page")
    decoded = decode(data)
    yield build(source.origin(), page_fields(decoded.text), options, replaced=decoded.replaced)


def page_fields(page: str) -> dict[str, object]:
    """Text and metadata of one page; absent metadata is left out (the caller may supply it)."""
    extracted = trafilatura.bare_extraction(
        page, with_metadata=True, include_comments=False, date_extraction_params=_DATE_PARAMS
    )
    if extracted is None:
        return {"text": ""}
    # trafilatura returns its Document, or a dict of the same fields when asked to.
    fields = extracted if isinstance(extracted, dict) else extracted.as_dict()
    found = {
        "title": fields.get("title"),
        "outlet": fields.get("sitename"),
        "url": fields.get("url"),
        "date": fields.get("date"),
        "lang": _declared_language(page),
    }
    present = {key: value for key, value in found.items() if value}
    return {"text": fields.get("text") or "", **present}


def _declared_language(page: str) -> str | None:
    found = _HTML_LANG.search(page[:_LANG_WINDOW])
    return found.group(1) if found else None
