"""gzip decompression that hands out every byte before damage, then says what is wrong.

`gzip.GzipFile` behind a read buffer loses what it decompressed in the read that meets corrupt
data or the end of a cut-off file: up to a buffer's worth of records that were intact. This
reader returns output as soon as zlib makes it; when zlib reports corrupt data, it salvages the
output of that last step that precedes the damage (re-running the step, on copies of the
decompressor, over shorter and shorter starts of its input), returns it, and raises on the
next read.

Like `gzip`, it reads one member after another and allows zero bytes of padding after the
last; zlib itself checks each member's header, CRC-32 and length.
"""

from __future__ import annotations

import gzip
import io
import zlib
from typing import TYPE_CHECKING, BinaryIO

if TYPE_CHECKING:
    from _typeshed import WriteableBuffer

_GZIP_WBITS = 16 + zlib.MAX_WBITS  # a gzip header and trailer around the deflate data
_CHUNK = 64 * 1024  # compressed bytes read at a time


class GunzipReader(io.RawIOBase):
    """The decompressed content of `raw` (a gzip file), as a raw stream; closes `raw`."""

    def __init__(self, raw: BinaryIO) -> None:
        self._raw = raw
        self._input = b""  # compressed bytes read but not yet consumed
        self._inflate: zlib._Decompress | None = None  # None between members
        self._members = 0  # members read to their end
        self._out = 0  # bytes of content handed out
        self._failure: OSError | EOFError | None = None  # raised once salvage is handed out

    def readable(self) -> bool:
        return True

    def close(self) -> None:
        if not self.closed:
            self._raw.close()
        super().close()

    def readinto(self, buffer: WriteableBuffer) -> int:
        # Any writable buffer, as bytes; released on return, so the caller may resize it.
        with memoryview(buffer) as given, given.cast("B") as view:
            if not len(view):
                return 0  # zlib reads a max_length of 0 as "no limit"
            data = self._next(len(view))
            view[: len(data)] = data
        self._out += len(data)
        return len(data)

    def _next(self, size: int) -> bytes:
        while True:
            if self._failure is not None:
                raise self._failure
            if not self._input and not self._fill():
                return self._at_end()
            if self._inflate is None and not self._start_member():
                continue  # only padding so far: look further
            data = self._step(size)
            if data:
                return data

    def _fill(self) -> bool:
        self._input = self._raw.read(_CHUNK)
        return bool(self._input)

    def _at_end(self) -> bytes:
        if self._inflate is not None:  # inside a member: the file was cut off
            raise EOFError(
                f"the gzip data ends before its end marker, after {self._out:,} "
                "bytes of content (a cut-off file?)"
            )
        return b""

    def _start_member(self) -> bool:
        if self._members:
            self._input = self._input.lstrip(b"\0")  # padding is allowed after a member
            if not self._input:
                return False
        self._inflate = zlib.decompressobj(_GZIP_WBITS)
        return True

    def _step(self, size: int) -> bytes:
        assert self._inflate is not None
        saved, given = self._inflate.copy(), self._input
        try:
            data = self._inflate.decompress(given, size)
        except zlib.error as error:
            salvaged = _salvage(saved, given, size)
            self._failure = self._corrupt(error, self._out + len(salvaged))
            return salvaged
        if self._inflate.eof:
            self._input, self._inflate = self._inflate.unused_data, None
            self._members += 1
        else:
            self._input = self._inflate.unconsumed_tail
        return data

    def _corrupt(self, error: zlib.error, good: int) -> OSError:
        detail = str(error).removeprefix("Error -3 while decompressing data: ")
        if good == 0 and not self._members and "header" in detail:
            return gzip.BadGzipFile(f"not gzip data ({detail})")
        where = f" in gzip member {self._members + 1}" if self._members else ""
        return gzip.BadGzipFile(
            f"the gzip data is corrupt ({detail}){where} after {good:,} bytes of content"
        )


def _salvage(saved: zlib._Decompress, given: bytes, size: int) -> bytes:
    """What a copy of `saved` makes of the longest start of `given` that zlib accepts: the
    output before the damage. (Limiting output instead would not do: zlib parses the next block
    header as soon as the last byte is out, so the step fails even with no room left.)"""
    low, high = 0, len(given)  # invariant: given[:low] decompresses without error (or low is 0)
    while low < high:
        middle = (low + high + 1) // 2
        try:
            saved.copy().decompress(given[:middle], size)
        except zlib.error:
            high = middle - 1
        else:
            low = middle
    try:
        return saved.decompress(given[:low], size)
    except zlib.error:  # the damage is in bits zlib had taken in before this step
        return b""
