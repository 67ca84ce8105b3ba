"""Events whose doer the text leaves unnamed, aid carried by a flight, flights as shows of
force: each rule with its nearest negative (negated, hypothetical or not an act at all).

Sentences are the test authors' own. Checks that need a place's country (an attack with no
doer named hits, and a local fight is fought by, the country where it happened) run with
geocoding on.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from wirewatch.kb import load_kb
from wirewatch.kb.tables.events import Table
from wirewatch.model import Analysis, Event

Analyze = Callable[..., Analysis]


@pytest.fixture(scope="module")
def geocoded(geocoded_text: Analyze) -> Analyze:
    """The full pipeline with geocoding on (places get countries)."""

    def run(text: str, date: str = "2025-03-10") -> Analysis:
        return geocoded_text(text, date)

    return run


def _asserted(analysis: Analysis, kind: str) -> list[Event]:
    """Events of a kind the scorer counts: neither negated nor speculated."""
    return [
        e
        for e in analysis.events
        if e.event == kind and not e.negated and e.attribution.status != "speculated"
    ]


def _of(analysis: Analysis, kind: str) -> list[Event]:
    return [e for e in analysis.events if e.event == kind]


def _countries(actors) -> list[str | None]:
    return [a.country for a in actors]


def _place_name(analysis: Analysis, event: Event) -> str | None:
    place = analysis.place(event.place)
    return place.name if place is not None else None


# --- killed in fighting: an agentless passive with a violent cause ---------------------


def test_killed_in_fighting_is_an_attack_by_the_local_sides(geocoded: Analyze) -> None:
    analysis = geocoded(
        "Nine people were killed in clashes in Benghazi on Sunday, the health ministry said."
    )
    (event,) = _asserted(analysis, "ASSAULT")
    assert _place_name(analysis, event) == "Benghazi"
    assert _countries(event.actor) == ["LBY"] and _countries(event.recipient) == ["LBY"]
    assert event.when is not None and str(event.when.start) == "2025-03-09"


def test_wounded_in_named_shelling_takes_the_shelling_side(analyze_text: Analyze) -> None:
    analysis = analyze_text(
        "Three civilians were wounded in Russian shelling of a market on Monday.", date="2025-03-10"
    )
    (event,) = _asserted(analysis, "ASSAULT")
    assert _countries(event.actor) == ["RUS"]


@pytest.mark.parametrize(
    "text",
    [
        "Three people were killed in a bus crash near Benghazi on Sunday.",
        "Two fishermen were killed in a storm off Benghazi on Sunday.",
    ],
)
def test_killed_in_an_accident_is_no_attack(geocoded: Analyze, text: str) -> None:
    assert not _of(geocoded(text), "ASSAULT")


def test_no_one_killed_in_fighting_is_negated(geocoded: Analyze) -> None:
    analysis = geocoded("No one was killed in clashes in Benghazi on Sunday.")
    assert _of(analysis, "ASSAULT") and not _asserted(analysis, "ASSAULT")


def test_killed_in_fighting_if_talks_fail_is_hypothetical(geocoded: Analyze) -> None:
    analysis = geocoded("Dozens could be killed in fighting in Benghazi if the talks fail.")
    assert not _asserted(analysis, "ASSAULT")


def test_killed_in_the_attack_repeats_the_attack(geocoded: Analyze) -> None:
    analysis = geocoded(
        "Gunmen attacked a checkpoint in Benghazi on Sunday. Two guards were killed in the attack."
    )
    assert len(_asserted(analysis, "ASSAULT")) == 1


# --- a ceasefire declared with no party named --------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "A truce was declared in Benghazi on Sunday after two days of fighting.",
        "A ceasefire came into force on Sunday.",
        "A ceasefire took effect on Sunday.",
    ],
)
def test_a_ceasefire_stated_as_done_is_an_agreement(analyze_text: Analyze, text: str) -> None:
    (event,) = _asserted(analyze_text(text, date="2025-03-10"), "AGREE")
    assert event.actor == [] and event.mode is None  # PLOVER v2.0 AGREE has no modes
    assert event.when is not None and str(event.when.start) == "2025-03-09"


def test_a_ceasefire_timed_against_fighting_happened_where_it_was(geocoded: Analyze) -> None:
    analysis = geocoded(
        "Eleven people were killed in fighting in Benghazi before a "
        "ceasefire was declared yesterday."
    )
    (agree,) = _asserted(analysis, "AGREE")
    assert _place_name(analysis, agree) == "Benghazi"
    assert _asserted(analysis, "ASSAULT")


@pytest.mark.parametrize(
    "text",
    [
        "A ceasefire was proposed on Sunday.",
        "A ceasefire could be declared on Sunday.",
        "No ceasefire was declared on Sunday.",
        "A ceasefire was not declared on Sunday.",
        "The ceasefire held for a second day on Sunday.",
    ],
)
def test_a_ceasefire_not_stated_as_done_is_none(analyze_text: Analyze, text: str) -> None:
    assert not _asserted(analyze_text(text, date="2025-03-10"), "AGREE")


def test_the_ceasefire_declared_repeats_the_agreement(analyze_text: Analyze) -> None:
    analysis = analyze_text(
        "Armenia and Azerbaijan agreed a ceasefire on Sunday. The ceasefire was declared at noon.",
        date="2025-03-10",
    )
    assert len(_asserted(analysis, "AGREE")) == 1


# --- an armed attack noun with no doer named ---------------------------------------------


def test_a_condemned_drone_strike_is_an_attack(geocoded: Analyze) -> None:
    analysis = geocoded("Lebanon condemned a drone strike near Tyre on Sunday.")
    (event,) = _asserted(analysis, "ASSAULT")
    assert event.actor == [] and _place_name(analysis, event) == "Tyre"
    assert _countries(event.recipient) == ["LBN"]


def test_an_airstrike_that_killed_is_an_attack(geocoded: Analyze) -> None:
    analysis = geocoded("An airstrike on a market in Tyre killed six people on Sunday.")
    (event,) = _asserted(analysis, "ASSAULT")
    assert _place_name(analysis, event) == "Tyre"


@pytest.mark.parametrize(
    "text",
    [
        "Officials warned of a drone strike near Tyre.",
        "A drone strike near Tyre would be a grave escalation, officials said.",
        "A strike at the port of Tyre halted traffic on Sunday.",
        "Lebanon condemned a possible drone strike near Tyre.",
    ],
)
def test_an_attack_noun_not_told_as_fact_is_none(geocoded: Analyze, text: str) -> None:
    assert not _asserted(geocoded(text), "ASSAULT")


# --- aid carried by a flight or a ship ---------------------------------------------------


def test_a_plane_landing_with_relief_supplies_delivers_aid(geocoded: Analyze) -> None:
    """No catalogued model, so no movement to derive it from: the clause itself tells it."""
    analysis = geocoded(
        "A Spanish Air Force transport plane landed in Beirut on Monday with "
        "15 tonnes of medical supplies."
    )
    (event,) = _asserted(analysis, "AID")
    assert _countries(event.actor) == ["ESP"] and _countries(event.recipient) == ["LBN"]
    assert _place_name(analysis, event) == "Beirut"


def test_a_plane_carrying_tents_delivers_aid(analyze_text: Analyze) -> None:
    analysis = analyze_text(
        "A Spanish military plane carrying tents and blankets touched down in Beirut on Monday.",
        date="2025-03-10",
    )
    (event,) = _asserted(analysis, "AID")
    assert _countries(event.actor) == ["ESP"]


def test_aid_carried_for_a_place_goes_to_its_country(geocoded: Analyze) -> None:
    analysis = geocoded(
        "The Turkish navy ship TCG Sancaktar sailed from Mersin on Monday "
        "with 300 tonnes of food for Gaza."
    )
    (event,) = _asserted(analysis, "AID")
    assert _countries(event.actor) == ["TUR"] and _countries(event.recipient) == ["PSE"]


@pytest.mark.parametrize(
    "text",
    [
        "A Spanish Air Force transport plane landed in Beirut on Monday with 150 passengers.",
        "A Spanish Air Force transport plane will land in Beirut on Monday with medical supplies.",
        "A Spanish Air Force transport plane did not land in Beirut on Monday with medical "
        "supplies.",
    ],
)
def test_no_aid_without_relief_cargo_or_arrival(analyze_text: Analyze, text: str) -> None:
    assert not _asserted(analyze_text(text, date="2025-03-10"), "AID")


def test_sent_aid_is_no_answer_to_earlier_aid(analyze_text: Analyze) -> None:
    """ "Italy sent aid" names what it gave: its recipient is not whoever gave aid before."""
    analysis = analyze_text(
        "Germany sent aid to Sudan on Friday. Italy sent aid on Saturday.", date="2025-03-10"
    )
    italy = [e for e in _asserted(analysis, "AID") if _countries(e.actor) == ["ITA"]]
    assert italy and all("DEU" not in _countries(e.recipient) for e in italy)


# --- flights carried out by bombers ------------------------------------------------------


def test_a_planned_flight_carried_out_is_a_show_of_force(analyze_text: Analyze) -> None:
    analysis = analyze_text(
        "Two Chinese H-6 bombers carried out a planned flight over the East China Sea on Tuesday.",
        date="2025-03-10",
    )
    (event,) = _asserted(analysis, "MOBILIZE")
    assert _countries(event.actor) == ["CHN"]
    assert _place_name(analysis, event) == "East China Sea"


@pytest.mark.parametrize(
    "text",
    [
        "China plans to carry out a flight over the East China Sea next week.",
        "Two Chinese H-6 bombers did not carry out a planned flight over the East China Sea.",
        "The Chinese airline completed its first flight to Beirut on Tuesday.",
        "All flights by Chinese bombers are conducted over international waters.",
    ],
)
def test_no_show_of_force_from_other_flights(analyze_text: Analyze, text: str) -> None:
    assert not _asserted(analyze_text(text, date="2025-03-10"), "MOBILIZE")


# --- negation on a subject or an object, places of relative and light-verb clauses -------


def test_no_determiner_on_the_object_negates(analyze_text: Analyze) -> None:
    analysis = analyze_text("Russia sent no troops to Mali.", date="2025-03-10")
    assert _of(analysis, "MOBILIZE") and not _asserted(analysis, "MOBILIZE")


def test_a_relative_where_clause_happens_at_its_antecedent(geocoded: Analyze) -> None:
    analysis = geocoded(
        "Tension is rising in Kosovo, where gunmen killed a police officer on Sunday."
    )
    (event,) = _asserted(analysis, "ASSAULT")
    assert _place_name(analysis, event) == "Kosovo"


def test_a_light_verb_clause_states_where(geocoded: Analyze) -> None:
    analysis = geocoded(
        "The US military said it carried out an airstrike on Sunday against "
        "militants about 40 km north of Kismayo."
    )
    (event,) = _asserted(analysis, "ASSAULT")
    place = analysis.place(event.place)
    assert place is not None and place.feature == "point"


def test_a_row_naming_an_unknown_word_class_is_rejected() -> None:
    data = load_kb().events.model_dump(by_alias=True)
    data["triggers"][0]["agentless"] = "no_such_class"
    with pytest.raises(ValueError, match="no_such_class"):
        Table.model_validate(data)
