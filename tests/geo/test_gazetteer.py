"""Lookups and resolution in context, on the real index (`Geocoder.geocode` with given spans)."""

from __future__ import annotations

import re

import pytest

from wirewatch.geo import Gazetteer, Geocoder
from wirewatch.geo.choose import distance_km
from wirewatch.model import Place

pytestmark = pytest.mark.slow


def _geocode(geocoder: Geocoder, text: str, *names: str) -> dict[str, Place]:
    """Geocode every occurrence of `names` in `text`; the places by the name given."""
    spans = [(m.start(), m.end()) for n in names for m in re.finditer(re.escape(n), text)]
    places = geocoder.geocode("doc", text, spans)
    return {text[p.mentions[0].start : p.mentions[0].end]: p for p in places}


def _km(place: Place, lat: float, lon: float) -> float:
    from wirewatch.geo import Candidate

    probe = Candidate(0, "", "", lat, lon, None, None, "", "", 0, 0, "name")
    here = Candidate(0, "", "", place.lat or 0, place.lon or 0, None, None, "", "", 0, 0, "name")
    return distance_km(probe, here)


def test_lookup_by_name_alias_code_and_skeleton(gazetteer: Gazetteer) -> None:
    assert "geonames:3646738" in {c.kb for c in gazetteer.lookup("Caracas")}
    assert {c.kb for c in gazetteer.lookup("Hmeimim")} == {"icao:OSLK"}
    assert {c.kb for c in gazetteer.codes("SVMI")} == {"icao:SVMI"}
    assert {c.kb for c in gazetteer.codes("CCS")} >= {"icao:SVMI"}
    assert {c.kb for c in gazetteer.lookup_skeleton("Hmeymim")} == {"icao:OSLK"}
    assert gazetteer.lookup("Nowhere-at-all Qzx") == []


def test_lookup_is_fast(gazetteer: Gazetteer) -> None:
    import time

    names = [f"probe name {i}" for i in range(500)]
    started = time.perf_counter()
    for n in names:
        gazetteer.lookup(n)
    assert (time.perf_counter() - started) / len(names) < 0.001  # well under a millisecond


@pytest.mark.parametrize("name", ["Venezuela", "Georgia", "Russia", "Chad", "Jordan", "Niger"])
def test_country_never_resolves_to_a_building(geocoder: Geocoder, name: str) -> None:
    place = _geocode(geocoder, f"Officials in {name} said so.", name)[name]
    assert place.feature in ("country", "admin")
    assert place.feature == "country"  # no context here points at a subdivision


def test_seed_places_resolve(geocoder: Geocoder) -> None:
    text = (
        "The planes arrived at Simón Bolívar International Airport in Venezuela’s capital "
        "Caracas. One stopped in Damascus, the other at the Khmeimim air base in Syria."
    )
    got = _geocode(
        geocoder,
        text,
        "Simón Bolívar International Airport",
        "Venezuela",
        "Caracas",
        "Damascus",
        "Khmeimim air base",
        "Syria",
    )
    assert got["Simón Bolívar International Airport"].kb == "icao:SVMI"
    assert _km(got["Simón Bolívar International Airport"], 10.6031, -66.9906) < 1
    assert got["Caracas"].kb == "geonames:3646738"
    assert got["Khmeimim air base"].kb == "icao:OSLK"
    assert _km(got["Khmeimim air base"], 35.4011, 35.9486) < 1
    assert got["Venezuela"].country == "VEN" and got["Venezuela"].feature == "country"
    assert got["Damascus"].country == "SYR"


