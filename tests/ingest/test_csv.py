"""CSV with a header: fields, quoted multi-line text, row locators and rejects."""

from __future__ import annotations

import csv
import datetime as dt

from tests.ingest.support import DAY, documents, read_all, rejects, write


def test_fields_and_multiline_text(tmp_path):
    content = (
        "ID,Date,Outlet,Title,Text,url\r\n"
        'c-1,2019-03-25,Ledger,"Ships, again","First line.\r\nSecond line.",https://x.test\r\n'
        "c-2,,,,No date given,\r\n"
    )
    one, two = documents(read_all([write(tmp_path / "w.csv", content)], default_date=DAY))
    assert one.origin.locator == "row 1" and two.origin.locator == "row 2"
    assert one.document.text == "First line.\r\nSecond line."
    assert (one.document.id, one.document.outlet, one.document.title, one.document.url) == (
        "c-1",
        "Ledger",
        "Ships, again",
        "https://x.test",
    )
    assert one.document.date == dt.date(2019, 3, 25) and two.document.date == DAY


def test_bad_rows_are_rejected_and_later_rows_read(tmp_path):
    content = (
        "text,date\n"
        "good,2019-01-01\n"
        "too,many,fields\n"
        "no date,\n"
        "bad,2019-13-01\n"
        ",2019-01-01\n"
        "also good,2019-01-02\n"
    )
    results = read_all([write(tmp_path / "w.csv", content)])
    assert [(r.origin.locator, r.reason) for r in rejects(results)] == [
        ("row 2", "malformed"),
        ("row 3", "missing_date"),
        ("row 4", "bad_date"),
        ("row 5", "malformed"),  # an empty cell is no `text`
    ]
    assert "line 3" in rejects(results)[0].message
    assert [d.document.text for d in documents(results)] == ["good", "also good"]


def test_header_without_text_rejects_the_file(tmp_path):
    bad = write(tmp_path / "a.csv", "body,date\nx,2019-01-01\n")
    good = write(tmp_path / "b.csv", "text,date\nx,2019-01-01\n")
    results = read_all([bad, good])
    assert [(r.origin.source, r.reason) for r in rejects(results)] == [(str(bad), "malformed")]
    assert "no `text` column" in rejects(results)[0].message
    assert len(documents(results)) == 1


def test_text_longer_than_the_csv_module_default_limit(tmp_path):
    long_text = "word " * 40_000  # 200,000 characters, over csv's 131,072 default
    path = write(tmp_path / "w.csv", f'text,date\n"{long_text}",2019-01-01\n')
    [item] = documents(read_all([path]))
    assert item.document.text == long_text


def test_cp1252_csv_is_decoded(tmp_path):
    text = "Le ministre a déclaré que l’armée était prête – « sans délai »."
    path = write(tmp_path / "w.csv", f"text,date\n{text},2019-01-01\n", encoding="cp1252")
    [item] = documents(read_all([path]))
    assert item.document.text == text


def test_an_over_long_row_within_one_line_is_rejected_alone(tmp_path):
    content = f'text,date\n"{"w" * 3_000}",2019-01-01\nafter,2019-01-02\n'
    results = read_all([write(tmp_path / "w.csv", content)], max_chars=1_000)
    assert [(r.origin.locator, r.reason) for r in rejects(results)] == [("row 1", "too_large")]
    assert [d.document.text for d in documents(results)] == ["after"]


def test_a_runaway_quoted_field_ends_the_file_with_one_clear_reject(tmp_path):
    # Longer than the csv module's (process-wide) field limit, over many short lines.
    lines_needed = csv.field_size_limit() // 8 + 100
    runaway = "w w w w\n" * lines_needed
    content = f'text,date\nbefore,2019-01-01\n"{runaway}",2019-01-01\nafter,2019-01-02\n'
    results = read_all([write(tmp_path / "w.csv", content)], max_chars=1_000)
    assert [d.document.text for d in documents(results)] == ["before"]
    [reject] = rejects(results)
    assert (reject.origin.locator, reject.reason) == ("row 2", "too_large")
    assert "rest of the file is not read" in reject.message
