"""Back-references across sentences (issue 12): "the tankers" means the assets that are
tankers, "the Russian aircraft" the Russian ones, "they" several assets (not one named
alone as one just before), "all four" as many as it counts, "Golovko" and "RCH231" the
ship and the airframe first named "Admiral Golovko" and "RCH231, a C-17A". Sentences of our
own; a leg is (model, origin, via, destination, depart, arrive) as in test_route_grammar.py.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from tests.extract.test_route_grammar import DATE, Leg, _leg

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
    analysis = geocoded_text(text, DATE)
    found = sorted((_leg(analysis, m) for m in analysis.movements), key=repr)
    assert found == sorted(legs, key=repr)


def _ends(analysis: Analysis) -> dict[str, list[str]]:
    ends: dict[str, list[str]] = {}
    for movement in analysis.movements:
        leg = _leg(analysis, movement)
        ends.setdefault(leg[0], []).append(leg[3])
    return ends


def test_a_role_noun_is_not_the_latest_asset_of_its_kind(geocoded_text: Analyze) -> None:
    """The KDC-10 is a tanker by its designation, though the text never calls it one."""
    analysis = geocoded_text(
        "A Dutch KDC-10 flew from Leeuwarden to Lajes on Tuesday with four F-35As. The "
        "F-35As stayed at Lajes. The tanker went on to Eindhoven.",
        DATE,
    )
    ends = _ends(analysis)
    assert "Eindhoven" in ends["KDC-10"]
    assert "Eindhoven" not in ends.get("F-35A", [])


def test_a_country_word_picks_that_countrys_assets(geocoded_text: Analyze) -> None:
    analysis = geocoded_text(
        "Two Russian Tu-142s and a Norwegian P-8A flew over the Barents Sea on Tuesday. "
        "The Russian aircraft then landed at Olenya.",
        DATE,
    )
    ends = _ends(analysis)
    assert ends["Tu-142"] == ["Olenya"]
    assert "Olenya" not in ends.get("P-8A", [])


def test_they_is_not_one_asset_named_as_one(geocoded_text: Analyze) -> None:
    """ "An A400M followed": a single transport named between the jets and "they"."""
    analysis = geocoded_text(
        "Four Finnish F/A-18Cs left Rovaniemi on Monday. They staged through Kallax. An "
        "A400M followed with spares. On Wednesday they landed at Orland.",
        DATE,
    )
    assert "Orland" in _ends(analysis)["F/A-18C"]
    assert "Orland" not in _ends(analysis).get("A400M", [])


def test_a_subject_that_refers_back_is_what_they_means_next(geocoded_text: Analyze) -> None:
    """ "The Russian aircraft stayed in international airspace" moves nothing, but it makes
    the Russian aircraft the ones "they" means in the sentence after."""
    analysis = geocoded_text(
        "Two Russian Tu-142s flew over the Barents Sea on Tuesday. Two Norwegian F-35As took "
        "off from Evenes to watch them. The Russian aircraft stayed in international "
        "airspace. They landed at Olenya that evening.",
        DATE,
    )
    ends = _ends(analysis)
    assert "Olenya" in ends["Tu-142"]
    assert "Olenya" not in ends.get("F-35A", [])
