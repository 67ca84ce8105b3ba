"""Store statistics and the reject record."""

from __future__ import annotations

import datetime as dt

from tests.store.corpus import corpus
from wirewatch.model import Document, Fingerprint, Origin, Reject, text_hash
from wirewatch.store import Store


def test_stats_of_empty_store(store: Store) -> None:
    stats = store.stats()
    assert (stats.documents, stats.analyses, stats.movements, stats.first_date) == (0, 0, 0, None)
    assert stats.events == stats.rejects == stats.duplicates == {}


def test_stats_count_everything(store: Store) -> None:
    analyses = corpus()
    for analysis in analyses:
        store.save_analysis(analysis)
    first = analyses[0].document
    copy = Document(date=first.date, outlet="Copy Desk", text=first.text.upper())
    result = store.add_document(
        copy,
        Fingerprint(text_hash=text_hash(copy.text)),
        Origin(source="copies.jsonl", locator="line 2"),
    )
    assert result.outcome == "duplicate"
    store.add_reject(Reject(origin=Origin(source="a.bin"), reason="binary", message="NUL bytes"))
    store.add_reject(
        Reject(
            origin=Origin(source="b.csv", locator="row 2"), reason="bad_date", message="2019-02-30"
        )
    )
    store.add_reject(
        Reject(
            origin=Origin(source="b.csv", locator="row 3"), reason="bad_date", message="2019-13-01"
        )
    )
    stats = store.stats()
    assert stats.documents == stats.analyses == len(analyses)
    assert stats.duplicates == {"exact": 1}
    assert stats.rejects == {"bad_date": 2, "binary": 1}
    event_types = sorted(e.event for a in analyses for e in a.events)
    assert sum(stats.events.values()) == len(event_types)
    assert stats.events == {t: event_types.count(t) for t in set(event_types)}
    assert stats.movements == sum(len(a.movements) for a in analyses)
    assert stats.claims == sum(len(a.claims) for a in analyses)
    assert stats.places == sum(len(a.places) for a in analyses)
    assert (stats.first_date, stats.last_date) == (dt.date(2019, 3, 25), dt.date(2019, 4, 12))


def test_rejects_are_kept_once_with_reason(store: Store) -> None:
    reject = Reject(
        origin=Origin(source="feed.xml", locator="item 3"),
        reason="malformed",
        message="item has no description",
    )
    store.add_reject(reject)
    store.add_reject(reject)  # the same input again: a re-run
    other = reject.model_copy(update={"reason": "empty_text", "message": "no text left"})
    store.add_reject(other)
    page = store.rejects()
    assert page.items == [reject, other]
    assert page.next_cursor is None
    assert store.stats().rejects == {"empty_text": 1, "malformed": 1}
