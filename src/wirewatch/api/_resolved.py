"""Tracks and entities as the `resolve` module builds and stores them, for the routes.

Resolution keeps its own tables (updated after every ingested batch), so the API reads them
as they are: no regrouping here. What this module adds is the API's side of the contract:
filters named as the query parameters are (`type`, not `event_type`), with a 400 naming the
ones a kind cannot be filtered by.
"""

from __future__ import annotations

from wirewatch import resolve
from wirewatch.api._errors import bad_request
from wirewatch.model import Filters
from wirewatch.store import Store

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
    return resolve.tracks(store, f, limit=limit, cursor=cursor)


def entities(store: Store, f: Filters, kind: str | None, name: str | None, limit: int,
             cursor: str | None) -> resolve.Page[resolve.CanonicalEntity]:
    check_filters(f, ENTITY_FILTERS, "entities")
    return resolve.entities(store, name=name, kind=kind, country=f.country, limit=limit,
                            cursor=cursor)
