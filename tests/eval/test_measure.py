from __future__ import annotations

import pytest

from wirewatch.eval.greedy import Candidate, greedy_match
from wirewatch.eval.measure import day_gap, haversine_km, model_key, name_key
from wirewatch.model import When


def test_haversine_known_distance():
    # Paris to London, about 344 km.
    assert haversine_km(48.8566, 2.3522, 51.5074, -0.1278) == pytest.approx(343.5, abs=1.0)
    assert haversine_km(10, 20, 10, 20) == 0.0


def test_name_and_model_keys():
    assert name_key("Capitán Manuel Ríos") == name_key("capitan manuel rios") == "capitanmanuelrios"
    assert name_key("U.S.") == name_key("US")
    assert name_key("Bogotá") != name_key("Bogor")
    assert model_key("Tu-95MS") == model_key("tu 95ms") == model_key("TU–95MS")
    assert model_key("S-300VM") != model_key("S-300")


def test_day_gap_against_intervals():
    import datetime as dt

    week = When(start=dt.date(2019, 3, 4), end=dt.date(2019, 3, 10), precision="range")
    assert day_gap("2019-03-07", week) == 0
    assert day_gap("2019-03-11", week) == 1 and day_gap("2019-03-03", week) == 1
    assert day_gap("2019-03-12", week) == 2
    assert day_gap("2019-02", week) == 4  # last of February to 4 March
    assert day_gap("2019-03-07", None) is None


def test_greedy_is_one_to_one_best_first_and_deterministic():
    cands = [
        Candidate(0, 0, (1,)),
        Candidate(0, 1, (2,)),
        Candidate(1, 1, (3,)),
        Candidate(1, 0, (0,)),
    ]
    assert [(c.gold, c.pred) for c in greedy_match(cands)] == [(1, 1), (0, 0)]
    tied = [Candidate(1, 0, (1,)), Candidate(0, 0, (1,))]
    assert [(c.gold, c.pred) for c in greedy_match(tied)] == [(0, 0)]
    shared = [Candidate(0, 0, (2,), claims=("x",)), Candidate(1, 1, (1,), claims=("x",))]
    assert [(c.gold, c.pred) for c in greedy_match(shared)] == [(0, 0)]


def test_gold_interval_days_and_months():
    import datetime as dt

    from wirewatch.eval.gold import gold_interval

    assert gold_interval("2019-03-23") == (dt.date(2019, 3, 23), dt.date(2019, 3, 23))
    assert gold_interval("2018-12") == (dt.date(2018, 12, 1), dt.date(2018, 12, 31))
    assert gold_interval("2020-02") == (dt.date(2020, 2, 1), dt.date(2020, 2, 29))
    for bad in ("2019-02-30", "2019-3", "March 2019"):
        with pytest.raises(ValueError):
            gold_interval(bad)
