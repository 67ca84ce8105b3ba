"""POST /api/v1/documents reads its body only for a valid token, never past the size limit,
and answers every fault of the body with a one-line 400 (too many documents: 413).

The size tests drive the ASGI app directly, as a server would, with a body that never
ends: they count what the app pulled, which a test client (it reads the whole body before
the app sees it) cannot show.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from wirewatch.api import create_app
from wirewatch.model import Analysis, Document
from wirewatch.settings import Settings

MIB = 1024 * 1024
HUGE = 200 * MIB
CEILING = 32 * MIB  # the most any POST body may be, whatever max_chars says
TOKEN = "body-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
BODY = {"text": "A Russian An-124 landed in Caracas.", "date": "2019-03-25"}


def _no_analysis(batch: list[Document]) -> list[Analysis | Exception]:
    """Nothing here gets as far as analysis: every request is refused before."""
    raise AssertionError(f"analysed {len(batch)} document(s)")


class EndlessBody:
    """An ASGI `receive` that hands out 1 MiB chunks up to `total` bytes, counting them."""

    def __init__(self, total: int = HUGE) -> None:
        self.total, self.pulled = total, 0
        self.chunk = b"x" * MIB

    async def __call__(self) -> dict[str, Any]:
        if self.pulled >= self.total:
            return {"type": "http.disconnect"}
        self.pulled += len(self.chunk)
        return {"type": "http.request", "body": self.chunk, "more_body": self.pulled < self.total}


def _post(app, headers: dict[str, str], body: EndlessBody) -> tuple[int, dict[str, str], bytes]:
    """One POST /api/v1/documents through the ASGI interface: status, headers, body."""
    sent: list[dict[str, Any]] = []

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "POST",
        "scheme": "http",
        "path": "/api/v1/documents",
        "raw_path": b"/api/v1/documents",
        "query_string": b"",
        "root_path": "",
        "client": ("127.0.0.1", 1234),
        "server": ("127.0.0.1", 8000),
        "headers": [(k.lower().encode(), v.encode()) for k, v in headers.items()],
    }
    asyncio.run(app(scope, body, send))
    start = next(m for m in sent if m["type"] == "http.response.start")
    content = b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")
    return start["status"], {k.decode(): v.decode() for k, v in start["headers"]}, content


@pytest.fixture
def app(tmp_path):
    return create_app(
        Settings(db=f"sqlite:///{tmp_path / 'body.db'}", token=TOKEN), analyser=_no_analysis
    )


def test_the_limit_follows_max_chars_up_to_a_ceiling() -> None:
    from wirewatch.api._body import BODY_CEILING, body_limit

    assert body_limit(Settings(max_chars=500_000)) == BODY_CEILING == CEILING  # the default
    small = body_limit(Settings(max_chars=1_000))
    assert small < CEILING
    assert body_limit(Settings(max_chars=2_000)) > small


def test_declared_length_over_the_limit_is_413_before_a_byte_is_read(app) -> None:
    body = EndlessBody()
    status, headers, content = _post(
        app, {**AUTH, "Content-Length": str(HUGE), "Content-Type": "application/json"}, body
    )
    assert status == 413 and body.pulled == 0
    assert "larger than" in json.loads(content)["detail"]
    assert headers["x-content-type-options"] == "nosniff"  # errors carry the headers too


def test_chunked_body_stops_being_read_past_the_limit(app) -> None:
    body = EndlessBody()  # no Content-Length: chunked, 200 MiB if read to the end
    status, _headers, content = _post(app, {**AUTH, "Content-Type": "application/json"}, body)
    assert status == 413, content
    assert body.pulled <= CEILING + MIB


@pytest.mark.parametrize(
    ("headers", "status"),
    [({}, 401), ({"Authorization": "Bearer wrong"}, 403), ({"Authorization": "Basic eDp5"}, 401)],
)
def test_no_valid_token_no_body_read(app, headers: dict[str, str], status: int) -> None:
    for length in ({"Content-Length": str(HUGE)}, {}):  # declared huge, or chunked
        body = EndlessBody()
        got, _headers, _content = _post(app, {**headers, **length}, body)
        assert (got, body.pulled) == (status, 0)


@pytest.fixture
def writer(app) -> Iterator[TestClient]:
    with TestClient(app) as client:
        yield client


def test_malformed_body_without_token_is_401_not_400(writer: TestClient) -> None:
    for content in (b"{{{ not json", b"[" * 100_000, b'{"date": 0}'):
        reply = writer.post(
            "/api/v1/documents", content=content, headers={"Content-Type": "application/json"}
        )
        assert reply.status_code == 401, reply.text


BAD_BODIES = [
    (b"", "empty"),
    (b"{not json", "not valid JSON"),
    (b"\xff\xfe\xfa", "not valid JSON"),
    (b"[" * 100_000 + b"]" * 100_000, "nested too deeply"),
    (b"42", "not int"),
    (b'"text"', "not str"),
    (b"null", "not NoneType"),
    (b"[]", "no document"),
    (b"[42]", "0: Input should be a valid dictionary"),
    (json.dumps({**BODY, "date": 0}).encode(), "date"),
    (json.dumps({**BODY, "date": "0999-12-31"}).encode(), "date"),
    (json.dumps({**BODY, "date": "2019-02-30"}).encode(), "date"),
    (json.dumps({**BODY, "text": " \n\t "}).encode(), "text"),
    (json.dumps({**BODY, "text": "a\u0000b"}).encode(), "NUL"),
    (json.dumps({**BODY, "text": "a\ud800b"}).encode(), "surrogate"),
    (json.dumps({**BODY, "id": "x" * 65}).encode(), "id"),
    (json.dumps({**BODY, "lang": "x" * 17}).encode(), "lang"),
    (json.dumps({**BODY, "colour": "red"}).encode(), "colour"),
    (json.dumps([BODY, {**BODY, "date": None}]).encode(), "1.date"),
]


@pytest.mark.parametrize(("content", "named"), BAD_BODIES)
def test_malformed_body_is_a_one_line_400(writer: TestClient, content: bytes, named: str) -> None:
    reply = writer.post(
        "/api/v1/documents", content=content, headers={**AUTH, "Content-Type": "application/json"}
    )
    assert reply.status_code == 400, reply.text
    assert "\n" not in reply.text and set(reply.json()) == {"detail"}
    assert named in reply.json()["detail"]
    assert writer.get("/api/v1/stats").json()["documents"] == 0


def test_too_many_documents_is_413_before_validation(writer: TestClient) -> None:
    reply = writer.post("/api/v1/documents", json=[{"junk": n} for n in range(101)], headers=AUTH)
    assert reply.status_code == 413 and "at most 100" in reply.json()["detail"]


def test_post_is_documented_with_its_body_and_no_422(writer: TestClient) -> None:
    post = writer.get("/openapi.json").json()["paths"]["/api/v1/documents"]["post"]
    schema = post["requestBody"]["content"]["application/json"]["schema"]
    assert {"$ref": "#/components/schemas/Document"} in schema["anyOf"]
    assert "422" not in post["responses"] and "4XX" in post["responses"]
