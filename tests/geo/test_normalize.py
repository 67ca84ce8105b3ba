"""Name keys: one key for the spellings news uses of one name."""

from __future__ import annotations

import pytest

from wirewatch.geo.normalize import NameKeys, is_latin
from wirewatch.kb import default_kb

_keys = NameKeys(default_kb().geo_cues)
key, skeleton = _keys.key, _keys.skeleton


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("St. Petersburg", "Saint Petersburg"),
        ("Capitán Manuel Ríos Airbase", "Capitan Manuel Rios Air Base"),
        ("U.S.", "US"),
        ("the United States", "United States"),
        ("Venezuela’s", "Venezuela"),
        ("Côte d’Ivoire", "Cote d'Ivoire"),
        ("Ft. Worth", "Fort Worth"),
    ],
)
def test_spellings_share_a_key(a: str, b: str) -> None:
    assert key(a) == key(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Khmeimim", "Hmeimim"),
        ("Tartous", "Tartus"),
        ("Latakiya", "Latakia"),
        ("Donbass", "Donbas"),
        ("Al-Udeid", "Udeid"),
        ("Hodeidah", "Hodeida"),
        ("Jeddah", "Jedda"),
    ],
)
def test_transliterations_share_a_skeleton(a: str, b: str) -> None:
    assert skeleton(key(a)) == skeleton(key(b))


@pytest.mark.parametrize(("a", "b"), [("Paris", "Perm"), ("Iran", "Iraq"), ("Niger", "Nigeria")])
def test_different_names_stay_apart(a: str, b: str) -> None:
    assert skeleton(key(a)) != skeleton(key(b))


def test_a_single_letter_is_not_joined_to_a_word() -> None:
    assert key("A Coruña") == "a coruna"


def test_latin_script_check() -> None:
    assert is_latin("Maiquetía")
    assert not is_latin("Каракас")
    assert not is_latin("-")
