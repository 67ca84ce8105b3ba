"""A catalogue of hostile inputs: each kind of bad file, record or text a real crawl, feed or
export can hand us, written into one directory for one ingest.

Every entry writes its file(s) into one directory, so a test can check that each file's
records ended stored, duplicate or rejected with a reason, and nothing else.
"""

from __future__ import annotations

import gzip
import json
import os
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

GOOD = (
    "Ukrainian air defence units shot down eleven drones over the Odesa region overnight, "
    "the regional administration said on Tuesday, adding that debris damaged a warehouse "
    "near the port of Izmail and injured two workers."
)


def _line(**fields: object) -> str:
    return json.dumps({"date": "2026-03-03", **fields}, ensure_ascii=False) + "\n"


def _text(tag: str) -> str:
    """A valid article text of its own for entry `tag`: words derived from the tag make up
    most of it, so no two entries are near duplicates of each other."""
    filler = " ".join(f"{tag}w{i}" for i in range(60))
    return f"{GOOD} Logged items: {filler}."


@dataclass
class Entry:
    kind: str
    write: Callable[[Path], None]  # writes the entry's file(s) into the directory


def _bytes(name: str, data: bytes) -> Callable[[Path], None]:
    return lambda folder: (folder / name).write_bytes(data)


def _str(name: str, data: str) -> Callable[[Path], None]:
    return lambda folder: (folder / name).write_text(data, encoding="utf-8")


def _fifo(folder: Path) -> None:
    os.mkfifo(folder / "pipe.jsonl")


def _symlink_loop(folder: Path) -> None:
    (folder / "loop-a.txt").symlink_to(folder / "loop-b.txt")
    (folder / "loop-b.txt").symlink_to(folder / "loop-a.txt")


def _dangling(folder: Path) -> None:
    (folder / "dangling.jsonl").symlink_to(folder / "does-not-exist.jsonl")


def _dir_cycle(folder: Path) -> None:
    (folder / "sub").mkdir()
    (folder / "sub" / "up").symlink_to(folder, target_is_directory=True)
    (folder / "sub" / "fine.jsonl").write_text(_line(text=_text("sub")), encoding="utf-8")


def _corrupt_gzip() -> bytes:
    packed = bytearray(
        gzip.compress("".join(_line(text=_text(f"gz{i}")) for i in range(40)).encode())
    )
    packed[30:60] = b"\x00" * 30  # damage the deflate stream
    return bytes(packed)


