"""`/tracks` serves the tracks `resolve` builds: one airframe's legs in order, each with every
report behind it; movements no report identifies form a per-model track of their own."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.api import seed
from wirewatch.api import create_app
from wirewatch.model import Analysis
from wirewatch.resolve import rebuild
from wirewatch.settings import Settings
from wirewatch.store import Store

IDENTIFIED = "RA82038|RUS"


def _keys(client: TestClient, **params) -> list[str]:
    reply = client.get("/api/v1/tracks", params=params)
    assert reply.status_code == 200, reply.text
    return [t["key"] for t in reply.json()["items"]]


def test_tracks_are_empty_until_resolved(client: TestClient) -> None:
    assert client.get("/api/v1/tracks").json() == {"items": [], "next_cursor": None}


def test_route_of_the_seeded_airframe(resolved: TestClient, stored: list[Analysis]) -> None:
    tracks = resolved.get("/api/v1/tracks").json()["items"]
    assert len(tracks) == 2 and tracks[0]["key"] == IDENTIFIED
    track = tracks[0]
    assert (
        track["model"],
        track["identifier"],
        track["operator_country"],
        track["identified"],
    ) == ("An-124", "RA-82038", "RUS", True)
    assert (track["start"], track["end"]) == ("2019-03-23", "2019-03-28")
    legs = track["legs"]
    assert [[s["document_id"] for s in leg["sources"]] for leg in legs] == [
        [stored[0].document.id],
        [stored[1].document.id],
    ]
    assert [(leg["arrive"], leg["depart"]) for leg in legs] == [
        ("2019-03-23", None),
        (None, "2019-03-28"),
    ]
    assert legs[0]["via"][0]["name"] == "Khmeimim"
    assert legs[0]["destination"] == {
        "name": "Caracas",
        "lat": 10.488,
        "lon": -66.879,
        "country": "VEN",
    }
    assert legs[1]["origin"]["name"] == "Caracas" and legs[1]["destination"]["name"] == "Moscow"
    first = legs[0]["sources"][0]
    assert first["outlet"] == "Test Wire" and first["evidence"][0]["text"].startswith("A Russian")
    assert first["movement_id"] == stored[0].movements[0].id
    assert resolved.get(f"/api/v1/tracks/{IDENTIFIED}").json() == track
    assert resolved.get("/api/v1/tracks/RA99999|RUS").status_code == 404


def test_an_unidentified_movement_has_its_model_track(
    resolved: TestClient, stored: list[Analysis]
) -> None:
    # The third report names no tail number: resolve does not guess the airframe.
    track = resolved.get("/api/v1/tracks").json()["items"][1]
    assert track["key"].startswith("model:") and track["identified"] is False
    assert (track["model"], track["identifier"], track["operator_country"]) == (
        "An-124",
        None,
        "RUS",
    )
    [leg] = track["legs"]
    assert leg["destination"]["name"] == "Moscow"
    assert [s["document_id"] for s in leg["sources"]] == [stored[2].document.id]
    # The key holds ':' and '|': it must round-trip through the path.
    assert resolved.get(f"/api/v1/tracks/{track['key']}").json() == track


def test_track_filters(resolved: TestClient) -> None:
    assert _keys(resolved, until="2019-03-31") == [IDENTIFIED]
    assert _keys(resolved, since="2019-04-01")[0].startswith("model:an124|RUS")
    assert _keys(resolved, asset="Tu-95") == []
    assert len(_keys(resolved, asset="an124")) == 2
    assert _keys(resolved, country="FRA") == []
    assert _keys(resolved, outlet="test wire") == [IDENTIFIED]  # outlet case is ignored
    assert len(_keys(resolved, outlet="Second Wire")) == 2
    assert _keys(resolved, outlet="Nobody") == []


def test_filters_tracks_do_not_take_are_refused(resolved: TestClient) -> None:
    for params, named in [
        ({"type": "MOBILIZE"}, "type"),
        ({"q": "Caracas"}, "q"),
        ({"actor": "Russia"}, "actor"),
        ({"bbox": "0,0,10,10"}, "bbox"),
    ]:
        reply = resolved.get("/api/v1/tracks", params=params)
        assert reply.status_code == 400, params
        assert named in reply.json()["detail"] and "asset" in reply.json()["detail"]


def _add_airframes(db_url: str, identifiers: list[str]) -> None:
    """Copies of the return leg flown by other airframes, then resolved again."""
    extra = seed.return_leg()
    store = Store(db_url)
    for n, ident in enumerate(identifiers):
        text = extra.document.text.replace("RA-82038", ident)
        doc = extra.document.model_copy(update={"id": f"doc_extra{n}", "text": text})
        mov = extra.movements[0].model_copy(
            update={"asset": extra.movements[0].asset.model_copy(update={"identifier": ident})}
        )
        seed.fill(store, [extra.model_copy(update={"document": doc, "movements": [mov]})])
    rebuild(store)
    store.close()


def _all_pages(client: TestClient, **params) -> list[str]:
    seen: list[str] = []
    cursor = None
    while True:
        params = {"limit": 1, **params}
        body = client.get(
            "/api/v1/tracks", params={**params, **({"cursor": cursor} if cursor else {})}
        ).json()
        assert len(body["items"]) <= params["limit"]
        seen += [t["key"] for t in body["items"]]
        cursor = body["next_cursor"]
        if cursor is None:
            return seen


def test_track_pages(seeded) -> None:
    _add_airframes(seeded[0], ["RA-82039", "RA-82040"])
    with TestClient(create_app(Settings(db=seeded[0]))) as client:
        everything = _keys(client)
        assert len(everything) == 4
        assert {"RA82039|RUS", "RA82040|RUS", IDENTIFIED} < set(everything)
        assert _all_pages(client) == everything
        # The outlet filter is applied over resolve's pages; its cursors page the same way.
        assert _all_pages(client, outlet="Second Wire") == everything
        assert _all_pages(client, outlet="Test Wire") == [IDENTIFIED]


def _told_by(track: dict, outlet: str) -> bool:
    return any(
        (s["outlet"] or "").casefold() == outlet.casefold()
        for leg in track["legs"]
        for s in leg["sources"]
    )


def test_outlet_filter_selects_and_pages_as_resolves_tracks_filtered(seeded) -> None:
    """The outlet filter is a join over the tracks' member reports: for every other filter
    it gives what filtering resolve's own tracks by the outlets behind their legs gives, in
    the same order, on pages of any size."""
    _add_airframes(seeded[0], ["RA-82039", "RA-82040"])
    with TestClient(create_app(Settings(db=seeded[0]))) as client:
        for params in [
            {},
            {"since": "2019-03-29"},
            {"until": "2019-03-28"},
            {"country": "RUS"},
            {"asset": "an-124"},
            {"country": "FRA"},
        ]:
            every = client.get("/api/v1/tracks", params={"limit": 1000, **params}).json()
            for outlet in ["Test Wire", "SECOND WIRE", "Nobody"]:
                expected = [t for t in every["items"] if _told_by(t, outlet)]
                reply = client.get(
                    "/api/v1/tracks", params={"limit": 1000, "outlet": outlet, **params}
                )
                assert reply.json() == {"items": expected, "next_cursor": None}, params
                for limit in (1, 2):
                    assert _all_pages(client, outlet=outlet, limit=limit, **params) == [
                        t["key"] for t in expected
                    ], (params, outlet, limit)
