"""The driver: directories, ordering, stdin, sniffing and file-level rejects."""

from __future__ import annotations

import gzip
import hashlib
import io
import os

import pytest

from tests.ingest.pages import html_page
from tests.ingest.support import DAY, documents, lines, read_all, rejects, write
from wirewatch.ingest import read_sources


def test_directories_are_read_recursively_in_sorted_order(tmp_path):
    write(tmp_path / "b" / "z.txt", "date 2019-01-03 bz")
    write(tmp_path / "b" / "a.txt", "date 2019-01-02 ba")
    write(
        tmp_path / "a.jsonl",
        lines('{"text": "a1", "date": "2019-01-01"}', '{"text": "a2", "date": "2019-01-01"}'),
    )
    write(tmp_path / "c" / "d" / "e.csv", "text,date\ncde,2019-01-04\n")
    write(tmp_path / ".hidden" / "x.txt", "date 2019-01-05 hidden")
    write(tmp_path / ".x.txt", "date 2019-01-05 hidden")
    texts = [d.document.text for d in documents(read_all([tmp_path]))]
    assert texts == ["a1", "a2", "ba", "bz", "cde"]
    assert texts == [d.document.text for d in documents(read_all([tmp_path]))]


def test_paths_are_read_in_the_order_given(tmp_path):
    first = write(tmp_path / "z.txt", "date 2019-01-01 first")
    second = write(tmp_path / "a.txt", "date 2019-01-01 second")
    assert [d.document.text for d in documents(read_all([first, str(second)]))] == [
        "first",
        "second",
    ]


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (lines('{"text": "from a pipe", "date": "2019-01-01"}'), ["from a pipe"]),
        (" date 2019-03-25 A dated story.", ["A dated story."]),
        ("text,date\npiped row,2019-01-01\n", ["piped row"]),
        ("Just a pasted article.\n", ["Just a pasted article."]),
        (html_page(), None),
    ],
)
def test_stdin_is_sniffed(data, expected):
    results = read_all(["-"], stdin=io.BytesIO(data.encode()), default_date=DAY)
    assert all(r.origin.source == "-" for r in results)
    texts = [d.document.text for d in documents(results)]
    if expected is None:
        assert len(texts) == 1 and "Flight tracking enthusiasts" in texts[0]
    else:
        assert texts == expected


def test_unknown_extensions_are_sniffed(tmp_path):
    write(tmp_path / "a.dat", lines('{"text": "jsonl inside", "date": "2019-01-01"}'))
    write(tmp_path / "b", "date 2019-01-01 dated inside")
    write(tmp_path / "c.page", html_page())
    write(tmp_path / "d.out", "Plain prose with no structure.")
    write(tmp_path / "e.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")
    results = read_all([tmp_path])
    assert [d.document.text for d in documents(results)][:2] == ["jsonl inside", "dated inside"]
    assert len(documents(results)) == 3
    assert [(r.origin.source.rsplit("/", 1)[1], r.reason) for r in rejects(results)] == [
        ("d.out", "unsupported"),
        ("e.png", "binary"),
    ]


def test_missing_and_unreadable_inputs(tmp_path):
    missing = tmp_path / "nope.jsonl"
    locked = write(tmp_path / "locked.txt", "date 2019-01-01 secret")
    good = write(tmp_path / "good.txt", "date 2019-01-01 fine")
    os.chmod(locked, 0)
    try:
        if os.access(locked, os.R_OK):
            pytest.skip("running as a user who can read any file")
        results = read_all([missing, locked, good])
    finally:
        os.chmod(locked, 0o644)
    assert [(r.origin.source, r.reason) for r in rejects(results)] == [
        (str(missing), "unreadable"),
        (str(locked), "unreadable"),
    ]
    assert "No such file" in rejects(results)[0].message
    assert [d.document.text for d in documents(results)] == ["fine"]