@pytest.mark.parametrize(
    ("context", "kb"),
    [
        ("Caracas, Venezuela", "icao:SVMI"),
        ("Guayaquil, Ecuador", "icao:SEGU"),  # its former name, still in ourairports keywords
    ],
)
def test_airport_name_resolves_by_country_context(
    geocoder: Geocoder, context: str, kb: str
) -> None:
    text = f"The jet landed at Simón Bolívar International Airport near {context} on Friday."
    city, country = context.split(", ")
    got = _geocode(geocoder, text, "Simón Bolívar International Airport", city, country)
    assert got["Simón Bolívar International Airport"].kb == kb


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("Fighting erupted in Tripoli, Lebanon, on Tuesday.", "Tripoli", "LBN"),
        ("Militias clashed in Tripoli, Libya's interior ministry said.", "Tripoli", "LBY"),
        ("Militias clashed in Tripoli on Tuesday.", "Tripoli", "LBY"),  # the bigger one alone
        ("Protesters gathered in Paris, Texas, outside the courthouse.", "Paris", "USA"),
        ("Protesters gathered in Paris, France, outside the embassy.", "Paris", "FRA"),
        ("Alexandria, Virginia, is near Washington.", "Alexandria", "USA"),
        ("Egypt said the ship docked in Alexandria.", "Alexandria", "EGY"),
    ],
)
def test_ambiguous_names_follow_context(
    geocoder: Geocoder, text: str, name: str, country: str
) -> None:
    others = [
        w
        for w in ("Lebanon", "Libya", "Texas", "France", "Virginia", "Washington", "Egypt")
        if w in text
    ]
    place = _geocode(geocoder, text, name, *others)[name]
    assert place.country == country
    assert place.confidence is not None and 0 < place.confidence <= 1


def test_georgia_the_state_or_the_country(geocoder: Geocoder) -> None:
    state = _geocode(
        geocoder,
        "The governor of Georgia visited Atlanta and Savannah.",
        "Georgia",
        "Atlanta",
        "Savannah",
    )["Georgia"]
    country = _geocode(
        geocoder, "Georgia's prime minister flew home to Tbilisi.", "Georgia", "Tbilisi"
    )["Georgia"]
    assert (state.feature, state.country) == ("admin", "USA")
    assert (country.feature, country.country) == ("country", "GEO")


def test_unknown_name_is_kept_with_a_reason(geocoder: Geocoder) -> None:
    place = _geocode(geocoder, "Officials in Xqzvillewood said nothing.", "Xqzvillewood")[
        "Xqzvillewood"
    ]
    assert place.lat is None and place.lon is None and place.kb is None
    assert place.reason and "xqzvillewood" in place.reason


def test_weak_match_is_not_guessed(geocoder: Geocoder) -> None:
    place = _geocode(geocoder, "Crowds gathered at the Eiffel Tower.", "Eiffel Tower")[
        "Eiffel Tower"
    ]
    assert place.lat is None and place.reason and "weak" in place.reason


def test_mentions_of_one_place_are_one_place(geocoder: Geocoder) -> None:
    text = "Jets left Hmeimim. The Khmeimim air base is near Latakia. OSLK is busy."
    spans = [
        (text.index(n), text.index(n) + len(n)) for n in ("Hmeimim", "Khmeimim air base", "OSLK")
    ]
    places = geocoder.geocode("doc", text, spans)
    assert len(places) == 1 and len(places[0].mentions) == 3
    assert places[0].kb == "icao:OSLK"


def test_relative_point(geocoder: Geocoder) -> None:
    text = "The airbase is situated around 75 miles south of Caracas."
    start = text.index("Caracas")
    places = geocoder.geocode("doc", text, [(start, start + 7)])
    point = next(p for p in places if p.feature == "point")
    assert point.name == "around 75 miles south of Caracas"
    assert _km(point, 9.3727, -66.9228) < 10  # Capitán Manuel Ríos Airbase (SVCZ)
    assert 20 <= (point.precision_km or 0) <= 80
    assert {p.name for p in places} == {"Caracas", point.name}


def test_ids_are_stable(geocoder: Geocoder) -> None:
    text = "Troops arrived in Caracas."
    first = geocoder.geocode("doc", text, [(18, 25)])
    again = geocoder.geocode("doc", text, [(18, 25)])
    assert [p.id for p in first] == [p.id for p in again]
    assert first[0].id.startswith("plc_")


def test_captions_are_mentions_but_give_no_context(geocoder: Geocoder) -> None:
    text = "Militias clashed in Tripoli on Tuesday.\nPhoto: a street in Lebanon."
    spans = [
        (text.index("Tripoli"), text.index("Tripoli") + 7),
        (text.index("Lebanon"), text.index("Lebanon") + 7),
    ]
    caption = [(text.index("Photo"), len(text))]
    with_caption = _by_name(geocoder.geocode("doc", text, spans, caption), text)
    as_body = _by_name(geocoder.geocode("doc", text, spans), text)
    assert with_caption["Lebanon"].country == "LBN"  # a caption-only place is still listed
    assert with_caption["Tripoli"].country == "LBY"  # ... but does not qualify Tripoli
    assert as_body["Tripoli"].country == "LBN"


