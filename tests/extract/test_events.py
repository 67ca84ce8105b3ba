"""Events: type, parties, date, place, negation, speculation, merging, captions."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from wirewatch.kb import load_kb
from wirewatch.model import PLOVER_TYPES, Analysis, Event

Analyze = Callable[..., Analysis]


def _events(analysis: Analysis, kind: str) -> list[Event]:
    return [e for e in analysis.events if e.event == kind]


def _countries(actors) -> list[str | None]:
    return [a.country for a in actors]


def test_lexicon_covers_all_sixteen_types() -> None:
    lexicon = load_kb().events
    assert {t.event for t in lexicon.triggers} == set(PLOVER_TYPES)
    assert all(t.source.strip() for t in lexicon.triggers)


def test_deployment_with_recipient_date_and_anaphora(analyze_text: Analyze) -> None:
    analysis = analyze_text(
        "Venezuela faces a crisis. In January 2019, Russia reportedly sent mercenaries to the "
        "country.",
        date="2019-03-25",
    )
    (event,) = _events(analysis, "MOBILIZE")
    assert _countries(event.actor) == ["RUS"] and _countries(event.recipient) == ["VEN"]
    assert event.when is not None and (str(event.when.start), str(event.when.end)) == (
        "2019-01-01",
        "2019-01-31",
    )
    assert event.cameo == "15" and not event.negated
    assert event.attribution.hedge == "reportedly"


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Turkey accused Greece of violating its airspace on Monday.", "ACCUSE"),
        ("Germany imposed sanctions on Belarus on Monday.", "SANCTION"),
        ("Russian jets bombed Idlib on Monday.", "ASSAULT"),
        ("France withdrew its troops from Mali on Monday.", "RETREAT"),
        ("Japan and Australia signed a defence agreement on Monday.", "AGREE"),
        ("The Chinese foreign minister met his Indian counterpart in Delhi on Monday.", "CONSULT"),
        ("Poland called on Germany to send tanks to Ukraine.", "REQUEST"),
        ("Iran threatened Israel with retaliation on Monday.", "THREATEN"),
    ],
)
def test_trigger_types(analyze_text: Analyze, text: str, kind: str) -> None:
    analysis = analyze_text(text, date="2024-03-06")
    found = _events(analysis, kind)
    assert found, [e.event for e in analysis.events]
    assert found[0].actor and found[0].actor[0].country


def test_reciprocal_parties(analyze_text: Analyze) -> None:
    analysis = analyze_text(
        "Russia and Venezuela signed an agreement on military cooperation on Monday.",
        date="2019-03-25",
    )
    agree = _events(analysis, "AGREE")
    assert agree
    parties = set(_countries(agree[0].actor + agree[0].recipient))
    assert parties == {"RUS", "VEN"}


def test_place_from_location_argument(analyze_text: Analyze) -> None:
    analysis = analyze_text(
        "Turkish officials met Russian diplomats in Ankara on Tuesday.", date="2024-03-06"
    )
    (event,) = _events(analysis, "CONSULT")
    place = analysis.place(event.place)
    assert place is not None and place.name == "Ankara"
    assert event.when is not None and str(event.when.start) == "2024-03-05"


def test_negated_and_speculative_are_marked(analyze_text: Analyze) -> None:
    analysis = analyze_text(
        "Russia did not send troops to Venezuela. The United States could launch strikes on "
        "Iran. China will visit Brazil next week.",
        date="2024-03-06",
    )
    sent = _events(analysis, "MOBILIZE")
    assert sent and all(e.negated for e in sent)
    others = [e for e in analysis.events if e.event in {"ASSAULT", "CONSULT"}]
    assert others and all(e.attribution.status == "speculated" for e in others)


def test_repeated_mentions_are_one_event(analyze_text: Analyze) -> None:
    analysis = analyze_text(
        "Russia deployed troops to Belarus on Monday. The deployment of Russian troops to "
        "Belarus on Monday alarmed Poland.",
        date="2024-03-06",
    )
    assert len(_events(analysis, "MOBILIZE")) == 1


def test_no_events_from_captions(analyze_text: Analyze) -> None:
    analysis = analyze_text(
        "Troops stayed in their barracks on Monday.\n\nJohn Smith/AP Photo Russian troops "
        "attacked the village in 2014.",
        date="2024-03-06",
    )
    assert not _events(analysis, "ASSAULT")


def _parties(event: Event) -> set[str | None]:
    return set(_countries(event.actor + event.recipient))


def test_dateline_is_not_the_actor(analyze_text: Analyze) -> None:
    analysis = analyze_text(
        "OSLO, Norway — Sweden accused Denmark on Monday of spying.", date="2024-03-06"
    )
    (event,) = _events(analysis, "ACCUSE")
    assert _countries(event.actor) == ["SWE"] and _countries(event.recipient) == ["DNK"]


@pytest.mark.parametrize(
    ("text", "kind", "country"),
    [
        ("LIMA, Peru — Police arrested three protesters on Monday.", "COERCE", "PER"),
        (
            "QUITO, Ecuador — Thousands of students marched through the capital on Monday.",
            "PROTEST",
            "ECU",
        ),
    ],
)
def test_local_body_belongs_to_the_dateline(
    analyze_text: Analyze, text: str, kind: str, country: str
) -> None:
    (event,) = _events(analyze_text(text, date="2024-03-06"), kind)
    assert country in _countries(event.actor)


def test_a_state_acting_at_home_keeps_its_own_recipient(analyze_text: Analyze) -> None:
    analysis = analyze_text(
        "LIMA, Peru — Police arrested three protesters on Monday.", date="2024-03-06"
    )
    (event,) = _events(analysis, "COERCE")
    assert _countries(event.recipient) == ["PER"]


def test_pronoun_subject_of_a_report_is_the_speaker(analyze_text: Analyze) -> None:
    analysis = analyze_text(
        "The US military said it carried out an airstrike against "
        "militants near Kismayo on Sunday.",
        date="2024-03-06",
    )
    (event,) = _events(analysis, "ASSAULT")
    assert _countries(event.actor) == ["USA"]


def test_a_vow_answers_whoever_acted_on_the_actor(analyze_text: Analyze) -> None:
    analysis = analyze_text(
        "Russia seized a Norwegian trawler on Monday. Oslo vowed to retaliate.", date="2024-03-06"
    )
    (threat,) = _events(analysis, "THREATEN")
    assert _countries(threat.actor) == ["NOR"] and _countries(threat.recipient) == ["RUS"]


def test_habitual_and_ongoing_states_are_not_events(analyze_text: Analyze) -> None:
    analysis = analyze_text(
        "Turkey, which trains Somali soldiers, said nothing. Qatar has "
        "mediated between them since 2020.",
        date="2024-03-06",
    )
    assert not _events(analysis, "COOPERATE") and not _events(analysis, "CONSULT")


def test_strikes_on_two_places_and_days_stay_apart(analyze_text: Analyze) -> None:
    analysis = analyze_text(
        "Israeli jets struck Beirut on Friday. Israeli drones struck Damascus on Saturday.",
        date="2024-03-06",
    )
    strikes = _events(analysis, "ASSAULT")
    assert [_countries(e.recipient) for e in strikes] == [["LBN"], ["SYR"]]


def test_outcome_participle_is_part_of_the_attack(analyze_text: Analyze) -> None:
    analysis = analyze_text(
        "Russian drones struck Odesa on Monday, killing three people.", date="2024-03-06"
    )
    (event,) = _events(analysis, "ASSAULT")
    assert _countries(event.actor) == ["RUS"]


def test_attack_by_unnamed_gunmen_is_reported(analyze_text: Analyze) -> None:
    analysis = analyze_text(
        "Gunmen killed two police officers in Kandahar on Sunday.", date="2024-03-06"
    )
    (event,) = _events(analysis, "ASSAULT")
    assert not event.actor and event.place is not None
    assert event.when is not None and str(event.when.start) == "2024-03-03"


def test_relative_clause_actor_and_the_two_sides(analyze_text: Analyze) -> None:
    hosted = analyze_text(
        "China, which hosted talks between the two sides in Beijing in January, stayed silent.",
        date="2024-03-06",
    )
    (talks,) = _events(hosted, "CONSULT")
    assert _countries(talks.actor) == ["CHN"]
    agreed = analyze_text(
        "Greece's prime minister met Turkey's president in Ankara on Monday. "
        "The two sides agreed to expand trade.",
        date="2024-03-06",
    )
    (deal,) = _events(agreed, "AGREE")
    assert _parties(deal) == {"GRC", "TUR"}


@pytest.mark.parametrize(
    ("text", "kind", "actor", "recipient"),
    [
        ("Romania summoned Russia's ambassador on Monday.", "ACCUSE", "ROU", "RUS"),
        ("Algeria withdrew its ambassador from Madrid on Monday.", "SANCTION", "DZA", "ESP"),
        ("Ukraine and Russia exchanged 90 prisoners on Monday.", "RETREAT", "UKR", "RUS"),
        ("India handed over a corvette to Vietnam in July.", "AID", "IND", "VNM"),
        ("Spain turned down a Moroccan request on Monday.", "REJECT", "ESP", "MAR"),
        ("India struck a deal with Japan on Monday.", "AGREE", "IND", "JPN"),
    ],
)
def test_added_lexicon_rows(
    analyze_text: Analyze, text: str, kind: str, actor: str, recipient: str
) -> None:
    analysis = analyze_text(text, date="2024-03-06")
    found = _events(analysis, kind)
    assert found, [e.event for e in analysis.events]
    assert actor in _countries(found[0].actor) and recipient in _countries(found[0].recipient)
    assert not _events(analysis, "ASSAULT")  # "struck a deal" is no attack


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Peru's president ordered 2,000 troops to Cusco on Monday.", "MOBILIZE"),
        ("Ecuador's president declared a state of emergency on Monday.", "COERCE"),
    ],
)
def test_orders_and_declarations(analyze_text: Analyze, text: str, kind: str) -> None:
    (event,) = _events(analyze_text(text, date="2024-03-06"), kind)
    assert event.actor and event.actor[0].country


def test_a_government_protesting_is_not_a_demonstration(analyze_text: Analyze) -> None:
    analysis = analyze_text("Turkey protested the decision on Monday.", date="2024-03-06")
    assert not _events(analysis, "PROTEST")


def test_places_prefer_the_named_spot(analyze_text: Analyze) -> None:
    met = analyze_text(
        "Leaders of Serbia and Kosovo met on the Greek island of Corfu on Monday.",
        date="2024-03-06",
    )
    (talks,) = _events(met, "CONSULT")
    place = met.place(talks.place)
    assert place is not None and place.name == "Corfu"
    assert _parties(talks) == {"SRB", "XKX"}
    riot = analyze_text(
        "Protesters attacked the embassies of France and Britain in Senegal on Monday.",
        date="2024-03-06",
    )
    (attack,) = _events(riot, "ASSAULT")
    place = riot.place(attack.place)
    assert place is not None and place.name == "Senegal"


def test_lead_event_happens_at_the_dateline(analyze_text: Analyze) -> None:
    analysis = analyze_text(
        "BRUSSELS — EU ministers adopted sanctions against Iran on Monday.", date="2024-03-06"
    )
    (event,) = _events(analysis, "SANCTION")
    place = analysis.place(event.place)
    assert place is not None and place.name.casefold() == "brussels"


def test_a_press_note_is_datelined_under_its_headings(analyze_text: Analyze) -> None:
    analysis = analyze_text(
        "COUNCIL OF THE EU | Press release\n\nNew listings agreed\n\n"
        "BRUSSELS, 4 March 2024 — EU ministers adopted sanctions against Iran on Monday.",
        date="2024-03-06",
    )
    (event,) = _events(analysis, "SANCTION")
    place = analysis.place(event.place)
    assert place is not None and place.name.casefold() == "brussels"


def test_hours_later_carries_the_date_across_paragraphs(analyze_text: Analyze) -> None:
    analysis = analyze_text(
        "Iran seized a tanker on Tuesday.\n\nHours later the US Navy "
        "dispatched a destroyer to the Gulf of Oman.",
        date="2024-03-06",
    )
    (event,) = _events(analysis, "MOBILIZE")
    assert event.when is not None and str(event.when.start) == "2024-03-05"


def test_definite_noun_recipient_points_back(analyze_text: Analyze) -> None:
    analysis = analyze_text(
        "Two US Air Force B-52H bombers arrived at RAF Fairford on Tuesday. "
        "Russian Su-27 fighters intercepted the bombers near Kaliningrad.",
        date="2024-03-06",
    )
    (event,) = _events(analysis, "COERCE")
    assert _countries(event.actor) == ["RUS"] and _countries(event.recipient) == ["USA"]


def test_call_as_the_setting_of_an_agreement(analyze_text: Analyze) -> None:
    analysis = analyze_text(
        "Mexico's president agreed to the deployment in a phone call with "
        "US President Donald Trump on Monday.",
        date="2024-03-06",
    )
    (agree,) = _events(analysis, "AGREE")
    (call,) = _events(analysis, "CONSULT")
    assert _parties(agree) == _parties(call) == {"MEX", "USA"}


def test_accidents_are_not_attacks(analyze_text: Analyze) -> None:
    accident = analyze_text(
        "The collapse of a station canopy killed 15 people in November.", date="2024-03-06"
    )
    assert not _events(accident, "ASSAULT")
    attack = analyze_text(
        "A group of men armed with bats attacked students in Belgrade on Monday.", date="2024-03-06"
    )
    assert len(_events(attack, "ASSAULT")) == 1
