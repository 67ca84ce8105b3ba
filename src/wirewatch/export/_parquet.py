"""Parquet: a directory of tables (documents, events, movements, claims, places).

Rows are buffered per table and flushed in row groups, so memory stays bounded whatever the
size of the store. Column types are declared, not inferred, so an all-null first chunk
cannot fix a wrong type for the rest of the file.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from wirewatch.export._jsonl import selected
from wirewatch.export._links import Links, LinkSource, with_links
from wirewatch.export._rows import EVENT_COLUMNS, event_rows, movement_rows
from wirewatch.model import Analysis, Filters

ROW_GROUP = 5_000
_FLOAT = {"latitude", "longitude", "geo_precision_km", "confidence", "lat", "lon", "precision_km"}
_INT = {"year", "asset_count", "personnel"}
_BOOL = {"negated"}

MOVEMENT_COLUMNS = [
    "movement_id",
    "document_id",
    "asset_kind",
    "asset_model",
    "asset_identifier",
    "asset_count",
    "operator",
    "operator_country",
    "origin",
    "via",
    "destination",
    "depart",
    "arrive",
    "payload",
    "personnel",
    "status",
    "confidence",
    "source",
    "source_date",
    "track_id",
]
DOCUMENT_COLUMNS = ["document_id", "date", "outlet", "url", "title", "lang", "text"]
CLAIM_COLUMNS = [
    "claim_id",
    "document_id",
    "claimant",
    "claimant_kind",
    "claimant_country",
    "outlet",
    "content",
    "stance",
    "hedge",
    "assessed",
    "evidence",
]
PLACE_COLUMNS = [
    "place_id",
    "document_id",
    "name",
    "lat",
    "lon",
    "country",
    "admin1",
    "feature",
    "precision_km",
    "kb",
]


def _schema(columns: list[str]) -> pa.Schema:
    def kind(name: str) -> pa.DataType:
        if name in _FLOAT:
            return pa.float64()
        if name in _INT:
            return pa.int64()
        return pa.bool_() if name in _BOOL else pa.string()

    return pa.schema([(name, kind(name)) for name in columns])


def _documents(analysis: Analysis) -> Iterator[dict[str, Any]]:
    doc = analysis.document
    yield {
        "document_id": doc.id,
        "date": doc.date.isoformat(),
        "outlet": doc.outlet,
        "url": doc.url,
        "title": doc.title,
        "lang": doc.lang,
        "text": doc.text,
    }


def _claims(analysis: Analysis) -> Iterator[dict[str, Any]]:
    for claim in analysis.claims:
        yield {
            "claim_id": claim.id,
            "document_id": analysis.document.id,
            "claimant": claim.claimant.name,
            "claimant_kind": claim.claimant.kind,
            "claimant_country": claim.claimant.country,
            "outlet": claim.outlet,
            "content": claim.content,
            "stance": claim.stance,
            "hedge": claim.hedge,
            "assessed": claim.assessed,
            "evidence": claim.evidence[0].text if claim.evidence else None,
        }


def _places(analysis: Analysis) -> Iterator[dict[str, Any]]:
    for place in analysis.places:
        yield {
            "place_id": place.id,
            "document_id": analysis.document.id,
            "name": place.name,
            "lat": place.lat,
            "lon": place.lon,
            "country": place.country,
            "admin1": place.admin1,
            "feature": place.feature,
            "precision_km": place.precision_km,
            "kb": place.kb,
        }


class _Table:
    def __init__(self, path: Path, columns: list[str]) -> None:
        self.path, self.schema = path, _schema(columns)
        self.rows: list[dict[str, Any]] = []
        self.writer: pq.ParquetWriter | None = None
        self.count = 0

    def add(self, row: dict[str, Any]) -> None:
        self.rows.append(row)
        self.count += 1
        if len(self.rows) >= ROW_GROUP:
            self.flush()

    def flush(self) -> None:
        if self.writer is None:
            self.writer = pq.ParquetWriter(self.path, self.schema)
        self.writer.write_table(pa.Table.from_pylist(self.rows, schema=self.schema))
        self.rows = []

    def close(self) -> None:
        self.flush()  # also creates an empty table file when nothing matched
        if self.writer:
            self.writer.close()


RowMaker = Callable[[Analysis, Links], Iterable[dict[str, Any]]]


def write_parquet(
    analyses: Iterable[Analysis], out_dir: Path, filters: Filters, links: LinkSource | None = None
) -> int:
    out_dir.mkdir(parents=True, exist_ok=True)
    row_makers: dict[str, tuple[list[str], RowMaker]] = {
        "documents": (DOCUMENT_COLUMNS, lambda a, _: _documents(a)),
        "events": (EVENT_COLUMNS, lambda a, ln: event_rows([a], filters, lambda _ids: ln)),
        "movements": (MOVEMENT_COLUMNS, lambda a, ln: movement_rows([a], filters, lambda _ids: ln)),
        "claims": (CLAIM_COLUMNS, lambda a, _: _claims(a)),
        "places": (PLACE_COLUMNS, lambda a, _: _places(a)),
    }
    tables = {
        name: _Table(out_dir / f"{name}.parquet", cols) for name, (cols, _) in row_makers.items()
    }
    try:
        for analysis, linked in with_links(analyses, links):
            if not selected(analysis, filters):
                continue
            for name, (_, rows) in row_makers.items():
                for row in rows(analysis, linked):
                    tables[name].add(row)
    finally:
        for table in tables.values():
            table.close()
    return tables["documents"].count
