"""The driver: every path (or stdin) to a stream of Incoming documents and Rejects."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from wirewatch.ingest._decode import looks_binary
from wirewatch.ingest._errors import RecordError
from wirewatch.ingest._formats import READERS, format_by_name, gzipped_format
from wirewatch.ingest._sniff import sniff
from wirewatch.ingest._source import (
    Output,
    ReadOptions,
    Source,
    file_source,
    gzip_source,
    peek_head,
    stdin_source,
)
from wirewatch.ingest._walk import Unlistable, iter_files
from wirewatch.model import Origin, Reject

STDIN = "-"
# Standard input with no recognisable structure is taken as one plain text (a pasted article).
_STDIN_FALLBACK = "text"


def read_sources(
    paths: Iterable[str | Path],
    *,
    default_date: dt.date | None = None,
    max_chars: int = 500_000,
    stdin: BinaryIO | None = None,
) -> Iterator[Output]:
    """Every record of every input, in order: an Incoming document or a Reject saying why not.

    Directories are read recursively in sorted order; "-" is standard input (or `stdin`),
    its format sniffed. Readers stream, so memory does not grow with the size of an input.
    One bad record or file never stops the rest.
    """
    if isinstance(paths, str | Path):
        raise TypeError(f"paths must be a list of paths, not the single path {str(paths)!r}")
    if max_chars <= 0:
        raise ValueError(f"max_chars must be positive, got {max_chars}")
    options = ReadOptions(default_date=default_date, max_chars=max_chars)
    for given in paths:
        if str(given) == STDIN:
            yield from _read_stdin(stdin if stdin is not None else sys.stdin.buffer, options)
            continue
        for found in iter_files(Path(given)):
            yield from _read_path(found, options)


def _read_stdin(stream: BinaryIO, options: ReadOptions) -> Iterator[Output]:
    try:
        source, head = stdin_source(stream)
    except OSError as error:
        yield _unreadable(STDIN, error)
        return
    yield from _run(source, sniff(head) or _STDIN_FALLBACK, options)


def _read_path(found: Path | Unlistable, options: ReadOptions) -> Iterator[Output]:
    if isinstance(found, Unlistable):
        yield _unreadable(str(found.path), found.error)
        return
    gzipped = gzipped_format(found.name)
    source = gzip_source(found) if gzipped else file_source(found)
    try:
        kind = gzipped or format_by_name(found.name) or _sniff_file(source)
    except OSError as error:
        yield _unreadable(source.name, error)
        return
    except RecordError as error:
        yield error.reject(source.origin())
        return
    yield from _run(source, kind, options)


def _sniff_file(source: Source) -> str:
    with source.open() as stream:
        head = peek_head(stream)
    kind = sniff(head)
    if kind is not None:
        return kind
    if looks_binary(head):
        raise RecordError("binary", "the file is binary, not text, and its name names no "
                          "supported format")
    raise RecordError("unsupported", "neither the file name nor its content matches a "
                      f"supported format ({', '.join(sorted(READERS))})")


def _run(source: Source, kind: str, options: ReadOptions) -> Iterator[Output]:
    """One reader over one input; an error that ends the input becomes its last Reject."""
    try:
        yield from READERS[kind](source, options)
    except RecordError as error:
        yield error.reject(source.origin())
    except (OSError, EOFError) as error:  # EOFError: a compressed file that ends early
        yield _unreadable(source.name, error)


def _unreadable(name: str, error: OSError | EOFError) -> Reject:
    reason = getattr(error, "strerror", None) or str(error) or type(error).__name__
    return Reject(origin=Origin(source=name), reason="unreadable",
                  message=f"cannot read {name}: {reason}")
