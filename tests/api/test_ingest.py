"""POST /api/v1/documents exists only with a token, and only for its bearer."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from tests.samples import sample_analysis
from wirewatch.api import create_app
from wirewatch.model import Analysis, Document
from wirewatch.settings import Settings

TOKEN = "s3cret-token"
BODY = {
    "text": sample_analysis().document.text,
    "date": "2019-03-25",
    "outlet": "Test Wire",
    "title": "An-124 lands in Caracas",
    "url": "https://example.org/a",
}


def _analyser(batch: list[Document]) -> list[Analysis | Exception]:
    """Stands in for the spaCy pipeline: the hand-built analysis of the sample text."""
    out: list[Analysis | Exception] = []
    for doc in batch:
        if "fail" in doc.text:
            out.append(RuntimeError(f"analysis of {doc.id} failed"))
        else:
            out.append(sample_analysis().model_copy(update={"document": doc}))
    return out


@pytest.fixture
def writer(db_url: str) -> Iterator[TestClient]:
    with TestClient(create_app(Settings(db=db_url, token=TOKEN), analyser=_analyser)) as c:
        yield c


def test_without_token_setting_there_is_no_write_route(db_url: str) -> None:
    with TestClient(create_app(Settings(db=db_url))) as client:
        reply = client.post(
            "/api/v1/documents", json=BODY, headers={"Authorization": f"Bearer {TOKEN}"}
        )
        assert reply.status_code == 405
        assert client.get("/api/v1/documents").status_code == 200
        assert "post" not in client.get("/openapi.json").json()["paths"]["/api/v1/documents"]


def test_token_is_required_and_checked(writer: TestClient) -> None:
    missing = writer.post("/api/v1/documents", json=BODY)
    assert missing.status_code == 401 and missing.headers["www-authenticate"] == "Bearer"
    wrong = writer.post("/api/v1/documents", json=BODY, headers={"Authorization": "Bearer no"})
    assert wrong.status_code == 403 and wrong.json()["detail"] == "invalid token"
    assert writer.get("/api/v1/stats").json()["documents"] == 0


def test_post_analyses_and_stores(writer: TestClient) -> None:
    auth = {"Authorization": f"Bearer {TOKEN}"}
    reply = writer.post("/api/v1/documents", json=BODY, headers=auth)
    assert reply.status_code == 200, reply.text
    body = reply.json()
    assert body["analysed"] == 1 and body["results"][0]["outcome"] == "stored"
    doc_id = body["results"][0]["document_id"]
    detail = writer.get(f"/api/v1/documents/{doc_id}").json()
    assert detail["analysis"]["events"][0]["event"] == "MOBILIZE"
    stories = writer.get("/api/v1/stories").json()["items"]  # resolution ran on the new one
    assert [s["sources"][0]["document_id"] for s in stories] == [doc_id]
    again = writer.post(
        "/api/v1/documents",
        json=[BODY, {**BODY, "text": "It will fail.", "date": "2019-03-26"}],
        headers=auth,
    )
    results = again.json()
    assert [r["outcome"] for r in results["results"]] == ["duplicate", "rejected"]
    assert results["results"][1]["reason"] == "analysis_failed"
    assert results["analysed"] == 0 and "failed" in results["failures"][0]
    assert writer.get("/api/v1/stats").json()["rejects"] == {"analysis_failed": 1}


def test_post_of_a_new_text_under_a_stored_id_keeps_it_as_a_version(writer: TestClient) -> None:
    auth = {"Authorization": f"Bearer {TOKEN}"}
    first = {**BODY, "id": "wire-77"}
    assert writer.post("/api/v1/documents", json=first, headers=auth).status_code == 200
    changed = {**first, "text": BODY["text"].replace("An-124", "An-225", 1)}
    reply = writer.post("/api/v1/documents", json=changed, headers=auth).json()
    [result] = reply["results"]
    assert (result["outcome"], result["kind"], result["duplicate_of"]) == (
        "duplicate",
        "version",
        "wire-77",
    )
    assert writer.get("/api/v1/stats").json()["duplicates"] == {"version": 1}


def test_post_rejects_bad_documents(writer: TestClient) -> None:
    auth = {"Authorization": f"Bearer {TOKEN}"}
    no_date = writer.post("/api/v1/documents", json={"text": "x"}, headers=auth)
    assert no_date.status_code == 400 and "date" in no_date.json()["detail"]
    bad_date = writer.post("/api/v1/documents", json={**BODY, "date": "2019-02-30"}, headers=auth)
    assert bad_date.status_code == 400
    extra = writer.post("/api/v1/documents", json={**BODY, "colour": "red"}, headers=auth)
    assert extra.status_code == 400
    assert writer.post("/api/v1/documents", json=[], headers=auth).status_code == 400
