"""Ships named in a text: the rules that find them and the Match a caller gets for one."""

from __future__ import annotations

import pytest

from wirewatch.kb import load_kb
from wirewatch.kb.tables.equipment import VESSEL_SOURCE, Table


@pytest.fixture(scope="module")
def catalogue() -> Table:
    return load_kb().equipment


@pytest.mark.parametrize(
    ("text", "vessel", "navy"),
    [
        ("USS Gerald R. Ford", "Gerald R. Ford", "USA"),
        ("HMS Prince of Wales", "Prince of Wales", "GBR"),
        ("RFS Admiral Essen", "Admiral Essen", "RUS"),
        ("RSS Formidable", "Formidable", "SGP"),
        ("INS Vikrant", "Vikrant", "IND"),
        ("MV Rubymar", "Rubymar", None),  # a merchant prefix names no navy
        ("Admiral Makarov", "Admiral Makarov", None),
        ("Eagle S", "Eagle S", None),
        ("Grace 1", "Grace 1", None),
    ],
)
def test_vessel_match(catalogue: Table, text: str, vessel: str, navy: str | None) -> None:
    match = catalogue.vessel_match(text)
    assert match is not None
    assert (match.vessel, match.navy, match.model) == (vessel, navy, vessel)
    assert match.item.kind == "ship" and match.item.source == VESSEL_SOURCE
    assert match.item.designator == vessel
    assert catalogue.lookup(text) is None  # not a catalogue item: lookup is unchanged


@pytest.mark.parametrize("text", ["", "the", "frigate", "Monday", "USS", "a ship"])
def test_not_ship_names(catalogue: Table, text: str) -> None:
    assert catalogue.vessel_match(text) is None


def test_new_navy_prefixes(catalogue: Table) -> None:
    assert catalogue.navy_of("RFS Admiral Essen") == "RUS"
    assert catalogue.navy_of("RSS Formidable") == "SGP"
    assert catalogue.navy_of("PNS Tughril") == "PAK"
    assert catalogue.navy_of("MV Rubymar") is None


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "The destroyer USS Carney and HMS Diamond escorted the tanker Eagle S.",
            [("USS Carney", "USA"), ("HMS Diamond", "GBR"), ("Eagle S", None)],
        ),
        (
            "The frigate Admiral Makarov sailed. Admiral Makarov then anchored off Tartus.",
            [("Admiral Makarov", None), ("Admiral Makarov", None)],
        ),
        (
            "The aircraft carrier Shandong left port; later the Shandong turned south.",
            [("Shandong", None), ("Shandong", None)],
        ),
        (
            "USS Carney fired. Carney then sailed north and the Carney refuelled.",
            [("USS Carney", "USA"), ("Carney", "USA")],  # a one-word name needs "the"
        ),
        (
            "The patrol ship Vasily Bykov and the intelligence ship Ivan Khurs. Later it rained.",
            [("Vasily Bykov", None), ("Ivan Khurs", None)],
        ),
        (
            "USS Dwight D. Eisenhower and its Carrier Strike Group arrived on Monday.",
            [("USS Dwight D. Eisenhower", "USA")],
        ),
        (
            "The frigates Admiral Essen and Admiral Makarov left.",
            [("Admiral Essen", None), ("Admiral Makarov", None)],
        ),
        # A name written as a heading stops at its line's end.
        (
            "HMS ALBION\nLeft Plymouth on Monday for exercises.",
            [("HMS ALBION", "GBR")],
        ),
    ],
)
def test_vessels_in(catalogue: Table, text: str, names: list[tuple[str, str | None]]) -> None:
    found = [(text[a:b], m.navy) for a, b, m in catalogue.vessels_in(text)]
    assert found == names


@pytest.mark.parametrize(
    "text",
    [
        "The ship sank on Monday after a storm.",
        "The vessel Monday was quiet, officials said.",
        "A tanker carrying Russian oil was seized.",
        "The carrier Lufthansa cancelled flights.",  # an airline is no ship
        "The frigate was built in 2019 at a shipyard in Kaliningrad.",
    ],
)
def test_no_ship_named(catalogue: Table, text: str) -> None:
    assert catalogue.vessels_in(text) == []


def test_unlikely_names_are_left_out(catalogue: Table) -> None:
    text = "The tanker Iran seized was released."
    assert catalogue.vessels_in(text, {"Iran"}.__contains__) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The Admiral Gorshkov frigate entered Havana.", "Admiral Gorshkov"),
        ("Russia's Kazan submarine surfaced off Cuba.", "Kazan"),
        ("The Ever Given container ship blocked the canal.", "Ever Given"),
    ],
)
def test_a_name_before_its_type_noun(catalogue: Table, text: str, name: str) -> None:
    assert [text[a:b] for a, b, _m in catalogue.vessels_in(text)] == [name]


@pytest.mark.parametrize(
    "text",
    [
        "The Black Sea Fleet frigate sailed.",  # a fleet, not a name
        "The Liberian-flagged tanker sailed.",
        "The Kirov-class cruiser sailed.",
        "The S26T submarine is still at the yard.",  # a type written like a designator
        "The Coast Guard vessel sailed.",
        "The Maersk tanker sailed.",  # one word before a merchant noun: often a firm
    ],
)
def test_no_name_before_a_type_noun(catalogue: Table, text: str) -> None:
    assert catalogue.vessels_in(text) == []


def test_a_sea_before_a_type_noun_is_where_the_ship_is(catalogue: Table) -> None:
    text = "The Gulf of Oman tanker sailed."
    assert catalogue.vessels_in(text, None, {"Gulf of Oman"}.__contains__) == []
    assert [text[a:b] for a, b, _m in catalogue.vessels_in(text)] == ["Gulf of Oman"]
