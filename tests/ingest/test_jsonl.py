"""JSON Lines: fields, line locators and every per-line reject."""

from __future__ import annotations

import datetime as dt
import json

from tests.ingest.support import DAY, documents, lines, read_all, rejects, write


def test_fields_dates_and_locators(tmp_path):
    first = {
        "text": "  Convoy seen.  ",
        "date": "2019-03-25",
        "id": "w-1",
        "url": "https://x.test/1",
        "outlet": "Ledger",
        "title": "Convoy",
        "lang": "es-MX",
        "extra": [1, 2],
    }
    second = {"text": "Second story.", "date": "2019-03-25T23:30:00-05:00", "id": 42}
    path = write(tmp_path / "wire.jsonl", lines(json.dumps(first), "", json.dumps(second)))
    one, two = documents(read_all([path]))
    assert one.origin.locator == "line 1" and two.origin.locator == "line 3"
    assert one.document.text == "  Convoy seen.  "  # JSON text is taken exactly as given
    assert (one.document.id, one.document.url, one.document.outlet) == (
        "w-1",
        "https://x.test/1",
        "Ledger",
    )
    assert (one.document.title, one.document.lang) == ("Convoy", "es")
    assert two.document.date == dt.date(2019, 3, 25)  # the date as written, not UTC
    assert two.document.id == "42"


def test_default_date_fills_only_missing_dates(tmp_path):
    content = lines('{"text": "a"}', '{"text": "b", "date": "2001-02-03"}')
    path = write(tmp_path / "wire.jsonl", content)
    dates = [d.document.date for d in documents(read_all([path], default_date=DAY))]
    assert dates == [DAY, dt.date(2001, 2, 3)]


def test_every_bad_line_is_rejected_and_the_rest_are_read(tmp_path):
    content = lines(
        '{"text": "ok one", "date": "2019-01-01"}',
        '{"text": "broken", "date": ',
        '["not", "an", "object"]',
        '{"date": "2019-01-01"}',
        '{"text": 7, "date": "2019-01-01"}',
        '{"text": "no date"}',
        '{"text": "impossible", "date": "2019-02-30"}',
        '{"text": "gibberish", "date": "next tuesday"}',
        '{"text": "   ", "date": "2019-01-01"}',
        '{"text": "' + "long " * 50 + '", "date": "2019-01-01"}',
        '{"text": "bad title", "date": "2019-01-01", "title": {"a": 1}}',
        '{"text": "ok two", "date": "2019-01-02"}',
    )
    results = read_all([write(tmp_path / "w.jsonl", content)], max_chars=100)
    assert [(r.origin.locator, r.reason) for r in rejects(results)] == [
        ("line 2", "malformed"),
        ("line 3", "malformed"),
        ("line 4", "malformed"),
        ("line 5", "malformed"),
        ("line 6", "missing_date"),
        ("line 7", "bad_date"),
        ("line 8", "bad_date"),
        ("line 9", "empty_text"),
        ("line 10", "too_large"),
        ("line 11", "malformed"),
    ]
    messages = {r.origin.locator: r.message for r in rejects(results)}
    assert "not valid JSON" in messages["line 2"] and "`text`" in messages["line 4"]
    assert "cannot exist" in messages["line 7"]
    assert [d.document.text for d in documents(results)] == ["ok one", "ok two"]


def test_a_runaway_line_is_skipped_without_holding_it(tmp_path):
    huge = '{"text": "' + "x" * 20_000 + '", "date": "2019-01-01"}'
    path = write(tmp_path / "w.jsonl", lines(huge, '{"text": "after", "date": "2019-01-01"}'))
    results = read_all([path], max_chars=1_000)
    assert [(r.origin.locator, r.reason) for r in rejects(results)] == [("line 1", "too_large")]
    assert [d.origin.locator for d in documents(results)] == ["line 2"]


def test_one_undecodable_line_among_utf8_lines(tmp_path):
    noise = bytes(range(0x80, 0x100)) * 2
    content = (
        b'{"text": "caf\xc3\xa9", "date": "2019-01-01"}\n'
        b'{"text": "' + noise + b'", "date": "2019-01-01"}\n'
        b'{"text": "after", "date": "2019-01-01"}\n'
    )
    results = read_all([write(tmp_path / "w.jsonl", content)])
    assert [(r.origin.locator, r.reason) for r in rejects(results)] == [("line 2", "undecodable")]
    assert [d.document.text for d in documents(results)] == ["café", "after"]


def test_utf16_jsonl_with_a_byte_order_mark(tmp_path):
    content = lines(
        '{"text": "Zürich talks", "date": "2019-01-01"}', '{"text": "b", "date": "2019-01-02"}'
    )
    path = write(tmp_path / "w.jsonl", content, encoding="utf-16")
    assert [d.document.text for d in documents(read_all([path]))] == ["Zürich talks", "b"]
