"""Routes read where the parse fails them (issue 12): clauses the small parser misreads, trips
told without a verb, formations named by words, "it" after a clause about a ship and its
load, stops inside the country a trip went to, legs told without their verb, port calls
told with a light verb, ports named after their sea, and states that are no trips. One
sentence of our own per construction; a leg is (model, origin, via, destination, depart,
arrive) as in test_route_grammar.py.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from tests.extract.test_route_grammar import DATE, Leg, legs_of

from wirewatch.model import Analysis

Analyze = Callable[..., Analysis]

CASES: list[tuple[str, list[Leg]]] = [
    # "departed" read as an adjective of the place left: the route read in word order.
    (
        "An Il-76 departed Orenburg for Hmeimim on Monday.",
        [("Il-76", "Orenburg", [], "Hmeimim", "2024-05-06", None)],
    ),
    (
        "An An-124 departed Novosibirsk bound for Anadyr.",
        [("An-124", "Novosibirsk", [], "Anadyr", None, None)],
    ),
    # Tracking-log lines with no verb: the cue words and prepositions after the asset.
    (
        "Il-62M RA-86496 out of Vnukovo, routing via Tehran, ETA at Pyongyang around 2300 local.",
        [("Il-62M", "Vnukovo", ["Tehran"], "Pyongyang", None, None)],
    ),
    (
        "C-17A 07-7183 en route to Incirlik from Ramstein on Monday.",
        # (a flight on a day arrives that day: test_route_grammar.py's convention)
        [("C-17A", "Ramstein", [], "Incirlik", "2024-05-06", "2024-05-06")],
    ),
    # A load's "bound for" is no trip of its own: the craft that carries it lands.
    (
        "Two C-17s landed at Rzeszow carrying Patriot interceptors bound for Ukraine.",
        [("C-17", None, [], "Rzeszow", None, None)],
    ),
    # Formations named by words before an echelon noun.
    (
        "The Norrbotten Regiment moved by rail from Boden to Rovaniemi on Monday.",
        [("Norrbotten Regiment", "Boden", [], "Rovaniemi", "2024-05-06", None)],
    ),
    # "it" continues the ship the last sentence was about, not the tanks it loaded.
    (
        "USNS Bob Hope loaded Abrams tanks at Beaumont. It crossed the Atlantic and "
        "offloaded at Gdansk on Friday.",
        [
            ("Bob Hope", "Beaumont", ["Atlantic"], "Gdansk", None, "2024-05-10"),
            ("Abrams", "Beaumont", ["Atlantic"], "Gdansk", None, "2024-05-10"),
        ],
    ),
    # A stop inside the country the trip went to is where it went.
    (
        "A Libyan Il-76TD took off from Benina on Saturday and flew south into Chad. There "
        "it stopped at Amdjarass.",
        [("Il-76TD", "Benina", ["Chad"], "Amdjarass", "2024-05-04", None)],
    ),
    # "ferried" read as an adjective of the noun after it: that noun is still the load.
    (
        "A German A400M, 54+12, ferried members of Panzergrenadierbataillon 122 from "
        "Wunstorf to Kaunas.",
        [
            ("A400M", "Wunstorf", [], "Kaunas", None, None),
            ("Panzergrenadierbataillon 122", "Wunstorf", [], "Kaunas", None, None),
        ],
    ),
    # Legs told after "and" without their verb: going on is one trip, coming back another.
    (
        "A Russian An-124, RA-82044, hopped from Ulyanovsk to Novosibirsk on Monday and on "
        "to Anadyr on Tuesday.",
        [("An-124", "Ulyanovsk", ["Novosibirsk"], "Anadyr", "2024-05-06", "2024-05-07")],
    ),
    (
        "An Italian MQ-9A flew from Amendola to Malta and back.",
        [
            ("MQ-9A", "Amendola", [], "Malta", None, None),
            ("MQ-9A", "Malta", [], "Amendola", None, None),
        ],
    ),
    # A port call told with a light verb ends the trip as "called at" does.
    (
        "The frigate INS Tabar made a port call at Alexandria on Tuesday. She had sailed "
        "from Mumbai through the Suez Canal.",
        [("Tabar", "Mumbai", ["Suez Canal"], "Alexandria", None, "2024-05-07")],
    ),
    # "the <sea> port of <name>": the port is the place "of" names.
    (
        "HMS Kent arrived at the Red Sea port of Jeddah on Monday.",
        [("Kent", None, [], "Jeddah", None, "2024-05-06")],
    ),
    # "according to" names a source, never a route point.
    (
        "The destroyer USS Stout passed the Strait of Gibraltar with the carrier, according "
        "to U.S. Sixth Fleet.",
        [("Stout", None, [], "Strait of Gibraltar", None, None)],
    ),
]

# Where an asset lies is no trip to it; a word of change or a date makes it one.
AT_REST = [
    "The submarine Shin Chae-ho is berthed at Jinhae.",
    "Four F-16s are stationed at Aviano.",
]


@pytest.mark.parametrize(("text", "legs"), CASES, ids=[c[0][:40] for c in CASES])
def test_route_in_word_order(geocoded_text: Analyze, text: str, legs: list[Leg]) -> None:
    assert legs_of(geocoded_text(text, DATE)) == sorted(legs, key=repr)


@pytest.mark.parametrize("text", AT_REST)
def test_an_asset_at_rest_makes_no_trip(geocoded_text: Analyze, text: str) -> None:
    assert geocoded_text(text, DATE).movements == []


def test_a_word_of_change_makes_a_berthing_an_arrival(geocoded_text: Analyze) -> None:
    analysis = geocoded_text("The frigate Admiral Grigorovich is now moored in Tartus.", DATE)
    assert [leg[3] for leg in legs_of(analysis)] == ["Tartus"]


def test_a_fiscal_year_serial_is_no_date(geocoded_text: Analyze) -> None:
    """ "07-7183" is a USAF serial (fiscal year 2007), not July of the year 7183."""
    analysis = geocoded_text("C-17A 07-7183 landed at Ramstein.", DATE)
    assert not [d for d in analysis.dates if d.text == "07-7183"]


def test_a_kind_of_formation_is_no_formation(geocoded_text: Analyze) -> None:
    """Words of arm and echelon alone ("Mechanized Infantry Brigade") name no one unit."""
    analysis = geocoded_text("A Mechanized Infantry Brigade moved from Rukla to Pabrade.", DATE)
    assert analysis.movements == []


def test_a_route_slot_is_a_place_whatever_the_label(geocoded_text: Analyze) -> None:
    """ "are bound for Baltiysk", the name tagged as an organisation: the route word's
    "for" makes it a route point, which the gazetteer then resolves."""
    analysis = geocoded_text(
        "The Steregushchiy-class pair are bound for Baltiysk after a deployment.", DATE
    )
    assert "Baltiysk" in [p.name for p in analysis.places]


def test_a_speakers_label_is_no_place(geocoded_text: Analyze) -> None:
    """ "A:" opening an answer in a question-and-answer brief is who speaks, not a place,
    even right after a verb that takes a place ("enter the Mediterranean?")."""
    analysis = geocoded_text(
        "Q: Will the frigate IRIS Alvand enter the Mediterranean?\nA: Egypt has not "
        "authorised a Suez transit.",
        DATE,
    )
    assert "A" not in [p.name for p in analysis.places]
