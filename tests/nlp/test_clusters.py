"""Mention clusters: same name, contained name, fuzzy surname, title variants, KB ids."""

from __future__ import annotations


def clusters(doc):
    text = doc.text
    return {c["name"]: [text[s:e] for s, e in c["mentions"]] for c in doc._.clusters}


def test_contained_name_and_title_variant(nlp):
    doc = nlp(
        "Venezuelan President Nicolas Maduro spoke. President Maduro later left, "
        "and Maduro's aides followed."
    )
    found = clusters(doc)
    maduro = next(v for k, v in found.items() if k.endswith("Nicolas Maduro"))
    assert len(maduro) == 3


def test_fuzzy_surname_joins_a_misspelling(nlp):
    doc = nlp("Opposition leader Juan Guaido rallied. Later, Juan Guiado spoke again.")
    assert clusters(doc)["Juan Guaido"] == ["Juan Guaido", "Juan Guiado"]


def test_different_first_names_stay_apart(nlp):
    doc = nlp("John Smith met Maria Smith in Berlin.")
    assert {"John Smith", "Maria Smith"} <= set(clusters(doc))


def test_same_kb_id_is_one_cluster(nlp):
    doc = nlp("ImageSat International (iSi) published images. ImageSat said more.")
    assert len(clusters(doc)["ImageSat International"]) == 3


def test_possessive_start_trimmed(nlp):
    doc = nlp("The An-124 flew through the Russian military’s Khmeimim air base outpost.")
    assert not any(e.text.startswith("’") for e in doc.ents)
