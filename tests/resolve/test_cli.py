"""The resolve commands end to end on a real store (both backends)."""

from __future__ import annotations

import json

import pytest

import wirewatch.cli.resolve  # noqa: F401  (registers the commands until cli/__init__ does)
from tests.resolve.builders import Report, when
from wirewatch import resolve
from wirewatch.cli import main
from wirewatch.cli._state import STATE
from wirewatch.store import Store


@pytest.fixture
def filled(store: Store, db_url: str) -> str:
    for i, (outlet, toll) in enumerate([("Wire A", "Six"), ("Wire B", "Four")]):
        r = Report(f"c{i}", f"2026-10-1{8 + i}", outlet)
        p = r.place("Mosul", 36.3 + i / 10, 43.1, "IRQ")
        r.event(
            "ASSAULT",
            f"{toll} people were killed by a drone near Mosul.",
            when("2026-10-17"),
            [("Turkey", "TUR")],
            place=p,
        )
        r.entity("Khmeimim" if i else "Hmeimim", "FAC", "SYR")
        d = r.place("Benina", 32.1, 20.27, "LBY", "airport")
        r.movement(
            "An-124", "RUS", identifier="RA-82038", destination=d, arrive=f"2026-10-0{5 + 2 * i}"
        )
        store.save_analysis(r.analysis())
    return db_url


def run(db: str, *args: str, capsys) -> str:
    # The CLI state caches settings across main() calls in one process (see the report).
    STATE._settings = None
    assert main(["--db", db, *args]) == 0
    return capsys.readouterr().out


def test_rebuild_then_stories_story_tracks_entities(filled: str, capsys) -> None:
    STATE._settings = None
    assert main(["--db", filled, "rebuild"]) == 0
    assert "1 stories" in capsys.readouterr().err
    lines = run(filled, "stories", "--json", "--type", "ASSAULT", capsys=capsys).splitlines()
    stories = [json.loads(line) for line in lines]
    assert len(stories) == 1 and stories[0]["source_count"] == 2
    shown = run(filled, "story", stories[0]["id"], capsys=capsys)
    assert "killed" in shown and "Wire B" in shown
    track = [
        json.loads(x)
        for x in run(filled, "track", "RA-82038", "--json", capsys=capsys).splitlines()
    ]
    assert [len(t["legs"]) for t in track] == [2]
    assert "An-124" in run(filled, "tracks", capsys=capsys)
    listed = [json.loads(x) for x in run(filled, "entities", "--json", capsys=capsys).splitlines()]
    # Places are entities too: the Benina airport, and one Khmeimim under both spellings.
    assert sorted(e["name"] for e in listed if e["kind"] == "FAC")[0] == "Benina"
    assert [
        sorted(a["name"] for a in e["aliases"])
        for e in listed
        if e["kind"] == "FAC" and e["name"] != "Benina"
    ] == [["Hmeimim", "Khmeimim"]]
    entity = json.loads(run(filled, "entity", "Hmeimim", "--json", capsys=capsys))
    assert {a["name"] for a in entity["aliases"]} == {"Hmeimim", "Khmeimim"}


def test_entity_split_and_errors(filled: str, capsys) -> None:
    with Store(filled) as store:
        resolve.rebuild(store)
        base = resolve.entity(store, "Khmeimim")
    assert base is not None
    assert "is now entity" in run(filled, "entity", "split", base.id, "Hmeimim", capsys=capsys)
    entity = json.loads(run(filled, "entity", "Hmeimim", "--json", capsys=capsys))
    assert [a["name"] for a in entity["aliases"]] == ["Hmeimim"]
    rest = json.loads(run(filled, "entity", "Khmeimim", "--json", capsys=capsys))
    STATE._settings = None
    assert main(["--db", filled, "entity", "split", rest["id"], "Nowhere"]) == 2
    assert main(["--db", filled, "story", "sty_missing"]) == 2
