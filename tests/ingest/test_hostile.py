"""Hostile and damaged input: every record ends as a document or a one-line reject, and the
records after a bad one are still read ("nothing lost, nothing duplicated")."""

from __future__ import annotations

import gzip
import hashlib
import json
import zlib

import pytest

from tests.ingest.pages import html_page, warc_file
from tests.ingest.support import DAY, documents, lines, read_all, rejects, write
from wirewatch.ingest import _jsonl, _record, _sources
from wirewatch.model import Incoming, Reject

GOOD = '{"text": "still read", "date": "2019-01-01"}'
DEPTH = 200_000


def outcomes(results: list[Incoming | Reject]) -> list[tuple[str, str]]:
    return [(r.origin.locator, r.reason if isinstance(r, Reject) else "document") for r in results]


def single_line(results: list[Incoming | Reject]) -> None:
    for reject in rejects(results):
        assert "\n" not in reject.message and "\r" not in reject.message, reject.message
        assert len(reject.message) <= 600


@pytest.mark.parametrize(
    "nested",
    [
        "[" * DEPTH + "]" * DEPTH,
        '{"a":' * DEPTH + "1" + "}" * DEPTH,
        '{"text": "x", "date": ' + "[" * DEPTH + "]" * DEPTH + "}",
    ],
)
def test_deeply_nested_json_is_one_malformed_line(tmp_path, nested):
    path = write(tmp_path / "deep.jsonl", lines(nested, GOOD))
    results = read_all([path])
    assert outcomes(results) == [("line 1", "malformed"), ("line 2", "document")]
    assert "nested too deeply" in results[0].message
    single_line(results)


def test_nesting_just_under_the_parser_limit_gives_a_short_message(tmp_path):
    # json parses this, and the reject message must not print (or recurse into) the value.
    deep = "[" * 900 + "]" * 900
    content = lines(
        '{"text": "x", "date": ' + deep + "}",
        '{"text": "x", "date": "2019-01-01", "id": ' + deep + "}",
    )
    results = read_all([write(tmp_path / "deep.jsonl", content)])
    assert [r.reason for r in results] == ["bad_date", "malformed"]
    assert all(len(r.message) < 300 for r in rejects(results))


def test_a_number_too_long_to_convert_is_malformed(tmp_path):
    content = lines(
        '{"text": "x", "date": "2019-01-01", "n": ' + "7" * 5_000 + "}",
        '{"text": "x", "id": ' + "7" * 5_000 + "}",
        GOOD,
    )
    results = read_all([write(tmp_path / "numbers.jsonl", content)])
    assert outcomes(results) == [
        ("line 1", "malformed"),
        ("line 2", "malformed"),
        ("line 3", "document"),
    ]
    assert "digits" in results[0].message
    single_line(results)


@pytest.mark.parametrize(
    ("record", "reason", "field"),
    [
        ({"text": "abc \ud800 def"}, "malformed", "text"),
        ({"text": "ok", "title": "bad \udfff title"}, "malformed", "title"),
        ({"text": "ok", "outlet": "\udc80"}, "malformed", "outlet"),
        ({"text": "abc\u0000def"}, "malformed", "text"),
        ({"text": "ok", "url": "https://x.test/\u0000"}, "malformed", "url"),
        ({"text": "ok", "id": "x" * 65}, "malformed", "id"),
        ({"text": "ok", "lang": "x" * 17}, "malformed", "lang"),
        ({"text": "ok", "title": "t" * 4_001}, "malformed", "title"),
        ({"text": "ok", "date": "0999-12-31"}, "bad_date", "date"),
        ({"text": "ok", "date": "9000-01-01"}, "bad_date", "date"),
    ],
)
def test_fields_the_model_refuses_name_the_field_in_one_line(tmp_path, record, reason, field):
    record = {"date": "2019-01-01", **record}
    # json.dumps escapes the surrogate and NUL as \ud800 and \u0000, as a producer would.
    path = write(tmp_path / "bad.jsonl", lines(json.dumps(record), GOOD))
    results = read_all([path])
    assert outcomes(results) == [("line 1", reason), ("line 2", "document")]
    assert f"`{field}`" in results[0].message
    assert "validation error" not in results[0].message  # no pydantic dump
    single_line(results)


