"""Motion the lexicon's verbs do not name (issue 12): a verb it does not know, whose
preposition of direction takes a place, moves its asset subject; a verb of relation or one
with an object does not; "is now in X" is an arrival, "is in X" none. A part of a formation
named alone ("an advance party") is of the one formation the report names; what a formation
moves goes with it. Sentences of our own; legs as in test_route_grammar.py.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from tests.extract.test_route_grammar import DATE, Leg, legs_of

from wirewatch.model import Analysis

Analyze = Callable[..., Analysis]

CASES: list[tuple[str, list[Leg]]] = [
    # The manner is the verb's, the motion the preposition's.
    (
        "The submarine HMAS Farncomb slipped into Cockburn Sound on Monday.",
        [("Farncomb", None, [], "Cockburn Sound", "2024-05-06", None)],
    ),
    # "put down" is a landing.
    (
        "A Nigerien C-130H put down at Agadez on Monday.",
        [("C-130H", None, [], "Agadez", None, "2024-05-06")],
    ),
    # Being somewhere, said with a word of change, is having arrived there.
    (
        "The Russian ship Yantar is now alongside in Baltiysk.",
        [("Yantar", None, [], "Baltiysk", None, None)],
    ),
    # A hull-type abbreviation introduces a ship's name as a type noun does.
    (
        "The Italian LHD Trieste returned to Taranto from Souda Bay.",
        [("Trieste", "Souda Bay", [], "Taranto", None, None)],
    ),
    (
        "An Il-76MD, RF-78654, was seen shuttling from Hmeimim to Benina on Monday.",
        [("Il-76MD", "Hmeimim", [], "Benina", "2024-05-06", "2024-05-06")],
    ),
    # A part named alone moves the one formation the report names.
    (
        "Ireland's 124th Infantry Battalion begins its tour this month. An advance party "
        "flew from Dublin to Beirut on Monday.",
        [("124th Infantry Battalion", "Dublin", [], "Beirut", "2024-05-06", None)],
    ),
    # What a formation moves travels with it.
    (
        "Poland's 12th Mechanized Division moved six K9 howitzers from Szczecin to Drawsko "
        "Pomorskie on Monday.",
        [
            ("12th Mechanized Division", "Szczecin", [], "Drawsko Pomorskie", "2024-05-06", None),
            ("K9", "Szczecin", [], "Drawsko Pomorskie", "2024-05-06", None),
        ],
    ),
]

NO_TRIP = [
    "The corvette Soobrazitelny is in Baltiysk.",
    "The cruiser Varyag is already in service at Vladivostok.",
    "The frigate HMS Iron Duke belongs to the Portsmouth flotilla.",
    "The destroyer USS Mason fired two missiles into the Red Sea on Monday.",
    # An order or a plan to go is no trip yet.
    "The destroyer USS Gravely was ordered to the Red Sea but has not yet left Norfolk.",
]


@pytest.mark.parametrize(("text", "legs"), CASES, ids=[c[0][:40] for c in CASES])
def test_motion_by_direction(geocoded_text: Analyze, text: str, legs: list[Leg]) -> None:
    assert legs_of(geocoded_text(text, DATE)) == sorted(legs, key=repr)


@pytest.mark.parametrize("text", NO_TRIP)
def test_relation_or_object_is_no_trip(geocoded_text: Analyze, text: str) -> None:
    assert geocoded_text(text, DATE).movements == []
