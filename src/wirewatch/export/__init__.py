"""Standard exports (spec §4): JSONL analyses, events CSV, GeoJSON, PLOVER JSONL, Parquet.

Every writer consumes an iterable of Analyses (from `Store.iter_analyses`) and applies the
same `Filters` as the queries, so an export is exactly what the CLI or API would list. The
formats are one table, `FORMATS` (`_formats.py`), which the CLI and the API both read.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Mapping
from pathlib import Path

from wirewatch.export._csv import write_csv
from wirewatch.export._formats import (
    FORMATS,
    DirectoryFormat,
    ExportFormat,
    ExportOptions,
    TextFormat,
    find_format,
    text_formats,
)
from wirewatch.export._geojson import DrawnTrack, write_geojson
from wirewatch.export._jsonl import write_jsonl
from wirewatch.export._links import Links, LinkSource
from wirewatch.export._parquet import write_parquet
from wirewatch.export._plover import plover_record, write_plover
from wirewatch.export._sink import TextSink
from wirewatch.model import Analysis, Filters


def export(
    fmt: str,
    analyses: Iterable[Analysis],
    out: Path | None,
    filters: Filters | None = None,
    *,
    version: str = "0",
    quad: Mapping[str, int] | None = None,
    links: LinkSource | None = None,
    tracks: Iterable[DrawnTrack] = (),
) -> int:
    """Write `analyses` as `fmt` to `out` (a file; a directory for a directory format such
    as parquet; None = stdout). `links` adds story and track ids (from `resolve`); `tracks`
    adds track lines to GeoJSON. Returns how many records (analyses, rows or features) were
    written."""
    spec = find_format(fmt)
    filters = filters or Filters()
    options = ExportOptions(links=links, tracks=tracks, version=version, quad=quad)
    if isinstance(spec, DirectoryFormat):
        if out is None:
            raise ValueError(f"{spec.name} export needs an output directory (--output DIR)")
        return spec.write(analyses, out, filters, options)
    if out is None:
        return spec.write(analyses, sys.stdout, filters, options)
    with open(out, "w", encoding="utf-8", newline="") as stream:
        return spec.write(analyses, stream, filters, options)


__all__ = [
    "FORMATS",
    "DirectoryFormat",
    "DrawnTrack",
    "ExportFormat",
    "ExportOptions",
    "LinkSource",
    "Links",
    "TextFormat",
    "TextSink",
    "export",
    "find_format",
    "plover_record",
    "text_formats",
    "write_csv",
    "write_geojson",
    "write_jsonl",
    "write_parquet",
    "write_plover",
]
