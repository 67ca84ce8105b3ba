"""Stories in a real store: outlets merged, sources kept, disagreements shown, copies once."""

from __future__ import annotations

import datetime as dt

from tests.resolve.builders import Report, when
from wirewatch import resolve
from wirewatch.ingest import fingerprint
from wirewatch.model import Filters, Origin
from wirewatch.resolve.config import rules
from wirewatch.resolve.models import StorySource
from wirewatch.resolve.storybuild import disagreements
from wirewatch.store import Store


def _strike(doc: str, date: str, outlet: str, toll: str, lat: float = 36.7) -> Report:
    r = Report(doc, date, outlet)
    place = r.place("north of Mosul", lat, 43.13, "IRQ", "point")
    r.event(
        "ASSAULT",
        "A drone struck a pickup truck north of Mosul.",
        when("2026-10-17"),
        [("Turkey", "TUR")],
        [("Iraq", "IRQ")],
        place=place,
    )
    r.sentence(f"{toll} people were killed in the strike.")
    return r


def _save(store: Store, *reports: Report) -> None:
    for report in reports:
        store.save_analysis(report.analysis())
    resolve.update(store, [r.id for r in reports])


def test_three_outlets_one_story_with_toll_disagreement(store: Store) -> None:
    a = _strike("strike-a", "2026-10-18", "Wire A", "Six")
    b = _strike("strike-b", "2026-10-19", "Wire B", "Four", lat=36.6)
    c = _strike("strike-c", "2026-10-20", "Wire C", "Five")
    c.claim(
        "Turkish defence ministry", "government", "the strike killed PKK members", country="TUR"
    )
    c.claim("Ankara", "government", "civilians were among the dead", stance="denies", country="TUR")
    libya = Report("tripoli", "2026-10-18", "Wire A")
    lp = libya.place("Tripoli", 32.89, 13.19, "LBY")
    libya.event(
        "ASSAULT", "Clashes in Tripoli.", when("2026-10-17"), [("militia", "LBY")], place=lp
    )
    _save(store, a, b, c, libya)
    multi = resolve.stories(store, min_sources=2).items
    assert len(multi) == 1
    story = multi[0]
    assert story.source_count == 3
    assert [s.document_id for s in story.sources] == ["strike-a", "strike-b", "strike-c"]
    assert [s.outlet for s in story.sources] == ["Wire A", "Wire B", "Wire C"]
    fields = {d.field: d for d in story.disagreements}
    assert [v.value for v in fields["killed"].values] == ["6", "4", "5"]
    assert [v.document_id for v in fields["denial"].values] == ["strike-c"]
    assert "date" not in fields
    assert story.sources[2].claim_ids == [cl.id for cl in c.claims]
    assert resolve.story(store, story.id) == story
    assert len(resolve.stories(store).items) == 2  # the Libyan clash is a story of its own


def test_dates_disagree_within_tolerance_and_split_beyond(store: Store) -> None:
    first = Report("benghazi-1", "2026-10-08", "Wire A")
    p1 = first.place("Benina", 32.10, 20.27, "LBY", "airport")
    first.event(
        "MOBILIZE",
        "An An-124 landed at Benina.",
        when("2026-10-07"),
        [("Russia", "RUS")],
        [("Libya", "LBY")],
        place=p1,
    )
    second = Report("benghazi-2", "2026-10-08", None)
    p2 = second.place("Benghazi", 32.12, 20.07, "LBY")
    second.event(
        "MOBILIZE",
        "Three aircraft landed late on Tuesday.",
        when("2026-10-06"),
        [("Russia", "RUS")],
        place=p2,
    )
    later = Report("benghazi-3", "2026-10-12", "Wire B")
    p3 = later.place("Benina", 32.10, 20.27, "LBY", "airport")
    later.event(
        "MOBILIZE",
        "Another flight landed at Benina.",
        when("2026-10-11"),
        [("Russia", "RUS")],
        place=p3,
    )
    _save(store, first, second, later)
    stories = resolve.stories(store).items
    assert sorted(s.source_count for s in stories) == [1, 2]
    merged = next(s for s in stories if s.source_count == 2)
    dates = next(d for d in merged.disagreements if d.field == "date")
    assert {v.document_id: v.value for v in dates.values} == {
        "benghazi-1": "2026-10-07",
        "benghazi-2": "2026-10-06",
    }