def _gzip_bomb() -> bytes:
    """A few hundred kB that inflate to 200 MB of one text: must stop at the size cap."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, 31)
    chunk = b"a " * 500_000
    parts = [compressor.compress(b"date 2026-03-03\n")]
    parts += [compressor.compress(chunk) for _ in range(200)]
    return b"".join(parts) + compressor.flush()


def _billion_laughs() -> str:
    entities = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10 if i else "lol"}">' for i in range(10))
    return (
        f'<?xml version="1.0"?><!DOCTYPE rss [{entities}]><rss version="2.0"><channel>'
        "<item><title>&l9;</title><description>&l9;</description>"
        "<pubDate>Tue, 03 Mar 2026 10:00:00 GMT</pubDate></item></channel></rss>"
    )


def _xxe() -> str:
    return (
        '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        '<rss version="2.0"><channel><item><title>x</title><description>&x;</description>'
        "<pubDate>Tue, 03 Mar 2026 10:00:00 GMT</pubDate></item></channel></rss>"
    )


def _warc(body: bytes, truncate: int = 0) -> bytes:
    http = (
        b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html><body><article><p>"
        + body
        + b"</p></article></body></html>"
    )
    head = (
        b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: http://example.org/a\r\n"
        b"WARC-Date: 2026-03-03T10:00:00Z\r\nWARC-Record-ID: <urn:uuid:1>\r\n"
        b"Content-Type: application/http; msgtype=response\r\n"
        + f"Content-Length: {len(http)}\r\n\r\n".encode()
    )
    record = head + http + b"\r\n\r\n"
    return record[:-truncate] if truncate else record


def catalogue() -> list[Entry]:
    deep = "[" * 200_000 + "]" * 200_000
    entries = [
        Entry("good record", _str("good.jsonl", _line(id="good", text=_text("good")))),
        Entry("nested 200,000 deep", _str("deep.jsonl", deep + "\n")),
        Entry(
            "nested object",
            _str("deep-object.jsonl", '{"a":' * 100_000 + "1" + "}" * 100_000 + "\n"),
        ),
        Entry(
            "lone surrogate",
            _str("surrogate.jsonl", '{"date": "2026-03-03", "text": "abc \\ud800 def"}\n'),
        ),
        Entry(
            "5,000-digit number",
            _str("bignum.jsonl", '{"date": "2026-03-03", "text": "x", "n": ' + "9" * 5000 + "}\n"),
        ),
        Entry("NUL in text", _str("nul.jsonl", _line(text="before \u0000 after " + GOOD))),
        Entry("NUL in id", _str("nul-id.jsonl", _line(id="a\u0000b", text=_text("nulid")))),
        Entry("over-long id", _str("long-id.jsonl", _line(id="i" * 300, text=_text("lid")))),
        Entry(
            "over-long lang", _str("long-lang.jsonl", _line(lang="x" * 300, text=_text("llang")))
        ),
        Entry(
            "number as date",
            _str("numdate.jsonl", json.dumps({"date": 0, "text": _text("n0")}) + "\n"),
        ),
        Entry(
            "year 1",
            _str(
                "year1.jsonl",
                json.dumps({"date": "0001-01-01", "text": "Yesterday troops withdrew. " + GOOD})
                + "\n",
            ),
        ),
        Entry(
            "year 9999",
            _str(
                "year9999.jsonl",
                json.dumps({"date": "9999-12-31", "text": "Next year talks resume. " + GOOD})
                + "\n",
            ),
        ),
        Entry(
            "impossible date",
            _str("feb30.jsonl", json.dumps({"date": "2019-02-30", "text": _text("feb30")}) + "\n"),
        ),
        Entry(
            "date in words",
            _str("worddate.jsonl", json.dumps({"date": "yesterday", "text": _text("wd")}) + "\n"),
        ),
        Entry(
            "impossible dates in body",
            _str(
                "bodydates.jsonl",
                _line(text="On 2019-00-10 and 31/02/2019 and 2019-13-45 the unit moved. " + GOOD),
            ),
        ),
        Entry(
            "range edge, relative dates",
            _str(
                "edge-low.jsonl",
                json.dumps(
                    {
                        "date": "1000-01-01",
                        "text": "Yesterday, a century ago and last week, "
                        "the garrison left. " + GOOD,
                    }
                )
                + "\n",
            ),
        ),
        Entry(
            "range edge high",
            _str(
                "edge-high.jsonl",
                json.dumps(
                    {
                        "date": "8999-12-31",
                        "text": "Next year and in 50 years the fleet will sail. " + GOOD,
                    }
                )
                + "\n",
            ),
        ),
        Entry("array line", _str("array.jsonl", "[1, 2, 3]\n")),
        Entry("text is a number", _str("textnum.jsonl", '{"date": "2026-03-03", "text": 5}\n')),
        Entry("whitespace text", _str("blank.jsonl", _line(text="   \n\t  "))),
        Entry("empty file", _str("empty.txt", "")),
        Entry("only a BOM", _bytes("bom.txt", b"\xef\xbb\xbf")),
        Entry("binary named txt", _bytes("image.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)))),
        Entry("zip named jsonl", _bytes("archive.jsonl", b"PK\x03\x04" + bytes(200))),
        Entry(
            "stray byte in UTF-8",
            _bytes(
                "stray.txt",
                (
                    "date 2026-03-03\nKyiv — Ukraine’s navy said the Russian corvette “Vyshny "
                    "Volochyok” left Sevastopol. "
                ).encode()
                + b"\xff"
                + _text("stray").encode(),
            ),
        ),
        Entry(
            "legacy cp1252",
            _bytes(
                "legacy.txt",
                ("date 2026-03-03\nThe caf\xe9 owner in Li\xe8ge said " + _text("cp")).encode(
                    "latin-1"
                ),
            ),
        ),
        Entry(
            "UTF-16 with BOM",
            _bytes("utf16.txt", ("date 2026-03-03\n" + _text("u16")).encode("utf-16")),
        ),
        Entry("corrupt gzip", _bytes("corrupt.jsonl.gz", _corrupt_gzip())),
        Entry(
            "truncated gzip",
            _bytes("truncated.jsonl.gz", gzip.compress(_line(text=_text("tgz")).encode())[:-12]),
        ),
        Entry("gzip bomb", _bytes("bomb.txt.gz", _gzip_bomb())),
        Entry(
            "gzip inside gzip",
            _bytes(
                "double.jsonl.gz", gzip.compress(gzip.compress(_line(text=_text("dbl")).encode()))
            ),
        ),
        Entry("unbalanced CSV quote", _str("quote.csv", 'date,text\n2026-03-03,"open quote\n')),
        Entry("CSV without text", _str("notext.csv", "date,title\n2026-03-03,hello\n")),
        Entry("billion laughs", _str("laughs.rss", _billion_laughs())),
        Entry("external entity", _str("xxe.rss", _xxe())),
        Entry(
            "atom with bad date",
            _str(
                "bad.atom",
                (
                    '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><entry>'
                    "<title>t</title><updated>not a date</updated><content>"
                    + _text("atom")
                    + "</content></entry></feed>"
                ),
            ),
        ),
        Entry(
            "rss item without text",
            _str(
                "notext.rss",
                (
                    '<?xml version="1.0"?><rss version="2.0"><channel><item><title></title>'
                    "<pubDate>Tue, 03 Mar 2026 10:00:00 GMT</pubDate></item></channel></rss>"
                ),
            ),
        ),
        Entry("truncated WARC", _bytes("cut.warc", _warc(_text("warc").encode(), 120))),
        Entry(
            "WARC without date",
            _bytes(
                "nodate.warc",
                _warc(_text("w2").encode()).replace(b"WARC-Date: 2026-03-03T10:00:00Z\r\n", b""),
            ),
        ),
        Entry(
            "HTML of scripts only", _str("scripts.html", "<html><script>alert(1)</script></html>")
        ),
        Entry(
            "HTML 5,000 levels deep",
            _str(
                "deep.html",
                (
                    "<html><head><meta name='date' content='2026-03-03'></head><body>"
                    + "<div>" * 5000
                    + _text("deephtml")
                    + "</div>" * 5000
                    + "</body></html>"
                ),
            ),
        ),
        Entry(
            "dated text with impossible header",
            _str("badheader.txt", "date 2019-13-45\n" + _text("bh")),
        ),
        Entry("over the size cap", _str("huge.txt", "date 2026-03-03\n" + "word " * 120_000)),
        Entry(
            "one 100k-character token",
            _str("token.txt", "date 2026-03-03\n" + "x" * 100_000 + " " + _text("token")),
        ),
        Entry(
            "ten thousand newlines",
            _str("newlines.txt", "date 2026-03-03\n" + "\n" * 10_000 + _text("nl")),
        ),
        Entry(
            "control and bidi characters",
            _str(
                "bidi.jsonl",
                _line(text="\u202eevil\u202c \u200b\u200d \x07\x1b[31m " + _text("bidi")),
            ),
        ),
        Entry("emoji only", _str("emoji.jsonl", _line(text="🚀🔥💥" * 50))),
        Entry(
            "duplicate keys",
            _str(
                "dupkeys.jsonl",
                '{"date": "2026-03-03", "text": "a", "text": ' + json.dumps(_text("dk")) + "}\n",
            ),
        ),
        Entry(
            "javascript URL",
            _str("jsurl.jsonl", _line(url="javascript:alert(1)", text=_text("js"))),
        ),
        Entry("exact copy", _str("zz-copy.jsonl", _line(id="copy", text=_text("good")))),
        Entry(
            "same id, other text", _str("zz-version.jsonl", _line(id="good", text=_text("other")))
        ),
        Entry(
            "near copy",
            _str("zz-near.jsonl", _line(text=_text("good").replace("goodw30", "goodw31"))),
        ),
        Entry("named pipe", _fifo),
        Entry("symlink loop", _symlink_loop),
        Entry("dangling symlink", _dangling),
        Entry("directory cycle", _dir_cycle),
        Entry(
            "file name not UTF-8",
            lambda folder: (folder / os.fsdecode(b"r\xe9sum\xe9.txt")).write_text(
                "date 2026-03-03\n" + _text("name"), encoding="utf-8"
            ),
        ),
        Entry("unknown format", _str("notes.bin", "just some words with no structure\x01\x02")),
    ]
    return entries


def write_catalogue(folder: Path) -> int:
    """Write every entry into `folder`; the number of kinds written."""
    folder.mkdir(parents=True, exist_ok=True)
    entries = catalogue()
    for entry in entries:
        entry.write(folder)
    return len(entries)