def test_demonyms_are_weak_country_context(geocoder: Geocoder) -> None:
    text = "Authorities in Alexandria said the ship had docked."
    span = [(text.index("Alexandria"), text.index("Alexandria") + 10)]
    assert geocoder.geocode("doc", text, span, (), ["USA", "USA"])[0].country == "USA"
    assert geocoder.geocode("doc", text, span, (), ["EGY"])[0].country == "EGY"


def test_gazetteer_pickles_by_path(gazetteer: Gazetteer) -> None:
    import pickle

    copy = pickle.loads(pickle.dumps(gazetteer))
    assert copy.path == gazetteer.path
    assert {c.kb for c in copy.codes("OSLK")} == {"icao:OSLK"}


def _only_place(geocoder: Geocoder, text: str, name: str) -> Place:
    """The one place `name`, as written in `text`, geocodes to."""
    start = text.index(name)
    (place,) = geocoder.geocode("doc", text, [(start, start + len(name))])
    return place


def _by_name(places: list[Place], text: str) -> dict[str, Place]:
    return {text[p.mentions[0].start : p.mentions[0].end]: p for p in places}


@pytest.mark.parametrize(
    ("name", "kb"),
    [
        ("Ämari", "icao:EEEI"),
        ("Sigonella", "icao:LICZ"),
        ("Brize Norton", "icao:EGVN"),
        # A service's acronym before "Base" makes a military field by its form.
        ("Ohakea", "icao:NZOH"),
    ],
)
def test_military_field_by_its_bare_name(geocoder: Geocoder, name: str, kb: str) -> None:
    """Reports write a base by its bare name ("landed at Ämari"), with no airfield word."""
    text = f"The tanker returned to {name} on Monday."
    place = _geocode(geocoder, text, name)[name]
    assert place.kb == kb


def test_bare_names_leave_out_words_that_name_no_place(gazetteer: Gazetteer) -> None:
    """ "Ürümqi South Air Base" gives no bare "South", "RAF Brize Norton" no "Royal"."""
    for word in ("South", "Royal", "Ahmed"):
        assert not [c for c in gazetteer.lookup(word) if c.how == "bare"]


@pytest.mark.parametrize(
    ("text", "name", "kb"),
    [
        # An airfield's own title, with no airfield word: "Lajes Field" is LPLA's title.
        ("The C-5M stopped at Lajes Field overnight.", "Lajes Field", "icao:LPLA"),
        # A civil field by its bare name when no town of that name is known.
        ("Three helicopters arrived at Bardufoss on Tuesday.", "Bardufoss", "icao:ENDU"),
        # A name's leading words off, among airfields only ("Ain al-Asad" for Al Asad).
        ("The convoy left Ain al-Asad air base at dawn.", "Ain al-Asad air base", "icao:ORAA"),
        # "Space Base" is an airfield word.
        ("A C-17 landed at Pituffik Space Base.", "Pituffik Space Base", "icao:BGTL"),
        # Last of all, a field by the town it serves or a word of its own name.
        ("The C-130J took the team on to Wapenamanda.", "Wapenamanda", "icao:AYWD"),
        ("A P-8A arrived from Evenes on Monday.", "Evenes", "icao:ENEV"),
        # A field's name without its bracketed code ("Cazaux (BA 120) Air Base").
        ("The jets landed at Cazaux air base.", "Cazaux air base", "icao:LFBC"),
        # An entry named with the text's own cue word, whatever kind the entry is.
        ("The icebreaker reached Esperanza Base.", "Esperanza Base", "icao:SAYE"),
    ],
)
def test_airfields_by_the_names_reports_use(
    geocoder: Geocoder, text: str, name: str, kb: str
) -> None:
    assert _only_place(geocoder, text, name).kb == kb


@pytest.mark.parametrize(
    ("text", "name", "context", "kb"),
    [
        (
            "The frigate left Puerto Cabello for La Orchila.",
            "La Orchila",
            "Puerto Cabello",
            "icao:SVLO",
        ),
        # The bare name of an old name in the field's keywords ("NAS Roosevelt Roads").
        (
            "Jets landed at Roosevelt Roads in Puerto Rico.",
            "Roosevelt Roads",
            "Puerto Rico",
            "icao:TJRV",
        ),
    ],
)
def test_small_fields_with_an_icao_indicator_by_their_bare_names(
    geocoder: Geocoder, text: str, name: str, context: str, kb: str
) -> None:
    """A small field's bare name is a last resort, weighed with the places around it."""
    assert _geocode(geocoder, text, name, context)[name].kb == kb


