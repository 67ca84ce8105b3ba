"""SQL filters select exactly what `Filters.matches_*` selects, on every filter field."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.store.corpus import corpus
from wirewatch.model import Analysis, Filters
from wirewatch.store import Store

D = dt.date
FILTERS = [
    Filters(),
    Filters(since=D(2019, 3, 24)),
    Filters(until=D(2019, 3, 28)),
    Filters(since=D(2019, 4, 1), until=D(2019, 4, 9)),
    Filters(since=D(2019, 3, 29), until=D(2019, 3, 29)),
    Filters(since=D(2019, 3, 30)),
    Filters(until=D(2019, 3, 20)),
    Filters(event_type=["MOBILIZE"]),
    Filters(event_type=["PROTEST", "COERCE"]),
    Filters(event_type=["CONSULT"]),
    Filters(country="ven"),
    Filters(country="RUS"),
    Filters(country="SYR"),
    Filters(country="LVA"),
    Filters(country="FRA"),
    Filters(country="CUB"),
    Filters(actor="russia"),
    Filters(actor="AIR FORCE"),
    Filters(actor="rebel"),
    Filters(actor="%"),
    Filters(asset_model="AN-124"),
    Filters(asset_model="Project-22350"),
    Filters(asset_model="il62m"),
    Filters(outlet="TEST WIRE"),
    Filters(outlet="baltic desk"),
    Filters(text="élysée"),
    Filters(text="KALININGRAD"),
    Filters(text="_"),
    Filters(bbox=(30, 30, 40, 40)),
    Filters(bbox=(-90, 0, -60, 30)),
    Filters(bbox=(0, 0, 1, 1)),
    Filters(country="RUS", since=D(2019, 4, 1)),
    Filters(event_type=["MOBILIZE"], asset_model="an-124"),
    Filters(outlet="Baltic Desk", country="SYR", bbox=(30, 30, 40, 40)),
]


@pytest.fixture
def filled(store: Store) -> tuple[Store, list[Analysis]]:
    analyses = corpus()
    for analysis in analyses:
        store.save_analysis(analysis)
    return store, analyses


def _python_events(f: Filters, analyses: list[Analysis]) -> set[tuple[str, str]]:
    return {(a.document.id, e.id) for a in analyses for e in a.events if f.matches_event(e, a)}


def _python_movements(f: Filters, analyses: list[Analysis]) -> set[tuple[str, str]]:
    return {
        (a.document.id, m.id) for a in analyses for m in a.movements if f.matches_movement(m, a)
    }


def _disagreements(store: Store, analyses: list[Analysis]) -> list[str]:
    """Every filter whose SQL answer differs from the Python one, with both answers."""
    found = []
    for f in FILTERS:
        answers = {
            "events": (
                [(r.document_id, r.event.id) for r in store.events(f, limit=1000).items],
                _python_events(f, analyses),
            ),
            "movements": (
                [(r.document_id, r.movement.id) for r in store.movements(f, limit=1000).items],
                _python_movements(f, analyses),
            ),
            "analyses": (
                [a.document.id for a in store.iter_analyses(f)],
                _python_analyses(f, analyses),
            ),
        }
        for kind, (sql, python) in answers.items():
            if len(sql) != len(set(sql)) or set(sql) != python:
                found.append(
                    f"{kind} {f.model_dump_json(exclude_defaults=True)}: "
                    f"sql={sorted(sql)} python={sorted(python)}"
                )
    return found


def _python_analyses(f: Filters, analyses: list[Analysis]) -> set[str]:
    """Documents that match and, when `f` constrains items, hold a matching item."""
    item_free = f == Filters(outlet=f.outlet, text=f.text)
    return {
        a.document.id
        for a in analyses
        if f.matches_document(a)
        and (item_free or _python_events(f, [a]) or _python_movements(f, [a]))
    }


def test_sql_agrees_with_python_on_every_filter(filled) -> None:
    store, analyses = filled
    assert _disagreements(store, analyses) == []


def test_corpus_exercises_the_filters(filled) -> None:
    """Guards the agreement tests against a corpus where every filter selects all or none."""
    _, analyses = filled
    total_events = len(_python_events(Filters(), analyses))
    total_moves = len(_python_movements(Filters(), analyses))
    event_sizes = {len(_python_events(f, analyses)) for f in FILTERS}
    move_sizes = {len(_python_movements(f, analyses)) for f in FILTERS}
    assert {0, total_events} < event_sizes and len(event_sizes) >= 4
    assert {0, total_moves} < move_sizes and len(move_sizes) >= 4


def test_known_answers(filled) -> None:
    store, _ = filled

    def models(f: Filters) -> list[str | None]:
        return sorted(r.movement.asset.model or "" for r in store.movements(f).items)

    assert models(Filters(asset_model="AN-124")) == ["An-124", "an124"]
    assert models(Filters(bbox=(30, 30, 40, 40))) == ["An-124", "Project 22350"]
    assert models(Filters(country="SYR")) == ["An-124", "Project 22350"]
    types = sorted(r.event.event for r in store.events(Filters(country="RUS")).items)
    assert types == ["AGREE", "COERCE", "CONSULT", "MOBILIZE", "PROTEST"]
    # CONSULT has no `when`: it takes the document date, 2019-03-28.
    # AGREE spans March: an overlapping window finds it.
    dated = store.events(Filters(since=D(2019, 3, 28), until=D(2019, 3, 28))).items
    assert [r.event.event for r in dated] == ["AGREE", "CONSULT"]


def test_documents_claims_places_filters(filled) -> None:
    store, analyses = filled
    by_outlet = store.documents(Filters(outlet="test WIRE")).items
    assert sorted(d.id for d in by_outlet) == sorted(a.document.id for a in analyses[:2])
    dated = store.documents(Filters(since=D(2019, 4, 2), until=D(2019, 4, 10))).items
    assert [d.date for d in dated] == [D(2019, 4, 2), D(2019, 4, 10)]
    claims = store.claims(Filters(country="lva")).items
    assert [c.claim.claimant.name for c in claims] == ["Latvia"]
    assert [c.claim.claimant.name for c in store.claims(Filters(actor="REB")).items] == ["rebels"]
    places = store.places(Filters(bbox=(30, 30, 40, 40))).items
    assert sorted(p.place.name for p in places) == ["Khmeimim", "Tartus"]
    assert [p.place.name for p in store.places(Filters(country="fra")).items] == ["Élysée"]
