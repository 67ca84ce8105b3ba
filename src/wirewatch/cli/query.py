"""Query commands: documents, events, movements, claims, places, search, stats, rejects."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from typing import Any

import typer
from pydantic import BaseModel
from rich.table import Table

from wirewatch.cli._app import app, open_store
from wirewatch.cli._filters import (
    Actor,
    Asset,
    Bbox,
    Country,
    Cursor,
    EventType,
    Json,
    Limit,
    Outlet,
    Since,
    Text,
    Until,
    build_filters,
)
from wirewatch.cli._state import err, out

Column = tuple[str, Callable[[Any], Any]]


def _emit(
    items: Iterable[BaseModel],
    columns: list[Column],
    as_json: bool,
    next_cursor: str | None = None,
    title: str = "",
) -> None:
    if as_json:
        for item in items:
            out.print(item.model_dump_json(), markup=False, highlight=False)
    else:
        table = Table(title=title)
        for header, _ in columns:
            table.add_column(header, overflow="fold")
        for item in items:
            table.add_row(*("" if (v := get(item)) is None else str(v) for _, get in columns))
        out.print(table)
    if next_cursor:
        err.print(f"more: --cursor {next_cursor}", highlight=False)


def _names(actors: list[Any]) -> str:
    return ", ".join(f"{a.name} ({a.country})" if a.country else a.name for a in actors)


def _place(record: Any, attr: str = "place") -> str:
    place = getattr(record, attr, None)
    return place.name if place else ""


def _page(kind: str, limit: int, cursor: str | None, **filter_args: Any) -> Any:
    filters = build_filters(**filter_args)
    store = open_store()
    try:
        return getattr(store, kind)(filters, limit=limit, cursor=cursor)
    finally:
        store.close()


@app.command()
def documents(
    since: Since = None,
    until: Until = None,
    outlet: Outlet = None,
    text: Text = None,
    limit: Limit = 50,
    cursor: Cursor = None,
    as_json: Json = False,
) -> None:
    """List stored documents."""
    page = _page("documents", limit, cursor, since=since, until=until, outlet=outlet, text=text)
    _emit(
        page.items,
        [
            ("id", lambda d: d.id),
            ("date", lambda d: d.date),
            ("outlet", lambda d: d.outlet),
            ("title", lambda d: d.title),
        ],
        as_json,
        page.next_cursor,
        "documents",
    )


@app.command()
def events(
    since: Since = None,
    until: Until = None,
    event_type: EventType = None,
    country: Country = None,
    outlet: Outlet = None,
    actor: Actor = None,
    text: Text = None,
    bbox: Bbox = None,
    limit: Limit = 50,
    cursor: Cursor = None,
    as_json: Json = False,
) -> None:
    """List events (PLOVER type, actors, place, date) with filters."""
    page = _page(
        "events",
        limit,
        cursor,
        since=since,
        until=until,
        event_type=event_type,
        country=country,
        outlet=outlet,
        actor=actor,
        text=text,
        bbox=bbox,
    )
    _emit(
        page.items,
        [
            ("date", lambda r: r.event.when.start if r.event.when else r.document_date),
            ("type", lambda r: r.event.event),
            ("mode", lambda r: r.event.mode),
            ("actor", lambda r: _names(r.event.actor)),
            ("recipient", lambda r: _names(r.event.recipient)),
            ("place", _place),
            ("status", lambda r: r.event.attribution.status),
            ("outlet", lambda r: r.outlet),
        ],
        as_json,
        page.next_cursor,
        "events",
    )


@app.command()
def movements(
    since: Since = None,
    until: Until = None,
    country: Country = None,
    outlet: Outlet = None,
    asset: Asset = None,
    bbox: Bbox = None,
    limit: Limit = 50,
    cursor: Cursor = None,
    as_json: Json = False,
) -> None:
    """List asset movements (asset, origin, via, destination, dates)."""
    page = _page(
        "movements",
        limit,
        cursor,
        since=since,
        until=until,
        country=country,
        outlet=outlet,
        asset=asset,
        bbox=bbox,
    )

    def when(record: Any) -> Any:
        move = record.movement
        return (move.arrive or move.depart).start if (move.arrive or move.depart) else None

    _emit(
        page.items,
        [
            ("date", when),
            ("asset", lambda r: r.movement.asset.model),
            ("id", lambda r: r.movement.asset.identifier),
            (
                "operator",
                lambda r: r.movement.asset.operator.country if r.movement.asset.operator else None,
            ),
            ("from", lambda r: _place(r, "origin")),
            ("via", lambda r: ", ".join(p.name for p in getattr(r, "via", []) or [])),
            ("to", lambda r: _place(r, "destination")),
            ("outlet", lambda r: r.outlet),
        ],
        as_json,
        page.next_cursor,
        "movements",
    )


@app.command()
def claims(
    since: Since = None,
    until: Until = None,
    outlet: Outlet = None,
    text: Text = None,
    limit: Limit = 50,
    cursor: Cursor = None,
    as_json: Json = False,
) -> None:
    """List claims: who says what, through which outlet, with stance and doubt."""
    page = _page("claims", limit, cursor, since=since, until=until, outlet=outlet, text=text)
    _emit(
        page.items,
        [
            ("date", lambda r: r.document_date),
            ("claimant", lambda r: r.claim.claimant.name),
            ("kind", lambda r: r.claim.claimant.kind),
            ("outlet", lambda r: r.claim.outlet),
            ("stance", lambda r: r.claim.stance),
            ("assessed", lambda r: r.claim.assessed),
            ("content", lambda r: r.claim.content[:120]),
        ],
        as_json,
        page.next_cursor,
        "claims",
    )


@app.command()
def places(
    country: Country = None,
    outlet: Outlet = None,
    bbox: Bbox = None,
    limit: Limit = 50,
    cursor: Cursor = None,
    as_json: Json = False,
) -> None:
    """List places with their coordinates and gazetteer ids."""
    page = _page("places", limit, cursor, country=country, outlet=outlet, bbox=bbox)
    _emit(
        page.items,
        [
            ("name", lambda r: r.place.name),
            ("country", lambda r: r.place.country),
            ("feature", lambda r: r.place.feature),
            ("lat", lambda r: r.place.lat),
            ("lon", lambda r: r.place.lon),
            ("kb", lambda r: r.place.kb),
            ("document", lambda r: r.document_id),
        ],
        as_json,
        page.next_cursor,
        "places",
    )


@app.command()
def search(query: str, limit: Limit = 20, as_json: Json = False) -> None:
    """Full-text search over document titles and texts."""
    store = open_store()
    try:
        hits = store.search(query, limit=limit)
    finally:
        store.close()
    _emit(
        hits,
        [
            ("document", lambda h: h.document_id),
            ("date", lambda h: h.date),
            ("outlet", lambda h: h.outlet),
            ("snippet", lambda h: h.snippet),
        ],
        as_json,
        title=f"search: {query}",
    )


@app.command()
def stats(as_json: Json = False) -> None:
    """Counts of documents, duplicates, rejects, events by type, movements, claims, places."""
    store = open_store()
    try:
        figures = store.stats()
    finally:
        store.close()
    data = figures.model_dump(mode="json")
    if as_json:
        out.print(json.dumps(data), markup=False, highlight=False)
        return
    table = Table(title="wirewatch store")
    table.add_column("what")
    table.add_column("value", justify="right")
    for key, value in data.items():
        if isinstance(value, dict):
            for sub, count in value.items():
                table.add_row(f"{key}: {sub}", str(count))
        else:
            table.add_row(key, "" if value is None else str(value))
    out.print(table)


@app.command()
def rejects(limit: Limit = 100, cursor: Cursor = None, as_json: Json = False) -> None:
    """Inputs that were rejected, with file, record and reason."""
    store = open_store()
    try:
        page = store.rejects(limit=limit, cursor=cursor)
        # Documents kept but whose analysis failed close the list (the next ingest retries).
        failed = [] if page.next_cursor else store.failed_documents(limit)
    finally:
        store.close()
    _emit(
        [*page.items, *failed],
        [
            ("source", lambda r: str(r.origin)),
            ("reason", lambda r: r.reason),
            ("message", lambda r: r.message),
        ],
        as_json,
        page.next_cursor,
        "rejects",
    )
    raise typer.Exit(0)
