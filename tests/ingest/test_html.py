"""HTML pages: main text and metadata via trafilatura."""

from __future__ import annotations

import datetime as dt

from tests.ingest.pages import html_page
from tests.ingest.support import DAY, documents, paragraphs, read_all, rejects, write


def test_main_text_and_metadata(tmp_path):
    path = write(tmp_path / "page.html", html_page())
    [item] = documents(read_all([path]))
    document = item.document
    assert document.date == dt.date(2019, 3, 25)
    assert (document.title, document.outlet) == ("Transport plane lands", "Northern Ledger")
    for paragraph in paragraphs():
        assert paragraph in document.text
    assert "All rights reserved" not in document.text and "Home" not in document.text


def test_page_without_a_date_takes_the_default(tmp_path):
    path = write(tmp_path / "page.htm", html_page(date=None, site=None))
    [item] = documents(read_all([path], default_date=DAY))
    assert item.document.date == DAY and item.document.outlet is None


def test_page_without_a_date_or_default_is_rejected(tmp_path):
    write(tmp_path / "a.html", html_page(date=None))
    write(tmp_path / "b.html", html_page())
    results = read_all([tmp_path])
    assert [r.reason for r in rejects(results)] == ["missing_date"]
    assert len(documents(results)) == 1


def test_page_with_no_text_is_empty(tmp_path):
    path = write(tmp_path / "empty.html", "<html><body><script>var x = 1;</script></body></html>")
    [reject] = read_all([path], default_date=DAY)
    assert reject.reason == "empty_text"


def test_latin1_page_is_decoded(tmp_path):
    body = ["Le ministre a déclaré que l’armée était prête à partir sans délai vers la côte. " * 4]
    path = write(
        tmp_path / "page.html",
        html_page(body=body).replace("utf-8", "windows-1252"),
        encoding="cp1252",
    )
    [item] = documents(read_all([path]))
    assert body[0].strip() in item.document.text


def test_declared_language_is_kept_as_its_primary_subtag(tmp_path):
    french = html_page().replace('<html lang="en">', '<html class="x" lang="fr-CA">')
    [item] = documents(read_all([write(tmp_path / "page.html", french)]))
    assert item.document.lang == "fr"
