"""GeoJSON (RFC 7946): places and events as Points, movements as lines through their route.

Streamed: features are written as they are produced, so memory stays flat. Lines that cross
the 180° meridian are cut there into a MultiLineString, as RFC 7946 §3.1.9 asks, so that maps
do not draw them the long way round the globe.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from itertools import pairwise
from typing import Any, TextIO

from wirewatch.export._jsonl import selected
from wirewatch.model import Analysis, Filters, Movement, Place

Position = tuple[float, float]


def _point(place: Place | None) -> Position | None:
    if place is None or place.lat is None or place.lon is None:
        return None
    return (round(place.lon, 6), round(place.lat, 6))


def split_antimeridian(line: list[Position]) -> list[list[Position]]:
    """Cut a line wherever a segment jumps more than 180° of longitude (the short way is
    across the meridian), interpolating the latitude at ±180."""
    parts: list[list[Position]] = [[line[0]]]
    for (lon1, lat1), (lon2, lat2) in pairwise(line):
        if abs(lon2 - lon1) > 180:
            edge = 180.0 if lon1 > 0 else -180.0
            shifted = lon2 + 360 if lon1 > 0 else lon2 - 360
            fraction = (edge - lon1) / (shifted - lon1)
            lat = round(lat1 + fraction * (lat2 - lat1), 6)
            parts[-1].append((edge, lat))
            parts.append([(-edge, lat)])
        parts[-1].append((lon2, lat2))
    return parts


def _line_geometry(points: list[Position]) -> dict[str, Any]:
    parts = split_antimeridian(points)
    if len(parts) == 1:
        return {"type": "LineString", "coordinates": parts[0]}
    return {"type": "MultiLineString", "coordinates": parts}


def _movement_feature(movement: Movement, analysis: Analysis) -> dict[str, Any] | None:
    route = [movement.origin, *movement.via, movement.destination]
    points = [p for p in (_point(analysis.place(pid)) for pid in route if pid) if p]
    if len(points) < 2:
        return None
    asset = movement.asset
    return {"type": "Feature", "id": movement.id, "geometry": _line_geometry(points),
            "properties": {
                "kind": "movement", "document_id": analysis.document.id,
                "asset_kind": asset.kind, "asset_model": asset.model,
                "identifier": asset.identifier,
                "operator_country": asset.operator.country if asset.operator else None,
                "depart": movement.depart.start.isoformat() if movement.depart else None,
                "arrive": movement.arrive.start.isoformat() if movement.arrive else None,
                "status": movement.attribution.status}}


def features(analyses: Iterable[Analysis], filters: Filters) -> Iterator[dict[str, Any]]:
    for analysis in analyses:
        if not selected(analysis, filters):
            continue
        doc = analysis.document
        for place in analysis.places:
            point = _point(place)
            if point:
                yield {"type": "Feature", "id": place.id,
                       "geometry": {"type": "Point", "coordinates": point},
                       "properties": {"kind": "place", "name": place.name,
                                      "country": place.country, "feature": place.feature,
                                      "document_id": doc.id}}
        for event in analysis.events:
            point = _point(analysis.place(event.place))
            if point and filters.matches_event(event, analysis):
                when = event.when
                yield {"type": "Feature", "id": event.id,
                       "geometry": {"type": "Point", "coordinates": point},
                       "properties": {
                           "kind": "event", "event_type": event.event, "mode": event.mode,
                           "date": (when.start if when else doc.date).isoformat(),
                           "actors": [a.name for a in event.actor],
                           "recipients": [a.name for a in event.recipient],
                           "status": event.attribution.status, "negated": event.negated,
                           "document_id": doc.id, "outlet": doc.outlet}}
        for movement in analysis.movements:
            if filters.matches_movement(movement, analysis):
                feature = _movement_feature(movement, analysis)
                if feature:
                    yield feature


def write_geojson(analyses: Iterable[Analysis], out: TextIO, filters: Filters) -> int:
    out.write('{"type": "FeatureCollection", "features": [\n')
    count = 0
    for feature in features(analyses, filters):
        out.write((",\n" if count else "") + json.dumps(feature, ensure_ascii=False))
        count += 1
    out.write("\n]}\n")
    return count
