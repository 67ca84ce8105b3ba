"""GeoJSON (RFC 7946): places and events as Points, movements as lines through their route,
and (when given) asset tracks as lines through every leg of every report joined across reports.

Streamed: features are written as they are produced, so memory stays flat. Lines that cross
the 180° meridian are cut there into a MultiLineString, as RFC 7946 §3.1.9 asks, so that maps
do not draw them the long way round the globe.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator, Sequence
from itertools import pairwise
from typing import Any, Protocol

from wirewatch.export._jsonl import selected
from wirewatch.export._links import NO_LINKS, Links, LinkSource, with_links
from wirewatch.export._sink import TextSink
from wirewatch.model import Analysis, Filters, Movement, Place

Position = tuple[float, float]


# A resolved track as GeoJSON draws it. `resolve` builds tracks, and export may not import it,
# so what is read of one is spelled out here (read-only, so resolve's models fit).
class TrackStop(Protocol):
    @property
    def lat(self) -> float | None: ...
    @property
    def lon(self) -> float | None: ...


class TrackLeg(Protocol):
    @property
    def origin(self) -> TrackStop | None: ...
    @property
    def via(self) -> Sequence[TrackStop]: ...
    @property
    def destination(self) -> TrackStop | None: ...


class DrawnTrack(Protocol):
    @property
    def key(self) -> str: ...
    @property
    def model(self) -> str | None: ...
    @property
    def identifier(self) -> str | None: ...
    @property
    def operator_country(self) -> str | None: ...
    @property
    def start(self) -> dt.date: ...
    @property
    def end(self) -> dt.date: ...
    @property
    def legs(self) -> Sequence[TrackLeg]: ...


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


def _stop_point(stop: TrackStop | None) -> Position | None:
    if stop is None or stop.lat is None or stop.lon is None:
        return None
    return (round(stop.lon, 6), round(stop.lat, 6))


def track_feature(track: DrawnTrack) -> dict[str, Any] | None:
    """A track (from `resolve`: legs of origin, via and destination stops) as one line, its
    consecutive repeats removed; None when fewer than two stops have coordinates."""
    points: list[Position] = []
    for leg in track.legs:
        for stop in [leg.origin, *leg.via, leg.destination]:
            point = _stop_point(stop)
            if point and (not points or points[-1] != point):
                points.append(point)
    if len(points) < 2:
        return None
    return {
        "type": "Feature",
        "id": track.key,
        "geometry": _line_geometry(points),
        "properties": {
            "kind": "track",
            "track_id": track.key,
            "asset_model": track.model,
            "identifier": track.identifier,
            "operator_country": track.operator_country,
            "start": track.start.isoformat(),
            "end": track.end.isoformat(),
            "legs": len(track.legs),
        },
    }


def _movement_feature(
    movement: Movement, analysis: Analysis, links: Links = NO_LINKS
) -> dict[str, Any] | None:
    route = [movement.origin, *movement.via, movement.destination]
    points = [p for p in (_point(analysis.place(pid)) for pid in route if pid) if p]
    if len(points) < 2:
        return None
    asset = movement.asset
    return {
        "type": "Feature",
        "id": movement.id,
        "geometry": _line_geometry(points),
        "properties": {
            "kind": "movement",
            "document_id": analysis.document.id,
            "asset_kind": asset.kind,
            "asset_model": asset.model,
            "identifier": asset.identifier,
            "operator_country": asset.operator.country if asset.operator else None,
            "depart": movement.depart.start.isoformat() if movement.depart else None,
            "arrive": movement.arrive.start.isoformat() if movement.arrive else None,
            "status": movement.attribution.status,
            "track_id": links.track(analysis.document.id, movement.id),
        },
    }


def features(
    analyses: Iterable[Analysis],
    filters: Filters,
    links: LinkSource | None = None,
    tracks: Iterable[DrawnTrack] = (),
) -> Iterator[dict[str, Any]]:
    for analysis, linked in with_links(analyses, links):
        if not selected(analysis, filters):
            continue
        doc = analysis.document
        for place in analysis.places:
            point = _point(place)
            if point:
                yield {
                    "type": "Feature",
                    "id": place.id,
                    "geometry": {"type": "Point", "coordinates": point},
                    "properties": {
                        "kind": "place",
                        "name": place.name,
                        "country": place.country,
                        "feature": place.feature,
                        "document_id": doc.id,
                    },
                }
        for event in analysis.events:
            point = _point(analysis.place(event.place))
            if point and filters.matches_event(event, analysis):
                when = event.when
                yield {
                    "type": "Feature",
                    "id": event.id,
                    "geometry": {"type": "Point", "coordinates": point},
                    "properties": {
                        "kind": "event",
                        "event_type": event.event,
                        "mode": event.mode,
                        "date": (when.start if when else doc.date).isoformat(),
                        "actors": [a.name for a in event.actor],
                        "recipients": [a.name for a in event.recipient],
                        "status": event.attribution.status,
                        "negated": event.negated,
                        "document_id": doc.id,
                        "outlet": doc.outlet,
                        "story_id": linked.story(doc.id, event.id),
                    },
                }
        for movement in analysis.movements:
            if filters.matches_movement(movement, analysis):
                feature = _movement_feature(movement, analysis, linked)
                if feature:
                    yield feature
    for track in tracks:
        line = track_feature(track)
        if line:
            yield line


def write_geojson(
    analyses: Iterable[Analysis],
    out: TextSink,
    filters: Filters,
    links: LinkSource | None = None,
    tracks: Iterable[DrawnTrack] = (),
) -> int:
    out.write('{"type": "FeatureCollection", "features": [\n')
    count = 0
    for feature in features(analyses, filters, links, tracks):
        out.write((",\n" if count else "") + json.dumps(feature, ensure_ascii=False))
        count += 1
    out.write("\n]}\n")
    return count
