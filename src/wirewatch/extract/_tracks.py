"""Per-asset trips built up across sentences.

Each route statement about an asset is kept in text order; at the end they are put in time
order (a statement without a date of its own takes the date of the one told just before it,
so "It had departed Migalovo on 4 October, reached Khmeimim the next day and then flew on to
Benina" sorts before "The aircraft left Bamako on Monday", told first), and swept into legs:
a statement updates the current leg, or starts a new one when the asset sets off again
after arriving."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from wirewatch.model import Asset, Attribution, Evidence, Place, When


@dataclass
class Route:
    """What one clause says about a trip."""

    kind: str  # motion class: arrive | depart | transit | travel | origin | send | seen | rest
    origin: Place | None = None
    via: list[Place] = field(default_factory=list)
    destination: Place | None = None
    home: bool = False  # "back home": the operator's own country
    date: When | None = None
    evidence: Evidence | None = None
    attribution: Attribution | None = None
    earlier: bool = False  # past perfect ("had left"): about the leg already told
    onward: bool = False  # "flew on to", "then sailed to", "returned to": a further trip
    arrival: bool = False  # its date is when the trip ended ("returned to port on Thursday")
    continues: bool = False  # "continued on to X": the trip goes on past its last stop
    flown: bool = False  # an aircraft makes this trip (what it carries arrives with it)
    call: bool = False  # a port call ("called at Colombo"): a stop when an arrival follows
    diverted: bool = False  # "was diverted to X": X replaces the end it was heading for
    back: bool = False  # "returned via Algiers": a trip back, its end not told
    here: bool = False  # its end is where the report is ("arrived from Evenes on Monday")
    # "The An-124 that landed in Libya this week flew on to Mali": a relative clause that
    # identifies the asset by an earlier trip; it places the asset, it is not news.
    background: bool = False

    def empty(self) -> bool:
        return not (self.origin or self.via or self.destination or self.home or self.date)


@dataclass
class Leg:
    origin: Place | None = None
    via: list[Place] = field(default_factory=list)
    destination: Place | None = None
    home: bool = False
    depart: When | None = None
    arrive: When | None = None
    personnel: int | None = None
    evidence: list[Evidence] = field(default_factory=list)
    attribution: Attribution | None = None
    landed: bool = False  # an arrival verb set the destination: the trip is over
    # A verb of staying set the destination ("was off the Lofoten Islands by Wednesday"): a
    # trip told as going on from there ("heading for the North Atlantic") passed it.
    rested: bool = False
    seen: bool = False  # the origin is where the asset was seen (on `seen_on`, if told)
    seen_on: When | None = None
    came_from: bool = False  # all the leg was told is where it had come from
    back: bool = False  # a trip back whose end the text does not name
    called: bool = False  # the destination is a port call's
    background: bool = True  # told only in identifying clauses (until a statement says more)


@dataclass
class Track:
    key: str
    asset: Asset
    legs: list[Leg] = field(default_factory=list)
    returned: bool = False  # the text says the asset is back home
    personnel: int | None = None
    routes: list[Route] = field(default_factory=list)  # the statements, in text order
    variants: list[str] = field(default_factory=list)  # designators written for a family track

    def add(self, route: Route) -> None:
        self.routes.append(route)

    def build(self) -> list[Leg]:
        """The legs, from the statements in time order."""
        self.legs = []
        for route in _in_time_order(self.routes):
            self.update(route)
        return self.legs

    def update(self, route: Route) -> None:
        if route.kind == "seen":
            self._seen(route)
            return
        if route.kind == "rest":
            self._rested(route)
            return
        if self.legs and self.legs[-1].rested and _carries_on(route):
            leg = self.legs[-1]
            leg.via.append(leg.destination)  # type: ignore[arg-type]
            leg.destination, leg.arrive, leg.landed, leg.rested = None, None, False, False
        leg = self._leg_for(route)
        leg.came_from = _came_from(route, leg) and (leg.came_from or not leg.evidence)
        if leg.seen and leg.destination is None and _came_from(route, leg):
            # "was logged at El Fasher on Thursday ... had come from Port Sudan": the trip
            # it had come on ended where it was seen.
            leg.destination, leg.arrive, leg.origin = leg.origin, leg.seen_on, None
            leg.seen = False
        elif leg.seen and route.destination is not None and _near(route.destination, leg.origin):  # type: ignore[arg-type]
            # "was spotted in Novorossiysk, though it is unclear when it arrived": it came
            # to where it was seen, from where the text does not say.
            leg.origin, leg.seen = None, False
        summary = _summary(leg)
        leg.background = leg.background and route.background
        if route.origin is not None and (
            leg.origin is None
            or (_within(route.origin, leg.origin) and not _same(route.origin, leg.origin))
        ):
            leg.origin = route.origin  # "landed in Libya ... departed Benina": the narrower
        stops = list(route.via)
        if (
            route.kind == "load"
            and route.origin
            and leg.origin
            and leg.origin.id != route.origin.id
        ):
            # "moved from Sevastopol to Kursk. The marines were loaded onto trains at
            # Dzhankoi": loaded on the way of a trip whose start is told.
            stops.insert(0, route.origin)
        stop_in = _stop_inside(route, leg)
        if stop_in is not None:
            # "flew south into Chad. There it stopped at Amdjarass": a stop inside the
            # country the trip went to is where it went; the country was on the way.
            leg.via.append(leg.destination)  # type: ignore[arg-type]
            leg.destination, leg.landed = stop_in, True
            stops = [p for p in stops if p.id != stop_in.id]
        leg.via.extend(p for p in stops if p.id not in {v.id for v in leg.via})
        if route.home and leg.destination is None:
            leg.home = True
        passed = leg.destination is not None and leg.destination.feature == "water"
        if route.destination is not None and (
            leg.destination is None
            or (route.kind == "arrive" and not _wider(route.destination, leg.destination))
            or _within(route.destination, leg.destination)
            or (route.diverted and not leg.landed)
            # "entered the strait ... and left it for the South China Sea": a sea reached is
            # passed when the trip goes on elsewhere.
            or (passed and not route.earlier)
        ):
            wide = leg.destination
            if (
                wide is not None
                and wide.id != route.destination.id
                and (route.kind == "arrive" or passed)
            ):
                # "entered the Mediterranean on 10 October ... moored at Tartus on the 14th":
                # the sea was on the way; the arrival is the port's.
                if wide.feature == "water" and wide.id not in {v.id for v in leg.via}:
                    leg.via.append(wide)
                if route.date is not None:
                    leg.arrive = route.date
            leg.destination = route.destination
            leg.landed = leg.landed or route.kind == "arrive"
            leg.called = route.call
        elif (
            route.destination is not None
            and summary
            and route.origin is not None
            and route.destination.id not in {v.id for v in leg.via}
        ):
            # "delivered a fire unit to Ukraine ... trucked from Überlingen to Korczowa": the
            # way there, told after the country it went to.
            leg.via.append(route.destination)
        if route.date is not None:
            if route.kind == "arrive":
                # (not a stop's day: "Its first stop was Souda Bay, where it put in on Thursday")
                if route.destination is not None or not route.via:
                    leg.arrive = leg.arrive or route.date
            elif route.arrival:
                leg.arrive = leg.arrive or route.date  # "returned to port on Thursday"
            elif (
                route.kind in {"depart", "load", "origin", "send", "travel"}
                or route.origin is not None
            ):
                leg.depart = leg.depart or route.date  # "sailed for X on Monday"
                if (
                    route.kind in {"travel", "send"}
                    and (self.asset.kind == "aircraft" or route.flown)
                    and route.destination is not None
                    and route.date.precision == "day"
                ):
                    # "flew to Isfahan on Thursday": a flight is over within its day.
                    leg.arrive = leg.arrive or route.date
            elif route.destination is not None and leg.arrive is None and route.kind != "transit":
                leg.arrive = route.date  # (a transit's date is the passage's, not the end's)
        if route.evidence is not None and route.evidence not in leg.evidence:
            leg.evidence.append(route.evidence)
        if route.attribution is not None and leg.attribution is None:
            leg.attribution = route.attribution

    def _seen(self, route: Route) -> None:
        """A sighting: the place starts the trip told next, or ends the one the asset had
        come on; by itself it is no trip (a sighting alone is not an arrival)."""
        place = route.origin
        if place is None:
            return
        leg = self.legs[-1] if self.legs else None
        if leg is not None and leg.destination is None and _came_from(None, leg):
            leg.destination, leg.arrive = place, route.date
        elif leg is None or (leg.destination is not None and not _near(place, leg.destination)):
            leg = Leg(origin=place, seen=True, seen_on=route.date, personnel=self.personnel)
            self.legs.append(leg)
        else:
            return
        if route.evidence is not None and route.evidence not in self.legs[-1].evidence:
            self.legs[-1].evidence.append(route.evidence)

    def _rested(self, route: Route) -> None:
        """Where the asset stays: the end of a leg begun and not ended, else nothing (of an
        asset not under way it is a state, not a trip)."""
        leg = self.legs[-1] if self.legs else None
        place = route.destination
        if leg is not None and place is not None and _later_elsewhere(leg, route, place):
            # "landed at Hmeimim on Monday. On Wednesday it was in Bamako": it went on.
            later = Leg(origin=leg.destination, destination=place, arrive=route.date)
            later.landed = later.rested = True
            later.personnel = self.personnel
            if route.evidence is not None:
                later.evidence.append(route.evidence)
            self.legs.append(later)
            return
        if leg is None or place is None or leg.destination is not None or leg.home:
            return
        if leg.origin is None or _near(place, leg.origin) or leg.seen:
            return
        leg.destination, leg.arrive, leg.landed, leg.rested = place, route.date, True, True
        if route.evidence is not None and route.evidence not in leg.evidence:
            leg.evidence.append(route.evidence)

    def _leg_for(self, route: Route) -> Leg:
        """The leg a statement is about: a departure after an arrival, or an arrival
        somewhere else than the last one, opens a new leg from where the asset was."""
        if not self.legs:
            self.legs.append(Leg(personnel=self.personnel))
            return self.legs[-1]
        leg = self.legs[-1]
        arrived = leg.destination is not None or leg.home
        before = (
            route.date is not None
            and leg.arrive is not None
            and route.date.start < leg.arrive.start
        )
        new_departure = (
            route.kind in _STARTS
            and arrived
            # leaving a sea or strait it entered is going on, not a new trip
            and not (leg.destination is not None and leg.destination.feature == "water")
            and not route.earlier
            and not before
            and not _told_again(route, leg)
        )
        elsewhere = (
            route.kind == "arrive"
            and leg.arrive is not None
            and route.destination is not None
            and leg.destination is not None
            and not _near(route.destination, leg.destination)
            # "reappeared in the Gulf of Oman and arrived at Bandar Abbas": a sea reached on
            # the way is not where the trip ended.
            and leg.destination.feature != "water"
        )
        onward = (
            route.kind in {"travel", "send", "transit"}
            and not route.earlier
            and not before
            and route.destination is not None
            and leg.destination is not None
            and not _near(route.destination, leg.destination)
            and (leg.landed or route.onward)
        )
        # "flew troops to Tajikistan ... made a hop from Dushanbe to Kant": a trip told
        # with both ends, other than the current leg's end, is a trip of its own.
        whole = (
            route.origin is not None
            and route.destination is not None
            and leg.destination is not None
            and not route.earlier
            and not before
            and not _near(route.destination, leg.destination)
        )
        # "reached Ukraine in October ... were flown from Oslo to Rzeszów": the way to a
        # country told after it, not a trip from there.
        way_there = (
            _summary(leg)
            and route.origin is not None
            and not _within(route.origin, leg.destination)  # type: ignore[arg-type]
        )
        # "left Baltiysk on 2 October ... left Tartus on the 22nd": two departures from two
        # places are two trips, even when the first one's end was not told.
        again = (
            route.kind in _STARTS
            and route.origin is not None
            and leg.origin is not None
            and not route.earlier
            and not before
            and not _near(route.origin, leg.origin)
        )
        if elsewhere and leg.called:
            # "left Karachi on 24 January and called at Colombo on the 28th ... arrived at
            # Chittagong on Sunday": a port call before a later arrival was a stop.
            leg.via.append(leg.destination)  # type: ignore[arg-type]
            leg.destination, leg.landed, leg.arrive, leg.called = None, False, None, False
            return leg
        if onward and _goes_on(route, leg):
            # "flew from Hmeimim to Benina and continued on to Al Khadim": one trip, with
            # the place it went on from as a stop.
            leg.via.append(leg.destination)  # type: ignore[arg-type]
            leg.destination, leg.landed, leg.arrive = None, False, None
            return leg
        if again and leg.destination is None and not leg.home and not _stopped_at(route, leg):
            # "had flown out from Galeão on Tuesday ... after leaving Beirut on Thursday":
            # the asset left from where its earlier trip had taken it.
            leg.destination = route.origin
        if route.back and _ended(leg) and not route.earlier and not before:
            # "landed at Niamey ... It returned on Wednesday via Algiers": the way back is a
            # trip of its own, not stops on the way there.
            self.legs.append(Leg(origin=leg.destination, back=True))
            return self.legs[-1]
        if (new_departure or elsewhere or onward or whole or again) and not way_there:
            self.legs.append(Leg(origin=leg.destination))
        return self.legs[-1]


def _ended(leg: Leg) -> bool:
    """The leg reached a place it can come back from (not a sea it was still crossing)."""
    return (
        leg.destination is not None
        and leg.destination.feature != "water"
        and leg.origin is not None
        and not _near(leg.origin, leg.destination)
    )


def _stopped_at(route: Route, leg: Leg) -> bool:
    """The departure is from a stop the leg already made ("refuelled at Hmeimim ... left
    Hmeimim"): the trip goes on from there."""
    return route.origin is not None and any(_near(route.origin, v) for v in leg.via)


_STARTS = frozenset({"depart"})  # statements of where a trip began


def _later_elsewhere(leg: Leg, route: Route, place: Place) -> bool:
    """Where the asset stays, told for a day after the leg it ended (its arrival, else its
    departure), is somewhere else."""
    told = leg.arrive or leg.depart
    return (
        leg.landed
        and leg.destination is not None
        and told is not None
        and route.date is not None
        and route.date.start > told.end
        and not _near(place, leg.destination)
    )


def _carries_on(route: Route) -> bool:
    """A statement of the trip going on from where it was, not of a new one from elsewhere."""
    return (
        route.kind in {"travel", "transit"}
        and route.origin is None
        and route.destination is not None
        and not (route.back or route.home or route.earlier)
    )


def _came_from(route: Route | None, leg: Leg) -> bool:
    """ "had come from Port Sudan", "had loaded its cargo at Saam": a statement of where a
    trip began and nothing else (the one `route` is, or all `leg` has been told)."""
    if route is not None:
        return (
            (route.kind == "origin" or route.earlier)
            and route.origin is not None
            and route.destination is None
            and not route.via
        )
    return leg.origin is not None and not leg.via and leg.came_from


def _in_time_order(routes: list[Route]) -> list[Route]:
    """Statements sorted by date, stable in text order; an undated one takes the date of
    the statement before it (the first ones, of the first dated statement)."""
    dates = [r.date.start if r.date is not None else None for r in routes]
    known = [d for d in dates if d is not None]
    if not known or all(d == known[0] for d in known):
        return list(routes)  # nothing to reorder: keep the text's order
    effective = []
    current = known[0]
    for day in dates:
        current = day if day is not None else current
        effective.append(current)
    order = sorted(range(len(routes)), key=lambda i: (effective[i], i))
    return [routes[i] for i in order]


_WIDE = frozenset({"country", "region", "admin", "water"})


def _same(a: Place, b: Place) -> bool:
    return a.id == b.id


def _stop_inside(route: Route, leg: Leg) -> Place | None:
    """The one stop a transit names inside the area its leg was going to, if any."""
    wide = leg.destination
    if route.kind != "transit" or wide is None or wide.feature not in _LAND or leg.landed:
        return None  # (a stop in a sea the trip entered is on the way)
    inside = [p for p in route.via if p.feature not in _WIDE and _within(p, wide)]
    return inside[0] if len(inside) == 1 and inside[0].id != wide.id else None


_LAND = frozenset({"country", "region", "admin"})


def _within(narrow: Place, wide: Place) -> bool:
    """`narrow` lies in `wide` as far as the places tell: the same place, or a place of the
    country (or first-level area) `wide` is."""
    if narrow.id == wide.id:
        return True
    if _inside_extent(narrow, wide):
        return True  # "South America" and Caracas: a point within the wider place's extent
    return (
        wide.feature in _WIDE
        and narrow.feature not in {"country"}
        and narrow.country is not None
        and narrow.country == wide.country
    )


def _inside_extent(narrow: Place, wide: Place) -> bool:
    """A point within a region's extent ("South America"); a country is its code's."""
    if wide.feature == "country" or (
        narrow.lat is None
        or narrow.lon is None
        or wide.lat is None
        or wide.lon is None
        or wide.precision_km is None
        or narrow.precision_km is None
    ):
        return False
    return (
        narrow.precision_km < wide.precision_km
        and _km(narrow.lat, narrow.lon, wide.lat, wide.lon) <= wide.precision_km
    )


def _goes_on(route: Route, leg: Leg) -> bool:
    """A trip that goes on from where the same sentence ended the leg."""
    told = {e.sentence for e in leg.evidence}
    return (
        route.continues
        and leg.destination is not None
        and route.evidence is not None
        and route.evidence.sentence in told
    )


def _told_again(route: Route, leg: Leg) -> bool:
    """ "flew on to Mali ... The aircraft departed Benina in the morning": a departure from
    where the current leg began (not from where it ended) tells that leg again."""
    origin = route.origin
    if origin is None or leg.destination is None:
        return False
    if _within(origin, leg.destination) or _within(leg.destination, origin):
        return False  # leaving where it arrived: a new trip
    return leg.origin is None or _within(origin, leg.origin) or _within(leg.origin, origin)


# Two end points this close are one place told twice ("Benina airport ... Benghazi, where
# it landed"): an arrival there is not a trip elsewhere.
NEAR_KM = 60.0


def one_area(a: Place, b: Place) -> bool:
    """Two names for about the same place: one within the other, or within `NEAR_KM`."""
    return _near(a, b)


def _near(a: Place, b: Place) -> bool:
    if a.id == b.id or _within(a, b) or _within(b, a):
        return True
    if a.lat is None or a.lon is None or b.lat is None or b.lon is None:
        return False
    return _km(a.lat, a.lon, b.lat, b.lon) <= NEAR_KM


def _wider(a: Place, b: Place) -> bool:
    """`a` is the wider of two names for where the asset is ("Benghazi" after "Benina
    airport", "Libya" after "Benghazi"): keep the narrower."""
    if a.precision_km is not None and b.precision_km is not None:
        return a.precision_km > b.precision_km and _near(a, b)
    return _within(b, a) and a.id != b.id


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dlat, dlon = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dlat / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dlon / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def _summary(leg: Leg) -> bool:
    """A leg told only as "to <country>": the statements after it may tell its way."""
    return leg.origin is None and leg.destination is not None and leg.destination.feature in _WIDE
