"""Standard exports (spec §4): JSONL analyses, events CSV, GeoJSON, PLOVER JSONL, Parquet.

Every writer consumes an iterable of Analyses (from `Store.iter_analyses`) and applies the
same `Filters` as the queries, so an export is exactly what the CLI or API would list.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any, Literal, get_args

from wirewatch.export._csv import write_csv
from wirewatch.export._geojson import write_geojson
from wirewatch.export._jsonl import write_jsonl
from wirewatch.export._links import Links, LinkSource
from wirewatch.export._parquet import write_parquet
from wirewatch.export._plover import plover_record, write_plover
from wirewatch.model import Analysis, Filters

ExportFormat = Literal["jsonl", "csv", "geojson", "plover", "parquet"]
FORMATS: tuple[str, ...] = get_args(ExportFormat)


def export(fmt: ExportFormat, analyses: Iterable[Analysis], out: Path | None,
           filters: Filters | None = None, *, version: str = "0",
           quad: Mapping[str, int] | None = None, links: LinkSource | None = None,
           tracks: Iterable[Any] = ()) -> int:
    """Write `analyses` as `fmt` to `out` (a file; a directory for parquet; None = stdout).
    `links` adds story and track ids (from `resolve`); `tracks` adds track lines to GeoJSON.
    Returns how many records (analyses, rows or features) were written."""
    filters = filters or Filters()
    if fmt == "parquet":
        if out is None:
            raise ValueError("parquet export needs an output directory (--output DIR)")
        return write_parquet(analyses, out, filters, links)
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    stream = open(out, "w", encoding="utf-8", newline="") if out else sys.stdout  # noqa: SIM115
    try:
        if fmt == "jsonl":
            return write_jsonl(analyses, stream, filters)
        if fmt == "csv":
            return write_csv(analyses, stream, filters, links)
        if fmt == "geojson":
            return write_geojson(analyses, stream, filters, links, tracks)
        return write_plover(analyses, stream, filters, version=version, quad=quad, links=links)
    finally:
        if out:
            stream.close()


__all__ = ["FORMATS", "ExportFormat", "LinkSource", "Links", "export", "plover_record",
           "write_csv", "write_geojson", "write_jsonl", "write_parquet", "write_plover"]
