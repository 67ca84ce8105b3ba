"""Streaming exports: a text format of `wirewatch.export` is written in a thread that hands
its text to the response chunk by chunk, so a large export never sits whole in memory."""

from __future__ import annotations

import contextlib
import io
import queue
import threading
from collections.abc import Iterator
from typing import Annotated, Any

from fastapi import Query

from wirewatch.api._errors import bad_request
from wirewatch.export import ExportOptions, TextFormat, text_formats
from wirewatch.model import Filters
from wirewatch.store import Store

CHUNK = 64 * 1024


class Cancelled(Exception):
    """The client went away: the writer thread stops at its next write."""


class _QueueText(io.TextIOBase):
    """A text stream whose writes become chunks on a bounded queue (back-pressure)."""

    def __init__(self, chunks: queue.Queue[str | None], stop: threading.Event) -> None:
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

    def _put(self, item: str | None) -> None:
        while True:
            if self.stop.is_set():
                raise Cancelled
            try:
                self.chunks.put(item, timeout=0.5)
                return
            except queue.Full:
                continue


def _formats_help() -> str:
    formats = text_formats()
    return ", ".join(f"{name} ({formats[name].holds})" for name in sorted(formats))


def _list_formats(schema: dict[str, Any]) -> None:
    """The values of the `format` parameter in the OpenAPI schema, from the registry (run
    when the schema is first built, after every format is registered)."""
    schema["enum"] = sorted(text_formats())


def requested_format(
    format: Annotated[str, Query(description=_formats_help(), json_schema_extra=_list_formats)],
) -> TextFormat:
    """The `format` of an export request (a FastAPI dependency): a text format of the
    registry, looked up per request, so a format added to the registry is served at once."""
    formats = text_formats()
    if format not in formats:
        names = [repr(name) for name in sorted(formats)]
        choices = f"{', '.join(names[:-1])} or {names[-1]}" if len(names) > 1 else names[0]
        raise bad_request(f"format: Input should be {choices}")
    return formats[format]


def download_name(spec: TextFormat) -> str:
    return f"wirewatch-export.{spec.suffix}"


def stream(spec: TextFormat, store: Store, filters: Filters) -> Iterator[bytes]:
    """The export as UTF-8 chunks; the writer thread ends when the consumer stops reading.
    No links or tracks: the download is the stored analyses as they are."""
    chunks: queue.Queue[str | None] = queue.Queue(maxsize=8)
    stop = threading.Event()
    out = _QueueText(chunks, stop)
    failure: list[BaseException] = []

    def produce() -> None:
        try:
            # Closed explicitly: a download the client abandons must not leave the stream's
            # read transaction open (on PostgreSQL it would block schema changes).
            with contextlib.closing(store.iter_analyses(filters)) as analyses:
                spec.write(analyses, out, filters, ExportOptions())
                out.flush()
        except Cancelled:
            return
        except BaseException as error:  # handed to the consumer, which re-raises it
            failure.append(error)
        with contextlib.suppress(Cancelled):
            out._put(None)  # the end of the export

    thread = threading.Thread(target=produce, name=f"export-{spec.name}", daemon=True)
    thread.start()
    try:
        while True:
            item = chunks.get()
            if item is None:
                break
            yield item.encode("utf-8")
        if failure:
            raise failure[0]
    finally:
        stop.set()
        thread.join(timeout=5)
