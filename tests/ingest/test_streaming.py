"""Readers stream: the first record comes out before the input ends, memory stays bounded."""

from __future__ import annotations

import io
import json
import os
import threading
import tracemalloc

from tests.ingest.pages import html_page, warc_file
from tests.ingest.support import EndlessStream, lines, write
from wirewatch.ingest import read_sources
from wirewatch.model import Incoming

RECORD = json.dumps({"text": "A convoy moved north. " * 10, "date": "2019-01-01"}) + "\n"


def first_from_endless_stdin(head: bytes, unit: bytes) -> tuple[Incoming, int]:
    stream = EndlessStream(head, unit)
    records = read_sources(["-"], stdin=io.BufferedReader(stream))
    first = next(records)
    records.close()
    assert isinstance(first, Incoming), first
    return first, stream.served


def test_jsonl_from_endless_stdin():
    first, served = first_from_endless_stdin(b"", RECORD.encode())
    assert first.origin.locator == "line 1"
    assert served < 1_000_000  # read ahead a buffer or two, never "everything"


def test_csv_from_endless_stdin():
    first, served = first_from_endless_stdin(b"text,date\n", b"a row of text,2019-01-01\n")
    assert first.origin.locator == "row 1" and served < 1_000_000


def test_warc_from_endless_stdin(tmp_path):
    single = warc_file(
        tmp_path / "one.warc",
        [("https://x.test/a", "200 OK", "text/html", html_page().encode(), "2019-01-01T00:00:00Z")],
    ).read_bytes()
    first, served = first_from_endless_stdin(single, single)
    assert first.document.url == "https://x.test/a" and served < 1_000_000


def test_a_pipe_is_read_while_it_is_still_being_written():
    # A pipe, not a named FIFO: a FIFO path is refused as not_a_file (it could block forever);
    # live input comes through standard input (`producer | wirewatch ingest -`).
    read_end, write_end = os.pipe()
    total = 50_000_000
    written = [0]

    def writer() -> None:
        try:
            with open(write_end, "wb") as out:
                while written[0] < total:
                    written[0] += out.write(RECORD.encode() * 100)
        except BrokenPipeError:
            pass  # the reader stopped, as it should

    thread = threading.Thread(target=writer, daemon=True)
    thread.start()
    with open(read_end, "rb") as pipe:
        records = read_sources(["-"], stdin=pipe)
        first = next(records)
        progress = written[0]
        records.close()
    thread.join(timeout=60)
    assert isinstance(first, Incoming) and first.origin.locator == "line 1"
    assert progress < total  # the writer had not finished when the first record came out


def test_memory_does_not_grow_with_the_file(tmp_path):
    path = write(tmp_path / "big.jsonl", lines(*[RECORD.strip()] * 40_000))  # ~10 MB
    assert path.stat().st_size > 9_000_000
    tracemalloc.start()
    try:
        count = sum(1 for _ in read_sources([path]))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert count == 40_000
    assert peak < 3_000_000  # a few records and buffers, not the file
