"""Analyses survive a write and a read unchanged; saving again replaces the old rows."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from tests.samples import sample_analysis as make_sample
from wirewatch.model import Analysis, Filters, Place
from wirewatch.store import Store
from wirewatch.store.tables import metadata


def _rows_per_table(store: Store, document_id: str) -> dict[str, int]:
    counts = {}
    with store.engine.connect() as connection:
        for table in metadata.sorted_tables:
            if "document_id" in table.c and table.name not in ("duplicates", "document_bands"):
                counts[table.name] = connection.execute(
                    select(func.count())
                    .select_from(table)
                    .where(table.c.document_id == document_id)
                ).scalar_one()
    return counts


def test_every_field_survives(store: Store, sample_analysis: Analysis) -> None:
    store.save_analysis(sample_analysis)
    assert store.get_analysis(sample_analysis.document.id) == sample_analysis
    assert store.get_document(sample_analysis.document.id) == sample_analysis.document
    assert store.get_analysis("doc_missing") is None
    assert store.get_document("doc_missing") is None


def test_records_hold_contract_objects_and_resolved_places(
    store: Store, sample_analysis: Analysis
) -> None:
    store.save_analysis(sample_analysis)
    doc = sample_analysis.document
    [event] = store.events(Filters()).items
    assert event.event == sample_analysis.events[0]
    assert event.place == sample_analysis.place(sample_analysis.events[0].place)
    assert (event.document_id, event.document_date, event.outlet) == (doc.id, doc.date, doc.outlet)
    [movement] = store.movements(Filters()).items
    assert movement.movement == sample_analysis.movements[0]
    assert movement.origin is None
    assert movement.via == [sample_analysis.place(sample_analysis.movements[0].via[0])]
    assert movement.destination == sample_analysis.place(sample_analysis.movements[0].destination)
    [claim] = store.claims(Filters()).items
    assert claim.claim == sample_analysis.claims[0]
    assert [p.place for p in store.places(Filters()).items] == sorted(
        sample_analysis.places, key=lambda p: p.id
    )


def test_resave_replaces_rows_without_orphans(store: Store, sample_analysis: Analysis) -> None:
    store.save_analysis(sample_analysis)
    doc_id = sample_analysis.document.id
    before = _rows_per_table(store, doc_id)
    assert all(count > 0 for count in before.values()), before
    smaller = sample_analysis.model_copy(
        update={
            "events": [],
            "movements": [],
            "entities": [],
            "places": [Place(id="plc_only", name="Caracas", lat=10.5, lon=-66.9, country="VEN")],
        }
    )
    store.save_analysis(smaller)
    after = _rows_per_table(store, doc_id)
    assert after == {**{name: 0 for name in before}, "analyses": 1, "places": 1, "claims": 1}
    assert store.get_analysis(doc_id) == smaller
    assert store.stats().documents == 1
    store.save_analysis(sample_analysis)
    assert _rows_per_table(store, doc_id) == before


def test_analyses_of_two_documents_stay_apart(store: Store) -> None:
    first, second = make_sample(), make_sample(text=make_sample().document.text + " More.")
    store.save_analysis(first)
    store.save_analysis(second)
    store.save_analysis(first)
    assert store.get_analysis(second.document.id) == second
    assert len(store.events(Filters()).items) == 2


def test_iter_analyses_streams_everything(store: Store, sample_analysis: Analysis) -> None:
    other = make_sample(outlet="Other Wire", text="A different text about Caracas.")
    store.save_analysis(sample_analysis)
    store.save_analysis(other)
    assert sorted(a.document.id for a in store.iter_analyses()) == sorted(
        [sample_analysis.document.id, other.document.id]
    )
    assert list(store.iter_analyses(Filters(outlet="other wire"))) == [other]


def test_save_analyses_is_all_or_nothing(store: Store, sample_analysis: Analysis) -> None:
    other = make_sample(text="Another text.")
    broken = make_sample(text="A third text.")
    broken = broken.model_copy(update={"places": broken.places + broken.places[:1]})
    with pytest.raises(ValueError, match=r"place id .* appears more than once"):
        store.save_analyses([sample_analysis, other, broken])
    assert store.stats().analyses == 0
    assert store.save_analyses([sample_analysis, other]) == 2
    assert store.stats().analyses == 2
