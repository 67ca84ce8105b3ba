"""B-cubed and pairwise scores on small cases worked by hand."""

from __future__ import annotations

import pytest

from wirewatch.eval.clusters import bcubed, pairwise


def test_bcubed_perfect_and_all_merged() -> None:
    gold = {"a": 1, "b": 1, "c": 2}
    assert bcubed(gold, {"a": "x", "b": "x", "c": "y"}).f1 == 1.0
    merged = bcubed(gold, {"a": "x", "b": "x", "c": "x"})
    # a, b: 2/3 precision each, c: 1/3; recall 1 for all.
    assert merged.precision == pytest.approx((2 / 3 + 2 / 3 + 1 / 3) / 3, abs=1e-4)
    assert merged.recall == 1.0


def test_bcubed_missing_prediction_is_a_singleton() -> None:
    result = bcubed({"a": 1, "b": 1}, {"a": "x"})
    assert result.precision == 1.0 and result.recall == 0.5


def test_pairwise_counts_pairs() -> None:
    gold = {"a": 1, "b": 1, "c": 1, "d": 2}
    # Predicted: {a, b}, {c, d}: gold pairs ab ac bc; predicted ab cd; one true pair.
    result = pairwise(gold, {"a": "x", "b": "x", "c": "y", "d": "y"})
    assert result.precision == 0.5 and result.recall == pytest.approx(1 / 3, abs=1e-4)
    assert pairwise({"a": 1, "b": 2}, {}).f1 == 1.0  # no pairs to get wrong
