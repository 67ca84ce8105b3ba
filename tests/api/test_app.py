"""The app as a whole: construction does no I/O, UI and docs are served, no CORS, startup
objects frozen for the garbage collector while it serves."""

from __future__ import annotations

import gc
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
    for asset in (
        "vendor/leaflet/leaflet.js",
        "vendor/world-atlas/countries-110m.json",
        "js/main.js",
    ):
        assert client.get(f"/{asset}").status_code == 200, asset
    preflight = client.options(
        "/api/v1/events",
        headers={"Origin": "https://elsewhere.example", "Access-Control-Request-Method": "GET"},
    )
    assert "access-control-allow-origin" not in preflight.headers
    plain = client.get("/api/v1/events", headers={"Origin": "https://elsewhere.example"})
    assert "access-control-allow-origin" not in plain.headers


def test_startup_objects_are_kept_from_the_collector_while_serving(tmp_path: Path) -> None:
    """Full collections skip what was alive at startup while the app serves, and get it back
    at shutdown (so a process that builds many apps, as the tests do, can free them)."""
    gc.unfreeze()
    with TestClient(create_app(Settings(db=str(tmp_path / "gc.db")))) as client:
        assert gc.get_freeze_count() > 0
        assert client.get("/api/v1/events").status_code == 200
    assert gc.get_freeze_count() == 0