def test_negated_and_speculated_events_make_no_story(store: Store) -> None:
    r = Report("neg", "2026-10-10", "Wire A")
    r.event(
        "ASSAULT", "No strike took place.", when("2026-10-09"), [("Turkey", "TUR")], negated=True
    )
    r.event(
        "ASSAULT",
        "A strike could follow.",
        when("2026-10-09"),
        [("Turkey", "TUR")],
        status="speculated",
    )
    _save(store, r)
    assert resolve.stories(store).items == []


TARTUS_BODY = [
    "The ship arrived alone and will stay for about a week, a Syrian official told reporters.",
    "The visit was agreed with Damascus during talks in September, the official added.",
    "Satellite images of the port showed the frigate moored at the naval base on Thursday.",
    "The Admiral Essen left Baltiysk earlier this month and passed the Great Belt.",
    "It was accompanied as far as Gibraltar by the tanker Akademik Pashin of the Baltic Fleet.",
    "British and Spanish ships shadowed the pair through the strait, according to observers.",
    "Russia has kept a naval logistics point at Tartus since the Soviet era.",
    "Port officials said the crew would take on fuel, food and fresh water during the stay.",
    "The frigate carries Kalibr cruise missiles and an anti-submarine helicopter.",
    "Analysts said the visit showed Moscow wants to keep a foothold in the eastern Mediterranean.",
    "Neither the Russian defence ministry nor the Syrian navy commented on the visit.",
]


def _tartus(doc: str, date: str, outlet: str, body: list[str]) -> Report:
    r = Report(doc, date, outlet)
    place = r.place("Tartus", 34.89, 35.87, "SYR", "port")
    r.event(
        "CONSULT",
        "The Russian frigate Admiral Essen moored at Tartus on Wednesday.",
        when("2026-10-14"),
        [("Russia", "RUS")],
        [("Syria", "SYR")],
        place=place,
    )
    for text in body:
        r.sentence(text)
    return r


def test_syndicated_copy_counts_once_and_is_listed(store: Store) -> None:
    original = _tartus(
        "lc-tartus",
        "2026-10-16",
        "Levant Courier",
        [*TARTUS_BODY, "Russia has used Tartus as its only Mediterranean repair base."],
    )
    copy = _tartus(
        "nd-tartus",
        "2026-10-17",
        "Northgate Dispatch",
        [*TARTUS_BODY, "Northgate Dispatch could not verify the report independently."],
    )
    other = _tartus(
        "cs-tartus",
        "2026-10-15",
        "Caspian Signal",
        [
            "Two Russian warships docked at Tartus, the state news agency SANA reported.",
            "Imagery suggests the second is a Ropucha-class landing ship.",
        ],
    )
    threshold = 0.8  # the corpus pair is ~0.92 similar over five paragraphs; ours is shorter
    for report in (original, copy, other):
        analysis = report.analysis()
        doc = analysis.document
        result = store.add_document(
            doc,
            fingerprint(doc.text, threshold=threshold),
            Origin(source="test", locator=doc.id),
            threshold=threshold,
        )
        if result.outcome == "stored":
            store.save_analysis(analysis)
    # The store keeps the syndicated copy as a duplicate and never analyses it.
    dup = store.duplicates().items
    assert [(d.document_id, d.duplicate_of) for d in dup] == [("nd-tartus", "lc-tartus")]
    resolve.update(store, ["lc-tartus", "cs-tartus"])
    story = resolve.stories(store).items[0]
    assert story.source_count == 2
    lc = next(s for s in story.sources if s.document_id == "lc-tartus")
    assert [(c.document_id, c.outlet, c.kind) for c in lc.copies] == [
        ("nd-tartus", "Northgate Dispatch", "near")
    ]


def test_an_exact_repost_under_another_id_counts_once(store: Store) -> None:
    one = _strike("post-1", "2026-10-18", "Wire A", "Six").analysis()
    # The same text under another id: the store keeps one row per text and records the
    # repost as an exact copy of the first, which the story lists and counts once.
    two = one.document.model_copy(update={"id": "post-2", "outlet": "Wire B"})
    for doc, where in ((one.document, "a"), (two, "b")):
        store.add_document(doc, fingerprint(doc.text), Origin(source=where, locator=doc.id))
    store.save_analysis(one)
    resolve.update(store, ["post-1"])
    story = resolve.stories(store).items[0]
    assert [s.document_id for s in story.sources] == ["post-1"]
    assert [(c.document_id, c.kind) for c in story.sources[0].copies] == [("post-2", "exact")]
    assert story.source_count == 1


