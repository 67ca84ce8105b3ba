"""Toponym recognition through the real spaCy pipeline: what counts as a place mention."""

from __future__ import annotations

import pytest
from tests.geo.shared import named, names, resources_once, run

from wirewatch.analyze import Resources, load_resources
from wirewatch.settings import Settings

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def resources(tmp_path_factory: pytest.TempPathFactory) -> Resources:
    return resources_once(tmp_path_factory)


def test_dateline_and_demonym(resources: Resources) -> None:
    a = run(resources, "RIGA, Latvia — Latvian officials said a Russian warship was seen.")
    assert named(a, "RIGA").country == "LVA" and named(a, "RIGA").feature == "city"
    assert named(a, "Latvia").feature == "country"
    assert not {"Latvian", "Russian"} & names(a)


def test_metonyms_and_possessives(resources: Resources) -> None:
    a = run(resources, "Moscow denied the report, and Poland's forces stayed home.")
    assert named(a, "Moscow").country == "RUS"
    assert named(a, "Poland").feature == "country"


def test_names_inside_organisations_and_ships_are_not_places(resources: Resources) -> None:
    a = run(resources, "The destroyer USS Carney sailed through the Strait of Gibraltar "
                       "into the Mediterranean, the Russian Air Force said.")
    found = names(a)
    assert "Strait of Gibraltar" in found and "Mediterranean" in found
    assert "Gibraltar" not in found  # inside the longer place name
    assert not {"Carney", "Russian"} & found


def test_airfields_by_name_code_and_cue(resources: Resources) -> None:
    a = run(resources, "A Tu-154 took off from UUDD and landed at OSLK; earlier it used "
                       "the Khmeimim air base and Dover Air Force Base.")
    assert named(a, "UUDD").kb == "icao:UUDD"
    khmeimim = named(a, "Khmeimim air base")
    assert khmeimim.kb == "icao:OSLK" and named(a, "OSLK").id == khmeimim.id
    assert named(a, "Dover Air Force Base").feature == "airbase"


def test_places_the_model_mislabels(resources: Resources) -> None:
    a = run(resources, "The ship left Tartus and passed the Bosphorus into the Black Sea; "
                       "drones struck about 30 kilometres from Aleppo.")
    assert named(a, "Tartus").country == "SYR"
    assert named(a, "Bosphorus").feature == "water"
    assert named(a, "Black Sea").feature == "water"
    ring = named(a, "about 30 kilometres from Aleppo")
    assert ring.feature == "point" and (ring.precision_km or 0) >= 30


def test_one_place_per_real_place(resources: Resources) -> None:
    a = run(resources, "Troops reached Caracas on Monday. By Tuesday Caracas was calm.")
    caracas = named(a, "Caracas")
    assert len(caracas.mentions) == 2
    assert len([p for p in a.places if p.kb == caracas.kb]) == 1


def test_unknown_toponym_kept_unresolved(resources: Resources) -> None:
    a = run(resources, "Officials in Xqzvillewood said nothing.")
    place = named(a, "Xqzvillewood")
    assert place.lat is None and place.reason


def test_geocoding_off_still_lists_places(tmp_path_factory: pytest.TempPathFactory) -> None:
    plain = load_resources(Settings(data_dir=tmp_path_factory.mktemp("unused")), geocode=False)
    a = run(plain, "Troops reached Caracas, Venezuela, on Monday.")
    assert {"Caracas", "Venezuela"} <= names(a)
    assert all(p.lat is None and p.reason for p in a.places)
    assert not list((tmp_path_factory.getbasetemp() / "unused0").glob("*.sqlite"))
