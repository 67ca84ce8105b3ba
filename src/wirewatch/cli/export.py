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
from wirewatch.store import Store


def _links(store: Store, document_ids: list[str]) -> Links:
    """Story and track ids for these documents, from the cross-report tables."""
    return Links(*resolve.links(store, document_ids))


def _either(words: list[str]) -> str:
    """`a, b or c`."""
    return " or ".join([", ".join(words[:-1]), words[-1]] if len(words) > 1 else words)


# The help texts, from the format registry.
HELP = (
    "Export the matching analyses as "
    + _either([f"{spec.name} ({spec.holds})" for spec in FORMATS.values()])
    + "."
)
OUTPUT_HELP = (
    "File (a directory for "
    + _either([spec.name for spec in FORMATS.values() if spec.directory])
    + "); default standard output."
)


@app.command("export", help=HELP)
def export_command(
    fmt: Annotated[str, typer.Option("--format", "-f", help=f"One of: {', '.join(FORMATS)}.")],
    output: Annotated[Path | None, typer.Option("--output", "-o", help=OUTPUT_HELP)] = None,
    since: Since = None,
    until: Until = None,
    event_type: EventType = None,
    country: Country = None,
    outlet: Outlet = None,
    actor: Actor = None,
    asset: Asset = None,
    text: Text = None,
    bbox: Bbox = None,
) -> None:
    if fmt not in FORMATS:
        raise CliError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    filters = build_filters(
        since=since,
        until=until,
        event_type=event_type,
        country=country,
        outlet=outlet,
        actor=actor,
        asset=asset,
        text=text,
        bbox=bbox,
    )
    store = open_store()
    try:
        # Tracks are read lazily: only a format that draws them (GeoJSON) runs the query.
        count = write_export(
            fmt,
            store.iter_analyses(filters),
            output,
            filters,
            version=__version__,
            links=lambda ids: _links(store, ids),
            tracks=resolve.all_tracks(store, filters),
        )
    except ValueError as error:
        raise CliError(str(error)) from error
    finally:
        store.close()
    err.print(f"exported {count} {fmt} record(s)" + (f" to {output}" if output else ""))
