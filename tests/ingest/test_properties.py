"""Property tests: no input bytes make `read_sources` raise.

For every reader (by file suffix, and by sniffing on stdin), arbitrary bytes and near-valid
inputs (valid records with random damage) come out as Incoming documents the model accepts
or as Rejects with a known reason and a one-line, storable message, each record at most once.
The bytes decoder and the gzip reader get properties of their own. `make test` runs these
with the bounded "default" hypothesis profile; `make fuzz` runs them for minutes under "fuzz".
A crash found by fuzzing is kept here as an `@example`.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import tempfile
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import get_args

import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from tests.ingest.support import DAY
from wirewatch.ingest import read_sources
from wirewatch.ingest._decode import decode, utf8_damage
from wirewatch.ingest._errors import MESSAGE_MAX, RecordError
from wirewatch.ingest._gunzip import GunzipReader
from wirewatch.ingest._lines import LineDecoder
from wirewatch.model import Document, Incoming, Reject
from wirewatch.model.records import RejectReason

pytestmark = pytest.mark.property

REASONS = set(get_args(RejectReason))
SUFFIXES = (
    ".txt",
    ".jsonl",
    ".csv",
    ".html",
    ".rss",
    ".atom",
    ".xml",
    ".warc",
    ".warc.gz",
    ".txt.gz",
    ".jsonl.gz",
    ".csv.gz",
    ".html.gz",
    ".xml.gz",
    ".dat",
)
UNSTORABLE = {"\x00", *map(chr, range(0xD800, 0xE000))}

# --- running the readers and checking what they yield ---------------------------------------


def read_bytes(data: bytes, suffix: str, max_chars: int = 500_000) -> list[Incoming | Reject]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"input{suffix}"
        path.write_bytes(data)
        results = list(read_sources([path], default_date=DAY, max_chars=max_chars))
    assert all(item.origin.source == str(path) for item in results)
    return results


def read_stdin(data: bytes) -> list[Incoming | Reject]:
    return list(read_sources(["-"], default_date=DAY, stdin=io.BytesIO(data)))


def check(results: list[Incoming | Reject], max_chars: int = 500_000) -> None:
    for item in results:
        if isinstance(item, Incoming):
            Document.model_validate(item.document.model_dump())  # it round-trips, still valid
            assert len(item.document.text) <= max_chars and item.replaced >= 0
        else:
            assert isinstance(item, Reject), item
            assert item.reason in REASONS
            assert item.message and len(item.message) <= MESSAGE_MAX
            assert not {"\n", "\r"} & set(item.message), item.message
            assert not UNSTORABLE & set(item.message), item.message
    locators = [item.origin.locator for item in results if item.origin.locator]
    assert len(locators) == len(set(locators)), locators  # no record comes out twice


# --- arbitrary bytes -------------------------------------------------------------------------


@given(
    data=st.binary(max_size=4_000),
    suffix=st.sampled_from(SUFFIXES),
    max_chars=st.sampled_from([40, 500_000]),
)
@example(data=b"[" * 100_000, suffix=".jsonl", max_chars=500_000)
@example(data=b"\x1f\x8b\x08\x00" + b"\xff" * 40, suffix=".jsonl.gz", max_chars=500_000)
def test_arbitrary_bytes_never_raise(data, suffix, max_chars):
    check(read_bytes(data, suffix, max_chars), max_chars)


@given(data=st.binary(max_size=4_000), suffix=st.sampled_from(SUFFIXES))
def test_arbitrary_bytes_gzipped_never_raise(data, suffix):
    # Valid gzip around arbitrary content reaches each reader; `.dat.gz` is sniffed.
    check(read_bytes(gzip.compress(data), suffix.removesuffix(".gz") + ".gz"))


@given(data=st.binary(max_size=4_000))
def test_arbitrary_stdin_never_raises(data):
    check(read_stdin(data))


# --- near-valid input: valid records with random damage --------------------------------------

ANY_CHAR = st.characters(exclude_categories=())  # NUL and lone surrogates included
TEXT = st.one_of(st.text(max_size=60), st.text(ANY_CHAR, max_size=60))
DATE = st.one_of(
    st.dates().map(lambda day: day.isoformat()),
    st.text(max_size=12),
    st.integers(),
    st.floats(),
    st.just("2019-02-30"),
    st.none(),
)
METADATA = {
    "id": st.one_of(TEXT, st.integers()),
    "title": TEXT,
    "url": TEXT,
    "outlet": TEXT,
    "lang": TEXT,
}
RECORD = st.fixed_dictionaries({"text": TEXT}, optional={"date": DATE, **METADATA})
UNDATED = st.fixed_dictionaries({"text": TEXT}, optional=METADATA)  # the default date applies


def raw(text: str) -> bytes:
    # Lone surrogates become the (invalid) bytes a careless producer writes.
    return text.encode("utf-8", errors="surrogatepass")


def as_jsonl(records: list[dict[str, object]], ascii_only: bool) -> bytes:
    return b"".join(raw(json.dumps(r, ensure_ascii=ascii_only)) + b"\n" for r in records)


def as_csv(records: list[dict[str, object]]) -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(
        out, fieldnames=["text", "date", "id", "title", "url", "outlet", "lang"]
    )
    writer.writeheader()
    writer.writerows(records)
    return raw(out.getvalue())


def as_dated(record: dict[str, object]) -> bytes:
    return raw(f"date {record.get('date')} {record['text']}")


def as_html(record: dict[str, object]) -> bytes:
    return raw(
        f'<!DOCTYPE html><html lang="{record.get("lang", "en")}"><head>'
        f'<title>{record.get("title", "")}</title><meta property="article:published_'
        f'time" content="{record.get("date")}"></head><body><article><p>'
        f"{record['text']}</p><p>{record['text']}</p></article></body></html>"
    )


def as_rss(records: list[dict[str, object]]) -> bytes:
    items = "".join(
        f"<item><title>{r.get('title', '')}</title><link>{r.get('url', '')}</link>"
        f"<description>{r['text']}</description><pubDate>{r.get('date')}</pubDate>"
        "</item>"
        for r in records
    )
    return raw(
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>'
        f"{items}</channel></rss>"
    )


def as_atom(records: list[dict[str, object]]) -> bytes:
    entries = "".join(
        f"<entry><title>{r.get('title', '')}</title><updated>{r.get('date')}"
        f'</updated><content type="html">{r["text"]}</content></entry>'
        for r in records
    )
    return raw(
        f'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom">'
        f"<title>Wire</title>{entries}</feed>"
    )


def as_warc(records: list[dict[str, object]], compress: bool) -> bytes:
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=compress)
    for number, record in enumerate(records):
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        writer.write_record(
            writer.create_warc_record(
                f"https://x.test/{number}",
                "response",
                payload=io.BytesIO(as_html(record)),
                http_headers=headers,
                warc_headers_dict={  # fixed, so examples replay exactly
                    "WARC-Date": "2019-03-25T08:00:00Z",
                    "WARC-Record-ID": f"<urn:uuid:00000000-0000-0000-0000-{number:012d}>",
                },
            )
        )
    return out.getvalue()


@st.composite
def mutated(draw: st.DrawFn, data: bytes) -> bytes:
    """`data` with a few random flips, insertions, deletions, or cut short."""
    for _ in range(draw(st.integers(0, 4))):
        at = draw(st.integers(0, len(data)))
        kind = draw(st.sampled_from(["flip", "insert", "delete", "cut"]))
        junk = draw(st.binary(min_size=1, max_size=6))
        if kind == "flip" and at < len(data):
            data = data[:at] + bytes([data[at] ^ junk[0]]) + data[at + 1 :]
        elif kind == "insert":
            data = data[:at] + junk + data[at:]
        elif kind == "delete":
            data = data[:at] + data[at + len(junk) :]
        elif kind == "cut":
            data = data[:at]
    return data


RECORDS = st.lists(RECORD, min_size=1, max_size=4)
BUILDERS: dict[str, Callable[[list[dict[str, object]]], bytes]] = {
    ".jsonl": lambda records: as_jsonl(records, ascii_only=True),
    ".ndjson": lambda records: as_jsonl(records, ascii_only=False),
    ".csv": as_csv,
    ".txt": lambda records: as_dated(records[0]),
    ".html": lambda records: as_html(records[0]),
    ".rss": as_rss,
    ".atom": as_atom,
    ".warc": lambda records: as_warc(records, compress=False),
    ".warc.gz": lambda records: as_warc(records, compress=True),
}


@st.composite
def near_valid(draw: st.DrawFn) -> tuple[bytes, str]:
    suffix = draw(st.sampled_from(sorted(BUILDERS)))
    data = BUILDERS[suffix](draw(RECORDS))
    if suffix != ".warc.gz" and draw(st.booleans()):  # damage inside, then compress
        return gzip.compress(draw(mutated(data)), mtime=0), suffix + ".gz"
    return draw(mutated(data)), suffix


@given(case=near_valid(), max_chars=st.sampled_from([30, 500_000]))
def test_near_valid_input_never_raises(case, max_chars):
    data, suffix = case
    check(read_bytes(data, suffix, max_chars), max_chars)


@st.composite
def damaged_gzip(draw: st.DrawFn) -> tuple[bytes, str]:
    """A near-valid input, gzipped, then damaged as compressed bytes (a bad download)."""
    data, suffix = draw(near_valid())
    compressed = data if suffix.endswith(".gz") else gzip.compress(data, mtime=0)
    return draw(mutated(compressed)), suffix.removesuffix(".gz") + ".gz"


@given(case=damaged_gzip())
def test_gzip_damaged_in_transit_never_raises(case):
    check(read_bytes(*case))


@given(case=near_valid())
def test_near_valid_stdin_never_raises(case):
    check(read_stdin(case[0]))


@given(records=st.lists(UNDATED, min_size=1, max_size=4))
def test_intact_jsonl_gives_one_item_per_record(records):
    results = read_bytes(as_jsonl(records, ascii_only=True), ".jsonl")
    check(results)
    assert [item.origin.locator for item in results] == [
        f"line {n}" for n in range(1, len(records) + 1)
    ]


# --- the decoder --------------------------------------------------------------------------------


@given(data=st.binary(max_size=3_000))
@example(data=b"\xef\xbb\xbf\xff")
def test_decode_gives_text_or_a_decoding_reject(data):
    try:
        decoded = decode(data)
    except RecordError as error:
        assert error.reason in ("binary", "undecodable")
        return
    assert decoded.replaced >= 0
    if decoded.replaced:  # only mostly-UTF-8 data is read with replacement
        assert utf8_damage(data, complete=True).mostly()
        assert decoded.text.replace("\ufffd", "") == data.decode(
            "utf-8", errors="ignore"
        ).removeprefix("\ufeff").replace("\ufffd", "")


@given(text=st.text(max_size=400))
def test_valid_utf8_decodes_to_itself(text):
    data = text.encode()
    damage = utf8_damage(data, complete=True)
    assert damage.undecodable == 0
    assert damage.multibyte == sum(1 for char in text if ord(char) > 0x7F)
    try:
        decoded = decode(data)
    except RecordError as error:  # control characters make some texts "binary"
        assert error.reason == "binary"
        return
    assert decoded.replaced == 0
    assert decoded.text == text.removeprefix("\ufeff")


@given(
    words=st.lists(
        st.text(st.characters(min_codepoint=0xA0, max_codepoint=0x2FFF), min_size=1, max_size=8),
        min_size=1,
        max_size=20,
    ),
    strays=st.lists(st.sampled_from([b"\xff", b"\xfe", b"\xc0", b"\x80"]), min_size=1, max_size=3),
    places=st.lists(st.integers(0, 10**6), min_size=3, max_size=3),
)
# Found by `make fuzz`: FF FE at the very start is a UTF-16 byte-order mark, not damage.
@example(words=["\xa0"], strays=[b"\xff", b"\xfe"], places=[0, 0, 0])
def test_a_few_stray_bytes_in_utf8_prose_are_counted_and_replaced(words, strays, places):
    # Prose long enough for the strays to stay under 1 %, with multi-byte characters; no stray
    # goes first, where FF FE or FE FF would be a UTF-16 byte-order mark.
    prose = (" ".join(words) + " plain words here. ") * 40
    data = prose.encode()
    for stray, place in zip(strays, places, strict=False):
        at = 1 + place % len(data)
        while at < len(data) and 0x80 <= data[at] < 0xC0:  # not inside a character
            at += 1
        data = data[:at] + stray + data[at:]
    decoded = decode(data)
    assert decoded.replaced == len(strays)
    assert decoded.text.replace("\ufffd", "") == prose.replace("\ufffd", "")


@given(
    lines=st.lists(st.binary(max_size=200), max_size=6),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "cp1252", "latin_1", "cp1250"]),
)
def test_line_decoder_gives_text_or_a_decoding_reject(lines, encoding):
    decoder = LineDecoder(encoding)
    for line in lines:
        try:
            decoded = decoder.decode(line)
        except RecordError as error:
            assert error.reason in ("binary", "undecodable")
            continue
        assert isinstance(decoded.text, str) and decoded.replaced >= 0


# --- the gzip reader --------------------------------------------------------------------------


def gunzip(data: bytes, size: int) -> tuple[bytes, BaseException | None]:
    """What GunzipReader hands out, `size` bytes a read, and the error it ended with."""
    reader = GunzipReader(io.BytesIO(data))
    parts: list[bytes] = []
    try:
        while chunk := reader.read(size):
            parts.append(chunk)
    except (OSError, EOFError) as error:
        return b"".join(parts), error
    return b"".join(parts), None


@given(
    content=st.lists(st.binary(max_size=3_000), min_size=1, max_size=3),
    size=st.integers(1, 70_000),
    padding=st.integers(0, 3),
)
def test_gunzip_reads_what_gzip_wrote(content, size, padding):
    data = b"".join(gzip.compress(part) for part in content) + b"\0" * padding
    assert gunzip(data, size) == (b"".join(content), None)


@given(
    content=st.binary(min_size=1, max_size=20_000),
    cut=st.integers(0, 10**9),
    size=st.integers(1, 70_000),
)
def test_a_cut_gzip_gives_a_prefix_and_an_error(content, cut, size):
    data = gzip.compress(content)
    cut %= len(data)  # always cut: at least the last byte of the trailer is missing
    out, error = gunzip(data[:cut], size)
    assert content.startswith(out)
    assert cut == 0 or error is not None


@given(
    content=st.binary(min_size=1, max_size=20_000),
    at=st.integers(0, 10**9),
    flip=st.integers(1, 255),
    size=st.integers(1, 70_000),
)
def test_a_damaged_gzip_never_raises_anything_else(content, at, flip, size):
    data = bytearray(gzip.compress(content))
    data[at % len(data)] ^= flip
    out, error = gunzip(bytes(data), size)
    assert error is not None or out == content  # the CRC catches what the damage changed


@given(
    first=st.binary(min_size=1, max_size=5_000),
    second=st.binary(min_size=1, max_size=5_000),
    damage=st.binary(min_size=1, max_size=4),
    size=st.integers(1, 70_000),
)
def test_everything_before_damage_is_kept(first, second, damage, size):
    packer = zlib.compressobj(wbits=16 + zlib.MAX_WBITS)
    head = packer.compress(first) + packer.flush(zlib.Z_FULL_FLUSH)
    tail = packer.compress(second) + packer.flush()
    out, error = gunzip(head + damage + tail[len(damage) :], size)
    assert out.startswith(first)
    assert error is not None or out == first + second
