"""Identifiers next to an asset: registrations of every state, serials, hull and pennant
numbers, ICAO 24-bit addresses, call signs, MMSI and IMO numbers (kb/data/equipment.yaml)."""

from __future__ import annotations

import pycountry
import pytest

from wirewatch.kb import load_kb
from wirewatch.kb.tables._equipment_ids import imo_ok
from wirewatch.kb.tables.equipment import Table


@pytest.fixture(scope="module")
def catalogue() -> Table:
    return load_kb().equipment


@pytest.mark.parametrize(
    ("mark", "country"),
    [
        ("RA-82038", "RUS"),
        ("RF-76551", "RUS"),
        ("UR-82072", "UKR"),
        ("EW-78827", "BLR"),
        ("4K-AZ1", "AZE"),
        ("N628TS", "USA"),
        ("G-ZZZZ", "GBR"),
        ("D-ABYA", "DEU"),
        ("F-HBXA", "FRA"),
        ("EP-IGA", "IRN"),
        ("YV3016", "VEN"),
        ("B-1083", "CHN"),
        ("B-HLA", "HKG"),
        ("B-18701", "TWN"),
        ("JA8089", "JPN"),
        ("HL7400", "KOR"),
        ("TC-JJA", "TUR"),
        ("4X-ABC", "ISR"),
        ("A6-EVA", "ARE"),
        ("C-FTJP", "CAN"),
        ("VP-BAB", "BMU"),
        ("9XR-WP", "RWA"),
        ("4U-UNA", "UNO"),
    ],
)
def test_registration_country(catalogue: Table, mark: str, country: str) -> None:
    assert catalogue.registration_country(mark) == country
    assert catalogue.identifier_kinds_in(f"the jet {mark} landed") == [(mark, "registration")]


@pytest.mark.parametrize("text", ["RA-8203", "N95", "G-ZZZ", "XX-ABC", "2024", "F-35A", "P-800"])
def test_not_registrations(catalogue: Table, text: str) -> None:
    assert catalogue.registration_country(text) in {None, "PRK"}  # P-800 has the form...
    assert catalogue.identifiers_in(f"the {text} was seen") == []  # ...but is a missile


def test_every_state_has_marks_with_a_source_and_a_real_code(catalogue: Table) -> None:
    rows = catalogue.registrations
    assert len({r.country for r in rows}) >= 190
    assert all(r.source for r in rows)
    for r in rows:
        assert r.country == "UNO" or pycountry.countries.get(alpha_3=r.country), r


def test_identifiers_in_keeps_its_contract(catalogue: Table) -> None:
    """The first list found, as strings; a call sign is not an airframe's identifier."""
    text = "Two C-17s, callsigns RCH871 and RCH872, serials 07-7178 and 10-0213, flew."
    assert catalogue.identifiers_in(text) == ["07-7178", "10-0213"]
    assert catalogue.identifier_kinds_in(text) == [
        ("RCH871", "callsign"),
        ("RCH872", "callsign"),
        ("07-7178", "serial"),
        ("10-0213", "serial"),
    ]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("An RC-135W, callsign FORTE11, loitered", [("FORTE11", "callsign")]),
        ("The Global Hawk, call sign FORTE12, turned back", [("FORTE12", "callsign")]),
        ("a KC-135 flying as HOMER24 refuelled it", [("HOMER24", "callsign")]),
        ("trackers logged hex 43C6F1 over the Baltic", [("43C6F1", "icao24")]),
        ("its ICAO 24-bit address 155F9C was broadcast", [("155F9C", "icao24")]),
        ("with Mode S code ADFDF8 switched on", [("ADFDF8", "icao24")]),
        ("the tanker (IMO 9176187) anchored", [("9176187", "imo")]),
        ("registered under MMSI 273456789 in Russia", [("273456789", "mmsi")]),
        ("USS Carney (DDG-64) fired", [("DDG-64", "hull")]),
        ("HMS Richmond (F239) sailed", [("F239", "pennant")]),
        ("the destroyer Baotou (133) and Weishanhu (hull 887)", [("133", "hull"), ("887", "hull")]),
        ("a Ropucha, hull number 545, sailed", [("545", "hull")]),
        ("the corvette, side number 151, returned", [("151", "side")]),
        ("a C-17 (serial 07-7178) landed", [("07-7178", "serial")]),
        ("the Tu-22M3 with tail number 5803 crashed", [("5803", "tail")]),
        ("C-17 Globemaster III 07-7189 landed", [("07-7189", "serial")]),
        ("the A330, tail number 10+03, brought them", [("10+03", "tail")]),
        ("an An-124 registered as RA-82038 left", [("RA-82038", "registration")]),
    ],
)
def test_identifier_kinds(catalogue: Table, text: str, found: list[tuple[str, str]]) -> None:
    assert catalogue.identifier_kinds_in(text) == found


def test_imo_check_digit(catalogue: Table) -> None:
    assert imo_ok("9176187") and not imo_ok("9176188")
    assert catalogue.identifier_kinds_in("the ship IMO 9176188 sank") == []


@pytest.mark.parametrize(
    "text",
    [
        "In 2024 the ministry said the plan would run until 2030.",
        "The meeting started at 10:30 and ended at 14.45 on 2019-03-25.",
        "Call +7 495 123-45-67 or 020 7946 0958 for details.",
        "The serial killer was caught; the hull was painted on 12/03/2024.",
        "Troops on the other side of the river numbered 2,000.",
        "The registration deadline for 2025 was missed by 300 people.",
        "Flying as part of a NATO mission, the crew landed.",
        "hull number 2019 was repainted",
        "Protests in Caracas (2019) and Moscow (12) were dispersed.",
        "Estimates put the force at between 50-1000 troops.",
    ],
)
def test_years_times_and_phone_numbers_are_not_identifiers(catalogue: Table, text: str) -> None:
    assert catalogue.identifier_kinds_in(text) == []
