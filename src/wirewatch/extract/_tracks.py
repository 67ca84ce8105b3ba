"""Per-asset trips built up across sentences: each route statement updates the asset's
current leg, or starts a new one when the asset sets off again after arriving."""

from __future__ import annotations

from dataclasses import dataclass, field

from wirewatch.model import Asset, Attribution, Evidence, Place, When


@dataclass
class Route:
    """What one clause says about a trip."""

    kind: str  # motion class: arrive | depart | transit | travel | origin | send
    origin: Place | None = None
    via: list[Place] = field(default_factory=list)
    destination: Place | None = None
    home: bool = False  # "back home": the operator's own country
    date: When | None = None
    evidence: Evidence | None = None
    attribution: Attribution | None = None
    earlier: bool = False  # past perfect ("had left"): about the leg already told
    onward: bool = False  # "flew on to", "then sailed to", "returned to": a further trip

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


@dataclass
class Track:
    key: str
    asset: Asset
    legs: list[Leg] = field(default_factory=list)
    returned: bool = False  # the text says the asset is back home
    personnel: int | None = None

    def update(self, route: Route) -> None:
        leg = self._leg_for(route)
        if route.origin is not None and leg.origin is None:
            leg.origin = route.origin
        leg.via.extend(p for p in route.via if p.id not in {v.id for v in leg.via})
        if route.home and leg.destination is None:
            leg.home = True
        if route.destination is not None and (leg.destination is None or route.kind == "arrive"):
            leg.destination = route.destination
            leg.landed = leg.landed or route.kind == "arrive"
        if route.date is not None:
            if route.kind in {"arrive"}:
                leg.arrive = leg.arrive or route.date
            elif route.kind in {"depart", "origin", "send"} or route.origin is not None:
                leg.depart = leg.depart or route.date  # "flew from X to Y on Monday"
            elif route.destination is not None and leg.arrive is None:
                leg.arrive = route.date
        if route.evidence is not None and route.evidence not in leg.evidence:
            leg.evidence.append(route.evidence)
        if route.attribution is not None and leg.attribution is None:
            leg.attribution = route.attribution

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
        new_departure = route.kind == "depart" and arrived and not route.earlier and not before
        elsewhere = (
            route.kind == "arrive"
            and leg.arrive is not None
            and route.destination is not None
            and leg.destination is not None
            and route.destination.id != leg.destination.id
        )
        onward = (
            route.kind in {"travel", "send", "transit"}
            and not route.earlier
            and not before
            and route.destination is not None
            and leg.destination is not None
            and route.destination.id != leg.destination.id
            and (leg.landed or route.onward)
        )
        if new_departure or elsewhere or onward:
            self.legs.append(Leg(origin=leg.destination))
        return self.legs[-1]
