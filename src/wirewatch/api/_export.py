"""Streaming exports: the writers of `wirewatch.export` run in a thread and hand their text
to the response chunk by chunk, so a large export never sits whole in memory."""

from __future__ import annotations

import contextlib
import io
import queue
import threading
from collections.abc import Callable, Iterator
from typing import TextIO

from wirewatch.export import write_csv, write_geojson, write_jsonl, write_plover
from wirewatch.model import Filters
from wirewatch.store import Store

Writer = Callable[[Store, Filters, TextIO], object]

WRITERS: dict[str, Writer] = {
    "csv": lambda store, f, out: write_csv(store.iter_analyses(f), out, f),
    "geojson": lambda store, f, out: write_geojson(store.iter_analyses(f), out, f),
    "jsonl": lambda store, f, out: write_jsonl(store.iter_analyses(f), out, f),
    "plover": lambda store, f, out: write_plover(store.iter_analyses(f), out, f),
}
MEDIA = {"csv": "text/csv", "geojson": "application/geo+json",
         "jsonl": "application/x-ndjson", "plover": "application/x-ndjson"}
SUFFIX = {"csv": "csv", "geojson": "geojson", "jsonl": "jsonl", "plover": "plover.jsonl"}
CHUNK = 64 * 1024
_DONE = object()


class Cancelled(Exception):
    """The client went away: the writer thread stops at its next write."""


class _QueueText(io.TextIOBase):
    """A text stream whose writes become chunks on a bounded queue (back-pressure)."""

    def __init__(self, chunks: queue.Queue, stop: threading.Event) -> None:
        self.chunks, self.stop = chunks, stop
        self.buffer: list[str] = []
        self.size = 0

    def write(self, text: str) -> int:
        self.buffer.append(text)
        self.size += len(text)
        if self.size >= CHUNK:
            self.flush()
        return len(text)

    def flush(self) -> None:
        if self.buffer:
            self._put("".join(self.buffer))
            self.buffer, self.size = [], 0

    def _put(self, item: object) -> None:
        while True:
            if self.stop.is_set():
                raise Cancelled
            try:
                self.chunks.put(item, timeout=0.5)
                return
            except queue.Full:
                continue


def stream(fmt: str, store: Store, filters: Filters) -> Iterator[bytes]:
    """The export as UTF-8 chunks; the writer thread ends when the consumer stops reading."""
    chunks: queue.Queue = queue.Queue(maxsize=8)
    stop = threading.Event()
    out = _QueueText(chunks, stop)
    failure: list[BaseException] = []

    def produce() -> None:
        try:
            WRITERS[fmt](store, filters, out)
            out.flush()
        except Cancelled:
            return
        except BaseException as error:  # handed to the consumer, which re-raises it
            failure.append(error)
        with contextlib.suppress(Cancelled):
            out._put(_DONE)

    thread = threading.Thread(target=produce, name=f"export-{fmt}", daemon=True)
    thread.start()
    try:
        while True:
            item = chunks.get()
            if item is _DONE:
                break
            yield item.encode("utf-8")
        if failure:
            raise failure[0]
    finally:
        stop.set()
        thread.join(timeout=5)
