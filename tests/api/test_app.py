"""The app as a whole: construction does no I/O, UI and docs are served, no CORS."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient

from wirewatch.api import create_app
from wirewatch.settings import Settings


def test_building_the_app_opens_no_database(tmp_path: Path) -> None:
    path = tmp_path / "later.db"
    app = create_app(Settings(db=str(path)))
    assert not path.exists()
    with TestClient(app) as client:
        assert client.get("/api/v1/events").json() == {"items": [], "next_cursor": None}
    assert path.exists()


def test_ui_docs_and_no_cors(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200 and "<title>wirewatch" in page.text
    assert client.get("/docs").status_code == 200
    paths = client.get("/openapi.json").json()["paths"]
    assert {"/api/v1/events", "/api/v1/tracks", "/api/v1/export"} <= set(paths)
    for asset in ("vendor/leaflet/leaflet.js", "vendor/world-atlas/countries-110m.json",
                  "js/main.js"):
        assert client.get(f"/{asset}").status_code == 200, asset
    preflight = client.options("/api/v1/events", headers={
        "Origin": "https://elsewhere.example", "Access-Control-Request-Method": "GET"})
    assert "access-control-allow-origin" not in preflight.headers
    plain = client.get("/api/v1/events", headers={"Origin": "https://elsewhere.example"})
    assert "access-control-allow-origin" not in plain.headers
