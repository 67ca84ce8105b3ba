"""The KB entity ruler: names the small model gets wrong, tagged before `ner`."""

from __future__ import annotations


def ents(doc):
    return {(e.text, e.label_, e.ent_id_) for e in doc.ents}


def test_outlets_metonyms_and_organisations(nlp):
    doc = nlp(
        "An unnamed source told Sputnik that the Kremlin and the Russian Air Force "
        "agreed, and NATO objected."
    )
    found = ents(doc)
    assert ("Sputnik", "ORG", "outlet:sputnik") in found
    assert ("Kremlin", "ORG", "seat:RUS") in found
    assert ("Russian Air Force", "ORG", "org:vks") in found
    assert ("NATO", "ORG", "org:nato") in found


def test_templated_state_bodies(nlp):
    doc = nlp("The Turkish Defence Ministry said drills ended.")
    assert ("Turkish Defence Ministry", "ORG", "org:tur_defence_ministry") in ents(doc)


def test_countries_demonyms_and_capitals(nlp):
    found = ents(nlp("Venezuelan officials flew from Caracas to Russia."))
    assert {
        ("Venezuelan", "NORP", "demonym:VEN"),
        ("Caracas", "GPE", "capital:VEN"),
        ("Russia", "GPE", "name:RUS"),
    } <= found


def test_name_inside_a_longer_name_is_left_to_ner(nlp):
    found = ents(nlp("The plane headed off to South America after a stop."))
    assert not any(text == "America" for text, _, _ in found)


def test_ambiguous_country_names_are_not_forced(nlp):
    found = ents(nlp("Chad Smith said the deal was done."))
    assert not any(ident == "name:TCD" for _, _, ident in found)