def test_private_strips_give_no_bare_name(gazetteer: Gazetteer) -> None:
    """Fields with only a local code ("Midlake Airport", 28TE) are no place reports name bare;
    one with an ICAO indicator is ("Coldstream Airport", YCEM)."""
    assert not gazetteer.lookup("Midlake")
    assert [c.kb for c in gazetteer.lookup("Coldstream") if c.how == "stem"] == ["icao:YCEM"]


def test_airfield_words_alone_name_no_place(geocoder: Geocoder) -> None:
    text = "The jets flew to the 8th Tactical Air Base."
    start = text.index("8th")
    (place,) = geocoder.geocode("doc", text, [(start, text.index("."))])
    assert place.lat is None  # not "Air Base" somewhere else


def test_a_qualifier_stands_next_to_the_name(geocoder: Geocoder) -> None:
    # "US" modifies "official", it does not qualify "Middle East" (a Baltimore locality).
    text = "The carrier is heading for the Middle East, a US official said."
    spans = [(text.index("Middle East"), text.index(",")), (text.index("US"), text.index(" off"))]
    places = {p.name: p for p in geocoder.geocode("doc", text, spans)}
    assert places["Middle East"].feature == "region"


def test_a_name_spelt_beyond_ascii_prefers_the_entry_spelt_so(geocoder: Geocoder) -> None:
    # "Ørland" keys like the US "Orland"s; only the Norwegian airfield is written with "Ø",
    # and it is in play without an airfield word (the country named beside it decides).
    text = "Two US Air Force bombers are heading for Ørland, Norway."
    start = text.index("Ørland")
    spans = [
        (text.index("US"), text.index(" Air")),
        (start, start + 6),
        (text.index("Norway"), text.index(".")),
    ]
    places = {p.name: p for p in geocoder.geocode("doc", text, spans)}
    assert places["Ørland"].country == "NOR"


def test_a_fields_number_is_part_of_its_name_not_its_core(geocoder: Geocoder) -> None:
    # "Niamey air base 101" is the Niamey field; "Air Base 201" alone names no place.
    text = "The soldiers took off from Niamey air base 101 on Sunday."
    start = text.index("Niamey")
    (place,) = geocoder.geocode("doc", text, [(start, text.index(" on"))])
    assert place.country == "NER" and place.feature in {"airport", "airbase"}
    text = "The drones flew from Air Base 201."
    (place,) = geocoder.geocode("doc", text, [(text.index("Air"), text.index("."))])
    assert place.lat is None


def test_a_named_airfield_is_what_its_short_name_means(geocoder: Geocoder) -> None:
    # Without the code, "Manas" is a town in Jalal-Abad, some 250 km from the airport.
    text = "Spotters at UCFM logged three Il-76s. Manas was busy all week."
    (place,) = geocoder.geocode("doc", text, [(12, 16), (38, 43)])
    assert place.feature == "airport" and _km(place, 43.061, 74.478) < 5
    assert [text[m.start : m.end] for m in place.mentions] == ["UCFM", "Manas"]


def test_the_town_an_airfield_serves_stays_a_place(geocoder: Geocoder) -> None:
    text = "Two C-17s landed at Kigali International Airport. Kigali was calm."
    places = _geocode(geocoder, text, "Kigali International Airport", "Kigali")
    assert places["Kigali"].feature != "airport"
    assert places["Kigali International Airport"].feature == "airport"


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        # A naval base, port or airfield the gazetteer lacks is at the town it is named for,
        # with the cue after the name or before it.
        ("The destroyer arrived at Busan Naval Base.", "Busan Naval Base", "KOR"),
        ("The frigate returned to Salamis Naval Base.", "Salamis Naval Base", "GRC"),
        ("The destroyer left Naval Station Rota.", "Naval Station Rota", "ESP"),
    ],
)
def test_a_site_the_gazetteer_lacks_is_at_its_town(
    geocoder: Geocoder, text: str, name: str, country: str
) -> None:
    place = _only_place(geocoder, text, name)
    assert place.country == country and place.feature in {"city", "locality"}


def test_a_camp_is_not_at_a_town_of_its_name(geocoder: Geocoder) -> None:
    """Camps are named after people ("Camp David" is not at David, Panama)."""
    assert _only_place(geocoder, "The talks at Camp David ended.", "Camp David").lat is None
