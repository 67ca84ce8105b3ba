"""The cue table's text lookups (kb/data/geo_cues.yaml), used by the places step."""

from __future__ import annotations

import pytest

from wirewatch.kb import default_kb


@pytest.fixture(scope="module")
def cues():
    return default_kb().geo_cues


@pytest.mark.parametrize(
    ("text", "name", "ship"),
    [
        ("The destroyer USS Carney sailed", "Carney", True),
        ("passage for the frigate Admiral Essen and a tanker", "Essen", True),
        ("the tanker arrived at Tartus on Monday", "Tartus", False),
        ("troops in Caracas", "Caracas", False),
    ],
)
def test_ship_names(cues, text: str, name: str, ship: bool) -> None:
    assert cues.ship_name_at(text, text.index(name)) is ship


def test_class_names(cues) -> None:
    text = "the Delhi-class destroyer and the port of Delhi"
    assert cues.class_name_at(text, text.index("Delhi") + 5)
    assert not cues.class_name_at(text, len(text))


def test_cue_core_and_locatives(cues) -> None:
    assert cues.has_cue("Cam Ranh International Port")
    assert cues.cue_core("Cam Ranh International Port") == "Cam Ranh"
    assert cues.cue_core("Khmeimim air base") == "Khmeimim"
    assert not cues.has_cue("Caracas")
    assert cues.locative("at") == "strong" and cues.locative("port of") == "strong"
    assert cues.locative("from") == "weak" and cues.locative("said") is None
    lengths = [len(w) for w, _ in cues.extending_cues()]
    assert lengths == sorted(lengths, reverse=True)  # longest cue first
