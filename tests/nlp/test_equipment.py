"""Tokenizer rules and the EQUIPMENT ruler in the built spaCy pipeline."""

from __future__ import annotations

import pytest
from spacy.language import Language

from wirewatch.kb import load_kb
from wirewatch.nlp import build_pipeline
from wirewatch.settings import Settings


@pytest.fixture(scope="module")
def nlp() -> Language:
    return build_pipeline(Settings.load().model, load_kb())


@pytest.mark.parametrize(
    "designator", ["Il-62M", "Tu-95MS", "Su-35S", "C-130J", "F-35A", "A400M", "MiG-31K"]
)
def test_designators_stay_one_token(nlp: Language, designator: str) -> None:
    for text in (
        f"The {designator} landed.",
        f"They saw the {designator}.",
        f"A {designator}, then",
    ):
        assert designator in [t.text for t in nlp(text)], text


def test_sentence_period_is_split_from_designator(nlp: Language) -> None:
    assert [t.text for t in nlp("They saw the Il-62M.")][-2:] == ["Il-62M", "."]


def test_abbreviations_unharmed(nlp: Language) -> None:
    tokens = [t.text for t in nlp("Mr. Smith flew to the U.S. at 3 p.m. on Monday.")]
    assert "U.S." in tokens and "p.m." in tokens and "Mr." in tokens


def test_equipment_entities_replace_wrong_labels(nlp: Language) -> None:
    doc = nlp("A Russian Air Force An-124 Condor and an Il-62M arrived in Caracas.")
    equipment = [e.text for e in doc.ents if e.label_ == "EQUIPMENT"]
    assert equipment == ["An-124 Condor", "Il-62M"]
    assert not [e for e in doc.ents if e.label_ in {"PERSON", "LAW"}]


def test_multi_token_and_spelling_variants(nlp: Language) -> None:
    doc = nlp(
        "Two AN-124 and an An 124 escorted a Type 052D destroyer and a Project 22350 frigate."
    )
    equipment = [e.text for e in doc.ents if e.label_ == "EQUIPMENT"]
    assert equipment == ["AN-124", "An 124", "Type 052D", "Project 22350"]


def test_reporting_name_alone_needs_its_designator(nlp: Language) -> None:
    with_designator = nlp("An An-124 landed. The Condor left a day later.")
    alone = nlp("A condor is a bird. The Condor Hotel opened.")
    assert "Condor" in [e.text for e in with_designator.ents if e.label_ == "EQUIPMENT"]
    assert not [e for e in alone.ents if e.label_ == "EQUIPMENT"]


def test_lowercase_words_are_not_designators(nlp: Language) -> None:
    doc = nlp("He wrote an 124-page report.")
    assert not [e for e in doc.ents if e.label_ == "EQUIPMENT"]


def _equipment(nlp: Language, text: str) -> list[str]:
    return [e.text for e in nlp(text).ents if e.label_ == "EQUIPMENT"]


def test_icao_types_and_variant_suffixes(nlp: Language) -> None:
    text = (
        "An RC-135W and a KC-135R flew ahead of two Mi-26 helicopters, a Boeing 787-9 "
        "and a Gulfstream G550; an F-16CJ and a Tu-142MK were also tracked."
    )
    assert _equipment(nlp, text) == [
        "RC-135W",
        "KC-135R",
        "Mi-26",
        "Boeing 787-9",
        "Gulfstream G550",
        "F-16CJ",
        "Tu-142MK",
    ]


def test_ship_classes_by_form(nlp: Language) -> None:
    text = (
        "A Project 20380 corvette, two Russian Kilo-class submarines and a Type 056A "
        "corvette sailed with the Steregushchiy-class corvette Soobrazitelny."
    )
    found = _equipment(nlp, text)
    assert found[:4] == ["Project 20380", "Kilo-class", "Type 056A", "Steregushchiy-class"]
    assert "Soobrazitelny" in found  # "the corvette" before a name: a named ship


def test_named_ships(nlp: Language) -> None:
    text = (
        "The destroyer USS Carney and HMS Prince of Wales joined RFS Admiral Essen. "
        "The frigate Admiral Makarov and the patrol ship Vasily Bykov left Sevastopol. "
        "Admiral Makarov then anchored off Tartus, while the Carney refuelled."
    )
    assert _equipment(nlp, text) == [
        "USS Carney",
        "HMS Prince of Wales",
        "RFS Admiral Essen",
        "Admiral Makarov",
        "Vasily Bykov",
        "Admiral Makarov",
        "Carney",
    ]
    doc = nlp(text)
    places = [e.text for e in doc.ents if e.label_ in {"GPE", "LOC"}]
    assert "Wales" not in places  # a place inside a ship's name is no place


