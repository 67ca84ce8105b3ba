"""The store: one interface to SQLite and PostgreSQL for documents, analyses and queries."""

from wirewatch.store.records import (
    ClaimRecord,
    DuplicateRecord,
    EventRecord,
    MovementRecord,
    Page,
    PlaceRecord,
    SearchHit,
    StoreStats,
)
from wirewatch.store.search import MARK_END, MARK_START
from wirewatch.store.store import Store

__all__ = [
    "MARK_END",
    "MARK_START",
    "ClaimRecord",
    "DuplicateRecord",
    "EventRecord",
    "MovementRecord",
    "Page",
    "PlaceRecord",
    "SearchHit",
    "Store",
    "StoreStats",
]
