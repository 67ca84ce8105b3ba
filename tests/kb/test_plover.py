"""kb/data/plover.yaml against the PLOVER manual (openeventdata/PLOVER, PLOVER_MANUAL.tex
@840dbef, draft 2.0): each type's mode table, quad subsection and the CAMEO cue-category table."""

from __future__ import annotations

import re

import pytest

from wirewatch.kb import load_kb
from wirewatch.model import CAMEO_ROOTS, PLOVER_TYPES

# The manual's mode tables (sections 3.1-3.16). A type the manual gives no modes is absent.
MANUAL_MODES: dict[str, list[str]] = {
    "CONSULT": ["visit", "third-party", "multilateral", "phone"],
    "RETREAT": ["withdraw", "release", "disarm", "ceasefire", "access", "resign"],
    "REQUEST": ["assist", "change", "yield", "meet"],
    "ACCUSE": ["disapprove", "investigate", "allege"],
    "REJECT": ["assist", "change", "yield", "meet"],
    "THREATEN": ["restrict", "arrest", "relations", "expel", "territory", "violence"],
    "PROTEST": ["demo", "riot", "strike", "hunger", "boycott", "obstruct", "vandalize"],
    "SANCTION": ["convict", "expel", "withdraw", "discontinue"],
    "MOBILIZE": ["troops", "weapons", "police", "militia"],
    "COERCE": [
        "seize",
        "restrict",
        "censor",
        "curfew",
        "martial-law",
        "arrest",
        "deport",
        "withhold",
        "misinformation",
        "cyber",
    ],
    "ASSAULT": [
        "abduct",
        "beat",
        "torture",
        "sexual",
        "targeted",
        "destroy",
        "primitive",
        "firearms",
        "explosives",
        "suicide-attack",
        "aerial",
        "drone",
        "heavy-weapons",
        "crowd-control",
        "unconventional",
    ],
}
# Each type's "Quad category" subsection.
MANUAL_QUADS: dict[str, str] = {
    **dict.fromkeys(["AGREE", "CONSULT", "SUPPORT", "CONCEDE"], "verbal_cooperation"),
    **dict.fromkeys(["COOPERATE", "AID", "RETREAT"], "material_cooperation"),
    **dict.fromkeys(["REQUEST", "ACCUSE", "REJECT", "THREATEN"], "verbal_conflict"),
    **dict.fromkeys(["PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"], "material_conflict"),
}
# Section 7.2 (with 20 -> ASSAULT per CAMEO2PLOVER-2021; 01 and 02 are dropped).
MANUAL_CAMEO: dict[str, list[str]] = {
    "03": ["AGREE"],
    "04": ["CONSULT"],
    "05": ["SUPPORT"],
    "06": ["COOPERATE"],
    "07": ["AID"],
    "08": ["CONCEDE", "RETREAT"],
    "09": ["ACCUSE"],
    "10": ["REQUEST"],
    "11": ["ACCUSE"],
    "12": ["REJECT"],
    "13": ["THREATEN"],
    "14": ["PROTEST"],
    "15": ["MOBILIZE"],
    "16": ["SANCTION"],
    "17": ["COERCE"],
    "18": ["ASSAULT"],
    "19": ["ASSAULT"],
    "20": ["ASSAULT"],
}


@pytest.fixture(scope="module")
def plover():
    return load_kb().plover


def test_the_manual_tables_cover_the_contract(plover) -> None:
    assert sorted(MANUAL_QUADS) == sorted(PLOVER_TYPES)
    assert set(MANUAL_MODES) <= set(PLOVER_TYPES)


@pytest.mark.parametrize("name", PLOVER_TYPES)
def test_modes_are_the_manuals(plover, name: str) -> None:
    assert plover.get(name).modes == MANUAL_MODES.get(name, [])


@pytest.mark.parametrize("name", PLOVER_TYPES)
def test_modes_are_unique_lowercase_names(plover, name: str) -> None:
    modes = plover.get(name).modes
    assert len(modes) == len(set(modes))
    assert all(re.fullmatch(r"[a-z]+(-[a-z]+)*", mode) for mode in modes)


def test_types_with_mode_tables_have_modes(plover) -> None:
    assert {t.type for t in plover.types if t.modes} == set(MANUAL_MODES)


def test_request_and_reject_share_their_modes(plover) -> None:
    assert plover.get("REQUEST").modes == plover.get("REJECT").modes


@pytest.mark.parametrize("name", PLOVER_TYPES)
def test_quads_follow_each_types_section(plover, name: str) -> None:
    assert plover.get(name).quad == MANUAL_QUADS[name]


def test_cameo_roots_follow_the_crosswalk(plover) -> None:
    assert {
        code: plover.for_cameo(code) for code in CAMEO_ROOTS if plover.for_cameo(code)
    } == MANUAL_CAMEO
    assert plover.for_cameo("01") == plover.for_cameo("02") == []
    assert plover.cameo_root("ACCUSE") == "11"


def test_every_row_cites_the_manual(plover) -> None:
    assert all("PLOVER_MANUAL.tex" in t.source for t in plover.types)
