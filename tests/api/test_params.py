"""Bad input is a 4xx whose message names the parameter, never a 500."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

BAD = [
    ("events", {"since": "2019-02-30"}, "since"),
    ("events", {"until": "yesterday"}, "until"),
    ("events", {"since": "2019-04-01", "until": "2019-03-01"}, "after until"),
    ("events", {"type": "EXPLODE"}, "EXPLODE"),
    ("events", {"bbox": "1,2,3"}, "bbox"),
    ("events", {"bbox": "10,0,0,10"}, "bbox"),
    ("events", {"bbox": "a,b,c,d"}, "bbox"),
    ("events", {"bbox": "-200,0,0,10"}, "bbox"),
    ("events", {"country": "Russia"}, "country"),
    ("events", {"cursor": "not-a-cursor"}, "cursor"),
    ("events", {"cursor": "WzFd"}, "cursor"),  # valid base64 JSON, wrong key size
    ("events", {"limit": "0"}, "limit"),
    ("events", {"limit": "1001"}, "limit"),
    ("events", {"limit": "ten"}, "limit"),
    ("movements", {"since": "2019-13-01"}, "since"),
    ("documents", {"cursor": "%%%"}, "cursor"),
    ("claims", {"limit": "-1"}, "limit"),
    ("places", {"bbox": "0,0,1"}, "bbox"),
    ("tracks", {"cursor": "bm9wZQ"}, "cursor"),
    ("entities", {"cursor": "eyJvZmZzZXQiOiAtMX0"}, "cursor"),
    ("search", {}, "q"),
    ("search", {"q": "-only"}, "q"),
    ("search", {"q": "x", "limit": "500"}, "limit"),
    ("export", {"format": "xlsx"}, "format"),
    ("export", {}, "format"),
    ("export", {"format": "csv", "type": "NOPE"}, "NOPE"),
]


@pytest.mark.parametrize(("path", "params", "named"), BAD)
def test_bad_parameters_are_client_errors(
    client: TestClient, path: str, params: dict, named: str
) -> None:
    reply = client.get(f"/api/v1/{path}", params=params)
    assert 400 <= reply.status_code < 500, reply.text
    detail = reply.json()["detail"]
    assert isinstance(detail, str) and named in detail


def test_unknown_path_is_404(client: TestClient) -> None:
    assert client.get("/api/v1/nothing-here").status_code == 404
