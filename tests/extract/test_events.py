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
    lexicon = load_kb().table("events")
    assert {t.event for t in lexicon.triggers} == set(PLOVER_TYPES)
    assert all(t.source.strip() for t in lexicon.triggers)


def test_deployment_with_recipient_date_and_anaphora(analyze_text: Analyze) -> None:
    analysis = analyze_text(
        "Venezuela faces a crisis. In January 2019, Russia reportedly sent mercenaries to the "
        "country.", date="2019-03-25")
    (event,) = _events(analysis, "MOBILIZE")
    assert _countries(event.actor) == ["RUS"] and _countries(event.recipient) == ["VEN"]
    assert event.when is not None and (str(event.when.start), str(event.when.end)) == \
        ("2019-01-01", "2019-01-31")
    assert event.cameo == "15" and not event.negated
    assert event.attribution.hedge == "reportedly"


@pytest.mark.parametrize(("text", "kind"), [
    ("Turkey accused Greece of violating its airspace on Monday.", "ACCUSE"),
    ("Germany imposed sanctions on Belarus on Monday.", "SANCTION"),
    ("Russian jets bombed Idlib on Monday.", "ASSAULT"),
    ("France withdrew its troops from Mali on Monday.", "RETREAT"),
    ("Japan and Australia signed a defence agreement on Monday.", "AGREE"),
    ("The Chinese foreign minister met his Indian counterpart in Delhi on Monday.", "CONSULT"),
    ("Poland called on Germany to send tanks to Ukraine.", "REQUEST"),
    ("Iran threatened Israel with retaliation on Monday.", "THREATEN"),
])
def test_trigger_types(analyze_text: Analyze, text: str, kind: str) -> None:
    analysis = analyze_text(text, date="2024-03-06")
    found = _events(analysis, kind)
    assert found, [e.event for e in analysis.events]
    assert found[0].actor and found[0].actor[0].country


def test_reciprocal_parties(analyze_text: Analyze) -> None:
    analysis = analyze_text("Russia and Venezuela signed an agreement on military "
                            "cooperation on Monday.", date="2019-03-25")
    agree = _events(analysis, "AGREE")
    assert agree
    parties = set(_countries(agree[0].actor + agree[0].recipient))
    assert parties == {"RUS", "VEN"}


def test_place_from_location_argument(analyze_text: Analyze) -> None:
    analysis = analyze_text("Turkish officials met Russian diplomats in Ankara on Tuesday.",
                            date="2024-03-06")
    (event,) = _events(analysis, "CONSULT")
    place = analysis.place(event.place)
    assert place is not None and place.name == "Ankara"
    assert event.when is not None and str(event.when.start) == "2024-03-05"


def test_negated_and_speculative_are_marked(analyze_text: Analyze) -> None:
    analysis = analyze_text(
        "Russia did not send troops to Venezuela. The United States could launch strikes on "
        "Iran. China will visit Brazil next week.", date="2024-03-06")
    sent = _events(analysis, "MOBILIZE")
    assert sent and all(e.negated for e in sent)
    others = [e for e in analysis.events if e.event in {"ASSAULT", "CONSULT"}]
    assert others and all(e.attribution.status == "speculated" for e in others)


def test_repeated_mentions_are_one_event(analyze_text: Analyze) -> None:
    analysis = analyze_text(
        "Russia deployed troops to Belarus on Monday. The deployment of Russian troops to "
        "Belarus on Monday alarmed Poland.", date="2024-03-06")
    assert len(_events(analysis, "MOBILIZE")) == 1


def test_no_events_from_captions(analyze_text: Analyze) -> None:
    analysis = analyze_text(
        "Troops stayed in their barracks on Monday.\n\nJohn Smith/AP Photo Russian troops "
        "attacked the village in 2014.", date="2024-03-06")
    assert not _events(analysis, "ASSAULT")
