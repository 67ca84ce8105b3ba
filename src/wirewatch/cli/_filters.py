"""The filter options every query and export command takes, declared once."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

import typer
from pydantic import ValidationError

from wirewatch.cli._state import CliError
from wirewatch.model import Filters

DAY = ["%Y-%m-%d"]
Since = Annotated[dt.datetime | None, typer.Option(formats=DAY, help="On or after (YYYY-MM-DD).")]
Until = Annotated[dt.datetime | None, typer.Option(formats=DAY, help="On or before (YYYY-MM-DD).")]
EventType = Annotated[list[str] | None, typer.Option("--type", help="PLOVER type; repeatable.")]
Country = Annotated[str | None, typer.Option(help="ISO alpha-3 code of a party or place.")]
Outlet = Annotated[str | None, typer.Option(help="Publisher name.")]
Actor = Annotated[str | None, typer.Option(help="Part of an actor or recipient name.")]
Asset = Annotated[str | None, typer.Option("--asset", help="Asset designator, e.g. An-124.")]
Text = Annotated[str | None, typer.Option(help="Text the document must contain.")]
Bbox = Annotated[str | None, typer.Option(help="min_lon,min_lat,max_lon,max_lat")]
Limit = Annotated[int, typer.Option(min=1, max=10_000, help="Rows per page.")]
Cursor = Annotated[str | None, typer.Option(help="Cursor from the previous page.")]
Json = Annotated[bool, typer.Option("--json", help="JSON lines instead of a table.")]


def build_filters(since: dt.datetime | None = None, until: dt.datetime | None = None,
                  event_type: list[str] | None = None, country: str | None = None,
                  outlet: str | None = None, actor: str | None = None,
                  asset: str | None = None, text: str | None = None,
                  bbox: str | None = None) -> Filters:
    try:
        box = tuple(float(v) for v in bbox.split(",")) if bbox else None
        return Filters(since=since.date() if since else None,
                       until=until.date() if until else None,
                       event_type=[t.upper() for t in event_type or []],
                       country=country.upper() if country else None, outlet=outlet,
                       actor=actor, asset_model=asset, text=text, bbox=box)
    except (ValidationError, ValueError) as error:
        first = error.errors()[0] if isinstance(error, ValidationError) else None
        reason = f"{'.'.join(map(str, first['loc']))}: {first['msg']}" if first else str(error)
        raise CliError(f"bad filter: {reason}") from error
