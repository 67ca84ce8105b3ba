"""Bytes to text: byte-order marks, UTF-8, then charset detection; binary data refused.

UTF-8 is tried first because it is what nearly every modern source uses and a wrong guess there
is nearly impossible (random non-UTF-8 bytes seldom form valid sequences). Only when it fails
does charset-normalizer guess (cp1252, latin-1, ...), and only when that fails is the input
rejected as undecodable.

Mostly UTF-8. A UTF-8 file with a few damaged bytes (a cut-off copy, a flipped bit, one legacy
character pasted in) is still UTF-8: guessing a legacy charset for it would turn every accented
letter into mojibake. Data is taken as mostly UTF-8 when all three hold:

  - it has at least one valid multi-byte UTF-8 sequence (evidence of UTF-8 beyond ASCII);
  - it has no more undecodable bytes than valid multi-byte sequences;
  - undecodable bytes are under 1 % of its bytes.

It is then decoded as UTF-8 with U+FFFD for each invalid sequence (one per maximal invalid
subsequence, as Unicode recommends, so a text may hold fewer U+FFFD than bytes were lost), and
the number of undecodable *bytes* is reported (`Decoded.replaced`, which readers put in
`Incoming.replaced`). ASCII plus a stray high byte has no valid multi-byte sequence and is still
guessed: a lone 0xE9 is far likelier cp1252 "é" than damage. One line of a JSONL or CSV file
whose head is UTF-8 is too short for a 1 % share to mean anything; it needs only the first two
(see `_lines.LineDecoder`).
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

import charset_normalizer

from wirewatch.ingest._errors import RecordError

# Longest marks first: the UTF-32-LE mark begins with the UTF-16-LE one.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# C0 controls that text files do not contain (tab, LF, VT, FF, CR and ESC are left out).
_CONTROL = bytes([*range(0x00, 0x09), *range(0x0E, 0x1B), *range(0x1C, 0x20)])
_NOT_CONTROL = bytes(byte for byte in range(256) if byte not in _CONTROL)
_MAX_CONTROL_SHARE = 0.05
# When charset-normalizer scores several single-byte charsets the same (short Western text
# often reads equally well as cp1250 and cp1252), prefer the one the WHATWG Encoding Standard
# makes the legacy default for Western locales, then its ISO relatives.
_TIE_PREFERENCE = ("cp1252", "latin_1", "iso8859_15")
_MAX_DAMAGE_SHARE = 0.01  # undecodable bytes in mostly-UTF-8 data: under 1 %


@dataclass(frozen=True)
class Decoded:
    text: str
    replaced: int = 0  # undecodable bytes replaced by U+FFFD


@dataclass(frozen=True)
class Utf8Damage:
    """How UTF-8-like some bytes are: what decodes as multi-byte UTF-8 and what does not."""

    multibyte: int  # valid multi-byte sequences
    undecodable: int  # bytes that are part of no valid sequence
    size: int

    def mostly(self, *, share: bool = True) -> bool:
        """Mostly UTF-8 (the module docstring); `share=False` drops the 1 % condition."""
        if self.multibyte == 0 or self.undecodable > self.multibyte:
            return False
        return not share or self.undecodable < _MAX_DAMAGE_SHARE * self.size


def bom_encoding(head: bytes) -> str | None:
    for mark, encoding in _BOMS:
        if head.startswith(mark):
            return encoding
    return None


def looks_binary(head: bytes) -> bool:
    """NUL bytes or many control characters, in data that has no UTF-16/32 byte-order mark."""
    if not head or bom_encoding(head) in ("utf-16", "utf-32"):
        return False
    if b"\x00" in head:
        return True
    controls = len(head.translate(None, _NOT_CONTROL))  # bytes.translate runs in C
    return controls / len(head) > _MAX_CONTROL_SHARE


def detect_encoding(head: bytes, *, complete: bool) -> str:
    """The encoding of `head`; `complete` is False when more bytes follow (a cut character)."""
    marked = bom_encoding(head)
    if marked:
        return marked
    if looks_binary(head):
        raise RecordError(
            "binary", "the data is binary (NUL bytes or control characters), not text"
        )
    if _is_utf8(head, complete=complete) or utf8_damage(head, complete=complete).mostly():
        return "utf-8"  # mostly-UTF-8 data is decoded with replacement: see `decode`
    guessed = _guess(head)
    if guessed is None:
        raise RecordError("undecodable", "the bytes are not UTF-8 and no charset decodes them")
    return guessed


def decode(data: bytes) -> Decoded:
    """All of `data` as text, or a binary/undecodable error."""
    encoding = detect_encoding(data, complete=True)
    try:
        return Decoded(data.decode(encoding))
    except UnicodeDecodeError as error:
        if encoding.startswith("utf-8"):  # a byte-order mark says UTF-8, or the data is mostly
            damage = utf8_damage(data, complete=True)
            if damage.mostly():
                return replace_undecodable(data, encoding, damage)
        raise RecordError(
            "undecodable",
            f"detected charset {encoding} fails at byte {error.start}: {error.reason}",
        ) from error


def replace_undecodable(data: bytes, encoding: str, damage: Utf8Damage) -> Decoded:
    """Mostly-UTF-8 `data` (`encoding` is utf-8 or utf-8-sig) with U+FFFD for what is not."""
    return Decoded(data.decode(encoding, errors="replace"), replaced=damage.undecodable)


def utf8_damage(data: bytes, *, complete: bool) -> Utf8Damage:
    """Count valid multi-byte sequences and undecodable bytes; `complete` False: a character
    cut at the end of `data` (more bytes follow) is not counted as damage."""
    decoder = codecs.getincrementaldecoder("utf-8")(errors="surrogateescape")
    # surrogateescape turns each undecodable byte into one lone surrogate, which a strict
    # re-encoding drops; counting by lengths keeps memory flat even for binary data.
    text = decoder.decode(data, final=complete)
    consumed = len(data) - len(decoder.getstate()[0])
    undecodable = consumed - len(text.encode("utf-8", errors="ignore"))
    non_ascii = len(text) - len(text.encode("ascii", errors="ignore"))
    return Utf8Damage(multibyte=non_ascii - undecodable, undecodable=undecodable, size=len(data))


def preview(head: bytes) -> str:
    """A lenient decoding of a head, for sniffing only (never for the documents themselves)."""
    encoding = bom_encoding(head) or "utf-8"
    return codecs.getincrementaldecoder(encoding)(errors="replace").decode(head)


def _guess(data: bytes) -> str | None:
    matches = list(charset_normalizer.from_bytes(data))
    if not matches:
        return None
    best = matches[0]
    tied = {m.encoding for m in matches if (m.chaos, m.coherence) == (best.chaos, best.coherence)}
    return next((name for name in _TIE_PREFERENCE if name in tied), best.encoding)


def _is_utf8(data: bytes, *, complete: bool) -> bool:
    try:
        codecs.getincrementaldecoder("utf-8")().decode(data, final=complete)
    except UnicodeDecodeError:
        return False
    return True
