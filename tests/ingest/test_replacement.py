"""UTF-8 with a few stray bytes is read as UTF-8 with U+FFFD, not guessed as another charset;
`Incoming.replaced` counts the bytes replaced."""

from __future__ import annotations

import gzip
import json

import pytest

from tests.ingest.pages import html_page, warc_file
from tests.ingest.support import documents, read_all, rejects, write
from wirewatch.ingest._decode import decode, detect_encoding, utf8_damage
from wirewatch.ingest._errors import RecordError

# Valid UTF-8 with plenty of multi-byte characters, and long enough for one stray byte to be
# well under 1 % of it.
PROSE = (
    "Le ministère a confirmé l'arrivée de l'Antonov à Caracas, après une escale "
    "à Damas; « aucun commentaire », a déclaré le porte-parole. "
) * 4
STRAY = b"\xff"


def prose_with_stray(stray: bytes = STRAY) -> bytes:
    encoded = PROSE.encode()
    middle = len(encoded) // 2
    middle = encoded.index(b" ", middle)  # not inside a character
    return encoded[:middle] + stray + encoded[middle:]


def test_the_damage_is_measured_in_bytes():
    damage = utf8_damage("é€😀".encode() + b"\xff\xe2\x82", complete=True)
    assert (damage.multibyte, damage.undecodable) == (3, 3)
    held_back = utf8_damage("é".encode() + b"\xe2\x82", complete=False)  # a cut character
    assert (held_back.multibyte, held_back.undecodable) == (1, 0)


@pytest.mark.parametrize("stray", [b"\xff", b"\xe2\x82", b"\x80\x80"])
def test_mostly_utf8_is_decoded_with_replacement(stray):
    data = prose_with_stray(stray)
    decoded = decode(data)
    assert decoded.replaced == len(stray)
    assert decoded.text.count("\ufffd") in (1, len(stray))
    assert decoded.text.replace("\ufffd", "") == PROSE
    assert detect_encoding(data, complete=True) == "utf-8"


def test_utf8_with_a_byte_order_mark_and_a_stray_byte():
    decoded = decode(b"\xef\xbb\xbf" + prose_with_stray())
    assert decoded.replaced == 1 and decoded.text.startswith("Le ministère")


def test_plain_ascii_with_one_high_byte_is_still_guessed():
    data = b"The minister said the talks would resume on Monday, " * 4 + b"caf\xe9 au lait."
    decoded = decode(data)
    assert decoded.replaced == 0 and "café" in decoded.text


def test_legacy_text_without_valid_sequences_is_still_guessed():
    data = PROSE.encode("cp1252")
    decoded = decode(data)
    assert decoded.replaced == 0 and decoded.text == PROSE


def test_too_much_damage_is_not_read_as_utf8():
    # More stray bytes than valid multi-byte characters: not "mostly UTF-8".
    data = "Café ".encode() + b"\xff\xfe" * 2 + b" plain ascii text " * 10
    assert utf8_damage(data, complete=True).undecodable > utf8_damage(data, complete=True).multibyte
    try:
        decoded = decode(data)
    except RecordError:
        return  # nothing decodes it: fine, it was not read as UTF-8 either
    assert decoded.replaced == 0


def test_damage_over_one_percent_is_not_read_as_utf8():
    data = ("é" * 60).encode() + b"\xff" * 2  # 2 bad bytes of 122: over 1 %
    damage = utf8_damage(data, complete=True)
    assert damage.undecodable <= damage.multibyte
    assert detect_encoding(data, complete=True) != "utf-8"


def test_dated_text_and_its_gzip_form(tmp_path):
    body = b"date 2019-03-25 " + prose_with_stray()
    write(tmp_path / "a.txt", body)
    write(tmp_path / "b.txt.gz", gzip.compress(body))
    results = read_all([tmp_path])
    assert [(d.replaced, d.document.text.count("\ufffd")) for d in documents(results)] == [
        (1, 1),
        (1, 1),
    ]
    assert "ministère" in documents(results)[0].document.text


