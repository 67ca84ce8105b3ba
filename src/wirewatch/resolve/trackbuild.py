"""Asset tracks from movements: who is who (identifier wins), legs merged across reports,
gaps and contradictions flagged. Pure: the database side is in `trackdb`."""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field

from wirewatch.model import Analysis, Evidence, Movement, Place
from wirewatch.model.calendar import clamp_days, plus_days
from wirewatch.resolve.config import TrackRules
from wirewatch.resolve.distance import km
from wirewatch.resolve.models import (
    Copy,
    Disagreement,
    Leg,
    LegSource,
    SourceValue,
    Stop,
    Track,
    TrackFlag,
)
from wirewatch.resolve.names import fold


def model_key(model: str) -> str:
    """As the store compares asset models: case and hyphens ignored."""
    return model.replace("-", "").casefold()


def identifier_key(identifier: str) -> str:
    return "".join(c for c in identifier.upper() if c.isalnum())


def block_key(model: str | None, country: str | None) -> str:
    return f"{model_key(model) if model else '-'}|{country or '-'}"


@dataclass(frozen=True)
class StopAt:
    stop: Stop
    feature: str | None


@dataclass
class Sighting:
    """One movement as a track sees it."""

    document_id: str
    movement_id: str
    outlet: str | None
    doc_date: dt.date
    model: str | None
    identifier: str | None
    country: str | None
    origin: StopAt | None
    via: list[StopAt]
    destination: StopAt | None
    depart: dt.date | None
    arrive: dt.date | None
    evidence: list[Evidence] = field(default_factory=list)
    # The ends dated only to a range ("arrived on the day it left or the next"): a day
    # another report tells for them wins, and differs from them in nothing.
    loose: frozenset[str] = frozenset()

    @property
    def span(self) -> tuple[dt.date, dt.date]:
        first = self.depart or self.arrive or self.doc_date
        last = self.arrive or self.depart or self.doc_date
        return (min(first, last), max(first, last))

    def stops(self) -> list[StopAt]:
        return [s for s in (self.origin, *self.via, self.destination) if s is not None]


def _stop(place: Place | None) -> StopAt | None:
    if place is None:
        return None
    return StopAt(
        Stop(name=place.name, lat=place.lat, lon=place.lon, country=place.country), place.feature
    )


def sightings(analysis: Analysis, skip_statuses: set[str]) -> list[Sighting]:
    """The movements of one analysis that can be tracked: a model or an identifier."""
    out = []
    for move in analysis.movements:
        if move.attribution.status in skip_statuses:
            continue
        if not (move.asset.model or move.asset.identifier):
            continue
        out.append(_sighting(move, analysis))
    return out


def _sighting(move: Movement, analysis: Analysis) -> Sighting:
    doc = analysis.document
    operator = move.asset.operator
    return Sighting(
        document_id=doc.id,
        movement_id=move.id,
        outlet=doc.outlet,
        doc_date=doc.date,
        model=move.asset.model,
        identifier=move.asset.identifier,
        country=operator.country if operator else None,
        origin=_stop(analysis.place(move.origin)),
        via=[s for pid in move.via if (s := _stop(analysis.place(pid)))],
        destination=_stop(analysis.place(move.destination)),
        depart=move.depart.start if move.depart else None,
        arrive=move.arrive.start if move.arrive else None,
        evidence=move.evidence,
        loose=frozenset(
            name
            for name, when in (("depart", move.depart), ("arrive", move.arrive))
            if when is not None and when.precision != "day"
        ),
    )


def _same_place(a: StopAt, b: StopAt, limit_km: float) -> bool:
    if fold(a.stop.name) == fold(b.stop.name):
        return True
    if a.feature == "country" or b.feature == "country":
        return a.stop.country is not None and a.stop.country == b.stop.country
    if None in (a.stop.lat, a.stop.lon, b.stop.lat, b.stop.lon):
        return False
    return km(a.stop.lat, a.stop.lon, b.stop.lat, b.stop.lon) <= limit_km  # type: ignore[arg-type]


def _near_in_time(a: tuple[dt.date, dt.date], b: tuple[dt.date, dt.date], days: int) -> bool:
    return a[0] <= clamp_days(b[1], days) and b[0] <= clamp_days(a[1], days)


