"""The filter options every query and export command takes, declared once."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

import typer
from pydantic import ValidationError

from wirewatch.cli._state import CliError
from wirewatch.model.filters import MAX_LIMIT, Filters

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
Limit = Annotated[int, typer.Option(min=1, max=MAX_LIMIT, help="Rows per page.")]
Cursor = Annotated[str | None, typer.Option(help="Cursor from the previous page.")]
Json = Annotated[bool, typer.Option("--json", help="JSON lines instead of a table.")]


# Filters field -> the option that sets it, where the two names differ.
OPTION_NAME = {"event_type": "type", "asset_model": "asset"}


def build_filters(
    since: dt.datetime | None = None,
    until: dt.datetime | None = None,
    event_type: list[str] | None = None,
    country: str | None = None,
    outlet: str | None = None,
    actor: str | None = None,
    asset: str | None = None,
    text: str | None = None,
    bbox: str | None = None,
) -> Filters:
    """The options as given, validated by `Filters`; its first complaint is the error."""
    given = {
        "since": since,
        "until": until,
        "event_type": event_type,
        "country": country,
        "outlet": outlet,
        "actor": actor,
        "asset_model": asset,
        "text": text,
        "bbox": bbox,
    }
    try:
        return Filters.model_validate(given)
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(OPTION_NAME.get(str(part), str(part)) for part in first["loc"])
        reason = f"{where}: {first['msg']}" if where else first["msg"]
        raise CliError(f"bad filter: {reason}") from error
