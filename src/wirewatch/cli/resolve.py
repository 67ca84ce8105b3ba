"""Commands across reports: stories, tracks, canonical entities, split and rebuild."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any, Concatenate, ParamSpec, TypeVar

import typer
from rich.table import Table

from wirewatch import resolve
from wirewatch.cli._app import app, open_store
from wirewatch.cli._filters import (
    Asset,
    Bbox,
    Country,
    Cursor,
    EventType,
    Json,
    Limit,
    Outlet,
    Since,
    Until,
    build_filters,
)
from wirewatch.cli._state import CliError, err, out
from wirewatch.cli.query import _emit
from wirewatch.store import Store

P = ParamSpec("P")
T = TypeVar("T")
MinSources = Annotated[int, typer.Option(min=1, help="Only stories told by this many reports.")]


def _with_store(fn: Callable[Concatenate[Store, P], T], *args: P.args, **kwargs: P.kwargs) -> T:
    """`fn(store, ...)` on the configured store, closed after."""
    store = open_store()
    try:
        return fn(store, *args, **kwargs)
    finally:
        store.close()


def _json(item: Any) -> None:
    out.print(item.model_dump_json(indent=2), markup=False, highlight=False)


@app.command()
def stories(
    since: Since = None,
    until: Until = None,
    event_type: EventType = None,
    country: Country = None,
    outlet: Outlet = None,
    bbox: Bbox = None,
    min_sources: MinSources = 1,
    limit: Limit = 50,
    cursor: Cursor = None,
    as_json: Json = False,
) -> None:
    """List stories: one event told by one or more reports, with its sources."""
    filters = build_filters(
        since=since, until=until, event_type=event_type, country=country, outlet=outlet, bbox=bbox
    )
    page = _with_store(
        resolve.stories, filters, limit=limit, cursor=cursor, min_sources=min_sources
    )
    _emit(
        page.items,
        [
            ("id", lambda s: s.id),
            ("type", lambda s: s.event),
            ("date", lambda s: s.start if s.start == s.end else f"{s.start}..{s.end}"),
            ("place", lambda s: s.place),
            ("countries", lambda s: ",".join(s.countries)),
            ("reports", lambda s: s.source_count),
            ("outlets", lambda s: ", ".join(sorted({x.outlet or "-" for x in s.sources}))),
            ("disagree", lambda s: ", ".join(d.field for d in s.disagreements)),
        ],
        as_json,
        page.next_cursor,
        "stories",
    )


@app.command()
def story(story_id: str, as_json: Json = False) -> None:
    """Show one story: every source and where the sources disagree."""
    found = _with_store(resolve.story, story_id)
    if found is None:
        raise CliError(f"no story {story_id!r}")
    if as_json:
        _json(found)
        return
    out.print(
        f"[bold]{found.event}[/] {found.start}..{found.end} at {found.place or '?'} "
        f"({', '.join(found.countries)}): {found.source_count} report(s)"
    )
    table = Table(title="sources")
    for header in ("document", "outlet", "date", "when", "claims", "copies", "evidence"):
        table.add_column(header, overflow="fold")
    for s in found.sources:
        table.add_row(
            s.document_id,
            s.outlet or "",
            str(s.date),
            f"{s.when[0]}..{s.when[1]}" if s.when else "",
            str(len(s.claim_ids)),
            ", ".join(c.document_id for c in s.copies),
            " ".join(e.text for e in s.evidence)[:200],
        )
    out.print(table)
    for d in found.disagreements:
        out.print(
            f"[yellow]{d.field}[/]: "
            + "; ".join(f"{v.value} ({v.outlet or v.document_id})" for v in d.values),
            highlight=False,
        )


@app.command()
def tracks(
    since: Since = None,
    until: Until = None,
    country: Country = None,
    asset: Asset = None,
    limit: Limit = 50,
    cursor: Cursor = None,
    as_json: Json = False,
) -> None:
    """List asset tracks (identified airframes and hulls, and per-model tracks)."""
    filters = build_filters(since=since, until=until, country=country, asset=asset)
    page = _with_store(resolve.tracks, filters, limit=limit, cursor=cursor)
    _emit(page.items, _track_columns(), as_json, page.next_cursor, "tracks")


def _track_columns() -> list:
    return [
        ("key", lambda t: t.key),
        ("model", lambda t: t.model),
        ("identifier", lambda t: t.identifier),
        ("operator", lambda t: t.operator_country),
        ("from", lambda t: t.start),
        ("to", lambda t: t.end),
        ("legs", lambda t: len(t.legs)),
        ("reports", lambda t: len(t.sources)),
        ("flags", lambda t: ", ".join(f.kind for f in t.flags)),
    ]


@app.command()
def track(model_or_identifier: str, as_json: Json = False) -> None:
    """Show the track(s) of an identifier (RA-82038) or a model (An-124), leg by leg."""
    found = _with_store(resolve.find_tracks, model_or_identifier)
    if not found:
        raise CliError(f"no track for {model_or_identifier!r}")
    if as_json:
        for item in found:
            out.print(item.model_dump_json(), markup=False, highlight=False)
        return
    for item in found:
        table = Table(
            title=f"{item.key}: {item.model or ''} {item.identifier or ''} "
            f"({item.operator_country or '?'})"
        )
        for header in ("#", "from", "via", "to", "depart", "arrive", "reports", "disagree"):
            table.add_column(header, overflow="fold")
        for i, leg in enumerate(item.legs):
            table.add_row(
                str(i),
                leg.origin.name if leg.origin else "",
                ", ".join(v.name for v in leg.via),
                leg.destination.name if leg.destination else "",
                str(leg.depart or ""),
                str(leg.arrive or ""),
                ", ".join(s.document_id for s in leg.sources),
                ", ".join(d.field for d in leg.disagreements),
            )
        out.print(table)
        for flag in item.flags:
            out.print(
                f"[yellow]{flag.kind}[/] legs {flag.legs[0]}-{flag.legs[1]}: "
                f"{flag.detail}" + (f" ({flag.km} km)" if flag.km else ""),
                highlight=False,
            )


@app.command()
def entities(
    name: Annotated[str | None, typer.Option(help="Any alias of the entity.")] = None,
    kind: Annotated[str | None, typer.Option(help="PERSON, ORG, GPE ...")] = None,
    country: Country = None,
    limit: Limit = 50,
    cursor: Cursor = None,
    as_json: Json = False,
) -> None:
    """List canonical entities with their aliases."""
    page = _with_store(
        resolve.entities, name=name, kind=kind, country=country, limit=limit, cursor=cursor
    )
    _emit(
        page.items,
        [
            ("id", lambda e: e.id),
            ("name", lambda e: e.name),
            ("kind", lambda e: e.kind),
            ("country", lambda e: e.country),
            ("mentions", lambda e: e.mentions),
            ("reports", lambda e: e.documents),
            ("aliases", lambda e: ", ".join(a.name for a in e.aliases)),
        ],
        as_json,
        page.next_cursor,
        "entities",
    )


@app.command()
def entity(
    words: Annotated[
        list[str], typer.Argument(help="NAME_OR_ID to show one entity, or: split ENTITY_ID ALIAS")
    ],
    as_json: Json = False,
) -> None:
    """Show an entity by id or any alias (aliases and why each was merged), or
    `entity split ENTITY_ID ALIAS` to move an alias out into its own entity for good."""
    if words[0] == "split" and len(words) == 3:
        _split(words[1], words[2])
        return
    if len(words) != 1:
        raise CliError("usage: wirewatch entity NAME_OR_ID | wirewatch entity split ID ALIAS")
    found = _with_store(resolve.entity, words[0])
    if found is None:
        raise CliError(f"no entity {words[0]!r}")
    if as_json:
        _json(found)
        return
    out.print(
        f"[bold]{found.name}[/] {found.kind} {found.country or ''} {found.id}: "
        f"{found.mentions} mention(s) in {found.documents} report(s)",
        highlight=False,
    )
    for alias in found.aliases:
        out.print(f"  {alias.name} ({alias.mentions})", highlight=False)
    for merge in found.merges:
        out.print(
            f"  merged {merge.alias!r} <- {merge.linked_to!r}: {merge.rule} {merge.score}",
            highlight=False,
        )


def _split(entity_id: str, alias: str) -> None:
    try:
        new_id = _with_store(resolve.split_entity, entity_id, alias)
    except ValueError as error:
        raise CliError(str(error)) from error
    out.print(f"{alias!r} is now entity {new_id}", highlight=False)


@app.command()
def rebuild() -> None:
    """Recompute entities, stories and tracks from every stored analysis."""
    counts = _with_store(resolve.rebuild)
    err.print(
        f"{counts.entities} entities, {counts.stories} stories, {counts.tracks} tracks",
        highlight=False,
    )