def test_clean_files_replace_nothing(tmp_path):
    write(tmp_path / "a.txt", b"date 2019-03-25 " + PROSE.encode())
    assert [d.replaced for d in documents(read_all([tmp_path]))] == [0]


def test_jsonl_lines_are_judged_one_by_one(tmp_path):
    good = json.dumps({"text": PROSE, "date": "2019-01-01"}, ensure_ascii=False).encode()
    short = json.dumps(
        {"text": "Arrivée à Caracas, 25 mars", "date": "2019-01-01"}, ensure_ascii=False
    ).encode()
    stray_inside = short.replace(b"25 mars", b"25 \xff mars")
    legacy = b'{"text": "caf\xe9 au lait", "date": "2019-01-01"}'
    path = write(tmp_path / "w.jsonl", b"\n".join([good, stray_inside, legacy, good]) + b"\n")
    found = documents(read_all([path]))
    assert [d.replaced for d in found] == [0, 1, 0, 0]
    # In a UTF-8 file a short line needs no 1 % share: its valid sequences are evidence enough.
    assert found[1].document.text == "Arrivée à Caracas, 25 \ufffd mars"
    assert found[2].document.text == "café au lait"  # a legacy line is still guessed


def test_jsonl_whose_head_has_a_stray_byte_stays_utf8(tmp_path):
    first = json.dumps({"text": PROSE, "date": "2019-01-01"}, ensure_ascii=False).encode()
    damaged = first.replace(b"Antonov", b"Anto\xffnov", 1)
    path = write(tmp_path / "w.jsonl", damaged + b"\n" + first + b"\n")
    found = documents(read_all([path]))
    assert [d.replaced for d in found] == [1, 0]
    assert "ministère" in found[0].document.text


def test_csv_rows_count_their_replacements(tmp_path):
    header = b"text,date\n"
    row = f'"{PROSE}\nsecond line über",2019-01-01\n'.encode()
    damaged = row.replace(b"second line", b"second \xff line")
    damaged = damaged.replace(b"Caracas", b"Ca\xferacas", 1)
    path = write(tmp_path / "w.csv", header + row + damaged + row)
    found = documents(read_all([path]))
    assert [d.replaced for d in found] == [0, 2, 0]
    assert rejects(read_all([path])) == []


def test_html_and_warc_bodies(tmp_path):
    page = html_page(body=[PROSE]).encode().replace(b"Damas;", b"Damas\xff;", 1)
    write(tmp_path / "a.html", page)
    warc_file(
        tmp_path / "b.warc",
        [("https://x.test/1", "200 OK", "text/html", page, "2019-03-25T08:00:00Z")],
    )
    found = documents(read_all([tmp_path]))
    assert [d.replaced for d in found] == [1, 1]
    assert all("ministère" in d.document.text for d in found)


def _feed(encoding: str = "") -> bytes:
    declaration = f' encoding="{encoding}"' if encoding else ""
    items = "".join(
        f"<item><title>Story {i}</title><description>{PROSE}</description>"
        "<pubDate>Mon, 25 Mar 2019 08:00:00 GMT</pubDate></item>"
        for i in range(2)
    )
    return (
        f'<?xml version="1.0"{declaration}?><rss version="2.0"><channel><title>Wire'
        f"</title>{items}</channel></rss>"
    ).encode()


@pytest.mark.parametrize("encoding", ["", "UTF-8"])
def test_a_utf8_feed_with_a_stray_byte_is_repaired_not_refused(tmp_path, encoding):
    feed = _feed(encoding).replace(b"Story 1", b"Story \xff1")
    found = read_all([write(tmp_path / "wire.rss", feed)])
    assert [(d.replaced, d.document.title) for d in documents(found)] == [
        (0, "Story 0"),
        (1, "Story \ufffd1"),
    ]


def test_a_feed_declaring_another_encoding_is_left_to_the_parser(tmp_path):
    feed = _feed("ISO-8859-1").replace(b"Story 1", b"Story \xe91")
    found = documents(read_all([write(tmp_path / "wire.rss", feed)]))
    assert [(d.replaced, d.document.title) for d in found][1] == (0, "Story é1")
