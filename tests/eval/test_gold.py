from __future__ import annotations

import json
from pathlib import Path

import pytest

from wirewatch.eval import GoldCountry, GoldError, GoldPlace, load_gold
from wirewatch.model import Document

SEED = Path(__file__).resolve().parents[1] / "gold" / "00-seed-an124-venezuela.json"


def _write(path: Path, data: object) -> Path:
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def _minimal(doc_id: str | None = "a", **expect: object) -> dict[str, object]:
    document: dict[str, object] = {"date": "2020-01-02", "text": "Troops left on Monday."}
    if doc_id:
        document["id"] = doc_id
    return {"document": document, "expect": expect}


def test_seed_gold_loads_with_every_kind():
    [seed] = load_gold(SEED)
    assert seed.id == "seed-an124-venezuela" and seed.path == SEED
    expect = seed.expect
    assert (
        len(expect.places),
        len(expect.dates),
        len(expect.events),
        len(expect.movements),
        len(expect.claims),
    ) == (9, 8, 4, 3, 3)
    assert expect.places[3].all_names[1] == "Simon Bolivar International Airport"
    first = expect.movements[0]
    assert isinstance(first.origin, GoldCountry) and first.origin.country == "RUS"
    assert isinstance(first.destination, GoldPlace)
    assert expect.events[2].date == "2019-01" and expect.events[1].reciprocal
    assert seed.exhaustive.movements and not seed.exhaustive.events
    doc = seed.to_document()
    assert isinstance(doc, Document) and doc.id == "seed-an124-venezuela"


def test_directory_loads_sorted_and_single_event_type_becomes_a_list(tmp_path: Path):
    _write(tmp_path / "b.json", _minimal("b", events=[{"event": "MOBILIZE"}]))
    _write(tmp_path / "a.json", _minimal("a"))
    (tmp_path / "notes.txt").write_text("not gold")
    golds = load_gold(tmp_path)
    assert [g.id for g in golds] == ["a", "b"]
    assert golds[1].expect.events[0].event == ["MOBILIZE"]
    assert not golds[0].exhaustive.places  # left out = not exhaustive


def test_document_without_id_gets_the_content_hash(tmp_path: Path):
    [gold] = load_gold(_write(tmp_path / "x.json", _minimal(None)))
    doc = gold.to_document()
    assert doc.id.startswith("doc_") and gold.id == doc.id
    assert doc.id == Document(date=doc.date, text=doc.text).id


@pytest.mark.parametrize(
    ("expect", "problem"),
    [
        ({"places": [{"name": "Riga"}]}, "lat"),
        ({"places": [{"names": [], "lat": 1, "lon": 2}]}, "name"),
        ({"places": [{"name": "Latvia", "lat": 57, "lon": 25, "feature": "country"}]}, "country"),
        ({"events": [{"event": "INVADE"}]}, "event"),
        ({"events": [{"event": "AID", "date": "2019-13"}]}, "2019-13"),
        ({"events": [{"event": "AID", "recipent_country": "VEN"}]}, "recipent_country"),
        ({"movements": [{"asset_model": "C-130"}]}, "destination"),
        ({"dates": [{"text": "Tuesday", "start": "2020-01-01", "end": "2020-01-01"}]}, "Tuesday"),
        ({"claims": [{"claimant": "x", "stance": "maybe"}]}, "stance"),
    ],
)
def test_malformed_gold_names_the_file_and_the_problem(tmp_path: Path, expect, problem):
    path = _write(tmp_path / "bad.json", _minimal(**expect))
    with pytest.raises(GoldError) as caught:
        load_gold(tmp_path)
    message = str(caught.value)
    assert str(path) in message and problem in message


def test_unreadable_inputs_are_gold_errors(tmp_path: Path):
    bad = tmp_path / "broken.json"
    bad.write_text("{not json")
    with pytest.raises(GoldError, match=r"broken\.json: not valid JSON"):
        load_gold(bad)
    _write(bad, [1, 2])
    with pytest.raises(GoldError, match="one JSON object"):
        load_gold(bad)
    with pytest.raises(GoldError, match="no such"):
        load_gold(tmp_path / "missing")
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(GoldError, match=r"no \*\.json"):
        load_gold(empty)


def test_repeated_document_ids_are_rejected(tmp_path: Path):
    _write(tmp_path / "a.json", _minimal("same"))
    _write(tmp_path / "b.json", _minimal("same"))
    with pytest.raises(GoldError, match=r"b\.json: document id 'same' repeats"):
        load_gold(tmp_path)
