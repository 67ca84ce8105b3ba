"""Bytes to text: byte-order marks, UTF-8, then charset detection; binary data refused.

UTF-8 is tried first because it is what nearly every modern source uses and a wrong guess there
is nearly impossible (random non-UTF-8 bytes seldom form valid sequences). Only when it fails
does charset-normalizer guess (cp1252, latin-1, ...), and only when that fails is the input
rejected as undecodable.
"""

from __future__ import annotations

import codecs

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
        raise RecordError("binary", "the data is binary (NUL bytes or control characters), "
                          "not text")
    if _is_utf8(head, complete=complete):
        return "utf-8"
    guessed = _guess(head)
    if guessed is None:
        raise RecordError("undecodable", "the bytes are not UTF-8 and no charset decodes them")
    return guessed


def decode(data: bytes) -> str:
    """All of `data` as text, or a binary/undecodable error."""
    encoding = detect_encoding(data, complete=True)
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        raise RecordError("undecodable", f"detected charset {encoding} fails at byte "
                          f"{error.start}: {error.reason}") from error


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
