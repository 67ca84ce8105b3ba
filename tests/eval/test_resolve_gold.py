"""Resolution gold (stories and entities beside a gold set): reading it, scoring plain
predictions against it, and its figures in the report and the floors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from wirewatch.eval import (
    PRF,
    EvalReport,
    FloorsError,
    ResolveGoldError,
    UnknownFigure,
    check_floors,
    load_floors,
    load_resolve_gold,
    score_entities,
    score_stories,
)

STORIES = {
    "corpus": "corpus",
    "stories": [
        {"id": "S1", "event": ["ASSAULT"], "members": ["a", "b", "c"]},
        {"id": "S2", "event": ["MOBILIZE", "AID"], "members": ["d", "dated/e.txt"]},
    ],
    "singletons": [{"document": "f", "event": ["ASSAULT"]}],
    "documents": {"f": {"path": "feeds/wire.rss", "locator": "item 2"}},
}
ENTITIES = {
    "corpus": "corpus",
    "groups": [
        {
            "id": "haddad",
            "kind": "PERSON",
            "country": "JOR",
            "mentions": [["a", "Amira Haddad"], ["b", "Haddad"], ["c", "Minister Haddad"]],
        },
        {"id": "tripoli-lb", "kind": "GPE", "mentions": [["d", "Tripoli"]]},
    ],
}


def _gold_dir(tmp_path: Path, stories: object = STORIES, entities: object = ENTITIES) -> Path:
    (tmp_path / "corpus").mkdir(parents=True)
    gold = tmp_path / "gold"
    (gold / "resolve").mkdir(parents=True)
    if stories is not None:
        (gold / "resolve" / "stories.json").write_text(json.dumps(stories))
    if entities is not None:
        (gold / "resolve" / "entities.json").write_text(json.dumps(entities))
    return gold


def test_resolution_gold_is_found_beside_the_gold_files(tmp_path: Path) -> None:
    gold = load_resolve_gold(_gold_dir(tmp_path))
    assert gold is not None and gold.stories is not None and gold.entities is not None
    # The corpus path is relative to the gold file or one of its parents.
    assert gold.corpora() == [tmp_path / "corpus"]
    assert gold.stories.locations()["f"] == ("feeds/wire.rss", "item 2")
    assert gold.stories.locations()["dated/e.txt"] == ("dated/e.txt", None)
    assert len(gold.stories.items()) == 6 and len(gold.entities.labels()) == 4


def test_no_resolution_gold_is_none(tmp_path: Path) -> None:
    assert load_resolve_gold(tmp_path) is None
    single = tmp_path / "one.json"
    single.write_text("{}")
    assert load_resolve_gold(single) is None
    only = load_resolve_gold(_gold_dir(tmp_path / "x", entities=None))
    assert only is not None and only.entities is None and only.stories is not None


def test_malformed_or_inconsistent_resolution_gold_names_the_file(tmp_path: Path) -> None:
    bad = dict(STORIES, stories=[{"id": "S1", "event": ["INVADE"], "members": ["a"]}])
    with pytest.raises(ResolveGoldError, match=r"stories\.json: not valid"):
        load_resolve_gold(_gold_dir(tmp_path / "bad", stories=bad))
    other = dict(ENTITIES, corpus="elsewhere")
    (tmp_path / "two" / "elsewhere").mkdir(parents=True)
    with pytest.raises(ResolveGoldError, match="different corpora"):
        load_resolve_gold(_gold_dir(tmp_path / "two", entities=other))
    with pytest.raises(ResolveGoldError, match=r"stories\.json: corpus 'nope' not found"):
        load_resolve_gold(_gold_dir(tmp_path / "gone", stories=dict(STORIES, corpus="nope")))


def test_story_items_take_the_biggest_story_of_a_listed_type(tmp_path: Path) -> None:
    gold = load_resolve_gold(_gold_dir(tmp_path))
    assert gold is not None and gold.stories is not None
    memberships = {
        "a": [("sty_1", "ASSAULT", 3), ("sty_9", "ASSAULT", 1)],
        "b": [("sty_1", "ASSAULT", 3)],
        "c": [("sty_2", "CONSULT", 2)],  # not a type of S1: c is a predicted singleton
        "d": [("sty_3", "AID", 2)],
        "dated/e.txt": [("sty_3", "MOBILIZE", 2)],
        "f": [("sty_1", "ASSAULT", 3)],  # the singleton merged into S1's story
    }
    scores = score_stories(gold.stories, memberships)
    # a, b: cluster {a, b, f} -> P 2/3, R 2/3; c: P 1, R 1/3; d, e: P 1, R 1; f: P 1/3, R 1.
    assert scores.items == 6
    assert scores.precision == pytest.approx((2 / 3 * 2 + 1 + 2 + 1 / 3) / 6, abs=1e-4)
    assert scores.recall == pytest.approx((2 / 3 * 2 + 1 / 3 + 2 + 1) / 6, abs=1e-4)
    assert score_stories(gold.stories, {}).recall == pytest.approx(
        (1 / 3 * 3 + 1 / 2 * 2 + 1) / 6, abs=1e-4
    )


def test_entity_mentions_score_pairwise(tmp_path: Path) -> None:
    gold = load_resolve_gold(_gold_dir(tmp_path))
    assert gold is not None and gold.entities is not None
    found = {
        ("a", "Amira Haddad"): "ent_1",
        ("b", "Haddad"): "ent_1",
        ("c", "Minister Haddad"): "ent_2",
        ("d", "Tripoli"): "ent_2",
    }
    scores = score_entities(gold.entities, found)
    # Gold pairs: ab ac bc; predicted: ab, cd; one right.
    assert (scores.precision, scores.items) == (0.5, 4)
    assert scores.recall == pytest.approx(1 / 3, abs=1e-4)


def test_report_figures_table_and_floors_cover_stories_and_entities() -> None:
    report = EvalReport(stories=PRF.of(0.9, 0.8, 45), entities=PRF.of(1.0, 0.85, 28))
    assert report.figure("stories.recall") == 0.8
    assert report.figure("entities.f1") == pytest.approx(0.9189, abs=1e-4)
    assert report.figures()["stories.precision"] == 0.9
    assert "stories.f1" not in EvalReport().figures()  # no resolution gold: no such figure
    with pytest.raises(UnknownFigure):
        report.figure("stories.items")
    assert check_floors(report, {"stories.f1": 0.84, "entities.precision": 1.0}) == []
    assert check_floors(report, {"stories.recall": 0.81}) == ["stories.recall 0.80 < floor 0.81"]
    shown = EvalReport().to_table()
    assert all(row != "stories" for row in shown.columns[0]._cells)
    rows = report.to_table().columns[0]._cells
    assert rows[-2:] == ["stories", "entities"]
    assert EvalReport.model_validate_json(report.model_dump_json()) == report
    # Without a resolution gold the figures are not measured, which a floor reports.
    assert check_floors(EvalReport(), {"stories.f1": 0.5}) == [
        "stories.f1 not measured (floor 0.5)"
    ]


def test_floors_file_with_sections(tmp_path: Path) -> None:
    path = tmp_path / "floors.json"
    path.write_text(
        json.dumps(
            {"dev": {"events.f1": 0.7, "stories": {"f1": 0.85}}, "seed": {"places.recall": 1.0}}
        )
    )
    assert load_floors(path, "dev") == {"events.f1": 0.7, "stories.f1": 0.85}
    assert load_floors(path, "seed") == {"places.recall": 1.0}
    with pytest.raises(FloorsError, match=r"sections \(dev, seed\)"):
        load_floors(path)
    with pytest.raises(FloorsError, match="no floors section 'held-out'"):
        load_floors(path, "held-out")
    flat = tmp_path / "flat.json"
    flat.write_text(json.dumps({"events": {"f1": 0.5}, "entities.f1": 0.9}))
    assert load_floors(flat) == {"events.f1": 0.5, "entities.f1": 0.9}
