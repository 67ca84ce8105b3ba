"""Back-references across sentences (issue 12): "the tankers" means the assets that are
tankers, "the Russian aircraft" the Russian ones, "they" several assets (not one named
alone as one just before), "all four" as many as it counts, "one ... the other" and "the
first ... the second" each one airframe of a counted group, "Golovko" and "RCH231" the
ship and the airframe first named "Admiral Golovko" and "RCH231, a C-17A". Sentences of our
own; a leg is (model, origin, via, destination, depart, arrive) as in test_route_grammar.py.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from tests.extract.test_route_grammar import DATE, Leg, ends_of, legs_of

from wirewatch.model import Analysis

Analyze = Callable[..., Analysis]

CASES: list[tuple[str, list[Leg]]] = [
    # A role noun: the tanker named with its role, then the fighters by theirs.
    (
        "Two IL-78MKI tankers and six Su-30MKI fighters left Agra on Monday. The tankers "
        "landed at Al Dhafra. The fighters landed at Jamnagar.",
        [
            ("IL-78MKI", "Agra", [], "Al Dhafra", "2024-05-06", "2024-05-06"),
            ("Su-30MKI", "Agra", [], "Jamnagar", "2024-05-06", "2024-05-06"),
        ],
    ),
    # Shorter names given before: a named ship's last word, a call sign written with it.
    (
        "The Russian frigate Admiral Golovko left Baltiysk on Monday. On Wednesday Golovko "
        "anchored off Tangier.",
        [("Admiral Golovko", "Baltiysk", [], "Tangier", "2024-05-06", "2024-05-08")],
    ),
    (
        "RCH231, a C-17A, left Ramstein on Monday. RCH231 landed at Incirlik three hours later.",
        [("C-17A", "Ramstein", [], "Incirlik", "2024-05-06", "2024-05-06")],
    ),
    (
        "A C-17A, callsign RCH417, left Dover on Monday. RCH417 landed at Lajes that night.",
        [("C-17A", "Dover", [], "Lajes", "2024-05-06", "2024-05-06")],
    ),
    # Words standing for one of a counted group: each is an airframe of its own.
    (
        "Two Russian Il-76s left Chkalovsky on Monday. One landed at Hmeimim, the other "
        "flew on to Benina.",
        [
            ("Il-76", "Chkalovsky", [], "Hmeimim", "2024-05-06", "2024-05-06"),
            ("Il-76", "Chkalovsky", [], "Benina", "2024-05-06", None),
        ],
    ),
    (
        "Two C-17s left Ramstein on Monday. The first landed at Rzeszow; the second went on "
        "to Constanta.",
        [
            ("C-17", "Ramstein", [], "Rzeszow", "2024-05-06", "2024-05-06"),
            ("C-17", "Ramstein", [], "Constanta", "2024-05-06", None),
        ],
    ),
    # A registration after "sister ship" is an airframe of the type named, not a ship.
    (
        "The Il-76 RA-78850 flew from Ulyanovsk to Bamako on Monday. Its sister ship "
        "RA-76845 went from Al Khadim to Ouagadougou on Tuesday.",
        [
            ("Il-76", "Ulyanovsk", [], "Bamako", "2024-05-06", "2024-05-06"),
            ("Il-76", "Al Khadim", [], "Ouagadougou", "2024-05-07", "2024-05-07"),
        ],
    ),
    # Nouns of more kinds of craft refer back too ("the cutter", "the minehunter").
    (
        "The US Coast Guard cutter USCGC Hamilton left Charleston on Monday. The cutter "
        "arrived in Rota on Friday.",
        [("Hamilton", "Charleston", [], "Rota", "2024-05-06", "2024-05-10")],
    ),
    # A number standing for the assets told of: all four of them.
    (
        "Three Gripens and a C-130H took off from Kallax on Monday. All four landed at Rygge.",
        [
            ("Gripen", "Kallax", [], "Rygge", "2024-05-06", "2024-05-06"),
            ("C-130H", "Kallax", [], "Rygge", "2024-05-06", "2024-05-06"),
        ],
    ),
]


@pytest.mark.parametrize(("text", "legs"), CASES, ids=[c[0][:40] for c in CASES])
def test_back_reference(geocoded_text: Analyze, text: str, legs: list[Leg]) -> None:
    assert legs_of(geocoded_text(text, DATE)) == sorted(legs, key=repr)


# (text, the model whose trip ends there, the end, a model whose trip must not end there)
ENDS: list[tuple[str, str, str, str]] = [
    # The KDC-10 is a tanker by its designation, though the text never calls it one.
    (
        "A Dutch KDC-10 flew from Leeuwarden to Lajes on Tuesday with four F-35As. The "
        "F-35As stayed at Lajes. The tanker went on to Eindhoven.",
        "KDC-10",
        "Eindhoven",
        "F-35A",
    ),
    # A country word picks that country's assets.
    (
        "Two Russian Tu-142s and a Norwegian P-8A flew over the Barents Sea on Tuesday. "
        "The Russian aircraft then landed at Olenya.",
        "Tu-142",
        "Olenya",
        "P-8A",
    ),
    # "they" is not one asset named as one ("An A400M followed").
    (
        "Four Finnish F/A-18Cs left Rovaniemi on Monday. They staged through Kallax. An "
        "A400M followed with spares. On Wednesday they landed at Orland.",
        "F/A-18C",
        "Orland",
        "A400M",
    ),
    # A subject that refers back ("The Russian aircraft stayed ...") moves nothing, but it
    # is what "they" means in the sentence after.
    (
        "Two Russian Tu-142s flew over the Barents Sea on Tuesday. Two Norwegian F-35As took "
        "off from Evenes to watch them. The Russian aircraft stayed in international "
        "airspace. They landed at Olenya that evening.",
        "Tu-142",
        "Olenya",
        "F-35A",
    ),
]


@pytest.mark.parametrize(("text", "model", "end", "other"), ENDS, ids=[e[0][:40] for e in ENDS])
def test_the_trip_ends_for_the_asset_meant(
    geocoded_text: Analyze, text: str, model: str, end: str, other: str
) -> None:
    ends = ends_of(geocoded_text(text, DATE))
    assert end in ends[model]
    assert end not in ends.get(other, [])
