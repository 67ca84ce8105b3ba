"""Helpers shared by the ingest tests: run the readers, split results, load the test article."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterable, Iterator
from pathlib import Path

from wirewatch.ingest import read_sources
from wirewatch.model import Incoming, Reject

DATA = Path(__file__).parent / "data"
DAY = dt.date(2019, 3, 25)


def article() -> str:
    return (DATA / "article.txt").read_text(encoding="utf-8").strip()


def paragraphs() -> list[str]:
    return article().split("\n\n")


def read_all(paths: Iterable[str | Path], **options: object) -> list[Incoming | Reject]:
    return list(read_sources(paths, **options))  # type: ignore[arg-type]


def documents(results: list[Incoming | Reject]) -> list[Incoming]:
    return [item for item in results if isinstance(item, Incoming)]


def rejects(results: list[Incoming | Reject]) -> list[Reject]:
    return [item for item in results if isinstance(item, Reject)]


def write(path: Path, content: str | bytes, encoding: str = "utf-8") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content if isinstance(content, bytes) else content.encode(encoding))
    return path


class EndlessStream(io.RawIOBase):
    """A stdin that does not end soon: `head` once, then `unit` repeated; counts the bytes
    served. It does stop after `limit` bytes, so a reader that slurps fails instead of hanging."""

    def __init__(self, head: bytes, unit: bytes, limit: int = 30_000_000) -> None:
        self._pending = head
        self._unit = unit
        self._limit = limit
        self.served = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:  # type: ignore[no-untyped-def]
        if self.served >= self._limit:
            return 0
        while len(self._pending) < len(buffer):
            self._pending += self._unit
        count = len(buffer)
        buffer[:count] = self._pending[:count]
        self._pending = self._pending[count:]
        self.served += count
        return count


def lines(*rows: str) -> str:
    return "".join(f"{row}\n" for row in rows)


def by_locator(results: Iterable[Incoming | Reject]) -> Iterator[tuple[str, Incoming | Reject]]:
    for item in results:
        yield item.origin.locator, item
