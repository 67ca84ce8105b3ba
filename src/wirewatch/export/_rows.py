"""Flat rows (one per event, movement, claim, place) shared by the CSV and Parquet writers.

Column names follow ACLED's flat layout where a counterpart exists (event_date, actor1,
assoc..., latitude, longitude, geo_precision, source, notes) so existing tooling reads them.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from wirewatch.export._links import LinkSource, with_links
from wirewatch.model import Actor, Analysis, Filters, Place

EVENT_COLUMNS = [
    "event_id",
    "document_id",
    "event_date",
    "event_end_date",
    "date_precision",
    "year",
    "event_type",
    "mode",
    "context",
    "cameo",
    "actor1",
    "actor1_country",
    "actor1_sector",
    "assoc_actor1",
    "actor2",
    "actor2_country",
    "actor2_sector",
    "assoc_actor2",
    "location",
    "admin1",
    "country",
    "latitude",
    "longitude",
    "geo_precision_km",
    "place_kb",
    "status",
    "negated",
    "hedge",
    "claim_id",
    "confidence",
    "source",
    "source_date",
    "url",
    "notes",
    "story_id",
]


def _actor_cols(parties: list[Actor]) -> tuple[str, str, str, str]:
    first = parties[0] if parties else None
    rest = "; ".join(p.name for p in parties[1:])
    if first is None:
        return "", "", "", rest
    return first.name, first.country or "", first.sector or "", rest


def _place_cols(place: Place | None) -> dict[str, Any]:
    if place is None:
        return {
            "location": "",
            "admin1": "",
            "country": "",
            "latitude": None,
            "longitude": None,
            "geo_precision_km": None,
            "place_kb": "",
        }
    return {
        "location": place.name,
        "admin1": place.admin1 or "",
        "country": place.country or "",
        "latitude": place.lat,
        "longitude": place.lon,
        "geo_precision_km": place.precision_km,
        "place_kb": place.kb or "",
    }


def event_rows(
    analyses: Iterable[Analysis], filters: Filters | None = None, links: LinkSource | None = None
) -> Iterator[dict[str, Any]]:
    filters = filters or Filters()
    for analysis, linked in with_links(analyses, links):
        doc = analysis.document
        for event in analysis.events:
            if not filters.matches_event(event, analysis):
                continue
            when = event.when
            start = when.start if when else doc.date
            a1, a1c, a1s, assoc1 = _actor_cols(event.actor)
            a2, a2c, a2s, assoc2 = _actor_cols(event.recipient)
            yield {
                "event_id": event.id,
                "document_id": doc.id,
                "event_date": start.isoformat(),
                "event_end_date": (when.end if when else doc.date).isoformat(),
                "date_precision": when.precision if when else "document",
                "year": start.year,
                "event_type": event.event,
                "mode": event.mode or "",
                "context": ";".join(event.context),
                "cameo": event.cameo or "",
                "actor1": a1,
                "actor1_country": a1c,
                "actor1_sector": a1s,
                "assoc_actor1": assoc1,
                "actor2": a2,
                "actor2_country": a2c,
                "actor2_sector": a2s,
                "assoc_actor2": assoc2,
                **_place_cols(analysis.place(event.place)),
                "status": event.attribution.status,
                "negated": event.negated,
                "hedge": event.attribution.hedge or "",
                "claim_id": event.attribution.claim or "",
                "confidence": event.confidence,
                "source": doc.outlet or "",
                "source_date": doc.date.isoformat(),
                "url": doc.url or "",
                "notes": event.evidence[0].text if event.evidence else "",
                "story_id": linked.story(doc.id, event.id) or "",
            }


def movement_rows(
    analyses: Iterable[Analysis], filters: Filters | None = None, links: LinkSource | None = None
) -> Iterator[dict[str, Any]]:
    filters = filters or Filters()
    for analysis, linked in with_links(analyses, links):
        for movement in analysis.movements:
            if not filters.matches_movement(movement, analysis):
                continue
            asset = movement.asset
            operator = asset.operator

            def name(place_id: str | None, analysis: Analysis = analysis) -> str:
                place = analysis.place(place_id)
                return place.name if place else ""

            yield {
                "movement_id": movement.id,
                "document_id": analysis.document.id,
                "asset_kind": asset.kind,
                "asset_model": asset.model or "",
                "asset_identifier": asset.identifier or "",
                "asset_count": asset.count,
                "operator": operator.name if operator else "",
                "operator_country": (operator.country or "") if operator else "",
                "origin": name(movement.origin),
                "via": "; ".join(name(v) for v in movement.via),
                "destination": name(movement.destination),
                "depart": movement.depart.start.isoformat() if movement.depart else "",
                "arrive": movement.arrive.start.isoformat() if movement.arrive else "",
                "payload": movement.payload or "",
                "personnel": movement.personnel,
                "status": movement.attribution.status,
                "confidence": movement.confidence,
                "source": analysis.document.outlet or "",
                "source_date": analysis.document.date.isoformat(),
                "track_id": linked.track(analysis.document.id, movement.id) or "",
            }
