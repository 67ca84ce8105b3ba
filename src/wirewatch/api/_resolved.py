"""Entities as the `resolve` module builds and stores them, for the routes.

Resolution keeps its own tables (updated after every ingested batch), so the API reads them
as they are: no regrouping here. What a kind can be filtered by is `Filters`' to say; the
routes name refused filters as the query parameters are named (`type`, not `event_type`).
"""

from __future__ import annotations

from wirewatch import resolve
from wirewatch.model import Filters
from wirewatch.model.filters import ENTITY_FILTERS
from wirewatch.store import Store


def entities(
    store: Store, f: Filters, kind: str | None, name: str | None, limit: int, cursor: str | None
) -> resolve.Page[resolve.CanonicalEntity]:
    """A page of canonical entities; of the filters, only the country applies (an
    UnsupportedFilters names the others)."""
    f.check_supported(ENTITY_FILTERS, "entities")
    return resolve.entities(
        store, name=name, kind=kind, country=f.country, limit=limit, cursor=cursor
    )