def test_csv_rows_the_model_refuses_are_rejected_row_by_row(tmp_path):
    # NUL bytes in a CSV head make the file binary; past the head a NUL is one row's problem.
    filler = "".join(f"filler {i},2019-01-01,\n" for i in range(4_000))
    content = (
        "text,date,id\n"
        + filler
        + "nul \x00 here,2019-01-01,\n"
        + f"long id,2019-01-01,{'x' * 65}\n"
        + "fine,2019-01-01,\n"
    )
    results = read_all([write(tmp_path / "rows.csv", content)])
    assert outcomes(results)[-3:] == [
        ("row 4001", "malformed"),
        ("row 4002", "malformed"),
        ("row 4003", "document"),
    ]
    assert "`text`" in results[-3].message and "`id`" in results[-2].message
    single_line(results)


def test_feed_language_over_the_limit_is_named(tmp_path):
    feed = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>'
        f"<language>{'x' * 20}</language><item><title>One</title>"
        "<description>Some text.</description><pubDate>Mon, 25 Mar 2019 08:00:00 GMT"
        "</pubDate></item></channel></rss>"
    )
    results = read_all([write(tmp_path / "wire.rss", feed)])
    assert outcomes(results) == [("item 1", "malformed")]
    assert "`lang`" in results[0].message
    single_line(results)


def _two_part_gzip(first: bytes, second: bytes) -> tuple[bytes, int]:
    """One gzip member whose deflate stream is flushed to a byte boundary after `first`;
    returns the data and the offset where `second` starts, to damage it there."""
    packer = zlib.compressobj(wbits=16 + zlib.MAX_WBITS)
    head = packer.compress(first) + packer.flush(zlib.Z_FULL_FLUSH)
    return head + packer.compress(second) + packer.flush(), len(head)


def _rows(count: int, start: int = 0) -> bytes:
    return lines(
        *[
            f'{{"text": "{hashlib.sha256(str(i).encode()).hexdigest()}", "date": "2019-01-01"}}'
            for i in range(start, start + count)
        ]
    ).encode()


@pytest.mark.parametrize("damage", [b"\xff", b"\xfe\xff\xff\xff"])
def test_corrupt_deflate_data_keeps_every_record_before_it(tmp_path, damage):
    data, cut = _two_part_gzip(_rows(150), _rows(150, start=150))
    broken = data[:cut] + damage + data[cut + len(damage) :]
    path = write(tmp_path / "wire.jsonl.gz", broken)
    results = read_all([path])
    assert len(documents(results)) == 150  # exactly the records before the damage
    assert outcomes(results)[-1] == ("", "unreadable")
    assert results[-1].origin.source == str(path) and "corrupt" in results[-1].message
    single_line(results)


def test_truncated_gzip_keeps_every_complete_record(tmp_path):
    data, cut = _two_part_gzip(_rows(150), _rows(150, start=150))
    path = write(tmp_path / "wire.jsonl.gz", data[:cut])  # ends at the flush point
    results = read_all([path])
    assert len(documents(results)) == 150
    assert outcomes(results)[-1] == ("", "unreadable")
    assert "ends before" in results[-1].message


def test_gzip_with_a_bad_checksum_is_reported_after_its_records(tmp_path):
    data = gzip.compress(_rows(20))
    path = write(tmp_path / "wire.jsonl.gz", data[:-8] + b"\0\0\0\0" + data[-4:])
    results = read_all([path])
    assert len(documents(results)) == 20
    assert outcomes(results)[-1] == ("", "unreadable")


def test_gzip_members_and_padding(tmp_path):
    first, second = gzip.compress(_rows(3)), gzip.compress(_rows(2, start=3))
    write(tmp_path / "a.jsonl.gz", first + second + b"\0" * 10)
    write(tmp_path / "b.jsonl.gz", first + b"trailing garbage")
    write(tmp_path / "c.jsonl.gz", b"")
    results = read_all([tmp_path])
    assert [(r.origin.source.rsplit("/", 1)[1], r.reason) for r in rejects(results)] == [
        ("b.jsonl.gz", "unreadable"),
        ("c.jsonl.gz", "empty_text"),
    ]
    assert len(documents(results)) == 5 + 3


