"""Tracks group one airframe's movements across documents, in date order."""

from __future__ import annotations

import datetime as dt

from fastapi.testclient import TestClient

from tests.api import seed
from wirewatch.api._tracks import group
from wirewatch.model import Actor, Asset, Movement, When
from wirewatch.store import MovementRecord


def _record(doc: str, day: str, model: str | None, identifier: str | None,
            country: str | None = "RUS") -> MovementRecord:
    date = dt.date.fromisoformat(day)
    operator = Actor(name="x", country=country) if country else None
    movement = Movement(id=f"mov_{doc}", asset=Asset(kind="aircraft", model=model,
                                                     identifier=identifier, operator=operator),
                        depart=When(start=date, end=date, precision="day"))
    return MovementRecord(document_id=doc, document_date=date, movement=movement)


def test_route_of_the_seeded_airframe(client: TestClient, stored) -> None:
    tracks = client.get("/api/v1/tracks").json()["items"]
    assert len(tracks) == 1
    track = tracks[0]
    assert (track["model"], track["identifier"], track["operator_country"]) == \
        ("An-124", "RA-82038", "RUS")
    legs = track["legs"]
    assert [leg["document_id"] for leg in legs] == [a.document.id for a in stored]
    assert [leg["date"] for leg in legs] == ["2019-03-23", "2019-03-28", "2019-04-03"]
    assert legs[0]["via"][0]["name"] == "Khmeimim"
    assert legs[1]["origin"]["name"] == "Caracas" and legs[1]["destination"]["name"] == "Moscow"
    assert track["asset"]["reporting_name"] == "Condor"  # the richest description wins
    same = client.get(f"/api/v1/tracks/{track['id']}").json()
    assert same == track
    assert client.get("/api/v1/tracks/trk_missing").status_code == 404


def test_track_filters(client: TestClient) -> None:
    legs = client.get("/api/v1/tracks", params={"until": "2019-03-31"}).json()["items"][0]["legs"]
    assert len(legs) == 2
    assert client.get("/api/v1/tracks", params={"asset": "Tu-95"}).json()["items"] == []
    assert client.get("/api/v1/tracks", params={"outlet": "Second Wire"}).json()[
        "items"][0]["first_date"] == "2019-03-28"


def test_track_pages(seeded) -> None:
    # Two more airframes: four tracks, paged one at a time.
    db_url, _ = seeded
    from wirewatch.api import create_app
    from wirewatch.settings import Settings
    from wirewatch.store import Store

    extra = seed.return_leg()
    store = Store(db_url)
    for n, ident in enumerate(["RA-82039", "RA-82040"]):
        text = extra.document.text.replace("RA-82038", ident)
        doc = extra.document.model_copy(update={"id": f"doc_extra{n}", "text": text})
        mov = extra.movements[0].model_copy(update={"asset": extra.movements[0].asset.model_copy(
            update={"identifier": ident})})
        seed.fill(store, [extra.model_copy(update={"document": doc, "movements": [mov]})])
    store.close()
    with TestClient(create_app(Settings(db=db_url))) as client:
        seen, cursor = [], None
        while True:
            body = client.get("/api/v1/tracks", params={"limit": 1, **(
                {"cursor": cursor} if cursor else {})}).json()
            seen += [t["identifier"] for t in body["items"]]
            cursor = body["next_cursor"]
            if cursor is None:
                break
    # With three identified airframes, the leg without a tail number keeps its own track.
    assert len(seen) == 4 and set(seen) == {None, "RA-82038", "RA-82039", "RA-82040"}


def test_unidentified_legs_join_a_single_airframe_only() -> None:
    one = group([_record("a", "2019-01-01", "Il-76", "RA-1"),
                 _record("b", "2019-01-03", "IL76", None)])
    assert len(one) == 1 and [leg.document_id for leg in one[0].legs] == ["a", "b"]
    two = group([_record("a", "2019-01-01", "Il-76", "RA-1"),
                 _record("b", "2019-01-02", "Il-76", "RA-2"),
                 _record("c", "2019-01-03", "Il-76", None)])
    assert sorted((t.identifier or "", len(t.legs)) for t in two) == \
        [("", 1), ("RA-1", 1), ("RA-2", 1)]


def test_operator_country_and_model_separate_tracks() -> None:
    tracks = group([_record("a", "2019-01-02", "C-17A", None, "USA"),
                    _record("b", "2019-01-01", "C-17A", None, "QAT"),
                    _record("c", "2019-01-01", None, "X-1"),  # no model: not trackable
                    _record("d", "2019-01-05", "C-130J", None, "USA")])
    assert [(t.model, t.operator_country) for t in tracks] == \
        [("C-17A", "QAT"), ("C-17A", "USA"), ("C-130J", "USA")]
    assert tracks[0].first_date == dt.date(2019, 1, 1)
