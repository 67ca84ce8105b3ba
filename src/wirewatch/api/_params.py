"""Query parameters shared by the listings: the `Filters` and the page window.

`Filters` validates every filter (`wirewatch.model.filters`); here the query parameters are
handed to it as given, and its first complaint becomes a 400 that names the parameter, so
bad input says what to fix and never reaches the store as a 500.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import HTTPException, Query, Request
from pydantic import ValidationError

from wirewatch.api._errors import bad_request
from wirewatch.model.filters import MAX_LIMIT, Filters, UnsupportedFilters
from wirewatch.model.limits import check_storable

# Longer than any id, name, key or cursor the store hands out (names are at most 4,000).
MAX_PARAM_CHARS = 8_192
# Filters field -> the query parameter that sets it (see `filters` below).
QUERY_NAME = {
    "since": "since",
    "until": "until",
    "event_type": "type",
    "country": "country",
    "outlet": "outlet",
    "actor": "actor",
    "asset_model": "asset",
    "text": "q",
    "bbox": "bbox",
}

Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description=f"Items per page (1-{MAX_LIMIT}).")]
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


def query_name(field: str) -> str:
    return QUERY_NAME.get(field, field)


def unsupported(error: UnsupportedFilters) -> HTTPException:
    """A 400 naming the query parameters a kind cannot be filtered by."""
    return bad_request(error.message(query_name))


def _invalid(error: ValidationError) -> HTTPException:
    """A 400 with the first thing `Filters` refused, under its query parameter's name."""
    first = error.errors()[0]
    where = ".".join(query_name(str(part)) for part in first["loc"])
    return bad_request(f"{where}: {first['msg']}" if where else first["msg"])


def filters(
    since: Annotated[str | None, Query(description="On or after (YYYY-MM-DD).")] = None,
    until: Annotated[str | None, Query(description="On or before (YYYY-MM-DD).")] = None,
    type: Annotated[
        list[str] | None, Query(description="PLOVER event type; repeatable or comma-separated.")
    ] = None,
    country: Annotated[str | None, Query(description="ISO alpha-3 of a party or place.")] = None,
    actor: Annotated[str | None, Query(description="Part of an actor or recipient name.")] = None,
    asset: Annotated[str | None, Query(description="Asset designator, e.g. An-124.")] = None,
    outlet: Annotated[str | None, Query(description="Publisher name.")] = None,
    bbox: Annotated[str | None, Query(description="min_lon,min_lat,max_lon,max_lat")] = None,
    q: Annotated[str | None, Query(description="Text the document must contain.")] = None,
    text: Annotated[str | None, Query(description="Same as `q`.")] = None,
) -> Filters:
    """The `Filters` of a request (a FastAPI dependency)."""
    if q and text and q != text:
        raise bad_request("give the text query once, as q or as text")
    given = {
        "since": since,
        "until": until,
        "event_type": type,
        "country": country,
        "actor": actor,
        "asset_model": asset,
        "outlet": outlet,
        "text": q or text,
        "bbox": bbox,
    }
    try:
        return Filters.model_validate(given)
    except ValidationError as error:
        raise _invalid(error) from None
