"""`/api/v1/export` streams the export writers' output under the listings' filters."""

from __future__ import annotations

import csv
import io
import json

from fastapi.testclient import TestClient


def test_csv_rows_follow_filters(client: TestClient) -> None:
    reply = client.get("/api/v1/export", params={"format": "csv"})
    assert reply.status_code == 200
    assert reply.headers["content-type"].startswith("text/csv")
    assert "attachment" in reply.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(reply.text)))
    assert sorted(r["event_type"] for r in rows) == ["ACCUSE", "MOBILIZE", "PROTEST"]
    only = client.get("/api/v1/export", params={"format": "csv", "country": "FRA"}).text
    assert [r["event_type"] for r in csv.DictReader(io.StringIO(only))] == ["PROTEST"]


def test_geojson_is_one_feature_collection(client: TestClient) -> None:
    body = client.get("/api/v1/export", params={"format": "geojson"}).json()
    assert body["type"] == "FeatureCollection"
    kinds = {f["geometry"]["type"] for f in body["features"]}
    assert {"Point", "LineString"} <= kinds
    by_type = client.get("/api/v1/export", params={"format": "geojson", "type": "PROTEST"})
    assert by_type.json()["features"]  # filtered, still a valid collection


def test_jsonl_and_plover(client: TestClient, stored) -> None:
    lines = client.get("/api/v1/export", params={"format": "jsonl"}).text.splitlines()
    assert [json.loads(line)["document"]["id"] for line in lines] == [a.document.id for a in stored]
    plover = client.get("/api/v1/export", params={"format": "plover", "since": "2019-04-01"})
    records = [json.loads(line) for line in plover.text.splitlines()]
    assert len(records) == 1 and "PROTEST" in json.dumps(records[0])


def test_large_export_streams_in_chunks(client: TestClient) -> None:
    with client.stream("GET", "/api/v1/export", params={"format": "jsonl"}) as reply:
        chunks = list(reply.iter_bytes())
    assert b"".join(chunks).count(b"\n") == 3
