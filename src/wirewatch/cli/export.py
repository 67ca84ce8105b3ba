"""`wirewatch export`: the same filters as the queries, written in a standard format."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from wirewatch import __version__, resolve
from wirewatch.cli._app import app, open_store
from wirewatch.cli._filters import (
    Actor,
    Asset,
    Bbox,
    Country,
    EventType,
    Outlet,
    Since,
    Text,
    Until,
    build_filters,
)
from wirewatch.cli._state import CliError, err
from wirewatch.export import FORMATS, Links
from wirewatch.export import export as write_export


def _links(store, document_ids: list[str]) -> Links:
    """Story and track ids for these documents, from the cross-report tables."""
    return Links(*resolve.links(store, document_ids))


@app.command("export")
def export_command(
    fmt: Annotated[str, typer.Option("--format", "-f", help=f"One of: {', '.join(FORMATS)}.")],
    output: Annotated[Path | None, typer.Option("--output", "-o", help="File (a directory "
                                                "for parquet); default standard output.")] = None,
    since: Since = None, until: Until = None, event_type: EventType = None,
    country: Country = None, outlet: Outlet = None, actor: Actor = None, asset: Asset = None,
    text: Text = None, bbox: Bbox = None,
) -> None:
    """Export analyses as jsonl, csv (events), geojson, plover or parquet."""
    if fmt not in FORMATS:
        raise CliError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    filters = build_filters(since=since, until=until, event_type=event_type, country=country,
                            outlet=outlet, actor=actor, asset=asset, text=text, bbox=bbox)
    store = open_store()
    try:
        count = write_export(fmt, store.iter_analyses(filters), output, filters,  # type: ignore[arg-type]
                             version=__version__, links=lambda ids: _links(store, ids),
                             tracks=resolve.all_tracks(store, filters) if fmt == "geojson" else ())
    except ValueError as error:
        raise CliError(str(error)) from error
    finally:
        store.close()
    err.print(f"exported {count} {fmt} record(s)" + (f" to {output}" if output else ""))
