"""Tracks: the movements of one asset, in date order, across documents.

Until the `resolve` module ships asset resolution, a track is the movements sharing an asset
model, an identifier (tail or hull number) and an operator country. Reports that give the
model and operator but no identifier join the one identified airframe of that model and
operator when there is exactly one; with none or several they form their own track, because
guessing between airframes would draw a route nobody reported.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Iterator

from pydantic import BaseModel, Field

from wirewatch.model import Asset, Filters, Place, When, stable_id
from wirewatch.store import MovementRecord, Store

PAGE = 1000  # rows per store read while collecting movements


class TrackLeg(BaseModel):
    """One reported movement of the asset, with its route resolved to places."""

    movement_id: str
    document_id: str
    document_date: dt.date
    outlet: str | None = None
    date: dt.date = Field(description="departure, else arrival, else the document date")
    origin: Place | None = None
    via: list[Place] = Field(default_factory=list)
    destination: Place | None = None
    depart: When | None = None
    arrive: When | None = None
    status: str = Field(description="attribution status of the movement")


class Track(BaseModel):
    id: str
    asset: Asset = Field(description="the most complete description among the legs")
    model: str | None = None
    identifier: str | None = None
    operator_country: str | None = None
    first_date: dt.date
    last_date: dt.date
    documents: list[str] = Field(description="ids of every document reporting a leg")
    legs: list[TrackLeg]


def _model_key(model: str | None) -> str | None:
    return model.replace("-", "").replace(" ", "").casefold() if model else None


def _identifier_key(identifier: str | None) -> str | None:
    return identifier.replace(" ", "").upper() if identifier else None


def _leg_date(record: MovementRecord) -> dt.date:
    movement = record.movement
    when = movement.depart or movement.arrive
    return when.start if when else record.document_date


def _leg(record: MovementRecord) -> TrackLeg:
    movement = record.movement
    return TrackLeg(
        movement_id=movement.id, document_id=record.document_id,
        document_date=record.document_date, outlet=record.outlet, date=_leg_date(record),
        origin=record.origin, via=record.via, destination=record.destination,
        depart=movement.depart, arrive=movement.arrive, status=movement.attribution.status)


def _richest(assets: Iterable[Asset]) -> Asset:
    """The asset description with the most fields filled (ties: the first reported)."""
    return max(assets, key=lambda a: sum(v is not None for v in a.model_dump().values()))


Key = tuple[str, str | None, str | None]  # model key, identifier key, operator country


def _key(record: MovementRecord) -> Key | None:
    asset = record.movement.asset
    model = _model_key(asset.model)
    if model is None:
        return None  # no designator: nothing to tell this asset from another
    country = asset.operator.country if asset.operator else None
    return model, _identifier_key(asset.identifier), country


def group(records: Iterable[MovementRecord]) -> list[Track]:
    """Tracks from movement records, ordered by first date, then id."""
    groups: dict[Key, list[MovementRecord]] = defaultdict(list)
    for record in records:
        key = _key(record)
        if key is not None:
            groups[key].append(record)
    identified: dict[tuple[str, str | None], list[Key]] = defaultdict(list)
    for key in groups:
        if key[1] is not None:
            identified[(key[0], key[2])].append(key)
    for key in [k for k in groups if k[1] is None]:
        candidates = identified.get((key[0], key[2]), [])
        if len(candidates) == 1:
            groups[candidates[0]].extend(groups.pop(key))
    tracks = [_track(key, members) for key, members in groups.items()]
    return sorted(tracks, key=lambda t: (t.first_date, t.id))


def _track(key: Key, members: list[MovementRecord]) -> Track:
    members.sort(key=lambda r: (_leg_date(r), r.document_date, r.movement.id))
    legs = [_leg(r) for r in members]
    asset = _richest(r.movement.asset for r in members)
    documents = list(dict.fromkeys(leg.document_id for leg in legs))
    return Track(id=stable_id("trk", *key), asset=asset, model=asset.model,
                 identifier=asset.identifier if key[1] else None, operator_country=key[2],
                 first_date=legs[0].date, last_date=legs[-1].date, documents=documents,
                 legs=legs)


def movements(store: Store, filters: Filters) -> Iterator[MovementRecord]:
    """Every movement matching `filters`, read page by page."""
    cursor: str | None = None
    while True:
        page = store.movements(filters, limit=PAGE, cursor=cursor)
        yield from page.items
        cursor = page.next_cursor
        if cursor is None:
            return


def tracks(store: Store, filters: Filters) -> list[Track]:
    """The tracks of the movements matching `filters` (the API's track source until resolve
    provides resolved tracks with the same shape)."""
    return group(movements(store, filters))
