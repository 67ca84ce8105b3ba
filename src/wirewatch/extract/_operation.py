"""A deployment abroad as one event: the movements of one operator into one foreign country
give a single MOBILIZE event (spec §3: one event for the whole operation, none for a return
leg), merged with the events step's own mentions of the same act ("Russia dispatched ...")."""

from __future__ import annotations

import datetime as dt
from typing import TypeVar

from wirewatch.extract._event_args import country_code
from wirewatch.extract._merge import merge_events
from wirewatch.extract.context import Context
from wirewatch.model import Actor, Attribution, Event, Evidence, Movement, Place, stable_id

_WEAPONS = {"weapon_system", "vehicle"}
ItemT = TypeVar("ItemT")


def operation_events(
    ctx: Context,
    movements: list[Movement],
    events: list[Event],
    background: frozenset[str] = frozenset(),
) -> list[Event]:
    """One event per operator and receiving country. An event whose legs the report only
    retells (`background`: "the An-124 that landed in Libya"; or legs that ended days before
    the report) is marked background: an act the report mentions, not its news."""
    ops: dict[tuple[str, str], list[Movement]] = {}
    for movement in movements:
        operator = movement.asset.operator
        if operator is None or operator.country is None:
            continue
        place = _place(ctx, movement.destination)
        country = _country_of(ctx, place)
        passage = _water_via(ctx, movement)
        if country is None and (place is None or place.lat is None):
            continue  # an end the geocoder could not place: abroad or home, it cannot say
        if country == operator.country and passage is None:
            continue  # a return home is not a deployment (a strait transit on the way is)
        # Open water ("heading for the Gulf of Oman") has no recipient country.
        target = "" if country is None or country == operator.country else country
        ops.setdefault((operator.country, target), []).append(movement)
    days = ctx.kb.events.motion.news_days
    derived = [
        _event(ctx, key, legs).model_copy(
            update={
                "background": all(
                    m.id in background or _retold(m, ctx.document.date, days) for m in legs
                )
            }
        )
        for key, legs in ops.items()
    ]
    # Derived events go first so that their arrival date and place win the merge.
    return merge_events([*derived, *events])


def _event(ctx: Context, key: tuple[str, str], legs: list[Movement]) -> Event:
    operator = legs[0].asset.operator
    assert operator is not None
    first = min(legs, key=lambda m: _start(m, ctx.document.date))
    place = _place(ctx, first.destination)
    recipients = (
        [
            Actor(
                name=_country_name(ctx, key[1]) or (place.name if place else key[1]), country=key[1]
            )
        ]
        if key[1]
        else []
    )
    # A trip into a sea is there ("entered the Red Sea ... transited the Suez Canal").
    passage = _water_via(ctx, first) if place is None or place.feature != "water" else None
    evidence = [e for m in legs for e in m.evidence]
    kinds = {m.asset.kind for m in legs}
    humanitarian = _carries_aid(ctx, evidence)
    status = next(
        (m.attribution for m in legs if m.attribution.status != "asserted"), Attribution()
    )
    return Event(
        id=stable_id("event", ctx.document.id, "MOBILIZE", *sorted(m.id for m in legs)),
        event="AID" if humanitarian else "MOBILIZE",
        mode="humanitarian" if humanitarian else "weapons" if kinds <= _WEAPONS else "troops",
        cameo="07" if humanitarian else "15",
        actor=[operator],
        recipient=recipients,
        place=passage.id if passage is not None else first.destination,
        when=first.arrive or first.depart,
        attribution=status,
        evidence=_unique(evidence),
        confidence=0.7,
    )


def _retold(movement: Movement, published: dt.date, days: int) -> bool:
    """A leg that ended more than `days` before the report ("It had departed Migalovo on 4
    October ..." in a report of the 15th) is background, not the report's news."""
    when = movement.arrive or movement.depart
    return when is not None and (published - when.end).days > days


def _start(movement: Movement, default: dt.date) -> dt.date:
    """When a leg began: its arrival, else its departure, else `default`."""
    when = movement.arrive or movement.depart
    return when.start if when is not None else default


def _carries_aid(ctx: Context, evidence: list[Evidence]) -> bool:
    """A flight or sailing that carries relief (supplies, tents, medicine) is aid, not a
    show of force (PLOVER AID, humanitarian mode)."""
    cls = ctx.kb.events.classes.get("aid")
    if cls is None:
        return False
    words = {w.strip(".,;:").casefold() for e in evidence for w in e.text.split()}
    return bool(words & set(cls.words))


def _water_via(ctx: Context, movement: Movement) -> Place | None:
    """A strait or sea the trip passed through: the newsworthy part of a transit."""
    for place_id in movement.via:
        place = _place(ctx, place_id)
        if place is not None and place.feature == "water":
            return place
    return None


def _unique(items: list[ItemT]) -> list[ItemT]:
    out: list[ItemT] = []
    for item in items:
        if item not in out:
            out.append(item)
    return out


def _country_of(ctx: Context, place: Place | None) -> str | None:
    """The country a place lies in (geocoded), or is (by name, when not geocoded)."""
    if place is None:
        return None
    return place.country or country_code(ctx.kb.countries, place)


def _place(ctx: Context, place_id: str | None) -> Place | None:
    return next((p for p in ctx.places if p.id == place_id), None) if place_id else None


def _country_name(ctx: Context, iso3: str) -> str | None:
    country = ctx.kb.countries.by_iso3(iso3)
    return country.name if country is not None else None


def home_place(ctx: Context, operator: Actor | None) -> Place | None:
    """The operator's country as a place: the one the text names, else a country place
    added for it (no coordinates: a country has no single point)."""
    if operator is None or operator.country is None:
        return None
    for place in ctx.places:
        if place.feature == "country" and place.country == operator.country:
            return place
    name = _country_name(ctx, operator.country) or operator.country
    place = Place(
        id=stable_id("place", ctx.document.id, "country", operator.country),
        name=name,
        country=operator.country,
        feature="country",
        reason="implied: the operator's home country ('back home')",
    )
    ctx.places.append(place)
    return place
