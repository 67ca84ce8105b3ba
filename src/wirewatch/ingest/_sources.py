"""The driver: every path (or stdin) to a stream of Incoming documents and Rejects.

Readers turn every problem they anticipate into a Reject. As a last line of defence, an
exception none of them anticipated (a parser library failing on bytes nobody foresaw) ends
only its own input, as one Reject "<ExceptionType>: <message>"; MemoryError is never caught.
With STRICT set (the ingest tests set it), an exception raised in our own code escapes
instead, so a bug in a reader shows up in the tests rather than as a reject.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from wirewatch.ingest._decode import looks_binary
from wirewatch.ingest._errors import RecordError, describe, one_line, reject
from wirewatch.ingest._formats import READERS, format_by_name, gzipped_format
from wirewatch.ingest._sniff import sniff
from wirewatch.ingest._source import (
    Output,
    ReadOptions,
    Source,
    file_source,
    gzip_source,
    not_a_file,
    peek_head,
    stdin_source,
)
from wirewatch.ingest._walk import Found, NotAFile, Unlistable, iter_files
from wirewatch.model import Origin, Reject
from wirewatch.model.records import RejectReason

STDIN = "-"
# Standard input with no recognisable structure is taken as one plain text (a pasted article).
_STDIN_FALLBACK = "text"
# Whether exceptions raised in our own code escape the last line of defence (tests only).
STRICT = False
_OWN_CODE = os.path.dirname(os.path.dirname(os.path.abspath(__file__))) + os.sep


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
            stream = stdin if stdin is not None else sys.stdin.buffer
            yield from _guarded(STDIN, _read_stdin(stream, options))
            continue
        for found in iter_files(Path(given)):
            name = str(found if isinstance(found, Path) else found.path)
            yield from _guarded(name, _read_path(found, options))


def _read_stdin(stream: BinaryIO, options: ReadOptions) -> Iterator[Output]:
    try:
        source, head = stdin_source(stream)
    except OSError as error:
        yield _unreadable(STDIN, error)
        return
    yield from _run(source, sniff(head) or _STDIN_FALLBACK, options)


def _read_path(found: Found, options: ReadOptions) -> Iterator[Output]:
    if isinstance(found, Unlistable):
        yield _unreadable(str(found.path), found.error)
        return
    if isinstance(found, NotAFile):
        yield not_a_file(str(found.path), found.kind).reject(Origin(source=str(found.path)))
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
        raise RecordError(
            "binary", "the file is binary, not text, and its name names no supported format"
        )
    raise RecordError(
        "unsupported",
        "neither the file name nor its content matches a "
        f"supported format ({', '.join(sorted(READERS))})",
    )


def _run(source: Source, kind: str, options: ReadOptions) -> Iterator[Output]:
    """One reader over one input; an error that ends the input becomes its last Reject, and
    an input with no record at all is one Reject too, so every input is accounted for."""
    count = 0
    try:
        for output in READERS[kind](source, options):
            count += 1
            yield output
    except RecordError as error:
        yield error.reject(source.origin())
        return
    except (OSError, EOFError) as error:  # EOFError: a compressed file that ends early
        yield _unreadable(source.name, error)
        return
    if count == 0:
        yield reject(
            source.origin(),
            "empty_text",
            f"no records in it (read as {kind}): nothing but blank lines, or no items or pages",
        )


def _guarded(name: str, outputs: Iterator[Output]) -> Iterator[Output]:
    """The last line of defence around one input (see the module docstring)."""
    try:
        yield from outputs
    except MemoryError:
        raise
    except Exception as error:
        if STRICT and _raised_in_our_code(error):
            raise
        reason: RejectReason = (
            "unreadable" if isinstance(error, OSError | EOFError) else "malformed"
        )
        yield reject(Origin(source=name), reason, describe(error))


def _raised_in_our_code(error: BaseException) -> bool:
    """Whether the innermost frame of the traceback is in the wirewatch package."""
    trace = error.__traceback__
    if trace is None:
        return False
    while trace.tb_next is not None:
        trace = trace.tb_next
    return trace.tb_frame.f_code.co_filename.startswith(_OWN_CODE)


def _unreadable(name: str, error: OSError | EOFError) -> Reject:
    reason = getattr(error, "strerror", None) or str(error) or type(error).__name__
    return reject(Origin(source=name), "unreadable", f"cannot read {one_line(name)}: {reason}")
