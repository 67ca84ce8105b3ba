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
    a = run(
        resources,
        "The destroyer USS Carney sailed through the Strait of Gibraltar "
        "into the Mediterranean, the Russian Air Force said.",
    )
    found = names(a)
    assert "Strait of Gibraltar" in found and "Mediterranean" in found
    assert "Gibraltar" not in found  # inside the longer place name
    assert not {"Carney", "Russian"} & found


def test_airfields_by_name_code_and_cue(resources: Resources) -> None:
    a = run(
        resources,
        "A Tu-154 took off from UUDD and landed at OSLK; earlier it used "
        "the Khmeimim air base and Dover Air Force Base.",
    )
    assert named(a, "UUDD").kb == "icao:UUDD"
    khmeimim = named(a, "Khmeimim air base")
    assert khmeimim.kb == "icao:OSLK" and named(a, "OSLK").id == khmeimim.id
    assert named(a, "Dover Air Force Base").feature == "airbase"


def test_the_kind_of_place_written_before_its_name_is_no_place(resources: Resources) -> None:
    """ "Naval" is also a town in the Philippines: in "Naval Station Rota" it is the kind."""
    a = run(resources, "The destroyer USS Ross pulled into Naval Station Rota on Wednesday.")
    assert "Naval" not in names(a)
    assert "Rota" in names(a)


def test_places_the_model_mislabels(resources: Resources) -> None:
    a = run(
        resources,
        "The ship left Tartus and passed the Bosphorus into the Black Sea; "
        "drones struck about 30 kilometres from Aleppo.",
    )
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


def test_two_places_with_one_name_stay_two(resources: Resources) -> None:
    a = run(
        resources,
        "Clashes in Tripoli, Lebanon, left two dead. Separately, militias "
        "fought in Tripoli, Libya, on Sunday.",
    )
    tripolis = [p for p in a.places if p.name == "Tripoli"]
    assert sorted(p.country for p in tripolis) == ["LBN", "LBY"]


def test_a_bare_repeat_follows_the_qualified_mention(resources: Resources) -> None:
    a = run(resources, "Tripoli, Lebanon was calm. Residents of Tripoli said the army deployed.")
    tripolis = [p for p in a.places if p.name == "Tripoli"]
    assert len(tripolis) == 1 and tripolis[0].country == "LBN"
    assert len(tripolis[0].mentions) == 2


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("M23 rebels seized Goma in eastern Congo, the Congolese army said.", "COD"),
        ("Officials in Brazzaville said Congo would send troops to Gabon.", "COG"),
    ],
)
def test_congo_by_context(resources: Resources, text: str, country: str) -> None:
    assert named(run(resources, text), "Congo").country == country


def test_tail_numbers_are_not_places(resources: Resources) -> None:
    a = run(resources, "A Russian Il-62M with tail number RF-94128 landed in Caracas.")
    assert "RF-94128" not in names(a) and "Caracas" in names(a)


def test_an_armed_service_named_is_context_for_its_bases(resources: Resources) -> None:
    """ "An RAAF C-130J ... from Richmond": the service's country weighs like a demonym,
    so the Australian Richmond is read, not the larger American ones."""
    a = run(resources, "An RAAF C-130J flew relief stores from Richmond to Port Moresby.")
    assert named(a, "Richmond").country == "AUS"
    plain = run(resources, "The lorry drove relief stores from Richmond to the coast.")
    assert named(plain, "Richmond").country != "AUS"


def test_a_hyphen_joined_name_is_one_place(resources: Resources) -> None:
    """ "Mourmelon-le-Grand" is one town, not "Grand"; "Kherson-based" is still Kherson."""
    a = run(resources, "The tanks left Mourmelon-le-Grand by train with Kherson-based crews.")
    assert named(a, "Mourmelon-le-Grand").country == "FRA"
    assert "Grand" not in names(a)
    assert named(a, "Kherson").country == "UKR"


def test_a_possessive_inside_a_name_is_part_of_it(resources: Resources) -> None:
    """ "Simon's Town", where the model reads "Simon" as a person: a route slot's name runs
    through the possessive to the next capitalised word."""
    a = run(resources, "The frigate sailed from Maputo for Simon's Town on Monday.")
    assert named(a, "Simon's Town").country == "ZAF"


def test_a_types_own_name_after_its_designator_is_no_place(resources: Resources) -> None:
    """ "a CP-140 Aurora": the model reads "Aurora" as a person, and a city of that name
    exists; compounded with the designator it is the aircraft's name."""
    a = run(resources, "A CP-140 Aurora landed at Keflavik after a patrol.")
    assert "Aurora" not in names(a)


def test_provinces_airfields_are_filed_under_are_places(resources: Resources) -> None:
    """The Philippines' provinces are a second level of ISO 3166-2, the one its airfields
    are filed under ("Batanes", PH-BTN)."""
    a = run(resources, "The marines reached Batanes on Thursday.")
    batanes = named(a, "Batanes")
    assert batanes.country == "PHL" and batanes.feature == "admin"


def test_an_organisation_owning_a_thing_is_no_place(resources: Resources) -> None:
    """ "at Leonardo's helicopter academy": the company (a town's name too) owns the
    academy; "Anadyr's Ugolny airport" is still where the airport is."""
    a = run(
        resources,
        "Pilots flew from Abuja to Milan for training at Leonardo's helicopter academy. "
        "The bombers landed at Anadyr's Ugolny airport.",
    )
    assert "Leonardo" not in names(a)
    assert named(a, "Anadyr").country == "RUS"


def test_names_joined_by_a_route_mark_next_to_a_craft(resources: Resources) -> None:
    """ "The Il-62M did Chkalovsky–Hmeimim": names joined by a dash with no space, or an
    arrow, in a sentence naming a craft, are places the gazetteer knows; a dash set apart by
    spaces, a hyphen, or a sentence with no craft gives none."""
    a = run(resources, "The Il-62M RA-86496 did Chkalovsky–Hmeimim. The Smith–Jones plan failed.")
    assert {"Chkalovsky", "Hmeimim"} <= names(a)
    assert not {"Smith", "Jones"} & names(a)
    a = run(resources, "GDAŃSK, Poland — The ARC Integrity docked; data came from ADS-B Exchange.")
    assert not {"The", "ADS", "B"} & names(a)
    a = run(resources, "The C-17 flew the Ramstein–Incirlik–Al Udeid route.")
    assert {"Ramstein", "Incirlik", "Al Udeid"} <= names(a)


@pytest.mark.parametrize(
    "text",
    ["Both jets landed at Ramstein the next day.", "The jet landed at Ramstein the next morning."],
)
def test_a_time_phrase_run_into_a_name_is_cut_off(resources: Resources, text: str) -> None:
    assert named(run(resources, text), "Ramstein").country == "DEU"


def test_a_registers_label_before_its_number_is_no_place(resources: Resources) -> None:
    a = run(resources, "The Sparta IV (IMO 9743033) left Tartus. Protests spread to Imo State.")
    assert "IMO" not in names(a) and {"Tartus", "Imo State"} <= names(a)
