"""Line-by-line reading for JSONL and CSV: bounded memory, byte offsets, per-line charsets.

A line longer than the limit is skipped in chunks, never held whole, so one runaway line (a
file with no newlines) cannot exhaust memory; it is reported as too large.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO, Protocol

from wirewatch.ingest._decode import Decoded, detect_encoding, replace_undecodable, utf8_damage
from wirewatch.ingest._errors import RecordError
from wirewatch.ingest._source import HEAD_BYTES, peek_head

# Encodings whose newline is not the single byte 0x0A: lines must be split after decoding.
_WIDE = ("utf-16", "utf-32")


class LineStream(Protocol):
    def readline(self, size: int = -1, /) -> bytes: ...


@dataclass(frozen=True)
class Line:
    number: int  # 1-based
    offset: int  # byte offset of the line's start (in UTF-8 for re-encoded wide input)
    data: bytes | None  # None: the line was longer than the limit and was skipped


class LineDecoder:
    """Decodes each line on its own: UTF-8 first (a line that is valid UTF-8 almost surely is
    UTF-8), then mostly-UTF-8 with replacement (see `_decode`), then the charset guessed for
    the file, then a guess for that line alone; so one legacy-encoded line does not turn the
    UTF-8 lines around it into mojibake."""

    def __init__(self, encoding: str) -> None:
        self.encoding = encoding
        self._utf8 = encoding if encoding.startswith("utf-8") else "utf-8"
        # A line is too short for the 1 % share of "mostly UTF-8" to mean anything; when the
        # file's head is UTF-8, that is the evidence the share stands for.
        self._utf8_file = encoding.startswith("utf-8")

    def decode(self, data: bytes) -> Decoded:
        try:
            return Decoded(data.decode(self._utf8))
        except UnicodeDecodeError:
            pass
        damage = utf8_damage(data, complete=True)
        if damage.mostly(share=not self._utf8_file):
            return replace_undecodable(data, self._utf8, damage)
        return Decoded(self._legacy(data))

    def _legacy(self, data: bytes) -> str:
        if not self._utf8_file:
            try:
                return data.decode(self.encoding)
            except UnicodeDecodeError:
                pass
        encoding = detect_encoding(data, complete=True)
        try:
            return data.decode(encoding)
        except UnicodeDecodeError as error:
            raise RecordError(
                "undecodable",
                f"the line is neither {self._utf8} nor "
                f"{self.encoding} nor {encoding}: {error.reason}",
            ) from error


def open_lines(stream: BinaryIO) -> tuple[LineStream, LineDecoder]:
    """The stream to read lines from and their decoder; binary input is refused here."""
    try:
        encoding = detect_encoding(peek_head(stream), complete=False)
    except RecordError as error:
        if error.reason != "undecodable":
            raise
        encoding = "utf-8"  # no charset fits the head as a whole: judge each line alone
    if encoding.startswith(_WIDE):
        return _Utf8Lines(io.TextIOWrapper(stream, encoding=encoding, newline="")), LineDecoder(
            "utf-8"
        )
    return stream, LineDecoder(encoding)


def iter_lines(stream: LineStream, max_bytes: int) -> Iterator[Line]:
    number = offset = 0
    while chunk := stream.readline(max_bytes + 1):
        number += 1
        start = offset
        offset += len(chunk)
        if len(chunk) > max_bytes and not chunk.endswith(b"\n"):
            offset += _skip_rest(stream)
            yield Line(number, start, None)
        else:
            yield Line(number, start, chunk)


def _skip_rest(stream: LineStream) -> int:
    skipped = 0
    while chunk := stream.readline(HEAD_BYTES):
        skipped += len(chunk)
        if chunk.endswith(b"\n"):
            break
    return skipped


class _Utf8Lines:
    """UTF-16/32 text served as UTF-8 lines, so one line splitter serves every charset."""

    def __init__(self, text: io.TextIOWrapper) -> None:
        self._text = text

    def readline(self, size: int = -1, /) -> bytes:
        try:
            return self._text.readline(size).encode("utf-8")
        except UnicodeDecodeError as error:
            raise RecordError(
                "undecodable", f"the {self._text.encoding} text breaks off: {error.reason}"
            ) from error
