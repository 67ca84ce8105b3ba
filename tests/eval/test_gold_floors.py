"""CI gate: analysis scores on the development gold set must not fall below their floors.

Floors live in tests/gold/floors.json and only ever move up (raise them when a change
improves a score). The seed's gold has floors of its own there too.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.geo.shared import resources_once
from wirewatch.analyze import Resources, analyze_many
from wirewatch.eval import check_floors, load_gold, score

ROOT = Path(__file__).parents[2]
FLOORS = json.loads((ROOT / "tests" / "gold" / "floors.json").read_text())
# A byte-identical copy of ../shared/spec/examples/seed.gold.json, so a clone needs nothing
# beside it; it is also part of the dev set (non-exhaustive kinds count for recall only).
SEED_GOLD = ROOT / "tests" / "gold" / "00-seed-an124-venezuela.json"

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def resources(tmp_path_factory: pytest.TempPathFactory) -> Resources:
    """The full pipeline with geocoding, on the session's gazetteer (built once)."""
    return resources_once(tmp_path_factory)


def _report(path: Path, resources):
    golds = load_gold(path)
    return score(zip(golds, analyze_many((g.to_document() for g in golds), resources),
                     strict=True))


def test_dev_gold_scores_hold_their_floors(resources):
    report = _report(ROOT / "tests" / "gold", resources)
    failures = check_floors(report, FLOORS["dev"])
    assert not failures, "\n".join(failures)


def test_seed_gold_scores_hold_their_floors(resources):
    report = _report(SEED_GOLD, resources)
    failures = check_floors(report, FLOORS["seed"])
    assert not failures, "\n".join(failures)