def test_story_filters(store: Store) -> None:
    _save(
        store,
        _strike("f-1", "2026-10-18", "Wire A", "Six"),
        _strike("f-2", "2026-10-19", "Wire B", "Six"),
    )
    assert len(resolve.stories(store, Filters(country="IRQ")).items) == 1
    assert resolve.stories(store, Filters(country="LBY")).items == []
    assert len(resolve.stories(store, Filters(outlet="wire b")).items) == 1
    assert resolve.stories(store, Filters(since=resolve_date("2026-10-18"))).items == []
    assert resolve.stories(store, Filters(event_type=["PROTEST"])).items == []


def resolve_date(text: str):
    import datetime as dt

    return dt.date.fromisoformat(text)


def test_pages_follow_the_cursor(store: Store) -> None:
    reports = []
    for i in range(5):
        r = Report(f"p-{i}", f"2026-10-{10 + 4 * i}", "Wire A")
        r.event(
            "PROTEST",
            "Protesters blocked a road.",
            when(f"2026-10-{9 + 4 * i:02d}"),
            [("protesters", "GEO")],
        )
        reports.append(r)
    _save(store, *reports)
    first = resolve.stories(store, limit=2)
    second = resolve.stories(store, limit=2, cursor=first.next_cursor)
    third = resolve.stories(store, limit=2, cursor=second.next_cursor)
    seen = [s.start for page in (first, second, third) for s in page.items]
    assert len(seen) == 5 and seen == sorted(seen)
    assert third.next_cursor is None


def test_a_copy_the_dedup_let_through_is_listed_but_counted_once(store: Store) -> None:
    # Saved without the ingest dedup (as a copy just under its threshold would be).
    original = _tartus(
        "lc-tartus",
        "2026-10-16",
        "Levant Courier",
        [*TARTUS_BODY, "Russia has used Tartus as its only Mediterranean repair base."],
    )
    copy = _tartus(
        "nd-tartus",
        "2026-10-17",
        "Northgate Dispatch",
        [*TARTUS_BODY, "Northgate Dispatch could not verify the report independently."],
    )
    other = _tartus(
        "cs-tartus",
        "2026-10-15",
        "Caspian Signal",
        [
            "Two Russian warships docked at Tartus, the state news agency SANA reported.",
            "Imagery suggests the second is a Ropucha-class landing ship.",
        ],
    )
    threshold = 0.8
    for report in (original, copy, other):
        doc = report.analysis().document
        store.add_document(
            doc,
            fingerprint(doc.text, threshold=threshold),
            Origin(source="test", locator=doc.id),
            threshold=1.0,
        )
    _save(store, original, copy, other)
    story = resolve.stories(store).items[0]
    assert [(s.document_id, s.copy_of) for s in story.sources] == [
        ("cs-tartus", None),
        ("lc-tartus", None),
        ("nd-tartus", "lc-tartus"),
    ]
    assert story.source_count == 2


def _deployment(doc: str, date: str, outlet: str, lead: str) -> Report:
    r = Report(doc, date, outlet)
    r.sentence(lead + "\n")  # the lead: the text's first line
    return r