def identified_key(s: Sighting, countries_of: dict[str, set[str]]) -> str:
    """Identifier + operator country; with no country, the only one the identifier has."""
    ident = identifier_key(s.identifier or "")
    country = s.country
    known = countries_of.get(ident, set())
    if country is None and len(known) == 1:
        country = next(iter(known))
    return f"{ident}|{country or '-'}"


def model_track_key(s: Sighting) -> str:
    """Unidentified movements that fit no single airframe: one track per model, operator and
    month, so such a track stays a readable list instead of growing for ever."""
    return f"model:{block_key(s.model, s.country)}|{s.span[0].strftime('%Y-%m')}"


class Nearby:
    """Identified sightings by model and operator, sorted by date, with their track keys."""

    def __init__(self, keyed: list[tuple[str, Sighting]], config: TrackRules) -> None:
        self.groups: dict[str, list[tuple[dt.date, str, Sighting]]] = {}
        self.longest: dict[str, int] = {}
        for key, s in keyed:
            if not joinable(s, config):
                continue
            block = block_key(s.model, s.country)
            self.groups.setdefault(block, []).append((s.span[0], key, s))
            length = (s.span[1] - s.span[0]).days
            self.longest[block] = max(self.longest.get(block, 0), length)
        for group in self.groups.values():
            group.sort(
                key=lambda item: (item[0], item[1], item[2].document_id, item[2].movement_id)
            )
        self.starts = {b: [item[0] for item in g] for b, g in self.groups.items()}

    def fitting(self, s: Sighting, config: TrackRules) -> set[str]:
        """Track keys of identified sightings that place this one's asset near in time and
        at a shared stop."""
        if not joinable(s, config):
            return set()
        block = block_key(s.model, s.country)
        group = self.groups.get(block, [])
        starts = self.starts.get(block, [])
        reach = config.join_days + self.longest.get(block, 0)
        lo = bisect_left(starts, clamp_days(s.span[0], -reach))
        hi = bisect_right(starts, clamp_days(s.span[1], config.join_days))
        stops = s.stops()
        return {
            key
            for _, key, m in group[lo:hi]
            if _near_in_time(s.span, m.span, config.join_days)
            and any(_same_place(a, b, config.join_km) for a in stops for b in m.stops())
        }


def joinable(s: Sighting, config: TrackRules) -> bool:
    """Whether a sighting takes part in matching unidentified movements to airframes."""
    return (
        bool(s.model)
        and s.country is not None
        and ((s.span[1] - s.span[0]).days <= config.join_max_span_days)
    )


def countries_by_identifier(items: list[Sighting]) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for s in items:
        if s.identifier and s.country:
            out.setdefault(identifier_key(s.identifier), set()).add(s.country)
    return out


def decide(s: Sighting, nearby: Nearby, config: TrackRules) -> str:
    """An unidentified sighting's track: the one airframe that fits, else its model's."""
    fits = nearby.fitting(s, config)
    return next(iter(fits)) if len(fits) == 1 else model_track_key(s)


def assign(items: list[Sighting], config: TrackRules) -> dict[str, list[Sighting]]:
    """Track key -> its sightings. Identified sightings group by identifier (and operator
    country); an unidentified one joins an airframe's track only when exactly one airframe
    of its model and operator was reported within `join_days` at a stop it shares."""
    countries_of = countries_by_identifier(items)
    tracks: dict[str, list[Sighting]] = {}
    keyed = [(identified_key(s, countries_of), s) for s in items if s.identifier]
    for key, s in keyed:
        tracks.setdefault(key, []).append(s)
    nearby = Nearby(keyed, config)
    for s in items:
        if not s.identifier:
            tracks.setdefault(decide(s, nearby, config), []).append(s)
    return tracks


def _legs_match(a: Sighting, b: Sighting, config: TrackRules) -> bool:
    if not _near_in_time(_when(a, config), _when(b, config), config.leg_date_tolerance_days):
        return False
    if (
        a.destination
        and b.destination
        and _same_place(a.destination, b.destination, config.leg_match_km)
    ):
        return True
    if a.origin and b.origin and not (a.destination and b.destination):
        return _same_place(a.origin, b.origin, config.leg_match_km)
    # "left Baltiysk on 2 October and entered the Mediterranean" and "left Baltiysk on 2
    # October ... moored at Tartus": one trip from one place on one day, told to two points.
    return bool(
        a.origin
        and b.origin
        and a.depart
        and a.depart == b.depart
        and _same_place(a.origin, b.origin, config.leg_match_km)
    )


