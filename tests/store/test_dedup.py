"""Documents: stored once, duplicates recorded against the original, re-adds add nothing."""

from __future__ import annotations

import datetime as dt

import pytest

from wirewatch.model import Document, Fingerprint, Origin, text_hash
from wirewatch.store import Store

SIZE, BANDS = 100, 20  # 20 bands of 5 rows


def _fingerprint(text: str, signature: list[int]) -> Fingerprint:
    rows = SIZE // BANDS
    bands = [",".join(map(str, signature[i * rows : (i + 1) * rows])) for i in range(BANDS)]
    return Fingerprint(text_hash=text_hash(text), signature=signature, bands=bands)


def _doc(text: str, outlet: str = "Wire A") -> Document:
    return Document(date=dt.date(2024, 5, 1), outlet=outlet, title="Ferry", text=text)


BASE = list(range(1000, 1000 + SIZE))
ORIGINAL = _doc("The ferry left the port at dawn carrying trucks and two buses.")


def _variant(agree: int, keep_first_band: bool = True) -> list[int]:
    """BASE with the last SIZE - agree positions changed (or the first ones)."""
    changed = range(agree, SIZE) if keep_first_band else range(SIZE - agree)
    return [value + 7 if i in changed else value for i, value in enumerate(BASE)]


def _counts(store: Store) -> tuple[int, int]:
    stats = store.stats()
    return stats.documents, sum(stats.duplicates.values())


def test_store_then_readd_is_idempotent(store: Store) -> None:
    origin = Origin(source="feed.jsonl", locator="line 1")
    first = store.add_document(ORIGINAL, _fingerprint(ORIGINAL.text, BASE), origin)
    assert (first.outcome, first.document_id) == ("stored", ORIGINAL.id)
    again = store.add_document(ORIGINAL, _fingerprint(ORIGINAL.text, BASE), origin)
    assert (again.outcome, again.duplicate_of) == ("duplicate", ORIGINAL.id)
    assert _counts(store) == (1, 0)
    assert store.get_document(ORIGINAL.id) == ORIGINAL


def test_exact_duplicate_is_recorded_once(store: Store) -> None:
    store.add_document(ORIGINAL, _fingerprint(ORIGINAL.text, BASE), Origin(source="a"))
    copy = _doc("THE FERRY left the port  at dawn carrying trucks and two buses.", "Wire B")
    fp = _fingerprint(copy.text, [v + 1 for v in BASE])  # same hash, unrelated signature
    assert fp.text_hash == _fingerprint(ORIGINAL.text, BASE).text_hash
    origin = Origin(source="b.jsonl", locator="line 4")
    result = store.add_document(copy, fp, origin)
    assert (result.outcome, result.duplicate_of) == ("duplicate", ORIGINAL.id)
    assert store.add_document(copy, fp, origin).duplicate_of == ORIGINAL.id
    assert _counts(store) == (1, 1)
    [record] = store.duplicates().items
    assert (record.document_id, record.duplicate_of, record.kind, record.similarity) == (
        copy.id,
        ORIGINAL.id,
        "exact",
        1.0,
    )
    assert (record.origin, record.outlet) == (origin, "Wire B")
    assert store.get_document(copy.id) is None


def test_near_duplicate_with_shared_band(store: Store) -> None:
    store.add_document(ORIGINAL, _fingerprint(ORIGINAL.text, BASE), Origin(source="a"))
    near = _doc("The ferry left the port at dawn carrying trucks and three buses.")
    fp = _fingerprint(near.text, _variant(agree=92))
    assert store.find_duplicate(fp, 0.9) == (ORIGINAL.id, 0.92)
    result = store.add_document(near, fp, Origin(source="b"))
    assert (result.outcome, result.duplicate_of) == ("duplicate", ORIGINAL.id)
    [record] = store.duplicates().items
    assert (record.kind, record.similarity) == ("near", 0.92)


def test_similar_but_below_threshold_is_stored(store: Store) -> None:
    store.add_document(ORIGINAL, _fingerprint(ORIGINAL.text, BASE), Origin(source="a"))
    other = _doc("The ferry left the port at noon carrying cars.")
    fp = _fingerprint(other.text, _variant(agree=85))
    assert store.find_duplicate(fp, 0.9) is None
    assert store.find_duplicate(fp, 0.8) == (ORIGINAL.id, 0.85)
    assert store.add_document(other, fp, Origin(source="b")).outcome == "stored"
    assert _counts(store) == (2, 0)


