"""The equipment catalogue: designator matching, names, identifiers, navy prefixes."""

from __future__ import annotations

import re

import pytest

from wirewatch.kb import load_kb
from wirewatch.kb.tables.equipment import Table


@pytest.fixture(scope="module")
def catalogue() -> Table:
    return load_kb().equipment


@pytest.mark.parametrize(
    ("text", "model"),
    [
        ("An-124", "An-124"),
        ("AN-124", "An-124"),
        ("An 124", "An-124"),
        ("an-124", "An-124"),
        ("Il-62M", "Il-62M"),
        ("IL-76MD", "Il-76MD"),
        ("C-17", "C-17"),
        ("C-17A", "C-17A"),
        ("Type 052D", "Type 052D"),
        ("Tu-95s", "Tu-95"),
        ("S-300VM", "S-300VM"),
        ("project 22350", "Project 22350"),
        ("C-17 Globemaster III", "C-17"),
        ("HIMARS", "HIMARS"),
        ("A400M", "A400M"),
        ("Arleigh Burke-class", "Arleigh Burke-class"),
    ],
)
def test_designators_match_in_any_spelling(catalogue: Table, text: str, model: str) -> None:
    match = catalogue.lookup(text)
    assert match is not None and match.model == model


def test_unknown_and_reporting_names_are_not_designators(catalogue: Table) -> None:
    assert catalogue.lookup("Condor") is None  # a reporting name alone needs context
    assert catalogue.lookup("An-999") is None
    name = catalogue.lookup_name("Condor")
    assert name is not None and name.contextual and name.item.designator == "An-124"


def test_every_row_names_its_source_and_kind(catalogue: Table) -> None:
    assert len(catalogue.items) > 100
    assert all(item.source.strip() for item in catalogue.items)
    kinds = {item.kind for item in catalogue.items}
    assert kinds == {"aircraft", "ship", "vehicle", "weapon_system"}


def test_forms_are_unambiguous(catalogue: Table) -> None:
    """No two items claim the same designator or variant."""
    from wirewatch.kb.tables.equipment import fold

    seen: dict[str, str] = {}
    for item in catalogue.items:
        for form in [item.designator, *item.variants]:
            assert seen.setdefault(fold(form), item.designator) == item.designator, form


def test_designator_token_shape(catalogue: Table) -> None:
    shape = re.compile(catalogue.designator_token)
    for token in ("Il-62M", "Tu-95MS", "Su-35S", "C-130J", "F-35A", "A400M", "C-17s"):
        assert shape.match(token), token
    for token in ("Moscow", "2019-03-25", "COVID", "U.S."):
        assert not shape.match(token), token


def test_identifiers(catalogue: Table) -> None:
    assert catalogue.identifier_in("the An-124 RA-82038 landed") == "RA-82038"
    assert catalogue.identifier_in("a frigate (hull number 545) sailed") == "545"
    assert catalogue.identifiers_in("transports, tail numbers 07-7178 and 10-0213, landed") == [
        "07-7178",
        "10-0213",
    ]
    assert catalogue.identifier_in("on 2019-03-25 in Caracas") is None


def test_navy_prefix(catalogue: Table) -> None:
    assert catalogue.navy_of("USS Ralph Johnson") == "USA"
    assert catalogue.navy_of("HMS Diamond") == "GBR"
    assert catalogue.navy_of("Ralph Johnson") is None


@pytest.mark.parametrize(
    ("text", "units"),
    [
        ("paratroopers from the 101st Airborne Division left", ["101st Airborne Division"]),
        (
            "soldiers of the 2nd Battalion, Royal Anglian Regiment, arrived",
            ["2nd Battalion, Royal Anglian Regiment"],
        ),
        (
            "the 3rd Armored Brigade Combat Team and the 6th Fleet",
            ["3rd Armored Brigade Combat Team", "6th Fleet"],
        ),
        ("on the 16th day the 2nd battalion rested", []),  # no capitalised designation
        ("the Africa Corps arrived", []),  # unnumbered names are not matched
    ],
)
def test_numbered_units_are_found(catalogue: Table, text: str, units: list[str]) -> None:
    assert [text[a:b] for a, b in catalogue.units_in(text)] == units