def test_an_input_with_no_records_is_accounted_for(tmp_path):
    write(tmp_path / "a.jsonl", "\n  \n\n")
    write(tmp_path / "b.jsonl", "")
    write(
        tmp_path / "c.rss",
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title></channel></rss>',
    )
    warc_file(tmp_path / "d.warc", [])  # a warcinfo record and nothing else
    results = read_all([tmp_path])
    assert [(r.origin.source.rsplit("/", 1)[1], r.reason) for r in results] == [
        ("a.jsonl", "empty_text"),
        ("b.jsonl", "empty_text"),
        ("c.rss", "empty_text"),
        ("d.warc", "empty_text"),
    ]
    assert "no records" in results[0].message


@pytest.mark.parametrize("cut", [0.55, 0.8])
def test_damaged_warc_gz_keeps_the_records_before_the_damage(tmp_path, cut):
    records = [
        (
            f"https://x.test/{i}",
            "200 OK",
            "text/html",
            html_page(title=f"Story {i}").encode(),
            "2019-03-25T08:00:00Z",
        )
        for i in range(4)
    ]
    data = warc_file(tmp_path / "crawl.warc.gz", records).read_bytes()
    at = int(len(data) * cut)
    write(tmp_path / "broken.warc.gz", data[:at] + b"\xff\x00\xff\x00" + data[at + 4 :])
    write(tmp_path / "cut.warc.gz", data[:at])
    for name in ("broken.warc.gz", "cut.warc.gz"):
        results = read_all([tmp_path / name])
        assert len(documents(results)) >= 1
        assert results[-1].reason == "malformed"
        single_line(results)


def test_an_unexpected_error_from_a_library_ends_only_its_file(tmp_path, monkeypatch):
    def broken_parser(text: str) -> object:
        raise KeyError("deep inside a parser")

    monkeypatch.setattr(_jsonl.json, "loads", broken_parser)
    write(tmp_path / "a.jsonl", lines(GOOD))
    write(tmp_path / "b.txt", "date 2019-01-01 next file")
    results = read_all([tmp_path])
    assert outcomes(results) == [("", "malformed"), ("", "document")]
    assert results[0].message == "KeyError: 'deep inside a parser'"
    assert results[0].origin.source == str(tmp_path / "a.jsonl")


def test_memory_errors_are_not_swallowed(tmp_path, monkeypatch):
    def exhausted(text: str) -> object:
        raise MemoryError

    monkeypatch.setattr(_jsonl.json, "loads", exhausted)
    with pytest.raises(MemoryError):
        read_all([write(tmp_path / "a.jsonl", lines(GOOD))])


def test_errors_in_our_own_code_reach_the_tests_but_not_a_batch(tmp_path, monkeypatch):
    # A numeric `lang` slips past a (deliberately broken) field reader: primary_language
    # itself then fails, a bug in our code, not in the input.
    monkeypatch.setattr(_record, "_metadata", lambda fields, name: 5 if name == "lang" else None)
    path = write(tmp_path / "a.jsonl", lines(GOOD, GOOD))
    with pytest.raises(AttributeError):  # tests run strict (tests/ingest/conftest.py)
        read_all([path])
    monkeypatch.setattr(_sources, "STRICT", False)
    results = read_all([path])
    assert outcomes(results) == [("", "malformed")]
    assert results[0].message.startswith("AttributeError: ")


def test_sniffing_errors_are_contained_too(tmp_path, monkeypatch):
    def broken_sniffer(head: bytes) -> str | None:
        raise UnicodeError("sniffer failed")

    monkeypatch.setattr(_sources, "sniff", broken_sniffer)
    write(tmp_path / "a.unknown", "whatever")
    results = read_all([tmp_path / "a.unknown"], default_date=DAY)
    assert outcomes(results) == [("", "malformed")]
    assert results[0].message == "UnicodeError: sniffer failed"
