"""Canonical entities: misspellings, transliterations and titles merge; countries, kinds and
two different people do not; splits are remembered across rebuilds."""

from __future__ import annotations

from tests.resolve.builders import Report
from wirewatch import resolve
from wirewatch.resolve.config import rules
from wirewatch.resolve.entitygraph import mention
from wirewatch.resolve.entitygraph import resolve as cluster
from wirewatch.store import Store

CONFIG = rules().entities


def groups(*names: tuple[str, str | None, str | None]) -> list[list[str]]:
    mentions = [
        mention(f"d{i}", "m", kind, country, name) for i, (name, kind, country) in enumerate(names)
    ]
    return sorted(
        sorted(m.name for m in members) for _, members in cluster(mentions, set(), CONFIG)
    )


def test_misspelling_transliteration_and_title_variants_merge() -> None:
    assert groups(("Juan Guaido", "PERSON", "VEN"), ("Juan Guiado", "PERSON", "VEN")) == [
        ["Juan Guaido", "Juan Guiado"]
    ]
    assert groups(("Kiev", "GPE", "UKR"), ("Kyiv", "GPE", "UKR")) == [["Kiev", "Kyiv"]]
    assert groups(("Khmeimim air base", "FAC", "SYR"), ("Hmeimim air base", "FAC", "SYR")) == [
        ["Hmeimim air base", "Khmeimim air base"]
    ]
    assert groups(
        ("President Nicolas Maduro", "PERSON", "VEN"),
        ("Maduro", "PERSON", "VEN"),
        ("Nicolás Maduro", "PERSON", "VEN"),
        ("Maduro", None, "VEN"),
    ) == [["Maduro", "Maduro", "Nicolás Maduro", "President Nicolas Maduro"]]


def test_different_country_kind_or_person_stay_apart() -> None:
    assert len(groups(("Georgia", "GPE", "GEO"), ("Georgia", "GPE", "USA"))) == 2
    assert len(groups(("Tripoli", "GPE", "LBY"), ("Tripoli", "GPE", "LBN"))) == 2
    assert len(groups(("Wagner", "ORG", "RUS"), ("Wagner", "PERSON", "RUS"))) == 2
    assert (
        len(
            groups(
                ("Russian Defence Ministry", "ORG", "RUS"),
                ("Russian Foreign Ministry", "ORG", "RUS"),
            )
        )
        == 2
    )


def test_a_bare_surname_does_not_chain_two_people() -> None:
    found = groups(
        ("Nicolas Maduro", "PERSON", "VEN"),
        ("Raul Maduro", "PERSON", "VEN"),
        ("Maduro", "PERSON", "VEN"),
    )
    assert found == [["Maduro"], ["Nicolas Maduro"], ["Raul Maduro"]]


def test_same_kb_id_links_across_kind_and_country() -> None:
    mentions = [
        mention("d1", "m", "ORG", "RUS", "Kremlin", kb="wikidata:Q11178"),
        mention("d2", "m", "FAC", None, "the Moscow Kremlin", kb="wikidata:Q11178"),
    ]
    assert len(cluster(mentions, set(), CONFIG)) == 1


def _report(doc: str, *names: tuple[str, str, str]) -> Report:
    r = Report(doc, "2026-10-10", "Wire A")
    for name, kind, country in names:
        r.entity(name, kind, country)
    return r


def test_entities_in_the_store_with_merge_reasons_and_split(store: Store) -> None:
    reports = [
        _report("e1", ("Khmeimim", "FAC", "SYR"), ("Kiev", "GPE", "UKR")),
        _report("e2", ("Hmeimim", "FAC", "SYR"), ("Kyiv", "GPE", "UKR")),
        _report("e3", ("Khmeimim", "FAC", "SYR")),
    ]
    for r in reports:
        store.save_analysis(r.analysis())
    resolve.update(store, [r.id for r in reports])
    base = resolve.entity(store, "Hmeimim")
    assert base is not None and base.name == "Khmeimim" and base.mentions == 3
    assert base.documents == 3
    assert [(m.alias, m.linked_to, m.rule) for m in base.merges] == [
        ("Hmeimim", "Khmeimim", "alias-table")
    ]
    kyiv = resolve.entity(store, "kiev")
    assert kyiv is not None and {a.name for a in kyiv.aliases} == {"Kiev", "Kyiv"}
    assert len(resolve.entities(store).items) == 2
    assert [e.name for e in resolve.entities(store, country="UKR").items] == [kyiv.name]

    new_id = resolve.split_entity(store, base.id, "Hmeimim")
    split_off = resolve.entity(store, new_id)
    assert split_off is not None and [a.name for a in split_off.aliases] == ["Hmeimim"]
    rest = resolve.entity(store, "Khmeimim")
    assert rest is not None and rest.mentions == 2
    # The decision survives a rebuild and new reports with the alias.
    resolve.rebuild(store)
    more = _report("e4", ("Hmeimim", "FAC", "SYR"))
    store.save_analysis(more.analysis())
    resolve.update(store, ["e4"])
    after = resolve.entity(store, "Hmeimim")
    assert after is not None and after.mentions == 2 and after.name == "Hmeimim"
    assert resolve.entity(store, "Khmeimim").mentions == 2  # type: ignore[union-attr]


def test_a_surname_finds_the_full_name(store: Store) -> None:
    report = _report("k1", ("Selim Korkmaz", "PERSON", "TUR"))
    store.save_analysis(report.analysis())
    resolve.update(store, ["k1"])
    found = resolve.entity(store, "Korkmaz")
    assert found is not None and found.name == "Selim Korkmaz"
    assert resolve.entity(store, "Orkmaz") is None


def test_a_name_without_country_joins_the_one_group_it_fits() -> None:
    assert groups(("Selim Korkmaz", "PERSON", "TUR"), ("Selim Korkmaz", "PERSON", None)) == [
        ["Selim Korkmaz", "Selim Korkmaz"]
    ]
    # Two countries' Tripoli: a country-less one is ambiguous and stays apart from both.
    assert groups(
        ("Tripoli", "GPE", "LBY"), ("Tripoli", "GPE", "LBN"), ("Tripoli", "GPE", None)
    ) == [["Tripoli"], ["Tripoli"], ["Tripoli"]]


def test_places_are_mentions_too() -> None:
    from tests.resolve.builders import Report as R
    from wirewatch.resolve.entitygraph import mentions_of

    r = R("p1", "2026-10-10")
    r.place("Khmeimim", 35.4, 35.95, "SYR", "airbase")
    r.place("40 km north of Mosul", 36.7, 43.1, "IRQ", "point")
    found = [(m.name, m.kind, m.country) for m in mentions_of(r.analysis(), CONFIG)]
    assert found == [("Khmeimim", "FAC", "SYR")]  # a computed point names nothing
