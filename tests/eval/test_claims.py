from __future__ import annotations

from tests.eval.builders import analysis, claim, gold
from wirewatch.eval import score

TEXT = "An unnamed diplomatic source told Sputnik; the AP cited an official."


def _score(items, preds, exhaustive=True):
    g = gold(TEXT, {"claims": items}, {"claims": exhaustive})
    return score([(g, analysis(TEXT, claims=list(preds)))])


def test_claimant_fuzzy_match_token_set_ratio_at_least_80():
    item = {"claimant": "unnamed diplomatic source"}
    assert _score([item], [claim("c", "An Unnamed Diplomatic Source")]).claims.tp == 1
    assert _score([item], [claim("c", "diplomatic source")]).claims.tp == 1  # token subset
    assert _score([item], [claim("c", "Kremlin spokesman")]).claims.tp == 0
    # Either side of the threshold: 81.1 matches, 76.9 does not.
    assert (
        _score([{"claimant": "Kremlin spokesman"}], [claim("c", "Kremlin Spokesperson")]).claims.tp
        == 1
    )
    assert _score([{"claimant": "State Department"}], [claim("c", "State Dept")]).claims.tp == 0


def test_same_outlet_matches_when_claimants_differ():
    item = {"claimant": "anonymous Venezuelan official", "outlet": "Associated Press"}
    assert (
        _score([item], [claim("c", "a government official", outlet="associated press.")]).claims.tp
        == 1
    )
    # No outlet on one side: only the claimant can match.
    assert _score([item], [claim("c", "a government official")]).claims.tp == 0


def test_two_sources_quoted_by_one_outlet_each_take_their_own_prediction():
    items = [
        {"claimant": "defence ministry", "outlet": "Reuters"},
        {"claimant": "opposition lawmaker", "outlet": "Reuters"},
    ]
    preds = [
        claim("a", "opposition lawmaker", outlet="Reuters"),
        claim("b", "Defence Ministry", outlet="Reuters"),
    ]
    report = _score(items, preds)
    assert report.claims.tp == 2
    links = {(link.gold, link.pred) for link in report.per_document[0].alignment["claims"].matched}
    assert links == {(0, "b Defence Ministry"), (1, "a opposition lawmaker")}


def test_stance_and_assessed_accuracy_over_items_that_give_them():
    items = [
        {"claimant": "Sputnik source", "stance": "asserts", "assessed": "doubted"},
        {"claimant": "Kremlin", "stance": "denies"},
        {"claimant": "ImageSat International"},
    ]
    preds = [
        claim("a", "Sputnik source", assessed="supported"),
        claim("b", "the Kremlin", stance="denies"),
        claim("c", "ImageSat International", stance="denies"),
    ]
    report = _score(items, preds)
    assert report.claims.tp == 3
    assert (report.claims.stance.hits, report.claims.stance.total) == (2, 2)
    assert (report.claims.assessed.hits, report.claims.assessed.total) == (0, 1)
    assert report.figure("claims.assessed") == 0.0
