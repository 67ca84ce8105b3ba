"""Keyset pagination: pages join up to the full ordered list, with no repeats and no gaps."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.store.corpus import DocSpec, EventSpec, MoveSpec, build
from wirewatch.model import Filters, Origin, Reject
from wirewatch.store import Store


def _specs() -> list[DocSpec]:
    """Twelve documents on four dates, so many rows tie on date and order by id."""
    specs = []
    for n in range(12):
        day = dt.date(2020, 1, 1 + n % 4)
        specs.append(
            DocSpec(
                day,
                "Pager",
                f"Bulletin {n}: a ship called at Tartus and a plane left Riga.",
                ["Tartus", "Riga"],
                [
                    EventSpec("MOBILIZE", "Russia", "Syria", "Tartus"),
                    EventSpec("CONSULT", "Latvia", "France", "Riga", day - dt.timedelta(days=n)),
                ],
                [MoveSpec("Tu-154", "Russia", "Tartus", origin="Riga")],
                ["Latvia"],
            )
        )
    return specs


def _walk(read, limit: int) -> list:
    items, cursor, pages = [], None, 0
    while True:
        page = read(limit=limit, cursor=cursor)
        assert len(page.items) <= limit
        items += page.items
        pages += 1
        if page.next_cursor is None:
            return items
        cursor = page.next_cursor
        assert pages < 100


@pytest.fixture
def filled(store: Store) -> Store:
    for spec in _specs():
        store.save_analysis(build(spec))
    return store


@pytest.mark.parametrize("limit", [1, 4, 5, 24])
def test_event_pages_cover_all_in_order(filled: Store, limit: int) -> None:
    whole = filled.events(Filters(), limit=1000).items
    assert len(whole) == 24
    walked = _walk(lambda **kw: filled.events(Filters(), **kw), limit)
    assert walked == whole
    keys = [(r.event.when.start if r.event.when else r.document_date, r.event.id) for r in walked]
    assert keys == sorted(keys)


def test_filtered_pages(filled: Store) -> None:
    f = Filters(event_type=["CONSULT"], since=dt.date(2019, 12, 30))
    walked = _walk(lambda **kw: filled.events(f, **kw), 2)
    assert len(walked) == len({(r.document_id, r.event.id) for r in walked}) == 4


@pytest.mark.parametrize("kind", ["movements", "claims", "places", "documents"])
def test_other_listings_paginate(filled: Store, kind: str) -> None:
    read = getattr(filled, kind)
    whole = read(Filters(), limit=1000).items
    assert len(whole) in (12, 24)
    assert _walk(lambda **kw: read(Filters(), **kw), 5) == whole


def test_rejects_paginate_in_recorded_order(store: Store) -> None:
    rejects = [
        Reject(
            origin=Origin(source="dump.csv", locator=f"row {n}"),
            reason="malformed",
            message=f"row {n} has no text column",
        )
        for n in range(7)
    ]
    for reject in rejects:
        store.add_reject(reject)
    assert _walk(store.rejects, 3) == rejects


def test_bad_cursor_and_limit_are_clear_errors(filled: Store) -> None:
    with pytest.raises(ValueError, match="invalid cursor"):
        filled.events(Filters(), cursor="not-a-cursor")
    page = filled.events(Filters(), limit=2)
    assert page.next_cursor
    with pytest.raises(ValueError, match="invalid cursor"):
        filled.rejects(cursor=page.next_cursor)  # a cursor of another listing
    with pytest.raises(ValueError, match="limit"):
        filled.events(Filters(), limit=0)
