"""The export formats are one table: a format added to it is offered by the CLI and the API
with nothing else to change, and each shell reads its media type and file name from it."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from tests.api import seed
from wirewatch.api import create_app
from wirewatch.cli import main
from wirewatch.export import FORMATS, ExportOptions, TextFormat, TextSink, text_formats
from wirewatch.model import Analysis, Filters
from wirewatch.settings import Settings
from wirewatch.store import Store


def _ids(
    analyses: Iterable[Analysis], out: TextSink, filters: Filters, _options: ExportOptions
) -> int:
    count = 0
    for analysis in analyses:
        if filters.matches_document(analysis):
            out.write(analysis.document.id + "\n")
            count += 1
    return count


IDS = TextFormat("ids", "document ids", "text/plain", "ids.txt", _ids)


@pytest.fixture
def db(tmp_path: Path) -> Iterator[tuple[str, list[str]]]:
    url = f"sqlite:///{tmp_path / 'registry.db'}"
    with Store(url) as store:
        store.migrate()
        stored = seed.fill(store)
    yield url, sorted(a.document.id for a in stored)


@pytest.fixture
def with_ids(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(FORMATS, IDS.name, IDS)


def test_a_registered_format_is_offered_by_the_cli(db, with_ids, tmp_path, capsys) -> None:
    url, ids = db
    target = tmp_path / "out.txt"
    assert main(["--db", url, "export", "--format", "ids", "-o", str(target)]) == 0
    assert sorted(target.read_text().splitlines()) == ids
    assert main(["--db", url, "export", "--format", "nope"]) == 2
    assert "ids" in capsys.readouterr().err.split("choose one of")[1]


def test_a_registered_format_is_offered_by_the_api(db, with_ids) -> None:
    url, ids = db
    with TestClient(create_app(Settings(db=url))) as client:
        reply = client.get("/api/v1/export", params={"format": "ids"})
        assert reply.status_code == 200, reply.text
        assert reply.headers["content-type"].startswith("text/plain")
        assert 'filename="wirewatch-export.ids.txt"' in reply.headers["content-disposition"]
        assert sorted(reply.text.splitlines()) == ids
        refused = client.get("/api/v1/export", params={"format": "nope"})
        assert refused.status_code == 400 and "'ids'" in refused.json()["detail"]
        spec = client.get("/openapi.json").json()["paths"]["/api/v1/export"]["get"]
        [param] = [p for p in spec["parameters"] if p["name"] == "format"]
        assert "ids" in param["schema"]["enum"]


def test_the_api_offers_every_text_format_and_no_directory_format(db) -> None:
    url, _ = db
    with TestClient(create_app(Settings(db=url))) as client:
        spec = client.get("/openapi.json").json()["paths"]["/api/v1/export"]["get"]
        [param] = [p for p in spec["parameters"] if p["name"] == "format"]
        assert param["schema"]["enum"] == sorted(text_formats())
        assert "parquet" in FORMATS and "parquet" not in param["schema"]["enum"]
        assert client.get("/api/v1/export", params={"format": "parquet"}).status_code == 400
