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
