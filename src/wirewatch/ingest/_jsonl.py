"""JSON Lines: one object a line, read one line at a time (spec §1)."""

from __future__ import annotations

import json
from collections.abc import Iterator

from wirewatch.ingest._decode import Decoded
from wirewatch.ingest._errors import RecordError
from wirewatch.ingest._lines import Line, LineDecoder, iter_lines, open_lines
from wirewatch.ingest._record import build
from wirewatch.ingest._source import Output, ReadOptions, Source


def read_jsonl(source: Source, options: ReadOptions) -> Iterator[Output]:
    with source.open() as stream:
        lines, decoder = open_lines(stream)
        for line in iter_lines(lines, options.max_text_bytes):
            if line.data is not None and not line.data.strip():
                continue  # blank lines separate nothing and hold nothing
            origin = source.origin(f"line {line.number}")
            try:
                decoded = _decoded(line, decoder, options)
                fields = _parse(decoded.text)
            except RecordError as error:
                yield error.reject(origin)
                continue
            yield build(origin, fields, options, replaced=decoded.replaced)


def _decoded(line: Line, decoder: LineDecoder, options: ReadOptions) -> Decoded:
    if line.data is None:
        raise RecordError(
            "too_large",
            f"the line is over {options.max_text_bytes:,} bytes, so "
            f"its text is over the max_chars limit of {options.max_chars:,}",
        )
    return decoder.decode(line.data)


def _parse(text: str) -> dict[str, object]:
    try:
        value = json.loads(text)
    except json.JSONDecodeError as error:
        raise RecordError(
            "malformed", f"not valid JSON: {error.msg} at column {error.colno}"
        ) from error
    except RecursionError as error:  # the C parser recurses once per level of nesting
        raise RecordError(
            "malformed", "not valid JSON here: arrays or objects nested too deeply to parse"
        ) from error
    except ValueError as error:  # a number over Python's int-string conversion limit
        reason = str(error).split(";", 1)[0]  # drop the advice to raise a process-wide limit
        raise RecordError("malformed", f"not valid JSON here: {reason}") from error
    if not isinstance(value, dict):
        raise RecordError("malformed", f"a JSON {type(value).__name__}, not an object")
    return value