def _when(s: Sighting, config: TrackRules) -> tuple[dt.date, dt.date]:
    """When a sighting's leg happened; an undated one, some days before its report."""
    if s.depart is None and s.arrive is None:
        before = plus_days(s.doc_date, -config.undated_lookback_days)
        return (before or s.doc_date, s.doc_date)
    return s.span


def build_track(
    key: str,
    members: list[Sighting],
    config: TrackRules,
    copies: Mapping[str, list[Copy]] | None = None,
) -> Track:
    """The track of one asset: its sightings grouped into legs in time order, each leg with
    every report that tells it (and the recorded copies of those reports)."""
    ordered = sorted(members, key=lambda s: (s.span[0], s.doc_date, s.document_id, s.movement_id))
    groups: list[list[Sighting]] = []
    for s in ordered:
        home = next((g for g in groups if any(_legs_match(s, m, config) for m in g)), None)
        if home is None:
            groups.append([s])
        else:
            home.append(s)
    legs = sorted((_leg(g, config, copies or {}) for g in groups), key=_leg_time)
    identified = not key.startswith("model:")
    models = Counter(s.model for s in members if s.model)
    idents = Counter(s.identifier for s in members if s.identifier)
    countries = Counter(s.country for s in members if s.country)
    spans = [s.span for s in members]
    return Track(
        key=key,
        identified=identified,
        model=models.most_common(1)[0][0] if models else None,
        identifier=idents.most_common(1)[0][0] if idents else None,
        operator_country=countries.most_common(1)[0][0] if countries else None,
        start=min(a for a, _ in spans),
        end=max(b for _, b in spans),
        legs=legs,
        # Several unidentified airframes may share a model track: flags would be noise there.
        flags=flags(legs, config) if identified else [],
    )


def _leg_time(leg: Leg) -> tuple[dt.date, dt.date]:
    first = leg.depart or leg.arrive or min(s.date for s in leg.sources)
    return (first, leg.arrive or first)


def _pick(group: list[Sighting], attr: str, name: str, out: list[Disagreement]) -> dt.date | None:
    stated = [(s, getattr(s, attr)) for s in group if getattr(s, attr)]
    exact = [(s, v) for s, v in stated if attr not in s.loose]
    if not exact:  # days known only as ranges: the first report's, no disagreement
        return stated[0][1] if stated else None
    stated = exact
    if len({v for _, v in stated}) > 1:
        out.append(
            Disagreement(
                field=name,
                values=[
                    SourceValue(document_id=s.document_id, outlet=s.outlet, value=v.isoformat())
                    for s, v in stated
                ],
            )
        )
    return stated[0][1] if stated else None


def _leg(group: list[Sighting], config: TrackRules, copies: Mapping[str, list[Copy]]) -> Leg:
    """One leg from the reports that tell it; the first report's value where they differ,
    the others shown as a disagreement. The end is the most specific one told (a base
    rather than its country, a port rather than the sea on the way), arriving when the
    reports that name that end say."""
    # Reports that identify the airframe or hull speak first; one joined to the track by
    # model, date and place is listed, and disagrees where it does.
    group = sorted(
        group, key=lambda s: (s.identifier is None, s.doc_date, s.document_id, s.movement_id)
    )
    disagreements: list[Disagreement] = []
    depart = _pick(group, "depart", "depart", disagreements)
    ends = [s for s in group if s.destination]
    best = max(ends, key=lambda s: _SPECIFIC.get(s.destination.feature or "", 1), default=None)  # type: ignore[union-attr]
    destination = best.destination if best else None
    there = [
        s
        for s in group
        if destination is None
        or (s.destination and _same_place(s.destination, destination, config.leg_match_km))
    ]
    arrive = _pick(there, "arrive", "arrive", disagreements)
    origin = next((s.origin for s in group if s.origin), None)
    via: dict[str, Stop] = {}
    for s in group:
        for stop in s.via:
            via.setdefault(fold(stop.stop.name), stop.stop)
    stated = [s.origin for s in group if s.origin]
    if any(not _same_place(o, stated[0], config.same_place_km) for o in stated[1:]):
        disagreements.append(
            Disagreement(
                field="origin",
                values=[
                    SourceValue(
                        document_id=s.document_id,
                        outlet=s.outlet,
                        value=s.origin.stop.name if s.origin else "",
                    )
                    for s in group
                    if s.origin
                ],
            )
        )
    return Leg(
        origin=origin.stop if origin else None,
        via=list(via.values()),
        destination=destination.stop if destination else None,
        depart=depart,
        arrive=arrive,
        sources=[
            *(_source(s) for s in group),
            *(_source(s, c) for s in group for c in copies.get(s.document_id, [])),
        ],
        disagreements=disagreements,
    )


