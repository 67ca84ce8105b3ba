"""Tracks and entities as the `resolve` module builds and stores them, for the routes.

Resolution keeps its own tables (updated after every ingested batch), so the API reads them
as they are: no regrouping here. What this module adds is the API's side of the contract:
filters named as the query parameters are (`type`, not `event_type`), and an `outlet` filter
for tracks, which resolve does not offer: a track matches when one report behind one of its
legs is from that outlet.
"""

from __future__ import annotations

from sqlalchemy import exists, select

from wirewatch import resolve
from wirewatch.api._errors import bad_request
from wirewatch.model import Filters
from wirewatch.resolve import tables as rt
from wirewatch.resolve.trackbuild import model_key
from wirewatch.store import Store
from wirewatch.store import tables as st
from wirewatch.store.flatten import fold
from wirewatch.store.pages import fetch_page

# Filters field -> the query parameter that sets it (see `_params.filters`).
QUERY_NAME = {"since": "since", "until": "until", "event_type": "type", "country": "country",
              "outlet": "outlet", "actor": "actor", "asset_model": "asset", "text": "q",
              "bbox": "bbox"}
TRACK_FILTERS = {"since", "until", "country", "asset_model", "outlet"}
ENTITY_FILTERS = {"country"}


def check_filters(f: Filters, allowed: set[str], what: str) -> None:
    """A 400 naming the query parameters `what` cannot be filtered by: silently ignoring
    them would return more than the client asked for."""
    given = {name for name, value in f if value not in (None, [], "")}
    refused = sorted(QUERY_NAME[name] for name in given - allowed)
    if refused:
        usable = ", ".join(sorted(QUERY_NAME[name] for name in allowed))
        raise bad_request(f"{what} cannot be filtered by {', '.join(refused)}; use {usable}")


def tracks(store: Store, f: Filters, limit: int, cursor: str | None) -> resolve.Page[resolve.Track]:
    """A page of resolved tracks; a ValueError (bad cursor or limit) is the caller's 400."""
    check_filters(f, TRACK_FILTERS, "tracks")
    if not f.outlet:
        return resolve.tracks(store, f, limit=limit, cursor=cursor)
    return _tracks_by_outlet(store, f, limit, cursor)


def _tracks_by_outlet(store: Store, f: Filters, limit: int,
                      cursor: str | None) -> resolve.Page[resolve.Track]:
    """`resolve.tracks` with the outlet as one more condition, in its order and keyset.

    The reports behind a track's legs are its member movements (resolve writes both from the
    same sightings), and a report's outlet is its document's: so the outlet is a join, not a
    read of every track's JSON (which took 100-350 ms a request at 20,000 documents). The
    other conditions are resolve's own, repeated; a test holds the two to the same answer."""
    track, member, doc = rt.tracks.c, rt.track_members.c, st.documents.c
    query = select(track.key, track.date_start, track.data).where(exists().where(
        member.track_key == track.key, doc.id == member.document_id,
        doc.outlet_key == fold(f.outlet or "")))
    if f.since:
        query = query.where(track.date_end >= f.since)
    if f.until:
        query = query.where(track.date_start <= f.until)
    if f.country:
        query = query.where(track.operator_country == f.country.upper())
    if f.asset_model:
        query = query.where(track.model_key == model_key(f.asset_model))
    with store.engine.connect() as connection:
        page = fetch_page(connection, query, [track.date_start, track.key], limit, cursor,
                          lambda rows: [resolve.Track.model_validate_json(r.data) for r in rows])
    return resolve.Page[resolve.Track](items=page.items, next_cursor=page.next_cursor)


def entities(store: Store, f: Filters, kind: str | None, name: str | None, limit: int,
             cursor: str | None) -> resolve.Page[resolve.CanonicalEntity]:
    check_filters(f, ENTITY_FILTERS, "entities")
    return resolve.entities(store, name=name, kind=kind, country=f.country, limit=limit,
                            cursor=cursor)
