"""The read routes return the contract's objects and apply every filter."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from wirewatch.model import Analysis
from wirewatch.store import Store


def _ids(client: TestClient, path: str, **params) -> list[str]:
    reply = client.get(f"/api/v1/{path}", params=params)
    assert reply.status_code == 200, reply.text
    body = reply.json()
    assert set(body) == {"items", "next_cursor"}
    key = {"events": "event", "movements": "movement", "claims": "claim"}.get(path)
    return [item[key]["id"] if key else item["id"] for item in body["items"]]


def _event_types(client: TestClient, **params) -> list[str]:
    reply = client.get("/api/v1/events", params=params)
    assert reply.status_code == 200, reply.text
    return [item["event"]["event"] for item in reply.json()["items"]]


def test_events_in_date_order_with_source_and_place(client: TestClient) -> None:
    items = client.get("/api/v1/events").json()["items"]
    assert [i["event"]["event"] for i in items] == ["MOBILIZE", "ACCUSE", "PROTEST"]
    first = items[0]
    assert first["outlet"] == "Test Wire" and first["document_date"] == "2019-03-25"
    assert first["place"]["name"] == "Caracas" and first["place"]["lat"] == 10.488
    assert first["event"]["evidence"][0]["text"].startswith("A Russian An-124")


def test_event_filters(client: TestClient) -> None:
    assert _event_types(client, type="ACCUSE") == ["ACCUSE"]
    assert _event_types(client, type=["ACCUSE", "protest"]) == ["ACCUSE", "PROTEST"]
    assert _event_types(client, type="ACCUSE,PROTEST") == ["ACCUSE", "PROTEST"]
    assert _event_types(client, since="2019-03-28", until="2019-03-31") == ["ACCUSE"]
    assert _event_types(client, country="fra") == ["PROTEST"]
    assert _event_types(client, country="VEN") == ["MOBILIZE"]
    assert _event_types(client, actor="united") == ["ACCUSE"]
    assert _event_types(client, outlet="second wire") == ["ACCUSE", "PROTEST"]
    assert _event_types(client, bbox="-10,40,10,60") == ["PROTEST"]
    assert _event_types(client, q="farmers") == ["PROTEST"]
    assert _event_types(client, text="reckless") == ["ACCUSE"]
    assert _event_types(client, asset="An-124") == []  # events carry no asset


def test_cursor_pages_cover_everything_once(client: TestClient) -> None:
    seen, cursor = [], None
    for _ in range(10):
        params = {"limit": 1, **({"cursor": cursor} if cursor else {})}
        body = client.get("/api/v1/events", params=params).json()
        seen += [item["event"]["id"] for item in body["items"]]
        cursor = body["next_cursor"]
        if cursor is None:
            break
    assert len(seen) == 3 and len(set(seen)) == 3
    assert seen == _ids(client, "events")


def test_documents_list_and_detail(client: TestClient, stored: list[Analysis]) -> None:
    ids = _ids(client, "documents")
    assert ids == [a.document.id for a in stored]
    assert _ids(client, "documents", outlet="Second Wire") == ids[1:]
    detail = client.get(f"/api/v1/documents/{ids[0]}").json()
    assert detail["document"]["text"] == stored[0].document.text
    analysis = detail["analysis"]
    assert analysis["claims"][0]["assessed"] == "doubted"
    assert analysis["events"][0]["attribution"]["claim"] == analysis["claims"][0]["id"]
    missing = client.get("/api/v1/documents/doc_nope")
    assert missing.status_code == 404 and "doc_nope" in missing.json()["detail"]


def test_movements_claims_places(client: TestClient) -> None:
    movements = client.get("/api/v1/movements", params={"asset": "an124"}).json()["items"]
    assert len(movements) == 3
    assert movements[0]["via"][0]["name"] == "Khmeimim"
    assert movements[0]["destination"]["name"] == "Caracas"
    assert _ids(client, "movements", type="ACCUSE") == []  # a movement counts as MOBILIZE
    claims = client.get("/api/v1/claims").json()["items"]
    assert [c["claim"]["stance"] for c in claims] == ["asserts", "denies"]
    assert len(_ids(client, "claims", country="RUS")) == 2
    names = [
        p["place"]["name"]
        for p in client.get("/api/v1/places", params={"country": "RUS"}).json()["items"]
    ]
    assert names == ["Moscow", "Moscow"]


def test_entities_come_from_resolve(resolved: TestClient) -> None:
    items = resolved.get("/api/v1/entities").json()["items"]
    names = [e["name"] for e in items]
    assert names == sorted(names, key=str.casefold)  # by name, as resolve pages them
    russia = next(e for e in items if e["name"] == "Russia")
    assert (russia["kind"], russia["country"], russia["kb"]) == ("GPE", "RUS", ["wikidata:Q159"])
    assert [a["name"] for a in russia["aliases"]] == ["Russia"]
    one = resolved.get(f"/api/v1/entities/{russia['id']}").json()
    assert one["id"] == russia["id"] and one["documents"] == 2  # counted when read alone
    assert resolved.get("/api/v1/entities/russia").json()["id"] == russia["id"]  # by alias
    assert resolved.get("/api/v1/entities/ent_missing").status_code == 404
    by_name = resolved.get("/api/v1/entities", params={"name": "RUSSIA"}).json()["items"]
    assert [e["id"] for e in by_name] == [russia["id"]]
    people = resolved.get("/api/v1/entities", params={"kind": "PERSON"}).json()["items"]
    assert [e["name"] for e in people] == ["a spokesman"]
    assert {
        e["country"]
        for e in resolved.get("/api/v1/entities", params={"country": "VEN"}).json()["items"]
    } == {"VEN"}
    assert resolved.get("/api/v1/entities", params={"kind": "NOPE"}).status_code == 400
    since = resolved.get("/api/v1/entities", params={"since": "2019-01-01"})
    assert since.status_code == 400 and "since" in since.json()["detail"]
    first = resolved.get("/api/v1/entities", params={"limit": 4}).json()
    rest = resolved.get(
        "/api/v1/entities", params={"limit": 100, "cursor": first["next_cursor"]}
    ).json()
    assert [e["id"] for e in first["items"] + rest["items"]] == [e["id"] for e in items]
    assert rest["next_cursor"] is None


def test_search_and_stats(client: TestClient, stored: list[Analysis]) -> None:
    hits = client.get("/api/v1/search", params={"q": "reckless escalation"}).json()["items"]
    assert [h["document_id"] for h in hits] == [stored[1].document.id]
    assert "<mark>" in hits[0]["snippet"]
    stats = client.get("/api/v1/stats").json()
    assert stats["documents"] == 3 and stats["movements"] == 3
    assert stats["events"] == {"ACCUSE": 1, "MOBILIZE": 1, "PROTEST": 1}
    assert stats["first_date"] == "2019-03-25" and stats["last_date"] == "2019-04-03"


def test_stories_come_from_resolve(client: TestClient, seeded) -> None:
    resolve = pytest.importorskip("wirewatch.resolve")
    assert client.get("/api/v1/stories").json()["items"] == []  # not resolved yet
    store = Store(seeded[0])
    resolve.rebuild(store)
    store.close()
    stories = client.get("/api/v1/stories").json()["items"]
    assert [s["event"] for s in stories] == ["MOBILIZE", "ACCUSE", "PROTEST"]
    assert stories[0]["sources"][0]["document_id"] == seeded[1][0].document.id
    only = client.get("/api/v1/stories", params={"type": "PROTEST"}).json()["items"]
    assert [s["event"] for s in only] == ["PROTEST"]
    one = client.get(f"/api/v1/stories/{stories[1]['id']}").json()
    assert one["id"] == stories[1]["id"]
    assert client.get("/api/v1/stories/sty_missing").status_code == 404
    event = client.get("/api/v1/events", params={"type": "ACCUSE"}).json()["items"][0]
    of_event = client.get(f"/api/v1/events/{event['document_id']}/{event['event']['id']}/story")
    assert of_event.json()["id"] == stories[1]["id"]
    assert client.get(f"/api/v1/events/{event['document_id']}/evt_x/story").status_code == 404
    unsupported = client.get("/api/v1/stories", params={"actor": "x"})
    assert unsupported.status_code == 400 and "actor" in unsupported.json()["detail"]
    assert client.get("/api/v1/stories", params={"min_sources": 0}).status_code == 400