def _source(s: Sighting, copy: Copy | None = None) -> LegSource:
    """A report of the leg, or a recorded copy of one (which tells it as the report it
    copies: that report's movement, no evidence of its own)."""
    if copy is None:
        return LegSource(
            document_id=s.document_id,
            outlet=s.outlet,
            date=s.doc_date,
            movement_id=s.movement_id,
            evidence=s.evidence,
        )
    return LegSource(
        document_id=copy.document_id,
        outlet=copy.outlet,
        date=copy.date,
        movement_id=s.movement_id,
        copy_of=s.document_id,
    )


# How specific an end point is, by feature: a site beats a town, a town a region or sea.
_SPECIFIC = {"country": 0, "region": 1, "water": 1, "admin": 2, "city": 3, "locality": 3}
_SPECIFIC |= dict.fromkeys(("airport", "airbase", "base", "port", "site", "point"), 4)


def _at(stop: Stop | None, word: str = "at") -> str:
    return f" {word} {stop.name}" if stop is not None else ""


def _distance(a: Stop | None, b: Stop | None) -> float | None:
    if a is None or b is None or None in (a.lat, a.lon, b.lat, b.lon):
        return None
    return km(a.lat, a.lon, b.lat, b.lon)  # type: ignore[arg-type]


def flags(legs: list[Leg], config: TrackRules) -> list[TrackFlag]:
    out: list[TrackFlag] = []
    for i, leg in enumerate(legs):
        # A leg cannot end before it starts: one of its dates is wrong (or two reports of
        # different trips were taken for one leg).
        if leg.depart is not None and leg.arrive is not None and leg.arrive < leg.depart:
            out.append(
                TrackFlag(
                    kind="contradiction",
                    legs=(i, i),
                    date=leg.arrive,
                    detail=f"arrives{_at(leg.destination)} on "
                    f"{leg.arrive.isoformat()}, before it departs"
                    f"{_at(leg.origin, 'from')} on "
                    f"{leg.depart.isoformat()}",
                )
            )
    for i in range(len(legs) - 1):
        here, there = legs[i].destination, legs[i + 1].origin
        gap = _distance(here, there)
        if gap is not None and gap > config.gap_km and here and there:
            out.append(
                TrackFlag(
                    kind="gap",
                    legs=(i, i + 1),
                    date=legs[i + 1].depart,
                    km=round(gap, 1),
                    detail=f"arrived at {here.name}, next departs from {there.name}",
                )
            )
    positions = [
        (i, day, stop)
        for i, leg in enumerate(legs)
        for day, stop in ((leg.depart, leg.origin), (leg.arrive, leg.destination))
        if day is not None and stop is not None
    ]
    for a in range(len(positions)):
        for b in range(a + 1, len(positions)):
            (i, day_i, stop_i), (j, day_j, stop_j) = positions[a], positions[b]
            if i == j or day_i != day_j:
                continue
            apart = _distance(stop_i, stop_j)
            if apart is not None and apart > config.contradiction_km:
                out.append(
                    TrackFlag(
                        kind="contradiction",
                        legs=(min(i, j), max(i, j)),
                        date=day_i,
                        km=round(apart, 1),
                        detail=f"at {stop_i.name} and {stop_j.name} on {day_i.isoformat()}",
                    )
                )
    return out
