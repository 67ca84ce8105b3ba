"""Two writers on one database at once: nothing fails, nothing is stored twice."""

from __future__ import annotations

import datetime as dt
from concurrent.futures import ThreadPoolExecutor

from wirewatch.model import Document, Fingerprint, Origin, text_hash
from wirewatch.store import Store


def _item(text: str, locator: str) -> tuple[Document, Fingerprint, Origin]:
    doc = Document(date=dt.date(2022, 2, 1), text=text)
    return doc, Fingerprint(text_hash=text_hash(text)), Origin(source="w", locator=locator)


def _writer(db_url: str, name: str) -> list[str]:
    """Both writers add the same 30 shared texts and 15 of their own, in batches and singly."""
    shared = [_item(f"Shared bulletin number {n}.", f"{name} shared {n}") for n in range(30)]
    own = [_item(f"Bulletin {n} from writer {name}.", f"{name} own {n}") for n in range(15)]
    outcomes = []
    with Store(db_url) as store:
        for k in range(6):
            batch = shared[5 * k : 5 * k + 5] + own[2 * k : 2 * k + 2]
            outcomes += [r.outcome for r in store.add_documents(batch)]
            outcomes.append(store.add_document(*own[12 + k % 3]).outcome)
    return outcomes


def test_two_writers_at_once(store: Store, db_url: str) -> None:
    with ThreadPoolExecutor(max_workers=2) as pool:
        first, second = pool.map(_writer, [db_url, db_url], ["a", "b"])
    assert first.count("stored") + second.count("stored") == 60
    texts = {d.text for d in store.documents(limit=1000).items}
    assert texts == {f"Shared bulletin number {n}." for n in range(30)} | {
        f"Bulletin {n} from writer {w}." for w in "ab" for n in range(15)
    }
    assert store.stats().documents == 60
    # The shared texts came from both writers' inputs: each copy the other stored first is
    # recorded once as an exact duplicate (its own origin), so every input is counted.
    assert store.stats().duplicates == {"exact": 30}
