"""The seed article through the real pipeline (spaCy + places step + gazetteer)."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from tests.geo.shared import named, run
from wirewatch.analyze import Resources
from wirewatch.geo import Candidate
from wirewatch.geo.choose import distance_km
from wirewatch.model import Analysis, Place

pytestmark = pytest.mark.slow
SEED = (
    Path(__file__).resolve().parents[2]
    / "examples"
    / "corpus"
    / "seed"
    / "an124-venezuela-2019-03-25.txt"
)


@pytest.fixture(scope="module")
def seed(resources: Resources) -> Analysis:
    head = re.match(r"\s*date (\d{4}-\d{2}-\d{2}) ", SEED.read_text("utf-8"))
    assert head is not None, "a dated text begins 'date YYYY-MM-DD '"
    text = SEED.read_text("utf-8")[head.end() :]
    return run(resources, text, dt.date.fromisoformat(head.group(1)))


def _km(place: Place, lat: float, lon: float) -> float:
    a = Candidate(0, "", "", lat, lon, None, None, "", "", 0, 0, "name")
    b = Candidate(0, "", "", place.lat or 0, place.lon or 0, None, None, "", "", 0, 0, "name")
    return distance_km(a, b)


@pytest.mark.parametrize(
    ("mention", "lat", "lon", "kb"),
    [
        ("Caracas", 10.488, -66.879, "geonames:3646738"),
        ("Simón Bolívar International Airport", 10.6031, -66.9906, "icao:SVMI"),
        ("Damascus", 33.5102, 36.2913, None),
        ("Khmeimim", 35.4011, 35.9486, "icao:OSLK"),
        ("Capitán Manuel Ríos Airbase", 9.3727, -66.9228, "icao:SVCZ"),
    ],
)
def test_seed_sites(seed: Analysis, mention: str, lat: float, lon: float, kb: str | None) -> None:
    place = named(seed, mention)
    assert _km(place, lat, lon) < 5
    if kb:
        assert place.kb == kb


@pytest.mark.parametrize(
    ("mention", "iso3"),
    [
        ("Russia", "RUS"),
        ("Syria", "SYR"),
        ("Venezuela", "VEN"),
        ("United States", "USA"),
        ("U.S.", "USA"),
    ],
)
def test_seed_countries(seed: Analysis, mention: str, iso3: str) -> None:
    place = named(seed, mention)
    assert (place.feature, place.country) == ("country", iso3)


def test_seed_relative_point(seed: Analysis) -> None:
    point = named(seed, "around 75 miles south of Caracas")
    assert point.feature == "point" and point.country == "VEN"
    assert _km(point, 9.3727, -66.9228) < 10  # the airbase the sentence is about


def test_seed_has_no_false_places(seed: Analysis) -> None:
    text = seed.document.text
    said = {text[m.start : m.end] for p in seed.places for m in p.mentions}
    for not_a_place in (
        "Russian",
        "Venezuelan",
        "Syrian",
        "Sputnik",
        "Russian Air Force",
        "Kremlin",
        "A",
        "AP",
    ):
        assert not_a_place not in said
    # one place per real place: both Khmeimim mentions and both airport mentions merge
    assert len(named(seed, "Khmeimim").mentions) >= 2
    assert len(named(seed, "Simón Bolívar International Airport").mentions) == 2
    kbs = [p.kb for p in seed.places if p.kb]
    assert len(kbs) == len(set(kbs))
