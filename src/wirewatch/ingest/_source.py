"""What a reader gets: one input (a file or standard input) and the read options."""

from __future__ import annotations

import datetime as dt
import errno
import io
import os
import stat
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from wirewatch.ingest._errors import RecordError
from wirewatch.ingest._gunzip import GunzipReader
from wirewatch.model import Incoming, Origin, Reject

if TYPE_CHECKING:
    from _typeshed import WriteableBuffer

# Enough bytes to sniff a format and guess a charset, small enough to hold for every input.
HEAD_BYTES = 64 * 1024
# No supported encoding needs more than 4 bytes for one code point, so a text of `max_chars`
# code points cannot take more than this many bytes per character.
MAX_BYTES_PER_CHAR = 4
# Markup around the text of a page or a feed item; a page bigger than this many bytes per
# allowed text character is refused before it is parsed.
MARKUP_BYTES_PER_CHAR = 20

Output = Incoming | Reject

# Flags a platform lacks count as 0. No controlling terminal from a device, no leaked fd.
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
_OPEN_FLAGS = (
    os.O_RDONLY
    | _NONBLOCK
    | getattr(os, "O_NOCTTY", 0)
    | getattr(os, "O_CLOEXEC", 0)
    | getattr(os, "O_BINARY", 0)
)


@dataclass(frozen=True)
class ReadOptions:
    default_date: dt.date | None
    max_chars: int

    @property
    def max_text_bytes(self) -> int:
        """Bytes above which a plain text is surely over `max_chars` (plus room for a header)."""
        return MAX_BYTES_PER_CHAR * (self.max_chars + 64)

    @property
    def max_markup_bytes(self) -> int:
        return MARKUP_BYTES_PER_CHAR * (self.max_chars + 64)


@dataclass(frozen=True)
class Source:
    """One input: its name as the user gave it (a path, or "-") and how to open it."""

    name: str
    open: Callable[[], BinaryIO]

    def origin(self, locator: str = "") -> Origin:
        return Origin(source=self.name, locator=locator)


Reader = Callable[[Source, ReadOptions], Iterator[Output]]


def file_source(path: Path) -> Source:
    # A large buffer so that `peek` on the opened file shows a whole sniffing head.
    return Source(
        name=str(path), open=lambda: io.BufferedReader(open_regular(path), buffer_size=HEAD_BYTES)
    )


def gzip_source(path: Path) -> Source:
    """A gzip-compressed file, decompressed as it is read (never whole)."""

    def opened() -> BinaryIO:
        return io.BufferedReader(GunzipReader(open_regular(path)), buffer_size=HEAD_BYTES)

    return Source(name=str(path), open=opened)


def special_kind(mode: int) -> str | None:
    """What a file that is neither regular nor a directory is ("a FIFO"), else None."""
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode):
        return None
    kinds = (
        (stat.S_ISFIFO, "a FIFO (named pipe)"),
        (stat.S_ISSOCK, "a socket"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
    )
    return next((name for is_kind, name in kinds if is_kind(mode)), "not a regular file")


def not_a_file(name: str, kind: str) -> RecordError:
    return RecordError(
        "not_a_file",
        f"{name} is {kind}, not a regular file: it is not "
        "opened, since reading it could block forever or never end",
    )


def open_regular(path: Path) -> io.FileIO:
    """`path` opened for reading, if it is a regular file.

    The directory walk skips special files before anything opens them; this check after
    opening covers a file swapped for a FIFO in between. O_NONBLOCK makes opening a FIFO
    return at once instead of waiting for a writer; reads then block as usual."""
    try:
        fd = os.open(path, _OPEN_FLAGS)
    except ValueError as error:  # a NUL in the path: no file can have that name
        raise OSError(errno.EINVAL, str(error), str(path)) from error
    try:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
        kind = special_kind(mode)
        if kind is not None:
            raise not_a_file(str(path), kind)
        if _NONBLOCK:
            os.set_blocking(fd, True)
        return io.FileIO(fd, "rb", closefd=True)
    except BaseException:
        os.close(fd)
        raise


def peek_head(stream: BinaryIO) -> bytes:
    """Up to HEAD_BYTES from the start of a buffered stream, without consuming them."""
    peek = getattr(stream, "peek", None)
    if peek is None:
        raise TypeError("ingest streams must be buffered (io.BufferedReader)")
    return bytes(peek(HEAD_BYTES)[:HEAD_BYTES])


def read_bounded(stream: BinaryIO, limit: int, what: str) -> bytes:
    """The whole stream, or a too_large error when it holds more than `limit` bytes."""
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise RecordError(
            "too_large",
            f"{what} is over {limit:,} bytes, so its text would be "
            "over the max_chars limit; refused before parsing",
        )
    return data


class _Prefixed(io.RawIOBase):
    """A non-seekable stream whose first bytes were already read (to sniff its format)."""

    def __init__(self, head: bytes, rest: BinaryIO) -> None:
        self._head = memoryview(head)
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: WriteableBuffer) -> int:
        # Any writable buffer, as bytes; released on return, so the caller may resize it.
        with memoryview(buffer) as given, given.cast("B") as view:
            if self._head:
                count = min(len(view), len(self._head))
                view[:count] = self._head[:count]
                self._head = self._head[count:]
                return count
            data = self._rest.read(len(view))
            view[: len(data)] = data
        return len(data)


def stdin_source(stream: BinaryIO) -> tuple[Source, bytes]:
    """A Source over standard input, and its head (read once, replayed to the reader)."""
    head = _read_head(stream)
    opened = io.BufferedReader(_Prefixed(head, stream), buffer_size=HEAD_BYTES)
    return Source(name="-", open=lambda: opened), head


def _read_head(stream: BinaryIO) -> bytes:
    # A pipe may return short reads; keep reading until the head is full or input ends.
    parts: list[bytes] = []
    size = 0
    while size < HEAD_BYTES:
        chunk = stream.read(HEAD_BYTES - size)
        if not chunk:
            break
        parts.append(chunk)
        size += len(chunk)
    return b"".join(parts)
