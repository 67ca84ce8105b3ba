"""Query parameters shared by the listings: the `Filters` and the page window.

Every value is parsed here with a message that names the parameter, so bad input is a 400
that says what to fix and never reaches the store as a 500.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import Query, Request
from pydantic import ValidationError

from wirewatch.api._errors import bad_request
from wirewatch.model import PLOVER_TYPES, Filters
from wirewatch.model.limits import check_storable

MAX_LIMIT = 1000  # the store's own page cap (store.cursor.MAX_LIMIT)
# Longer than any id, name, key or cursor the store hands out (names are at most 4,000).
MAX_PARAM_CHARS = 8_192

Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Items per page (1-1000).")]
Cursor = Annotated[str | None, Query(description="`next_cursor` of the previous page.")]


def check_params(request: Request) -> None:
    """Every query and path value of a request, before any route reads one (a router-wide
    dependency): a NUL or a lone surrogate cannot be bound as text by PostgreSQL (a 500
    there), and a value longer than anything stored can match nothing, so both are a 400
    that names the parameter, the same on both backends."""
    values = [*request.query_params.multi_items(), *request.path_params.items()]
    for name, value in values:
        if not isinstance(value, str):
            continue
        if len(value) > MAX_PARAM_CHARS:
            raise bad_request(f"{name}: longer than {MAX_PARAM_CHARS} characters")
        try:
            check_storable(name, value)
        except ValueError as error:
            raise bad_request(str(error)) from None


def _date(name: str, value: str | None) -> dt.date | None:
    if value is None or value == "":
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise bad_request(f"{name}: {value!r} is not a date; use YYYY-MM-DD") from None


def _types(values: list[str]) -> list[str]:
    types = [v.strip().upper() for value in values for v in value.split(",") if v.strip()]
    unknown = sorted({t for t in types if t not in PLOVER_TYPES})
    if unknown:
        raise bad_request(f"type: unknown PLOVER type(s) {', '.join(unknown)}; "
                          f"choose from {', '.join(PLOVER_TYPES)}")
    return types


def _bbox(value: str | None) -> tuple[float, float, float, float] | None:
    if not value:
        return None
    parts = value.split(",")
    try:
        numbers = [float(p) for p in parts]
    except ValueError:
        numbers = []
    if len(numbers) != 4:
        raise bad_request(f"bbox: {value!r} is not four numbers min_lon,min_lat,max_lon,max_lat")
    min_lon, min_lat, max_lon, max_lat = numbers
    if not (-180 <= min_lon <= max_lon <= 180 and -90 <= min_lat <= max_lat <= 90):
        raise bad_request(f"bbox: {value!r} must satisfy -180 <= min_lon <= max_lon <= 180 "
                          "and -90 <= min_lat <= max_lat <= 90")
    return min_lon, min_lat, max_lon, max_lat


def _country(value: str | None) -> str | None:
    if not value:
        return None
    code = value.strip().upper()
    if not (code.isascii() and code.isalpha() and len(code) == 3):
        raise bad_request(f"country: {value!r} is not an ISO 3166-1 alpha-3 code (e.g. RUS)")
    return code


def filters(
    since: Annotated[str | None, Query(description="On or after (YYYY-MM-DD).")] = None,
    until: Annotated[str | None, Query(description="On or before (YYYY-MM-DD).")] = None,
    type: Annotated[list[str] | None, Query(
        description="PLOVER event type; repeatable or comma-separated.")] = None,
    country: Annotated[str | None, Query(description="ISO alpha-3 of a party or place.")] = None,
    actor: Annotated[str | None, Query(description="Part of an actor or recipient name.")] = None,
    asset: Annotated[str | None, Query(description="Asset designator, e.g. An-124.")] = None,
    outlet: Annotated[str | None, Query(description="Publisher name.")] = None,
    bbox: Annotated[str | None, Query(description="min_lon,min_lat,max_lon,max_lat")] = None,
    q: Annotated[str | None, Query(description="Text the document must contain.")] = None,
    text: Annotated[str | None, Query(description="Same as `q`.")] = None,
) -> Filters:
    """The `Filters` of a request (a FastAPI dependency)."""
    start, end = _date("since", since), _date("until", until)
    if start and end and start > end:
        raise bad_request(f"since {start} is after until {end}")
    if q and text and q != text:
        raise bad_request("give the text query once, as q or as text")
    try:
        return Filters(since=start, until=end, event_type=_types(type or []),  # type: ignore[arg-type]
                       country=_country(country), actor=actor or None,
                       asset_model=asset or None, outlet=outlet or None,
                       text=(q or text) or None, bbox=_bbox(bbox))
    except ValidationError as error:
        first = error.errors()[0]
        raise bad_request(f"{'.'.join(map(str, first['loc']))}: {first['msg']}") from None

