"""WARC crawls: HTML responses become documents, record by record."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from warcio.warcwriter import WARCWriter

from tests.ingest.pages import html_page, warc_file
from tests.ingest.support import documents, paragraphs, read_all, rejects

STAMP = "2019-04-02T06:00:00Z"


def crawl() -> list[tuple[str, str, str, bytes, str]]:
    return [
        (
            "https://ledger.test/a",
            "200 OK",
            "text/html; charset=utf-8",
            html_page().encode(),
            STAMP,
        ),
        ("https://ledger.test/logo.png", "200 OK", "image/png", b"\x89PNG\r\n\x1a\n", STAMP),
        ("https://ledger.test/gone", "404 Not Found", "text/html", b"<html>gone</html>", STAMP),
        (
            "https://ledger.test/b",
            "200 OK",
            "text/html",
            html_page(date=None, title="Undated page").encode(),
            STAMP,
        ),
    ]


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
def test_responses_become_documents_and_others_are_accounted_for(tmp_path, name):
    results = read_all([warc_file(tmp_path / name, crawl())])
    # warcinfo + (request, response) * 4: the responses are records 3, 5, 7 and 9.
    assert [r.origin.locator.split(" @ ")[0] for r in results] == [
        "record 3",
        "record 5",
        "record 7",
        "record 9",
    ]
    assert [(r.origin.locator.split(" @ ")[0], r.reason) for r in rejects(results)] == [
        ("record 5", "unsupported"),
        ("record 7", "unsupported"),
    ]
    assert "image/png" in rejects(results)[0].message and "404" in rejects(results)[1].message
    first, second = documents(results)
    assert first.document.url == "https://ledger.test/a"
    assert first.document.date == dt.date(2019, 3, 25)  # the page's own date
    assert second.document.date == dt.date(2019, 4, 2)  # no page date: WARC-Date
    assert all(p in first.document.text for p in paragraphs())


def test_offsets_point_at_the_records(tmp_path):
    path = warc_file(tmp_path / "crawl.warc", crawl())
    data = path.read_bytes()
    for item in read_all([path]):
        offset = int(item.origin.locator.rsplit(" ", 1)[1])
        assert data[offset : offset + 5] == b"WARC/"


def test_a_cut_off_header_is_reported_after_what_came_before(tmp_path):
    path = warc_file(tmp_path / "crawl.warc", crawl()[:1])
    path.write_bytes(path.read_bytes() + b"WARC/1.0\r\nWARC-Type: response\r\nContent-Len")
    results = read_all([path])
    assert len(documents(results)) == 1
    assert [r.reason for r in rejects(results)] == ["malformed"]


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
def test_a_record_cut_short_is_not_taken_for_a_whole_page(tmp_path, name):
    path = warc_file(tmp_path / name, crawl()[:1] * 2)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) - 300])  # inside the last page's HTML
    results = read_all([path])
    assert [r.origin.locator.split(" @ ")[0] for r in documents(results)] == ["record 3"]
    [reject] = rejects(results)
    assert reject.origin.locator.startswith("record 5 @ ") and reject.reason == "malformed"
    assert "cut short" in reject.message


def test_resource_records_with_html_are_documents(tmp_path):
    path = tmp_path / "saved.warc"
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=False)
        writer.write_record(
            writer.create_warc_record(
                "file:///saved/page.html",
                "resource",
                payload=io.BytesIO(html_page().encode()),
                warc_content_type="text/html",
                warc_headers_dict={"WARC-Date": STAMP},
            )
        )
    [item] = documents(read_all([path]))
    assert item.origin.locator == "record 1 @ offset 0"
    assert item.document.url == "file:///saved/page.html"