def test_candidates_come_only_from_bands(store: Store) -> None:
    store.add_document(ORIGINAL, _fingerprint(ORIGINAL.text, BASE), Origin(source="a"))
    signature = _variant(agree=95)
    # Same signature values, band keys that collide with none stored.
    fp = Fingerprint(
        text_hash=text_hash("unrelated"), signature=signature, bands=[f"x{i}" for i in range(BANDS)]
    )
    assert store.find_duplicate(fp, 0.9) is None
    # A band key equal to a stored one but in another position is not a shared band.
    shifted = _fingerprint("unrelated", signature)
    shifted.bands = shifted.bands[1:] + shifted.bands[:1]
    assert store.find_duplicate(shifted, 0.9) is None


def test_best_candidate_wins(store: Store) -> None:
    store.add_document(ORIGINAL, _fingerprint(ORIGINAL.text, BASE), Origin(source="a"))
    second = _doc("A second ferry text that is close to the first one.")
    store.add_document(second, _fingerprint(second.text, _variant(agree=80)), Origin(source="b"))
    probe = _fingerprint("probe", _variant(agree=96))
    assert store.find_duplicate(probe, 0.75) == (ORIGINAL.id, 0.96)


def test_bad_threshold_is_an_error(store: Store) -> None:
    with pytest.raises(ValueError, match="threshold"):
        store.find_duplicate(_fingerprint("x", BASE), 0)


def test_batch_add_checks_within_the_batch(store: Store) -> None:
    near = _doc("The ferry left the port at dawn carrying trucks and three buses.")
    other = _doc("A cargo plane landed before the storm closed the runway.")
    items = [
        (ORIGINAL, _fingerprint(ORIGINAL.text, BASE), Origin(source="batch", locator="line 1")),
        (
            near,
            _fingerprint(near.text, _variant(agree=95)),
            Origin(source="batch", locator="line 2"),
        ),
        (
            other,
            _fingerprint(other.text, [v * 3 for v in BASE]),
            Origin(source="batch", locator="line 3"),
        ),
        (ORIGINAL, _fingerprint(ORIGINAL.text, BASE), Origin(source="batch", locator="line 4")),
    ]
    results = store.add_documents(items)
    assert [r.outcome for r in results] == ["stored", "duplicate", "stored", "duplicate"]
    assert [r.duplicate_of for r in results] == [None, ORIGINAL.id, None, ORIGINAL.id]
    assert [r.kind for r in results] == [None, "near", None, "exact"]
    assert _counts(store) == (2, 2)  # line 4 repeats line 1 from another place: counted


def test_same_id_with_a_different_text_is_kept_as_a_version(store: Store) -> None:
    first = Document(id="report-7", date=dt.date(2024, 5, 1), text="Six people were killed.")
    store.add_document(first, _fingerprint(first.text, BASE), Origin(source="a", locator="1"))
    update = first.model_copy(update={"text": "Twelve people were killed."})
    result = store.add_document(
        update, _fingerprint(update.text, _variant(agree=60)), Origin(source="b", locator="1")
    )
    assert (result.outcome, result.kind, result.duplicate_of) == (
        "duplicate",
        "version",
        "report-7",
    )
    [record] = store.duplicates().items
    assert (record.kind, record.text, record.similarity) == (
        "version",
        "Twelve people were killed.",
        0.6,
    )
    assert store.get_document("report-7").text == "Six people were killed."


def test_near_duplicate_keeps_its_text(store: Store) -> None:
    store.add_document(ORIGINAL, _fingerprint(ORIGINAL.text, BASE), Origin(source="a"))
    near = _doc("The ferry left the port at dawn carrying trucks and three buses.")
    store.add_document(near, _fingerprint(near.text, _variant(agree=95)), Origin(source="b"))
    [record] = store.duplicates().items
    assert record.text == near.text


def test_the_same_input_again_adds_no_row(store: Store) -> None:
    near = _doc("The ferry left the port at dawn carrying trucks and three buses.")
    store.add_document(ORIGINAL, _fingerprint(ORIGINAL.text, BASE), Origin(source="a"))
    for _ in range(3):
        again = store.add_document(ORIGINAL, _fingerprint(ORIGINAL.text, BASE), Origin(source="a"))
        assert again.kind == "again"
        store.add_document(near, _fingerprint(near.text, _variant(agree=95)), Origin(source="b"))
    assert _counts(store) == (1, 1)