def test_missing_paths_are_unreadable_whatever_their_name(tmp_path):
    results = read_all([tmp_path / "nope.jsonl", tmp_path / "nope.dat", tmp_path / "x" / "y"])
    assert [r.reason for r in results] == ["unreadable"] * 3
    assert all("No such file" in r.message for r in results)


def test_a_path_through_a_file_is_unreadable_and_the_next_is_read(tmp_path):
    plain = write(tmp_path / "plain.txt", "date 2019-01-01 fine")
    results = read_all([plain / "inside.jsonl", plain])
    assert [(r.origin.source, r.reason) for r in rejects(results)] == [
        (str(plain / "inside.jsonl"), "unreadable")
    ]
    assert "Not a directory" in rejects(results)[0].message
    assert [d.document.text for d in documents(results)] == ["fine"]


def test_binary_and_undecodable_files_and_the_rest_still_read(tmp_path):
    write(tmp_path / "a.txt", b"date 2019-01-01 \x00\x01\x02\x00binary")
    write(tmp_path / "b.jsonl", b"\x00\x00\x00\x00" * 100)
    noise = bytes((i * 37 + 11) % 128 + 128 for i in range(600))  # high bytes, no charset fits
    write(tmp_path / "c.txt", b"date 2019-01-01 " + noise)
    write(tmp_path / "d.txt", "date 2019-01-01 readable")
    results = read_all([tmp_path])
    assert [(r.origin.source.rsplit("/", 1)[1], r.reason) for r in rejects(results)] == [
        ("a.txt", "binary"),
        ("b.jsonl", "binary"),
        ("c.txt", "undecodable"),
    ]
    assert [d.document.text for d in documents(results)] == ["readable"]


@pytest.mark.parametrize("encoding", ["cp1252", "latin-1"])
def test_legacy_charsets_are_detected_not_rejected(tmp_path, encoding):
    text = (
        "Le ministère a confirmé que l'avion était arrivé à l'aéroport à midi; "
        "des témoins ont vu des caisses déchargées près du hangar numéro trois."
    )
    path = write(tmp_path / "story.txt", f"date 2019-01-01 {text}", encoding=encoding)
    [item] = documents(read_all([path]))
    assert item.document.text == text


def test_bad_options_fail_loudly(tmp_path):
    with pytest.raises(ValueError, match="max_chars"):
        list(read_sources([], max_chars=0))
    with pytest.raises(TypeError, match="list of paths"):
        list(read_sources(str(tmp_path)))


def test_gzipped_jsonl_and_csv_are_read_as_they_decompress(tmp_path):
    jsonl = lines(*[f'{{"text": "story {i}", "date": "2019-01-01"}}' for i in range(3)])
    write(tmp_path / "a.jsonl.gz", gzip.compress(jsonl.encode()))
    write(tmp_path / "b.csv.gz", gzip.compress(b"text,date\nrow one,2019-01-01\n"))
    results = read_all([tmp_path])
    assert [d.document.text for d in documents(results)] == [
        "story 0",
        "story 1",
        "story 2",
        "row one",
    ]
    assert documents(results)[1].origin.locator == "line 2"


def test_broken_and_truncated_gzip_files(tmp_path):
    # Distinct, poorly compressible lines, so the cut falls well after the first buffers.
    rows = [
        f'{{"text": "{hashlib.sha256(str(i).encode()).hexdigest()}", "date": "2019-01-01"}}'
        for i in range(20_000)
    ]
    packed = gzip.compress(lines(*rows).encode())
    write(tmp_path / "a.jsonl.gz", b"not gzip at all")
    write(tmp_path / "b.jsonl.gz", packed[: len(packed) // 2])
    results = read_all([tmp_path])
    assert [(r.origin.source.rsplit("/", 1)[1], r.reason) for r in rejects(results)] == [
        ("a.jsonl.gz", "unreadable"),
        ("b.jsonl.gz", "unreadable"),
    ]
    assert 0 < len(documents(results)) < 20_000  # what came before the cut is kept