def test_reports_at_a_country_a_base_in_it_and_unplaced_are_one_story(store: Store) -> None:
    """One deployment as three outlets place it: the country (an area, 300 km from the
    base by its centre), an air base in it, and nowhere (its lead names the country)."""
    country = _deployment(
        "deploy-a",
        "2026-10-13",
        "Wire A",
        "About 2,000 paratroopers are deploying to Romania, the Pentagon said.",
    )
    where = country.place("Romania", 45.78, 25.20, "ROU", "country", precision_km=275)
    country.event(
        "MOBILIZE",
        "The first aircraft carrying them left on Monday.",
        when("2026-10-12"),
        [("United States", "USA")],
        [("Romania", "ROU")],
        place=where,
    )
    base = _deployment(
        "deploy-b",
        "2026-10-14",
        "Wire B",
        "A C-17 carrying the first paratroopers landed near Constanta.",
    )
    at = base.place("Constanta air base", 44.36, 28.49, "ROU", "airbase", precision_km=2)
    base.event(
        "MOBILIZE",
        "It landed yesterday afternoon.",
        when("2026-10-13"),
        [("United States", "USA")],
        [("Romania", "ROU")],
        place=at,
    )
    unplaced = _deployment(
        "deploy-c",
        "2026-10-15",
        "Wire C",
        "Washington's reasons for sending a brigade to Romania have shifted.",
    )
    unplaced.place("Romania", 45.78, 25.20, "ROU", "country", precision_km=275)
    unplaced.event(
        "MOBILIZE",
        "The Pentagon spoke on Monday of reinforcing the flank.",
        when("2026-10-12"),
        [("Pentagon", "USA")],
    )
    # The same act unplaced in a report whose lead names another country stays apart.
    elsewhere = _deployment(
        "deploy-d",
        "2026-10-15",
        "Wire D",
        "Greek ports are busy with a brigade's vehicles.\nRomania waits.",
    )
    elsewhere.place("Romania", 45.78, 25.20, "ROU", "country", precision_km=275)
    elsewhere.event(
        "MOBILIZE",
        "The Pentagon announced a deployment on Monday.",
        when("2026-10-12"),
        [("Pentagon", "USA")],
    )
    _save(store, country, base, unplaced, elsewhere)
    stories = resolve.stories(store).items
    assert sorted(s.source_count for s in stories) == [1, 3]
    story = next(s for s in stories if s.source_count == 3)
    assert [s.document_id for s in story.sources] == ["deploy-a", "deploy-b", "deploy-c"]
    # Placed at the base, not the country's centre; the country is not a place disagreement.
    assert story.place == "Constanta air base" and story.lat == 44.36
    assert "place" not in {d.field for d in story.disagreements}
    resolve.rebuild(store)
    assert resolve.stories(store).items == stories


def test_a_denial_joins_the_story_of_the_act_and_makes_none_alone(store: Store) -> None:
    landed = Report("landed", "2026-10-08", "Wire A")
    benina = landed.place("Benina", 32.10, 20.27, "LBY", "airport", precision_km=2)
    landed.event(
        "MOBILIZE",
        "A Russian An-124 landed at Benina with crates.",
        when("2026-10-07"),
        [("Russia", "RUS")],
        [("Libya", "LBY")],
        place=benina,
    )
    denial = Report("denied", "2026-10-09", "Wire B")
    denial.sentence("Moscow denied that its plane in Libya this week had carried arms.\n")
    denial.place("Libya", 26.3, 17.2, "LBY", "country", precision_km=600)
    said = denial.claim(
        "Kremlin", "government", "the plane carried no weapons", stance="denies", country="RUS"
    )
    denial.event(
        "MOBILIZE",
        "It carried medical cargo, the Kremlin said.",
        when("2026-10-05", "2026-10-11"),
        [("Russia", "RUS")],
        status="denied",
        negated=True,
        claim=said.id,
    )
    alone = Report("alone", "2026-10-09", "Wire C")
    alone.sentence("Minsk denied sending troops to the border.\n")
    alone.event(
        "MOBILIZE",
        "No troops moved, the ministry said.",
        when("2026-10-08"),
        [("Belarus", "BLR")],
        status="denied",
        negated=True,
    )
    _save(store, landed, denial, alone)
    [story] = resolve.stories(store).items
    assert [s.document_id for s in story.sources] == ["landed", "denied"]
    denials = next(d for d in story.disagreements if d.field == "denial")
    assert [v.document_id for v in denials.values] == ["denied"]


def test_an_area_disagrees_only_with_a_place_in_another_country() -> None:
    day = dt.date(2026, 10, 13)
    sources = [
        StorySource(document_id=d, date=day, event_ids=["e"], when=(day, day)) for d in ("a", "b")
    ]
    config = rules().stories
    base = {"b": ("Constanta air base", 44.36, 28.49, "ROU")}

    def fields(area: tuple[str, float, float, str | None]) -> set[str]:
        found = disagreements(
            sources, {"a": [], "b": []}, {"a": "", "b": ""}, base, config, {"a": area}
        )
        return {d.field for d in found}

    assert "place" not in fields(("Romania", 45.78, 25.20, "ROU"))
    assert "place" in fields(("Bulgaria", 42.7, 25.5, "BGR"))
