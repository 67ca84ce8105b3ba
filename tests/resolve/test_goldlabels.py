"""What a resolved store predicts for the names a resolution gold uses: documents by id or
by where they were read, the stories of their events, the entity of each mention."""

from __future__ import annotations

from tests.resolve.builders import Report, when
from wirewatch import resolve
from wirewatch.ingest import fingerprint
from wirewatch.model import Origin
from wirewatch.resolve import goldlabels
from wirewatch.store import Store


def _strike(doc: str, date: str, outlet: str, person: str, lead: str) -> Report:
    r = Report(doc, date, outlet)
    r.sentence(f"{person} said {lead}")
    r.entity(person, "PERSON", "IRQ")
    place = r.place("Mosul", 36.34, 43.13, "IRQ", precision_km=7)
    r.event(
        "ASSAULT",
        "A drone hit a lorry near Mosul.",
        when("2026-10-17"),
        [("Turkey", "TUR")],
        [("Iraq", "IRQ")],
        place=place,
    )
    return r


def _add(store: Store, report: Report, source: str, locator: str) -> None:
    analysis = report.analysis()
    doc = analysis.document
    store.add_document(doc, fingerprint(doc.text), Origin(source=source, locator=locator))
    store.save_analysis(analysis)


def test_gold_names_stories_and_mentions_are_read_from_the_store(store: Store) -> None:
    a = _strike(
        "wire-a",
        "2026-10-18",
        "Wire A",
        "Minister Rana Saleh",
        "a drone hit a lorry near Mosul on Saturday, killing its two passengers.",
    )
    b = _strike(
        "doc_b",
        "2026-10-19",
        "Wire B",
        "Rana Saleh",
        "the vehicle struck outside Mosul carried farm workers, not fighters.",
    )
    c = _strike(
        "doc_c",
        "2026-10-19",
        "Wire C",
        "Omar Fadel",
        "investigators had reached the burnt truck by Sunday evening.",
    )
    _add(store, a, "/data/corpus/news.jsonl", "line 1")
    _add(store, b, "/data/corpus/dated/lorry.txt", "whole file")
    _add(store, c, "/data/corpus/feeds/wire.rss", "item 2")
    resolve.update(store, ["wire-a", "doc_b", "doc_c"])
    with store.engine.connect() as connection:
        docs = goldlabels.document_ids(
            connection,
            {
                "wire-a": ("wire-a", None),  # a stored id
                "dated/lorry.txt": ("dated/lorry.txt", None),  # a path under the corpus
                "wire-item": ("feeds/wire.rss", "item 2"),  # a path and where in it
                "wire-other": ("feeds/wire.rss", "item 3"),
                "absent": ("absent.txt", None),
            },
        )
        assert docs == {"wire-a": "wire-a", "dated/lorry.txt": "doc_b", "wire-item": "doc_c"}
        found = goldlabels.story_memberships(connection, docs.values())
        [story] = resolve.stories(store).items
        assert found == {d: [(story.id, "ASSAULT", 3)] for d in ("wire-a", "doc_b", "doc_c")}
        entity_of = goldlabels.mention_entities(
            connection,
            [
                ("wire-a", "Rana Saleh"),
                ("doc_b", "Saleh"),
                ("doc_c", "Omar Fadel"),
                ("doc_c", "Rana Saleh"),
            ],
        )
    # Titles are dropped; a surname alone is matched to the longer name ending in it.
    assert entity_of[("wire-a", "Rana Saleh")] == entity_of[("doc_b", "Saleh")]
    assert entity_of[("doc_c", "Omar Fadel")] != entity_of[("wire-a", "Rana Saleh")]
    assert ("doc_c", "Rana Saleh") not in entity_of  # not mentioned there
