"""An Analysis as rows of the flat query tables (see tables.py for what each column means)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from wirewatch.model import Analysis, Claim, Event, Movement, Place, When
from wirewatch.store.spans import span_class

Row = dict[str, Any]


def fold(text: str) -> str:
    """How names and outlets are compared: case-insensitively, as Filters does."""
    return text.casefold()


def model_key(designator: str) -> str:
    """How asset models are compared: case and hyphens ignored, as Filters does."""
    return designator.replace("-", "").casefold()


def _dates(when: When | None, default: dt.date) -> tuple[dt.date, dt.date]:
    return (when.start, when.end) if when else (default, default)


def flat_rows(analysis: Analysis) -> dict[str, list[Row]]:
    """Rows per table name, in an order that satisfies the foreign keys."""
    doc_id = analysis.document.id
    events = [_event(e, analysis) for e in analysis.events]
    movements = [_movement(m, analysis) for m in analysis.movements]
    return {
        "entities": [
            {
                "document_id": doc_id,
                "id": e.id,
                "kind": e.kind,
                "name": e.name,
                "name_key": fold(e.name),
                "country": e.country,
                "sector": e.sector,
                "kb": e.kb,
            }
            for e in analysis.entities
        ],
        "places": [_place(p, analysis) for p in analysis.places],
        "events": events,
        "event_parties": [row for e in analysis.events for row in _parties(e, doc_id)],
        "movements": movements,
        "movement_places": [row for m in analysis.movements for row in _route(m, analysis)],
        "claims": [_claim(c, analysis) for c in analysis.claims],
    }


def _place(place: Place, analysis: Analysis) -> Row:
    return {
        "document_id": analysis.document.id,
        "id": place.id,
        "date": analysis.document.date,
        "name": place.name,
        "lat": place.lat,
        "lon": place.lon,
        "country": place.country,
        "admin1": place.admin1,
        "feature": place.feature,
        "precision_km": place.precision_km,
        "kb": place.kb,
        "data": place.model_dump_json(),
    }


def _event(event: Event, analysis: Analysis) -> Row:
    place = analysis.place(event.place)
    start, end = _dates(event.when, analysis.document.date)
    return {
        "document_id": analysis.document.id,
        "id": event.id,
        "event_type": event.event,
        "mode": event.mode,
        "cameo": event.cameo,
        "date_start": start,
        "date_end": end,
        "span_class": span_class(start, end),
        "place_id": event.place,
        "lat": place.lat if place else None,
        "lon": place.lon if place else None,
        "place_country": place.country if place else None,
        "negated": event.negated,
        "status": event.attribution.status,
        "confidence": event.confidence,
        "background": event.background,
        "data": event.model_dump_json(),
    }


def _parties(event: Event, doc_id: str) -> list[Row]:
    roles = [("actor", event.actor), ("recipient", event.recipient)]
    return [
        {
            "document_id": doc_id,
            "event_id": event.id,
            "role": role,
            "position": position,
            "name": party.name,
            "name_key": fold(party.name),
            "country": party.country,
            "sector": party.sector,
            "entity_id": party.entity,
        }
        for role, parties in roles
        for position, party in enumerate(parties)
    ]


def _movement(movement: Movement, analysis: Analysis) -> Row:
    asset, operator = movement.asset, movement.asset.operator
    origin, destination = analysis.place(movement.origin), analysis.place(movement.destination)
    start, end = _dates(movement.arrive or movement.depart, analysis.document.date)
    depart, arrive = movement.depart, movement.arrive
    return {
        "document_id": analysis.document.id,
        "id": movement.id,
        "asset_kind": asset.kind,
        "asset_model": asset.model,
        "asset_model_key": model_key(asset.model) if asset.model else None,
        "asset_identifier": asset.identifier,
        "operator_name": operator.name if operator else None,
        "operator_name_key": fold(operator.name) if operator else None,
        "operator_country": operator.country if operator else None,
        "origin_id": movement.origin,
        "origin_lat": origin.lat if origin else None,
        "origin_lon": origin.lon if origin else None,
        "destination_id": movement.destination,
        "destination_lat": destination.lat if destination else None,
        "destination_lon": destination.lon if destination else None,
        "depart_start": depart.start if depart else None,
        "depart_end": depart.end if depart else None,
        "arrive_start": arrive.start if arrive else None,
        "arrive_end": arrive.end if arrive else None,
        "date_start": start,
        "date_end": end,
        "span_class": span_class(start, end),
        "status": movement.attribution.status,
        "confidence": movement.confidence,
        "data": movement.model_dump_json(),
    }


def _route(movement: Movement, analysis: Analysis) -> list[Row]:
    """Route points that resolve to a place of the analysis (as Filters counts them)."""
    stops = [
        ("origin", movement.origin),
        *(("via", pid) for pid in movement.via),
        ("destination", movement.destination),
    ]
    rows: list[Row] = []
    for position, (role, place_id) in enumerate(stops):
        place = analysis.place(place_id) if place_id else None
        if place is None:
            continue
        rows.append(
            {
                "document_id": analysis.document.id,
                "movement_id": movement.id,
                "position": position,
                "role": role,
                "place_id": place.id,
                "lat": place.lat,
                "lon": place.lon,
                "country": place.country,
            }
        )
    return rows


def _claim(claim: Claim, analysis: Analysis) -> Row:
    start, end = _dates(claim.when, analysis.document.date)
    claimant = claim.claimant
    return {
        "document_id": analysis.document.id,
        "id": claim.id,
        "claimant_name": claimant.name,
        "claimant_name_key": fold(claimant.name),
        "claimant_kind": claimant.kind,
        "claimant_country": claimant.country,
        "outlet": claim.outlet,
        "stance": claim.stance,
        "assessed": claim.assessed,
        "date_start": start,
        "date_end": end,
        "span_class": span_class(start, end),
        "data": claim.model_dump_json(),
    }
