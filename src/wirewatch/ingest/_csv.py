"""CSV with a header row naming the fields (spec §1), read one row at a time.

Rows are numbered from 1 after the header ("row 3"); messages also give the file line, since a
quoted field may span lines.
"""

from __future__ import annotations

import csv
import sys
from collections.abc import Iterator

from wirewatch.ingest._errors import RecordError
from wirewatch.ingest._lines import LineDecoder, LineStream, iter_lines, open_lines
from wirewatch.ingest._record import build
from wirewatch.ingest._source import Output, ReadOptions, Source
from wirewatch.model.records import RejectReason


def read_csv(source: Source, options: ReadOptions) -> Iterator[Output]:
    _allow_fields_of(options.max_text_bytes)
    with source.open() as stream:
        lines, decoder = open_lines(stream)
        decoded = _DecodedLines(lines, decoder, options.max_text_bytes)
        rows = csv.reader(decoded)
        header = _header(rows)
        decoded.take_replaced()  # the header's own replacements belong to no document
        for number, row in enumerate(_rows(rows, decoded), start=1):
            origin = source.origin(f"row {number}")
            replaced = decoded.take_replaced()
            try:
                fields = _fields(header, row, rows.line_num, decoded.take_problem())
            except RecordError as error:
                yield error.reject(origin)
                continue
            yield build(origin, fields, options, replaced=replaced)


def _allow_fields_of(size: int) -> None:
    # The csv module refuses fields over 128 KiB by default. Allowing the longest line we read
    # means a field within one line never trips it (check_size rejects an over-long text and
    # the next row parses normally); only a quoted field spanning many lines can. The limit is
    # process-wide, so it is only ever raised, never lowered.
    if csv.field_size_limit() < size:
        csv.field_size_limit(min(size, sys.maxsize))


def _header(rows: Iterator[list[str]]) -> list[str]:
    try:
        header = [name.strip().lower() for name in next(rows)]
    except StopIteration:
        raise RecordError("empty_text", "the CSV file is empty (no header row)") from None
    except csv.Error as error:
        raise RecordError("malformed", f"the CSV header does not parse: {error}") from error
    if "text" not in header:
        raise RecordError("malformed", f"the CSV header {header} has no `text` column")
    return header


def _rows(rows: Iterator[list[str]], decoded: _DecodedLines) -> Iterator[list[str] | None]:
    """Data rows; None stands for the row the csv module failed on, which ends the file:
    the parser has lost its place (inside a quoted field) and what follows would be noise."""
    while True:
        try:
            row = next(rows)
        except StopIteration:
            return
        except csv.Error as error:
            decoded.note(_fatal(error))
            yield None
            return
        if row:  # an empty line is no row
            yield row


def _fatal(error: csv.Error) -> RecordError:
    # The csv module says "field larger than field limit" and nothing more specific.
    reason: RejectReason = "too_large" if "field limit" in str(error) else "malformed"
    return RecordError(
        reason,
        f"the row does not parse ({error}); the rest of the file is "
        "not read, since the CSV structure cannot be recovered after it",
    )


def _fields(
    header: list[str], row: list[str] | None, line: int, problem: RecordError | None
) -> dict[str, object]:
    if problem is not None:
        raise RecordError(problem.reason, f"{problem.message} (line {line})")
    assert row is not None  # a None row always comes with a problem
    if len(row) != len(header):
        raise RecordError(
            "malformed",
            f"the row has {len(row)} fields, the header has {len(header)} (line {line})",
        )
    return {name: value for name, value in zip(header, row, strict=True) if value != ""}


# Stands in for a line that could not be read, so that its row still exists and is rejected.
_PLACEHOLDER = "\ufffd\n"


class _DecodedLines:
    """Decoded lines for csv.reader; a line that fails is recorded against its row."""

    def __init__(self, lines: LineStream, decoder: LineDecoder, max_bytes: int) -> None:
        self._lines = iter_lines(lines, max_bytes)
        self._decoder = decoder
        self._max_bytes = max_bytes
        self._problem: RecordError | None = None
        self._replaced = 0  # bytes replaced in the lines of the row being read

    def __iter__(self) -> Iterator[str]:
        return self

    def __next__(self) -> str:
        line = next(self._lines)
        if line.data is None:
            self.note(RecordError("too_large", f"a line is over {self._max_bytes:,} bytes"))
            return _PLACEHOLDER
        try:
            decoded = self._decoder.decode(line.data)
        except RecordError as error:
            self.note(error)
            return _PLACEHOLDER
        self._replaced += decoded.replaced
        return decoded.text

    def note(self, problem: RecordError) -> None:
        self._problem = self._problem or problem

    def take_replaced(self) -> int:
        # csv.reader pulls exactly the lines of one row before returning it.
        replaced, self._replaced = self._replaced, 0
        return replaced

    def take_problem(self) -> RecordError | None:
        problem, self._problem = self._problem, None
        return problem
