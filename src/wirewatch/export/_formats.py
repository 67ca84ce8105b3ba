"""The export formats, one row each: the CLI and the API read their choices, media types and
file names from this table, so a new format is one entry here and nothing else.

A format is written either to one text stream (a file, standard output, an HTTP response) or
as several files into a directory, which no response can stream; the API offers only the
first kind.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from wirewatch.export._csv import write_csv
from wirewatch.export._geojson import DrawnTrack, write_geojson
from wirewatch.export._jsonl import write_jsonl
from wirewatch.export._links import LinkSource
from wirewatch.export._parquet import write_parquet
from wirewatch.export._plover import write_plover
from wirewatch.export._sink import TextSink
from wirewatch.model import Analysis, Filters


@dataclass(frozen=True)
class ExportOptions:
    """What a caller may add beyond the analyses and the filters; each writer takes what it
    uses and ignores the rest."""

    links: LinkSource | None = None  # story and track ids, from `resolve`
    tracks: Iterable[DrawnTrack] = ()  # resolved tracks, drawn as lines (read only if drawn)
    version: str = "0"  # wirewatch's version, recorded by formats that name their coder
    quad: Mapping[str, int] | None = None  # PLOVER quad codes; None: the knowledge base's


TextWriter = Callable[[Iterable[Analysis], TextSink, Filters, ExportOptions], int]
DirectoryWriter = Callable[[Iterable[Analysis], Path, Filters, ExportOptions], int]


@dataclass(frozen=True)
class TextFormat:
    """Written to one text stream; `suffix` ends the file name a download is given."""

    name: str
    holds: str  # what one record is, for help texts
    media_type: str
    suffix: str
    write: TextWriter
    directory: ClassVar[bool] = False


@dataclass(frozen=True)
class DirectoryFormat:
    """Written as one file per table into a directory; `suffix` ends each file's name."""

    name: str
    holds: str
    suffix: str
    write: DirectoryWriter
    directory: ClassVar[bool] = True


ExportFormat = TextFormat | DirectoryFormat


def _jsonl(
    analyses: Iterable[Analysis], out: TextSink, filters: Filters, _options: ExportOptions
) -> int:
    return write_jsonl(analyses, out, filters)


def _csv(
    analyses: Iterable[Analysis], out: TextSink, filters: Filters, options: ExportOptions
) -> int:
    return write_csv(analyses, out, filters, options.links)


def _geojson(
    analyses: Iterable[Analysis], out: TextSink, filters: Filters, options: ExportOptions
) -> int:
    return write_geojson(analyses, out, filters, options.links, options.tracks)


def _plover(
    analyses: Iterable[Analysis], out: TextSink, filters: Filters, options: ExportOptions
) -> int:
    return write_plover(
        analyses, out, filters, version=options.version, quad=options.quad, links=options.links
    )


def _parquet(
    analyses: Iterable[Analysis], out_dir: Path, filters: Filters, options: ExportOptions
) -> int:
    return write_parquet(analyses, out_dir, filters, options.links)


# In the order the CLI lists them. Mutable on purpose: a test adds a format and checks that
# both shells offer it.
FORMATS: dict[str, ExportFormat] = {
    f.name: f
    for f in (
        TextFormat("jsonl", "analyses", "application/x-ndjson", "jsonl", _jsonl),
        TextFormat("csv", "events", "text/csv", "csv", _csv),
        TextFormat("geojson", "points and lines", "application/geo+json", "geojson", _geojson),
        TextFormat("plover", "PLOVER JSONL", "application/x-ndjson", "plover.jsonl", _plover),
        DirectoryFormat("parquet", "a directory of tables", "parquet", _parquet),
    )
}


def text_formats() -> dict[str, TextFormat]:
    """The formats one stream can carry (what the API serves), in the table's order."""
    return {name: f for name, f in FORMATS.items() if isinstance(f, TextFormat)}


def find_format(name: str) -> ExportFormat:
    """The format called `name`; a ValueError lists the known ones."""
    found = FORMATS.get(name)
    if found is None:
        raise ValueError(f"unknown export format {name!r}; choose one of {', '.join(FORMATS)}")
    return found
