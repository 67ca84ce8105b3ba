"""Builders for HTML pages, feeds and WARC files around the test article."""

from __future__ import annotations

import io
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from tests.ingest.support import paragraphs


def html_page(
    *,
    title: str = "Transport plane lands",
    date: str | None = "2019-03-25",
    site: str | None = "Northern Ledger",
    body: list[str] | None = None,
) -> str:
    metas = [f'<meta property="og:title" content="{title}">']
    if date:
        metas.append(f'<meta property="article:published_time" content="{date}T08:00:00Z">')
    if site:
        metas.append(f'<meta property="og:site_name" content="{site}">')
    text = "".join(f"<p>{p}</p>\n" for p in (paragraphs() if body is None else body))
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f"<title>{title}</title>{''.join(metas)}</head><body>"
        '<nav><a href="/">Home</a> <a href="/world">World</a></nav>'
        f"<article><h1>{title}</h1>\n{text}</article>"
        "<footer>All rights reserved.</footer></body></html>"
    )


def warc_file(path: Path, records: list[tuple[str, str, str, bytes, str]]) -> Path:
    """records: (uri, status line, content type, body, WARC-Date), written as responses after a
    warcinfo and each preceded by its request, as a crawler writes them."""
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=path.name.endswith(".gz"))
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "tests"}))
        for uri, status, content_type, body, warc_date in records:
            request = StatusAndHeaders("GET / HTTP/1.1", [("Host", "x.test")], is_http_request=True)
            writer.write_record(writer.create_warc_record(uri, "request", http_headers=request))
            headers = StatusAndHeaders(
                status, [("Content-Type", content_type)], protocol="HTTP/1.1"
            )
            writer.write_record(
                writer.create_warc_record(
                    uri,
                    "response",
                    payload=io.BytesIO(body),
                    http_headers=headers,
                    warc_headers_dict={"WARC-Date": warc_date},
                )
            )
    return path
