"""Dated text and plain .txt files."""

from __future__ import annotations

import datetime as dt

from tests.ingest.support import DAY, article, documents, read_all, rejects, write


def test_dated_text_with_leading_space_keeps_the_body_verbatim(tmp_path):
    body = article()
    path = write(tmp_path / "story.txt", f" date 2019-03-25 {body}\n")
    [item] = documents(read_all([path]))
    assert item.document.date == dt.date(2019, 3, 25)
    assert item.document.text == body  # offsets into the body are the writer's offsets
    assert item.origin.source == str(path) and item.origin.locator == ""


def test_dated_text_after_a_byte_order_mark_and_newlines(tmp_path):
    path = write(tmp_path / "story.txt", b"\xef\xbb\xbf\n\ndate 2020-01-31\nTroops crossed.")
    [item] = documents(read_all([path]))
    assert (item.document.date, item.document.text) == (dt.date(2020, 1, 31), "Troops crossed.")


def test_plain_text_takes_the_default_date(tmp_path):
    path = write(tmp_path / "plain.txt", "\n  Ships left port.\n  Two of them.  \n")
    [item] = documents(read_all([path], default_date=DAY))
    assert item.document.date == DAY
    assert item.document.text == "Ships left port.\n  Two of them."


def test_prose_starting_with_the_word_date_is_not_a_header(tmp_path):
    path = write(tmp_path / "plain.txt", "date of the summit was moved to May.")
    [item] = documents(read_all([path], default_date=DAY))
    assert item.document.text == "date of the summit was moved to May."


def test_text_rejects_and_the_batch_goes_on(tmp_path):
    write(tmp_path / "a_impossible.txt", "date 2019-02-30 A date that never was.")
    write(tmp_path / "b_undated.txt", "No date anywhere here.")
    write(tmp_path / "c_empty.txt", "date 2019-03-01 \n   \n")
    write(tmp_path / "d_large.txt", "date 2019-03-01 " + "word " * 100)
    write(tmp_path / "e_good.txt", "date 2019-03-02 Still read.")
    results = read_all([tmp_path], max_chars=200)
    assert [(r.origin.source.rsplit("/", 1)[1], r.reason) for r in rejects(results)] == [
        ("a_impossible.txt", "bad_date"),
        ("b_undated.txt", "missing_date"),
        ("c_empty.txt", "empty_text"),
        ("d_large.txt", "too_large"),
    ]
    assert "2019-02-30" in rejects(results)[0].message
    assert [d.document.text for d in documents(results)] == ["Still read."]


def test_a_huge_file_is_refused_without_reading_it_all(tmp_path):
    path = write(tmp_path / "huge.txt", "date 2019-03-01 " + "x" * 50_000)
    [reject] = read_all([path], max_chars=1_000)
    assert reject.reason == "too_large" and "max_chars" in reject.message