def test_a_kb_name_after_a_ship_noun_is_not_a_ship(nlp: Language) -> None:
    assert _equipment(nlp, "The tanker Iran seized last year was released.") == []
    assert _equipment(nlp, "A vessel Russia chartered docked in Tartus.") == []


@pytest.mark.parametrize(
    "text",
    [
        "The president met the prime minister on Monday at 10:30 to discuss the 2024 budget.",
        "Inflation rose 3.2% in March, the statistics office said on 2024-04-11.",
        "Leaders of the G7 and the G-20 will meet in Rio in November.",
        "Students on F-1 and H-1B visas and K-12 teachers protested outside the embassy.",
        "Traffic on the I-95 and the M4 motorway was halted; the A1 road reopened at 6 p.m.",
        "Write to 10 Downing Street, London SW1A 2AA, or call 020 7946 0958.",
        "MI6 and MI5 declined to comment, as did the band U2.",
        "An 18-year-old was arrested; a 2-year-old girl was unharmed.",
        "Flight MH17 was shot down in 2014 and flight PS752 in 2020.",
        "The F1 season opens in Bahrain; Ferrari won 2-1 on aggregate.",
        "World-class athletes flew economy class to the Project 2025 rally.",
        "Doctors treated Type 2 diabetes with a new drug costing $1,500 a month.",
        "The ship sank in a storm on Tuesday, and the vessel's crew were rescued.",
        "The carrier Lufthansa cancelled 300 flights at Frankfurt airport.",
        "Voters in CA-12 and PA-7 went to the polls, and N-95 masks sold out.",
        "The Guardian reported that Atlas, Spirit and Predator were film titles.",
    ],
)
def test_ordinary_news_has_no_equipment(nlp: Language, text: str) -> None:
    assert _equipment(nlp, text) == []


def test_a_class_name_never_runs_across_a_sentence_end(nlp) -> None:
    """ "... on Thursday. The Moudge-class destroyer": the period ends the sentence, not an
    initial inside a ship's name ("USS Gerald R. Ford" keeps its own)."""
    doc = nlp("The ships returned on Thursday. The Moudge-class destroyer had left Colombo.")
    assert [e.text for e in doc.ents if e.label_ == "EQUIPMENT"] == ["Moudge-class"]
    doc = nlp("The aircraft carrier USS Gerald R. Ford left Norfolk.")
    assert [e.text for e in doc.ents if e.label_ == "EQUIPMENT"] == ["USS Gerald R. Ford"]


def test_models_known_by_the_noun_after_them(nlp: Language) -> None:
    """No list names these; the noun after each shows it is equipment (kb `by_noun`)."""
    text = (
        "The convoy carried eight 2B16 Nona mortars, three Polonez launchers, four "
        "Boxer RCH armoured vehicles, six ATMOS 2000 howitzers and two KZ-900 "
        "truck-mounted radars."
    )
    assert _equipment(nlp, text) == [
        "2B16 Nona",
        "Polonez",
        "Boxer RCH",
        "ATMOS 2000",
        "KZ-900",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Armoured vehicles blocked the road into Homs on Monday.",
        "Russian tanks and Belarusian trucks crossed the border.",
        "The Navy helicopters and Army trucks returned on Friday.",
        "Hamas fighters and Wagner fighters were seen near the base.",
        "The Mid-Range Capability system was unloaded at the port.",
        "In 2024 tanks and 155mm howitzers were delivered.",
    ],
)
def test_nouns_of_equipment_alone_name_no_model(nlp: Language, text: str) -> None:
    """Sentence-initial capitals, nationalities, services, people and programme names
    before such a noun are no model."""
    assert [
        e.text for e in nlp(text).ents if e.label_ == "EQUIPMENT" and e.kb_id_.startswith("by_noun")
    ] == []


def test_designators_with_series_and_transliterated_suffixes(nlp: Language) -> None:
    text = (
        "An L-100-30 and two Mi-8AMTSh helicopters followed a Boeing 767-300F, a Cessna "
        "182T and an M1A1SA tank."
    )
    assert _equipment(nlp, text)[:4] == ["L-100-30", "Mi-8AMTSh", "Boeing 767-300F", "Cessna 182T"]


def test_another_air_arms_designator_keeps_the_types_name(nlp: Language) -> None:
    """ "CC-177 Globemaster III": Canada's designator and the C-17's name, one aircraft."""
    assert _equipment(nlp, "A CC-177 Globemaster III landed at Trenton.") == [
        "CC-177 Globemaster III"
    ]
